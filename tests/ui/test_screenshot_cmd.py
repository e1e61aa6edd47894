"""``kiosk screenshot``: runs on a temporary demo database and writes real, non-blank PNGs."""

from __future__ import annotations

from PySide6.QtGui import QImage

from kiosk.cli import main


def _distinct_colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step)
                for y in range(0, image.height(), step)})


def test_quick_screenshots_are_written_and_not_blank(qapp, tmp_path, config, capsys):
    out = tmp_path / "shots"
    db = tmp_path / "never-touched.db"
    code = main(["--db", str(db), "screenshot", "--out", str(out), "--quick",
                 "--size", "1280x800"])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    files = sorted(p.name for p in out.glob("*.png"))
    assert files == ["selfservice-attract.png", "selfservice-films.png"]
    for path in out.glob("*.png"):
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1280, 800)
        assert _distinct_colours(image) > 20, f"{path.name} is (nearly) one colour"
    assert not db.exists()  # the configured database is never opened
    assert "2 screenshots" in printed.out
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "(selfservice-attract.png)" in index and "(selfservice-films.png)" in index


def test_a_bad_size_is_refused(qapp, tmp_path, capsys):
    code = main(["screenshot", "--out", str(tmp_path), "--size", "big"])
    assert code != 0
    assert "--size" in capsys.readouterr().err

"""``kiosk screenshot``: runs on a temporary demo database and writes real, non-blank PNGs.

The tool runs on its own fixed scenario day, so these tests pass on any date (``.ci/run`` runs
them again 400 days ahead under libfaketime).
"""

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


def test_counter_sale_runs_on_the_scenario_day_with_a_child_ticket(qapp, tmp_path, capsys):
    """The counter walk-through sells a child ticket for the scenario's U-rated show, whatever
    today's date is and whatever the demo schedule puts first."""
    out = tmp_path / "shots"
    code = main(["--db", str(tmp_path / "never-touched.db"), "screenshot", "--out", str(out),
                 "--mode", "counter", "--theme", "normal", "--no-languages",
                 "--size", "1280x800"])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    files = {p.name for p in out.glob("*.png")}
    assert {"counter-basket.png", "counter-payment.png", "counter-ticket.png",
            "counter-refund.png", "counter-shift-close.png", "counter-shift-report.png",
            "counter-shift-slip.png"} <= files, sorted(files)  # the cash-up's three steps
    for name in ("counter-seats.png", "counter-ticket.png"):
        assert _distinct_colours(QImage(str(out / name))) > 20, f"{name} is (nearly) one colour"


def test_the_scenario_is_fixed_and_has_its_own_u_rated_show(qapp, tmp_path, config):
    from kiosk.commands import screenshot

    shots = screenshot.Screenshotter(config, tmp_path, tmp_path, (800, 600))
    try:
        assert shots.clock.now() == screenshot.SEED_FROM  # not today: a day the tool chose
        family = shots.services.catalogue.show(shots.scene["family"]).summary
        assert family.certificate == "U"
        assert family.local_start.date() == screenshot.SCENE_DAY
        assert family.starts_at > screenshot.SCENE_NOW
        assert set(shots.scene) == {key for key, _film, _start in screenshot.SCENE_SHOWS}
    finally:
        shots.services.close()

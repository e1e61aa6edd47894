"""CLI: init, shows, import, backup, restore. Every refusal exits non-zero and changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.store.db import open_db
from tests.cli_pin import main_with_pin

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "examples"


@pytest.fixture(autouse=True)
def cheap_bcrypt(monkeypatch):
    monkeypatch.setenv("KIOSK_BCRYPT_ROUNDS", "4")
    monkeypatch.delenv("KIOSK_PIN", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "kiosk.db"


@pytest.fixture
def demo_db(db_path, capsys) -> Path:
    assert main(["--db", str(db_path), "init", "--demo"]) == 0
    capsys.readouterr()
    return db_path


def dump(path: Path, skip: tuple[str, ...] = ("audit",)) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [line for line in conn.iterdump()
                if not any(f'INTO "{table}"' in line for table in skip)]
    finally:
        conn.close()


MANAGER = ("--staff", "9001", "--pin", "9999")  # the demo manager (tests/cli_pin: KIOSK_PIN)
CASHIER = ("--staff", "1001", "--pin", "1234")


def run(db_path: Path, *args: str) -> int:
    return main_with_pin(["--db", str(db_path), *args])


# ---------------------------------------------------------------------------- init
def test_init_loads_then_tops_up(db_path, capsys):
    assert run(db_path, "init", "--demo") == 0
    out = capsys.readouterr().out
    assert "Demo data loaded" in out and "10 halls" in out and "9001/9999" in out
    before = dump(db_path)
    assert run(db_path, "init", "--demo") == 0
    assert "already present" in capsys.readouterr().out
    assert dump(db_path) == before


def test_init_force_needs_yes_and_keeps_a_backup(demo_db, capsys):
    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE films SET title = 'Edited' WHERE id = 'monsoon-letters'")
    conn.commit()
    conn.close()
    before = dump(demo_db, skip=())
    assert run(demo_db, "init", "--demo", "--force") == 2
    assert "--force --yes" in capsys.readouterr().err
    assert dump(demo_db, skip=()) == before
    assert run(demo_db, "init", "--force", "--yes") == 2  # erasing to load the demo says so
    assert "--demo" in capsys.readouterr().err
    assert dump(demo_db, skip=()) == before
    assert run(demo_db, "init", "--demo", "--force", "--yes", *MANAGER) == 0
    out = capsys.readouterr().out
    assert "Saved a backup" in out and "Demo data loaded" in out
    conn = sqlite3.connect(demo_db)
    assert conn.execute("SELECT title FROM films WHERE id = 'monsoon-letters'").fetchone()[0] \
        == "Monsoon Letters"
    conn.close()
    saved = list((demo_db.parent / "backups").glob("kiosk-*.db"))
    assert len(saved) == 1
    old = sqlite3.connect(saved[0])
    assert old.execute("SELECT title FROM films WHERE id = 'monsoon-letters'").fetchone()[0] \
        == "Edited"
    old.close()


def test_init_leaves_a_cinemas_own_data_alone(db_path, capsys):
    from kiosk.domain.clock import Clock
    from tests.factories import make_world

    db = open_db(db_path)
    make_world(db, Clock())
    db.conn.close()
    before = dump(db_path, skip=())
    assert run(db_path, "init", "--demo") == 0
    assert "nothing was changed" in capsys.readouterr().out
    assert dump(db_path, skip=()) == before


# ---------------------------------------------------------------------------- shows
def test_shows_table_and_filters(demo_db, capsys):
    assert run(demo_db, "shows", "--limit", "5") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["When", "(local)", "Film"]
    assert set(lines[1]) <= {"-", " "}
    assert len(lines) == 2 + 5
    assert run(demo_db, "shows", "--city", "Dubai", "--language", "Malayalam", "--limit", "100") == 0
    rows = capsys.readouterr().out.splitlines()[2:]
    assert rows and all("Malayalam" in r and "AED" in r for r in rows)
    assert run(demo_db, "shows", "--cinema", "marina", "--genre", "comedy") == 0
    rows = capsys.readouterr().out.splitlines()[2:]
    assert rows and all("Marina Picture House" in r for r in rows)
    assert run(demo_db, "shows", "--search", "no such film anywhere") == 0
    assert "No shows on sale match" in capsys.readouterr().out


def test_shows_on_a_date(demo_db, capsys):
    from datetime import UTC, datetime, timedelta

    day = (datetime.now(UTC) + timedelta(days=2)).date()
    assert run(demo_db, "shows", "--date", day.isoformat(), "--limit", "500") == 0
    rows = capsys.readouterr().out.splitlines()[2:]
    assert rows and all(f"{day:%d %b}" in r for r in rows)


@pytest.mark.parametrize("args,message", [
    (["--date", "2026-02-30"], "is not a date"),
    (["--cinema", "Nowhere Plaza"], "No cinema matches"),
    (["--cinema", "a"], "matches several cinemas"),
    (["--limit", "0"], "--limit must be at least 1"),
])
def test_shows_refusals(demo_db, capsys, args, message):
    before = dump(demo_db, skip=())
    assert run(demo_db, "shows", *args) == 2
    assert message in capsys.readouterr().err
    assert dump(demo_db, skip=()) == before


def test_shows_on_an_empty_database_says_how_to_start(db_path, capsys):
    assert run(db_path, "shows") == 0
    assert "kiosk init" in capsys.readouterr().out


# ---------------------------------------------------------------------------- import
def test_import_as_manager(demo_db, capsys):
    assert run(demo_db, "import", str(EXAMPLES / "films.csv"), "--staff", "9001",
               "--pin", "9999") == 0
    assert "Imported films from films.csv: 2 added" in capsys.readouterr().out
    conn = sqlite3.connect(demo_db)
    assert conn.execute("SELECT title FROM films WHERE id = 'paper-boats'").fetchone()
    actions = [r[0] for r in conn.execute("SELECT action FROM audit ORDER BY id")]
    conn.close()
    assert "import" in actions and actions[-1] == "sign_out"


def test_import_dry_run_and_pin_from_environment(demo_db, capsys, monkeypatch, tmp_path):
    from datetime import UTC, datetime, timedelta

    monkeypatch.setenv("KIOSK_PIN", "9999")
    day = (datetime.now(UTC) + timedelta(days=30)).date()  # past the demo's 7 days: a free hall
    shows = tmp_path / "shows.csv"
    shows.write_text("film_id,hall_id,starts_at,price_list_id\n" + "".join(
        f"monsoon-letters,mum-andheri-studio,{day} {t},pl-inr-multiplex\n"
        for t in ("13:00", "16:00", "19:00")), encoding="utf-8")
    before = dump(demo_db)
    assert run(demo_db, "import", str(shows), "--staff", "9001", "--dry-run") == 0
    assert "would be 3 added" in capsys.readouterr().out
    assert dump(demo_db) == before


@pytest.mark.parametrize("staff,pin,message", [
    ("1001", "1234", "Only a manager"),
    ("9001", "0000", "not recognised"),
])
def test_import_refused_for_cashier_or_wrong_pin(demo_db, capsys, staff, pin, message):
    before = dump(demo_db, skip=("audit", "staff"))
    code = run(demo_db, "import", str(EXAMPLES / "films.csv"), "--staff", staff, "--pin", pin)
    assert code != 0
    assert message in capsys.readouterr().err
    assert dump(demo_db, skip=("audit", "staff")) == before


def test_import_of_a_bad_file_changes_nothing(demo_db, capsys, tmp_path):
    bad = tmp_path / "films.csv"
    bad.write_text("id,title,language,genres,certificate,runtime_min\n"
                   "fine,Fine,Hindi,Drama,U,100\n"
                   "broken,Broken,Hindi,Drama,U,long\n", encoding="utf-8")
    before = dump(demo_db)
    assert run(demo_db, "import", str(bad), "--staff", "9001", "--pin", "9999") == 2
    err = capsys.readouterr().err
    assert "nothing was changed" in err and "Line 3, running time" in err
    assert dump(demo_db) == before
    assert run(demo_db, "import", str(tmp_path / "missing.csv"), "--staff", "9001",
               "--pin", "9999") == 2
    assert "There is no file" in capsys.readouterr().err
    assert dump(demo_db) == before


# ---------------------------------------------------------------------------- backup / restore
def test_backup_and_restore(demo_db, capsys, tmp_path):
    target = tmp_path / "saved.db"
    assert run(demo_db, "backup", str(target), *MANAGER) == 0
    assert "Backup saved to" in capsys.readouterr().out and target.exists()
    assert run(demo_db, "backup", str(target), *MANAGER) == 2  # never overwrites
    assert "already exists" in capsys.readouterr().err
    conn = sqlite3.connect(demo_db)
    conn.execute("DELETE FROM prices")
    conn.commit()
    conn.close()
    changed = dump(demo_db, skip=())
    assert run(demo_db, "restore", str(target)) == 2
    assert "--yes" in capsys.readouterr().err
    assert dump(demo_db, skip=()) == changed
    assert run(demo_db, "restore", str(target), "--yes", *MANAGER) == 0
    out = capsys.readouterr().out
    assert "Restored saved.db" in out and "pre-restore" in out
    conn = sqlite3.connect(demo_db)
    assert conn.execute("SELECT COUNT(*) FROM prices").fetchone()[0] == 100
    conn.close()


def test_restore_of_a_bad_file_is_refused(demo_db, capsys, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"nonsense" * 500)
    before = demo_db.read_bytes()
    assert run(demo_db, "restore", str(bad), "--yes") == 2
    assert "not a kiosk backup" in capsys.readouterr().err
    assert demo_db.read_bytes() == before
    assert run(demo_db, "restore", str(tmp_path / "absent.db"), "--yes") == 2
    assert demo_db.read_bytes() == before


def test_help_texts_speak_plainly(capsys):
    for command in ("init", "shows", "import", "backup", "restore"):
        with pytest.raises(SystemExit) as done:
            main([command, "--help"])
        assert done.value.code == 0
        assert len(capsys.readouterr().out) > 200


@pytest.mark.parametrize("argv", [
    ["book", "show-future", "B1", "--pay", "card"],
    ["refund", "K7QX-4M2P", "--seats", "B1"],
    ["report", "--date", "2026-12-01"],
    ["import", "films.csv"],
    ["cloud", "dead-letter"],
    ["cloud", "allocate", "--show", "show-future", "--count", "1"],
    ["cloud", "release", "--show", "show-future"],
])
def test_no_command_takes_a_pin_on_its_command_line(tmp_path, capsys, argv):
    """A command line is in the process list and shell history: the PIN comes from $KIOSK_PIN
    or the prompt, and ``--pin`` is refused before anything is opened."""
    db_path = tmp_path / "never.db"
    with pytest.raises(SystemExit) as done:
        main(["--db", str(db_path), *argv, "--staff", "9001", "--pin", "9999"])
    assert done.value.code == 2
    assert "unrecognized arguments: --pin 9999" in capsys.readouterr().err
    assert not db_path.exists()


# ---------------------------------------------------------------------------- failed writes
@pytest.mark.parametrize("fmt", ["table", "csv", "pdf"])
@pytest.mark.parametrize("where,message", [
    ("/proc/version", "is a system file"),
    ("FOLDER", "is a folder"),
    ("MISSING/report.out", "does not exist"),
    ("/dev/full", "is not a regular file"),
])
def test_a_report_that_cannot_be_written_says_so_and_exits_non_zero(
        demo_db, capsys, tmp_path, fmt, where, message):
    out = where.replace("FOLDER", str(tmp_path)).replace("MISSING", str(tmp_path / "nope"))
    code = run(demo_db, "report", "--date", "2026-12-01", "--format", fmt, "--out", out,
               "--staff", "9001", "--pin", "9999")
    captured = capsys.readouterr()
    assert code == 2
    assert message in captured.err and "written" not in captured.out
    assert not (tmp_path / "nope").exists()


def test_a_write_that_fails_half_way_leaves_the_old_file(demo_db, capsys, tmp_path, monkeypatch):
    import errno
    import os

    target = tmp_path / "report.csv"
    target.write_text("yesterday's report\n", encoding="utf-8")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    code = run(demo_db, "report", "--date", "2026-12-01", "--format", "csv", "--out",
               str(target), "--staff", "9001", "--pin", "9999")
    captured = capsys.readouterr()
    assert code == 2 and "the disk is full" in captured.err and "written" not in captured.out
    assert target.read_text(encoding="utf-8") == "yesterday's report\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


@pytest.mark.skipif(getattr(__import__("os"), "geteuid", lambda: 0)() == 0,
                    reason="root writes into read-only folders")
def test_a_report_into_a_read_only_folder_is_refused(demo_db, capsys, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        code = run(demo_db, "report", "--date", "2026-12-01", "--out", str(locked / "r.txt"),
                   "--staff", "9001", "--pin", "9999")
        assert code == 2 and "permission denied" in capsys.readouterr().err
    finally:
        locked.chmod(0o755)


def test_backup_refuses_a_missing_folder_and_a_device(demo_db, capsys, tmp_path):
    assert run(demo_db, "backup", str(tmp_path / "nope" / "b.db"), *MANAGER) == 2
    assert "does not exist" in capsys.readouterr().err
    assert run(demo_db, "backup", "/dev/full", *MANAGER) == 2
    assert "already exists" in capsys.readouterr().err


def test_backup_and_restore_are_audited_with_the_staff_member(demo_db, capsys, tmp_path):
    import json

    target = tmp_path / "audited.db"
    assert run(demo_db, "backup", str(target), "--staff", "9001", "--pin", "9999") == 0
    assert run(demo_db, "restore", str(target), "--yes", "--staff", "9001", "--pin", "9999") == 0
    conn = sqlite3.connect(demo_db)
    rows = conn.execute("SELECT action, target, ok, staff_id, detail FROM audit "
                        "WHERE action IN ('backup', 'restore') ORDER BY id").fetchall()
    manager_id = conn.execute("SELECT id FROM staff WHERE staff_number = '9001'").fetchone()[0]
    conn.close()
    # the restored log is the backup's, which was taken before its own audit row: one restore row
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [("restore", "audited.db", 1, manager_id)]
    detail = json.loads(rows[0][4])
    assert detail["staff_number"] == "9001" and detail["counts"]["staff"] == 4
    assert "pre-restore" in detail["safety_copy"]


def test_restore_of_a_backup_breaking_the_schema_rules_changes_nothing(demo_db, capsys, tmp_path):
    target = tmp_path / "tampered.db"
    assert run(demo_db, "backup", str(target), *MANAGER) == 0
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE prices SET amount_minor = -1")
    conn.commit()
    conn.close()
    before = dump(demo_db)
    capsys.readouterr()
    assert run(demo_db, "restore", str(target), "--yes", *MANAGER) == 2
    err = capsys.readouterr().err
    assert "breaks this database's own rules" in err and "amount_minor >= 0" in err
    assert dump(demo_db) == before

"""The CLI's first run (issue 11, point 6): a plain `kiosk init` loads nothing; `kiosk init
--first-manager` creates exactly one first manager (PIN from $KIOSK_PIN or asked twice, never
an option) and the cinema with it; `--demo` is the only way to the demo staff. Refusals exit
non-zero, change nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.factories import table_dump

CINEMA = ("--cinema-name", "Lakeview Cinemas", "--city", "Kochi", "--timezone", "Asia/Kolkata",
          "--currency", "INR")


@pytest.fixture(autouse=True)
def cheap_bcrypt(monkeypatch):
    monkeypatch.setenv("KIOSK_BCRYPT_ROUNDS", "4")
    monkeypatch.delenv("KIOSK_PIN", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    """An empty, migrated database: what a kiosk has after its first start."""
    from kiosk.store.db import open_db

    path = tmp_path / "kiosk.db"
    open_db(path).conn.close()
    return path


def run(db_path: Path, *args: str) -> int:
    return main(["--db", str(db_path), *args])


def rows(db_path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def dump(db_path: Path, exclude=("audit",)) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return table_dump(conn, exclude)
    finally:
        conn.close()


def prompts(monkeypatch, *answers: str) -> list[str]:
    asked: list[str] = []
    feed = iter(answers)

    def fake_getpass(prompt: str = "") -> str:
        asked.append(prompt)
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    return asked


def test_plain_init_loads_nothing_and_says_what_to_do(db_path, capsys):
    before = dump(db_path, exclude=())
    assert run(db_path, "init") == 2
    err = capsys.readouterr().err
    assert "--first-manager NUMBER --name NAME" in err and "--demo" in err
    assert dump(db_path, exclude=()) == before
    assert rows(db_path, "SELECT COUNT(*) FROM staff") == [(0,)]


def test_first_manager_from_kiosk_pin_then_a_second_is_refused(db_path, capsys, monkeypatch):
    monkeypatch.setenv("KIOSK_PIN", "4826")
    assert run(db_path, "init", "--first-manager", "4001", "--name", "Priya Nair",
               *CINEMA) == 0
    assert "First manager Priya Nair (4001) created" in capsys.readouterr().out
    assert rows(db_path, "SELECT staff_number, name, role, active FROM staff") == \
        [("4001", "Priya Nair", "manager", 1)]
    assert rows(db_path, "SELECT action, ok, target FROM audit") == \
        [("staff.first_manager", 1, "4001"), ("cinema.first_run", 1, "lakeview-cinemas")]
    before = dump(db_path)
    monkeypatch.setenv("KIOSK_PIN", "5831")
    assert run(db_path, "init", "--first-manager", "4002", "--name", "Someone Else") != 0
    assert "already has staff" in capsys.readouterr().err
    assert dump(db_path) == before
    assert rows(db_path, "SELECT action, ok FROM audit ORDER BY id")[-1] == \
        ("staff.first_manager", 0)  # the attempt is on record


def test_the_pin_is_asked_twice_and_must_match(db_path, capsys, monkeypatch):
    asked = prompts(monkeypatch, "4826", "4862")
    before = dump(db_path, exclude=())
    assert run(db_path, "init", "--first-manager", "4001", "--name", "Priya", *CINEMA) == 2
    assert "not the same" in capsys.readouterr().err
    assert len(asked) == 2 and "4001" in asked[0]
    assert rows(db_path, "SELECT COUNT(*) FROM staff") == [(0,)]
    assert dump(db_path, exclude=()) == before
    prompts(monkeypatch, "4826", "4826")
    assert run(db_path, "init", "--first-manager", "4001", "--name", "Priya", *CINEMA) == 0
    assert rows(db_path, "SELECT staff_number FROM staff") == [("4001",)]


@pytest.mark.parametrize("pin,words", [("1234", "run of digits"), ("0000", "one digit"),
                                       ("12", "4 to 8 digits")])
def test_a_weak_pin_is_refused_and_nothing_changes(db_path, capsys, monkeypatch, pin, words):
    before = dump(db_path, exclude=())
    monkeypatch.setenv("KIOSK_PIN", pin)
    assert run(db_path, "init", "--first-manager", "4001", "--name", "Priya", *CINEMA) == 2
    assert words in capsys.readouterr().err
    assert dump(db_path, exclude=()) == before


@pytest.mark.parametrize("extra,words", [
    (["--demo"], "on its own"),
    (["--force", "--yes"], "on its own"),
])
def test_first_manager_goes_alone(db_path, capsys, monkeypatch, extra, words):
    monkeypatch.setenv("KIOSK_PIN", "4826")
    assert run(db_path, "init", "--first-manager", "4001", "--name", "Priya", *extra) == 2
    assert words in capsys.readouterr().err
    assert rows(db_path, "SELECT COUNT(*) FROM staff") == [(0,)]


def test_missing_name_and_a_stray_name_are_refused(db_path, capsys, monkeypatch):
    monkeypatch.setenv("KIOSK_PIN", "4826")
    assert run(db_path, "init", "--first-manager", "4001") == 2
    assert "--name" in capsys.readouterr().err
    assert run(db_path, "init", "--name", "Priya") == 2
    assert "--first-manager" in capsys.readouterr().err
    assert rows(db_path, "SELECT COUNT(*) FROM staff") == [(0,)]


def test_the_demo_only_on_request_and_then_no_first_manager(db_path, capsys, monkeypatch):
    assert run(db_path, "--demo", "init") == 2  # --demo before a command: not how it loads
    assert "kiosk init --demo" in capsys.readouterr().err
    assert rows(db_path, "SELECT COUNT(*) FROM staff") == [(0,)]
    assert run(db_path, "init", "--demo") == 0
    assert "Demo data loaded" in capsys.readouterr().out
    assert rows(db_path, "SELECT value FROM settings WHERE key = 'demo_data'") == [("1",)]
    before = dump(db_path)
    monkeypatch.setenv("KIOSK_PIN", "4826")
    assert run(db_path, "init", "--first-manager", "4001", "--name", "Priya") != 0
    assert "already has staff" in capsys.readouterr().err
    assert dump(db_path) == before


def test_the_demo_is_never_loaded_into_a_cloud_cinemas_database(db_path, config):
    from kiosk.commands.launch import _load_demo
    from kiosk.domain.errors import InvalidInput

    before = dump(db_path, exclude=())
    with pytest.raises(InvalidInput, match="belongs to cinema hyd-central"):
        _load_demo(config.with_overrides(db_path=db_path, cinema_id="hyd-central"))
    assert dump(db_path, exclude=()) == before
    _load_demo(config.with_overrides(db_path=db_path))  # the same request on a demo device
    assert rows(db_path, "SELECT COUNT(*) FROM settings WHERE key = 'demo_data'") == [(1,)]


def test_commands_on_the_demo_say_so_on_stderr(db_path, tmp_path, capsys):
    from kiosk.domain.clock import Clock
    from kiosk.store.db import open_db
    from tests.factories import make_world

    assert run(db_path, "init", "--demo") == 0
    capsys.readouterr()
    assert run(db_path, "shows", "--limit", "1") == 0
    out, err = capsys.readouterr()
    assert err.count("DEMO data") == 1 and "DEMO" not in out  # stdout stays clean for pipes
    own = tmp_path / "own.db"
    world = open_db(own)
    make_world(world, Clock())
    world.conn.close()
    assert run(own, "shows", "--limit", "1") == 0
    assert "DEMO" not in capsys.readouterr().err
    missing = tmp_path / "missing.db"
    run(missing, "shows")  # whatever shows says, the notice never creates the file first
    assert "DEMO" not in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["init", "--first-manager", "4001", "--name", "Priya", "--pin", "4826"],
    ["init", "--demo", "--force", "--yes", "--discard-unsent", "--staff", "9001", "--pin", "9999"],
])
def test_init_has_no_pin_option(db_path, capsys, argv):
    before = dump(db_path, exclude=())
    with pytest.raises(SystemExit) as refused:
        run(db_path, *argv)
    assert refused.value.code == 2 and "--pin" in capsys.readouterr().err
    assert dump(db_path, exclude=()) == before


def test_the_cinema_is_created_with_the_first_manager(db_path, capsys, monkeypatch):
    monkeypatch.setenv("KIOSK_PIN", "4826")
    assert run(db_path, "init", "--first-manager", "4001", "--name", "Priya Nair", *CINEMA) == 0
    out = capsys.readouterr().out
    assert "Cinema Lakeview Cinemas (lakeview-cinemas; Kochi, Asia/Kolkata, INR) created" in out
    assert "no default money limits" not in out
    assert rows(db_path, "SELECT id, name, city, timezone, currency FROM cinemas") == \
        [("lakeview-cinemas", "Lakeview Cinemas", "Kochi", "Asia/Kolkata", "INR")]
    assert rows(db_path, "SELECT value FROM settings WHERE key = 'cinema_id'") == \
        [("lakeview-cinemas",)]
    assert rows(db_path, "SELECT action, target FROM audit ORDER BY id") == \
        [("staff.first_manager", "4001"), ("cinema.first_run", "lakeview-cinemas")]


def test_a_typed_id_and_a_currency_without_default_limits(db_path, capsys, monkeypatch):
    monkeypatch.setenv("KIOSK_PIN", "4826")
    assert run(db_path, "init", "--first-manager", "4001", "--name", "Priya",
               "--cinema-name", "Harbour", "--city", "Auckland", "--timezone",
               "Pacific/Auckland", "--currency", "nzd", "--cinema-id", "akl-1") == 0
    assert "no default money limits for NZD" in capsys.readouterr().out
    assert rows(db_path, "SELECT id, currency FROM cinemas") == [("akl-1", "NZD")]


@pytest.mark.parametrize("change,words", [
    (("--timezone", "Asia/Kochi"), "not a time zone"),
    (("--currency", "JPY"), "hundredths"),
    (("--currency", "RUPEE"), "three-letter code"),
    (("--cinema-name", "@SUM(A1)"), "may not start"),
])
def test_a_bad_cinema_is_refused_before_the_pin_and_nothing_changes(db_path, capsys,
                                                                    monkeypatch, change, words):
    asked = prompts(monkeypatch)
    before = dump(db_path, exclude=())
    args = list(CINEMA)
    args[args.index(change[0]) + 1] = change[1]
    assert run(db_path, "init", "--first-manager", "4001", "--name", "Priya", *args) == 2
    assert words in capsys.readouterr().err
    assert asked == [] and dump(db_path, exclude=()) == before


def test_without_the_cinema_an_empty_database_is_refused_naming_the_options(db_path, capsys,
                                                                           monkeypatch):
    asked = prompts(monkeypatch)
    before = dump(db_path, exclude=())
    assert run(db_path, "init", "--first-manager", "4001", "--name", "Priya") == 2
    err = capsys.readouterr().err
    assert "no cinema yet" in err and "--timezone" in err and "--currency" in err
    assert run(db_path, "init", "--first-manager", "4001", "--name", "Priya",
               "--cinema-name", "Lakeview", "--city", "Kochi") == 2
    assert "--timezone, --currency" in capsys.readouterr().err
    assert run(db_path, "init", "--city", "Kochi") == 2
    assert "--city goes with --first-manager" in capsys.readouterr().err
    assert asked == [] and dump(db_path, exclude=()) == before

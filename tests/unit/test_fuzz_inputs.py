"""Hypothesis fuzz of imports and of the CLI (issue 11, must-build 10).

Thousands of generated inputs in total: hostile JSON items, CSV files with odd headers and cells,
byte-level mutations of the shipped example files, and command lines of the data commands with
hostile arguments. Whatever comes in:
- no traceback: the service raises a KioskError with a message, the CLI returns an exit code;
- a refusal changes nothing (every table but the audit log compared before and after);
- what is accepted obeys the rules (certificate from the list, no control characters, nothing a
  spreadsheet would run, posters inside the posters folder, plain row labels).
The default run stays fast (a few hundred examples each); the ``slow`` tests run thousands.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from kiosk.domain import input_rules
from kiosk.domain.errors import KioskError
from kiosk.domain.layout import layout_from_json
from kiosk.services.importer import ImportService
from tests.factories import table_dump

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "examples"
FAST = settings(max_examples=120, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
MANY = settings(FAST, max_examples=1000)  # x3 tests, ~50 s serial: the suite stays < 15 min

HOSTILE = st.sampled_from([
    "", " ", "=cmd|' /C calc'!A1", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "a\x00b", "\x1b[2J",
    "ab\u202ecd", "x\ud800", "NaN", "Infinity", "-inf", "nan", "1e400", "-0", "0", "600", "601",
    "../../root/.ssh/id_rsa", "/etc/shadow", "C:\\x.png", "ok.png", "a/b.webp", "~/x.png",
    "A" * 300, "१२०", "U", "UA13+", "ua 7+", "XXX", "-5", "null", "true", "{}", "[]",
    "[" * 40 + "]" * 40, '{"rows": [{"label": "=A", "cells": "SS"}]}', "SSSS", "2027-01-15 10:00",
    "0001-01-01 00:00", "9999-12-31 23:59", "INR", "standard", "adult", "250.00", "-1.00",
    "cin-test", "hall-test", "film-test", "pl-test",
]) | st.text(max_size=16)
SCALARS = (st.none() | st.booleans() | st.integers(-(10**30), 10**30)
           | st.floats(allow_nan=True, allow_infinity=True) | HOSTILE)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(HOSTILE, inner, max_size=3), max_leaves=8)
FIELDS = {
    "films": ["id", "title", "language", "genres", "certificate", "runtime_min", "synopsis",
              "poster"],
    "halls": ["id", "cinema_id", "name", "layout", "plan"],
    "shows": ["id", "film_id", "hall_id", "starts_at", "price_list_id"],
    "prices": ["price_list_id", "price_list_name", "currency", "tax_rate_bp", "seat_type",
               "ticket_type", "amount"],
}
ALL_FIELDS = sorted({f for names in FIELDS.values() for f in names})
TOUCHED = ("cinemas", "films", "halls", "shows", "price_lists", "prices")


# ---------------------------------------------------------------- generated files
@st.composite
def json_files(draw) -> tuple[str, str]:
    kind = draw(st.sampled_from(sorted(FIELDS)))
    items = []
    for _ in range(draw(st.integers(0, 3))):
        names = draw(st.lists(st.sampled_from(FIELDS[kind] + ["extra"]), unique=True))
        items.append({n: draw(VALUES) for n in names})
    shape = draw(st.sampled_from(["keyed", "bare", "scalar"]))
    doc = {kind: items} if shape == "keyed" else items if shape == "bare" else draw(VALUES)
    return ".json", json.dumps(doc)  # NaN and Infinity written as such (not JSON)


@st.composite
def csv_files(draw) -> tuple[str, str]:
    header = draw(st.lists(st.sampled_from(ALL_FIELDS) | HOSTILE, min_size=0, max_size=8))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for _ in range(draw(st.integers(0, 4))):
        writer.writerow(draw(st.lists(HOSTILE, min_size=0, max_size=len(header) + 1)))
    text = out.getvalue()
    if draw(st.booleans()):  # sometimes break the quoting too
        text = text.replace(",", draw(st.sampled_from([',"', '"', ",,", "\x00"])), 1)
    return ".csv", text


def _examples() -> list[tuple[str, str]]:
    return [(p.suffix, p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.iterdir())
            if p.suffix in (".json", ".csv")]


@st.composite
def mutated_examples(draw) -> tuple[str, str]:
    suffix, text = draw(st.sampled_from(_examples()))
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        payload = draw(HOSTILE | st.sampled_from(['"', ",", "{", "]", "\n", "\\", ":"]))
        if op == "insert":
            text = text[:pos] + payload + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 20)):]
        else:
            text = text[:pos] + payload + text[pos + len(payload):]
    return suffix, text


ANY_FILE = st.one_of(json_files(), csv_files(), mutated_examples())


def note(text: str) -> None:
    """Count outcomes (``--hypothesis-show-statistics``) when run under hypothesis."""
    if currently_in_test_context():
        event(text)


# ---------------------------------------------------------------- the world and its rules
@pytest.fixture
def world(services, tmp_path):
    manager = services.auth.sign_in("9001", "9999")
    return services, ImportService(services.deps), manager


def touched(conn) -> str:
    return table_dump(conn, exclude=tuple(
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if r[0] not in TOUCHED))


def assert_rules_hold(conn, posters: Path) -> None:
    for cert, title, language, genres, synopsis, poster in conn.execute(
            "SELECT certificate, title, language, genres, synopsis, poster FROM films"):
        assert cert in input_rules.CERTIFICATES
        for text in (title, language, *json.loads(genres)):
            assert not input_rules.bad_character(text) and not input_rules.starts_like_formula(text)
        assert not input_rules.bad_character(synopsis or "", allow_newlines=True)
        assert not poster or Path(poster).resolve().is_relative_to(posters.resolve())
    for (layout,) in conn.execute("SELECT layout FROM halls"):
        hall = layout_from_json(layout)
        assert hall.seat_count <= input_rules.MAX_HALL_SEATS
        assert all(re.fullmatch(r"[A-Za-z0-9]{1,3}[0-9]+", code) for code in hall.seats)


def import_once(world, tmp_path: Path, case: tuple[str, str], kind: str | None) -> None:
    services, importer, manager = world
    suffix, text = case
    path = tmp_path / f"fuzz{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    conn = services.deps.conn
    before = touched(conn)
    try:
        importer.apply(manager, path, kind)
    except KioskError as err:
        note(f"refused: {type(err).__name__}")
        assert str(err).strip()
        assert touched(conn) == before, "a refused import changed the database"
    else:
        note("accepted")
        assert_rules_hold(conn, importer.posters_dir())


KINDS = st.sampled_from([None, "films", "halls", "shows", "prices"])


@FAST
@given(case=ANY_FILE, kind=KINDS)
def test_fuzzed_imports_never_crash_and_refusals_change_nothing(world, tmp_path, case, kind):
    import_once(world, tmp_path, case, kind)


@pytest.mark.slow
@MANY
@given(case=ANY_FILE, kind=KINDS)
def test_many_fuzzed_imports(world, tmp_path, case, kind):
    import_once(world, tmp_path, case, kind)


@FAST
@given(case=mutated_examples())
def test_mutated_example_files(world, tmp_path, case):
    import_once(world, tmp_path, case, None)


# ---------------------------------------------------------------- the CLI, in process
ARG = HOSTILE | st.sampled_from(["show-future", "B1", "B2", "--best", "2", "--pay", "cash",
                                 "card", "--dry-run", "--kind", "films", "--yes", "--date",
                                 "2026-11-25", "--to", "--format", "csv", "pdf", "--out",
                                 "--limit", "-1", "999999999999", "--city", "--seats",
                                 "--staff", "9001", "1001", "fuzz.csv", "fuzz.json", "saved.db",
                                 "report.txt", "--help"])
COMMANDS = st.sampled_from(["import", "report", "shows", "backup", "restore", "book", "refund"])


@pytest.fixture
def cli_db(tmp_path, monkeypatch, clock):
    """The test world in a file, the manager's PIN in the environment, cwd a scratch folder."""
    from kiosk.store.db import open_db
    from tests.factories import make_world

    db_path = tmp_path / "kiosk.db"
    db = open_db(db_path)
    make_world(db, clock)
    db.conn.close()
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("KIOSK_PIN", "9999")
    monkeypatch.setenv("KIOSK_BCRYPT_ROUNDS", "4")
    (work / "fuzz.csv").write_text("id,title,language,genres,certificate,runtime_min\n"
                                   "f1,=1+1,Hindi,Drama,XXX,90\n", encoding="utf-8")
    (work / "fuzz.json").write_text('{"films": [{"id": NaN}]}', encoding="utf-8")
    return db_path


def cli_once(db_path: Path, command: str, args: list[str], capsys) -> None:
    import sqlite3

    from kiosk.cli import main

    def state() -> list[str]:
        conn = sqlite3.connect(db_path)
        try:
            return [line for line in conn.iterdump()
                    if not line.startswith(('INSERT INTO "audit"', 'INSERT INTO "staff"'))]
        finally:
            conn.close()

    before = state()
    argv = ["--db", str(db_path), command, *args]
    try:
        code = main(argv)
    except SystemExit as done:  # argparse: a usage error (2) or --help (0)
        code = done.code
        assert code in (0, 2), argv
    out = capsys.readouterr()
    note(f"{command} exit {code}")
    assert "Traceback" not in out.err
    if code != 0:
        assert out.err.strip(), argv  # a refusal says why
        assert state() == before, f"{argv} failed but changed the database"


def opt(draw, *parts) -> list[str]:
    return list(parts) if draw(st.booleans()) else []


@st.composite
def command_lines(draw) -> tuple[str, list[str]]:
    """Mostly well-formed command lines with hostile values in their slots, some random."""
    value = draw(ARG)
    staff = ["--staff", draw(st.sampled_from(["9001", "1001", "0000"]) | HOSTILE)]
    command = draw(COMMANDS)
    if draw(st.integers(0, 4)) == 0:
        return command, draw(st.lists(ARG, max_size=8))
    if command == "import":
        args = [draw(st.sampled_from(["fuzz.csv", "fuzz.json", "gen.csv", "gen.json"]) | HOSTILE),
                *opt(draw, "--dry-run"), *opt(draw, "--kind", draw(KINDS) or "films"), *staff]
    elif command == "report":
        args = ["--date", draw(st.sampled_from(["2026-11-25", "2026-02-30"]) | HOSTILE),
                *opt(draw, "--to", value), *opt(draw, "--format", draw(
                    st.sampled_from(["table", "csv", "pdf"]))),
                *opt(draw, "--out", draw(st.sampled_from(["r.txt", "/proc/version", ".", "/dev/full",
                                                          "no/such/r.txt"]) | HOSTILE)),
                *opt(draw, "--cinema", value), *staff]
    elif command == "shows":
        args = [*opt(draw, "--city", value), *opt(draw, "--search", value),
                *opt(draw, "--date", value), *opt(draw, "--limit", draw(HOSTILE))]
    elif command == "book":
        args = [draw(st.sampled_from(["show-future", "show-past"]) | HOSTILE),
                *draw(st.lists(st.sampled_from(["B1", "B2", "A1", "Z99"]) | HOSTILE, max_size=3)),
                "--pay", draw(st.sampled_from(["cash", "card"])),
                *opt(draw, "--tendered", draw(HOSTILE)), *opt(draw, "--card-last4", value),
                *opt(draw, "--contact", value), *opt(draw, "--ticket", value), *staff]
    elif command == "refund":
        args = [value, *opt(draw, "--seats", draw(HOSTILE)), *opt(draw, "--reason", value), *staff]
    elif command == "backup":
        args = [*opt(draw, draw(st.sampled_from(["saved.db", "/proc/version", "/dev/full", ".",
                                                 "no/such/b.db"]) | HOSTILE)),
                *opt(draw, *staff)]  # a manager (or not) must sign in: the database has staff
    else:
        args = [draw(st.sampled_from(["saved.db", "fuzz.json", "kiosk.db"]) | HOSTILE),
                *opt(draw, "--yes"), *opt(draw, "--undo-closed-days"), *opt(draw, *staff)]
    return command, args


@settings(FAST, max_examples=60)
@given(line=command_lines(), generated=ANY_FILE)
def test_fuzzed_command_lines_never_crash(cli_db, capsys, line, generated):
    write_generated(generated)
    cli_once(cli_db, *line, capsys)


@pytest.mark.slow
@settings(FAST, max_examples=600)
@given(line=command_lines(), generated=ANY_FILE)
def test_many_fuzzed_command_lines(cli_db, capsys, line, generated):
    write_generated(generated)
    cli_once(cli_db, *line, capsys)


def test_a_file_name_of_undecodable_bytes_is_named_in_the_message(cli_db, capsys):
    """Found by the slow fuzz: a name in bytes that are not UTF-8 reaches Python as a lone
    surrogate, and printing the error about it crashed the command."""
    from kiosk.cli import main

    assert main(["--db", str(cli_db), "import", "x\ud800", "--staff", "9001"]) == 2
    assert "x\\ud800" in capsys.readouterr().err


def write_generated(case: tuple[str, str]) -> None:
    suffix, text = case
    Path(f"gen{suffix}").write_text(text, encoding="utf-8", errors="surrogatepass")


def test_the_issue_cases_through_the_cli(cli_db, capsys, tmp_path):
    """The named cases of issue 11 end in a message and exit 2, with no traceback."""
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    typed = tmp_path / "typed.json"
    typed.write_text(json.dumps({"films": [{"id": "x", "title": "x", "language": "x",
                                            "genres": [], "certificate": "U",
                                            "runtime_min": {"a": 1}}]}), encoding="utf-8")
    for path in (deep, typed, Path("fuzz.csv"), Path("fuzz.json")):
        cli_once(cli_db, "import", [str(path), "--staff", "9001"], capsys)
    from kiosk.cli import main

    assert main(["--db", str(cli_db), "import", str(deep), "--staff", "9001"]) == 2
    assert "deep" in capsys.readouterr().err
    assert main(["--db", str(cli_db), "report", "--date", "2026-11-25", "--out",
                 "/proc/version", "--staff", "9001"]) == 2
    assert "written" not in capsys.readouterr().out
    assert sorted(os.listdir(".")) == ["fuzz.csv", "fuzz.json"]  # no partial file left behind


# ---------------------------------------------------------------- damaged backups
@pytest.fixture
def backup_pair(tmp_path, clock):
    from kiosk.store.backup import backup
    from kiosk.store.db import open_db
    from tests.factories import make_world

    live = tmp_path / "live.db"
    db = open_db(live)
    make_world(db, clock)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return live, backup(live, tmp_path / "good.db"), live.read_bytes()


def restore_once(backup_pair, tmp_path: Path, flips: list[tuple[int, int]]) -> None:
    import sqlite3

    from kiosk.store.backup import restore

    live, good, pristine = backup_pair
    for extra in ("-wal", "-shm"):  # each example starts from the same live database
        Path(f"{live}{extra}").unlink(missing_ok=True)
    live.write_bytes(pristine)
    data = bytearray(good.read_bytes())
    for offset, value in flips:
        data[offset % len(data)] = value
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    conn = sqlite3.connect(live)
    before = list(conn.iterdump())
    conn.close()
    try:
        restore(damaged, live)
    except KioskError as err:
        note(f"refused: {type(err).__name__}")
        conn = sqlite3.connect(live)
        assert list(conn.iterdump()) == before
        conn.close()
    else:
        note("restored")
    conn = sqlite3.connect(live)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


@settings(FAST, max_examples=40)
@given(flips=st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)), min_size=1,
                      max_size=8))
@example(flips=[(456994, 128)])  # integrity_check then quoted bytes that are not UTF-8
def test_damaged_backups_are_refused_cleanly_or_restore_whole(backup_pair, tmp_path, flips):
    restore_once(backup_pair, tmp_path, flips)


@pytest.mark.slow
@settings(FAST, max_examples=300)
@given(flips=st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)), min_size=1,
                      max_size=30))
def test_many_damaged_backups(backup_pair, tmp_path, flips):
    restore_once(backup_pair, tmp_path, flips)

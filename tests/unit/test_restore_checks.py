"""Restore checks a backup against every rule the live schema enforces, and is audited.

A backup can break the schema's rules without being "damaged": its tables redefined without a
CHECK (``PRAGMA writable_schema``), rows written with checks or foreign keys switched off, an
extra trigger planted. Each is refused before the live database is touched (byte for byte),
naming the table, row and rule; a good backup restores, and both leave audit rows.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kiosk.domain.errors import InvalidInput, KioskError
from kiosk.services.backups import backup_database, restore_database
from kiosk.services.models import Actor, Role
from kiosk.store.backup import backup, check_rules, restore
from kiosk.store.db import open_db
from tests.factories import MANAGER, make_world, table_dump
from tests.unit.test_backup import files_of


@pytest.fixture
def live(config, clock):
    db = open_db(config.db_path)
    make_world(db, clock)
    db.conn.execute(
        "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, "
        "currency, total_minor, tax_minor, payment_method, created_at, business_date, updated_at)"
        " VALUES ('b1', 'R1', 'k1', 'show-future', 'counter', 'K', 'INR', 25000, 3814, 'cash',"
        " 'x', 'x', 'x')")
    db.conn.execute("INSERT INTO seat_sales VALUES ('show-future', 'B1', 'b1')")
    yield db
    db.conn.close()


def raw(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    from kiosk.store import audit_chain

    audit_chain.register(conn)
    return conn


def _negative_total_without_check(path: Path) -> None:
    """The issue's case: the bookings table redefined without its CHECK, a negative total."""
    conn = raw(path)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'bookings'").fetchone()[0]
    assert "CHECK (total_minor >= 0)" in sql
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'bookings'",
                 (sql.replace("CHECK (total_minor >= 0)", ""),))
    conn.execute("PRAGMA writable_schema = OFF")
    conn.close()
    conn = raw(path)
    conn.execute("UPDATE bookings SET total_minor = -70000 WHERE id = 'b1'")
    conn.close()


def _checks_switched_off(path: Path) -> None:
    conn = raw(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE films SET runtime_min = -5")
    conn.close()


def _bad_vocabulary(path: Path) -> None:
    conn = raw(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE bookings SET payment_method = 'gold bars' WHERE id = 'b1'")
    conn.close()


def _dangling_foreign_key(path: Path) -> None:
    conn = raw(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO seat_sales VALUES ('show-future', 'B2', 'no-such-booking')")
    conn.close()


def _null_where_required(path: Path) -> None:
    conn = raw(path)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'films'").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'films'",
                 (sql.replace("title       TEXT NOT NULL", "title TEXT"),))
    conn.execute("PRAGMA writable_schema = OFF")
    conn.close()
    conn = raw(path)
    conn.execute("UPDATE films SET title = NULL")
    conn.close()


def _unknown_table(path: Path) -> None:
    conn = raw(path)
    conn.execute("CREATE TABLE payload (x)")
    conn.close()


@pytest.mark.parametrize("spoil,expected", [
    (_negative_total_without_check, "bookings row id 'b1': CHECK constraint failed: total_minor >= 0"),
    (_checks_switched_off, "films row id 'film-test': CHECK constraint failed: runtime_min > 0"),
    (_bad_vocabulary, "bookings row id 'b1': CHECK constraint failed: payment_method IN"),
    (_dangling_foreign_key, "a seat_sales row points to a missing bookings row"),
    (_null_where_required, "NOT NULL constraint failed: films.title"),
    (_unknown_table, "holds tables this version does not know (payload)"),
])
def test_a_backup_that_breaks_the_schemas_rules_is_refused_and_nothing_changes(
        live, config, tmp_path, spoil, expected):
    saved = backup(config.db_path, tmp_path / "saved.db")
    spoil(saved)
    live.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = files_of(config.db_path)
    with pytest.raises(InvalidInput) as err:
        restore(saved, config.db_path)
    assert expected in str(err.value), str(err.value)
    assert "was not restored" in str(err.value)
    assert files_of(config.db_path) == before
    assert not list(config.db_path.parent.glob("*.pre-restore-*"))
    assert not list(config.db_path.parent.glob(".restore-check-*"))  # scratch files removed


def test_a_planted_trigger_does_not_come_back_with_the_restore(live, config, tmp_path):
    saved = backup(config.db_path, tmp_path / "saved.db")
    conn = raw(saved)
    conn.execute("CREATE TRIGGER steal AFTER INSERT ON bookings BEGIN "
                 "UPDATE staff SET role = 'manager'; END")
    conn.execute("CREATE VIEW leak AS SELECT pin_hash FROM staff")
    conn.close()
    restore(saved, config.db_path)
    names = {r[0] for r in live.conn.execute("SELECT name FROM sqlite_master")}
    assert "steal" not in names and "leak" not in names
    assert "audit_chain_link" in names  # the schema's own triggers are there
    assert live.conn.execute("SELECT total_minor FROM bookings WHERE id = 'b1'").fetchone()[0] == 25000
    assert live.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_good_backup_restores_every_row_and_keeps_the_sequences(live, config, tmp_path):
    tables = [r[0] for r in live.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]

    def snapshot():
        return {t: sorted(map(tuple, live.conn.execute(f'SELECT * FROM "{t}"').fetchall()),  # noqa: S608
                          key=repr) for t in tables}

    seq = [tuple(r) for r in live.conn.execute("SELECT name, seq FROM sqlite_sequence ORDER BY name")]
    wanted = snapshot()
    saved = backup(config.db_path, tmp_path / "saved.db")
    live.conn.execute("DELETE FROM seat_sales")
    restore(saved, config.db_path)
    assert snapshot() == wanted
    assert [tuple(r) for r in live.conn.execute(
        "SELECT name, seq FROM sqlite_sequence ORDER BY name")] == seq


def test_check_rules_leaves_the_backup_file_alone(live, config, tmp_path):
    saved = backup(config.db_path, tmp_path / "saved.db")
    data = saved.read_bytes()
    work = tmp_path / "work"
    work.mkdir()
    rebuilt, version = check_rules(saved, work)
    assert rebuilt.is_file() and version >= 13
    assert saved.read_bytes() == data


# ---------------------------------------------------------------- audit rows
def audit_rows(path: Path, action: str) -> list[sqlite3.Row]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM audit WHERE action = ? ORDER BY id", (action,)).fetchall()
    finally:
        conn.close()


def staff_actor(conn, number: str) -> Actor:
    """The staff member as signed in (``require_role`` re-reads the row on every check)."""
    row = conn.execute("SELECT id, name, role FROM staff WHERE staff_number = ?",
                       (number,)).fetchone()
    return Actor(staff_id=row[0], staff_number=number, name=row[1], role=Role(row[2]),
                 kiosk_id="K")


def test_backup_and_restore_leave_audit_rows(live, config, clock, tmp_path):
    manager = staff_actor(live.conn, MANAGER[0])
    written = backup_database(config, tmp_path / "b.db", clock, manager)
    (row,) = audit_rows(config.db_path, "backup")
    detail = json.loads(row["detail"])
    assert row["target"] == str(written) and row["ok"] == 1
    assert row["staff_id"] == manager.staff_id and detail["staff_number"] == MANAGER[0]
    assert detail["file"] == str(written) and detail["bytes"] == written.stat().st_size
    assert detail["counts"]["bookings"] == 1 and detail["counts"]["films"] == 1
    assert "os_user" in detail
    assert audit_rows(written, "backup") == []  # the copy does not hold its own row
    result = restore_database(config, written, clock, manager)
    (row,) = audit_rows(config.db_path, "restore")
    detail = json.loads(row["detail"])
    assert row["target"] == "b.db" and row["ok"] == 1
    assert detail["file"] == str(written) and detail["counts"]["bookings"] == 1
    assert detail["safety_copy"] == str(result.safety)
    # the restored log chains on: D's verifier would see one unbroken chain
    conn = raw(config.db_path)
    hashes = conn.execute("SELECT prev_hash, hash FROM audit ORDER BY id").fetchall()
    conn.close()
    assert all(h for _, h in hashes)
    assert all(hashes[i][0] == hashes[i - 1][1] for i in range(1, len(hashes)))


def test_a_refused_restore_is_audited_in_the_live_database(live, config, clock, tmp_path):
    saved = backup(config.db_path, tmp_path / "bad.db")
    _checks_switched_off(saved)
    with pytest.raises(KioskError):
        restore_database(config, saved, clock, staff_actor(live.conn, MANAGER[0]))
    (row,) = audit_rows(config.db_path, "restore")
    detail = json.loads(row["detail"])
    assert row["ok"] == 0 and detail["reason"] == "InvalidInput"
    assert "runtime_min > 0" in detail["message"]


# ---------------------------------------------------------------- closed business days
def close_a_day(conn) -> None:
    """A closed business day straight in the table (E's service writes the same row)."""
    manager_id = conn.execute("SELECT id FROM staff WHERE role = 'manager'").fetchone()[0]
    conn.execute(
        "INSERT INTO business_days (cinema_id, business_date, closed_at, closed_by, "
        "closed_by_number, closed_by_name, kiosk_id, currency, totals_json, signature) "
        "VALUES ('cin-test', '2026-11-25', '2026-11-25T20:00:00+00:00', ?, '9001', 'Meera', "
        "'K', 'INR', '{}', 'sig')", (manager_id,))


def test_a_backup_older_than_a_closed_day_is_refused_unless_asked(live, config, clock, tmp_path):
    old = backup(config.db_path, tmp_path / "before-close.db")
    close_a_day(live.conn)
    manager = staff_actor(live.conn, MANAGER[0])
    before = table_dump(live.conn)  # the refusal itself is audited: compare all but audit
    with pytest.raises(InvalidInput, match=r"business_days: 1 row\(s\).*--undo-closed-days"):
        restore_database(config, old, clock, manager)
    assert table_dump(live.conn) == before
    assert audit_rows(config.db_path, "restore")[-1]["ok"] == 0
    newer = backup(config.db_path, tmp_path / "after-close.db")
    restore_database(config, newer, clock, manager)  # holds the closed day: fine
    result = restore_database(config, old, clock, manager, undo_closed_days=True)
    assert result.undone == ["business_days: 1 row(s)"]
    assert live.conn.execute("SELECT COUNT(*) FROM business_days").fetchone()[0] == 0
    detail = json.loads(audit_rows(config.db_path, "restore")[-1]["detail"])
    assert detail["undone"] == ["business_days: 1 row(s)"]


def test_a_backup_with_text_that_is_not_utf8_is_refused(live, config, tmp_path):
    """SQLite keeps any bytes as TEXT; a damaged file could restore rows no read survives."""
    saved = backup(config.db_path, tmp_path / "saved.db")
    conn = raw(saved)
    conn.execute("UPDATE films SET title = CAST(X'4261649F' AS TEXT)")
    conn.close()
    with pytest.raises(InvalidInput, match="films holds text that is not UTF-8"):
        restore(saved, config.db_path)
    assert live.conn.execute("SELECT title FROM films").fetchone()[0] == "The Test Pattern"

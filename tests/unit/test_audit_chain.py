"""The audit log's hash chain (issue 11, must-build 8): a row changed or removed with raw SQL is
named by ``verify``, ``kiosk audit verify`` and the service; concurrent writers keep it intact."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.domain.errors import PermissionDenied
from kiosk.services import audit
from kiosk.services.audit import AuditLog
from kiosk.store import audit_chain
from kiosk.store.db import _statements, connect, migrate, migrations, open_db, transaction


def write_rows(services, clock, n: int = 6) -> list[int]:
    conn = services.deps.conn
    for i in range(n):
        with transaction(conn):
            audit.record(conn, at=clock.now(), kiosk_id="K", action=f"act{i}", staff_id=1,
                         target=f"T{i}", detail={"i": i})
        clock.advance(seconds=1)
    return [r[0] for r in conn.execute("SELECT id FROM audit ORDER BY id")]


def raw(path: Path, sql: str, params=()) -> None:
    """An outsider's edit: a plain sqlite3 connection without the kiosk's chain function."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql, params)
    conn.close()


def verify_cli(path: Path, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(["--db", str(path), "audit", "verify"])
    out, err = capsys.readouterr()
    return rc, out, err


def test_rows_written_by_the_services_form_an_intact_chain(services, clock, capsys):
    services.auth.sign_in("1001", "1234")
    ids = write_rows(services, clock)
    rows = services.deps.conn.execute("SELECT prev_hash, hash FROM audit ORDER BY id").fetchall()
    assert rows[0]["prev_hash"] == ""
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(rows, rows[1:], strict=False))
    check = audit_chain.verify(services.deps.conn)
    assert check.intact and check.rows == len(ids) and check.last_hash == rows[-1]["hash"]
    rc, out, _ = verify_cli(services.config.db_path, capsys)
    assert rc == 0 and f"intact, {len(ids)} rows" in out


def test_a_detail_edited_with_raw_sql_names_that_row(services, clock, capsys):
    ids = write_rows(services, clock)
    raw(services.config.db_path, "UPDATE audit SET detail = '{\"i\": 99}' WHERE id = ?", (ids[3],))
    check = audit_chain.verify(services.deps.conn)
    assert not check.intact and check.bad_id == ids[3]
    assert f"row {ids[3]} (act3" in check.problem and "changed" in check.problem
    rc, out, err = verify_cli(services.config.db_path, capsys)
    assert rc == 1 and f"row {ids[3]} " in err and "NOT intact" in err and out == ""


@pytest.mark.parametrize("field, value", [("ok", 0), ("staff_id", 2), ("at", "2020-01-01"),
                                          ("action", "sign_in"), ("target", "x")])
def test_every_field_is_covered(services, clock, field, value):
    ids = write_rows(services, clock, 3)
    sql = f"UPDATE audit SET {field} = ? WHERE id = ?"  # noqa: S608 - a fixed column list
    raw(services.config.db_path, sql, (value, ids[1]))
    assert audit_chain.verify(services.deps.conn).bad_id == ids[1]


def test_a_deleted_row_is_named(services, clock, capsys):
    ids = write_rows(services, clock)
    raw(services.config.db_path, "DELETE FROM audit WHERE id = ?", (ids[2],))
    check = audit_chain.verify(services.deps.conn)
    assert check.bad_id == ids[3]
    assert f"rows {ids[2]}–{ids[2]} were removed (between row {ids[1]} and row {ids[3]})" \
        in check.problem
    rc, _, err = verify_cli(services.config.db_path, capsys)
    assert rc == 1 and "removed" in err


def test_the_first_row_deleted_is_named(services, clock):
    ids = write_rows(services, clock)
    raw(services.config.db_path, "DELETE FROM audit WHERE id = ?", (ids[0],))
    check = audit_chain.verify(services.deps.conn)
    assert check.bad_id == ids[1] and "first rows" in check.problem


def test_a_row_rewritten_with_its_hash_recomputed_is_still_caught(services, clock):
    """Someone who knows the formula re-hashes the row they edited: the next row's link breaks."""
    ids = write_rows(services, clock)
    conn = services.deps.conn
    row = conn.execute("SELECT id, at, staff_id, kiosk_id, action, target, ok, detail, prev_hash "
                       "FROM audit WHERE id = ?", (ids[2],)).fetchone()
    forged = audit_chain.chain_hash(row["prev_hash"], row["id"], row["at"], row["staff_id"],
                                    row["kiosk_id"], row["action"], row["target"], 0,
                                    row["detail"])
    raw(services.config.db_path, "UPDATE audit SET ok = 0, hash = ? WHERE id = ?",
        (forged, ids[2]))
    check = audit_chain.verify(conn)
    assert check.bad_id == ids[3] and f"row {ids[2]} was rewritten" in check.problem


def test_a_row_inserted_around_the_chain_is_refused_or_named(services, clock):
    ids = write_rows(services, clock, 2)
    conn = sqlite3.connect(services.config.db_path)
    with pytest.raises(sqlite3.OperationalError, match="audit_hash"):
        conn.execute("INSERT INTO audit (at, kiosk_id, action) VALUES ('x', 'K', 'forged')")
    conn.execute("DROP TRIGGER audit_chain_link")  # the determined outsider
    conn.execute("INSERT INTO audit (at, kiosk_id, action) VALUES ('x', 'K', 'forged')")
    conn.commit()
    conn.close()
    check = audit_chain.verify(services.deps.conn)
    assert check.bad_id == ids[-1] + 1 and "no chain hash" in check.problem


def test_the_chain_check_is_for_managers(services):
    log = AuditLog(services.deps)
    cashier = services.auth.sign_in("1001", "1234")
    with pytest.raises(PermissionDenied):
        log.chain(cashier)
    manager = services.auth.sign_in("9001", "9999")
    check = log.chain(manager)
    assert check.intact and check.rows == 3  # two sign-ins and the audited refusal


def test_concurrent_writers_in_two_processes_keep_one_chain(tmp_path):
    path = tmp_path / "kiosk.db"
    open_db(path).conn.close()
    script = textwrap.dedent(f"""
        import sys
        from datetime import datetime, UTC
        from kiosk.services import audit
        from kiosk.store.db import connect, transaction
        conn = connect({str(path)!r})
        sys.stdout.write("ready\\n"); sys.stdout.flush()
        sys.stdin.readline()  # both start together
        for i in range(150):
            with transaction(conn):
                audit.record(conn, at=datetime.now(UTC), kiosk_id=sys.argv[1], action="w",
                             detail={{"i": i}})
            audit.record(conn, at=datetime.now(UTC), kiosk_id=sys.argv[1], action="auto")
    """)
    procs = [subprocess.Popen([sys.executable, "-c", script, f"P{n}"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for n in (1, 2)]
    for p in procs:
        assert p.stdout.readline().strip() == "ready"
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        p.stdin.close()
        assert p.wait(timeout=120) == 0
    conn = connect(path)
    kiosks = [r[0] for r in conn.execute("SELECT kiosk_id FROM audit ORDER BY id")]
    assert len(kiosks) == 600
    assert kiosks.count("P1") == kiosks.count("P2") == 300
    check = audit_chain.verify(conn)
    assert check.intact and check.rows == 600, check.problem


def test_migration_chains_the_rows_written_before_it(tmp_path):
    path = tmp_path / "old.db"
    conn = connect(path)
    for number, _name, sql in migrations():
        if number >= 13:
            break
        with transaction(conn):
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
    with transaction(conn):
        for i in range(50):
            conn.execute("INSERT INTO audit (at, kiosk_id, action, detail) VALUES (?, 'K', 'old', ?)",
                         (f"2026-01-01T00:00:{i:02d}+00:00", f'{{"i": {i}}}'))
        conn.execute("DELETE FROM audit WHERE id = 7")  # history may have gaps
    migrate(conn)
    check = audit_chain.verify(conn)
    assert check.intact and check.rows == 49
    conn.execute("INSERT INTO audit (at, kiosk_id, action) VALUES ('2026-01-02', 'K', 'new')")
    assert audit_chain.verify(conn).rows == 50 and audit_chain.verify(conn).intact


def test_verify_of_a_missing_database_creates_nothing(tmp_path, capsys):
    path = tmp_path / "absent.db"
    rc, _, err = verify_cli(path, capsys)
    assert rc != 0 and "no kiosk database" in err and not path.exists()


def test_verify_reads_only_and_refuses_what_it_cannot_check(services, clock, tmp_path, capsys):
    write_rows(services, clock, 3)
    services.deps.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = services.config.db_path
    before = path.read_bytes()
    rc, out, _ = verify_cli(path, capsys)
    assert rc == 0 and "intact, 3 rows" in out and path.read_bytes() == before
    old = tmp_path / "old.db"
    conn = connect(old)
    conn.execute("PRAGMA user_version = 12")
    conn.close()
    rc, _, err = verify_cli(old, capsys)
    assert rc == 2 and "before the audit chain" in err
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    rc, _, err = verify_cli(junk, capsys)
    assert rc == 2 and "could not be read as a kiosk database" in err and "Traceback" not in err


def test_a_confirm_chains_its_audit_row_without_an_extra_statement(services, clock):
    """The hot path's budget (test_booking_perf_shape) holds: the link is made by the trigger
    inside the one INSERT INTO audit, not by a statement of its own."""
    from kiosk.services.models import Payment
    from tests.factories import insert_open_shift

    actor = services.auth.sign_in("1001", "1234")
    insert_open_shift(services.deps.db, actor.staff_id, actor.kiosk_id, clock)
    actor = services.auth.sign_in("1001", "1234")
    hold = services.booking.hold(actor, "show-future", ["B1"])
    seen: list[str] = []
    conn = services.deps.conn
    conn.set_trace_callback(seen.append)
    try:
        services.booking.confirm(actor, hold.hold_id, {}, Payment("card", card_last4="4242"))
    finally:
        conn.set_trace_callback(None)
    touching = [s for s in seen if "audit" in s.lower() and not s.startswith("--")]
    # one statement (SQLite traces it again as its trigger subprograms start), no SELECT
    assert len(set(touching)) == 1, [t[:90] for t in touching]
    assert touching[0].lstrip().upper().startswith("INSERT INTO AUDIT")
    row = conn.execute("SELECT hash FROM audit WHERE action = 'confirm'").fetchone()
    assert row["hash"] and audit_chain.verify(conn).intact

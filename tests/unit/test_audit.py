"""The audit log: rows commit with their change; the query is manager-only and filterable."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.domain.errors import InvalidInput, PermissionDenied
from kiosk.services import audit
from kiosk.services.audit import AuditLog
from kiosk.store.db import transaction


def test_record_joins_the_callers_transaction(services, clock):
    conn = services.deps.conn
    with pytest.raises(RuntimeError):
        with transaction(conn):
            audit.record(conn, at=clock.now(), kiosk_id="K", action="x", detail={"a": 1})
            raise RuntimeError("the change failed")
    assert conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == 0
    with transaction(conn):
        audit.record(conn, at=clock.now(), kiosk_id="K", action="x", staff_id=1, target="T",
                     ok=False, detail={"a": 1})
    row = conn.execute("SELECT * FROM audit").fetchone()
    assert (row["kiosk_id"], row["action"], row["staff_id"], row["target"], row["ok"],
            row["detail"]) == ("K", "x", 1, "T", 0, '{"a": 1}')


def test_query_filters_and_orders_newest_first(services, clock):
    log = AuditLog(services.deps)
    cashier = services.auth.sign_in("1001", "1234")
    clock.advance(minutes=1)
    services.auth.sign_in("1002", "2345")
    clock.advance(minutes=1)
    manager = services.auth.sign_in("9001", "9999")
    rows = log.query(manager)
    assert [r["staff_number"] for r in rows] == ["9001", "1002", "1001"]
    assert rows[0]["detail"] == {"shift_id": None} and rows[0]["ok"] is True
    assert [r["staff_id"] for r in log.query(manager, staff_id=cashier.staff_id)] == [cashier.staff_id]
    start = clock.now() - timedelta(minutes=1)
    assert [r["staff_number"] for r in log.query(manager, start=start)] == ["9001", "1002"]
    assert [r["staff_number"] for r in log.query(manager, end=start)] == ["1001"]
    assert len(log.query(manager, limit=1)) == 1
    assert log.query(manager, action="sign_out") == []
    with pytest.raises(InvalidInput):
        log.query(manager, limit=0)


def test_query_refused_for_cashier_and_refusal_audited(services):
    cashier = services.auth.sign_in("1001", "1234")
    with pytest.raises(PermissionDenied):
        AuditLog(services.deps).query(cashier)
    row = services.deps.conn.execute(
        "SELECT ok, staff_id FROM audit WHERE action = 'audit_query'").fetchone()
    assert tuple(row) == (0, cashier.staff_id)


def test_naive_period_refused(services):
    from datetime import datetime

    manager = services.auth.sign_in("9001", "9999")
    with pytest.raises(InvalidInput):
        AuditLog(services.deps).query(manager, start=datetime(2026, 1, 1))
    with pytest.raises(InvalidInput):
        services.shifts.list_shifts(manager, end=datetime(2026, 1, 1))


def test_a_rolled_back_row_leaves_the_chain_intact(services, clock):
    """An audit row rolled back with its change takes its link with it: the next row links to
    the last committed one, and the chain still verifies."""
    from kiosk.store.audit_chain import verify

    conn = services.deps.conn
    with transaction(conn):
        audit.record(conn, at=clock.now(), kiosk_id="K", action="kept")
    with pytest.raises(RuntimeError), transaction(conn):
        audit.record(conn, at=clock.now(), kiosk_id="K", action="rolled_back")
        raise RuntimeError("the change failed")
    audit.record_refusal(conn, at=clock.now(), actor=services.auth.self_service_actor(),
                         action="refused")
    rows = conn.execute("SELECT action, prev_hash, hash FROM audit ORDER BY id").fetchall()
    assert [r["action"] for r in rows] == ["kept", "refused"]
    assert rows[1]["prev_hash"] == rows[0]["hash"]
    assert verify(conn).intact

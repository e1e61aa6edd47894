"""The first manager of an empty database (issue 11, point 6): one service for the screen and
the CLI; refused once any staff exist (also when two processes race), audited, PIN policy."""

from __future__ import annotations

import json
import threading
from dataclasses import replace

import bcrypt
import pytest

from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import InvalidInput, PermissionDenied
from kiosk.services.deps import ServiceDeps
from kiosk.services.first_run import (
    create_first_manager,
    is_demo_database,
    needs_first_manager,
)
from kiosk.store.db import open_db
from tests.factories import table_dump


@pytest.fixture
def deps(config):
    deps = ServiceDeps(db=open_db(config.db_path), config=config, clock=FakeClock())
    yield deps
    deps.conn.close()


def staff_rows(deps):
    return [dict(r) for r in deps.conn.execute("SELECT * FROM staff ORDER BY id")]


def audit_rows(deps):
    return [dict(r) for r in deps.conn.execute(
        "SELECT * FROM audit WHERE action = 'staff.first_manager' ORDER BY id")]


def test_an_empty_database_needs_a_first_manager_and_gets_exactly_one(deps):
    assert needs_first_manager(deps) and not is_demo_database(deps.conn)
    made = create_first_manager(deps, " 4001 ", "  Priya   Nair ", "4826", "4826")
    assert (made.staff_number, made.name, made.role, made.active) == \
        ("4001", "Priya Nair", "manager", True)
    [row] = staff_rows(deps)
    assert row["role"] == "manager" and row["active"] == 1
    assert "4826" not in row["pin_hash"] and bcrypt.checkpw(b"4826", row["pin_hash"].encode())
    [entry] = audit_rows(deps)
    assert entry["ok"] == 1 and entry["staff_id"] == row["id"] and entry["target"] == "4001"
    assert "4826" not in entry["detail"]
    assert not needs_first_manager(deps)


def test_the_first_manager_can_sign_in(config):
    from kiosk.services.app import open_services

    services = open_services(config, clock=FakeClock())
    try:
        create_first_manager(services.deps, "4001", "Priya Nair", "4826", "4826")
        actor = services.auth.sign_in("4001", "4826")
        assert actor.is_manager
    finally:
        services.close()


def test_a_second_first_manager_is_refused_and_changes_nothing_but_the_audit(deps):
    create_first_manager(deps, "4001", "Priya Nair", "4826", "4826")
    before = table_dump(deps.conn)
    with pytest.raises(PermissionDenied, match="already has staff"):
        create_first_manager(deps, "4002", "Intruder", "5831", "5831")
    assert table_dump(deps.conn) == before
    refused = [r for r in audit_rows(deps) if not r["ok"]]
    assert len(refused) == 1 and json.loads(refused[0]["detail"])["reason"] == "staff_exist"


def test_refused_when_any_staff_exist_even_inactive(deps):
    deps.conn.execute("INSERT INTO staff (staff_number, name, role, pin_hash, active) "
                      "VALUES ('1001', 'Old', 'cashier', 'x', 0)")
    assert not needs_first_manager(deps)
    with pytest.raises(PermissionDenied):
        create_first_manager(deps, "4001", "Priya Nair", "4826", "4826")
    assert len(staff_rows(deps)) == 1


def test_a_cloud_cinemas_device_gets_its_staff_from_the_cloud(deps):
    deps.config = replace(deps.config, cinema_id="hyd-central")
    assert not needs_first_manager(deps)
    before = table_dump(deps.conn, exclude=())
    with pytest.raises(PermissionDenied, match="from the cloud"):
        create_first_manager(deps, "4001", "Priya Nair", "4826", "4826")
    assert table_dump(deps.conn, exclude=()) == before


@pytest.mark.parametrize("number,name,pin,again,words", [
    ("40", "Priya", "4826", "4826", "3 to 8 digits"),
    ("40a1", "Priya", "4826", "4826", "3 to 8 digits"),
    ("4001", "   ", "4826", "4826", "name"),
    ("4001", "Pri\x00ya", "4826", "4826", "ordinary characters"),
    ("4001", "P" * 81, "4826", "4826", "ordinary characters"),
    ("4001", "Priya", "1234", "1234", "run of digits"),
    ("4001", "Priya", "0000", "0000", "one digit repeated"),
    ("4001", "Priya", "12", "12", "4 to 8 digits"),
    ("4001", "Priya", "4826", "4862", "not the same"),
])
def test_bad_input_is_refused_and_the_database_is_unchanged(deps, number, name, pin, again,
                                                            words):
    before = table_dump(deps.conn, exclude=())
    with pytest.raises(InvalidInput, match=words):
        create_first_manager(deps, number, name, pin, again)
    assert table_dump(deps.conn, exclude=()) == before
    assert needs_first_manager(deps)


def test_two_processes_at_once_make_exactly_one_manager(config):
    """Each racer has its own connection (as two kiosk processes would) and they start together;
    the check and the insert share one BEGIN IMMEDIATE, so one wins and the rest are refused."""
    racers = 6
    open_db(config.db_path).conn.close()  # migrate once, before the race
    barrier = threading.Barrier(racers)
    outcomes: list[str] = []
    lock = threading.Lock()

    def race(n: int) -> None:
        deps = ServiceDeps(db=open_db(config.db_path), config=config, clock=FakeClock())
        try:
            barrier.wait()
            try:
                create_first_manager(deps, f"40{n:02d}", f"Manager {n}", "4826", "4826")
                result = "made"
            except PermissionDenied:
                result = "refused"
        finally:
            deps.conn.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=race, args=(n,)) for n in range(racers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(outcomes) == ["made"] + ["refused"] * (racers - 1)
    check = open_db(config.db_path)
    try:
        assert check.conn.execute("SELECT COUNT(*) FROM staff").fetchone()[0] == 1
        assert check.conn.execute("SELECT COUNT(*) FROM audit WHERE action = "
                                  "'staff.first_manager' AND ok = 1").fetchone()[0] == 1
    finally:
        check.conn.close()

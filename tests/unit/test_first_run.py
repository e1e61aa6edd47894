"""The first manager of an empty database (issue 11, point 6): one service for the screen and
the CLI; refused once any staff exist (also when two processes race), audited, PIN policy. The
cinema comes with it, in the same transaction, so the new manager can add halls and shows."""

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
    CinemaEntry,
    create_first_manager,
    first_run,
    is_demo_database,
    needs_first_manager,
)
from kiosk.store.db import open_db
from tests.factories import table_dump

CINEMA = CinemaEntry(name="Lakeview Cinemas", city="Kochi", timezone="Asia/Kolkata",
                     currency="INR")


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
    made = create_first_manager(deps, " 4001 ", "  Priya   Nair ", "4826", "4826", CINEMA)
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
        create_first_manager(services.deps, "4001", "Priya Nair", "4826", "4826", CINEMA)
        actor = services.auth.sign_in("4001", "4826")
        assert actor.is_manager
    finally:
        services.close()


def test_a_second_first_manager_is_refused_and_changes_nothing_but_the_audit(deps):
    create_first_manager(deps, "4001", "Priya Nair", "4826", "4826", CINEMA)
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
                create_first_manager(deps, f"40{n:02d}", f"Manager {n}", "4826", "4826",
                                     replace(CINEMA, name=f"Cinema {n}"))
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
        # the winner's cinema only: a loser's cinema insert never happened
        [(cinema_id,)] = check.conn.execute("SELECT id FROM cinemas").fetchall()
        [(manager_name,)] = check.conn.execute("SELECT name FROM staff").fetchall()
        assert cinema_id == f"cinema-{manager_name.split()[-1]}"
    finally:
        check.conn.close()


def test_the_cinema_comes_with_the_first_manager(deps):
    made = first_run(deps, "4001", "Priya Nair", "4826", "4826",
                     CinemaEntry(name="  PVR  Forum Mall ", city=" Kochi ",
                                 timezone="Asia/Kolkata", currency="inr"))
    assert made.cinema.cinema_id == "pvr-forum-mall" and made.limits_note == ""
    assert [tuple(r) for r in deps.conn.execute(
        "SELECT id, name, city, timezone, currency FROM cinemas")] == \
        [("pvr-forum-mall", "PVR Forum Mall", "Kochi", "Asia/Kolkata", "INR")]
    assert deps.conn.execute("SELECT value FROM settings WHERE key = 'cinema_id'"
                             ).fetchone()[0] == "pvr-forum-mall"
    [entry] = [dict(r) for r in deps.conn.execute(
        "SELECT * FROM audit WHERE action = 'cinema.first_run'")]
    assert entry["target"] == "pvr-forum-mall" and entry["staff_id"] == made.manager.staff_id
    assert json.loads(entry["detail"])["currency"] == "INR"
    from kiosk.store.audit_chain import verify

    assert verify(deps.conn).intact and verify(deps.conn).rows == 2  # both rows chained


def test_a_typed_cinema_id_is_kept_and_a_name_without_latin_letters_gets_a_plain_one(deps):
    made = first_run(deps, "4001", "Priya", "4826", "4826",
                     replace(CINEMA, name="सिनेमा घर", cinema_id="Kochi.Main_1"))
    assert made.cinema.cinema_id == "Kochi.Main_1"
    from kiosk.services.first_run import cinema_id_from_name

    assert cinema_id_from_name("सिनेमा घर") == "cinema"
    assert cinema_id_from_name("Éclair -- Screens!") == "clair-screens"


def test_a_failure_after_the_cinema_insert_leaves_no_cinema_and_no_manager(deps, monkeypatch):
    """One transaction: the cinema and settings rows are written before the staff row and its
    audit; the audit failing rolls all of them back."""
    import kiosk.services.first_run as module

    before = table_dump(deps.conn, exclude=())

    def broken(conn, **kwargs):
        assert conn.execute("SELECT COUNT(*) FROM cinemas").fetchone()[0] == 1  # really written
        raise RuntimeError("disk full")

    monkeypatch.setattr(module.audit, "record", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        first_run(deps, "4001", "Priya Nair", "4826", "4826", CINEMA)
    assert table_dump(deps.conn, exclude=()) == before
    assert needs_first_manager(deps)


@pytest.mark.parametrize("change,words", [
    ({"timezone": " Europe/London "}, None),  # spaces around a known zone: accepted
    ({"timezone": "India/Kochi"}, "not a time zone"),
    ({"timezone": ""}, "time zone"),
    ({"timezone": "../../etc/passwd"}, "not a time zone"),
    ({"currency": "RS"}, "three-letter code"),
    ({"currency": "IN1"}, "three-letter code"),
    ({"currency": "JPY"}, "hundredths"),
    ({"currency": "KWD"}, "hundredths"),
    ({"currency": "XXX"}, "hundredths"),
    ({"name": "  "}, "cinema's name"),
    ({"name": "=HYPERLINK(1)"}, "may not start"),
    ({"city": ""}, "city"),
    ({"city": "Ko\x00chi"}, "ordinary characters"),
    ({"cinema_id": "-lead"}, "cinema id"),
    ({"cinema_id": "a b"}, "cinema id"),
    ({"cinema_id": "x" * 65}, "cinema id"),
])
def test_a_bad_cinema_is_refused_and_the_database_is_unchanged(deps, change, words):
    before = table_dump(deps.conn, exclude=())
    if words is None:
        first_run(deps, "4001", "Priya", "4826", "4826", replace(CINEMA, **change))
        return
    with pytest.raises(InvalidInput, match=words):
        first_run(deps, "4001", "Priya", "4826", "4826", replace(CINEMA, **change))
    assert table_dump(deps.conn, exclude=()) == before


def test_an_empty_database_needs_the_cinema_too(deps):
    before = table_dump(deps.conn, exclude=())
    with pytest.raises(InvalidInput, match="no cinema yet"):
        create_first_manager(deps, "4001", "Priya", "4826", "4826")
    assert table_dump(deps.conn, exclude=()) == before


def test_a_database_that_has_a_cinema_needs_only_the_manager(deps):
    deps.conn.execute("INSERT INTO cinemas (id, name, city, timezone, currency) "
                      "VALUES ('lakeview-cinemas', 'Lakeview', 'Kochi', 'Asia/Kolkata', 'INR')")
    before = table_dump(deps.conn, exclude=())
    with pytest.raises(InvalidInput, match="already a cinema with the id lakeview-cinemas"):
        first_run(deps, "4001", "Priya", "4826", "4826", CINEMA)
    assert table_dump(deps.conn, exclude=()) == before
    made = first_run(deps, "4001", "Priya", "4826", "4826")
    assert made.cinema is None and deps.conn.execute("SELECT COUNT(*) FROM cinemas"
                                                     ).fetchone()[0] == 1


def test_a_currency_without_default_limits_is_taken_and_limits_nothing_by_default(deps):
    """0012 has defaults for six currencies; any other resolves to 0: every cashier refund goes
    to a manager and every cash-up difference is flagged. The first run says so."""
    from kiosk.services import money_controls

    made = first_run(deps, "4001", "Priya", "4826", "4826",
                     replace(CINEMA, name="Harbour Screens", city="Auckland",
                             timezone="Pacific/Auckland", currency="NZD"))
    assert "no default money limits for NZD" in made.limits_note
    limits = money_controls.for_cinema(deps.conn, "harbour-screens")
    assert (limits.currency, limits.cashier_refund_limit_minor,
            limits.cash_variance_threshold_minor) == ("NZD", 0, 0)
    assert money_controls.for_device(deps.conn).cinema_id == "harbour-screens"


def test_after_the_first_run_the_manager_sets_up_and_the_counter_sells(config):
    """The new cinema is usable: the console's services add a hall, a film, a price list, a
    show and a cashier; the cashier opens a shift in the cinema's currency and sells."""
    from datetime import datetime

    from kiosk.services.app import open_services
    from kiosk.services.models import Payment
    from kiosk.services.schedule import SEAT_TYPES, TICKET_TYPES
    from tests.factories import SMALL_LAYOUT

    clock = FakeClock()
    services = open_services(config, clock=clock)
    try:
        first_run(services.deps, "4001", "Priya Nair", "4826", "4826",
                  replace(CINEMA, currency="AED", timezone="Asia/Dubai", city="Dubai"))
        boss = services.auth.sign_in("4001", "4826")
        sched = services.schedule
        [cinema] = sched.cinemas()
        assert cinema["id"] == "lakeview-cinemas"
        hall = sched.save_hall(boss, spec=SMALL_LAYOUT, name="Screen 1", cinema_id=cinema["id"])
        film = sched.save_film(boss, title="Monsoon", language="Malayalam", genres=["Drama"],
                               certificate="U", runtime_min=120)
        plist = sched.save_price_list(
            boss, name="Standard", currency="AED", tax_rate_bp=500,
            prices={(s, t): 4000 for s in SEAT_TYPES for t in TICKET_TYPES})
        show = sched.save_show(boss, film_id=film.film_id, hall_id=hall.hall_id,
                               local_start=datetime(2026, 11, 26, 19, 30),
                               price_list_id=plist.price_list_id)
        assert show.starts_at.isoformat() == "2026-11-26T15:30:00+00:00"  # Dubai is UTC+4
        services.staff_admin.add_staff(boss, "1101", "Arun", "cashier", "5827")
        cashier = services.auth.sign_in("1101", "5827")
        shift = services.shifts.open(cashier, 20000)
        assert shift.currency == "AED"
        hold = services.booking.hold(cashier, show.show_id, ["B1", "B2"])
        booking = services.booking.confirm(cashier, hold.hold_id, {},
                                           Payment("cash", tendered_minor=10000))
        assert (booking.currency, booking.total_minor, booking.show.cinema_id) == \
            ("AED", 8000, "lakeview-cinemas")
    finally:
        services.close()

"""Schedule edits: films, shows in local time with per-hall overlap + cleaning gap, price lists,
and hall layouts that can never drop a seat sold for a future show."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.domain.clock import to_iso
from kiosk.domain.errors import InvalidInput, NotFound, PermissionDenied
from kiosk.domain.layout import HallLayout
from kiosk.services.schedule import (
    SEAT_TYPES,
    TICKET_TYPES,
    ScheduleService,
    companion_problems,
    local_to_utc,
)
from tests.factories import SMALL_LAYOUT
from tests.unit.test_staff_admin import actor_for


@pytest.fixture
def sched(services):
    return ScheduleService(services.deps)


@pytest.fixture
def manager(services):
    return actor_for(services, "9001")


def sell(services, show_id, seats):
    """A confirmed sale straight into the tables (the booking service is tested elsewhere)."""
    conn, now = services.deps.conn, to_iso(services.deps.clock.now())
    booking = f"b-{show_id}-{'-'.join(seats)}"
    conn.execute(
        "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, currency,"
        " total_minor, tax_minor, payment_method, created_at, business_date, updated_at)"
        " VALUES (?, ?, ?, ?, 'counter', 'KIOSK-1', 'INR', 0, 0, 'cash', ?, '2026-11-25', ?)",
        (booking, booking[-9:], booking, show_id, now, now))
    for seat in seats:
        conn.execute("INSERT INTO seat_sales VALUES (?, ?, ?)", (show_id, seat, booking))


def test_local_to_utc_uses_the_cinema_zone():
    assert local_to_utc(datetime(2026, 11, 26, 18, 30), "Asia/Kolkata") == datetime(2026, 11, 26, 13, 0, tzinfo=UTC)
    with pytest.raises(InvalidInput, match="does not exist"):
        local_to_utc(datetime(2026, 3, 29, 1, 30), "Europe/London")  # clocks go forward


def test_film_add_update_and_validation(services, sched, manager, tmp_path):
    poster = tmp_path / "p.png"
    poster.write_bytes(b"\x89PNG")
    film = sched.save_film(manager, title=" New  Film ", language="Telugu", genres=["Action", " "],
                           certificate="ua", runtime_min=150, poster=str(poster))
    assert (film.title, film.genres, film.certificate, film.poster) == ("New Film", ("Action",), "UA", str(poster))
    updated = sched.save_film(manager, film_id=film.film_id, title="New Film", language="Telugu",
                              genres=["Action", "Drama"], certificate="UA", runtime_min=140)
    assert updated.runtime_min == 140 and updated.genres == ("Action", "Drama")
    for bad in ({"title": ""}, {"runtime_min": 0}, {"runtime_min": "long"},
                {"poster": str(tmp_path / "missing.png")}, {"poster": str(tmp_path / "p.txt")}):
        args = {"title": "X", "language": "Hindi", "genres": [], "certificate": "U",
                "runtime_min": 90, **bad}
        with pytest.raises(InvalidInput):
            sched.save_film(manager, **args)
    actions = [r[0] for r in services.deps.conn.execute("SELECT action FROM audit WHERE ok = 1")]
    assert actions == ["film.add", "film.update"]


def test_show_overlap_counts_runtime_plus_cleaning_gap(services, sched, manager):
    world = services.world
    existing = sched.show(world.show_id)  # 120-minute film; gap 15 minutes
    gap = services.config.cleaning_gap_min
    local_end = existing.local_start + timedelta(minutes=120 + gap)
    naive = local_end.replace(tzinfo=None)
    with pytest.raises(InvalidInput, match="Hall is busy: The Test Pattern"):
        sched.save_show(manager, film_id=world.film_id, hall_id=world.hall_id,
                        local_start=naive - timedelta(minutes=1), price_list_id=world.price_list_id)
    # A show that would end inside the existing one's window also clashes (its own gap counts).
    with pytest.raises(InvalidInput, match="Hall is busy"):
        sched.save_show(manager, film_id=world.film_id, hall_id=world.hall_id,
                        local_start=existing.local_start.replace(tzinfo=None) - timedelta(minutes=120 + gap - 1),
                        price_list_id=world.price_list_id)
    ok = sched.save_show(manager, film_id=world.film_id, hall_id=world.hall_id, local_start=naive,
                         price_list_id=world.price_list_id)
    assert ok.local_start.replace(tzinfo=None) == naive and ok.local_start.utcoffset() == timedelta(hours=5, minutes=30)
    assert ok.starts_at == existing.starts_at + timedelta(minutes=120 + gap)
    before = ok.local_start.replace(tzinfo=None) - timedelta(days=2)
    with pytest.raises(InvalidInput, match="future"):
        sched.save_show(manager, film_id=world.film_id, hall_id=world.hall_id, local_start=before,
                        price_list_id=world.price_list_id)
    # Moving a show onto itself is not a clash; cancelled shows free the hall.
    sched.save_show(manager, show_id=ok.show_id, film_id=world.film_id, hall_id=world.hall_id,
                    local_start=naive + timedelta(minutes=5), price_list_id=world.price_list_id)
    sched.cancel_show(manager, ok.show_id)
    assert sched.show(ok.show_id).status == "cancelled"
    assert sched.clashes(world.hall_id, ok.starts_at, 120) == []


def test_longer_runtime_that_would_overlap_is_refused(services, sched, manager):
    world = services.world
    existing = sched.show(world.show_id)
    sched.save_show(manager, film_id=world.film_id, hall_id=world.hall_id,
                    local_start=(existing.local_start + timedelta(minutes=135)).replace(tzinfo=None),
                    price_list_id=world.price_list_id)
    with pytest.raises(InvalidInput, match="Hall is busy"):
        sched.save_film(manager, film_id=world.film_id, title="The Test Pattern", language="Hindi",
                        genres=[], certificate="UA", runtime_min=121)
    assert sched.film(world.film_id).runtime_min == 120


def test_list_shows_by_local_day(services, sched):
    # Clock 2026-11-25 12:00 UTC (17:30 in Kolkata): show-past 14:30, show-future 20:30 today,
    # show-later 20:30 tomorrow, all local.
    today = datetime(2026, 11, 25).date()
    assert [s.show_id for s in sched.list_shows(day=today)] == ["show-past", "show-future"]
    assert [s.show_id for s in sched.list_shows(day=today, days=2)] == ["show-past", "show-future", "show-later"]
    assert [s.show_id for s in sched.list_shows(day=today + timedelta(days=1))] == ["show-later"]
    assert sched.list_shows(cinema_id="elsewhere") == []
    assert len(sched.list_shows()) == 3


def test_show_with_sales_cannot_change_hall_or_be_cancelled(services, sched, manager):
    world = services.world
    sell(services, world.show_id, ["B1"])
    hall = sched.save_hall(manager, spec=SMALL_LAYOUT, name="Screen 2", cinema_id=world.cinema_id)
    show = sched.show(world.show_id)
    with pytest.raises(InvalidInput, match="1 seats are sold"):
        sched.save_show(manager, show_id=world.show_id, film_id=world.film_id, hall_id=hall.hall_id,
                        local_start=show.local_start.replace(tzinfo=None), price_list_id=world.price_list_id)
    with pytest.raises(InvalidInput, match="refund them"):
        sched.cancel_show(manager, world.show_id)


def full_prices(amount=100_00):
    return {(s, t): amount for s in SEAT_TYPES for t in TICKET_TYPES}


def test_price_list_needs_every_combination(services, sched, manager):
    prices = full_prices()
    created = sched.save_price_list(manager, name="Matinee", currency="inr", tax_rate_bp=1200, prices=prices)
    assert created.currency == "INR" and created.prices[("recliner", "child")] == 100_00
    prices[("recliner", "child")] = 55_00
    updated = sched.save_price_list(manager, price_list_id=created.price_list_id, name="Matinee",
                                    currency="INR", tax_rate_bp=1200, prices=prices)
    assert updated.prices[("recliner", "child")] == 55_00 and len(updated.prices) == 20
    del prices[("premium", "senior")]
    with pytest.raises(InvalidInput, match="premium senior"):
        sched.save_price_list(manager, name="Bad", currency="INR", tax_rate_bp=0, prices=prices)
    with pytest.raises(InvalidInput):
        sched.save_price_list(manager, name="Bad", currency="INR", tax_rate_bp=0,
                              prices={**full_prices(), ("standard", "adult"): -1})
    with pytest.raises(InvalidInput, match="currency cannot change"):
        sched.save_price_list(manager, price_list_id=services.world.price_list_id, name="X",
                              currency="USD", tax_rate_bp=0, prices=full_prices())


def test_hall_layout_validation(services, sched, manager):
    world = services.world
    assert companion_problems(HallLayout.from_spec({"rows": [{"label": "A", "cells": "W_CSW"}]})) == ["A1", "A4"]
    lonely = {"rows": [{"label": "A", "cells": "WSSS"}]}
    with pytest.raises(InvalidInput, match="companion seat right next to it: A1"):
        sched.save_hall(manager, spec=lonely, name="H", cinema_id=world.cinema_id)
    hall = sched.save_hall(manager, spec=lonely, name="H", cinema_id=world.cinema_id,
                           companion_required=False)  # this venue does not pair them
    assert hall.seat_count == 4 and not hall.companion_required
    with pytest.raises(InvalidInput, match="twice"):
        sched.save_hall(manager, spec={"rows": [{"label": "A", "cells": "SS"}, {"label": "A", "cells": "S"}]},
                        name="H2", cinema_id=world.cinema_id)
    with pytest.raises(NotFound):
        sched.save_hall(manager, spec=lonely, name="H3", cinema_id="nowhere", companion_required=False)


def test_hall_cannot_lose_seats_sold_for_future_shows(services, sched, manager):
    world = services.world
    sell(services, world.show_id, ["F1", "F2"])
    sell(services, world.past_show_id, ["E1"])  # past show: its seats may go
    spec = json.loads(json.dumps(SMALL_LAYOUT))
    spec["rows"][-1]["cells"] = "__________RRRR"  # drops F1-F4 (F5-F8 become F1-F4!)
    spec["rows"][-2]["cells"] = "PPPPP___PPPPPP"  # E row loses one seat at the end: E12
    sell(services, world.later_show_id, ["E12"])
    with pytest.raises(InvalidInput) as refused:
        sched.save_hall(manager, hall_id=world.hall_id, spec=spec, name="Screen 1", cinema_id=world.cinema_id)
    assert "E12" in str(refused.value) and "F1" not in str(refused.value)  # F1/F2 codes still exist
    spec["rows"][-2]["cells"] = SMALL_LAYOUT["rows"][-2]["cells"]
    spec["rows"][-1]["cells"] = "RRR_______RRRR"  # now F8 disappears (7 seats)
    sell(services, world.show_id, ["F8"])
    with pytest.raises(InvalidInput, match="F8"):
        sched.save_hall(manager, hall_id=world.hall_id, spec=spec, name="Screen 1", cinema_id=world.cinema_id)
    original = HallLayout.from_spec(SMALL_LAYOUT).seat_count
    assert sched.hall(world.hall_id).seat_count == original
    spec["rows"][-1]["cells"] = "RRRR______RRRRR"  # adding a seat is fine
    saved = sched.save_hall(manager, hall_id=world.hall_id, spec=spec, name="Screen One", cinema_id=world.cinema_id)
    assert saved.seat_count == original + 1 and saved.name == "Screen One"


def test_hall_cannot_renumber_seats_sold_for_future_shows(services, sched, manager):
    world = services.world
    sell(services, world.show_id, ["D9"])  # row D: SSSSSS__SSSSSS, D9 is the 3rd after the aisle
    spec = json.loads(json.dumps(SMALL_LAYOUT))
    spec["rows"][4]["cells"] = "_SSSSS__SSSSSS"  # a gap at the start renumbers D2.. as D1..
    with pytest.raises(InvalidInput, match="renumbered or moved: D9"):
        sched.save_hall(manager, hall_id=world.hall_id, spec=spec, name="Screen 1", cinema_id=world.cinema_id)
    spec["rows"][4]["cells"] = "SSSSSS__SSSSSP"  # a type change after D9 keeps every place
    saved = sched.save_hall(manager, hall_id=world.hall_id, spec=spec, name="Screen 1",
                            cinema_id=world.cinema_id)
    assert saved.layout.seats["D12"].type == "premium"


def test_seats_sold_online_are_protected_too(services, sched, manager):
    world = services.world
    services.deps.conn.execute(
        "INSERT INTO remote_seats (show_id, seat_code, state, booking_id, kiosk_id, pulled_at)"
        " VALUES (?, 'F8', 'sold', 'web-1', 'ONLINE', ?)", (world.later_show_id, to_iso(services.deps.clock.now())))
    spec = json.loads(json.dumps(SMALL_LAYOUT))
    spec["rows"][-1]["cells"] = "RRRR______RRR_"
    with pytest.raises(InvalidInput, match="F8"):
        sched.save_hall(manager, hall_id=world.hall_id, spec=spec, name="Screen 1", cinema_id=world.cinema_id)


def _cashier_calls(world):
    base_film = {"title": "X", "language": "Hindi", "genres": [], "certificate": "U", "runtime_min": 90}
    return {
        "film.save": lambda s, a: s.save_film(a, **base_film),
        "price_list.save": lambda s, a: s.save_price_list(a, name="P", currency="INR", tax_rate_bp=0,
                                                          prices=full_prices()),
        "hall.save": lambda s, a: s.save_hall(a, spec=SMALL_LAYOUT, name="H", cinema_id=world.cinema_id),
        "show.save": lambda s, a: s.save_show(a, film_id=world.film_id, hall_id=world.hall_id,
                                              local_start=datetime(2026, 12, 25, 10, 0),
                                              price_list_id=world.price_list_id),
        "show.cancel": lambda s, a: s.cancel_show(a, world.later_show_id),
    }


@pytest.mark.parametrize("action", ["film.save", "price_list.save", "hall.save", "show.save", "show.cancel"])
def test_cashier_is_refused_every_edit_and_audited(services, sched, action):
    cashier = actor_for(services, "1001")
    snapshot = {t: services.deps.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: S608
                for t in ("films", "shows", "halls", "price_lists", "prices")}
    with pytest.raises(PermissionDenied):
        _cashier_calls(services.world)[action](sched, cashier)
    assert snapshot == {t: services.deps.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: S608
                        for t in snapshot}
    assert sched.show(services.world.later_show_id).status == "scheduled"
    [row] = services.deps.conn.execute("SELECT * FROM audit WHERE action = ?", (action,)).fetchall()
    assert row["ok"] == 0 and row["staff_id"] == cashier.staff_id

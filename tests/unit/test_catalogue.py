"""Catalogue: show search and filters, seats left, show detail, seat maps as this kiosk sees them."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from kiosk.domain.clock import to_iso
from kiosk.domain.errors import NotFound
from kiosk.services.catalogue import CatalogueService, show_summary
from kiosk.services.models import SeatStatus, ShowQuery

FREE = SeatStatus.FREE


def sell(conn, show_id: str, seats: list[str], booking_id: str = "b1") -> None:
    conn.execute(
        "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, "
        "currency, total_minor, tax_minor, payment_method, created_at, business_date, updated_at) "
        "VALUES (?, ?, ?, ?, 'counter', 'KIOSK-1', 'INR', 0, 0, 'cash', "
        "'2026-11-25T00:00:00+00:00', '2026-11-25', '2026-11-25T00:00:00+00:00')",
        (booking_id, f"REF-{booking_id}", f"key-{booking_id}", show_id),
    )
    conn.executemany("INSERT INTO seat_sales (show_id, seat_code, booking_id) VALUES (?, ?, ?)",
                     [(show_id, s, booking_id) for s in seats])


def hold(conn, show_id: str, seats: list[str], hold_id: str, expires, kiosk: str = "KIOSK-1"):
    conn.executemany(
        "INSERT INTO holds (show_id, seat_code, hold_id, kiosk_id, expires_at) VALUES (?,?,?,?,?)",
        [(show_id, s, hold_id, kiosk, to_iso(expires)) for s in seats])


def remote(conn, show_id: str, seat: str, state: str, expires=None, kiosk: str = "KIOSK-9"):
    conn.execute(
        "INSERT INTO remote_seats (show_id, seat_code, state, kiosk_id, expires_at, pulled_at) "
        "VALUES (?, ?, ?, ?, ?, '2026-11-25T00:00:00+00:00')",
        (show_id, seat, state, kiosk, to_iso(expires) if expires else None))


def summary_of(services, show_id):
    found = [s for s in services.catalogue.find_shows(ShowQuery()) if s.show_id == show_id]
    return found[0] if found else None


# ---------------------------------------------------------------------------- listing
def test_past_and_cancelled_shows_are_never_offered(services, clock):
    conn = services.deps.conn
    ids = [s.show_id for s in services.catalogue.find_shows(ShowQuery())]
    assert ids == ["show-future", "show-later"]
    conn.execute("UPDATE shows SET status = 'cancelled' WHERE id = 'show-later'")
    assert [s.show_id for s in services.catalogue.find_shows(ShowQuery())] == ["show-future"]
    clock.advance(hours=3)  # show-future starts now: already started is not on sale
    assert services.catalogue.find_shows(ShowQuery()) == []


def test_summary_fields(services):
    s = summary_of(services, "show-future")
    assert (s.film_title, s.certificate, s.language, s.genres) == (
        "The Test Pattern", "UA", "Hindi", ("Drama", "Comedy"))
    assert (s.cinema_name, s.city, s.hall_name, s.timezone) == (
        "Test Screens", "Testville", "Screen 1", "Asia/Kolkata")
    assert s.local_start.utcoffset() == timedelta(hours=5, minutes=30)
    assert s.local_start == s.starts_at
    assert s.seats_left == s.seats_total > 0
    assert (s.currency, s.from_price_minor) == ("INR", 25000)  # cheapest adult price


def test_seats_left_counts_sales_live_holds_and_remote_seats_once(services, clock):
    conn = services.deps.conn
    total = summary_of(services, "show-future").seats_total
    sell(conn, "show-future", ["B1", "B2"])
    hold(conn, "show-future", ["C1"], "h-live", clock.now() + timedelta(minutes=5))
    hold(conn, "show-future", ["C2"], "h-old", clock.now() - timedelta(minutes=1))
    remote(conn, "show-future", "D1", "sold")
    remote(conn, "show-future", "B1", "sold")  # our own sale pulled back: counted once
    remote(conn, "show-future", "D2", "held", clock.now() + timedelta(minutes=2))
    remote(conn, "show-future", "D3", "held", clock.now() - timedelta(minutes=2))  # expired
    remote(conn, "show-future", "D4", "allocated")  # unsold: still for sale somewhere
    assert summary_of(services, "show-future").seats_left == total - 5
    assert summary_of(services, "show-later").seats_left == total
    assert show_summary(conn, "show-future", clock.now()).seats_left == total - 5


def test_from_price_ignores_seat_types_the_hall_lacks(services):
    conn = services.deps.conn
    conn.execute("UPDATE prices SET amount_minor = 100 WHERE seat_type = 'recliner'")
    assert summary_of(services, "show-future").from_price_minor == 100
    conn.execute("UPDATE halls SET layout = ? WHERE id = 'hall-test'",
                 (json.dumps({"rows": [{"label": "A", "cells": "SSPP"}]}),))
    assert summary_of(services, "show-future").from_price_minor == 25000


def add_dubai(services, clock):
    """A second cinema in another zone, with a show at 00:15 Dubai time tomorrow."""
    db = services.deps.db
    db["cinemas"].insert({"id": "cin-dxb", "name": "Creek Cinema", "city": "Dubai",
                          "address": "", "timezone": "Asia/Dubai", "currency": "AED"})
    db["halls"].insert({"id": "hall-dxb", "cinema_id": "cin-dxb", "name": "Hall 1",
                        "layout": json.dumps({"rows": [{"label": "A", "cells": "SSSS"}]}),
                        "seat_count": 4})
    db["films"].insert({"id": "film-en", "title": "Orbit of Salt", "language": "English",
                        "genres": json.dumps(["Sci-Fi"]), "certificate": "U", "runtime_min": 90})
    db["price_lists"].insert({"id": "pl-aed", "name": "AED", "currency": "AED", "tax_rate_bp": 500})
    db["prices"].insert_all({"price_list_id": "pl-aed", "seat_type": "standard",
                             "ticket_type": t, "amount_minor": 4500} for t in ("adult", "child"))
    # clock: 2026-11-25 12:00 UTC = 16:00 Dubai; 20:15 UTC = 00:15 Dubai on the 26th.
    db["shows"].insert({"id": "dxb-tomorrow", "film_id": "film-en", "hall_id": "hall-dxb",
                        "starts_at": to_iso(clock.now() + timedelta(hours=8, minutes=15)),
                        "price_list_id": "pl-aed"})


def test_today_first_in_each_cinemas_own_zone(services, clock):
    add_dubai(services, clock)
    conn = services.deps.conn
    conn.execute("UPDATE shows SET starts_at = ? WHERE id = 'show-future'",
                 (to_iso(clock.now() + timedelta(hours=10)),))  # 22:00 UTC = 03:30 IST on the 26th
    clock.advance(hours=7)  # 19:00 UTC: 00:30 on the 26th in India, 23:00 on the 25th in Dubai
    order = [s.show_id for s in services.catalogue.find_shows(ShowQuery())]
    # dxb-tomorrow starts soonest (20:15 UTC) but is tomorrow in Dubai; both Indian shows are
    # on the 26th, which is today in India.
    assert order == ["show-future", "show-later", "dxb-tomorrow"]


def test_filters(services, clock):
    add_dubai(services, clock)
    cat = services.catalogue
    ids = lambda q: [s.show_id for s in cat.find_shows(q)]  # noqa: E731
    assert ids(ShowQuery(city="Dubai")) == ["dxb-tomorrow"]
    assert ids(ShowQuery(cinema_id="cin-test")) == ["show-future", "show-later"]
    assert ids(ShowQuery(language="english")) == ["dxb-tomorrow"]
    assert ids(ShowQuery(genre="comedy")) == ["show-future", "show-later"]
    assert ids(ShowQuery(film_id="film-en")) == ["dxb-tomorrow"]
    assert ids(ShowQuery(text="orbit")) == ["dxb-tomorrow"]
    assert ids(ShowQuery(text="screen 1 test")) == ["show-future", "show-later"]
    assert ids(ShowQuery(text="creek hall")) == ["dxb-tomorrow"]
    assert ids(ShowQuery(text="nothing like this")) == []
    assert len(ids(ShowQuery(limit=1))) == 1
    today = clock.now().date()
    assert ids(ShowQuery(day=today)) == ["show-future"]
    # dxb-tomorrow is 00:15 on the 26th in Dubai although still the 25th in UTC
    assert ids(ShowQuery(day=today + timedelta(days=1))) == ["dxb-tomorrow", "show-later"]


def test_filter_values_and_films(services, clock):
    add_dubai(services, clock)
    cat = services.catalogue
    assert cat.cities() == ["Dubai", "Testville"]
    assert [c["id"] for c in cat.cinemas("Dubai")] == ["cin-dxb"]
    assert len(cat.cinemas()) == 2
    assert cat.languages() == ["English", "Hindi"]
    assert cat.genres() == ["Comedy", "Drama", "Sci-Fi"]
    films = cat.films()
    assert [f["id"] for f in films] == ["film-test", "film-en"]
    test_film = films[0]
    assert test_film["runtime_min"] == 120 and test_film["certificate"] == "UA"
    assert [s.show_id for s in test_film["next_shows"]] == ["show-future", "show-later"]
    assert test_film["next_show_times"][0].utcoffset() == timedelta(hours=5, minutes=30)
    assert [f["id"] for f in cat.films(ShowQuery(language="English"))] == ["film-en"]


# ---------------------------------------------------------------------------- detail
def test_show_detail_and_unknown_show(services):
    detail = services.catalogue.show("show-future")
    assert detail.price_list_id == "pl-test" and detail.tax_rate_bp == 1800
    assert detail.prices[("premium", "child")] == 35000 * 70 // 100
    assert len(detail.prices) == 20
    assert "F1" in detail.layout.seats
    assert services.catalogue.show("show-past").summary.show_id == "show-past"
    with pytest.raises(NotFound):
        services.catalogue.show("no-such-show")
    with pytest.raises(NotFound):
        services.catalogue.seat_map("no-such-show")


# ---------------------------------------------------------------------------- seat map
def test_seat_map_statuses(services, clock):
    conn = services.deps.conn
    now = clock.now()
    sell(conn, "show-future", ["B1"])
    hold(conn, "show-future", ["B2", "B3"], "mine", now + timedelta(minutes=5))
    hold(conn, "show-future", ["B4"], "theirs", now + timedelta(minutes=5), kiosk="KIOSK-2")
    hold(conn, "show-future", ["B5"], "expired", now - timedelta(seconds=1))
    remote(conn, "show-future", "C1", "sold")
    remote(conn, "show-future", "C2", "held", now + timedelta(minutes=1))
    remote(conn, "show-future", "C3", "held", now - timedelta(minutes=1))
    remote(conn, "show-future", "C4", "allocated", kiosk="KIOSK-9")
    remote(conn, "show-future", "C5", "allocated", kiosk="KIOSK-1")
    remote(conn, "show-future", "NOPE7", "sold")  # unknown seat: ignored
    seats = services.catalogue.seat_map("show-future", hold_id="mine")
    assert set(seats) == set(services.catalogue.show("show-future").layout.seats)
    expected = {"B1": SeatStatus.SOLD, "B2": SeatStatus.HELD_BY_ME, "B3": SeatStatus.HELD_BY_ME,
                "B4": SeatStatus.HELD, "B5": FREE, "C1": SeatStatus.SOLD, "C2": SeatStatus.HELD,
                "C3": FREE, "C4": SeatStatus.BLOCKED, "C5": FREE}
    assert {code: seats[code] for code in expected} == expected
    assert all(v is FREE for k, v in seats.items() if k not in expected)
    # Without the hold id, my hold is just another hold.
    assert services.catalogue.seat_map("show-future")["B2"] is SeatStatus.HELD
    clock.advance(minutes=6)  # every hold has expired now
    later = services.catalogue.seat_map("show-future", hold_id="mine")
    assert later["B2"] is FREE and later["B4"] is FREE and later["B1"] is SeatStatus.SOLD


class OfflineGate:
    def __init__(self, allowed):
        self.allowed = frozenset(allowed)

    def offline_sellable(self, show_id):
        return self.allowed


def test_seat_map_offline_allocations(services):
    conn = services.deps.conn
    sell(conn, "show-future", ["D2"])
    catalogue = CatalogueService(services.deps, OfflineGate({"D1", "D2", "D3"}))
    seats = catalogue.seat_map("show-future")
    assert seats["D1"] is SeatStatus.ALLOCATED_HERE and seats["D3"] is SeatStatus.ALLOCATED_HERE
    assert seats["D2"] is SeatStatus.SOLD
    assert seats["D4"] is SeatStatus.BLOCKED
    assert catalogue.best_seats("show-future", 1) in (["D1"], ["D3"])
    assert catalogue.best_seats("show-future", 2) is None


def test_best_seats_skips_taken_seats_and_reuses_my_hold(services, clock):
    conn = services.deps.conn
    hold(conn, "show-future", ["D3", "D4"], "mine", clock.now() + timedelta(minutes=5))
    sell(conn, "show-future", ["D1", "D2", "D5", "D6"])
    best = services.catalogue.best_seats("show-future", 2, hold_id="mine")
    assert best is not None and not {"D1", "D2", "D5", "D6"} & set(best)
    other = services.catalogue.best_seats("show-future", 2)
    assert other is not None and not {"D3", "D4"} & set(other)


def test_seat_map_of_a_20000_seat_hall_uses_one_query_per_table(services, clock):
    conn = services.deps.conn
    rows = [{"label": f"R{i:03d}", "cells": "_".join(["S" * 50] * 4)} for i in range(100)]
    conn.execute("UPDATE halls SET layout = ?, seat_count = 20000 WHERE id = 'hall-test'",
                 (json.dumps({"rows": rows}),))
    sell(conn, "show-future", [f"R050{i}" for i in range(1, 101)])
    hold(conn, "show-future", [f"R060{i}" for i in range(1, 51)], "h", clock.now() + timedelta(minutes=5))
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        seats = services.catalogue.seat_map("show-future")
    finally:
        conn.set_trace_callback(None)
    assert len(seats) == 20_000
    assert sum(1 for v in seats.values() if v is SeatStatus.SOLD) == 100
    assert sum(1 for v in seats.values() if v is SeatStatus.HELD) == 50
    assert len(statements) <= 5, statements


SEATS = ["B1", "B2", "B3", "C1", "C2", "D1", "D2", "E1", "F1", "A3"]


def test_seats_left_agrees_with_the_seat_map_under_random_states(services, clock):
    """Whatever mix of sales, holds (live or expired) and remote rows a show has, the listing's
    seats left equals the seats the map shows as free."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    conn = services.deps.conn
    state = st.sampled_from(["free", "sold", "live", "expired", "r-sold", "r-held", "r-old"])

    @settings(max_examples=60, deadline=None)
    @given(st.lists(state, min_size=len(SEATS), max_size=len(SEATS)),
           st.lists(state, min_size=len(SEATS), max_size=len(SEATS)))
    def check(local_states, remote_states):
        for table in ("seat_sales", "holds", "remote_seats"):
            conn.execute(f"DELETE FROM {table}")  # noqa: S608
        conn.execute("DELETE FROM bookings")
        now = clock.now()
        sold = [s for s, st_ in zip(SEATS, local_states, strict=True) if st_ == "sold"]
        if sold:
            sell(conn, "show-future", sold)
        for seat, kind in zip(SEATS, local_states, strict=True):
            if kind in ("live", "expired"):
                delta = timedelta(minutes=5 if kind == "live" else -5)
                hold(conn, "show-future", [seat], f"h-{seat}", now + delta)
        for seat, kind in zip(SEATS, remote_states, strict=True):
            if kind == "r-sold":
                remote(conn, "show-future", seat, "sold")
            elif kind in ("r-held", "r-old"):
                delta = timedelta(minutes=5 if kind == "r-held" else -5)
                remote(conn, "show-future", seat, "held", now + delta)
        seats = services.catalogue.seat_map("show-future")
        free = sum(1 for v in seats.values() if v is SeatStatus.FREE)
        assert summary_of(services, "show-future").seats_left == free
        assert show_summary(conn, "show-future", now).seats_left == free

    check()

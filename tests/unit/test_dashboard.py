"""The dashboard's figures: one section per currency (rupees never summed into dirhams), the
same weekday a week earlier, per film, screen and cashier (with the cash variance), and shows in
their cinema's zone sorted by the real instant.

World: tests/factories (Test Screens, Asia/Kolkata, INR; standard seat 250.00) on 2026-11-25,
clock at 17:30 local; a Dubai cinema in AED is added by hand where the chain is tested.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from kiosk.domain.clock import from_iso
from kiosk.domain.errors import InvalidInput, PermissionDenied
from kiosk.services.dashboard import DashboardService, Scope, change
from kiosk.services.models import Payment
from tests.factories import insert_open_shift

DAY = date(2026, 11, 25)
CASH = Payment("cash", tendered_minor=50_000)
CARD = Payment("card", card_last4="4242")


@pytest.fixture
def cashier(services, clock):
    actor = services.auth.sign_in("1001", "1234")
    insert_open_shift(services.deps.db, actor.staff_id, actor.kiosk_id, clock)
    return services.auth.sign_in("1001", "1234")


@pytest.fixture
def manager(services):
    return services.auth.sign_in("9001", "9999")


@pytest.fixture
def dashboard(services):
    return DashboardService(services.deps, services.reports, services.cashups)


def sell(services, actor, show, seats, payment):
    hold = services.booking.hold(actor, show, seats)
    return services.booking.confirm(actor, hold.hold_id, {}, payment)


def dubai(conn, sales_utc: list[str], show_utc: str = "2026-11-25T06:00:00+00:00") -> None:
    """A Dubai cinema (AED) with one 1-seat hall, one show, and a 40.00 web sale at each time."""
    conn.execute("INSERT INTO cinemas (id, name, city, timezone, currency) VALUES "
                 "('dxb', 'Gulf Screens', 'Dubai', 'Asia/Dubai', 'AED')")
    conn.execute("INSERT INTO halls (id, cinema_id, name, layout, seat_count) VALUES "
                 "('dxb-hall', 'dxb', 'Hall D', ?, 1)",
                 (json.dumps({"rows": [{"label": "A", "cells": "S"}]}),))
    conn.execute("INSERT INTO price_lists (id, name, currency, tax_rate_bp) VALUES "
                 "('dxb-pl', 'P', 'AED', 0)")
    conn.execute("INSERT INTO shows (id, film_id, hall_id, starts_at, price_list_id) "
                 "VALUES ('dxb-show', 'film-test', 'dxb-hall', ?, 'dxb-pl')", (show_utc,))
    for i, when in enumerate(sales_utc):
        conn.execute(
            "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, "
            "currency, total_minor, tax_minor, payment_method, created_at, business_date, "
            "updated_at) VALUES (?, ?, ?, 'dxb-show', 'online', 'WEB', 'AED', 4000, 0, 'card', "
            "?, ?, ?)", (f"dxb-{i}", f"DXB-{i:04d}", f"dxb-k{i}", when,
                         from_iso(when).date().isoformat(), when))


def test_a_pending_rupee_refund_stays_in_the_rupee_section(services, manager, cashier, dashboard):
    # Five recliners 3,000.00: the refund is over the cashier's limit and waits for a manager.
    booking = sell(services, cashier, "show-future", ["F1", "F2", "F3", "F4", "F5"], CARD)
    assert services.booking.refund(cashier, booking.reference, reason="customer_request").state == "pending_approval"
    dubai(services.deps.conn, ["2026-11-25T08:00:00+00:00", "2026-11-25T09:00:00+00:00"])

    chain = dashboard.build(manager, DAY)
    assert [s.currency for s in chain.sections] == ["AED", "INR"]
    aed, inr = chain.section("AED").figures, chain.section("INR").figures
    assert (aed.gross, aed.bookings, aed.pending_refunds) == (8_000, 2, 0)
    assert (inr.gross, inr.pending_refunds, inr.pending_refund_count) == (300_000, 300_000, 1)
    assert chain.section("AED").cinemas == ("Gulf Screens",)

    one = dashboard.build(manager, DAY, scope=Scope(cinema_id="dxb"))
    assert [s.currency for s in one.sections] == ["AED"]
    assert one.sections[0].figures.pending_refunds == 0
    rupees = dashboard.build(manager, DAY, scope=Scope(currency="INR"))
    assert [s.currency for s in rupees.sections] == ["INR"]
    assert rupees.sections[0].figures.gross == 300_000


def test_each_currency_sums_its_own_films_screens_and_hours(services, manager, cashier, dashboard):
    sell(services, cashier, "show-future", ["B1", "B2"], CASH)  # 500.00 at 17:30 local
    dubai(services.deps.conn, ["2026-11-25T08:00:00+00:00"])  # 12:00 in Dubai
    chain = dashboard.build(manager, DAY)
    inr, aed = chain.section("INR"), chain.section("AED")
    assert [(f.film, f.tickets, f.gross) for f in inr.films] == [("The Test Pattern", 2, 50_000)]
    assert [(f.film, f.gross) for f in aed.films] == [("The Test Pattern", 4_000)]
    assert sum(g for _, g in inr.hours) == inr.figures.gross == 50_000
    assert dict(inr.hours)[17] == 50_000 and dict(aed.hours)[12] == 4_000
    screens = {(s.cinema, s.hall): s for s in inr.screens}
    main = screens[("Test Screens", "Screen 1")]
    assert (main.seats_sold, main.gross) == (2, 50_000) and main.shows >= 1
    assert [(s.hall, s.gross, s.seats) for s in aed.screens] == [("Hall D", 4_000, 1)]
    assert inr.figures.seats == sum(s.seats for s in inr.screens)


def test_the_same_weekday_a_week_earlier(services, manager, cashier, dashboard):
    _sale_on(services, "2026-11-18T12:00:00+00:00", 20_000)  # Wednesday 18 November, 17:30
    sell(services, cashier, "show-future", ["B1", "B2"], CASH)  # 500.00 on the 25th
    board = dashboard.build(manager, DAY)
    assert (board.compare_start, board.compare_end) == (date(2026, 11, 18), date(2026, 11, 18))
    inr = board.section("INR")
    assert inr.week_ago.gross == 20_000 and inr.figures.gross == 50_000
    assert change(inr.figures.gross, inr.week_ago.gross) == pytest.approx(150.0)
    assert dict(inr.hours_week_ago)[17] == 20_000
    assert board.start.weekday() == board.compare_start.weekday()
    week = dashboard.build(manager, DAY - timedelta(days=2), DAY)  # a range: the range before
    assert (week.compare_start, week.compare_end) == (date(2026, 11, 16), date(2026, 11, 18))


def _sale_on(services, when: str, amount: int) -> None:
    """A 200.00 counter sale for show-future made a week earlier (inserted: that show was not on
    sale yet), at 17:30 in Kolkata."""
    services.deps.conn.execute(
        "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, staff_id,"
        " currency, total_minor, tax_minor, payment_method, created_at, business_date, updated_at)"
        " VALUES ('old-1', 'OLD-0001', 'old-k1', 'show-future', 'counter', 'TEST-KIOSK', NULL,"
        " 'INR', ?, 0, 'cash', ?, '2026-11-18', ?)", (amount, when, when))


def test_change_is_none_without_a_figure_to_compare():
    assert change(100, 0) is None
    assert change(50, 100) == pytest.approx(-50.0)


def test_a_cashier_line_carries_the_cash_variance(services, manager, cashier, dashboard):
    sell(services, cashier, "show-future", ["B1", "B2"], CASH)  # 500.00 cash; float 0
    services.shifts.close(cashier, 48_000)  # counted 480.00: 20.00 short
    inr = dashboard.build(manager, DAY).section("INR")
    line = next(c for c in inr.cashiers if c.staff_number == "1001")
    assert (line.tickets, line.gross, line.shifts, line.variance) == (2, 50_000, 1, -2_000)
    sell(services, services.auth.self_service_actor(), "show-later", ["D1"], CARD)
    kiosk = next(c for c in dashboard.build(manager, DAY).section("INR").cashiers
                 if c.staff_number == "")
    assert kiosk.variance is None and kiosk.gross == 25_000  # no drawer, no variance


def test_shows_are_in_their_cinemas_zone_and_sorted_by_the_instant(services, manager, dashboard):
    # Kolkata 11:00 is 05:30 UTC; Dubai 10:00 is 06:00 UTC: Kolkata's show comes first.
    conn = services.deps.conn
    conn.execute("UPDATE shows SET starts_at = '2026-11-25T05:30:00+00:00' WHERE id = 'show-future'")
    dubai(conn, [], show_utc="2026-11-25T06:00:00+00:00")
    conn.execute("UPDATE cinemas SET currency = 'INR' WHERE id = 'dxb'")  # one section, two zones
    board = dashboard.build(manager, DAY, scope=Scope(currency="INR"))
    starts = [(s.starts.strftime("%H:%M"), s.cinema) for s in board.section("INR").shows
              if s.starts.hour in (10, 11)]
    assert starts[:2] == [("11:00", "Test Screens"), ("10:00", "Gulf Screens")]
    assert [str(s.starts.tzinfo) for s in board.section("INR").shows][:2] == ["Asia/Kolkata",
                                                                              "Asia/Dubai"]


def test_a_cashier_is_refused_and_an_unknown_currency_said(services, cashier, manager, dashboard):
    with pytest.raises(PermissionDenied):
        dashboard.build(cashier, DAY, scope=Scope(currency="XYZ"))  # refused before any read
    refused = services.deps.conn.execute(
        "SELECT COUNT(*) FROM audit WHERE action = 'report.dashboard' AND ok = 0").fetchone()[0]
    assert refused == 1
    with pytest.raises(InvalidInput, match="XYZ"):
        dashboard.build(manager, DAY, scope=Scope(currency="XYZ"))


def test_a_cinema_lists_only_the_cashiers_who_sold_there(services, manager, cashier, clock,
                                                         dashboard):
    # A shift records no cinema: 1002's shift (no sale here) is the chain's, not this cinema's.
    other = services.auth.sign_in("1002", "2345")
    insert_open_shift(services.deps.db, other.staff_id, other.kiosk_id, clock)
    sell(services, cashier, "show-future", ["B1"], CASH)
    chain = {c.staff_number for c in dashboard.build(manager, DAY).section("INR").cashiers}
    one = {c.staff_number for c in dashboard.build(
        manager, DAY, scope=Scope(cinema_id="cin-test")).section("INR").cashiers}
    assert chain == {"1001", "1002"} and one == {"1001"}

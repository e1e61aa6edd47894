"""Reports against a small dataset whose every figure is computed by hand in the comments.

The test world (tests/factories): one cinema in Asia/Kolkata (UTC+05:30), INR, tax 18 % included
in the price; standard seat 250.00 (child 175.00), premium 350.00, recliner 600.00. The clock
starts at 2026-11-25 12:00 UTC = 17:30 local. Tax in a price p is round(p * 18 / 118):
250.00 -> 38.14, 175.00 -> 26.69, 350.00 -> 53.39, 600.00 -> 91.53.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest

from kiosk.domain.errors import InvalidInput, NotFound, PermissionDenied
from kiosk.services.models import Payment
from kiosk.services.reports import ReportTable, to_csv
from tests.factories import insert_open_shift

DAY = date(2026, 11, 25)
CARD = Payment("card", card_last4="4242")


@pytest.fixture
def cashier(services, clock):
    actor = services.auth.sign_in("1001", "1234")
    insert_open_shift(services.deps.db, actor.staff_id, actor.kiosk_id, clock)
    return services.auth.sign_in("1001", "1234")


@pytest.fixture
def manager(services):
    return services.auth.sign_in("9001", "9999")


def sell(services, actor, show, seats, payment, types=None):
    hold = services.booking.hold(actor, show, seats)
    return services.booking.confirm(actor, hold.hold_id, types or {}, payment)


@pytest.fixture
def day_of_trading(services, cashier, clock):
    """The hand-computed day. Returns the bookings by name."""
    # A: 17:30 local, cashier, cash, B1+B2 standard adult: 500.00, tax 76.28.
    a = sell(services, cashier, "show-future", ["B1", "B2"], Payment("cash", tendered_minor=50000))
    clock.advance(hours=1)
    # B: 18:30, cashier, card, E1 premium adult + C1 standard child: 525.00, tax 53.39 + 26.69 = 80.08.
    b = sell(services, cashier, "show-future", ["E1", "C1"], CARD, {"C1": "child"})
    # C1 refunded at 18:30 to the card: 175.00, tax 26.69.
    services.booking.refund(cashier, b.reference, ["C1"], "customer_request")
    clock.advance(minutes=20)
    # C: 18:50, self-service, card, show-later D1: 250.00, tax 38.14.
    kiosk = services.auth.self_service_actor()
    c = sell(services, kiosk, "show-later", ["D1"], CARD)
    clock.advance(hours=1, minutes=15)
    # A exchanged at 20:05 for show-later F1 recliner 600.00 (tax 91.53): 500.00 carried over,
    # 100.00 paid in cash; the old seats B1, B2 are freed.
    hold = services.booking.hold(cashier, "show-later", ["F1"])
    a2 = services.booking.exchange(cashier, a.reference, hold.hold_id, {},
                                   Payment("cash", tendered_minor=10000))
    return {"a": a, "b": b, "c": c, "a2": a2}


def row_by(table: ReportTable, **match) -> dict:
    rows = [r for r in table.as_dicts() if all(r[k] == v for k, v in match.items())]
    assert len(rows) == 1, (match, table.as_dicts())
    return rows[0]


def test_totals_match_the_hand_computed_day(services, manager, day_of_trading):
    report = services.reports.daily_sales(manager, DAY)
    assert report.currencies == ["INR"]
    t = report.total("INR")
    assert t["bookings"] == 4  # A, B, C and the exchange's new booking
    assert t["tickets"] == 6  # 2 + 2 + 1 + 1
    assert t["gross"] == 187500  # 500 + 525 + 250 + 600
    assert (t["refund_count"], t["refunded_tickets"], t["refunds"]) == (1, 1, 17500)
    assert (t["exchanges"], t["exchanged_tickets"], t["exchange_credit"]) == (1, 2, 50000)
    # Money kept: A 500 + exchange 100 + B 525 - 175 + C 250 = 1,200.00.
    assert t["net_sales"] == 120000
    assert t["sales_tax"] == 28603  # 76.28 + 80.08 + 38.14 + 91.53
    assert (t["refunds_tax"], t["exchange_tax"]) == (2669, 7628)
    # Tax on the seats kept: E1 53.39 + D1 38.14 + F1 91.53 = 183.06.
    assert t["tax"] == 18306
    assert t["net_revenue"] == 101694  # 1,200.00 - 183.06
    assert t["average_ticket"] == 31250  # 1,875.00 / 6
    assert (t["pending_refund_count"], t["pending_refunds"]) == (0, 0)


def test_every_breakdown_sums_to_the_totals(services, manager, day_of_trading):
    report = services.reports.daily_sales(manager, DAY)
    totals = report.total("INR")
    measures = ("bookings", "tickets", "gross", "refund_count", "refunds", "exchanges",
                "exchange_credit", "net_sales", "tax", "net_revenue")
    for table in report.tables[1:]:
        rows = table.as_dicts()
        assert rows, table.name
        for key in measures:
            assert sum(r[key] for r in rows) == totals[key], (table.name, key)


def test_breakdowns_attribute_sales_refunds_and_exchanges(services, manager, day_of_trading):
    report = services.reports.daily_sales(manager, DAY)
    # By payment: cash A 500 + A2 600 - credit 500 (A was cash) = 600; card 525 + 250 - 175 = 600.
    cash = row_by(report.by_payment, payment_method="cash")
    card = row_by(report.by_payment, payment_method="card")
    assert (cash["gross"], cash["exchange_credit"], cash["net_sales"]) == (110000, 50000, 60000)
    assert (card["gross"], card["refunds"], card["net_sales"]) == (77500, 17500, 60000)
    # By show: the exchange credit leaves show-future (A's show) and the new sale lands on show-later.
    future = row_by(report.by_show, show_id="show-future")
    later = row_by(report.by_show, show_id="show-later")
    assert (future["gross"], future["net_sales"]) == (102500, 35000)
    assert (later["gross"], later["net_sales"]) == (85000, 85000)
    assert future["starts"] == "2026-11-25 20:30" and future["film"] == "The Test Pattern"
    # By staff: the cashier sold A, B, A2 and did the refund and the exchange.
    asha = row_by(report.by_staff, staff_number="1001")
    assert asha["staff_name"] == "Asha Cashier"
    assert (asha["bookings"], asha["gross"], asha["net_sales"]) == (3, 162500, 95000)
    self_service = row_by(report.by_staff, staff_name="Self-service kiosk")
    assert (self_service["staff_number"], self_service["net_sales"]) == ("", 25000)
    # By channel.
    assert row_by(report.by_channel, channel="counter")["net_sales"] == 95000
    assert row_by(report.by_channel, channel="self-service")["net_sales"] == 25000
    # By hour (local): 17:00 A; 18:00 B, the refund, C; 20:00 the exchange.
    hours = {r["hour"]: r for r in report.by_hour.as_dicts()}
    assert len(hours) == 24
    assert (hours["17:00"]["gross"], hours["17:00"]["net_sales"]) == (50000, 50000)
    assert (hours["18:00"]["gross"], hours["18:00"]["refunds"]) == (77500, 17500)
    assert (hours["20:00"]["gross"], hours["20:00"]["exchange_credit"]) == (60000, 50000)
    assert hours["12:00"]["gross"] == 0  # 12:00 UTC is not a local hour of any sale
    # One film, one kiosk for the staff sales, the self-service kiosk id for C.
    assert row_by(report.by_film, film="The Test Pattern")["net_sales"] == 120000
    assert {r["kiosk_id"] for r in report.by_kiosk.as_dicts()} == {"KIOSK-1"}


def test_business_date_is_the_cinema_local_date(services, manager, cashier, clock):
    clock.advance(hours=6, minutes=29)  # 18:29 UTC = 23:59 local on the 25th
    sell(services, cashier, "show-later", ["B1"], CARD)
    clock.advance(minutes=2)  # 18:31 UTC = 00:01 local on the 26th
    sell(services, cashier, "show-later", ["B2"], CARD)
    first = services.reports.daily_sales(manager, DAY)
    second = services.reports.daily_sales(manager, DAY + timedelta(days=1))
    assert first.total("INR")["bookings"] == 1
    assert second.total("INR")["bookings"] == 1
    assert {r["hour"]: r["bookings"] for r in first.by_hour.as_dicts()}["23:00"] == 1
    assert {r["hour"]: r["bookings"] for r in second.by_hour.as_dicts()}["00:00"] == 1
    both = services.reports.daily_sales(manager, DAY, DAY + timedelta(days=1))
    assert both.total("INR")["gross"] == 50000


def test_pending_refund_is_reported_but_not_subtracted(services, manager, cashier):
    # Five recliners 3,000.00 > the cashier limit of 1,000.00: the refund waits for a manager.
    booking = sell(services, cashier, "show-future", ["F1", "F2", "F3", "F4", "F5"], CARD)
    result = services.booking.refund(cashier, booking.reference, reason="customer_request")
    assert result.state == "pending_approval"
    t = services.reports.daily_sales(manager, DAY).total("INR")
    assert (t["gross"], t["refunds"], t["net_sales"]) == (300000, 0, 300000)
    assert (t["pending_refund_count"], t["pending_refunds"]) == (1, 300000)
    services.booking.approve_refund(manager, result.refund_id)
    t = services.reports.daily_sales(manager, DAY).total("INR")
    assert (t["refunds"], t["net_sales"], t["pending_refund_count"]) == (300000, 0, 0)


def test_occupancy_counts_kept_seats_and_remote_sales(services, manager, day_of_trading, clock):
    # show-future: B1 B2 exchanged away, C1 refunded, E1 kept -> 1 of the hall's 62 seats
    # (row A 8, B 10, C 12, D 12, E 12, F 8).
    # A seat sold elsewhere (pulled from the cloud) counts too, and a seat both local and remote
    # counts once.
    services.deps.conn.execute(
        "INSERT INTO remote_seats (show_id, seat_code, state, pulled_at) VALUES "
        "('show-future', 'D5', 'sold', '2026-11-25T12:00:00+00:00'), "
        "('show-future', 'E1', 'sold', '2026-11-25T12:00:00+00:00'), "
        "('show-future', 'D6', 'held', '2026-11-25T12:00:00+00:00')")
    report = services.reports.occupancy(manager, DAY)
    rows = {r["show_id"]: r for r in report.shows.as_dicts()}
    # The 25th local: show-future (20:30) and show-past (14:30); show-later is on the 26th.
    assert set(rows) == {"show-future", "show-past"}
    assert (rows["show-future"]["sold"], rows["show-future"]["capacity"]) == (2, 62)
    assert rows["show-future"]["occupancy"] == pytest.approx(3.23)
    assert rows["show-past"]["sold"] == 0
    later = services.reports.occupancy(manager, DAY + timedelta(days=1)).shows.as_dicts()
    assert [(r["show_id"], r["sold"], r["free"]) for r in later] == [("show-later", 2, 60)]


def test_refunds_list(services, manager, day_of_trading):
    rows = services.reports.refunds(manager, DAY).refunds.as_dicts()
    assert len(rows) == 1
    r = rows[0]
    assert (r["reference"], r["seats"], r["amount"], r["tax"]) == (
        day_of_trading["b"].reference, "C1", 17500, 2669)
    assert (r["method"], r["state"], r["reason"], r["at"]) == ("card", "completed", "customer request",
                                                              "2026-11-25 18:30")
    assert r["requested_by"] == "1001 Asha Cashier"


def test_cashier_is_refused_and_the_refusal_audited(services, cashier):
    before = services.deps.conn.execute("SELECT COUNT(*) FROM audit WHERE ok = 0").fetchone()[0]
    for call in (services.reports.daily_sales, services.reports.occupancy, services.reports.refunds):
        with pytest.raises(PermissionDenied):
            call(cashier, DAY)
    rows = services.deps.conn.execute(
        "SELECT action, staff_id FROM audit WHERE ok = 0 ORDER BY id").fetchall()[before:]
    assert [r[0] for r in rows] == ["report.sales", "report.occupancy", "report.refunds"]
    assert {r[1] for r in rows} == {cashier.staff_id}


def test_bad_ranges_and_unknown_cinema_are_refused(services, manager):
    with pytest.raises(InvalidInput, match="before"):
        services.reports.daily_sales(manager, DAY, DAY - timedelta(days=1))
    with pytest.raises(InvalidInput, match="at most"):
        services.reports.daily_sales(manager, DAY, DAY + timedelta(days=400))
    with pytest.raises(NotFound):
        services.reports.daily_sales(manager, DAY, cinema_id="nowhere")


def test_cinema_filter(services, manager, day_of_trading):
    assert services.reports.daily_sales(manager, DAY, cinema_id="cin-test").total("INR")["gross"] == 187500
    services.deps.conn.execute(
        "INSERT INTO cinemas (id, name, city, timezone, currency) "
        "VALUES ('cin-other', 'Other', 'Elsewhere', 'Asia/Kolkata', 'INR')")
    other = services.reports.daily_sales(manager, DAY, cinema_id="cin-other")
    assert other.currencies == [] and other.total("INR")["gross"] == 0


def test_empty_day_gives_empty_tables(services, manager):
    report = services.reports.daily_sales(manager, DAY)
    assert report.totals.rows == () and report.by_film.rows == () and report.by_hour.rows == ()


def test_csv_writes_every_table_with_decimal_money(services, manager, day_of_trading):
    report = services.reports.daily_sales(manager, DAY)
    out = io.StringIO()
    to_csv(report, out)
    text = out.getvalue()
    for table in report.tables:
        assert f"# {table.title}" in text
    lines = list(csv.reader(io.StringIO(text)))
    header = lines[1]
    totals = dict(zip(header, lines[2], strict=True))
    assert totals["Currency"] == "INR"
    assert totals["Gross sales"] == "1875.00" and totals["Net revenue"] == "1016.94"
    single = io.StringIO()
    to_csv(report.by_payment, single)
    assert single.getvalue().splitlines()[0].startswith("Payment,Currency,Bookings")


def test_display_rows_format_money_and_percent(services, manager, day_of_trading):
    report = services.reports.daily_sales(manager, DAY)
    shown = dict(zip(report.totals.keys, report.totals.display_rows()[0], strict=True))
    assert shown["gross"] == "₹1,875.00" and shown["tickets"] == "6"
    occ = services.reports.occupancy(manager, DAY).shows
    cells = dict(zip(occ.keys, occ.display_rows()[0], strict=True))
    assert cells["occupancy"].endswith(" %")


def test_generated_bench_database_is_consistent(tmp_path):
    """The report bench's generator obeys the schema and the report reads it back exactly."""
    from kiosk.bench.actors import bench_manager
    from kiosk.bench.datagen import generate
    from kiosk.config import Config
    from kiosk.domain.clock import Clock
    from kiosk.services.deps import ServiceDeps
    from kiosk.services.reports import ReportService
    from kiosk.store.db import open_db

    info = generate(tmp_path / "gen.db", 3000)
    db = open_db(tmp_path / "gen.db")
    conn = db.conn
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    fresh = open_db(tmp_path / "fresh.db").conn
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
    assert [tuple(r) for r in conn.execute(schema)] == [tuple(r) for r in fresh.execute(schema)]
    fresh.close()
    assert conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == info.bookings == 3000
    # Totals equal the sum of lines; sold seats are exactly the kept, not-exchanged lines.
    assert conn.execute(
        "SELECT COUNT(*) FROM bookings b WHERE total_minor != "
        "(SELECT SUM(price_minor) FROM booking_seats WHERE booking_id = b.id)").fetchone()[0] == 0
    kept = conn.execute("SELECT COUNT(*) FROM booking_seats bs JOIN bookings b ON b.id = bs.booking_id "
                        "WHERE bs.refunded = 0 AND b.state != 'exchanged'").fetchone()[0]
    assert conn.execute("SELECT COUNT(*) FROM seat_sales").fetchone()[0] == kept
    assert conn.execute("SELECT COUNT(*) FROM bookings WHERE exchanged_from IS NOT NULL").fetchone()[0] > 0
    reports = ReportService(ServiceDeps(db=db, config=Config(db_path=tmp_path / "gen.db"), clock=Clock()))
    boss = bench_manager(conn)  # a manager with a staff row: the role check re-reads it
    first, last = date.fromisoformat(info.first_date), date.fromisoformat(info.last_date)
    report = reports.daily_sales(boss, first - timedelta(days=1), last)
    assert sum(report.totals.column("bookings")) == 3000
    assert sum(report.totals.column("gross")) == conn.execute(
        "SELECT SUM(total_minor) FROM bookings").fetchone()[0]
    assert sum(report.totals.column("refunds")) == conn.execute(
        "SELECT SUM(amount_minor) FROM refunds WHERE state = 'completed'").fetchone()[0]
    settings = json.loads(conn.execute("SELECT value FROM settings WHERE key = 'bench.datagen'").fetchone()[0])
    assert settings["bookings"] == 3000
    db.conn.close()


def test_report_reads_a_committed_snapshot_beside_an_open_sale(services, manager, day_of_trading):
    """A report on a worker thread must not see, or trip over, the counter's open transaction."""
    conn = services.deps.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM refund_tenders")  # (they reference the refunds: issue 11)
        conn.execute("DELETE FROM refunds")
        conn.execute("UPDATE bookings SET total_minor = 0")
        t = services.reports.daily_sales(manager, DAY).total("INR")
        assert (t["gross"], t["refunds"]) == (187500, 17500)
        assert conn.in_transaction  # the seller's transaction is untouched
    finally:
        conn.execute("ROLLBACK")


# ---------------------------------------------------------------- property: books always balance

from hypothesis import HealthCheck, event, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_SEATS = ["B1", "B2", "B3", "C1", "C2", "D1", "D2", "E1", "E2", "F1", "F2", "F3", "F4"]
_op = st.one_of(
    st.tuples(st.just("sell"), st.lists(st.sampled_from(_SEATS), min_size=1, max_size=4, unique=True),
              st.sampled_from(["cash", "card"]), st.sampled_from(["show-future", "show-later"]),
              st.sampled_from(["adult", "child", "senior"])),
    st.tuples(st.just("refund"), st.integers(0, 20), st.booleans()),
    st.tuples(st.just("exchange"), st.integers(0, 20), st.lists(st.sampled_from(_SEATS), min_size=1,
                                                                max_size=3, unique=True)),
    st.tuples(st.just("approve"), st.integers(0, 20)),
    st.tuples(st.just("wait"), st.integers(1, 400)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(_op, min_size=1, max_size=10))
def test_books_balance_after_any_sequence(tmp_path_factory, ops):
    """Whatever mix of sales, refunds, approvals and exchanges: every breakdown sums to the totals
    and net sales equal the money kept, computed independently from the raw tables."""
    from kiosk.config import Config
    from kiosk.domain.clock import FakeClock
    from kiosk.domain.errors import KioskError
    from kiosk.services.app import open_services
    from tests.factories import make_world

    clock = FakeClock()
    path = tmp_path_factory.mktemp("books") / "kiosk.db"
    services = open_services(Config(db_path=path, bcrypt_rounds=4), clock=clock)
    try:
        make_world(services.deps.db, clock)
        cashier = services.auth.sign_in("1001", "1234")
        insert_open_shift(services.deps.db, cashier.staff_id, cashier.kiosk_id, clock)
        manager = services.auth.sign_in("9001", "9999")
        refs: list[str] = []
        for op in ops:
            try:
                if op[0] == "sell":
                    _, seats, method, show, kind = op
                    pay = Payment("cash", tendered_minor=10**7) if method == "cash" else CARD
                    refs.append(sell(services, cashier, show, seats, pay, dict.fromkeys(seats, kind)).reference)
                elif op[0] == "refund" and refs:
                    ref = refs[op[1] % len(refs)]
                    lines = [ln.seat_code for ln in services.booking.get(ref).lines if not ln.refunded]
                    result = services.booking.refund(cashier, ref, lines[:1] if op[2] and lines else None, reason="customer_request")
                    event(f"refund {result.state}")
                elif op[0] == "exchange" and refs:
                    hold = services.booking.hold(cashier, "show-later", op[2])
                    try:
                        new = services.booking.exchange(cashier, refs[op[1] % len(refs)], hold.hold_id,
                                                        {}, Payment("cash", tendered_minor=10**7))
                        refs.append(new.reference)
                        event("exchange done")
                    except KioskError:
                        services.booking.release(hold.hold_id)
                        raise
                elif op[0] == "approve":
                    pending = [r[0] for r in services.deps.conn.execute(
                        "SELECT id FROM refunds WHERE state = 'pending_approval' ORDER BY id")]
                    if pending:
                        services.booking.approve_refund(manager, pending[op[1] % len(pending)])
                elif op[0] == "wait":
                    clock.advance(minutes=op[1])
            except KioskError:
                pass  # refusals (seat taken, nothing left to refund, ...) change nothing
        conn = services.deps.conn
        first, last = conn.execute("SELECT MIN(business_date), MAX(business_date) FROM "
                                   "(SELECT business_date FROM bookings UNION ALL "
                                   "SELECT business_date FROM refunds)").fetchone()
        if first is None:
            return
        report = services.reports.daily_sales(manager, date.fromisoformat(first), date.fromisoformat(last))
        t = report.total("INR")
        taken = conn.execute("SELECT COALESCE(SUM(COALESCE(paid_minor, total_minor)), 0) FROM bookings").fetchone()[0]
        refunded = conn.execute("SELECT COALESCE(SUM(amount_minor), 0) FROM refunds "
                                "WHERE state = 'completed'").fetchone()[0]
        assert t["net_sales"] == taken - refunded
        assert t["gross"] == conn.execute("SELECT SUM(total_minor) FROM bookings").fetchone()[0]
        # The tax left is exactly the tax of the seats still sold.
        kept_tax = conn.execute(
            "SELECT COALESCE(SUM(bs.tax_minor), 0) FROM booking_seats bs JOIN bookings b "
            "ON b.id = bs.booking_id WHERE bs.refunded = 0 AND b.state != 'exchanged'").fetchone()[0]
        assert t["tax"] == kept_tax
        kept_seats = conn.execute("SELECT COUNT(*) FROM seat_sales").fetchone()[0]
        assert t["tickets"] - t["refunded_tickets"] - t["exchanged_tickets"] == kept_seats
        for table in report.tables[1:]:
            for key in ("gross", "refunds", "exchange_credit", "net_sales", "tax", "tickets"):
                assert sum(r[key] for r in table.as_dicts()) == t[key], (table.name, key)
    finally:
        services.close()


# ---------------------------------------------------------------- local hours in other zones


def _cinema_with_sales(conn, cinema: str, tz: str, currency: str, sales_utc: list[str]) -> None:
    """A cinema, hall and show in ``tz`` and one 100.00 booking at each UTC time given."""
    from zoneinfo import ZoneInfo

    from kiosk.domain.clock import from_iso

    conn.execute("INSERT INTO cinemas (id, name, city, timezone, currency) VALUES (?, ?, 'X', ?, ?)",
                 (cinema, cinema.title(), tz, currency))
    conn.execute("INSERT INTO halls (id, cinema_id, name, layout, seat_count) VALUES (?, ?, 'H', ?, 1)",
                 (f"{cinema}-hall", cinema, json.dumps({"rows": [{"label": "A", "cells": "S"}]})))
    conn.execute("INSERT INTO price_lists (id, name, currency, tax_rate_bp) VALUES (?, 'P', ?, 0)",
                 (f"{cinema}-pl", currency))
    conn.execute("INSERT INTO shows (id, film_id, hall_id, starts_at, price_list_id) "
                 "VALUES (?, 'film-test', ?, '2026-12-31T20:00:00+00:00', ?)",
                 (f"{cinema}-show", f"{cinema}-hall", f"{cinema}-pl"))
    for i, when in enumerate(sales_utc):
        local_day = from_iso(when).astimezone(ZoneInfo(tz)).date().isoformat()
        conn.execute(
            "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, "
            "currency, total_minor, tax_minor, payment_method, created_at, business_date, updated_at) "
            "VALUES (?, ?, ?, ?, 'online', 'WEB', ?, 10000, 0, 'card', ?, ?, ?)",
            (f"{cinema}-{i}", f"{cinema[:4].upper()}-{i:04d}", f"{cinema}-k{i}", f"{cinema}-show",
             currency, when, local_day, when))


def test_hours_follow_each_cinemas_zone_including_dst_and_quarter_hours(services, manager):
    conn = services.deps.conn
    # London moves to BST at 01:00 UTC on 29 March 2026: 00:30 UTC is 00:30, 01:30 UTC is 02:30.
    _cinema_with_sales(conn, "london", "Europe/London", "GBP",
                       ["2026-03-29T00:30:00+00:00", "2026-03-29T01:30:00+00:00"])
    # Kathmandu is UTC+05:45: 12:10 UTC is 17:55 local, 12:20 UTC is 18:05 local.
    _cinema_with_sales(conn, "kathmandu", "Asia/Kathmandu", "NPR",
                       ["2026-03-29T12:10:00+00:00", "2026-03-29T12:20:00+00:00",
                        "2026-03-29T18:16:00+00:00"])  # 00:01 on the 30th: another business day
    day = date(2026, 3, 29)
    report = services.reports.daily_sales(manager, day)
    assert report.currencies == ["GBP", "NPR"]
    busy = {(r["currency"], r["hour"]): r["bookings"] for r in report.by_hour.as_dicts() if r["bookings"]}
    assert busy == {("GBP", "00:00"): 1, ("GBP", "02:00"): 1, ("NPR", "17:00"): 1, ("NPR", "18:00"): 1}
    assert services.reports.daily_sales(manager, day, cinema_id="london").currencies == ["GBP"]
    nxt = services.reports.daily_sales(manager, date(2026, 3, 30), cinema_id="kathmandu")
    assert [(r["hour"], r["bookings"]) for r in nxt.by_hour.as_dicts() if r["bookings"]] == [("00:00", 1)]
    assert nxt.by_channel.as_dicts()[0]["channel"] == "online"
    staff = nxt.by_staff.as_dicts()
    assert [(r["staff_number"], r["staff_name"]) for r in staff] == [("", "Online")]


def test_money_by_tender(services, manager, day_of_trading):
    """Issue 11: the report counts by tender: A's exchange carried its cash (not taken again)."""
    report = services.reports.daily_sales(manager, DAY)
    rows = {r["tender"]: r for r in report.by_tender.as_dicts()}
    assert set(rows) == {"cash", "card"}
    assert (rows["cash"]["tenders"], rows["cash"]["taken"], rows["cash"]["refunded"]) == (2, 60000, 0)
    assert (rows["card"]["tenders"], rows["card"]["taken"], rows["card"]["refunded"]) == (2, 77500, 17500)
    assert rows["card"]["net"] + rows["cash"]["net"] == report.total("INR")["net_sales"]
    assert report.by_tender not in report.tables  # its measures are not the sales measures

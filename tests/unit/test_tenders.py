"""Tenders (issue 11): split payment, exchange and refund by tender, drawer and day totals by tender."""

from __future__ import annotations

import re
from datetime import date
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.errors import PaymentError
from kiosk.domain.tenders import (
    REFUND_ORDER,
    Tender,
    TenderLine,
    allocate_refund,
    settle,
)
from kiosk.services.models import Payment
from kiosk.services.shifts import expected_cash
from kiosk.services.tenders import tender_totals
from kiosk.store.db import transaction
from tests.factories import insert_open_shift, table_dump

CARD = Payment("card", card_last4="1111")
DAY = "2026-11-25"  # the FakeClock's local business date (tests/conftest.py)


@pytest.fixture
def cashier(services, clock):
    actor = services.auth.sign_in("1001", "1234")
    services.shift_id = insert_open_shift(services.deps.db, actor.staff_id, actor.kiosk_id, clock,
                                          float_minor=50_000)
    return services.auth.sign_in("1001", "1234")


@pytest.fixture
def kiosk(services):
    return services.auth.self_service_actor()


def sell(services, actor, seats, payment=CARD, show="show-future"):
    hold = services.booking.hold(actor, show, seats)
    return services.booking.confirm(actor, hold.hold_id, {}, payment)


def split(*tenders: Tender) -> Payment:
    return Payment(tenders=tenders)


def tender_rows(services, booking_id):
    return [tuple(r) for r in services.deps.conn.execute(
        "SELECT seq, kind, amount_minor, reference, tendered_minor, change_minor, "
        "carried_from IS NOT NULL FROM booking_tenders WHERE booking_id = ? ORDER BY seq",
        (booking_id,))]


def refund_rows(services, refund_id):
    return [tuple(r) for r in services.deps.conn.execute(
        "SELECT kind, amount_minor, tender_seq FROM refund_tenders WHERE refund_id = ? "
        "ORDER BY seq", (refund_id,))]


# ---------------------------------------------------------------- domain rules
def test_settle_split_gives_change_only_on_cash():
    lines = settle(100_000, [Tender("card", 60_000, "4242"), Tender("cash", 50_000)], "INR")
    assert lines == [TenderLine(1, "card", 60_000, "4242"),
                     TenderLine(2, "cash", 40_000, None, 50_000, 10_000)]
    assert sum(t.amount_minor for t in lines) == 100_000


@pytest.mark.parametrize("tenders, message", [
    ([Tender("card", 50_000, "4242")], "still to pay"),
    ([Tender("card", 60_000, "4242"), Tender("upi", 50_000, "410500000001")], "more than the"),
    ([Tender("voucher", 120_000, "GC123456789015")], "Only cash gives change"),
    ([Tender("giftcard", 50_000, "GC123456789016"), Tender("cash", 50_000)], "wrong digit"),
    ([Tender("voucher", 50_000, "GIFT-1"), Tender("cash", 50_000)], "GC and 12 digits"),
    ([Tender("card", 0, "4242"), Tender("cash", 100_000)], "more than zero"),
    ([Tender("card", -5, "4242"), Tender("cash", 100_000)], "more than zero"),
    ([Tender("card", 50_000, "42"), Tender("cash", 50_000)], "last 4 digits"),
    ([Tender("card", 50_000, "4111111111111111"), Tender("cash", 50_000)], "full card number"),
    ([Tender("upi", 50_000, "  "), Tender("cash", 50_000)], "UPI reference"),
    ([Tender("voucher", 50_000, ""), Tender("cash", 50_000)], "gift card code"),
    ([Tender("cash", 40_000), Tender("cash", 60_000)], "cash once"),
    ([Tender("card", 100_000, "4242"), Tender("cash", 500)], "Nothing is left to pay in cash"),
    ([Tender("card", 60_000, "4242"), Tender("cash", 30_000)], "short"),
    ([Tender("cheque", 100_000, "1")], "cash, card, UPI, gift card or points"),
    ([Tender("card", 50.5, "4242")], "whole amount"),  # type: ignore[arg-type]
    ([], "Take payment"),
])
def test_settle_refuses_what_does_not_add_up(tenders, message):
    with pytest.raises(PaymentError, match=message):
        settle(100_000, tenders, "INR")


def test_refund_order_card_upi_voucher_points_then_cash_and_never_more_than_left():
    left = [(1, "cash", 40_000), (2, "voucher", 10_000), (3, "card", 30_000), (4, "upi", 20_000),
            (5, "points", 2_000)]
    parts = allocate_refund(67_000, left)
    assert [(p.kind, p.amount_minor, p.tender_seq) for p in parts] == [
        ("card", 30_000, 3), ("upi", 20_000, 4), ("voucher", 10_000, 2), ("points", 2_000, 5),
        ("cash", 5_000, 1)]
    assert REFUND_ORDER == ("card", "upi", "voucher", "points", "cash")
    with pytest.raises(PaymentError):
        allocate_refund(102_001, left)


# ---------------------------------------------------------------- split payment at the counter
def test_split_payment_records_each_tender(services, cashier):
    booking = sell(services, cashier, ["B1", "B2"],  # 2 x 250.00
                   split(Tender("card", 30_000, "4242"), Tender("cash", 30_000)))
    assert booking.payment_method == "split"
    assert [(t.kind, t.amount_minor) for t in booking.tenders] == [("card", 30_000), ("cash", 20_000)]
    assert tender_rows(services, booking.booking_id) == [
        (1, "card", 30_000, "4242", None, None, 0), (2, "cash", 20_000, None, 30_000, 10_000, 0)]
    row = services.deps.conn.execute("SELECT * FROM bookings WHERE id = ?",
                                     (booking.booking_id,)).fetchone()
    assert (row["payment_method"], row["card_last4"], row["cash_tendered_minor"],
            row["change_minor"]) == ("cash", "4242", 30_000, 10_000)
    method = services.deps.conn.execute("SELECT method FROM booking_payment WHERE booking_id = ?",
                                        (booking.booking_id,)).fetchone()[0]
    assert method == "split" and row["payment_kind"] == "split"
    manager = services.auth.sign_in("9001", "9999")
    report = services.reports.daily_sales(manager, date.fromisoformat(DAY))
    assert [r["payment_method"] for r in report.by_payment.as_dicts()] == ["split"]
    again = services.booking.get(booking.reference)
    assert again.tenders == booking.tenders and again.payment_method == "split"
    assert expected_cash(services.deps.conn, services.shift_id) == 50_000 + 20_000


def test_single_upi_and_gift_card_payments(services, cashier):
    card = services.gift_cards.issue(cashier, "cin-test", 25_000, CARD).card
    upi = sell(services, cashier, ["B1"], Payment("upi", reference="410500077812"))
    voucher = sell(services, cashier, ["B2"], Payment("voucher", reference=card.code))
    assert upi.payment_method == "upi" and voucher.payment_method == "voucher"
    assert tender_rows(services, upi.booking_id) == [(1, "upi", 25_000, "410500077812", None, None, 0)]
    assert expected_cash(services.deps.conn, services.shift_id) == 50_000
    assert services.gift_cards.balance(card.code).balance_minor == 0


@pytest.mark.parametrize("payment, message", [
    (split(Tender("card", 20_000, "4242"), Tender("upi", 20_000, "410500000011")), "still to pay"),
    (split(Tender("card", 60_000, "4242")), "more than the"),
    (split(Tender("card", 20_000, "424"), Tender("cash", 40_000)), "last 4 digits"),
    (split(Tender("upi", 20_000, ""), Tender("cash", 40_000)), "UPI reference"),
    (split(Tender("cash", -1)), "more than zero"),
    (Payment("upi"), "UPI reference"),
])
def test_bad_split_is_refused_and_nothing_is_written(services, cashier, payment, message):
    hold = services.booking.hold(cashier, "show-future", ["B1", "B2"])
    before = table_dump(services.deps.conn)
    with pytest.raises(PaymentError, match=message):
        services.booking.confirm(cashier, hold.hold_id, {}, payment)
    assert table_dump(services.deps.conn) == before


def test_self_service_takes_card_and_upi_but_no_cash(services, kiosk):
    hold = services.booking.hold(kiosk, "show-future", ["B1"])
    with pytest.raises(PaymentError, match="card or UPI"):
        services.booking.confirm(kiosk, hold.hold_id, {}, split(Tender("cash", 25_000)))
    with pytest.raises(PaymentError, match="card or UPI"):
        services.booking.confirm(kiosk, hold.hold_id, {}, Payment("voucher", reference="GIFT"))
    booking = services.booking.confirm(kiosk, hold.hold_id, {},
                                       split(Tender("card", 5_000, "4242"),
                                             Tender("upi", 20_000, "410500000001")))
    assert [t.kind for t in booking.tenders] == ["card", "upi"]


# ---------------------------------------------------------------- the issue's example
def test_card_booking_exchanged_with_cash_difference_refunds_by_tender(services, cashier):
    """Issue 11, "what breaks" 2: the drawer pays out only the cash part; expected cash never
    goes negative from card money."""
    conn = services.deps.conn
    card = sell(services, cashier, ["B1"])  # 250.00 by card
    hold = services.booking.hold(cashier, "show-future", ["E1"])  # premium 350.00
    new = services.booking.exchange(cashier, card.reference, hold.hold_id, {},
                                    Payment("cash", tendered_minor=20_000))
    assert new.payment_method == "split"
    assert tender_rows(services, new.booking_id) == [
        (1, "card", 25_000, "1111", None, None, 1), (2, "cash", 10_000, None, 20_000, 10_000, 0)]
    assert expected_cash(conn, services.shift_id) == 50_000 + 10_000

    refund = services.booking.refund(cashier, new.reference, reason="customer_request")
    assert refund.amount_minor == 35_000 and refund.method == "split"
    assert refund_rows(services, refund.refund_id) == [("card", 25_000, 1), ("cash", 10_000, 2)]
    assert expected_cash(conn, services.shift_id) == 50_000  # float only: the cash came and went

    day = tender_totals(conn, business_date=DAY, cinema_id="cin-test")
    assert (day["card"].taken_minor, day["card"].refunded_minor) == (25_000, 25_000)
    assert (day["cash"].taken_minor, day["cash"].refunded_minor) == (10_000, 10_000)
    assert day["upi"].net_minor == 0 and day["cash"].currency == "INR"


def test_cash_never_goes_back_to_a_card(services, cashier):
    cash = sell(services, cashier, ["B1"], Payment("cash", tendered_minor=30_000))
    hold = services.booking.hold(cashier, "show-future", ["E1"])
    new = services.booking.exchange(cashier, cash.reference, hold.hold_id, {},
                                    Payment("card", card_last4="9999"))
    refund = services.booking.refund(cashier, new.reference, ["E1"], reason="customer_request")
    assert refund_rows(services, refund.refund_id) == [("card", 10_000, 2), ("cash", 25_000, 1)]
    assert expected_cash(services.deps.conn, services.shift_id) == 50_000


def test_partial_refunds_never_give_a_tender_more_than_it_paid(services, cashier):
    booking = sell(services, cashier, ["B1", "B2", "B3"],  # 750.00: 200 card, 550 cash
                   split(Tender("card", 20_000, "4242"), Tender("cash", 60_000)))
    conn = services.deps.conn
    first = services.booking.refund(cashier, booking.reference, ["B1"], reason="customer_request")
    assert refund_rows(services, first.refund_id) == [("card", 20_000, 1), ("cash", 5_000, 2)]
    second = services.booking.refund(cashier, booking.reference, ["B2"], reason="customer_request")
    assert second.method == "cash" and refund_rows(services, second.refund_id) == [("cash", 25_000, 2)]
    third = services.booking.refund(cashier, booking.reference, ["B3"], reason="customer_request")
    assert refund_rows(services, third.refund_id) == [("cash", 25_000, 2)]
    given = dict(conn.execute("SELECT kind, SUM(amount_minor) FROM refund_tenders GROUP BY kind"))
    assert given == {"card": 20_000, "cash": 55_000}
    assert expected_cash(conn, services.shift_id) == 50_000


def test_cheaper_exchange_gives_back_to_card_first_and_carries_the_rest(services, cashier):
    booking = sell(services, cashier, ["E1", "E2"],  # 2 x 350.00: 200 card, 500 cash
                   split(Tender("card", 20_000, "4242"), Tender("cash", 50_000)))
    hold = services.booking.hold(cashier, "show-future", ["B1"])  # 250.00: 450.00 back
    new = services.booking.exchange(cashier, booking.reference, hold.hold_id, {})
    back = services.deps.conn.execute(
        "SELECT id, method, amount_minor FROM refunds WHERE booking_id = ?",
        (booking.booking_id,)).fetchone()
    assert (back["method"], back["amount_minor"]) == ("split", 45_000)
    assert refund_rows(services, back["id"]) == [("card", 20_000, 1), ("cash", 25_000, 2)]
    assert tender_rows(services, new.booking_id) == [(1, "cash", 25_000, None, None, None, 1)]
    assert expected_cash(services.deps.conn, services.shift_id) == 50_000 + 50_000 - 25_000


def test_day_totals_by_tender_and_cinema(services, cashier):
    sell(services, cashier, ["B1"], Payment("upi", reference="410500000021"))
    sell(services, cashier, ["B2", "B3"], split(Tender("card", 10_000, "4242"),
                                                Tender("cash", 50_000)))
    day = tender_totals(services.deps.conn, business_date=DAY, cinema_id=None)
    assert {k: (v.taken_minor, v.tenders) for k, v in day.items()} == {
        "cash": (40_000, 1), "card": (10_000, 1), "upi": (25_000, 1), "voucher": (0, 0),
        "points": (0, 0)}
    other = tender_totals(services.deps.conn, business_date=DAY, cinema_id="elsewhere")
    assert all(v.taken_minor == 0 for v in other.values())
    assert tender_totals(services.deps.conn, business_date="2026-11-26",
                         cinema_id="cin-test")["cash"].taken_minor == 0


def test_migration_backfills_single_method_bookings(services, cashier):
    """0011's backfill: each old booking becomes one tender (an exchange: carried + difference),
    each completed refund one refund tender."""
    cash = sell(services, cashier, ["B1"], Payment("cash", tendered_minor=30_000))
    card = sell(services, cashier, ["B2"])
    hold = services.booking.hold(cashier, "show-future", ["E1"])
    swapped = services.booking.exchange(cashier, card.reference, hold.hold_id, {},
                                        Payment("cash", tendered_minor=10_000))
    # the reverse (cash booking, card difference), then that one exchanged again (a chain)
    cash2 = sell(services, cashier, ["B3"], Payment("cash", tendered_minor=25_000))
    hold = services.booking.hold(cashier, "show-future", ["E2"])
    reverse = services.booking.exchange(cashier, cash2.reference, hold.hold_id, {},
                                        Payment("card", card_last4="1111"))
    hold = services.booking.hold(cashier, "show-future", ["E3"])
    chained = services.booking.exchange(cashier, reverse.reference, hold.hold_id, {})
    refund = services.booking.refund(cashier, cash.reference, reason="customer_request")
    conn = services.deps.conn
    ids = (cash.booking_id, swapped.booking_id, reverse.booking_id, chained.booking_id)
    before = {b: tender_rows(services, b) for b in ids}
    assert [r[1] for r in before[chained.booking_id]] == ["cash", "card"]  # carried both
    sql = resources.files("kiosk.store.migrations").joinpath("0011_tenders.sql").read_text()
    backfill = [s for s in re.split(r";\s*\n", sql) if "INSERT INTO" in s]
    with transaction(conn):
        # before 0011 an exchange's payment_method was its difference's (now: 'cash' when any
        # tender, carried ones included, is cash)
        conn.execute("UPDATE bookings SET payment_method = 'card' WHERE id = ?",
                     (reverse.booking_id,))
        conn.execute("DELETE FROM refund_tenders")
        conn.execute("DELETE FROM booking_tenders")
        for statement in backfill:
            conn.execute(statement)
    # the backfill gives each booking the tenders the live code wrote: an exchange's carried
    # part keeps the old booking's kinds (card money stays card, cash stays cash)
    for booking_id in ids:
        assert tender_rows(services, booking_id) == before[booking_id]
    assert refund_rows(services, refund.refund_id) == [("cash", 25_000, 1)]


def test_cashup_counts_by_tender_and_the_drawer_only_cash(services, cashier):
    """The issue's example seen from the cash-up: the drawer balances on cash alone."""
    card = sell(services, cashier, ["B1"])
    hold = services.booking.hold(cashier, "show-future", ["E1"])
    new = services.booking.exchange(cashier, card.reference, hold.hold_id, {},
                                    Payment("cash", tendered_minor=10_000))
    sell(services, cashier, ["C1"], Payment("upi", reference="410500000005"))
    services.booking.refund(cashier, new.reference, reason="customer_request")
    shift = services.shifts.close(cashier, 50_000)  # the float is all that is in the drawer
    assert (shift.expected_minor, shift.variance_minor) == (50_000, 0)
    manager = services.auth.sign_in("9001", "9999")
    cashup = services.cashups.get(manager, services.shift_id)
    lines = {t.kind: (t.taken_minor, t.refunded_minor) for t in cashup.tenders}
    assert lines == {"cash": (10_000, 10_000), "card": (25_000, 25_000), "upi": (25_000, 0)}
    assert cashup.tender("voucher").net_minor == 0 and not cashup.flagged


def test_approved_refund_goes_back_by_tender_when_the_manager_approves(services, cashier):
    booking = sell(services, cashier, ["F1", "F2"],  # 2 recliners, 1,200.00: over a cashier's limit
                   split(Tender("card", 50_000, "4242"), Tender("cash", 70_000)))
    request = services.booking.refund(cashier, booking.reference, reason="customer_request")
    assert request.state == "pending_approval"
    assert refund_rows(services, request.refund_id) == []  # nothing decided, nothing paid
    manager = services.auth.sign_in("9001", "9999")
    done = services.booking.approve_refund(manager, request.refund_id)
    assert done.state == "completed"
    assert refund_rows(services, request.refund_id) == [("card", 50_000, 1), ("cash", 70_000, 2)]
    method = services.deps.conn.execute("SELECT method FROM refunds WHERE id = ?",
                                        (request.refund_id,)).fetchone()[0]
    assert method == "split"
    assert expected_cash(services.deps.conn, services.shift_id) == 50_000


def test_exchange_with_a_bad_split_changes_nothing(services, cashier):
    card = sell(services, cashier, ["B1"])
    hold = services.booking.hold(cashier, "show-future", ["E1"])  # 100.00 more
    before = table_dump(services.deps.conn)
    for payment, message in ((split(Tender("card", 20_000, "4242")), "more than the"),
                             (split(Tender("upi", 5_000, "410500000031")), "still to pay"),
                             (split(Tender("cash", 5_000)), "short")):
        with pytest.raises(PaymentError, match=message):
            services.booking.exchange(cashier, card.reference, hold.hold_id, {}, payment)
        assert table_dump(services.deps.conn) == before


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["card", "upi", "voucher"]),
                          st.integers(1, 50_000)), max_size=4),
       st.integers(0, 60_000), st.lists(st.integers(1, 40_000), max_size=6))
def test_refunds_never_give_a_tender_more_than_it_paid(others, cash_extra, refunds):
    """Property: any split that settles, refunded in any pieces up to its total, gives each
    tender back at most what it paid, and cash only to cash."""
    due = sum(a for _, a in others) + cash_extra
    tenders = [Tender(k, a, {"card": "4242", "upi": f"41052233{n:04d}"}.get(k, "GC123456789015"))
               for n, (k, a) in enumerate(others)]
    if cash_extra:
        tenders.append(Tender("cash", cash_extra + 1_000))  # with change
    if due == 0:
        return
    lines = settle(due, tenders, "INR")
    assert sum(t.amount_minor for t in lines) == due
    left = {t.seq: t.amount_minor for t in lines}
    kinds = {t.seq: t.kind for t in lines}
    for amount in refunds:
        amount = min(amount, sum(left.values()))
        if amount == 0:
            break
        parts = allocate_refund(amount, [(s, kinds[s], v) for s, v in left.items() if v])
        assert sum(p.amount_minor for p in parts) == amount
        for p in parts:
            assert p.kind == kinds[p.tender_seq] and 0 < p.amount_minor <= left[p.tender_seq]
            left[p.tender_seq] -= p.amount_minor
    assert all(v >= 0 for v in left.values())


def test_a_upi_reference_pays_one_sale_once(services, cashier):
    """Issue 12 review: an old UTR cannot stand in for cash kept back; refused before the
    cloud or the database hear of the sale."""
    first = sell(services, cashier, ["B1"], Payment("upi", reference="4105 2233 9876"))
    before = table_dump(services.deps.conn, ("audit",))
    hold = services.booking.hold(cashier, "show-future", ["B2"])
    with pytest.raises(PaymentError, match=f"already paid booking {first.reference}"):
        services.booking.confirm(cashier, hold.hold_id, {}, Payment("upi",
                                                                    reference="410522339876"))
    services.booking.release(hold.hold_id)
    assert table_dump(services.deps.conn, ("audit",)) == before
    services.booking.refund(cashier, first.reference, reason="customer_request")
    hold = services.booking.hold(cashier, "show-future", ["B3"])
    with pytest.raises(PaymentError, match="already paid"):  # refunded or not, it was used
        services.booking.confirm(cashier, hold.hold_id, {}, Payment(tenders=(
            Tender("upi", 10_000, "410522339876"), Tender("cash", 20_000))))
    services.booking.release(hold.hold_id)
    assert sell(services, cashier, ["B4"], Payment("upi", reference="410522339877")).tenders

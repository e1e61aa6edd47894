"""Issue 12 point 3: gift cards sold, topped up, spent on tickets and food, given back to.

The money rules: a card pays only what it holds (checked before anything is written and again by
a conditional UPDATE in the sale's transaction), a refund to the gift card tender goes back onto
the card, and the card's balance is always the sum of its moves. Every refusal leaves the
database as it was.
"""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain import giftcards
from kiosk.domain.errors import NotFound, PaymentError, PermissionDenied, ShiftRequired
from kiosk.domain.menu import Order
from kiosk.domain.tenders import Tender
from kiosk.services import booking_sales, gift_cards
from kiosk.services.models import Payment
from kiosk.services.shifts import expected_cash
from kiosk.services.tenders import shift_tenders, tender_totals
from kiosk.store.db import transaction
from kiosk.store.menu_store import replace_menu
from tests.factories import CASHIER, CASHIER_2, MANAGER, insert_open_shift, table_dump
from tests.unit.test_menu import CIN, small_menu

DAY = "2026-11-25"
CASH = Payment("cash", tendered_minor=100_000)


@pytest.fixture
def counter(services, clock):
    conn = services.deps.conn
    with transaction(conn):
        replace_menu(conn, small_menu(), {"pop-l": (10, 3), "cola-m": (5, 2)},
                     "2026-11-25T10:00:00+00:00")
    cashier = services.auth.sign_in(*CASHIER)
    services.shift_id = insert_open_shift(services.deps.db, cashier.staff_id, cashier.kiosk_id,
                                          clock, 10_000)
    services.cashier = services.auth.sign_in(*CASHIER)
    return services


def issue(services, amount=50_000, payment=CASH):
    return services.gift_cards.issue(services.cashier, CIN, amount, payment)


def sell(services, seats, payment, show="show-future", items=()):
    hold = services.booking.hold(services.cashier, show, seats)
    return services.booking.confirm(services.cashier, hold.hold_id, {}, payment, items=items)


def gift(code, amount=None):
    return Tender("giftcard", amount, code) if amount else Payment("voucher", reference=code)


def assert_balances_are_their_moves(conn: sqlite3.Connection) -> None:
    rows = conn.execute(
        "SELECT g.code, g.balance_minor, COALESCE(SUM(m.delta_minor), 0), g.loaded_minor, "
        "COALESCE(SUM(CASE WHEN m.reason = 'load' THEN m.delta_minor END), 0) FROM gift_cards g "
        "LEFT JOIN gift_card_moves m ON m.code = g.code GROUP BY g.code").fetchall()
    for code, balance, moves, loaded, loads in rows:
        assert balance == moves >= 0, code
        assert loaded == loads, code


# -- the code ------------------------------------------------------------------------------------
def test_a_new_code_passes_its_check_and_a_typo_is_caught():
    code = giftcards.new_code()
    assert giftcards.normalise_code(giftcards.display_code(code).lower()) == code
    assert giftcards.normalise_code(code[2:]) == code  # typed without the GC
    wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
    with pytest.raises(PaymentError, match="wrong digit"):
        giftcards.normalise_code(wrong)
    swapped = code[:4] + code[5] + code[4] + code[6:]
    # Luhn catches every swap of two neighbours except 09 <-> 90 (its one blind spot): a
    # random code hit it once in CI
    if swapped != code and {code[4], code[5]} != {"0", "9"}:
        with pytest.raises(PaymentError, match="wrong digit"):
            giftcards.normalise_code(swapped)
    for bad in ("", "GC12", "GIFT-2026-0001", "GC1234567890123"):
        with pytest.raises(PaymentError):
            giftcards.normalise_code(bad)
    assert giftcards.masked_code(code).endswith(code[-4:]) and code[2:10] not in \
        giftcards.masked_code(code)


# -- selling and topping up -------------------------------------------------------------------------
def test_a_card_sold_for_cash_counts_in_the_drawer_and_the_day(counter):
    load = issue(counter, 50_000, Payment("cash", tendered_minor=60_000))
    card = load.card
    assert (load.kind, load.amount_minor, load.change_minor) == ("issue", 50_000, 10_000)
    assert (card.balance_minor, card.loaded_minor, card.state, card.currency) == (
        50_000, 50_000, "active", "INR")
    assert giftcards.normalise_code(card.code) == card.code
    assert (card.expires_at - card.issued_at).days == 365
    conn = counter.deps.conn
    assert expected_cash(conn, counter.shift_id) == 10_000 + 50_000
    assert tender_totals(conn, business_date=DAY, cinema_id=CIN)["cash"].taken_minor == 50_000
    assert [(t.kind, t.taken_minor) for t in shift_tenders(conn, counter.shift_id, "INR")] == [
        ("cash", 50_000)]
    assert counter.gift_cards.balance(card.display_code).balance_minor == 50_000
    assert_balances_are_their_moves(conn)


@pytest.mark.parametrize("amount, payment, message", [
    (5_000, CASH, "at least"),
    (10_000_01, Payment("cash", tendered_minor=20_000_00), "at most"),
    (50_000, Payment("voucher", reference="GC123456789015"), "cannot be paid for with a gift"),
    (50_000, Payment("cash", tendered_minor=40_000), "short"),
    (50_000, Payment("card", card_last4="42"), "last 4 digits"),
])
def test_a_bad_sale_of_a_card_is_refused_and_changes_nothing(counter, amount, payment, message):
    before = table_dump(counter.deps.conn)
    with pytest.raises(PaymentError, match=message):
        issue(counter, amount, payment)
    assert table_dump(counter.deps.conn) == before


def test_the_customer_kiosk_and_a_cashier_without_a_shift_cannot_sell_cards(counter, clock):
    before = table_dump(counter.deps.conn)
    with pytest.raises(PermissionDenied):
        counter.gift_cards.issue(counter.auth.self_service_actor(), CIN, 50_000,
                                 Payment("card", card_last4="4242"))
    other = counter.auth.sign_in(*CASHIER_2)
    with pytest.raises(ShiftRequired):
        counter.gift_cards.issue(other, CIN, 50_000, CASH)
    assert table_dump(counter.deps.conn) == before


def test_a_top_up_adds_renews_and_stops_at_the_cap(counter, clock):
    card = issue(counter, 900_000, Payment("card", card_last4="4242")).card
    clock.advance(days=100)
    top = counter.gift_cards.top_up(counter.cashier, card.code, 100_000,
                                    Payment("upi", reference="410500000001"))
    assert (top.kind, top.card.balance_minor, top.card.loaded_minor) == ("top_up", 1_000_000,
                                                                         1_000_000)
    assert top.card.expires_at > card.expires_at
    before = table_dump(counter.deps.conn)
    with pytest.raises(PaymentError, match="at most ₹0.00 more"):
        counter.gift_cards.top_up(counter.cashier, card.code, 10_000, CASH)
    with pytest.raises(NotFound):
        counter.gift_cards.top_up(counter.cashier, "GC555555555559", 10_000, CASH)
    with pytest.raises(PaymentError, match="already paid gift card sale"):  # one UTR, one payment
        counter.gift_cards.issue(counter.cashier, CIN, 10_000,
                                 Payment("upi", reference="410500000001"))
    assert table_dump(counter.deps.conn) == before
    assert_balances_are_their_moves(counter.deps.conn)


# -- spending -----------------------------------------------------------------------------------------
def test_a_card_pays_tickets_whole_or_in_part_and_its_balance_falls(counter):
    card = issue(counter, 60_000).card
    whole = sell(counter, ["B1"], gift(card.code))  # 250.00
    assert whole.payment_method == "voucher"
    part = sell(counter, ["B2", "B3"], Payment(tenders=(
        gift(card.code, 35_000), Tender("cash", 20_000))))  # 500.00: 350 card + 150 cash
    assert [(t.kind, t.amount_minor) for t in part.tenders] == [("voucher", 35_000),
                                                                 ("cash", 15_000)]
    now = counter.gift_cards.balance(card.code)
    assert now.balance_minor == 0
    assert [(m.reason, m.delta_minor, m.what) for m in now.moves] == [
        ("load", 60_000, now.moves[0].what), ("redeem", -25_000, whole.reference),
        ("redeem", -35_000, part.reference)]
    # the drawer holds only the cash: the card's sale and the tickets' cash part
    assert expected_cash(counter.deps.conn, counter.shift_id) == 10_000 + 60_000 + 15_000
    assert_balances_are_their_moves(counter.deps.conn)


def test_a_card_that_cannot_pay_is_refused_with_what_it_holds(counter, clock):
    card = issue(counter, 20_000).card
    conn = counter.deps.conn
    hold = counter.booking.hold(counter.cashier, "show-future", ["B1"])  # 250.00
    before = table_dump(conn)
    cases = [
        (gift(card.code), "has ₹200.00 left"),
        (gift("GC555555555559"), "not known here"),
        (Payment("voucher", reference="GV-2026-0042"), "GC and 12 digits"),
    ]
    for payment, message in cases:
        with pytest.raises(PaymentError, match=message):
            counter.booking.confirm(counter.cashier, hold.hold_id, {}, payment)
        assert table_dump(conn) == before
    manager = counter.auth.sign_in(*MANAGER)
    counter.gift_cards.set_blocked(manager, card.code, True)
    with pytest.raises(PaymentError, match="blocked"):
        counter.booking.confirm(counter.cashier, hold.hold_id, {}, Payment(tenders=(
            gift(card.code, 10_000), Tender("cash", 15_000))))
    counter.gift_cards.set_blocked(manager, card.code, False)
    with transaction(conn):  # a card sold a year and a day ago
        conn.execute("UPDATE gift_cards SET expires_at = '2026-11-24T12:00:00+00:00'")
    with pytest.raises(PaymentError, match="expired on 2026-11-24"):
        counter.booking.confirm(counter.cashier, hold.hold_id, {}, Payment(tenders=(
            gift(card.code, 10_000), Tender("cash", 15_000))))
    assert counter.gift_cards.balance(card.code).balance_minor == 20_000
    with pytest.raises(PermissionDenied):  # blocking is a manager's
        counter.gift_cards.set_blocked(counter.cashier, card.code, True)


def test_two_counters_spending_the_last_of_a_card_one_wins(counter, monkeypatch, config, clock):
    """The check before the sale passes for both; the conditional UPDATE in the transaction
    lets only one through, and the other's sale is rolled back whole."""
    from kiosk.services.app import open_services

    card = issue(counter, 30_000).card
    other = open_services(config, clock=clock)  # the second counter, its own connection
    try:
        checked = gift_cards.check_spend

        def other_counter_spends_first(conn, lines, currency, now):
            checked(conn, lines, currency, now)  # passes: 300.00 is there
            monkeypatch.setattr(gift_cards, "check_spend", checked)
            actor = other.auth.sign_in(*MANAGER)
            hold = other.booking.hold(actor, "show-future", ["C1"])
            other.booking.confirm(actor, hold.hold_id, {}, gift(card.code))  # 250.00

        monkeypatch.setattr(gift_cards, "check_spend", other_counter_spends_first)
        hold = counter.booking.hold(counter.cashier, "show-future", ["B1"])
        before_sold = counter.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0]
        with pytest.raises(PaymentError, match="has ₹50.00 left"):
            counter.booking.confirm(counter.cashier, hold.hold_id, {}, gift(card.code))
    finally:
        other.close()
    conn = counter.deps.conn
    assert conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == before_sold + 1
    assert not conn.execute("SELECT 1 FROM seat_sales WHERE seat_code = 'B1'").fetchone()
    assert counter.gift_cards.balance(card.code).balance_minor == 5_000
    assert_balances_are_their_moves(conn)
    assert booking_sales.gift_cards is gift_cards


def test_a_refund_goes_back_onto_the_card(counter):
    card = issue(counter, 50_000).card
    booking = sell(counter, ["B1", "B2"], Payment(tenders=(
        Tender("card", 10_000, "4242"), gift(card.code, 30_000), Tender("cash", 10_000))))
    counter.booking.refund(counter.cashier, booking.reference, ["B1"], reason="customer_request")  # 250.00: card, then card
    assert counter.gift_cards.balance(card.code).balance_minor == 20_000 + 15_000
    counter.booking.refund(counter.cashier, booking.reference, reason="customer_request")  # the rest
    assert counter.gift_cards.balance(card.code).balance_minor == 50_000
    reasons = [m.reason for m in counter.gift_cards.balance(card.code).moves]
    assert reasons == ["load", "redeem", "refund", "refund"]
    assert_balances_are_their_moves(counter.deps.conn)


def test_an_exchange_moves_the_card_payment_and_spends_it_once(counter):
    card = issue(counter, 50_000).card
    old = sell(counter, ["B1"], gift(card.code))  # 250.00 off the card
    hold = counter.booking.hold(counter.cashier, "show-future", ["B2"])
    new = counter.booking.exchange(counter.cashier, old.reference, hold.hold_id,
                                   {"B2": "child"}, None)  # 175.00
    back = 25_000 - new.total_minor
    assert back == 7_500
    assert counter.gift_cards.balance(card.code).balance_minor == 25_000 + back
    assert [t.carried_from for t in new.tenders] == [old.booking_id]
    counter.booking.refund(counter.cashier, new.reference, reason="customer_request")
    assert counter.gift_cards.balance(card.code).balance_minor == 50_000
    assert_balances_are_their_moves(counter.deps.conn)


def test_a_basket_and_a_snack_sale_spend_the_card_and_food_refunds_credit_it(counter):
    card = issue(counter, 200_000, Payment("card", card_last4="4242")).card
    popcorn = Order("pop-l", 1, ("salted",))  # 450.00
    booking = sell(counter, ["B1"], gift(card.code), items=[popcorn])  # 250 + 450
    sale = counter.items.for_booking(booking.booking_id)
    assert [t.kind for t in booking.tenders] == ["voucher"] and \
        [t.kind for t in sale.tenders] == ["voucher"]
    assert counter.gift_cards.balance(card.code).balance_minor == 200_000 - 70_000
    snack = counter.items.sell(counter.cashier, CIN, [Order("cola-m")], gift(card.code))
    assert counter.gift_cards.balance(card.code).balance_minor == 130_000 - 23_000
    counter.items.refund(counter.cashier, snack.reference, reason="customer_request")
    counter.items.refund(counter.cashier, sale.reference, reason="customer_request")
    assert counter.gift_cards.balance(card.code).balance_minor == 130_000 + 45_000
    assert_balances_are_their_moves(counter.deps.conn)


def test_a_card_paying_food_it_cannot_cover_changes_nothing(counter):
    card = issue(counter, 10_000).card
    before = table_dump(counter.deps.conn)
    with pytest.raises(PaymentError, match="has ₹100.00 left"):
        counter.items.sell(counter.cashier, CIN, [Order("cola-m")], gift(card.code))
    assert table_dump(counter.deps.conn) == before


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["spend", "refund", "top_up"]),
                          st.integers(1, 4)), min_size=1, max_size=8))
def test_any_mix_of_spends_refunds_and_top_ups_keeps_the_balance_honest(steps):
    """Property: the balance is the sum of the moves, never below zero, whatever the order."""
    import tempfile
    from pathlib import Path

    from kiosk.config import Config
    from kiosk.domain.clock import FakeClock
    from kiosk.services.app import open_services
    from tests.factories import make_world

    clock = FakeClock()
    with tempfile.TemporaryDirectory() as tmp:
        services = open_services(Config(db_path=Path(tmp) / "k.db", bcrypt_rounds=4), clock=clock)
        try:
            services.world = make_world(services.deps.db, clock)
            cashier = services.auth.sign_in(*CASHIER)
            services.shift_id = insert_open_shift(services.deps.db, cashier.staff_id,
                                                  cashier.kiosk_id, clock)
            services.cashier = services.auth.sign_in(*CASHIER)
            card = issue(services, 100_000).card
            seats = iter(f"{row}{n}" for row in "ABCD" for n in range(1, 11))
            sold = []
            for action, n in steps:
                balance = services.gift_cards.balance(card.code).balance_minor
                if action == "spend":
                    taken = [next(seats)]
                    if balance >= 25_000:
                        sold.append(sell(services, taken, gift(card.code)))
                    else:
                        with pytest.raises(PaymentError):
                            sell(services, taken, gift(card.code))
                elif action == "refund" and sold:
                    services.booking.refund(services.cashier, sold.pop().reference, reason="customer_request")
                elif action == "top_up":
                    try:
                        services.gift_cards.top_up(services.cashier, card.code, n * 10_000, CASH)
                    except PaymentError as exc:
                        assert "at most" in str(exc)
                assert_balances_are_their_moves(services.deps.conn)
        finally:
            services.close()


def test_the_z_report_names_gift_card_sales_apart_from_revenue(counter):
    manager = counter.auth.sign_in(*MANAGER)
    assert counter.day_close.preview(manager, DAY).totals["gift_cards_note"] == \
        "No gift cards sold or topped up."
    card = issue(counter, 50_000, Payment("card", card_last4="4242")).card
    counter.gift_cards.top_up(counter.cashier, card.code, 10_000, CASH)
    report = counter.day_close.preview(manager, DAY)
    assert report.totals["gift_cards_note"].startswith(
        "1 gift card sold, 1 topped up: ₹600.00 loaded")
    tenders = {r["kind"]: r for r in report.totals["tenders"]}
    assert (tenders["card"]["taken"], tenders["cash"]["taken"]) == (50_000, 10_000)
    assert report.totals["tickets"]["gross"] == 0  # not revenue
    assert any(title == "Gift cards" for title, _, _ in report.sections())

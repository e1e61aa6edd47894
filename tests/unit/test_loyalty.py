"""Loyalty (issue 12 point 5): members found by phone, points earned on money and redeemed as a
tender on tickets and food, member prices, refunds that settle points both ways, history.
Every refusal leaves the database as it was."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain import loyalty as rules
from kiosk.domain.errors import InvalidInput, NotFound, PaymentError, PermissionDenied
from kiosk.domain.menu import Order
from kiosk.domain.tenders import Tender, paid_text, settle
from kiosk.services.models import Payment
from kiosk.store.db import transaction
from kiosk.store.menu_store import replace_menu
from tests.factories import CASHIER, MANAGER, insert_open_shift, table_dump
from tests.race import at_once
from tests.unit.test_menu import CIN, small_menu

PHONE = "+919876543210"
CARD = Payment("card", card_last4="4242")


# -- rules (pure) ------------------------------------------------------------------------------
@pytest.mark.parametrize("typed, currency, phone", [
    ("98765 43210", "INR", PHONE), ("098765-43210", "INR", PHONE), ("+91 98765 43210", "AED", PHONE),
    ("0091 9876543210", "INR", PHONE), ("050 123 4567", "AED", "+971501234567"),
    ("(050) 123-4567", "AED", "+971501234567"),
])
def test_a_number_is_one_member_however_it_is_typed(typed, currency, phone):
    assert rules.normalise_phone(typed, currency) == phone


@pytest.mark.parametrize("typed, message", [
    ("", "Enter the member's mobile"), ("12345", "not a mobile number"),
    ("98765x43210", "not a mobile number"), ("+0123456789", "and 8 to 15 digits"),
    ("+1234567890123456", "and 8 to 15 digits"), ("+91 98765 4321٠", "and 8 to 15 digits"),
])
def test_what_is_not_a_mobile_number_is_said_so(typed, message):
    with pytest.raises(InvalidInput, match=message):
        rules.normalise_phone(typed, "INR")


def test_points_earn_five_percent_back_and_redeem_in_whole_points():
    assert rules.points_earned(1_234_00, "INR") == 123  # one point per ₹10
    assert rules.points_value(123, "INR") == 61_50  # ₹0.50 each: 5 % of ₹1,230
    assert rules.points_earned(99_99, "AED") == 99 and rules.points_value(100, "AED") == 5_00
    assert rules.points_for_amount(50_00, "INR") == 100
    with pytest.raises(PaymentError, match="steps of ₹0.50"):
        rules.points_for_amount(50_25, "INR")
    with pytest.raises(PaymentError, match="from 100 points"):
        rules.check_redeem(99, 1_000, "INR")
    with pytest.raises(PaymentError, match="has 150 points"):
        rules.check_redeem(200, 150, "INR")
    assert rules.redeemable_minor(150, 1_000_00, "INR") == 75_00
    assert rules.redeemable_minor(99, 1_000_00, "INR") == 0  # below the minimum
    assert rules.redeemable_minor(10_000, 40_00, "INR") == 0  # ₹40 is 80 points: too few


def test_a_points_tender_names_its_member_and_pays_whole_points():
    lines = settle(300_00, [Tender("points", 100_00, "98765 43210"), Tender("card", 200_00, "4242")],
                   "INR")
    assert [(t.kind, t.reference) for t in lines] == [("points", PHONE), ("card", "4242")]
    with pytest.raises(PaymentError, match="steps of"):
        settle(300_00, [Tender("points", 100_25, PHONE), Tender("card", 199_75, "4242")], "INR")
    with pytest.raises(PaymentError, match="Points need the member"):
        settle(300_00, [Tender("points", 300_00, "")], "INR")
    with pytest.raises(PaymentError, match="one member only"):
        settle(300_00, [Tender("points", 100_00, PHONE), Tender("points", 200_00, "9123456789")],
               "INR")
    with pytest.raises(PaymentError, match="card or UPI payments only"):
        settle(300_00, [Tender("points", 300_00, PHONE)], "INR", allowed=("card", "upi"))


@given(earned_on=st.integers(0, 10**7), refunds=st.lists(st.integers(0, 10**6), max_size=6))
def test_clawbacks_never_take_more_than_was_earned_and_end_where_the_money_ends(earned_on, refunds):
    earned = rules.points_earned(earned_on, "INR")
    kept, clawed = earned_on, 0
    for back in refunds:
        kept = max(0, kept - back)
        clawed += rules.clawback(earned, kept, clawed, "INR")
        assert 0 <= clawed <= earned
        assert earned - clawed == max(rules.points_earned(kept, "INR"), earned - clawed)
    if kept == 0:
        assert clawed == earned


# -- at the sale -------------------------------------------------------------------------------
@pytest.fixture
def desk(services, clock):
    conn = services.deps.conn
    with transaction(conn):
        replace_menu(conn, small_menu(), {"pop-l": (10, 3)}, "2026-11-25T10:00:00+00:00")
    services.cashier = services.auth.sign_in(*CASHIER)
    services.manager = services.auth.sign_in(*MANAGER)
    insert_open_shift(services.deps.db, services.cashier.staff_id, services.cashier.kiosk_id,
                      clock, 10_000)
    services.loyalty.join(services.cashier, "98765 43210", "INR", "Asha Rao")
    return services


def _give_points(desk, points: int) -> None:
    with transaction(desk.deps.conn) as conn:
        conn.execute("UPDATE members SET points = ? WHERE phone = ?", (points, PHONE))


def _points(desk) -> int:
    return desk.deps.conn.execute("SELECT points FROM members WHERE phone = ?",
                                  (PHONE,)).fetchone()[0]


def sell(desk, seats, payment=CARD, member=PHONE, items=(), show="show-future"):
    hold = desk.booking.hold(desk.cashier, show, seats)
    return desk.booking.confirm(desk.cashier, hold.hold_id, {}, payment, items=items,
                                member=member)


def test_joining_finds_the_member_by_any_spelling_and_joining_again_keeps_the_points(desk):
    member = desk.loyalty.find("098765 43210", "INR")
    assert (member.phone, member.name, member.points) == (PHONE, "Asha Rao", 0)
    _give_points(desk, 40)
    again = desk.loyalty.join(desk.cashier, "+91 98765 43210", "INR")
    assert again.points == 40 and again.name == "Asha Rao"  # no name given: the old one stays
    with pytest.raises(NotFound, match="No member has the number"):
        desk.loyalty.find("91234 56789", "INR")


def test_a_member_sale_earns_points_member_prices_apply_and_the_history_shows_it(desk):
    desk.offers.save(desk.manager, {"id": "member", "cinema_id": CIN, "name": "Member price",
                                    "kind": "percent", "value": 10, "members_only": True})
    hold = desk.booking.hold(desk.cashier, "show-future", ["B1", "B2"])
    assert desk.booking.quote(hold.hold_id, {}).total_minor == 500_00  # no member: list price
    quote = desk.booking.quote(hold.hold_id, {}, member="9876543210")
    assert quote.total_minor == 450_00 and [d.label for d in quote.discounts] == ["Member price"]
    booking = desk.booking.confirm(desk.cashier, hold.hold_id, {}, CARD, member="9876543210")
    assert booking.total_minor == 450_00
    assert (booking.member_phone, booking.points_earned) == (PHONE, 45)
    assert _points(desk) == 45
    assert desk.booking.get(booking.reference).points_earned == 45
    visits = desk.loyalty.history(desk.cashier, PHONE, "INR")
    assert [(v.reference, v.amount_minor, v.points) for v in visits] == [
        (booking.reference, 450_00, 45)]
    assert visits[0].what.startswith("The Test Pattern · ")


def test_points_pay_tickets_and_food_in_one_basket_and_earn_only_on_the_money(desk):
    _give_points(desk, 1_000)
    pay = Payment(tenders=(Tender("points", 400_00, PHONE), Tender("card", 1_000_00, "4242")))
    # tickets 2 x 250 + popcorn 2 x 450 = 1,400: 800 points and the card
    booking = sell(desk, ["C1", "C2"], pay, items=[Order("pop-l", 2, ("salted",))])
    assert booking.points_earned == 100  # on the ₹1,000 by card, not on the points
    assert _points(desk) == 1_000 - 800 + 100
    moves = desk.deps.conn.execute(
        "SELECT reason, points, booking_id IS NOT NULL FROM member_moves ORDER BY id").fetchall()
    assert [tuple(m) for m in moves] == [("redeem", -800, 1), ("earn", 100, 1)]
    sale = desk.items.for_booking(booking.booking_id)
    assert sum(t.amount_minor for t in (*booking.tenders, *sale.tenders)
               if t.kind == "points") == 400_00
    assert [t.kind for t in sale.tenders] == ["card"]  # points paid the tickets first
    assert paid_text(booking.tenders, "INR").startswith("points (800) ₹400.00")


def test_too_few_points_are_refused_in_words_and_nothing_changes(desk):
    _give_points(desk, 150)
    hold = desk.booking.hold(desk.cashier, "show-future", ["D1"])
    before = table_dump(desk.deps.conn)
    pay = Payment(tenders=(Tender("points", 100_00, PHONE), Tender("card", 150_00, "4242")))
    with pytest.raises(PaymentError, match="has 150 points"):
        desk.booking.confirm(desk.cashier, hold.hold_id, {}, pay, member=PHONE)
    with pytest.raises(PaymentError, match="only for the member named"):
        desk.booking.confirm(desk.cashier, hold.hold_id, {}, pay)  # points without the member
    with pytest.raises(NotFound, match="No member"):
        desk.booking.confirm(desk.cashier, hold.hold_id, {}, CARD, member="91234 56789")
    with pytest.raises(InvalidInput, match="not a mobile number"):
        desk.booking.confirm(desk.cashier, hold.hold_id, {}, CARD, member="12")
    assert table_dump(desk.deps.conn) == before


def test_self_service_cannot_spend_a_members_points(desk):
    _give_points(desk, 1_000)
    kiosk = desk.auth.self_service_actor()
    hold = desk.booking.hold(kiosk, "show-future", ["D2"])
    before = table_dump(desk.deps.conn)
    with pytest.raises(PaymentError, match="card or UPI payments only"):
        desk.booking.confirm(kiosk, hold.hold_id, {}, Payment(
            tenders=(Tender("points", 250_00, PHONE),)), member=PHONE)
    assert table_dump(desk.deps.conn) == before


def test_a_refund_gives_points_back_and_takes_back_what_the_refunded_money_earned(desk):
    _give_points(desk, 500)
    pay = Payment(tenders=(Tender("points", 100_00, PHONE), Tender("card", 400_00, "4242")))
    booking = sell(desk, ["C3", "C4"], pay)
    assert booking.points_earned == 40 and _points(desk) == 500 - 200 + 40
    # one seat (₹250): card first (REFUND_ORDER), so the points stay spent on the other seat
    desk.booking.refund(desk.manager, booking.reference, ["C3"], reason="customer_request")
    assert _points(desk) == 340 - 25  # ₹250 card back: its 25 points go
    desk.booking.refund(desk.manager, booking.reference, ["C4"], reason="customer_request")
    # the rest: ₹150 card and ₹100 of points (200 points back); nothing earned is left
    assert _points(desk) == 500
    moves = [tuple(m) for m in desk.deps.conn.execute(
        "SELECT reason, points FROM member_moves ORDER BY id")]
    assert moves == [("redeem", -200), ("earn", 40), ("clawback", -25), ("refund", 200),
                     ("clawback", -15)]


def test_a_clawback_never_takes_a_balance_below_zero(desk):
    booking = sell(desk, ["C5", "C6"])  # ₹500 by card: 50 points
    _give_points(desk, 10)  # spent elsewhere meanwhile
    desk.booking.refund(desk.manager, booking.reference, ["C5", "C6"], reason="show_cancelled")
    assert _points(desk) == 0
    shortfall = desk.deps.conn.execute(
        "SELECT detail FROM audit WHERE action = 'points_shortfall'").fetchone()
    assert shortfall is not None and '"owed": 50' in shortfall[0]


def test_food_alone_earns_and_redeems_and_its_refund_settles_the_points(desk):
    _give_points(desk, 400)
    sale = desk.items.sell(desk.cashier, CIN, [Order("pop-l", 2, ("salted",))], Payment(
        tenders=(Tender("points", 200_00, PHONE), Tender("card", 700_00, "4242"))), PHONE)
    assert (sale.member_phone, sale.points_earned) == (PHONE, 70)
    assert _points(desk) == 400 - 400 + 70
    desk.items.refund(desk.cashier, sale.reference, None, "other: cold")
    assert _points(desk) == 400  # the 400 points back, the 70 earned taken back


def test_two_counters_spending_the_last_points_at_once_one_is_told(desk, services):
    _give_points(desk, 500)
    from kiosk.services.app import open_services

    other = open_services(services.config, clock=services.deps.clock)
    try:
        cashier2 = other.auth.sign_in(*CASHIER)
        holds = [desk.booking.hold(desk.cashier, "show-future", ["D3"]),
                 other.booking.hold(cashier2, "show-future", ["D4"])]
        pay = Payment(tenders=(Tender("points", 250_00, PHONE),))
        outcomes = at_once(
            lambda: desk.booking.confirm(desk.cashier, holds[0].hold_id, {}, pay, member=PHONE),
            lambda: other.booking.confirm(cashier2, holds[1].hold_id, {}, pay, member=PHONE),
            refused=PaymentError)
    finally:
        other.close()
    refused = [o for o in outcomes if isinstance(o, PaymentError)]
    assert len(refused) == 1 and "has 0 points" in str(refused[0])
    assert _points(desk) == 0
    assert desk.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 1


def test_history_is_for_staff(desk):
    _give_points(desk, 300)
    kiosk = desk.auth.self_service_actor()
    seen = desk.loyalty.find(PHONE, "INR", kiosk)  # a public screen: only that it is a member
    assert (seen.phone, seen.name, seen.points) == (PHONE, "", 0)
    assert desk.loyalty.find(PHONE, "INR", desk.cashier).points == 300
    with pytest.raises(PermissionDenied):
        desk.loyalty.history(kiosk, PHONE, "INR")


def test_the_z_report_says_what_the_days_sales_did_with_points(desk):
    _give_points(desk, 500)
    pay = Payment(tenders=(Tender("points", 100_00, PHONE), Tender("card", 400_00, "4242")))
    booking = sell(desk, ["C7", "C8"], pay)
    desk.booking.refund(desk.manager, booking.reference, ["C7"], reason="customer_request")
    day = desk.deps.conn.execute("SELECT business_date FROM bookings WHERE id = ?",
                                 (booking.booking_id,)).fetchone()[0]
    report = desk.day_close.preview(desk.manager, day, CIN)
    assert report.totals["loyalty_note"] == (
        "1 member: 40 points earned, 200 redeemed (₹100.00 in the tenders as points); refunds "
        "of these sales, on any day, gave back 0 and took back 25.")
    tenders = {r["kind"]: r["taken"] for r in report.totals["tenders"]}
    assert tenders["points"] == 100_00
    assert ("Loyalty", ["Note"], [[report.totals["loyalty_note"]]]) in report.sections()


def test_an_exchange_keeps_the_member_and_its_points_follow_the_money(desk):
    booking = sell(desk, ["D5", "D6"])  # ₹500 by card: 50 points
    assert _points(desk) == 50
    hold = desk.booking.hold(desk.cashier, "show-future", ["D7"])  # ₹250: ₹250 back to the card
    new = desk.booking.exchange(desk.manager, booking.reference, hold.hold_id, {}, None)
    assert new.member_phone == PHONE and new.points_earned == 0
    assert _points(desk) == 25  # the ₹250 given back earned its 25 points
    desk.booking.refund(desk.manager, new.reference, ["D7"], reason="show_cancelled")
    assert _points(desk) == 0  # nothing paid is kept: nothing earned is kept


def test_points_may_pay_an_exchanges_difference_and_are_taken_once(desk):
    booking = sell(desk, ["D8"])  # ₹250 by card: 25 points
    _give_points(desk, 400)
    hold = desk.booking.hold(desk.cashier, "show-future", ["D9", "D10"])  # ₹500: ₹250 more
    before = table_dump(desk.deps.conn)
    with pytest.raises(PaymentError, match="has 400 points"):  # 500 points are not there
        desk.booking.exchange(desk.manager, booking.reference, hold.hold_id, {},
                              Payment(tenders=(Tender("points", 250_00, PHONE),)))
    assert table_dump(desk.deps.conn) == before
    _give_points(desk, 600)
    new = desk.booking.exchange(desk.manager, booking.reference, hold.hold_id, {},
                                Payment(tenders=(Tender("points", 250_00, PHONE),)))
    assert _points(desk) == 600 - 500
    assert [(t.kind, t.amount_minor, t.carried_from is not None) for t in new.tenders] == [
        ("card", 250_00, True), ("points", 250_00, False)]
    desk.booking.refund(desk.manager, new.reference, ["D9", "D10"], reason="show_cancelled")
    assert _points(desk) == 600 - 25  # the 500 points back; the card's 25 earned taken back


def test_points_cannot_buy_a_gift_card(desk):
    _give_points(desk, 1_000)
    before = table_dump(desk.deps.conn)
    with pytest.raises(PaymentError, match="cannot be paid for with loyalty points"):
        desk.gift_cards.issue(desk.cashier, CIN, 500_00, Payment(
            tenders=(Tender("points", 500_00, PHONE),)))
    assert table_dump(desk.deps.conn) == before


"""Single-use vouchers (issue 12 point 3): a manager issues complimentary-ticket and free-item
vouchers; each is used once, on one sale, typed where a promo code goes; a voucher used,
cancelled, expired, mistyped or of another cinema is refused in words and nothing changes."""

from __future__ import annotations

import pytest

from kiosk.domain import vouchers as rules
from kiosk.domain.errors import InvalidInput, PermissionDenied
from kiosk.domain.menu import Order
from kiosk.domain.offers import PromoRefused
from kiosk.services.models import Payment
from kiosk.store.db import transaction
from kiosk.store.menu_store import replace_menu
from tests.factories import CASHIER, MANAGER, insert_open_shift, table_dump
from tests.race import at_once
from tests.unit.test_menu import CIN, small_menu

CARD = Payment("card", card_last4="4242")


def test_codes_carry_a_check_digit_and_read_however_typed():
    code = rules.new_code()
    assert rules.normalise_code(rules.display_code(code).lower()) == code
    assert rules.looks_like_voucher("cv 1234") and not rules.looks_like_voucher("WELCOME10")
    wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
    with pytest.raises(PromoRefused, match="wrong digit"):
        rules.normalise_code(wrong)
    with pytest.raises(PromoRefused, match="CV and 10 digits"):
        rules.normalise_code("CV123")


@pytest.fixture
def desk(services, clock):
    conn = services.deps.conn
    with transaction(conn):
        replace_menu(conn, small_menu(), {"pop-l": (10, 3)}, "2026-11-25T10:00:00+00:00")
    services.cashier = services.auth.sign_in(*CASHIER)
    services.manager = services.auth.sign_in(*MANAGER)
    insert_open_shift(services.deps.db, services.cashier.staff_id, services.cashier.kiosk_id,
                      clock, 10_000)
    return services


def sell(desk, seats, code, items=()):
    hold = desk.booking.hold(desk.cashier, "show-future", seats)
    try:
        return desk.booking.confirm(desk.cashier, hold.hold_id, {}, CARD, items=items,
                                    promo=code)
    except BaseException:
        desk.booking.release(hold.hold_id)
        raise


def test_a_comp_ticket_voucher_frees_the_dearest_ticket_once(desk):
    [voucher] = desk.vouchers.issue(desk.manager, CIN, "ticket", 1)
    assert voucher.label == "Complimentary ticket" and voucher.state == "issued"
    hold = desk.booking.hold(desk.cashier, "show-future", ["B1", "B2"])
    quote = desk.booking.quote(hold.hold_id, {"B2": "child"}, rules.display_code(voucher.code))
    assert quote.total_minor == 175_00  # the adult ticket (₹250) is free, the child's is paid
    assert [(d.label, d.code, d.amount_minor) for d in quote.discounts] == [
        ("Complimentary ticket", voucher.code, 250_00)]
    booking = desk.booking.confirm(desk.cashier, hold.hold_id, {"B2": "child"}, CARD,
                                   promo=voucher.code.lower())
    assert booking.total_minor == 175_00 and booking.discounts == quote.discounts
    assert desk.vouchers.get(voucher.code).state == "used"
    before = table_dump(desk.deps.conn, exclude=("audit", "holds"))
    with pytest.raises(PromoRefused, match="has already been used"):
        sell(desk, ["B3"], voucher.code)
    assert table_dump(desk.deps.conn, exclude=("audit", "holds")) == before


def test_an_item_voucher_adds_its_item_free_and_takes_the_stock(desk):
    [voucher] = desk.vouchers.issue(desk.manager, CIN, "item", 1, item="pop-l=1:salted")
    assert voucher.label == "Free Popcorn (Large), Salted"
    hold = desk.booking.hold(desk.cashier, "show-future", ["C1"])
    assert desk.booking.quote(hold.hold_id, {}, voucher.code).free_items == (voucher.label,)
    booking = desk.booking.confirm(desk.cashier, hold.hold_id, {}, CARD, promo=voucher.code)
    food = desk.items.for_booking(booking.booking_id)
    assert [(ln.label, ln.total_minor) for ln in food.lines] == [
        (f"Popcorn (Large), Salted, voucher {rules.display_code(voucher.code)}", 0)]
    assert booking.total_minor == 250_00 and food.total_minor == 0
    on_hand = desk.deps.conn.execute("SELECT on_hand FROM menu_stock WHERE item_id = 'pop-l'")
    assert on_hand.fetchone()[0] == 9


def test_an_item_voucher_on_a_food_sale_alone_and_a_ticket_voucher_there_is_refused(desk):
    [item] = desk.vouchers.issue(desk.manager, CIN, "item", 1, item="pop-l=1:salted")
    [ticket] = desk.vouchers.issue(desk.manager, CIN, "ticket", 1)
    sale = desk.items.sell(desk.cashier, CIN, [], Payment(), voucher=item.code)
    assert sale.total_minor == 0 and len(sale.lines) == 1
    before = table_dump(desk.deps.conn)
    with pytest.raises(PromoRefused, match="is for a ticket"):
        desk.items.sell(desk.cashier, CIN, [Order("pop-l", 1, ("salted",))], CARD,
                        voucher=ticket.code)
    assert table_dump(desk.deps.conn) == before


@pytest.mark.parametrize("setup, message", [
    ("void", "cancelled by a manager"),
    ("expired", "expired on"),
    ("unknown", "not known here"),
])
def test_a_voucher_that_cannot_be_used_is_said_so_and_nothing_changes(desk, clock, setup,
                                                                      message):
    [voucher] = desk.vouchers.issue(desk.manager, CIN, "ticket", 1,
                                    valid_to=clock.now().date().isoformat())
    code = voucher.code
    if setup == "void":
        desk.vouchers.void(desk.manager, code)
    elif setup == "expired":  # issued long ago, valid until yesterday
        with transaction(desk.deps.conn) as conn:
            conn.execute("UPDATE vouchers SET valid_to = '2026-01-01'")
    else:
        code = rules.new_code()
    hold = desk.booking.hold(desk.cashier, "show-future", ["D1"])
    before = table_dump(desk.deps.conn)
    with pytest.raises(PromoRefused, match=message):
        desk.booking.confirm(desk.cashier, hold.hold_id, {}, CARD, promo=code)
    assert table_dump(desk.deps.conn) == before


def test_two_counters_using_one_voucher_at_once_one_is_told(desk, services):
    [voucher] = desk.vouchers.issue(desk.manager, CIN, "ticket", 1)
    from kiosk.services.app import open_services

    other = open_services(services.config, clock=services.deps.clock)
    try:
        cashier2 = other.auth.sign_in(*CASHIER)
        holds = [desk.booking.hold(desk.cashier, "show-future", ["D3"]),
                 other.booking.hold(cashier2, "show-future", ["D4"])]
        outcomes = at_once(
            lambda: desk.booking.confirm(desk.cashier, holds[0].hold_id, {}, CARD,
                                         promo=voucher.code),
            lambda: other.booking.confirm(cashier2, holds[1].hold_id, {}, CARD,
                                          promo=voucher.code),
            refused=PromoRefused)
    finally:
        other.close()
    refused = [o for o in outcomes if isinstance(o, PromoRefused)]
    assert len(refused) == 1 and "already been used" in str(refused[0])
    assert desk.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 1


def test_only_a_manager_issues_or_cancels_and_bad_batches_are_refused(desk):
    with pytest.raises(PermissionDenied):
        desk.vouchers.issue(desk.cashier, CIN, "ticket", 1)
    for kwargs, message in (({"kind": "seat", "count": 1}, "ticket or an item"),
                            ({"kind": "ticket", "count": 0}, "1 to 500"),
                            ({"kind": "item", "count": 1}, "names its item"),
                            ({"kind": "item", "count": 1, "item": "ghost"}, "not on"),
                            ({"kind": "item", "count": 1, "item": "pop-l=2:salted"}, "one item"),
                            ({"kind": "ticket", "count": 1, "valid_to": "2020-01-01"}, "past")):
        before = table_dump(desk.deps.conn)
        with pytest.raises(InvalidInput, match=message):
            desk.vouchers.issue(desk.manager, CIN, **kwargs)
        assert table_dump(desk.deps.conn) == before
    [voucher] = desk.vouchers.issue(desk.manager, CIN, "ticket", 1)
    with pytest.raises(PermissionDenied):
        desk.vouchers.void(desk.cashier, voucher.code)


def test_an_offer_named_voucher_cannot_clash_and_codes_that_read_as_vouchers_are_refused(desk):
    desk.offers.save(desk.manager, {"id": "voucher", "cinema_id": CIN, "name": "Sunday 10",
                                    "kind": "percent", "value": 10, "weekdays": "wed"})
    [comp] = desk.vouchers.issue(desk.manager, CIN, "ticket", 1)
    booking = sell(desk, ["E1", "E2"], comp.code)  # the offer and the comp, each its own line
    assert [d.offer_id for d in booking.discounts] == ["voucher", f"voucher:{comp.code}"]
    with pytest.raises(InvalidInput, match="single-use vouchers"):
        desk.offers.save(desk.manager, {"id": "cv", "cinema_id": CIN, "name": "CV",
                                        "kind": "percent", "value": 10, "code": "CV2025"})
    report = desk.reports.daily_sales(desk.manager, desk.deps.clock.now().date())
    assert {r["offer"] for r in report.discounts.as_dicts()} == {"Sunday 10",
                                                                 "Complimentary ticket"}

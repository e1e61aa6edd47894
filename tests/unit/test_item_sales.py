"""Issue 12: selling food and drink, alone or in one basket with tickets.

One payment pays the basket; the booking and the food and drink sale each record their part,
both are written in one transaction with the stock they take (or neither is), refunds give the
stock back and the money to what paid it, and the drawer, the cash-up and the day's tender totals
count it all.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import (
    InvalidInput,
    OutOfStock,
    PaymentError,
    PermissionDenied,
    ShiftRequired,
)
from kiosk.domain.menu import Order
from kiosk.domain.tenders import Tender, TenderLine, split_for_basket
from kiosk.services import item_sales
from kiosk.services.models import Payment
from kiosk.services.shifts import expected_cash
from kiosk.services.tenders import shift_tenders, tender_totals
from kiosk.store.db import transaction
from kiosk.store.menu_store import replace_menu
from tests.factories import CASHIER, MANAGER, insert_open_shift, table_dump
from tests.unit.test_menu import CIN, small_menu

UTR = "412345678901"


@pytest.fixture
def shop(services, clock):
    conn = services.deps.conn
    with transaction(conn):
        replace_menu(conn, small_menu(), {"pop-m": (3, 0), "pop-l": (10, 3), "cola-m": (5, 2)},
                     "2026-11-25T10:00:00+00:00")
    cashier = services.auth.sign_in(*CASHIER)
    shift = insert_open_shift(services.deps.db, cashier.staff_id, cashier.kiosk_id, clock, 10_000)
    services.shift_id = shift
    return services


def _on_hand(services, item_id: str) -> int:
    return services.deps.conn.execute("SELECT on_hand FROM menu_stock WHERE item_id = ?",
                                      (item_id,)).fetchone()[0]


def _cashier(services):
    return services.auth.sign_in(*CASHIER)


POPCORN = Order("pop-l", 2, ("salted",))  # 2 x 450.00
COLA = Order("cola-m")  # 230.00


# -- the split (pure) ---------------------------------------------------------------------------
def test_a_basket_payment_is_split_cards_first_and_cash_keeps_the_change():
    lines = [TenderLine(1, "cash", 70_000, None, 100_000, 30_000),
             TenderLine(2, "card", 50_000, "4242")]
    tickets, food = split_for_basket(lines, 80_000)
    assert [(t.kind, t.amount_minor) for t in tickets] == [("card", 50_000), ("cash", 30_000)]
    assert [(t.kind, t.amount_minor, t.tendered_minor, t.change_minor) for t in food] == [
        ("cash", 40_000, 70_000, 30_000)]
    assert [t.seq for t in tickets] == [1, 2] and [t.seq for t in food] == [1]


def test_a_split_payment_reads_as_the_one_payment_it_was():
    from kiosk.domain.tenders import merged

    lines = [TenderLine(1, "card", 50_000, "4242"), TenderLine(2, "cash", 30_000, None, 30_000, 0)]
    tickets, food = split_for_basket(lines, 60_000)
    assert [(t.kind, t.amount_minor) for t in merged([*tickets, *food])] == [
        ("card", 50_000), ("cash", 30_000)]


@given(st.lists(st.tuples(st.sampled_from(["card", "upi", "voucher"]),
                          st.integers(1, 50_000)), max_size=4),
       st.integers(0, 80_000), st.integers(0, 20_000), st.data())
def test_the_split_adds_up_and_never_loses_change(others, cash_amount, change, data):
    lines = [TenderLine(n, kind, amount, "4242" if kind == "card" else "R")
             for n, (kind, amount) in enumerate(others, start=1)]
    if cash_amount:
        lines.append(TenderLine(len(lines) + 1, "cash", cash_amount, None, cash_amount + change,
                                change))
    total = sum(t.amount_minor for t in lines)
    first_minor = data.draw(st.integers(0, total))
    tickets, food = split_for_basket(lines, first_minor)
    assert sum(t.amount_minor for t in tickets) == first_minor
    assert sum(t.amount_minor for t in food) == total - first_minor
    cash = [t for t in (*tickets, *food) if t.kind == "cash"]
    assert sum(t.tendered_minor - t.amount_minor for t in cash) == (change if cash_amount else 0)
    assert all(t.change_minor == t.tendered_minor - t.amount_minor >= 0 for t in cash)


# -- food and drink alone -----------------------------------------------------------------------
def test_a_cash_sale_takes_stock_and_counts_in_the_drawer(shop):
    cashier = _cashier(shop)
    sale = shop.items.sell(cashier, CIN, [POPCORN, COLA], Payment("cash", tendered_minor=200_000))
    assert sale.total_minor == 2 * 45_000 + 23_000
    assert sale.reference.startswith("FD-")
    assert [(ln.qty, ln.label) for ln in sale.lines] == [
        (2, "Popcorn (Large), Salted"), (1, "Soft drink (Medium)")]
    [cash] = sale.tenders
    assert (cash.amount_minor, cash.change_minor) == (113_000, 87_000)
    assert (_on_hand(shop, "pop-l"), _on_hand(shop, "cola-m")) == (8, 4)
    assert expected_cash(shop.deps.conn, shop.shift_id) == 10_000 + 113_000
    [line] = shift_tenders(shop.deps.conn, shop.shift_id, "INR")
    assert (line.kind, line.taken_minor) == ("cash", 113_000)
    assert shop.items.get(sale.reference.lower()).sale_id == sale.sale_id


def test_a_sale_the_stock_cannot_cover_is_refused_and_changes_nothing(shop):
    cashier = _cashier(shop)
    before = table_dump(shop.deps.conn)
    with pytest.raises(OutOfStock, match="only 3 left"):
        shop.items.sell(cashier, CIN, [Order("pop-m", 4, ("salted",))],
                        Payment("card", card_last4="4242"))
    for orders, payment, error in (
            ([Order("nope")], Payment("card", card_last4="4242"), InvalidInput),
            ([COLA], Payment("cash", tendered_minor=100), PaymentError),
            ([COLA], Payment("upi", reference="12"), PaymentError),
            ([], Payment("card", card_last4="4242"), InvalidInput)):
        with pytest.raises(error):
            shop.items.sell(cashier, CIN, orders, payment)
    assert table_dump(shop.deps.conn) == before


def test_cash_without_an_open_shift_is_refused(services, clock):
    conn = services.deps.conn
    with transaction(conn):
        replace_menu(conn, small_menu(), {}, "2026-11-25T10:00:00+00:00")
    with pytest.raises(ShiftRequired):
        services.items.sell(_cashier(services), CIN, [COLA], Payment("cash", tendered_minor=23_000))


def test_the_stand_collects_once_from_the_slip(shop):
    sale = shop.items.sell(_cashier(shop), CIN, [POPCORN], Payment("card", card_last4="4242"))
    slip = shop.items.slip(sale.reference)
    assert slip[0] == f"COLLECT {sale.reference}" and "2 x Popcorn (Large), Salted" in slip
    shop.items.collect(_cashier(shop), sale.reference)
    with pytest.raises(InvalidInput, match="already collected"):
        shop.items.collect(_cashier(shop), sale.reference)


# -- one basket ---------------------------------------------------------------------------------
def test_tickets_and_food_in_one_basket_one_payment_each_part_recorded(shop):
    cashier = _cashier(shop)
    hold = shop.booking.hold(cashier, "show-future", ["B1", "B2"])
    quote = shop.booking.quote(hold.hold_id, {})
    food = shop.items.quote(CIN, [POPCORN])
    due = quote.total_minor + food.total_minor
    payment = Payment(tenders=(Tender("card", 60_000, "4242"), Tender("cash", due)))
    booking = shop.booking.confirm(cashier, hold.hold_id, {}, payment, items=[POPCORN])
    sale = shop.items.for_booking(booking.booking_id)
    assert sale is not None and sale.total_minor == food.total_minor
    assert sum(t.amount_minor for t in booking.tenders) == booking.total_minor
    assert sum(t.amount_minor for t in sale.tenders) == sale.total_minor
    assert booking.tenders[0].kind == "card"  # the card pays the tickets first
    assert _on_hand(shop, "pop-l") == 8
    assert expected_cash(shop.deps.conn, shop.shift_id) == 10_000 + due - 60_000
    day = tender_totals(shop.deps.conn, business_date=sale.business_date, cinema_id=CIN)
    assert day["card"].taken_minor == 60_000 and day["cash"].taken_minor == due - 60_000


def test_a_basket_whose_food_ran_out_sells_nothing(shop, monkeypatch):
    """The stock went between the check and the transaction (another counter): the booking
    rolls back with the food, and the hold stays for a second try."""
    cashier = _cashier(shop)
    hold = shop.booking.hold(cashier, "show-future", ["C1"])
    monkeypatch.setattr(item_sales, "check_stock", lambda conn, priced: None)
    shop.deps.conn.execute("UPDATE menu_stock SET on_hand = 1 WHERE item_id = 'pop-l'")
    before = table_dump(shop.deps.conn)
    with pytest.raises(OutOfStock, match="only 1 left"):
        shop.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"),
                             items=[POPCORN])
    assert table_dump(shop.deps.conn) == before
    assert shop.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 0
    booking = shop.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"))
    assert booking.state == "confirmed"


def test_one_upi_payment_pays_a_basket_but_never_another_sale(shop):
    cashier = _cashier(shop)
    hold = shop.booking.hold(cashier, "show-future", ["D1"])
    booking = shop.booking.confirm(cashier, hold.hold_id, {}, Payment("upi", reference=UTR),
                                   items=[COLA])
    sale = shop.items.for_booking(booking.booking_id)
    assert [t.reference for t in (*booking.tenders, *sale.tenders)] == [UTR, UTR]
    with pytest.raises(PaymentError, match="already paid booking"):
        shop.items.sell(cashier, CIN, [COLA], Payment("upi", reference=UTR))
    alone = shop.items.sell(cashier, CIN, [COLA], Payment("upi", reference="512345678901"))
    hold = shop.booking.hold(cashier, "show-future", ["D2"])
    with pytest.raises(PaymentError, match=f"already paid food and drink sale {alone.reference}"):
        shop.booking.confirm(cashier, hold.hold_id, {}, Payment("upi", reference="512345678901"))
    assert shop.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 1


def test_self_service_sells_food_by_card_or_upi_only(shop):
    kiosk = shop.auth.self_service_actor()
    hold = shop.booking.hold(kiosk, "show-future", ["E1"])
    with pytest.raises(PaymentError, match="card or UPI"):
        shop.booking.confirm(kiosk, hold.hold_id, {}, Payment("cash", tendered_minor=10**6),
                             items=[COLA])
    booking = shop.booking.confirm(kiosk, hold.hold_id, {}, Payment("card", card_last4="1111"),
                                   items=[COLA])
    assert shop.items.for_booking(booking.booking_id).lines[0].label == "Soft drink (Medium)"


# -- refunds ------------------------------------------------------------------------------------
def test_a_partial_refund_returns_stock_and_money_card_first(shop):
    cashier = _cashier(shop)
    sale = shop.items.sell(cashier, CIN, [Order("pop-l", 1, ("salted",)), COLA], Payment(
        tenders=(Tender("card", 50_000, "4242"), Tender("cash", 20_000))))  # 680.00, 20.00 back
    refund = shop.items.refund(cashier, sale.reference, {1: 1}, "other: dropped it")
    assert refund.amount_minor == 45_000 and refund.parts == (("card", 45_000),)
    assert refund.returned == {"pop-l": 1} and _on_hand(shop, "pop-l") == 10
    before = table_dump(shop.deps.conn, exclude=())
    preview = shop.items.refund_preview(cashier, sale.reference, None)  # issue 14: said first
    assert (preview.amount_minor, preview.parts) == (23_000, (("card", 5_000), ("cash", 18_000)))
    with pytest.raises(InvalidInput, match="not a refund reason"):
        shop.items.refund(cashier, sale.reference, None, "left")
    with pytest.raises(InvalidInput, match="A refund needs a reason"):
        shop.items.refund(cashier, sale.reference, None, "")
    assert table_dump(shop.deps.conn, exclude=()) == before  # neither wrote anything
    rest = shop.items.refund(cashier, sale.reference, None, "customer_request")
    assert rest.amount_minor == 23_000
    assert rest.parts == (("card", 5_000), ("cash", 18_000)) == preview.parts
    done = shop.items.get(sale.reference)
    assert done.refunded_minor == done.total_minor
    line_tax = sum(ln.tax_minor for ln in done.lines)
    assert refund.tax_minor + rest.tax_minor == line_tax
    assert expected_cash(shop.deps.conn, shop.shift_id) == 10_000 + 18_000 - 18_000
    with pytest.raises(InvalidInput, match="already refunded"):
        shop.items.refund(cashier, sale.reference, reason="customer_request")


def test_tax_given_back_in_parts_adds_up_to_the_lines_tax(shop):
    cashier = _cashier(shop)
    sale = shop.items.sell(cashier, CIN, [Order("cola-m", 3)], Payment("card", card_last4="4242"))
    parts = [shop.items.refund(cashier, sale.reference, {1: 1}, reason="customer_request").tax_minor for _ in range(3)]
    assert sum(parts) == sale.lines[0].tax_minor and max(parts) - min(parts) <= 1


def test_bad_refunds_are_refused_and_change_nothing(shop):
    cashier = _cashier(shop)
    sale = shop.items.sell(cashier, CIN, [POPCORN], Payment("card", card_last4="4242"))
    before = table_dump(shop.deps.conn)
    for quantities, match in (({1: 3}, "2 can be refunded"), ({2: 1}, "no line 2"),
                              ({1: 0}, "2 can be refunded"), ({"x": 1}, "by its number"),
                              ({}, "Choose what")):
        with pytest.raises(InvalidInput, match=match):
            shop.items.refund(cashier, sale.reference, quantities, reason="customer_request")
    with pytest.raises(PermissionDenied):
        shop.items.refund(shop.auth.self_service_actor(), sale.reference, reason="customer_request")
    assert table_dump(shop.deps.conn) == before


def test_a_cashier_refund_past_the_limit_is_a_managers(shop):
    cashier = _cashier(shop)
    big = [Order("pop-l", 3, ("salted",))]  # 1,350.00 > the 1,000.00 cashier limit
    sale = shop.items.sell(cashier, CIN, big, Payment("card", card_last4="4242"))
    before = table_dump(shop.deps.conn)
    with pytest.raises(PermissionDenied, match="made by a manager"):
        shop.items.refund(cashier, sale.reference, reason="customer_request")
    assert table_dump(shop.deps.conn) == before
    refund = shop.items.refund(shop.auth.sign_in(*MANAGER), sale.reference, reason="customer_request")
    assert refund.amount_minor == sale.total_minor and _on_hand(shop, "pop-l") == 10


# -- reports ------------------------------------------------------------------------------------
def test_reports_show_food_by_item_and_category_and_spend_per_head(shop):
    import io

    from kiosk.services.reports import to_csv

    cashier = _cashier(shop)
    hold = shop.booking.hold(cashier, "show-future", ["F1", "F2"])
    booking = shop.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"),
                                   items=[POPCORN])
    sale = shop.items.sell(cashier, CIN, [COLA, Order("classic", 1, ("caramel",))],
                           Payment("card", card_last4="4242"))
    shop.items.refund(cashier, sale.reference, {1: 1}, reason="customer_request")  # the cola comes back
    manager = shop.auth.sign_in(*MANAGER)
    day = date_of(sale)
    report = shop.reports.daily_sales(manager, day)
    [totals] = report.food_table("food_totals").as_dicts()
    gross = 2 * 45_000 + 23_000 + 49_900 + 4_000
    assert (totals["sales"], totals["items"], totals["gross"], totals["refunds"]) == (
        2, 3, gross, 23_000)
    assert totals["admissions"] == report.total("INR")["tickets"] == 2
    assert totals["spend_per_head"] == (gross - 23_000) // 2
    by_item = {r["item"]: r for r in report.food_table("food_by_item").as_dicts()}
    assert by_item["Popcorn (Large)"]["gross"] == 90_000 and by_item["Classic combo"]["items"] == 1
    assert by_item["Soft drink (Medium)"]["items"] == 0  # sold and given back
    by_category = {r["category"]: r["gross"] for r in
                   report.food_table("food_by_category").as_dicts()}
    assert by_category == {"Snacks": 90_000, "Drinks": 23_000, "Combos": 53_900}
    assert sum(r["tax"] for r in report.food_table("food_by_item").as_dicts()) == totals["tax"]
    out = io.StringIO()
    to_csv(report, out)
    assert "# Food and drink by item" in out.getvalue() and booking.reference


def date_of(sale):
    from datetime import date

    return date.fromisoformat(sale.business_date)


# -- review findings ----------------------------------------------------------------------------
def _free_water(services):
    from kiosk.domain.menu import MenuItem

    menu = small_menu()
    items = {**menu.items, "water": MenuItem("water", "drinks", "water", "Water", "", 0)}
    conn = services.deps.conn
    with transaction(conn):
        replace_menu(conn, replace(menu, items=items),
                     {"pop-l": (10, 3), "cola-m": (5, 2)}, "2026-11-25T10:00:00+00:00")


def test_a_free_item_sells_and_is_given_back_without_a_crash(shop):
    _free_water(shop)
    cashier = _cashier(shop)
    free = shop.items.sell(cashier, CIN, [Order("water")], Payment("card", card_last4="4242"))
    assert free.total_minor == 0 and free.tenders == ()
    mixed = shop.items.sell(cashier, CIN, [COLA, Order("water")],
                            Payment("card", card_last4="4242"))
    back = shop.items.refund(cashier, mixed.reference, {2: 1}, reason="customer_request")
    assert (back.amount_minor, back.parts) == (0, ())


def test_made_to_order_items_are_never_returned_to_a_count(shop):
    shop.deps.conn.execute("DELETE FROM menu_stock WHERE item_id = 'pop-m'")  # made to order
    cashier = _cashier(shop)
    sale = shop.items.sell(cashier, CIN, [Order("pop-m", 2, ("salted",))],
                           Payment("card", card_last4="4242"))
    shop.deps.conn.execute("INSERT INTO menu_stock (item_id, on_hand, updated_at) "
                           "VALUES ('pop-m', 10, 't')")  # counting starts later
    refund = shop.items.refund(cashier, sale.reference, reason="customer_request")
    assert refund.returned == {} and _on_hand(shop, "pop-m") == 10


def test_a_refunded_sale_cannot_be_collected(shop):
    cashier = _cashier(shop)
    sale = shop.items.sell(cashier, CIN, [COLA], Payment("card", card_last4="4242"))
    shop.items.refund(cashier, sale.reference, reason="customer_request")
    with pytest.raises(InvalidInput, match="nothing to hand over"):
        shop.items.collect(cashier, sale.reference)


def test_food_refunds_count_towards_the_cashiers_shift_limit(shop):
    from kiosk.services import money_controls

    manager = shop.auth.sign_in(*MANAGER)
    money_controls.set_controls(shop.deps, manager, CIN, {"shift_refund_limit_minor": 30_000})
    cashier = _cashier(shop)
    sales = [shop.items.sell(cashier, CIN, [COLA], Payment("card", card_last4="4242"))
             for _ in range(2)]
    shop.items.refund(cashier, sales[0].reference, reason="customer_request")  # 230.00 of 300.00
    before = table_dump(shop.deps.conn)
    with pytest.raises(PermissionDenied, match="in one shift"):
        shop.items.refund(cashier, sales[1].reference, reason="customer_request")  # 460.00 > 300.00
    assert table_dump(shop.deps.conn) == before
    hold = shop.booking.hold(cashier, "show-future", ["C2"])
    booking = shop.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"))
    result = shop.booking.refund(cashier, booking.reference, reason="customer_request")  # 250.00: over with the food's 230
    assert result.state == "pending_approval"


def test_the_z_report_names_the_days_food_and_drink(shop):
    from datetime import date

    cashier = _cashier(shop)
    sale = shop.items.sell(cashier, CIN, [COLA], Payment("card", card_last4="4242"))
    shop.shifts.close(cashier, 10_000)
    manager = shop.auth.sign_in(*MANAGER)
    report = shop.day_close.close(manager, date.fromisoformat(sale.business_date), CIN)
    food = report.totals["food_and_drink"]
    assert (food["sales"], food["gross"]) == (1, 23_000)
    assert "₹230.00" in report.totals["food_and_drink_note"]
    assert {t["kind"]: t["taken"] for t in report.totals["tenders"]}["card"] == 23_000

"""Issue 12 point 6: the receipt of a basket lists its food and drink, one total, one tax figure
and the one payment the customer made (gift card masked), and the PDF carries it."""

from __future__ import annotations

import os

from kiosk.domain.menu import Order
from kiosk.domain.tenders import Tender
from kiosk.services.models import Payment
from kiosk.store.db import transaction
from kiosk.store.menu_store import replace_menu
from kiosk.tickets import ReceiptData, render_receipt_pdf
from kiosk.tickets.output import render_receipt_image
from tests.factories import CASHIER, insert_open_shift, issue_gift_card
from tests.ui.test_tickets import load, page_text
from tests.unit.test_menu import small_menu


def _basket(services, clock, payment, member=""):
    conn = services.deps.conn
    with transaction(conn):
        replace_menu(conn, small_menu(), {"pop-l": (10, 3), "cola-m": (5, 2)}, "t")
    cashier = services.auth.sign_in(*CASHIER)
    insert_open_shift(services.deps.db, cashier.staff_id, cashier.kiosk_id, clock)
    cashier = services.auth.sign_in(*CASHIER)
    hold = services.booking.hold(cashier, "show-future", ["B1", "B2"])
    booking = services.booking.confirm(cashier, hold.hold_id, {}, payment, "",
                                       (Order("pop-l", 2, ("salted",)), Order("cola-m")),
                                       member=member)
    return booking, services.items.for_booking(booking.booking_id)


def test_a_basket_receipt_lists_the_food_and_the_one_payment(qapp, services, clock, tmp_path):
    code = issue_gift_card(services, 30_000)
    # tickets 500.00 + food 900.00 + 230.00 = 1,630.00: 300 on a gift card, the rest in cash
    booking, food = _basket(services, clock, Payment(tenders=(
        Tender("voucher", 30_000, code), Tender("cash", 200_000))))
    data = ReceiptData.from_booking(booking, staff_label="1001", tax_rate_bp=1800, food=food)
    assert data.total_minor == 50_000 + 113_000 == booking.total_minor + food.total_minor
    assert data.tax_minor == booking.tax_minor + food.tax_minor and data.tax_rate_bp is None
    assert data.items == ((2, "Popcorn (Large), Salted", 90_000, 0),
                          (1, "Soft drink (Medium)", 23_000, 0))
    assert data.items_reference == food.reference
    assert [(k, a) for k, a, _ref in data.tenders] == [("voucher", 30_000), ("cash", 133_000)]
    assert data.tenders[0][2].endswith(code[-4:]) and code[2:10] not in data.tenders[0][2]
    assert (data.tendered_minor, data.change_minor) == (200_000, 67_000)
    pdf = render_receipt_pdf(data, tmp_path / "basket-receipt.pdf")
    text = page_text(load(qapp, pdf))
    for words in (food.reference, "Popcorn (Large), Salted", "Soft drink (Medium)", "1,630.00",
                  "670.00"):
        assert words in text, (words, text)
    assert code not in text.replace(" ", "")
    render_receipt_image(data).save("/tmp/shots/receipt_basket.png")


def test_a_booking_without_food_keeps_its_receipt(services, clock):
    booking, food = _basket(services, clock, Payment("card", card_last4="4242"))
    plain = ReceiptData.from_booking(booking, tax_rate_bp=1800)
    assert plain.items == () and plain.total_minor == booking.total_minor
    assert plain.tax_rate_bp == 1800
    basket = ReceiptData.from_booking(booking, tax_rate_bp=1800, food=food)
    assert basket.tenders == () and basket.card_last4 == "4242"  # one card paid it all


def test_a_receipt_lists_list_prices_then_each_discount(qapp, services, tmp_path):
    from kiosk.store.offer_store import save_offer
    from tests.unit.test_offers import offer

    with transaction(services.deps.conn):
        save_offer(services.deps.conn, offer("wed", name="Wednesday 20 %", value=20,
                                             weekdays="wed"))
        save_offer(services.deps.conn, offer("w", name="Welcome", kind="amount", value=5_000,
                                             code="WELCOME"))
    cashier = services.auth.sign_in(*CASHIER)
    hold = services.booking.hold(cashier, "show-future", ["C1", "C2"])
    booking = services.booking.confirm(cashier, hold.hold_id, {},
                                       Payment("card", card_last4="4242"), promo="welcome")
    data = ReceiptData.from_booking(booking, tax_rate_bp=1800)
    assert [line.price_minor for line in data.lines] == [25_000, 25_000]  # list prices
    assert data.discounts == (("Wednesday 20 %", 10_000), ("Welcome (WELCOME)", 5_000))
    assert data.total_minor == 35_000 == sum(ln.price_minor for ln in data.lines) - 15_000
    text = page_text(load(qapp, render_receipt_pdf(data, tmp_path / "discounts.pdf")))
    for words in ("Wednesday 20 %", "Welcome (WELCOME)", "-₹100.00", "-₹50.00", "₹350.00"):
        assert words in text, (words, text)
    image = render_receipt_image(data)
    assert image.save(str(tmp_path / "receipt_discounts.png"))
    if os.environ.get("KIOSK_SHOTS"):
        image.save(os.path.join(os.environ["KIOSK_SHOTS"], "receipt_discounts.png"))


def test_a_member_receipt_shows_the_points_paid_and_earned_and_hides_the_number(qapp, services,
                                                                               clock, tmp_path):
    cashier = services.auth.sign_in(*CASHIER)
    services.loyalty.join(cashier, "98765 43210", "INR", "Asha Rao")
    with transaction(services.deps.conn):
        services.deps.conn.execute("UPDATE members SET points = 400")
    # tickets 500.00 + food 1,130.00: 200 in points (400 of them), the rest by card
    booking, food = _basket(services, clock, Payment(tenders=(
        Tender("points", 20_000, "+919876543210"), Tender("card", 143_000, "4242"))),
        member="9876543210")
    booking = services.booking.get(booking.reference)
    data = ReceiptData.from_booking(booking, tax_rate_bp=1800, food=food)
    assert data.member == "+91 •••••• 3210" and data.points_earned == 143
    assert ("points", 20_000, "+91 •••••• 3210") in data.tenders
    text = page_text(load(qapp, render_receipt_pdf(data, tmp_path / "member.pdf")))
    for words in ("Points", "₹200.00", "Member +91", "3210", "+143 points"):
        assert words in text, (words, text)
    assert "9876543210" not in text.replace(" ", "")
    if os.environ.get("KIOSK_SHOTS"):
        render_receipt_image(data).save(os.path.join(os.environ["KIOSK_SHOTS"],
                                                     "receipt_member.png"))

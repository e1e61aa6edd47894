"""Issue 12 point 5 at the counter: a member found by mobile number (or joined on the spot),
member prices in the basket, the member's points offered as a part payment, the points earned
on the ticket screen and the receipt, and the member's recent sales."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.store.db import transaction
from kiosk.store.offer_store import save_offer
from kiosk.tickets.model import ReceiptData
from tests.ui.conftest import WAIT_MS
from tests.ui.test_counter_food import _shot, _to_basket
from tests.unit.test_offers import offer

PHONE = "+919876543210"


@pytest.fixture
def members(services):
    with transaction(services.deps.conn):
        save_offer(services.deps.conn, offer("member", name="Member price", value=10,
                                             members_only=True))
        services.deps.conn.execute(
            "INSERT INTO members (phone, name, points, joined_at, kiosk_id) "
            "VALUES (?, 'Asha Rao', 600, '2026-11-01T10:00:00+00:00', 'KIOSK-1')", (PHONE,))
    return services


def test_a_member_found_pays_member_prices_and_part_in_points(driver, qtbot, members):
    basket = _to_basket(driver, qtbot)
    sale = driver.mode.session.sale
    bar = basket.member_bar
    assert sale.quote.total_minor == 50_000 and bar.phone_edit.isVisible()
    bar.phone_edit.setText("98765 43210")
    driver.click(bar.find_button)
    qtbot.waitUntil(lambda: sale.member is not None, timeout=WAIT_MS)
    assert "Asha Rao · +91 •••••• 3210 · 600 points (worth ₹300.00)" == bar.status.text()
    qtbot.waitUntil(lambda: sale.quote.total_minor == 45_000, timeout=WAIT_MS)
    assert "Member price" in basket.discounts_label.text()
    _shot(basket.window(), "counter-basket-member")
    driver.click(basket.pay_button)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    assert payment.points_button.isVisible()
    assert payment.points_button.text() == "Member's points pay ₹300.00"
    _shot(payment.window(), "counter-payment-points-offered")
    driver.click(payment.points_button)
    assert payment.remaining_minor == 15_000 and not payment.points_button.isVisible()
    assert "points +91 •••••• 3210: ₹300.00" in payment.parts_label.text().lower()
    _shot(payment.window(), "counter-payment-points")
    driver.click(payment.card_button)
    payment.card_last4.setText("4242")
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    booking = sale.booking
    assert [(t.kind, t.amount_minor) for t in booking.tenders] == [("points", 30_000),
                                                                     ("card", 15_000)]
    assert booking.points_earned == 15  # on the ₹150 by card
    details = driver.screen("ticket").details.text()
    assert "Member +91 •••••• 3210 earned 15 points" in details
    assert "points (600) ₹300.00" in details
    QApplication.processEvents()  # the labels take their new heights
    QApplication.processEvents()
    _shot(driver.screen("ticket").window(), "counter-ticket-member")
    receipt = ReceiptData.from_booking(booking)
    assert receipt.member == "+91 •••••• 3210" and receipt.points_earned == 15
    assert ("points", 30_000, "+91 •••••• 3210") in receipt.tenders
    member = members.loyalty.find(PHONE, "INR")
    assert member.points == 600 - 600 + 15


def test_a_new_number_joins_from_the_basket_and_the_history_shows_its_sales(driver, qtbot,
                                                                           members):
    basket = _to_basket(driver, qtbot, ("C1",))
    bar = basket.member_bar
    bar.phone_edit.setText("91234 56789")
    driver.click(bar.find_button)
    assert "No member has the number" in bar.status.text() and bar.join_button.isVisible()
    bar.name_edit.setText("Ravi")
    _shot(basket.window(), "counter-basket-member-join")
    driver.click(bar.join_button)
    sale = driver.mode.session.sale
    qtbot.waitUntil(lambda: sale.member is not None, timeout=WAIT_MS)
    assert sale.member.phone == "+919123456789" and "Ravi" in bar.status.text()
    driver.click(bar.history_button)
    assert bar.history.isVisible() and bar.history.text() == "No sales yet."
    driver.click(bar.remove_button)
    assert sale.member is None and bar.phone_edit.isVisible()


def test_a_bad_number_is_said_and_the_basket_sells_without_a_member(driver, qtbot, members):
    basket = _to_basket(driver, qtbot, ("C2",))
    bar = basket.member_bar
    bar.phone_edit.setText("12")
    driver.click(bar.find_button)
    assert "not a mobile number" in bar.status.text()
    assert driver.mode.session.sale.member is None
    assert not bar.join_button.isVisible()

"""Issue 12 point 4 at the counter: the basket shows each discount as its own line; a promo code
is typed, applied and removed; a code that does not apply is said in words and the sale goes on
without it; the booking is charged what the basket showed."""

from __future__ import annotations

import pytest

from kiosk.store.db import transaction
from kiosk.store.offer_store import save_offer
from tests.ui.conftest import WAIT_MS
from tests.ui.test_counter_food import _shot, _to_basket
from tests.unit.test_offers import offer


@pytest.fixture
def offers(services):
    with transaction(services.deps.conn):  # the test world's show is on a Wednesday evening
        save_offer(services.deps.conn, offer("wed", name="Wednesday 20 %", value=20,
                                             weekdays="wed"))
        save_offer(services.deps.conn, offer("kids", name="Kids", value=50, code="KIDS50",
                                             ticket_types=["child"]))
    return services


def test_discount_lines_a_code_applied_and_one_refused(driver, qtbot, offers):
    basket = _to_basket(driver, qtbot)
    sale = driver.mode.session.sale
    assert sale.quote.total_minor == 2 * 20_000  # 20 % off two ₹250 adult tickets
    assert "Wednesday 20 %   -₹100.00" in basket.discounts_label.text()
    assert "₹200.00 (was ₹250.00)" == basket.table.item(0, 3).text()
    basket.promo_edit.setText("kids50")
    driver.click(basket.promo_button)  # no child ticket yet: said, and dropped
    assert sale.promo == "" and basket.promo_edit.text() == ""
    assert "does not apply" in driver.mode.banner.text()
    assert sale.quote.total_minor == 40_000
    basket.combos["B2"].setCurrentIndex(basket.combos["B2"].findData("child"))
    basket.promo_edit.setText("kids50")
    driver.click(basket.promo_button)
    # child: 175 - 20 % = 140, then half: 70
    qtbot.waitUntil(lambda: sale.quote.total_minor == 20_000 + 7_000, timeout=WAIT_MS)
    assert "Kids (KIDS50)   -₹70.00" in basket.discounts_label.text()
    _shot(basket.window(), "counter-basket-offers")
    driver.click(basket.pay_button)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    driver.click(payment.card_button)
    payment.card_last4.setText("4242")
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    booking = sale.booking
    assert booking.total_minor == 27_000
    assert [d.label for d in booking.discounts] == ["Wednesday 20 %", "Kids"]


def test_remove_code_prices_without_it(driver, qtbot, offers):
    basket = _to_basket(driver, qtbot, ("C1",))
    basket.combos["C1"].setCurrentIndex(basket.combos["C1"].findData("child"))
    basket.promo_edit.setText("KIDS50")
    driver.click(basket.promo_button)
    assert driver.mode.session.sale.quote.total_minor == 7_000
    driver.click(basket.promo_clear)
    assert driver.mode.session.sale.promo == ""
    assert driver.mode.session.sale.quote.total_minor == 14_000
    assert "Kids" not in basket.discounts_label.text()


def test_discount_lines_in_high_contrast(driver, qtbot, kiosk_ui, offers):
    kiosk_ui.theme.set_high_contrast(True)
    try:
        basket = _to_basket(driver, qtbot)
        label, total = basket.discounts_label, basket.total_label
        qtbot.waitUntil(lambda: label.isVisible() and label.width() >= label.sizeHint().width()
                        and total.width() >= total.sizeHint().width(), timeout=WAIT_MS)
        assert "Wednesday 20 %" in label.text()
        _shot(basket.window(), "counter-basket-offers-high-contrast")
    finally:
        kiosk_ui.theme.set_high_contrast(False)

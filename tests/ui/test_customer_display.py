"""The customer display (issue 13 point 5): the customer sees their seats, the basket, the total
and the change due, in their own language while the counter keeps its own."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

WAIT = 10_000


@pytest.fixture
def ui_config(config):
    return replace(config, kiosk_id="TEST-COUNTER", customer_display=True)


def _shot(widget, name):
    if os.environ.get("KIOSK_SHOTS"):
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        widget.grab().save(os.path.join(os.environ["KIOSK_SHOTS"], name))


def test_the_customer_follows_the_sale_in_their_language(driver, qtbot, services):
    display = driver.mode.customer_display
    assert display is not None and display.isVisible()
    assert display.title.text() == "Welcome"
    driver.start()
    driver.open_show()
    driver.tap_seat("C3")
    driver.tap_seat("C4")
    qtbot.waitUntil(lambda: set(driver.held_seats()) == {"C3", "C4"}, timeout=WAIT)
    assert display.title.text() == "The Test Pattern"
    qtbot.waitUntil(lambda: "C3, C4" in display.lines.text(), timeout=WAIT)
    assert display.panel is not None  # the show's seat map
    _shot(display, "customer-display-seats.png")
    driver.click(driver.screen("seats").continue_button)
    driver.wait_screen("basket")
    assert display.total.text() == "Total ₹500.00"
    driver.click(driver.screen("basket").pay_button)
    payment = driver.screen("payment")
    driver.click(payment.cash_button)
    payment.tendered.setText("600")
    qtbot.waitUntil(lambda: "Your change ₹100.00" in display.change.text(), timeout=WAIT)
    assert display.change.text().startswith("Paid ₹600.00")
    _shot(display, "customer-display-change.png")
    # the customer reads Telugu; the counter stays English
    mode = driver.mode
    mode.topbar.customer_language.setCurrentIndex(mode.topbar.customer_language.findData("te"))
    assert display.language == "te"
    assert "Total" not in display.total.text() and "₹500.00" in display.total.text()
    assert payment.confirm_button.text() == "Confirm payment"  # the counter: still English
    _shot(display, "customer-display-te.png")
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    booking = driver.mode.session.sale.booking
    assert booking.reference in display.subtitle.text()
    conn = services.deps.conn
    # the confirmation would go out in the customer's language
    assert mode.confirmation_language() == "te"
    assert conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 1
    assert "₹500.00" in display.total.text() and "₹100.00" in display.change.text()
    _shot(display, "customer-display-thanks.png")
    driver.mode.new_sale()  # the next customer starts in the counter's language
    assert display.language == "en" and display.title.text() == "Welcome"

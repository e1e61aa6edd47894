"""Issue 12 point 6 at the counter: food and drink refunded on the refund screen (F6) by its
FD- reference, line by line, the stock back at the stand and the money to what paid it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.domain.menu import Order
from kiosk.domain.tenders import Tender
from kiosk.services.models import Payment
from kiosk.store.db import transaction
from kiosk.store.menu_store import replace_menu
from tests.factories import CASHIER_2, insert_open_shift
from tests.unit.test_menu import small_menu

WAIT = 5000


def _basket(services, clock):
    conn = services.deps.conn
    with transaction(conn):
        replace_menu(conn, small_menu(), {"pop-l": (10, 3), "cola-m": (5, 2)}, "t")
    other = services.auth.sign_in(*CASHIER_2)
    insert_open_shift(services.deps.db, other.staff_id, other.kiosk_id, clock)
    other = services.auth.sign_in(*CASHIER_2)
    hold = services.booking.hold(other, "show-future", ["D1"])
    booking = services.booking.confirm(
        other, hold.hold_id, {}, Payment(tenders=(Tender("card", 30_000, "4242"),
                                                  Tender("cash", 200_000))), "",
        (Order("pop-l", 2, ("salted",)), Order("cola-m")))
    return booking, services.items.for_booking(booking.booking_id)


def _on_hand(services, item):
    return services.deps.conn.execute("SELECT on_hand FROM menu_stock WHERE item_id = ?",
                                      (item,)).fetchone()[0]


def test_food_is_refunded_by_its_reference_line_by_line(driver, qtbot, services, clock):
    booking, food = _basket(services, clock)
    driver.start()
    qtbot.keyClick(driver.mode, Qt.Key.Key_F6)
    driver.wait_screen("refund")
    screen = driver.screen("refund")
    qtbot.keyClicks(screen.reference, booking.reference)
    qtbot.keyClick(screen.reference, Qt.Key.Key_Return)
    assert food.reference in screen.details.text()  # the booking names its food
    screen.reference.clear()
    qtbot.keyClicks(screen.reference, food.reference.lower())
    qtbot.keyClick(screen.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.card.isVisible(), timeout=WAIT)
    assert not screen.exchange_button.isVisible()
    assert screen.refund_button.text() == "Refund selected items"
    driver.click(screen.checks["L1"])  # 2 x popcorn
    assert "To give back: ₹900.00" in screen.preview.text()  # before anything is written
    screen.reason_code.setCurrentIndex(screen.reason_code.findData("customer_request"))
    driver.click(screen.refund_button)
    qtbot.waitUntil(lambda: "Refund complete" in screen.result.text(), timeout=WAIT)
    assert "Give back ₹900.00" in screen.result.text()
    assert _on_hand(services, "pop-l") == 10 and _on_hand(services, "cola-m") == 4
    assert not screen.checks["L1"].isEnabled() and screen.checks["L2"].isEnabled()
    screen.window().grab().save("/tmp/shots/counter_food_refund.png")
    assert services.items.get(food.reference).refunded_minor == 90_000


def test_an_unknown_food_reference_is_said_and_changes_nothing(driver, qtbot, services, clock):
    _basket(services, clock)
    driver.start()
    qtbot.keyClick(driver.mode, Qt.Key.Key_F6)
    driver.wait_screen("refund")
    screen = driver.screen("refund")
    qtbot.keyClicks(screen.reference, "FD-AAAA-BBBB")
    qtbot.keyClick(screen.reference, Qt.Key.Key_Return)
    assert "no food and drink sale" in screen.message.text() and not screen.card.isVisible()

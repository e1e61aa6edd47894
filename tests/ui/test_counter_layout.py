"""Issue 14 defect 12, counter: the basket and the ticket card use their space.

The basket's seat table is as tall as its rows (no empty table area), the food order says what
to do while it is empty, and nothing the cashier taps moves between two taps; the ticket card
shows one small ticket per seat beside the QR and the change due, with New sale in reach.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import WAIT_MS
from tests.ui.test_counter_food import _to_basket, stocked  # noqa: F401 - fixture


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _where(widget) -> QPoint:
    """Where ``widget`` sits on the basket screen (the mode's message banner above the screen
    is the page stack's business, not the basket's)."""
    screen = widget
    while screen.objectName() != "screen_basket":
        screen = screen.parentWidget()
    return widget.mapTo(screen, QPoint(0, 0))


def _table_height(table) -> int:
    return (table.horizontalHeader().height()
            + sum(table.rowHeight(row) for row in range(table.rowCount()))
            + 2 * table.frameWidth())


@pytest.mark.parametrize("seats", [("B1",), ("C1", "C2", "C3", "C4")])
def test_the_seat_table_is_as_tall_as_its_rows(driver, qtbot, seats):
    basket = _to_basket(driver, qtbot, seats)
    _settle()
    table = basket.table
    assert table.rowCount() == len(seats)
    assert table.height() == _table_height(table)  # no empty table area below the rows
    assert not table.verticalScrollBar().isVisible()
    # the order column sits beside the table, the total and Payment in view without scrolling
    assert basket.pay_button.isVisible() and basket.total_label.isVisible()
    window = basket.window()
    bottom = basket.pay_button.mapTo(window, QPoint(0, basket.pay_button.height())).y()
    assert bottom <= window.height()


def test_the_table_follows_the_seats_held(driver, qtbot):
    basket = _to_basket(driver, qtbot, ("B1",))
    _settle()
    one = basket.table.height()
    driver.click(basket.back_button)
    driver.wait_screen("seats")
    for code in ("B2", "B3"):
        driver.tap_seat(code)
    qtbot.waitUntil(lambda: len(driver.held_seats()) == 3, timeout=WAIT_MS)
    driver.click(driver.screen("seats").continue_button)
    driver.wait_screen("basket")
    _settle()
    assert basket.table.height() == one + basket.table.rowHeight(1) + basket.table.rowHeight(2)


def test_the_empty_food_order_says_what_to_do_and_nothing_moves(driver, qtbot, stocked):  # noqa: F811
    basket = _to_basket(driver, qtbot, ("B1", "B2"))
    _settle()
    food = basket.food
    assert food.empty_label.isVisible() and "Tap an item" in food.empty_label.text()
    assert not food.lines.isVisible() and not food.remove_button.isEnabled()
    tapped = [basket.pay_button, basket.promo_button, basket.back_button,
              food.buttons["cola-m"], food.remove_button, basket.combos["B1"]]
    before = [_where(w) for w in tapped]

    driver.click(food.buttons["cola-m"])
    driver.click(food.buttons["cola-m"])
    qtbot.waitUntil(lambda: food.lines.count() == 1, timeout=WAIT_MS)
    _settle()
    assert food.lines.isVisible() and not food.empty_label.isVisible()
    assert "food and drink" in basket.breakdown_label.text()
    assert [_where(w) for w in tapped] == before  # items, code and Payment stayed put

    driver.click(food.remove_button)
    driver.click(food.remove_button)
    qtbot.waitUntil(lambda: food.lines.count() == 0, timeout=WAIT_MS)
    _settle()
    assert food.empty_label.isVisible() and [_where(w) for w in tapped] == before


def test_food_buttons_show_whole_names_in_columns_that_fit(driver, qtbot, stocked):  # noqa: F811
    basket = _to_basket(driver, qtbot, ("B1",))
    _settle()
    buttons = list(basket.food.buttons.values())
    assert len({b.y() for b in buttons}) < len(buttons)  # side by side, not one column
    panel = basket.food
    for button in buttons:
        assert "…" not in button.text()
        assert button.width() >= button.sizeHint().width() - 1  # not clipped
        assert button.geometry().right() <= panel.width()
    assert not basket.tickets_scroll.horizontalScrollBar().isVisible()  # nothing sideways
    assert basket.width() <= basket.window().width()


def test_the_ticket_card_shows_each_seat_the_qr_and_the_change(driver, qtbot):
    payment = driver.to_payment(("C1", "C2", "C3"))
    big_note = next(b for b in payment.quick_buttons if b.objectName() != "quickCashExact")
    driver.click(big_note)
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    _settle()
    ticket = driver.screen("ticket")
    booking = driver.mode.session.sale.booking
    stubs = ticket.stub_texts()
    assert [s.split("\n")[0] for s in stubs] == ["C1", "C2", "C3"]
    assert all("Adult" in s and "₹" in s for s in stubs)
    assert not ticket.qr.pixmap().isNull() and ticket.qr.width() >= 260
    assert ticket.change.isVisible() and "Change due" in ticket.change.text()
    assert booking.reference == ticket.reference.text()
    # the details sit beside the QR, and New sale is in view without scrolling
    assert ticket.stubs_host.mapTo(ticket, QPoint(0, 0)).x() < ticket.qr.mapTo(ticket,
                                                                               QPoint(0, 0)).x()
    window = ticket.window()
    new_sale = ticket.new_sale_button
    assert new_sale.mapTo(window, QPoint(0, new_sale.height())).y() <= window.height()

"""Issue 12: the counter sells food and drink in the same basket as the tickets.

One tap per item on the basket screen (choices asked when an item needs them), a running total
of tickets and food, one payment, and a ticket screen naming the food's collection reference
and the change of the whole basket."""

from __future__ import annotations

import os

import pytest

from kiosk.domain.money import format_money
from kiosk.store.db import transaction
from kiosk.store.menu_store import replace_menu
from tests.ui.conftest import WAIT_MS
from tests.ui.test_counter_sale import count
from tests.ui.test_manager_fixtures import open_console  # noqa: F401 - fixture
from tests.unit.test_menu import small_menu


@pytest.fixture
def stocked(services):
    conn = services.deps.conn
    with transaction(conn):
        replace_menu(conn, small_menu(), {"pop-l": (10, 3), "cola-m": (5, 2)},
                     "2026-11-25T10:00:00+00:00")
    return services


def _shot(widget, name: str) -> None:
    folder = os.environ.get("KIOSK_SHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, f"{name}.png"))


def _to_basket(driver, qtbot, seats=("B1", "B2")):
    driver.start()
    driver.open_show()
    for code in seats:
        driver.tap_seat(code)
    qtbot.waitUntil(lambda: set(driver.held_seats()) == set(seats), timeout=WAIT_MS)
    driver.click(driver.screen("seats").continue_button)
    driver.wait_screen("basket")
    return driver.screen("basket")


def test_food_in_the_basket_one_payment_and_the_stand_reference(driver, qtbot, stocked,
                                                                tmp_path, qapp):
    basket = _to_basket(driver, qtbot)
    food = basket.food
    assert food.isVisible() and "pop-l" in food.buttons and "tea" not in food.buttons
    tickets_total = driver.mode.session.sale.quote.total_minor
    asked: list[str] = []

    def choose(group, options):
        asked.append(group)
        return options[-1].modifier_id  # caramel (+40.00)

    food.chooser = choose
    driver.click(food.buttons["pop-l"])
    driver.click(food.buttons["pop-l"])  # same choice again: one line of 2
    driver.click(food.buttons["cola-m"])
    assert asked == ["flavour", "flavour"]  # the drink needs no choice
    assert [food.lines.item(n).text() for n in range(food.lines.count())] == [
        "2 × Popcorn (Large), Caramel   ₹980.00", "1 × Soft drink (Medium)   ₹230.00"]
    total = tickets_total + 98_000 + 23_000
    assert format_money(total, "INR") in basket.total_label.text()
    assert "food and drink ₹1,210.00" in basket.breakdown_label.text()
    assert basket.breakdown_label.isVisible() and not basket.food.empty_label.isVisible()
    label = basket.total_label  # laid out whole, not clipped
    qtbot.waitUntil(lambda: label.width() >= label.minimumSizeHint().width(), timeout=WAIT_MS)
    _shot(basket.window(), "counter-basket-food")

    food.chooser = lambda group, options: None  # the cashier closes the choice: nothing added
    driver.click(food.buttons["pop-l"])
    assert food.lines.count() == 2

    driver.click(basket.pay_button)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    assert payment.due_minor == total
    big_note = next(b for b in payment.quick_buttons if b.objectName() != "quickCashExact")
    driver.click(big_note)
    tendered = payment.tendered_minor()
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    booking = driver.mode.session.sale.booking
    sale = stocked.items.for_booking(booking.booking_id)
    assert sale is not None and sale.total_minor == 121_000
    ticket = driver.screen("ticket")
    assert sale.reference in ticket.details.text()
    assert format_money(tendered - total, "INR") in ticket.change.text()  # the basket's change
    assert count(stocked, "SELECT on_hand FROM menu_stock WHERE item_id = 'pop-l'") == 8
    qtbot.waitUntil(lambda: ticket.details.width() >= 200, timeout=WAIT_MS)
    _shot(ticket.window(), "counter-ticket-food")
    _stand_slip_prints(driver, ticket, sale, tmp_path, qapp)


def _stand_slip_prints(driver, ticket, sale, tmp_path, qapp) -> None:
    """The basket's stand slip: its reference, QR and what to hand over, on the printer."""
    from PySide6.QtPrintSupport import QPrinter

    from kiosk.tickets.cards import render_slip_image, stand_slip
    from tests.ui.test_tickets import load, page_text

    assert ticket.slip_button.isVisible()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "slip.pdf"))
    ticket.printer = printer
    driver.click(ticket.slip_button)
    text = page_text(load(qapp, tmp_path / "slip.pdf"))
    for words in ("COLLECT AT THE STAND", sale.reference, "Popcorn (Large)"):
        assert words in text, (words, text)
    if os.environ.get("KIOSK_SHOTS"):
        render_slip_image(stand_slip(sale, "Test Screens", "Asia/Kolkata")).save(
            os.path.join(os.environ["KIOSK_SHOTS"], "stand_slip.png"))


def test_an_item_the_stock_cannot_cover_stops_payment_with_the_reason(driver, qtbot, stocked):
    stocked.deps.conn.execute("UPDATE menu_stock SET on_hand = 1 WHERE item_id = 'cola-m'")
    basket = _to_basket(driver, qtbot, ("C1",))
    driver.click(basket.food.buttons["cola-m"])
    assert basket.pay_button.isEnabled()
    driver.click(basket.food.buttons["cola-m"])
    assert not basket.pay_button.isEnabled()
    assert "only 1 left" in driver.mode.banner.text()
    driver.click(basket.food.remove_button)  # back to one: payment again
    assert basket.pay_button.isEnabled()


def test_a_cinema_without_a_menu_shows_no_food_panel(driver, qtbot, services):
    basket = _to_basket(driver, qtbot, ("D1",))
    assert not basket.food.isVisible()


def test_the_dashboard_shows_food_and_drink_and_spend_per_head(qtbot, stocked,
                                                                open_console):  # noqa: F811
    from kiosk.domain.menu import Order
    from kiosk.services.models import Payment
    from tests.factories import CASHIER, MANAGER

    cashier = stocked.auth.sign_in(*CASHIER)
    hold = stocked.booking.hold(cashier, "show-future", ["F1", "F2"])
    stocked.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"))
    stocked.items.sell(cashier, "cin-test", [Order("cola-m", 2)], Payment("card", card_last4="4242"))
    window = open_console(stocked.auth.sign_in(*MANAGER))
    screen = window.show_page("dashboard")
    screen.show_today()  # the test world's day (the FakeClock's)
    assert screen.tiles["food"].value.text() == format_money(46_000 - 7_017, "INR")  # tax 18 %: 70.17
    assert screen.tiles["food"].detail.text() == "₹230.00 per ticket sold"  # 460.00 / 2 tickets
    items = screen.breakdowns["food_by_item"]
    assert [r[0] for r in items.model.rows] == ["Soft drink (Medium)"]
    qtbot.waitUntil(lambda: screen.tiles["food"].width() > 50, timeout=WAIT_MS)
    _shot(window, "manager-dashboard-food")
    tenders = screen.breakdowns["by_tender"]  # tickets and food alike, by tender
    assert [(r[0], r[3]) for r in tenders.model.rows] == [("card", 120_000 + 46_000)]
    screen.tabs.setCurrentWidget(tenders)
    qtbot.waitUntil(lambda: tenders.table.isVisible(), timeout=WAIT_MS)
    _shot(window, "manager-dashboard-tenders")

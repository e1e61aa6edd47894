"""Issue 12 point 3 on the screens: a voucher's code typed in the counter basket's code field
(or on the self-service promo panel) frees the dearest ticket, or adds its item at no charge,
each shown as its own line; the sale is charged what the screen showed."""

from __future__ import annotations

from kiosk.domain.vouchers import display_code
from kiosk.store.db import transaction
from kiosk.store.menu_store import replace_menu
from tests.factories import MANAGER
from tests.ui.conftest import WAIT_MS
from tests.ui.test_counter_food import _shot, _to_basket
from tests.ui.test_selfservice import click, hold_seats, to_seats
from tests.ui.test_selfservice import make_kiosk as make_kiosk  # noqa: F401 - the fixture
from tests.ui.test_selfservice_offers import _pay_and_leave_contact
from tests.unit.test_menu import CIN, small_menu


def _issue(services, kind="ticket", item=""):
    if kind == "item":  # the cinema sells food (self-service then offers snacks after tickets)
        with transaction(services.deps.conn):
            replace_menu(services.deps.conn, small_menu(), {"pop-l": (10, 3)}, "t")
    manager = services.auth.sign_in(*MANAGER)
    return services.vouchers.issue(manager, CIN, kind, 1, item=item)[0]


def test_the_counter_takes_a_comp_and_a_free_popcorn_voucher(driver, qtbot, services):
    comp = _issue(services)
    popcorn = _issue(services, "item", "pop-l=1:salted")
    basket = _to_basket(driver, qtbot)
    sale = driver.mode.session.sale
    basket.promo_edit.setText(display_code(comp.code))
    driver.click(basket.promo_button)
    qtbot.waitUntil(lambda: sale.quote.total_minor == 250_00, timeout=WAIT_MS)
    assert "Complimentary ticket" in basket.discounts_label.text()
    assert "-₹250.00" in basket.discounts_label.text()
    _shot(basket.window(), "counter-basket-voucher")
    basket.promo_edit.setText(popcorn.code)
    driver.click(basket.promo_button)
    qtbot.waitUntil(lambda: sale.quote.total_minor == 500_00, timeout=WAIT_MS)
    assert "Free Popcorn (Large), Salted   ₹0.00" in basket.discounts_label.text()
    driver.click(basket.pay_button)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    driver.click(payment.card_button)
    payment.card_last4.setText("4242")
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    food = services.items.for_booking(sale.booking.booking_id)
    assert [ln.total_minor for ln in food.lines] == [0]
    assert services.vouchers.get(popcorn.code).state == "used"
    assert services.vouchers.get(comp.code).state == "issued"  # replaced before the sale


def test_self_service_takes_a_comp_voucher(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    comp = _issue(services)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "D5", "D6")
    click(qtbot, kiosk.seats.continue_button)
    tickets = kiosk.tickets
    click(qtbot, tickets.promo_button)
    tickets.promo_panel.keyboard.type_text(comp.code.lower())
    click(qtbot, tickets.promo_panel.apply_button)
    assert tickets.quote.total_minor == 250_00 and "Complimentary ticket" in tickets.total.text()
    _shot(kiosk, "selfservice-tickets-voucher")
    click(qtbot, tickets.continue_button)
    _pay_and_leave_contact(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.saleCompleted, timeout=10000) as done:
        click(qtbot, kiosk.review.confirm_button)
    assert done.args[0].total_minor == 250_00
    assert services.vouchers.get(comp.code).state == "used"

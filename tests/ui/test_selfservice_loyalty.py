"""Issue 12 point 5 on self-service: a customer types their mobile number on the ticket screen,
is found (or joins, free), pays member prices and the sale earns them points. The screen never
shows the number's owner; points are not spent at the self-service kiosk."""

from __future__ import annotations

from kiosk.store.db import transaction
from kiosk.store.offer_store import save_offer
from tests.ui.test_selfservice import click, hold_seats, to_seats
from tests.ui.test_selfservice import make_kiosk as make_kiosk  # noqa: F401 - the fixture
from tests.ui.test_selfservice_offers import _pay_and_leave_contact, _shot
from tests.unit.test_offers import offer


def _type(qtbot, panel, text: str) -> None:
    for ch in text:
        click(qtbot, panel.keyboard.key_button(ch))


def test_a_customer_joins_at_the_kiosk_pays_member_prices_and_earns(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    with transaction(services.deps.conn):
        save_offer(services.deps.conn, offer("member", name="Member price", value=10,
                                             members_only=True))
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "D5", "D6")
    click(qtbot, kiosk.seats.continue_button)
    tickets = kiosk.tickets
    assert tickets.quote.total_minor == 50_000 and tickets.member_button.text() == "Member?"
    click(qtbot, tickets.member_button)
    panel = tickets.member_panel
    assert panel.isVisible() and not tickets.continue_button.isEnabled()
    _type(qtbot, panel, "9876543210")
    click(qtbot, panel.find_button)
    assert "not a member yet" in panel.message.text() and panel.join_button.isVisible()
    _shot(kiosk, "selfservice-member-join")
    click(qtbot, panel.join_button)
    assert not panel.isVisible() and tickets.member_button.text() == "Member ✓ · earning points"
    assert tickets.quote.total_minor == 45_000 and "Member price" in tickets.total.text()
    _shot(kiosk, "selfservice-tickets-member")
    click(qtbot, tickets.continue_button)
    _pay_and_leave_contact(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.saleCompleted, timeout=10000) as done:
        click(qtbot, kiosk.review.confirm_button)
    booking = done.args[0]
    assert booking.total_minor == 45_000 and booking.points_earned == 45
    assert booking.member_phone == "+919876543210"
    assert services.loyalty.find("9876543210", "INR").points == 45
    qtbot.waitUntil(lambda: "You earned 45 points." in kiosk.done.details.text(), timeout=5000)
    _shot(kiosk, "selfservice-done-member")


def test_a_bad_number_is_said_on_the_panel_and_cancel_goes_back(qtbot, make_kiosk, config):
    kiosk, _services = make_kiosk(config)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "D7")
    click(qtbot, kiosk.seats.continue_button)
    tickets = kiosk.tickets
    click(qtbot, tickets.member_button)
    _type(qtbot, tickets.member_panel, "123")
    click(qtbot, tickets.member_panel.find_button)
    assert "not a mobile number" in tickets.member_panel.message.text()
    click(qtbot, tickets.member_panel.cancel_button)
    assert not tickets.member_panel.isVisible() and tickets.continue_button.isEnabled()
    assert tickets.member is None

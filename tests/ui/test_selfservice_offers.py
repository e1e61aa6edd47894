"""Issue 12 point 4 on self-service: the cinema's automatic offers apply by themselves, each named
with what it takes off on the ticket screen and on the review, and the card is charged the
discounted total."""

from __future__ import annotations

import os

from kiosk.store.db import transaction
from kiosk.store.offer_store import save_offer
from tests.ui.test_selfservice import click, hold_seats, to_seats
from tests.ui.test_selfservice import make_kiosk as make_kiosk  # noqa: F401 - the fixture
from tests.unit.test_offers import offer


def _shot(widget, name: str) -> None:
    folder = os.environ.get("KIOSK_SHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, f"{name}.png"))


def test_an_automatic_offer_is_named_and_charged(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    with transaction(services.deps.conn):  # the test world's show is on a Wednesday
        save_offer(services.deps.conn, offer("wed", name="Wednesday saver", kind="price",
                                             value=15_000, weekdays="wed"))
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "D5", "D6")
    click(qtbot, kiosk.seats.continue_button)
    assert kiosk.tickets.quote.total_minor == 30_000
    assert "Wednesday saver  -₹200.00" in kiosk.tickets.total.text()
    _shot(kiosk, "selfservice-tickets-offer")
    click(qtbot, kiosk.tickets.continue_button)
    assert kiosk.current_name() == "pay" and kiosk.pay.to_pay.text() == "₹300.00"
    click(qtbot, kiosk.pay.terminal.tap_button)
    qtbot.waitUntil(lambda: kiosk.pay.continue_button.isEnabled(), timeout=5000)
    click(qtbot, kiosk.pay.continue_button)
    for ch in "asha@example.com":
        click(qtbot, kiosk.contact.keyboard.key_button(ch))
    click(qtbot, kiosk.contact.continue_button)
    assert kiosk.current_name() == "review"
    assert "Wednesday saver" in " ".join(
        w.text() for w in kiosk.review.findChildren(type(kiosk.tickets.total)))
    assert kiosk.review.confirm_button.text() == "Pay ₹300.00 and confirm"
    _shot(kiosk, "selfservice-review-offer")
    with qtbot.waitSignal(kiosk.saleCompleted, timeout=10000) as done:
        click(qtbot, kiosk.review.confirm_button)
    booking = done.args[0]
    assert booking.total_minor == 30_000
    assert [(d.label, d.amount_minor) for d in booking.discounts] == [("Wednesday saver", 20_000)]

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


def _pay_and_leave_contact(qtbot, kiosk) -> None:
    """From the pay screen to the review: a card tapped, an email typed."""
    click(qtbot, kiosk.pay.terminal.tap_button)
    qtbot.waitUntil(lambda: kiosk.pay.continue_button.isEnabled(), timeout=5000)
    click(qtbot, kiosk.pay.continue_button)
    for ch in "asha@example.com":
        click(qtbot, kiosk.contact.keyboard.key_button(ch))
    click(qtbot, kiosk.contact.continue_button)


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
    _pay_and_leave_contact(qtbot, kiosk)
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


def test_a_promo_code_typed_on_the_touchscreen(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    with transaction(services.deps.conn):
        save_offer(services.deps.conn, offer("kids", name="Kids half price", value=50,
                                             code="KIDS50", ticket_types=["child"]))
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "D5", "D6")
    click(qtbot, kiosk.seats.continue_button)
    tickets = kiosk.tickets
    click(qtbot, tickets.promo_button)
    assert tickets.promo_panel.isVisible() and not tickets.continue_button.isEnabled()
    tickets.promo_panel.keyboard.type_text("kids50")
    _shot(kiosk, "selfservice-promo-keyboard")
    click(qtbot, tickets.promo_panel.apply_button)  # two adults: the code does not apply
    assert "does not apply" in tickets.error.text() and tickets.promo == ""
    assert tickets.quote.total_minor == 50_000 and tickets.continue_button.isEnabled()
    click(qtbot, tickets.findChild(type(tickets.promo_button), "type_D6_child"))
    click(qtbot, tickets.promo_button)
    tickets.promo_panel.keyboard.type_text("kids50")
    click(qtbot, tickets.promo_panel.apply_button)
    assert tickets.promo.upper() == "KIDS50"
    assert tickets.quote.total_minor == 25_000 + 8_750
    assert "Kids half price" in tickets.total.text() and not tickets.error.text()
    _shot(kiosk, "selfservice-promo-applied")
    click(qtbot, tickets.continue_button)
    assert kiosk.pay.to_pay.text() == "₹337.50"
    _pay_and_leave_contact(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.saleCompleted, timeout=10000) as done:
        click(qtbot, kiosk.review.confirm_button)
    booking = done.args[0]
    assert booking.total_minor == 33_750
    assert [d.code for d in booking.discounts] == ["KIDS50"]


def test_the_promo_panel_reads_in_telugu(qtbot, make_kiosk, config):
    from kiosk.ui import i18n

    kiosk, _services = make_kiosk(config)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "D5")
    click(qtbot, kiosk.seats.continue_button)
    i18n.language_manager().set_language("te")
    try:
        qtbot.waitUntil(lambda: kiosk.tickets.promo_button.text() == "ప్రోమో కోడ్", timeout=5000)
        click(qtbot, kiosk.tickets.promo_button)
        panel = kiosk.tickets.promo_panel
        assert (panel.prompt.text(), panel.apply_button.text()) == (
            "మీ ప్రోమో కోడ్ లేదా వోచర్ కోడ్ టైప్ చేయండి", "కోడ్ వర్తింపజేయి")
        assert kiosk.tickets.total.text().startswith("మొత్తం")
        _shot(kiosk, "selfservice-promo-te")
    finally:
        i18n.language_manager().set_language("en")

"""Issue 12 point 1 on self-service: after the tickets, "Add a snack?" (combos first), skipped in
one tap or added to the one card payment; a cinema with no menu goes straight to payment."""

from __future__ import annotations

from kiosk.store.db import transaction
from kiosk.store.menu_store import replace_menu
from tests.ui.test_selfservice import click, hold_seats, to_seats
from tests.ui.test_selfservice import make_kiosk as make_kiosk  # noqa: F401 - the fixture
from tests.unit.test_menu import small_menu


def _with_menu(services, stock=None):
    conn = services.deps.conn
    with transaction(conn):
        replace_menu(conn, small_menu(), stock or {"pop-l": (10, 3), "cola-m": (5, 2)},
                     "2026-11-25T10:00:00+00:00")


def _to_snacks(qtbot, kiosk):
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "D5", "D6")
    click(qtbot, kiosk.seats.continue_button)
    click(qtbot, kiosk.tickets.continue_button)


def _pay_and_confirm(qtbot, kiosk):
    click(qtbot, kiosk.pay.terminal.tap_button)
    qtbot.waitUntil(lambda: kiosk.pay.continue_button.isEnabled(), timeout=5000)
    click(qtbot, kiosk.pay.continue_button)
    click(qtbot, kiosk.contact.skip_button)
    assert kiosk.current_name() == "review"
    click(qtbot, kiosk.review.confirm_button)
    qtbot.waitUntil(lambda: kiosk.current_name() == "done", timeout=5000)


def test_a_combo_is_added_to_the_one_card_payment(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    _with_menu(services)
    _to_snacks(qtbot, kiosk)
    assert kiosk.current_name() == "snacks"
    combo = "classic"
    assert list(kiosk.snacks.tiles)[0] == combo  # combos first
    assert all(t.height() >= 56 for t in kiosk.snacks.tiles.values())  # touch targets
    click(qtbot, kiosk.snacks.tiles[combo])
    click(qtbot, kiosk.snacks.tiles[combo])
    click(qtbot, kiosk.snacks.minus[combo])
    assert kiosk.snacks.counts == {combo: 1}
    kiosk.grab().save("/tmp/shots/selfservice_snacks.png")
    click(qtbot, kiosk.snacks.continue_button)
    assert kiosk.current_name() == "pay"
    tickets = kiosk.sale.ticket_quote.total_minor
    food = services.items.quote("cin-test", kiosk.snacks.orders()).total_minor
    assert kiosk.sale.quote.total_minor == tickets + food
    _pay_and_confirm(qtbot, kiosk)
    booking = kiosk.sale.booking
    sale = services.items.for_booking(booking.booking_id)
    assert sale is not None and [ln.qty for ln in sale.lines] == [1]
    assert sale.total_minor == food and booking.total_minor == tickets
    assert [t.kind for t in sale.tenders] == ["card"]  # self-service: the card paid both
    assert f"collect them at the food counter with {sale.reference}" in kiosk.done.details.text()
    assert services.items.get(booking.reference.lower()).sale_id == sale.sale_id  # at the stand


def test_no_thanks_skips_in_one_tap_and_back_returns_to_the_snacks(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    _with_menu(services)
    _to_snacks(qtbot, kiosk)
    click(qtbot, kiosk.snacks.skip_button)
    assert kiosk.current_name() == "pay" and kiosk.sale.items == []
    assert kiosk.sale.quote.total_minor == kiosk.sale.ticket_quote.total_minor
    click(qtbot, kiosk.pay.header.back)
    assert kiosk.current_name() == "snacks"


def test_sold_out_is_said_on_the_snacks_step_and_nothing_is_charged(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    _with_menu(services, {"pop-l": (0, 0), "cola-m": (0, 0)})
    _to_snacks(qtbot, kiosk)
    click(qtbot, kiosk.snacks.tiles["classic"])
    click(qtbot, kiosk.snacks.continue_button)
    assert kiosk.current_name() == "snacks"
    assert kiosk.snacks.error.text()
    assert services.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 0


def test_a_cinema_without_a_menu_goes_straight_to_payment(qtbot, make_kiosk, config):
    kiosk, _services = make_kiosk(config)
    _to_snacks(qtbot, kiosk)
    assert kiosk.current_name() == "pay"
    click(qtbot, kiosk.pay.header.back)
    assert kiosk.current_name() == "tickets"

"""The self-service touchscreen driven by taps, offscreen, over the small test world."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QApplication, QLineEdit, QWidget

from kiosk.services.app import open_services
from kiosk.store.db import transaction
from kiosk.ui.bridge import Bridge
from kiosk.ui.selfservice import SelfServiceWidget
from tests.factories import make_world

MIN_TOUCH = 48


@pytest.fixture
def make_kiosk(qtbot, tmp_path, clock):
    """Build a self-service widget over a fresh test world; ``make_kiosk(idle_s=...)``."""
    made = []

    def build(config, idle_s: float = 90.0, gate=None):
        config = replace(config, self_service_idle_s=idle_s)
        services = open_services(config, clock=clock, gate=gate)
        services.world = make_world(services.deps.db, clock)
        bridge = Bridge(services)
        widget = SelfServiceWidget(services, bridge, config)
        qtbot.addWidget(widget)
        widget.resize(1366, 900)
        widget.show()
        qtbot.waitExposed(widget)
        made.append((widget, bridge, services))
        return widget, services

    yield build
    for widget, bridge, services in made:
        widget.shutdown()
        bridge.wait_idle(5000)
        services.close()


def decode_qr(pixmap) -> str:
    """Read a QR code off a pixmap the way a scanner would (zxing-cpp)."""
    import zxingcpp
    from PySide6.QtGui import QImage

    image = pixmap.toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = bytes(image.constBits())
    rows = b"".join(raw[y * stride: y * stride + width] for y in range(height))
    results = zxingcpp.read_barcodes(memoryview(rows).cast("B", (height, width)))
    assert results, "no QR code found"
    return results[0].text


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tap_seat(qtbot, kiosk: SelfServiceWidget, code: str) -> None:
    view = kiosk.seats.view
    pos: QPoint = view.seat_viewport_pos(code)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def to_seats(qtbot, kiosk: SelfServiceWidget) -> None:
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert kiosk.current_name() == "films"
    click(qtbot, kiosk.films.tile_for("The Test Pattern"))
    assert kiosk.current_name() == "shows"
    click(qtbot, kiosk.shows.cards()[0])
    assert kiosk.current_name() == "count"  # how many tickets? (issue 13)
    click(qtbot, kiosk.count.pick_button)  # these tests pick their seats one by one
    assert kiosk.current_name() == "seats"


def hold_seats(qtbot, kiosk: SelfServiceWidget, *codes: str) -> None:
    for code in codes:
        tap_seat(qtbot, kiosk, code)
    qtbot.waitUntil(lambda: kiosk.sale.hold is not None and set(kiosk.sale.hold.seats) == set(codes)
                    and not kiosk.seats.is_busy(), timeout=5000)


def to_review(qtbot, kiosk: SelfServiceWidget, contact_keys: str = "asha@example.com") -> None:
    click(qtbot, kiosk.seats.continue_button)
    assert kiosk.current_name() == "tickets"
    click(qtbot, kiosk.tickets.continue_button)
    assert kiosk.current_name() == "pay"
    click(qtbot, kiosk.pay.terminal.tap_button)
    qtbot.waitUntil(lambda: kiosk.pay.continue_button.isEnabled(), timeout=5000)
    click(qtbot, kiosk.pay.continue_button)
    assert kiosk.current_name() == "contact"
    for ch in contact_keys:
        click(qtbot, kiosk.contact.keyboard.key_button(ch))
    click(qtbot, kiosk.contact.continue_button)
    assert kiosk.current_name() == "review"


def test_complete_sale_by_taps(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "D5", "D6")
    assert "D5, D6" in kiosk.seats.selection.text()
    assert kiosk.seats.header.countdown.text()  # the hold countdown is visible

    click(qtbot, kiosk.seats.continue_button)
    child = kiosk.tickets.findChild(QAbstractButton, "type_D6_child")
    click(qtbot, child)
    quote = kiosk.tickets.quote
    assert [line.ticket_type for line in quote.lines] == ["adult", "child"]
    assert quote.total_minor == 25000 + 17500
    click(qtbot, kiosk.tickets.continue_button)

    assert kiosk.pay.to_pay.text() == "₹425.00"
    assert "Tap, insert or swipe" in kiosk.pay.terminal.prompt.text()
    click(qtbot, kiosk.pay.terminal.insert_button)
    qtbot.waitUntil(lambda: kiosk.pay.last4 is not None, timeout=5000)
    last4 = kiosk.pay.last4
    assert len(last4) == 4 and last4.isdigit()
    click(qtbot, kiosk.pay.continue_button)

    for ch in "asha@example.com":
        click(qtbot, kiosk.contact.keyboard.key_button(ch))
    assert kiosk.contact.entry.text() == "asha@example.com"
    click(qtbot, kiosk.contact.continue_button)
    assert kiosk.current_name() == "review"
    assert kiosk.review.confirm_button.text() == "Pay ₹425.00 and confirm"

    with qtbot.waitSignal(kiosk.saleCompleted, timeout=10000) as done:
        click(qtbot, kiosk.review.confirm_button)
        assert not kiosk.review.confirm_button.isEnabled()  # disabled while confirming
    booking = done.args[0]
    assert kiosk.current_name() == "done"
    assert kiosk.done.reference.text() == booking.reference
    assert decode_qr(kiosk.done.qr.pixmap()) == booking.ticket_code  # what the door scans
    assert booking.reference in booking.ticket_code

    row = services.deps.conn.execute(
        "SELECT channel, customer_contact, card_last4, payment_method, total_minor FROM bookings "
        "WHERE reference = ?", (booking.reference,)).fetchone()
    assert tuple(row) == ("self-service", "asha@example.com", last4, "card", 42500)
    sold = {r[0] for r in services.deps.conn.execute(
        "SELECT seat_code FROM seat_sales WHERE booking_id = ?", (booking.booking_id,))}
    assert sold == {"D5", "D6"}
    assert services.deps.conn.execute("SELECT COUNT(*) FROM holds").fetchone()[0] == 0
    # no full card number anywhere: only the four digits were ever handed over
    audit = " ".join(r[0] for r in services.deps.conn.execute("SELECT detail FROM audit"))
    assert all(len(chunk) < 12 for chunk in audit.split() if chunk.strip('",{}:').isdigit())

    click(qtbot, kiosk.done.done_button)
    assert kiosk.current_name() == "attract"


def test_double_tap_on_confirm_books_once(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "C3")
    to_review(qtbot, kiosk)
    button = kiosk.review.confirm_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.current_name() == "done", timeout=10000)
    kiosk.bridge.wait_idle(5000)
    assert services.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 1


def test_idle_timeout_asks_then_releases_hold_and_returns_to_attract(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config, idle_s=1.0)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "D7", "D8")
    assert services.deps.conn.execute("SELECT COUNT(*) FROM holds").fetchone()[0] == 2
    qtbot.waitUntil(lambda: kiosk.prompt.isVisible(), timeout=5000)
    assert kiosk.prompt.question.text() == "Are you still there?"
    qtbot.waitUntil(lambda: kiosk.current_name() == "attract", timeout=5000)
    kiosk.bridge.wait_idle(5000)
    assert services.deps.conn.execute("SELECT COUNT(*) FROM holds").fetchone()[0] == 0
    assert kiosk.sale.hold is None


def test_answering_the_idle_prompt_keeps_the_sale(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config, idle_s=1.0)
    kiosk.prompt._seconds = 5.0  # a long enough answer window for a slow machine
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "D7")
    qtbot.waitUntil(lambda: kiosk.prompt.isVisible(), timeout=5000)
    click(qtbot, kiosk.prompt.here_button)
    assert not kiosk.prompt.isVisible()
    assert kiosk.current_name() == "seats"
    assert services.deps.conn.execute("SELECT COUNT(*) FROM holds").fetchone()[0] == 1


def test_taken_seat_shows_a_plain_message(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    other = services.auth.self_service_actor()
    services.booking.hold(replace(other, kiosk_id="KIOSK-2"), "show-future", ["D5"])
    to_seats(qtbot, kiosk)
    tap_seat(qtbot, kiosk, "D5")
    assert kiosk.seats.message.text() == "Seat D5 is taken. Please choose another."
    assert kiosk.sale.hold is None


def test_seat_taken_between_map_and_tap_is_refused_plainly(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    to_seats(qtbot, kiosk)
    other = services.auth.self_service_actor()
    services.booking.hold(replace(other, kiosk_id="KIOSK-2"), "show-future", ["D5"])
    tap_seat(qtbot, kiosk, "D5")  # the map still shows D5 free
    qtbot.waitUntil(lambda: not kiosk.seats.is_busy(), timeout=5000)
    assert "D5" in kiosk.seats.message.text() and "taken" in kiosk.seats.message.text()
    assert kiosk.sale.hold is None


def test_best_seats_and_untapping(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    to_seats(qtbot, kiosk)
    best = kiosk.seats.map.best  # the seat map panel's own "best N together" control
    click(qtbot, best.plus)
    assert best.count.value() == 3
    click(qtbot, best.find)
    qtbot.waitUntil(lambda: kiosk.sale.hold is not None and len(kiosk.sale.hold.seats) == 3,
                    timeout=5000)
    first = kiosk.sale.hold.seats[0]
    tap_seat(qtbot, kiosk, first)
    qtbot.waitUntil(lambda: kiosk.sale.hold is not None and len(kiosk.sale.hold.seats) == 2,
                    timeout=5000)
    rows = services.deps.conn.execute("SELECT seat_code FROM holds").fetchall()
    assert {r[0] for r in rows} == set(kiosk.sale.hold.seats)


@pytest.mark.parametrize("mode,typed", [("email", "asha@"), ("email", "asha@example"),
                                        ("phone", "12345"), ("phone", "5123456789")])
def test_invalid_contact_is_refused_with_a_message(qtbot, make_kiosk, config, mode, typed):
    kiosk, _ = make_kiosk(config)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "B2")
    click(qtbot, kiosk.seats.continue_button)
    click(qtbot, kiosk.tickets.continue_button)
    click(qtbot, kiosk.pay.terminal.tap_button)
    qtbot.waitUntil(lambda: kiosk.pay.continue_button.isEnabled(), timeout=5000)
    click(qtbot, kiosk.pay.continue_button)
    if mode == "phone":
        click(qtbot, kiosk.contact.phone_mode)
        assert kiosk.contact.keyboard.mode() == "phone"
    for ch in typed:
        click(qtbot, kiosk.contact.keyboard.key_button(ch))
    click(qtbot, kiosk.contact.continue_button)
    assert kiosk.current_name() == "contact"
    assert "does not look right" in kiosk.contact.error.text()


def test_phone_contact_is_normalised_and_stored(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "B3")
    click(qtbot, kiosk.seats.continue_button)
    click(qtbot, kiosk.tickets.continue_button)
    click(qtbot, kiosk.pay.terminal.swipe_button)
    qtbot.waitUntil(lambda: kiosk.pay.continue_button.isEnabled(), timeout=5000)
    click(qtbot, kiosk.pay.continue_button)
    click(qtbot, kiosk.contact.phone_mode)
    for ch in "98765432100":
        click(qtbot, kiosk.contact.keyboard.key_button(ch))
    click(qtbot, kiosk.contact.keyboard.key_button("⌫"))
    click(qtbot, kiosk.contact.continue_button)
    assert kiosk.current_name() == "review"
    with qtbot.waitSignal(kiosk.saleCompleted, timeout=10000):
        click(qtbot, kiosk.review.confirm_button)
    contact = services.deps.conn.execute("SELECT customer_contact FROM bookings").fetchone()[0]
    assert contact == "+919876543210"


def test_start_again_releases_the_hold(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "C4")
    click(qtbot, kiosk.seats.continue_button)
    click(qtbot, kiosk.tickets.header.cancel)
    assert kiosk.current_name() == "attract"
    kiosk.bridge.wait_idle(5000)
    assert services.deps.conn.execute("SELECT COUNT(*) FROM holds").fetchone()[0] == 0


def test_filters_narrow_the_films(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    services.deps.db["films"].insert({"id": "film-2", "title": "Second Reel", "language": "Telugu",
                                      "genres": json.dumps(["Action"]), "certificate": "U",
                                      "runtime_min": 100})
    services.deps.db["shows"].insert({"id": "show-2", "film_id": "film-2", "hall_id": "hall-test",
                                      "starts_at": "2026-11-26T09:00:00+00:00",
                                      "price_list_id": "pl-test"})
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert {t.film["title"] for t in kiosk.films.tiles()} == {"The Test Pattern", "Second Reel"}
    kiosk.films.groups["language"].pick("Telugu")  # the drop-down box, as a tap in its list
    assert [t.film["title"] for t in kiosk.films.tiles()] == ["Second Reel"]
    kiosk.films.groups["language"].pick("All languages")
    kiosk.films.groups["genre"].pick("Drama")
    assert [t.film["title"] for t in kiosk.films.tiles()] == ["The Test Pattern"]
    click(qtbot, kiosk.films.groups["day"].chip("Tomorrow"))
    assert [t.film["title"] for t in kiosk.films.tiles()] == ["The Test Pattern"]
    click(qtbot, kiosk.films.clear_button)
    assert len(kiosk.films.tiles()) == 2


def _too_small(root: QWidget) -> list[str]:
    bad = []
    checked = 0
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not isinstance(
                widget, (QAbstractButton, QLineEdit, QAbstractSpinBox)):
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox):
            continue  # a spin box's inner editor: the spin box itself is the target
        checked += 1
        if widget.width() < MIN_TOUCH or widget.height() < MIN_TOUCH:
            text = widget.text() if hasattr(widget, "text") else ""
            bad.append(f"{type(widget).__name__} {widget.objectName()!r} {text!r} "
                       f"{widget.width()}x{widget.height()}")
    assert checked > 0, "no touch targets found: the walk is broken"
    return bad


def test_every_touch_target_is_at_least_48_px_on_every_screen(qtbot, make_kiosk, config):
    kiosk, _ = make_kiosk(config)
    seen = {}

    def check() -> None:
        QApplication.processEvents()
        name = kiosk.current_name()
        seen[name] = _too_small(kiosk.stack.currentWidget())

    check()
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "D3")
    check()
    click(qtbot, kiosk.seats.continue_button)
    check()
    click(qtbot, kiosk.tickets.continue_button)
    check()
    click(qtbot, kiosk.pay.terminal.tap_button)
    qtbot.waitUntil(lambda: kiosk.pay.continue_button.isEnabled(), timeout=5000)
    click(qtbot, kiosk.pay.continue_button)
    check()
    click(qtbot, kiosk.contact.phone_mode)
    check()
    click(qtbot, kiosk.contact.skip_button)
    check()
    with qtbot.waitSignal(kiosk.saleCompleted, timeout=10000):
        click(qtbot, kiosk.review.confirm_button)
    check()
    kiosk.prompt.start()
    QApplication.processEvents()
    seen["idle prompt"] = _too_small(kiosk.prompt)
    kiosk.prompt.stop()
    for name in ("films", "shows"):
        kiosk.show_screen(name)
        check()
    assert set(seen) >= {"attract", "films", "shows", "seats", "tickets", "pay", "contact",
                         "review", "done", "idle prompt"}
    assert {name: bad for name, bad in seen.items() if bad} == {}


@pytest.fixture
def english_afterwards(qapp):
    from PySide6.QtCore import QCoreApplication, QEvent

    # windows that earlier tests closed with deleteLater must not see this language change
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    yield
    from kiosk.ui.i18n import language_manager

    language_manager().set_language("en")


def test_language_buttons_switch_the_visible_text(qtbot, make_kiosk, config, english_afterwards):
    kiosk, _ = make_kiosk(config)
    assert kiosk.attract.start_button.text() == "Touch to start"
    click(qtbot, kiosk.attract.language_buttons["hi"])  # Qt posts LanguageChange events
    qtbot.waitUntil(lambda: kiosk.attract.start_button.text() == "शुरू करने के लिए छुएँ")
    assert kiosk.attract.language_hint.text() == "अपनी भाषा चुनें"
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert kiosk.films.header.title.text() == "फ़िल्म चुनें"
    assert "हिन्दी" in kiosk.films.groups["language"].texts()  # catalogue words are translated
    click(qtbot, kiosk.films.header.cancel)
    click(qtbot, kiosk.attract.language_buttons["te"])
    qtbot.waitUntil(lambda: kiosk.attract.start_button.text() == "ప్రారంభించడానికి తాకండి")
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert kiosk.films.header.title.text() == "సినిమా ఎంచుకోండి"
    assert kiosk.films.count_label.text() == "1 సినిమా ప్రదర్శనలో ఉంది"
    click(qtbot, kiosk.films.header.cancel)
    click(qtbot, kiosk.attract.language_buttons["en"])
    qtbot.waitUntil(lambda: kiosk.attract.start_button.text() == "Touch to start")
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert kiosk.films.count_label.text() == "1 film showing"  # English plural forms


def test_hold_running_out_sends_the_customer_back_to_the_map(qtbot, make_kiosk, config, clock):
    kiosk, services = make_kiosk(config)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "E3")
    click(qtbot, kiosk.seats.continue_button)
    assert kiosk.current_name() == "tickets"
    assert kiosk.tickets.header.countdown.text() == "Seats held for 5:00"
    clock.advance(minutes=3, seconds=30)
    qtbot.waitUntil(lambda: kiosk.tickets.header.countdown.text() == "Seats held for 1:30")
    clock.advance(minutes=2)
    qtbot.waitUntil(lambda: kiosk.current_name() == "seats", timeout=5000)
    assert "time ran out" in kiosk.seats.message.text()
    assert kiosk.sale.hold is None
    assert not kiosk.seats.continue_button.isEnabled()


def test_print_ticket_sends_the_booking_to_the_ticket_printer(qtbot, make_kiosk, config,
                                                               monkeypatch):
    tickets = pytest.importorskip("kiosk.tickets")
    printed = []

    def fake_print(data, **options):
        printed.append((data, options))
        return True

    monkeypatch.setattr(tickets, "print_ticket", fake_print, raising=False)
    kiosk, _ = make_kiosk(config)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "C7", "C8")
    to_review(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.saleCompleted, timeout=10000) as done:
        click(qtbot, kiosk.review.confirm_button)
    click(qtbot, kiosk.done.print_button)
    (data, options), = printed
    assert data.reference == done.args[0].reference
    assert [seat.code for seat in data.seats] == ["C7", "C8"]
    assert options["silent"] is True  # never a print dialog in front of a customer
    assert "Printing your ticket" in kiosk.done.print_status.text()
    assert not kiosk.done.print_button.isEnabled()  # one tap, one ticket


def test_moving_forward_renews_the_hold(qtbot, make_kiosk, config, clock):
    kiosk, services = make_kiosk(config)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "E4")
    click(qtbot, kiosk.seats.continue_button)
    first_expiry = kiosk.sale.hold.expires_at
    clock.advance(minutes=4)
    click(qtbot, kiosk.tickets.continue_button)  # to payment: the customer is still at it
    qtbot.waitUntil(lambda: kiosk.sale.hold.expires_at > first_expiry, timeout=5000)
    assert kiosk.sale.hold.expires_at - clock.now() >= timedelta(minutes=4, seconds=59)
    stored = services.deps.conn.execute("SELECT expires_at FROM holds").fetchone()[0]
    assert stored == kiosk.sale.hold.expires_at.isoformat(timespec="seconds")
    qtbot.waitUntil(lambda: kiosk.pay.header.countdown.text() == "Seats held for 5:00")


def test_hold_expired_at_confirm_charges_nothing_and_returns_to_the_map(qtbot, make_kiosk,
                                                                       config, clock):
    kiosk, services = make_kiosk(config)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "D9")
    to_review(qtbot, kiosk)
    kiosk.bridge.wait_idle(5000)  # the renewals on the way
    with transaction(services.deps.conn) as conn:  # housekeeping elsewhere dropped the hold
        conn.execute("DELETE FROM holds")
    click(qtbot, kiosk.review.confirm_button)
    qtbot.waitUntil(lambda: kiosk.current_name() == "seats", timeout=10000)
    assert "Your card was not charged." in kiosk.seats.message.text()
    assert services.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 0
    assert kiosk.sale.hold is None


def test_hold_running_out_on_the_review_screen_goes_back_to_the_map(qtbot, make_kiosk, config,
                                                                   clock):
    kiosk, services = make_kiosk(config)
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "D10")
    to_review(qtbot, kiosk)
    kiosk.bridge.wait_idle(5000)
    clock.advance(minutes=6)
    qtbot.waitUntil(lambda: kiosk.current_name() == "seats", timeout=5000)
    assert "time ran out" in kiosk.seats.message.text()
    assert services.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 0


def test_high_contrast_restyles_the_kiosk_and_its_seat_map(qtbot, make_kiosk, config):
    from PySide6.QtGui import QColor

    from kiosk.ui.theme import ThemeManager

    theme = ThemeManager.instance()
    if theme is None or theme.parent() is not QApplication.instance():
        theme = ThemeManager(QApplication.instance())
    theme.set_theme("normal")
    kiosk, _ = make_kiosk(config)
    try:
        to_seats(qtbot, kiosk)
        theme.set_theme("high-contrast")
        assert "#ffff00" in kiosk.styleSheet()
        view = kiosk.seats.view
        assert view.palette_in_use.name == "high-contrast"
        click(qtbot, kiosk.seats.header.cancel)
        kiosk.attract.set_animated(False)
        image = kiosk.grab().toImage()
        assert QColor(image.pixel(5, 5)).name() == "#000000"  # attract background
        theme.set_theme("normal")
        assert "#ffff00" not in kiosk.styleSheet()
        assert QColor(kiosk.grab().toImage().pixel(5, 5)).name() != "#000000"
    finally:
        theme.set_theme("normal")


class OfflineGate:
    """Offline with only two seats allocated to this kiosk."""

    def claim_hold(self, hold) -> None:
        return None

    def release_hold(self, hold) -> None:
        return None

    def offline_sellable(self, show_id: str) -> frozenset[str]:
        return frozenset({"C5", "C6"})


def test_offline_only_allocated_seats_sell_and_others_say_why(qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config, gate=OfflineGate())
    to_seats(qtbot, kiosk)
    tap_seat(qtbot, kiosk, "D5")
    assert kiosk.seats.message.text() == (
        "Seat D5 cannot be sold from this kiosk right now. Please choose another.")
    assert kiosk.sale.hold is None
    hold_seats(qtbot, kiosk, "C5")


@pytest.fixture
def kiosk_window(qtbot, qapp, services, config):
    """The real main window in self-service mode over the test world."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from kiosk.ui.app import build_ui

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    ui = build_ui(services, config, app=qapp, install_hooks=False, mode="self-service")
    qtbot.addWidget(ui.window)
    ui.window.resize(1366, 860)
    ui.window.show()
    qtbot.waitExposed(ui.window)
    yield ui
    if ui.languages is not None:
        ui.languages.set_language("en")
    ui.window.close()
    ui.shutdown()


def test_in_the_main_window_a_language_tap_rebuilds_the_kiosk_in_that_language(
        qtbot, kiosk_window):
    window = kiosk_window.window
    first = window.mode_widget
    assert isinstance(first, SelfServiceWidget)
    click(qtbot, first.attract.language_buttons["te"])
    qtbot.waitUntil(lambda: window.mode_widget is not first, timeout=5000)
    kiosk = window.mode_widget
    assert isinstance(kiosk, SelfServiceWidget)
    qtbot.waitUntil(lambda: kiosk.attract.start_button.text() == "ప్రారంభించడానికి తాకండి")
    assert kiosk.attract.language_buttons["te"].isChecked()


def test_leaving_self_service_mode_releases_the_customers_seats(qtbot, kiosk_window, services):
    window = kiosk_window.window
    kiosk = window.mode_widget
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, "B7", "B8")
    window.set_mode("counter")
    kiosk_window.bridge.wait_idle(5000)
    assert services.deps.conn.execute("SELECT COUNT(*) FROM holds").fetchone()[0] == 0


def test_any_key_or_touch_anywhere_resets_the_idle_timer(qtbot, make_kiosk, config):
    kiosk, _ = make_kiosk(config, idle_s=2.0)
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    watcher = kiosk.idle_watcher
    assert watcher.is_active()
    elsewhere = QLineEdit()  # a widget outside the kiosk: the filter is application-wide
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    qtbot.waitUntil(lambda: watcher.remaining_ms() < 1500, timeout=5000)
    qtbot.keyClick(elsewhere, Qt.Key.Key_A)
    assert watcher.remaining_ms() > 1800
    qtbot.waitUntil(lambda: watcher.remaining_ms() < 1500, timeout=5000)
    qtbot.mouseClick(elsewhere, Qt.MouseButton.LeftButton)
    assert watcher.remaining_ms() > 1800
    assert not kiosk.prompt.isVisible()
    click(qtbot, kiosk.films.header.cancel)
    assert not watcher.is_active()  # the attract screen never times out


def test_a_seat_tap_still_in_flight_when_the_sale_is_abandoned_is_given_back(
        qtbot, make_kiosk, config):
    kiosk, services = make_kiosk(config)
    to_seats(qtbot, kiosk)
    kiosk.bridge._lock.acquire()  # hold the worker so the tap is still in flight
    try:
        tap_seat(qtbot, kiosk, "B4")
        assert kiosk.seats.is_busy()
        click(qtbot, kiosk.seats.header.cancel)  # the customer gives up at once
        assert kiosk.current_name() == "attract"
    finally:
        kiosk.bridge._lock.release()
    qtbot.waitUntil(lambda: not kiosk.bridge.is_busy(), timeout=5000)
    kiosk.bridge.wait_idle(5000)
    qtbot.waitUntil(lambda: services.deps.conn.execute(
        "SELECT COUNT(*) FROM holds").fetchone()[0] == 0, timeout=5000)
    assert kiosk.sale.hold is None


def test_enter_on_a_kiosk_keypad_starts_from_the_attract_screen(qtbot, make_kiosk, config):
    kiosk, _ = make_kiosk(config)
    qtbot.keyClick(kiosk.attract, Qt.Key.Key_Return)
    assert kiosk.current_name() == "films"


def test_a_kiosk_of_one_cinema_sells_only_its_shows_and_asks_how_many_first(qtbot, make_kiosk,
                                                                              config):
    """Issue 13 point 6: locked to its cinema; "how many tickets?" before the seat map, which
    then opens with the best seats for the party held."""
    kiosk, services = make_kiosk(replace(config, cinema_id="cin-test"))
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert kiosk.films.groups["city"].isHidden() and kiosk.films.groups["cinema"].isHidden()
    assert kiosk.films.query().cinema_id == "cin-test"
    click(qtbot, kiosk.films.tile_for("The Test Pattern"))
    click(qtbot, kiosk.shows.cards()[0])
    assert kiosk.current_name() == "count"
    assert "The Test Pattern" in kiosk.count.show_line.text()
    if os.environ.get("KIOSK_SHOTS"):
        kiosk.grab().save(os.path.join(os.environ["KIOSK_SHOTS"], "selfservice-count.png"))
    click(qtbot, kiosk.count.buttons[3])
    assert kiosk.current_name() == "seats"
    qtbot.waitUntil(lambda: kiosk.sale.hold is not None and len(kiosk.sale.hold.seats) == 3,
                    timeout=10000)
    held = services.deps.conn.execute("SELECT COUNT(*) FROM holds").fetchone()[0]
    assert held == 3

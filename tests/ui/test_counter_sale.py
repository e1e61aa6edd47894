"""Counter mode, end to end by clicks and keys: sign-in, shift, finder, seats, basket, payment,
ticket; refusals (wrong PIN, seat taken); a double tap on Confirm."""

from __future__ import annotations

import shutil
import subprocess

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.domain.money import format_money
from kiosk.services.models import Payment, SeatStatus
from tests.factories import issue_gift_card

WAIT = 10_000


def decode_qr(pixmap) -> str:
    """What a scanner reads from the on-screen QR preview (zxing-cpp on the rendered pixels)."""
    import zxingcpp
    from PySide6.QtGui import QImage

    image = pixmap.toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = bytes(image.constBits())[: stride * height]
    rows = b"".join(raw[y * stride: y * stride + width] for y in range(height))
    results = zxingcpp.read_barcodes(memoryview(rows).cast("B", (height, width)))
    return results[0].text if results else ""


def count(services, sql: str, *params) -> int:
    return services.deps.conn.execute(sql, params).fetchone()[0]


def test_sign_in_by_keypad_then_open_shift(driver, services):
    driver.sign_in("1001", "1234")
    driver.wait_screen("shift_open")
    assert driver.mode.session.actor.staff_number == "1001"
    assert "Asha" in driver.mode.topbar.staff_label.text()

    driver.open_shift("2500.50")
    shift = driver.mode.session.shift
    assert shift is not None and shift.float_minor == 250050
    assert count(services, "SELECT COUNT(*) FROM shifts WHERE closed_at IS NULL") == 1
    finder = driver.screen("finder")
    assert finder.model.rowCount() == 2  # the past show is not offered
    assert finder.model.show_at(0).show_id == "show-future"  # today first


def test_wrong_pin_shows_a_message_and_stays_on_sign_in(driver, qtbot):
    driver.sign_in("1001", "9999")
    panel = driver.screen("signin").panel
    qtbot.waitUntil(lambda: panel.message.text() not in ("", "Checking…"), timeout=WAIT)
    assert driver.mode.current_name() == "signin"
    assert driver.mode.session.actor is None
    assert panel.pin_field.text() == ""  # a wrong PIN is never left in the field
    assert "Traceback" not in panel.message.text()


def test_cash_sale_by_taps_best_n_basket_and_ticket_pdf(driver, qtbot, services, tmp_path):
    driver.start()
    driver.open_show()
    seats = driver.screen("seats")

    driver.tap_seat("C3")
    qtbot.waitUntil(lambda: driver.held_seats() == ("C3",), timeout=WAIT)
    assert driver.seat_status("C3") == SeatStatus.HELD_BY_ME
    driver.tap_seat("C4")
    qtbot.waitUntil(lambda: set(driver.held_seats()) == {"C3", "C4"}, timeout=WAIT)
    driver.tap_seat("C3")  # a second tap gives the seat back
    qtbot.waitUntil(lambda: driver.held_seats() == ("C4",), timeout=WAIT)
    assert driver.seat_status("C3") == SeatStatus.FREE

    # best 3 together replaces the hand-picked selection
    best_controls = getattr(seats.panel, "best", None)
    if best_controls is not None:  # the seat-map panel's own "Best N together" controls
        driver.click(best_controls.plus)
        assert best_controls.count.value() == 3
        driver.click(best_controls.find)
    else:
        seats.panel.bestRequested.emit(3, False)
    qtbot.waitUntil(lambda: len(driver.held_seats()) == 3, timeout=WAIT)
    best = driver.held_seats()
    assert len({code.rstrip("0123456789") for code in best}) == 1  # one row
    held_rows = count(services, "SELECT COUNT(*) FROM holds")
    assert held_rows == 3

    driver.click(seats.continue_button)
    driver.wait_screen("basket")
    basket = driver.screen("basket")
    first = sorted(best, key=lambda c: int(c[1:]))[0]
    combo = basket.combos[first]
    combo.setCurrentIndex(combo.findData("child"))
    quote = driver.mode.session.sale.quote
    assert {line.ticket_type for line in quote.lines} == {"adult", "child"}
    assert quote.total_minor == sum(line.price_minor for line in quote.lines)
    assert format_money(quote.total_minor, "INR") in basket.total_label.text()

    driver.click(basket.pay_button)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    big_note = next(b for b in payment.quick_buttons if b.objectName() != "quickCashExact")
    driver.click(big_note)
    tendered = payment.tendered_minor()
    assert tendered > quote.total_minor
    change = format_money(tendered - quote.total_minor, "INR")
    assert change in payment.change_label.text()

    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    booking = driver.mode.session.sale.booking
    assert booking.total_minor == quote.total_minor
    assert booking.change_minor == tendered - quote.total_minor
    ticket = driver.screen("ticket")
    assert ticket.reference.text() == booking.reference
    assert change in ticket.change.text()
    assert count(services, "SELECT COUNT(*) FROM seat_sales WHERE booking_id = ?",
                 booking.booking_id) == 3
    assert count(services, "SELECT COUNT(*) FROM holds") == 0

    # the preview scans, and is the reference signed with this installation's key
    from kiosk.domain.ticket_codes import verify

    scanned = decode_qr(ticket.qr.pixmap())
    assert scanned == booking.ticket_code
    assert verify(scanned, booking.show.cinema_id, services.deps.ticket_ring()) == booking.reference

    path = ticket.save_ticket_pdf(tmp_path / "ticket.pdf")
    assert path is not None and path.is_file() and path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert booking.reference in text
    receipt = ticket.save_receipt_pdf(tmp_path / "receipt.pdf")
    assert receipt is not None and receipt.is_file()

    driver.click(ticket.new_sale_button)  # one tap back to the finder
    driver.wait_screen("finder")
    assert driver.mode.session.sale.booking is None


def test_double_tap_on_confirm_makes_one_booking(driver, qtbot, services):
    driver.start()
    driver.open_show()
    driver.tap_seat("D5")
    qtbot.waitUntil(lambda: driver.held_seats() == ("D5",), timeout=WAIT)
    qtbot.keyClick(driver.screen("seats"), Qt.Key.Key_Return)
    driver.wait_screen("basket")
    qtbot.keyClick(driver.screen("basket"), Qt.Key.Key_Return)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    driver.click(payment.card_button)
    qtbot.keyClicks(payment.card_last4, "4242")
    qtbot.mouseClick(payment.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(payment.confirm_button, Qt.MouseButton.LeftButton)  # the nervous double tap
    payment.confirm()  # and Enter on the keypad at the same moment
    driver.wait_screen("ticket")
    driver.wait_idle()
    assert payment.confirm_calls == 1
    assert count(services, "SELECT COUNT(*) FROM bookings") == 1
    assert count(services, "SELECT COUNT(*) FROM seat_sales") == 1
    assert driver.mode.session.sale.booking.card_last4 == "4242"


def test_cash_short_keeps_confirm_disabled(driver, qtbot):
    driver.start()
    driver.open_show()
    driver.tap_seat("B2")
    qtbot.waitUntil(lambda: driver.held_seats() == ("B2",), timeout=WAIT)
    driver.click(driver.screen("seats").continue_button)
    driver.click(driver.screen("basket").pay_button)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    driver.keypad_type(payment.keypad, "100")
    assert "Short by" in payment.change_label.text()
    assert not payment.confirm_button.isEnabled()
    payment.keypad.press("enter")  # Enter does not sneak past the check
    assert driver.mode.current_name() == "payment"
    assert payment.message.text()


def test_unavailable_tap_and_seat_taken_meanwhile(driver, qtbot, services, ui_config, clock):
    """A seat sold elsewhere shows as sold; one taken between refreshes is refused plainly."""
    from kiosk.services.app import open_services

    driver.start()
    other = open_services(ui_config.with_overrides(kiosk_id="OTHER-KIOSK"), clock=clock)
    try:
        actor = other.auth.sign_in("1002", "2345")
        hold = other.booking.hold(actor, "show-future", ["E1"])
        other.booking.confirm(actor, hold.hold_id, {"E1": "adult"},
                              Payment(method="card", card_last4="1111"))
        driver.open_show()
        assert driver.seat_status("E1") == SeatStatus.SOLD
        driver.tap_seat("E1")
        qtbot.waitUntil(lambda: "E1" in driver.mode.banner.text(), timeout=WAIT)
        assert driver.held_seats() == ()

        # Another kiosk holds E2 while our map has not refreshed yet.
        driver.ui.bridge.stop_watching()
        other.booking.hold(actor, "show-future", ["E2"])
        assert driver.seat_status("E2") == SeatStatus.FREE  # stale on purpose
        driver.tap_seat("E2")
        qtbot.waitUntil(lambda: driver.seat_status("E2") == SeatStatus.HELD, timeout=WAIT)
        assert "E2" in driver.mode.banner.text()
        assert driver.mode.banner.kind() == "error"
        assert driver.held_seats() == ()
    finally:
        other.close()


def test_map_follows_a_sale_committed_by_another_connection(driver, qtbot, ui_config, clock):
    from kiosk.services.app import open_services

    driver.start()
    driver.open_show()
    assert driver.seat_status("F2") == SeatStatus.FREE
    other = open_services(ui_config.with_overrides(kiosk_id="OTHER-KIOSK"), clock=clock)
    try:
        actor = other.auth.sign_in("1002", "2345")
        hold = other.booking.hold(actor, "show-future", ["F2"])
        other.booking.confirm(actor, hold.hold_id, {"F2": "adult"},
                              Payment(method="card", card_last4="2222"))
    finally:
        other.close()
    qtbot.waitUntil(lambda: driver.seat_status("F2") == SeatStatus.SOLD, timeout=WAIT)


def test_an_unexpected_service_failure_is_shown_calmly(driver, qtbot, services, monkeypatch):
    driver.start()
    driver.open_show()

    def broken(*_args, **_kwargs):
        raise RuntimeError("database exploded")

    monkeypatch.setattr(services.booking, "hold", broken)
    driver.tap_seat("C7")
    qtbot.waitUntil(lambda: driver.mode.banner.kind() == "error", timeout=WAIT)
    text = driver.mode.banner.text()
    assert "data is safe" in text
    assert "exploded" not in text and "Traceback" not in text
    assert driver.held_seats() == ()
    assert driver.mode.current_name() == "seats"


def test_ctrl_p_prints_the_tickets(driver, qtbot, services, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    driver.start()
    driver.open_show()
    driver.tap_seat("D9")
    qtbot.waitUntil(lambda: driver.held_seats() == ("D9",), timeout=WAIT)
    driver.click(driver.screen("seats").continue_button)
    driver.click(driver.screen("basket").pay_button)
    payment = driver.screen("payment")
    driver.click(payment.quick_buttons[0])  # exact cash
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    ticket = driver.screen("ticket")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    ticket.printer = printer
    qtbot.keyClick(ticket.new_sale_button, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    assert driver.mode.banner.kind() == "ok"
    assert driver.mode.current_name() == "ticket"

    printer.setOutputFileName(str(tmp_path / "receipt.pdf"))
    driver.click(ticket.print_receipt_button)
    assert (tmp_path / "receipt.pdf").read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "receipt.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "D9" in text


def test_f5_refreshes_the_map(driver, qtbot, ui_config, clock):
    from kiosk.services.app import open_services

    driver.start()
    driver.open_show()
    driver.ui.bridge.stop_watching()  # no live updates: only F5 can show the change
    other = open_services(ui_config.with_overrides(kiosk_id="OTHER-KIOSK"), clock=clock)
    try:
        actor = other.auth.sign_in("1002", "2345")
        other.booking.hold(actor, "show-future", ["C9"])
    finally:
        other.close()
    assert driver.seat_status("C9") == SeatStatus.FREE
    qtbot.keyClick(driver.screen("seats"), Qt.Key.Key_F5)
    assert driver.seat_status("C9") == SeatStatus.HELD


def test_a_held_seat_sold_elsewhere_is_dropped_with_a_message(driver, qtbot, ui_config):
    """The sync worker pulls a sale made elsewhere on a seat we hold (a cloud conflict)."""
    import sqlite3

    driver.start()
    driver.open_show()
    driver.tap_seat("D7")
    qtbot.waitUntil(lambda: driver.held_seats() == ("D7",), timeout=WAIT)
    driver.tap_seat("D8")
    qtbot.waitUntil(lambda: set(driver.held_seats()) == {"D7", "D8"}, timeout=WAIT)
    other = sqlite3.connect(ui_config.db_path)
    try:
        with other:
            other.execute("INSERT INTO remote_seats (show_id, seat_code, state, booking_id, "
                          "kiosk_id, pulled_at) VALUES ('show-future', 'D8', 'sold', 'web-1', "
                          "'WEB', '2026-11-25T12:00:00+00:00')")
    finally:
        other.close()
    qtbot.waitUntil(lambda: driver.held_seats() == ("D7",), timeout=WAIT)
    assert "D8" in driver.mode.banner.text() and driver.mode.banner.kind() == "error"
    assert driver.seat_status("D8") == SeatStatus.SOLD
    assert driver.seat_status("D7") == SeatStatus.HELD_BY_ME


def test_split_payment_part_card_rest_cash(driver, qtbot, services):
    """Issue 11: the cashier takes part on a card, adds it, and the rest in cash with change."""
    from pathlib import Path

    driver.start()
    driver.open_show()
    for code in ("B1", "B2"):
        driver.tap_seat(code)
    qtbot.waitUntil(lambda: set(driver.held_seats()) == {"B1", "B2"}, timeout=WAIT)
    driver.click(driver.screen("seats").continue_button)
    driver.click(driver.screen("basket").pay_button)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    due = payment.due_minor  # 500.00
    driver.click(payment.card_button)
    assert payment.part_box.isVisible()
    qtbot.keyClicks(payment.card_last4, "4242")
    qtbot.keyClicks(payment.part_amount, "300")
    assert not payment.confirm_button.isEnabled()  # 300 of 500 on the card does not cover it
    driver.click(payment.add_part_button)
    assert payment.remaining_minor == due - 30000
    assert "4242" in payment.parts_label.text() and "200.00" in payment.remaining_label.text()
    assert payment.cash_button.isChecked()  # the rest goes to cash next
    driver.click(payment.quick_buttons[1])  # the next round note above 200.00
    assert "Change due" in payment.change_label.text()
    Path("/tmp/shots").mkdir(parents=True, exist_ok=True)
    payment.window().grab().save("/tmp/shots/payment_split.png")
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    booking = driver.mode.session.sale.booking
    assert booking.payment_method == "split"
    assert [(t.kind, t.amount_minor) for t in booking.tenders] == [("card", 30000),
                                                                  ("cash", due - 30000)]
    assert booking.tenders[1].change_minor == booking.tenders[1].tendered_minor - (due - 30000)
    assert count(services, "SELECT COUNT(*) FROM booking_tenders WHERE booking_id = ?",
                 booking.booking_id) == 2
    driver.screen("ticket").window().grab().save("/tmp/shots/ticket_split.png")


def test_gift_card_part_then_upi_and_a_whole_gift_card_payment(driver, qtbot, services):
    """Issues 11 and 12: a gift card is a tender at the counter (F11): part of a split, or the
    whole; what it holds shows as soon as its code is typed."""
    from kiosk.domain.giftcards import display_code

    first = issue_gift_card(services, 15_000)
    second = issue_gift_card(services, 50_000)
    driver.start()
    driver.open_show()
    for code in ("B1", "B2"):
        driver.tap_seat(code)
    qtbot.waitUntil(lambda: set(driver.held_seats()) == {"B1", "B2"}, timeout=WAIT)
    driver.click(driver.screen("seats").continue_button)
    driver.click(driver.screen("basket").pay_button)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    due = payment.due_minor
    qtbot.keyClick(payment, Qt.Key.Key_F11)
    assert payment.voucher_button.isChecked() and payment.part_box.isVisible()
    assert payment.pages.currentWidget().isAncestorOf(payment.voucher_code)
    assert not payment.confirm_button.isEnabled()  # no code yet
    qtbot.keyClicks(payment.voucher_code, "GC 1234 5678")
    assert payment.gift_card_status.text() == ""  # not whole yet: nothing to say
    qtbot.keyClicks(payment.voucher_code, " 9016")
    assert not payment.add_part_button.isEnabled()  # a mistyped digit
    assert "wrong digit" in payment.gift_card_status.text()
    payment.voucher_code.clear()
    qtbot.keyClicks(payment.voucher_code, display_code(first).lower())
    assert "Holds ₹150.00" in payment.gift_card_status.text()
    driver.click(payment.add_part_button)  # no amount typed: it pays what it holds
    assert first[-4:] in payment.parts_label.text() and first[2:10] not in \
        payment.parts_label.text()
    driver.click(payment.upi_button)
    qtbot.keyClicks(payment.upi_reference, "4105 2233 9876")
    # with a part payment listed, the UPI page still fits: Confirm is on screen, not scrolled off
    QApplication.processEvents()  # let the layout settle (the page grows on the next pass)
    QApplication.processEvents()
    button = payment.confirm_button
    assert button.visibleRegion().boundingRect().height() == button.height()
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    booking = driver.mode.session.sale.booking
    assert [(t.kind, t.amount_minor, t.reference) for t in booking.tenders] == [
        ("voucher", 15000, first), ("upi", due - 15000, "410522339876")]
    assert services.gift_cards.balance(first).balance_minor == 0

    driver.click(driver.screen("ticket").new_sale_button)
    driver.open_show()
    driver.tap_seat("C1")
    qtbot.waitUntil(lambda: set(driver.held_seats()) == {"C1"}, timeout=WAIT)
    driver.click(driver.screen("seats").continue_button)
    driver.click(driver.screen("basket").pay_button)
    driver.wait_screen("payment")
    driver.click(payment.voucher_button)
    qtbot.keyClicks(payment.voucher_code, second)
    assert "Holds ₹500.00" in payment.gift_card_status.text()
    payment.window().grab().save("/tmp/shots/payment_gift_card.png")
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    booking = driver.mode.session.sale.booking
    assert booking.payment_method == "voucher"
    assert [(t.kind, t.reference) for t in booking.tenders] == [("voucher", second)]
    assert services.gift_cards.balance(second).balance_minor == 50_000 - booking.total_minor
    assert count(services, "SELECT COUNT(*) FROM booking_tenders WHERE kind = 'voucher'") == 2

"""The counter's thermal printer (issue 13 point 4): tickets and receipt print by themselves
after the sale, the drawer opens for cash; a printer that is down loses nothing and the sale
prints later."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest

WAIT = 10_000
QR_STORE, CUT, DRAWER = b"\x1d(k", b"\x1dV", b"\x1bp"


@pytest.fixture
def printer_file(tmp_path):
    return tmp_path / "printer.bin"


@pytest.fixture
def ui_config(config, printer_file):
    return replace(config, kiosk_id="TEST-COUNTER", thermal_printer=f"file:{printer_file}")


def _cash_sale(driver, qtbot, seats):
    driver.start()
    driver.open_show()
    for seat in seats:
        driver.tap_seat(seat)
    qtbot.waitUntil(lambda: set(driver.held_seats()) == set(seats), timeout=WAIT)
    driver.click(driver.screen("seats").continue_button)
    driver.click(driver.screen("basket").pay_button)
    payment = driver.screen("payment")
    driver.click(payment.quick_buttons[0])  # exact cash
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    return driver.screen("ticket")


def test_a_cash_sale_prints_one_ticket_per_seat_the_receipt_and_opens_the_drawer(
        driver, qtbot, services, printer_file):
    ticket = _cash_sale(driver, qtbot, ["E5", "E6"])
    qtbot.waitUntil(lambda: "printed" in ticket.output_label.text(), timeout=WAIT)
    sent = printer_file.read_bytes()
    booking = ticket.booking
    assert sent.count(QR_STORE) >= 2 and sent.count(booking.ticket_code.encode()) == 2
    assert sent.count(CUT) == 3 and sent.count(DRAWER) == 1  # 2 tickets + the receipt
    assert "2 tickets and the receipt printed. Cash drawer opened." in ticket.output_label.text()
    assert services.printing.prints(booking.booking_id) == 1
    printer_file.write_bytes(b"")
    ticket.print_action()  # Ctrl+P: a reprint, tickets only, audited
    qtbot.waitUntil(lambda: "printed again" in ticket.output_label.text(), timeout=WAIT)
    again = printer_file.read_bytes()
    assert again.count(CUT) == 2 and DRAWER not in again
    assert services.deps.conn.execute(
        "SELECT COUNT(*) FROM audit WHERE action = 'tickets.reprint'").fetchone()[0] == 1


def test_a_printer_that_is_down_loses_nothing_and_the_sale_prints_later(
        driver, qtbot, services, printer_file):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    services.deps.config = replace(services.deps.config,
                                   thermal_printer=f"tcp://127.0.0.1:{port}")
    ticket = _cash_sale(driver, qtbot, ["E7"])
    qtbot.waitUntil(lambda: "Not printed" in ticket.output_label.text(), timeout=WAIT)
    assert driver.mode.banner.kind() == "error"
    assert "not answering" in driver.mode.banner.text() and "Reprint" in driver.mode.banner.text()
    booking = ticket.booking
    conn = services.deps.conn
    assert conn.execute("SELECT state FROM bookings WHERE id = ?",
                        (booking.booking_id,)).fetchone()[0] == "confirmed"
    assert services.printing.prints(booking.booking_id) == 0
    services.deps.config = replace(services.deps.config,
                                   thermal_printer=f"file:{printer_file}")
    ticket.print_action()  # the printer is back: the sale's first print, with its receipt
    qtbot.waitUntil(lambda: "receipt printed" in ticket.output_label.text(), timeout=WAIT)
    assert printer_file.read_bytes().count(DRAWER) == 1


def test_the_ticket_preview_shows_the_printed_ticket(driver, qtbot, services):
    ticket = _cash_sale(driver, qtbot, ["E8"])
    ticket.preview()
    dialog = ticket.preview_dialog
    qtbot.addWidget(dialog)
    picture = dialog.findChild(type(ticket.reference), "ticketPreviewImage")
    assert picture.pixmap().width() == 640  # 80 mm at 8 dots per mm, as the printer prints
    from tests.ui.test_counter_sale import decode_qr

    assert decode_qr(picture.pixmap()) == ticket.booking.ticket_code
    import os

    if os.environ.get("KIOSK_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["KIOSK_SHOTS"], "ticket-preview.png"))
    dialog.close()

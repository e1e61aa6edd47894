"""Self-service with a thermal printer (issue 13 point 4): the tickets print by themselves after
payment ("Take your tickets below"); a printer that is down tells the customer the booking is
safe and how to get in."""

from __future__ import annotations

import os
import socket
from dataclasses import replace

from tests.ui.test_selfservice import click, hold_seats, make_kiosk, to_review, to_seats

__all__ = ["make_kiosk"]  # the fixture, used by name


def _buy(qtbot, kiosk, *seats):
    to_seats(qtbot, kiosk)
    hold_seats(qtbot, kiosk, *seats)
    to_review(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.saleCompleted, timeout=10000) as done:
        click(qtbot, kiosk.review.confirm_button)
    return done.args[0]


def test_tickets_print_by_themselves_and_cannot_be_printed_twice_by_a_customer(
        qtbot, make_kiosk, config, tmp_path):
    printer = tmp_path / "printer.bin"
    kiosk, services = make_kiosk(replace(config, thermal_printer=f"file:{printer}"))
    booking = _buy(qtbot, kiosk, "D5", "D6")
    qtbot.waitUntil(lambda: kiosk.done.print_status.text() == "Take your tickets below.",
                    timeout=10000)
    sent = printer.read_bytes()
    assert sent.count(booking.ticket_code.encode()) == 2 and b"\x1bp" not in sent  # no drawer
    assert not kiosk.done.print_button.isEnabled()
    kiosk.print_ticket()  # a second tap somehow: nothing more printed
    assert printer.read_bytes() == sent and services.printing.prints(booking.booking_id) == 1
    if os.environ.get("KIOSK_SHOTS"):
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        kiosk.grab().save(os.path.join(os.environ["KIOSK_SHOTS"], "selfservice-printed.png"))


def test_a_printer_that_is_down_tells_the_customer_the_booking_is_safe(qtbot, make_kiosk,
                                                                       config):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    kiosk, services = make_kiosk(replace(config, thermal_printer=f"tcp://127.0.0.1:{port}"))
    booking = _buy(qtbot, kiosk, "D7")
    qtbot.waitUntil(lambda: "not working" in kiosk.done.print_status.text(), timeout=10000)
    assert booking.reference in kiosk.done.print_status.text()
    assert kiosk.done.print_button.isEnabled()  # try again once the printer is back
    assert services.deps.conn.execute("SELECT state FROM bookings WHERE id = ?",
                                      (booking.booking_id,)).fetchone()[0] == "confirmed"
    if os.environ.get("KIOSK_SHOTS"):
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        kiosk.grab().save(os.path.join(os.environ["KIOSK_SHOTS"], "selfservice-printer-down.png"))

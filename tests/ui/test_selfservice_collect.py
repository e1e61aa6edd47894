"""Self-service "Collect tickets" (issue 13 point 1): find by phone or reference, print once."""

from __future__ import annotations

import os
from dataclasses import replace

from kiosk.services.models import Payment
from tests.ui.test_selfservice import click, make_kiosk

__all__ = ["make_kiosk"]


def _shot(kiosk, name):
    if os.environ.get("KIOSK_SHOTS"):
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        kiosk.grab().save(os.path.join(os.environ["KIOSK_SHOTS"], name))


def _choice(qtbot, kiosk, reference):
    """The found booking's button, once shown (a widget added to a visible screen shows at the
    next turn of the event loop; the first search's button may still await deletion)."""
    def shown():
        return [b for b in kiosk.collect.findChildren(type(kiosk.collect.find_button),
                                                      f"collect_{reference}") if b.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=10000)
    return shown()[0]


def test_collect_by_phone_prints_once(qtbot, make_kiosk, config, tmp_path):
    printer = tmp_path / "printer.bin"
    kiosk, services = make_kiosk(replace(config, thermal_printer=f"file:{printer}"))
    cashier = services.auth.sign_in("1001", "1234")
    hold = services.booking.hold(cashier, "show-future", ["E1", "E2"])
    booking = services.booking.confirm(cashier, hold.hold_id, {},
                                       Payment("card", card_last4="4242"),
                                       contact="98765 43210")
    kiosk.go_attract()
    click(qtbot, kiosk.attract.collect_button)
    assert kiosk.current_name() == "collect"
    _shot(kiosk, "selfservice-collect.png")
    kiosk.collect.entry.setText("+91 98765 43210")
    click(qtbot, kiosk.collect.find_button)
    choice = _choice(qtbot, kiosk, booking.reference)
    _shot(kiosk, "selfservice-collect-found.png")
    click(qtbot, choice)
    # found by a phone number: the reference's end proves it is the customer's booking
    qtbot.waitUntil(lambda: "last 4 characters" in kiosk.collect.message.text(), timeout=10000)
    assert kiosk.current_name() == "collect" and not printer.exists()
    _shot(kiosk, "selfservice-collect-proof.png")
    kiosk.collect.entry.setText(booking.reference[-4:])
    click(qtbot, kiosk.collect.find_button)
    qtbot.waitUntil(lambda: kiosk.current_name() == "done", timeout=10000)
    assert kiosk.done.print_status.text() == "Take your tickets below."
    assert printer.read_bytes().count(booking.ticket_code.encode()) == 2
    kiosk.start_collect()  # the same customer, again
    kiosk.collect.entry.setText(booking.reference)
    click(qtbot, kiosk.collect.find_button)
    click(qtbot, _choice(qtbot, kiosk, booking.reference))
    qtbot.waitUntil(lambda: "already collected" in kiosk.collect.message.text(), timeout=10000)
    assert printer.read_bytes().count(booking.ticket_code.encode()) == 2  # not printed again
    _shot(kiosk, "selfservice-collect-refused.png")


def test_nothing_found_is_said_plainly(qtbot, make_kiosk, config):
    kiosk, _services = make_kiosk(config)
    kiosk.start_collect()
    kiosk.collect.entry.setText("ZZZZ-ZZZZ")
    click(qtbot, kiosk.collect.find_button)
    qtbot.waitUntil(lambda: "No booking found" in kiosk.collect.message.text(), timeout=10000)
    assert kiosk.collect.found == []

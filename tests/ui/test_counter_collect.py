"""Counter F7 "Collect" (issue 13 point 1): find by reference or phone, print once; a second
collection is refused with where and when, a cashier cannot reprint it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from kiosk.services.models import Payment

WAIT = 10_000


@pytest.fixture
def printer_file(tmp_path):
    return tmp_path / "printer.bin"


@pytest.fixture
def ui_config(config, printer_file):
    return replace(config, kiosk_id="TEST-COUNTER", thermal_printer=f"file:{printer_file}")


def test_f7_collects_a_booking_once(driver, qtbot, services, printer_file):
    seller = services.auth.sign_in("1002", "2345")
    hold = services.booking.hold(seller, "show-future", ["F7", "F8"])
    booking = services.booking.confirm(seller, hold.hold_id, {}, Payment("card", card_last4="1111"),
                                       contact="asha@example.com")
    driver.start()
    qtbot.keyClick(driver.mode, Qt.Key.Key_F7)
    driver.wait_screen("collect")
    collect = driver.screen("collect")
    collect.entry.setText("Asha@Example.com")
    collect.find()
    qtbot.waitUntil(lambda: collect.results.count() == 1, timeout=WAIT)  # looked up on the worker
    assert collect.results.count() == 1 and booking.reference in collect.results.item(0).text()
    collect.collect()
    qtbot.waitUntil(lambda: "printed" in collect.message.text(), timeout=WAIT)
    import os

    if os.environ.get("KIOSK_SHOTS"):
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        collect.window().grab().save(os.path.join(os.environ["KIOSK_SHOTS"],
                                                  "counter-collect.png"))
    assert printer_file.read_bytes().count(booking.ticket_code.encode()) == 2
    collect.entry.setText(booking.reference)
    collect.find()
    qtbot.waitUntil(lambda: collect.results.count() == 1, timeout=WAIT)
    collect.collect()
    qtbot.waitUntil(lambda: "already collected at TEST-COUNTER" in collect.message.text(),
                    timeout=WAIT)
    collect.collect(reprint=True)  # a cashier: refused in the service
    qtbot.waitUntil(lambda: "manager" in collect.message.text().lower(), timeout=WAIT)
    assert printer_file.read_bytes().count(booking.ticket_code.encode()) == 2

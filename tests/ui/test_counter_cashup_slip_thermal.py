"""The cash-up slip on the counter's thermal printer (issue 14 defect 9): printed by itself
once the shift is closed, through the same ESC/POS path as the tickets, and audited."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

WAIT = 10_000


@pytest.fixture
def printer_file(tmp_path):
    return tmp_path / "printer.bin"


@pytest.fixture
def ui_config(config, printer_file):
    return replace(config, kiosk_id="TEST-COUNTER", thermal_printer=f"file:{printer_file}")


def test_the_slip_prints_on_the_thermal_printer_after_the_close(driver, qtbot, services,
                                                                printer_file):
    driver.sign_in()
    driver.open_shift("500")
    qtbot.keyClick(driver.screen("finder").search, Qt.Key.Key_F9)
    driver.wait_screen("shift_close")
    screen = driver.screen("shift_close")
    screen.grid.fields["note:50000"].setText("1")
    driver.click(screen.review)
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == 1, timeout=WAIT)
    driver.click(screen.action)
    qtbot.waitUntil(lambda: "printed" in screen.slip_note.text(), timeout=WAIT)
    sent = printer_file.read_bytes()
    assert b"CASH-UP" in sent and b"Rs.500 note x 1" in sent and b"\x1dV" in sent
    assert screen.print_slip.isVisible() and screen.slip_path is None  # no PDF needed
    printer_file.write_bytes(b"")
    driver.click(screen.print_slip)  # once more, for the manager's folder
    qtbot.waitUntil(lambda: printer_file.read_bytes().count(b"CASH-UP") == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: services.deps.conn.execute(
        "SELECT COUNT(*) FROM audit WHERE action = 'cashup.slip'").fetchone()[0] == 2,
        timeout=WAIT)

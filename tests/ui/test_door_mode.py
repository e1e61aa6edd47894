"""Door mode (issue 13 point 2): the usher signs in, names the door, scans; the screen answers
green ADMIT or red with the reason, and a second scan of one ticket is refused."""

from __future__ import annotations

import os

import pytest

from kiosk.services.models import Payment

WAIT = 10_000


@pytest.fixture
def door_ui(qtbot, qapp, services, ui_config):
    from dataclasses import replace

    from tests.ui.conftest import close_ui, open_ui

    ui = open_ui(qtbot, qapp, services, replace(ui_config, kiosk_id="DOOR-1", mode="door"),
                 "door")
    yield ui
    close_ui(ui)


def _sell(services, seats):
    cashier = services.auth.sign_in("1001", "1234")
    hold = services.booking.hold(cashier, "show-future", seats)
    return services.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"))


def _shot(widget, name):
    if os.environ.get("KIOSK_SHOTS"):
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()  # the layout of the new answer, as the screen shows it
        widget.window().grab().save(os.path.join(os.environ["KIOSK_SHOTS"], name))


def _sign_in(qtbot, mode):
    panel = mode.signin
    panel.staff_field.setText("1002")
    panel.pin_field.setText("2345")
    panel.submit()
    qtbot.waitUntil(lambda: mode.scan_screen is not None, timeout=WAIT)
    return mode.scan_screen


def _scan(qtbot, screen, text):
    with qtbot.waitSignal(screen.scanned, timeout=WAIT) as done:
        qtbot.keyClicks(screen.scan_field, text)
        qtbot.keyClick(screen.scan_field, "\r")
    return done.args[0]


def test_scan_admits_then_refuses_the_same_ticket(qtbot, door_ui, services, clock):
    from PySide6.QtCore import Qt

    booking = _sell(services, ["C5", "C6"])
    clock.advance(hours=2, minutes=45)
    mode = door_ui.window.mode_widget
    screen = _sign_in(qtbot, mode)
    assert screen.result.headline.text() == "Name this door"
    _shot(screen, "door-ready.png")
    screen.door_name.setText("Door 2")
    screen.scan_field.setFocus()
    first = _scan(qtbot, screen, booking.ticket_code)
    assert first.admitted and screen.result.state == "admit"
    assert screen.result.headline.text() == "ADMIT 2"
    assert "C5, C6" in screen.result.detail.text() and "Screen 1" in screen.result.detail.text()
    assert screen.count_label.text() == "Admitted today: 2"
    _shot(screen, "door-admit.png")
    second = _scan(qtbot, screen, booking.ticket_code)
    assert not second.admitted and screen.result.state == "refuse"
    assert screen.result.headline.text() == "DO NOT ADMIT"
    assert "Already admitted at Door 2" in screen.result.detail.text()
    _shot(screen, "door-refuse.png")
    # the screen is ready again on its own, the scan field keeps the focus for the scanner
    screen.reset_timer.setInterval(10)
    screen.reset_timer.start()
    qtbot.waitUntil(lambda: screen.result.state == "ready", timeout=WAIT)
    assert screen.scan_field.hasFocus() or not screen.isActiveWindow()
    assert screen.scan_field.text() == ""
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)  # an empty Enter does nothing


def test_a_forged_code_and_a_typed_reference(qtbot, door_ui, services, clock):
    booking = _sell(services, ["C7"])
    clock.advance(hours=2, minutes=45)
    screen = _sign_in(qtbot, door_ui.window.mode_widget)
    screen.door_name.setText("Door 1")
    # three signature letters changed (never the same letters: 1 ticket in 8,192 ends in AAA)
    tail = "EEE" if booking.ticket_code.endswith("AAA") else "AAA"
    forged = _scan(qtbot, screen, booking.ticket_code[:-3] + tail)
    assert forged.decision.reason == "forged" and screen.result.state == "refuse"
    assert "not genuine" in screen.result.detail.text()
    screen.typed_button.setChecked(True)
    typed = _scan(qtbot, screen, booking.reference)
    assert typed.admitted and not screen.typed_button.isChecked()  # typed for one scan only

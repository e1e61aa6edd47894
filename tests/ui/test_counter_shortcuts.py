"""The counter's function keys: each key one signal, anywhere inside the counter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from kiosk.ui.counter.shortcuts import CounterShortcuts


@pytest.fixture
def host(qtbot):
    host = QWidget()
    field = QLineEdit(host)
    QVBoxLayout(host).addWidget(field)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    host.field = field  # type: ignore[attr-defined]
    return host


@pytest.mark.parametrize(("key", "signal"), [
    (Qt.Key.Key_F2, "salesRequested"),
    (Qt.Key.Key_F3, "giftCardsRequested"),
    (Qt.Key.Key_F5, "reloadRequested"),
    (Qt.Key.Key_F6, "refundRequested"),
    (Qt.Key.Key_F7, "collectRequested"),
    (Qt.Key.Key_F9, "closeShiftRequested"),
    (Qt.Key.Key_F12, "signOutRequested"),
    (Qt.Key.Key_Escape, "backRequested"),
])
def test_each_key_says_what_the_cashier_asked_for(qtbot, host, key, signal):
    keys = CounterShortcuts(host)
    with qtbot.waitSignal(getattr(keys, signal), timeout=1000):
        qtbot.keyClick(host.field, key)  # typed in a field of a screen


def test_print_is_the_platforms_print_key(qtbot, host):
    keys = CounterShortcuts(host)
    with qtbot.waitSignal(keys.printRequested, timeout=1000):
        qtbot.keyClick(host.field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


def test_every_key_is_listed(host):
    keys = CounterShortcuts(host)
    assert {"F2", "F3", "F5", "F6", "F7", "F9", "F12", "Esc"} <= set(keys.shortcuts)

"""The counter's top bar: it shows what it is told and reports its buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.services.models import Actor, Role
from kiosk.ui.counter.topbar import CounterTopBar


@pytest.fixture
def bar(qtbot):
    bar = CounterTopBar()
    qtbot.addWidget(bar)
    bar.show()
    return bar


ASHA = Actor(1, "1001", "Asha Patil", Role.CASHIER, "TEST-COUNTER")


@pytest.mark.parametrize(("key", "signal"), [
    ("sales", "salesRequested"), ("giftcards", "giftCardsRequested"),
    ("refund", "refundRequested"), ("collect", "collectRequested"),
    ("shift", "closeShiftRequested"), ("signout", "signOutRequested"),
])
def test_each_button_says_what_was_pressed(qtbot, bar, key, signal):
    bar.show_session(ASHA, "Shift since 09:00", shift_open=True)
    with qtbot.waitSignal(getattr(bar, signal), timeout=1000):
        qtbot.mouseClick(bar.nav_buttons[key], Qt.MouseButton.LeftButton)


def test_the_buttons_show_only_while_someone_is_signed_in(bar):
    bar.show_session(None, "", shift_open=False)
    assert bar.staff_label.text() == "Not signed in"
    assert not any(b.isVisible() for b in bar.nav_buttons.values())
    bar.show_session(ASHA, "No shift: card sales only", shift_open=False)
    assert bar.staff_label.text() == "Asha Patil (1001)"
    assert all(b.isVisible() for b in bar.nav_buttons.values())
    assert not bar.nav_buttons["shift"].isEnabled()  # no shift to close


def test_the_hold_countdown_turns_to_a_warning_in_its_last_minute(bar):
    bar.show_hold_seconds(125)
    assert bar.hold_label.text() == "Seats held 2:05" and bar.hold_label.property("role") == ""
    bar.show_hold_seconds(59)
    assert bar.hold_label.property("role") == "warn"
    bar.show_hold_seconds(-3)  # run out: never a negative time
    assert bar.hold_label.text() == "Seats held 0:00"
    bar.clear_hold()
    assert bar.hold_label.text() == ""


def test_a_narrow_bar_drops_the_brand_then_the_key_hints(bar):
    bar.show_session(ASHA, "Shift since 09:00", shift_open=True)
    bar.fit(4000)
    assert not bar.brand.isHidden() and bar.nav_buttons["sales"].text() == "Sales (F2)"
    bar.fit(600)
    assert bar.brand.isHidden() and bar.nav_buttons["sales"].text() == "Sales"
    assert bar.nav_buttons["sales"].toolTip() == "Sales (F2)"  # the key is still told


def test_the_customers_language_is_reported(qtbot, bar):
    combo = bar.add_customer_language("en")
    with qtbot.waitSignal(bar.customerLanguageChanged, timeout=1000) as chosen:
        combo.setCurrentIndex(combo.findData("te"))
    assert chosen.args == ["te"]


def test_when_short_words_are_not_enough_the_buttons_take_a_second_row(bar):
    from PySide6.QtWidgets import QBoxLayout

    bar.show_session(ASHA, "Shift since 09:00 · float ₹5,000.00", shift_open=True)
    bar.show_hold_seconds(300)
    bar.fit(4000)
    assert bar.bar.direction() == QBoxLayout.Direction.LeftToRight
    one_row = bar.bar.sizeHint().width()
    bar.fit(one_row // 2)  # narrower than the buttons alone
    assert bar.bar.direction() == QBoxLayout.Direction.TopToBottom
    assert bar.bar.sizeHint().width() <= one_row // 2 or \
        bar.nav_buttons["sales"].text() == "Sales"  # the last resort: both steps taken
    for label in (bar.staff_label, bar.shift_label, bar.hold_label):  # info keeps its words
        assert label.isVisible() and label.text()
    bar.fit(4000)  # room again: one row, the key hints back
    assert bar.bar.direction() == QBoxLayout.Direction.LeftToRight
    assert bar.nav_buttons["sales"].text() == "Sales (F2)"

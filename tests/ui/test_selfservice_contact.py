"""Contact rules for confirmations, and the on-screen keyboard typing them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kiosk.domain.errors import InvalidInput
from kiosk.ui.onscreen_keyboard import OnScreenKeyboard
from kiosk.ui.selfservice.contact_rules import normalise_email, normalise_phone


@pytest.mark.parametrize("text,expected", [
    ("asha@example.com", "asha@example.com"),
    ("  Ravi.K+films@Mail.Example.IN ", "ravi.k+films@mail.example.in"),
])
def test_good_emails_are_normalised(text, expected):
    assert normalise_email(text) == expected


@pytest.mark.parametrize("text", ["", "asha", "asha@", "@example.com", "asha@example",
                                  "asha@@example.com", "as ha@example.com", "asha@example.c",
                                  "asha..k@example.com", ".asha@example.com", "a" * 250 + "@x.com"])
def test_bad_emails_are_refused(text):
    with pytest.raises(InvalidInput):
        normalise_email(text)


@pytest.mark.parametrize("text,expected", [
    ("9876543210", "+919876543210"),
    ("09876543210", "+919876543210"),
    ("98765 43210", "+919876543210"),
    ("+919876543210", "+919876543210"),
    ("+971501234567", "+971501234567"),
])
def test_good_phones_are_normalised(text, expected):
    assert normalise_phone(text) == expected


@pytest.mark.parametrize("text", ["", "12345", "5123456789", "98765432101", "+0123456789",
                                  "+91512345678", "+1234", "phone", "+91 98765 4321x"])
def test_bad_phones_are_refused(text):
    with pytest.raises(InvalidInput):
        normalise_phone(text)


def test_keyboard_types_into_its_target_and_keeps_keys_big(qtbot):
    edit = QLineEdit()
    keyboard = OnScreenKeyboard()
    qtbot.addWidget(edit)
    qtbot.addWidget(keyboard)
    keyboard.set_target(edit)
    keyboard.show()
    for ch in "ab@x.com":
        qtbot.mouseClick(keyboard.key_button(ch), Qt.MouseButton.LeftButton)
    assert edit.text() == "ab@x.com"
    qtbot.mouseClick(keyboard.key_button("⌫"), Qt.MouseButton.LeftButton)
    assert edit.text() == "ab@x.co"
    qtbot.mouseClick(keyboard.key_button(".com"), Qt.MouseButton.LeftButton)
    assert edit.text() == "ab@x.co.com"
    qtbot.mouseClick(keyboard.key_button("shift"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keyboard.key_button("q"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keyboard.key_button("q"), Qt.MouseButton.LeftButton)
    assert edit.text().endswith("Qq")  # shift applies to one letter
    for button in keyboard.findChildren(type(keyboard.key_button("q"))):
        if button.isVisible():
            assert button.height() >= 48 and button.width() >= 48, button.text()


def test_phone_mode_offers_only_digits(qtbot):
    edit = QLineEdit()
    keyboard = OnScreenKeyboard(mode="phone")
    qtbot.addWidget(keyboard)
    keyboard.set_target(edit)
    keyboard.show()
    with pytest.raises(KeyError):
        keyboard.key_button("q")
    keyboard.type_text("+9198")
    assert edit.text() == "+9198"
    with pytest.raises(ValueError):
        keyboard.set_mode("braille")

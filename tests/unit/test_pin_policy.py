"""The PIN policy for new PINs (issue 11, point 6): table-driven, pure Python."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import InvalidInput
from kiosk.domain.pin_policy import check_new_pin, check_pin_twice, pin_problem

ACCEPTED = ["4826", "1235", "2468", "13579", "9753", "1029", "750913", "48264826", "0101",
            "1122", "5831"]

REFUSED = [
    # (pin, words the refusal must contain)
    ("", "enter a PIN"),
    ("123", "4 to 8 digits"),
    ("123456789", "4 to 8 digits"),
    ("12a4", "digits only"),
    ("１２３５", "digits only"),  # full-width digits: isdigit() but not ASCII
    (" 4826", "digits only"),
    ("0000", "one digit repeated"),
    ("9999", "one digit repeated"),
    ("77777777", "one digit repeated"),
    ("1234", "run of digits"),
    ("0123", "run of digits"),
    ("3456", "run of digits"),
    ("12345678", "run of digits"),
    ("9876", "run of digits"),
    ("3210", "run of digits"),
    ("87654321", "run of digits"),
    ("7890", "run of digits"),  # wraps 9 -> 0 on the way up
    ("8901", "run of digits"),
    ("1098", "run of digits"),  # and 0 -> 9 on the way down
]


@pytest.mark.parametrize("pin", ACCEPTED)
def test_acceptable_pins(pin):
    assert pin_problem(pin) is None
    assert check_new_pin(pin) == pin


@pytest.mark.parametrize("pin,words", REFUSED)
def test_refused_pins_say_why(pin, words):
    assert words in (pin_problem(pin) or "")
    with pytest.raises(InvalidInput, match=words):
        check_new_pin(pin)


@pytest.mark.parametrize("value", [None, 1234, b"4826", ["4826"]])
def test_not_a_string_is_refused_not_crashed(value):
    with pytest.raises(InvalidInput):
        check_new_pin(value)


def test_the_pin_is_typed_twice():
    assert check_pin_twice("4826", "4826") == "4826"
    with pytest.raises(InvalidInput, match="not the same"):
        check_pin_twice("4826", "4862")
    with pytest.raises(InvalidInput, match="run of digits"):  # the policy is said first
        check_pin_twice("1234", "1234")

"""Gift cards: the shape of a code, the amounts a card takes, and when it expires. Pure rules.

A code is ``GC`` and 12 digits, the last a Luhn check digit over the other 11 (the same check a
payment card number carries, so a mistyped digit or two swapped digits is caught at the counter
before the database is asked). Digits only, so the counter's numeric keypad and the customer's
touchscreen keypad can type it; printed in groups of four (``GC 1234 5678 9012``) and as a QR.
Spaces, dashes and a missing or lower-case ``GC`` are accepted when typed.

The check digit is written here rather than taken from ``python-stdnum`` (which has ``luhn``):
it is six lines, and the whole package would be a new dependency for them.

Amounts per load and the most a card may hold follow the closed-loop prepaid rules Indian
cinemas work under (at most ₹10,000 on a card); the AED figures are the same order of money.
A card expires a year after its last load (issue or top-up); an expired card pays nothing, and
its holder is sent to the box office (a manager can re-load it, which renews it).
"""

from __future__ import annotations

import random
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.domain.errors import PaymentError
from kiosk.domain.money import format_money

PREFIX = "GC"
DIGITS = 12
VALID_FOR = timedelta(days=365)
_TYPED = re.compile(r"[\s\-]")
_CODE = re.compile(rf"^{PREFIX}[0-9]{{{DIGITS}}}$")


@dataclass(frozen=True)
class LoadLimits:
    """Per currency, in minor units: the smallest load, the largest, the most a card holds."""

    min_load_minor: int
    max_load_minor: int
    max_balance_minor: int


LIMITS = {
    "INR": LoadLimits(100_00, 10_000_00, 10_000_00),
    "AED": LoadLimits(25_00, 500_00, 500_00),
}
DEFAULT_LIMITS = LoadLimits(10_00, 500_00, 500_00)
# With cloud sync: what a card sold or topped up at a counter keeps set aside THERE, so it can
# pay at that counter while the network is down (the rest goes to the cinema's shared balance,
# which every device spends online). ``kiosk.cloud.giftcards``.
OFFLINE_ALLOWANCE = {"INR": 1_000_00, "AED": 50_00}


def luhn_digit(digits: str) -> str:
    """The check digit that makes ``digits + it`` pass the Luhn test."""
    total = 0
    for n, char in enumerate(reversed(digits)):
        d = int(char) * (2 if n % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def new_code(rng: random.Random | None = None) -> str:
    """A fresh random code (11 random digits from ``secrets``, then the check digit); ``rng``
    only for the fault simulator, whose seeds must replay exactly."""
    choice = rng.choice if rng is not None else secrets.choice
    body = "".join(choice("0123456789") for _ in range(DIGITS - 1))
    return PREFIX + body + luhn_digit(body)


def normalise_code(raw: object) -> str:
    """The code as stored, from what was typed or scanned; raises PaymentError when it is not
    a gift card code (with which part is wrong)."""
    text = _TYPED.sub("", str(raw or "")).upper()
    if not text:
        raise PaymentError("Enter the gift card code: GC and 12 digits, on the card or its QR.")
    if text.isdigit() and len(text) == DIGITS:
        text = PREFIX + text
    if not _CODE.match(text):
        raise PaymentError(
            "A gift card code is GC and 12 digits (for example GC 1234 5678 9012). "
            "Check the code on the card and type it again.")
    if luhn_digit(text[len(PREFIX):-1]) != text[-1]:
        raise PaymentError("That gift card code has a wrong digit (its check digit does not "
                           "match). Check the code on the card and type it again.")
    return text


def display_code(code: str) -> str:
    """``GC 1234 5678 9012``: how the code is printed and shown."""
    digits = code[len(PREFIX):]
    return " ".join([PREFIX, *(digits[i:i + 4] for i in range(0, len(digits), 4))])


def masked_code(code: str) -> str:
    """``GC •••• •••• 9012``: on receipts and reports, where the full code would let anyone
    holding the paper spend the card."""
    return f"{PREFIX} •••• •••• {code[-4:]}"


def offline_allowance(currency: str) -> int:
    return OFFLINE_ALLOWANCE.get(currency, DEFAULT_LIMITS.min_load_minor)


def limits_for(currency: str) -> LoadLimits:
    return LIMITS.get(currency, DEFAULT_LIMITS)


def check_load(amount_minor: object, balance_minor: int, currency: str) -> int:
    """The amount to load onto a card holding ``balance_minor``; PaymentError when it is not a
    whole amount, is below the smallest load, above the largest, or would take the card past
    the most it may hold."""
    if isinstance(amount_minor, bool) or not isinstance(amount_minor, int) or amount_minor <= 0:
        raise PaymentError("Enter the amount to put on the gift card.")
    limits = limits_for(currency)
    if amount_minor < limits.min_load_minor:
        raise PaymentError(f"A gift card takes at least {format_money(limits.min_load_minor, currency)}"
                           " at a time.")
    if amount_minor > limits.max_load_minor:
        raise PaymentError(f"A gift card takes at most {format_money(limits.max_load_minor, currency)}"
                           " at a time.")
    room = limits.max_balance_minor - balance_minor
    if amount_minor > room:
        raise PaymentError(
            f"A gift card may hold at most {format_money(limits.max_balance_minor, currency)}; "
            f"this one holds {format_money(balance_minor, currency)}, so at most "
            f"{format_money(max(room, 0), currency)} more can go on it.")
    return amount_minor


def expires_after(loaded_at: datetime) -> datetime:
    return loaded_at + VALID_FOR

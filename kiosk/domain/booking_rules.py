"""Checks on what a customer or cashier types at the point of sale: pure, no I/O.

Card numbers: the kiosk records only the last four digits. Anything that looks like a whole card
number (12-19 digits) is refused outright so it can never reach the database or the audit log.
"""

from __future__ import annotations

import re

from kiosk.domain.errors import InvalidInput, PaymentError
from kiosk.domain.money import format_money

_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_PHONE_NOISE = re.compile(r"[\s().-]")


def normalise_contact(contact: str | None) -> str:
    """Return '' (no contact), a lower-case e-mail, or a phone as ``+`` and 7-15 digits."""
    text = (contact or "").strip()
    if not text:
        return ""
    if len(text) > 254:
        raise InvalidInput("That contact is too long. Enter an e-mail address or a phone number.")
    if "@" in text:
        if not _EMAIL.match(text):
            raise InvalidInput(f"{text!r} is not an e-mail address we can send to.")
        local, _, domain = text.partition("@")
        return f"{local}@{domain.lower()}"
    phone = _PHONE_NOISE.sub("", text)
    plus = phone.startswith("+")
    digits = phone[1:] if plus else phone
    if not (digits.isascii() and digits.isdigit() and 7 <= len(digits) <= 15):
        raise InvalidInput("Enter an e-mail address, or a phone number of 7 to 15 digits.")
    return ("+" if plus else "") + digits


def check_card_last4(last4: str | None) -> str:
    """Exactly four digits; a full card number is refused, never stored."""
    text = _PHONE_NOISE.sub("", str(last4 or ""))
    if text.isascii() and text.isdigit() and 12 <= len(text) <= 19:
        raise PaymentError(
            "Never enter the full card number: type only the last 4 digits from the card receipt."
        )
    if not (len(text) == 4 and text.isascii() and text.isdigit()):
        raise PaymentError("Enter the last 4 digits of the card (four numbers).")
    return text


def cash_change(total_minor: int, tendered_minor: int | None, currency: str) -> int:
    """Change due; refuse short or missing cash, naming the amount still owed."""
    if tendered_minor is None:
        raise PaymentError(f"Enter the cash received (due {format_money(total_minor, currency)}).")
    if isinstance(tendered_minor, bool) or not isinstance(tendered_minor, int) or tendered_minor < 0:
        raise PaymentError("The cash received must be a positive amount.")
    if tendered_minor < total_minor:
        short = total_minor - tendered_minor
        raise PaymentError(
            f"Cash is {format_money(short, currency)} short: "
            f"due {format_money(total_minor, currency)}, received {format_money(tendered_minor, currency)}."
        )
    return tendered_minor - total_minor


def check_seat_request(seat_codes: object, max_seats: int) -> list[str]:
    """Clean list of distinct seat codes (order kept); refuse none or too many."""
    if isinstance(seat_codes, str) or not isinstance(seat_codes, (list, tuple, set, frozenset)):
        raise InvalidInput("Choose seats as a list of seat codes.")
    codes: list[str] = []
    for raw in seat_codes:
        code = str(raw).strip()
        if code and code not in codes:
            codes.append(code)
    check_seat_count(len(codes), max_seats)
    return codes


def check_seat_count(n: object, max_seats: int) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise InvalidInput("The number of seats must be a whole number.")
    if n <= 0:
        raise InvalidInput("Choose at least one seat.")
    if n > max_seats:
        raise InvalidInput(f"At most {max_seats} seats can be booked at once.")
    return n

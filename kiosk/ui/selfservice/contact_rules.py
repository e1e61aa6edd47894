"""Checking the e-mail address or phone number a customer types for their confirmation.

Pure Python (no Qt) so the rules are unit-tested directly. A phone number is kept in E.164 form;
ten digits starting 6-9 are taken as an Indian mobile number.
"""

from __future__ import annotations

import re

from kiosk.domain.errors import InvalidInput

_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")


def normalise_email(text: str) -> str:
    """The address trimmed and lower-cased; raises InvalidInput when it cannot be an address."""
    address = text.strip()
    if (len(address) > 254 or not _EMAIL.match(address) or ".." in address
            or address.split("@", 1)[0].startswith(".") or address.split("@", 1)[0].endswith(".")
            or not re.search(r"\.[A-Za-z]{2,}$", address)):
        raise InvalidInput("That e-mail address does not look right. Please check it.")
    return address.lower()


def normalise_phone(text: str) -> str:
    """The number as ``+<country><number>``; raises InvalidInput when it cannot be a phone."""
    raw = text.strip().replace(" ", "").replace("-", "")
    if raw.startswith("+"):
        digits = raw[1:]
        if digits.isdigit() and 8 <= len(digits) <= 15 and not digits.startswith("0"):
            if digits.startswith("91") and not _indian_mobile(digits[2:]):
                raise InvalidInput("That phone number does not look right. Please check it.")
            return "+" + digits
        raise InvalidInput("That phone number does not look right. Please check it.")
    if raw.startswith("0") and raw[1:].isdigit():
        raw = raw[1:]
    if _indian_mobile(raw):
        return "+91" + raw
    raise InvalidInput("That phone number does not look right. Please check it.")


def _indian_mobile(digits: str) -> bool:
    return len(digits) == 10 and digits.isdigit() and digits[0] in "6789"

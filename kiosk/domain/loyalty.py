"""Loyalty: a member's phone number, and what points are earned and worth. Pure rules.

A member is known by a phone number, stored in E.164 (``+`` and the country code): typed at a
counter in India as ``98765 43210`` or ``098765 43210`` it is ``+919876543210``, the same member
a Dubai counter finds as ``+91 98765 43210``. A number typed without a country code takes the
cinema's (India for rupees, the UAE for dirhams); anything else must be typed with its ``+``.

Points are earned on what a member pays with money (cash, card, UPI, a gift card), never on
points: per currency, one point for every ``earn_step_minor`` paid on a sale, rounded down. They
are redeemed as the ``points`` tender, each point worth ``point_value_minor``, from
``min_redeem`` points up; so a redemption is a whole number of points. Both rates give back
5 % of a spend, the usual figure of Indian multiplex programmes.

A refund gives back the points that paid for what is refunded (a whole number: rounded down)
and takes back the points the refunded money earned: the sale keeps what its remaining money
earns. A balance never goes below zero: points already spent are not taken back (the shortfall
is recorded in the audit log).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.domain.errors import InvalidInput, PaymentError
from kiosk.domain.money import format_money

_NOISE = re.compile(r"[\s().\-]")
MAX_NAME = 60


@dataclass(frozen=True)
class PointRules:
    """Per currency, in minor units."""

    earn_step_minor: int  # one point per this much paid with money
    point_value_minor: int  # what one point pays
    min_redeem: int  # the fewest points one sale may redeem
    country_code: str  # a number typed without '+' is in this country
    national_digits: int  # how long such a number is without its trunk '0'


RULES = {
    "INR": PointRules(10_00, 50, 100, "91", 10),
    "AED": PointRules(1_00, 5, 100, "971", 9),
}
DEFAULT_RULES = PointRules(1_00, 5, 100, "", 0)


def rules_for(currency: str) -> PointRules:
    return RULES.get(currency, DEFAULT_RULES)


def normalise_phone(raw: object, currency: str = "INR") -> str:
    """The member's phone number in E.164, from what was typed; InvalidInput says what is wrong."""
    text = _NOISE.sub("", str(raw or ""))
    if not text:
        raise InvalidInput("Enter the member's mobile number.")
    if text.startswith("00"):
        text = "+" + text[2:]
    rules = rules_for(currency)
    if not text.startswith("+"):
        national = text[1:] if text.startswith("0") else text
        if not (rules.country_code and national.isascii() and national.isdigit()
                and len(national) == rules.national_digits):
            raise InvalidInput(
                f"{text!r} is not a mobile number: type the {rules.national_digits or 10} digits, "
                "or the number with its country code (+ and the code).")
        text = f"+{rules.country_code}{national}"
    digits = text[1:]
    if not (digits.isascii() and digits.isdigit() and 8 <= len(digits) <= 15
            and digits[0] != "0"):
        raise InvalidInput("A mobile number with its country code is + and 8 to 15 digits "
                           "(for example +91 98765 43210).")
    return text


def masked_phone(phone: str) -> str:
    """``+91 •••••• 3210``: on receipts, where the whole number would identify the member."""
    return f"{phone[:3]} •••••• {phone[-4:]}"


def check_name(raw: object) -> str:
    name = " ".join(str(raw or "").split())
    if len(name) > MAX_NAME:
        raise InvalidInput(f"A member's name is at most {MAX_NAME} characters.")
    return name


def points_earned(money_minor: int, currency: str) -> int:
    """Points a sale earns on ``money_minor`` paid with money (not with points)."""
    return max(0, money_minor) // rules_for(currency).earn_step_minor


def points_value(points: int, currency: str) -> int:
    return points * rules_for(currency).point_value_minor


def points_for_amount(amount_minor: int, currency: str) -> int:
    """The points that pay ``amount_minor`` exactly; PaymentError when it is not a whole number
    of points (the counter then pays the points' step and the rest another way)."""
    rules = rules_for(currency)
    if amount_minor % rules.point_value_minor:
        raise PaymentError(
            f"Points pay in steps of {format_money(rules.point_value_minor, currency)} "
            f"(one point each): {format_money(amount_minor, currency)} is not a whole number "
            "of points.")
    return amount_minor // rules.point_value_minor


def check_redeem(points: int, balance: int, currency: str) -> None:
    """PaymentError when a member holding ``balance`` may not redeem ``points`` on one sale."""
    rules = rules_for(currency)
    if points < rules.min_redeem:
        raise PaymentError(
            f"Points are redeemed from {rules.min_redeem} points "
            f"({format_money(points_value(rules.min_redeem, currency), currency)}) up.")
    if points > balance:
        raise PaymentError(
            f"The member has {balance:,} points ({format_money(points_value(balance, currency), currency)}); "
            f"{points:,} points cannot be redeemed. Use at most {balance:,} and take the rest "
            "another way.")


def redeemable_minor(balance: int, due_minor: int, currency: str) -> int:
    """The most the member's points may pay of ``due_minor`` (0: below the minimum)."""
    rules = rules_for(currency)
    points = min(balance, due_minor // rules.point_value_minor)
    return points * rules.point_value_minor if points >= rules.min_redeem else 0


def refunded_points(amount_minor: int, currency: str) -> int:
    """Points given back for ``amount_minor`` of a points tender refunded (rounded down)."""
    return max(0, amount_minor) // rules_for(currency).point_value_minor


def clawback(earned: int, kept_money_minor: int, clawed_before: int, currency: str) -> int:
    """Points to take back after a refund: what was earned, less what the money the sale keeps
    earns, less what earlier refunds took back."""
    return max(0, earned - points_earned(kept_money_minor, currency) - clawed_before)

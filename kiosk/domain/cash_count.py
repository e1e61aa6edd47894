"""Counting a drawer by denomination, and checking card and UPI against their own slips.

A cashier closing a shift counts notes and coins, not a total: a miscount shows up as one row
("twelve ₹200 notes", not "₹2,400 somewhere"), and the manager reviewing a variance sees the
count behind it. The notes are those a customer can hand over (``kiosk.domain.cash_notes``:
no ₹2,000 note, withdrawn in 2023); the coins in everyday use:

- INR: ₹1, ₹2, ₹5, ₹10 and ₹20 coins (the ₹10 and ₹20 exist as a note and as a coin, counted
  apart: a denomination is its kind and its value).
- AED: the 1 dirham, 50 fils and 25 fils coins (5 and 10 fils are no longer handed out).
- any other currency: the 1-2-5 notes from 5 up and coins of 0.01 to 2.

Card and UPI money is not in the drawer: the card terminal's batch total and the UPI
settlement (what the cashier reads off the terminal and the merchant app) are checked against
what the shift recorded. Variance is always declared/counted minus expected.

Pure rules, no I/O: what a count is, what it adds up to, and what is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.domain.cash_notes import MINOR_PER_MAJOR, SERIES_1_2_5, notes
from kiosk.domain.errors import InvalidInput
from kiosk.domain.money import CURRENCY_SYMBOLS, format_money
from kiosk.domain.tenders import MAX_AMOUNT_MINOR
from kiosk.domain.upi import CURRENCY as UPI_CURRENCY

NOTE, COIN = "note", "coin"
# Coins in minor units, largest first.
COINS_MINOR: dict[str, tuple[int, ...]] = {
    "INR": (2000, 1000, 500, 200, 100),
    "AED": (100, 50, 25),
}
GENERIC_COINS_MINOR = (200, 100, 50, 20, 10, 5, 2, 1)
# More pieces of one denomination than this is a typo (an extra zero), not a drawer: a full
# drawer holds a few bundles of 100 notes at most.
MAX_PIECES = 2000
CHECKED_TENDERS = ("card", "upi")  # checked against the terminal batch / the UPI settlement


@dataclass(frozen=True, order=True)
class Denomination:
    """One kind of note or coin: ``value_minor`` in the currency's minor units."""

    kind: str  # NOTE or COIN
    value_minor: int

    @property
    def key(self) -> str:
        """Stable name for storage and forms: ``note:50000`` is a ₹500 note."""
        return f"{self.kind}:{self.value_minor}"

    def label(self, currency: str) -> str:
        """The face value as printed on it: ``₹500``, ``AED 1,000``, ``AED 0.50``."""
        if self.value_minor % MINOR_PER_MAJOR:
            return format_money(self.value_minor, currency)
        symbol = CURRENCY_SYMBOLS.get(currency, currency + " ")
        return f"{symbol}{self.value_minor // MINOR_PER_MAJOR:,}"


def denominations(currency: str) -> tuple[Denomination, ...]:
    """Notes largest first, then coins largest first: the order a drawer is counted in."""
    code = currency.upper()
    if code in COINS_MINOR:
        note_values = notes(code)
        coin_values = COINS_MINOR[code]
    else:
        note_values = tuple(v for v in SERIES_1_2_5 if v >= 5)
        coin_values = GENERIC_COINS_MINOR
    return (tuple(Denomination(NOTE, v * MINOR_PER_MAJOR) for v in sorted(note_values,
                                                                          reverse=True))
            + tuple(Denomination(COIN, v) for v in coin_values))


@dataclass(frozen=True)
class CountLine:
    denomination: Denomination
    pieces: int

    @property
    def amount_minor(self) -> int:
        return self.denomination.value_minor * self.pieces


@dataclass(frozen=True)
class CashCount:
    """A drawer counted by denomination: one line per denomination of the currency, in order."""

    currency: str
    lines: tuple[CountLine, ...]

    @property
    def total_minor(self) -> int:
        return sum(line.amount_minor for line in self.lines)

    @property
    def notes_minor(self) -> int:
        return sum(line.amount_minor for line in self.lines if line.denomination.kind == NOTE)

    @property
    def coins_minor(self) -> int:
        return sum(line.amount_minor for line in self.lines if line.denomination.kind == COIN)

    def pieces(self, key: str) -> int:
        return next((line.pieces for line in self.lines if line.denomination.key == key), 0)

    def as_mapping(self) -> dict[str, int]:
        """``{key: pieces}`` for the denominations counted (zero rows left out)."""
        return {line.denomination.key: line.pieces for line in self.lines if line.pieces}


def check_pieces(value: object, label: str) -> int:
    """A number of notes or coins: a whole number from 0 to ``MAX_PIECES``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"Count the {label} pieces as a whole number, for example 12.")
    if value < 0:
        raise InvalidInput(f"The count of {label} cannot be negative.")
    if value > MAX_PIECES:
        raise InvalidInput(f"{value:,} pieces of {label} is more than a drawer holds "
                           f"(at most {MAX_PIECES:,}): check the number.")
    return value


def count_cash(currency: str, pieces: Mapping[str, object]) -> CashCount:
    """Check a count given as ``{denomination key: pieces}`` (missing keys count as 0).

    Refused, with the denomination named: an unknown denomination (another currency's, a
    withdrawn note), a count that is negative, fractional or absurdly large."""
    known = {d.key: d for d in denominations(currency)}
    for key in pieces:
        if key not in known:
            raise InvalidInput(f"{key} is not a note or coin of {currency} this kiosk counts.")
    lines = tuple(CountLine(d, check_pieces(pieces.get(d.key, 0), d.label(currency)))
                  for d in known.values())
    return CashCount(currency.upper(), lines)


def parse_pieces(text: str, label: str) -> int:
    """What a cashier typed in a count box ("" is none counted)."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return 0
    if cleaned.startswith("-"):
        raise InvalidInput(f"The count of {label} cannot be negative.")
    if not cleaned.isdigit():
        raise InvalidInput(f"Count the {label} pieces as a whole number, for example 12.")
    return check_pieces(int(cleaned), label)


def checked_tenders(currency: str) -> tuple[str, ...]:
    """The settlements checked at a cash-up in ``currency``: UPI takes rupees only."""
    return CHECKED_TENDERS if currency.upper() == UPI_CURRENCY else ("card",)


def check_declared(kind: str, value: object, currency: str = UPI_CURRENCY) -> int:
    """A settlement total read off the card terminal's batch or the UPI app (minor units).

    It may be negative (refunds to cards beyond the day's card sales), never absurd."""
    what = {"card": "card terminal batch total", "upi": "UPI settlement total"}.get(kind)
    if what is None:
        raise InvalidInput(f"{kind!r} is not checked at the cash-up: card and UPI are.")
    if kind not in checked_tenders(currency):
        raise InvalidInput(f"UPI takes rupees only: a shift in {currency} has no UPI "
                           "settlement to check.")
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"The {what} must be a whole amount in paise/cents.")
    if abs(value) > MAX_AMOUNT_MINOR:
        raise InvalidInput(f"The {what} is far larger than any shift takes: check the number.")
    return value


@dataclass(frozen=True)
class TenderCheck:
    """One tender kind reconciled: what the shift recorded against what was counted or read."""

    kind: str  # "cash", "card" or "upi"
    expected_minor: int
    declared_minor: int

    @property
    def variance_minor(self) -> int:
        return self.declared_minor - self.expected_minor


__all__ = [
    "CHECKED_TENDERS", "COIN", "MAX_PIECES", "NOTE", "CashCount", "CountLine", "Denomination",
    "TenderCheck", "check_declared", "check_pieces", "checked_tenders", "count_cash",
    "denominations",
    "parse_pieces",
]

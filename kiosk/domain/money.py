"""Money as integer minor units (paise, cents, fils). Never a float."""

from __future__ import annotations

from dataclasses import dataclass

CURRENCY_SYMBOLS = {"INR": "₹", "AED": "AED ", "USD": "$", "GBP": "£", "EUR": "€"}


def tax_included(gross_minor: int, rate_bp: int) -> int:
    """Tax contained in a tax-inclusive price, rounded half up to the minor unit.

    Prices are shown and charged tax-inclusive at the counter; the tax part is derived per line
    so that a booking's tax is exactly the sum of its lines' tax.
    """
    if gross_minor < 0 or rate_bp < 0:
        raise ValueError("negative amount or rate")
    return (gross_minor * rate_bp * 2 + (10000 + rate_bp)) // (2 * (10000 + rate_bp))


def format_money(amount_minor: int, currency: str) -> str:
    """Format for people: ``₹250.00``, ``-₹12.50``, ``AED 45.00``."""
    sign = "-" if amount_minor < 0 else ""
    units, minor = divmod(abs(amount_minor), 100)
    symbol = CURRENCY_SYMBOLS.get(currency, currency + " ")
    return f"{sign}{symbol}{units:,}.{minor:02d}"


def parse_money(text: str) -> int:
    """Parse what a cashier types (``250``, ``250.5``, ``1,250.00``) into minor units."""
    cleaned = text.strip().replace(",", "")
    for symbol in CURRENCY_SYMBOLS.values():
        cleaned = cleaned.replace(symbol.strip(), "")
    cleaned = cleaned.strip()
    if not cleaned:
        raise ValueError("empty amount")
    if cleaned.startswith("-"):
        raise ValueError("negative amount")
    whole, _, frac = cleaned.partition(".")
    if not whole.isdigit() and whole != "":
        raise ValueError(f"not an amount: {text!r}")
    if frac and (not frac.isdigit() or len(frac) > 2):
        raise ValueError(f"not an amount: {text!r}")
    return int(whole or "0") * 100 + int((frac + "00")[:2])


@dataclass(frozen=True)
class Money:
    amount_minor: int
    currency: str

    def __str__(self) -> str:
        return format_money(self.amount_minor, self.currency)

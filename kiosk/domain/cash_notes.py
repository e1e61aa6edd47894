"""Which notes a customer can hand over, per currency, and the quick-cash amounts they make.

Notes in circulation (major units): the Reserve Bank of India's ₹10, 20, 50, 100, 200 and 500
(the ₹2,000 note was withdrawn from circulation in May 2023: no button may assume one); the
Central Bank of the UAE's AED 5, 10, 20, 50, 100, 200, 500 and 1,000. Other currencies get the
common 1-2-5 series.

Quick-cash amounts: the total rounded up to each note from the third smallest up, and to two of
the largest note; the first few distinct amounts above the total. A ₹730 sale offers ₹750
(500+200+50), ₹800 and ₹1,000 (two 500s); AED 95 offers AED 100, 200 and 500.
Pure rules, no I/O.
"""

from __future__ import annotations

NOTES_MAJOR: dict[str, tuple[int, ...]] = {
    "INR": (10, 20, 50, 100, 200, 500),
    "AED": (5, 10, 20, 50, 100, 200, 500, 1000),
}
SERIES_1_2_5 = (1, 2, 5, 10, 20, 50, 100, 200, 500)
MINOR_PER_MAJOR = 100


def notes(currency: str) -> tuple[int, ...]:
    return NOTES_MAJOR.get(currency.upper(), SERIES_1_2_5)


def rounding_steps(currency: str) -> tuple[int, ...]:
    """The steps (major units) a total is rounded up to for the quick-cash buttons."""
    in_circulation = notes(currency)
    return (*in_circulation[2:], 2 * in_circulation[-1])


def quick_cash_amounts(total_minor: int, currency: str, limit: int = 3) -> list[int]:
    """Amounts above ``total_minor`` (minor units) a customer is likely to hand over."""
    if total_minor <= 0:
        return []
    amounts: list[int] = []
    for step in rounding_steps(currency):
        unit = step * MINOR_PER_MAJOR
        rounded = -(-total_minor // unit) * unit
        if rounded > total_minor and rounded not in amounts:
            amounts.append(rounded)
    return sorted(amounts)[:limit]

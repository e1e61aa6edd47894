"""Pricing a basket: one line per seat, tax derived per line, totals are sums of lines.

Pure: the caller passes the seats (code, seat type), the chosen ticket types, the show's price
list and the film's certificate. Deriving tax per line (not on the total) keeps a booking's tax
exactly equal to the sum of its lines' tax, which reports and refunds rely on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kiosk.domain.errors import InvalidInput
from kiosk.domain.money import tax_included

TICKET_TYPES = ("adult", "child", "senior", "student")
DEFAULT_TICKET_TYPE = "adult"
ADULTS_ONLY_CERTIFICATES = frozenset({"A", "18", "R18", "NC-17"})


@dataclass(frozen=True)
class PricedLine:
    seat_code: str
    seat_type: str
    ticket_type: str
    price_minor: int  # tax-inclusive
    tax_minor: int


@dataclass(frozen=True)
class PricedBasket:
    lines: tuple[PricedLine, ...]
    total_minor: int
    tax_minor: int


def resolve_ticket_types(seat_codes: Iterable[str], chosen: Mapping[str, str] | None) -> dict[str, str]:
    """Ticket type per seat (adult unless chosen); refuse types for seats not in the basket."""
    codes = list(seat_codes)
    chosen = dict(chosen or {})
    stray = sorted(set(chosen) - set(codes))
    if stray:
        raise InvalidInput(f"Ticket types were given for seats not in this sale: {', '.join(stray)}.")
    result = {}
    for code in codes:
        ticket = str(chosen.get(code) or DEFAULT_TICKET_TYPE).strip().lower()
        if ticket not in TICKET_TYPES:
            raise InvalidInput(
                f"Unknown ticket type {ticket!r} for seat {code}; choose adult, child, senior or student."
            )
        result[code] = ticket
    return result


def price_basket(seats: Iterable[tuple[str, str]], chosen: Mapping[str, str] | None,
                 prices: Mapping[tuple[str, str], int], tax_rate_bp: int,
                 certificate: str = "") -> PricedBasket:
    """Price each (seat code, seat type) with its ticket type from ``prices``.

    Refuses child tickets for adults-only films and combinations the price list does not sell.
    """
    seats = list(seats)
    tickets = resolve_ticket_types((code for code, _ in seats), chosen)
    cert = (certificate or "").strip().upper()
    if cert in ADULTS_ONLY_CERTIFICATES:
        children = [code for code, t in tickets.items() if t == "child"]
        if children:
            raise InvalidInput(
                f"This film is rated {cert} (adults only): child tickets cannot be sold "
                f"(seat{'s' if len(children) > 1 else ''} {', '.join(children)})."
            )
    lines = []
    for code, seat_type in seats:
        ticket = tickets[code]
        amount = prices.get((seat_type, ticket))
        if amount is None:
            raise InvalidInput(f"There is no {ticket} price for {seat_type} seats (seat {code}).")
        lines.append(PricedLine(code, seat_type, ticket, int(amount),
                                tax_included(int(amount), tax_rate_bp)))
    return PricedBasket(
        lines=tuple(lines),
        total_minor=sum(line.price_minor for line in lines),
        tax_minor=sum(line.tax_minor for line in lines),
    )

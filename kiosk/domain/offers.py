"""Offers on tickets: automatic offers ("Tuesday: all tickets ₹150") and promo codes.

Pure rules, no I/O. An offer says what it takes off (``percent`` of each ticket, an ``amount``
off the basket's eligible tickets, or each eligible ticket at a fixed ``price``) and which
tickets it is for: a validity window of sale dates, films, show weekdays, a window of show start
times, ticket types. An offer without a code applies by itself; one with a code only when the
customer gives the code, and may be limited to ``max_uses`` sales (counted in the cloud with
cloud sync on: ``kiosk.cloud.promos``).

How a basket is discounted: each ticket first takes the best automatic offer that fits it (the
largest saving; offers never stack with one another), then a promo code applies to what is left
of the tickets it fits. Discounts are per ticket, so a refund of one seat gives back exactly what
was paid for it, and tax is derived again from the discounted price. The basket shows one
discount line per offer. A ticket never goes below zero.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

from kiosk.domain.errors import InvalidInput
from kiosk.domain.money import tax_included
from kiosk.domain.pricing import TICKET_TYPES, PricedBasket, PricedLine

KINDS = ("percent", "amount", "price")
CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,19}$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_USES = 1_000_000


class PromoRefused(InvalidInput):
    """The code cannot be used for this sale: unknown, expired, not for these tickets, used up."""


def normalise_code(code: str | None) -> str:
    """Codes are case-insensitive and may be typed with spaces: 'welcome 10' -> 'WELCOME10'."""
    return re.sub(r"\s+", "", str(code or "")).upper()


@dataclass(frozen=True)
class Offer:
    offer_id: str
    cinema_id: str
    name: str  # the discount line's label: "Tuesday saver", "Welcome 10 %"
    kind: str  # percent | amount | price
    value: int  # percent: 1..100; amount and price: minor units
    code: str = ""  # "" for an automatic offer
    valid_from: str = ""  # first sale date (cinema's local date, YYYY-MM-DD), "" = open
    valid_to: str = ""  # last sale date, "" = open
    film_ids: tuple[str, ...] = ()  # () = every film
    weekdays: tuple[int, ...] = ()  # of the show, 0 = Monday; () = every day
    from_time: str = ""  # show starts at or after (local HH:MM), "" = any
    to_time: str = ""  # show starts before (local HH:MM), "" = any
    ticket_types: tuple[str, ...] = ()  # () = every type
    max_uses: int | None = None  # codes only: sales that may use it, across every device
    active: bool = True
    members_only: bool = False  # member prices: only for a sale with a loyalty member named

    @property
    def automatic(self) -> bool:
        return not self.code

    def valid_on(self, sale_date: date) -> bool:
        day = sale_date.isoformat()
        return (self.active and (not self.valid_from or day >= self.valid_from)
                and (not self.valid_to or day <= self.valid_to))

    def fits(self, film_id: str, show_start_local: datetime, ticket_type: str) -> bool:
        """The ticket is one this offer is for (its validity window is checked apart)."""
        if self.film_ids and film_id not in self.film_ids:
            return False
        if self.weekdays and show_start_local.weekday() not in self.weekdays:
            return False
        starts = show_start_local.strftime("%H:%M")
        if self.from_time and starts < self.from_time:
            return False
        if self.to_time and starts >= self.to_time:
            return False
        return not self.ticket_types or ticket_type in self.ticket_types

    def why_not(self, sale_date: date) -> str:
        """For a code the customer typed that is not valid today: the reason, in plain words."""
        if not self.active:
            return f"The code {self.code} has been withdrawn."
        if self.valid_from and sale_date.isoformat() < self.valid_from:
            return f"The code {self.code} is valid from {self.valid_from}."
        return f"The code {self.code} expired on {self.valid_to}."


@dataclass(frozen=True)
class Discount:
    """One discount line of a basket."""

    offer_id: str
    label: str
    code: str
    amount_minor: int


@dataclass(frozen=True)
class Discounted:
    """A basket after offers: lines at what is paid, and the discount lines."""

    basket: PricedBasket
    discounts: tuple[Discount, ...] = ()
    line_discounts: tuple[int, ...] = ()  # per line, in the basket's order
    promo: Offer | None = None  # the code used (a code that takes nothing off is refused)

    @property
    def discount_minor(self) -> int:
        return sum(d.amount_minor for d in self.discounts)


def _saving(offer: Offer, price_minor: int) -> int:
    """What ``offer`` takes off one ticket priced ``price_minor`` (amount offers: the most)."""
    if offer.kind == "percent":
        return price_minor * offer.value // 100
    if offer.kind == "price":
        return max(0, price_minor - offer.value)
    return min(price_minor, offer.value)


def _spread(amount: int, prices: Sequence[int]) -> list[int]:
    """Share an amount off across tickets in proportion to their prices, to the minor unit,
    never more than a ticket's price (the remainder goes to the first tickets)."""
    total = sum(prices)
    amount = min(amount, total)
    if total <= 0:
        return [0] * len(prices)
    shares = [amount * p // total for p in prices]
    left = amount - sum(shares)
    for i, p in enumerate(prices):
        if left <= 0:
            break
        extra = min(left, p - shares[i])
        shares[i] += extra
        left -= extra
    return shares


def apply_offers(basket: PricedBasket, offers: Iterable[Offer], *, film_id: str,
                 show_start_local: datetime, sale_date: date, tax_rate_bp: int,
                 promo_code: str = "", member: bool = False) -> Discounted:
    """Discount ``basket`` (list prices) by the automatic offers and the promo code.

    Raises PromoRefused when a code is given that does not exist, is not valid on
    ``sale_date`` or fits none of the tickets. Use limits are checked by the caller (they
    need the cloud or the database). ``member``: a loyalty member is named on the sale, so
    member prices (``members_only`` offers) apply too.
    """
    every = list(offers)
    offers = [o for o in every if o.active and (member or not o.members_only)]
    code = normalise_code(promo_code)
    promo = None
    if code:  # a withdrawn code is named as such, not as unknown
        if not CODE_RE.match(code):
            raise PromoRefused("That is not a promo code: codes are 3 to 20 letters, digits "
                               "or '-'. Check what was typed.")
        promo = next((o for o in every if o.code == code), None)
        if promo is None:
            raise PromoRefused(f"The code {code} is not known here. Check the spelling.")
        if not promo.valid_on(sale_date):
            raise PromoRefused(promo.why_not(sale_date))
        if promo.members_only and not member:
            raise PromoRefused(f"The code {promo.code} is for loyalty members: find the member "
                               "by phone number first.")
    automatic = [o for o in offers if o.automatic and o.valid_on(sale_date)]
    lines = basket.lines
    prices = [ln.price_minor for ln in lines]
    taken = [0] * len(lines)
    by_offer: dict[str, int] = {}
    chosen: dict[str, Offer] = {}
    for i, ln in enumerate(lines):
        fitting = [o for o in automatic if o.fits(film_id, show_start_local, ln.ticket_type)]
        best = max(fitting, key=lambda o: (_saving(o, prices[i]), o.offer_id), default=None)
        saving = _saving(best, prices[i]) if best is not None else 0
        if best is not None and saving > 0:
            taken[i] += saving
            by_offer[best.offer_id] = by_offer.get(best.offer_id, 0) + saving
            chosen[best.offer_id] = best
    if promo is not None:
        eligible = [i for i, ln in enumerate(lines)
                    if promo.fits(film_id, show_start_local, ln.ticket_type)
                    and prices[i] - taken[i] > 0]
        if not eligible:
            raise PromoRefused(f"The code {promo.code} does not apply to these tickets "
                               f"({describe(promo)}).")
        left = [prices[i] - taken[i] for i in eligible]
        if promo.kind == "amount":
            shares = _spread(promo.value, left)
        else:
            shares = [_saving(promo, p) for p in left]
        for i, share in zip(eligible, shares, strict=True):
            taken[i] += share
        saved = sum(shares)
        if saved <= 0:
            raise PromoRefused(f"The code {promo.code} takes nothing off these tickets.")
        by_offer[promo.offer_id] = saved
    if not by_offer:
        return Discounted(basket, (), tuple(taken), None)
    new_lines = tuple(priced_line(ln, off, tax_rate_bp) if off else ln
                      for ln, off in zip(lines, taken, strict=True))
    discounted = PricedBasket(new_lines, sum(ln.price_minor for ln in new_lines),
                              sum(ln.tax_minor for ln in new_lines))
    order = [*chosen.values(), *([promo] if promo is not None else [])]  # automatic, then code
    discounts = tuple(Discount(o.offer_id, o.name, o.code, by_offer[o.offer_id]) for o in order)
    return Discounted(discounted, discounts, tuple(taken), promo)


@dataclass(frozen=True)
class AudiencePart:
    """One condition of who an offer is for, as data for a screen to put in its own language:
    ``members`` (no values), ``tickets`` (ticket types), ``films`` (film ids), ``days``
    (weekday numbers, 0 = Monday, as text) or ``times`` (from, until: local HH:MM)."""

    kind: str
    values: tuple[str, ...] = ()


def audience(offer: Offer) -> tuple[AudiencePart, ...]:
    """Who the offer is for, part by part (empty: every ticket)."""
    parts = [AudiencePart("members")] if offer.members_only else []
    if offer.ticket_types:
        parts.append(AudiencePart("tickets", offer.ticket_types))
    if offer.film_ids:
        parts.append(AudiencePart("films", offer.film_ids))
    if offer.weekdays:
        parts.append(AudiencePart("days", tuple(str(d) for d in offer.weekdays)))
    if offer.from_time or offer.to_time:
        parts.append(AudiencePart("times", (offer.from_time or "00:00", offer.to_time or "24:00")))
    return tuple(parts)


def describe(offer: Offer) -> str:
    """Who the offer is for, in English words (messages, the command line): 'adult tickets;
    Tue; shows 18:00-24:00'. Screens put ``audience`` in their own language."""
    words = []
    for part in audience(offer):
        if part.kind == "members":
            words.append("members")
        elif part.kind == "tickets":
            words.append(f"{'/'.join(part.values)} tickets")
        elif part.kind == "films":
            words.append(f"film{'s' if len(part.values) > 1 else ''} {', '.join(part.values)}")
        elif part.kind == "days":
            words.append(", ".join(WEEKDAYS[int(d)].title() for d in part.values))
        else:
            words.append(f"shows {part.values[0]}-{part.values[1]}")
    return "; ".join(words) or "all tickets"


# ---- records (the offers table and the shared catalogue carry the same dict) -----------------
def _strings(value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = json.loads(value or "[]")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidInput(f"{what} must be a list of names.")
    return tuple(value)


def _time(value: Any, what: str) -> str:
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        return time.fromisoformat(text).strftime("%H:%M")
    except ValueError:
        raise InvalidInput(f"{what} must be a time like 18:00, not {text!r}.") from None


def _date(value: Any, what: str) -> str:
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise InvalidInput(f"{what} must be a date like 2026-12-31, not {text!r}.") from None


def weekday_numbers(value: Any) -> tuple[int, ...]:
    """'tue,sat' or ['tue', 'sat'] or [1, 5] -> (1, 5)."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            value = json.loads(text)
        else:
            value = [v for v in re.split(r"[,\s]+", text) if v]
    out = set()
    for v in value or ():
        if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 6:
            out.add(v)
        elif isinstance(v, str) and v.strip().lower()[:3] in WEEKDAYS:
            out.add(WEEKDAYS.index(v.strip().lower()[:3]))
        else:
            raise InvalidInput(f"Unknown day {v!r}: use mon, tue, wed, thu, fri, sat or sun.")
    return tuple(sorted(out))


def offer_from_record(record: Mapping[str, Any]) -> Offer:
    """Validate one offer record (a manager's input, a table row or a cloud copy)."""
    try:
        offer_id = str(record["id"]).strip()
        cinema_id = str(record["cinema_id"]).strip()
        name = str(record["name"]).strip()
        kind = str(record["kind"]).strip().lower()
        value = record["value"]
    except KeyError as missing:
        raise InvalidInput(f"An offer needs {missing.args[0]}.") from None
    if not ID_RE.match(offer_id):
        raise InvalidInput(f"Offer id {offer_id!r}: use lower-case letters, digits and '-'.")
    if not name or len(name) > 40:
        raise InvalidInput("An offer needs a name of 1 to 40 characters (it is printed).")
    if kind not in KINDS:
        raise InvalidInput(f"Offer kind {kind!r}: use percent, amount or price.")
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise InvalidInput("An offer's value must be a whole number above zero.")
    if kind == "percent" and value > 100:
        raise InvalidInput("A percent offer takes 1 to 100 %.")
    code = normalise_code(record.get("code"))
    if code and not CODE_RE.match(code):
        raise InvalidInput(f"Promo code {code!r}: 3 to 20 letters, digits or '-'.")
    if re.match(r"^CV[0-9]", code):  # typed in the same field, such a code is read as a voucher
        raise InvalidInput(f"Promo code {code!r}: codes starting with CV and a digit are "
                           "single-use vouchers' (kiosk voucher); choose another code.")
    max_uses = record.get("max_uses")
    if max_uses in ("", None):
        max_uses = None
    elif isinstance(max_uses, bool) or not isinstance(max_uses, int) or not 0 < max_uses <= MAX_USES:
        raise InvalidInput(f"Maximum uses must be 1 to {MAX_USES:,}.")
    if max_uses is not None and not code:
        raise InvalidInput("Only a promo code can have a maximum number of uses.")
    tickets = _strings(record.get("ticket_types", []), "Ticket types")
    unknown = sorted(set(tickets) - set(TICKET_TYPES))
    if unknown:
        raise InvalidInput(f"Unknown ticket type {unknown[0]!r}: use {', '.join(TICKET_TYPES)}.")
    valid_from = _date(record.get("valid_from"), "Valid from")
    valid_to = _date(record.get("valid_to"), "Valid to")
    if valid_from and valid_to and valid_to < valid_from:
        raise InvalidInput("The offer ends before it starts.")
    from_time = _time(record.get("from_time"), "Shows from")
    to_time = _time(record.get("to_time"), "Shows until")
    if from_time and to_time and to_time <= from_time:
        raise InvalidInput("The show-time window ends before it starts.")
    return Offer(offer_id=offer_id, cinema_id=cinema_id, name=name, kind=kind, value=value,
                 code=code, valid_from=valid_from, valid_to=valid_to,
                 film_ids=_strings(record.get("film_ids", []), "Films"),
                 weekdays=weekday_numbers(record.get("weekdays", [])),
                 from_time=from_time, to_time=to_time, ticket_types=tickets,
                 max_uses=max_uses, active=bool(record.get("active", True)),
                 members_only=bool(record.get("members_only", False)))


def offer_record(offer: Offer) -> dict[str, Any]:
    return {"id": offer.offer_id, "cinema_id": offer.cinema_id, "name": offer.name,
            "kind": offer.kind, "value": offer.value, "code": offer.code,
            "valid_from": offer.valid_from, "valid_to": offer.valid_to,
            "film_ids": list(offer.film_ids), "weekdays": list(offer.weekdays),
            "from_time": offer.from_time, "to_time": offer.to_time,
            "ticket_types": list(offer.ticket_types), "max_uses": offer.max_uses,
            "active": offer.active, "members_only": offer.members_only}


@dataclass(frozen=True)
class OfferBook:
    """A cinema's offers as one catalogue record (``kind = offers``)."""

    cinema_id: str
    offers: tuple[Offer, ...] = field(default_factory=tuple)

    def to_body(self) -> dict[str, Any]:
        return {"id": self.cinema_id,
                "offers": [offer_record(o) for o in sorted(self.offers, key=lambda o: o.offer_id)]}

    @classmethod
    def from_body(cls, body: Mapping[str, Any]) -> OfferBook:
        cinema_id = str(body["id"])
        offers = tuple(offer_from_record({**o, "cinema_id": cinema_id}) for o in body["offers"])
        codes = [o.code for o in offers if o.code]
        if len(codes) != len(set(codes)):
            raise InvalidInput("Two offers share one promo code.")
        return cls(cinema_id, offers)


def priced_line(line: PricedLine, discount_minor: int, tax_rate_bp: int) -> PricedLine:
    """``line`` with ``discount_minor`` taken off (tax derived again)."""
    paid = line.price_minor - discount_minor
    return replace(line, price_minor=paid, tax_minor=tax_included(paid, tax_rate_bp))

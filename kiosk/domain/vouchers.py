"""Single-use vouchers: a complimentary ticket, or one free item ("one free popcorn"). Pure rules.

A manager issues vouchers in batches (``kiosk voucher issue``); each has its own code, ``CV``
and 10 digits, the last a Luhn check digit (as a gift card's: a mistyped digit is caught at the
counter), printed in groups (``CV 1234 5678 90``) and as a QR. A voucher is used once, on one
sale, across every device of its cinema; it may expire.

At the sale the code is typed where a promo code is (the basket's code field, ``--promo``): a
ticket voucher makes the dearest ticket of the basket free (after the cinema's offers), as its
own discount line; an item voucher adds its item to the basket's food and drink at no charge
(stock is taken as for any sale). A refund gives back what was paid (nothing, for what a voucher
paid); the voucher stays used.
"""

from __future__ import annotations

import random
import re
import secrets
from dataclasses import dataclass, replace
from datetime import date

from kiosk.domain.errors import InvalidInput
from kiosk.domain.giftcards import luhn_digit
from kiosk.domain.offers import Discount, Discounted, PromoRefused
from kiosk.domain.pricing import PricedBasket

PREFIX = "CV"
DIGITS = 10
KINDS = ("ticket", "item")
MAX_BATCH = 500
VOUCHER_LINE = "voucher"  # a comp ticket's discount line is "voucher:<code>"
_CODE = re.compile(rf"^{PREFIX}[0-9]{{{DIGITS}}}$")
_TYPED = re.compile(r"[\s\-]")


def looks_like_voucher(raw: object) -> bool:
    """True when what was typed in a code field is meant as a voucher (CV and digits)."""
    text = _TYPED.sub("", str(raw or "")).upper()
    return text.startswith(PREFIX) and text[len(PREFIX):].isdigit()


def new_code(rng: random.Random | None = None) -> str:
    choice = rng.choice if rng is not None else secrets.choice
    body = "".join(choice("0123456789") for _ in range(DIGITS - 1))
    return PREFIX + body + luhn_digit(body)


def normalise_code(raw: object) -> str:
    """The code as stored; PromoRefused says what is wrong with what was typed."""
    text = _TYPED.sub("", str(raw or "")).upper()
    if not _CODE.match(text):
        raise PromoRefused("A voucher code is CV and 10 digits (for example CV 1234 5678 90). "
                           "Check the code on the voucher and type it again.")
    if luhn_digit(text[len(PREFIX):-1]) != text[-1]:
        raise PromoRefused("That voucher code has a wrong digit (its check digit does not "
                           "match). Check the code on the voucher and type it again.")
    return text


def display_code(code: str) -> str:
    digits = code[len(PREFIX):]
    return " ".join([PREFIX, digits[:4], digits[4:8], digits[8:]])


@dataclass(frozen=True)
class Voucher:
    code: str
    cinema_id: str
    kind: str  # ticket | item
    label: str  # printed: "Complimentary ticket", "Free Popcorn (Medium), Salted"
    item: str = ""  # an item voucher's order, as the CLI writes one: "pop-m=1:salted"
    valid_to: str = ""  # last day it may be used (cinema's local date), "" = no end
    state: str = "issued"  # issued | used | void
    used_by: str = ""  # the sale (booking or food and drink sale id) that used it

    def refusal(self, cinema_id: str, sale_date: date, sale_key: str = "") -> PromoRefused | None:
        """Why the voucher cannot be used on this sale now (None: it can)."""
        shown = display_code(self.code)
        if self.cinema_id != cinema_id:
            return PromoRefused(f"Voucher {shown} is for another cinema.")
        if self.state == "void":
            return PromoRefused(f"Voucher {shown} was cancelled by a manager.")
        if self.state == "used" and self.used_by != sale_key:
            return PromoRefused(f"Voucher {shown} has already been used.")
        if self.valid_to and sale_date.isoformat() > self.valid_to:
            return PromoRefused(f"Voucher {shown} expired on {self.valid_to}.")
        return None


def check_batch(kind: object, count: object) -> tuple[str, int]:
    kind = str(kind or "").strip().lower()
    if kind not in KINDS:
        raise InvalidInput("A voucher is for a ticket or an item: --kind ticket or --kind item.")
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_BATCH:
        raise InvalidInput(f"Issue 1 to {MAX_BATCH} vouchers at a time.")
    return kind, count


def comp_ticket(offers: Discounted, voucher: Voucher, tax_rate_bp: int) -> Discounted:
    """``offers`` with the dearest ticket left made free by a ticket voucher (its own line)."""
    from kiosk.domain.offers import priced_line

    lines = offers.basket.lines
    if not lines:
        raise PromoRefused("A ticket voucher needs a ticket in the basket.")
    index = max(range(len(lines)), key=lambda i: (lines[i].price_minor, -i))
    free = lines[index].price_minor
    if free <= 0:
        raise PromoRefused(f"Voucher {display_code(voucher.code)} takes nothing off: the "
                           "tickets are free already.")
    new_lines = tuple(priced_line(ln, free, tax_rate_bp) if i == index else ln
                      for i, ln in enumerate(lines))
    basket = PricedBasket(new_lines, sum(ln.price_minor for ln in new_lines),
                          sum(ln.tax_minor for ln in new_lines))
    taken = tuple(off + (free if i == index else 0)
                  for i, off in enumerate(offers.line_discounts or (0,) * len(lines)))
    # an offer id never holds ':' (kiosk.domain.offers.ID_RE): this line cannot clash with one
    discount = Discount(f"{VOUCHER_LINE}:{voucher.code}", voucher.label, voucher.code, free)
    return replace(offers, basket=basket, discounts=(*offers.discounts, discount),
                   line_discounts=taken)

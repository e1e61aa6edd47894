"""Tenders: how a booking was paid (cash, card, UPI, gift card, loyalty points; one or several) and
where a refund goes.

Pure rules, no I/O. ``settle`` turns what the cashier entered into the tenders recorded on the
booking; ``allocate_refund`` decides which of a booking's tenders a refund goes back to.

Refund order (issue 11; also in the README): money goes back to the booking's own tenders only,
never more to one than it paid minus what already went back to it, in this order of kind:

    card -> UPI -> voucher -> points -> cash

Within a kind, the latest tender first (an exchange's difference before the carried original).
Electronic tenders go first because they are traceable to the customer's own account; a voucher
and points are re-credited before cash because they move no money; the cash drawer pays out only what was
taken in cash and is left after the other tenders are exhausted. So card money never leaves the
drawer and cash never goes back to a card.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from kiosk.domain.booking_rules import check_card_last4
from kiosk.domain.errors import InvalidInput, PaymentError
from kiosk.domain.giftcards import masked_code, normalise_code
from kiosk.domain.loyalty import normalise_phone, points_for_amount, refunded_points
from kiosk.domain.money import format_money
from kiosk.domain.upi import check_currency, check_utr

KINDS = ("cash", "card", "upi", "voucher", "points")
REFUND_ORDER = ("card", "upi", "voucher", "points", "cash")
MAX_TENDERS = 8
_CHOOSE = "Choose cash, card, UPI, gift card or points for each payment."
MAX_AMOUNT_MINOR = 10**11  # ₹100 crore / AED 1 billion: more is a typo (and past SQLite's int64)
# 'voucher' is the kind stored (migration 0011's CHECK); since migration 0021 it is a gift card
# issued here, its reference the card's code (``kiosk.domain.giftcards``). 'points' (migration
# 0023) are a loyalty member's points, its reference the member's phone (``kiosk.domain.loyalty``).
LABELS = {"cash": "cash", "card": "card", "upi": "UPI", "voucher": "gift card", "points": "points"}


@dataclass(frozen=True)
class Tender:
    """One tender as entered: ``amount_minor`` is what it pays (for cash: the cash handed over,
    change is worked out); ``reference`` is a card's last 4 digits, a UPI reference or a gift card
    code (empty for cash)."""

    kind: str
    amount_minor: int
    reference: str = ""


@dataclass(frozen=True)
class TenderLine:
    """A tender as recorded on a booking. ``amount_minor`` is what it paid towards the booking
    (cash net of change); ``carried_from`` names the booking an exchange carried it over from."""

    seq: int
    kind: str
    amount_minor: int
    reference: str | None = None
    tendered_minor: int | None = None
    change_minor: int | None = None
    carried_from: str | None = None


@dataclass(frozen=True)
class RefundPart:
    """Part of a refund going back to one tender (``tender_seq`` None: a legacy row)."""

    tender_seq: int | None
    kind: str
    amount_minor: int


def summary_method(kinds: Iterable[str]) -> str:
    """The method a person would name: the single kind, or ``split``."""
    distinct = list(dict.fromkeys(kinds))
    if not distinct:
        return "cash"
    return distinct[0] if len(distinct) == 1 else "split"


def legacy_method(lines: Iterable[TenderLine]) -> str:
    """``bookings.payment_method`` (CHECK cash|card): 'cash' when any tender is cash, else
    'card' (card, UPI, voucher). Nothing counts money by it any more: see migration 0011."""
    return "cash" if any(t.kind == "cash" for t in lines) else "card"


def _amount(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PaymentError("Each payment amount must be a whole amount in paise/cents.")
    if value <= 0:
        raise PaymentError("Each payment amount must be more than zero.")
    if value > MAX_AMOUNT_MINOR:
        raise PaymentError("That payment amount is far too large; check the amount typed.")
    return value


def _reference(kind: str, raw: object, amount_minor: int, currency: str) -> str | None:
    if kind == "cash":
        return None
    if kind == "card":
        return check_card_last4(None if raw is None else str(raw))
    if kind == "upi":
        return check_utr(raw)
    if kind == "points":  # the member's balance is checked where the sale is written
        points_for_amount(amount_minor, currency)
        try:
            return normalise_phone(raw, currency)
        except InvalidInput as bad:
            raise PaymentError(f"Points need the member: {bad}") from None
    return normalise_code(raw)  # a real card's balance is checked where the sale is written


def settle(due_minor: int, tenders: Sequence[Tender], currency: str,
           allowed: Sequence[str] = KINDS, start_seq: int = 1) -> list[TenderLine]:
    """Check the tenders against what is due and return the lines to record.

    Card, UPI and voucher tenders together may not exceed what is due (no change on them); at
    most one cash tender covers the rest and gives change. Everything must add up to exactly
    what is due. Raises PaymentError with a message for the counter.
    """
    if due_minor <= 0:
        return []
    if isinstance(tenders, (str, bytes)) or not tenders:
        raise PaymentError(f"Take payment of {format_money(due_minor, currency)} first.")
    if len(tenders) > MAX_TENDERS:
        raise PaymentError(f"Use at most {MAX_TENDERS} payments for one sale.")
    checked: list[tuple[str, int, str | None]] = []
    for tender in tenders:
        if not isinstance(tender, Tender):
            raise PaymentError(_CHOOSE)
        kind = str(tender.kind or "").strip().lower()
        if kind == "giftcard":
            kind = "voucher"
        if kind not in KINDS:
            raise PaymentError(_CHOOSE)
        if kind not in allowed:
            names = " or ".join(LABELS[k] for k in allowed)
            raise PaymentError(f"This kiosk takes {names} payments only.")
        if kind == "upi":
            check_currency(currency)
        amount = _amount(tender.amount_minor)
        checked.append((kind, amount, _reference(kind, tender.reference, amount, currency)))
    members = {reference for kind, _, reference in checked if kind == "points"}
    if len(members) > 1:
        raise PaymentError("Points of one member only can pay a sale: the member named on it.")
    utrs = [reference for kind, _, reference in checked if kind == "upi"]
    if len(set(utrs)) != len(utrs):
        raise PaymentError("The same UPI reference is entered twice: each UPI payment has its "
                           "own 12-digit UTR.")
    cash = [c for c in checked if c[0] == "cash"]
    if len(cash) > 1:
        raise PaymentError("Enter the cash once: the total cash received.")
    other_total = sum(amount for kind, amount, _ in checked if kind != "cash")
    if other_total > due_minor:
        raise PaymentError(
            f"The card, UPI, gift card and points payments come to {format_money(other_total, currency)}, "
            f"more than the {format_money(due_minor, currency)} due. Only cash gives change.")
    rest = due_minor - other_total
    if not cash and rest:
        raise PaymentError(
            f"The payments come to {format_money(other_total, currency)}: "
            f"{format_money(rest, currency)} is still to pay.")
    if cash and rest == 0:
        raise PaymentError("Nothing is left to pay in cash: remove the cash payment.")
    if cash and cash[0][1] < rest:
        short = rest - cash[0][1]
        raise PaymentError(
            f"Cash is {format_money(short, currency)} short: due {format_money(rest, currency)}"
            f"{' in cash' if other_total else ''}, received {format_money(cash[0][1], currency)}.")
    lines = []
    for n, (kind, amount, reference) in enumerate(checked, start=start_seq):
        if kind == "cash":
            lines.append(TenderLine(n, kind, rest, None, amount, amount - rest))
        else:
            lines.append(TenderLine(n, kind, amount, reference))
    return lines


def split_for_basket(lines: Sequence[TenderLine], first_minor: int
                     ) -> tuple[list[TenderLine], list[TenderLine]]:
    """Split one basket's payment between its tickets (the first ``first_minor``) and its food
    and drink (the rest), so each sale records what paid it and each refund goes back to it.

    Card, UPI and voucher lines pay the tickets first, in the order given; cash pays last, so a
    cash line cut in two gives its change on the second part. A line cut in two keeps its kind
    and reference on both parts (one UPI payment, one UTR). Each part is numbered from 1.
    """
    if not 0 <= first_minor <= sum(t.amount_minor for t in lines):
        raise PaymentError("The payment does not cover the tickets.")
    ordered = sorted(lines, key=lambda t: (t.kind == "cash", t.seq))
    first: list[TenderLine] = []
    rest: list[TenderLine] = []
    due = first_minor
    for line in ordered:
        take = min(due, line.amount_minor)
        due -= take
        left = line.amount_minor - take
        if line.kind != "cash":
            if take:
                first.append(replace(line, seq=len(first) + 1, amount_minor=take))
            if left:
                rest.append(replace(line, seq=len(rest) + 1, amount_minor=left))
            continue
        tendered = line.tendered_minor if line.tendered_minor is not None else line.amount_minor
        if take and left:
            first.append(replace(line, seq=len(first) + 1, amount_minor=take,
                                 tendered_minor=take, change_minor=0))
            rest.append(replace(line, seq=len(rest) + 1, amount_minor=left,
                                tendered_minor=tendered - take,
                                change_minor=tendered - take - left))
        elif take:
            first.append(replace(line, seq=len(first) + 1))
        elif left:
            rest.append(replace(line, seq=len(rest) + 1))
    return first, rest


def merged(lines: Iterable[TenderLine]) -> list[TenderLine]:
    """One line per payment for people to read: a basket's cash (or one card, one UTR) split
    between its tickets and its food and drink shows as the one payment it was."""
    out: dict[tuple[str, str | None], TenderLine] = {}
    for t in lines:
        key = (t.kind, t.reference)
        seen = out.get(key)
        out[key] = t if seen is None else replace(
            seen, amount_minor=seen.amount_minor + t.amount_minor,
            tendered_minor=None if seen.tendered_minor is None or t.tendered_minor is None
            else seen.tendered_minor + t.tendered_minor,  # a cut cash line: its two parts
            change_minor=(seen.change_minor or 0) + (t.change_minor or 0)
            if t.kind == "cash" else None)
    return list(out.values())


def allocate_refund(amount_minor: int, left: Sequence[tuple[int | None, str, int]]
                    ) -> list[RefundPart]:
    """Split a refund over the tenders it goes back to, in REFUND_ORDER (latest first within a
    kind), each at most what is ``left`` on it: ``left`` is (tender seq, kind, amount not yet
    refunded). Raises PaymentError when the tenders cannot cover the refund."""
    if amount_minor <= 0:
        return []
    order = sorted(left, key=lambda t: (REFUND_ORDER.index(t[1]), -(t[0] or 0)))
    parts, due = [], amount_minor
    for seq, kind, remaining in order:
        if due == 0:
            break
        take = min(due, max(0, remaining))
        if take:
            parts.append(RefundPart(seq, kind, take))
            due -= take
    if due:
        raise PaymentError("This refund is more than is left on the booking's payments; "
                           "ask a manager to check the booking.")
    return parts


def describe(parts: Iterable[RefundPart | TenderLine], currency: str) -> str:
    """'card 1,200.00 + cash 500.00': how the money went, for receipts and messages."""
    return " + ".join(f"{LABELS.get(p.kind, p.kind)} {format_money(p.amount_minor, currency)}"
                      for p in parts)


def paid_text(lines: Iterable[TenderLine], currency: str,
              labels: Mapping[str, str] = LABELS) -> str:
    """'card ••••4242 300.00 + cash 200.00': how a booking was paid, for screens and receipts;
    ``labels`` lets a screen pass the tender names in its own language."""
    out = []
    for t in lines:
        name = labels.get(t.kind, t.kind)
        if t.kind == "card" and t.reference:
            name += f" ••••{t.reference}"
        elif t.kind == "upi" and t.reference:
            name += f" {t.reference}"
        elif t.kind == "voucher" and t.reference:
            name += f" {masked_code(t.reference)}"
        elif t.kind == "points":
            name += f" ({refunded_points(t.amount_minor, currency):,})"
        out.append(f"{name} {format_money(t.amount_minor, currency)}")
    return " + ".join(out)

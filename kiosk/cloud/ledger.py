"""The day's ledger in DynamoDB: the ONE place that names the fields of every ledger item.

Every device (and the online channel) writes what it sold, refunded, exchanged and cashed up as
items that carry ``day_pk = DAY#<cinema>#<business date>`` and ``day_sk``, the keys of the table's
``by_day`` GSI, so the manager console reads a cinema's business day with one paginated Query
(``kiosk.cloud.daypull``) instead of a scan. Writers call the builders here, never spell the
fields themselves, so the manager's pull reads exactly what was written.

Items (keys ``pk``/``sk``):

* booking  ``BOOKING#<id>`` / ``META``: ``booking_record`` (the seat claim writes it in the same
  transaction as the seats; the online channel too). ``day_sk = BOOKING#<id>``. ``tenders``
  (issue 11): each tender's kind and amount, ``carried`` for an exchange's carry-over.
  ``discounts`` (issue 12): each offer's line (offer id, label, code, amount).
* refund   ``BOOKING#<id>`` / ``REFUND#<kiosk>#<local refund id>``: ``refund_record``; states
  ``completed | pending_approval | rejected``. ``day_sk = REFUND#<kiosk>#<local id>``; the
  business date is the refund's own (a refund on Saturday of a Friday sale is Saturday's money).
  ``tenders``: the tender kinds the completed refund went back to, with amounts.
* shift    ``SHIFT#<kiosk>#<local shift id>`` / ``META``: ``shift_record`` (with its cash-up
  once closed). ``day_sk = SHIFT#<kiosk>#<local id>``. ``cash_count`` (issue 14): the drawer
  counted by denomination (kind, value, pieces); ``tender_checks``: card and UPI, expected,
  declared (terminal batch / UPI settlement) and variance; both absent for a shift closed
  with a total only, so another device's manager console sees the cash-up as it was counted.
* food and drink sale  ``ITEMSALE#<id>`` / ``META``: ``item_sale_record`` (issue 12): its lines,
  tenders and what was refunded; ``day_sk = ITEMSALE#<id>``. Each of its refunds is
  ``ITEMSALE#<id>`` / ``REFUND#<kiosk>#<local id>`` (``item_refund_record``), dated by the refund's
  own business day as a booking refund is. Both carry ``rev`` (the outbox row that sent them).
* device   ``DEVICE#<cinema>`` / ``<kiosk id>``: ``device_record`` (heartbeat; no day keys, read
  by a Query on ``DEVICE#<cinema>``).

Staff are named by ``staff_number`` (local integer ids differ per database); self-service and
online sales carry none. Money is integer minor units (paisa); times are UTC ISO-8601 strings.
``rev`` on refund/shift items is the writer's own increasing counter: a write carries the
condition "no newer rev is there", so replays and reordered retries never go backwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

BOOKING_FIELDS = ("booking_id", "reference", "show_id", "cinema_id", "business_date", "channel",
                  "kiosk_id", "staff_number", "currency", "total_minor", "tax_minor",
                  "discount_minor", "paid_minor", "payment_method", "state", "created_at",
                  "lines")
LINE_FIELDS = ("seat", "seat_type", "ticket_type", "price_minor", "tax_minor")
CHANNELS = ("counter", "self-service", "online")


def day_pk(cinema_id: str, business_date: str) -> str:
    return f"DAY#{cinema_id}#{business_date}"


def booking_pk(booking_id: str) -> str:
    return f"BOOKING#{booking_id}"


def refund_sk(kiosk_id: str, local_id: int | str) -> str:
    return f"REFUND#{kiosk_id}#{local_id}"


def shift_pk(kiosk_id: str, local_id: int | str) -> str:
    return f"SHIFT#{kiosk_id}#{local_id}"


def device_pk(cinema_id: str) -> str:
    return f"DEVICE#{cinema_id}"


def line(seat: str, seat_type: str, ticket_type: str, price_minor: int,
         tax_minor: int) -> dict[str, Any]:
    """One seat of a booking, as stored in the booking item's ``lines``."""
    return {"seat": seat, "seat_type": seat_type, "ticket_type": ticket_type,
            "price_minor": int(price_minor), "tax_minor": int(tax_minor)}


def tender(kind: str, amount_minor: int, carried: bool = False) -> dict[str, Any]:
    """One tender of a booking (or of a refund, never carried) in its item's ``tenders``."""
    return {"kind": kind, "amount_minor": int(amount_minor), "carried": bool(carried)}


def booking_record(*, booking_id: str, reference: str, show_id: str, cinema_id: str,
                   business_date: str, channel: str, kiosk_id: str, staff_number: str | None,
                   currency: str, total_minor: int, tax_minor: int, payment_method: str,
                   created_at: str, lines: Iterable[Mapping[str, Any]],
                   discount_minor: int = 0, paid_minor: int | None = None,
                   state: str = "confirmed", refunded_minor: int = 0,
                   hold_id: str | None = None, exchanged_from: str | None = None,
                   tenders: Iterable[Mapping[str, Any]] = (),
                   discounts: Iterable[Mapping[str, Any]] = (),
                   contact_hash: str = "") -> dict[str, Any]:
    """The booking item's ledger fields (without ``pk``/``sk``: ``SeatClaims.confirm`` adds them).

    ``paid_minor`` is the money taken at this sale (an exchange takes only the difference);
    None means the total. ``staff_number`` is dropped for self-service and online sales.
    """
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    record: dict[str, Any] = {
        "booking_id": booking_id, "reference": reference, "show_id": show_id,
        "cinema_id": cinema_id, "business_date": business_date, "channel": channel,
        "kiosk_id": kiosk_id, "currency": currency, "total_minor": int(total_minor),
        "tax_minor": int(tax_minor), "discount_minor": int(discount_minor),
        "paid_minor": int(total_minor if paid_minor is None else paid_minor),
        "refunded_minor": int(refunded_minor), "payment_method": payment_method,
        "state": state, "created_at": created_at,
        "lines": [line(**{k: ln[k] for k in LINE_FIELDS}) for ln in lines],
        "day_pk": day_pk(cinema_id, business_date), "day_sk": booking_pk(booking_id),
    }
    if staff_number and channel == "counter":
        record["staff_number"] = str(staff_number)
    if hold_id:
        record["hold_id"] = hold_id
    if exchanged_from:
        record["exchanged_from"] = exchanged_from
    tenders = [tender(t["kind"], t["amount_minor"], t.get("carried", False)) for t in tenders]
    if tenders:
        record["tenders"] = tenders
    discounts = [discount(d["offer_id"], d["label"], d.get("code", ""), d["amount_minor"])
                 for d in discounts]
    if discounts:  # issue 12: each offer's line, so the manager's day counts offers too
        record["discounts"] = discounts
    if contact_hash:  # issue 13: "collect tickets" by the phone used, at any kiosk
        record["contact_hash"] = contact_hash
    return record


def contact_hash(contact: str, currency: str = "INR") -> str:
    """What the cloud keeps of a customer's phone or e-mail (normalised): a digest a kiosk can
    match a typed contact against, never the contact itself. A phone number is short, so this
    only keeps it out of plain sight (whoever reads the table could try every number); the
    contact itself stays on the selling device."""
    import hashlib

    from kiosk.domain.booking_rules import normalise_contact
    from kiosk.domain.errors import InvalidInput
    from kiosk.domain.loyalty import normalise_phone

    try:
        text = normalise_contact(contact)
    except InvalidInput:
        return ""
    if "@" in text:
        text = text.lower()  # one mailbox, however its owner capitalises it
    elif text:  # one phone, however typed: +91 98765 43210 = 098765 43210
        try:
            text = normalise_phone(text, currency)
        except InvalidInput:
            pass
    if not text:
        return ""
    return hashlib.sha256(f"box-office-kiosk/contact/{text}".encode()).hexdigest()[:32]


def discount(offer_id: str, label: str, code: str, amount_minor: int) -> dict[str, Any]:
    """One discount line of a booking (an offer, a promo code, a voucher) in ``discounts``."""
    return {"offer_id": offer_id, "label": label, "code": code or "",
            "amount_minor": int(amount_minor)}


def refund_record(*, booking_id: str, kiosk_id: str, local_id: int, cinema_id: str,
                  business_date: str, seats: list[str], amount_minor: int, tax_minor: int,
                  currency: str, method: str, reason: str, state: str, created_at: str,
                  requested_by: str | None, decided_by: str | None, decided_at: str | None,
                  shift_id: int | None, rev: int,
                  tenders: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """A refund item (``pk``/``sk`` included). ``requested_by``/``decided_by`` are staff numbers."""
    sk = refund_sk(kiosk_id, local_id)
    record = {
        "pk": booking_pk(booking_id), "sk": sk, "kind": "refund", "booking_id": booking_id,
        "kiosk_id": kiosk_id, "local_id": int(local_id), "cinema_id": cinema_id,
        "business_date": business_date, "seats": list(seats), "amount_minor": int(amount_minor),
        "tax_minor": int(tax_minor), "currency": currency, "method": method, "reason": reason,
        "state": state, "created_at": created_at, "requested_by": requested_by,
        "decided_by": decided_by, "decided_at": decided_at, "shift_id": shift_id,
        "rev": int(rev), "day_pk": day_pk(cinema_id, business_date), "day_sk": sk,
        "tenders": [tender(t["kind"], t["amount_minor"]) for t in tenders] or None,
    }
    return {k: v for k, v in record.items() if v is not None}


def shift_record(*, kiosk_id: str, local_id: int, cinema_id: str, business_date: str,
                 staff_number: str | None, currency: str, opened_at: str, float_minor: int,
                 closed_at: str | None, expected_minor: int | None, counted_minor: int | None,
                 variance_minor: int | None, approved_by: str | None, approved_at: str | None,
                 comment: str, rev: int, cash_count: Iterable[Mapping[str, Any]] = (),
                 tender_checks: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """A shift item with its cash-up (closing fields absent while the shift is open)."""
    pk = shift_pk(kiosk_id, local_id)
    record = {
        "pk": pk, "sk": "META", "kind": "shift", "kiosk_id": kiosk_id, "local_id": int(local_id),
        "cinema_id": cinema_id, "business_date": business_date, "staff_number": staff_number,
        "currency": currency, "opened_at": opened_at, "float_minor": int(float_minor),
        "closed_at": closed_at, "expected_minor": expected_minor, "counted_minor": counted_minor,
        "variance_minor": variance_minor, "approved_by": approved_by, "approved_at": approved_at,
        "comment": comment, "rev": int(rev), "day_pk": day_pk(cinema_id, business_date),
        "day_sk": pk,
        "cash_count": [count_line(c["kind"], c["value_minor"], c["pieces"])
                       for c in cash_count] or None,
        "tender_checks": [tender_check(c["kind"], c["expected_minor"], c["declared_minor"])
                          for c in tender_checks] or None,
    }
    return {k: v for k, v in record.items() if v is not None}


def count_line(kind: str, value_minor: int, pieces: int) -> dict[str, Any]:
    """One denomination of a drawer count (``note`` / ``coin``, its value, how many)."""
    return {"kind": str(kind), "value_minor": int(value_minor), "pieces": int(pieces)}


def tender_check(kind: str, expected_minor: int, declared_minor: int) -> dict[str, Any]:
    """A card or UPI check of a cash-up; variance = declared - expected, as the close wrote."""
    return {"kind": str(kind), "expected_minor": int(expected_minor),
            "declared_minor": int(declared_minor),
            "variance_minor": int(declared_minor) - int(expected_minor)}


ITEM_LINE_FIELDS = ("line_no", "item_id", "combo_id", "category_id", "label", "qty",
                    "unit_price_minor", "total_minor", "tax_minor", "refunded_qty")


def item_sale_pk(sale_id: str) -> str:
    return f"ITEMSALE#{sale_id}"


def item_sale_record(*, sale_id: str, reference: str, cinema_id: str, business_date: str,
                     channel: str, kiosk_id: str, staff_number: str | None,
                     booking_id: str | None, currency: str, total_minor: int, tax_minor: int,
                     refunded_minor: int, payment_method: str, created_at: str,
                     lines: Iterable[Mapping[str, Any]], tenders: Iterable[Mapping[str, Any]],
                     rev: int) -> dict[str, Any]:
    """A food and drink sale as the cinema's day reads it (``pk``/``sk`` included)."""
    pk = item_sale_pk(sale_id)
    record = {
        "pk": pk, "sk": "META", "kind": "item_sale", "sale_id": sale_id, "reference": reference,
        "cinema_id": cinema_id, "business_date": business_date, "channel": channel,
        "kiosk_id": kiosk_id, "staff_number": staff_number if channel == "counter" else None,
        "booking_id": booking_id, "currency": currency, "total_minor": int(total_minor),
        "tax_minor": int(tax_minor), "refunded_minor": int(refunded_minor),
        "payment_method": payment_method, "created_at": created_at,
        "lines": [{k: ln[k] for k in ITEM_LINE_FIELDS if ln.get(k) is not None} for ln in lines],
        "tenders": [tender(t["kind"], t["amount_minor"]) for t in tenders],
        "rev": int(rev), "day_pk": day_pk(cinema_id, business_date), "day_sk": pk,
    }
    return {k: v for k, v in record.items() if v is not None}


def item_refund_record(*, sale_id: str, kiosk_id: str, local_id: int, cinema_id: str,
                       business_date: str, amount_minor: int, tax_minor: int, currency: str,
                       created_at: str, tenders: Iterable[Mapping[str, Any]],
                       rev: int) -> dict[str, Any]:
    """A refund of a food and drink sale, on the refund's own business day."""
    sk = refund_sk(kiosk_id, local_id)
    return {"pk": item_sale_pk(sale_id), "sk": sk, "kind": "item_refund", "sale_id": sale_id,
            "kiosk_id": kiosk_id, "local_id": int(local_id), "cinema_id": cinema_id,
            "business_date": business_date, "amount_minor": int(amount_minor),
            "tax_minor": int(tax_minor), "currency": currency, "created_at": created_at,
            "tenders": [tender(t["kind"], t["amount_minor"]) for t in tenders], "rev": int(rev),
            "day_pk": day_pk(cinema_id, business_date),
            "day_sk": f"ITEMREFUND#{kiosk_id}#{local_id}"}


def device_record(*, cinema_id: str, kiosk_id: str, last_seen: str, pending: int, dead: int,
                  last_sale_at: str | None, app_version: str) -> dict[str, Any]:
    """A device's heartbeat item: what the freshness line is made of."""
    record = {"pk": device_pk(cinema_id), "sk": kiosk_id, "kind": "device",
              "cinema_id": cinema_id, "kiosk_id": kiosk_id, "last_seen": last_seen,
              "pending": int(pending), "dead_letters": int(dead), "last_sale_at": last_sale_at,
              "app_version": app_version}
    return {k: v for k, v in record.items() if v is not None}

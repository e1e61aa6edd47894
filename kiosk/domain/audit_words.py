"""The audit log in words a manager reads (issue 14 defect 10): "Opened a shift with a float of
₹5,000.00", not ``shift_open {"currency": "INR", "float_minor": 500000}``. Pure rules, no I/O.

``action_name`` names an action ("Refund requested"); ``describe`` writes one row as a sentence
from its action, target and detail. Actions without a sentence of their own fall back to their
name and the detail as "key: value" pairs, amounts (``*_minor`` with a ``currency``) as money.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kiosk.domain import refund_reasons
from kiosk.domain.money import format_money

Detail = Mapping[str, Any]

NAMES = {
    "sign_in": "Signed in", "sign_out": "Signed out", "sign_in_failed": "Sign-in refused",
    "confirm": "Sale", "exchange": "Exchange", "refund": "Refund",
    "refund_requested": "Refund requested", "refund_approved": "Refund approved",
    "refund_rejected": "Refund rejected", "refund_paid_out": "Refund paid out",
    "shift_open": "Shift opened", "shift_close": "Shift closed",
    "cashup.slip": "Cash-up slip printed", "cashup.reprint": "Cash-up slip reprinted",
    "shift_report": "Cash-up looked at",
    "item_sale": "Food and drink sale", "item_refund": "Food and drink refund",
    "item_collect": "Food and drink collected", "day_close": "Business day closed",
    "day_adjust": "Closed day corrected", "import": "Import", "config_change": "Setting changed",
    "giftcard_block": "Gift card blocked", "voucher_issue": "Vouchers issued",
    "voucher_void": "Voucher cancelled", "member_update": "Member changed",
    "points_shortfall": "Points short at a refund", "confirmation.resend": "Confirmation resent",
    "tickets.reprint": "Tickets reprinted", "tickets.reprint_collected":
    "Collected tickets reprinted", "tickets.double_collection": "Tickets printed twice",
    "tickets.collection_released": "Collection given back", "door.double_admission":
    "Admitted twice", "outbox.dead_letter": "Not sent (needs a manager)",
    "outbox.retry": "Sending retried", "outbox.export": "Unsent rows exported",
    "offer.change": "Offer changed", "offer.withdraw": "Offer withdrawn",
    "menu.set_stock": "Stock counted", "catalogue.publish": "Catalogue published",
    "catalogue.conflict": "Catalogue edit refused", "cinema.limits": "Money limits changed",
    "sync_conflict": "Seats sold elsewhere first", "sync_refused": "Refused by the cloud",
    "conflict_reseat": "Customer re-seated", "conflict_refund": "Conflict refunded",
    "cloud_allocate": "Offline seats set aside", "cloud_revoke": "Offline seats given back",
    "cloud_resend": "Sent again", "init.discard_unsent": "Unsent sales discarded",
    "ticket_keys.rotate": "Ticket key rotated", "ticket_keys.drop": "Ticket key dropped",
    "ticket_keys.import": "Ticket keys imported",
}


def action_name(action: str) -> str:
    """The action in words; an unknown one with its underscores and dots as spaces."""
    if action in NAMES:
        return NAMES[action]
    words = action.replace(".", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _money(detail: Detail, key: str) -> str:
    """An amount in its row's currency; a row that does not say its currency shows the bare
    amount (never a guessed ₹ for dirhams)."""
    try:
        amount = int(detail[key])
    except (KeyError, TypeError, ValueError):
        return str(detail.get(key, ""))
    currency = detail.get("currency")
    if not currency:
        return f"{amount / 100:,.2f}"
    return format_money(amount, str(currency))


def reason_words(reason: str) -> str:
    """A stored refund reason for a reader: the code in words, with its note
    (``kiosk.domain.refund_reasons``); free text of older rows as it was."""
    return refund_reasons.parse(reason).words


def _reason(detail: Detail) -> str:
    """The refund's reason in words, as a sentence's ending."""
    words = reason_words(str(detail.get("reason") or ""))
    return f" Reason: {words}." if words else ""


SIGN_IN_REFUSALS = {"wrong_pin": "wrong PIN", "locked": "locked out",
                    "unknown_staff": "unknown staff number", "inactive": "inactive account"}


def _pairs(detail: Detail) -> str:
    """The detail as "key: value" pairs, amounts as money, empty values left out."""
    parts = []
    for key in sorted(detail):
        value = detail[key]
        if value in (None, "", [], {}) or key == "currency":
            continue
        if key.endswith("_minor"):
            parts.append(f"{key.removesuffix('_minor').replace('_', ' ')}: {_money(detail, key)}")
        elif isinstance(value, (list, tuple)):
            parts.append(f"{key.replace('_', ' ')}: {', '.join(map(str, value))}")
        else:
            parts.append(f"{key.replace('_', ' ')}: {value}")
    return "; ".join(parts)


def _seats(detail: Detail) -> str:
    seats = detail.get("seats")
    return f" (seats {', '.join(map(str, seats))})" if isinstance(seats, (list, tuple)) and \
        seats else ""


_SENTENCES: dict[str, Callable[[str, Detail], str]] = {
    "sign_in": lambda t, d: f"Signed in as staff {t}.",
    "sign_out": lambda t, d: f"Signed out (staff {t}).",
    "sign_in_failed": lambda t, d: f"Sign-in as staff {t} refused"
                                   + (f" ({SIGN_IN_REFUSALS.get(str(d['reason']), d['reason'])})."
                                      if d.get("reason") else "."),
    "shift_open": lambda t, d: f"Opened shift {t} with a float of {_money(d, 'float_minor')}.",
    "shift_close": lambda t, d: f"Closed shift {t}: counted {_money(d, 'counted_minor')}, "
                                f"expected {_money(d, 'expected_minor')}."
                                if "counted_minor" in d else f"Closed shift {t}.",
    "confirm": lambda t, d: f"Sold booking {t}{_seats(d)}.",
    "refund": lambda t, d: f"Refunded {_money(d, 'amount_minor')} of booking {t}"
                           + (f" ({d['method']})" if d.get("method") else "") + _seats(d) + "."
                           + _reason(d),
    "refund_requested": lambda t, d: f"Asked a manager to approve a refund of "
                                     f"{_money(d, 'amount_minor')} of booking {t}."
                                     + _reason(d),
    "refund_approved": lambda t, d: f"Approved refund {t}.",
    "refund_rejected": lambda t, d: f"Rejected refund {t}"
                                    + (f": {d['comment']}." if d.get("comment") else "."),
    "item_sale": lambda t, d: f"Sold food and drink {t}.",
    "confirmation.resend": lambda t, d: f"Sent the confirmation of booking {t} again to "
                                        f"{d.get('to', 'the customer')}.",
    "tickets.reprint": lambda t, d: f"Reprinted {d.get('tickets', '')} ticket(s) of "
                                    f"{d.get('reference', t)}.",
    "door.double_admission": lambda t, d: f"Booking {d.get('reference', t)} was admitted at "
                                          f"{d.get('first_door', '?')} and again at "
                                          f"{d.get('second_door', '?')}.",
}


def describe(action: str, target: str, detail: Detail | None, ok: bool = True) -> str:
    """One audit row as a sentence (refused actions say so)."""
    detail = detail or {}
    writer = _SENTENCES.get(action)
    if writer is not None:
        try:
            sentence = writer(str(target), detail)
        except (KeyError, TypeError, ValueError):
            sentence = ""
        if sentence:
            return sentence if ok or "refused" in sentence else f"Refused: {sentence}"
    pairs = _pairs(detail)
    head = f"{action_name(action)} {target}".strip()
    text = f"{head}: {pairs}" if pairs else head
    return text if ok else f"Refused: {text}"

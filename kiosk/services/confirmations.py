"""Whether a booking's confirmation reached the customer, and sending it again (issue 13 point 8).

A confirmation is an outbox row of kind ``notify`` (written with the sale); the cloud worker
sends it and notes the outcome on the row: sent, not sendable (a number that cannot be a mobile
one), or refused by SNS until it gave up (dead-lettered). That row is the booking's delivery
record: ``status`` reads the latest one, so the counter sees a failure on the booking itself and
``resend`` queues a new row (to the same contact, or one the customer corrects: the booking
keeps the corrected one), audited with the contact masked. No Qt here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.booking_rules import normalise_contact
from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import InvalidInput, NotFound
from kiosk.domain.loyalty import masked_phone
from kiosk.services import audit, outbox
from kiosk.services.auth import require_role
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Role
from kiosk.store.db import transaction


class State:
    NONE = "none"  # no contact was given: nothing to send
    QUEUED = "queued"  # waiting for the cloud worker (or this kiosk has no cloud sync)
    RETRYING = "retrying"  # SNS refused or did not answer; the worker tries again
    SENT = "sent"
    FAILED = "failed"  # not sendable, or the worker gave up: the counter may resend


@dataclass(frozen=True)
class Confirmation:
    booking_id: str
    state: str
    contact: str  # masked: what a screen or a log may show
    note: str  # why it failed (contacts already masked by the worker)
    at: datetime | None  # when it was sent or given up on

    @property
    def failed(self) -> bool:
        return self.state == State.FAILED


def masked_contact(contact: str) -> str:
    """``a•••@example.com`` or ``+91 •••••• 3210``: enough for the customer to recognise."""
    if "@" in contact:
        local, _, domain = contact.partition("@")
        return f"{local[:1]}•••@{domain}"
    return masked_phone(contact) if len(contact) >= 8 else "•••" + contact[-2:]


class ConfirmationService:
    def __init__(self, deps: ServiceDeps) -> None:
        self.deps = deps

    def status(self, booking_id: str) -> Confirmation:
        conn = self.deps.conn
        booking = conn.execute("SELECT customer_contact FROM bookings WHERE id = ?",
                               (booking_id,)).fetchone()
        if booking is None:
            raise NotFound(f"Booking {booking_id} is not on this kiosk.")
        row = conn.execute(
            "SELECT payload, done_at, dead_at, last_error, failures FROM outbox "
            "WHERE booking_id = ? AND kind = 'notify' ORDER BY id DESC LIMIT 1",
            (booking_id,)).fetchone()
        if row is None:
            return Confirmation(booking_id, State.NONE, "", "", None)
        contact = str(json.loads(row["payload"]).get("contact") or "")
        shown = masked_contact(contact) if contact else ""
        note = str(row["last_error"] or "")
        if row["dead_at"]:
            return Confirmation(booking_id, State.FAILED, shown, note, from_iso(row["dead_at"]))
        if row["done_at"]:
            at = from_iso(row["done_at"])
            if not contact:
                return Confirmation(booking_id, State.NONE, "", "", at)
            if note.startswith("not sent"):
                return Confirmation(booking_id, State.FAILED, shown,
                                    note.removeprefix("not sent: "), at)
            return Confirmation(booking_id, State.SENT, shown, note, at)
        if row["failures"]:
            return Confirmation(booking_id, State.RETRYING, shown, note, None)
        return Confirmation(booking_id, State.QUEUED, shown, "", None)

    def resend(self, actor: Actor, booking_id: str, contact: str | None = None,
               language: str | None = None) -> Confirmation:
        """Queue the confirmation again (staff at a counter; self-service cannot).

        ``contact``: a corrected phone or e-mail (kept on the booking); None or blank: the one
        the booking has. A booking without any contact is refused in words, nothing written.
        """
        require_role(self.deps, actor, (Role.CASHIER, Role.MANAGER), "confirmation.resend",
                     booking_id)
        conn = self.deps.conn
        booking = conn.execute("SELECT customer_contact, state FROM bookings WHERE id = ?",
                               (booking_id,)).fetchone()
        if booking is None:
            raise NotFound(f"Booking {booking_id} is not on this kiosk.")
        if booking["state"] not in ("confirmed", "partially_refunded"):
            raise InvalidInput("This booking is no longer valid (refunded, exchanged or "
                               "cancelled): there is no confirmation to send.")
        given = normalise_contact(contact) if contact and contact.strip() else ""
        target = given or str(booking["customer_contact"] or "")
        if not target:
            raise InvalidInput("This booking has no phone number or e-mail address. Ask the "
                               "customer for one and type it in.")
        now = self.deps.clock.now()
        with transaction(conn):
            if given and given != booking["customer_contact"]:
                conn.execute("UPDATE bookings SET customer_contact = ? WHERE id = ?",
                             (given, booking_id))
            # an earlier attempt still waiting is replaced, not sent twice
            conn.execute("UPDATE outbox SET done_at = ?, last_error = 'replaced by a resend' "
                         "WHERE booking_id = ? AND kind = 'notify' AND done_at IS NULL "
                         "AND dead_at IS NULL", (to_iso(now), booking_id))
            outbox.enqueue(conn, kind="notify", booking_id=booking_id, now=now,
                           payload={"booking_id": booking_id, "contact": target,
                                    "language": language or self.deps.config.language})
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, staff_id=actor.staff_id,
                         action="confirmation.resend", target=booking_id,
                         detail={"to": masked_contact(target), "corrected": bool(given)})
        return self.status(booking_id)

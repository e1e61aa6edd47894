"""Collecting tickets booked elsewhere (issue 13 point 1): the web, another counter or kiosk.

``find`` takes what the customer has: the booking's QR (its signed code: a forged one is
refused), its reference, or the phone number or e-mail used. It looks in this device's bookings
and in the bookings of the next shows pulled from the cloud (``show_tickets``; pulled again once
on a miss). ``collect`` takes the collection once for the whole cinema (a conditional write;
this device's ``collections`` row as well) before anything prints, and ``release`` gives it back
when the printer then fails, so the customer can try again. A second collection is refused in
words ("already collected at KIOSK-2, 19:02") unless a manager reprints, audited.

Offline, a booking of another device cannot be collected here (the cloud alone knows whether it
was collected elsewhere); this device's own bookings can.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from kiosk.cloud.ledger import contact_hash
from kiosk.domain.booking_rules import normalise_contact
from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import InvalidInput, NotFound
from kiosk.domain.ids import normalise_reference
from kiosk.domain.loyalty import normalise_phone
from kiosk.domain.ticket_codes import is_code
from kiosk.services import audit, outbox
from kiosk.services.auth import require_role
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Booking, Role
from kiosk.store.db import transaction

if TYPE_CHECKING:
    from kiosk.cloud.collections import CloudCollections
    from kiosk.services.admissions import AdmissionService
    from kiosk.services.booking import BookingService

ENDED_GRACE = timedelta(minutes=15)
# A booking made elsewhere is looked for among the shows of the next two days (pulled on a
# miss, one Query per show): tickets for later shows are collected nearer the day.
COLLECT_AHEAD_H = 48
_REFERENCE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")  # a late-comer may still collect just after the start


class AlreadyCollected(InvalidInput):
    """The tickets were collected before (where and when are in the message)."""


class ProofNeeded(InvalidInput):
    """Self-service found the booking by a phone number: the reference's end proves it."""


@dataclass(frozen=True)
class Collection:
    booking: Booking
    collected_at: datetime
    reprint: bool = False


class CollectionService:
    def __init__(self, deps: ServiceDeps, booking: BookingService, admissions: AdmissionService,
                 cloud: CloudCollections | None = None) -> None:
        """``booking``: BookingService; ``admissions``: AdmissionService (its pull of the next
        shows' bookings); ``cloud``: kiosk.cloud.collections.CloudCollections or None."""
        self.deps = deps
        self.booking = booking
        self.admissions = admissions
        self.cloud = cloud

    # -- finding --------------------------------------------------------------------------------
    def find(self, actor: Actor, text: str) -> list[Booking]:
        """The bookings ``text`` names that still have tickets to collect (most often one)."""
        require_role(self.deps, actor, (Role.SELF_SERVICE, Role.CASHIER, Role.MANAGER),
                     "tickets.find")
        raw = str(text or "").strip()
        if not raw:
            raise InvalidInput("Scan the QR code of your booking, or type its reference or the "
                               "phone number you booked with.")
        if len(raw) > 300:
            raise InvalidInput("That is not a booking code, reference or phone number.")
        ids = self._ids(raw)
        if not ids and self.admissions.prefetch_quietly(COLLECT_AHEAD_H):
            ids = self._ids(raw)
        if not ids:
            raise NotFound("No booking found for that. Check the reference on your e-mail or "
                           "SMS, or ask at the counter.")
        found = [b for b in (self._booking(i) for i in ids) if b is not None]
        live = [b for b in found if self._collectable(b) is None]
        if not live:
            raise InvalidInput(self._collectable(found[0]) if found else "No booking found.")
        return live

    def _ids(self, raw: str) -> list[str]:
        conn = self.deps.conn
        if is_code(raw):
            reference = self.deps.reference_of(raw)  # ForgedTicket for a forged code
            return self._by_reference(reference)
        reference = normalise_reference(raw)
        if _REFERENCE.match(reference):
            found = self._by_reference(reference)
            if found or not raw.replace(" ", "").isdigit():  # 8 digits: a phone, perhaps
                return found
        try:
            contact = normalise_contact(raw)
        except InvalidInput:
            raise InvalidInput("That is not a booking reference (like K7QX-4M2P) or a phone "
                               "number or e-mail address.") from None
        local = self._local_by_contact(contact)
        digests = {contact_hash(contact, c[0]) for c in
                   conn.execute("SELECT DISTINCT currency FROM cinemas")} - {""}
        pulled = [r[0] for r in conn.execute(
            f"SELECT booking_id FROM show_tickets WHERE contact_hash IN "  # noqa: S608
            f"({','.join('?' * len(digests))}) ORDER BY created_at DESC LIMIT 20",
            tuple(digests))] if digests else []
        return list(dict.fromkeys(local + pulled))

    def _local_by_contact(self, contact: str) -> list[str]:
        """This device's bookings made with that phone (however either was typed) or e-mail."""
        conn = self.deps.conn
        if "@" in contact:
            return [r[0] for r in conn.execute(
                "SELECT id FROM bookings WHERE customer_contact = ? COLLATE NOCASE "
                "ORDER BY created_at DESC LIMIT 20", (contact,))]
        tail = contact[-7:]  # candidates by the last digits, then compared in full
        rows = conn.execute(
            "SELECT b.id, b.customer_contact, b.currency FROM bookings b WHERE "
            "b.customer_contact LIKE ? ORDER BY b.created_at DESC LIMIT 200", (f"%{tail}",))
        found = []
        for booking_id, stored, currency in rows:
            try:
                if normalise_phone(stored, currency) == normalise_phone(contact, currency):
                    found.append(booking_id)
            except InvalidInput:
                continue
        return found[:20]

    def _by_reference(self, reference: str) -> list[str]:
        conn = self.deps.conn
        row = conn.execute("SELECT id FROM bookings WHERE reference = ?", (reference,)).fetchone() \
            or conn.execute("SELECT booking_id FROM show_tickets WHERE reference = ?",
                            (reference,)).fetchone()
        return [str(row[0])] if row else []

    def _booking(self, booking_id: str) -> Booking | None:
        local = self.deps.conn.execute("SELECT 1 FROM bookings WHERE id = ?",
                                       (booking_id,)).fetchone()
        if local is not None:
            return self.booking.get_by_id(booking_id)
        return self.booking.pulled(booking_id)

    def _collectable(self, booking: Booking) -> str | None:
        """Why this booking has no tickets to collect now (None: it has)."""
        cinema = self.deps.config.cinema_id
        if cinema and booking.show.cinema_id != cinema:
            return (f"That booking is for {booking.show.cinema_name}, not this cinema: collect "
                    "the tickets there.")
        if booking.state in ("exchanged", "void", "cancelled"):
            return "That booking was exchanged or cancelled: it has no tickets."
        if booking.state == "refunded" or not any(not ln.refunded for ln in booking.lines):
            return "That booking was refunded: it has no tickets."
        if booking.state not in ("confirmed", "partially_refunded"):  # seats lost in a conflict
            return "That booking is not valid for entry: please ask at the counter."
        if booking.show.starts_at + ENDED_GRACE < self.deps.clock.now():
            return "That show has already started or ended: ask at the counter."
        return None

    # -- collecting once ------------------------------------------------------------------------
    def collect(self, actor: Actor, booking_id: str, *, reprint: bool = False,
                proof: str = "") -> Collection:
        """Take the collection (the caller then prints; on a printer fault it calls
        ``release``). ``reprint``: a manager prints again what was collected, audited.

        At an unattended kiosk a phone number is not enough to print someone's tickets (anyone
        may know it): ``proof`` must be the booking's QR, its reference or the reference's last
        four characters, which only the customer's e-mail or SMS carries. Staff check the
        customer themselves."""
        require_role(self.deps, actor, (Role.SELF_SERVICE, Role.CASHIER, Role.MANAGER),
                     "tickets.collect", booking_id)
        if reprint:
            require_role(self.deps, actor, Role.MANAGER, "tickets.reprint_collected", booking_id)
        booking = self._booking(booking_id)
        if booking is None:
            raise NotFound("That booking is not on this kiosk any more. Scan it again.")
        if actor.role == Role.SELF_SERVICE and not self.proves(booking, proof):
            raise ProofNeeded("To print these tickets, type the last 4 characters of your "
                              "booking reference (in your e-mail or SMS).")
        conn = self.deps.conn
        own = conn.execute("SELECT 1 FROM bookings WHERE id = ?", (booking_id,)).fetchone()
        if own is None:
            booking = self._fresh(booking)
        problem = self._collectable(booking)
        if problem:
            raise InvalidInput(problem)
        now = self.deps.clock.now()
        if reprint:
            with transaction(conn):
                audit.record(conn, at=now, kiosk_id=actor.kiosk_id, staff_id=actor.staff_id,
                             action="tickets.reprint_collected", target=booking_id,
                             detail={"reference": booking.reference})
            return Collection(booking, now, reprint=True)
        first = conn.execute("SELECT kiosk_id, collected_at FROM collections WHERE booking_id = ?",
                             (booking_id,)).fetchone()
        if first is not None:
            raise self._already(first[0], from_iso(first[1]), booking)
        queued = False
        if self.cloud is not None:
            taken_at = self._collect_in_cloud(self.cloud, booking, actor, now, own is not None)
            queued = taken_at is None  # offline: this device's own booking, sent later
            now = taken_at or now
        elif own is None:
            raise InvalidInput("This kiosk cannot collect tickets booked elsewhere (it is not "
                               "connected to the cinema). Ask at the counter.")
        with transaction(conn):
            record_collection(conn, booking, actor, now, queue=queued)
        return Collection(booking, now)

    def proves(self, booking: Booking, proof: str) -> bool:
        """``proof`` shows the customer holds the booking's message: its QR (signed), its
        reference, or the reference's last four characters."""
        text = str(proof or "").strip()
        if not text:
            return False
        if is_code(text):
            try:
                return self.deps.reference_of(text) == booking.reference
            except InvalidInput:
                return False
        typed = normalise_reference(text)
        if _REFERENCE.match(typed):
            return typed == booking.reference
        # the last four, read as references are (O is 0, I and L are 1)
        tail = text.upper().replace("O", "0").replace("I", "1").replace("L", "1")
        return len(tail) == 4 and tail == booking.reference[-4:]

    def _fresh(self, booking: Booking) -> Booking:
        """Another device's booking as the cloud has it now: seats refunded since the pull are
        not printed. The pulled copy when the cloud does not answer (collection then refuses
        anyway: it cannot check another device's booking offline)."""
        from dataclasses import replace

        reader = self.admissions.cloud
        if reader is None or not reader.worth_trying():
            return booking
        from kiosk.cloud.errors import CloudError, CloudUnavailable

        try:
            item = reader.booking(booking.booking_id)
        except (CloudUnavailable, CloudError):
            return booking
        if item is None:
            return booking
        from kiosk.cloud.admissions import refunded_seats

        refunded = refunded_seats(item)
        return replace(booking, lines=tuple(ln for ln in booking.lines
                                            if ln.seat_code not in refunded),
                       state=str(item.get("state") or booking.state))

    def _collect_in_cloud(self, cloud: CloudCollections, booking: Booking, actor: Actor,
                          now: datetime, own: bool) -> datetime | None:
        """When the cloud took the collection (ours; after a lost answer, the time it kept);
        None when it did not answer and this device's own booking is collected offline (the
        outbox sends it later)."""
        from kiosk.cloud.collections import AlreadyCollected as TakenInCloud
        from kiosk.cloud.errors import CloudError, CloudUnavailable

        try:
            if not cloud.worth_trying():
                raise CloudUnavailable("offline")
            cloud.collect(booking.show.cinema_id, booking.booking_id, booking.reference,
                          actor.kiosk_id, to_iso(now))
            return now
        except TakenInCloud as taken:
            first = taken.first
            at = from_iso(first.collected_at) if first.collected_at else now
            if first.kiosk_id == actor.kiosk_id:  # our own put whose answer was lost: ours
                return at
            raise self._already(first.kiosk_id, at, booking) from None
        except (CloudUnavailable, CloudError):
            if not own:
                raise InvalidInput("This kiosk cannot check now whether these tickets were "
                                   "already collected (no connection). Ask at the counter.") \
                    from None
            return None

    def _already(self, kiosk_id: str, at: datetime, booking: Booking) -> AlreadyCollected:
        from zoneinfo import ZoneInfo

        local = at.astimezone(ZoneInfo(booking.show.timezone))
        return AlreadyCollected(f"These tickets were already collected at {kiosk_id}, "
                                f"{local:%H:%M}. Ask at the counter if they were lost.")

    def release(self, actor: Actor, collection: Collection) -> None:
        """The printer failed: give the collection back so the customer can try again (the
        cloud's copy too, now or, offline, through the outbox)."""
        require_role(self.deps, actor, (Role.SELF_SERVICE, Role.CASHIER, Role.MANAGER),
                     "tickets.release", collection.booking.booking_id)
        if collection.reprint:
            return
        booking = collection.booking
        at = to_iso(collection.collected_at)
        released_in_cloud = self.cloud is None
        if self.cloud is not None:
            from kiosk.cloud.errors import CloudError, CloudUnavailable

            try:
                self.cloud.release(booking.show.cinema_id, booking.booking_id, actor.kiosk_id,
                                   at)
                released_in_cloud = True
            except (CloudUnavailable, CloudError):
                pass
        conn = self.deps.conn
        now = self.deps.clock.now()
        with transaction(conn):
            conn.execute("DELETE FROM collections WHERE booking_id = ? AND kiosk_id = ? "
                         "AND collected_at = ?", (booking.booking_id, actor.kiosk_id, at))
            # a collection still waiting to be sent is simply not sent
            conn.execute("UPDATE outbox SET done_at = ?, last_error = 'released: not printed' "
                         "WHERE kind = ? AND done_at IS NULL AND dead_at IS NULL "
                         "AND json_extract(payload, '$.booking_id') = ? "
                         "AND json_extract(payload, '$.collected_at') = ?",
                         (to_iso(now), COLLECT_KIND, booking.booking_id, at))
            if not released_in_cloud:
                outbox.enqueue(conn, kind=RELEASE_KIND, booking_id=None, now=now,
                               payload=_payload(booking, actor.kiosk_id, at))
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, staff_id=actor.staff_id,
                         action="tickets.collection_released", target=booking.booking_id,
                         ok=False, detail={"reference": booking.reference,
                                           "reason": "the printer failed"})


COLLECT_KIND = "collect"
RELEASE_KIND = "collect_release"


def _payload(booking: Booking, kiosk_id: str, collected_at: str) -> dict[str, Any]:
    return {"cinema_id": booking.show.cinema_id, "booking_id": booking.booking_id,
            "reference": booking.reference, "kiosk_id": kiosk_id, "collected_at": collected_at}


def record_collection(conn: sqlite3.Connection, booking: Booking, actor: Actor, at: datetime, *,
                      queue: bool) -> bool:
    """Note in the caller's transaction that ``booking``'s tickets are in the customer's hands
    (collected, or printed at the sale); ``queue``: the cloud has not taken it yet, the outbox
    sends it. False when it was noted before."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO collections (booking_id, reference, kiosk_id, staff_id, "
        "collected_at) VALUES (?, ?, ?, ?, ?)",
        (booking.booking_id, booking.reference, actor.kiosk_id, actor.staff_id, to_iso(at)))
    if cur.rowcount and queue:
        outbox.enqueue(conn, kind=COLLECT_KIND, booking_id=None, now=at,
                       payload=_payload(booking, actor.kiosk_id, to_iso(at)))
    return bool(cur.rowcount)

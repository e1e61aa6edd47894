"""Printing a booking's tickets on the counter's thermal printer (issue 13 point 4), and the
record of every print (migration 0028). No Qt: the screens call it on the bridge's worker.

The sale is committed before anything prints, so a printer that is offline, out of paper or
unplugged loses nothing: ``PrinterUnavailable`` says so in counter words and the booking is
reprinted later. A print is recorded only once the printer took the whole job; a reprint is
audited. The drawer opens with the receipt of a sale paid (partly) in cash, when configured.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from kiosk.domain.clock import to_iso
from kiosk.domain.errors import InvalidInput
from kiosk.services import audit
from kiosk.services.auth import require_role
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Booking, Role
from kiosk.store.db import transaction
from kiosk.tickets.model import ReceiptData, TicketData

KINDS = ("sale", "reprint", "collect")


@dataclass(frozen=True)
class Printed:
    tickets: int
    receipt: bool
    drawer: bool  # the cash drawer was kicked
    bytes_sent: int


@dataclass(frozen=True)
class PrintJob:
    """A job built and claimed (``prepare``), to send without holding the database
    (``send``: a printer may take seconds) and then record (``finish``) or drop (``abort``)."""

    actor: Actor
    booking: Booking
    kind: str  # what it is now: a "sale" asked for a booking printed before is a "reprint"
    uri: str
    payload: bytes
    tickets: int
    receipt: bool
    drawer: bool


def paid_in_cash(booking: Booking, receipt: ReceiptData | None = None) -> bool:
    """Cash taken at this sale: a cash tender carried over from an exchanged booking was taken
    then, not now (the drawer stays shut for an exchange paid by card)."""
    if booking.tenders:
        return any(t.kind == "cash" and t.carried_from is None for t in booking.tenders)
    return booking.payment_method == "cash"


class TicketPrinting:
    def __init__(self, deps: ServiceDeps) -> None:
        self.deps = deps
        self._in_flight: set[str] = set()  # bookings whose job is being sent now
        self._claims = threading.Lock()

    @property
    def thermal(self) -> bool:
        """A thermal printer is configured: tickets print there, at once after the sale."""
        return bool(self.deps.config.thermal_printer)

    def print_booking(self, actor: Actor, booking: Booking, *, kind: str = "sale",
                      receipt: ReceiptData | None = None) -> Printed:
        """Tickets (one per valid seat) and, with ``receipt``, the receipt in one job: prepare,
        send, record. Raises PrinterUnavailable (nothing recorded) or InvalidInput."""
        job = self.prepare(actor, booking, kind=kind, receipt=receipt)
        try:
            self.send(job)
        except BaseException:
            self.abort(job)
            raise
        return self.finish(job)

    def prepare(self, actor: Actor, booking: Booking, *, kind: str = "sale",
                receipt: ReceiptData | None = None) -> PrintJob:
        """Check, build and claim a job. A "sale" print of a booking printed before becomes a
        tickets-only "reprint" (staff, audited; never the receipt or the drawer twice); a
        booking whose job is being sent is refused; self-service prints a booking once."""
        from kiosk.tickets.escpos_out import receipt_bytes, ticket_bytes

        if kind not in KINDS:
            raise ValueError(kind)
        uri = self.deps.config.thermal_printer
        if not uri:
            raise InvalidInput("No ticket printer is set up on this kiosk (thermal_printer in "
                               "the config). Save the tickets as PDF instead.")
        if kind == "sale" and self.prints(booking.booking_id):
            if actor.role == Role.SELF_SERVICE:
                raise InvalidInput("These tickets were printed already. Please ask at the "
                                   "counter.")
            kind, receipt = "reprint", None
        if actor.role != Role.SELF_SERVICE or kind == "reprint":
            require_role(self.deps, actor, (Role.CASHIER, Role.MANAGER), f"tickets.{kind}",
                         booking.booking_id)
        ticket = TicketData.from_booking(booking)
        payload = ticket_bytes(ticket)
        drawer = False
        if receipt is not None:
            drawer = (kind == "sale" and self.deps.config.cash_drawer
                      and paid_in_cash(booking, receipt))
            payload += receipt_bytes(receipt, kick_drawer=drawer)
        with self._claims:
            if booking.booking_id in self._in_flight:
                raise InvalidInput("These tickets are printing now: wait for them.")
            self._in_flight.add(booking.booking_id)
        return PrintJob(actor, booking, kind, uri, payload, len(ticket.seats),
                        receipt is not None, drawer)

    @staticmethod
    def send(job: PrintJob) -> None:
        """The printer I/O alone (no database): run it without holding the services' lock."""
        from kiosk.tickets.escpos_out import send

        send(job.uri, job.payload)

    def finish(self, job: PrintJob) -> Printed:
        """The printer took the whole job: record it (and release the claim)."""
        try:
            self.record(job.actor, job.booking, job.kind, "thermal", job.tickets)
        finally:
            self.abort(job)
        return Printed(job.tickets, job.receipt, job.drawer, len(job.payload))

    def abort(self, job: PrintJob) -> None:
        with self._claims:
            self._in_flight.discard(job.booking.booking_id)

    def record(self, actor: Actor, booking: Booking, kind: str, device: str, tickets: int) -> None:
        """Note a print that completed (any device: thermal, PDF, desktop printer)."""
        now = self.deps.clock.now()
        with transaction(self.deps.conn):
            self.deps.conn.execute(
                "INSERT INTO ticket_prints (booking_id, reference, kind, device, tickets, "
                "kiosk_id, staff_id, printed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (booking.booking_id, booking.reference, kind, device, tickets, actor.kiosk_id,
                 actor.staff_id, to_iso(now)))
            if kind == "sale":  # the tickets are in the customer's hands: not collected again
                from kiosk.services.collection import record_collection

                record_collection(self.deps.conn, booking, actor, now,
                                  queue=self.deps.config.cloud.enabled)
            if kind == "reprint":
                audit.record(self.deps.conn, at=now, kiosk_id=actor.kiosk_id,
                             staff_id=actor.staff_id, action="tickets.reprint",
                             target=booking.booking_id,
                             detail={"reference": booking.reference, "device": device,
                                     "tickets": tickets})

    def prints(self, booking_id: str) -> int:
        return int(self.deps.conn.execute(
            "SELECT COUNT(*) FROM ticket_prints WHERE booking_id = ?", (booking_id,)).fetchone()[0])

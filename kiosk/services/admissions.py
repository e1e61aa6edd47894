"""Scanning tickets at the door (issue 13 point 2): find the booking, decide, admit once.

A scan is a ticket's signed code (``kiosk.domain.ticket_codes``: a forged or altered one is
refused); a typed booking reference is accepted only when the usher says it was typed. The
booking is this device's, or another device's or the web's: the bookings of today's shows are
pulled from the cloud beforehand (``kiosk.cloud.show_tickets``: the seats each holds now), and
again once on a miss (a ticket bought a minute ago). The rules are ``kiosk.domain.admission``.

Admitted once: with the cloud, a conditional write (``kiosk.cloud.admissions``) is the one
admission across every door; the door's own table keeps the same promise locally. Offline (or
the cloud not answering), the door admits from what it pulled beforehand, records the admission
and queues it (outbox kind ``admit``); when it reaches the cloud and another door had admitted
the same booking meanwhile, the worker records a double admission for the manager.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from kiosk.domain import admission as rules
from kiosk.domain.admission import Decision, DoorSetting, TicketAtDoor
from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import InvalidInput
from kiosk.domain.ids import normalise_reference
from kiosk.domain.ticket_codes import ForgedTicket, is_code
from kiosk.services import outbox
from kiosk.services.auth import require_role
from kiosk.services.business_dates import business_date_for
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Role
from kiosk.store.db import transaction

if TYPE_CHECKING:
    from kiosk.cloud.admissions import CloudAdmissions

log = logging.getLogger(__name__)
OUTBOX_KIND = "admit"
_REFERENCE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")
MAX_DOOR_NAME = 40


@dataclass(frozen=True)
class Admission:
    decision: Decision
    ticket: TicketAtDoor | None = None
    offline: bool = False  # admitted from the door's own data: sent to the cloud later

    @property
    def admitted(self) -> bool:
        return self.decision.admit


@dataclass(frozen=True)
class DoubleAdmission:
    reference: str
    show_id: str
    first_door: str
    first_at: datetime
    second_door: str
    second_at: datetime


_TICKET_SQL = """
SELECT b.{key} AS id, b.reference, b.show_id, b.state, f.title, h.id AS hall_id, h.name AS hall_name,
       s.starts_at, f.runtime_min, c.timezone, c.id AS cinema_id, {seats} AS seats
  FROM {table} b JOIN shows s ON s.id = b.show_id JOIN films f ON f.id = s.film_id
  JOIN halls h ON h.id = s.hall_id JOIN cinemas c ON c.id = h.cinema_id
 WHERE b.reference = ?
"""
_LOCAL_SEATS = ("(SELECT group_concat(seat_code, ',') FROM (SELECT seat_code FROM booking_seats "
                "WHERE booking_id = b.id AND refunded = 0 ORDER BY rowid))")
# A pulled booking's seats less those its pulled refunds gave back.
# A pulled booking's seats: those it holds in the cloud now (refunded ones are gone).
_PULLED_SEATS = "(SELECT group_concat(value, ',') FROM json_each(b.seats))"
# Shows whose bookings a door pulls: starting from 4 hours ago (still running) to 12 ahead.
PULL_FROM_H, PULL_TO_H = 4, 12


def door_setting(door: str, hall_id: str = "", show_id: str = "") -> DoorSetting:
    name = " ".join(str(door or "").split())
    if not name or len(name) > MAX_DOOR_NAME:
        raise InvalidInput(f"Give the door a name (1 to {MAX_DOOR_NAME} characters), for "
                           "example 'Door 2' or 'Screen 1 entrance'.")
    return DoorSetting(name, hall_id.strip(), show_id.strip())


class AdmissionService:
    def __init__(self, deps: ServiceDeps, cloud: CloudAdmissions | None = None,
                 puller: Callable[[list[str]], object] | None = None) -> None:
        """``cloud``: kiosk.cloud.admissions.CloudAdmissions (None: this door alone);
        ``puller``: a callable(show_ids) pulling those shows' bookings into show_tickets."""
        self.deps = deps
        self.cloud = cloud
        self.puller = puller

    # -- the scan -------------------------------------------------------------------------------
    def admit(self, actor: Actor, scanned: str, door: DoorSetting, *,
              typed: bool = False) -> Admission:
        require_role(self.deps, actor, (Role.CASHIER, Role.MANAGER), "door.admit")
        try:
            reference = self._reference(scanned, typed)
        except ForgedTicket as err:
            return Admission(Decision(False, rules.FORGED, str(err)))
        except InvalidInput as err:
            return Admission(Decision(False, rules.UNREADABLE, str(err)))
        ticket = self._find(reference) or self._pull_and_find(reference)
        if ticket is None:
            return Admission(Decision(False, rules.NOT_FOUND,
                                      f"No booking {reference} for this cinema. Check the "
                                      "ticket, or send the customer to the box office.",
                                      (("reference", reference),)))
        ticket = self._fresh(ticket)
        now = self.deps.clock.now()
        decision = rules.decide(ticket, door, now)
        if not decision.admit:
            return Admission(decision, ticket)
        return self._admit(actor, ticket, door, decision, now)

    def _fresh(self, ticket: TicketAtDoor) -> TicketAtDoor:
        """Another device's booking, as the cloud has it this moment (one read: a refund since
        the last pull admits nobody); the pulled copy when the cloud does not answer."""
        from dataclasses import replace

        local = self.deps.conn.execute("SELECT 1 FROM bookings WHERE id = ?",
                                       (ticket.booking_id,)).fetchone()
        if local is not None or self.cloud is None or not self.cloud.worth_trying():
            return ticket
        from kiosk.cloud.errors import CloudError, CloudUnavailable

        try:
            item = self.cloud.booking(ticket.booking_id)
        except (CloudUnavailable, CloudError) as err:
            log.info("door uses the pulled copy of %s: %s", ticket.reference, err)
            return ticket
        if item is None:
            return ticket
        from kiosk.cloud.admissions import refunded_seats

        refunded = refunded_seats(item)
        seats = tuple(s for s in (str(x) for x in item.get("seats") or ()) if s not in refunded)
        return replace(ticket, state=str(item.get("state") or ticket.state), seats=seats)

    def _reference(self, scanned: str, typed: bool) -> str:
        text = str(scanned or "").strip()
        if not text:
            raise InvalidInput("Nothing was scanned: scan the ticket's QR code again.")
        if is_code(text):
            return self.deps.reference_of(text)
        if not typed:
            raise InvalidInput("That scan is not a ticket of this box office. Scan the QR code "
                               "on the ticket; a reference read out must be typed in.")
        reference = normalise_reference(text)
        if not _REFERENCE.match(reference):
            raise InvalidInput(f"{text[:20]!r} is not a booking reference (4 letters or digits, "
                               "a dash, 4 more).")
        return reference

    def _find(self, reference: str) -> TicketAtDoor | None:
        conn = self.deps.conn
        row = conn.execute(_TICKET_SQL.format(key="id", table="bookings", seats=_LOCAL_SEATS),
                           (reference,)).fetchone()
        if row is None:
            row = conn.execute(_TICKET_SQL.format(key="booking_id", table="show_tickets",
                                                  seats=_PULLED_SEATS), (reference,)).fetchone()
        if row is None:
            return None
        cinema = self.deps.config.cinema_id
        if cinema and row["cinema_id"] != cinema:
            return None
        return TicketAtDoor(
            booking_id=row["id"], reference=row["reference"], show_id=row["show_id"],
            film_title=row["title"], hall_id=row["hall_id"], hall_name=row["hall_name"],
            starts_at=from_iso(row["starts_at"]), runtime_min=int(row["runtime_min"]),
            timezone=row["timezone"], state=row["state"],
            seats=tuple(s for s in (row["seats"] or "").split(",") if s))

    def _pull_and_find(self, reference: str) -> TicketAtDoor | None:
        """A booking the door has not seen (sold a minute ago online): pull again, once."""
        return self._find(reference) if self.prefetch_quietly() else None

    def shows_to_pull(self, hours_ahead: float = PULL_TO_H) -> list[str]:
        """Shows of this cinema running now or starting in the next hours."""
        now = self.deps.clock.now()
        cinema = self.deps.config.cinema_id
        rows = self.deps.conn.execute(
            "SELECT s.id FROM shows s JOIN halls h ON h.id = s.hall_id WHERE s.starts_at >= ? "
            "AND s.starts_at <= ? AND (? = '' OR h.cinema_id = ?) ORDER BY s.starts_at",
            (to_iso(now - timedelta(hours=PULL_FROM_H)), to_iso(now + timedelta(hours=hours_ahead)),
             cinema, cinema)).fetchall()
        return [str(r[0]) for r in rows]

    def prefetch_quietly(self, hours_ahead: float = PULL_TO_H) -> bool:
        """``prefetch``, offline or not: True when it pulled."""
        try:
            return self.prefetch(hours_ahead)
        except Exception as err:  # noqa: BLE001 - offline: decide from what is here
            log.info("could not pull the next shows' bookings: %s", err)
            return False

    def prefetch(self, hours_ahead: float = PULL_TO_H) -> bool:
        """Pull the bookings of the shows the door admits to next (so it can admit offline);
        False when this door has no cloud to pull from."""
        if self.puller is None:
            return False
        self.puller(self.shows_to_pull(hours_ahead))
        return True

    # -- admitting once -------------------------------------------------------------------------
    def _admit(self, actor: Actor, ticket: TicketAtDoor, door: DoorSetting, decision: Decision,
               now: datetime) -> Admission:
        conn = self.deps.conn
        first = conn.execute("SELECT door, admitted_at FROM admissions WHERE booking_id = ?",
                             (ticket.booking_id,)).fetchone()
        if first is not None:
            return Admission(rules.already_admitted(first[0], from_iso(first[1]),
                                                    ticket.timezone), ticket)
        cinema = self._cinema_of(ticket)
        business_date = business_date_for(conn, cinema, ticket.timezone, now)
        item = self._record(ticket, door, cinema, business_date, actor, now)
        origin = "local"
        if self.cloud is not None:
            origin = "offline"
            if self.cloud.worth_trying():
                from kiosk.cloud.admissions import AlreadyAdmitted
                from kiosk.cloud.errors import CloudError, CloudUnavailable

                try:
                    self.cloud.admit(item)
                    origin = "cloud"
                except AlreadyAdmitted as taken:
                    first_at = from_iso(taken.first.admitted_at) if taken.first.admitted_at \
                        else now
                    return Admission(rules.already_admitted(taken.first.door, first_at,
                                                            ticket.timezone), ticket)
                except (CloudUnavailable, CloudError) as err:
                    log.warning("door admits offline: %s", err)
        try:
            with transaction(conn):
                self._insert(conn, ticket, door, cinema, actor, now, origin)
                if origin == "offline":
                    outbox.enqueue(conn, kind=OUTBOX_KIND, booking_id=None, now=now,
                                   payload=item)
        except sqlite3.IntegrityError:  # another scan at this door won the same instant
            first = conn.execute("SELECT door, admitted_at FROM admissions WHERE booking_id = ?",
                                 (ticket.booking_id,)).fetchone()
            return Admission(rules.already_admitted(first[0], from_iso(first[1]),
                                                    ticket.timezone), ticket)
        return Admission(decision, ticket, offline=origin == "offline")

    def _cinema_of(self, ticket: TicketAtDoor) -> str:
        row = self.deps.conn.execute(
            "SELECT h.cinema_id FROM halls h WHERE h.id = ?", (ticket.hall_id,)).fetchone()
        return str(row[0]) if row else self.deps.config.cinema_id

    def _record(self, ticket: TicketAtDoor, door: DoorSetting, cinema: str, business_date: str,
                actor: Actor, now: datetime) -> dict[str, Any]:
        from kiosk.cloud.admissions import record

        return record(booking_id=ticket.booking_id, reference=ticket.reference,
                      show_id=ticket.show_id, cinema_id=cinema, business_date=business_date,
                      seats=len(ticket.seats), door=door.door, kiosk_id=actor.kiosk_id,
                      admitted_at=to_iso(now))

    @staticmethod
    def _insert(conn: sqlite3.Connection, ticket: TicketAtDoor, door: DoorSetting, cinema: str,
                actor: Actor, now: datetime, origin: str) -> None:
        conn.execute(
            "INSERT INTO admissions (booking_id, reference, show_id, cinema_id, seats, door, "
            "kiosk_id, staff_id, admitted_at, origin, sent_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ticket.booking_id, ticket.reference, ticket.show_id, cinema, len(ticket.seats),
             door.door, actor.kiosk_id, actor.staff_id, to_iso(now), origin,
             to_iso(now) if origin == "cloud" else None))

    # -- for the manager ------------------------------------------------------------------------
    def admitted_by_show(self, show_ids: list[str] | None = None) -> dict[str, int]:
        """People admitted per show, by every door this device knows of (own and pulled)."""
        rows = self.deps.conn.execute(
            "SELECT show_id, SUM(seats) FROM show_admissions GROUP BY show_id").fetchall()
        counts = {str(r[0]): int(r[1]) for r in rows}
        return counts if show_ids is None else {s: counts.get(s, 0) for s in show_ids}

    def local_now(self) -> datetime:
        """Now at this door's cinema (its own, or the first this database sells for)."""
        from zoneinfo import ZoneInfo

        row = self.deps.conn.execute(
            "SELECT timezone FROM cinemas WHERE id = ? OR ? = '' ORDER BY id LIMIT 1",
            (self.deps.config.cinema_id, self.deps.config.cinema_id)).fetchone()
        return self.deps.clock.now().astimezone(ZoneInfo(row[0] if row else "UTC"))

    def admitted_today(self) -> int:
        """People admitted at every door this device knows of since midnight at the cinema."""
        here = self.local_now()
        midnight = here.replace(hour=0, minute=0, second=0, microsecond=0)
        return int(self.deps.conn.execute(
            "SELECT COALESCE(SUM(seats), 0) FROM show_admissions WHERE admitted_at >= ?",
            (to_iso(midnight),)).fetchone()[0])

    def double_admissions(self, actor: Actor) -> list[DoubleAdmission]:
        require_role(self.deps, actor, Role.MANAGER, "door.double_admissions")
        return [DoubleAdmission(r[0], r[1], r[2], from_iso(r[3]), r[4], from_iso(r[5]))
                for r in self.deps.conn.execute(
                    "SELECT reference, show_id, first_door, first_at, second_door, second_at "
                    "FROM double_admissions ORDER BY found_at DESC")]

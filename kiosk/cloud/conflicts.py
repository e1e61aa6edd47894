"""The conflict queue: bookings whose seats were sold elsewhere before their sale reached the cloud.

Only an ``optimistic`` offline sale (or a hold that lapsed while the kiosk was offline) can end up
here; under ``allocated-only`` it cannot happen. A manager resolves each one, audited:

* ``reseat``: move the booking to equal seats (same seat type for every seat), claimed in DynamoDB
  first with the same conditions as any sale, then moved locally in one transaction; the customer
  is told the new seats.
* ``refund``: a full refund through ``BookingService.refund`` (money, seats and outbox as usual).

These are service-level functions; the manager console calls them with the signed-in actor.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.cloud import auditing
from kiosk.cloud.allocations import show_layout
from kiosk.cloud.claims import Seller
from kiosk.cloud.context import CloudContext
from kiosk.cloud.sellers import cinema_of
from kiosk.cloud.worker import enqueue
from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import InvalidInput, NotFound, SeatsUnavailable
from kiosk.domain.layout import ACCESSIBLE_TYPES
from kiosk.domain.seating import best_available
from kiosk.services.booking_refunds import free_seat_sales
from kiosk.store.db import transaction

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.services.models import Actor, RefundResult


@dataclass(frozen=True)
class Conflict:
    booking_id: str
    reference: str
    show_id: str
    seats: tuple[str, ...]  # the booking's unrefunded seats as sold locally
    lost_seats: tuple[str, ...]  # the ones someone else owns in the cloud
    seat_types: dict[str, str]
    customer_contact: str
    total_minor: int
    currency: str
    detected_at: datetime


def _require_manager(services: Services, actor: Actor, action: str, target: str) -> None:
    """The one role check (``auth.require_role``), which re-reads the staff row."""
    from kiosk.services.auth import ensure_manager

    ensure_manager(services.deps, actor, action, target)


def _conflict(conn: sqlite3.Connection, row: sqlite3.Row) -> Conflict:
    lines = conn.execute("SELECT seat_code, seat_type FROM booking_seats WHERE booking_id = ? "
                         "AND refunded = 0 ORDER BY rowid", (row["booking_id"],)).fetchall()
    return Conflict(
        booking_id=row["booking_id"], reference=row["reference"], show_id=row["show_id"],
        seats=tuple(r[0] for r in lines), lost_seats=tuple(json.loads(row["lost_seats"])),
        seat_types={r[0]: r[1] for r in lines}, customer_contact=row["customer_contact"],
        total_minor=row["total_minor"] - row["refunded_minor"], currency=row["currency"],
        detected_at=from_iso(row["detected_at"]))


_SELECT = ("SELECT c.booking_id, c.show_id, c.lost_seats, c.detected_at, b.reference, "
           "b.customer_contact, b.total_minor, b.refunded_minor, b.currency FROM cloud_conflicts c "
           "JOIN bookings b ON b.id = c.booking_id WHERE c.resolved_at IS NULL")


def list_conflicts(services: Services, actor: Actor) -> list[Conflict]:
    """Open conflicts, oldest first (manager only)."""
    _require_manager(services, actor, "conflict_list", "")
    conn = services.deps.conn
    rows = conn.execute(_SELECT + " ORDER BY c.detected_at, c.booking_id").fetchall()
    return [_conflict(conn, r) for r in rows]


def _get(conn: sqlite3.Connection, booking_id: str) -> Conflict:
    row = conn.execute(_SELECT + " AND c.booking_id = ?", (booking_id,)).fetchone()
    if row is None:
        raise NotFound("That booking is not in the conflict queue (already resolved?).")
    return _conflict(conn, row)


def _taken_locally(conn: sqlite3.Connection, show_id: str, now: datetime, kiosk_id: str,
                   booking_id: str) -> set[str]:
    rows = conn.execute(
        "SELECT seat_code FROM seat_sales WHERE show_id = ?1 AND booking_id != ?4 "
        "UNION SELECT seat_code FROM holds WHERE show_id = ?1 AND expires_at > ?2 "
        "UNION SELECT seat_code FROM remote_seats WHERE show_id = ?1 AND (state = 'sold' "
        " OR (state = 'held' AND COALESCE(expires_at, '') > ?2) "
        " OR (state = 'allocated' AND COALESCE(kiosk_id, '') != ?3))",
        (show_id, to_iso(now), kiosk_id, booking_id)).fetchall()
    return {r[0] for r in rows}


def suggest_seats(services: Services, conflict: Conflict,
                  context: CloudContext | None = None) -> list[str]:
    """Equal seats: the booking's own seats that are still free, plus same-type replacements."""
    conn = services.deps.conn
    now = services.deps.clock.now()
    taken = _taken_locally(conn, conflict.show_id, now, services.deps.config.kiosk_id,
                           conflict.booking_id) | set(conflict.lost_seats)
    if context is not None:
        from kiosk.cloud.channel import OnlineChannel

        # a conflict booking owns nothing in the cloud: its confirm was cancelled whole
        taken |= OnlineChannel(context.claims()).taken(conflict.show_id, now)
    layout = show_layout(conn, conflict.show_id)
    keep = [s for s in conflict.seats if s not in taken]
    need: dict[str, int] = defaultdict(int)
    for seat in conflict.seats:
        if seat not in keep:
            need[conflict.seat_types[seat]] += 1
    chosen = list(keep)
    blocked = taken | set(conflict.seats)
    for seat_type, count in need.items():
        others = {c for c, s in layout.seats.items() if s.type.value != seat_type}
        block = best_available(layout, blocked | others, count,
                               accessible=seat_type in {t.value for t in ACCESSIBLE_TYPES})
        if not block:
            free = [c for c, s in layout.seats.items()
                    if s.type.value == seat_type and c not in blocked]
            block = free[:count]
        if len(block) < count:
            raise SeatsUnavailable([], f"There are not enough free {seat_type} seats left to "
                                       "re-seat this booking; please refund it instead.")
        chosen.extend(block)
        blocked.update(block)
    return chosen


def reseat(services: Services, actor: Actor, booking_id: str, context: CloudContext,
           seats: list[str] | None = None) -> list[str]:
    """Move a conflict booking to equal seats; returns the new seats (manager only, audited)."""
    _require_manager(services, actor, "conflict_reseat", booking_id)
    conn = services.deps.conn
    conflict = _get(conn, booking_id)
    new = list(dict.fromkeys(seats)) if seats else suggest_seats(services, conflict, context)
    layout = show_layout(conn, conflict.show_id)
    unknown = [s for s in new if s not in layout.seats]
    if unknown:
        raise InvalidInput(f"There is no seat {', '.join(unknown)} in this hall.")
    old_types = sorted(conflict.seat_types[s] for s in conflict.seats)
    new_types = sorted(layout.seats[s].type.value for s in new)
    if old_types != new_types:
        raise InvalidInput("Choose equal seats: the same number of seats of each seat type "
                           f"({', '.join(old_types)}).")
    now = services.deps.clock.now()
    kiosk = conn.execute("SELECT kiosk_id FROM bookings WHERE id = ?", (booking_id,)).fetchone()[0]
    clash = sorted(set(new) & _taken_locally(conn, conflict.show_id, now, kiosk, booking_id))
    if clash:
        raise SeatsUnavailable(clash)
    row = conn.execute("SELECT * FROM bookings WHERE id = ?", (booking_id,)).fetchone()
    record = {"reference": row["reference"], "show_id": row["show_id"], "kiosk_id": kiosk,
              "channel": row["channel"], "total_minor": row["total_minor"],
              "currency": row["currency"], "created_at": row["created_at"],
              "reseated_at": to_iso(now), "reseated_from": ",".join(conflict.seats)}
    claims = context.claims(kiosk)
    # checked like any claim: no re-seating onto a cancelled show, nor by a deactivated manager
    seller = Seller(cinema_of(conn, conflict.show_id) or context.config.cinema_id,
                    actor.staff_number)
    context.call(lambda: claims.confirm(show_id=conflict.show_id, seats=new,
                                        booking_id=booking_id, hold_id="", now=now,
                                        record=record, seller=seller))
    try:
        _move_locally(services, actor, conflict, new, now)
    except BaseException:
        claims.refund(show_id=conflict.show_id, seats=new, booking_id=booking_id,
                      refund_id="reseat-undo", now=now)
        raise
    return new


def _move_locally(services: Services, actor: Actor, conflict: Conflict, new: list[str],
                  now: datetime) -> None:
    conn = services.deps.conn
    layout = show_layout(conn, conflict.show_id)
    by_type: dict[str, list[str]] = defaultdict(list)
    for seat in new:
        by_type[layout.seats[seat].type.value].append(seat)
    pairs = [(old, by_type[conflict.seat_types[old]].pop(0)) for old in conflict.seats]
    with transaction(conn):
        state = conn.execute("SELECT state FROM bookings WHERE id = ?",
                             (conflict.booking_id,)).fetchone()[0]
        if state != "conflict":
            raise InvalidInput("This booking was changed meanwhile; please reload the queue.")
        free_seat_sales(conn, conflict.show_id, conflict.booking_id)
        for old, seat in pairs:
            conn.execute("UPDATE booking_seats SET seat_code = ? WHERE booking_id = ? AND "
                         "seat_code = ?", (f"~{seat}", conflict.booking_id, old))
        conn.execute("UPDATE booking_seats SET seat_code = substr(seat_code, 2) WHERE "
                     "booking_id = ? AND seat_code LIKE '~%'", (conflict.booking_id,))
        conn.executemany("INSERT INTO seat_sales (show_id, seat_code, booking_id) VALUES (?, ?, ?)",
                         [(conflict.show_id, s, conflict.booking_id) for _, s in pairs])
        partly = conn.execute("SELECT 1 FROM booking_seats WHERE booking_id = ? AND refunded = 1",
                              (conflict.booking_id,)).fetchone()
        conn.execute("UPDATE bookings SET state = ?, sync_state = 'synced', updated_at = ? "
                     "WHERE id = ?", ("partially_refunded" if partly else "confirmed",
                                      to_iso(now), conflict.booking_id))
        detail = {"old_seats": list(conflict.seats), "new_seats": [s for _, s in pairs]}
        conn.execute("UPDATE cloud_conflicts SET resolved_at = ?, resolution = 'reseated', "
                     "resolved_by = ?, detail = ? WHERE booking_id = ?",
                     (to_iso(now), actor.staff_id, json.dumps(detail), conflict.booking_id))
        auditing.record(conn, at=now, kiosk_id=actor.kiosk_id, action="conflict_reseat",
                        staff_id=actor.staff_id, target=conflict.reference, detail=detail)
        if conflict.customer_contact:
            enqueue(conn, kind="notify", booking_id=conflict.booking_id, now=now,
                    payload={"booking_id": conflict.booking_id,
                             "contact": conflict.customer_contact, "template": "reseated"})


def refund(services: Services, actor: Actor, booking_id: str,
           reason: str = "seats sold elsewhere") -> RefundResult:
    """Refund a conflict booking in full through BookingService (manager only, audited).

    The refund, the conflict's resolution and its audit row commit in ONE transaction
    (``BookingService.refund(within=...)``): a refused or failed refund leaves the conflict open.
    """
    _require_manager(services, actor, "conflict_refund", booking_id)
    conflict = _get(services.deps.conn, booking_id)
    now = services.deps.clock.now()

    def resolve(conn: sqlite3.Connection, result: RefundResult) -> None:
        detail = {"refund_id": result.refund_id, "amount_minor": result.amount_minor,
                  "currency": result.currency,
                  "seats": list(result.seats), "state": result.state}
        conn.execute("UPDATE cloud_conflicts SET resolved_at = ?, resolution = 'refunded', "
                     "resolved_by = ?, detail = ? WHERE booking_id = ?",
                     (to_iso(now), actor.staff_id, json.dumps(detail), booking_id))
        auditing.record(conn, at=now, kiosk_id=actor.kiosk_id, action="conflict_refund",
                        staff_id=actor.staff_id, target=conflict.reference, detail=detail)

    return services.booking.refund(actor, conflict.reference, None, f"conflict: {reason}",
                                   within=resolve, system=True)

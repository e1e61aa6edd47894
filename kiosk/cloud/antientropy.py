"""Anti-entropy: check that this kiosk's synced sales are still in the cloud; resend what is not.

A DynamoDB table can lose items behind every kiosk's back: restored from a backup, dropped and
recreated, a local endpoint restarted. A booking marked ``synced`` would then stay missing for
good and the online channel would resell its seats (issue 9, hole 8; DESIGN section 4b).

``AntiEntropy.run_once`` takes this kiosk's synced, active bookings of shows not yet started
(only their remaining seats: a refunded seat is no longer the booking's) and reads what the
cloud holds: per show either one Query of its seat items or a BatchGetItem of just this kiosk's
seats, whichever reads fewer capacity units, plus a BatchGetItem of the booking items (keys
only). Those reads are eventually consistent (half price); whatever looks missing is read again
strongly consistent before it counts, so a lagging replica never causes a resend.

A booking found missing goes back to ``pending`` with a fresh outbox ``confirm`` row (its
completed refunds replayed after it, so the booking item notes them again) and an audit row, in
one transaction. The outbox worker sends it through the same conditional ``SeatClaims.confirm``
as any sale: a seat still free (or ours) is taken back, a seat someone else owns by now fails
its condition and the worker's conflict path takes over (booking ``conflict``, a
``cloud_conflicts`` row, audit, the customer told). Never a double sale, and nothing here
duplicates that path.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from kiosk.cloud import auditing
from kiosk.cloud.claims import SeatClaims, av, plain
from kiosk.cloud.context import CloudContext
from kiosk.cloud.errors import translate
from kiosk.cloud.paging import query_items
from kiosk.cloud.partitions import show_of_pk
from kiosk.cloud.table import batch_get, booking_key, seat_from_sk
from kiosk.cloud.worker import enqueue
from kiosk.domain.clock import Clock, to_iso
from kiosk.store.db import open_db, transaction

log = logging.getLogger(__name__)
T = TypeVar("T")
# A seat item is ~200 bytes, so one 4 KB read unit of a Query covers about 20 of them; a
# BatchGetItem pays a whole unit per item. Query the show when this kiosk owns more than 1/16.
ITEMS_PER_QUERY_UNIT = 16

# This kiosk's synced active bookings of shows still to come, with their remaining seats.
# Driven from shows by start (CROSS JOIN fixes SQLite's join order), so months of past
# bookings are never read: shows_by_start, then bookings_show_cover (migration 0032), then key lookups.
_EXPECTED_SQL = """
SELECT b.id, b.show_id, bs.seat_code, h.seat_count
  FROM shows s
  CROSS JOIN bookings b
  CROSS JOIN booking_seats bs
  JOIN halls h ON h.id = s.hall_id
  JOIN seat_sales ss ON ss.show_id = b.show_id AND ss.seat_code = bs.seat_code
 WHERE s.starts_at > ?1 AND s.status = 'scheduled' AND b.show_id = s.id
   AND b.sync_state = 'synced' AND b.state IN ('confirmed', 'partially_refunded')
   AND bs.booking_id = b.id AND bs.refunded = 0 AND ss.booking_id = b.id
 ORDER BY b.show_id, b.id, bs.seat_code
"""
_REMAINING_SQL = """
SELECT bs.seat_code FROM booking_seats bs
  JOIN seat_sales ss ON ss.show_id = ?2 AND ss.seat_code = bs.seat_code AND ss.booking_id = ?1
 WHERE bs.booking_id = ?1 AND bs.refunded = 0 ORDER BY bs.seat_code
"""


@dataclass(frozen=True)
class Expected:
    """A booking as this kiosk knows the cloud should hold it."""

    booking_id: str
    show_id: str
    seats: tuple[str, ...]


@dataclass
class VerifyResult:
    bookings: int = 0  # synced bookings checked
    seats: int = 0
    reads: int = 0  # DynamoDB read requests made
    resent: list[str] = field(default_factory=list)  # booking ids queued again
    missing_seats: dict[str, list[str]] = field(default_factory=dict)  # booking id -> seats
    # (a resent booking with no missing seats lost only its booking item)


class AntiEntropy:
    """Verifies one kiosk database's synced bookings against the cloud. Thread-confined."""

    def __init__(self, context: CloudContext, db_path: Path | str | None = None, *,
                 clock: Clock | None = None):
        self.context = context
        self.conn: sqlite3.Connection = open_db(db_path or context.config.db_path).conn
        self.clock = clock or Clock()

    def close(self) -> None:
        self.conn.close()

    # -- the job ------------------------------------------------------------------------------
    def run_once(self) -> VerifyResult:
        """Check every synced booking of a show still to come; queue again what is missing.

        Raises CloudUnavailable / CloudError when the cloud cannot be read (nothing is changed).
        """
        now = self.clock.now()
        result = self._check(now)
        with transaction(self.conn):  # for status screens: when the promise was last checked
            self.conn.execute("INSERT INTO cloud_state (key, value) VALUES ('last_verify_at', ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              (to_iso(now),))
        return result

    def _check(self, now: datetime) -> VerifyResult:
        expected, seat_counts = self._expected(now)
        result = VerifyResult(bookings=len(expected),
                              seats=sum(len(b.seats) for b in expected))
        if not expected:
            return result
        claims = self.context.claims()
        owners: dict[tuple[str, str], str | None] = {}
        for show_id, seats in _seats_by_show(expected).items():
            if len(seats) * ITEMS_PER_QUERY_UNIT >= seat_counts[show_id]:
                found = self._query_show(claims, show_id, result)
            else:
                found = self._get_items(claims, [claims.layouts.key(show_id, s) for s in seats], False,
                                        result)
            owners.update(_owners(found))
        present = _booking_ids(self._get_items(
            claims, [booking_key(b.booking_id) for b in expected], False, result))
        suspects = [b for b in expected
                    if b.booking_id not in present or _missing(b, owners)]
        if not suspects:
            return result
        # An eventually consistent read may lag a write by a moment: look again, consistently.
        keys = [claims.layouts.key(b.show_id, s) for b in suspects for s in b.seats]
        keys += [booking_key(b.booking_id) for b in suspects]
        found = self._get_items(claims, keys, True, result)
        owners, present = _owners(found), _booking_ids(found)
        for booking in suspects:
            missing = _missing(booking, owners)
            item_missing = booking.booking_id not in present
            if (missing or item_missing) and self._resend(booking, missing, item_missing, now):
                result.resent.append(booking.booking_id)
                result.missing_seats[booking.booking_id] = missing
        if result.resent:
            log.warning("anti-entropy: %d synced booking(s) missing in the cloud, queued again: %s",
                        len(result.resent), ", ".join(result.resent))
        return result

    def _expected(self, now: datetime) -> tuple[list[Expected], dict[str, int]]:
        seats: dict[str, list[str]] = {}
        shows: dict[str, str] = {}
        counts: dict[str, int] = {}
        for booking_id, show_id, seat, seat_count in self.conn.execute(_EXPECTED_SQL,
                                                                       (to_iso(now),)):
            seats.setdefault(booking_id, []).append(seat)
            shows[booking_id] = show_id
            counts[show_id] = int(seat_count or 0)
        return [Expected(b, shows[b], tuple(s)) for b, s in seats.items()], counts

    def _resend(self, booking: Expected, missing: list[str], item_missing: bool,
                now: datetime) -> bool:
        """Queue the booking again (confirm, then its refunds); False if it changed meanwhile."""
        with transaction(self.conn):
            row = self.conn.execute(
                "SELECT reference, idempotency_key, kiosk_id, channel, total_minor, currency, "
                "created_at FROM bookings WHERE id = ? AND sync_state = 'synced' "
                "AND state IN ('confirmed', 'partially_refunded')",
                (booking.booking_id,)).fetchone()
            seats = tuple(r[0] for r in self.conn.execute(
                _REMAINING_SQL, (booking.booking_id, booking.show_id)))
            if row is None or seats != booking.seats:  # refunded or exchanged since: next round
                return False
            self.conn.execute("UPDATE bookings SET sync_state = 'pending', updated_at = ? "
                              "WHERE id = ?", (to_iso(now), booking.booking_id))
            enqueue(self.conn, kind="confirm", booking_id=booking.booking_id, now=now, payload={
                "booking_id": booking.booking_id, "reference": row["reference"],
                "show_id": booking.show_id, "seats": list(seats),
                "hold_id": row["idempotency_key"], "kiosk_id": row["kiosk_id"],
                "channel": row["channel"], "total_minor": row["total_minor"],
                "currency": row["currency"], "created_at": row["created_at"]})
            for refund_id, refunded in self.conn.execute(
                    "SELECT id, seats FROM refunds WHERE booking_id = ? AND state = 'completed' "
                    "ORDER BY id", (booking.booking_id,)).fetchall():
                enqueue(self.conn, kind="refund", booking_id=booking.booking_id, now=now,
                        payload={"booking_id": booking.booking_id, "show_id": booking.show_id,
                                 "seats": _json_list(refunded), "refund_id": refund_id})
            auditing.record(self.conn, at=now, kiosk_id=self.context.kiosk_id,
                            action="cloud_resend", target=row["reference"],
                            detail={"booking_id": booking.booking_id,
                                    "show_id": booking.show_id, "missing_seats": missing,
                                    "booking_item_missing": item_missing})
        return True

    # -- reads --------------------------------------------------------------------------------
    def _read(self, fn: Callable[[], T]) -> T:
        def run() -> T:
            try:
                return fn()
            except Exception as exc:  # noqa: BLE001 - translated for the status
                raise translate(exc) from exc
        return self.context.call(run)

    def _query_show(self, claims: SeatClaims, show_id: str,
                    result: VerifyResult) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        for pk in claims.layouts.pks(show_id):  # every partition key of the show's layout
            kwargs: dict[str, Any] = {
                "TableName": claims.table, "KeyConditionExpression": "pk = :pk",
                "ExpressionAttributeValues": {":pk": av(pk)},
                "ProjectionExpression": "pk, sk, #state, booking_id",
                "ExpressionAttributeNames": {"#state": "state"}, "ConsistentRead": False,
            }
            items.extend(plain(i) for i in query_items(
                claims.client, send=lambda ask: self._counted_read(ask, result), **kwargs))
        return items

    def _counted_read(self, ask: Callable[[], dict[str, Any]],
                      result: VerifyResult) -> dict[str, Any]:
        result.reads += 1
        return self._read(ask)

    def _get_items(self, claims: SeatClaims, keys: list[dict[str, Any]], consistent: bool,
                   result: VerifyResult) -> list[dict[str, Any]]:
        """BatchGetItem in requests of 100 keys, retrying unprocessed keys with back-off."""
        def counted(ask: Callable[[], dict[str, Any]]) -> dict[str, Any]:
            result.reads += 1
            return self._read(ask)

        return [plain(i) for i in batch_get(
            claims.client, claims.table, keys, consistent=consistent,
            projection="pk, sk, #state, booking_id", names={"#state": "state"}, send=counted,
            busy="The cloud keeps throttling reads; the check of synced sales will run again "
                 "later.")]


def _seats_by_show(expected: list[Expected]) -> dict[str, list[str]]:
    by_show: dict[str, list[str]] = {}
    for booking in expected:
        by_show.setdefault(booking.show_id, []).extend(booking.seats)
    return by_show


def _owners(items: list[dict[str, Any]]) -> dict[tuple[str, str], str | None]:
    """(show, seat) -> the booking the cloud says the seat is sold to (None: not sold)."""
    owners: dict[tuple[str, str], str | None] = {}
    for item in items:
        pk, sk = str(item.get("pk", "")), str(item.get("sk", ""))
        show = show_of_pk(pk)
        if show is not None and sk.startswith("SEAT#"):
            owner = item.get("booking_id") if item.get("state") == "sold" else None
            owners[(show, seat_from_sk(sk))] = owner
    return owners


def _booking_ids(items: list[dict[str, Any]]) -> set[str]:
    return {str(i["pk"]).removeprefix("BOOKING#") for i in items
            if str(i.get("pk", "")).startswith("BOOKING#")}


def _missing(booking: Expected, owners: dict[tuple[str, str], str | None]) -> list[str]:
    """Seats of the booking that the cloud does not say are sold to it."""
    return [s for s in booking.seats if owners.get((booking.show_id, s)) != booking.booking_id]


def _json_list(text: str) -> list[str]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return []
    return [str(v) for v in value] if isinstance(value, list) else []

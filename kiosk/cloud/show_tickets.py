"""A show's bookings as the cloud has them, pulled into ``show_tickets`` (migration 0029) for
the door and for collection (issue 13 points 1 and 2).

Per show: one Query of its seat items (eventually consistent: a second's lag is harmless, the
admission and the collection are each a conditional write of their own) gives each booking the
seats it holds now; one BatchGetItem per 100 bookings reads the booking items (reference, state,
lines, contact digest). A booking that no longer holds any seat (refunded) stays, with no seats,
so the door says "refunded" instead of "not found". Idempotent: pulling twice changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from kiosk.cloud.claims import SeatClaims, plain
from kiosk.cloud.errors import CloudUnavailable, translate
from kiosk.cloud.part import CloudPart
from kiosk.cloud.table import batch_get, booking_key, seat_from_sk
from kiosk.domain.clock import to_iso
from kiosk.store.db import transaction


class ShowTickets(CloudPart):
    def pull(self, conn: sqlite3.Connection, show_ids: Iterable[str], now: datetime) -> int:
        """Pull the bookings of ``show_ids``; returns how many bookings were written."""
        written = 0
        for show_id in show_ids:
            sold = self._sold_seats(show_id)
            records = self._bookings(sorted(sold))
            with transaction(conn):
                for booking_id, record in records.items():
                    self._upsert(conn, show_id, booking_id, record, sold.get(booking_id, []), now)
                    written += 1
                # bookings pulled before that hold no seat now: refunded since
                conn.execute(
                    "UPDATE show_tickets SET seats = '[]', pulled_at = ? WHERE show_id = ? "
                    "AND booking_id NOT IN (SELECT value FROM json_each(?))",
                    (to_iso(now), show_id, json.dumps(sorted(sold))))
        return written

    def _sold_seats(self, show_id: str) -> dict[str, list[str]]:
        client = self.context.dynamodb()
        claims = SeatClaims(client, self._table(), self.context.kiosk_id,
                            layouts=self.context.layouts)
        items = self.context.call(lambda: claims.show_items(show_id, consistent=False))
        sold: dict[str, list[str]] = {}
        for item in items:
            if str(item.get("sk", "")).startswith("SEAT#") and item.get("state") == "sold" \
                    and item.get("booking_id"):
                sold.setdefault(str(item["booking_id"]), []).append(seat_from_sk(item["sk"]))
        return sold

    def _bookings(self, booking_ids: list[str]) -> dict[str, dict[str, Any]]:
        client, table = self.context.dynamodb(), self._table()
        keys = [booking_key(b) for b in booking_ids]

        def read() -> list[dict[str, Any]]:
            try:
                return [plain(i) for i in batch_get(client, table, keys, consistent=False)]
            except CloudUnavailable:
                raise
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc

        found: dict[str, dict[str, Any]] = {}
        for record in self.context.call(read):
            found[str(record.get("booking_id") or str(record["pk"]).removeprefix("BOOKING#"))] \
                = record
        return found

    @staticmethod
    def _upsert(conn: sqlite3.Connection, show_id: str, booking_id: str, r: dict[str, Any],
                seats: list[str], now: datetime) -> None:
        lines = [{"seat_code": ln.get("seat") or ln.get("seat_code"),  # ledger.line's "seat"
                  **{k: ln.get(k) for k in ("seat_type", "ticket_type", "price_minor",
                                            "tax_minor")}} for ln in r.get("lines") or []]
        conn.execute(
            "INSERT INTO show_tickets (booking_id, reference, show_id, cinema_id, channel, "
            "kiosk_id, state, seats, lines, currency, contact_hash, created_at, pulled_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (booking_id) DO UPDATE "
            "SET state = excluded.state, seats = excluded.seats, lines = excluded.lines, "
            "contact_hash = excluded.contact_hash, pulled_at = excluded.pulled_at",
            (booking_id, str(r.get("reference", "")), show_id, str(r.get("cinema_id", "")),
             str(r.get("channel", "online")), str(r.get("kiosk_id", "")),
             str(r.get("state") or "confirmed"), json.dumps(sorted(seats)),
             json.dumps(lines, default=int), str(r.get("currency", "")),
             str(r.get("contact_hash", "")), str(r.get("created_at", "")), to_iso(now)))

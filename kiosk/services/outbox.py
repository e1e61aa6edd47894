"""The outbox: work for the cloud, written in the same transaction as the change it describes.

Booking code calls ``enqueue`` inside its own transaction, so a booking and its outbox row commit
together or not at all (invariant I2). The cloud sync worker reads ``pending`` rows and marks them
done or failed; rows of one booking drain strictly in id order.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.domain.clock import from_iso, to_iso
from kiosk.store.db import transaction

KINDS = frozenset({"confirm", "refund", "notify"})


@dataclass(frozen=True)
class OutboxItem:
    id: int
    booking_id: str | None
    kind: str
    payload: dict[str, Any]
    created_at: datetime
    attempts: int
    next_attempt_at: datetime
    last_error: str


def enqueue(conn: sqlite3.Connection, *, kind: str, booking_id: str | None,
            payload: dict[str, Any], now: datetime) -> int:
    """Add one row inside the caller's transaction; returns its id."""
    if not conn.in_transaction:
        raise RuntimeError("outbox.enqueue must run inside the transaction of the change")
    stamp = to_iso(now)
    cur = conn.execute(
        "INSERT INTO outbox (booking_id, kind, payload, created_at, next_attempt_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (booking_id, kind, json.dumps(payload, sort_keys=True), stamp, stamp),
    )
    return int(cur.lastrowid)


def _item(row: sqlite3.Row) -> OutboxItem:
    return OutboxItem(
        id=row["id"], booking_id=row["booking_id"], kind=row["kind"],
        payload=json.loads(row["payload"]), created_at=from_iso(row["created_at"]),
        attempts=row["attempts"], next_attempt_at=from_iso(row["next_attempt_at"]),
        last_error=row["last_error"],
    )


def pending(conn: sqlite3.Connection, now: datetime, limit: int = 100) -> list[OutboxItem]:
    """Rows due now, oldest first, at most one per booking: the head of each booking's queue.

    A row whose booking still has an earlier undone row is held back, so a booking's rows drain
    in id order even when the earlier one is backing off after a failure.
    """
    rows = conn.execute(
        "SELECT * FROM outbox o WHERE o.done_at IS NULL AND o.next_attempt_at <= ? "
        "AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.booking_id = o.booking_id "
        "AND e.done_at IS NULL AND e.id < o.id) ORDER BY o.id LIMIT ?",
        (to_iso(now), limit),
    ).fetchall()
    return [_item(r) for r in rows]


def pending_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM outbox WHERE done_at IS NULL").fetchone()[0])


@contextmanager
def _write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Join the caller's transaction if there is one, else open our own."""
    if conn.in_transaction:
        yield conn
    else:
        with transaction(conn):
            yield conn


def mark_done(conn: sqlite3.Connection, item_id: int, now: datetime) -> None:
    with _write(conn):
        conn.execute("UPDATE outbox SET done_at = ?, attempts = attempts + 1 WHERE id = ?",
                     (to_iso(now), item_id))


def mark_failed(conn: sqlite3.Connection, item_id: int, error: str,
                next_attempt_at: datetime) -> None:
    with _write(conn):
        conn.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
            "WHERE id = ?",
            (error[:2000], to_iso(next_attempt_at), item_id),
        )

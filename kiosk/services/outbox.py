"""The outbox: work for the cloud, written in the same transaction as the change it describes.

Booking code calls ``enqueue`` inside its own transaction, so a booking and its outbox row commit
together or not at all (invariant I2). The cloud sync worker reads ``pending`` rows and marks them
done or failed; rows of one booking drain strictly in id order.

Rows the worker gave up on (dead letters: a payload it cannot read, or too many refusals) wait
for a manager, who lists, retries and exports them here; the role check lives here, not in the
screens or commands that call it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from kiosk.domain import csv_safe
from kiosk.domain.clock import from_iso, to_iso
from kiosk.store.db import inserted_id, transaction

if TYPE_CHECKING:
    from kiosk.services.deps import ServiceDeps
    from kiosk.services.models import Actor

KINDS = frozenset({"confirm", "refund", "notify", "void_sale"})


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
            payload: dict[str, Any], now: datetime, done: bool = False) -> int:
    """Add one row inside the caller's transaction; returns its id.

    ``done``: the change already reached the cloud (a sale confirmed there before its local
    commit); the row is kept as the record of what was sent.
    """
    if not conn.in_transaction:
        raise RuntimeError("outbox.enqueue must run inside the transaction of the change")
    stamp = to_iso(now)
    cur = conn.execute(
        "INSERT INTO outbox (booking_id, kind, payload, created_at, next_attempt_at, done_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (booking_id, kind, json.dumps(payload, sort_keys=True), stamp, stamp,
         stamp if done else None),
    )
    return inserted_id(cur)


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
    in id order even when the earlier one is backing off after a failure. Dead-lettered rows
    (see ``dead_letters``) are neither due nor in anyone's way.
    """
    rows = conn.execute(
        "SELECT * FROM outbox o WHERE o.done_at IS NULL AND o.dead_at IS NULL "
        "AND o.next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM outbox e "
        "WHERE e.booking_id = o.booking_id AND e.done_at IS NULL AND e.dead_at IS NULL "
        "AND e.id < o.id) ORDER BY o.id LIMIT ?",
        (to_iso(now), limit),
    ).fetchall()
    return [_item(r) for r in rows]


def pending_count(conn: sqlite3.Connection) -> int:
    """Rows still to send; dead-lettered ones are counted by ``dead_count``."""
    return int(conn.execute(
        "SELECT COUNT(*) FROM outbox WHERE done_at IS NULL AND dead_at IS NULL").fetchone()[0])


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


# -- dead letters: rows the sync worker gave up on (kiosk.cloud.worker, migration 0008) ----------
KIND_WORDS = {"confirm": "sale", "refund": "refund", "notify": "customer message"}
EXPORT_FIELDS = ("id", "booking_id", "reference", "kind", "created_at", "attempts", "failures",
                 "dead_at", "reason", "payload")


@dataclass(frozen=True)
class DeadLetter:
    """One outbox row waiting for a manager: unsent, no longer retried, blocking nothing."""

    id: int
    booking_id: str | None
    reference: str          # the booking's short reference ("" when the booking is unknown)
    kind: str
    payload: str            # the stored text, as is: it may be what could not be read
    created_at: datetime
    attempts: int           # every try, outages included
    failures: int           # refusals counted toward the limit
    dead_at: datetime
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "booking_id": self.booking_id, "reference": self.reference,
                "kind": self.kind, "created_at": to_iso(self.created_at),
                "attempts": self.attempts, "failures": self.failures,
                "dead_at": to_iso(self.dead_at), "reason": self.reason,
                "payload": _json_or_text(self.payload)}


def _json_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, TypeError):
        return text


def dead_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute(
        "SELECT COUNT(*) FROM outbox WHERE dead_at IS NOT NULL AND done_at IS NULL").fetchone()[0])


def dead_letters(conn: sqlite3.Connection, ids: Sequence[int] | None = None) -> list[DeadLetter]:
    """Dead-lettered rows, oldest first (all, or those of ``ids``). No role check: callers do."""
    rows = conn.execute(
        "SELECT o.id, o.booking_id, COALESCE(b.reference, '') AS reference, o.kind, o.payload, "
        "o.created_at, o.attempts, o.failures, o.dead_at, o.dead_reason FROM outbox o "
        "LEFT JOIN bookings b ON b.id = o.booking_id "
        "WHERE o.dead_at IS NOT NULL AND o.done_at IS NULL "
        "AND (?1 IS NULL OR o.id IN (SELECT value FROM json_each(?1))) ORDER BY o.id",
        (None if ids is None else json.dumps([int(i) for i in ids]),)).fetchall()
    return [DeadLetter(r["id"], r["booking_id"], r["reference"], r["kind"], r["payload"],
                       from_iso(r["created_at"]), r["attempts"], r["failures"],
                       from_iso(r["dead_at"]), r["dead_reason"]) for r in rows]


def unsent_rows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every row not yet in the cloud (dead-lettered included), oldest first, for exports."""
    rows = conn.execute(
        "SELECT o.id, o.booking_id, COALESCE(b.reference, '') AS reference, o.kind, o.payload, "
        "o.created_at, o.attempts, o.failures, o.last_error, o.dead_at, o.dead_reason "
        "FROM outbox o LEFT JOIN bookings b ON b.id = o.booking_id "
        "WHERE o.done_at IS NULL ORDER BY o.id").fetchall()
    return [{"id": r["id"], "booking_id": r["booking_id"], "reference": r["reference"],
             "kind": r["kind"], "created_at": r["created_at"], "attempts": r["attempts"],
             "failures": r["failures"], "last_error": r["last_error"], "dead_at": r["dead_at"],
             "dead_reason": r["dead_reason"], "payload": _json_or_text(r["payload"])}
            for r in rows]


def describe_kinds(kinds: Sequence[str]) -> str:
    """"3 sales, 1 refund and 2 customer messages": outbox kinds in a counter person's words."""
    counts: dict[str, int] = {}
    for kind in kinds:
        word = KIND_WORDS.get(kind, "other change")
        counts[word] = counts.get(word, 0) + 1
    parts = [f"{n} {word}{'' if n == 1 else 's'}" for word, n in counts.items()]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def list_dead(deps: ServiceDeps, actor: Actor) -> list[DeadLetter]:
    """The manager's view of the dead letters (refused, and audited, for anyone else)."""
    from kiosk.services.staff_admin import require_manager

    require_manager(deps, actor, "sync.view")
    return dead_letters(deps.conn)


def retry_dead(deps: ServiceDeps, actor: Actor, ids: Sequence[int] | None = None) -> list[int]:
    """A manager sends dead-lettered rows (``ids``, or all when None) back to the sync worker.

    Each row gets a fresh retry budget and is due at once. Later rows of the same booking that
    went through while it was dead (they no longer waited for it) are queued again behind it, so
    the cloud sees the booking's changes in order: every cloud write is conditional, so a replay
    of what already happened changes nothing. Customer messages are not replayed (no duplicate
    texts). One audit row per retried row.
    """
    from kiosk.domain.errors import NotFound
    from kiosk.services import audit
    from kiosk.services.staff_admin import require_manager

    target = "all" if ids is None else ",".join(str(i) for i in ids)
    require_manager(deps, actor, "outbox.retry", target)
    conn, now = deps.conn, deps.clock.now()
    stamp = to_iso(now)
    with transaction(conn):
        rows = dead_letters(conn, ids)
        if ids is not None:
            missing = sorted(set(int(i) for i in ids) - {r.id for r in rows})
            if missing:
                raise NotFound(
                    f"Row {', '.join(map(str, missing))} is not waiting for a manager (it may have "
                    "been sent or retried already); nothing was changed.")
        for row in rows:
            conn.execute(
                "UPDATE outbox SET dead_at = NULL, dead_reason = '', failures = 0, "
                "last_error = '', next_attempt_at = ? WHERE id = ?", (stamp, row.id))
            replayed = []
            if row.booking_id:
                replayed = [r[0] for r in conn.execute(
                    "UPDATE outbox SET done_at = NULL, next_attempt_at = ? WHERE booking_id = ? "
                    "AND id > ? AND kind != 'notify' AND done_at IS NOT NULL AND done_at >= ? "
                    "RETURNING id", (stamp, row.booking_id, row.id, to_iso(row.dead_at)))]
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="outbox.retry",
                         staff_id=actor.staff_id, target=row.booking_id or str(row.id),
                         detail={"outbox_id": row.id, "kind": row.kind, "reason": row.reason,
                                 "failures": row.failures, "replayed": sorted(replayed)})
    return [r.id for r in rows]


def export_dead(deps: ServiceDeps, actor: Actor, path: Path | str) -> int:
    """A manager saves the dead letters as JSON (``.json``) or CSV (any other name); audited.

    Returns how many rows were written. The file is written whole or not at all.
    """
    from kiosk.services import audit
    from kiosk.services.staff_admin import require_manager
    from kiosk.store.files import check_target

    path = Path(path)
    require_manager(deps, actor, "outbox.export", str(path))
    check_target(path)  # a folder, /proc, a device or a missing folder: refused, not "written"
    conn, now = deps.conn, deps.clock.now()
    rows = [d.as_dict() for d in dead_letters(conn)]
    if path.suffix.lower() == ".json":
        write_json(path, {"kiosk_id": deps.config.kiosk_id, "exported_at": to_iso(now),
                          "dead_letters": rows})
    else:
        _write_atomically(path, lambda fh: _write_csv(fh, rows))
    with transaction(conn):
        audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="outbox.export",
                     staff_id=actor.staff_id, target=str(path),
                     detail={"rows": len(rows), "ids": [r["id"] for r in rows]})
    return len(rows)


def write_json(path: Path | str, document: Any) -> Path:
    path = Path(path)
    _write_atomically(path, lambda fh: json.dump(document, fh, indent=2, ensure_ascii=False,
                                                 sort_keys=False))
    return path


def _write_csv(fh: TextIO, rows: list[dict[str, Any]]) -> None:
    writer = csv_safe.writer(fh)
    writer.writerow(EXPORT_FIELDS)
    for row in rows:
        writer.writerow([json.dumps(row[f], sort_keys=True) if f == "payload"
                         and not isinstance(row[f], str) else row[f] for f in EXPORT_FIELDS])


def _write_atomically(path: Path, write: Callable[[TextIO], object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    try:
        with open(tmp, "w", newline="", encoding="utf-8") as fh:
            write(fh)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)

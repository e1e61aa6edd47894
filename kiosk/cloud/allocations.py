"""Offline allocations: seats DynamoDB sets aside for this kiosk while it is online (I3).

Allocated seats are owned by this kiosk in DynamoDB (state ``allocated``); nobody else can hold or
sell them, so selling them offline can never conflict. The local ``allocations`` table is this
kiosk's record of them: the gate's offline rule reads it. It is written only after DynamoDB
granted the seats, and emptied *before* handing seats back, so it never claims more than the cloud
gave. ``ALLOCATION_LOCK`` keeps pull's reconciliation from interleaving with those two steps.

A manager allocates or revokes (audited); ``config.cloud.auto_allocate`` keeps a block per show
topped up automatically while online; surplus unsold seats go back when the kiosk is online again.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.cloud import auditing
from kiosk.cloud.context import CloudContext
from kiosk.cloud.table import MAX_SEATS_PER_CLAIM, seat_from_sk
from kiosk.domain.clock import Clock, from_iso, to_iso
from kiosk.domain.errors import InvalidInput, NotFound, SeatsUnavailable
from kiosk.domain.layout import HallLayout, layout_from_json
from kiosk.domain.seating import best_available
from kiosk.store.db import open_db, transaction

if TYPE_CHECKING:
    from kiosk.services.models import Actor

ALLOCATION_LOCK = threading.RLock()
BLOCK = 4  # allocate in small adjacent blocks: couples and families buy together
MAX_ROUNDS = 4



def show_layout(conn: sqlite3.Connection, show_id: str) -> HallLayout:
    """The hall layout a show is sold in (parsed once per layout text); NotFound if unknown."""
    row = conn.execute("SELECT h.layout FROM shows s JOIN halls h ON h.id = s.hall_id "
                       "WHERE s.id = ?", (show_id,)).fetchone()
    if row is None:
        raise NotFound(f"There is no show {show_id}.")
    return layout_from_json(row[0])


class AllocationManager:
    def __init__(self, context: CloudContext, db_path: Path | str | None = None, *,
                 clock: Clock | None = None):
        self.context = context
        self.conn: sqlite3.Connection = open_db(db_path or context.config.db_path).conn
        self.clock = clock or Clock()
        context.adopt_clock(clock)

    def close(self) -> None:
        self.conn.close()

    @property
    def kiosk_id(self) -> str:
        return self.context.kiosk_id

    def mine(self, show_id: str) -> set[str]:
        return {r[0] for r in self.conn.execute(
            "SELECT seat_code FROM allocations WHERE show_id = ? AND kiosk_id = ?",
            (show_id, self.kiosk_id))}

    def unsold(self, show_id: str) -> set[str]:
        """Allocated seats not sold in a local booking and not in a live local hold."""
        rows = self.conn.execute(
            "SELECT a.seat_code FROM allocations a WHERE a.show_id = ? AND a.kiosk_id = ? "
            "AND NOT EXISTS (SELECT 1 FROM seat_sales s WHERE s.show_id = a.show_id "
            "AND s.seat_code = a.seat_code) AND NOT EXISTS (SELECT 1 FROM holds h "
            "WHERE h.show_id = a.show_id AND h.seat_code = a.seat_code)",
            (show_id, self.kiosk_id)).fetchall()
        return {r[0] for r in rows}

    def _taken(self, show_id: str, now: datetime) -> set[str]:
        """Seats not free for a new allocation, from a strongly consistent read.

        The same read adopts seats the cloud says are allocated to this kiosk but the local
        record lacks (an allocation whose answer was lost, or a crash before ``_record``): only
        a strongly consistent read may add allocations, never pull's cheaper one (hole 2).
        """
        claims = self.context.claims()
        items = self.context.call(lambda: claims.show_items(show_id, consistent=True))
        now_epoch = int(self.context.cloud_time(now).timestamp())
        taken = set()
        ours = []
        for it in items:
            if not str(it.get("sk", "")).startswith("SEAT#"):
                continue
            free_again = (it.get("state") == "held" and not it.get("alloc_kiosk")
                          and int(it.get("hold_expires_at", 0)) < now_epoch)
            if not free_again:
                taken.add(seat_from_sk(it["sk"]))
            if it.get("state") == "allocated" and it.get("kiosk_id") == self.kiosk_id:
                ours.append(seat_from_sk(it["sk"]))
        missing = sorted(set(ours) - self.mine(show_id))
        if missing:
            self._record(show_id, missing, now)
        local = self.conn.execute(
            "SELECT seat_code FROM seat_sales WHERE show_id = ? UNION "
            "SELECT seat_code FROM holds WHERE show_id = ? UNION "
            "SELECT seat_code FROM allocations WHERE show_id = ?", (show_id,) * 3).fetchall()
        return taken | {r[0] for r in local}

    @staticmethod
    def _pick(layout: HallLayout, unavailable: set[str], n: int) -> list[str]:
        picked: list[str] = []
        blocked = set(unavailable)
        size = min(BLOCK, n)
        while len(picked) < n and size > 0:
            block = best_available(layout, blocked, min(size, n - len(picked)))
            if not block:
                size -= 1
                continue
            picked.extend(block)
            blocked.update(block)
        if len(picked) < n:  # odd leftovers the block search will not strand: take in order
            for code, seat in layout.seats.items():
                if len(picked) >= n:
                    break
                if code not in blocked and seat.type.value not in ("wheelchair", "companion"):
                    picked.append(code)
                    blocked.add(code)
        return picked

    def allocate(self, show_id: str, n: int, *, actor: Actor | None = None) -> list[str]:
        """Ask DynamoDB for ``n`` more seats for this kiosk; returns the seats granted.

        Online only (raises CloudUnavailable otherwise). With ``actor`` the action is a manager's
        and audited as such; without, it is the kiosk's automatic top-up.
        """
        if n <= 0:
            raise InvalidInput("Allocate at least one seat.")
        now = self.clock.now()
        if actor is not None:
            auditing.require_manager(self.conn, actor, "cloud_allocate", now)
        layout = show_layout(self.conn, show_id)
        granted: list[str] = []
        with ALLOCATION_LOCK:
            unavailable = self._taken(show_id, now)
            for _ in range(MAX_ROUNDS):
                want = self._pick(layout, unavailable, n - len(granted))
                if not want:
                    break
                for start in range(0, len(want), MAX_SEATS_PER_CLAIM):
                    chunk = want[start:start + MAX_SEATS_PER_CLAIM]

                    def claim(c: list[str] = chunk) -> None:  # context.call sees its failures
                        self.context.claims().allocate(show_id=show_id, seats=c,
                                                       now=self.context.cloud_time(now))

                    try:
                        self.context.call(claim)
                    except SeatsUnavailable as lost:
                        unavailable.update(lost.seats)  # the rest of the chunk is re-picked
                        continue
                    granted.extend(chunk)
                    unavailable.update(chunk)
                    self._record(show_id, chunk, now)
                if len(granted) >= n:
                    break
            with transaction(self.conn):
                auditing.record(self.conn, at=now, kiosk_id=self.kiosk_id,
                                action="cloud_allocate", staff_id=actor.staff_id if actor else None,
                                target=show_id, detail={"seats": granted, "asked": n})
        return granted

    def _record(self, show_id: str, seats: list[str], now: datetime) -> None:
        with transaction(self.conn):
            self.conn.executemany(
                "INSERT OR REPLACE INTO allocations (show_id, seat_code, kiosk_id, allocated_at) "
                "VALUES (?, ?, ?, ?)", [(show_id, s, self.kiosk_id, to_iso(now)) for s in seats])

    def release_unsold(self, show_id: str, keep: int = 0, *, actor: Actor | None = None,
                       action: str = "cloud_release") -> list[str]:
        """Hand unsold allocated seats back to everyone, keeping ``keep`` of them."""
        now = self.clock.now()
        if actor is not None:
            auditing.require_manager(self.conn, actor, action, now)
        with ALLOCATION_LOCK:
            unsold = sorted(self.unsold(show_id))
            surplus = unsold[keep:] if keep else unsold
            if not surplus:
                return []
            with transaction(self.conn):  # local first: never believe in seats we gave back
                self.conn.executemany(
                    "DELETE FROM allocations WHERE show_id = ? AND seat_code = ? AND kiosk_id = ?",
                    [(show_id, s, self.kiosk_id) for s in surplus])
            released = self.context.call(lambda: self.context.claims().release_allocation(
                show_id=show_id, seats=surplus))
            with transaction(self.conn):
                auditing.record(self.conn, at=now, kiosk_id=self.kiosk_id, action=action,
                                staff_id=actor.staff_id if actor else None, target=show_id,
                                detail={"seats": released})
        return released

    def revoke(self, actor: Actor, show_id: str) -> list[str]:
        """Manager action: give back every unsold seat this kiosk holds for the show."""
        return self.release_unsold(show_id, keep=0, actor=actor, action="cloud_revoke")

    def maintain(self, show_ids: list[str], target: int | None = None) -> dict[str, int]:
        """Back online: return surplus unsold seats, top up to ``target`` (config auto_allocate)
        for shows on sale, and release everything of shows that already started."""
        target = self.context.config.cloud.auto_allocate if target is None else target
        changes: dict[str, int] = {}
        now = self.clock.now()
        started = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT a.show_id FROM allocations a JOIN shows s ON s.id = a.show_id "
            "WHERE a.kiosk_id = ? AND (s.starts_at <= ? OR s.status != 'scheduled')",
            (self.kiosk_id, to_iso(now)))]
        for show_id in started:
            changes[show_id] = -len(self.release_unsold(show_id))
        for show_id in show_ids:
            if show_id in started:
                continue
            have = len(self.unsold(show_id))
            if have > target:
                changes[show_id] = -len(self.release_unsold(show_id, keep=target))
            elif have < target:
                changes[show_id] = len(self.allocate(show_id, target - have))
        return {k: v for k, v in changes.items() if v}


def allocated_since(conn: sqlite3.Connection, kiosk_id: str) -> dict[str, datetime]:
    """Earliest allocation time per show, for status screens."""
    rows = conn.execute("SELECT show_id, MIN(allocated_at) FROM allocations WHERE kiosk_id = ? "
                        "GROUP BY show_id", (kiosk_id,)).fetchall()
    return {r[0]: from_iso(r[1]) for r in rows}

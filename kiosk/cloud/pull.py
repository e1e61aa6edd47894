"""Pull: refresh the local picture of seats other kiosks and the web sold, hold or set aside.

For each show on sale, one paginated eventually consistent Query of ``pk=SHOW#<show>`` replaces
the show's ``remote_seats`` rows, but only when something changed, so the change feed (and the
open seat map) fires only for real news. The kiosk's own seats are left to local tables (its
live holds, its bookings' seat sales, its allocations). The same read reconciles the local
``allocations`` table with what DynamoDB says is allocated to this kiosk, in one direction only
(see ``_store``).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.cloud.allocations import ALLOCATION_LOCK
from kiosk.cloud.context import CloudContext
from kiosk.cloud.table import seat_from_sk
from kiosk.domain.clock import Clock, to_iso
from kiosk.store.db import open_db, transaction

ON_SALE_HORIZON = timedelta(days=2)


@dataclass(frozen=True)
class RemoteSeat:
    seat: str
    state: str  # held | allocated | sold
    booking_id: str | None
    kiosk_id: str | None
    expires_at: str | None


def shows_on_sale(conn: sqlite3.Connection, now: datetime,
                  horizon: timedelta = ON_SALE_HORIZON, limit: int = 40) -> list[str]:
    rows = conn.execute(
        "SELECT id FROM shows WHERE status = 'scheduled' AND starts_at > ? AND starts_at <= ? "
        "ORDER BY starts_at LIMIT ?", (to_iso(now), to_iso(now + horizon), limit)).fetchall()
    return [r[0] for r in rows]


def classify(items: list[dict[str, Any]], kiosk_id: str, now_epoch: int, local_holds: set[str],
             local_bookings: set[str]) -> tuple[dict[str, RemoteSeat], set[str]]:
    """(seats to show as taken elsewhere, seats DynamoDB sets aside for this kiosk)."""
    remote: dict[str, RemoteSeat] = {}
    mine: set[str] = set()
    for it in items:
        if not str(it.get("sk", "")).startswith("SEAT#"):
            continue
        seat = seat_from_sk(it["sk"])
        state = it.get("state")
        alloc = it.get("alloc_kiosk")
        if state == "held":
            expired = int(it.get("hold_expires_at", 0)) < now_epoch
            if alloc == kiosk_id:
                mine.add(seat)
            if expired:
                if alloc and alloc != kiosk_id:
                    remote[seat] = RemoteSeat(seat, "allocated", None, alloc, None)
                continue
            if it.get("hold_id") in local_holds:
                continue
            expires = datetime.fromtimestamp(int(it["hold_expires_at"]), UTC)
            remote[seat] = RemoteSeat(seat, "held", None, it.get("kiosk_id"), to_iso(expires))
        elif state == "allocated":
            if it.get("kiosk_id") == kiosk_id:
                mine.add(seat)
            else:
                remote[seat] = RemoteSeat(seat, "allocated", None, it.get("kiosk_id"), None)
        elif state == "sold":
            if it.get("booking_id") in local_bookings:
                continue
            remote[seat] = RemoteSeat(seat, "sold", it.get("booking_id"), it.get("kiosk_id"), None)
    return remote, mine


class Puller:
    def __init__(self, context: CloudContext, db_path: Path | str | None = None, *,
                 clock: Clock | None = None):
        self.context = context
        self.conn = open_db(db_path or context.config.db_path).conn
        self.clock = clock or Clock()
        context.adopt_clock(clock)

    def close(self) -> None:
        self.conn.close()

    def pull_show(self, show_id: str) -> bool:
        """Refresh one show; True when the local picture changed. Raises CloudUnavailable."""
        with ALLOCATION_LOCK:
            now = self.clock.now()
            remote, mine = self._classify(show_id, self._read(show_id, consistent=False), now)
            if mine != self._allocated(show_id):
                # The cheap read disagrees with this kiosk's allocations: it may be stale (an
                # allocation it has not seen yet, or one already handed back). Only a strongly
                # consistent read may change them (issue 9, hole 2).
                remote, mine = self._classify(
                    show_id, self._read(show_id, consistent=True), now)
            return self._store(show_id, remote, mine, now)

    def pull_seats(self, show_id: str, seats: Iterable[str]) -> bool:
        """Refresh just these seats of the show (the change feed named them), from a strongly
        consistent read of their items; True when the local picture changed. Raises
        CloudUnavailable."""
        wanted = set(seats)
        with ALLOCATION_LOCK:
            now = self.clock.now()
            items = self.context.call(lambda: self.context.claims().seat_items(show_id, wanted))
            remote, mine = self._classify(show_id, list(items.values()), now)
            return self._store(show_id, remote, mine, now, only=wanted)

    def _classify(self, show_id: str, items: list[dict[str, Any]],
                  now: datetime) -> tuple[dict[str, RemoteSeat], set[str]]:
        """The cloud's items as this kiosk sees them: its own holds and bookings are not
        "taken by someone else", and holds past their time (by the cloud's clock) are free."""
        holds = {r[0] for r in self.conn.execute(
            "SELECT DISTINCT hold_id FROM holds WHERE show_id = ?", (show_id,))}
        bookings = {r[0] for r in self.conn.execute(
            "SELECT id FROM bookings WHERE show_id = ?", (show_id,))}
        epoch_now = int(self.context.cloud_time(now).timestamp())
        return classify(items, self.context.kiosk_id, epoch_now, holds, bookings)

    def _read(self, show_id: str, consistent: bool) -> list[dict[str, Any]]:
        return self.context.call(lambda: self.context.claims().show_items(
            show_id, consistent=consistent))

    def _allocated(self, show_id: str) -> set[str]:
        return {r[0] for r in self.conn.execute(
            "SELECT seat_code FROM allocations WHERE show_id = ? AND kiosk_id = ?",
            (show_id, self.context.kiosk_id))}

    def _store(self, show_id: str, remote: dict[str, RemoteSeat], mine: set[str],
               now: datetime, only: set[str] | None = None) -> bool:
        """Make the show's rows (``only``: just these seats' rows) what the cloud said."""
        current = {r["seat_code"]: RemoteSeat(r["seat_code"], r["state"], r["booking_id"],
                                              r["kiosk_id"], r["expires_at"])
                   for r in self.conn.execute(
                       "SELECT seat_code, state, booking_id, kiosk_id, expires_at "
                       "FROM remote_seats WHERE show_id = ?", (show_id,))
                   if only is None or r["seat_code"] in only}
        local_alloc = self._allocated(show_id)
        if only is not None:
            local_alloc &= only
        # Allocations are only ever taken away here (a seat the cloud no longer gives this
        # kiosk), never added: a grant is recorded by whoever asked for it, after DynamoDB
        # granted it, and AllocationManager adopts the rest from its strongly consistent read.
        gone = local_alloc - mine
        if current == remote and not gone:
            return False
        stamp = to_iso(now)
        with transaction(self.conn):
            if current != remote:
                if only is None:
                    self.conn.execute("DELETE FROM remote_seats WHERE show_id = ?", (show_id,))
                else:
                    self.conn.executemany(
                        "DELETE FROM remote_seats WHERE show_id = ? AND seat_code = ?",
                        [(show_id, seat) for seat in only])
                self.conn.executemany(
                    "INSERT INTO remote_seats (show_id, seat_code, state, booking_id, kiosk_id, "
                    "expires_at, pulled_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(show_id, r.seat, r.state, r.booking_id, r.kiosk_id, r.expires_at, stamp)
                     for r in remote.values()])
            if gone:
                self.conn.executemany(
                    "DELETE FROM allocations WHERE show_id = ? AND seat_code = ? AND kiosk_id = ?",
                    [(show_id, s, self.context.kiosk_id) for s in gone])
        return True

    def pull_on_sale(self, extra: list[str] | tuple[str, ...] = (),
                     due: dict[str, float] | None = None, background_s: float = 0.0,
                     now_mono: float | None = None) -> list[str]:
        """Pull ``extra`` shows (the seat map on screen) first, then shows on sale soon.

        With ``due`` (show id -> monotonic time of its next pull, kept by the caller) the other
        shows are pulled only every ``background_s``: reads cost money on real DynamoDB, and
        only the show on screen needs second-by-second freshness. Returns the changed shows.
        """
        shows = list(dict.fromkeys([*extra, *shows_on_sale(self.conn, self.clock.now())]))
        mono = time.monotonic() if now_mono is None else now_mono
        changed = []
        pulled = False
        for show_id in shows:
            if due is not None and show_id not in extra and due.get(show_id, 0.0) > mono:
                continue
            if self.pull_show(show_id):
                changed.append(show_id)
            pulled = True
            if due is not None and show_id not in extra:
                due[show_id] = mono + background_s
        if pulled:
            with transaction(self.conn):
                self.conn.execute(
                    "INSERT INTO cloud_state (key, value) VALUES ('last_pull_at', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (to_iso(self.clock.now()),))
        return changed


def wait_until(predicate: Callable[[], object], timeout_s: float, interval_s: float = 0.05) -> bool:
    """Poll ``predicate`` until true or timeout (for CLI tools and tests, never the GUI)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval_s)
    return bool(predicate())

"""Seats sold per show, for the 'seats left' of every reply, without re-counting after each sale.

Counting a show's sales walks its index: ~190 us for a 20,000-seat hall half sold, more than the
rest of a confirm's CPU. The count is kept per show with what it was valid for: the show's
change generation (bumped by TEMP triggers whenever this connection touches the show's
``seat_sales`` or ``remote_seats`` rows) and ``PRAGMA data_version`` (other connections).

A confirm knows exactly what it adds: if the generation moved by exactly its own rows and nothing
else changed, the new count is the old one plus its seats, stored only after COMMIT. Anything else
(a refund, a re-seat, a pull from the cloud, a rolled-back change, another process) leaves a
mismatch, and the next reply counts again.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils

from kiosk.services.booking_watch import data_version, per_database, watch

# Local sales plus sales pulled from the cloud that are not also local.
_SOLD_SQL = (
    "SELECT (SELECT COUNT(*) FROM seat_sales WHERE show_id = ?1) + "
    "(SELECT COUNT(*) FROM remote_seats r WHERE r.show_id = ?1 AND r.state = 'sold' "
    " AND NOT EXISTS (SELECT 1 FROM seat_sales l WHERE l.show_id = ?1 "
    " AND l.seat_code = r.seat_code))"
)


@dataclass(frozen=True)
class _Known:
    sold: int
    generation: int
    version: int


@dataclass(frozen=True)
class SaleMark:
    """Taken inside a sale's transaction before it writes seat_sales."""

    show_id: str
    known: _Known | None  # the count, if it is still valid at this point
    generation: int
    version: int


class SoldCounts:
    def __init__(self, conn: sqlite3.Connection, watching: bool = True):
        self._generation: defaultdict[str, int] = defaultdict(int)
        self._known: dict[str, _Known] = {}
        self._watching = watching
        if watching:
            watch(conn, ("seat_sales", "remote_seats"), self, "_changed", key="show_id")

    def _changed(self, show_id: object) -> None:
        self._generation[str(show_id)] += 1

    def _valid(self, show_id: str, generation: int, version: int) -> _Known | None:
        known = self._known.get(show_id) if self._watching else None
        if known is not None and known.generation == generation and known.version == version:
            return known
        return None

    def sold(self, conn: sqlite3.Connection, show_id: str) -> int:
        """Seats of the show sold here or in the cloud."""
        version, generation = data_version(conn), self._generation[show_id]
        known = self._valid(show_id, generation, version)
        if known is not None:
            return known.sold
        # Read after the marks: a change landing in between leaves them stale, never the count.
        sold = int(conn.execute(_SOLD_SQL, (show_id,)).fetchone()[0])
        if self._watching and not conn.in_transaction:
            self._known[show_id] = _Known(sold, generation, version)
        return sold

    def mark(self, conn: sqlite3.Connection, show_id: str) -> SaleMark:
        version, generation = data_version(conn), self._generation[show_id]
        return SaleMark(show_id, self._valid(show_id, generation, version), generation, version)

    def after_sale(self, mark: SaleMark, seats: int) -> Callable[[], None]:
        """Call inside the transaction after inserting ``seats`` seat_sales rows; run the result
        after COMMIT to record the new count (it does nothing if anything else changed)."""
        generation = self._generation[mark.show_id]
        if mark.known is None or generation != mark.generation + seats:
            return lambda: None
        known = _Known(mark.known.sold + seats, generation, mark.version)

        def commit() -> None:
            if self._generation[mark.show_id] == known.generation:
                self._known[mark.show_id] = known

        return commit


sold_counts: Callable[[sqlite_utils.Database], SoldCounts] = per_database(SoldCounts)
"""The counts of one ``sqlite_utils.Database``."""

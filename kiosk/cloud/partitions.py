"""Where a show's seat items live: one partition key, or several by block (issue 15, README).

DynamoDB serves about ``PARTITION_WRITE_UNITS`` write units a second per partition key, and a
transactional write costs ``TRANSACT_UNITS_PER_ITEM`` units per item (prepare + commit). A sale
writes each seat twice (hold, then confirm), so one partition takes about
``PARTITION_WRITE_UNITS / (2 * TRANSACT_UNITS_PER_ITEM)`` = 250 seats sold a second, whatever the
booking size (``booking_rate``). A hall of ``BLOCK_SEATS`` seats sells out in 40 s at that
ceiling; a bigger hall spreads its shows' seats over ``blocks_for(seat_count)`` partition keys
``SHOW#<show>#B<n>``, so its ceiling grows with its size. Smaller halls keep ``SHOW#<show>`` (the
single layout, unchanged from before).

Every device must put one seat under one key, or two kiosks could claim "the same" seat in two
different items and the conditions (I1) would never see each other. So both choices are pure
functions of what every device already shares:

* how many blocks: the hall's ``seat_count`` from the published catalogue (``blocks_for``);
* which block a seat is in: a stable hash (CRC-32) of its seat code, modulo the block count.
  Hashing spreads the rows everybody races for in a flash sale over all blocks; a block of
  neighbouring rows would put exactly those hot seats back into one partition.

The layout of a show is therefore fixed by its hall's size. Moving a show with sales to a hall
on the other side of ``BLOCK_SEATS`` would strand its seat items (not done here: the catalogue
should refuse it).
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable
from typing import Any

PARTITION_WRITE_UNITS = 1_000  # per partition key and second (DynamoDB's per-partition limit)
PARTITION_READ_UNITS = 3_000
TRANSACT_UNITS_PER_ITEM = 2  # TransactWriteItems: a prepare and a commit write per item
BLOCK_SEATS = 10_000  # seats per partition key: above this a hall's shows are spread by block


def blocks_for(seat_count: int, block_seats: int = BLOCK_SEATS) -> int:
    """How many partition keys a show of a hall with ``seat_count`` seats uses (1: the single
    layout ``SHOW#<show>``)."""
    if seat_count <= block_seats:
        return 1
    return math.ceil(seat_count / block_seats)


def block_of(seat: str, blocks: int) -> int:
    """The block of one seat code: the same on every device, for every Python process."""
    return zlib.crc32(seat.encode()) % blocks if blocks > 1 else 0


def booking_rate(seats_per_booking: int, blocks: int = 1, hold_and_confirm: bool = True,
                 ) -> float:
    """Bookings a second one show can take at the partition write ceiling.

    Each seat item is written once per transaction that touches it: twice for a hold then a
    confirm, once for a straight confirm. The booking item (``BOOKING#<id>``) and the checks
    (``CINEMA#<cinema>``) are in other partitions and do not count against the show's.
    """
    writes = 2 if hold_and_confirm else 1
    units = seats_per_booking * writes * TRANSACT_UNITS_PER_ITEM
    return blocks * PARTITION_WRITE_UNITS / units


def show_of_pk(pk: str) -> str | None:
    """The show of a seat partition key (either layout); None for any other key."""
    if not pk.startswith("SHOW#"):
        return None
    show = pk.removeprefix("SHOW#")
    head, sep, tail = show.rpartition("#B")
    return head if sep and tail.isdigit() else show


class Layouts:
    """Which partition keys each show's seats use, from the show's seat count.

    ``seat_count(show_id)`` answers from the device's copy of the catalogue (None: unknown). An
    unknown show gets the single layout and is asked again next time; a known one is remembered.
    ``block_seats`` is the rule's one parameter: every device of a table must use the same
    (``BLOCK_SEATS`` in the product; tests and ``kiosk simulate --layout blocks`` lower it so a
    small hall is spread as an arena's is).
    """

    def __init__(self, seat_count: Callable[[str], int | None] | None = None,
                 block_seats: int | None = None):
        self._seat_count = seat_count
        self.block_seats = block_seats or BLOCK_SEATS
        self._known: dict[str, int] = {}

    def blocks(self, show_id: str) -> int:
        if show_id in self._known:
            return self._known[show_id]
        count = self._seat_count(show_id) if self._seat_count is not None else None
        if count is None:
            return 1
        self._known[show_id] = blocks = blocks_for(count, self.block_seats)
        return blocks

    def pk(self, show_id: str, seat: str) -> str:
        blocks = self.blocks(show_id)
        if blocks == 1:
            return f"SHOW#{show_id}"
        return f"SHOW#{show_id}#B{block_of(seat, blocks)}"

    def pks(self, show_id: str) -> list[str]:
        """Every partition key the show's seats may be under (what a pull queries)."""
        blocks = self.blocks(show_id)
        if blocks == 1:
            return [f"SHOW#{show_id}"]
        return [f"SHOW#{show_id}#B{n}" for n in range(blocks)]

    def key(self, show_id: str, seat: str) -> dict[str, Any]:
        return {"pk": {"S": self.pk(show_id, seat)}, "sk": {"S": f"SEAT#{seat}"}}


SINGLE = Layouts()  # no catalogue: every show under SHOW#<show>


def sqlite_seat_counts(db_path: str) -> Callable[[str], int | None]:
    """A ``seat_count`` reader over a kiosk's SQLite catalogue (read-only; never creates it)."""
    import sqlite3
    from pathlib import Path

    uri = Path(db_path).resolve().as_uri() + "?mode=ro"

    def seat_count(show_id: str) -> int | None:
        try:
            conn = sqlite3.connect(uri, uri=True)
        except sqlite3.Error:
            return None
        try:
            row = conn.execute("SELECT h.seat_count FROM shows s JOIN halls h ON h.id = s.hall_id "
                               "WHERE s.id = ?", (show_id,)).fetchone()
        except sqlite3.Error:
            return None
        finally:
            conn.close()
        return int(row[0]) if row else None

    return seat_count

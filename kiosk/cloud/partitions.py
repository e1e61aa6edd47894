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

The guard (the layout item). A device's catalogue can be missing or stale, and some tools have
none (``kiosk cloud simulate-web``, the racer): two devices could then put one seat under two
keys, where the conditions never meet (a double sale). So the cloud keeps one layout item per
show, ``SHOW#<show> / LAYOUT`` with ``blocks = <n>``. Before its first claim, hold or allocation
of a show, each ``Layouts`` (one per device process) ensures it with ONE conditional PutItem,
``attribute_not_exists(pk) OR blocks = :n`` (``SeatClaims.ensure_layout``), and remembers the
answer: one write per device per show, and no item shared by the claim transactions (so no
``TransactionConflict`` and no hot key inside them). If the item says another block count the
claim is refused (``SeatLayoutMismatch``, nothing written to any seat). Two devices that ensure
different layouts at the same moment: DynamoDB applies conditional writes to one item one at a
time, so exactly one put creates the item and the other's condition fails; the loser refuses.
Nothing can be claimed before the ensure, because every claim path calls it first. A device that
does not know the show's size (no catalogue, or a show its catalogue lacks) adopts the item's
count if there is one, else claims the single layout the same way. The item is never changed,
so the catalogue refuses to move a show whose layout is fixed to a hall with another block
count (``catalogue_sync.publish``, ``ScheduleService``).

What each claim costs the CINEMA# partition. Every hold and confirm also carries
``ConditionCheck`` items on ``CINEMA#<cinema>`` (show not cancelled; staff active: see
``claims``). A ConditionCheck in ``TransactWriteItems`` is billed as a write: 2 write units per
item, like an Update (measured against real DynamoDB by martinhicks.dev, "What a conditional
DynamoDB transaction actually costs"; AWS documents 2 units per item of a transactional write).
So a counter booking (hold + confirm, two checks each) costs 8 units on the cinema's partition
and a web booking (one check each) 4: the cinema's partition caps ALL its shows together at
about ``cinema_booking_rate()`` = 125 counter or 250 web bookings a second, whatever the seat
layout, and the one show item every claim of a show checks (a single item cannot be split)
caps that show at 250 bookings a second even when its seats span many blocks. The cheap fix,
not done here: keep a copy of the show's status (and the staff list) with the show's own keys
(e.g. ``SHOW#<show>#B<n> / STATUS`` beside the seats a claim writes, all copies written by the
publish transaction that cancels), so the checks scale with the blocks.
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
LAYOUT_SK = "LAYOUT"  # SHOW#<show> / LAYOUT: the block count every device must use (the guard)


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


def cinema_booking_rate(checks_per_claim: int = 2, claims_per_booking: int = 2) -> float:
    """Bookings a second one cinema's ``CINEMA#`` partition takes: each claim's ConditionChecks
    (2 with a staff check, 1 online) are billed as transactional writes (module docstring)."""
    return PARTITION_WRITE_UNITS / (checks_per_claim * claims_per_booking
                                    * TRANSACT_UNITS_PER_ITEM)


def layout_key(show_id: str) -> dict[str, Any]:
    """The show's layout item (the guard, see the module)."""
    return {"pk": {"S": f"SHOW#{show_id}"}, "sk": {"S": LAYOUT_SK}}


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
        # (table, show) -> blocks the cloud's layout item agreed to (the guard, see the module)
        self.ensured: dict[tuple[str, str], int] = {}

    def belief(self, show_id: str) -> int | None:
        """The show's block count from this device's catalogue; None when it does not know."""
        if show_id in self._known:
            return self._known[show_id]
        count = self._seat_count(show_id) if self._seat_count is not None else None
        if count is None:
            return None
        self._known[show_id] = blocks = blocks_for(count, self.block_seats)
        return blocks

    def adopt(self, show_id: str, blocks: int) -> None:
        """Use the cloud's block count for a show this device's catalogue does not know."""
        self._known[show_id] = blocks

    def forget(self, show_id: str) -> None:
        """Ask the catalogue again next time (after the cloud refused this device's belief: a
        pull may bring the show's new hall)."""
        self._known.pop(show_id, None)

    def blocks(self, show_id: str) -> int:
        return self.belief(show_id) or 1

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


SINGLE = Layouts()  # no catalogue: every show under SHOW#<show> (nothing ensured: see SeatClaims)


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

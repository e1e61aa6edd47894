"""The change feed (issue 15, point 2): an idle kiosk learns which shows changed without
querying each one.

Every show has a version item ``pk=FEED#<show>, sk=VERSION`` with a number ``v`` that moves
forward after each seat write of the show (hold, confirm, allocate, release, refund, void). A
kiosk reads the version items of all shows on sale in ONE ``BatchGetItem`` per feed interval
(0.5 read units per show, eventually consistent) and queries only the shows whose version moved
(``kiosk.cloud.engine``).

Where the version moves, and why there: NOT inside the claim's ``TransactWriteItems``. An item
written by every transaction of a show would serialise them (DynamoDB cancels a transaction
touching an item another transaction is writing, ``TransactionConflict``), so concurrent claims
on different seats of one show, today independent, would cancel each other. Instead the version
moves in a separate ``UpdateItem ADD v :1`` after the write succeeded, in its own partition (so
it takes nothing from the show's partition budget, issue 15 point 4), sent by a background
thread of the writing process (``VersionBumper``): the claim's caller never waits for it, and
writes to one show that arrive while a bump is in flight share the next bump (coalesced), so a
sprint of sales costs fewer bumps than sales. Plain ``UpdateItem`` ADDs never conflict with each
other.

A bump is best effort: a process that dies between the write and its bump, or a bump the cloud
refuses, leaves the version behind. The kiosk's periodic full pull stays on as a safety net at a
slower cadence (``FEED_SAFETY_FACTOR``), so a missed bump delays what a kiosk sees, never loses
it. The same net covers the rare eventually consistent read that shows a new version but an older
seat picture, and seat holds that simply expire (no write, so no bump).

Which seats moved (the delta): a kiosk behind by a few versions should not query a 2,500-seat
show to learn of two seats (in a flash sale every kiosk would re-read the whole show every few
seconds, which is what stopped the 2,500-seat sale of the issue 15 bench). So each bump also
writes a small change slot ``pk=FEED#<show>, sk=C#<v mod RING>`` naming the seats written since
the previous bump (``v``, ``seats``). A kiosk that saw version ``old`` and now reads ``new``
Queries the slots of versions ``old + 1`` to ``new`` only (one strongly consistent read of a
run of small items, two when the run wraps round the ring), and
when they cover every version in between it reads only those seats, by key and strongly
consistent (``SeatClaims.seat_items``), and updates just their rows (``Puller.pull_seats``).
The slot names seats, never states: states are always read from the seat items themselves, so
bumps arriving out of order cannot mislead a kiosk. A kiosk falls back to the whole show when it
is ``RING`` or more versions behind, when a slot says "all" (a bump with too many seats), when
more than ``DELTA_MAX_SEATS`` seats moved, or when a version's slot stays missing for
``GAP_FULL_S`` (the writer died between its version and its slot; briefly missing is normal:
the slot is written just after the version). Cost: a bump is now two writes (version, slot).
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from kiosk.cloud.claims import SeatClaims
from kiosk.cloud.errors import translate
from kiosk.cloud.paging import query_items
from kiosk.cloud.partitions import Layouts
from kiosk.cloud.table import batch_get

if TYPE_CHECKING:
    from kiosk.cloud.context import CloudContext

log = logging.getLogger(__name__)
FEED_SAFETY_FACTOR = 6  # with the feed on, full pulls come this many times less often
# the show on screen's version is read every feed interval (0.5 read units), all shows on sale
# only every FEED_WIDE_FACTOR intervals: each version read costs 0.5 units however small the
# show, so 40 shows every 0.5 s would cost as much as querying 40 empty shows (issue 15 bench)
FEED_WIDE_FACTOR = 10
# False: bumps in the caller's thread (tests on moto in process, which is not thread-safe)
BACKGROUND_BUMPS = True
BUMP_LINGER_S = 0.05  # a bump waits this long for more writes to the same shows (coalescing)
RING = 64  # change slots kept per show: a kiosk further behind reads the whole show
SLOT_MAX_SEATS = 200  # a bump naming more seats writes an "all" slot (readers pull the show)
DELTA_MAX_SEATS = 100  # more seats moved than this: one Query of the show is cheaper
GAP_FULL_S = 2.0  # a version whose slot is still missing after this: pull the whole show


_BUMPERS: weakref.WeakSet[VersionBumper] = weakref.WeakSet()


def flush_all(timeout_s: float = 10.0) -> bool:
    """Wait for every bumper of this process (tests: before the mocked cloud goes away)."""
    return all([b.flush(timeout_s) for b in list(_BUMPERS)])


def version_key(show_id: str) -> dict[str, Any]:
    return {"pk": {"S": f"FEED#{show_id}"}, "sk": {"S": "VERSION"}}


def slot_key(show_id: str, version: int) -> dict[str, Any]:
    return {"pk": {"S": f"FEED#{show_id}"}, "sk": {"S": f"C#{version % RING:02d}"}}


class VersionBumper:
    """Moves shows' version items forward off the caller's path, coalescing bursts.

    ``touched(show)`` marks the show dirty and returns at once; one daemon thread waits
    ``linger_s`` for more and then sends one ``UpdateItem ADD`` per dirty show. ``background=False`` bumps in the caller's thread (tests,
    one-shot tools). ``flush()`` waits until nothing is dirty or in flight.
    """

    def __init__(self, client: Any, table: str, *, background: bool | None = None,
                 linger_s: float = BUMP_LINGER_S):
        self.client = client
        self.linger_s = linger_s
        self.table = table
        self.background = BACKGROUND_BUMPS if background is None else background
        self.sent = 0  # bumps sent (a figure for the bench)
        self.failed = 0
        self._dirty: dict[str, set[str] | None] = {}  # show -> seats written (None: unknown)
        self._busy = 0
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        _BUMPERS.add(self)

    def touched(self, show_id: str, seats: Iterable[str] | None = None) -> None:
        """``seats``: the seats the write changed (None: not known, readers pull the show)."""
        written = None if seats is None else set(seats)
        if not self.background:
            self._bump(show_id, written)
            return
        with self._cond:
            if show_id in self._dirty:
                before = self._dirty[show_id]
                written = None if before is None or written is None else before | written
            self._dirty[show_id] = written
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="feed-bumper",
                                                daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def flush(self, timeout_s: float = 10.0) -> bool:
        """True once every show touched so far has been bumped (or given up on)."""
        deadline = time.monotonic() + timeout_s
        with self._cond:
            while self._dirty or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._dirty:
                    self._cond.wait()
                self._busy = 1  # flush() waits through the linger too
            time.sleep(self.linger_s)  # writes of the next moments share this bump
            with self._cond:
                shows = list(self._dirty.items())
                self._dirty.clear()
                self._busy = len(shows)
            for show_id, written in shows:
                self._bump(show_id, written)
                with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()

    def _bump(self, show_id: str, seats: set[str] | None = None) -> None:
        """Move the version, then name the seats in its change slot (readers wait briefly for a
        slot that is not there yet, see the module)."""
        try:
            answer = self.client.update_item(
                TableName=self.table, Key=version_key(show_id),
                UpdateExpression="ADD v :one SET at_s = :at",
                ExpressionAttributeValues={":one": {"N": "1"},
                                           ":at": {"N": str(int(datetime.now(UTC).timestamp()))}},
                ReturnValues="UPDATED_NEW")
            version = int(answer["Attributes"]["v"]["N"])
            slot: dict[str, Any] = {**slot_key(show_id, version), "v": {"N": str(version)}}
            if seats and len(seats) <= SLOT_MAX_SEATS:
                slot["seats"] = {"SS": sorted(seats)}
            else:
                slot["all"] = {"BOOL": True}
            self.client.put_item(TableName=self.table, Item=slot)
            self.sent += 1
        except Exception as exc:  # noqa: BLE001 - best effort: the safety pull covers a miss
            self.failed += 1
            log.info("version bump of %s not sent (the safety pull will catch up): %s",
                     show_id, translate(exc))


class BumpingClaims(SeatClaims):
    """``SeatClaims`` whose successful seat writes move the show's version (after the write)."""

    def __init__(self, client: Any, table: str, kiosk_id: str, published: set[str] | None,
                 bumper: VersionBumper, layouts: Layouts | None = None):
        super().__init__(client, table, kiosk_id, published, layouts)
        self.bumper = bumper

    def claim_hold(self, **kwargs: Any) -> None:
        super().claim_hold(**kwargs)
        self.bumper.touched(kwargs["show_id"], kwargs["seats"])

    def confirm(self, **kwargs: Any) -> None:
        super().confirm(**kwargs)
        self.bumper.touched(kwargs["show_id"], kwargs["seats"])

    def allocate(self, **kwargs: Any) -> None:
        super().allocate(**kwargs)
        self.bumper.touched(kwargs["show_id"], kwargs["seats"])

    def _freed(self, show_id: str, freed: list[str]) -> list[str]:
        if freed:  # nothing freed: nothing changed, nothing to announce
            self.bumper.touched(show_id, freed)
        return freed

    def release_hold(self, **kwargs: Any) -> list[str]:
        return self._freed(kwargs["show_id"], super().release_hold(**kwargs))

    def refund(self, **kwargs: Any) -> list[str]:
        return self._freed(kwargs["show_id"], super().refund(**kwargs))

    def void_sale(self, **kwargs: Any) -> list[str]:
        return self._freed(kwargs["show_id"], super().void_sale(**kwargs))

    def release_allocation(self, **kwargs: Any) -> list[str]:
        return self._freed(kwargs["show_id"], super().release_allocation(**kwargs))


def read_versions(client: Any, table: str, shows: Iterable[str]) -> dict[str, int]:
    """Show -> version (0 when the show has no version item yet), by BatchGetItem.

    Eventually consistent (half the read units): a version read a moment late only delays.
    Unprocessed keys (throttling) are asked for again (``batch_get``)."""
    wanted = list(dict.fromkeys(shows))
    versions = dict.fromkeys(wanted, 0)
    for item in batch_get(client, table, [version_key(s) for s in wanted], consistent=False,
                          projection="pk, v"):
        versions[item["pk"]["S"].removeprefix("FEED#")] = int(item.get("v", {"N": "0"})["N"])
    return versions


@dataclass(frozen=True)
class News:
    """A show that changed: ``seats`` are the only seats that moved, or None: read it whole."""

    show_id: str
    seats: frozenset[str] | None


def merged(before: News, after: News) -> News:
    """One show's news of two looks, read once (None, the whole show, absorbs any seats)."""
    if before.seats is None or after.seats is None:
        return News(after.show_id, None)
    return News(after.show_id, before.seats | after.seats)


def read_slots(client: Any, table: str, show_id: str, after: int, upto: int
               ) -> dict[int, frozenset[str] | None]:
    """Version -> the seats its bump named (None: "all"), from the ring slots where versions
    ``after + 1`` to ``upto`` (fewer than ``RING`` of them) are written: one Query of that run
    of slots, two when it wraps round the ring, so a kiosk one version behind reads one small
    item, not the show's 64. A slot holding another version (overwritten, or not yet written)
    is returned as found; the caller matches versions."""
    first, last = (after + 1) % RING, upto % RING
    runs = [(first, last)] if first <= last else [(first, RING - 1), (0, last)]
    slots: dict[int, frozenset[str] | None] = {}
    for low, high in runs:
        for item in query_items(
                client, TableName=table, ConsistentRead=True,
                KeyConditionExpression="pk = :pk AND sk BETWEEN :lo AND :hi",
                ExpressionAttributeValues={":pk": {"S": f"FEED#{show_id}"},
                                           ":lo": {"S": f"C#{low:02d}"},
                                           ":hi": {"S": f"C#{high:02d}"}}):
            slots[int(item["v"]["N"])] = (frozenset(item["seats"]["SS"]) if "seats" in item
                                          and not item.get("all", {}).get("BOOL") else None)
    return slots


class ShowFeed:
    """Which of the given shows changed since this kiosk last looked, and which of their seats
    (versions kept in memory: a restarted kiosk sees every show as changed once, which is the
    start-up pull)."""

    def __init__(self, context: CloudContext, *, delta: bool = True):
        self.context = context
        self.delta = delta
        self.seen: dict[str, int] = {}
        # show -> (the version its slots reach, when a missing slot after it was first met)
        self._gap_since: dict[str, tuple[int, float]] = {}
        self.delta_reads = 0  # shows brought up to date seat by seat (bench figures)
        self.full_reads = 0  # shows the feed sent to a whole-show pull

    def _call(self, fn: Any) -> Any:
        def guarded() -> Any:
            try:
                return fn()
            except Exception as exc:  # noqa: BLE001 - translated for the status
                raise translate(exc) from exc
        return self.context.call(guarded)

    def _versions(self, shows: Sequence[str]) -> dict[str, int]:
        table = self.context.clients().table
        client = self.context.dynamodb()
        return dict(self._call(lambda: read_versions(client, table, shows)))

    def changed(self, shows: Sequence[str]) -> list[str]:
        """The shows whose version moved (or was never seen), now marked seen; raises
        CloudUnavailable."""
        if not shows:
            return []
        versions = self._versions(shows)
        moved = [s for s, v in versions.items() if self.seen.get(s) != v]
        self.seen.update(versions)
        return moved

    def news(self, shows: Sequence[str], mono: float | None = None) -> list[News]:
        """What moved in these shows: for each, the seats to read again, or the whole show.
        Raises CloudUnavailable (then nothing is marked seen)."""
        if not shows:
            return []
        if not self.delta:
            return [News(s, None) for s in self.changed(shows)]
        versions = self._versions(shows)
        try:
            return self._news(versions, time.monotonic() if mono is None else mono)
        except Exception:
            self.forget(versions)  # some were marked seen: their news would be lost
            raise

    def _news(self, versions: dict[str, int], now: float) -> list[News]:
        news = []
        for show_id, new in versions.items():
            old = self.seen.get(show_id)
            if old is not None and new <= old:  # nothing new (or a stale replica's answer)
                continue
            if old is None or new - old >= RING:
                news.append(self._whole(show_id, new))
                continue
            slots = self._call(lambda show=show_id, old=old, new=new: read_slots(
                self.context.dynamodb(), self.context.clients().table, show, old, new))
            seats: set[str] = set()
            reached = old
            whole = False
            for version in range(old + 1, new + 1):
                if version not in slots:
                    break
                named = slots[version]
                if named is None:
                    whole = True
                    break
                seats |= named
                reached = version
            if whole or len(seats) > DELTA_MAX_SEATS:
                news.append(self._whole(show_id, new))
                continue
            if reached < new:  # a slot not written yet (it follows its version) or never
                stuck = self._gap_since.get(show_id)
                if stuck is None or stuck[0] != reached:  # a new gap, or progress since
                    self._gap_since[show_id] = (reached, now)
                elif now - stuck[1] >= GAP_FULL_S:  # stuck at the same version: no slot coming
                    news.append(self._whole(show_id, new))
                    continue
            else:
                self._gap_since.pop(show_id, None)
            self.seen[show_id] = reached
            if seats:
                self.delta_reads += 1
                news.append(News(show_id, frozenset(seats)))
        return news

    def _whole(self, show_id: str, version: int) -> News:
        self.seen[show_id] = version
        self._gap_since.pop(show_id, None)
        self.full_reads += 1
        return News(show_id, None)

    def forget(self, shows: Collection[str]) -> None:
        """Look at these shows again next time (their pull failed)."""
        for show_id in shows:
            self.seen.pop(show_id, None)

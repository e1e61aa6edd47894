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
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from kiosk.cloud.claims import SeatClaims
from kiosk.cloud.errors import translate
from kiosk.cloud.partitions import Layouts

if TYPE_CHECKING:
    from kiosk.cloud.context import CloudContext

log = logging.getLogger(__name__)
BATCH_GET_LIMIT = 100  # keys per BatchGetItem (DynamoDB's limit)
FEED_SAFETY_FACTOR = 6  # with the feed on, full pulls come this many times less often
# the show on screen's version is read every feed interval (0.5 read units), all shows on sale
# only every FEED_WIDE_FACTOR intervals: each version read costs 0.5 units however small the
# show, so 40 shows every 0.5 s would cost as much as querying 40 empty shows (issue 15 bench)
FEED_WIDE_FACTOR = 10
# False: bumps in the caller's thread (tests on moto in process, which is not thread-safe)
BACKGROUND_BUMPS = True
BUMP_LINGER_S = 0.05  # a bump waits this long for more writes to the same shows (coalescing)


_BUMPERS: weakref.WeakSet[VersionBumper] = weakref.WeakSet()


def flush_all(timeout_s: float = 10.0) -> bool:
    """Wait for every bumper of this process (tests: before the mocked cloud goes away)."""
    return all([b.flush(timeout_s) for b in list(_BUMPERS)])


def version_key(show_id: str) -> dict[str, Any]:
    return {"pk": {"S": f"FEED#{show_id}"}, "sk": {"S": "VERSION"}}


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
        self._dirty: dict[str, None] = {}
        self._busy = 0
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        _BUMPERS.add(self)

    def touched(self, show_id: str) -> None:
        if not self.background:
            self._bump(show_id)
            return
        with self._cond:
            self._dirty[show_id] = None
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
                shows = list(self._dirty)
                self._dirty.clear()
                self._busy = len(shows)
            for show_id in shows:
                self._bump(show_id)
                with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()

    def _bump(self, show_id: str) -> None:
        try:
            self.client.update_item(
                TableName=self.table, Key=version_key(show_id),
                UpdateExpression="ADD v :one SET at_s = :at",
                ExpressionAttributeValues={":one": {"N": "1"},
                                           ":at": {"N": str(int(datetime.now(UTC).timestamp()))}})
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
        self.bumper.touched(kwargs["show_id"])

    def confirm(self, **kwargs: Any) -> None:
        super().confirm(**kwargs)
        self.bumper.touched(kwargs["show_id"])

    def allocate(self, **kwargs: Any) -> None:
        super().allocate(**kwargs)
        self.bumper.touched(kwargs["show_id"])

    def _freed(self, show_id: str, freed: list[str]) -> list[str]:
        if freed:  # nothing freed: nothing changed, nothing to announce
            self.bumper.touched(show_id)
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
    Unprocessed keys (throttling) are asked for again."""
    wanted = list(dict.fromkeys(shows))
    versions = dict.fromkeys(wanted, 0)
    for start in range(0, len(wanted), BATCH_GET_LIMIT):
        keys: list[dict[str, Any]] = [version_key(s) for s in wanted[start:start + BATCH_GET_LIMIT]]
        for attempt in range(5):
            answer = client.batch_get_item(RequestItems={table: {
                "Keys": keys, "ProjectionExpression": "pk, v", "ConsistentRead": False}})
            for item in answer.get("Responses", {}).get(table, []):
                versions[item["pk"]["S"].removeprefix("FEED#")] = int(item.get("v", {"N": "0"})["N"])
            keys = answer.get("UnprocessedKeys", {}).get(table, {}).get("Keys", [])
            if not keys:
                break
            time.sleep(0.05 * 2 ** attempt)
    return versions


class ShowFeed:
    """Which of the given shows changed since this kiosk last looked (versions kept in memory:
    a restarted kiosk sees every show as changed once, which is the start-up pull)."""

    def __init__(self, context: CloudContext):
        self.context = context
        self.seen: dict[str, int] = {}

    def changed(self, shows: Sequence[str]) -> list[str]:
        """The shows whose version moved (or was never seen); raises CloudUnavailable."""
        if not shows:
            return []
        clients = self.context.clients()
        client = self.context.dynamodb()

        def read() -> dict[str, int]:
            try:
                return read_versions(client, clients.table, shows)
            except Exception as exc:  # noqa: BLE001 - translated for the status
                raise translate(exc) from exc

        versions = self.context.call(read)
        moved = [s for s, v in versions.items() if self.seen.get(s) != v]
        self.seen.update(versions)
        return moved

    def forget(self, shows: Collection[str]) -> None:
        """Look at these shows again next time (their pull failed)."""
        for show_id in shows:
            self.seen.pop(show_id, None)

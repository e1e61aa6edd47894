"""One kiosk's sync loop without Qt: drain the outbox, pull seat changes, keep allocations.

``kiosk sync --watch`` runs it in the foreground; ``kiosk.ui.sync_bridge.SyncBridge`` runs it in
a QThread and turns each ``tick`` into Qt signals. Drain and pull have their own cadence
(``sync_interval_s``, ``pull_interval_s``; shows not on screen are pulled every
``BACKGROUND_PULL_FACTOR`` pull intervals, since reads are what a busy kiosk pays for).
With the change feed on (``feed_interval_s`` > 0, ``kiosk.cloud.feed``), the version of the
show on screen is read every feed interval and the versions of all shows on sale, in one batch,
every ``FEED_WIDE_FACTOR`` feed intervals; only the shows that changed are pulled; the full pull then runs ``FEED_SAFETY_FACTOR`` times less often, as a safety net for a
missed version bump. ``nudge()`` asks for a drain at the next tick (e.g. right after a sale).
A show whose claim the cloud just refused is pulled at the next tick, on screen or not
(``kiosk.cloud.refusals``), and every ``verify_interval_s`` (and soon after an outage) the anti-entropy check makes sure synced
sales are still in the cloud (``kiosk.cloud.antientropy``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from kiosk.cloud import refusals
from kiosk.cloud.allocations import AllocationManager
from kiosk.cloud.antientropy import AntiEntropy, VerifyResult
from kiosk.cloud.catalogue_sync import CatalogueSync
from kiosk.cloud.context import CloudContext
from kiosk.cloud.errors import CloudError, CloudUnavailable
from kiosk.cloud.feed import FEED_SAFETY_FACTOR, FEED_WIDE_FACTOR, News, ShowFeed, merged
from kiosk.cloud.ledger_sync import LedgerSync
from kiosk.cloud.pull import Puller, shows_on_sale
from kiosk.cloud.status import CONNECTING
from kiosk.cloud.worker import Backoff, DrainResult, OutboxWorker
from kiosk.config import Config
from kiosk.domain.clock import Clock
from kiosk.domain.errors import KioskError

log = logging.getLogger(__name__)
ALLOCATION_CHECK_S = 60.0
BACKGROUND_PULL_FACTOR = 6  # shows not on screen are pulled every 6 pull intervals
REVERIFY_AFTER_OUTAGE_S = 60.0  # back online: the endpoint may have come back empty
# a tick that comes this much early still counts as on time (ticks are on a fixed rate, so
# one a millisecond early must not wait a whole further tick for its feed read)
DUE_SLACK_S = 0.05
# shows not on screen the feed says changed: at most this many pulled per tick, the rest in
# the next ticks, and only in a tick that did not pull the show on screen (unless they waited
# FEED_BACKLOG_WAIT_S), so the wide look every few seconds never delays the screen's own show
FEED_BACKGROUND_PER_TICK = 1
FEED_BACKLOG_WAIT_S = 2.0


def wait_after_tick(began: float, tick_s: float, now: float | None = None) -> float:
    """Seconds to wait so ticks start every ``tick_s`` (a fixed rate, not ``tick_s`` after
    each tick ends: a tick of 0.2 s would otherwise make the period 0.7 s and every change a
    little later). A slow tick is still followed by half a period's rest: on a loaded machine
    back-to-back ticks would take the cores the sales need (the whole test suite ran 1.4 times
    slower with a 10 ms breather)."""
    now = time.monotonic() if now is None else now
    return max(tick_s / 2, tick_s - (now - began))


class DecisionTicking(Protocol):
    """``kiosk.services.remote_decisions.DecisionApplier``, as the engine sees it."""

    def tick(self, mono: float | None = None) -> list[Any]: ...

    def close(self) -> None: ...


@dataclass
class TickReport:
    status: dict[str, Any]
    changed_shows: list[str] = field(default_factory=list)
    drain: DrainResult | None = None
    verify: VerifyResult | None = None  # when the anti-entropy check ran in this tick


class SyncEngine:
    """Owns a worker, a puller and an allocation manager over its own SQLite connections."""

    def __init__(self, config: Config, context: CloudContext | None = None, *,
                 clock: Clock | None = None, backoff: Backoff | None = None,
                 lease_s: float = 10.0, decisions: DecisionTicking | None = None):
        self.config = config
        # Managers' decisions sent to this device (kiosk.services.remote_decisions): handed in
        # by whoever starts the engine, since this package does not import the services.
        self.decisions = decisions
        self.context = context or CloudContext(config)
        self.clock = clock or Clock()
        self.worker = OutboxWorker(self.context, config.db_path, clock=self.clock,
                                   backoff=backoff, lease_s=lease_s)
        self.puller = Puller(self.context, config.db_path, clock=self.clock)
        self.allocations = AllocationManager(self.context, config.db_path, clock=self.clock)
        self.antientropy = AntiEntropy(self.context, config.db_path, clock=self.clock)
        self.catalogue = CatalogueSync(self.context, config.db_path, self.clock)
        self.ledger = LedgerSync(self.context, config.db_path, clock=self.clock)  # shared day
        self._focus: list[str] = []
        self._lock = threading.Lock()
        self._nudged = True
        self._next_drain = 0.0
        self._next_pull = 0.0
        self.feed = ShowFeed(self.context) if config.cloud.feed_interval_s > 0 else None
        self._next_feed = 0.0
        self._next_feed_all = 0.0
        # changed shows off screen -> (since when, mono; what moved)
        self._feed_backlog: dict[str, tuple[float, News]] = {}
        self._background_due: dict[str, float] = {}  # shows not on screen: pulled less often
        self._refusal_pulled: dict[str, float] = {}  # show -> last pull a refusal asked for
        self._next_alloc = 0.0
        self._verified_at = time.monotonic()
        self._next_verify = self._verified_at + (config.cloud.verify_interval_s or float("inf"))
        self._verify_asked = False
        self._was_online = self.context.status.online

    def close(self) -> None:
        self.worker.close()
        self.puller.close()
        self.allocations.close()
        self.antientropy.close()
        self.catalogue.close()
        self.ledger.close()
        if self.decisions is not None:
            self.decisions.close()

    def watch_show(self, show_id: str | None) -> None:
        """Pull this show first (the seat map on screen) and right away."""
        with self._lock:
            self._focus = [show_id] if show_id else []
            self._next_pull = 0.0
            self._next_feed = 0.0

    def nudge(self) -> None:
        with self._lock:
            self._nudged = True

    def verify_soon(self) -> None:
        """Run the anti-entropy check at the next tick while online (whatever its cadence)."""
        with self._lock:
            self._verify_asked = True

    def tick(self) -> TickReport:
        """Do whatever is due now; never raises for cloud trouble."""
        report = TickReport(status={})
        mono = time.monotonic()
        cloud = self.config.cloud
        with self._lock:
            drain_due = self._nudged or mono >= self._next_drain
            pull_due = mono >= self._next_pull
            focus = list(self._focus)
            self._nudged = False
        if drain_due:
            report.drain = self.worker.run_once()
            report.changed_shows.extend(sorted(report.drain.touched_shows))
            self._next_drain = mono + (0 if report.drain.pending and report.drain.done
                                       and not report.drain.offline else cloud.sync_interval_s)
        status = self.context.status
        pulled = self.catalogue.tick(mono)  # shows moved or cancelled: refresh their screens
        report.changed_shows.extend(sk[5:] for sk in (pulled.applied if pulled else ())
                                    if sk.startswith("SHOW#"))
        if status.worth_trying():
            report.changed_shows.extend(self._pull_refused(mono))
        feed_due = self.feed is not None and mono >= self._next_feed
        if (pull_due or feed_due or self._feed_backlog) and status.worth_trying():
            report.changed_shows.extend(self._pull(focus, mono, pull_due, feed_due))
        if status.state == CONNECTING or (status.worth_trying()
                                           and status.quiet_for() >= cloud.probe_interval_s):
            self._probe()  # "Online" only after a round trip, and kept honest when idle
        back_online = status.online and not self._was_online
        if status.online and (back_online or mono >= self._next_alloc):
            self._maintain_allocations(back_online)
            self._next_alloc = mono + ALLOCATION_CHECK_S
        if back_online and cloud.verify_interval_s > 0:
            self._next_verify = min(self._next_verify,
                                    self._verified_at + REVERIFY_AFTER_OUTAGE_S)
        if status.online and (self._verify_asked or mono >= self._next_verify):
            report.verify = self._verify(mono)
        if self.decisions is not None and status.online:
            try:
                if self.decisions.tick(mono):
                    self.nudge()  # an approved refund freed seats: send that now
            except (CloudUnavailable, CloudError, KioskError) as err:
                log.info("decisions not applied now: %s", err)
        self.ledger.tick()  # refunds, shifts, cash-ups to the day's ledger; the heartbeat
        self._was_online = status.online
        report.changed_shows = list(dict.fromkeys(report.changed_shows))
        report.status = self.status()
        return report

    def _probe(self) -> None:
        try:
            self.context.probe()
        except (CloudUnavailable, CloudError) as err:
            log.info("cloud probe failed: %s", err)

    def _pull(self, focus: list[str], mono: float, pull_due: bool, feed_due: bool) -> list[str]:
        """The feed's version read first (so a write after it is seen next time), then the full
        pull if due, then the shows the feed says changed that the full pull did not cover."""
        cloud = self.config.cloud
        factor = FEED_SAFETY_FACTOR if self.feed is not None else 1
        background_s = BACKGROUND_PULL_FACTOR * cloud.pull_interval_s * factor
        changed: list[str] = []
        moved: list[News] = []
        covered: set[str] = set()
        if feed_due:
            self._next_feed = mono + cloud.feed_interval_s - DUE_SLACK_S
        if pull_due:
            self._next_pull = mono + cloud.pull_interval_s * factor
        try:
            on_sale = shows_on_sale(self.puller.conn, self.clock.now())
            if feed_due and self.feed is not None:
                wide = mono >= self._next_feed_all  # every show on sale, not just the screen's
                if wide:
                    self._next_feed_all = (mono + cloud.feed_interval_s * FEED_WIDE_FACTOR
                                           - DUE_SLACK_S)
                moved = self.feed.news(list(dict.fromkeys([*focus, *on_sale] if wide
                                                          else focus)), mono)
            if pull_due:
                covered = {*focus, *(s for s in on_sale if self._background_due.get(s, 0.0) <= mono)}
                changed.extend(self.puller.pull_on_sale(focus, self._background_due, background_s,
                                                        mono))
        except (CloudUnavailable, CloudError, KioskError) as err:
            log.info("pull failed: %s", err)
            if self.feed is not None:
                self.feed.forget([n.show_id for n in moved])
            return changed
        for news in moved:
            if news.show_id not in focus:
                since, before = self._feed_backlog.get(news.show_id, (mono, news))
                self._feed_backlog[news.show_id] = (since, merged(before, news))
        for show_id in covered:
            self._feed_backlog.pop(show_id, None)
        now_shows = [n for n in moved if n.show_id in focus and n.show_id not in covered]
        waited = mono - min((since for since, _ in self._feed_backlog.values()), default=mono)
        later = list(self._feed_backlog)[:FEED_BACKGROUND_PER_TICK] if (
            not now_shows or waited >= FEED_BACKLOG_WAIT_S) else []
        todo = [*now_shows, *(self._feed_backlog.pop(s)[1] for s in later)]
        return changed + self._apply(todo)

    def _apply(self, todo: list[News]) -> list[str]:
        """Read what the feed says moved: the named seats, or the whole show."""
        changed = []
        for n, news in enumerate(todo):
            try:
                if (self.puller.pull_show(news.show_id) if news.seats is None
                        else self.puller.pull_seats(news.show_id, news.seats)):
                    changed.append(news.show_id)
            except (CloudUnavailable, CloudError, KioskError) as err:
                log.info("pull of changed show %s failed: %s", news.show_id, err)
                if self.feed is not None:
                    self.feed.forget([t.show_id for t in todo[n:]])
                break
        return changed

    def _pull_refused(self, mono: float) -> list[str]:
        """Pull the shows a refused claim asked for, each at most every ``pull_interval_s`` (as
        fresh as a show on screen, not fresher: a sprint of refusals is one read, not dozens);
        with the change feed, the seats that moved, at most every ``feed_interval_s``.
        A request not served yet, or whose pull failed, waits for a later tick."""
        asked = refusals.requested_pulls(self.puller.conn)
        changed, served = [], {}
        # with the feed, a refusal costs a version read and the few seats that moved, so it may
        # come as often as the feed's own reads; without it, a whole show each time
        every = (self.config.cloud.feed_interval_s if self.feed is not None
                 else self.config.cloud.pull_interval_s)
        for show_id, stamp in asked.items():
            if mono - self._refusal_pulled.get(show_id, -1e9) < every:
                continue
            self._refusal_pulled[show_id] = mono
            try:
                if self.feed is not None and show_id in self.feed.seen:
                    news = self.feed.news([show_id], mono)
                    changed.extend(self._apply(news))
                elif self.puller.pull_show(show_id):
                    changed.append(show_id)
            except (CloudUnavailable, CloudError, KioskError) as err:
                log.info("pull of %s after a refusal failed: %s", show_id, err)
                break
            served[show_id] = stamp
        refusals.served(self.puller.conn, served)
        return changed

    def _verify(self, mono: float) -> VerifyResult | None:
        """Anti-entropy on its own cadence; what it queues again is drained at the next tick."""
        with self._lock:
            self._verify_asked = False
        self._verified_at = mono
        self._next_verify = mono + (self.config.cloud.verify_interval_s or float("inf"))
        try:
            result = self.antientropy.run_once()
        except (CloudUnavailable, CloudError, KioskError) as err:
            log.info("anti-entropy check failed: %s", err)
            return None
        if result.resent:
            self.nudge()
        return result

    def _maintain_allocations(self, back_online: bool) -> None:
        """Back online (after the outbox is drained): hand back surplus, top up auto blocks."""
        target = self.config.cloud.auto_allocate
        have = self.worker.conn.execute("SELECT 1 FROM allocations LIMIT 1").fetchone()
        if not target and not have:
            return
        if self.worker.pending_count():  # offline sales first: they may use allocated seats
            return
        try:
            shows = shows_on_sale(self.worker.conn, self.clock.now())
            if back_online or target:
                self.allocations.maintain(shows, target)
        except (CloudUnavailable, CloudError, KioskError) as err:
            log.info("allocation upkeep failed: %s", err)

    def status(self) -> dict[str, Any]:
        snap = self.context.status.snapshot()
        conn = self.worker.conn
        state = dict(conn.execute("SELECT key, value FROM cloud_state").fetchall())
        conflicts = conn.execute(
            "SELECT COUNT(*) FROM cloud_conflicts WHERE resolved_at IS NULL").fetchone()[0]
        last_error = snap.last_error or (conn.execute(
            "SELECT last_error FROM outbox WHERE done_at IS NULL AND dead_at IS NULL "
            "AND last_error != '' ORDER BY id LIMIT 1").fetchone() or [""])[0]
        return {
            "online": snap.online,
            "state": snap.state,  # connecting | online | offline
            "clock": self.context.skew_problem(),
            "pending": self.worker.pending_count(),
            "dead_letters": self.worker.dead_count(),  # given up on: a manager must retry
            "conflicts": int(conflicts),
            "last_error": last_error,
            "last_sync_at": state.get("last_sync_at", ""),
            "last_pull_at": state.get("last_pull_at", ""),
            "kiosk_id": self.context.kiosk_id,
            "policy": self.context.policy,
            "catalogue": self.catalogue.status(),  # version, last pull, items kept at a good copy
        }

    def run(self, stop: threading.Event, on_tick: Callable[[TickReport], object] | None = None,
            tick_s: float = 0.5) -> None:
        while not stop.is_set():
            began = time.monotonic()
            report = self.tick()
            if on_tick:
                on_tick(report)
            stop.wait(wait_after_tick(began, tick_s))

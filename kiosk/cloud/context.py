"""What every cloud component of one kiosk shares: config, lazily built clients, the status,
and the measured offset of the kiosk's clock from the cloud's.

Building boto3 clients can fail (no credentials); that is an offline situation, not a crash, so
``clients()`` raises ``CloudUnavailable`` and the status turns offline with the reason. The next
call tries again, so setting credentials later brings the kiosk online without a restart.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from kiosk.cloud.claims import SeatClaims
from kiosk.cloud.clients import CloudClients, Timeouts
from kiosk.cloud.clockwatch import ClockWatch, ObservedClient
from kiosk.cloud.errors import CloudError, CloudUnavailable, translate
from kiosk.cloud.feed import BumpingClaims, VersionBumper
from kiosk.cloud.partitions import Layouts, sqlite_seat_counts
from kiosk.cloud.status import CloudStatus
from kiosk.config import Config
from kiosk.domain.clock import Clock
from kiosk.domain.errors import KioskError

log = logging.getLogger(__name__)
T = TypeVar("T")
POLICIES = ("allocated-only", "optimistic")
PROBE_KEY = {"pk": {"S": "PROBE"}, "sk": {"S": "PROBE"}}


class CloudContext:
    def __init__(self, config: Config, *, status: CloudStatus | None = None,
                 timeouts: Timeouts | None = None, clients: CloudClients | None = None,
                 clock: Clock | None = None):
        self.config = config
        self.kiosk_id = config.kiosk_id
        self.policy = config.cloud.offline_policy
        if self.policy not in POLICIES:  # a typo must never mean "sell anything offline"
            log.warning("[cloud] offline_policy %r is not one of %s; using allocated-only",
                        self.policy, ", ".join(POLICIES))
            self.policy = "allocated-only"
        self.status = status or CloudStatus()
        self.clock_watch = ClockWatch(clock, config.cloud.max_clock_offset_s)
        self._clock_given = clock is not None
        self._timeouts = timeouts
        self._clients = clients
        self._lock = threading.Lock()
        self.published_cinemas: set[str] = set()  # see kiosk.cloud.claims (the check rule)
        # a show's partition keys follow its hall's size in the local catalogue (partitions)
        self.layouts = Layouts(sqlite_seat_counts(str(config.db_path)))
        self._bumper: VersionBumper | None = None  # the change feed's (kiosk.cloud.feed)

    def adopt_clock(self, clock: Clock | None) -> None:
        """Measure skew against the kiosk's own (injected) clock, unless one was given already."""
        if clock is not None and not self._clock_given:
            self.clock_watch.clock = clock
            self._clock_given = True

    def clients(self) -> CloudClients:
        with self._lock:
            if self._clients is None:
                try:
                    self._clients = CloudClients(self.config.cloud, self._timeouts)
                except CloudUnavailable as err:
                    self.status.mark_offline(str(err))
                    raise
            return self._clients

    def dynamodb(self) -> ObservedClient:
        """The DynamoDB client, every answer of which updates the clock offset."""
        return ObservedClient(self.clients().dynamodb, self.clock_watch)

    def claims(self, kiosk_id: str | None = None) -> SeatClaims:
        """Seat claims for this process; with the change feed on, each successful seat write
        also moves its show's version item (kiosk.cloud.feed)."""
        if self.config.cloud.feed_interval_s <= 0:
            return SeatClaims(self.dynamodb(), self.clients().table, kiosk_id or self.kiosk_id,
                              self.published_cinemas, self.layouts)
        return BumpingClaims(self.dynamodb(), self.clients().table, kiosk_id or self.kiosk_id,
                             self.published_cinemas, self.bumper(), self.layouts)

    def bumper(self) -> VersionBumper:
        """The one version bumper of this context (its thread serves every claim)."""
        if self._bumper is None:
            client, table = self.dynamodb(), self.clients().table  # outside the lock: they take it
            with self._lock:
                if self._bumper is None:
                    self._bumper = VersionBumper(client, table)
        assert self._bumper is not None
        return self._bumper

    def cloud_time(self, moment: datetime) -> datetime:
        """``moment`` of the kiosk's clock on the cloud's clock (what conditions compare)."""
        return self.clock_watch.to_cloud(moment)

    def skew_problem(self) -> str:
        """Why cloud claims are paused because of clock skew, or ""."""
        return self.clock_watch.skew_problem()

    def probe(self) -> None:
        """One cheap strongly consistent read: proves a round trip and measures the clock."""
        clients = self.clients()
        client = self.dynamodb()

        def read() -> None:
            try:
                client.get_item(TableName=clients.table, Key=PROBE_KEY, ConsistentRead=True)
            except Exception as exc:  # noqa: BLE001 - translated for the status
                raise translate(exc) from exc

        self.call(read)

    def call(self, fn: Callable[[], T]) -> T:
        """Run one cloud operation and record its outcome in the shared status."""
        try:
            result = fn()
        except CloudUnavailable as err:
            self.status.mark_offline(str(err))
            raise
        except CloudError as err:
            self.status.mark_ok()
            self.status.note_error(str(err))
            raise
        except KioskError:  # the cloud answered (e.g. seats taken): it is reachable
            self.status.mark_ok()
            raise
        self.status.mark_ok()
        return result

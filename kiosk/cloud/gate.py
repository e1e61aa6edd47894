"""The real seat gate: real-time seat locking in DynamoDB online, allocations offline.

``BookingService`` calls ``claim_hold`` before it commits a local hold and ``release_hold`` when a
hold ends; ``CatalogueService`` asks ``offline_sellable`` to grey out seats. Online, a hold is
claimed in DynamoDB at once (so other kiosks and the web see it) and seats lost to someone else
raise ``SeatsUnavailable`` naming them. Offline (unreachable endpoint, timeouts, no credentials)
the sale goes on locally, restricted by the offline policy:

* ``allocated-only`` (default): only seats DynamoDB set aside for this kiosk while it was online.
  Those can never be sold by anyone else, so an offline sale never becomes a conflict (I3).
* ``optimistic``: any seat; a sale that loses the race becomes a conflict for the manager.

The cloud copy of a hold lives ``CLOUD_HOLD_GRACE`` longer than the local one, so a sale paid
just before the link dropped still owns its seats while the outbox waits to push it. A hold
claimed online but confirmed after the kiosk knows it is offline is a sale made offline: under
``allocated-only`` ``check_confirm`` refuses its unallocated seats, because the cloud copy of the
hold would lapse during a long outage and the sale could then lose the race (I3).
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import timedelta

from kiosk.cloud.context import CloudContext
from kiosk.cloud.errors import CloudError, CloudUnavailable
from kiosk.cloud.table import MAX_SEATS_PER_CLAIM
from kiosk.config import Config
from kiosk.domain.clock import Clock
from kiosk.domain.errors import InvalidInput, SeatsUnavailable
from kiosk.services.models import Hold
from kiosk.store.db import connect

log = logging.getLogger(__name__)
CLOUD_HOLD_GRACE = timedelta(minutes=5)


class CloudGate:
    """``SeatGate`` backed by DynamoDB.

    ``CloudGate(config, context=None, clock=None)``: ``config`` is the kiosk's Config (kiosk_id,
    db_path and the ``[cloud]`` section); pass the same ``CloudContext`` to the ``SyncBridge`` so
    gate, worker and pull share one online/offline status and one set of boto3 clients. Never
    raises for missing credentials: the kiosk starts offline and says why in ``status``.
    """

    def __init__(self, config: Config, context: CloudContext | None = None,
                 clock: Clock | None = None):
        self.config = config
        self.context = context or CloudContext(config)
        self.clock = clock or Clock()
        self._conn: sqlite3.Connection = connect(config.db_path)
        try:  # credentials are checked now, so the status is right before the first sale
            self.context.clients()
        except CloudUnavailable:
            pass

    @property
    def status(self):
        return self.context.status

    @property
    def online(self) -> bool:
        return self.context.status.online

    def close(self) -> None:
        self._conn.close()

    def allocated(self, show_id: str) -> frozenset[str]:
        """Seats this kiosk holds as an offline allocation for the show (local record)."""
        rows = self._conn.execute(
            "SELECT seat_code FROM allocations WHERE show_id = ? AND kiosk_id = ?",
            (show_id, self.context.kiosk_id)).fetchall()
        return frozenset(r[0] for r in rows)

    # -- SeatGate ---------------------------------------------------------------------------
    def claim_hold(self, hold: Hold) -> None:
        if len(set(hold.seats)) > MAX_SEATS_PER_CLAIM:
            raise InvalidInput(f"At most {MAX_SEATS_PER_CLAIM} seats can be held at once.")
        allocated = self.allocated(hold.show_id)
        if self.context.status.worth_trying():
            try:
                self.context.call(lambda: self.context.claims().claim_hold(
                    show_id=hold.show_id, seats=hold.seats, hold_id=hold.hold_id,
                    expires_at=hold.expires_at + CLOUD_HOLD_GRACE, now=self.clock.now(),
                    allocated=allocated))
                return
            except SeatsUnavailable:
                raise
            except (CloudUnavailable, CloudError) as err:
                log.info("hold %s: cloud unavailable, selling offline: %s", hold.hold_id, err)
                try:
                    self._offline_check(hold, allocated)
                except SeatsUnavailable:
                    # the claim may have landed before the answer was lost: undo it if we can
                    self._release_quietly(hold, allocated)
                    raise
                return
        self._offline_check(hold, allocated)

    def _offline_check(self, hold: Hold, allocated: frozenset[str]) -> None:
        if self.context.policy == "optimistic":
            return
        outside = [s for s in hold.seats if s not in allocated]
        if outside:
            raise SeatsUnavailable(
                outside,
                "The kiosk is offline, so only seats set aside for this kiosk can be sold "
                f"until the connection returns. Not available now: {', '.join(outside)}.",
            )

    def release_hold(self, hold: Hold) -> None:
        if not self.context.status.worth_trying():
            return  # the cloud copy expires by itself
        self._release_quietly(hold, self.allocated(hold.show_id))

    def _release_quietly(self, hold: Hold, allocated: frozenset[str]) -> None:
        try:
            self.context.call(lambda: self.context.claims().release_hold(
                show_id=hold.show_id, seats=hold.seats, hold_id=hold.hold_id,
                allocated=allocated))
        except Exception as err:  # noqa: BLE001 - must never raise; the hold expires anyway
            log.info("release of hold %s left to expiry: %s", hold.hold_id, err)

    def check_confirm(self, hold: Hold) -> None:
        """Offline under ``allocated-only``: only allocated seats may be sold (no network here)."""
        if self.context.status.online:
            return
        self._offline_check(hold, self.allocated(hold.show_id))

    def offline_sellable(self, show_id: str) -> frozenset[str] | None:
        if self.context.status.online or self.context.policy == "optimistic":
            return None
        return self.allocated(show_id)

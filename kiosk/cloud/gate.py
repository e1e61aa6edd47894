"""The real seat gate: real-time seat locking in DynamoDB online, allocations offline.

``BookingService`` calls ``claim_hold`` before it commits a local hold, ``claim_sale`` before it
commits a sale and ``release_hold`` when a hold ends; ``CatalogueService`` asks
``offline_sellable`` to grey out seats. Online, a hold is claimed in DynamoDB at once (so other
kiosks and the web see it) and seats lost to someone else raise ``SeatsUnavailable`` naming them.

A sale is made durable in the cloud BEFORE its local commit and so before its ticket prints
(issue 9, hole 1): the confirm's conditional transaction runs in ``claim_sale``, so whatever the
network does afterwards, the cloud already says the seats are this booking's. Should the local
commit never happen (a crash, a refusal, an answer lost on the way back), an intent row written
just before the cloud call undoes the cloud sale once the hold is over (``kiosk.cloud.voids``).

When the cloud cannot be reached (unreachable endpoint, timeouts, no credentials) or the kiosk's
clock is too far from the cloud's (hole 3), the kiosk sells under its offline policy:

* ``allocated-only`` (default): only seats DynamoDB set aside for this kiosk while it was online.
  Those can never be sold by anyone else, so an offline sale never becomes a conflict (I3).
* ``optimistic``: any seat; a sale that loses the race becomes a conflict for the manager.

Every online claim names its ``Seller`` (the show's cinema and the signed-in staff number), so
the cloud refuses a cancelled show or a deactivated staff member inside the claim itself
(``kiosk.cloud.claims``); that refusal reaches the person as ``ShowCancelled`` /
``StaffInactive`` and leaves the local database as it was.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from kiosk.cloud.claims import Seller
from kiosk.cloud.context import CloudContext
from kiosk.cloud.errors import CloudError, CloudUnavailable
from kiosk.cloud.pull import Puller
from kiosk.cloud.sellers import cinema_of
from kiosk.cloud.status import OFFLINE, CloudStatus
from kiosk.cloud.table import MAX_SEATS_PER_CLAIM
from kiosk.config import Config
from kiosk.domain.clock import Clock, to_iso
from kiosk.domain.errors import (
    InvalidInput,
    KioskError,
    NotSellableOffline,
    SeatsUnavailable,
    ShowCancelled,
    StaffInactive,
)
from kiosk.services import outbox
from kiosk.services.gate import SaleClaim
from kiosk.services.models import Hold
from kiosk.store.db import connect, inserted_id, transaction

log = logging.getLogger(__name__)
CLOUD_HOLD_GRACE = timedelta(minutes=5)
# An unsettled sale intent is looked at this long after its hold's expiry: by then no confirm
# of that hold can still be on its way (a confirm refuses an expired hold).
VOID_AFTER = timedelta(minutes=2)
VOID_KIND = "void_sale"


class CloudGate:
    """``SeatGate`` backed by DynamoDB.

    ``CloudGate(config, context=None, clock=None)``: ``config`` is the kiosk's Config (kiosk_id,
    db_path and the ``[cloud]`` section); pass the same ``CloudContext`` to the ``SyncBridge`` so
    gate, worker and pull share one status, one clock offset and one set of boto3 clients. Never
    raises for missing credentials: the kiosk starts offline and says why in ``status``.
    """

    def __init__(self, config: Config, context: CloudContext | None = None,
                 clock: Clock | None = None):
        self.config = config
        self.context = context or CloudContext(config, clock=clock)
        self.clock = clock or Clock()
        self.context.adopt_clock(self.clock)
        self._conn: sqlite3.Connection = connect(config.db_path)
        self._puller: Puller | None = None  # opened by the first refresh_seats
        try:  # credentials are checked now, so the status is right before the first sale
            self.context.clients()
        except CloudUnavailable:
            pass

    @property
    def status(self) -> CloudStatus:
        return self.context.status

    @property
    def online(self) -> bool:
        return self.context.status.online

    def close(self) -> None:
        if self._puller is not None:
            self._puller.close()
        self._conn.close()

    def allocated(self, show_id: str) -> frozenset[str]:
        """Seats this kiosk holds as an offline allocation for the show (local record)."""
        rows = self._conn.execute(
            "SELECT seat_code FROM allocations WHERE show_id = ? AND kiosk_id = ?",
            (show_id, self.context.kiosk_id)).fetchall()
        return frozenset(r[0] for r in rows)

    def seller(self, show_id: str, staff_number: str | None) -> Seller:
        """The claim's seller: the show's cinema (local show -> hall -> cinema, else the
        configured ``cinema_id``) and the staff number ("" for self-service). A device that has
        pulled the cinema's catalogue knows it is published: its claims start strict."""
        from kiosk.cloud.catalogue_sync import seen_version

        cinema = cinema_of(self._conn, show_id) or self.config.cinema_id
        published = bool(cinema) and seen_version(self._conn, cinema) > 0
        return Seller(cinema, str(staff_number or ""), published)

    def _cloud_usable(self) -> str | None:
        """None when a cloud claim may be tried now, else why not (said to the cashier)."""
        if not self.context.status.worth_trying():
            return ""
        if self.context.clock_watch.offset_s is None:  # compare clocks before the first claim
            try:
                self.context.probe()
            except (CloudUnavailable, CloudError) as err:
                log.info("cloud probe failed: %s", err)
                return ""
        return self.context.skew_problem() or None

    # -- SeatGate ---------------------------------------------------------------------------
    def claim_hold(self, hold: Hold) -> None:
        if len(set(hold.seats)) > MAX_SEATS_PER_CLAIM:
            raise InvalidInput(f"At most {MAX_SEATS_PER_CLAIM} seats can be held at once.")
        allocated = self.allocated(hold.show_id)
        why_not = self._cloud_usable()
        if why_not is None:
            try:
                self.context.call(lambda: self.context.claims().claim_hold(
                    show_id=hold.show_id, seats=hold.seats, hold_id=hold.hold_id,
                    expires_at=self.context.cloud_time(hold.expires_at + CLOUD_HOLD_GRACE),
                    now=self.context.cloud_time(self.clock.now()), allocated=allocated,
                    seller=self.seller(hold.show_id, hold.staff_number)))
                return
            except (SeatsUnavailable, ShowCancelled, StaffInactive):
                raise
            except (CloudUnavailable, CloudError) as err:
                log.info("hold %s: cloud unavailable, selling offline: %s", hold.hold_id, err)
                try:
                    self._offline_check(hold.seats, allocated)
                except SeatsUnavailable:
                    # the claim may have landed before the answer was lost: undo it if we can
                    self._release_quietly(hold, allocated)
                    raise
                return
        self._offline_check(hold.seats, allocated, why_not)

    def claim_sale(self, hold: Hold, booking_id: str, record: dict[str, Any]) -> SaleClaim:
        """Sell the held seats in DynamoDB first; offline, only what the policy allows."""
        allocated = self.allocated(hold.show_id)
        why_not = self._cloud_usable()
        if why_not is not None:
            self._offline_check(hold.seats, allocated, why_not, sale=True)
            return SaleClaim()
        intent = self._write_intent(hold, booking_id)
        now = self.clock.now()
        try:
            self.context.call(lambda: self.context.claims().confirm(
                show_id=hold.show_id, seats=hold.seats, booking_id=booking_id,
                hold_id=hold.hold_id, now=self.context.cloud_time(now),
                record={**record, "synced_at": to_iso(now)},
                seller=self.seller(hold.show_id, record.get("staff_number") or hold.staff_number)))
        except (SeatsUnavailable, ShowCancelled, StaffInactive):
            self._settle(intent)
            raise
        except (CloudUnavailable, CloudError) as err:
            # The request may have been applied with its answer lost: the intent stays, and
            # undoes the cloud sale later unless this sale commits locally after all.
            log.info("sale %s: cloud unavailable at confirm: %s", booking_id, err)
            self._offline_check(hold.seats, allocated, str(err) if isinstance(err, CloudError)
                                else "", sale=True)
            return SaleClaim(in_cloud=False, intent_id=intent)
        return SaleClaim(in_cloud=True, intent_id=intent)

    def _write_intent(self, hold: Hold, booking_id: str) -> int:
        stamp = to_iso(self.clock.now())
        due = to_iso(hold.expires_at + VOID_AFTER)
        with transaction(self._conn):
            cur = self._conn.execute(
                "INSERT INTO outbox (booking_id, kind, payload, created_at, next_attempt_at) "
                "VALUES (NULL, ?, ?, ?, ?)",
                (VOID_KIND, json.dumps({"booking_id": booking_id, "show_id": hold.show_id,
                                        "seats": list(hold.seats), "hold_id": hold.hold_id},
                                       sort_keys=True), stamp, due))
        return inserted_id(cur)

    def _settle(self, intent: int) -> None:
        """The cloud refused the whole transaction: there is nothing to undo."""
        outbox.mark_done(self._conn, intent, self.clock.now())

    def _offline_check(self, seats: tuple[str, ...] | list[str], allocated: frozenset[str],
                       why_not: str = "", sale: bool = False) -> None:
        if self.context.policy == "optimistic" and not why_not:
            return
        outside = [s for s in seats if s not in allocated]
        if outside:
            reason = why_not or ("The kiosk is offline (it cannot reach the cloud), so only "
                                 "seats set aside for this kiosk can be sold until the "
                                 "connection returns.")
            tail = " The sale was not made and nothing was charged." if sale else ""
            raise NotSellableOffline(outside, f"{reason} Not available now: "
                                            f"{', '.join(outside)}.{tail}")

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

    def refresh_seats(self, show_id: str, seats: Sequence[str]) -> bool:
        """One strongly consistent read of these seats (a BatchGetItem) into ``remote_seats``,
        as the change feed's delta pull does; False offline or when the read fails."""
        if not seats or self._cloud_usable() is not None:
            return False
        if self._puller is None:
            self._puller = Puller(self.context, self.config.db_path, clock=self.clock)
        try:
            self._puller.pull_seats(show_id, seats)
        except (CloudUnavailable, CloudError, KioskError, sqlite3.Error) as err:
            # a hint for the next pick, never a reason for the search to fail
            log.info("reading seats of %s after refusals failed: %s", show_id, err)
            return False
        return True

    def offline_sellable(self, show_id: str) -> frozenset[str] | None:
        """For display only (every claim is checked on its own): while connecting, nothing is
        greyed out; offline or with a skewed clock, only this kiosk's allocation is sellable."""
        if self.context.skew_problem():
            return self.allocated(show_id)
        if self.context.status.state != OFFLINE or self.context.policy == "optimistic":
            return None
        return self.allocated(show_id)


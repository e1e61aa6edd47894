"""Sign-in lockouts shared by every device of a cinema (issue 10 point 2).

One item per staff number: ``pk=STAFFLOCK#<cinema>``, ``sk=<staff_number>``, with ``failures``
(wrong PINs since the last good one or the last lock) and ``locked_until`` (epoch seconds on the
cloud's clock). Any device writes it:

* a wrong PIN is one atomic ``ADD failures :one`` (two counters failing at once both count);
  the write that reaches ``lockout_attempts`` sets ``locked_until`` and starts the count afresh,
  conditional on the count still being at the limit, so two devices crossing it together set
  one lock, not two;
* sign-in on any device reads the item first (one strongly consistent GetItem) and is refused
  while it is locked;
* a good PIN deletes the item.

Unknown staff numbers are not counted per number: nothing derived from what was typed (often
a PIN in the wrong box, issue 11) may be kept, and a hash of a 4-8 digit string can be turned
back by trying them all. ``AuthService`` counts them per device instead, as one item per kiosk,
``sk=UNKNOWN#<kiosk id>`` (``kiosk.services.auth.unknown_number_key``); ``_key`` maps anything
that is not a staff number to that item, so a typed value can never become a key.

Times are compared on the cloud's clock (the context's measured offset, once the claims have
measured it), so a device whose clock is off locks for the right span. These reads do not
measure the clock themselves (the plain client, not the observed one): a sign-in must not
change what the seat gate says about skew before its own first probe.

Offline (or before the first answer) the device falls back to its own local counter, today's
behaviour: ``AuthService`` calls these only through ``try_*`` wrappers that turn an outage into
``None`` and never block a sign-in on the network.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from kiosk.cloud.claims import av, epoch, plain
from kiosk.cloud.context import CloudContext
from kiosk.cloud.errors import CloudError, CloudUnavailable, error_code, translate
from kiosk.config import Config
from kiosk.domain.errors import KioskError
from kiosk.services.auth import unknown_number_key
from kiosk.services.gate import SeatGate

log = logging.getLogger(__name__)
T = TypeVar("T")


def lock_key(cinema_id: str, staff_number: str) -> dict[str, dict[str, str]]:
    return {"pk": {"S": f"STAFFLOCK#{cinema_id}"}, "sk": {"S": staff_number}}


def unknown_number_sk(kiosk_id: str) -> str:
    """The sort key counting one device's sign-ins with numbers no staff member has."""
    return unknown_number_key(kiosk_id)


class CloudLockouts:
    """The cinema's shared failed-sign-in counts, through one device's ``CloudContext``."""

    def __init__(self, context: CloudContext, cinema_id: str = "",
                 find_cinema: Callable[[], str] | None = None,
                 is_staff: Callable[[str], bool] | None = None):
        self.context = context
        self._cinema_id = cinema_id
        self._find_cinema = find_cinema
        self._is_staff = is_staff  # None: every number is a staff number (keyed as typed)

    def _key(self, staff_number: str) -> dict[str, dict[str, str]]:
        """A staff member's number as it is; anything else is this device's unknown-number
        counter, whatever it was (never the value given)."""
        if self._is_staff is None or self._is_staff(staff_number):
            return lock_key(self.cinema_id, staff_number)
        return lock_key(self.cinema_id, unknown_number_sk(self.context.kiosk_id))

    @property
    def cinema_id(self) -> str:
        """The cinema, found on first use when not given (a database filled after opening)."""
        if not self._cinema_id and self._find_cinema is not None:
            self._cinema_id = self._find_cinema()
        return self._cinema_id

    # -- raw operations (raise CloudUnavailable / CloudError) -----------------------------------
    def _cloud(self, fn: Callable[[], T]) -> T:
        def run() -> T:
            try:
                return fn()
            except KioskError:
                raise
            except Exception as exc:  # noqa: BLE001 - translated for the status
                raise translate(exc) from exc

        return self.context.call(run)

    def _from_cloud(self, seconds: int | None, now: datetime) -> datetime | None:
        """A cloud epoch as a moment of this device's clock."""
        if seconds is None:
            return None
        offset = self.context.cloud_time(now) - now
        return datetime.fromtimestamp(int(seconds), UTC) - offset

    def locked_until(self, staff_number: str, now: datetime) -> datetime | None:
        """When the shared lock ends (on this device's clock), or None when not locked now."""
        clients = self.context.clients()
        item = self._cloud(lambda: clients.dynamodb.get_item(
            TableName=clients.table, Key=self._key(staff_number),
            ConsistentRead=True).get("Item"))
        until = plain(item).get("locked_until") if item else None
        moment = self._from_cloud(until, now)
        return moment if moment is not None and moment > now else None

    def record_failure(self, staff_number: str, now: datetime, attempts: int,
                       lock_minutes: float) -> tuple[int, datetime | None]:
        """Count one wrong PIN: (the cinema's count, the end of the lock it set or None)."""
        clients = self.context.clients()
        client = clients.dynamodb
        cloud_now = self.context.cloud_time(now)
        key = self._key(staff_number)
        item = self._cloud(lambda: client.update_item(
            TableName=clients.table, Key=key,
            UpdateExpression="ADD failures :one SET updated_at = :now",
            ExpressionAttributeValues={":one": av(1), ":now": av(epoch(cloud_now))},
            ReturnValues="ALL_NEW")["Attributes"])
        failures = int(plain(item).get("failures", 0))
        if failures < attempts:
            return failures, None
        until = cloud_now + timedelta(minutes=lock_minutes)

        def lock() -> bool:
            try:
                client.update_item(
                    TableName=clients.table, Key=key,
                    UpdateExpression="SET locked_until = :until, failures = :zero",
                    ConditionExpression="failures >= :limit",
                    ExpressionAttributeValues={":until": av(epoch(until)), ":zero": av(0),
                                               ":limit": av(attempts)})
                return True
            except Exception as exc:  # noqa: BLE001
                if error_code(exc) == "ConditionalCheckFailedException":
                    return False  # another device set the lock a moment ago
                raise

        self._cloud(lock)
        return failures, (self.locked_until(staff_number, now)
                          or now + timedelta(minutes=lock_minutes))

    def reset(self, staff_number: str) -> None:
        clients = self.context.clients()
        self._cloud(lambda: clients.dynamodb.delete_item(
            TableName=clients.table, Key=self._key(staff_number)))

    # -- what sign-in uses: an outage is None (the local counter decides) -----------------------
    def _quietly(self, fn: Callable[[], T], what: str) -> tuple[bool, T | None]:
        if not self.cinema_id or not self.context.status.worth_trying():
            return False, None
        try:
            return True, fn()
        except (CloudUnavailable, CloudError) as err:
            log.info("shared lockout %s: cloud unavailable, local counter only: %s", what, err)
            return False, None

    def try_locked_until(self, staff_number: str, now: datetime) -> tuple[bool, datetime | None]:
        """(reached the cloud, lock end or None)."""
        return self._quietly(lambda: self.locked_until(staff_number, now), "read")

    def try_record_failure(self, staff_number: str, now: datetime, attempts: int,
                           lock_minutes: float) -> tuple[bool, tuple[int, datetime | None] | None]:
        """(reached the cloud, (the cinema's count, lock end or None))."""
        return self._quietly(lambda: self.record_failure(staff_number, now, attempts,
                                                         lock_minutes), "count")

    def try_reset(self, staff_number: str) -> bool:
        return self._quietly(lambda: self.reset(staff_number), "reset")[0]


def for_device(config: Config, gate: SeatGate, conn: sqlite3.Connection) -> CloudLockouts | None:
    """The shared lockouts for ``open_services``: with cloud sync on, for the device's cinema
    (``cinema_id`` in the config, else the one cinema of its database, looked up on first use)."""
    if not config.cloud.enabled or gate.context is None:
        return None
    context = gate.context

    def only_cinema() -> str:
        rows = conn.execute("SELECT id FROM cinemas LIMIT 2").fetchall()
        return str(rows[0][0]) if len(rows) == 1 else ""

    def is_staff(number: str) -> bool:
        return conn.execute("SELECT 1 FROM staff WHERE staff_number = ?",
                            (number,)).fetchone() is not None

    return CloudLockouts(context, config.cinema_id, only_cinema, is_staff)

"""What every cloud component of one kiosk shares: config, lazily built clients, the status.

Building boto3 clients can fail (no credentials); that is an offline situation, not a crash, so
``clients()`` raises ``CloudUnavailable`` and the status turns offline with the reason. The next
call tries again, so setting credentials later brings the kiosk online without a restart.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

from kiosk.cloud.claims import SeatClaims
from kiosk.cloud.clients import CloudClients, Timeouts
from kiosk.cloud.errors import CloudError, CloudUnavailable
from kiosk.cloud.status import CloudStatus
from kiosk.config import Config
from kiosk.domain.errors import KioskError

log = logging.getLogger(__name__)
T = TypeVar("T")
POLICIES = ("allocated-only", "optimistic")


class CloudContext:
    def __init__(self, config: Config, *, status: CloudStatus | None = None,
                 timeouts: Timeouts | None = None, clients: CloudClients | None = None):
        self.config = config
        self.kiosk_id = config.kiosk_id
        self.policy = config.cloud.offline_policy
        if self.policy not in POLICIES:  # a typo must never mean "sell anything offline"
            log.warning("[cloud] offline_policy %r is not one of %s; using allocated-only",
                        self.policy, ", ".join(POLICIES))
            self.policy = "allocated-only"
        self.status = status or CloudStatus()
        self._timeouts = timeouts
        self._clients = clients
        self._lock = threading.Lock()

    def clients(self) -> CloudClients:
        with self._lock:
            if self._clients is None:
                try:
                    self._clients = CloudClients(self.config.cloud, self._timeouts)
                except CloudUnavailable as err:
                    self.status.mark_offline(str(err))
                    raise
            return self._clients

    def claims(self, kiosk_id: str | None = None) -> SeatClaims:
        clients = self.clients()
        return SeatClaims(clients.dynamodb, clients.table, kiosk_id or self.kiosk_id)

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

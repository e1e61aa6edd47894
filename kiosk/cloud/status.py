"""One shared answer to "is the cloud reachable?" for the gate, the worker and the puller.

Whoever talks to the cloud reports the outcome here. While offline, the gate does not wait on
the network for every hold: it probes at most every ``probe_interval_s``; the worker's regular
drain is the other probe, and the first success turns the kiosk online again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class StatusSnapshot:
    online: bool
    last_error: str
    last_ok_at: float | None  # time.time() of the last successful cloud call
    last_failure_at: float | None


class CloudStatus:
    def __init__(self, online: bool = True, last_error: str = "", probe_interval_s: float = 10.0,
                 monotonic: Callable[[], float] = time.monotonic):
        self._lock = threading.Lock()
        self._online = online
        self._last_error = last_error
        self._last_ok_at: float | None = None
        self._last_failure_at: float | None = None
        self._last_failure_mono: float | None = None if online else monotonic()
        self._monotonic = monotonic
        self.probe_interval_s = probe_interval_s

    @property
    def online(self) -> bool:
        with self._lock:
            return self._online

    def mark_ok(self) -> None:
        with self._lock:
            self._online = True
            self._last_error = ""
            self._last_ok_at = time.time()

    def mark_offline(self, reason: str) -> None:
        with self._lock:
            self._online = False
            self._last_error = reason
            self._last_failure_at = time.time()
            self._last_failure_mono = self._monotonic()

    def note_error(self, reason: str) -> None:
        """An error that is not an outage (e.g. a malformed row): shown, but still online."""
        with self._lock:
            self._last_error = reason

    def worth_trying(self) -> bool:
        """Online, or offline long enough that one more attempt is a reasonable probe."""
        with self._lock:
            if self._online or self._last_failure_mono is None:
                return True
            return self._monotonic() - self._last_failure_mono >= self.probe_interval_s

    def snapshot(self) -> StatusSnapshot:
        with self._lock:
            return StatusSnapshot(self._online, self._last_error, self._last_ok_at,
                                  self._last_failure_at)

"""One shared answer to "is the cloud reachable?" for the gate, the worker and the puller.

It starts as "connecting": nothing is believed until the cloud has answered (issue 9, hole 6:
a status that starts "Online" lies whenever the endpoint is down and nothing needs sending).
Whoever talks to the cloud reports the outcome here; the sync engine probes cheaply when nothing
else has. While offline, the gate does not wait on the network for every hold: it probes at most
every ``probe_interval_s``; the worker's regular drain is the other probe, and the first success
turns the kiosk online again. Safety never rests on this belief: claims are conditional writes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

CONNECTING = "connecting"
ONLINE = "online"
OFFLINE = "offline"


@dataclass(frozen=True)
class StatusSnapshot:
    online: bool
    last_error: str
    last_ok_at: float | None  # time.time() of the last successful cloud call
    last_failure_at: float | None
    state: str = CONNECTING  # connecting | online | offline


class CloudStatus:
    def __init__(self, last_error: str = "", probe_interval_s: float = 10.0,
                 monotonic: Callable[[], float] = time.monotonic):
        self._lock = threading.Lock()
        self._state = CONNECTING
        self._last_error = last_error
        self._last_ok_at: float | None = None
        self._last_ok_mono: float | None = None
        self._last_failure_at: float | None = None
        self._last_failure_mono: float | None = None
        self._monotonic = monotonic
        self.probe_interval_s = probe_interval_s

    @property
    def online(self) -> bool:
        """True only after a successful round trip (and until the next failure)."""
        with self._lock:
            return self._state == ONLINE

    @property
    def state(self) -> str:
        with self._lock:
            return self._state

    def mark_ok(self) -> None:
        with self._lock:
            self._state = ONLINE
            self._last_error = ""
            self._last_ok_at = time.time()
            self._last_ok_mono = self._monotonic()

    def mark_offline(self, reason: str) -> None:
        with self._lock:
            self._state = OFFLINE
            self._last_error = reason
            self._last_failure_at = time.time()
            self._last_failure_mono = self._monotonic()

    def note_error(self, reason: str) -> None:
        """An error that is not an outage (e.g. a malformed row): shown, but still online."""
        with self._lock:
            self._last_error = reason

    def worth_trying(self) -> bool:
        """Online or still connecting, or offline long enough that one more try is a probe."""
        with self._lock:
            if self._state != OFFLINE or self._last_failure_mono is None:
                return True
            return self._monotonic() - self._last_failure_mono >= self.probe_interval_s

    def quiet_for(self) -> float:
        """Seconds since the cloud last answered or failed (inf if never): when to probe."""
        with self._lock:
            marks = [m for m in (self._last_ok_mono, self._last_failure_mono) if m is not None]
            return self._monotonic() - max(marks) if marks else float("inf")

    def snapshot(self) -> StatusSnapshot:
        with self._lock:
            return StatusSnapshot(self._state == ONLINE, self._last_error, self._last_ok_at,
                                  self._last_failure_at, self._state)

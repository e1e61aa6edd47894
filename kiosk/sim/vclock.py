"""Virtual time: the cloud's true clock, moved only by the schedule, and each kiosk's skewed view.

No wall clock is read anywhere in a run, so a seed replays exactly and an hour of outage costs
nothing. ``monotonic`` feeds ``CloudStatus`` (its probe interval) the same virtual seconds.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from kiosk.domain.clock import Clock

# "Today" for the issue: the world starts on the morning of 2026-12-04 (UTC).
START = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


class VirtualTime:
    """The one true time of the simulated world (the cloud's clock)."""

    def __init__(self, start: datetime = START):
        self.start = start
        self.now = start

    def advance(self, seconds: float) -> None:
        if seconds > 0:
            self.now += timedelta(seconds=round(seconds, 3))

    def elapsed(self) -> float:
        return (self.now - self.start).total_seconds()

    def monotonic(self) -> float:
        """Seconds since the start, offset so that "never" (0) is long ago for probe timers."""
        return 100_000.0 + self.elapsed()

    def http_date(self) -> str:
        """The cloud's time as an HTTP ``Date`` header (RFC 1123, one-second resolution)."""
        return format_datetime(self.now.replace(microsecond=0), usegmt=True)


class KioskClock(Clock):
    """A kiosk's wall clock: the true time plus a skew the schedule changes (up to +-10 min)."""

    def __init__(self, time: VirtualTime, skew_s: float = 0.0):
        self.time = time
        self.skew_s = skew_s

    def now(self) -> datetime:
        return self.time.now + timedelta(seconds=self.skew_s)

"""The seat hold's countdown, shared by the counter and the self-service kiosk.

Both modes show how long the seats stay held, and both must act when the hold runs out (back to
the seat map, which shows the seats as they are now). The countdown reads the hold from its owner
each tick (``hold_fn``) rather than keeping a copy, so a hold renewed, replaced or dropped
anywhere is what the next tick sees, and it reads the time from the services' clock (``now``),
the same clock the hold's expiry was computed with. What to do about a warning or an expiry stays
with the mode: the counter never drops a hold under a payment being committed, the kiosk never
interrupts a customer who is paying.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.services.models import Hold

WARN_S = 60  # warn in the last minute


class HoldCountdown(QObject):
    """Ticks while its owner has a hold.

    Signals:
        ticked(int): whole seconds left on the hold (zero or less once it has run out).
        cleared(): there is no hold (any more): hide the countdown.
        warned(int): the hold entered its last ``warn_s`` seconds (once per expiry time: a
            renewed hold can warn again).
        expired(): the hold has run out; emitted on every tick until the owner drops the hold,
            so an owner that must not act now (a payment in progress) is asked again.

    Attributes:
        warn_s: how many seconds before the end the warning comes.
    """

    ticked = Signal(int)
    cleared = Signal()
    warned = Signal(int)
    expired = Signal()

    def __init__(self, hold_fn: Callable[[], Hold | None], now: Callable[[], datetime], *,
                 interval_ms: int = 1000, warn_s: int = WARN_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hold_fn = hold_fn
        self._now = now
        self.warn_s = warn_s
        self._warned_for: tuple[str, datetime] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def remaining_s(self) -> float | None:
        """Seconds left on the owner's hold; None without one."""
        hold = self._hold_fn()
        if hold is None:
            return None
        return (hold.expires_at - self._now()).total_seconds()

    @property
    def has_warned(self) -> bool:
        """The current hold (at its current expiry) has had its warning."""
        hold = self._hold_fn()
        return hold is not None and self._warned_for == (hold.hold_id, hold.expires_at)

    @Slot()
    def tick(self) -> None:
        """Look at the hold now (also called by the owner right after the hold changed)."""
        hold = self._hold_fn()
        if hold is None:
            self._warned_for = None
            self.cleared.emit()
            return
        remaining = (hold.expires_at - self._now()).total_seconds()
        self.ticked.emit(int(remaining))
        if remaining <= 0:
            self.expired.emit()
        elif remaining <= self.warn_s and not self.has_warned:
            self._warned_for = (hold.hold_id, hold.expires_at)
            self.warned.emit(int(remaining))

"""Locking a staff screen nobody has touched for a while.

A cashier who walks away must not leave a signed-in till (and seats held) behind: after
``timeout_s`` without a touch or a key anywhere in the application, ``lockRequested`` asks the
mode to sign them out. ``keep_awake`` lets the mode refuse for now (never under a sale being
committed): the timer simply starts again. Activity is counted by ``IdleWatcher``, an
application-wide event filter, so no screen has to report it; a screen that acts on a person's
behalf calls ``poke``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.ui.widgets.idle import IdleWatcher


class IdleLock(QObject):
    """Asks for a lock after a quiet period, while started (a staff member is signed in).

    Signals:
        lockRequested(): nobody touched anything for ``timeout_s`` and nothing keeps it awake.
        activity(): someone touched something (for renewing a hold on activity).
    """

    lockRequested = Signal()
    activity = Signal()

    def __init__(self, timeout_s: float, *, keep_awake: Callable[[], bool] = lambda: False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keep_awake = keep_awake
        self.watcher = IdleWatcher(timeout_s, self)
        self.watcher.idle.connect(self._idle)
        self.watcher.activity.connect(self.activity)

    def start(self) -> None:
        self.watcher.start()

    def stop(self) -> None:
        self.watcher.stop()

    def is_running(self) -> bool:
        return self.watcher.is_running()

    def set_timeout(self, timeout_s: float) -> None:
        self.watcher.set_timeout(timeout_s)

    @Slot()
    def poke(self) -> None:
        """Count as activity (the timer starts again)."""
        self.watcher.poke()

    @Slot()
    def _idle(self) -> None:
        if self._keep_awake():
            self.watcher.poke()  # not now; ask again after another quiet period
            return
        self.lockRequested.emit()

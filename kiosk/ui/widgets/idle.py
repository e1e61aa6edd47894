"""Notices when nobody has touched the kiosk for a while, and any touch or key in between.

Installed as an application-wide event filter, so every screen (and every other engineer's
widget) counts as activity without wiring anything.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

ACTIVITY_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
})


class IdleWatcher(QObject):
    idle = Signal()  # nobody touched anything for ``timeout_s``
    activity = Signal()  # someone touched something (at most once per event)

    def __init__(self, timeout_s: float, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, int(timeout_s * 1000)))
        self._timer.timeout.connect(self.idle)
        self._installed = False

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def is_running(self) -> bool:
        return self._timer.isActive()

    def set_timeout(self, timeout_s: float) -> None:
        self._timer.setInterval(max(1, int(timeout_s * 1000)))

    def poke(self) -> None:
        """Count as activity (also used by screens that act on a person's behalf)."""
        if self._installed:
            self._timer.start()
        self.activity.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # Only spontaneous events come from a person (or a test driving input like one); events
        # Qt synthesises itself must not keep a forgotten session alive.
        if event.type() in ACTIVITY_EVENTS and event.spontaneous():
            self.poke()
        return False

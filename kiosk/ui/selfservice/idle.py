"""Noticing that the customer walked away, and asking before giving their seats back.

``IdleWatcher`` is an application-wide event filter: any touch, click or key anywhere resets its
timer, so no screen has to remember to report activity. When it fires, the self-service widget
shows ``StillTherePrompt`` over the current screen; if nobody answers within its countdown the
sale is abandoned (holds released) and the attract screen returns.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.ui.selfservice.common import button, label

ACTIVITY_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.KeyPress, QEvent.Type.Wheel,
})


class IdleWatcher(QObject):
    """Emits ``idle`` after ``timeout_s`` without user input while ``active``."""

    idle = Signal()
    activity = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, int(timeout_s * 1000)))
        self._timer.timeout.connect(self.idle)
        self._active = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_active(self, on: bool) -> None:
        self._active = on
        if on:
            self._timer.start()
        else:
            self._timer.stop()

    def is_active(self) -> bool:
        return self._active

    def reset(self) -> None:
        if self._active:
            self._timer.start()

    def remaining_ms(self) -> int:
        return self._timer.remainingTime()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() in ACTIVITY_EVENTS:
            self.reset()
            self.activity.emit()
        return False

    def detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()


class StillTherePrompt(QWidget):
    """A dimmed overlay with a countdown; ``stillHere`` on a tap, ``timedOut`` at zero."""

    stillHere = Signal()
    timedOut = Signal()

    def __init__(self, parent: QWidget, seconds: float):
        super().__init__(parent)
        self.setObjectName("idlePrompt")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._seconds = seconds
        self._has_hold = True
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        from PySide6.QtWidgets import QFrame, QHBoxLayout

        dialog = QFrame(self)
        dialog.setProperty("ss", "dialog")
        dialog.setFixedWidth(680)
        column = QVBoxLayout(dialog)
        column.setContentsMargins(40, 36, 40, 36)
        column.setSpacing(18)
        self.question = label("", "title", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
        self.detail = label("", "sub", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
        self.detail.setObjectName("idleCountdown")
        self.here_button = button("", role="primary", min_height=80)
        self.here_button.setObjectName("stillHere")
        self.here_button.clicked.connect(self._answer)
        column.addWidget(self.question)
        column.addWidget(self.detail)
        column.addWidget(self.here_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(dialog)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(100)
        self._tick.timeout.connect(self._update)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Are you still there?"))
        self.here_button.setText(self.tr("Yes, I'm still here"))
        self._update_text(self._seconds)

    def start(self, has_hold: bool = True) -> None:
        self._has_hold = has_hold
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self._clock.start()
        self._tick.start()
        self._update()

    def stop(self) -> None:
        self._tick.stop()
        self.hide()

    def is_showing(self) -> bool:
        return self.isVisible() or self._tick.isActive()

    @Slot()
    def _update(self) -> None:
        left = self._seconds - self._clock.elapsed() / 1000
        if left <= 0:
            self.stop()
            self.timedOut.emit()
            return
        self._update_text(left)

    def _update_text(self, left: float) -> None:
        seconds = max(0, math.ceil(left))
        if self._has_hold:
            text = self.tr("We will release your seats and start again in %n second(s).", "",
                           seconds)
        else:
            text = self.tr("We will start again in %n second(s).", "", seconds)
        self.detail.setText(text)

    @Slot()
    def _answer(self) -> None:
        self.stop()
        self.stillHere.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (a tap anywhere counts as an answer)
        self._answer()
        event.accept()

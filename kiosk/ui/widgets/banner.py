"""A non-blocking message strip: refusals and confirmations shown without a modal dialog.

A counter keeps moving while a message is up, so refusals (seat taken, wrong PIN, hold expired)
appear here rather than in a QMessageBox that would need dismissing first. Errors stay until
dismissed or replaced; information fades after a few seconds.

The banner only listens: ``follow`` connects it to ``kiosk.ui.message``'s bridge, so any code
says ``message.error(text)`` and the banner of the screen on display shows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.ui.message import MessageBridge, global_bridge

KINDS = ("info", "ok", "warn", "error")


class MessageBanner(QFrame):
    """One message at a time, coloured by its kind (``kiosk.ui.message.Level`` values)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        self.setProperty("kind", "info")
        self.setObjectName("messageBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 6, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setObjectName("bannerText")
        self.close_button = QPushButton("✕", self)
        self.close_button.setObjectName("bannerClose")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.clear)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.hide()

    def show_message(self, text: str, kind: str = "info", timeout_ms: int | None = None) -> None:
        """Show ``text``; ``timeout_ms`` None means: errors and warnings stay, info goes in 6 s."""
        kind = kind if kind in KINDS else "info"
        self.label.setText(text)
        self.setProperty("kind", kind)
        self.setAccessibleDescription(text)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
        if timeout_ms is None:
            timeout_ms = 0 if kind in ("error", "warn") else 6000
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    def follow(self, bridge: MessageBridge | None = None) -> None:
        """Show what is said through ``bridge`` (the application's, by default)."""
        bridge = bridge or global_bridge()
        bridge.shown.connect(self._shown)
        bridge.cleared.connect(self.clear)

    @Slot(str, str)
    def _shown(self, kind: str, text: str) -> None:
        self.show_message(text, kind)

    def error(self, text: str) -> None:
        self.show_message(text, "error")

    def info(self, text: str) -> None:
        self.show_message(text, "info")

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def kind(self) -> str:
        return str(self.property("kind"))

    @Slot()
    def clear(self) -> None:
        self._timer.stop()
        self.label.clear()
        self.hide()

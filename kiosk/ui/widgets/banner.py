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

from kiosk.ui.errors import calm_message
from kiosk.ui.message import MessageBridge, global_bridge

KINDS = ("info", "ok", "warn", "error")
_CUSTOMER_COLOURS = {  # background, edge: dark text reads on each, in either theme
    "error": ("#fdecea", "#b3261e"), "warn": ("#fff4e0", "#a14400"),
    "ok": ("#e6f4ea", "#1e7b34"), "info": ("#e8f0fe", "#1a56c4")}


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


class CustomerBanner(MessageBanner):
    """The banner of a customer's screen (self-service): large text, a 56 px close button, and
    friendly words only.

    A customer is never shown a stack trace, an exception's name or the staff's "call a
    manager": anything that reads like that becomes one calm sentence. The owner clears it when
    the screen goes back to its start (the next customer must not read the last one's problem).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerBanner")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.close_button.setMinimumSize(56, 56)
        # its own colours: the self-service sheet (set on the parent) outranks the theme's
        self.setStyleSheet(
            "".join(f'QFrame#customerBanner[kind="{kind}"] {{ background: {bg}; '
                    f"border: none; border-bottom: 4px solid {edge}; }}"
                    for kind, (bg, edge) in _CUSTOMER_COLOURS.items())
            + "QFrame#customerBanner QLabel, QFrame#customerBanner QPushButton "
            "{ color: #1a1a1a; background: transparent; border: none; }"
            "QLabel#bannerText { font-size: 24px; font-weight: 600; }"
            "QPushButton#bannerClose { font-size: 22px; }")

    def show_message(self, text: str, kind: str = "info", timeout_ms: int | None = None) -> None:
        super().show_message(self.customer_words(text), kind, timeout_ms)

    def customer_words(self, text: str) -> str:
        """``text`` as a customer may read it."""
        technical = ("Traceback" in text or "File \"" in text or "\n" in text.strip()
                     or text == calm_message() or not text.strip())
        if technical:
            return self.tr("Sorry, something went wrong. Please try again, or ask a member of "
                           "staff for help.")
        return text

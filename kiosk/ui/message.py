"""Telling the person at the screen something, from anywhere in the ui, without a controller.

A screen, a helper or a background call's failure handler calls ``message.error(text)``,
``message.warning(text)`` or ``message.info(text)``; each emits on one global
``MessageBridge``. Whoever shows messages (the counter's banner, the manager console's page
banner) listens to that bridge; nobody passes a mode object around just to show an error.

``failure`` is the default failure handler of ``Bridge.submit``: a background call whose caller
gave no ``on_error`` shows its refusal (or a calm sentence for a fault) this way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from kiosk.domain.errors import KioskError

log = logging.getLogger(__name__)


class Level(StrEnum):
    """How a message looks and how long it stays (the banner's ``kind``)."""

    ERROR = "error"  # stays until dismissed or replaced
    WARNING = "warn"  # stays until dismissed or replaced
    INFO = "info"  # fades after a few seconds
    OK = "ok"  # something went through; fades


class MessageBridge(QObject):
    """The one object messages go through.

    Signals:
        shown(str, str): a message to show: its ``Level`` value and its text (translated).
        cleared(): what was shown no longer applies.
    """

    shown = Signal(str, str)
    cleared = Signal()


_bridge: MessageBridge | None = None


def global_bridge() -> MessageBridge:
    """The application's message bridge (made on first use; it lives as long as the process)."""
    global _bridge
    if _bridge is None:
        _bridge = MessageBridge()
    return _bridge


def show(level: Level, text: str) -> None:
    log.log(logging.WARNING if level in (Level.ERROR, Level.WARNING) else logging.INFO,
            "message (%s): %s", level, text)
    global_bridge().shown.emit(str(level), text)


def error(text: str) -> None:
    """Something failed or was refused: said until dismissed."""
    show(Level.ERROR, text)


def warning(text: str) -> None:
    """Something needs attention soon (a hold about to run out)."""
    show(Level.WARNING, text)


def info(text: str) -> None:
    """Something worth knowing that needs nothing done."""
    show(Level.INFO, text)


def ok(text: str) -> None:
    """Something went through."""
    show(Level.OK, text)


def clear() -> None:
    global_bridge().cleared.emit()


def failure_text(exc: BaseException) -> str:
    """What to say about a failed call: a refusal's own words, a calm sentence for a fault."""
    if isinstance(exc, KioskError):
        return str(exc)
    from kiosk.ui.errors import calm_message

    return calm_message()


def failure(exc: BaseException) -> None:
    """The default failure handler of a background call: show it in the banner."""
    error(failure_text(exc))


def logged(what: str) -> Callable[[BaseException], None]:
    """A failure handler for housekeeping nobody needs to hear about (giving back a hold that
    expires anyway): the failure is logged, not shown."""
    def handler(exc: BaseException) -> None:
        log.warning("%s failed: %s", what, exc)

    return handler

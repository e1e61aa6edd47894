"""The base of every self-service step: a ``Page`` with the customer's back and cancel taps.

Every step but the start and the last has the same header (title, countdown, back, cancel); the
self-service widget updates the countdown on whichever step is shown through ``header``, declared
here, instead of asking each screen whether it has one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from kiosk.ui.pages import Page

if TYPE_CHECKING:
    from kiosk.ui.selfservice.common import Header


class SelfServiceScreen(Page):
    """A customer step.

    Signals:
        backRequested(): the customer tapped back (the widget decides where that leads).
        cancelRequested(): the customer tapped cancel: give the seats back, start again.

    Attributes:
        header: the step's header with the hold countdown, or None (start, done).
    """

    backRequested = Signal()
    cancelRequested = Signal()

    header: Header | None = None

    def back(self) -> None:
        """The same as the back button: the widget decides where it leads."""
        self.backRequested.emit()

    def retranslate(self) -> None:
        """Set every text again after a language change."""
        raise NotImplementedError(
            f"{type(self).__name__} must implement retranslate(): set its texts with tr()")

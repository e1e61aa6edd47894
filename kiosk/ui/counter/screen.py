"""The base of every counter screen: a ``Page`` that knows the counter mode it belongs to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.domain.errors import KioskError
from kiosk.ui.page_names import CounterPage
from kiosk.ui.pages import Page

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.ui.bridge import Bridge
    from kiosk.ui.counter.mode import CounterMode
    from kiosk.ui.counter.session import CounterSession


class Screen(Page):
    """A counter page. ``enter`` runs each time it is shown; ``back`` is Esc; ``reload`` is F5;
    ``print_action`` is Ctrl+P.

    Attributes:
        ctl: the counter mode, which navigates (``ctl.go``) and holds the sale's session.
    """

    def __init__(self, ctl: CounterMode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctl = ctl
        self.setObjectName(f"screen_{self.name}")

    @property
    def bridge(self) -> Bridge:
        return self.ctl.bridge

    @property
    def services(self) -> Services:
        return self.ctl.services

    @property
    def session(self) -> CounterSession:
        return self.ctl.session

    def back(self) -> None:
        """Esc: go one step back; the default is the show finder."""
        self.ctl.go(CounterPage.FINDER)

    def print_action(self) -> None:
        """Ctrl+P: print what this screen shows, if anything."""


class BusyScreen(Screen):
    """A counter screen that sends one background call at a time (opening or closing a shift).

    While the call runs, ``_show_busy`` disables what could send it again; when it fails, a
    refusal is said in the screen's ``_failure_label`` and a fault goes to the counter's fault
    handler.
    """

    _busy = False

    def _failure_label(self) -> QLabel:
        raise NotImplementedError

    def _show_busy(self, busy: bool) -> None:
        raise NotImplementedError

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._show_busy(busy)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, KioskError):
            self._failure_label().setText(str(exc))
        else:
            self.ctl.show_fault(exc)

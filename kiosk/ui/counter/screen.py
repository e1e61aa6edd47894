"""The base of every counter screen: a ``Page`` that knows the counter mode it belongs to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

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

"""The base of every counter screen: a page of the stack with enter/back/refresh hooks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kiosk.ui.counter.mode import CounterMode


class Screen(QWidget):
    """A counter page. ``enter`` runs each time it is shown; ``back`` is Esc; ``refresh`` is F5."""

    name = "screen"

    def __init__(self, ctl: CounterMode):
        super().__init__()
        self.ctl = ctl
        self.setObjectName(f"screen_{self.name}")

    @property
    def bridge(self):
        return self.ctl.bridge

    @property
    def services(self):
        return self.ctl.services

    @property
    def session(self):
        return self.ctl.session

    def enter(self) -> None:
        """Called every time the screen becomes current."""

    def leave(self) -> None:
        """Called when another screen becomes current."""

    def back(self) -> None:
        """Esc: go one step back; the default is the show finder."""
        self.ctl.go("finder")

    def refresh(self) -> None:
        """F5: re-read what is shown."""

    def print_action(self) -> None:
        """Ctrl+P: print what this screen shows, if anything."""

    def first_focus(self) -> QWidget | None:
        """The widget that should have keyboard focus when the screen appears."""
        return None

"""One page base and one stack for every mode (counter, self-service, manager, door).

Before, each mode had its own way to hold its screens, name them and tell them they were shown.
Now a screen is a ``Page`` with a ``name`` from ``kiosk.ui.page_names`` and the same hooks
everywhere (``enter`` / ``leave`` / ``back`` / ``refresh`` / ``reload`` / ``first_focus``), and a
mode holds its screens in a ``PageStack``, which calls those hooks in one order:
``leave`` the old page, show the new one, ``enter`` it, then focus its ``first_focus``.

A page may be built lazily (``PageStack.add_lazy``): the manager console builds a page the first
time it is opened, so signing in shows the dashboard at once.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import ClassVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget


class Page(QWidget):
    """A screen of a mode's ``PageStack``.

    Attributes:
        name: the page's name, a member of its mode's enum in ``kiosk.ui.page_names``. Every
            concrete page sets it as a class attribute; the stack reads it from the class
            (``page_name``), so a form field a page happens to call ``self.name`` cannot hide it.
    """

    name: ClassVar[StrEnum | str] = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not type(self).name:
            raise NotImplementedError(
                f"{type(self).__name__} must set the class attribute `name` to a member of its "
                "mode's enum in kiosk.ui.page_names")

    def enter(self) -> None:
        """Called every time the page becomes current (after it is shown)."""

    def leave(self) -> None:
        """Called when another page is about to become current."""

    def back(self) -> None:
        """Esc or the back button: where this page goes back to. Must be implemented by any page
        whose stack offers a way back (``PageStack.back``)."""
        raise NotImplementedError(
            f"{type(self).__name__} must implement back(): say which page Esc / the back button "
            "leads to (or that it does nothing)")

    def refresh(self) -> None:
        """Re-read what is shown (after a change elsewhere)."""

    def reload(self) -> None:
        """F5: re-read everything the page shows, its choices included; by default ``refresh``."""
        self.refresh()

    def first_focus(self) -> QWidget | None:
        """The widget that should have keyboard focus when the page appears."""
        return None


def page_name(page: Page) -> str:
    """The name ``page`` was declared with (its class's ``name``)."""
    return str(type(page).name)


class PageStack(QStackedWidget):
    """A stack of ``Page``s found by name.

    Signals:
        pageChanged(str): the name of the page that just became current (a ``StrEnum`` value
            of ``kiosk.ui.page_names``, compared as a string), after its ``enter``.

    Attributes:
        pages: the pages built so far, by name.
    """

    pageChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: dict[str, Page] = {}
        self._holders: dict[str, QWidget] = {}  # what the stack shows: the page, or its scroller
        self._factories: dict[str, Callable[[], Page]] = {}

    # -- building ---------------------------------------------------------------------------
    def add(self, page: Page, *, scroll: bool = False) -> Page:
        """Add ``page``; ``scroll``: inside a scroll area, so large text on a small screen
        scrolls instead of overlapping."""
        holder: QWidget = page
        if scroll:
            area = QScrollArea(self)
            area.setObjectName(f"page_{page_name(page)}")
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus belongs to the page's fields
            area.setWidget(page)
            holder = area
        self.pages[page_name(page)] = page
        self._holders[page_name(page)] = holder
        self.addWidget(holder)
        return page

    def add_lazy(self, name: StrEnum | str, factory: Callable[[], Page]) -> None:
        """Register ``factory`` to build the page ``name`` the first time it is asked for."""
        self._factories[str(name)] = factory

    def remove(self, name: StrEnum | str) -> None:
        """Take the page out of the stack and delete it (a door screen when the usher leaves)."""
        page = self.pages.pop(str(name), None)
        holder = self._holders.pop(str(name), None)
        if holder is not None:
            self.removeWidget(holder)
            holder.deleteLater()
        del page

    def names(self) -> list[str]:
        """Every page name, built or not."""
        return list(dict.fromkeys([*self.pages, *self._factories]))

    def page(self, name: StrEnum | str) -> Page:
        """The page ``name`` (built now if it is lazy); KeyError for a name never added."""
        key = str(name)
        if key not in self.pages:
            page = self._factories[key]()
            if page_name(page) != key:
                raise ValueError(f"the factory for {key!r} built the page {page_name(page)!r}")
            self.add(page)
        return self.pages[key]

    # -- moving -----------------------------------------------------------------------------
    def current_page(self) -> Page | None:
        holder = self.currentWidget()
        if isinstance(holder, QScrollArea):
            holder = holder.widget()
        return holder if isinstance(holder, Page) else None

    def current_name(self) -> str:
        page = self.current_page()
        return page_name(page) if page is not None else ""

    def go(self, name: StrEnum | str) -> Page:
        """Make ``name`` current: ``leave`` the old page, ``enter`` the new one, focus it."""
        target = self.page(name)
        previous = self.current_page()
        if previous is not None and previous is not target:
            previous.leave()
        self.setCurrentWidget(self._holders[page_name(target)])
        target.enter()
        if self.current_page() is target:  # enter() may have gone elsewhere
            focus = target.first_focus()
            if focus is not None:
                focus.setFocus(Qt.FocusReason.OtherFocusReason)
            self.pageChanged.emit(page_name(target))
        return target

    @Slot()
    def back(self) -> None:
        page = self.current_page()
        if page is not None:
            page.back()

    @Slot()
    def reload(self) -> None:
        page = self.current_page()
        if page is not None:
            page.reload()

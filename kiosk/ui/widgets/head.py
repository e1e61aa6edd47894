"""A page head: the title on the left and its tools on the right, the tools wrapping beneath.

A manager page has a title and a row of tools (pickers, Refresh, Export, the main action).
In one row they fit in English at normal size; in large text, Hindi or Telugu, a box layout
squeezes the tools below their size and cuts their words. ``HeadLayout`` keeps them in one
row while they fit and otherwise puts the title on its own line and the tools on as many rows
as they need, each at its own size. It answers ``heightForWidth`` so the page gives it exactly
the height it needs, with nothing to re-flow from a resize event.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayoutItem, QWidget

from kiosk.ui.widgets.wrapping import WrappingLayout


class HeadLayout(WrappingLayout):
    """The first item is the title (a word-wrapped ``QLabel``); the others are tools."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 10):
        super().__init__(parent)
        self._gap = spacing

    # -- QLayout ----------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation.Horizontal

    def minimumSize(self) -> QSize:  # noqa: N802
        """The widest single tool: everything else can wrap."""
        margins = self.contentsMargins()
        items = self._visible()
        widest = max((item.sizeHint().width() for item in items[1:]), default=0)
        tallest = max((item.sizeHint().height() for item in items), default=0)
        return QSize(widest + margins.left() + margins.right(),
                     tallest + margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802
        """Everything on one row."""
        margins = self.contentsMargins()
        items = self._visible()
        width = self._title_width() + sum(self._gap + item.sizeHint().width()
                                          for item in items[1:])
        tallest = max((item.sizeHint().height() for item in items), default=0)
        return QSize(width + margins.left() + margins.right(),
                     tallest + margins.top() + margins.bottom())

    # -- the rows ---------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items
                if item.widget() is None or not item.widget().isHidden()]

    def _title_width(self) -> int:
        """The title on one line (a word-wrapped label's size hint is a guess)."""
        if not self._items:
            return 0
        title = self._items[0].widget()
        if isinstance(title, QLabel) and not title.isHidden():
            return title.fontMetrics().horizontalAdvance(title.text()) + 8
        return self._items[0].sizeHint().width()

    @staticmethod
    def _height(item: QLayoutItem, width: int) -> int:
        if item.hasHeightForWidth():
            return max(item.heightForWidth(width), item.minimumSize().height())
        return item.sizeHint().height()

    def _arrange(self, rect: QRect, dry_run: bool) -> int:
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        items = self._visible()
        if not items:
            return 0
        title, tools = (items[0], items[1:]) if self._items and items[0] is self._items[0] \
            else (None, items)
        widths = [min(item.sizeHint().width(), inner.width()) for item in tools]
        tools_w = sum(widths) + self._gap * max(0, len(tools) - 1)
        y = inner.y()
        one_row = title is None or \
            self._title_width() + (self._gap + tools_w if tools else 0) <= inner.width()
        if one_row:
            title_w = inner.width() - (tools_w + self._gap if tools else 0)
            heights = [self._height(item, w) for item, w in zip(tools, widths, strict=True)]
            if title is not None:
                heights.append(self._height(title, title_w))
            row_h = max(heights, default=0)
            if not dry_run:
                if title is not None:
                    title.setGeometry(QRect(inner.x(), y, title_w, row_h))
                x = inner.right() + 1 - tools_w
                for item, w in zip(tools, widths, strict=True):
                    h = min(row_h, item.sizeHint().height()) if not (
                        item.expandingDirections() & Qt.Orientation.Vertical) else row_h
                    item.setGeometry(QRect(x, y + (row_h - h) // 2, w, h))
                    x += w + self._gap
            return row_h + margins.top() + margins.bottom()
        # the title on its own line, the tools in rows beneath it
        title_h = self._height(title, inner.width()) if title is not None else 0
        if not dry_run and title is not None:
            title.setGeometry(QRect(inner.x(), y, inner.width(), title_h))
        y += title_h + self._gap
        row: list[tuple[QLayoutItem, int]] = []
        used = 0
        for item, w in zip(tools, widths, strict=True):
            if row and used + self._gap + w > inner.width():
                y = self._place_row(row, inner.x(), y, dry_run)
                row, used = [], 0
            used += (self._gap if row else 0) + w
            row.append((item, w))
        if row:
            y = self._place_row(row, inner.x(), y, dry_run)
        return y - self._gap - inner.y() + margins.top() + margins.bottom()

    def _place_row(self, row: list[tuple[QLayoutItem, int]], x: int, y: int,
                   dry_run: bool) -> int:
        row_h = max(self._height(item, w) for item, w in row)
        if not dry_run:
            for item, w in row:
                h = min(row_h, item.sizeHint().height())
                item.setGeometry(QRect(x, y + (row_h - h) // 2, w, h))
                x += w + self._gap
        return y + row_h + self._gap

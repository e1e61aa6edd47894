"""A grid of equal tiles that takes as many columns as the width allows and fills the row.

The film grid, the show cards and the counter's food buttons all want the same thing: use the
whole width whatever the window size, language or text size, never leave a blank band on the
right, and never force the page wider than the screen. A ``QGridLayout`` has a fixed column
count (too wide for large text, a blank band on a wide screen); a flow layout leaves ragged
rows. This layout answers ``heightForWidth``, so a scroll area or a box layout gives it exactly
the height its rows need, and nothing has to re-flow from a resize event.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayoutItem, QWidget

from kiosk.ui.widgets.wrapping import WrappingLayout


class TileGridLayout(WrappingLayout):
    """Equal-width cells, left to right then down; the cells widen to fill each row.

    ``cell_width`` is the narrowest a cell may be (0: the widest item's size hint). With
    ``stretch`` False the cells keep that width and the rows are left-aligned.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 12, cell_width: int = 0,
                 stretch: bool = True):
        super().__init__(parent)
        self._gap = spacing
        self._cell_width = cell_width
        self._stretch = stretch

    # -- QLayout ----------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation.Horizontal

    def minimumSize(self) -> QSize:  # noqa: N802
        """One tile: the layout never makes its page wider than one tile, and never claims the
        height of a single column (``heightForWidth`` gives the real height for the width)."""
        margins = self.contentsMargins()
        tallest = max((item.minimumSize().height() for item in self._visible()), default=0)
        return QSize(self.cell_width() + margins.left() + margins.right(),
                     tallest + margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    # -- the grid ---------------------------------------------------------------------------
    def cell_width(self) -> int:
        """The narrowest cell: the configured width, or the widest visible item's hint."""
        widest = max((item.sizeHint().width() for item in self._visible()), default=0)
        return max(self._cell_width, widest, 1)

    def columns_for(self, width: int) -> int:
        """How many tiles sit side by side in ``width`` pixels (at least one)."""
        cell = self.cell_width()
        return max(1, (width + self._gap) // (cell + self._gap))

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, dry_run: bool) -> int:
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        items = self._visible()
        if not items:
            return 0
        columns = self.columns_for(inner.width())
        cell = self.cell_width()
        if self._stretch:
            cell = max(cell, (inner.width() - (columns - 1) * self._gap) // columns)
        y = inner.y()
        for start in range(0, len(items), columns):
            row = items[start:start + columns]
            height = max(item.heightForWidth(cell) if item.hasHeightForWidth()
                         else item.sizeHint().height() for item in row)
            if not dry_run:
                for n, item in enumerate(row):
                    # an expanding tile takes the row's height; another keeps its own, at the top
                    grows = bool(item.expandingDirections() & Qt.Orientation.Vertical)
                    own = height if grows else min(height, item.sizeHint().height())
                    item.setGeometry(QRect(inner.x() + n * (cell + self._gap), y, cell, own))
            y += height + self._gap
        return y - self._gap - inner.y() + margins.top() + margins.bottom()


def wrap_words(text: str, advance: Callable[[str], int], width: int) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` (a longer word keeps its
    own line, whole): a tile shows every word of a long name instead of eliding it."""
    lines: list[str] = []
    for word in text.split():
        if lines and advance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [text]

"""A row of controls that wraps like words in a paragraph, for bars whose words vary in length.

Filter chips, the seat map's zoom and "Find N seats together" controls: in English normal text
they sit on one line, in Telugu or large text they need two. A ``QHBoxLayout`` would squeeze
them below their size and cut their words; this layout moves whatever does not fit to the next
line instead, and answers ``heightForWidth`` so its parent gives it the lines' height.

``sizeHint`` is the one-line width (what the row would like), ``minimumSize`` the widest single
item (what it needs); an item wider than the whole row that can trade width for height (a flow
of its own, a word-wrapped label) gets the row's width and the height it asks for at it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayoutItem, QWidget, QWidgetItem

from kiosk.ui.widgets.wrapping import WrappingLayout


class FlowLayout(WrappingLayout):
    """Children left to right, wrapping onto more lines; each line's items centred vertically."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 10):
        super().__init__(parent)
        self._spacing = spacing

    # -- QLayout ----------------------------------------------------------------------------
    def insertWidget(self, index: int, widget: QWidget) -> None:  # noqa: N802 (as QBoxLayout)
        """``widget`` at ``index`` (0: first), as ``QBoxLayout.insertWidget`` does."""
        self.addChildWidget(widget)
        self._items.insert(max(0, min(index, len(self._items))), QWidgetItem(widget))
        self.invalidate()

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Everything on one line."""
        items = self._visible()
        hints = [item.sizeHint() for item in items]
        width = sum(h.width() for h in hints) + self._spacing * max(0, len(hints) - 1)
        height = max((h.height() for h in hints), default=0)
        return QSize(width, height) + self._margins()

    def minimumSize(self) -> QSize:  # noqa: N802
        """The widest single item: below that something would be cut."""
        size = QSize(0, 0)
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size + self._margins()

    # -- the lines --------------------------------------------------------------------------
    def _margins(self) -> QSize:
        m = self.contentsMargins()
        return QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _size_in(self, item: QLayoutItem, room: int) -> QSize:
        """The item's own size, or the row's width (never below its minimum) and the height it
        needs there when it is wider than the row."""
        hint = item.sizeHint()
        if hint.width() <= room:
            return hint
        width = max(room, item.minimumSize().width())
        height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
        return QSize(width, max(height, item.minimumSize().height()))

    def _arrange(self, rect: QRect, dry_run: bool) -> int:
        m = self.contentsMargins()
        inner = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        room = max(1, inner.width())
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in self._visible():
            size = self._size_in(item, room)
            if lines[-1] and used + self._spacing + size.width() > room:
                lines.append([])
                used = 0
            used += (self._spacing if lines[-1] else 0) + size.width()
            lines[-1].append((item, size))
        y = inner.y()
        for line in lines:
            if not line:
                continue
            height = max(size.height() for _, size in line)
            if not dry_run:
                x = inner.x()
                for item, size in line:
                    top = y + (height - size.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), size))
                    x += size.width() + self._spacing
            y += height + self._spacing
        return max(0, y - self._spacing - inner.y()) + m.top() + m.bottom()

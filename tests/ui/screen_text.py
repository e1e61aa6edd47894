"""What a person can read on a screen, and two checks on it: cut text and English text.

``visible_texts(window)`` walks the widget tree as shown (labels, buttons, headers and the
visible cells of item views, tabs, combo boxes, group boxes, placeholders) and yields each text
with the widget that shows it. ``clipped(window)`` compares every text with the room its widget
gives it (``QFontMetrics`` against the contents rectangle, word wrap taken into account; header
sections and cells against their size hints), and ``english_words(text, allowed)`` names the
English words in a text meant to be Hindi or Telugu. ``PaintedText`` records what our own code
draws with ``QPainter.drawText`` (posters, charts, legends) and elides with
``QFontMetrics.elidedText``, which the widget tree cannot see (on the screen: a page painted
for a printer or a PDF file is a document, not a screen).

Helpers for ``test_screen_text.py``; they hold no per-string lists: what may stay in English is
derived from the demo dataset (names of films, cinemas, halls and people) and from patterns
(numbers, codes, currency codes, e-mail addresses, file paths).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics, QPagedPaintDevice, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTabBar,
    QWidget,
)

SLACK_PX = 1  # rounding between metrics and layout; more than this is a cut glyph
MAX_ROWS = 60  # visible rows of one item view worth checking


@dataclass(frozen=True)
class Text:
    """One text as shown: the widget (or view part) that shows it, and its words."""

    where: str
    text: str


@dataclass(frozen=True)
class Cut:
    """A text that does not fit: what it needs and what it has, in pixels."""

    where: str
    text: str
    need: tuple[int, int]
    room: tuple[int, int]

    def __str__(self) -> str:
        return (f"{self.where}: {self.text!r} needs {self.need[0]}x{self.need[1]} px, "
                f"has {self.room[0]}x{self.room[1]}")


def describe(widget: QWidget) -> str:
    """``ClassName#objectName`` under its nearest named ancestors, for a readable failure."""
    names = []
    node: QWidget | None = widget
    while node is not None and len(names) < 3:
        if node.objectName() and not node.objectName().startswith("qt_"):
            names.append(node.objectName())
        node = node.parentWidget()
    return f"{type(widget).__name__}({'/'.join(reversed(names))})"


def shown(widget: QWidget, window: QWidget) -> bool:
    """Visible in the window and not scrolled or cut entirely out of sight by its ancestors.

    (``visibleRegion`` will not do: a scroll area's viewport covers it, leaving it empty.)
    """
    if not widget.isVisible() or widget.window() is not window.window():
        return False
    rect = widget.rect()
    node = widget
    while node.parentWidget() is not None and not node.isWindow():
        rect = rect.translated(node.pos()).intersected(node.parentWidget().rect())
        if rect.isEmpty():
            return False
        node = node.parentWidget()
    return True


def _in_window(window: QWidget, kind: type) -> Iterator:
    for widget in window.findChildren(kind):
        if shown(widget, window):
            yield widget


_TAG = re.compile(r"<[A-Za-z/!][^>]*>")


def rich(text: str) -> bool:
    """Qt's own test (``Qt::mightBeRichText``) is not in PySide6: a tag means rich text."""
    return _TAG.search(text) is not None


def plain(text: str) -> str:
    """A label's text as read: rich text without its tags."""
    if rich(text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return html.unescape(text)


def _button_text(text: str) -> str:
    """A button's or tab's text as read: the mnemonic '&' is not shown."""
    return re.sub(r"&(.)", r"\1", text)


# -- what is on the screen -----------------------------------------------------------------
def _rows(view: QAbstractItemView) -> Iterator[QModelIndex]:
    """The indexes whose cells are at least partly inside the viewport (tree rows expanded)."""
    model = view.model()
    if model is None:
        return
    viewport = view.viewport().rect()
    top = view.indexAt(viewport.topLeft())
    if not top.isValid():
        top = model.index(0, 0)
    seen = 0
    index = top
    header = getattr(view, "horizontalHeader", None) or getattr(view, "header", None)
    columns = range(model.columnCount(index.parent()) if index.isValid() else 0)
    while index.isValid() and seen < MAX_ROWS:
        if not view.visualRect(index).intersects(viewport) and seen:
            break
        for column in columns:
            if header is not None and header().isSectionHidden(column):
                continue
            cell = index.siblingAtColumn(column)
            if view.visualRect(cell).intersects(viewport):
                yield cell
        seen += 1
        below = view.indexBelow(index) if hasattr(view, "indexBelow") else \
            index.siblingAtRow(index.row() + 1)
        index = below


def _headers(window: QWidget) -> Iterator[tuple[QHeaderView, int, str]]:
    for header in _in_window(window, QHeaderView):
        model = header.model()
        if model is None:
            continue
        for section in range(header.count()):
            if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
                continue
            text = model.headerData(section, header.orientation(),
                                    Qt.ItemDataRole.DisplayRole)
            if text not in (None, ""):
                yield header, section, str(text)


def visible_texts(window: QWidget) -> Iterator[Text]:
    """Every text a person can read in ``window`` now (widgets hidden or off-screen skipped)."""
    for label in _in_window(window, QLabel):
        if label.text():
            yield Text(describe(label), plain(label.text()))
    for button in _in_window(window, QAbstractButton):
        if button.text():
            yield Text(describe(button), _button_text(button.text()))
    for box in _in_window(window, QGroupBox):
        if box.title():
            yield Text(describe(box), box.title())
    for combo in _in_window(window, QComboBox):
        if combo.currentText():
            yield Text(describe(combo), combo.currentText())
    for edit in _in_window(window, QLineEdit):
        if not edit.text() and edit.placeholderText():
            yield Text(describe(edit) + " placeholder", edit.placeholderText())
    for tabs in _in_window(window, QTabBar):
        for i in range(tabs.count()):
            if tabs.isTabVisible(i) and tabs.tabText(i):
                yield Text(f"{describe(tabs)} tab {i}", _button_text(tabs.tabText(i)))
    for header, section, text in _headers(window):
        yield Text(f"{describe(header)} section {section}", text)
    for view in _in_window(window, QAbstractItemView):
        if isinstance(view, QHeaderView):
            continue
        for index in _rows(view):
            value = index.data(Qt.ItemDataRole.DisplayRole)
            if value not in (None, ""):
                yield Text(f"{describe(view)} cell {index.row()},{index.column()}", str(value))


# -- does it fit ----------------------------------------------------------------------------
def _label_cut(label: QLabel) -> Cut | None:
    if label.pixmap() is not None and not label.pixmap().isNull():
        return None
    text = label.text()
    room = label.contentsRect().adjusted(label.margin(), label.margin(),
                                         -label.margin(), -label.margin())
    indent = label.indent()
    if indent < 0:
        indent = label.fontMetrics().horizontalAdvance("x") // 2 if label.frameWidth() > 0 else 0
    if indent and label.alignment() & (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight):
        room.setWidth(room.width() - indent)
    if rich(text) and label.textFormat() != Qt.TextFormat.PlainText:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if label.wordWrap():
            doc.setTextWidth(room.width())
        need = doc.size().toSize()
        need_w = doc.idealWidth() if label.wordWrap() else need.width()
        need = (int(need_w), need.height())
    else:
        metrics = QFontMetrics(label.font())
        flags = int(label.alignment().value) | (int(Qt.TextFlag.TextWordWrap.value)
                                                if label.wordWrap() else 0)
        bound = metrics.boundingRect(QRect(0, 0, max(1, room.width()), 100_000), flags,
                                     plain(text))
        need = (bound.width(), bound.height())
    if need[0] > room.width() + SLACK_PX or need[1] > room.height() + SLACK_PX:
        return Cut(describe(label), plain(text), need, (room.width(), room.height()))
    return None


def _button_cut(button: QAbstractButton) -> Cut | None:
    """A button's size hint is its text, icon and style padding; a smaller button cuts them."""
    text = _button_text(button.text())
    metrics = QFontMetrics(button.font())
    lines = text.split("\n")
    text_w = max(metrics.horizontalAdvance(line) for line in lines)
    text_h = metrics.height() * len(lines)
    icon = button.iconSize().width() if not button.icon().isNull() else 0
    # the style's padding counts, up to 4 px a side: beyond that a text still reads whole
    padding = min(max(0, button.sizeHint().width() - text_w - icon), 8)
    need_w = text_w + icon + padding
    room = button.contentsRect()
    if need_w > room.width() + SLACK_PX or text_h > room.height() + SLACK_PX:
        return Cut(describe(button), text, (need_w, text_h), (room.width(), room.height()))
    return None


def _header_cuts(window: QWidget) -> Iterator[Cut]:
    for header, section, text in _headers(window):
        metrics = QFontMetrics(header.font())
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        lines = text.split("\n")
        need_w = max(metrics.horizontalAdvance(line) for line in lines) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            need_w += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None,
                                                 header) + margin
        need_h = metrics.height() * len(lines)
        if header.orientation() == Qt.Orientation.Horizontal:
            room = (header.sectionSize(section), header.height())
        else:
            room = (header.width(), header.sectionSize(section))
        if need_w > room[0] + SLACK_PX or need_h > room[1] + SLACK_PX:
            yield Cut(f"{describe(header)} section {section}", text, (need_w, need_h), room)


def _cell_cut(view: QAbstractItemView, index: QModelIndex, wraps: bool) -> Cut | None:
    """The delegate's size hint less its text is the cell's padding and icon; the text gets
    the rest of the cell, wrapped at words when the view wraps (a longer word is elided)."""
    text = str(index.data(Qt.ItemDataRole.DisplayRole))
    font = index.data(Qt.ItemDataRole.FontRole) or view.font()
    metrics = QFontMetrics(font)
    rect = view.visualRect(index)
    hint = view.sizeHintForIndex(index)
    single = metrics.boundingRect(QRect(0, 0, 100_000, 100_000), 0, text)
    pad_w, pad_h = max(0, hint.width() - single.width()), max(0, hint.height() - single.height())
    room_w = max(1, rect.width() - pad_w)
    flags = int(Qt.TextFlag.TextWordWrap.value) if wraps else 0
    bound = metrics.boundingRect(QRect(0, 0, room_w, 100_000), flags, text)
    need = (bound.width() + pad_w, bound.height() + pad_h)
    if need[0] > rect.width() + SLACK_PX or need[1] > rect.height() + SLACK_PX:
        return Cut(f"{describe(view)} cell {index.row()},{index.column()}", text, need,
                   (rect.width(), rect.height()))
    return None


def _cell_cuts(window: QWidget) -> Iterator[Cut]:
    for view in _in_window(window, QAbstractItemView):
        if isinstance(view, QHeaderView) or view.textElideMode() == Qt.TextElideMode.ElideNone:
            continue
        wraps = bool(getattr(view, "wordWrap", lambda: False)())
        for index in _rows(view):
            value = index.data(Qt.ItemDataRole.DisplayRole)
            if value in (None, "") or view.indexWidget(index) is not None:
                continue
            if (cut := _cell_cut(view, index, wraps)) is not None:
                yield cut


def _overflow_cuts(window: QWidget) -> Iterator[Cut]:
    """Columns past the right edge of a table (or tabs past a tab bar's end): a person sees
    the last ones cut, or not at all, until they scroll."""
    for header in _in_window(window, QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or header.count() == 0:
            continue
        room = header.viewport().width()
        if header.length() > room + SLACK_PX:
            hidden = [str(header.model().headerData(s, Qt.Orientation.Horizontal))
                      for s in range(header.count())
                      if not header.isSectionHidden(s) and
                      header.sectionViewportPosition(s) + header.sectionSize(s) > room]
            yield Cut(f"{describe(header)} columns", ", ".join(hidden),
                      (header.length(), header.height()), (room, header.height()))
    for tabs in _in_window(window, QTabBar):
        last = max((tabs.tabRect(i).right() for i in range(tabs.count())
                    if tabs.isTabVisible(i)), default=0)
        if last > tabs.width() + SLACK_PX:
            yield Cut(f"{describe(tabs)} tabs", ", ".join(
                tabs.tabText(i) for i in range(tabs.count()) if tabs.tabRect(i).right() >
                tabs.width()), (last, tabs.height()), (tabs.width(), tabs.height()))


def _tab_cuts(window: QWidget) -> Iterator[Cut]:
    for tabs in _in_window(window, QTabBar):
        metrics = QFontMetrics(tabs.font())
        for i in range(tabs.count()):
            text = _button_text(tabs.tabText(i))
            if not text or not tabs.isTabVisible(i):
                continue
            rect = tabs.tabRect(i)
            need = metrics.horizontalAdvance(text)
            if need > rect.width() + SLACK_PX:
                yield Cut(f"{describe(tabs)} tab {i}", text, (need, metrics.height()),
                          (rect.width(), rect.height()))


def _covered_cuts(window: QWidget) -> Iterator[Cut]:
    """A text widget that a sibling lies over (a layout squeezed below its minimum overlaps
    its items): the covered part of the text cannot be read."""
    for widget in _in_window(window, QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not _text_of(widget):
            continue
        parent = widget.parentWidget()
        if parent is None:
            continue
        for sibling in parent.children():
            if sibling is widget or not isinstance(sibling, QWidget) or \
                    not sibling.isVisible() or sibling.isWindow():
                continue
            overlap = widget.geometry().intersected(sibling.geometry())
            # only an overlap that reaches the (centred) text hides some of it
            text_h = QFontMetrics(widget.font()).height() * (_text_of(widget).count("\n") + 1)
            margin = max(0, (widget.height() - text_h) // 2)
            if overlap.width() > SLACK_PX and overlap.height() > margin + SLACK_PX and \
                    isinstance(sibling, (QLabel, QAbstractButton)) and _text_of(sibling):
                yield Cut(f"{describe(widget)} under {describe(sibling)}", _text_of(widget),
                          (widget.width(), widget.height()),
                          (widget.width(), widget.height() - overlap.height()))


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return plain(widget.text()) if widget.pixmap() is None or widget.pixmap().isNull() \
            else ""
    if isinstance(widget, QAbstractButton):
        return _button_text(widget.text())
    return ""


def clipped(window: QWidget) -> list[Cut]:
    """Every text in ``window`` that its widget shows cut or elided."""
    cuts: list[Cut] = []
    for label in _in_window(window, QLabel):
        if label.text() and (cut := _label_cut(label)) is not None:
            cuts.append(cut)
    for button in _in_window(window, QAbstractButton):
        if button.text() and (cut := _button_cut(button)) is not None:
            cuts.append(cut)
    cuts += _header_cuts(window)
    cuts += _cell_cuts(window)
    cuts += _tab_cuts(window)
    cuts += _overflow_cuts(window)
    cuts += _covered_cuts(window)
    return cuts


# -- text our code paints -------------------------------------------------------------------
class PaintedText:
    """Records ``QPainter.drawText`` and ``QFontMetrics.elidedText`` calls made from Python.

    Use as a context manager; ``take()`` returns (and forgets) what was drawn and elided since
    the last call, so each screen gets what it painted.
    """

    def __init__(self) -> None:
        self.drawn: set[str] = set()
        self.elided: set[tuple[str, str]] = set()

    def __enter__(self) -> PaintedText:
        self._draw, self._elide = QPainter.drawText, QFontMetrics.elidedText
        draw, elide = self._draw, self._elide
        recorder = self

        def draw_text(painter, *args):
            # a printer or PDF page is a document, not the screen (the cash-up slip's labels
            # are English by design, see kiosk.tickets.cashup_slip)
            if not isinstance(painter.device(), QPagedPaintDevice):
                for arg in args:
                    if isinstance(arg, str):
                        recorder.drawn.add(arg)
            return draw(painter, *args)

        def elided_text(metrics, text, *args):
            result = elide(metrics, text, *args)
            if result != text:
                recorder.elided.add((text, result))
            return result

        QPainter.drawText = draw_text
        QFontMetrics.elidedText = elided_text
        return self

    def __exit__(self, *exc) -> None:
        QPainter.drawText = self._draw
        QFontMetrics.elidedText = self._elide

    def take(self) -> tuple[set[str], set[tuple[str, str]]]:
        drawn, elided = self.drawn, self.elided
        self.drawn, self.elided = set(), set()
        return drawn, elided


# -- is it English --------------------------------------------------------------------------
_SKIP = re.compile(
    r"\S+@\S+"  # e-mail addresses
    r"|https?://\S+"
    r"|(?<![\w/])(?:[A-Za-z]:)?[/\\][\w.-]+(?:[/\\][\w.-]+)+"  # a file's path: /tmp/x/slip.pdf
    r"|(?<!\w)\.[a-z]{2,}\b"  # a domain ending on a keyboard key: ".com"
    r"|\b[\w-]*\d[\w-]*\b"  # anything with a digit: seat codes, references, ids, "2h"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def english_words(text: str, allowed: frozenset[str]) -> list[str]:
    """The English words in ``text``: two letters or more, not an acronym (INR, UPI, QR), not
    part of a proper name in ``allowed`` (lower case)."""
    words = []
    for word in _WORD.findall(_SKIP.sub(" ", text)):
        if len(word) < 2 or word.isupper() or word.lower().rstrip("'’s") in allowed or \
                word.lower() in allowed:
            continue
        words.append(word)
    return words


def name_words(*names: str) -> frozenset[str]:
    """The words of proper names, lower case, for ``english_words``' allow-list."""
    return frozenset(w.lower() for name in names for w in _WORD.findall(name))

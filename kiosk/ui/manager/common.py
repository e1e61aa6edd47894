"""Pieces every manager screen shares: a sortable table over plain rows, CSV export, safe calls.

Screens hold no business rules: they call services through the bridge (so calls are serialised
with the worker thread) and show refusals in a banner in the counter person's own words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import csv_safe
from kiosk.domain.errors import KioskError
from kiosk.domain.money import format_money
from kiosk.ui import dates, names
from kiosk.ui.manager.context import ManagerContext
from kiosk.ui.pages import Page
from kiosk.ui.widgets.banner import MessageBanner
from kiosk.ui.widgets.head import HeadLayout

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TONES = {"bad": "#b3261e", "good": "#19703a", "warn": "#a14400"}  # the stylesheet's own colours
TONES_HC = {"bad": "#ff6b6b", "good": "#00ff66", "warn": "#ffff00"}
FIT_SAMPLE_ROWS = 40  # rows measured when sizing columns, so a 10,000-row table sizes at once
WRAP_MAX_ROWS = 400  # up to this many rows grow to show wrapped cells; longer tables elide


@dataclass(frozen=True)
class Col:
    """One table column: ``kind`` is text | int | id | money | percent | datetime | daytime |
    time | zoned | bool | tender | role | show_state.

    A ``datetime``, ``daytime``, ``time`` or ``zoned`` value is given in its cinema's zone
    (aware): it shows that clock and sorts by the real instant, so shows of cinemas in two zones
    sort in the order they start; ``zoned`` adds the zone's offset ("11:00 UTC+05:30") where
    zones are mixed, and ``daytime`` leaves out the year (a narrow column).

    An ``id`` below zero is another device's row pulled with the business day (not decidable
    here), so it shows as a dash rather than a number that means nothing on this device.
    """

    key: str
    title: str
    kind: str = "text"


def high_contrast() -> bool:
    from kiosk.ui.theme import ThemeManager

    manager = ThemeManager.instance()
    return bool(manager and manager.high_contrast)


_DATA_WORDS: dict[str, Callable[[str], str]] = {
    "tender": names.tender_name, "role": names.role_name, "show_state": names.show_state_name,
}


def display(value: Any, kind: str, currency: str = "") -> str:
    if value is None:
        return ""
    if kind == "money":
        return format_money(int(value), currency or "INR")
    if kind == "int":
        return f"{int(value):,}"
    if kind == "id":  # a negative id is another device's row, pulled with the day: not ours
        return str(int(value)) if int(value) >= 0 else "—"
    if kind == "percent":
        return f"{float(value):.1f} %"
    if kind == "datetime" and isinstance(value, datetime):
        return dates.date_time_text(value)  # the caller gives it in the cinema's zone
    if kind == "daytime" and isinstance(value, datetime):  # a narrow column: no year
        return dates.day_time_text(value)
    if kind == "time" and isinstance(value, datetime):
        return dates.time_text(value)
    if kind == "zoned" and isinstance(value, datetime):  # beside times of other zones
        return dates.zoned_time_text(value)
    if kind in _DATA_WORDS:  # a stored key, shown in the screen's language (exported as is)
        return _DATA_WORDS[kind](str(value))
    if kind == "bool":
        return (QCoreApplication.translate("RowsModel", "yes") if value
                else QCoreApplication.translate("RowsModel", "no"))
    return str(value)


def csv_value(value: Any, kind: str) -> Any:
    """Numbers a spreadsheet can sum: money as a decimal in major units, times as ISO."""
    if value is None:
        return ""
    if kind == "money":
        sign = "-" if int(value) < 0 else ""
        units, minor = divmod(abs(int(value)), 100)
        return f"{sign}{units}.{minor:02d}"
    if kind == "percent":
        return f"{float(value):.2f}"
    if kind == "bool":
        return "yes" if value else "no"
    if kind == "id" and int(value) < 0:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _sort_key(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, bool):
        return int(value)
    return value


def two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle ("Offline seats\nunsold")."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(len(text) - 2 * i))
    return f"{text[:cut]}\n{text[cut + 1:]}"


class RowsModel(QAbstractTableModel):
    """A read-only table over ``rows`` (tuples of raw values in ``columns`` order).

    Display text is formatted per column kind; ``SORT_ROLE`` returns the raw value so money and
    counts sort as numbers, not as text. ``payload(row)`` keeps the object a row came from.
    """

    def __init__(self, columns: Sequence[Col], parent: QObject | None = None, currency_key: str = "currency",
                 context: str = ""):
        super().__init__(parent)
        self.currency_key = currency_key
        self.context = context  # the screen's translation context: titles shown in its language
        self.columns: list[Col] = []
        self._currency_index: int | None = None
        self.set_columns(columns)
        self.rows: list[tuple] = []
        self.payloads: list[Any] = []
        self.default_currency = ""
        self.highlight: Callable[[int], str | None] | None = None  # row -> "bad" | "good" | None
        self.wrap_titles = False

    def set_columns(self, columns: Sequence[Col]) -> None:
        """Replace the columns (takes effect with the next ``set_rows``, which resets the view).

        With a ``context``, titles are marked with QT_TRANSLATE_NOOP under it and shown (and
        exported) translated."""
        self.columns = [Col(c.key, QCoreApplication.translate(self.context, c.title), c.kind)
                        for c in columns] if self.context else list(columns)
        self._currency_index = next(
            (i for i, c in enumerate(self.columns) if c.key == self.currency_key), None)

    def set_rows(self, rows: Sequence[Sequence[Any]], payloads: Sequence[Any] | None = None) -> None:
        self.beginResetModel()
        self.rows = [tuple(r) for r in rows]
        self.payloads = list(payloads) if payloads is not None else [None] * len(self.rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            title = self.columns[section].title
            return two_lines(title) if self.wrap_titles else title
        return None

    def set_wrap_titles(self, on: bool) -> None:
        """Column titles on two lines, for a table too narrow for them on one."""
        if on != self.wrap_titles:
            self.wrap_titles = on
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                        max(0, len(self.columns) - 1))

    def currency(self, row: int) -> str:
        if self._currency_index is not None:
            return str(self.rows[row][self._currency_index] or self.default_currency)
        return self.default_currency

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(value, col.kind, self.currency(index.row()))
        if role == SORT_ROLE:
            return _sort_key(value)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > 40:
            return value  # the whole text of a cell the column cuts short
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in ("int", "id", "money", "percent"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.highlight is not None:
            tone = self.highlight(index.row())
            if tone:
                from PySide6.QtGui import QColor

                return QColor((TONES_HC if high_contrast() else TONES)[tone])
        return None

    def payload(self, row: int) -> Any:
        return self.payloads[row]

    def write_csv(self, path: Path | str, order: Sequence[int] | None = None) -> None:
        """Write the rows (all, or the source rows ``order`` lists) with a header line."""
        from kiosk.store.files import write_atomically

        rows = self.rows if order is None else [self.rows[i] for i in order]

        def write(tmp: Path) -> None:  # whole or not at all: a failed save leaves no half file
            with open(tmp, "w", newline="", encoding="utf-8") as fh:
                writer = csv_safe.writer(fh)
                writer.writerow([c.title for c in self.columns])
                for row in rows:
                    writer.writerow([csv_value(v, c.kind)
                                     for v, c in zip(row, self.columns, strict=True)])

        write_atomically(path, write)


class SortedTable(QTableView):
    """A QTableView over a RowsModel through a QSortFilterProxyModel (click a header to sort)."""

    def __init__(self, model: RowsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(40)
        self.verticalHeader().setMinimumSectionSize(40)  # wrapped rows grow, none shrink
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        self.wrap_first: set[int] = set()  # columns that wrap before the others give up width
        model.modelReset.connect(self._fit)

    @Slot()
    def _fit(self) -> None:
        """Size columns to their contents, once the table is actually on screen.

        Every column gets its header's width at least (a header is never cut). When the
        contents' widths do not fit the table, the room left is shared among the columns that
        want more, in proportion, and their cells wrap onto more lines (rows grow to show them)
        rather than hide the last columns past the right edge or end in "…".
        """
        if self.isVisible():  # a hidden one is fitted when shown
            self.fit_columns()

    def fit_columns(self) -> None:
        """Size every column to its header and its first rows' text now."""
        header = self.horizontalHeader()
        cell_metrics = self.fontMetrics()
        head_metrics = header.fontMetrics()
        model = self.source
        sample = range(min(model.rowCount(), FIT_SAMPLE_ROWS))
        titles: dict[int, tuple[int, int]] = {}  # one line, two lines
        content: dict[int, tuple[int, int]] = {}  # every sampled cell on one line, longest word
        fixed = 0
        for col, column in enumerate(model.columns):
            if header.isSectionHidden(col):
                continue
            if header.sectionResizeMode(col) != QHeaderView.ResizeMode.Interactive:
                fixed += header.sectionSize(col)
                continue
            one, two = (  # + the sort arrow
                max(head_metrics.horizontalAdvance(line) for line in title.split("\n")) + 28
                for title in (column.title, two_lines(column.title)))
            titles[col] = (one, two)
            texts = [str(model.data(model.index(row, col)) or "") for row in sample]
            content[col] = (max((cell_metrics.horizontalAdvance(t) for t in texts), default=0) + 16,
                            max((cell_metrics.horizontalAdvance(w) for t in texts
                                 for w in t.split()), default=0) + 16)
        room = self.viewport().width() - fixed
        if not self.verticalScrollBar().isVisible():  # wrapped rows may yet bring it
            room -= self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        room -= 2  # the grid lines
        # the least a column may have (its title, its longest word) and what it wants
        heads = {col: max(titles[col][0], content[col][1]) for col in titles}
        wants = {col: max(titles[col][0], content[col][0]) for col in titles}
        wrap_titles = sum(wants.values()) > room and sum(heads.values()) > room
        model.set_wrap_titles(wrap_titles)
        if wrap_titles:  # even one line per title is too wide: titles take two lines
            heads = {col: max(titles[col][1], content[col][1]) for col in titles}
            wants = {col: max(titles[col][1], content[col][0]) for col in titles}
        widths = dict(wants)
        first = {col for col in self.wrap_first if col in wants}
        rest = sum(wants[col] for col in wants if col not in first)
        if first and sum(wants.values()) > room and \
                rest + sum(heads[col] for col in first) <= room:
            # the long texts (film, seats, reason) wrap; the short ones keep their width
            spare = room - rest - sum(heads[col] for col in first)
            extra = {col: wants[col] - heads[col] for col in first}
            total = sum(extra.values()) or 1
            widths.update({col: heads[col] + extra[col] * spare // total for col in first})
        elif sum(wants.values()) > room and sum(heads.values()) <= room:
            spare = room - sum(heads.values())
            extra = {col: wants[col] - heads[col] for col in wants}
            total = sum(extra.values()) or 1
            widths = {col: heads[col] + extra[col] * spare // total for col in wants}
        elif sum(wants.values()) > room:  # nothing fits: each column at its least
            widths = dict(heads)
        if first and sum(widths.values()) < room:  # room to spare: the long texts take it
            spare = room - sum(widths.values())
            for n, col in enumerate(sorted(first)):
                widths[col] += spare // len(first) + (1 if n < spare % len(first) else 0)
        for col, width in widths.items():
            self.setColumnWidth(col, width)
        if widths != wants:  # squeezed: cells wrap, rows grow (a page may have set wrapping)
            self.setWordWrap(True)
            if model.rowCount() <= WRAP_MAX_ROWS:
                self.resizeRowsToContents()
            else:  # too many to measure: every row as tall as the tallest of the first ones
                tallest = max((self.sizeHintForRow(row) for row in sample), default=0)
                self.verticalHeader().setDefaultSectionSize(max(40, tallest))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt
        super().showEvent(event)
        self._fit()  # rows or a width that came while it was hidden (another tab or page)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()  # large text or another theme: the same columns want other widths

    def selected_payload(self) -> Any:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        return self.source.payload(self.proxy.mapToSource(rows[0]).row())

    def selected_source_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self.proxy.mapToSource(rows[0]).row() if rows else None

    def visible_order(self) -> list[int]:
        """Source rows in the order (and filter) the table shows them."""
        return [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount())]

    def visible_column(self, key: str) -> list[Any]:
        """Raw values of one column in the order the table shows them (tests, exports)."""
        col = [c.key for c in self.source.columns].index(key)
        return [self.proxy.data(self.proxy.index(r, col), SORT_ROLE) for r in range(self.proxy.rowCount())]


def ask_save_path(parent: QWidget, title: str, suggested: str, pattern: str) -> Path | None:
    """A save dialog; tests replace this module attribute to avoid a modal dialog."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
    return Path(path) if path else None


def ask_open_path(parent: QWidget, title: str, pattern: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", pattern)
    return Path(path) if path else None


class ManagerScreen(Page):
    """Base of a manager page: a title, a message banner, and ``call`` that turns refusals into
    banner messages instead of tracebacks.

    Signals:
        exported(str): the path of a file just written (tests and the status bar).
    """

    title = "Screen"
    exported = Signal(str)
    # every page class by its ``name``, once its module is imported (``window.build_page``)
    screens: ClassVar[dict[str, type[ManagerScreen]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.name:
            ManagerScreen.screens[str(cls.name)] = cls

    def __init__(self, ctx: ManagerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(20, 16, 20, 16)
        self.outer.setSpacing(10)
        head = HeadLayout()
        # ``title`` is marked QT_TRANSLATE_NOOP under the screen's class name
        self.heading = QLabel(QCoreApplication.translate(type(self).__name__, self.title), self)
        self.heading.setProperty("role", "title")
        self.heading.setWordWrap(True)
        head.addWidget(self.heading)
        # the tools wrap beneath the title when they do not fit beside it (large text, hi, te)
        self.toolbar = head
        self.outer.addLayout(head)
        self.banner = MessageBanner(self)
        self.outer.addWidget(self.banner)
        self._loaded = False

    @property
    def actor(self):
        return self.ctx.actor

    def call(self, fn: Callable[..., Any], *args: Any, ok: str = "", **kwargs: Any) -> Any:
        """Run a quick service call; a refusal shows in the banner and returns None."""
        try:
            result = self.ctx.bridge.call(fn, *args, **kwargs)
        except KioskError as err:
            self.banner.error(str(err))
            return None
        if ok:
            self.banner.show_message(ok, "ok")
        return result

    def attempt(self, fn: Callable[..., Any], *args: Any, ok: str = "", **kwargs: Any) -> bool:
        """Run an action; True when it went through (its result may legitimately be None)."""
        try:
            self.ctx.bridge.call(fn, *args, **kwargs)
        except KioskError as err:
            self.banner.error(str(err))
            return False
        if ok:
            self.banner.show_message(ok, "ok")
        return True

    def submit(self, fn: Callable[..., Any], *args: Any, ok: str = "",
               on_done: Callable[[Any], None] | None = None, **kwargs: Any):
        """Run a slow call (bcrypt) on the worker thread; same banner handling."""
        def done(result):
            if ok:
                self.banner.show_message(ok, "ok")
            if on_done is not None:
                on_done(result)

        def failed(err):
            self.banner.error(str(err) if isinstance(err, KioskError) else
                              self.tr("That did not work; nothing was changed. Please try again."))

        return self.ctx.bridge.submit(fn, *args, on_done=done, on_error=failed, **kwargs)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def refresh(self) -> None:
        """Re-read what the screen shows."""

    def back(self) -> None:
        """Esc: nothing (the side bar is the way between pages)."""

    def export_csv(self, source: RowsModel | SortedTable, name: str) -> Path | None:
        """Save a table as CSV: a view's rows as shown (sorted, filtered), or a model's rows."""
        from kiosk.ui.manager import common

        if isinstance(source, SortedTable):
            model, order = source.source, source.visible_order()
        else:
            model, order = source, None
        path = common.ask_save_path(self, self.tr("Export CSV"), f"{name}.csv",
                                    self.tr("CSV files (*.csv)"))
        if path is None:
            return None
        try:
            model.write_csv(path, order)
        except OSError as err:
            self.banner.error(self.tr("Could not write %1: %2.").replace("%1", path.name)
                              .replace("%2", str(err.strerror or err)))
            return None
        except KioskError as err:  # a folder, a device, a missing folder, a full disk
            self.banner.error(str(err))
            return None
        self.banner.show_message(self.tr("Saved %1.").replace("%1", path.name), "ok")
        self.exported.emit(str(path))
        return path


def card(parent: QWidget | None = None) -> QFrame:
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    return frame


class VerticalScroll(QScrollArea):
    """A frameless scroll area that scrolls up and down only: never narrower than what it
    holds, so a form taller than the page in large text scrolls instead of squeezing its
    rows over one another, and nothing is cut at its right edge."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(widget)

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt
        inner = self.widget().minimumSizeHint() if self.widget() else QSize()
        return QSize(inner.width() + self._bar() + 2, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt
        inner = self.widget().sizeHint() if self.widget() else QSize()
        return QSize(inner.width() + self._bar() + 2, super().sizeHint().height())


def scrolled(widget: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``widget`` in a ``VerticalScroll``."""
    return VerticalScroll(widget, parent)


def button(text: str, parent: QWidget | None = None, role: str = "",
           slot: Callable[[], Any] | None = None, name: str = "") -> QPushButton:
    btn = QPushButton(text, parent)
    if role:
        btn.setProperty("role", role)
    if name:
        btn.setObjectName(name)
    if slot is not None:
        btn.clicked.connect(lambda _checked=False: slot())
    btn.setMinimumHeight(48)
    return btn


def muted(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    return label


def fit_columns(table: SortedTable, wrapped: set[int], hidden: frozenset[int] | set[int] = frozenset(),
                rows_fit: bool = True) -> None:
    """Columns sized to their contents by the table's own fitter, the ``wrapped`` ones giving
    up width first and wrapping their words (rows grow to fit), so no column is cut or scrolled
    out of sight at 1366 x 768, large text included (issue 14 defect 3); ``hidden`` ones stay
    in the model (searched, exported). With ``rows_fit`` False (a long table) the rows are not
    measured one by one on every change: the fitter sizes them when it squeezes a column."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for col in range(table.source.columnCount()):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        table.setColumnHidden(col, col in hidden)
    table.wrap_first = set(wrapped)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    if rows_fit:
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table._fit()

"""A table model over ``ShowSummary`` rows for the show finder (and any other show list)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from kiosk.domain.money import format_money
from kiosk.services.models import ShowSummary
from kiosk.ui.dates import day_text, time_text
from kiosk.ui.names import language_name

SHOW_ROLE = Qt.ItemDataRole.UserRole + 1


def local_start_text(show: ShowSummary, now_utc: datetime | None) -> str:
    """``Today 18:30``, ``Tomorrow 09:15`` or ``Fri 28 Nov 21:00`` in the cinema's own zone."""
    start = show.local_start
    clock = time_text(start)
    if now_utc is not None:
        today = now_utc.astimezone(ZoneInfo(show.timezone)).date()
        days = (start.date() - today).days
        if days == 0:
            return QCoreApplication.translate("ShowTableModel", "Today %1").replace("%1", clock)
        if days == 1:
            return QCoreApplication.translate("ShowTableModel", "Tomorrow %1").replace("%1",
                                                                                      clock)
    return f"{day_text(start)} {clock}"


class ShowTableModel(QAbstractTableModel):
    COLUMNS = ("film", "certificate", "language", "cinema", "hall", "starts", "seats_left", "from")

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[ShowSummary] = []
        self._now: datetime | None = None

    def headers(self) -> list[str]:
        return [self.tr("Film"), self.tr("Cert"), self.tr("Language"), self.tr("Cinema"),
                self.tr("Hall"), self.tr("Starts"), self.tr("Seats left"), self.tr("From")]

    def set_shows(self, shows: list[ShowSummary], now_utc: datetime | None = None) -> None:
        self.beginResetModel()
        self._rows = list(shows)
        self._now = now_utc
        self.endResetModel()

    def show_at(self, row: int) -> ShowSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def shows(self) -> list[ShowSummary]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        show = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == SHOW_ROLE:
            return show
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(show, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("seats_left", "from"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "film":
            return f"{show.film_title} · {', '.join(show.genres)} · {show.runtime_min} min"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(show, column)
        return None

    def _display(self, show: ShowSummary, column: str) -> str:
        if column == "film":
            return show.film_title
        if column == "certificate":
            return show.certificate
        if column == "language":
            return language_name(show.language)
        if column == "cinema":
            return f"{show.cinema_name}, {show.city}"
        if column == "hall":
            return show.hall_name
        if column == "starts":
            return local_start_text(show, self._now)
        if column == "seats_left":
            if show.seats_left <= 0:
                return self.tr("Sold out")
            return f"{show.seats_left} / {show.seats_total}"
        return format_money(show.from_price_minor, show.currency)

"""The legend under the seat map: each entry is drawn by the map's own ``paint_seat``."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from kiosk.domain.money import format_money
from kiosk.services.models import SeatStatus
from kiosk.ui.seatmap.painting import paint_seat
from kiosk.ui.seatmap.palette import NORMAL, SeatPalette

SWATCH_PX = 40


class SeatSwatch(QWidget):
    """One seat drawn exactly as the map draws it."""

    def __init__(self, seat_type: str, status: SeatStatus, number: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.seat_type = seat_type
        self.status = status
        self.number = number
        self.palette_used: SeatPalette = NORMAL
        self.setFixedSize(SWATCH_PX, SWATCH_PX)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(SWATCH_PX, SWATCH_PX)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), self.palette_used.background)
        paint_seat(painter, QRectF(0, 0, SWATCH_PX, SWATCH_PX), self.seat_type, self.status,
                   self.palette_used, self.number)
        painter.end()


class LegendEntry(QWidget):
    def __init__(self, key: str, swatch: SeatSwatch, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.swatch = swatch
        self.base_text = text
        self.label = QLabel(text)
        self.label.setWordWrap(True)  # big-text themes wrap instead of cutting prices off
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 8, 2)
        row.setSpacing(6)
        row.addWidget(swatch)
        row.addWidget(self.label, 1)
        self.setMinimumHeight(48)
        self.setAccessibleName(text)

    def set_price(self, text: str | None) -> None:
        full = f"{self.base_text} {text}" if text else self.base_text
        self.label.setText(full)
        self.setAccessibleName(full)


class SeatLegend(QWidget):
    """Statuses (always: free, selected, held elsewhere, sold; reserved-here and not-available
    when they occur) and the non-standard seat types present in the hall, with adult prices
    (the "Free" entry is a standard seat and carries the standard price)."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Seat map legend"))
        specs = [
            ("status:free", "standard", SeatStatus.FREE, 7, self.tr("Free")),
            ("status:held_by_me", "standard", SeatStatus.HELD_BY_ME, None, self.tr("Selected")),
            ("status:held", "standard", SeatStatus.HELD, None, self.tr("Held elsewhere")),
            ("status:sold", "standard", SeatStatus.SOLD, None, self.tr("Sold")),
            ("status:allocated_here", "standard", SeatStatus.ALLOCATED_HERE, 7,
             self.tr("Reserved for this kiosk")),
            ("status:blocked", "standard", SeatStatus.BLOCKED, None, self.tr("Not available")),
            ("type:premium", "premium", SeatStatus.FREE, 7, self.tr("Premium")),
            ("type:recliner", "recliner", SeatStatus.FREE, 7, self.tr("Recliner")),
            ("type:wheelchair", "wheelchair", SeatStatus.FREE, None, self.tr("Wheelchair space")),
            ("type:companion", "companion", SeatStatus.FREE, None, self.tr("Companion seat")),
        ]
        self.entries: dict[str, LegendEntry] = {}
        for key, seat_type, status, number, text in specs:
            self.entries[key] = LegendEntry(key, SeatSwatch(seat_type, status, number), text, self)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(8, 4, 8, 4)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(0)
        self._shown: list[str] = []
        self.set_content(set(), set())

    def set_content(self, seat_types: set[str], extra_statuses: set[SeatStatus]) -> None:
        """Show the four common statuses, the given rarer ones, and the hall's seat types."""
        keys = ["status:free", "status:held_by_me", "status:held", "status:sold"]
        for status in (SeatStatus.ALLOCATED_HERE, SeatStatus.BLOCKED):
            if status in extra_statuses:
                keys.append(f"status:{status.value}")
        keys += [f"type:{t}" for t in ("premium", "recliner", "wheelchair", "companion")
                 if t in seat_types]
        if keys == self._shown:
            return
        self._shown = keys
        for entry in self.entries.values():
            self._grid.removeWidget(entry)
            entry.hide()
        for n, key in enumerate(keys):
            entry = self.entries[key]
            self._grid.addWidget(entry, n // self.COLUMNS, n % self.COLUMNS)
            entry.show()

    def shown_keys(self) -> list[str]:
        return list(self._shown)

    def set_prices(self, prices: dict[tuple[str, str], int], currency: str) -> None:
        for key, entry in self.entries.items():
            seat_type = key[5:] if key.startswith("type:") else "standard" if key == "status:free" else None
            if seat_type is not None:
                amount = prices.get((seat_type, "adult"))
                entry.set_price(format_money(amount, currency) if amount is not None else None)

    def set_palette(self, palette: SeatPalette) -> None:
        for entry in self.entries.values():
            entry.swatch.palette_used = palette
            entry.swatch.update()


__all__ = ["SeatLegend", "SeatSwatch"]

"""A plain button-grid seat picker, used only when ``kiosk.ui.seatmap.SeatMapPanel`` is absent.

It speaks the same signals and methods as the real panel (``seatTapped``, ``unavailableTapped``,
``bestRequested``; ``set_statuses``, ``update_statuses``, ``set_prices``, ``fit_to_view``,
``set_palette``) so the counter keeps working in a partial build. Fine for small halls only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.layout import HallLayout
from kiosk.services.models import SeatStatus

_COLOURS = {
    False: {SeatStatus.FREE: "#ffffff", SeatStatus.ALLOCATED_HERE: "#e6f4ea",
            SeatStatus.HELD_BY_ME: "#1f5fbf", SeatStatus.HELD: "#f2c14e",
            SeatStatus.SOLD: "#8a9099", SeatStatus.BLOCKED: "#c9ccd1"},
    True: {SeatStatus.FREE: "#000000", SeatStatus.ALLOCATED_HERE: "#003300",
           SeatStatus.HELD_BY_ME: "#ffff00", SeatStatus.HELD: "#ff9900",
           SeatStatus.SOLD: "#555555", SeatStatus.BLOCKED: "#333333"},
}
SELECTABLE = {SeatStatus.FREE, SeatStatus.ALLOCATED_HERE, SeatStatus.HELD_BY_ME}


class FallbackSeatPanel(QWidget):
    seatTapped = Signal(str)
    unavailableTapped = Signal(str)
    bestRequested = Signal(int, bool)

    def __init__(self, layout: HallLayout, parent: QWidget | None = None):
        super().__init__(parent)
        self.layout_ = layout
        self.statuses: dict[str, SeatStatus] = dict.fromkeys(layout.seats, SeatStatus.FREE)
        self.high_contrast = False
        self.buttons: dict[str, QPushButton] = {}
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setSpacing(4)
        for seat in layout.seats.values():
            button = QPushButton(seat.code, grid_host)
            button.setObjectName(f"seat_{seat.code}")
            button.setFixedSize(48, 48)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _c=False, code=seat.code: self._tap(code))
            grid.addWidget(button, seat.row_index, seat.column)
            self.buttons[seat.code] = button
        scroll = QScrollArea(self)
        scroll.setWidget(grid_host)
        scroll.setWidgetResizable(True)
        self.count = QSpinBox(self)
        self.count.setRange(1, 10)
        self.count.setValue(2)
        self.accessible = QCheckBox(self.tr("Wheelchair"), self)
        best = QPushButton(self.tr("Best seats"), self)
        best.clicked.connect(lambda: self.bestRequested.emit(self.count.value(),
                                                             self.accessible.isChecked()))
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Seats together"), self))
        controls.addWidget(self.count)
        controls.addWidget(self.accessible)
        controls.addWidget(best)
        controls.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(scroll, 1)
        box.addLayout(controls)
        self._paint_all()

    def _tap(self, code: str) -> None:
        if self.statuses.get(code) in SELECTABLE:
            self.seatTapped.emit(code)
        else:
            self.unavailableTapped.emit(code)

    def set_statuses(self, statuses: dict[str, SeatStatus]) -> None:
        self.statuses = dict.fromkeys(self.layout_.seats, SeatStatus.FREE)
        self.update_statuses(statuses)

    def update_statuses(self, statuses: dict[str, SeatStatus]) -> None:
        for code, status in statuses.items():
            if code in self.statuses:
                self.statuses[code] = SeatStatus(status)
                self._paint(code)

    def set_prices(self, prices, currency: str = "") -> None:  # the real panel has a legend
        return None

    def fit_to_view(self) -> None:
        return None

    def set_palette(self, high_contrast: bool) -> None:
        self.high_contrast = bool(high_contrast)
        self._paint_all()

    def _paint_all(self) -> None:
        for code in self.buttons:
            self._paint(code)

    def _paint(self, code: str) -> None:
        status = self.statuses[code]
        colour = _COLOURS[self.high_contrast][status]
        dark = status in (SeatStatus.HELD_BY_ME, SeatStatus.SOLD) != self.high_contrast
        text = "#ffffff" if dark else "#000000"
        if self.high_contrast and status is SeatStatus.FREE:
            text = "#ffffff"
        self.buttons[code].setStyleSheet(
            f"background:{colour}; color:{text}; min-width:0; padding:0; font-size:12px;")
        self.buttons[code].setAccessibleName(f"{code} {status.value}")

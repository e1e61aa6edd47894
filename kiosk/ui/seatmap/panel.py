"""``SeatMapPanel``: the seat map with its zoom buttons, legend, seat info line and the
"Best N together" control. Still no rules: it forwards taps and requests to the screen.

With ``touch=True`` (self-service) a hall too big to show whole at touch size is picked block
by block: the fitted hall shows its blocks, a tap zooms to one at full size, "Whole hall" goes
back (see ``SeatMapView.set_touch_sections``); the "Best N" control is then stacked in three
rows for the screen to place beside the map, leaving the map the panel's whole height."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.layout import HallLayout
from kiosk.services.models import SeatStatus
from kiosk.ui.seatmap.legend import SeatLegend
from kiosk.ui.seatmap.view import SeatMapView
from kiosk.ui.widgets.flow import FlowLayout

TOUCH_PX = 48
RARE_STATUSES = frozenset({SeatStatus.ALLOCATED_HERE, SeatStatus.BLOCKED})


def _touch_button(text: str, tip: str, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setMinimumSize(TOUCH_PX, TOUCH_PX)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


class BestTogether(QWidget):
    """[−] N [+]  [x] Accessible seats  [Find N seats together]  ->  requested(n, accessible)."""

    requested = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None, maximum: int = 10, stacked: bool = False):
        super().__init__(parent)
        self.minus = _touch_button("\u2212", self.tr("One seat fewer"), self)
        self.count = QSpinBox(self)
        self.count.setRange(1, maximum)
        self.count.setValue(2)
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The 48 px -/+ buttons replace the tiny arrows. Not via NoButtons: under any stylesheet
        # Qt 6.12 then squeezes the number field to 1 px wide; zero-width arrows keep it whole.
        self.count.setStyleSheet("QSpinBox::up-button, QSpinBox::down-button "
                                 "{ width: 0px; border: none; }")
        self.count.setMinimumSize(TOUCH_PX + 24, TOUCH_PX)
        self.count.setAccessibleName(self.tr("Number of seats together"))
        self.plus = _touch_button("+", self.tr("One seat more"), self)
        self.accessible = QCheckBox(self.tr("Accessible seats"), self)
        self.accessible.setMinimumHeight(TOUCH_PX)
        self.accessible.setStyleSheet("QCheckBox::indicator { width: 28px; height: 28px; }")
        self.accessible.setToolTip(self.tr("Wheelchair spaces with companion seats"))
        self.find = QPushButton(self)
        self.find.setMinimumHeight(TOUCH_PX)
        self.find.setMinimumWidth(TOUCH_PX * 3)
        label = QLabel(self.tr("Best"), self)
        label.setBuddy(self.count)
        if stacked:  # a narrow column (the self-service side panel): three rows
            grid = QGridLayout(self)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setSpacing(8)
            for n, widget in enumerate((label, self.minus, self.count, self.plus)):
                grid.addWidget(widget, 0, n)
            grid.addWidget(self.accessible, 1, 0, 1, 4)
            grid.addWidget(self.find, 2, 0, 1, 4)
            grid.setColumnStretch(2, 1)
        else:  # the counter's bar: wraps (the number, the check box, the button) when narrow
            number = QWidget(self)
            row = QHBoxLayout(number)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(6)
            for widget in (label, self.minus, self.count, self.plus):
                row.addWidget(widget)
            flow = FlowLayout(self, spacing=6)
            for widget in (number, self.accessible, self.find):
                flow.addWidget(widget)
        self.minus.clicked.connect(self.count.stepDown)
        self.plus.clicked.connect(self.count.stepUp)
        self.count.valueChanged.connect(self._relabel)
        self.find.clicked.connect(self._emit)
        self._relabel(self.count.value())

    def set_maximum(self, maximum: int) -> None:
        self.count.setMaximum(max(1, maximum))

    @Slot(int)
    def _relabel(self, n: int) -> None:
        self.find.setText(self.tr("Find the best seat") if n == 1
                          else self.tr("Find %1 seats together").replace("%1", str(n)))
        self.minus.setEnabled(n > self.count.minimum())
        self.plus.setEnabled(n < self.count.maximum())

    @Slot()
    def _emit(self) -> None:
        self.requested.emit(self.count.value(), self.accessible.isChecked())


class SeatMapPanel(QWidget):
    """View + controls + legend. The screen connects to the signals and feeds statuses back."""

    bestRequested = Signal(int, bool)  # noqa: N815
    seatTapped = Signal(str)  # noqa: N815
    unavailableTapped = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None, touch: bool = False):
        super().__init__(parent)
        self._types: set[str] = set()  # the seat types of the hall shown
        self.view = SeatMapView(self)
        self.view.set_touch_sections(touch)
        self.legend = SeatLegend(self)
        self._types: set[str] = set()
        self.info = QLabel(self)
        self.info.setMinimumHeight(TOUCH_PX)
        self.info.setWordWrap(True)
        self.info.setAccessibleName(self.tr("Seat details"))
        self.info.setText(self._hint())
        # words beside the signs: "−" and "+" alone say nothing to a first-time customer
        self.zoom_out_button = _touch_button("\u2212  " + self.tr("Zoom out"),
                                             self.tr("Zoom out"), self)
        self.zoom_in_button = _touch_button("+  " + self.tr("Zoom in"), self.tr("Zoom in"), self)
        self.fit_button = _touch_button(self.tr("Whole hall"), self.tr("Show the whole hall"),
                                        self)
        for zoom_button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            zoom_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            zoom_button.setMinimumWidth(TOUCH_PX * 2)
        # touch: the screen places the control (a column beside the map, where it has room)
        self.best = BestTogether(self, stacked=touch)

        # the zoom buttons (and at the counter "Best N"): one line when they fit, more when the
        # words are long (Telugu, large text), never squeezed below their words
        bar = FlowLayout(spacing=6)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(6)
        column.addLayout(bar)
        column.addWidget(self.view, 1)
        if not touch:
            bar.addWidget(self.best)
        column.addWidget(self.info)
        column.addWidget(self.legend)

        self.zoom_in_button.clicked.connect(self.view.zoom_in)
        self.zoom_out_button.clicked.connect(self.view.zoom_out)
        self.fit_button.clicked.connect(self.view.fit_to_view)
        self.best.requested.connect(self.bestRequested)
        self.view.seatTapped.connect(self.seatTapped)
        self.view.unavailableTapped.connect(self.unavailableTapped)
        self.view.seatInspected.connect(self._show_seat)
        self.view.zoomChanged.connect(self._zoom_limits)
        self.view.sectionsShown.connect(self._sections_shown)
        self.setTabOrder(self.zoom_out_button, self.zoom_in_button)
        self.setTabOrder(self.zoom_in_button, self.fit_button)
        self.setTabOrder(self.fit_button, self.view)

    # --- pass-throughs the screen uses -----------------------------------------------------
    def set_layout(self, layout: HallLayout, statuses: Mapping[str, SeatStatus] | None = None) -> None:
        self.view.set_layout(layout, statuses)
        self._types = {str(seat.type) for seat in layout.seats.values()}
        self._refresh_legend(statuses or {})

    def set_statuses(self, statuses: Mapping[str, SeatStatus]) -> None:
        self.view.set_statuses(statuses)
        self._refresh_legend(statuses)

    def update_statuses(self, changes: Mapping[str, SeatStatus]) -> None:
        self.view.update_statuses(changes)
        if any(SeatStatus(s) in RARE_STATUSES for s in changes.values()):
            self._refresh_legend(self.view.statuses())

    def set_prices(self, prices: Mapping[tuple[str, str], int], currency: str) -> None:
        self.view.set_prices(prices, currency)
        self.legend.set_prices(dict(prices), currency)

    @Slot(bool)
    def set_palette(self, high_contrast: bool) -> None:
        self.view.set_palette(high_contrast)
        self.legend.set_palette(self.view.palette_in_use)

    def set_max_together(self, maximum: int) -> None:
        self.best.set_maximum(maximum)

    # --- internals ------------------------------------------------------------------------
    def _refresh_legend(self, statuses: Mapping[str, SeatStatus]) -> None:
        rare = {SeatStatus(s) for s in statuses.values()} & RARE_STATUSES
        self.legend.set_content(self._types, rare)

    def _hint(self) -> str:
        if self.view.sections_visible():
            return self.tr("The hall is big: tap a block of seats to see its seats up close.")
        return self.tr("Tap a seat to select it; tap it again to free it.")

    @Slot(bool)
    def _sections_shown(self, _shown: bool) -> None:
        self.info.setText(self._hint())

    @Slot(str)
    def _show_seat(self, code: str) -> None:
        self.info.setText(self.view.seat_description(code))

    @Slot(float)
    def _zoom_limits(self, scale: float) -> None:
        smallest, largest = self.view.zoom_limits()
        self.zoom_in_button.setEnabled(scale < largest - 1e-6)
        self.zoom_out_button.setEnabled(scale > smallest + 1e-6)

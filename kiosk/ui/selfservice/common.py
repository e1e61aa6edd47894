"""Building blocks every self-service screen shares: header bar, buttons, labels (the chips'
flow layout is ``kiosk.ui.widgets.flow``, shared with the seat map)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.widgets.layouts import empty_layout

TOUCH_MIN = 56  # px; the self-service floor, above the 48 px rule


def label(text: str = "", ss: str = "sub", wrap: bool = False,
          align: Qt.AlignmentFlag | None = None) -> QLabel:
    widget = QLabel(text)
    widget.setProperty("ss", ss)
    widget.setWordWrap(wrap)
    if align is not None:
        widget.setAlignment(align)
    return widget


def button(text: str = "", ss: str = "", role: str = "", checkable: bool = False,
           min_height: int = TOUCH_MIN) -> QPushButton:
    widget = QPushButton(text)
    if ss:
        widget.setProperty("ss", ss)
    if role:
        widget.setProperty("role", role)
    widget.setCheckable(checkable)
    widget.setMinimumHeight(min_height)
    widget.setMinimumWidth(TOUCH_MIN)
    if min_height != TOUCH_MIN:  # a stylesheet min-height would override setMinimumHeight
        widget.setStyleSheet(f"QPushButton {{ min-height: {min_height}px; }}")
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


class Header(QFrame):
    """Top bar: Back, the step's title, the hold countdown and Start again; under them the
    step strip (``kiosk.ui.selfservice.steps``)."""

    backClicked = Signal()
    cancelClicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from kiosk.ui.selfservice.steps import StepIndicator

        self.setProperty("ss", "header")
        self.setMinimumHeight(84)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 10, 16, 8)
        column.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(16)
        column.addLayout(row)
        self.steps = StepIndicator(self)  # where the customer is in the sale (issue 14)
        column.addWidget(self.steps)
        self.back = button(ss="nav")
        self.back.setObjectName("backButton")
        self.back.clicked.connect(self.backClicked)
        # both wrap onto two lines rather than squeeze Back and Start again (large text, Telugu)
        self.title = label("", "title", wrap=True)
        self.countdown = label("", "countdown", wrap=True)
        self.countdown.setObjectName("holdCountdown")
        self.cancel = button(ss="nav")
        self.cancel.setObjectName("cancelButton")
        self.cancel.clicked.connect(self.cancelClicked)
        row.addWidget(self.back)
        row.addWidget(self.title, 1)
        row.addWidget(self.countdown)
        row.addWidget(self.cancel)
        self.retranslate()

    def retranslate(self) -> None:
        self.back.setText("‹  " + self.tr("Back"))
        self.cancel.setText(self.tr("Start again"))
        self.steps.retranslate()

    def set_countdown(self, seconds_left: int | None) -> None:
        if seconds_left is None:
            self.countdown.clear()
            self.countdown.hide()
            return
        minutes, seconds = divmod(max(0, seconds_left), 60)
        self.countdown.setText(self.tr("Seats held for %1").replace("%1", f"{minutes}:{seconds:02d}"))
        self.countdown.show()


def clear_layout(layout: QLayout) -> None:
    """Empty ``layout``, its widgets off screen at once and its items deleted (``empty_layout``)."""
    empty_layout(layout, detach=True)


def expanding(widget: QWidget) -> QWidget:
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return widget


def step_layout(screen: QWidget, body: QBoxLayout, margins: tuple[int, int, int, int],
                spacing: int) -> Header:
    """Lay out a step of the sale: the shared header on top, ``body`` filling the rest.

    The header's Back and Start again are re-emitted as the screen's own ``backRequested`` and
    ``cancelRequested`` signals, which every step screen declares.
    """
    column = QVBoxLayout(screen)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    header = Header(screen)
    header.backClicked.connect(screen.backRequested)
    header.cancelClicked.connect(screen.cancelRequested)
    column.addWidget(header)
    body.setContentsMargins(*margins)
    body.setSpacing(spacing)
    column.addLayout(body, 1)
    return header


def discounts_text(quote) -> str:
    """A quote's offers, one per line: 'Tuesday saver  -₹200.00', then what a voucher gives
    at no charge: 'Free Popcorn (Large)  ₹0.00'."""
    from kiosk.domain.money import format_money

    return "\n".join([f"{d.label}  {format_money(-d.amount_minor, quote.currency)}"
                      for d in quote.discounts]
                     + [f"{label}  {format_money(0, quote.currency)}"
                        for label in quote.free_items])

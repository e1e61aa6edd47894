"""Check the order and confirm: the one tap that takes the payment and books the seats."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.money import format_money
from kiosk.services.models import Quote, ShowSummary
from kiosk.ui.dates import long_text
from kiosk.ui.names import ticket_type_name
from kiosk.ui.page_names import SelfServicePage
from kiosk.ui.selfservice.common import button, clear_layout, discounts_text, label, step_layout
from kiosk.ui.selfservice.screen import SelfServiceScreen


class ReviewScreen(SelfServiceScreen):
    name = SelfServicePage.REVIEW
    confirmRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        body = QVBoxLayout()
        self.header = step_layout(self, body, (60, 24, 60, 24), 16)
        panel = QFrame(self)
        panel.setProperty("ss", "panel")
        self.facts = QGridLayout(panel)
        self.facts.setContentsMargins(28, 24, 28, 24)
        self.facts.setHorizontalSpacing(28)
        self.facts.setVerticalSpacing(12)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop)
        # the facts scroll in their panel when large text or Telugu makes them taller than the
        # screen, instead of squeezing each line below its height
        scroll = QScrollArea(self)
        scroll.setObjectName("reviewScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(panel)
        body.addWidget(scroll, 1)
        self.status = label("", "big", wrap=True)
        self.status.setObjectName("confirmStatus")
        body.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        self.confirm_button = button("", role="primary", min_height=88)
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setMinimumWidth(420)
        self.confirm_button.clicked.connect(self._confirm)
        row.addWidget(self.confirm_button)
        body.addLayout(row)
        self._total = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.title.setText(self.tr("Check and confirm"))
        self._button_text()

    def _button_text(self) -> None:
        self.confirm_button.setText(self.tr("Pay %1 and confirm").replace("%1", self._total))

    def set_order(self, show: ShowSummary, ticket_types: dict[str, str], quote: Quote,
                  last4: str, contact: str, food: str = "") -> None:
        clear_layout(self.facts)
        self._total = format_money(quote.total_minor, quote.currency)
        seats = ", ".join(f"{line.seat_code} ({ticket_type_name(line.ticket_type)})"
                          for line in quote.lines)
        rows = [
            (self.tr("Film"), show.film_title),
            (self.tr("When"), long_text(show.local_start)),
            (self.tr("Where"), f"{show.cinema_name} · {show.hall_name}"),
            (self.tr("Seats"), seats),
            *([(self.tr("Snacks"), food)] if food else []),
            *([(self.tr("Offers"), discounts_text(quote))]
              if quote.discounts or quote.free_items else []),
            (self.tr("Total"), self._total),
            (self.tr("Card"), f"•••• {last4}"),
            (self.tr("Confirmation to"), contact or self.tr("No confirmation message")),
        ]
        for index, (name, value) in enumerate(rows):
            self.facts.addWidget(label(name, "small"), index, 0, Qt.AlignmentFlag.AlignTop)
            self.facts.addWidget(label(value, "big" if name == self.tr("Total") else "sub",
                                       wrap=True), index, 1)
        self.facts.setColumnStretch(1, 1)
        self.set_busy(False)
        self.status.clear()
        self._button_text()

    def set_busy(self, busy: bool) -> None:
        self.confirm_button.setEnabled(not busy)
        self.header.back.setEnabled(not busy)
        self.header.cancel.setEnabled(not busy)
        if busy:
            self.status.setProperty("ss", "big")
            self.status.setText(self.tr("Taking payment… please wait."))

    def show_error(self, message: str) -> None:
        self.status.setProperty("ss", "error")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(message)

    @Slot()
    def _confirm(self) -> None:
        if self.confirm_button.isEnabled():
            self.set_busy(True)
            self.confirmRequested.emit()

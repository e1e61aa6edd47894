"""The finished sale: booking reference, a QR preview of the ticket and a "Print ticket" button."""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.domain.errors import KioskError
from kiosk.domain.money import format_money
from kiosk.services.models import Booking
from kiosk.ui.dates import long_text
from kiosk.ui.page_names import SelfServicePage
from kiosk.ui.selfservice.common import button, label
from kiosk.ui.selfservice.screen import SelfServiceScreen
from kiosk.ui.selfservice.steps import StepIndicator
from kiosk.ui.widgets.qr import QrLabel

QR_SIZE = 260


def qr_payload(booking: Booking) -> str:
    """What the ticket's QR code says: the signed code, exactly what the printed ticket
    carries, so the door and collection accept either."""
    from kiosk.tickets.model import qr_payload as signed

    return signed(booking)


def qr_pixmap(text: str, size: int = QR_SIZE) -> QPixmap:
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=10, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.FastTransformation)


class DoneScreen(SelfServiceScreen):
    name = SelfServicePage.DONE
    printRequested = Signal()
    finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(60, 16, 60, 40)
        column.setSpacing(18)
        self.steps = StepIndicator(self)  # the last step of the strip every step shows
        column.addWidget(self.steps)
        self.thanks = label("", "hero", align=Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.thanks)
        row = QHBoxLayout()
        row.setSpacing(40)
        column.addLayout(row, 1)
        panel = QFrame(self)
        panel.setProperty("ss", "panel")
        info = QVBoxLayout(panel)
        info.setContentsMargins(28, 24, 28, 24)
        info.setSpacing(10)
        self.reference_caption = label("", "small")
        self.reference = label("", "hero")
        self.reference.setObjectName("bookingReference")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = label("", "sub", wrap=True)
        self.contact_note = label("", "small", wrap=True)
        for w in (self.reference_caption, self.reference, self.details, self.contact_note):
            info.addWidget(w)
        info.addStretch(1)
        # a long order in large text or Telugu scrolls inside its panel instead of being cut
        scroll = QScrollArea(self)
        scroll.setObjectName("ticketDetailsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(panel)
        row.addWidget(scroll, 1)
        qr_column = QVBoxLayout()
        self.qr = QrLabel(self)
        self.qr.setObjectName("ticketQr")
        self.qr.setFixedSize(QR_SIZE, QR_SIZE)
        self.qr.setStyleSheet("background: #ffffff; border-radius: 8px;")
        self.qr_caption = label("", "small", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
        self.qr_caption.setFixedWidth(QR_SIZE)
        qr_column.addWidget(self.qr)
        qr_column.addWidget(self.qr_caption)
        qr_column.addStretch(1)
        row.addLayout(qr_column)
        self.print_status = label("", "sub", wrap=True)
        self.print_status.setObjectName("printStatus")
        column.addWidget(self.print_status)
        actions = QHBoxLayout()
        actions.setSpacing(20)
        self.print_button = button("", role="primary", min_height=80)
        self.print_button.setObjectName("printTicket")
        self.print_button.setMinimumWidth(320)
        self.print_button.clicked.connect(self.printRequested)
        self.done_button = button("", min_height=80)
        self.done_button.setObjectName("doneButton")
        self.done_button.setMinimumWidth(240)
        self.done_button.clicked.connect(self.finished)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.done_button)
        actions.addStretch(1)
        column.addLayout(actions)
        self.booking: Booking | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.thanks.setText(self.tr("Enjoy the show!"))
        self.steps.retranslate()
        self.reference_caption.setText(self.tr("Your booking reference"))
        self.qr_caption.setText(self.tr("Show this code at the entrance"))
        self.print_button.setText(self.tr("Print ticket"))
        self.done_button.setText(self.tr("Done"))
        if self.booking is not None:
            self.set_booking(self.booking)

    def set_booking(self, booking: Booking, food=None, collected: bool = False) -> None:
        """``food``: the snacks sold with it (an ``ItemSale``), to collect at the stand;
        ``collected``: booked elsewhere and collected here (no payment or contact to show:
        this screen did not take them, and a contact is not shown to whoever stands here)."""
        self.booking = booking
        show = booking.show
        self.reference.setText(booking.reference)
        seats = ", ".join(line.seat_code for line in booking.lines)
        paid = booking.total_minor + (food.total_minor if food is not None else 0)
        lines = [
            show.film_title,
            f"{long_text(show.local_start)} · {show.cinema_name} · {show.hall_name}",
            self.tr("Seats: %1").replace("%1", seats),
        ]
        if food is not None:
            lines.append(self.tr("Snacks: %1 — collect them at the food counter with %2")
                         .replace("%1", ", ".join(f"{ln.qty} × {ln.label}" for ln in food.lines))
                         .replace("%2", food.reference))
        if not collected:
            lines.append(self.tr("Paid %1 by card •••• %2")
                         .replace("%1", format_money(paid, booking.currency))
                         .replace("%2", booking.card_last4 or "????"))
        if booking.member_phone:  # the loyalty member the customer said they are
            lines.append(self.tr("You earned %1 points.").replace(
                "%1", f"{booking.points_earned:,}"))
        self.details.setText("\n".join(lines))
        self.contact_note.setText(
            self.tr("A confirmation is on its way to %1.").replace("%1", booking.customer_contact)
            if booking.customer_contact and not collected else "")
        try:
            self.qr.setPixmap(qr_pixmap(qr_payload(booking)))
        except KioskError:  # not signed: the printed ticket says why; no QR the door refuses
            self.qr.clear()
        self.print_status.clear()
        self.print_button.setEnabled(True)

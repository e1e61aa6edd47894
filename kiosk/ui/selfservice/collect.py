"""Collect tickets booked on the web or elsewhere (issue 13 point 1), on the touchscreen.

The customer scans the QR from their e-mail or SMS (a scanner types into the focused field), or
types the reference or the phone number used on the on-screen keyboard. The search and the
collection are services (``CollectionService``); this screen only asks and shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.services.models import Booking
from kiosk.ui.dates import day_time_text
from kiosk.ui.onscreen_keyboard import OnScreenKeyboard
from kiosk.ui.page_names import SelfServicePage
from kiosk.ui.selfservice.common import button, clear_layout, label, step_layout
from kiosk.ui.selfservice.screen import SelfServiceScreen

MAX_SHOWN = 3  # bookings offered for one phone number (the newest first)


class CollectScreen(SelfServiceScreen):
    name = SelfServicePage.COLLECT
    findRequested = Signal(str)
    collectRequested = Signal(str, str)  # booking id, proof (what the customer typed)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        body = QVBoxLayout()
        self.header = step_layout(self, body, (40, 12, 40, 12), 10)
        self.intro = label("", "big", wrap=True)
        body.addWidget(self.intro)
        row = QHBoxLayout()
        self.entry = QLineEdit(self)
        self.entry.setProperty("ss", "entry")
        self.entry.setObjectName("collectEntry")
        self.entry.setMaxLength(300)
        self.entry.returnPressed.connect(self.submit)
        self.entry.textEdited.connect(lambda _t: self.set_message(""))
        self.find_button = button("", role="primary", min_height=72)
        self.find_button.setObjectName("collectFind")
        self.find_button.setMinimumWidth(220)
        self.find_button.clicked.connect(self.submit)
        row.addWidget(self.entry, 1)
        row.addWidget(self.find_button)
        body.addLayout(row)
        self.message = label("", "sub", wrap=True)
        self.message.setObjectName("collectMessage")
        body.addWidget(self.message)
        self.results = QVBoxLayout()
        self.results.setSpacing(12)
        body.addLayout(self.results)
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.set_target(self.entry)
        body.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignHCenter)
        body.addStretch(1)
        self.found: list[Booking] = []
        self.searched = ""  # what found them: a QR or a reference proves the booking
        self.pending = ""  # a booking found by phone, waiting for its reference's end
        self.retranslate()

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.title.setText(self.tr("Collect your tickets"))
        self.intro.setText(self.tr("Scan the QR code from your e-mail or SMS, or type your "
                                   "booking reference or the phone number you booked with."))
        self.find_button.setText(self.tr("Find my booking"))
        if self.found:
            self.show_found(self.found)

    def reset(self) -> None:
        self.pending = ""
        self.searched = ""
        self.entry.clear()
        self.set_message("")
        self.show_found([])
        self.entry.setFocus()

    @Slot()
    def submit(self) -> None:
        text = self.entry.text().strip()
        if self.pending and text:  # the reference's last four characters
            self.set_message(self.tr("Printing your tickets…"))
            self.collectRequested.emit(self.pending, text)
            return
        if not text:
            self.set_message(self.tr("Scan your QR code, or type your booking reference or "
                                     "phone number."))
            return
        self.set_message(self.tr("Looking for your booking…"))
        self.searched = text
        self.findRequested.emit(text)

    def ask_proof(self, booking_id: str) -> None:
        """Found by phone: the reference's end (only the customer's message has it)."""
        self.pending = booking_id
        self.entry.clear()
        self.show_found([])
        self.set_message(self.tr("To print your tickets, type the last 4 characters of your "
                                 "booking reference (in your e-mail or SMS), then Find."))
        self.entry.setFocus()

    def set_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("ss", "error" if error else "sub")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    @Slot(list)
    def show_found(self, bookings: list[Booking]) -> None:
        self.found = list(bookings)
        clear_layout(self.results)
        self.keyboard.setVisible(not bookings)
        if bookings:
            self.set_message(self.tr("Is this your booking? Tap it to print your tickets."))
        for booking in bookings[:MAX_SHOWN]:
            show = booking.show
            seats = ", ".join(line.seat_code for line in booking.lines)
            text = (f"{show.film_title}\n{day_time_text(show.local_start)} · {show.hall_name} · "
                    + self.tr("Seats: %1").replace("%1", seats))
            choice = button(text, role="primary", min_height=96)
            choice.setObjectName(f"collect_{booking.reference}")
            choice.clicked.connect(lambda _=False, b=booking: self.collectRequested.emit(
                b.booking_id, self.searched))
            self.results.addWidget(choice)
            choice.show()  # at once, not at the next turn of the event loop

"""Collect tickets at the counter (F7, issue 13 point 1): a customer who booked on the web or at
another kiosk. Scan their QR, or type the reference or phone number; pick the booking; its
tickets print (the thermal printer, else the desktop printer). A second collection is refused
with where and when; a manager may reprint (audited, in the service).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import KioskError
from kiosk.ui import message
from kiosk.ui.counter.screen import Screen
from kiosk.ui.dates import day_time_text
from kiosk.ui.page_names import CounterPage

if TYPE_CHECKING:
    from kiosk.ui.counter.mode import CounterMode


class CollectScreen(Screen):
    name = CounterPage.COLLECT

    def __init__(self, ctl: CounterMode) -> None:
        super().__init__(ctl)
        title = QLabel(self.tr("Collect tickets"), self)
        title.setProperty("role", "title")
        hint = QLabel(self.tr("Scan the customer's QR code, or type the booking reference or "
                              "the phone number or e-mail they booked with."), self)
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        self.entry = QLineEdit(self)
        self.entry.setObjectName("collectEntry")
        self.entry.setProperty("role", "big")
        self.entry.setMaxLength(300)
        self.entry.setPlaceholderText(self.tr("QR, reference or phone"))
        self.entry.returnPressed.connect(self.find)
        self.find_button = QPushButton(self.tr("Find  ⏎"), self)
        self.find_button.setObjectName("collectFind")
        self.find_button.clicked.connect(self.find)
        self.results = QListWidget(self)
        self.results.setObjectName("collectResults")
        self.results.itemActivated.connect(lambda _item: self.collect())
        self.message = QLabel("", self)
        self.message.setObjectName("collectMessage")
        self.message.setWordWrap(True)
        self.collect_button = QPushButton(self.tr("Print tickets"), self)
        self.collect_button.setObjectName("collectPrint")
        self.collect_button.setProperty("role", "primary")
        self.collect_button.setMinimumHeight(56)
        self.collect_button.clicked.connect(lambda: self.collect())
        self.reprint_button = QPushButton(self.tr("Reprint (manager)"), self)
        self.reprint_button.setObjectName("collectReprint")
        self.reprint_button.clicked.connect(lambda: self.collect(reprint=True))
        self.reprint_button.setMinimumWidth(self.reprint_button.sizeHint().width() + 24)

        card = QFrame(self)
        card.setProperty("role", "card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.find_button)
        inner.addWidget(hint)
        inner.addLayout(row)
        inner.addWidget(self.results, 1)
        inner.addWidget(self.message)
        actions = QHBoxLayout()
        actions.addWidget(self.reprint_button)
        actions.addStretch(1)
        actions.addWidget(self.collect_button)
        inner.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addWidget(card, 1)
        self._update_buttons()

    def enter(self) -> None:
        self.entry.clear()
        self.results.clear()
        self.message.clear()
        self._update_buttons()

    def first_focus(self) -> QWidget | None:
        return self.entry

    def _update_buttons(self) -> None:
        chosen = self.results.currentItem() is not None
        self.collect_button.setEnabled(chosen)
        self.reprint_button.setEnabled(chosen)

    @Slot()
    def find(self) -> None:
        text = self.entry.text().strip()
        self.results.clear()
        self._update_buttons()
        if not text:
            self.message.setText(self.tr("Scan the QR code or type a reference or phone number."))
            return
        self.message.setText(self.tr("Looking…"))
        self.find_button.setEnabled(False)
        # on the worker: a miss pulls the next shows' bookings from the cloud
        self.bridge.submit(self.services.collection.find, self.session.actor, text,
                           name="collect find", on_done=self._found, on_error=self._not_found)

    @Slot(object)
    def _not_found(self, error: BaseException) -> None:
        self.find_button.setEnabled(True)
        self.message.setText(str(error) if isinstance(error, KioskError) else self.tr(
            "The booking could not be looked up (%1). Try again.").replace(
            "%1", type(error).__name__))

    @Slot(object)
    def _found(self, found) -> None:
        self.find_button.setEnabled(True)
        self.results.clear()
        for booking in found:
            show = booking.show
            item = QListWidgetItem(
                f"{booking.reference}  ·  {show.film_title}  ·  "
                f"{day_time_text(show.local_start)}  ·  {show.hall_name}  ·  "
                + self.tr("Seats %1").replace("%1", ", ".join(ln.seat_code for ln in booking.lines)))
            item.setData(Qt.ItemDataRole.UserRole, booking.booking_id)
            self.results.addItem(item)
        self.results.setCurrentRow(0)
        self.message.setText(self.tr("%n booking(s) found: check with the customer, then "
                                     "print.", "", len(found)))
        self._update_buttons()
        self.collect_button.setFocus()

    def collect(self, reprint: bool = False) -> bool:
        """Take the collection and print, on the bridge's worker (a network printer may take
        seconds to answer); the desktop printer, with no thermal one, prints here after."""
        item = self.results.currentItem()
        if item is None:
            return False
        booking_id = item.data(Qt.ItemDataRole.UserRole)
        self.collect_button.setEnabled(False)
        self.message.setText(self.tr("Printing…"))
        self.bridge.submit(self.services.collection.collect, self.session.actor, booking_id,
                           reprint=reprint, name="collect", on_done=self._print_thermal,
                           on_error=self._failed)
        return True

    @Slot(object)
    def _print_thermal(self, collection) -> None:
        """Collected: to the thermal printer (given back if it fails), else the desktop one."""
        from kiosk.ui.thermal import print_thermal

        printing = self.services.printing
        if printing is None or not printing.thermal:
            self._collected(collection)
            return
        actor = self.session.actor
        print_thermal(self.bridge, printing, actor, collection.booking,
                      kind="reprint" if collection.reprint else "collect",
                      on_done=lambda _printed: self._done(collection), on_error=self._failed,
                      after_failure=lambda: self.bridge.call(self.services.collection.release,
                                                             actor, collection))

    def _collected(self, collection) -> None:
        """The desktop printer (no thermal one): a cancelled or failed print gives the
        collection back, as a thermal printer's failure does."""
        from kiosk.ui.counter import ticket_output

        printing = self.services.printing
        actor = self.session.actor
        try:
            message = ticket_output.print_tickets(collection.booking, self.ctl.config, self)
            if message == ticket_output.cancelled_text():
                raise KioskError(message)
            self.bridge.call(printing.record, actor, collection.booking,
                             "reprint" if collection.reprint else "collect", "desktop",
                             len(collection.booking.lines))
        except Exception as err:  # noqa: BLE001 - any failure: nothing was handed over
            self.bridge.call(self.services.collection.release, actor, collection)
            self._failed(err)
            return
        self._done(collection)

    def _done(self, collection) -> None:
        text = self.tr("Tickets for %1 printed.").replace("%1", collection.booking.reference)
        self.message.setText(text)
        message.ok(text)
        self._update_buttons()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        text = str(error) if isinstance(error, KioskError) else self.tr(
            "The tickets could not be printed (%1). Try again.").replace(
            "%1", type(error).__name__)
        self.message.setText(text)
        message.error(text)
        self._update_buttons()

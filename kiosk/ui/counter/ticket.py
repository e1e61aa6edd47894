"""After the sale: reference, QR preview, print / save the ticket and receipt, one tap to the next.

Reached only after ``confirm`` committed, so anything printed here is already a durable booking.
Rendering is ``kiosk.tickets``' job (imported when first used, keeping start-up fast).
"""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QImage, QPixmap, QTextDocumentFragment
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import KioskError
from kiosk.domain.loyalty import masked_phone
from kiosk.domain.money import format_money
from kiosk.domain.tenders import LABELS, merged, paid_text
from kiosk.services.confirmations import Confirmation, State
from kiosk.ui import i18n, message
from kiosk.ui.counter import ticket_output
from kiosk.ui.counter.basket import seat_type_label, ticket_type_label
from kiosk.ui.counter.refund import method_label
from kiosk.ui.counter.screen import Screen
from kiosk.ui.dates import long_text
from kiosk.ui.page_names import CounterPage
from kiosk.ui.widgets.layouts import empty_layout
from kiosk.ui.widgets.qr import QrLabel
from kiosk.ui.widgets.tiles import TileGridLayout

if TYPE_CHECKING:
    from kiosk.ui.counter.mode import CounterMode

log = logging.getLogger(__name__)


QR_PX = 260  # the ticket's QR on screen: big enough to check by eye and to scan
STUBS_SHOWN = 12  # seat tickets drawn one by one; a bigger group ends in a "+N more" tile


def qr_pixmap(text: str, size_px: int = QR_PX) -> QPixmap:
    """A crisp QR image of ``text`` (segno makes the matrix; Qt scales without smoothing)."""
    import segno

    # the same symbol the printed ticket carries; never micro QR (many scanners cannot read it)
    qr = segno.make(text, error="m", micro=False, boost_error=True)
    matrix = list(qr.matrix)
    border = 4
    n = len(matrix) + 2 * border
    image = QImage(n, n, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x + border, y + border, 0xFF000000)
    scaled = image.scaled(size_px, size_px, Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.FastTransformation)
    return QPixmap.fromImage(scaled)


class TicketScreen(Screen):
    name = CounterPage.TICKET

    def __init__(self, ctl: CounterMode) -> None:
        super().__init__(ctl)
        self.last_ticket_path: Path | None = None
        self.last_receipt_path: Path | None = None
        self._auto_printed: set[str] = set()  # bookings printed at once after their sale
        self._printing = False  # a thermal job is on its way: no second one
        self.printer = None  # a configured QPrinter to use instead of the system one (preview)

        self.reference = QLabel("", self)
        self.reference.setObjectName("bookingReference")
        self.reference.setProperty("role", "hero")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel("", self)
        self.details.setObjectName("ticketDetails")
        self.details.setWordWrap(True)
        self.change = QLabel("", self)
        self.change.setObjectName("ticketChange")
        self.change.setProperty("role", "money")
        self.sync_note = QLabel("", self)
        self.sync_note.setProperty("role", "muted")
        self.sync_note.setWordWrap(True)
        self.confirmation = QLabel("", self)
        self.confirmation.setObjectName("ticketConfirmation")
        self.confirmation.setWordWrap(True)
        self.resend_button = QPushButton(self.tr("Resend confirmation…"), self)
        self.resend_button.setObjectName("resendConfirmation")
        self.resend_button.clicked.connect(lambda: self.resend_confirmation())
        self.qr = QrLabel(self)
        self.qr.setObjectName("ticketQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setStyleSheet("background: #ffffff; border-radius: 6px;")
        self.output_label = QLabel("", self)
        self.output_label.setObjectName("ticketOutput")
        self.output_label.setWordWrap(True)
        self.output_label.setProperty("role", "muted")

        self.print_button = QPushButton(self.tr("Print tickets (Ctrl+P)"), self)
        self.print_button.setObjectName("printTicket")
        self.print_button.clicked.connect(self.print_action)
        self.pdf_button = QPushButton(self.tr("Save ticket PDF"), self)
        self.pdf_button.setObjectName("saveTicketPdf")
        self.pdf_button.clicked.connect(lambda: self.save_ticket_pdf())
        self.print_receipt_button = QPushButton(self.tr("Print receipt"), self)
        self.print_receipt_button.setObjectName("printReceipt")
        self.print_receipt_button.clicked.connect(self.print_receipt)
        self.receipt_button = QPushButton(self.tr("Save receipt PDF"), self)
        self.receipt_button.setObjectName("saveReceiptPdf")
        self.receipt_button.clicked.connect(lambda: self.save_receipt_pdf())
        self.new_sale_button = QPushButton(self.tr("New sale  ⏎"), self)
        self.new_sale_button.setObjectName("newSale")
        self.new_sale_button.setProperty("role", "primary")
        self.new_sale_button.setMinimumHeight(64)
        self.new_sale_button.clicked.connect(self.ctl.new_sale)

        self.show_details = QLabel("", self)
        self.show_details.setObjectName("ticketShow")
        self.show_details.setWordWrap(True)
        self.stubs_host = QWidget(self)  # one small ticket per seat: what will print
        self.stubs_host.setObjectName("ticketStubs")
        self.stubs = TileGridLayout(self.stubs_host, spacing=8, stretch=False)
        self.change.setProperty("role", "hero")
        self.change.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.qr.setFixedSize(QR_PX + 12, QR_PX + 12)

        card = QFrame(self)
        card.setObjectName("ticketCard")
        card.setProperty("role", "card")
        done = QLabel(self.tr("Sale complete"), card)
        done.setObjectName("ticketDone")
        done.setProperty("role", "good")
        caption = QLabel(self.tr("Booking reference"), card)
        caption.setProperty("role", "muted")
        heading = QVBoxLayout()
        heading.setSpacing(0)
        heading.addWidget(done)
        heading.addWidget(caption)
        heading.addWidget(self.reference)
        what = QVBoxLayout()
        what.setSpacing(8)
        what.addWidget(self.show_details)
        what.addWidget(self.stubs_host)
        what.addWidget(self.details)
        what.addStretch(1)
        confirmation = QHBoxLayout()
        confirmation.addWidget(self.confirmation, 1)
        confirmation.addWidget(self.resend_button)
        notes = QVBoxLayout()
        notes.addLayout(confirmation)
        notes.addWidget(self.sync_note)
        notes.addWidget(self.output_label)
        grid = QGridLayout(card)  # the reference beside the change; the QR beside the tickets
        grid.setContentsMargins(24, 16, 24, 16)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(10)
        grid.addLayout(heading, 0, 0)
        grid.addWidget(self.change, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        grid.addLayout(what, 1, 0)
        grid.addWidget(self.qr, 1, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addLayout(notes, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(1, 1)

        actions = QHBoxLayout()
        actions.addWidget(self.print_button)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.print_receipt_button)
        actions.addWidget(self.receipt_button)
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setObjectName("previewTicket")
        self.preview_button.clicked.connect(self.preview)
        actions.addWidget(self.preview_button)
        self.preview_dialog = None
        self.slip_button = QPushButton(self.tr("Print stand slip"), self)
        self.slip_button.setObjectName("printStandSlip")
        self.slip_button.clicked.connect(self.print_stand_slip)
        actions.addWidget(self.slip_button)
        actions.addStretch(1)
        actions.addWidget(self.new_sale_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(card, 1)
        layout.addLayout(actions)
        order = [self.new_sale_button, self.print_button, self.pdf_button,
                 self.print_receipt_button, self.receipt_button]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)

    @property
    def booking(self):
        return self.session.sale.booking

    def enter(self) -> None:
        booking = self.booking
        if booking is None:
            self.ctl.go(CounterPage.FINDER)
            return
        self.last_ticket_path = None
        self.last_receipt_path = None
        self.output_label.clear()
        show = booking.show
        self.reference.setText(booking.reference)
        seats = ", ".join(line.seat_code for line in booking.lines)
        food = self._food(booking)
        self.slip_button.setVisible(food is not None)  # the stand hands over what is on it
        # the basket's payment: the tickets' part and the food and drink's (one payment)
        tenders = tuple(merged((*booking.tenders, *(food.tenders if food else ()))))
        total = booking.total_minor + (food.total_minor if food else 0)
        food_text = ""
        if food is not None:
            food_text = ("<br>" + self.tr("Food and drink %1, collect at the stand: %2")
                         .replace("%1", food.reference)
                         .replace("%2", ", ".join(f"{ln.qty} × {ln.label}" for ln in food.lines)))
        self.show_details.setText(
            f"<span style='font-size:x-large; font-weight:700'>{escape(show.film_title)}</span>"
            f" ({escape(show.certificate)})<br>"
            f"<span style='font-size:large'>{escape(show.cinema_name)} · "
            f"{escape(show.hall_name)}<br>{escape(long_text(show.local_start))}</span>")
        self._show_stubs(booking)
        self.details.setText(
            self.tr("Seats: %1").replace("%1", seats) + food_text + "<br>"
            + (self.tr("Paid %1: %2").replace("%1", format_money(total, booking.currency))
               .replace("%2", paid_text(tenders, booking.currency,
                                           {k: method_label(k) for k in LABELS}))
               if len(tenders) > 1 or booking.payment_method in ("upi", "voucher", "points") else
               self.tr("Paid %1 by %2").replace("%1", format_money(total, booking.currency))
               .replace("%2", self.tr("cash") if booking.payment_method == "cash"
                        else self.tr("card ending %1").replace("%1", booking.card_last4 or "")))
            + (("<br>" + self.tr("Member %1 earned %2 points").replace(
                "%1", masked_phone(booking.member_phone)).replace(
                "%2", f"{booking.points_earned:,}")) if booking.member_phone else ""))
        cash = [t for t in tenders if t.kind == "cash" and t.change_minor is not None]
        change = (sum(t.change_minor or 0 for t in cash) if food is not None
                  else booking.change_minor)
        if (cash or booking.payment_method == "cash") and change is not None:
            self.change.setText(self.tr("Change due %1").replace(
                "%1", format_money(change, booking.currency)))
            self.change.show()
        else:
            self.change.hide()
        if booking.sync_state in ("pending", "local"):
            self.sync_note.setText(self.tr("Saved on this kiosk; it will reach the central "
                                           "system automatically."))
        else:
            self.sync_note.setText("")
        try:
            self.qr.setPixmap(qr_pixmap(ticket_output.qr_text(booking)))
        except KioskError as err:  # not signed: no QR rather than one the door refuses
            self.qr.clear()
            message.error(str(err))
        self.show_confirmation()
        self._auto_print(booking)

    def _show_stubs(self, booking) -> None:
        """A small ticket per seat (seat, type, ticket, price), as the printer will give them."""
        empty_layout(self.stubs)
        lines = booking.lines
        shown = lines if len(lines) <= STUBS_SHOWN else lines[:STUBS_SHOWN - 1]
        for line in shown:
            stub = QLabel(
                f"<span style='font-size:x-large; font-weight:700'>{escape(line.seat_code)}</span>"
                f"<br>{escape(seat_type_label(line.seat_type))} · "
                f"{escape(ticket_type_label(line.ticket_type))}"
                f"<br>{escape(format_money(line.price_minor, booking.currency))}",
                self.stubs_host)
            stub.setObjectName(f"ticketStub_{line.seat_code}")
            stub.setProperty("role", "card")
            stub.setAlignment(Qt.AlignmentFlag.AlignCenter)
            stub.setContentsMargins(14, 8, 14, 8)
            self.stubs.addWidget(stub)
            stub.show()
        if len(shown) < len(lines):  # a big group: the rest in one tile, all named in "Seats"
            more = QLabel(self.tr("+%1 more").replace("%1", str(len(lines) - len(shown))),
                          self.stubs_host)
            more.setObjectName("ticketStubsMore")
            more.setProperty("role", "card")
            more.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stubs.addWidget(more)
            more.show()

    def stub_texts(self) -> list[str]:
        """The seat tickets shown, as plain text (for tests and the screen reader)."""
        return [QTextDocumentFragment.fromHtml(self.stubs.itemAt(n).widget().text()).toPlainText()
                for n in range(self.stubs.count())]

    @Slot()
    def preview(self) -> None:
        """The ticket as the 80 mm printer will put it on paper (8 dots per mm), on screen."""
        from PySide6.QtWidgets import QDialog, QScrollArea

        from kiosk.tickets.model import TicketData
        from kiosk.tickets.output import render_ticket_image

        if self.booking is None:
            return
        image = render_ticket_image(TicketData.from_booking(self.booking))
        dialog = QDialog(self)
        dialog.setObjectName("ticketPreview")
        dialog.setWindowTitle(self.tr("Ticket preview"))
        picture = QLabel(dialog)
        picture.setObjectName("ticketPreviewImage")
        picture.setPixmap(QPixmap.fromImage(image))
        scroll = QScrollArea(dialog)
        scroll.setWidget(picture)
        layout = QVBoxLayout(dialog)
        layout.addWidget(scroll)
        dialog.resize(min(image.width() + 40, 760), 720)
        self.preview_dialog = dialog
        dialog.show()

    # -- the thermal printer ------------------------------------------------------------------
    def _auto_print(self, booking) -> None:
        """Tickets and receipt print by themselves after the sale (once per booking)."""
        printing = self.services.printing
        if printing is None or not printing.thermal or booking.booking_id in self._auto_printed:
            return
        self._auto_printed.add(booking.booking_id)
        self.print_thermal()

    def _receipt(self):
        from kiosk.tickets.model import ReceiptData

        show, actor = self.session.sale.show, self.session.actor
        return ReceiptData.from_booking(
            self.booking, staff_label=actor.staff_number if actor else None,
            tax_rate_bp=show.tax_rate_bp if show is not None else None,
            food=self._food(self.booking))

    def print_thermal(self) -> None:
        """The first print of a sale (tickets, receipt, drawer), or a reprint of the tickets
        (the service decides which); the buttons wait while the printer works."""
        from kiosk.ui.thermal import print_thermal

        printing, booking = self.services.printing, self.booking
        if printing is None or booking is None or self._printing:
            return
        self._set_printing(True)
        self.output_label.setText(self.tr("Printing…"))
        print_thermal(self.bridge, printing, self.session.actor, booking, kind="sale",
                      receipt=self._receipt(), on_done=self._thermal_printed,
                      on_error=self._thermal_failed)

    def _set_printing(self, busy: bool) -> None:
        self._printing = busy
        self.print_button.setEnabled(not busy)

    @Slot(object)
    def _thermal_printed(self, printed) -> None:
        self._set_printing(False)
        text = (self.tr("%1 tickets and the receipt printed.") if printed.receipt
                else self.tr("%1 tickets printed again.")).replace("%1", str(printed.tickets))
        if printed.drawer:
            text += " " + self.tr("Cash drawer opened.")
        self.output_label.setText(text)
        message.ok(text)

    @Slot(object)
    def _thermal_failed(self, error: BaseException) -> None:
        self._set_printing(False)
        text = str(error) if isinstance(error, KioskError) else self.tr(
            "Printing failed (%1). The sale is saved: press Reprint.").replace(
            "%1", type(error).__name__)
        self.output_label.setText(self.tr("Not printed: %1").replace("%1", text))
        message.error(text)

    # -- the customer's confirmation (SMS or e-mail) ---------------------------------------------
    def show_confirmation(self, status: Confirmation | None = None) -> None:
        """Where the customer's message stands; a failed one says why and offers a resend."""
        service = self.services.confirmations
        if self.booking is None or service is None:
            self.confirmation.hide()
            self.resend_button.hide()
            return
        if status is None:
            try:
                status = service.status(self.booking.booking_id)
            except KioskError as err:
                self.confirmation.setText(str(err))
                return
        texts = {
            State.NONE: self.tr("No confirmation: the customer gave no phone or e-mail."),
            State.QUEUED: self.tr("Confirmation to %1: waiting to be sent."),
            State.RETRYING: self.tr("Confirmation to %1: not sent yet, trying again."),
            State.SENT: self.tr("Confirmation sent to %1."),
            State.FAILED: self.tr("Confirmation to %1 failed: %2. Check the number or "
                                  "address with the customer and resend."),
        }
        self.confirmation.setText(texts[status.state].replace("%1", status.contact)
                                  .replace("%2", status.note or self.tr("not delivered")))
        self.confirmation.setProperty("role", "bad" if status.failed else "muted")
        self.confirmation.style().unpolish(self.confirmation)
        self.confirmation.style().polish(self.confirmation)
        self.confirmation.show()
        self.resend_button.setText(self.tr("Send confirmation…") if status.state == State.NONE
                                   else self.tr("Resend confirmation…"))
        self.resend_button.show()

    def resend_confirmation(self, contact: str | None = None, ask: bool = True) -> bool:
        """Send the confirmation again; the cashier may type a corrected phone or e-mail
        (empty: the booking's own)."""
        if self.booking is None or self.services.confirmations is None:
            return False
        if ask:
            text, ok = QInputDialog.getText(
                self, self.tr("Resend confirmation"),
                self.tr("Phone or e-mail to send to (leave empty for the one on the booking):"))
            if not ok:
                return False
            contact = text
        try:
            status = self.bridge.call(self.services.confirmations.resend, self.session.actor,
                                      self.booking.booking_id, contact,
                                      i18n.language_manager().language)
        except KioskError as err:
            message.error(str(err))
            return False
        self.show_confirmation(status)
        self.bridge.sync_now()
        message.ok(self.tr("The confirmation will be sent again."))
        return True

    def _food(self, booking):
        """The food and drink sold in the same basket, if any."""
        items = self.services.items
        return items.for_booking(booking.booking_id) if items is not None else None

    @Slot()
    def print_stand_slip(self) -> None:
        """The basket's food and drink slip for the stand (reference, QR, items)."""
        food = self._food(self.booking) if self.booking is not None else None
        if food is None:
            return
        from kiosk.tickets.cards import print_slips, stand_slip

        cinema = next((c for c in self.services.catalogue.cinemas()
                       if c["id"] == food.cinema_id), {"name": food.cinema_id,
                                                       "timezone": "UTC"})
        try:
            done = print_slips([stand_slip(food, cinema["name"], cinema["timezone"])],
                               self.ctl.config.printer_name or None, self,
                               silent=self.ctl.config.silent_print or self.printer is not None,
                               printer=self.printer)
        except KioskError as err:
            message.error(str(err))
            return
        message.ok(self.tr("Stand slip sent to the printer.") if done
                   else self.tr("Printing cancelled."))

    def first_focus(self) -> QWidget | None:
        return self.new_sale_button

    def leave(self) -> None:
        if self.preview_dialog is not None:  # never the last customer's ticket on screen
            self.preview_dialog.close()
            self.preview_dialog = None

    def back(self) -> None:
        self.ctl.new_sale()

    # -- output ---------------------------------------------------------------------------------
    def _default_path(self, kind: str) -> Path:
        folder = Path(self.ctl.config.ticket_dir)
        return folder / f"{self.booking.reference}-{kind}.pdf"

    def save_ticket_pdf(self, path: Path | None = None, ask: bool = False) -> Path | None:
        return self._save("ticket", path, ask)

    def save_receipt_pdf(self, path: Path | None = None, ask: bool = False) -> Path | None:
        return self._save("receipt", path, ask)

    def _save(self, kind: str, path: Path | None, ask: bool) -> Path | None:
        if self.booking is None:
            return None
        target = path or self._default_path(kind)
        if ask:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), str(target),
                                                    "PDF (*.pdf)")
            if not chosen:
                return None
            target = Path(chosen)
        try:
            show = self.session.sale.show
            actor = self.session.actor
            written = ticket_output.save_pdf(
                kind, self.booking, target,
                staff_label=actor.staff_number if actor else None,
                tax_rate_bp=show.tax_rate_bp if show is not None else None,
                food=self._food(self.booking))
        except KioskError as err:
            message.error(str(err))
            return None
        except Exception as exc:  # rendering failed: the booking itself is safe
            log.exception("could not write the %s PDF", kind)
            message.error(self.tr("The PDF could not be written (%1). The booking is "
                                  "saved; try again or print instead.")
                          .replace("%1", type(exc).__name__))
            return None
        if kind == "ticket":
            self.last_ticket_path = written
        else:
            self.last_receipt_path = written
        self.output_label.setText(self.tr("Saved %1").replace("%1", str(written)))
        message.ok(self.tr("Saved %1").replace("%1", written.name))
        return written

    @Slot()
    def print_action(self) -> None:
        if self.services.printing is not None and self.services.printing.thermal:
            self.print_thermal()
            return
        self._print(receipt=False)

    @Slot()
    def print_receipt(self) -> None:
        self._print(receipt=True)

    def _print(self, receipt: bool) -> None:
        if self.booking is None:
            return
        try:
            if receipt:
                show, actor = self.session.sale.show, self.session.actor
                said = ticket_output.print_receipt(
                    self.booking, self.ctl.config, self, printer=self.printer,
                    staff_label=actor.staff_number if actor else None,
                    tax_rate_bp=show.tax_rate_bp if show is not None else None,
                    food=self._food(self.booking))
            else:
                said = ticket_output.print_tickets(self.booking, self.ctl.config, self,
                                                   printer=self.printer)
        except KioskError as err:
            message.error(str(err))
            return
        except Exception as exc:
            log.exception("printing failed")
            message.error(self.tr("Printing failed (%1). The booking is saved; save "
                                  "the PDF or try again.").replace("%1",
                                                                    type(exc).__name__))
            return
        if said:
            message.ok(said)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.ctl.new_sale()
            return
        super().keyPressEvent(event)

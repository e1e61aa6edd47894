"""Refund or exchange by booking reference, typed or scanned from the ticket's QR code.

The cashier ticks the seats to refund; ``BookingService.refund`` decides whether the refund is
paid out now or waits for a manager (above the cashier's limit), and the screen says which,
plainly, so nobody hands over cash for a refund that is still pending.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import refund_reasons
from kiosk.domain.errors import KioskError
from kiosk.domain.ids import REFERENCE_ALPHABET, normalise_reference
from kiosk.domain.money import format_money
from kiosk.ui import message
from kiosk.ui.counter.basket import ticket_type_label
from kiosk.ui.counter.screen import Screen
from kiosk.ui.dates import date_text, time_text
from kiosk.ui.page_names import CounterPage
from kiosk.ui.reasons import reason_label

if TYPE_CHECKING:
    from kiosk.ui.counter.mode import CounterMode

_REF_CHARS = REFERENCE_ALPHABET + "OIL"
_REFERENCE_RE = re.compile(rf"(?<![{_REF_CHARS}])([{_REF_CHARS}]{{4}})-?([{_REF_CHARS}]{{4}})"
                           rf"(?![{_REF_CHARS}])")
REFUNDABLE_STATES = ("confirmed", "partially_refunded")
SEATS_PER_ROW = 3


def reference_from_scan(text: str) -> str:
    """The booking reference inside whatever a scanner or a person typed.

    Accepts a bare reference (any case, with or without the dash), or a QR payload that contains
    one (a URL, ``BOK:K7QX-4M2P``, JSON). Falls back to the cleaned text, which the service then
    refuses with a clear message if it is no reference at all.
    """
    from kiosk.domain.ticket_codes import is_code

    if is_code(text):  # a ticket's signed code: the service verifies it
        return text.strip()
    cleaned = text.strip().upper()
    match = _REFERENCE_RE.search(cleaned)
    if match:
        return normalise_reference(match.group(1) + match.group(2))
    return normalise_reference(cleaned)


def state_label(state: str) -> str:
    labels = {
        "confirmed": QCoreApplication.translate("Refund", "confirmed"),
        "partially_refunded": QCoreApplication.translate("Refund", "partly refunded"),
        "refunded": QCoreApplication.translate("Refund", "refunded"),
        "cancelled": QCoreApplication.translate("Refund", "cancelled"),
        "exchanged": QCoreApplication.translate("Refund", "exchanged"),
        "conflict": QCoreApplication.translate("Refund", "in conflict (see a manager)"),
    }
    return labels.get(state, state.replace("_", " "))


def method_label(method: str) -> str:
    labels = {"cash": QCoreApplication.translate("Refund", "cash"),
              "card": QCoreApplication.translate("Refund", "card"),
              "upi": QCoreApplication.translate("Refund", "UPI"),
              "voucher": QCoreApplication.translate("Refund", "gift card"),
              "points": QCoreApplication.translate("Refund", "points"),
              "split": QCoreApplication.translate("Refund", "the original payments "
                                                            "(card first, cash last)")}
    return labels.get(method, method)


class SeatCheckBox(QCheckBox):
    """A seat line whose whole row is the touch target, not only the box and its text; the
    box itself 44 px, a finger's size (issue 14)."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setStyleSheet("QCheckBox::indicator { width: 44px; height: 44px; }")
        self.setMinimumHeight(52)

    def hitButton(self, pos) -> bool:  # noqa: N802 (Qt API)
        return self.rect().contains(pos)


class RefundScreen(Screen):
    name = CounterPage.REFUND

    def __init__(self, ctl: CounterMode) -> None:
        super().__init__(ctl)
        self.booking = None
        self.food = None  # a food and drink sale (FD-...) being refunded instead of a booking
        self.checks: dict[str, QCheckBox] = {}
        self._busy = False
        self._reason_asked = False  # the message line asks for a reason

        title = QLabel(self.tr("Refund or exchange"), self)
        title.setProperty("role", "title")
        self.reference = QLineEdit(self)
        self.reference.setObjectName("refundReference")
        self.reference.setProperty("role", "big")
        self.reference.setPlaceholderText(self.tr("Booking reference, or scan the ticket QR"))
        self.reference.setAccessibleName(self.tr("Booking reference"))
        self.reference.returnPressed.connect(self.find)
        self.find_button = QPushButton(self.tr("Find booking"), self)
        self.find_button.setObjectName("findBooking")
        self.find_button.setProperty("role", "primary")
        self.find_button.clicked.connect(self.find)

        self.card = QFrame(self)
        self.card.setProperty("role", "card")
        self.details = QLabel("", self.card)
        self.details.setObjectName("refundDetails")
        self.details.setWordWrap(True)
        # Three lines (booking, show, money): kept whole when the to-pay-out row needs room.
        self.details.setMinimumHeight(self.details.fontMetrics().lineSpacing() * 3 + 6)
        self.seat_host = QWidget(self.card)
        # seats side by side (three a row): a ten-seat booking is seen whole at 1366 x 768
        self.seat_layout = QGridLayout(self.seat_host)
        self.seat_layout.setContentsMargins(0, 0, 0, 0)
        self.seat_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        for column in range(SEATS_PER_ROW):
            self.seat_layout.setColumnStretch(column, 1)
        scroll = QScrollArea(self.card)
        scroll.setWidget(self.seat_host)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumHeight(2 * 56)
        # reason codes (issue 14), "Other" with words of the cashier's own
        self.reason_code = QComboBox(self.card)
        self.reason_code.setObjectName("refundReasonCode")
        self.reason_code.setAccessibleName(self.tr("Reason for the refund"))
        self.reason_code.addItem(self.tr("Choose a reason…"), "")  # nothing chosen for them
        for code in refund_reasons.CODES:  # the service's fixed list (issue 14 defect 8)
            self.reason_code.addItem(reason_label(code), code)
        self.reason_code.currentIndexChanged.connect(self._reason_changed)
        self.reason = QLineEdit(self.card)
        self.reason.setObjectName("refundReason")
        self.reason.setPlaceholderText(self.tr("Say why"))
        self.reason.setAccessibleName(self.tr("The reason in your words"))
        self.reason.setMaxLength(refund_reasons.MAX_NOTE)
        self.reason.textChanged.connect(self._reason_typed)
        self.reason.hide()
        self.preview = QLabel("", self.card)
        self.preview.setObjectName("refundPreview")
        self.preview.setProperty("role", "money")
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setMinimumHeight(self.preview.fontMetrics().lineSpacing() * 3 + 8)
        self.select_all = QPushButton(self.tr("Select all"), self.card)
        self.select_all.setObjectName("refundSelectAll")
        self.select_all.clicked.connect(self._select_all)
        self.refund_button = QPushButton(self.tr("Refund selected seats"), self.card)
        self.refund_button.setObjectName("refundSelected")
        self.refund_button.setProperty("role", "primary")  # never looks disabled when it is not
        self.refund_button.clicked.connect(self.refund)
        self.exchange_button = QPushButton(self.tr("Exchange for another show"), self.card)
        self.exchange_button.setObjectName("exchangeBooking")
        self.exchange_button.clicked.connect(self.exchange)
        self.result = QLabel("", self.card)
        self.result.setObjectName("refundResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        # Approved after the shift that took the request had closed: no drawer paid it yet.
        self.payout = QLabel("", self.card)
        self.payout.setObjectName("refundToPayOut")
        self.payout.setProperty("role", "warn")
        self.payout.setWordWrap(True)
        self.payout.setMinimumHeight(48)  # never squeezed out of sight by the seat list
        self.payout_button = QPushButton(self.tr("Pay out now from my drawer"), self.card)
        self.payout_button.setObjectName("payOutRefund")
        self.payout_button.setProperty("role", "primary")
        self.payout_button.clicked.connect(self.pay_out)
        self._due: list[dict] = []

        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(20, 16, 20, 16)
        card_layout.addWidget(self.details)
        card_layout.addWidget(self.result)  # right under the booking: seen without scrolling
        payout_row = QHBoxLayout()
        payout_row.addWidget(self.payout, 1)
        payout_row.addWidget(self.payout_button)
        card_layout.addLayout(payout_row)
        card_layout.addWidget(scroll, 1)
        # the reason on the left, what goes back where on the right: both read before the
        # refund button below them
        reason_title = QLabel(self.tr("Reason"), self.card)
        reason_title.setBuddy(self.reason_code)
        reason_box = QVBoxLayout()
        reason_box.addWidget(reason_title)
        reason_box.addWidget(self.reason_code)
        reason_box.addWidget(self.reason)
        reason_box.addStretch(1)
        decide_row = QHBoxLayout()
        decide_row.addLayout(reason_box, 2)
        decide_row.addSpacing(16)
        decide_row.addWidget(self.preview, 3)
        card_layout.addLayout(decide_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.select_all)
        buttons.addStretch(1)
        buttons.addWidget(self.exchange_button)
        buttons.addWidget(self.refund_button)
        card_layout.addLayout(buttons)
        self.card.hide()

        self.message = QLabel("", self)
        self.message.setObjectName("refundMessage")
        self.message.setProperty("role", "bad")
        self.message.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Back to sales (Esc)"), self)
        self.back_button.setObjectName("refundBack")
        self.back_button.clicked.connect(self.back)

        search = QHBoxLayout()
        search.addWidget(self.reference, 1)
        search.addWidget(self.find_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addLayout(search)
        layout.addWidget(self.message)
        layout.addWidget(self.card, 1)
        layout.addStretch(0)
        layout.addLayout(bottom)

    def enter(self) -> None:
        self.message.clear()
        if self.session.refund_reference and self.booking is None:
            self.reference.setText(self.session.refund_reference)
            self.find()

    def first_focus(self) -> QWidget | None:
        return self.reference

    @Slot()
    def back(self) -> None:
        self.clear()
        self.ctl.go(CounterPage.FINDER)

    def clear(self) -> None:
        self.booking = None
        self.food = None
        self.session.refund_reference = ""
        self.reference.clear()
        self.result.clear()
        self.reason.clear()
        self.reason_code.setCurrentIndex(0)
        self.preview.clear()
        self.card.hide()

    def refresh(self) -> None:
        if self.booking is not None:
            self._load(self.booking.reference, keep_result=True)
        elif self.food is not None:
            self._load_food(self.food.reference, keep_result=True)

    # -- find -----------------------------------------------------------------------------------
    @Slot()
    def find(self) -> None:
        text = self.reference.text()
        if not text.strip():
            self.message.setText(self.tr("Type the booking reference from the ticket, or scan "
                                         "its QR code."))
            return
        self.result.clear()
        if text.strip().upper().startswith("FD"):  # the stand's slip: food and drink
            self._load_food(text.strip().upper())
            return
        reference = reference_from_scan(text)
        self.reference.setText(reference)
        self._load(reference)

    def _load(self, reference: str, keep_result: bool = False) -> None:
        try:
            booking = self.bridge.call(self.services.booking.get, reference)
        except KioskError as err:
            self.booking = None
            self.card.hide()
            self.message.setText(str(err))
            return
        self.message.clear()
        self.food = None
        self.booking = booking
        self.session.refund_reference = booking.reference
        self.reference.setText(booking.reference)  # a scanned code reads as its reference
        self._show_booking(booking)
        if not keep_result:
            self.result.clear()

    def _paid_text(self, booking, paid: str, refunded: str) -> str:
        """One line for one tender; for a split, each tender and the order refunds go back in."""
        tenders = booking.tenders
        if len(tenders) < 2:
            return (self.tr("Paid %1 by %2; refunded so far %3").replace("%1", paid)
                    .replace("%2", method_label(booking.payment_method)).replace("%3", refunded))
        parts = " + ".join(
            f"{method_label(t.kind)}{' ••••' + t.reference if t.kind == 'card' else ''} "
            f"{format_money(t.amount_minor, booking.currency)}" for t in tenders)
        return (self.tr("Paid %1: %2; refunded so far %3. Refunds go back card first, cash last.")
                .replace("%1", paid).replace("%2", parts).replace("%3", refunded))

    def _show_booking(self, booking) -> None:
        show = booking.show
        paid = format_money(booking.total_minor, booking.currency)
        refunded = format_money(booking.refunded_minor, booking.currency)
        state = state_label(booking.state)
        self.details.setText(
            f"<b>{booking.reference}</b> · {state}<br>"
            f"<b>{show.film_title}</b> · {show.cinema_name} · {show.hall_name} · "
            f"{date_text(show.local_start)} {time_text(show.local_start)}<br>"
            + self._paid_text(booking, paid, refunded) + self._food_hint(booking))
        self.exchange_button.show()
        self._clear_checks()
        refundable = booking.state in REFUNDABLE_STATES
        previous: QWidget = self.reference
        for line in booking.lines:
            price = format_money(line.price_minor, booking.currency)
            label = f"{line.seat_code}  ·  {ticket_type_label(line.ticket_type)}  ·  {price}"
            if line.refunded:
                label += "  ·  " + self.tr("refunded")
            check = SeatCheckBox(label, self.seat_host)
            check.setObjectName(f"refundSeat_{line.seat_code}")
            check.setEnabled(refundable and not line.refunded)
            check.toggled.connect(self._update_buttons)
            self._place(check)
            check.show()
            self.checks[line.seat_code] = check
            self.setTabOrder(previous, check)
            previous = check
        self.card.show()
        self._show_payouts(booking)
        if not refundable:
            self.message.setText(self.tr("This booking is %1: nothing left to refund.")
                                 .replace("%1", state))
        self._update_buttons()

    def _place(self, check: QCheckBox) -> None:
        """The next seat (or food line) in the grid, left to right, then down."""
        at = len(self.checks)
        self.seat_layout.addWidget(check, at // SEATS_PER_ROW, at % SEATS_PER_ROW)

    def _clear_checks(self) -> None:
        """Drop the ticked lines of the booking or sale shown before."""
        for check in self.checks.values():
            check.setParent(None)
            check.deleteLater()
        self.checks = {}

    def _food_hint(self, booking) -> str:
        """The food and drink sold with the booking is refunded on its own reference."""
        items = self.services.items
        try:
            food = self.bridge.call(items.for_booking, booking.booking_id) if items else None
        except KioskError:
            food = None
        if food is None:
            return ""
        return "<br>" + self.tr("Food and drink with it: %1 (type that reference to refund "
                                "it).").replace("%1", food.reference)

    # -- food and drink -------------------------------------------------------------------------
    def _load_food(self, reference: str, keep_result: bool = False) -> None:
        try:
            sale = self.bridge.call(self.services.items.get, reference)
        except KioskError as err:
            self.food = None
            self.card.hide()
            self.message.setText(str(err))
            return
        self.message.clear()
        self.booking, self.food = None, sale
        self.reference.setText(sale.reference)
        cur = sale.currency
        self.details.setText(
            f"<b>{sale.reference}</b> · " + self.tr("food and drink") + "<br>"
            + self.tr("Paid %1: %2; refunded so far %3. Refunds go back card first, cash last.")
            .replace("%1", format_money(sale.total_minor, cur))
            .replace("%2", " + ".join(f"{method_label(t.kind)} {format_money(t.amount_minor, cur)}"
                                      for t in sale.tenders) or method_label("cash"))
            .replace("%3", format_money(sale.refunded_minor, cur)))
        self._clear_checks()
        for line in sale.lines:
            left = line.qty - line.refunded_qty
            label = (f"{line.qty} × {line.label}  ·  {format_money(line.total_minor, cur)}"
                     + ("  ·  " + self.tr("%1 refunded").replace("%1", str(line.refunded_qty))
                        if line.refunded_qty else ""))
            check = SeatCheckBox(label, self.seat_host)
            check.setObjectName(f"refundLine_{line.line_no}")
            check.setEnabled(left > 0)
            check.toggled.connect(self._update_buttons)
            self._place(check)
            check.show()
            self.checks[f"L{line.line_no}"] = check
        self.exchange_button.hide()
        self.payout.hide()
        self.payout_button.hide()
        self.card.show()
        if not keep_result:
            self.result.clear()
        if not any(check.isEnabled() for check in self.checks.values()):
            self.message.setText(self.tr("Everything of %1 is refunded already.")
                                 .replace("%1", sale.reference))
        self._update_buttons()

    def _refund_food(self) -> None:
        sale = self.food
        lines = self._food_quantities()
        if self._busy or not lines:
            return
        self._busy = True
        self._update_buttons()
        self.result.setText(self.tr("Refunding…"))
        self.bridge.submit(self.services.items.refund, self.session.actor, sale.reference, lines,
                           self.reason_text(), name="item refund",
                           on_done=self._food_refunded, on_error=self._failed)

    @Slot(object)
    def _food_refunded(self, result) -> None:
        self._busy = False
        self._forget_reason()
        self.bridge.sync_now()
        money = self._tender_words(result.parts, result.currency) \
            or format_money(0, result.currency)
        self._load_food(result.reference, keep_result=True)
        self.result.setText("<b>" + self.tr("Refund complete.") + "</b><br>"
                            + self.tr("Give back %1: %2. What was returned is back in the "
                                      "stand's stock.")
                            .replace("%1", format_money(result.amount_minor, result.currency))
                            .replace("%2", money))
        self.result.setProperty("role", "good")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.ctl.shift_changed()

    def _show_payouts(self, booking) -> None:
        """Approved refunds of this booking that no open drawer has paid yet ("to pay out")."""
        try:
            self._due = list(self.bridge.call(self.services.booking.to_pay_out,
                                              self.session.actor, booking.reference))
        except KioskError:
            self._due = []
        if not self._due:
            self.payout.hide()
            self.payout_button.hide()
            return
        total = format_money(sum(d["amount_minor"] for d in self._due), booking.currency)
        self.payout.setText(
            "<b>" + self.tr("To pay out: %1").replace("%1", total) + "</b> · "
            + self.tr("approved after its shift closed; pay it from your drawer."))
        self.payout.show()
        self.payout_button.show()
        self.payout_button.setEnabled(not self._busy)

    @Slot()
    def pay_out(self) -> None:
        if self._busy or not self._due or self.booking is None:
            return
        actor, ids = self.session.actor, [d["refund_id"] for d in self._due]
        reference = self.booking.reference
        self._busy = True
        self.payout_button.setEnabled(False)
        self.bridge.submit(lambda: [self.services.booking.pay_out(actor, i) for i in ids],
                           name="pay_out", on_done=lambda results: self._paid_out(results, reference),
                           on_error=self._failed)

    def _paid_out(self, results, reference: str) -> None:
        self._busy = False
        amount = format_money(sum(r.amount_minor for r in results), results[0].currency)
        self._load(reference, keep_result=True)
        self.result.setText("<b>" + self.tr("Paid out %1 from your drawer.").replace("%1", amount)
                            + "</b>")
        self.ctl.shift_changed()

    def selected_seats(self) -> list[str]:
        return [code for code, check in self.checks.items()
                if check.isChecked() and check.isEnabled()]

    @Slot()
    def _select_all(self) -> None:
        for check in self.checks.values():
            if check.isEnabled():
                check.setChecked(True)

    @Slot(int)
    def _reason_changed(self, _index: int) -> None:
        """A note field for every reason (optional), said to be needed for "Other"."""
        other = self.reason_code.currentData() == refund_reasons.OTHER
        self.reason.setVisible(bool(self.reason_code.currentData()))
        self.reason.setPlaceholderText(self.tr("Say why") if other
                                       else self.tr("Note (optional)"))
        self._forget_reason_ask()
        self._update_buttons()

    @Slot(str)
    def _reason_typed(self, _text: str) -> None:
        self._forget_reason_ask()
        self._update_controls()  # the note changes nothing in the amount: no service call

    def _forget_reason_ask(self) -> None:
        """A message asking for the reason goes once the cashier gives one."""
        if self._reason_asked and not self.reason_missing():
            self.message.clear()
            self._reason_asked = False

    def _forget_reason(self) -> None:
        """Each refund asks for its own reason: the one given goes with the refund made."""
        self.reason_code.setCurrentIndex(0)
        self.reason.clear()

    def reason_text(self) -> str:
        """The reason as the service takes it: its code, or its code, ": " and the note."""
        code = self.reason_code.currentData() or ""
        words = " ".join(self.reason.text().split())
        return f"{code}: {words}" if code and words else code

    def reason_missing(self) -> str:
        """Why the reason cannot go yet ("" when it can): one chosen, and words for Other."""
        code = self.reason_code.currentData() or ""
        if not code:
            return self.tr("Choose a reason for the refund.")
        if code == refund_reasons.OTHER and not self.reason.text().strip():
            return self.tr("Say in a few words why (Other).")
        return ""

    def _tender_words(self, parts, currency: str) -> str:
        """Where the money goes, tender by tender: "card ₹300.00 + cash from your drawer
        ₹150.00"; cash is said to come from the drawer so nobody looks for it elsewhere."""
        said = []
        for kind, amount in parts:
            money = format_money(amount, currency)
            said.append(self.tr("cash from your drawer %1").replace("%1", money)
                        if kind == "cash" else f"{method_label(kind)} {money}")
        return " + ".join(said)

    def _food_quantities(self) -> dict[int, int]:
        """The ticked lines of the food and drink sale, each with what is left of it."""
        sale = self.food
        if sale is None:
            return {}
        return {line.line_no: line.qty - line.refunded_qty for line in sale.lines
                if (check := self.checks.get(f"L{line.line_no}")) is not None
                and check.isChecked() and check.isEnabled()}

    def _show_preview(self) -> None:
        """How much goes back, and to which payments, before the cashier commits: the
        service's own reading (the tenders as the refund would split them)."""
        try:
            if self.food is not None:
                lines = self._food_quantities()
                preview = self.bridge.call(self.services.items.refund_preview, self.session.actor,
                                           self.food.reference, lines) if lines else None
            elif self.booking is not None and self.selected_seats():
                preview = self.bridge.call(self.services.booking.refund_preview,
                                           self.session.actor, self.booking.reference,
                                           self.selected_seats())
            else:
                preview = None
        except KioskError as err:
            self._set_preview(str(err), "bad")
            return
        if preview is None:
            self._set_preview(self.tr("Tick what the customer gives back to see the amount "
                                      "and where it goes."), "muted")
            return
        text = ("<b>" + self.tr("To give back: %1").replace(
            "%1", format_money(preview.amount_minor, preview.currency)) + "</b><br>"
            + self.tr("Goes to: %1").replace("%1", self._tender_words(preview.parts,
                                                                     preview.currency)))
        if preview.needs_manager:
            text += "<br>" + (self.tr("Past your limit: a manager makes this refund.")
                              if self.food is not None else
                              self.tr("Past your limit: it waits for a manager's approval "
                                      "before any money goes back."))
        self._set_preview(text, "warn" if preview.needs_manager else "money")

    def _set_preview(self, text: str, role: str) -> None:
        self.preview.setText(text)
        self.preview.setProperty("role", role)
        self.preview.style().unpolish(self.preview)
        self.preview.style().polish(self.preview)

    @Slot()
    def _update_buttons(self, *_args) -> None:
        if not self._busy:  # no blocking preview while a refund is in flight
            self._show_preview()
        self._update_controls()

    def _update_controls(self) -> None:
        open_seats = any(check.isEnabled() for check in self.checks.values())
        self.select_all.setEnabled(open_seats and not self._busy)
        chosen = bool(self._food_quantities()) if self.food is not None \
            else bool(self.selected_seats())
        self.refund_button.setEnabled(chosen and not self._busy)
        self.refund_button.setText(self.tr("Refund selected items") if self.food is not None
                                   else self.tr("Refund selected seats"))
        self.exchange_button.setEnabled(open_seats and not self._busy)

    # -- actions --------------------------------------------------------------------------------
    @Slot()
    def refund(self) -> None:
        missing = self.reason_missing()
        if missing and not self._busy:  # the reason is asked for, then the refund goes
            self.message.setText(missing)
            self._reason_asked = True
            (self.reason if self.reason.isVisible() else self.reason_code).setFocus()
            return
        self.message.clear()
        if self.food is not None:
            self._refund_food()
            return
        seats = self.selected_seats()
        if self._busy or self.booking is None or not seats:
            return
        self._busy = True
        self._update_buttons()
        self.result.setText(self.tr("Refunding…"))
        self.bridge.submit(self.services.booking.refund, self.session.actor,
                           self.booking.reference, seats, self.reason_text(),
                           name="refund", on_done=self._refunded, on_error=self._failed)

    @Slot(object)
    def _refunded(self, result) -> None:
        self._busy = False
        self._forget_reason()
        self.bridge.sync_now()
        amount = format_money(result.amount_minor, result.currency)
        seats = ", ".join(result.seats)
        if result.state == "pending_approval":
            text = ("<b>" + self.tr("Waiting for a manager's approval.") + "</b><br>"
                    + self.tr("Refund of %1 for seats %2 is recorded but NOT paid yet. Do not "
                              "give money back until a manager approves it.")
                    .replace("%1", amount).replace("%2", seats))
            kind = "warn"
        elif result.to_pay_out:
            text = ("<b>" + self.tr("Refund approved: to pay out.") + "</b><br>"
                    + self.tr("No shift is open on this kiosk, so no drawer paid the %1 for seats "
                              "%2 yet: open a shift and pay it out.")
                    .replace("%1", amount).replace("%2", seats))
            kind = "warn"
        else:
            where = self._tender_words(result.parts, result.currency) \
                or method_label(result.method)
            text = ("<b>" + self.tr("Refund complete.") + "</b><br>"
                    + self.tr("Give back %1 for seats %2: %3. The seats are on sale again.")
                    .replace("%1", amount).replace("%2", seats).replace("%3", where))
            kind = "ok"
        self._load(result.booking_reference, keep_result=True)
        self.result.setText(text)
        self.result.setProperty("role", "warn" if kind == "warn" else "good")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        if result.state == "pending_approval":  # stays up until dismissed: nobody pays out early
            message.warning(self.tr("Refund for %1 waits for a manager: do not "
                                    "pay it out yet.").replace("%1", result.booking_reference))

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        self.result.clear()
        if isinstance(exc, KioskError):
            self.message.setText(str(exc))
        else:
            self.ctl.show_fault(exc)

    @Slot()
    def exchange(self) -> None:
        if self.booking is None:
            return
        self.ctl.start_exchange(self.booking)

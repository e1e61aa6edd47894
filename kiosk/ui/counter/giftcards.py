"""Gift cards at the counter (F3): check what a card holds, sell a new one, top one up.

The cashier types or scans a code to see its balance, expiry and last moves; sells a card for an
amount (quick amounts in notes of the cinema's currency) taken in cash, by card (last 4 digits)
or UPI (its UTR); or tops up the card on screen. The new card's code is shown large with its QR
for the customer's phone or a printed card. The service checks everything again
(``kiosk.services.gift_cards``); a refusal is shown here and changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import KioskError
from kiosk.domain.giftcards import display_code
from kiosk.domain.money import format_money, parse_money
from kiosk.services.models import Payment
from kiosk.ui import message
from kiosk.ui.counter.screen import Screen
from kiosk.ui.counter.ticket import qr_pixmap
from kiosk.ui.dates import date_text, day_time_text
from kiosk.ui.names import tender_name as method_label
from kiosk.ui.page_names import CounterPage
from kiosk.ui.widgets.qr import QrLabel

if TYPE_CHECKING:
    from kiosk.ui.counter.mode import CounterMode

QUICK_AMOUNTS = {"INR": (500_00, 1_000_00, 2_000_00, 5_000_00), "AED": (50_00, 100_00, 200_00)}
QR_PX = 168


class GiftCardScreen(Screen):
    name = CounterPage.GIFT_CARDS

    def __init__(self, ctl: CounterMode) -> None:
        super().__init__(ctl)
        self.card = None  # the card looked up (GiftCard)
        self.printer = None  # a configured QPrinter to use instead of the system one (tests)
        self._busy = False

        title = QLabel(self.tr("Gift cards"), self)
        title.setProperty("role", "title")
        self.code = QLineEdit(self)
        self.code.setObjectName("giftCardCode")
        self.code.setProperty("role", "big")
        self.code.setPlaceholderText("GC 1234 5678 9012")
        self.code.setAccessibleName(self.tr("Gift card code"))
        self.code.setMaxLength(24)
        self.code.returnPressed.connect(self.look_up)
        self.look_up_button = QPushButton(self.tr("Check balance"), self)
        self.look_up_button.setObjectName("giftCardLookUp")
        self.look_up_button.clicked.connect(self.look_up)
        self.details = QLabel("", self)
        self.details.setObjectName("giftCardDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)

        self.amount = QLineEdit(self)
        self.amount.setObjectName("giftCardAmount")
        self.amount.setProperty("role", "big")
        self.amount.setPlaceholderText(self.tr("Amount to put on the card"))
        self.amount.setAccessibleName(self.tr("Amount to put on the card"))
        self.amount.setValidator(QRegularExpressionValidator(r"\d{0,6}(\.\d{0,2})?", self))
        self.quick_row = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []

        self.methods = QButtonGroup(self)
        self.method_buttons: dict[str, QPushButton] = {}
        method_row = QHBoxLayout()
        for kind in ("cash", "card", "upi"):
            button = QPushButton(method_label(kind).capitalize() if kind != "upi" else "UPI",
                                 self)
            button.setObjectName(f"giftCardPay_{kind}")
            button.setCheckable(True)
            button.setProperty("role", "choice")
            self.methods.addButton(button)
            self.method_buttons[kind] = button
            method_row.addWidget(button)
            button.toggled.connect(self._method_changed)
        self.reference = QLineEdit(self)
        self.reference.setObjectName("giftCardPayReference")
        method_row.addWidget(self.reference, 1)

        self.sell_button = QPushButton(self.tr("Sell a new card"), self)
        self.sell_button.setObjectName("giftCardSell")
        self.sell_button.setProperty("role", "primary")
        self.sell_button.clicked.connect(lambda: self.load(top_up=False))
        self.top_up_button = QPushButton(self.tr("Top up this card"), self)
        self.top_up_button.setObjectName("giftCardTopUp")
        self.top_up_button.clicked.connect(lambda: self.load(top_up=True))

        self.result = QLabel("", self)
        self.result.setObjectName("giftCardResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.hint = QLabel(self.tr("A card sold or topped up shows here, with its code as a QR."),
                           self)
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.qr = QrLabel(self)
        self.qr.setObjectName("giftCardQr")
        self.qr.setFixedSize(QR_PX, QR_PX)
        self.qr.hide()
        self.message = QLabel("", self)
        self.message.setObjectName("giftCardMessage")
        self.message.setProperty("role", "bad")
        self.message.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print card"), self)
        self.print_button.setObjectName("printGiftCard")
        self.print_button.clicked.connect(self.print_card)
        self.pdf_button = QPushButton(self.tr("Save card PDF"), self)
        self.pdf_button.setObjectName("saveGiftCardPdf")
        self.pdf_button.clicked.connect(lambda: self.save_card_pdf())
        self.back_button = QPushButton(self.tr("Back to sales (Esc)"), self)
        self.back_button.setObjectName("giftCardBack")
        self.back_button.clicked.connect(self.back)

        look = QHBoxLayout()
        look.addWidget(self.code, 1)
        look.addWidget(self.look_up_button)
        sell_box = QFrame(self)
        sell_box.setProperty("role", "card")
        sell = QVBoxLayout(sell_box)
        sell.setContentsMargins(20, 16, 20, 16)
        sell.addWidget(QLabel(self.tr("Sell or top up"), sell_box))
        sell.addWidget(self.amount)
        sell.addLayout(self.quick_row)
        sell.addLayout(method_row)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.top_up_button)
        actions.addWidget(self.sell_button)
        sell.addLayout(actions)
        sell.addStretch(1)
        # the card just sold sits beside the form, never below the fold at 1280x800
        outcome_box = QFrame(self)
        outcome_box.setProperty("role", "card")
        outcome_box.setMinimumWidth(QR_PX + 200)
        outcome = QVBoxLayout(outcome_box)
        outcome.setContentsMargins(20, 16, 20, 16)
        outcome.addWidget(self.hint)
        outcome.addWidget(self.result)
        printing = QVBoxLayout()  # beside the QR: the screen keeps its height
        printing.addStretch(1)
        printing.addWidget(self.print_button)
        printing.addWidget(self.pdf_button)
        card_row = QHBoxLayout()
        card_row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignVCenter)
        card_row.addLayout(printing, 1)
        outcome.addLayout(card_row)
        outcome.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(sell_box, 3)
        row.addWidget(outcome_box, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addLayout(look)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addLayout(bottom)

    # -- screen -----------------------------------------------------------------------------------
    def enter(self) -> None:
        self.message.clear()
        try:
            _cinema, self.currency = self.bridge.call(self.services.gift_cards.default_cinema)
        except KioskError as err:
            self.currency = "INR"
            self.message.setText(str(err))
        self._build_quick_amounts()
        has_shift = self.session.shift is not None
        self.method_buttons["cash"].setEnabled(has_shift)
        self.method_buttons["cash"].setToolTip(
            "" if has_shift else self.tr("Cash needs an open shift (sign in again to open one)."))
        self.method_buttons["upi"].setEnabled(self.currency == "INR")
        (self.method_buttons["cash"] if has_shift else self.method_buttons["card"]).setChecked(True)
        self._method_changed()
        if self.card is None:
            self._no_result()
        self._update_buttons()

    def first_focus(self) -> QWidget | None:
        return self.code

    @Slot()
    def back(self) -> None:
        self.clear()
        self.ctl.go(CounterPage.FINDER)

    def clear(self) -> None:
        self.card = None
        for field in (self.code, self.amount, self.reference):
            field.clear()
        self.details.clear()
        self._no_result()

    def _no_result(self) -> None:
        self.result.clear()
        self.hint.show()
        self.qr.hide()

    def refresh(self) -> None:
        if self.card is not None:
            self.look_up()

    # -- look up --------------------------------------------------------------------------------
    @Slot()
    def look_up(self) -> None:
        self.ctl.note_activity()
        try:
            card = self.bridge.call(self.services.gift_cards.balance, self.code.text())
        except KioskError as err:
            self.card = None
            self.details.clear()
            self.message.setText(str(err))
            self._update_buttons()
            return
        self.message.clear()
        self.card = card
        self.code.setText(card.display_code)
        self._show_card(card)
        self._update_buttons()

    def _show_card(self, card) -> None:
        money = format_money(card.balance_minor, card.currency)
        state = {"active": self.tr("active"), "blocked": self.tr("blocked")}.get(card.state,
                                                                                 card.state)
        lines = [self.tr("<b>%1</b> holds <b>%2</b> · %3 · valid until %4")
                 .replace("%1", card.display_code).replace("%2", money).replace("%3", state)
                 .replace("%4", date_text(card.expires_at))]
        reasons = {"load": self.tr("loaded"), "redeem": self.tr("spent"),
                   "refund": self.tr("refunded onto it"), "cloud": self.tr("moved")}
        for move in card.moves[-5:]:
            lines.append(f"{day_time_text(self.ctl.local(move.at))} · "
                         f"{reasons.get(move.reason, move.reason)} "
                         f"{format_money(move.delta_minor, card.currency)} {move.what}")
        self.details.setText("<br>".join(lines))

    # -- sell / top up --------------------------------------------------------------------------
    def _build_quick_amounts(self) -> None:
        for button in self.quick_buttons:
            button.setParent(None)
            button.deleteLater()
        self.quick_buttons = []
        for amount in QUICK_AMOUNTS.get(self.currency, ()):
            button = QPushButton(format_money(amount, self.currency), self)
            button.setObjectName(f"giftCardQuick_{amount}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, a=amount: self._set_amount(a))
            self.quick_row.addWidget(button)
            button.show()
            self.quick_buttons.append(button)

    def _set_amount(self, amount_minor: int) -> None:
        units, minor = divmod(amount_minor, 100)
        self.amount.setText(f"{units}.{minor:02d}" if minor else str(units))

    def _method(self) -> str:
        return next((k for k, b in self.method_buttons.items() if b.isChecked()), "card")

    @Slot()
    def _method_changed(self, *_args) -> None:
        self.reference.clear()
        self.reference.setPlaceholderText({
            "cash": self.tr("Cash received (empty: the exact amount)"),
            "card": self.tr("Last 4 digits of the card"),
            "upi": self.tr("UPI reference (UTR)")}[self._method()])

    def _update_buttons(self) -> None:
        self.top_up_button.setEnabled(self.card is not None and not self._busy)
        self.sell_button.setEnabled(not self._busy)
        for button in (self.print_button, self.pdf_button):  # the card shown, printed
            button.setEnabled(self.card is not None and not self._busy)

    # -- the printed card -----------------------------------------------------------------------
    def _slip(self):
        from kiosk.tickets.cards import gift_card_slip

        names = {c["id"]: c["name"] for c in self.services.catalogue.cinemas()}
        return gift_card_slip(self.card, names.get(self.card.cinema_id, self.card.cinema_id))

    def save_card_pdf(self, path: Path | None = None) -> Path | None:
        """The card as a PDF (a printed card for the customer, or a copy to e-mail)."""
        if self.card is None:
            return None
        from kiosk.tickets.cards import render_slips_pdf

        target = path or Path(self.ctl.config.ticket_dir) / f"giftcard-{self.card.code[-4:]}.pdf"
        try:
            written = render_slips_pdf([self._slip()], target, "Gift card")
        except OSError as err:
            self.message.setText(self.tr("The PDF could not be written: %1").replace("%1",
                                                                                    str(err)))
            return None
        message.ok(self.tr("Gift card saved to %1").replace("%1", str(written)))
        return written

    @Slot()
    def print_card(self) -> None:
        """The card on the counter's printer (the print dialog unless printing is silent)."""
        if self.card is None:
            return
        from kiosk.tickets.cards import print_slips

        try:
            done = print_slips([self._slip()], self.ctl.config.printer_name or None, self,
                               silent=self.ctl.config.silent_print or self.printer is not None,
                               printer=self.printer)
        except KioskError as err:
            self.message.setText(str(err))
            return
        message.ok(self.tr("Gift card sent to the printer.") if done
                   else self.tr("Printing cancelled."))

    def _payment(self, amount_minor: int) -> Payment:
        method, text = self._method(), self.reference.text().strip()
        if method == "cash":
            tendered = parse_money(text) if text else amount_minor
            return Payment("cash", tendered_minor=tendered)
        if method == "card":
            return Payment("card", card_last4=text)
        return Payment("upi", reference=text)

    def load(self, top_up: bool) -> None:
        if self._busy:
            return
        self.ctl.note_activity()
        try:
            amount = parse_money(self.amount.text()) if self.amount.text().strip() else 0
            payment = self._payment(amount)
        except ValueError:
            self.message.setText(self.tr("Type the amount as a number, for example 1000."))
            return
        if not amount:
            self.message.setText(self.tr("Type the amount to put on the card, or tap one."))
            return
        cards = self.services.gift_cards
        self._busy = True
        self._update_buttons()
        self.message.clear()
        if top_up and self.card is not None:
            self.bridge.submit(cards.top_up, self.session.actor, self.card.code, amount, payment,
                               name="gift card top-up", on_done=self._loaded,
                               on_error=self._failed)
        else:
            cinema_id = self.bridge.call(cards.default_cinema)[0]
            self.bridge.submit(cards.issue, self.session.actor, cinema_id, amount, payment,
                               name="gift card sale", on_done=self._loaded, on_error=self._failed)

    @Slot(object)
    def _loaded(self, load) -> None:
        self._busy = False
        card = load.card
        self.card = card
        self.code.setText(card.display_code)
        self._show_card(card)
        what = self.tr("Gift card sold") if load.kind == "issue" else self.tr("Gift card topped up")
        text = (f"<b>{what}: {format_money(load.amount_minor, card.currency)}</b><br>"
                f"<span style='font-size:26px'><b>{display_code(card.code)}</b></span><br>"
                + self.tr("Give the customer the card or this code; the QR carries it."))
        if load.change_minor:
            text += "<br><b>" + self.tr("Change due %1").replace(
                "%1", format_money(load.change_minor, card.currency)) + "</b>"
        self.result.setText(text)
        self.hint.hide()
        self.qr.setPixmap(qr_pixmap(card.code, QR_PX))
        self.qr.show()
        self.amount.clear()
        self.reference.clear()
        self._update_buttons()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        if isinstance(exc, KioskError):
            self.message.setText(str(exc))
        else:
            self.ctl.show_fault(exc)

"""Payment: cash (tendered, change due, quick-cash buttons), card (last four digits only), UPI
(its reference) or a gift card (its code, with what it holds shown as it is typed), or a split
of them (issue 11).

Split: the cashier takes part of the amount on a card, UPI or gift card ("Add as part payment",
F4) and the rest in cash or another way; the list of parts and what is still to pay stay on
screen. A gift card holding less than is due pays what it holds when no amount is typed.
Cash is always the last part (it alone gives change). The service checks everything again.

Confirm is disabled from the first tap until the service answers, so a double tap sends one
confirm; the service's idempotent confirm (keyed by the hold) makes a repeat harmless anyway.
The ticket screen appears only after the booking is committed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.cash_notes import quick_cash_amounts
from kiosk.domain.errors import HoldExpired, KioskError, PaymentError, SeatsUnavailable
from kiosk.domain.giftcards import masked_code, normalise_code
from kiosk.domain.loyalty import masked_phone, redeemable_minor
from kiosk.domain.money import format_money, parse_money
from kiosk.domain.tenders import Tender
from kiosk.domain.upi import CURRENCY as UPI_CURRENCY
from kiosk.domain.upi import check_utr, payment_uri
from kiosk.services.models import Payment
from kiosk.ui import message
from kiosk.ui.counter.screen import Screen
from kiosk.ui.counter.ticket import qr_pixmap
from kiosk.ui.dates import date_text, day_time_text
from kiosk.ui.keypad import NumericKeypad
from kiosk.ui.names import tender_name as method_label  # the tender names, translated
from kiosk.ui.page_names import CounterPage
from kiosk.ui.widgets.qr import QrLabel

if TYPE_CHECKING:
    from kiosk.ui.counter.mode import CounterMode

# Keys: cash F7, card F8, UPI F10, gift card F11, add a part F4. The counter's own keys (F2 sales,
# F3 gift cards, F5 refresh, F6 refund, F9 close shift, F12 sign out) stay free: a key bound
# twice in one window is ambiguous to Qt and then does nothing at all.

METHODS = ("cash", "card", "upi", "voucher")  # the order of the method pages
UPI_QR_PX = 152


class PaymentScreen(Screen):
    name = CounterPage.PAYMENT

    def __init__(self, ctl: CounterMode) -> None:
        super().__init__(ctl)
        self._confirming = False
        self.confirm_calls = 0  # how many confirms this screen sent (tests, diagnostics)

        title = QLabel(self.tr("Payment"), self)
        title.setProperty("role", "title")
        self.due_label = QLabel("", self)
        self.due_label.setObjectName("amountDue")
        self.due_label.setProperty("role", "hero")
        self.summary_label = QLabel("", self)
        self.summary_label.setProperty("role", "muted")
        self.summary_label.setWordWrap(True)

        self.cash_button = QPushButton(self.tr("Cash (F7)"), self)
        self.cash_button.setObjectName("payCash")
        self.card_button = QPushButton(self.tr("Card (F8)"), self)
        self.card_button.setObjectName("payCard")
        self.upi_button = QPushButton(self.tr("UPI (F10)"), self)
        self.upi_button.setObjectName("payUpi")
        self.voucher_button = QPushButton(self.tr("Gift card (F11)"), self)
        self.voucher_button.setObjectName("payVoucher")
        self.points_button = QPushButton("", self)  # a member's points: a part payment
        self.points_button.setObjectName("payPoints")
        self.points_button.setMinimumHeight(64)
        self.points_button.clicked.connect(self.use_points)
        self.method_group = QButtonGroup(self)
        self.method_group.setExclusive(True)
        for button in (self.cash_button, self.card_button, self.upi_button, self.voucher_button):
            button.setCheckable(True)
            button.setMinimumHeight(64)
            self.method_group.addButton(button)
        self.cash_button.setChecked(True)
        self.method_group.buttonToggled.connect(self._method_changed)
        for key, button in ((Qt.Key.Key_F7, self.cash_button), (Qt.Key.Key_F8, self.card_button),
                            (Qt.Key.Key_F10, self.upi_button),
                            (Qt.Key.Key_F11, self.voucher_button)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(button.click)

        # cash page
        self.tendered = QLineEdit(self)
        self.tendered.setObjectName("tendered")
        self.tendered.setProperty("role", "big")
        self.tendered.setPlaceholderText(self.tr("Cash received"))
        self.tendered.setAccessibleName(self.tr("Cash received"))
        self.tendered.setValidator(QRegularExpressionValidator(r"\d{0,7}(\.\d{0,2})?", self))
        self.tendered.textChanged.connect(self._update_state)
        self.tendered.returnPressed.connect(self.confirm)
        self.change_label = QLabel("", self)
        self.change_label.setObjectName("changeDue")
        self.change_label.setProperty("role", "money")
        self.quick_box = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []

        # card page
        self.card_last4 = QLineEdit(self)
        self.card_last4.setObjectName("cardLast4")
        self.card_last4.setProperty("role", "big")
        self.card_last4.setPlaceholderText(self.tr("Last 4 digits of the card"))
        self.card_last4.setAccessibleName(self.tr("Last 4 digits of the card"))
        self.card_last4.setValidator(QRegularExpressionValidator(r"\d{0,4}", self))
        self.card_last4.setMaxLength(4)
        self.card_last4.textChanged.connect(self._update_state)
        self.card_last4.returnPressed.connect(self.confirm)
        card_note = QLabel(self.tr("Take the card payment on the terminal first, then type the "
                                   "last four digits from its slip."), self)
        card_note.setWordWrap(True)
        card_note.setProperty("role", "muted")

        # UPI page
        self.upi_reference = QLineEdit(self)
        self.upi_reference.setObjectName("upiReference")
        self.upi_reference.setProperty("role", "big")
        self.upi_reference.setPlaceholderText(self.tr("UPI reference (UTR)"))
        self.upi_reference.setAccessibleName(self.tr("UPI reference"))
        self.upi_reference.setMaxLength(16)  # 12 digits, and the spaces or dashes apps show
        self.upi_reference.setValidator(QRegularExpressionValidator(r"[0-9 -]{0,16}", self))
        self.upi_reference.textChanged.connect(self._update_state)
        self.upi_reference.returnPressed.connect(self.confirm)
        self.upi_qr = QrLabel(self)  # the upi://pay QR for exactly the amount on UPI
        self.upi_qr.setObjectName("upiQr")
        self.upi_qr.setFixedSize(UPI_QR_PX, UPI_QR_PX)
        self.upi_qr.setAccessibleName(self.tr("UPI payment QR code"))
        self.upi_pay_text = QLabel("", self)
        self.upi_pay_text.setObjectName("upiPayText")
        self.upi_pay_text.setWordWrap(True)
        self.upi_payload = ""  # the URI in the QR now (tests, diagnostics)

        # gift card page (the tender kind is still called 'voucher' in the database)
        self.voucher_code = QLineEdit(self)
        self.voucher_code.setObjectName("voucherCode")
        self.voucher_code.setProperty("role", "big")
        self.voucher_code.setPlaceholderText("GC 1234 5678 9012")
        self.voucher_code.setAccessibleName(self.tr("Gift card code"))
        self.voucher_code.setMaxLength(24)
        self.voucher_code.textChanged.connect(self._gift_card_typed)
        self.gift_card_balance: int | None = None  # what the typed card holds (None: unknown)
        self.gift_card_status = QLabel("", self)
        self.gift_card_status.setObjectName("giftCardStatus")
        self.gift_card_status.setWordWrap(True)
        self.voucher_code.returnPressed.connect(self.confirm)

        # split: part payments on card / UPI, then the rest
        self.parts: list[Tender] = []
        self.part_amount = QLineEdit(self)
        self.part_amount.setObjectName("partAmount")
        self.part_amount.setPlaceholderText(self.tr("Amount (empty: all still to pay)"))
        self.part_amount.setAccessibleName(self.tr("Amount on this card, UPI or gift card"))
        self.part_amount.setValidator(QRegularExpressionValidator(r"\d{0,7}(\.\d{0,2})?", self))
        self.part_amount.textChanged.connect(self._update_state)
        self.add_part_button = QPushButton(self.tr("Add as part payment (F4)"), self)
        self.add_part_button.setObjectName("addPart")
        self.add_part_button.setMinimumHeight(48)
        self.add_part_button.clicked.connect(self.add_part)
        add_part_key = QShortcut(QKeySequence(Qt.Key.Key_F4), self)
        add_part_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_part_key.activated.connect(self.add_part)
        self.clear_parts_button = QPushButton(self.tr("Remove part payments"), self)
        self.clear_parts_button.setObjectName("clearParts")
        self.clear_parts_button.setMinimumHeight(48)
        self.clear_parts_button.clicked.connect(self.clear_parts)
        self.parts_label = QLabel("", self)
        self.parts_label.setObjectName("partPayments")
        self.parts_label.setWordWrap(True)
        self.remaining_label = QLabel("", self)
        self.remaining_label.setObjectName("stillToPay")
        self.remaining_label.setProperty("role", "money")

        cash_page = QWidget(self)
        cash_layout = QVBoxLayout(cash_page)
        cash_layout.setContentsMargins(0, 0, 0, 0)
        cash_layout.addWidget(QLabel(self.tr("Cash received"), cash_page))
        cash_layout.addWidget(self.tendered)
        cash_layout.addLayout(self.quick_box)
        cash_layout.addWidget(self.change_label)
        cash_layout.addStretch(1)
        card_page = QWidget(self)
        card_layout = QVBoxLayout(card_page)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(QLabel(self.tr("Card"), card_page))
        card_layout.addWidget(self.card_last4)
        card_layout.addWidget(card_note)
        card_layout.addStretch(1)
        upi_page = QWidget(self)
        upi_row = QHBoxLayout(upi_page)
        upi_row.setContentsMargins(0, 0, 0, 0)
        upi_row.addWidget(self.upi_qr, 0, Qt.AlignmentFlag.AlignTop)
        upi_layout = QVBoxLayout()
        upi_layout.setContentsMargins(0, 0, 0, 0)
        upi_layout.addWidget(self.upi_pay_text)
        upi_layout.addWidget(self.upi_reference)
        upi_note = QLabel(self.tr("Check the payment arrived on the UPI app, then type the "
                                  "12-digit UTR it shows."), upi_page)
        upi_note.setWordWrap(True)
        upi_note.setProperty("role", "muted")
        upi_layout.addWidget(upi_note)
        upi_layout.addStretch(1)
        upi_row.addLayout(upi_layout, 1)
        voucher_page = QWidget(self)
        voucher_layout = QVBoxLayout(voucher_page)
        voucher_layout.setContentsMargins(0, 0, 0, 0)
        voucher_layout.addWidget(QLabel(self.tr("Gift card"), voucher_page))
        voucher_layout.addWidget(self.voucher_code)
        voucher_layout.addWidget(self.gift_card_status)
        voucher_note = QLabel(self.tr("Type or scan the code on the card. It pays what it holds; "
                                      "take the rest another way."), voucher_page)
        voucher_note.setWordWrap(True)
        voucher_note.setProperty("role", "muted")
        voucher_layout.addWidget(voucher_note)
        voucher_layout.addStretch(1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(cash_page)
        self.pages.addWidget(card_page)
        self.pages.addWidget(upi_page)
        self.pages.addWidget(voucher_page)
        part_row = QHBoxLayout()
        part_row.addWidget(self.part_amount, 1)
        part_row.addWidget(self.add_part_button)
        self.part_box = QWidget(self)
        self.part_box.setLayout(part_row)
        part_row.setContentsMargins(0, 0, 0, 0)

        self.contact = QLineEdit(self)
        self.contact.setObjectName("customerContact")
        self.contact.setPlaceholderText(self.tr("Customer e-mail or mobile for the "
                                                "confirmation (optional)"))
        self.contact.setAccessibleName(self.tr("Customer e-mail or mobile (optional)"))

        self.keypad = NumericKeypad(self, decimal=True, enter_text=self.tr("Confirm"))
        self.keypad.setObjectName("paymentKeypad")
        self.keypad.attach(self.tendered, self.card_last4, self.part_amount)
        self.keypad.setMinimumWidth(280)

        self.message = QLabel("", self)
        self.upi_reference.textChanged.connect(self.message.clear)  # an old "12-digit" hint
        self.message.setObjectName("paymentMessage")
        self.message.setProperty("role", "bad")
        self.message.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Back (Esc)"), self)
        self.back_button.setObjectName("paymentBack")
        self.back_button.clicked.connect(self.back)
        self.confirm_button = QPushButton(self.tr("Confirm payment"), self)
        self.confirm_button.setObjectName("confirmPayment")
        self.confirm_button.setProperty("role", "primary")
        self.confirm_button.setMinimumHeight(64)
        self.confirm_button.clicked.connect(self.confirm)

        card = QFrame(self)
        card.setProperty("role", "card")
        grid = QGridLayout(card)
        grid.setContentsMargins(20, 16, 20, 16)
        grid.setHorizontalSpacing(24)
        methods = QHBoxLayout()
        methods.addWidget(self.cash_button)
        methods.addWidget(self.card_button)
        methods.addWidget(self.upi_button)
        methods.addWidget(self.voucher_button)
        self.parts_box = QWidget(self)  # shown only once a part payment was added
        parts_row = QHBoxLayout(self.parts_box)
        parts_row.setContentsMargins(0, 0, 0, 0)
        parts_text = QVBoxLayout()
        parts_text.addWidget(self.parts_label)
        parts_text.addWidget(self.remaining_label)
        parts_row.addLayout(parts_text, 1)
        parts_row.addWidget(self.clear_parts_button)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Amount due"), card))
        left.addWidget(self.due_label)
        left.addWidget(self.summary_label)
        left.addLayout(methods)
        left.addWidget(self.points_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.pages, 1)
        left.addWidget(self.part_box)
        left.addWidget(self.parts_box)
        left.addWidget(self.contact)
        left.addWidget(self.message)
        grid.addLayout(left, 0, 0)
        grid.addWidget(self.keypad, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addWidget(card, 1)
        layout.addLayout(bottom)

        order = [self.cash_button, self.card_button, self.upi_button, self.voucher_button,
                 self.tendered, self.card_last4, self.upi_reference, self.voucher_code,
                 self.part_amount, self.add_part_button,
                 self.contact, self.confirm_button, self.back_button]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)

    # -- hooks ----------------------------------------------------------------------------------
    @property
    def total_minor(self) -> int:
        quote = self.session.sale.quote
        return quote.total_minor if quote else 0

    @property
    def credit_minor(self) -> int:
        """In an exchange, the value of the old booking's seats, carried over to the new one."""
        old = self.session.sale.exchange_from
        if old is None:
            return 0
        return sum(line.price_minor for line in old.lines if not line.refunded)

    @property
    def due_minor(self) -> int:
        return max(0, self.total_minor - self.credit_minor)

    @property
    def remaining_minor(self) -> int:
        """What is still to pay after the part payments added so far."""
        return max(0, self.due_minor - sum(t.amount_minor for t in self.parts))

    @property
    def nothing_to_pay(self) -> bool:
        """An exchange for seats costing the same or less: no payment is taken."""
        return self.session.sale.exchange_from is not None and self.due_minor == 0

    @property
    def currency(self) -> str:
        quote = self.session.sale.quote
        return quote.currency if quote else "INR"

    def enter(self) -> None:
        sale = self.session.sale
        if sale.hold is None or sale.quote is None:
            self.ctl.go(CounterPage.BASKET if sale.hold else CounterPage.FINDER)
            return
        self._confirming = False
        self.message.clear()
        self.tendered.clear()
        self.card_last4.clear()
        self.upi_reference.clear()
        self.voucher_code.clear()
        self.part_amount.clear()
        self.parts = []
        self.contact.clear()
        has_shift = self.session.shift is not None
        takes_upi = self.currency == UPI_CURRENCY
        self.upi_button.setEnabled(takes_upi)
        self.upi_button.setToolTip("" if takes_upi else
                                   self.tr("UPI takes rupees only: take card or cash."))
        self.cash_button.setEnabled(has_shift)
        self.cash_button.setToolTip("" if has_shift else
                                    self.tr("Cash needs an open shift (sign in again to open "
                                            "one)."))
        (self.cash_button if has_shift else self.card_button).setChecked(True)
        self._method_changed()
        self.due_label.setText(format_money(self.due_minor, self.currency))
        summary = sale.show.summary
        self.summary_label.setText(
            self.tr("%1 · %2 · seats %3").replace("%1", summary.film_title)
            .replace("%2", day_time_text(summary.local_start))
            .replace("%3", ", ".join(sorted(sale.hold.seats))))
        exchange = sale.exchange_from
        if exchange is not None:
            back = max(0, self.credit_minor - self.total_minor)
            note = self.tr("Exchange of %1: new seats %2, credit from the old booking %3.") \
                .replace("%1", exchange.reference) \
                .replace("%2", format_money(self.total_minor, self.currency)) \
                .replace("%3", format_money(self.credit_minor, self.currency))
            if back:
                note += " " + self.tr("Give back %1 to the original payment method.").replace(
                    "%1", format_money(back, self.currency))
            self.summary_label.setText(self.summary_label.text() + "\n" + note)
        no_pay = self.nothing_to_pay
        for widget in (self.cash_button, self.card_button, self.upi_button, self.voucher_button,
                       self.pages, self.keypad):
            widget.setVisible(not no_pay)
        self._parts_changed()

    # -- a loyalty member's points ------------------------------------------------------------
    def _points_minor(self) -> int:
        """What the member's points may still pay of this sale (0: no member, too few)."""
        member = self.session.sale.member
        if member is None or self.nothing_to_pay or self.session.sale.exchange_from is not None:
            return 0
        spent = sum(t.amount_minor for t in self.parts if t.kind == "points")
        if spent:
            return 0  # one points payment per sale
        return redeemable_minor(member.points, self.remaining_minor, self.currency)

    def _refresh_points(self) -> None:
        amount = self._points_minor()
        self.points_button.setVisible(amount > 0)
        if amount:
            self.points_button.setText(self.tr("Member's points pay %1").replace(
                "%1", format_money(amount, self.currency)))
            self.points_button.setMinimumWidth(self.points_button.sizeHint().width() + 24)

    @Slot()
    def use_points(self) -> None:
        """Let the member's points pay what they may; the rest is taken another way."""
        amount = self._points_minor()
        member = self.session.sale.member
        if self._confirming or not amount or member is None:
            return
        self.ctl.note_activity()
        self.parts.append(Tender("points", amount, member.phone))
        self.message.clear()
        self._parts_changed()

    def first_focus(self) -> QWidget | None:
        if self.nothing_to_pay:
            return self.confirm_button
        return self._field()

    def _method(self) -> str:
        if self.upi_button.isChecked():
            return "upi"
        if self.voucher_button.isChecked():
            return "voucher"
        return "card" if self.card_button.isChecked() else "cash"

    def _field(self) -> QLineEdit:
        return {"cash": self.tendered, "card": self.card_last4, "upi": self.upi_reference,
                "voucher": self.voucher_code}[self._method()]

    @Slot()
    def back(self) -> None:
        if not self._confirming:
            self.ctl.go(CounterPage.BASKET)

    def _build_quick_cash(self) -> None:
        for button in self.quick_buttons:
            button.setParent(None)
            button.deleteLater()
        self.quick_buttons = []
        exact = QPushButton(self.tr("Exact"), self)
        exact.setObjectName("quickCashExact")
        exact.clicked.connect(lambda: self.set_tendered(self.remaining_minor))
        self.quick_buttons.append(exact)
        for amount in quick_cash_amounts(self.remaining_minor, self.currency):
            button = QPushButton(format_money(amount, self.currency), self)
            button.setObjectName(f"quickCash_{amount}")
            button.clicked.connect(lambda _c=False, a=amount: self.set_tendered(a))
            self.quick_buttons.append(button)
        for button in self.quick_buttons:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.quick_box.addWidget(button)
            button.show()

    def set_tendered(self, amount_minor: int) -> None:
        self.ctl.note_activity()
        units, minor = divmod(amount_minor, 100)
        self.tendered.setText(f"{units}.{minor:02d}" if minor else str(units))
        self.tendered.setFocus()

    @Slot()
    def _method_changed(self, *_args) -> None:
        method = self._method()
        current = METHODS.index(method)
        self.pages.setCurrentIndex(current)
        # The stack takes the height of the page on show, not of the tallest (cash): with a part
        # payment listed, the card / UPI / gift card page then still fits at 1280x800.
        for index in range(self.pages.count()):
            policy = (QSizePolicy.Policy.Preferred if index == current
                      else QSizePolicy.Policy.Ignored)
            self.pages.widget(index).setSizePolicy(policy, policy)
        self.pages.updateGeometry()
        self.part_box.setVisible(method != "cash" and not self.nothing_to_pay)
        field = self._field()
        self.keypad.set_target(field)
        field.setFocus()
        self.message.clear()
        self._update_state()

    # -- split payment --------------------------------------------------------------------------
    def _typed_part(self) -> Tender | None:
        """The card, UPI or gift card tender as typed (amount: the part amount, or all still to
        pay)."""
        method = self._method()
        if method == "cash":
            return None
        reference = self._field().text().strip()
        if method == "card" and (len(reference) != 4 or not reference.isdigit()):
            return None
        if method == "upi":
            try:
                reference = check_utr(reference)
            except PaymentError:
                return None
        if method == "voucher":
            try:
                reference = normalise_code(reference)
            except PaymentError:
                return None
        if not reference:
            return None
        amount = self._part_amount()
        if amount is None:
            return None
        if (method == "voucher" and not self.part_amount.text().strip()
                and self.gift_card_balance is not None):
            amount = min(amount, self.gift_card_balance)  # it pays what it holds
            if amount <= 0:
                return None
        return Tender(method, amount, reference)

    @staticmethod
    def _shown_reference(tender: Tender) -> str:
        if tender.kind == "card":
            return "••••" + tender.reference
        if tender.kind == "points":
            return masked_phone(tender.reference)
        return masked_code(tender.reference) if tender.kind == "voucher" else tender.reference

    @Slot(str)
    def _gift_card_typed(self, text: str) -> None:
        """Say what the typed card holds (or why it cannot pay) as soon as its code is whole,
        so the cashier takes the rest another way before confirming."""
        self.gift_card_balance = None
        status = ""
        digits = "".join(c for c in text if c.isdigit())
        if len(digits) >= 12:
            try:
                card = self.bridge.call(self.services.gift_cards.balance, text)
            except KioskError as exc:
                status = str(exc)
            else:
                if card.state != "active":
                    status = self.tr("This gift card is blocked and cannot pay.")
                elif card.expired(self.services.deps.clock.now()):
                    status = self.tr("This gift card expired on %1.").replace(
                        "%1", date_text(card.expires_at))
                elif card.currency != self.currency:
                    status = self.tr("This gift card holds %1, not %2.").replace(
                        "%1", card.currency).replace("%2", self.currency)
                else:
                    self.gift_card_balance = card.balance_minor
                    status = self.tr("Holds %1 · valid until %2").replace(
                        "%1", format_money(card.balance_minor, card.currency)).replace(
                        "%2", date_text(card.expires_at))
        self.gift_card_status.setText(status)
        self._update_state()

    @Slot()
    def add_part(self) -> None:
        """Take part of the amount on this card / UPI / gift card; the rest is paid next."""
        if self._confirming or self.nothing_to_pay:
            return
        self.ctl.note_activity()
        part = self._typed_part()
        if part is None:
            self.message.setText(
                self.tr("Choose card, UPI or gift card, enter its details and an amount up to %1.")
                .replace("%1", format_money(self.remaining_minor, self.currency)))
            return
        self.parts.append(part)
        for field in (self.card_last4, self.upi_reference, self.voucher_code, self.part_amount):
            field.clear()
        self.message.clear()
        if self.cash_button.isEnabled() and self.remaining_minor:
            self.cash_button.setChecked(True)
        self._parts_changed()

    @Slot()
    def clear_parts(self) -> None:
        self.parts = []
        self._parts_changed()

    def _parts_changed(self) -> None:
        lines = [f"{method_label(t.kind)} {self._shown_reference(t)}: "
                 f"{format_money(t.amount_minor, self.currency)}" for t in self.parts]
        self.parts_label.setText(self.tr("Part payments: %1").replace("%1", "; ".join(lines))
                                 if lines else "")
        self.parts_box.setVisible(bool(self.parts))
        self.remaining_label.setText(self.tr("Still to pay %1").replace(
            "%1", format_money(self.remaining_minor, self.currency)) if self.parts else "")
        self.part_box.setVisible(self._method() != "cash" and not self.nothing_to_pay)
        self._build_quick_cash()
        self._refresh_points()
        self._update_state()

    # -- validation -----------------------------------------------------------------------------
    def tendered_minor(self) -> int | None:
        text = self.tendered.text().strip()
        if not text:
            return None
        try:
            return parse_money(text)
        except ValueError:
            return None

    def payment(self) -> Payment | None:
        """The payment as typed (with any part payments), or None while it is not acceptable."""
        remaining = self.remaining_minor
        if self.parts and remaining == 0:
            return Payment(tenders=tuple(self.parts))
        if self.cash_button.isChecked():
            tendered = self.tendered_minor()
            if tendered is None or tendered < remaining:
                return None
            if self.parts:
                return Payment(tenders=(*self.parts, Tender("cash", tendered)))
            return Payment(method="cash", tendered_minor=tendered)
        last = self._typed_part()
        if last is None or last.amount_minor != remaining:
            return None
        if self.parts:
            return Payment(tenders=(*self.parts, last))
        if last.kind == "card":
            return Payment(method="card", card_last4=last.reference)
        return Payment(method=last.kind, reference=last.reference)

    @Slot()
    def _update_state(self, *_args) -> None:
        if self.cash_button.isChecked():
            tendered = self.tendered_minor()
            remaining = self.remaining_minor
            if tendered is None:
                self.change_label.setText("")
            elif tendered < remaining:
                self.change_label.setText(self.tr("Short by %1").replace(
                    "%1", format_money(remaining - tendered, self.currency)))
            else:
                self.change_label.setText(self.tr("Change due %1").replace(
                    "%1", format_money(tendered - remaining, self.currency)))
        if self._method() == "upi":
            self._refresh_upi()
        self.add_part_button.setEnabled(self._typed_part() is not None and not self._confirming)
        self.confirm_button.setEnabled(self.ready() and not self._confirming)
        self.ctl.customerViewChanged.emit()  # the change due, on the customer display

    def _part_amount(self) -> int | None:
        """The part amount typed (empty: all still to pay), or None when it is not one."""
        text = self.part_amount.text().strip()
        try:
            amount = parse_money(text) if text else self.remaining_minor
        except ValueError:
            return None
        return amount if 0 < amount <= self.remaining_minor else None

    def _upi_amount(self) -> int:
        """What the customer pays by UPI now: the part amount typed, else all still to pay."""
        amount = self._part_amount()
        return self.remaining_minor if amount is None else amount

    def _refresh_upi(self) -> None:
        """The payment QR for exactly the amount on UPI (payee from the kiosk's config)."""
        amount = self._upi_amount()
        money = format_money(amount, self.currency)
        config = self.ctl.config
        payload = ""
        if amount > 0 and config.upi_payee_vpa and self.currency == UPI_CURRENCY:
            hold = self.session.sale.hold
            try:
                payload = payment_uri(
                    config.upi_payee_vpa, config.upi_payee_name or config.upi_payee_vpa, amount,
                    note=self.session.sale.show.summary.film_title,
                    merchant_code=config.upi_merchant_code,  # one reference per UPI part
                    reference=f"{hold.hold_id[:30]}-{len(self.parts) + 1}" if hold else "")
            except PaymentError:
                payload = ""
        if payload:
            name = config.upi_payee_name or config.upi_payee_vpa
            self.upi_pay_text.setText(self.tr("Customer scans to pay %1 to %2.")
                                      .replace("%1", money).replace("%2", name))
        else:
            self.upi_pay_text.setText(self.tr("No UPI QR set up on this kiosk: the customer "
                                              "pays %1 on the cinema's UPI stand.")
                                      .replace("%1", money))
        if payload != self.upi_payload:
            self.upi_payload = payload
            if payload:
                self.upi_qr.setPixmap(qr_pixmap(payload, UPI_QR_PX))
            else:
                self.upi_qr.clear()
        self.upi_qr.setVisible(bool(payload))

    def ready(self) -> bool:
        return self.nothing_to_pay or self.payment() is not None

    # -- confirm --------------------------------------------------------------------------------
    @property
    def confirming(self) -> bool:
        """A sale is being committed: the counter neither locks nor leaves meanwhile."""
        return self._confirming

    @Slot()
    def confirm(self) -> None:
        if self._confirming:
            return
        payment = self.payment()
        sale = self.session.sale
        short_card = (self._method() == "voucher" and self.gift_card_balance is not None
                      and self.gift_card_balance < self.remaining_minor)
        if payment is None and not self.nothing_to_pay and short_card:
            self.message.setText(self.tr("This gift card pays %1: add it as a part payment (F4), "
                                         "then take the rest another way.").replace(
                "%1", format_money(self.gift_card_balance or 0, self.currency)))
            return
        if payment is None and not self.nothing_to_pay:
            self.message.setText({
                "cash": self.tr("Enter the cash received (at least the amount due)"),
                "card": self.tr("Enter the last four digits of the card."),
                "upi": self.tr("Enter the UPI reference: the 12-digit UTR on the customer's "
                               "payment screen."),
                "voucher": self.tr("Enter the gift card code."),
            }[self._method()] if not self.parts else self.tr("Still to pay %1: take it in cash, "
                                                             "or by card, UPI or gift card.").replace(
                "%1", format_money(self.remaining_minor, self.currency)))
            return
        if sale.hold is None:
            self.ctl.go(CounterPage.FINDER)
            return
        self._confirming = True
        self.confirm_calls += 1
        self.confirm_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.message.setText("")
        self.ctl.set_busy_text(self.tr("Confirming the sale…"))
        self.ctl.sales.confirm_sale(payment, self.contact.text().strip(),
                              on_done=self._confirmed, on_error=self._failed)

    @Slot(object)
    def _confirmed(self, booking) -> None:
        self._confirming = False
        self.back_button.setEnabled(True)
        self.ctl.set_busy_text("")
        self.ctl.sales.sale_confirmed(booking)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._confirming = False
        self.back_button.setEnabled(True)
        self.ctl.set_busy_text("")
        self._update_state()
        if isinstance(exc, HoldExpired):
            self.ctl.sales.hold_lost(str(exc))
        elif isinstance(exc, SeatsUnavailable):
            message.error(str(exc))
            self.ctl.go(CounterPage.SEATS)
        elif isinstance(exc, KioskError):
            self.message.setText(str(exc))
        else:
            self.ctl.show_fault(exc)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm()
            return
        super().keyPressEvent(event)

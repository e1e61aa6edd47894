"""Payment: cash (tendered, change due, quick-cash buttons) or card (last four digits only).

Confirm is disabled from the first tap until the service answers, so a double tap sends one
confirm; the service's idempotent confirm (keyed by the hold) makes a repeat harmless anyway.
The ticket screen appears only after the booking is committed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import HoldExpired, KioskError, SeatsUnavailable
from kiosk.domain.money import format_money, parse_money
from kiosk.services.models import Payment
from kiosk.ui.counter.screen import Screen
from kiosk.ui.keypad import NumericKeypad

NOTE_STEPS_MAJOR = (50, 100, 500, 1000, 2000)


def quick_cash_amounts(total_minor: int, limit: int = 3) -> list[int]:
    """Exact, then the next round amounts a customer is likely to hand over (in minor units)."""
    amounts: list[int] = []
    for step in NOTE_STEPS_MAJOR:
        unit = step * 100
        rounded = -(-total_minor // unit) * unit
        if rounded > total_minor and rounded not in amounts:
            amounts.append(rounded)
    return amounts[:limit]


class PaymentScreen(Screen):
    name = "payment"

    def __init__(self, ctl):
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
        for button in (self.cash_button, self.card_button):
            button.setCheckable(True)
            button.setMinimumHeight(64)
        self.method_group = QButtonGroup(self)
        self.method_group.setExclusive(True)
        self.method_group.addButton(self.cash_button)
        self.method_group.addButton(self.card_button)
        self.cash_button.setChecked(True)
        self.cash_button.toggled.connect(self._method_changed)
        for key, button in ((Qt.Key.Key_F7, self.cash_button), (Qt.Key.Key_F8, self.card_button)):
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
        self.pages = QStackedWidget(self)
        self.pages.addWidget(cash_page)
        self.pages.addWidget(card_page)

        self.contact = QLineEdit(self)
        self.contact.setObjectName("customerContact")
        self.contact.setPlaceholderText(self.tr("Customer e-mail or mobile for the "
                                                "confirmation (optional)"))
        self.contact.setAccessibleName(self.tr("Customer e-mail or mobile (optional)"))

        self.keypad = NumericKeypad(self, decimal=True, enter_text=self.tr("Confirm"))
        self.keypad.setObjectName("paymentKeypad")
        self.keypad.attach(self.tendered, self.card_last4)
        self.keypad.setMinimumWidth(280)

        self.message = QLabel("", self)
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
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Amount due"), card))
        left.addWidget(self.due_label)
        left.addWidget(self.summary_label)
        left.addLayout(methods)
        left.addWidget(self.pages, 1)
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

        order = [self.cash_button, self.card_button, self.tendered, self.card_last4,
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
            self.ctl.go("basket" if sale.hold else "finder")
            return
        self._confirming = False
        self.message.clear()
        self.tendered.clear()
        self.card_last4.clear()
        self.contact.clear()
        has_shift = self.session.shift is not None
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
            .replace("%2", summary.local_start.strftime("%a %d %b %H:%M"))
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
        for widget in (self.cash_button, self.card_button, self.pages, self.keypad):
            widget.setVisible(not no_pay)
        self._build_quick_cash()
        self._update_state()

    def first_focus(self) -> QWidget | None:
        if self.nothing_to_pay:
            return self.confirm_button
        return self.tendered if self.cash_button.isChecked() else self.card_last4

    def back(self) -> None:
        if not self._confirming:
            self.ctl.go("basket")

    def _build_quick_cash(self) -> None:
        for button in self.quick_buttons:
            button.setParent(None)
            button.deleteLater()
        self.quick_buttons = []
        exact = QPushButton(self.tr("Exact"), self)
        exact.setObjectName("quickCashExact")
        exact.clicked.connect(lambda: self.set_tendered(self.due_minor))
        self.quick_buttons.append(exact)
        for amount in quick_cash_amounts(self.due_minor):
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

    def _method_changed(self, *_args) -> None:
        cash = self.cash_button.isChecked()
        self.pages.setCurrentIndex(0 if cash else 1)
        self.keypad.set_target(self.tendered if cash else self.card_last4)
        (self.tendered if cash else self.card_last4).setFocus()
        self.message.clear()
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
        """The payment as typed, or None while it is not yet acceptable."""
        if self.cash_button.isChecked():
            tendered = self.tendered_minor()
            if tendered is None or tendered < self.due_minor:
                return None
            return Payment(method="cash", tendered_minor=tendered)
        last4 = self.card_last4.text()
        if len(last4) != 4 or not last4.isdigit():
            return None
        return Payment(method="card", card_last4=last4)

    def _update_state(self, *_args) -> None:
        if self.cash_button.isChecked():
            tendered = self.tendered_minor()
            if tendered is None:
                self.change_label.setText("")
            elif tendered < self.due_minor:
                self.change_label.setText(self.tr("Short by %1").replace(
                    "%1", format_money(self.due_minor - tendered, self.currency)))
            else:
                self.change_label.setText(self.tr("Change due %1").replace(
                    "%1", format_money(tendered - self.due_minor, self.currency)))
        self.confirm_button.setEnabled(self.ready() and not self._confirming)

    def ready(self) -> bool:
        return self.nothing_to_pay or self.payment() is not None

    # -- confirm --------------------------------------------------------------------------------
    def confirm(self) -> None:
        if self._confirming:
            return
        payment = self.payment()
        sale = self.session.sale
        if payment is None and not self.nothing_to_pay:
            self.message.setText(self.tr("Enter the cash received (at least the amount due)")
                                 if self.cash_button.isChecked() else
                                 self.tr("Enter the last four digits of the card."))
            return
        if sale.hold is None:
            self.ctl.go("finder")
            return
        self._confirming = True
        self.confirm_calls += 1
        self.confirm_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.message.setText("")
        self.ctl.set_busy_text(self.tr("Confirming the sale…"))
        self.ctl.confirm_sale(payment, self.contact.text().strip(),
                              on_done=self._confirmed, on_error=self._failed)

    def _confirmed(self, booking) -> None:
        self._confirming = False
        self.back_button.setEnabled(True)
        self.ctl.set_busy_text("")
        self.ctl.sale_confirmed(booking)

    def _failed(self, exc: BaseException) -> None:
        self._confirming = False
        self.back_button.setEnabled(True)
        self.ctl.set_busy_text("")
        self._update_state()
        if isinstance(exc, HoldExpired):
            self.ctl.hold_lost(str(exc))
        elif isinstance(exc, SeatsUnavailable):
            self.ctl.banner.error(str(exc))
            self.ctl.go("seats")
        elif isinstance(exc, KioskError):
            self.message.setText(str(exc))
        else:
            self.ctl.show_fault(exc)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm()
            return
        super().keyPressEvent(event)

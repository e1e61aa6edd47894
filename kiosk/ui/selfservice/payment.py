"""Pay by card on a simulated card terminal.

A kiosk's real terminal belongs to the payment provider; this screen stands in for it and keeps
the same promise a real integration would: only the last four digits of the card are ever seen or
stored. The card is read here and charged when the customer confirms.
"""

from __future__ import annotations

import secrets

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.money import format_money
from kiosk.services.models import Quote
from kiosk.ui.page_names import SelfServicePage
from kiosk.ui.selfservice.common import button, label, step_layout
from kiosk.ui.selfservice.screen import SelfServiceScreen

READ_DELAY_MS = 700  # how long the simulated terminal "reads" the card


class CardTerminal(QFrame):
    """A drawn card terminal: its screen prompts, then reports the card it read."""

    cardRead = Signal(str)  # last four digits

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._reading = False  # a card is being read
        self.setProperty("ss", "terminal")
        self.setFixedWidth(420)
        self.setMinimumHeight(460)
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 28, 28, 28)
        column.setSpacing(16)
        screen = QFrame(self)
        screen.setProperty("ss", "screen")
        screen.setMinimumHeight(190)
        screen_column = QVBoxLayout(screen)
        screen_column.setContentsMargins(18, 18, 18, 18)
        self.amount = label("", "title", align=Qt.AlignmentFlag.AlignCenter)
        self.prompt = label("", "sub", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
        self.prompt.setObjectName("terminalPrompt")
        screen_column.addWidget(self.amount)
        screen_column.addWidget(self.prompt)
        column.addWidget(screen)
        self.contactless = label("))))", "big", align=Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.contactless)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.tap_button = button("", role="primary", min_height=64)
        self.tap_button.setObjectName("tapCard")
        self.insert_button = button("", min_height=64)
        self.insert_button.setObjectName("insertCard")
        self.swipe_button = button("", min_height=64)
        self.swipe_button.setObjectName("swipeCard")
        for b in (self.tap_button, self.insert_button, self.swipe_button):
            b.clicked.connect(self._present)
            row.addWidget(b)
        column.addLayout(row)
        column.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(READ_DELAY_MS)
        self._timer.timeout.connect(self._finish)
        self.last4: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.tap_button.setText(self.tr("Tap"))
        self.insert_button.setText(self.tr("Insert"))
        self.swipe_button.setText(self.tr("Swipe"))
        self._show_state()

    def reset(self, amount_text: str) -> None:
        self._timer.stop()
        self.last4 = None
        self.amount.setText(amount_text)
        self._reading = False
        self._show_state()
        for b in (self.tap_button, self.insert_button, self.swipe_button):
            b.setEnabled(True)

    def _show_state(self) -> None:
        if self._reading:
            self.prompt.setText(self.tr("Reading card… do not remove"))
        elif self.last4:
            self.prompt.setText(self.tr("Card accepted\n•••• %1").replace("%1", self.last4))
        else:
            self.prompt.setText(self.tr("Tap, insert or swipe your card"))

    @Slot()
    def _present(self) -> None:
        self._reading = True
        for b in (self.tap_button, self.insert_button, self.swipe_button):
            b.setEnabled(False)
        self._show_state()
        self._timer.start()

    @Slot()
    def _finish(self) -> None:
        self._reading = False
        # A real terminal reports a masked PAN; the simulator makes up the last four digits.
        self.last4 = f"{secrets.randbelow(10_000):04d}"
        self._show_state()
        self.cardRead.emit(self.last4)


class PaymentScreen(SelfServiceScreen):
    name = SelfServicePage.PAY
    cardAccepted = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        body = QHBoxLayout()
        self.header = step_layout(self, body, (40, 30, 40, 30), 40)
        info = QVBoxLayout()
        info.setSpacing(14)
        self.to_pay = label("", "hero")
        self.to_pay.setObjectName("amountToPay")
        self.summary = label("", "sub", wrap=True)
        self.note = label("", "small", wrap=True)
        self.status = label("", "big", wrap=True)
        self.status.setProperty("ss", "ok")
        self.status.setObjectName("cardStatus")
        self.continue_button = button("", role="primary", min_height=72)
        self.continue_button.setObjectName("paymentContinue")
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self._continue)
        info.addStretch(1)
        for w in (self.to_pay, self.summary, self.note, self.status):
            info.addWidget(w)
        info.addWidget(self.continue_button)
        info.addStretch(1)
        body.addLayout(info, 1)
        self.terminal = CardTerminal(self)
        self.terminal.cardRead.connect(self._card_read)
        body.addWidget(self.terminal, 0, Qt.AlignmentFlag.AlignVCenter)
        self.last4: str | None = None
        self._quote: Quote | None = None
        self._summary_text = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.title.setText(self.tr("Pay by card"))
        self.note.setText(self.tr("We only keep the last four digits of your card. You are "
                                  "charged when you confirm, after checking your order."))
        self.continue_button.setText(self.tr("Continue"))
        self.terminal.retranslate()
        self._show_status()

    def set_order(self, quote: Quote, summary: str) -> None:
        self._quote = quote
        self._summary_text = summary
        amount = format_money(quote.total_minor, quote.currency)
        self.to_pay.setText(amount)
        self.summary.setText(summary)
        self.last4 = None
        self.terminal.reset(amount)
        self.continue_button.setEnabled(False)
        self._show_status()

    @Slot(str)
    def _card_read(self, last4: str) -> None:
        self.last4 = last4
        self.continue_button.setEnabled(True)
        self._show_status()

    def _show_status(self) -> None:
        if self.last4:
            self.status.setText(self.tr("Card ending %1 read.").replace("%1", self.last4))
        else:
            self.status.setText(self.tr("Use the card reader on the right."))

    @Slot()
    def _continue(self) -> None:
        if self.last4:
            self.cardAccepted.emit(self.last4)

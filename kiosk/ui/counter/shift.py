"""Shift open: the float in the drawer. The close, counted by denomination, is in
``shift_close`` (re-exported here: the counter mode builds both from this module).

One primary action per screen (issue 14 defect 7): "Open shift"; skipping to card sales only is
a plain button, and the keypad's Enter is a key, not a second "Open shift".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import KioskError
from kiosk.domain.money import format_money, parse_money
from kiosk.ui import message
from kiosk.ui.counter.screen import BusyScreen
from kiosk.ui.counter.shift_close import ShiftCloseScreen
from kiosk.ui.keypad import NumericKeypad
from kiosk.ui.page_names import CounterPage
from kiosk.ui.widgets.flow import FlowLayout

if TYPE_CHECKING:
    from kiosk.ui.counter.mode import CounterMode

__all__ = ["ShiftCloseScreen", "ShiftOpenScreen"]

AMOUNT_PATTERN = r"\d{0,7}(\.\d{0,2})?"


class _AmountScreen(BusyScreen):
    """A card with a heading, an explanation, one amount field with a keypad, and actions."""

    def _build(self, heading: str, note: str, field_label: str, action_text: str) -> None:
        self._busy = False
        card = QFrame(self)
        card.setProperty("role", "card")
        card.setMaximumWidth(900)
        title = QLabel(heading, card)
        title.setProperty("role", "title")
        self.note = QLabel(note, card)
        self.note.setWordWrap(True)
        self.amount = QLineEdit(card)
        self.amount.setObjectName(f"{self.name}Amount")
        self.amount.setProperty("role", "big")
        self.amount.setPlaceholderText(field_label)
        self.amount.setAccessibleName(field_label)
        self.amount.setValidator(QRegularExpressionValidator(AMOUNT_PATTERN, self))
        self.amount.returnPressed.connect(self.submit)
        self.message = QLabel("", card)
        self.message.setObjectName(f"{self.name}Message")
        self.message.setProperty("role", "bad")
        self.message.setWordWrap(True)
        self.result = QLabel("", card)
        self.result.setObjectName(f"{self.name}Result")
        self.result.setWordWrap(True)
        self.action = QPushButton(action_text, card)
        self.action.setObjectName(f"{self.name}Action")
        self.action.setProperty("role", "primary")
        self.action.clicked.connect(self.submit)
        self.keypad = NumericKeypad(card, decimal=True, enter_text=action_text)
        self.keypad.attach(self.amount)
        self.keypad.setMinimumWidth(280)
        # the buttons share a line when they fit, else take one each (Telugu, large text)
        self.actions = FlowLayout(spacing=10)
        self.actions.addWidget(self.action)

        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(self.note)
        field = QLabel(field_label, card)
        field.setBuddy(self.amount)
        left.addWidget(field)
        left.addWidget(self.amount)
        left.addWidget(self.message)
        left.addWidget(self.result)
        left.addStretch(1)
        left.addLayout(self.actions)
        grid = QGridLayout(card)
        grid.setContentsMargins(24, 20, 24, 20)
        grid.setHorizontalSpacing(28)
        grid.addLayout(left, 0, 0)
        grid.addWidget(self.keypad, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def first_focus(self) -> QWidget | None:
        return self.amount

    def amount_minor(self) -> int | None:
        try:
            return parse_money(self.amount.text())
        except ValueError:
            return None

    def currency(self) -> str:
        shift = self.session.shift
        if shift is not None:
            return shift.currency
        try:
            cinemas = self.bridge.call(self.services.catalogue.cinemas)
        except KioskError:
            cinemas = []
        return cinemas[0]["currency"] if cinemas else "INR"

    @Slot()
    def submit(self) -> None:
        raise NotImplementedError

    def _submit_amount(self, service_call, missing_text: str, name: str, on_done) -> None:
        """Send the typed amount to ``service_call(actor, amount)`` off the GUI thread, once."""
        amount = self.amount_minor()
        if amount is None:
            self.message.setText(missing_text)
            return
        self._set_busy(True)
        self.bridge.submit(service_call, self.session.actor, amount, name=name,
                           on_done=on_done, on_error=self._failed)

    def _failure_label(self) -> QLabel:
        return self.message

    def _show_busy(self, busy: bool) -> None:
        self.action.setEnabled(not busy)
        self.amount.setReadOnly(busy)


class ShiftOpenScreen(_AmountScreen):
    name = CounterPage.SHIFT_OPEN

    def __init__(self, ctl: CounterMode) -> None:
        super().__init__(ctl)
        self._build(self.tr("Open your shift"),
                    self.tr("Count the cash float in the drawer and type the amount. Cash sales "
                            "need an open shift."),
                    self.tr("Float in the drawer"), self.tr("Open shift"))
        self.skip = QPushButton(self.tr("Card sales only (skip)"), self)
        self.skip.setObjectName("skipShift")
        self.skip.clicked.connect(lambda: self.ctl.go(CounterPage.FINDER))
        self.actions.insertWidget(0, self.skip)

    def enter(self) -> None:
        self.amount.clear()
        self.message.clear()
        self.result.clear()
        self._set_busy(False)

    def back(self) -> None:
        self.ctl.go(CounterPage.FINDER)

    @Slot()
    def submit(self) -> None:
        if self._busy:
            return
        self._submit_amount(self.services.shifts.open,
                            self.tr("Type the float amount, for example 2000."),
                            "shift_open", self._opened)

    def _opened(self, shift) -> None:
        self._set_busy(False)
        self.session.shift = shift
        self.ctl.shift_changed()
        message.ok(self.tr("Shift opened with a float of %1.").replace(
            "%1", format_money(shift.float_minor, shift.currency)))
        self.ctl.go(CounterPage.FINDER)

"""Staff sign-in: staff number and PIN by on-screen keypad or keyboard; bcrypt off the GUI thread.

Used by counter mode (and its idle lock) and by manager mode. The check itself is
``AuthService.sign_in`` (which audits every attempt and locks after repeated failures); this
panel only collects the digits, runs the call through the bridge and shows the refusal calmly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
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
from kiosk.ui.keypad import NumericKeypad

if TYPE_CHECKING:
    from kiosk.ui.bridge import Bridge


class SignInPanel(QWidget):
    signedIn = Signal(object)  # kiosk.services.models.Actor

    def __init__(self, bridge: Bridge, parent: QWidget | None = None, *, title: str | None = None,
                 require_manager: bool = False):
        super().__init__(parent)
        self.setObjectName("signInPanel")
        self.bridge = bridge
        self.require_manager = require_manager
        self._busy = False

        card = QFrame(self)
        card.setProperty("role", "card")
        card.setMaximumWidth(760)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

        grid = QGridLayout(card)
        grid.setContentsMargins(28, 24, 28, 24)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(10)

        self.title = QLabel(title or self.tr("Staff sign-in"), card)
        self.title.setProperty("role", "title")
        self.note = QLabel("", card)
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.note.hide()

        digits = QRegularExpressionValidator(r"\d{0,8}", self)
        self.staff_field = QLineEdit(card)
        self.staff_field.setObjectName("staffNumber")
        self.staff_field.setProperty("role", "big")
        self.staff_field.setPlaceholderText(self.tr("Staff number"))
        self.staff_field.setAccessibleName(self.tr("Staff number"))
        self.staff_field.setValidator(digits)
        self.staff_field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.pin_field = QLineEdit(card)
        self.pin_field.setObjectName("pin")
        self.pin_field.setProperty("role", "big")
        self.pin_field.setPlaceholderText(self.tr("PIN"))
        self.pin_field.setAccessibleName(self.tr("PIN"))
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setValidator(QRegularExpressionValidator(r"\d{0,12}", self))
        self.pin_field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                                           | Qt.InputMethodHint.ImhSensitiveData)

        self.message = QLabel("", card)
        self.message.setObjectName("signInMessage")
        self.message.setProperty("role", "bad")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(48)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.sign_in_button = QPushButton(self.tr("Sign in"), card)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setProperty("role", "primary")
        self.sign_in_button.clicked.connect(self.submit)

        self.keypad = NumericKeypad(card, enter_text=self.tr("Next"))
        self.keypad.setObjectName("signInKeypad")
        self.keypad.attach(self.staff_field, self.pin_field)
        self.keypad.setMinimumWidth(260)

        staff_label = QLabel(self.tr("Staff number"), card)
        staff_label.setBuddy(self.staff_field)
        pin_label = QLabel(self.tr("PIN"), card)
        pin_label.setBuddy(self.pin_field)

        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.title)
        left.addWidget(self.note)
        left.addSpacing(6)
        left.addWidget(staff_label)
        left.addWidget(self.staff_field)
        left.addWidget(pin_label)
        left.addWidget(self.pin_field)
        left.addWidget(self.message)
        left.addStretch(1)
        left.addWidget(self.sign_in_button)
        grid.addLayout(left, 0, 0)
        grid.addWidget(self.keypad, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        self.staff_field.returnPressed.connect(self._staff_entered)
        self.pin_field.returnPressed.connect(self.submit)
        self.setTabOrder(self.staff_field, self.pin_field)
        self.setTabOrder(self.pin_field, self.sign_in_button)

    # -- public ---------------------------------------------------------------------------------
    def reset(self, note: str = "", keep_staff: bool = False) -> None:
        """Clear the fields (the PIN always) and show ``note`` above them."""
        if not keep_staff:
            self.staff_field.clear()
        self.pin_field.clear()
        self.message.clear()
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._set_busy(False)
        self.focus_first()

    def focus_first(self) -> None:
        target = self.pin_field if self.staff_field.text() else self.staff_field
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.keypad.set_target(target)

    def show_error(self, text: str) -> None:
        self.message.setText(text)

    # -- flow -----------------------------------------------------------------------------------
    @Slot()
    def _staff_entered(self) -> None:
        if self.staff_field.text():
            self.pin_field.setFocus(Qt.FocusReason.OtherFocusReason)
            self.keypad.set_target(self.pin_field)

    @Slot()
    def submit(self) -> None:
        if self._busy:
            return
        staff, pin = self.staff_field.text().strip(), self.pin_field.text()
        if not staff:
            self.show_error(self.tr("Type your staff number."))
            self.staff_field.setFocus()
            self.keypad.set_target(self.staff_field)
            return
        if not pin:
            self.show_error(self.tr("Type your PIN."))
            self.pin_field.setFocus()
            self.keypad.set_target(self.pin_field)
            return
        self._set_busy(True)
        self.message.setText(self.tr("Checking…"))
        self.bridge.submit(self.bridge.services.auth.sign_in, staff, pin, name="sign_in",
                           on_done=self._signed_in, on_error=self._failed)

    @Slot(object)
    def _signed_in(self, actor) -> None:
        self._set_busy(False)
        self.pin_field.clear()
        if self.require_manager and not actor.is_manager:
            self.show_error(self.tr("Only a manager can open the manager console."))
            return
        self.message.clear()
        self.signedIn.emit(actor)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.pin_field.clear()
        if isinstance(exc, KioskError):
            self.show_error(str(exc))
        else:
            self.show_error(self.tr("Sign-in is not available right now. Please try again."))
        self.pin_field.setFocus()
        self.keypad.set_target(self.pin_field)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.sign_in_button.setEnabled(not busy)
        self.staff_field.setReadOnly(busy)
        self.pin_field.setReadOnly(busy)

"""First-manager screen: an empty production database (no staff, no cloud cinema) on first start.

Shown by the launcher before the main window (``kiosk.commands.launch``), as the cloud's join
screen (``kiosk.ui.first_run``) is. The person setting the kiosk up types the first manager's
name, staff number and PIN twice; ``kiosk.services.first_run.create_first_manager`` runs on a
worker thread (bcrypt is slow on purpose) and decides everything: the PIN policy, the PINs
matching, and that no staff exist yet. The screen only shows the policy up front and the
service's refusals in its words. The demo data is NOT loaded here: that is ``kiosk --demo``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import KioskError
from kiosk.domain.pin_policy import PIN_MAX_DIGITS, PIN_MIN_DIGITS

CreateFn = Callable[[str, str, str, str], object]  # (staff_number, name, pin, pin_again)


class FirstManagerScreen(QWidget):
    created = Signal(object)  # kiosk.services.staff_admin.StaffRecord
    _failed = Signal(str)
    _succeeded = Signal(object)

    def __init__(self, create: CreateFn, *, kiosk_id: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstManagerScreen")
        self.setWindowTitle(self.tr("Box Office Kiosk: create the first manager"))
        self._create = create
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

        box = QVBoxLayout(card)
        box.setContentsMargins(32, 28, 32, 28)
        box.setSpacing(12)
        title = QLabel(self.tr("Create the first manager"), card)
        title.setProperty("role", "title")
        intro = QLabel(self.tr(
            "This kiosk ({kiosk}) has no staff yet. Enter the manager who sets it up: they "
            "sign in to the manager console next, add the cinema's films, halls and shows, and "
            "add the other staff. No demo data is loaded; to try the kiosk with demo data "
            "instead, start it with kiosk --demo.").format(kiosk=kiosk_id or "-"), card)
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")

        self.name = QLineEdit(card)
        self.name.setObjectName("firstManagerName")
        self.name.setMaxLength(80)
        self.name.setPlaceholderText(self.tr("full name"))
        self.number = QLineEdit(card)
        self.number.setObjectName("firstManagerNumber")
        self.number.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,8}")))
        self.number.setPlaceholderText(self.tr("3 to 8 digits"))
        digits = QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{PIN_MAX_DIGITS}}}"))
        self.pin = QLineEdit(card)
        self.pin.setObjectName("firstManagerPin")
        self.pin_again = QLineEdit(card)
        self.pin_again.setObjectName("firstManagerPinAgain")
        for field in (self.pin, self.pin_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setValidator(digits)
            field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                                      | Qt.InputMethodHint.ImhSensitiveData)
        for field in (self.name, self.number, self.pin, self.pin_again):
            field.setMinimumHeight(48)
        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Staff number"), self.number)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        self.policy = QLabel(self.tr(
            "The PIN is {low} to {high} digits, not one digit repeated (like 0000) and not a "
            "run (like 1234 or 9876).").format(low=PIN_MIN_DIGITS, high=PIN_MAX_DIGITS), card)
        self.policy.setObjectName("firstManagerPolicy")
        self.policy.setWordWrap(True)
        self.policy.setProperty("role", "muted")
        self.status = QLabel("", card)
        self.status.setObjectName("firstManagerStatus")
        self.status.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create manager"), card)
        self.create_button.setObjectName("firstManagerCreate")
        self.create_button.setProperty("role", "primary")
        self.create_button.setMinimumHeight(56)

        box.addWidget(title)
        box.addWidget(intro)
        box.addLayout(form)
        box.addWidget(self.policy)
        box.addWidget(self.status)
        box.addWidget(self.create_button)

        self.create_button.clicked.connect(self.start_create)
        self.pin_again.returnPressed.connect(self.start_create)
        self.name.returnPressed.connect(self.number.setFocus)
        self.number.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.pin_again.setFocus)
        for field in (self.name, self.number, self.pin, self.pin_again):
            field.textChanged.connect(self._update_enabled)
        self._failed.connect(self._show_failure)
        self._succeeded.connect(self._done)
        self._update_enabled()
        self.name.setFocus()

    def _filled(self) -> bool:
        return all(f.text().strip() for f in (self.name, self.number, self.pin, self.pin_again))

    def _update_enabled(self) -> None:
        self.create_button.setEnabled(self._filled() and not self._busy)

    def _set_status(self, text: str, role: str) -> None:
        self.status.setProperty("role", role)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)

    def start_create(self) -> None:
        """Hand the four entries to the service on a worker thread (bcrypt takes a while)."""
        if self._busy or not self._filled():
            return
        self._busy = True
        self._update_enabled()
        self._set_status(self.tr("Creating the manager ..."), "muted")
        entries = (self.number.text(), self.name.text(), self.pin.text(), self.pin_again.text())
        create = self._create

        def work() -> None:
            try:
                record = create(*entries)
            except KioskError as err:
                self._failed.emit(str(err))
            except Exception as err:  # noqa: BLE001 - shown; the person can try again
                self._failed.emit(self.tr("Could not create the manager: {error}").format(
                    error=err))
            else:
                self._succeeded.emit(record)

        threading.Thread(target=work, name="first-manager", daemon=True).start()

    def _show_failure(self, text: str) -> None:
        self._busy = False
        self.pin.clear()  # a refused PIN is typed again, twice
        self.pin_again.clear()
        self._set_status(text, "bad")
        self._update_enabled()
        self.pin.setFocus()

    def _done(self, record) -> None:
        self._busy = False
        self.pin.clear()
        self.pin_again.clear()
        self._set_status(self.tr("Manager {name} ({number}) created. Sign in with that staff "
                                 "number and PIN.").format(name=getattr(record, "name", ""),
                                                           number=getattr(record,
                                                                          "staff_number", "")),
                         "good")
        self.created.emit(record)

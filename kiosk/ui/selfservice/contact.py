"""Where to send the confirmation: an e-mail address or a mobile number, typed on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.errors import InvalidInput
from kiosk.ui.onscreen_keyboard import OnScreenKeyboard
from kiosk.ui.page_names import SelfServicePage
from kiosk.ui.selfservice.common import button, label, step_layout
from kiosk.ui.selfservice.contact_rules import normalise_email, normalise_phone
from kiosk.ui.selfservice.screen import SelfServiceScreen


class ContactScreen(SelfServiceScreen):
    name = SelfServicePage.CONTACT
    contactEntered = Signal(str)  # normalised address or number; "" when skipped

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        body = QVBoxLayout()
        self.header = step_layout(self, body, (40, 12, 40, 12), 8)
        self.intro = label("", "big", wrap=True)
        body.addWidget(self.intro)
        modes = QHBoxLayout()
        modes.setSpacing(12)
        self.email_mode = button("", ss="chip", checkable=True, min_height=60)
        self.email_mode.setObjectName("contactEmail")
        self.phone_mode = button("", ss="chip", checkable=True, min_height=60)
        self.phone_mode.setObjectName("contactPhone")
        group = QButtonGroup(self)
        group.addButton(self.email_mode)
        group.addButton(self.phone_mode)
        self.email_mode.setChecked(True)
        self.email_mode.clicked.connect(lambda: self.set_mode("email"))
        self.phone_mode.clicked.connect(lambda: self.set_mode("phone"))
        modes.addWidget(self.email_mode)
        modes.addWidget(self.phone_mode)
        modes.addStretch(1)
        body.addLayout(modes)
        self.entry = QLineEdit(self)
        self.entry.setProperty("ss", "entry")
        self.entry.setObjectName("contactEntry")
        self.entry.returnPressed.connect(self.submit)
        self.entry.textEdited.connect(lambda _t: self.set_error(""))
        body.addWidget(self.entry)
        self.error = label("", "sub", wrap=True)
        self.error.setProperty("ss", "error")
        self.error.setObjectName("contactError")
        body.addWidget(self.error)
        self.error.hide()  # shown only with a message, so the keyboard keeps its room
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.set_target(self.entry)
        self.keyboard.keyPressed.connect(lambda _t: self.set_error(""))
        body.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignHCenter)
        body.addStretch(1)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        self.skip_button = button("", min_height=72)
        self.skip_button.setObjectName("contactSkip")
        self.skip_button.clicked.connect(lambda: self.contactEntered.emit(""))
        self.continue_button = button("", role="primary", min_height=72)
        self.continue_button.setObjectName("contactContinue")
        self.continue_button.setMinimumWidth(300)
        self.continue_button.clicked.connect(self.submit)
        actions.addWidget(self.skip_button)
        actions.addStretch(1)
        actions.addWidget(self.continue_button)
        body.addLayout(actions)
        self._mode = "email"
        self.retranslate()

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.title.setText(self.tr("Your confirmation"))
        self.intro.setText(self.tr("Where should we send your booking confirmation?"))
        self.email_mode.setText(self.tr("E-mail"))
        self.phone_mode.setText(self.tr("Mobile number"))
        self.skip_button.setText(self.tr("No thanks"))
        self.continue_button.setText(self.tr("Continue"))
        self._placeholder()

    def reset(self) -> None:
        self.entry.clear()
        self.set_error("")
        self.set_mode("email")

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str) -> None:
        self._mode = mode
        (self.email_mode if mode == "email" else self.phone_mode).setChecked(True)
        self.keyboard.set_mode("qwerty" if mode == "email" else "phone")
        self.entry.clear()
        self.set_error("")
        self._placeholder()
        self.entry.setFocus()

    def _placeholder(self) -> None:
        self.entry.setPlaceholderText(self.tr("name@example.com") if self._mode == "email"
                                      else self.tr("10-digit mobile number"))

    @Slot()
    def submit(self) -> None:
        text = self.entry.text()
        try:
            value = normalise_email(text) if self._mode == "email" else normalise_phone(text)
        except InvalidInput:
            self.set_error(self.tr("That e-mail address does not look right. Please check it.")
                           if self._mode == "email" else
                           self.tr("That mobile number does not look right. Please check it."))
            return
        self.set_error("")
        self.contactEntered.emit(value)

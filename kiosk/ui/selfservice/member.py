"""A loyalty member on the touchscreen: the customer types their mobile number, is found (or
joins, free), and the tickets are priced again at member prices; the sale earns them points.

Shown in place of the seat rows on the ticket screen, as the promo code panel is. The name,
points and history of the number's owner are never shown here (anyone may type any number at a
public screen), only that it is a member; points are spent at the counter, where staff check
who is paying.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.errors import KioskError, NotFound
from kiosk.services.loyalty import Member
from kiosk.ui.onscreen_keyboard import OnScreenKeyboard
from kiosk.ui.selfservice.common import button, label

if TYPE_CHECKING:
    from kiosk.services.app import Services


class MemberPanel(QWidget):
    found = Signal(object)  # the Member
    cancelled = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.currency = "INR"
        self.prompt = label("", "sub", wrap=True)
        self.entry = QLineEdit(self)
        self.entry.setObjectName("memberEntry")
        self.entry.setMaxLength(20)
        self.entry.setMinimumHeight(64)
        self.entry.setProperty("ss", "entry")
        self.entry.returnPressed.connect(self.find)
        self.message = label("", "sub", wrap=True)
        self.message.setObjectName("memberMessage")
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.set_mode("phone")
        self.keyboard.set_target(self.entry)
        self.cancel_button = button("", min_height=72)
        self.cancel_button.setObjectName("memberCancel")
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.join_button = button("", min_height=72)
        self.join_button.setObjectName("memberJoin")
        self.join_button.clicked.connect(self.join)
        self.find_button = button("", role="primary", min_height=72)
        self.find_button.setObjectName("memberFind")
        self.find_button.clicked.connect(self.find)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        actions.addWidget(self.join_button)
        actions.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        layout.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(actions)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Members pay member prices and earn points. Type your "
                                    "mobile number."))
        self.entry.setPlaceholderText(self.tr("Mobile number"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.join_button.setText(self.tr("Join free"))
        self.find_button.setText(self.tr("Find me"))
        for widget in (self.cancel_button, self.join_button, self.find_button):
            widget.setMinimumWidth(widget.sizeHint().width() + 48)  # whole words in every language

    def open(self, currency: str) -> None:
        self.currency = currency
        self.entry.clear()
        self.message.clear()
        self.join_button.hide()
        self.show()

    @Slot()
    def find(self) -> None:
        try:
            member = self.services.loyalty.find(self.entry.text(), self.currency,
                                                self.services.auth.self_service_actor())
        except NotFound:
            self.message.setText(self.tr("This number is not a member yet. Tap Join free to "
                                         "join now."))
            self.join_button.show()
            return
        except KioskError as err:
            self.message.setText(str(err))
            return
        self.found.emit(member)

    @Slot()
    def join(self) -> None:
        try:
            member: Member = self.services.loyalty.join(self.services.auth.self_service_actor(),
                                                        self.entry.text(), self.currency)
        except KioskError as err:
            self.message.setText(str(err))
            return
        self.found.emit(member)

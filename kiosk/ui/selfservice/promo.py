"""A promo code typed on the touchscreen: an entry, the on-screen keyboard, Apply and Cancel.

Shown in place of the seat rows on the ticket screen; the screen prices the basket with the code
through the booking service, which says why a code does not apply.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.ui.onscreen_keyboard import OnScreenKeyboard
from kiosk.ui.selfservice.common import button, label


class PromoPanel(QWidget):
    applied = Signal(str)  # the code typed
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.prompt = label("", "sub", wrap=True)
        self.entry = QLineEdit(self)
        self.entry.setObjectName("promoEntry")
        self.entry.setMaxLength(24)
        self.entry.setMinimumHeight(64)
        self.entry.setProperty("ss", "entry")
        self.entry.returnPressed.connect(self._apply)
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.set_mode("qwerty")
        self.keyboard.set_target(self.entry)
        self.cancel_button = button("", min_height=72)
        self.cancel_button.setObjectName("promoCancel")
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.apply_button = button("", role="primary", min_height=72)
        self.apply_button.setObjectName("promoApply")
        self.apply_button.clicked.connect(self._apply)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        actions.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addWidget(self.entry)
        layout.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(actions)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Type your promo code or voucher code"))
        self.entry.setPlaceholderText(self.tr("Promo code or voucher"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.apply_button.setText(self.tr("Apply code"))

    def open(self, code: str) -> None:
        self.entry.setText(code)
        self.show()

    @Slot()
    def _apply(self) -> None:
        self.applied.emit(self.entry.text().strip())

"""An on-screen keyboard for touchscreens that have no physical keys.

Two layouts: QWERTY with the characters an e-mail address needs (``@ . _ -`` and ``.com``) and a
phone keypad (digits, ``+``, backspace). Keys never take focus, so the line edit being typed into
keeps its cursor; the keyboard types into whichever ``QLineEdit`` is its target.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

KEY_SIZE = 64  # px: comfortably above the 48 px minimum touch target

QWERTY_ROWS = (
    "1234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
)
EMAIL_EXTRAS = ("@", ".", "_", "-", ".com")
PHONE_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "0", "⌫")

BACKSPACE = "⌫"


class OnScreenKeyboard(QWidget):
    """Touch keyboard; ``mode`` is ``"qwerty"`` or ``"phone"``."""

    keyPressed = Signal(str)  # the text a key typed, or "\b" for backspace
    enterPressed = Signal()

    def __init__(self, parent: QWidget | None = None, mode: str = "qwerty"):
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self._target: QLineEdit | None = None
        self._shift = False
        self._letter_keys: list[QPushButton] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self._qwerty = self._build_qwerty()
        self._phone = self._build_phone()
        self._layout.addWidget(self._qwerty)
        self._layout.addWidget(self._phone)
        self._mode = ""
        self.set_mode(mode)

    # -- public API -------------------------------------------------------------------------
    def set_target(self, line_edit: QLineEdit | None) -> None:
        self._target = line_edit

    def target(self) -> QLineEdit | None:
        return self._target

    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str) -> None:
        if mode not in ("qwerty", "phone"):
            raise ValueError(f"unknown keyboard mode {mode!r}")
        self._mode = mode
        self._qwerty.setVisible(mode == "qwerty")
        self._phone.setVisible(mode == "phone")

    def key_button(self, text: str) -> QPushButton:
        """The visible button that types ``text`` (tests tap keys through this)."""
        panel = self._qwerty if self._mode == "qwerty" else self._phone
        for button in panel.findChildren(QPushButton):
            if button.property("keyText") == text:
                return button
        raise KeyError(text)

    def type_text(self, text: str) -> None:
        """Tap the keys for ``text`` one by one (a convenience for demos and screenshots)."""
        for ch in text:
            self.key_button(ch.lower() if self._mode == "qwerty" else ch).click()

    # -- building ---------------------------------------------------------------------------
    def _key(self, text: str, label: str | None = None, width: int = 1) -> QPushButton:
        button = QPushButton(label or text)
        button.setProperty("keyText", text)
        button.setProperty("class", "keyboardKey")
        button.setObjectName("keyboardKey")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(KEY_SIZE * width + 8 * (width - 1), KEY_SIZE)
        if width > 1:  # a stylesheet min-width would otherwise win over setMinimumSize
            button.setStyleSheet(f"QPushButton {{ min-width: {KEY_SIZE * width + 8 * (width - 1)}px; }}")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _=False, t=text: self._press(t))
        return button

    def _build_qwerty(self) -> QWidget:
        panel = QWidget(self)
        rows = QVBoxLayout(panel)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(8)
        for index, keys in enumerate(QWERTY_ROWS):
            row = QHBoxLayout()
            row.setSpacing(8)
            row.addStretch(1)
            for ch in keys:
                button = self._key(ch)
                if ch.isalpha():
                    self._letter_keys.append(button)
                row.addWidget(button)
            if index == len(QWERTY_ROWS) - 1:
                row.addWidget(self._key(BACKSPACE, width=2))
            row.addStretch(1)
            rows.addLayout(row)
        extras = QHBoxLayout()
        extras.setSpacing(8)
        extras.addStretch(1)
        self._shift_button = QPushButton("⇧")
        self._shift_button.setObjectName("keyboardKey")
        self._shift_button.setProperty("keyText", "shift")
        self._shift_button.setCheckable(True)
        self._shift_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._shift_button.setMinimumSize(KEY_SIZE * 2, KEY_SIZE)
        self._shift_button.toggled.connect(self._set_shift)
        extras.addWidget(self._shift_button)
        for ch in EMAIL_EXTRAS:
            extras.addWidget(self._key(ch, width=2 if len(ch) > 1 else 1))
        extras.addWidget(self._key(" ", label="␣", width=3))
        extras.addStretch(1)
        rows.addLayout(extras)
        return panel

    def _build_phone(self) -> QWidget:
        panel = QWidget(self)
        grid = QGridLayout(panel)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for index, ch in enumerate(PHONE_KEYS):
            button = self._key(ch)
            button.setMinimumSize(KEY_SIZE * 2, KEY_SIZE)
            grid.addWidget(button, index // 3, index % 3)
        return panel

    # -- behaviour --------------------------------------------------------------------------
    @Slot(bool)
    def _set_shift(self, on: bool) -> None:
        self._shift = on
        for button in self._letter_keys:
            text = button.property("keyText")
            button.setText(text.upper() if on else text)

    def _press(self, text: str) -> None:
        if text == BACKSPACE:
            if self._target is not None:
                self._target.backspace()
            self.keyPressed.emit("\b")
            return
        if self._shift and text.isalpha():
            text = text.upper()
            self._shift_button.setChecked(False)
        if self._target is not None:
            self._target.insert(text)
        self.keyPressed.emit(text)

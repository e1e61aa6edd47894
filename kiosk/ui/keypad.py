"""An on-screen numeric keypad that types into whichever line edit it is attached to.

Reusable by every mode: staff PINs, cash amounts, quantities. The keys never take keyboard focus,
so a physical keyboard keeps working in the field while the keypad is on screen, and a tap on a
key lands in the field the person last focused (``attach`` several fields; the keypad follows the
focus among them).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

BACKSPACE = "⌫"


class NumericKeypad(QWidget):
    """Digits, an optional decimal point, backspace, clear and Enter, each at least 64x56 px."""

    keyPressed = Signal(str)  # the digit or "." that was typed
    enterPressed = Signal()

    def __init__(self, parent: QWidget | None = None, *, decimal: bool = False,
                 enter_text: str | None = None):
        super().__init__(parent)
        self.setObjectName("numericKeypad")
        self._fields: list[QLineEdit] = []
        self._target: QLineEdit | None = None
        self._decimal = decimal
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            self._add_key(grid, digit, digit, index // 3, index % 3)
        self._add_key(grid, "." if decimal else "C", "." if decimal else self.tr("Clear"), 3, 0)
        self._add_key(grid, "0", "0", 3, 1)
        self._add_key(grid, BACKSPACE, BACKSPACE, 3, 2)
        # The Enter key is a key, not a second primary button beside the screen's own (issue 14:
        # "Open shift ⏎" next to "Open shift" competed for the eye): it shows only the ⏎ mark
        # of a keyboard's Enter key, and says what it does to a screen reader and on hover.
        enter_label = "⏎"
        enter_words = enter_text or self.tr("Enter")
        if decimal:
            self._add_key(grid, "C", self.tr("Clear"), 4, 0)
            self._add_key(grid, "enter", enter_label, 4, 1, span=2)
        else:
            self._add_key(grid, "enter", enter_label, 4, 0, span=3)
        self.buttons["enter"].setToolTip(enter_words)
        self.buttons["enter"].setAccessibleName(enter_words)
        self.buttons[BACKSPACE].setToolTip(self.tr("Delete the last digit"))
        self.buttons[BACKSPACE].setAccessibleName(self.tr("Backspace"))

    def _add_key(self, grid: QGridLayout, key: str, text: str, row: int, col: int,
                 span: int = 1) -> None:
        button = QPushButton(text, self)
        button.setProperty("role", "key")
        button.setObjectName(f"key_{key}" if key.isalnum() else
                             {"⌫": "key_backspace", ".": "key_point"}[key])
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(64, 56)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setAutoRepeat(key == BACKSPACE)
        button.clicked.connect(lambda _checked=False, k=key: self.press(k))
        grid.addWidget(button, row, col, 1, span)
        self.buttons[key] = button

    # -- fields ---------------------------------------------------------------------------------
    def attach(self, *fields: QLineEdit) -> None:
        """Type into these fields; the first is the target until another one gets focus."""
        for line_edit in fields:
            if line_edit not in self._fields:
                self._fields.append(line_edit)
                line_edit.installEventFilter(self)
        if self._target is None and self._fields:
            self._target = self._fields[0]

    def set_target(self, line_edit: QLineEdit) -> None:
        self.attach(line_edit)
        self._target = line_edit

    def target(self) -> QLineEdit | None:
        return self._target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FocusIn and watched in self._fields:
            self._target = watched  # type: ignore[assignment]
        return False

    # -- keys -----------------------------------------------------------------------------------
    def press(self, key: str) -> None:
        """What a tap on ``key`` does; public so tests and scanners can drive it."""
        field = self._target
        if key == "enter":
            self.enterPressed.emit()
            if field is not None:
                field.returnPressed.emit()
            return
        if field is None or not field.isEnabled() or field.isReadOnly():
            return
        if key == "C":
            field.clear()
        elif key == BACKSPACE:
            field.backspace()
        else:
            if key == "." and "." in field.text():
                return
            before = field.text()
            field.insert(key)
            if field.text() == before:  # refused by the validator or max length
                return
            self.keyPressed.emit(key)
        field.setFocus(Qt.FocusReason.OtherFocusReason)

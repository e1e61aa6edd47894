"""The drawer counted by denomination: one big box per note and coin, and what each adds up to.

Notes on the left, coins on the right, largest first (the order a drawer is emptied in). Each
box takes the number of pieces from the on-screen keypad or the keyboard (digits only); Enter
or Down moves to the next box, so a whole drawer is counted without touching the mouse. The
denominations and the arithmetic are ``kiosk.domain.cash_count``'s; this widget only collects
the numbers and shows the running total.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.cash_count import COIN, NOTE, Denomination, denominations
from kiosk.domain.money import format_money
from kiosk.ui.widgets.layouts import empty_layout

FIELD_DIGITS = 5  # the domain refuses above MAX_PIECES with words; typing stops at 99,999


class DrawerCountGrid(QWidget):
    """A box per denomination of ``currency``.

    Signals:
        changed: a count was typed or cleared (the totals above are stale).
        finished: Enter in the last box.
    Attributes:
        fields: denomination key -> its QLineEdit, in counting order.
    """

    changed = Signal()
    finished = Signal()  # Enter in the last box: the screen moves on to card and UPI

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("drawerCount")
        self.currency = ""
        self.fields: dict[str, QLineEdit] = {}
        self._amounts: dict[str, QLabel] = {}
        self._denominations: dict[str, Denomination] = {}
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(6)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._grid)
        outer.addStretch(1)

    def set_currency(self, currency: str) -> None:
        """Build the boxes for ``currency`` (a shift's); the same currency keeps them."""
        if currency == self.currency and self.fields:
            return
        empty_layout(self._grid)
        self.currency = currency
        self.fields, self._amounts, self._denominations = {}, {}, {}
        digits = QRegularExpressionValidator(rf"\d{{0,{FIELD_DIGITS}}}", self)
        heads = {NOTE: self.tr("Notes"), COIN: self.tr("Coins")}
        rows = {NOTE: 1, COIN: 1}
        for kind, column in ((NOTE, 0), (COIN, 4)):
            head = QLabel(heads[kind], self)
            head.setStyleSheet("font-weight: 600;")
            self._grid.addWidget(head, 0, column, 1, 3)
        for denomination in denominations(currency):
            column = 0 if denomination.kind == NOTE else 4
            row = rows[denomination.kind]
            rows[denomination.kind] += 1
            key = denomination.key
            name = denomination.label(currency)
            label = QLabel(name, self)
            label.setProperty("role", "money")
            field = QLineEdit(self)
            field.setObjectName(f"count_{key.replace(':', '_')}")
            field.setProperty("role", "big")
            field.setValidator(digits)
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setMinimumSize(96, 48)
            field.setMaximumWidth(130)
            field.setPlaceholderText("0")
            kind_word = self.tr("coins") if denomination.kind == COIN else self.tr("notes")
            field.setAccessibleName(self.tr("Number of %1 %2").replace("%1", name)
                                    .replace("%2", kind_word))
            field.textChanged.connect(self._typed)
            field.returnPressed.connect(lambda k=key: self._next(k))
            field.installEventFilter(self)
            label.setBuddy(field)
            amount = QLabel("", self)
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            amount.setMinimumWidth(110)
            self._grid.addWidget(label, row, column)
            self._grid.addWidget(field, row, column + 1)
            self._grid.addWidget(amount, row, column + 2)
            self.fields[key] = field
            self._amounts[key] = amount
            self._denominations[key] = denomination
        self._grid.setColumnMinimumWidth(3, 24)  # a gutter between notes and coins
        keys = list(self.fields)
        for first, second in zip(keys, keys[1:], strict=False):
            QWidget.setTabOrder(self.fields[first], self.fields[second])

    def clear(self) -> None:
        for field in self.fields.values():
            field.clear()

    def counts(self) -> dict[str, int]:
        """``{denomination key: pieces}`` as typed (the service checks the numbers)."""
        return {key: int(field.text()) for key, field in self.fields.items() if field.text()}

    def set_counts(self, counts: dict[str, int]) -> None:
        for key, pieces in counts.items():
            self.fields[key].setText(str(pieces))

    def total_minor(self) -> int:
        """What the boxes add up to now (for the live total; the service recomputes it)."""
        return sum(self._denominations[key].value_minor * pieces
                   for key, pieces in self.counts().items())

    @Slot(str)
    def _typed(self, _text: str) -> None:
        for key, field in self.fields.items():
            pieces = int(field.text()) if field.text() else 0
            value = self._denominations[key].value_minor * pieces
            self._amounts[key].setText(format_money(value, self.currency) if pieces else "")
        self.changed.emit()

    def _next(self, key: str) -> None:
        """Enter (keyboard or keypad) moves to the next box; after the last, ``finished``."""
        keys = list(self.fields)
        index = keys.index(key)
        if index + 1 < len(keys):
            self.fields[keys[index + 1]].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.finished.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Down: the next box; Up: the one before (counting without a mouse)."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            keys = list(self.fields.values())
            if watched in keys:
                index = keys.index(watched)  # type: ignore[arg-type]
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
                if step is not None and 0 <= index + step < len(keys):
                    keys[index + step].setFocus(Qt.FocusReason.TabFocusReason)
                    return True
        return super().eventFilter(watched, event)

"""Food and drink on the counter's basket screen: one tap per item, choices asked when needed.

The panel only edits the sale's list of orders (``Sale.items``); prices and stock come from the
services when the basket re-quotes (``ItemSaleService.quote``), so the screen never does its own
arithmetic. An item with pick-one choices (flavour, drink) asks for them in a small menu, one per
unit (a couple combo asks for two drinks); the same item with the same choices tapped again adds
one to its line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.menu import Combo, Menu, Modifier, Order, choices_needed
from kiosk.domain.money import format_money

COLUMNS = 4
# Asks for one pick-one choice: (group name, options) -> the chosen modifier id, or None.
Chooser = Callable[[str, tuple[Modifier, ...]], "str | None"]


class FoodPanel(QWidget):
    """Item buttons for the show's cinema, and the basket's food and drink lines."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("foodPanel")
        self.menu: Menu | None = None
        self.orders: list[Order] = []
        self.chooser: Chooser = self._ask
        self.title = QLabel(self.tr("Food and drink"), self)
        self.title.setProperty("role", "title")
        self.grid = QGridLayout()
        self.grid.setSpacing(6)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.lines = QListWidget(self)
        self.lines.setObjectName("foodLines")
        self.lines.setMaximumHeight(110)
        self.remove_button = QPushButton(self.tr("Remove item"), self)
        self.remove_button.setObjectName("removeFood")
        self.remove_button.clicked.connect(self.remove_selected)
        side = QVBoxLayout()
        side.addWidget(self.lines, 1)
        side.addWidget(self.remove_button)
        row = QHBoxLayout()
        row.addLayout(self.grid, 3)
        row.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row)
        self.buttons: dict[str, QPushButton] = {}

    def set_menu(self, menu: Menu | None, orders: list[Order]) -> None:
        """Show ``menu``'s items on sale (None: this cinema sells no food; the panel hides)."""
        self.menu, self.orders = menu, orders
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        self.setVisible(menu is not None)
        if menu is None:
            return
        on_sale = [*(c for c in menu.combos.values() if c.active),
                   *(i for i in menu.items.values() if i.active)]
        for n, found in enumerate(on_sale):
            sku = found.combo_id if isinstance(found, Combo) else found.item_id
            button = QPushButton(f"{found.label}\n{format_money(found.price_minor, menu.currency)}",
                                 self)
            button.setObjectName(f"food_{sku}")
            button.setMinimumHeight(52)
            button.clicked.connect(lambda _=False, s=sku: self.add(s))
            self.grid.addWidget(button, n // COLUMNS, n % COLUMNS)
            button.show()  # added after the panel was shown: Qt does not show it by itself
            self.buttons[sku] = button
        self.show_lines({})

    def add(self, sku: str) -> bool:
        """Add one of ``sku``, asking for its choices; False when the cashier cancelled."""
        if self.menu is None:
            return False
        picked: list[str] = []
        for group, options in choices_needed(self.menu, sku):
            choice = self.chooser(group, options)
            if choice is None:
                return False
            picked.append(choice)
        key = (sku, tuple(sorted(picked)))
        for n, order in enumerate(self.orders):
            if (order.sku, tuple(sorted(order.modifiers))) == key:
                self.orders[n] = Order(sku, order.qty + 1, order.modifiers)
                break
        else:
            self.orders.append(Order(sku, 1, tuple(picked)))
        self.changed.emit()
        return True

    def remove_selected(self) -> None:
        row = self.lines.currentRow()
        if row < 0 and self.orders:
            row = len(self.orders) - 1
        if 0 <= row < len(self.orders):
            order = self.orders[row]
            if order.qty > 1:
                self.orders[row] = Order(order.sku, order.qty - 1, order.modifiers)
            else:
                del self.orders[row]
            self.changed.emit()

    def show_lines(self, labels: dict[int, str]) -> None:
        """The basket's food and drink lines, as the quote labels and prices them."""
        self.lines.clear()
        for n, order in enumerate(self.orders):
            self.lines.addItem(labels.get(n, f"{order.qty} × {order.sku}"))
        self.remove_button.setEnabled(bool(self.orders))

    def _ask(self, group: str, options: tuple[Modifier, ...]) -> str | None:
        menu = QMenu(self)
        menu.setTitle(group)
        menu.addSection(self.tr("Choose the %1").replace("%1", group))
        for option in options:
            extra = (f"  +{format_money(option.price_minor, self.menu.currency)}"
                     if option.price_minor and self.menu else "")
            menu.addAction(f"{option.name}{extra}").setData(option.modifier_id)
        action = menu.exec(QCursor.pos())
        return None if action is None else str(action.data())

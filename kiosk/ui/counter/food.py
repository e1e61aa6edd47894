"""Food and drink on the counter's basket screen: one tap per item, choices asked when needed.

The panel only edits the sale's list of orders (``Sale.items``); prices and stock come from the
services when the basket re-quotes (``ItemSaleService.quote``), so the screen never does its own
arithmetic. An item with pick-one choices (flavour, drink) asks for them in a small menu, one per
unit (a couple combo asks for two drinks); the same item with the same choices tapped again adds
one to its line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.menu import Combo, Menu, Modifier, Order, choices_needed
from kiosk.domain.money import format_money
from kiosk.ui.widgets.layouts import empty_layout
from kiosk.ui.widgets.tiles import TileGridLayout, wrap_words

WRAP_CHARS = 18  # an item button's name wraps at about this many average characters
# Asks for one pick-one choice: (group name, options) -> the chosen modifier id, or None.
Chooser = Callable[[str, tuple[Modifier, ...]], "str | None"]


class FoodPanel(QWidget):
    """Item buttons for the show's cinema; its ``order`` part lists the basket's food and drink.

    The buttons take as many columns as the width allows (names wrap, never elided); the
    ``order`` widget (the lines, an empty state that says what to do, and "Remove item") is
    placed by the basket beside its totals, so a tap on an item never moves the buttons.

    Signals:
        changed: the orders changed (an item added or removed); the basket re-quotes.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("foodPanel")
        self.menu: Menu | None = None
        self.orders: list[Order] = []
        self.chooser: Chooser = self._ask
        self.title = QLabel(self.tr("Food and drink"), self)
        self.title.setProperty("role", "title")
        self.grid = TileGridLayout(spacing=6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self.grid)
        self.buttons: dict[str, QPushButton] = {}
        self._init_order()

    def _init_order(self) -> None:
        """The basket's food and drink lines, shown by the basket in its order column."""
        self.order = QWidget(self)  # the owner puts it in its own layout
        self.order.setObjectName("foodOrder")
        heading = QLabel(self.tr("Food and drink"), self.order)
        heading.setStyleSheet("font-weight: 600;")
        self.remove_button = QPushButton(self.tr("Remove item"), self.order)
        self.remove_button.setObjectName("removeFood")
        self.remove_button.clicked.connect(self.remove_selected)
        self.empty_label = QLabel(self.tr("None yet. Tap an item to add it; tap again for one "
                                          "more."), self.order)
        self.empty_label.setObjectName("foodEmpty")
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.lines = QListWidget(self.order)
        self.lines.setObjectName("foodLines")
        self.lines_stack = QStackedWidget(self.order)  # the hint or the lines, same place
        self.lines_stack.addWidget(self.empty_label)
        self.lines_stack.addWidget(self.lines)
        self.lines_stack.setMinimumHeight(48)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(heading, 1)
        top.addWidget(self.remove_button)
        column = QVBoxLayout(self.order)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.lines_stack, 1)

    def set_menu(self, menu: Menu | None, orders: list[Order]) -> None:
        """Show ``menu``'s items on sale (None: this cinema sells no food; the panel hides)."""
        self.menu, self.orders = menu, orders
        empty_layout(self.grid)
        self.buttons = {}
        self.setVisible(menu is not None)
        self.order.setVisible(menu is not None)
        if menu is None:
            return
        on_sale = [*(c for c in menu.combos.values() if c.active),
                   *(i for i in menu.items.values() if i.active)]
        metrics = self.fontMetrics()
        wrap_at = metrics.averageCharWidth() * WRAP_CHARS
        for found in on_sale:
            sku = found.combo_id if isinstance(found, Combo) else found.item_id
            name = "\n".join(wrap_words(found.label, metrics.horizontalAdvance, wrap_at))
            button = QPushButton(f"{name}\n{format_money(found.price_minor, menu.currency)}",
                                 self)
            button.setObjectName(f"food_{sku}")
            button.setMinimumHeight(52)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, s=sku: self.add(s))
            self.grid.addWidget(button)
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

    @Slot()
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
        """The basket's food and drink lines, as the quote labels and prices them; with none,
        the hint says how to add some."""
        self.lines.clear()
        for n, order in enumerate(self.orders):
            self.lines.addItem(labels.get(n, f"{order.qty} × {order.sku}"))
        self.remove_button.setEnabled(bool(self.orders))
        self.lines_stack.setCurrentWidget(self.lines if self.orders else self.empty_label)

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


"""The upsell step after the tickets: "Add a snack?" with the cinema's combos first.

Up to ``MAX_OFFERS`` large tiles (combos, then single items), each tap adds one; a minus under a
tile takes one off. An item with a pick-one choice (popcorn flavour, the combo's drink) is
offered with its first option, named on the tile, so one tap is enough; the counter sells every
other choice. "No thanks" goes on to payment in one tap with nothing added; prices and stock come
from the service when the basket is quoted (``ItemSaleService.quote``), which also refuses what
is sold out, shown here before payment.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.menu import Combo, Menu, Order, choices_needed
from kiosk.domain.money import format_money
from kiosk.ui.page_names import SelfServicePage
from kiosk.ui.selfservice.common import button, clear_layout, label, step_layout
from kiosk.ui.selfservice.screen import SelfServiceScreen

MAX_OFFERS = 6
COLUMNS = 3


def offers(menu: Menu) -> list[tuple[str, str, int, tuple[str, ...]]]:
    """(sku, label, price, default choices) of what the upsell shows: combos first."""
    found: list[tuple[str, str, int, tuple[str, ...]]] = []
    on_sale = [*(c for c in menu.combos.values() if c.active),
               *(i for i in menu.items.values() if i.active)]
    for offer in on_sale:
        sku = offer.combo_id if isinstance(offer, Combo) else offer.item_id
        picked = [options[0] for _group, options in choices_needed(menu, sku) if options]
        # "Classic combo: medium popcorn + medium drink" reads on two lines of a tile, the
        # choices made for the customer on a third
        text = offer.label.replace(": ", "\n", 1)
        if picked:
            text += "\n" + " · ".join(m.name for m in picked)
        price = offer.price_minor + sum(m.price_minor for m in picked)
        found.append((sku, text, price, tuple(m.modifier_id for m in picked)))
        if len(found) == MAX_OFFERS:
            break
    return found


class SnacksScreen(SelfServiceScreen):
    name = SelfServicePage.SNACKS
    continueRequested = Signal(list)  # [Order]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.menu: Menu | None = None
        self.counts: dict[str, int] = {}
        self._offers: dict[str, tuple[str, int, tuple[str, ...]]] = {}
        self.tiles: dict[str, object] = {}
        self._cells: list[QVBoxLayout] = []
        self._placed_columns = 0
        self.minus: dict[str, object] = {}
        body = QVBoxLayout()
        self.header = step_layout(self, body, (40, 20, 40, 20), 16)
        self.intro = label("", "sub", wrap=True)
        body.addWidget(self.intro)
        host = QFrame(self)
        self.grid = QGridLayout(host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(12)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        # large text or Telugu: the tiles scroll rather than squeeze over each other
        scroll = QScrollArea(self)
        scroll.setObjectName("snacksScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(host)
        self.scroll = scroll
        body.addWidget(scroll, 1)
        self.error = label("", "sub", wrap=True)
        self.error.setProperty("ss", "error")
        body.addWidget(self.error)
        footer = QHBoxLayout()
        self.total = label("", "big")
        self.total.setObjectName("snacksTotal")
        self.skip_button = button("", min_height=72)
        self.skip_button.setObjectName("snacksSkip")
        self.skip_button.setMinimumWidth(260)
        self.skip_button.clicked.connect(self.skip)
        self.continue_button = button("", role="primary", min_height=72)
        self.continue_button.setObjectName("snacksContinue")
        self.continue_button.setMinimumWidth(300)
        self.continue_button.clicked.connect(self._continue)
        footer.addWidget(self.total, 1)
        footer.addWidget(self.skip_button)
        footer.addWidget(self.continue_button)
        body.addLayout(footer)
        self.retranslate()

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.title.setText(self.tr("Add a snack?"))
        self.intro.setText(self.tr("Popcorn and a drink, ready at the food counter with your "
                                   "booking reference. Tap to add, or go on without."))
        self.skip_button.setText(self.tr("No thanks"))
        self._update()

    def set_menu(self, menu: Menu, counts: dict[str, int] | None = None) -> None:
        self.menu = menu
        self.counts = dict(counts or {})
        self._offers = {sku: (text, price, mods) for sku, text, price, mods in offers(menu)}
        clear_layout(self.grid)
        self.tiles, self.minus = {}, {}
        self._cells: list[QVBoxLayout] = []
        self._placed_columns = 0
        for sku, (text, price, _mods) in self._offers.items():
            cell = QVBoxLayout()
            tile = button(f"{text}\n{format_money(price, menu.currency)}", ss="card",
                          checkable=True, min_height=136)
            tile.setObjectName(f"snack_{sku}")
            tile.clicked.connect(lambda _c=False, s=sku: self.add(s))
            minus = button("", ss="chip", min_height=56)
            minus.setObjectName(f"snackMinus_{sku}")
            minus.clicked.connect(lambda _c=False, s=sku: self.take(s))
            cell.addWidget(tile)
            cell.addWidget(minus)
            self._cells.append(cell)
            self.tiles[sku], self.minus[sku] = tile, minus
        self.error.clear()
        self._update()
        self._place_tiles()

    def _columns(self) -> int:
        """As many columns as the widest tile's text allows (fewer in large text or Telugu),
        at most ``COLUMNS``: a tile never cuts its text."""
        widest = max((tile.sizeHint().width() + tile.fontMetrics().horizontalAdvance("   ×99")
                      for tile in self.tiles.values()), default=0)  # room for the count too
        room = self.scroll.viewport().width()
        spacing = self.grid.horizontalSpacing()
        columns = COLUMNS
        while columns > 1 and columns * widest + (columns - 1) * spacing > room:
            columns -= 1
        return columns

    def _place_tiles(self) -> None:
        columns = self._columns()
        if columns == self._placed_columns:
            return
        for cell in self._cells:
            self.grid.removeItem(cell)
            cell.setParent(None)  # addLayout refuses a layout that still has a parent
        for n, cell in enumerate(self._cells):
            self.grid.addLayout(cell, n // columns, n % columns)
        self._placed_columns = columns

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt
        super().resizeEvent(event)
        self._place_tiles()

    def add(self, sku: str) -> None:
        self.counts[sku] = self.counts.get(sku, 0) + 1
        self.error.clear()
        self._update()

    def take(self, sku: str) -> None:
        if self.counts.get(sku):
            self.counts[sku] -= 1
            if not self.counts[sku]:
                del self.counts[sku]
        self._update()

    def orders(self) -> list[Order]:
        return [Order(sku, qty, self._offers[sku][2]) for sku, qty in self.counts.items()
                if qty and sku in self._offers]

    def added_minor(self) -> int:
        return sum(self._offers[sku][1] * qty for sku, qty in self.counts.items()
                   if sku in self._offers)

    def summary(self, orders: list[Order]) -> str:
        """'2 × Classic combo, Salted' ... for the review step ("" when none)."""
        def name(sku: str) -> str:
            return self._offers[sku][0].split("\n")[0] if sku in self._offers else sku

        return ", ".join(f"{o.qty} × {name(o.sku)}" for o in orders)

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _update(self) -> None:
        currency = self.menu.currency if self.menu else ""
        for sku, tile in self.tiles.items():
            text, price, _mods = self._offers[sku]
            qty = self.counts.get(sku, 0)
            tile.setText(f"{text}\n{format_money(price, currency)}"
                         + (f"   ×{qty}" if qty else ""))
            tile.setChecked(bool(qty))  # ticked while some of it is in the basket
            self.minus[sku].setText("−  " + self.tr("One less"))
            self.minus[sku].setEnabled(bool(qty))
        added = self.added_minor()
        self.total.setText(self.tr("Snacks %1").replace("%1", format_money(added, currency))
                           if added else "")
        self.continue_button.setText(self.tr("Add and pay") if added else self.tr("Continue"))
        self.continue_button.setVisible(bool(added))

    @Slot()
    def skip(self) -> None:
        self.counts = {}
        self._update()
        self.continueRequested.emit([])

    @Slot()
    def _continue(self) -> None:
        self.continueRequested.emit(self.orders())

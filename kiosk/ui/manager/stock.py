"""Food and drink stock (issue 12): what each cinema's stand has left, the low items first and
marked, and the manager's count (a delivery, a stock-take) set here. Everything goes through
``MenuService``, which checks the manager role again and audits each count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox

from kiosk.services.menu import MAX_STOCK
from kiosk.ui.manager.common import Col, ManagerScreen, RowsModel, SortedTable, button, muted
from kiosk.ui.page_names import ManagerPage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.manager.context import ManagerContext

COLUMNS = (
    Col("item", QT_TRANSLATE_NOOP("StockScreen", "Item")), Col("category", QT_TRANSLATE_NOOP("StockScreen", "Category")), Col("on_hand", QT_TRANSLATE_NOOP("StockScreen", "On hand"), "id"),
    Col("low_at", QT_TRANSLATE_NOOP("StockScreen", "Low at"), "id"), Col("state", QT_TRANSLATE_NOOP("StockScreen", "Check")), Col("item_id", QT_TRANSLATE_NOOP("StockScreen", "Item id")),
)


class StockScreen(ManagerScreen):
    name = ManagerPage.STOCK
    title = QT_TRANSLATE_NOOP("StockScreen", "Food and drink stock")

    def __init__(self, ctx: ManagerContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.cinema = QComboBox(self)
        self.cinema.setObjectName("stockCinema")
        self.cinema.setMinimumHeight(48)
        for cinema in ctx.cinemas():
            self.cinema.addItem(cinema["name"], cinema["id"])
        preferred = self.cinema.findData(ctx.config.cinema_id)
        if preferred >= 0:
            self.cinema.setCurrentIndex(preferred)
        self.cinema.currentIndexChanged.connect(lambda _i: self.refresh())
        self.only_low = QCheckBox(self.tr("Only low stock"), self)
        self.only_low.setObjectName("onlyLow")
        self.only_low.toggled.connect(lambda _on: self.refresh())
        self.toolbar.addWidget(QLabel(self.tr("Cinema"), self))
        self.toolbar.addWidget(self.cinema)
        self.toolbar.addWidget(self.only_low)
        self.toolbar.addWidget(button(self.tr("Refresh"), self, role="primary", slot=self.refresh))
        self.toolbar.addWidget(button(self.tr("Export CSV"), self, name="csv_stock",
                                      slot=lambda: self.export_csv(self.table, "stock")))
        self.summary = muted("", self)
        self.summary.setObjectName("stockSummary")
        self.outer.addWidget(self.summary)
        self.model = RowsModel(COLUMNS, self, context="StockScreen")
        self.model.highlight = self._tone
        self.table = SortedTable(self.model, self)
        self.table.setObjectName("stockTable")
        # the item's id is for the export and the search, not for reading (it is a code such
        # as "dxb-deira:hot-dog", the same in every language)
        self.table.setColumnHidden(len(COLUMNS) - 1, True)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected_changed())
        self.outer.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.count = QSpinBox(self)
        self.count.setObjectName("stockCount")
        self.low_at = QSpinBox(self)
        self.low_at.setObjectName("stockLowAt")
        for box in (self.count, self.low_at):
            box.setRange(0, MAX_STOCK)
            box.setMinimumHeight(48)
            box.setMinimumWidth(120)
        actions.addWidget(QLabel(self.tr("Counted on hand"), self))
        actions.addWidget(self.count)
        actions.addWidget(QLabel(self.tr("Warn at or below"), self))
        actions.addWidget(self.low_at)
        actions.addStretch(1)
        actions.addWidget(button(self.tr("Save count"), self, role="primary", slot=self.save_count,
                                 name="saveCount"))
        self.outer.addLayout(actions)
        self.outer.addWidget(muted(self.tr("Items without a count (coffee made to order) are not "
                                   "listed and never run out."), self))

    def _tone(self, row: int) -> str | None:
        return "bad" if self.model.payload(row).low else None

    @Slot()
    def refresh(self) -> None:
        cinema_id = self.cinema.currentData()
        if not cinema_id:
            return
        menu_service = self.ctx.services.menu
        if self.only_low.isChecked():
            rows = self.call(menu_service.low_stock, self.actor, cinema_id)
        else:
            rows = self.call(menu_service.stock, cinema_id)
        if rows is None:
            return
        self.model.set_rows([(r.item.label, r.category, r.on_hand, r.low_at,
                              self.tr("LOW") if r.low else "", r.item.item_id) for r in rows], rows)
        low = sum(1 for r in rows if r.low)
        self.summary.setText(self.tr("%1 counted items, %2 at or below their warning mark.")
                             .replace("%1", str(len(rows))).replace("%2", str(low))
                             if rows else self.tr("No counted items at this cinema."))

    def _selected_changed(self) -> None:
        row = self.table.selected_payload()
        if row is not None:
            self.count.setValue(row.on_hand)
            self.low_at.setValue(row.low_at)

    @Slot()
    def save_count(self) -> None:
        row = self.table.selected_payload()
        if row is None:
            self.banner.error(self.tr("Please choose an item in the table first."))
            return
        if self.attempt(self.ctx.services.menu.set_stock, self.actor, row.item.item_id,
                        self.count.value(), self.low_at.value(),
                        ok=self.tr("%1: %2 on hand.").replace("%1", row.item.label)
                        .replace("%2", str(self.count.value()))):
            self.refresh()

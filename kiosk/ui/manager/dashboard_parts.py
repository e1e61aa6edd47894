"""The dashboard's parts for one currency: labelled tiles, the films / screens / cashiers tables
side by side (no tabs), and the hour chart against the same weekdays a week earlier.

A ``CurrencySection`` shows one ``kiosk.services.dashboard.Section``: every figure in it is of its
one currency (the service summed it so), so a tile never stacks rupees over dirhams; in the chain
view there is one section per currency, each headed by its currency and cinemas.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from kiosk.domain.money import format_money
from kiosk.services.dashboard import Figures, Section, change
from kiosk.ui.manager.common import Col, RowsModel, SortedTable, card, muted

TILES_PER_ROW = 3
TILE_KEYS = ("tickets", "gross", "refunds", "net_revenue", "occupancy", "food")
ROWS_SHOWN = 6  # rows a side table shows before it scrolls


class Tile(QWidget):
    """One figure: what it is, the figure, a line of detail and the week-earlier comparison.

    Attributes:
        caption, value, detail, compare: the four labels, top to bottom.
    """

    def __init__(self, key: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        frame = card(self)
        frame.setObjectName(f"tile_{key}")
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(14, 10, 14, 10)
        lay.setSpacing(2)
        self.caption = QLabel(title, frame)
        self.caption.setObjectName(f"tileCaption_{key}")
        self.caption.setWordWrap(True)
        self.value = QLabel("-", frame)
        self.value.setProperty("role", "money")
        self.value.setObjectName(f"tileValue_{key}")
        self.detail = muted("", frame)
        self.detail.setObjectName(f"tileDetail_{key}")
        self.compare = muted("", frame)
        self.compare.setObjectName(f"tileCompare_{key}")
        for label in (self.caption, self.value, self.detail, self.compare):
            lay.addWidget(label)
        lay.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    def set_text(self, value: str, detail: str = "", compare: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.compare.setText(compare)
        self.compare.setVisible(bool(compare))


def _table(columns: tuple[Col, ...], name: str, stretch: int, parent: QWidget) -> SortedTable:
    """A side table whose name column takes the room (whole film titles, never "Monsoo…")."""
    table = SortedTable(RowsModel(columns, parent), parent)
    table.setObjectName(name)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for col in range(len(columns)):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setMinimumHeight(44 + 40 * 3)
    return table


class CurrencySection(QWidget):
    """One currency's figures, lines and hours (see the module docstring)."""

    def __init__(self, section: Section, *, heading: str, compare_label: str, chain: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.section = section
        self.currency = section.currency
        self.setObjectName(f"section_{section.currency}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        self.heading = QLabel(heading, self)
        self.heading.setProperty("role", "title")
        self.heading.setObjectName(f"sectionHeading_{section.currency}")
        self.heading.setWordWrap(True)
        lay.addWidget(self.heading)
        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        titles = {
            "tickets": self.tr("Tickets sold"), "gross": self.tr("Gross sales (with tax)"),
            "refunds": self.tr("Refunded"), "net_revenue": self.tr("Net revenue (after tax)"),
            "occupancy": self.tr("Seats filled"), "food": self.tr("Food and drink"),
        }
        for i, key in enumerate(TILE_KEYS):
            tile = Tile(key, titles[key], self)
            self.tiles[key] = tile
            grid.addWidget(tile, i // TILES_PER_ROW, i % TILES_PER_ROW)
        lay.addLayout(grid)
        self._fill_tiles(section.figures, section.week_ago, compare_label)

        money = section.currency
        self.films = _table((Col("film", self.tr("Film")), Col("tickets", self.tr("Tickets"), "int"),
                             Col("gross", self.tr("Gross"), "money"),
                             Col("refunds", self.tr("Refunded"), "money")), "filmsTable", 0, self)
        self.screens = _table((Col("screen", self.tr("Screen")), Col("shows", self.tr("Shows"), "int"),
                               Col("sold", self.tr("Sold"), "int"),
                               Col("occupancy", self.tr("Filled"), "percent"),
                               Col("gross", self.tr("Gross"), "money")), "screensTable", 0, self)
        self.cashiers = _table((Col("staff", self.tr("Sold by")), Col("tickets", self.tr("Tickets"), "int"),
                                Col("gross", self.tr("Gross"), "money"),
                                Col("refunds", self.tr("Refunded"), "money"),
                                Col("variance", self.tr("Cash variance"), "money")),
                               "cashiersTable", 0, self)
        for table in (self.films, self.screens, self.cashiers):
            table.source.default_currency = money
        self.films.source.set_rows([(f.film, f.tickets, f.gross, f.refunds) for f in section.films],
                                   list(section.films))
        self.screens.source.set_rows(
            [((f"{s.cinema} · {s.hall}" if chain and len(section.cinemas) > 1 else s.hall),
              s.shows, s.seats_sold, round(s.occupancy, 1), s.gross)
             for s in section.screens], list(section.screens))
        self.cashiers.source.set_rows(
            [((f"{c.staff_number} {c.name}" if c.staff_number else c.name), c.tickets, c.gross,
              c.refunds, c.variance) for c in section.cashiers], list(section.cashiers))
        self.cashiers.source.highlight = self._variance_tone
        self.hour_holder = QVBoxLayout()
        self.hour_chart: QWidget | None = None
        self._compare_label = compare_label
        self.boxes = boxes = QGridLayout()
        boxes.setSpacing(10)
        self._boxes: list[QWidget] = []
        self._side_by_side: bool | None = None
        parts: tuple[tuple[str, SortedTable | None], ...] = (
            (self.tr("By film"), self.films), (self.tr("By screen"), self.screens),
            (self.tr("By cashier (cash variance: counted at the close minus expected)"),
             self.cashiers),
            (self.tr("By hour (the cinema's clock)"), None))
        for title, part in parts:
            box = card(self)
            box_lay = QVBoxLayout(box)
            box_lay.setContentsMargins(10, 8, 10, 10)
            label = QLabel(title, box)
            label.setWordWrap(True)
            label.setStyleSheet("font-weight: 600;")
            box_lay.addWidget(label)
            if part is None:
                box_lay.addLayout(self.hour_holder, 1)
            else:
                part.setParent(box)
                box_lay.addWidget(part, 1)
                rows = max(1, min(ROWS_SHOWN, part.source.rowCount()))
                part.setMinimumHeight(48 + 44 * rows)
            self._boxes.append(box)
        boxes.setColumnStretch(0, 1)
        boxes.setColumnStretch(1, 1)
        self._arrange(True)
        lay.addLayout(boxes)

    def _arrange(self, side_by_side: bool) -> None:
        """Films and screens side by side when both fit whole, else one above the other
        (large text); cashiers and hours a row each."""
        if side_by_side == self._side_by_side:
            return
        self._side_by_side = side_by_side
        for box in self._boxes:
            self.boxes.removeWidget(box)
        for i, box in enumerate(self._boxes):
            if side_by_side and i < 2:
                self.boxes.addWidget(box, 0, i)
            else:
                self.boxes.addWidget(box, i if not side_by_side else i - 1, 0, 1, 2)

    def _needed(self, table: SortedTable) -> int:
        """The width ``table`` needs with its name column ~12 characters wide (longer names
        wrap onto a second line, whole)."""
        header = table.horizontalHeader()
        width = table.fontMetrics().averageCharWidth() * 12 + 24
        for col in range(1, table.source.columnCount()):
            width += max(header.sectionSizeFromContents(col).width(),
                         table.sizeHintForColumn(col))
        return width

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt
        super().resizeEvent(event)
        need = self._needed(self.films) + self._needed(self.screens) + 40
        self._arrange(event.size().width() >= need)

    def _variance_tone(self, row: int) -> str | None:
        line = self.cashiers.source.payload(row)
        if line.variance is None or line.variance == 0:
            return None
        return "bad" if line.flagged else "warn"

    def _fill_tiles(self, now: Figures, before: Figures, label: str) -> None:
        cur = now.currency

        def money(v: int) -> str:
            return format_money(v, cur)

        def compared(a: float, b: float, text: str) -> str:
            pct = change(a, b)
            if pct is None:
                return self.tr("%1: none").replace("%1", label) if not b else ""
            arrow = "▲" if pct > 0 else ("▼" if pct < 0 else "=")
            return (self.tr("%1: %2 (%3 %4 %)").replace("%1", label).replace("%2", text)
                    .replace("%3", arrow).replace("%4", f"{abs(pct):.0f}"))

        self.tiles["tickets"].set_text(
            f"{now.tickets:,}",
            self.tr("bookings: %1").replace("%1", f"{now.bookings:,}"),
            compared(now.tickets, before.tickets, f"{before.tickets:,}"))
        self.tiles["gross"].set_text(
            money(now.gross),
            self.tr("average ticket %1").replace("%1", money(now.average_ticket)),
            compared(now.gross, before.gross, money(before.gross)))
        pending = (self.tr("%1 awaiting approval (%2), not subtracted")
                   .replace("%1", money(now.pending_refunds))
                   .replace("%2", str(now.pending_refund_count))
                   if now.pending_refund_count else self.tr("none awaiting approval"))
        self.tiles["refunds"].set_text(money(now.refunds), pending,
                                       compared(now.refunds, before.refunds, money(before.refunds)))
        self.tiles["net_revenue"].set_text(
            money(now.net_revenue), self.tr("after %1 tax").replace("%1", money(now.tax)),
            compared(now.net_revenue, before.net_revenue, money(before.net_revenue)))
        self.tiles["occupancy"].set_text(
            f"{now.occupancy:.0f} %",
            self.tr("%1 of %2 seats in %3 show(s)").replace("%1", f"{now.seats_sold:,}")
            .replace("%2", f"{now.seats:,}").replace("%3", str(now.shows)),
            compared(now.occupancy, before.occupancy, f"{before.occupancy:.0f} %"))
        self.tiles["food"].set_text(
            money(now.food), self.tr("%1 per ticket sold").replace("%1", money(now.food_per_head)),
            compared(now.food, before.food, money(before.food)))

    def ensure_chart(self) -> None:
        """Draw the hour chart (QtCharts is loaded only now, when a dashboard is shown)."""
        if self.hour_chart is not None:
            return
        from kiosk.ui.manager.charts import hour_chart

        self.hour_chart = hour_chart(
            self.tr("Gross by hour (%1)").replace("%1", self.currency),
            [g / 100 for _, g in self.section.hours],
            [g / 100 for _, g in self.section.hours_week_ago],
            (self.tr("This period"), self._compare_label), self)
        self.hour_holder.addWidget(self.hour_chart)

    def drop_chart(self) -> None:
        if self.hour_chart is not None:
            self.hour_holder.removeWidget(self.hour_chart)
            self.hour_chart.deleteLater()
            self.hour_chart = None

    def showEvent(self, event) -> None:  # noqa: N802 - Qt
        super().showEvent(event)
        self.ensure_chart()

"""The manager's dashboard: a day or range of sales at a glance, then the detail behind it.

Tiles for tickets, gross, tax, net, refunds and the average ticket; occupancy per show with a bar
each; revenue by hour, film, payment method, staff, kiosk and channel as a chart AND a sortable
table, each with its own CSV button; a one-page PDF of the day. Every number comes from
``ReportService`` so the dashboard, the CSV, the PDF and the CLI report can never disagree.
Charts are built only for the tab being looked at (QtCharts is heavy).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.money import format_money
from kiosk.ui.manager import common
from kiosk.ui.manager.common import Col, ManagerScreen, RowsModel, SortedTable, button, card, muted

BREAKDOWNS = (
    ("by_hour", "Hour", "hour"),
    ("by_film", "Film", "film"),
    ("by_payment", "Payment", "payment_method"),
    ("by_staff", "Staff", "staff_name"),
    ("by_kiosk", "Kiosk", "kiosk_id"),
    ("by_channel", "Channel", "channel"),
    ("food_by_category", "Food by category", "category"),
    ("food_by_item", "Food by item", "item"),
    ("by_tender", "Tenders", "tender"),  # cash, card, UPI, gift card, points: taken and back
    ("discounts", "Offers", "offer"),  # what each offer, code and voucher took off
    ("by_show", "Show", "starts"),
)
OCCUPANCY_COLUMNS = (
    Col("starts", "Starts"), Col("film", "Film"), Col("hall", "Hall"), Col("sold", "Sold", "int"),
    Col("admitted", "In", "int"), Col("occupancy", "Occupancy", "percent"),
)
TILES = (
    ("tickets", "Tickets"),
    ("gross", "Gross sales"),
    ("tax", "Tax"),
    ("net_revenue", "Net revenue"),
    ("refunds", "Refunds"),
    ("average_ticket", "Average ticket"),
)
TILES_PER_ROW = 4
# Food and drink (issue 12), from the report's food totals: net of refunds, and per admission.
FOOD_TILES = (
    ("net_revenue", "Food and drink"),
    ("spend_per_head", "F&B per head"),
)


def report_columns(table) -> list[Col]:
    """A ``ReportTable``'s columns as the console's (same keys, titles and kinds)."""
    return [Col(c.key, c.title, c.kind) for c in table.columns]


def pending_refunds_text(report, currencies) -> str:
    """Refunds waiting for a manager, each currency apart ("₹350.00 + AED 40.00"): rupees are
    never summed into dirhams (issue 14)."""
    amounts = [(c, int(report.total(c).get("pending_refunds", 0))) for c in currencies]
    return " + ".join(format_money(amount, c) for c, amount in amounts if amount)


class OccupancyBar(QStyledItemDelegate):
    """Draws the occupancy cell as a bar, so a glance down the column compares shows."""

    def paint(self, painter: QPainter, option, index) -> None:
        value = index.data(common.SORT_ROLE) or 0.0
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        contrast = common_high_contrast()
        painter.save()
        rect = option.rect.adjusted(6, 8, -6, -8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#333333" if contrast else "#e3e8ef"))
        painter.drawRoundedRect(QRectF(rect), 4, 4)
        fill = QRectF(rect)
        fill.setWidth(rect.width() * max(0.0, min(1.0, float(value) / 100.0)))
        colour = "#ffff00" if contrast else ("#b3261e" if value >= 90 else "#1f5fbf")
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(fill, 4, 4)
        painter.setPen(QColor("#000000" if contrast and value > 50 else ("#ffffff" if contrast else "#1b1f24")))
        painter.drawText(rect.adjusted(6, 0, -6, 0),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), text)
        painter.restore()


def common_high_contrast() -> bool:
    return common.high_contrast()


class Tile(QWidget):
    def __init__(self, key: str, title: str, parent=None):
        super().__init__(parent)
        frame = card(self)
        frame.setObjectName(f"tile_{key}")
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(14, 10, 14, 10)
        self.caption = muted(title, frame)
        self.value = QLabel("-", frame)
        self.value.setProperty("role", "money")
        self.value.setObjectName(f"tileValue_{key}")
        lay.addWidget(self.caption)
        lay.addWidget(self.value)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    def set_text(self, text: str) -> None:
        self.value.setText(text)


class Breakdown(QWidget):
    """One breakdown: chart (built when first shown) above a sortable table and a CSV button."""

    def __init__(self, screen: DashboardScreen, name: str, label: str, label_key: str):
        super().__init__()
        self.screen, self.name, self.label, self.label_key = screen, name, label, label_key
        self.model = RowsModel([], self)
        split = QSplitter(Qt.Orientation.Vertical, self)  # the manager drags chart vs table
        split.setChildrenCollapsible(False)
        holder = QWidget(split)
        self.chart_holder = QVBoxLayout(holder)
        self.chart_holder.setContentsMargins(0, 0, 0, 0)
        self.table = SortedTable(self.model, split)
        self.table.setObjectName(f"table_{name}")
        self.table.setMinimumHeight(120)
        split.addWidget(holder)
        split.addWidget(self.table)
        holder.setMinimumHeight(200)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([360, 200])
        self.chart = None
        self._chart_data: tuple[list[str], list[float], str] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(split, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.csv_button = button("Export CSV", self, slot=lambda: screen.export_csv(self.table, name),
                                 name=f"csv_{name}")
        row.addWidget(self.csv_button)
        lay.addLayout(row)

    def set_table(self, table, currency: str) -> None:
        self.model.set_columns(report_columns(table))
        self.model.set_rows(table.rows)
        keys = [c.key for c in table.columns]
        rows = [r for r in table.rows if "currency" not in keys or r[keys.index("currency")] == currency]
        if self.name == "by_show":
            labels = [f"{r[keys.index('starts')][11:]} {r[keys.index('film')]}" for r in rows]
        elif self.name == "by_hour":
            labels = [r[keys.index("hour")][:2] for r in rows]
        elif self.name == "by_staff":
            labels = [r[keys.index("staff_name")] or r[keys.index("staff_number")] for r in rows]
        else:
            labels = [str(r[keys.index(self.label_key)]) for r in rows]
        # sales tables chart their gross; the tenders their net; the offers what they took off
        value_key = next(k for k in ("gross", "net", "discount") if k in keys)
        values = [r[keys.index(value_key)] / 100 for r in rows]
        title = next(c.title for c in table.columns if c.key == value_key)
        self._chart_data = (labels, values, currency, title)
        self._drop_chart()
        if self.isVisible():
            self.ensure_chart()

    def _drop_chart(self) -> None:
        if self.chart is not None:
            self.chart_holder.removeWidget(self.chart)
            self.chart.deleteLater()
            self.chart = None

    def ensure_chart(self) -> None:
        if self.chart is not None or self._chart_data is None:
            return
        from kiosk.ui.manager.charts import bar_chart

        labels, values, currency, title = self._chart_data
        self.chart = bar_chart(f"{title} by {self.label.lower()} ({currency})", labels, values,
                               currency, self)
        self.chart_holder.addWidget(self.chart)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.ensure_chart()


class DashboardScreen(ManagerScreen):
    title = "Dashboard"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.report = None
        self.occupancy = None
        today = ctx.today()
        self.start_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.end_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit, name in ((self.start_edit, "startDate"), (self.end_edit, "endDate")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd MMM yyyy")
            edit.setObjectName(name)
            edit.setMinimumHeight(48)
        self.cinema = QComboBox(self)
        self.cinema.setObjectName("cinemaFilter")
        self.cinema.setMinimumHeight(48)
        self.cinema.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cinema.setMinimumContentsLength(18)
        self.cinema.addItem("All cinemas", None)
        for c in ctx.cinemas():
            self.cinema.addItem(f"{c['name']} ({c['city']})", c["id"])
        filters = QHBoxLayout()
        for widget in (QLabel("From", self), self.start_edit, QLabel("to", self), self.end_edit,
                       self.cinema):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.outer.insertLayout(1, filters)  # a row of its own: fits large text on 1280 px
        self.toolbar.addWidget(button("Today", self, slot=self.show_today, name="todayButton"))
        self.toolbar.addWidget(button("Refresh", self, role="primary", slot=self.refresh,
                                      name="refreshButton"))
        if ctx.config.cloud.enabled:  # the whole cinema's day: every device and the web
            self.toolbar.addWidget(button("Pull the day", self, slot=self.pull_day,
                                          name="pullDayButton"))
        self.toolbar.addWidget(button("Daily PDF", self, slot=self.export_pdf, name="pdfButton"))
        self.toolbar.addWidget(button("Totals CSV", self, slot=lambda: self.export_csv(
            self.totals_model, "totals"), name="csv_totals"))

        tiles = QGridLayout()
        tiles.setSpacing(10)
        self.tiles = {}
        # two rows of four, so money figures (and two currencies) are never cut off
        for i, (key, title) in enumerate(TILES):
            tile = Tile(key, title, self)
            self.tiles[key] = tile
            tiles.addWidget(tile, i // TILES_PER_ROW, i % TILES_PER_ROW)
        self.food_tiles = {}
        for i, (key, title) in enumerate(FOOD_TILES, start=len(TILES)):
            tile = Tile(f"food_{key}", title, self)
            self.food_tiles[key] = tile
            tiles.addWidget(tile, i // TILES_PER_ROW, i % TILES_PER_ROW)
        self.outer.addLayout(tiles)
        self.totals_model = RowsModel([], self)
        self.note = muted("", self)
        self.outer.addWidget(self.note)
        self.freshness = muted("", self)  # how much of the cinema's day this shows
        self.freshness.setObjectName("freshnessLine")
        self.outer.addWidget(self.freshness)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        occ = card(split)
        occ_lay = QVBoxLayout(occ)
        head = QHBoxLayout()
        occ_title = QLabel("Occupancy by show", occ)
        occ_title.setProperty("role", "title")
        head.addWidget(occ_title)
        head.addStretch(1)
        self.occupancy_model = RowsModel(OCCUPANCY_COLUMNS, self)
        head.addWidget(button("Export CSV", occ, name="csv_occupancy",
                              slot=lambda: self.export_csv(self.occupancy_table, "occupancy")))
        occ_lay.addLayout(head)
        self.occupancy_table = SortedTable(self.occupancy_model, occ)
        self.occupancy_table.setObjectName("occupancyTable")
        occ_header = self.occupancy_table.horizontalHeader()
        occ_header.setStretchLastSection(False)
        occ_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the film title
        occ_header.setSectionResizeMode(4, QHeaderView.ResizeMode.Fixed)  # the bar
        self.occupancy_table.setItemDelegate(QStyledItemDelegate(self.occupancy_table))
        self._bar = OccupancyBar(self.occupancy_table)
        occ_lay.addWidget(self.occupancy_table)
        self.tabs = QTabWidget(split)
        self.tabs.setObjectName("breakdownTabs")
        self.breakdowns: dict[str, Breakdown] = {}
        for name, label, key in BREAKDOWNS:
            view = Breakdown(self, name, label, key)
            self.breakdowns[name] = view
            self.tabs.addTab(view, label)
        split.addWidget(occ)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 640])
        self.outer.addWidget(split, 1)
        ctx.bridge.dataChanged.connect(self._on_data_changed)
        # Changing a filter re-reads at once; several changes in one go (Today) read once.
        self._pending_refresh = QTimer(self)
        self._pending_refresh.setSingleShot(True)
        self._pending_refresh.setInterval(0)
        self._pending_refresh.timeout.connect(self.refresh)
        self.cinema.currentIndexChanged.connect(lambda _i: self._pending_refresh.start())
        self.start_edit.dateChanged.connect(lambda _d: self._pending_refresh.start())
        self.end_edit.dateChanged.connect(lambda _d: self._pending_refresh.start())
        from kiosk.ui.theme import ThemeManager

        theme = ThemeManager.instance()
        if theme is not None:  # charts draw their own colours: redraw them for the new theme
            theme.themeChanged.connect(self._on_theme)  # a bound slot: dropped with the widget

    def _on_theme(self, _name: str) -> None:
        self.redraw_charts()

    def redraw_charts(self) -> None:
        for view in self.breakdowns.values():
            view._drop_chart()
            if view.isVisible():
                view.ensure_chart()
        self.occupancy_table.viewport().update()

    # -- data ------------------------------------------------------------------------------------
    def show_today(self) -> None:
        today = self.ctx.today(self.cinema.currentData())
        qd = QDate(today.year, today.month, today.day)
        self.start_edit.setDate(qd)
        self.end_edit.setDate(qd)
        self._pending_refresh.stop()
        self.refresh()

    def range(self) -> tuple[date, date]:
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()

    def _on_data_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._pending_refresh.stop()
        start, end = self.range()
        cinema_id = self.cinema.currentData()
        reports = self.ctx.reports
        report = self.call(reports.daily_sales, self.actor, start, end, cinema_id=cinema_id)
        if report is None:
            return
        occupancy = self.call(reports.occupancy, self.actor, start, end, cinema_id=cinema_id)
        if occupancy is None:
            return
        self.show_report(report, occupancy)
        line = self.call(reports.freshness, self.actor, end, cinema_id=cinema_id) or ""
        self.freshness.setText(line[:1].upper() + line[1:] + ("." if line else ""))
        self.freshness.setVisible(bool(line))

    def pull_day(self) -> None:
        """Pull the shown business day of every device from the cloud (worker thread), then
        show it."""
        context = getattr(self.ctx.services.gate, "context", None)
        if context is None:
            self.banner.error("Cloud sync is not running on this console; nothing was pulled.")
            return
        _start, end = self.range()
        self.submit(self.ctx.reports.pull_day, self.actor, context, end,
                    cinema_id=self.cinema.currentData(), on_done=lambda _r: self.refresh())

    def main_currency(self, report) -> str:
        currencies = report.currencies
        cinema_id = self.cinema.currentData()
        for c in self.ctx.cinemas():
            if c["id"] == cinema_id or (cinema_id is None and len(currencies) == 0):
                return c["currency"]
        return currencies[0] if currencies else (self.ctx.cinemas() or [{"currency": "INR"}])[0]["currency"]

    def show_report(self, report, occupancy) -> None:
        self.report, self.occupancy = report, occupancy
        currency = self.main_currency(report)
        currencies = report.currencies or [currency]
        for key, _ in TILES:
            parts = []
            for cur in currencies:
                value = report.total(cur).get(key, 0)
                parts.append(f"{int(value):,}" if key == "tickets" else format_money(int(value), cur))
            self.tiles[key].set_text("\n".join(parts))
        food = report.food_table("food_totals")
        food_rows = {r["currency"]: r for r in (food.as_dicts() if food else ())}
        for key, tile in self.food_tiles.items():
            tile.set_text("\n".join(format_money(int(food_rows.get(cur, {}).get(key, 0)), cur)
                                    for cur in currencies))
        pending = pending_refunds_text(report, currencies)
        span = (f"{report.start:%d %b %Y}" if report.start == report.end
                else f"{report.start:%d %b %Y} to {report.end:%d %b %Y}")
        note = f"{span}, cinema-local business dates. Gross includes tax; net = gross - refunds - exchange credit - tax."
        if pending:
            note += f"  Refunds awaiting approval: {pending} (not subtracted)."
        self.note.setText(note)
        totals = report.totals
        self.totals_model.set_columns(report_columns(totals))
        self.totals_model.set_rows(totals.rows)
        occ_table = occupancy.shows
        keep = [c.key for c in OCCUPANCY_COLUMNS]
        idx = [occ_table.index(k) for k in keep]
        one_day = report.start == report.end
        self.occupancy_model.set_rows([
            tuple((r[i][11:] if one_day else r[i][5:]) if k == "starts" else r[i]
                  for i, k in zip(idx, keep, strict=True))
            for r in occ_table.rows])
        self.occupancy_table.setItemDelegateForColumn(len(keep) - 1, self._bar)
        header = self.occupancy_table.horizontalHeader()
        self.occupancy_table.setColumnWidth(
            len(keep) - 1, max(130, header.fontMetrics().horizontalAdvance("Occupancy") + 36))
        for name, view in self.breakdowns.items():
            table = report.food_table(name) if name.startswith("food_") else getattr(report, name)
            if table is not None:
                view.set_table(table, currency)

    # -- exports ---------------------------------------------------------------------------------
    def export_pdf(self) -> str | None:
        if self.report is None:
            self.refresh()
        if self.report is None:
            return None
        start = self.report.start
        path = common.ask_save_path(self, "Save daily report", f"daily-sales-{start}.pdf", "PDF (*.pdf)")
        if path is None:
            return None
        from kiosk.tickets.report_pdf import render_daily_report_pdf

        cinema_name = self.cinema.currentText()
        try:
            render_daily_report_pdf(self.report, path, occupancy=self.occupancy,
                                    currency=self.main_currency(self.report), cinema_name=cinema_name)
        except OSError as err:
            self.banner.error(f"Could not write {path.name}: {err.strerror or err}.")
            return None
        self.banner.show_message(f"Saved {path.name}.", "ok")
        self.exported.emit(str(path))
        return str(path)

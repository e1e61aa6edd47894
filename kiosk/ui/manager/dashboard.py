"""The manager's dashboard: one cinema (or one currency) at a time, or the chain with each
currency apart; the figures, then the detail behind them.

A chooser picks the scope: a cinema (the console's own by default), every cinema of one currency,
or the whole chain. Each currency is a section of its own (``dashboard_parts.CurrencySection``):
labelled tiles compared with the same weekdays a week earlier, the films, screens and cashiers
(with their cash over or short) side by side without tabs, and the hours of the cinema's clock.
Nothing is converted or added across currencies: ``kiosk.services.dashboard`` sums per currency,
from ``ReportService``, so the dashboard, the CSV, the PDF and the CLI report never disagree.
Below: every show of the dates (its cinema's time, sorted by the real instant) and the full
tables behind the figures, each with its CSV.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLocale,
    QRectF,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStyledItemDelegate,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.dashboard import Dashboard, Scope
from kiosk.ui import dates
from kiosk.ui.manager import common
from kiosk.ui.manager.common import Col, ManagerScreen, RowsModel, SortedTable, button, card, muted
from kiosk.ui.manager.dashboard_parts import CurrencySection, Tile
from kiosk.ui.manager.report_titles import column_title
from kiosk.ui.names import zone_name
from kiosk.ui.page_names import ManagerPage

if TYPE_CHECKING:
    from kiosk.ui.manager.context import ManagerContext

BREAKDOWNS = (
    ("by_hour", QT_TRANSLATE_NOOP("DashboardScreen", "Hour"), "hour"),
    # each cinema's sales: a chain's month by cinema (issue 15)
    ("by_cinema", QT_TRANSLATE_NOOP("DashboardScreen", "Cinema"), "cinema"),
    ("by_film", QT_TRANSLATE_NOOP("DashboardScreen", "Film"), "film"),
    ("by_payment", QT_TRANSLATE_NOOP("DashboardScreen", "Payment"), "payment_method"),
    ("by_staff", QT_TRANSLATE_NOOP("DashboardScreen", "Staff"), "staff_name"),
    ("by_kiosk", QT_TRANSLATE_NOOP("DashboardScreen", "Kiosk"), "kiosk_id"),
    ("by_channel", QT_TRANSLATE_NOOP("DashboardScreen", "Channel"), "channel"),
    ("food_by_category", QT_TRANSLATE_NOOP("DashboardScreen", "Food by category"), "category"),
    ("food_by_item", QT_TRANSLATE_NOOP("DashboardScreen", "Food by item"), "item"),
    # cash, card, UPI, gift card, points: taken and given back
    ("by_tender", QT_TRANSLATE_NOOP("DashboardScreen", "Tenders"), "tender"),
    # what each offer, code and voucher took off
    ("discounts", QT_TRANSLATE_NOOP("DashboardScreen", "Offers"), "offer"),
    ("by_show", QT_TRANSLATE_NOOP("DashboardScreen", "Show"), "starts"),
)


def freshness_text(found) -> str:
    """How complete the pulled day is (a ``kiosk.cloud.freshness.Freshness``), in the
    screen's language, its date and times from the locale and in the cinema's zone."""
    translate = QCoreApplication.translate
    if found.pulled_at is None:
        text = translate("DashboardScreen",
                         "%1 not pulled from the cloud yet: this device's sales only.")
        return text.replace("%1", dates.date_text(date.fromisoformat(found.business_date)))
    zone = found.timezone
    line = (translate("DashboardScreen", "Sales up to %1 from %2 of %3 devices")
            .replace("%1", dates.time_text(found.pulled_at, zone=zone))
            .replace("%2", str(found.current)).replace("%3", str(found.devices)))
    for lag in found.lags:
        if lag.last_seen is not None:
            part = translate("DashboardScreen", "%1 last seen %2").replace(
                "%2", dates.time_text(lag.last_seen, zone=zone))
        else:
            part = translate("DashboardScreen", "%1 has %2 not yet sent").replace(
                "%2", str(lag.pending))
        line += "; " + part.replace("%1", lag.kiosk_id)
    return line + "."


def report_columns(table) -> list[Col]:
    """A ``ReportTable``'s columns as the console's (same keys and kinds), titled in the current
    language: the services title in English. Each refresh calls this again, so a change of
    language (``_on_language`` refreshes) retitles the tables."""
    return [Col(c.key, column_title(c.title), c.kind) for c in table.columns]


class OccupancyBar(QStyledItemDelegate):
    """Draws the occupancy cell as a bar, so a glance down the column compares shows."""

    def paint(self, painter: QPainter, option, index) -> None:
        value = index.data(common.SORT_ROLE) or 0.0
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        contrast = common.high_contrast()
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


class Breakdown(QWidget):
    """One full table behind the figures (every currency in its own rows) and its CSV button."""

    def __init__(self, screen: DashboardScreen, name: str):
        super().__init__()
        self.name = name
        self.model = RowsModel([], self)
        self.table = SortedTable(self.model, self)
        self.table.setObjectName(f"table_{name}")
        self.table.setMinimumHeight(220)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        # what the table leaves out (a chain's by-show table over several days), above it
        self.note = muted("", self)
        self.note.setObjectName(f"note_{name}")
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.note.hide()
        lay.addWidget(self.note)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.csv_button = button(self.tr("Export CSV"), self, name=f"csv_{name}",
                                 slot=lambda: screen.export_csv(self.table, name))
        row.addWidget(self.csv_button)
        lay.addLayout(row)

    def set_table(self, table, note: str = "") -> None:
        self.model.set_columns(report_columns(table))
        self.model.set_rows(table.rows)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        listed = bool(table.rows) or not note  # no empty grid and its CSV under the note
        self.table.setVisible(listed)
        self.csv_button.setVisible(listed)


class DashboardScreen(ManagerScreen):
    """The dashboard page.

    Attributes:
        board: the ``Dashboard`` shown (None before the first read or after a refusal).
        sections: one ``CurrencySection`` per currency shown, by currency code.
        cinema: the scope chooser (item data: a ``Scope``).
    """

    name = ManagerPage.DASHBOARD

    title = "Dashboard"

    def __init__(self, ctx: ManagerContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading.setText(self.tr("Dashboard"))
        self.board: Dashboard | None = None
        self.sections: dict[str, CurrencySection] = {}
        self._init_filters()
        self._init_toolbar()
        self.note = muted("", self)
        self.note.setObjectName("dashboardNote")
        self.outer.addWidget(self.note)
        self.freshness = muted("", self)  # how much of the cinema's day this shows
        self.freshness.setObjectName("freshnessLine")
        self.outer.addWidget(self.freshness)
        self._init_body()
        self._connect_signals()

    # -- building --------------------------------------------------------------------------------
    def _init_filters(self) -> None:
        today = self.ctx.today()
        self.start_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.end_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit, name in ((self.start_edit, "startDate"), (self.end_edit, "endDate")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(dates.EDIT)
            edit.setObjectName(name)
            edit.setMinimumHeight(48)
        self.cinema = QComboBox(self)
        self.cinema.setObjectName("cinemaFilter")
        self.cinema.setMinimumHeight(48)
        self.cinema.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.cinema.setAccessibleName(self.tr("Cinema or currency shown"))
        cinemas = self.ctx.cinemas()
        for c in cinemas:
            self.cinema.addItem(f"{c['name']}, {c['city']} ({c['currency']})",
                                Scope(cinema_id=c["id"]))
        currencies = sorted({c["currency"] for c in cinemas})
        for cur in currencies:
            count = sum(1 for c in cinemas if c["currency"] == cur)
            if count > 1 and len(currencies) > 1:
                self.cinema.addItem(self.tr("Every %1 cinema (%2)").replace("%1", cur)
                                    .replace("%2", str(count)), Scope(currency=cur))
        if len(cinemas) > 1:
            self.cinema.addItem(self.tr("Whole chain, each currency apart"), Scope())
        self.cinema.setCurrentIndex(max(0, self.scope_index(Scope(cinema_id=self.ctx.home_cinema()))))
        filters = QHBoxLayout()
        for widget in (QLabel(self.tr("From"), self), self.start_edit, QLabel(self.tr("to"), self),
                       self.end_edit, QLabel(self.tr("Showing"), self), self.cinema):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.outer.insertLayout(1, filters)  # a row of its own: fits large text on 1280 px

    def _init_toolbar(self) -> None:
        self.toolbar.addWidget(button(self.tr("Today"), self, slot=self.show_today, name="todayButton"))
        self.toolbar.addWidget(button(self.tr("Refresh"), self, role="primary", slot=self.refresh,
                                      name="refreshButton"))
        if self.ctx.config.cloud.enabled:  # the whole cinema's day: every device and the web
            self.toolbar.addWidget(button(self.tr("Pull the day"), self, slot=self.pull_day,
                                          name="pullDayButton"))
        self.toolbar.addWidget(button(self.tr("Daily PDF"), self, slot=self.export_pdf,
                                      name="pdfButton"))
        self.toolbar.addWidget(button(self.tr("Totals CSV"), self, name="csv_totals",
                                      slot=lambda: self.export_csv(self.totals_model, "totals")))

    def _init_body(self) -> None:
        self.totals_model = RowsModel([], self)
        scroll = QScrollArea(self)
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 0, 8, 0)
        self.body.setSpacing(14)
        self.section_holder = QVBoxLayout()
        self.section_holder.setSpacing(18)
        self.body.addLayout(self.section_holder)

        occ = card(body)
        occ_lay = QVBoxLayout(occ)
        head = QHBoxLayout()
        occ_title = QLabel(self.tr("Shows of the dates (each at its cinema's time)"), occ)
        occ_title.setProperty("role", "title")
        occ_title.setWordWrap(True)
        head.addWidget(occ_title, 1)
        self.occupancy_model = RowsModel(self._occupancy_columns(False, True), self)
        head.addWidget(button(self.tr("Export CSV"), occ, name="csv_occupancy",
                              slot=lambda: self.export_csv(self.occupancy_table, "occupancy")))
        occ_lay.addLayout(head)
        self.occupancy_table = SortedTable(self.occupancy_model, occ)
        self.occupancy_table.setObjectName("occupancyTable")
        self.occupancy_table.setMinimumHeight(300)
        self.occupancy_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._bar = OccupancyBar(self.occupancy_table)
        occ_lay.addWidget(self.occupancy_table)
        self.body.addWidget(occ)

        detail_title = QLabel(self.tr("Every table behind the figures"), body)
        detail_title.setProperty("role", "title")
        self.body.addWidget(detail_title)
        self.tabs = QTabWidget(body)
        self.tabs.setObjectName("breakdownTabs")
        self.tabs.setMinimumHeight(320)
        self.breakdowns: dict[str, Breakdown] = {}
        for name, label, _key in BREAKDOWNS:
            view = Breakdown(self, name)
            self.breakdowns[name] = view
            self.tabs.addTab(view, QCoreApplication.translate("DashboardScreen", str(label)))
        self.body.addWidget(self.tabs)
        scroll.setWidget(body)
        self.outer.addWidget(scroll, 1)

    def _occupancy_columns(self, chain: bool, one_day: bool, zones: int = 1) -> list[Col]:
        kind = ("zoned" if zones > 1 else "time") if one_day else "datetime"
        return [Col("starts", self.tr("Starts"), kind),
                Col("film", self.tr("Film")),
                *([Col("cinema", self.tr("Cinema"))] if chain else []),
                Col("hall", self.tr("Screen")), Col("sold", self.tr("Sold"), "int"),
                Col("capacity", self.tr("Seats"), "int"), Col("admitted", self.tr("In"), "int"),
                Col("occupancy", self.tr("Filled"), "percent")]

    def _connect_signals(self) -> None:
        self.ctx.bridge.dataChanged.connect(self._on_data_changed)
        # Changing a filter re-reads at once; several changes in one go (Today) read once.
        self._pending_refresh = QTimer(self)
        self._pending_refresh.setSingleShot(True)
        self._pending_refresh.setInterval(0)
        self._pending_refresh.timeout.connect(self.refresh)
        self.cinema.currentIndexChanged.connect(self._filter_changed)
        self.start_edit.dateChanged.connect(self._filter_changed)
        self.end_edit.dateChanged.connect(self._filter_changed)
        from kiosk.ui.theme import ThemeManager

        theme = ThemeManager.instance()
        if theme is not None:  # charts draw their own colours: redraw them for the new theme
            theme.themeChanged.connect(self._on_theme)  # a bound slot: dropped with the widget
        from kiosk.ui.i18n import language_manager

        # dates are the language's: the pickers and every date shown follow a change of language
        language_manager().languageChanged.connect(self._on_language)

    @Slot(str)
    def _on_language(self, _code: str) -> None:
        if self.isVisible():
            self.refresh()

    @Slot(object)
    def _filter_changed(self, _value: object) -> None:
        self._pending_refresh.start()

    @Slot(str)
    def _on_theme(self, _name: str) -> None:
        self.redraw_charts()

    def redraw_charts(self) -> None:
        for section in self.sections.values():
            section.drop_chart()
            if section.isVisible():
                section.ensure_chart()
        self.occupancy_table.viewport().update()

    # -- what is shown ---------------------------------------------------------------------------
    def scope(self) -> Scope:
        return self.cinema.currentData() or Scope()

    def scope_index(self, scope: Scope) -> int:
        """The chooser's row of ``scope`` (-1 when absent; ``findData`` cannot compare these)."""
        return next((i for i in range(self.cinema.count()) if self.cinema.itemData(i) == scope), -1)

    def choose(self, scope: Scope) -> None:
        """Show ``scope`` (a cinema, a currency, or the chain), as picking it in the chooser."""
        index = self.scope_index(scope)
        if index < 0:
            raise ValueError(f"the chooser has no {scope}")
        self.cinema.setCurrentIndex(index)

    @property
    def tiles(self) -> dict[str, Tile]:
        """The first section's tiles (the only one for a cinema or a currency)."""
        return next(iter(self.sections.values())).tiles if self.sections else {}

    @Slot()
    def show_today(self) -> None:
        today = self.ctx.today(self.scope().cinema_id)
        qd = QDate(today.year, today.month, today.day)
        self.start_edit.setDate(qd)
        self.end_edit.setDate(qd)
        self._pending_refresh.stop()
        self.refresh()

    def range(self) -> tuple[date, date]:
        return (cast(date, self.start_edit.date().toPython()),
                cast(date, self.end_edit.date().toPython()))

    @Slot()
    def _on_data_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        self._pending_refresh.stop()
        for edit in (self.start_edit, self.end_edit):  # the language's month names
            if edit.locale() != QLocale():
                edit.setLocale(QLocale())
                edit.setDisplayFormat(dates.EDIT)
        start, end = self.range()
        scope = self.scope()
        board = self.call(self.ctx.dashboard.build, self.actor, start, end, scope)
        if board is None:
            return
        self.show_board(board)
        reports = self.ctx.reports
        found = self.call(reports.day_freshness, self.actor, end, cinema_id=scope.cinema_id)
        line = freshness_text(found) if found is not None else ""
        self.freshness.setText(line)
        self.freshness.setVisible(bool(line))

    @Slot()
    def pull_day(self) -> None:
        """Pull the shown business day of every device from the cloud (worker thread), then
        show it."""
        context = self.ctx.services.cloud_context
        if context is None:
            self.banner.error(self.tr("Cloud sync is not running on this console; nothing was pulled."))
            return
        _start, end = self.range()
        self.submit(self.ctx.reports.pull_day, self.actor, context, end,
                    cinema_id=self.scope().cinema_id, on_done=lambda _r: self.refresh())

    def _heading(self, section, scope: Scope) -> str:
        names = ", ".join(section.cinemas)
        if scope.cinema_id is not None:
            return self.tr("%1 · in %2").replace("%1", names).replace("%2", section.currency)
        return (self.tr("In %1: %2").replace("%1", section.currency).replace("%2", names)
                if names else self.tr("In %1").replace("%1", section.currency))

    def show_board(self, board: Dashboard) -> None:
        self.board = board
        scope = board.scope
        for old in self.sections.values():
            self.section_holder.removeWidget(old)
            old.deleteLater()
        self.sections = {}
        compare = (dates.day_text(board.compare_start) if board.start == board.end
                   else dates.range_text(board.compare_start, board.compare_end))
        for section in board.sections:
            widget = CurrencySection(section, heading=self._heading(section, scope),
                                     compare_label=compare, chain=not scope.cinema_id, parent=self)
            self.sections[section.currency] = widget
            self.section_holder.addWidget(widget)
            widget.show()  # now, not at the layout's queued show: the figures are read at once
        zones = sorted({self.ctx.timezone(c["id"]) for c in self.ctx.cinemas()
                        if scope.cinema_id in (None, c["id"])
                        and scope.currency in (None, c["currency"])})
        self.note.setText(
            self.tr("%1, business dates and times at each cinema (%2), compared with %3. Gross "
                    "includes tax; net revenue = gross - refunds - exchange credit - tax. No "
                    "amount is converted between currencies.")
            .replace("%1", dates.range_text(board.start, board.end))
            .replace("%2", ", ".join(zone_name(zone) for zone in zones)).replace("%3", compare))
        report = board.report
        self.totals_model.set_columns(report_columns(report.totals))
        self.totals_model.set_rows(report.totals.rows)
        one_day = board.start == board.end
        columns = self._occupancy_columns(not scope.cinema_id, one_day, len(zones))
        self.occupancy_model.set_columns(columns)
        self.occupancy_model.set_rows([
            tuple({"starts": s.starts, "film": s.film, "cinema": s.cinema, "hall": s.hall,
                   "sold": s.sold, "capacity": s.capacity, "admitted": s.admitted,
                   "occupancy": s.occupancy}[c.key] for c in columns) for s in board.shows])
        self.occupancy_table.setItemDelegate(QStyledItemDelegate(self.occupancy_table))
        self.occupancy_table.setItemDelegateForColumn(len(columns) - 1, self._bar)
        header = self.occupancy_table.horizontalHeader()
        header.setStretchLastSection(False)
        for col, c in enumerate(columns):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if c.key == "film"
                                        else QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Fixed)
        self.occupancy_table.setColumnWidth(
            len(columns) - 1, max(140, header.fontMetrics().horizontalAdvance(columns[-1].title) + 40))
        for name, view in self.breakdowns.items():
            table = report.table(name)
            if table is not None:
                view.set_table(table, self._left_out_note(report) if name == "by_show" else "")

    def _left_out_note(self, report) -> str:
        """Why a report of every cinema over several days lists no shows, how many sold, and
        where their money is ("" when every show is listed)."""
        if not report.shows_left_out:
            return ""
        return (self.tr("Sales by show are listed for one cinema, or for one day. %1 shows sold "
                        "tickets on these dates: their sales are in the totals and in the "
                        "cinema, film and other tables.")
                .replace("%1", QLocale().toString(report.shows_left_out)))

    # -- exports ---------------------------------------------------------------------------------
    @Slot()
    def export_pdf(self) -> str | None:
        if self.board is None:
            self.refresh()
        if self.board is None:
            return None
        board = self.board
        path = common.ask_save_path(self, self.tr("Save daily report"),
                                    f"daily-sales-{board.start}.pdf", "PDF (*.pdf)")
        if path is None:
            return None
        from kiosk.tickets.report_pdf import render_daily_report_pdf

        try:  # one page per currency shown (the chain: each apart, nothing converted)
            render_daily_report_pdf(board.report, path, occupancy=board.occupancy,
                                    currencies=[s.currency for s in board.sections] or None,
                                    cinemas={s.currency: s.cinemas for s in board.sections},
                                    cinema_name=self.cinema.currentText())
        except OSError as err:
            self.banner.error(self.tr("Could not write %1: %2.").replace("%1", path.name)
                              .replace("%2", str(err.strerror or err)))
            return None
        self.banner.show_message(self.tr("Saved %1.").replace("%1", path.name), "ok")
        self.exported.emit(str(path))
        return str(path)

"""Dashboard: tiles, occupancy and breakdowns against the hand-computed day (see
test_manager_fixtures), sorting, live refresh, CSV for every table and the daily PDF read back."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from kiosk.domain.money import format_money
from kiosk.services.models import Payment
from kiosk.ui.manager.common import SORT_ROLE
from kiosk.ui.manager.dashboard import BREAKDOWNS
from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import HAND, audit_rows, click, sell

# Shared fixtures (pytest finds them by name in this module).
cashier, manager, open_console, save_to, trading_day = (
    fx.cashier, fx.manager, fx.open_console, fx.save_to, fx.trading_day)

DAY = date(2026, 11, 25)


def rows_as_dicts(model) -> list[dict]:
    keys = [c.key for c in model.columns]
    return [dict(zip(keys, r, strict=True)) for r in model.rows]


def test_tiles_tables_and_occupancy_match_the_hand_computed_day(open_console, manager, trading_day):
    window = open_console(manager)
    dash = window.pages["dashboard"]
    assert dash.range() == (DAY, DAY)  # today in the cinema's zone by default
    for key in ("gross", "tax", "net_revenue", "refunds", "average_ticket"):
        assert dash.tiles[key].value.text() == format_money(HAND[key], "INR"), key
    assert dash.tiles["tickets"].value.text() == "5"
    assert "₹1,275.00" == dash.tiles["gross"].value.text()  # the literal, for a human reader

    payment = {r["payment_method"]: r for r in rows_as_dicts(dash.breakdowns["by_payment"].model)}
    assert (payment["cash"]["tickets"], payment["cash"]["gross"]) == (2, 50_000)
    assert (payment["card"]["tickets"], payment["card"]["gross"], payment["card"]["refunds"]) == (3, 77_500, 17_500)
    hours = {r["hour"]: r["gross"] for r in rows_as_dicts(dash.breakdowns["by_hour"].model)}
    assert len(hours) == 24 and hours["17:00"] == 50_000 and hours["18:00"] == 77_500
    assert sum(hours.values()) == HAND["gross"]
    channels = {r["channel"]: r["gross"] for r in rows_as_dicts(dash.breakdowns["by_channel"].model)}
    assert channels == {"counter": 102_500, "self-service": 25_000}
    staff = {r["staff_name"]: r["gross"] for r in rows_as_dicts(dash.breakdowns["by_staff"].model)}
    assert staff["Asha Cashier"] == 102_500 and sum(staff.values()) == HAND["gross"]

    occupancy = {r["starts"]: r for r in rows_as_dicts(dash.occupancy_model)}
    assert set(occupancy) == {"14:30", "20:30"}  # show-past and show-future, local times
    assert (occupancy["20:30"]["sold"], round(occupancy["20:30"]["occupancy"], 1)) == (3, 4.8)
    assert occupancy["14:30"]["sold"] == 0
    # The chart of the visible tab exists and its bars are the table's gross in major units.
    chart = dash.breakdowns["by_hour"].chart
    assert chart is not None
    bars = chart.chart().series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())][17:19] == [500.0, 775.0]


def test_header_click_sorts_by_the_raw_amount(qtbot, open_console, manager, trading_day):
    window = open_console(manager)
    view = window.pages["dashboard"].breakdowns["by_hour"]
    view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    gross_col = [c.key for c in view.model.columns].index("gross")
    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_centre(header, gross_col))
    first = view.table.visible_column("gross")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_centre(header, gross_col))
    second = view.table.visible_column("gross")
    assert {tuple(first), tuple(second)} == {tuple(sorted(first)), tuple(sorted(first, reverse=True))}
    assert sorted(first, reverse=True)[:2] == [77_500, 50_000]  # numbers, not "₹775.00" text


def _section_centre(header, section):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_range_and_cinema_filter(qtbot, open_console, manager, trading_day, services):
    window = open_console(manager)
    dash = window.pages["dashboard"]
    dash.start_edit.setDate(QDate(2026, 11, 26))
    dash.end_edit.setDate(QDate(2026, 11, 26))
    click(qtbot, _button(dash, "refreshButton"))
    assert dash.tiles["gross"].value.text() == "₹0.00"
    assert [r[1] for r in dash.occupancy_model.rows] == ["The Test Pattern"]  # show-later only
    dash.cinema.setCurrentIndex(dash.cinema.findData(services.world.cinema_id))
    click(qtbot, _button(dash, "todayButton"))
    assert dash.range() == (DAY, DAY)
    assert dash.tiles["gross"].value.text() == "₹1,275.00"


def _button(widget, name):
    from PySide6.QtWidgets import QPushButton

    found = widget.findChild(QPushButton, name)
    assert found is not None, name
    return found


def test_live_refresh_when_another_connection_sells(qtbot, open_console, manager, trading_day,
                                                    services, cashier):
    window = open_console(manager)
    dash = window.pages["dashboard"]
    sell(services, cashier, "show-future", ["D5"], Payment("cash", tendered_minor=25_000))
    window.ctx.bridge.dataChanged.emit()  # what the bridge's change feed emits after a commit
    qtbot.waitUntil(lambda: dash.tiles["gross"].value.text() == "₹1,525.00", timeout=3000)
    assert dash.tiles["tickets"].value.text() == "6"


def test_every_table_exports_csv_that_parses_back(qtbot, open_console, manager, trading_day, save_to):
    window = open_console(manager)
    dash = window.pages["dashboard"]
    exported = []
    dash.exported.connect(exported.append)
    names = ["totals", "occupancy"] + [name for name, _, _ in BREAKDOWNS]
    for name in names:
        if name in dash.breakdowns:  # a tab (food and drink ones too)
            dash.tabs.setCurrentWidget(dash.breakdowns[name])
        click(qtbot, _button(dash, f"csv_{name}"))
    assert [p.name for p in save_to] == [f"{n}.csv" for n in names]
    assert exported == [str(p) for p in save_to]
    with open(save_to[0], newline="", encoding="utf-8") as fh:
        totals = list(csv.DictReader(fh))
    assert totals[0]["Gross sales"] == "1275.00" and totals[0]["Tickets"] == "5"
    assert totals[0]["Refunded"] == "175.00" and totals[0]["Net revenue"] == "932.19"
    with open(save_to[names.index("by_payment")], newline="", encoding="utf-8") as fh:
        payment = {r["Payment"]: r for r in csv.DictReader(fh)}
    assert payment["cash"]["Gross sales"] == "500.00" and payment["card"]["Gross sales"] == "775.00"
    with open(save_to[1], newline="", encoding="utf-8") as fh:
        occ = list(csv.DictReader(fh))
    assert [(r["Starts"], r["Sold"], r["Occupancy"]) for r in occ] == [("14:30", "0", "0.00"),
                                                                        ("20:30", "3", "4.84")]
    for path, name in zip(save_to, names, strict=True):
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        model = (dash.totals_model if name == "totals" else dash.occupancy_model if name == "occupancy"
                 else dash.breakdowns[name].model)
        assert len(rows) == model.rowCount() + 1, name


def test_daily_pdf_reads_back_with_the_same_numbers(qtbot, open_console, manager, trading_day, save_to):
    from PySide6.QtPdf import QPdfDocument

    window = open_console(manager)
    dash = window.pages["dashboard"]
    click(qtbot, _button(dash, "pdfButton"))
    [path] = save_to
    doc = QPdfDocument(window)
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    assert doc.pageCount() == 1
    text = doc.getAllText(0).text()
    for expected in ("Daily sales report", "₹1,275.00", "₹167.81", "₹932.19", "₹175.00", "₹255.00",
                     "The Test Pattern", "cash", "card", "20:30", "4.8 %"):
        assert expected in text, expected


def test_cashier_gets_a_refusal_and_an_audit_row(open_console, cashier, services):
    window = open_console(cashier)
    dash = window.pages["dashboard"]
    assert "Only a manager" in dash.banner.text()
    assert dash.tiles["gross"].value.text() == "-"
    refusals = [r for r in audit_rows(services, "report.sales") if r["ok"] == 0]
    assert refusals and refusals[-1]["staff_id"] == cashier.staff_id


@pytest.mark.slow
def test_qtcharts_is_loaded_only_when_a_chart_is_drawn():
    """The counter app imports the manager package at most; QtCharts must not come with it."""
    code = (
        "import sys, os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import kiosk.ui.manager, kiosk.ui.manager.dashboard, kiosk.ui.main_window\n"
        "assert 'PySide6.QtCharts' not in sys.modules, 'QtCharts imported eagerly'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from kiosk.ui.manager.charts import bar_chart\n"
        "bar_chart('t', ['a'], [1.0], 'INR')\n"
        "assert 'PySide6.QtCharts' in sys.modules\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")


def test_chart_values_follow_the_table(open_console, manager, trading_day):
    window = open_console(manager)
    dash = window.pages["dashboard"]
    view = dash.breakdowns["by_payment"]
    dash.tabs.setCurrentWidget(view)
    assert view.chart is not None
    bars = view.chart.chart().series()[0].barSets()[0]
    values = sorted(bars.at(i) for i in range(bars.count()))
    gross_col = [c.key for c in view.model.columns].index("gross")
    assert values == sorted(view.model.data(view.model.index(r, gross_col), SORT_ROLE) / 100
                            for r in range(view.model.rowCount()))


def test_charts_follow_a_theme_switch(qapp, open_console, manager, trading_day):
    from PySide6.QtGui import QColor

    from kiosk.ui.theme import ThemeManager

    theme = ThemeManager.instance() or ThemeManager(qapp, "normal")
    theme.set_theme("normal")
    window = open_console(manager)
    dash = window.pages["dashboard"]
    bar_colour = lambda: dash.breakdowns["by_hour"].chart.chart().series()[0].barSets()[0].color()  # noqa: E731
    assert bar_colour() == QColor("#1f5fbf")
    try:
        theme.set_theme("high-contrast")
        assert bar_colour() == QColor("#ffff00")
    finally:
        theme.set_theme("normal")
    from PySide6.QtCore import QEvent

    window.close()
    window.deleteLater()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    theme.set_theme("high-contrast")  # a deleted console must not be called
    theme.set_theme("normal")


def test_pdf_of_a_day_without_sales_still_renders(qtbot, open_console, manager, save_to):
    from PySide6.QtPdf import QPdfDocument

    window = open_console(manager)
    dash = window.pages["dashboard"]
    assert dash.tiles["gross"].value.text() == "₹0.00"
    click(qtbot, _button(dash, "pdfButton"))
    doc = QPdfDocument(window)
    assert doc.load(str(save_to[-1])) == QPdfDocument.Error.None_
    text = doc.getAllText(0).text()
    assert "Daily sales report" in text and "No sales" in text and "₹0.00" in text


def test_changing_a_filter_rereads_by_itself(qtbot, open_console, manager, trading_day):
    window = open_console(manager)
    dash = window.pages["dashboard"]
    dash.start_edit.setDate(QDate(2026, 11, 26))
    dash.end_edit.setDate(QDate(2026, 11, 26))
    qtbot.waitUntil(lambda: dash.report is not None and dash.report.start == date(2026, 11, 26), timeout=3000)
    assert dash.tiles["gross"].value.text() == "₹0.00"
    dash.start_edit.setDate(QDate(2026, 11, 25))
    qtbot.waitUntil(lambda: dash.tiles["gross"].value.text() == "₹1,275.00", timeout=3000)
    assert dash.report.start == date(2026, 11, 25) and dash.report.end == date(2026, 11, 26)


def test_pending_refunds_of_two_currencies_are_never_summed():
    """Issue 14 defect 1: a pending refund in rupees was added into an AED figure."""
    from kiosk.ui.manager.dashboard import pending_refunds_text

    class Report:
        totals = {"INR": {"pending_refunds": 35_000}, "AED": {"pending_refunds": 4_000}}

        def total(self, currency):
            return self.totals[currency]

    assert pending_refunds_text(Report(), ["AED", "INR"]) == "AED 40.00 + ₹350.00"
    assert pending_refunds_text(Report(), []) == ""

"""Dashboard: tiles, occupancy and breakdowns against the hand-computed day (see
test_manager_fixtures), sorting, live refresh, CSV for every table and the daily PDF read back."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from kiosk.domain.money import format_money
from kiosk.services.dashboard import Scope
from kiosk.services.models import Payment
from kiosk.ui import dates
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
    assert list(dash.sections) == ["INR"]  # one cinema: one currency
    for key in ("gross", "net_revenue", "refunds"):
        assert dash.tiles[key].value.text() == format_money(HAND[key], "INR"), key
    assert dash.tiles["tickets"].value.text() == "5"
    assert "₹1,275.00" == dash.tiles["gross"].value.text()  # the literal, for a human reader
    assert "₹255.00" in dash.tiles["gross"].detail.text()  # the average ticket
    assert "₹167.81" in dash.tiles["net_revenue"].detail.text()  # the tax
    # every tile says what it is, and what it was the same weekday a week earlier
    assert dash.tiles["tickets"].caption.text() == "Tickets sold"
    assert dash.tiles["occupancy"].value.text() == "2 %"  # 3 of the two shows' 124 seats
    assert "3 of 124 seats in 2 show(s)" == dash.tiles["occupancy"].detail.text()
    assert dash.tiles["gross"].compare.text() == "Wed 18 Nov: none"

    payment = {r["payment_method"]: r for r in rows_as_dicts(dash.breakdowns["by_payment"].model)}
    assert (payment["cash"]["tickets"], payment["cash"]["gross"]) == (2, 50_000)
    assert (payment["card"]["tickets"], payment["card"]["gross"], payment["card"]["refunds"]) == (3, 77_500, 17_500)
    hours = {r["hour"]: r["gross"] for r in rows_as_dicts(dash.breakdowns["by_hour"].model)}
    assert len(hours) == 24 and hours["17:00"] == 50_000 and hours["18:00"] == 77_500
    assert sum(hours.values()) == HAND["gross"]
    channels = {r["channel"]: r["gross"] for r in rows_as_dicts(dash.breakdowns["by_channel"].model)}
    assert channels == {"counter": 102_500, "self-service": 25_000}
    section = dash.sections["INR"]
    staff = {r["staff"]: r["gross"] for r in rows_as_dicts(section.cashiers.source)}
    assert staff["1001 Asha Cashier"] == 102_500 and sum(staff.values()) == HAND["gross"]
    films = rows_as_dicts(section.films.source)
    assert [(f["film"], f["tickets"], f["gross"]) for f in films] == [("The Test Pattern", 5, 127_500)]
    screens = rows_as_dicts(section.screens.source)
    assert [(s["screen"], s["shows"], s["sold"]) for s in screens] == [("Screen 1", 2, 3)]
    for table in (section.films, section.screens, section.cashiers):
        assert table.isVisible()  # side by side, no tab to open

    occupancy = {dates.time_text(r["starts"]): r for r in rows_as_dicts(dash.occupancy_model)}
    assert set(occupancy) == {"14:30", "20:30"}  # show-past and show-future, local times
    assert (occupancy["20:30"]["sold"], round(occupancy["20:30"]["occupancy"], 1)) == (3, 4.8)
    assert occupancy["14:30"]["sold"] == 0
    # The hour chart is drawn: this day's bars are the gross in major units, beside last week's.
    chart = section.hour_chart
    assert chart is not None
    now, before = chart.chart().series()[0].barSets()
    assert [now.at(i) for i in range(now.count())][17:19] == [500.0, 775.0]
    assert sum(before.at(i) for i in range(before.count())) == 0
    assert before.label() == "Wed 18 Nov"


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
    # times for a spreadsheet: ISO with the cinema's offset
    assert [(r["Starts"], r["Sold"], r["Filled"]) for r in occ] == [
        ("2026-11-25T14:30+05:30", "0", "0.00"), ("2026-11-25T20:30+05:30", "3", "4.84")]
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
    assert dash.sections == {} and dash.board is None  # no figure shown
    refusals = [r for r in audit_rows(services, "report.dashboard") if r["ok"] == 0]
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


def test_the_hour_chart_follows_the_sections_hours(open_console, manager, trading_day):
    window = open_console(manager)
    section = window.pages["dashboard"].sections["INR"]
    bars = section.hour_chart.chart().series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [g / 100 for _h, g in section.section.hours]


def test_charts_follow_a_theme_switch(qapp, open_console, manager, trading_day):
    from PySide6.QtGui import QColor

    from kiosk.ui.theme import ThemeManager

    theme = ThemeManager.instance() or ThemeManager(qapp, "normal")
    theme.set_theme("normal")
    window = open_console(manager)
    dash = window.pages["dashboard"]
    bar_colour = lambda: dash.sections["INR"].hour_chart.chart().series()[0].barSets()[0].color()  # noqa: E731
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
    qtbot.waitUntil(lambda: dash.board is not None and dash.board.start == date(2026, 11, 26), timeout=3000)
    assert dash.tiles["gross"].value.text() == "₹0.00"
    dash.start_edit.setDate(QDate(2026, 11, 25))
    qtbot.waitUntil(lambda: dash.tiles["gross"].value.text() == "₹1,275.00", timeout=3000)
    assert dash.board.start == date(2026, 11, 25) and dash.board.end == date(2026, 11, 26)


def _dubai(conn) -> None:
    """A Dubai cinema in AED (Gulf Screens) with one show at 10:00 there (06:00 UTC) and two
    40.00 web sales."""
    conn.execute("INSERT INTO cinemas (id, name, city, timezone, currency) VALUES "
                 "('dxb', 'Gulf Screens', 'Dubai', 'Asia/Dubai', 'AED')")
    conn.execute("INSERT INTO halls (id, cinema_id, name, layout, seat_count) VALUES "
                 "('dxb-hall', 'dxb', 'Hall D', ?, 1)",
                 (json.dumps({"rows": [{"label": "A", "cells": "S"}]}),))
    conn.execute("INSERT INTO price_lists (id, name, currency, tax_rate_bp) VALUES ('dxb-pl', 'P', 'AED', 0)")
    conn.execute("INSERT INTO shows (id, film_id, hall_id, starts_at, price_list_id) VALUES "
                 "('dxb-show', 'film-test', 'dxb-hall', '2026-11-25T06:00:00+00:00', 'dxb-pl')")
    for i in range(2):
        when = f"2026-11-25T0{8 + i}:00:00+00:00"
        conn.execute(
            "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, "
            "currency, total_minor, tax_minor, payment_method, created_at, business_date, "
            "updated_at) VALUES (?, ?, ?, 'dxb-show', 'online', 'WEB', 'AED', 4000, 0, 'card', "
            "?, '2026-11-25', ?)", (f"dxb-{i}", f"DXB-{i:04d}", f"dxb-k{i}", when, when))


@pytest.fixture
def two_currencies(services, cashier, trading_day):
    """The hand-computed day, a rupee refund awaiting a manager, and a Dubai cinema in AED."""
    booking = sell(services, cashier, "show-future", ["F1", "F2", "F3", "F4", "F5"],
                   Payment("card", card_last4="4242"))  # 3,000.00: past the cashier's limit
    assert services.booking.refund(cashier, booking.reference, reason="customer_request").state == "pending_approval"
    _dubai(services.deps.conn)


def test_the_chooser_shows_one_cinema_one_currency_or_the_chain(qtbot, open_console, manager,
                                                                 two_currencies):
    window = open_console(manager)
    dash = window.pages["dashboard"]
    items = [dash.cinema.itemText(i) for i in range(dash.cinema.count())]
    assert items == ["Gulf Screens, Dubai (AED)", "Test Screens, Testville (INR)",
                     "Whole chain, each currency apart"]
    assert dash.scope() == Scope(cinema_id="cin-test")  # the console's own cinema first
    assert list(dash.sections) == ["INR"]
    assert dash.sections["INR"].heading.text() == "Test Screens · in INR"
    assert dash.tiles["refunds"].detail.text() == ("₹3,000.00 awaiting approval (1), "
                                                   "not subtracted")
    dash.choose(Scope(cinema_id="dxb"))
    qtbot.waitUntil(lambda: list(dash.sections) == ["AED"], timeout=3000)
    assert dash.tiles["gross"].value.text() == "AED 80.00"
    assert dash.tiles["refunds"].detail.text() == "none awaiting approval"  # no rupees here
    assert "(Dubai)" in dash.note.text()  # the zone named by its city


def test_the_chain_shows_each_currency_apart_and_shows_by_the_instant(qtbot, open_console,
                                                                        manager, two_currencies,
                                                                        tmp_path):
    window = open_console(manager)
    dash = window.pages["dashboard"]
    dash.choose(Scope())
    qtbot.waitUntil(lambda: list(dash.sections) == ["AED", "INR"], timeout=3000)
    aed, inr = dash.sections["AED"], dash.sections["INR"]
    assert aed.heading.text() == "In AED: Gulf Screens"
    assert inr.heading.text() == "In INR: Test Screens"
    # each tile holds one currency's figure: never a rupee amount under a dirham one
    assert aed.tiles["gross"].value.text() == "AED 80.00"
    assert inr.tiles["gross"].value.text() == "₹4,275.00"
    assert aed.tiles["tickets"].caption.text() == inr.tiles["tickets"].caption.text() == "Tickets sold"
    assert "\n" not in aed.tiles["gross"].value.text() + inr.tiles["gross"].value.text()
    assert "₹" not in "".join(t.value.text() + t.detail.text() for t in aed.tiles.values())
    assert "AED" not in "".join(t.value.text() + t.detail.text() for t in inr.tiles.values())
    assert "awaiting approval (1)" in inr.tiles["refunds"].detail.text()
    assert aed.tiles["refunds"].detail.text() == "none awaiting approval"
    # an hour chart per currency, each its own cinema's hours (08:00 UTC is 12:00 in Dubai)
    assert aed.hour_chart is not None and inr.hour_chart is not None
    aed_bars = aed.hour_chart.chart().series()[0].barSets()[0]
    assert aed_bars.at(12) == 40.0 and aed_bars.at(13) == 40.0
    # Kolkata 14:30 is 09:00 UTC, Dubai 10:00 is 06:00 UTC: Dubai's show comes first, and each
    # says its zone beside its own clock
    starts = [dash.occupancy_model.data(dash.occupancy_model.index(r, 0))
              for r in dash.occupancy_table.visible_order()]
    assert starts == ["10:00 UTC+04:00", "14:30 UTC+05:30", "20:30 UTC+05:30"]
    assert window.grab().save(str(tmp_path / "chain.png"))


def test_film_names_are_whole(qtbot, open_console, manager, trading_day, services):
    services.deps.conn.execute("UPDATE films SET title = 'Monsoon Wedding: The Long Road Home' "
                               "WHERE id = 'film-test'")
    window = open_console(manager, size=(1280, 800))
    dash = window.pages["dashboard"]
    dash.refresh()
    films = dash.sections["INR"].films
    qtbot.waitUntil(lambda: films.isVisible(), timeout=3000)
    index = films.proxy.index(0, 0)
    text = films.proxy.data(index)
    assert text == "Monsoon Wedding: The Long Road Home"
    width = films.columnWidth(0)
    lines = films.rowHeight(0) // films.fontMetrics().lineSpacing()
    assert films.fontMetrics().horizontalAdvance(text) <= width * max(1, lines)  # wrapped, not cut


def test_breakdown_headers_follow_the_language(qtbot, open_console, manager, trading_day):
    """The services title their columns in English; the dashboard shows them in the console's
    language, and a change of language while it is open retitles the tables."""
    from kiosk.ui import i18n

    window = open_console(manager)
    dash = window.pages["dashboard"]
    films = dash.breakdowns["by_film"].model

    def headers(model, count: int = 5) -> list[str]:
        return [str(model.headerData(col, Qt.Orientation.Horizontal)).replace("\n", " ")
                for col in range(count)]

    assert headers(films) == ["Film", "Currency", "Bookings", "Tickets", "Gross sales"]
    languages = i18n.language_manager()
    try:
        languages.set_language("hi")  # the open dashboard re-reads (_on_language)
        assert headers(films) == ["फ़िल्म", "मुद्रा", "बुकिंग", "टिकट", "सकल बिक्री"]
        assert headers(dash.breakdowns["by_cinema"].model, 1) == ["सिनेमा"]
        assert headers(dash.totals_model, 1) == ["मुद्रा"]
    finally:
        languages.set_language("en")
    assert headers(films, 1) == ["Film"]

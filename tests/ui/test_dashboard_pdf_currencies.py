"""The dashboard's daily PDF of the chain (issue 14): one page per currency, each with its own
figures and its own cinemas' shows; nothing converted, no currency left out."""

from __future__ import annotations

from PySide6.QtPdf import QPdfDocument

from kiosk.services.dashboard import Scope
from tests.ui import test_manager_dashboard as md
from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import click

cashier, manager, open_console, save_to, trading_day, two_currencies = (
    fx.cashier, fx.manager, fx.open_console, fx.save_to, fx.trading_day, md.two_currencies)


def test_the_chains_daily_pdf_has_a_page_per_currency(qtbot, open_console, manager,
                                                      two_currencies, save_to):
    window = open_console(manager)
    dash = window.pages["dashboard"]
    dash.choose(Scope())
    qtbot.waitUntil(lambda: list(dash.sections) == ["AED", "INR"], timeout=3000)
    click(qtbot, md._button(dash, "pdfButton"))
    [path] = save_to
    doc = QPdfDocument(window)
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    assert doc.pageCount() == 2
    aed, inr = doc.getAllText(0).text(), doc.getAllText(1).text()
    assert "Daily sales report in AED (1 of 2 currencies)" in aed
    assert "Gulf Screens" in aed and "AED 80.00" in aed and "amounts in AED" in aed
    assert "₹" not in aed and "Screen 1" not in aed  # the rupee cinema's show stays on its page
    assert "Daily sales report in INR (2 of 2 currencies)" in inr
    assert "Test Screens" in inr and "₹4,275.00" in inr and "AED" not in inr
    assert "Hall D" not in inr and "Hall D" in aed and "Screen 1" in inr

    dash.choose(Scope(cinema_id="dxb"))  # one cinema: its one currency, one page
    qtbot.waitUntil(lambda: list(dash.sections) == ["AED"], timeout=3000)
    click(qtbot, md._button(dash, "pdfButton"))
    one = QPdfDocument(window)
    assert one.load(str(save_to[-1])) == QPdfDocument.Error.None_
    assert one.pageCount() == 1
    assert "Daily sales report\n" in one.getAllText(0).text() or \
        "(1 of" not in one.getAllText(0).text()

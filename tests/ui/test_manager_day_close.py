"""The manager console's day close (Z report) screen, driven by clicks on the hand-computed day
of ``test_manager_fixtures`` (gross 1,275.00 of which 250.00 is tomorrow's show sold today)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from tests.factories import table_dump
from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import audit_rows, click

cashier, manager, open_console, save_to, trading_day = (
    fx.cashier, fx.manager, fx.open_console, fx.save_to, fx.trading_day)
SHOTS = Path("/tmp/shots")


def button(widget, name) -> QPushButton:
    found = widget.findChild(QPushButton, name)
    assert found is not None, name
    return found


def grab(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    image = widget.grab()
    assert not image.isNull() and image.width() > 0
    image.save(str(SHOTS / f"{name}.png"))


def test_close_is_refused_while_a_shift_is_open_then_closes_and_prints(
        qtbot, open_console, manager, cashier, services, trading_day, save_to):
    window = open_console(manager)
    screen = window.show_page("dayclose")
    assert "still open" in screen.status.text() and "Asha Cashier (1001)" in screen.status.text()
    assert "Preview" in screen.body.toPlainText()
    assert not screen.adjust_button.isEnabled()
    grab(window, "day_close_open_shift")
    screen.confirm = lambda _text: True
    before = table_dump(services.deps.conn)
    click(qtbot, button(screen, "closeDayButton"))
    assert "still open" in screen.banner.text() and "Asha Cashier" in screen.banner.text()
    assert table_dump(services.deps.conn) == before

    services.shifts.close(cashier, services.shifts.expected(cashier) - 1_000)
    click(qtbot, button(screen, "dayRefresh"))
    assert "ready to close" in screen.status.text()
    click(qtbot, button(screen, "closeDayButton"))
    assert "is closed" in screen.banner.text()
    assert "closed" in screen.status.text() and "signature matches" in screen.status.text()
    assert not screen.close_button.isEnabled() and screen.adjust_button.isEnabled()
    text = screen.body.toPlainText()
    assert "₹1,275.00" in text and "Tenders" in text and "-₹10.00" in text  # gross, variance
    assert audit_rows(services, "day_close")[-1]["ok"] == 1

    qtbot.keyClicks(screen.amount, "-2.50")
    qtbot.keyClicks(screen.reason, "Coin bag short on recount")
    click(qtbot, button(screen, "adjustButton"))
    assert "Adjustment recorded" in screen.banner.text()
    assert "Coin bag short on recount" in screen.body.toPlainText()
    assert "-₹2.50" in screen.body.toPlainText()
    grab(window, "day_close_closed")

    click(qtbot, button(screen, "saveZPdf"))
    [pdf] = save_to
    assert pdf.suffix == ".pdf" and pdf.stat().st_size > 0
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        assert any(line.split() == ["Pages:", "1"] for line in info.splitlines())
    click(qtbot, button(screen, "saveZCsv"))
    assert "Coin bag short on recount" in save_to[-1].read_text(encoding="utf-8")


def test_a_bad_adjustment_says_why_and_changes_nothing(qtbot, open_console, manager,
                                                       services):
    window = open_console(manager)
    screen = window.show_page("dayclose")
    screen.confirm = lambda _text: True
    click(qtbot, button(screen, "closeDayButton"))
    before = table_dump(services.deps.conn)
    qtbot.keyClicks(screen.amount, "12,5x")
    qtbot.keyClicks(screen.reason, "typo")
    click(qtbot, button(screen, "adjustButton"))
    assert "Type the adjustment as an amount" in screen.banner.text()
    screen.amount.setText("5")
    screen.reason.clear()
    click(qtbot, button(screen, "adjustButton"))
    assert "Say why" in screen.banner.text()
    assert table_dump(services.deps.conn) == before


def test_declining_the_question_closes_nothing(qtbot, open_console, manager, services):
    window = open_console(manager)
    screen = window.show_page("dayclose")
    screen.confirm = lambda _text: False
    click(qtbot, button(screen, "closeDayButton"))
    assert services.deps.conn.execute("SELECT COUNT(*) FROM business_days").fetchone()[0] == 0

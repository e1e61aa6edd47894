"""Manager console CSV exports: formulas neutralised, and a save that fails says so (issue 11)."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import click

cashier, manager, open_console, trading_day = fx.cashier, fx.manager, fx.open_console, fx.trading_day


def answer_save_dialog(monkeypatch, path):
    from kiosk.ui.manager import common

    monkeypatch.setattr(common, "ask_save_path", lambda *_a: path)


def test_audit_export_neutralises_formulas_and_refuses_bad_places(
        qtbot, open_console, manager, trading_day, services, monkeypatch, tmp_path):
    conn = services.deps.conn
    conn.execute("UPDATE audit SET target = '=HYPERLINK(\"http://evil\",\"x\")' "
                 "WHERE action = 'refund'")
    window = open_console(manager)
    screen = window.show_page("audit")
    export = screen.findChild(QPushButton, "csv_audit")
    good = tmp_path / "audit.csv"
    answer_save_dialog(monkeypatch, good)
    click(qtbot, export)
    with open(good, newline="", encoding="utf-8") as fh:
        targets = [r["Target"] for r in csv.DictReader(fh)]
    assert "'=HYPERLINK(\"http://evil\",\"x\")" in targets
    assert not any(t.startswith(("=", "+", "@")) for t in targets)
    for bad, words in ((tmp_path, "is a folder"), (tmp_path / "nope" / "a.csv", "does not exist"),
                       ("/proc/version", "system file")):
        answer_save_dialog(monkeypatch, Path(bad))
        click(qtbot, export)
        assert words in screen.banner.text(), screen.banner.text()
    assert not (tmp_path / "nope").exists() and not list(tmp_path.glob(".*.partial"))
    window.resize(1280, 800)
    window.grab().save("/tmp/shots/manager_audit_export_refused.png")

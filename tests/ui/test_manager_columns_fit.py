"""Issue 14 defect 3: at 1366 x 768 the refund approvals, kiosks and sync, and audit tables show
every column whole: no header cut, nothing scrolled out of sight to the right."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_screens import big_refund

manager, cashier, open_console, trading_day = fx.manager, fx.cashier, fx.open_console, \
    fx.trading_day
SMALL = (1366, 768)


def assert_columns_whole(table) -> None:
    """Every shown column at least as wide as its title, and no horizontal scrolling."""
    QApplication.processEvents()
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    model = table.source
    for col in range(model.columnCount()):
        if table.isColumnHidden(col):
            continue
        title = model.columns[col].title
        assert header.sectionSize(col) >= metrics.horizontalAdvance(title), (title,
                                                                             header.sectionSize(col))
    assert table.horizontalScrollBar().maximum() == 0, table.objectName()


def test_refund_approvals_show_every_column_at_1366_by_768(qtbot, open_console, manager,
                                                           cashier, services, tmp_path):
    big_refund(services, cashier, ["F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8"])
    window = open_console(manager, size=SMALL)
    screen = window.show_page("refunds")
    assert screen.model.rowCount() == 1
    assert_columns_whole(screen.table)
    reason = [c.key for c in screen.model.columns].index("reason")
    assert not screen.table.isColumnHidden(reason)  # the last column, whole
    assert screen.model.rows[0][reason] == "family emergency"
    out = Path(os.environ.get("KIOSK_SHOT_DIR") or tmp_path) / "refunds-1366.png"
    assert window.grab().save(str(out))


def test_sync_and_audit_show_every_column_at_1366_by_768(qtbot, open_console, manager,
                                                         trading_day):
    window = open_console(manager, size=SMALL)
    sync = window.show_page("sync")
    assert sync.kiosk_model.rowCount() >= 1
    for table in (sync.kiosk_table, sync.alloc_table):
        assert_columns_whole(table)
    audit = window.show_page("audit")
    assert audit.model.rowCount() > 0
    assert_columns_whole(audit.table)

"""Issue 12: the manager's food and drink stock page: low items first and marked, a count set
with two spin boxes and saved through the service (audited); a cashier may look, not count."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.store.db import transaction
from kiosk.store.menu_store import replace_menu
from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import audit_rows, click, select_row
from tests.ui.test_manager_screens import button
from tests.unit.test_menu import small_menu

cashier, manager, open_console = fx.cashier, fx.manager, fx.open_console
SHOTS = Path("/tmp/shots")


@pytest.fixture
def stocked(services):
    conn = services.deps.conn
    with transaction(conn):
        replace_menu(conn, small_menu("cin-test"), {"pop-m": (40, 10), "pop-l": (2, 3),
                                                    "cola-m": (9, 9)}, "t")
    return services


def _on_hand(services, item_id: str) -> tuple[int, int]:
    return tuple(services.deps.conn.execute(
        "SELECT on_hand, low_at FROM menu_stock WHERE item_id = ?", (item_id,)).fetchone())


def test_low_items_come_first_marked_and_a_count_is_saved(qtbot, open_console, manager, stocked):
    window = open_console(manager)
    screen = window.show_page("stock")
    rows = screen.model.rows
    assert [r[5] for r in rows][:2] == ["pop-l", "cola-m"]  # furthest below their mark first
    assert {r[5]: r[4] for r in rows} == {"pop-l": "LOW", "cola-m": "LOW", "pop-m": ""}
    assert screen._tone(0) == "bad" and "2 at or below" in screen.summary.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "manager_stock.png"))
    select_row(screen.table, lambda r: r.item.item_id == "pop-l")
    assert (screen.count.value(), screen.low_at.value()) == (2, 3)  # the row's own figures
    screen.count.setValue(120)
    screen.low_at.setValue(15)
    click(qtbot, button(screen, "saveCount"))
    assert _on_hand(stocked, "pop-l") == (120, 15)
    assert "Popcorn (Large): 120 on hand" in screen.banner.text()
    assert audit_rows(stocked, "menu.set_stock")[-1]["target"] == "pop-l"
    screen.only_low.setChecked(True)
    assert [r[5] for r in screen.model.rows] == ["cola-m"]


def test_the_page_reads_in_high_contrast(qtbot, qapp, open_console, manager, stocked):
    from kiosk.ui.theme import ThemeManager

    theme = ThemeManager.instance() or ThemeManager(qapp, "normal")
    window = open_console(manager)
    theme.set_high_contrast(True)
    try:
        window.show_page("stock")
        SHOTS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(SHOTS / "manager_stock_high_contrast.png"))
    finally:
        theme.set_high_contrast(False)


def test_a_cashier_sees_the_counts_but_saving_is_refused(qtbot, open_console, cashier, stocked):
    window = open_console(cashier)
    screen = window.show_page("stock")
    assert len(screen.model.rows) == 3
    select_row(screen.table, lambda r: r.item.item_id == "pop-m")
    screen.count.setValue(0)
    click(qtbot, button(screen, "saveCount"))
    assert "manager" in screen.banner.text().lower() and screen.banner.kind() == "error"
    assert _on_hand(stocked, "pop-m") == (40, 10)
    screen.only_low.setChecked(True)  # the warnings list is the manager's too
    assert "manager" in screen.banner.text().lower()


def test_saving_without_a_row_chosen_says_so(qtbot, open_console, manager, stocked):
    screen = open_console(manager).show_page("stock")
    screen.table.clearSelection()
    screen.table.setCurrentIndex(screen.table.model().index(-1, -1))
    click(qtbot, button(screen, "saveCount"))
    assert "choose an item" in screen.banner.text()

"""The sync screen's dead letters (issue 9): listed with their reason, retried and exported by a
manager through kiosk.services.outbox; rendered in both themes for a look."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kiosk.domain.clock import to_iso
from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import audit_rows, click, select_row

cashier, manager, open_console, save_to, trading_day = (
    fx.cashier, fx.manager, fx.open_console, fx.save_to, fx.trading_day)

REASON = ("CloudError: The cloud refused the request: ValidationException: One or more "
          "parameter values were invalid (gave up after 10 tries)")


@pytest.fixture
def dead_row(services, trading_day, clock):
    """The first sale's confirm row, dead-lettered as the worker would leave it."""
    conn = services.deps.conn
    row_id = conn.execute("SELECT id FROM outbox WHERE booking_id = ? AND kind = 'confirm'",
                          (trading_day["a"].booking_id,)).fetchone()[0]
    conn.execute("UPDATE outbox SET dead_at = ?, dead_reason = ?, last_error = ?, failures = 10, "
                 "attempts = 14 WHERE id = ?", (to_iso(clock.now()), REASON, REASON, row_id))
    return row_id


def test_dead_letters_are_listed_with_their_reason(qtbot, open_console, manager, dead_row,
                                                   trading_day):
    window = open_console(manager)
    screen = window.show_page("sync")
    [row] = screen.dead_model.rows
    assert (row[0], row[1], row[3], row[4], row[5]) == (
        trading_day["a"].reference, "Sale", 14, dead_row, REASON)
    assert "1 not sent (needs a manager)" in screen.status.text()
    assert "1 row" in screen.dead_note.text() and "for a manager" in screen.dead_note.text()
    assert screen.dead_card.isVisible() and screen.dead_retry_button.isEnabled()


def test_the_card_shows_only_when_something_is_stuck_and_follows_live_status(
        qtbot, services, manager, trading_day, clock):
    """Hidden while nothing is stuck; a status tick whose dead_letters count differs re-reads it."""
    from dataclasses import replace

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.bridge import Bridge
    from kiosk.ui.manager import ManagerWindow

    class FakeSyncBridge(QObject):
        statusChanged = Signal(dict)
        context = object()
        last_status = {"online": True, "pending": 4, "dead_letters": 0, "last_error": ""}

    config = services.deps.config
    services.deps.config = replace(config, cloud=replace(config.cloud, enabled=True))
    holder = QWidget()
    qtbot.addWidget(holder)
    bridge = Bridge(services)
    bridge.sync = FakeSyncBridge(holder)  # the app's SyncBridge, as kiosk.ui.app sets it
    window = ManagerWindow(services, bridge, manager, parent=holder)
    holder.resize(1440, 900)
    holder.show()
    window.resize(1440, 900)
    screen = window.show_page("sync")
    assert not screen.dead_card.isVisible() and screen.status.text().startswith("Online")
    services.deps.conn.execute("UPDATE outbox SET dead_at = ?, dead_reason = 'x' WHERE id = "
                               "(SELECT MIN(id) FROM outbox)", (to_iso(clock.now()),))
    bridge.sync.statusChanged.emit({"online": True, "pending": 3, "dead_letters": 1,
                                           "last_error": ""})
    assert screen.dead_card.isVisible() and screen.dead_model.rowCount() == 1
    assert "1 not sent (needs a manager)" in screen.status.text()
    bridge.wait_idle(5000)


def test_retry_resets_the_row_audited_and_nudges_the_sync(qtbot, open_console, manager,
                                                         dead_row, services, trading_day):
    window = open_console(manager)
    screen = window.show_page("sync")
    nudged = []
    screen.sync_bridge = lambda: type("Sync", (), {"sync_now": lambda self: nudged.append(1)})()
    click(qtbot, screen.dead_retry_button)
    assert "choose a row" in screen.banner.text()
    select_row(screen.dead_table, lambda d: d.id == dead_row)
    click(qtbot, screen.dead_retry_button)
    assert f"{trading_day['a'].reference} will be sent again" in screen.banner.text()
    assert screen.dead_model.rowCount() == 0 and nudged == [1]
    assert not screen.dead_card.isVisible() and "not sent" not in screen.status.text()
    row = services.deps.conn.execute("SELECT dead_at, failures FROM outbox WHERE id = ?",
                                     (dead_row,)).fetchone()
    assert tuple(row) == (None, 0)
    [entry] = audit_rows(services, "outbox.retry")
    assert entry["staff_id"] == manager.staff_id and entry["ok"] == 1
    assert json.loads(entry["detail"])["reason"] == REASON


@pytest.mark.parametrize("name", ["not-sent.json", "not-sent.csv"])
def test_export_saves_the_dead_rows(qtbot, open_console, manager, dead_row, services, tmp_path,
                                    monkeypatch, name):
    from kiosk.ui.manager import common

    monkeypatch.setattr(common, "ask_save_path", lambda *_a: tmp_path / name)
    window = open_console(manager)
    screen = window.show_page("sync")
    with qtbot.waitSignal(screen.exported, timeout=5000) as signal:
        click(qtbot, screen.dead_export_button)
    assert signal.args == [str(tmp_path / name)]
    assert "Saved 1 row" in screen.banner.text() and name in screen.banner.text()
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert str(dead_row) in text and "ValidationException" in text
    assert [r["ok"] for r in audit_rows(services, "outbox.export")] == [1]


def test_a_cashier_cannot_list_retry_or_export(services, cashier, dead_row, tmp_path):
    from kiosk.domain.errors import PermissionDenied
    from kiosk.services import outbox

    for call in (lambda: outbox.list_dead(services.deps, cashier),
                 lambda: outbox.retry_dead(services.deps, cashier, [dead_row]),
                 lambda: outbox.export_dead(services.deps, cashier, tmp_path / "x.json")):
        with pytest.raises(PermissionDenied):
            call()
    assert not (tmp_path / "x.json").exists()
    assert services.deps.conn.execute("SELECT dead_at IS NOT NULL FROM outbox WHERE id = ?",
                                      (dead_row,)).fetchone()[0] == 1
    refused = {r["action"] for r in services.deps.conn.execute(
        "SELECT action FROM audit WHERE ok = 0 AND staff_id = ?", (cashier.staff_id,))}
    assert {"sync.view", "outbox.retry", "outbox.export"} <= refused


@pytest.mark.parametrize("theme_name", ["normal", "high-contrast"])
def test_sync_screen_with_a_dead_letter_renders_in_both_themes(qapp, qtbot, open_console, manager,
                                                               dead_row, theme_name, tmp_path):
    from kiosk.ui.theme import ThemeManager

    theme = ThemeManager.instance() or ThemeManager(qapp, "normal")
    theme.set_theme(theme_name)
    try:
        window = open_console(manager)
        screen = window.show_page("sync")
        select_row(screen.dead_table, lambda d: d.id == dead_row)
        qapp.processEvents()  # the card has just been shown: let the layout settle
        image = window.grab()
        out = Path(os.environ.get("KIOSK_SHOT_DIR") or tmp_path) / f"sync-dead-{theme_name}.png"
        assert image.save(str(out))
        picture = image.toImage()
        colours = {picture.pixel(x, y) for x in range(0, picture.width(), 37)
                   for y in range(0, picture.height(), 29)}
        assert len(colours) > 5
        for b in (screen.dead_retry_button, screen.dead_export_button):
            assert b.isVisible() and b.height() >= 48
        table = screen.dead_table  # its header and its one row show whole (the frame aside)
        assert table.isVisible()
        assert table.height() >= table.horizontalHeader().height() + table.rowHeight(0), (
            table.height(), table.horizontalHeader().height(), table.rowHeight(0))
    finally:
        theme.set_theme("normal")


def test_double_admissions_are_listed_for_the_manager(qtbot, open_console, manager, services,
                                                      trading_day, clock):
    """Issue 13: a ticket admitted at two doors while one was offline, found on reconnecting."""
    window = open_console(manager)
    screen = window.show_page("sync")
    assert not screen.double_card.isVisible()
    with services.deps.conn:
        services.deps.conn.execute(
            "INSERT INTO double_admissions (booking_id, reference, show_id, first_door, "
            "first_kiosk, first_at, second_door, second_kiosk, second_at, found_at) "
            "VALUES (?, ?, ?, 'Door 1', 'DOOR-1', ?, 'Door 2', 'DOOR-2', ?, ?)",
            (trading_day["a"].booking_id, trading_day["a"].reference, "show-future",
             to_iso(clock.now()), to_iso(clock.now()), to_iso(clock.now())))
    screen.refresh()
    [row] = screen.double_model.rows
    assert (row[0], row[2], row[4]) == (trading_day["a"].reference, "Door 1", "Door 2")
    assert screen.double_card.isVisible()
    if os.environ.get("KIOSK_SHOTS"):
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        window.grab().save(os.path.join(os.environ["KIOSK_SHOTS"], "manager-double-admissions.png"))

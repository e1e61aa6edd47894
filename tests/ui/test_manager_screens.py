"""Cash-ups, refund approvals, staff, audit log and kiosks/sync screens, driven by clicks."""

from __future__ import annotations

import csv
import json
import os
from datetime import timedelta
from pathlib import Path

import bcrypt
from PySide6.QtWidgets import QPushButton

from kiosk.domain.clock import to_iso
from kiosk.services.models import Payment
from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import audit_rows, click, select_row, sell

cashier, manager, open_console, save_to, trading_day = (
    fx.cashier, fx.manager, fx.open_console, fx.save_to, fx.trading_day)


def button(widget, name) -> QPushButton:
    found = widget.findChild(QPushButton, name)
    assert found is not None, name
    return found


# ---- cash-ups ------------------------------------------------------------------------------------
def closed_shift(services, staff_number, expected, counted, hours_ago=3):
    now = services.deps.clock.now()
    staff_id = services.deps.conn.execute("SELECT id FROM staff WHERE staff_number = ?",
                                          (staff_number,)).fetchone()[0]
    return services.deps.conn.execute(
        "INSERT INTO shifts (staff_id, kiosk_id, currency, opened_at, float_minor, closed_at,"
        " expected_minor, counted_minor, variance_minor) VALUES (?, 'KIOSK-2', 'INR', ?, 10000, ?, ?, ?, ?)",
        (staff_id, to_iso(now - timedelta(hours=hours_ago)), to_iso(now - timedelta(hours=1)),
         expected, counted, counted - expected)).lastrowid


def test_cashups_flag_and_approve_with_comment(qtbot, open_console, manager, services):
    fine = closed_shift(services, "1001", 50_000, 49_900)
    short = closed_shift(services, "1002", 50_000, 40_000, hours_ago=2)
    window = open_console(manager)
    screen = window.show_page("cashups")
    rows = {r[0]: r for r in screen.model.rows}
    assert rows[short][13] == "FLAGGED" and rows[fine][13] == ""  # after card/UPI/voucher/points
    assert rows[short][8] == -10_000 and rows[fine][5] == 10_000  # variance, float
    select_row(screen.table, lambda c: c.shift_id == short)
    click(qtbot, button(screen, "approveButton"))
    assert "comment" in screen.banner.text()
    assert services.deps.conn.execute("SELECT approved_by FROM shifts WHERE id = ?", (short,)).fetchone()[0] is None
    qtbot.keyClicks(screen.comment, "Float miscounted at open; checked CCTV")
    select_row(screen.table, lambda c: c.shift_id == short)
    click(qtbot, button(screen, "approveButton"))
    row = services.deps.conn.execute("SELECT * FROM shifts WHERE id = ?", (short,)).fetchone()
    assert row["approved_by"] == manager.staff_id and "CCTV" in row["comment"]
    assert {r[0]: r[14] for r in screen.model.rows}[short] == "approved"
    assert audit_rows(services, "cashup.approve")[-1]["target"] == str(short)
    screen.only_flagged.setChecked(True)
    assert [r[0] for r in screen.model.rows] == [short]


# ---- refund approvals --------------------------------------------------------------------------
def big_refund(services, cashier, seats):
    booking = sell(services, cashier, "show-later", seats, Payment("card", card_last4="4242"))
    result = services.booking.refund(cashier, booking.reference, None, "other: family emergency")
    assert result.state == "pending_approval"
    return booking, result


def test_refund_approve_and_reject(qtbot, open_console, manager, cashier, services):
    first, r1 = big_refund(services, cashier, ["F1", "F2"])  # 2 x 600.00 > the 1,000.00 limit
    second, r2 = big_refund(services, cashier, ["F3", "F4"])
    window = open_console(manager)
    screen = window.show_page("refunds")
    assert sorted(r[0] for r in screen.model.rows) == sorted([r1.refund_id, r2.refund_id])
    assert {r[0]: r[5] for r in screen.model.rows}[r1.refund_id] == 120_000
    select_row(screen.table, lambda row: row[0] == r1.refund_id, by_row=True)
    click(qtbot, button(screen, "approveRefund"))
    state = services.deps.conn.execute("SELECT state, decided_by FROM refunds WHERE id = ?",
                                       (r1.refund_id,)).fetchone()
    assert tuple(state) == ("completed", manager.staff_id)
    sold = {r[0] for r in services.deps.conn.execute(
        "SELECT seat_code FROM seat_sales WHERE show_id = 'show-later'")}
    assert not {"F1", "F2"} & sold and {"F3", "F4"} <= sold
    select_row(screen.table, lambda row: row[0] == r2.refund_id, by_row=True)
    click(qtbot, button(screen, "rejectButton"))
    assert "why" in screen.banner.text()  # a rejection needs a comment
    qtbot.keyClicks(screen.comment, "Show not cancelled; policy says no")
    select_row(screen.table, lambda row: row[0] == r2.refund_id, by_row=True)
    click(qtbot, button(screen, "rejectButton"))
    assert services.deps.conn.execute("SELECT state FROM refunds WHERE id = ?",
                                      (r2.refund_id,)).fetchone()[0] == "rejected"
    assert screen.model.rowCount() == 0


# ---- staff -------------------------------------------------------------------------------------
def test_staff_add_reset_and_last_manager_guard(qtbot, open_console, manager, services):
    window = open_console(manager)
    screen = window.show_page("staff")
    qtbot.keyClicks(screen.number, "1020")
    qtbot.keyClicks(screen.name, "Kiran Rao")
    qtbot.keyClicks(screen.pin, "2468")
    with qtbot.waitSignal(window.ctx.bridge.busyChanged, check_params_cb=lambda busy: not busy,
                          timeout=10_000):
        click(qtbot, button(screen, "addStaffButton"))
    qtbot.waitUntil(lambda: any(r[0] == "1020" for r in screen.model.rows), timeout=5000)
    assert "can now sign in" in screen.banner.text()
    assert services.auth.sign_in("1020", "2468").name == "Kiran Rao"

    select_row(screen.table, lambda s: s.staff_number == "1020")
    qtbot.keyClicks(screen.pin, "13579")
    with qtbot.waitSignal(window.ctx.bridge.busyChanged, check_params_cb=lambda busy: not busy,
                          timeout=10_000):
        click(qtbot, button(screen, "resetPinButton"))
    new_hash = services.deps.conn.execute("SELECT pin_hash FROM staff WHERE staff_number = '1020'").fetchone()[0]
    assert bcrypt.checkpw(b"13579", new_hash.encode())

    select_row(screen.table, lambda s: s.staff_number == "9001")
    click(qtbot, button(screen, "deactivateButton"))
    assert "last active manager" in screen.banner.text()
    assert services.deps.conn.execute("SELECT active FROM staff WHERE staff_number = '9001'").fetchone()[0] == 1

    select_row(screen.table, lambda s: s.staff_number == "1020")
    click(qtbot, button(screen, "deactivateButton"))
    assert {s.staff_number: s.active for s in screen.model.payloads}["1020"] is False


def test_staff_bad_pin_is_refused_in_the_banner(qtbot, open_console, manager, services):
    window = open_console(manager)
    screen = window.show_page("staff")
    qtbot.keyClicks(screen.number, "1021")
    qtbot.keyClicks(screen.name, "Short Pin")
    qtbot.keyClicks(screen.pin, "12")
    with qtbot.waitSignal(window.ctx.bridge.busyChanged, check_params_cb=lambda busy: not busy,
                          timeout=10_000):
        click(qtbot, button(screen, "addStaffButton"))
    qtbot.waitUntil(lambda: "PIN" in screen.banner.text(), timeout=5000)
    assert screen.banner.kind() == "error"
    assert services.deps.conn.execute("SELECT 1 FROM staff WHERE staff_number = '1021'").fetchone() is None


def test_unlock_a_locked_cashier(qtbot, open_console, manager, services, clock):
    services.deps.conn.execute("UPDATE staff SET failed_attempts = 5, locked_until = ? WHERE staff_number = '1002'",
                               (to_iso(clock.now() + timedelta(minutes=5)),))
    window = open_console(manager)
    screen = window.show_page("staff")
    assert {r[0]: r[5] for r in screen.model.rows}["1002"] != ""
    select_row(screen.table, lambda s: s.staff_number == "1002")
    click(qtbot, button(screen, "unlockButton"))
    assert {r[0]: r[5] for r in screen.model.rows}["1002"] == ""
    assert services.auth.sign_in("1002", "2345").staff_number == "1002"


# ---- audit log ---------------------------------------------------------------------------------
def test_audit_filters_and_csv(qtbot, open_console, manager, cashier, trading_day, services, save_to):
    window = open_console(manager)
    screen = window.show_page("audit")
    actions = {r[3] for r in screen.model.rows}
    assert {"Sale", "Refund", "Signed in"} <= actions  # words, not internal names (issue 14)
    screen.staff.setCurrentIndex(screen.staff.findData(cashier.staff_id))
    screen.action.setCurrentIndex(screen.action.findData("refund"))  # listed as "Refund"
    click(qtbot, button(screen, "auditApply"))
    assert [(r[1], r[3], r[4]) for r in screen.model.rows] == [
        ("1001 Asha Cashier", "Refund", trading_day["b"].reference)]
    assert screen.model.rows[0][6].startswith(f"Asha Cashier (1001) refunded ₹175.00 on "
                                              f"booking {trading_day['b'].reference}")
    screen.action.setCurrentText("All actions")
    click(qtbot, button(screen, "auditApply"))
    assert {r[3] for r in screen.model.rows} >= {"Sale", "Refund"}
    assert {r[1] for r in screen.model.rows} == {"1001 Asha Cashier"}
    qtbot.keyClicks(screen.search, trading_day["a"].reference)
    assert screen.table.proxy.rowCount() == 1
    click(qtbot, button(screen, "csv_audit"))  # exports what the table shows
    with open(save_to[-1], newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["Action"], r["Target"]) for r in rows] == [("Sale", trading_day["a"].reference)]
    screen.search.clear()
    click(qtbot, button(screen, "csv_audit"))
    with open(save_to[-1], newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == screen.model.rowCount()
    refund = next(r for r in rows if r["Action"] == "Refund")
    assert "₹175.00" in refund["What happened"] and refund["Allowed"] == "yes"
    assert "{" not in refund["What happened"]  # a sentence, not JSON
    # what is shown: when, where, and the sentence (who did what to what, issue 14)
    shown = [screen.model.columns[c].key for c in range(screen.model.columnCount())
             if not screen.table.isColumnHidden(c)]
    assert shown == ["at", "kiosk_id", "detail"]


def test_audit_screen_says_whether_the_chain_is_intact(qtbot, open_console, manager, trading_day,
                                                      services):
    import sqlite3

    from PySide6.QtWidgets import QApplication

    from kiosk.ui.theme import load_stylesheet

    QApplication.instance().setStyleSheet(load_stylesheet("normal", False))  # as the app does
    window = open_console(manager)
    screen = window.show_page("audit")
    qtbot.waitUntil(lambda: screen.chain.property("role") == "good")  # checked off the GUI thread
    assert screen.chain.text().startswith("\u2713 Audit chain intact")
    os.makedirs("/tmp/shots", exist_ok=True)
    window.grab().save("/tmp/shots/audit_chain_intact.png")
    row_id = services.deps.conn.execute(
        "SELECT id FROM audit WHERE action = 'refund'").fetchone()[0]
    raw = sqlite3.connect(services.config.db_path)  # an outsider's edit, without the kiosk
    with raw:
        raw.execute("UPDATE audit SET detail = '{}' WHERE id = ?", (row_id,))
    raw.close()
    click(qtbot, button(screen, "auditApply"))
    qtbot.waitUntil(lambda: screen.chain.property("role") == "bad")
    assert f"row {row_id} (refund" in screen.chain.text() and "broken" in screen.chain.text()
    qtbot.waitUntil(lambda: screen.chain.height() >= screen.chain.heightForWidth(
        screen.chain.width()))  # the whole line shows, not clipped
    window.grab().save("/tmp/shots/audit_chain_broken.png")
    QApplication.instance().setStyleSheet("")


# ---- kiosks and sync -----------------------------------------------------------------------------
def test_sync_screen_without_cloud_shows_local_outbox(qtbot, open_console, manager, trading_day, services):
    window = open_console(manager)
    screen = window.show_page("sync")
    assert "Cloud sync not configured" in screen.status.text()
    pending = services.deps.conn.execute("SELECT COUNT(*) FROM outbox WHERE done_at IS NULL").fetchone()[0]
    assert pending > 0
    assert sum(r[3] for r in screen.kiosk_model.rows) == pending
    assert not button(screen, "reseatButton").isEnabled()


def test_conflict_queue_refund(qtbot, open_console, manager, cashier, services, clock):
    booking = sell(services, cashier, "show-later", ["C5", "C6"], Payment("card", card_last4="4242"))
    conn = services.deps.conn
    conn.execute("UPDATE bookings SET state = 'conflict', sync_state = 'conflict' WHERE id = ?",
                 (booking.booking_id,))
    conn.execute("INSERT INTO cloud_conflicts (booking_id, show_id, lost_seats, detected_at)"
                 " VALUES (?, 'show-later', ?, ?)", (booking.booking_id, json.dumps(["C5"]), to_iso(clock.now())))
    conn.execute("INSERT INTO allocations VALUES ('show-later', 'A5', 'KIOSK-1', ?)", (to_iso(clock.now()),))
    window = open_console(manager)
    screen = window.show_page("sync")
    assert [(r[0], r[2], r[3]) for r in screen.conflict_model.rows] == [(booking.reference, "C5 C6", "C5")]
    assert [(r[2], r[3], r[4]) for r in screen.alloc_model.rows] == [("KIOSK-1", 1, 0)]
    select_row(screen.conflict_table, lambda c: c.booking_id == booking.booking_id)
    click(qtbot, button(screen, "conflictRefund"))
    assert "refunded" in screen.banner.text()
    assert screen.conflict_model.rowCount() == 0
    state = conn.execute("SELECT state FROM bookings WHERE id = ?", (booking.booking_id,)).fetchone()[0]
    assert state == "refunded"
    assert conn.execute("SELECT resolution FROM cloud_conflicts").fetchone()[0] == "refunded"


def test_every_page_opens_and_has_large_targets(qtbot, open_console, manager, trading_day):
    from kiosk.ui.manager.window import PAGES

    window = open_console(manager)
    for key, *_ in PAGES:
        click(qtbot, window.nav_buttons[key])
        assert window.current_key() == key
        page = window.pages[key]
        assert page.banner.kind() != "error" or not page.banner.text(), (key, page.banner.text())
        for b in page.findChildren(QPushButton):
            if b.isVisible() and b.objectName() != "bannerClose":
                assert b.height() >= 48, (key, b.text(), b.height())
        image = window.grab().toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}
        assert len(colours) > 5, key  # not blank


def test_sync_overview_is_manager_only_and_audited(services, cashier):
    import pytest

    from kiosk.domain.errors import PermissionDenied
    from kiosk.services import sync_overview

    for fn in (sync_overview.kiosk_rows, sync_overview.allocation_rows):
        with pytest.raises(PermissionDenied):
            fn(services.deps, cashier)
    refusals = [r for r in audit_rows(services, "sync.view") if r["ok"] == 0]
    assert len(refusals) == 2 and {r["staff_id"] for r in refusals} == {cashier.staff_id}


def test_sync_screen_shows_live_cloud_status(qtbot, services, manager, trading_day):
    """With cloud sync on, the screen shows the SyncBridge's status and enables re-seating."""
    from dataclasses import replace

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.bridge import Bridge
    from kiosk.ui.manager import ManagerWindow

    class FakeSyncBridge(QObject):
        statusChanged = Signal(dict)
        context = object()
        last_status = {"online": True, "pending": 0, "last_error": "", "conflicts": 0,
                       "last_sync_at": "2026-11-25T13:00:00+00:00", "last_pull_at": ""}

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
    assert screen.status.text().startswith("Online")
    assert "last sent Wed 25 Nov 18:30:00" in screen.status.text()  # 13:00 UTC in Asia/Kolkata
    bridge.sync.statusChanged.emit({"online": False, "pending": 3, "last_error": "timed out",
                                           "last_sync_at": "", "last_pull_at": ""})
    assert screen.status.text().startswith("OFFLINE") and "problem: timed out" in screen.status.text()
    assert "3 waiting" in screen.status.text()
    bridge.sync.statusChanged.emit({"state": "connecting", "online": False, "pending": 0,
                                           "last_error": "", "last_sync_at": "",
                                           "last_pull_at": ""})
    assert screen.status.text().startswith("Connecting")  # not "Online" before a round trip
    skew = "This kiosk's clock is 11 min ahead of the cloud's: seat claims are paused"
    bridge.sync.statusChanged.emit({"state": "online", "online": True, "pending": 0,
                                           "last_error": "", "clock": skew, "last_sync_at": "",
                                           "last_pull_at": ""})
    assert skew in screen.status.text() and screen.status.property("role") == "warn"
    if os.environ.get("KIOSK_SHOT_DIR"):
        holder.grab().save(str(Path(os.environ["KIOSK_SHOT_DIR"]) / "sync-clock.png"))
    bridge.wait_idle(5000)


def test_a_cashier_in_the_console_is_refused_everywhere_and_audited(qtbot, open_console, cashier, services):
    """Nothing is merely hidden: every page's service refuses a cashier and says so."""
    window = open_console(cashier)
    for key in ("dashboard", "refunds", "cashups", "sync", "audit", "staff"):
        page = window.show_page(key)
        assert "manager" in page.banner.text().lower(), (key, page.banner.text())
        assert page.banner.kind() == "error"
    schedule = window.show_page("schedule")
    click(qtbot, button(schedule.shows, "saveShow"))
    assert "manager" in schedule.banner.text().lower()
    halls = window.show_page("halls")
    click(qtbot, halls.save_button)
    assert "manager" in halls.banner.text().lower()
    refused = {r["action"] for r in services.deps.conn.execute(
        "SELECT action FROM audit WHERE ok = 0 AND staff_id = ?", (cashier.staff_id,))}
    assert {"report.dashboard", "cashup.list", "sync.view", "staff.list", "show.save", "hall.save"} <= refused
    assert len(refused) >= 8  # plus the refund queue and the audit log's own refusals


def test_reseat_calls_the_cloud_conflict_queue(qtbot, services, manager, cashier, clock, monkeypatch):
    """The screen hands the cloud's reseat the services, the manager, the booking and the context
    (the DynamoDB side of reseat is tested with moto in tests/cloud)."""
    from dataclasses import replace

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QWidget

    from kiosk.cloud import conflicts
    from kiosk.ui.bridge import Bridge
    from kiosk.ui.manager import ManagerWindow

    booking = sell(services, cashier, "show-later", ["C5", "C6"], Payment("card", card_last4="4242"))
    conn = services.deps.conn
    conn.execute("UPDATE bookings SET state = 'conflict' WHERE id = ?", (booking.booking_id,))
    conn.execute("INSERT INTO cloud_conflicts (booking_id, show_id, lost_seats, detected_at)"
                 " VALUES (?, 'show-later', '[\"C5\"]', ?)", (booking.booking_id, to_iso(clock.now())))
    context = object()
    calls = []

    def fake_reseat(svc, actor, booking_id, ctx, seats=None):
        calls.append((svc, actor, booking_id, ctx))
        conn.execute("UPDATE cloud_conflicts SET resolved_at = ?, resolution = 'reseated'",
                     (to_iso(clock.now()),))
        return ["C7", "C8"]

    monkeypatch.setattr(conflicts, "reseat", fake_reseat)

    class FakeSyncBridge(QObject):
        statusChanged = Signal(dict)
        last_status = {"online": True}

    config = services.deps.config
    services.deps.config = replace(config, cloud=replace(config.cloud, enabled=True))
    holder = QWidget()
    qtbot.addWidget(holder)
    bridge = Bridge(services)
    bridge.sync = FakeSyncBridge(holder)
    bridge.sync.context = context
    window = ManagerWindow(services, bridge, manager, parent=holder)
    holder.show()
    screen = window.show_page("sync")
    select_row(screen.conflict_table, lambda c: c.booking_id == booking.booking_id)
    click(qtbot, button(screen, "reseatButton"))
    assert calls == [(services, manager, booking.booking_id, context)]
    assert f"{booking.reference} moved to C7 C8" in screen.banner.text()
    assert screen.conflict_model.rowCount() == 0
    bridge.wait_idle(5000)


def test_cashups_show_what_the_shift_took_per_tender(qtbot, open_console, manager, services):
    """Issue 11: beside the drawer's cash, each shift's card / UPI / voucher takings (net)."""
    from kiosk.services.models import Tender
    from tests.factories import insert_open_shift

    cashier = services.auth.sign_in("1001", "1234")
    shift_id = insert_open_shift(services.deps.db, cashier.staff_id, cashier.kiosk_id,
                                 services.deps.clock, 20_000)
    cashier = services.auth.sign_in("1001", "1234")
    sell(services, cashier, "show-future", ["B1", "B2"], Payment(tenders=(
        Tender("card", 30_000, "4242"), Tender("upi", 10_000, "410522339876"), Tender("cash", 10_000))))
    services.shifts.close(cashier, 30_000)
    window = open_console(manager)
    screen = window.show_page("cashups")
    rows = {r[0]: r for r in screen.model.rows}
    assert rows[shift_id][9:12] == (30_000, 10_000, 0)  # card, UPI, voucher net
    assert rows[shift_id][6] == 30_000  # expected cash: float + the cash tender only
    out = Path(os.environ.get("KIOSK_SHOTS", "/tmp/shots"))
    out.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(out / "manager_cashups_tenders.png"))

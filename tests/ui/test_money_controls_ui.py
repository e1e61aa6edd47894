"""Issue 11 controls on screen: "to pay out" refunds in the manager's approvals and at the
counter, and a demoted / deactivated manager's open console ending on the next action."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.services.models import Payment
from tests.factories import table_dump
from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import click, select_row, sell

manager, open_console = fx.manager, fx.open_console
SHOTS = Path(os.environ.get("KIOSK_SHOTS", "/tmp/shots"))
WAIT = 10_000


def button(widget, name) -> QPushButton:
    found = widget.findChild(QPushButton, name)
    assert found is not None, name
    return found


def request_after_shift(services, tendered: int = 100_000):
    """A cashier's cash refund over the (lowered) limit, then the cashier's shift closes."""
    with services.deps.conn:
        services.deps.conn.execute("UPDATE cinemas SET cashier_refund_limit_minor = 10000")
    cashier = services.auth.sign_in("1001", "1234")
    services.shifts.open(cashier, 0)
    cashier = services.auth.sign_in("1001", "1234")
    booking = sell(services, cashier, "show-future", ["B1", "B2"],
                   Payment("cash", tendered_minor=tendered))
    request = services.booking.refund(cashier, booking.reference, None, "wrong_show_sold")
    assert request.state == "pending_approval"
    closed = services.shifts.close(cashier, 50_000)
    return cashier, booking, request, closed


def test_approval_after_the_shift_shows_to_pay_out(qtbot, open_console, manager, services):
    cashier, booking, request, closed = request_after_shift(services)
    window = open_console(manager)
    screen = window.show_page("refunds")
    select_row(screen.table, lambda row: row[0] == request.refund_id, by_row=True)
    click(qtbot, button(screen, "approveRefund"))
    assert "TO PAY OUT" in screen.banner.text()
    assert [r[0] for r in screen.payout_model.rows] == [request.refund_id]
    assert screen.payout_model.rows[0][4] == 50_000
    assert screen.payout_title.text() == "To pay out (1)"
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / "refund_approvals_to_pay_out.png"
    assert window.grab().save(str(shot)) and shot.stat().st_size > 10_000
    # the closed shift did not move
    row = services.deps.conn.execute("SELECT expected_minor FROM shifts WHERE id = ?",
                                     (closed.shift_id,)).fetchone()
    assert row[0] == closed.expected_minor == 50_000
    # paying out needs an open drawer; the manager opens one and pays it
    select_row(screen.payout_table, lambda row: row[0] == request.refund_id, by_row=True)
    click(qtbot, button(screen, "payOutButton"))
    assert "Open your shift" in screen.banner.text()
    services.shifts.open(manager, 100_000)
    select_row(screen.payout_table, lambda row: row[0] == request.refund_id, by_row=True)
    click(qtbot, button(screen, "payOutButton"))
    assert screen.payout_model.rowCount() == 0
    assert services.shifts.expected(manager) == 50_000


def test_counter_refund_screen_shows_and_pays_out(driver, qtbot, services):
    cashier, booking, request, _closed = request_after_shift(services)
    mgr = services.auth.sign_in("9001", "9999")
    assert services.booking.approve_refund(mgr, request.refund_id).to_pay_out
    driver.start()  # cashier 1001 signs in and opens the next shift with 2,000.00
    driver.click(driver.mode.topbar.nav_buttons["refund"])
    driver.wait_screen("refund")
    screen = driver.screen("refund")
    qtbot.keyClicks(screen.reference, booking.reference)
    driver.click(screen.find_button)
    qtbot.waitUntil(lambda: screen.payout.isVisible(), timeout=WAIT)
    assert "To pay out: ₹500.00" in screen.payout.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert screen.grab().save(str(SHOTS / "counter_refund_to_pay_out.png"))
    driver.click(screen.payout_button)
    qtbot.waitUntil(lambda: "Paid out" in screen.result.text(), timeout=WAIT)
    assert not screen.payout.isVisible()
    actor = driver.mode.session.actor
    assert services.shifts.expected(actor) == 200_000 - 50_000


def test_demoted_manager_console_signs_out_on_the_next_action(qtbot, qapp, services, config):
    from kiosk.ui.bridge import Bridge
    from kiosk.ui.main_window import ManagerMode

    with services.deps.conn:
        services.deps.conn.execute("UPDATE cinemas SET cashier_refund_limit_minor = 10000")
    cashier = services.auth.sign_in("1001", "1234")
    booking = sell(services, cashier, "show-future", ["B1", "B2"],
                   Payment("card", card_last4="4242"))
    request = services.booking.refund(cashier, booking.reference, reason="customer_request")
    actor = services.auth.sign_in("9001", "9999")
    bridge = Bridge(services)
    mode = ManagerMode(services, bridge, services.config, actor=actor)
    qtbot.addWidget(mode)
    mode.resize(1440, 900)
    mode.show()
    screen = mode.console.show_page("refunds")
    other = sqlite3.connect(config.db_path)  # another console demotes and deactivates them
    with other:
        other.execute("UPDATE staff SET role = 'cashier', active = 0 WHERE id = ?",
                      (actor.staff_id,))
    other.close()
    before = table_dump(services.deps.conn)
    select_row(screen.table, lambda row: row[0] == request.refund_id, by_row=True)
    qtbot.mouseClick(button(screen, "approveRefund"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mode.console is None, timeout=WAIT)
    assert mode.currentWidget() is mode.signin and mode.actor is None
    assert table_dump(services.deps.conn) == before
    assert services.deps.conn.execute("SELECT state FROM refunds").fetchone()[0] == \
        "pending_approval"
    bridge.wait_idle(WAIT)

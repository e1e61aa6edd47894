"""Fixtures and helpers shared by the manager console tests (imported by test_manager_*.py).

The hand-computed day (tests/factories world: Asia/Kolkata, INR, 18 % tax included; standard
250.00, child 175.00, premium 350.00; tax in a price p is round(p * 18 / 118)):

* 17:30 local, cashier 1001, cash: show-future B1 + B2 standard adult = 500.00, tax 2 x 38.14.
* 18:30, cashier 1001, card: E1 premium adult 350.00 (tax 53.39) + C1 standard child 175.00
  (tax 26.69) = 525.00; C1 is refunded at once to the card: 175.00, tax 26.69.
* 18:50, the self-service kiosk, card: show-later D1 standard adult 250.00, tax 38.14.

So: 3 bookings, 5 tickets, gross 1,275.00, refunds 175.00, tax 76.28 + 80.08 + 38.14 - 26.69 =
167.81, net revenue 1,275.00 - 175.00 - 167.81 = 932.19, average ticket 1,275.00 / 5 = 255.00.
By payment: cash 500.00 (2 tickets), card 775.00 (3 tickets, 175.00 refunded). By hour: 17:00
500.00, 18:00 775.00. Occupancy: show-future (20:30 local) B1 B2 E1 sold = 3 of 62 = 4.8 %.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.services.models import Payment
from tests.factories import insert_open_shift

HAND = {
    "bookings": 3, "tickets": 5, "gross": 127_500, "refunds": 17_500, "tax": 16_781,
    "net_revenue": 93_219, "average_ticket": 25_500,
}


def sell(services, actor, show, seats, payment, types=None):
    hold = services.booking.hold(actor, show, seats)
    return services.booking.confirm(actor, hold.hold_id, types or {}, payment)


@pytest.fixture
def manager(services):
    return services.auth.sign_in("9001", "9999")


@pytest.fixture
def cashier(services, clock):
    actor = services.auth.sign_in("1001", "1234")
    insert_open_shift(services.deps.db, actor.staff_id, actor.kiosk_id, clock)
    return services.auth.sign_in("1001", "1234")


@pytest.fixture
def trading_day(services, cashier, clock):
    a = sell(services, cashier, "show-future", ["B1", "B2"], Payment("cash", tendered_minor=50_000))
    clock.advance(hours=1)
    b = sell(services, cashier, "show-future", ["E1", "C1"], Payment("card", card_last4="4242"),
             {"C1": "child"})
    services.booking.refund(cashier, b.reference, ["C1"], "customer_request")
    clock.advance(minutes=20)
    c = sell(services, services.auth.self_service_actor(), "show-later", ["D1"],
             Payment("card", card_last4="1111"))
    return {"a": a, "b": b, "c": c}


@pytest.fixture
def open_console(qtbot, services):
    """``open_console(actor)`` -> a shown ManagerWindow over the test world."""
    from kiosk.ui.bridge import Bridge
    from kiosk.ui.manager import ManagerWindow

    made = []

    def build(actor, size=(1440, 900)):
        bridge = Bridge(services)
        window = ManagerWindow(services, bridge, actor)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        made.append(bridge)
        return window

    yield build
    for bridge in made:
        bridge.wait_idle(10_000)


@pytest.fixture
def save_to(monkeypatch, tmp_path):
    """Answer the next save dialog with ``tmp_path / name``; returns the list of paths asked."""
    from kiosk.ui.manager import common

    asked = []

    def fake(_parent, _title, suggested, _pattern):
        path = tmp_path / suggested
        asked.append(path)
        return path

    monkeypatch.setattr(common, "ask_save_path", fake)
    return asked


def click(qtbot, widget) -> None:
    assert widget.isVisible(), widget.objectName()
    assert widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def select_row(table, predicate, by_row: bool = False) -> int:
    """Select the first visible row whose payload (or, ``by_row``, row tuple) satisfies ``predicate``."""
    for proxy_row in range(table.proxy.rowCount()):
        source_row = table.proxy.mapToSource(table.proxy.index(proxy_row, 0)).row()
        payload = table.source.payload(source_row)
        if predicate(table.source.rows[source_row] if by_row or payload is None else payload):
            table.selectRow(proxy_row)
            return source_row
    raise AssertionError("no row matched")


def audit_rows(services, action):
    return [dict(r) for r in services.deps.conn.execute(
        "SELECT * FROM audit WHERE action = ? ORDER BY id", (action,))]

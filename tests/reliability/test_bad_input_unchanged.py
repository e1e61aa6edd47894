"""Every refused action leaves the database exactly as it was (audit rows aside).

The whole database is dumped as SQL before and after each refusal; only the audit table may
differ, because refusals of permission are rightly recorded there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from kiosk.domain.errors import KioskError
from kiosk.services.audit import AuditLog
from kiosk.services.models import Payment
from tests.factories import insert_open_shift, table_dump

CARD = Payment("card", card_last4="4242")


@pytest.fixture
def world(services, clock):
    """A cashier with a shift, a live hold, a confirmed booking and a large one."""
    cashier = services.auth.sign_in("1001", "1234")
    insert_open_shift(services.deps.db, cashier.staff_id, cashier.kiosk_id, clock)
    cashier = services.auth.sign_in("1001", "1234")
    manager = services.auth.sign_in("9001", "9999")
    other = services.auth.sign_in("1002", "2345")
    book = services.booking
    sold = book.confirm(cashier, book.hold(cashier, "show-future", ["B1", "B2"]).hold_id, {}, CARD)
    big = book.confirm(cashier, book.hold(cashier, "show-future", [f"F{i}" for i in range(1, 5)]).hold_id,
                       {}, CARD)
    live = book.hold(cashier, "show-future", ["C1", "C2"])
    stale = book.hold(cashier, "show-later", ["C1"])
    dear = book.hold(cashier, "show-later", ["E1", "E2", "E3"])
    return {"cashier": cashier, "manager": manager, "other": other, "sold": sold, "big": big,
            "live": live, "stale": stale, "dear": dear, "kiosk": services.auth.self_service_actor()}


def refusals(services, w, clock) -> dict[str, Callable[[], object]]:
    b, c = services.booking, w["cashier"]
    hold = w["live"].hold_id

    def expired_confirm():
        clock.advance(minutes=services.config.hold_minutes + 1)
        return b.confirm(c, w["stale"].hold_id, {}, CARD)

    return {
        "unknown show": lambda: b.hold(c, "nope", ["B3"]),
        "unknown seat": lambda: b.hold(c, "show-future", ["B3", "Q99"]),
        "seat sold": lambda: b.hold(c, "show-future", ["B1", "B3"]),
        "seat held": lambda: b.hold(w["other"], "show-future", ["C1"]),
        "past show": lambda: b.hold(c, "show-past", ["B3"]),
        "zero seats": lambda: b.hold(c, "show-future", []),
        "eleven seats": lambda: b.hold(c, "show-future", [f"D{i}" for i in range(1, 12)]),
        "best of negative": lambda: b.hold_best(c, "show-future", -2),
        "best of zero": lambda: b.hold_best(c, "show-future", 0),
        "change to eleven": lambda: b.change_hold(c, hold, add=[f"D{i}" for i in range(1, 10)]),
        "change adds sold seat": lambda: b.change_hold(c, hold, add=["B1"]),
        "hold expired": expired_confirm,
        "bad card": lambda: b.confirm(c, hold, {}, Payment("card", card_last4="4111111111111111")),
        "short cash": lambda: b.confirm(c, hold, {}, Payment("cash", tendered_minor=100)),
        "negative cash": lambda: b.confirm(c, hold, {}, Payment("cash", tendered_minor=-5)),
        "self-service cash": lambda: b.confirm(replace(w["kiosk"]), hold, {}, Payment("cash", 10**7)),
        "bad contact": lambda: b.confirm(c, hold, {}, CARD, contact="nobody@"),
        "bad ticket type": lambda: b.confirm(c, hold, {"C1": "vip"}, CARD),
        "refund twice-seat": lambda: b.refund(c, w["sold"].reference, seats=["B1", "Z1"], reason="customer_request"),
        "refund unknown": lambda: b.refund(c, "AAAA-AAAA", reason="customer_request"),
        "refund unknown reason": lambda: b.refund(c, w["sold"].reference, reason="because"),
        "refund other, no words": lambda: b.refund(c, w["sold"].reference, reason="other"),
        "self-service refund": lambda: b.refund(w["kiosk"], w["sold"].reference, reason="customer_request"),
        "exchange no hold": lambda: b.exchange(c, w["sold"].reference, "missing", {}),
        "exchange dearer unpaid": lambda: b.exchange(c, w["sold"].reference, w["dear"].hold_id, {}),
        "approve as cashier": lambda: b.approve_refund(c, 1),
        "pending as cashier": lambda: b.pending_refunds(c),
        "audit as cashier": lambda: AuditLog(services.deps).query(c),
        "shifts as cashier": lambda: services.shifts.list_shifts(c),
        "second shift": lambda: services.shifts.open(c, 0),
        "negative float": lambda: services.shifts.open(w["other"], -1),
        "negative count": lambda: services.shifts.close(c, -100),
    }


CASES = [
    "unknown show", "unknown seat", "seat sold", "seat held", "past show", "zero seats",
    "eleven seats", "best of negative", "best of zero", "change to eleven",
    "change adds sold seat", "hold expired", "bad card", "short cash", "negative cash",
    "self-service cash", "bad contact", "bad ticket type", "refund twice-seat", "refund unknown",
    "refund unknown reason", "refund other, no words",
    "self-service refund", "exchange no hold", "exchange dearer unpaid", "approve as cashier",
    "pending as cashier", "audit as cashier", "shifts as cashier", "second shift",
    "negative float", "negative count",
]


@pytest.mark.parametrize("case", CASES)
def test_refusal_leaves_database_unchanged(services, world, clock, case):
    action = refusals(services, world, clock)[case]
    before = table_dump(services.deps.conn)
    with pytest.raises(KioskError):
        action()
    assert table_dump(services.deps.conn) == before


def test_cashier_refund_above_limit_leaves_seats_sold(services, world):
    """Not a refusal but a request: the seats stay sold and no money moves."""
    conn = services.deps.conn
    sold_before = conn.execute("SELECT * FROM seat_sales ORDER BY show_id, seat_code").fetchall()
    booking_before = conn.execute("SELECT * FROM bookings ORDER BY id").fetchall()
    result = services.booking.refund(world["cashier"], world["big"].reference, reason="customer_request")
    assert result.state == "pending_approval"
    assert conn.execute("SELECT * FROM seat_sales ORDER BY show_id, seat_code").fetchall() == sold_before
    assert [tuple(r) for r in conn.execute("SELECT * FROM bookings ORDER BY id")] == \
        [tuple(r) for r in booking_before]
    assert conn.execute("SELECT COUNT(*) FROM outbox WHERE kind = 'refund'").fetchone()[0] == 0


def test_every_case_is_covered(services, world, clock):
    assert sorted(refusals(services, world, clock)) == sorted(CASES)

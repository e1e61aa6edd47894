"""Refunds (full, part, over the cashier limit, after the show starts), voids and exchanges."""

from __future__ import annotations

import json

import pytest

from kiosk.domain.errors import (
    HoldExpired,
    InvalidInput,
    NotFound,
    PaymentError,
    PermissionDenied,
)
from kiosk.services.models import Payment
from tests.factories import insert_open_shift

CARD = Payment("card", card_last4="1111")


@pytest.fixture
def cashier(services, clock):
    actor = services.auth.sign_in("1001", "1234")
    insert_open_shift(services.deps.db, actor.staff_id, actor.kiosk_id, clock)
    return services.auth.sign_in("1001", "1234")


@pytest.fixture
def manager(services):
    return services.auth.sign_in("9001", "9999")


def sell(services, actor, seats, payment=CARD, show="show-future", types=None, contact=""):
    hold = services.booking.hold(actor, show, seats)
    return services.booking.confirm(actor, hold.hold_id, types or {}, payment, contact)


def sold_seats(services, show="show-future"):
    return sorted(r[0] for r in services.deps.conn.execute(
        "SELECT seat_code FROM seat_sales WHERE show_id = ?", (show,)))


def outbox(services, kind=None):
    rows = services.deps.conn.execute("SELECT kind, booking_id, payload FROM outbox ORDER BY id").fetchall()
    return [(r[0], r[1], json.loads(r[2])) for r in rows if kind is None or r[0] == kind]


# ---------------------------------------------------------------- refund
def test_full_refund_frees_seats_and_records_money(services, cashier):
    booking = sell(services, cashier, ["B1", "B2"])
    result = services.booking.refund(cashier, booking.reference.lower(), reason="customer_request")
    assert result.state == "completed" and result.amount_minor == booking.total_minor
    assert result.seats == ("B1", "B2") and result.method == "card"
    assert sold_seats(services) == []
    after = services.booking.get(booking.reference)
    assert after.state == "refunded" and after.refunded_minor == booking.total_minor
    assert all(line.refunded for line in after.lines)
    row = services.deps.conn.execute("SELECT * FROM refunds").fetchone()
    assert row["state"] == "completed" and row["requested_by"] == cashier.staff_id
    assert row["tax_minor"] == booking.tax_minor
    [(_, booking_id, payload)] = outbox(services, "refund")
    assert booking_id == booking.booking_id
    assert payload == {"booking_id": booking.booking_id, "show_id": "show-future",
                       "seats": ["B1", "B2"], "refund_id": result.refund_id}
    # The freed seats can be sold again.
    assert sell(services, cashier, ["B1"]).state == "confirmed"


def test_part_refund_then_the_rest(services, cashier):
    booking = sell(services, cashier, ["B1", "B2", "E1"])
    first = services.booking.refund(cashier, booking.reference, seats=["E1"], reason="customer_request")
    assert first.amount_minor == 35000
    after = services.booking.get(booking.reference)
    assert after.state == "partially_refunded" and after.refunded_minor == 35000
    assert sold_seats(services) == ["B1", "B2"]
    with pytest.raises(InvalidInput, match="already been refunded"):
        services.booking.refund(cashier, booking.reference, seats=["E1"], reason="customer_request")
    with pytest.raises(InvalidInput, match="not part of"):
        services.booking.refund(cashier, booking.reference, seats=["C9"], reason="customer_request")
    with pytest.raises(InvalidInput):
        services.booking.refund(cashier, booking.reference, seats=[], reason="customer_request")
    rest = services.booking.refund(cashier, booking.reference, reason="customer_request")
    assert rest.seats == ("B1", "B2") and rest.amount_minor == 50000
    final = services.booking.get(booking.reference)
    assert final.state == "refunded" and final.refunded_minor == booking.total_minor
    with pytest.raises(InvalidInput, match="nothing left"):
        services.booking.refund(cashier, booking.reference, reason="customer_request")


def test_refund_unknown_booking(services, cashier):
    with pytest.raises(NotFound):
        services.booking.refund(cashier, "ZZZZ-ZZZZ", reason="customer_request")


def test_self_service_cannot_refund(services, cashier):
    booking = sell(services, cashier, ["B1"])
    with pytest.raises(PermissionDenied):
        services.booking.refund(services.auth.self_service_actor(), booking.reference, reason="customer_request")
    assert sold_seats(services) == ["B1"]


def test_refund_after_show_start_needs_manager(services, cashier, manager, clock):
    booking = sell(services, cashier, ["B1"])
    clock.advance(hours=3, minutes=1)
    with pytest.raises(PermissionDenied, match="started"):
        services.booking.refund(cashier, booking.reference, reason="customer_request")
    refused = services.deps.conn.execute(
        "SELECT ok, staff_id FROM audit WHERE action = 'refund'").fetchall()
    assert [tuple(r) for r in refused] == [(0, cashier.staff_id)]
    assert services.booking.refund(manager, booking.reference, reason="customer_request").state == "completed"


def test_cashier_refund_above_limit_waits_for_manager(services, cashier, manager):
    seats = [f"F{i}" for i in range(1, 5)]  # 4 recliners = 2,400.00 > 1,000.00 limit
    booking = sell(services, cashier, seats)
    assert booking.total_minor > 100000  # the cinema's INR limit (migration 0012)
    result = services.booking.refund(cashier, booking.reference, reason="other: too loud")
    assert result.state == "pending_approval"
    assert sold_seats(services) == sorted(seats)  # nothing freed yet
    assert services.booking.get(booking.reference).refunded_minor == 0
    assert outbox(services, "refund") == []
    with pytest.raises(InvalidInput, match="waiting"):
        services.booking.refund(cashier, booking.reference, seats=["F1"], reason="customer_request")
    with pytest.raises(PermissionDenied):
        services.booking.pending_refunds(cashier)
    with pytest.raises(PermissionDenied):
        services.booking.approve_refund(cashier, result.refund_id)
    [pending] = services.booking.pending_refunds(manager)
    assert pending["refund_id"] == result.refund_id and pending["seats"] == seats
    assert pending["requested_by_name"] == "Asha Cashier" and pending["reason"] == "other: too loud"
    approved = services.booking.approve_refund(manager, result.refund_id)
    assert approved.state == "completed" and approved.amount_minor == booking.total_minor
    assert sold_seats(services) == []
    assert services.booking.get(booking.reference).state == "refunded"
    assert services.booking.pending_refunds(manager) == []
    with pytest.raises(InvalidInput, match="already completed"):
        services.booking.approve_refund(manager, result.refund_id)
    row = services.deps.conn.execute("SELECT decided_by, state FROM refunds").fetchone()
    assert tuple(row) == (manager.staff_id, "completed")


def test_manager_rejects_request(services, cashier, manager):
    booking = sell(services, cashier, [f"F{i}" for i in range(1, 5)])
    result = services.booking.refund(cashier, booking.reference, reason="customer_request")
    with pytest.raises(PermissionDenied):
        services.booking.reject_refund(cashier, result.refund_id, "no")
    rejected = services.booking.reject_refund(manager, result.refund_id, "Used the tickets")
    assert rejected.state == "rejected"
    assert len(sold_seats(services)) == 4
    detail = json.loads(services.deps.conn.execute(
        "SELECT detail FROM audit WHERE action = 'refund_rejected'").fetchone()[0])
    assert detail["comment"] == "Used the tickets"
    with pytest.raises(NotFound):
        services.booking.approve_refund(manager, 999)
    # Once rejected the seats may be asked again, e.g. partly, within the limit.
    assert services.booking.refund(cashier, booking.reference, seats=["F1"], reason="customer_request").state == "completed"


def test_manager_refund_above_limit_completes(services, cashier, manager):
    booking = sell(services, cashier, [f"F{i}" for i in range(1, 5)])
    assert services.booking.refund(manager, booking.reference, reason="customer_request").state == "completed"


def test_cash_refund_needs_an_open_shift_and_counts_against_it(services, cashier):
    booking = sell(services, cashier, ["B1"], Payment("cash", tendered_minor=25000))
    other = services.auth.sign_in("1002", "2345")  # no shift
    with pytest.raises(PaymentError, match="shift"):
        services.booking.refund(other, booking.reference, reason="customer_request")
    services.booking.refund(cashier, booking.reference, reason="customer_request")
    row = services.deps.conn.execute("SELECT method, shift_id FROM refunds").fetchone()
    assert tuple(row) == ("cash", cashier.shift_id)


def test_cancel_is_a_full_void(services, cashier):
    booking = sell(services, cashier, ["B1", "B2"])
    result = services.booking.cancel(cashier, booking.reference, "wrong show")
    assert result.state == "completed" and result.amount_minor == booking.total_minor
    assert services.booking.get(booking.reference).state == "cancelled"
    assert services.deps.conn.execute("SELECT reason FROM refunds").fetchone()[0] == "void: wrong show"
    assert services.deps.conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'void'").fetchone()[0] == 1


# ---------------------------------------------------------------- exchange
def test_exchange_to_dearer_seats_takes_the_difference(services, cashier):
    old = sell(services, cashier, ["B1", "B2"], contact="a@b.co")
    hold = services.booking.hold(cashier, "show-later", ["E1", "E2"])
    with pytest.raises(PaymentError, match="200.00"):
        services.booking.exchange(cashier, old.reference, hold.hold_id, {})
    new = services.booking.exchange(cashier, old.reference, hold.hold_id, {},
                                    Payment("cash", tendered_minor=25000))
    assert new.total_minor == 70000 and new.change_minor == 5000
    assert new.customer_contact == "a@b.co"
    assert services.booking.get(old.reference).state == "exchanged"
    assert sold_seats(services) == [] and sold_seats(services, "show-later") == ["E1", "E2"]
    row = services.deps.conn.execute("SELECT exchanged_from, paid_minor FROM bookings WHERE id = ?",
                                     (new.booking_id,)).fetchone()
    assert tuple(row) == (old.booking_id, 20000)
    kinds = [(k, b) for k, b, _ in outbox(services)]
    assert kinds[-3:] == [("refund", old.booking_id), ("confirm", new.booking_id),
                          ("notify", new.booking_id)]
    refund_payload = outbox(services, "refund")[0][2]
    assert refund_payload == {"booking_id": old.booking_id, "show_id": "show-future",
                              "seats": ["B1", "B2"], "refund_id": None}
    # A repeated tap returns the same new booking.
    again = services.booking.exchange(cashier, old.reference, hold.hold_id, {},
                                      Payment("cash", tendered_minor=25000))
    assert again.booking_id == new.booking_id


def test_exchange_to_cheaper_refunds_difference_to_original_method(services, cashier):
    old = sell(services, cashier, ["E1", "E2"])  # premium 700.00 by card
    hold = services.booking.hold(cashier, "show-later", ["B1", "B2"])
    new = services.booking.exchange(cashier, old.reference, hold.hold_id, {"B2": "child"})
    assert new.total_minor == 25000 + 17500 and new.payment_method == "card"
    refund = services.deps.conn.execute("SELECT * FROM refunds").fetchone()
    assert refund["amount_minor"] == 70000 - 42500 and refund["method"] == "card"
    assert refund["booking_id"] == old.booking_id and refund["reason"] == "exchange"
    after = services.booking.get(old.reference)
    assert after.state == "exchanged" and after.refunded_minor == 27500
    assert outbox(services, "refund")[0][2]["refund_id"] == refund["id"]


def test_exchange_refusals_leave_old_booking(services, cashier, clock):
    old = sell(services, cashier, ["B1"])
    with pytest.raises(HoldExpired):
        services.booking.exchange(cashier, old.reference, "no-such-hold", {})
    with pytest.raises(PermissionDenied):
        hold = services.booking.hold(cashier, "show-later", ["B1"])
        services.booking.exchange(services.auth.self_service_actor(), old.reference, hold.hold_id, {})
    services.booking.refund(cashier, old.reference, reason="customer_request")
    hold = services.booking.hold(cashier, "show-later", ["B2"])
    with pytest.raises(InvalidInput, match="nothing left"):
        services.booking.exchange(cashier, old.reference, hold.hold_id, {})


def test_exchange_giving_back_above_cashier_limit_needs_manager(services, cashier, manager):
    old = sell(services, cashier, [f"F{i}" for i in range(1, 5)])  # 2,400.00
    hold = services.booking.hold(cashier, "show-later", ["B1"])  # 250.00
    with pytest.raises(PermissionDenied, match="manager"):
        services.booking.exchange(cashier, old.reference, hold.hold_id, {})
    assert services.booking.get(old.reference).state == "confirmed"
    assert services.deps.conn.execute(
        "SELECT ok FROM audit WHERE action = 'exchange'").fetchone()[0] == 0
    new = services.booking.exchange(manager, old.reference, hold.hold_id, {})
    assert new.total_minor == 25000


def test_conflict_booking_refunded_in_full_by_a_manager_with_caller_bookkeeping(services, cashier, manager):
    booking = sell(services, cashier, ["B1", "B2"])
    conn = services.deps.conn
    conn.execute("UPDATE bookings SET state = 'conflict' WHERE id = ?", (booking.booking_id,))
    with pytest.raises(InvalidInput, match="conflict"):
        services.booking.refund(cashier, booking.reference, reason="customer_request")
    with pytest.raises(InvalidInput, match="conflict"):
        services.booking.refund(manager, booking.reference, seats=["B1"], reason="customer_request")
    seen = []

    def mark_resolved(tx, result):
        assert tx.in_transaction
        seen.append(result.refund_id)
        tx.execute("INSERT INTO settings (key, value) VALUES ('resolved', ?)", (booking.booking_id,))

    result = services.booking.refund(manager, booking.reference, reason="conflict: sold elsewhere",
                                     system=True,
                                     within=mark_resolved)
    assert result.state == "completed" and seen == [result.refund_id]
    assert services.booking.get(booking.reference).state == "refunded"
    assert conn.execute("SELECT value FROM settings WHERE key = 'resolved'").fetchone()[0] == booking.booking_id


def test_failing_within_hook_rolls_the_refund_back(services, cashier, manager):
    booking = sell(services, cashier, ["B1"])

    def broken(tx, result):
        raise RuntimeError("bookkeeping failed")

    with pytest.raises(RuntimeError):
        services.booking.refund(manager, booking.reference, within=broken, reason="customer_request")
    assert services.booking.get(booking.reference).state == "confirmed"
    assert sold_seats(services) == ["B1"]
    assert services.deps.conn.execute("SELECT COUNT(*) FROM refunds").fetchone()[0] == 0

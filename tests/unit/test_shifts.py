"""Shifts: float, one open shift per staff per kiosk, cash-up arithmetic, manager listing."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import InvalidInput, PermissionDenied
from kiosk.services.models import Payment


@pytest.fixture
def cashier(services):
    return services.auth.sign_in("1001", "1234")


def test_open_current_close_with_no_sales(services, cashier):
    assert services.shifts.current(cashier) is None
    shift = services.shifts.open(cashier, 5000_00)
    assert shift.float_minor == 5000_00 and shift.currency == "INR"
    assert shift.staff_id == cashier.staff_id and shift.kiosk_id == cashier.kiosk_id
    assert services.shifts.current(cashier) == shift
    closed = services.shifts.close(cashier, 4990_00)
    assert closed.expected_minor == 5000_00 and closed.variance_minor == -10_00
    assert closed.closed_at is not None
    assert services.shifts.current(cashier) is None
    actions = [r[0] for r in services.deps.conn.execute("SELECT action FROM audit ORDER BY id")]
    assert actions[-2:] == ["shift_open", "shift_close"]


def test_cash_up_counts_cash_sales_and_cash_refunds_only(services, cashier, clock):
    services.shifts.open(cashier, 1000_00)
    actor = services.auth.sign_in("1001", "1234")
    assert actor.shift_id is not None

    def sell(seats, payment):
        hold = services.booking.hold(actor, "show-future", seats)
        return services.booking.confirm(actor, hold.hold_id, {}, payment)

    cash = sell(["B1", "B2"], Payment("cash", tendered_minor=60000))  # 500.00, change 100.00
    sell(["C1"], Payment("card", card_last4="9999"))  # card: not in the drawer
    services.booking.refund(actor, cash.reference, seats=["B2"], reason="customer_request")  # 250.00 cash back
    # An exchange to dearer seats paid in cash only puts the difference in the drawer.
    hold = services.booking.hold(actor, "show-future", ["E1"])
    services.booking.exchange(actor, cash.reference, hold.hold_id, {},
                              Payment("cash", tendered_minor=10000))  # 350 - 250 = 100.00
    assert services.shifts.expected(actor) == 1000_00 + 500_00 - 250_00 + 100_00
    closed = services.shifts.close(actor, 1350_00)
    assert closed.expected_minor == 1350_00 and closed.variance_minor == 0


def test_one_open_shift_per_staff_per_kiosk(services, cashier):
    services.shifts.open(cashier, 0)
    with pytest.raises(InvalidInput, match="already"):
        services.shifts.open(cashier, 0)
    other_kiosk = cashier.__class__(**{**cashier.__dict__, "kiosk_id": "KIOSK-2"})
    assert services.shifts.open(other_kiosk, 0).kiosk_id == "KIOSK-2"


@pytest.mark.parametrize("amount", [-1, 1.5, "100", None, True])
def test_bad_amounts(services, cashier, amount):
    with pytest.raises(InvalidInput):
        services.shifts.open(cashier, amount)
    services.shifts.open(cashier, 100)
    with pytest.raises(InvalidInput):
        services.shifts.close(cashier, amount)


def test_close_without_shift(services, cashier):
    with pytest.raises(InvalidInput, match="no open shift"):
        services.shifts.close(cashier, 0)


def test_self_service_has_no_shift(services):
    with pytest.raises(PermissionDenied):
        services.shifts.open(services.auth.self_service_actor(), 0)


def test_list_shifts_manager_only(services, cashier, clock):
    services.shifts.open(cashier, 100)
    services.shifts.close(cashier, 100)
    clock.advance(hours=1)
    services.shifts.open(cashier, 200)
    manager = services.auth.sign_in("9001", "9999")
    shifts = services.shifts.list_shifts(manager)
    assert [s.float_minor for s in shifts] == [200, 100]
    assert [s.float_minor for s in services.shifts.list_shifts(manager, start=clock.now())] == [200]
    with pytest.raises(PermissionDenied):
        services.shifts.list_shifts(cashier)


def test_currency_follows_the_cinema(services, cashier):
    services.deps.conn.execute("UPDATE cinemas SET currency = 'AED'")
    assert services.shifts.open(cashier, 0).currency == "AED"

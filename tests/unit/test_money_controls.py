"""Issue 11 controls: refund limits per booking / per shift in the cinema's currency, refunds
after the shift ("to pay out"), the one role check, and the late-sale window."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.domain.errors import (
    InvalidInput,
    PaymentError,
    PermissionDenied,
    SessionEnded,
    ShowNotOnSale,
)
from kiosk.services import money_controls
from kiosk.services.models import Payment
from kiosk.services.shifts import expected_cash
from tests.factories import table_dump

CARD = Payment("card", card_last4="4242")


def cash(amount: int) -> Payment:
    return Payment("cash", tendered_minor=amount)


def set_limits(services, **values) -> None:
    sets = ", ".join(f"{k} = ?" for k in values)
    with services.deps.conn:
        services.deps.conn.execute(f"UPDATE cinemas SET {sets} WHERE id = 'cin-test'",  # noqa: S608 - test keys
                                   tuple(values.values()))


@pytest.fixture
def cashier(services):
    actor = services.auth.sign_in("1001", "1234")
    services.shifts.open(actor, 0)
    return services.auth.sign_in("1001", "1234")


@pytest.fixture
def manager(services):
    return services.auth.sign_in("9001", "9999")


def sell(services, actor, seats, payment=CARD, show="show-future"):
    hold = services.booking.hold(actor, show, seats)
    return services.booking.confirm(actor, hold.hold_id, {}, payment)


def states(services):
    return [r[0] for r in services.deps.conn.execute("SELECT state FROM refunds ORDER BY id")]


# ------------------------------------------------------------ limits follow the cinema/currency
def test_limits_come_from_the_cinema_currency_with_overrides(services):
    conn = services.deps.conn
    inr = money_controls.for_cinema(conn, "cin-test")
    assert (inr.currency, inr.cashier_refund_limit_minor, inr.cash_variance_threshold_minor) == (
        "INR", 100000, 5000)
    assert inr.late_sale_minutes == 0
    with conn:
        conn.execute("INSERT INTO cinemas (id, name, city, timezone, currency) VALUES "
                     "('cin-dxb', 'Dubai', 'Dubai', 'Asia/Dubai', 'AED'), "
                     "('cin-xx', 'Nowhere', 'X', 'UTC', 'XXX')")
    aed = money_controls.for_cinema(conn, "cin-dxb")
    assert aed.cashier_refund_limit_minor == 5000  # AED 50, not AED 1,000
    assert money_controls.for_cinema(conn, "cin-xx").cashier_refund_limit_minor == 0  # safe
    set_limits(services, cashier_refund_limit_minor=50000, shift_refund_limit_minor=None)
    assert money_controls.for_cinema(conn, "cin-test").cashier_refund_limit_minor == 50000
    with pytest.raises(sqlite3.IntegrityError):
        set_limits(services, cashier_refund_limit_minor=-1)
    assert not hasattr(services.config, "cashier_refund_limit_minor")  # not a config key


# ------------------------------------------------------------ per booking: splitting does not help
def test_seat_by_seat_refunds_cannot_get_round_the_booking_limit(services, cashier, manager):
    set_limits(services, cashier_refund_limit_minor=50000)  # ₹500
    booking = sell(services, cashier, ["B1", "B2", "B3", "B4", "B5"])  # 5 x ₹250 = ₹1,250
    assert booking.total_minor == 125000
    results = [services.booking.refund(cashier, booking.reference, seats=[s], reason="customer_request")
               for s in ("B1", "B2", "B3")]
    assert [r.state for r in results] == ["completed", "completed", "pending_approval"]
    # the waiting ₹250 counts too: the next seat also needs a manager
    assert services.booking.refund(cashier, booking.reference, seats=["B4"], reason="customer_request").state == \
        "pending_approval"
    detail = services.deps.conn.execute(
        "SELECT detail FROM audit WHERE action = 'refund_requested' ORDER BY id LIMIT 1"
    ).fetchone()[0]
    assert '"limit": "booking"' in detail and '"refunded_before_minor": 50000' in detail
    assert services.booking.refund(manager, booking.reference, seats=["B5"], reason="customer_request").state == "completed"


def test_exchange_chain_counts_towards_the_booking_limit(services, cashier):
    set_limits(services, cashier_refund_limit_minor=40000)
    booking = sell(services, cashier, ["F1"])  # a recliner, more than a standard seat
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    new = services.booking.exchange(cashier, booking.reference, hold.hold_id, {})
    back = services.deps.conn.execute("SELECT amount_minor FROM refunds").fetchone()[0]
    assert 0 < back <= 40000
    # what the exchange gave back is counted on the new booking
    result = services.booking.refund(cashier, new.reference, reason="customer_request")
    assert back + result.amount_minor > 40000 and result.state == "pending_approval"


def test_per_shift_limit_counts_every_refund_of_the_cashier(services, cashier):
    set_limits(services, cashier_refund_limit_minor=100000, shift_refund_limit_minor=60000)
    first = sell(services, cashier, ["B1", "B2"])  # ₹500 each booking
    second = sell(services, cashier, ["C1", "C2"])
    assert services.booking.refund(cashier, first.reference, reason="customer_request").state == "completed"
    over = services.booking.refund(cashier, second.reference, reason="customer_request")
    assert over.state == "pending_approval"
    detail = services.deps.conn.execute(
        "SELECT detail FROM audit WHERE action = 'refund_requested'").fetchone()[0]
    assert '"limit": "shift"' in detail
    # another cashier's shift has its own count
    other = services.auth.sign_in("1002", "2345")
    services.shifts.open(other, 0)
    third = sell(services, other, ["D1", "D2"])
    assert services.booking.refund(other, third.reference, reason="customer_request").state == "completed"


def test_exchange_giving_back_more_than_the_limit_is_refused_unchanged(services, cashier):
    set_limits(services, cashier_refund_limit_minor=1000)
    booking = sell(services, cashier, ["F1"])
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    before = table_dump(services.deps.conn)
    with pytest.raises(PermissionDenied, match="more than a cashier may refund"):
        services.booking.exchange(cashier, booking.reference, hold.hold_id, {})
    assert table_dump(services.deps.conn) == before


# ------------------------------------------------------------ per shift: one window, by time
def _over_the_shift_limit_unchanged(services, actor, reference):
    """Refund ``reference`` expecting it to wait for a manager, and nothing but the waiting
    request (its refunds row, its ledger_queue row and sequence, the audit row, and the day's
    report sums, which count refunds awaiting approval) written: no seat freed, no money moved."""
    conn = services.deps.conn
    skip = ("audit", "refunds", "ledger_queue", "sqlite_sequence", "report_day_sums")
    before = table_dump(conn, exclude=skip)
    count = conn.execute("SELECT COUNT(*) FROM refunds").fetchone()[0]
    result = services.booking.refund(actor, reference, reason="customer_request")
    assert result.state == "pending_approval"
    assert table_dump(conn, exclude=skip) == before
    assert conn.execute("SELECT COUNT(*) FROM refunds").fetchone()[0] == count + 1
    assert conn.execute("SELECT COUNT(*) FROM refund_tenders WHERE refund_id = ?",
                        (result.refund_id,)).fetchone()[0] == 0
    detail = conn.execute("SELECT detail FROM audit WHERE action = 'refund_requested' "
                          "ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert '"limit": "shift"' in detail
    return result


def test_shift_limit_still_counts_card_refunds_without_a_shift_after_a_z_close(
        services, cashier, manager, clock):
    """Review finding 4: after a Z close the refunds' business_date rolls to the next day, so
    counting by business date saw none of them; the window is by time (since the shift ended)."""
    from kiosk.services.day_close import DayCloseService

    set_limits(services, cashier_refund_limit_minor=100000, shift_refund_limit_minor=60000)
    bookings = [sell(services, cashier, seats) for seats in (["B1", "B2"], ["C1", "C2"],
                                                             ["D1", "D2"])]  # ₹500 each, card
    services.shifts.close(cashier, services.shifts.expected(cashier))
    DayCloseService(services.deps).close(manager, "2026-11-25")
    clock.advance(minutes=5)
    first = services.booking.refund(cashier, bookings[0].reference, reason="customer_request")
    assert first.state == "completed"
    assert services.deps.conn.execute("SELECT business_date FROM refunds").fetchone()[0] == \
        "2026-11-26"  # rolled past the close: the old rule counted it on no day
    _over_the_shift_limit_unchanged(services, cashier, bookings[1].reference)
    _over_the_shift_limit_unchanged(services, cashier, bookings[2].reference)
    assert states(services) == ["completed", "pending_approval", "pending_approval"]


def test_shift_limit_counts_refunds_on_another_kiosk_against_the_open_shift(services, cashier):
    """Review finding 4: with a shift open on KIOSK-1, refunds on KIOSK-2 (no shift there) were
    counted apart (₹1,000 completed against ₹600); they share one window now."""
    from dataclasses import replace

    set_limits(services, cashier_refund_limit_minor=100000, shift_refund_limit_minor=60000)
    bookings = [sell(services, cashier, seats) for seats in (["B1", "B2"], ["C1", "C2"],
                                                             ["D1", "D2"])]
    assert services.booking.refund(cashier, bookings[0].reference, reason="customer_request").state == "completed"
    elsewhere = replace(cashier, kiosk_id="KIOSK-2", shift_id=None)
    assert services.shifts.current(elsewhere) is None
    _over_the_shift_limit_unchanged(services, elsewhere, bookings[1].reference)
    _over_the_shift_limit_unchanged(services, elsewhere, bookings[2].reference)
    assert states(services) == ["completed", "pending_approval", "pending_approval"]
    kiosks = [r[0] for r in services.deps.conn.execute("SELECT kiosk_id FROM refunds ORDER BY id")]
    assert kiosks == ["KIOSK-1", "KIOSK-2", "KIOSK-2"]


def test_shift_window_leaves_out_rejected_requests_and_starts_afresh_with_the_next_shift(
        services, cashier, manager, clock):
    set_limits(services, cashier_refund_limit_minor=100000, shift_refund_limit_minor=100000)
    a, b, c, d = (sell(services, cashier, seats) for seats in (
        ["B1", "B2"], ["C1", "C2", "C3"], ["D1"], ["E1", "E2"]))
    assert (a.total_minor, b.total_minor, c.total_minor, d.total_minor) == (
        50000, 75000, 25000, 70000)
    assert services.booking.refund(cashier, a.reference, reason="customer_request").state == "completed"
    waiting = services.booking.refund(cashier, b.reference, reason="customer_request")  # 500 + 750 > 1,000
    assert waiting.state == "pending_approval"
    services.booking.reject_refund(manager, waiting.refund_id, "no receipt")
    # the rejected 750 no longer counts: 500 + 250 is within the 1,000
    assert services.booking.refund(cashier, c.reference, reason="customer_request").state == "completed"
    services.shifts.close(cashier, services.shifts.expected(cashier))
    clock.advance(minutes=1)
    services.shifts.open(cashier, 0)
    # 500 + 250 + 700 would pass the 1,000, but the new shift is a new window
    assert services.booking.refund(cashier, d.reference, reason="customer_request").state == "completed"


# ------------------------------------------------------------ refunds after the shift
def test_refund_approved_after_the_shift_closed_is_to_pay_out(services, cashier, manager, clock):
    set_limits(services, cashier_refund_limit_minor=10000)
    conn = services.deps.conn
    booking = sell(services, cashier, ["B1", "B2"], cash(50000))
    request = services.booking.refund(cashier, booking.reference, reason="customer_request")
    assert request.state == "pending_approval"
    shift = services.shifts.current(cashier)
    closed = services.shifts.close(cashier, 50000)
    assert closed.expected_minor == 50000 and closed.variance_minor == 0
    approved = services.booking.approve_refund(manager, request.refund_id)
    assert approved.state == "completed" and approved.to_pay_out
    # the closed shift's stored figures still match a recount
    assert expected_cash(conn, shift.shift_id) == closed.expected_minor == 50000
    [due] = services.booking.to_pay_out(cashier)
    assert due["refund_id"] == request.refund_id and due["amount_minor"] == 50000
    with pytest.raises(PaymentError, match="Open your shift"):
        services.booking.pay_out(cashier, request.refund_id)
    next_shift = services.shifts.open(cashier, 100000)
    before = services.shifts.expected(cashier)
    paid = services.booking.pay_out(cashier, request.refund_id)
    assert not paid.to_pay_out
    assert services.shifts.expected(cashier) == before - 50000
    assert services.booking.to_pay_out(cashier) == []
    assert expected_cash(conn, shift.shift_id) == 50000  # still untouched
    row = conn.execute("SELECT shift_id, paid_out_by FROM refunds").fetchone()
    assert tuple(row) == (next_shift.shift_id, cashier.staff_id)
    with pytest.raises(InvalidInput, match="nothing left to pay out"):
        services.booking.pay_out(cashier, request.refund_id)
    assert conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'refund_paid_out'"
                        ).fetchone()[0] == 1


def test_refund_approved_by_a_manager_with_an_open_shift_is_paid_from_it(services, cashier,
                                                                        manager):
    set_limits(services, cashier_refund_limit_minor=10000)
    booking = sell(services, cashier, ["B1"], cash(25000))
    request = services.booking.refund(cashier, booking.reference, reason="customer_request")
    cashier_shift = services.shifts.current(cashier)
    services.shifts.close(cashier, 25000)
    manager_shift = services.shifts.open(manager, 100000)
    approved = services.booking.approve_refund(manager, request.refund_id)
    assert not approved.to_pay_out
    assert services.shifts.expected(manager) == 100000 - 25000
    assert expected_cash(services.deps.conn, cashier_shift.shift_id) == 25000
    row = services.deps.conn.execute("SELECT shift_id, requested_shift_id FROM refunds").fetchone()
    assert tuple(row) == (manager_shift.shift_id, cashier_shift.shift_id)


def test_refund_approved_while_the_cashier_shift_is_open_comes_from_that_drawer(services, cashier,
                                                                               manager):
    set_limits(services, cashier_refund_limit_minor=10000)
    booking = sell(services, cashier, ["B1"], cash(25000))
    request = services.booking.refund(cashier, booking.reference, reason="customer_request")
    assert services.shifts.expected(cashier) == 25000  # waiting: not out of the drawer yet
    assert not services.booking.approve_refund(manager, request.refund_id).to_pay_out
    assert services.shifts.expected(cashier) == 0


def test_card_refund_after_the_shift_needs_no_pay_out(services, cashier, manager):
    set_limits(services, cashier_refund_limit_minor=10000)
    booking = sell(services, cashier, ["B1"])
    request = services.booking.refund(cashier, booking.reference, reason="customer_request")
    services.shifts.close(cashier, 0)
    assert not services.booking.approve_refund(manager, request.refund_id).to_pay_out
    assert services.booking.to_pay_out(manager) == []


# ------------------------------------------------------------ the one role check
def test_demoted_and_deactivated_manager_is_refused_from_the_open_session(services, cashier,
                                                                         manager, config):
    set_limits(services, cashier_refund_limit_minor=10000)
    booking = sell(services, cashier, ["B1", "B2"])
    request = services.booking.refund(cashier, booking.reference, reason="customer_request")
    other = sqlite3.connect(config.db_path)  # another device / console does it
    with other:
        other.execute("UPDATE staff SET role = 'cashier', active = 0 WHERE id = ?",
                      (manager.staff_id,))
    other.close()
    before = table_dump(services.deps.conn)
    with pytest.raises(SessionEnded, match="signed out"):
        services.booking.approve_refund(manager, request.refund_id)
    with pytest.raises(SessionEnded):
        services.booking.pending_refunds(manager)
    assert table_dump(services.deps.conn) == before
    refused = services.deps.conn.execute(
        "SELECT ok FROM audit WHERE action = 'refund_approve'").fetchall()
    assert [r[0] for r in refused] == [0]


ENTRY_POINTS = {  # each of the former six manager checks, now all auth.require_role
    "AuthService.require_manager": lambda s, a: s.auth.require_manager(a, "report"),
    "auth.ensure_manager": lambda s, a: __import__("kiosk.services.auth", fromlist=["x"])
    .ensure_manager(s.deps, a, "x"),
    "staff_admin.require_manager": lambda s, a: s.staff_admin.list_staff(a),
    "importer._require_manager": lambda s, a: s.importer.apply(a, "/nonexistent/films.json"),
    "reports._require_manager": lambda s, a: s.reports.daily_sales(a, s.deps.clock.now().date()),
    "cloud.auditing.require_manager": lambda s, a: __import__(
        "kiosk.cloud.auditing", fromlist=["x"]).require_manager(s.deps.conn, a, "x",
                                                                 s.deps.clock.now()),
    "cloud.conflicts._require_manager": lambda s, a: __import__(
        "kiosk.cloud.conflicts", fromlist=["x"]).list_conflicts(s, a),
    "cashups": lambda s, a: s.cashups.list_cashups(a, s.deps.clock.now(), s.deps.clock.now()),
}


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_every_manager_check_re_reads_the_staff_row(services, manager, entry):
    try:
        ENTRY_POINTS[entry](services, manager)  # a manager passes the role check
    except InvalidInput:
        pass  # refused later for what it asked (the import file does not exist)
    with services.deps.conn:
        services.deps.conn.execute("UPDATE staff SET active = 0 WHERE id = ?", (manager.staff_id,))
    before = table_dump(services.deps.conn)
    with pytest.raises(SessionEnded):
        ENTRY_POINTS[entry](services, manager)
    assert table_dump(services.deps.conn) == before
    cashier = services.auth.sign_in("1001", "1234")
    with pytest.raises(PermissionDenied):
        ENTRY_POINTS[entry](services, cashier)


def test_demoted_manager_still_active_is_refused_too(services, manager):
    with services.deps.conn:
        services.deps.conn.execute("UPDATE staff SET role = 'cashier' WHERE id = ?",
                                   (manager.staff_id,))
    with pytest.raises(SessionEnded):
        services.booking.pending_refunds(manager)
    with pytest.raises(SessionEnded):
        services.auth.require_manager(manager, "report")


def test_cashier_asking_for_a_manager_action_is_plainly_refused(services, cashier):
    with pytest.raises(PermissionDenied, match="Only a manager") as refused:
        services.booking.pending_refunds(cashier)
    assert not isinstance(refused.value, SessionEnded)


# ------------------------------------------------------------ late sales
def test_hold_before_the_start_cannot_be_confirmed_after_it(services, cashier, clock):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    clock.advance(hours=3, minutes=2)  # the show started 2 minutes ago; hold not expired
    with services.deps.conn:
        services.deps.conn.execute("UPDATE holds SET expires_at = '2999-01-01T00:00:00+00:00'")
    before = table_dump(services.deps.conn)
    with pytest.raises(ShowNotOnSale, match="started"):
        services.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert table_dump(services.deps.conn) == before


def test_late_sale_window_allows_holds_and_confirms_then_refuses(services, cashier, clock):
    set_limits(services, late_sale_minutes=10)
    clock.advance(hours=3, minutes=5)  # 5 minutes into the show
    booking = sell(services, cashier, ["B1"])
    assert booking.state == "confirmed"
    clock.advance(minutes=6)  # 11 minutes in
    with pytest.raises(ShowNotOnSale, match="10 minutes"):
        services.booking.hold(cashier, "show-future", ["B2"])


def test_shows_on_sale_lists_only_what_can_still_be_sold(services, clock):
    from kiosk.services.catalogue import CatalogueService
    from kiosk.services.models import ShowQuery

    catalogue = CatalogueService(services.deps)

    def listed() -> set[str]:
        return {s.show_id for s in catalogue.find_shows(ShowQuery(limit=100))}

    assert "show-future" in listed() and "show-past" not in listed()
    clock.advance(hours=3, minutes=1)  # a minute after the start, no late window
    assert "show-future" not in listed()
    set_limits(services, late_sale_minutes=5)
    assert "show-future" in listed()
    clock.advance(minutes=4)
    assert "show-future" not in listed()


# ------------------------------------------------------------ kiosk limits
def test_kiosk_limits_shows_and_a_manager_changes_them(services, config, monkeypatch, capsys):
    from kiosk.cli import main

    monkeypatch.setenv("KIOSK_BCRYPT_ROUNDS", "4")
    monkeypatch.delenv("KIOSK_PIN", raising=False)
    db = ["--db", str(config.db_path)]
    assert main([*db, "limits"]) == 0
    out = capsys.readouterr().out
    assert "cin-test (INR)" in out and "₹1,000.00" in out and "0 minutes" in out
    before = table_dump(services.deps.conn)
    assert main([*db, "limits", "--refund-limit", "500"]) != 0  # no manager named
    monkeypatch.setenv("KIOSK_PIN", "1234")
    assert main([*db, "limits", "--refund-limit", "500", "--staff", "1001"]) != 0  # a cashier
    assert main([*db, "limits", "--late-sale-minutes", "999", "--staff", "9001"]) != 0
    assert table_dump(services.deps.conn) == before
    monkeypatch.setenv("KIOSK_PIN", "9999")
    assert main([*db, "limits", "--refund-limit", "500", "--late-sale-minutes", "10",
                 "--staff", "9001"]) == 0
    controls = money_controls.for_cinema(services.deps.conn, "cin-test")
    assert (controls.cashier_refund_limit_minor, controls.late_sale_minutes) == (50000, 10)
    assert main([*db, "limits", "--refund-limit", "default", "--staff", "9001"]) == 0
    assert money_controls.for_cinema(services.deps.conn, "cin-test").cashier_refund_limit_minor \
        == 100000
    assert services.deps.conn.execute(
        "SELECT COUNT(*) FROM audit WHERE action = 'cinema.limits' AND ok = 1").fetchone()[0] == 2


def test_the_shift_window_counts_only_refunds_in_the_limits_currency(services, cashier):
    """Second review: a limit is an amount of one currency; an AED refund in the same window
    must not count against an INR limit (it only ever over-counted: wrong approvals)."""
    set_limits(services, cashier_refund_limit_minor=100000, shift_refund_limit_minor=60000)
    first, second = (sell(services, cashier, seats) for seats in (["B1", "B2"], ["D1"]))
    assert services.booking.refund(cashier, first.reference, reason="customer_request").state == "completed"  # 500
    services.deps.conn.execute("UPDATE refunds SET currency = 'AED'")  # as if in Dubai
    # 250 INR in the window: within 600 (500 + 250 would not be, were AED counted as INR)
    assert services.booking.refund(cashier, second.reference, reason="customer_request").state == "completed"

"""SIGKILL a kiosk process at points inside confirm: the booking is all there or not at all.

The child stops dead at a chosen statement (a SQLite trace callback on its connection) or right
after an outbox row is written (a wrapper around ``kiosk.services.outbox.enqueue``), tells the
parent, and the parent kills it with SIGKILL. Nothing in the product code knows about this.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
from datetime import timedelta

import pytest

from kiosk.config import Config
from kiosk.domain.clock import FakeClock, to_iso
from kiosk.services.app import open_services
from kiosk.services.models import Payment
from tests.reliability import _kiosk_proc

pytestmark = pytest.mark.slow

SEATS = ["D5", "D6"]
BEFORE_COMMIT = ["before_lines", "before_seat_sales", "before_hold_delete", "before_audit",
                 "after_outbox_confirm", "after_outbox_notify", "at_commit"]


def counts(conn) -> dict[str, int]:
    q = {
        "bookings": "SELECT COUNT(*) FROM bookings",
        "lines": "SELECT COUNT(*) FROM booking_seats",
        "seat_sales": "SELECT COUNT(*) FROM seat_sales",
        "outbox": "SELECT COUNT(*) FROM outbox",
        "audit_confirm": "SELECT COUNT(*) FROM audit WHERE action = 'confirm'",
    }
    return {name: conn.execute(sql).fetchone()[0] for name, sql in q.items()}


@pytest.mark.parametrize("point", [*BEFORE_COMMIT, "after_commit"])
def test_kill_inside_confirm_is_all_or_nothing(services, config, clock, point):
    services.close()
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    child = ctx.Process(target=_kiosk_proc.confirm_until_crash,
                        args=(str(config.db_path), to_iso(clock.now()), SEATS, point, ready))
    child.start()
    try:
        assert ready.wait(60), f"the child never reached {point} (exit code {child.exitcode})"
        os.kill(child.pid, signal.SIGKILL)
        child.join(30)
        assert child.exitcode == -signal.SIGKILL
    finally:
        if child.is_alive():
            child.kill()

    # Reopen the database as a freshly started kiosk would.
    later = FakeClock(clock.now())
    svc = open_services(Config(db_path=config.db_path, bcrypt_rounds=4, kiosk_id="KIOSK-NEXT"),
                        clock=later)
    try:
        assert svc.deps.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = counts(svc.deps.conn)
        if point == "after_commit":
            assert found == {"bookings": 1, "lines": 2, "seat_sales": 2, "outbox": 2,
                             "audit_confirm": 1}
            booking = svc.booking.get(svc.deps.conn.execute("SELECT reference FROM bookings").fetchone()[0])
            assert [line.seat_code for line in booking.lines] == SEATS
        else:
            assert found == {"bookings": 0, "lines": 0, "seat_sales": 0, "outbox": 0,
                             "audit_confirm": 0}
        # The dead kiosk's hold survives the crash; once it expires the seats sell again
        # (or, when the sale had committed, stay sold).
        cashier = svc.auth.sign_in("1001", "1234")
        later.advance(minutes=svc.config.hold_minutes, seconds=1)
        if point == "after_commit":
            with pytest.raises(Exception, match="taken"):
                svc.booking.hold(cashier, "show-future", SEATS)
        else:
            hold = svc.booking.hold(cashier, "show-future", SEATS)
            booking = svc.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"))
            assert [line.seat_code for line in booking.lines] == SEATS
    finally:
        svc.close()


def test_hold_left_by_dead_kiosk_blocks_until_expiry(services, config, clock):
    """Right after the crash the seats are still held: nobody can sell them twice meanwhile."""
    services.close()
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    child = ctx.Process(target=_kiosk_proc.confirm_until_crash,
                        args=(str(config.db_path), to_iso(clock.now()), SEATS, "before_seat_sales",
                              ready))
    child.start()
    assert ready.wait(60)
    os.kill(child.pid, signal.SIGKILL)
    child.join(30)
    svc = open_services(Config(db_path=config.db_path, bcrypt_rounds=4, kiosk_id="KIOSK-NEXT"),
                        clock=FakeClock(clock.now() + timedelta(minutes=1)))
    try:
        cashier = svc.auth.sign_in("1001", "1234")
        with pytest.raises(Exception, match="taken") as err:
            svc.booking.hold(cashier, "show-future", SEATS)
        assert err.value.seats == tuple(SEATS)
    finally:
        svc.close()


def _kill_when_ready(target, args) -> None:
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    child = ctx.Process(target=target, args=(*args, ready))
    child.start()
    try:
        assert ready.wait(60), f"the child never reached its crash point (exit {child.exitcode})"
        os.kill(child.pid, signal.SIGKILL)
        child.join(30)
        assert child.exitcode == -signal.SIGKILL
    finally:
        if child.is_alive():
            child.kill()


def _refund_state(conn) -> tuple:
    return (
        conn.execute("SELECT state, refunded_minor FROM bookings").fetchone()[:],
        conn.execute("SELECT COUNT(*) FROM refunds").fetchone()[0],
        conn.execute("SELECT COUNT(*) FROM seat_sales").fetchone()[0],
        conn.execute("SELECT COUNT(*) FROM booking_seats WHERE refunded = 1").fetchone()[0],
        conn.execute("SELECT COUNT(*) FROM outbox WHERE kind = 'refund'").fetchone()[0],
    )


@pytest.mark.parametrize("prefix", ["UPDATE booking_seats", "DELETE FROM seat_sales",
                                    "UPDATE bookings", "INSERT INTO outbox", "INSERT INTO audit",
                                    "COMMIT"])
def test_kill_inside_refund_is_all_or_nothing(services, config, clock, prefix):
    cashier = services.auth.sign_in("1001", "1234")
    hold = services.booking.hold(cashier, "show-future", SEATS)
    booking = services.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"))
    services.close()
    _kill_when_ready(_kiosk_proc.refund_until_crash,
                     (str(config.db_path), to_iso(clock.now()), booking.reference, prefix))
    svc = open_services(Config(db_path=config.db_path, bcrypt_rounds=4), clock=FakeClock(clock.now()))
    try:
        state = _refund_state(svc.deps.conn)
        assert state == (("confirmed", 0), 0, 2, 0, 0)  # nothing of the refund survived
        # ... and the refund can simply be done again.
        manager = svc.auth.sign_in("9001", "9999")
        svc.booking.refund(manager, booking.reference, reason="customer_request")
        assert _refund_state(svc.deps.conn) == (("refunded", booking.total_minor), 1, 0, 2, 1)
    finally:
        svc.close()


@pytest.mark.parametrize("prefix", ["DELETE FROM seat_sales", "UPDATE bookings",
                                    "INSERT INTO bookings", "INSERT INTO seat_sales", "COMMIT"])
def test_kill_inside_exchange_keeps_the_old_booking_whole(services, config, clock, prefix):
    cashier = services.auth.sign_in("1001", "1234")
    hold = services.booking.hold(cashier, "show-future", SEATS)
    booking = services.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"))
    services.close()
    _kill_when_ready(_kiosk_proc.exchange_until_crash,
                     (str(config.db_path), to_iso(clock.now()), booking.reference, ["E1", "E2"],
                      prefix))
    svc = open_services(Config(db_path=config.db_path, bcrypt_rounds=4), clock=FakeClock(clock.now()))
    try:
        conn = svc.deps.conn
        assert [tuple(r) for r in conn.execute("SELECT id, state FROM bookings")] == \
            [(booking.booking_id, "confirmed")]
        assert sorted(r[0] for r in conn.execute("SELECT seat_code FROM seat_sales")) == SEATS
        assert conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 1  # its confirm only
    finally:
        svc.close()

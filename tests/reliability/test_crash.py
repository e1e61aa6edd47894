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

"""Child-process bodies for the multi-process and crash tests (importable under 'spawn')."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

from kiosk.config import Config
from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import KioskError
from kiosk.services.app import open_services
from kiosk.services.models import Payment

CARD = Payment("card", card_last4="4242")


def _services(db_path: str, kiosk_id: str, now_iso: str):
    clock = FakeClock(datetime.fromisoformat(now_iso).astimezone(UTC))
    config = Config(db_path=Path(db_path), kiosk_id=kiosk_id, bcrypt_rounds=4)
    return open_services(config, clock=clock), clock


def sell_blocks(db_path: str, kiosk_id: str, now_iso: str, staff: tuple[str, str],
                show_id: str, blocks: list[list[str]], start, results) -> None:
    """Try to hold and confirm each block of seats; report what was sold and what refused."""
    svc, _clock = _services(db_path, kiosk_id, now_iso)
    actor = svc.auth.sign_in(*staff)
    sold: list[list[str]] = []
    refused: list[tuple[list[str], str]] = []
    # Warm up (imports, layout parse, statement cache) so both kiosks start at full speed.
    svc.booking.release(svc.booking.hold(actor, show_id, blocks[0]).hold_id)
    start.wait(120)  # a barrier: both kiosks begin selling at the same moment
    began = time.time()
    for block in blocks:
        try:
            hold = svc.booking.hold(actor, show_id, block)
            booking = svc.booking.confirm(actor, hold.hold_id, {}, CARD)
            sold.append([line.seat_code for line in booking.lines])
        except KioskError as err:
            refused.append((block, type(err).__name__))
    ended = time.time()
    svc.close()
    results.put({"kiosk": kiosk_id, "pid": os.getpid(), "sold": sold, "refused": refused,
                 "attempts": len(blocks), "began": began, "ended": ended})


def confirm_until_crash(db_path: str, now_iso: str, seats: list[str], point: str,
                        ready) -> None:
    """Hold ``seats`` and confirm, stopping dead at ``point`` until the parent SIGKILLs us.

    The crash point is injected from outside the product code: a SQLite trace callback on the
    service connection (it sees each statement just before it runs), or a wrapper around
    ``kiosk.services.outbox.enqueue``.
    """
    svc, _clock = _services(db_path, "KIOSK-CRASH", now_iso)
    actor = svc.auth.sign_in("1002", "2345")
    hold = svc.booking.hold(actor, "show-future", seats)

    def stop_here() -> None:
        ready.set()
        while True:
            time.sleep(60)

    statement_points = {
        "before_lines": "INSERT INTO booking_seats",
        "before_seat_sales": "INSERT INTO seat_sales",
        "before_hold_delete": "DELETE FROM holds WHERE hold_id",
        "before_audit": "INSERT INTO audit",
        "at_commit": "COMMIT",
    }
    if point in statement_points:
        prefix = statement_points[point]

        def trace(sql: str) -> None:
            if sql.lstrip().startswith(prefix):
                stop_here()

        svc.deps.conn.set_trace_callback(trace)
    elif point in ("after_outbox_confirm", "after_outbox_notify"):
        import kiosk.services.outbox as outbox

        real = outbox.enqueue
        wanted = point.rsplit("_", 1)[1]

        def enqueue(conn, **kwargs):
            row_id = real(conn, **kwargs)
            if kwargs["kind"] == wanted:
                stop_here()
            return row_id

        outbox.enqueue = enqueue
    contact = "crash@example.com"
    svc.booking.confirm(actor, hold.hold_id, {}, CARD, contact=contact)
    if point == "after_commit":
        stop_here()
    raise SystemExit(f"crash point {point!r} was never reached")


def _stop_at_statement(svc, prefix: str, ready) -> None:
    """Install a trace callback that freezes the process just before ``prefix`` runs."""

    def trace(sql: str) -> None:
        if sql.lstrip().startswith(prefix):
            ready.set()
            while True:
                time.sleep(60)

    svc.deps.conn.set_trace_callback(trace)


def refund_until_crash(db_path: str, now_iso: str, reference: str, prefix: str, ready) -> None:
    svc, _clock = _services(db_path, "KIOSK-CRASH", now_iso)
    actor = svc.auth.sign_in("9001", "9999")
    _stop_at_statement(svc, prefix, ready)
    svc.booking.refund(actor, reference, reason="customer_request")
    raise SystemExit(f"statement {prefix!r} was never reached")


def exchange_until_crash(db_path: str, now_iso: str, reference: str, seats: list[str],
                         prefix: str, ready) -> None:
    svc, _clock = _services(db_path, "KIOSK-CRASH", now_iso)
    actor = svc.auth.sign_in("9001", "9999")
    hold = svc.booking.hold(actor, "show-later", seats)
    _stop_at_statement(svc, prefix, ready)
    svc.booking.exchange(actor, reference, hold.hold_id, {}, CARD)
    raise SystemExit(f"statement {prefix!r} was never reached")

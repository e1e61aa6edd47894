"""Bench section "cloud": outbox drain rate next to the raw TransactWriteItems rate.

Both are measured in the same run against the same local moto server (127.0.0.1), with the same
transaction shape (2 seats + the booking item), so the ratio says what the worker's own overhead
costs (SQLite lease and completion commits with synchronous=FULL, payload decoding) and not how
fast moto or this machine happens to be today. The raw rate is measured in two halves around the
drain, so a machine that speeds up or slows down during the run does not favour either side.
"""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.bench import BenchResult

SECTION = "cloud"
TABLE = "bench"
SEATS_PER_BOOKING = 2


def _config(db_path: Path, endpoint: str):
    from kiosk.config import Config

    base = Config(db_path=db_path, kiosk_id="BENCH-1")
    return replace(base, cloud=replace(base.cloud, enabled=True, endpoint_url=endpoint,
                                       table=TABLE, region="ap-south-1"))


def _kiosk_db(path: Path, bookings: int, now: datetime) -> None:
    """A minimal world and ``bookings`` confirmed, unsynced sales with their outbox rows."""
    from kiosk.cloud.worker import enqueue
    from kiosk.domain.clock import to_iso
    from kiosk.domain.ids import new_id, new_reference
    from kiosk.store.db import open_db, transaction

    conn = open_db(path).conn
    stamp = to_iso(now)
    seats_per_row = 50
    rows = (bookings * SEATS_PER_BOOKING) // seats_per_row + 1
    layout = {"rows": [{"label": f"R{i:03d}", "cells": "S" * seats_per_row} for i in range(rows)]}
    with transaction(conn):
        conn.execute("INSERT INTO cinemas (id, name, city, timezone, currency) "
                     "VALUES ('c', 'Bench', 'City', 'UTC', 'INR')")
        conn.execute("INSERT INTO halls (id, cinema_id, name, layout, seat_count) "
                     "VALUES ('h', 'c', 'Hall', ?, ?)", (json.dumps(layout), rows * seats_per_row))
        conn.execute("INSERT INTO films (id, title, language, certificate, runtime_min) "
                     "VALUES ('f', 'Bench Film', 'English', 'U', 100)")
        conn.execute("INSERT INTO price_lists (id, name, currency, tax_rate_bp) "
                     "VALUES ('p', 'P', 'INR', 0)")
        conn.execute("INSERT INTO shows (id, film_id, hall_id, starts_at, price_list_id) "
                     "VALUES ('show', 'f', 'h', ?, 'p')", (to_iso(now + timedelta(hours=3)),))
        seats = [f"R{i:03d}{n}" for i in range(rows) for n in range(1, seats_per_row + 1)]
        for b in range(bookings):
            booking_id, hold_id = new_id(), new_id()
            mine = seats[b * SEATS_PER_BOOKING:(b + 1) * SEATS_PER_BOOKING]
            reference = new_reference()
            conn.execute(
                "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, "
                "currency, total_minor, tax_minor, payment_method, created_at, business_date, "
                "updated_at) VALUES (?, ?, ?, 'show', 'counter', 'BENCH-1', 'INR', 50000, 0, "
                "'card', ?, ?, ?)", (booking_id, reference, hold_id, stamp,
                                     now.date().isoformat(), stamp))
            enqueue(conn, kind="confirm", booking_id=booking_id, now=now, payload={
                "booking_id": booking_id, "reference": reference, "show_id": "show",
                "seats": mine, "hold_id": hold_id, "kiosk_id": "BENCH-1", "channel": "counter",
                "total_minor": 50000, "currency": "INR", "created_at": stamp})
    conn.close()


def _raw(claims, start: int, count: int, now: datetime) -> float:
    """Seconds for ``count`` confirms of the drain's shape, straight through boto3."""
    began = time.perf_counter()
    for i in range(start, start + count):
        seats = [f"X{i}-{n}" for n in range(SEATS_PER_BOOKING)]
        claims.confirm(show_id="raw", seats=seats, booking_id=f"raw-{i}", hold_id="",
                       now=now, record={"reference": f"RAW-{i}", "show_id": "raw"})
    return time.perf_counter() - began


def run(quick: bool) -> list[BenchResult]:
    from kiosk.cloud.context import CloudContext
    from kiosk.cloud.server import LocalCloud
    from kiosk.cloud.table import ensure_table
    from kiosk.cloud.worker import OutboxWorker

    n = 60 if quick else 400
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp, LocalCloud() as cloud:
        cloud.reset()
        db = Path(tmp) / "bench.db"
        _kiosk_db(db, n, now)
        context = CloudContext(_config(db, cloud.endpoint_url))
        ensure_table(context.clients().dynamodb, TABLE)
        claims = context.claims()
        _raw(claims, 10_000, 5, now)  # warm the connection pool and moto's code paths
        raw_s = _raw(claims, 0, n // 2, now)
        worker = OutboxWorker(context, db)
        began = time.perf_counter()
        done = 0
        while worker.pending_count():
            result = worker.run_once(limit=n)
            done += result.done
            if result.offline or (not result.done and result.failed):
                break
        drain_s = time.perf_counter() - began
        worker.close()
        raw_s += _raw(claims, n // 2, n - n // 2, now)
    raw_rate = n / raw_s
    drain_rate = done / drain_s if drain_s else 0.0
    ratio = 100 * drain_rate / raw_rate if raw_rate else 0.0
    note = f"{n} bookings x {SEATS_PER_BOOKING} seats, local moto server"
    return [
        BenchResult(SECTION, "raw TransactWriteItems (2 seats + booking item)", raw_rate, "/s",
                    note=note),
        BenchResult(SECTION, "outbox drain (confirm rows)", drain_rate, "/s",
                    note=f"{done}/{n} rows sent"),
        BenchResult(SECTION, "drain rate / raw rate", ratio, "%", ">= 50 %",
                    ok=ratio >= 50 and done == n),
    ]

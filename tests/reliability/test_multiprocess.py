"""Two OS processes sell the same show on one database file at once: no seat is sold twice."""

from __future__ import annotations

import json
import multiprocessing as mp
from datetime import timedelta

import pytest

from kiosk.domain.clock import to_iso
from kiosk.domain.layout import HallLayout
from tests.reliability import _kiosk_proc

pytestmark = pytest.mark.slow


def test_two_processes_race_for_every_seat(services, config, clock):
    # A 400-seat hall: big enough that neither process can finish before the other starts.
    layout = {"rows": [{"label": chr(ord("A") + r), "cells": "S" * 20} for r in range(20)]}
    codes = list(HallLayout.from_spec(layout).seats)  # layout order
    db = services.deps.db
    db["halls"].insert({"id": "hall-big", "cinema_id": "cin-test", "name": "Big",
                        "layout": json.dumps(layout), "seat_count": len(codes)})
    db["shows"].insert({"id": "show-big", "film_id": "film-test", "hall_id": "hall-big",
                        "starts_at": to_iso(clock.now() + timedelta(hours=5)),
                        "price_list_id": "pl-test"})
    pairs_a = [codes[i:i + 2] for i in range(0, len(codes) - 1, 2)]  # A1-A2, A3-A4, ...
    pairs_b = [codes[i:i + 2] for i in range(1, len(codes) - 1, 2)][::-1]  # overlapping, reversed
    singles_b = [[c] for c in codes]
    services.close()  # the children own the file now; the parent only reads afterwards

    ctx = mp.get_context("spawn")
    start, results = ctx.Barrier(2), ctx.Queue()
    procs = [
        ctx.Process(target=_kiosk_proc.sell_blocks,
                    args=(str(config.db_path), "KIOSK-A", to_iso(clock.now()), ("1001", "1234"),
                          "show-big", pairs_a, start, results)),
        ctx.Process(target=_kiosk_proc.sell_blocks,
                    args=(str(config.db_path), "KIOSK-B", to_iso(clock.now()), ("1002", "2345"),
                          "show-big", pairs_b + singles_b, start, results)),
    ]
    for p in procs:
        p.start()
    reports = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(60)
        assert p.exitcode == 0

    sold_by = {}
    for report in reports:
        assert len(report["sold"]) + len(report["refused"]) == report["attempts"]
        assert {name for _, name in report["refused"]} <= {"SeatsUnavailable"}
        for block in report["sold"]:
            for seat in block:
                assert seat not in sold_by, f"{seat} sold by {sold_by.get(seat)} and {report['kiosk']}"
                sold_by[seat] = report["kiosk"]
    # B finally tried every seat on its own, so every seat ended up sold exactly once.
    assert sorted(sold_by) == sorted(codes)
    # They really raced: both selling windows overlap. (Which one wins how many seats is up to
    # SQLite's busy handler, which is not fair: a kiosk committing in a tight loop can take every
    # seat while the other backs off; a cashier's pace never comes near that.)
    assert max(r["began"] for r in reports) < min(r["ended"] for r in reports)

    from kiosk.store.db import connect

    conn = connect(config.db_path)
    try:
        sales = conn.execute("SELECT COUNT(*) FROM seat_sales WHERE show_id = 'show-big'").fetchone()[0]
        lines = conn.execute(
            "SELECT COUNT(*) FROM booking_seats bs JOIN bookings b ON b.id = bs.booking_id "
            "WHERE b.state = 'confirmed'").fetchone()[0]
        assert sales == lines == len(codes)
        bookings = conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0]
        assert bookings == sum(len(r["sold"]) for r in reports)
        assert conn.execute("SELECT COUNT(*) FROM outbox WHERE kind = 'confirm'").fetchone()[0] == bookings
    finally:
        conn.close()

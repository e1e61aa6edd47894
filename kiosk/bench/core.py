"""Core benchmarks: seat search, local confirm rate against the disk's own limit, daily report.

* best-available search for 6 seats in generated 200 / 2,000 / 20,000-seat halls, half sold at
  random (a fixed seed), so every row segment has to be looked at;
* local sales per second through ``BookingService`` (hold + confirm, card payment) on a temporary
  database, next to the raw SQLite ``synchronous=FULL`` single-row commit rate measured in the same
  run in the same directory: the ratio says how close a sale gets to what the disk allows
  (rounds alternate the two so background load hits both alike; the ratio is the median of
  the rounds' ratios);
* the daily sales report over a generated 1,000,000-booking database (50,000 with ``quick``),
  cached between runs by ``kiosk.bench.datagen``.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.bench import BenchResult, median_ms
from kiosk.config import Config
from kiosk.domain.clock import to_iso

SECTION = "core"
PARTY = 6
HALL_SHAPES = {200: (10, (10, 10)), 2_000: (40, (12, 26, 12)), 20_000: (100, (50, 50, 50, 50))}


def hall_spec(seats: int) -> dict:
    """A hall of ``seats`` seats: rows of blocks separated by aisles, a cross aisle mid-way."""
    rows_n, blocks = HALL_SHAPES[seats]
    cells = "__".join("S" * b for b in blocks)
    rows = []
    for r in range(rows_n):
        if r == rows_n // 2:
            rows.append({"label": "", "cells": "_" * len(cells)})
        rows.append({"label": _row_label(r), "cells": cells})
    return {"rows": rows}


def _row_label(i: int) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    label = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, len(letters))
        label = letters[rem] + label
    return label


def bench_seat_search(quick: bool) -> list[BenchResult]:
    try:
        from kiosk.domain.seating import best_available
    except ImportError:
        return [BenchResult(SECTION, "best-available search", 0.0, "ms", note="skipped: kiosk.domain.seating missing")]
    from kiosk.domain.layout import HallLayout

    results = []
    for seats in HALL_SHAPES:
        layout = HallLayout.from_spec(hall_spec(seats))
        assert layout.seat_count == seats, (seats, layout.seat_count)
        rng = random.Random(seats)
        sold = set(rng.sample(sorted(layout.seats), seats // 2))
        found = best_available(layout, sold, PARTY)
        repeat = (15 if seats > 2_000 else 40) if quick else (50 if seats > 2_000 else 200)
        value = median_ms(lambda layout=layout, sold=sold: best_available(layout, sold, PARTY), repeat)
        target = "<= 2 ms" if seats == 2_000 else ""
        results.append(BenchResult(
            SECTION, f"best {PARTY} seats, {seats:,}-seat hall half sold", value, "ms", target,
            (value <= 2.0) if seats == 2_000 else None,
            "" if found else "no block found"))
    return results


# ------------------------------------------------------------------ confirm rate


def _bench_world(conn, show_start: datetime) -> str:
    """One cinema, a 2,000-seat hall, a show tomorrow, one cashier. Returns the show id."""
    from kiosk.store.db import transaction

    with transaction(conn):
        conn.execute("INSERT INTO cinemas (id, name, city, timezone, currency) "
                     "VALUES ('bench', 'Bench Cinema', 'Bench', 'Asia/Kolkata', 'INR')")
        conn.execute("INSERT INTO halls (id, cinema_id, name, layout, seat_count) VALUES "
                     "('bench-hall', 'bench', 'Screen 1', ?, 2000)", (json.dumps(hall_spec(2_000)),))
        conn.execute("INSERT INTO films (id, title, language, certificate, runtime_min) "
                     "VALUES ('bench-film', 'Bench Feature', 'Hindi', 'U', 120)")
        conn.execute("INSERT INTO price_lists (id, name, currency, tax_rate_bp) "
                     "VALUES ('bench-pl', 'Bench', 'INR', 1800)")
        conn.executemany("INSERT INTO prices (price_list_id, seat_type, ticket_type, amount_minor) "
                         "VALUES ('bench-pl', ?, ?, ?)",
                         [(st, tt, 25000) for st in ("standard", "premium", "recliner", "wheelchair",
                                                     "companion")
                          for tt in ("adult", "child", "senior", "student")])
        conn.execute("INSERT INTO shows (id, film_id, hall_id, starts_at, price_list_id) "
                     "VALUES ('bench-show', 'bench-film', 'bench-hall', ?, 'bench-pl')",
                     (to_iso(show_start),))
        conn.execute("INSERT INTO staff (staff_number, name, role, pin_hash) "
                     "VALUES ('7001', 'Bench Cashier', 'cashier', '$2b$04$unused')")
    return "bench-show"


def _raw_commits(conn, n: int) -> float:
    """Rate of single-row write transactions on a plain connection (WAL, synchronous=FULL)."""
    start = time.perf_counter()
    for i in range(n):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (v) VALUES (?)", (f"row {i}",))
        conn.execute("COMMIT")
    return n / (time.perf_counter() - start)


def bench_confirms(quick: bool) -> list[BenchResult]:
    from kiosk.services.app import open_services
    from kiosk.services.models import Actor, Payment, Role
    from kiosk.store.db import connect

    rounds, per_round, raw_per_round = (3, 40, 120) if quick else (8, 60, 200)
    workdir = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    try:
        config = Config(db_path=workdir / "sales.db", bcrypt_rounds=4, kiosk_id="BENCH-1",
                        ticket_dir=workdir / "tickets")
        services = open_services(config)
        raw = connect(workdir / "raw.db")
        try:
            raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
            show_id = _bench_world(services.deps.conn, datetime.now(UTC) + timedelta(days=1))
            staff_id = services.deps.conn.execute("SELECT id FROM staff WHERE staff_number = '7001'").fetchone()[0]
            actor = Actor(staff_id, "7001", "Bench Cashier", Role.CASHIER, config.kiosk_id)
            seats = iter(_seat_pairs(hall_spec(2_000)))
            payment = Payment("card", card_last4="4242")
            raw_rates, sale_rates, confirm_rates = [], [], []
            _raw_commits(raw, 20)  # warm both files up
            for _ in range(rounds):
                raw_rates.append(_raw_commits(raw, raw_per_round))
                confirm_time = 0.0
                start = time.perf_counter()
                for _ in range(per_round):
                    pair = next(seats)
                    hold = services.booking.hold(actor, show_id, pair)
                    t0 = time.perf_counter()
                    services.booking.confirm(actor, hold.hold_id, dict.fromkeys(pair, "adult"), payment)
                    confirm_time += time.perf_counter() - t0
                sale_rates.append(per_round / (time.perf_counter() - start))
                confirm_rates.append(per_round / confirm_time)
        finally:
            raw.close()
            services.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    raw_rate = statistics.median(raw_rates)
    sale_rate = statistics.median(sale_rates)
    confirm_rate = statistics.median(confirm_rates)
    # Each round measures both back to back, so a round's ratio sees one disk load; the median
    # of the per-round ratios is steadier than a ratio of medians when other work comes and goes.
    sale_ratio = statistics.median(100.0 * s / r for s, r in zip(sale_rates, raw_rates, strict=True))
    confirm_ratio = statistics.median(100.0 * c / r for c, r in zip(confirm_rates, raw_rates, strict=True))
    note = f"{rounds} rounds x {per_round} sales of 2 seats"
    return [
        BenchResult(SECTION, "raw SQLite FULL-sync 1-row commits", raw_rate, "/s",
                    note=f"{rounds} rounds x {raw_per_round}, same directory"),
        BenchResult(SECTION, "local sales (hold + confirm)", sale_rate, "/s", note=note),
        BenchResult(SECTION, "local sales / raw commits", sale_ratio, "%",
                    note="informational: a sale is two commits (hold, then confirm)"),
        BenchResult(SECTION, "local confirms (confirm step)", confirm_rate, "/s", note=note),
        BenchResult(SECTION, "local confirms / raw commits", confirm_ratio, "%", ">= 50 %",
                    confirm_ratio >= 50.0),
    ]


def _seat_pairs(spec: dict):
    from kiosk.domain.layout import HallLayout

    layout = HallLayout.from_spec(spec)
    by_row: dict[int, list] = {}
    for seat in layout.seats.values():
        by_row.setdefault(seat.row_index, []).append(seat)
    for row in by_row.values():
        row.sort(key=lambda s: s.column)
        for i in range(0, len(row) - 1, 2):
            yield [row[i].code, row[i + 1].code]


# ------------------------------------------------------------------ daily report


def bench_report(quick: bool) -> list[BenchResult]:
    from kiosk.bench.datagen import report_database
    from kiosk.domain.clock import Clock
    from kiosk.services.deps import ServiceDeps
    from kiosk.services.models import Actor, Role
    from kiosk.services.reports import ReportService
    from kiosk.store.db import open_db

    bookings = 50_000 if quick else 1_000_000
    path, info, generated = report_database(bookings)
    db = open_db(path)
    try:
        deps = ServiceDeps(db=db, config=Config(db_path=path), clock=Clock())
        reports = ReportService(deps)
        manager = Actor(None, "bench", "Bench Manager", Role.MANAGER, "BENCH-1")
        day = info.report_day
        report = reports.daily_sales(manager, day)
        day_bookings = sum(report.totals.column("bookings"))
        repeat = 5 if quick else 9
        sales_ms = median_ms(lambda: reports.daily_sales(manager, day), repeat)
        all_ms = median_ms(lambda: (reports.daily_sales(manager, day), reports.occupancy(manager, day),
                                    reports.refunds(manager, day)), repeat)
    finally:
        db.conn.close()
    made = f"generated in {info.seconds:.0f} s" if generated else "cached database"
    note = f"{info.bookings:,} bookings, {day_bookings:,} on the day; {made}"
    return [
        BenchResult(SECTION, f"daily sales report, {info.bookings:,} bookings", sales_ms, "ms",
                    "<= 300 ms", sales_ms <= 300.0, note),
        BenchResult(SECTION, "daily sales + occupancy + refunds", all_ms, "ms", note="same day"),
    ]


def run(quick: bool) -> list[BenchResult]:
    return [*bench_seat_search(quick), *bench_confirms(quick), *bench_report(quick)]

"""Core benchmarks: seat search, local confirm rate against the disk's own limit, daily report.

* best-available search for 6 seats in generated 200 / 2,000 / 20,000-seat halls, half sold at
  random (a fixed seed), so every row segment has to be looked at;
* local sales per second through ``BookingService`` (hold + confirm, card payment) on a temporary
  database, next to two rates measured in the same run on the same file: the raw SQLite
  ``synchronous=FULL`` single-row commit (the target's yardstick) and a commit that writes as many
  pages as a confirm with no logic (so the gap splits into the write set's cost and the
  software's); rounds alternate them so background load hits all alike, and each ratio is the
  median of the rounds' ratios;
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
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.bench import BenchResult, median_ms
from kiosk.config import Config
from kiosk.domain.clock import to_iso

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.services.models import Actor

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
    from kiosk.domain.layout import HallLayout
    from kiosk.domain.seating import best_available

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


def _commit_rate(conn, statements: list[str], n: int) -> float:
    """Rate of write transactions that each insert one short row per statement (no logic)."""
    start = time.perf_counter()
    for i in range(n):
        conn.execute("BEGIN IMMEDIATE")
        for sql in statements:
            conn.execute(sql, (f"row {i}",))
        conn.execute("COMMIT")
    return n / (time.perf_counter() - start)


def _grow_wal(conn, db_path: Path, statements: list[str]) -> None:
    """Write until the WAL file has reached its checkpoint size, then once round again."""
    checkpoint_frames = int(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    frame_bytes = int(conn.execute("PRAGMA page_size").fetchone()[0]) + 24
    wal = Path(f"{db_path}-wal")
    while not wal.exists() or wal.stat().st_size < checkpoint_frames * frame_bytes:
        _commit_rate(conn, statements, 20)
    _commit_rate(conn, statements, checkpoint_frames // len(statements))


def _wal_frames(conn) -> int:
    """Frames in the WAL now (the second column of a PASSIVE checkpoint's answer)."""
    return int(conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1])


class _Seller:
    """Hold-then-confirm sales of two adjacent seats, timing the whole sale and the confirm."""

    def __init__(self, services: Services, actor: Actor, show_id: str) -> None:
        from kiosk.services.models import Payment

        self.booking = services.booking
        self.actor = actor
        self.show_id = show_id
        self.pairs = iter(_seat_pairs(hall_spec(2_000)))
        self.payment = Payment("card", card_last4="4242")

    def hold(self):
        pair = next(self.pairs)
        return pair, self.booking.hold(self.actor, self.show_id, pair)

    def confirm(self, pair, hold) -> None:
        self.booking.confirm(self.actor, hold.hold_id, dict.fromkeys(pair, "adult"), self.payment)

    def sell(self, n: int) -> tuple[float, float]:
        """(sales per second, confirms per second) over ``n`` sales."""
        confirm_time = 0.0
        start = time.perf_counter()
        for _ in range(n):
            pair, hold = self.hold()
            t0 = time.perf_counter()
            self.confirm(pair, hold)
            confirm_time += time.perf_counter() - t0
        return n / (time.perf_counter() - start), n / confirm_time

    def pages_per_confirm(self, conn, n: int) -> float:
        """WAL pages one confirm writes: n confirms into an emptied WAL, nothing else."""
        held = [self.hold() for _ in range(n)]
        autocheckpoint = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        try:
            for pair, hold in held:
                self.confirm(pair, hold)
            return _wal_frames(conn) / n
        finally:
            conn.execute(f"PRAGMA wal_autocheckpoint = {int(autocheckpoint)}")


@dataclass
class _Rates:
    """One database's rounds: each list holds one rate per round, measured back to back."""

    pages: float  # WAL pages one confirm writes
    raw: list[float] = field(default_factory=list)
    same_size: list[float] = field(default_factory=list)
    sales: list[float] = field(default_factory=list)
    confirms: list[float] = field(default_factory=list)

    @property
    def tables(self) -> int:
        """One-row inserts per same-size commit: one table per page a confirm writes."""
        return max(1, round(self.pages))

    @staticmethod
    def ratio(tops: list[float], bottoms: list[float]) -> float:
        # A round's ratio sees one disk load; the median of the per-round ratios is steadier
        # than a ratio of medians when other work comes and goes.
        return statistics.median(100.0 * t / b for t, b in zip(tops, bottoms, strict=True))


def _measure(db_path: Path, rounds: int, per_round: int, raw_per_round: int) -> _Rates:
    """Sell on ``db_path`` (a bench show is added) next to raw and same-size commits on it."""
    from kiosk.services.app import open_services
    from kiosk.services.models import Actor, Role

    config = Config(db_path=db_path, bcrypt_rounds=4, kiosk_id="BENCH-1",
                    ticket_dir=db_path.parent / "tickets")
    services = open_services(config)
    try:
        conn = services.deps.conn
        show_id = _bench_world(conn, datetime.now(UTC) + timedelta(days=1))
        staff_id = conn.execute("SELECT id FROM staff WHERE staff_number = '7001'").fetchone()[0]
        seller = _Seller(services, Actor(staff_id, "7001", "Bench Cashier", Role.CASHIER,
                                         config.kiosk_id), show_id)
        seller.sell(10)
        pages = seller.pages_per_confirm(conn, 10)
        rates = _Rates(pages)
        for i in range(rates.tables):
            conn.execute(f"CREATE TABLE bench_raw_{i} (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
        raw_sql = ["INSERT INTO bench_raw_0 (v) VALUES (?)"]
        same_size_sql = [f"INSERT INTO bench_raw_{i} (v) VALUES (?)"  # noqa: S608 (our ints)
                         for i in range(rates.tables)]
        _grow_wal(conn, db_path, same_size_sql)
        for _ in range(rounds):
            rates.raw.append(_commit_rate(conn, raw_sql, raw_per_round))
            rates.same_size.append(_commit_rate(conn, same_size_sql, raw_per_round // 2))
            sale_rate, confirm_rate = seller.sell(per_round)
            rates.sales.append(sale_rate)
            rates.confirms.append(confirm_rate)
        return rates
    finally:
        services.close()


def bench_confirms(quick: bool) -> list[BenchResult]:
    """Confirms against what the disk allows, each database measured on its own file.

    The raw rate is the cheapest durable write there is: one row, one page, FULL sync. The
    "same-size" rate writes as many pages as a confirm does (one row into each of that many
    tables) with no logic, so confirms / same-size is the software's share and same-size / raw
    the cost of the write set itself. All run in the WAL's steady state: while a fresh WAL grows
    to its checkpoint size every fsync also commits the file's new size and blocks (measured
    ~1.7x slower on this disk), and a counter spends its day on a recycled WAL. The same rounds
    then run on a copy of the report benchmark's database, as a kiosk that has sold for years.
    """
    from kiosk.bench.datagen import report_database

    rounds, per_round, raw_per_round = (3, 40, 120) if quick else (8, 60, 200)
    workdir = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    try:
        fresh = _measure(workdir / "sales.db", rounds, per_round, raw_per_round)
        source, info, _generated = report_database(50_000 if quick else 1_000_000)
        shutil.copyfile(source, workdir / "big.db")
        big = _measure(workdir / "big.db", rounds, per_round, raw_per_round)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    note = f"{rounds} rounds x {per_round} sales of 2 seats"
    same_size_ratio = _Rates.ratio(fresh.confirms, fresh.same_size)
    big_name = f"{info.bookings:,}-booking database"
    return [
        BenchResult(SECTION, "raw SQLite FULL-sync 1-row commits", statistics.median(fresh.raw), "/s",
                    note=f"{rounds} rounds x {raw_per_round}, same file, steady WAL"),
        BenchResult(SECTION, "WAL pages written per confirm", fresh.pages, "pages",
                    note="2 seats, card; a 1-row commit writes 1"),
        BenchResult(SECTION, f"same-size commits ({fresh.tables} pages, no logic)",
                    statistics.median(fresh.same_size), "/s",
                    note=f"{fresh.tables} one-row inserts per commit"),
        BenchResult(SECTION, "local sales (hold + confirm)", statistics.median(fresh.sales), "/s",
                    note=note),
        BenchResult(SECTION, "local sales / raw commits", _Rates.ratio(fresh.sales, fresh.raw), "%",
                    note="informational: a sale is two commits (hold, then confirm)"),
        BenchResult(SECTION, "local confirms (confirm step)", statistics.median(fresh.confirms), "/s",
                    note=note),
        # The target (restated in issue 2's note): a confirm costs at most twice a commit that
        # writes as many pages with no logic, i.e. the software's share of a confirm.
        BenchResult(SECTION, "local confirms / same-size commits", same_size_ratio, "%",
                    ">= 50 %", same_size_ratio >= 50.0,
                    note="the software's share of a confirm"),
        BenchResult(SECTION, "same-size / raw commits", _Rates.ratio(fresh.same_size, fresh.raw), "%",
                    note="informational: the write set's share (ceiling at zero CPU)"),
        BenchResult(SECTION, "local confirms / raw commits", _Rates.ratio(fresh.confirms, fresh.raw),
                    "%", note="informational: against a one-row commit"),
        BenchResult(SECTION, f"local confirms, {big_name}", statistics.median(big.confirms), "/s",
                    note=f"{big.pages:.1f} WAL pages per confirm there"),
        BenchResult(SECTION, f"local confirms / raw commits, {big_name}",
                    _Rates.ratio(big.confirms, big.raw), "%",
                    note="informational: same measure on the large file"),
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
    from kiosk.bench.actors import bench_manager
    from kiosk.bench.datagen import report_database
    from kiosk.domain.clock import Clock
    from kiosk.services.deps import ServiceDeps
    from kiosk.services.reports import ReportService
    from kiosk.store.db import open_db

    bookings = 50_000 if quick else 1_000_000
    path, info, generated = report_database(bookings)
    db = open_db(path)
    try:
        deps = ServiceDeps(db=db, config=Config(db_path=path), clock=Clock())
        reports = ReportService(deps)
        manager = bench_manager(db.conn)  # a real staff row: the role check re-reads it
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

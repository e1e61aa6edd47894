"""Bench section "door" (issue 13): a scan to ADMIT or refuse, and a thermal printer job.

Targets: a scan answered in under 150 ms median with the cloud on a local endpoint (the signed
code verified, the booking found, the conditional ADMIT# write) and under 20 ms offline (the
door alone: its own database); ten tickets' ESC/POS bytes built in under 50 ms. The scans are
``AdmissionService.admit`` as the door screen calls it, each booking scanned twice (admitted,
then refused as already admitted), on a show starting about now so every ticket is valid.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.bench import BenchResult
from kiosk.bench.core import _bench_world, _seat_pairs, hall_spec

SECTION = "door"
TABLE = "bench-door"


def _show_start() -> datetime:
    """Ten minutes ago (doors open, show running), or ahead just after midnight at the cinema,
    so the show is always on the cinema's today."""
    now = datetime.now(UTC)
    local = now.astimezone(ZoneInfo("Asia/Kolkata"))
    return now + (timedelta(minutes=10) if local.hour == 0 and local.minute < 20
                  else timedelta(minutes=-10))


def _scan_times(services, codes: list[str]) -> tuple[list[float], list[float], int]:
    from kiosk.services.admissions import door_setting
    from kiosk.services.models import Actor, Role

    conn = services.deps.conn
    staff_id = conn.execute("SELECT id FROM staff WHERE staff_number = '7001'").fetchone()[0]
    usher = Actor(staff_id, "7001", "Bench Usher", Role.CASHIER, services.config.kiosk_id)
    door = door_setting("Door 1")
    admitted, refused, ok = [], [], 0
    for code in codes:
        start = time.perf_counter()
        result = services.admissions.admit(usher, code, door)
        admitted.append((time.perf_counter() - start) * 1000)
        ok += result.admitted
        start = time.perf_counter()
        services.admissions.admit(usher, code, door)
        refused.append((time.perf_counter() - start) * 1000)
    return admitted, refused, ok


def _sell(services, show_id: str, bookings: int) -> list[str]:
    from kiosk.services.models import Actor, Payment, Role

    conn = services.deps.conn
    with conn:  # the show may have begun ten minutes ago: late sales allowed for an hour
        conn.execute("UPDATE cinemas SET late_sale_minutes = 60")
    staff_id = conn.execute("SELECT id FROM staff WHERE staff_number = '7001'").fetchone()[0]
    cashier = Actor(staff_id, "7001", "Bench Cashier", Role.CASHIER, services.config.kiosk_id)
    pairs = _seat_pairs(hall_spec(2_000))
    codes = []
    for _ in range(bookings):
        hold = services.booking.hold(cashier, show_id, list(next(pairs)))
        booking = services.booking.confirm(cashier, hold.hold_id, {},
                                           Payment("card", card_last4="4242"))
        codes.append(booking.ticket_code)
    return codes


def _open(db: Path, endpoint: str = ""):
    from kiosk.config import Config
    from kiosk.services.app import open_services

    config = Config(db_path=db, bcrypt_rounds=4, kiosk_id="BENCH-DOOR",
                    ticket_dir=db.parent / "tickets")
    if endpoint:
        config = replace(config, cloud=replace(config.cloud, enabled=True, endpoint_url=endpoint,
                                               table=TABLE, region="ap-south-1"))
    return open_services(config)


def bench_offline(quick: bool) -> list[BenchResult]:
    bookings = 40 if quick else 200
    with tempfile.TemporaryDirectory() as tmp:
        services = _open(Path(tmp) / "door.db")
        try:
            show_id = _bench_world(services.deps.conn, _show_start())
            codes = _sell(services, show_id, bookings)
            admitted, refused, ok = _scan_times(services, codes)
        finally:
            services.close()
    median = statistics.median(admitted + refused)
    return [BenchResult(SECTION, "scan to ADMIT / refuse, offline (the door's own data)",
                        median, "ms", "< 20 ms", median < 20.0 and ok == bookings,
                        note=f"{bookings} tickets scanned twice (admit, then already admitted); "
                             f"admit {statistics.median(admitted):.2f} ms, refuse "
                             f"{statistics.median(refused):.2f} ms")]


def bench_cloud(quick: bool) -> list[BenchResult]:
    from kiosk.cloud.server import LocalCloud
    from kiosk.cloud.table import ensure_table

    bookings = 30 if quick else 150
    with tempfile.TemporaryDirectory() as tmp, LocalCloud() as cloud:
        cloud.reset()
        services = _open(Path(tmp) / "door.db", cloud.endpoint_url)
        try:
            ensure_table(services.gate.context.clients().dynamodb, TABLE)
            show_id = _bench_world(services.deps.conn, _show_start())
            codes = _sell(services, show_id, bookings)
            admitted, refused, ok = _scan_times(services, codes)
        finally:
            services.close()
    median = statistics.median(admitted + refused)
    return [BenchResult(SECTION, "scan to ADMIT / refuse, cloud on a local endpoint", median,
                        "ms", "< 150 ms", median < 150.0 and ok == bookings,
                        note=f"{bookings} tickets twice; a conditional ADMIT# write each, local "
                             f"moto server; admit {statistics.median(admitted):.2f} ms, refuse "
                             f"{statistics.median(refused):.2f} ms")]


def bench_ticket_bytes(quick: bool) -> list[BenchResult]:
    from kiosk.bench.printing import SEATS, TARGET_MS, ticket_bytes_median_ms

    median = ticket_bytes_median_ms(10 if quick else 30)
    return [BenchResult(SECTION, f"ESC/POS bytes of {SEATS} tickets (native QR, cuts)", median,
                        "ms", f"< {TARGET_MS:g} ms", median < TARGET_MS,
                        note="built on python-escpos' Dummy printer; sending not timed")]


def run(quick: bool) -> list[BenchResult]:
    return [*bench_offline(quick), *bench_cloud(quick), *bench_ticket_bytes(quick)]

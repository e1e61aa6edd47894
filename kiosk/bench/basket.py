"""The counter's basket (issue 12): 6 tickets and 8 food and drink items, one card payment.

The issue's target: such a basket confirms in under 5 ms median. Timed is the confirm alone
(``BookingService.confirm`` with ``items``: the food priced and its stock checked, the payment
split between the booking and the item sale, both written with the stock they take in one
transaction), on a temporary database with the core benchmark's 2,000-seat hall and a menu of
eight counted items; the hold before it is not timed (the seat search has its own row).
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.bench import BenchResult
from kiosk.bench.core import _bench_world, _seat_pairs, hall_spec
from kiosk.config import Config

SECTION = "basket"
TICKETS = 6
ITEM_IDS = tuple(f"bench-item-{n}" for n in range(8))


def _menu():
    from kiosk.domain.menu import Category, Menu, MenuItem

    categories = {"snacks": Category("snacks", "Snacks", 500, 0)}
    items = {item_id: MenuItem(item_id, "snacks", item_id, f"Snack {n}", "", 10_000 + n * 1_000)
             for n, item_id in enumerate(ITEM_IDS)}
    return Menu("bench", "INR", categories, items, {})


def _six_together(spec: dict):
    """Three adjacent pairs in one row, row after row: 6 seats a basket."""
    pairs = list(_seat_pairs(spec))
    for i in range(0, len(pairs) - 2, 3):
        yield [seat for pair in pairs[i:i + 3] for seat in pair]


def bench_basket(quick: bool) -> list[BenchResult]:
    from kiosk.domain.menu import Order
    from kiosk.services.app import open_services
    from kiosk.services.models import Actor, Payment, Role
    from kiosk.store.db import transaction
    from kiosk.store.menu_store import replace_menu

    baskets = 40 if quick else 150
    workdir = Path(tempfile.mkdtemp(prefix="kiosk-bench-basket-"))
    config = Config(db_path=workdir / "basket.db", bcrypt_rounds=4, kiosk_id="BENCH-1",
                    ticket_dir=workdir / "tickets")
    services = open_services(config)
    try:
        conn = services.deps.conn
        show_id = _bench_world(conn, datetime.now(UTC) + timedelta(days=1))
        with transaction(conn):
            replace_menu(conn, _menu(), {i: (1_000_000, 0) for i in ITEM_IDS}, "bench")
        staff_id = conn.execute("SELECT id FROM staff WHERE staff_number = '7001'").fetchone()[0]
        actor = Actor(staff_id, "7001", "Bench Cashier", Role.CASHIER, config.kiosk_id)
        orders = tuple(Order(item_id) for item_id in ITEM_IDS)
        payment = Payment("card", card_last4="4242")
        seats = _six_together(hall_spec(2_000))
        samples = []
        for n in range(baskets + 5):  # the first five warm the caches up, untimed
            chosen = next(seats)
            hold = services.booking.hold(actor, show_id, chosen)
            start = time.perf_counter()
            services.booking.confirm(actor, hold.hold_id, dict.fromkeys(chosen, "adult"),
                                     payment, "", orders)
            if n >= 5:
                samples.append((time.perf_counter() - start) * 1000)
        sold = conn.execute("SELECT COUNT(*) FROM item_sale_lines").fetchone()[0]
    finally:
        services.close()
        shutil.rmtree(workdir, ignore_errors=True)
    median = statistics.median(samples)
    return [BenchResult(SECTION, f"basket confirm: {TICKETS} tickets + {len(ITEM_IDS)} items, "
                                 "one card payment", median, "ms", "< 5 ms", median < 5.0,
                        note=f"{len(samples)} baskets; {sold} item lines written; "
                             "tickets, items and stock in one transaction")]


def run(quick: bool) -> list[BenchResult]:
    return bench_basket(quick)

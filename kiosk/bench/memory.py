"""Bench section "memory": the counter app's resident memory over an hour of selling (issue 15
point 6).

The real app runs in a child process (a clean heap to measure): counter mode, offscreen Qt, the
real services, bridge and seat map on a 20,000-seat hall, with an injected clock, so "an hour"
is simulated time. Every ``SALE_EVERY_S`` simulated seconds a cashier goes through the whole
sale by widget clicks: find the show, tap one to four seats on the map, then either pay (basket,
payment, ticket, new sale) or, one time in eight, go back (the hold is released). Every fifth
sale a sale from elsewhere lands on another connection (``remote_seats``, as the cloud pull
writes it), which the change feed brings to the open seat map.

Resident memory is read from ``/proc/self/statm`` after the first simulated minute and at the
end, each time after ``gc.collect()``, deferred deletes and ``malloc_trim`` (memory freed but
kept by the allocator is not a leak). Target: growth <= 10 %. ``quick``: 5 simulated minutes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosk.bench import BenchResult

SECTION = "memory"
SALE_EVERY_S = 12
TARGET_GROWTH_PCT = 10.0
HALL = (100, 200)  # rows x seats: 20,000 seats (kiosk.bench.ui.bench_hall)
WAIT_S = 60.0


def rss_bytes() -> int:
    """Resident set size of this process (second field of /proc/self/statm, in pages)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def settled_rss(app) -> int:  # type: ignore[no-untyped-def]
    """RSS once garbage is collected and Qt's deferred deletes have run."""
    import ctypes
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    return rss_bytes()


def _world(conn, clock) -> str:  # type: ignore[no-untyped-def]
    """One cinema, a 20,000-seat hall, a show this evening, a cashier 7001 / PIN 1234."""
    from datetime import timedelta

    from kiosk.bench.ui import bench_hall
    from kiosk.domain.clock import to_iso
    from kiosk.services.auth import hash_pin
    from kiosk.store.db import transaction

    layout = bench_hall(*HALL)
    with transaction(conn):
        conn.execute("INSERT INTO cinemas (id, name, city, timezone, currency) "
                     "VALUES ('mem', 'Memory Cinema', 'Bench', 'Asia/Kolkata', 'INR')")
        conn.execute("INSERT INTO halls (id, cinema_id, name, layout, seat_count) VALUES "
                     "('mem-hall', 'mem', 'Arena', ?, ?)",
                     (json.dumps(layout.to_spec()), layout.seat_count))
        conn.execute("INSERT INTO films (id, title, language, certificate, runtime_min) "
                     "VALUES ('mem-film', 'Memory Lane', 'Hindi', 'U', 120)")
        conn.execute("INSERT INTO price_lists (id, name, currency, tax_rate_bp) "
                     "VALUES ('mem-pl', 'Bench', 'INR', 1800)")
        conn.executemany("INSERT INTO prices (price_list_id, seat_type, ticket_type, amount_minor) "
                         "VALUES ('mem-pl', ?, ?, ?)",
                         [(st, tt, 25000) for st in ("standard", "premium", "recliner",
                                                     "wheelchair", "companion")
                          for tt in ("adult", "child", "senior", "student")])
        conn.execute("INSERT INTO shows (id, film_id, hall_id, starts_at, price_list_id) "
                     "VALUES ('mem-show', 'mem-film', 'mem-hall', ?, 'mem-pl')",
                     (to_iso(clock.now() + timedelta(hours=8)),))
        conn.execute("INSERT INTO staff (staff_number, name, role, pin_hash) "
                     "VALUES ('7001', 'Bench Cashier', 'cashier', ?)", (hash_pin("1234", 4),))
    return "mem-show"


class _Counter:
    """A cashier at the counter: widget clicks and key presses, waiting on what is shown."""

    def __init__(self, app, ui) -> None:  # type: ignore[no-untyped-def]
        self.app, self.ui = app, ui

    @property
    def mode(self):  # type: ignore[no-untyped-def]
        return self.ui.window.mode_widget

    def screen(self, name: str):  # type: ignore[no-untyped-def]
        return self.mode.screens[name]

    def until(self, cond, what: str) -> None:  # type: ignore[no-untyped-def]
        deadline = time.perf_counter() + WAIT_S
        while not cond():
            self.app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError(f"memory bench: waited {WAIT_S:.0f} s for {what}")
            time.sleep(0.002)

    def click(self, button) -> None:  # type: ignore[no-untyped-def]
        self.until(lambda: button.isVisible() and button.isEnabled(), button.objectName() or "a button")
        button.click()

    def keypad(self, keypad, digits: str) -> None:  # type: ignore[no-untyped-def]
        for d in digits:
            self.click(keypad.buttons[d])

    def sign_in(self) -> None:
        panel = self.screen("signin").panel
        self.until(lambda: self.mode.current_name() == "signin", "the sign-in screen")
        self.keypad(panel.keypad, "7001")
        self.click(panel.keypad.buttons["enter"])
        self.keypad(panel.keypad, "1234")
        self.click(panel.keypad.buttons["enter"])
        self.until(lambda: self.mode.current_name() == "shift_open", "the shift screen")
        shift = self.screen("shift_open")
        self.keypad(shift.keypad, "2000")
        self.click(shift.keypad.buttons["enter"])
        self.until(lambda: self.mode.current_name() == "finder", "the show finder")

    def open_show(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        finder = self.screen("finder")
        self.until(lambda: finder.model.rowCount() > 0, "the show list")
        finder.search.setFocus()
        finder.search.setText("Memory Lane")
        QTest.keyClick(finder.search, Qt.Key.Key_Return)
        self.until(lambda: self.mode.current_name() == "seats", "the seat map")

    def held(self) -> tuple[str, ...]:
        hold = self.mode.session.sale.hold
        return tuple(hold.seats) if hold else ()

    def tap(self, code: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        panel = self.screen("seats").panel
        view = next(v for v in (getattr(panel, n, None) for n in ("view", "map_view", "seat_view"))
                    if v is not None and hasattr(v, "viewport"))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_viewport_pos(code))

    def sell(self, codes: list[str], pay: bool) -> None:
        self.open_show()
        for code in codes:
            self.tap(code)
            self.until(lambda c=code: c in self.held(), f"the hold on {code}")
        if not pay:
            self.click(self.screen("seats").back_button)
            self.until(lambda: self.mode.current_name() == "finder", "the finder after going back")
            self.until(lambda: not self.ui.bridge.is_busy(), "the release")
            return
        self.click(self.screen("seats").continue_button)
        self.click(self.screen("basket").pay_button)
        self.until(lambda: self.mode.current_name() == "payment", "the payment screen")
        payment = self.screen("payment")
        self.until(lambda: bool(payment.quick_buttons), "the cash buttons")
        notes = [b for b in payment.quick_buttons if b.objectName() != "quickCashExact"]
        self.click((notes or payment.quick_buttons)[0])  # a note (change due) or the exact sum
        self.click(payment.confirm_button)
        self.until(lambda: self.mode.current_name() == "ticket", "the ticket")
        self.click(self.screen("ticket").new_sale_button)
        self.until(lambda: self.mode.current_name() == "finder", "the finder")


def simulate(minutes: int, every_s: int = SALE_EVERY_S) -> dict[str, float]:
    """Run the counter for ``minutes`` simulated minutes; RSS after the first and at the end."""
    import random
    from datetime import UTC, datetime

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.config import Config
    from kiosk.domain.clock import FakeClock, to_iso
    from kiosk.services.app import open_services
    from kiosk.store.db import connect
    from kiosk.ui.app import build_ui, create_application

    rng = random.Random(15)
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-memory-"))
    config = Config(db_path=tmp / "kiosk.db", kiosk_id="MEM-COUNTER", bcrypt_rounds=4)
    clock = FakeClock(datetime(2026, 11, 25, 6, 0, tzinfo=UTC))
    services = open_services(config, clock=clock)
    show = _world(services.deps.conn, clock)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or create_application()
    ui = build_ui(services, config, app=app, install_hooks=False, mode="counter")
    ui.window.resize(1280, 800)
    ui.window.show()
    counter = _Counter(app, ui)
    started = time.perf_counter()
    counter.sign_in()
    from kiosk.domain.layout import layout_from_json

    layout = layout_from_json(services.deps.conn.execute(
        "SELECT layout FROM halls WHERE id = 'mem-hall'").fetchone()[0])
    codes = [s.code for s in layout.seats.values() if s.type.value in ("standard", "premium")]
    mine, theirs = iter(codes), iter(reversed(codes))  # this counter from the front, others from the back
    other = connect(config.db_path)  # the cloud pull's own connection
    elapsed = sales = remote = cancels = 0
    after_minute = 0
    series: list[int] = []  # RSS every ten simulated minutes: a bounded cache levels off
    total = minutes * 60
    while elapsed < total:
        pay = rng.random() >= 1 / 8
        counter.sell([next(mine) for _ in range(rng.randint(1, 4))], pay)
        sales += pay
        cancels += not pay
        if (sales + cancels) % 5 == 0:
            with other:
                for _ in range(rng.randint(2, 6)):
                    other.execute("INSERT INTO remote_seats (show_id, seat_code, state, booking_id, "
                                  "kiosk_id, pulled_at) VALUES (?, ?, 'sold', ?, 'WEB', ?)",
                                  (show, next(theirs), f"remote-{remote}", to_iso(clock.now())))
                    remote += 1
        clock.advance(seconds=every_s)
        elapsed += every_s
        if not after_minute and elapsed >= 60:
            after_minute = settled_rss(app)
        if elapsed % 600 == 0:
            series.append(settled_rss(app))
    at_end = settled_rss(app)
    wall = time.perf_counter() - started
    other.close()
    ui.window.close()
    ui.shutdown()
    services.close()
    return {"rss_minute": after_minute, "rss_end": at_end, "sales": sales, "cancels": cancels,
            "remote": remote, "minutes": minutes, "wall_s": wall, "series": series}


def run(quick: bool) -> list[BenchResult]:
    minutes = 5 if quick else 60
    proc = subprocess.run([sys.executable, "-m", "kiosk.bench.memory", str(minutes)],
                          capture_output=True, text=True, timeout=3 * 3600, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"memory bench child failed: {proc.stderr[-2000:]}")
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    first, end = r["rss_minute"] / 1e6, r["rss_end"] / 1e6
    growth = 100.0 * (end - first) / first
    note = (f"{r['sales']} sales, {r['cancels']} gone back, {r['remote']} seats sold elsewhere on "
            f"a 20,000-seat hall; {r['wall_s']:.0f} s wall")
    if r["series"]:
        note += "; every 10 min: " + ", ".join(f"{b / 1e6:.1f}" for b in r["series"]) + " MB"
    return [
        BenchResult(SECTION, "counter RSS after 1 simulated minute", first, "MB"),
        BenchResult(SECTION, f"counter RSS after {minutes} simulated minutes", end, "MB", note=note),
        BenchResult(SECTION, "RSS growth, first minute to end", growth, "%",
                    f"<= {TARGET_GROWTH_PCT:.0f} %", growth <= TARGET_GROWTH_PCT),
    ]


if __name__ == "__main__":
    print(json.dumps(simulate(int(sys.argv[1]) if len(sys.argv) > 1 else 60)))

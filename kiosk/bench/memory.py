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


# Diagnostics, off by default (they change what they measure): KIOSK_MEMORY_TRACE=2 prints
# ``probe`` every two simulated minutes and, at the end, the objects and mappings that grew since
# the first minute; =1 adds tracemalloc (slow) and its top growth by traceback. To find a native
# leak, run the child under heaptrack for 2 and 20 minutes and diff the two (README).
TRACE_ENV = "KIOSK_MEMORY_TRACE"


def census() -> dict[str, int]:
    """Live Python objects by type name plus Qt widgets by class ("qt:" prefix): what grows."""
    import gc
    from collections import Counter

    from PySide6.QtWidgets import QApplication

    counts: Counter[str] = Counter(type(o).__qualname__ for o in gc.get_objects())
    counts.update("qt:" + w.metaObject().className() for w in QApplication.allWidgets())
    return dict(counts)


def probe(app) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Where the resident memory is: anonymous vs. file pages, SQLite's own heap, malloc's bytes
    in use and free in its main arena (free but resident: fragmentation), Python objects, live
    widgets. Not ``findChildren(QObject)``: the wrappers PySide makes for Qt's own children (a
    combo box's list view) outlive them and would be the growth measured."""
    import ctypes
    import gc

    from PySide6.QtWidgets import QApplication

    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    out = {k: int(status[k].split()[0]) << 10 for k in ("RssAnon", "RssFile", "RssShmem")}
    out |= {"rss": rss_bytes(), "py_objects": len(gc.get_objects()),
           "widgets": len(QApplication.allWidgets())}
    try:
        import _sqlite3

        used = ctypes.CDLL(_sqlite3.__file__).sqlite3_memory_used
        used.restype = ctypes.c_int64
        out["sqlite"] = int(used())
    except (OSError, AttributeError):
        pass
    try:
        class _Mallinfo2(ctypes.Structure):
            _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks",
                                                       "hblkhd", "usmblks", "fsmblks",
                                                       "uordblks", "fordblks", "keepcost")]
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _Mallinfo2
        info = libc.mallinfo2()
        out["malloc_used"] = int(info.uordblks + info.hblkhd)
        out["malloc_free"] = int(info.fordblks)
    except (OSError, AttributeError):
        pass
    import tracemalloc

    if tracemalloc.is_tracing():
        out["py_traced"] = tracemalloc.get_traced_memory()[0]
    return out


def smaps() -> dict[str, int]:
    """Resident bytes by mapping: a library by path, an anonymous mapping by its start address
    (the heap, malloc's thread arenas, Python's arenas, big blocks each apart)."""
    out: dict[str, int] = {}
    name = ""
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()
        if "-" in head[0] and ":" not in head[0]:
            name = head[5] if len(head) > 5 else "anon@" + head[0].split("-")[0]
        elif head[0] == "Rss:":
            out[name] = out.get(name, 0) + (int(head[1]) << 10)
    return out


def smaps_report(first: dict[str, int], last: dict[str, int], top: int = 25) -> str:
    """The mappings whose resident bytes changed most."""
    diff = sorted(((last.get(k, 0) - first.get(k, 0), k) for k in set(first) | set(last)),
                  key=lambda d: -abs(d[0]))
    lines = ["== resident bytes by mapping, change =="]
    lines.extend(f"{d / 1024:+.0f} KiB {k} (now {last.get(k, 0) / 1024:.0f} KiB)"
                 for d, k in diff[:top] if d)
    anon = sum(d for d, k in diff if k.startswith("anon@"))
    lines.append(f"anonymous mappings together: {anon / 1024:+.0f} KiB")
    return "\n".join(lines)


def trace_report(first: tuple, last: tuple, top: int = 25) -> str:  # type: ignore[type-arg]
    """Top allocation growth by traceback and object-count growth between two trace points."""
    (snap0, census0), (snap1, census1) = first, last
    lines = ["== tracemalloc growth (top by size, traceback) =="]
    for stat in snap1.compare_to(snap0, "traceback")[:top] if snap0 and snap1 else ():
        lines.append(f"{stat.size_diff / 1024:+.1f} KiB, {stat.count_diff:+d} blocks")
        lines.extend("    " + ln for ln in stat.traceback.format(limit=6))
    lines.append("== live objects growth ==")
    grown = sorted(((census1.get(k, 0) - census0.get(k, 0), k) for k in set(census0) | set(census1)),
                   reverse=True)
    lines.extend(f"{d:+d} {k}" for d, k in grown[:top] if d)
    return "\n".join(lines)


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
    trace = os.environ.get(TRACE_ENV, "0") != "0"  # 2: the probe only, no tracemalloc
    trace_points: list[tuple] = []  # type: ignore[type-arg]
    import tracemalloc

    if os.environ.get(TRACE_ENV) == "1":
        tracemalloc.start(12)
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
            if trace:
                trace_points.append((tracemalloc.take_snapshot(), census())
                                    if tracemalloc.is_tracing() else (None, census()))
                maps_at_minute = smaps()
        if trace and elapsed % 120 == 0:
            settled_rss(app)
            print(f"{elapsed // 60} min {probe(app)}", file=sys.stderr, flush=True)
        if elapsed % 600 == 0:
            series.append(settled_rss(app))
    at_end = settled_rss(app)
    if trace:
        trace_points.append((tracemalloc.take_snapshot(), census())
                            if tracemalloc.is_tracing() else (None, census()))
        print(trace_report(trace_points[0], trace_points[-1]), file=sys.stderr)
        print(smaps_report(maps_at_minute, smaps()), file=sys.stderr)
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

"""Bench section "manager": opening the manager dashboard over a large sales database.

Target: the dashboard open (service queries + item models + first chart + first paint,
offscreen) on a 1,000,000-booking database in <= 300 ms median. Quick mode uses 50,000 bookings.
The database is the reports engineer's cached generator (``kiosk.bench.datagen``), so a rerun
does not regenerate it.
"""

from __future__ import annotations

from kiosk.bench import BenchResult

SECTION = "manager"
TARGET_MS = 300.0


def run(quick: bool) -> list[BenchResult]:
    from kiosk.bench.datagen import report_database
    from kiosk.ui.manager.probe import time_dashboard

    bookings = 50_000 if quick else 1_000_000
    path, info, generated = report_database(bookings)
    timing = time_dashboard(path, info.report_day, repeat=3 if quick else 7)
    made = f"generated in {info.seconds:.0f} s" if generated else "cached database"
    note = (f"{info.bookings:,} bookings, {timing.bookings_on_day:,} on {info.report_day}, "
            f"{timing.shows_on_day} shows; {made}")
    return [
        BenchResult(SECTION, f"dashboard open, {info.bookings:,} bookings", timing.open_ms, "ms",
                    f"<= {TARGET_MS:.0f} ms", timing.open_ms <= TARGET_MS, note),
        BenchResult(SECTION, "dashboard refresh (queries + models + repaint)", timing.refresh_ms,
                    "ms", note="same day, window already open"),
    ]

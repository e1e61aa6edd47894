"""Timing probe for ``kiosk bench`` (section "manager"): how long the dashboard takes to open.

Lives in ``kiosk.ui`` because it needs Qt; ``kiosk.bench.manager`` imports it only inside
``run``. "Open" is what a manager waits for: the service queries (sales + occupancy), the item
models, the first chart and the first paint of the whole console, offscreen.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from datetime import time as dtime
from pathlib import Path
from statistics import median


@dataclass(frozen=True)
class DashboardTiming:
    open_ms: float  # ManagerWindow built, queries run, models filled, chart built, first paint
    refresh_ms: float  # Refresh on an open dashboard: queries + models + repaint
    bookings_on_day: int
    shows_on_day: int


def time_dashboard(db_path: Path, day: date, repeat: int = 5) -> DashboardTiming:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kiosk.bench.actors import bench_manager
    from kiosk.config import Config
    from kiosk.domain.clock import FakeClock
    from kiosk.services.app import open_services
    from kiosk.ui.bridge import Bridge
    from kiosk.ui.manager import ManagerWindow

    app = QApplication.instance() or QApplication([])
    clock = FakeClock(datetime.combine(day, dtime(12, 0), tzinfo=UTC))
    services = open_services(Config(db_path=Path(db_path)), clock=clock)
    bridge = Bridge(services)
    actor = bench_manager(services.deps.conn)  # a real staff row: the role check re-reads it
    try:
        opens, refreshes = [], []
        window = None
        for i in range(repeat + 1):  # the first run warms caches and imports QtCharts
            if window is not None:
                window.close()
                window.deleteLater()
                app.processEvents()
            start = time.perf_counter()
            window = ManagerWindow(services, bridge, actor)
            window.resize(1440, 900)
            window.show()  # builds the dashboard: queries, models, the first chart
            window.grab()  # the first paint of the whole console
            if i:
                opens.append((time.perf_counter() - start) * 1000)
        dash = window.pages["dashboard"]
        from kiosk.services.dashboard import Scope

        dash.choose(Scope())  # the chain: every cinema's shows, each currency apart
        dash.refresh()
        for _ in range(repeat):
            start = time.perf_counter()
            dash.refresh()
            window.grab()
            refreshes.append((time.perf_counter() - start) * 1000)
        report = dash.board.report if dash.board is not None else None
        bookings = sum(report.totals.column("bookings")) if report is not None else 0
        shows = dash.occupancy_model.rowCount()
        window.close()
        window.deleteLater()
        app.processEvents()
        return DashboardTiming(median(opens), median(refreshes), bookings, shows)
    finally:
        bridge.shutdown()
        services.close()

"""``kiosk bench`` section "ui": seat-map build + first paint, tap-to-repaint, app launch.

The seat map is measured offscreen in a 1280x800 view. "Build + first paint" is
``set_layout`` + ``set_statuses`` + a synchronous viewport repaint of the fitted hall; "tap to
repaint" is a synthesised mouse click on a free seat, the screen-style slot turning it into
``update_statuses``, and event processing until the seat layer has painted again. The losing
one-item-per-seat strategy is re-measured at 20,000 seats for comparison (informational).

Launch: ``python -m kiosk --windowed --demo --db <tmp>`` with ``KIOSK_BENCH_FIRST_SCREEN=1``; wall
time from spawn to the ``first-screen-ms=`` line, median of 3, on a database created by a
first, separately reported run (so the median measures launch, not the demo-data load).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosk.bench import BenchResult, median_ms
from kiosk.domain.layout import HallLayout

SECTION = "ui"
VIEW_SIZE = (1280, 800)
BUILD_TARGET_MS = 200.0
TAP_TARGET_MS = 8.0
LAUNCH_TARGET_MS = 1500.0
HALL_SHAPES = {200: (10, 20), 2_000: (40, 50), 20_000: (100, 200)}  # rows x seats per row


def bench_hall(rows: int, per_row: int) -> HallLayout:
    """A realistic big hall: aisles every 10 seats (every 20 in wide rows), a cross aisle every
    10 rows, wheelchair spaces and companions in the front row, premium and recliner rows at the back."""
    block = 10 if per_row <= 50 else 20
    specs = []
    for r in range(rows):
        kind = "R" if r == rows - 1 else "P" if r >= rows - 3 else "S"
        cells = []
        for c in range(per_row):
            if c and c % block == 0:
                cells.append("_")
            cells.append(kind)
        if r == 0 and per_row >= 8:
            cells[0], cells[1], cells[-2], cells[-1] = "W", "C", "C", "W"
        specs.append({"label": _row_label(r), "cells": "".join(cells)})
        if r % 10 == 9 and r != rows - 1:
            specs.append({"label": "", "cells": "_" * len(cells)})
    return HallLayout.from_spec({"rows": specs})


def _row_label(index: int) -> str:
    label = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        label = chr(65 + rem) + label
    return label


def random_statuses(layout: HallLayout, seed: int = 7) -> dict:
    from kiosk.services.models import SeatStatus

    rnd = random.Random(seed)
    weights = [(SeatStatus.SOLD, 0.35), (SeatStatus.HELD, 0.05), (SeatStatus.BLOCKED, 0.02),
               (SeatStatus.ALLOCATED_HERE, 0.03), (SeatStatus.FREE, 0.55)]
    statuses = {}
    for code in layout.seats:
        x = rnd.random()
        for status, weight in weights:
            if x < weight:
                statuses[code] = status
                break
            x -= weight
    return statuses


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def measure_layer(layout: HallLayout, repeat: int, taps: int) -> tuple[float, float, float]:
    """(build + first paint ms, tap-to-repaint ms fitted, the same at 1:1 zoom): SeatLayer."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from kiosk.services.models import SeatStatus
    from kiosk.ui.seatmap import SeatMapView

    app = _app()
    statuses = random_statuses(layout)
    view = SeatMapView()
    view.resize(*VIEW_SIZE)
    view.show()
    app.processEvents()

    def build() -> None:
        view.set_layout(layout, statuses)
        view.viewport().repaint()

    build_ms = median_ms(build, repeat)
    assert view.layer is not None and view.layer.last_painted > 0

    def toggle(code: str) -> None:  # what a screen does after the service accepted the tap
        now = view.status(code)
        view.update_statuses({code: SeatStatus.FREE if now == SeatStatus.HELD_BY_ME
                              else SeatStatus.HELD_BY_ME})

    view.seatTapped.connect(toggle)
    free = [c for c, s in statuses.items() if s == SeatStatus.FREE]

    def tap_samples() -> list[float]:
        rect = view.viewport().rect().adjusted(4, 4, -4, -4)
        visible = [c for c in free if rect.contains(view.seat_viewport_pos(c))]
        samples = []
        for code in visible[:: max(1, len(visible) // taps)][:taps]:
            layer = view.layer
            before = layer.paint_count
            start = time.perf_counter()
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, view.seat_viewport_pos(code))
            deadline = start + 2.0
            while layer.paint_count == before and time.perf_counter() < deadline:
                app.processEvents()
            if layer.paint_count == before:
                raise RuntimeError(f"tapping {code} never repainted the seat map")
            samples.append((time.perf_counter() - start) * 1000)
        return samples

    fitted = statistics.median(tap_samples())
    view.zoom_by(1.0 / view.zoom_factor())
    app.processEvents()
    one_to_one = statistics.median(tap_samples())
    view.seatTapped.disconnect(toggle)
    view.close()
    view.deleteLater()
    app.processEvents()
    return build_ms, fitted, one_to_one


def measure_zoom_repaint(layout: HallLayout, repeat: int) -> dict[str, float]:
    """Full-viewport repaint per zoom level (what one wheel or pinch step costs), by label."""
    from kiosk.ui.seatmap import SeatMapView

    app = _app()
    view = SeatMapView()
    view.resize(*VIEW_SIZE)
    view.show()
    view.set_layout(layout, random_statuses(layout))
    app.processEvents()
    figures = {}
    for label, zoom in (("fitted", None), ("0.5x", 0.5), ("1:1", 1.0)):
        if zoom is None:
            view.fit_to_view()
        else:
            view.zoom_by(zoom / view.zoom_factor())
        app.processEvents()
        figures[label] = median_ms(view.viewport().repaint, repeat)
    view.close()
    view.deleteLater()
    app.processEvents()
    return figures


def measure_per_item(layout: HallLayout, repeat: int, taps: int) -> tuple[float, float]:
    """The same two figures for one QGraphicsItem per seat (the rejected strategy)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

    from kiosk.services.models import SeatStatus
    from kiosk.ui.seatmap import per_item

    app = _app()
    statuses = random_statuses(layout)
    holder: dict[str, object] = {}

    class PerItemView(QGraphicsView):
        def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
            event.accept()

        def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
            point = self.mapToScene(event.position().toPoint())
            code = per_item.seat_at(self.scene(), point.x(), point.y())
            if code is not None:
                holder["items"][code].set_status(SeatStatus.HELD_BY_ME)

    view = PerItemView()
    view.resize(*VIEW_SIZE)
    view.show()
    app.processEvents()

    def build() -> None:
        scene = QGraphicsScene(view)
        items = per_item.populate(scene, layout)
        for code, status in statuses.items():
            items[code].status = status
        view.setScene(scene)
        view.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        view.viewport().repaint()
        old = holder.get("scene")
        holder.update(scene=scene, items=items)
        if old is not None:
            old.deleteLater()

    build_ms = median_ms(build, repeat)
    items = holder["items"]
    rect = view.viewport().rect()
    free = [c for c, s in statuses.items() if s == SeatStatus.FREE
            and rect.contains(view.mapFromScene(items[c].sceneBoundingRect().center()))]
    samples = []
    for code in free[:: max(1, len(free) // taps)][:taps]:
        before = per_item.SeatItem.paint_calls
        start = time.perf_counter()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier,
                         view.mapFromScene(items[code].sceneBoundingRect().center()))
        deadline = start + 2.0
        while per_item.SeatItem.paint_calls == before and time.perf_counter() < deadline:
            app.processEvents()
        if per_item.SeatItem.paint_calls != before:
            samples.append((time.perf_counter() - start) * 1000)
    view.close()
    view.deleteLater()
    app.processEvents()
    return build_ms, statistics.median(samples) if samples else float("nan")


def _first_screen(db: Path, timeout_s: float = 30.0) -> tuple[float, float] | None:
    """(wall ms from spawn to the first-screen line, the app's own figure), or None."""
    env = dict(os.environ, KIOSK_BENCH_FIRST_SCREEN="1", QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "--windowed", "--demo", "--db",
                             str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("first-screen-ms="):
                wall = (time.perf_counter() - start) * 1000
                return wall, float(line.split("=", 1)[1])
            if time.perf_counter() - start > timeout_s:
                break
        return None
    finally:
        try:
            proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def measure_launch(runs: int = 3) -> list[BenchResult]:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-launch-") as tmp:
        db = Path(tmp) / "kiosk.db"
        first = _first_screen(db, timeout_s=120.0)
        if first is None:
            return [BenchResult(SECTION, "app launch to first screen", float("nan"), "ms",
                                f"<= {LAUNCH_TARGET_MS:.0f} ms", None,
                                "skipped: the app printed no first-screen-ms line")]
        samples = [s for s in (_first_screen(db) for _ in range(runs)) if s is not None]
        if not samples:
            return [BenchResult(SECTION, "app launch to first screen", float("nan"), "ms",
                                f"<= {LAUNCH_TARGET_MS:.0f} ms", False,
                                "later launches printed no first-screen-ms line")]
        wall = statistics.median(s[0] for s in samples)
        own = statistics.median(s[1] for s in samples)
        return [
            BenchResult(SECTION, f"app launch to first screen (median of {len(samples)})", wall,
                        "ms", f"<= {LAUNCH_TARGET_MS:.0f} ms", wall <= LAUNCH_TARGET_MS,
                        f"wall time spawn -> line; app's own process-age figure {own:.0f} ms"),
            BenchResult(SECTION, "first launch incl. demo data load", first[0], "ms", "", None,
                        "empty database: schema, demo data, bcrypt PIN hashes"),
        ]


def run(quick: bool) -> list[BenchResult]:
    results: list[BenchResult] = []
    repeat, taps = (2, 8) if quick else (5, 30)
    sizes = [200, 2_000] if quick else [200, 2_000, 20_000]
    taps_at: dict[int, tuple[float, float]] = {}
    for seats in sizes:
        layout = bench_hall(*HALL_SHAPES[seats])
        build_ms, fitted, one_to_one = measure_layer(layout, repeat, taps)
        taps_at[seats] = (fitted, one_to_one)
        results.append(BenchResult(SECTION, f"seat map build + first paint, {layout.seat_count:,} seats",
                                   build_ms, "ms", f"<= {BUILD_TARGET_MS:.0f} ms",
                                   build_ms <= BUILD_TARGET_MS, "single painter item, fitted"))
    biggest = sizes[-1]
    for label, tap_ms in zip(("fitted", "1:1 zoom"), taps_at[biggest], strict=True):
        results.append(BenchResult(SECTION, f"tap to repaint, {biggest:,} seats, {label}", tap_ms,
                                   "ms", f"<= {TAP_TARGET_MS:.0f} ms", tap_ms <= TAP_TARGET_MS,
                                   "click -> seatTapped -> update_statuses -> seat repainted"))
    biggest_layout = bench_hall(*HALL_SHAPES[biggest])
    for label, ms in measure_zoom_repaint(biggest_layout, repeat).items():
        results.append(BenchResult(SECTION, f"full repaint (zoom/pan step), {biggest:,} seats, {label}",
                                   ms, "ms", "", None, "whole 1280x800 viewport"))
    if not quick:
        layout = bench_hall(*HALL_SHAPES[20_000])
        build_ms, tap_ms = measure_per_item(layout, 3, 10)
        results.append(BenchResult(SECTION, "rejected: item per seat, build + paint, 20,000",
                                   build_ms, "ms", "", None, "for comparison only"))
        results.append(BenchResult(SECTION, "rejected: item per seat, tap to repaint, 20,000",
                                   tap_ms, "ms", "", None, "for comparison only"))
    results.extend(measure_launch(1 if quick else 3))
    return results


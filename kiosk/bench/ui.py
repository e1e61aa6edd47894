"""``kiosk bench`` section "ui": seat-map build + first paint, tap-to-repaint, app launch.

The seat map is measured offscreen in a 1280x800 view. "Build + first paint" is
``set_layout`` + ``set_statuses`` + a synchronous viewport repaint of the fitted hall; "tap to
repaint" is a synthesised mouse click on a free seat, the screen-style slot turning it into
``update_statuses``, and event processing until the seat layer has painted again. The losing
one-item-per-seat strategy is re-measured at 20,000 seats for comparison (informational).

Arena (issue 15): the same figures on a generated 100,000-seat arena (``kiosk.domain.arena``:
three tiers of blocks between aisles), plus a full repaint at fitted / 0.5x / 1:1 once the zoom's
tiles are drawn (every frame while panning; target 16 ms, a frame at 60 fps), the first frame
right after a zoom step (informational: tiles drawn within a budget, the rest refined in the
next frames), the self-service section picker (blocks computed and shown; tap a block until
its seats are drawn at touch size) and the item-per-seat design at 100,000 in a child process
bounded by ``PER_ITEM_LIMIT_S``. ``--quick`` runs the arena rows on a 1,000-seat arena.

Launch: ``python -m kiosk --windowed --demo --db <tmp>`` with ``KIOSK_BENCH_FIRST_SCREEN=1``; wall
time from spawn to the ``first-screen-ms=`` line, median of 3, on a database created by a
first, separately reported run (so the median measures launch, not the demo-data load).
"""

from __future__ import annotations

import json
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
REPAINT_TARGET_MS = 16.0  # a frame at 60 frames a second
ARENA_SEATS = 100_000
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


def _settle(app, view, limit_s: float = 30.0) -> int:
    """Repaint until no tile is left to the coarse fallback; the number of frames it took."""
    view.viewport().repaint()  # the frame that finds out what is missing
    app.processEvents()
    frames = 0
    deadline = time.perf_counter() + limit_s
    while view.layer.tiles_pending and time.perf_counter() < deadline:
        view.viewport().repaint()
        app.processEvents()
        frames += 1
    return frames


ZOOMS = (("fitted", None), ("0.5x", 0.5), ("1:1", 1.0))


def measure_build_cpu(layout: HallLayout, repeat: int) -> float:
    """Median process CPU ms of build + first paint: on a machine shared with other work the
    wall time also counts waiting for a core; this is the work itself."""
    from kiosk.ui.seatmap import SeatMapView

    app = _app()
    statuses = random_statuses(layout)
    view = SeatMapView()
    view.resize(*VIEW_SIZE)
    view.show()
    app.processEvents()
    samples = []
    for _ in range(repeat + 1):
        start = time.process_time()
        view.set_layout(layout, statuses)
        view.viewport().repaint()
        samples.append((time.process_time() - start) * 1000)
    view.close()
    view.deleteLater()
    app.processEvents()
    return statistics.median(samples[1:])


def measure_zoom_repaint(layout: HallLayout, repeat: int) -> dict[str, float]:
    """Full-viewport repaint per zoom level once its tiles are drawn (a frame while panning or
    any repaint at that zoom), by label."""
    return {label: cached for label, (cached, _cold, _frames) in
            measure_zoom_frames(layout, repeat).items()}


def measure_zoom_frames(layout: HallLayout, repeat: int) -> dict[str, tuple[float, float, int]]:
    """Per zoom level: (full repaint with the tiles drawn, the first frame right after the zoom
    step, frames until every tile is drawn). Cold frames are the median of ``repeat`` steps."""
    from kiosk.ui.seatmap import SeatMapView

    app = _app()
    view = SeatMapView()
    view.resize(*VIEW_SIZE)
    view.show()
    view.set_layout(layout, random_statuses(layout))
    app.processEvents()
    figures = {}
    for label, zoom in ZOOMS:
        colds, frames = [], 0
        for step in range(repeat):
            # step away (another zoom: other tiles), then onto the level: a cold frame
            view.zoom_by(1.3 if step % 2 else 0.77)
            view.viewport().repaint()
            _settle(app, view)
            if zoom is None:
                view.fit_to_view()
            else:
                view.zoom_by(zoom / view.zoom_factor())
            start = time.perf_counter()
            view.viewport().repaint()
            colds.append((time.perf_counter() - start) * 1000)
            frames = max(frames, _settle(app, view))
        cached = median_ms(view.viewport().repaint, repeat)
        figures[label] = (cached, statistics.median(colds), frames)
    view.close()
    view.deleteLater()
    app.processEvents()
    return figures


def measure_pan(layout: HallLayout, zoom: float, frames: int, step_px: int = 24
                ) -> tuple[float, float]:
    """Pan across the hall at ``zoom``: ``step_px`` a frame, diagonally, each frame scrolled
    and painted (new tiles drawn as they come into view). (median, 95th percentile) frame ms."""
    from kiosk.ui.seatmap import SeatMapView

    app = _app()
    view = SeatMapView()
    view.resize(*VIEW_SIZE)
    view.show()
    view.set_layout(layout, random_statuses(layout))
    view.zoom_by(zoom / view.zoom_factor())
    _settle(app, view)
    h, v = view.horizontalScrollBar(), view.verticalScrollBar()
    h.setValue(h.minimum())
    v.setValue(v.minimum())
    _settle(app, view)
    samples = []
    for _ in range(frames):
        start = time.perf_counter()
        h.setValue(h.value() + step_px)
        v.setValue(v.value() + step_px // 2)
        view.viewport().repaint()
        samples.append((time.perf_counter() - start) * 1000)
        app.processEvents()
    view.close()
    view.deleteLater()
    app.processEvents()
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def measure_sections(layout: HallLayout, repeat: int) -> tuple[float, int, float, float]:
    """Self-service section picker on a fitted hall: (ms to compute the blocks and show them,
    how many, ms from a tap on a block to its seats painted at touch size, process CPU ms of
    the first figure)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from kiosk.ui.seatmap import SeatMapView

    app = _app()
    view = SeatMapView()
    view.resize(*VIEW_SIZE)
    view.show()
    view.set_layout(layout, random_statuses(layout))
    app.processEvents()

    def compute() -> None:
        view.set_touch_sections(False)
        view.set_touch_sections(True)
        view.viewport().repaint()

    compute_ms = median_ms(compute, repeat)
    cpu = []
    for _ in range(repeat):
        start = time.process_time()
        compute()
        cpu.append((time.process_time() - start) * 1000)
    count = view.section_count()
    samples = []
    for n in range(0, count, max(1, count // max(1, repeat)))[:repeat]:
        view.fit_to_view()
        view.viewport().repaint()
        before = view.layer.paint_count
        start = time.perf_counter()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, view.section_viewport_pos(n))
        view.viewport().repaint()
        _settle(app, view)
        if view.layer.paint_count > before and view.cell_px() >= 44:
            samples.append((time.perf_counter() - start) * 1000)
    view.close()
    view.deleteLater()
    app.processEvents()
    return (compute_ms, count, statistics.median(samples) if samples else float("nan"),
            statistics.median(cpu))


def measure_per_item(layout: HallLayout, repeat: int, taps: int) -> tuple[float, float, float]:
    """Build + first paint, tap to repaint and a full fitted repaint for one QGraphicsItem per
    seat (the rejected strategy)."""
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
    repaint_ms = median_ms(view.viewport().repaint, repeat)
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
    return build_ms, statistics.median(samples) if samples else float("nan"), repaint_ms


PER_ITEM_LIMIT_S = 240.0


def measure_per_item_bounded(seats: int, limit_s: float = PER_ITEM_LIMIT_S
                             ) -> tuple[float, float, float] | None:
    """``measure_per_item`` on the arena of ``seats`` in a child process, given ``limit_s``:
    100,000 Python items take long and much memory, and must not stall the bench. None when
    it ran out of time."""
    code = ("import json, sys; from kiosk.bench import ui; "
            f"print(json.dumps(ui.measure_per_item(ui.arena_hall({seats}), 1, 5)))")
    import kiosk

    root = str(Path(kiosk.__file__).resolve().parents[1])  # this checkout's kiosk, not another
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=env, timeout=limit_s, check=False)
    except subprocess.TimeoutExpired:
        return None
    try:
        build, tap, repaint = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None
    return float(build), float(tap), float(repaint)


def arena_hall(seats: int) -> HallLayout:
    """The 100,000-seat arena of ``kiosk.domain.arena``, or a small one of the same shape
    (``--quick``: 1,000 seats)."""
    from kiosk.domain.arena import ARENA_100K, Tier, arena_layout

    if seats == 100_000:
        return arena_layout(ARENA_100K)
    if seats == 1_000:
        return arena_layout((Tier(10, 4, 10), Tier(12, 5, 10)))
    raise ValueError(f"no arena of {seats} seats")


def run_arena(seats: int, repeat: int, taps: int, per_item: bool) -> list[BenchResult]:
    """Issue 15, arena seat maps: the figures of a generated arena (blocks, aisles, tiers),
    beside the item-per-seat design's."""
    layout = arena_hall(seats)
    name = f"arena {layout.seat_count:,} seats"
    out: list[BenchResult] = []
    build_ms, tap_fitted, tap_one = measure_layer(layout, repeat, taps)
    cpu_ms = measure_build_cpu(layout, repeat)
    out.append(BenchResult(SECTION, f"{name}: build + first paint", build_ms, "ms",
                           f"<= {BUILD_TARGET_MS:.0f} ms", build_ms <= BUILD_TARGET_MS,
                           f"set_layout + statuses + fitted paint (status image); "
                           f"process CPU {cpu_ms:.0f} ms"))
    frames = measure_zoom_frames(layout, repeat)
    worst = max(cached for cached, _cold, _n in frames.values())
    for label, (cached, cold, settle) in frames.items():
        out.append(BenchResult(SECTION, f"{name}: full repaint, {label}", cached, "ms",
                               f"<= {REPAINT_TARGET_MS:.0f} ms", cached <= REPAINT_TARGET_MS,
                               "1280x800, every frame while panning at this zoom"))
        out.append(BenchResult(SECTION, f"{name}: first frame after a zoom step, {label}",
                               cold, "ms", "", None,
                               f"tiles drawn within the frame budget; full detail after "
                               f"{settle} more frame(s)"))
    for label, zoom in (("0.5x", 0.5), ("1:1", 1.0)):
        median, p95 = measure_pan(layout, zoom, 30 if repeat < 5 else 120)
        out.append(BenchResult(SECTION, f"{name}: panning frame, {label}, 95th percentile",
                               p95, "ms", f"<= {REPAINT_TARGET_MS:.0f} ms",
                               p95 <= REPAINT_TARGET_MS,
                               f"24 px a frame, new tiles drawn as they show; median "
                               f"{median:.2f} ms"))
    out.append(BenchResult(SECTION, f"{name}: full repaint, max over zooms", worst, "ms",
                           f"<= {REPAINT_TARGET_MS:.0f} ms", worst <= REPAINT_TARGET_MS,
                           "fitted, 0.5x, 1:1"))
    for label, tap_ms in (("fitted", tap_fitted), ("1:1", tap_one)):
        out.append(BenchResult(SECTION, f"{name}: tap to repaint, {label}", tap_ms, "ms",
                               f"<= {TAP_TARGET_MS:.0f} ms", tap_ms <= TAP_TARGET_MS,
                               "click -> seatTapped -> update_statuses -> seat repainted"))
    compute_ms, count, pick_ms, pick_cpu = measure_sections(layout, repeat)
    out.append(BenchResult(SECTION, f"{name}: section picker, blocks computed + shown",
                           compute_ms, "ms", f"<= {BUILD_TARGET_MS:.0f} ms",
                           compute_ms <= BUILD_TARGET_MS and count > 1,
                           f"self-service, {count} blocks at 1280x800; process CPU "
                           f"{pick_cpu:.0f} ms"))
    out.append(BenchResult(SECTION, f"{name}: section picker, tap a block to its seats",
                           pick_ms, "ms", f"<= {BUILD_TARGET_MS:.0f} ms",
                           pick_ms <= BUILD_TARGET_MS, "seats at touch size, all tiles drawn"))
    if per_item:
        figures = measure_per_item_bounded(layout.seat_count)
        labels = ("build + paint", "tap to repaint", "full repaint, fitted")
        for label, value in zip(labels, figures or (float("nan"),) * 3, strict=True):
            out.append(BenchResult(SECTION, f"rejected: item per seat, {label}, "
                                   f"{layout.seat_count:,}", value, "ms", "", None,
                                   "for comparison only" if figures else
                                   f"did not finish within {PER_ITEM_LIMIT_S:.0f} s"))
    return out


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
        build_ms, tap_ms, _repaint = measure_per_item(layout, 3, 10)
        results.append(BenchResult(SECTION, "rejected: item per seat, build + paint, 20,000",
                                   build_ms, "ms", "", None, "for comparison only"))
        results.append(BenchResult(SECTION, "rejected: item per seat, tap to repaint, 20,000",
                                   tap_ms, "ms", "", None, "for comparison only"))
    results.extend(run_arena(1_000 if quick else ARENA_SEATS, repeat, taps, per_item=not quick))
    results.extend(measure_launch(1 if quick else 3))
    return results


"""Seat map widget: taps, statuses, zoom, pan, keyboard, accessibility, palette, panel."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.bench.ui import bench_hall
from kiosk.domain.layout import HallLayout
from kiosk.services.models import SeatStatus
from kiosk.ui.seatmap import SeatMapPanel, SeatMapView
from kiosk.ui.seatmap.geometry import PITCH, SeatGeometry
from tests.factories import SMALL_LAYOUT

PRICES = {("standard", "adult"): 25000, ("premium", "adult"): 35000, ("recliner", "adult"): 60000,
          ("wheelchair", "adult"): 25000, ("companion", "adult"): 25000,
          ("standard", "child"): 17500}


@pytest.fixture
def layout() -> HallLayout:
    return HallLayout.from_spec(SMALL_LAYOUT)


@pytest.fixture
def view(qtbot, layout) -> SeatMapView:
    v = SeatMapView()
    qtbot.addWidget(v)
    v.resize(900, 600)
    v.show()
    qtbot.waitExposed(v)
    v.set_layout(layout, {"B2": SeatStatus.SOLD, "B3": SeatStatus.BLOCKED, "B4": SeatStatus.HELD,
                          "C1": SeatStatus.HELD_BY_ME, "C2": SeatStatus.ALLOCATED_HERE})
    v.set_prices(PRICES, "INR")
    return v


def click(view: SeatMapView, pos: QPoint) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def cell_image(view: SeatMapView, code: str) -> QImage:
    pos = view.seat_viewport_pos(code)
    half = int(PITCH * view.zoom_factor() / 2)
    return view.viewport().grab().copy(pos.x() - half, pos.y() - half, 2 * half, 2 * half).toImage()


# --- taps ---------------------------------------------------------------------------------
@pytest.mark.parametrize("code", ["B1", "C1", "C2", "A1", "F4"])
def test_tap_on_a_takeable_seat_emits_seat_tapped(qtbot, view, code):
    with qtbot.waitSignal(view.seatTapped) as blocker, \
            qtbot.assertNotEmitted(view.unavailableTapped):
        click(view, view.seat_viewport_pos(code))
    assert blocker.args == [code]


@pytest.mark.parametrize("code", ["B2", "B3", "B4"])
def test_tap_on_sold_blocked_or_held_elsewhere_emits_unavailable(qtbot, view, code):
    with qtbot.waitSignal(view.unavailableTapped) as blocker, \
            qtbot.assertNotEmitted(view.seatTapped):
        click(view, view.seat_viewport_pos(code))
    assert blocker.args == [code]


def test_tap_in_an_aisle_or_cross_aisle_emits_nothing(qtbot, view):
    b5, b6 = view.seat_viewport_pos("B5"), view.seat_viewport_pos("B6")
    aisle = QPoint((b5.x() + b6.x()) // 2, b5.y())
    cross = QPoint(view.seat_viewport_pos("C3").x(),
                   (view.seat_viewport_pos("C3").y() + view.seat_viewport_pos("D3").y()) // 2)
    assert view.seat_at(aisle) is None and view.seat_at(cross) is None
    with qtbot.assertNotEmitted(view.seatTapped), qtbot.assertNotEmitted(view.unavailableTapped):
        click(view, aisle)
        click(view, cross)


def test_drag_pans_and_is_not_a_tap(qtbot, view):
    view.zoom_by(3.0)
    bar = view.horizontalScrollBar()
    assert bar.maximum() > 0
    start_value = bar.value()
    start = view.seat_viewport_pos("D3")
    with qtbot.assertNotEmitted(view.seatTapped), qtbot.assertNotEmitted(view.unavailableTapped):
        QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        for step in range(1, 6):
            QTest.mouseMove(view.viewport(), start + QPoint(step * 30, 0))
        QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           start + QPoint(150, 0))
    assert bar.value() < start_value  # dragging right moves the view left


# --- statuses -----------------------------------------------------------------------------
def test_update_statuses_changes_state_and_pixels_of_only_that_seat(qtbot, view):
    before = cell_image(view, "D4")
    neighbour_before = cell_image(view, "D5")
    painted = view.layer.paint_count
    view.update_statuses({"D4": SeatStatus.HELD_BY_ME, "NOPE99": SeatStatus.SOLD})
    qtbot.waitUntil(lambda: view.layer.paint_count > painted)
    assert view.status("D4") == SeatStatus.HELD_BY_ME
    assert view.layer.last_painted <= 9  # a 3x3 neighbourhood at most, not the hall
    assert cell_image(view, "D4") != before
    assert cell_image(view, "D5") == neighbour_before


def test_each_status_draws_differently(qtbot, view):
    images = {}
    for status in SeatStatus:
        view.update_statuses({"D4": status})
        images[status] = cell_image(view, "D4")
    assert len({img.cacheKey() for img in images.values()}) == len(SeatStatus)
    for a in SeatStatus:
        for b in SeatStatus:
            if a != b:
                assert images[a] != images[b], (a, b)


def test_set_statuses_is_a_full_refresh(view):
    view.set_statuses({"A3": SeatStatus.SOLD})
    statuses = view.statuses()
    assert statuses["A3"] == SeatStatus.SOLD
    assert statuses["B2"] == SeatStatus.FREE  # was sold, not named now
    assert sum(1 for s in statuses.values() if s != SeatStatus.FREE) == 1


def test_description_names_seat_type_status_and_adult_price(view):
    assert view.seat_description("E3") == "Seat E3, premium, free, ₹350.00"
    assert view.seat_description("B2") == "Seat B2, standard, sold, ₹250.00"
    assert view.seat_description("A1") == "Seat A1, wheelchair space, free, ₹250.00"
    assert view.seat_description("C1") == "Seat C1, standard, selected, ₹250.00"


def test_hover_and_press_report_the_seat_for_the_price_label(qtbot, view):
    # QTest.mouseMove sends nothing when the cursor already rests there (an earlier test may
    # have left it on F2): start from a corner away from every seat.
    QTest.mouseMove(view.viewport(), QPoint(1, 1))
    with qtbot.waitSignal(view.seatInspected) as blocker:
        QTest.mouseMove(view.viewport(), view.seat_viewport_pos("F2"))
    assert blocker.args == ["F2"]


# --- zoom ---------------------------------------------------------------------------------
def test_zoom_buttons_fit_and_wheel(qtbot, view):
    fitted = view.zoom_factor()
    scene = view.scene().sceneRect()
    assert view.visible_scene_rect().adjusted(-1, -1, 1, 1).contains(scene)
    view.zoom_in()
    assert view.zoom_factor() == pytest.approx(fitted * 1.25)
    view.zoom_out()
    view.zoom_out()
    assert view.zoom_factor() < fitted
    view.zoom_by(100)
    assert view.zoom_factor() == pytest.approx(3.0)  # clamped
    assert not view.visible_scene_rect().contains(scene)
    view.fit_to_view()
    assert view.zoom_factor() == pytest.approx(fitted)
    anchor = view.seat_viewport_pos("D4")
    QTest.mouseMove(view.viewport(), anchor)
    wheel_from = view.zoom_factor()
    view.wheelEvent(_wheel(view, anchor, 240))
    assert view.zoom_factor() > wheel_from
    assert view.seat_at(anchor) == "D4"  # the seat under the pointer stays under it


def _wheel(view, pos: QPoint, delta: int):
    from PySide6.QtGui import QWheelEvent

    return QWheelEvent(QPointF(pos), QPointF(view.viewport().mapToGlobal(pos)), QPoint(0, 0),
                       QPoint(0, delta), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                       Qt.ScrollPhase.NoScrollPhase, False)


def test_pinch_zooms_around_the_fingers(view):
    anchor = view.seat_viewport_pos("E5")
    start = view.zoom_factor()
    view.apply_pinch(1.5, QPointF(anchor))
    assert view.zoom_factor() == pytest.approx(start * 1.5)
    assert view.seat_at(anchor) == "E5"
    view.apply_pinch(0.5, QPointF(anchor))
    assert view.zoom_factor() < start * 1.5


def test_resize_refits_until_the_user_zooms(qtbot, view):
    view.resize(450, 300)
    qtbot.waitUntil(lambda: view.visible_scene_rect().adjusted(-1, -1, 1, 1)
                    .contains(view.scene().sceneRect()))
    view.zoom_in()
    zoom = view.zoom_factor()
    view.resize(900, 600)
    assert view.zoom_factor() == pytest.approx(zoom)


# --- keyboard and accessibility -----------------------------------------------------------
def test_arrow_keys_skip_aisles_and_cross_aisles_and_space_taps(qtbot, view):
    view.setFocus()
    view.set_focused_seat("B5")
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert view.focused_seat == "B6"  # across the centre aisle
    QTest.keyClick(view, Qt.Key.Key_Left)
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert view.focused_seat == "B4"
    view.set_focused_seat("C3")
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.focused_seat == "D3"  # over the cross aisle
    QTest.keyClick(view, Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_Up)
    assert view.focused_seat == "B3"
    view.set_focused_seat("A1")
    QTest.keyClick(view, Qt.Key.Key_Left)
    QTest.keyClick(view, Qt.Key.Key_Up)
    assert view.focused_seat == "A1"  # edges hold
    view.set_focused_seat("D4")
    QTest.keyClick(view, Qt.Key.Key_End)
    assert view.focused_seat == "D12"
    QTest.keyClick(view, Qt.Key.Key_Home)
    assert view.focused_seat == "D1"
    view.set_focused_seat("D4")
    with qtbot.waitSignal(view.seatTapped) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Space)
    assert blocker.args == ["D4"]
    view.set_focused_seat("B2")
    with qtbot.waitSignal(view.unavailableTapped) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == ["B2"]


def test_first_arrow_press_lands_in_the_middle_and_draws_a_cursor(qtbot, view):
    view.setFocus()
    before = view.viewport().grab().toImage()
    QTest.keyClick(view, Qt.Key.Key_Down)
    code = view.focused_seat
    assert code is not None
    qtbot.waitUntil(lambda: view.viewport().grab().toImage() != before)
    assert view.layer.focus_index == view.geo.index[code]


def test_accessible_name_follows_the_focused_seat(qtbot, view):
    view.set_focused_seat("E3")
    assert view.accessibleName() == "Seat E3, premium, free, ₹350.00"
    view.update_statuses({"E3": SeatStatus.HELD_BY_ME})
    assert view.accessibleName() == "Seat E3, premium, selected, ₹350.00"
    with qtbot.waitSignal(view.focusedSeatChanged) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Right)
    assert blocker.args == ["E4"]
    assert view.accessibleName().startswith("Seat E4, premium")


# --- palette ------------------------------------------------------------------------------
def test_high_contrast_palette_changes_the_drawing(qtbot, view):
    normal = view.viewport().grab().toImage()
    view.set_palette(True)
    qtbot.waitUntil(lambda: view.viewport().grab().toImage() != normal)
    corner = view.viewport().grab().toImage().pixelColor(2, 2)
    assert corner.lightness() < 20  # black background
    view.set_palette(False)
    qtbot.waitUntil(lambda: view.viewport().grab().toImage() == normal)


# --- panel --------------------------------------------------------------------------------
@pytest.fixture
def panel(qtbot, layout) -> SeatMapPanel:
    p = SeatMapPanel()
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.set_layout(layout, {"A3": SeatStatus.SOLD})
    p.set_prices(PRICES, "INR")
    p.show()
    qtbot.waitExposed(p)
    return p


def test_best_together_control_emits_count_and_accessibility(qtbot, panel):
    best = panel.best
    qtbot.mouseClick(best.plus, Qt.MouseButton.LeftButton)
    assert best.count.value() == 3
    qtbot.mouseClick(best.accessible, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.bestRequested) as blocker:
        qtbot.mouseClick(best.find, Qt.MouseButton.LeftButton)
    assert blocker.args == [3, True]
    assert "3" in best.find.text()
    best.count.setValue(1)
    assert not best.minus.isEnabled()
    best.count.setValue(10)
    assert not best.plus.isEnabled()


def test_panel_buttons_drive_the_view_and_forward_taps(qtbot, panel):
    view = panel.view
    fitted = view.zoom_factor()
    qtbot.mouseClick(panel.zoom_in_button, Qt.MouseButton.LeftButton)
    assert view.zoom_factor() > fitted
    qtbot.mouseClick(panel.fit_button, Qt.MouseButton.LeftButton)
    assert view.zoom_factor() == pytest.approx(fitted)
    with qtbot.waitSignal(panel.seatTapped) as blocker:
        click(view, view.seat_viewport_pos("D2"))
    assert blocker.args == ["D2"]
    assert panel.info.text() == "Seat D2, standard, free, ₹250.00"
    with qtbot.waitSignal(panel.unavailableTapped):
        click(view, view.seat_viewport_pos("A3"))


def test_legend_lists_the_halls_seat_types_and_rare_statuses(panel):
    keys = panel.legend.shown_keys()
    assert {"type:premium", "type:recliner", "type:wheelchair", "type:companion"} <= set(keys)
    assert "status:blocked" not in keys
    panel.update_statuses({"B1": SeatStatus.BLOCKED})
    assert "status:blocked" in panel.legend.shown_keys()
    premium = panel.legend.entries["type:premium"]
    assert premium.label.text() == "Premium ₹350.00"


def test_touch_targets_are_at_least_48_px(panel):
    for widget in (panel.zoom_in_button, panel.zoom_out_button, panel.fit_button, panel.best.plus,
                   panel.best.minus, panel.best.count, panel.best.find, panel.best.accessible):
        assert widget.height() >= 48 and widget.width() >= 48, widget
    view = panel.view
    assert PITCH * view.zoom_factor() >= 48  # a 58-seat hall fits with full-size seats


def test_panel_screenshot_is_not_blank(panel, tmp_path):
    path = tmp_path / "seatmap.png"
    assert panel.grab().save(str(path))
    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}
    assert len(colours) > 8


# --- big halls ----------------------------------------------------------------------------
def test_twenty_thousand_seats_repaint_only_the_changed_seat(qtbot):
    big = bench_hall(100, 200)
    assert big.seat_count == 20_000
    v = SeatMapView()
    qtbot.addWidget(v)
    v.resize(1280, 800)
    v.show()
    qtbot.waitExposed(v)
    v.set_layout(big)
    qtbot.waitUntil(lambda: v.layer.paint_count > 0)
    assert v.layer.last_painted == 20_000
    painted = v.layer.paint_count
    v.update_statuses({"AX100": SeatStatus.SOLD})
    qtbot.waitUntil(lambda: v.layer.paint_count > painted)
    assert v.layer.last_painted <= 9
    assert v.seat_at(v.seat_viewport_pos("AX100")) == "AX100"


def test_hit_test_finds_every_seat_at_its_centre_and_nothing_between(layout):
    geo = SeatGeometry(layout)
    for i, code in enumerate(geo.codes):
        cell = geo.cell(i)
        assert geo.codes[geo.seat_at(cell.x + PITCH / 2, cell.y + PITCH / 2)] == code
        assert geo.codes[geo.seat_at(cell.x + 0.5, cell.y + PITCH - 0.5)] == code
    assert geo.seat_at(-5, geo.seats_top + 5) is None
    assert geo.seat_at(5, 5) is None  # the screen bar
    found = geo.seats_in_rect(0, geo.row_y(1), PITCH * 3 - 1, geo.row_y(3) - 1)
    assert sorted(geo.codes[i] for i in found) == ["B1", "B2", "B3", "C1", "C2", "C3"]


# --- touch --------------------------------------------------------------------------------
def test_finger_tap_selects_and_two_finger_pinch_zooms_without_tapping(qtbot, view):
    device = QTest.createTouchDevice()
    pos = view.seat_viewport_pos("D4")
    with qtbot.waitSignal(view.seatTapped) as blocker:
        QTest.touchEvent(view.viewport(), device).press(0, pos).commit()
        QTest.touchEvent(view.viewport(), device).release(0, pos).commit()
    assert blocker.args == ["D4"]
    start = view.zoom_factor()
    left, right = pos - QPoint(40, 0), pos + QPoint(40, 0)
    with qtbot.assertNotEmitted(view.seatTapped), qtbot.assertNotEmitted(view.unavailableTapped):
        QTest.touchEvent(view.viewport(), device).press(0, left).press(1, right).commit()
        for step in range(1, 8):
            QTest.touchEvent(view.viewport(), device).move(0, left - QPoint(10 * step, 0)) \
                .move(1, right + QPoint(10 * step, 0)).commit()
            QApplication.processEvents()  # the gesture recogniser runs per touch update
        QTest.touchEvent(view.viewport(), device).release(0, left - QPoint(70, 0)) \
            .release(1, right + QPoint(70, 0)).commit()
        qtbot.waitUntil(lambda: view.zoom_factor() > start * 1.5)


def test_seat_count_stays_readable_under_a_themed_stylesheet(qtbot, panel):
    panel.setStyleSheet("QSpinBox { min-width: 64px; padding: 0px; font-size: 34px; } "
                        "QSpinBox QLineEdit { min-height: 0px; padding: 0px; border: none; }")
    qtbot.waitUntil(lambda: panel.best.count.lineEdit().width() >= 40)
    QTest.keyClick(panel.best.count, Qt.Key.Key_Up)
    assert panel.best.count.value() == 3


# --- bench section ------------------------------------------------------------------------
@pytest.mark.slow
def test_ui_bench_quick_measures_the_map_and_the_real_launch(qapp):
    from kiosk.bench import ui as bench_ui

    results = {r.name: r for r in bench_ui.run(quick=True)}
    builds = [r for name, r in results.items() if name.startswith("seat map build")]
    assert len(builds) == 2 and all(r.value > 0 and r.unit == "ms" for r in builds)
    taps = [r for name, r in results.items() if name.startswith("tap to repaint")]
    assert len(taps) == 2 and all(0 < r.value < 1000 for r in taps)
    arena = [r for name, r in results.items() if name.startswith("arena 1,000 seats")]
    assert any("section picker" in r.name for r in arena)
    assert all(r.value == r.value and r.value >= 0 for r in arena)  # measured, not NaN
    launch = next(r for name, r in results.items() if name.startswith("app launch"))
    assert launch.value == launch.value, launch.note  # not NaN: the app printed its line
    assert 100 < launch.value < 60_000


def test_ui_bench_reports_a_missing_launch_hook_as_skipped(monkeypatch):
    from kiosk.bench import ui as bench_ui

    monkeypatch.setattr(bench_ui, "_first_screen", lambda db, timeout_s=30.0: None)
    (result,) = bench_ui.measure_launch(1)
    assert result.ok is None and "skipped" in result.note


def test_tooltip_shows_the_seat_and_its_price(qtbot, view):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    pos = view.seat_viewport_pos("F2")
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "Seat F2, recliner, free, ₹600.00"
    QToolTip.hideText()


def test_zoom_buttons_disable_at_their_limits(qtbot, panel):
    for _ in range(20):
        if not panel.zoom_in_button.isEnabled():
            break
        qtbot.mouseClick(panel.zoom_in_button, Qt.MouseButton.LeftButton)
    assert not panel.zoom_in_button.isEnabled()
    assert panel.view.zoom_factor() == pytest.approx(3.0)
    for _ in range(40):
        if not panel.zoom_out_button.isEnabled():
            break
        qtbot.mouseClick(panel.zoom_out_button, Qt.MouseButton.LeftButton)
    assert not panel.zoom_out_button.isEnabled()
    assert panel.view.zoom_factor() == pytest.approx(panel.view.zoom_limits()[0])


def test_a_full_refresh_repaints_only_the_seats_that_changed(qtbot, view):
    statuses = view.statuses()
    statuses["E5"] = SeatStatus.SOLD
    painted = view.layer.paint_count
    view.set_statuses(statuses)
    qtbot.waitUntil(lambda: view.layer.paint_count > painted)
    assert view.layer.last_painted <= 9
    assert view.status("E5") == SeatStatus.SOLD
    painted = view.layer.paint_count
    view.set_statuses({code: SeatStatus.SOLD for code in view.statuses()})
    qtbot.waitUntil(lambda: view.layer.paint_count > painted)
    assert all(s == SeatStatus.SOLD for s in view.statuses().values())
    assert view.layer.last_painted > 9  # many changed seats: a wide repaint


# --- geometry properties ------------------------------------------------------------------

_row_cells = st.text(alphabet="SPRWC_", min_size=1, max_size=14)


@st.composite
def layouts(draw) -> HallLayout:
    rows = draw(st.lists(_row_cells, min_size=1, max_size=8))
    if all(set(r) <= {"_"} for r in rows):
        rows[0] = "S" + rows[0][1:]
    specs = [{"label": chr(65 + n) if set(cells) - {"_"} else "", "cells": cells}
             for n, cells in enumerate(rows)]
    return HallLayout.from_spec({"rows": specs})


@settings(max_examples=60, deadline=None)
@given(layouts())
def test_geometry_hit_tests_and_navigation_on_any_layout(layout):
    geo = SeatGeometry(layout)
    assert sorted(geo.codes) == sorted(layout.seats)
    for i, code in enumerate(geo.codes):
        cell = geo.cell(i)
        assert geo.seat_at(cell.x + PITCH / 2, cell.y + PITCH / 2) == i
        seat = layout.seats[code]
        assert (geo.rows_of[i], geo.cols_of[i]) == (seat.row_index, seat.column)
        for d_row, d_col in ((0, 1), (0, -1), (1, 0), (-1, 0)):
            j = geo.neighbour(i, d_row, d_col)
            if d_col:
                assert geo.rows_of[j] == geo.rows_of[i]
                assert j == i or (geo.cols_of[j] - geo.cols_of[i]) * d_col > 0
            else:
                assert j == i or (geo.rows_of[j] - geo.rows_of[i]) * d_row > 0
    for row in geo.seat_rows:  # Right from the first seat walks the whole row in order
        walk = [geo.row_seats[row][0]]
        while (nxt := geo.neighbour(walk[-1], 0, 1)) != walk[-1]:
            walk.append(nxt)
        assert walk == list(geo.row_seats[row])
    x, y, w, h = geo.scene_bounds()
    assert geo.seats_in_rect(x, y, x + w, y + h) == list(range(len(geo)))


def test_a_new_hall_resets_focus_and_the_accessible_name(view):
    view.set_focused_seat("E3")
    assert view.accessibleName().startswith("Seat E3")
    view.set_layout(bench_hall(10, 20))
    assert view.focused_seat is None
    assert view.accessibleName() == "Seat map"
    assert len(view.statuses()) == 200 and set(view.statuses().values()) == {SeatStatus.FREE}


def test_sprite_cache_draws_what_the_vector_painter_draws(qtbot, view):
    view.zoom_by(0.6 / view.zoom_factor())  # a fractional scale: the hard case for blitting
    sprites = view.viewport().grab().toImage()
    view.layer.use_sprites = False
    view.layer.update()
    qtbot.waitUntil(lambda: view.viewport().grab().toImage() != sprites)
    vectors = view.viewport().grab().toImage()
    assert sprites.size() == vectors.size()
    step, differ, total = 2, 0, 0
    for x in range(0, sprites.width(), step):
        for y in range(0, sprites.height(), step):
            total += 1
            a, b = QColor(sprites.pixel(x, y)), QColor(vectors.pixel(x, y))
            differ += abs(a.lightness() - b.lightness()) > 80
    assert differ / total < 0.015  # measured 0.5 %: anti-aliased edges shift by <= half a pixel


def test_a_failing_paint_is_logged_not_fatal(qtbot, view, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(view.layer, "_paint_frame", broken)
    painted = view.layer.paint_count
    view.layer.statuses_reset()  # drop the cached tiles: the next paint draws (and fails)
    qtbot.waitUntil(lambda: view.layer.paint_count > painted)
    assert "seat map paint failed" in caplog.text
    monkeypatch.undo()
    view.update_statuses({"D4": SeatStatus.SOLD})  # still alive and drawing
    assert view.status("D4") == SeatStatus.SOLD


def test_a_fitted_hall_never_shows_scroll_bars(qtbot):
    """The demo's Audi 1 in a 972x441 view fits exactly in width (972 / 1800 * 1800 is
    972.0000000000001): scroll bars appeared, shrank the viewport, the refit hid them, and so on,
    an endless resize loop that froze the self-service seat screen at 1366x860."""
    from kiosk.store.demo import load_dataset

    hall = next(h for h in load_dataset().halls if h["id"] == "mum-andheri-1")
    v = SeatMapView()
    qtbot.addWidget(v)
    v.set_layout(HallLayout.from_spec(hall["layout"]))
    v.resize(972, 441)
    v.show()
    qtbot.waitExposed(v)
    QApplication.processEvents()
    assert not v.horizontalScrollBar().isVisible() and not v.verticalScrollBar().isVisible()
    rect = v.scene().sceneRect()
    scale = v.zoom_factor()
    assert rect.width() * scale < v.viewport().width()
    assert rect.height() * scale < v.viewport().height()


# --- one palette (issue 14 defect 6) ------------------------------------------------------
def test_high_contrast_gives_each_colour_one_meaning():
    from kiosk.ui.seatmap.palette import HIGH_CONTRAST

    meanings = HIGH_CONTRAST.meanings()
    clashes = {colour: m for colour, m in meanings.items() if len(m) > 1}
    assert not clashes
    yellow = QColor("#ffff00").name()
    assert meanings[yellow] == {"status:held_by_me"}  # yellow is "selected", nothing else
    assert HIGH_CONTRAST.fill("premium", SeatStatus.FREE).name() != yellow
    assert HIGH_CONTRAST.mark(SeatStatus.HELD).name() != yellow


@pytest.mark.parametrize("high_contrast", [False, True])
def test_every_state_and_type_draws_differently_in_either_theme(high_contrast):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPixmap

    from kiosk.ui.seatmap.painting import paint_seat
    from kiosk.ui.seatmap.palette import SEAT_TYPES, palette_for

    palette = palette_for(high_contrast)

    def draw(seat_type, status):
        pixmap = QPixmap(52, 52)
        pixmap.fill(palette.background)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_seat(painter, QRectF(0, 0, 52, 52), seat_type, status, palette, 7)
        painter.end()
        return pixmap.toImage()

    for seat_type in SEAT_TYPES:
        images = [draw(seat_type, status) for status in SeatStatus]
        assert all(a != b for n, a in enumerate(images) for b in images[n + 1:]), seat_type
    free = [draw(seat_type, SeatStatus.FREE) for seat_type in SEAT_TYPES]
    assert all(a != b for n, a in enumerate(free) for b in free[n + 1:])


def test_state_is_readable_without_colour_in_high_contrast(qtbot, view):
    """Greyscale the high-contrast drawing: every state still looks different (the marks)."""
    view.set_palette(True)
    images = {}
    for status in SeatStatus:
        view.update_statuses({"D4": status})
        image = cell_image(view, "D4").convertToFormat(QImage.Format.Format_Grayscale8)
        images[status] = image
    for a in SeatStatus:
        for b in SeatStatus:
            if a != b:
                assert images[a] != images[b], (a, b)


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_hall_editor_draws_a_seat_type_as_the_sales_map_does(qtbot, monkeypatch,
                                                                  high_contrast):
    from PySide6.QtCore import QRect, QRectF
    from PySide6.QtGui import QPainter, QPixmap

    from kiosk.ui.manager import hall_editor
    from kiosk.ui.seatmap.painting import paint_seat
    from kiosk.ui.seatmap.palette import palette_for

    monkeypatch.setattr(hall_editor, "high_contrast", lambda: high_contrast)
    grid = hall_editor.HallGrid()
    qtbot.addWidget(grid)
    grid.set_spec({"rows": [{"label": "A", "cells": "SPRWC"}]})
    grid.set_cell_size(52)
    shot = grid.grab().toImage()
    palette = palette_for(high_contrast)
    for column, seat_type in enumerate(("standard", "premium", "recliner", "wheelchair",
                                        "companion")):
        expected = QPixmap(52, 52)
        expected.fill(palette.background)
        painter = QPainter(expected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_seat(painter, QRectF(0, 0, 52, 52), seat_type, SeatStatus.FREE, palette,
                   column + 1)
        painter.end()
        cell = shot.copy(QRect(hall_editor.LABEL_W + column * 52, 4, 52, 52))
        assert cell == expected.toImage().convertToFormat(cell.format()), seat_type


# --- sections of a big hall (issue 14 defect 5) -------------------------------------------
@settings(max_examples=60, deadline=None)
@given(layouts(), st.integers(1, 6), st.integers(1, 12))
def test_sections_hold_every_seat_once_and_fit_the_screen(layout, max_rows, max_cols):
    from kiosk.ui.seatmap.sections import hall_sections

    sections = hall_sections(layout, max_rows, max_cols)
    seen = [code for section in sections for code in section.seats]
    assert sorted(seen) == sorted(layout.seats)
    for section in sections:
        assert section.row_span <= max_rows and section.col_span <= max_cols
        for code in section.seats:
            seat = layout.seats[code]
            assert section.first_row <= seat.row_index <= section.last_row
            assert section.first_col <= seat.column <= section.last_col


def test_sections_follow_aisles_and_cross_aisles():
    from kiosk.ui.seatmap.sections import hall_sections

    hall = bench_hall(20, 30)  # aisles every 10 seats, a cross aisle after row 10
    sections = hall_sections(hall, max_rows=10, max_cols=12)
    assert [(s.rows_text, s.first_col, s.last_col, len(s.seats)) for s in sections] == [
        ("A\u2013J", 0, 9, 100), ("A\u2013J", 11, 20, 100), ("A\u2013J", 22, 31, 100),
        ("K\u2013T", 0, 9, 100), ("K\u2013T", 11, 20, 100), ("K\u2013T", 22, 31, 100)]
    # room for the whole hall: one block
    (whole,) = hall_sections(hall, max_rows=30, max_cols=40)
    assert len(whole.seats) == 600 and whole.rows_text == "A\u2013T"


def test_touch_sections_appear_only_where_seats_are_too_small(qtbot, layout):
    small = SeatMapView()
    qtbot.addWidget(small)
    small.set_touch_sections(True)
    small.resize(900, 600)
    small.show()
    qtbot.waitExposed(small)
    small.set_layout(layout)
    assert not small.sections_visible() and small.section_count() == 0
    big = SeatMapView()
    qtbot.addWidget(big)
    big.set_touch_sections(True)
    big.resize(900, 600)
    big.show()
    qtbot.waitExposed(big)
    big.set_layout(bench_hall(50, 50))
    assert big.sections_visible() and big.section_count() > 1
    big.show_section(0)
    assert big.cell_px() >= 44 and not big.sections_visible()
    big.fit_to_view()
    assert big.sections_visible()
    counter = SeatMapView()  # the counter's map (mouse, staff) never shows blocks
    qtbot.addWidget(counter)
    counter.resize(900, 600)
    counter.show()
    counter.set_layout(bench_hall(50, 50))
    assert not counter.sections_visible()

"""Arena-shaped halls on the seat map (issue 15): the self-service section picker finds the
arena's blocks and a tap on one shows its seats at touch size. A small generated arena (same
shape as the 100,000-seat one of the bench) keeps this fast."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.domain.arena import Tier, arena_layout
from kiosk.services.models import SeatStatus
from kiosk.ui.seatmap import SeatMapView
from kiosk.ui.seatmap.view import TOUCH_MIN_PX

ARENA = (Tier(16, 4, 12), Tier(20, 5, 12))  # 768 + 1,200 seats, 4 and 5 blocks a row


def test_the_section_picker_finds_the_arena_blocks_and_opens_one_at_touch_size(qtbot):
    layout = arena_layout(ARENA)
    view = SeatMapView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_layout(layout, {"A5": SeatStatus.SOLD})
    view.set_touch_sections(True)
    assert view.cell_px() < TOUCH_MIN_PX and view.sections_visible()
    sections = view.overlay.sections
    # 12-seat blocks; a 900x600 screen shows 12 rows: tiers of 16 and 20 rows split in two
    assert len(sections) == 2 * 4 + 2 * 5
    assert sorted(c for s in sections for c in s.seats) == sorted(layout.seats)
    for section in sections:  # one block each: never across an aisle
        assert section.col_span == 12 and len(section.seats) == 12 * section.row_span
        assert all(layout.seats[c].column in range(section.first_col, section.last_col + 1)
                   for c in section.seats)
    assert view.overlay.free_count(0) == len(sections[0].seats) - 1  # A5 is sold

    block = 4 * 2 + 2  # the upper tier, front band, third block
    with qtbot.waitSignal(view.sectionPicked) as picked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.section_viewport_pos(block))
    assert picked.args == [block]
    assert view.cell_px() >= TOUCH_MIN_PX and not view.sections_visible()
    seats = sections[block].seats
    for code in (seats[0], seats[-1]):
        assert view.viewport().rect().contains(view.seat_viewport_pos(code))
    with qtbot.waitSignal(view.seatTapped) as tapped:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.seat_viewport_pos(seats[5]))
    assert tapped.args == [seats[5]]


def test_a_status_change_under_the_arena_blocks_updates_the_free_count(qtbot):
    view = SeatMapView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_layout(arena_layout(ARENA))
    view.set_touch_sections(True)
    first = view.overlay.sections[0]
    assert view.overlay.free_count(0) == len(first.seats)
    view.update_statuses({first.seats[0]: SeatStatus.SOLD, first.seats[1]: SeatStatus.HELD})
    assert view.overlay.free_count(0) == len(first.seats) - 2
    assert view.status(first.seats[0]) == SeatStatus.SOLD


def _settled_grab(qtbot, view):
    qtbot.waitUntil(lambda: view.layer.paint_count > 0 and not view.layer.tiles_pending)
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def _hall_view(qtbot, layout, statuses=None) -> SeatMapView:
    view = SeatMapView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_layout(layout, statuses)
    return view


def test_a_changed_seat_is_patched_into_the_cached_tiles_exactly(qtbot):
    """2,000 seats fitted in 900x600 are tiled; a status change redraws that cell inside the
    cached tiles (no tile re-rendered) and the result is what a fresh map draws."""
    from kiosk.bench.ui import bench_hall

    layout = bench_hall(40, 50)
    changed = {"T25": SeatStatus.SOLD, "A3": SeatStatus.HELD_BY_ME}
    view = _hall_view(qtbot, layout)
    _settled_grab(qtbot, view)
    assert view.layer.last_painted > 800 and view.layer._tiles  # the tiled path
    rendered = view.layer.tiles_rendered
    painted = view.layer.paint_count
    view.update_statuses(changed)
    qtbot.waitUntil(lambda: view.layer.paint_count > painted)
    assert view.layer.tiles_rendered == rendered
    fresh = _hall_view(qtbot, layout, changed)
    assert _settled_grab(qtbot, view) == _settled_grab(qtbot, fresh)


def test_after_a_zoom_step_the_tiles_converge_to_the_drawn_seats(qtbot):
    """Progressive tiles: whatever the first frame left coarse is refined from the event loop,
    and the settled map matches the seats drawn straight (within anti-aliased edges)."""
    from PySide6.QtGui import QColor

    from kiosk.bench.ui import bench_hall, random_statuses

    layout = bench_hall(40, 50)
    view = _hall_view(qtbot, layout, random_statuses(layout))
    view.zoom_by(1.6)
    tiled = _settled_grab(qtbot, view)
    assert view.layer.last_painted > 800
    view.layer.use_tiles = False
    rendered = view.layer.tiles_rendered
    direct = view.viewport().grab().toImage()  # grab() paints now, straight: no tiles
    assert view.layer.tiles_rendered == rendered
    differ = total = 0
    for x in range(0, tiled.width(), 3):
        for y in range(0, tiled.height(), 3):
            total += 1
            a, b = QColor(tiled.pixel(x, y)), QColor(direct.pixel(x, y))
            differ += abs(a.lightness() - b.lightness()) > 80
    assert differ / total < 0.03


def test_tiles_around_the_view_are_drawn_while_idle_so_a_pan_finds_them(qtbot):
    from kiosk.bench.ui import bench_hall

    view = _hall_view(qtbot, bench_hall(40, 50))
    view.zoom_by(1.6)
    _settled_grab(qtbot, view)
    qtbot.waitUntil(lambda: not view.layer._ring)  # the ring around the view, drawn when idle
    rendered = view.layer.tiles_rendered
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 60)
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 40)
    view.viewport().repaint()
    assert view.layer.tiles_rendered == rendered and not view.layer.tiles_pending

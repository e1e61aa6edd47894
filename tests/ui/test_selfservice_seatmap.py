"""Self-service seats at touch size (issue 14 defect 5): a big hall is picked block by block,
a small one is not; pinch zoom; the step strip on every step of the sale."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.bench.ui import bench_hall
from kiosk.services.app import open_services
from kiosk.ui.bridge import Bridge
from kiosk.ui.seatmap.view import TOUCH_MIN_PX
from kiosk.ui.selfservice import SelfServiceWidget
from kiosk.ui.selfservice.steps import Step
from tests.factories import make_world
from tests.ui.test_selfservice import click, hold_seats, to_review, to_seats

BIG_HALL = bench_hall(50, 50).to_spec()  # 2,500 seats


@pytest.fixture
def make_kiosk(qtbot, clock):
    """A self-service widget at kiosk size over a test world whose hall is ``layout``."""
    made = []

    def build(config, layout: dict | None = None):
        config = replace(config, self_service_idle_s=600.0)
        services = open_services(config, clock=clock)
        services.world = make_world(services.deps.db, clock, layout)
        bridge = Bridge(services)
        widget = SelfServiceWidget(services, bridge, config)
        qtbot.addWidget(widget)
        widget.resize(1366, 860)
        widget.show()
        qtbot.waitExposed(widget)
        made.append((widget, bridge, services))
        return widget, services

    yield build
    for widget, bridge, services in made:
        widget.shutdown()
        bridge.wait_idle(5000)
        services.close()


def test_a_small_hall_shows_every_seat_at_touch_size_without_blocks(qtbot, make_kiosk, config):
    kiosk, _ = make_kiosk(config)
    to_seats(qtbot, kiosk)
    view = kiosk.seats.view
    assert view.cell_px() >= TOUCH_MIN_PX
    assert not view.needs_sections() and not view.sections_visible()
    assert not view.overlay.isVisible()


def test_a_big_hall_is_picked_by_block_then_its_seats_are_touch_size(qtbot, make_kiosk,
                                                                      config):
    kiosk, services = make_kiosk(config, BIG_HALL)
    to_seats(qtbot, kiosk)
    view = kiosk.seats.view
    assert view.cell_px() < TOUCH_MIN_PX  # 2,500 seats fitted: far too small to tap
    assert view.sections_visible() and view.overlay.isVisible()
    assert 2 <= view.section_count() <= 60
    assert "block" in kiosk.seats.map.info.text()
    # a tap on the map picks a block, not a 7 px seat
    block = view.section_count() // 2
    with qtbot.waitSignal(view.sectionPicked) as picked, qtbot.assertNotEmitted(view.seatTapped):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.section_viewport_pos(block))
    assert picked.args == [block]
    assert view.cell_px() >= TOUCH_MIN_PX and not view.sections_visible()
    seat = view.overlay.sections[block].seats[0]
    pos = view.seat_viewport_pos(seat)
    assert view.viewport().rect().contains(pos)  # the block's seats are on screen
    hold_seats(qtbot, kiosk, seat)
    assert list(kiosk.sale.hold.seats) == [seat]
    # "Whole hall" goes back to the blocks
    click(qtbot, kiosk.seats.map.fit_button)
    assert view.sections_visible()


def test_best_seats_in_a_big_hall_open_their_block(qtbot, make_kiosk, config):
    kiosk, _ = make_kiosk(config, BIG_HALL)
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    click(qtbot, kiosk.films.tile_for("The Test Pattern"))
    click(qtbot, kiosk.shows.cards()[0])
    click(qtbot, kiosk.count.buttons[2])
    qtbot.waitUntil(lambda: kiosk.sale.hold is not None and not kiosk.seats.is_busy(),
                    timeout=5000)
    view = kiosk.seats.view
    assert view.cell_px() >= TOUCH_MIN_PX
    for code in kiosk.sale.hold.seats:
        assert view.viewport().rect().contains(view.seat_viewport_pos(code))


def test_pinch_zooms_the_self_service_map(qtbot, make_kiosk, config):
    kiosk, _ = make_kiosk(config, BIG_HALL)
    to_seats(qtbot, kiosk)
    view = kiosk.seats.view
    start = view.zoom_factor()
    device = QTest.createTouchDevice()
    centre = view.viewport().rect().center()
    left, right = centre - QPoint(40, 0), centre + QPoint(40, 0)
    with qtbot.assertNotEmitted(view.seatTapped):
        QTest.touchEvent(view.viewport(), device).press(0, left).press(1, right).commit()
        for step in range(1, 10):
            QTest.touchEvent(view.viewport(), device).move(0, left - QPoint(15 * step, 0)) \
                .move(1, right + QPoint(15 * step, 0)).commit()
            QApplication.processEvents()  # the gesture recogniser runs per touch update
        QTest.touchEvent(view.viewport(), device).release(0, left - QPoint(135, 0)) \
            .release(1, right + QPoint(135, 0)).commit()
        qtbot.waitUntil(lambda: view.zoom_factor() > start * 1.5)
    view.apply_pinch(20.0, QPointF(centre))  # fingers spread far: seats reach touch size
    assert view.cell_px() >= TOUCH_MIN_PX and not view.sections_visible()


def test_zoom_buttons_say_what_they_do(qtbot, make_kiosk, config):
    kiosk, _ = make_kiosk(config)
    to_seats(qtbot, kiosk)
    panel = kiosk.seats.map
    assert "Zoom out" in panel.zoom_out_button.text()
    assert "Zoom in" in panel.zoom_in_button.text()
    assert panel.fit_button.text() == "Whole hall"
    for b in (panel.zoom_out_button, panel.zoom_in_button, panel.fit_button):
        fits = b.fontMetrics().horizontalAdvance(b.text()) <= b.width()
        assert fits and b.height() >= 48, b.text()


def test_the_step_strip_shows_the_current_step_on_every_step(qtbot, make_kiosk, config):
    kiosk, _ = make_kiosk(config)

    def strip_of(name):
        return kiosk.screen(name).findChildren(type(kiosk.seats.header.steps))[0]

    def current(name):
        strip = strip_of(name)
        assert strip.isVisible(), name
        now = [step for step, text in strip.labels.items() if text.property("ss") == "step-now"]
        done = [step for step, text in strip.labels.items() if text.property("ss") == "step-done"]
        assert done == [s for s in Step if s < now[0]], name
        return now[0]

    assert kiosk.current_name() == "attract"
    to_seats(qtbot, kiosk)
    assert current("seats") == Step.SEATS
    assert strip_of("seats").accessibleName() == "Step 4 of 7: Seats"
    assert strip_of("seats").labels[Step.FILM].text() == "\u2713 Film"
    hold_seats(qtbot, kiosk, "C3")
    click(qtbot, kiosk.seats.continue_button)
    assert current("tickets") == Step.TYPES
    click(qtbot, kiosk.tickets.header.back)
    click(qtbot, kiosk.seats.header.back)
    assert current("shows") == Step.SHOW
    click(qtbot, kiosk.shows.header.back)
    assert current("films") == Step.FILM
    click(qtbot, kiosk.films.tile_for("The Test Pattern"))
    click(qtbot, kiosk.shows.cards()[0])
    assert current("count") == Step.TICKETS
    click(qtbot, kiosk.count.pick_button)
    hold_seats(qtbot, kiosk, "C3")
    to_review(qtbot, kiosk)
    assert current("review") == Step.PAY
    with qtbot.waitSignal(kiosk.saleCompleted, timeout=10000):
        click(qtbot, kiosk.review.confirm_button)
    assert current("done") == Step.DONE
    click(qtbot, kiosk.done.done_button)
    assert not strip_of("collect").isVisible()


def test_start_screen_toggles_are_big_labelled_and_say_their_state(qtbot):
    from kiosk.ui.selfservice.attract import AttractScreen

    attract = AttractScreen()
    qtbot.addWidget(attract)
    attract.resize(1366, 860)
    attract.show()
    qtbot.waitExposed(attract)
    assert attract.access_hint.text() == "Easier to see"
    assert attract.language_hint.text() == "Choose your language"
    assert attract.contrast_button.text() == "\u25d0  High contrast"
    with qtbot.waitSignal(attract.contrastToggled) as toggled:
        qtbot.mouseClick(attract.contrast_button, Qt.MouseButton.LeftButton)
    assert toggled.args == [True]
    assert attract.contrast_button.text() == "\u2713 High contrast"  # on, without colour
    for b in (attract.contrast_button, attract.large_button, *attract.language_buttons.values()):
        fits = b.fontMetrics().horizontalAdvance(b.text()) <= b.width()
        assert b.height() >= 56 and fits, b.text()

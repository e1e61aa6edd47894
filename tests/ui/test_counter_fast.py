"""A faster counter (issue 13 point 6): the show-time grid of this counter's cinema, quantity
presets, and "two adults for the evening show" to a printed ticket in at most 4 actions."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from kiosk.ui.counter.showtimes import fill_level

WAIT = 10_000


@pytest.fixture
def printer_file(tmp_path):
    return tmp_path / "printer.bin"


@pytest.fixture
def ui_config(config, printer_file):
    return replace(config, kiosk_id="TEST-COUNTER", cinema_id="cin-test",
                   thermal_printer=f"file:{printer_file}")


class Actions:
    """Counts what the cashier does: every click is one action."""

    def __init__(self, driver):
        self.driver = driver
        self.count = 0

    def click(self, widget):
        self.count += 1
        self.driver.click(widget)


def _shot(widget, name):
    if os.environ.get("KIOSK_SHOTS"):
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        widget.window().grab().save(os.path.join(os.environ["KIOSK_SHOTS"], name))


def test_two_adults_for_the_evening_show_to_a_printed_ticket_in_four_actions(
        driver, qtbot, services, printer_file):
    driver.start()  # signed in, shift open: the counter's morning, not the sale
    finder = driver.screen("finder")
    assert finder.views.currentIndex() == 0  # a counter of one cinema opens on its show times
    grid = finder.grid
    assert "show-future" in grid.show_buttons and "show-later" not in grid.show_buttons  # today
    _shot(finder, "counter-showtimes.png")
    actions = Actions(driver)
    actions.click(grid.preset_buttons[(2, 0)])                  # 1: "2 adults"
    actions.click(grid.show_buttons["show-future"])             # 2: the 20:30 show
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    sale = driver.mode.session.sale
    assert len(sale.seats) == 2 and set(sale.ticket_types.values()) == {"adult"}
    _shot(payment, "counter-quick-payment.png")
    actions.click(payment.quick_buttons[0])                     # 3: exact cash
    actions.click(payment.confirm_button)                       # 4: confirm
    driver.wait_screen("ticket")
    ticket = driver.screen("ticket")
    qtbot.waitUntil(lambda: "printed" in ticket.output_label.text(), timeout=WAIT)
    assert actions.count <= 4
    booking = sale.booking
    assert printer_file.read_bytes().count(booking.ticket_code.encode()) == 2


def test_a_family_preset_holds_children_too_and_a_full_show_goes_to_the_map(driver, qtbot,
                                                                            services):
    driver.start()
    grid = driver.screen("finder").grid
    driver.click(grid.preset_buttons[(2, 2)])
    driver.click(grid.show_buttons["show-future"])
    driver.wait_screen("payment")
    types = sorted(driver.mode.session.sale.ticket_types.values())
    assert types == ["adult", "adult", "child", "child"]


def test_fill_levels_say_how_full_a_show_is():
    from datetime import UTC, datetime

    from kiosk.services.models import ShowSummary

    def show(left, total=100):
        return ShowSummary(show_id="s", film_id="f", film_title="F", certificate="U",
                           language="Hindi", genres=(), runtime_min=90, cinema_id="c",
                           cinema_name="C", city="X", hall_id="h", hall_name="H",
                           starts_at=datetime(2026, 11, 25, 15, 0, tzinfo=UTC),
                           local_start=datetime(2026, 11, 25, 20, 30), timezone="Asia/Kolkata",
                           seats_total=total, seats_left=left, currency="INR",
                           from_price_minor=100)

    assert [fill_level(show(n)) for n in (80, 30, 8, 0)] == ["plenty", "filling", "few",
                                                              "sold_out"]


def test_a_late_quick_sale_answer_is_dropped_and_its_seats_given_back(driver, qtbot, services,
                                                                       monkeypatch):
    """Review finding: the cashier moved on (Refund) before the best seats came back: they
    must not be pulled to payment, and the seats must not stay held."""
    import threading

    driver.start()
    grid = driver.screen("finder").grid
    go_on = threading.Event()
    real = services.booking.hold_best

    def slow_hold_best(*args, **kwargs):
        go_on.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(services.booking, "hold_best", slow_hold_best)
    driver.click(grid.preset_buttons[(2, 0)])
    driver.click(grid.show_buttons["show-future"])
    driver.click(grid.show_buttons["show-future"])  # the nervous double tap: one request
    driver.mode.open_refund()
    go_on.set()
    driver.wait_idle()
    qtbot.waitUntil(lambda: services.deps.conn.execute(
        "SELECT COUNT(*) FROM holds").fetchone()[0] == 0, timeout=WAIT)
    assert driver.mode.current_name() == "refund"
    assert driver.mode.session.sale.hold is None

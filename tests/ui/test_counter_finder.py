"""The show finder on the demo dataset: today first, each filter, the search box, Enter opens."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from tests.ui.conftest import CounterDriver

WAIT = 10_000


def shows(finder):
    return finder.model.shows()


def pick(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_finder_filters_and_search(qtbot, demo_ui, clock):
    driver = CounterDriver(qtbot, demo_ui)
    driver.sign_in("1001", "1234")
    driver.wait_screen("shift_open")
    driver.click(driver.screen("shift_open").skip)
    driver.wait_screen("finder")
    finder = driver.screen("finder")

    everything = shows(finder)
    assert len(everything) > 50
    now = clock.now()
    firsts = [s for s in everything
              if s.local_start.date() == now.astimezone(ZoneInfo(s.timezone)).date()]
    assert everything[: len(firsts)] == firsts  # today's shows come first
    assert all(s.starts_at > now for s in everything)  # nothing in the past is offered

    pick(finder.city, "Hyderabad")
    assert shows(finder) and {s.city for s in shows(finder)} == {"Hyderabad"}
    cinema_ids = [finder.cinema.itemData(i) for i in range(1, finder.cinema.count())]
    assert cinema_ids  # the cinema list follows the city
    pick(finder.cinema, cinema_ids[0])
    assert {s.cinema_id for s in shows(finder)} == {cinema_ids[0]}

    driver.click(finder.clear_button)
    assert len(shows(finder)) == len(everything)

    pick(finder.language, "Telugu")
    assert shows(finder) and {s.language for s in shows(finder)} == {"Telugu"}
    finder.clear_filters()
    pick(finder.genre, "Animation")
    assert shows(finder) and all("Animation" in s.genres for s in shows(finder))
    finder.clear_filters()

    tomorrow = finder.day.itemData(2)
    pick(finder.day, tomorrow)
    assert shows(finder)
    assert {s.local_start.date() for s in shows(finder)} == {tomorrow}
    assert tomorrow - now.date() <= timedelta(days=2)
    finder.clear_filters()

    title = everything[-1].film_title
    qtbot.keyClicks(finder.search, title.lower())  # typed as it comes, in any case
    qtbot.waitUntil(lambda: len(shows(finder)) < len(everything), timeout=WAIT)
    assert shows(finder) and {s.film_title for s in shows(finder)} == {title}
    chosen = finder.selected_show()
    qtbot.keyClick(finder.search, Qt.Key.Key_Return)
    driver.wait_screen("seats")
    assert driver.mode.session.sale.show.summary.show_id == chosen.show_id


def test_locked_staff_sees_why(driver, qtbot, services):
    panel = driver.screen("signin").panel
    for _ in range(services.config.lockout_attempts):
        panel.staff_field.setText("1002")
        qtbot.keyClicks(panel.pin_field, "0000")
        qtbot.keyClick(panel.pin_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: panel.sign_in_button.isEnabled(), timeout=WAIT)
    qtbot.keyClicks(panel.pin_field, "2345")  # the right PIN, too late
    qtbot.keyClick(panel.pin_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.sign_in_button.isEnabled(), timeout=WAIT)
    assert driver.mode.session.actor is None
    assert "lock" in panel.message.text().lower()

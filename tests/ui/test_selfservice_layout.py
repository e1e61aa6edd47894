"""Issue 14 defects 12 and 3, self-service: the film grid uses the width under one compact
filter bar with a single scroll area, and a show's cinema and screen are never elided, in every
language and with large text."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QScrollArea

from kiosk.ui.selfservice.films import ChipGroup, FilterBox

LONG_CINEMA = "Charminar Screens Ameerpet Hyderabad"
LONG_HALL = "Screen 3 Dolby Atmos Recliner Lounge"


@pytest.fixture
def ss_ui(qtbot, qapp, services, ui_config):
    from tests.ui.conftest import close_ui, open_ui

    ui = open_ui(qtbot, qapp, services, replace(ui_config, mode="self-service"), "self-service")
    yield ui
    from kiosk.ui.i18n import language_manager

    language_manager().set_language("en")
    ui.window.theme.set_large_text(False)
    close_ui(ui)


def _settle() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(4):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _films(ui):
    kiosk = ui.window.mode_widget
    kiosk.start()
    _settle()
    assert kiosk.current_name() == "films"
    return kiosk.films


def _more_films(services, n: int) -> None:
    db = services.deps.db
    for i in range(n):
        db["films"].insert({"id": f"film-{i}", "title": f"Reel {i}", "language": "Tamil",
                            "genres": json.dumps(["Drama"]), "certificate": "U",
                            "runtime_min": 100})
        db["shows"].insert({"id": f"show-x{i}", "film_id": f"film-{i}", "hall_id": "hall-test",
                            "starts_at": f"2026-11-26T{10 + i:02d}:00:00+00:00",
                            "price_list_id": "pl-test"})


def test_the_filters_are_one_bar_above_the_grid_and_only_the_grid_scrolls(ss_ui, services):
    films = _films(ss_ui)
    bar = films.filter_bar
    assert bar.isVisible()
    assert isinstance(films.groups["day"], ChipGroup)
    assert all(isinstance(films.groups[k], FilterBox) and films.groups[k].isVisible()
               for k in ("city", "cinema", "language", "genre"))
    assert films.groups["language"].currentText() == "All languages"
    scrolls = [s for s in films.findChildren(QScrollArea) if s.isVisible()]
    assert scrolls == [films.scroll]  # no second, scrolling filter column
    top_of_grid = films.scroll.mapTo(films, QPoint(0, 0)).y()
    assert bar.mapTo(films, QPoint(0, bar.height())).y() <= top_of_grid
    assert bar.height() <= 3 * 72  # a compact bar, not a column
    assert films.scroll.width() >= films.width() - 40  # the grid has the whole width


def test_the_film_grid_fills_the_width(ss_ui, services):
    _more_films(services, 8)
    films = _films(ss_ui)
    films.refresh()
    _settle()
    tiles = films.tiles()
    assert len(tiles) == 9
    first_row = [t for t in tiles if t.y() == min(t.y() for t in tiles)]
    assert len(first_row) >= 4
    viewport = films.scroll.viewport().width()
    right = max(t.geometry().right() for t in first_row)
    assert viewport - right <= 16  # no blank band on the right
    assert len({t.width() for t in first_row}) == 1


def test_choosing_from_a_filter_box_narrows_the_films(ss_ui, services):
    _more_films(services, 2)
    films = _films(ss_ui)
    films.refresh()
    films.groups["genre"].pick("Drama")
    assert films.query().genre == "Drama"
    films.groups["language"].pick("Tamil")
    assert {t.film["title"] for t in films.tiles()} == {"Reel 0", "Reel 1"}
    films.clear_button.click()
    assert films.groups["language"].value() is None and len(films.tiles()) == 3


@pytest.mark.parametrize(("language", "large"), [("en", False), ("hi", False), ("te", True),
                                                 ("hi", True)])
def test_a_show_line_names_the_whole_cinema_and_screen(ss_ui, services, qtbot, language, large):
    from kiosk.ui.i18n import language_manager

    services.deps.db["cinemas"].update("cin-test", {"name": LONG_CINEMA})
    services.deps.db["halls"].update("hall-test", {"name": LONG_HALL})
    language_manager().set_language(language)
    ss_ui.window.theme.set_large_text(large)
    _settle()
    films = _films(ss_ui)
    kiosk = ss_ui.window.mode_widget
    kiosk.choose_film(films.tile_for("The Test Pattern").film, films.query())
    _settle()
    cards = kiosk.shows.cards()
    assert cards
    for card in cards:
        text = card.place.text()
        assert "…" not in text
        assert text.replace("\n", " ").replace(" · ", " ") == f"{LONG_CINEMA} {LONG_HALL}"
        assert text.count("\n") >= 1  # too long for one line: the screen goes below
        for line in card.labels:  # every line whole and inside its card
            assert line.width() >= line.sizeHint().width() - 1
            assert line.geometry().bottom() <= card.height()
        assert card.height() <= card.natural_height() + 2  # no blank band inside the card


def test_a_film_tile_shows_its_whole_title_on_as_many_lines_as_it_needs(qtbot):
    from kiosk.ui.selfservice.films import TILE_POSTER, FilmTile

    film = {"id": "long", "title": "The Extraordinarily Long Journey of the Clockmaker's Fox",
            "language": "Hindi", "genres": ["Drama"], "certificate": "U", "runtime_min": 100,
            "next_show_times": []}
    tile = FilmTile(film)
    short = FilmTile({**film, "id": "short", "title": "Fox"})
    for widget in (tile, short):
        qtbot.addWidget(widget)
    assert tile.text_lines() == [film["title"]]  # every word, nothing elided
    assert tile.accessibleName() == film["title"]
    width = TILE_POSTER.width() + 16
    line = tile.title.fontMetrics().height()
    # the title wraps at the tile's width and the tile grows by the lines it needs
    assert tile.title.heightForWidth(width - 16) >= 2 * line
    assert tile.heightForWidth(width) - short.heightForWidth(width) >= line


def test_the_synopsis_shows_only_in_the_language_it_is_written_in():
    from kiosk.ui.names import synopsis_text

    film = {"synopsis": "A cleaning robot discovers colour."}
    assert synopsis_text(film, "en") == "A cleaning robot discovers colour."
    assert synopsis_text(film, "hi") == "" and synopsis_text(film, "te") == ""
    assert synopsis_text({"synopsis": None}, "en") == ""


def test_a_film_tile_lists_the_soonest_days_times_in_clock_order():
    from datetime import UTC, datetime, timedelta, timezone

    from kiosk.ui.selfservice.films import soonest_day_times

    kolkata, dubai = timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=4))
    starts = [  # soonest instant first, as the catalogue gives them
        datetime(2026, 11, 25, 10, 0, tzinfo=kolkata),   # 04:30 UTC
        datetime(2026, 11, 25, 9, 30, tzinfo=dubai),     # 05:30 UTC
        datetime(2026, 11, 25, 11, 0, tzinfo=dubai),     # 07:00 UTC
        datetime(2026, 11, 26, 9, 0, tzinfo=kolkata),    # the next day: not on the tile
    ]
    starts.sort(key=lambda s: s.astimezone(UTC))
    shown = soonest_day_times(starts)
    assert [s.strftime("%H:%M") for s in shown] == ["09:30", "10:00", "11:00"]
    assert soonest_day_times([]) == []
    assert len(soonest_day_times([starts[0]] * 5)) == 3

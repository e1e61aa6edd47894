"""Schedule editor (shows with inline overlap errors, films, price lists, import preview) and the
hall painter, driven by clicks and keys over the test world."""

from __future__ import annotations

import json
from datetime import timedelta

from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from PySide6.QtWidgets import QPushButton

from kiosk.services.models import Payment
from kiosk.ui.manager.hall_editor import LABEL_W
from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import audit_rows, click, select_row, sell

cashier, manager, open_console = fx.cashier, fx.manager, fx.open_console


def button(widget, name) -> QPushButton:
    found = widget.findChild(QPushButton, name)
    assert found is not None, name
    return found


def set_local_start(tab, moment) -> None:
    tab.start.setDateTime(QDateTime(QDate(moment.year, moment.month, moment.day),
                                    QTime(moment.hour, moment.minute)))


def test_show_overlap_is_shown_inline_and_refused_then_a_free_slot_saves(qtbot, open_console, manager,
                                                                          services):
    window = open_console(manager)
    screen = window.show_page("schedule")
    tab = screen.shows
    existing = services.schedule.show(services.world.show_id)  # 20:30 local, 120 min + 15 cleaning
    set_local_start(tab, existing.local_start + timedelta(minutes=100))
    assert tab.clash.isVisible()
    assert "Overlaps The Test Pattern 20:30-22:45" in tab.clash.text()
    before = len(services.schedule.list_shows())
    click(qtbot, button(tab, "saveShow"))
    assert "Hall is busy" in screen.banner.text()
    assert len(services.schedule.list_shows()) == before
    set_local_start(tab, existing.local_start + timedelta(minutes=135))  # exactly when it is free
    assert not tab.clash.isVisible()
    click(qtbot, button(tab, "saveShow"))
    assert "Saved" in screen.banner.text()
    shows = services.schedule.list_shows()
    assert len(shows) == before + 1
    new = next(s for s in shows if s.show_id == tab.editing)
    assert new.local_start.strftime("%d %H:%M") == "25 22:45" and new.starts_at.strftime("%H:%M") == "17:15"
    assert any(r[0] == new.local_start for r in tab.model.rows)
    assert audit_rows(services, "show.add")[-1]["target"] == new.show_id
    # Cancel it again from the table.
    select_row(tab.table, lambda s: s.show_id == new.show_id)
    click(qtbot, button(tab, "cancelShow"))
    assert services.schedule.show(new.show_id).status == "cancelled"


def test_add_a_film_and_it_is_offered_for_shows(qtbot, open_console, manager, services):
    window = open_console(manager)
    screen = window.show_page("schedule")
    screen.tabs.setCurrentWidget(screen.films)
    films = screen.films
    click(qtbot, button(films, "newFilm"))
    qtbot.keyClicks(films.title, "Monsoon Letters")
    qtbot.keyClicks(films.language, "Malayalam")
    qtbot.keyClicks(films.genres, "Drama, Romance")
    films.runtime.setValue(134)
    click(qtbot, button(films, "saveFilm"))
    film = next(f for f in services.schedule.list_films() if f.title == "Monsoon Letters")
    assert (film.language, film.genres, film.runtime_min) == ("Malayalam", ("Drama", "Romance"), 134)
    assert screen.shows.film.findData(film.film_id) >= 0
    # Editing: a runtime of zero is refused in the banner.
    select_row(films.table, lambda f: f.film_id == film.film_id)
    assert films.title.text() == "Monsoon Letters"
    films.title.clear()
    click(qtbot, button(films, "saveFilm"))
    assert "title" in screen.banner.text()


def test_price_list_grid_edit_and_refusal(qtbot, open_console, manager, services):
    window = open_console(manager)
    screen = window.show_page("schedule")
    screen.tabs.setCurrentWidget(screen.prices)
    tab = screen.prices
    assert tab.grid.item(0, 0).text() == "250.00"  # standard adult
    tab.grid.item(2, 1).setText("450.50")  # recliner child
    click(qtbot, button(tab, "savePriceList"))
    assert services.schedule.price_list(services.world.price_list_id).prices[("recliner", "child")] == 45_050
    tab.grid.item(1, 0).setText("")  # premium adult missing
    click(qtbot, button(tab, "savePriceList"))
    assert "premium adult" in screen.banner.text()
    tab.grid.item(1, 0).setText("abc")
    click(qtbot, button(tab, "savePriceList"))
    assert "not an amount" in screen.banner.text()
    assert services.schedule.price_list(services.world.price_list_id).prices[("premium", "adult")] == 35_000


def test_import_preview_errors_block_apply_then_a_good_file_imports(qtbot, open_console, manager,
                                                                   services, tmp_path, monkeypatch):
    from kiosk.ui.manager import common

    bad = tmp_path / "films-bad.csv"
    bad.write_text("id,title,language,genres,certificate,runtime_min,synopsis\n"
                   "paper-boats,Paper Boats,Marathi,Family|Drama,U,118,Boats.\n"
                   "broken,,Tamil,Thriller,UA,95,No title.\n"
                   "too-long,Too Long,Tamil,Thriller,UA,-5,A negative runtime.\n", encoding="utf-8")
    good = tmp_path / "films-good.csv"
    good.write_text("id,title,language,genres,certificate,runtime_min,synopsis\n"
                    "paper-boats,Paper Boats,Marathi,Family|Drama,U,118,Boats.\n"
                    "night-bus,Night Bus to Ooty,Tamil,Thriller,UA,124,A bus.\n", encoding="utf-8")
    window = open_console(manager)
    screen = window.show_page("schedule")
    screen.tabs.setCurrentWidget(screen.importer)
    tab = screen.importer
    tab.kind.setCurrentIndex(tab.kind.findData("films"))
    monkeypatch.setattr(common, "ask_open_path", lambda *_a: bad)
    click(qtbot, button(tab, "chooseImport"))
    assert not tab.apply_button.isEnabled()
    assert sorted(r[0] for r in tab.error_model.rows) == ["Line 3", "Line 4"]
    assert "Nothing was imported" in tab.summary.text()
    assert services.deps.conn.execute("SELECT COUNT(*) FROM films").fetchone()[0] == 1
    monkeypatch.setattr(common, "ask_open_path", lambda *_a: good)
    click(qtbot, button(tab, "chooseImport"))
    assert tab.preview_model.rowCount() == 2 and tab.error_model.rowCount() == 0
    click(qtbot, tab.apply_button)
    assert "Imported 2 rows" in screen.banner.text()
    titles = {f.title for f in services.schedule.list_films()}
    assert {"Paper Boats", "Night Bus to Ooty"} <= titles
    assert screen.shows.film.count() == 3


def cell_pos(grid, row: int, col: int) -> QPoint:
    return QPoint(LABEL_W + col * grid.cell + grid.cell // 2, 4 + row * grid.cell + grid.cell // 2)


def test_hall_painter_validates_as_you_paint_and_saves(qtbot, open_console, manager, cashier, services):
    sell(services, cashier, services.world.show_id, ["F8"], Payment("cash", tendered_minor=60_000))
    window = open_console(manager)
    screen = window.show_page("halls")
    grid = screen.grid
    assert grid.rows[6] == ["F", "RRRR______RRRR"]
    assert "62 seats" in screen.status.text() and screen.save_button.isEnabled()
    # Painting F8 (row 6, last column) as a gap would drop a seat sold for an upcoming show.
    click(qtbot, button(screen, "brush_gap"))
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=cell_pos(grid, 6, 13))
    assert grid.rows[6][1] == "RRRR______RRR_"
    assert "F8" in screen.status.text() and not screen.save_button.isEnabled()
    assert (6, 13) not in grid.problem_seats  # the seat is gone, nothing left to outline
    click(qtbot, button(screen, "brush_R"))
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=cell_pos(grid, 6, 13))
    assert screen.save_button.isEnabled()
    # A wheelchair space without a companion: outlined and named.
    click(qtbot, button(screen, "brush_S"))
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=cell_pos(grid, 0, 1))  # A2 C -> S
    assert "A1" in screen.status.text() and (0, 0) in grid.problem_seats
    screen.companion.setChecked(False)  # this venue does not pair them
    assert screen.save_button.isEnabled()
    # Drag-paint four seats into the aisle of row B, then rename the cross aisle row.
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=cell_pos(grid, 1, 5))
    for col in (6, 7, 8):
        qtbot.mouseMove(grid, cell_pos(grid, 1, col))
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=cell_pos(grid, 1, 8))
    assert grid.rows[1][1] == "SSSSSSSSSSSSSS"
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=QPoint(LABEL_W // 2, cell_pos(grid, 1, 0).y()))
    assert screen.row_label.text() == "B"
    screen.row_label.selectAll()
    qtbot.keyClicks(screen.row_label, "BB")
    assert grid.rows[1][0] == "BB"
    click(qtbot, screen.save_button)
    hall = services.schedule.hall(services.world.hall_id)
    assert hall.seat_count == 66 and not hall.companion_required
    assert "BB14" in hall.layout.seats and "F8" in hall.layout.seats
    assert json.loads(audit_rows(services, "hall.update")[-1]["detail"])["seats"] == 66


def test_new_hall_from_the_painter(qtbot, open_console, manager, services):
    window = open_console(manager)
    screen = window.show_page("halls")
    click(qtbot, button(screen, "newHall"))
    screen.name.clear()
    qtbot.keyClicks(screen.name, "Screen 2")
    click(qtbot, button(screen, "addRow"))
    click(qtbot, button(screen, "removeColumn"))
    assert screen.save_button.isEnabled(), screen.status.text()
    click(qtbot, screen.save_button)
    halls = {h.name: h for h in services.schedule.list_halls()}
    assert "Screen 2" in halls and len(halls["Screen 2"].layout.rows) == 7
    assert screen.hall.currentData() == halls["Screen 2"].hall_id


def test_hall_painter_works_from_the_keyboard(qtbot, open_console, manager, services):
    window = open_console(manager)
    screen = window.show_page("halls")
    grid = screen.grid
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus, timeout=2000)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Right):  # to row B, third cell
        qtbot.keyClick(grid, key)
    assert (grid.current_row, grid.cursor_col) == (1, 2) and screen.row_label.text() == "B"
    qtbot.keyClick(grid, Qt.Key.Key_P)  # pick the premium brush; the palette follows
    assert button(screen, "brush_P").isChecked()
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    assert grid.rows[1][1][2] == "P"
    qtbot.keyClick(grid, Qt.Key.Key_G)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert grid.rows[1][1][2] == "_" and button(screen, "brush_gap").isChecked()
    assert "61 seats" in screen.status.text()

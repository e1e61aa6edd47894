"""Browse the films on sale: big poster tiles and filter chips (city, cinema, language, genre, day).

Filtering is done by the catalogue service (``CatalogueService.films(ShowQuery)``); this screen
only turns chip taps into a query and the answer into tiles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.models import ShowQuery
from kiosk.ui.dates import day_text, time_text
from kiosk.ui.names import city_name, genre_name, language_name
from kiosk.ui.posters import poster_pixmap
from kiosk.ui.selfservice.common import FlowLayout, button, clear_layout, label, step_layout

TILE_POSTER = QSize(200, 300)


class ChipGroup(QWidget):
    """A titled set of exclusive chips with an "All" chip; emits ``changed(value or None)``."""

    changed = Signal(object)

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"chips_{key}")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        self.title = label("", "small")
        column.addWidget(self.title)
        holder = QWidget(self)
        self._flow = FlowLayout(holder, spacing=8)
        column.addWidget(holder)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._value: object = None
        self._all_text = ""

    def set_options(self, options: Sequence[tuple[object, str]], all_text: str) -> None:
        """Replace the chips; keeps the current choice if it is still offered."""
        for chip in self._group.buttons():
            self._group.removeButton(chip)
        clear_layout(self._flow)
        self._all_text = all_text
        values = [value for value, _ in options]
        if self._value not in values:
            self._value = None
        for value, text in [(None, all_text), *options]:
            chip = button(text, ss="chip", checkable=True, min_height=52)
            chip.setProperty("chipValue", value)
            chip.setChecked(value == self._value)
            chip.clicked.connect(lambda _=False, v=value: self._choose(v))
            self._group.addButton(chip)
            self._flow.addWidget(chip)

    def value(self) -> object:
        return self._value

    def reset(self) -> None:
        """Back to "All" (the chips are rebuilt by the next ``set_options``)."""
        self._value = None

    def chips(self) -> list[QPushButton]:
        return list(self._group.buttons())

    def chip(self, text: str) -> QPushButton:
        for chip in self._group.buttons():
            if chip.text() == text:
                return chip
        raise KeyError(text)

    def _choose(self, value: object) -> None:
        if value == self._value:
            return
        self._value = value
        self.changed.emit(value)


class FilmTile(QToolButton):
    """A poster with the film's title underneath; the whole tile is one touch target."""

    def __init__(self, film: Mapping[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.film = dict(film)
        self.setObjectName("filmTile")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setIconSize(TILE_POSTER)
        self.setIcon(QIcon(poster_pixmap(film, TILE_POSTER, self.devicePixelRatioF())))
        title = str(film.get("title", ""))
        metrics = self.fontMetrics()
        lines = [metrics.elidedText(title, Qt.TextElideMode.ElideRight, TILE_POSTER.width())]
        times = [time_text(t) for t in film.get("next_show_times") or []][:3]
        if times:
            lines.append(" · ".join(times))
        self.setText("\n".join(lines))
        self.setToolTip(title)
        self.setAccessibleName(title)
        self.setMinimumSize(TILE_POSTER.width() + 16, TILE_POSTER.height() + 30 + 26 * len(lines))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet("QToolButton { border: none; padding: 6px; font-weight: 700; }"
                           "QToolButton:pressed { background: rgba(31,95,191,0.25); border-radius: 12px; }")


def film_id_of(film: Mapping[str, Any]) -> str:
    return str(film.get("id") or film.get("film_id") or "")


class FilmsScreen(QWidget):
    """Emits ``filmChosen(film dict, query)`` (the query carries the filters into the show list)."""

    filmChosen = Signal(dict, object)
    backRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, services, today_fn, parent: QWidget | None = None,
                 cinema_id: str = ""):
        super().__init__(parent)
        self.services = services
        self._today_fn = today_fn  # () -> date, the cinema-local today
        # a kiosk of one cinema (config cinema_id) sells only its shows: no city or cinema chips
        self.locked_cinema = cinema_id
        self._films: list[dict] = []
        body = QHBoxLayout()
        self.header = step_layout(self, body, (16, 16, 16, 16), 16)

        filters = QFrame(self)
        filters.setProperty("ss", "panel")
        filter_column = QVBoxLayout(filters)
        filter_column.setContentsMargins(16, 16, 16, 16)
        filter_column.setSpacing(18)
        self.groups: dict[str, ChipGroup] = {}
        for key in ("day", "city", "cinema", "language", "genre"):
            group = ChipGroup(key, filters)
            group.changed.connect(lambda _v, k=key: self._filters_changed(k))
            self.groups[key] = group
            filter_column.addWidget(group)
        if self.locked_cinema:
            self.groups["city"].hide()
            self.groups["cinema"].hide()
        self.clear_button = button("", ss="chip", min_height=52)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear_filters)
        filter_column.addWidget(self.clear_button)
        filter_column.addStretch(1)
        filter_scroll = QScrollArea(self)
        filter_scroll.setWidgetResizable(True)
        filter_scroll.setWidget(filters)
        filter_scroll.setFrameShape(QFrame.Shape.NoFrame)
        filter_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        filter_scroll.setFixedWidth(400)
        body.addWidget(filter_scroll)

        right = QVBoxLayout()
        right.setSpacing(8)
        self.count_label = label("", "sub")
        right.addWidget(self.count_label)
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(16)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.scroll = scroll
        scroll.viewport().installEventFilter(self)
        right.addWidget(scroll, 1)
        body.addLayout(right, 1)
        self._loading = False
        self._columns = 0
        self.retranslate()

    # -- public -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.title.setText(self.tr("Choose a film"))
        self.clear_button.setText(self.tr("Clear filters"))
        titles = {"day": self.tr("Day"), "city": self.tr("City"), "cinema": self.tr("Cinema"),
                  "language": self.tr("Language"), "genre": self.tr("Genre")}
        for key, group in self.groups.items():
            group.title.setText(titles[key])

    def refresh(self) -> None:
        """Reload filter options and films from the catalogue, keeping chosen filters."""
        self._loading = True
        try:
            catalogue = self.services.catalogue
            all_text = self.tr("All")
            today = self._today_fn()
            self.groups["day"].set_options(
                [(today + timedelta(days=i), self.day_label(today, today + timedelta(days=i)))
                 for i in range(7)], self.tr("Any day"))
            self.groups["city"].set_options([(c, city_name(c)) for c in catalogue.cities()],
                                           all_text)
            city = self.groups["city"].value()
            self.groups["cinema"].set_options(
                [(c.get("id"), str(c.get("name", c.get("id")))) for c in catalogue.cinemas(city)],
                all_text)
            self.groups["language"].set_options(
                [(lang, language_name(lang)) for lang in catalogue.languages()], all_text)
            self.groups["genre"].set_options([(g, genre_name(g)) for g in catalogue.genres()],
                                             all_text)
        finally:
            self._loading = False
        self._load_films()

    def query(self) -> ShowQuery:
        g = self.groups
        if self.locked_cinema:
            return ShowQuery(cinema_id=self.locked_cinema, language=g["language"].value(),
                             genre=g["genre"].value(), day=g["day"].value())
        return ShowQuery(city=g["city"].value(), cinema_id=g["cinema"].value(),
                         language=g["language"].value(), genre=g["genre"].value(),
                         day=g["day"].value())

    def clear_filters(self) -> None:
        for group in self.groups.values():
            group.reset()
        self.refresh()

    def tiles(self) -> list[FilmTile]:
        return self.grid_host.findChildren(FilmTile)

    def tile_for(self, title: str) -> FilmTile:
        for tile in self.tiles():
            if tile.film.get("title") == title:
                return tile
        raise KeyError(title)

    def day_label(self, today: date, day: date) -> str:
        if day == today:
            return self.tr("Today")
        if day == today + timedelta(days=1):
            return self.tr("Tomorrow")
        return day_text(day)  # the language's short day, as everywhere (kiosk.ui.dates)

    # -- internals --------------------------------------------------------------------------
    def _filters_changed(self, key: str) -> None:
        if self._loading:
            return
        if key == "city":  # the cinema list depends on the city
            self._loading = True
            try:
                self.groups["cinema"].set_options(
                    [(c.get("id"), str(c.get("name", c.get("id"))))
                     for c in self.services.catalogue.cinemas(self.groups["city"].value())],
                    self.tr("All"))
            finally:
                self._loading = False
        self._load_films()

    def _load_films(self) -> None:
        query = self.query()
        self._films = list(self.services.catalogue.films(query))
        clear_layout(self.grid)
        columns = self._columns = self._column_count()
        for index, film in enumerate(self._films):
            tile = FilmTile(film, self.grid_host)
            tile.clicked.connect(lambda _=False, f=film: self.filmChosen.emit(dict(f), self.query()))
            self.grid.addWidget(tile, index // columns, index % columns)
        if self._films:
            self.count_label.setText(self.tr("%n film(s) showing", "", len(self._films)))
        else:
            self.count_label.setText(self.tr("No films match these filters. Try clearing some."))

    def _column_count(self) -> int:
        return max(1, (self.scroll.viewport().width() or 900) // (TILE_POSTER.width() + 32))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._relayout()
        return super().eventFilter(watched, event)

    def _relayout(self) -> None:
        """Re-flow the tiles when the visible width changes (first show, window resize)."""
        columns = self._column_count()
        if self._films and columns != self._columns:
            self._columns = columns
            tiles = sorted(self.tiles(), key=lambda t: self._films.index(t.film)
                           if t.film in self._films else 0)
            for tile in tiles:
                self.grid.removeWidget(tile)
            for index, tile in enumerate(tiles):
                self.grid.addWidget(tile, index // columns, index % columns)

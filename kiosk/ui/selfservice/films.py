"""Browse the films on sale: poster tiles across the whole width under one compact filter bar.

The bar holds the day as chips (one tap: today, tomorrow, a weekday) and city, cinema, language
and genre as drop-down boxes; it wraps onto a second line when the words are long (Hindi,
Telugu, large text) instead of scrolling on its own. Only the film grid scrolls.

Filtering is done by the catalogue service (``CatalogueService.films(ShowQuery)``); this screen
only turns taps into a query and the answer into tiles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.models import ShowQuery
from kiosk.ui.dates import day_text, time_text
from kiosk.ui.names import city_name, genre_name, language_name
from kiosk.ui.page_names import SelfServicePage
from kiosk.ui.posters import poster_pixmap
from kiosk.ui.selfservice.common import (
    TOUCH_MIN,
    button,
    clear_layout,
    label,
    step_layout,
)
from kiosk.ui.selfservice.screen import SelfServiceScreen
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.tiles import TileGridLayout

if TYPE_CHECKING:
    from collections.abc import Callable

    from kiosk.services.app import Services

TILE_POSTER = QSize(200, 300)
PAD = 8  # px around a tile's poster and words


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


class FilterBox(QComboBox):
    """One filter as a drop-down box whose first entry is "All …"; emits ``changed(value or None)``.

    The same interface as ``ChipGroup`` (``set_options``, ``value``, ``reset``), so the screen
    treats every filter alike. ``title`` names the filter for screen readers.
    """

    changed = Signal(object)

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.title = ""
        self.setObjectName(f"filter_{key}")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # a finger-sized box and list (the stylesheet's min-height would override a setter)
        self.setStyleSheet(f"QComboBox {{ min-height: {TOUCH_MIN}px; padding: 0 14px; }}"
                           f"QComboBox QAbstractItemView::item {{ min-height: {TOUCH_MIN}px; }}")
        self.currentIndexChanged.connect(self._index_changed)

    def set_options(self, options: Sequence[tuple[object, str]], all_text: str) -> None:
        """Replace the entries; keeps the current choice if it is still offered."""
        value = self.value()
        values = [v for v, _ in options]
        self.blockSignals(True)
        try:
            self.clear()
            for v, text in [(None, all_text), *options]:
                self.addItem(text, v)
            self.setCurrentIndex(values.index(value) + 1 if value in values else 0)
        finally:
            self.blockSignals(False)

    def value(self) -> object:
        return self.currentData() if self.currentIndex() > 0 else None

    def reset(self) -> None:
        """Back to "All …" without telling anyone (the screen reloads once afterwards)."""
        self.blockSignals(True)
        self.setCurrentIndex(0)
        self.blockSignals(False)

    def texts(self) -> list[str]:
        return [self.itemText(n) for n in range(self.count())]

    def pick(self, text: str) -> None:
        """Choose the entry showing ``text``, as a tap in the open list does."""
        index = self.findText(text)
        if index < 0:
            raise KeyError(text)
        self.setCurrentIndex(index)

    @Slot(int)
    def _index_changed(self, _index: int) -> None:
        self.changed.emit(self.value())


def soonest_day_times(starts: Sequence[datetime], limit: int = 3) -> list[datetime]:
    """The first ``limit`` cinema-local start times on the soonest show's day, in clock order.

    A tile shows bare times, so times of later days (or of cinemas in other zones sorted by
    instant) would read out of order ("13:30 · 18:30 · 09:30"). ``starts`` come soonest first."""
    if not starts:
        return []
    first_day = starts[0].date()
    same_day = [s for s in starts if s.date() == first_day]
    return sorted(same_day, key=lambda s: (s.hour, s.minute))[:limit]


class FilmTile(QAbstractButton):
    """A poster with the film's whole title and its next times underneath; the whole tile is
    one touch target.

    The title is a word-wrapped label, never elided (issue 14): a long title, Hindi or Telugu
    times or large text take more lines and the tile grows (the grid gives each row the height
    its tallest tile needs, ``heightForWidth``), at the font size of the rest of the screen.
    """

    def __init__(self, film: Mapping[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.film = dict(film)
        self.setObjectName("filmTile")
        title = str(film.get("title", ""))
        column = QVBoxLayout(self)
        column.setContentsMargins(PAD, PAD, PAD, PAD)
        column.setSpacing(4)
        self.poster = QLabel(self)
        self.poster.setPixmap(poster_pixmap(film, TILE_POSTER, self.devicePixelRatioF()))
        self.poster.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = label(title, "tile-title", wrap=True, align=Qt.AlignmentFlag.AlignHCenter)
        self.title.setObjectName("filmTitle")
        times = [time_text(t) for t in soonest_day_times(film.get("next_show_times") or [])]
        self.times = label(" · ".join(times), "small", wrap=True,
                           align=Qt.AlignmentFlag.AlignHCenter)
        self.times.setObjectName("filmTimes")
        self.times.setVisible(bool(times))
        for part in (self.poster, self.title, self.times):
            # the tile takes every press; its parts only show
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            part.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            column.addWidget(part)
        column.addStretch(1)
        self.setToolTip(title)
        self.setAccessibleName(title)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)  # the grid's cell, as tall as the row's tallest tile
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def text_lines(self) -> list[str]:
        """What the tile says under its poster, line by line as wrapped (for tests)."""
        return [part.text() for part in (self.title, self.times) if not part.isHidden()]

    # -- size: the poster's width, and the height its words need at a given width -----------
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        width = TILE_POSTER.width() + 2 * PAD
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        inner = max(1, width - 2 * PAD)
        height = 2 * PAD + TILE_POSTER.height()
        for part in (self.title, self.times):
            if not part.isHidden():
                height += 4 + part.heightForWidth(inner)
        return height

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        """A pressed tile is shaded and a focused one outlined; the labels draw the rest."""
        if not (self.isDown() or self.hasFocus()):
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        if self.isDown():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(31, 95, 191, 64))
            painter.drawRoundedRect(area, 12, 12)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(area, 12, 12)


def film_id_of(film: Mapping[str, Any]) -> str:
    return str(film.get("id") or film.get("film_id") or "")


class FilmsScreen(SelfServiceScreen):
    """Emits ``filmChosen(film dict, query)`` (the query carries the filters into the show list)."""
    name = SelfServicePage.FILMS

    filmChosen = Signal(dict, object)
    backRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, services: Services, today_fn: Callable[[], date], parent: QWidget | None = None,
                 cinema_id: str = ""):
        super().__init__(parent)
        self.services = services
        self._today_fn = today_fn  # () -> date, the cinema-local today
        # a kiosk of one cinema (config cinema_id) sells only its shows: no city or cinema chips
        self.locked_cinema = cinema_id
        self._films: list[dict] = []
        body = QVBoxLayout()
        self.header = step_layout(self, body, (16, 12, 16, 12), 10)
        self.groups: dict[str, ChipGroup | FilterBox] = {}
        self._init_filter_bar(body)
        self.grid_host = QWidget(self)
        self.grid_host.setObjectName("filmGrid")
        self.grid = TileGridLayout(self.grid_host, spacing=16,
                                   cell_width=TILE_POSTER.width() + 2 * PAD)
        scroll = QScrollArea(self)  # the one scroll area of the screen
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.scroll = scroll
        body.addWidget(scroll, 1)
        self._loading = False
        self.retranslate()

    def _init_filter_bar(self, body: QVBoxLayout) -> None:
        """The day chips on one line; the drop-down boxes, "Clear filters" and the count on the
        next. Both lines wrap (a flow layout), so the bar never needs a scroll bar."""
        self.filter_bar = QFrame(self)
        self.filter_bar.setObjectName("filterBar")
        bar = QVBoxLayout(self.filter_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(8)
        day = ChipGroup("day", self.filter_bar)
        day.title.hide()  # "Today", "Tomorrow", "Mon 16" say what they are
        self.groups["day"] = day
        bar.addWidget(day)
        boxes = QWidget(self.filter_bar)
        flow = FlowLayout(boxes, spacing=10)
        for key in ("city", "cinema", "language", "genre"):
            box = FilterBox(key, boxes)
            self.groups[key] = box
            flow.addWidget(box)
        self.clear_button = button("", ss="chip", min_height=TOUCH_MIN)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear_filters)
        flow.addWidget(self.clear_button)
        self.count_label = label("", "sub")
        self.count_label.setObjectName("filmCount")
        self.count_label.setMinimumHeight(TOUCH_MIN)  # on the boxes' line, text centred
        flow.addWidget(self.count_label)
        bar.addWidget(boxes)
        for key, group in self.groups.items():
            group.changed.connect(lambda _v, k=key: self._filters_changed(k))
        if self.locked_cinema:
            self.groups["city"].hide()
            self.groups["cinema"].hide()
        body.addWidget(self.filter_bar)

    # -- public -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.title.setText(self.tr("Choose a film"))
        self.clear_button.setText(self.tr("Clear filters"))
        titles = {"day": self.tr("Day"), "city": self.tr("City"), "cinema": self.tr("Cinema"),
                  "language": self.tr("Language"), "genre": self.tr("Genre")}
        for key, group in self.groups.items():
            if isinstance(group, FilterBox):
                group.title = titles[key]
                group.setAccessibleName(titles[key])
            else:
                group.title.setText(titles[key])

    def refresh(self) -> None:
        """Reload filter options and films from the catalogue, keeping chosen filters."""
        self._loading = True
        try:
            catalogue = self.services.catalogue
            today = self._today_fn()
            self.groups["day"].set_options(
                [(today + timedelta(days=i), self.day_label(today, today + timedelta(days=i)))
                 for i in range(7)], self.tr("Any day"))
            self.groups["city"].set_options([(c, city_name(c)) for c in catalogue.cities()],
                                           self.tr("All cities"))
            city = self.groups["city"].value()
            self.groups["cinema"].set_options(
                [(c.get("id"), str(c.get("name", c.get("id")))) for c in catalogue.cinemas(city)],
                self.tr("All cinemas"))
            self.groups["language"].set_options(
                [(lang, language_name(lang)) for lang in catalogue.languages()],
                self.tr("All languages"))
            self.groups["genre"].set_options([(g, genre_name(g)) for g in catalogue.genres()],
                                             self.tr("All genres"))
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

    @Slot()
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
                    self.tr("All cinemas"))
            finally:
                self._loading = False
        self._load_films()

    def _load_films(self) -> None:
        query = self.query()
        self._films = list(self.services.catalogue.films(query))
        clear_layout(self.grid)
        for film in self._films:
            tile = FilmTile(film, self.grid_host)
            tile.clicked.connect(lambda _=False, f=film: self.filmChosen.emit(dict(f), self.query()))
            self.grid.addWidget(tile)
        if self._films:
            self.count_label.setText(self.tr("%n film(s) showing", "", len(self._films)))
        else:
            self.count_label.setText(self.tr("No films match these filters. Try clearing some."))


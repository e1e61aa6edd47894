"""The shows of one film: local start time, cinema, hall, seats left and price, grouped by day."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.money import format_money
from kiosk.services.models import ShowQuery, ShowSummary
from kiosk.ui.dates import day_text, time_text
from kiosk.ui.i18n import language_manager
from kiosk.ui.names import genre_name, language_name, synopsis_text
from kiosk.ui.page_names import SelfServicePage
from kiosk.ui.posters import poster_pixmap
from kiosk.ui.selfservice.common import clear_layout, label, step_layout
from kiosk.ui.selfservice.screen import SelfServiceScreen
from kiosk.ui.widgets.tiles import TileGridLayout, wrap_words

if TYPE_CHECKING:
    from kiosk.services.app import Services

POSTER = QSize(180, 270)
CARD_WIDTH = 330
CARD_GAP = 12


class ShowCard(QPushButton):
    """One show as a big button: the time large, the cinema and screen below (on two lines when
    they do not fit on one, never elided), then seats left and price."""

    def __init__(self, show: ShowSummary, parent: QWidget | None = None):
        super().__init__(parent)
        self.show_summary = show
        self.setProperty("ss", "card")
        self.setObjectName("showCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # as wide as the column and as tall as the row's tallest card
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 10, 16, 10)
        column.setSpacing(2)
        time_label = label(time_text(show.local_start), "title")
        self.place = label("", "small")
        self.place.setObjectName("showPlace")
        if show.seats_left <= 0:
            seats_text = self.tr("Sold out")
        elif show.seats_left <= 10:
            seats_text = self.tr("Only %n seat(s) left", "", show.seats_left)
        else:
            seats_text = self.tr("%n seat(s) left", "", show.seats_left)
        seats = label(seats_text, "small")
        price = label(self.tr("from %1").replace(
            "%1", format_money(show.from_price_minor, show.currency)), "small")
        self.labels = (time_label, self.place, seats, price)
        for widget in self.labels:
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            column.addWidget(widget)
        column.addStretch(1)  # a card taller than its lines keeps them together at the top
        self.place.ensurePolished()  # the self-service stylesheet's font, for measuring
        self.place.setText(place_text(show, self.place.fontMetrics().horizontalAdvance,
                                      CARD_WIDTH - 32))
        self.setAccessibleName(f"{time_label.text()} {show.cinema_name} · {show.hall_name}")
        self.setEnabled(show.seats_left > 0)

    def natural_height(self) -> int:
        """The height its lines need at the current text size."""
        return self.layout().totalSizeHint().height()

    # a button sizes itself from its own text; this one's text is its labels, so its layout
    # says how big it is (and follows a change of language or text size by itself)
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.layout().totalSizeHint().expandedTo(QSize(CARD_WIDTH, 0))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.layout().totalMinimumSize()


def place_text(show: ShowSummary, advance: Callable[[str], int], width: int) -> str:
    """"Cinema · Screen" on one line when it fits, else the cinema on one line and the screen on
    the next (each wrapped at spaces if still too long): the whole name, never "Scree…"."""
    whole = f"{show.cinema_name} · {show.hall_name}"
    if advance(whole) <= width:
        return whole
    return "\n".join([*wrap_words(show.cinema_name, advance, width),
                      *wrap_words(show.hall_name, advance, width)])


class ShowsScreen(SelfServiceScreen):
    name = SelfServicePage.SHOWS
    showChosen = Signal(object)  # ShowSummary
    backRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, services: Services, today_fn: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self._today_fn = today_fn
        self._film: dict[str, Any] = {}
        self._query = ShowQuery()
        body = QVBoxLayout()
        self.header = step_layout(self, body, (24, 16, 12, 16), 0)
        content = QWidget(self)  # the film's facts and its shows scroll together: one area
        content.setObjectName("showsContent")
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 0, 12, 0)
        row.setSpacing(28)
        side = QVBoxLayout()
        side.setSpacing(10)
        self.poster = QLabel(content)
        self.poster.setFixedSize(POSTER)
        side.addWidget(self.poster)
        self.facts = label("", "small", wrap=True)
        self.facts.setFixedWidth(POSTER.width())
        side.addWidget(self.facts)
        self.synopsis = label("", "small", wrap=True)
        self.synopsis.setFixedWidth(POSTER.width())
        side.addWidget(self.synopsis)
        side.addStretch(1)
        row.addLayout(side)
        self.list_host = QWidget(content)
        self.list_layout = QVBoxLayout(self.list_host)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(12)
        row.addWidget(self.list_host, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll = scroll
        body.addWidget(scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.title.setText(self._film.get("title") or self.tr("Choose a show"))
        self.synopsis.setText(synopsis_text(self._film, language_manager().language))
        self.synopsis.setVisible(bool(self.synopsis.text()))

    def set_film(self, film: Mapping[str, Any], query: ShowQuery | None) -> None:
        self._film = dict(film)
        self._query = replace(query or ShowQuery(), film_id=str(film.get("id")), limit=200)
        self.poster.setPixmap(poster_pixmap(film, POSTER, self.devicePixelRatioF()))
        genres = ", ".join(genre_name(g) for g in film.get("genres") or [])
        runtime = int(film.get("runtime_min") or 0)
        self.facts.setText("\n".join(x for x in (
            language_name(str(film.get("language", ""))), genres,
            self.tr("Certificate %1").replace("%1", str(film.get("certificate", ""))),
            self.tr("%1 h %2 min").replace("%1", str(runtime // 60)).replace("%2", f"{runtime % 60:02d}"),
        ) if x))
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        shows = self.services.catalogue.find_shows(self._query)
        clear_layout(self.list_layout)
        if not shows:
            self.list_layout.addWidget(label(self.tr("No shows left for this film. Please go back "
                                                     "and choose another."), "sub", wrap=True))
            self.list_layout.addStretch(1)
            return
        today = self._today_fn()
        by_day: dict[date, list[ShowSummary]] = {}
        for show in sorted(shows, key=lambda s: s.starts_at):
            by_day.setdefault(show.local_start.date(), []).append(show)
        for day, day_shows in by_day.items():
            self.list_layout.addWidget(label(self._day_title(today, day), "big"))
            grid_host = QWidget(self.list_host)
            grid = TileGridLayout(grid_host, spacing=CARD_GAP, cell_width=CARD_WIDTH)
            for show in day_shows:
                card = ShowCard(show, grid_host)
                card.clicked.connect(lambda _=False, s=show: self.showChosen.emit(s))
                grid.addWidget(card)
            self.list_layout.addWidget(grid_host)
        self.list_layout.addStretch(1)

    def cards(self) -> list[ShowCard]:
        return self.list_host.findChildren(ShowCard)

    def _day_title(self, today: date, day: date) -> str:
        if day == today:
            return self.tr("Today")
        if day == today + timedelta(days=1):
            return self.tr("Tomorrow")
        return day_text(day)

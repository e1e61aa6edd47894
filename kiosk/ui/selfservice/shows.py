"""The shows of one film: local start time, cinema, hall, seats left and price, grouped by day."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.money import format_money
from kiosk.services.models import ShowQuery, ShowSummary
from kiosk.ui.dates import day_text, time_text
from kiosk.ui.names import genre_name, language_name
from kiosk.ui.posters import poster_pixmap
from kiosk.ui.selfservice.common import clear_layout, label, step_layout

POSTER = QSize(180, 270)
CARD_WIDTH = 330
CARD_GAP = 12


class ShowCard(QPushButton):
    """One show as a big button: the time large, then where, seats left and price."""

    def __init__(self, show: ShowSummary, parent: QWidget | None = None):
        super().__init__(parent)
        self.show_summary = show
        self.setProperty("ss", "card")
        self.setObjectName("showCard")
        self.setFixedSize(CARD_WIDTH, 160)
        # stylesheet min sizes would override setFixedSize, so state the size there too
        self.setStyleSheet(f"QPushButton#showCard {{ min-height: 160px; max-height: 160px; "
                           f"min-width: {CARD_WIDTH}px; max-width: {CARD_WIDTH}px; }}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 10, 16, 10)
        column.setSpacing(2)
        time_label = label(time_text(show.local_start), "title")
        place = label(f"{show.cinema_name} · {show.hall_name}", "small")
        place.setToolTip(place.text())
        place.setText(place.fontMetrics().elidedText(place.text(), Qt.TextElideMode.ElideRight,
                                                      CARD_WIDTH - 40))
        if show.seats_left <= 0:
            seats_text = self.tr("Sold out")
        elif show.seats_left <= 10:
            seats_text = self.tr("Only %n seat(s) left", "", show.seats_left)
        else:
            seats_text = self.tr("%n seat(s) left", "", show.seats_left)
        seats = label(seats_text, "small")
        price = label(self.tr("from %1").replace(
            "%1", format_money(show.from_price_minor, show.currency)), "small")
        for widget in (time_label, place, seats, price):
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            column.addWidget(widget)
        self.setAccessibleName(f"{time_label.text()} {place.text()}")
        self.setEnabled(show.seats_left > 0)


class ShowsScreen(QWidget):
    showChosen = Signal(object)  # ShowSummary
    backRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, services, today_fn, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self._today_fn = today_fn
        self._film: dict[str, Any] = {}
        self._query = ShowQuery()
        body = QHBoxLayout()
        self.header = step_layout(self, body, (24, 20, 24, 20), 28)
        side = QVBoxLayout()
        side.setSpacing(10)
        self.poster = QLabel(self)
        self.poster.setFixedSize(POSTER)
        side.addWidget(self.poster)
        self.facts = label("", "small", wrap=True)
        self.facts.setFixedWidth(POSTER.width())
        side.addWidget(self.facts)
        self.synopsis = label("", "small", wrap=True)
        self.synopsis.setFixedWidth(POSTER.width())
        side.addWidget(self.synopsis)
        side.addStretch(1)
        body.addLayout(side)
        self.list_host = QWidget(self)
        self.list_layout = QVBoxLayout(self.list_host)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(12)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.list_host)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll = scroll
        self._grids: list = []
        self._columns = 0
        scroll.viewport().installEventFilter(self)
        body.addWidget(scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.title.setText(self._film.get("title") or self.tr("Choose a show"))

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
        self.synopsis.setText(str(film.get("synopsis") or ""))
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
        self._grids = []
        columns = self._columns = self._column_count()
        for day, day_shows in by_day.items():
            self.list_layout.addWidget(label(self._day_title(today, day), "big"))
            grid_host = QWidget(self.list_host)
            grid = QGridLayout(grid_host)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setSpacing(CARD_GAP)
            grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            cards = []
            for index, show in enumerate(day_shows):
                card = ShowCard(show, grid_host)
                card.clicked.connect(lambda _=False, s=show: self.showChosen.emit(s))
                grid.addWidget(card, index // columns, index % columns)
                cards.append(card)
            self._grids.append((grid, cards))
            self.list_layout.addWidget(grid_host)
        self.list_layout.addStretch(1)

    def _column_count(self) -> int:
        width = self.scroll.viewport().width() or 1000
        return max(1, (width + CARD_GAP) // (CARD_WIDTH + CARD_GAP))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            columns = self._column_count()
            if columns != self._columns:
                self._columns = columns
                for grid, cards in self._grids:
                    for card in cards:
                        grid.removeWidget(card)
                    for index, card in enumerate(cards):
                        grid.addWidget(card, index // columns, index % columns)
        return super().eventFilter(watched, event)

    def cards(self) -> list[ShowCard]:
        return self.list_host.findChildren(ShowCard)

    def _day_title(self, today: date, day: date) -> str:
        if day == today:
            return self.tr("Today")
        if day == today + timedelta(days=1):
            return self.tr("Tomorrow")
        return day_text(day)

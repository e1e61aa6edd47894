"""Show finder: today's shows first, filters, a search box, Enter opens the seat map.

Keyboard flow for staff: F2 puts the cursor in the search box; typing filters as you go; Up/Down
in the search box move the selection in the list; Enter opens the selected show.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import KioskError
from kiosk.services.models import ShowQuery
from kiosk.ui import message
from kiosk.ui.counter.screen import Screen
from kiosk.ui.counter.show_model import ShowTableModel
from kiosk.ui.counter.showtimes import ShowTimeGrid
from kiosk.ui.dates import day_text, time_text
from kiosk.ui.names import city_name, genre_name, language_name
from kiosk.ui.page_names import CounterPage

if TYPE_CHECKING:
    from kiosk.ui.counter.mode import CounterMode

DAYS_AHEAD = 7


class FinderScreen(Screen):
    name = CounterPage.FINDER

    def __init__(self, ctl: CounterMode) -> None:
        super().__init__(ctl)
        self._loading_filters = False
        self.model = ShowTableModel(self)

        title = QLabel(self.tr("Find a show"), self)
        title.setProperty("role", "title")
        self.exchange_note = QLabel("", self)
        self.exchange_note.setObjectName("exchangeNote")
        self.exchange_note.setProperty("role", "warn")
        self.exchange_note.setWordWrap(True)
        self.exchange_note.hide()

        self.search = QLineEdit(self)
        self.search.setObjectName("showSearch")
        self.search.setPlaceholderText(self.tr("Search film, cinema, language or genre (F2)"))
        self.search.setAccessibleName(self.tr("Search shows"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)

        self.city = self._combo("cityFilter", self.tr("City"))
        self.cinema = self._combo("cinemaFilter", self.tr("Cinema"))
        self.language = self._combo("languageFilter", self.tr("Language"))
        self.genre = self._combo("genreFilter", self.tr("Genre"))
        self.day = self._combo("dayFilter", self.tr("Date"))
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear_filters)

        self.table = QTableView(self)
        self.table.setObjectName("showTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(52)
        # a long title in large text (or Telugu) wraps: its row grows rather than cut it (sized
        # once per refresh; a ResizeToContents header would measure every row on every restyle)
        self.table.verticalHeader().setMinimumSectionSize(52)
        self.model.modelReset.connect(self.table.resizeRowsToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the film and the cinema share what the short columns leave, and wrap in it
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.installEventFilter(self)

        self.count_label = QLabel("", self)
        self.count_label.setProperty("role", "muted")
        self.open_button = QPushButton(self.tr("Choose seats  ⏎"), self)
        self.open_button.setObjectName("openShow")
        self.open_button.setProperty("role", "primary")
        self.open_button.clicked.connect(self.open_selected)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        for combo in (self.day, self.city, self.cinema, self.language, self.genre):
            filters.addWidget(combo, 1)
        filters.addWidget(self.clear_button)

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.open_button)

        # the show-time grid of this cinema (issue 13 point 6), or the searchable list of all
        self.grid = ShowTimeGrid(self)
        self.grid.showChosen.connect(self._grid_chosen)
        self.grid_button = QPushButton(self.tr("Show times"), self)
        self.grid_button.setObjectName("viewGrid")
        self.list_button = QPushButton(self.tr("All shows"), self)
        self.list_button.setObjectName("viewList")
        views = QButtonGroup(self)
        for button in (self.grid_button, self.list_button):
            button.setCheckable(True)
            views.addButton(button)
        self.grid_button.clicked.connect(lambda: self.set_view("grid"))
        self.list_button.clicked.connect(lambda: self.set_view("list"))
        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(bottom)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.grid)
        self.views.addWidget(list_page)

        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.grid_button)
        head.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addWidget(self.exchange_note)
        layout.addWidget(self.search)
        layout.addWidget(self.views, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_typed)
        self.search.returnPressed.connect(self._search_enter)
        for combo in (self.day, self.cinema, self.language, self.genre):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.city.currentIndexChanged.connect(self._city_changed)

        order = [self.search, self.day, self.city, self.cinema, self.language, self.genre,
                 self.clear_button, self.table, self.open_button]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self._filters_loaded = False
        self.bridge.dataChanged.connect(self._data_changed)

    # -- the show-time grid ----------------------------------------------------------------------
    def grid_cinema(self) -> str | None:
        """The cinema the grid shows: this device's, else the one picked in the filters."""
        return self.ctl.config.cinema_id or self.cinema.currentData() or None

    def set_view(self, view: str) -> None:
        grid = view == "grid"
        self.views.setCurrentIndex(0 if grid else 1)
        self.grid_button.setChecked(grid)
        self.list_button.setChecked(not grid)
        self.session.finder_view = view
        if grid:
            self.refresh_grid()

    def refresh_grid(self) -> None:
        cinema = self.grid_cinema()
        if cinema is None:
            self.grid.set_shows([], self.bridge.now())
            self.grid.hint.setText(self.tr("Choose a cinema in All shows to see its show times "
                                           "here (or set this counter's cinema_id)."))
            return
        cinemas = {c["id"]: c for c in self.bridge.call(self.services.catalogue.cinemas)}
        zone = ZoneInfo(cinemas[cinema]["timezone"]) if cinema in cinemas else None
        today = self.bridge.now().astimezone(zone).date() if zone else None
        try:
            shows = self.bridge.call(self.services.catalogue.find_shows,
                                     ShowQuery(cinema_id=cinema, day=today))
        except KioskError as err:
            message.error(str(err))
            return
        self.grid.set_shows(shows, self.bridge.now())
        self.grid._update_hint()

    @Slot(str, int, int)
    def _grid_chosen(self, show_id: str, adults: int, children: int) -> None:
        if adults:
            self.ctl.sales.quick_sale(show_id, adults, children)
        else:
            self.ctl.open_show(show_id)

    @Slot(str)
    def _search_typed(self, text: str) -> None:
        if text and self.views.currentIndex() == 0:
            self.set_view("list")  # a search is over every show
        self._search_timer.start()

    @Slot()
    def _data_changed(self) -> None:
        """Seats left change as other kiosks sell: keep the list current while it is shown."""
        if self.ctl.current_name() == self.name and self.session.actor is not None:
            self.refresh()
            if self.views.currentIndex() == 0:
                self.refresh_grid()

    def _combo(self, name: str, label: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(label)
        combo.setToolTip(label)
        combo.setMinimumContentsLength(8)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    # -- screen hooks ---------------------------------------------------------------------------
    def enter(self) -> None:
        self.grid.clear_preset()  # a quantity preset is one sale's
        if not self._filters_loaded:
            self.load_filters()
        exchange = self.session.sale.exchange_from
        if exchange is not None:
            self.exchange_note.setText(
                self.tr("Exchanging booking %1 (%2 seats): choose the new show.")
                .replace("%1", exchange.reference)
                .replace("%2", str(sum(1 for line in exchange.lines if not line.refunded))))
        self.exchange_note.setVisible(exchange is not None)
        self.refresh()
        view = self.session.finder_view or (
            "grid" if self.ctl.config.cinema_id and exchange is None else "list")
        self.set_view(view)

    def first_focus(self) -> QWidget | None:
        return self.search

    def back(self) -> None:
        if self.session.sale.exchange_from is not None:
            self.session.new_sale()
            message.info(self.tr("Exchange cancelled."))
            self.enter()
            return
        if self.search.text():
            self.search.clear()
        self.search.setFocus()

    def reload(self) -> None:
        """F5: cities, cinemas, languages and genres may have changed (an import): read all."""
        self.load_filters()
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- filters --------------------------------------------------------------------------------
    def load_filters(self) -> None:
        catalogue = self.services.catalogue
        try:
            cities = self.bridge.call(catalogue.cities)
            languages = self.bridge.call(catalogue.languages)
            genres = self.bridge.call(catalogue.genres)
            cinemas = self.bridge.call(catalogue.cinemas)
        except KioskError as err:
            message.error(str(err))
            return
        self._loading_filters = True
        zone = ZoneInfo(cinemas[0]["timezone"]) if cinemas else None
        today = self.bridge.now().astimezone(zone).date() if zone else self.bridge.now().date()
        self.day.clear()
        self.day.addItem(self.tr("All days"), None)
        for offset in range(DAYS_AHEAD):
            day = today + timedelta(days=offset)
            label = (self.tr("Today") if offset == 0 else
                     self.tr("Tomorrow") if offset == 1 else day_text(day))
            self.day.addItem(label, day)
        # the data's English words shown in the screen's language (issue 14 defect 4)
        self._fill(self.city, self.tr("All cities"), [(city_name(c), c) for c in cities])
        self._fill(self.language, self.tr("All languages"),
                   [(language_name(x), x) for x in languages])
        self._fill(self.genre, self.tr("All genres"), [(genre_name(g), g) for g in genres])
        self._fill_cinemas(cinemas)
        self._restore_query()
        self._loading_filters = False
        self._filters_loaded = True

    def _fill(self, combo: QComboBox, all_label: str, items: list[tuple[str, object]]) -> None:
        combo.clear()
        combo.addItem(all_label, None)
        for text, value in items:
            combo.addItem(text, value)

    def _fill_cinemas(self, cinemas: list[dict]) -> None:
        self._fill(self.cinema, self.tr("All cinemas"), [(c["name"], c["id"]) for c in cinemas])

    def _restore_query(self) -> None:
        query = self.session.query
        for combo, value in ((self.day, query.day), (self.city, query.city),
                             (self.cinema, query.cinema_id), (self.language, query.language),
                             (self.genre, query.genre)):
            index = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(0, index))
        if query.text:
            self.search.setText(query.text)

    @Slot()
    def _city_changed(self) -> None:
        if self._loading_filters:
            return
        self._loading_filters = True
        city = self.city.currentData()
        keep = self.cinema.currentData()
        cinemas = self.bridge.call(self.services.catalogue.cinemas, city)
        self._fill_cinemas(cinemas)
        self.cinema.setCurrentIndex(max(0, self.cinema.findData(keep)) if keep else 0)
        self._loading_filters = False
        self.refresh()

    @Slot()
    def _filters_changed(self) -> None:
        if not self._loading_filters:
            self.refresh()

    @Slot()
    def clear_filters(self) -> None:
        self._loading_filters = True
        for combo in (self.day, self.city, self.cinema, self.language, self.genre):
            combo.setCurrentIndex(0)
        self.search.clear()
        self._loading_filters = False
        self.refresh()

    def current_query(self) -> ShowQuery:
        day = self.day.currentData()
        return ShowQuery(
            city=self.city.currentData(),
            cinema_id=self.cinema.currentData(),
            language=self.language.currentData(),
            genre=self.genre.currentData(),
            day=day if isinstance(day, date) else None,
            text=self.search.text().strip() or None,
        )

    # -- results --------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        self._search_timer.stop()
        query = self.current_query()
        self.session.query = query
        selected = self.selected_show()
        try:
            shows = self.bridge.call(self.services.catalogue.find_shows, query)
        except KioskError as err:
            message.error(str(err))
            return
        self.model.set_shows(shows, self.bridge.now())
        if shows:
            row = 0
            if selected is not None:
                row = next((i for i, s in enumerate(shows) if s.show_id == selected.show_id), 0)
            self.select_row(row)
            self.count_label.setText(self.tr("%n show(s)", "", len(shows)))
        else:
            self.count_label.setText(self.tr("No shows match. Try another date or clear the "
                                             "filters."))
        self.open_button.setEnabled(bool(shows))

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def selected_show(self):
        index = self.table.currentIndex()
        return self.model.show_at(index.row()) if index.isValid() else None

    @Slot()
    def open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int) -> None:
        show = self.model.show_at(row)
        if show is None:
            return
        if show.seats_left <= 0:
            message.warning(self.tr("%1 at %2 is sold out.")
                            .replace("%1", show.film_title)
                            .replace("%2", time_text(show.local_start)))
        self.ctl.open_show(show.show_id)

    @Slot()
    def _search_enter(self) -> None:
        if self._search_timer.isActive():
            self.refresh()
        self.open_selected()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                current = self.table.currentIndex().row()
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(0, current + step), self.model.rowCount() - 1)
                if row >= 0:
                    self.select_row(row)
                return True
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_selected()
                return True
        return super().eventFilter(watched, event)

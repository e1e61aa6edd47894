"""The schedule editor: films, shows (in the cinema's local time, overlaps shown as you type),
price lists, and import from CSV/JSON with a preview and per-row errors (all or nothing)."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QDateTime, QTime, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import KioskError
from kiosk.services.importer import ImportIssue
from kiosk.services.schedule import SEAT_TYPES, TICKET_TYPES
from kiosk.ui import dates
from kiosk.ui.manager import common
from kiosk.ui.manager.common import (
    Col,
    ManagerScreen,
    RowsModel,
    SortedTable,
    button,
    card,
    muted,
    scrolled,
)
from kiosk.ui.names import zone_name
from kiosk.ui.page_names import ManagerPage

if TYPE_CHECKING:
    from kiosk.ui.manager.context import ManagerContext

FILM_COLUMNS = (Col("title", QT_TRANSLATE_NOOP("FilmsTab", "Title")), Col("language", QT_TRANSLATE_NOOP("FilmsTab", "Language")), Col("genres", QT_TRANSLATE_NOOP("FilmsTab", "Genres")),
                Col("certificate", QT_TRANSLATE_NOOP("FilmsTab", "Cert.")), Col("runtime_min", QT_TRANSLATE_NOOP("FilmsTab", "Minutes"), "int"), Col("poster", QT_TRANSLATE_NOOP("FilmsTab", "Poster")))
SHOW_COLUMNS = (Col("local_start", QT_TRANSLATE_NOOP("ShowsTab", "Starts (local)"), "daytime"), Col("film", QT_TRANSLATE_NOOP("ShowsTab", "Film")),
                Col("hall", QT_TRANSLATE_NOOP("ShowsTab", "Hall")), Col("price_list", QT_TRANSLATE_NOOP("ShowsTab", "Price list")), Col("sold", QT_TRANSLATE_NOOP("ShowsTab", "Sold"), "int"),
                Col("status", QT_TRANSLATE_NOOP("ShowsTab", "Status"), "show_state"))


def _form_card(parent: QWidget) -> tuple[QWidget, QFormLayout]:
    frame = card(parent)
    form = QFormLayout(frame)
    form.setContentsMargins(16, 16, 16, 16)
    form.setVerticalSpacing(8)
    # a label goes above its field when both do not fit side by side (large text, hi, te)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return frame, form


class FilmsTab(QWidget):
    def __init__(self, screen: ScheduleScreen):
        super().__init__()
        self.screen = screen
        self.model = RowsModel(FILM_COLUMNS, self, context="FilmsTab")
        self.table = SortedTable(self.model, self)
        self.table.setObjectName("filmTable")
        self.table.selectionModel().selectionChanged.connect(self._load_selected)
        frame, form = _form_card(self)
        self.title = QLineEdit(frame)
        self.title.setObjectName("filmTitle")
        self.language = QLineEdit(frame)
        self.language.setObjectName("filmLanguage")
        self.genres = QLineEdit(frame)
        self.genres.setObjectName("filmGenres")
        self.genres.setPlaceholderText(self.tr("Comma separated, e.g. Drama, Comedy"))
        self.certificate = QComboBox(frame)
        self.certificate.setObjectName("filmCertificate")
        self.certificate.setEditable(True)
        self.certificate.addItems(["U", "UA", "UA 13+", "A", "S", "PG", "PG-13", "R", "15", "18"])
        self.runtime = QSpinBox(frame)
        self.runtime.setObjectName("filmRuntime")
        self.runtime.setRange(1, 600)
        self.runtime.setValue(120)
        self.runtime.setSuffix(" min")
        self.poster = QLineEdit(frame)
        self.poster.setObjectName("filmPoster")
        self.poster.setPlaceholderText(self.tr("Image file (optional)"))
        poster_row = QHBoxLayout()
        poster_row.addWidget(self.poster, 1)
        poster_row.addWidget(button(self.tr("Browse"), frame, slot=self._browse))
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Genres"), self.genres)
        form.addRow(self.tr("Certificate"), self.certificate)
        form.addRow(self.tr("Runtime"), self.runtime)
        form.addRow(self.tr("Poster"), poster_row)
        buttons = QHBoxLayout()
        buttons.addWidget(button(self.tr("New film"), frame, slot=self.clear, name="newFilm"))
        buttons.addWidget(button(self.tr("Save film"), frame, role="primary", slot=self.save, name="saveFilm"))
        form.addRow(buttons)
        lay = QHBoxLayout(self)
        lay.addWidget(self.table, 3)
        lay.addWidget(frame, 2)
        self.editing: str | None = None

    @Slot()
    def refresh(self) -> None:
        films = self.screen.call(self.screen.ctx.schedule.list_films)
        if films is None:
            return
        self.model.set_rows([(f.title, f.language, ", ".join(f.genres), f.certificate, f.runtime_min,
                              f.poster) for f in films], films)

    @Slot()
    def _browse(self) -> None:
        path = common.ask_open_path(self, self.tr("Poster image"),
                                    self.tr("Images (*.png *.jpg *.jpeg *.webp)"))
        if path is not None:
            self.poster.setText(str(path))

    @Slot()
    def _load_selected(self) -> None:
        film = self.table.selected_payload()
        if film is None:
            return
        self.editing = film.film_id
        self.title.setText(film.title)
        self.language.setText(film.language)
        self.genres.setText(", ".join(film.genres))
        self.certificate.setCurrentText(film.certificate)
        self.runtime.setValue(film.runtime_min)
        self.poster.setText(film.poster)

    @Slot()
    def clear(self) -> None:
        self.editing = None
        self.table.clearSelection()
        for field in (self.title, self.language, self.genres, self.poster):
            field.clear()
        self.runtime.setValue(120)

    @Slot()
    def save(self) -> None:
        film = self.screen.call(
            self.screen.ctx.schedule.save_film, self.screen.actor, film_id=self.editing,
            title=self.title.text(), language=self.language.text(),
            genres=[g for g in self.genres.text().split(",")], certificate=self.certificate.currentText(),
            runtime_min=self.runtime.value(), poster=self.poster.text())
        if film is not None:
            self.screen.banner.show_message(self.tr("Saved %1.").replace("%1", film.title), "ok")
            self.refresh()
            self.screen.shows.reload_choices()


class ShowsTab(QWidget):
    def __init__(self, screen: ScheduleScreen):
        super().__init__()
        self.screen = screen
        ctx = screen.ctx
        top = QHBoxLayout()
        self.cinema = QComboBox(self)
        self.cinema.setObjectName("showCinema")
        for c in ctx.cinemas():
            self.cinema.addItem(f"{c['name']} ({c['city']})", c["id"])
        today = ctx.today()
        self.day = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.day.setObjectName("showDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(dates.EDIT_DAY)
        self.days = QSpinBox(self)
        self.days.setRange(1, 31)
        self.days.setValue(7)
        self.days.setSuffix(self.tr(" days"))
        for w in (QLabel(self.tr("Cinema"), self), self.cinema, QLabel(self.tr("From"), self), self.day, self.days):
            w.setMinimumHeight(48)
            top.addWidget(w)
        top.addStretch(1)
        self.model = RowsModel(SHOW_COLUMNS, self, context="ShowsTab")
        self.model.highlight = lambda r: "warn" if self.model.rows[r][5] == "cancelled" else None
        self.table = SortedTable(self.model, self)
        self.table.setObjectName("showTable")
        self.table.selectionModel().selectionChanged.connect(self._load_selected)

        frame, form = _form_card(self)
        self.film = QComboBox(frame)
        self.film.setObjectName("showFilm")
        self.hall = QComboBox(frame)
        self.hall.setObjectName("showHall")
        self.start = QDateTimeEdit(frame)
        self.start.setObjectName("showStart")
        self.start.setDisplayFormat(dates.EDIT_DAY_TIME)
        self.start.setCalendarPopup(True)
        self.price_list = QComboBox(frame)
        self.price_list.setObjectName("showPriceList")
        self.clash = QLabel("", frame)
        self.clash.setObjectName("clashLabel")
        self.clash.setProperty("role", "bad")
        self.clash.setWordWrap(True)
        self.zone_note = muted("", frame)
        # labels above their fields: the form (it scrolls) leaves the table its width
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.tr("Film"), self.film)
        form.addRow(self.tr("Hall"), self.hall)
        form.addRow(self.tr("Starts"), self.start)
        form.addRow("", self.zone_note)
        form.addRow(self.tr("Price list"), self.price_list)
        form.addRow(self.clash)
        # the buttons one above the other: the form stays narrow enough for the table's
        # columns in large text
        buttons = QVBoxLayout()  # Save first: in sight when the form scrolls
        buttons.addWidget(button(self.tr("Save show"), frame, role="primary", slot=self.save,
                                 name="saveShow"))
        buttons.addWidget(button(self.tr("New show"), frame, slot=self.clear, name="newShow"))
        buttons.addWidget(button(self.tr("Cancel show"), frame, role="danger", slot=self.cancel_show,
                                 name="cancelShow"))
        form.addRow(buttons)

        # the pickers ask for the width of their choices, not of their longest one, so the
        # table keeps the room its columns need in large text (issue 14 defect 3)
        for combo in (self.film, self.hall, self.price_list):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(scrolled(frame, self), 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 8, 4, 4)  # the tab's frame is margin enough: room for columns
        lay.addLayout(top)
        lay.addLayout(body, 1)
        self.editing: str | None = None
        self.cinema.currentIndexChanged.connect(self._cinema_changed)
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.days.valueChanged.connect(lambda _v: self.refresh())
        for combo in (self.film, self.hall):
            combo.currentIndexChanged.connect(lambda _i: self.check_clash())
        self.start.dateTimeChanged.connect(lambda _d: self.check_clash())
        self.reload_choices()
        self.clear()

    def cinema_id(self) -> str | None:
        return self.cinema.currentData()

    def reload_choices(self) -> None:
        sched = self.screen.ctx.schedule
        keep_film = self.film.currentData()
        self.film.blockSignals(True)
        self.film.clear()
        call = self.screen.ctx.bridge.call
        for f in call(sched.list_films):
            self.film.addItem(self.tr("%1 (%2 min, %3)").replace("%1", f.title)
                              .replace("%2", str(f.runtime_min)).replace("%3", f.language),
                              f.film_id)
        if keep_film:
            self.film.setCurrentIndex(max(0, self.film.findData(keep_film)))
        self.film.blockSignals(False)
        self.hall.blockSignals(True)
        self.hall.clear()
        for h in call(sched.list_halls, self.cinema_id()):
            self.hall.addItem(self.tr("%1 (%2 seats)").replace("%1", h.name)
                              .replace("%2", str(h.seat_count)), h.hall_id)
        self.hall.blockSignals(False)
        cinema = next((c for c in self.screen.ctx.cinemas() if c["id"] == self.cinema_id()), None)
        self.price_list.clear()
        for p in call(sched.list_price_lists):
            if cinema is None or p.currency == cinema["currency"]:
                self.price_list.addItem(p.name, p.price_list_id)
        if cinema is not None:
            self.zone_note.setText(self.tr("Local time at the cinema (%1).")
                                   .replace("%1", zone_name(cinema["timezone"])))

    @Slot()
    def _cinema_changed(self) -> None:
        self.reload_choices()
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        shows = self.screen.call(self.screen.ctx.schedule.list_shows, self.cinema_id(),
                                 self.day.date().toPython(), days=self.days.value())
        if shows is None:
            return
        names = {p.price_list_id: p.name
                 for p in self.screen.ctx.bridge.call(self.screen.ctx.schedule.list_price_lists)}
        self.model.set_rows([(s.local_start, s.film_title, s.hall_name,
                              names.get(s.price_list_id, s.price_list_id), s.seats_sold, s.status)
                             for s in shows], shows)
        self.check_clash()

    @Slot()
    def _load_selected(self) -> None:
        show = self.table.selected_payload()
        if show is None:
            return
        self.editing = show.show_id
        self.film.setCurrentIndex(max(0, self.film.findData(show.film_id)))
        self.hall.setCurrentIndex(max(0, self.hall.findData(show.hall_id)))
        self.price_list.setCurrentIndex(max(0, self.price_list.findData(show.price_list_id)))
        ls = show.local_start
        self.start.setDateTime(QDateTime(QDate(ls.year, ls.month, ls.day), QTime(ls.hour, ls.minute)))

    @Slot()
    def clear(self) -> None:
        self.editing = None
        self.table.clearSelection()
        now = self.screen.ctx.now().astimezone(_zone(self.screen.ctx, self.cinema_id()))
        nxt = (now + timedelta(days=1)).replace(hour=18, minute=0, second=0, microsecond=0)
        self.start.setDateTime(QDateTime(QDate(nxt.year, nxt.month, nxt.day), QTime(nxt.hour, nxt.minute)))
        self.check_clash()

    def local_start(self) -> datetime:
        return self.start.dateTime().toPython().replace(second=0, microsecond=0, tzinfo=None)

    def check_clash(self) -> str:
        """Show the first overlap (if any) right under the form, before anyone presses Save."""
        film_id, hall_id = self.film.currentData(), self.hall.currentData()
        text = ""
        if film_id and hall_id:
            from kiosk.services.schedule import local_to_utc

            sched = self.screen.ctx.schedule
            try:
                tz = self.screen.ctx.timezone(self.cinema_id())
                starts = local_to_utc(self.local_start(), tz)
                call = self.screen.ctx.bridge.call
                runtime = call(sched.film, film_id).runtime_min
                clashes = call(sched.clashes, hall_id, starts, runtime, ignore_show=self.editing)
            except KioskError as err:
                text = str(err)
            else:
                if clashes:
                    c = clashes[0]
                    text = (self.tr("Overlaps %1 %2-%3 (incl. %4 min cleaning).")
                            .replace("%1", c.film_title).replace("%2", dates.time_text(c.local_start))
                            .replace("%3", dates.time_text(c.local_end))
                            .replace("%4", str(self.screen.ctx.config.cleaning_gap_min)))
        self.clash.setText(text)
        self.clash.setVisible(bool(text))
        return text

    @Slot()
    def save(self) -> None:
        show = self.screen.call(
            self.screen.ctx.schedule.save_show, self.screen.actor, show_id=self.editing,
            film_id=self.film.currentData(), hall_id=self.hall.currentData(),
            local_start=self.local_start(), price_list_id=self.price_list.currentData())
        if show is not None:
            self.screen.banner.show_message(
                self.tr("Saved: %1 at %2, %3.").replace("%1", show.film_title)
                .replace("%2", dates.day_time_text(show.local_start))
                .replace("%3", show.hall_name), "ok")
            self.editing = show.show_id
            self.refresh()

    @Slot()
    def cancel_show(self) -> None:
        show = self.table.selected_payload()
        if show is None:
            self.screen.banner.error(self.tr("Please choose a show in the table first."))
            return
        if self.screen.attempt(self.screen.ctx.schedule.cancel_show, self.screen.actor, show.show_id,
                               ok=self.tr("%1 at %2 is cancelled.").replace("%1", show.film_title)
                               .replace("%2", dates.time_text(show.local_start))):
            self.refresh()


def _zone(ctx, cinema_id):
    from zoneinfo import ZoneInfo

    return ZoneInfo(ctx.timezone(cinema_id))


class PriceListsTab(QWidget):
    def __init__(self, screen: ScheduleScreen):
        super().__init__()
        self.screen = screen
        top = QHBoxLayout()
        self.choice = QComboBox(self)
        self.choice.setObjectName("priceListChoice")
        self.choice.setMinimumHeight(48)
        self.choice.currentIndexChanged.connect(lambda _i: self._load())
        top.addWidget(QLabel(self.tr("Price list"), self))
        top.addWidget(self.choice, 1)
        top.addWidget(button(self.tr("New price list"), self, slot=self.new, name="newPriceList"))
        frame, form = _form_card(self)
        self.name = QLineEdit(frame)
        self.name.setObjectName("priceListName")
        self.currency = QLineEdit(frame)
        self.currency.setObjectName("priceListCurrency")
        self.currency.setMaxLength(3)
        self.tax = QLineEdit(frame)
        self.tax.setObjectName("priceListTax")
        self.tax.setPlaceholderText(self.tr("e.g. 18 or 12.5"))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Tax included, %"), self.tax)
        self.grid = QTableWidget(len(SEAT_TYPES), len(TICKET_TYPES), self)
        self.grid.setObjectName("priceGrid")
        self.grid.setHorizontalHeaderLabels([t.title() for t in TICKET_TYPES])
        self.grid.setVerticalHeaderLabels([s.title() for s in SEAT_TYPES])
        self.grid.verticalHeader().setDefaultSectionSize(44)
        self.grid.horizontalHeader().setStretchLastSection(True)
        for c in range(len(TICKET_TYPES)):
            self.grid.setColumnWidth(c, 130)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        body = QHBoxLayout()
        body.addWidget(frame, 2)
        grid_box = QVBoxLayout()
        grid_box.addWidget(muted(self.tr("Prices include tax, in major units (250 or 250.50). Every seat "
                                 "type x ticket type needs a price."), self))
        grid_box.addWidget(self.grid, 1)
        body.addLayout(grid_box, 3)
        lay.addLayout(body, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button(self.tr("Save price list"), self, role="primary", slot=self.save, name="savePriceList"))
        lay.addLayout(row)
        self.editing: str | None = None

    @Slot()
    def refresh(self, select: str | None = None) -> None:
        lists = self.screen.call(self.screen.ctx.schedule.list_price_lists)
        if lists is None:
            return
        current = select or self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        for p in lists:
            self.choice.addItem(f"{p.name} ({p.currency})", p.price_list_id)
        if current:
            self.choice.setCurrentIndex(max(0, self.choice.findData(current)))
        self.choice.blockSignals(False)
        self._load()

    def _load(self) -> None:
        pid = self.choice.currentData()
        if not pid:
            return
        plist = self.screen.ctx.bridge.call(self.screen.ctx.schedule.price_list, pid)
        self.editing = pid
        self.name.setText(plist.name)
        self.currency.setText(plist.currency)
        self.tax.setText(f"{Decimal(plist.tax_rate_bp) / 100:g}")
        for r, seat in enumerate(SEAT_TYPES):
            for c, ticket in enumerate(TICKET_TYPES):
                amount = plist.prices.get((seat, ticket))
                text = "" if amount is None else f"{amount // 100}.{amount % 100:02d}"
                self.grid.setItem(r, c, QTableWidgetItem(text))

    @Slot()
    def new(self) -> None:
        self.editing = None
        self.name.clear()
        self.tax.setText("18")
        for r in range(len(SEAT_TYPES)):
            for c in range(len(TICKET_TYPES)):
                self.grid.setItem(r, c, QTableWidgetItem(""))
        self.name.setFocus()

    def prices(self) -> dict[tuple[str, str], int] | None:
        from kiosk.domain.money import parse_money

        prices = {}
        for r, seat in enumerate(SEAT_TYPES):
            for c, ticket in enumerate(TICKET_TYPES):
                item = self.grid.item(r, c)
                text = item.text().strip() if item else ""
                if not text:
                    continue
                try:
                    prices[(seat, ticket)] = parse_money(text)
                except ValueError:
                    self.screen.banner.error(self.tr("The %1 %2 price %3 is not an amount.")
                                             .replace("%1", seat).replace("%2", ticket)
                                             .replace("%3", repr(text)))
                    return None
        return prices

    @Slot()
    def save(self) -> None:
        prices = self.prices()
        if prices is None:
            return
        try:
            tax_bp = int(Decimal(self.tax.text().strip().rstrip("%") or "0") * 100)
        except InvalidOperation:
            self.screen.banner.error(self.tr("The tax rate is a percentage such as 18 or 12.5."))
            return
        plist = self.screen.call(self.screen.ctx.schedule.save_price_list, self.screen.actor,
                                 price_list_id=self.editing, name=self.name.text(),
                                 currency=self.currency.text(), tax_rate_bp=tax_bp, prices=prices)
        if plist is not None:
            self.screen.banner.show_message(self.tr("Saved price list %1.").replace("%1", plist.name),
                                            "ok")
            self.refresh(select=plist.price_list_id)
            self.screen.shows.reload_choices()


def _as_dict(item: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return dataclasses.asdict(item)
    if isinstance(item, dict):
        return item
    return {"value": item}


class ImportTab(QWidget):
    """Preview first (nothing written), then apply the whole file or nothing."""

    KINDS = (("shows", QT_TRANSLATE_NOOP("ImportTab", "Shows")), ("films", QT_TRANSLATE_NOOP("ImportTab", "Films")),
             ("halls", QT_TRANSLATE_NOOP("ImportTab", "Halls")), ("prices", QT_TRANSLATE_NOOP("ImportTab", "Price lists")),
             (None, QT_TRANSLATE_NOOP("ImportTab", "Detect from the file")))

    def __init__(self, screen: ScheduleScreen):
        super().__init__()
        self.screen = screen
        top = QHBoxLayout()
        self.kind = QComboBox(self)
        self.kind.setObjectName("importKind")
        self.kind.setMinimumHeight(48)
        for key, label in self.KINDS:
            self.kind.addItem(self.tr(label), key)
        self.path_label = QLabel(self.tr("No file chosen"), self)
        self.path_label.setObjectName("importPath")
        top.addWidget(QLabel(self.tr("Import"), self))
        top.addWidget(self.kind)
        top.addWidget(button(self.tr("Choose CSV / JSON file"), self, slot=self.choose, name="chooseImport"))
        top.addWidget(self.path_label, 1)
        self.apply_button = button(self.tr("Import all rows"), self, role="primary", slot=self.apply,
                                   name="applyImport")
        self.apply_button.setEnabled(False)
        top.addWidget(self.apply_button)
        self.summary = QLabel("", self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.preview_model = RowsModel([], self)
        self.preview_table = SortedTable(self.preview_model, self)
        self.preview_table.setObjectName("importPreview")
        self.error_model = RowsModel((Col("where", self.tr("Where")),
                                      Col("message", self.tr("Problem"))), self)
        self.error_table = SortedTable(self.error_model, self)
        self.error_table.setObjectName("importErrors")
        self.error_table.setMaximumHeight(200)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(muted(self.tr("The file is checked first and nothing is saved until you press "
                            "Import; one bad row stops the whole file, so nothing is half-imported."),
                            self))
        lay.addWidget(self.summary)
        lay.addWidget(self.preview_table, 3)
        lay.addWidget(self.error_table, 1)
        self.path: Path | None = None
        self.preview = None

    @Slot()
    def choose(self) -> None:
        path = common.ask_open_path(self, self.tr("Import file"),
                                    self.tr("CSV or JSON (*.csv *.json)"))
        if path is not None:
            self.load(path)

    def load(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path_label.setText(str(path))
        importer = self.screen.ctx.importer
        preview = self.screen.call(importer.preview, path, self.kind.currentData())
        self.preview = preview
        if preview is None:
            self.apply_button.setEnabled(False)
            self.summary.setText("")
            return
        rows = [_as_dict(r) for r in preview.rows]
        keys: list[str] = []
        for r in rows:
            for k in r:
                if k not in keys:
                    keys.append(k)
        keys = [k for k in ("_place", "_action") if k in keys] + [
            k for k in keys if k not in ("_place", "_action")]
        titles = {"_place": self.tr("Where"), "_action": self.tr("Change")}
        self.preview_model.set_columns([Col(k, titles.get(k, k.replace("_", " ").title())) for k in keys])
        self.preview_model.set_rows([tuple(_cell(r.get(k)) for k in keys) for r in rows])
        errors = [_error_row(e) for e in preview.errors]
        self.error_model.set_rows(errors)
        self.error_table.setVisible(bool(errors))
        self.apply_button.setEnabled(not errors and bool(rows))
        if errors:
            self.summary.setText(self.tr("%1 rows read, %2 problems: fix the file and "
                                         "choose it again. Nothing was imported.")
                                 .replace("%1", str(len(rows))).replace("%2", str(len(errors))))
            self.summary.setProperty("role", "bad")
        else:
            self.summary.setText(self.tr("%1 rows ready to import.").replace("%1", str(len(rows))))
            self.summary.setProperty("role", "good")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)

    @Slot()
    def apply(self) -> None:
        importer = self.screen.ctx.importer
        if self.path is None:
            return
        if self.screen.attempt(importer.apply, self.screen.actor, self.path, self.kind.currentData(),
                               ok=self.tr("Imported %1 rows from %2.")
                               .replace("%1", str(self.preview_model.rowCount()))
                               .replace("%2", self.path.name)):
            self.apply_button.setEnabled(False)
            self.screen.films.refresh()
            self.screen.shows.reload_choices()
            self.screen.shows.refresh()
            self.screen.prices.refresh()


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return str(value)
    return value


def _error_row(error: Any) -> tuple:
    """(where, problem) from an ``ImportIssue`` ("Line 4", "Line 4, start time: ...")."""
    if isinstance(error, tuple) and len(error) == 2:
        return error
    if isinstance(error, ImportIssue):
        place, text = error.place, str(error)
        return (place, text[len(place) + 2:] if text.startswith(place + ", ") else text)
    d = _as_dict(error)
    return (str(d.get("row", d.get("line", ""))), str(d.get("message", d.get("value", ""))))


class ScheduleScreen(ManagerScreen):
    name = ManagerPage.SCHEDULE
    title = QT_TRANSLATE_NOOP("ScheduleScreen", "Schedule")

    def __init__(self, ctx: ManagerContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("scheduleTabs")
        self.films = FilmsTab(self)
        self.shows = ShowsTab(self)
        self.prices = PriceListsTab(self)
        self.importer = ImportTab(self)
        self.tabs.addTab(self.shows, self.tr("Shows"))
        self.tabs.addTab(self.films, self.tr("Films"))
        self.tabs.addTab(self.prices, self.tr("Price lists"))
        self.tabs.addTab(self.importer, self.tr("Import"))
        self.outer.addWidget(self.tabs, 1)
        self.toolbar.addWidget(button(self.tr("Refresh"), self, role="primary", slot=self.refresh))

    @Slot()
    def refresh(self) -> None:
        self.films.refresh()
        self.shows.reload_choices()
        self.shows.refresh()
        self.prices.refresh()

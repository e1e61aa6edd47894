"""Offers and promo codes (issue 12 point 4): a cinema's automatic offers, codes and member
prices, with each code's uses; the manager adds, changes or withdraws one here. Everything goes
through ``OfferService``, which checks the manager role again, validates every field and audits,
and publishes the change to every device of the cinema."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from kiosk.domain.money import format_money, parse_money
from kiosk.domain.offers import WEEKDAYS, Offer, audience
from kiosk.ui.manager.common import Col, ManagerScreen, RowsModel, SortedTable, button, muted
from kiosk.ui.manager.offer_pickers import DayPicker, TicketTypePicker, TogglePicker
from kiosk.ui.names import ticket_type_name
from kiosk.ui.page_names import ManagerPage

if TYPE_CHECKING:
    from kiosk.ui.manager.context import ManagerContext

COLUMNS = (
    Col("name", QT_TRANSLATE_NOOP("OffersScreen", "Offer")), Col("takes", QT_TRANSLATE_NOOP("OffersScreen", "Takes off")), Col("code", QT_TRANSLATE_NOOP("OffersScreen", "Code")), Col("uses", QT_TRANSLATE_NOOP("OffersScreen", "Uses")),
    Col("who", QT_TRANSLATE_NOOP("OffersScreen", "For")), Col("window", QT_TRANSLATE_NOOP("OffersScreen", "Sales")), Col("state", QT_TRANSLATE_NOOP("OffersScreen", "State")), Col("id", QT_TRANSLATE_NOOP("OffersScreen", "Id")),
)
KIND_LABELS = (("percent", QT_TRANSLATE_NOOP("OffersScreen", "Percent off each ticket")),
               ("amount", QT_TRANSLATE_NOOP("OffersScreen", "Amount off the tickets")),
               ("price", QT_TRANSLATE_NOOP("OffersScreen", "Each ticket at a price")))


def takes_off(offer: Offer, currency: str) -> str:
    if offer.kind == "percent":
        return f"{offer.value} %"
    if offer.kind == "amount":
        return QCoreApplication.translate("OffersScreen", "%1 off").replace(
            "%1", format_money(offer.value, currency))
    return QCoreApplication.translate("OffersScreen", "at %1").replace(
        "%1", format_money(offer.value, currency))


def who_for(offer: Offer) -> str:
    """Who the offer is for, in the screen's language: "Adult tickets; Tue; shows
    18:00–24:00" (day names from the locale; film ids are names, shown as stored). The words
    are written out in ``translate`` calls so that lupdate collects them."""
    translate = QCoreApplication.translate
    words = []
    for part in audience(offer):
        if part.kind == "members":
            words.append(translate("OffersScreen", "members"))
        elif part.kind == "tickets":
            words.append(translate("OffersScreen", "%1 tickets").replace(
                "%1", "/".join(ticket_type_name(t) for t in part.values)))
        elif part.kind == "films":
            text = (translate("OffersScreen", "film %1") if len(part.values) == 1
                    else translate("OffersScreen", "films %1"))
            words.append(text.replace("%1", ", ".join(part.values)))
        elif part.kind == "days":
            words.append(", ".join(QLocale().dayName(int(d) + 1, QLocale.FormatType.ShortFormat)
                                   for d in part.values))
        elif part.kind == "times":
            words.append(translate("OffersScreen", "shows %1–%2")
                         .replace("%1", part.values[0]).replace("%2", part.values[1]))
    return "; ".join(words) or translate("OffersScreen", "all tickets")


class OffersScreen(ManagerScreen):
    name = ManagerPage.OFFERS
    title = QT_TRANSLATE_NOOP("OffersScreen", "Offers and promo codes")

    def __init__(self, ctx: ManagerContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.cinema = QComboBox(self)
        self.cinema.setObjectName("offersCinema")
        self.cinema.setMinimumHeight(48)
        self.currencies: dict[str, str] = {}
        for cinema in ctx.cinemas():
            self.cinema.addItem(cinema["name"], cinema["id"])
            self.currencies[cinema["id"]] = cinema["currency"]
        preferred = self.cinema.findData(ctx.config.cinema_id)
        if preferred >= 0:
            self.cinema.setCurrentIndex(preferred)
        self.cinema.currentIndexChanged.connect(lambda _i: self.refresh())
        self.toolbar.addWidget(QLabel(self.tr("Cinema"), self))
        self.toolbar.addWidget(self.cinema)
        self.toolbar.addWidget(button(self.tr("Refresh"), self, role="primary", slot=self.refresh))
        self.toolbar.addWidget(button(self.tr("New offer"), self, name="newOffer", slot=self.clear_form))
        self.model = RowsModel(COLUMNS, self, context="OffersScreen")
        self.model.highlight = lambda row: None if self.model.payload(row).offer.active else "warn"
        self.table = SortedTable(self.model, self)
        self.table.setObjectName("offersTable")
        # the id is for the export and the search (and shows in the form when a row is picked)
        self.table.setColumnHidden(len(COLUMNS) - 1, True)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.outer.addWidget(self.table, 1)
        self._build_form()
        self.outer.addWidget(muted(self.tr(
            "Automatic offers (no code) apply by themselves: each ticket takes its best one. A "
            "code applies on top, to the tickets it fits. Member prices apply when the sale names "
            "a loyalty member. Offers are withdrawn, never deleted: past sales keep naming them."),
            self))

    def _build_form(self) -> None:
        def field(name: str, placeholder: str) -> QLineEdit:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setPlaceholderText(placeholder)
            edit.setMinimumHeight(44)
            return edit

        self.offer_id = field("offerId", self.tr("id, e.g. tuesday"))
        self.name = field("offerName", self.tr("printed name, e.g. Tuesday saver"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("offerKind")
        self.kind.setMinimumHeight(44)
        for key, label in KIND_LABELS:
            self.kind.addItem(QCoreApplication.translate("OffersScreen", label), key)
        self.value = field("offerValue", self.tr("10 (percent) or 150.00"))
        self.code = field("offerCode", self.tr("code (empty: automatic)"))
        self.max_uses = QSpinBox(self)
        self.max_uses.setObjectName("offerMaxUses")
        self.max_uses.setRange(0, 1_000_000)
        self.max_uses.setSpecialValueText(self.tr("no limit"))
        self.max_uses.setMinimumHeight(44)
        self.days = DayPicker(self)
        self.valid_from = field("offerFrom", self.tr("sales from YYYY-MM-DD"))
        self.valid_to = field("offerUntil", self.tr("sales until YYYY-MM-DD"))
        self.shows_from = field("offerShowsFrom", self.tr("shows from HH:MM"))
        self.shows_before = field("offerShowsBefore", self.tr("shows before HH:MM"))
        self.tickets = TicketTypePicker(self)
        self.films = field("offerFilms", self.tr("film ids (empty: every film)"))
        self.members_only = QCheckBox(self.tr("Members only (member price)"), self)
        self.members_only.setObjectName("offerMembersOnly")
        grid = QGridLayout()
        cells = (((self.offer_id, self.tr("Id")), (self.name, self.tr("Name (printed)")),
                  (self.kind, self.tr("Kind")), (self.value, self.tr("Value"))),
                 ((self.code, self.tr("Promo code")), (self.max_uses, self.tr("Most uses (code)")),
                  (self.valid_from, self.tr("Sales from")),
                  (self.valid_to, self.tr("Sales until"))),
                 ((self.shows_from, self.tr("Shows from")),
                  (self.shows_before, self.tr("Shows before")),
                  (self.tickets, self.tr("Ticket types")), (None, "")),
                 ((self.days, self.tr("Show days")), (None, ""), (None, ""),
                  (self.films, self.tr("Films"))))
        spans = {self.tickets: 2, self.days: 3}
        for r, row in enumerate(cells):  # a caption over each field: filled, it still reads
            for c, (widget, caption) in enumerate(row):
                if widget is None:
                    continue
                span = spans.get(widget, 1)
                head = QHBoxLayout()
                head.addWidget(muted(caption, self))
                if isinstance(widget, TogglePicker):  # what none ticked means, beside
                    head.addWidget(widget.summary, 1)
                grid.addLayout(head, 2 * r, c, 1, span)
                # the toggles wrap onto more lines in large text or a longer language
                grid.addWidget(widget, 2 * r + 1, c, 1, span)
        grid.addWidget(self.members_only, 8, 0, 1, 2)
        self.save_button = button(self.tr("Save offer"), self, role="primary", slot=self.save,
                                  name="saveOffer")
        self.withdraw_button = button(self.tr("Withdraw"), self, slot=self.withdraw, name="withdrawOffer")
        grid.addWidget(self.save_button, 8, 3)
        grid.addWidget(self.withdraw_button, 8, 2)
        for c in range(4):
            grid.setColumnStretch(c, 1)
        self.outer.addLayout(grid)

    # -- data ---------------------------------------------------------------------------------
    @property
    def currency(self) -> str:
        return self.currencies.get(self.cinema.currentData() or "", "INR")

    @Slot()
    def refresh(self) -> None:
        cinema_id = self.cinema.currentData()
        if not cinema_id:
            return
        rows = self.call(self.ctx.services.offers.list, cinema_id, True)
        if rows is None:
            return
        self.model.set_rows([self._row(r) for r in rows], rows)
        types = self.call(self.ctx.services.offers.ticket_types, cinema_id)
        if types is not None:
            self.tickets.set_types(types)

    def _row(self, r) -> tuple:
        o = r.offer
        used = r.uses_cloud if r.uses_cloud is not None else r.uses_here
        uses = (self.tr("%1 of %2").replace("%1", str(used)).replace("%2", str(o.max_uses))
                if o.max_uses else str(used)) if o.code else ""
        window = (self.tr("%1 to %2").replace("%1", o.valid_from or "…")
                  .replace("%2", o.valid_to or "…")
                  if o.valid_from or o.valid_to else self.tr("always"))
        return (o.name, takes_off(o, self.currency), o.code or self.tr("automatic"), uses,
                who_for(o), window, self.tr("active") if o.active else self.tr("withdrawn"),
                o.offer_id)

    def _selected(self) -> None:
        row = self.table.selected_payload()
        if row is None:
            return
        o = row.offer
        self.offer_id.setText(o.offer_id)
        self.name.setText(o.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(o.kind)))
        self.value.setText(str(o.value) if o.kind == "percent"
                           else f"{o.value // 100}.{o.value % 100:02d}")
        self.code.setText(o.code)
        self.max_uses.setValue(o.max_uses or 0)
        self.days.set_keys(WEEKDAYS[d] for d in o.weekdays)
        self.valid_from.setText(o.valid_from)
        self.valid_to.setText(o.valid_to)
        self.shows_from.setText(o.from_time)
        self.shows_before.setText(o.to_time)
        self.tickets.set_keys(o.ticket_types)
        self.films.setText(",".join(o.film_ids))
        self.members_only.setChecked(o.members_only)

    @Slot()
    def clear_form(self) -> None:
        for edit in (self.offer_id, self.name, self.value, self.code, self.valid_from,
                     self.valid_to, self.shows_from, self.shows_before, self.films):
            edit.clear()
        self.days.set_keys(())
        self.tickets.set_keys(())
        self.max_uses.setValue(0)
        self.members_only.setChecked(False)
        self.table.clearSelection()

    def record(self) -> dict | None:
        """The form as an offer record (the service checks every field); None: a value that
        is not a number, said in the banner."""
        kind = self.kind.currentData()
        text = self.value.text().strip()
        try:
            value = int(text) if kind == "percent" else parse_money(text)
        except ValueError:
            self.banner.error(self.tr("The value is a whole percent (10), or an amount such as 150 or "
                              "99.50."))
            return None

        def names(edit: QLineEdit) -> list[str]:
            return [p.strip() for p in edit.text().split(",") if p.strip()]

        offer_id = self.offer_id.text().strip()
        edited = next((r.offer for r in self.model.payloads if r.offer.offer_id == offer_id),
                      None)  # changing a withdrawn offer keeps it withdrawn
        return {"id": offer_id, "cinema_id": self.cinema.currentData(),
                "active": edited.active if edited is not None else True,
                "name": self.name.text().strip(), "kind": kind, "value": value,
                "code": self.code.text().strip(), "max_uses": self.max_uses.value() or None,
                "valid_from": self.valid_from.text().strip(),
                "valid_to": self.valid_to.text().strip(), "weekdays": self.days.stored(),
                "from_time": self.shows_from.text().strip(),
                "to_time": self.shows_before.text().strip(), "ticket_types": self.tickets.keys(),
                "film_ids": names(self.films), "members_only": self.members_only.isChecked()}

    @Slot()
    def save(self) -> None:
        record = self.record()
        if record is not None and self.attempt(self.ctx.services.offers.save, self.actor, record,
                                               ok=self.tr("Saved offer %1.").replace("%1", record["name"])):
            self.refresh()

    @Slot()
    def withdraw(self) -> None:
        row = self.table.selected_payload()
        if row is None:
            self.banner.error(self.tr("Please choose an offer in the table first."))
            return
        if self.attempt(self.ctx.services.offers.withdraw, self.actor, row.offer.offer_id,
                        ok=self.tr("Withdrew %1.").replace("%1", row.offer.name)):
            self.refresh()

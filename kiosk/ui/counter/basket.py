"""Basket: a ticket type per seat, with the total and its tax re-quoted by the service live.

Prices come from ``BookingService.quote`` every time a ticket type changes, never from arithmetic
in the widget, so what the screen shows is exactly what ``confirm`` will charge.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import HoldExpired, KioskError
from kiosk.domain.money import format_money
from kiosk.domain.offers import PromoRefused
from kiosk.services.models import TicketType
from kiosk.ui import message
from kiosk.ui.counter.food import FoodPanel
from kiosk.ui.counter.member import MemberBar
from kiosk.ui.counter.screen import Screen
from kiosk.ui.counter.seats import _seat_sort_key
from kiosk.ui.dates import day_time_text
from kiosk.ui.page_names import CounterPage

if TYPE_CHECKING:
    from kiosk.ui.counter.mode import CounterMode

ROW_HEIGHT = 52  # a seat's row: the ticket type box inside is a touch target


def ticket_type_label(ticket_type: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        "adult": QCoreApplication.translate("Basket", "Adult"),
        "child": QCoreApplication.translate("Basket", "Child"),
        "senior": QCoreApplication.translate("Basket", "Senior"),
        "student": QCoreApplication.translate("Basket", "Student"),
    }
    return labels.get(ticket_type, ticket_type.title())


def seat_type_label(seat_type: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        "standard": QCoreApplication.translate("Basket", "Standard"),
        "premium": QCoreApplication.translate("Basket", "Premium"),
        "recliner": QCoreApplication.translate("Basket", "Recliner"),
        "wheelchair": QCoreApplication.translate("Basket", "Wheelchair space"),
        "companion": QCoreApplication.translate("Basket", "Companion"),
    }
    return labels.get(seat_type, seat_type.title())


class TicketTypeBox(QComboBox):
    """A seat's ticket type; the mouse wheel scrolls the page unless the box has focus, so a
    cashier scrolling the basket never changes a ticket by accident.

    The basket makes these once and reuses them sale after sale (``BasketScreen._box``): under
    the app's style sheet every QComboBox made and deleted leaves about 1 kB behind for good
    (Qt's QStyleSheetStyle caches style rules for the box's popup frame, which it never
    polishes, so it never hears that the frame is gone): a box per seat per sale was the
    counter's slow memory growth (issue 15 point 6)."""

    typeChosen = Signal(str, str)  # seat code, ticket type: the cashier picked another type

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seat_code = ""
        self.currentIndexChanged.connect(self._chosen)

    @Slot(int)
    def _chosen(self, _index: int) -> None:
        self.typeChosen.emit(self.seat_code, self.currentData())

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class BasketScreen(Screen):
    """Tickets and food on the left, the order and its total beside the Payment button.

    The seat table is exactly as tall as its rows; the right column keeps the money and the
    actions in one place: what can grow (the food lines, a member's status, discounts) sits
    above what is tapped, so "Apply code", "Payment" and the item buttons never move between
    two taps.
    """

    name = CounterPage.BASKET

    def __init__(self, ctl: CounterMode) -> None:
        super().__init__(ctl)
        self.combos: dict[str, QComboBox] = {}  # the seats' boxes, by seat code
        self._boxes: list[TicketTypeBox] = []  # every box made, row by row, reused
        self._parked = QWidget(self)  # holds the boxes while the table swaps its cells
        self._parked.hide()
        self._init_tickets()
        self._init_order()
        self.food = FoodPanel(self)
        self.food.changed.connect(self._food_changed)
        self._init_layout()

    def _init_tickets(self) -> None:
        self.film_label = QLabel("", self)
        self.film_label.setObjectName("basketFilm")
        self.film_label.setProperty("role", "title")
        self.show_label = QLabel("", self)
        self.show_label.setObjectName("basketShow")
        self.show_label.setProperty("role", "muted")
        self.show_label.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("basketTable")
        self.table.setHorizontalHeaderLabels([self.tr("Seat"), self.tr("Seat type"),
                                              self.tr("Ticket"), self.tr("Price")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.all_adult = QPushButton(self.tr("All adult"), self)
        self.all_adult.setObjectName("allAdult")
        self.all_adult.clicked.connect(lambda: self.set_all("adult"))
        self.all_child = QPushButton(self.tr("All child"), self)
        self.all_child.setObjectName("allChild")
        self.all_child.clicked.connect(lambda: self.set_all("child"))

    def _init_order(self) -> None:
        """The right column: code, member, discounts, total and the two ways on."""
        self.tax_label = QLabel("", self)
        self.tax_label.setObjectName("basketTax")
        self.tax_label.setProperty("role", "muted")
        self.tax_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.breakdown_label = QLabel("", self)
        self.breakdown_label.setObjectName("basketBreakdown")
        self.breakdown_label.setProperty("role", "muted")
        self.breakdown_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_label = QLabel("", self)
        self.total_label.setObjectName("basketTotal")
        self.total_label.setProperty("role", "money")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.back_button = QPushButton(self.tr("Change seats (Esc)"), self)
        self.back_button.setObjectName("basketBack")
        self.back_button.clicked.connect(self.back)
        self.pay_button = QPushButton(self.tr("Payment  ⏎"), self)
        self.pay_button.setObjectName("toPayment")
        self.pay_button.setProperty("role", "primary")
        self.pay_button.setMinimumHeight(64)
        self.pay_button.clicked.connect(self.to_payment)

        self.promo_edit = QLineEdit(self)
        self.promo_edit.setObjectName("promoCode")
        self.promo_edit.setPlaceholderText(self.tr("Promo code or voucher"))
        self.promo_edit.setAccessibleName(self.tr("Promo code or voucher"))
        self.promo_edit.setMaxLength(24)
        self.promo_edit.returnPressed.connect(self.apply_promo)
        self.promo_button = QPushButton(self.tr("Apply code"), self)
        self.promo_button.setObjectName("applyPromo")
        self.promo_button.clicked.connect(self.apply_promo)
        self.promo_clear = QPushButton("✕", self)  # beside the code it removes: one row
        self.promo_clear.setObjectName("removePromo")
        self.promo_clear.setToolTip(self.tr("Remove code"))
        self.promo_clear.setAccessibleName(self.tr("Remove code"))
        self.promo_clear.clicked.connect(self.remove_promo)
        self.discounts_label = QLabel("", self)
        self.discounts_label.setObjectName("basketDiscounts")
        self.discounts_label.setProperty("role", "money")
        self.discounts_label.setWordWrap(True)
        self.discounts_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.member_bar = MemberBar(self)
        self.member_bar.changed.connect(self.requote)
        self.tickets_count = QLabel("", self)  # the order's first line: the seats, priced
        self.tickets_count.setObjectName("basketTicketCount")
        self.tickets_count.setStyleSheet("font-weight: 600;")
        self.tickets_amount = QLabel("", self)
        self.tickets_amount.setObjectName("basketTicketAmount")
        self.tickets_amount.setStyleSheet("font-weight: 600;")

    def _init_layout(self) -> None:
        what = QVBoxLayout()
        what.setSpacing(0)
        what.addWidget(self.film_label)
        what.addWidget(self.show_label)
        heading = QHBoxLayout()
        heading.addLayout(what, 1)
        heading.addWidget(self.all_adult, 0, Qt.AlignmentFlag.AlignBottom)
        heading.addWidget(self.all_child, 0, Qt.AlignmentFlag.AlignBottom)
        tickets = QWidget()
        tickets.setObjectName("basketTickets")
        left = QVBoxLayout(tickets)
        left.setContentsMargins(0, 0, 8, 0)
        left.addLayout(heading)
        left.addWidget(self.table)
        left.addWidget(self.food)
        left.addStretch(1)
        self.tickets_scroll = QScrollArea(self)  # many seats and a long menu scroll here;
        self.tickets_scroll.setObjectName("basketScroll")  # the total and Payment stay put
        self.tickets_scroll.setWidget(tickets)
        self.tickets_scroll.setWidgetResizable(True)
        self.tickets_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tickets_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.order_panel = QFrame(self)
        self.order_panel.setObjectName("basketOrder")
        self.order_panel.setProperty("role", "card")
        promo = QHBoxLayout()
        promo.addWidget(self.promo_edit, 1)
        promo.addWidget(self.promo_button)
        promo.addWidget(self.promo_clear)
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addWidget(self.pay_button, 1)
        tickets_row = QHBoxLayout()
        tickets_row.addWidget(self.tickets_count, 1)
        tickets_row.addWidget(self.tickets_amount)
        right = QVBoxLayout(self.order_panel)
        right.setContentsMargins(16, 12, 16, 12)
        right.addLayout(tickets_row)
        right.addWidget(self.food.order, 100)  # what grows takes the room up here (and with
        right.addStretch(1)  # no menu, an empty stretch keeps the money at the bottom)
        right.addWidget(self.member_bar)
        right.addWidget(self.discounts_label)
        right.addLayout(promo)
        right.addSpacing(6)
        right.addWidget(self.breakdown_label)
        right.addWidget(self.total_label)
        right.addWidget(self.tax_label)
        right.addLayout(actions)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)
        layout.addWidget(self.tickets_scroll, 2)  # shares, not content, set the widths:
        layout.addWidget(self.order_panel, 1)  # a longer total never shifts the columns

    def enter(self) -> None:
        sale = self.session.sale
        if sale.hold is None or sale.show is None:
            self.ctl.go(CounterPage.SEATS if sale.show else CounterPage.FINDER)
            return
        summary = sale.show.summary
        self.film_label.setText(summary.film_title)
        self.show_label.setText(f"{summary.cinema_name}  ·  {summary.hall_name}  ·  "
                                f"{day_time_text(summary.local_start)}")
        seats = sorted(sale.hold.seats, key=_seat_sort_key)
        sale.ticket_types = {code: sale.ticket_types.get(code, TicketType.ADULT.value)
                             for code in seats}
        for box in self._boxes:  # out of the old cells before the table deletes them
            box.setParent(self._parked)
            box.setObjectName("ticketTypeSpare")
            box.seat_code = ""
        self.table.setRowCount(len(seats))
        self.combos = {}
        previous: QWidget | None = None
        for row, code in enumerate(seats):
            seat_type = str(sale.show.layout.seats[code].type)
            self.table.setItem(row, 0, QTableWidgetItem(code))
            self.table.setItem(row, 1, QTableWidgetItem(seat_type_label(seat_type)))
            combo = self._box(row)
            combo.blockSignals(True)  # filling it in is not the cashier choosing
            combo.clear()
            combo.seat_code = code
            combo.setObjectName(f"ticketType_{code}")
            combo.setAccessibleName(self.tr("Ticket type for seat %1").replace("%1", code))
            for ticket_type in self._types_for(seat_type):
                combo.addItem(ticket_type_label(ticket_type), ticket_type)
            combo.setCurrentIndex(max(0, combo.findData(sale.ticket_types[code])))
            combo.blockSignals(False)
            self.table.setCellWidget(row, 2, self._cell(combo))
            combo.show()
            self.table.setRowHeight(row, max(ROW_HEIGHT, combo.sizeHint().height() + 4))
            price = QTableWidgetItem("")
            price.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 3, price)
            self.combos[code] = combo
            if previous is not None:
                self.setTabOrder(previous, combo)
            previous = combo
        if previous is not None:
            self.setTabOrder(previous, self.pay_button)
        self._fit_table()
        self.food.set_menu(self._menu(summary.cinema_id), sale.items)
        exchange = sale.exchange_from is not None  # an exchange carries the old payment: no code
        for widget in (self.promo_edit, self.promo_button, self.promo_clear):
            widget.setVisible(not exchange)
        self.promo_edit.setText(sale.promo)
        self.member_bar.setVisible(not exchange and self.services.loyalty is not None)
        self.member_bar.set_member(sale.member)
        self._fit_widths()
        self.requote()

    def _box(self, row: int) -> TicketTypeBox:
        """Row ``row``'s ticket type box: made the first time a basket has that many seats,
        then the same box every sale (see ``TicketTypeBox`` for why)."""
        while len(self._boxes) <= row:
            box = TicketTypeBox(self._parked)
            box.typeChosen.connect(self._type_changed)
            self._boxes.append(box)
        return self._boxes[row]

    @staticmethod
    def _cell(box: TicketTypeBox) -> QWidget:
        """A plain holder for the table cell: the table deletes its cell widgets when rows go,
        and a holder costs nothing to delete, the box is taken out first."""
        cell = QWidget()
        cell.setObjectName("ticketTypeCell")
        layout = QHBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(box)  # fills the cell, as the box did as the cell widget itself
        return cell

    def _fit_widths(self) -> None:
        """Whole words and whole hints at the current text size (large text may have changed
        since the screen was built)."""
        self.promo_button.setMinimumWidth(0)
        self.promo_button.setMinimumWidth(self.promo_button.sizeHint().width() + 24)
        self.breakdown_label.setMinimumHeight(self.breakdown_label.fontMetrics().height())
        for edit in (self.promo_edit, self.member_bar.phone_edit):
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 40)

    def _fit_table(self) -> None:
        """The table as tall as its header and rows: no empty table area, no inner scroll;
        the ticket column as wide as its widest box, so no box spills into the price."""
        table = self.table
        widest = max((combo.sizeHint().width() for combo in self.combos.values()), default=0)
        header = table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(2, max(widest + 8, header.sectionSizeHint(2)))
        height = (table.horizontalHeader().sizeHint().height()
                  + sum(table.rowHeight(row) for row in range(table.rowCount()))
                  + 2 * table.frameWidth())
        table.setFixedHeight(height)

    def _menu(self, cinema_id: str):
        """The cinema's food and drink menu; None in an exchange (seats only) or with no menu."""
        if self.session.sale.exchange_from is not None or self.services.menu is None:
            return None
        try:
            menu = self.services.menu.menu(cinema_id)
        except KioskError:
            return None
        return menu if menu.items else None

    @Slot()
    def _food_changed(self) -> None:
        self.ctl.note_activity()
        self.requote()

    def first_focus(self) -> QWidget | None:
        return next(iter(self.combos.values()), self.pay_button)

    @Slot()
    def back(self) -> None:
        self.ctl.go(CounterPage.SEATS)

    def refresh(self) -> None:
        self.requote()

    def _types_for(self, seat_type: str) -> list[str]:
        prices = self.session.sale.show.prices
        found = [t.value for t in TicketType if (seat_type, t.value) in prices]
        return found or [TicketType.ADULT.value]

    @Slot(str, str)
    def _type_changed(self, code: str, ticket_type: str) -> None:
        self.ctl.note_activity()
        self.session.sale.ticket_types[code] = ticket_type
        self.requote()

    def set_all(self, ticket_type: str) -> None:
        for code, combo in self.combos.items():
            index = combo.findData(ticket_type)
            if index >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
                self.session.sale.ticket_types[code] = ticket_type
        self.requote()

    @Slot()
    def apply_promo(self) -> None:
        """Price the basket with the code typed; a code that does not apply is said and
        dropped, and the basket is priced without it."""
        self.ctl.note_activity()
        self.session.sale.promo = self.promo_edit.text().strip()
        if self.requote() and self.session.sale.promo:
            message.ok(self.tr("Code %1 applied.").replace("%1", self.session.sale.promo.upper()))

    @Slot()
    def remove_promo(self) -> None:
        self.session.sale.promo = ""
        self.promo_edit.clear()
        self.requote()

    @Slot()
    def requote(self) -> bool:
        sale = self.session.sale
        if sale.hold is None:
            return False
        try:
            try:
                quote = self.bridge.call(self.services.booking.quote, sale.hold.hold_id,
                                         dict(sale.ticket_types), sale.promo, sale.member_phone)
            except PromoRefused as refused:  # say why, and sell on without the code
                sale.promo = ""
                self.promo_edit.clear()
                message.error(str(refused))
                quote = self.bridge.call(self.services.booking.quote, sale.hold.hold_id,
                                         dict(sale.ticket_types), "", sale.member_phone)
        except HoldExpired as err:
            self.ctl.sales.hold_lost(str(err))
            return False
        except KioskError as err:
            message.error(str(err))
            self.pay_button.setEnabled(False)
            return False
        tickets_minor = quote.total_minor
        if sale.items:  # one total for the basket: the payment screen takes it all at once
            try:
                food = self.bridge.call(self.services.items.quote,
                                        sale.show.summary.cinema_id, list(sale.items))
            except KioskError as err:
                message.error(str(err))
                self.pay_button.setEnabled(False)
                self.food.show_lines({})
                return False
            self.food.show_lines({n: f"{line.qty} × {line.label}   "
                                     f"{format_money(line.total_minor, food.currency)}"
                                  for n, line in enumerate(food.lines)})
            quote = dataclasses.replace(quote, total_minor=quote.total_minor + food.total_minor,
                                        tax_minor=quote.tax_minor + food.tax_minor)
        else:
            self.food.show_lines({})
        sale.quote = quote
        self.ctl.customerViewChanged.emit()
        by_seat = {line.seat_code: line for line in quote.lines}
        for row in range(self.table.rowCount()):
            code = self.table.item(row, 0).text()
            line = by_seat.get(code)
            text = format_money(line.price_minor, quote.currency) if line else ""
            if line is not None and line.discount_minor:
                text = self.tr("%1 (was %2)").replace("%1", text).replace(
                    "%2", format_money(line.price_minor + line.discount_minor, quote.currency))
            self.table.item(row, 3).setText(text)
        self.discounts_label.setText("   ·   ".join(
            [f"{d.label}{f' ({d.code})' if d.code else ''}   "
             f"{format_money(-d.amount_minor, quote.currency)}" for d in quote.discounts]
            + [f"{label}   {format_money(0, quote.currency)}" for label in quote.free_items]))
        self.discounts_label.setVisible(bool(quote.discounts or quote.free_items))
        self.tickets_count.setText(self.tr("Tickets: %1").replace("%1", str(len(quote.lines))))
        self.tickets_amount.setText(format_money(tickets_minor, quote.currency))
        self.total_label.setText(self.tr("Total %1").replace(
            "%1", format_money(quote.total_minor, quote.currency)))
        self.breakdown_label.setText(self.tr("(tickets %1 + food and drink %2)").replace(
            "%1", format_money(tickets_minor, quote.currency)).replace(
            "%2", format_money(quote.total_minor - tickets_minor, quote.currency))
            if sale.items else "")  # its line is kept when empty: the total never moves
        self.tax_label.setText(self.tr("includes tax %1").replace(
            "%1", format_money(quote.tax_minor, quote.currency)))
        self.pay_button.setEnabled(True)
        return True

    @Slot()
    def to_payment(self) -> None:
        if self.pay_button.isEnabled() and self.requote():
            self.ctl.go(CounterPage.PAYMENT)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.to_payment()
            return
        super().keyPressEvent(event)

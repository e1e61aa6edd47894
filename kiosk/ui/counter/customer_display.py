"""The customer display (issue 13 point 5): an optional second window, on the counter's second
screen, turned towards the customer: the show's seat map with their seats, the basket, the
total and the change due, in the customer's language (which may differ from the cashier's).

It only reads the counter's sale (``CounterSession``) when the counter says something changed
(``CounterMode.customerViewChanged``); it never calls a service that writes. Its words come from
its own translator (not the application's), so the counter can stay in English while the
customer reads Hindi or Telugu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, QTranslator, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.money import format_money
from kiosk.ui.dates import day_time_text
from kiosk.ui.i18n import LANGUAGES, LOCALES, translation_file
from kiosk.ui.page_names import SALE_PAGES, CounterPage

if TYPE_CHECKING:
    from kiosk.ui.counter.mode import CounterMode

CONTEXT = "CustomerDisplay"
TEXTS = {
    "welcome": QT_TRANSLATE_NOOP("CustomerDisplay", "Welcome"),
    "next": QT_TRANSLATE_NOOP("CustomerDisplay", "Please tell us which film you would like."),
    "seats": QT_TRANSLATE_NOOP("CustomerDisplay", "Your seats"),
    "none": QT_TRANSLATE_NOOP("CustomerDisplay", "Choosing your seats…"),
    "total": QT_TRANSLATE_NOOP("CustomerDisplay", "Total"),
    "paid": QT_TRANSLATE_NOOP("CustomerDisplay", "Paid"),
    "change": QT_TRANSLATE_NOOP("CustomerDisplay", "Your change"),
    "thanks": QT_TRANSLATE_NOOP("CustomerDisplay", "Thank you! Enjoy the show."),
    "reference": QT_TRANSLATE_NOOP("CustomerDisplay", "Booking reference"),
    "discount": QT_TRANSLATE_NOOP("CustomerDisplay", "Discount"),
    "adult": QT_TRANSLATE_NOOP("CustomerDisplay", "Adult"),
    "child": QT_TRANSLATE_NOOP("CustomerDisplay", "Child"),
    "senior": QT_TRANSLATE_NOOP("CustomerDisplay", "Senior"),
    "student": QT_TRANSLATE_NOOP("CustomerDisplay", "Student"),
}


class CustomerDisplay(QWidget):
    """A top-level window; ``show_on_second_screen`` puts it where the customer looks."""

    def __init__(self, counter: CounterMode, language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("customerDisplay")
        self.setWindowTitle("Box Office — customer display")
        self.counter = counter
        self._translator: QTranslator | None = None
        self.language = "en"
        self.setStyleSheet(
            "QWidget#customerDisplay { background: #101820; }"
            "QWidget#customerDisplay QLabel { color: #ffffff; }"
            "QLabel#cdTitle { font-size: 40px; font-weight: 800; }"
            "QLabel#cdSub { font-size: 24px; color: #c9d3dd; }"
            "QLabel#cdLines { font-size: 26px; }"
            "QLabel#cdTotal { font-size: 48px; font-weight: 800; color: #ffd54a; }"
            "QLabel#cdChange { font-size: 40px; font-weight: 800; color: #7dffa8; }")
        self.title = QLabel("", self)
        self.title.setObjectName("cdTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel("", self)
        self.subtitle.setObjectName("cdSub")
        self.subtitle.setWordWrap(True)
        self.map_holder = QFrame(self)
        self.map_holder.setObjectName("cdMap")
        self.map_layout = QVBoxLayout(self.map_holder)
        self.map_layout.setContentsMargins(0, 0, 0, 0)
        self.panel = None
        self._panel_show = None
        self._map_state: tuple | None = None  # (show, hold, seats) the map shows
        self.lines = QLabel("", self)
        self.lines.setObjectName("cdLines")
        self.lines.setWordWrap(True)
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.total = QLabel("", self)
        self.total.setObjectName("cdTotal")
        self.change = QLabel("", self)
        self.change.setObjectName("cdChange")
        for money in (self.total, self.change):
            money.setWordWrap(True)
        side_box = QWidget(self)
        side_box.setMaximumWidth(520)  # the map gets the rest of the screen
        side = QVBoxLayout(side_box)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.lines, 1)
        side.addWidget(self.total)
        side.addWidget(self.change)
        body = QHBoxLayout()
        body.addWidget(self.map_holder, 1)
        body.addWidget(side_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(body, 1)
        self.set_language(language)
        counter.customerViewChanged.connect(self.refresh)
        self.refresh()

    # -- language ---------------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """The customer's language, for this window only."""
        translator = None
        if language != "en" and language in LANGUAGES:
            translator = QTranslator(self)
            if not translator.load(str(translation_file(language))):
                translator = None
        self._translator = translator
        self.language = language if translator is not None or language == "en" else "en"
        self.refresh()

    def t(self, key: str) -> str:
        source = TEXTS[key]
        if self._translator is not None:
            translated = self._translator.translate(CONTEXT, source)
            if translated:
                return translated
        return source

    # -- what the customer sees ---------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        session = self.counter.session
        sale = session.sale
        stage = session.screen
        self.change.clear()
        if stage == CounterPage.TICKET and sale.booking is not None:
            self._thanks(sale.booking)
            return
        if stage not in SALE_PAGES or sale.show is None:
            self._welcome()
            return
        summary = sale.show.summary
        self.title.setText(summary.film_title)
        locale = QLocale(LOCALES.get(self.language, "en_IN"))  # the customer's day names
        self.subtitle.setText(f"{day_time_text(summary.local_start, locale)} · "
                              f"{summary.cinema_name} · "
                              f"{summary.hall_name}")
        self._show_map(sale)
        self._show_basket(sale)
        if stage == "payment":
            self._show_change()

    def _welcome(self) -> None:
        self.title.setText(self.t("welcome"))
        self.subtitle.setText(self.t("next"))
        self.lines.clear()
        self.total.clear()
        self._drop_map()

    def _thanks(self, booking) -> None:
        """What the whole basket cost (tickets and food, one payment) and the change given."""
        from kiosk.domain.errors import KioskError

        food = None
        items = self.counter.services.items
        if items is not None:
            try:
                food = self.counter.bridge.call(items.for_booking, booking.booking_id)
            except KioskError:
                food = None
        paid = booking.total_minor + (food.total_minor if food is not None else 0)
        tenders = (*booking.tenders, *(food.tenders if food is not None else ()))
        change = sum(t.change_minor or 0 for t in tenders if t.kind == "cash") if tenders \
            else (booking.change_minor or 0)
        self.title.setText(self.t("thanks"))
        self.subtitle.setText(f"{self.t('reference')}: {booking.reference}")
        self.lines.setText(f"{self.t('seats')}: "
                           + ", ".join(line.seat_code for line in booking.lines))
        self.total.setText(f"{self.t('paid')} {format_money(paid, booking.currency)}")
        if change:
            self.change.setText(f"{self.t('change')} {format_money(change, booking.currency)}")
        self._drop_map()

    def _show_basket(self, sale) -> None:
        currency = sale.show.summary.currency
        if not sale.seats:
            self.lines.setText(self.t("none"))
            self.total.clear()
            return
        quote = sale.quote
        rows = [f"{self.t('seats')}: {', '.join(sale.seats)}"]
        if quote is not None:
            for line in quote.lines:
                kind = self.t(line.ticket_type) if line.ticket_type in TEXTS else line.ticket_type
                rows.append(f"{line.seat_code} · {kind}   {format_money(line.price_minor, currency)}")
            for discount in quote.discounts:
                rows.append(f"{self.t('discount')}   -{format_money(discount.amount_minor, currency)}")
            self.total.setText(f"{self.t('total')} {format_money(quote.total_minor, currency)}")
        else:
            self.total.clear()
        self.lines.setText("\n".join(rows))

    def _show_change(self) -> None:
        payment = self.counter.payment
        tendered = payment.tendered_minor()
        due = payment.remaining_minor
        currency = payment.currency
        if tendered is not None and tendered >= due > 0:
            self.change.setText(f"{self.t('paid')} {format_money(tendered, currency)}\n"
                                f"{self.t('change')} {format_money(tendered - due, currency)}")

    def _show_map(self, sale) -> None:
        """The hall's map alone (no zoom or "best seats" controls, no hints in the counter's
        language): the customer's seats ticked, the others as they are now."""
        from kiosk.domain.errors import KioskError
        from kiosk.ui.seatmap.view import SeatMapView

        detail = sale.show
        shown = (detail.summary.show_id, sale.hold.hold_id if sale.hold else None, sale.seats)
        if self.panel is not None and shown == self._map_state:
            return  # a keystroke at the payment: the map has not changed
        self._map_state = shown
        if self.panel is None or self._panel_show != detail.summary.show_id:
            self._drop_map()
            self.panel = SeatMapView(self.map_holder)
            self.panel.set_layout(detail.layout)
            self.panel.setEnabled(False)  # to look at, not to tap
            self.map_holder.show()
            self.map_layout.addWidget(self.panel)
            self._panel_show = detail.summary.show_id
        try:
            statuses = self.counter.bridge.call(self.counter.services.catalogue.seat_map,
                                                detail.summary.show_id,
                                                sale.hold.hold_id if sale.hold else None)
        except KioskError:
            return
        self.panel.set_statuses(statuses)

    def _drop_map(self) -> None:
        self.map_holder.hide()  # the words take the screen
        if self.panel is not None:
            self.map_layout.removeWidget(self.panel)
            self.panel.deleteLater()
            self.panel = None
            self._panel_show = None
            self._map_state = None

    def show_on_second_screen(self) -> None:
        """Full screen on the second monitor when there is one; a plain window otherwise."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setScreen(screens[1])
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
        else:
            self.resize(1024, 640)
            self.show()

"""The self-service kiosk: one sale from the attract screen to the printed ticket.

``SelfServiceWidget`` is the stack the main window hosts in self-service mode. It owns the sale in
progress (show, hold, ticket types, quote, card, contact) and moves between screens; the screens
only show things and report taps. Booking rules stay in the services: every seat change, quote
and the confirm go through ``BookingService`` via the bridge.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.config import Config
from kiosk.domain.errors import HoldExpired, KioskError, SeatsUnavailable
from kiosk.domain.menu import Order
from kiosk.services.app import Services
from kiosk.services.loyalty import Member
from kiosk.services.models import (
    Actor,
    Booking,
    Hold,
    Payment,
    Quote,
    ShowDetail,
    ShowQuery,
    ShowSummary,
)
from kiosk.ui import i18n
from kiosk.ui.bridge import Bridge
from kiosk.ui.dates import day_time_text, time_text
from kiosk.ui.hold_countdown import HoldCountdown
from kiosk.ui.i18n import language_manager
from kiosk.ui.page_names import SelfServicePage
from kiosk.ui.pages import PageStack, page_name
from kiosk.ui.selfservice.attract import AttractScreen
from kiosk.ui.selfservice.collect import CollectScreen
from kiosk.ui.selfservice.contact import ContactScreen
from kiosk.ui.selfservice.count import CountScreen
from kiosk.ui.selfservice.done import DoneScreen
from kiosk.ui.selfservice.films import FilmsScreen
from kiosk.ui.selfservice.idle import IdleWatcher, StillTherePrompt
from kiosk.ui.selfservice.payment import PaymentScreen
from kiosk.ui.selfservice.review import ReviewScreen
from kiosk.ui.selfservice.screen import SelfServiceScreen
from kiosk.ui.selfservice.seats import SeatsScreen
from kiosk.ui.selfservice.shows import ShowsScreen
from kiosk.ui.selfservice.snacks import SnacksScreen, offers
from kiosk.ui.selfservice.steps import mark_step
from kiosk.ui.selfservice.style import apply_style
from kiosk.ui.selfservice.ticket_types import TicketTypesScreen
from kiosk.ui.theme import ThemeManager
from kiosk.ui.widgets.banner import CustomerBanner

log = logging.getLogger(__name__)

PROMPT_MAX_S = 12.0  # how long "Are you still there?" waits (never longer than the idle period)


@dataclass
class Sale:
    """What the customer has chosen so far."""

    film: dict = field(default_factory=dict)
    query: ShowQuery | None = None
    show: ShowSummary | None = None
    detail: ShowDetail | None = None
    hold: Hold | None = None
    ticket_types: dict[str, str] = field(default_factory=dict)
    promo: str = ""  # a promo code that applies to the tickets
    member: Member | None = None  # the loyalty member the customer said they are
    quote: Quote | None = None
    card_last4: str | None = None
    contact: str = ""
    booking: Booking | None = None
    items: list[Order] = field(default_factory=list)  # the upsell's food and drink
    ticket_quote: Quote | None = None  # the tickets alone (``quote`` adds the food)
    snacks_shown: bool = False


class SelfServiceWidget(QWidget):
    """Attract -> films -> shows -> seats -> tickets -> snacks -> pay -> contact -> confirm ->
    ticket."""

    saleCompleted = Signal(object)  # Booking
    saleAbandoned = Signal()

    def __init__(self, services: Services, bridge: Bridge, config: Config,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfService")
        self.services = services
        self.bridge = bridge
        self.config = config
        self.sale = Sale()
        self._actor: Actor | None = None
        self._shut_down = False
        self.stack = PageStack(self)
        self.banner = CustomerBanner(self)  # a background call's failure, in friendly words
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack)

        self._chosen_city: Callable[[], object] = lambda: None  # until the films step exists
        self.attract = AttractScreen()
        self.films = FilmsScreen(services, self.today, cinema_id=config.cinema_id)
        self.shows = ShowsScreen(services, self.today)
        self.seats = SeatsScreen(bridge, self.actor)
        self.seats.map.set_max_together(int(config.max_seats_per_booking))
        self.tickets = TicketTypesScreen(services)
        self.snacks = SnacksScreen()
        self.pay = PaymentScreen()
        self.contact = ContactScreen()
        self.review = ReviewScreen()
        self.done = DoneScreen()
        self.collect = CollectScreen()
        self.count = CountScreen(int(config.max_seats_per_booking))
        self._chosen_city = self.films.groups["city"].value
        self._screens: dict[str, SelfServiceScreen] = {}
        for screen in (self.attract, self.films, self.shows, self.seats, self.tickets,
                       self.snacks, self.pay, self.contact, self.review, self.done,
                       self.collect, self.count):
            self.stack.add(screen)
            self._screens[page_name(screen)] = screen
        self._wire()

        idle_s = float(config.self_service_idle_s)
        self.idle_watcher = IdleWatcher(idle_s, self)
        self.idle_watcher.idle.connect(self._on_idle)
        self.prompt = StillTherePrompt(self, min(PROMPT_MAX_S, idle_s))
        self.prompt.stillHere.connect(self._still_here)
        self.prompt.timedOut.connect(self.abandon)
        self.countdown = HoldCountdown(lambda: self.sale.hold, bridge.now, interval_ms=500,
                                       parent=self)
        self.countdown.ticked.connect(self._show_countdown)
        self.countdown.cleared.connect(self._hide_countdown)
        self.countdown.expired.connect(self._hold_ran_out)
        self.countdown.start()
        bridge.dataChanged.connect(self._data_changed)
        apply_style(self)
        theme = ThemeManager.instance()
        if theme is not None:
            # bound methods (not lambdas): Qt drops these connections with this widget
            theme.themeChanged.connect(self._restyle)
            theme.largeTextChanged.connect(self._restyle)
        self.attract.set_language(language_manager().language)
        self.go_attract()

    # -- wiring ------------------------------------------------------------------------------
    def _wire(self) -> None:
        self.banner.follow()
        self.attract.startRequested.connect(self.start)
        self.attract.collectRequested.connect(self.start_collect)
        self._follow_theme()
        self.collect.backRequested.connect(self.go_attract)
        self.collect.cancelRequested.connect(self.go_attract)
        self.collect.findRequested.connect(self._find_booking)
        self.collect.collectRequested.connect(self._collect_booking)
        self.count.countChosen.connect(self._count_chosen)
        self.count.backRequested.connect(lambda: self.show_screen(SelfServicePage.SHOWS))
        self.count.cancelRequested.connect(self.abandon)
        self.attract.languageRequested.connect(self.set_language)
        for screen in (self.films, self.shows, self.seats, self.tickets, self.snacks, self.pay,
                       self.contact, self.review):
            screen.cancelRequested.connect(self.abandon)
        self.films.backRequested.connect(self.abandon)
        self.films.filmChosen.connect(self.choose_film)
        self.shows.backRequested.connect(lambda: self.show_screen(SelfServicePage.FILMS))
        self.shows.showChosen.connect(self.choose_show)
        self.seats.backRequested.connect(self._back_from_seats)
        self.seats.holdChanged.connect(self._hold_changed)
        self.seats.continueRequested.connect(self._to_tickets)
        self.tickets.backRequested.connect(lambda: self.show_screen(SelfServicePage.SEATS))
        self.tickets.continueRequested.connect(self._to_snacks)
        self.snacks.backRequested.connect(lambda: self.show_screen(SelfServicePage.TICKETS))
        self.snacks.continueRequested.connect(self._snacks_chosen)
        self.pay.backRequested.connect(
            lambda: self.show_screen(SelfServicePage.SNACKS if self.sale.snacks_shown else SelfServicePage.TICKETS))
        self.pay.cardAccepted.connect(self._card_accepted)
        self.contact.backRequested.connect(lambda: self.show_screen(SelfServicePage.PAY))
        self.contact.contactEntered.connect(self._contact_entered)
        self.review.backRequested.connect(lambda: self.show_screen(SelfServicePage.CONTACT))
        self.review.confirmRequested.connect(self.confirm)
        self.done.printRequested.connect(self.print_ticket)
        self.done.finished.connect(self.go_attract)

    # -- helpers -----------------------------------------------------------------------------
    def actor(self) -> Actor:
        """The self-service principal (``AuthService.self_service_actor``)."""
        if self._actor is None:
            self._actor = self.services.auth.self_service_actor()
        return self._actor

    def today(self) -> date:
        """Today where this kiosk's cinemas are: the chosen city's zone, else the usual zone.

        Show days are cinema-local (the catalogue filters by each cinema's own date), so the
        day chips must be labelled in the same zone as the cinemas the customer is looking at.
        """
        zone = "Asia/Kolkata"
        try:
            city = self._chosen_city()
            zones = [c.get("timezone") for c in self.services.catalogue.cinemas(city)
                     if c.get("timezone") and (not self.config.cinema_id
                                               or c.get("id") == self.config.cinema_id)]
            if zones:
                zone = Counter(zones).most_common(1)[0][0]
        except Exception:
            log.exception("could not read cinemas")
        return self.bridge.now().astimezone(ZoneInfo(zone)).date()

    def current_name(self) -> str:
        return self.stack.current_name()

    def screen(self, name: SelfServicePage | str) -> SelfServiceScreen:
        return self._screens[name]

    def show_screen(self, name: SelfServicePage | str) -> None:
        mark_step(self._screens[name], name)
        self.stack.go(name)
        self.idle_watcher.set_active(name != SelfServicePage.ATTRACT)
        self.countdown.tick()

    @Slot()
    def _restyle(self) -> None:
        if self._shut_down:
            return
        apply_style(self)
        self._seat_palette()

    def _seat_palette(self) -> None:
        from kiosk.ui.selfservice.style import is_high_contrast

        self.seats.set_high_contrast(is_high_contrast())

    # -- the flow ----------------------------------------------------------------------------
    @Slot()
    def go_attract(self) -> None:
        self.prompt.stop()
        self.banner.clear()  # the next customer does not read the last one's problem
        self.sale = Sale()
        try:
            self.attract.set_films(self.services.catalogue.films(ShowQuery()))
        except Exception:
            log.exception("could not load films for the attract screen")
        self.show_screen(SelfServicePage.ATTRACT)
        self.attract.setFocus()

    @Slot()
    def start(self) -> None:
        self.films.refresh()
        self.show_screen(SelfServicePage.FILMS)

    @Slot(str)
    def set_language(self, code: str) -> None:
        language_manager().set_language(code)
        self.attract.set_language(language_manager().language)

    @Slot(dict, object)
    def choose_film(self, film: dict, query: ShowQuery | None = None) -> None:
        self.sale.film = film
        self.sale.query = query
        self.shows.set_film(film, query)
        self.show_screen(SelfServicePage.SHOWS)

    @Slot(object)
    def choose_show(self, show: ShowSummary) -> None:
        try:
            detail = self.bridge.call(self.services.catalogue.show, show.show_id)
        except KioskError as err:
            self.shows.refresh()
            self.shows.header.title.setText(str(err))
            return
        if self.sale.hold is not None and self.sale.hold.show_id != show.show_id:
            self._release_hold()
        self.sale.show = detail.summary
        self.sale.detail = detail
        self.seats.set_show(detail, self.sale.hold)
        self._seat_palette()
        if self.sale.hold is None:  # how many, first: the map then opens with them held
            summary = detail.summary
            self.count.set_show(f"{summary.film_title} · {time_text(summary.local_start)} · "
                                f"{summary.hall_name}")
            self.show_screen(SelfServicePage.COUNT)
            return
        self.show_screen(SelfServicePage.SEATS)

    @Slot(int)
    def _count_chosen(self, n: int) -> None:
        self.show_screen(SelfServicePage.SEATS)
        if n:
            self.seats.request_best(n)

    @Slot(object)
    def _hold_changed(self, hold: Hold | None) -> None:
        if hold is not None and self.current_name() != SelfServicePage.SEATS:
            # a seat tap still in flight when the sale was abandoned: give those seats back
            self.seats.hold = None
            self.bridge.submit(self.services.booking.release, hold.hold_id,
                               on_error=self._release_failed, name="self-service release")
            return
        self.sale.hold = hold
        self.countdown.tick()

    @Slot(object)
    def _release_failed(self, error: BaseException) -> None:
        log.warning("release failed: %s", error)

    @Slot()
    def _back_from_seats(self) -> None:
        self._release_hold()
        self.seats.hold = None
        self.shows.refresh()
        self.show_screen(SelfServicePage.SHOWS)

    @Slot()
    def _to_tickets(self) -> None:
        if self.sale.hold is None or self.sale.detail is None:
            return
        self.tickets.set_hold(self.sale.hold, self.sale.detail, self.sale.ticket_types,
                              self.sale.promo, self.sale.member)
        self.show_screen(SelfServicePage.TICKETS)

    @Slot(dict, object)
    def _to_snacks(self, ticket_types: dict, quote: Quote) -> None:
        """After the tickets: offer the cinema's combos, unless it sells no food."""
        self.sale.ticket_types = ticket_types
        self.sale.ticket_quote = quote
        self.sale.promo = self.tickets.promo
        self.sale.member = self.tickets.member
        menu = None
        if self.sale.show is not None and self.services.menu is not None:
            try:
                menu = self.bridge.call(self.services.menu.menu, self.sale.show.cinema_id)
            except KioskError:
                menu = None
        if menu is None or not offers(menu):
            self.sale.snacks_shown = False
            self._to_pay([])
            return
        self.sale.snacks_shown = True
        counts: dict[str, int] = {}
        for order in self.sale.items:
            counts[order.sku] = counts.get(order.sku, 0) + order.qty
        self.snacks.set_menu(menu, counts)
        self.show_screen(SelfServicePage.SNACKS)
        self._renew_hold()

    @Slot(list)
    def _snacks_chosen(self, orders: list) -> None:
        self._to_pay(orders)  # a refusal stays on the snacks step, said there

    def _to_pay(self, orders: list[Order]) -> bool:
        """Payment for the tickets and the snacks chosen (priced by the service: a sold-out
        snack is refused here, on the snacks step, before any payment)."""
        quote = self.sale.ticket_quote
        show = self.sale.show
        if quote is None:
            return False
        food_lines = ""
        if orders and show is not None:
            try:
                food = self.bridge.call(self.services.items.quote, show.cinema_id, orders)
            except KioskError as err:
                self.snacks.show_error(str(err))
                return False
            quote = dataclasses.replace(quote, total_minor=quote.total_minor + food.total_minor,
                                        tax_minor=quote.tax_minor + food.tax_minor)
            food_lines = "\n" + ", ".join(f"{line.qty} × {line.label}" for line in food.lines)
        self.sale.items = list(orders)
        self.sale.quote = quote
        seats = ", ".join(line.seat_code for line in quote.lines)
        summary = f"{show.film_title}\n{day_time_text(show.local_start)} · " \
                  f"{show.cinema_name}\n{seats}{food_lines}" if show else seats
        self.pay.set_order(quote, summary)
        self.show_screen(SelfServicePage.PAY)
        self._renew_hold()
        return True

    @Slot(str)
    def _card_accepted(self, last4: str) -> None:
        self.sale.card_last4 = last4
        self.contact.reset()
        self.show_screen(SelfServicePage.CONTACT)
        self._renew_hold()

    @Slot(str)
    def _contact_entered(self, contact: str) -> None:
        self.sale.contact = contact
        sale = self.sale
        if sale.show is None or sale.quote is None or sale.card_last4 is None:
            return
        self.review.set_order(sale.show, sale.ticket_types, sale.quote, sale.card_last4, contact,
                              self.snacks.summary(sale.items))
        self.show_screen(SelfServicePage.REVIEW)
        self._renew_hold()

    @Slot()
    def confirm(self) -> None:
        sale = self.sale
        if sale.hold is None or sale.card_last4 is None:
            self.review.set_busy(False)
            return
        self.review.set_busy(True)
        self.bridge.submit(self.services.booking.confirm, self.actor(), sale.hold.hold_id,
                           dict(sale.ticket_types), Payment(method="card", card_last4=sale.card_last4),
                           sale.contact, tuple(sale.items), sale.promo,
                           sale.member.phone if sale.member else "",
                           i18n.language_manager().language,  # the customer's, for the message
                           on_done=self._confirmed,
                           on_error=self._confirm_failed, name="self-service confirm")

    @Slot(object)
    def _confirmed(self, booking: Booking) -> None:
        self.sale.booking = booking
        self.sale.hold = None
        self.seats.hold = None
        food = None
        if self.sale.items and self.services.items is not None:
            try:
                food = self.bridge.call(self.services.items.for_booking, booking.booking_id)
            except KioskError:
                food = None
        self.done.set_booking(booking, food)
        self.show_screen(SelfServicePage.DONE)
        self.saleCompleted.emit(booking)
        if self.services.printing is not None and self.services.printing.thermal:
            self.print_ticket()  # "take your tickets below", without a tap

    @Slot(object)
    def _confirm_failed(self, error: BaseException) -> None:
        self.review.set_busy(False)
        if isinstance(error, (SeatsUnavailable, HoldExpired)):
            if isinstance(error, HoldExpired):
                self.sale.hold = None
                self.seats.hold = None
            if self.sale.detail is not None:
                self.seats.set_show(self.sale.detail, self.sale.hold)
            self.seats.show_message(str(error) + "\n" + self.tr("Your card was not charged."))
            self.show_screen(SelfServicePage.SEATS)
            return
        message = str(error) if isinstance(error, KioskError) else self.tr(
            "Sorry, the payment could not be completed. Your card was not charged.")
        self.review.show_error(message)

    @Slot()
    def print_ticket(self) -> None:
        booking = self.sale.booking
        if booking is None:
            return
        printing = self.services.printing
        if printing is not None and printing.thermal:
            self._print_thermal(booking)
            return
        try:
            from kiosk import tickets

            data = tickets.TicketData.from_booking(booking)
            # never a print dialog in front of a customer: the kiosk printer prints silently
            result = tickets.print_ticket(data, printer_name=self.config.printer_name,
                                          silent=True, parent=self)
        except Exception as err:  # a printer fault must not lose the sale: it is already booked
            log.exception("printing the ticket failed")
            self.done.print_status.setText(self.tr("The printer had a problem (%1). Your booking "
                                                   "is confirmed; show the code at the entrance.")
                                           .replace("%1", str(err)))
            return
        if result is False:
            self.done.print_status.setText(self.tr("The ticket printer is not available. Show "
                                                   "the code on screen at the entrance."))
            return
        self.done.print_status.setText(self.tr("Printing your ticket… please take it below."))
        self.done.print_button.setEnabled(False)

    def _follow_theme(self) -> None:
        """The start screen's accessibility buttons drive the app's theme (and follow it)."""
        from kiosk.ui.theme import ThemeManager

        theme = ThemeManager.instance()
        if theme is None:
            self.attract.contrast_button.hide()
            self.attract.large_button.hide()
            return
        self.attract.contrast_button.setChecked(theme.high_contrast)
        self.attract.large_button.setChecked(theme.large_text)
        self.attract.contrastToggled.connect(theme.set_high_contrast)
        self.attract.largeTextToggled.connect(theme.set_large_text)
        theme.highContrastChanged.connect(self.attract.contrast_button.setChecked)
        theme.largeTextChanged.connect(self.attract.large_button.setChecked)

    # -- collecting tickets booked elsewhere (issue 13 point 1) -----------------------------
    @Slot()
    def start_collect(self) -> None:
        self.collect.reset()
        self.show_screen(SelfServicePage.COLLECT)
        self.collect.entry.setFocus()

    @Slot(str)
    def _find_booking(self, text: str) -> None:
        self.bridge.submit(self.services.collection.find, self.actor(), text,
                           name="self-service find booking", on_done=self.collect.show_found,
                           on_error=self._collect_failed)

    @Slot(object)
    def _collect_failed(self, error: BaseException, booking_id: str = "") -> None:
        from kiosk.services.collection import ProofNeeded

        if isinstance(error, ProofNeeded) and booking_id:
            self.collect.ask_proof(booking_id)
            return
        message = str(error) if isinstance(error, KioskError) else self.tr(
            "Sorry, your booking could not be found just now. Please ask at the counter.")
        self.collect.show_found([])
        self.collect.set_message(message, error=True)

    @Slot(str, str)
    def _collect_booking(self, booking_id: str, proof: str) -> None:
        self.collect.set_message(self.tr("Printing your tickets…"))
        self.bridge.submit(self.services.collection.collect, self.actor(), booking_id,
                           proof=proof, name="self-service collect",
                           on_done=self._print_collected,
                           on_error=lambda err, b=booking_id: self._collect_failed(err, b))

    @Slot(object)
    def _print_collected(self, collection) -> None:
        """Collected: print on the thermal printer (the collection is given back if the
        printer fails, so the customer can try again)."""
        from kiosk.ui.thermal import print_thermal

        printing = self.services.printing
        if printing is None or not printing.thermal:
            self._collected(collection)
            return
        actor = self.actor()
        print_thermal(self.bridge, printing, actor, collection.booking, kind="collect",
                      on_done=lambda _printed: self._collected(collection),
                      on_error=self._collect_failed,
                      after_failure=lambda: self.bridge.call(self.services.collection.release,
                                                             actor, collection))

    def _collected(self, collection) -> None:
        booking = collection.booking
        self.sale = Sale()
        self.sale.booking = booking
        self.done.set_booking(booking, collected=True)
        self.show_screen(SelfServicePage.DONE)
        printing = self.services.printing
        if printing is not None and printing.thermal:
            self.done.print_status.setText(self.tr("Take your tickets below."))
            self.done.print_button.setEnabled(False)
            return
        self.print_ticket()  # the desktop printer; a failure gives the collection back
        if self.done.print_button.isEnabled():
            try:
                self.bridge.call(self.services.collection.release, self.actor(), collection)
            except KioskError:
                log.warning("could not give back collection of %s", booking.reference)

    def _print_thermal(self, booking: Booking) -> None:
        """The tickets and receipt on the kiosk's own printer, once (a customer cannot reprint:
        staff at the counter can; the service refuses a second print too)."""
        from kiosk.tickets.model import ReceiptData
        from kiosk.ui.thermal import print_thermal

        printing = self.services.printing
        if printing.prints(booking.booking_id):
            return
        self.done.print_button.setEnabled(False)
        self.done.print_status.setText(self.tr("Printing your tickets…"))
        print_thermal(self.bridge, printing, self.actor(), booking, kind="sale",
                      receipt=ReceiptData.from_booking(booking), on_done=self._thermal_printed,
                      on_error=self._thermal_failed)

    @Slot(object)
    def _thermal_printed(self, printed) -> None:
        self.done.print_status.setText(self.tr("Take your tickets below."))

    @Slot(object)
    def _thermal_failed(self, error: BaseException) -> None:
        log.warning("self-service printing failed: %s", error)
        reference = self.sale.booking.reference if self.sale.booking else ""
        self.done.print_status.setText(self.tr(
            "The ticket printer is not working. Your booking %1 is confirmed: show the code on "
            "this screen at the entrance, or collect your tickets at the counter.").replace(
            "%1", reference))
        self.done.print_button.setEnabled(True)

    # -- hold, idle and countdown -----------------------------------------------------------
    def _renew_hold(self) -> None:
        """A customer who keeps moving forward keeps their seats (idle customers do not)."""
        hold = self.sale.hold
        if hold is None:
            return
        self.bridge.submit(self.services.booking.renew_hold, hold.hold_id,
                           on_done=self._renewed, on_error=self._renew_failed,
                           name="self-service renew hold")

    @Slot(object)
    def _renewed(self, hold: Hold) -> None:
        if self.sale.hold is not None and hold.hold_id == self.sale.hold.hold_id:
            self.sale.hold = hold
            self.seats.hold = hold
            self.countdown.tick()

    @Slot(object)
    def _renew_failed(self, error: BaseException) -> None:
        log.info("hold renewal refused: %s", error)  # the countdown and confirm handle expiry

    def _release_hold(self) -> None:
        hold, self.sale.hold = self.sale.hold, None
        self.seats.hold = None
        if hold is None:
            return
        self.bridge.submit(self.services.booking.release, hold.hold_id,
                           on_error=self._release_failed, name="self-service release")

    @Slot()
    def abandon(self) -> None:
        """Give the seats back and return to the attract screen."""
        self.prompt.stop()
        self._release_hold()
        self.saleAbandoned.emit()
        self.go_attract()

    def _paying(self) -> bool:
        """The customer confirmed and the payment is being taken: never interrupt it."""
        return (self.current_name() == SelfServicePage.REVIEW
                and not self.review.confirm_button.isEnabled())

    @Slot()
    def _on_idle(self) -> None:
        if self.current_name() == SelfServicePage.ATTRACT or self._paying():
            self.idle_watcher.reset()  # never interrupt a payment in progress
            return
        self.prompt.start(has_hold=self.sale.hold is not None)

    @Slot()
    def _still_here(self) -> None:
        self.idle_watcher.reset()

    @Slot(int)
    def _show_countdown(self, left: int | None) -> None:
        """The hold's seconds in the header of the step on display (none on the last one)."""
        screen = self.stack.current_page()
        header = screen.header if isinstance(screen, SelfServiceScreen) else None
        if header is not None:
            header.set_countdown(left if self.current_name() != SelfServicePage.DONE else None)

    @Slot()
    def _hide_countdown(self) -> None:
        self._show_countdown(None)

    @Slot()
    def _hold_ran_out(self) -> None:
        if self.current_name() in (SelfServicePage.DONE, SelfServicePage.ATTRACT) or \
                self._paying():
            return  # the confirm decides; the countdown asks again
        self._hold_expired()

    def _hold_expired(self) -> None:
        self.sale.hold = None
        self.seats.hold = None
        if self.sale.detail is not None:
            self.seats.set_show(self.sale.detail, None)
        self.seats.show_message(self.tr("Your seats were released because time ran out. "
                                        "Please choose again."))
        self.show_screen(SelfServicePage.SEATS)

    @Slot()
    def _data_changed(self) -> None:
        if not self._shut_down and self.current_name() == SelfServicePage.SEATS and \
                not self.seats.is_busy():
            self.seats.refresh_statuses()

    # -- language ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.LanguageChange and not self._shut_down:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for screen in self._screens.values():
            screen.retranslate()
        self.prompt.retranslate()
        if self.current_name() == SelfServicePage.FILMS:
            self.films.refresh()

    def resizeEvent(self, event) -> None:  # noqa: N802 (the prompt always covers the kiosk)
        super().resizeEvent(event)
        self.prompt.setGeometry(self.rect())

    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    def detach(self) -> None:
        """The main window is replacing this widget (e.g. after a language change)."""
        self.shutdown()

    def shutdown(self) -> None:
        """Release any hold and stop listening to the application (the window is going)."""
        self._shut_down = True
        self._release_hold()
        self.idle_watcher.detach()
        self.countdown.stop()

"""Counter mode: the staff screens in one stack, and the navigation between them.

The mode owns who is signed in, which screen is shown and the sale's service calls the screens
ask for. What spans the screens is a small object of its own, wired in ``_connect_signals``:
the top bar (``counter/topbar.py``), the function keys (``counter/shortcuts.py``), the hold
countdown (``hold_countdown.py``: warns in the last minute, and the mode sends the cashier back to
the seat map when it runs out), and the idle lock (``idle_lock.py``: signs out a till left alone,
releasing the hold). Messages go through ``kiosk.ui.message``; the banner here listens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.config import Config
from kiosk.domain.errors import KioskError
from kiosk.domain.money import format_money
from kiosk.services.app import Services
from kiosk.services.models import Actor, Booking, Hold, Payment
from kiosk.ui import i18n, message
from kiosk.ui.bridge import Bridge
from kiosk.ui.counter.basket import BasketScreen
from kiosk.ui.counter.collect import CollectScreen
from kiosk.ui.counter.finder import FinderScreen
from kiosk.ui.counter.giftcards import GiftCardScreen
from kiosk.ui.counter.payment import PaymentScreen
from kiosk.ui.counter.refund import RefundScreen
from kiosk.ui.counter.screen import Screen
from kiosk.ui.counter.seats import SeatsScreen
from kiosk.ui.counter.session import CounterSession
from kiosk.ui.counter.shift import ShiftCloseScreen, ShiftOpenScreen
from kiosk.ui.counter.shortcuts import CounterShortcuts
from kiosk.ui.counter.ticket import TicketScreen
from kiosk.ui.counter.topbar import CounterTopBar
from kiosk.ui.dates import time_text
from kiosk.ui.hold_countdown import HoldCountdown
from kiosk.ui.idle_lock import IdleLock
from kiosk.ui.page_names import SALE_PAGES, CounterPage
from kiosk.ui.pages import PageStack
from kiosk.ui.widgets.banner import MessageBanner
from kiosk.ui.widgets.signin import SignInPanel

if TYPE_CHECKING:
    from kiosk.ui.counter.customer_display import CustomerDisplay
    from kiosk.ui.theme import ThemeManager

log = logging.getLogger(__name__)

RENEW_AFTER_S = 30  # renew on activity once the hold has run this long


class SignInScreen(Screen):
    name = CounterPage.SIGNIN

    def __init__(self, ctl: CounterMode) -> None:
        super().__init__(ctl)
        self.panel = SignInPanel(ctl.bridge, self, title=self.tr("Counter sign-in"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def enter(self) -> None:
        self.panel.focus_first()

    def back(self) -> None:
        self.panel.reset(self.panel.note.text(), keep_staff=False)

    def first_focus(self) -> QWidget | None:
        return self.panel.staff_field if not self.panel.staff_field.text() else \
            self.panel.pin_field


class CounterMode(QWidget):
    """The counter app: sign-in, shift, finder, seats, basket, payment, ticket, refund, gift
    cards, collection.

    Signals:
        signedIn(Actor): a cashier signed in.
        signedOut(): the cashier signed out, was locked out or had their session ended.
        customerViewChanged(): the sale the customer display shows has changed.

    Attributes:
        session: who is signed in, their shift and the sale (kept over a language rebuild).
        stack: the screens (``CounterPage`` names).
        topbar, shortcuts, countdown, idle_lock, banner: the parts that span the screens.
    """

    signedIn = Signal(object)
    signedOut = Signal()
    customerViewChanged = Signal()

    def __init__(self, services: Services, bridge: Bridge, config: Config,
                 session: CounterSession | None = None, theme: ThemeManager | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterMode")
        self.services = services
        self.bridge = bridge
        self.config = config
        self.theme = theme
        self.session = session or CounterSession()
        self._renewing = False
        self._quick_pending = False  # a quantity preset's seats are being held
        self._quick_token = 0  # which request a late answer belongs to

        self.topbar = CounterTopBar(self)
        self.banner = MessageBanner(self)
        self._init_stack()
        self._init_layout()
        self.shortcuts = CounterShortcuts(self)
        self.countdown = HoldCountdown(lambda: self.session.sale.hold, bridge.now, parent=self)
        self.idle_lock = IdleLock(config.staff_idle_lock_s, keep_awake=self.sale_being_confirmed,
                                  parent=self)
        self.customer_display: CustomerDisplay | None = None
        if config.customer_display:
            self._init_customer_display()
        self._connect_signals()

        resume = self.session.screen if self.session.actor is not None else CounterPage.SIGNIN
        self.go(resume)
        if self.session.actor is not None:
            self.idle_lock.start()
            self.countdown.start()

    def _init_stack(self) -> None:
        self.stack = PageStack(self)
        self.stack.setObjectName("counterStack")
        self.signin = SignInScreen(self)
        self.finder = FinderScreen(self)
        self.basket = BasketScreen(self)
        self.payment = PaymentScreen(self)
        for screen in (self.signin, ShiftOpenScreen(self), self.finder, SeatsScreen(self),
                       self.basket, self.payment, TicketScreen(self), RefundScreen(self),
                       GiftCardScreen(self), ShiftCloseScreen(self), CollectScreen(self)):
            self.stack.add(screen, scroll=True)

    def _init_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.topbar)
        banner_row = QHBoxLayout()
        banner_row.setContentsMargins(20, 8, 20, 0)
        banner_row.addWidget(self.banner)
        layout.addLayout(banner_row)
        layout.addWidget(self.stack, 1)

    def _init_customer_display(self) -> None:
        from kiosk.ui.counter.customer_display import CustomerDisplay

        self.customer_display = CustomerDisplay(self, self.config.language)
        self.customer_display.show_on_second_screen()
        self.topbar.add_customer_language(self.config.language)

    def _connect_signals(self) -> None:
        self.banner.follow()
        self.signin.panel.signedIn.connect(self._signed_in)
        self.bridge.sessionEnded.connect(self._session_ended)
        bar = self.topbar
        bar.salesRequested.connect(self.find_shows)
        bar.giftCardsRequested.connect(self.open_gift_cards)
        bar.refundRequested.connect(self.open_refund)
        bar.collectRequested.connect(self.open_collect)
        bar.closeShiftRequested.connect(self.close_shift)
        bar.signOutRequested.connect(self.sign_out)
        bar.customerLanguageChanged.connect(self._customer_language_changed)
        keys = self.shortcuts
        keys.salesRequested.connect(self.find_shows)
        keys.giftCardsRequested.connect(self.open_gift_cards)
        keys.reloadRequested.connect(self.refresh)
        keys.refundRequested.connect(self.open_refund)
        keys.collectRequested.connect(self.open_collect)
        keys.closeShiftRequested.connect(self.close_shift)
        keys.signOutRequested.connect(self.sign_out)
        keys.backRequested.connect(self.back)
        keys.printRequested.connect(self.print_current)
        self.countdown.ticked.connect(bar.show_hold_seconds)
        self.countdown.cleared.connect(bar.clear_hold)
        self.countdown.warned.connect(self._hold_warned)
        self.countdown.expired.connect(self._hold_expired)
        self.idle_lock.lockRequested.connect(self.lock)
        self.idle_lock.activity.connect(self._activity)
        if self.theme is not None:
            self.theme.largeTextChanged.connect(bar.fit_later)  # bound: dropped with the bar

    # -- chrome ---------------------------------------------------------------------------------
    def local(self, moment: datetime) -> datetime:
        """``moment`` in the cinema's zone (never the machine's: a counter PC may be set to
        UTC while the cash-ups and reports speak the cinema's time)."""
        return moment.astimezone(ZoneInfo(self.bridge.call(
            self.services.catalogue.device_timezone)))

    def _update_chrome(self) -> None:
        actor = self.session.actor
        shift = self.session.shift
        if shift is not None:
            shift_text = (self.tr("Shift since %1 · float %2")
                          .replace("%1", time_text(self.local(shift.opened_at)))
                          .replace("%2", format_money(shift.float_minor, shift.currency)))
        else:
            shift_text = self.tr("No shift: card sales only") if actor is not None else ""
        self.topbar.show_session(actor, shift_text, shift is not None)
        self.countdown.tick()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.topbar.fit(self.width())

    def set_busy_text(self, text: str) -> None:
        self.topbar.set_busy_text(text)

    def show_fault(self, exc: BaseException) -> None:
        """An unexpected error from a service call: log it, say something calm."""
        from kiosk.ui.errors import calm_message, reporter

        rep = reporter()
        if rep is not None:
            message.error(rep.handle(exc))
        else:
            log.error("unexpected error", exc_info=exc)
            message.error(calm_message())

    # -- navigation -----------------------------------------------------------------------------
    @property
    def screens(self) -> dict[str, Screen]:
        """Every counter screen by name (a ``CounterPage``)."""
        return self.stack.pages  # type: ignore[return-value]

    def current(self) -> Screen:
        return self.stack.current_page()  # type: ignore[return-value]

    def current_name(self) -> str:
        return self.stack.current_name()

    def screen(self, name: CounterPage | str) -> Screen:
        return self.screens[name]

    def go(self, name: CounterPage | str) -> None:
        """Show the screen ``name`` (the sign-in screen while nobody is signed in)."""
        if name != CounterPage.SIGNIN and self.session.actor is None:
            name = CounterPage.SIGNIN
        self.session.screen = CounterPage(name)
        self._update_chrome()
        self.stack.go(name)
        self.customerViewChanged.emit()

    @Slot()
    def back(self) -> None:
        """Esc: dismiss a refusal or warning first, then the screen's own step back."""
        if self.banner.isVisible() and self.banner.kind() in ("error", "warn"):
            self.banner.clear()
            return
        self.stack.back()

    @Slot()
    def refresh(self) -> None:
        """F5: re-read everything the current screen shows."""
        if self.session.actor is not None:
            self.stack.reload()

    @Slot()
    def print_current(self) -> None:
        if self.session.actor is not None:
            self.current().print_action()

    @Slot()
    def find_shows(self) -> None:
        if self.session.actor is None:
            return
        if self.current_name() == CounterPage.FINDER:
            self.finder.focus_search()
            return
        if self.current_name() in SALE_PAGES or self.current_name() == CounterPage.TICKET:
            self.new_sale()
            return
        self.go(CounterPage.FINDER)
        self.finder.focus_search()

    def _leave_sale_for(self, page: CounterPage) -> None:
        """Refund, collection and gift cards are not part of a sale: its seats go back."""
        if self.session.actor is None:
            return
        if self.session.sale.hold is not None:
            self.release_hold()
        self.go(page)

    @Slot()
    def open_refund(self) -> None:
        self._leave_sale_for(CounterPage.REFUND)

    @Slot()
    def open_collect(self) -> None:
        """Tickets booked on the web or at another kiosk, printed here (issue 13)."""
        self._leave_sale_for(CounterPage.COLLECT)

    @Slot()
    def open_gift_cards(self) -> None:
        self._leave_sale_for(CounterPage.GIFT_CARDS)

    @Slot()
    def close_shift(self) -> None:
        if self.session.actor is None or self.session.shift is None:
            return
        self.release_hold()
        self.go(CounterPage.SHIFT_CLOSE)

    def sale_being_confirmed(self) -> bool:
        return self.payment.confirming

    # -- sign-in, lock, sign-out ----------------------------------------------------------------
    @Slot(object)
    def _signed_in(self, actor: Actor) -> None:
        previous = self.session.actor
        if previous is not None and previous.staff_id != actor.staff_id:
            self._forget_sale()
        self.session.actor = actor
        self.banner.clear()
        try:
            self.session.shift = self.bridge.call(self.services.shifts.current, actor)
        except KioskError as err:
            self.session.shift = None
            message.error(str(err))
        self.idle_lock.set_timeout(self.config.staff_idle_lock_s)
        self.idle_lock.start()
        self.countdown.start()
        self.signedIn.emit(actor)
        if self.session.shift is None:
            self.go(CounterPage.SHIFT_OPEN)
        elif previous is not None and previous.staff_id == actor.staff_id and \
                self.session.screen not in (CounterPage.SIGNIN, CounterPage.SHIFT_OPEN):
            self.go(self.session.screen)
        else:
            self.go(CounterPage.FINDER)

    @Slot()
    def lock(self) -> None:
        """Idle too long: release the seats, sign out, show the sign-in keypad (the idle lock
        never asks under a sale being committed)."""
        actor = self.session.actor
        if actor is None:
            return
        minutes = max(1, round(self.config.staff_idle_lock_s / 60))
        self._end_session(actor)
        self.signin.panel.staff_field.setText(actor.staff_number)
        self.signin.panel.reset(
            self.tr("Locked after %n minute(s) without activity. Sign in again.", "", minutes),
            keep_staff=True)
        self.go(CounterPage.SIGNIN)

    @Slot()
    def sign_out(self) -> None:
        actor = self.session.actor
        if actor is None:
            return
        self._end_session(actor)
        self.signin.panel.reset(self.tr("Signed out. Next cashier, please sign in."))
        self.go(CounterPage.SIGNIN)

    @Slot(str)
    def _session_ended(self, text: str) -> None:
        """A manager deactivated or re-roled the signed-in cashier: end the session now."""
        actor = self.session.actor
        if actor is None:
            return
        self._end_session(actor)
        self.signin.panel.reset(text)
        self.go(CounterPage.SIGNIN)

    def _end_session(self, actor: Actor) -> None:
        self._forget_sale()
        self.idle_lock.stop()
        self.countdown.stop()
        self.session.actor = None
        self.session.shift = None
        self.session.screen = CounterPage.SIGNIN
        self.session.refund_reference = ""
        self.banner.clear()
        self.bridge.submit(self.services.auth.sign_out, actor, name="sign_out",
                           on_error=message.logged("the sign-out audit"))
        self.signedOut.emit()

    def shift_changed(self) -> None:
        self._update_chrome()

    # -- the sale -------------------------------------------------------------------------------
    def open_show(self, show_id: str) -> None:
        try:
            detail = self.bridge.call(self.services.catalogue.show, show_id)
        except KioskError as err:
            message.error(str(err))
            return
        sale = self.session.sale
        if sale.hold is not None and sale.show is not None and \
                sale.show.summary.show_id != show_id:
            self.release_hold()
        sale.show = detail
        self.go(CounterPage.SEATS)

    def quick_sale(self, show_id: str, adults: int, children: int = 0) -> None:
        """A quantity preset on the show-time grid: hold the best seats together at once and
        go straight to payment (issue 13 point 6); the seat map when no block fits."""
        try:
            detail = self.bridge.call(self.services.catalogue.show, show_id)
        except KioskError as err:
            message.error(str(err))
            return
        if self._quick_pending:
            return  # a double tap: the first request answers
        sale = self.session.sale
        if sale.hold is not None:
            self.release_hold()
        sale.show = detail
        self._quick_pending = True
        self._quick_token += 1
        token, actor = self._quick_token, self.session.actor
        self.set_busy_text(self.tr("Finding the best seats…"))
        self.bridge.submit(self.services.booking.hold_best, actor, show_id,
                           adults + children, name="quick sale",
                           on_done=lambda hold: self._quick_held(hold, children, token, actor),
                           on_error=lambda err: self._quick_failed(err, token))

    def _quick_still_wanted(self, token: int, actor: Actor | None) -> bool:
        """The cashier is still where the request was made (same sale, signed in, on the show
        times): a late answer otherwise is dropped, its seats given back."""
        return (token == self._quick_token and self.session.actor is actor
                and self.current_name() == CounterPage.FINDER and self.session.sale.hold is None)

    def _quick_held(self, hold: Hold, children: int, token: int, actor: Actor | None) -> None:
        self._quick_pending = False
        self.set_busy_text("")
        if not self._quick_still_wanted(token, actor) or \
                self.session.sale.show is None or \
                self.session.sale.show.summary.show_id != hold.show_id:
            self.bridge.submit(self.services.booking.release, hold.hold_id,
                               name="quick sale given back",
                               on_error=message.logged("giving back a late quick sale"))
            return
        self.set_hold(hold)
        seats = list(hold.seats)
        sale = self.session.sale
        sale.ticket_types = {code: ("child" if n >= len(seats) - children else "adult")
                             for n, code in enumerate(seats)}
        if self.basket.requote():
            self.go(CounterPage.PAYMENT)
        else:
            self.go(CounterPage.BASKET)

    def _quick_failed(self, error: BaseException, token: int) -> None:
        self._quick_pending = False
        self.set_busy_text("")
        if token != self._quick_token or self.current_name() != CounterPage.FINDER:
            return
        message.warning(
            (str(error) if isinstance(error, KioskError) else self.tr("No seats were held."))
            + " " + self.tr("Choose the seats on the map."))
        self.go(CounterPage.SEATS)

    def set_hold(self, hold: Hold | None) -> None:
        sale = self.session.sale
        sale.hold = hold
        sale.quote = None
        if hold is None:
            sale.ticket_types = {}
            sale.promo = ""
        else:
            sale.ticket_types = {code: sale.ticket_types.get(code, "adult")
                                 for code in hold.seats}
        self.countdown.tick()
        self.customerViewChanged.emit()

    def release_hold(self) -> None:
        """Give the current hold back (on the worker), and forget it here at once."""
        hold = self.session.sale.hold
        self.set_hold(None)
        if hold is not None:
            self.bridge.submit(self.services.booking.release, hold.hold_id, name="release",
                               on_error=message.logged("releasing a hold"))

    def _forget_sale(self) -> None:
        self.release_hold()
        self.session.new_sale()

    def hold_lost(self, text: str) -> None:
        """The hold ran out (or vanished): back to the map, which shows the seats as they are."""
        self.release_hold()
        message.error(text)
        if self.session.sale.show is not None:
            self.go(CounterPage.SEATS)
        else:
            self.go(CounterPage.FINDER)

    def confirm_sale(self, payment: Payment, contact: str,
                     on_done: Callable[[Booking], None],
                     on_error: Callable[[BaseException], None]) -> None:
        sale = self.session.sale
        booking = self.services.booking
        assert sale.hold is not None, "confirm_sale without a hold"
        hold_id = sale.hold.hold_id
        types = dict(sale.ticket_types)
        if sale.exchange_from is not None:
            self.bridge.submit(booking.exchange, self.session.actor, sale.exchange_from.reference,
                               hold_id, types, payment, name="exchange",
                               on_done=on_done, on_error=on_error)
        else:
            self.bridge.submit(booking.confirm, self.session.actor, hold_id, types, payment,
                               contact, tuple(sale.items), sale.promo, sale.member_phone,
                               self.confirmation_language(),
                               name="confirm",
                               on_done=on_done, on_error=on_error)

    def sale_confirmed(self, booking: Booking) -> None:
        sale = self.session.sale
        exchanged = sale.exchange_from
        sale.booking = booking
        sale.hold = None
        sale.exchange_from = None
        self.countdown.tick()
        self.bridge.sync_now()
        if exchanged is not None:
            message.ok(self.tr("Exchanged %1 for %2.").replace(
                "%1", exchanged.reference).replace("%2", booking.reference))
        self.go(CounterPage.TICKET)

    def new_sale(self) -> None:
        if self.session.sale.booking is None:
            self.release_hold()
        self.session.new_sale()
        self.set_hold(None)
        self.topbar.set_customer_language(self.config.language)  # the next customer starts
        self.go(CounterPage.FINDER)                              # in the counter's language
        self.finder.focus_search()

    def start_exchange(self, booking: Booking) -> None:
        self.release_hold()
        self.session.new_sale()
        self.session.sale.exchange_from = booking
        self.go(CounterPage.FINDER)

    # -- the hold and activity --------------------------------------------------------------------
    def hold_remaining_s(self) -> float | None:
        return self.countdown.remaining_s()

    def tick(self) -> None:
        """Look at the hold now (a screen that saw the hold end asks this)."""
        self.countdown.tick()

    @Slot(int)
    def _hold_warned(self, _seconds: int) -> None:
        message.warning(self.tr("The seat hold ends in under a minute. Touch the screen to keep "
                                "the seats."))

    @Slot()
    def _hold_expired(self) -> None:
        if self.sale_being_confirmed():
            return  # the payment decides; the countdown asks again next second
        self.hold_lost(self.tr("The seat hold ran out, so the seats were released. "
                               "Please choose the seats again."))

    def note_activity(self) -> None:
        """A person did something for the sale: keep the session and the hold alive."""
        self.idle_lock.poke()

    @Slot()
    def _activity(self) -> None:
        hold = self.session.sale.hold
        if hold is None or self._renewing or self.session.actor is None:
            return
        remaining = self.hold_remaining_s()
        total = self.config.hold_minutes * 60
        if remaining is None or remaining <= 0 or remaining > total - RENEW_AFTER_S:
            return
        self._renewing = True
        self.bridge.submit(self.services.booking.renew_hold, hold.hold_id, name="renew_hold",
                           on_done=self._renewed, on_error=self._renew_failed)

    @Slot(object)
    def _renewed(self, hold: Hold | None) -> None:
        self._renewing = False
        current = self.session.sale.hold
        if current is not None and hold is not None and current.hold_id == hold.hold_id:
            warned = self.countdown.has_warned
            self.session.sale.hold = hold
            if warned and self.banner.kind() == "warn":
                self.banner.clear()
            self.countdown.tick()

    @Slot(object)
    def _renew_failed(self, exc: BaseException) -> None:
        self._renewing = False
        if isinstance(exc, KioskError) and self.session.sale.hold is not None:
            if self.current_name() in SALE_PAGES and not self.sale_being_confirmed():
                self.hold_lost(str(exc))

    # -- the customer's side ----------------------------------------------------------------------
    @Slot(str)
    def _customer_language_changed(self, language: str) -> None:
        if self.customer_display is not None:
            self.customer_display.set_language(language)

    def confirmation_language(self) -> str:
        """The customer's language when a customer display asks it, else the counter's."""
        if self.customer_display is not None:
            return self.customer_display.language
        return i18n.language_manager().language

    def _close_customer_display(self) -> None:
        if self.customer_display is not None:
            self.customer_display.close()
            self.customer_display.deleteLater()
            self.customer_display = None

    # -- shutdown -------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Before the window closes or the mode is rebuilt for good: free the seats."""
        self.countdown.stop()
        self.idle_lock.stop()
        self.release_hold()
        self._close_customer_display()

    def detach(self) -> None:
        """Before a rebuild (language change): stop timers but keep the hold and session."""
        self.countdown.stop()
        self.idle_lock.stop()
        self._close_customer_display()

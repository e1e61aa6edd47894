"""Counter mode: the staff screens in one stack, and the navigation between them.

The mode owns who is signed in and which screen is shown. What spans the screens is a small
object of its own, wired in ``_connect_signals``: the sale's service calls
(``counter/sale_flow.py``), the top bar (``counter/topbar.py``), the function keys (``counter/shortcuts.py``), the hold
countdown (``hold_countdown.py``: warns in the last minute, and the mode sends the cashier back to
the seat map when it runs out), and the idle lock (``idle_lock.py``: signs out a till left alone,
releasing the hold). Messages go through ``kiosk.ui.message``; the banner here listens.
"""

from __future__ import annotations

import logging
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
from kiosk.services.models import Actor, Booking
from kiosk.ui import i18n, message
from kiosk.ui.bridge import Bridge
from kiosk.ui.counter.basket import BasketScreen
from kiosk.ui.counter.collect import CollectScreen
from kiosk.ui.counter.finder import FinderScreen
from kiosk.ui.counter.giftcards import GiftCardScreen
from kiosk.ui.counter.payment import PaymentScreen
from kiosk.ui.counter.refund import RefundScreen
from kiosk.ui.counter.sale_flow import SaleFlow
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

class SignInScreen(Screen):
    name = CounterPage.SIGNIN

    def __init__(self, ctl: CounterMode) -> None:
        super().__init__(ctl)
        self.panel = SignInPanel(ctl.bridge, self, title=self.tr("Counter sign-in"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def enter(self) -> None:
        self.panel.focus_first()

    @Slot()
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
        sales, topbar, shortcuts, countdown, idle_lock, banner: the parts that span the
            screens.
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

        self.topbar = CounterTopBar(self)
        self.banner = MessageBanner(self)
        self._init_stack()
        self._init_layout()
        self.shortcuts = CounterShortcuts(self)
        self.countdown = HoldCountdown(lambda: self.session.sale.hold, bridge.now, parent=self)
        self.sales = SaleFlow(self)
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
        bar, keys = self.topbar, self.shortcuts
        sources: tuple[CounterTopBar | CounterShortcuts, ...] = (bar, keys)
        for source in sources:  # the same requests by a top-bar button or by a key
            source.salesRequested.connect(self.find_shows)
            source.giftCardsRequested.connect(self.open_gift_cards)
            source.refundRequested.connect(self.open_refund)
            source.collectRequested.connect(self.open_collect)
            source.closeShiftRequested.connect(self.close_shift)
            source.signOutRequested.connect(self.sign_out)
        bar.customerLanguageChanged.connect(self._customer_language_changed)
        keys.reloadRequested.connect(self.refresh)
        keys.backRequested.connect(self.back)
        keys.printRequested.connect(self.print_current)
        self.countdown.ticked.connect(bar.show_hold_seconds)
        self.countdown.cleared.connect(bar.clear_hold)
        self.countdown.warned.connect(self.sales.hold_warned)
        self.countdown.expired.connect(self.sales.hold_ran_out)
        self.sales.changed.connect(self.customerViewChanged)
        self.idle_lock.lockRequested.connect(self.lock)
        self.idle_lock.activity.connect(self.sales.renew_on_activity)
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
            self.sales.release_hold()
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
        self.sales.release_hold()
        self.go(CounterPage.SHIFT_CLOSE)

    def sale_being_confirmed(self) -> bool:
        return self.payment.confirming

    # -- sign-in, lock, sign-out ----------------------------------------------------------------
    @Slot(object)
    def _signed_in(self, actor: Actor) -> None:
        previous = self.session.actor
        if previous is not None and previous.staff_id != actor.staff_id:
            self.sales.forget()
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
        self.sales.forget()
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

    # -- the sale (its service calls are ``self.sales``; these move the cashier) ----------------
    def open_show(self, show_id: str) -> None:
        if self.sales.choose_show(show_id):
            self.go(CounterPage.SEATS)

    @Slot()
    def new_sale(self) -> None:
        self.sales.new_sale()
        self.topbar.set_customer_language(self.config.language)  # the next customer starts
        self.go(CounterPage.FINDER)                              # in the counter's language
        self.finder.focus_search()

    def start_exchange(self, booking: Booking) -> None:
        self.sales.start_exchange(booking)
        self.go(CounterPage.FINDER)

    def note_activity(self) -> None:
        """A person did something for the sale: keep the session and the hold alive."""
        self.idle_lock.poke()

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
        self.sales.release_hold()
        self._close_customer_display()

    def detach(self) -> None:
        """Before a rebuild (language change): stop timers but keep the hold and session."""
        self.countdown.stop()
        self.idle_lock.stop()
        self._close_customer_display()

"""Counter mode: the staff screens in one stack, plus what spans them.

Spanning concerns live here, not in the screens: who is signed in, the seat hold's countdown
(warns in the last minute, renews when the cashier is active, sends them back to the seat map if
it runs out), the idle auto-lock (releases the hold), keyboard shortcuts and the message banner.
Screens ask this controller to navigate and to run the sale's service calls.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import KioskError
from kiosk.domain.money import format_money
from kiosk.ui import i18n
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
from kiosk.ui.counter.ticket import TicketScreen
from kiosk.ui.dates import time_text
from kiosk.ui.widgets.banner import MessageBanner
from kiosk.ui.widgets.idle import IdleWatcher
from kiosk.ui.widgets.signin import SignInPanel

log = logging.getLogger(__name__)

HOLD_WARN_S = 60
RENEW_AFTER_S = 30  # renew on activity once the hold has run this long
SALE_SCREENS = ("seats", "basket", "payment")


class SignInScreen(Screen):
    name = "signin"

    def __init__(self, ctl):
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
    cards."""

    signedIn = Signal(object)
    signedOut = Signal()
    customerViewChanged = Signal()  # the sale the customer display shows has changed

    def __init__(self, services, bridge, config, session: CounterSession | None = None,
                 theme=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("counterMode")
        self.services = services
        self.bridge = bridge
        self.config = config
        self.theme = theme
        self.session = session or CounterSession()
        self._renewing = False
        self._warned = False
        self._quick_pending = False  # a quantity preset's seats are being held
        self._quick_token = 0  # which request a late answer belongs to

        self._build_topbar()
        self.banner = MessageBanner(self)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("counterStack")
        self.screens: dict[str, Screen] = {}
        self.pages: dict[str, QScrollArea] = {}
        for screen_cls in (SignInScreen, ShiftOpenScreen, FinderScreen, SeatsScreen,
                           BasketScreen, PaymentScreen, TicketScreen, RefundScreen,
                           GiftCardScreen, ShiftCloseScreen, CollectScreen):
            screen = screen_cls(self)
            self.screens[screen.name] = screen
            page = self._scrollable(screen)
            self.pages[screen.name] = page
            self.stack.addWidget(page)
        self.signin: SignInScreen = self.screens["signin"]  # type: ignore[assignment]
        self.signin.panel.signedIn.connect(self._signed_in)
        self.bridge.sessionEnded.connect(self._session_ended)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.topbar)
        banner_row = QHBoxLayout()
        banner_row.setContentsMargins(20, 8, 20, 0)
        banner_row.addWidget(self.banner)
        layout.addLayout(banner_row)
        layout.addWidget(self.stack, 1)

        self.hold_timer = QTimer(self)
        self.hold_timer.setInterval(1000)
        self.hold_timer.timeout.connect(self.tick)
        self.idle = IdleWatcher(config.staff_idle_lock_s, self)
        self.idle.idle.connect(self.lock)
        self.idle.activity.connect(self._activity)
        self._build_shortcuts()
        if theme is not None:
            theme.largeTextChanged.connect(self._large_text_changed)  # bound: dropped with us

        self.customer_display = None
        if config.customer_display:
            from kiosk.ui.counter.customer_display import CustomerDisplay

            self.customer_display = CustomerDisplay(self, config.language)
            self.customer_display.show_on_second_screen()
            self._add_customer_language()
        resume = self.session.screen if self.session.actor is not None else "signin"
        self.go(resume)
        if self.session.actor is not None:
            self.idle.start()
            if self.session.sale.hold is not None:
                self.hold_timer.start()

    # -- chrome ---------------------------------------------------------------------------------
    def _build_topbar(self) -> None:
        self.topbar = QFrame(self)
        self.topbar.setProperty("role", "topbar")
        self.topbar.setObjectName("counterTopbar")
        bar = QHBoxLayout(self.topbar)
        bar.setContentsMargins(16, 8, 16, 8)
        bar.setSpacing(10)
        brand = QLabel(self.tr("Box Office"), self.topbar)
        brand.setProperty("role", "title")
        self.brand = brand
        self.staff_label = QLabel("", self.topbar)
        self.staff_label.setObjectName("staffLabel")
        self.shift_label = QLabel("", self.topbar)
        self.shift_label.setObjectName("shiftLabel")
        self.shift_label.setProperty("role", "muted")
        self.hold_label = QLabel("", self.topbar)
        self.hold_label.setObjectName("holdCountdown")
        self.busy_label = QLabel("", self.topbar)
        self.busy_label.setProperty("role", "muted")
        self.nav_buttons: dict[str, QPushButton] = {}
        who = QVBoxLayout()
        who.setSpacing(0)
        who.addWidget(self.staff_label)
        who.addWidget(self.shift_label)
        bar.addWidget(brand)
        bar.addSpacing(12)
        bar.addLayout(who)
        bar.addStretch(1)
        bar.addWidget(self.busy_label)
        bar.addWidget(self.hold_label)
        self._nav_texts: dict[str, tuple[str, str]] = {}
        for key, text, short, slot in (
            ("sales", self.tr("Sales (F2)"), self.tr("Sales"), self.find_shows),
            ("giftcards", self.tr("Gift cards (F3)"), self.tr("Gift cards"),
             self.open_gift_cards),
            ("refund", self.tr("Refund (F6)"), self.tr("Refund"), self.open_refund),
            ("collect", self.tr("Collect (F7)"), self.tr("Collect"), self.open_collect),
            ("shift", self.tr("Close shift (F9)"), self.tr("Close shift"), self.close_shift),
            ("signout", self.tr("Sign out (F12)"), self.tr("Sign out"), self.sign_out),
        ):
            button = QPushButton(text, self.topbar)
            button.setToolTip(text)
            self._nav_texts[key] = (text, short)
            button.setObjectName(f"nav_{key}")
            button.setProperty("role", "topbar")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.nav_buttons[key] = button

    def _build_shortcuts(self) -> None:
        def add(sequence, slot: Callable[[], None]) -> None:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        add(Qt.Key.Key_F2, self.find_shows)
        add(Qt.Key.Key_F3, self.open_gift_cards)
        add(Qt.Key.Key_F5, self.refresh)
        add(Qt.Key.Key_F6, self.open_refund)
        add(Qt.Key.Key_F7, self.open_collect)
        add(Qt.Key.Key_F9, self.close_shift)
        add(Qt.Key.Key_F12, self.sign_out)
        add(Qt.Key.Key_Escape, self.back)
        add(QKeySequence.StandardKey.Print, self.print_current)

    def local(self, moment):
        """``moment`` in the cinema's zone (never the machine's: a counter PC may be set to
        UTC while the cash-ups and reports speak the cinema's time)."""
        from zoneinfo import ZoneInfo

        return moment.astimezone(ZoneInfo(self.bridge.call(
            self.services.catalogue.device_timezone)))

    def _update_chrome(self) -> None:
        actor = self.session.actor
        signed_in = actor is not None
        self.staff_label.setText(
            self.tr("%1 (%2)").replace("%1", actor.name).replace("%2", actor.staff_number)
            if actor else self.tr("Not signed in"))
        shift = self.session.shift
        if shift is not None:
            self.shift_label.setText(self.tr("Shift since %1 · float %2")
                                     .replace("%1", time_text(self.local(shift.opened_at)))
                                     .replace("%2", format_money(shift.float_minor,
                                                                 shift.currency)))
        else:
            self.shift_label.setText(self.tr("No shift: card sales only")
                                     if signed_in else "")
        for button in self.nav_buttons.values():
            button.setVisible(signed_in)
        self.nav_buttons["shift"].setEnabled(shift is not None)
        self._update_hold_label()
        self._fit_topbar()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_topbar()

    def _large_text_changed(self, _on: bool) -> None:
        QTimer.singleShot(0, self, self._fit_topbar)  # once the new fonts are laid out

    def _fit_topbar(self) -> None:
        """Narrow screens and large text: drop the brand, then the key hints (kept as tooltips)."""
        available = self.width()
        self.brand.show()
        for key, button in self.nav_buttons.items():
            button.setText(self._nav_texts[key][0])
        if self.topbar.sizeHint().width() <= available:
            return
        self.brand.hide()
        self.topbar.layout().invalidate()
        if self.topbar.layout().sizeHint().width() <= available:
            return
        for key, button in self.nav_buttons.items():
            button.setText(self._nav_texts[key][1])

    # -- navigation -----------------------------------------------------------------------------
    @staticmethod
    def _scrollable(screen: Screen) -> QScrollArea:
        """Each page scrolls instead of overlapping when large text meets a small screen."""
        page = QScrollArea()
        page.setObjectName(f"page_{screen.name}")
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus belongs to the screen's fields
        page.setWidget(screen)
        return page

    def current(self) -> Screen:
        return self.stack.currentWidget().widget()  # type: ignore[union-attr, return-value]

    def current_name(self) -> str:
        return self.current().name

    def screen(self, name: str) -> Screen:
        return self.screens[name]

    def go(self, name: str) -> None:
        if name != "signin" and self.session.actor is None:
            name = "signin"
        target = self.screens[name]
        previous = self.current() if self.stack.currentWidget() is not None else None
        if previous is not None and previous is not target:
            previous.leave()
        self.session.screen = name
        self.stack.setCurrentWidget(self.pages[name])
        self._update_chrome()
        target.enter()
        if self.current() is target:  # enter() may have redirected
            focus = target.first_focus()
            if focus is not None:
                focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.customerViewChanged.emit()

    def back(self) -> None:
        if self.banner.isVisible() and self.banner.kind() in ("error", "warn"):
            self.banner.clear()
            return
        self.current().back()

    def refresh(self) -> None:
        """F5: re-read everything the current screen shows (``reload`` if it has one)."""
        if self.session.actor is not None:
            screen = self.current()
            getattr(screen, "reload", screen.refresh)()

    def print_current(self) -> None:
        if self.session.actor is not None:
            self.current().print_action()

    def find_shows(self) -> None:
        if self.session.actor is None:
            return
        if self.current_name() == "finder":
            self.screens["finder"].focus_search()  # type: ignore[attr-defined]
            return
        if self.current_name() in SALE_SCREENS or self.current_name() == "ticket":
            self.new_sale()
            return
        self.go("finder")
        self.screens["finder"].focus_search()  # type: ignore[attr-defined]

    def open_refund(self) -> None:
        if self.session.actor is None:
            return
        if self.session.sale.hold is not None:
            self.release_hold()
        self.go("refund")

    def open_collect(self) -> None:
        """Tickets booked on the web or at another kiosk, printed here (issue 13)."""
        if self.session.actor is None:
            return
        if self.session.sale.hold is not None:
            self.release_hold()
        self.go("collect")

    def open_gift_cards(self) -> None:
        if self.session.actor is None:
            return
        if self.session.sale.hold is not None:
            self.release_hold()
        self.go("giftcards")

    def close_shift(self) -> None:
        if self.session.actor is None or self.session.shift is None:
            return
        self.release_hold()
        self.go("shift_close")

    def sale_being_confirmed(self) -> bool:
        payment = self.screens["payment"]
        assert isinstance(payment, PaymentScreen)
        return payment.confirming

    def set_busy_text(self, text: str) -> None:
        self.busy_label.setText(text)

    def show_fault(self, exc: BaseException) -> None:
        """An unexpected error from a service call: log it, say something calm."""
        from kiosk.ui.errors import calm_message, reporter

        rep = reporter()
        if rep is not None:
            self.banner.error(rep.handle(exc))
        else:
            log.error("unexpected error", exc_info=exc)
            self.banner.error(calm_message())

    # -- sign-in, lock, sign-out ----------------------------------------------------------------
    def _signed_in(self, actor) -> None:
        previous = self.session.actor
        if previous is not None and previous.staff_id != actor.staff_id:
            self._forget_sale()
        self.session.actor = actor
        self.banner.clear()
        try:
            self.session.shift = self.bridge.call(self.services.shifts.current, actor)
        except KioskError as err:
            self.session.shift = None
            self.banner.error(str(err))
        except NotImplementedError:
            self.session.shift = None
        self.idle.set_timeout(self.config.staff_idle_lock_s)
        self.idle.start()
        self.signedIn.emit(actor)
        if self.session.shift is None:
            self.go("shift_open")
        elif previous is not None and previous.staff_id == actor.staff_id and \
                self.session.screen not in ("signin", "shift_open"):
            self.go(self.session.screen)
        else:
            self.go("finder")

    def lock(self) -> None:
        """Idle too long: release the seats, sign out, show the sign-in keypad."""
        actor = self.session.actor
        if actor is None:
            return
        if self.sale_being_confirmed():
            self.idle.poke()  # never lock under a sale being committed; try again later
            return
        minutes = max(1, round(self.config.staff_idle_lock_s / 60))
        self._end_session(actor)
        self.signin.panel.staff_field.setText(actor.staff_number)
        self.signin.panel.reset(
            self.tr("Locked after %n minute(s) without activity. Sign in again.", "", minutes),
            keep_staff=True)
        self.go("signin")

    def sign_out(self) -> None:
        actor = self.session.actor
        if actor is None:
            return
        self._end_session(actor)
        self.signin.panel.reset(self.tr("Signed out. Next cashier, please sign in."))
        self.go("signin")

    def _session_ended(self, message: str) -> None:
        """A manager deactivated or re-roled the signed-in cashier: end the session now."""
        actor = self.session.actor
        if actor is None:
            return
        self._end_session(actor)
        self.signin.panel.reset(message)
        self.go("signin")

    def _end_session(self, actor) -> None:
        self._forget_sale()
        self.idle.stop()
        self.session.actor = None
        self.session.shift = None
        self.session.screen = "signin"
        self.session.refund_reference = ""
        self.banner.clear()
        self.bridge.submit(self.services.auth.sign_out, actor, name="sign_out",
                           on_error=lambda exc: log.warning("sign-out audit failed: %s", exc))
        self.signedOut.emit()

    def shift_changed(self) -> None:
        self._update_chrome()

    # -- the sale -------------------------------------------------------------------------------
    def open_show(self, show_id: str) -> None:
        try:
            detail = self.bridge.call(self.services.catalogue.show, show_id)
        except KioskError as err:
            self.banner.error(str(err))
            return
        sale = self.session.sale
        if sale.hold is not None and sale.show is not None and \
                sale.show.summary.show_id != show_id:
            self.release_hold()
        sale.show = detail
        self.go("seats")

    def quick_sale(self, show_id: str, adults: int, children: int = 0) -> None:
        """A quantity preset on the show-time grid: hold the best seats together at once and
        go straight to payment (issue 13 point 6); the seat map when no block fits."""
        try:
            detail = self.bridge.call(self.services.catalogue.show, show_id)
        except KioskError as err:
            self.banner.error(str(err))
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

    def _quick_still_wanted(self, token: int, actor) -> bool:
        """The cashier is still where the request was made (same sale, signed in, on the show
        times): a late answer otherwise is dropped, its seats given back."""
        return (token == self._quick_token and self.session.actor is actor
                and self.current_name() == "finder" and self.session.sale.hold is None)

    def _quick_held(self, hold, children: int, token: int, actor) -> None:
        self._quick_pending = False
        self.set_busy_text("")
        if not self._quick_still_wanted(token, actor) or \
                self.session.sale.show is None or \
                self.session.sale.show.summary.show_id != hold.show_id:
            self.bridge.submit(self.services.booking.release, hold.hold_id,
                               name="quick sale given back")
            return
        self.set_hold(hold)
        seats = list(hold.seats)
        sale = self.session.sale
        sale.ticket_types = {code: ("child" if n >= len(seats) - children else "adult")
                             for n, code in enumerate(seats)}
        basket = self.screens["basket"]
        if basket.requote():  # type: ignore[attr-defined]
            self.go("payment")
        else:
            self.go("basket")

    def _quick_failed(self, error: BaseException, token: int) -> None:
        self._quick_pending = False
        self.set_busy_text("")
        if token != self._quick_token or self.current_name() != "finder":
            return
        self.banner.show_message(
            (str(error) if isinstance(error, KioskError) else self.tr("No seats were held."))
            + " " + self.tr("Choose the seats on the map."), "warn")
        self.go("seats")

    def set_hold(self, hold) -> None:
        sale = self.session.sale
        sale.hold = hold
        sale.quote = None
        self._warned = False
        if hold is None:
            sale.ticket_types = {}
            sale.promo = ""
            self.hold_timer.stop()
        else:
            sale.ticket_types = {code: sale.ticket_types.get(code, "adult")
                                 for code in hold.seats}
            self.hold_timer.start()
        self._update_hold_label()
        self.customerViewChanged.emit()

    def release_hold(self) -> None:
        """Give the current hold back (on the worker), and forget it here at once."""
        hold = self.session.sale.hold
        self.set_hold(None)
        if hold is not None:
            self.bridge.submit(self.services.booking.release, hold.hold_id, name="release",
                               on_error=lambda exc: log.warning("release failed: %s", exc))

    def _forget_sale(self) -> None:
        self.release_hold()
        self.session.new_sale()

    def hold_lost(self, message: str) -> None:
        """The hold ran out (or vanished): back to the map, which shows the seats as they are."""
        self.release_hold()
        self.banner.error(message)
        if self.session.sale.show is not None:
            self.go("seats")
        else:
            self.go("finder")

    def confirm_sale(self, payment, contact: str, on_done: Callable, on_error: Callable) -> None:
        sale = self.session.sale
        booking = self.services.booking
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

    def sale_confirmed(self, booking) -> None:
        sale = self.session.sale
        exchanged = sale.exchange_from
        sale.booking = booking
        sale.hold = None
        sale.exchange_from = None
        self.hold_timer.stop()
        self._update_hold_label()
        self.bridge.sync_now()
        if exchanged is not None:
            self.banner.show_message(self.tr("Exchanged %1 for %2.").replace(
                "%1", exchanged.reference).replace("%2", booking.reference), "ok")
        self.go("ticket")

    def new_sale(self) -> None:
        if self.session.sale.booking is None:
            self.release_hold()
        self.session.new_sale()
        self.set_hold(None)
        if self.customer_display is not None:  # the next customer starts in the counter's
            self.customer_language.setCurrentIndex(
                max(0, self.customer_language.findData(self.config.language)))
        self.go("finder")
        self.screens["finder"].focus_search()  # type: ignore[attr-defined]

    def start_exchange(self, booking) -> None:
        self.release_hold()
        self.session.new_sale()
        self.session.sale.exchange_from = booking
        self.go("finder")

    # -- hold countdown and activity -------------------------------------------------------------
    def hold_remaining_s(self) -> float | None:
        hold = self.session.sale.hold
        if hold is None:
            return None
        return (hold.expires_at - self.bridge.now()).total_seconds()

    def _update_hold_label(self) -> None:
        remaining = self.hold_remaining_s()
        had_text = bool(self.hold_label.text())
        if remaining is None:
            self.hold_label.setText("")
            if had_text:
                self._fit_topbar()
            return
        seconds = max(0, int(remaining))
        self.hold_label.setText(self.tr("Seats held %1").replace(
            "%1", f"{seconds // 60}:{seconds % 60:02d}"))
        if not had_text:
            self._fit_topbar()
        role = "warn" if remaining <= HOLD_WARN_S else ""
        if self.hold_label.property("role") != role:
            self.hold_label.setProperty("role", role)
            self.hold_label.style().unpolish(self.hold_label)
            self.hold_label.style().polish(self.hold_label)

    def tick(self) -> None:
        remaining = self.hold_remaining_s()
        self._update_hold_label()
        if remaining is None:
            self.hold_timer.stop()
            return
        confirming = self.sale_being_confirmed()
        if remaining <= 0 and not confirming:
            self.hold_timer.stop()
            self.hold_lost(self.tr("The seat hold ran out, so the seats were released. "
                                   "Please choose the seats again."))
        elif remaining <= HOLD_WARN_S and not self._warned:
            self._warned = True
            self.banner.show_message(self.tr("The seat hold ends in under a minute. Touch the "
                                             "screen to keep the seats."), "warn")

    def note_activity(self) -> None:
        """A person did something for the sale: keep the session and the hold alive."""
        self.idle.poke()

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

    def _renewed(self, hold) -> None:
        self._renewing = False
        current = self.session.sale.hold
        if current is not None and hold is not None and current.hold_id == hold.hold_id:
            self.session.sale.hold = hold
            if self._warned and self.banner.kind() == "warn":
                self.banner.clear()
            self._warned = False
            self._update_hold_label()

    def _renew_failed(self, exc: BaseException) -> None:
        self._renewing = False
        if isinstance(exc, KioskError) and self.session.sale.hold is not None:
            if self.current_name() in SALE_SCREENS and \
                    not self.sale_being_confirmed():
                self.hold_lost(str(exc))

    # -- shutdown -------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Before the window closes or the mode is rebuilt for good: free the seats."""
        self.hold_timer.stop()
        self.idle.stop()
        self.release_hold()
        self._close_customer_display()

    def detach(self) -> None:
        """Before a rebuild (language change): stop timers but keep the hold and session."""
        self.hold_timer.stop()
        self.idle.stop()
        self._close_customer_display()

    def _add_customer_language(self) -> None:
        """The customer's language, for their display and their confirmation."""
        from PySide6.QtWidgets import QComboBox

        from kiosk.ui.i18n import LANGUAGES

        self.customer_language = QComboBox(self.topbar)
        self.customer_language.setObjectName("customerLanguage")
        self.customer_language.setToolTip(self.tr("The customer's language (their display and "
                                                  "confirmation)"))
        for code, name in LANGUAGES.items():
            self.customer_language.addItem(name, code)
        self.customer_language.setCurrentIndex(
            max(0, self.customer_language.findData(self.config.language)))
        self.customer_language.currentIndexChanged.connect(
            lambda _i: self.customer_display.set_language(self.customer_language.currentData())
            if self.customer_display is not None else None)
        bar = self.topbar.layout()
        bar.insertWidget(bar.indexOf(self.busy_label), self.customer_language)

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


"""The counter sale's service calls: hold, renew, release, confirm, exchange.

The counter mode navigates; this object runs what a sale asks of the booking service and keeps
the session's sale in step with the answers. It moves between screens only where an answer
decides where the cashier must be (a hold that ran out goes back to the seat map, a confirmed
sale shows its ticket), through the mode's ``go``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from kiosk.domain.errors import KioskError
from kiosk.services.models import Actor, Booking, Hold, Payment
from kiosk.ui import message
from kiosk.ui.page_names import SALE_PAGES, CounterPage

if TYPE_CHECKING:
    from kiosk.ui.counter.mode import CounterMode

# The texts keep the "CounterMode" context they were translated in before this object was split
# from the mode, so the existing Hindi and Telugu translations still apply.
_T = QCoreApplication

RENEW_AFTER_S = 30  # renew on activity once the hold has run this long


class SaleFlow(QObject):
    """The sale in progress at one counter.

    Signals:
        changed(): the hold or the booking changed (the customer display shows the sale).
    """

    changed = Signal()

    def __init__(self, ctl: CounterMode) -> None:
        super().__init__(ctl)
        self.ctl = ctl
        self.services = ctl.services
        self.bridge = ctl.bridge
        self.session = ctl.session
        self._renewing = False
        self._quick_pending = False  # a quantity preset's seats are being held
        self._quick_token = 0  # which request a late answer belongs to

    # -- choosing ---------------------------------------------------------------------------------
    def choose_show(self, show_id: str) -> bool:
        """Read the show for the seat map (a hold on another show is given back)."""
        try:
            detail = self.bridge.call(self.services.catalogue.show, show_id)
        except KioskError as err:
            message.error(str(err))
            return False
        sale = self.session.sale
        if sale.hold is not None and sale.show is not None and \
                sale.show.summary.show_id != show_id:
            self.release_hold()
        sale.show = detail
        return True

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
        self.ctl.set_busy_text(_T.translate("CounterMode", "Finding the best seats…"))
        self.bridge.submit(self.services.booking.hold_best, actor, show_id,
                           adults + children, name="quick sale",
                           on_done=lambda hold: self._quick_held(hold, children, token, actor),
                           on_error=lambda err: self._quick_failed(err, token))

    def _quick_still_wanted(self, token: int, actor: Actor | None) -> bool:
        """The cashier is still where the request was made (same sale, signed in, on the show
        times): a late answer otherwise is dropped, its seats given back."""
        return (token == self._quick_token and self.session.actor is actor
                and self.ctl.current_name() == CounterPage.FINDER
                and self.session.sale.hold is None)

    def _quick_held(self, hold: Hold, children: int, token: int, actor: Actor | None) -> None:
        self._quick_pending = False
        self.ctl.set_busy_text("")
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
        if self.ctl.basket.requote():
            self.ctl.go(CounterPage.PAYMENT)
        else:
            self.ctl.go(CounterPage.BASKET)

    def _quick_failed(self, error: BaseException, token: int) -> None:
        self._quick_pending = False
        self.ctl.set_busy_text("")
        if token != self._quick_token or self.ctl.current_name() != CounterPage.FINDER:
            return
        said = str(error) if isinstance(error, KioskError) else \
            _T.translate("CounterMode", "No seats were held.")
        message.warning(said + " " + _T.translate("CounterMode", "Choose the seats on the map."))
        self.ctl.go(CounterPage.SEATS)

    # -- the hold ---------------------------------------------------------------------------------
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
        self.ctl.countdown.tick()
        self.changed.emit()

    def release_hold(self) -> None:
        """Give the current hold back (on the worker), and forget it here at once."""
        hold = self.session.sale.hold
        self.set_hold(None)
        if hold is not None:
            self.bridge.submit(self.services.booking.release, hold.hold_id, name="release",
                               on_error=message.logged("releasing a hold"))

    def forget(self) -> None:
        """The sale is abandoned (sign-out, another cashier): its seats go back."""
        self.release_hold()
        self.session.new_sale()

    def hold_lost(self, text: str) -> None:
        """The hold ran out (or vanished): back to the map, which shows the seats as they are."""
        self.release_hold()
        message.error(text)
        if self.session.sale.show is not None:
            self.ctl.go(CounterPage.SEATS)
        else:
            self.ctl.go(CounterPage.FINDER)

    @Slot(int)
    def hold_warned(self, _seconds: int) -> None:
        message.warning(_T.translate(
            "CounterMode", "The seat hold ends in under a minute. Touch the screen to keep "
                           "the seats."))

    @Slot()
    def hold_ran_out(self) -> None:
        if self.ctl.sale_being_confirmed():
            return  # the payment decides; the countdown asks again next second
        self.hold_lost(_T.translate(
            "CounterMode", "The seat hold ran out, so the seats were released. "
                           "Please choose the seats again."))

    @Slot()
    def renew_on_activity(self) -> None:
        """The cashier is working on the sale: keep its seats (at most once a half-minute)."""
        hold = self.session.sale.hold
        if hold is None or self._renewing or self.session.actor is None:
            return
        remaining = self.ctl.countdown.remaining_s()
        total = self.ctl.config.hold_minutes * 60
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
            warned = self.ctl.countdown.has_warned
            self.session.sale.hold = hold
            if warned and self.ctl.banner.kind() == "warn":
                self.ctl.banner.clear()
            self.ctl.countdown.tick()

    @Slot(object)
    def _renew_failed(self, exc: BaseException) -> None:
        self._renewing = False
        if isinstance(exc, KioskError) and self.session.sale.hold is not None:
            if self.ctl.current_name() in SALE_PAGES and not self.ctl.sale_being_confirmed():
                self.hold_lost(str(exc))

    # -- confirming -------------------------------------------------------------------------------
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
                               self.ctl.confirmation_language(),
                               name="confirm",
                               on_done=on_done, on_error=on_error)

    def sale_confirmed(self, booking: Booking) -> None:
        sale = self.session.sale
        exchanged = sale.exchange_from
        sale.booking = booking
        sale.hold = None
        sale.exchange_from = None
        self.ctl.countdown.tick()
        self.bridge.sync_now()
        if exchanged is not None:
            message.ok(_T.translate("CounterMode", "Exchanged %1 for %2.").replace(
                "%1", exchanged.reference).replace("%2", booking.reference))
        self.ctl.go(CounterPage.TICKET)

    def new_sale(self) -> None:
        """Start again: an unpaid hold goes back."""
        if self.session.sale.booking is None:
            self.release_hold()
        self.session.new_sale()
        self.set_hold(None)

    def start_exchange(self, booking: Booking) -> None:
        self.release_hold()
        self.session.new_sale()
        self.session.sale.exchange_from = booking

"""Seat map screen: tap seats or ask for the best N together; the hold follows every change.

Every tap becomes a service call (``hold`` / ``change_hold`` / ``release`` / ``hold_best``) on the
bridge's worker, so a cloud gate claiming seats over the network never freezes the screen. Taps
made while a call is running are queued and applied in order. When another kiosk, the web or the
sync worker takes a seat, ``Bridge.dataChanged`` refreshes the map; a seat lost from our own hold
is named in a plain message.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import HoldExpired, KioskError, SeatsUnavailable
from kiosk.domain.money import format_money
from kiosk.services.models import SeatStatus, ShowDetail
from kiosk.ui import message
from kiosk.ui.counter.screen import Screen
from kiosk.ui.dates import day_time_text
from kiosk.ui.names import language_name
from kiosk.ui.page_names import CounterPage

if TYPE_CHECKING:
    from kiosk.ui.counter.mode import CounterMode

log = logging.getLogger(__name__)


def make_seat_panel(detail: ShowDetail, parent: QWidget):
    """The seat map panel of the show's hall."""
    from kiosk.ui.seatmap import SeatMapPanel

    panel = SeatMapPanel(parent)
    panel.set_layout(detail.layout)
    return panel


def seat_prices(detail: ShowDetail) -> dict[str, int]:
    """Adult price per seat type: what the legend shows next to each seat type."""
    return {seat_type: amount for (seat_type, ticket), amount in detail.prices.items()
            if ticket == "adult"}


class SeatsScreen(Screen):
    name = CounterPage.SEATS

    def __init__(self, ctl: CounterMode) -> None:
        super().__init__(ctl)
        self.panel = None
        self._panel_show_id: str | None = None
        self._queue: list[tuple] = []
        self._busy = False
        self._last_action = ""

        self.heading = QLabel("", self)
        self.heading.setObjectName("seatsHeading")
        self.heading.setProperty("role", "title")
        self.subheading = QLabel("", self)
        self.subheading.setProperty("role", "muted")

        self.map_host = QWidget(self)
        self.map_layout = QVBoxLayout(self.map_host)
        self.map_layout.setContentsMargins(0, 0, 0, 0)

        side = QFrame(self)
        side.setProperty("role", "card")
        side.setMinimumWidth(260)
        side.setMaximumWidth(300)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(16, 16, 16, 16)
        chosen = QLabel(self.tr("Chosen seats"), side)
        chosen.setProperty("role", "muted")
        self.seat_list = QLabel(self.tr("Tap a seat, or ask for the best seats together."), side)
        self.seat_list.setObjectName("chosenSeats")
        self.seat_list.setWordWrap(True)
        self.seat_list.setProperty("role", "title")
        self.subtotal = QLabel("", side)
        self.subtotal.setObjectName("seatsSubtotal")
        self.subtotal.setProperty("role", "money")
        self.subtotal.setWordWrap(True)
        self.busy_label = QLabel("", side)
        self.busy_label.setProperty("role", "muted")
        self.clear_button = QPushButton(self.tr("Clear seats"), side)
        self.clear_button.setObjectName("clearSeats")
        self.clear_button.clicked.connect(self.clear_seats)
        self.continue_button = QPushButton(self.tr("Ticket types  ⏎"), side)
        self.continue_button.setObjectName("toBasket")
        self.continue_button.setProperty("role", "primary")
        self.continue_button.clicked.connect(self.to_basket)
        self.back_button = QPushButton(self.tr("Back to shows (Esc)"), side)
        self.back_button.setObjectName("seatsBack")
        self.back_button.clicked.connect(self.back)
        side_layout.addWidget(chosen)
        side_layout.addWidget(self.seat_list)
        side_layout.addWidget(self.subtotal)
        side_layout.addWidget(self.busy_label)
        side_layout.addStretch(1)
        side_layout.addWidget(self.clear_button)
        side_layout.addWidget(self.continue_button)
        side_layout.addWidget(self.back_button)

        body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.setSpacing(16)
        body.addWidget(self.map_host, 1)
        body.addWidget(side)
        self.body = body
        self.side = side
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addLayout(body, 1)

        self.bridge.dataChanged.connect(self._data_changed)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Side panel beside the map when it fits, else under it (large text, small screens)."""
        viewport = self.parentWidget()
        width = viewport.width() if viewport is not None else self.width()
        map_min = self.panel.minimumSizeHint().width() if self.panel is not None else 400
        beside = width >= map_min + self.side.minimumWidth() + 60
        direction = (QBoxLayout.Direction.LeftToRight if beside
                     else QBoxLayout.Direction.TopToBottom)
        if self.body.direction() != direction:
            self.body.setDirection(direction)
            self.side.setMaximumWidth(300 if beside else 16_777_215)
            self.map_host.setMinimumHeight(0 if beside else 420)

    # -- screen hooks ---------------------------------------------------------------------------
    @property
    def detail(self) -> ShowDetail | None:
        return self.session.sale.show

    def enter(self) -> None:
        detail = self.detail
        if detail is None:
            self.ctl.go(CounterPage.FINDER)
            return
        summary = detail.summary
        self.heading.setText(f"{summary.film_title}  ·  {summary.certificate}  ·  "
                             f"{language_name(summary.language)}")
        self.subheading.setText(
            f"{summary.cinema_name}, {summary.city}  ·  {summary.hall_name}  ·  "
            f"{day_time_text(summary.local_start)}")
        if self.panel is None or self._panel_show_id != summary.show_id:
            self._build_panel(detail)
            self._arrange()
        self.bridge.watch_show(summary.show_id)
        self.refresh()

    def leave(self) -> None:
        self.bridge.watch_show(None)

    def first_focus(self) -> QWidget | None:
        return self.panel

    def _build_panel(self, detail: ShowDetail) -> None:
        if self.panel is not None:
            self.panel.setParent(None)
            self.panel.deleteLater()
        self.panel = make_seat_panel(detail, self.map_host)
        self.panel.setObjectName("seatPanel")
        self.map_layout.addWidget(self.panel)
        self.panel.show()  # a layout would only show it on the next event-loop pass
        self._panel_show_id = detail.summary.show_id
        self.panel.seatTapped.connect(self.tap_seat)
        self.panel.unavailableTapped.connect(self._unavailable_tapped)
        self.panel.bestRequested.connect(self.request_best)
        try:
            self.panel.set_prices(detail.prices, detail.summary.currency)
        except Exception:
            log.exception("seat panel refused the price list")
        theme = self.ctl.theme
        if theme is not None:
            self.panel.set_palette(theme.high_contrast)
            theme.highContrastChanged.connect(self.panel.set_palette)
        self.panel.set_max_together(self.ctl.config.max_seats_per_booking)
        self.panel.set_statuses(self._read_statuses() or {})
        self.panel.view.fit_to_view()

    @Slot()
    def back(self) -> None:
        """Esc: give the seats back and return to the show list."""
        self._queue.clear()
        self.ctl.sales.release_hold()
        self.ctl.go(CounterPage.FINDER)

    def refresh(self) -> None:
        statuses = self._read_statuses()
        if statuses is not None and self.panel is not None:
            self.panel.update_statuses(statuses)
            self._check_lost(statuses)
        self._update_side()

    # -- reading --------------------------------------------------------------------------------
    def _read_statuses(self) -> dict[str, SeatStatus] | None:
        detail = self.detail
        if detail is None:
            return None
        hold = self.session.sale.hold
        try:
            return self.bridge.call(self.services.catalogue.seat_map, detail.summary.show_id,
                                    hold.hold_id if hold else None)
        except KioskError as err:
            message.error(str(err))
            return None

    @Slot()
    def _data_changed(self) -> None:
        if self.ctl.current_name() == self.name and not self._busy:
            self.refresh()

    def _check_lost(self, statuses: dict[str, SeatStatus]) -> None:
        """A seat of our hold that now shows as someone else's: say so and drop it."""
        hold = self.session.sale.hold
        if hold is None or self._busy:
            return
        lost = [code for code in hold.seats if statuses.get(code) is not SeatStatus.HELD_BY_ME]
        if not lost:
            return
        if self.bridge.now() >= hold.expires_at:  # our own hold ran out: not someone's sale
            self.ctl.countdown.tick()
            return
        message.error(self.tr("Sorry, these seats were just taken by another sale: %1. "
                              "Please choose others.").replace("%1", ", ".join(lost)))
        self._enqueue(("drop", tuple(lost)))  # give them up so the basket never charges them

    # -- taps -----------------------------------------------------------------------------------
    @Slot(str)
    def tap_seat(self, code: str) -> None:
        self._enqueue(("tap", code))

    @Slot(int, bool)
    def request_best(self, count: int, accessible: bool) -> None:
        self._enqueue(("best", int(count), bool(accessible)))

    @Slot()
    def clear_seats(self) -> None:
        self._queue.clear()
        self._enqueue(("clear",))

    def _enqueue(self, action: tuple) -> None:
        self.ctl.note_activity()
        self._queue.append(action)
        if not self._busy:
            self._next()

    def _next(self) -> None:
        if not self._queue or self.detail is None:
            self._set_busy(False)
            return
        action = self._queue.pop(0)
        self._last_action = action[0]
        booking = self.services.booking
        actor = self.session.actor
        show_id = self.detail.summary.show_id
        hold = self.session.sale.hold
        if action[0] == "tap":
            code = action[1]
            if hold is None:
                call = (booking.hold, actor, show_id, [code])
            elif code in hold.seats:
                if len(hold.seats) == 1:
                    call = (self._release_all, hold.hold_id)
                else:
                    call = (booking.change_hold, actor, hold.hold_id, [], [code])
            else:
                call = (booking.change_hold, actor, hold.hold_id, [code], [])
        elif action[0] == "drop":
            if hold is None:
                self._next()
                return
            keep = [code for code in hold.seats if code not in action[1]]
            call = ((booking.change_hold, actor, hold.hold_id, [], list(action[1])) if keep
                    else (self._release_all, hold.hold_id))
        elif action[0] == "best":
            call = (booking.hold_best, actor, show_id, action[1], action[2],
                    hold.hold_id if hold else None)
        else:
            if hold is None:
                self._next()
                return
            call = (self._release_all, hold.hold_id)
        self._set_busy(True)
        self.bridge.submit(*call, name=f"seats_{action[0]}",
                           on_done=self._hold_changed, on_error=self._hold_failed)

    def _release_all(self, hold_id: str) -> None:
        self.services.booking.release(hold_id)
        return None

    @Slot(object)
    def _hold_changed(self, hold) -> None:
        self.ctl.sales.set_hold(hold if hold is not None and hold.seats else None)
        if self._last_action != "drop":  # keep the "seats were taken" message up
            message.clear()
        self._after_call()

    @Slot(object)
    def _hold_failed(self, exc: BaseException) -> None:
        self._queue.clear()
        if isinstance(exc, HoldExpired):
            self.ctl.sales.set_hold(None)
            message.error(str(exc))
        elif isinstance(exc, SeatsUnavailable):
            message.error(str(exc))
        elif isinstance(exc, KioskError):
            message.error(str(exc))
        else:
            self.ctl.show_fault(exc)
        self._after_call()

    def _after_call(self) -> None:
        statuses = self._read_statuses()
        if statuses is not None and self.panel is not None:
            self.panel.update_statuses(statuses)
        self._update_side()
        self._next()

    @Slot(str)
    def _unavailable_tapped(self, code: str) -> None:
        self.ctl.note_activity()
        self.ctl.banner.show_message(
            self.tr("Seat %1 is not available. Please choose another seat.").replace("%1", code),
            "warn", 5000)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_label.setText(self.tr("Updating seats…") if busy else "")
        self._update_buttons()

    # -- side panel -----------------------------------------------------------------------------
    def _update_side(self) -> None:
        detail = self.detail
        hold = self.session.sale.hold
        empty = detail is None or hold is None or not hold.seats
        role = "" if empty else "title"
        if self.seat_list.property("role") != role:
            self.seat_list.setProperty("role", role)
            self.seat_list.style().unpolish(self.seat_list)
            self.seat_list.style().polish(self.seat_list)
        if empty:
            self.seat_list.setText(self.tr("Tap a seat, or ask for the best seats together."))
            self.subtotal.setText("")
        else:
            prices = seat_prices(detail)
            seats = sorted(hold.seats, key=_seat_sort_key)
            amount = sum(prices.get(str(detail.layout.seats[c].type), 0) for c in seats
                         if c in detail.layout.seats)
            self.seat_list.setText(", ".join(seats))
            self.subtotal.setText(self.tr("%n seat(s), %1 (adult)", "", len(seats))
                                  .replace("%1", format_money(amount,
                                                              detail.summary.currency)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = bool(self.session.sale.hold and self.session.sale.hold.seats)
        self.continue_button.setEnabled(has and not self._busy)
        self.clear_button.setEnabled(has and not self._busy)

    @Slot()
    def to_basket(self) -> None:
        if self._busy or not self.continue_button.isEnabled():
            return
        self.ctl.go(CounterPage.BASKET)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.continue_button.isEnabled():
            self.to_basket()
            return
        super().keyPressEvent(event)


def _seat_sort_key(code: str) -> tuple[str, int]:
    row = code.rstrip("0123456789")
    number = code[len(row):]
    return row, int(number) if number.isdigit() else 0

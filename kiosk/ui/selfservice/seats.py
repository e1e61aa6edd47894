"""Pick seats on the hall map. Every tap is a hold change in the booking service.

The screen holds no seat rules: a tap on a free seat asks ``BookingService.hold`` (first seat) or
``change_hold``; "best N" asks ``hold_best``. Calls run on the bridge's worker (a cloud gate may
claim seats over the network); taps made while one is running wait their turn in order, so a
quick double tap can never make two holds.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import HoldExpired, KioskError, SeatsUnavailable
from kiosk.domain.money import format_money
from kiosk.services.models import Hold, SeatStatus, ShowDetail
from kiosk.ui.dates import day_time_text
from kiosk.ui.page_names import SelfServicePage
from kiosk.ui.seatmap import SeatMapPanel
from kiosk.ui.selfservice.common import button, label, step_layout
from kiosk.ui.selfservice.screen import SelfServiceScreen

if TYPE_CHECKING:
    from collections.abc import Callable

    from kiosk.services.models import Actor
    from kiosk.ui.bridge import Bridge

TAKEABLE = frozenset({SeatStatus.FREE, SeatStatus.ALLOCATED_HERE})


class _Message(QLabel):
    """A message line shown only while it says something."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


class SeatsScreen(SelfServiceScreen):
    name = SelfServicePage.SEATS
    holdChanged = Signal(object)  # Hold | None
    continueRequested = Signal()
    backRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, bridge: Bridge, actor_fn: Callable[[], Actor], parent: QWidget | None = None):
        super().__init__(parent)
        self.bridge = bridge
        self._actor_fn = actor_fn
        self.detail: ShowDetail | None = None
        self.hold: Hold | None = None
        self._queue: deque[tuple[str, tuple]] = deque()
        self._busy = False
        body = QHBoxLayout()
        self.header = step_layout(self, body, (16, 12, 16, 12), 16)
        # touch: a hall too big for touch-size seats is picked block by block (issue 14)
        self.map = SeatMapPanel(self, touch=True)
        self.view = self.map.view
        self.view.seatTapped.connect(lambda code: self.tap_seat(code))
        self.view.unavailableTapped.connect(self._unavailable)
        self.map.bestRequested.connect(lambda n, accessible: self.request_best(n, accessible))
        # The map takes the width that is left; its own minimum (legend in one row, large text)
        # must never push the window wider than the screen.
        self.map.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.map.setMinimumWidth(480)
        body.addWidget(self.map, 1)

        side = QFrame(self)
        side.setProperty("ss", "panel")
        side.setFixedWidth(330)
        self.side = side
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(18, 18, 18, 18)
        side_column.setSpacing(12)
        # the show and "Best N together" scroll when Telugu in large text needs more than the
        # column's height; a message, the seats chosen and Continue always stay in view
        upper = QWidget(side)
        upper_column = QVBoxLayout(upper)
        upper_column.setContentsMargins(0, 0, 0, 0)
        upper_column.setSpacing(12)
        self.show_info = label("", "small", wrap=True)
        upper_column.addWidget(self.show_info)
        upper_column.addSpacing(8)
        upper_column.addWidget(self.map.best)  # "Best N together", stacked for this column
        upper_column.addStretch(1)
        scroll = QScrollArea(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(upper)
        for part in (scroll, scroll.viewport(), upper):  # the panel's own background shows
            part.setAutoFillBackground(False)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget "
                             "{ background: transparent; border: none; }")
        self.side_scroll = scroll
        side_column.addWidget(scroll, 1)
        self.message = _Message(side)  # takes no room while empty
        self.message.setObjectName("seatMessage")
        self.message.setProperty("ss", "error")
        self.message.setWordWrap(True)
        self.message.clear()
        side_column.addWidget(self.message)
        self.selection = label("", "big", wrap=True)
        self.selection.setObjectName("seatSelection")
        side_column.addWidget(self.selection)
        self.continue_button = button("", role="primary", min_height=80)
        self.continue_button.setObjectName("seatsContinue")
        self.continue_button.clicked.connect(self._continue)
        side_column.addWidget(self.continue_button)
        body.addWidget(side)
        self.retranslate()

    # -- public -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.title.setText(self.tr("Choose your seats"))
        self._update_selection()

    def set_show(self, detail: ShowDetail, hold: Hold | None) -> None:
        from kiosk.ui.theme import ThemeManager

        theme = ThemeManager.instance()
        self.side.setFixedWidth(420 if theme is not None and theme.large_text else 330)
        self.detail = detail
        self.hold = hold
        self._queue.clear()
        self.message.clear()
        s = detail.summary
        self.show_info.setText(f"{s.film_title}\n{day_time_text(s.local_start)} · "
                               f"{s.cinema_name} · {s.hall_name}")
        self.map.set_layout(detail.layout)  # the panel also refreshes its legend
        self.map.set_prices(detail.prices, s.currency)
        self.refresh_statuses()
        self._update_selection()

    def set_high_contrast(self, on: bool) -> None:
        """The map and its legend in the theme's seat palette (``kiosk.ui.seatmap.palette``)."""
        self.map.set_palette(on)

    def refresh_statuses(self) -> None:
        if self.detail is None:
            return
        statuses = self.bridge.call(self.bridge.services.catalogue.seat_map,
                                    self.detail.summary.show_id,
                                    self.hold.hold_id if self.hold else None)
        self.map.set_statuses(statuses)

    def is_busy(self) -> bool:
        return self._busy

    def tap_seat(self, code: str) -> None:
        self._enqueue("tap", (code,))

    def request_best(self, n: int, accessible: bool = False) -> None:
        self._enqueue("best", (n, accessible))

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    # -- queue of hold changes ---------------------------------------------------------------
    def _enqueue(self, kind: str, args: tuple) -> None:
        self._queue.append((kind, args))
        if not self._busy:
            self._next()

    def _next(self) -> None:
        if not self._queue or self.detail is None:
            self._busy = False
            return
        self._busy = True
        kind, args = self._queue.popleft()
        booking = self.bridge.services.booking
        show_id = self.detail.summary.show_id
        actor = self._actor_fn()
        hold = self.hold
        if kind == "best":
            n, accessible = args
            self.bridge.submit(booking.hold_best, actor, show_id, n, accessible,
                               hold.hold_id if hold else None,
                               on_done=self._hold_done, on_error=self._hold_failed,
                               name="self-service best seats")
            return
        code = args[0]
        status = self.view.status(code)
        if hold is not None and code in hold.seats:
            if len(hold.seats) == 1:
                self.bridge.submit(booking.release, hold.hold_id,
                                   on_done=self._released,
                                   on_error=self._hold_failed, name="self-service release")
            else:
                self.bridge.submit(booking.change_hold, actor, hold.hold_id, [], [code],
                                   on_done=self._hold_done, on_error=self._hold_failed,
                                   name="self-service unhold seat")
        elif status not in TAKEABLE:
            self._unavailable(code)
            self._next()
        elif hold is None:
            self.bridge.submit(booking.hold, actor, show_id, [code], on_done=self._hold_done,
                               on_error=self._hold_failed, name="self-service hold")
        else:
            self.bridge.submit(booking.change_hold, actor, hold.hold_id, [code], [],
                               on_done=self._hold_done, on_error=self._hold_failed,
                               name="self-service hold seat")

    @Slot()
    def _released(self, _result: object = None) -> None:
        self._hold_done(None)

    @Slot(object)
    def _hold_done(self, hold: Hold | None) -> None:
        if hold is not None and not hold.seats:
            hold = None
        self.hold = hold
        self.message.clear()
        self.refresh_statuses()
        if hold is not None and self.view.sections_visible():
            self.view.show_section_of(hold.seats[0])  # "best seats" in a big hall: show them
        self._update_selection()
        self.holdChanged.emit(hold)
        self._next()

    @Slot(object)
    def _hold_failed(self, error: BaseException) -> None:
        if isinstance(error, SeatsUnavailable):
            self.message.setText(self.tr("Sorry, seat %1 was just taken. Please choose another.")
                                 .replace("%1", ", ".join(error.seats)))
        elif isinstance(error, HoldExpired):
            self.hold = None
            self.holdChanged.emit(None)
            self.message.setText(self.tr("Your seats were released because time ran out. "
                                         "Please choose again."))
        elif isinstance(error, KioskError):
            self.message.setText(str(error))
        else:
            self.message.setText(self.tr("Sorry, something went wrong. Please try again."))
        self._queue.clear()
        self.refresh_statuses()
        self._update_selection()
        self._busy = False

    @Slot(str)
    def _unavailable(self, code: str) -> None:
        if self.view.status(code) == SeatStatus.BLOCKED:  # offline: not this kiosk's to sell
            text = self.tr("Seat %1 cannot be sold from this kiosk right now. Please choose "
                           "another.")
        else:
            text = self.tr("Seat %1 is taken. Please choose another.")
        self.message.setText(text.replace("%1", code))

    def _update_selection(self) -> None:
        seats = self.hold.seats if self.hold else ()
        if not seats:
            self.selection.setText(self.tr("Tap a free seat to choose it."))
            self.continue_button.setText(self.tr("Continue"))
            self.continue_button.setEnabled(False)
            return
        total = 0
        currency = self.detail.summary.currency if self.detail else ""
        if self.detail is not None:
            for seat in seats:
                seat_type = self.detail.layout.seat(seat).type.value
                total += self.detail.prices.get((seat_type, "adult"), 0)
        self.selection.setText(self.tr("Your seats: %1").replace("%1", ", ".join(seats)) + "\n"
                               + self.tr("Adult price %1").replace("%1", format_money(total, currency)))
        self.continue_button.setText(self.tr("Continue with %n seat(s)", "", len(seats)))
        self.continue_button.setEnabled(True)

    @Slot()
    def _continue(self) -> None:
        if self.hold is not None and self.hold.seats and not self._busy:
            self.continueRequested.emit()


"""Choose a ticket type for each held seat and see the total the booking service quotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import KioskError
from kiosk.domain.money import format_money
from kiosk.domain.offers import PromoRefused
from kiosk.services.loyalty import Member
from kiosk.services.models import Hold, Quote, ShowDetail, TicketType
from kiosk.ui.names import seat_type_name, ticket_type_name
from kiosk.ui.page_names import SelfServicePage
from kiosk.ui.selfservice.common import button, clear_layout, discounts_text, label, step_layout
from kiosk.ui.selfservice.member import MemberPanel
from kiosk.ui.selfservice.promo import PromoPanel
from kiosk.ui.selfservice.screen import SelfServiceScreen

if TYPE_CHECKING:
    from kiosk.services.app import Services


class TicketTypesScreen(SelfServiceScreen):
    name = SelfServicePage.TICKETS
    continueRequested = Signal(dict, object)  # ticket types per seat, Quote

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self._hold: Hold | None = None
        self._detail: ShowDetail | None = None
        self.ticket_types: dict[str, str] = {}
        self.quote: Quote | None = None
        self.promo = ""  # the customer's promo code, once it applies
        self.member: Member | None = None  # the loyalty member the customer said they are
        self._groups: list[QButtonGroup] = []
        body = QVBoxLayout()
        self.header = step_layout(self, body, (32, 20, 32, 20), 16)
        self.intro = label("", "sub", wrap=True)
        body.addWidget(self.intro)
        self.rows_host = QWidget(self)
        self.rows = QGridLayout(self.rows_host)
        self.rows.setHorizontalSpacing(12)
        self.rows.setVerticalSpacing(12)
        self.rows.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.rows_host)
        body.addWidget(scroll, 1)
        self.scroll = scroll
        self.promo_panel = PromoPanel(self)
        self.promo_panel.applied.connect(self.apply_promo)
        self.promo_panel.cancelled.connect(self._close_promo)
        self.promo_panel.hide()
        body.addWidget(self.promo_panel, 1)
        self.member_panel = MemberPanel(services, self)
        self.member_panel.found.connect(self.use_member)
        self.member_panel.cancelled.connect(self._close_promo)
        self.member_panel.hide()
        body.addWidget(self.member_panel, 1)
        footer = QHBoxLayout()
        self.total = label("", "big")
        self.total.setObjectName("quoteTotal")
        self.error = label("", "sub", wrap=True)
        self.error.setProperty("ss", "error")
        self.continue_button = button("", role="primary", min_height=72)
        self.continue_button.setObjectName("ticketsContinue")
        self.continue_button.setMinimumWidth(300)
        self.continue_button.clicked.connect(self._continue)
        self.promo_button = button("", min_height=72)
        self.promo_button.setObjectName("promoButton")
        self.promo_button.clicked.connect(self._open_promo)
        self.member_button = button("", min_height=72)
        self.member_button.setObjectName("memberButton")
        self.member_button.clicked.connect(self._open_member)
        footer.addWidget(self.total, 1)
        footer.addWidget(self.member_button)
        footer.addWidget(self.promo_button)
        footer.addWidget(self.continue_button)
        body.addWidget(self.error)
        body.addLayout(footer)
        self.retranslate()

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.title.setText(self.tr("Tickets"))
        self.intro.setText(self.tr("Who is each seat for? Child, senior and student tickets cost "
                                   "less."))
        self.continue_button.setText(self.tr("Continue to payment"))
        self.promo_button.setText(self.tr("Promo code"))
        self._member_text()
        self.promo_panel.retranslate()
        self.member_panel.retranslate()
        if self._hold is not None and self.quote is not None:  # the total line in the new language
            self._requote()

    def set_hold(self, hold: Hold, detail: ShowDetail, keep: dict[str, str] | None = None,
                 promo: str = "", member: Member | None = None) -> None:
        self._hold = hold
        self._detail = detail
        self.promo = promo
        self.member = member
        self._member_text()
        self._close_promo()
        keep = keep or {}
        self.ticket_types = {seat: keep.get(seat, TicketType.ADULT.value) for seat in hold.seats}
        clear_layout(self.rows)
        self._groups.clear()
        for row, seat in enumerate(hold.seats):
            seat_type = detail.layout.seat(seat).type.value if seat in detail.layout.seats else ""
            seat_label = label(f"{seat}", "big")
            seat_label.setMinimumWidth(90)
            self.rows.addWidget(seat_label, row, 0)
            self.rows.addWidget(label(seat_type_name(seat_type), "small"), row, 1)
            group = QButtonGroup(self)
            group.setExclusive(True)
            for col, ticket_type in enumerate(TicketType):
                price = detail.prices.get((seat_type, ticket_type.value))
                if price is None:
                    continue
                choice = button(f"{ticket_type_name(ticket_type.value)}\n"
                                f"{format_money(price, detail.summary.currency)}",
                                ss="chip", checkable=True, min_height=64)
                choice.setObjectName(f"type_{seat}_{ticket_type.value}")
                choice.setChecked(self.ticket_types[seat] == ticket_type.value)
                choice.clicked.connect(lambda _=False, s=seat, t=ticket_type.value: self._choose(s, t))
                group.addButton(choice)
                self.rows.addWidget(choice, row, 2 + col)
            self._groups.append(group)
        self._requote()

    def _choose(self, seat: str, ticket_type: str) -> None:
        self.ticket_types[seat] = ticket_type
        self._requote()

    def _requote(self) -> None:
        self.error.clear()
        if self._hold is None:
            return
        try:
            try:
                self.quote = self.services.booking.quote(self._hold.hold_id,
                                                         dict(self.ticket_types), self.promo,
                                                         self.member_phone)
            except PromoRefused as refused:  # said, and the tickets priced without it
                self.promo = ""
                self.quote = self.services.booking.quote(self._hold.hold_id,
                                                         dict(self.ticket_types), "",
                                                         self.member_phone)
                self.error.setText(str(refused))
        except KioskError as err:
            self.quote = None
            self.error.setText(str(err))
            self.total.clear()
            self.continue_button.setEnabled(False)
            return
        total = (self.tr("Total %1 (incl. tax %2)")
                 .replace("%1", format_money(self.quote.total_minor, self.quote.currency))
                 .replace("%2", format_money(self.quote.tax_minor, self.quote.currency)))
        if self.quote.discounts or self.quote.free_items:  # offers and vouchers, each named
            total += "\n" + discounts_text(self.quote)
        self.total.setText(total)
        self.continue_button.setEnabled(True)

    @property
    def member_phone(self) -> str:
        return self.member.phone if self.member is not None else ""

    def _member_text(self) -> None:
        if self.member is None:
            self.member_button.setText(self.tr("Member?"))
        else:
            # not the balance: anyone may type any number at a public screen
            self.member_button.setText(self.tr("Member ✓ · earning points"))

    @Slot()
    def _open_promo(self) -> None:
        self._open_panel(self.promo_panel)
        self.promo_panel.open(self.promo)

    @Slot()
    def _open_member(self) -> None:
        self._open_panel(self.member_panel)
        self.member_panel.open(self._detail.summary.currency if self._detail else "INR")

    def _open_panel(self, panel: QWidget) -> None:
        self.scroll.hide()
        self.promo_button.hide()
        self.member_button.hide()
        (self.member_panel if panel is self.promo_panel else self.promo_panel).hide()
        self.continue_button.setEnabled(False)

    @Slot()
    def _close_promo(self) -> None:
        self.promo_panel.hide()
        self.member_panel.hide()
        self.scroll.show()
        self.promo_button.show()
        self.member_button.show()
        self.continue_button.setEnabled(self.quote is not None)

    @Slot(object)
    def use_member(self, member: Member) -> None:
        """Price at member prices; the sale earns the member points."""
        self.member = member
        self._member_text()
        self._close_promo()
        self._requote()

    @Slot(str)
    def apply_promo(self, code: str) -> None:
        """Price with the code; a code that does not apply is said on this screen."""
        self.promo = code
        self._close_promo()
        self._requote()

    @Slot()
    def _continue(self) -> None:
        if self.quote is not None:
            self.continueRequested.emit(dict(self.ticket_types), self.quote)

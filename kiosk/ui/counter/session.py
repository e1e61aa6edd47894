"""What a counter sale remembers between screens, kept outside the widgets.

The screens are rebuilt when the language changes; the signed-in staff member, the open shift and
the sale in progress live here so a rebuild loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.domain.menu import Order
from kiosk.services.loyalty import Member
from kiosk.services.models import Actor, Booking, Hold, Quote, Shift, ShowDetail, ShowQuery
from kiosk.ui.page_names import CounterPage


@dataclass
class Sale:
    """One sale (or exchange) in progress, from the chosen show to the printed ticket."""

    show: ShowDetail | None = None
    hold: Hold | None = None
    ticket_types: dict[str, str] = field(default_factory=dict)  # seat code -> ticket type
    quote: Quote | None = None
    booking: Booking | None = None
    exchange_from: Booking | None = None  # the booking being exchanged, if this is an exchange
    # Food and drink in the same basket (issue 12); ``quote`` then totals tickets and items, so
    # the payment screen takes one payment for both.
    items: list[Order] = field(default_factory=list)
    promo: str = ""  # a promo code the customer gave (the cinema's automatic offers need none)
    member: Member | None = None  # the loyalty member the sale is for (earns, member prices)

    @property
    def member_phone(self) -> str:
        return self.member.phone if self.member is not None else ""

    @property
    def seats(self) -> tuple[str, ...]:
        return self.hold.seats if self.hold else ()


@dataclass
class CounterSession:
    actor: Actor | None = None
    shift: Shift | None = None
    sale: Sale = field(default_factory=Sale)
    query: ShowQuery = field(default_factory=ShowQuery)
    screen: CounterPage = CounterPage.SIGNIN  # the screen to come back to after a rebuild
    refund_reference: str = ""
    finder_view: str = ""  # "grid" | "list" | "" (the device's default), kept over rebuilds

    def new_sale(self) -> Sale:
        self.sale = Sale()
        return self.sale

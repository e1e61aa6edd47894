"""What a ticket and a receipt show, built from a ``Booking``: plain data, no Qt.

A ticket lists the seats still valid (refunded seats no longer admit anyone); a receipt lists
every line, marks refunds, and carries the payment details. Times are in the cinema's zone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from kiosk.domain.errors import KioskError
from kiosk.domain.giftcards import masked_code
from kiosk.domain.loyalty import masked_phone
from kiosk.domain.tenders import merged
from kiosk.services.models import Booking

if TYPE_CHECKING:
    from kiosk.services.item_sales import ItemSale


class UnsignedTicket(KioskError):
    """A ticket without its signed code: never printed with a bare reference instead."""


def qr_payload(item: Booking | TicketData) -> str:
    """What a ticket's QR code encodes: the booking reference signed for its cinema
    (``kiosk.domain.ticket_codes``), nothing else.

    The door and collection verify the signature, so a screen preview must encode exactly this
    too. No price or personal data goes into the code.
    """
    code = item.ticket_code if isinstance(item, Booking) else item.code
    if not code:
        raise UnsignedTicket(f"The tickets of {item.reference} cannot be printed: this kiosk "
                             "cannot sign them (its ticket keys file cannot be read or "
                             "written). The booking is saved; ask a manager.")
    return code


@dataclass(frozen=True)
class TicketSeat:
    code: str
    seat_type: str
    ticket_type: str
    price_minor: int
    tax_minor: int = 0
    refunded: bool = False


@dataclass(frozen=True)
class TicketData:
    reference: str
    booking_id: str
    cinema_name: str
    city: str
    film_title: str
    certificate: str
    language: str
    runtime_min: int
    hall_name: str
    local_start: datetime  # aware, cinema's zone
    timezone: str
    seats: tuple[TicketSeat, ...]
    currency: str
    total_minor: int  # what the listed seats cost
    tax_minor: int
    kiosk_id: str
    channel: str
    issued_at: datetime  # aware, cinema's zone
    code: str = ""  # what the QR carries: the signed code (kiosk.domain.ticket_codes)

    @classmethod
    def from_booking(cls, booking: Booking, issued_at: datetime | None = None) -> TicketData:
        show = booking.show
        zone = ZoneInfo(show.timezone)
        valid = tuple(
            TicketSeat(line.seat_code, line.seat_type, line.ticket_type, line.price_minor,
                       line.tax_minor)
            for line in booking.lines if not line.refunded
        )
        return cls(
            reference=booking.reference,
            booking_id=booking.booking_id,
            cinema_name=show.cinema_name,
            city=show.city,
            film_title=show.film_title,
            certificate=show.certificate,
            language=show.language,
            runtime_min=show.runtime_min,
            hall_name=show.hall_name,
            local_start=show.starts_at.astimezone(zone),
            timezone=show.timezone,
            seats=valid,
            currency=booking.currency,
            total_minor=sum(s.price_minor for s in valid),
            tax_minor=sum(s.tax_minor for s in valid),
            kiosk_id=booking.kiosk_id,
            channel=booking.channel,
            issued_at=(issued_at or booking.created_at).astimezone(zone),
            code=booking.ticket_code,
        )

    def for_seat(self, code: str) -> TicketData:
        """The same ticket admitting one seat (for counters that hand out one slip per person)."""
        seat = next(s for s in self.seats if s.code == code)
        return replace(self, seats=(seat,), total_minor=seat.price_minor, tax_minor=seat.tax_minor)


@dataclass(frozen=True)
class ReceiptData:
    ticket: TicketData  # show details; its seats are the valid ones
    lines: tuple[TicketSeat, ...]  # every line, refunded ones marked
    total_minor: int  # charged at sale
    tax_minor: int
    refunded_minor: int
    payment_method: str  # "cash" | "card" | ...
    tendered_minor: int | None
    change_minor: int | None
    card_last4: str | None
    staff_label: str  # e.g. "1001" or "Self-service"
    tax_label: str = "GST"
    tax_rate_bp: int | None = None  # basis points, when known (ShowDetail.tax_rate_bp)
    # (kind, amount, reference) per tender when paid several ways or by UPI / gift card (issue 11)
    tenders: tuple[tuple[str, int, str], ...] = ()
    # food and drink sold in the same basket (issue 12): (qty, label, line total, refunded qty)
    items: tuple[tuple[int, str, int, int], ...] = ()
    items_reference: str = ""  # the stand collects against it (FD-XXXX-XXXX)
    # offers that took something off (issue 12): (label, amount); ``lines`` then show list prices
    discounts: tuple[tuple[str, int], ...] = ()
    # the loyalty member (issue 12): the phone masked, and the points the sale earned
    member: str = ""
    points_earned: int = 0

    @classmethod
    def from_booking(cls, booking: Booking, issued_at: datetime | None = None,
                     staff_label: str | None = None, tax_rate_bp: int | None = None,
                     tax_label: str = "GST", food: ItemSale | None = None) -> ReceiptData:
        """The receipt of a booking, and of the food and drink paid with it (``food``): one
        total, one tax figure, one payment, as the customer paid them."""
        lines = tuple(TicketSeat(line.seat_code, line.seat_type, line.ticket_type,
                                 line.price_minor + line.discount_minor, line.tax_minor,
                                 line.refunded)
                      for line in booking.lines)
        if staff_label is None:
            staff_label = str(booking.staff_id) if booking.staff_id is not None else booking.channel
        paid = tuple(booking.tenders)
        tendered, change = booking.tendered_minor, booking.change_minor
        if food is not None:  # the basket's one payment, as the customer made it
            paid = tuple(merged((*booking.tenders, *food.tenders)))
            cash = [t for t in paid if t.kind == "cash"]
            tendered = sum(t.tendered_minor or t.amount_minor for t in cash) if cash else None
            change = sum(t.change_minor or 0 for t in cash) if cash else None
        several = len(paid) > 1 or booking.payment_method in ("upi", "voucher", "points") or (
            food is not None and any(t.kind != "card" for t in paid))
        return cls(
            ticket=TicketData.from_booking(booking, issued_at),
            lines=lines,
            total_minor=booking.total_minor + (food.total_minor if food else 0),
            tax_minor=booking.tax_minor + (food.tax_minor if food else 0),
            refunded_minor=booking.refunded_minor + (food.refunded_minor if food else 0),
            payment_method=booking.payment_method,
            tendered_minor=tendered,
            change_minor=change,
            card_last4=booking.card_last4,
            staff_label=staff_label,
            tax_label=tax_label,
            # two tax rates (tickets and food) share one line: no single rate to print
            tax_rate_bp=tax_rate_bp if food is None else None,
            # a gift card's code masked: the paper must not let its finder spend the card
            tenders=tuple((t.kind, t.amount_minor, _shown_reference(t)) for t in paid)
            if several else (),
            items=tuple((ln.qty, ln.label, ln.total_minor, ln.refunded_qty)
                        for ln in food.lines) if food else (),
            items_reference=food.reference if food else "",
            discounts=tuple((f"{d.label} ({d.code})" if d.code else d.label, d.amount_minor)
                            for d in booking.discounts),
            member=masked_phone(booking.member_phone) if booking.member_phone else "",
            points_earned=booking.points_earned,
        )


def _shown_reference(tender) -> str:
    """What the paper shows of a tender's reference: a gift card's code and a member's phone
    masked (the paper must not let its finder spend the card or learn the number)."""
    if not tender.reference:
        return ""
    if tender.kind == "voucher":
        return masked_code(tender.reference)
    if tender.kind == "points":
        return masked_phone(tender.reference)
    return tender.reference

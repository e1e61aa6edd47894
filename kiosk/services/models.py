"""What services return to the screens and the CLI: plain frozen dataclasses, no Qt, no rows.

These are the contract between ``kiosk.services`` and ``kiosk.ui`` / ``kiosk.cli``. Add fields
freely (with defaults); rename nothing without updating every caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from kiosk.domain.layout import HallLayout
from kiosk.domain.offers import Discount
from kiosk.domain.tenders import Tender, TenderLine


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    SELF_SERVICE = "self-service"  # the unattended touchscreen acts as this principal


class TicketType(StrEnum):
    ADULT = "adult"
    CHILD = "child"
    SENIOR = "senior"
    STUDENT = "student"


class Channel(StrEnum):
    COUNTER = "counter"
    SELF_SERVICE = "self-service"
    ONLINE = "online"


class SeatStatus(StrEnum):
    FREE = "free"
    HELD_BY_ME = "held_by_me"  # in the caller's current hold
    HELD = "held"  # held elsewhere (another kiosk or the web), not yet sold
    SOLD = "sold"
    ALLOCATED_HERE = "allocated_here"  # offline allocation belonging to this kiosk (still free)
    BLOCKED = "blocked"  # not sellable now (e.g. offline and not allocated to this kiosk)


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in staff member or the self-service kiosk itself."""

    staff_id: int | None
    staff_number: str
    name: str
    role: Role
    kiosk_id: str
    shift_id: int | None = None

    @property
    def is_manager(self) -> bool:
        return self.role == Role.MANAGER


@dataclass(frozen=True)
class ShowSummary:
    show_id: str
    film_id: str
    film_title: str
    certificate: str
    language: str
    genres: tuple[str, ...]
    runtime_min: int
    cinema_id: str
    cinema_name: str
    city: str
    hall_id: str
    hall_name: str
    starts_at: datetime  # UTC
    local_start: datetime  # in the cinema's zone
    timezone: str
    seats_total: int
    seats_left: int
    currency: str
    from_price_minor: int  # cheapest adult price, for listings


@dataclass(frozen=True)
class ShowDetail:
    summary: ShowSummary
    layout: HallLayout
    price_list_id: str
    tax_rate_bp: int
    prices: dict[tuple[str, str], int]  # (seat_type, ticket_type) -> amount_minor, tax-inclusive


@dataclass(frozen=True)
class Hold:
    hold_id: str
    show_id: str
    seats: tuple[str, ...]
    expires_at: datetime  # UTC
    kiosk_id: str
    # the seller, for the cloud's check that the staff member is still active ("" for
    # self-service, and for holds read back from the database, which do not store it)
    staff_number: str = ""


@dataclass(frozen=True)
class QuoteLine:
    seat_code: str
    seat_type: str
    ticket_type: str
    price_minor: int  # to pay, after offers
    tax_minor: int
    discount_minor: int = 0  # what offers took off (the list price is price + discount)


@dataclass(frozen=True)
class Quote:
    lines: tuple[QuoteLine, ...]
    currency: str
    total_minor: int
    tax_minor: int
    discounts: tuple[Discount, ...] = ()  # one line per offer (kiosk.domain.offers)
    free_items: tuple[str, ...] = ()  # what an item voucher adds at no charge (its label)


@dataclass(frozen=True)
class Payment:
    """One method for the whole amount (``method``), or a split payment (``tenders``, which
    then win: ``method`` is ignored). See ``kiosk.domain.tenders``."""

    method: str = ""  # "cash" | "card" | "upi" | "voucher"
    tendered_minor: int | None = None  # cash only
    card_last4: str | None = None  # card only; never a full number
    reference: str | None = None  # UPI reference or gift card code
    tenders: tuple[Tender, ...] = ()


@dataclass(frozen=True)
class BookingLine:
    seat_code: str
    seat_type: str
    ticket_type: str
    price_minor: int  # paid, after offers
    tax_minor: int
    refunded: bool = False
    discount_minor: int = 0


@dataclass(frozen=True)
class Booking:
    booking_id: str
    reference: str
    show: ShowSummary
    channel: str
    kiosk_id: str
    staff_id: int | None
    lines: tuple[BookingLine, ...]
    currency: str
    total_minor: int
    tax_minor: int
    refunded_minor: int
    payment_method: str
    card_last4: str | None
    tendered_minor: int | None
    change_minor: int | None
    customer_contact: str
    state: str
    sync_state: str
    created_at: datetime
    paid_minor: int | None = None  # money taken at this sale (less than total after an exchange)
    exchanged_from: str | None = None  # booking id this one replaced
    # How it was paid, in order (carried_from set on tenders an exchange carried over);
    # payment_method is then the single kind or "split".
    tenders: tuple[TenderLine, ...] = ()
    discounts: tuple[Discount, ...] = ()  # offers that took something off, one line each
    member_phone: str = ""  # the loyalty member named on the sale (E.164)
    points_earned: int = 0  # what the sale earned the member
    ticket_code: str = ""  # the signed code its tickets' QR carries (kiosk.domain.ticket_codes)


@dataclass(frozen=True)
class RefundResult:
    refund_id: int
    booking_reference: str
    seats: tuple[str, ...]
    amount_minor: int
    currency: str
    method: str
    state: str  # completed | pending_approval
    to_pay_out: bool = False  # completed, cash to give back, but no open drawer paid it yet
    # (tender kind, amount) the money went back to, in that order; empty while it waits
    parts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class RefundPreview:
    """What a refund would give back and where, before anything is written (issue 14)."""
    amount_minor: int
    currency: str
    parts: tuple[tuple[str, int], ...]  # (tender kind, amount) in the order money goes back
    needs_manager: bool  # past this cashier's limits: it would wait for (or need) a manager


@dataclass(frozen=True)
class Shift:
    shift_id: int
    staff_id: int
    kiosk_id: str
    currency: str
    opened_at: datetime
    float_minor: int
    closed_at: datetime | None = None
    expected_minor: int | None = None
    counted_minor: int | None = None
    variance_minor: int | None = None


@dataclass(frozen=True)
class ShowQuery:
    city: str | None = None
    cinema_id: str | None = None
    language: str | None = None
    genre: str | None = None
    day: date | None = None  # local date at the cinema
    text: str | None = None
    film_id: str | None = None
    limit: int = 500
    extra: dict[str, str] = field(default_factory=dict)

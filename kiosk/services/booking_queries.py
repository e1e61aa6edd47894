"""What the parts of booking share: database, clock, gate, and the reads of shows, holds, bookings.

``BookingContext`` is handed to the hold, sale, refund and exchange desks; the service facade
(``kiosk.services.booking.BookingService``) owns it. Everything here reads; the writes live with
the desk whose job they are.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from kiosk.config import Config
from kiosk.domain.clock import from_iso
from kiosk.domain.errors import (
    HoldExpired,
    InvalidInput,
    NotFound,
    PermissionDenied,
    ShowNotOnSale,
)
from kiosk.domain.ids import normalise_reference
from kiosk.domain.offers import Discount
from kiosk.domain.tenders import summary_method
from kiosk.services.booking_catalogue import ShowInfo, show_cache
from kiosk.services.booking_counts import SoldCounts, sold_counts
from kiosk.services.deps import ServiceDeps
from kiosk.services.gate import SeatGate
from kiosk.services.models import Actor, Booking, BookingLine, Hold, ShowSummary
from kiosk.services.tenders import tender_lines

# A hold's rows, each flagged when the last pull from the cloud says the seat was sold elsewhere.
# That flag is the whole confirm-time re-check: a live hold excludes other holds (primary key) and
# a local sale of the same seat fails the seat_sales primary key, so only a remote sale needs a look.
_HOLD_ROWS_SQL = (
    "SELECT h.show_id, h.seat_code, h.kiosk_id, h.expires_at, EXISTS (SELECT 1 FROM remote_seats r "
    "WHERE r.show_id = h.show_id AND r.seat_code = h.seat_code AND r.state = 'sold') "
    "FROM holds h WHERE h.hold_id = ? ORDER BY h.seat_code"
)


@dataclass(frozen=True)
class HoldRows(Hold):
    """A hold as stored (seats by code, the earliest expiry), plus what the cloud sold.

    Codes sort as text (A10 before A2): whatever shows seats to a person puts them in layout
    order first (``in_layout_order``, ``BookingContext.to_hold`` with the show).
    """

    sold_remotely: tuple[str, ...] = ()  # held seats the cloud says were sold elsewhere


def codes_json(codes: list[str] | tuple[str, ...]) -> str:
    """Seat codes as one JSON parameter, expanded in SQL by ``json_each``."""
    return json.dumps(list(codes))


def in_layout_order(info: ShowInfo, codes: set[str] | list[str] | tuple[str, ...]) -> list[str]:
    """Seats as a person reads them: row by row, left to right (unknown codes last)."""
    seats = info.layout.seats
    return sorted(codes, key=lambda c: (seats[c].row_index, seats[c].column)
                  if c in seats else (10**9, 0))


def is_void(reason: str) -> bool:
    """A refund whose reason is ``void`` (or ``void: ...``) cancels the booking."""
    return reason == "void" or reason.startswith("void:")


class Wiring(Protocol):
    """Whoever owns the dependencies (the service facade: callers may swap its ``gate``)."""

    deps: ServiceDeps
    gate: SeatGate


class BookingContext:
    """The database, clock, config and seat gate, with the reads every booking desk needs."""

    def __init__(self, owner: Wiring):
        self._owner = owner
        # Install the caches' triggers now, normally outside any transaction (see booking_watch).
        show_cache(self.deps.db)
        sold_counts(self.deps.db)

    @property
    def deps(self) -> ServiceDeps:
        return self._owner.deps

    @property
    def gate(self) -> SeatGate:
        return self._owner.gate

    @property
    def conn(self) -> sqlite3.Connection:
        return self.deps.db.conn

    @property
    def config(self) -> Config:
        return self.deps.config

    @property
    def sold_counts(self) -> SoldCounts:
        return sold_counts(self.deps.db)

    def now(self) -> datetime:
        return self.deps.clock.now()

    def hold_expiry(self, now: datetime) -> datetime:
        return (now + timedelta(minutes=self.deps.config.hold_minutes)).replace(microsecond=0)

    # ------------------------------------------------------------------ shows
    def show(self, show_id: str, conn: sqlite3.Connection | None = None) -> ShowInfo:
        """The show, cached per connection; pass ``conn`` inside our own transaction."""
        return show_cache(self.deps.db).show(conn or self.conn, show_id,
                                             own_transaction=conn is not None)

    def show_on_sale(self, show_id: str, now: datetime) -> ShowInfo:
        info = self.show(show_id)
        self.check_on_sale(info, now)
        return info

    @staticmethod
    def check_on_sale(info: ShowInfo, now: datetime) -> None:
        """Refuse a hold or a confirm of a cancelled show, or once the cinema's late-sale window
        after the start has passed (0 minutes: at the start). No query: ``info`` has it all."""
        if info.status == "cancelled":
            raise ShowNotOnSale(f"The {info.film_title} show has been cancelled and is not on sale.")
        if now < info.sales_end:
            return
        at = info.local_start.strftime("%H:%M")
        if info.late_sale_minutes:
            raise ShowNotOnSale(
                f"The {info.film_title} show started at {at}; tickets are sold only until "
                f"{info.late_sale_minutes} minutes after the start. Nothing was sold or charged.")
        raise ShowNotOnSale(f"The {info.film_title} show at {at} has already started; tickets "
                            f"are no longer on sale. Nothing was sold or charged.")

    def show_summary(self, info: ShowInfo) -> ShowSummary:
        """The listing view of one show: seats left counts local and remotely pulled sales."""
        sold = self.sold_counts.sold(self.conn, info.show_id)
        return ShowSummary(
            show_id=info.show_id, film_id=info.film_id, film_title=info.film_title,
            certificate=info.certificate, language=info.language, genres=info.genres,
            runtime_min=info.runtime_min, cinema_id=info.cinema_id, cinema_name=info.cinema_name,
            city=info.city, hall_id=info.hall_id, hall_name=info.hall_name,
            starts_at=info.starts_at, local_start=info.local_start, timezone=info.timezone,
            seats_total=info.seat_count, seats_left=max(0, info.seat_count - int(sold)),
            currency=info.currency, from_price_minor=info.cheapest_adult_minor,
        )

    # ------------------------------------------------------------------ holds
    @staticmethod
    def hold_rows(conn: sqlite3.Connection, hold_id: str) -> HoldRows | None:
        rows = conn.execute(_HOLD_ROWS_SQL, (str(hold_id),)).fetchall()
        if not rows:
            return None
        # Stored by to_iso (UTC, whole seconds, one format), so the text minimum is the earliest.
        return HoldRows(
            hold_id=str(hold_id), show_id=rows[0][0], seats=tuple(r[1] for r in rows),
            expires_at=from_iso(min(r[3] for r in rows)), kiosk_id=rows[0][2],
            sold_remotely=tuple(r[1] for r in rows if r[4]),
        )

    def live_hold(self, conn: sqlite3.Connection, hold_id: str, now: datetime,
                  actor: Actor | None = None) -> HoldRows:
        rows = self.hold_rows(conn, hold_id)
        if rows is None or rows.expires_at <= now:
            raise HoldExpired()
        if actor is not None and rows.kiosk_id != actor.kiosk_id:
            raise PermissionDenied("That seat hold belongs to another kiosk.")
        return rows

    @staticmethod
    def to_hold(rows: HoldRows, info: ShowInfo | None = None) -> Hold:
        seats = rows.seats if info is None else tuple(in_layout_order(info, rows.seats))
        return Hold(hold_id=rows.hold_id, show_id=rows.show_id, seats=seats,
                    expires_at=rows.expires_at, kiosk_id=rows.kiosk_id)

    # ------------------------------------------------------------------ bookings
    def booking_row(self, conn: sqlite3.Connection, reference: str) -> sqlite3.Row:
        """The booking a typed reference or a scanned (signed, verified) ticket code names."""
        text = str(reference or "").strip()
        if not text:
            raise InvalidInput("Enter the booking reference from the ticket.")
        text = self.deps.reference_of(text)
        row: sqlite3.Row | None = conn.execute(
            "SELECT * FROM bookings WHERE reference = ?", (normalise_reference(text),)).fetchone()
        if row is None:
            raise NotFound(f"No booking with reference {text}. Check the letters and numbers "
                           f"on the ticket.")
        return row

    def booking_by_id(self, booking_id: str) -> sqlite3.Row:
        row: sqlite3.Row | None = self.conn.execute(
            "SELECT * FROM bookings WHERE id = ?", (booking_id,)).fetchone()
        if row is None:
            raise NotFound("No such booking.")
        return row

    def booking_from_row(self, row: sqlite3.Row) -> Booking:
        lines = self.conn.execute(
            "SELECT seat_code, seat_type, ticket_type, price_minor, tax_minor, refunded, "
            "discount_minor FROM booking_seats WHERE booking_id = ? ORDER BY rowid",
            (row["id"],),
        ).fetchall()
        info = self.show(row["show_id"])
        paid = row["paid_minor"]
        tenders = tuple(tender_lines(self.conn, row["id"]))
        return Booking(
            booking_id=row["id"], reference=row["reference"], show=self.show_summary(info),
            channel=row["channel"], kiosk_id=row["kiosk_id"], staff_id=row["staff_id"],
            lines=tuple(BookingLine(r["seat_code"], r["seat_type"], r["ticket_type"],
                                    r["price_minor"], r["tax_minor"], bool(r["refunded"]),
                                    r["discount_minor"])
                        for r in lines),
            currency=row["currency"], total_minor=row["total_minor"], tax_minor=row["tax_minor"],
            refunded_minor=row["refunded_minor"],
            payment_method=(summary_method(t.kind for t in tenders) if tenders
                            else row["payment_method"]),
            card_last4=row["card_last4"], tendered_minor=row["cash_tendered_minor"],
            change_minor=row["change_minor"], customer_contact=row["customer_contact"],
            state=row["state"], sync_state=row["sync_state"],
            created_at=from_iso(row["created_at"]),
            paid_minor=row["total_minor"] if paid is None else paid,
            exchanged_from=row["exchanged_from"], tenders=tenders,
            discounts=tuple(Discount(*d) for d in self.conn.execute(
                "SELECT offer_id, label, code, amount_minor FROM booking_discounts "
                "WHERE booking_id = ? ORDER BY rowid", (row["id"],))),
            member_phone=row["member_phone"] or "",
            points_earned=int(self.conn.execute(
                "SELECT COALESCE(SUM(points), 0) FROM member_moves WHERE booking_id = ? "
                "AND reason = 'earn'", (row["id"],)).fetchone()[0]) if row["member_phone"] else 0,
            ticket_code=self.deps.ticket_code(row["reference"], info.cinema_id),
        )

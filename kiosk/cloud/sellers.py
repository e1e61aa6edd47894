"""Who a queued sale was made for, as its claim's ConditionChecks need it (kiosk.cloud.claims).

The booking record carries ``cinema_id`` and ``staff_number`` (the ledger fields); rows queued by
an older version lack them, so both are looked up in the local database as a fall-back: the
show's hall's cinema, and the booking's staff member's number.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from kiosk.cloud.claims import Seller
from kiosk.domain.errors import KioskError, ShowCancelled

SHOW_CANCELLED = "show_cancelled"
STAFF_INACTIVE = "staff_inactive"


def cinema_of(conn: sqlite3.Connection, show_id: str) -> str:
    """The cinema of a show in the local database ("" when the show is unknown here)."""
    row = conn.execute("SELECT h.cinema_id FROM shows s JOIN halls h ON h.id = s.hall_id "
                       "WHERE s.id = ?", (show_id,)).fetchone()
    return str(row[0]) if row else ""


def staff_number_of(conn: sqlite3.Connection, booking_id: str) -> str:
    """The staff number a local booking was sold under ("" for self-service / unknown)."""
    row = conn.execute("SELECT st.staff_number FROM bookings b JOIN staff st "
                       "ON st.id = b.staff_id WHERE b.id = ?", (booking_id,)).fetchone()
    return str(row[0]) if row else ""


def queued_seller(conn: sqlite3.Connection, booking_id: str, payload: dict[str, Any],
                  fallback_cinema: str = "") -> Seller:
    """The seller of a queued confirm: payload first, then the local database."""
    cinema = str(payload.get("cinema_id") or cinema_of(conn, str(payload.get("show_id") or ""))
                 or fallback_cinema)
    staff = str(payload.get("staff_number") or staff_number_of(conn, booking_id))
    return Seller(cinema, staff)


def refusal_reason(err: KioskError) -> str:
    """The conflict reason a claim-check refusal is recorded under."""
    return SHOW_CANCELLED if isinstance(err, ShowCancelled) else STAFF_INACTIVE

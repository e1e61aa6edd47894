"""Which business date money moved now falls on, for the services that move it.

One rule (``kiosk.domain.business_day``): the cinema's local date, rolled past the latest day a
manager closed (the Z report, ``kiosk.services.day_close``), so nothing lands on a closed day.
The sale path reads the latest closed date from the show cache (``ShowInfo.closed_through``, no
query per confirm); refunds, approvals and exchanges' refunds use the functions here.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from kiosk.domain.business_day import business_date, roll_forward
from kiosk.domain.clock import from_iso

_CLOSED_SQL = "SELECT MAX(business_date) FROM business_days WHERE cinema_id = ?"
# The booking's cinema, its zone and its latest closed day, in one indexed read.
_BOOKING_SQL = (
    "SELECT c.timezone, (SELECT MAX(bd.business_date) FROM business_days bd "
    "WHERE bd.cinema_id = c.id) FROM bookings b JOIN shows s ON s.id = b.show_id "
    "JOIN halls h ON h.id = s.hall_id JOIN cinemas c ON c.id = h.cinema_id WHERE b.id = ?"
)


def closed_through(conn: sqlite3.Connection, cinema_id: str) -> str | None:
    """The latest closed business date of ``cinema_id`` (None when no day was closed)."""
    row = conn.execute(_CLOSED_SQL, (cinema_id,)).fetchone()
    return row[0] if row else None


def business_date_for(conn: sqlite3.Connection, cinema_id: str, timezone: str,
                      now: datetime) -> str:
    """The business date of money moved at ``now`` at ``cinema_id`` (never a closed day)."""
    return business_date(now, timezone, closed_through(conn, cinema_id))


def refund_business_date(conn: sqlite3.Connection, booking_id: str, timezone: str,
                         now: datetime) -> str:
    """The business date of a refund of ``booking_id`` made at ``now`` (never a closed day)."""
    row = conn.execute(_BOOKING_SQL, (booking_id,)).fetchone()
    return business_date(now, timezone, row[1] if row else None)


def move_refund_off_closed_day(conn: sqlite3.Connection, refund_id: int, now: datetime) -> None:
    """A refund requested on a day since closed and approved (paid) now: its money moves now,
    so it falls on the open business day, not on the closed one. Caller's transaction."""
    row = conn.execute(
        "SELECT r.business_date, c.timezone, (SELECT MAX(bd.business_date) FROM business_days bd "
        "WHERE bd.cinema_id = c.id) FROM refunds r JOIN bookings b ON b.id = r.booking_id "
        "JOIN shows s ON s.id = b.show_id JOIN halls h ON h.id = s.hall_id "
        "JOIN cinemas c ON c.id = h.cinema_id WHERE r.id = ?", (refund_id,)).fetchone()
    if row is None or roll_forward(row[0], row[2]) == row[0]:
        return
    conn.execute("UPDATE refunds SET business_date = ? WHERE id = ?",
                 (business_date(now, row[1], row[2]), refund_id))


def shift_business_date(conn: sqlite3.Connection, cinema_id: str, timezone: str,
                        opened_at: str) -> str:
    """The business day a shift belongs to: the local date it opened, rolled past the days
    already closed WHEN it opened (``closed_at``), so sending it again later never moves it."""
    row = conn.execute("SELECT MAX(business_date) FROM business_days WHERE cinema_id = ? "
                       "AND closed_at <= ?", (cinema_id, opened_at)).fetchone()
    return business_date(from_iso(opened_at), timezone, row[0] if row else None)

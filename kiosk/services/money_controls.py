"""Money limits of a cinema: refund limits, cash-up variance threshold, late-sale window.

A limit that is money means nothing without its currency (₹1,000 is not AED 1,000), so the
limits live with the cinema (migration 0012): each cinema may set its own, and otherwise gets
its currency's default from ``currency_controls``. A currency nobody configured gets 0, which
sends every cashier refund to a manager and flags every variance: safe, never generous.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk.domain.errors import InvalidInput, NotFound

_COLUMNS = (
    "c.id, c.currency, "
    "COALESCE(c.cashier_refund_limit_minor, cc.cashier_refund_limit_minor, 0), "
    "CASE WHEN c.shift_refund_limit_minor IS NOT NULL THEN c.shift_refund_limit_minor "
    "     ELSE cc.shift_refund_limit_minor END, "
    "COALESCE(c.cash_variance_threshold_minor, cc.cash_variance_threshold_minor, 0), "
    "c.late_sale_minutes "
    "FROM cinemas c LEFT JOIN currency_controls cc ON cc.currency = c.currency"
)
MAX_LATE_SALE_MINUTES = 240


@dataclass(frozen=True)
class MoneyControls:
    """One cinema's limits, in its own currency (minor units)."""

    cinema_id: str
    currency: str
    cashier_refund_limit_minor: int
    shift_refund_limit_minor: int | None  # None: no per-shift limit
    cash_variance_threshold_minor: int
    late_sale_minutes: int


def _controls(row: sqlite3.Row | tuple | None) -> MoneyControls | None:
    if row is None:
        return None
    return MoneyControls(cinema_id=row[0], currency=row[1], cashier_refund_limit_minor=int(row[2]),
                         shift_refund_limit_minor=None if row[3] is None else int(row[3]),
                         cash_variance_threshold_minor=int(row[4]),
                         late_sale_minutes=int(row[5]))


def for_cinema(conn: sqlite3.Connection, cinema_id: str) -> MoneyControls:
    found = _controls(conn.execute(f"SELECT {_COLUMNS} WHERE c.id = ?", (str(cinema_id),)).fetchone())
    if found is None:
        raise NotFound(f"There is no cinema {cinema_id!r}.")
    return found


def for_booking(conn: sqlite3.Connection, booking_id: str) -> MoneyControls:
    """The limits of the cinema that sold the booking."""
    row = conn.execute(
        f"SELECT {_COLUMNS} JOIN halls h ON h.cinema_id = c.id JOIN shows s ON s.hall_id = h.id "
        "JOIN bookings b ON b.show_id = s.id WHERE b.id = ?", (str(booking_id),)).fetchone()
    found = _controls(row)
    if found is None:
        raise NotFound("That booking's cinema is not known on this kiosk.")
    return found


def for_device(conn: sqlite3.Connection, cinema_id: str = "",
               currency: str | None = None) -> MoneyControls | None:
    """This device's cinema: ``cinema_id`` (config), the ``cinema_id`` setting, else the only
    cinema (of ``currency`` when given); None when that is ambiguous or there is none."""
    for candidate in (cinema_id, _setting(conn)):
        if candidate:
            found = _controls(conn.execute(f"SELECT {_COLUMNS} WHERE c.id = ?",
                                           (candidate,)).fetchone())
            if found is not None:
                return found
    rows = conn.execute(f"SELECT {_COLUMNS} WHERE ?1 IS NULL OR c.currency = ?1 LIMIT 2",
                        (currency,)).fetchall()
    return _controls(rows[0]) if len(rows) == 1 else None


def variance_threshold(conn: sqlite3.Connection, currency: str, cinema_id: str = "") -> int:
    """The cash-up variance threshold for a shift in ``currency`` on this device."""
    found = for_device(conn, cinema_id, currency)
    if found is not None and found.currency == currency:
        return found.cash_variance_threshold_minor
    row = conn.execute("SELECT cash_variance_threshold_minor FROM currency_controls "
                       "WHERE currency = ?", (currency,)).fetchone()
    return int(row[0]) if row is not None else 0


def _setting(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'cinema_id'").fetchone()
    except sqlite3.OperationalError:  # pragma: no cover - very old schema
        return ""
    return str(row[0]) if row is not None and row[0] else ""


def check_amount(value: object, what: str, *, optional: bool = False) -> int | None:
    """A limit is a whole, non-negative number of minor units (None allowed when optional)."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput(f"The {what} must be a whole, non-negative amount in paise/cents.")
    return value


def check_late_sale_minutes(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_LATE_SALE_MINUTES:
        raise InvalidInput(f"The late-sale window is a whole number of minutes from 0 to "
                           f"{MAX_LATE_SALE_MINUTES}.")
    return value

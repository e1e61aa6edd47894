"""Money limits of a cinema: refund limits, cash-up variance threshold, late-sale window.

A limit that is money means nothing without its currency (₹1,000 is not AED 1,000), so the
limits live with the cinema (migration 0012): each cinema may set its own, and otherwise gets
its currency's default from ``currency_controls``. A currency nobody configured gets 0, which
sends every cashier refund to a manager and flags every variance: safe, never generous.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from kiosk.domain.errors import InvalidInput, NotFound
from kiosk.services import audit
from kiosk.services.auth import require_role
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Role
from kiosk.store.db import transaction

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


def _controls(row: sqlite3.Row | tuple[Any, ...] | None) -> MoneyControls | None:
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


_SETTABLE = ("cashier_refund_limit_minor", "shift_refund_limit_minor",
             "cash_variance_threshold_minor", "late_sale_minutes")


def set_controls(deps: ServiceDeps, actor: Actor, cinema_id: str,
                 changes: dict[str, int | None]) -> MoneyControls:
    """A manager changes a cinema's limits (audited, old and new values). For the three money
    limits None means "the currency's default"; the late-sale window is minutes (0..240)."""
    require_role(deps, actor, Role.MANAGER, "cinema.limits", str(cinema_id))
    unknown = sorted(set(changes) - set(_SETTABLE))
    if unknown or not changes:
        raise InvalidInput(f"Choose what to change: {', '.join(_SETTABLE)}.")
    clean: dict[str, int | None] = {}
    for key, value in changes.items():
        clean[key] = (check_late_sale_minutes(value) if key == "late_sale_minutes"
                      else check_amount(value, key.replace("_minor", "").replace("_", " "),
                                        optional=True))
    with transaction(deps.conn) as conn:
        before = for_cinema(conn, cinema_id)
        sets = ", ".join(f"{key} = ?" for key in clean)  # keys from _SETTABLE only
        conn.execute(f"UPDATE cinemas SET {sets} WHERE id = ?",  # noqa: S608
                     (*clean.values(), str(cinema_id)))
        after = for_cinema(conn, cinema_id)
        audit.record(conn, at=deps.clock.now(), kiosk_id=actor.kiosk_id, action="cinema.limits",
                     staff_id=actor.staff_id, target=str(cinema_id),
                     detail={"currency": after.currency, "set": clean,
                             "before": _as_dict(before), "after": _as_dict(after)})
    return after


def _as_dict(controls: MoneyControls) -> dict[str, int | None]:
    return {key: getattr(controls, key) for key in _SETTABLE}  # dataclass fields by name

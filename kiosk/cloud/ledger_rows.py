"""Ledger records read from this device's own database (``kiosk.cloud.ledger`` names the fields).

The outbox worker sends a confirm's payload as its booking item; a payload written before the
ledger fields existed (or by the anti-entropy resend, which rebuilds from the row) lacks them, so
they are read back from the local booking here: the booking item is always the full record.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from kiosk.cloud import ledger

_BOOKING_SQL = """
SELECT b.id, b.reference, b.idempotency_key, b.show_id, b.channel, b.kiosk_id, b.currency,
       b.total_minor, b.tax_minor, b.discount_minor, b.refunded_minor, b.paid_minor,
       COALESCE(b.payment_kind, b.payment_method) AS payment_method, b.state, b.created_at, b.business_date, b.exchanged_from,
       st.staff_number, h.cinema_id
  FROM bookings b LEFT JOIN staff st ON st.id = b.staff_id
       LEFT JOIN shows s ON s.id = b.show_id LEFT JOIN halls h ON h.id = s.hall_id
 WHERE b.id = ?
"""
_TENDERS_SQL = ("SELECT kind, amount_minor, carried_from IS NOT NULL FROM booking_tenders "
                "WHERE booking_id = ? ORDER BY seq")
_LINES_SQL = ("SELECT seat_code, seat_type, ticket_type, price_minor, tax_minor "
              "FROM booking_seats WHERE booking_id = ? ORDER BY rowid")


def booking_from_db(conn: sqlite3.Connection, booking_id: str) -> dict[str, Any] | None:
    """The ledger record of a local booking as it stands now (None: no such booking)."""
    row = conn.execute(_BOOKING_SQL, (booking_id,)).fetchone()
    if row is None:
        return None
    lines = [ledger.line(*r) for r in conn.execute(_LINES_SQL, (booking_id,))]
    return ledger.booking_record(
        booking_id=row["id"], reference=row["reference"], show_id=row["show_id"],
        cinema_id=row["cinema_id"] or "", business_date=row["business_date"],
        channel=row["channel"], kiosk_id=row["kiosk_id"], staff_number=row["staff_number"],
        currency=row["currency"], total_minor=row["total_minor"], tax_minor=row["tax_minor"],
        discount_minor=row["discount_minor"], paid_minor=row["paid_minor"],
        refunded_minor=row["refunded_minor"], payment_method=row["payment_method"],
        state="confirmed" if row["state"] == "conflict" else row["state"],
        created_at=row["created_at"], lines=lines, hold_id=row["idempotency_key"],
        exchanged_from=row["exchanged_from"],
        tenders=[ledger.tender(*r) for r in conn.execute(_TENDERS_SQL, (booking_id,))])


def confirm_record(conn: sqlite3.Connection, booking_id: str,
                   payload: dict[str, Any]) -> dict[str, Any]:
    """The booking item for a confirm row: its payload when it carries the ledger fields, else
    the local booking's record (and, with no local booking, whatever the payload has)."""
    if payload.get("day_pk"):
        return {k: v for k, v in payload.items() if k != "seats"}
    record = booking_from_db(conn, booking_id)
    if record is not None:
        return record
    return {k: payload.get(k) for k in ("reference", "show_id", "hold_id", "kiosk_id", "channel",
                                         "total_minor", "currency", "created_at")}

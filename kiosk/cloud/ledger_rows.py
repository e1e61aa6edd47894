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
       COALESCE(b.paid_with, b.payment_kind, b.payment_method) AS payment_method, b.state, b.created_at, b.business_date, b.exchanged_from,
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
        tenders=[ledger.tender(*r) for r in conn.execute(_TENDERS_SQL, (booking_id,))],
        discounts=[ledger.discount(*r) for r in conn.execute(
            "SELECT offer_id, label, code, amount_minor FROM booking_discounts "
            "WHERE booking_id = ? ORDER BY rowid", (booking_id,))])


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


_ITEM_SALE_SQL = """
SELECT i.*, st.staff_number FROM item_sales i LEFT JOIN staff st ON st.id = i.staff_id
 WHERE i.id = ?
"""


def item_sale_items(conn: sqlite3.Connection, sale_id: str, rev: int) -> list[dict[str, Any]]:
    """A food and drink sale and each of its refunds as ledger items, read as they stand now
    (the outbox row that asked for them is ``rev``); [] when the sale is not here."""
    sale = conn.execute(_ITEM_SALE_SQL, (sale_id,)).fetchone()
    if sale is None:
        return []
    lines = [dict(r) for r in conn.execute(
        "SELECT line_no, item_id, combo_id, category_id, label, qty, unit_price_minor, "
        "total_minor, tax_minor, refunded_qty FROM item_sale_lines WHERE sale_id = ? "
        "ORDER BY line_no", (sale_id,))]
    tenders = [{"kind": r[0], "amount_minor": r[1]} for r in conn.execute(
        "SELECT kind, amount_minor FROM item_sale_tenders WHERE sale_id = ? ORDER BY seq",
        (sale_id,))]
    items = [ledger.item_sale_record(
        sale_id=sale["id"], reference=sale["reference"], cinema_id=sale["cinema_id"],
        business_date=sale["business_date"], channel=sale["channel"], kiosk_id=sale["kiosk_id"],
        staff_number=sale["staff_number"], booking_id=sale["booking_id"],
        currency=sale["currency"], total_minor=sale["total_minor"], tax_minor=sale["tax_minor"],
        refunded_minor=sale["refunded_minor"], payment_method=sale["payment_method"],
        created_at=sale["created_at"], lines=lines, tenders=tenders, rev=rev)]
    for refund in conn.execute("SELECT * FROM item_refunds WHERE sale_id = ? ORDER BY id",
                               (sale_id,)).fetchall():
        items.append(ledger.item_refund_record(
            sale_id=sale_id, kiosk_id=refund["kiosk_id"], local_id=refund["id"],
            cinema_id=sale["cinema_id"], business_date=refund["business_date"],
            amount_minor=refund["amount_minor"], tax_minor=refund["tax_minor"],
            currency=refund["currency"], created_at=refund["created_at"],
            tenders=[{"kind": r[0], "amount_minor": r[1]} for r in conn.execute(
                "SELECT kind, amount_minor FROM item_refund_tenders WHERE refund_id = ? "
                "ORDER BY seq", (refund["id"],))], rev=rev))
    return items

"""The manager console pulls its cinema's business days from the cloud (issue 10 point 3).

Entry point (also for tests and the join helper's whole-day check)::

    DayPuller(context, db_path, clock).pull(cinema_id, business_date)  # -> DayPull

One paginated Query on the ``by_day`` GSI (``kiosk.cloud.day_index``; never a scan) reads every
booking, refund and shift (with its cash-up) of the day written by any device or the web, and
a Query on ``DEVICE#<cinema>`` reads the heartbeats, and one on ``DECISION#<cinema>`` the
managers' decisions on devices' refund requests and cash-ups with each device's answer. Everything lands in separate ``ledger_*``
tables (migration 0010), upserted by the cloud's own keys in one transaction, so a pull is
idempotent: pulling twice gives the same rows, and a refund that reached the cloud later
updates its booking's row (state, refunded amount) at the next pull.

Why separate tables and not remote rows in ``bookings``: the sale path, the outbox worker, the
anti-entropy check, refunds, exchanges and the seat map all read ``bookings`` as "what this
device sold"; a remote row there would be resent, refunded into this drawer or counted as a
local seat sale. The reports read the ``day_*`` views instead: this device's own rows (the
freshest, including sales not yet sent) plus the pulled rows of every other device and the web,
a pulled copy of one of our own rows skipped. Staff are matched across databases by
``staff_number``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kiosk.cloud import day_index, ledger
from kiosk.cloud.boto_types import DynamoDBClient
from kiosk.cloud.claims import av, plain
from kiosk.cloud.context import CloudContext
from kiosk.cloud.decisions import DecisionSender, remember_sent
from kiosk.cloud.errors import translate
from kiosk.cloud.paging import query_items
from kiosk.domain.clock import Clock, to_iso
from kiosk.store.db import open_db, transaction


@dataclass
class DayPull:
    cinema_id: str
    business_date: str
    bookings: int = 0
    refunds: int = 0
    shifts: int = 0
    item_sales: int = 0  # food and drink sales
    devices: int = 0
    skipped: int = 0  # items of a kind this version does not know (a newer writer)
    decisions: int = 0  # managers' decisions on devices' requests (kiosk.cloud.decisions)
    admissions: int = 0  # bookings admitted at the doors (kiosk.cloud.admissions)
    pulled_at: str = ""

    def summary(self) -> str:
        return (f"{self.business_date} at {self.cinema_id}: {self.bookings} bookings, "
                f"{self.item_sales} food and drink sales, {self.refunds} refunds, "
                f"{self.shifts} shifts from {self.devices} devices")


class DayPuller:
    """Pulls whole business days into this database's ledger tables."""

    def __init__(self, context: CloudContext, db_path: Path | str | None = None,
                 clock: Clock | None = None, page_size: int | None = None):
        self.context = context
        self.conn: sqlite3.Connection = open_db(db_path or context.config.db_path).conn
        self.clock = clock or Clock()
        self.page_size = page_size

    def close(self) -> None:
        self.conn.close()

    def pull(self, cinema_id: str, business_date: date | str) -> DayPull:
        """Read the day from the cloud (network first), then write it here in one transaction."""
        day = business_date.isoformat() if isinstance(business_date, date) else str(business_date)
        date.fromisoformat(day)  # a malformed date fails before any network call
        client, table = self.context.dynamodb(), self.context.clients().table
        items = self.context.call(lambda: [plain(i) for i in day_index.query_day(
            client, table, ledger.day_pk(cinema_id, day), self.page_size)])
        devices = self.context.call(lambda: self._devices(client, table, cinema_id))
        decisions = DecisionSender(self.context, cinema_id, self.clock).outcomes()
        result = DayPull(cinema_id, day, pulled_at=to_iso(self.clock.now()))
        with transaction(self.conn):
            for item in items:
                sk = str(item.get("day_sk", ""))
                if sk.startswith("BOOKING#"):
                    self._booking(item, result.pulled_at)
                    result.bookings += 1
                elif sk.startswith("REFUND#"):
                    self._refund(item)
                    result.refunds += 1
                elif sk.startswith("SHIFT#"):
                    self._shift(item)
                    result.shifts += 1
                elif sk.startswith("ITEMSALE#"):
                    self._item_sale(item, result.pulled_at)
                    result.item_sales += 1
                elif sk.startswith("ITEMREFUND#"):
                    self._item_refund(item)
                    result.refunds += 1
                elif sk.startswith("ADMIT#"):
                    self._admission(item, result.pulled_at)
                    result.admissions += 1
                else:
                    result.skipped += 1
            for device in devices:
                self._device(device)
            result.devices = len(devices)
            for decision in decisions:  # what managers sent other devices, and their answers
                remember_sent(self.conn, decision)
            result.decisions = len(decisions)
            self.conn.execute(
                "INSERT INTO ledger_days (cinema_id, business_date, pulled_at, items) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (cinema_id, business_date) DO UPDATE SET "
                "pulled_at = excluded.pulled_at, items = excluded.items",
                (cinema_id, day, result.pulled_at, len(items)))
        return result

    def _devices(self, client: DynamoDBClient, table: str, cinema_id: str) -> list[dict[str, Any]]:
        kwargs: dict[str, Any] = {"TableName": table, "KeyConditionExpression": "pk = :pk",
                                  "ExpressionAttributeValues": {":pk": av(ledger.device_pk(cinema_id))}}
        try:
            return [plain(i) for i in query_items(client, **kwargs)]
        except Exception as exc:  # noqa: BLE001
            raise translate(exc) from exc

    # -- upserts (same key, same row: a second pull changes nothing) -------------------------
    def _admission(self, a: dict[str, Any], pulled_at: str) -> None:
        self.conn.execute(
            "INSERT INTO ledger_admissions (booking_id, reference, show_id, cinema_id, "
            "business_date, seats, door, kiosk_id, admitted_at, pulled_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (booking_id) DO UPDATE SET "
            "pulled_at = excluded.pulled_at",
            (str(a["booking_id"]), str(a.get("reference", "")), str(a.get("show_id", "")),
             str(a.get("cinema_id", "")), str(a.get("business_date", "")),
             int(a.get("admits", 0)), str(a.get("door", "")), str(a.get("kiosk_id", "")),
             str(a.get("admitted_at", "")), pulled_at))

    def _booking(self, b: dict[str, Any], pulled_at: str) -> None:
        total = int(b.get("total_minor", 0))
        state = str(b.get("state") or "confirmed")
        self.conn.execute(
            "INSERT INTO ledger_bookings (id, reference, show_id, cinema_id, business_date, "
            "channel, kiosk_id, staff_number, currency, total_minor, tax_minor, discount_minor, "
            "paid_minor, refunded_minor, payment_method, state, created_at, exchanged_from, "
            "pulled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET reference = excluded.reference, "
            "state = excluded.state, refunded_minor = excluded.refunded_minor, "
            "paid_minor = excluded.paid_minor, total_minor = excluded.total_minor, "
            "tax_minor = excluded.tax_minor, staff_number = excluded.staff_number, "
            "pulled_at = ledger_bookings.pulled_at",
            (b["booking_id"], b.get("reference", ""), b["show_id"], b["cinema_id"],
             b["business_date"], b["channel"], b.get("kiosk_id", ""), b.get("staff_number"),
             b["currency"], total, int(b.get("tax_minor", 0)), int(b.get("discount_minor", 0)),
             int(b.get("paid_minor", total)), int(b.get("refunded_minor", 0)),
             b.get("payment_method", "card"), "void" if state == "void" else state,
             b["created_at"], b.get("exchanged_from"), pulled_at))
        self.conn.execute("DELETE FROM ledger_booking_seats WHERE booking_id = ?",
                          (b["booking_id"],))
        self.conn.executemany(
            "INSERT INTO ledger_booking_seats (booking_id, seat_code, seat_type, ticket_type, "
            "price_minor, tax_minor) VALUES (?, ?, ?, ?, ?, ?)",
            [(b["booking_id"], ln["seat"], ln["seat_type"], ln["ticket_type"],
              int(ln["price_minor"]), int(ln["tax_minor"])) for ln in b.get("lines") or []])
        self.conn.execute("DELETE FROM ledger_booking_discounts WHERE booking_id = ?",
                          (b["booking_id"],))
        self.conn.executemany(  # issue 12: each offer's line (absent from older writers' items)
            "INSERT INTO ledger_booking_discounts (booking_id, offer_id, label, code, "
            "amount_minor) VALUES (?, ?, ?, ?, ?)",
            [(b["booking_id"], str(d["offer_id"]), str(d["label"]), str(d.get("code") or ""),
              int(d["amount_minor"])) for d in b.get("discounts") or []])
        self.conn.execute("DELETE FROM ledger_booking_tenders WHERE booking_id = ?",
                          (b["booking_id"],))
        self.conn.executemany(  # issue 11: by tender (absent from older writers' items)
            "INSERT INTO ledger_booking_tenders (booking_id, seq, kind, amount_minor, carried) "
            "VALUES (?, ?, ?, ?, ?)",
            [(b["booking_id"], n, str(t["kind"]), int(t["amount_minor"]), int(bool(t.get("carried"))))
             for n, t in enumerate(b.get("tenders") or [], start=1)])

    def _refund(self, r: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO ledger_refunds (kiosk_id, local_id, booking_id, seats, amount_minor, "
            "tax_minor, currency, method, reason, state, requested_by, decided_by, created_at, "
            "business_date, decided_at, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (kiosk_id, local_id) DO UPDATE SET state = excluded.state, "
            "decided_by = excluded.decided_by, decided_at = excluded.decided_at, "
            "amount_minor = excluded.amount_minor, tax_minor = excluded.tax_minor, "
            "seats = excluded.seats, rev = excluded.rev WHERE excluded.rev >= ledger_refunds.rev",
            (r["kiosk_id"], int(r["local_id"]), r["booking_id"], json.dumps(list(r.get("seats") or [])),
             int(r["amount_minor"]), int(r.get("tax_minor", 0)), r["currency"], r["method"],
             r.get("reason", ""), r["state"], r.get("requested_by"), r.get("decided_by"),
             r["created_at"], r["business_date"], r.get("decided_at"), int(r.get("rev", 0))))
        if r.get("tenders"):  # issue 11: where the refund's money went, by tender
            self.conn.execute("DELETE FROM ledger_refund_tenders WHERE kiosk_id = ? AND "
                              "local_id = ?", (r["kiosk_id"], int(r["local_id"])))
            self.conn.executemany(
                "INSERT INTO ledger_refund_tenders (kiosk_id, local_id, seq, kind, amount_minor) "
                "VALUES (?, ?, ?, ?, ?)",
                [(r["kiosk_id"], int(r["local_id"]), n, str(t["kind"]), int(t["amount_minor"]))
                 for n, t in enumerate(r["tenders"], start=1)])

    def _shift(self, s: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO ledger_shifts (kiosk_id, local_id, cinema_id, business_date, "
            "staff_number, currency, opened_at, float_minor, closed_at, expected_minor, "
            "counted_minor, variance_minor, approved_by, approved_at, comment, rev) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (kiosk_id, local_id) DO UPDATE SET closed_at = excluded.closed_at, "
            "expected_minor = excluded.expected_minor, counted_minor = excluded.counted_minor, "
            "variance_minor = excluded.variance_minor, approved_by = excluded.approved_by, "
            "approved_at = excluded.approved_at, comment = excluded.comment, rev = excluded.rev "
            "WHERE excluded.rev >= ledger_shifts.rev",
            (s["kiosk_id"], int(s["local_id"]), s["cinema_id"], s["business_date"],
             s.get("staff_number"), s["currency"], s["opened_at"], int(s["float_minor"]),
             s.get("closed_at"), s.get("expected_minor"), s.get("counted_minor"),
             s.get("variance_minor"), s.get("approved_by"), s.get("approved_at"),
             s.get("comment", ""), int(s.get("rev", 0))))
        if s.get("cash_count") or s.get("tender_checks"):  # the cash-up in detail (issue 14)
            self._cashup_detail(s)

    def _cashup_detail(self, s: dict[str, Any]) -> None:
        """Another device's count by denomination and card / UPI checks, as its item has them
        now (written whole with the close: replaced, never merged)."""
        key = (s["kiosk_id"], int(s["local_id"]))
        newer = self.conn.execute("SELECT 1 FROM ledger_shifts WHERE kiosk_id = ? AND "
                                  "local_id = ? AND rev > ?", (*key, int(s.get("rev", 0))))
        if newer.fetchone():
            return
        self.conn.execute("DELETE FROM ledger_shift_cash_counts WHERE kiosk_id = ? AND "
                          "local_id = ?", key)
        self.conn.executemany(
            "INSERT INTO ledger_shift_cash_counts (kiosk_id, local_id, kind, value_minor, "
            "pieces) VALUES (?, ?, ?, ?, ?)",
            [(*key, str(c["kind"]), int(c["value_minor"]), int(c["pieces"]))
             for c in s.get("cash_count") or [] if int(c["pieces"])])
        self.conn.execute("DELETE FROM ledger_shift_tender_checks WHERE kiosk_id = ? AND "
                          "local_id = ?", key)
        self.conn.executemany(
            "INSERT INTO ledger_shift_tender_checks (kiosk_id, local_id, kind, expected_minor, "
            "declared_minor, variance_minor) VALUES (?, ?, ?, ?, ?, ?)",
            [(*key, str(c["kind"]), int(c["expected_minor"]), int(c["declared_minor"]),
              int(c["declared_minor"]) - int(c["expected_minor"]))
             for c in s.get("tender_checks") or []])

    def _item_sale(self, i: dict[str, Any], pulled_at: str) -> None:
        """A food and drink sale with its lines and tenders (a newer ``rev`` wins)."""
        newer = self.conn.execute("SELECT 1 FROM ledger_item_sales WHERE id = ? AND rev > ?",
                                  (i["sale_id"], int(i["rev"]))).fetchone()
        if newer:
            return
        sale_id = str(i["sale_id"])
        self.conn.execute(
            "INSERT INTO ledger_item_sales (id, reference, cinema_id, business_date, channel, "
            "kiosk_id, staff_number, booking_id, currency, total_minor, tax_minor, "
            "refunded_minor, payment_method, created_at, rev, pulled_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "refunded_minor = excluded.refunded_minor, rev = excluded.rev, "
            "pulled_at = excluded.pulled_at",
            (sale_id, i["reference"], i["cinema_id"], i["business_date"], i["channel"],
             i["kiosk_id"], i.get("staff_number"), i.get("booking_id"), i["currency"],
             int(i["total_minor"]), int(i["tax_minor"]), int(i.get("refunded_minor", 0)),
             i["payment_method"], i["created_at"], int(i["rev"]), pulled_at))
        self.conn.execute("DELETE FROM ledger_item_sale_lines WHERE sale_id = ?", (sale_id,))
        self.conn.executemany(
            "INSERT INTO ledger_item_sale_lines (sale_id, line_no, item_id, combo_id, "
            "category_id, label, qty, unit_price_minor, total_minor, tax_minor, refunded_qty) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(sale_id, int(ln["line_no"]), ln.get("item_id"), ln.get("combo_id"),
              ln["category_id"], ln["label"], int(ln["qty"]), int(ln["unit_price_minor"]),
              int(ln["total_minor"]), int(ln["tax_minor"]), int(ln.get("refunded_qty", 0)))
             for ln in i.get("lines") or []])
        self.conn.execute("DELETE FROM ledger_item_sale_tenders WHERE sale_id = ?", (sale_id,))
        self.conn.executemany(
            "INSERT INTO ledger_item_sale_tenders (sale_id, seq, kind, amount_minor) "
            "VALUES (?, ?, ?, ?)",
            [(sale_id, n, str(t["kind"]), int(t["amount_minor"]))
             for n, t in enumerate(i.get("tenders") or [], start=1)])

    def _item_refund(self, r: dict[str, Any]) -> None:
        key = (r["kiosk_id"], int(r["local_id"]))
        self.conn.execute(
            "INSERT INTO ledger_item_refunds (kiosk_id, local_id, sale_id, cinema_id, "
            "business_date, amount_minor, currency, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(kiosk_id, local_id) DO NOTHING",
            (*key, r["sale_id"], r["cinema_id"], r["business_date"], int(r["amount_minor"]),
             r["currency"], int(r["rev"])))
        self.conn.execute("DELETE FROM ledger_item_refund_tenders WHERE kiosk_id = ? AND "
                          "local_id = ?", key)
        self.conn.executemany(
            "INSERT INTO ledger_item_refund_tenders (kiosk_id, local_id, seq, kind, "
            "amount_minor) VALUES (?, ?, ?, ?, ?)",
            [(*key, n, str(t["kind"]), int(t["amount_minor"]))
             for n, t in enumerate(r.get("tenders") or [], start=1)])

    def _device(self, d: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO ledger_devices (cinema_id, kiosk_id, last_seen, pending, dead_letters, "
            "last_sale_at, app_version) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (cinema_id, kiosk_id) DO UPDATE SET last_seen = excluded.last_seen, "
            "pending = excluded.pending, dead_letters = excluded.dead_letters, "
            "last_sale_at = excluded.last_sale_at, app_version = excluded.app_version "
            "WHERE excluded.last_seen >= ledger_devices.last_seen",
            (d["cinema_id"], d["sk"], d["last_seen"], int(d.get("pending", 0)),
             int(d.get("dead_letters", 0)), d.get("last_sale_at"), d.get("app_version", "")))


def pulled_at(conn: sqlite3.Connection, cinema_id: str, business_date: str) -> datetime | None:
    """When the day was last pulled here (None: never)."""
    from kiosk.domain.clock import from_iso

    row = conn.execute("SELECT pulled_at FROM ledger_days WHERE cinema_id = ? AND business_date = ?",
                       (cinema_id, business_date)).fetchone()
    return from_iso(row[0]) if row else None

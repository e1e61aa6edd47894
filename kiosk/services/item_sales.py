"""Food and drink sales: alone at the counter (``kiosk sell``), or in one basket with tickets.

A sale is priced from the cinema's menu (``kiosk.domain.menu``), takes its stock with a
conditional UPDATE in the SAME transaction as its rows and tenders (two counters selling the
last samosa: one wins, the other is told how many are left), and records what paid it. In a
basket with tickets, ``BookingService.confirm`` takes one payment for both and writes the booking
and this sale in one transaction (``write_sale``), the tenders split between them by
``kiosk.domain.tenders.split_for_basket`` so each refund goes back to what paid it.

Refunds are by line and quantity; the stock of what is given back returns to the stand, the money
to the sale's tenders in the usual order (``allocate_refund``: card, UPI, voucher, cash), cash
out of the refunding cashier's open drawer. A cashier refunds up to the cinema's per-booking
limit; beyond it a manager does it (food and drink refunds have no approval queue).

Expected cash, cash-ups and the day's tender totals count these sales' tenders
(``kiosk.services.shifts``, ``kiosk.services.tenders``); reports show food and drink apart
from tickets (``food_drink_report``).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from kiosk.domain import menu as menu_rules
from kiosk.domain import refund_reasons
from kiosk.domain.business_day import business_date as sale_business_date
from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import (
    InvalidInput,
    NotFound,
    OutOfStock,
    PaymentError,
    PermissionDenied,
    ShiftRequired,
)
from kiosk.domain.ids import new_reference, normalise_reference
from kiosk.domain.menu import ItemLine, Order
from kiosk.domain.money import format_money
from kiosk.domain.offers import PromoRefused
from kiosk.domain.tenders import TenderLine, allocate_refund, summary_method
from kiosk.domain.vouchers import Voucher
from kiosk.domain.vouchers import display_code as display_voucher
from kiosk.services import audit, gift_cards, loyalty, outbox, tenders, vouchers
from kiosk.services.auth import ensure_active, ensure_staff, open_shift_id
from kiosk.services.booking_sales import Paid, channel_of, take_payment
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Payment, RefundPreview, Role
from kiosk.services.money_controls import for_cinema
from kiosk.store.db import inserted_id, transaction
from kiosk.store.menu_store import load_menu, take_stock

REFERENCE_PREFIX = "FD-"  # a food and drink reference is never mistaken for a booking's
REFERENCE_ATTEMPTS = 5


@dataclass(frozen=True)
class PricedItems:
    """A basket's food and drink, priced, with the stock it will take."""

    cinema_id: str
    currency: str
    lines: tuple[ItemLine, ...]
    stock: dict[str, int]  # units per counted item the whole basket takes
    per_unit: tuple[dict[str, int], ...]  # units ONE of each line takes (for refunds)

    @property
    def total_minor(self) -> int:
        return sum(line.total_minor for line in self.lines)

    @property
    def tax_minor(self) -> int:
        return sum(line.tax_minor for line in self.lines)


@dataclass(frozen=True)
class SaleLine:
    line_no: int
    label: str
    qty: int
    unit_price_minor: int
    total_minor: int
    tax_minor: int
    refunded_qty: int
    category_id: str


@dataclass(frozen=True)
class ItemSale:
    sale_id: str
    reference: str
    cinema_id: str
    booking_id: str | None
    kiosk_id: str
    currency: str
    total_minor: int
    tax_minor: int
    refunded_minor: int
    payment_method: str
    created_at: datetime
    business_date: str
    lines: tuple[SaleLine, ...]
    tenders: tuple[TenderLine, ...]
    collected_at: datetime | None = None
    member_phone: str = ""  # the loyalty member named on a sale alone (a basket's is its booking's)
    points_earned: int = 0


@dataclass(frozen=True)
class ItemRefund:
    refund_id: int
    reference: str
    amount_minor: int
    tax_minor: int
    currency: str
    parts: tuple[tuple[str, int], ...]  # (tender kind, amount) the money went back to
    returned: dict[str, int]  # units back in stock per item


def parse_orders(values: Iterable[object]) -> tuple[Order, ...]:
    """``ID``, ``ID=QTY`` or ``ID=QTY:CHOICE,CHOICE``: how the CLI names a line. Ids may hold a
    colon (``hyd-ameerpet:popcorn-l``), so the quantity comes first after ``=``; a choice named
    without its cinema prefix (``salted``) takes the item's (``hyd-ameerpet:salted``)."""
    orders = []
    for value in values:
        text = str(value).strip()
        sku, _, rest = text.partition("=")
        qty_text, _, mods = rest.partition(":")
        sku = sku.strip()
        if not sku:
            raise InvalidInput(f"--item {text!r}: write ID, ID=QTY or ID=QTY:CHOICE,CHOICE.")
        try:
            qty = int(qty_text) if qty_text.strip() else 1
        except ValueError:
            raise InvalidInput(f"--item {text!r}: the quantity must be a whole number "
                               "(ID=QTY:CHOICE,CHOICE).") from None
        prefix = sku.rpartition(":")[0]
        choices = tuple(m if ":" in m or not prefix else f"{prefix}:{m}"
                        for m in (c.strip() for c in mods.split(",")) if m)
        orders.append(Order(sku, qty, choices))
    return tuple(orders)


def _cinema(conn: sqlite3.Connection, cinema_id: str) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute(
        "SELECT c.id, c.timezone, c.currency, (SELECT MAX(business_date) FROM business_days d "
        "WHERE d.cinema_id = c.id) AS closed_through FROM cinemas c WHERE c.id = ?",
        (cinema_id,)).fetchone()
    if row is None:
        raise NotFound(f"There is no cinema {cinema_id!r}.")
    return row


def price(conn: sqlite3.Connection, cinema_id: str, orders: Sequence[Order],
          free: Sequence[tuple[Order, str]] = ()) -> PricedItems:
    """Price the orders from the cinema's menu; stock is checked, not taken (``short``).
    ``free``: (order, voucher code) of items a voucher gives, each a line at no charge."""
    menu = load_menu(conn, cinema_id)
    lines = menu_rules.price_items(menu, orders)
    for order, code in free:
        line = menu_rules.price_items(menu, [order])[0]
        lines += (replace(line, line_no=len(lines) + 1, unit_price_minor=0, total_minor=0,
                          tax_minor=0,
                          modifiers=(*line.modifiers, f"voucher {display_voucher(code)}")),)
    counted = {r[0] for r in conn.execute(
        "SELECT s.item_id FROM menu_stock s JOIN menu_items i ON i.item_id = s.item_id "
        "WHERE i.cinema_id = ?", (cinema_id,))}
    # what one unit takes from COUNTED stock: a refund gives back only that (made-to-order
    # items were never taken, and must not appear in a count started later)
    per_unit = tuple({k: v for k, v in menu_rules.stock_needed(menu, [_one(line)]).items()
                      if k in counted} for line in lines)
    return PricedItems(cinema_id, menu.currency, lines, menu_rules.stock_needed(menu, lines),
                       per_unit)


def _one(line: ItemLine) -> ItemLine:
    return replace(line, qty=1)


def check_stock(conn: sqlite3.Connection, priced: PricedItems) -> None:
    """Raise OutOfStock for the first counted item with fewer left than the basket needs.
    A check only: the sale's transaction takes the stock conditionally (two counters racing)."""
    for item_id, qty in sorted(priced.stock.items()):
        row = conn.execute("SELECT s.on_hand, i.name, i.size FROM menu_stock s JOIN menu_items i "
                           "ON i.item_id = s.item_id WHERE s.item_id = ?", (item_id,)).fetchone()
        if row is not None and row["on_hand"] < qty:
            raise OutOfStock(menu_rules.sized(row["name"], row["size"]), row["on_hand"])


def write_sale(conn: sqlite3.Connection, actor: Actor, priced: PricedItems,
               lines: Sequence[TenderLine], shift_id: int | None, now: datetime, *,
               booking_id: str | None = None, sale_id: str | None = None) -> tuple[str, str]:
    """Take the stock and write the sale, its lines and tenders, in the caller's transaction.
    Returns (sale id, reference). Raises OutOfStock (the caller rolls back)."""
    if not priced.lines:
        raise InvalidInput("Add at least one food or drink item.")
    cinema = _cinema(conn, priced.cinema_id)
    created = to_iso(now)
    # after the cinema's Z close the sale falls on the next business day, as a booking does
    business_date = sale_business_date(now, cinema["timezone"], cinema["closed_through"])
    if shift_id is not None and conn.execute(
            "SELECT 1 FROM shifts WHERE id = ? AND closed_at IS NULL", (shift_id,)).fetchone() is None:
        raise PaymentError("Your shift was closed while this sale was being confirmed. Nothing "
                           "was sold or charged: sell again (cash needs an open shift).")
    take_stock(conn, load_menu(conn, priced.cinema_id), priced.stock, created)
    tenders.refuse_reused_upi(conn, lines, booking_id)
    sale_id = sale_id or uuid.uuid4().hex
    method = summary_method(t.kind for t in lines) if lines else "cash"
    for attempt in range(REFERENCE_ATTEMPTS):
        reference = REFERENCE_PREFIX + new_reference()
        try:
            conn.execute(
                "INSERT INTO item_sales (id, reference, cinema_id, booking_id, channel, kiosk_id, "
                "staff_id, shift_id, currency, total_minor, tax_minor, payment_method, "
                "created_at, business_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sale_id, reference, priced.cinema_id, booking_id, channel_of(actor),
                 actor.kiosk_id, actor.staff_id, shift_id, priced.currency,
                 priced.total_minor, priced.tax_minor, method, created, business_date))
            break
        except sqlite3.IntegrityError as exc:
            if "item_sales.reference" not in str(exc) or attempt == REFERENCE_ATTEMPTS - 1:
                raise
    conn.executemany(
        "INSERT INTO item_sale_lines (sale_id, line_no, item_id, combo_id, category_id, label, "
        "qty, unit_price_minor, total_minor, tax_minor, stock) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(sale_id, line.line_no, line.item_id, line.combo_id, line.category_id, line.label,
          line.qty, line.unit_price_minor, line.total_minor, line.tax_minor,
          json.dumps(unit, sort_keys=True))
         for line, unit in zip(priced.lines, priced.per_unit, strict=True)])
    conn.executemany(
        "INSERT INTO item_sale_tenders (sale_id, seq, kind, amount_minor, reference, "
        "tendered_minor, change_minor) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(sale_id, t.seq, t.kind, t.amount_minor, t.reference, t.tendered_minor, t.change_minor)
         for t in lines])
    gift_cards.redeem(conn, lines, priced.currency, now, actor.kiosk_id, sale_id=sale_id)
    to_ledger(conn, sale_id, now)
    audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="item_sale",
                 staff_id=actor.staff_id, target=reference,
                 detail={"sale_id": sale_id, "booking_id": booking_id,
                         "total_minor": priced.total_minor, "currency": priced.currency,
                         "lines": [[ln.label, ln.qty, ln.total_minor] for ln in priced.lines],
                         "stock": priced.stock,
                         "tenders": [[t.kind, t.amount_minor] for t in lines]})
    return sale_id, reference


LEDGER_KIND = "item_sale"  # the outbox row that sends a sale (and its refunds) to the cloud day


def to_ledger(conn: sqlite3.Connection, sale_id: str, now: datetime) -> None:
    """Queue the sale for the cloud's day ledger, in the caller's transaction (the worker sends
    it as it stands then: ``kiosk.cloud.ledger_rows.item_sale_items``)."""
    outbox.enqueue(conn, kind=LEDGER_KIND, booking_id=None, now=now,
                   payload={"sale_id": sale_id})


class ItemSaleService:
    def __init__(self, deps: ServiceDeps):
        self.deps = deps

    @property
    def conn(self) -> sqlite3.Connection:
        return self.deps.conn

    def quote(self, cinema_id: str, orders: Sequence[Order]) -> PricedItems:
        """Price a basket's food and drink (nothing written; stock checked, not taken)."""
        priced = price(self.conn, cinema_id, orders)
        check_stock(self.conn, priced)
        return priced

    def sell(self, actor: Actor, cinema_id: str, orders: Sequence[Order],
             payment: Payment, member: str = "", voucher: str = "") -> ItemSale:
        """A food and drink sale without tickets: priced, paid and stock taken at once.
        ``member``: a loyalty member's phone (earns points; points may pay); ``voucher``: an
        item voucher's code (its item at no charge)."""
        ensure_active(self.deps, actor, "item_sale", cinema_id)
        now = self.deps.clock.now()
        sale_id = uuid.uuid4().hex
        free_voucher = self._item_voucher(cinema_id, voucher, sale_id, now)
        free = [(vouchers.parse_item(free_voucher.item), free_voucher.code)] if free_voucher else []
        priced = price(self.conn, cinema_id, orders, free)
        check_stock(self.conn, priced)
        if not priced.lines:
            raise InvalidInput("Add at least one food or drink item.")
        paid: Paid = take_payment(self.deps, actor, priced.total_minor, priced.currency, payment)
        phone = loyalty.member_of_sale(self.deps, member, paid.tenders, priced.currency)
        used = sale_member = None
        try:  # this sale's id is its own: what the cloud took for it goes back if it fails
            used = (vouchers.take(self.deps, free_voucher, sale_id, now + loyalty.VOID_AFTER, now)
                    if free_voucher else None)
            sale_member = loyalty.prepare_redeem(self.deps, actor, phone, paid.tenders,
                                                 priced.currency, sale_id,
                                                 now + loyalty.VOID_AFTER)
            with transaction(self.conn) as conn:
                _sale_id, reference = write_sale(conn, actor, priced, paid.tenders,
                                                 paid.shift_id, now, sale_id=sale_id)
                if used is not None:
                    vouchers.record_use(conn, used, sale_id, now, actor.kiosk_id)
                loyalty.record_sale(conn, sale_member, paid.tenders, priced.currency, now,
                                    actor.kiosk_id, sale_id=sale_id, reference=reference,
                                    what="Food and drink",
                                    cloud=self.deps.loyalty_cloud is not None)
        except BaseException:
            vouchers.give_back_now(self.deps, used, sale_id)
            if sale_member is not None:
                loyalty.give_back_now(self.deps, sale_member)
            raise
        return self.get(reference)

    def _item_voucher(self, cinema_id: str, code: str, sale_id: str,
                      now: datetime) -> Voucher | None:
        """The item voucher a food and drink sale uses (None: no code given)."""
        if not str(code or "").strip():
            return None
        cinema = _cinema(self.conn, cinema_id)  # valid through its last business day
        day = sale_business_date(now, cinema["timezone"], cinema["closed_through"])
        found = vouchers.for_sale(self.deps, code, cinema_id, date.fromisoformat(day), sale_id)
        if found.kind != "item":
            raise PromoRefused(f"Voucher {display_voucher(found.code)} is for a ticket: use it "
                               "when selling tickets.")
        return found

    # -- reading ------------------------------------------------------------------------------
    def get(self, reference: str) -> ItemSale:
        ref = str(reference or "").strip().upper()
        if ref.startswith(REFERENCE_PREFIX):
            ref = REFERENCE_PREFIX + normalise_reference(ref[len(REFERENCE_PREFIX):])
        row = self.conn.execute("SELECT * FROM item_sales WHERE reference = ?", (ref,)).fetchone()
        if row is None and not ref.startswith(REFERENCE_PREFIX):  # the booking's reference
            row = self.conn.execute(
                "SELECT i.* FROM item_sales i JOIN bookings b ON b.id = i.booking_id "
                "WHERE b.reference = ?", (normalise_reference(ref),)).fetchone()
        if row is None:
            raise NotFound(f"There is no food and drink sale {reference!r}.")
        return self._sale(row)

    def for_booking(self, booking_id: str) -> ItemSale | None:
        """The food and drink sold in one basket with this booking, if any."""
        row = self.conn.execute("SELECT * FROM item_sales WHERE booking_id = ?",
                                (booking_id,)).fetchone()
        return None if row is None else self._sale(row)

    def _sale(self, row: sqlite3.Row) -> ItemSale:
        lines = tuple(SaleLine(r["line_no"], r["label"], r["qty"], r["unit_price_minor"],
                               r["total_minor"], r["tax_minor"], r["refunded_qty"],
                               r["category_id"])
                      for r in self.conn.execute(
                          "SELECT * FROM item_sale_lines WHERE sale_id = ? ORDER BY line_no",
                          (row["id"],)))
        paid = tuple(TenderLine(t["seq"], t["kind"], t["amount_minor"], t["reference"],
                                t["tendered_minor"], t["change_minor"])
                     for t in self.conn.execute(
                         "SELECT * FROM item_sale_tenders WHERE sale_id = ? ORDER BY seq",
                         (row["id"],)))
        return ItemSale(
            sale_id=row["id"], reference=row["reference"], cinema_id=row["cinema_id"],
            booking_id=row["booking_id"], kiosk_id=row["kiosk_id"], currency=row["currency"],
            total_minor=row["total_minor"], tax_minor=row["tax_minor"],
            refunded_minor=row["refunded_minor"], payment_method=row["payment_method"],
            created_at=from_iso(row["created_at"]), business_date=row["business_date"],
            lines=lines, tenders=paid,
            collected_at=from_iso(row["collected_at"]) if row["collected_at"] else None,
            member_phone=row["member_phone"] or "",
            points_earned=int(self.conn.execute(
                "SELECT COALESCE(SUM(points), 0) FROM member_moves WHERE sale_id = ? "
                "AND reason = 'earn'", (row["id"],)).fetchone()[0]) if row["member_phone"] else 0)

    # -- the stand ----------------------------------------------------------------------------
    def slip(self, reference: str) -> list[str]:
        """The collection slip the stand works from: reference, then one line per item."""
        sale = self.get(reference)
        zone = ZoneInfo(_cinema(self.conn, sale.cinema_id)["timezone"])  # the stand's clock
        out = [f"COLLECT {sale.reference}", sale.created_at.astimezone(zone).strftime(
            "%d %b %Y %H:%M")]
        for line in sale.lines:
            left = line.qty - line.refunded_qty
            if left:
                out.append(f"{left} x {line.label}")
        if len(out) == 2:
            out.append("(everything refunded)")
        return out

    def collect(self, actor: Actor, reference: str) -> ItemSale:
        """The stand hands the order over: recorded once (a second collection is refused)."""
        ensure_staff(self.deps, actor, "item_collect", reference)
        sale = self.get(reference)
        now = self.deps.clock.now()
        with transaction(self.conn) as conn:
            if all(ln.refunded_qty == ln.qty for ln in sale.lines):
                raise InvalidInput(f"{sale.reference} was refunded: there is nothing to hand over.")
            moved = conn.execute("UPDATE item_sales SET collected_at = ? WHERE id = ? AND "
                                 "collected_at IS NULL", (to_iso(now), sale.sale_id)).rowcount
            if not moved:
                raise InvalidInput(f"{sale.reference} was already collected.")
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="item_collect",
                         staff_id=actor.staff_id, target=sale.reference)
        return self.get(reference)

    # -- refunds ------------------------------------------------------------------------------
    def refund(self, actor: Actor, reference: str, quantities: Mapping[int, int] | None = None,
               reason: str = "") -> ItemRefund:
        """Give back ``quantities`` (line number -> how many; None: everything not yet
        refunded). Stock returns to the stand; money to the sale's tenders."""
        ensure_staff(self.deps, actor, "item_refund", str(reference))
        reason = refund_reasons.required(reason)  # a code (issue 14), refused before any write
        sale = self.get(reference)
        now = self.deps.clock.now()
        with transaction(self.conn) as conn:
            rows = {r["line_no"]: r for r in conn.execute(
                "SELECT * FROM item_sale_lines WHERE sale_id = ?", (sale.sale_id,))}
            wanted = self._wanted(rows, quantities)
            amount = sum(rows[n]["unit_price_minor"] * q for n, q in wanted.items())
            tax = sum(_tax_part(rows[n], q) for n, q in wanted.items())
            if actor.role != Role.MANAGER:
                self._check_cashier_limits(conn, actor, sale, amount, now)
            parts = allocate_refund(amount, self._tenders_left(conn, sale.sale_id))
            shift_id = open_shift_id(self.deps, actor.staff_id, actor.kiosk_id)
            if shift_id is None and any(p.kind == "cash" for p in parts):
                raise ShiftRequired("Open your shift before giving cash back.")
            cinema = _cinema(conn, sale.cinema_id)
            business_date = sale_business_date(now, cinema["timezone"], cinema["closed_through"])
            refund_id = inserted_id(conn.execute(
                "INSERT INTO item_refunds (sale_id, lines, amount_minor, tax_minor, currency, "
                "reason, staff_id, shift_id, kiosk_id, created_at, business_date) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sale.sale_id, json.dumps(sorted(wanted.items())), amount, tax, sale.currency,
                 reason, actor.staff_id, shift_id, actor.kiosk_id, to_iso(now),
                 business_date)))
            conn.executemany(
                "INSERT INTO item_refund_tenders (refund_id, seq, tender_seq, kind, amount_minor) "
                "VALUES (?, ?, ?, ?, ?)",
                [(refund_id, n, p.tender_seq, p.kind, p.amount_minor)
                 for n, p in enumerate(parts, start=1)])
            codes = {t.seq: t.reference for t in sale.tenders}
            for p in parts:
                if p.kind == "voucher":  # back onto the gift card that paid it
                    code = codes.get(p.tender_seq) if p.tender_seq is not None else None
                    gift_cards.credit(conn, code, p.amount_minor, now,
                                      actor.kiosk_id, sale_id=sale.sale_id)
            loyalty.settle_refund(conn, now, actor.kiosk_id, sale_id=sale.sale_id)
            returned: dict[str, int] = {}
            for n, q in wanted.items():
                conn.execute("UPDATE item_sale_lines SET refunded_qty = refunded_qty + ? "
                             "WHERE sale_id = ? AND line_no = ?", (q, sale.sale_id, n))
                for item_id, units in json.loads(rows[n]["stock"]).items():
                    returned[item_id] = returned.get(item_id, 0) + units * q
            for item_id, units in sorted(returned.items()):
                conn.execute("UPDATE menu_stock SET on_hand = on_hand + ?, updated_at = ? "
                             "WHERE item_id = ?", (units, to_iso(now), item_id))
            conn.execute("UPDATE item_sales SET refunded_minor = refunded_minor + ? WHERE id = ?",
                         (amount, sale.sale_id))
            to_ledger(conn, sale.sale_id, now)
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="item_refund",
                         staff_id=actor.staff_id, target=sale.reference,
                         detail={"refund_id": refund_id, "lines": sorted(wanted.items()),
                                 "amount_minor": amount, "currency": sale.currency,
                                 "reason": reason,
                                 "returned": returned, "shift_id": shift_id,
                                 "tenders": [[p.kind, p.amount_minor] for p in parts]})
        return ItemRefund(refund_id, sale.reference, amount, tax, sale.currency,
                          tuple((p.kind, p.amount_minor) for p in parts), returned)

    def refund_preview(self, actor: Actor, reference: str,
                       quantities: Mapping[int, int] | None = None) -> RefundPreview:
        """What ``refund`` would give back and to which tenders, writing nothing: the counter
        shows it before the cashier commits (issue 14). Past a cashier's limit it says so
        (``needs_manager``) where ``refund`` refuses."""
        ensure_staff(self.deps, actor, "item_refund", str(reference))
        sale = self.get(reference)
        conn = self.conn
        rows = {r["line_no"]: r for r in conn.execute(
            "SELECT * FROM item_sale_lines WHERE sale_id = ?", (sale.sale_id,))}
        wanted = self._wanted(rows, quantities)
        amount = sum(rows[n]["unit_price_minor"] * q for n, q in wanted.items())
        over = False
        if actor.role != Role.MANAGER:
            try:
                self._check_cashier_limits(conn, actor, sale, amount, self.deps.clock.now())
            except PermissionDenied:
                over = True
        parts = allocate_refund(amount, self._tenders_left(conn, sale.sale_id))
        if not over and any(p.kind == "cash" for p in parts) \
                and open_shift_id(self.deps, actor.staff_id, actor.kiosk_id) is None:
            raise ShiftRequired("Open your shift before giving cash back.")  # as refund() does
        return RefundPreview(amount, sale.currency,
                             tuple((p.kind, p.amount_minor) for p in parts), over)

    @staticmethod
    def _tenders_left(conn: sqlite3.Connection, sale_id: str) -> list[tuple[int, str, int]]:
        """(seq, kind, amount not yet given back) of each tender of the sale."""
        return [(t["seq"], t["kind"], t["amount_minor"] - t["back"]) for t in conn.execute(
            "SELECT t.seq, t.kind, t.amount_minor, COALESCE((SELECT SUM(rt.amount_minor) "
            "FROM item_refund_tenders rt JOIN item_refunds r ON r.id = rt.refund_id "
            "WHERE r.sale_id = t.sale_id AND rt.tender_seq = t.seq), 0) AS back "
            "FROM item_sale_tenders t WHERE t.sale_id = ?", (sale_id,))]

    def _check_cashier_limits(self, conn: sqlite3.Connection, actor: Actor, sale: ItemSale,
                              amount: int, now: datetime) -> None:
        """A cashier's food refund: within the per-booking limit (this sale's refunds so far)
        and the per-shift limit (ticket and food refunds since the shift opened, as for
        tickets); past either, a manager refunds."""
        from kiosk.services.booking_refunds import _REFUNDED_IN_SHIFT_WINDOW_SQL, day_start

        controls = for_cinema(conn, sale.cinema_id)
        limit = controls.cashier_refund_limit_minor
        if sale.refunded_minor + amount > limit:
            raise PermissionDenied(f"Refunds over {format_money(limit, sale.currency)} on one "
                                   "sale are made by a manager. Nothing was refunded.")
        shift_limit = controls.shift_refund_limit_minor
        if shift_limit is None:
            return
        zone = _cinema(conn, sale.cinema_id)["timezone"]
        before = int(conn.execute(_REFUNDED_IN_SHIFT_WINDOW_SQL, {
            "staff": actor.staff_id, "ignore": None, "currency": sale.currency,
            "day_start": day_start(now, zone)}).fetchone()[0])
        if before + amount > shift_limit:
            raise PermissionDenied(
                f"Refunds over {format_money(shift_limit, sale.currency)} in one shift are made "
                "by a manager. Nothing was refunded.")

    @staticmethod
    def _wanted(rows: Mapping[int, sqlite3.Row], quantities: Mapping[int, int] | None
                ) -> dict[int, int]:
        if quantities is None:
            wanted = {n: r["qty"] - r["refunded_qty"] for n, r in rows.items()
                      if r["qty"] > r["refunded_qty"]}
            if not wanted:
                raise InvalidInput("Everything on this sale was already refunded.")
            return wanted
        wanted = {}
        for raw_no, raw_qty in dict(quantities).items():
            try:
                line_no, qty = int(raw_no), int(raw_qty)
            except (TypeError, ValueError):
                raise InvalidInput("Name each line to refund by its number and a quantity.") \
                    from None
            row = rows.get(line_no)
            if row is None:
                raise InvalidInput(f"This sale has no line {line_no}.")
            left = row["qty"] - row["refunded_qty"]
            if not 1 <= qty <= left:
                raise InvalidInput(f"{row['label']}: {left} can be refunded, not {qty}." if left
                                   else f"{row['label']} was already refunded.")
            wanted[line_no] = qty
        if not wanted:
            raise InvalidInput("Choose what to refund.")
        return wanted


def _tax_part(row: sqlite3.Row, qty: int) -> int:
    """The tax in ``qty`` more units of a line (telescoping, so a line refunded in parts gives
    back exactly its tax)."""
    before, tax, lines = int(row["refunded_qty"]), int(row["tax_minor"]), int(row["qty"])
    return (tax * (before + qty)) // lines - (tax * before) // lines

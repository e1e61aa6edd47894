"""The business-day close (Z report) of one cinema: check, freeze, sign, correct.

A manager closes a business day once every shift of it is closed, here and on every other
device of the cinema (a shared cinema's device must have pulled the day, ``kiosk.cloud.daypull``,
else the other devices' shifts could not be checked). The close copies the day's totals into
``business_days.totals_json`` in the same transaction that checks the shifts, so the Z report
never changes afterwards, whatever later happens to the rows it was counted from, and signs them
(SHA-256 of the close record; checked on every reprint). Money that moves after the close falls
on the next open day (``kiosk.domain.business_day``, ``kiosk.services.business_dates``); the
close is published to the shared catalogue as a ``DAY#<date>`` item so every device (and the
web) rolls forward after its next pull. A correction of a closed day is a new, audited
adjustment row, shown on every reprint.

How the day is counted (the same definitions as ``kiosk.services.reports``, read from the
``day_*`` views, so the Z report equals the daily sales report of the day at the close):

* tickets: bookings, seats, gross, tax, discounts, refunds, exchange credit, net;
* food and drink: this device's sales (figures in a note; the money is in the tenders);
* tenders: taken and refunded by kind (``tender_totals``: see ``_tenders``);
* refunds: completed (counted), waiting for a manager (not counted), approved but still to be
  paid out of a drawer;
* shifts and each cashier's variance from the shifts' own cash-ups; the card batch and UPI
  settlement checks of those cash-ups (expected, reported, variance) per currency and tender;
* breakdowns by device and by channel.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.domain.business_day import close_record, signature
from kiosk.domain.clock import from_iso, local, to_iso
from kiosk.domain.errors import InvalidInput, KioskError, NotFound
from kiosk.domain.loyalty import points_value
from kiosk.domain.money import format_money
from kiosk.services import audit
from kiosk.services.business_dates import shift_business_date
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Role
from kiosk.store.audit_chain import audit_anchor
from kiosk.store.db import inserted_id, transaction

log = logging.getLogger(__name__)

TOTALS_VERSION = 1
FOOD_AND_DRINK_NOTE = "No food and drink sold."
MAX_REASON = 200
MAX_ADJUSTMENT_MINOR = 100_000_000  # ten lakh rupees / a million dollars: a typo, not a correction


def _food(conn: sqlite3.Connection, cinema_id: str, day: str, currency: str,
          admissions: int) -> dict[str, int] | None:
    """The day's food and drink totals in the cinema's currency (this device's sales, and on
    the manager console every device's pulled with the day); None when none was sold. Their
    money is in the tenders."""
    from kiosk.services.reports import food_tables

    totals = food_tables(conn, {"start": day, "end": day, "cinema": cinema_id},
                         {currency: admissions})[0]
    row = next((r for r in totals.as_dicts() if r["currency"] == currency), None)
    return None if row is None else {k: int(v) for k, v in row.items() if k != "currency"}


def _food_note(food: dict[str, int] | None, currency: str) -> str:
    if not food:
        return FOOD_AND_DRINK_NOTE
    return (f"{food['sales']} sales, {food['items']} items: gross "
            f"{format_money(food['gross'], currency)}, refunds "
            f"{format_money(food['refunds'], currency)}, net "
            f"{format_money(food['net_revenue'], currency)} (in the tenders).")


GIFT_CARDS_NOTE = "No gift cards sold or topped up."


def _gift_cards_note(conn: sqlite3.Connection, cinema_id: str, day: str, currency: str) -> str:
    """Gift cards sold and topped up that day (this device's): their money is in the tenders
    but is not revenue (it is spent later, as the gift card tender)."""
    row = conn.execute(
        "SELECT COALESCE(SUM(l.kind = 'issue'), 0), COALESCE(SUM(l.kind = 'top_up'), 0), "
        "COALESCE(SUM(l.amount_minor), 0) FROM gift_card_loads l "
        "JOIN gift_cards g ON g.code = l.code WHERE g.cinema_id = ? AND l.business_date = ?",
        (cinema_id, day)).fetchone()
    sold, topped, loaded = (int(v) for v in row)
    if not sold and not topped:
        return GIFT_CARDS_NOTE
    cards = "gift card" if sold == 1 else "gift cards"
    return (f"{sold} {cards} sold, {topped} topped up: {format_money(loaded, currency)} "
            "loaded (in the tenders, not revenue: it is spent later as the gift card tender).")


LOYALTY_NOTE = "No loyalty points earned or redeemed."


def _loyalty_note(conn: sqlite3.Connection, cinema_id: str, day: str, currency: str) -> str:
    """Loyalty points moved by the day's sales (this device's): redeemed points are in the
    tenders (the 'points' tender); earned points are a promise, not money. What refunds did to
    those sales' points is counted with them, whatever day the refund was (the tender totals
    date refunds by their own day)."""
    row = conn.execute(_LOYALTY_SQL, (day, cinema_id)).fetchone()
    earned, redeemed, back, clawed, members = (int(v or 0) for v in row)
    if not (earned or redeemed or back or clawed):
        return LOYALTY_NOTE
    return (f"{members} {'member' if members == 1 else 'members'}: {earned:,} points earned, "
            f"{redeemed:,} redeemed ({format_money(points_value(redeemed, currency), currency)} "
            f"in the tenders as points); refunds of these sales, on any day, gave back "
            f"{back:,} and took back {clawed:,}.")


_LOYALTY_SQL = """
WITH sales AS (
    SELECT b.id AS booking_id, NULL AS sale_id FROM bookings b
      JOIN shows s ON s.id = b.show_id JOIN halls h ON h.id = s.hall_id
     WHERE b.business_date = ?1 AND h.cinema_id = ?2 AND b.member_phone IS NOT NULL
    UNION ALL
    SELECT NULL, i.id FROM item_sales i
     WHERE i.business_date = ?1 AND i.cinema_id = ?2 AND i.member_phone IS NOT NULL
)
SELECT SUM(CASE WHEN m.reason = 'earn' THEN m.points END),
       -SUM(CASE WHEN m.reason = 'redeem' THEN m.points END),
       SUM(CASE WHEN m.reason = 'refund' THEN m.points END),
       -SUM(CASE WHEN m.reason = 'clawback' THEN m.points END),
       COUNT(DISTINCT m.phone)
  FROM member_moves m JOIN sales x ON x.booking_id = m.booking_id OR x.sale_id = m.sale_id
"""


# ---------------------------------------------------------------- shapes


@dataclass(frozen=True)
class OpenShift:
    """A shift of the day still open, as a counter person needs to find it."""

    staff_number: str
    name: str
    kiosk_id: str
    opened_at: str  # the cinema's local time, "2026-11-25 09:00"

    def describe(self) -> str:
        return f"{self.name} ({self.staff_number}) on {self.kiosk_id}, opened {self.opened_at}"


class DayNotReady(InvalidInput):
    """The day still has open shifts: nothing is closed."""

    def __init__(self, day: str, shifts: list[OpenShift]):
        self.day = day
        self.shifts = tuple(shifts)
        names = "; ".join(s.describe() for s in shifts)
        super().__init__(f"Business day {day} cannot be closed: {len(shifts)} shift"
                         f"{'s are' if len(shifts) != 1 else ' is'} still open ({names}). "
                         f"Close {'them' if len(shifts) != 1 else 'it'} with a cash-up first.")


@dataclass(frozen=True)
class Adjustment:
    adjustment_id: int
    amount_minor: int
    currency: str
    reason: str
    staff_number: str
    created_at: datetime


@dataclass(frozen=True)
class ZReport:
    """A day's Z report: frozen totals (or a preview before the close) plus later adjustments."""

    cinema_id: str
    cinema_name: str
    business_date: str
    currency: str
    timezone: str
    totals: dict[str, Any]
    closed: bool
    closed_at: datetime | None = None
    closed_by_number: str = ""
    closed_by_name: str = ""
    kiosk_id: str = ""
    signature: str = ""
    signature_ok: bool = True
    adjustments: tuple[Adjustment, ...] = ()
    open_shifts: tuple[OpenShift, ...] = field(default_factory=tuple)

    @property
    def tickets(self) -> dict[str, int]:
        tickets: dict[str, int] = self.totals["tickets"]
        return tickets

    @property
    def adjustments_minor(self) -> int:
        return sum(a.amount_minor for a in self.adjustments)

    @property
    def adjusted_net_sales(self) -> int:
        return int(self.tickets["net_sales"]) + self.adjustments_minor

    def money(self, minor: int) -> str:
        return format_money(int(minor), self.currency)

    def sections(self) -> list[tuple[str, list[str], list[list[Any]]]]:
        """(title, header, rows) of every part of the report: the CSV and the screen read these.

        Money cells are minor units (ints); the CSV writes them as decimals.
        """
        t = self.tickets
        head = [
            ("Cinema", f"{self.cinema_name} ({self.cinema_id})"),
            ("Business date", self.business_date),
            ("Currency", self.currency),
            ("Status", "closed" if self.closed else "NOT CLOSED (preview)"),
        ]
        if self.closed:
            head += [("Closed at (UTC)", to_iso(self.closed_at) if self.closed_at else ""),
                     ("Closed by", f"{self.closed_by_name} ({self.closed_by_number})"),
                     ("Closed on device", self.kiosk_id),
                     ("Signature (SHA-256)", self.signature),
                     ("Signature check", "matches" if self.signature_ok else "DOES NOT MATCH")]
            anchor = self.totals.get("audit_anchor")
            if anchor:  # signed with the day: later cuts from the log's end show against it
                head.append(("Audit log at close", f"row {anchor['id']}, hash {anchor['hash']}"))
        head.append(("Sources", self.totals.get("sources", "")))
        ticket_rows = [[label, t[key]] for key, label in TICKET_LINES]
        tenders = [[r["kind"], r["taken"], r["refunded"], r["taken"] - r["refunded"]]
                   for r in self.totals["tenders"]]
        refunds = self.totals["refunds"]
        shifts = [[s["kiosk_id"], s["staff_number"], s["name"], s["opened_at"], s["closed_at"],
                   s["float"], s["expected"], s["counted"], s["variance"]]
                  for s in self.totals["shifts"]]
        cashiers = [[c["staff_number"], c["name"], c["shifts"], c["expected"], c["counted"],
                     c["variance"]] for c in self.totals["cashiers"]]
        devices = [[d["kiosk_id"], d["bookings"], d["tickets"], d["gross"], d["refunds"],
                    d["net_sales"]] for d in self.totals["by_device"]]
        channels = [[d["channel"], d["bookings"], d["tickets"], d["gross"], d["refunds"],
                     d["net_sales"]] for d in self.totals["by_channel"]]
        adjustments = [[a.reason, a.staff_number, to_iso(a.created_at), a.adjustment_id,
                        a.amount_minor] for a in self.adjustments]
        checks = [[c["kind"], c["currency"], c["shifts"], c["expected"], c["reported"],
                   c["variance"]] for c in self.totals.get("tender_checks") or []]
        return [
            ("Z report", ["Field", "Value"], [list(r) for r in head]),
            ("Tickets", ["Measure", "Amount"], ticket_rows),
            ("Food and drink", ["Note"], [[self.totals["food_and_drink_note"]]]),
            ("Gift cards", ["Note"], [[self.totals.get("gift_cards_note", GIFT_CARDS_NOTE)]]),
            ("Loyalty", ["Note"], [[self.totals.get("loyalty_note", LOYALTY_NOTE)]]),
            ("Tenders", ["Tender", "Taken", "Refunded", "Net"], tenders),
            ("Refunds", ["Measure", "Amount"],
             [["Refunds completed", refunds["count"]], ["Refunded", refunds["amount"]],
              ["Refunds awaiting approval (not counted)", refunds["pending_count"]],
              ["Awaiting approval", refunds["pending_amount"]],
              ["Approved but not yet paid out of a drawer", refunds.get("to_pay_out_count", 0)],
              ["To pay out", refunds.get("to_pay_out_amount", 0)]]),
            ("Cashier variance", ["Staff no.", "Name", "Shifts", "Expected", "Counted",
                                  "Variance"], cashiers),
            ("Shifts", ["Device", "Staff no.", "Name", "Opened", "Closed", "Float", "Expected",
                        "Counted", "Variance"], shifts),
            (CHECKS_SECTION, ["Tender", "Currency", "Shifts", "Expected", "Reported",
                              "Variance"], checks),
            ("By device", ["Device", "Bookings", "Tickets", "Gross", "Refunded", "Net sales"],
             devices),
            ("By channel", ["Channel", "Bookings", "Tickets", "Gross", "Refunded", "Net sales"],
             channels),
            ("Adjustments after the close", ["Reason", "By", "At (UTC)", "Id", "Amount"],
             adjustments),
            ("Result", ["Measure", "Amount"],
             [["Net sales at the close", t["net_sales"]],
              ["Adjustments", self.adjustments_minor],
              ["Net sales after adjustments", self.adjusted_net_sales]]),
        ]


# The cash-ups' card batch and UPI settlement checks; its money is in each row's own currency.
CHECKS_SECTION = "Card and UPI checks"

# (key, label); counts are the keys listed in COUNT_KEYS, the rest are money.
TICKET_LINES = (
    ("bookings", "Bookings"), ("tickets", "Tickets"), ("gross", "Gross sales (tax included)"),
    ("tax", "Tax"), ("discounts", "Discounts"), ("refund_count", "Refunds"),
    ("refunds", "Refunded"), ("exchanges", "Exchanges"), ("exchange_credit", "Exchange credit"),
    ("net_sales", "Net sales"), ("net_revenue", "Net revenue (after tax)"),
)
COUNT_KEYS = frozenset({"bookings", "tickets", "refund_count", "exchanges", "shifts",
                        "pending_count", "count"})
MONEY_LABELS = frozenset(label for key, label in TICKET_LINES if key not in COUNT_KEYS) | {
    "Refunded", "Awaiting approval", "To pay out", "Net sales at the close", "Adjustments",
    "Net sales after adjustments"}


def _tender_checks(conn: sqlite3.Connection, shift_rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    """The card and UPI checks of the day's cash-ups summed per currency and tender: what the
    shifts took (expected), what the terminal batch / UPI settlement said (reported), and the
    variance (reported - expected). Another device's come from its pulled shift item."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for r in shift_rows:
        if r["origin"] == "cloud":
            rows = conn.execute(
                "SELECT ls.currency, c.kind, c.expected_minor, c.declared_minor "
                "FROM ledger_shift_tender_checks c JOIN ledger_shifts ls "
                "ON ls.kiosk_id = c.kiosk_id AND ls.local_id = c.local_id "
                "WHERE c.kiosk_id = ? AND c.local_id = ?", (r["kiosk_id"], r["id"])).fetchall()
        else:
            rows = conn.execute(
                "SELECT s.currency, c.kind, c.expected_minor, c.declared_minor "
                "FROM shift_tender_checks c JOIN shifts s ON s.id = c.shift_id "
                "WHERE c.shift_id = ?", (r["id"],)).fetchall()
        for currency, kind, expected, declared in rows:
            line = found.setdefault((str(currency), str(kind)), {
                "currency": str(currency), "kind": str(kind), "shifts": 0, "expected": 0,
                "reported": 0, "variance": 0})
            line["shifts"] += 1
            line["expected"] += int(expected)
            line["reported"] += int(declared)
            line["variance"] += int(declared) - int(expected)
    order = {"card": 0, "upi": 1}
    return [found[k] for k in sorted(found, key=lambda k: (k[0], order.get(k[1], 9), k[1]))]


# ---------------------------------------------------------------- tenders (one switch)


def _tenders(conn: sqlite3.Connection, cinema_id: str, day: str) -> list[dict[str, Any]]:
    """Money taken and refunded by tender kind on the day, every device: [{kind, taken,
    refunded}] (``tender_totals`` with the pulled devices' rows; rows without tender records
    count by their payment method)."""
    from kiosk.services.tenders import tender_totals

    found = tender_totals(conn, business_date=day, cinema_id=cinema_id, include_pulled=True)
    return [{"kind": t.kind, "taken": int(t.taken_minor), "refunded": int(t.refunded_minor)}
            for t in found.values()]


def _to_pay_out(conn: sqlite3.Connection, cinema_id: str, day: str) -> dict[str, int]:
    """This device's refunds of the day approved but not yet paid from a drawer (counted in
    the refunds; the cash leaves a later shift's drawer): shown so the close does not hide them."""
    row = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(r.amount_minor), 0) FROM refunds r "
        "JOIN bookings b ON b.id = r.booking_id JOIN shows s ON s.id = b.show_id "
        "JOIN halls h ON h.id = s.hall_id WHERE r.business_date = ? AND h.cinema_id = ? "
        "AND r.state = 'completed' AND r.payout_due = 1", (day, cinema_id)).fetchone()
    return {"to_pay_out_count": int(row[0]), "to_pay_out_amount": int(row[1])}


# ---------------------------------------------------------------- the service


class DayCloseService:
    """Close a cinema's business day, print its Z report, and correct a closed day."""

    def __init__(self, deps: ServiceDeps, publisher: Any = None):
        self.deps = deps
        # The shared catalogue (kiosk.cloud.catalogue_sync): a close is published as a DAY#
        # item, so every device of the cinema sells on the next day after its next pull.
        self.publisher = publisher
        self.last_publish_problem = ""

    # -- access --------------------------------------------------------------------------------
    def _require_manager(self, actor: Actor, action: str, target: str = "") -> None:
        """The one role check (helper B's ``require_role`` re-reads the staff row: a manager
        demoted or deactivated since signing in is refused at once, audited)."""
        from kiosk.services.auth import require_role

        require_role(self.deps, actor, Role.MANAGER, action, target)

    # -- inputs --------------------------------------------------------------------------------
    @staticmethod
    def _day(day: date | str) -> date:
        if isinstance(day, datetime):
            raise InvalidInput("Give the business date as a date (YYYY-MM-DD), not a time.")
        if isinstance(day, date):
            return day
        try:
            return date.fromisoformat(str(day).strip())
        except ValueError:
            raise InvalidInput(f"{str(day)[:40]!r} is not a date: use YYYY-MM-DD, "
                               f"e.g. 2026-11-25.") from None

    def _cinema(self, cinema_id: str | None) -> sqlite3.Row:
        conn = self.deps.conn
        if cinema_id:
            row: sqlite3.Row | None = conn.execute(
                "SELECT id, name, timezone, currency FROM cinemas WHERE id = ?",
                (str(cinema_id),)).fetchone()
            if row is None:
                raise NotFound(f"There is no cinema {str(cinema_id)[:40]!r}.")
            return row
        return conn.execute("SELECT id, name, timezone, currency FROM cinemas WHERE id = ?",
                            (self._device_cinema(),)).fetchone() or self._no_cinema()

    @staticmethod
    def _no_cinema() -> sqlite3.Row:
        raise NotFound("This device has no cinema yet: add one, or join a cinema, first.")

    def _shared(self, cinema: sqlite3.Row) -> bool:
        """This device is one of the cinema's devices in the cloud (its day can be pulled)."""
        config = self.deps.config
        return bool(config.cloud.enabled and config.cinema_id == cinema["id"])

    def _device_cinema(self) -> str:
        from kiosk.cloud.ledger_sync import device_cinema

        return device_cinema(self.deps.conn, self.deps.config.cinema_id)[0]

    # -- reading ---------------------------------------------------------------------------------
    def is_closed(self, day: date | str, cinema_id: str | None = None) -> bool:
        cinema = self._cinema(cinema_id)
        return self.deps.conn.execute(
            "SELECT 1 FROM business_days WHERE cinema_id = ? AND business_date = ?",
            (cinema["id"], self._day(day).isoformat())).fetchone() is not None

    def open_shifts(self, actor: Actor, day: date | str,
                    cinema_id: str | None = None) -> list[OpenShift]:
        """The shifts that keep ``day`` from closing (empty: it can be closed)."""
        self._require_manager(actor, "day_open_shifts")
        cinema = self._cinema(cinema_id)
        return self._open_shifts(self.deps.conn, cinema, self._day(day))

    def preview(self, actor: Actor, day: date | str, cinema_id: str | None = None) -> ZReport:
        """The day as it stands now (not frozen, not signed); the closed report once closed."""
        self._require_manager(actor, "day_preview")
        cinema = self._cinema(cinema_id)
        day = self._day(day)
        stored = self._stored(cinema, day)
        if stored is not None:
            return stored
        conn = self.deps.conn
        return ZReport(cinema_id=cinema["id"], cinema_name=cinema["name"],
                       business_date=day.isoformat(), currency=cinema["currency"],
                       timezone=cinema["timezone"],
                       totals=self._totals(actor, conn, cinema, day), closed=False,
                       open_shifts=tuple(self._open_shifts(conn, cinema, day)))

    def report(self, actor: Actor, day: date | str, cinema_id: str | None = None) -> ZReport:
        """The Z report of a closed day (frozen totals + adjustments), for reprint."""
        self._require_manager(actor, "day_report")
        cinema = self._cinema(cinema_id)
        day = self._day(day)
        stored = self._stored(cinema, day)
        if stored is None:
            raise NotFound(f"Business day {day} of {cinema['name']} is not closed yet: there is "
                           f"no Z report. Close it first (kiosk day close).")
        return stored

    def closed_days(self, actor: Actor, cinema_id: str | None = None,
                    limit: int = 30) -> list[tuple[str, str, str]]:
        """(business date, closed at UTC, closed by) of the latest closed days, newest first."""
        self._require_manager(actor, "day_list")
        cinema = self._cinema(cinema_id)
        return [tuple(r) for r in self.deps.conn.execute(
            "SELECT business_date, closed_at, closed_by_name FROM business_days "
            "WHERE cinema_id = ? ORDER BY business_date DESC LIMIT ?", (cinema["id"], limit))]

    # -- closing ---------------------------------------------------------------------------------
    def close(self, actor: Actor, day: date | str, cinema_id: str | None = None, *,
              this_device_only: bool = False) -> ZReport:
        """Freeze and sign ``day``'s totals. Refused (nothing written) while any shift of the
        day is open, when the day is already closed, or when it has not started.

        On a device of a shared cinema (cloud sync on, ``cinema_id`` set) the day must have been
        pulled (``ReportService.pull_day``), or the other devices' open shifts could not be
        checked; ``this_device_only`` closes on this device's rows anyway (the report says so).
        """
        day = self._day(day)
        cinema = self._cinema(cinema_id)
        target = f"{cinema['id']}:{day.isoformat()}"
        self._require_manager(actor, "day_close", target)
        now = self.deps.clock.now()
        if day > local(now, cinema["timezone"]).date():
            raise InvalidInput(f"Business day {day} has not started yet at {cinema['name']}: "
                               f"a day can be closed from its own date onwards.")
        staff = self.deps.conn.execute("SELECT staff_number, name FROM staff WHERE id = ?",
                                       (actor.staff_id,)).fetchone()
        with transaction(self.deps.conn) as conn:
            done = conn.execute(
                "SELECT closed_at, closed_by_name FROM business_days "
                "WHERE cinema_id = ? AND business_date = ?", (cinema["id"], day.isoformat())
            ).fetchone()
            if done is not None:
                raise InvalidInput(
                    f"Business day {day} was already closed at "
                    f"{local(from_iso(done[0]), cinema['timezone']):%d %b %Y %H:%M} by {done[1]}. "
                    f"Reprint its Z report, or add an adjustment to correct it.")
            if self._shared(cinema) and not this_device_only and conn.execute(
                    "SELECT 1 FROM ledger_days WHERE cinema_id = ? AND business_date = ?",
                    (cinema["id"], day.isoformat())).fetchone() is None:
                raise InvalidInput(
                    f"Business day {day} has not been pulled from the cloud, so the other "
                    f"devices' shifts cannot be checked. Pull the day first (Pull the day on "
                    f"the dashboard, or kiosk cloud pull-day), then close it.")
            shifts = self._open_shifts(conn, cinema, day)
            if shifts:
                raise DayNotReady(day.isoformat(), shifts)
            totals = self._totals(actor, conn, cinema, day)
            totals["audit_anchor"] = audit_anchor(conn)
            record = self._record(cinema, day, now, staff["staff_number"], actor.kiosk_id, totals)
            sig = signature(record)
            conn.execute(
                "INSERT INTO business_days (cinema_id, business_date, closed_at, closed_by, "
                "closed_by_number, closed_by_name, kiosk_id, currency, totals_json, signature) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (cinema["id"], day.isoformat(), to_iso(now), actor.staff_id,
                 staff["staff_number"], staff["name"], actor.kiosk_id, cinema["currency"],
                 json.dumps(totals, sort_keys=True), sig))
            t = totals["tickets"]
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="day_close",
                         staff_id=actor.staff_id, target=target,
                         detail={"signature": sig, "currency": cinema["currency"],
                                 "gross_minor": t["gross"], "net_sales_minor": t["net_sales"],
                                 "tickets": t["tickets"], "shifts": len(totals["shifts"])})
        self._publish(actor)
        return self._stored(cinema, day)  # type: ignore[return-value]

    def _publish(self, actor: Actor) -> None:
        """Share the close with the cinema's other devices. The close itself is committed: a
        refused or failed publish is reported (``last_publish_problem``), never undone; offline,
        the publisher queues it for the worker."""
        self.last_publish_problem = ""
        if self.publisher is None:
            return
        try:
            self.publisher.after_edit(self.deps.conn, actor.staff_number)
        except KioskError as err:
            self.last_publish_problem = (f"The day is closed here, but other devices were not "
                                         f"told yet: {err}")
            log.warning("[day close] publish: %s", err)

    def adjust(self, actor: Actor, day: date | str, amount_minor: int, reason: str,
               cinema_id: str | None = None) -> ZReport:
        """Correct a closed day: a new adjustment row (manager, reason, amount), audited. The
        frozen totals stay as they were; the reprint shows both."""
        day = self._day(day)
        cinema = self._cinema(cinema_id)
        target = f"{cinema['id']}:{day.isoformat()}"
        self._require_manager(actor, "day_adjust", target)
        if isinstance(amount_minor, bool) or not isinstance(amount_minor, int):
            raise InvalidInput("The adjustment must be a whole amount in paise/cents.")
        if amount_minor == 0:
            raise InvalidInput("An adjustment of zero changes nothing: give the amount.")
        if abs(amount_minor) > MAX_ADJUSTMENT_MINOR:
            raise InvalidInput(f"An adjustment of {format_money(amount_minor, cinema['currency'])}"
                               f" is too large to be a correction; check the amount.")
        reason = " ".join(str(reason or "").split())
        if not reason:
            raise InvalidInput("Say why the closed day is being corrected (the reason is "
                               "printed on the Z report).")
        if len(reason) > MAX_REASON or any(ord(c) < 32 for c in reason):
            raise InvalidInput(f"Keep the reason to one line of at most {MAX_REASON} characters.")
        now = self.deps.clock.now()
        number = self.deps.conn.execute("SELECT staff_number FROM staff WHERE id = ?",
                                        (actor.staff_id,)).fetchone()[0]
        with transaction(self.deps.conn) as conn:
            if conn.execute("SELECT 1 FROM business_days WHERE cinema_id = ? AND "
                            "business_date = ?", (cinema["id"], day.isoformat())).fetchone() is None:
                raise InvalidInput(f"Business day {day} is not closed: correct the sale, refund "
                                   f"or cash-up itself instead of adding an adjustment.")
            cur = conn.execute(
                "INSERT INTO business_day_adjustments (cinema_id, business_date, amount_minor, "
                "currency, reason, created_by, created_by_number, created_at, kiosk_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (cinema["id"], day.isoformat(), amount_minor, cinema["currency"], reason,
                 actor.staff_id, number, to_iso(now), actor.kiosk_id))
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="day_adjust",
                         staff_id=actor.staff_id, target=target,
                         detail={"adjustment_id": inserted_id(cur),
                                 "amount_minor": amount_minor, "currency": cinema["currency"],
                                 "reason": reason})
        return self._stored(cinema, day)  # type: ignore[return-value]

    # -- internals -------------------------------------------------------------------------------
    @staticmethod
    def _record(cinema: sqlite3.Row, day: date, closed_at: datetime | str, closed_by: str,
                kiosk_id: str, totals: dict[str, Any]) -> dict[str, Any]:
        """What the signature covers."""
        return close_record(
            cinema_id=cinema["id"], business_date=day.isoformat(),
            closed_at=closed_at if isinstance(closed_at, str) else to_iso(closed_at),
            closed_by_number=closed_by, kiosk_id=kiosk_id, currency=cinema["currency"],
            totals=totals)

    def _stored(self, cinema: sqlite3.Row, day: date) -> ZReport | None:
        conn = self.deps.conn
        row = conn.execute("SELECT * FROM business_days WHERE cinema_id = ? AND business_date = ?",
                           (cinema["id"], day.isoformat())).fetchone()
        if row is None:
            return None
        totals = json.loads(row["totals_json"])
        ok = signature(self._record(cinema, day, row["closed_at"], row["closed_by_number"],
                                    row["kiosk_id"], totals)) == row["signature"]
        adjustments = tuple(
            Adjustment(r["id"], r["amount_minor"], r["currency"], r["reason"],
                       r["created_by_number"], from_iso(r["created_at"]))
            for r in conn.execute(
                "SELECT * FROM business_day_adjustments WHERE cinema_id = ? AND "
                "business_date = ? ORDER BY id", (cinema["id"], day.isoformat())))
        return ZReport(cinema_id=cinema["id"], cinema_name=cinema["name"],
                       business_date=day.isoformat(), currency=row["currency"],
                       timezone=cinema["timezone"], totals=totals, closed=True,
                       closed_at=from_iso(row["closed_at"]),
                       closed_by_number=row["closed_by_number"],
                       closed_by_name=row["closed_by_name"], kiosk_id=row["kiosk_id"],
                       signature=row["signature"], signature_ok=ok, adjustments=adjustments)

    @staticmethod
    def _bounds(cinema: sqlite3.Row, day: date) -> tuple[str, str]:
        """[start, end) of the local calendar day in UTC ISO (as stored)."""
        zone = ZoneInfo(cinema["timezone"])
        start = datetime.combine(day, time(0), zone)
        end = datetime.combine(day + timedelta(days=1), time(0), zone)
        return to_iso(start), to_iso(end)

    _SHIFTS_SQL = """
        SELECT s.id, s.kiosk_id, s.opened_at, s.closed_at, s.float_minor, s.expected_minor,
               s.counted_minor, s.variance_minor, st.staff_number, st.name, 'local' AS origin,
               (EXISTS (SELECT 1 FROM bookings b JOIN shows sh ON sh.id = b.show_id
                          JOIN halls h ON h.id = sh.hall_id
                         WHERE b.shift_id = s.id AND b.business_date = :day
                           AND h.cinema_id = :cinema)
             OR EXISTS (SELECT 1 FROM refunds r JOIN bookings b ON b.id = r.booking_id
                          JOIN shows sh ON sh.id = b.show_id JOIN halls h ON h.id = sh.hall_id
                         WHERE r.shift_id = s.id AND r.business_date = :day
                           AND h.cinema_id = :cinema)) AS linked
          FROM shifts s LEFT JOIN staff st ON st.id = s.staff_id
         WHERE (:mine AND s.opened_at >= :before AND s.opened_at < :end)
            OR (:mine AND s.closed_at IS NULL AND s.opened_at < :end)
            OR linked
        UNION ALL
        SELECT ls.local_id, ls.kiosk_id, ls.opened_at, ls.closed_at, ls.float_minor,
               ls.expected_minor, ls.counted_minor, ls.variance_minor, ls.staff_number,
               COALESCE((SELECT st.name FROM staff st WHERE st.staff_number = ls.staff_number),
                        ls.staff_number), 'cloud', 1
          FROM ledger_shifts ls
         WHERE ls.cinema_id = :cinema
           AND (ls.business_date = :day OR (ls.closed_at IS NULL AND ls.business_date <= :day))
           AND NOT EXISTS (SELECT 1 FROM shifts s WHERE s.id = ls.local_id
                            AND s.kiosk_id = ls.kiosk_id)
         ORDER BY 3, 2
    """

    def _shift_rows(self, conn: sqlite3.Connection, cinema: sqlite3.Row,
                    day: date) -> list[sqlite3.Row]:
        """The shifts of ``day``: those whose sales or refunds fall on it; this device's shifts
        that belong to it (opened that day, rolled past the days closed when they opened:
        ``shift_business_date``, as the ledger dates them); any shift still open from before
        its end; and the pulled shifts of the cinema's other devices dated that day.

        Local shifts carry no cinema: they are this device's, so its cinema's."""
        _start, end = self._bounds(cinema, day)
        before, _ = self._bounds(cinema, day - timedelta(days=1))
        rows = conn.execute(self._SHIFTS_SQL, {
            "mine": int(self._device_cinema() == cinema["id"]), "before": before,
            "end": end, "day": day.isoformat(), "cinema": cinema["id"]}).fetchall()
        return [r for r in rows if r["origin"] == "cloud" or r["linked"]
                or (r["closed_at"] is None and r["opened_at"] < end)
                or shift_business_date(conn, cinema["id"], cinema["timezone"],
                                       r["opened_at"]) == day.isoformat()]

    def _open_shifts(self, conn: sqlite3.Connection, cinema: sqlite3.Row,
                     day: date) -> list[OpenShift]:
        zone = cinema["timezone"]
        return [OpenShift(r["staff_number"] or "?", r["name"] or "unknown", r["kiosk_id"],
                          f"{local(from_iso(r['opened_at']), zone):%Y-%m-%d %H:%M}")
                for r in self._shift_rows(conn, cinema, day) if r["closed_at"] is None]

    def _totals(self, actor: Actor, conn: sqlite3.Connection, cinema: sqlite3.Row,
                day: date) -> dict[str, Any]:
        """Everything the Z report freezes, as plain JSON values (money in minor units)."""
        from kiosk.services.reports import ReportService

        currency = cinema["currency"]
        sales = ReportService(self.deps).daily_sales(actor, day, day, cinema["id"])
        tot = sales.total(currency)
        discounts = conn.execute(
            "SELECT COALESCE(SUM(b.discount_minor), 0) FROM day_bookings b "
            "JOIN shows s ON s.id = b.show_id JOIN halls h ON h.id = s.hall_id "
            "WHERE b.business_date = ? AND h.cinema_id = ? AND b.currency = ?",
            (day.isoformat(), cinema["id"], currency)).fetchone()[0]
        tickets = {key: int(tot.get(key) or 0) for key, _label in TICKET_LINES if key != "discounts"}
        tickets["discounts"] = int(discounts)

        def measures(row: dict[str, Any]) -> dict[str, int]:
            return {k: int(row[k] or 0) for k in ("bookings", "tickets", "gross", "refunds",
                                                  "net_sales")}

        by_device = [{"kiosk_id": r["kiosk_id"], **measures(r)}
                     for r in sales.by_kiosk.as_dicts() if r["currency"] == currency]
        by_channel = [{"channel": r["channel"], **measures(r)}
                      for r in sales.by_channel.as_dicts() if r["currency"] == currency]
        zone = cinema["timezone"]
        shifts = []
        shift_rows = self._shift_rows(conn, cinema, day)
        for r in shift_rows:
            shifts.append({
                "origin": r["origin"], "shift_id": r["id"], "kiosk_id": r["kiosk_id"],
                "staff_number": r["staff_number"] or "?", "name": r["name"] or "unknown",
                "opened_at": f"{local(from_iso(r['opened_at']), zone):%H:%M}",
                "closed_at": (f"{local(from_iso(r['closed_at']), zone):%d %b %H:%M}"
                              if r["closed_at"] else ""),
                "float": int(r["float_minor"] or 0), "expected": int(r["expected_minor"] or 0),
                "counted": int(r["counted_minor"] or 0), "variance": int(r["variance_minor"] or 0)})
        cashiers: dict[str, dict[str, Any]] = {}
        for s in shifts:
            c = cashiers.setdefault(s["staff_number"], {
                "staff_number": s["staff_number"], "name": s["name"], "shifts": 0,
                "expected": 0, "counted": 0, "variance": 0})
            c["shifts"] += 1
            for k in ("expected", "counted", "variance"):
                c[k] += s[k]
        pulled = conn.execute("SELECT pulled_at FROM ledger_days WHERE cinema_id = ? AND "
                              "business_date = ?", (cinema["id"], day.isoformat())).fetchone()
        if pulled is not None:
            from kiosk.cloud.freshness import freshness

            sources = "Every device: " + freshness(conn, cinema["id"], day.isoformat(),
                                                   self.deps.clock.now()).text
        else:
            sources = "This device's own sales and shifts (the cinema's day was not pulled)"
        food = _food(conn, cinema["id"], day.isoformat(), currency,
                     int(tot.get("tickets") or 0))
        return {
            "version": TOTALS_VERSION,
            "currency": currency,
            "tickets": tickets,
            "food_and_drink": food,
            "food_and_drink_note": _food_note(food, currency),
            "gift_cards_note": _gift_cards_note(conn, cinema["id"], day.isoformat(), currency),
            "loyalty_note": _loyalty_note(conn, cinema["id"], day.isoformat(), currency),
            "tenders": _tenders(conn, cinema["id"], day.isoformat()),
            "refunds": {"count": int(tot.get("refund_count") or 0),
                        "amount": int(tot.get("refunds") or 0),
                        "pending_count": int(tot.get("pending_refund_count") or 0),
                        "pending_amount": int(tot.get("pending_refunds") or 0),
                        **_to_pay_out(conn, cinema["id"], day.isoformat())},
            "shifts": shifts,
            "cashiers": sorted(cashiers.values(), key=lambda c: c["staff_number"]),
            "tender_checks": _tender_checks(conn, shift_rows),
            "by_device": by_device,
            "by_channel": by_channel,
            "sources": sources,
        }

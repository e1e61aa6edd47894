"""The shift report: what a shift took per tender, the drawer count and the three checks.

One shape serves the cashier's preview before the close (built from what they counted, nothing
written), the printed slip after it (thermal and PDF, ``kiosk.tickets.cashup_slip``), its
reprint (``kiosk cashup slip``) and the manager's detail of a cash-up. Times stay UTC here;
``local`` turns them into the cinema's zone for whoever shows them. No Qt.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.domain.cash_count import (
    CHECKED_TENDERS,
    CashCount,
    CountLine,
    Denomination,
    TenderCheck,
    denominations,
)
from kiosk.domain.clock import from_iso
from kiosk.domain.errors import NotFound
from kiosk.services import money_controls
from kiosk.services.tenders import TenderTotal, shift_tenders


@dataclass(frozen=True)
class ShiftReport:
    """A shift's cash-up as shown, printed and reviewed (money in minor units of ``currency``).

    ``checks`` holds cash first, then card and UPI where a settlement total was given (a shift
    closed with a total only has no card or UPI check, and ``count`` is None)."""

    shift_id: int
    closed: bool
    cinema_name: str
    timezone: str
    staff_name: str
    staff_number: str
    kiosk_id: str
    currency: str
    opened_at: datetime
    closed_at: datetime | None
    float_minor: int
    sales: int  # ticket bookings sold on the shift
    item_sales: int  # food and drink sales
    tenders: tuple[TenderTotal, ...]
    checks: tuple[TenderCheck, ...]
    count: CashCount | None
    threshold_minor: int

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(ZoneInfo(self.timezone))

    def check(self, kind: str) -> TenderCheck | None:
        return next((c for c in self.checks if c.kind == kind), None)

    def expected(self, kind: str) -> int:
        """Net taken by ``kind`` (cash: the float plus net cash, what the drawer should hold)."""
        check = self.check(kind)
        if check is not None:
            return check.expected_minor
        return next((t.net_minor for t in self.tenders if t.kind == kind), 0)

    def flagged(self, kind: str) -> bool:
        check = self.check(kind)
        return check is not None and abs(check.variance_minor) > self.threshold_minor

    @property
    def any_flagged(self) -> bool:
        return any(self.flagged(c.kind) for c in self.checks)


def stored_count(conn: sqlite3.Connection, shift_id: int, currency: str) -> CashCount | None:
    """The denomination count written with the close (None: closed with a total only)."""
    rows = conn.execute("SELECT kind, value_minor, pieces FROM shift_cash_counts "
                        "WHERE shift_id = ?", (shift_id,)).fetchall()
    if not rows:
        return None
    # Read back as written, not checked against today's notes and coins: a denomination
    # withdrawn later must not make older shifts' reports unreadable.
    stored = {Denomination(r[0], int(r[1])): int(r[2]) for r in rows}
    lines = [CountLine(d, stored.pop(d, 0)) for d in denominations(currency)]
    lines += [CountLine(d, pieces) for d, pieces in sorted(stored.items(), reverse=True)]
    return CashCount(currency.upper(), tuple(lines))


def stored_checks(conn: sqlite3.Connection, shift_id: int) -> dict[str, tuple[int, int]]:
    """``{kind: (expected, declared)}`` for the card and UPI checks written with the close."""
    return {r[0]: (int(r[1]), int(r[2])) for r in conn.execute(
        "SELECT kind, expected_minor, declared_minor FROM shift_tender_checks "
        "WHERE shift_id = ?", (shift_id,))}


def _cinema(conn: sqlite3.Connection, cinema_id: str, timezone: str) -> str:
    row = conn.execute("SELECT name FROM cinemas WHERE id = ?", (cinema_id,)).fetchone()
    if row is None:
        row = conn.execute("SELECT name FROM cinemas WHERE timezone = ? ORDER BY name LIMIT 1",
                           (timezone,)).fetchone()
    return str(row[0]) if row else ""


def build(conn: sqlite3.Connection, shift: sqlite3.Row, *, cinema_id: str, timezone: str,
          expected_cash: int, count: CashCount | None,
          declared: dict[str, tuple[int, int]], closed: bool) -> ShiftReport:
    """The report of ``shift`` (a ``shifts`` row) with this count and card/UPI declarations."""
    currency = shift["currency"]
    staff = conn.execute("SELECT name, staff_number FROM staff WHERE id = ?",
                         (shift["staff_id"],)).fetchone()
    if staff is None:
        raise NotFound(f"There is no staff member for shift {shift['id']}.")
    tenders = shift_tenders(conn, shift["id"], currency)
    checks: list[TenderCheck] = []
    counted = count.total_minor if count is not None else shift["counted_minor"]
    if counted is not None:
        checks.append(TenderCheck("cash", expected_cash, int(counted)))
    for kind in CHECKED_TENDERS:
        if kind in declared:
            expected, given = declared[kind]
            checks.append(TenderCheck(kind, expected, given))
    sales = conn.execute("SELECT COUNT(*) FROM bookings WHERE shift_id = ?",
                         (shift["id"],)).fetchone()[0]
    items = conn.execute("SELECT COUNT(*) FROM item_sales WHERE shift_id = ?",
                         (shift["id"],)).fetchone()[0]
    return ShiftReport(
        shift_id=int(shift["id"]), closed=closed,
        cinema_name=_cinema(conn, cinema_id, timezone), timezone=timezone,
        staff_name=str(staff[0]), staff_number=str(staff[1]), kiosk_id=shift["kiosk_id"],
        currency=currency, opened_at=from_iso(shift["opened_at"]),
        closed_at=from_iso(shift["closed_at"]) if shift["closed_at"] else None,
        float_minor=int(shift["float_minor"]), sales=int(sales), item_sales=int(items),
        tenders=tenders, checks=tuple(checks), count=count,
        threshold_minor=money_controls.variance_threshold(conn, currency, cinema_id))


def ledger_count(conn: sqlite3.Connection, kiosk_id: str, local_id: int,
                 currency: str) -> CashCount | None:
    """Another device's drawer count, pulled with the day (None: closed with a total only, or
    by a device that did not send its count yet)."""
    rows = conn.execute("SELECT kind, value_minor, pieces FROM ledger_shift_cash_counts "
                        "WHERE kiosk_id = ? AND local_id = ?", (kiosk_id, local_id)).fetchall()
    if not rows:
        return None
    stored = {Denomination(r[0], int(r[1])): int(r[2]) for r in rows}
    lines = [CountLine(d, stored.pop(d, 0)) for d in denominations(currency)]
    lines += [CountLine(d, pieces) for d, pieces in sorted(stored.items(), reverse=True)]
    return CashCount(currency.upper(), tuple(lines))


def ledger_checks(conn: sqlite3.Connection, kiosk_id: str,
                  local_id: int) -> dict[str, tuple[int, int]]:
    """``{kind: (expected, declared)}`` of another device's card and UPI checks."""
    return {r[0]: (int(r[1]), int(r[2])) for r in conn.execute(
        "SELECT kind, expected_minor, declared_minor FROM ledger_shift_tender_checks "
        "WHERE kiosk_id = ? AND local_id = ?", (kiosk_id, local_id))}


def from_ledger(conn: sqlite3.Connection, shift: sqlite3.Row, *, cinema_id: str,
                timezone: str, staff_name: str) -> ShiftReport:
    """The report of another device's shift (a ``ledger_shifts`` row) as pulled with the day:
    its count and checks as that device closed it. What it took per tender is what the checks
    expected (net of refunds; cash: expected less the float); sales are the pulled ones of the
    same device and cashier while the shift was open. Its number is the one that device gave
    it (with ``kiosk_id``, what names it)."""
    currency = shift["currency"]
    key = (shift["kiosk_id"], int(shift["local_id"]))
    count = ledger_count(conn, *key, currency)
    declared = ledger_checks(conn, *key)
    checks: list[TenderCheck] = []
    tenders: list[TenderTotal] = []
    if shift["counted_minor"] is not None and shift["expected_minor"] is not None:
        checks.append(TenderCheck("cash", int(shift["expected_minor"]),
                                  int(shift["counted_minor"])))
        tenders.append(TenderTotal("cash", currency, int(shift["expected_minor"])
                                   - int(shift["float_minor"])))
    for kind in CHECKED_TENDERS:
        if kind in declared:
            checks.append(TenderCheck(kind, *declared[kind]))
            tenders.append(TenderTotal(kind, currency, declared[kind][0]))
    window = (shift["kiosk_id"], shift["staff_number"], shift["opened_at"],
              shift["closed_at"] or "9999")
    sales = conn.execute("SELECT COUNT(*) FROM ledger_bookings WHERE kiosk_id = ? AND "
                         "staff_number = ? AND created_at >= ? AND created_at < ?",
                         window).fetchone()[0]
    items = conn.execute("SELECT COUNT(*) FROM ledger_item_sales WHERE kiosk_id = ? AND "
                         "staff_number = ? AND created_at >= ? AND created_at < ?",
                         window).fetchone()[0]
    return ShiftReport(
        shift_id=int(shift["local_id"]), closed=shift["closed_at"] is not None,
        cinema_name=_cinema(conn, cinema_id, timezone), timezone=timezone,
        staff_name=staff_name, staff_number=str(shift["staff_number"] or ""),
        kiosk_id=shift["kiosk_id"], currency=currency, opened_at=from_iso(shift["opened_at"]),
        closed_at=from_iso(shift["closed_at"]) if shift["closed_at"] else None,
        float_minor=int(shift["float_minor"]), sales=int(sales), item_sales=int(items),
        tenders=tuple(t for t in tenders if t.net_minor), checks=tuple(checks), count=count,
        threshold_minor=money_controls.variance_threshold(conn, currency, cinema_id))


def net_by_kind(conn: sqlite3.Connection, shift_id: int, currency: str) -> dict[str, int]:
    """Net taken per tender kind on the shift (what card and UPI are checked against)."""
    return {t.kind: t.net_minor for t in shift_tenders(conn, shift_id, currency)}

"""Shifts: open with a float, close with counted cash; the variance is computed, not typed.

Expected cash = float + the CASH TENDERS taken on the shift's bookings (issue 11: not their card,
UPI or voucher tenders, nor tenders an exchange carried over, which moved no money) - the cash
parts of completed refunds the shift paid. A booking or refund without tender rows (written raw,
before migration 0011's backfill) counts by its method as before. So card money never counts
as cash in a drawer and expected cash cannot go negative from it. Variance = counted - expected;
a manager reviews large ones.

The close (issue 14 defect 9) takes the drawer counted by denomination and the card terminal's
batch and UPI settlement totals: the count, the card and UPI checks (each with its variance)
and the shift's close are written in ONE transaction, so a refused close (a negative or absurd
count, a settlement total that is no amount, no open shift) leaves the database as it was.
``preview`` builds the same report from the figures typed so far without writing anything, for
the cashier to read before confirming; ``report`` reads a shift's back (its slip, a reprint).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import datetime

from kiosk.domain.cash_count import check_declared, checked_tenders, count_cash
from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import InvalidInput, NotFound, PermissionDenied
from kiosk.services import audit, shift_report
from kiosk.services.auth import ensure_manager, ensure_staff, open_shift_id
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Role, Shift
from kiosk.services.shift_report import ShiftReport
from kiosk.store.db import inserted_id, transaction

DEFAULT_CURRENCY = "INR"


def _amount(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"The {what} must be a whole amount in paise/cents.")
    if value < 0:
        raise InvalidInput(f"The {what} cannot be negative.")
    return value


def _shift(row: sqlite3.Row) -> Shift:
    return Shift(
        shift_id=row["id"], staff_id=row["staff_id"], kiosk_id=row["kiosk_id"],
        currency=row["currency"], opened_at=from_iso(row["opened_at"]),
        float_minor=row["float_minor"],
        closed_at=from_iso(row["closed_at"]) if row["closed_at"] else None,
        expected_minor=row["expected_minor"], counted_minor=row["counted_minor"],
        variance_minor=row["variance_minor"],
    )


_EXPECTED_CASH_SQL = """
SELECT s.float_minor,
       (SELECT COALESCE(SUM(t.amount_minor), 0) FROM bookings b
          JOIN booking_tenders t ON t.booking_id = b.id
         WHERE b.shift_id = s.id AND t.kind = 'cash' AND t.carried_from IS NULL),
       (SELECT COALESCE(SUM(COALESCE(b.paid_minor, b.total_minor)), 0) FROM bookings b
         WHERE b.shift_id = s.id AND b.payment_method = 'cash'
           AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id)),
       (SELECT COALESCE(SUM(rt.amount_minor), 0) FROM refunds r
          JOIN refund_tenders rt ON rt.refund_id = r.id
         WHERE r.shift_id = s.id AND r.state = 'completed' AND rt.kind = 'cash'),
       (SELECT COALESCE(SUM(r.amount_minor), 0) FROM refunds r
         WHERE r.shift_id = s.id AND r.state = 'completed' AND r.method = 'cash'
           AND NOT EXISTS (SELECT 1 FROM refund_tenders rt WHERE rt.refund_id = r.id)),
       (SELECT COALESCE(SUM(t.amount_minor), 0) FROM item_sales i
          JOIN item_sale_tenders t ON t.sale_id = i.id
         WHERE i.shift_id = s.id AND t.kind = 'cash'),
       (SELECT COALESCE(SUM(rt.amount_minor), 0) FROM item_refunds r
          JOIN item_refund_tenders rt ON rt.refund_id = r.id
         WHERE r.shift_id = s.id AND rt.kind = 'cash'),
       (SELECT COALESCE(SUM(t.amount_minor), 0) FROM gift_card_loads l
          JOIN gift_card_load_tenders t ON t.load_id = l.id
         WHERE l.shift_id = s.id AND t.kind = 'cash')
  FROM shifts s WHERE s.id = ?
"""


def expected_cash(conn: sqlite3.Connection, shift_id: int) -> int:
    """Float + cash tenders taken on the shift (tickets, food and drink, gift cards sold) - cash
    refund tenders it paid."""
    row = conn.execute(_EXPECTED_CASH_SQL, (shift_id,)).fetchone()
    return (int(row[0]) + int(row[1]) + int(row[2]) - int(row[3]) - int(row[4])
            + int(row[5]) - int(row[6]) + int(row[7]))


class ShiftService:
    def __init__(self, deps: ServiceDeps):
        self.deps = deps

    def _currency(self) -> str:
        """The kiosk's cinema currency (setting ``cinema_id``), the only one in use, or the default."""
        conn = self.deps.conn
        row = conn.execute(
            "SELECT c.currency FROM settings s JOIN cinemas c ON c.id = s.value "
            "WHERE s.key = 'cinema_id'").fetchone()
        if row is not None:
            return str(row[0])
        currencies = [str(r[0]) for r in conn.execute("SELECT DISTINCT currency FROM cinemas")]
        if len(currencies) == 1:
            return currencies[0]
        return DEFAULT_CURRENCY  # the config names no currency: the cinema table does

    def _row(self, shift_id: int) -> sqlite3.Row:
        row: sqlite3.Row = self.deps.conn.execute("SELECT * FROM shifts WHERE id = ?",
                                                  (shift_id,)).fetchone()
        return row

    def open(self, actor: Actor, float_minor: int) -> Shift:
        ensure_staff(self.deps, actor, "shift_open")
        float_minor = _amount(float_minor, "float")
        now = self.deps.clock.now()
        currency = self._currency()
        with transaction(self.deps.conn) as conn:
            if open_shift_id(self.deps, actor.staff_id, actor.kiosk_id) is not None:
                raise InvalidInput("You already have a shift open on this kiosk. Close it first.")
            cur = conn.execute(
                "INSERT INTO shifts (staff_id, kiosk_id, currency, opened_at, float_minor) "
                "VALUES (?, ?, ?, ?, ?)",
                (actor.staff_id, actor.kiosk_id, currency, to_iso(now), float_minor))
            shift_id = inserted_id(cur)
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="shift_open",
                         staff_id=actor.staff_id, target=str(shift_id),
                         detail={"float_minor": float_minor, "currency": currency})
        return _shift(self._row(shift_id))

    def current(self, actor: Actor) -> Shift | None:
        shift_id = open_shift_id(self.deps, actor.staff_id, actor.kiosk_id)
        return None if shift_id is None else _shift(self._row(shift_id))

    def expected(self, actor: Actor) -> int:
        """Cash that should be in the drawer now (for the cash-up screen before counting)."""
        shift_id = open_shift_id(self.deps, actor.staff_id, actor.kiosk_id)
        if shift_id is None:
            raise InvalidInput("You have no open shift on this kiosk.")
        return expected_cash(self.deps.conn, shift_id)

    def close(self, actor: Actor, counted_minor: int | None = None, *,
              count: Mapping[str, object] | None = None, card_minor: int | None = None,
              upi_minor: int | None = None) -> Shift:
        """Close the actor's open shift with the cash counted and, at the counter, the card and
        UPI settlement totals read off the terminal and the UPI app.

        ``count`` is ``{denomination key: pieces}`` (``kiosk.domain.cash_count``); the counted
        cash is its total (``counted_minor`` may be given too and must agree). Tools that only
        know a total pass ``counted_minor`` alone. Everything is written in one transaction
        with the close, or nothing is."""
        ensure_staff(self.deps, actor, "shift_close")
        if count is None:
            counted_minor = _amount(counted_minor, "counted cash")
        elif counted_minor is not None:
            counted_minor = _amount(counted_minor, "counted cash")
        typed = {kind: value for kind, value in (("card", card_minor), ("upi", upi_minor))
                 if value is not None}
        now = self.deps.clock.now()
        with transaction(self.deps.conn) as conn:
            shift_id = open_shift_id(self.deps, actor.staff_id, actor.kiosk_id)
            if shift_id is None:
                raise InvalidInput("You have no open shift on this kiosk.")
            row = self._row(shift_id)
            declared = {kind: check_declared(kind, value, row["currency"])
                        for kind, value in typed.items()}
            cash = None
            if count is not None:
                cash = count_cash(row["currency"], count)
                if counted_minor is not None and counted_minor != cash.total_minor:
                    raise InvalidInput("The counted total does not match the notes and coins "
                                       "counted: count again.")
                counted_minor = cash.total_minor
            assert counted_minor is not None
            expected = expected_cash(conn, shift_id)
            variance = counted_minor - expected
            net = shift_report.net_by_kind(conn, shift_id, row["currency"])
            checks = {kind: (net.get(kind, 0), given) for kind, given in declared.items()}
            conn.execute(
                "UPDATE shifts SET closed_at = ?, expected_minor = ?, counted_minor = ?, "
                "variance_minor = ? WHERE id = ?",
                (to_iso(now), expected, counted_minor, variance, shift_id))
            if cash is not None:
                conn.executemany(
                    "INSERT INTO shift_cash_counts (shift_id, kind, value_minor, pieces) "
                    "VALUES (?, ?, ?, ?)",
                    [(shift_id, line.denomination.kind, line.denomination.value_minor,
                      line.pieces) for line in cash.lines if line.pieces])
            conn.executemany(
                "INSERT INTO shift_tender_checks (shift_id, kind, expected_minor, "
                "declared_minor, variance_minor) VALUES (?, ?, ?, ?, ?)",
                [(shift_id, kind, exp, given, given - exp)
                 for kind, (exp, given) in checks.items()])
            detail: dict[str, object] = {
                "expected_minor": expected, "counted_minor": counted_minor,
                "variance_minor": variance, "currency": row["currency"]}
            if cash is not None:
                detail["count"] = cash.as_mapping()
            for kind, (exp, given) in checks.items():
                detail[f"{kind}_expected_minor"] = exp
                detail[f"{kind}_declared_minor"] = given
                detail[f"{kind}_variance_minor"] = given - exp
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="shift_close",
                         staff_id=actor.staff_id, target=str(shift_id), detail=detail)
        return _shift(self._row(shift_id))

    # ---- the shift report -----------------------------------------------------------------
    def _where(self) -> tuple[str, str]:
        """(cinema id, time zone) of this device: the report's heading and its clock."""
        from kiosk.services.catalogue import CatalogueService

        cinema = self.deps.config.cinema_id or ""
        if not cinema:
            row = self.deps.conn.execute(
                "SELECT value FROM settings WHERE key = 'cinema_id'").fetchone()
            cinema = str(row[0]) if row and row[0] else ""
        return cinema, CatalogueService(self.deps).device_timezone()

    def preview(self, actor: Actor, count: Mapping[str, object], *,
                card_minor: int | None = None, upi_minor: int | None = None) -> ShiftReport:
        """The report the close would make from these figures, before confirming; writes
        nothing. The same refusals as ``close`` (a bad count is said here, not at the end)."""
        ensure_staff(self.deps, actor, "shift_preview")
        shift_id = open_shift_id(self.deps, actor.staff_id, actor.kiosk_id)
        if shift_id is None:
            raise InvalidInput("You have no open shift on this kiosk.")
        row = self._row(shift_id)
        cash = count_cash(row["currency"], count)
        net = shift_report.net_by_kind(self.deps.conn, shift_id, row["currency"])
        declared = {kind: (net.get(kind, 0), check_declared(kind, value, row["currency"]))
                    for kind, value in (("card", card_minor), ("upi", upi_minor))
                    if value is not None}
        cinema, zone = self._where()
        return shift_report.build(self.deps.conn, row, cinema_id=cinema, timezone=zone,
                                  expected_cash=expected_cash(self.deps.conn, shift_id),
                                  count=cash, declared=declared, closed=False)

    def expected_tenders(self, actor: Actor) -> dict[str, int]:
        """What the open shift should show: cash in the drawer, card and UPI net taken (no UPI
        key for a shift outside rupees: there is no UPI settlement to check)."""
        ensure_staff(self.deps, actor, "shift_preview")
        shift_id = open_shift_id(self.deps, actor.staff_id, actor.kiosk_id)
        if shift_id is None:
            raise InvalidInput("You have no open shift on this kiosk.")
        row = self._row(shift_id)
        net = shift_report.net_by_kind(self.deps.conn, shift_id, row["currency"])
        return {"cash": expected_cash(self.deps.conn, shift_id),
                **{kind: net.get(kind, 0) for kind in checked_tenders(row["currency"])}}

    def _readable(self, actor: Actor, shift_id: int, action: str) -> sqlite3.Row:
        """The shift's row, for its own cashier or a manager (any other is refused, audited)."""
        ensure_staff(self.deps, actor, action, str(shift_id))
        row = self._row(shift_id) if isinstance(shift_id, int) and shift_id > 0 else None
        if row is None:
            raise NotFound(f"There is no shift {shift_id} on this device.")
        if actor.role != Role.MANAGER and row["staff_id"] != actor.staff_id:
            audit.record_refusal(self.deps.conn, at=self.deps.clock.now(), actor=actor,
                                 action=action, target=str(shift_id),
                                 detail={"reason": "permission_denied"})
            raise PermissionDenied("Only a manager can see another cashier's cash-up.")
        return row

    def report(self, actor: Actor, shift_id: int) -> ShiftReport:
        """A shift's report as closed (its slip): the cashier's own shift, or any for a
        manager."""
        row = self._readable(actor, shift_id, "shift_report")
        currency = row["currency"]
        count = shift_report.stored_count(self.deps.conn, shift_id, currency)
        closed = row["closed_at"] is not None
        expected = row["expected_minor"] if closed else expected_cash(self.deps.conn, shift_id)
        cinema, zone = self._where()
        return shift_report.build(self.deps.conn, row, cinema_id=cinema, timezone=zone,
                                  expected_cash=int(expected), count=count,
                                  declared=shift_report.stored_checks(self.deps.conn, shift_id),
                                  closed=closed)

    # ---- the slip -----------------------------------------------------------------------------
    def slip_payload(self, actor: Actor, shift_id: int, *, reprint: bool = False) -> tuple[str, bytes]:
        """(printer address, ESC/POS job) of a shift's slip; sent by the caller off the
        database lock (``kiosk.tickets.escpos_out.send``), then ``slip_printed``."""
        from kiosk.tickets.cashup_slip import slip_bytes

        uri = self.deps.config.thermal_printer
        if not uri:
            raise InvalidInput("No slip printer is set up on this kiosk (thermal_printer in the "
                               "config). Save the slip as PDF instead.")
        return uri, slip_bytes(self.report(actor, shift_id), reprint=reprint)

    def slip_printed(self, actor: Actor, shift_id: int, device: str, *,
                     reprint: bool = False) -> None:
        """Audit a slip that went out (a reprint is a money document printed again)."""
        self._readable(actor, shift_id, "cashup_slip")
        with transaction(self.deps.conn) as conn:
            audit.record(conn, at=self.deps.clock.now(), kiosk_id=actor.kiosk_id,
                         action="cashup.reprint" if reprint else "cashup.slip",
                         staff_id=actor.staff_id, target=str(shift_id),
                         detail={"device": device})

    def list_shifts(self, actor: Actor, start: datetime | None = None,
                    end: datetime | None = None) -> list[Shift]:
        """Shifts opened in [start, end), newest first (manager only)."""
        ensure_manager(self.deps, actor, "shift_list")
        if any(t is not None and t.tzinfo is None for t in (start, end)):
            raise InvalidInput("Give the period as timezone-aware times.")
        rows = self.deps.conn.execute(
            "SELECT * FROM shifts WHERE (?1 IS NULL OR opened_at >= ?1) "
            "AND (?2 IS NULL OR opened_at < ?2) ORDER BY opened_at DESC, id DESC",
            (to_iso(start) if start else None, to_iso(end) if end else None)).fetchall()
        return [_shift(r) for r in rows]

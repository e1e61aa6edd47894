"""Cash-ups for managers: every shift's float, expected and counted cash, and the variance.

The variance is computed when the cashier closes the shift (``ShiftService.close``); here the
manager reviews it. A variance beyond the cinema's ``cash_variance_threshold_minor`` (in the
shift's currency, ``kiosk.services.money_controls``; either way) is
flagged so it cannot be missed, and approving or commenting is audited like any money decision.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime

from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import InvalidInput, NotFound
from kiosk.services import money_controls, shift_report
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor
from kiosk.services.remote_decisions import (
    DecisionSending,
    SentDecision,
    send_cashup_decision,
    sent_decision,
    sent_decisions,
)
from kiosk.services.shift_report import ShiftReport
from kiosk.services.staff_admin import audit_event, require_manager
from kiosk.services.tenders import TenderTotal, shift_tenders
from kiosk.store.db import transaction

MAX_COMMENT = 500


@dataclass(frozen=True)
class Cashup:
    shift_id: int
    staff_id: int
    staff_name: str
    staff_number: str
    kiosk_id: str
    currency: str
    opened_at: datetime
    closed_at: datetime | None
    float_minor: int
    expected_minor: int | None
    counted_minor: int | None
    variance_minor: int | None
    flagged: bool
    approved_by: int | None
    approved_by_name: str
    approved_at: datetime | None
    comment: str
    origin: str = "local"  # "cloud": another device's shift, pulled with the day (read only here)
    # Taken and given back per tender kind on this shift (issue 11); only cash is in the drawer.
    # Empty for another device's shift.
    tenders: tuple[TenderTotal, ...] = ()
    decision: str = ""  # another device's: what this console sent about it, and the answer
    sent: SentDecision | None = None  # the same as data, for a screen to word

    def tender(self, kind: str) -> TenderTotal:
        """One kind's line (zeros when the shift never took it)."""
        return next((t for t in self.tenders if t.kind == kind),
                    TenderTotal(kind, self.currency))

    @property
    def status(self) -> str:
        if self.closed_at is None:
            return "open"
        return "approved" if self.approved_by is not None else "to review"


_SELECT = """
SELECT s.*, st.name AS staff_name, st.staff_number AS staff_number,
       ap.name AS approver_name
FROM shifts s
JOIN staff st ON st.id = s.staff_id
LEFT JOIN staff ap ON ap.id = s.approved_by
"""

# Other devices' shifts pulled with the business day (kiosk.cloud.daypull), in _SELECT's shape:
# negative ids (they are not this database's shifts), staff matched by staff number.
_REMOTE_SELECT = """
SELECT -ls.rowid AS id, COALESCE(st.id, 0) AS staff_id, COALESCE(st.name, ls.staff_number, '')
       AS staff_name, COALESCE(ls.staff_number, '') AS staff_number, ls.kiosk_id, ls.currency,
       ls.opened_at, ls.closed_at, ls.float_minor, ls.expected_minor, ls.counted_minor,
       ls.variance_minor,
       CASE WHEN ls.approved_by IS NULL THEN NULL ELSE COALESCE(ap.id, 0) END AS approved_by,
       COALESCE(ap.name, ls.approved_by) AS approver_name, ls.approved_at, ls.comment,
       ls.kiosk_id AS origin_kiosk, ls.local_id AS origin_id
FROM ledger_shifts ls
LEFT JOIN staff st ON st.staff_number = ls.staff_number
LEFT JOIN staff ap ON ap.staff_number = ls.approved_by
WHERE NOT EXISTS (SELECT 1 FROM shifts s WHERE s.id = ls.local_id AND s.kiosk_id = ls.kiosk_id)
"""
_REMOTE_IN_RANGE = _REMOTE_SELECT + " AND ls.opened_at >= ? AND ls.opened_at < ?"
_REMOTE_ONE = _REMOTE_SELECT + " AND ls.rowid = ?"


class CashupService:
    def __init__(self, deps: ServiceDeps, decisions: DecisionSending | None = None):
        self.deps = deps
        self.decisions = decisions  # another device's cash-up is approved through the cloud

    @property
    def threshold_minor(self) -> int:
        """This device's cinema's variance threshold (0 when no cinema is known: flag all)."""
        found = money_controls.for_device(self.deps.conn, self.deps.config.cinema_id)
        return found.cash_variance_threshold_minor if found is not None else 0

    def threshold_for(self, currency: str) -> int:
        """The variance threshold for a shift counted in ``currency`` (money is per currency)."""
        return money_controls.variance_threshold(self.deps.conn, currency,
                                                 self.deps.config.cinema_id)

    def list_cashups(self, actor: Actor, start: datetime, end: datetime,
                     only_flagged: bool = False) -> list[Cashup]:
        """Shifts opened in [start, end) (aware datetimes), newest first."""
        require_manager(self.deps, actor, "cashup.list")
        rows = self.deps.conn.execute(
            _SELECT + " WHERE s.opened_at >= ? AND s.opened_at < ? ORDER BY s.opened_at DESC",
            (to_iso(start), to_iso(end)),
        ).fetchall()
        cashups = [self._cashup(r) for r in rows]
        remote = self.deps.conn.execute(_REMOTE_IN_RANGE, (to_iso(start), to_iso(end))).fetchall()
        if remote:  # every device's shifts on a console that pulled the day
            cashups = sorted([*cashups, *(self._remote(r) for r in remote)],
                             key=lambda c: c.opened_at, reverse=True)
        return [c for c in cashups if c.flagged] if only_flagged else cashups

    def get(self, actor: Actor, shift_id: int) -> Cashup:
        require_manager(self.deps, actor, "cashup.view", target=str(shift_id))
        if shift_id < 0:
            row = self.deps.conn.execute(_REMOTE_ONE, (-shift_id,)).fetchone()
            if row is None:
                raise NotFound(f"There is no shift {shift_id}.")
            return self._remote(row)
        return self._cashup(self._row(self.deps.conn, shift_id))

    def report(self, actor: Actor, shift_id: int) -> ShiftReport:
        """Another device's cash-up in detail (a negative listed id): its count by
        denomination and card / UPI checks as pulled with the day. This device's own shifts
        are read through ``ShiftService.report``."""
        require_manager(self.deps, actor, "cashup.view", target=str(shift_id))
        if not isinstance(shift_id, int) or shift_id >= 0:
            raise InvalidInput("This device's own shifts are read from the shift report.")
        row = self.deps.conn.execute(
            "SELECT ls.*, COALESCE(st.name, ls.staff_number, '') AS staff_name "
            "FROM ledger_shifts ls LEFT JOIN staff st ON st.staff_number = ls.staff_number "
            "WHERE ls.rowid = ?", (-shift_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no shift {shift_id}.")
        zone = self.deps.conn.execute("SELECT timezone FROM cinemas WHERE id = ?",
                                      (row["cinema_id"],)).fetchone()
        return shift_report.from_ledger(self.deps.conn, row, cinema_id=row["cinema_id"],
                                        timezone=str(zone[0]) if zone else "UTC",
                                        staff_name=str(row["staff_name"]))

    def tender_checks(self, actor: Actor, shift_ids: list[int]) -> dict[int, dict[str, int]]:
        """The card batch / UPI settlement variances each shift was closed with (issue 14
        defect 9; ``{shift id: {kind: variance}}``, shifts closed without them left out;
        another device's, a negative listed id, as pulled with the day)."""
        require_manager(self.deps, actor, "cashup.list")
        found: dict[int, dict[str, int]] = {}
        for listed in (i for i in shift_ids if isinstance(i, int) and i < 0):
            for kind, variance in self.deps.conn.execute(
                    "SELECT c.kind, c.variance_minor FROM ledger_shifts ls "
                    "JOIN ledger_shift_tender_checks c ON c.kiosk_id = ls.kiosk_id "
                    "AND c.local_id = ls.local_id WHERE ls.rowid = ?", (-listed,)):
                found.setdefault(listed, {})[kind] = int(variance)
        ids = [i for i in shift_ids if isinstance(i, int) and i > 0]
        for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for shift_id, kind, variance in self.deps.conn.execute(
                    f"SELECT shift_id, kind, variance_minor FROM shift_tender_checks "  # noqa: S608
                    f"WHERE shift_id IN ({marks})", chunk):
                found.setdefault(int(shift_id), {})[kind] = int(variance)
        return found

    def _remote(self, row: sqlite3.Row) -> Cashup:
        """Another device's shift, with what this console sent about it and the answer."""
        sent = sent_decisions(self.deps.conn).get(("cashup", row["origin_kiosk"],
                                                   int(row["origin_id"])))
        said = sent_decision(sent, self.deps.conn, self.deps.config)
        return replace(self._cashup(row), origin="cloud", sent=said,
                       decision=said.text if said is not None else "")

    def approve(self, actor: Actor, shift_id: int, comment: str = "") -> Cashup:
        """Sign off a closed shift's cash. A flagged variance needs a comment saying why.
        Another device's (a negative listed id) is sent to it through the cloud and approved
        there (``kiosk.services.remote_decisions``); the returned cash-up says so."""
        require_manager(self.deps, actor, "cashup.approve", target=str(shift_id))
        comment = self._clean(comment)
        if shift_id < 0:
            cashup = self.get(actor, shift_id)
            send_cashup_decision(self.deps, self.decisions, actor, shift_id, comment,
                                 cashup.flagged)
            return self.get(actor, shift_id)
        with transaction(self.deps.conn) as conn:
            cashup = self._cashup(self._row(conn, shift_id))
            if cashup.closed_at is None:
                raise InvalidInput("This shift is still open; it can be approved once it is closed.")
            if cashup.approved_by is not None:
                raise InvalidInput(f"This cash-up was already approved by {cashup.approved_by_name}.")
            if cashup.flagged and not comment:
                raise InvalidInput("The variance is over the limit: please add a comment explaining it.")
            merged = self._merge(cashup.comment, comment, actor)
            conn.execute(
                "UPDATE shifts SET approved_by = ?, approved_at = ?, comment = ? WHERE id = ?",
                (actor.staff_id, to_iso(self.deps.clock.now()), merged, shift_id),
            )
            audit_event(conn, self.deps, actor, "cashup.approve", target=str(shift_id),
                        detail={"variance_minor": cashup.variance_minor, "flagged": cashup.flagged,
                                "comment": comment})
            return self._cashup(self._row(conn, shift_id))

    def add_comment(self, actor: Actor, shift_id: int, comment: str) -> Cashup:
        require_manager(self.deps, actor, "cashup.comment", target=str(shift_id))
        comment = self._clean(comment)
        if not comment:
            raise InvalidInput("Please type a comment first.")
        with transaction(self.deps.conn) as conn:
            cashup = self._cashup(self._row(conn, shift_id))
            conn.execute("UPDATE shifts SET comment = ? WHERE id = ?",
                         (self._merge(cashup.comment, comment, actor), shift_id))
            audit_event(conn, self.deps, actor, "cashup.comment", target=str(shift_id),
                        detail={"comment": comment})
            return self._cashup(self._row(conn, shift_id))

    # ---- helpers -----------------------------------------------------------------------------
    @staticmethod
    def _clean(comment: str) -> str:
        comment = " ".join((comment or "").split())
        if len(comment) > MAX_COMMENT:
            raise InvalidInput(f"A comment can be at most {MAX_COMMENT} characters.")
        return comment

    @staticmethod
    def _merge(existing: str, comment: str, actor: Actor) -> str:
        if not comment:
            return existing
        line = f"{actor.name}: {comment}"
        return f"{existing}\n{line}" if existing else line

    @staticmethod
    def _row(conn: sqlite3.Connection, shift_id: int) -> sqlite3.Row:
        if shift_id < 0:
            raise InvalidInput("That cash-up is another device's: it can be approved from here, "
                               "not commented on; comment on the device whose drawer it counts.")
        row: sqlite3.Row | None = conn.execute(_SELECT + " WHERE s.id = ?", (shift_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no shift {shift_id}.")
        return row

    def _beyond_threshold(self, row: sqlite3.Row, variance: int | None) -> bool:
        """The drawer's variance or a card / UPI check's beyond the limit: a manager reviews it
        (the slip says REVIEW for the same checks, so the list must not miss them)."""
        threshold = self.threshold_for(row["currency"])
        if variance is not None and abs(variance) > threshold:
            return True
        if row["id"] < 0:  # another device's shift: its checks as pulled with the day
            return any(abs(int(check[0])) > threshold for check in self.deps.conn.execute(
                "SELECT c.variance_minor FROM ledger_shifts ls "
                "JOIN ledger_shift_tender_checks c ON c.kiosk_id = ls.kiosk_id "
                "AND c.local_id = ls.local_id WHERE ls.rowid = ?", (-row["id"],)))
        return any(abs(int(check[0])) > threshold for check in self.deps.conn.execute(
            "SELECT variance_minor FROM shift_tender_checks WHERE shift_id = ?", (row["id"],)))

    def _cashup(self, row: sqlite3.Row) -> Cashup:
        variance = row["variance_minor"]
        return Cashup(
            shift_id=row["id"], staff_id=row["staff_id"], staff_name=row["staff_name"],
            staff_number=row["staff_number"], kiosk_id=row["kiosk_id"], currency=row["currency"],
            opened_at=from_iso(row["opened_at"]),
            closed_at=from_iso(row["closed_at"]) if row["closed_at"] else None,
            float_minor=row["float_minor"], expected_minor=row["expected_minor"],
            counted_minor=row["counted_minor"], variance_minor=variance,
            flagged=self._beyond_threshold(row, variance),
            approved_by=row["approved_by"], approved_by_name=row["approver_name"] or "",
            approved_at=from_iso(row["approved_at"]) if row["approved_at"] else None,
            comment=row["comment"] or "",
            tenders=(shift_tenders(self.deps.conn, row["id"], row["currency"])
                     if row["id"] > 0 else ()),
        )

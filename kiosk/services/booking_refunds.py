"""Money back: refund (all or some seats), cancel (void), and a manager's approval of large refunds.

A refund goes back to the booking's own tenders (issue 11, ``kiosk.domain.tenders``): in the order
card -> UPI -> voucher -> cash (latest first within a kind), never more to a tender than it paid
minus what already went back to it, so card money never leaves the cash drawer and cash never
goes back to a card. The split is decided when the refund completes (``refund_tenders``);
``refunds.method`` names it (one kind, or ``split``). Limits (``kiosk.services.money_controls``,
the booking's cinema, in its currency): a cashier's refund waits for a manager, and frees nothing
until approved, when everything refunded on the booking (its exchange chain included, completed
and waiting refunds alike) would pass the cinema's per-booking limit, or everything the cashier
refunded in the shift would pass the per-shift limit; splitting a refund seat by seat cannot get
round either. Each refund writes the refund row, the freed seats, the booking's new state, the
audit row and the outbox ``refund`` row in one transaction.

The cashier's shift window (the per-shift limit; one definition, ``_REFUNDED_IN_SHIFT_WINDOW_SQL``)
is by TIME, never by business date (a Z close rolls business dates forward) nor by kiosk: it
starts when the cashier's open shift on ANY kiosk opened (the earliest, if several are open);
with none open, at the later of the end of their last closed shift and the start of today in
the cinema's zone. Every refund the cashier asked for since (``created_at``), on any kiosk,
with or without a shift, counts: completed (paid or to pay out) and waiting, not rejected.

Which drawer pays (issue 11 point 3): ``refunds.shift_id`` is the OPEN shift whose drawer paid.
A waiting refund has none; on approval it is paid from the approver's open shift on this kiosk,
else the requesting cashier's shift if still open, else it is "to pay out" (``payout_due``) until
someone pays it from their open shift (``pay_out``). A closed shift never gets a refund, so its
stored figures always match a recount.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.domain import refund_reasons
from kiosk.domain.clock import from_iso, local, to_iso
from kiosk.domain.errors import InvalidInput, NotFound, PaymentError, PermissionDenied
from kiosk.domain.ids import normalise_reference
from kiosk.domain.tenders import RefundPart, allocate_refund, summary_method
from kiosk.services import audit, outbox
from kiosk.services.auth import ensure_manager, ensure_staff, open_shift_id
from kiosk.services.booking_queries import BookingContext, codes_json, is_void
from kiosk.services.business_dates import move_refund_off_closed_day, refund_business_date
from kiosk.services.models import Actor, RefundPreview, RefundResult, Role
from kiosk.services.money_controls import for_booking
from kiosk.services.tenders import left_on, record_refund_tenders, tender_states
from kiosk.store.db import inserted_id, transaction

ACTIVE_STATES = ("confirmed", "partially_refunded")

# seat_sales is keyed by (show, seat) only: an index by booking would cost every confirm a page
# write, so a booking's sales are found through its lines (or the seats named) and that key.
_FREE_SEATS_SQL = (
    "DELETE FROM seat_sales WHERE show_id = ?1 AND booking_id = ?2 AND seat_code IN "
    "(SELECT seat_code FROM booking_seats WHERE booking_id = ?2)"
)
_FREE_NAMED_SEATS_SQL = (
    "DELETE FROM seat_sales WHERE show_id = ?1 AND booking_id = ?2 AND seat_code IN "
    "(SELECT value FROM json_each(?3))"
)


def free_seat_sales(conn: sqlite3.Connection, show_id: str, booking_id: str,
                    seats: list[str] | None = None) -> None:
    """Give the booking's sold seats (all, or those named) back to the show; caller's txn."""
    if seats is None:
        conn.execute(_FREE_SEATS_SQL, (show_id, booking_id))
    else:
        conn.execute(_FREE_NAMED_SEATS_SQL, (show_id, booking_id, codes_json(seats)))


def insert_refund(conn: sqlite3.Connection, *, booking_id: str, seats: list[str], amount: int,
                  tax: int, currency: str, method: str, reason: str, actor: Actor,
                  decided: bool, shift_id: int | None, timezone: str, now: datetime,
                  requested_shift_id: int | None = None) -> int:
    """One refunds row (completed when ``decided``, else waiting for a manager); returns its id.

    ``shift_id`` is the open shift paying it (kept only when decided); ``requested_shift_id``
    the requester's shift (default: ``shift_id``), whose drawer may pay it on approval (the
    per-shift limit counts by ``created_at``, not by it: see the module docstring)."""
    cur = conn.execute(
        "INSERT INTO refunds (booking_id, seats, amount_minor, tax_minor, currency, method, "
        "reason, state, requested_by, decided_by, shift_id, kiosk_id, created_at, "
        "business_date, decided_at, requested_shift_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (booking_id, codes_json(seats), amount, tax, currency, method, reason,
         "completed" if decided else "pending_approval", actor.staff_id,
         actor.staff_id if decided else None, shift_id if decided else None, actor.kiosk_id,
         to_iso(now), refund_business_date(conn, booking_id, timezone, now),
         to_iso(now) if decided else None,
         shift_id if requested_shift_id is None else requested_shift_id))
    return inserted_id(cur)


# Everything refunded (completed or waiting) on a booking and the bookings it was exchanged
# from: an exchange cannot reset the count. ?1 booking, ?2 a request to leave out.
_REFUNDED_ON_BOOKING_SQL = """
WITH RECURSIVE chain(id) AS (
    SELECT ?1
    UNION SELECT b.exchanged_from FROM bookings b JOIN chain ON b.id = chain.id
     WHERE b.exchanged_from IS NOT NULL)
SELECT COALESCE(SUM(amount_minor), 0) FROM refunds
 WHERE booking_id IN (SELECT id FROM chain)
   AND state IN ('completed', 'pending_approval') AND id IS NOT ?2
"""

# What the cashier asked back in their current shift window (see the module docstring), on any
# kiosk, in the limit's currency (a limit is an amount of one currency). :day_start is the start of today in the cinema's zone, as stored (UTC ISO); times
# compare as text (``to_iso``: one format). Uses refunds_by_requester (migration 0016).
_REFUNDED_IN_SHIFT_WINDOW_SQL = """
SELECT (SELECT COALESCE(SUM(amount_minor), 0) FROM refunds
         WHERE requested_by = :staff AND state IN ('completed', 'pending_approval')
           AND currency = :currency AND id IS NOT :ignore AND created_at >= w.since)
     + (SELECT COALESCE(SUM(amount_minor), 0) FROM item_refunds  -- food and drink too
         WHERE staff_id = :staff AND currency = :currency AND created_at >= w.since)
  FROM (SELECT COALESCE(
       (SELECT MIN(opened_at) FROM shifts WHERE staff_id = :staff AND closed_at IS NULL),
       MAX(:day_start, COALESCE((SELECT MAX(closed_at) FROM shifts WHERE staff_id = :staff),
                                ''))) AS since) w
"""


def day_start(now: datetime, timezone: str) -> str:
    """The start of ``now``'s calendar day in ``timezone``, stored form (UTC ISO)."""
    return to_iso(datetime.combine(local(now, timezone).date(), time(0), ZoneInfo(timezone)))


def needs_drawer(conn: sqlite3.Connection, refund_id: int, method: str) -> bool:
    """Whether a completed refund gives cash back (so an open drawer must pay it).

    By its tenders when it has any (migration 0011), else by the booking's method."""
    try:
        row = conn.execute("SELECT COUNT(*), COALESCE(SUM(kind = 'cash'), 0) FROM refund_tenders "
                           "WHERE refund_id = ?", (refund_id,)).fetchone()
    except sqlite3.OperationalError:  # no tender table in this schema
        row = (0, 0)
    if row[0]:
        return bool(row[1])
    return method == "cash"


def set_paying_shift(conn: sqlite3.Connection, refund_id: int, shift_id: int | None,
                     method: str) -> bool:
    """Record which open shift pays a completed refund; with none and cash to give back it is
    "to pay out". Returns True when it is to pay out."""
    due = shift_id is None and needs_drawer(conn, refund_id, method)
    conn.execute("UPDATE refunds SET shift_id = ?, payout_due = ? WHERE id = ?",
                 (shift_id, int(due), refund_id))
    return due


def tender_plan(conn: sqlite3.Connection, booking: sqlite3.Row, amount: int) -> list[RefundPart]:
    """Which of the booking's tenders ``amount`` goes back to (see the module docstring)."""
    return allocate_refund(amount, left_on(tender_states(conn, booking)))


def drawer_method(parts: list[RefundPart], method: str) -> str:
    """'cash' when any of the refund comes out of the drawer (so a shift must be open)."""
    if not parts:
        return method
    return "cash" if any(p.kind == "cash" for p in parts) else "card"


class RefundDesk:
    def __init__(self, ctx: BookingContext):
        self.ctx = ctx

    def refusal(self, actor: Actor, action: str, target: str, message: str,
                **detail: object) -> PermissionDenied:
        """Audit a refused action in its own transaction and return the error to raise."""
        audit.record_refusal(self.ctx.conn, at=self.ctx.now(), actor=actor, action=action,
                             target=target, detail={"reason": message, **detail})
        return PermissionDenied(message)

    def check_started_show(self, actor: Actor, reference: str, action: str) -> None:
        """After the show starts only a manager may give money back (checked before writing)."""
        row = self.ctx.conn.execute(
            "SELECT s.starts_at FROM bookings b JOIN shows s ON s.id = b.show_id "
            "WHERE b.reference = ?", (normalise_reference(str(reference or "")),)).fetchone()
        if row is not None and from_iso(row[0]) <= self.ctx.now() and actor.role != Role.MANAGER:
            raise self.refusal(actor, action, normalise_reference(str(reference)),
                               "The show has already started: only a manager can do this.")

    @staticmethod
    def plan(conn: sqlite3.Connection, booking: sqlite3.Row, seats: list[str] | None,
             ignore_request: int | None = None,
             allow_conflict: bool = False) -> tuple[list[sqlite3.Row], int, int]:
        """The booking lines to refund, with amount and tax; refuse anything not refundable."""
        allowed = (*ACTIVE_STATES, "conflict") if allow_conflict else ACTIVE_STATES
        if booking["state"] not in allowed:
            raise InvalidInput(f"Booking {booking['reference']} is {booking['state'].replace('_', ' ')}"
                               f": there is nothing left to refund.")
        lines = conn.execute(
            "SELECT seat_code, price_minor, tax_minor, refunded FROM booking_seats "
            "WHERE booking_id = ? ORDER BY rowid", (booking["id"],)).fetchall()
        by_code = {r["seat_code"]: r for r in lines}
        if seats is None:
            chosen = [r["seat_code"] for r in lines if not r["refunded"]]
        else:
            if isinstance(seats, str) or not isinstance(seats, (list, tuple, set, frozenset)):
                raise InvalidInput("Choose the seats to refund as a list of seat codes.")
            chosen = list(dict.fromkeys(str(c).strip() for c in seats if str(c).strip()))
            if not chosen:
                raise InvalidInput("Choose at least one seat to refund.")
            unknown = [c for c in chosen if c not in by_code]
            if unknown:
                raise InvalidInput(f"Seat {', '.join(unknown)} is not part of booking "
                                   f"{booking['reference']}.")
            done = [c for c in chosen if by_code[c]["refunded"]]
            if done:
                raise InvalidInput(f"Seat {', '.join(done)} has already been refunded.")
        if not chosen:
            raise InvalidInput(f"Every seat of booking {booking['reference']} is already refunded.")
        waiting: set[str] = set()
        for r in conn.execute("SELECT seats FROM refunds WHERE booking_id = ? AND "
                              "state = 'pending_approval' AND id IS NOT ?",
                              (booking["id"], ignore_request)):
            waiting |= set(json.loads(r[0]))
        clash = [c for c in chosen if c in waiting]
        if clash:
            raise InvalidInput(f"A refund of seat {', '.join(clash)} is already waiting for a "
                               f"manager's approval.")
        picked = [by_code[c] for c in chosen]
        return picked, sum(r["price_minor"] for r in picked), sum(r["tax_minor"] for r in picked)

    @staticmethod
    def _complete(conn: sqlite3.Connection, booking: sqlite3.Row, seats: list[str],
                  amount: int, refund_id: int, void: bool, now: datetime) -> None:
        """Free the seats and record the money in the caller's transaction; outbox ``refund``.

        The money goes back to the booking's tenders (``tender_plan``), recorded per tender."""
        parts = tender_plan(conn, booking, amount)
        kiosk_id = conn.execute("SELECT kiosk_id FROM refunds WHERE id = ?", (refund_id,)).fetchone()[0]
        record_refund_tenders(conn, refund_id, booking["id"], parts, now, kiosk_id)
        if parts:  # the split decided now (a request waited: other refunds may have come first)
            conn.execute("UPDATE refunds SET method = ?1 WHERE id = ?2 AND method != ?1",
                         (summary_method(p.kind for p in parts), refund_id))
        conn.execute(
            "UPDATE booking_seats SET refunded = 1 WHERE booking_id = ? AND seat_code IN "
            "(SELECT value FROM json_each(?))", (booking["id"], codes_json(seats)))
        free_seat_sales(conn, booking["show_id"], booking["id"], seats)
        left = conn.execute("SELECT COUNT(*) FROM booking_seats WHERE booking_id = ? AND "
                            "refunded = 0", (booking["id"],)).fetchone()[0]
        state = ("cancelled" if void else "refunded") if left == 0 else "partially_refunded"
        conn.execute(
            "UPDATE bookings SET refunded_minor = refunded_minor + ?, state = ?, "
            "sync_state = 'pending', updated_at = ? WHERE id = ?",
            (amount, state, to_iso(now), booking["id"]))
        outbox.enqueue(conn, kind="refund", booking_id=booking["id"], now=now, payload={
            "booking_id": booking["id"], "show_id": booking["show_id"], "seats": list(seats),
            "refund_id": refund_id})

    def refund_shift(self, actor: Actor, method: str) -> int | None:
        """Cash goes back out of the drawer of the shift giving it."""
        shift_id = open_shift_id(self.ctx.deps, actor.staff_id, actor.kiosk_id)
        if method == "cash" and shift_id is None and actor.role != Role.MANAGER:
            raise PaymentError("Open your shift before giving cash back.")
        return shift_id

    def over_limit(self, conn: sqlite3.Connection, actor: Actor, booking: sqlite3.Row,
                   amount: int, ignore_request: int | None = None) -> dict[str, object] | None:
        """Why a cashier giving ``amount`` back on ``booking`` needs a manager (None: within
        the limits, or a manager). Counts what was already refunded, so splitting cannot help."""
        if actor.role == Role.MANAGER:
            return None
        controls = for_booking(conn, booking["id"])
        before = int(conn.execute(_REFUNDED_ON_BOOKING_SQL,
                                  (booking["id"], ignore_request)).fetchone()[0])
        if before + amount > controls.cashier_refund_limit_minor:
            return {"limit": "booking", "limit_minor": controls.cashier_refund_limit_minor,
                    "refunded_before_minor": before, "currency": controls.currency}
        if controls.shift_refund_limit_minor is None:
            return None
        zone = self.ctx.show(booking["show_id"], conn).timezone
        in_shift = int(conn.execute(_REFUNDED_IN_SHIFT_WINDOW_SQL, {
            "staff": actor.staff_id, "ignore": ignore_request, "currency": controls.currency,
            "day_start": day_start(self.ctx.now(), zone)}).fetchone()[0])
        if in_shift + amount > controls.shift_refund_limit_minor:
            return {"limit": "shift", "limit_minor": controls.shift_refund_limit_minor,
                    "refunded_in_shift_minor": in_shift, "currency": controls.currency}
        return None

    def refund(self, actor: Actor, reference: str, seats: list[str] | None = None,
               reason: str = "", *,
               within: Callable[[sqlite3.Connection, RefundResult], None] | None = None,
               system: bool = False) -> RefundResult:
        """Refund all seats (``seats=None``) or some, to the original payment method.

        A cashier's refund past the cinema's per-booking or per-shift limit (see the module) is
        recorded as waiting for a manager and frees nothing until approved. A ``conflict`` booking (its sale lost the race
        in the cloud) can be refunded only in full and only by a manager. ``within(conn, result)``
        runs inside the refund's transaction, so a caller's own bookkeeping (e.g. marking the
        conflict resolved) commits with the refund or not at all.
        """
        ctx = self.ctx
        ensure_staff(ctx.deps, actor, "refund", str(reference))
        # before anything is written; the system codes (void, conflict, exchange) only from
        # the paths that mean them (cancel, the conflict queue), never typed by a caller
        reason = refund_reasons.required(reason, allow_system=system)
        self.check_started_show(actor, reference, "refund")
        now = ctx.now()
        void = is_void(reason)
        with transaction(ctx.conn) as conn:
            booking = ctx.booking_row(conn, reference)
            conflict = booking["state"] == "conflict"
            if conflict and (actor.role != Role.MANAGER or seats is not None):
                raise InvalidInput("A booking in conflict is refunded in full, by a manager, "
                                   "from the conflict queue.")
            picked, amount, tax = self.plan(conn, booking, seats, allow_conflict=conflict)
            codes = [r["seat_code"] for r in picked]
            parts = tender_plan(conn, booking, amount)  # which tenders get the money back
            method = summary_method(p.kind for p in parts) if parts else booking["payment_method"]
            shift_id = self.refund_shift(actor, drawer_method(parts, method))
            why = self.over_limit(conn, actor, booking, amount)
            over_limit = why is not None
            state = "pending_approval" if over_limit else "completed"
            info = ctx.show(booking["show_id"], conn)
            refund_id = insert_refund(
                conn, booking_id=booking["id"], seats=codes, amount=amount, tax=tax,
                currency=booking["currency"], method=method, reason=reason, actor=actor,
                decided=not over_limit, shift_id=shift_id, timezone=info.timezone, now=now)
            to_pay_out = False
            if not over_limit:
                self._complete(conn, booking, codes, amount, refund_id, void, now)
                to_pay_out = set_paying_shift(conn, refund_id, shift_id, method)
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id,
                         action="refund_requested" if over_limit else ("void" if void else "refund"),
                         staff_id=actor.staff_id, target=booking["reference"],
                         detail={"refund_id": refund_id, "seats": codes, "amount_minor": amount,
                                 "currency": booking["currency"],  # its words say the money
                                 "method": method, "reason": reason, "state": state,
                                 "shift_id": None if over_limit else shift_id,
                                 "to_pay_out": to_pay_out, **({"over": why} if why else {})})
            result = RefundResult(refund_id=refund_id, booking_reference=booking["reference"],
                                  seats=tuple(codes), amount_minor=amount,
                                  currency=booking["currency"], method=method, state=state,
                                  to_pay_out=to_pay_out,
                                  parts=() if over_limit else tuple(
                                      (p.kind, p.amount_minor) for p in parts))
            if within is not None:
                within(conn, result)
        return result

    def preview(self, actor: Actor, reference: str, seats: list[str] | None) -> RefundPreview:
        """What ``refund`` would give back, and to which tenders, without writing anything: the
        counter shows it before the cashier commits (issue 14)."""
        ctx = self.ctx
        ensure_staff(ctx.deps, actor, "refund.preview", str(reference))
        conn = ctx.conn
        booking = ctx.booking_row(conn, reference)
        started = conn.execute("SELECT starts_at FROM shows WHERE id = ?",
                               (booking["show_id"],)).fetchone()
        if started is not None and from_iso(started[0]) <= ctx.now() \
                and actor.role != Role.MANAGER:  # as refund() says it, without an audit row
            raise PermissionDenied("The show has already started: only a manager can do this.")
        if booking["state"] == "conflict" and (actor.role != Role.MANAGER or seats is not None):
            raise InvalidInput("A booking in conflict is refunded in full, by a manager, from "
                               "the conflict queue.")
        _picked, amount, _tax = self.plan(conn, booking, seats,
                                          allow_conflict=booking["state"] == "conflict")
        parts = tender_plan(conn, booking, amount)
        # refund() refuses cash back with no open shift: the preview says so before the tick
        method = summary_method(p.kind for p in parts) if parts else booking["payment_method"]
        self.refund_shift(actor, drawer_method(parts, method))
        return RefundPreview(amount, booking["currency"],
                             tuple((p.kind, p.amount_minor) for p in parts)
                             or ((booking["payment_method"], amount),),
                             self.over_limit(conn, actor, booking, amount) is not None)

    def cancel(self, actor: Actor, reference: str, reason: str = "") -> RefundResult:
        """Void the whole booking: a full refund with reason ``void`` (``reason`` its note)."""
        extra = " ".join(str(reason or "").split())[:refund_reasons.MAX_NOTE]
        return self.refund(actor, reference, None, f"void: {extra}" if extra else "void",
                           system=True)

    @staticmethod
    def _pending(conn: sqlite3.Connection, refund_id: int) -> sqlite3.Row:
        if refund_id < 0:  # listed from the pulled day (see pending_refunds)
            kiosk = conn.execute("SELECT kiosk_id FROM ledger_refunds WHERE rowid = ?",
                                 (-refund_id,)).fetchone()
            raise InvalidInput(f"That refund was asked for on {kiosk[0] if kiosk else 'another device'}"
                               ": approve or reject it there (its drawer pays it back).")
        row: sqlite3.Row | None = conn.execute(
            "SELECT * FROM refunds WHERE id = ?", (refund_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no refund request {refund_id}.")
        if row["state"] != "pending_approval":
            raise InvalidInput(f"Refund request {refund_id} was already {row['state'].replace('_', ' ')}.")
        return row

    def approve_refund(self, actor: Actor, refund_id: int) -> RefundResult:
        """A manager approves a cashier's large refund: now the seats are freed and money returned."""
        ctx = self.ctx
        ensure_manager(ctx.deps, actor, "refund_approve", str(refund_id))
        now = ctx.now()
        with transaction(ctx.conn) as conn:
            request = self._pending(conn, refund_id)
            booking = conn.execute("SELECT * FROM bookings WHERE id = ?",
                                   (request["booking_id"],)).fetchone()
            codes = json.loads(request["seats"])
            # Re-validate: the booking may have changed since the request was made.
            _picked, amount, _tax = self.plan(conn, booking, codes, ignore_request=refund_id)
            conn.execute("UPDATE refunds SET state = 'completed', decided_by = ?, decided_at = ?, "
                         "amount_minor = ? WHERE id = ?",
                         (actor.staff_id, to_iso(now), amount, refund_id))
            move_refund_off_closed_day(conn, refund_id, now)  # day closed since: pay on today's
            self._complete(conn, booking, codes, amount, refund_id, is_void(request["reason"]), now)
            shift_id = self.paying_shift(conn, actor, request)
            to_pay_out = set_paying_shift(conn, refund_id, shift_id, request["method"])
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="refund_approved",
                         staff_id=actor.staff_id, target=booking["reference"],
                         detail={"refund_id": refund_id, "seats": codes, "amount_minor": amount,
                                 "currency": request["currency"],
                                 "requested_by": request["requested_by"], "shift_id": shift_id,
                                 "to_pay_out": to_pay_out})
        return RefundResult(refund_id=refund_id, booking_reference=booking["reference"],
                            seats=tuple(codes), amount_minor=amount, currency=request["currency"],
                            method=request["method"], state="completed", to_pay_out=to_pay_out)

    def paying_shift(self, conn: sqlite3.Connection, approver: Actor,
                     request: sqlite3.Row) -> int | None:
        """The open shift an approved refund is paid from: the approver's on this kiosk, else
        the requester's if it is still open; None (to pay out) when neither is."""
        mine = open_shift_id(self.ctx.deps, approver.staff_id, approver.kiosk_id)
        if mine is not None:
            return mine
        if request["requested_shift_id"] is None:
            return None
        row = conn.execute("SELECT id FROM shifts WHERE id = ? AND closed_at IS NULL",
                           (request["requested_shift_id"],)).fetchone()
        return None if row is None else int(row[0])

    def pay_out(self, actor: Actor, refund_id: int) -> RefundResult:
        """Pay an approved refund that is "to pay out" from the actor's open shift (audited)."""
        ctx = self.ctx
        ensure_staff(ctx.deps, actor, "refund_pay_out", str(refund_id))
        now = ctx.now()
        with transaction(ctx.conn) as conn:
            row = conn.execute("SELECT r.*, b.reference FROM refunds r JOIN bookings b ON "
                               "b.id = r.booking_id WHERE r.id = ?", (refund_id,)).fetchone()
            if row is None:
                raise NotFound(f"There is no refund {refund_id}.")
            if row["state"] != "completed" or not row["payout_due"]:
                raise InvalidInput(f"Refund {refund_id} has nothing left to pay out.")
            shift_id = open_shift_id(ctx.deps, actor.staff_id, actor.kiosk_id)
            if shift_id is None:
                raise PaymentError("Open your shift before paying a refund out of the drawer.")
            conn.execute("UPDATE refunds SET shift_id = ?, payout_due = 0, paid_out_by = ?, "
                         "paid_out_at = ? WHERE id = ?",
                         (shift_id, actor.staff_id, to_iso(now), refund_id))
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="refund_paid_out",
                         staff_id=actor.staff_id, target=row["reference"],
                         detail={"refund_id": refund_id, "amount_minor": row["amount_minor"],
                                 "currency": row["currency"], "shift_id": shift_id})
        return RefundResult(refund_id=refund_id, booking_reference=row["reference"],
                            seats=tuple(json.loads(row["seats"])), amount_minor=row["amount_minor"],
                            currency=row["currency"], method=row["method"], state="completed",
                            to_pay_out=False)

    def to_pay_out(self, actor: Actor, reference: str | None = None) -> list[dict[str, Any]]:
        """Approved refunds no open drawer has paid yet (of one booking when ``reference``)."""
        ensure_staff(self.ctx.deps, actor, "refund_to_pay_out", str(reference or ""))
        rows = self.ctx.conn.execute(
            "SELECT r.id AS refund_id, b.reference, r.seats, r.amount_minor, r.currency, "
            "r.method, r.decided_at, r.requested_by, st.name AS requested_by_name "
            "FROM refunds r JOIN bookings b ON b.id = r.booking_id "
            "LEFT JOIN staff st ON st.id = r.requested_by "
            "WHERE r.payout_due = 1 AND r.state = 'completed' AND (?1 IS NULL OR b.reference = ?1) "
            "ORDER BY r.id",
            (normalise_reference(str(reference)) if reference else None,)).fetchall()
        return [{**dict(r), "seats": json.loads(r["seats"]),
                 "decided_at": from_iso(r["decided_at"]) if r["decided_at"] else None}
                for r in rows]

    def reject_refund(self, actor: Actor, refund_id: int, comment: str = "") -> RefundResult:
        """A manager turns a refund request down; the seats stay sold. The comment is audited."""
        ctx = self.ctx
        ensure_manager(ctx.deps, actor, "refund_reject", str(refund_id))
        now = ctx.now()
        comment = str(comment or "").strip()[:500]
        with transaction(ctx.conn) as conn:
            request = self._pending(conn, refund_id)
            reference = conn.execute("SELECT reference FROM bookings WHERE id = ?",
                                     (request["booking_id"],)).fetchone()[0]
            conn.execute("UPDATE refunds SET state = 'rejected', decided_by = ?, decided_at = ? "
                         "WHERE id = ?", (actor.staff_id, to_iso(now), refund_id))
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="refund_rejected",
                         staff_id=actor.staff_id, target=reference,
                         detail={"refund_id": refund_id, "comment": comment,
                                 "requested_by": request["requested_by"]})
        return RefundResult(refund_id=refund_id, booking_reference=reference,
                            seats=tuple(json.loads(request["seats"])),
                            amount_minor=request["amount_minor"], currency=request["currency"],
                            method=request["method"], state="rejected")

    def pending_refunds(self, actor: Actor) -> list[dict[str, Any]]:
        """Refund requests waiting for a manager, oldest first (manager only)."""
        ensure_manager(self.ctx.deps, actor, "refund_list")
        rows = self.ctx.conn.execute(
            "SELECT r.id, r.id AS local_id, r.booking_id, b.reference, b.show_id, f.title AS film_title, "
            "s.starts_at, r.seats, r.amount_minor, r.tax_minor, r.currency, r.method, r.reason, "
            "r.requested_by, st.name AS requested_by_name, st.staff_number AS requested_by_number, "
            "r.kiosk_id, r.created_at FROM refunds r JOIN bookings b ON b.id = r.booking_id "
            "JOIN shows s ON s.id = b.show_id JOIN films f ON f.id = s.film_id "
            "LEFT JOIN staff st ON st.id = r.requested_by "
            "WHERE r.state = 'pending_approval' ORDER BY r.id").fetchall()
        # Other devices' requests, pulled with the business day (kiosk.cloud.daypull): listed
        # so the manager sees every waiting customer; decided on the device whose drawer pays.
        remote = self.ctx.conn.execute(
            "SELECT -lr.rowid AS id, lr.local_id, lr.booking_id, COALESCE(lb.reference, '') AS reference, "
            "lb.show_id, COALESCE(f.title, '') AS film_title, s.starts_at, lr.seats, "
            "lr.amount_minor, lr.tax_minor, lr.currency, lr.method, lr.reason, st.id AS "
            "requested_by, COALESCE(st.name, '') AS requested_by_name, lr.requested_by AS "
            "requested_by_number, lr.kiosk_id, lr.created_at FROM ledger_refunds lr "
            "LEFT JOIN ledger_bookings lb ON lb.id = lr.booking_id "
            "LEFT JOIN shows s ON s.id = lb.show_id LEFT JOIN films f ON f.id = s.film_id "
            "LEFT JOIN staff st ON st.staff_number = lr.requested_by "
            "WHERE lr.state = 'pending_approval' AND NOT EXISTS (SELECT 1 FROM refunds r "
            "WHERE r.id = lr.local_id AND r.kiosk_id = lr.kiosk_id) ORDER BY lr.created_at"
        ).fetchall()
        return [{**dict(r), "refund_id": r["id"], "seats": json.loads(r["seats"]),
                 "starts_at": from_iso(r["starts_at"]) if r["starts_at"] else None,
                 "created_at": from_iso(r["created_at"]),
                 "origin": "cloud" if r["id"] < 0 else "local"}
                for r in (*rows, *remote)]

"""Deciding another device's refund request or cash-up from the office, and applying it there.

The manager console lists every device's waiting requests (pulled with the day). Approving one
of another device's does not touch this database's copy: ``send_refund_decision`` /
``send_cashup_decision`` check what can be checked here (a manager, still waiting, a comment where
one is needed) and write ONE decision to the cloud (``kiosk.cloud.decisions``); the device it is
for applies it with ``DecisionApplier`` at its next sync, through the same service calls a
manager at its own screen would make (``approve_refund`` re-reads the manager's staff row and
re-validates the booking; the refund is paid from that device's drawer), and answers
"applied" or "refused: why", which the office reads at its next "Pull the day".

The cloud package does not import services (DESIGN section 1), so the sync engine is handed the
applier's ``tick`` by whoever starts it (the app's sync thread, ``kiosk sync``).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

from kiosk.config import Config
from kiosk.domain.clock import Clock, from_iso, to_iso
from kiosk.domain.errors import InvalidInput, KioskError, NotFound
from kiosk.services import audit
from kiosk.services.auth import ensure_manager
from kiosk.services.deps import ServiceDeps
from kiosk.services.gate import SeatGate
from kiosk.services.models import Actor, RefundResult, Role
from kiosk.store.db import transaction

if TYPE_CHECKING:  # the cloud modules pull in boto3: imported where used, not at start-up
    from kiosk.cloud.decisions import Decision

log = logging.getLogger(__name__)
UNREACHABLE = ("The cloud cannot be reached, so the decision was not sent and nothing changed. "
               "Try again when the sync line says Online.")
NOT_CONNECTED = ("this console is not connected to the cinema's cloud, so decide it on that "
                 "device.")


class DecisionSending(Protocol):
    """``kiosk.cloud.decisions.DecisionSender``, as the services see it."""

    def send(self, decision: Decision) -> Decision: ...


def _local_time(conn: sqlite3.Connection, config: Config, iso: str) -> str:
    from kiosk.cloud.ledger_sync import device_cinema

    zone = device_cinema(conn, config.cinema_id)[1]
    try:
        return from_iso(iso).astimezone(ZoneInfo(zone)).strftime("%H:%M")
    except (ValueError, KeyError):
        return iso


def _send(deps: ServiceDeps, sender: DecisionSending | None, actor: Actor, decision: Decision,
          what: str, target: str) -> Decision:
    """Send one decision and remember it; every refusal leaves this database as it was."""
    from kiosk.cloud.decisions import DecisionTaken, remember_sent
    from kiosk.cloud.errors import CloudError, CloudUnavailable

    conn = deps.conn
    if sender is None:
        raise InvalidInput(f"That {what} is {decision.kiosk_id}'s: {NOT_CONNECTED}")
    try:
        sent = sender.send(decision)
    except DecisionTaken as taken:  # nothing is written here: the next pull brings it
        first = taken.decision
        verb = "approved" if first.decision == "approve" else "rejected"
        then = (f"{first.kiosk_id} has applied it" if first.outcome == "applied"
                else f"{first.kiosk_id} applies it at its next sync")
        raise InvalidInput(
            f"{first.by_name or first.by} already {verb} this {what} at "
            f"{_local_time(conn, deps.config, first.at)}; {then}.") from None
    except (CloudUnavailable, CloudError):
        raise InvalidInput(UNREACHABLE) from None
    with transaction(conn):
        remember_sent(conn, sent)
        audit.record(conn, at=deps.clock.now(), kiosk_id=actor.kiosk_id,
                     action=f"{decision.kind}_{decision.decision}_sent", staff_id=actor.staff_id,
                     target=target, detail={"kiosk": sent.kiosk_id, "local_id": sent.local_id,
                                            "attempt": sent.attempt, "comment": sent.comment})
    return sent


def _new(deps: ServiceDeps, actor: Actor, kind: str, kiosk_id: str, local_id: int,
         decision: str, comment: str) -> Decision:
    from kiosk.cloud.decisions import Decision

    return Decision(kind=kind, kiosk_id=kiosk_id, local_id=int(local_id), decision=decision,
                    by=actor.staff_number, by_name=actor.name, by_kiosk=deps.config.kiosk_id,
                    at=to_iso(deps.clock.now()), comment=comment)


def _waiting_elsewhere(deps: ServiceDeps, kind: str, kiosk_id: str, local_id: int) -> None:
    """A decision this console already sent that the device has not answered is not sent
    twice (the cloud would refuse it anyway; this says so without a round trip)."""
    row = deps.conn.execute(
        "SELECT decision, decided_by_name, decided_at FROM decisions_sent WHERE kind = ? AND "
        "kiosk_id = ? AND local_id = ? AND outcome = ''", (kind, kiosk_id, local_id)).fetchone()
    if row is not None:
        verb = "approval" if row["decision"] == "approve" else "rejection"
        raise InvalidInput(f"{row['decided_by_name']}'s {verb} was sent at "
                           f"{_local_time(deps.conn, deps.config, row['decided_at'])}; "
                           f"{kiosk_id} applies it at its next sync.")


def send_refund_decision(deps: ServiceDeps, sender: DecisionSending | None, actor: Actor,
                         listed_id: int, decision: str, comment: str = "") -> RefundResult:
    """Approve or reject another device's refund request (``listed_id`` < 0, as listed by
    ``pending_refunds``). Returns state ``approval_sent`` / ``rejection_sent``."""
    ensure_manager(deps, actor, f"refund_{decision}", str(listed_id))
    comment = " ".join(str(comment or "").split())[:500]
    row = deps.conn.execute(
        "SELECT lr.*, COALESCE(lb.reference, '') AS reference FROM ledger_refunds lr "
        "LEFT JOIN ledger_bookings lb ON lb.id = lr.booking_id WHERE lr.rowid = ?",
        (-listed_id,)).fetchone()
    if row is None:
        raise NotFound(f"There is no refund request {listed_id}.")
    if row["state"] != "pending_approval":
        raise InvalidInput(f"That refund was already {row['state'].replace('_', ' ')} on "
                           f"{row['kiosk_id']}.")
    if row["kiosk_id"] == deps.config.kiosk_id:
        raise InvalidInput("That request is this device's own, but its database no longer has "
                           "it (restored from a backup?): ask the cloud administrator.")
    if decision == "reject" and not comment:
        raise InvalidInput("Please type why the refund is rejected; the cashier will see it.")
    _waiting_elsewhere(deps, "refund", row["kiosk_id"], row["local_id"])
    sent = _send(deps, sender, actor, _new(deps, actor, "refund", row["kiosk_id"],
                                           row["local_id"], decision, comment),
                 "refund request", row["reference"])
    return RefundResult(refund_id=listed_id, booking_reference=row["reference"],
                        seats=tuple(json.loads(row["seats"])), amount_minor=row["amount_minor"],
                        currency=row["currency"], method=row["method"],
                        state="approval_sent" if sent.decision == "approve" else "rejection_sent")


def send_cashup_decision(deps: ServiceDeps, sender: DecisionSending | None, actor: Actor,
                         listed_id: int, comment: str, flagged: bool) -> Decision:
    """Approve another device's closed cash-up (``listed_id`` < 0, as ``list_cashups`` lists
    it). A flagged variance needs a comment, as at the device itself."""
    ensure_manager(deps, actor, "cashup.approve", str(listed_id))
    row = deps.conn.execute("SELECT * FROM ledger_shifts WHERE rowid = ?",
                            (-listed_id,)).fetchone()
    if row is None:
        raise NotFound(f"There is no shift {listed_id}.")
    if row["closed_at"] is None:
        raise InvalidInput("This shift is still open; it can be approved once it is closed.")
    if row["approved_by"] is not None:
        raise InvalidInput(f"This cash-up was already approved by {row['approved_by']}.")
    if flagged and not comment:
        raise InvalidInput("The variance is over the limit: please add a comment explaining it.")
    _waiting_elsewhere(deps, "cashup", row["kiosk_id"], row["local_id"])
    return _send(deps, sender, actor, _new(deps, actor, "cashup", row["kiosk_id"],
                                           row["local_id"], "approve", comment),
                 "cash-up", f"{row['kiosk_id']}#{row['local_id']}")


def sent_decisions(conn: sqlite3.Connection) -> dict[tuple[str, str, int], sqlite3.Row]:
    """What this console sent (and what each device answered), by (kind, kiosk, local id)."""
    return {(r["kind"], r["kiosk_id"], int(r["local_id"])): r
            for r in conn.execute("SELECT * FROM decisions_sent")}


@dataclass(frozen=True)
class SentDecision:
    """What this console sent about another device's request and what that device answered,
    as data for a screen to word in its language (``text``: the English line)."""

    decision: str  # approve | reject
    outcome: str  # applied | refused | "" (not applied yet)
    by: str  # the manager's name (or staff number)
    at: datetime | None  # when it was decided (UTC)
    kiosk_id: str
    note: str  # the device's reason for a refusal
    text: str


def sent_decision(row: sqlite3.Row | None, conn: sqlite3.Connection,
                  config: Config) -> SentDecision | None:
    """The decision sent for a listed request (None: nothing sent from here)."""
    if row is None:
        return None
    try:
        at: datetime | None = from_iso(row["decided_at"])
    except (TypeError, ValueError):
        at = None
    return SentDecision(str(row["decision"]), str(row["outcome"] or ""),
                        str(row["decided_by_name"] or row["decided_by"]), at,
                        str(row["kiosk_id"]), str(row["outcome_note"] or ""),
                        describe_sent(row, conn, config))


def describe_sent(row: sqlite3.Row | None, conn: sqlite3.Connection, config: Config) -> str:
    """One line for a listed request: what was sent and what the device said, or ""."""
    if row is None:
        return ""
    verb = "Approval" if row["decision"] == "approve" else "Rejection"
    at = _local_time(conn, config, row["decided_at"])
    who = row["decided_by_name"] or row["decided_by"]
    if row["outcome"] == "refused":
        return f"{row['kiosk_id']} refused {who}'s {verb.lower()}: {row['outcome_note']}"
    if row["outcome"] == "applied":
        return f"{verb} by {who} applied"
    return f"{verb} sent {at} by {who}, not applied yet"


# -- the device's side ----------------------------------------------------------------------------
def apply_decision(services: Any, d: Decision) -> tuple[str, str]:
    """Act on one decision through the service layer: ("applied", "") or ("refused", why).
    ``services`` is a ``kiosk.services.app.Services`` over this device's database."""
    conn = services.deps.conn
    staff = conn.execute("SELECT id, staff_number, name, role FROM staff WHERE staff_number = ?",
                         (d.by,)).fetchone()
    if staff is None:
        return "refused", (f"staff number {d.by} is not in this device's staff directory yet; "
                           "decide again once it has pulled the directory")
    try:
        role = Role(staff["role"])
    except ValueError:
        return "refused", f"staff number {d.by} has no role this version knows"
    actor = Actor(staff_id=int(staff["id"]), staff_number=str(staff["staff_number"]),
                  name=str(staff["name"]), role=role, kiosk_id=services.config.kiosk_id)
    try:
        if d.kind == "refund" and d.decision == "approve":
            services.booking.approve_refund(actor, d.local_id)
        elif d.kind == "refund":
            services.booking.reject_refund(actor, d.local_id, d.comment)
        elif d.decision == "approve":
            services.cashups.approve(actor, d.local_id, d.comment)
        else:
            return "refused", "a cash-up is approved, never rejected"
    except KioskError as err:
        if _already_so(conn, d):  # applied before a crash, and seen again: not a refusal
            return "applied", ""
        return "refused", str(err)
    return "applied", ""


def _already_so(conn: sqlite3.Connection, d: Decision) -> bool:
    if d.kind == "refund":
        row = conn.execute("SELECT r.state, st.staff_number FROM refunds r LEFT JOIN staff st "
                           "ON st.id = r.decided_by WHERE r.id = ?", (d.local_id,)).fetchone()
        wanted = "completed" if d.decision == "approve" else "rejected"
        return row is not None and row["state"] == wanted and row["staff_number"] == d.by
    row = conn.execute("SELECT st.staff_number FROM shifts s JOIN staff st ON "
                       "st.id = s.approved_by WHERE s.id = ?", (d.local_id,)).fetchone()
    return row is not None and row["staff_number"] == d.by


class DecisionApplier:
    """Applies the decisions sent to this device; ``tick`` is called by the sync engine.
    Opens its own services over the device's database the first time a decision arrives."""

    def __init__(self, config: Config, context: Any, clock: Clock | None = None,
                 interval_s: float | None = None):
        self.config = config
        self.context = context
        from kiosk.cloud.decisions import DecisionInbox

        self.clock = clock or Clock()
        self.inbox = DecisionInbox(context, config.cinema_id, config.kiosk_id)
        self.interval_s = config.cloud.catalogue_interval_s if interval_s is None else interval_s
        self._services: Any = None
        self._gate: Any = None
        self._next = 0.0

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._gate.close()
            self._services = None

    def services(self) -> Any:
        if self._services is None:
            from kiosk.cloud.gate import CloudGate
            from kiosk.services.app import open_services

            self._gate = CloudGate(self.config, context=self.context, clock=self.clock)
            self._services = open_services(self.config, self.clock, gate=self._gate)
        return self._services

    def tick(self, mono: float | None = None) -> list[tuple[Decision, str, str]]:
        """Apply what is waiting (at most every ``interval_s``); returns what was done.
        Cloud trouble raises ``CloudUnavailable`` / ``CloudError``: the decisions wait."""
        mono = time.monotonic() if mono is None else mono
        if mono < self._next:
            return []
        self._next = mono + self.interval_s
        done = []
        for decision in self.inbox.waiting():
            outcome, note = self.apply(decision)
            self.inbox.report(decision, outcome, note, self.clock.now())
            done.append((decision, outcome, note))
        return done

    def apply(self, d: Decision) -> tuple[str, str]:
        """Apply once: a decision seen again (its answer never reached the cloud) is answered
        from what was recorded, not applied twice."""
        from kiosk.cloud.decisions import already_applied, remember_applied

        svc = self.services()
        conn = svc.deps.conn
        seen = already_applied(conn, d)
        if seen is not None:
            return str(seen["outcome"]), str(seen["note"])
        outcome, note = apply_decision(svc, d)
        now: datetime = self.clock.now()
        with transaction(conn):
            remember_applied(conn, d, outcome, note, now)
            audit.record(conn, at=now, kiosk_id=self.config.kiosk_id,
                         action=f"remote_{d.kind}_decision", ok=outcome == "applied",
                         target=str(d.local_id),
                         detail={"decision": d.decision, "by": d.by, "by_kiosk": d.by_kiosk,
                                 "at": d.at, "attempt": d.attempt, "outcome": outcome,
                                 "note": note})
        log.info("decision %s %s %s from %s: %s %s", d.kind, d.local_id, d.decision, d.by_kiosk,
                 outcome, note)
        return outcome, note


def applier_for(config: Config, context: Any, clock: Clock | None = None
                ) -> DecisionApplier | None:
    """The decision applier of a device in a shared cinema (None without cloud or cinema)."""
    if not (config.cloud.enabled and config.cinema_id):
        return None
    return DecisionApplier(config, context, clock)


def sender_for(config: Config, gate: SeatGate, clock: Clock) -> DecisionSending | None:
    """The office's decision sender, with cloud sync on and a ``cinema_id`` (else None)."""
    context = gate.context if config.cloud.enabled and config.cinema_id else None
    if context is None:
        return None
    from kiosk.cloud.decisions import DecisionSender

    return DecisionSender(context, config.cinema_id, clock)

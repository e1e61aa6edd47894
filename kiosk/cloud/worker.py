"""The outbox worker: pushes confirmed sales, refunds and notifications to the cloud.

All state lives in SQLite (the ``outbox`` rows), so the worker survives restarts and crashes:

* A booking's rows drain strictly in id order; a later row waits while an earlier one backs off.
* A row is leased (``next_attempt_at`` pushed ``lease_s`` ahead) just before its network call, so
  a second worker on the same file skips it and a killed worker's row comes back after the lease.
* Every cloud write is idempotent through its conditions, so "sent but not marked done" (a crash
  or a lost response between the two) is replayed without effect: exactly once in effect (I2).
* Failures back off exponentially with jitter. An outage stops the batch (no hammering); when
  the cloud answers again, rows that were waiting only because of the outage are pulled forward.
* A row the cloud keeps refusing (not an outage: an outage never counts) is retried at most
  ``MAX_FAILURES`` times, then dead-lettered (``dead_at``, ``dead_reason``) for a manager; a row
  whose payload cannot be read is dead-lettered at once, since no retry can fix it. A dead row
  stays unsent (``done_at`` NULL) but blocks nothing, not even its own booking's later rows
  (they are conditional, so safe alone). ``kiosk.services.outbox`` lists, retries, exports them.
* A confirm whose seats are owned by someone else (possible only after an optimistic offline sale
  or a hold that lapsed while offline) turns the booking into a ``conflict`` for the manager's
  queue; the customer's notification then explains instead of confirming.
"""

from __future__ import annotations

import json
import logging
import random
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.cloud import auditing, catalogue_sync, giftcards, ledger_rows, notifier, sellers
from kiosk.cloud.claims import av
from kiosk.cloud.context import CloudContext
from kiosk.cloud.errors import CloudError, CloudUnavailable, error_code, translate
from kiosk.cloud.gate import VOID_AFTER, VOID_KIND
from kiosk.cloud.loyalty import CloudMembers, PointsShort
from kiosk.cloud.promos import CloudPromos
from kiosk.cloud.vouchers import CloudVouchers
from kiosk.domain.clock import Clock, from_iso, to_iso
from kiosk.domain.errors import KioskError, SeatsUnavailable, ShowCancelled, StaffInactive
from kiosk.services import loyalty as loyalty_service
from kiosk.services import vouchers as voucher_service
from kiosk.services.item_sales import LEDGER_KIND as ITEM_SALE_KIND
from kiosk.services.promos import OUTBOX_KIND as PROMO_VOID_KIND
from kiosk.store.db import inserted_id, open_db, transaction

log = logging.getLogger(__name__)
OFFLINE_PREFIX = "offline: "
WAITING_PREFIX = "waiting: "
# Refusals (errors that are not outages) a row may meet before it is dead-lettered. With the
# default back-off (2 s doubling, capped at 120 s) the last try comes about ten minutes after the
# first: long enough for a passing glitch, short enough that a poison row is soon in front of a
# manager. ``OutboxWorker(max_failures=...)`` overrides it.
MAX_FAILURES = 10
_COLLECT_KEYS = ("cinema_id", "booking_id", "kiosk_id", "collected_at")
# Payload keys each kind cannot do without; a row missing one is dead-lettered at once.
REQUIRED_KEYS: dict[str, tuple[str, ...]] = {"confirm": ("show_id", "seats"),
                                             "refund": ("show_id",),
                                             VOID_KIND: ("show_id", "seats", "booking_id"),
                                             "giftcard": ("op", "cinema_id", "code", "move_id"),
                                             "admit": ("pk", "booking_id", "kiosk_id", "door",
                                                       "admitted_at"),
                                             "collect": _COLLECT_KEYS,
                                             "collect_release": _COLLECT_KEYS}


@dataclass(frozen=True)
class Backoff:
    """Delay before retry ``attempts`` (1-based): base * 2^(attempts-1), capped, jittered 50-100 %."""

    base_s: float = 2.0
    cap_s: float = 120.0

    def delay(self, attempts: int, rng: Callable[[], float] = random.random) -> float:
        raw = min(self.cap_s, self.base_s * (2 ** max(0, attempts - 1)))
        return float(raw * (0.5 + 0.5 * rng()))


@dataclass
class DrainResult:
    done: int = 0
    failed: int = 0
    conflicts: list[str] = field(default_factory=list)  # booking ids
    offline: bool = False
    pending: int = 0
    dead: int = 0  # rows dead-lettered by this drain
    touched_shows: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Row:
    id: int
    booking_id: str | None
    kind: str
    payload: dict[str, Any]
    attempts: int
    failures: int = 0
    problem: str = ""  # why the payload cannot be used: dead-lettered without a try

    @property
    def booking(self) -> str:
        """The booking a booking row is about: its payload's, else the outbox column's."""
        booking_id = self.payload.get("booking_id") or self.booking_id
        if not booking_id:
            raise CloudError(f"outbox row {self.id} names no booking; left for an update")
        return str(booking_id)


class OutboxWorker:
    """Drains one kiosk database's outbox. Thread-confined: use it from one thread at a time."""

    def __init__(self, context: CloudContext, db_path: Path | str | None = None, *,
                 clock: Clock | None = None, backoff: Backoff | None = None,
                 lease_s: float = 10.0, rng: Callable[[], float] = random.random,
                 max_failures: int = MAX_FAILURES):
        self.context = context
        self.db = open_db(db_path or context.config.db_path)
        self.conn: sqlite3.Connection = self.db.conn
        self.clock = clock or Clock()
        context.adopt_clock(clock)
        self.backoff = backoff or Backoff()
        self.lease_s = lease_s
        self.rng = rng
        self.max_failures = max(1, max_failures)
        # a (re)start is a fresh look: rows that only waited for the network are due at once
        self._was_online = False

    def close(self) -> None:
        self.conn.close()

    # -- queue ----------------------------------------------------------------------------
    def pending_count(self) -> int:
        """Rows still to send (dead-lettered ones wait for a manager: see ``dead_count``)."""
        return int(self.conn.execute(
            "SELECT COUNT(*) FROM outbox WHERE done_at IS NULL AND dead_at IS NULL").fetchone()[0])

    def dead_count(self) -> int:
        return dead_letter_count(self.conn)

    def _due(self, now: datetime, limit: int) -> list[_Row]:
        """Up to ``limit`` due rows, oldest first, each the head of its booking's live queue."""
        rows = self.conn.execute(
            "SELECT id, booking_id, kind, payload, attempts, failures FROM outbox o "
            "WHERE o.done_at IS NULL AND o.dead_at IS NULL AND o.next_attempt_at <= ? "
            "AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.booking_id = o.booking_id"
            " AND e.done_at IS NULL AND e.dead_at IS NULL AND e.id < o.id) ORDER BY o.id LIMIT ?",
            (to_iso(now), limit),
        ).fetchall()
        out = []
        for r in rows:
            payload, problem = parse_payload(r["kind"], r["payload"], r["booking_id"])
            out.append(_Row(r["id"], r["booking_id"], r["kind"], payload, r["attempts"],
                            r["failures"], problem))
        return out

    def _lease(self, row: _Row, now: datetime) -> bool:
        """Claim one row for ``lease_s`` (False: another worker has it or it is done)."""
        with transaction(self.conn):
            cur = self.conn.execute(
                "UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND done_at IS NULL "
                "AND dead_at IS NULL AND next_attempt_at <= ?",
                (to_iso(now + timedelta(seconds=self.lease_s)), row.id, to_iso(now)))
        return cur.rowcount == 1

    def _fail(self, row: _Row, error: str, now: datetime) -> bool:
        """Back off; True when this refusal was the last allowed and the row is now dead.

        An outage (``error`` starts with ``OFFLINE_PREFIX``) or a wait for this kiosk's own
        earlier row (``WAITING_PREFIX``) never counts toward the limit.
        """
        counted = 0 if error.startswith((OFFLINE_PREFIX, WAITING_PREFIX)) else 1
        if counted and row.failures + 1 >= self.max_failures:
            self._dead_letter(row, f"{error} (gave up after {row.failures + 1} tries)", now)
            return True
        delay = self.backoff.delay(row.attempts + 1, self.rng)
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE outbox SET attempts = attempts + 1, failures = failures + ?, "
                "last_error = ?, next_attempt_at = ? WHERE id = ? AND done_at IS NULL",
                (counted, error[:2000], to_iso(now + timedelta(seconds=delay)), row.id),
            )
        return False

    def _dead_letter(self, row: _Row, reason: str, now: datetime) -> None:
        """Stop retrying ``row``: it waits, unsent and blocking nothing, for a manager (audited)."""
        reason = reason[:2000]
        with transaction(self.conn):
            cur = self.conn.execute(
                "UPDATE outbox SET attempts = attempts + 1, failures = failures + 1, "
                "last_error = ?, dead_at = ?, dead_reason = ? "
                "WHERE id = ? AND done_at IS NULL AND dead_at IS NULL",
                (reason, to_iso(now), reason, row.id))
            if cur.rowcount:
                auditing.record(self.conn, at=now, kiosk_id=self.context.kiosk_id,
                                action="outbox.dead_letter", target=row.booking_id or "",
                                ok=False, detail={"outbox_id": row.id, "kind": row.kind,
                                                  "reason": reason})
        log.error("outbox row %s (%s, booking %s) dead-lettered: %s", row.id, row.kind,
                  row.booking_id, reason)

    def _finish(self, row: _Row, now: datetime, note: str = "") -> None:
        with transaction(self.conn):
            self._mark_done(row, now, note)

    def _mark_done(self, row: _Row, now: datetime, note: str = "") -> None:
        self.conn.execute(
            "UPDATE outbox SET done_at = ?, attempts = attempts + 1, last_error = ? "
            "WHERE id = ? AND done_at IS NULL", (to_iso(now), note, row.id))
        if row.booking_id and row.kind in ("confirm", "refund"):
            still = self.conn.execute(
                "SELECT 1 FROM outbox WHERE booking_id = ? AND done_at IS NULL "
                "AND kind IN ('confirm', 'refund') LIMIT 1", (row.booking_id,)).fetchone()
            if still is None:
                self.conn.execute(
                    "UPDATE bookings SET sync_state = 'synced', updated_at = ? "
                    "WHERE id = ? AND sync_state IN ('local', 'pending')",
                    (to_iso(now), row.booking_id))

    def _pull_forward_after_outage(self, now: datetime) -> None:
        """The cloud answers again: retry rows that were only waiting for the network, now."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE outbox SET next_attempt_at = ? WHERE done_at IS NULL AND dead_at IS NULL "
                "AND last_error LIKE ? AND next_attempt_at > ?",
                (to_iso(now), OFFLINE_PREFIX + "%", to_iso(now)))

    # -- drain ------------------------------------------------------------------------------
    def run_once(self, limit: int = 200) -> DrainResult:
        """Send every due row (up to ``limit``); stop at the first sign of an outage."""
        result = DrainResult()
        now = self.clock.now()
        status = self.context.status
        if not status.online and status.worth_trying() and self._nothing_due(now):
            self._probe()
        if status.online and not self._was_online:
            self._pull_forward_after_outage(now)
        tried = 0
        while tried < limit and not result.offline:
            before = result.done + len(result.conflicts) + result.dead
            rows = self._due(self.clock.now(), limit - tried)
            if not rows:
                break
            for row in rows:
                tried += 1
                if not self._attempt(row, result):
                    break
            if result.done + len(result.conflicts) + result.dead == before:  # nothing unblocked a later row of the same booking
                break
        self._was_online = status.online
        result.pending = self.pending_count()
        if result.done:
            self._set_state("last_sync_at", to_iso(self.clock.now()))
        return result

    def _attempt(self, row: _Row, result: DrainResult) -> bool:
        """Process one row; False when the cloud is unreachable (stop the drain)."""
        status = self.context.status
        now = self.clock.now()
        if not self._lease(row, now):
            return True
        if row.problem:  # no retry can fix a payload that cannot be read
            self._dead_letter(row, f"unreadable {row.kind} row: {row.problem}", now)
            result.failed += 1
            result.dead += 1
            return True
        try:
            self._process(row, now, result)
        except CloudUnavailable as err:
            status.mark_offline(notifier.redact(str(err)))
            self._fail(row, OFFLINE_PREFIX + notifier.redact(str(err)), now)
            result.failed += 1
            result.offline = True
            return False
        except (CloudError, KioskError, ValueError, KeyError, TypeError) as err:
            said = notifier.redact(str(err))  # an SNS error may quote a customer's contact
            log.warning("outbox row %s (%s) failed: %s", row.id, row.kind, said)
            status.note_error(f"{row.kind} {row.booking_id}: {said}")
            if self._fail(row, f"{type(err).__name__}: {said}", now):
                result.dead += 1
            result.failed += 1
        else:
            status.mark_ok()
        return True

    def _nothing_due(self, now: datetime) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM outbox WHERE done_at IS NULL AND dead_at IS NULL "
            "AND next_attempt_at <= ? LIMIT 1",
            (to_iso(now),)).fetchone() is None

    def _probe(self) -> None:
        """A cheap read that tells whether the cloud answers again."""
        try:
            self.context.probe()
        except (CloudUnavailable, CloudError):
            pass

    def run_forever(self, stop: threading.Event, interval_s: float | None = None,
                    on_result: Callable[[DrainResult], None] | None = None) -> None:
        interval = interval_s if interval_s is not None else self.context.config.cloud.sync_interval_s
        while not stop.is_set():
            result = self.run_once()
            if on_result:
                on_result(result)
            stop.wait(interval if (result.offline or result.pending == 0 or not result.done) else 0)

    def _process(self, row: _Row, now: datetime, result: DrainResult) -> None:
        skew = self.context.skew_problem()
        if skew:  # conditions compare times: a skewed clock could take over a live hold
            raise CloudUnavailable(skew)
        if row.kind == VOID_KIND:
            self._void_sale(row, now, result)
        elif row.kind == "confirm":
            self._confirm(row, now, result)
        elif row.kind == "refund":
            self._refund(row, now, result)
        elif row.kind == "notify":
            self._notify(row, now)
            result.done += 1
        elif row.kind == giftcards.KIND:
            self._gift_card(row, now, result)
        elif row.kind == PROMO_VOID_KIND:
            self._promo_void(row, now, result)
        elif row.kind == loyalty_service.OUTBOX_KIND:
            moved = CloudMembers(self.context).apply(row.payload, now)
            asked = int(row.payload.get("points", 0))
            if row.payload.get("op") == "clawback" and moved < asked:  # spent meanwhile
                self._audit_shortfall(str(row.payload["phone"]),
                                      str(row.payload.get("booking_id")
                                          or row.payload.get("sale_id")), asked - moved, now)
            self._finish(row, now)
            result.done += 1
        elif row.kind == loyalty_service.VOID_KIND:
            self._points_void(row, now, result)
        elif row.kind == voucher_service.OUTBOX_KIND:
            self._voucher_void(row, now, result)
        elif row.kind == ITEM_SALE_KIND:
            self._item_sale(row, now, result)
        elif row.kind == "admit":
            self._admit(row, now, result)
        elif row.kind in ("collect", "collect_release"):
            self._collection(row, now, result)
        elif row.kind == catalogue_sync.PUBLISH_KIND:  # a manager's edit made while offline
            self._finish(row, now, catalogue_sync.drain_publish(self.context, self.conn,
                                                                row.payload, self.clock))
            result.done += 1
        else:
            raise CloudError(f"unknown outbox kind {row.kind!r}; left for an update to handle")

    def _gift_card(self, row: _Row, now: datetime, result: DrainResult) -> None:
        """A shared gift card's change. Refused with the card absent: its issue has not reached
        the cloud yet (it is an earlier row), so retry; refused with the card there: the move
        cannot apply (a code made twice, an allowance the cloud does not have), which no retry
        fixes: dead-letter it for a manager."""
        try:
            giftcards.CloudCards(self.context, self.clock).apply(row.payload, now)
        except giftcards.CardRefused as refused:
            if refused.card is None and row.payload.get("op") != "issue":
                raise CloudError("the gift card is not in the cloud yet; will retry") from None
            self._dead_letter(row, f"gift card {row.payload.get('code')} "
                                   f"{row.payload.get('op')} refused by the cloud", now)
            result.dead += 1
            return
        self._finish(row, now)
        result.done += 1

    def _confirm(self, row: _Row, now: datetime, result: DrainResult) -> None:
        p = row.payload
        booking_id = row.booking
        record = ledger_rows.confirm_record(self.conn, booking_id, p)
        record["synced_at"] = to_iso(now)
        claims = self.context.claims(p.get("kiosk_id") or self.context.kiosk_id)
        seller = sellers.queued_seller(self.conn, booking_id, {**p, **record},
                                       self.context.config.cinema_id)
        try:
            claims.confirm(show_id=p["show_id"], seats=p["seats"], booking_id=booking_id,
                           hold_id=p.get("hold_id") or "", now=self.context.cloud_time(now),
                           record=record, seller=seller)
        except SeatsUnavailable as lost:
            self.context.status.mark_ok()
            self._confirm_lost(row, booking_id, p["show_id"], list(lost.seats), now, result)
            return
        except (ShowCancelled, StaffInactive) as refused:  # a conflict like lost seats
            self.context.status.mark_ok()
            self._confirm_lost(row, booking_id, p["show_id"], list(p["seats"]), now, result,
                               sellers.refusal_reason(refused))
            return
        self._finish(row, now)
        result.done += 1
        result.touched_shows.add(p["show_id"])

    def _confirm_lost(self, row: _Row, booking_id: str, show_id: str, lost: list[str],
                      now: datetime, result: DrainResult, reason: str = "") -> None:
        """The cloud refused the queued sale: seats sold elsewhere, or (``reason``) the show
        cancelled / the staff member deactivated since; either way a conflict for the manager."""
        earlier_refund = None if reason else self.conn.execute(
            "SELECT 1 FROM outbox WHERE done_at IS NULL AND dead_at IS NULL "
            "AND kind = 'refund' AND id < ? "
            "AND json_extract(payload, '$.show_id') = ? LIMIT 1", (row.id, show_id)).fetchone()
        if earlier_refund:  # our own refund of those seats has not reached the cloud yet
            self._fail(row, f"{WAITING_PREFIX}an earlier refund must free {', '.join(lost)}",
                       now)
            result.failed += 1
            return
        with transaction(self.conn):
            state = self.conn.execute("SELECT state FROM bookings WHERE id = ?",
                                      (booking_id,)).fetchone()
            if state is None or state[0] in ("refunded", "cancelled", "exchanged"):
                why = f"refused ({reason.replace('_', ' ')})" if reason else "taken"
                self._mark_done(row, now, f"seats {', '.join(lost)} {why}; booking already "
                                          f"{state[0] if state else 'gone'}, nothing to resolve")
                if reason:  # the cloud never had this sale: say why, for the manager's record
                    auditing.record(self.conn, at=now, kiosk_id=self.context.kiosk_id,
                                    action="sync_refused", target=booking_id, ok=False,
                                    detail={"show_id": show_id, "seats": lost, "reason": reason})
                result.done += 1
                return
            self.conn.execute(
                "UPDATE bookings SET state = 'conflict', sync_state = 'conflict', updated_at = ? "
                "WHERE id = ?", (to_iso(now), booking_id))
            self.conn.execute(
                "INSERT OR IGNORE INTO cloud_conflicts (booking_id, show_id, lost_seats, "
                "detected_at, detail) VALUES (?, ?, ?, ?, ?)",
                (booking_id, show_id, json.dumps(lost), to_iso(now),
                 json.dumps({"reason": reason} if reason else {})))
            why = f"not sold: {reason.replace('_', ' ')}" if reason else "were sold elsewhere"
            self._mark_done(row, now, f"conflict: seats {', '.join(lost)} {why}")
            auditing.record(self.conn, at=now, kiosk_id=self.context.kiosk_id,
                            action="sync_conflict", target=booking_id, ok=False,
                            detail={"show_id": show_id, "lost_seats": lost,
                                    **({"reason": reason} if reason else {})})
            self._notify_conflict(booking_id, now)
        result.conflicts.append(booking_id)
        result.touched_shows.add(show_id)

    def _notify_conflict(self, booking_id: str, now: datetime) -> None:
        """Tell the customer, unless a notify row is already queued (it will explain the conflict)."""
        contact = self.conn.execute("SELECT customer_contact FROM bookings WHERE id = ?",
                                    (booking_id,)).fetchone()[0]
        queued = self.conn.execute(
            "SELECT 1 FROM outbox WHERE booking_id = ? AND kind = 'notify' AND done_at IS NULL",
            (booking_id,)).fetchone()
        if contact and not queued:
            enqueue(self.conn, kind="notify", booking_id=booking_id,
                    payload={"booking_id": booking_id, "contact": contact, "template": "conflict"},
                    now=now)

    def _refund(self, row: _Row, now: datetime, result: DrainResult) -> None:
        p = row.payload
        booking_id = row.booking
        self.context.claims().refund(show_id=p["show_id"], seats=p.get("seats") or [],
                                     booking_id=booking_id, refund_id=p.get("refund_id", ""),
                                     now=self.context.cloud_time(now),
                                     allocated=self._allocated(p["show_id"]))
        self._finish(row, now)
        result.done += 1
        result.touched_shows.add(p["show_id"])

    def _allocated(self, show_id: str) -> set[str]:
        return {r[0] for r in self.conn.execute(
            "SELECT seat_code FROM allocations WHERE show_id = ? AND kiosk_id = ?",
            (show_id, self.context.kiosk_id))}

    def _void_sale(self, row: _Row, now: datetime, result: DrainResult) -> None:
        """Settle a sale claimed in the cloud whose local commit may never have happened.

        The booking id is its hold's id. While that hold is live a confirm may still commit, so
        the row waits; once it is gone, the seats the intent claimed that no local booking of
        that id holds are freed in the cloud (conditional on being sold to that id, so nothing
        else can be touched), and the booking item is voided when there is no local booking.
        """
        p = row.payload
        booking_id, show_id = str(p["booking_id"]), str(p["show_id"])
        if self._wait_for_hold(row, str(p.get("hold_id") or booking_id), now):
            return
        kept = {r[0] for r in self.conn.execute(
            "SELECT seat_code FROM booking_seats WHERE booking_id = ?", (booking_id,))}
        orphans = [s for s in p["seats"] if s not in kept]
        if orphans:
            self.context.claims().void_sale(
                show_id=show_id, seats=orphans, booking_id=booking_id,
                now=self.context.cloud_time(now), allocated=self._allocated(show_id),
                void_item=not kept)
            result.touched_shows.add(show_id)
        self._finish(row, now, f"undid the cloud claim of {', '.join(orphans)}" if orphans
                     else "the sale was committed: nothing to undo")
        result.done += 1

    def _wait_for_hold(self, row: _Row, hold_id: str, now: datetime) -> bool:
        """An undo intent waits while its sale's hold is live (a confirm may still commit):
        True, and the row is put off until the hold's end plus ``VOID_AFTER``."""
        expiry = self.conn.execute("SELECT MIN(expires_at) FROM holds WHERE hold_id = ?",
                                   (hold_id,)).fetchone()[0]
        if expiry is None or from_iso(expiry) <= now:
            return False
        with transaction(self.conn):
            self.conn.execute("UPDATE outbox SET next_attempt_at = ? WHERE id = ?",
                              (to_iso(from_iso(expiry) + VOID_AFTER), row.id))
        return True

    def _promo_void(self, row: _Row, now: datetime, result: DrainResult) -> None:
        """Give back a promo code use taken in the cloud for a sale that did not commit here
        with the code: never committed, or committed without it (a retry after a lost answer).
        Waits while the sale's hold is live, as ``_void_sale`` does: a confirm may still commit
        until then."""
        p = row.payload
        booking_id = str(p["booking_id"])
        if self._wait_for_hold(row, booking_id, now):
            return
        if self.conn.execute("SELECT 1 FROM promo_uses WHERE booking_id = ? AND code = ?",
                             (booking_id, str(p["code"]))).fetchone():
            self._finish(row, now, "the sale was committed with the code: the use is its own")
        else:
            gave_back = CloudPromos(self.context).release(str(p["cinema_id"]), str(p["code"]),
                                                          booking_id)
            self._finish(row, now, f"gave back a use of {p['code']}" if gave_back
                         else "the sale held no use: nothing to give back")
        result.done += 1

    def _points_void(self, row: _Row, now: datetime, result: DrainResult) -> None:
        """Make the cloud's redemption for a sale what the sale committed here: nothing for a
        sale that never committed, or that committed paid another way (a retry after a lost
        answer), the committed points otherwise (as ``_promo_void``; a food and drink sale has
        no hold: its intent is due two minutes after the sale began)."""
        p = row.payload
        sale_key, phone = str(p["sale_key"]), str(p["phone"])
        if self._wait_for_hold(row, sale_key, now):
            return
        members = CloudMembers(self.context)
        committed = loyalty_service.redeemed_by(self.conn, sale_key)
        held = members.held(phone, sale_key)
        if held == committed:
            self._finish(row, now, "the sale's redemption is as it committed" if held
                         else "nothing redeemed: nothing to give back")
        else:
            members.release(phone, sale_key)
            note = f"gave back {held} points"
            if committed:  # a retry committed other points under the same sale: take those
                try:
                    members.redeem(phone, committed, sale_key, now)
                    note += f", took the {committed} the sale committed"
                except PointsShort as short:
                    note += f"; the {committed} points the sale committed are not there " \
                            f"({short.points})"
                    self._audit_shortfall(phone, sale_key, committed, now)
            self._finish(row, now, note)
        result.done += 1

    def _audit_shortfall(self, phone: str, sale_key: str, owed: int, now: datetime) -> None:
        from kiosk.domain.loyalty import masked_phone
        from kiosk.services import audit

        with transaction(self.conn):
            audit.record(self.conn, at=now, kiosk_id=self.context.kiosk_id,
                         action="points_shortfall", staff_id=None, target=masked_phone(phone),
                         detail={"sale": sale_key, "owed": owed})

    def _item_sale(self, row: _Row, now: datetime, result: DrainResult) -> None:
        """A food and drink sale (and its refunds) into the cloud's day, whole, as it stands
        now; an item carrying a newer ``rev`` (a later row's) is left as it is."""
        items = ledger_rows.item_sale_items(self.conn, str(row.payload["sale_id"]), row.id)
        client, table = self.context.dynamodb(), self.context.clients().table
        for item in items:
            def put(item: dict[str, Any] = item) -> None:
                try:
                    client.put_item(TableName=table, Item={k: av(v) for k, v in item.items()},
                                    ConditionExpression="attribute_not_exists(pk) OR rev <= :rev",
                                    ExpressionAttributeValues={":rev": av(row.id)})
                except Exception as exc:  # noqa: BLE001
                    if error_code(exc) == "ConditionalCheckFailedException":
                        return  # a newer copy is there
                    raise translate(exc) from exc

            self.context.call(put)
        self._finish(row, now, f"sent {len(items)} ledger items" if items
                     else "the sale is not here: nothing to send")
        result.done += 1

    def _admit(self, row: _Row, now: datetime, result: DrainResult) -> None:
        """An admission made offline reaches the cloud; another door's admission found there
        is a double admission, listed for the manager (and audited)."""
        from kiosk.cloud.admissions import AlreadyAdmitted, CloudAdmissions

        p = row.payload
        note = "admitted in the cloud"
        try:
            CloudAdmissions(self.context).admit(p)
        except AlreadyAdmitted as taken:
            first = taken.first
            note = f"double admission: first at {first.door} ({first.kiosk_id}) {first.admitted_at}"
            with transaction(self.conn):
                self.conn.execute(
                    "INSERT OR IGNORE INTO double_admissions (booking_id, reference, show_id, "
                    "first_door, first_kiosk, first_at, second_door, second_kiosk, second_at, "
                    "found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (p["booking_id"], p.get("reference", ""), p.get("show_id", ""), first.door,
                     first.kiosk_id, first.admitted_at or to_iso(now), p["door"], p["kiosk_id"],
                     p["admitted_at"], to_iso(now)))
                auditing.record(self.conn, at=now, kiosk_id=self.context.kiosk_id,
                                action="door.double_admission", target=str(p["booking_id"]),
                                ok=False, detail={"reference": p.get("reference", ""),
                                                  "first_door": first.door,
                                                  "second_door": p["door"]})
        with transaction(self.conn):
            self.conn.execute("UPDATE admissions SET sent_at = ? WHERE booking_id = ? "
                              "AND kiosk_id = ?", (to_iso(now), p["booking_id"], p["kiosk_id"]))
            self._mark_done(row, now, note)
        result.done += 1

    def _collection(self, row: _Row, now: datetime, result: DrainResult) -> None:
        """A collection made offline (or tickets printed at the sale) reaches the cloud, or one
        given back offline is withdrawn there. Another kiosk's collection found first means the
        tickets were printed twice: audited for the manager."""
        from kiosk.cloud.collections import AlreadyCollected, CloudCollections

        p = row.payload
        cloud = CloudCollections(self.context)
        if row.kind == "collect_release":
            gone = cloud.release(str(p["cinema_id"]), str(p["booking_id"]), str(p["kiosk_id"]),
                                 str(p["collected_at"]))
            self._finish(row, now, "withdrawn" if gone else "not ours, or already gone")
            result.done += 1
            return
        note = "collected in the cloud"
        try:
            cloud.collect(str(p["cinema_id"]), str(p["booking_id"]), str(p.get("reference", "")),
                          str(p["kiosk_id"]), str(p["collected_at"]))
        except AlreadyCollected as taken:
            note = f"printed twice: first at {taken.first.kiosk_id} {taken.first.collected_at}"
            with transaction(self.conn):
                auditing.record(self.conn, at=now, kiosk_id=self.context.kiosk_id,
                                action="tickets.double_collection", target=str(p["booking_id"]),
                                ok=False, detail={"reference": p.get("reference", ""),
                                                  "first_kiosk": taken.first.kiosk_id})
        self._finish(row, now, note)
        result.done += 1

    def _voucher_void(self, row: _Row, now: datetime, result: DrainResult) -> None:
        """Give back a voucher taken in the cloud for a sale that did not use it here: never
        committed, or committed without it (a retry after a lost answer) (as ``_promo_void``)."""
        p = row.payload
        sale_key = str(p["sale_key"])
        if self._wait_for_hold(row, sale_key, now):
            return
        used_here = self.conn.execute(
            "SELECT 1 FROM vouchers WHERE code = ? AND state = 'used' AND used_by = ?",
            (str(p["code"]), sale_key)).fetchone()
        if used_here:
            self._finish(row, now, "the sale used the voucher: it is its own")
        else:
            gave_back = CloudVouchers(self.context).release(str(p["cinema_id"]), str(p["code"]),
                                                            sale_key)
            self._finish(row, now, "gave the voucher back" if gave_back
                         else "the sale held no voucher: nothing to give back")
        result.done += 1

    def _notify(self, row: _Row, now: datetime) -> None:
        p = row.payload
        contact = str(p.get("contact") or "").strip()
        if not contact:
            self._finish(row, now, "no contact given: nothing to send")
            return
        try:
            booking_id = str(p.get("booking_id") or row.booking_id or "")
            message = notifier.compose(self.conn, booking_id, contact, str(p.get("template") or ""),
                                       str(p.get("language") or self.context.config.language))
        except notifier.NotDeliverable as why:  # no retry reaches it: said on the row
            self._finish(row, now, f"not sent: {why}")
            return
        clients = self.context.clients()
        notifier.deliver(clients.sns, clients.topic_arn(), message,
                         self.context.config.cloud.sms_sender_id)
        self._finish(row, now, "sent by SMS" if message.phone else "sent to the mailer")

    def _set_state(self, key: str, value: str) -> None:
        with transaction(self.conn):
            self.conn.execute("INSERT INTO cloud_state (key, value) VALUES (?, ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def enqueue(conn: sqlite3.Connection, *, kind: str, booking_id: str | None,
            payload: dict[str, Any], now: datetime) -> int:
    """Add an outbox row inside the caller's transaction (same format as kiosk.services.outbox)."""
    stamp = to_iso(now)
    cur = conn.execute(
        "INSERT INTO outbox (booking_id, kind, payload, created_at, next_attempt_at) "
        "VALUES (?, ?, ?, ?, ?)", (booking_id, kind, json.dumps(payload, sort_keys=True), stamp, stamp))
    return inserted_id(cur)


def dead_letter_count(conn: sqlite3.Connection) -> int:
    """Outbox rows the worker gave up on; they wait for a manager's retry."""
    return int(conn.execute(
        "SELECT COUNT(*) FROM outbox WHERE dead_at IS NOT NULL AND done_at IS NULL").fetchone()[0])


def parse_payload(kind: str, text: str, booking_id: str | None = None
                  ) -> tuple[dict[str, Any], str]:
    """(payload, problem): ``problem`` is "" for a usable row, else why no retry can help."""
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, TypeError) as err:
        return {}, f"payload is not JSON ({err})"
    if not isinstance(value, dict):
        return {}, f"payload is a JSON {type(value).__name__}, not an object"
    missing = [k for k in REQUIRED_KEYS.get(kind, ()) if value.get(k) in (None, "", [])]
    if missing:
        return value, f"payload lacks {', '.join(missing)}"
    if "show_id" in REQUIRED_KEYS.get(kind, ()) and not isinstance(value["show_id"], str):
        return value, "show_id is not text"
    seats = value.get("seats")
    if seats is not None and not (isinstance(seats, list)
                                  and all(isinstance(s, str) and s for s in seats)):
        return value, "seats is not a list of seat codes"
    if kind in REQUIRED_KEYS and kind != giftcards.KIND and not (value.get("booking_id")
                                                                 or booking_id):
        return value, "no booking id"
    return value, ""

"""Each device's part of the shared day: send its ledger queue, beat its heart.

``LedgerSync.tick()`` is called by ``SyncEngine.tick`` (one line there). It

* drains ``ledger_queue`` (filled by the triggers of migration 0010 in the same transaction as
  the refund, shift, cash-up or booking change): each named row is read as it stands now and
  written whole to its ledger item (``kiosk.cloud.ledger``), conditional on no newer ``rev``
  being there, so replays and retries are harmless and never go backwards. A booking's change
  waits until its confirm has reached the cloud (the booking item must exist to be updated);
* every ``heartbeat_s`` writes ``DEVICE#<cinema>/<kiosk>``: last seen, rows not yet sent, dead
  letters, last sale, app version: what the manager's freshness line is made of.

Never raises for cloud trouble: an outage stops the drain and the rows wait.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.cloud import ledger
from kiosk.cloud.boto_types import DynamoDBClient
from kiosk.cloud.claims import av
from kiosk.cloud.context import CloudContext
from kiosk.cloud.errors import CloudError, CloudUnavailable, error_code, translate
from kiosk.domain.business_day import business_date
from kiosk.domain.clock import Clock, from_iso, to_iso
from kiosk.store.db import open_db, transaction

log = logging.getLogger(__name__)
HEARTBEAT_S = 60.0
NEWER_NOT_THERE = "attribute_not_exists(pk) OR rev <= :rev"

_REFUND_SQL = """
SELECT r.*, rq.staff_number AS rq_number, dc.staff_number AS dc_number, h.cinema_id
  FROM refunds r JOIN bookings b ON b.id = r.booking_id
       LEFT JOIN shows s ON s.id = b.show_id LEFT JOIN halls h ON h.id = s.hall_id
       LEFT JOIN staff rq ON rq.id = r.requested_by LEFT JOIN staff dc ON dc.id = r.decided_by
 WHERE r.id = ?
"""
_SHIFT_SQL = """
SELECT sh.*, st.staff_number, ap.staff_number AS approver
  FROM shifts sh LEFT JOIN staff st ON st.id = sh.staff_id
       LEFT JOIN staff ap ON ap.id = sh.approved_by
 WHERE sh.id = ?
"""


def device_cinema(conn: sqlite3.Connection, configured: str = "") -> tuple[str, str]:
    """(cinema id, time zone) of this device: the configured cinema, else the first one here."""
    row = None
    if configured:
        row = conn.execute("SELECT id, timezone FROM cinemas WHERE id = ?",
                           (configured,)).fetchone()
    row = row or conn.execute("SELECT id, timezone FROM cinemas ORDER BY id LIMIT 1").fetchone()
    if row is None:
        return configured, "UTC"
    return str(row[0]), str(row[1])


@dataclass
class LedgerTick:
    sent: int = 0
    waiting: int = 0  # rows left (an outage, or a booking whose confirm is not in the cloud)
    failed: int = 0
    heartbeat: bool = False


class LedgerSync:
    """The ledger sender and heartbeat of one device database. Thread-confined."""

    def __init__(self, context: CloudContext, db_path: Path | str | None = None, *,
                 clock: Clock | None = None, heartbeat_s: float = HEARTBEAT_S):
        self.context = context
        self.conn: sqlite3.Connection = open_db(db_path or context.config.db_path).conn
        self.clock = clock or Clock()
        self.heartbeat_s = heartbeat_s
        self._next_beat: datetime | None = None

    def close(self) -> None:
        self.conn.close()

    # -- the engine's entry point ------------------------------------------------------------
    def tick(self) -> LedgerTick:
        result = LedgerTick()
        if not self.context.status.worth_trying():
            return result
        try:
            self.drain(result)
            now = self.clock.now()
            if self._next_beat is None or now >= self._next_beat:
                self.heartbeat(now)
                self._next_beat = now + timedelta(seconds=self.heartbeat_s)
                result.heartbeat = True
        except (CloudUnavailable, CloudError) as err:
            log.info("ledger sync paused: %s", err)
        result.waiting = self.queued()
        return result

    def queued(self) -> int:
        return int(self.conn.execute(
            "SELECT COUNT(DISTINCT entity || ':' || ref) FROM ledger_queue").fetchone()[0])

    # -- the queue ----------------------------------------------------------------------------
    def drain(self, result: LedgerTick | None = None, limit: int = 200) -> LedgerTick:
        result = result or LedgerTick()
        rows = self.conn.execute(
            "SELECT entity, ref, MAX(id) AS rev, MAX(booking_id) AS booking_id FROM ledger_queue "
            "GROUP BY entity, ref ORDER BY MIN(id) LIMIT ?", (limit,)).fetchall()
        for row in rows:
            if row["booking_id"] and self._confirm_unsent(row["booking_id"]) \
                    and row["entity"] == "booking":
                continue  # the booking item is not in the cloud yet: update it later
            try:
                self._send(row["entity"], row["ref"], int(row["rev"]))
            except CloudUnavailable as err:
                self.context.status.mark_offline(str(err))
                raise
            except (CloudError, KeyError, ValueError, TypeError) as err:
                log.warning("ledger %s %s not sent: %s", row["entity"], row["ref"], err)
                with transaction(self.conn):
                    self.conn.execute(
                        "UPDATE ledger_queue SET attempts = attempts + 1, last_error = ? "
                        "WHERE entity = ? AND ref = ?", (str(err)[:500], row["entity"], row["ref"]))
                result.failed += 1
                continue
            with transaction(self.conn):
                self.conn.execute("DELETE FROM ledger_queue WHERE entity = ? AND ref = ? AND id <= ?",
                                  (row["entity"], row["ref"], row["rev"]))
            result.sent += 1
        return result

    def _confirm_unsent(self, booking_id: str) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM outbox WHERE booking_id = ? AND kind = 'confirm' AND done_at IS NULL "
            "LIMIT 1", (booking_id,)).fetchone() is not None

    def _send(self, entity: str, ref: str, rev: int) -> None:
        if entity == "refund":
            item = self.refund_item(int(ref), rev)
            if item is not None:
                self._put(item, rev)
        elif entity == "shift":
            item = self.shift_item(int(ref), rev)
            if item is not None:
                self._put(item, rev)
        elif entity == "booking":
            self._booking_state(ref, rev)
        else:
            raise ValueError(f"unknown ledger entity {entity!r}")

    def _client(self) -> tuple[DynamoDBClient, str]:
        return self.context.dynamodb(), self.context.clients().table

    def _put(self, item: dict[str, Any], rev: int) -> None:
        """Write the item whole unless a newer rev of it is there (that one wins)."""
        client, table = self._client()
        try:
            self.context.call(lambda: client.put_item(
                TableName=table, Item={k: av(v) for k, v in item.items()},
                ConditionExpression=NEWER_NOT_THERE, ExpressionAttributeValues={":rev": av(rev)}))
        except Exception as exc:  # noqa: BLE001 - narrowed below
            if error_code(exc) == "ConditionalCheckFailedException":
                return
            raise translate(exc) from exc

    def _booking_state(self, booking_id: str, rev: int) -> None:
        row = self.conn.execute("SELECT state, refunded_minor, updated_at FROM bookings "
                                "WHERE id = ?", (booking_id,)).fetchone()
        if row is None or row["state"] == "conflict":
            return  # a conflict's confirm was refused: there is no booking item to update
        client, table = self._client()
        try:
            self.context.call(lambda: client.update_item(
                TableName=table, Key={"pk": av(ledger.booking_pk(booking_id)), "sk": av("META")},
                UpdateExpression="SET #state = :state, refunded_minor = :refunded, "
                                 "ledger_rev = :rev, updated_at = :at",
                ConditionExpression="attribute_exists(pk) AND "
                                    "(attribute_not_exists(ledger_rev) OR ledger_rev <= :rev)",
                ExpressionAttributeNames={"#state": "state"},
                ExpressionAttributeValues={":state": av(row["state"]),
                                           ":refunded": av(int(row["refunded_minor"])),
                                           ":rev": av(rev), ":at": av(row["updated_at"])}))
        except Exception as exc:  # noqa: BLE001
            if error_code(exc) == "ConditionalCheckFailedException":
                return  # newer state there, or no item (a sale the cloud never took)
            raise translate(exc) from exc

    # -- records ------------------------------------------------------------------------------
    def refund_item(self, refund_id: int, rev: int) -> dict[str, Any] | None:
        r = self.conn.execute(_REFUND_SQL, (refund_id,)).fetchone()
        if r is None:
            return None
        return ledger.refund_record(
            booking_id=r["booking_id"], kiosk_id=r["kiosk_id"], local_id=r["id"],
            cinema_id=r["cinema_id"] or device_cinema(self.conn, self._configured())[0],
            business_date=r["business_date"], seats=json.loads(r["seats"]),
            amount_minor=r["amount_minor"], tax_minor=r["tax_minor"], currency=r["currency"],
            method=r["method"], reason=r["reason"], state=r["state"], created_at=r["created_at"],
            requested_by=r["rq_number"], decided_by=r["dc_number"], decided_at=r["decided_at"],
            shift_id=r["shift_id"], rev=rev,
            tenders=[{"kind": t[0], "amount_minor": t[1]} for t in self.conn.execute(
                "SELECT kind, amount_minor FROM refund_tenders WHERE refund_id = ? ORDER BY seq",
                (refund_id,))])

    def shift_item(self, shift_id: int, rev: int) -> dict[str, Any] | None:
        s = self.conn.execute(_SHIFT_SQL, (shift_id,)).fetchone()
        if s is None:
            return None
        cinema, zone = device_cinema(self.conn, self._configured())
        # rolled past the days already closed when it opened (a Z close): stable on resend
        closed = self.conn.execute(
            "SELECT MAX(business_date) FROM business_days WHERE cinema_id = ? AND closed_at <= ?",
            (cinema, s["opened_at"])).fetchone()[0]
        return ledger.shift_record(
            kiosk_id=s["kiosk_id"], local_id=s["id"], cinema_id=cinema,
            business_date=business_date(from_iso(s["opened_at"]), zone, closed),
            staff_number=s["staff_number"], currency=s["currency"], opened_at=s["opened_at"],
            float_minor=s["float_minor"], closed_at=s["closed_at"],
            expected_minor=s["expected_minor"], counted_minor=s["counted_minor"],
            variance_minor=s["variance_minor"], approved_by=s["approver"],
            approved_at=s["approved_at"], comment=s["comment"] or "", rev=rev,
            cash_count=[{"kind": r[0], "value_minor": r[1], "pieces": r[2]} for r in self.conn.execute(
                "SELECT kind, value_minor, pieces FROM shift_cash_counts WHERE shift_id = ? "
                "ORDER BY kind DESC, value_minor DESC", (shift_id,))],
            tender_checks=[{"kind": r[0], "expected_minor": r[1], "declared_minor": r[2]}
                           for r in self.conn.execute(
                               "SELECT kind, expected_minor, declared_minor FROM "
                               "shift_tender_checks WHERE shift_id = ? ORDER BY kind",
                               (shift_id,))])

    def _configured(self) -> str:
        return self.context.config.cinema_id

    # -- heartbeat ----------------------------------------------------------------------------
    def heartbeat(self, now: datetime | None = None) -> dict[str, Any]:
        now = now or self.clock.now()
        kiosk = self.context.kiosk_id
        pending = self.conn.execute(
            "SELECT COUNT(*) FROM outbox WHERE done_at IS NULL AND dead_at IS NULL "
            "AND kind IN ('confirm', 'refund')").fetchone()[0] + self.queued()
        dead = self.conn.execute("SELECT COUNT(*) FROM outbox WHERE dead_at IS NOT NULL "
                                 "AND done_at IS NULL").fetchone()[0]
        last_sale = self.conn.execute("SELECT MAX(created_at) FROM bookings WHERE kiosk_id = ?",
                                      (kiosk,)).fetchone()[0]
        item = ledger.device_record(
            cinema_id=device_cinema(self.conn, self._configured())[0], kiosk_id=kiosk,
            last_seen=to_iso(now), pending=pending, dead=dead, last_sale_at=last_sale,
            app_version=__version__)
        client, table = self._client()
        try:
            self.context.call(lambda: client.put_item(
                TableName=table, Item={k: av(v) for k, v in item.items()}))
        except (CloudUnavailable, CloudError):
            raise
        except Exception as exc:  # noqa: BLE001
            raise translate(exc) from exc
        return item

"""A manager's decision on another device's refund request or cash-up, carried by the cloud.

The office console lists every device's waiting refund requests and cash-ups (pulled with the
day, ``kiosk.cloud.daypull``). Their seats, money and drawer are the requesting device's, so the
office never changes its own copy of them: it writes ONE decision item, and the device applies it
at its next sync through the same service rules as a decision taken at its own screen (the
manager re-checked against its staff directory, the booking re-validated, the refund paid from
its drawer). Its ledger update then carries the result back to the office's next pull.

Items (keys ``pk``/``sk``)::

    DECISION#<cinema> / <kiosk>#REFUND#<local refund id>
    DECISION#<cinema> / <kiosk>#CASHUP#<local shift id>

    decision   approve | reject       comment   the manager's words (a rejection needs them)
    by         staff number           by_name, by_kiosk, at (UTC ISO)
    attempt    1, 2, ...              outcome   absent | applied | refused   (+ note, outcome_at)
    ttl        epoch seconds, ``KEEP_DAYS`` after the decision: DynamoDB sweeps old ones, so the
               queries of the office's day pull and of each device stay small

One decision per request across every office: the write is conditional on no decision being
there, or on the last attempt having been refused by the device (then the manager may decide
again; ``attempt`` moves on). A second manager deciding at the same moment gets
``DecisionTaken`` naming the first. The device writes nothing but the outcome attributes
(``report``), which the IAM policy of a kiosk is limited to (``kiosk.cloud.policy``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from kiosk.cloud.boto_types import DynamoDBClient
from kiosk.cloud.claims import av, plain
from kiosk.cloud.context import CloudContext
from kiosk.cloud.errors import error_code, translate
from kiosk.cloud.paging import query_items
from kiosk.cloud.table import TTL_ATTRIBUTE
from kiosk.domain.clock import Clock, from_iso, to_iso

KINDS = ("refund", "cashup")
DECISIONS = ("approve", "reject")
OUTCOMES = ("applied", "refused")
# The attributes a kiosk may write on a decision item (its IAM policy allows no others).
OUTCOME_ATTRIBUTES = ("outcome", "note", "outcome_at")
_SK_KIND = {"refund": "REFUND", "cashup": "CASHUP"}
KEEP_DAYS = 35  # a device offline for longer than this has bigger problems than one approval


def decision_pk(cinema_id: str) -> str:
    return f"DECISION#{cinema_id}"


def decision_sk(kiosk_id: str, kind: str, local_id: int) -> str:
    return f"{kiosk_id}#{_SK_KIND[kind]}#{int(local_id)}"


@dataclass(frozen=True)
class Decision:
    kind: str  # refund | cashup
    kiosk_id: str  # the device whose request it is
    local_id: int  # its refund or shift id
    decision: str  # approve | reject
    by: str  # staff number of the deciding manager
    by_name: str
    by_kiosk: str
    at: str  # UTC ISO
    comment: str = ""
    attempt: int = 1
    outcome: str = ""  # "" until the device answers
    note: str = ""
    outcome_at: str = ""

    def item(self, cinema_id: str) -> dict[str, Any]:
        body: dict[str, Any] = {
            "pk": decision_pk(cinema_id), "sk": decision_sk(self.kiosk_id, self.kind, self.local_id),
            "kind": self.kind, "kiosk_id": self.kiosk_id, "local_id": self.local_id,
            "decision": self.decision, "by": self.by, "by_name": self.by_name,
            "by_kiosk": self.by_kiosk, "at": self.at, "comment": self.comment,
            "attempt": self.attempt}
        try:
            body[TTL_ATTRIBUTE] = int(from_iso(self.at).timestamp()) + KEEP_DAYS * 86400
        except ValueError:
            pass
        return body


class DecisionTaken(Exception):
    """Another manager's decision on this request is in the cloud already (``.decision``)."""

    def __init__(self, decision: Decision):
        super().__init__(f"{decision.by_name or decision.by} already sent "
                         f"'{decision.decision}' at {decision.at}")
        self.decision = decision


def parse(item: dict[str, Any]) -> Decision | None:
    """A decision item as written by ``DecisionSender``; None for anything else (an item of a
    newer version, or a kiosk's outcome update on an item that was never a decision)."""
    try:
        kind, decision = str(item["kind"]), str(item["decision"])
        if kind not in KINDS or decision not in DECISIONS:
            return None
        outcome = str(item.get("outcome") or "")
        return Decision(kind=kind, kiosk_id=str(item["kiosk_id"]), local_id=int(item["local_id"]),
                        decision=decision, by=str(item["by"]), by_name=str(item.get("by_name", "")),
                        by_kiosk=str(item.get("by_kiosk", "")), at=str(item["at"]),
                        comment=str(item.get("comment", "")), attempt=int(item.get("attempt", 1)),
                        outcome=outcome if outcome in OUTCOMES else "",
                        note=str(item.get("note", "")), outcome_at=str(item.get("outcome_at", "")))
    except (KeyError, TypeError, ValueError):
        return None


class _Table:
    def __init__(self, context: CloudContext, cinema_id: str):
        self.context = context
        self.cinema_id = cinema_id

    def _client(self) -> tuple[DynamoDBClient, str]:
        return self.context.dynamodb(), self.context.clients().table

    def get(self, kiosk_id: str, kind: str, local_id: int) -> Decision | None:
        client, table = self._client()
        key = {"pk": av(decision_pk(self.cinema_id)), "sk": av(decision_sk(kiosk_id, kind, local_id))}
        try:
            found = self.context.call(lambda: client.get_item(TableName=table, Key=key,
                                                              ConsistentRead=True))
        except Exception as exc:  # noqa: BLE001 - translated
            raise translate(exc) from exc
        return parse(plain(found["Item"])) if "Item" in found else None

    def query(self, sk_prefix: str = "") -> list[Decision]:
        """Every decision of the cinema (or of one device, by sort-key prefix), all pages."""
        client, table = self._client()
        values: dict[str, Any] = {":pk": av(decision_pk(self.cinema_id))}
        condition = "pk = :pk"
        if sk_prefix:
            condition += " AND begins_with(sk, :prefix)"
            values[":prefix"] = av(sk_prefix)
        kwargs: dict[str, Any] = {"TableName": table, "KeyConditionExpression": condition,
                                  "ExpressionAttributeValues": values, "ConsistentRead": True}

        try:
            items = self.context.call(
                lambda: [plain(i) for i in query_items(client, **kwargs)])
        except Exception as exc:  # noqa: BLE001
            raise translate(exc) from exc
        return [d for d in (parse(i) for i in items) if d is not None]


class DecisionSender(_Table):
    """The office's side: send a decision (once per request across every office)."""

    def __init__(self, context: CloudContext, cinema_id: str, clock: Clock | None = None):
        super().__init__(context, cinema_id)
        self.clock = clock or Clock()

    def send(self, decision: Decision) -> Decision:
        """Write the decision; ``DecisionTaken`` when one is there that the device has not
        refused. Raises ``CloudUnavailable`` when the cloud cannot be reached (nothing sent)."""
        existing = self.get(decision.kiosk_id, decision.kind, decision.local_id)
        if existing is not None and existing.outcome != "refused":
            raise DecisionTaken(existing)
        decision = replace(decision, attempt=existing.attempt + 1 if existing else 1)
        values: dict[str, Any] = {}
        if existing is None:
            condition = "attribute_not_exists(pk)"
        else:
            condition = "attempt = :prev AND outcome = :refused"
            values = {":prev": av(existing.attempt), ":refused": av("refused")}
        client, table = self._client()
        kwargs: dict[str, Any] = {
            "TableName": table, "ConditionExpression": condition,
            "Item": {k: av(v) for k, v in decision.item(self.cinema_id).items()}}
        if values:
            kwargs["ExpressionAttributeValues"] = values
        try:
            self.context.call(lambda: client.put_item(**kwargs))
        except Exception as exc:  # noqa: BLE001
            if error_code(exc) == "ConditionalCheckFailedException":
                raced = self.get(decision.kiosk_id, decision.kind, decision.local_id)
                raise DecisionTaken(raced or decision) from None
            raise translate(exc) from exc
        return decision

    def outcomes(self) -> list[Decision]:
        """Every decision of the cinema with what its device answered (for the day pull)."""
        return self.query()


class DecisionInbox(_Table):
    """A device's side: the decisions sent to it, and its answer to each."""

    def __init__(self, context: CloudContext, cinema_id: str, kiosk_id: str):
        super().__init__(context, cinema_id)
        self.kiosk_id = kiosk_id

    def waiting(self) -> list[Decision]:
        """Decisions for this device the cloud has no answer to yet."""
        return [d for d in self.query(f"{self.kiosk_id}#") if not d.outcome
                and d.kiosk_id == self.kiosk_id]

    def report(self, decision: Decision, outcome: str, note: str, now: datetime) -> None:
        """Write the device's answer on the decision item (only the outcome attributes). A
        newer attempt there, or an answer already written, wins: nothing is overwritten."""
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES}")
        client, table = self._client()
        try:
            self.context.call(lambda: client.update_item(
                TableName=table,
                Key={"pk": av(decision_pk(self.cinema_id)),
                     "sk": av(decision_sk(self.kiosk_id, decision.kind, decision.local_id))},
                UpdateExpression="SET outcome = :o, note = :n, outcome_at = :t",
                ConditionExpression="attribute_exists(pk) AND attempt = :a AND "
                                    "attribute_not_exists(outcome)",
                ExpressionAttributeValues={":o": av(outcome), ":n": av(note[:500]),
                                           ":t": av(to_iso(now)), ":a": av(decision.attempt)}))
        except Exception as exc:  # noqa: BLE001
            if error_code(exc) == "ConditionalCheckFailedException":
                return
            raise translate(exc) from exc


# -- the local tables (migration 0019) ----------------------------------------------------------
def remember_sent(conn: sqlite3.Connection, d: Decision) -> None:
    """Record (or update) what this console sent, or learnt was sent, for one request."""
    conn.execute(
        "INSERT INTO decisions_sent (kind, kiosk_id, local_id, attempt, decision, comment, "
        "decided_by, decided_by_name, decided_at, outcome, outcome_note, outcome_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, kiosk_id, local_id) DO "
        "UPDATE SET attempt = excluded.attempt, decision = excluded.decision, "
        "comment = excluded.comment, decided_by = excluded.decided_by, "
        "decided_by_name = excluded.decided_by_name, decided_at = excluded.decided_at, "
        "outcome = excluded.outcome, outcome_note = excluded.outcome_note, "
        "outcome_at = excluded.outcome_at WHERE excluded.attempt >= decisions_sent.attempt",
        (d.kind, d.kiosk_id, d.local_id, d.attempt, d.decision, d.comment, d.by, d.by_name, d.at,
         d.outcome, d.note, d.outcome_at or None))


def already_applied(conn: sqlite3.Connection, d: Decision) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM decisions_applied WHERE kind = ? AND local_id = ? AND attempt = ?",
        (d.kind, d.local_id, d.attempt)).fetchone()
    return row


def remember_applied(conn: sqlite3.Connection, d: Decision, outcome: str, note: str,
                     now: datetime) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO decisions_applied (kind, local_id, attempt, decision, decided_by, "
        "decided_at, outcome, note, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (d.kind, d.local_id, d.attempt, d.decision, d.by, d.at, outcome, note[:500], to_iso(now)))

"""The audit log's hash chain (issue 11, must-build 8): every audit row carries the hash of the
row before it and its own hash over both, so a row changed or removed with raw SQL shows.

The link is made by a trigger (migration 0013) calling ``audit_hash``, a SQLite function that
``kiosk.store.db.connect`` registers on every connection. A trigger rather than Python code in
``services.audit.record`` because (a) every writer of ``audit`` is covered, whatever path it
takes, (b) the confirm hot path keeps its statement budget (a trigger body is not a statement of
its own), and (c) the trigger runs inside the writing statement, under the write lock every
transaction takes (``BEGIN IMMEDIATE``), so two processes writing at once still form one chain.
A connection without the function cannot write audit rows at all ("no such function"), which is
the point: rows written around the chain would not verify anyway.

What the chain can and cannot show: a row edited, deleted from the middle, or inserted out of
band is named by ``verify``. Rows cut from the END are not visible in the chain itself, so each
business-day close records the chain's head then (``audit_anchor``, inside the day's signed
totals and printed on its Z report) and ``verify`` checks that every anchor of a day this kiosk
closed is still in the log: a cut reaching back past its last close, or the whole log wiped, is
named. Rows written after the last close, or the
whole log and every close rewritten by someone who has read this file, remain undetectable from
inside the database; the printed Z report (and the cloud's copy of the day) is the outside
record to compare with.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass

FUNCTION = "audit_hash"
FIELDS = ("id", "at", "staff_id", "kiosk_id", "action", "target", "ok", "detail")


def chain_hash(prev_hash: str | None, row_id: int, at: str, staff_id: int | None, kiosk_id: str,
               action: str, target: str, ok: int, detail: str) -> str:
    """SHA-256 over the previous row's hash and every field of this row (stable JSON)."""
    payload = json.dumps([prev_hash or "", row_id, at, staff_id, kiosk_id, action, target, ok,
                          detail], separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def register(conn: sqlite3.Connection) -> None:
    """Make ``audit_hash(...)`` available to the chain trigger on this connection."""
    conn.create_function(FUNCTION, 1 + len(FIELDS), chain_hash, deterministic=True)


@dataclass(frozen=True)
class ChainCheck:
    """The result of ``verify``: intact, or the first row where the chain breaks and why."""

    rows: int
    bad_id: int | None = None
    problem: str = ""
    last_hash: str = ""

    @property
    def intact(self) -> bool:
        return self.bad_id is None and not self.problem

    def message(self) -> str:
        if self.intact:
            return f"Audit log intact, {self.rows:,} row{'' if self.rows == 1 else 's'}."
        return f"Audit log NOT intact: {self.problem}"


def audit_anchor(conn: sqlite3.Connection) -> dict[str, object] | None:
    """The chain's head now (last row id and hash), for a business-day close to record."""
    row = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else {"id": row[0], "hash": row[1]}


def _recorded_anchors(conn: sqlite3.Connection, kiosk_id: str) -> list[tuple[str, int, str]]:
    """(business date, row id, hash) recorded by every day this kiosk closed, oldest first.

    The closing kiosk is part of what the close signs, so it cannot be edited away; a close
    pulled from another device of the cinema names that device and says nothing of this log."""
    if not kiosk_id or conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                    "AND name = 'business_days'").fetchone() is None:
        return []
    anchors = []
    for day, totals_json in conn.execute(
            "SELECT business_date, totals_json FROM business_days WHERE kiosk_id = ? "
            "ORDER BY closed_at", (kiosk_id,)):
        try:
            anchor = json.loads(totals_json).get("audit_anchor")
            if anchor:
                anchors.append((str(day), int(anchor["id"]), str(anchor["hash"])))
        except (ValueError, TypeError, KeyError, AttributeError):
            continue  # a damaged close is reported by its own signature check
    return anchors


def verify(conn: sqlite3.Connection, kiosk_id: str = "") -> ChainCheck:
    """Walk the chain in id order and report the first row that was changed or removed; with
    ``kiosk_id`` (this device's), also rows cut from the end back past a day it closed."""
    check = _walk(conn)
    if not check.intact:
        return check
    for day, row_id, expected in _recorded_anchors(conn, kiosk_id):
        row = conn.execute("SELECT hash FROM audit WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            return ChainCheck(check.rows, row_id, f"row {row_id} and the rows after it were "
                              f"removed: the close of business day {day} recorded it as the "
                              "log's last row.")
        if row[0] != expected:
            return ChainCheck(check.rows, row_id, f"row {row_id} is not the row the close of "
                              f"business day {day} recorded (the log was rewritten).")
    return check


def _walk(conn: sqlite3.Connection) -> ChainCheck:
    prev_hash, prev_id, count = "", None, 0
    cursor = conn.execute(
        "SELECT id, at, staff_id, kiosk_id, action, target, ok, detail, prev_hash, hash "
        "FROM audit ORDER BY id")
    for row in cursor:
        row_id, fields, stored_prev, stored = row[0], tuple(row[:8]), row[8], row[9]
        count += 1
        if stored is None or stored_prev is None:
            return ChainCheck(count, row_id, f"row {row_id} has no chain hash: it was written "
                              "around the audit log (raw SQL without the chain).")
        if chain_hash(stored_prev, *fields) != stored:
            return ChainCheck(count, row_id, f"row {row_id} ({row[4]} at {row[1]}) was changed "
                              "after it was written.")
        if stored_prev != prev_hash:
            if prev_id is None:
                where = f"the first rows, before row {row_id}, were removed"
            elif row_id == prev_id + 1:
                where = (f"row {prev_id} was rewritten (its hash no longer leads to row "
                         f"{row_id})")
            else:
                where = (f"rows {prev_id + 1}–{row_id - 1} were removed (between row {prev_id} "
                         f"and row {row_id})")
            return ChainCheck(count, row_id, f"{where}.")
        prev_hash, prev_id = stored, row_id
    return ChainCheck(count, last_hash=prev_hash)

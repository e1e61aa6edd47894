"""The audit log (invariant I4): who did what, when, on which kiosk, and whether it was allowed.

Every row is chained to the one before it by a hash (``kiosk.store.audit_chain``, migration
0013): ``AuditLog.chain`` and ``kiosk audit verify`` name the first row changed or removed.

``record`` writes on the connection it is given, so an audit row commits or rolls back together
with the change it describes. Failed attempts (wrong PIN, refused permission) are recorded in a
transaction of their own, because the action they describe did not happen.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from datetime import datetime
from typing import Any

from kiosk.domain.clock import to_iso
from kiosk.domain.errors import InvalidInput
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor
from kiosk.store.audit_chain import ChainCheck, verify
from kiosk.store.db import transaction

log = logging.getLogger(__name__)


def record(conn: sqlite3.Connection, *, at: datetime, kiosk_id: str, action: str,
           staff_id: int | None = None, target: str = "", ok: bool = True,
           detail: dict[str, Any] | None = None) -> None:
    """Append one audit row inside the caller's transaction (never opens its own)."""
    conn.execute(
        "INSERT INTO audit (at, staff_id, kiosk_id, action, target, ok, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (to_iso(at), staff_id, kiosk_id, action, str(target), 1 if ok else 0,
         json.dumps(detail or {}, sort_keys=True, default=str)),
    )


def record_refusal(conn: sqlite3.Connection, *, at: datetime, actor: Actor, action: str,
                   target: str = "", detail: dict[str, Any] | None = None) -> None:
    """Audit an action that was refused, in a committed transaction of its own.

    Called just before the refusal is raised: the refused change itself never happened, but the
    attempt must survive the rollback of anything the caller was doing.
    """
    if conn.in_transaction:
        # A role check inside someone's write transaction: committing here would commit their
        # half-done work, and a second connection would wait on our own write lock. Write into
        # their transaction instead (kept if they handle the refusal and commit) and say so.
        log.warning("refusal of %s audited inside an open transaction; check roles before "
                    "BEGIN so it survives the rollback", action)
        record(conn, at=at, kiosk_id=actor.kiosk_id, action=action, staff_id=actor.staff_id,
               target=target, ok=False, detail=detail)
        return
    with transaction(conn):
        record(conn, at=at, kiosk_id=actor.kiosk_id, action=action, staff_id=actor.staff_id,
               target=target, ok=False, detail=detail)


class AuditLog:
    """Read side of the audit table, for the manager console and exports."""

    def __init__(self, deps: ServiceDeps):
        self.deps = deps

    def query(self, actor: Actor, staff_id: int | None = None, action: str | None = None,
              start: datetime | None = None, end: datetime | None = None,
              limit: int = 1000) -> list[dict[str, Any]]:
        """Newest first; ``start`` inclusive, ``end`` exclusive (UTC-aware datetimes)."""
        from kiosk.services.auth import ensure_manager

        ensure_manager(self.deps, actor, "audit_query")
        if any(t is not None and t.tzinfo is None for t in (start, end)):
            raise InvalidInput("Give the audit period as timezone-aware times.")
        if limit <= 0 or limit > 100_000:
            raise InvalidInput("Ask for between 1 and 100,000 audit rows.")
        rows = self.deps.conn.execute(
            "SELECT a.id, a.at, a.staff_id, s.staff_number, s.name AS staff_name, a.kiosk_id, "
            "a.action, a.target, a.ok, a.detail FROM audit a "
            "LEFT JOIN staff s ON s.id = a.staff_id "
            "WHERE (?1 IS NULL OR a.staff_id = ?1) AND (?2 IS NULL OR a.action = ?2) "
            "AND (?3 IS NULL OR a.at >= ?3) AND (?4 IS NULL OR a.at < ?4) "
            "ORDER BY a.at DESC, a.id DESC LIMIT ?5",
            (staff_id, action or None, to_iso(start) if start else None,
             to_iso(end) if end else None, limit),
        ).fetchall()
        return [
            {
                "id": r["id"], "at": r["at"], "staff_id": r["staff_id"],
                "staff_number": r["staff_number"], "staff_name": r["staff_name"],
                "kiosk_id": r["kiosk_id"], "action": r["action"], "target": r["target"],
                "ok": bool(r["ok"]), "detail": json.loads(r["detail"] or "{}"),
            }
            for r in rows
        ]

    def chain(self, actor: Actor) -> ChainCheck:
        """Is the audit log's hash chain intact (manager only; reads every row once)."""
        from kiosk.services.auth import ensure_manager

        ensure_manager(self.deps, actor, "audit_verify")
        return verify(self.deps.conn, self.deps.config.kiosk_id)

"""Audit rows for cloud events (conflicts, allocations, resolutions) inside the caller's transaction.

Uses the shared ``kiosk.services.audit.record`` when it is available; otherwise writes the same
row itself, so the cloud never loses accountability (invariant I4) while that module evolves.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from kiosk.domain.clock import to_iso


def record(conn: sqlite3.Connection, *, at: datetime, kiosk_id: str, action: str,
           staff_id: int | None = None, target: str = "", ok: bool = True,
           detail: dict[str, Any] | None = None) -> None:
    try:
        from kiosk.services.audit import record as shared_record
    except ImportError:
        shared_record = None
    if shared_record is not None:
        shared_record(conn, at=at, kiosk_id=kiosk_id, action=action, staff_id=staff_id,
                      target=target, ok=ok, detail=detail)
        return
    conn.execute(
        "INSERT INTO audit (at, staff_id, kiosk_id, action, target, ok, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (to_iso(at), staff_id, kiosk_id, action, target, int(ok),
         json.dumps(detail or {}, sort_keys=True)),
    )


def require_manager(conn: sqlite3.Connection, actor: Any, action: str, at: datetime) -> None:
    """The one role check (``kiosk.services.auth.require_role``: re-reads the staff row), for
    cloud code that holds a connection rather than the services' deps."""
    from types import SimpleNamespace

    from kiosk.services.auth import require_role
    from kiosk.services.models import Role

    deps = SimpleNamespace(conn=conn, clock=SimpleNamespace(now=lambda: at))
    require_role(deps, actor, Role.MANAGER, action)  # type: ignore[arg-type]

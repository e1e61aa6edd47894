"""Audit rows for cloud events (conflicts, allocations, resolutions) inside the caller's transaction.

Writes through the shared ``kiosk.services.audit.record`` (imported when called: the services
import the cloud), so cloud events join the same hash-chained log (invariant I4).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any


def record(conn: sqlite3.Connection, *, at: datetime, kiosk_id: str, action: str,
           staff_id: int | None = None, target: str = "", ok: bool = True,
           detail: dict[str, Any] | None = None) -> None:
    from kiosk.services.audit import record as shared_record

    shared_record(conn, at=at, kiosk_id=kiosk_id, action=action, staff_id=staff_id,
                  target=target, ok=ok, detail=detail)


def require_manager(conn: sqlite3.Connection, actor: Any, action: str, at: datetime) -> None:
    """The one role check (``kiosk.services.auth.require_role``: re-reads the staff row), for
    cloud code that holds a connection rather than the services' deps."""
    from types import SimpleNamespace

    from kiosk.services.auth import require_role
    from kiosk.services.models import Role

    deps = SimpleNamespace(conn=conn, clock=SimpleNamespace(now=lambda: at))
    require_role(deps, actor, Role.MANAGER, action)  # type: ignore[arg-type]

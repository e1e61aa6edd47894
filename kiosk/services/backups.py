"""Backup and restore with an audit row each (issue 11, must-build 7): who, which file, counts.

The copying and checking is ``kiosk.store.backup``; this layer records it. A backup's row goes
into the live database (after the copy, so the backup does not hold its own row). A restore's
row goes into the restored database, so the log that is live afterwards says it was restored,
from which file, and where the replaced data was kept; a refused restore is recorded in the
database it refused to replace (when there is one). ``who`` is the signed-in staff member when
the command named one, and always the operating-system user that ran it.

Both need a signed-in manager whenever the database has staff (``kiosk.services.db_guard``): a
backup holds every PIN hash, a restore replaces every sale and closed day. A refusal writes
nothing but its audit row.
"""

from __future__ import annotations

import getpass
import sqlite3
from pathlib import Path
from typing import Any

from kiosk.config import Config
from kiosk.domain.clock import Clock
from kiosk.domain.errors import KioskError
from kiosk.services import audit
from kiosk.services.db_guard import require_manager_for_database
from kiosk.services.models import Actor
from kiosk.store import backup as store
from kiosk.store.db import connect, transaction


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return ""


def _record(db_path: Path, config: Config, clock: Clock, actor: Actor | None, action: str,
            target: str, ok: bool, detail: dict[str, Any]) -> None:
    detail = {**detail, "os_user": _os_user()}
    if actor is not None:
        detail["staff_number"] = actor.staff_number
    conn = connect(db_path)
    try:
        with transaction(conn):
            audit.record(conn, at=clock.now(), kiosk_id=actor.kiosk_id if actor else config.kiosk_id,
                         action=action, staff_id=actor.staff_id if actor else None,
                         target=target, ok=ok, detail=detail)
    finally:
        conn.close()


def backup_database(config: Config, dest: Path | str | None, clock: Clock | None = None,
                    actor: Actor | None = None) -> Path:
    """Save a verified copy of the live database and audit it (file, size, schema, counts).

    Needs a manager (``actor``) when the database has staff: the copy holds their PIN hashes."""
    clock = clock or Clock()
    require_manager_for_database(config, actor, "backup", str(dest or ""), clock,
                                 what="save a backup (it holds every staff PIN hash)")
    written = store.backup(config.db_path, dest)
    conn = sqlite3.connect(f"{written.resolve().as_uri()}?mode=ro", uri=True)
    try:
        counts = store.table_counts(conn)
        schema = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    _record(Path(config.db_path), config, clock, actor, "backup", str(written), True,
            {"file": str(written), "bytes": written.stat().st_size, "schema": schema,
             "counts": counts})
    return written


def restore_database(config: Config, backup_path: Path | str, clock: Clock | None = None,
                     actor: Actor | None = None,
                     undo_closed_days: bool = False) -> store.RestoreResult:
    """Check the backup against every rule of the live schema, replace the database with it,
    and audit the restore in the restored database (a refusal in the live one).

    A backup older than a closed business day is refused unless ``undo_closed_days``; the
    audit row then lists what was undone. Needs a manager (``actor``) unless the live
    database has no staff (missing, empty or unreadable): checked before the backup is read."""
    clock = clock or Clock()
    db_path, backup_path = Path(config.db_path), Path(backup_path)
    require_manager_for_database(config, actor, "restore", backup_path.name, clock,
                                 what="restore a backup")
    try:
        result = store.restore_checked(backup_path, db_path, undo_frozen=undo_closed_days)
    except KioskError as err:
        _record_refusal(db_path, config, clock, actor, backup_path, err)
        raise
    _record(db_path, config, clock, actor, "restore", backup_path.name, True, {
        "file": str(backup_path), "schema": result.schema, "counts": result.counts,
        "safety_copy": str(result.safety) if result.safety else "",
        "undone": result.undone})
    return result


def _record_refusal(db_path: Path, config: Config, clock: Clock, actor: Actor | None,
                    backup_path: Path, err: KioskError) -> None:
    """Best effort: only into a live kiosk database that already exists and opens cleanly."""
    if not db_path.is_file():
        return
    try:
        store.verify(db_path)
        _record(db_path, config, clock, actor, "restore", backup_path.name, False, {
            "file": str(backup_path), "reason": type(err).__name__, "message": str(err)[:500]})
    except (KioskError, sqlite3.Error):
        pass  # the live database is itself unusable: the refusal is still reported to the user

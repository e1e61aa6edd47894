"""The one manager check for actions on the WHOLE database: restore, backup, ``init --force``
and ``cloud join``.

Each of these copies every PIN hash out of the building (backup) or replaces every sale, shift,
closed business day and staff member (restore, a wipe, a join over another cinema's data), so
they need a signed-in manager whenever the database has staff to protect. Only a database with
no staff at all (missing, empty, not readable as a kiosk database) may be handled without a
sign-in: there is then nobody who could sign in, and nothing a sign-in would protect.

The role is checked by ``kiosk.services.auth.require_role``, which re-reads the staff row (so a
manager demoted or deactivated since signing in is refused) and audits its refusals; a missing
sign-in is audited here. A refusal changes nothing but that audit row.
"""

from __future__ import annotations

import getpass
import sqlite3
from pathlib import Path

import sqlite_utils

from kiosk.config import Config
from kiosk.domain.clock import Clock
from kiosk.domain.errors import PermissionDenied
from kiosk.services import audit
from kiosk.services.auth import require_role
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Role
from kiosk.store.db import connect, transaction

SIGN_IN_HINT = ("a manager must sign in: add --staff NUMBER with the PIN in KIOSK_PIN (or type "
                "it when asked)")


def _open(path: Path) -> sqlite3.Connection | None:
    """A connection to an existing, readable database at ``path``; None otherwise."""
    if not path.is_file():
        return None
    try:
        conn = connect(path)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        return None
    return conn


def _staff_count(conn: sqlite3.Connection) -> int:
    try:
        return int(conn.execute("SELECT COUNT(*) FROM staff").fetchone()[0])
    except sqlite3.Error:  # no staff table: not a kiosk database, nothing to protect
        return 0


def has_staff(db_path: Path | str) -> bool:
    """The database at ``db_path`` exists, is readable and holds at least one staff member
    (active or not: a deactivated manager's history is still worth protecting)."""
    conn = _open(Path(db_path))
    if conn is None:
        return False
    try:
        return _staff_count(conn) > 0
    finally:
        conn.close()


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return ""


def require_manager_for_database(config: Config, actor: Actor | None, action: str,
                                 target: str = "", clock: Clock | None = None,
                                 what: str = "do this") -> bool:
    """Refuse (PermissionDenied, audited) unless ``actor`` is a manager of the database at
    ``config.db_path`` according to its staff row now; allow anyone when it has no staff.

    Returns True when a manager was checked, False when there was nothing to protect. ``what``
    names the action in the message ("restore a backup"). Call it before any change: the only
    write it makes is the audit row of a refusal.
    """
    clock = clock or Clock()
    conn = _open(Path(config.db_path))
    if conn is None:
        return False
    try:
        if _staff_count(conn) == 0:
            return False
        if actor is None:
            _audit_no_sign_in(conn, config, clock, action, target)
            raise PermissionDenied(f"To {what} {SIGN_IN_HINT}. Nothing was changed.")
        deps = ServiceDeps(db=sqlite_utils.Database(conn), config=config, clock=clock)
        try:
            require_role(deps, actor, Role.MANAGER, action, target)  # re-reads the row; audits
        except PermissionDenied as err:
            who = f"staff {actor.staff_number}" if actor.staff_number else "this sign-in"
            raise type(err)(f"Only a manager can {what}; {who} is not (now) a manager of this "
                            f"database. To go ahead {SIGN_IN_HINT}. Nothing was changed.") \
                from None
        return True
    finally:
        conn.close()


def _audit_no_sign_in(conn: sqlite3.Connection, config: Config, clock: Clock, action: str,
                      target: str) -> None:
    """Best effort: a database on an older schema may not take today's audit row; the
    refusal is raised all the same."""
    try:
        with transaction(conn):
            audit.record(conn, at=clock.now(), kiosk_id=config.kiosk_id, action=action,
                         staff_id=None, target=target, ok=False,
                         detail={"reason": "no_sign_in", "os_user": _os_user()})
    except sqlite3.Error:
        pass

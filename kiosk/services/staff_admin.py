"""Staff administration for managers: add staff with a PIN, reset PINs, unlock, (de)activate, roles.

Every method checks the manager role here, in the service, so a cashier who reaches it some other
way (CLI, a bug in a screen) is refused and the refusal is audited. The venue must never be left
without an active manager, so the last one can be neither deactivated nor demoted.
bcrypt is slow on purpose: the UI calls ``add_staff`` / ``reset_pin`` off the GUI thread.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from kiosk.domain.clock import from_iso
from kiosk.domain.errors import InvalidInput, NotFound
from kiosk.domain.pin_policy import check_new_pin
from kiosk.services import audit
from kiosk.services.auth import ensure_manager, hash_pin
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Role
from kiosk.store.db import inserted_id, transaction


def audit_event(conn: sqlite3.Connection, deps: ServiceDeps, actor: Actor, action: str,
                target: str = "", ok: bool = True, detail: dict[str, Any] | None = None) -> None:
    """Write one audit row on ``conn`` (inside the caller's transaction)."""
    audit.record(conn, at=deps.clock.now(), kiosk_id=actor.kiosk_id, action=action,
                 staff_id=actor.staff_id, target=target, ok=ok, detail=detail)


# The one role check (``auth.require_role``, re-reading the staff row), under the name this
# module's callers import.
require_manager = ensure_manager


class CataloguePublishing(Protocol):
    """``kiosk.cloud.catalogue_sync.CataloguePublisher``, seen from the services (no cloud import)."""

    def after_edit(self, conn: sqlite3.Connection, staff_number: str) -> object: ...


def publish_edit(publisher: CataloguePublishing | None, deps: ServiceDeps, actor: Actor) -> None:
    """With cloud sync on and a ``cinema_id``, a manager's committed edit goes to the shared
    catalogue now (or is queued while offline). The role is checked again here, and the cloud
    module refuses a non-manager whatever its caller did."""
    if publisher is None:
        return
    require_manager(deps, actor, "catalogue.publish")
    publisher.after_edit(deps.conn, actor.staff_number)


@dataclass(frozen=True)
class StaffRecord:
    staff_id: int
    staff_number: str
    name: str
    role: str
    active: bool
    failed_attempts: int
    locked_until: datetime | None

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


def _record(row: sqlite3.Row) -> StaffRecord:
    return StaffRecord(
        staff_id=row["id"], staff_number=row["staff_number"], name=row["name"], role=row["role"],
        active=bool(row["active"]), failed_attempts=row["failed_attempts"],
        locked_until=from_iso(row["locked_until"]) if row["locked_until"] else None,
    )


class StaffAdminService:
    def __init__(self, deps: ServiceDeps, publisher: CataloguePublishing | None = None):
        self.deps = deps
        self.publisher = publisher  # the shared staff directory (kiosk.cloud.catalogue_sync)

    # ---- reading -----------------------------------------------------------------------------
    def list_staff(self, actor: Actor, include_inactive: bool = True) -> list[StaffRecord]:
        require_manager(self.deps, actor, "staff.list")
        rows = self.deps.conn.execute(
            "SELECT * FROM staff WHERE ? OR active = 1 ORDER BY active DESC, staff_number",
            (1 if include_inactive else 0,)).fetchall()
        return [_record(r) for r in rows]

    def _get(self, conn: sqlite3.Connection, staff_id: int) -> sqlite3.Row:
        row: sqlite3.Row | None = conn.execute("SELECT * FROM staff WHERE id = ?",
                                               (staff_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no staff member with id {staff_id}.")
        return row

    # ---- changes -----------------------------------------------------------------------------
    def add_staff(self, actor: Actor, staff_number: str, name: str, role: str, pin: str) -> StaffRecord:
        require_manager(self.deps, actor, "staff.add", target=str(staff_number))
        staff_number = (staff_number or "").strip()
        name = " ".join((name or "").split())
        if not staff_number.isdigit() or not 3 <= len(staff_number) <= 8:
            raise InvalidInput("A staff number is 3 to 8 digits.")
        if not name:
            raise InvalidInput("Please enter the staff member's name.")
        role = self._role(role)
        pin_hash = hash_pin(check_new_pin(pin), self.deps.config.bcrypt_rounds)  # before the lock
        with transaction(self.deps.conn) as conn:
            if conn.execute("SELECT 1 FROM staff WHERE staff_number = ?", (staff_number,)).fetchone():
                raise InvalidInput(f"Staff number {staff_number} is already taken.")
            cur = conn.execute(
                "INSERT INTO staff (staff_number, name, role, pin_hash) VALUES (?, ?, ?, ?)",
                (staff_number, name, role, pin_hash),
            )
            staff_id = inserted_id(cur)
            audit_event(conn, self.deps, actor, "staff.add", target=staff_number,
                        detail={"staff_id": staff_id, "name": name, "role": role})
            record = _record(self._get(conn, staff_id))
        publish_edit(self.publisher, self.deps, actor)
        return record

    def reset_pin(self, actor: Actor, staff_id: int, new_pin: str) -> None:
        """Set a new PIN; it also clears a lockout, since the old PIN is what was being guessed."""
        require_manager(self.deps, actor, "staff.reset_pin", target=str(staff_id))
        pin_hash = hash_pin(check_new_pin(new_pin), self.deps.config.bcrypt_rounds)
        with transaction(self.deps.conn) as conn:
            row = self._get(conn, staff_id)
            conn.execute(
                "UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?",
                (pin_hash, staff_id),
            )
            audit_event(conn, self.deps, actor, "staff.reset_pin", target=row["staff_number"])
        publish_edit(self.publisher, self.deps, actor)

    def unlock(self, actor: Actor, staff_id: int) -> None:
        require_manager(self.deps, actor, "staff.unlock", target=str(staff_id))
        with transaction(self.deps.conn) as conn:
            row = self._get(conn, staff_id)
            conn.execute("UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
                         (staff_id,))
            audit_event(conn, self.deps, actor, "staff.unlock", target=row["staff_number"],
                        detail={"failed_attempts": row["failed_attempts"]})

    def deactivate(self, actor: Actor, staff_id: int) -> None:
        require_manager(self.deps, actor, "staff.deactivate", target=str(staff_id))
        with transaction(self.deps.conn) as conn:
            row = self._get(conn, staff_id)
            if not row["active"]:
                return
            if row["role"] == Role.MANAGER:
                self._keep_a_manager(conn, staff_id, "deactivate")
            conn.execute("UPDATE staff SET active = 0 WHERE id = ?", (staff_id,))
            audit_event(conn, self.deps, actor, "staff.deactivate", target=row["staff_number"])
        publish_edit(self.publisher, self.deps, actor)

    def reactivate(self, actor: Actor, staff_id: int) -> None:
        require_manager(self.deps, actor, "staff.reactivate", target=str(staff_id))
        with transaction(self.deps.conn) as conn:
            row = self._get(conn, staff_id)
            if row["active"]:
                return
            conn.execute("UPDATE staff SET active = 1, failed_attempts = 0, locked_until = NULL"
                         " WHERE id = ?", (staff_id,))
            audit_event(conn, self.deps, actor, "staff.reactivate", target=row["staff_number"])
        publish_edit(self.publisher, self.deps, actor)

    def set_role(self, actor: Actor, staff_id: int, role: str) -> None:
        require_manager(self.deps, actor, "staff.set_role", target=str(staff_id))
        role = self._role(role)
        with transaction(self.deps.conn) as conn:
            row = self._get(conn, staff_id)
            if row["role"] == role:
                return
            if row["role"] == Role.MANAGER and row["active"]:
                self._keep_a_manager(conn, staff_id, "demote")
            conn.execute("UPDATE staff SET role = ? WHERE id = ?", (role, staff_id))
            audit_event(conn, self.deps, actor, "staff.set_role", target=row["staff_number"],
                        detail={"from": row["role"], "to": role})
        publish_edit(self.publisher, self.deps, actor)

    # ---- rules -------------------------------------------------------------------------------
    @staticmethod
    def _role(role: str) -> str:
        if role not in (Role.CASHIER, Role.MANAGER):
            raise InvalidInput("A staff role is cashier or manager.")
        return str(Role(role))

    @staticmethod
    def _keep_a_manager(conn: sqlite3.Connection, staff_id: int, verb: str) -> None:
        others = conn.execute(
            "SELECT COUNT(*) FROM staff WHERE role = 'manager' AND active = 1 AND id != ?",
            (staff_id,),
        ).fetchone()[0]
        if others == 0:
            raise InvalidInput(
                f"You cannot {verb} the last active manager. Add or promote another manager first."
            )

"""The first manager of a new kiosk database: the one way staff come into being without a manager.

An empty database used to get the demo data, and with it manager 9001 whose PIN is printed in
the README. Now the demo is loaded only on request (``kiosk init --demo``), and a kiosk started
on an empty production database asks for its first manager instead. The set-up screen
(``kiosk.ui.first_manager``) and ``kiosk init --first-manager`` both call ``create_first_manager``
here, so the rules are the same for both:

- refused as soon as ANY staff row exists (active or not): after that, staff are added by a
  signed-in manager through ``StaffAdminService``. The check and the insert are one
  ``BEGIN IMMEDIATE`` transaction, so two processes racing on one empty database make exactly
  one manager; the loser is refused and changes nothing.
- refused on a device joined to a cloud cinema: its staff list comes from the cloud.
- the PIN policy (``kiosk.domain.pin_policy``), typed twice.
- the creation is audited (and so is a refused attempt on a database that already has staff).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from kiosk.domain.errors import InvalidInput, PermissionDenied
from kiosk.domain.pin_policy import check_pin_twice
from kiosk.services import audit
from kiosk.services.auth import hash_pin
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Role
from kiosk.services.staff_admin import StaffRecord
from kiosk.store.db import transaction
from kiosk.store.demo import is_demo

ACTION = "staff.first_manager"
NAME_MAX = 80


def has_staff(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM staff LIMIT 1").fetchone() is not None


def is_demo_database(conn: sqlite3.Connection) -> bool:
    """The demo dataset (with its published PINs) was loaded into this database: the screens
    show a DEMO badge and the CLI a notice, so nobody mistakes it for a cinema's own data."""
    return is_demo(conn)


def needs_first_manager(deps: ServiceDeps) -> bool:
    """The launcher asks for the first manager: no staff at all and not a cloud cinema's device
    (a joined device gets its staff from the cloud)."""
    return not deps.config.cinema_id and not has_staff(deps.conn)


def _staff_number(value: object) -> str:
    number = str(value or "").strip()
    if not number.isascii() or not number.isdigit() or not 3 <= len(number) <= 8:
        raise InvalidInput("A staff number is 3 to 8 digits.")
    return number


def _name(value: object) -> str:
    name = " ".join(str(value or "").split())
    if not name:
        raise InvalidInput("Please enter the manager's name.")
    if len(name) > NAME_MAX or not name.isprintable():
        raise InvalidInput(f"A name is at most {NAME_MAX} ordinary characters.")
    return name


def _refuse(conn: sqlite3.Connection, deps: ServiceDeps, number: str, why: str,
            message: str, detail: dict[str, Any] | None = None) -> PermissionDenied:
    audit.record(conn, at=deps.clock.now(), kiosk_id=deps.config.kiosk_id, action=ACTION,
                 target=number, ok=False, detail={"reason": why, **(detail or {})})
    return PermissionDenied(message)


def create_first_manager(deps: ServiceDeps, staff_number: str, name: str, pin: str,
                         pin_again: str) -> StaffRecord:
    """Create the database's first member of staff, a manager. See the module docstring."""
    number = _staff_number(staff_number)
    name = _name(name)
    chosen = check_pin_twice(pin, pin_again)
    if deps.config.cinema_id:
        raise PermissionDenied(
            f"This device belongs to cinema {deps.config.cinema_id}: its staff come from the "
            "cloud. Ask a manager of that cinema to add you. Nothing was changed.")
    pin_hash = hash_pin(chosen, deps.config.bcrypt_rounds)  # slow: before the write lock
    refused: PermissionDenied | None = None
    with transaction(deps.conn) as conn:  # BEGIN IMMEDIATE: check and insert under one lock
        count = conn.execute("SELECT COUNT(*) FROM staff").fetchone()[0]
        if count:
            refused = _refuse(
                conn, deps, number, "staff_exist",
                "This kiosk already has staff, so there is no first manager to create. A "
                "manager adds staff in the manager console (Staff). Nothing was changed.",
                {"staff_count": count})
        else:
            cur = conn.execute(
                "INSERT INTO staff (staff_number, name, role, pin_hash) VALUES (?, ?, ?, ?)",
                (number, name, str(Role.MANAGER), pin_hash))
            staff_id = int(cur.lastrowid)
            audit.record(conn, at=deps.clock.now(), kiosk_id=deps.config.kiosk_id,
                         action=ACTION, staff_id=staff_id, target=number,
                         detail={"staff_id": staff_id, "name": name, "role": str(Role.MANAGER)})
    if refused is not None:
        raise refused
    return StaffRecord(staff_id=staff_id, staff_number=number, name=name, role=str(Role.MANAGER),
                       active=True, failed_attempts=0, locked_until=None)

"""Staff administration: PINs, lockouts, roles, and the last-manager rule; all audited."""

from __future__ import annotations

import json

import bcrypt
import pytest

from kiosk.domain.clock import to_iso
from kiosk.domain.errors import InvalidInput, PermissionDenied
from kiosk.services.models import Actor, Role
from kiosk.services.staff_admin import StaffAdminService
from tests.factories import table_dump


def actor_for(services, staff_number: str) -> Actor:
    row = services.deps.conn.execute("SELECT * FROM staff WHERE staff_number = ?",
                                      (staff_number,)).fetchone()
    return Actor(row["id"], row["staff_number"], row["name"], Role(row["role"]), "KIOSK-1")


@pytest.fixture
def admin(services):
    return StaffAdminService(services.deps)


@pytest.fixture
def manager(services):
    return actor_for(services, "9001")


@pytest.fixture
def cashier(services):
    return actor_for(services, "1001")


def audit_rows(services, action):
    return [dict(r) for r in services.deps.conn.execute(
        "SELECT * FROM audit WHERE action = ? ORDER BY id", (action,))]


def test_add_staff_hashes_pin_and_audits(services, admin, manager):
    added = admin.add_staff(manager, "1010", "  Neha   Rao ", "cashier", "4826")
    assert (added.staff_number, added.name, added.role, added.active) == ("1010", "Neha Rao", "cashier", True)
    stored = services.deps.conn.execute("SELECT pin_hash FROM staff WHERE id = ?",
                                        (added.staff_id,)).fetchone()[0]
    assert "4826" not in stored and bcrypt.checkpw(b"4826", stored.encode())
    [row] = audit_rows(services, "staff.add")
    assert row["staff_id"] == manager.staff_id and row["target"] == "1010" and row["ok"] == 1


@pytest.mark.parametrize("number,name,role,pin", [
    ("1001", "Dup", "cashier", "5831"),  # taken
    ("12", "Short", "cashier", "5831"),
    ("1011", "", "cashier", "5831"),
    ("1011", "X", "owner", "5831"),
    ("1011", "X", "cashier", "12"),
    ("1011", "X", "cashier", "12ab"),
    ("1011", "X", "cashier", "1111"),  # the PIN policy: one digit repeated
    ("1011", "X", "cashier", "1234"),  # a run up
    ("1011", "X", "cashier", "9876"),  # a run down
])
def test_add_staff_refuses_bad_input_and_writes_nothing(services, admin, manager, number, name, role, pin):
    before = services.deps.conn.execute("SELECT COUNT(*) FROM staff").fetchone()[0]
    with pytest.raises(InvalidInput):
        admin.add_staff(manager, number, name, role, pin)
    assert services.deps.conn.execute("SELECT COUNT(*) FROM staff").fetchone()[0] == before
    assert audit_rows(services, "staff.add") == []


def test_reset_pin_replaces_hash_and_clears_lock(services, admin, manager, cashier, clock):
    services.deps.conn.execute("UPDATE staff SET failed_attempts = 5, locked_until = ? WHERE id = ?",
                               (to_iso(clock.now()), cashier.staff_id))
    admin.reset_pin(manager, cashier.staff_id, "750913")
    row = services.deps.conn.execute("SELECT * FROM staff WHERE id = ?", (cashier.staff_id,)).fetchone()
    assert bcrypt.checkpw(b"750913", row["pin_hash"].encode())
    assert not bcrypt.checkpw(b"1234", row["pin_hash"].encode())
    assert row["failed_attempts"] == 0 and row["locked_until"] is None
    assert audit_rows(services, "staff.reset_pin")[0]["target"] == "1001"


@pytest.mark.parametrize("weak", ["0000", "4321", "7890", "12345678"])
def test_reset_pin_applies_the_pin_policy_and_changes_nothing(services, admin, manager, cashier,
                                                              weak):
    before = table_dump(services.deps.conn)
    with pytest.raises(InvalidInput):
        admin.reset_pin(manager, cashier.staff_id, weak)
    assert table_dump(services.deps.conn) == before
    assert audit_rows(services, "staff.reset_pin") == []


def test_unlock_clears_lockout(services, admin, manager, cashier, clock):
    services.deps.conn.execute("UPDATE staff SET failed_attempts = 5, locked_until = ? WHERE id = ?",
                               (to_iso(clock.now().replace(year=2027)), cashier.staff_id))
    listed = {s.staff_number: s for s in admin.list_staff(manager)}
    assert listed["1001"].is_locked(clock.now())
    admin.unlock(manager, cashier.staff_id)
    listed = {s.staff_number: s for s in admin.list_staff(manager)}
    assert not listed["1001"].is_locked(clock.now()) and listed["1001"].failed_attempts == 0
    assert json.loads(audit_rows(services, "staff.unlock")[0]["detail"])["failed_attempts"] == 5


def test_last_active_manager_cannot_be_deactivated_or_demoted(services, admin, manager):
    with pytest.raises(InvalidInput, match="last active manager"):
        admin.deactivate(manager, manager.staff_id)
    with pytest.raises(InvalidInput, match="last active manager"):
        admin.set_role(manager, manager.staff_id, "cashier")
    row = services.deps.conn.execute("SELECT role, active FROM staff WHERE id = ?",
                                     (manager.staff_id,)).fetchone()
    assert (row["role"], row["active"]) == ("manager", 1)
    # With a second manager, the first may step down, and then loses manager powers at once.
    other = admin.add_staff(manager, "9002", "Second Manager", "manager", "8642")
    admin.set_role(manager, manager.staff_id, "cashier")
    with pytest.raises(PermissionDenied):
        admin.list_staff(manager)  # the stale Actor snapshot no longer grants anything
    second = Actor(other.staff_id, "9002", "Second Manager", Role.MANAGER, "KIOSK-1")
    with pytest.raises(InvalidInput, match="last active manager"):
        admin.deactivate(second, other.staff_id)


def test_deactivate_and_reactivate(services, admin, manager, cashier):
    admin.deactivate(manager, cashier.staff_id)
    assert {s.staff_number: s.active for s in admin.list_staff(manager)}["1001"] is False
    assert [s.staff_number for s in admin.list_staff(manager, include_inactive=False)].count("1001") == 0
    admin.reactivate(manager, cashier.staff_id)
    assert {s.staff_number: s.active for s in admin.list_staff(manager)}["1001"] is True
    assert len(audit_rows(services, "staff.deactivate")) == 1
    assert len(audit_rows(services, "staff.reactivate")) == 1


CASHIER_CALLS = {
    "staff.list": lambda a, c, ids: a.list_staff(c),
    "staff.add": lambda a, c, ids: a.add_staff(c, "1099", "Sneaky", "manager", "1111"),
    "staff.reset_pin": lambda a, c, ids: a.reset_pin(c, ids["9001"], "0000"),
    "staff.unlock": lambda a, c, ids: a.unlock(c, ids["1002"]),
    "staff.deactivate": lambda a, c, ids: a.deactivate(c, ids["9001"]),
    "staff.reactivate": lambda a, c, ids: a.reactivate(c, ids["1002"]),
    "staff.set_role": lambda a, c, ids: a.set_role(c, c.staff_id, "manager"),
}


@pytest.mark.parametrize("action", sorted(CASHIER_CALLS))
def test_cashier_is_refused_every_method_and_the_refusal_is_audited(services, admin, cashier, action):
    ids = {r["staff_number"]: r["id"] for r in services.deps.conn.execute("SELECT * FROM staff")}
    before = [dict(r) for r in services.deps.conn.execute("SELECT * FROM staff ORDER BY id")]
    with pytest.raises(PermissionDenied):
        CASHIER_CALLS[action](admin, cashier, ids)
    assert [dict(r) for r in services.deps.conn.execute("SELECT * FROM staff ORDER BY id")] == before
    refusals = [r for r in audit_rows(services, action) if r["ok"] == 0]
    assert len(refusals) == 1 and refusals[0]["staff_id"] == cashier.staff_id
    assert json.loads(refusals[0]["detail"])["reason"] == "permission_denied"

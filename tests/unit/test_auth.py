"""Sign-in: bcrypt PINs, lockout by the clock, no staff enumeration, every attempt audited."""

from __future__ import annotations

import json

import pytest

from kiosk.domain.errors import AuthError, InvalidInput, PermissionDenied, StaffLocked
from kiosk.services import audit
from kiosk.services.auth import WRONG_CREDENTIALS, hash_pin, validate_pin
from kiosk.services.models import Role
from tests.factories import insert_open_shift


def audit_rows(services, action=None):
    rows = services.deps.conn.execute("SELECT * FROM audit ORDER BY id").fetchall()
    return [dict(r) for r in rows if action is None or r["action"] == action]


def test_sign_in_returns_actor_and_audits(services):
    actor = services.auth.sign_in("1001", "1234")
    assert actor.staff_number == "1001"
    assert actor.role == Role.CASHIER
    assert actor.kiosk_id == services.config.kiosk_id
    assert actor.shift_id is None
    [row] = audit_rows(services, "sign_in")
    assert row["staff_id"] == actor.staff_id and row["ok"] == 1
    assert "1234" not in json.dumps(row)


def test_manager_role(services):
    actor = services.auth.sign_in(" 9001 ", "9999")
    assert actor.role == Role.MANAGER and actor.is_manager


def test_sign_in_picks_up_open_shift_on_this_kiosk_only(services, clock):
    staff_id = services.auth.sign_in("1001", "1234").staff_id
    insert_open_shift(services.deps.db, staff_id, "OTHER-KIOSK", clock)
    assert services.auth.sign_in("1001", "1234").shift_id is None
    shift_id = insert_open_shift(services.deps.db, staff_id, services.config.kiosk_id, clock)
    assert services.auth.sign_in("1001", "1234").shift_id == shift_id


def test_wrong_pin_and_unknown_number_look_the_same(services):
    with pytest.raises(AuthError) as wrong:
        services.auth.sign_in("1001", "0000")
    with pytest.raises(AuthError) as unknown:
        services.auth.sign_in("5555", "1234")
    assert str(wrong.value) == str(unknown.value) == WRONG_CREDENTIALS
    assert type(wrong.value) is type(unknown.value) is AuthError
    reasons = [json.loads(r["detail"])["reason"] for r in audit_rows(services, "sign_in_failed")]
    assert reasons == ["wrong_pin", "unknown_staff"]


@pytest.mark.parametrize("pin", ["", "12", "123456789", "12a4", "x" * 100, "١٢٣٤"])
def test_malformed_pin_is_a_wrong_pin_not_a_crash(services, pin):
    with pytest.raises(AuthError, match="not recognised"):
        services.auth.sign_in("1001", pin)
    assert audit_rows(services, "sign_in_failed")[-1]["ok"] == 0


def test_lockout_after_configured_attempts_then_clock_unlocks(services, clock):
    attempts = services.config.lockout_attempts
    for _ in range(attempts - 1):
        with pytest.raises(AuthError) as err:
            services.auth.sign_in("1002", "0000")
        assert not isinstance(err.value, StaffLocked)
    with pytest.raises(StaffLocked):
        services.auth.sign_in("1002", "0000")
    # Even the right PIN is refused while locked, and that attempt is audited too.
    with pytest.raises(StaffLocked, match="locked"):
        services.auth.sign_in("1002", "2345")
    assert json.loads(audit_rows(services, "sign_in_failed")[-1]["detail"])["reason"] == "locked"
    # Others are not affected.
    services.auth.sign_in("1001", "1234")
    clock.advance(minutes=services.config.lockout_minutes - 0.5)
    with pytest.raises(StaffLocked):
        services.auth.sign_in("1002", "2345")
    clock.advance(minutes=1)
    actor = services.auth.sign_in("1002", "2345")
    assert actor.staff_number == "1002"
    row = services.deps.conn.execute(
        "SELECT failed_attempts, locked_until FROM staff WHERE id = ?", (actor.staff_id,)
    ).fetchone()
    assert tuple(row) == (0, None)


def test_success_resets_the_wrong_pin_count(services):
    for _ in range(services.config.lockout_attempts - 1):
        with pytest.raises(AuthError):
            services.auth.sign_in("1001", "9999")
    services.auth.sign_in("1001", "1234")
    for _ in range(services.config.lockout_attempts - 1):
        with pytest.raises(AuthError) as err:
            services.auth.sign_in("1001", "9999")
        assert not isinstance(err.value, StaffLocked)


def test_failed_attempts_survive_as_committed_rows(services, config):
    with pytest.raises(AuthError):
        services.auth.sign_in("1001", "0000")
    from kiosk.store.db import connect

    other = connect(config.db_path)
    try:
        assert other.execute("SELECT COUNT(*) FROM audit WHERE action = 'sign_in_failed'").fetchone()[0] == 1
        assert other.execute("SELECT failed_attempts FROM staff WHERE staff_number = '1001'").fetchone()[0] == 1
    finally:
        other.close()


def test_inactive_staff_refused(services):
    services.deps.conn.execute("UPDATE staff SET active = 0 WHERE staff_number = '1001'")
    with pytest.raises(AuthError, match="not active"):
        services.auth.sign_in("1001", "1234")
    assert json.loads(audit_rows(services, "sign_in_failed")[-1]["detail"])["reason"] == "inactive"


def test_sign_out_audited(services):
    actor = services.auth.sign_in("1001", "1234")
    services.auth.sign_out(actor)
    [row] = audit_rows(services, "sign_out")
    assert row["staff_id"] == actor.staff_id


def test_self_service_actor(services):
    actor = services.auth.self_service_actor()
    assert actor.role == Role.SELF_SERVICE
    assert actor.staff_id is None
    assert actor.kiosk_id == services.config.kiosk_id


def test_require_manager(services):
    manager = services.auth.sign_in("9001", "9999")
    services.auth.require_manager(manager, "report")  # no error
    cashier = services.auth.sign_in("1001", "1234")
    with pytest.raises(PermissionDenied):
        services.auth.require_manager(cashier, "report")
    with pytest.raises(PermissionDenied):
        services.auth.require_manager(services.auth.self_service_actor(), "report")
    refused = [r for r in audit_rows(services, "report")]
    assert [r["ok"] for r in refused] == [0, 0]
    assert refused[0]["staff_id"] == cashier.staff_id


@pytest.mark.parametrize("pin", ["1234", "00000000"])
def test_hash_pin_round_trip(services, pin):
    hashed = hash_pin(pin, 4)
    services.deps.conn.execute("UPDATE staff SET pin_hash = ? WHERE staff_number = '1001'", (hashed,))
    assert services.auth.sign_in("1001", pin).staff_number == "1001"


@pytest.mark.parametrize("pin", ["123", "123456789", "12 4", "abcd", "9" * 80, None])
def test_validate_pin_refuses(pin):
    with pytest.raises(InvalidInput):
        validate_pin(pin)
    with pytest.raises(InvalidInput):
        hash_pin(pin, 4)


def test_an_unknown_number_is_audited_without_what_was_typed(services, clock):
    """An unknown staff number is often a PIN typed into the wrong box: the digits are stored
    nowhere in the database, yet repeated tries are still counted (by a keyed hash)."""
    typed = "48213579"
    for _ in range(2):
        with pytest.raises(AuthError):
            services.auth.sign_in(typed, "0000")
    dump = "\n".join(services.deps.conn.iterdump())
    assert typed not in dump
    rows = audit_rows(services, "sign_in_failed")
    assert [json.loads(r["detail"]) for r in rows] == [
        {"reason": "unknown_staff", "lockout": "device"}] * 2
    assert rows[0]["target"] == rows[1]["target"] == audit.pseudonym(services.deps.conn, typed)
    assert rows[0]["target"].startswith("typed:")
    assert audit.pseudonym(services.deps.conn, "48213578") != rows[0]["target"]


def test_the_pseudonym_key_is_per_install(tmp_path):
    from kiosk.store.db import open_db

    one, two = open_db(tmp_path / "a.db").conn, open_db(tmp_path / "b.db").conn
    assert audit.pseudonym(one, "1234") != audit.pseudonym(two, "1234")


def test_unknown_number_locks_like_a_real_one(services, clock):
    """Lockout must not tell an attacker which staff numbers exist."""
    def outcomes(number):
        seen = []
        for _ in range(services.config.lockout_attempts + 2):
            with pytest.raises(AuthError) as err:
                services.auth.sign_in(number, "0000")
            seen.append((type(err.value).__name__, str(err.value)))
        return seen

    real, fake = outcomes("1001"), outcomes("4242")
    assert real == fake
    assert [name for name, _ in fake[-3:]] == ["StaffLocked"] * 3
    clock.advance(minutes=services.config.lockout_minutes + 1)
    with pytest.raises(AuthError) as err:
        services.auth.sign_in("4242", "0000")
    assert not isinstance(err.value, StaffLocked)

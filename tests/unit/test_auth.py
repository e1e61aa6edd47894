"""Sign-in: bcrypt PINs, lockout by the clock, no staff enumeration, every attempt audited."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from kiosk.domain.errors import AuthError, InvalidInput, PermissionDenied, StaffLocked
from kiosk.services.auth import WRONG_CREDENTIALS, AuthService, hash_pin, validate_pin
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


def _clone(services, clock, tmp_path, name):
    """Services on a byte-for-byte copy of the test database (same staff, same salts, same ids)."""
    from kiosk.services.app import open_services

    path = tmp_path / f"{name}.db"
    copy = sqlite3.connect(path)
    services.deps.conn.backup(copy)
    copy.close()
    return open_services(replace(services.config, db_path=path), clock=clock)


def _dump(svc) -> str:
    """Every table as text, the audit log (with its hash chain) and settings included."""
    return "\n".join(svc.deps.conn.iterdump())


def test_an_unknown_number_leaves_nothing_that_gives_back_what_was_typed(services, clock,
                                                                         tmp_path):
    """An unknown staff number is often a PIN typed into the wrong box: no row of any table
    holds it or anything that depends on it (no hash, no keyed hash, no length), so two
    databases that differ only in the number typed are identical afterwards."""
    dumps, before = {}, _dump(services)
    for typed in ("482193", "771234"):
        svc = _clone(services, clock, tmp_path, typed)
        try:
            for _ in range(2):
                with pytest.raises(AuthError):
                    svc.auth.sign_in(typed, "0000")
            dumps[typed] = _dump(svc)
            rows = audit_rows(svc, "sign_in_failed")
        finally:
            svc.close()
        assert [(r["target"], r["staff_id"], r["kiosk_id"], r["ok"]) for r in rows] == [
            ("unknown staff number", None, services.config.kiosk_id, 0)] * 2
        assert [json.loads(r["detail"]) for r in rows] == [
            {"reason": "unknown_staff", "lockout": "device"}] * 2
    assert dumps["482193"] == dumps["771234"] != before
    for typed in ("482193", "771234"):  # (a hex hash may hold a digit run by chance: count)
        assert dumps[typed].count(typed) == before.count(typed)
    assert "audit_pseudonym_key" not in dumps["482193"] and "typed:" not in dumps["482193"]


def test_the_old_pseudonym_key_is_deleted_on_open(tmp_path):
    """Migration 0013 made a key that turned old ``typed:`` audit targets back into digits;
    migrations are history, so the row is removed when the database is opened."""
    from kiosk.store.db import connect, open_db

    path = tmp_path / "k.db"
    assert open_db(path).conn.execute(
        "SELECT COUNT(*) FROM settings WHERE key = 'audit_pseudonym_key'").fetchone()[0] == 0
    raw = connect(path)
    raw.execute("INSERT INTO settings (key, value) VALUES ('audit_pseudonym_key', 'ab12')")
    raw.execute("INSERT INTO settings (key, value) VALUES ('kept', 'x')")
    raw.close()
    conn = open_db(path).conn
    assert [tuple(r) for r in conn.execute(
        "SELECT key, value FROM settings WHERE key IN ('audit_pseudonym_key', 'kept')")] == [
        ("kept", "x")]


def _fail_unknown(services, times, start=400000):
    """Sign in with ``times`` different unknown numbers; the errors' class names."""
    seen = []
    for n in range(start, start + times):
        with pytest.raises(AuthError) as err:
            services.auth.sign_in(str(n), "0000")
        seen.append(type(err.value).__name__)
    return seen


def test_unknown_numbers_are_counted_per_device_whatever_was_typed(services, clock):
    """A guesser trying a different number each time is slowed all the same: the kiosk's
    count of unknown numbers locks after ``lockout_attempts``, for ``lockout_minutes``."""
    attempts, minutes = services.config.lockout_attempts, services.config.lockout_minutes
    assert _fail_unknown(services, attempts) == ["AuthError"] * (attempts - 1) + ["StaffLocked"]
    with pytest.raises(StaffLocked, match="more minute"):
        services.auth.sign_in("123987", "1234")  # a number never typed before
    clock.advance(minutes=minutes - 0.5)
    assert _fail_unknown(services, 1, start=500000) == ["StaffLocked"]
    clock.advance(minutes=1)
    assert _fail_unknown(services, 1, start=600000) == ["AuthError"]
    # another kiosk on the same database has its own count
    other = AuthService(replace(services.deps, config=replace(services.config,
                                                              kiosk_id="KIOSK-OTHER")))
    with pytest.raises(AuthError) as err:
        other.sign_in("400000", "0000")
    assert not isinstance(err.value, StaffLocked)


def test_a_known_numbers_lockout_is_unchanged_by_unknown_numbers(services, clock):
    """Unknown numbers never add to a staff member's count and cannot lock them out: the right
    PIN still signs in while the kiosk's unknown numbers are locked. A wrong PIN then gets the
    same "locked" answer as an unknown number (else the lock would tell which numbers exist),
    but is counted on the staff row exactly as before."""
    attempts = services.config.lockout_attempts
    _fail_unknown(services, attempts)
    with pytest.raises(StaffLocked) as unknown:
        services.auth.sign_in("999999", "0000")
    with pytest.raises(StaffLocked) as known:
        services.auth.sign_in("1002", "0000")
    assert str(known.value) == str(unknown.value)
    count = services.deps.conn.execute(
        "SELECT failed_attempts, locked_until FROM staff WHERE staff_number = '1002'").fetchone()
    assert tuple(count) == (1, None)
    assert services.auth.sign_in("1002", "2345").staff_number == "1002"
    assert services.auth.sign_in("1001", "1234").staff_number == "1001"
    # after the kiosk's lock, the staff lockout is the usual one: N wrong PINs of its own
    clock.advance(minutes=services.config.lockout_minutes + 1)
    for _ in range(attempts - 1):
        with pytest.raises(AuthError) as err:
            services.auth.sign_in("1002", "0000")
        assert not isinstance(err.value, StaffLocked)
    with pytest.raises(StaffLocked, match=f"locked for {services.config.lockout_minutes:g} min"):
        services.auth.sign_in("1002", "0000")
    with pytest.raises(StaffLocked):
        services.auth.sign_in("1002", "2345")


def test_unknown_number_locks_like_a_real_one(services, clock):
    """Lockout must not tell an attacker which staff numbers exist."""
    def outcomes(number):
        seen = []
        for _ in range(services.config.lockout_attempts + 2):
            with pytest.raises(AuthError) as err:
                services.auth.sign_in(number, "0000")
            seen.append((type(err.value).__name__, str(err.value)))
        return seen

    real = outcomes("1001")
    clock.advance(minutes=services.config.lockout_minutes + 1)  # each from a fresh kiosk count
    fake = outcomes("4242")
    assert real == fake
    assert [name for name, _ in fake[-3:]] == ["StaffLocked"] * 3
    clock.advance(minutes=services.config.lockout_minutes + 1)
    with pytest.raises(AuthError) as err:
        services.auth.sign_in("4242", "0000")
    assert not isinstance(err.value, StaffLocked)


def test_one_short_of_the_kiosk_limit_a_number_that_exists_answers_like_one_that_does_not(
        services, clock):
    """Second review: with the kiosk one failure short of its limit, probing a real number and
    probing an unknown one must get the same answer (else the lock tells which numbers exist)."""
    attempts, minutes = services.config.lockout_attempts, services.config.lockout_minutes

    def probe(number):
        _fail_unknown(services, attempts - 1, start=700000)
        with pytest.raises(AuthError) as err:
            services.auth.sign_in(number, "0000")
        clock.advance(minutes=minutes + 1)
        return type(err.value).__name__, str(err.value)

    assert probe("1001") == probe("1003x") == probe("1002") == probe("555555")

"""Staff sign-in (bcrypt PINs, lockout) and the one role check, ``require_role``.

A wrong PIN and an unknown staff number get the same message and take about the same time, so
the keypad cannot be used to find out which staff numbers exist. Every attempt is audited; the
failed ones in a committed transaction of their own.

Lockouts count across the devices of a cinema when the services are given ``SharedLockouts``
(``kiosk.cloud.lockouts``, wired by ``open_services`` with cloud sync on): sign-in first reads the
cinema's count for the number (one cloud read) and refuses while it is locked, each wrong PIN
is counted there too, and a good PIN clears it. A lock learnt from the cloud is copied into the
local staff row, so it still holds if the device goes offline. Offline, the local counter alone
decides, as on a single counter; the audit detail says which one did (``lockout``).

Unknown staff numbers (issue 11 point 7). What was typed is often a PIN in the wrong box, so
nothing derived from it is kept anywhere: no digits, hash, keyed hash, length or prefix. The
audit row says ``target = "unknown staff number"`` with the kiosk, the time and ``ok = 0``, and
the typed text goes no further than the staff lookup. A hash of a 4-8 digit string is no
protection (every such string can be tried in a second), which is why the earlier keyed
pseudonym, whose key lived in the same database, was dropped (``kiosk.store.db`` deletes its
``settings`` row on open).

So unknown numbers cannot be counted per number. There is no PIN behind them to protect; what
matters is slowing guessing at the sign-in box, so they are counted per DEVICE: every failed
sign-in on this kiosk within ``lockout_minutes`` since its last successful one (unknown
numbers and wrong PINs alike, so the answer at the limit does not tell a number that exists
from one that does not);
``lockout_attempts`` of them lock unknown numbers on this kiosk for ``lockout_minutes``, with
the same messages as a staff lock. With the shared lockouts they are
one cloud item per device (``UNKNOWN#<kiosk id>``), never per typed value; it is counted so a
sign-in with an unknown number makes the same cloud calls as a wrong PIN (no timing tell).

Known staff numbers keep their lockout exactly as before (their own count, their own lock,
unknown numbers never add to it, so random typing cannot lock a staff member out). One thing
is added so the device lock does not become an oracle for which numbers exist: while this
kiosk's unknown-number lock is on, a known number's failed sign-in is answered with the same
"locked" message (its own count still counts as before; the right PIN still signs in). What
remains: finding out whether a number exists now costs a guesser ``lockout_attempts`` wrong
PINs on it (locking that staff member, which the audit shows) or a device lock per probe.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Protocol

import bcrypt

from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import (
    AuthError,
    InvalidInput,
    PermissionDenied,
    SessionEnded,
    StaffInactive,
    StaffLocked,
)
from kiosk.services import audit
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Role
from kiosk.store.db import transaction

PIN_MIN, PIN_MAX = 4, 8
WRONG_CREDENTIALS = "Staff number or PIN not recognised. Please try again."
UNKNOWN_NUMBER = "unknown staff number"  # the audit target of every unknown number, whatever was typed


def unknown_number_key(kiosk_id: str) -> str:
    """The shared-lockout key counting this device's sign-ins with unknown numbers."""
    return f"UNKNOWN#{kiosk_id}"


def validate_pin(pin: str) -> str:
    """A PIN is 4-8 digits; checked before bcrypt, which refuses secrets over 72 bytes."""
    if not isinstance(pin, str) or not pin.isascii() or not pin.isdigit():
        raise InvalidInput("A PIN is made of digits only.")
    if not PIN_MIN <= len(pin) <= PIN_MAX:
        raise InvalidInput(f"A PIN has {PIN_MIN} to {PIN_MAX} digits.")
    return pin


def hash_pin(pin: str, rounds: int) -> str:
    """bcrypt hash of a validated PIN (slow by design: run it off the GUI thread)."""
    validate_pin(pin)
    return bcrypt.hashpw(pin.encode("ascii"), bcrypt.gensalt(rounds)).decode("ascii")


@functools.lru_cache(maxsize=8)
def _dummy_hash(rounds: int) -> bytes:
    """A hash to check unknown staff numbers against, so they cost as long as a wrong PIN."""
    return bcrypt.hashpw(b"00000000", bcrypt.gensalt(rounds))


def _pin_matches(pin: str, pin_hash: str) -> bool:
    try:
        return bcrypt.checkpw(pin.encode("ascii"), pin_hash.encode("ascii"))
    except ValueError:  # malformed stored hash: treat as a mismatch, never crash the keypad
        return False


def _just_locked(lockout_minutes: float) -> str:
    return f"Too many wrong PINs. Sign-in is locked for {lockout_minutes:g} minutes, or ask a manager."


def _still_locked(until: datetime, now: datetime) -> str:
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    return (f"Too many wrong PINs. Sign-in is locked for {minutes} more minute"
            f"{'s' if minutes != 1 else ''}, or ask a manager.")


MANAGER_ONLY = "Only a manager can do this. Please ask a manager to sign in."
STAFF_ONLY = "Please ask a member of staff at the counter to help with this."
_STAFF_ROLES = (Role.CASHIER, Role.MANAGER)


def require_role(deps: ServiceDeps, actor: Actor, roles: Role | Iterable[Role], action: str,
                 target: str = "") -> None:
    """THE role check of every privileged action (audited when it refuses).

    An ``Actor`` is a snapshot taken at sign-in, so the staff row (active, role) is read again
    here, every time: a staff member deactivated, or given another role, since signing in gets
    ``SessionEnded`` (the screens sign them out), never the powers of the old role. A staff
    member whose role simply does not allow the action gets ``PermissionDenied``. The
    self-service kiosk (no staff row) passes only where ``Role.SELF_SERVICE`` is allowed.
    """
    allowed = (roles,) if isinstance(roles, Role) else tuple(roles)
    if actor.staff_id is None:
        if actor.role == Role.SELF_SERVICE and Role.SELF_SERVICE in allowed:
            return
        message = MANAGER_ONLY if allowed == (Role.MANAGER,) else STAFF_ONLY
        _refuse(deps, actor, action, target, "staff_only" if message == STAFF_ONLY
                else "permission_denied")
        raise PermissionDenied(message)
    row = deps.conn.execute("SELECT role, active FROM staff WHERE id = ?",
                            (actor.staff_id,)).fetchone()
    if row is None or not row[1]:
        _refuse(deps, actor, action, target, "staff_inactive")
        raise SessionEnded("Your staff account is no longer active, so you have been signed "
                           "out. Nothing was changed. Please ask a manager.")
    if row[0] != actor.role:
        _refuse(deps, actor, action, target, "role_changed", now_role=str(row[0]))
        raise SessionEnded()
    if actor.role not in allowed:
        _refuse(deps, actor, action, target, "permission_denied")
        raise PermissionDenied(MANAGER_ONLY if allowed == (Role.MANAGER,) else STAFF_ONLY)


def _refuse(deps: ServiceDeps, actor: Actor, action: str, target: str, reason: str,
            **extra: object) -> None:
    audit.record_refusal(deps.conn, at=deps.clock.now(), actor=actor, action=action,
                         target=target, detail={"reason": reason, "role": str(actor.role),
                                                **extra})


def ensure_manager(deps: ServiceDeps, actor: Actor, action: str, target: str = "") -> None:
    """``require_role(..., Role.MANAGER, ...)``: the name most call sites use."""
    require_role(deps, actor, Role.MANAGER, action, target)


def ensure_active(deps: ServiceDeps, actor: Actor, action: str, target: str = "") -> None:
    """Raise StaffInactive (audited) when the signed-in staff member is no longer active.

    Selling is not a privileged action (no role re-check), but an ``Actor`` is a snapshot taken
    at sign-in; a deactivation made here, or on another device and pulled with the shared staff
    directory, must stop an open session selling at once. One read, on the confirm path."""
    if actor.staff_id is None:
        return
    row = deps.conn.execute("SELECT active FROM staff WHERE id = ?", (actor.staff_id,)).fetchone()
    if row is not None and row[0]:
        return
    audit.record_refusal(deps.conn, at=deps.clock.now(), actor=actor, action=action,
                         target=target, detail={"reason": "staff_inactive"})
    raise StaffInactive()


def ensure_staff(deps: ServiceDeps, actor: Actor, action: str, target: str = "") -> None:
    """``require_role`` for staff-only actions (refund, exchange, shifts): the self-service
    kiosk is refused, and so is a staff member deactivated or re-roled since signing in."""
    require_role(deps, actor, _STAFF_ROLES, action, target)


def open_shift_id(deps: ServiceDeps, staff_id: int | None, kiosk_id: str) -> int | None:
    """The staff member's open shift on this kiosk, if any."""
    if staff_id is None:
        return None
    row = deps.conn.execute(
        "SELECT id FROM shifts WHERE staff_id = ? AND kiosk_id = ? AND closed_at IS NULL "
        "ORDER BY id DESC LIMIT 1",
        (staff_id, kiosk_id),
    ).fetchone()
    return None if row is None else int(row[0])


class SharedLockouts(Protocol):
    """The cinema-wide failed sign-in counts; every method answers (False, ...) when offline."""

    def try_locked_until(self, staff_number: str, now: datetime) -> tuple[bool, datetime | None]:
        """(reached the cloud, when the lock ends or None)."""

    def try_record_failure(self, staff_number: str, now: datetime, attempts: int,
                           lock_minutes: float) -> tuple[bool, tuple[int, datetime | None] | None]:
        """(reached the cloud, (the cinema's count, when the lock it set ends or None))."""

    def try_reset(self, staff_number: str) -> bool:
        """Clear the count after a good PIN; True when the cloud was reached."""


class AuthService:
    def __init__(self, deps: ServiceDeps, lockouts: SharedLockouts | None = None):
        self.deps = deps
        self.lockouts = lockouts

    @property
    def kiosk_id(self) -> str:
        return self.deps.config.kiosk_id

    def _fail(self, action: str, staff_id: int | None, staff_number: str, reason: str,
              **extra: object) -> None:
        with transaction(self.deps.conn) as conn:
            audit.record(conn, at=self.deps.clock.now(), kiosk_id=self.kiosk_id, action=action,
                         staff_id=staff_id, target=staff_number, ok=False,
                         detail={"reason": reason, **extra})

    def sign_in(self, staff_number: str, pin: str) -> Actor:
        """Raise AuthError / StaffLocked; every attempt audited. bcrypt is slow: never on the GUI thread."""
        config, conn = self.deps.config, self.deps.conn
        number = str(staff_number or "").strip()[:32]
        pin = pin if isinstance(pin, str) else ""
        pin_ok_shape = pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX
        row = conn.execute(
            "SELECT id, staff_number, name, role, pin_hash, failed_attempts, locked_until, active "
            "FROM staff WHERE staff_number = ?",
            (number,),
        ).fetchone()
        now = self.deps.clock.now()
        shared = self.lockouts
        # An unknown number reaches the cloud only as this device's counter, never as typed.
        subject = number if row is not None else unknown_number_key(self.kiosk_id)
        reached, shared_until = (shared.try_locked_until(subject, now) if shared and number
                                 else (False, None))
        scope = "cinema" if reached else "device"
        if row is None:
            if pin_ok_shape:
                bcrypt.checkpw(pin.encode("ascii"), _dummy_hash(config.bcrypt_rounds))
            del number, staff_number  # nothing below may depend on what was typed
            if shared_until is not None:
                self._fail("sign_in_failed", None, UNKNOWN_NUMBER, "locked", lockout=scope)
                raise StaffLocked(_still_locked(shared_until, now))
            self._fail("sign_in_failed", None, UNKNOWN_NUMBER, "unknown_staff", lockout=scope)
            counted = self._count_shared(subject, now) if reached else None
            device_lock = self._device_lock(now)
            if device_lock is not None:
                raise device_lock
            if counted is not None and counted[1] is not None:
                raise StaffLocked(_just_locked(config.lockout_minutes))
            raise AuthError(WRONG_CREDENTIALS)

        staff_id = int(row["id"])
        locked_until = from_iso(row["locked_until"]) if row["locked_until"] else None
        effective = max((t for t in (locked_until, shared_until) if t is not None), default=None)
        if effective is not None and effective > now:
            self._fail("sign_in_failed", staff_id, number, "locked",
                       locked_until=to_iso(effective), lockout=scope)
            device_end = self._kiosk_lock_end(now)  # the later end: both locks hold
            raise StaffLocked(_still_locked(max(effective, device_end or effective), now))
        if not (pin_ok_shape and _pin_matches(pin, row["pin_hash"])):
            # A lock that has run out starts a fresh count.
            attempts = (0 if locked_until is not None else int(row["failed_attempts"])) + 1
            lock = attempts >= config.lockout_attempts
            new_lock = to_iso(now + timedelta(minutes=config.lockout_minutes)) if lock else None
            counted = self._count_shared(number, now) if reached else None
            if counted is not None:  # the cinema's count decides; the lock is kept here too,
                attempts, shared_lock = counted  # in case this device goes offline
                new_lock = to_iso(shared_lock) if shared_lock is not None else None
            else:
                scope = "device"
            with transaction(conn):
                conn.execute(
                    "UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                    (0 if new_lock else attempts, new_lock, staff_id),
                )
                audit.record(conn, at=now, kiosk_id=self.kiosk_id, action="sign_in_failed",
                             staff_id=staff_id, target=number, ok=False,
                             detail={"reason": "wrong_pin", "attempts": attempts,
                                     "locked": bool(new_lock), "lockout": scope})
            if new_lock:  # their own lock, just set, ends no earlier than the kiosk's
                raise StaffLocked(_just_locked(config.lockout_minutes))
            device_lock = self._device_lock(now)
            if device_lock is not None:  # answered as an unknown number would be now
                raise device_lock
            raise AuthError(WRONG_CREDENTIALS)
        if not row["active"]:
            self._fail("sign_in_failed", staff_id, number, "inactive")
            raise AuthError("This staff account is not active. Please ask a manager.")

        if reached and shared is not None:
            shared.try_reset(number)
        shift_id = open_shift_id(self.deps, staff_id, self.kiosk_id)
        with transaction(conn):
            conn.execute("UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
                         (staff_id,))
            audit.record(conn, at=now, kiosk_id=self.kiosk_id, action="sign_in",
                         staff_id=staff_id, target=number, detail={"shift_id": shift_id})
        return Actor(staff_id=staff_id, staff_number=row["staff_number"], name=row["name"],
                     role=Role(row["role"]), kiosk_id=self.kiosk_id, shift_id=shift_id)

    def _kiosk_failures(self, now: datetime) -> list[datetime]:
        """When this kiosk's failed sign-ins happened within the lockout window and since its
        last successful one, oldest first: unknown numbers and wrong PINs alike, so the answer
        at the limit is the same for a number that exists and one that does not (the audit log
        is the counter)."""
        since = to_iso(now - timedelta(minutes=self.deps.config.lockout_minutes))
        return [from_iso(r[0]) for r in self.deps.conn.execute(
            "SELECT at FROM audit WHERE action = 'sign_in_failed' AND kiosk_id = ?1 AND at > ?2 "
            "AND id > COALESCE((SELECT MAX(id) FROM audit WHERE action = 'sign_in' "
            "AND kiosk_id = ?1 AND at > ?2), 0) ORDER BY id", (self.kiosk_id, since))]

    def _kiosk_lock(self, now: datetime) -> tuple[datetime, int] | None:
        """(when this kiosk's lock for failed sign-ins ends, failures counted), or None."""
        attempts = self.deps.config.lockout_attempts
        recent = self._kiosk_failures(now)
        if len(recent) < attempts:
            return None
        return recent[attempts - 1] + timedelta(minutes=self.deps.config.lockout_minutes), len(recent)

    def _kiosk_lock_end(self, now: datetime) -> datetime | None:
        lock = self._kiosk_lock(now)
        return None if lock is None else lock[0]

    def _device_lock(self, now: datetime) -> StaffLocked | None:
        """The answer while this kiosk is locked for failed sign-ins (worded as a lock that
        starts now when this very failure reached the limit), else None."""
        lock = self._kiosk_lock(now)
        if lock is None:
            return None
        end, count = lock
        if count == self.deps.config.lockout_attempts:
            return StaffLocked(_just_locked(self.deps.config.lockout_minutes))
        return StaffLocked(_still_locked(end, now))

    def _count_shared(self, number: str, now: datetime) -> tuple[int, datetime | None] | None:
        """Count a wrong PIN in the cinema's count: (count, lock end or None); None offline."""
        config = self.deps.config
        assert self.lockouts is not None
        reached, counted = self.lockouts.try_record_failure(
            number, now, config.lockout_attempts, config.lockout_minutes)
        return counted if reached else None

    def sign_out(self, actor: Actor) -> None:
        with transaction(self.deps.conn) as conn:
            audit.record(conn, at=self.deps.clock.now(), kiosk_id=actor.kiosk_id,
                         action="sign_out", staff_id=actor.staff_id, target=actor.staff_number)

    def self_service_actor(self) -> Actor:
        return Actor(staff_id=None, staff_number="", name="Self-service", role=Role.SELF_SERVICE,
                     kiosk_id=self.kiosk_id)

    def require_manager(self, actor: Actor, action: str, target: str = "") -> None:
        """``require_role(..., Role.MANAGER, ...)`` for callers holding the AuthService."""
        require_role(self.deps, actor, Role.MANAGER, action, target)

"""Failed sign-ins count across the devices of a cinema (issue 10 point 2): two devices, each
with its own database and cloud context, on one moto table (kiosk.cloud.lockouts)."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from kiosk.cloud.claims import plain
from kiosk.cloud.lockouts import lock_key, unknown_number_sk
from kiosk.domain.errors import AuthError, StaffLocked
from tests.cloud.conftest import TABLE
from tests.cloud.helpers import NetworkSwitch
from tests.factories import CASHIER, make_world

WRONG = "0000"
CINEMA = "cin-test"


@pytest.fixture
def devices(cloud_config, ctx, clock, tmp_path):
    """Counter A and counter B of one cinema (same staff), each opening its own services."""
    from kiosk.services.app import open_services

    opened = []
    for name in ("A", "B"):
        config = replace(cloud_config, kiosk_id=f"KIOSK-{name}", db_path=tmp_path / f"{name}.db")
        svc = open_services(config, clock=clock)
        make_world(svc.deps.db, clock)
        opened.append(svc)
    yield opened
    for svc in opened:
        svc.close()


def fail(svc, times: int, number: str = CASHIER[0]) -> None:
    for _ in range(times):
        with pytest.raises(AuthError) as err:
            svc.auth.sign_in(number, WRONG)
        assert not isinstance(err.value, StaffLocked)


def lock_item(ctx, number: str = CASHIER[0]) -> dict | None:
    item = ctx.clients().dynamodb.get_item(TableName=TABLE, Key=lock_key(CINEMA, number),
                                           ConsistentRead=True).get("Item")
    return plain(item) if item else None


def last_failure(svc) -> dict:
    row = svc.deps.conn.execute("SELECT detail FROM audit WHERE action = 'sign_in_failed' "
                                "ORDER BY id DESC LIMIT 1").fetchone()
    return json.loads(row[0])


def test_wrong_pins_on_two_counters_add_up_to_one_lock(devices, ctx, clock):
    a, b = devices
    attempts = a.config.lockout_attempts  # 5
    fail(a, 3)
    fail(b, attempts - 4)  # 4 in all: neither device has reached the limit on its own
    assert lock_item(ctx)["failures"] == 4
    with pytest.raises(StaffLocked, match="locked for 5 minutes"):
        b.auth.sign_in(CASHIER[0], WRONG)
    # counter A has seen only 3 wrong PINs, yet the right PIN is refused there now
    with pytest.raises(StaffLocked, match="more minute"):
        a.auth.sign_in(*CASHIER)
    assert last_failure(a)["lockout"] == "cinema"
    clock.advance(minutes=a.config.lockout_minutes, seconds=1)
    actor = a.auth.sign_in(*CASHIER)
    assert actor.staff_number == CASHIER[0]
    assert lock_item(ctx) is None  # a good PIN clears the cinema's count


def test_a_good_pin_anywhere_resets_the_count(devices, ctx):
    a, b = devices
    fail(a, 4)
    b.auth.sign_in(*CASHIER)
    fail(b, 4)  # a fresh count: still not locked (on B, whose own sign-in count restarted too)
    assert lock_item(ctx)["failures"] == 4


def test_unknown_staff_numbers_are_one_counter_per_device_never_the_digits(devices, ctx):
    """An unknown number is often a PIN in the wrong box: the cloud keeps one count per device
    (``UNKNOWN#<kiosk>``), not per typed value, so nothing in the table depends on the digits."""
    a, b = devices
    attempts = a.config.lockout_attempts
    typed = [str(n) for n in range(482190, 482190 + attempts - 1)]
    for number in typed:  # a different number each time still adds up on this counter
        fail(a, 1, number)
    fail(b, 2, "771234")  # counter B has its own count
    assert lock_item(ctx, unknown_number_sk("KIOSK-A"))["failures"] == attempts - 1
    assert lock_item(ctx, unknown_number_sk("KIOSK-B"))["failures"] == 2
    with pytest.raises(StaffLocked):
        a.auth.sign_in("482199", WRONG)
    assert lock_item(ctx, unknown_number_sk("KIOSK-A"))["locked_until"]
    assert last_failure(a) == {"reason": "unknown_staff", "lockout": "cinema"}
    with pytest.raises(StaffLocked):
        a.auth.sign_in("5555", "1234")
    fail(b, 1, "5555")  # B is not locked by A's guesser
    a.auth.sign_in(*CASHIER)  # nor is a staff member, on A itself
    texts = [json.dumps(ctx.clients().dynamodb.scan(TableName=TABLE)["Items"]),
             *("\n".join(svc.deps.conn.iterdump()) for svc in devices)]
    for number in [*typed, "482199", "771234", "5555"]:
        # as a value of its own (hex hashes and bcrypt salts hold digit runs by chance)
        standalone = re.compile(rf"(?<![0-9A-Za-z./$]){number}(?![0-9A-Za-z./$])")
        assert not any(standalone.search(text) for text in texts), number


def test_a_lock_learnt_from_the_cloud_holds_when_the_counter_goes_offline(devices, ctx):
    a, b = devices
    fail(b, 4)
    with pytest.raises(StaffLocked):
        a.auth.sign_in(CASHIER[0], WRONG)  # A's first wrong PIN is the cinema's fifth
    NetworkSwitch(a.gate.context.clients().dynamodb).cut = True
    with pytest.raises(StaffLocked):
        a.auth.sign_in(*CASHIER)


def test_offline_counter_falls_back_to_its_own_count(devices, ctx, clock):
    a, b = devices
    switch = NetworkSwitch(b.gate.context.clients().dynamodb)
    fail(a, 4)
    switch.cut = True
    b.gate.context.status.mark_offline("cut by the test")
    # B cannot read the cinema's count: its own counter decides, and the audit says so
    actor = b.auth.sign_in(*CASHIER)
    assert actor.staff_number == CASHIER[0]
    fail(b, b.config.lockout_attempts - 1)
    assert last_failure(b)["lockout"] == "device"
    with pytest.raises(StaffLocked):
        b.auth.sign_in(CASHIER[0], WRONG)
    assert switch.calls_refused == 0  # offline status: no network call was even tried

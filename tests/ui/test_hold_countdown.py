"""The hold countdown the counter and the self-service kiosk share."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from kiosk.domain.clock import FakeClock
from kiosk.services.models import Hold
from kiosk.ui.hold_countdown import HoldCountdown


class Owner:
    """Where a mode keeps its hold: the countdown reads it each tick."""

    def __init__(self, clock: FakeClock) -> None:
        self.hold: Hold | None = Hold("H1", "S1", ("C4", "C5"),
                                      clock.now() + timedelta(minutes=5), "TEST-COUNTER")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def owner(clock) -> Owner:
    return Owner(clock)


@pytest.fixture
def countdown(qtbot, owner, clock):
    countdown = HoldCountdown(lambda: owner.hold, clock.now)
    record: dict[str, list] = {"ticked": [], "cleared": [], "warned": [], "expired": []}
    countdown.ticked.connect(record["ticked"].append)
    countdown.cleared.connect(lambda: record["cleared"].append(True))
    countdown.warned.connect(record["warned"].append)
    countdown.expired.connect(lambda: record["expired"].append(True))
    countdown.record = record  # type: ignore[attr-defined]
    return countdown


def test_it_counts_the_seconds_left_on_the_owners_hold(countdown, clock):
    countdown.tick()
    clock.advance(seconds=90)
    countdown.tick()
    assert countdown.record["ticked"] == [300, 210]
    assert countdown.remaining_s() == 210
    assert countdown.record["warned"] == [] and countdown.record["expired"] == []


def test_it_warns_once_in_the_last_minute(countdown, clock):
    clock.advance(minutes=4, seconds=15)
    countdown.tick()
    clock.advance(seconds=5)
    countdown.tick()
    assert countdown.record["warned"] == [45]
    assert countdown.has_warned


def test_a_renewed_hold_can_warn_again(countdown, owner, clock):
    clock.advance(minutes=4, seconds=30)
    countdown.tick()
    owner.hold = replace(owner.hold, expires_at=clock.now() + timedelta(minutes=5))
    countdown.tick()
    assert not countdown.has_warned
    clock.advance(minutes=4, seconds=30)
    countdown.tick()
    assert countdown.record["warned"] == [30, 30]


def test_it_says_expired_on_every_tick_until_the_owner_drops_the_hold(countdown, owner, clock):
    clock.advance(minutes=5)
    countdown.tick()
    countdown.tick()  # the owner was busy (a payment): asked again
    assert countdown.record["expired"] == [True, True]
    owner.hold = None
    countdown.tick()
    assert countdown.record["expired"] == [True, True]
    assert countdown.record["cleared"] == [True]
    assert countdown.remaining_s() is None


def test_the_timer_ticks_while_started(countdown, qtbot):
    countdown.start()
    assert countdown.is_running()
    with qtbot.waitSignal(countdown.ticked, timeout=3000) as ticked:
        pass
    assert ticked.args == [300]
    countdown.stop()
    assert not countdown.is_running()

"""The change feed (kiosk.cloud.feed): versions move after seat writes; kiosks pull only the
shows whose version moved; a missed bump is caught by the slower safety pull."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.cloud.claims import SeatClaims
from kiosk.cloud.engine import SyncEngine
from kiosk.cloud.feed import FEED_SAFETY_FACTOR, BumpingClaims, read_versions
from kiosk.domain.errors import SeatsUnavailable
from tests.cloud.conftest import TABLE

SHOW, LATER = "show-future", "show-later"


def _versions(ctx, *shows):
    ctx.bumper().flush()
    return read_versions(ctx.clients().dynamodb, TABLE, shows)


def _hold(claims, clock, hold_id, seats, show=SHOW):
    now = clock.now()
    claims.claim_hold(show_id=show, seats=seats, hold_id=hold_id,
                      expires_at=now + timedelta(minutes=5), now=now)


def test_version_moves_after_claim_and_release_only(ctx, clock):
    claims = ctx.claims("KIOSK-2")
    assert isinstance(claims, BumpingClaims)
    assert _versions(ctx, SHOW, LATER) == {SHOW: 0, LATER: 0}
    _hold(claims, clock, "h1", ["A1", "A2"])
    assert _versions(ctx, SHOW, LATER) == {SHOW: 1, LATER: 0}
    with pytest.raises(SeatsUnavailable):  # refused: nothing changed, no bump
        _hold(claims, clock, "h2", ["A2", "A3"])
    assert _versions(ctx, SHOW) == {SHOW: 1}
    assert claims.release_hold(show_id=SHOW, seats=["A1", "A2"], hold_id="h1") == ["A1", "A2"]
    assert _versions(ctx, SHOW) == {SHOW: 2}
    assert claims.release_hold(show_id=SHOW, seats=["A1"], hold_id="h1") == []  # already free
    assert _versions(ctx, SHOW) == {SHOW: 2}


def _spy(engine):
    """What the engine read: a show id for a whole show, (show, seats) for a delta read."""
    reads: list = []
    whole, some = engine.puller.pull_show, engine.puller.pull_seats
    engine.puller.pull_show = lambda show_id: reads.append(show_id) or whole(show_id)
    engine.puller.pull_seats = lambda show_id, seats: (
        reads.append((show_id, set(seats))) or some(show_id, seats))
    return reads


def _remote(engine, show):
    return {r[0] for r in engine.puller.conn.execute(
        "SELECT seat_code FROM remote_seats WHERE show_id = ?", (show,))}


def _feed_tick(engine, wide=True):
    """A tick where only the feed is due (the safety pull is far away); ``wide``: the versions
    of every show on sale are due too, not only the one on screen."""
    engine._next_feed = 0.0
    engine._next_feed_all = 0.0 if wide else float("inf")
    engine._next_pull = float("inf")
    return engine.tick()


def test_kiosk_pulls_only_the_shows_that_changed(cloud_services, ctx, clock):
    engine = SyncEngine(cloud_services.config, ctx, clock=clock)
    reads = _spy(engine)
    try:
        engine.tick()  # start-up: the full pull and the first look at every version
        reads.clear()
        assert _feed_tick(engine).changed_shows == [] and reads == []  # idle: no query at all
        _hold(ctx.claims("KIOSK-2"), clock, "other", ["B1", "B2"])  # another kiosk sells
        ctx.bumper().flush()
        report = _feed_tick(engine)
        # not show-later, whose version did not move; of show-future only the two seats
        assert reads == [(SHOW, {"B1", "B2"})]
        assert SHOW in report.changed_shows and _remote(engine, SHOW) == {"B1", "B2"}
        reads.clear()
        _feed_tick(engine)
        assert reads == []
        # with a show on screen, most ticks read only its version; the others every few
        engine.watch_show(SHOW)
        _feed_tick(engine)
        _hold(ctx.claims("KIOSK-2"), clock, "later", ["D1"], show=LATER)
        ctx.bumper().flush()
        reads.clear()
        _feed_tick(engine, wide=False)
        assert reads == [] and _remote(engine, LATER) == set()
        _feed_tick(engine, wide=True)
        assert reads == [(LATER, {"D1"})] and _remote(engine, LATER) == {"D1"}
    finally:
        engine.close()


def test_missed_bump_is_caught_by_the_safety_pull(cloud_services, ctx, clock):
    engine = SyncEngine(cloud_services.config, ctx, clock=clock)
    try:
        engine.watch_show(SHOW)  # on screen: its safety pull is the sooner one
        engine.tick()
        # a writer that died before its bump: the seats are taken, the version never moved
        plain = SeatClaims(ctx.clients().dynamodb, TABLE, "KIOSK-3")
        _hold(plain, clock, "lost", ["C1"])
        _feed_tick(engine)
        assert _remote(engine, SHOW) == set()  # not seen yet: only delayed ...
        engine._next_pull = 0.0  # ... until the safety pull comes round
        assert SHOW in engine.tick().changed_shows and _remote(engine, SHOW) == {"C1"}
        # and the safety pull comes FEED_SAFETY_FACTOR times less often than without the feed
        import time

        left = engine._next_pull - time.monotonic()
        interval = ctx.config.cloud.pull_interval_s
        assert interval * (FEED_SAFETY_FACTOR - 1) < left <= interval * FEED_SAFETY_FACTOR
    finally:
        engine.close()


def test_delta_reads_follow_releases_and_fall_back_to_the_whole_show(cloud_services, ctx, clock):
    """A release deletes seat items: the delta read finds them gone. A version whose change
    slot never comes (the writer died in between) or a kiosk too far behind: the whole show."""
    from kiosk.cloud import feed as feed_module
    from kiosk.cloud.feed import version_key

    engine = SyncEngine(cloud_services.config, ctx, clock=clock)
    reads = _spy(engine)
    other = ctx.claims("KIOSK-2")
    try:
        engine.tick()
        _hold(other, clock, "h", ["E1", "E2", "E3"])
        ctx.bumper().flush()
        _feed_tick(engine)
        assert _remote(engine, SHOW) == {"E1", "E2", "E3"}
        other.release_hold(show_id=SHOW, seats=["E2"], hold_id="h")
        ctx.bumper().flush()
        reads.clear()
        _feed_tick(engine)
        assert reads == [(SHOW, {"E2"})] and _remote(engine, SHOW) == {"E1", "E3"}
        # a version with no slot: nothing read at first (the slot may be on its way) ...
        SeatClaims(ctx.clients().dynamodb, TABLE, "KIOSK-3").claim_hold(
            show_id=SHOW, seats=["F1"], hold_id="x", now=clock.now(),
            expires_at=clock.now() + timedelta(minutes=5))
        ctx.clients().dynamodb.update_item(TableName=TABLE, Key=version_key(SHOW),
                                           UpdateExpression="ADD v :one",
                                           ExpressionAttributeValues={":one": {"N": "1"}})
        reads.clear()
        _feed_tick(engine)
        assert reads == [] and "F1" not in _remote(engine, SHOW)
        # ... then, still missing GAP_FULL_S later, the whole show
        reached, since = engine.feed._gap_since[SHOW]
        engine.feed._gap_since[SHOW] = (reached, since - feed_module.GAP_FULL_S)
        _feed_tick(engine)
        assert reads == [SHOW] and "F1" in _remote(engine, SHOW)
        # more versions behind than slots kept: the whole show
        for n in range(feed_module.RING):
            ctx.bumper().touched(SHOW, [f"Z{n}"])
            ctx.bumper().flush()
        reads.clear()
        _feed_tick(engine)
        assert reads == [SHOW]
        # a version older than one already seen is a stale replica's answer: nothing to read
        engine.feed.seen[SHOW] += 3
        reads.clear()
        _feed_tick(engine)
        assert reads == []
    finally:
        engine.close()


def test_changed_shows_off_screen_are_pulled_one_a_tick(cloud_services, ctx, clock):
    engine = SyncEngine(cloud_services.config, ctx, clock=clock)
    reads = _spy(engine)
    try:
        engine.tick()
        _hold(ctx.claims("KIOSK-2"), clock, "a", ["E1"])
        _hold(ctx.claims("KIOSK-2"), clock, "b", ["E2"], show=LATER)
        ctx.bumper().flush()
        reads.clear()
        _feed_tick(engine)  # both moved, neither on screen: one now ...
        assert reads == [(SHOW, {"E1"})]
        _feed_tick(engine, wide=False)  # ... the other at the next tick, not forgotten
        assert reads == [(SHOW, {"E1"}), (LATER, {"E2"})] and _remote(engine, LATER) == {"E2"}
        _feed_tick(engine, wide=False)
        assert len(reads) == 2
        engine.watch_show(SHOW)  # on screen: a tick that pulls it pulls nothing else
        _hold(ctx.claims("KIOSK-2"), clock, "c", ["E3"])
        _hold(ctx.claims("KIOSK-2"), clock, "d", ["E4"], show=LATER)
        ctx.bumper().flush()
        reads.clear()
        _feed_tick(engine)
        assert reads == [(SHOW, {"E3"})]
        _feed_tick(engine, wide=False)
        assert reads == [(SHOW, {"E3"}), (LATER, {"E4"})]
    finally:
        engine.close()


def test_ticks_keep_a_fixed_rate():
    from kiosk.cloud.engine import wait_after_tick

    assert wait_after_tick(10.0, 0.5, now=10.2) == pytest.approx(0.3)  # not 0.5 after the tick
    assert wait_after_tick(10.0, 0.5, now=11.0) == pytest.approx(0.25)  # late: half a period


def test_a_kiosk_behind_reads_only_the_slots_of_the_versions_it_missed(ctx):
    """Slots ``C#<v mod RING>``: the run after the seen version, in two parts round the ring's
    end; a slot still holding an older version comes back with that version (never taken
    for the one asked)."""
    from kiosk.cloud.feed import RING, read_slots, slot_key

    dynamo = ctx.clients().dynamodb
    asked: list[tuple[str, str]] = []

    def note(params, **_):
        values = params.get("ExpressionAttributeValues", {})
        if ":lo" in values:
            asked.append((values[":lo"]["S"], values[":hi"]["S"]))

    dynamo.meta.events.register("provide-client-params.dynamodb.Query", note)
    for version in range(RING - 3, RING + 3):  # 61..66: ring places 61, 62, 63, 0, 1, 2
        dynamo.put_item(TableName=TABLE, Item={**slot_key(SHOW, version),
                                               "v": {"N": str(version)},
                                               "seats": {"SS": [f"S{version}"]}})
    dynamo.put_item(TableName=TABLE, Item={**slot_key(SHOW, 5), "v": {"N": "5"},
                                           "seats": {"SS": ["OLD"]}})
    try:
        got = read_slots(dynamo, TABLE, SHOW, RING - 3, RING + 2)
        assert got == {v: frozenset({f"S{v}"}) for v in range(RING - 2, RING + 3)}
        assert asked == [("C#62", "C#63"), ("C#00", "C#02")]
        asked.clear()
        assert read_slots(dynamo, TABLE, SHOW, RING, RING + 1) == {RING + 1: frozenset({f"S{RING + 1}"})}
        assert asked == [("C#01", "C#01")]  # one version behind: one slot
        assert read_slots(dynamo, TABLE, SHOW, RING + 4, RING + 5) == {5: frozenset({"OLD"})}
    finally:
        dynamo.meta.events.unregister("provide-client-params.dynamodb.Query", note)

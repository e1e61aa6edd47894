"""The gate with the real BookingService: real-time locking online, allocations offline,
optimistic conflicts and their resolution."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.cloud import conflicts
from kiosk.cloud.channel import OnlineChannel
from kiosk.cloud.context import CloudContext
from kiosk.cloud.errors import CloudUnavailable
from kiosk.cloud.gate import CloudGate
from kiosk.domain.errors import PermissionDenied, SeatsUnavailable
from kiosk.services.models import Payment
from tests.cloud.conftest import TABLE
from tests.cloud.helpers import seat_items

SHOW = "show-future"
CARD = Payment(method="card", card_last4="4242")


def sign_in(svc, who):
    return svc.auth.sign_in(*who)


def all_seats(svc) -> list[str]:
    return list(svc.catalogue.show(SHOW).layout.seats)


def test_online_hold_is_seen_by_others_at_once(parts, ctx, clock):
    svc, *_ = parts
    cashier = sign_in(svc, svc.world.cashier)
    hold = svc.booking.hold(cashier, SHOW, ["C3", "C4"])
    items = seat_items(ctx.clients().dynamodb, TABLE, SHOW)
    assert {s: i["state"] for s, i in items.items()} == {"C3": "held", "C4": "held"}
    web = OnlineChannel(ctx.claims("WEB"), clock=clock)
    with pytest.raises(SeatsUnavailable) as err:
        web.buy(SHOW, ["C4", "C5"])
    assert err.value.seats == ("C4",)
    web.buy(SHOW, ["D1"])
    with pytest.raises(SeatsUnavailable) as err:  # sold online, not yet pulled locally
        svc.booking.hold(cashier, SHOW, ["D1", "D2"])
    assert err.value.seats == ("D1",)
    svc.booking.release(hold.hold_id)
    assert set(seat_items(ctx.clients().dynamodb, TABLE, SHOW)) == {"D1"}


def test_offline_allocated_only_never_conflicts(parts, ctx, clock):
    svc, worker, puller, alloc, switch = parts
    manager = sign_in(svc, svc.world.manager)
    cashier = sign_in(svc, svc.world.cashier)
    with pytest.raises(PermissionDenied):
        alloc.allocate(SHOW, 8, actor=cashier)
    mine = alloc.allocate(SHOW, 8, actor=manager)
    assert len(mine) == 8 and svc.gate.allocated(SHOW) == frozenset(mine)
    assert svc.gate.offline_sellable(SHOW) is None  # online: no restriction
    switch.cut = True  # the shop's internet drops for the whole show
    others = [s for s in all_seats(svc) if s not in mine]
    with pytest.raises(SeatsUnavailable) as err:
        svc.booking.hold(cashier, SHOW, [others[0]])
    assert err.value.seats == (others[0],)
    assert svc.gate.offline_sellable(SHOW) == frozenset(mine)
    sold = []
    for pair in (mine[0:2], mine[2:5], mine[5:8]):
        hold = svc.booking.hold(cashier, SHOW, pair)
        sold.append(svc.booking.confirm(cashier, hold.hold_id, {}, CARD).booking_id)
    # meanwhile the web sells every other seat it can
    web = OnlineChannel(ctx.claims("WEB"), clock=clock)
    switch.cut = False
    web_sales = web.sell_until_full(SHOW, all_seats(svc), batch=4)
    switch.cut = True
    assert worker.run_once().offline
    switch.cut = False  # back online
    clock.advance(seconds=5)
    result = worker.run_once()
    assert result.conflicts == [] and result.pending == 0 and result.done == 3
    items = seat_items(ctx.clients().dynamodb, TABLE, SHOW)
    assert all(i["state"] == "sold" for i in items.values())
    assert len(items) == len(all_seats(svc))
    assert sum(len(s.seats) for s in web_sales) + 8 == len(items)
    assert {items[s]["booking_id"] for s in mine} == set(sold)
    assert svc.deps.conn.execute(
        "SELECT COUNT(*) FROM bookings WHERE sync_state = 'synced' AND state = 'confirmed'"
    ).fetchone()[0] == 3


def test_unsold_allocations_go_back_when_online(parts, ctx, clock):
    svc, worker, puller, alloc, switch = parts
    manager = sign_in(svc, svc.world.manager)
    cashier = sign_in(svc, svc.world.cashier)
    mine = alloc.allocate(SHOW, 6, actor=manager)
    switch.cut = True
    hold = svc.booking.hold(cashier, SHOW, mine[:2])
    svc.booking.confirm(cashier, hold.hold_id, {}, CARD)
    switch.cut = False
    clock.advance(seconds=5)
    worker.run_once()
    returned = alloc.maintain([SHOW], target=0)
    assert returned == {SHOW: -4}
    items = seat_items(ctx.clients().dynamodb, TABLE, SHOW)
    assert set(items) == set(mine[:2]) and all(i["state"] == "sold" for i in items.values())
    assert alloc.unsold(SHOW) == set()
    puller.pull_show(SHOW)  # sold seats are no longer "allocated" in the cloud either
    assert alloc.mine(SHOW) == set()
    # auto top-up keeps a block for the next outage
    alloc.maintain([SHOW], target=5)
    assert len(alloc.unsold(SHOW)) == 5
    assert svc.deps.conn.execute("SELECT COUNT(*) FROM audit WHERE action IN "
                                 "('cloud_allocate', 'cloud_release')").fetchone()[0] >= 3


def test_pull_shows_others_and_reconciles_allocations(parts, ctx, clock):
    svc, worker, puller, alloc, switch = parts
    web = OnlineChannel(ctx.claims("WEB"), clock=clock)
    web.buy(SHOW, ["B1", "B2"])
    other = ctx.claims("KIOSK-2")
    other.allocate(show_id=SHOW, seats=["E1"], now=clock.now())
    assert puller.pull_show(SHOW) is True
    assert puller.pull_show(SHOW) is False  # nothing new: no write, no change-feed noise
    rows = {r[0]: r[1] for r in svc.deps.conn.execute(
        "SELECT seat_code, state FROM remote_seats WHERE show_id = ?", (SHOW,))}
    assert rows == {"B1": "sold", "B2": "sold", "E1": "allocated"}
    assert svc.catalogue.seat_map(SHOW)["B1"].value == "sold"
    # DynamoDB holds an allocation for this kiosk that the local table lost, and the local
    # table claims D9, which DynamoDB does not give this kiosk. Pull's read may be stale, so it
    # only takes allocations away (D9); it never adds one (hole 2)...
    ctx.claims().allocate(show_id=SHOW, seats=["D5"], now=clock.now())
    svc.deps.conn.execute("INSERT INTO allocations VALUES (?, 'D9', 'KIOSK-1', '2026-11-25')",
                          (SHOW,))
    assert puller.pull_show(SHOW) is True
    assert alloc.mine(SHOW) == set()
    # ...the allocation manager's strongly consistent read adopts D5 before asking for more
    granted = alloc.allocate(SHOW, 1)
    assert alloc.mine(SHOW) == {"D5", *granted} and "D5" not in granted and len(granted) == 1


def test_optimistic_conflicts_are_queued_and_resolved(cloud_config, clock, parts, ctx):
    svc, worker, puller, alloc, switch = parts
    svc.gate.context.policy = "optimistic"
    cashier = sign_in(svc, svc.world.cashier)
    manager = sign_in(svc, svc.world.manager)
    switch.cut = True
    assert svc.gate.offline_sellable(SHOW) is None  # optimistic: any seat, even offline
    h1 = svc.booking.hold(cashier, SHOW, ["C1", "C2"])
    b1 = svc.booking.confirm(cashier, h1.hold_id, {}, CARD, contact="meera@example.com")
    h2 = svc.booking.hold(cashier, SHOW, ["F1"])
    b2 = svc.booking.confirm(cashier, h2.hold_id, {}, CARD)
    switch.cut = False
    web = OnlineChannel(ctx.claims("WEB"), clock=clock)
    web.buy(SHOW, ["C2", "C3"])
    web.buy(SHOW, ["F1"])
    clock.advance(seconds=5)
    result = worker.run_once()
    assert sorted(result.conflicts) == sorted([b1.booking_id, b2.booking_id])
    with pytest.raises(PermissionDenied):
        conflicts.list_conflicts(svc, cashier)
    queue = {c.booking_id: c for c in conflicts.list_conflicts(svc, manager)}
    assert queue[b1.booking_id].lost_seats == ("C2",)
    assert queue[b2.booking_id].lost_seats == ("F1",)
    puller.pull_show(SHOW)
    # re-seat b1 to equal seats (standard for standard), claimed in DynamoDB
    new = conflicts.reseat(svc, manager, b1.booking_id, ctx)
    assert len(new) == 2 and "C2" not in new
    layout = svc.catalogue.show(SHOW).layout
    assert all(layout.seats[s].type.value == "standard" for s in new)
    items = seat_items(ctx.clients().dynamodb, TABLE, SHOW)
    assert all(items[s]["booking_id"] == b1.booking_id for s in new)
    booking = svc.booking.get(b1.reference)
    assert booking.state == "confirmed" and sorted(x.seat_code for x in booking.lines) == sorted(new)
    # a cashier may not resolve it: refused, and the conflict stays open and untouched
    with pytest.raises(PermissionDenied):
        conflicts.refund(svc, cashier, b2.booking_id)
    assert b2.booking_id in {c.booking_id for c in conflicts.list_conflicts(svc, manager)}
    assert svc.booking.get(b2.reference).state == "conflict"
    # refund b2 through the booking service: refund and resolution commit together
    result = conflicts.refund(svc, manager, b2.booking_id)
    assert result.amount_minor == b2.total_minor
    assert svc.booking.get(b2.reference).state in ("refunded", "cancelled")
    assert conflicts.list_conflicts(svc, manager) == []
    clock.advance(seconds=5)
    drained = worker.run_once()
    assert drained.pending == 0 and drained.conflicts == []
    items = seat_items(ctx.clients().dynamodb, TABLE, SHOW)
    assert items["F1"]["kiosk_id"] == "WEB"  # the refund of the loser never touched the winner
    assert items["C2"]["kiosk_id"] == "WEB"


def test_no_credentials_means_offline_with_a_clear_message(cloud_config, monkeypatch, tmp_path):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    from kiosk.store.db import open_db

    open_db(cloud_config.db_path).conn.close()
    gate = CloudGate(cloud_config, context=CloudContext(cloud_config))
    try:
        assert not gate.online
        assert "No AWS credentials" in gate.status.snapshot().last_error
        assert gate.offline_sellable(SHOW) == frozenset()
    finally:
        gate.close()


def test_unreachable_endpoint_is_detected_fast(cloud_config):
    import time

    from kiosk.cloud.server import free_port
    from kiosk.services.models import Hold
    from kiosk.store.db import open_db

    config = replace(cloud_config, cloud=replace(cloud_config.cloud,
                                                 endpoint_url=f"http://127.0.0.1:{free_port()}"))
    open_db(config.db_path).conn.close()
    gate = CloudGate(config)
    from datetime import UTC, datetime, timedelta

    hold = Hold("h", SHOW, ("A5",), datetime.now(UTC) + timedelta(minutes=5), "KIOSK-1")
    started = time.monotonic()
    with pytest.raises(SeatsUnavailable):  # offline and not allocated to this kiosk
        gate.claim_hold(hold)
    assert time.monotonic() - started < 5
    assert not gate.online
    started = time.monotonic()
    gate.release_hold(hold)  # never raises, and does not wait on the network while offline
    assert time.monotonic() - started < 0.5
    gate.close()


def test_hold_whose_answer_was_lost_is_undone(parts, ctx, clock):
    """The claim landed but the answer did not: refused offline, and the cloud hold is removed."""
    from tests.cloud.helpers import LoseResponses

    svc, *_ = parts
    cashier = sign_in(svc, svc.world.cashier)
    lose = LoseResponses(ctx.clients().dynamodb, times=1)
    with pytest.raises(SeatsUnavailable) as err:
        svc.booking.hold(cashier, SHOW, ["D7", "D8"])
    assert lose.lost == 1 and "offline" in str(err.value)
    assert seat_items(ctx.clients().dynamodb, TABLE, SHOW) == {}  # nothing left blocking
    assert ctx.status.online  # the undo got through, so the kiosk knows it is online again
    hold = svc.booking.hold(cashier, SHOW, ["D7", "D8"])  # and the retry simply works
    assert {i["hold_id"] for i in seat_items(ctx.clients().dynamodb, TABLE, SHOW).values()} == {
        hold.hold_id}


def test_hold_taken_online_but_paid_offline_sells_only_allocated_seats(parts, ctx, clock):
    """I3 at confirm: once the kiosk knows it is offline, a sale is an offline sale."""
    svc, worker, puller, alloc, switch = parts
    manager = sign_in(svc, svc.world.manager)
    cashier = sign_in(svc, svc.world.cashier)
    mine = alloc.allocate(SHOW, 2, actor=manager)
    others = [s for s in all_seats(svc) if s not in mine]
    open_hold = svc.booking.hold(cashier, SHOW, others[:2])  # claimed in DynamoDB while online
    allocated_hold = svc.booking.hold(cashier, SHOW, mine)
    switch.cut = True
    with pytest.raises(CloudUnavailable):  # the next pull finds the link down
        puller.pull_show(SHOW)
    assert not svc.gate.online
    before = "\n".join(svc.deps.conn.iterdump())
    with pytest.raises(SeatsUnavailable) as err:
        svc.booking.confirm(cashier, open_hold.hold_id, {}, CARD)
    assert set(err.value.seats) == set(others[:2]) and "offline" in str(err.value)
    assert "\n".join(svc.deps.conn.iterdump()) == before  # nothing charged, nothing written
    booking = svc.booking.confirm(cashier, allocated_hold.hold_id, {}, CARD)
    assert sorted(line.seat_code for line in booking.lines) == sorted(mine)
    switch.cut = False
    clock.advance(seconds=5)
    assert worker.run_once().conflicts == []
    # back online, the held seats can be paid for after all
    renewed = svc.booking.renew_hold(open_hold.hold_id)
    assert svc.booking.confirm(cashier, renewed.hold_id, {}, CARD).state == "confirmed"

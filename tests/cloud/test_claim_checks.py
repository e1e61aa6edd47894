"""Claims check what they depend on (issue 10 points 1-2, DESIGN 4b): a show the cloud marks
cancelled and a staff member it marks inactive are refused by the claim's own ConditionChecks,
told apart from "seats taken", with the local database unchanged; a sale queued offline on a
show cancelled meanwhile becomes a conflict for the manager.

The catalogue items are written straight into moto in the agreed format (tests/cloud/cinema_items).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.cloud.channel import OnlineChannel
from kiosk.cloud.claims import SeatClaims, Seller
from kiosk.cloud.notifier import compose
from kiosk.domain.errors import SeatsUnavailable, ShowCancelled, StaffInactive
from kiosk.services.models import Payment
from tests.cloud.cinema_items import publish, put_show, put_staff
from tests.cloud.conftest import TABLE
from tests.cloud.helpers import booking_items, seat_items
from tests.factories import table_dump

SHOW = "show-future"
CINEMA = "cin-test"
CARD = Payment(method="card", card_last4="4242")
CASHIER_NO = "1001"
NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


def sign_in(svc, who):
    return svc.auth.sign_in(*who)


def dump(svc) -> str:
    return table_dump(svc.deps.conn, exclude=("audit", "outbox"))


def live_outbox(svc) -> int:
    return svc.deps.conn.execute(
        "SELECT COUNT(*) FROM outbox WHERE done_at IS NULL").fetchone()[0]


@pytest.fixture
def dynamo(ctx):
    return ctx.clients().dynamodb


@pytest.fixture
def published(dynamo):
    """The test cinema published: its shows scheduled, its staff active."""
    publish(dynamo, TABLE, CINEMA, shows={SHOW: "scheduled", "show-later": "scheduled"},
            staff={"1001": True, "1002": True, "9001": True})


def test_hold_on_a_cancelled_show_is_refused_and_nothing_changes(cloud_services, dynamo,
                                                                 published):
    svc = cloud_services
    cashier = sign_in(svc, svc.world.cashier)
    put_show(dynamo, TABLE, CINEMA, SHOW, "cancelled", version=2)
    before = dump(svc)
    with pytest.raises(ShowCancelled) as err:
        svc.booking.hold(cashier, SHOW, ["B5", "B6"])
    assert "cancelled" in str(err.value) and "Nothing was sold" in str(err.value)
    assert not isinstance(err.value, SeatsUnavailable)  # "choose other seats" would not help
    assert dump(svc) == before
    assert seat_items(dynamo, TABLE, SHOW) == {}
    # another show of the same cinema still sells
    svc.booking.hold(cashier, "show-later", ["B5"])


def test_confirm_on_a_show_cancelled_after_the_hold_is_refused(cloud_services, dynamo,
                                                               published):
    svc = cloud_services
    cashier = sign_in(svc, svc.world.cashier)
    hold = svc.booking.hold(cashier, SHOW, ["C1", "C2"])
    put_show(dynamo, TABLE, CINEMA, SHOW, "cancelled", version=2)
    before, pending = dump(svc), live_outbox(svc)
    with pytest.raises(ShowCancelled, match="cancelled"):
        svc.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert dump(svc) == before and live_outbox(svc) == pending  # the intent row is settled
    assert {i["state"] for i in seat_items(dynamo, TABLE, SHOW).values()} == {"held"}
    assert booking_items(dynamo, TABLE) == {}


def test_deactivated_staff_cannot_hold_or_sell(cloud_services, dynamo, published):
    svc = cloud_services
    cashier = sign_in(svc, svc.world.cashier)  # signed in before the deactivation reached here
    hold = svc.booking.hold(cashier, SHOW, ["D1"])
    put_staff(dynamo, TABLE, CINEMA, CASHIER_NO, active=False, version=2)
    before = dump(svc)
    with pytest.raises(StaffInactive) as err:
        svc.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert "deactivated" in str(err.value) and "ask a manager" in str(err.value)
    with pytest.raises(StaffInactive):
        svc.booking.hold(cashier, SHOW, ["D2"])
    assert dump(svc) == before
    assert booking_items(dynamo, TABLE) == {}
    # the colleague at the next counter and the self-service kiosk are not affected
    other = sign_in(svc, svc.world.cashier_2)
    sold = svc.booking.confirm(other, svc.booking.hold(other, SHOW, ["D3"]).hold_id, {}, CARD)
    assert booking_items(dynamo, TABLE)[sold.booking_id]["staff_number"] == "1002"
    kiosk = svc.auth.self_service_actor()
    svc.booking.confirm(kiosk, svc.booking.hold(kiosk, SHOW, ["D4"]).hold_id, {}, CARD)
    assert seat_items(dynamo, TABLE, SHOW)["D4"]["state"] == "sold"


def test_seats_taken_are_still_named_when_the_checks_fail_too(dynamo, published):
    web = SeatClaims(dynamo, TABLE, "WEB")
    kiosk = SeatClaims(dynamo, TABLE, "KIOSK-1")
    now = NOW
    later = now + timedelta(minutes=5)
    web.claim_hold(show_id=SHOW, seats=["A6", "A8"], hold_id="w", expires_at=later, now=now,
                   seller=Seller(CINEMA))
    seller = Seller(CINEMA, CASHIER_NO)
    # only seats in the way: exactly those seats, none of the checks named as a seat
    with pytest.raises(SeatsUnavailable) as err:
        kiosk.claim_hold(show_id=SHOW, seats=["A7", "A8", "A9", "A6"], hold_id="k",
                         expires_at=later, now=now, seller=seller)
    assert err.value.seats == ("A8", "A6")
    # seats in the way AND the show cancelled AND the cashier inactive: the show's refusal
    # wins (other seats cannot help), and it still names the seats that were in the way
    put_show(dynamo, TABLE, CINEMA, SHOW, "cancelled", version=2)
    put_staff(dynamo, TABLE, CINEMA, CASHIER_NO, active=False, version=2)
    with pytest.raises(ShowCancelled) as both:
        kiosk.confirm(show_id=SHOW, seats=["A7", "A8", "A9", "A6"], booking_id="b",
                      hold_id="k", now=now, record={"show_id": SHOW}, seller=seller)
    assert both.value.taken == ("A8", "A6")
    with pytest.raises(StaffInactive) as staff:  # another show: only the staff check fails
        kiosk.claim_hold(show_id="show-later", seats=["A6"], hold_id="k2", expires_at=later,
                         now=now, seller=seller)
    assert staff.value.taken == ()
    assert set(seat_items(dynamo, TABLE, SHOW)) == {"A6", "A8"}


def test_unpublished_cinema_sells_and_publication_makes_the_checks_strict(dynamo):
    """No VERSION item: the claim checks its absence (one item) and goes through. Once the
    cinema is published the checks require the SHOW#/STAFF# items: an unknown show is refused."""
    now = NOW
    later = now + timedelta(minutes=5)
    shared: set[str] = set()
    kiosk = SeatClaims(dynamo, TABLE, "KIOSK-1", shared)
    seller = Seller(CINEMA, CASHIER_NO)
    kiosk.claim_hold(show_id=SHOW, seats=["B1"], hold_id="h1", expires_at=later, now=now,
                     seller=seller)
    assert shared == set()
    publish(dynamo, TABLE, CINEMA, shows={SHOW: "scheduled"}, staff={CASHIER_NO: True})
    kiosk.claim_hold(show_id=SHOW, seats=["B2"], hold_id="h2", expires_at=later, now=now,
                     seller=seller)
    assert shared == {CINEMA}  # learnt from the failed VERSION check, then sent strict
    with pytest.raises(ShowCancelled, match="not in the cinema's published schedule"):
        kiosk.claim_hold(show_id="show-unknown", seats=["B3"], hold_id="h3",
                         expires_at=later, now=now, seller=seller)
    with pytest.raises(StaffInactive, match="not in the cinema's staff list"):
        kiosk.claim_hold(show_id=SHOW, seats=["B4"], hold_id="h4", expires_at=later, now=now,
                         seller=Seller(CINEMA, "7777"))
    # a second SeatClaims sharing the context's set starts strict (no wasted first try)
    calls: list[int] = []
    dynamo.meta.events.register("before-call.dynamodb.TransactWriteItems",
                                lambda **kw: calls.append(1))
    SeatClaims(dynamo, TABLE, "KIOSK-1", shared).claim_hold(
        show_id=SHOW, seats=["B5"], hold_id="h5", expires_at=later, now=now, seller=seller)
    assert len(calls) == 1


def test_online_channel_is_refused_on_a_cancelled_show(ctx, dynamo, published, clock):
    web = OnlineChannel(ctx.claims("WEB"), clock=clock, cinema_id=CINEMA)
    web.buy(SHOW, ["E1"])
    put_show(dynamo, TABLE, CINEMA, SHOW, "cancelled", version=2)
    with pytest.raises(ShowCancelled):
        web.buy(SHOW, ["E2"])
    assert set(seat_items(dynamo, TABLE, SHOW)) == {"E1"}
    # a confirm refused after its hold: the hold is given back
    web2 = OnlineChannel(ctx.claims("WEB"), clock=clock, cinema_id=CINEMA)
    put_show(dynamo, TABLE, CINEMA, "show-later", "scheduled", version=3)
    original = web2.claims.confirm

    def cancel_then_confirm(**kwargs):
        put_show(dynamo, TABLE, CINEMA, "show-later", "cancelled", version=4)
        return original(**kwargs)

    web2.claims.confirm = cancel_then_confirm
    with pytest.raises(ShowCancelled):
        web2.buy("show-later", ["E3"])
    assert seat_items(dynamo, TABLE, "show-later") == {}


def _offline_sale(svc, alloc, switch, clock, who):
    manager = sign_in(svc, svc.world.manager)
    mine = alloc.allocate(SHOW, 4, actor=manager)
    seller = sign_in(svc, who)
    switch.cut = True
    hold = svc.booking.hold(seller, SHOW, mine[:2])
    booking = svc.booking.confirm(seller, hold.hold_id, {}, CARD)
    assert booking.sync_state == "pending"
    return booking, mine[:2]


def test_offline_sale_on_a_show_cancelled_meanwhile_becomes_a_conflict(parts, dynamo,
                                                                      published, clock):
    svc, worker, puller, alloc, switch = parts
    booking, seats = _offline_sale(svc, alloc, switch, clock, svc.world.cashier)
    switch.cut = False  # (the switch cuts this test's client too)
    put_show(dynamo, TABLE, CINEMA, SHOW, "cancelled", version=2)  # the manager, elsewhere
    clock.advance(seconds=5)
    result = worker.run_once()
    assert result.conflicts == [booking.booking_id] and result.pending == 0
    conn = svc.deps.conn
    state = conn.execute("SELECT state, sync_state FROM bookings WHERE id = ?",
                         (booking.booking_id,)).fetchone()
    assert tuple(state) == ("conflict", "conflict")
    lost, detail = conn.execute("SELECT lost_seats, detail FROM cloud_conflicts "
                                "WHERE booking_id = ?", (booking.booking_id,)).fetchone()
    assert json.loads(lost) == seats and json.loads(detail) == {"reason": "show_cancelled"}
    message = compose(conn, booking.booking_id, "guest@example.com", "conflict")
    assert "show has been cancelled" in message.body and "sold elsewhere" not in message.body
    # nothing was sold in the cloud after the cancellation: the seats are still allocated
    items = seat_items(dynamo, TABLE, SHOW)
    assert {items[s]["state"] for s in seats} == {"allocated"}
    assert booking.booking_id not in booking_items(dynamo, TABLE)


def test_offline_sale_by_a_cashier_deactivated_meanwhile_becomes_a_conflict(parts, dynamo,
                                                                           published, clock):
    svc, worker, puller, alloc, switch = parts
    booking, seats = _offline_sale(svc, alloc, switch, clock, svc.world.cashier)
    switch.cut = False
    put_staff(dynamo, TABLE, CINEMA, CASHIER_NO, active=False, version=2)
    clock.advance(seconds=5)
    assert worker.run_once().conflicts == [booking.booking_id]
    detail = svc.deps.conn.execute("SELECT detail FROM cloud_conflicts WHERE booking_id = ?",
                                   (booking.booking_id,)).fetchone()[0]
    assert json.loads(detail) == {"reason": "staff_inactive"}
    assert booking.booking_id not in booking_items(dynamo, TABLE)


def test_a_device_that_pulled_the_catalogue_claims_strict_at_once(cloud_services, dynamo,
                                                                  published):
    """No wasted first try on a device whose catalogue came from the cloud (its pulled version
    is stored locally by kiosk.cloud.catalogue_sync)."""
    from kiosk.cloud import catalogue_sync

    svc = cloud_services
    cashier = sign_in(svc, svc.world.cashier)
    sent: list[int] = []
    dynamo.meta.events.register("before-parameter-build.dynamodb.TransactWriteItems",
                                lambda params, **kw: sent.append(len(params["TransactItems"])))
    svc.booking.hold(cashier, SHOW, ["F1"])
    assert sent == [2, 3]  # seat + VERSION check (refused), then seat + show + staff checks
    svc.gate.context.published_cinemas.clear()  # as after a restart
    with svc.deps.conn:
        svc.deps.conn.execute("INSERT INTO cloud_state (key, value) VALUES (?, '1')",
                              (catalogue_sync._state_key(CINEMA, "version"),))
    sent.clear()
    svc.booking.hold(cashier, SHOW, ["F2"])
    assert sent == [3]


def test_an_exchange_onto_a_cancelled_show_is_refused(cloud_services, dynamo, published):
    svc = cloud_services
    cashier = sign_in(svc, svc.world.cashier)
    old = svc.booking.confirm(cashier, svc.booking.hold(cashier, "show-later", ["B2"]).hold_id,
                              {}, CARD)
    new_hold = svc.booking.hold(cashier, SHOW, ["B3"])
    put_show(dynamo, TABLE, CINEMA, SHOW, "cancelled", version=2)
    before = dump(svc)
    with pytest.raises(ShowCancelled):
        svc.booking.exchange(cashier, old.reference, new_hold.hold_id, {}, CARD)
    assert dump(svc) == before
    assert set(booking_items(dynamo, TABLE)) == {old.booking_id}


def test_a_conflict_on_a_cancelled_show_cannot_be_reseated_only_refunded(parts, ctx, dynamo,
                                                                         published, clock):
    from kiosk.cloud import conflicts

    svc, worker, puller, alloc, switch = parts
    booking, seats = _offline_sale(svc, alloc, switch, clock, svc.world.cashier)
    switch.cut = False
    put_show(dynamo, TABLE, CINEMA, SHOW, "cancelled", version=2)
    clock.advance(seconds=5)
    assert worker.run_once().conflicts == [booking.booking_id]
    manager = sign_in(svc, svc.world.manager)
    with pytest.raises(ShowCancelled):
        conflicts.reseat(svc, manager, booking.booking_id, ctx)
    assert booking.booking_id not in booking_items(dynamo, TABLE)
    conflicts.refund(svc, manager, booking.booking_id, "show cancelled")
    state = svc.deps.conn.execute("SELECT state FROM bookings WHERE id = ?",
                                  (booking.booking_id,)).fetchone()[0]
    assert state == "refunded"


def test_an_offline_sale_refunded_before_the_checks_refused_it_is_noted_not_a_conflict(
        parts, dynamo, published, clock):
    """Simulator seeds 7015/7122 (60 steps): sold offline, given back here, then refused by
    the cloud's checks: nothing is owed to anyone, so no conflict, but the audit says why."""
    svc, worker, puller, alloc, switch = parts
    booking, seats = _offline_sale(svc, alloc, switch, clock, svc.world.cashier)
    svc.booking.refund(sign_in(svc, svc.world.cashier), booking.reference, None,
                       "customer_request")
    switch.cut = False
    put_show(dynamo, TABLE, CINEMA, SHOW, "cancelled", version=2)
    clock.advance(seconds=5)
    result = worker.run_once()
    assert result.conflicts == [] and result.pending == 0
    conn = svc.deps.conn
    assert conn.execute("SELECT COUNT(*) FROM cloud_conflicts").fetchone()[0] == 0
    detail = conn.execute("SELECT detail FROM audit WHERE action = 'sync_refused' AND "
                          "target = ?", (booking.booking_id,)).fetchone()[0]
    assert json.loads(detail)["reason"] == "show_cancelled"
    assert booking.booking_id not in booking_items(dynamo, TABLE)

"""The seat-claim protocol against moto: conditions, replays, cancellation reasons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.cloud.claims import SeatClaims, Seller
from kiosk.cloud.errors import CloudUnavailable
from kiosk.cloud.partitions import SINGLE, Layouts
from kiosk.cloud.table import MAX_SEATS_PER_CLAIM
from kiosk.domain.errors import InvalidInput, SeatsUnavailable
from tests.cloud.cinema_items import publish
from tests.cloud.conftest import TABLE
from tests.cloud.helpers import LoseResponses, booking_items, seat_items

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=5)


@pytest.fixture
def client(ctx):
    return ctx.clients().dynamodb


# Both seat layouts (kiosk.cloud.partitions): one partition key per show, and the same 40-seat
# show spread over 4 keys by block, as an arena-sized hall is. The key claim, release, replay
# and pull tests run on both; ``kiosk`` builds every claimer of a test with the same layout.
BLOCKS = Layouts(lambda _show: 40, block_seats=10)
LAYOUT = {"layouts": SINGLE}
both_layouts = pytest.mark.parametrize("layout", [SINGLE, BLOCKS], ids=["single", "blocks"],
                                       indirect=True)


@pytest.fixture
def layout(request):
    LAYOUT["layouts"] = request.param
    yield request.param
    LAYOUT["layouts"] = SINGLE


def kiosk(client, name="KIOSK-1") -> SeatClaims:
    return SeatClaims(client, TABLE, name, layouts=LAYOUT["layouts"])


def record(**extra):
    return {"reference": "ABCD-EFGH", "show_id": "S", "channel": "counter", "total_minor": 500,
            "currency": "INR", **extra}


@both_layouts
def test_hold_names_exactly_the_seats_taken(client, layout):
    a, b = kiosk(client), kiosk(client, "KIOSK-2")
    a.claim_hold(show_id="S", seats=["A1", "A2"], hold_id="h1", expires_at=LATER, now=NOW)
    with pytest.raises(SeatsUnavailable) as err:
        b.claim_hold(show_id="S", seats=["A3", "A2", "A4", "A1"], hold_id="h2",
                     expires_at=LATER, now=NOW)
    assert err.value.seats == ("A2", "A1")
    items = seat_items(client, TABLE, "S")
    assert set(items) == {"A1", "A2"}  # the cancelled transaction wrote nothing
    assert {i["hold_id"] for i in items.values()} == {"h1"}


@both_layouts
def test_replayed_hold_and_confirm_are_harmless(client, layout):
    a = kiosk(client)
    for _ in range(2):
        a.claim_hold(show_id="S", seats=["B1", "B2"], hold_id="h1", expires_at=LATER, now=NOW)
    for _ in range(2):
        a.confirm(show_id="S", seats=["B1", "B2"], booking_id="bk1", hold_id="h1", now=NOW,
                  record=record())
    items = seat_items(client, TABLE, "S")
    assert {i["state"] for i in items.values()} == {"sold"}
    assert {i["booking_id"] for i in items.values()} == {"bk1"}
    assert all("hold_expires_at" not in i and "ttl" not in i for i in items.values())
    bookings = booking_items(client, TABLE)
    assert list(bookings) == ["bk1"] and sorted(bookings["bk1"]["seats"]) == ["B1", "B2"]
    # another booking can never take them, even replaying the same hold id
    with pytest.raises(SeatsUnavailable) as err:
        kiosk(client, "KIOSK-2").confirm(show_id="S", seats=["B2"], booking_id="bk2",
                                         hold_id="h1", now=NOW, record=record())
    assert err.value.seats == ("B2",)


@both_layouts
def test_lost_response_then_replay_has_no_effect(client, layout):
    a = kiosk(client)
    lose = LoseResponses(client, times=1)
    with pytest.raises(CloudUnavailable):
        a.confirm(show_id="S", seats=["C1"], booking_id="bk1", hold_id="", now=NOW,
                  record=record())
    assert lose.lost == 1
    assert seat_items(client, TABLE, "S")["C1"]["booking_id"] == "bk1"  # it did happen
    a.confirm(show_id="S", seats=["C1"], booking_id="bk1", hold_id="", now=NOW, record=record())
    assert seat_items(client, TABLE, "S")["C1"]["version"] == 2
    assert list(booking_items(client, TABLE)) == ["bk1"]


@both_layouts
def test_expired_hold_can_be_taken_but_not_a_live_one(client, layout):
    a, b = kiosk(client), kiosk(client, "KIOSK-2")
    a.claim_hold(show_id="S", seats=["D1"], hold_id="h1", expires_at=LATER, now=NOW)
    with pytest.raises(SeatsUnavailable):
        b.claim_hold(show_id="S", seats=["D1"], hold_id="h2", expires_at=LATER, now=NOW)
    after = LATER + timedelta(seconds=1)
    b.claim_hold(show_id="S", seats=["D1"], hold_id="h2", expires_at=after + timedelta(minutes=5),
                 now=after)
    # the first kiosk's late confirm on its lapsed hold now loses
    with pytest.raises(SeatsUnavailable):
        a.confirm(show_id="S", seats=["D1"], booking_id="bk1", hold_id="h1", now=after,
                  record=record())


@both_layouts
def test_allocated_seats_belong_to_their_kiosk_only(client, layout):
    a, b = kiosk(client), kiosk(client, "KIOSK-2")
    a.allocate(show_id="S", seats=["E1", "E2"], now=NOW)
    with pytest.raises(SeatsUnavailable) as err:
        b.claim_hold(show_id="S", seats=["E2"], hold_id="h2", expires_at=LATER, now=NOW)
    assert err.value.seats == ("E2",)
    with pytest.raises(SeatsUnavailable):
        b.allocate(show_id="S", seats=["E1"], now=NOW)
    # the owner sells one straight from the allocation (an offline sale syncing later)
    a.confirm(show_id="S", seats=["E1"], booking_id="bk1", hold_id="", now=NOW, record=record())
    # the owner holds the other and lets the hold lapse: it stays the owner's allocation
    a.claim_hold(show_id="S", seats=["E2"], hold_id="h1", expires_at=LATER, now=NOW,
                 allocated={"E2"})
    with pytest.raises(SeatsUnavailable):
        b.claim_hold(show_id="S", seats=["E2"], hold_id="h3", expires_at=LATER + timedelta(hours=1),
                     now=LATER + timedelta(minutes=1))
    assert a.release_hold(show_id="S", seats=["E2"], hold_id="h1", allocated={"E2"}) == ["E2"]
    items = seat_items(client, TABLE, "S")
    assert items["E2"]["state"] == "allocated" and items["E2"]["kiosk_id"] == "KIOSK-1"
    # a refund of an allocated seat gives it back to the kiosk, not to everyone
    assert a.refund(show_id="S", seats=["E1"], booking_id="bk1", refund_id=7, now=NOW) == ["E1"]
    items = seat_items(client, TABLE, "S")
    assert items["E1"]["state"] == "allocated" and "booking_id" not in items["E1"]
    assert b.release_allocation(show_id="S", seats=["E1", "E2"]) == []
    assert sorted(a.release_allocation(show_id="S", seats=["E1", "E2"])) == ["E1", "E2"]
    assert seat_items(client, TABLE, "S") == {}


@both_layouts
def test_release_and_refund_only_touch_what_they_own(client, layout):
    a, b = kiosk(client), kiosk(client, "KIOSK-2")
    a.claim_hold(show_id="S", seats=["F1", "F2"], hold_id="h1", expires_at=LATER, now=NOW)
    assert b.release_hold(show_id="S", seats=["F1"], hold_id="h2") == []
    assert a.release_hold(show_id="S", seats=["F1"], hold_id="h1") == ["F1"]
    a.confirm(show_id="S", seats=["F2"], booking_id="bk1", hold_id="h1", now=NOW, record=record())
    assert b.refund(show_id="S", seats=["F2"], booking_id="bk-other", refund_id=1, now=NOW) == []
    assert a.refund(show_id="S", seats=["F2"], booking_id="bk1", refund_id=1, now=NOW) == ["F2"]
    assert a.refund(show_id="S", seats=["F2"], booking_id="bk1", refund_id=1, now=NOW) == []
    assert seat_items(client, TABLE, "S") == {}
    assert booking_items(client, TABLE)["bk1"]["refunded_seats"] == {"F2"}


def test_claims_are_capped_to_one_transaction(client):
    """The cap leaves room for the booking item and both ConditionChecks (show, staff)."""
    a = kiosk(client)
    publish(client, TABLE, "C1", shows={"S": "scheduled"}, staff={"C01": True})
    seller = Seller("C1", "C01")
    seats = [f"G{i}" for i in range(1, 101)]
    assert MAX_SEATS_PER_CLAIM == 97
    with pytest.raises(InvalidInput):
        a.claim_hold(show_id="S", seats=seats[:98], hold_id="h", expires_at=LATER, now=NOW,
                     seller=seller)
    a.confirm(show_id="S", seats=seats[:97], booking_id="big", hold_id="", now=NOW,
              record=record(), seller=seller)  # 97 seats + booking item + 2 checks = 100 items
    assert len(seat_items(client, TABLE, "S")) == 97


@both_layouts
def test_show_items_paginates(client, layout):
    a = kiosk(client)
    a.allocate(show_id="P", seats=[f"H{i}" for i in range(30)], now=NOW)
    assert len(a.show_items("P", page_size=7)) == 30
    # the blocked layout really spreads the show over its partition keys, the same on every
    # device: another kiosk's pull reads the same 30 seats
    keys = {i["pk"] for i in a.show_items("P")}
    assert keys == set(layout.pks("P")) and len(keys) == layout.blocks("P")
    assert {i["sk"] for i in kiosk(client, "KIOSK-2").show_items("P")} == {
        f"SEAT#H{i}" for i in range(30)}


def test_token_mismatch_on_a_replay_falls_back_to_the_conditions(client):
    """Real DynamoDB refuses a reused ClientRequestToken whose parameters changed (``:now``
    moves between a lost response and its replay); the replay then goes without the token."""
    from botocore.exceptions import ClientError

    calls = []

    class MismatchOnToken:
        exceptions = client.exceptions

        def __getattr__(self, name):  # the layout guard's get_item / put_item
            return getattr(client, name)

        def transact_write_items(self, **kwargs):
            calls.append("ClientRequestToken" in kwargs)
            if "ClientRequestToken" in kwargs:
                raise ClientError({"Error": {"Code": "IdempotentParameterMismatchException",
                                             "Message": "token reused"}}, "TransactWriteItems")
            return client.transact_write_items(**kwargs)

    claims = SeatClaims(MismatchOnToken(), TABLE, "KIOSK-1")
    claims.confirm(show_id="S", seats=["J1"], booking_id="bk1", hold_id="", now=NOW,
                   record=record())
    assert calls == [True, False]
    assert seat_items(client, TABLE, "S")["J1"]["booking_id"] == "bk1"


@both_layouts
def test_an_orphaned_hold_on_its_own_allocation_never_blocks_the_kiosk(client, layout):
    """Simulator seed 5229: a hold claim whose answer was lost (and whose undo was dropped) left
    an allocated seat held by a hold the kiosk no longer knows; the kiosk's next hold and its
    offline sale of that seat must still go through, and nobody else may take it."""
    a, b = kiosk(client), kiosk(client, "KIOSK-2")
    a.allocate(show_id="S", seats=["G1"], now=NOW)
    a.claim_hold(show_id="S", seats=["G1"], hold_id="lost", expires_at=LATER, now=NOW,
                 allocated={"G1"})
    with pytest.raises(SeatsUnavailable):  # another kiosk: no, even long after the expiry
        b.claim_hold(show_id="S", seats=["G1"], hold_id="h9", expires_at=LATER + timedelta(hours=2),
                     now=LATER + timedelta(hours=1))
    a.claim_hold(show_id="S", seats=["G1"], hold_id="h2", expires_at=LATER, now=NOW,
                 allocated={"G1"})
    a.confirm(show_id="S", seats=["G1"], booking_id="bk9", hold_id="offline-h3", now=NOW,
              record=record())
    assert seat_items(client, TABLE, "S")["G1"]["booking_id"] == "bk9"

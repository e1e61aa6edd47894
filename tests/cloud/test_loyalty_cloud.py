"""Issue 12 point 5: loyalty members shared by the chain in DynamoDB (moto in process).

A member who joins at one kiosk is found at another with the same balance; points earned on one
reach the cloud through the outbox (once, however often it retries); two kiosks spending the
last points at once: one is told; offline points are not redeemed (nothing changes) but sales
still earn; points taken for a sale that never committed are given back once its hold is over.
"""

from __future__ import annotations

import pytest

from kiosk.cloud.loyalty import CloudMembers, member_pk
from kiosk.domain.errors import PaymentError
from kiosk.domain.tenders import Tender
from kiosk.services.models import Payment
from tests.cloud.helpers import LoseResponses
from tests.cloud.kiosks import CARD, cinema_kiosks
from tests.factories import table_dump
from tests.race import at_once

PHONE = "+919876543210"


@pytest.fixture
def kiosks(cloud_config, tmp_path, clock, ctx):
    with cinema_kiosks(cloud_config, tmp_path, clock, "cin-test") as opened:
        opened[0].svc.loyalty.join(opened[0].actor, "98765 43210", "INR", "Asha Rao")
        yield opened


def cloud_points(kiosk) -> int:
    member = CloudMembers(kiosk.ctx).read(PHONE)
    assert member is not None
    return member.points


def give(kiosk, points: int) -> None:
    """Points the member earned elsewhere (the cloud's balance is the member's)."""
    CloudMembers(kiosk.ctx).apply({"op": "earn", "phone": PHONE, "points": points,
                                   "move_id": f"test#{points}"}, kiosk.svc.deps.clock.now())


def sell(kiosk, seat, payment=CARD):
    hold = kiosk.svc.booking.hold(kiosk.actor, "show-future", [seat])
    try:
        return kiosk.svc.booking.confirm(kiosk.actor, hold.hold_id, {}, payment, member=PHONE)
    except BaseException:
        kiosk.svc.booking.release(hold.hold_id)
        raise


POINTS_250 = Payment(tenders=(Tender("points", 250_00, PHONE),))


def test_a_member_joined_at_one_kiosk_earns_there_and_is_found_with_it_at_the_other(kiosks):
    one, two = kiosks
    booking = sell(one, "B1")
    assert booking.points_earned == 25
    assert cloud_points(one) == 0  # earning travels through the outbox
    one.worker.run_once()
    one.worker.run_once()  # a replay changes nothing
    assert cloud_points(one) == 25
    member = two.svc.loyalty.find("9876543210", "INR")
    assert (member.name, member.points, member.current) == ("Asha Rao", 25, True)
    visits = two.svc.loyalty.history(two.actor, PHONE, "INR")
    assert [(v.reference, v.points) for v in visits] == [(booking.reference, 25)]


def test_two_kiosks_spending_the_last_points_at_once_one_is_told(kiosks):
    one, two = kiosks
    give(one, 500)
    for kiosk in kiosks:
        kiosk.svc.loyalty.find(PHONE, "INR")
    holds = [one.svc.booking.hold(one.actor, "show-future", ["C1"]),
             two.svc.booking.hold(two.actor, "show-future", ["C2"])]
    outcomes = at_once(*(
        lambda k=k, h=h: k.svc.booking.confirm(k.actor, h.hold_id, {}, POINTS_250, member=PHONE)
        for k, h in zip(kiosks, holds, strict=True)), refused=PaymentError)
    refused = [o for o in outcomes if isinstance(o, PaymentError)]
    assert len(refused) == 1 and "has 0 points" in str(refused[0])
    assert cloud_points(one) == 0


def test_offline_points_are_not_redeemed_but_the_sale_still_earns(kiosks):
    one, _ = kiosks
    give(one, 500)
    one.svc.loyalty.find(PHONE, "INR")
    one.network.cut = True
    hold = one.svc.booking.hold(one.actor, "show-future", ["D1"])
    before = table_dump(one.svc.deps.conn)
    with pytest.raises(PaymentError, match="cannot reach the cloud"):
        one.svc.booking.confirm(one.actor, hold.hold_id, {}, POINTS_250, member=PHONE)
    assert table_dump(one.svc.deps.conn) == before
    member = one.svc.loyalty.find(PHONE, "INR")
    assert (member.points, member.current) == (500, False)  # the last balance known here
    booking = one.svc.booking.confirm(one.actor, hold.hold_id, {}, CARD, member=PHONE)
    assert booking.points_earned == 25
    one.network.cut = False
    one.worker.run_once()
    assert cloud_points(one) == 525


def test_points_taken_for_a_sale_that_never_committed_come_back_after_its_hold(kiosks, clock):
    one, _ = kiosks
    give(one, 500)
    hold = one.svc.booking.hold(one.actor, "show-future", ["D2"])
    LoseResponses(one.ctx.dynamodb(), times=1)  # the redemption lands; its answer does not
    with pytest.raises(PaymentError, match="cannot reach the cloud"):
        one.svc.booking.confirm(one.actor, hold.hold_id, {}, POINTS_250, member=PHONE)
    assert cloud_points(one) == 0  # held by a sale that did not happen
    one.worker.run_once()
    assert cloud_points(one) == 0  # the hold is live: the sale may still commit
    one.svc.booking.release(hold.hold_id)
    clock.advance(minutes=10)
    one.worker.run_once()
    assert cloud_points(one) == 500


def test_a_refund_settles_the_points_in_the_cloud(kiosks):
    one, _ = kiosks
    give(one, 1_000)
    pay = Payment(tenders=(Tender("points", 100_00, PHONE), Tender("card", 150_00, "4242")))
    booking = sell(one, "C3", pay)
    one.worker.run_once()
    assert cloud_points(one) == 1_000 - 200 + 15
    manager = one.svc.auth.sign_in("9001", "9999")
    one.svc.booking.refund(manager, booking.reference, ["C3"], reason="show_cancelled")
    one.worker.run_once()
    assert cloud_points(one) == 1_000
    moves = one.ctx.dynamodb().query(
        TableName=one.ctx.clients().table, ConsistentRead=True,
        KeyConditionExpression="pk = :pk", ExpressionAttributeValues={
            ":pk": {"S": member_pk(PHONE)}})["Items"]
    kinds = sorted(m["sk"]["S"].split("#")[0] for m in moves)
    assert kinds == ["MOVE"] * 4 + ["PROFILE", "REDEEM"]  # give, earn, refund, clawback


def test_a_clawback_in_the_cloud_takes_at_most_what_is_there(kiosks):
    one, two = kiosks
    give(one, 40)
    CloudMembers(two.ctx).apply({"op": "clawback", "phone": PHONE, "points": 100,
                                 "move_id": "two#1"}, two.svc.deps.clock.now())
    assert cloud_points(one) == 0


def test_a_retry_of_the_same_sale_with_other_points_takes_what_it_commits(kiosks, clock):
    """A lost answer, then the same hold confirmed asking for more points than the member has:
    the earlier redemption is given back first and the new one refused in words; with fewer
    points the sale commits and the cloud holds exactly what it committed."""
    one, _ = kiosks
    give(one, 100)
    hold = one.svc.booking.hold(one.actor, "show-future", ["D3"])
    small = Payment(tenders=(Tender("points", 50_00, PHONE), Tender("card", 200_00, "4242")))
    LoseResponses(one.ctx.dynamodb(), times=1)  # 100 points taken; the answer lost
    with pytest.raises(PaymentError, match="cannot reach the cloud"):
        one.svc.booking.confirm(one.actor, hold.hold_id, {}, small, member=PHONE)
    assert cloud_points(one) == 0
    one.ctx.status.mark_ok()
    with pytest.raises(PaymentError, match="has 100 points"):  # 500 asked: given back, refused
        one.svc.booking.confirm(one.actor, hold.hold_id, {},
                                Payment(tenders=(Tender("points", 250_00, PHONE),)), member=PHONE)
    assert cloud_points(one) == 100
    booking = one.svc.booking.confirm(one.actor, hold.hold_id, {}, small, member=PHONE)
    assert booking.points_earned == 20 and cloud_points(one) == 0
    clock.advance(minutes=30)
    for _ in range(3):
        one.worker.run_once()
    assert cloud_points(one) == 20  # the 100 redeemed stay taken; the card's 20 earned


def test_a_lost_answer_then_the_sale_paid_by_card_gives_the_points_back(kiosks, clock):
    one, _ = kiosks
    give(one, 500)
    hold = one.svc.booking.hold(one.actor, "show-future", ["D4"])
    LoseResponses(one.ctx.dynamodb(), times=1)
    with pytest.raises(PaymentError, match="nothing was charged"):
        one.svc.booking.confirm(one.actor, hold.hold_id, {}, POINTS_250, member=PHONE)
    one.ctx.status.mark_ok()
    booking = one.svc.booking.confirm(one.actor, hold.hold_id, {}, CARD, member=PHONE)
    clock.advance(minutes=30)
    for _ in range(3):
        one.worker.run_once()
    assert cloud_points(one) == 500 + booking.points_earned


def test_a_food_sale_refused_after_its_voucher_was_taken_gives_it_back_at_once(kiosks):
    """The voucher is taken in the cloud, then the member's points refuse the sale: the
    voucher is given back at once (the sale's id is its own: a retry is a new sale)."""
    from kiosk.cloud.vouchers import CloudVouchers
    from kiosk.store.db import transaction
    from kiosk.store.menu_store import replace_menu
    from tests.unit.test_menu import small_menu

    one, _ = kiosks
    give(one, 100)
    with transaction(one.svc.deps.conn):
        replace_menu(one.svc.deps.conn, small_menu(), {"pop-l": (5, 0)}, "t")
    manager = one.svc.auth.sign_in("9001", "9999")
    [voucher] = one.svc.vouchers.issue(manager, "cin-test", "item", 1, item="pop-l=1:salted")
    from kiosk.domain.menu import Order

    with pytest.raises(PaymentError, match="has 100 points"):
        one.svc.items.sell(one.actor, "cin-test", [Order("pop-l", 1, ("salted",))],
                           Payment(tenders=(Tender("points", 450_00, PHONE),)), PHONE,
                           voucher=voucher.code)
    assert CloudVouchers(one.ctx).read("cin-test", voucher.code).state == "issued"
    sale = one.svc.items.sell(one.actor, "cin-test", [], Payment(), voucher=voucher.code)
    assert sale.total_minor == 0

"""Issue 12 point 4: a promo code's use limit counted in DynamoDB across kiosks (moto in process),
and offers travelling with the shared catalogue.

A code limited to N sales is used at most N times whichever kiosks sell: each use is a
conditional write keyed by the booking before the sale's local commit. Offline, a limited code is
refused in words and nothing changes; a use whose sale never committed is given back.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kiosk.cloud.promos import CloudPromos, promo_pk
from kiosk.domain.offers import OfferBook, PromoRefused
from kiosk.store.db import transaction
from kiosk.store.offer_store import load_offers, save_offer
from tests.cloud.helpers import LoseResponses
from tests.cloud.kiosks import CARD, cinema_kiosks
from tests.cloud.test_catalogue_sync import CINEMA, other_device, publish_all, push_version
from tests.factories import table_dump
from tests.unit.test_offers import offer

assert CINEMA == "cin-test"


@pytest.fixture
def kiosks(cloud_config, tmp_path, clock, ctx):
    with cinema_kiosks(cloud_config, tmp_path, clock, CINEMA) as opened:
        for kiosk in opened:
            with transaction(kiosk.svc.deps.conn):  # the same offers on both, as a pull makes
                save_offer(kiosk.svc.deps.conn, offer("three", code="THREE", max_uses=3))
                save_offer(kiosk.svc.deps.conn, offer("open", code="OPEN", value=5))
        yield opened


def sell(kiosk, seat, promo):
    hold = kiosk.svc.booking.hold(kiosk.actor, "show-future", [seat])
    try:
        return kiosk.svc.booking.confirm(kiosk.actor, hold.hold_id, {}, CARD, promo=promo)
    except BaseException:
        kiosk.svc.booking.release(hold.hold_id)
        raise


def use_items(kiosk, code="THREE") -> list[str]:
    answer = kiosk.ctx.dynamodb().query(
        TableName=kiosk.ctx.clients().table,
        KeyConditionExpression="pk = :pk AND begins_with(sk, :u)",
        ExpressionAttributeValues={":pk": {"S": promo_pk(CINEMA, code)}, ":u": {"S": "USE#"}})
    return sorted(item["sk"]["S"][4:] for item in answer["Items"])


def test_a_code_for_three_sales_is_used_three_times_across_two_kiosks(kiosks):
    one, two = kiosks
    sold = [sell(one, "B1", "THREE"), sell(two, "B2", "three"), sell(one, "B3", "THREE")]
    assert all(b.discounts and b.total_minor == 22_500 for b in sold)
    for kiosk, seat in ((two, "B4"), (one, "B5")):
        unchanged = ("audit", "outbox", "holds")  # the hold is taken and given back
        before = table_dump(kiosk.svc.deps.conn, exclude=unchanged)
        with pytest.raises(PromoRefused, match="used the most times it may be \\(3\\)"):
            sell(kiosk, seat, "THREE")
        assert table_dump(kiosk.svc.deps.conn, exclude=unchanged) == before
    promos = CloudPromos(one.ctx)
    assert promos.uses(CINEMA, "THREE") == 3
    assert use_items(one) == sorted(b.booking_id for b in sold)
    rows = one.svc.offers.list(CINEMA, with_cloud_counts=True)
    assert [(r.offer.code, r.uses_here, r.uses_cloud) for r in rows] == [
        ("OPEN", 0, 0), ("THREE", 2, 3)]


def test_a_retried_use_of_the_same_sale_counts_once(kiosks):
    one, _ = kiosks
    promos = CloudPromos(one.ctx)
    now = one.svc.deps.clock.now()
    for _ in range(3):
        promos.use(CINEMA, "THREE", "booking-x", 3, now)
    assert promos.uses(CINEMA, "THREE") == 1
    assert promos.release(CINEMA, "THREE", "booking-x") is True
    assert promos.release(CINEMA, "THREE", "booking-x") is False  # given back once
    assert promos.uses(CINEMA, "THREE") == 0


def test_offline_a_limited_code_is_refused_and_an_open_code_still_sells(kiosks):
    one, _ = kiosks
    one.network.cut = True
    hold = one.svc.booking.hold(one.actor, "show-future", ["C1"])
    before = table_dump(one.svc.deps.conn)
    with pytest.raises(PromoRefused, match="cannot reach the cloud to count it"):
        one.svc.booking.confirm(one.actor, hold.hold_id, {}, CARD, promo="THREE")
    assert table_dump(one.svc.deps.conn) == before
    booking = one.svc.booking.confirm(one.actor, hold.hold_id, {}, CARD, promo="OPEN")
    assert booking.total_minor == 23_750 and booking.sync_state == "pending"
    one.network.cut = False
    one.worker.run_once()
    assert CloudPromos(one.ctx).uses(CINEMA, "OPEN") == 0  # not counted: it has no limit


def test_a_use_whose_answer_was_lost_is_given_back_once_the_hold_is_over(kiosks, clock):
    one, _ = kiosks
    hold = one.svc.booking.hold(one.actor, "show-future", ["C2"])
    LoseResponses(one.ctx.dynamodb(), times=1)  # the use lands; its answer does not
    with pytest.raises(PromoRefused, match="cannot reach the cloud"):
        one.svc.booking.confirm(one.actor, hold.hold_id, {}, CARD, promo="THREE")
    promos = CloudPromos(one.ctx)
    assert promos.uses(CINEMA, "THREE") == 1  # held by a sale that did not happen
    one.worker.run_once()
    assert promos.uses(CINEMA, "THREE") == 1  # the hold is live: the sale may still commit
    one.svc.booking.release(hold.hold_id)
    clock.advance(minutes=10)
    one.worker.run_once()
    assert promos.uses(CINEMA, "THREE") == 0 and use_items(one) == []


def test_a_sale_that_commits_after_a_lost_answer_keeps_its_use(kiosks, clock):
    one, _ = kiosks
    hold = one.svc.booking.hold(one.actor, "show-future", ["C3"])
    LoseResponses(one.ctx.dynamodb(), times=1)  # the use lands; its answer does not
    with pytest.raises(PromoRefused):
        one.svc.booking.confirm(one.actor, hold.hold_id, {}, CARD, promo="THREE")
    one.ctx.status.mark_ok()  # the connection is back (as the engine's probe finds)
    booking = one.svc.booking.confirm(one.actor, hold.hold_id, {}, CARD, promo="THREE")
    clock.advance(minutes=10)
    one.worker.run_once()
    assert use_items(one) == [booking.booking_id]
    assert CloudPromos(one.ctx).uses(CINEMA, "THREE") == 1


# -- offers in the shared catalogue ------------------------------------------------------------
@pytest.fixture
def console(cloud_services, ctx):
    ctx.config = replace(ctx.config, cinema_id=CINEMA)
    with transaction(cloud_services.deps.conn):
        save_offer(cloud_services.deps.conn, offer("wed", kind="price", value=15_000,
                                                   weekdays="wed"))
        save_offer(cloud_services.deps.conn, offer("code", code="SHARED", max_uses=10))
    return cloud_services


def test_offers_reach_another_device_and_a_withdrawal_follows(console, ctx, clock, tmp_path):
    assert f"OFFERS#{CINEMA}" in publish_all(console, ctx, clock).published
    other = other_device(tmp_path, ctx, clock, "b")
    assert f"OFFERS#{CINEMA}" in other.pull(CINEMA).applied
    assert load_offers(other.conn, CINEMA) == load_offers(console.deps.conn, CINEMA)
    with transaction(console.deps.conn):
        console.deps.conn.execute("UPDATE offers SET active = 0 WHERE id = 'code'")
    assert publish_all(console, ctx, clock).published == [f"OFFERS#{CINEMA}"]
    other.pull(CINEMA)
    assert [(o.offer_id, o.active) for o in load_offers(other.conn, CINEMA)] == [
        ("code", False), ("wed", True)]
    other.close()


@pytest.mark.parametrize("damage, problem", [
    (lambda b: b["offers"][0].update(kind="free"), "percent, amount or price"),
    (lambda b: b["offers"][0].update(value=-5), "above zero"),
    (lambda b: b["offers"][1].update(code=b["offers"][0]["code"]), "share one promo code"),
    (lambda b: b.update(id="cin-other"), "does not match its key"),
])
def test_bad_offers_in_the_cloud_are_kept_out(console, ctx, clock, tmp_path, damage, problem):
    publish_all(console, ctx, clock)
    other = other_device(tmp_path, ctx, clock, "b")
    other.pull(CINEMA)
    good = load_offers(other.conn, CINEMA)
    body = OfferBook(CINEMA, good).to_body()
    damage(body)
    push_version(ctx, 2, [(f"OFFERS#{CINEMA}", "offers", json.dumps(body))])
    pulled = other.pull(CINEMA)
    assert list(pulled.skipped) == [f"OFFERS#{CINEMA}"]
    assert problem in pulled.skipped[f"OFFERS#{CINEMA}"]
    assert load_offers(other.conn, CINEMA) == good
    other.close()



def test_a_lost_answer_then_the_sale_without_the_code_gives_the_use_back(kiosks, clock):
    one, _ = kiosks
    hold = one.svc.booking.hold(one.actor, "show-future", ["C4"])
    LoseResponses(one.ctx.dynamodb(), times=1)  # the use lands; its answer does not
    with pytest.raises(PromoRefused):
        one.svc.booking.confirm(one.actor, hold.hold_id, {}, CARD, promo="THREE")
    one.ctx.status.mark_ok()
    one.svc.booking.confirm(one.actor, hold.hold_id, {}, CARD)  # sold without the code
    clock.advance(minutes=10)
    one.worker.run_once()
    assert CloudPromos(one.ctx).uses(CINEMA, "THREE") == 0 and use_items(one) == []

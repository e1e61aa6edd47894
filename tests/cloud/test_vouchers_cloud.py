"""Issue 12 point 3: single-use vouchers shared by a cinema's kiosks in DynamoDB (moto in
process). A voucher issued at one kiosk is used at the other, once; two kiosks using it at the
same moment: one is told; offline it is refused in words and nothing changes; a voucher taken
for a sale that never committed is given back once its hold is over."""

from __future__ import annotations

import pytest

from kiosk.cloud.vouchers import CloudVouchers
from kiosk.domain.errors import InvalidInput
from kiosk.domain.offers import PromoRefused
from tests.cloud.helpers import LoseResponses
from tests.cloud.kiosks import CARD, cinema_kiosks
from tests.factories import table_dump
from tests.race import at_once

CINEMA = "cin-test"


@pytest.fixture
def kiosks(cloud_config, tmp_path, clock, ctx):
    with cinema_kiosks(cloud_config, tmp_path, clock, CINEMA) as opened:
        yield opened


def issue(kiosk, count=1):
    manager = kiosk.svc.auth.sign_in("9001", "9999")
    return kiosk.svc.vouchers.issue(manager, CINEMA, "ticket", count)


def sell(kiosk, seat, code):
    hold = kiosk.svc.booking.hold(kiosk.actor, "show-future", [seat])
    try:
        return kiosk.svc.booking.confirm(kiosk.actor, hold.hold_id, {}, CARD, promo=code)
    except BaseException:
        kiosk.svc.booking.release(hold.hold_id)
        raise


def state(kiosk, code) -> str:
    voucher = CloudVouchers(kiosk.ctx).read(CINEMA, code)
    assert voucher is not None
    return voucher.state


def test_issued_at_one_kiosk_used_once_at_the_other(kiosks):
    one, two = kiosks
    [voucher] = issue(one)
    booking = sell(two, "B1", voucher.code)
    assert booking.total_minor == 0 and state(one, voucher.code) == "used"
    with pytest.raises(PromoRefused, match="already been used"):
        sell(one, "B2", voucher.code)


def test_two_kiosks_using_one_voucher_at_once_one_is_told(kiosks):
    [voucher] = issue(kiosks[0])
    holds = [k.svc.booking.hold(k.actor, "show-future", [seat])
             for k, seat in zip(kiosks, ("C1", "C2"), strict=True)]
    outcomes = at_once(*(
        lambda k=k, h=h: k.svc.booking.confirm(k.actor, h.hold_id, {}, CARD, promo=voucher.code)
        for k, h in zip(kiosks, holds, strict=True)), refused=PromoRefused)
    refused = [o for o in outcomes if isinstance(o, PromoRefused)]
    assert len(refused) == 1 and "already been used" in str(refused[0])


def test_offline_a_voucher_is_refused_and_nothing_changes(kiosks):
    one, _ = kiosks
    [voucher] = issue(one)
    one.network.cut = True
    hold = one.svc.booking.hold(one.actor, "show-future", ["D1"])
    before = table_dump(one.svc.deps.conn)
    with pytest.raises(PromoRefused, match="cannot reach it now"):
        one.svc.booking.confirm(one.actor, hold.hold_id, {}, CARD, promo=voucher.code)
    assert table_dump(one.svc.deps.conn) == before
    manager = one.svc.auth.sign_in("9001", "9999")
    with pytest.raises(InvalidInput, match="cannot reach it now"):
        one.svc.vouchers.issue(manager, CINEMA, "ticket", 1)


def test_a_voucher_taken_for_a_sale_never_committed_comes_back_after_its_hold(kiosks,
                                                                            clock):
    one, _ = kiosks
    [voucher] = issue(one)
    hold = one.svc.booking.hold(one.actor, "show-future", ["D2"])
    LoseResponses(one.ctx.dynamodb(), operation="UpdateItem", times=1)  # taken; answer lost
    with pytest.raises(PromoRefused, match="cannot reach it now"):
        one.svc.booking.confirm(one.actor, hold.hold_id, {}, CARD, promo=voucher.code)
    assert state(one, voucher.code) == "used"  # held by a sale that did not happen
    one.worker.run_once()
    assert state(one, voucher.code) == "used"  # the hold is live: the sale may still commit
    one.svc.booking.release(hold.hold_id)
    clock.advance(minutes=10)
    one.worker.run_once()
    assert state(one, voucher.code) == "issued"


def test_a_lost_answer_then_the_sale_without_the_voucher_gives_it_back(kiosks, clock):
    one, _ = kiosks
    [voucher] = issue(one)
    hold = one.svc.booking.hold(one.actor, "show-future", ["D3"])
    LoseResponses(one.ctx.dynamodb(), operation="UpdateItem", times=1)  # taken; answer lost
    with pytest.raises(PromoRefused, match="cannot reach it now"):
        one.svc.booking.confirm(one.actor, hold.hold_id, {}, CARD, promo=voucher.code)
    one.ctx.status.mark_ok()
    one.svc.booking.confirm(one.actor, hold.hold_id, {}, CARD)  # paid in full instead
    clock.advance(minutes=30)
    one.worker.run_once()
    assert state(one, voucher.code) == "issued"  # the sale that committed did not use it


def test_a_sale_refused_after_its_voucher_was_taken_gives_it_back_once_its_hold_goes(kiosks):
    """Taken, then the member's points refuse the sale: releasing the hold (the customer walks
    away, or picks other seats) makes the give-back due at once, not after the hold's time."""
    from kiosk.domain.errors import PaymentError
    from kiosk.domain.tenders import Tender
    from kiosk.services.models import Payment

    one, _ = kiosks
    [voucher] = issue(one)
    one.svc.loyalty.join(one.actor, "98765 43210", "INR")
    hold = one.svc.booking.hold(one.actor, "show-future", ["D5", "D6"])
    points = Payment(tenders=(Tender("points", 250_00, "+919876543210"),))
    with pytest.raises(PaymentError, match="has 0 points"):
        one.svc.booking.confirm(one.actor, hold.hold_id, {}, points, promo=voucher.code,
                                member="9876543210")
    assert state(one, voucher.code) == "used"
    one.svc.booking.release(hold.hold_id)
    one.worker.run_once()  # no clock moved: due at once
    assert state(one, voucher.code) == "issued"

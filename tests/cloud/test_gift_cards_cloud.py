"""Issue 12 point 3: one gift card spent from several kiosks through DynamoDB (moto in process).

A card never goes below zero across kiosks: online, a kiosk sets aside what a sale needs with a
conditional update before its local commit, so of two kiosks reaching for the last of a card one
is refused; offline, a kiosk spends only its own allowance (the card sold there keeps some), or
is told why not. Every change reaches the cloud once, however often it is replayed.
"""

from __future__ import annotations

import pytest

from kiosk.cloud.giftcards import CloudCards, card_pk
from kiosk.domain.errors import PaymentError
from kiosk.domain.giftcards import offline_allowance
from kiosk.domain.tenders import Tender
from kiosk.services.models import Payment
from tests.cloud.kiosks import CARD, cinema_kiosks

CINEMA = "cin-test"


@pytest.fixture
def kiosks(cloud_config, tmp_path, clock, ctx):
    with cinema_kiosks(cloud_config, tmp_path, clock, CINEMA) as opened:
        yield opened


def drain(*kiosks) -> None:
    for kiosk in kiosks:
        result = kiosk.worker.run_once()
        assert not result.offline and result.dead == 0, result


def cloud_card(kiosk, code):
    """The card in the cloud, checked against the invariants of every test: nothing below
    zero, and what it holds is what was loaded, less what was spent, plus what was credited."""
    card = CloudCards(kiosk.ctx).read(CINEMA, code)
    assert card.shared_minor >= 0 and all(v >= 0 for v in card.allowances.values())
    assert card.total_minor == card.loaded_minor - card.spent_minor + card.credited_minor
    return card


def moves(kiosk, code) -> list[dict]:
    client = kiosk.ctx.dynamodb()
    answer = client.query(TableName=kiosk.ctx.clients().table,
                          KeyConditionExpression="pk = :pk AND begins_with(sk, :m)",
                          ExpressionAttributeValues={":pk": {"S": card_pk(CINEMA, code)},
                                                     ":m": {"S": "MOVE#"}})
    return answer["Items"]


def sell(kiosk, seats, payment):
    hold = kiosk.svc.booking.hold(kiosk.actor, "show-future", seats)
    try:
        return kiosk.svc.booking.confirm(kiosk.actor, hold.hold_id, {}, payment)
    except BaseException:
        kiosk.svc.booking.release(hold.hold_id)
        raise


def issue(kiosk, amount):
    return kiosk.svc.gift_cards.issue(kiosk.actor, CINEMA, amount, CARD).card.code


def test_a_card_sold_at_one_kiosk_is_spent_at_another(kiosks):
    one, two = kiosks
    code = issue(one, 300_000)  # ₹3,000: ₹1,000 stays at KIOSK-1 for offline use
    kept = offline_allowance("INR")
    assert one.svc.gift_cards.balance(code).balance_minor == kept  # not in the cloud yet
    drain(one)
    card = cloud_card(one, code)
    assert (card.shared_minor, card.allowances, card.total_minor) == (
        300_000 - kept, {"KIOSK-1": kept}, 300_000)
    assert two.svc.gift_cards.balance(code).balance_minor == 300_000 - kept  # shared only
    booking = sell(two, ["B1", "B2"], Payment("voucher", reference=code))  # ₹500
    assert booking.payment_method == "voucher"
    drain(two)
    card = cloud_card(one, code)
    assert card.allowances == {"KIOSK-1": kept, "KIOSK-2": 0}
    assert (card.shared_minor, card.spent_minor, card.total_minor) == (
        300_000 - kept - 50_000, 50_000, 250_000)
    drain(two)  # nothing left: a second drain sends nothing twice
    assert len(moves(one, code)) == 3  # issue, set aside, spend


def test_two_kiosks_reaching_for_the_last_of_a_card_one_is_refused(kiosks):
    one, two = kiosks
    code = issue(one, 100_000 + 30_000)  # ₹1,000 stays at KIOSK-1, ₹300 shared
    drain(one)
    sell(two, ["B1"], Payment("voucher", reference=code))  # ₹250 of the ₹300 shared
    with pytest.raises(PaymentError, match="has ₹50.00 left"):
        sell(two, ["B2"], Payment("voucher", reference=code))
    # KIOSK-1 spends the ₹1,000 set aside for it: no other kiosk could have taken it
    sell(one, ["C1", "C2", "C3", "C4"], Payment("voucher", reference=code))
    with pytest.raises(PaymentError, match="has ₹50.00 left"):
        sell(one, ["D1"], Payment(tenders=(Tender("voucher", 10_000, code),
                                           Tender("card", 15_000, "4242"))))
    sell(one, ["D1"], Payment(tenders=(Tender("voucher", 5_000, code),
                                       Tender("card", 20_000, "4242"))))
    drain(one, two)
    card = cloud_card(one, code)
    assert (card.shared_minor, card.total_minor) == (0, 0)
    assert min(card.allowances.values()) == 0 and card.spent_minor == 130_000
    with pytest.raises(PaymentError, match="nothing left"):
        sell(two, ["D2"], Payment(tenders=(Tender("voucher", 100, code),
                                           Tender("card", 24_900, "4242"))))


def test_offline_a_kiosk_spends_only_its_allowance(kiosks):
    one, two = kiosks
    code = issue(one, 300_000)
    drain(one)
    one.network.cut = two.network.cut = True
    with pytest.raises(PaymentError, match="cannot reach the cloud"):  # nothing set aside there
        sell(two, ["B1"], Payment("voucher", reference=code))
    with pytest.raises(PaymentError, match="cannot be looked up now"):  # not "not known"
        two.svc.gift_cards.balance(code)
    sell(one, ["C1", "C2"], Payment("voucher", reference=code))  # ₹500 of its ₹1,000
    with pytest.raises(PaymentError, match="at most ₹500.00 here"):
        sell(one, ["C3", "C4", "C5"], Payment("voucher", reference=code))  # ₹750
    one.network.cut = two.network.cut = False
    drain(one)
    card = cloud_card(one, code)
    assert card.allowances == {"KIOSK-1": 50_000} and card.total_minor == 250_000


def test_a_lost_answer_never_spends_the_card_twice(kiosks):
    """The set-aside reaches DynamoDB and its answer is lost: the sale is refused (nothing is
    written here), and the card's money is all still there (set aside for this kiosk)."""
    from tests.cloud.helpers import LoseResponses

    one, two = kiosks
    code = issue(one, 200_000)
    drain(one)
    hold = two.svc.booking.hold(two.actor, "show-future", ["B1"])
    LoseResponses(two.ctx.clients().dynamodb, "TransactWriteItems", times=1)
    with pytest.raises(PaymentError, match="cannot reach the cloud"):
        two.svc.booking.confirm(two.actor, hold.hold_id, {}, Payment("voucher", reference=code))
    assert not two.svc.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0]
    card = cloud_card(one, code)
    assert card.total_minor == 200_000 and card.allowances.get("KIOSK-2") == 25_000


def test_a_replayed_change_applies_once_and_a_refund_credits_the_card(kiosks, clock):
    one, two = kiosks
    code = issue(one, 100_000)
    drain(one)
    booking = sell(one, ["B1"], Payment("voucher", reference=code))
    [row] = one.svc.deps.conn.execute(
        "SELECT payload FROM outbox WHERE kind = 'giftcard' AND done_at IS NULL").fetchall()
    import json

    payload = json.loads(row[0])
    drain(one)
    CloudCards(one.ctx).apply(payload, clock.now())  # the same spend again: a replay
    assert cloud_card(one, code).allowances["KIOSK-1"] == 75_000
    one.svc.booking.refund(one.actor, booking.reference, reason="customer_request")
    drain(one)
    card = cloud_card(one, code)
    assert (card.allowances["KIOSK-1"], card.credited_minor) == (100_000, 25_000)
    manager = one.svc.auth.sign_in("9001", "9999")
    one.svc.gift_cards.set_blocked(manager, code, True)
    drain(one)
    assert cloud_card(one, code).state == "blocked"
    code2 = issue(one, 200_000)  # ₹1,000 shared
    drain(one)
    two.svc.gift_cards.set_blocked(two.svc.auth.sign_in("9001", "9999"), code2, True)
    drain(two)
    with pytest.raises(PaymentError, match="blocked"):  # the cloud refuses to set money aside
        sell(one, ["D1", "D2", "D3", "D4", "D5"], Payment("voucher", reference=code2))


def test_the_most_a_card_holds_counts_every_kiosks_part(kiosks):
    one, two = kiosks
    code = issue(one, 900_000)  # ₹9,000: ₹1,000 at KIOSK-1, ₹8,000 shared
    drain(one)
    before = two.svc.deps.conn.execute("SELECT COUNT(*) FROM gift_card_loads").fetchone()[0]
    with pytest.raises(PaymentError, match="at most ₹1,000.00 more"):
        two.svc.gift_cards.top_up(two.actor, code, 200_000, CARD)
    assert two.svc.deps.conn.execute("SELECT COUNT(*) FROM gift_card_loads").fetchone()[0] == before
    load = two.svc.gift_cards.top_up(two.actor, code, 100_000, CARD)  # exactly to the cap
    drain(two)
    card = cloud_card(one, code)
    assert card.total_minor == 1_000_000 and card.allowances["KIOSK-2"] == load.card.balance_minor

"""Refund reason codes and the refund preview (issue 14 defect 8): a fixed list of codes in the
domain, refused in words when unknown (nothing written); the preview says how much goes back
and to which tenders, as the refund then does, and writes nothing."""

from __future__ import annotations

import pytest

from kiosk.domain import refund_reasons
from kiosk.domain.errors import InvalidInput, PaymentError
from kiosk.domain.tenders import Tender
from kiosk.services.models import Payment
from tests.factories import insert_open_shift, table_dump


@pytest.fixture
def cashier(services, clock):
    actor = services.auth.sign_in("1001", "1234")
    insert_open_shift(services.deps.db, actor.staff_id, actor.kiosk_id, clock)
    return services.auth.sign_in("1001", "1234")


def sell(services, actor, seats, payment):
    hold = services.booking.hold(actor, "show-future", seats)
    return services.booking.confirm(actor, hold.hold_id, {}, payment)


def test_the_codes_are_a_fixed_list_read_back_in_words():
    assert refund_reasons.CODES == ("customer_request", "show_cancelled", "wrong_show_sold",
                                    "duplicate", "technical_fault", "other")
    assert refund_reasons.checked("show_cancelled") == "show_cancelled"
    assert refund_reasons.checked("  technical_fault :  printer  jammed ") == \
        "technical_fault: printer jammed"
    assert refund_reasons.checked("other: seat broken") == "other: seat broken"
    assert refund_reasons.checked("") == ""  # read as absent; ``required`` refuses it
    assert refund_reasons.required(" duplicate ") == "duplicate"
    assert refund_reasons.parse("show_cancelled: rain").words == "show cancelled (rain)"
    assert refund_reasons.parse("other: seat broken").words == "seat broken"
    assert refund_reasons.parse("changed_plans").code == "customer_request"  # an older code
    assert refund_reasons.parse("family emergency") == refund_reasons.RefundReason(
        "", "family emergency")  # free text of rows written before the codes


@pytest.mark.parametrize(("given", "said"), [
    ("changed plans", "'changed plans' is not a refund reason. Choose one of: customer_request"),
    ("show_canceled", "is not a refund reason"),
    ("other", "Say why in a few words"),
    ("other:   ", "Say why in a few words"),
    ("void", "is not a refund reason"),  # the services' own code, not a cashier's
    ("duplicate: " + "x" * 301, "under 300 characters"),
])
def test_an_unknown_or_incomplete_reason_is_refused_in_words(given, said):
    with pytest.raises(InvalidInput, match=said):
        refund_reasons.checked(given)


@pytest.mark.parametrize("given", ["", "   ", None])
def test_a_missing_reason_is_refused_in_words(given):
    with pytest.raises(InvalidInput, match="A refund needs a reason: choose one of "
                                           "customer_request"):
        refund_reasons.required(given)


@pytest.mark.parametrize("reason", ["", "  "])
def test_a_refund_without_a_reason_is_refused_and_changes_nothing(services, cashier, reason):
    """The service refuses it, whoever calls (the screen asks first; scripts and the command
    line get the same rule): not a row, not an audit line."""
    booking = sell(services, cashier, ["B1", "B2"], Payment("card", card_last4="1111"))
    before = table_dump(services.deps.conn, exclude=())
    with pytest.raises(InvalidInput, match="A refund needs a reason"):
        services.booking.refund(cashier, booking.reference, ["B1"], reason)
    with pytest.raises(InvalidInput, match="A refund needs a reason"):
        services.booking.refund(cashier, booking.reference)
    assert table_dump(services.deps.conn, exclude=()) == before


def test_a_refund_with_an_unknown_code_is_refused_and_changes_nothing(services, cashier):
    booking = sell(services, cashier, ["B1", "B2"], Payment("card", card_last4="1111"))
    before = table_dump(services.deps.conn, exclude=())
    with pytest.raises(InvalidInput, match="not a refund reason"):
        services.booking.refund(cashier, booking.reference, ["B1"], "because")
    assert table_dump(services.deps.conn, exclude=()) == before  # not even an audit row
    result = services.booking.refund(cashier, booking.reference, ["B1"], "duplicate")
    assert services.deps.conn.execute("SELECT reason FROM refunds WHERE id = ?",
                                      (result.refund_id,)).fetchone()[0] == "duplicate"


def test_the_preview_says_the_amount_and_tenders_the_refund_then_uses(services, cashier):
    booking = sell(services, cashier, ["C1", "C2"], Payment(
        tenders=(Tender("card", 30_000, "4242"), Tender("cash", 20_000))))
    before = table_dump(services.deps.conn, exclude=())
    preview = services.booking.refund_preview(cashier, booking.reference, ["C1", "C2"])
    assert table_dump(services.deps.conn, exclude=()) == before  # nothing written
    assert preview.amount_minor == booking.total_minor and preview.currency == "INR"
    assert sum(amount for _kind, amount in preview.parts) == booking.total_minor
    assert preview.parts[0][0] == "card" and not preview.needs_manager  # card first, cash last
    result = services.booking.refund(cashier, booking.reference, ["C1", "C2"],
                                     "customer_request")
    assert result.parts == preview.parts and result.amount_minor == preview.amount_minor


def test_the_preview_says_a_manager_approves_past_the_limit(services, cashier):
    with services.deps.conn:
        services.deps.conn.execute("UPDATE cinemas SET cashier_refund_limit_minor = 10000")
    booking = sell(services, cashier, ["D1", "D2"], Payment("card", card_last4="1111"))
    preview = services.booking.refund_preview(cashier, booking.reference, ["D1", "D2"])
    assert preview.needs_manager and preview.parts == (("card", booking.total_minor),)
    result = services.booking.refund(cashier, booking.reference, ["D1", "D2"], "show_cancelled")
    assert result.state == "pending_approval" and result.parts == ()  # nothing went back yet


def test_the_preview_says_cash_back_needs_an_open_shift_as_the_refund_does(services, cashier):
    """A cash booking refunded by a cashier whose shift is closed: the preview refuses in the
    refund's own words, before the cashier presses Refund (not after)."""
    booking = sell(services, cashier, ["E1"], Payment("cash", tendered_minor=1_000_00))
    services.shifts.close(cashier, services.shifts.expected_tenders(cashier)["cash"])
    with pytest.raises(PaymentError, match="Open your shift") as previewed:
        services.booking.refund_preview(cashier, booking.reference, ["E1"])
    with pytest.raises(PaymentError) as refunded:
        services.booking.refund(cashier, booking.reference, ["E1"], "customer_request")
    assert str(previewed.value) == str(refunded.value)



@pytest.mark.parametrize("reason", ["void", "conflict: sold elsewhere", "exchange"])
def test_a_caller_cannot_file_a_refund_under_a_code_only_the_product_writes(services, cashier,
                                                                          reason):
    """"Seats sold elsewhere first" or a void in the audit must mean the product wrote it."""
    booking = sell(services, cashier, ["F1", "F2"], Payment("card", card_last4="1111"))
    before = table_dump(services.deps.conn, exclude=())
    with pytest.raises(InvalidInput):
        services.booking.refund(cashier, booking.reference, ["F1"], reason)
    assert table_dump(services.deps.conn, exclude=()) == before

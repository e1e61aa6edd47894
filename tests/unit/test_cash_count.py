"""The drawer counted by denomination (kiosk.domain.cash_count): what each currency counts,
what a count adds up to, and what is refused with a message naming the denomination."""

from __future__ import annotations

import pytest

from kiosk.domain.cash_count import (
    MAX_PIECES,
    Denomination,
    TenderCheck,
    check_declared,
    count_cash,
    denominations,
    parse_pieces,
)
from kiosk.domain.errors import InvalidInput


def test_rupee_notes_and_coins_largest_first_without_the_withdrawn_2000_note():
    labels = [(d.kind, d.label("INR")) for d in denominations("INR")]
    assert labels == [("note", "₹500"), ("note", "₹200"), ("note", "₹100"), ("note", "₹50"),
                      ("note", "₹20"), ("note", "₹10"), ("coin", "₹20"), ("coin", "₹10"),
                      ("coin", "₹5"), ("coin", "₹2"), ("coin", "₹1")]


def test_dirham_notes_and_fils_coins():
    found = denominations("AED")
    assert [d.label("AED") for d in found if d.kind == "note"] == [
        "AED 1,000", "AED 500", "AED 200", "AED 100", "AED 50", "AED 20", "AED 10", "AED 5"]
    assert [d.label("AED") for d in found if d.kind == "coin"] == [
        "AED 1", "AED 0.50", "AED 0.25"]


def test_another_currency_gets_a_1_2_5_series():
    found = denominations("GBP")
    assert found[0] == Denomination("note", 50_000) and found[-1] == Denomination("coin", 1)


def test_a_count_adds_up_in_minor_units_and_keeps_the_note_and_the_coin_apart():
    count = count_cash("INR", {"note:50000": 3, "note:1000": 2, "coin:1000": 4, "coin:100": 7})
    assert count.total_minor == 150_000 + 2_000 + 4_000 + 700
    assert count.notes_minor == 152_000 and count.coins_minor == 4_700
    assert count.pieces("note:1000") == 2 and count.pieces("coin:1000") == 4
    assert count.as_mapping() == {"note:50000": 3, "note:1000": 2, "coin:1000": 4, "coin:100": 7}
    assert len(count.lines) == len(denominations("INR"))  # every denomination, zeros too


def test_fils_add_up():
    assert count_cash("AED", {"coin:25": 3, "coin:50": 1, "note:50000": 2}).total_minor == 100_125


@pytest.mark.parametrize(("pieces", "message"), [
    ({"note:50000": -1}, "cannot be negative"),
    ({"note:50000": 1.5}, "whole number"),
    ({"note:50000": "3"}, "whole number"),
    ({"note:50000": True}, "whole number"),
    ({"note:50000": MAX_PIECES + 1}, "more than a drawer holds"),
    ({"note:200000": 1}, "not a note or coin of INR"),  # the withdrawn ₹2,000 note
    ({"coin:25": 1}, "not a note or coin of INR"),  # fils in a rupee drawer
])
def test_bad_counts_are_refused_with_the_denomination_named(pieces, message):
    with pytest.raises(InvalidInput, match=message) as err:
        count_cash("INR", pieces)
    assert "₹500" in str(err.value) or "INR" in str(err.value)


@pytest.mark.parametrize(("text", "pieces"), [("", 0), (" 12 ", 12), ("1,200", 1200)])
def test_typed_counts(text, pieces):
    assert parse_pieces(text, "₹500") == pieces


@pytest.mark.parametrize("text", ["-3", "2.5", "abc", "99999"])
def test_typed_counts_refused(text):
    with pytest.raises(InvalidInput, match="₹500"):
        parse_pieces(text, "₹500")


def test_settlement_totals_and_their_variance():
    assert check_declared("card", 12_500) == 12_500
    assert check_declared("upi", -500) == -500  # refunds beyond the day's UPI takings
    assert TenderCheck("card", 10_000, 9_500).variance_minor == -500
    for bad in (1.5, "10", None, True):
        with pytest.raises(InvalidInput, match="card terminal batch total"):
            check_declared("card", bad)
    with pytest.raises(InvalidInput, match="far larger"):
        check_declared("upi", 10**12)
    with pytest.raises(InvalidInput, match="card and UPI"):
        check_declared("voucher", 100)

"""Pure pricing: per-line tax, totals as sums, certificate and price-list refusals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import InvalidInput
from kiosk.domain.money import tax_included
from kiosk.domain.pricing import price_basket, resolve_ticket_types

PRICES = {("standard", "adult"): 25000, ("standard", "child"): 17500,
          ("premium", "adult"): 35000, ("premium", "senior"): 28000}


def test_lines_and_totals():
    basket = price_basket([("A1", "standard"), ("A2", "premium"), ("A3", "standard")],
                          {"A3": "child"}, PRICES, 1800)
    assert [(x.seat_code, x.ticket_type, x.price_minor) for x in basket.lines] == [
        ("A1", "adult", 25000), ("A2", "adult", 35000), ("A3", "child", 17500)]
    assert basket.total_minor == 77500
    assert basket.tax_minor == sum(tax_included(p, 1800) for p in (25000, 35000, 17500))


def test_adults_only_refuses_child():
    with pytest.raises(InvalidInput, match="adults only"):
        price_basket([("A1", "standard")], {"A1": "child"}, PRICES, 1800, certificate="A")
    # Other ratings allow children.
    assert price_basket([("A1", "standard")], {"A1": "child"}, PRICES, 1800, "UA").total_minor == 17500


def test_missing_price_and_bad_type():
    with pytest.raises(InvalidInput, match="no child price for premium"):
        price_basket([("A1", "premium")], {"A1": "child"}, PRICES, 1800)
    with pytest.raises(InvalidInput, match="Unknown ticket type"):
        resolve_ticket_types(["A1"], {"A1": "vip"})
    with pytest.raises(InvalidInput, match="not in this sale"):
        resolve_ticket_types(["A1"], {"B1": "adult"})


@given(st.lists(st.tuples(st.sampled_from(["standard", "premium"]),
                          st.sampled_from(["adult", "child", "senior"])), min_size=1, max_size=10),
       st.integers(min_value=0, max_value=2800),
       st.dictionaries(st.tuples(st.sampled_from(["standard", "premium"]),
                                 st.sampled_from(["adult", "child", "senior"])),
                       st.integers(min_value=0, max_value=10**7), min_size=6, max_size=6))
def test_totals_always_equal_sum_of_lines(seats, rate, prices):
    priced = [(f"S{i}", seat_type) for i, (seat_type, _) in enumerate(seats)]
    chosen = {f"S{i}": ticket for i, (_, ticket) in enumerate(seats)}
    basket = price_basket(priced, chosen, prices, rate)
    assert basket.total_minor == sum(x.price_minor for x in basket.lines)
    assert basket.tax_minor == sum(x.tax_minor for x in basket.lines)
    assert all(0 <= x.tax_minor <= x.price_minor for x in basket.lines)

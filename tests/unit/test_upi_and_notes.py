"""Issue 12, payment methods: the UPI deep link, the UTR's shape, rupees only, and quick cash
from notes in circulation."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.cash_notes import notes, quick_cash_amounts
from kiosk.domain.errors import PaymentError
from kiosk.domain.tenders import Tender, settle
from kiosk.domain.upi import check_utr, payment_uri, valid_vpa


def _query(uri: str) -> dict[str, str]:
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc) == ("upi", "pay")
    return {k: v[0] for k, v in parse_qs(parts.query, strict_parsing=True).items()}


def test_payment_uri_carries_exactly_the_amount_in_rupees():
    uri = payment_uri("boxoffice@okhdfc", "PVR Ameerpet & Co", 35_005, note="Kalki 2898 AD",
                      reference="hold-42")
    assert _query(uri) == {"pa": "boxoffice@okhdfc", "pn": "PVR Ameerpet & Co", "am": "350.05",
                           "cu": "INR", "tn": "Kalki 2898 AD"}  # no merchant fields for a person
    merchant = payment_uri("boxoffice@okhdfc", "PVR", 35_005, reference="hold-42",
                           merchant_code="7832")
    assert _query(merchant)["mc"] == "7832" and _query(merchant)["tr"] == "hold-42"
    with pytest.raises(PaymentError, match="merchant code"):
        payment_uri("boxoffice@okhdfc", "PVR", 100, merchant_code="78x2")
    assert _query(payment_uri("a.b-c_d@ybl", "", 5))["am"] == "0.05"
    assert _query(payment_uri("a.b-c_d@ybl", "", 5))["pn"] == "a.b-c_d@ybl"  # never empty


def test_control_characters_never_reach_the_qr():
    query = _query(payment_uri("box@okicici", "Box\x00Office\n", 100, note="a\tb\x1b"))
    assert query["pn"] == "BoxOffice" and query["tn"] == "ab"


@pytest.mark.parametrize("vpa, amount, currency, match", [
    ("boxoffice@okhdfc", 100, "AED", "rupees only"),
    ("boxoffice", 100, "INR", "payee"),
    ("@okhdfc", 100, "INR", "payee"),
    ("box office@okhdfc", 100, "INR", "payee"),
    ("boxoffice@okhdfc", 0, "INR", "above zero"),
    ("boxoffice@okhdfc", -5, "INR", "above zero"),
])
def test_payment_uri_refuses_what_no_app_could_pay(vpa, amount, currency, match):
    with pytest.raises(PaymentError, match=match):
        payment_uri(vpa, "Box", amount, currency=currency)


@pytest.mark.parametrize("typed", ["410522339876", "4105 2233 9876", "4105-2233-9876",
                                   " 410522339876 "])
def test_a_utr_is_twelve_digits_as_apps_show_them(typed):
    assert check_utr(typed) == "410522339876"


@pytest.mark.parametrize("typed", ["", "  ", "41052233987", "4105223398761", "user@okaxis",
                                   "9876543210", "UTR410522339", "４１０５２２３３９８７６"])
def test_anything_else_is_refused_with_the_number_to_type(typed):
    with pytest.raises(PaymentError, match="12-digit"):
        check_utr(typed)


def test_settle_takes_upi_in_rupees_only_and_keeps_the_utr_plain():
    lines = settle(50_000, [Tender("upi", 20_000, "4105 2233 9876"), Tender("cash", 30_000)],
                   "INR")
    assert [(t.kind, t.amount_minor, t.reference) for t in lines] == [
        ("upi", 20_000, "410522339876"), ("cash", 30_000, None)]
    with pytest.raises(PaymentError, match="rupees only"):
        settle(50_000, [Tender("upi", 50_000, "410522339876")], "AED")
    with pytest.raises(PaymentError, match="12-digit"):
        settle(50_000, [Tender("upi", 50_000, "UPI-1")], "INR")


def test_valid_vpa():
    assert valid_vpa("boxoffice@okhdfc") and valid_vpa("9876543210@paytm")
    assert not valid_vpa("") and not valid_vpa("a@b") and not valid_vpa("x@y@z")


def test_quick_cash_offers_what_notes_in_circulation_make():
    assert notes("INR") == (10, 20, 50, 100, 200, 500)  # no ₹2,000 note (withdrawn 2023)
    assert quick_cash_amounts(73_000, "INR") == [75_000, 80_000, 100_000]
    assert quick_cash_amounts(9_500, "AED") == [10_000, 20_000, 50_000]
    assert quick_cash_amounts(173_000, "INR") == [175_000, 180_000, 200_000]
    assert quick_cash_amounts(0, "INR") == []


@given(total=st.integers(min_value=1, max_value=10**9),
       currency=st.sampled_from(["INR", "AED", "USD"]))
def test_every_quick_amount_is_above_the_total_and_payable_in_notes(total, currency):
    amounts = quick_cash_amounts(total, currency)
    smallest, largest_step = min(notes(currency)) * 100, 2 * max(notes(currency)) * 100
    assert amounts == sorted(set(amounts)) and len(amounts) <= 3
    assert amounts or total % largest_step == 0  # a round total has only the Exact button
    assert all(a > total and a % smallest == 0 for a in amounts)

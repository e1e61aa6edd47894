"""Issue 12 point 4: automatic offers and promo codes on tickets.

The test world's clock reads Wednesday 2026-11-25 12:00 UTC (17:30 in Kolkata); ``show-future``
starts at 20:30 that Wednesday, ``show-later`` at 20:30 on Thursday. A standard adult ticket is
₹250.00 (25,000 paise), a child ₹175.00, tax 18 % included.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.errors import InvalidInput, PermissionDenied
from kiosk.domain.money import tax_included
from kiosk.domain.offers import (
    Offer,
    OfferBook,
    PromoRefused,
    apply_offers,
    offer_from_record,
    weekday_numbers,
)
from kiosk.domain.pricing import PricedBasket, PricedLine
from kiosk.services.models import Payment
from kiosk.store.db import transaction
from tests.factories import CASHIER, MANAGER, table_dump

CIN = "cin-test"
WED_EVENING = datetime(2026, 11, 25, 20, 30)
SALE_DAY = date(2026, 11, 25)
CARD = Payment("card", card_last4="4242")


def basket(*prices_and_types: tuple[int, str]) -> PricedBasket:
    lines = tuple(PricedLine(f"B{i + 1}", "standard", t, p, tax_included(p, 1800))
                  for i, (p, t) in enumerate(prices_and_types))
    return PricedBasket(lines, sum(ln.price_minor for ln in lines),
                        sum(ln.tax_minor for ln in lines))


def offer(offer_id="o1", **kw) -> Offer:
    return offer_from_record({"id": offer_id, "cinema_id": CIN, "name": kw.pop("name", offer_id),
                              "kind": kw.pop("kind", "percent"), "value": kw.pop("value", 10),
                              **kw})


def apply(b, offers, code="", when=WED_EVENING, day=SALE_DAY):
    return apply_offers(b, offers, film_id="film-test", show_start_local=when, sale_date=day,
                        tax_rate_bp=1800, promo_code=code)


# -- the rules -----------------------------------------------------------------------------------
def test_an_automatic_day_price_applies_to_its_day_only():
    tuesday = offer("tue", kind="price", value=15_000, weekdays="tue", name="Tuesday saver")
    b = basket((25_000, "adult"), (17_500, "child"))
    assert apply(b, [tuesday]).discounts == ()  # a Wednesday show
    on_tuesday = apply(b, [tuesday], when=datetime(2026, 11, 24, 20, 30))
    assert [ln.price_minor for ln in on_tuesday.basket.lines] == [15_000, 15_000]
    assert on_tuesday.line_discounts == (10_000, 2_500)
    assert [(d.label, d.amount_minor) for d in on_tuesday.discounts] == [("Tuesday saver",
                                                                           12_500)]
    assert on_tuesday.basket.tax_minor == 2 * tax_included(15_000, 1800)


def test_the_best_automatic_offer_wins_per_ticket_and_a_code_applies_on_top():
    matinee = offer("matinee", kind="amount", value=5_000, to_time="18:00")
    kids = offer("kids", kind="percent", value=50, ticket_types=["child"])
    evening = offer("evening", kind="percent", value=10, from_time="18:00")
    code = offer("welcome", kind="percent", value=10, code="welcome10", max_uses=5)
    b = basket((25_000, "adult"), (17_500, "child"))
    result = apply(b, [matinee, kids, evening, code], "Welcome 10")
    # adult: evening 10 % (2,500), then the code 10 % of 22,500 (2,250)
    # child: kids 50 % (8,750) beats evening 10 %, then the code 10 % of 8,750 (875)
    assert result.line_discounts == (4_750, 9_625)
    assert [(d.offer_id, d.amount_minor) for d in result.discounts] == [
        ("evening", 2_500), ("kids", 8_750), ("welcome", 3_125)]
    assert result.promo is not None and result.promo.code == "WELCOME10"
    assert result.basket.total_minor == b.total_minor - result.discount_minor


def test_an_amount_off_is_shared_by_price_and_never_takes_a_ticket_below_zero():
    b = basket((25_000, "adult"), (17_500, "child"))
    result = apply(b, [offer("big", kind="amount", value=100_000, code="BIGGIFT")], "BIGGIFT")
    assert result.basket.total_minor == 0 and result.discount_minor == b.total_minor
    assert all(ln.price_minor == 0 and ln.tax_minor == 0 for ln in result.basket.lines)
    shared = apply(b, [offer("ten", kind="amount", value=10_001, code="TENOFF")], "TENOFF")
    assert sum(shared.line_discounts) == 10_001
    assert shared.line_discounts[0] > shared.line_discounts[1]  # by price


@pytest.mark.parametrize("code, offers, message", [
    ("NOPE", [], "not known"),
    ("OLD", [offer("old", code="OLD", valid_to="2026-11-24")], "expired on 2026-11-24"),
    ("SOON", [offer("soon", code="SOON", valid_from="2026-12-01")], "valid from 2026-12-01"),
    ("GONE", [offer("gone", code="GONE", active=False)], "has been withdrawn"),
    ("KIDS", [offer("kids", code="KIDS", ticket_types=["child"])], "does not apply"),
    ("SAT", [offer("sat", code="SAT", weekdays=["sat"])], "does not apply"),
])
def test_a_code_that_does_not_fit_is_refused_in_words(code, offers, message):
    with pytest.raises(PromoRefused, match=message):
        apply(basket((25_000, "adult")), offers, code)


@pytest.mark.parametrize("record, message", [
    ({"kind": "percent", "value": 101}, "1 to 100"),
    ({"kind": "free"}, "percent, amount or price"),
    ({"value": 0}, "above zero"),
    ({"max_uses": 5}, "Only a promo code"),
    ({"code": "A"}, "3 to 20"),
    ({"valid_from": "2026-12-02", "valid_to": "2026-12-01"}, "ends before it starts"),
    ({"from_time": "25:00"}, "time like 18:00"),
    ({"ticket_types": ["pensioner"]}, "Unknown ticket type"),
    ({"weekdays": "funday"}, "Unknown day"),
    ({"name": ""}, "name of 1 to 40"),
])
def test_a_bad_offer_is_refused_in_words(record, message):
    base = {"id": "x", "cinema_id": CIN, "name": "X", "kind": "percent", "value": 10}
    with pytest.raises(InvalidInput, match=message):
        offer_from_record({**base, **record})


def test_weekdays_are_read_in_any_spelling():
    assert weekday_numbers("Tue, saturday") == (1, 5) == weekday_numbers([5, "tue"])


def test_an_offer_book_round_trips_and_refuses_a_shared_code():
    book = OfferBook(CIN, (offer("a", code="ONE"), offer("b", kind="price", value=100)))
    assert OfferBook.from_body(book.to_body()) == book
    body = book.to_body()
    body["offers"][1]["code"] = "ONE"
    with pytest.raises(InvalidInput, match="share one promo code"):
        OfferBook.from_body(body)


@settings(max_examples=150, deadline=None)
@given(prices=st.lists(st.tuples(st.integers(0, 80_000),
                                 st.sampled_from(["adult", "child", "senior", "student"])),
                       min_size=1, max_size=10),
       kinds=st.lists(st.tuples(st.sampled_from(["percent", "amount", "price"]),
                                st.integers(1, 100_000)), min_size=0, max_size=3),
       promo=st.tuples(st.sampled_from(["percent", "amount", "price"]), st.integers(1, 100_000)))
def test_any_offers_keep_the_basket_whole(prices, kinds, promo):
    b = basket(*prices)
    offers = [offer(f"a{i}", kind=k, value=min(v, 100) if k == "percent" else v)
              for i, (k, v) in enumerate(kinds)]
    kind, value = promo
    offers.append(offer("p", kind=kind, value=min(value, 100) if kind == "percent" else value,
                        code="CODE"))
    try:
        result = apply(b, offers, "CODE")
    except PromoRefused:
        return  # every ticket already free, or the code takes nothing off
    paid = result.basket
    pairs = list(zip(paid.lines, b.lines, strict=True))
    assert all(0 <= ln.price_minor <= orig.price_minor for ln, orig in pairs)
    assert [o.price_minor - ln.price_minor for ln, o in pairs] == list(result.line_discounts)
    assert paid.total_minor == sum(ln.price_minor for ln in paid.lines)
    assert paid.tax_minor == sum(ln.tax_minor for ln in paid.lines)
    assert result.discount_minor == b.total_minor - paid.total_minor
    assert all(d.amount_minor > 0 for d in result.discounts)


# -- at the sale -------------------------------------------------------------------------------
@pytest.fixture
def desk(services):
    services.manager = services.auth.sign_in(*MANAGER)
    services.cashier = services.auth.sign_in(*CASHIER)
    return services


def add(desk, **record):
    base = {"cinema_id": CIN, "name": record.get("id", "offer"), "kind": "percent", "value": 10}
    return desk.offers.save(desk.manager, {**base, **record})


def sell(desk, seats, promo="", show="show-future", types=None):
    hold = desk.booking.hold(desk.cashier, show, seats)
    return desk.booking.confirm(desk.cashier, hold.hold_id, types or {}, CARD, promo=promo)


def test_the_quote_and_the_booking_show_each_discount(desk):
    add(desk, id="wed", name="Wednesday 20 %", value=20, weekdays="wed")
    add(desk, id="welcome", name="Welcome", kind="amount", value=5_000, code="WELCOME")
    hold = desk.booking.hold(desk.cashier, "show-future", ["B1", "B2"])
    quote = desk.booking.quote(hold.hold_id, {"B2": "child"}, promo="welcome")
    assert [(d.label, d.amount_minor) for d in quote.discounts] == [
        ("Wednesday 20 %", 5_000 + 3_500), ("Welcome", 5_000)]
    assert quote.total_minor == 25_000 + 17_500 - 13_500
    assert sum(ln.price_minor + ln.discount_minor for ln in quote.lines) == 42_500
    booking = desk.booking.confirm(desk.cashier, hold.hold_id, {"B2": "child"}, CARD,
                                   promo="WELCOME")
    assert booking.total_minor == quote.total_minor == sum(ln.price_minor for ln in booking.lines)
    again = desk.booking.get(booking.reference)
    assert again.discounts == booking.discounts == quote.discounts
    assert [ln.discount_minor for ln in again.lines] == [ln.discount_minor for ln in quote.lines]
    assert desk.booking.get(booking.reference).tax_minor == sum(
        tax_included(ln.price_minor, 1800) for ln in quote.lines)
    # the other show (Thursday) gets no Wednesday offer
    thursday = sell(desk, ["B1"], show="show-later")
    assert thursday.total_minor == 25_000 and thursday.discounts == ()


def test_a_refund_gives_back_what_was_paid_for_the_seat(desk):
    add(desk, id="half", kind="percent", value=50, code="HALF")
    booking = sell(desk, ["C1", "C2"], promo="HALF")
    assert booking.total_minor == 25_000
    refund = desk.booking.refund(desk.manager, booking.reference, ["C1"], reason="customer_request")
    assert refund.amount_minor == 12_500


def test_a_code_limited_to_two_sales_sells_twice_then_is_refused_and_nothing_changes(desk):
    add(desk, id="two", code="TWICE", max_uses=2)
    sell(desk, ["D1"], promo="TWICE")
    sell(desk, ["D2"], promo="twice")
    hold = desk.booking.hold(desk.cashier, "show-future", ["D3"])
    desk.booking.quote(hold.hold_id, {}, promo="TWICE")  # the quote does not count uses
    conn = desk.deps.conn
    before = table_dump(conn)
    with pytest.raises(PromoRefused, match="used the most times it may be \\(2\\)"):
        desk.booking.confirm(desk.cashier, hold.hold_id, {}, CARD, promo="TWICE")
    assert table_dump(conn) == before
    assert desk.booking.confirm(desk.cashier, hold.hold_id, {}, CARD).total_minor == 25_000
    assert [r.uses_here for r in desk.offers.list(CIN)] == [2]


def test_a_bad_code_at_confirm_changes_nothing(desk):
    hold = desk.booking.hold(desk.cashier, "show-future", ["E1"])
    before = table_dump(desk.deps.conn)
    with pytest.raises(PromoRefused, match="not known"):
        desk.booking.confirm(desk.cashier, hold.hold_id, {}, CARD, promo="FREE-TICKETS")
    assert table_dump(desk.deps.conn) == before


def test_a_confirm_without_offers_writes_no_discount_rows(desk):
    booking = sell(desk, ["B3"])
    conn = desk.deps.conn
    assert conn.execute("SELECT COUNT(*) FROM booking_discounts").fetchone()[0] == 0
    assert booking.discounts == () and booking.total_minor == 25_000


# -- managing offers ---------------------------------------------------------------------------
def test_only_a_manager_manages_offers_and_a_withdrawn_code_stops(desk):
    with pytest.raises(PermissionDenied):
        desk.offers.save(desk.cashier, {"id": "x", "cinema_id": CIN, "name": "X",
                                        "kind": "percent", "value": 90, "code": "STAFF90"})
    with pytest.raises(PermissionDenied):
        desk.offers.withdraw(desk.cashier, "x")
    add(desk, id="flash", code="FLASH")
    with pytest.raises(InvalidInput, match="already used by offer flash"):
        add(desk, id="flash2", code="flash")
    assert sell(desk, ["F1"], promo="FLASH").discounts != ()
    desk.offers.withdraw(desk.manager, "flash")
    hold = desk.booking.hold(desk.cashier, "show-future", ["F2"])
    with pytest.raises(PromoRefused):
        desk.booking.quote(hold.hold_id, {}, promo="FLASH")
    actions = [r[0] for r in desk.deps.conn.execute(
        "SELECT action FROM audit WHERE action LIKE 'offer.%' ORDER BY id")]
    assert actions == ["offer.save", "offer.withdraw",  # the cashier's refused attempts
                       "offer.add", "offer.withdraw"]


def test_an_offer_change_reaches_the_next_sale_at_once(desk):
    """Offers ride in the per-connection show cache: an edit must drop it."""
    assert sell(desk, ["B4"]).total_minor == 25_000
    add(desk, id="all", kind="price", value=15_000)
    assert sell(desk, ["B5"]).total_minor == 15_000
    with transaction(desk.deps.conn):
        desk.deps.conn.execute("UPDATE offers SET value = 10000")
    assert sell(desk, ["B6"]).total_minor == 10_000


def test_the_daily_report_lists_what_each_offer_took_off(desk):
    add(desk, id="wed", name="Wednesday 20 %", value=20, weekdays="wed")
    add(desk, id="welcome", name="Welcome", kind="amount", value=5_000, code="WELCOME")
    sell(desk, ["B1", "B2"], promo="WELCOME")
    sell(desk, ["C1"])
    report = desk.reports.daily_sales(desk.manager, date(2026, 11, 25))
    rows = report.discounts.as_dicts()
    assert [(r["offer"], r["code"], r["sales"], r["tickets"], r["discount"]) for r in rows] == [
        ("Wednesday 20 %", "", 2, 3, 15_000), ("Welcome", "WELCOME", 1, 2, 5_000)]
    assert report.discounts in report.extra_tables
    assert report.total("INR")["gross"] == 3 * 25_000 - 20_000  # sales count what was paid


def test_a_broken_offer_row_is_left_out_and_sales_go_on(desk):
    add(desk, id="good", code="GOOD")
    with transaction(desk.deps.conn):  # by hand, past every check
        desk.deps.conn.execute(
            "INSERT INTO offers (id, cinema_id, name, kind, value, film_ids) "
            "VALUES ('bad', ?, 'Bad', 'percent', 10, 'not json')", (CIN,))
    assert sell(desk, ["B7"], promo="GOOD").total_minor == 22_500


@pytest.mark.parametrize("typed", ["x" * 5_000, "DROP TABLE;", "A", "ÄÖÜ-CODE"])
def test_something_that_is_not_a_code_is_said_so(desk, typed):
    hold = desk.booking.hold(desk.cashier, "show-future", ["B8"])
    with pytest.raises(PromoRefused, match="not a promo code"):
        desk.booking.quote(hold.hold_id, {}, promo=typed)


def test_the_ledger_record_and_the_z_report_carry_the_discount(desk):
    from kiosk.cloud.ledger_rows import booking_from_db

    add(desk, id="welcome", name="Welcome", kind="amount", value=5_000, code="WELCOME")
    booking = sell(desk, ["E1", "E2"], promo="WELCOME")
    record = booking_from_db(desk.deps.conn, booking.booking_id)
    assert (record["discount_minor"], record["total_minor"]) == (5_000, 2 * 35_000 - 5_000)
    sent = desk.deps.conn.execute("SELECT payload FROM outbox WHERE kind = 'confirm'").fetchone()
    assert '"discount_minor": 5000' in sent[0]  # what the cloud gets agrees with the row
    report = desk.day_close.preview(desk.manager, "2026-11-25")  # the Z report before closing
    assert report.totals["tickets"]["discounts"] == 5_000


def test_who_an_offer_is_for_comes_as_parts_for_a_screen_to_word():
    """Issue 14: the domain gives the parts (no Qt, no sentence); ``describe`` words them in
    English for messages and the command line, as before."""
    from kiosk.domain.offers import AudiencePart, audience, describe

    o = offer("tue", members_only=True, ticket_types=["adult", "child"], film_ids=["film-test"],
              weekdays="tue,sat", from_time="18:00")
    assert audience(o) == (AudiencePart("members"), AudiencePart("tickets", ("adult", "child")),
                           AudiencePart("films", ("film-test",)), AudiencePart("days", ("1", "5")),
                           AudiencePart("times", ("18:00", "24:00")))
    assert describe(o) == ("members; adult/child tickets; film film-test; Tue, Sat; "
                           "shows 18:00-24:00")
    assert audience(offer("all")) == () and describe(offer("all")) == "all tickets"

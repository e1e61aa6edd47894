"""``kiosk sell`` and ``kiosk book --item``: food and drink from the command line (issue 12
point 8), with the same rules as the counter: refusals exit non-zero and change nothing."""

from __future__ import annotations

import pytest

from tests.unit.test_menu import menu_cli

STAFF = ("--staff", "1001", "--pin", "1234")


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    return menu_cli(tmp_path, capsys, monkeypatch, {"pop-l": (10, 3), "cola-m": (1, 0)})


def test_kiosk_sell_takes_the_payment_and_the_stock_and_prints_the_slip(cli):
    rc, out, err = cli("sell", "--item", "pop-l=2:caramel,butter", "--item", "cola-m",
                       "--pay", "card:500:4242", "--pay", "cash:2000", *STAFF)
    assert rc == 0, err
    assert "2 x Popcorn (Large), Caramel, Extra butter" in out and "₹1,040.00" in out
    assert "Total ₹1,270.00" in out and "card ••••4242 ₹500.00 + cash ₹770.00" in out
    assert "Change due ₹1,230.00" in out and "Slip for the stand:" in out
    assert "Opened shift" in err  # cash: a drawer was opened for it
    assert cli.query("SELECT item_id, on_hand FROM menu_stock ORDER BY item_id") == [
        ("cola-m", 0), ("pop-l", 8)]
    assert cli.query("SELECT total_minor, payment_method FROM item_sales") == [(127_000, "split")]


def test_kiosk_book_sells_tickets_and_food_in_one_basket(cli):
    rc, out, err = cli("book", "show-future", "B1", "--item", "cola-m", "--pay", "card",
                       "--card-last4", "4242", *STAFF)
    assert rc == 0, err
    assert "Booking " in out and "1 x Soft drink (Medium)" in out and "Basket total" in out
    [(booking_id,)] = cli.query("SELECT id FROM bookings")
    assert cli.query("SELECT booking_id FROM item_sales") == [(booking_id,)]


@pytest.mark.parametrize("args, match", [
    (["--item", "ghost", "--pay", "card:1:4242"], "not on this cinema's menu"),
    (["--item", "pop-l=x", "--pay", "cash"], "whole number"),
    (["--item", "pop-l", "--pay", "cash"], "choose one flavour"),
    (["--item", "cola-m=2", "--pay", "cash"], "only 1 left"),
    (["--item", "cola-m", "--pay", "cash:100"], "short"),
    (["--item", "cola-m", "--pay", "card:230"], "last 4"),
    (["--item", "cola-m", "--pay", "upi:230:12"], "UTR"),
    (["--item", "cola-m", "--pay", "split"], "not split"),
    (["--item", "cola-m", "--pay", "card:230:4242", "--cinema", "nowhere"], "no cinema"),
])
def test_bad_sales_are_refused_and_change_nothing(cli, args, match):
    cli.refused("sell", *args, *STAFF, match=match)


def test_a_basket_whose_food_is_refused_sells_no_tickets(cli):
    cli.refused("book", "show-future", "B2", "--item", "cola-m=5", "--pay", "card",
                "--card-last4", "4242", *STAFF, match="only 1 left")


def test_kiosk_refund_gives_food_back_by_line_with_its_stock(cli):
    rc, out, err = cli("sell", "--item", "pop-l=2:salted", "--pay", "card:900:4242", *STAFF)
    assert rc == 0, err
    [(reference,)] = cli.query("SELECT reference FROM item_sales")
    cli.refused("refund", reference, "--reason", "customer_request", "--lines", "1=5", *STAFF, match="2 can be refunded")
    cli.refused("refund", reference, "--reason", "customer_request", "--seats", "A1", *STAFF, match="--lines")
    rc, out, err = cli("refund", reference, "--lines", "1=1", "--reason", "other", "--note", "spilt", *STAFF)
    assert rc == 0, err
    assert "Refunded ₹450.00" in out and "card ₹450.00" in out and "1 x pop-l" in out
    assert cli.query("SELECT on_hand FROM menu_stock WHERE item_id = 'pop-l'") == [(9,)]


def test_a_line_named_twice_is_refused(cli):
    rc, _out, err = cli("sell", "--item", "pop-l=3:salted", "--pay", "card:1350:4242", *STAFF)
    assert rc == 0, err
    [(reference,)] = cli.query("SELECT reference FROM item_sales")
    cli.refused("refund", reference, "--reason", "customer_request", "--lines", "1=2", "1=1", *STAFF, match="line 1 twice")

"""``kiosk giftcard`` and ``--pay giftcard:CODE`` (issue 12 points 3 and 8): the same rules as the
counter, refusals exit non-zero and change nothing."""

from __future__ import annotations

import re

import pytest

from tests.unit.test_menu import menu_cli

STAFF = ("--staff", "1001", "--pin", "1234")
MANAGER = ("--staff", "9001", "--pin", "9999")


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    return menu_cli(tmp_path, capsys, monkeypatch, {"pop-l": (10, 3), "cola-m": (5, 0)})


def _issue(cli, amount="1000", *pay) -> str:
    rc, out, err = cli("giftcard", "issue", "--amount", amount,
                       *(pay or ("--pay", "card:1000:4242")), *STAFF)
    assert rc == 0, err
    return re.search(r"Gift card (GC [0-9 ]+) sold", out).group(1).strip()


def _balance(cli, code) -> int:
    return cli.query("SELECT balance_minor FROM gift_cards WHERE code = ?",
                     (code.replace(" ", ""),))[0][0]


def test_issue_book_sell_and_refund_with_a_gift_card(cli):
    code = _issue(cli)
    assert _balance(cli, code) == 100_000
    # the card pays what it holds up to the total; --pay giftcard:CODE alone pays the whole
    rc, out, err = cli("book", "show-future", "B1", "B2", "--pay", f"giftcard:{code}", *STAFF)
    assert rc == 0, err
    assert f"gift card GC •••• •••• {code[-4:]} ₹500.00" in out
    assert code not in out  # never the whole code on paper
    rc, out, err = cli("sell", "--item", "cola-m=3", "--pay", f"giftcard:{code}:500",
                       "--pay", "upi", "--upi-ref", "410500000001", *STAFF)
    assert rc == 0, err
    assert _balance(cli, code) == 0
    rc, out, err = cli("giftcard", "balance", code.lower())
    assert rc == 0, err
    assert "₹0.00 (active" in out and out.count("spent") == 2
    [(reference,)] = cli.query("SELECT reference FROM bookings")
    rc, out, err = cli("refund", reference, "--reason", "customer_request", *STAFF)
    assert rc == 0, err
    assert "back onto the gift card" in out and _balance(cli, code) == 50_000


def test_a_card_without_an_amount_pays_what_it_holds_and_the_rest_is_taken(cli):
    code = _issue(cli, "100", "--pay", "card:100:4242")
    rc, out, err = cli("book", "show-future", "B1", "--pay", f"giftcard:{code}", "--pay",
                       "card", "--card-last4", "4242", *STAFF)
    assert rc == 0, err
    assert "gift card GC •••• •••• " in out and "₹100.00 + card ••••4242 ₹150.00" in out


@pytest.mark.parametrize("args, match", [
    (["book", "show-future", "B1", "--pay", "giftcard:GC 5555 5555 5559"], "not known here"),
    (["book", "show-future", "B1", "--pay", "giftcard:GC 5555 5555 5558"], "wrong digit"),
    (["book", "show-future", "B1", "--pay", "giftcard:"], "needs the card's code"),
    (["giftcard", "issue", "--amount", "50", "--pay", "card:50:4242"], "at least ₹100.00"),
    (["giftcard", "issue", "--amount", "20000", "--pay", "card:20000:4242"], "at most"),
    (["giftcard", "issue", "--amount", "500", "--pay", "cash:400"], "short"),
    (["giftcard", "issue", "--amount", "500", "--pay", "split"], "not split"),
    (["giftcard", "top-up", "GC555555555559", "--amount", "500", "--pay", "card:500:4242"],
     "not known here"),
])
def test_bad_gift_card_actions_are_refused_and_change_nothing(cli, args, match):
    cli.refused(*args, *STAFF, match=match)


def test_a_spent_card_a_blocked_card_and_a_cashier_blocking_are_refused(cli):
    code = _issue(cli, "200", "--pay", "card:200:4242")
    cli.refused("book", "show-future", "B1", "B2", "--pay", f"giftcard:{code}:250", "--pay",
                "cash", *STAFF, match="has ₹200.00 left")
    cli.refused("giftcard", "block", code, *STAFF, match="manager")
    rc, out, err = cli("giftcard", "block", code, *MANAGER)
    assert rc == 0 and "now blocked" in out, err
    cli.refused("book", "show-future", "B1", "B2", "--pay", f"giftcard:{code}:100", "--pay",
                "cash", *STAFF, match="blocked")
    cli.refused("giftcard", "top-up", code, "--amount", "100", "--pay", "card:100:4242", *STAFF,
                match="blocked")
    assert _balance(cli, code) == 20_000

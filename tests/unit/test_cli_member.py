"""``kiosk member`` and ``--member`` / ``--pay points`` on ``kiosk book`` and ``kiosk sell``
(issue 12 points 5 and 8): the counter's loyalty rules from the command line; refusals exit
non-zero, say why and change nothing."""

from __future__ import annotations

import sqlite3

import pytest

from tests.unit.test_menu import menu_cli

STAFF = ("--staff", "1001", "--pin", "1234")
CARD = ("--pay", "card", "--card-last4", "4242")


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    kiosk = menu_cli(tmp_path, capsys, monkeypatch, {"pop-l": (10, 3)})
    rc, out, err = kiosk("member", "join", "98765 43210", "--name", "Asha Rao", *STAFF)
    assert rc == 0 and "Member +91 •••••• 3210 (Asha Rao) joined: 0 points" in out, err
    return kiosk


def test_a_member_earns_on_a_booking_spends_on_food_and_sees_both_in_the_history(cli):
    rc, out, err = cli("book", "show-future", "B1", "B2", *CARD, "--member", "9876543210", *STAFF)
    assert rc == 0, err
    assert "Member +91 •••••• 3210: earned 50 points" in out
    with sqlite3.connect(cli.db_path) as db:  # as if earned before
        db.execute("UPDATE members SET points = 300")
    rc, out, err = cli("sell", "--item", "pop-l=1:salted", "--pay", "points:100",
                       "--pay", "card:350:4242", "--member", "+919876543210", *STAFF)
    assert rc == 0, err
    assert "Paid points (200) ₹100.00 + card ••••4242 ₹350.00" in out
    assert "earned 35 points" in out
    rc, out, err = cli("member", "show", "98765 43210", *STAFF)
    assert rc == 0, err
    assert "Member +919876543210 (Asha Rao): 135 points (worth ₹67.50)" in out
    assert "The Test Pattern" in out and "Food and drink" in out and "+50 pts" in out


@pytest.mark.parametrize("args, message", [
    (("book", "show-future", "C1", "--pay", "points", *STAFF), "--member PHONE"),
    (("book", "show-future", "C1", "--pay", "points", "--member", "9876543210", *STAFF),
     "has 0 points"),
    (("book", "show-future", "C1", *CARD, "--member", "91234 56789", *STAFF), "No member"),
    (("book", "show-future", "C1", *CARD, "--member", "12", *STAFF), "not a mobile number"),
    (("sell", "--item", "pop-l=1:salted", "--pay", "points:100:+919876543210",
      "--pay", "card:350:4242", "--member", "9876543210", *STAFF), "write points:AMOUNT"),
    (("member", "join", "abc", *STAFF), "not a mobile number"),
    (("member", "show", "91234 56789", *STAFF), "No member"),
])
def test_bad_loyalty_commands_are_refused_and_change_nothing(cli, args, message):
    cli.refused(*args, match=message)

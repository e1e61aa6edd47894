"""``kiosk offers`` and ``kiosk book --promo`` (issue 12 points 4 and 8): a manager's offers, the
same rules as the counter; refusals exit non-zero, say why and change nothing."""

from __future__ import annotations

import pytest

from tests.unit.test_menu import menu_cli

STAFF = ("--staff", "1001", "--pin", "1234")
MANAGER = ("--staff", "9001", "--pin", "9999")
CARD = ("--pay", "card", "--card-last4", "4242")


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    return menu_cli(tmp_path, capsys, monkeypatch, {})


def test_a_manager_adds_a_code_the_counter_uses_it_once_then_it_is_refused(cli):
    rc, out, err = cli("offers", "--add", "flash", "--name", "Flash sale", "--kind", "amount",
                       "--value", "50", "--code", "flash-50", "--max-uses", "1",
                       "--tickets", "adult", *MANAGER)
    assert rc == 0, err
    rc, out, err = cli("book", "show-future", "B1", "B2=child", *CARD, "--promo", "Flash-50",
                       *STAFF)
    assert rc == 0, err
    assert "₹250.00" in out and "Flash sale (FLASH-50)" in out and "-₹50.00" in out
    assert "Total ₹375.00" in out  # 250 + 175 - 50
    before = cli.query("SELECT COUNT(*) FROM bookings")
    rc, out, err = cli("book", "show-future", "B3", *CARD, "--promo", "FLASH-50", *STAFF)
    assert rc != 0 and "used the most times it may be (1)" in err
    assert cli.query("SELECT COUNT(*) FROM bookings") == before
    rc, out, err = cli("offers")
    assert rc == 0 and "code FLASH-50, used 1 of 1 here; adult tickets" in out


@pytest.mark.parametrize("args, message", [
    (("--add", "x", "--name", "X", "--kind", "percent", "--value", "90", *STAFF),
     "Only a manager"),
    (("--add", "x", "--name", "X", "--kind", "percent", "--value", "150", *MANAGER), "1 to 100"),
    (("--add", "x", "--name", "X", "--kind", "price", "--value", "abc", *MANAGER),
     "an amount such as 150"),
    (("--add", "x", "--name", "X", "--kind", "percent", "--value", "10", "--days", "someday",
      *MANAGER), "Unknown day"),
    (("--add", "x", "--name", "X", "--kind", "percent", "--value", "10"), "add --staff"),
    (("--withdraw", "nope", *MANAGER), "no offer 'nope'"),
])
def test_bad_offer_commands_are_refused_and_change_nothing(cli, args, message):
    rc, out, err = cli("offers", *args)
    assert rc != 0 and message in err, err
    assert cli.query("SELECT COUNT(*) FROM offers") == [(0,)]


def test_an_unknown_code_at_the_counter_sells_nothing(cli):
    rc, out, err = cli("book", "show-future", "C1", *CARD, "--promo", "FREE", *STAFF)
    assert rc != 0 and "The code FREE is not known here" in err
    assert cli.query("SELECT COUNT(*) FROM bookings") == [(0,)]
    assert cli.query("SELECT COUNT(*) FROM holds") == [(0,)]

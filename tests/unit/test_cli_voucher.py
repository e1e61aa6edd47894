"""``kiosk voucher`` (issue 12 points 3 and 8): a manager issues vouchers, the counter uses one
with ``--promo`` (tickets) or ``--voucher`` (food alone); refusals exit non-zero, say why and
change nothing."""

from __future__ import annotations

import re

import pytest

from tests.unit.test_menu import menu_cli

STAFF = ("--staff", "1001", "--pin", "1234")
MANAGER = ("--staff", "9001", "--pin", "9999")
CARD = ("--pay", "card", "--card-last4", "4242")
CODE = re.compile(r"CV \d{4} \d{4} \d{2}")


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    return menu_cli(tmp_path, capsys, monkeypatch, {"pop-l": (10, 3)})


def test_a_manager_issues_comps_the_counter_uses_one_once(cli):
    rc, out, err = cli("voucher", "issue", "--kind", "ticket", "--count", "2", *MANAGER)
    assert rc == 0, err
    assert "Issued 2 vouchers: Complimentary ticket" in out
    first, second = CODE.findall(out)
    rc, out, err = cli("book", "show-future", "B1", "B2", *CARD, "--promo", first, *STAFF)
    assert rc == 0, err
    assert f"Complimentary ticket ({first.replace(' ', '')})" in out and "Total ₹250.00" in out
    rc, out, err = cli("voucher", "show", first, *STAFF)
    assert rc == 0 and "(used)" in out
    cli.refused("book", "show-future", "B3", *CARD, "--promo", first, *STAFF,
                match="already been used", exclude=("audit", "holds"))
    rc, out, err = cli("voucher", "void", second, *MANAGER)
    assert rc == 0 and "(void)" in out


def test_a_free_popcorn_voucher_sells_alone_with_no_payment(cli):
    rc, out, err = cli("voucher", "issue", "--kind", "item", "--item", "pop-l=1:salted",
                       *MANAGER)
    assert rc == 0, err
    [code] = CODE.findall(out)
    rc, out, err = cli("sell", "--voucher", code, *STAFF)
    assert rc == 0, err
    assert f"1 x Popcorn (Large), Salted, voucher {code}" in out and "Total ₹0.00" in out


@pytest.mark.parametrize("args, message", [
    (("voucher", "issue", "--kind", "ticket", *STAFF), "Only a manager"),
    (("voucher", "issue", "--kind", "item", *MANAGER), "names its item"),
    (("voucher", "issue", "--kind", "ticket", "--count", "501", *MANAGER), "1 to 500"),
    (("voucher", "show", "CV12", *STAFF), "CV and 10 digits"),
    (("sell", *STAFF), "Name what is sold"),
    (("sell", "--voucher", "CV 0000 0000 00", *STAFF), "not known here"),
])
def test_bad_voucher_commands_are_refused_and_change_nothing(cli, args, message):
    cli.refused(*args, match=message)


def test_vouchers_print_to_pdf_and_a_comp_that_covers_everything_needs_no_payment(cli,
                                                                                 tmp_path):
    from tests.ui.test_tickets import load, page_text

    target = tmp_path / "vouchers.pdf"
    rc, out, err = cli("voucher", "issue", "--kind", "ticket", "--count", "2", "--pdf",
                       str(target), *MANAGER)
    assert rc == 0 and f"Vouchers to print: {target}" in out, err
    doc = load(None, target)  # the command made its own Qt application for the PDF
    assert doc.pageCount() == 2
    first = CODE.findall(out)[0]
    assert "VOUCHER" in page_text(doc)
    rc, out, err = cli("book", "show-future", "B1", *CARD, "--promo", first, *STAFF)
    assert rc == 0 and "Total ₹0.00" in out and "Nothing to pay" in out, (out, err)
    assert "None" not in out

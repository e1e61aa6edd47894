"""The thermal printer's service (issue 13 point 4, after review): one job per booking at a
time, a second "sale" print is a tickets-only reprint (never the receipt or the drawer twice),
a customer prints once, and an exchange paid by card keeps the drawer shut."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.domain.errors import InvalidInput
from kiosk.domain.tenders import TenderLine
from kiosk.services.models import Actor, Payment, Role
from kiosk.services.ticket_printing import paid_in_cash
from kiosk.tickets.model import ReceiptData

DRAWER = b"\x1bp"


@pytest.fixture
def printer(services, tmp_path):
    path = tmp_path / "printer.bin"
    services.deps.config = replace(services.deps.config, thermal_printer=f"file:{path}")
    return path


def _cash_sale(services, seats):
    cashier = services.auth.sign_in("1001", "1234")
    services.shifts.open(cashier, 100_000)
    hold = services.booking.hold(cashier, "show-future", seats)
    booking = services.booking.confirm(cashier, hold.hold_id, {},
                                       Payment("cash", tendered_minor=100_000))
    return cashier, booking


def test_one_job_at_a_time_and_the_second_sale_print_is_a_reprint(services, printer):
    cashier, booking = _cash_sale(services, ["A3", "A4"])
    printing = services.printing
    receipt = ReceiptData.from_booking(booking)
    job = printing.prepare(cashier, booking, kind="sale", receipt=receipt)
    assert job.drawer and job.receipt
    with pytest.raises(InvalidInput, match="printing now"):  # Ctrl+P while it prints
        printing.prepare(cashier, booking, kind="sale", receipt=receipt)
    printing.send(job)
    printing.finish(job)
    again = printing.prepare(cashier, booking, kind="sale", receipt=receipt)
    assert (again.kind, again.receipt, again.drawer) == ("reprint", False, False)
    printing.abort(again)
    assert printer.read_bytes().count(DRAWER) == 1


def test_a_customer_prints_once_and_a_failed_send_records_nothing(services, printer):
    _cashier, booking = _cash_sale(services, ["A5"])
    kiosk = Actor(None, "", "Self-service", Role.SELF_SERVICE, "KIOSK-1")
    services.deps.config = replace(services.deps.config, thermal_printer="tcp://127.0.0.1:9")
    with pytest.raises(Exception, match="not answering"):
        services.printing.print_booking(kiosk, booking, kind="sale")
    assert services.printing.prints(booking.booking_id) == 0
    services.deps.config = replace(services.deps.config, thermal_printer=f"file:{printer}")
    services.printing.print_booking(kiosk, booking, kind="sale")
    with pytest.raises(InvalidInput, match="printed already"):
        services.printing.print_booking(kiosk, booking, kind="sale")
    assert services.printing.prints(booking.booking_id) == 1


def test_an_exchange_paid_by_card_keeps_the_drawer_shut(services):
    _cashier, booking = _cash_sale(services, ["A6"])
    exchanged = replace(booking, tenders=(
        TenderLine(1, "cash", 25_000, carried_from="old-booking"), TenderLine(2, "card", 10_000)),
        payment_method="split")
    assert not paid_in_cash(exchanged)
    assert paid_in_cash(booking)

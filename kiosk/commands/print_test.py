"""``kiosk print-test``: a sample ticket (two seats) and a cash receipt on the thermal printer,
so whoever sets up a counter sees the paper, the QR, the cuts and the cash drawer work before
the first customer. No database is opened: the sample is built here."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.config import Config
from kiosk.domain.errors import InvalidInput
from kiosk.domain.money import tax_included
from kiosk.domain.ticket_codes import KeyRing, sign
from kiosk.tickets.model import ReceiptData, TicketData, TicketSeat

NAME = "print-test"
HELP = "print a sample ticket (2 seats) and a cash receipt on the thermal printer"

SAMPLE_ZONE = "Asia/Kolkata"
SAMPLE_TAX_BP = 1800
_PRICES = {"adult": 35000, "child": 24500}
# A code of the real shape and length (so the QR is sized as a sale's), signed with a key no
# installation holds: a door scanning the test print refuses it as not genuine.
_SAMPLE_RING = KeyRing("print-test", {"print-test": b"print-test-not-a-ticket-key"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("Example: kiosk print-test --printer tcp://192.168.1.50:9100. The receipt "
                     "kicks the cash drawer when cash_drawer is true in the config.")
    parser.add_argument("--printer", metavar="URI",
                        help="file:/path, tcp://host[:port], usb:VID:PID or "
                             "serial:/dev/ttyUSB0[:baud] (default: the config's thermal_printer)")


def sample_ticket(seats: int = 2, kiosk_id: str = "KIOSK-1",
                  now: datetime | None = None) -> TicketData:
    """A ticket that cannot be mistaken for a real one (the title says so; its code is signed
    with a key no kiosk holds), for ``seats`` seats in row F, alternately adult and child."""
    zone = ZoneInfo(SAMPLE_ZONE)
    now = (now or datetime.now(zone)).astimezone(zone)
    rows = []
    for n in range(seats):
        kind = "adult" if n % 2 == 0 else "child"
        price = _PRICES[kind]
        rows.append(TicketSeat(f"F{n + 1}", "premium", kind, price,
                               tax_included(price, SAMPLE_TAX_BP)))
    return TicketData(
        reference="TEST-0000", booking_id="print-test", cinema_name="Box Office Kiosk",
        city="Printer test", film_title="PRINTER TEST - NOT A TICKET", certificate="U",
        language="English", runtime_min=120, hall_name="Screen 1",
        local_start=now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=2),
        timezone=SAMPLE_ZONE, seats=tuple(rows), currency="INR",
        total_minor=sum(s.price_minor for s in rows), tax_minor=sum(s.tax_minor for s in rows),
        kiosk_id=kiosk_id, channel="counter", issued_at=now,
        code=sign("TEST-0000", "print-test", _SAMPLE_RING))


def sample_receipt(ticket: TicketData) -> ReceiptData:
    """The ticket's receipt, paid in cash with change (the drawer opens for it)."""
    tendered = -(-ticket.total_minor // 50000) * 50000  # the next 500 note
    return ReceiptData(
        ticket=ticket, lines=ticket.seats, total_minor=ticket.total_minor,
        tax_minor=ticket.tax_minor, refunded_minor=0, payment_method="cash",
        tendered_minor=tendered, change_minor=tendered - ticket.total_minor, card_last4=None,
        staff_label="print-test", tax_rate_bp=SAMPLE_TAX_BP)


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.tickets.escpos_out import (  # loaded here: python-escpos is slow to import
        PrinterUnavailable,
        parse_printer_uri,
        receipt_bytes,
        send,
        ticket_bytes,
    )

    uri = (args.printer or config.thermal_printer or "").strip()
    if not uri:
        raise InvalidInput("No thermal printer is set: give --printer URI (e.g. "
                           "tcp://192.168.1.50:9100) or set thermal_printer in the config.")
    parse_printer_uri(uri)  # a malformed address is refused before anything is built
    ticket = sample_ticket(2, config.kiosk_id)
    payload = ticket_bytes(ticket) + receipt_bytes(sample_receipt(ticket),
                                                   kick_drawer=config.cash_drawer)
    try:
        send(uri, payload)
    except PrinterUnavailable as err:  # whoever runs this wants the cause, not the counter text
        raise PrinterUnavailable(f"The printer at {uri} did not take the test print "
                                 f"({err.detail or err}). Check that it is switched on, "
                                 "connected and has paper, then try again.", err.detail) from err
    print(f"Sent {len(ticket.seats)} tickets and a receipt ({len(payload)} bytes) to {uri}")
    if config.cash_drawer:
        print("The receipt kicks the cash drawer (cash_drawer = true).")
    return 0

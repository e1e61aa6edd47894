"""``kiosk collect REF_OR_PHONE``: find a booking made anywhere (the web, another kiosk) and
print its tickets, once (issue 13 points 1 and 7).

REF_OR_PHONE is the booking's QR text (signed code), its reference, or the phone number or
e-mail used. With several bookings for one phone they are listed and nothing is printed: run
again with the reference. The tickets go to the thermal printer (``thermal_printer``) or, with
none, to a PDF in ``ticket_dir`` (or ``--pdf FILE``). Without ``--staff`` the command acts as
the self-service kiosk; ``--reprint`` (a manager) prints again what was collected, audited.
"""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from kiosk.config import Config

NAME = "collect"
HELP = "find a booking (QR, reference or phone) and print its tickets, once"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "Examples: kiosk collect K7QX-4M2P; kiosk collect '+91 98765 43210'"
    parser.add_argument("what", metavar="REF_OR_PHONE",
                        help="the booking's QR text, its reference, or the phone or e-mail used")
    parser.add_argument("--pdf", metavar="FILE", type=Path,
                        help="write the tickets to this PDF (default: the thermal printer, or "
                             "ticket_dir when there is none)")
    parser.add_argument("--staff", metavar="NUMBER",
                        help="a staff member (PIN from $KIOSK_PIN or asked); without it the "
                             "command acts as the self-service kiosk")
    parser.add_argument("--proof", default="", metavar="LAST4",
                        help="without --staff, found by phone: the booking reference's last 4 "
                             "characters (a phone number alone prints nobody's tickets)")
    parser.add_argument("--reprint", action="store_true",
                        help="print again tickets already collected (a manager; audited)")


def _actor(services, args, config):
    if not args.staff:
        from kiosk.services.models import Actor, Role

        return contextlib.nullcontext(Actor(None, "", "Self-service", Role.SELF_SERVICE,
                                            config.kiosk_id))
    from kiosk.commands._staff import signed_in

    return signed_in(services, args)


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services

    services = open_services(config)
    try:
        with _actor(services, args, config) as actor:
            found = services.collection.find(actor, args.what)
            if len(found) > 1:
                print("Several bookings match; run again with the reference:")
                for booking in found:
                    show = booking.show
                    print(f"  {booking.reference}  {show.film_title}, "
                          f"{show.local_start:%a %d %b %H:%M}, {show.hall_name}, "
                          f"{len(booking.lines)} seat(s)")
                return 1
            collection = services.collection.collect(actor, found[0].booking_id,
                                                     reprint=args.reprint,
                                                     proof=args.proof or args.what)
            try:
                where = _print(services, actor, collection.booking, args, config)
            except BaseException:
                services.collection.release(actor, collection)
                raise
        booking = collection.booking
        print(f"Collected {booking.reference}: {len(booking.lines)} ticket(s) for "
              f"{booking.show.film_title}, {booking.show.local_start:%a %d %b %H:%M}, "
              f"{booking.show.hall_name} -> {where}")
        return 0
    finally:
        services.close()


def _print(services, actor, booking, args, config: Config) -> str:
    if config.thermal_printer and not args.pdf:
        services.printing.print_booking(actor, booking, kind="collect")
        return config.thermal_printer
    from kiosk.domain.errors import InvalidInput
    from kiosk.tickets.model import TicketData
    from kiosk.tickets.output import render_ticket_pdf
    from kiosk.tickets.report_pdf import ensure_gui_application

    ensure_gui_application()
    path = args.pdf or Path(config.ticket_dir) / f"ticket-{booking.reference}.pdf"
    try:
        written = render_ticket_pdf(TicketData.from_booking(booking), path)
    except OSError as err:
        raise InvalidInput(f"The tickets could not be written to {path}: {err.strerror}.") \
            from None
    if not Path(written).is_file():
        raise InvalidInput(f"The tickets could not be written to {path}.")
    services.printing.record(actor, booking, "collect", "pdf", len(booking.lines))
    return str(written)

"""``kiosk admit SCAN --door NAME``: the door's scan, for scripts and tests (issue 13 point 7).

Prints ``ADMIT n: film, hall, seats`` and exits 0, or ``REFUSED (reason): sentence`` and exits
1. SCAN is the ticket's QR text (its signed code); a booking reference read out is accepted only
with ``--typed``. The staff member at the door signs in (``--staff``, PIN from $KIOSK_PIN).
"""

from __future__ import annotations

import argparse

from kiosk.commands._staff import signed_in
from kiosk.config import Config

NAME = "admit"
HELP = "scan a ticket at a door: ADMIT (exit 0) or the reason it is refused (exit 1)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("Example: kiosk admit 'BOK1.mum-andheri.k20261206-1a2b.K7QX-4M2P.…' "
                     "--door 'Door 2' --staff 1001")
    parser.add_argument("scan", metavar="SCAN", help="what the scanner read (or a reference "
                                                     "with --typed)")
    parser.add_argument("--door", required=True, metavar="NAME", help="this door's name")
    parser.add_argument("--hall", default="", metavar="HALL_ID",
                        help="the hall this door leads to (default: any)")
    parser.add_argument("--show", default="", metavar="SHOW_ID",
                        help="admit only this show (default: the ticket's show)")
    parser.add_argument("--typed", action="store_true",
                        help="SCAN is a booking reference typed by hand, not a scanned code")
    parser.add_argument("--staff", required=True, metavar="NUMBER",
                        help="your staff number (PIN from $KIOSK_PIN or asked)")


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.admissions import door_setting
    from kiosk.services.app import open_services

    door = door_setting(args.door, args.hall, args.show)
    services = open_services(config)
    try:
        with signed_in(services, args) as actor:
            result = services.admissions.admit(actor, args.scan, door, typed=args.typed)
        if result.admitted:
            print(result.decision.text + (" (offline: sent to the cloud later)"
                                          if result.offline else ""))
            return 0
        print(f"REFUSED ({result.decision.reason}): {result.decision.text}")
        return 1
    finally:
        services.close()

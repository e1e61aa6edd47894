"""``kiosk ticket-keys``: the keys that sign tickets' QR codes (issue 13 point 3).

``list`` names them (ids only; the current one signs), ``rotate`` makes a new key the signing
one (old keys keep verifying tickets already sold), ``drop KID`` retires an old key, ``import
FILE`` takes the keys file of another device of this cinema so every device signs and verifies
alike. Changes are a manager's, audited.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.commands._staff import signed_in
from kiosk.config import Config

NAME = "ticket-keys"
HELP = "list, rotate, drop or import the keys that sign tickets' QR codes (a manager)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("Examples: kiosk ticket-keys list --staff 9001; kiosk ticket-keys rotate "
                     "--staff 9001; kiosk ticket-keys import /media/usb/ticket-keys.toml "
                     "--staff 9001")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="the key ids; the current one signs")
    rotate = sub.add_parser("rotate", help="a new key signs from now on")
    drop = sub.add_parser("drop", help="retire an old key (its tickets are then refused)")
    drop.add_argument("kid", metavar="KEY_ID")
    take = sub.add_parser("import", help="take the keys of another device of this cinema")
    take.add_argument("file", metavar="FILE", type=Path)
    for action in (listing, rotate, drop, take):
        action.add_argument("--staff", required=True, metavar="NUMBER",
                            help="your staff number (PIN from $KIOSK_PIN or asked)")


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services
    from kiosk.services.ticket_keys import TicketKeyService

    services = open_services(config)
    try:
        with signed_in(services, args) as actor:
            keys = TicketKeyService(services.deps)
            if args.action == "rotate":
                ring = keys.rotate(actor)
                print(f"Key {ring.current} signs tickets from now on; "
                      f"{len(ring.keys) - 1} older key(s) still verify. Copy {keys.path} to "
                      "this cinema's other devices (`kiosk ticket-keys import`).")
            elif args.action == "drop":
                ring = keys.drop(actor, args.kid)
                print(f"Dropped key {args.kid}: tickets it signed are no longer admitted.")
            elif args.action == "import":
                ring = keys.merge(actor, args.file)
                print(f"Imported: key {ring.current} signs; {len(ring.keys)} key(s) verify.")
            else:
                current, kids = keys.listing(actor)
                for kid in kids:
                    print(f"{kid}{'  (signs)' if kid == current else ''}")
                print(f"File: {keys.path}")
        return 0
    finally:
        services.close()

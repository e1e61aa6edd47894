"""``kiosk voucher``: a manager issues single-use vouchers (complimentary tickets, one free
item), reads one, or cancels an unused one.

``issue --kind ticket|item [--item ID[=1:CHOICE,..]] --count N [--until DATE] [--label TEXT]``
prints each code and its QR (what is printed on the voucher); ``show CODE`` says what it is and
whether it was used; ``void CODE`` cancels it. A voucher is used by typing its code where a promo
code goes (``kiosk book ... --promo CODE``, the basket's code field) or ``kiosk sell --voucher``.
"""

from __future__ import annotations

import argparse
import sys

from kiosk.commands._staff import signed_in
from kiosk.commands.menu import _cinema
from kiosk.config import Config
from kiosk.domain.errors import InvalidInput
from kiosk.domain.vouchers import Voucher, display_code

NAME = "voucher"
HELP = "issue single-use vouchers (complimentary tickets, free items), show or cancel one"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("Examples: kiosk voucher issue --kind ticket --count 10 --until 2026-12-31 "
                     "--staff 9001; kiosk voucher issue --kind item --item popcorn-m=1:salted "
                     "--count 5 --staff 9001; kiosk voucher show 'CV 1234 5678 90' --staff 1001")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    issue = sub.add_parser("issue", help="issue a batch of vouchers (a manager)")
    issue.add_argument("--kind", required=True, choices=("ticket", "item"))
    issue.add_argument("--item", default="", metavar="ID[=1:CHOICE,..]",
                       help="the item an item voucher gives (see `kiosk menu`)")
    issue.add_argument("--count", type=int, default=1, help="how many (1 to 500)")
    issue.add_argument("--until", default="", metavar="YYYY-MM-DD", help="last day of use")
    issue.add_argument("--label", default="", help="printed on the voucher and the receipt")
    issue.add_argument("--cinema", metavar="ID", help="the cinema (default: this kiosk's)")
    issue.add_argument("--pdf", metavar="FILE",
                       help="also write the vouchers to print, one 80 mm page each, with QR")
    show = sub.add_parser("show", help="what a voucher is for and whether it was used")
    show.add_argument("code", metavar="CODE")
    void = sub.add_parser("void", help="cancel an unused voucher (a manager)")
    void.add_argument("code", metavar="CODE")
    for action in (issue, show, void):
        action.add_argument("--staff", required=True, metavar="NUMBER",
                            help="your staff number (PIN from $KIOSK_PIN or asked)")


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services

    services = open_services(config)
    try:
        with signed_in(services, args) as actor:
            if args.action == "issue":
                if args.pdf:
                    check_pdf_target(args.pdf)
                cinema_id = _cinema(services.deps.conn, args.cinema, config)
                made = services.vouchers.issue(actor, cinema_id, args.kind, args.count,
                                               args.item, args.until, args.label)
                print_batch(made)
                if len(made) < args.count:
                    print(f"kiosk: only {len(made)} of {args.count} vouchers were issued: the "
                          "cloud could not be reached for the rest. Issue them again later.",
                          file=sys.stderr)
                if args.pdf:
                    print(f"Vouchers to print: {write_pdf(services, cinema_id, made, args.pdf)}")
                return 0
            if args.action == "void":
                voucher = services.vouchers.void(actor, args.code)
            else:
                voucher = services.vouchers.get(args.code)
        print(describe(voucher))
        return 0
    finally:
        services.close()


def write_pdf(services, cinema_id: str, made: list[Voucher], path: str) -> str:
    from kiosk.tickets.cards import render_slips_pdf, voucher_slip

    names = {c["id"]: c["name"] for c in services.catalogue.cinemas()}
    slips = [voucher_slip(v, names.get(cinema_id, cinema_id)) for v in made]
    try:
        return str(render_slips_pdf(slips, path, "Vouchers"))
    except OSError as err:
        raise InvalidInput(f"The PDF could not be written to {path}: {err.strerror}. The "
                           "vouchers are issued: their codes are listed above.") from None


def check_pdf_target(path: str) -> None:
    """Refuse a PDF target that cannot be written, before any voucher is issued."""
    import os
    from pathlib import Path

    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK):
        raise InvalidInput(f"--pdf {path}: that is not a file this kiosk can write (a folder, or "
                           "a folder that does not exist or is read-only). Nothing was issued.")


def describe(voucher: Voucher) -> str:
    until = f", valid until {voucher.valid_to}" if voucher.valid_to else ""
    return f"Voucher {display_code(voucher.code)}: {voucher.label} ({voucher.state}{until})"


def print_batch(made: list[Voucher], out=None) -> None:
    import segno

    out = out or sys.stdout
    first = made[0]
    until = f", valid until {first.valid_to}" if first.valid_to else ""
    print(f"Issued {len(made)} voucher{'s' if len(made) != 1 else ''}: {first.label}{until}",
          file=out)
    for voucher in made:
        print(f"  {display_code(voucher.code)}", file=out)
    if len(made) == 1:
        segno.make(first.code, error="m").terminal(out=out, compact=True)

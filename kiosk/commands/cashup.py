"""``kiosk cashup``: a closed shift's cash-up slip again, on paper or as a PDF.

    kiosk cashup slip --shift 12 --staff 9001 --out slip.pdf
    kiosk cashup slip --shift 12 --staff 9001 --print        # the counter's thermal printer
    kiosk cashup show --shift 12 --staff 1001                # the slip's lines on the terminal

A cashier may reprint their own shift's slip, a manager any shift's (``ShiftService.report``);
each reprint is audited. The PIN comes from ``$KIOSK_PIN`` or a prompt, never the command line.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.commands._staff import add_staff_arguments, signed_in
from kiosk.config import Config
from kiosk.domain.errors import InvalidInput, KioskError
from kiosk.store.files import check_target

NAME = "cashup"
HELP = "reprint a shift's cash-up slip (PDF or the thermal printer) or show it"


class OutputFailed(KioskError):
    """The slip could not be written where asked."""

    exit_code = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="cashup_action", metavar="ACTION", required=True)
    slip = actions.add_parser("slip", help="the slip again: --out FILE.pdf and/or --print")
    show = actions.add_parser("show", help="print the slip's lines here")
    for sub in (slip, show):
        sub.add_argument("--shift", type=int, required=True, metavar="ID",
                         help="the shift's number (on the slip and the cash-ups screen)")
        add_staff_arguments(sub)
    slip.add_argument("--out", type=Path, metavar="FILE", help="write the slip to FILE (.pdf)")
    slip.add_argument("--print", dest="to_printer", action="store_true",
                      help="print it on the configured thermal printer")


def _check_out(out: Path) -> None:
    if out.suffix.lower() != ".pdf":
        raise InvalidInput(f"Write the slip to a .pdf file, not {out.name!r}.")
    check_target(out)


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services
    from kiosk.tickets.cashup_slip import save, slip_lines

    out = getattr(args, "out", None)
    if args.cashup_action == "slip":
        if out is None and not args.to_printer:
            raise InvalidInput("Say where the slip goes: --out slip.pdf, --print, or both.")
        if out is not None:
            _check_out(out)  # before signing in: a bad --out changes nothing
    services = open_services(config)
    try:
        with signed_in(services, args) as actor:
            report = services.shifts.report(actor, args.shift)
            if args.cashup_action == "show":
                for line in slip_lines(report):
                    text = f"{line.left:<36} {line.right}" if line.right else line.left
                    print("-" * 48 if line.style == "rule" else text.rstrip())
                return 0
            if args.to_printer:
                from kiosk.tickets.escpos_out import send

                uri, payload = services.shifts.slip_payload(actor, args.shift, reprint=True)
                send(uri, payload)
                services.shifts.slip_printed(actor, args.shift, "thermal", reprint=True)
                print(f"Slip of shift {args.shift} printed.")
            if out is not None:
                try:
                    save(report, out, reprint=True)
                except OSError as exc:
                    raise OutputFailed(f"The slip could not be written to {out}: "
                                       f"{exc.strerror or exc}. Nothing was written.") from None
                services.shifts.slip_printed(actor, args.shift, "pdf", reprint=True)
                print(f"Slip of shift {args.shift} written to {out}")
        return 0
    finally:
        services.close()

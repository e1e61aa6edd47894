"""``kiosk day``: close a cinema's business day (the Z report), reprint it, correct it.

    kiosk day close  --date 2026-11-25 --staff 9001 [--out z.pdf]
    kiosk day report --date 2026-11-25 --staff 9001 --out z.pdf|z.csv
    kiosk day adjust --date 2026-11-25 --staff 9001 --amount -12.50 --reason "..."

The manager's PIN comes from ``$KIOSK_PIN`` or a prompt, never the command line. A close with a
shift still open is refused (the open shifts are named) and nothing changes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.commands._staff import add_staff_arguments, signed_in
from kiosk.config import Config
from kiosk.domain.errors import InvalidInput, KioskError
from kiosk.domain.money import format_money, parse_money
from kiosk.store.files import check_target

NAME = "day"
HELP = "close a business day (Z report), reprint it, or correct a closed day"
FORMATS = {".pdf": "pdf", ".csv": "csv"}


class OutputFailed(KioskError):
    """The report could not be written where asked."""

    exit_code = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="day_action", metavar="ACTION", required=True)
    close = actions.add_parser("close", help="close the day: every shift must be closed first")
    report = actions.add_parser("report", help="print a closed day's Z report to a PDF or CSV")
    adjust = actions.add_parser("adjust", help="correct a closed day with an audited adjustment")
    for sub in (close, report, adjust):
        sub.add_argument("--date", required=True, metavar="YYYY-MM-DD",
                         help="the business date (the cinema's local date)")
        sub.add_argument("--cinema", metavar="ID", help="cinema id (default: this device's)")
        add_staff_arguments(sub)
    close.add_argument("--out", type=Path, metavar="FILE",
                       help="also write the Z report to FILE (.pdf or .csv)")
    close.add_argument("--this-device-only", action="store_true",
                       help="on a shared cinema's device: close without the pulled day (the "
                            "other devices' shifts are not checked; the report says so)")
    report.add_argument("--out", type=Path, metavar="FILE", required=True,
                        help="where to write it: a .pdf (one page) or a .csv")
    adjust.add_argument("--amount", required=True, metavar="AMOUNT",
                        help="signed amount in the cinema's currency, e.g. -12.50 (missing) "
                             "or 20 (found)")
    adjust.add_argument("--reason", required=True, help="why (printed on the Z report)")


def _format(out: Path) -> str:
    kind = FORMATS.get(out.suffix.lower())
    if kind is None:
        raise InvalidInput(f"Write the Z report to a .pdf or .csv file, not {out.name!r}.")
    check_target(out)  # a folder, a device, /proc, a missing folder or a name that is not text
    return kind


def write_report(report, out: Path) -> None:
    """Write through a temporary file and rename (``zreport.save``): a failed write leaves no
    half-written report and says so (exit 3)."""
    from kiosk.tickets.zreport import save

    _format(out)
    try:
        save(report, out)
    except OSError as exc:
        raise OutputFailed(f"The Z report could not be written to {out}: "
                           f"{exc.strerror or exc}. Nothing was written.") from None


def _amount(text: str) -> int:
    text = str(text).strip()
    negative = text.startswith("-")
    try:
        minor = parse_money(text.lstrip("+-"))
    except (ValueError, InvalidInput):
        raise InvalidInput(f"{text[:20]!r} is not an amount: write it like -12.50 or 20.") from None
    return -minor if negative else minor


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services
    from kiosk.services.day_close import DayCloseService

    out = getattr(args, "out", None)
    if out is not None:
        _format(out)  # refuse a bad --out before anything is closed
    amount = _amount(args.amount) if args.day_action == "adjust" else 0
    services = open_services(config)
    try:
        days = services.day_close or DayCloseService(services.deps)
        with signed_in(services, args) as actor:
            if args.day_action == "close":
                report = days.close(actor, args.date, args.cinema,
                                    this_device_only=args.this_device_only)
                print(f"Business day {report.business_date} at {report.cinema_name} is closed. "
                      f"Net sales {report.money(report.tickets['net_sales'])} "
                      f"({report.tickets['tickets']} tickets). "
                      f"Signature {report.signature[:16]}.")
                if days.last_publish_problem:
                    print(days.last_publish_problem)
            elif args.day_action == "adjust":
                report = days.adjust(actor, args.date, amount, args.reason, args.cinema)
                last = report.adjustments[-1]
                print(f"Adjustment {last.adjustment_id} of "
                      f"{format_money(last.amount_minor, last.currency)} recorded on "
                      f"{report.business_date}; net sales after adjustments "
                      f"{report.money(report.adjusted_net_sales)}.")
            else:
                report = days.report(actor, args.date, args.cinema)
        if out is not None:
            write_report(report, out)
            print(f"Z report for {report.business_date} written to {out}")
        return 0
    finally:
        services.close()

"""``kiosk report``: the manager's daily report (sales, occupancy, refunds) as text, CSV or PDF.

Dates are the cinema's local business dates. Only a manager may run it; a cashier's attempt is
refused and audited. ``--format pdf`` uses the manager console's PDF renderer
(``kiosk.tickets.report_pdf``) and needs ``--out``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from kiosk.commands._staff import add_staff_arguments, signed_in
from kiosk.config import Config
from kiosk.domain.errors import InvalidInput, KioskError
from kiosk.services.reports import ReportTable, to_csv

NAME = "report"
HELP = "print or export the sales, occupancy and refunds report for a day or a range of days"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="first business date")
    parser.add_argument("--to", metavar="YYYY-MM-DD", help="last business date (default: --date)")
    parser.add_argument("--cinema", metavar="ID", help="only this cinema (default: all)")
    parser.add_argument("--format", default="table", choices=["table", "csv", "pdf"],
                        help="table (default), csv or pdf")
    parser.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of the screen")
    add_staff_arguments(parser)


def parse_day(text: str, flag: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{flag} {text!r} is not a date: write it as YYYY-MM-DD.") from None


def _pdf_renderer():
    try:
        module = importlib.import_module("kiosk.tickets.report_pdf")
    except ModuleNotFoundError as exc:
        if exc.name not in ("kiosk.tickets", "kiosk.tickets.report_pdf"):
            raise
        module = None
    render = getattr(module, "render_daily_report_pdf", None)
    if render is None:
        raise KioskError("PDF reports are not available in this build; use --format csv or table.")
    return render


def format_tables(tables: list[ReportTable]) -> str:
    """Plain-text tables; numbers right-aligned, a title over each."""
    blocks = []
    for table in tables:
        header = [c.title for c in table.columns]
        body = table.display_rows()
        widths = [max(len(str(x)) for x in col) for col in zip(header, *body, strict=True)]
        numeric = [c.kind in ("int", "money", "percent") for c in table.columns]

        def fmt(cells, widths=widths, numeric=numeric):
            return "  ".join(str(c).rjust(w) if n else str(c).ljust(w)
                             for c, w, n in zip(cells, widths, numeric, strict=True)).rstrip()

        lines = [table.title, fmt(header), "  ".join("-" * w for w in widths)]
        lines += [fmt(row) for row in body] or ["(nothing)"]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services

    start = parse_day(args.date, "--date")
    end = parse_day(args.to, "--to") if args.to else start
    if end < start:
        raise InvalidInput(f"--to {end} is before --date {start}.")
    render = None
    if args.format == "pdf":
        if args.out is None:
            raise InvalidInput("A PDF report needs --out FILE.")
        render = _pdf_renderer()
    services = open_services(config)
    try:
        with signed_in(services, args) as actor:
            sales = services.reports.daily_sales(actor, start, end, args.cinema)
            occupancy = services.reports.occupancy(actor, start, end, args.cinema)
            refunds = services.reports.refunds(actor, start, end, args.cinema)
    finally:
        services.close()
    span = f"{start}" if start == end else f"{start} to {end}"
    where = f", cinema {args.cinema}" if args.cinema else ""
    if render is not None:
        render(sales, args.out)
        print(f"Report for {span}{where} written to {args.out}")
        return 0
    tables = [*sales.tables, *occupancy.tables, *refunds.tables]
    stream: TextIO = args.out.open("w", encoding="utf-8", newline="") if args.out else sys.stdout
    try:
        if args.format == "csv":
            for report in (sales, occupancy, refunds):
                to_csv(report, stream)
                stream.write("\n")
        else:
            stream.write(f"Box office report {span}{where}\n\n")
            stream.write(format_tables(tables))
    finally:
        if args.out:
            stream.close()
    if args.out:
        print(f"Report for {span}{where} written to {args.out}")
    return 0

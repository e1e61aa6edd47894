"""``kiosk report``: the manager's daily report (sales, occupancy, refunds) as text, CSV or PDF.

Dates are the cinema's local business dates. Only a manager may run it; a cashier's attempt is
refused and audited. ``--format pdf`` uses the manager console's PDF renderer
(``kiosk.tickets.report_pdf``) and needs ``--out``.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import date
from pathlib import Path

from kiosk.commands._staff import add_staff_arguments, signed_in
from kiosk.config import Config
from kiosk.domain.errors import InvalidInput
from kiosk.services.reports import ReportTable, to_csv
from kiosk.store.files import WriteFailed, check_target, write_atomically, write_text

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
    from kiosk.tickets.report_pdf import render_daily_report_pdf  # reportlab only when asked

    return render_daily_report_pdf


# The text view keeps the columns a manager reads at a glance; CSV and PDF carry them all.
TEXT_HIDDEN = frozenset({"refund_count", "refunded_tickets", "exchanges", "exchanged_tickets",
                         "show_id"})


def _transposed(table: ReportTable) -> str:
    """Totals read down a column per currency: too many measures for one line."""
    currencies = [str(c) for c in table.column("currency")]
    body = table.display_rows()
    labels = [c.title for c in table.columns if c.key != "currency"]
    cols = [[cell for cell, c in zip(row, table.columns, strict=True) if c.key != "currency"]
            for row in body]
    width = max(len(x) for x in labels + [table.title])
    widths = [max([len(cur)] + [len(x) for x in col]) for cur, col in zip(currencies, cols, strict=True)]
    lines = [table.title.ljust(width) + "".join("  " + cur.rjust(w) for cur, w in zip(currencies, widths, strict=True))]
    for i, label in enumerate(labels):
        lines.append(label.ljust(width) + "".join("  " + col[i].rjust(w) for col, w in zip(cols, widths, strict=True)))
    return "\n".join(line.rstrip() for line in lines)


def format_table(table: ReportTable, skip_idle: bool = False) -> str:
    """One plain-text table; numbers right-aligned, the title above."""
    keep = [i for i, c in enumerate(table.columns) if c.key not in TEXT_HIDDEN]
    columns = [table.columns[i] for i in keep]
    header = [c.title for c in columns]
    shown = table.display_rows()
    if skip_idle:  # e.g. the 24 hours of the day: list only hours with something in them
        measures = [i for i, c in enumerate(table.columns) if c.kind in ("int", "money")]
        shown = [cells for cells, row in zip(shown, table.rows, strict=True)
                 if any(row[i] for i in measures)]
    body = [[row[i] for i in keep] for row in shown]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *body, strict=True)]
    numeric = [c.kind in ("int", "money", "percent") for c in columns]

    def fmt(cells):
        return "  ".join(str(c).rjust(w) if n else str(c).ljust(w)
                         for c, w, n in zip(cells, widths, numeric, strict=True)).rstrip()

    lines = [table.title, fmt(header), "  ".join("-" * w for w in widths)]
    lines += [fmt(row) for row in body] or ["(none)"]
    return "\n".join(lines)


def format_report(sales, occupancy, refunds) -> str:
    blocks = []
    if sales.totals.rows:
        blocks.append(_transposed(sales.totals))
        blocks += [format_table(t, skip_idle=t.name == "by_hour") for t in sales.tables[1:]]
        blocks += [format_table(t) for t in sales.extra_tables if t.rows]
    else:
        blocks.append("No sales or refunds on these dates.")
    blocks += [format_table(occupancy.shows), format_table(refunds.refunds)]
    return "\n\n".join(blocks) + "\n"


def _cinema_name(config: Config, cinema_id: str) -> str:
    from kiosk.store.db import connect

    conn = connect(config.db_path)
    try:
        row = conn.execute("SELECT name FROM cinemas WHERE id = ?", (cinema_id,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else cinema_id


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
    if args.out is not None:
        check_target(args.out)  # a bad place is refused before anyone signs in
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
        name = _cinema_name(config, args.cinema) if args.cinema else ""
        write_atomically(args.out, lambda tmp: render(sales, tmp, occupancy=occupancy,
                                                      cinema_name=name), verify=_is_pdf)
        print(f"Report for {span}{where} written to {args.out}")
        return 0
    buffer = io.StringIO()
    if args.format == "csv":
        for report in (sales, occupancy, refunds):
            to_csv(report, buffer)
            buffer.write("\n")
    else:
        buffer.write(f"Box office report {span}{where}\n\n")
        buffer.write(format_report(sales, occupancy, refunds))
    if args.out is None:
        sys.stdout.write(buffer.getvalue())
        return 0
    # Written whole or not at all; a write that fails (a folder, /proc/version, a read-only or
    # missing folder, a full disk) is refused with a non-zero exit, never "written".
    write_text(args.out, buffer.getvalue())
    print(f"Report for {span}{where} written to {args.out}")
    return 0


def _is_pdf(path: Path) -> None:
    with path.open("rb") as fh:
        if fh.read(5) != b"%PDF-":
            raise WriteFailed(f"The PDF report could not be made at {path.name}.")

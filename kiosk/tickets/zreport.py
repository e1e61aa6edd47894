"""The Z report (business-day close) as a one-page PDF and as CSV.

Same drawing approach as the daily report (``kiosk.tickets.report_pdf``): real text painted with
QPainter onto an A4 QPdfWriter page, so the PDF is searchable and a printer gets the same page.
Everything must fit one page: tables are cut to the rows that fit and say how many were left
out (the CSV always has every row). The CSV goes through ``kiosk.domain.csv_safe`` so a cashier
name or reason such as ``=HYPERLINK(...)`` is never run by a spreadsheet.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.domain import csv_safe
from kiosk.domain.money import format_money
from kiosk.services.day_close import CHECKS_SECTION, MONEY_LABELS, TICKET_LINES, ZReport

# Column headers whose cells are money (minor units) in ZReport.sections().
MONEY_HEADERS = frozenset({"Taken", "Refunded", "Net", "Expected", "Counted", "Variance", "Float",
                           "Gross", "Net sales", "Amount", "Reported"})


# The words of the report as printed and shown: section titles, column headers and the
# measures' labels. The CSV keeps them in English (a file for spreadsheets and scripts); the
# PDF and the close screen show them through ``words`` in the screen's language.
_CONTEXT = "ZReport"
_WORDS = (
    QT_TRANSLATE_NOOP("ZReport", "Z report"), QT_TRANSLATE_NOOP("ZReport", "Tickets"),
    QT_TRANSLATE_NOOP("ZReport", "Food and drink"), QT_TRANSLATE_NOOP("ZReport", "Gift cards"),
    QT_TRANSLATE_NOOP("ZReport", "Loyalty"), QT_TRANSLATE_NOOP("ZReport", "Tenders"),
    QT_TRANSLATE_NOOP("ZReport", "Refunds"), QT_TRANSLATE_NOOP("ZReport", "Cashier variance"),
    QT_TRANSLATE_NOOP("ZReport", "Shifts"), QT_TRANSLATE_NOOP("ZReport", "Card and UPI checks"),
    QT_TRANSLATE_NOOP("ZReport", "By device"), QT_TRANSLATE_NOOP("ZReport", "By channel"),
    QT_TRANSLATE_NOOP("ZReport", "Adjustments after the close"),
    QT_TRANSLATE_NOOP("ZReport", "Result"),
    # column headers
    QT_TRANSLATE_NOOP("ZReport", "Field"), QT_TRANSLATE_NOOP("ZReport", "Value"),
    QT_TRANSLATE_NOOP("ZReport", "Measure"), QT_TRANSLATE_NOOP("ZReport", "Amount"),
    QT_TRANSLATE_NOOP("ZReport", "Note"), QT_TRANSLATE_NOOP("ZReport", "Tender"),
    QT_TRANSLATE_NOOP("ZReport", "Taken"), QT_TRANSLATE_NOOP("ZReport", "Refunded"),
    QT_TRANSLATE_NOOP("ZReport", "Net"), QT_TRANSLATE_NOOP("ZReport", "Staff no."),
    QT_TRANSLATE_NOOP("ZReport", "Name"), QT_TRANSLATE_NOOP("ZReport", "Expected"),
    QT_TRANSLATE_NOOP("ZReport", "Counted"), QT_TRANSLATE_NOOP("ZReport", "Variance"),
    QT_TRANSLATE_NOOP("ZReport", "Device"), QT_TRANSLATE_NOOP("ZReport", "Opened"),
    QT_TRANSLATE_NOOP("ZReport", "Closed"), QT_TRANSLATE_NOOP("ZReport", "Float"),
    QT_TRANSLATE_NOOP("ZReport", "Currency"), QT_TRANSLATE_NOOP("ZReport", "Reported"),
    QT_TRANSLATE_NOOP("ZReport", "Bookings"), QT_TRANSLATE_NOOP("ZReport", "Gross"),
    QT_TRANSLATE_NOOP("ZReport", "Net sales"), QT_TRANSLATE_NOOP("ZReport", "Channel"),
    QT_TRANSLATE_NOOP("ZReport", "Reason"), QT_TRANSLATE_NOOP("ZReport", "By"),
    QT_TRANSLATE_NOOP("ZReport", "At (UTC)"), QT_TRANSLATE_NOOP("ZReport", "Id"),
    # the measures (first column of Tickets, Refunds and Result)
    QT_TRANSLATE_NOOP("ZReport", "Gross sales (tax included)"),
    QT_TRANSLATE_NOOP("ZReport", "Tax"), QT_TRANSLATE_NOOP("ZReport", "Discounts"),
    QT_TRANSLATE_NOOP("ZReport", "Exchanges"), QT_TRANSLATE_NOOP("ZReport", "Exchange credit"),
    QT_TRANSLATE_NOOP("ZReport", "Net revenue (after tax)"),
    QT_TRANSLATE_NOOP("ZReport", "Refunds completed"),
    QT_TRANSLATE_NOOP("ZReport", "Refunds awaiting approval (not counted)"),
    QT_TRANSLATE_NOOP("ZReport", "Awaiting approval"),
    QT_TRANSLATE_NOOP("ZReport", "Approved but not yet paid out of a drawer"),
    QT_TRANSLATE_NOOP("ZReport", "To pay out"),
    QT_TRANSLATE_NOOP("ZReport", "Net sales at the close"),
    QT_TRANSLATE_NOOP("ZReport", "Adjustments"),
    QT_TRANSLATE_NOOP("ZReport", "Net sales after adjustments"),
)
LABELLED = frozenset({"Tickets", "Refunds", "Result"})  # sections whose first column is words


def words(text: str) -> str:
    """A title, header or measure of the report in the screen's language."""
    return QCoreApplication.translate(_CONTEXT, text) if text else text


def shown_rows(report: ZReport, section: str, header: Sequence[str],
               rows: Sequence[Sequence[Any]]) -> list[list[str]]:
    """``display_rows`` with the measures' labels in the screen's language."""
    shown = display_rows(report, section, header, rows)
    if section in LABELLED:
        shown = [[words(row[0]), *row[1:]] for row in shown]
    elif section in ("Tenders", CHECKS_SECTION):  # a tender by its printed name: "Card"
        from kiosk.tickets.draw import _payment

        shown = [[_payment(row[0]), *row[1:]] for row in shown]
    return shown


def _is_money(section: str, header: str, row: Sequence[Any]) -> bool:
    if header == "Amount" and section in ("Tickets", "Refunds", "Result"):
        return str(row[0]) in MONEY_LABELS
    return header in MONEY_HEADERS


def _decimal(minor: int) -> str:
    return str(Decimal(int(minor)).scaleb(-2).quantize(Decimal("0.01")))


def write_csv(report: ZReport, stream: TextIO) -> None:
    """Every section: a ``# title`` line, its header, its rows, a blank line. Money in major
    units with two decimals (``1250.00``) so spreadsheets sum it."""
    out = csv_safe.writer(stream, lineterminator="\n")
    for i, (title, header, rows) in enumerate(report.sections()):
        if i:
            stream.write("\n")
        out.writerow([f"# {title}"])
        out.writerow(header)
        for row in rows:
            out.writerow([_decimal(v) if isinstance(v, int) and not isinstance(v, bool)
                          and _is_money(title, h, row) else v
                          for v, h in zip(row, header, strict=True)])


def csv_text(report: ZReport) -> str:
    buffer = io.StringIO()
    write_csv(report, buffer)
    return buffer.getvalue()


def save(report: ZReport, out: Path | str) -> Path:
    """Write the Z report to ``out`` (.pdf or .csv by its suffix) through a temporary file in the
    same folder, then rename: a failed write raises OSError and leaves no half-written file."""
    out = Path(out)
    kind = out.suffix.lower()
    if kind not in (".pdf", ".csv"):
        raise ValueError(f"a Z report is written to a .pdf or .csv file, not {out.name!r}")
    if kind == ".pdf":
        from kiosk.tickets.report_pdf import save_pdf

        return save_pdf(out, lambda tmp: render_pdf(report, tmp), ".zreport-")
    fd, tmp = tempfile.mkstemp(prefix=".zreport-", suffix=kind, dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            write_csv(report, stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def _cell(report: ZReport, section: str, header: str, row: Sequence[Any], value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int):
        return "" if value is None else str(value)
    if _is_money(section, header, row):  # the checks' rows carry their own currency
        return (format_money(value, str(row[1])) if section == CHECKS_SECTION
                else report.money(value))
    return f"{value:,}" if header not in ("Id", "Shifts") else str(value)


def display_rows(report: ZReport, section: str, header: Sequence[str],
                 rows: Sequence[Sequence[Any]]) -> list[list[str]]:
    """Rows of a section as people read them (``₹1,250.00``), for the PDF and the screen."""
    return [[_cell(report, section, h, row, v) for v, h in zip(row, header, strict=True)]
            for row in rows]


def render_pdf(report: ZReport, path: Path | str) -> Path:
    """Write the Z report as a one-page A4 PDF at ``path``; returns the path."""
    from kiosk.tickets.report_pdf import a4_painter

    path = Path(path)
    with a4_painter(path, f"Z report {report.cinema_id} {report.business_date}", 12) as (
            painter, page, _):
        draw(painter, page, report)
    return path


ROW_PT, TITLE_PT, HEADER_PT, MORE_PT, GAP_PT = 14, 18, 14, 12, 12


def fit_rows(counts: Sequence[int], room_pt: float) -> list[int]:
    """How many rows of each table to print so all of them fit ``room_pt`` points: the longest
    table gives up rows first (each keeps at least one, plus a "... and N more" line)."""
    def height(n: int, total: int) -> float:
        return TITLE_PT + HEADER_PT + max(n, 1) * ROW_PT + (MORE_PT if n < total else 0) + GAP_PT

    shown = list(counts)
    while sum(height(n, t) for n, t in zip(shown, counts, strict=True)) > room_pt:
        i = max(range(len(shown)), key=lambda k: shown[k])
        if shown[i] <= 1:
            break
        shown[i] -= 1
    return shown


def draw(painter: Any, page: Any, report: ZReport) -> None:
    """Draw the Z report into ``page`` (device pixels): one page, whatever the day held."""
    from PySide6.QtCore import QRectF, Qt

    from kiosk.tickets.report_pdf import INK, MUTED, _font, _pt, _section, _table

    red = "#b3261e"
    y = page.top()
    painter.setPen(INK)
    painter.setFont(_font(18, bold=True))
    title = "Z report: business-day close" if report.closed else "Business day (NOT CLOSED)"
    painter.drawText(QRectF(page.left(), y, page.width(), _pt(24)), Qt.AlignmentFlag.AlignLeft,
                     title)
    y += _pt(24)
    painter.setFont(_font(9.5))
    painter.setPen(MUTED)
    lines = [f"{report.cinema_name} ({report.cinema_id})  |  business date "
             f"{report.business_date}  |  amounts in {report.currency}"]
    if report.closed and report.closed_at is not None:
        from kiosk.domain.clock import local

        lines.append(f"Closed {local(report.closed_at, report.timezone):%d %b %Y %H:%M} "
                     f"(cinema time) by {report.closed_by_name} ({report.closed_by_number}) "
                     f"on {report.kiosk_id}")
        lines.append(f"Signature SHA-256 {report.signature[:32]}... "
                     f"{'matches' if report.signature_ok else 'DOES NOT MATCH the stored totals'}")
        anchor = report.totals.get("audit_anchor")
        if anchor:  # to compare with `kiosk audit verify` later: cuts from the log's end show
            lines.append(f"Audit log at close: row {anchor['id']}, hash {anchor['hash'][:32]}...")
    else:
        lines.append("Preview only: these figures can still change until the day is closed.")
    lines.append(str(report.totals.get("sources", "")))
    for line in lines:
        if "DOES NOT MATCH" in line or "Preview" in line:
            from PySide6.QtGui import QColor

            painter.setPen(QColor(red))
        else:
            painter.setPen(MUTED)
        painter.drawText(QRectF(page.left(), y, page.width(), _pt(13)),
                         Qt.AlignmentFlag.AlignLeft, line)
        y += _pt(13)
    y += _pt(8)

    sections = {title: (header, rows) for title, header, rows in report.sections()}
    half = (page.width() - _pt(16)) / 2
    left_x, right_x = page.left(), page.left() + half + _pt(16)

    def block(x: float, top: float, width: float, title: str, limit: int,
              widths: Sequence[float] | None = None) -> float:
        header, rows = sections[title]
        shown = shown_rows(report, title, header, rows[:limit])
        _section(painter, QRectF(x, top, width, 0), top, words(title))
        used = _table(painter, QRectF(x, top + _pt(18), width, 0), [words(h) for h in header],
                      shown, widths, empty="None")
        if len(rows) > limit:  # one page: say what was left out, the CSV has every row
            painter.setPen(MUTED)
            painter.setFont(_font(8))
            painter.drawText(QRectF(x, top + _pt(18) + used, width, _pt(12)),
                             Qt.AlignmentFlag.AlignLeft,
                             f"... and {len(rows) - limit} more (see the CSV)")
            used += _pt(12)
        return top + _pt(18) + used + _pt(12)

    # Left: tickets; right: tenders, refunds and the result.
    left_end = block(left_x, y, half, "Tickets", len(TICKET_LINES), (0.62, 0.38))
    _section(painter, QRectF(left_x, left_end, half, 0), left_end, words("Food and drink"))
    painter.setPen(MUTED)
    painter.setFont(_font(8.5))
    note = QRectF(left_x, left_end + _pt(18), half, _pt(24))
    painter.drawText(note, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                     report.totals.get("food_and_drink_note", ""))
    left_end += _pt(18) + _pt(24) + _pt(8)
    left_end = block(left_x, left_end, half, CHECKS_SECTION, 4,
                     (0.14, 0.17, 0.11, 0.19, 0.2, 0.19))
    right_end = block(right_x, y, half, "Tenders", 6, (0.4, 0.2, 0.2, 0.2))
    right_end = block(right_x, right_end, half, "Refunds", 6, (0.7, 0.3))
    right_end = block(right_x, right_end, half, "Result", 3, (0.62, 0.38))
    y = max(left_end, right_end)

    # Full width, in the room left above the footer: each table gets the rows that fit.
    device_widths = (0.3, 0.14, 0.14, 0.14, 0.14, 0.14)
    rest = [("Cashier variance", (0.14, 0.36, 0.1, 0.14, 0.13, 0.13)),
            ("By device", device_widths), ("By channel", device_widths),
            ("Shifts", (0.1, 0.08, 0.18, 0.08, 0.13, 0.1, 0.11, 0.11, 0.11)),
            ("Adjustments after the close", (0.5, 0.08, 0.22, 0.06, 0.14))]
    limits = fit_rows([len(sections[title][1]) for title, _w in rest],
                      (page.bottom() - _pt(34) - y) / _pt(1))
    for (title, widths), limit in zip(rest, limits, strict=True):
        y = block(page.left(), y, page.width(), title, limit, widths)

    painter.setPen(MUTED)
    painter.setFont(_font(8))
    painter.drawText(QRectF(page.left(), page.bottom() - _pt(26), page.width(), _pt(12)),
                     Qt.AlignmentFlag.AlignLeft,
                     "Net sales = gross - refunds - exchange credit. Totals frozen at the close; "
                     "corrections are the adjustments listed above.")
    painter.setPen(INK)
    painter.drawText(QRectF(page.left(), page.bottom() - _pt(12), page.width(), _pt(12)),
                     Qt.AlignmentFlag.AlignLeft,
                     "Manager signature: ______________________    Date: ____________")


__all__ = ["csv_text", "display_rows", "draw", "render_pdf", "save", "write_csv"]

"""The cash-up slip: a shift's report on the counter's thermal printer and as a PDF.

One list of lines (``slip_lines``) feeds both: ESC/POS bytes through the ticket printer's own
job builder (``kiosk.tickets.escpos_out``), and an A4 PDF painted like the other reports
(``kiosk.tickets.report_pdf``), so the paper in the drawer bag and the file a manager keeps say
the same thing. Labels are English, as on every printed document (a printer's fonts cannot draw
the kiosk's other languages); times are the cinema's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.domain.money import format_money
from kiosk.services.shift_report import ShiftReport

TENDER_NAMES = {"cash": "Cash", "card": "Card", "upi": "UPI", "voucher": "Gift card",
                "points": "Points"}
CHECK_NAMES = {"cash": "Cash in the drawer", "card": "Card terminal batch",
               "upi": "UPI settlement"}


@dataclass(frozen=True)
class SlipLine:
    """``style``: "title", "heading", "row" (label and amount), "bold" (a row in bold),
    "text" (a sentence), "rule"."""

    style: str
    left: str = ""
    right: str = ""


def _when(report: ShiftReport, moment: datetime) -> str:
    return f"{report.local(moment):%d %b %Y %H:%M}"


def _signed(amount: int, currency: str) -> str:
    """A variance in words as well as its sign: ``-₹10.00 short``, ``balanced``."""
    if amount == 0:
        return "balanced"
    return ("+" if amount > 0 else "") + format_money(amount, currency) + (
        " over" if amount > 0 else " short")


def slip_lines(report: ShiftReport, *, reprint: bool = False) -> list[SlipLine]:
    def money(minor: int) -> str:
        return format_money(minor, report.currency)

    lines = [SlipLine("title", "CASH-UP" + (" (REPRINT)" if reprint else "")
                      + ("" if report.closed else " - NOT CLOSED"))]
    if report.cinema_name:
        lines.append(SlipLine("text", report.cinema_name))
    lines += [
        SlipLine("row", "Shift", str(report.shift_id)),
        SlipLine("row", "Cashier", f"{report.staff_name} ({report.staff_number})"),
        SlipLine("row", "Kiosk", report.kiosk_id),
        SlipLine("row", "Opened", _when(report, report.opened_at)),
    ]
    if report.closed_at is not None:
        lines.append(SlipLine("row", "Closed", _when(report, report.closed_at)))
    lines += [SlipLine("row", "Ticket sales", str(report.sales)),
              SlipLine("row", "Food and drink sales", str(report.item_sales)),
              SlipLine("rule"), SlipLine("heading", "Taken by tender (net of refunds)")]
    for total in report.tenders:
        lines.append(SlipLine("row", TENDER_NAMES.get(total.kind, total.kind),
                              money(total.net_minor)))
    if not report.tenders:
        lines.append(SlipLine("text", "No sales on this shift."))
    if report.count is not None:
        lines += [SlipLine("rule"), SlipLine("heading", "Drawer count")]
        for line in report.count.lines:
            if line.pieces:
                kind = "coin" if line.denomination.kind == "coin" else "note"
                lines.append(SlipLine("row", f"{line.denomination.label(report.currency)} {kind}"
                                      f" x {line.pieces}", money(line.amount_minor)))
        lines.append(SlipLine("bold", "Counted", money(report.count.total_minor)))
    lines += [SlipLine("rule"), SlipLine("heading", "Checks"),
              SlipLine("row", "Float", money(report.float_minor))]
    for check in report.checks:
        name = CHECK_NAMES.get(check.kind, check.kind)
        lines += [SlipLine("row", f"{name}: expected", money(check.expected_minor)),
                  SlipLine("row", "counted" if check.kind == "cash" else "declared",
                           money(check.declared_minor)),
                  SlipLine("bold", "Variance" + (" - REVIEW" if report.flagged(check.kind)
                                                 else ""),
                           _signed(check.variance_minor, report.currency))]
    lines += [SlipLine("rule"), SlipLine("text", "Cashier signature: ________________"),
              SlipLine("text", "Manager signature: ________________")]
    return lines


def slip_bytes(report: ShiftReport, *, reprint: bool = False) -> bytes:
    """The slip as one ESC/POS job for the counter's 80 mm printer, cut at the end."""
    from kiosk.tickets.escpos_out import _Job

    job = _Job()
    for line in slip_lines(report, reprint=reprint):
        if line.style == "title":
            job.line(line.left, bold=True, tall=True, align="center")
        elif line.style == "heading":
            job.line(line.left, bold=True)
        elif line.style in ("row", "bold"):
            job.columns(line.left, line.right, bold=line.style == "bold")
        elif line.style == "rule":
            job.rule()
        else:
            if line.left.startswith("Cashier signature"):
                job.feed()  # room to sign
            job.line(line.left)
    job.feed(2)
    job.cut("FULL")
    return job.output()


def render_pdf(report: ShiftReport, path: Path | str, *, reprint: bool = False) -> Path:
    """The slip on an A4 page (two columns of lines when they would not fit one)."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QPen

    from kiosk.tickets.report_pdf import INK, MUTED, RULE, _font, _pt, a4_painter

    path = Path(path)
    with a4_painter(path, f"Cash-up shift {report.shift_id}", 15) as (painter, page, _):
        width = min(page.width(), _pt(330))
        x, y = page.left(), page.top()
        step = _pt(15)
        for line in slip_lines(report, reprint=reprint):
            if y + step > page.bottom():  # a very long count: the rest in a second column
                x, y = x + width + _pt(20), page.top() + _pt(30)
            rect = QRectF(x, y, width, step)
            left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            painter.setPen(INK)
            if line.style == "title":
                painter.setFont(_font(16, bold=True))
                painter.drawText(QRectF(x, y, width, _pt(24)), left, line.left)
                y += _pt(28)
                continue
            if line.style == "rule":
                painter.setPen(QPen(RULE, _pt(0.8)))
                painter.drawLine(QPointF(x, y + step / 2), QPointF(x + width, y + step / 2))
            elif line.style == "heading":
                painter.setFont(_font(11, bold=True))
                painter.drawText(rect, left, line.left)
            elif line.style == "text":
                painter.setPen(MUTED)
                painter.setFont(_font(9.5))
                painter.drawText(rect, left, line.left)
            else:
                painter.setFont(_font(9.5, bold=line.style == "bold"))
                painter.drawText(rect, left, line.left)
                painter.drawText(rect, right, line.right)
            y += step
    return path


def save(report: ShiftReport, out: Path | str, *, reprint: bool = False) -> Path:
    """Write the slip PDF through a temporary file in the same folder, then rename: a failed
    write raises OSError and leaves no half-written file."""
    from kiosk.tickets.report_pdf import save_pdf

    return save_pdf(Path(out), lambda tmp: render_pdf(report, tmp, reprint=reprint), ".cashup-")


__all__ = ["SlipLine", "render_pdf", "save", "slip_bytes", "slip_lines"]

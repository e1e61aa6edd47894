"""The one-page daily sales report as a PDF, drawn with QPainter onto a QPdfWriter.

Same approach as the tickets: one drawing routine over a page rectangle in device pixels, real
text (so the PDF is searchable and tests can read it back with QtPdf), and the chart drawn with
plain QPainter calls rather than grabbed from a widget, so it is sharp at any resolution and the
report renders without a window (the CLI and scheduled exports use it too).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QApplication

from kiosk.domain.money import format_money

DPI = 300
INK = QColor("#1b1f24")
MUTED = QColor("#59616d")
ACCENT = QColor("#1f5fbf")
RULE = QColor("#c9ced6")
TILE_KEYS = (
    ("tickets", "Tickets"),
    ("gross", "Gross sales"),
    ("tax", "Tax"),
    ("net_revenue", "Net revenue"),
    ("refunds", "Refunds"),
    ("average_ticket", "Average ticket"),
)


def _pt(points: float) -> float:
    """Points to device pixels at the writer's resolution."""
    return points * DPI / 72.0


def _font(size_pt: float, bold: bool = False) -> QFont:
    """The tickets' font families (Latin, Devanagari, Telugu), so film names print alike."""
    from kiosk.tickets.draw import FAMILIES

    font = QFont()
    font.setFamilies(list(FAMILIES))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setPixelSize(round(_pt(size_pt)))
    font.setBold(bold)
    return font


def ensure_gui_application() -> None:
    """Text on a QPainter needs a Qt application; the CLI may have none, or no display at all."""
    if QApplication.instance() is not None:
        return
    if not any(os.environ.get(v) for v in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    global _APPLICATION
    # A full QApplication, not a QGuiApplication: widgets (and pytest-qt) may come later in the
    # same process, and Qt allows one application object per process.
    _APPLICATION = QApplication(sys.argv[:1] or ["kiosk"])


_APPLICATION: QApplication | None = None


@contextmanager
def a4_painter(path: Path, title: str,
               margin_mm: float) -> Iterator[tuple[QPainter, QRectF, QPdfWriter]]:
    """A portrait A4 page at ``DPI`` to draw on: the painter, the page in device pixels and
    the writer (``writer.newPage()`` for another page).

    The daily report, the cash-up slip and the Z report share it; the PDF is complete when the
    block ends. Raises OSError when ``path`` cannot be written.
    """
    ensure_gui_application()
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm),
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("Box Office Kiosk")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        yield painter, QRectF(painter.viewport()), writer
    finally:
        painter.end()


def save_pdf(out: Path, render: Callable[[Path], object], prefix: str) -> Path:
    """Write a PDF with ``render(path)`` into a temporary file beside ``out``, then rename it: a
    failed write raises OSError and leaves no half-written file."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".pdf", dir=out.parent)
    os.close(fd)
    try:
        render(Path(tmp))
        if os.path.getsize(tmp) == 0:
            raise OSError("the PDF came out empty")
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def render_daily_report_pdf(report: Any, path: Path | str, *, occupancy: Any = None,
                            currency: str | None = None, cinema_name: str = "",
                            currencies: Sequence[str] | None = None,
                            cinemas: Mapping[str, Sequence[str]] | None = None) -> Path:
    """Write ``report`` (a ``SalesReport``) as an A4 PDF at ``path`` and return the path: one
    page per currency, each with its own figures (nothing is converted or added across
    currencies).

    ``occupancy`` (an ``OccupancyReport``) adds the busiest shows; ``currency`` asks for that
    currency's page only; ``currencies`` for these pages, in order (default: every currency
    the report has). ``cinemas``: the cinema names of each currency, named on its page and
    keeping its occupancy table to its own shows.
    """
    pages = [currency] if currency else list(currencies or report.currencies or ["INR"])
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with a4_painter(path, f"Daily sales {report.start}", 12) as (painter, page, writer):
        for number, cur in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            draw_daily_report(painter, page, report, occupancy=occupancy, currency=cur,
                              cinema_name=cinema_name,
                              cinemas=(cinemas or {}).get(cur),
                              part=(number, len(pages)))
    return path


def draw_daily_report(painter: QPainter, page: QRectF, report: Any, *, occupancy: Any = None,
                      currency: str | None = None, cinema_name: str = "",
                      cinemas: Sequence[str] | None = None,
                      part: tuple[int, int] = (1, 1)) -> None:
    """Draw one currency's page of the report into ``page`` (device pixels); shared by PDF
    and a real printer. ``part``: this page's number and how many currencies there are."""
    currency = currency or (report.currencies[0] if report.currencies else "INR")
    totals = report.total(currency)
    y = page.top()
    # Header.
    painter.setPen(INK)
    painter.setFont(_font(20, bold=True))
    painter.drawText(QRectF(page.left(), y, page.width(), _pt(28)), Qt.AlignmentFlag.AlignLeft,
                     ("Daily sales report" if report.start == report.end else "Sales report")
                     + (f" in {currency} ({part[0]} of {part[1]} currencies)"
                        if part[1] > 1 else ""))
    y += _pt(28)
    span = (f"{report.start:%A %d %B %Y}" if report.start == report.end
            else f"{report.start:%d %b %Y} to {report.end:%d %b %Y}")
    painter.setFont(_font(10))
    painter.setPen(MUTED)
    where = ", ".join(cinemas) if cinemas else (cinema_name or "All cinemas")
    painter.drawText(QRectF(page.left(), y, page.width(), _pt(14)), Qt.AlignmentFlag.AlignLeft,
                     f"{where}  |  {span}  |  amounts in {currency}, tax included in gross")
    y += _pt(14)
    painter.drawText(QRectF(page.left(), y, page.width(), _pt(14)), Qt.AlignmentFlag.AlignLeft,
                     f"Generated {report.generated_at:%d %b %Y %H:%M} UTC")
    y += _pt(20)

    # Tiles: 3 x 2 boxes.
    tile_w = (page.width() - 2 * _pt(8)) / 3
    tile_h = _pt(48)
    for i, (key, title) in enumerate(TILE_KEYS):
        col, row = i % 3, i // 3
        box = QRectF(page.left() + col * (tile_w + _pt(8)), y + row * (tile_h + _pt(8)), tile_w, tile_h)
        painter.setPen(QPen(RULE, _pt(0.8)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, _pt(4), _pt(4))
        painter.setPen(MUTED)
        painter.setFont(_font(9))
        painter.drawText(box.adjusted(_pt(8), _pt(6), -_pt(8), 0), Qt.AlignmentFlag.AlignLeft, title)
        value = int(totals.get(key, 0) or 0)
        text = f"{value:,}" if key == "tickets" else format_money(value, currency)
        painter.setPen(INK)
        painter.setFont(_font(16, bold=True))
        painter.drawText(box.adjusted(_pt(8), _pt(18), -_pt(8), 0), Qt.AlignmentFlag.AlignLeft, text)
    y += 2 * tile_h + _pt(8) + _pt(18)

    # Revenue by hour chart.
    hours = [r for r in report.by_hour.as_dicts() if r["currency"] == currency]
    chart_h = _pt(150)
    _section(painter, page, y, "Gross sales by hour (cinema local time)")
    y += _pt(26)
    _bar_chart(painter, QRectF(page.left(), y, page.width(), chart_h),
               [r["hour"][:2] for r in hours], [r["gross"] for r in hours], currency)
    y += chart_h + _pt(16)

    # Two tables side by side: films and payment methods / channels.
    half = (page.width() - _pt(16)) / 2
    films = sorted((r for r in report.by_film.as_dicts() if r["currency"] == currency),
                   key=lambda r: -r["gross"])[:8]
    left = QRectF(page.left(), y, half, 0)
    right = QRectF(page.left() + half + _pt(16), y, half, 0)
    _section(painter, left, y, "By film")
    _section(painter, right, y, "By payment method and channel")
    y += _pt(18)
    used_left = _table(painter, QRectF(left.left(), y, half, 0), ("Film", "Tickets", "Gross"),
                       [(r["film"], f"{r['tickets']:,}", format_money(r["gross"], currency)) for r in films])
    pay_rows = [(r["payment_method"], f"{r['tickets']:,}", format_money(r["gross"], currency))
                for r in report.by_payment.as_dicts() if r["currency"] == currency]
    pay_rows += [(f"channel: {r['channel']}", f"{r['tickets']:,}", format_money(r["gross"], currency))
                 for r in report.by_channel.as_dicts() if r["currency"] == currency]
    if report.by_tender is not None:  # issue 11: the money by tender, net of refunds
        pay_rows += [(f"tender: {r['tender']} (net)", "", format_money(r["net"], currency))
                     for r in report.by_tender.as_dicts() if r["currency"] == currency]
    if report.discounts is not None:  # issue 12: what each offer took off (gross is after it)
        pay_rows += [(f"offer: {r['offer']}", f"{r['tickets']:,}",
                      format_money(-r["discount"], currency))
                     for r in report.discounts.as_dicts() if r["currency"] == currency]
    used_right = _table(painter, QRectF(right.left(), y, half, 0), ("Payment", "Tickets", "Gross"),
                        pay_rows[:12])
    y += max(used_left, used_right) + _pt(16)
    y = _food_section(painter, page, y, report, currency, half)

    # Occupancy: the shows of the day, busiest first, as many as fit.
    if occupancy is not None and y < page.bottom() - _pt(60):
        _section(painter, page, y, "Occupancy by show")
        y += _pt(18)
        rows = sorted((r for r in occupancy.shows.as_dicts()
                       if not cinemas or r.get("cinema") in cinemas),
                      key=lambda r: -r["occupancy"])
        room = int((page.bottom() - y - _pt(24)) // _pt(14)) - 1
        _table(painter, QRectF(page.left(), y, page.width(), 0),
               ("Starts", "Film", "Hall", "Sold", "Occupancy"),
               [(r["starts"][11:] if report.start == report.end else r["starts"], r["film"], r["hall"],
                 f"{r['sold']:,} / {r['capacity']:,}", f"{r['occupancy']:.1f} %")
                for r in rows[:max(room, 0)]], widths=(0.14, 0.4, 0.2, 0.14, 0.12))

    painter.setPen(MUTED)
    painter.setFont(_font(8))
    pending = int(totals.get("pending_refunds", 0) or 0)
    foot = "Net revenue = gross - refunds - exchange credit - tax."
    if pending:
        foot += f"  Refunds awaiting approval: {format_money(pending, currency)} (not subtracted)."
    painter.drawText(QRectF(page.left(), page.bottom() - _pt(12), page.width(), _pt(12)),
                     Qt.AlignmentFlag.AlignLeft, foot)


def _food_section(painter: QPainter, page: QRectF, y: float, report, currency: str,
                  half: float) -> float:
    """Food and drink (issue 12 point 6): the totals with spend per head, by category beside
    the best-selling items. Returns where the page goes on."""
    totals = report.food_table("food_totals")
    row = next((r for r in totals.as_dicts() if r["currency"] == currency), None) if totals else None
    if row is None:
        return y
    _section(painter, page, y, "Food and drink")
    y += _pt(18)
    painter.setPen(INK)
    painter.setFont(_font(9))
    painter.drawText(
        QRectF(page.left(), y, page.width(), _pt(14)), Qt.AlignmentFlag.AlignLeft,
        f"{row['sales']:,} sale{'s' if row['sales'] != 1 else ''}, {row['items']:,} "
        f"item{'s' if row['items'] != 1 else ''}: gross "
        f"{format_money(row['gross'], currency)}, refunds {format_money(row['refunds'], currency)}, "
        f"net revenue {format_money(row['net_revenue'], currency)}; "
        f"{format_money(row['spend_per_head'], currency)} per admission "
        f"({row['admissions']:,} admissions)")
    y += _pt(18)
    categories = [(r["category"], f"{r['items']:,}", format_money(r["gross"], currency))
                  for r in report.food_table("food_by_category").as_dicts()
                  if r["currency"] == currency]
    items = [(r["item"], f"{r['items']:,}", format_money(r["gross"], currency))
             for r in report.food_table("food_by_item").as_dicts() if r["currency"] == currency]
    used_left = _table(painter, QRectF(page.left(), y, half, 0), ("Category", "Items", "Gross"),
                       categories[:6])
    used_right = _table(painter, QRectF(page.left() + half + _pt(16), y, half, 0),
                        ("Item", "Items", "Gross"), items[:6])
    return y + max(used_left, used_right) + _pt(16)


def _section(painter: QPainter, area: QRectF, y: float, title: str) -> None:
    painter.setPen(INK)
    painter.setFont(_font(11, bold=True))
    painter.drawText(QRectF(area.left(), y, area.width(), _pt(16)), Qt.AlignmentFlag.AlignLeft, title)


def _bar_chart(painter: QPainter, box: QRectF, labels: Sequence[str], values: Sequence[int],
               currency: str) -> None:
    axis_w = _pt(50)
    plot = box.adjusted(axis_w, 0, 0, -_pt(14))
    top = _nice_ceiling(max(values, default=0))
    painter.setPen(QPen(RULE, _pt(0.6)))
    painter.setFont(_font(7))
    for step in range(5):
        value = top * step / 4
        yy = plot.bottom() - plot.height() * step / 4
        painter.setPen(QPen(RULE, _pt(0.6)))
        painter.drawLine(plot.left(), yy, plot.right(), yy)
        painter.setPen(MUTED)
        painter.drawText(QRectF(box.left(), yy - _pt(5), axis_w - _pt(4), _pt(10)),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         format_money(int(value), currency).split(".")[0])
    if not labels:
        return
    slot = plot.width() / len(labels)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ACCENT)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        h = plot.height() * (value / top)
        bar = QRectF(plot.left() + i * slot + slot * 0.15, plot.bottom() - h, slot * 0.7, h)
        if value:
            painter.drawRect(bar)
        painter.setPen(MUTED)
        painter.drawText(QRectF(plot.left() + i * slot, plot.bottom() + _pt(2), slot, _pt(10)),
                         Qt.AlignmentFlag.AlignHCenter, label)
        painter.setPen(Qt.PenStyle.NoPen)


def _nice_ceiling(value: int) -> int:
    """The smallest 1, 2, 2.5 or 5 x 10^k (in major units) at or above ``value`` minor units."""
    if value <= 0:
        return 100
    scale = 100  # one major unit
    while True:
        for m in (1, 2, 2.5, 5):
            if value <= m * scale:
                return int(m * scale)
        scale *= 10


def _table(painter: QPainter, box: QRectF, header: Sequence[str], rows: Sequence[Sequence[str]],
           widths: Sequence[float] | None = None, empty: str = "No sales") -> float:
    """Draw a small table; returns the height used. Numbers (all but column 0) align right."""
    widths = widths or [0.56] + [0.44 / (len(header) - 1)] * (len(header) - 1)
    line = _pt(14)
    y = box.top()

    def draw_row(cells: Sequence[str], bold: bool) -> None:
        x = box.left()
        painter.setFont(_font(8.5, bold=bold))
        for i, (cell, frac) in enumerate(zip(cells, widths, strict=True)):
            w = box.width() * frac
            align = Qt.AlignmentFlag.AlignLeft if i == 0 or (i < 3 and len(cells) > 3) else Qt.AlignmentFlag.AlignRight
            rect = QRectF(x, y, w - _pt(4), line)
            text = painter.fontMetrics().elidedText(str(cell), Qt.TextElideMode.ElideRight, int(rect.width()))
            painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)
            x += w

    painter.setPen(INK)
    draw_row(header, True)
    y += line
    painter.setPen(QPen(RULE, _pt(0.6)))
    painter.drawLine(box.left(), y, box.right(), y)
    painter.setPen(INK)
    if not rows:
        painter.setPen(MUTED)
        draw_row([empty] + [""] * (len(header) - 1), False)
        return 2 * line
    for row in rows:
        draw_row(row, False)
        y += line
    return y - box.top()

"""How one seat looks, shared by the map, the legend and the per-item reference strategy.

Three levels of detail, chosen from the on-screen cell size:

Every colour, body shape and mark comes from ``kiosk.ui.seatmap.palette`` (one definition for
the map, its legend and the hall editor).

* ``detailed`` (cell >= 18 px): rounded body per seat type, the status mark, seat number or
  type glyph. Shapes carry the meaning, colour only reinforces it:
  sold = X, held elsewhere = diagonal hatch + clock hands, selected = check mark,
  blocked = bar, allocated to this kiosk = dashed outline + corner dot,
  premium = top band, recliner = wider and rounder, wheelchair = ♿, companion = C.
* ``batched`` (cell 7-18 px): one ``drawRects`` / ``drawLines`` call per style group; the same
  marks as plain lines (X, check, bar), hatch as a pattern brush.
* ``tiny`` (< 7 px): fills only, one call per colour: nobody can tap a 6 px seat anyway, the
  user zooms in first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPolygonF

from kiosk.services.models import SeatStatus
from kiosk.ui.seatmap.palette import NORMAL, SHAPES, Mark, SeatPalette

DETAIL_MIN_PX = 18.0
BATCH_MIN_PX = 7.0
_SYMBOL_FONT = "DejaVu Sans"


def body_rect(cell: QRectF, seat_type: str, palette: SeatPalette = NORMAL) -> QRectF:
    shape = palette.shape(seat_type)
    w, h = cell.width(), cell.height()
    return QRectF(cell.x() + shape.inset_x * w, cell.y() + shape.inset_y * h,
                  w * (1 - 2 * shape.inset_x), h * (1 - 2 * shape.inset_y))


def _font(px: float, bold: bool = True) -> QFont:
    return _cached_font(max(1, round(px)), bold)


@lru_cache(maxsize=64)
def _cached_font(px: int, bold: bool) -> QFont:
    """Fonts are reused across thousands of seats per paint; never mutate the result."""
    font = QFont(_SYMBOL_FONT)
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def _pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width, style)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def paint_seat(painter: QPainter, cell: QRectF, seat_type: str, status: SeatStatus,
               palette: SeatPalette, number: int | None = None) -> None:
    """Draw one seat in full detail inside ``cell`` (its touch cell, square): the type's body
    shape, band and glyph, the state's fill and mark, all from the palette."""
    size = cell.width()
    shape = palette.shape(seat_type)
    state = palette.states[status]
    body = body_rect(cell, seat_type, palette)
    radius = shape.radius * size
    outline_w = palette.outline_width * size / 52.0
    if state.mark is Mark.DASHED_DOT:
        pen = _pen(palette.edge(seat_type, status), outline_w * 1.3, Qt.PenStyle.DashLine)
    else:
        pen = _pen(palette.edge(seat_type, status), outline_w)
    painter.setPen(pen)
    painter.setBrush(palette.fill(seat_type, status))
    painter.drawRoundedRect(body, radius, radius)
    mark = state.ink
    if state.mark is Mark.HATCH_CLOCK:
        painter.setPen(Qt.PenStyle.NoPen)
        hatch = QBrush(mark, Qt.BrushStyle.BDiagPattern)
        hatch.setTransform(painter.worldTransform().inverted()[0])  # hatch in device pixels
        painter.setBrush(hatch)
        painter.drawRoundedRect(body, radius, radius)
    if shape.band and state.mark is not Mark.CHECK:
        bar = QRectF(body.x(), body.y(), body.width(), body.height() * 0.2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.type_style(seat_type).accent)
        painter.drawRoundedRect(bar, radius * 0.6, radius * 0.6)
    w = body.width()
    h = body.height()
    x0, y0 = body.x(), body.y()
    stroke = size * 0.085
    if state.mark is Mark.CROSS:
        painter.setPen(_pen(mark, stroke))
        m = 0.27
        painter.drawLine(QLineF(x0 + m * w, y0 + m * h, x0 + (1 - m) * w, y0 + (1 - m) * h))
        painter.drawLine(QLineF(x0 + (1 - m) * w, y0 + m * h, x0 + m * w, y0 + (1 - m) * h))
    elif state.mark is Mark.CHECK:
        painter.setPen(_pen(mark, stroke * 1.1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(QPolygonF([QPointF(x0 + 0.24 * w, y0 + 0.52 * h),
                                        QPointF(x0 + 0.43 * w, y0 + 0.72 * h),
                                        QPointF(x0 + 0.78 * w, y0 + 0.30 * h)]))
    elif state.mark is Mark.HATCH_CLOCK:
        # clock face: a disc with two hands, on top of the hatch
        r = min(w, h) * 0.26
        centre = QPointF(x0 + w / 2, y0 + h / 2 + (0.06 * h if shape.band else 0))
        painter.setPen(_pen(mark, stroke * 0.7))
        painter.setBrush(palette.fill(seat_type, status))
        painter.drawEllipse(centre, r, r)
        painter.drawLine(QLineF(centre, QPointF(centre.x(), centre.y() - r * 0.7)))
        painter.drawLine(QLineF(centre, QPointF(centre.x() + r * 0.55, centre.y())))
    elif state.mark is Mark.BAR:
        painter.setPen(_pen(mark, stroke * 1.2))
        painter.drawLine(QLineF(x0 + 0.25 * w, y0 + 0.5 * h, x0 + 0.75 * w, y0 + 0.5 * h))
    else:  # free, or free and reserved here: show what the seat is
        text = seat_label(seat_type, status, number)
        if text:
            paint_label(painter, cell, seat_type, text, palette)
        if state.mark is Mark.DASHED_DOT:
            r = size * 0.07
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mark)
            painter.drawEllipse(QPointF(x0 + w - r * 1.8, y0 + h - r * 1.8), r, r)


def seat_label(seat_type: str, status: SeatStatus, number: int | None) -> str | None:
    """The glyph (wheelchair, companion) or seat number a free seat shows; None otherwise."""
    if status not in (SeatStatus.FREE, SeatStatus.ALLOCATED_HERE):
        return None
    glyph = SHAPES.get(seat_type, SHAPES["standard"]).glyph
    if glyph:
        return glyph
    return None if number is None else str(number)


def has_glyph(seat_type: str) -> bool:
    return bool(SHAPES.get(seat_type, SHAPES["standard"]).glyph)


def paint_label(painter: QPainter, cell: QRectF, seat_type: str, text: str,
                palette: SeatPalette) -> None:
    """Seat number or type glyph, centred in the seat body (below a premium seat's band)."""
    size = cell.width()
    shape = palette.shape(seat_type)
    glyph = bool(shape.glyph) and text == shape.glyph
    px = size * (0.50 if seat_type == "wheelchair" else 0.40 if glyph else 0.34)
    if len(text) >= 3:
        px *= 0.8
    body = body_rect(cell, seat_type, palette)
    if shape.band:
        body.setTop(body.y() + body.height() * 0.18)
    painter.setPen(palette.glyph)
    painter.setFont(_font(px, bold=True))
    painter.drawText(body, Qt.AlignmentFlag.AlignCenter, text)


def paint_batched(painter: QPainter, seats: Sequence[int], xs: Sequence[float],
                  ys: Sequence[float], types: Sequence[str], statuses: Sequence[SeatStatus],
                  size: float, palette: SeatPalette, with_marks: bool) -> None:
    """Draw many seats with one call per style group.

    ``seats`` are indices into the parallel per-seat lists (cell x, cell y, type, status).
    """
    groups: dict[tuple[str, SeatStatus], list[QRectF]] = defaultdict(list)
    ins = 0.12 * size
    w = size - 2 * ins
    for i in seats:
        groups[(types[i], statuses[i])].append(QRectF(xs[i] + ins, ys[i] + ins, w, w))
    by_style: dict[tuple[int, int], tuple[QColor, QColor, list[QRectF]]] = {}
    for (seat_type, status), rects in groups.items():
        fill = palette.fill(seat_type, status)
        edge = palette.edge(seat_type, status)
        if not with_marks and fill == palette.background:
            fill = edge  # no outline at this size: a black seat on black would vanish
        entry = by_style.setdefault((fill.rgba(), edge.rgba()), (fill, edge, []))
        entry[2].extend(rects)
    pen_width = max(0.5, size * 0.04)
    if not with_marks:
        painter.setPen(Qt.PenStyle.NoPen)
    for fill, edge, rects in by_style.values():
        if with_marks:
            painter.setPen(QPen(edge, pen_width))
        painter.setBrush(fill)
        painter.drawRects(rects)
    if not with_marks:
        return
    lines: dict[SeatStatus, list[QLineF]] = defaultdict(list)
    bands: dict[int, tuple[QColor, list[QRectF]]] = {}
    for (seat_type, status), rects in groups.items():
        mark = palette.states[status].mark
        if mark is Mark.HATCH_CLOCK:
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            hatch = QBrush(palette.mark(status), Qt.BrushStyle.BDiagPattern)
            hatch.setTransform(painter.worldTransform().inverted()[0])
            painter.setBrush(hatch)
            painter.drawRects(rects)
            painter.restore()
        elif mark is Mark.CROSS:
            segs = lines[status]
            for r in rects:
                x, y = r.x(), r.y()
                segs.append(QLineF(x + 0.2 * w, y + 0.2 * w, x + 0.8 * w, y + 0.8 * w))
                segs.append(QLineF(x + 0.8 * w, y + 0.2 * w, x + 0.2 * w, y + 0.8 * w))
        elif mark is Mark.CHECK:
            segs = lines[status]
            for r in rects:
                x, y = r.x(), r.y()
                segs.append(QLineF(x + 0.2 * w, y + 0.5 * w, x + 0.42 * w, y + 0.74 * w))
                segs.append(QLineF(x + 0.42 * w, y + 0.74 * w, x + 0.82 * w, y + 0.26 * w))
        elif mark is Mark.BAR:
            segs = lines[status]
            for r in rects:
                x, y = r.x(), r.y()
                segs.append(QLineF(x + 0.2 * w, y + 0.5 * w, x + 0.8 * w, y + 0.5 * w))
        elif palette.shape(seat_type).band:
            accent = palette.type_style(seat_type).accent
            entry = bands.setdefault(accent.rgba(), (accent, []))
            entry[1].extend(QRectF(r.x(), r.y(), w, w * 0.25) for r in rects)
    painter.setPen(Qt.PenStyle.NoPen)
    for accent, rects in bands.values():
        painter.setBrush(accent)
        painter.drawRects(rects)
    for status, segs in lines.items():
        painter.setPen(QPen(palette.mark(status), max(1.0, size * 0.1)))
        painter.drawLines(segs)


def paint_focus(painter: QPainter, cell: QRectF, palette: SeatPalette, lod: float = 1.0) -> None:
    """The keyboard focus cursor: a ring around the whole cell, at least 3 device px thick."""
    width = max(cell.width() * 0.08, 3.0 / max(lod, 1e-3))
    pen = QPen(palette.focus, width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = width / 2
    painter.drawRoundedRect(cell.adjusted(half, half, -half, -half), cell.width() * 0.18,
                            cell.width() * 0.18)


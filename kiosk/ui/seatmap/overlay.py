"""``SectionOverlay``: the blocks of a big hall drawn over its seats, each a tap target.

Shown only while the seats are drawn below touch size (the hall fitted whole): each block is
outlined and labelled with its rows and how many seats in it are free, so a customer taps a block
rather than a 15 px seat. The blocks come from ``kiosk.ui.seatmap.sections`` (Qt-free).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.services.models import SeatStatus
from kiosk.ui.seatmap.geometry import PITCH, SeatGeometry
from kiosk.ui.seatmap.palette import NORMAL, SeatPalette
from kiosk.ui.seatmap.sections import Section

TAKEABLE = frozenset({SeatStatus.FREE, SeatStatus.ALLOCATED_HERE})
LABEL_PX = 18  # on-screen size of a block's label at most, whatever the zoom
MIN_LABEL_PX = 10  # smaller than this, a block is outlined only
ROUNDED_MAX_BLOCKS = 48  # more blocks (an arena) are outlined as plain rectangles, in one call


class SectionOverlay(QGraphicsItem):
    """Block outlines and labels over the ``SeatLayer``; paints nothing when hidden."""

    def __init__(self, geometry: SeatGeometry, statuses: list[SeatStatus]):
        super().__init__()
        self.geo = geometry
        self.statuses = statuses  # the layer's own list: free counts follow every change
        self.palette: SeatPalette = NORMAL
        self.sections: list[Section] = []
        self.rows_text = "%1"  # translated by the view: "Rows %1"
        self.free_text = "%1"  # "%1 free"
        self._rects: list[QRectF] = []
        self._indices: list[list[int]] = []
        self._free: list[int] | None = None  # per block, counted once per status change
        self._box = QRectF()
        self.setZValue(1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        # drawn once per zoom and per change of the free counts, then blitted: a seat repainted
        # under the blocks does not redraw every block
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_sections(self, sections: Sequence[Section]) -> None:
        self.prepareGeometryChange()
        self.sections = list(sections)
        geo = self.geo
        self._rects = [QRectF(s.first_col * PITCH, geo.row_y(s.first_row),
                              s.col_span * PITCH, (s.last_row - s.first_row + 1) * PITCH)
                       for s in self.sections]
        self._indices = [geo.seats_in_block(s.first_row, s.last_row, s.first_col, s.last_col)
                         for s in self.sections]
        self._free = None
        self._box = QRectF()
        if self._rects:
            left = min(r.left() for r in self._rects)
            top = min(r.top() for r in self._rects)
            right = max(r.right() for r in self._rects)
            bottom = max(r.bottom() for r in self._rects)
            self._box = QRectF(left - 8, top - 8, right - left + 16, bottom - top + 16)
        self.update()

    def statuses_changed(self) -> None:
        """Free counts are stale: recount at the next paint (only if the blocks show)."""
        self._free = None
        if self.isVisible():
            self.update()

    def section_rect(self, n: int) -> QRectF:
        return QRectF(self._rects[n])

    def section_at(self, x: float, y: float) -> int | None:
        """The block whose rectangle (widened by half the aisle) holds the scene point."""
        best: tuple[float, int] | None = None
        for n, rect in enumerate(self._rects):
            grown = rect.adjusted(-PITCH, -PITCH, PITCH, PITCH)
            if grown.contains(x, y):
                centre = rect.center()
                distance = (centre.x() - x) ** 2 + (centre.y() - y) ** 2
                inside = rect.contains(x, y)
                key = (0.0 if inside else 1.0) * 1e12 + distance
                if best is None or key < best[0]:
                    best = (key, n)
        return None if best is None else best[1]

    def free_count(self, n: int) -> int:
        if self._free is None:
            # counted for all blocks at once (C-speed: a tuple of each block's statuses and
            # two counts), then reused by every repaint until a seat changes
            statuses = self.statuses
            free = []
            for indices in self._indices:
                mine = tuple(map(statuses.__getitem__, indices))
                free.append(sum(mine.count(status) for status in TAKEABLE))
            self._free = free
        return self._free[n]

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        return QRectF(self._box)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        lod = max(lod, 1e-3)
        palette = self.palette
        dark = palette.background.lightness() < 128
        edge = QColor(palette.focus) if not dark else QColor("#ffffff")
        veil = QColor(palette.background)
        veil.setAlpha(210)
        # an arena has hundreds of blocks: anti-aliased rounded outlines cost ~1 ms each on a
        # loaded kiosk, plain rectangles drawn in one call a few ms for all
        rounded = len(self._rects) <= ROUNDED_MAX_BLOCKS
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, rounded)
        exposed = option.exposedRect.adjusted(-PITCH, -PITCH, PITCH, PITCH)
        font = QFont()
        font.setBold(True)
        outlines: list[QRectF] = []
        labels: list[tuple[QRectF, QRectF, str, int]] = []
        for n, rect in enumerate(self._rects):
            if not rect.intersects(exposed):
                continue
            # drawn inside the block: neighbouring blocks (no aisle between) stay apart
            outline = rect.adjusted(3 / lod, 3 / lod, -3 / lod, -3 / lod)
            outlines.append(outline)
            # the label shrinks with the block on screen (two lines of ~8 characters), and
            # drops the word "Rows" when even that does not fit
            on_screen_w, on_screen_h = rect.width() * lod, rect.height() * lod
            px = min(LABEL_PX, on_screen_h / 3.2, on_screen_w / 5.5)
            if px < MIN_LABEL_PX:
                continue
            rows = self.sections[n].rows_text
            free = self.free_text.replace("%1", str(self.free_count(n)))
            font.setPixelSize(max(1, round(px / lod)))
            painter.setFont(font)
            metrics = painter.fontMetrics()
            text = self.rows_text.replace("%1", rows)
            if metrics.horizontalAdvance(text) > rect.width() * 0.85:
                text = rows
            if max(metrics.horizontalAdvance(text), metrics.horizontalAdvance(free)) \
                    > rect.width() * 0.85:
                continue
            text = text + "\n" + free
            box = metrics.boundingRect(rect.toRect(), int(Qt.AlignmentFlag.AlignCenter), text)
            plate = QRectF(box).adjusted(-8 / lod, -4 / lod, 8 / lod, 4 / lod)
            plate = plate.intersected(outline.adjusted(3 / lod, 3 / lod, -3 / lod, -3 / lod))
            labels.append((rect, plate, text, font.pixelSize()))
        painter.setPen(QPen(edge, 3 / lod))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if rounded:
            for outline in outlines:
                painter.drawRoundedRect(outline, 10 / lod, 10 / lod)
        else:
            painter.drawRects(outlines)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(veil)
        if rounded:
            for _rect, plate, _text, _px in labels:
                painter.drawRoundedRect(plate, 8 / lod, 8 / lod)
        else:
            painter.drawRects([plate for _rect, plate, _text, _px in labels])
        painter.setPen(palette.row_label)
        for rect, _plate, text, px in labels:
            font.setPixelSize(px)
            painter.setFont(font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


__all__ = ["SectionOverlay"]

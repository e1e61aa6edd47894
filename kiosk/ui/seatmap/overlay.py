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
        self.setZValue(1)

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
            # counted for all blocks at once, then reused by every repaint until a seat changes
            takeable = [status in TAKEABLE for status in self.statuses]
            self._free = [sum(map(takeable.__getitem__, indices)) for indices in self._indices]
        return self._free[n]

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        if not self._rects:
            return QRectF()
        box = QRectF(self._rects[0])
        for rect in self._rects[1:]:
            box = box.united(rect)
        return box.adjusted(-8, -8, 8, 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        lod = max(lod, 1e-3)
        palette = self.palette
        dark = palette.background.lightness() < 128
        edge = QColor(palette.focus) if not dark else QColor("#ffffff")
        veil = QColor(palette.background)
        veil.setAlpha(210)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        font = QFont()
        font.setBold(True)
        for n, rect in enumerate(self._rects):
            # drawn inside the block: neighbouring blocks (no aisle between) stay apart
            outline = rect.adjusted(3 / lod, 3 / lod, -3 / lod, -3 / lod)
            painter.setPen(QPen(edge, 3 / lod))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(outline, 10 / lod, 10 / lod)
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
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(veil)
            painter.drawRoundedRect(plate, 8 / lod, 8 / lod)
            painter.setPen(palette.row_label)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


__all__ = ["SectionOverlay"]

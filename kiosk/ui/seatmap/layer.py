"""The whole hall as ONE graphics item that paints only what is exposed.

Chosen over one ``QGraphicsItem`` per seat by measurement (see ``kiosk.ui.seatmap`` docstring
for the figures): a Python-subclassed item per seat costs a Python ``paint`` call per visible seat
and a Python object per seat at build time; this item costs one ``paint`` call per exposed
region, finds the seats in it through the grid index, and batches small seats into a few
``drawRects`` calls; zoomed in, it blits per-zoom seat sprites. A status change invalidates
just that seat's cell. ``paint`` never lets an exception escape: one escaping a Qt virtual
aborts the process under PySide6 6.12, so it is logged instead.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.services.models import SeatStatus
from kiosk.ui.seatmap.geometry import PITCH, SCREEN_TOP, SeatGeometry
from kiosk.ui.seatmap.painting import (
    BATCH_MIN_PX,
    DETAIL_MIN_PX,
    has_glyph,
    paint_batched,
    paint_focus,
    paint_label,
    paint_seat,
)
from kiosk.ui.seatmap.palette import NORMAL, SeatPalette

log = logging.getLogger(__name__)
LABELLED = frozenset({SeatStatus.FREE, SeatStatus.ALLOCATED_HERE})
SCALE_ONLY = QTransform.TransformationType.TxScale.value  # no rotation or shear: sprites fit


class SeatLayer(QGraphicsItem):
    """Seats, row letters on both sides and the screen bar, painted from flat per-seat lists."""

    def __init__(self, geometry: SeatGeometry, screen_text: str = "SCREEN"):
        super().__init__()
        self.geo = geometry
        self.statuses: list[SeatStatus] = [SeatStatus.FREE] * len(geometry)
        self.palette: SeatPalette = NORMAL
        self.focus_index: int | None = None
        self.screen_text = screen_text
        self.use_sprites = True  # False: draw every seat as vectors (printing, comparisons)
        self._sprites: dict[tuple, QPixmap] = {}
        self._sprite_size: tuple | None = None
        self.paint_count = 0  # paint() calls, for tests and the bench
        self.last_painted = 0  # seats visited by the last paint() call
        x, y, w, h = geometry.scene_bounds()
        self._bounds = QRectF(x, y, w, h)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    # --- QGraphicsItem --------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        return self._bounds

    def cell_rect(self, i: int) -> QRectF:
        cell = self.geo.cell(i)
        return QRectF(cell.x, cell.y, PITCH, PITCH)

    def invalidate_seat(self, i: int) -> None:
        self.update(self.cell_rect(i).adjusted(-3, -3, 3, 3))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self.paint_count += 1
        try:
            self._paint(painter, option, widget)
        except Exception:  # an exception escaping into Qt would abort the whole kiosk
            log.exception("seat map paint failed; the map may be incomplete until the next repaint")

    def _paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
               widget: QWidget | None) -> None:
        exposed = option.exposedRect
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        cell_px = PITCH * lod
        self._paint_frame(painter, exposed, lod)
        seats = self.geo.seats_in_rect(exposed.left(), exposed.top(), exposed.right(), exposed.bottom())
        self.last_painted = len(seats)
        geo, statuses = self.geo, self.statuses
        cols, rows, types = geo.cols_of, geo.rows_of, geo.types
        if cell_px >= DETAIL_MIN_PX:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            transform = painter.worldTransform()
            if self.use_sprites and transform.type().value <= SCALE_ONLY:
                dpr = widget.devicePixelRatioF() if widget is not None else 1.0
                self._paint_sprites(painter, seats, transform, dpr)
            else:
                numbers = geo.numbers
                for i in seats:
                    paint_seat(painter, QRectF(geo.col_x(cols[i]), geo.row_y(rows[i]), PITCH, PITCH),
                               types[i], statuses[i], self.palette, numbers[i])
        else:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            paint_batched(painter, seats, geo.xs, geo.ys, types, statuses, PITCH, self.palette,
                          with_marks=cell_px >= BATCH_MIN_PX)
        if self.focus_index is not None and cell_px >= BATCH_MIN_PX * 0.5:
            rect = self.cell_rect(self.focus_index)
            if rect.intersects(exposed):
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                paint_focus(painter, rect, self.palette, lod)

    def _sprite(self, seat_type: str, status: SeatStatus, size: int, dpr: float) -> QPixmap:
        """A seat body with its marks (no number) pre-rendered at device resolution."""
        key = (seat_type, status, self.palette.name, size, dpr)
        sprite = self._sprites.get(key)
        if sprite is None:
            if self._sprite_size != (size, dpr, self.palette.name):
                self._sprites.clear()  # zoom or theme changed: old sizes are never reused
                self._sprite_size = (size, dpr, self.palette.name)
            sprite = QPixmap(max(1, round(size * dpr)), max(1, round(size * dpr)))
            sprite.setDevicePixelRatio(dpr)
            sprite.fill(Qt.GlobalColor.transparent)
            p = QPainter(sprite)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            paint_seat(p, QRectF(0, 0, size, size), seat_type, status, self.palette, None)
            p.end()
            self._sprites[key] = sprite
        return sprite

    def _paint_sprites(self, painter: QPainter, seats: list[int], transform: QTransform,
                       dpr: float) -> None:
        """Blit cached seat sprites at whole device pixels, then draw the numbers as text.

        Anti-aliased rounded shapes are the costly part of a seat; drawing them once per
        (type, status) per zoom level and blitting makes mid-zoom repaints several times faster.
        """
        geo, statuses = self.geo, self.statuses
        scale = transform.m11()
        dx, dy = transform.dx(), transform.dy()
        size = max(1, round(PITCH * scale))
        painter.save()
        try:
            painter.resetTransform()
            labels = []
            for i in seats:
                x = round(dx + geo.xs[i] * scale)
                y = round(dy + geo.ys[i] * scale)
                seat_type, status = geo.types[i], statuses[i]
                painter.drawPixmap(x, y, self._sprite(seat_type, status, size, dpr))
                if not has_glyph(seat_type) and status in LABELLED:
                    labels.append((x, y, seat_type, str(geo.numbers[i])))
            for x, y, seat_type, text in labels:
                paint_label(painter, QRectF(x, y, size, size), seat_type, text, self.palette)
        finally:
            painter.restore()

    def _paint_frame(self, painter: QPainter, exposed: QRectF, lod: float) -> None:
        """Screen bar at the front and the row letters on both sides."""
        geo = self.geo
        screen = QRectF(0, SCREEN_TOP, geo.width * PITCH, geo.screen_height)
        readable = PITCH * lod >= 9
        if screen.intersects(exposed):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.palette.screen_fill)
            radius = geo.screen_height * 0.3
            painter.drawRoundedRect(screen, radius, radius)
            painter.setPen(self.palette.screen_text)
            font = QFont()
            font.setPixelSize(max(1, int(geo.screen_height * 0.62)))
            font.setBold(True)
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, geo.screen_height * 0.2)
            painter.setFont(font)
            painter.drawText(screen, Qt.AlignmentFlag.AlignCenter, self.screen_text)
        if not readable:
            return
        font = QFont()
        font.setPixelSize(int(PITCH * 0.42))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QPen(self.palette.row_label))
        left_x = -PITCH
        right_x = geo.width * PITCH
        for row in geo.row_range(exposed.top(), exposed.bottom()):
            label = geo.row_labels[row]
            if not label or not geo.row_cols[row]:
                continue
            y = geo.row_y(row)
            for x in (left_x, right_x):
                rect = QRectF(x, y, PITCH, PITCH)
                if rect.intersects(exposed):
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

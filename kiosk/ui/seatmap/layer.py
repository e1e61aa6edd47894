"""The whole hall as ONE graphics item that paints only what is exposed.

Chosen over one ``QGraphicsItem`` per seat by measurement (see ``kiosk.ui.seatmap`` docstring
for the figures): a Python-subclassed item per seat costs a Python ``paint`` call per visible seat
and a Python object per seat at build time. This item does no per-seat Python work on a full
repaint, at any zoom, so a 100,000-seat arena pans at 60 frames a second:

* seats below ``BATCH_MIN_PX`` (a fitted big hall) are one pixel each of a *status image*
  (one pixel per cell, built a run of seats at a time), drawn scaled in one call with the gaps
  between seats ruled over it; a status change sets one pixel;
* bigger seats are drawn once into 128 px *tiles* per zoom level (through the grid index:
  batched ``drawRects`` / ``drawLines``, or blitted per-zoom sprites when zoomed in) and a
  repaint blits the tiles. A status change redraws that seat's cell inside the cached tiles it
  touches. After a zoom step the missing tiles are drawn within a time budget per frame; the
  rest show the status image for a frame or two and are refined from the event loop (with
  up to ``PROGRESSIVE_MIN_SEATS`` seats in view, zoomed in or a small hall, all at once);
  when the event loop is idle the ring of tiles just outside the view is drawn too, so a pan
  mostly finds its next tiles ready.

``paint`` never lets an exception escape: one escaping a Qt virtual aborts the process under
PySide6 6.12, so it is logged instead.
"""

from __future__ import annotations

import logging
import math
import time

from PySide6.QtCore import QLineF, QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QImage, QPainter, QPen, QPixmap, QTransform
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
TILE_PX = 128  # device pixels a side, batched seats: one tile renders in a few ms
DETAIL_TILE_PX = 256  # detailed seats: fewer, larger tiles (fewer blits per frame)
PROGRESSIVE_MIN_SEATS = 800  # more seats in view are tiled progressively after a zoom step
TILE_BUDGET_MS = 6.0  # tiles drawn per frame after a zoom step; the rest come next frames
MAX_TILE_BYTES = 24 << 20  # tile cache bound; a 1280x800 view needs ~4 MB of tiles
GAP_MIN_PX = 3.0  # status image: rule the gaps between seats from this cell size on
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
        self.use_tiles = True  # False: paint seats straight into the view (comparisons)
        self._sprites: dict[tuple, QPixmap] = {}
        self._sprite_size: tuple | None = None
        self._image: QImage | None = None  # one pixel per cell, see _status_image
        self._image_palette = ""
        self._image_rgb: dict[tuple[str, SeatStatus], int] = {}
        self._tiles: dict[tuple[int, int], QPixmap] = {}
        self._gap_key: tuple[int, int, int, int] | None = None
        self._gap_lines: list[QLineF] = []
        self._tile_key: tuple | None = None  # (scale, palette, dpr, sprites) the tiles are for
        self._refine_queued = False
        self._prefetch_queued = False
        self._ring: list[tuple[int, int]] = []
        self._ring_for: tuple = (None, 1.0, 1.0, TILE_PX)
        self.tiles_pending = 0  # tiles the last paint left to the status image (bench, tests)
        self.tiles_rendered = 0
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
        """Repaint seat ``i``'s cell from the caches (focus ring moved)."""
        self.update(self.cell_rect(i).adjusted(-3, -3, 3, 3))

    def seat_changed(self, i: int) -> None:
        """Seat ``i``'s status changed: one pixel of the status image, its cell in the cached
        tiles, then a repaint of that cell only."""
        geo = self.geo
        if self._image is not None:
            self._image.setPixel(geo.cols_of[i], geo.rows_of[i],
                                 self._image_rgb[(geo.types[i], self.statuses[i])])
        if self._tiles and self._tile_key is not None:
            self._patch_tiles(self.cell_rect(i).adjusted(-3, -3, 3, 3))
        self.invalidate_seat(i)

    def statuses_reset(self) -> None:
        """Many seats changed at once: drop the caches and repaint the whole hall."""
        self._image = None
        self._tiles.clear()
        self.update()

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
        transform = painter.worldTransform()
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(transform)
        cell_px = PITCH * lod
        geo = self.geo
        self.last_painted = geo.count_in_rect(exposed.left(), exposed.top(), exposed.right(),
                                              exposed.bottom())
        self.tiles_pending = 0
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        if cell_px < BATCH_MIN_PX:
            self._paint_image(painter, exposed, cell_px)
            self._paint_frame(painter, exposed, lod)
        elif self.use_tiles and transform.type().value <= SCALE_ONLY:
            self._paint_tiles(painter, exposed, transform, dpr)  # frame included
        else:
            self._paint_seats(painter, exposed, lod, dpr)
            self._paint_frame(painter, exposed, lod)
        if self.focus_index is not None and cell_px >= BATCH_MIN_PX * 0.5:
            rect = self.cell_rect(self.focus_index)
            if rect.intersects(exposed):
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                paint_focus(painter, rect, self.palette, lod)

    def _paint_seats(self, painter: QPainter, exposed: QRectF, lod: float, dpr: float) -> None:
        """Every seat in ``exposed``, drawn (not cached): what a tile holds."""
        cell_px = PITCH * lod
        seats = self.geo.seats_in_rect(exposed.left(), exposed.top(), exposed.right(),
                                       exposed.bottom())
        geo, statuses = self.geo, self.statuses
        cols, rows, types = geo.cols_of, geo.rows_of, geo.types
        if cell_px >= DETAIL_MIN_PX:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            transform = painter.worldTransform()
            if self.use_sprites and transform.type().value <= SCALE_ONLY:
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

    # --- status image: the hall below batched size ----------------------------------------
    def _status_image(self) -> QImage:
        """One pixel per cell in the seat's fill (its outline colour where the fill is the
        background, as tiny seats have no outline), aisles in the background colour.

        Built without a Python step per seat: the per-seat colour indices come from two
        ``map`` calls and are copied into the image a run of seats at a time."""
        palette = self.palette
        if self._image is not None and self._image_palette == palette.name:
            return self._image
        geo = self.geo
        table = [palette.background.rgb()]
        lut: dict[str, dict[SeatStatus, int]] = {}
        self._image_rgb = {}
        for seat_type in set(geo.types):
            lut[seat_type] = {}
            for status in SeatStatus:
                fill = palette.fill(seat_type, status)
                if fill == palette.background:
                    fill = palette.edge(seat_type, status)
                lut[seat_type][status] = len(table)
                table.append(fill.rgb())
                self._image_rgb[(seat_type, status)] = fill.rgb()
        if len(table) > 256:
            raise ValueError("more seat styles than an 8-bit image holds")
        flat = bytes(map(dict.__getitem__, map(lut.__getitem__, geo.types), self.statuses))
        stride = (geo.width + 3) & ~3
        buffer = bytearray(stride * max(1, geo.row_count))
        for row, column, first, n in geo.runs:
            at = row * stride + column
            buffer[at:at + n] = flat[first:first + n]
        indexed = QImage(bytes(buffer), max(1, geo.width), max(1, geo.row_count), stride,
                         QImage.Format.Format_Indexed8)
        indexed.setColorTable(table)
        self._image = indexed.convertToFormat(QImage.Format.Format_RGB32)
        self._image_palette = palette.name
        return self._image

    def _paint_image(self, painter: QPainter, exposed: QRectF, cell_px: float) -> None:
        """The exposed cells from the status image, scaled in one call, gaps ruled over."""
        geo = self.geo
        top = geo.seats_top
        c0 = max(0, int(exposed.left() // PITCH))
        c1 = min(geo.width, int(exposed.right() // PITCH) + 1)
        r0 = max(0, int((exposed.top() - top) // PITCH))
        r1 = min(geo.row_count, int((exposed.bottom() - top) // PITCH) + 1)
        if c0 >= c1 or r0 >= r1:
            return
        image = self._status_image()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        target = QRectF(c0 * PITCH, top + r0 * PITCH, (c1 - c0) * PITCH, (r1 - r0) * PITCH)
        painter.drawImage(target, image, QRectF(c0, r0, c1 - c0, r1 - r0))
        if cell_px < GAP_MIN_PX:
            return
        if self._gap_key != (c0, c1, r0, r1):  # the same lines frame after frame while panning
            y0, y1 = top + r0 * PITCH, top + r1 * PITCH
            x0, x1 = c0 * PITCH, c1 * PITCH
            self._gap_lines = [QLineF(c * PITCH, y0, c * PITCH, y1) for c in range(c0, c1 + 1)]
            self._gap_lines.extend(QLineF(x0, top + r * PITCH, x1, top + r * PITCH)
                                   for r in range(r0, r1 + 1))
            self._gap_key = (c0, c1, r0, r1)
        lines = self._gap_lines
        painter.setPen(QPen(self.palette.background, PITCH * 0.24))
        painter.drawLines(lines)

    # --- tiles: the hall at batched size and above ----------------------------------------
    def _paint_tiles(self, painter: QPainter, exposed: QRectF, transform: QTransform,
                     dpr: float) -> None:
        """Blit the cached tiles under ``exposed``; draw missing ones within the frame's budget,
        show the status image where they are still missing and come back for them."""
        scale = transform.m11()
        size = DETAIL_TILE_PX if PITCH * scale >= DETAIL_MIN_PX else TILE_PX
        key = (scale, self.palette.name, dpr, self.use_sprites, size)
        if key != self._tile_key:
            self._tiles.clear()
            self._tile_key = key
        box = self._bounds.intersected(exposed)
        if box.isEmpty():
            return
        tx0, tx1 = math.floor(box.left() * scale / size), math.floor(box.right() * scale / size)
        ty0, ty1 = math.floor(box.top() * scale / size), math.floor(box.bottom() * scale / size)
        tiles = self._tiles
        wanted = [(tx, ty) for ty in range(ty0, ty1 + 1) for tx in range(tx0, tx1 + 1)]
        missing = [t for t in wanted if t not in tiles]
        if missing:
            limit = max(len(wanted), MAX_TILE_BYTES // int(4 * (size * dpr) ** 2))
            if len(tiles) + len(missing) > limit:  # drop the oldest, keep what shows
                keep = set(wanted)
                for old in [t for t in tiles if t not in keep][:len(tiles) // 2 + len(missing)]:
                    del tiles[old]
            # few seats in view draw whole at once (exact at once, grab() included)
            budget = TILE_BUDGET_MS if self.last_painted > PROGRESSIVE_MIN_SEATS else math.inf
            deadline = time.perf_counter() + budget / 1000
            for n, tile in enumerate(missing):
                if n and time.perf_counter() > deadline:
                    break
                tiles[tile] = self._render_tile(*tile, scale, dpr, size)
                self.tiles_rendered += 1
            self.tiles_pending = sum(1 for t in missing if t not in tiles)
            if self.tiles_pending:
                self._paint_image(painter, exposed, PITCH * scale)
                self._queue_refine()
        if not self.tiles_pending:
            self._queue_prefetch(tx0, tx1, ty0, ty1, scale, dpr, size)
        ox, oy = round(transform.dx()), round(transform.dy())
        painter.save()
        try:
            painter.resetTransform()
            for tile in wanted:
                pixmap = tiles.get(tile)
                if pixmap is not None:
                    painter.drawPixmap(ox + tile[0] * size, oy + tile[1] * size, pixmap)
        finally:
            painter.restore()

    @staticmethod
    def _tile_painter(pixmap: QPixmap, tx: int, ty: int, scale: float, size: int) -> QPainter:
        painter = QPainter(pixmap)
        painter.setTransform(QTransform(scale, 0, 0, scale, -tx * size, -ty * size))
        return painter

    def _render_tile(self, tx: int, ty: int, scale: float, dpr: float, size: int) -> QPixmap:
        """Seats, row letters and screen bar of one tile, at this zoom."""
        pixmap = QPixmap(round(size * dpr), round(size * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(self.palette.background)
        painter = self._tile_painter(pixmap, tx, ty, scale, size)
        try:
            rect = QRectF(tx * size / scale, ty * size / scale, size / scale, size / scale)
            self._paint_seats(painter, rect, scale, dpr)
            self._paint_frame(painter, rect, scale)
        finally:
            painter.end()
        return pixmap

    def _patch_tiles(self, rect: QRectF) -> None:
        """Redraw the scene ``rect`` inside every cached tile it touches (a changed seat)."""
        scale, _name, dpr, _sprites, size = self._tile_key
        for tx in range(math.floor(rect.left() * scale / size),
                        math.floor(rect.right() * scale / size) + 1):
            for ty in range(math.floor(rect.top() * scale / size),
                            math.floor(rect.bottom() * scale / size) + 1):
                pixmap = self._tiles.get((tx, ty))
                if pixmap is None:
                    continue
                painter = self._tile_painter(pixmap, tx, ty, scale, size)
                try:
                    painter.setClipRect(rect)
                    painter.fillRect(rect, self.palette.background)
                    self._paint_seats(painter, rect, scale, dpr)
                finally:
                    painter.end()

    def _queue_prefetch(self, tx0: int, tx1: int, ty0: int, ty1: int, scale: float,
                        dpr: float, size: int) -> None:
        """Draw the ring of tiles just outside the view when the event loop is idle, so a pan
        finds them drawn instead of drawing them inside its frame."""
        bounds = self._bounds
        lo_x, hi_x = (math.floor(bounds.left() * scale / size),
                      math.floor(bounds.right() * scale / size))
        lo_y, hi_y = (math.floor(bounds.top() * scale / size),
                      math.floor(bounds.bottom() * scale / size))
        self._ring = [(tx, ty) for ty in range(max(lo_y, ty0 - 1), min(hi_y, ty1 + 1) + 1)
                      for tx in range(max(lo_x, tx0 - 1), min(hi_x, tx1 + 1) + 1)
                      if (tx, ty) not in self._tiles]
        self._ring_for = (self._tile_key, scale, dpr, size)
        if self._ring and not self._prefetch_queued:
            self._prefetch_queued = True
            QTimer.singleShot(0, self._prefetch)

    def _prefetch(self) -> None:
        self._prefetch_queued = False
        try:
            key, scale, dpr, size = self._ring_for
            deadline = time.perf_counter() + TILE_BUDGET_MS / 1000
            while self._ring and key == self._tile_key and time.perf_counter() < deadline:
                tile = self._ring.pop()
                if tile not in self._tiles:
                    self._tiles[tile] = self._render_tile(*tile, scale, dpr, size)
                    self.tiles_rendered += 1
            if self._ring and key == self._tile_key:
                self._prefetch_queued = True
                QTimer.singleShot(0, self._prefetch)
        except RuntimeError:  # the item was deleted with its scene (a new hall)
            pass
        except Exception:  # a timer slot: never let it take the kiosk down
            log.exception("seat map tile prefetch failed")

    def _queue_refine(self) -> None:
        if not self._refine_queued:
            self._refine_queued = True
            QTimer.singleShot(0, self._refine)

    def _refine(self) -> None:
        self._refine_queued = False
        try:
            self.update()
        except RuntimeError:  # the item was deleted with its scene (a new hall): nothing to do
            pass

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

"""The losing strategy, kept so ``kiosk bench`` can re-measure the choice: one item per seat.

Each seat is a Python ``QGraphicsItem`` whose ``paint`` draws it with the same routines as the
winning ``SeatLayer``; the scene's BSP index does hit testing. It is simpler to read, but every
visible seat costs a Python call per paint and every seat a Python object at build time (see
the figures in ``kiosk.ui.seatmap``). Not used by the app.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from kiosk.domain.layout import HallLayout
from kiosk.services.models import SeatStatus
from kiosk.ui.seatmap.geometry import PITCH, SeatGeometry
from kiosk.ui.seatmap.painting import DETAIL_MIN_PX, paint_seat
from kiosk.ui.seatmap.palette import NORMAL, SeatPalette


class SeatItem(QGraphicsItem):
    paint_calls = 0  # across all seats, so the bench can wait for a repaint

    def __init__(self, code: str, seat_type: str, number: int, x: float, y: float,
                 palette: SeatPalette):
        super().__init__()
        self.code = code
        self.seat_type = seat_type
        self.number = number
        self.status = SeatStatus.FREE
        self.palette = palette
        self._rect = QRectF(0, 0, PITCH, PITCH)
        self.setPos(x, y)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def set_status(self, status: SeatStatus) -> None:
        if status != self.status:
            self.status = status
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        SeatItem.paint_calls += 1
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if PITCH * lod >= DETAIL_MIN_PX:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            paint_seat(painter, self._rect, self.seat_type, self.status, self.palette, self.number)
        else:
            painter.fillRect(self._rect.adjusted(6, 6, -6, -6), self.palette.fill(self.seat_type, self.status))


def populate(scene: QGraphicsScene, layout: HallLayout) -> dict[str, SeatItem]:
    """Add one item per seat; returns them by seat code."""
    geo = SeatGeometry(layout)
    items: dict[str, SeatItem] = {}
    for i, code in enumerate(geo.codes):
        cell = geo.cell(i)
        item = SeatItem(code, geo.types[i], geo.numbers[i], cell.x, cell.y, NORMAL)
        scene.addItem(item)
        items[code] = item
    x, y, w, h = geo.scene_bounds()
    scene.setSceneRect(x, y, w, h)
    return items


def seat_at(scene: QGraphicsScene, x: float, y: float) -> str | None:
    for item in scene.items(QRectF(x, y, 0.1, 0.1), Qt.ItemSelectionMode.IntersectsItemShape):
        if isinstance(item, SeatItem):
            return item.code
    return None

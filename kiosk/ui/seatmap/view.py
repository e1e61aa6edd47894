"""``SeatMapView``: draws a hall, reports taps, and knows nothing about selling.

The screen owns the rules: it listens to ``seatTapped`` / ``unavailableTapped``, calls the
services, and pushes the resulting statuses back with ``update_statuses`` (a few seats) or
``set_statuses`` (a full refresh, e.g. after the service bridge reports another kiosk's sale).
Nothing here polls. Held-elsewhere, sold and blocked seats report ``unavailableTapped`` so the
screen can say why the seat cannot be taken.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import compress, repeat
from operator import is_not

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QToolTip, QWidget

from kiosk.domain.layout import HallLayout
from kiosk.domain.money import format_money
from kiosk.services.models import SeatStatus
from kiosk.ui.seatmap.geometry import PITCH, SeatGeometry
from kiosk.ui.seatmap.layer import SeatLayer
from kiosk.ui.seatmap.overlay import SectionOverlay
from kiosk.ui.seatmap.palette import SeatPalette, palette_for
from kiosk.ui.seatmap.sections import hall_sections

UNAVAILABLE = frozenset({SeatStatus.SOLD, SeatStatus.BLOCKED, SeatStatus.HELD})
TAP_SLOP_PX = 12  # a press that moves further than this is a pan, not a tap
MAX_SCALE = 3.0
MAX_FIT_SCALE = 1.6  # small halls are not blown up beyond this on fit
ZOOM_STEP = 1.25
FULL_REPAINT_AFTER = 200  # changed seats beyond which one full repaint beats many small ones
TOUCH_MIN_PX = 44  # a seat cell smaller than this on screen is no touch target
SECTION_CELL_PX = 52  # a picked block is shown at this cell size when the screen allows


class SeatMapView(QGraphicsView):
    seatTapped = Signal(str)  # noqa: N815 (Qt signal naming)
    unavailableTapped = Signal(str)  # noqa: N815
    focusedSeatChanged = Signal(str)  # noqa: N815
    seatInspected = Signal(str)  # noqa: N815  hovered or pressed: the panel shows its price
    zoomChanged = Signal(float)  # noqa: N815
    sectionPicked = Signal(int)  # noqa: N815  a block of a big hall was tapped and zoomed to
    sectionsShown = Signal(bool)  # noqa: N815  the blocks appeared (seats below touch size) or went

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(self._scene)
        self.geo: SeatGeometry | None = None
        self.layer: SeatLayer | None = None
        self._palette = palette_for(False)
        self._prices: dict[tuple[str, str], int] = {}
        self._currency = ""
        self._focus: int | None = None
        self._keyboard_mode = False
        self._hover: int | None = None
        self._press_pos: QPointF | None = None
        self._last_pos = QPointF()
        self._panning = False
        self._auto_fit = True
        self._min_scale = 0.05
        self.overlay: SectionOverlay | None = None
        self._touch_sections = False  # self-service: big halls are picked block by block
        self._sections_key: tuple[int, int] | None = None
        self._sections_visible = False
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setMinimumSize(4 * 48, 4 * 48)
        self.setBackgroundBrush(self._palette.background)
        self.setAccessibleName(self.tr("Seat map"))
        self.setAccessibleDescription(self.tr(
            "Arrow keys move between seats, Home and End go to the ends of the row; "
            "Space or Enter selects the seat; plus, minus and 0 zoom."))

    # --- content --------------------------------------------------------------------------
    def set_layout(self, layout: HallLayout,
                   statuses: Mapping[str, SeatStatus] | None = None) -> None:
        """Show a hall; every seat starts FREE unless ``statuses`` says otherwise."""
        self._scene.clear()
        self.geo = SeatGeometry(layout)
        self.layer = SeatLayer(self.geo, self.tr("SCREEN"))
        self.layer.palette = self._palette
        self._scene.addItem(self.layer)
        self._scene.setSceneRect(self.layer.boundingRect())
        self.overlay = SectionOverlay(self.geo, self.layer.statuses)
        self.overlay.palette = self._palette
        self.overlay.rows_text = self.tr("Rows %1")
        self.overlay.free_text = self.tr("%1 free")
        self.overlay.setVisible(False)
        self._scene.addItem(self.overlay)
        self._sections_key = None
        self._sections_visible = False
        self._focus = None
        self._hover = None
        self._keyboard_mode = False
        if statuses:  # nothing is drawn yet: no changes to find, no cells to invalidate
            self.layer.statuses[:] = self._status_list(statuses)
        self._refresh_accessible()
        self.fit_to_view()

    def set_statuses(self, statuses: Mapping[str, SeatStatus]) -> None:
        """Full refresh: seats not named are FREE. Only seats that changed are repainted
        (the whole hall when many did), so a periodic refresh from the bridge stays cheap."""
        if self.layer is None or self.geo is None:
            return
        fresh = self._status_list(statuses)
        old = self.layer.statuses
        flags = list(map(is_not, old, fresh))
        count = flags.count(True)
        old[:] = fresh  # in place: the section overlay counts free seats from the same list
        if count and self.overlay is not None:
            self.overlay.statuses_changed()
        if count > FULL_REPAINT_AFTER:
            self.layer.statuses_reset()
        elif count:
            for i in compress(range(len(flags)), flags):
                self.layer.seat_changed(i)
        self._refresh_accessible()

    def _status_list(self, statuses: Mapping[str, SeatStatus]) -> list[SeatStatus]:
        """Per-seat statuses in seat order, FREE where not named. C-speed passes (map): a
        100,000-seat refresh has no Python step per seat."""
        assert self.geo is not None
        if not set(map(type, statuses.values())) <= {SeatStatus}:  # plain strings from a caller
            statuses = {code: SeatStatus(status) for code, status in statuses.items()}
        return list(map(statuses.get, self.geo.codes, repeat(SeatStatus.FREE)))

    def update_statuses(self, changes: Mapping[str, SeatStatus]) -> None:
        """Change a few seats; only their cells are repainted."""
        if self.layer is None or self.geo is None:
            return
        statuses = self.layer.statuses
        touched_focus = False
        for code, status in changes.items():
            i = self.geo.index.get(code)
            if i is None:
                continue
            status = SeatStatus(status)
            if statuses[i] != status:
                statuses[i] = status
                self.layer.seat_changed(i)
                touched_focus |= i == self._focus
                if self.overlay is not None:
                    self.overlay.statuses_changed()
        if touched_focus:
            self._refresh_accessible()

    def status(self, code: str) -> SeatStatus:
        assert self.geo is not None and self.layer is not None
        return self.layer.statuses[self.geo.index[code]]

    def statuses(self) -> dict[str, SeatStatus]:
        if self.geo is None or self.layer is None:
            return {}
        return dict(zip(self.geo.codes, self.layer.statuses, strict=True))

    def set_prices(self, prices: Mapping[tuple[str, str], int], currency: str) -> None:
        """Price list (seat type, ticket type) -> minor units; the adult price is shown per seat."""
        self._prices = dict(prices)
        self._currency = currency
        self._refresh_accessible()

    def set_palette(self, high_contrast: bool) -> None:
        self._palette = palette_for(high_contrast)
        self.setBackgroundBrush(self._palette.background)
        if self.layer is not None:
            self.layer.palette = self._palette
            self.layer.update()
        if self.overlay is not None:
            self.overlay.palette = self._palette
            self.overlay.update()

    @property
    def palette_in_use(self) -> SeatPalette:
        return self._palette

    # --- descriptions ---------------------------------------------------------------------
    def price_of(self, code: str) -> int | None:
        if self.geo is None:
            return None
        seat_type = self.geo.types[self.geo.index[code]]
        return self._prices.get((seat_type, "adult"))

    def seat_description(self, code: str) -> str:
        """What a screen reader and the price label say: "Seat F12, premium, free, ₹350.00"."""
        assert self.geo is not None
        i = self.geo.index[code]
        parts = [self.tr("Seat %1").replace("%1", code), self._type_text(self.geo.types[i]),
                 self._status_text(self.layer.statuses[i])]
        price = self.price_of(code)
        if price is not None and self._currency:
            parts.append(format_money(price, self._currency))
        return ", ".join(parts)

    def _type_text(self, seat_type: str) -> str:
        return {
            "standard": self.tr("standard"),
            "premium": self.tr("premium"),
            "recliner": self.tr("recliner"),
            "wheelchair": self.tr("wheelchair space"),
            "companion": self.tr("companion seat"),
        }.get(seat_type, seat_type)

    def _status_text(self, status: SeatStatus) -> str:
        return {
            SeatStatus.FREE: self.tr("free"),
            SeatStatus.HELD_BY_ME: self.tr("selected"),
            SeatStatus.HELD: self.tr("held elsewhere"),
            SeatStatus.SOLD: self.tr("sold"),
            SeatStatus.ALLOCATED_HERE: self.tr("free, reserved for this kiosk"),
            SeatStatus.BLOCKED: self.tr("not available"),
        }[status]

    def _refresh_accessible(self) -> None:
        if self.geo is None or self._focus is None:
            name = self.tr("Seat map")
        else:
            name = self.seat_description(self.geo.codes[self._focus])
        if name != self.accessibleName():
            self.setAccessibleName(name)
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))

    # --- taps -----------------------------------------------------------------------------
    def seat_at(self, viewport_pos: QPoint | QPointF) -> str | None:
        if self.geo is None:
            return None
        point = self.mapToScene(QPointF(viewport_pos).toPoint())
        i = self.geo.seat_at(point.x(), point.y())
        return None if i is None else self.geo.codes[i]

    def seat_viewport_pos(self, code: str) -> QPoint:
        """Centre of a seat in viewport coordinates (tests and the bench tap with this)."""
        assert self.layer is not None and self.geo is not None
        return self.mapFromScene(self.layer.cell_rect(self.geo.index[code]).center())

    def tap(self, code: str) -> None:
        """Report a tap on a seat: the screen decides what it means."""
        if self.status(code) in UNAVAILABLE:
            self.unavailableTapped.emit(code)
        else:
            self.seatTapped.emit(code)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self._press_pos = event.position()
        self._last_pos = event.position()
        self._panning = False
        code = None if self._sections_visible else self.seat_at(event.position())
        if code is not None:
            self.seatInspected.emit(code)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        if self._press_pos is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if not self._panning and (pos - self._press_pos).manhattanLength() > TAP_SLOP_PX:
                self._panning = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._panning:
                delta = pos - self._last_pos
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - round(delta.x()))
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() - round(delta.y()))
            self._last_pos = pos
            event.accept()
            return
        code = None if self._sections_visible else self.seat_at(pos)
        i = None if code is None or self.geo is None else self.geo.index[code]
        if i != self._hover:
            self._hover = i
            if code is not None:
                self.seatInspected.emit(code)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self._press_pos is None:
            return super().mouseReleaseEvent(event)
        was_panning = self._panning
        self._press_pos = None
        self._panning = False
        self.viewport().unsetCursor()
        event.accept()
        if was_panning:
            return
        if self._sections_visible:  # seats too small to tap: the tap picks their block
            self.pick_section_at(event.position())
            return
        code = self.seat_at(event.position())
        if code is not None:
            self._set_focus(self.geo.index[code], keyboard=False)
            self.tap(code)

    # --- zoom -----------------------------------------------------------------------------
    def zoom_factor(self) -> float:
        return self.transform().m11()

    def zoom_limits(self) -> tuple[float, float]:
        """(smallest, largest) zoom factor: a little below fit, up to 3x a 52 px cell."""
        return self._min_scale, MAX_SCALE

    @Slot()
    def fit_to_view(self) -> None:
        """Show the whole hall, centred; small halls are not blown up beyond MAX_FIT_SCALE."""
        if self.layer is None:
            return
        rect = self._scene.sceneRect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.width() < 2 or view.height() < 2:
            return
        # one pixel short of an exact fit: a hall scaled to 972.0000001 px in a 972 px viewport
        # shows scroll bars, they shrink the viewport, the refit hides them, and so on for ever
        # (a hung event loop: Audi 1 of the demo in a 972x441 view, the 1366x860 self-service)
        scale = min((view.width() - 1) / rect.width(), (view.height() - 1) / rect.height(),
                    MAX_FIT_SCALE)
        self._min_scale = min(scale * 0.8, 1.0)
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())
        self._auto_fit = True
        self._update_sections()
        self.zoomChanged.emit(scale)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom keeping the scene point under ``anchor`` (viewport coords) where it is."""
        current = self.zoom_factor()
        target = max(self._min_scale, min(MAX_SCALE, current * factor))
        if abs(target - current) < 1e-9:
            return
        if anchor is None:
            anchor = QPointF(self.viewport().rect().center())
        before = self.mapToScene(anchor.toPoint())
        self.scale(target / current, target / current)
        after = self.mapToScene(anchor.toPoint())
        centre = self.mapToScene(self.viewport().rect().center())
        self.centerOn(centre - (after - before))
        self._auto_fit = False
        self._update_sections()
        self.zoomChanged.emit(target)

    @Slot()
    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (plain or Ctrl wheel zooms)
        steps = event.angleDelta().y() or event.angleDelta().x()
        if steps:
            self.zoom_by(1.0015 ** steps, event.position())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self._press_pos = None  # a pinch is never a tap
                self._panning = False
                if pinch.changeFlags() & pinch.ChangeFlag.ScaleFactorChanged:
                    centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                    self.apply_pinch(pinch.scaleFactor(), QPointF(centre))
                event.accept(pinch)
                return True
        elif kind == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + event.value(), event.position())
                return True
        elif kind == QEvent.Type.ToolTip:
            code = self.seat_at(event.pos())
            if code is not None:
                QToolTip.showText(event.globalPos(), self.seat_description(code), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # --- sections of a big hall (self-service) ------------------------------------------
    def set_touch_sections(self, on: bool) -> None:
        """Self-service: when the fitted hall's seats are below touch size, show its blocks and
        let a tap zoom to one (``sectionPicked``) instead of selecting a 15 px seat."""
        self._touch_sections = on
        self._sections_key = None
        self._update_sections()

    def cell_px(self) -> float:
        """A seat cell's size on screen at the current zoom."""
        return PITCH * self.zoom_factor()

    def fit_cell_px(self) -> float:
        """A seat cell's size on screen with the whole hall fitted."""
        rect = self._scene.sceneRect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.width() < 2 or view.height() < 2:
            return 0.0
        return PITCH * min((view.width() - 1) / rect.width(), (view.height() - 1) / rect.height(),
                           MAX_FIT_SCALE)

    def needs_sections(self) -> bool:
        """A hall too big to show whole at touch size (only with ``set_touch_sections``)."""
        return (self._touch_sections and self.geo is not None and len(self.geo) > 0
                and self.fit_cell_px() < TOUCH_MIN_PX)

    def sections_visible(self) -> bool:
        return self._sections_visible

    def _update_sections(self) -> None:
        """Blocks shown while a big hall's seats are below touch size; recomputed for the
        viewport's size (how many rows and columns fit at full size)."""
        needed = self.needs_sections()
        show = needed and self.cell_px() < TOUCH_MIN_PX - 1e-6
        if not needed and self.overlay is not None and self.overlay.sections:
            self.overlay.set_sections([])  # the hall fits at touch size (now): no blocks
            self._sections_key = None
        if show and self.overlay is not None and self.geo is not None:
            view = self.viewport().rect()
            # as many rows and columns as fit at touch size, with a little margin around
            key = (max(1, int(view.height() / TOUCH_MIN_PX - 1.2)),
                   max(1, int(view.width() / TOUCH_MIN_PX - 1.2)))
            if key != self._sections_key:
                self._sections_key = key
                self.overlay.set_sections(hall_sections(self.geo.layout, *key))
        if self.overlay is not None:
            self.overlay.setVisible(show)
        if show != self._sections_visible:
            self._sections_visible = show
            self.sectionsShown.emit(show)

    def section_count(self) -> int:
        return len(self.overlay.sections) if self.overlay is not None else 0

    def pick_section_at(self, viewport_pos: QPoint | QPointF) -> int | None:
        """Zoom to the block under a viewport point; None (and nothing) between blocks."""
        if self.overlay is None:
            return None
        point = self.mapToScene(QPointF(viewport_pos).toPoint())
        n = self.overlay.section_at(point.x(), point.y())
        if n is not None:
            self.show_section(n)
        return n

    def section_viewport_pos(self, n: int) -> QPoint:
        assert self.overlay is not None
        return self.mapFromScene(self.overlay.section_rect(n).center())

    def show_section(self, n: int) -> None:
        """Zoom to block ``n`` with its seats at full touch size (the whole block when the
        screen allows, else as much as fits from its centre; dragging shows the rest)."""
        assert self.overlay is not None
        rect = self.overlay.section_rect(n).adjusted(-PITCH * 0.6, -PITCH * 0.6,
                                                     PITCH * 0.6, PITCH * 0.6)
        view = self.viewport().rect()
        fit = min((view.width() - 1) / rect.width(), (view.height() - 1) / rect.height())
        scale = max(TOUCH_MIN_PX / PITCH, min(fit, SECTION_CELL_PX * 1.3 / PITCH, MAX_SCALE))
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())
        self._auto_fit = False
        self._update_sections()
        self.zoomChanged.emit(scale)
        self.sectionPicked.emit(n)

    def show_section_of(self, code: str) -> None:
        """Zoom to the block holding seat ``code`` (after "best seats" picked it)."""
        if self.overlay is None or self.geo is None or not self.overlay.sections:
            return
        i = self.geo.index.get(code)
        if i is None:
            return
        row, column = self.geo.rows_of[i], self.geo.cols_of[i]
        for n, section in enumerate(self.overlay.sections):
            if (section.first_row <= row <= section.last_row
                    and section.first_col <= column <= section.last_col):
                self.show_section(n)
                return

    def apply_pinch(self, scale_factor: float, centre: QPointF) -> None:
        """One pinch step: zoom by the gesture's incremental factor around the fingers."""
        if scale_factor > 0:
            self.zoom_by(scale_factor, centre)

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit_to_view()
        else:
            self._update_sections()

    # --- keyboard -------------------------------------------------------------------------
    @property
    def focused_seat(self) -> str | None:
        return None if self._focus is None or self.geo is None else self.geo.codes[self._focus]

    def set_focused_seat(self, code: str) -> None:
        assert self.geo is not None
        self._set_focus(self.geo.index[code], keyboard=True)

    def _set_focus(self, i: int, keyboard: bool) -> None:
        assert self.layer is not None and self.geo is not None
        old_ring = self.layer.focus_index
        self._keyboard_mode = keyboard
        changed = i != self._focus
        self._focus = i
        self.layer.focus_index = i if keyboard else None
        if old_ring is not None and old_ring != self.layer.focus_index:
            self.layer.invalidate_seat(old_ring)
        if keyboard:
            self.layer.invalidate_seat(i)
            rect = self.layer.cell_rect(i)
            self.ensureVisible(rect, 48, 48)
        self._refresh_accessible()
        if changed:
            code = self.geo.codes[i]
            self.focusedSeatChanged.emit(code)
            if keyboard:
                self.seatInspected.emit(code)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.geo is None or not len(self.geo):
            return super().keyPressEvent(event)
        key = event.key()
        moves = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1),
                 Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0)}
        if key in moves:
            if self._focus is None:
                self._set_focus(self.geo.first_seat(), keyboard=True)
            else:
                d_row, d_col = moves[key]
                self._set_focus(self.geo.neighbour(self._focus, d_row, d_col), keyboard=True)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            start = self._focus if self._focus is not None else self.geo.first_seat()
            row = self.geo.row_seats[self.geo.rows_of[start]]
            self._set_focus(row[0] if key == Qt.Key.Key_Home else row[-1], keyboard=True)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select):
            if self._focus is None:
                self._set_focus(self.geo.first_seat(), keyboard=True)
            else:
                self._set_focus(self._focus, keyboard=True)
                self.tap(self.geo.codes[self._focus])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit_to_view()
        else:
            return super().keyPressEvent(event)
        event.accept()

    def focusInEvent(self, event) -> None:  # noqa: N802, ANN001
        super().focusInEvent(event)
        if self.geo is not None and len(self.geo) and event.reason() in (
                Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                Qt.FocusReason.ShortcutFocusReason):
            start = self._focus if self._focus is not None else self.geo.first_seat()
            self._set_focus(start, keyboard=True)

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()


__all__ = ["MAX_SCALE", "UNAVAILABLE", "SeatMapView"]

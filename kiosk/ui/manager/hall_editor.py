"""The hall editor: paint seat types, aisles and gaps on a grid, name the rows, and save.

The grid is the layout's own compact form (one character a cell, see ``kiosk.domain.layout``),
so what is painted is exactly what is stored. Every change is checked at once by
``ScheduleService.check_layout`` (duplicate codes, wheelchair spaces without a companion seat,
seats sold for future shows) and the message appears under the grid before anyone saves.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, QRect, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import KioskError
from kiosk.domain.layout import CELL_TO_TYPE, GAP
from kiosk.services.models import SeatStatus
from kiosk.ui.manager.common import ManagerScreen, button, card, muted, scrolled
from kiosk.ui.names import seat_type_name
from kiosk.ui.page_names import ManagerPage
from kiosk.ui.seatmap.painting import paint_seat
from kiosk.ui.seatmap.palette import SeatPalette, palette_for

if TYPE_CHECKING:
    from kiosk.ui.manager.context import ManagerContext

BRUSHES = (
    ("S", QT_TRANSLATE_NOOP("HallEditorScreen", "Standard")),
    ("P", QT_TRANSLATE_NOOP("HallEditorScreen", "Premium")),
    ("R", QT_TRANSLATE_NOOP("HallEditorScreen", "Recliner")),
    ("W", QT_TRANSLATE_NOOP("HallEditorScreen", "Wheelchair")),
    ("C", QT_TRANSLATE_NOOP("HallEditorScreen", "Companion")),
    (GAP, QT_TRANSLATE_NOOP("HallEditorScreen", "Aisle / gap")),
)
LABEL_W = 44
SWATCH_PX = 28


def high_contrast() -> bool:
    from kiosk.ui.theme import ThemeManager

    manager = ThemeManager.instance()
    return bool(manager and manager.high_contrast)


def seat_palette() -> SeatPalette:
    """The sales map's own palette: a seat type looks the same here as on the map."""
    return palette_for(high_contrast())


def _swatch(symbol: str) -> QIcon:
    """A brush's icon: a free seat of its type, drawn by the seat map's painter."""
    palette = seat_palette()
    pixmap = QPixmap(SWATCH_PX, SWATCH_PX)
    pixmap.fill(palette.background)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_seat(painter, QRectF(0, 0, SWATCH_PX, SWATCH_PX), str(CELL_TO_TYPE[symbol]),
               SeatStatus.FREE, palette, 1)
    painter.end()
    return QIcon(pixmap)


class HallGrid(QWidget):
    """Rows of cells; press or drag to paint with the current brush, click a label to pick a row."""

    changed = Signal()
    rowPicked = Signal(int)
    brushPicked = Signal(str)

    KEY_BRUSHES = {Qt.Key.Key_S: "S", Qt.Key.Key_P: "P", Qt.Key.Key_R: "R", Qt.Key.Key_W: "W",
                   Qt.Key.Key_C: "C", Qt.Key.Key_G: GAP, Qt.Key.Key_Minus: GAP,
                   Qt.Key.Key_Underscore: GAP}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[list[str]] = []  # [label, cells]
        self.brush = "S"
        self.cell = 32
        self.current_row = 0
        self.cursor_col = 0  # keyboard cursor: arrows move, Space paints, S/P/R/W/C/G pick a brush
        self.problem_seats: set[tuple[int, int]] = set()
        self.setMouseTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Hall seat grid"))

    # -- data -----------------------------------------------------------------------------------
    def set_spec(self, spec: dict) -> None:
        width = max((len(r["cells"]) for r in spec["rows"]), default=0)
        self.rows = [[r.get("label", ""), r["cells"].ljust(width, GAP)] for r in spec["rows"]]
        self.current_row = 0
        self.cursor_col = 0
        self._resize()
        self.update()

    def spec(self) -> dict:
        return {"rows": [{"label": label.strip(), "cells": cells} for label, cells in self.rows]}

    @property
    def width_cells(self) -> int:
        return max((len(c) for _, c in self.rows), default=0)

    def _resize(self) -> None:
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(LABEL_W + self.width_cells * self.cell + 8, len(self.rows) * self.cell + 8)

    def set_cell_size(self, size: int) -> None:
        self.cell = size
        self._resize()
        self.update()

    # -- editing --------------------------------------------------------------------------------
    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        row = (pos.y() - 4) // self.cell
        if not 0 <= row < len(self.rows):
            return None
        if pos.x() < LABEL_W:
            return (row, -1)
        col = (pos.x() - LABEL_W) // self.cell
        if not 0 <= col < self.width_cells:
            return None
        return (row, col)

    def paint_cell(self, row: int, col: int, brush: str | None = None) -> bool:
        brush = brush or self.brush
        label, cells = self.rows[row]
        if cells[col] == brush:
            return False
        self.rows[row][1] = cells[:col] + brush + cells[col + 1:]
        self.update()
        self.changed.emit()
        return True

    def mousePressEvent(self, event) -> None:  # noqa: N802
        hit = self.cell_at(event.position().toPoint())
        if hit is None:
            return
        row, col = hit
        self.current_row = row
        self.rowPicked.emit(row)
        if col >= 0:
            self.cursor_col = col
            self.paint_cell(row, col)
        self.update()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if not event.buttons() & Qt.MouseButton.LeftButton:
            return
        hit = self.cell_at(event.position().toPoint())
        if hit is not None and hit[1] >= 0:
            self.paint_cell(*hit)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        """Keyboard-only painting for staff who do not use a mouse or touch."""
        key = event.key()
        moves = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0),
                 Qt.Key.Key_Down: (1, 0)}
        if key in moves and self.rows:
            dr, dc = moves[key]
            self.current_row = max(0, min(len(self.rows) - 1, self.current_row + dr))
            self.cursor_col = max(0, min(self.width_cells - 1, self.cursor_col + dc))
            self.rowPicked.emit(self.current_row)
            self.update()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.rows:
            self.paint_cell(self.current_row, self.cursor_col)
        elif key in self.KEY_BRUSHES:
            self.brush = self.KEY_BRUSHES[key]
            self.brushPicked.emit(self.brush)
        else:
            super().keyPressEvent(event)

    def add_row(self) -> None:
        labels = {label for label, _ in self.rows}
        label = next((c for c in string.ascii_uppercase if c not in labels), "")
        self.rows.append([label, "S" * max(self.width_cells, 1)])
        self._resize()
        self.update()
        self.changed.emit()

    def remove_row(self) -> None:
        if len(self.rows) > 1:
            del self.rows[min(self.current_row, len(self.rows) - 1)]
            self.current_row = min(self.current_row, len(self.rows) - 1)
            self._resize()
            self.update()
            self.changed.emit()

    def add_column(self) -> None:
        self.rows = [[label, cells + (GAP if not any(c != GAP for c in cells) else "S")]
                     for label, cells in self.rows]
        self._resize()
        self.update()
        self.changed.emit()

    def remove_column(self) -> None:
        if self.width_cells > 1:
            self.rows = [[label, cells[:-1]] for label, cells in self.rows]
            self._resize()
            self.update()
            self.changed.emit()

    def set_label(self, row: int, label: str) -> None:
        if 0 <= row < len(self.rows) and self.rows[row][0] != label:
            self.rows[row][0] = label
            self.update()
            self.changed.emit()

    def auto_label(self) -> None:
        """A, B, C... front to back; rows with no seats (cross aisles) get no label."""
        letters = iter(string.ascii_uppercase + "".join(a + b for a in "AB" for b in string.ascii_uppercase))
        for row in self.rows:
            row[0] = next(letters) if any(c != GAP for c in row[1]) else ""
        self.update()
        self.changed.emit()

    # -- drawing --------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        """Seats drawn by the sales map's own painter and palette (issue 14 defect 6), so a
        premium seat here is the premium seat the customer sees."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = seat_palette()
        painter.fillRect(self.rect(), palette.background)
        font = QFont(self.font())
        font.setPixelSize(max(10, self.cell // 2 - 2))
        font.setBold(True)
        for r, (label, cells) in enumerate(self.rows):
            y = 4 + r * self.cell
            label_rect = QRect(0, y, LABEL_W - 6, self.cell)
            painter.setFont(font)
            if r == self.current_row:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(palette.focus)
                painter.drawRoundedRect(label_rect.adjusted(2, 2, 0, -2), 4, 4)
                painter.setPen(palette.background)
            else:
                painter.setPen(palette.row_label)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, label or "·")
            number = 0
            for c, ch in enumerate(cells):
                cell = QRect(LABEL_W + c * self.cell, y, self.cell, self.cell)
                if ch == GAP:
                    painter.setPen(QPen(palette.gap, 1, Qt.PenStyle.DotLine))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRect(cell.adjusted(2, 2, -2, -2))
                    continue
                number += 1
                paint_seat(painter, QRectF(cell), str(CELL_TO_TYPE[ch]), SeatStatus.FREE,
                           palette, number if self.cell >= 26 else None)
                if (r, c) in self.problem_seats:  # a shape as well as a colour: a thick ring
                    painter.setPen(QPen(QColor("#ff3b30"), 3, Qt.PenStyle.DashLine))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawEllipse(QRectF(cell).adjusted(1, 1, -1, -1))
        if self.hasFocus() and self.rows:
            cursor = QRect(LABEL_W + self.cursor_col * self.cell, 4 + self.current_row * self.cell,
                           self.cell, self.cell)
            painter.setPen(QPen(palette.focus, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cursor.adjusted(1, 1, -1, -1))
        painter.end()


class HallEditorScreen(ManagerScreen):
    name = ManagerPage.HALLS
    title = QT_TRANSLATE_NOOP("HallEditorScreen", "Hall editor")

    def __init__(self, ctx: ManagerContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        top = QHBoxLayout()
        self.cinema = QComboBox(self)
        self.cinema.setObjectName("hallCinema")
        for c in ctx.cinemas():
            self.cinema.addItem(f"{c['name']} ({c['city']})", c["id"])
        self.hall = QComboBox(self)
        self.hall.setObjectName("hallChoice")
        self.name = QLineEdit(self)
        self.name.setObjectName("hallName")
        self.name.setPlaceholderText(self.tr("Hall name"))
        self.companion = QCheckBox(self.tr("Wheelchair spaces need a companion seat beside them"), self)
        self.companion.setObjectName("companionRequired")
        self.companion.setChecked(True)
        for w in (self.cinema, self.hall):
            w.setMinimumHeight(48)
            top.addWidget(w)
        top.addWidget(button(self.tr("New hall"), self, slot=self.new_hall, name="newHall"))
        top.addWidget(self.name, 1)
        self.outer.addLayout(top)
        self.outer.addWidget(self.companion)

        body = QHBoxLayout()
        palette_card = card(self)
        pal = QVBoxLayout(palette_card)
        pal.setContentsMargins(12, 12, 12, 12)
        pal.addWidget(muted(self.tr("Paint with"), palette_card))
        self.brushes = QButtonGroup(self)
        self.brushes.setExclusive(True)
        brush_grid = QGridLayout()
        brush_grid.setSpacing(6)
        for i, (symbol, label) in enumerate(BRUSHES):
            b = QPushButton(self.tr(label), palette_card)
            b.setCheckable(True)
            b.setObjectName(f"brush_{'gap' if symbol == GAP else symbol}")
            b.setMinimumHeight(48)
            b.setMinimumWidth(120)
            if symbol != GAP:
                b.setIcon(_swatch(symbol))
                b.setIconSize(QSize(SWATCH_PX, SWATCH_PX))
            b.clicked.connect(lambda _c=False, s=symbol: self.set_brush(s))
            self.brushes.addButton(b)
            brush_grid.addWidget(b, i // 2, i % 2)
            if symbol == "S":
                b.setChecked(True)
        pal.addLayout(brush_grid)
        pal.addSpacing(12)
        pal.addWidget(muted(self.tr("Label of the chosen row (click a row label)"), palette_card))
        label_row = QHBoxLayout()
        self.row_label = QLineEdit(palette_card)
        self.row_label.setObjectName("rowLabel")
        self.row_label.setMaxLength(3)
        self.row_label.setMaximumWidth(80)
        self.row_label.textEdited.connect(self._label_edited)
        label_row.addWidget(self.row_label)
        label_row.addWidget(button(self.tr("Label A, B, C…"), palette_card, slot=lambda: self.grid.auto_label(),
                                   name="autoLabel"), 1)
        pal.addLayout(label_row)
        tools = QGridLayout()
        tools.setSpacing(6)
        tools.addWidget(button(self.tr("+ Row"), palette_card, slot=lambda: self.grid.add_row(), name="addRow"), 0, 0)
        tools.addWidget(button(self.tr("− Row"), palette_card, slot=lambda: self.grid.remove_row(),
                               name="removeRow"), 0, 1)
        tools.addWidget(button(self.tr("+ Column"), palette_card, slot=lambda: self.grid.add_column(),
                               name="addColumn"), 1, 0)
        tools.addWidget(button(self.tr("− Column"), palette_card, slot=lambda: self.grid.remove_column(),
                               name="removeColumn"), 1, 1)
        pal.addLayout(tools)
        self.zoom = QSpinBox(palette_card)
        self.zoom.setRange(12, 60)
        self.zoom.setValue(32)
        self.zoom.setSuffix(self.tr(" px cells"))
        self.zoom.valueChanged.connect(lambda v: self.grid.set_cell_size(v))
        pal.addWidget(self.zoom)
        pal.addStretch(1)
        body.addWidget(scrolled(palette_card, self))  # in large text it is taller than the page

        self.grid = HallGrid()
        self.grid.setObjectName("hallGrid")
        self.grid.changed.connect(self.validate)
        self.grid.rowPicked.connect(self._row_picked)
        self.grid.brushPicked.connect(self._brush_picked)
        scroll = QScrollArea(self)
        scroll.setWidget(self.grid)
        scroll.setWidgetResizable(False)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        screen_label = QLabel(self.tr("SCREEN"), self)
        screen_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        screen_label.setProperty("role", "muted")
        grid_col = QVBoxLayout()
        grid_col.addWidget(screen_label)
        grid_col.addWidget(scroll, 1)
        body.addLayout(grid_col, 1)
        self.outer.addLayout(body, 1)

        bottom = QHBoxLayout()
        self.status = QLabel("", self)
        self.status.setObjectName("hallStatus")
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.save_button = button(self.tr("Save hall"), self, role="primary", slot=self.save, name="saveHall")
        bottom.addWidget(self.save_button)
        self.outer.addLayout(bottom)
        self.editing: str | None = None
        self.cinema.currentIndexChanged.connect(lambda _i: self.refresh())
        self.hall.currentIndexChanged.connect(lambda _i: self.load_hall())
        self.companion.toggled.connect(lambda _on: self.validate())
        from kiosk.ui.theme import ThemeManager

        theme = ThemeManager.instance()
        if theme is not None:
            theme.themeChanged.connect(self._recolour)  # a bound slot: dropped with the widget

    @Slot()
    def _recolour(self, _name: str = "") -> None:
        for symbol, _label in BRUSHES:
            if symbol == GAP:
                continue
            for b in self.brushes.buttons():
                if b.objectName() == f"brush_{symbol}":
                    b.setIcon(_swatch(symbol))
        self.grid.update()

    def set_brush(self, symbol: str) -> None:
        self.grid.brush = symbol

    @Slot(str)
    def _brush_picked(self, symbol: str) -> None:
        name = f"brush_{'gap' if symbol == GAP else symbol}"
        for b in self.brushes.buttons():
            if b.objectName() == name:
                b.setChecked(True)

    @Slot(int)
    def _row_picked(self, row: int) -> None:
        self.row_label.setText(self.grid.rows[row][0])

    @Slot(str)
    def _label_edited(self, text: str) -> None:
        self.grid.set_label(self.grid.current_row, text.strip().upper())

    def refresh(self) -> None:
        halls = self.call(self.ctx.schedule.list_halls, self.cinema.currentData())
        if halls is None:
            return
        keep = self.editing
        self.hall.blockSignals(True)
        self.hall.clear()
        for h in halls:
            self.hall.addItem(self.tr("%1 (%2 seats)").replace("%1", h.name)
                              .replace("%2", str(h.seat_count)), h.hall_id)
        if keep:
            self.hall.setCurrentIndex(max(0, self.hall.findData(keep)))
        self.hall.blockSignals(False)
        if halls:
            self.load_hall()
        else:
            self.new_hall()

    def load_hall(self) -> None:
        hall_id = self.hall.currentData()
        if not hall_id:
            return
        hall = self.call(self.ctx.schedule.hall, hall_id)
        if hall is None:
            return
        self.editing = hall.hall_id
        self.name.setText(hall.name)
        self.companion.blockSignals(True)
        self.companion.setChecked(hall.companion_required)
        self.companion.blockSignals(False)
        self.grid.set_spec(hall.layout.to_spec())
        self._row_picked(0)
        self.validate()

    @Slot()
    def new_hall(self) -> None:
        self.editing = None
        self.hall.blockSignals(True)
        self.hall.setCurrentIndex(-1)
        self.hall.blockSignals(False)
        self.name.setText(self.tr("New hall"))
        rows = [{"label": label, "cells": "SSSS__SSSSSS__SSSS"} for label in "ABCDEF"]
        rows[0]["cells"] = "WC__SSSSSSSSSS__CW"
        self.grid.set_spec({"rows": rows})
        self._row_picked(0)
        self.validate()

    @Slot()
    def validate(self) -> str:
        """Check the painted layout now; returns the problem text ('' when it can be saved)."""
        try:
            layout = self.ctx.bridge.call(self.ctx.schedule.check_layout, self.editing,
                                          self.grid.spec(), self.companion.isChecked())
        except KioskError as err:
            message = str(err)
            self._mark_problems(message)
            self._status(message, "bad")
            self.save_button.setEnabled(False)
            return message
        self.grid.problem_seats = set()
        self.grid.update()
        counts: dict[str, int] = {}
        for seat in layout.seats.values():
            counts[seat.type] = counts.get(seat.type, 0) + 1
        detail = ", ".join(f"{seat_type_name(t)}: {n}" for t, n in sorted(counts.items()))
        self._status(self.tr("%1 seats (%2). Ready to save.").replace("%1", str(layout.seat_count))
                     .replace("%2", detail), "good")
        self.save_button.setEnabled(True)
        return ""

    def _mark_problems(self, message: str) -> None:
        """Outline the seats a message names, so the manager sees where to paint."""
        import re

        named = set(re.findall(r"\b([A-Z]{1,3}\d{1,4})\b", message))
        marked = set()
        for r, (label, cells) in enumerate(self.grid.rows):
            number = 0
            for c, ch in enumerate(cells):
                if ch != GAP:
                    number += 1
                    if f"{label.strip()}{number}" in named:
                        marked.add((r, c))
        self.grid.problem_seats = marked
        self.grid.update()

    def _status(self, text: str, role: str) -> None:
        self.status.setText(text)
        self.status.setProperty("role", role)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    @Slot()
    def save(self) -> None:
        hall = self.call(self.ctx.schedule.save_hall, self.actor, spec=self.grid.spec(),
                         name=self.name.text(), cinema_id=self.cinema.currentData(),
                         companion_required=self.companion.isChecked(), hall_id=self.editing)
        if hall is None:
            return
        self.editing = hall.hall_id
        self.banner.show_message(self.tr("Saved %1: %2 seats.").replace("%1", hall.name)
                                 .replace("%2", str(hall.seat_count)), "ok")
        self.refresh()

"""Seat map colours: a normal and a high-contrast set.

Colour is never the only signal (every status also has a mark, every seat type a shape), so the
palettes only need to keep marks legible against their fills. The app's theme switches palettes
at run time through ``SeatMapView.set_palette``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from kiosk.services.models import SeatStatus


@dataclass(frozen=True)
class SeatPalette:
    name: str
    background: QColor
    screen_fill: QColor
    screen_text: QColor
    row_label: QColor
    outline: QColor
    free_fill: dict[str, QColor]  # by seat type
    glyph: QColor  # seat numbers, the wheelchair glyph, the companion C
    premium_bar: QColor
    status_fill: dict[SeatStatus, QColor]  # statuses other than FREE / ALLOCATED_HERE
    status_mark: dict[SeatStatus, QColor]
    allocated_outline: QColor
    focus: QColor
    outline_width: float = 2.0

    def fill(self, seat_type: str, status: SeatStatus) -> QColor:
        if status in (SeatStatus.FREE, SeatStatus.ALLOCATED_HERE):
            return self.free_fill.get(seat_type, self.free_fill["standard"])
        return self.status_fill[status]

    def mark(self, status: SeatStatus) -> QColor:
        return self.status_mark.get(status, self.glyph)


def _c(hex_code: str) -> QColor:
    return QColor(hex_code)


NORMAL = SeatPalette(
    name="normal",
    background=_c("#f4f5f7"),
    screen_fill=_c("#4a5361"),
    screen_text=_c("#ffffff"),
    row_label=_c("#1b1f24"),
    outline=_c("#3b4a5e"),
    free_fill={
        "standard": _c("#d6e6f8"),
        "premium": _c("#e4d9f6"),
        "recliner": _c("#cdeee6"),
        "wheelchair": _c("#c9e0fb"),
        "companion": _c("#c9e0fb"),
    },
    glyph=_c("#10243e"),
    premium_bar=_c("#5b2fa8"),
    status_fill={
        SeatStatus.HELD_BY_ME: _c("#1d7a33"),
        SeatStatus.HELD: _c("#f3cf7a"),
        SeatStatus.SOLD: _c("#c3c7cd"),
        SeatStatus.BLOCKED: _c("#5f6773"),
    },
    status_mark={
        SeatStatus.HELD_BY_ME: _c("#ffffff"),
        SeatStatus.HELD: _c("#7a5200"),
        SeatStatus.SOLD: _c("#3c424b"),
        SeatStatus.BLOCKED: _c("#ffffff"),
        SeatStatus.ALLOCATED_HERE: _c("#1f5fbf"),
    },
    allocated_outline=_c("#1f5fbf"),
    focus=_c("#d9480f"),
)

HIGH_CONTRAST = SeatPalette(
    name="high-contrast",
    background=_c("#000000"),
    screen_fill=_c("#ffffff"),
    screen_text=_c("#000000"),
    row_label=_c("#ffffff"),
    outline=_c("#ffffff"),
    free_fill={t: _c("#000000") for t in ("standard", "premium", "recliner", "wheelchair", "companion")},
    glyph=_c("#ffffff"),
    premium_bar=_c("#ffff00"),
    status_fill={
        SeatStatus.HELD_BY_ME: _c("#ffff00"),
        SeatStatus.HELD: _c("#000000"),
        SeatStatus.SOLD: _c("#5c5c5c"),
        SeatStatus.BLOCKED: _c("#262626"),
    },
    status_mark={
        SeatStatus.HELD_BY_ME: _c("#000000"),
        SeatStatus.HELD: _c("#ffff00"),
        SeatStatus.SOLD: _c("#ffffff"),
        SeatStatus.BLOCKED: _c("#ffffff"),
        SeatStatus.ALLOCATED_HERE: _c("#00ff00"),
    },
    allocated_outline=_c("#00ff00"),
    focus=_c("#00ffff"),
    outline_width=3.0,
)


def palette_for(high_contrast: bool) -> SeatPalette:
    return HIGH_CONTRAST if high_contrast else NORMAL

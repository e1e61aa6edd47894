"""How seats look, defined once: colour *and* shape or pattern per seat state and seat type,
for the normal and the high-contrast theme.

The sales map (``painting``), its legend and the manager's hall editor all draw from these
tables, so one seat type looks the same everywhere, and what a state means never rests on colour
alone (issue 14 defect 6): every state has a mark (check, hatch and clock, cross, bar, dashed
edge) and every type a body shape, a band or a glyph.

In high contrast each colour carries exactly one meaning: yellow is *selected* and nothing else
(not held elsewhere, not premium); magenta hatch is *held elsewhere*; cyan is premium; violet a
recliner; green an accessible space; orange a seat reserved for this kiosk; red the keyboard
focus. ``HIGH_CONTRAST.meanings()`` lists them so a test can hold the rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QColor

from kiosk.services.models import SeatStatus


class Mark(Enum):
    """What is drawn over a seat's body to say its state (never colour alone)."""

    NUMBER = "number"  # free: the seat number or the type's glyph
    CHECK = "check"  # selected for this sale
    HATCH_CLOCK = "hatch_clock"  # held by someone else: diagonal hatch and a clock face
    CROSS = "cross"  # sold
    BAR = "bar"  # not available (blocked)
    DASHED_DOT = "dashed_dot"  # free and reserved for this kiosk: dashed edge, corner dot


@dataclass(frozen=True)
class Shape:
    """A seat type's body inside its square cell, in fractions of the cell (Qt-free numbers)."""

    inset_x: float
    inset_y: float
    radius: float  # corner radius
    band: bool = False  # a band across the top (premium)
    glyph: str = ""  # drawn instead of the seat number (wheelchair, companion)


@dataclass(frozen=True)
class TypeStyle:
    shape: Shape
    fill: QColor  # body of a free seat of this type
    edge: QColor  # its outline
    accent: QColor  # the band (premium), the hall editor's brush swatch


@dataclass(frozen=True)
class StateStyle:
    mark: Mark
    fill: QColor | None  # None: the seat type's own fill (free, reserved here)
    ink: QColor  # the mark's colour
    edge: QColor | None = None  # None: the seat type's edge


SHAPES: dict[str, Shape] = {
    "standard": Shape(0.10, 0.10, 0.16),
    "premium": Shape(0.10, 0.10, 0.16, band=True),
    "companion": Shape(0.10, 0.10, 0.16, glyph="C"),
    "recliner": Shape(0.03, 0.08, 0.34),
    "wheelchair": Shape(0.07, 0.07, 0.06, glyph="\u267f"),
}
SEAT_TYPES = tuple(SHAPES)


@dataclass(frozen=True)
class SeatPalette:
    name: str
    background: QColor
    screen_fill: QColor
    screen_text: QColor
    row_label: QColor
    glyph: QColor  # seat numbers and type glyphs on free seats
    types: dict[str, TypeStyle]
    states: dict[SeatStatus, StateStyle]
    focus: QColor
    gap: QColor  # an aisle cell in the hall editor
    outline_width: float = 2.0

    # --- lookups the painters use --------------------------------------------------------
    def type_style(self, seat_type: str) -> TypeStyle:
        return self.types.get(seat_type, self.types["standard"])

    def shape(self, seat_type: str) -> Shape:
        return SHAPES.get(seat_type, SHAPES["standard"])

    def fill(self, seat_type: str, status: SeatStatus) -> QColor:
        own = self.states[status].fill
        return own if own is not None else self.type_style(seat_type).fill

    def edge(self, seat_type: str, status: SeatStatus) -> QColor:
        own = self.states[status].edge
        return own if own is not None else self.type_style(seat_type).edge

    def mark(self, status: SeatStatus) -> QColor:
        return self.states[status].ink

    def meanings(self) -> dict[str, set[str]]:
        """Colour (hex) -> what it means on the map, outside the neutrals (background, outline,
        text, glyph): the high-contrast rule is one meaning per colour."""
        neutral = {c.name() for c in (self.background, self.glyph, self.screen_fill,
                                      self.screen_text, self.row_label,
                                      self.types["standard"].fill,
                                      self.types["standard"].edge)}
        found: dict[str, set[str]] = {}

        def add(colour: QColor | None, meaning: str) -> None:
            if colour is not None and colour.name() not in neutral:
                found.setdefault(colour.name(), set()).add(meaning)

        for seat_type, style in self.types.items():
            kind = "accessible" if seat_type in ("wheelchair", "companion") else seat_type
            for colour in (style.fill, style.edge, style.accent):
                add(colour, f"type:{kind}")
        for status, style in self.states.items():
            if style.mark is not Mark.NUMBER:
                for colour in (style.fill, style.ink, style.edge):
                    add(colour, f"status:{status.value}")
        add(self.focus, "focus")
        return found


def _c(hex_code: str) -> QColor:
    return QColor(hex_code)


_NORMAL_OUTLINE = _c("#3b4a5e")

NORMAL = SeatPalette(
    name="normal",
    background=_c("#f4f5f7"),
    screen_fill=_c("#4a5361"),
    screen_text=_c("#ffffff"),
    row_label=_c("#1b1f24"),
    glyph=_c("#10243e"),
    types={
        "standard": TypeStyle(SHAPES["standard"], _c("#d6e6f8"), _NORMAL_OUTLINE, _c("#5b8def")),
        "premium": TypeStyle(SHAPES["premium"], _c("#e4d9f6"), _NORMAL_OUTLINE, _c("#5b2fa8")),
        "recliner": TypeStyle(SHAPES["recliner"], _c("#f6e0cf"), _c("#8a3c0f"), _c("#c2571a")),
        "wheelchair": TypeStyle(SHAPES["wheelchair"], _c("#cdeed9"), _c("#1e6e3e"),
                                _c("#1e8e4a")),
        "companion": TypeStyle(SHAPES["companion"], _c("#cdeed9"), _c("#1e6e3e"), _c("#1e8e4a")),
    },
    states={
        SeatStatus.FREE: StateStyle(Mark.NUMBER, None, _c("#10243e")),
        SeatStatus.ALLOCATED_HERE: StateStyle(Mark.DASHED_DOT, None, _c("#1f5fbf"),
                                              _c("#1f5fbf")),
        SeatStatus.HELD_BY_ME: StateStyle(Mark.CHECK, _c("#1d7a33"), _c("#ffffff")),
        SeatStatus.HELD: StateStyle(Mark.HATCH_CLOCK, _c("#f3cf7a"), _c("#7a5200")),
        SeatStatus.SOLD: StateStyle(Mark.CROSS, _c("#c3c7cd"), _c("#3c424b")),
        SeatStatus.BLOCKED: StateStyle(Mark.BAR, _c("#5f6773"), _c("#ffffff")),
    },
    focus=_c("#d9480f"),
    gap=_c("#c9ced6"),
)

_WHITE = _c("#ffffff")
_BLACK = _c("#000000")

HIGH_CONTRAST = SeatPalette(
    name="high-contrast",
    background=_BLACK,
    screen_fill=_WHITE,
    screen_text=_BLACK,
    row_label=_WHITE,
    glyph=_WHITE,
    types={
        "standard": TypeStyle(SHAPES["standard"], _BLACK, _WHITE, _WHITE),
        "premium": TypeStyle(SHAPES["premium"], _BLACK, _c("#00e5ff"), _c("#00e5ff")),
        "recliner": TypeStyle(SHAPES["recliner"], _BLACK, _c("#c9a0ff"), _c("#c9a0ff")),
        "wheelchair": TypeStyle(SHAPES["wheelchair"], _BLACK, _c("#00ff66"), _c("#00ff66")),
        "companion": TypeStyle(SHAPES["companion"], _BLACK, _c("#00ff66"), _c("#00ff66")),
    },
    states={
        SeatStatus.FREE: StateStyle(Mark.NUMBER, None, _WHITE),
        SeatStatus.ALLOCATED_HERE: StateStyle(Mark.DASHED_DOT, None, _c("#ff9900"),
                                              _c("#ff9900")),
        SeatStatus.HELD_BY_ME: StateStyle(Mark.CHECK, _c("#ffff00"), _BLACK, _c("#ffff00")),
        SeatStatus.HELD: StateStyle(Mark.HATCH_CLOCK, _BLACK, _c("#ff5cff"), _c("#ff5cff")),
        SeatStatus.SOLD: StateStyle(Mark.CROSS, _c("#5c5c5c"), _WHITE, _c("#5c5c5c")),
        SeatStatus.BLOCKED: StateStyle(Mark.BAR, _c("#262626"), _WHITE, _c("#8c8c8c")),
    },
    focus=_c("#ff4d4d"),
    gap=_c("#666666"),
    outline_width=3.0,
)


def palette_for(high_contrast: bool) -> SeatPalette:
    return HIGH_CONTRAST if high_contrast else NORMAL

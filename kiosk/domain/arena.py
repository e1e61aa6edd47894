"""Arena-sized hall layouts, generated: tiers, blocks and aisles in the ordinary layout format.

Concert and stadium halls run 50,000-100,000 seats; nobody types those into the grid editor.
``arena_layout`` builds one from a few numbers: tiers front to back (each wider than the one
before, centred, the bowl of an arena seen from above), each tier cut into blocks of seats by
aisle columns, tiers separated by a concourse (empty rows: cross aisles). Front rows of every
tier hold wheelchair spaces with companion seats at the aisle ends of the blocks, the first rows
of the lowest tier are premium. The result is a plain ``HallLayout`` spec (rows of cell strings),
so the seat map, the section picker, the hall editor and import all take it as any other hall.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.domain.errors import InvalidInput
from kiosk.domain.layout import GAP, HallLayout


@dataclass(frozen=True)
class Tier:
    """One tier of an arena: ``rows`` rows of ``blocks`` blocks of ``block_seats`` seats."""

    rows: int
    blocks: int
    block_seats: int

    @property
    def seats(self) -> int:
        return self.rows * self.blocks * self.block_seats


# 24,000 + 36,000 + 40,000 = exactly 100,000 seats; rows 80 + 100 + 100 and two concourses
ARENA_100K = (Tier(80, 12, 25), Tier(100, 15, 24), Tier(100, 16, 25))
AISLE_CELLS = 2  # columns between blocks
CONCOURSE_ROWS = 2  # empty rows between tiers
PREMIUM_ROWS = 5  # first rows of the lowest tier


def row_label(index: int) -> str:
    """Spreadsheet-style row letters: A..Z, AA..AZ, ... (0-based index)."""
    label = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        label = chr(65 + rem) + label
    return label


def _tier_width(tier: Tier, aisle: int) -> int:
    return tier.blocks * tier.block_seats + (tier.blocks - 1) * aisle


def arena_spec(tiers: tuple[Tier, ...] = ARENA_100K, aisle: int = AISLE_CELLS,
               concourse: int = CONCOURSE_ROWS) -> dict[str, Any]:
    """The layout spec (``{"rows": [...]}``) of an arena with these tiers."""
    if not tiers or any(t.rows < 1 or t.blocks < 1 or t.block_seats < 2 for t in tiers):
        raise InvalidInput("An arena needs at least one tier, each with rows, blocks and "
                           "at least two seats a block.")
    width = max(_tier_width(t, aisle) for t in tiers)
    rows: list[dict[str, str]] = []
    seat_rows = 0
    for t_index, tier in enumerate(tiers):
        if t_index:
            rows.extend({"label": "", "cells": GAP * width} for _ in range(concourse))
        lead = (width - _tier_width(tier, aisle)) // 2
        for r in range(tier.rows):
            kind = "P" if t_index == 0 and r < PREMIUM_ROWS else "S"
            block = [kind] * tier.block_seats
            if r == 0:  # wheelchair space + companion at both aisle ends of every block
                block[0], block[1], block[-2], block[-1] = "W", "C", "C", "W"
            body = (GAP * aisle).join("".join(block) for _ in range(tier.blocks))
            cells = GAP * lead + body
            rows.append({"label": row_label(seat_rows), "cells": cells + GAP * (width - len(cells))})
            seat_rows += 1
    return {"rows": rows}


def arena_layout(tiers: tuple[Tier, ...] = ARENA_100K, aisle: int = AISLE_CELLS,
                 concourse: int = CONCOURSE_ROWS) -> HallLayout:
    """A parsed arena hall (100,000 seats by default)."""
    return HallLayout.from_spec(arena_spec(tiers, aisle, concourse))


__all__ = ["ARENA_100K", "Tier", "arena_layout", "arena_spec", "row_label"]

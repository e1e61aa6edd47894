"""The arena generator (issue 15): tiers, blocks and aisles in the ordinary layout format."""

from __future__ import annotations

import re

import pytest

from kiosk.domain.arena import (
    AISLE_CELLS,
    ARENA_100K,
    CONCOURSE_ROWS,
    Tier,
    arena_layout,
    arena_spec,
)
from kiosk.domain.errors import InvalidInput
from kiosk.domain.layout import GAP, SeatType

SMALL = (Tier(3, 2, 6), Tier(4, 3, 5))  # 36 + 60 seats


def test_the_default_arena_has_exactly_100000_seats_in_three_tiers():
    spec = arena_spec()  # counted on the spec: parsing 100,000 seats belongs in the bench
    rows = spec["rows"]
    assert sum(len(r["cells"]) - r["cells"].count(GAP) for r in rows) == 100_000
    assert sum(t.seats for t in ARENA_100K) == 100_000
    assert len(rows) == sum(t.rows for t in ARENA_100K) + 2 * CONCOURSE_ROWS
    assert len({len(r["cells"]) for r in rows}) == 1  # one rectangular grid
    labels = [r["label"] for r in rows if r["label"]]
    assert len(labels) == len(set(labels)) == 280


def test_blocks_aisles_tiers_and_accessible_seats():
    layout = arena_layout(SMALL)
    assert layout.seat_count == 96
    concourse = [r for r in layout.rows if not r.label]
    assert len(concourse) == CONCOURSE_ROWS and all(set(r.cells) == {GAP} for r in concourse)
    tiers = [layout.rows[:3], layout.rows[3 + CONCOURSE_ROWS:]]
    for tier, spec in zip(tiers, SMALL, strict=True):
        for row in tier:
            blocks = re.findall(r"[^_]+", row.cells)
            assert [len(b) for b in blocks] == [spec.block_seats] * spec.blocks
            aisles = re.findall(r"(?<=[^_])_+(?=[^_])", row.cells)
            assert aisles == [GAP * AISLE_CELLS] * (spec.blocks - 1)
    # the upper tier is wider and both are centred on the same axis
    lower, upper = tiers[0][0].cells, tiers[1][0].cells
    assert len(lower.strip(GAP)) < len(upper.strip(GAP))
    assert abs(lower.index("W") - (len(lower) - 1 - lower.rindex("W"))) <= 1
    # wheelchair space + companion at both ends of every block of each tier's front row
    for tier, spec in zip(tiers, SMALL, strict=True):
        front = [s for s in layout.seats.values() if s.row_label == tier[0].label]
        kinds = [s.type for s in front]
        assert kinds.count(SeatType.WHEELCHAIR) == kinds.count(SeatType.COMPANION) == 2 * spec.blocks
    assert layout.seats["A1"].type is SeatType.WHEELCHAIR
    assert layout.seats["B3"].type is SeatType.PREMIUM  # the lowest tier's first rows


def test_an_arena_without_tiers_or_blocks_is_refused():
    with pytest.raises(InvalidInput):
        arena_spec(())
    with pytest.raises(InvalidInput):
        arena_spec((Tier(2, 0, 5),))

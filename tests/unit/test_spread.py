"""Where a seller looks while others race it for the same show (``kiosk.domain.spread``)."""

from __future__ import annotations

import random

from kiosk.domain.layout import HallLayout
from kiosk.domain.seating import best_available
from kiosk.domain.spread import CONTENDED_S, LANES, Spread

SHOW = "show-1"


def hall(rows: int, per_row: int) -> HallLayout:
    return HallLayout.from_spec(
        {"rows": [{"label": f"R{i:02d}", "cells": "S" * per_row} for i in range(rows)]})


def lanes_of(layout: HallLayout, seats: list[str]) -> set[int]:
    return {layout.seats[s].row_index % min(LANES, len(layout.rows)) for s in seats}


def test_a_calm_show_gets_the_very_best_block() -> None:
    layout = hall(20, 10)
    spread = Spread(random.Random(1))
    assert spread.pick(SHOW, layout, set(), 2, False, 0.0) == best_available(layout, set(), 2)
    assert spread.lane(SHOW) is None


def test_after_a_refusal_the_seller_keeps_to_its_lane_then_moves_when_refused_again() -> None:
    layout = hall(40, 10)
    spread = Spread(random.Random(2))
    spread.refused(SHOW, 100.0, layout)
    lane = spread.lane(SHOW)
    assert lane is not None
    first = spread.pick(SHOW, layout, set(), 2, False, 101.0)
    assert lanes_of(layout, first) == {lane}
    spread.refused(SHOW, 101.0, layout)  # someone else sells in this lane too: move
    assert spread.lane(SHOW) not in (None, lane)
    assert lanes_of(layout, spread.pick(SHOW, layout, set(), 2, False, 102.0)) \
        == {spread.lane(SHOW)}


def test_the_race_ends_after_a_calm_spell_and_the_best_block_comes_back() -> None:
    layout = hall(40, 10)
    spread = Spread(random.Random(3))
    spread.refused(SHOW, 100.0, layout)
    assert spread.contended(SHOW, 100.0 + CONTENDED_S - 0.1)
    assert spread.pick(SHOW, layout, set(), 2, False, 100.0 + CONTENDED_S) \
        == best_available(layout, set(), 2)
    assert not spread.contended(SHOW, 100.0 + CONTENDED_S)


def test_an_empty_lane_moves_the_seller_and_with_every_lane_empty_it_picks_among_the_last(
        ) -> None:
    layout = hall(4, 6)  # 4 rows: 4 lanes of one row each
    spread = Spread(random.Random(4))
    spread.refused(SHOW, 0.0, layout)
    lane = spread.lane(SHOW)
    full_row = {code for code, seat in layout.seats.items() if seat.row_index == lane}
    moved = spread.pick(SHOW, layout, full_row, 2, False, 1.0)
    assert moved and lanes_of(layout, moved) != {lane}  # its own row is full: another row
    everything = set(layout.seats)
    assert spread.pick(SHOW, layout, everything, 2, False, 2.0) == []  # sold out: every lane
    # a pair given back in a row already found empty, in every row: found all the same
    given_back = {c for c in everything if layout.seats[c].number > 2}
    picks = {tuple(spread.pick(SHOW, layout, given_back, 2, False, 3.0)) for _ in range(40)}
    assert len(picks) > 1  # one of the last few, not every seller on the same block
    assert all(p and not given_back & set(p) for p in picks)


def _race(sellers: int, rows: int, per_row: int, seed: int) -> tuple[int, int]:
    """Sellers each pick a block from the same view, then claim in a random order: the first
    claim of a seat wins, a later one is refused (what DynamoDB's conditions do). Returns
    (sales, refusals) for the whole sale."""
    rng = random.Random(seed)
    layout = hall(rows, per_row)
    spreads = [Spread(random.Random(seed * 100 + i)) for i in range(sellers)]
    sold: set[str] = set()
    sales = refusals = 0
    now = 0.0
    while best_available(layout, sold, 2):
        now += 0.1
        view = set(sold)  # what every seller saw at its last pull
        picks = [(i, s.pick(SHOW, layout, view, 2, False, now)) for i, s in enumerate(spreads)]
        rng.shuffle(picks)
        for i, block in picks:
            if not block:
                continue
            if sold.isdisjoint(block):
                sold.update(block)
                sales += 1
            else:
                spreads[i].refused(SHOW, now, layout)
                refusals += 1
    return sales, refusals


def test_eight_sellers_racing_for_a_whole_hall_are_refused_rarely() -> None:
    """Every seller used to search the same best few blocks: ~3 refusals a sale in the flash
    sale. In lanes, a seller is refused only until it finds rows nobody else sells in."""
    sales, refusals = _race(sellers=9, rows=50, per_row=50, seed=5)
    assert sales == 50 * 50 // 2  # sold out, every pair
    assert refusals / sales < 0.4, (sales, refusals)  # the random pick among the best few: 0.8


def test_a_finished_race_is_forgotten_with_its_lanes_seats() -> None:
    """A contended show keeps one lane's seat set; a day of sold-out shows keeps none."""
    layout = hall(40, 10)
    spread = Spread(random.Random(6))
    spread.refused(SHOW, 0.0, layout)
    spread.pick(SHOW, layout, set(), 2, False, 1.0)
    assert set(spread._outside) == {SHOW}
    spread.pick("other-show", layout, set(), 2, False, CONTENDED_S + 1)  # never picked again
    assert spread._races == {} and spread._outside == {}


def test_refusals_widen_the_pick_within_the_lane_and_a_sale_narrows_it() -> None:
    """A kiosk that cannot pull sees every lane's front free: after refusals it must reach
    further back in its lane, not walk the front one refused block at a time."""
    from kiosk.domain.spread import FIRST_SPREAD, MAX_SPREAD

    layout = hall(4, 40)  # 4 lanes of one row, 20 pairs a row
    spread = Spread(random.Random(7))
    spread.refused(SHOW, 0.0, layout)
    race = spread._races[SHOW]
    assert race.window == 1
    for _ in range(5):
        spread.refused(SHOW, 1.0, layout)
    assert race.window == MAX_SPREAD
    lane = spread.lane(SHOW)
    picks = {tuple(spread.pick(SHOW, layout, set(), 2, False, 2.0)) for _ in range(30)}
    assert len(picks) > 5 and all(lanes_of(layout, list(p)) == {lane} for p in picks)
    spread.sold(SHOW)
    assert race.window == MAX_SPREAD // 2 >= FIRST_SPREAD

"""Best-available seat search: properties over random halls, and the choices a clerk expects."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.errors import InvalidInput
from kiosk.domain.layout import ACCESSIBLE_TYPES, HallLayout, SeatType
from kiosk.domain.seating import best_available


def hall(*rows: str) -> HallLayout:
    """Rows given as 'LABEL:cells'; an empty label makes a cross aisle."""
    spec = []
    for row in rows:
        label, _, cells = row.partition(":")
        spec.append({"label": label, "cells": cells})
    return HallLayout.from_spec({"rows": spec})


def free_runs(layout: HallLayout, unavailable: set[str], accessible: bool) -> list[list[str]]:
    """Brute force: maximal runs of usable free seats in consecutive columns of one row."""
    runs: list[list[str]] = []
    for row_index in range(len(layout.rows)):
        run: list = []
        for seat in sorted(layout.seats_in_row(row_index), key=lambda s: s.column):
            usable = seat.code not in unavailable and (
                accessible or seat.type not in ACCESSIBLE_TYPES)
            if usable and run and seat.column == run[-1].column + 1:
                run.append(seat)
            else:
                if run:
                    runs.append([s.code for s in run])
                run = [seat] if usable else []
        if run:
            runs.append([s.code for s in run])
    return runs


def stranded(block: list[str], runs: list[list[str]]) -> int:
    for run in runs:
        if block[0] in run:
            start = run.index(block[0])
            return (start == 1) + (len(run) - start - len(block) == 1)
    raise AssertionError("block not inside a free run")


def has_pair(layout: HallLayout, block: list[str]) -> bool:
    types = [layout.seat(c).type for c in block]
    return any({types[i], types[i + 1]} == {SeatType.WHEELCHAIR, SeatType.COMPANION}
               for i in range(len(types) - 1))


# ---------------------------------------------------------------------------- properties
@st.composite
def scenarios(draw):
    n_rows = draw(st.integers(1, 7))
    width = draw(st.integers(1, 18))
    rows = []
    for i in range(n_rows):
        if i and draw(st.integers(0, 6)) == 0:
            rows.append({"label": "", "cells": "_" * width})
            continue
        cells = draw(st.text(alphabet="SSSSSPPRWC__", min_size=1, max_size=width))
        if all(c == "_" for c in cells):
            cells = "S" + cells[1:]
        rows.append({"label": "ABCDEFGH"[i], "cells": cells})
    layout = HallLayout.from_spec({"rows": rows})
    codes = sorted(layout.seats)
    unavailable = set(draw(st.lists(st.sampled_from(codes), max_size=len(codes))))
    unavailable |= set(draw(st.lists(st.sampled_from(["ZZ1", "Q99", ""]), max_size=2)))
    n = draw(st.integers(1, 10))
    accessible = draw(st.booleans())
    return layout, unavailable, n, accessible


@settings(max_examples=400, deadline=None)
@given(scenarios())
def test_result_is_a_free_adjacent_block_or_none_only_when_impossible(scenario):
    layout, unavailable, n, accessible = scenario
    result = best_available(layout, unavailable, n, accessible=accessible)
    runs = free_runs(layout, unavailable, accessible)
    possible = [r for r in runs if len(r) >= n]
    if result is None:
        assert not possible
        return
    assert len(result) == n
    seats = [layout.seat(code) for code in result]
    assert not set(result) & unavailable
    assert len({s.row_index for s in seats}) == 1
    columns = [s.column for s in seats]
    assert columns == list(range(columns[0], columns[0] + n))
    if not accessible:
        assert not any(s.type in ACCESSIBLE_TYPES for s in seats)
    # No stranded single seat when some block manages without one (for an accessible
    # request: among blocks that hold a wheelchair-companion pair just as the result does).
    blocks = [r[i:i + n] for r in possible for i in range(len(r) - n + 1)]
    if accessible:
        def wanted(block: list[str]) -> bool:
            if n == 1:
                return layout.seat(block[0]).type is SeatType.WHEELCHAIR
            return has_pair(layout, block)

        blocks = [b for b in blocks if wanted(b) == wanted(result)]
    assert stranded(result, runs) == min(stranded(b, runs) for b in blocks)


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_deterministic_and_independent_of_the_layout_object(scenario):
    layout, unavailable, n, accessible = scenario
    first = best_available(layout, unavailable, n, accessible=accessible)
    again = best_available(layout, set(unavailable), n, accessible=accessible)
    twin = HallLayout.from_spec(layout.to_spec())
    assert first == again == best_available(twin, frozenset(unavailable), n, accessible=accessible)


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_accessible_request_prefers_a_wheelchair_space_with_its_companion(scenario):
    layout, unavailable, n, _ = scenario
    result = best_available(layout, unavailable, n, accessible=True)
    runs = free_runs(layout, unavailable, accessible=True)
    if n == 1:
        free_spaces = [c for r in runs for c in r if layout.seat(c).type is SeatType.WHEELCHAIR]
        if free_spaces:
            assert result is not None and layout.seat(result[0]).type is SeatType.WHEELCHAIR
        return
    pair_possible = any(has_pair(layout, r[i:i + n])
                        for r in runs for i in range(len(r) - n + 1))
    if pair_possible:
        assert result is not None and has_pair(layout, result)


# ---------------------------------------------------------------------------- examples
def test_prefers_centre_column_and_two_thirds_back():
    layout = hall(*(f"{label}:SSSSSSSSSSSS" for label in "ABCDEFGHJK"))  # A is the front
    result = best_available(layout, set(), 4)
    assert result == ["G5", "G6", "G7", "G8"]  # row index 6 of 0..9, columns 4-7 of 0..11


def test_front_rows_cost_more_than_rear_rows():
    layout = hall(*(f"{label}:SSSSSS" for label in "ABCDEFG"))  # sweet spot: row E (index 4)
    taken = {f"E{i}" for i in range(1, 7)}
    assert best_available(layout, taken, 2)[0][0] == "F"  # one behind beats one in front


def test_never_across_an_aisle_or_gap():
    layout = hall("A:SSS_SSS")
    assert best_available(layout, set(), 4) is None
    assert best_available(layout, set(), 3) in (["A1", "A2", "A3"], ["A4", "A5", "A6"])


def test_does_not_strand_a_single_seat():
    layout = hall("A:SSSSSSSS")
    # Seats 1 and 8 taken; a centred pair at 4-5 would strand nothing but leave 2 | 2 ... fine;
    # with seat 3 taken, the pair 4-5 would leave seat 6-7 (two) and nothing stranded on the left.
    result = best_available(layout, {"A3"}, 3)
    assert stranded(result, free_runs(layout, {"A3"}, False)) == 0
    assert result in (["A4", "A5", "A6"], ["A6", "A7", "A8"])


def test_relaxes_the_stranding_rule_rather_than_fail():
    layout = hall("A:SSSS")
    assert best_available(layout, set(), 3) in (["A1", "A2", "A3"], ["A2", "A3", "A4"])


def test_accessibility_seats_only_on_request():
    layout = hall("A:WCSSCW")
    assert best_available(layout, set(), 2) == ["A3", "A4"]
    assert best_available(layout, {"A3"}, 2) is None
    with_pair = best_available(layout, set(), 2, accessible=True)
    assert with_pair in (["A1", "A2"], ["A5", "A6"])
    assert best_available(layout, set(), 1, accessible=True) in (["A1"], ["A6"])
    assert best_available(layout, set(), 1) in (["A3"], ["A4"])


def test_accessible_request_falls_back_to_ordinary_seats():
    layout = hall("A:SSSS", "B:WC__")
    assert best_available(layout, {"B1"}, 2, accessible=True) is not None


def test_unknown_seat_codes_are_ignored_and_full_hall_gives_none():
    layout = hall("A:SSS")
    assert best_available(layout, {"Z9", "nope"}, 3) == ["A1", "A2", "A3"]
    assert best_available(layout, {"A1", "A2", "A3"}, 1) is None


@pytest.mark.parametrize("n", [0, 11, -1, True, 2.5, "3"])
def test_party_size_must_be_1_to_10(n):
    with pytest.raises(InvalidInput):
        best_available(hall("A:SSSSSSSSSSSS"), set(), n)


def test_cache_follows_the_layout_object_not_a_recycled_id():
    # Many short-lived layouts of different shapes: a cache keyed on a recycled id() would
    # hand one layout's segments to another.
    from kiosk.domain import seating

    ids = []
    for width in range(3, 40):
        layout = hall(f"A:{'S' * width}")
        result = best_available(layout, set(), 2)
        assert all(code in layout.seats for code in result)
        twin = hall(f"A:{'S' * width}")  # alive at the same time: a distinct id, a fresh index
        assert result == best_available(twin, set(), 2)
        del twin
        ids.append(id(layout))
        del layout  # freed at once (reference counting): the next layout may reuse its id()
    assert len(set(ids)) < len(ids)  # ids were recycled, so the cache really was put to the test
    assert not any(ref() is None for ref, _ in seating._CACHE.values())  # dead entries dropped


def test_large_hall_with_scattered_sales():
    rows = [{"label": f"R{i:03d}", "cells": "_".join(["S" * 50] * 4)} for i in range(100)]
    layout = HallLayout.from_spec({"rows": rows})
    assert layout.seat_count == 20_000
    taken = {code for i, code in enumerate(sorted(layout.seats)) if i % 3 == 0}
    result = best_available(layout, taken, 2)
    assert result is not None and not set(result) & taken
    assert best_available(layout, set(layout.seats), 1) is None


@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_pruned_search_finds_the_same_block_as_trying_every_start(scenario):
    """The search tries only a few starts per free run (the cost is convex in the start);
    trying every start of every run must not find a better block."""
    from kiosk.domain import seating

    layout, unavailable, n, accessible = scenario
    index = seating._index(layout)
    mode = index.accessible if accessible else index.general
    blocked: dict[int, set[int]] = {}
    for code in unavailable:
        if code in mode.position:
            seg, pos = mode.position[code]
            blocked.setdefault(seg, set()).add(pos)
    best = None
    for seg_index, seg in enumerate(mode.segments):
        taken = blocked.get(seg_index, set())
        lo = 0
        for p in [*sorted(taken), len(seg.codes)]:
            for start in range(lo, p - n + 1):
                key = seating._key(index, seg, start, n, lo, p, accessible)
                if best is None or key < best[0]:
                    best = (key, list(seg.codes[start:start + n]))
            lo = p + 1
    expected = None if best is None else best[1]
    assert best_available(layout, unavailable, n, accessible=accessible) == expected

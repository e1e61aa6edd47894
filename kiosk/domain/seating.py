"""Best-available seat search: the block a good box-office clerk would pick.

Rules, in order of importance:

1. The party sits together: ``n`` consecutive cells in ONE row, never across an aisle or gap.
2. Wheelchair and companion seats are kept for those who need them (only with ``accessible``);
   an accessible request prefers a block holding a wheelchair space next to its companion seat
   (for one seat: a wheelchair space).
3. No single free seat is stranded between the block and a taken seat, a gap or the row end
   (nobody buys a lone seat); if every block would strand one, the rule is relaxed, not failed.
4. Closest to the centre column and to the sweet spot about two thirds back from the screen
   (row index 0 is the front); rows in front of the sweet spot cost more than rows behind it.

Speed: the layout's row segments (runs of seats without a gap) are computed once per layout
object and cached, ordered by how good their row is. A search visits segments best row first,
finds free runs with a C-level scan (a mask string and a regex), tries only a few starts per
run (the cost is convex in the start) and stops as soon as no remaining row can beat the block
in hand: a half-sold 20,000-seat hall costs a few segments, not 20,000 seats.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from kiosk.domain.errors import InvalidInput
from kiosk.domain.layout import ACCESSIBLE_TYPES, HallLayout, Seat, SeatType

MAX_PARTY = 10
FRONT_ROW_WEIGHT = 1.5  # a row too close to the screen is worse than one too far back
COLUMN_WEIGHT = 1.0
SWEET_SPOT = 2 / 3  # fraction of the way from the front seat row to the back seat row

# A candidate's sort key: (misses accessibility preference, stranded singles, distance cost,
# row index, first column). Lower is better; the last two make the choice deterministic.
Key = tuple[int, int, float, int, int]


@dataclass(frozen=True, slots=True)
class _Segment:
    row_index: int
    start_column: int
    codes: tuple[str, ...]
    row_cost: float
    pair_positions: tuple[int, ...]  # positions p where p, p+1 are a wheelchair/companion pair
    wheelchair_positions: tuple[int, ...]  # positions of wheelchair spaces


@dataclass
class _Mode:
    """Segments of one search mode: with or without the accessibility seats."""

    segments: list[_Segment]
    position: dict[str, tuple[int, int]]  # seat code -> (segment index, position in segment)
    by_row_cost: list[int] = field(default_factory=list)  # segment indices, sweet spot first


@dataclass
class _Index:
    centre: float
    width: int
    general: _Mode
    accessible: _Mode


_CACHE: dict[int, tuple[weakref.ref[HallLayout], _Index]] = {}
_RUN_PATTERNS = {n: re.compile(r"\.{%d,}" % n) for n in range(1, MAX_PARTY + 1)}  # noqa: UP031


def _row_costs(layout: HallLayout) -> dict[int, float]:
    seat_rows = sorted({s.row_index for s in layout.seats.values()})
    first, last = seat_rows[0], seat_rows[-1]
    span = max(1, last - first)
    target = first + (last - first) * SWEET_SPOT
    costs = {}
    for r in seat_rows:
        offset = (r - target) / span
        costs[r] = -offset * FRONT_ROW_WEIGHT if offset < 0 else offset
    return costs


def _build_mode(layout: HallLayout, costs: dict[int, float], include_accessible: bool) -> _Mode:
    by_row: dict[int, list[Seat]] = {}
    for seat in layout.seats.values():
        by_row.setdefault(seat.row_index, []).append(seat)
    segments: list[_Segment] = []
    position: dict[str, tuple[int, int]] = {}

    def close(run: list[Seat]) -> None:
        if not run:
            return
        types = [s.type for s in run]
        pairs = tuple(
            p for p in range(len(run) - 1)
            if {types[p], types[p + 1]} == {SeatType.WHEELCHAIR, SeatType.COMPANION}
        )
        wheelchairs = tuple(p for p, t in enumerate(types) if t == SeatType.WHEELCHAIR)
        index = len(segments)
        segments.append(_Segment(run[0].row_index, run[0].column, tuple(s.code for s in run),
                                 costs[run[0].row_index], pairs, wheelchairs))
        for p, s in enumerate(run):
            position[s.code] = (index, p)

    for row_index in sorted(by_row):
        run: list[Seat] = []
        for seat in sorted(by_row[row_index], key=lambda s: s.column):
            usable = include_accessible or seat.type not in ACCESSIBLE_TYPES
            if usable and run and seat.column == run[-1].column + 1:
                run.append(seat)
                continue
            close(run)
            run = [seat] if usable else []
        close(run)
    order = sorted(range(len(segments)),
                   key=lambda i: (segments[i].row_cost, segments[i].row_index,
                                  segments[i].start_column))
    return _Mode(segments, position, order)


def _index(layout: HallLayout) -> _Index:
    cached = _CACHE.get(id(layout))
    if cached is not None and cached[0]() is layout:
        return cached[1]
    costs = _row_costs(layout)
    width = max(1, layout.width)
    index = _Index(
        centre=(layout.width - 1) / 2,
        width=width,
        general=_build_mode(layout, costs, include_accessible=False),
        accessible=_build_mode(layout, costs, include_accessible=True),
    )
    key = id(layout)

    def forget(_ref: weakref.ref[HallLayout]) -> None:  # the layout is gone: drop its index
        _CACHE.pop(key, None)

    _CACHE[key] = (weakref.ref(layout, forget), index)
    return index


def _key(index: _Index, seg: _Segment, start: int, n: int, lo: int, hi: int,
         want_pair: bool) -> Key:
    """Sort key of the block seg[start:start+n] inside the free run seg[lo:hi]."""
    stranded = (start - lo == 1) + (hi - (start + n) == 1)
    centre = seg.start_column + start + (n - 1) / 2
    cost = seg.row_cost + COLUMN_WEIGHT * abs(centre - index.centre) / index.width
    misses = 0
    if want_pair:
        if n == 1:  # a wheelchair user on their own: a wheelchair space
            misses = 0 if start in seg.wheelchair_positions else 1
        else:
            misses = 0 if any(start <= p and p + 1 < start + n for p in seg.pair_positions) else 1
    return (misses, stranded, round(cost, 9), seg.row_index, seg.start_column + start)


def _best_in_run(index: _Index, seg: _Segment, lo: int, hi: int, n: int,
                 want_pair: bool) -> tuple[Key, int] | None:
    """Best start inside the free run [lo, hi): the cost is convex in the start, so the optimum
    of each stranding class lies at an end of the run or within two of the centred start."""
    last = hi - n
    if last < lo:
        return None
    ideal = round(index.centre - seg.start_column - (n - 1) / 2)
    starts = {lo, lo + 1, lo + 2, last - 2, last - 1, last}
    starts.update(range(ideal - 2, ideal + 3))
    if want_pair:
        starts.update(seg.wheelchair_positions if n == 1 else ())
        for p in seg.pair_positions:
            # the pair at the block's right end or left end, and their neighbours
            starts.update(range(p + 2 - n, p + 5 - n))
            starts.update(range(p - 2, p + 1))
    best: tuple[Key, int] | None = None
    for start in starts:
        if lo <= start <= last:
            key = _key(index, seg, start, n, lo, hi, want_pair)
            if best is None or key < best[0]:
                best = (key, start)
    return best


def _free_runs(pattern: re.Pattern[str], codes: tuple[str, ...],
               unavailable: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """Runs [lo, hi) of at least n free seats (the caller checked the segment holds n): a mask
    string scanned by a regex, both built in C."""
    if unavailable.isdisjoint(codes):
        return [(0, len(codes))]
    mask = "".join(["x" if code in unavailable else "." for code in codes])
    return [m.span() for m in pattern.finditer(mask)]


def _search(index: _Index, mode: _Mode, unavailable: set[str] | frozenset[str], n: int,
            want_pair: bool) -> tuple[Key, list[str]] | None:
    """Visit segments nearest the sweet-spot row first; once the best block so far has nothing
    to regret (no accessibility miss, no stranded seat) and costs less than a segment's row
    alone, no later segment can beat it, so a nearly empty hall costs a handful of segments."""
    pattern = _RUN_PATTERNS[n]
    segments = mode.segments
    best: tuple[Key, int, int] | None = None
    for seg_index in mode.by_row_cost:
        seg = segments[seg_index]
        if best is not None and best[0][:2] == (0, 0) and seg.row_cost > best[0][2]:
            break
        if len(seg.codes) < n:
            continue
        for lo, hi in _free_runs(pattern, seg.codes, unavailable):
            found = _best_in_run(index, seg, lo, hi, n, want_pair)
            if found is not None and (best is None or found[0] < best[0]):
                best = (found[0], seg_index, found[1])
    if best is None:
        return None
    key, seg_index, start = best
    return key, list(segments[seg_index].codes[start:start + n])


def best_available(layout: HallLayout, unavailable: set[str] | frozenset[str], n: int,
                   accessible: bool = False) -> list[str] | None:
    """Seat codes of the best block of ``n`` adjacent free seats, or None when none fits.

    ``unavailable`` holds every seat that cannot be offered (sold, held, blocked); unknown codes
    are ignored. Wheelchair and companion seats are offered only when ``accessible`` is true.
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_PARTY:
        raise InvalidInput(f"Best available finds 1 to {MAX_PARTY} seats together; asked for {n}.")
    if not isinstance(unavailable, set | frozenset):
        unavailable = set(unavailable)
    index = _index(layout)
    if not accessible:
        found = _search(index, index.general, unavailable, n, want_pair=False)
    else:
        found = _search(index, index.accessible, unavailable, n, want_pair=True)
    return None if found is None else found[1]

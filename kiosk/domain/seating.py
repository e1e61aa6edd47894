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
object and cached. A search only walks the segments that contain an unavailable seat; the best
block of every untouched segment is precomputed per party size, so a nearly empty 20,000-seat
hall costs about as much as a nearly empty 200-seat one.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from kiosk.domain.errors import InvalidInput
from kiosk.domain.layout import ACCESSIBLE_TYPES, HallLayout, SeatType

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
    untouched_best: dict[int, list[tuple[Key, int, int]]] = field(default_factory=dict)


@dataclass
class _Index:
    centre: float
    width: int
    general: _Mode
    accessible: _Mode


_CACHE: dict[int, tuple[weakref.ref, _Index]] = {}


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
    by_row: dict[int, list] = {}
    for seat in layout.seats.values():
        by_row.setdefault(seat.row_index, []).append(seat)
    segments: list[_Segment] = []
    position: dict[str, tuple[int, int]] = {}

    def close(run: list) -> None:
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
        run: list = []
        for seat in sorted(by_row[row_index], key=lambda s: s.column):
            usable = include_accessible or seat.type not in ACCESSIBLE_TYPES
            if usable and run and seat.column == run[-1].column + 1:
                run.append(seat)
                continue
            close(run)
            run = [seat] if usable else []
        close(run)
    return _Mode(segments, position)


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
    _CACHE[key] = (weakref.ref(layout, lambda _ref, k=key: _CACHE.pop(k, None)), index)
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


def _untouched(index: _Index, mode: _Mode, n: int, want_pair: bool) -> list[tuple[Key, int, int]]:
    """Best block of every segment when the whole segment is free, sorted, per party size."""
    cache_key = n * 2 + want_pair
    found = mode.untouched_best.get(cache_key)
    if found is None:
        found = []
        for seg_index, seg in enumerate(mode.segments):
            best = _best_in_run(index, seg, 0, len(seg.codes), n, want_pair)
            if best is not None:
                found.append((best[0], seg_index, best[1]))
        found.sort()
        mode.untouched_best[cache_key] = found
    return found


def _runs_from_blocked(positions: list[int], length: int, n: int) -> list[tuple[int, int]]:
    positions.sort()
    runs, lo = [], 0
    for p in (*positions, length):
        if p - lo >= n:
            runs.append((lo, p))
        lo = p + 1
    return runs


def _runs_from_free(positions: list[int], n: int) -> list[tuple[int, int]]:
    positions.sort()
    runs, lo, prev = [], positions[0], positions[0]
    for p in positions[1:]:
        if p != prev + 1:
            if prev + 1 - lo >= n:
                runs.append((lo, prev + 1))
            lo = p
        prev = p
    if prev + 1 - lo >= n:
        runs.append((lo, prev + 1))
    return runs


def _search(index: _Index, mode: _Mode, unavailable: set[str] | frozenset[str], n: int,
            want_pair: bool) -> tuple[Key, list[str]] | None:
    position = mode.position
    segments = mode.segments
    grouped: dict[int, list[int]] = {}
    # Walk whichever side is smaller: the unavailable seats of a nearly empty hall, or the free
    # seats of a nearly full one (the set difference runs in C).
    mostly_taken = len(unavailable) * 2 > len(position)
    for code in (position.keys() - unavailable) if mostly_taken else unavailable:
        where = position.get(code)
        if where is not None:
            grouped.setdefault(where[0], []).append(where[1])

    best: tuple[Key, int, int] | None = None
    # Segments nearest the sweet-spot row first: once a block with nothing to regret (no
    # accessibility miss, no stranded seat) costs less than a row's own cost, stop.
    for seg_index in sorted(grouped, key=lambda i: segments[i].row_cost):
        seg = segments[seg_index]
        if best is not None and best[0][:2] == (0, 0) and seg.row_cost >= best[0][2]:
            break
        positions = grouped[seg_index]
        if mostly_taken:
            if len(positions) < n:
                continue
            runs = _runs_from_free(positions, n)
        else:
            if len(seg.codes) - len(positions) < n:
                continue
            runs = _runs_from_blocked(positions, len(seg.codes), n)
        for lo, hi in runs:
            found = _best_in_run(index, seg, lo, hi, n, want_pair)
            if found is not None and (best is None or found[0] < best[0]):
                best = (found[0], seg_index, found[1])
    if not mostly_taken:  # segments without any unavailable seat: best blocks precomputed
        for key, seg_index, start in _untouched(index, mode, n, want_pair):
            if best is not None and key >= best[0]:
                break
            if seg_index not in grouped:
                best = (key, seg_index, start)
                break
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
    index = _index(layout)
    if not accessible:
        found = _search(index, index.general, unavailable, n, want_pair=False)
    else:
        found = _search(index, index.accessible, unavailable, n, want_pair=True)
    return None if found is None else found[1]

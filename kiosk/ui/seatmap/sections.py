"""Blocks of seats a customer can pick on a hall too big to show at touch size.

A 2,500-seat hall fitted on a kiosk screen draws each seat at ~15 px: nobody can tap that. The
self-service map then shows the hall as a few blocks; a tap on a block zooms to its seats at full
touch size. Blocks follow the hall's own structure: cross aisles (rows with no seats) cut it into
bands front to back, aisles (columns that are a gap in every row of a band) cut a band into
blocks left to right, and a block still too big for the screen is split evenly into rows and
columns that fit. No Qt here: the screen passes how many rows and columns it can show.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from kiosk.domain.layout import GAP, HallLayout

_SEAT_RUN = re.compile(f"[^{GAP}]+")


@dataclass(frozen=True)
class Section:
    """A rectangle of the layout grid: rows ``first_row..last_row`` and columns
    ``first_col..last_col`` (inclusive, layout indices, gaps included)."""

    first_row: int
    last_row: int
    first_col: int
    last_col: int
    seats: tuple[str, ...]  # the seat codes inside, front row first
    rows_text: str  # "A–J" (the first and last row labels holding seats)

    @property
    def row_span(self) -> int:
        return self.last_row - self.first_row + 1

    @property
    def col_span(self) -> int:
        return self.last_col - self.first_col + 1


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """(first, last) of each run of True in ``flags``."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, flag in enumerate(flags + [False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.append((start, i - 1))
            start = None
    return runs


def _split(first: int, last: int, most: int) -> list[tuple[int, int]]:
    """Cut ``first..last`` into the fewest near-equal parts of at most ``most`` each."""
    span = last - first + 1
    parts = max(1, math.ceil(span / max(1, most)))
    size = span / parts
    cuts = [first + round(k * size) for k in range(parts + 1)]
    return [(cuts[k], cuts[k + 1] - 1) for k in range(parts)]


def _group(runs: list[tuple[int, int]], most: int) -> list[tuple[int, int]]:
    """Join neighbouring runs (and the aisle between them) while the whole still spans at most
    ``most`` cells, then split any run that alone is longer: few blocks, each fitting."""
    grouped: list[tuple[int, int]] = []
    for first, last in runs:
        if grouped and last - grouped[-1][0] + 1 <= most:
            grouped[-1] = (grouped[-1][0], last)
        else:
            grouped.append((first, last))
    return [part for first, last in grouped for part in _split(first, last, most)]


def _row_runs(layout: HallLayout) -> list[list[tuple[int, int, int]]]:
    """Per layout row: (first column, first seat's position in ``layout.seats``, length) of
    each run of seats between gaps. ``from_spec`` numbers seats row by row, left to right, so a
    run is a slice of the layout's seat codes: no Python step per seat, even at 100,000."""
    runs: list[list[tuple[int, int, int]]] = []
    at = 0
    for row in layout.rows:
        found = []
        for run in _SEAT_RUN.finditer(row.cells):
            c0, c1 = run.span()
            found.append((c0, at, c1 - c0))
            at += c1 - c0
        runs.append(found)
    return runs


def hall_sections(layout: HallLayout, max_rows: int, max_cols: int) -> list[Section]:
    """The blocks of ``layout``, none taller than ``max_rows`` nor wider than ``max_cols``
    cells, front to back and left to right; every seat is in exactly one block.

    Neighbouring blocks (and the aisle between) are joined while they still fit, so a hall that
    fits whole is one block and a wide one gets as few blocks as the screen allows."""
    codes = list(layout.seats)
    row_runs = _row_runs(layout)
    run_starts = [[c0 for c0, _at, _n in runs] for runs in row_runs]
    labels = [row.label for row in layout.rows]
    width = layout.width
    sections: list[Section] = []
    for band_first, band_last in _group(_runs([bool(runs) for runs in row_runs]), max_rows):
        used = [False] * width
        for r in range(band_first, band_last + 1):
            for c0, _at, n in row_runs[r]:
                used[c0:c0 + n] = [True] * n
        for c0, c1 in _group(_runs(used), max_cols):
            seats: list[str] = []
            rows_with: list[int] = []
            for r in range(band_first, band_last + 1):
                before = len(seats)
                runs = row_runs[r]
                k = bisect_right(run_starts[r], c1)  # runs from k on start right of the block
                while k > 0 and runs[k - 1][0] + runs[k - 1][2] > c0:
                    k -= 1  # back to the first run reaching into the block
                for run_c0, at, n in runs[k:]:
                    if run_c0 > c1:
                        break
                    lo, hi = max(c0, run_c0), min(c1, run_c0 + n - 1)
                    seats.extend(codes[at + lo - run_c0:at + hi - run_c0 + 1])
                if len(seats) > before:
                    rows_with.append(r)
            if not seats:
                continue
            first, last = labels[rows_with[0]], labels[rows_with[-1]]
            text = first if first == last else f"{first}\u2013{last}"
            sections.append(Section(rows_with[0], rows_with[-1], c0, c1, tuple(seats), text))
    return sections


__all__ = ["Section", "hall_sections"]

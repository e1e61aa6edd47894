"""Where every seat sits in scene coordinates, and the grid index used for hit tests.

A hall layout is already a grid (row index x cell column), so the spatial index is the grid
itself: a scene point maps to (row, column) by two divisions and one list lookup, and an exposed
rectangle maps to a row range and, per row, a column range found by bisection. Nothing here
scans all seats after construction. No Qt widgets: only value types, so it is cheap to test.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from kiosk.domain.layout import CELL_TO_TYPE, GAP, HallLayout

PITCH = 52.0  # scene units per cell, row and column: the whole cell is the touch target (>= 48 px at 1:1)
SCREEN_TOP = 0.0
SCREEN_MIN_HEIGHT = 30.0
SCREEN_GAP = 50.0  # between the screen bar and the front row
LABEL_COLUMNS = 1  # one column of row letters on each side
MARGIN = 16.0
_SEAT_RUN = re.compile(f"[^{GAP}]+")


@dataclass(frozen=True, slots=True)
class Cell:
    """A seat's cell in scene units (x, y is the top-left corner)."""

    x: float
    y: float
    size: float = PITCH


class CodeIndex:
    """Seat code -> dense index without a dict of every code: a code is its row label plus
    the seat's number in the row, and a row's seats have consecutive indices, so the label
    finds the row and the number the offset (checked against the code). A 100,000-entry dict
    cost more to build than drawing the whole hall."""

    def __init__(self, geo: SeatGeometry):
        self._codes = geo.codes
        self._rows = {label: (seats[0], len(seats))
                      for label, seats in zip(geo.row_labels, geo.row_seats, strict=True) if seats}

    def get(self, code: str, default: int | None = None) -> int | None:
        label = code.rstrip("0123456789")
        digits = code[len(label):]
        row = self._rows.get(label)
        if row is None or not digits.isascii() or not digits.isdigit() or digits[0] == "0":
            return default
        number = int(digits)
        if not 1 <= number <= row[1]:
            return default
        i = row[0] + number - 1
        return i if self._codes[i] == code else default

    def __getitem__(self, code: str) -> int:
        i = self.get(code)
        if i is None:
            raise KeyError(code)
        return i

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.get(code) is not None

    def __len__(self) -> int:
        return len(self._codes)


class SeatGeometry:
    """Seat order, cells and the grid index for one hall layout.

    Seats are addressed by a dense index ``i`` (layout order) so that per-seat state can live in
    flat lists: cheaper than dicts of objects at 20,000 seats.
    """

    def __init__(self, layout: HallLayout):
        self.layout = layout
        self.codes: list[str] = []
        self.types: list[str] = []
        self.numbers: list[int] = []
        self.rows_of: list[int] = []
        self.cols_of: list[int] = []
        self.width = layout.width
        self.row_count = len(layout.rows)
        # per layout row: sorted columns holding seats, and the seat index for each
        self.row_cols: list[list[int]] = [[] for _ in range(self.row_count)]
        self.row_seats: list[range] = []  # a row's seats have consecutive indices
        # (row, first column, first seat index, length) of every run of seats between gaps:
        # the unit the status image is written in (one slice per run, not one write per seat)
        self.runs: list[tuple[int, int, int, int]] = []
        # built from the rows' cell strings a run at a time (the same seats, codes and order
        # ``HallLayout.from_spec`` derives): ~5x faster than walking 100,000 Seat objects
        codes, types, numbers = self.codes, self.types, self.numbers
        rows_of, cols_of = self.rows_of, self.cols_of
        kind = {cell: str(seat_type) for cell, seat_type in CELL_TO_TYPE.items()}
        # a wide hall is drawn small, so its screen bar grows to stay readable when fitted
        self.screen_height = max(SCREEN_MIN_HEIGHT, layout.width * PITCH * 0.02)
        self.seats_top = SCREEN_TOP + self.screen_height + SCREEN_GAP
        col_xs = [c * PITCH for c in range(layout.width + 1)]
        self.xs: list[float] = []  # cell corners, for batched painting
        self.ys: list[float] = []
        xs, ys = self.xs, self.ys
        for r, spec in enumerate(layout.rows):
            number, y = 0, self.seats_top + r * PITCH
            row_cols = self.row_cols[r]
            row_first = len(rows_of)
            for run in _SEAT_RUN.finditer(spec.cells):
                c0, c1 = run.span()
                n = c1 - c0
                first = len(rows_of)
                self.runs.append((r, c0, first, n))
                numbers.extend(range(number + 1, number + n + 1))
                cells = run.group()
                if cells.count(cells[0]) == n:  # a run of one kind (nearly all): no map
                    types.extend([kind[cells[0]]] * n)
                else:
                    types.extend(map(kind.__getitem__, cells))
                rows_of.extend([r] * n)
                cols_of.extend(range(c0, c1))
                xs.extend(col_xs[c0:c1])
                ys.extend([y] * n)
                row_cols.extend(cols_of[first:])
                number += n
            self.row_seats.append(range(row_first, len(rows_of)))
        # the layout's own code strings when they are in this order (they are, for a parsed
        # layout): no 100,000 new strings, and their hashes are already known to every dict
        # keyed by them; checked at both ends of every run, else built here
        given = list(layout.seats)
        self.row_labels = [row.label for row in layout.rows]
        codes.extend(given if self._codes_match(given) else self._make_codes())
        self.seat_rows = [r for r in range(self.row_count) if self.row_cols[r]]
        self.index = CodeIndex(self)

    def _codes_match(self, given: list[str]) -> bool:
        if len(given) != len(self.rows_of):
            return False
        labels, numbers = self.row_labels, self.numbers
        return all(given[i] == labels[r] + str(numbers[i])
                   for r, _c0, first, n in self.runs for i in (first, first + n - 1))

    def _make_codes(self) -> list[str]:
        labels, numbers = self.row_labels, self.numbers
        return [labels[r] + str(n) for r, n in zip(self.rows_of, numbers, strict=True)]

    def __len__(self) -> int:
        return len(self.codes)

    # --- scene geometry -------------------------------------------------------------------
    @staticmethod
    def col_x(column: float) -> float:
        return column * PITCH

    def row_y(self, row: float) -> float:
        return self.seats_top + row * PITCH

    def cell(self, i: int) -> Cell:
        return Cell(self.cols_of[i] * PITCH, self.seats_top + self.rows_of[i] * PITCH)

    def scene_bounds(self) -> tuple[float, float, float, float]:
        """(x, y, width, height) covering seats, row letters on both sides and the screen bar."""
        left = -LABEL_COLUMNS * PITCH - MARGIN
        width = (self.width + 2 * LABEL_COLUMNS) * PITCH + 2 * MARGIN
        height = self.seats_top + self.row_count * PITCH + MARGIN
        return left, SCREEN_TOP - MARGIN, width, height + MARGIN

    # --- spatial index --------------------------------------------------------------------
    def seat_at(self, x: float, y: float) -> int | None:
        """Seat index whose cell contains the scene point, or None (gap, aisle, outside)."""
        if x < 0 or y < self.seats_top:
            return None
        column = int(x // PITCH)
        row = int((y - self.seats_top) // PITCH)
        if row >= self.row_count or column >= self.width:
            return None
        cols = self.row_cols[row]
        k = bisect_left(cols, column)
        if k < len(cols) and cols[k] == column:
            return self.row_seats[row][k]
        return None

    def row_range(self, y0: float, y1: float) -> range:
        first = max(0, int((y0 - self.seats_top) // PITCH))
        last = min(self.row_count - 1, int((y1 - self.seats_top) // PITCH))
        return range(first, last + 1)

    def count_in_rect(self, x0: float, y0: float, x1: float, y1: float) -> int:
        """How many seats ``seats_in_rect`` would return, without building the list."""
        c0 = int(x0 // PITCH)
        c1 = int(x1 // PITCH)
        count = 0
        for row in self.row_range(y0, y1):
            cols = self.row_cols[row]
            if cols:
                count += bisect_right(cols, c1) - bisect_left(cols, c0)
        return count

    def seats_in_block(self, first_row: int, last_row: int, first_col: int,
                       last_col: int) -> list[int]:
        """Indices of the seats in a block of the grid (inclusive layout rows and columns)."""
        found: list[int] = []
        for row in range(max(0, first_row), min(self.row_count - 1, last_row) + 1):
            cols = self.row_cols[row]
            found.extend(self.row_seats[row][bisect_left(cols, first_col):
                                             bisect_right(cols, last_col)])
        return found

    def seats_in_rect(self, x0: float, y0: float, x1: float, y1: float) -> list[int]:
        """Indices of seats whose cells intersect the rectangle (for partial repaints)."""
        c0 = int(x0 // PITCH)
        c1 = int(x1 // PITCH)
        found: list[int] = []
        for row in self.row_range(y0, y1):
            cols = self.row_cols[row]
            if not cols:
                continue
            a = bisect_left(cols, c0)
            b = bisect_right(cols, c1)
            if a == 0 and b == len(cols):
                found.extend(self.row_seats[row])
            elif a < b:
                found.extend(self.row_seats[row][a:b])
        return found

    # --- keyboard navigation --------------------------------------------------------------
    def first_seat(self) -> int | None:
        """The seat a keyboard user starts on: the middle of the middle seat row."""
        if not self.seat_rows:
            return None
        row = self.seat_rows[len(self.seat_rows) // 2]
        seats = self.row_seats[row]
        return seats[len(seats) // 2]

    def neighbour(self, i: int, d_row: int, d_col: int) -> int:
        """The next seat left/right in the row, or in the nearest seat row above/below.

        Gaps and cross aisles are skipped; at an edge the seat stays where it is.
        """
        row = self.rows_of[i]
        if d_col:
            seats = self.row_seats[row]
            k = seats.index(i) + d_col
            return seats[k] if 0 <= k < len(seats) else i
        pos = self.seat_rows.index(row) + d_row
        if not 0 <= pos < len(self.seat_rows):
            return i
        target_row = self.seat_rows[pos]
        cols = self.row_cols[target_row]
        column = self.cols_of[i]
        k = bisect_left(cols, column)
        candidates = [j for j in (k - 1, k) if 0 <= j < len(cols)]
        best = min(candidates, key=lambda j: (abs(cols[j] - column), -cols[j]))
        return self.row_seats[target_row][best]

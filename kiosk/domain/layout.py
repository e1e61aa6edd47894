"""Hall seat layouts.

A layout is a list of rows; each row has a label and a string of cells, one character a cell:

    S standard   P premium   R recliner   W wheelchair space   C companion seat
    _ aisle or gap (no seat; the column stays)

Seats are numbered left to right from 1 within a row, skipping gaps, and their code is the row
label plus the number (``"F12"``). A row with an empty label and only gaps is a cross aisle.
The compact string form keeps a 20,000-seat hall small in the database and maps one-to-one onto
the manager's grid editor.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kiosk.domain.errors import InvalidInput


class SeatType(StrEnum):
    STANDARD = "standard"
    PREMIUM = "premium"
    RECLINER = "recliner"
    WHEELCHAIR = "wheelchair"
    COMPANION = "companion"


CELL_TO_TYPE = {
    "S": SeatType.STANDARD,
    "P": SeatType.PREMIUM,
    "R": SeatType.RECLINER,
    "W": SeatType.WHEELCHAIR,
    "C": SeatType.COMPANION,
}
TYPE_TO_CELL = {v: k for k, v in CELL_TO_TYPE.items()}
GAP = "_"
FORMULA_STARTS = ("=", "+", "-", "@")  # a spreadsheet runs a cell starting with one (CSV exports)
ACCESSIBLE_TYPES = frozenset({SeatType.WHEELCHAIR, SeatType.COMPANION})


@dataclass(frozen=True, slots=True)
class Seat:
    code: str
    row_label: str
    number: int
    row_index: int  # 0-based index into layout rows (cross aisles included), front row first
    column: int  # 0-based cell column, gaps included
    type: SeatType


@dataclass(frozen=True)
class RowSpec:
    label: str
    cells: str


@dataclass
class HallLayout:
    rows: list[RowSpec]
    seats: dict[str, Seat] = field(default_factory=dict, repr=False)

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)

    @property
    def seat_count(self) -> int:
        return len(self.seats)

    def seats_in_row(self, row_index: int) -> list[Seat]:
        return [s for s in self.seats.values() if s.row_index == row_index]

    def to_spec(self) -> dict[str, Any]:
        return {"rows": [{"label": r.label, "cells": r.cells} for r in self.rows]}

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> HallLayout:
        """Parse and validate a stored or imported layout; raise InvalidInput with the row."""
        raw_rows = spec.get("rows") if isinstance(spec, dict) else None
        if not isinstance(raw_rows, list) or not raw_rows:
            raise InvalidInput("A hall layout needs a non-empty list of rows.")
        rows: list[RowSpec] = []
        seats: dict[str, Seat] = {}
        seen_labels: set[str] = set()
        for index, raw in enumerate(raw_rows):
            if not isinstance(raw, dict):
                raise InvalidInput(f"Row {index + 1} of the hall layout is not an object.")
            label = str(raw.get("label", "")).strip()
            cells = str(raw.get("cells", ""))
            bad = sorted({c for c in cells if c != GAP and c not in CELL_TO_TYPE})
            if bad:
                raise InvalidInput(
                    f"Row {label or index + 1}: unknown seat symbol(s) {''.join(bad)!r}; "
                    f"use S P R W C or _ for a gap."
                )
            if label[:1] in FORMULA_STARTS or any(ord(c) < 32 or c == "\x7f" for c in label):
                # the label starts every seat code, and seat codes go to tickets and CSV exports
                raise InvalidInput(f"Row {index + 1}: the label {label!r} may not start with "
                                   "= + - @ or hold control characters; use letters or digits.")
            has_seats = any(c != GAP for c in cells)
            if has_seats and not label:
                raise InvalidInput(f"Row {index + 1} has seats but no row label.")
            if label:
                if label in seen_labels:
                    raise InvalidInput(f"Row label {label!r} is used twice.")
                seen_labels.add(label)
            rows.append(RowSpec(label, cells))
            number = 0
            for column, cell in enumerate(cells):
                if cell == GAP:
                    continue
                number += 1
                code = f"{label}{number}"
                if code in seats:
                    raise InvalidInput(f"Seat code {code} appears twice; rename row {label}.")
                seats[code] = Seat(code, label, number, index, column, CELL_TO_TYPE[cell])
        if not seats:
            raise InvalidInput("A hall layout needs at least one seat.")
        return cls(rows=rows, seats=seats)

    def seat(self, code: str) -> Seat:
        try:
            return self.seats[code]
        except KeyError:
            raise InvalidInput(f"There is no seat {code} in this hall.") from None


@functools.lru_cache(maxsize=64)
def layout_from_json(layout_json: str) -> HallLayout:
    """The parsed layout for a hall's stored JSON, shared by every caller.

    Parsing a 20,000-seat layout costs milliseconds; keyed by the text itself, an edited layout
    is simply a new key. Callers must treat the result as read-only.
    """
    return HallLayout.from_spec(json.loads(layout_json))

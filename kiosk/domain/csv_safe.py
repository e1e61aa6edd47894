"""CSV cells a spreadsheet will not run as formulas (OWASP "CSV injection").

Excel, LibreOffice and Google Sheets treat a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and, in some versions, a tab or carriage return before one) as a formula: a film title or a
hall row label such as ``=cmd|' /C calc'!A1`` would run on the manager's PC when the export is
opened. Every CSV the kiosk writes goes through :func:`writer` (or :func:`cell`), which prefixes
such text with a single quote, as OWASP recommends. Plain numbers (``-350.00``, ``-3``) are left
alone so refunds and variances still sum in a spreadsheet; ints and floats are never touched.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# A signed decimal number (optionally with a fraction or exponent) is data, not a formula.
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def cell(value: Any) -> Any:
    """``value`` made safe for a CSV cell: text that a spreadsheet would read as a formula gets
    a leading ``'``; numbers and other text pass unchanged."""
    if not isinstance(value, str) or not value or not value.startswith(FORMULA_STARTS):
        return value
    if _PLAIN_NUMBER.match(value):
        return value
    return "'" + value


def row(values: Iterable[Any]) -> list[Any]:
    """Every cell of a row through :func:`cell`."""
    return [cell(v) for v in values]


class SafeWriter:
    """A ``csv.writer`` whose every cell goes through :func:`cell` (same ``writerow`` API)."""

    def __init__(self, stream: TextIO, **kwargs: Any):
        self._writer = csv.writer(stream, **kwargs)

    @property
    def dialect(self) -> Any:
        return self._writer.dialect

    def writerow(self, values: Iterable[Any]) -> Any:
        return self._writer.writerow(row(values))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for values in rows:
            self.writerow(values)


def writer(stream: TextIO, **kwargs: Any) -> SafeWriter:
    """Drop-in for ``csv.writer`` that neutralises formula cells; use it for every CSV export."""
    return SafeWriter(stream, **kwargs)

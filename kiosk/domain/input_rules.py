"""Rules for text that comes from outside (import files, command lines): pure, no I/O.

An import file is written by a person with a spreadsheet, or by an attacker. Whatever it holds
ends up on tickets, on screens and in CSV exports opened on the manager's PC, so every value is
checked by type, range and vocabulary, and every limit is checked from the file's shape BEFORE
any work that grows with it (a 52-million-seat row is refused from its length, not after
building 52 million seats).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath
from typing import Any

from kiosk.domain.errors import InvalidInput
from kiosk.domain.layout import CELL_TO_TYPE, GAP

# CBFC (India) certificates, including the 2024 age bands, written without spaces.
CERTIFICATES = ("U", "UA", "U/A", "UA7+", "UA13+", "UA16+", "A", "S")
_CERT_ALIASES = {c: c for c in CERTIFICATES} | {
    "U/A7+": "UA7+", "U/A13+": "UA13+", "U/A16+": "UA16+"}

FORMULA_STARTS = ("=", "+", "-", "@")
# Invisible characters that reorder text on screen (a title that reads differently than stored).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
ROW_LABEL = re.compile(r"^[A-Za-z0-9]{1,3}$")
POSTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")

MAX_JSON_DEPTH = 12  # {"halls": [{"layout": {"rows": [{...}]}}]} is 5 deep
MAX_LAYOUT_ROWS = 500
MAX_ROW_CELLS = 1000
MAX_HALL_SEATS = 50_000

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_LEAF_PAIR = re.compile(r"\[\]|\{\}")


def bad_character(text: str, allow_newlines: bool = False) -> str | None:
    """A description of the first character no name or title may hold, or None.

    Refused: control characters (NUL, escape, ...), lone surrogates (cannot be stored as
    UTF-8) and bidirectional overrides. Tabs and line breaks only where ``allow_newlines``.
    """
    for ch in text:
        if allow_newlines and ch in "\n\r\t":
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs") or ch in _BIDI_CONTROLS:
            return f"U+{ord(ch):04X}"
    return None


def starts_like_formula(text: str) -> bool:
    """True for text a spreadsheet would run as a formula (leading = + - @)."""
    return text.lstrip(" \t\r\n").startswith(FORMULA_STARTS)


def normalise_certificate(raw: str) -> str:
    """The certificate in its stored form (``ua 13+`` -> ``UA13+``); InvalidInput if unknown."""
    key = re.sub(r"\s+", "", raw).upper()
    try:
        return _CERT_ALIASES[key]
    except KeyError:
        raise InvalidInput(f"{raw!r} is not a certificate; use one of "
                           f"{', '.join(CERTIFICATES)}.") from None


def poster_relative_path(raw: str) -> PurePosixPath:
    """A poster named by an import: a relative path inside the posters folder, nothing else.

    Refused: absolute paths (``/etc/shadow``, ``C:\\x``, ``\\\\server\\share``), ``..`` parts,
    backslashes, empty parts, and files that are not PNG, JPEG or WebP images.
    """
    if "\\" in raw or re.match(r"^[A-Za-z]:", raw):
        raise InvalidInput("must be a file name inside the posters folder, written with '/' "
                           "(no drive letters or backslashes).")
    path = PurePosixPath(raw)
    if path.is_absolute() or raw.startswith("~"):
        raise InvalidInput("must be a file name inside the posters folder, not an absolute path.")
    if any(part in ("..", ".") for part in raw.split("/")) or "" in raw.split("/"):
        raise InvalidInput("may not contain '..', '.' or empty parts; name a file inside the "
                           "posters folder.")
    if path.suffix.lower() not in POSTER_SUFFIXES:
        raise InvalidInput("must be a PNG, JPEG or WebP image (.png, .jpg, .jpeg, .webp).")
    return path


def json_too_deep(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when the JSON text nests arrays/objects more than ``limit`` deep.

    Works on the text, before parsing (the parser recurses and would raise RecursionError):
    strings are dropped, then each pass removes every innermost ``[]`` / ``{}`` pair, so the
    passes needed equal the depth. Each pass is one C-speed regex sweep; at most ``limit + 1``.
    """
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    for _ in range(limit):
        if not brackets:
            return False
        shorter = _LEAF_PAIR.sub("", brackets)
        if shorter == brackets:
            return False  # unbalanced: the parser reports it with a line number
        brackets = shorter
    return bool(brackets)


def layout_seat_count(spec: Any) -> int:
    """Seats in a layout spec counted from its rows' text, without building a single seat.

    Checks the shape limits too (rows, cells per row) so a huge spec is refused in time
    proportional to its row count, not its seat count.
    """
    rows = spec.get("rows") if isinstance(spec, dict) else None
    if not isinstance(rows, list) or not rows:
        raise InvalidInput("A hall layout needs a non-empty list of rows.")
    if len(rows) > MAX_LAYOUT_ROWS:
        raise InvalidInput(f"has {len(rows):,} rows; a hall has at most {MAX_LAYOUT_ROWS}.")
    total = 0
    for index, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise InvalidInput(f"Row {index} of the hall layout is not an object.")
        label, cells = row.get("label", ""), row.get("cells", "")
        if not isinstance(label, str) or not isinstance(cells, str):
            raise InvalidInput(f"Row {index}: 'label' and 'cells' must be text.")
        if len(cells) > MAX_ROW_CELLS:
            raise InvalidInput(f"Row {label or index} is {len(cells):,} cells wide; at most "
                               f"{MAX_ROW_CELLS} per row.")
        label = label.strip()
        if label and not ROW_LABEL.match(label):
            raise InvalidInput(f"Row {index}: label {label!r} must be 1 to 3 letters or digits "
                               "(it starts every seat code of the row).")
        bad = sorted({c for c in cells if c != GAP and c not in CELL_TO_TYPE})
        if bad:
            raise InvalidInput(f"Row {label or index}: unknown seat symbol(s) {''.join(bad)!r}; "
                               "use S P R W C or _ for a gap.")
        total += len(cells) - cells.count(GAP)
    return total


def plan_seat_count(plan: Any) -> int:
    """An upper bound of the seats a compact hall plan would expand to, from its numbers only."""
    if not isinstance(plan, dict):
        raise InvalidInput("A hall plan must be an object with 'blocks' and 'sections'.")
    blocks, sections = plan.get("blocks"), plan.get("sections")
    if not isinstance(blocks, list) or not all(_plain_int(b) and 0 <= b for b in blocks):
        raise InvalidInput("A hall plan needs 'blocks': a list of seat counts, e.g. [6, 16, 6].")
    if len(blocks) > 20 or sum(blocks) > MAX_ROW_CELLS:
        raise InvalidInput(f"A hall plan's blocks add up to more than {MAX_ROW_CELLS} seats a row.")
    if not isinstance(sections, list) or not sections:
        raise InvalidInput("A hall plan needs 'sections': a list of row groups.")
    rows = sum(s.get("rows", 0) for s in sections
               if isinstance(s, dict) and _plain_int(s.get("rows", 0)) and s.get("rows", 0) > 0)
    if len(sections) > MAX_LAYOUT_ROWS or rows > MAX_LAYOUT_ROWS:
        raise InvalidInput(f"A hall plan has more than {MAX_LAYOUT_ROWS} rows.")
    cells: int = rows * sum(blocks)
    return cells


def _plain_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)

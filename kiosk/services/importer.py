"""Importing films, halls, shows and prices from a JSON or CSV file, all or nothing.

The file type comes from the extension (``.json`` or ``.csv``); the kind of data from ``kind``
or, failing that, from the file itself (a JSON object's key, or the CSV's column names). Every
row is checked before anything is written; if any row is wrong nothing is written and every
problem is reported with its place: ``Line 7`` is the line of a CSV file (the header is line 1),
``Item 3`` is the third entry of a JSON list. A file that passes is written in ONE transaction,
together with an audit row naming the manager. Only a manager may apply an import.

Formats (examples in ``data/examples/``)
----------------------------------------
JSON: ``{"films": [ {...}, ... ]}`` (likewise ``"halls"``, ``"shows"``, ``"prices"``), or a bare
list of items together with ``--kind``. CSV: a header row with these column names.

films   id, title, language, genres, certificate, runtime_min, [synopsis], [poster]
        genres: a JSON list, or in CSV names separated by ``|`` (``Action|Drama``).
        certificate: U, UA, U/A, UA7+, UA13+, UA16+, A or S (CBFC; ``UA 13+`` is read as
        UA13+). poster: a file inside the posters folder (``posters/`` beside the database),
        e.g. ``2027/paper-boats.webp``; no absolute paths or ``..``. An existing id is updated.
halls   id, cinema_id, name, layout | plan
        layout: ``{"rows": [{"label": "A", "cells": "SSS_SSS"}, ...]}`` (S standard, P premium,
        R recliner, W wheelchair space, C companion seat, _ aisle or gap), in CSV as JSON text;
        or plan: the compact form of ``data/cinemas.json``. An existing hall is updated, but
        never so that a seat already sold or held for an upcoming show disappears.
shows   [id], film_id, hall_id, starts_at, price_list_id
        starts_at: the cinema's LOCAL date and time, ``2026-12-01 18:30`` (or ``T``-separated).
        Checked against the hall's other shows: film runtime plus the cleaning gap must fit.
        Without an id one is made from hall and start, so re-importing a file changes nothing.
        An existing show may not be changed by import (use the schedule editor).
prices  price_list_id, [price_list_name], currency, tax_rate_bp, seat_type, ticket_type, amount
        amount: tax-inclusive, in major units (``250.00``); tax_rate_bp in basis points
        (1800 = 18 %). A new price list must price every seat type x ticket type. A price list
        that exists keeps its currency; its tax rate and name are updated, and listed prices
        replace the old ones (unlisted prices stay).

Hostile input (issue 11): ids are plain identifiers (``nan``/``inf`` refused), text has no
control or bidi characters, names and titles may not start with = + - @ (a spreadsheet would
run them), numbers must be numbers (not objects, NaN or Infinity). Limits are checked before the
work they bound: file size (50 MB) before reading, JSON nesting depth before parsing, rows
(100,000) before checking, and a hall's seats (50,000) from its rows' text before any seat is
built.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from kiosk.domain import input_rules
from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import InvalidInput, KioskError
from kiosk.domain.layout import HallLayout, SeatType
from kiosk.domain.money import parse_money
from kiosk.domain.schedule_rules import Slot, find_conflicts, find_overlaps
from kiosk.services import audit
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Role, TicketType
from kiosk.store.db import transaction

if TYPE_CHECKING:
    from kiosk.cloud.catalogue_sync import CataloguePublisher

KINDS = ("films", "halls", "shows", "prices")
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_YEARS_AHEAD = 5
MAX_ROWS = 100_000  # a year of shows for a large multiplex is about 40,000
MAX_ERRORS_SHOWN = 200
# Free text a person reads (and a spreadsheet might run): no formulas, no control characters.
_FREE_TEXT = frozenset({"title", "language", "synopsis", "name", "price_list_name"})
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_NOT_IDS = frozenset({"nan", "inf", "infinity", "-inf", "+inf", "null", "none", "undefined"})
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_FIELD_WORDS = {
    "id": "id", "title": "title", "language": "language", "genres": "genres",
    "certificate": "certificate", "runtime_min": "running time", "synopsis": "synopsis",
    "poster": "poster", "cinema_id": "cinema", "name": "name", "layout": "seat layout",
    "plan": "seat plan", "film_id": "film", "hall_id": "hall", "starts_at": "start time",
    "price_list_id": "price list", "price_list_name": "price list name",
    "currency": "currency", "tax_rate_bp": "tax rate", "seat_type": "seat type",
    "ticket_type": "ticket type", "amount": "price",
}


@dataclass(frozen=True)
class ImportIssue:
    place: str  # "Line 4" (CSV) or "Item 2" (JSON) or "File"
    field: str  # column name, "" when the whole row or file is meant
    message: str

    def __str__(self) -> str:
        words = _FIELD_WORDS.get(self.field, self.field)
        return f"{self.place}, {words}: {self.message}" if words else f"{self.place}: {self.message}"


@dataclass
class ImportPreview:
    kind: str
    rows: list[dict[str, Any]]  # validated, normalised rows with "_place" and "_action"
    errors: list[ImportIssue]
    path: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> dict[str, int]:
        out = {"added": 0, "updated": 0, "unchanged": 0}
        for row in self.rows:
            out[row["_action"]] = out.get(row["_action"], 0) + 1
        return out


@dataclass(frozen=True)
class ImportResult:
    kind: str
    counts: dict[str, int] = field(default_factory=dict)


class ImportRejected(InvalidInput):
    """A file with problems: nothing was written. ``issues`` lists every problem found."""

    def __init__(self, issues: list[ImportIssue], path: str = ""):
        self.issues = list(issues)
        shown = [str(i) for i in self.issues[:MAX_ERRORS_SHOWN]]
        more = len(self.issues) - len(shown)
        lines = "\n  ".join(shown + ([f"... and {more} more"] if more > 0 else []))
        name = Path(path).name if path else "The file"
        super().__init__(f"{name} was not imported (nothing was changed). "
                         f"Please fix these {len(self.issues)} problem(s):\n  {lines}")


class _RowError(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


# ------------------------------------------------------------------------------ reading files
def _read_items(path: Path, kind: str | None) -> tuple[str, list[tuple[str, dict[str, Any]]]]:
    """(kind, [(place, raw item)]) from a JSON or CSV file; raises ImportRejected on a bad file."""
    if not path.is_file():
        raise InvalidInput(f"There is no file {path}.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InvalidInput(f"{path.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise InvalidInput(f"{path.name}: only .json and .csv files can be imported.")
    try:
        with path.open("rb") as fh:  # never more than the limit, even if the file grows
            raw = fh.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise InvalidInput(f"{path.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected([ImportIssue("File", "", "is not UTF-8 text; save it as UTF-8 "
                                          "(CSV UTF-8 in a spreadsheet).")], str(path)) from None
    if kind is not None and kind not in KINDS:
        raise InvalidInput(f"Unknown kind {kind!r}: choose one of {', '.join(KINDS)}.")
    return _read_json(text, kind, path) if suffix == ".json" else _read_csv(text, kind, path)


def _guess_kind(keys: set[str]) -> str | None:
    if "ticket_type" in keys or "seat_type" in keys:
        return "prices"
    if "starts_at" in keys:
        return "shows"
    if "layout" in keys or "plan" in keys or "cinema_id" in keys:
        return "halls"
    if "runtime_min" in keys or "title" in keys:
        return "films"
    return None


class _NotANumber(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotANumber(name)


def _parse_json(text: str) -> Any:
    """``json.loads`` with the limits checked first: nesting depth from the text itself (the
    parser recurses), and no NaN / Infinity (they are not JSON, and not a runtime or an id)."""
    if input_rules.json_too_deep(text):
        raise ValueError(f"it nests lists or objects more than {input_rules.MAX_JSON_DEPTH} "
                         "deep; an import file is never that deep.")
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except _NotANumber as err:
        raise ValueError(f"{err} is not a number JSON allows.") from None
    except RecursionError:
        raise ValueError("it nests lists or objects too deep.") from None


def _read_json(text: str, kind: str | None, path: Path
               ) -> tuple[str, list[tuple[str, dict[str, Any]]]]:
    try:
        data = _parse_json(text)
    except json.JSONDecodeError as err:
        raise ImportRejected([ImportIssue(f"Line {err.lineno}", "",
                                          f"this is not valid JSON ({err.msg}).")], str(path)) from None
    except ValueError as err:  # too deep, NaN, an integer of thousands of digits
        raise ImportRejected([ImportIssue("File", "", f"this is not usable JSON: {err}")],
                             str(path)) from None
    if isinstance(data, dict):
        present = [k for k in KINDS if k in data]
        if kind is None:
            if len(present) != 1:
                raise ImportRejected([ImportIssue("File", "", "expected one of the keys "
                                                  f"{', '.join(KINDS)} holding a list.")], str(path))
            kind = present[0]
        items = data.get(kind)
    else:
        items = data
    if not isinstance(items, list):
        raise ImportRejected([ImportIssue("File", "", f"expected a list of {kind or 'items'}.")],
                             str(path))
    if len(items) > MAX_ROWS:
        raise ImportRejected([ImportIssue("File", "", f"holds {len(items):,} items; import at "
                                          f"most {MAX_ROWS:,} at a time.")], str(path))
    if kind is None:
        keys = set(items[0]) if items and isinstance(items[0], dict) else set()
        kind = _guess_kind(keys)
        if kind is None:
            raise ImportRejected([ImportIssue("File", "", "cannot tell what this file holds; "
                                              "use --kind films|halls|shows|prices.")], str(path))
    return kind, [(f"Item {i}", item) for i, item in enumerate(items, start=1)]


def _check_header(header: list[str], path: Path) -> None:
    """Column names must be distinct plain names: a repeated column would silently win over
    its twin (``csv.DictReader`` keeps the last one)."""
    seen: set[str] = set()
    for number, name in enumerate(header, start=1):
        if name in seen:
            raise ImportRejected([ImportIssue("Line 1", "", f"the column {name!r} appears twice; "
                                              "keep one.")], str(path))
        seen.add(name)
        if not name and len(header) > 1:
            raise ImportRejected([ImportIssue("Line 1", "", f"column {number} has no name.")],
                                 str(path))
        if input_rules.bad_character(name) or input_rules.starts_like_formula(name):
            raise ImportRejected([ImportIssue("Line 1", "", f"column {number} has a name that "
                                              "is not a plain word.")], str(path))


def _read_csv(text: str, kind: str | None, path: Path
              ) -> tuple[str, list[tuple[str, dict[str, Any]]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
        reader.fieldnames = header
        _check_header(header, path)
        items: list[tuple[str, dict[str, Any]]] = []
        for raw in reader:
            if len(items) >= MAX_ROWS:
                raise ImportRejected([ImportIssue(f"Line {reader.line_num}", "", (
                    f"the file has more than {MAX_ROWS:,} rows; import at most {MAX_ROWS:,} "
                    "at a time."))], str(path))
            if not any((v or "").strip() for k, v in raw.items() if k is not None):
                continue  # blank line
            extra = raw.pop(None, None)
            item: dict[str, Any] = {k: (v or "").strip() for k, v in raw.items()}
            if extra:
                item["_extra"] = extra
            items.append((f"Line {reader.line_num}", item))
    except csv.Error as err:
        raise ImportRejected([ImportIssue(f"Line {reader.line_num}", "",
                                          f"the CSV is malformed ({err}).")], str(path)) from None
    if not header:
        raise ImportRejected([ImportIssue("Line 1", "", "the file is empty; it needs a header "
                                          "row of column names.")], str(path))
    kind = kind or _guess_kind(set(header))
    if kind is None:
        raise ImportRejected([ImportIssue("Line 1", "", "cannot tell what this file holds from "
                                          "its columns; use --kind films|halls|shows|prices.")],
                             str(path))
    return kind, items


# ------------------------------------------------------------------------------ field checks
def _text(item: dict[str, Any], name: str, required: bool = True, max_len: int = 200) -> str:
    """Text by type (a string; JSON numbers, lists and objects are refused), length and
    content: no control characters, and free text may not start like a spreadsheet formula."""
    value = item.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _RowError(name, "is missing.")
        return ""
    if not isinstance(value, str):
        raise _RowError(name, "must be text (in quotes in a JSON file).")
    value = value.strip()
    if len(value) > max_len:
        raise _RowError(name, f"is longer than {max_len} characters.")
    bad = input_rules.bad_character(value, allow_newlines=name == "synopsis")
    if bad:
        raise _RowError(name, f"holds a control or invisible character ({bad}); retype it.")
    if name in _FREE_TEXT and input_rules.starts_like_formula(value):
        raise _RowError(name, f"{value[:20]!r} starts with = + - or @, which a spreadsheet runs "
                              "as a formula; reword it.")
    return value


def _ident(item: dict[str, Any], name: str, required: bool = True) -> str:
    raw = item.get(name)
    if isinstance(raw, int) and not isinstance(raw, bool):
        item = {name: str(raw)}  # a JSON number used as an id (42) is a plain identifier
    value = _text(item, name, required, max_len=64)
    if value.lower() in _NOT_IDS:
        raise _RowError(name, f"{value!r} is not a usable id (it reads as a number that is not "
                              "one); choose a name.")
    if value and not _ID.match(value):
        raise _RowError(name, f"{value!r} is not a valid id: use letters, digits, '-', '_' or '.', "
                              "starting with a letter or digit.")
    return value


def _int(item: dict[str, Any], name: str, low: int, high: int) -> int:
    value = item.get(name)
    if value is None or value == "":
        raise _RowError(name, "is missing.")
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise _RowError(name, "must be a whole number, not a list, object or true/false.")
    if isinstance(value, float) and not value.is_integer():
        raise _RowError(name, f"{value!r} is not a whole number.")
    if isinstance(value, str) and not re.fullmatch(r"[+-]?[0-9]{1,15}", value.strip()):
        raise _RowError(name, f"{value[:20]!r} is not a whole number.")
    try:
        number = int(value) if not isinstance(value, str) else int(value.strip())
    except ValueError:
        raise _RowError(name, f"{value!r} is not a whole number.") from None
    if not low <= number <= high:
        raise _RowError(name, f"{number} is out of range ({low} to {high}).")
    return number


def _json_value(item: dict[str, Any], name: str) -> Any:
    value = item.get(name)
    if isinstance(value, str):
        try:
            return _parse_json(value)
        except json.JSONDecodeError as err:
            raise _RowError(name, f"is not valid JSON ({err.msg}).") from None
        except ValueError as err:
            raise _RowError(name, f"is not usable JSON: {err}") from None
    return value


# ------------------------------------------------------------------------------ the service
class ImportService:
    """Preview and apply imports. ``preview`` never writes; ``apply`` writes all or nothing."""

    def __init__(self, deps: ServiceDeps, publisher: CataloguePublisher | None = None):
        self.deps = deps
        self.publisher = publisher  # the shared catalogue (kiosk.cloud.catalogue_sync)

    @property
    def _conn(self) -> sqlite3.Connection:
        return self.deps.conn

    # ---- public API
    def preview(self, path: Path | str, kind: str | None = None) -> ImportPreview:
        path = Path(path)
        try:
            kind, items = _read_items(path, kind)
        except ImportRejected as err:
            return ImportPreview(kind or "", [], err.issues, str(path))
        checker: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]] = {
            "films": self._check_films, "halls": self._check_halls, "shows": self._check_shows,
            "prices": self._check_prices}[kind]
        rows, errors = [], []
        context = self._context(kind)
        if not items:
            errors.append(ImportIssue("File", "", "holds no rows to import."))
        for place, item in items:
            if not isinstance(item, dict):
                errors.append(ImportIssue(place, "", "is not an object with named fields."))
                continue
            if item.get("_extra"):
                errors.append(ImportIssue(place, "", "has more values than the header has columns."))
                continue
            try:
                row = checker(item, context)
            except _RowError as err:
                errors.append(ImportIssue(place, err.field, err.message))
                continue
            except KioskError as err:
                errors.append(ImportIssue(place, "", str(err)))
                continue
            row["_place"] = place
            rows.append(row)
        errors.extend(self._check_batch(kind, rows, context))
        for row in rows:  # keep only what a preview table should show (and the write needs)
            for key in [k for k in row if k.startswith("_") and k not in ("_place", "_action")]:
                del row[key]
        return ImportPreview(kind, rows, errors, str(path))

    def apply(self, actor: Actor, path: Path | str, kind: str | None = None) -> ImportResult:
        """Write the whole file or nothing. Both outcomes leave an audit row naming the manager,
        the file and the counts (a refused file: how many problems), for issue 11's auditor."""
        self._require_manager(actor, str(path))
        conn = self._conn
        try:
            preview = self.preview(path, kind)
            if preview.errors:
                raise ImportRejected(preview.errors, str(path))
            with transaction(conn):
                # Re-check inside the write lock: another kiosk may have changed the schedule.
                again = self.preview(path, preview.kind)
                if again.errors:
                    raise ImportRejected(again.errors, str(path))
                writer = {"films": self._write_films, "halls": self._write_halls,
                          "shows": self._write_shows, "prices": self._write_prices}[again.kind]
                writer(conn, again.rows)
                counts = again.counts()
                audit.record(conn, at=self.deps.clock.now(), kiosk_id=actor.kiosk_id,
                             action="import", staff_id=actor.staff_id, target=Path(path).name,
                             detail={"kind": again.kind, "file": str(path),
                                     "rows": len(again.rows), **counts})
        except KioskError as err:
            audit.record_refusal(conn, at=self.deps.clock.now(), actor=actor, action="import",
                                 target=Path(path).name, detail={
                                     "kind": kind or "", "file": str(path),
                                     "reason": type(err).__name__,
                                     "problems": (len(err.issues) if isinstance(err, ImportRejected)
                                                  else 0) or 1})
            raise
        from kiosk.services.staff_admin import publish_edit

        publish_edit(self.publisher, self.deps, actor)
        return ImportResult(again.kind, counts)

    # ---- permissions
    def _require_manager(self, actor: Actor, target: str) -> None:
        """The one role check (``auth.require_role``), which re-reads the staff row."""
        from kiosk.services.auth import require_role

        require_role(self.deps, actor, Role.MANAGER, "import", Path(target).name)

    # ---- context read once per preview (one query per table)
    def _context(self, kind: str) -> dict[str, Any]:
        conn = self._conn
        ctx: dict[str, Any] = {"now": self.deps.clock.now()}
        if kind == "films":
            ctx["films"] = {r["id"]: dict(r) for r in conn.execute("SELECT * FROM films")}
        elif kind == "halls":
            ctx["cinemas"] = {r[0] for r in conn.execute("SELECT id FROM cinemas")}
            ctx["halls"] = {r["id"]: dict(r) for r in conn.execute(
                "SELECT id, cinema_id, name, layout FROM halls")}
        elif kind == "shows":
            ctx["films"] = {r[0]: (r[1], r[2]) for r in conn.execute(
                "SELECT id, runtime_min, title FROM films")}
            ctx["halls"] = {r[0]: (r[1], r[2], r[3], r[4]) for r in conn.execute(
                "SELECT h.id, c.timezone, c.currency, h.name, c.id FROM halls h "
                "JOIN cinemas c ON c.id = h.cinema_id")}
            ctx["price_lists"] = {r[0]: r[1] for r in conn.execute(
                "SELECT id, currency FROM price_lists")}
            ctx["shows"] = {r["id"]: dict(r) for r in conn.execute(
                "SELECT id, film_id, hall_id, starts_at, price_list_id, status FROM shows")}
        elif kind == "prices":
            ctx["price_lists"] = {r["id"]: dict(r) for r in conn.execute(
                "SELECT id, name, currency, tax_rate_bp FROM price_lists")}
            ctx["prices"] = {(r[0], r[1], r[2]): r[3] for r in conn.execute(
                "SELECT price_list_id, seat_type, ticket_type, amount_minor FROM prices")}
        return ctx

    # ---- films
    def _check_films(self, item: dict[str, Any], ctx: dict[str, Any]) -> dict[str, Any]:
        genres_raw = item.get("genres", [])
        if isinstance(genres_raw, str):
            text = genres_raw.strip()
            if text.startswith("["):
                genres_raw = _json_value({"genres": text}, "genres")
            else:
                genres_raw = [g for g in re.split(r"[|;]", text) if g.strip()]
        if not isinstance(genres_raw, list) or not all(isinstance(g, str) for g in genres_raw):
            raise _RowError("genres", "must be a list of genre names.")
        if len(genres_raw) > 10:
            raise _RowError("genres", "lists more than 10 genres.")
        try:
            genres = [_text({"title": g}, "title", max_len=40) for g in genres_raw if g.strip()]
        except _RowError as err:
            raise _RowError("genres", err.message) from None
        try:
            certificate = input_rules.normalise_certificate(
                _text(item, "certificate", max_len=10))
        except InvalidInput as err:
            raise _RowError("certificate", str(err)) from None
        row = {
            "id": _ident(item, "id"),
            "title": _text(item, "title"),
            "language": _text(item, "language", max_len=40),
            "genres": json.dumps(genres),
            "certificate": certificate,
            "runtime_min": _int(item, "runtime_min", 1, 600),
            "synopsis": _text(item, "synopsis", required=False, max_len=2000),
            "poster": self._poster(_text(item, "poster", required=False, max_len=500)),
        }
        old = ctx["films"].get(row["id"])
        row["_action"] = "added" if old is None else (
            "unchanged" if all(old[k] == row[k] for k in old) else "updated")
        return row

    def posters_dir(self) -> Path:
        """Where poster images live: ``posters/`` beside the database (the config names no
        other place)."""
        return Path(self.deps.config.db_path).parent / "posters"

    def _poster(self, raw: str) -> str:
        """An imported poster is a relative path inside the posters folder, stored as the full
        path there. ``/etc/shadow``, ``../../root/.ssh/id_rsa`` or a symlink out are refused."""
        if not raw:
            return ""
        try:
            rel = input_rules.poster_relative_path(raw)
        except InvalidInput as err:
            raise _RowError("poster", f"{raw[:60]!r} {err}") from None
        root = self.posters_dir().resolve()
        full = (root / rel).resolve()
        if not full.is_relative_to(root):
            raise _RowError("poster", f"{raw[:60]!r} leads out of the posters folder.")
        return str(full)

    def _write_films(self, conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
        conn.executemany(
            "INSERT INTO films (id, title, language, genres, certificate, runtime_min, synopsis,"
            " poster) VALUES (:id, :title, :language, :genres, :certificate, :runtime_min,"
            " :synopsis, :poster) ON CONFLICT(id) DO UPDATE SET title = excluded.title,"
            " language = excluded.language, genres = excluded.genres,"
            " certificate = excluded.certificate, runtime_min = excluded.runtime_min,"
            " synopsis = excluded.synopsis, poster = excluded.poster",
            [r for r in rows if r["_action"] != "unchanged"])

    # ---- halls
    def _check_halls(self, item: dict[str, Any], ctx: dict[str, Any]) -> dict[str, Any]:
        hall_id = _ident(item, "id")
        cinema_id = _ident(item, "cinema_id")
        if cinema_id not in ctx["cinemas"]:
            raise _RowError("cinema_id", f"there is no cinema {cinema_id!r}.")
        name = _text(item, "name", max_len=80)
        limit = input_rules.MAX_HALL_SEATS
        # Seats are counted from the spec's numbers and text first: a 52-million-seat row is
        # refused from its length, before a single seat is built.
        if item.get("layout") not in (None, ""):
            spec, field_name = _json_value(item, "layout"), "layout"
        elif item.get("plan") not in (None, ""):
            from kiosk.store.demo import layout_from_plan

            field_name = "plan"
            try:
                plan = _json_value(item, "plan")
                if input_rules.plan_seat_count(plan) > limit:
                    raise InvalidInput(f"has more than {limit:,} seats.")
                spec = layout_from_plan(plan)
            except InvalidInput as err:
                raise _RowError("plan", str(err)) from None
        else:
            raise _RowError("layout", "is missing (give a layout or a plan).")
        try:
            if input_rules.layout_seat_count(spec) > limit:
                raise InvalidInput(f"has more than {limit:,} seats.")
            layout = HallLayout.from_spec(spec)
        except InvalidInput as err:
            raise _RowError(field_name, str(err)) from None
        text = json.dumps(layout.to_spec(), separators=(",", ":"))
        old = ctx["halls"].get(hall_id)
        if old is not None:
            if old["cinema_id"] != cinema_id:
                raise _RowError("cinema_id", f"hall {hall_id!r} belongs to cinema "
                                             f"{old['cinema_id']!r}; a hall cannot move.")
            if old["layout"] != text:
                self._check_seats_kept(hall_id, layout, ctx["now"])
        row = {"id": hall_id, "cinema_id": cinema_id, "name": name, "layout": text,
               "seat_count": layout.seat_count}
        row["_action"] = "added" if old is None else (
            "unchanged" if old["name"] == name and old["layout"] == text else "updated")
        return row

    def _check_seats_kept(self, hall_id: str, layout: HallLayout, now: datetime) -> None:
        """A new layout must keep every seat that is sold or held for an upcoming show."""
        taken = {r[0] for r in self._conn.execute(
            "SELECT seat_code FROM seat_sales JOIN shows s ON s.id = seat_sales.show_id "
            "WHERE s.hall_id = ?1 AND s.starts_at > ?2 "
            "UNION SELECT seat_code FROM holds JOIN shows s ON s.id = holds.show_id "
            "WHERE s.hall_id = ?1 AND s.starts_at > ?2", (hall_id, to_iso(now)))}
        lost = sorted(taken - set(layout.seats))
        if lost:
            shown = ", ".join(lost[:10]) + (" ..." if len(lost) > 10 else "")
            raise _RowError("layout", f"would remove seats already sold or held for upcoming "
                                      f"shows: {shown}.")

    def _write_halls(self, conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
        conn.executemany(
            "INSERT INTO halls (id, cinema_id, name, layout, seat_count) VALUES (:id, :cinema_id,"
            " :name, :layout, :seat_count) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
            " layout = excluded.layout, seat_count = excluded.seat_count",
            [r for r in rows if r["_action"] != "unchanged"])

    # ---- shows
    def _check_shows(self, item: dict[str, Any], ctx: dict[str, Any]) -> dict[str, Any]:
        film_id = _ident(item, "film_id")
        hall_id = _ident(item, "hall_id")
        price_list_id = _ident(item, "price_list_id")
        if film_id not in ctx["films"]:
            raise _RowError("film_id", f"there is no film {film_id!r}; import the film first.")
        if hall_id not in ctx["halls"]:
            raise _RowError("hall_id", f"there is no hall {hall_id!r}.")
        if price_list_id not in ctx["price_lists"]:
            raise _RowError("price_list_id", f"there is no price list {price_list_id!r}.")
        zone, currency, _hall_name, _cinema = ctx["halls"][hall_id]
        if ctx["price_lists"][price_list_id] != currency:
            raise _RowError("price_list_id", f"price list {price_list_id!r} is in "
                                             f"{ctx['price_lists'][price_list_id]}, but this "
                                             f"cinema sells in {currency}.")
        raw = _text(item, "starts_at", max_len=40)
        try:
            start = datetime.fromisoformat(raw.replace(" ", "T", 1))
            # Years far off (0001, 9999) overflow once moved to UTC or given a runtime: the
            # range check comes first, on the wall-clock date itself.
            if start.year > ctx["now"].year + MAX_YEARS_AHEAD:
                raise _RowError("starts_at", f"{raw} is more than {MAX_YEARS_AHEAD} years ahead.")
            if start.year < ctx["now"].year - 1:
                raise _RowError("starts_at", f"{raw} is in the past.")
        except ValueError:
            raise _RowError("starts_at", f"{raw!r} is not a date and time like "
                                         "2026-12-01 18:30.") from None
        if start.tzinfo is None:
            naive = start
            start = start.replace(tzinfo=ZoneInfo(zone))
            if start.astimezone(UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None) != naive:
                raise _RowError("starts_at", f"{raw} does not exist in {zone}: the clocks "
                                             "change that night. Pick another time.")
        if start <= ctx["now"]:
            raise _RowError("starts_at", f"{raw} is in the past.")
        local = start.astimezone(ZoneInfo(zone))
        show_id = _ident(item, "id", required=False) or f"{hall_id}-{local:%Y%m%d-%H%M}"
        row = {"id": show_id, "film_id": film_id, "hall_id": hall_id,
               "starts_at": to_iso(start), "price_list_id": price_list_id,
               "status": "scheduled", "_runtime": ctx["films"][film_id][0],
               "_label": f"{ctx['films'][film_id][1]} at {local:%Y-%m-%d %H:%M}"}
        old = ctx["shows"].get(show_id)
        if old is None:
            row["_action"] = "added"
        elif all(old[k] == row[k] for k in ("film_id", "hall_id", "starts_at", "price_list_id")):
            row["_action"] = "unchanged"
        else:
            raise _RowError("id", f"show {show_id!r} already exists with other details; change "
                                  "it in the schedule editor instead.")
        return row

    def _check_batch(self, kind: str, rows: list[dict[str, Any]],
                     ctx: dict[str, Any]) -> list[ImportIssue]:
        issues: list[ImportIssue] = []
        key: Callable[[dict[str, Any]], Any] = {
            "films": lambda r: r["id"], "halls": lambda r: r["id"],
            "shows": lambda r: r["id"],
            "prices": lambda r: (r["price_list_id"], r["seat_type"], r["ticket_type"])}[kind]
        seen: dict[Any, str] = {}
        for row in rows:
            k = key(row)
            if k in seen:
                issues.append(ImportIssue(row["_place"], "", f"repeats {seen[k].lower()} "
                                          f"({' / '.join(k) if isinstance(k, tuple) else k})."))
            else:
                seen[k] = row["_place"]
        if kind == "shows":
            issues.extend(self._check_show_overlaps(rows, ctx))
        if kind == "prices":
            issues.extend(self._check_price_lists(rows, ctx))
        return issues

    def _check_show_overlaps(self, rows: list[dict[str, Any]],
                             ctx: dict[str, Any]) -> list[ImportIssue]:
        gap = self.deps.config.cleaning_gap_min
        new = [r for r in rows if r["_action"] == "added"]
        if not new:
            return []
        halls = {r["hall_id"] for r in new}
        # Existing shows near the new ones only (a show lasts less than a day), sorted per hall
        # so each new show is compared with its neighbours, not with a year of history.
        earliest = min(r["starts_at"] for r in new)
        window_start = to_iso(from_iso(earliest) - timedelta(days=1))
        existing: dict[str, list[Slot]] = {}
        for show in ctx["shows"].values():
            if (show["hall_id"] in halls and show["status"] == "scheduled"
                    and show["starts_at"] >= window_start):
                film = ctx["films"].get(show["film_id"], (0, show["film_id"]))
                start = from_iso(show["starts_at"])
                zone = ctx["halls"][show["hall_id"]][0]
                existing.setdefault(show["hall_id"], []).append(Slot(
                    show["id"], show["hall_id"], start, film[0],
                    f"{film[1]} at {start.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M}"))
        starts: dict[str, list[datetime]] = {}
        longest: dict[str, int] = {}
        for hall_id, hall_slots in existing.items():
            hall_slots.sort(key=lambda s: s.starts_at)
            starts[hall_id] = [s.starts_at for s in hall_slots]
            longest[hall_id] = max(s.runtime_min for s in hall_slots)
        issues = []
        slots = {}
        for row in new:
            hall_id = row["hall_id"]
            slot = Slot(row["id"], hall_id, from_iso(row["starts_at"]), row["_runtime"],
                        row["_label"])
            slots[row["id"]] = (slot, row["_place"])
            if hall_id not in existing:
                continue
            lo = bisect_left(starts[hall_id],
                             slot.starts_at - timedelta(minutes=longest[hall_id] + gap))
            hi = bisect_right(starts[hall_id], slot.free_at(gap))
            clash = find_overlaps(existing[hall_id][lo:hi], slot, gap)
            if clash:
                issues.append(ImportIssue(row["_place"], "starts_at", (
                    f"{slot.label} overlaps {clash[0].label} already scheduled in "
                    f"{ctx['halls'][hall_id][2]} (film plus {gap} minutes cleaning).")))
        for first, second in find_conflicts([s for s, _ in slots.values()], gap):
            issues.append(ImportIssue(slots[second.show_id][1], "starts_at", (
                f"{second.label} overlaps {first.label} on {slots[first.show_id][1].lower()} "
                f"in the same hall (film plus {gap} minutes cleaning).")))
        return issues

    def _write_shows(self, conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
        conn.executemany(
            "INSERT INTO shows (id, film_id, hall_id, starts_at, price_list_id, status) VALUES"
            " (:id, :film_id, :hall_id, :starts_at, :price_list_id, :status)",
            [r for r in rows if r["_action"] == "added"])

    # ---- prices
    def _check_prices(self, item: dict[str, Any], ctx: dict[str, Any]) -> dict[str, Any]:
        list_id = _ident(item, "price_list_id")
        currency = _text(item, "currency", max_len=20).upper()
        if not _CURRENCY.match(currency):
            raise _RowError("currency", f"{currency!r} is not a currency code like INR or AED.")
        tax = _int(item, "tax_rate_bp", 0, 10_000)
        seat_type = _text(item, "seat_type", max_len=20).lower()
        if seat_type not in {t.value for t in SeatType}:
            raise _RowError("seat_type", f"{seat_type!r} is not a seat type "
                                         f"({', '.join(t.value for t in SeatType)}).")
        ticket_type = _text(item, "ticket_type", max_len=20).lower()
        if ticket_type not in {t.value for t in TicketType}:
            raise _RowError("ticket_type", f"{ticket_type!r} is not a ticket type "
                                           f"({', '.join(t.value for t in TicketType)}).")
        raw = item.get("amount", item.get("amount_minor"))
        if "amount" in item:
            if isinstance(raw, bool) or raw in (None, ""):
                raise _RowError("amount", "is missing.")
            if not isinstance(raw, str | int | float) or (isinstance(raw, str) and len(raw) > 20):
                raise _RowError("amount", "must be a price like 250.00.")
            try:
                amount = parse_money(str(raw))
            except ValueError:
                raise _RowError("amount", f"{raw!r} is not a price like 250.00.") from None
        else:
            amount = _int(item, "amount_minor", 0, 10**9)
        if amount > 10**9:
            raise _RowError("amount", "is implausibly large.")
        old_list = ctx["price_lists"].get(list_id)
        name = _text(item, "price_list_name", required=False, max_len=80)
        if old_list is not None and old_list["currency"] != currency:
            raise _RowError("currency", f"price list {list_id!r} is in {old_list['currency']}; "
                                        "its currency cannot change.")
        row = {"price_list_id": list_id, "name": name or (old_list or {}).get("name") or list_id,
               "currency": currency, "tax_rate_bp": tax, "seat_type": seat_type,
               "ticket_type": ticket_type, "amount_minor": amount}
        old = ctx["prices"].get((list_id, seat_type, ticket_type))
        same_list = old_list is not None and old_list["tax_rate_bp"] == tax and (
            not name or old_list["name"] == name)
        row["_action"] = "added" if old is None else (
            "unchanged" if old == amount and same_list else "updated")
        return row

    def _check_price_lists(self, rows: list[dict[str, Any]],
                           ctx: dict[str, Any]) -> list[ImportIssue]:
        """All rows of one price list must agree on currency and tax rate; a new list must
        price every seat type x ticket type, so no seat or ticket is ever unpriced."""
        issues = []
        first: dict[str, dict[str, Any]] = {}
        for row in rows:
            ref = first.setdefault(row["price_list_id"], row)
            for fld in ("currency", "tax_rate_bp"):
                if row[fld] != ref[fld]:
                    issues.append(ImportIssue(row["_place"], fld, (
                        f"differs from {ref['_place'].lower()} for the same price list "
                        f"({row[fld]} vs {ref[fld]}).")))
        for list_id, ref in first.items():
            if list_id in ctx["price_lists"]:
                continue
            have = {(r["seat_type"], r["ticket_type"]) for r in rows if r["price_list_id"] == list_id}
            missing = [f"{s.value} {t.value}" for s in SeatType for t in TicketType
                       if (s.value, t.value) not in have]
            if missing:
                issues.append(ImportIssue(ref["_place"], "", (
                    f"new price list {list_id!r} needs a price for every seat type and ticket "
                    f"type; missing: {', '.join(missing)}.")))
        return issues

    def _write_prices(self, conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
        lists = {}
        for r in rows:
            lists[r["price_list_id"]] = r
        conn.executemany(
            "INSERT INTO price_lists (id, name, currency, tax_rate_bp) VALUES (:price_list_id,"
            " :name, :currency, :tax_rate_bp) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
            " tax_rate_bp = excluded.tax_rate_bp", list(lists.values()))
        conn.executemany(
            "INSERT INTO prices (price_list_id, seat_type, ticket_type, amount_minor) VALUES"
            " (:price_list_id, :seat_type, :ticket_type, :amount_minor)"
            " ON CONFLICT(price_list_id, seat_type, ticket_type)"
            " DO UPDATE SET amount_minor = excluded.amount_minor",
            [r for r in rows if r["_action"] != "unchanged"])


def preview(deps: ServiceDeps, path: Path | str, kind: str | None = None) -> ImportPreview:
    return ImportService(deps).preview(path, kind)


def apply(deps: ServiceDeps, actor: Actor, path: Path | str, kind: str | None = None) -> ImportResult:
    return ImportService(deps).apply(actor, path, kind)

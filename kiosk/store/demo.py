"""The demo dataset: cinemas, halls, films, prices, staff from ``data/``, and shows generated for
the next 7 days in each cinema's own time zone.

The JSON files stay small and readable: big halls are described by a compact ``plan`` (blocks
of seats, aisles, sections of rows, cross aisles, wheelchair rows) that ``layout_from_plan``
expands into the cell rows of ``kiosk.domain.layout``. Shows are not stored in the files; they
are generated per hall and local day with deterministic ids, so a kiosk started every morning
tops its schedule up to 7 days ahead without ever duplicating a show.

Loading is one transaction. bcrypt (the expensive part) runs before it, on a few threads (bcrypt
releases the GIL), so the write lock is held only for the inserts.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import bcrypt

from kiosk.domain.clock import Clock, from_iso, to_iso
from kiosk.domain.errors import InvalidInput
from kiosk.domain.layout import CELL_TO_TYPE, GAP, HallLayout
from kiosk.domain.menu import Category, Combo, Menu, MenuItem, Modifier
from kiosk.domain.offers import offer_from_record
from kiosk.domain.schedule_rules import Slot, find_overlaps
from kiosk.paths import shipped_dir
from kiosk.store.db import transaction
from kiosk.store.menu_store import replace_menu
from kiosk.store.offer_store import save_offer

DEMO_MARKER = "demo_data"  # settings key; its value is the dataset version that was loaded
DEMO_VERSION = "1"
DAYS_AHEAD = 7
SLOT_ROUNDING_MIN = 15
DEFAULT_ROUNDS = 12
_TABLES_THAT_MUST_BE_EMPTY = ("cinemas", "halls", "films", "price_lists", "shows", "staff")


def default_data_dir() -> Path:
    """``$KIOSK_DEMO_DATA`` or the shipped ``data/`` (checkout or wheel, see ``kiosk.paths``)."""
    override = os.environ.get("KIOSK_DEMO_DATA")
    return Path(override) if override else shipped_dir("data")


# ----------------------------------------------------------------------------- layouts
def row_labels() -> Iterator[str]:
    """A, B, ... Z, AA, AB, ... skipping I and O (they read as 1 and 0 on a ticket)."""
    letters = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in "IO"]
    yield from letters
    for first in letters:
        for second in letters:
            yield first + second


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def layout_from_plan(plan: dict[str, Any]) -> dict[str, Any]:
    """Expand a compact hall plan into a layout spec (see data/cinemas.json ``_about``)."""
    if not isinstance(plan, dict):
        raise InvalidInput("A hall plan must be an object with 'blocks' and 'sections'.")
    blocks = plan.get("blocks")
    if (not isinstance(blocks, list) or not blocks
            or not all(_count(b) and b >= 0 for b in blocks)):
        raise InvalidInput("A hall plan needs 'blocks': a list of seat counts, e.g. [6, 16, 6].")
    aisle = plan.get("aisle", 1)
    if not _count(aisle) or not 1 <= aisle <= 10:
        raise InvalidInput("A hall plan's 'aisle' is the aisle width in cells, 1 to 10.")
    sections = plan.get("sections")
    if not isinstance(sections, list) or not sections:
        raise InvalidInput("A hall plan needs 'sections': a list of row groups.")
    widths = list(blocks)
    labels = row_labels()
    rows: list[dict[str, str]] = []
    for number, section in enumerate(sections, start=1):
        if not isinstance(section, dict):
            raise InvalidInput(f"Section {number} of the hall plan is not an object.")
        if section.get("cross_aisle"):
            rows.append({"label": "", "cells": GAP * (sum(widths) + aisle * (len(widths) - 1))})
            continue
        seat = section.get("seat", "S")
        if not isinstance(seat, str) or seat not in CELL_TO_TYPE or seat in "WC":
            raise InvalidInput(f"Section {number}: 'seat' must be S, P or R (got {seat!r}).")
        count = section.get("rows")
        if not _count(count) or not 1 <= count <= 200:
            raise InvalidInput(f"Section {number}: 'rows' must be a number from 1 to 200.")
        seats = section.get("blocks", blocks)
        if (not isinstance(seats, list) or len(seats) != len(blocks)
                or not all(_count(s) and 0 <= s <= w for s, w in zip(seats, widths, strict=False))):
            raise InvalidInput(f"Section {number}: 'blocks' must have {len(blocks)} counts, "
                               f"each at most the plan's block size {blocks}.")
        for _ in range(count):
            parts = []
            last = len(widths) - 1
            for number_in_row, (have, width) in enumerate(zip(seats, widths, strict=True)):
                # narrower blocks keep to the aisles: trimmed at the walls, centred in between
                if last and number_in_row == 0:
                    left = width - have
                elif last and number_in_row == last:
                    left = 0
                else:
                    left = (width - have) // 2
                parts.append(GAP * left + seat * have + GAP * (width - have - left))
            rows.append({"label": next(labels), "cells": (GAP * aisle).join(parts)})
    wheelchair = plan.get("wheelchair_rows", [])
    if not isinstance(wheelchair, list) or not all(isinstance(w, str) for w in wheelchair):
        raise InvalidInput("A hall plan's 'wheelchair_rows' is a list of row labels, e.g. [\"C\"].")
    by_label = {r["label"]: r for r in rows if r["label"]}
    for label in wheelchair:
        row = by_label.get(label)
        if row is None:
            raise InvalidInput(f"Wheelchair row {label!r} is not a row of this hall plan.")
        cells = list(row["cells"])
        seat_columns = [i for i, c in enumerate(cells) if c != GAP]
        if len(seat_columns) < 4:
            raise InvalidInput(f"Wheelchair row {label!r} needs at least 4 seats.")
        first, last = seat_columns[:2], seat_columns[-2:]
        cells[first[0]], cells[first[1]] = "W", "C"
        cells[last[0]], cells[last[1]] = "C", "W"
        row["cells"] = "".join(cells)
    return {"rows": rows}


def hall_layout_spec(hall: dict[str, Any]) -> dict[str, Any]:
    """The layout spec of a hall entry: its literal 'layout' or its expanded 'plan'."""
    if "layout" in hall:
        return hall["layout"]
    if "plan" in hall:
        return layout_from_plan(hall["plan"])
    raise InvalidInput(f"Hall {hall.get('id', '?')!r} needs a 'layout' or a 'plan'.")


# ----------------------------------------------------------------------------- dataset
@dataclass(frozen=True)
class Dataset:
    cinemas: list[dict[str, Any]]
    halls: list[dict[str, Any]]  # each with cinema_id, layout (spec dict), seat_count
    films: list[dict[str, Any]]
    price_lists: list[dict[str, Any]]
    staff: list[dict[str, Any]]
    menus: dict[str, dict[str, Any]] = field(default_factory=dict)  # currency -> menu template
    offers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # currency -> offers


def _read(data_dir: Path, name: str, key: str) -> list[dict[str, Any]]:
    with (data_dir / name).open(encoding="utf-8") as fh:
        return json.load(fh)[key]


def load_dataset(data_dir: Path | None = None) -> Dataset:
    """Read and validate the demo files (layouts are parsed, so a typo fails loudly here)."""
    data_dir = data_dir or default_data_dir()
    cinemas = _read(data_dir, "cinemas.json", "cinemas")
    halls = []
    for cinema in cinemas:
        ZoneInfo(cinema["timezone"])
        for hall in cinema["halls"]:
            spec = hall_layout_spec(hall)
            layout = HallLayout.from_spec(spec)
            halls.append({**hall, "cinema_id": cinema["id"], "layout": layout.to_spec(),
                          "seat_count": layout.seat_count})
    return Dataset(
        cinemas=cinemas,
        halls=halls,
        films=_read(data_dir, "films.json", "films"),
        price_lists=_read(data_dir, "prices.json", "price_lists"),
        staff=_read(data_dir, "staff.json", "staff"),
        menus=_read(data_dir, "menu.json", "menus"),
        offers=_read(data_dir, "offers.json", "offers"),
    )


def demo_menu(cinema: dict[str, Any], template: dict[str, Any]) -> tuple[Menu, dict[str, tuple[int, int]]]:
    """The currency's menu template made this cinema's (ids prefixed with the cinema's), and
    its opening stock: item id -> (on hand, low-stock mark)."""
    cid = cinema["id"]

    def own(local_id: str) -> str:
        return f"{cid}:{local_id}"

    categories = {own(c["id"]): Category(own(c["id"]), c["name"], c["tax_rate_bp"], n)
                  for n, c in enumerate(template["categories"])}
    items = {own(i["id"]): MenuItem(own(i["id"]), own(i["category"]), i["family"], i["name"],
                                    i.get("size", ""), i["price"], True, n)
             for n, i in enumerate(template["items"])}
    modifiers = {own(m["id"]): Modifier(own(m["id"]), m["family"], m["group"], m["pick_one"],
                                        m["name"], m["price"]) for m in template["modifiers"]}
    combos = {own(c["id"]): Combo(own(c["id"]), own(c["category"]), c["name"], c["price"],
                                  tuple((own(item), qty) for item, qty in c["parts"]), True, n)
              for n, c in enumerate(template["combos"])}
    stock = {own(i["id"]): (i["stock"][0], i["stock"][1]) for i in template["items"]
             if "stock" in i}
    return Menu(cid, cinema["currency"], categories, items, modifiers, combos), stock


def _insert_demo_offers(conn: sqlite3.Connection, data: Dataset) -> None:
    """Each demo cinema without offers gets its currency's (older demo databases too)."""
    for cinema in data.cinemas:
        if conn.execute("SELECT 1 FROM offers WHERE cinema_id = ? LIMIT 1",
                        (cinema["id"],)).fetchone() is not None:
            continue
        for record in data.offers.get(cinema["currency"], []):
            save_offer(conn, offer_from_record({**record, "id": f"{cinema['id']}-{record['id']}",
                                                "cinema_id": cinema["id"]}))


def _insert_demo_menus(conn: sqlite3.Connection, data: Dataset, now: datetime) -> int:
    """Each demo cinema without a menu gets its currency's (older demo databases too)."""
    added = 0
    for cinema in data.cinemas:
        template = data.menus.get(cinema["currency"])
        has_menu = conn.execute("SELECT 1 FROM menu_items WHERE cinema_id = ? LIMIT 1",
                                (cinema["id"],)).fetchone()
        if template is None or has_menu is not None:
            continue
        menu, stock = demo_menu(cinema, template)
        replace_menu(conn, menu, stock, to_iso(now))
        added += 1
    return added


# ----------------------------------------------------------------------------- shows
def _round_up(moment: datetime, minutes: int) -> datetime:
    extra = (-(moment.minute % minutes)) % minutes
    return (moment + timedelta(minutes=extra)).replace(second=0, microsecond=0)


def _film_pool(cinema: dict[str, Any], films: list[dict[str, Any]]) -> list[dict[str, Any]]:
    languages = cinema.get("languages") or sorted({f["language"] for f in films})
    return [f for lang in languages for f in films if f["language"] == lang]


def plan_day(cinema: dict[str, Any], hall: dict[str, Any], hall_number: int,
             films: list[dict[str, Any]], day: date, cleaning_gap_min: int) -> list[dict[str, Any]]:
    """The demo shows of one hall on one local day: back to back from the first show, each
    next start after the film plus the cleaning gap, rounded up to a quarter hour."""
    pool = _film_pool(cinema, films)
    if not pool:
        return []
    zone = ZoneInfo(cinema["timezone"])
    first = time.fromisoformat(cinema.get("first_show", "10:00"))
    last = time.fromisoformat(cinema.get("last_start", "22:30"))
    start = datetime.combine(day, first, tzinfo=zone)
    last_start = datetime.combine(day, last, tzinfo=zone)
    shows = []
    slot = 0
    while start <= last_start:
        film = pool[(day.toordinal() * 2 + hall_number * 3 + slot * 5) % len(pool)]
        morning = start.hour < 12 and cinema.get("morning_price_list")
        shows.append({
            "id": f"{hall['id']}-{day:%Y%m%d}-{start:%H%M}",
            "film_id": film["id"],
            "hall_id": hall["id"],
            "starts_at": to_iso(start),
            "price_list_id": cinema["morning_price_list"] if morning else hall["price_list"],
            "status": "scheduled",
            "_runtime": film["runtime_min"],
        })
        start = _round_up(start + timedelta(minutes=film["runtime_min"] + cleaning_gap_min),
                          SLOT_ROUNDING_MIN)
        slot += 1
    return shows


def _connection(db: Any) -> sqlite3.Connection:
    return db.conn if hasattr(db, "conn") else db  # a sqlite_utils Database, or a connection


def _is_empty(conn: sqlite3.Connection) -> bool:
    return all(conn.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() is None  # noqa: S608
               for t in _TABLES_THAT_MUST_BE_EMPTY)


def _bcrypt_cost(pin_hash: str) -> int | None:
    parts = pin_hash.split("$")
    return int(parts[2]) if len(parts) > 3 and parts[2].isdigit() else None


def _hash_pins(staff: list[dict[str, Any]], rounds: int) -> list[str]:
    """Hash the demo PINs at the configured cost.

    The public demo PINs ship with precomputed cost-12 hashes (the default cost), so a first
    launch does not spend about a second of bcrypt before the first screen; any other cost
    hashes afresh.
    """

    def one(member: dict[str, Any]) -> str:
        shipped = str(member.get("pin_hash", ""))
        if shipped and _bcrypt_cost(shipped) == rounds:
            return shipped
        return bcrypt.hashpw(str(member["pin"]).encode(), bcrypt.gensalt(rounds)).decode()

    with ThreadPoolExecutor(max_workers=max(1, min(len(staff), os.cpu_count() or 2))) as pool:
        return list(pool.map(one, staff))


def _insert_reference_data(conn: sqlite3.Connection, data: Dataset, pin_hashes: list[str]) -> None:
    conn.executemany(
        "INSERT INTO cinemas (id, name, city, address, timezone, currency) VALUES (?,?,?,?,?,?)",
        [(c["id"], c["name"], c["city"], c.get("address", ""), c["timezone"], c["currency"])
         for c in data.cinemas])
    conn.executemany(
        "INSERT INTO halls (id, cinema_id, name, layout, seat_count) VALUES (?,?,?,?,?)",
        [(h["id"], h["cinema_id"], h["name"], json.dumps(h["layout"], separators=(",", ":")),
          h["seat_count"]) for h in data.halls])
    conn.executemany(
        "INSERT INTO films (id, title, language, genres, certificate, runtime_min, synopsis, poster)"
        " VALUES (?,?,?,?,?,?,?,?)",
        [(f["id"], f["title"], f["language"], json.dumps(f["genres"]), f["certificate"],
          f["runtime_min"], f.get("synopsis", ""), f.get("poster", "")) for f in data.films])
    conn.executemany(
        "INSERT INTO price_lists (id, name, currency, tax_rate_bp) VALUES (?,?,?,?)",
        [(p["id"], p["name"], p["currency"], p["tax_rate_bp"]) for p in data.price_lists])
    conn.executemany(
        "INSERT INTO prices (price_list_id, seat_type, ticket_type, amount_minor) VALUES (?,?,?,?)",
        [(p["id"], seat_type, ticket_type, amount)
         for p in data.price_lists
         for seat_type, by_ticket in p["prices"].items()
         for ticket_type, amount in by_ticket.items()])
    conn.executemany(
        "INSERT INTO staff (staff_number, name, role, pin_hash) VALUES (?,?,?,?)",
        [(s["staff_number"], s["name"], s["role"], pin_hash)
         for s, pin_hash in zip(data.staff, pin_hashes, strict=True)])


def _top_up_shows(conn: sqlite3.Connection, data: Dataset, now: datetime,
                  cleaning_gap_min: int) -> int:
    """Generate demo shows for every (hall, local day) of the next 7 days that has none yet.

    A day already holding any show in that hall (generated, imported or added by a manager,
    even cancelled) is left alone, so re-running never duplicates or reshuffles a schedule.
    Generated shows that would collide with an existing one are skipped.
    """
    present_halls = {r[0] for r in conn.execute("SELECT id FROM halls")}
    present_films = {r[0] for r in conn.execute("SELECT id FROM films")}
    present_lists = {r[0] for r in conn.execute("SELECT id FROM price_lists")}
    films = [f for f in data.films if f["id"] in present_films]
    runtime = {r[0]: r[1] for r in conn.execute("SELECT id, runtime_min FROM films")}
    since = to_iso(now - timedelta(days=2))
    existing: dict[str, list[Slot]] = {}
    for show_id, hall_id, starts_at, film_id, status in conn.execute(
        "SELECT id, hall_id, starts_at, film_id, status FROM shows WHERE starts_at >= ?", (since,)
    ):
        slot = Slot(show_id, hall_id, from_iso(starts_at), runtime.get(film_id, 0))
        existing.setdefault(hall_id, []).append(slot)
        if status == "cancelled":
            existing[hall_id][-1] = Slot(show_id, hall_id, slot.starts_at, 0)
    new_rows = []
    for cinema in data.cinemas:
        zone = ZoneInfo(cinema["timezone"])
        today = now.astimezone(zone).date()
        halls = [h for h in data.halls if h["cinema_id"] == cinema["id"]]
        for number, hall in enumerate(halls):
            if hall["id"] not in present_halls:
                continue
            hall_slots = existing.get(hall["id"], [])
            busy_days = {s.starts_at.astimezone(zone).date() for s in hall_slots}
            for offset in range(DAYS_AHEAD):
                day = today + timedelta(days=offset)
                if day in busy_days:
                    continue
                for show in plan_day(cinema, hall, number, films, day, cleaning_gap_min):
                    if show["price_list_id"] not in present_lists:
                        continue
                    slot = Slot(show["id"], hall["id"], from_iso(show["starts_at"]),
                                show.pop("_runtime"))
                    if find_overlaps(hall_slots, slot, cleaning_gap_min):
                        continue
                    hall_slots.append(slot)
                    new_rows.append(show)
    conn.executemany(
        "INSERT OR IGNORE INTO shows (id, film_id, hall_id, starts_at, price_list_id, status) "
        "VALUES (:id, :film_id, :hall_id, :starts_at, :price_list_id, :status)", new_rows)
    return len(new_rows)


def ensure_demo_data(db: Any, clock: Clock, rounds: int | None = None,
                     cleaning_gap_min: int = 15, data_dir: Path | None = None) -> bool:
    """Load the demo dataset into an empty database; top up demo shows otherwise.

    Only on request (``kiosk init --demo``, ``kiosk --demo``, tests and screenshots): the demo
    staff have PINs printed in the README, so an ordinary launch never calls this.

    Returns True when the dataset was loaded now, False when the database already held data
    (demo shows are then topped up to the next 7 days; a database without the demo marker,
    e.g. a real cinema's, is never touched). ``db`` is a sqlite-utils Database or a sqlite3
    connection from ``kiosk.store.db``; ``rounds`` is the bcrypt cost (config.bcrypt_rounds).
    """
    conn = _connection(db)
    data = load_dataset(data_dir)
    now = clock.now()
    if _is_empty(conn):
        pin_hashes = _hash_pins(data.staff, rounds or DEFAULT_ROUNDS)
        with transaction(conn):
            if _is_empty(conn):  # another kiosk process may have loaded it meanwhile
                _insert_reference_data(conn, data, pin_hashes)
                _insert_demo_menus(conn, data, now)
                _insert_demo_offers(conn, data)
                conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                             (DEMO_MARKER, DEMO_VERSION))
                _top_up_shows(conn, data, now, cleaning_gap_min)
                return True
    _top_up_if_demo(conn, data, now, cleaning_gap_min)
    return False


def is_demo(db: Any) -> bool:
    """The demo dataset (with its published PINs) was loaded into this database."""
    return _connection(db).execute("SELECT 1 FROM settings WHERE key = ?",
                                   (DEMO_MARKER,)).fetchone() is not None


def _top_up_if_demo(conn: sqlite3.Connection, data: Dataset, now: datetime,
                    cleaning_gap_min: int) -> int | None:
    if not is_demo(conn):
        return None
    with transaction(conn):
        _insert_demo_menus(conn, data, now)
        _insert_demo_offers(conn, data)
        return _top_up_shows(conn, data, now, cleaning_gap_min)


def top_up_demo(db: Any, clock: Clock, cleaning_gap_min: int = 15,
                data_dir: Path | None = None) -> int | None:
    """On a database that already holds the demo, add its shows for the next 7 days (a demo
    kiosk started every morning keeps a week on sale); the number added, or None when the
    database is not a demo one. Never loads the demo into an empty database (and so never
    creates its staff with their published PINs): that takes ``kiosk init --demo``."""
    conn = _connection(db)
    if not is_demo(conn):
        return None
    return _top_up_if_demo(conn, load_dataset(data_dir), clock.now(), cleaning_gap_min)


def wipe(conn: sqlite3.Connection) -> None:
    """Delete every row of every kiosk table in one transaction (``kiosk init --force``)."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    with transaction(conn):
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in tables:
            conn.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names from sqlite_master

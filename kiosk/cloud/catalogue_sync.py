"""The shared catalogue and staff directory: managers publish, every device pulls.

Items live under ``pk=CINEMA#<cinema>`` (DESIGN 4b, the shared key plan): ``INFO``,
``HALL#<id>``, ``FILM#<id>``, ``PRICES#<id>``, ``SHOW#<id>`` (top-level ``status``),
``STAFF#<staff_number>`` (top-level ``active``, ``role``), each with ``version`` (the cinema
version that last changed it), ``kind``, ``body`` (JSON of the record), ``updated_at``,
``updated_by``; ``VERSION`` holds the cinema's current ``version``; ``CHANGE#<version, 12 digits>``
lists the sort keys that version changed (``sks``), so a device that saw version v reads exactly
what changed after it with one Query of the range ``CHANGE#v+1 .. CHANGE#now`` and one
BatchGetItem, instead of the whole partition. Measured (scripts/measure_catalogue_pull.py, moto,
one show changed): 546 items (~144 KB, 500 shows) -> the change log reads 2 items (~2 RCU)
where a Query with ``FilterExpression version > :seen`` scans all 547 (~36 RCU: billed on what
is scanned, not returned); at 2,000 shows 2 vs ~133 RCU. The log costs one small item per
publish. A pull with nothing new is the VERSION GetItem alone (1 RCU).

Entry points (other modules and helpers call these):

* ``CataloguePuller(context, db_path, clock).pull(cinema_id) -> PullResult``: one strongly
  consistent GetItem of VERSION; only when it moved, fetch the changed items and apply them to the
  local tables in ONE local transaction. An item this device cannot use (bad JSON, failed
  validation, unknown kind, a reference it does not have) is skipped, its last good copy kept,
  and ``catalogue_status`` reports it. ``kiosk cloud join`` uses it on an empty database.
* ``publish(context, conn, cinema_id, staff_number, clock=..., cleaning_gap_min=...)``:
  ``PublishResult``. Only an active manager (by the local staff table) may publish. It pulls
  first, finds the local records that differ from the last agreed copy, validates the whole
  catalogue (``kiosk.domain.catalogue_rules``) and writes the changed items in ONE
  TransactWriteItems with the VERSION item moved forward (condition: ``version = :seen``), a
  CHANGE item, and each item conditional on its own version. Refusals: ``PublishRefused``
  (validation, nothing sent), ``PublishConflict`` (another manager changed the same record first:
  who, when, what differs; the local edit is rolled back to the cloud's copy, and the message
  shows both versions, so nothing is lost silently).
* ``CataloguePublisher``: the services' hook (``after_edit(actor)``): publish now when online,
  else queue an outbox row ``publish`` drained by the worker (``drain_publish``).
* ``CatalogueSync``: the engine's part, ``tick(mono)`` on ``catalogue_interval_s``; ``status()``.

Unpublished local edits are protected: a pull never overwrites a record whose local copy differs
from the last agreed one (its publish will meet the version condition and report the conflict).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.cloud.boto_types import DynamoDBClient
from kiosk.cloud.context import CloudContext
from kiosk.cloud.errors import CloudError, CloudUnavailable, error_code, translate
from kiosk.cloud.paging import query_items
from kiosk.cloud.partitions import blocks_for, layout_key
from kiosk.cloud.table import batch_get
from kiosk.domain import catalogue_rules as rules
from kiosk.domain.clock import Clock, from_iso, to_iso
from kiosk.domain.errors import InvalidInput, KioskError, NotFound, PermissionDenied
from kiosk.domain.layout import HallLayout
from kiosk.domain.menu import menu_from_body, menu_to_body
from kiosk.domain.offers import OfferBook
from kiosk.services import audit
from kiosk.store.db import open_db, transaction
from kiosk.store.menu_store import foreign_ids, load_menu, replace_menu
from kiosk.store.offer_store import load_offers, replace_offers

log = logging.getLogger(__name__)
VERSION_SK = "VERSION"
CHANGE_PREFIX = "CHANGE#"
AFTER_CHANGES = "CHANGE$"  # '$' sorts right after '#': every item sk except CHANGE#... is above
ITEMS_PER_TRANSACTION = 98  # + VERSION + CHANGE = 100, DynamoDB's limit
PUBLISH_KIND = "publish"
RECENT_SHOWS = timedelta(days=1)  # shows that ended longer ago are history, not catalogue
RECENT_DAYS = 14  # closed business days shared: only the latest moves sales forward


class PublishRefused(InvalidInput):
    """The catalogue failed validation; nothing was sent to the cloud."""


class PublishConflict(KioskError):
    """Another manager changed the same record first; ``conflicts`` says who, when and what."""

    def __init__(self, message: str, conflicts: list[dict[str, Any]]):
        super().__init__(message)
        self.conflicts = conflicts


@dataclass
class PullResult:
    cinema_id: str
    version: int  # the cloud version this device has now seen
    moved: bool = False  # VERSION had moved since the last pull
    applied: list[str] = field(default_factory=list)  # sks written to the local tables
    skipped: dict[str, str] = field(default_factory=dict)  # sk -> why its last good copy stays
    kept_local: list[str] = field(default_factory=list)  # unpublished local edits left alone
    items_read: int = 0  # catalogue items fetched (not counting VERSION / CHANGE items)


@dataclass
class PublishResult:
    cinema_id: str
    version: int
    published: list[str] = field(default_factory=list)
    transactions: int = 0


def cinema_pk(cinema_id: str) -> str:
    return f"CINEMA#{cinema_id}"


def change_sk(version: int) -> str:
    return f"{CHANGE_PREFIX}{version:012d}"


def _key(cinema_id: str, sk: str) -> dict[str, Any]:
    return {"pk": {"S": cinema_pk(cinema_id)}, "sk": {"S": sk}}


def _state_key(cinema_id: str, name: str) -> str:
    return f"catalogue_{name}:{cinema_id}"


def _get_state(conn: sqlite3.Connection, key: str, default: str = "") -> str:
    row = conn.execute("SELECT value FROM cloud_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def _set_state(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO cloud_state (key, value) VALUES (?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def seen_version(conn: sqlite3.Connection, cinema_id: str) -> int:
    return int(_get_state(conn, _state_key(cinema_id, "version"), "0") or 0)


# ---- local records as item bodies ------------------------------------------------------------
def _info(row: sqlite3.Row) -> dict[str, Any]:
    return {"id": row["id"], "name": row["name"], "city": row["city"],
            "address": row["address"] or "", "timezone": row["timezone"],
            "currency": row["currency"],
            # the cinema's money limits and late-sale window (issue 11; None = currency default)
            "controls": {key: row[key] for key in rules.CONTROL_FIELDS}}


def _hall(row: sqlite3.Row) -> dict[str, Any]:
    return {"id": row["id"], "cinema_id": row["cinema_id"], "name": row["name"],
            "layout": json.loads(row["layout"]),
            "companion_required": bool(row["companion_required"])}


def _film(row: sqlite3.Row) -> dict[str, Any]:
    return {"id": row["id"], "title": row["title"], "language": row["language"],
            "genres": json.loads(row["genres"] or "[]"), "certificate": row["certificate"],
            "runtime_min": row["runtime_min"], "synopsis": row["synopsis"] or "",
            "poster": row["poster"] or ""}


def _prices(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    lines = [{"seat_type": p[0], "ticket_type": p[1], "amount_minor": p[2]} for p in conn.execute(
        "SELECT seat_type, ticket_type, amount_minor FROM prices WHERE price_list_id = ? "
        "ORDER BY seat_type, ticket_type", (row["id"],))]
    return {"id": row["id"], "name": row["name"], "currency": row["currency"],
            "tax_rate_bp": row["tax_rate_bp"], "prices": lines}


def _show(row: sqlite3.Row) -> dict[str, Any]:
    return {"id": row["id"], "film_id": row["film_id"], "hall_id": row["hall_id"],
            "starts_at": row["starts_at"], "price_list_id": row["price_list_id"],
            "status": row["status"]}


def _staff(row: sqlite3.Row) -> dict[str, Any]:
    return {"staff_number": row["staff_number"], "name": row["name"], "role": row["role"],
            "active": bool(row["active"]), "pin_hash": row["pin_hash"]}


_DAY_SQL = "SELECT * FROM business_days bd WHERE bd.cinema_id = ?"


def _day(row: sqlite3.Row) -> dict[str, Any]:
    """A closed business day (Z report) as shared: every device then sells on the next day."""
    return {"cinema_id": row["cinema_id"], "business_date": row["business_date"],
            "closed_at": row["closed_at"], "closed_by_number": row["closed_by_number"],
            "closed_by_name": row["closed_by_name"], "kiosk_id": row["kiosk_id"],
            "currency": row["currency"], "totals": json.loads(row["totals_json"]),
            "signature": row["signature"]}


def local_items(conn: sqlite3.Connection, cinema_id: str,
                now: datetime) -> dict[str, dict[str, Any]]:
    """Every record of the cinema's catalogue and staff as this device has it (sk -> body).

    Films, price lists and staff are not tied to a cinema in the local schema, so all of them
    belong to the device's cinema; shows that ended more than a day ago are left out."""
    row = conn.execute("SELECT * FROM cinemas WHERE id = ?", (cinema_id,)).fetchone()
    if row is None:
        return {}
    items: dict[str, dict[str, Any]] = {"INFO": _info(row)}
    for r in conn.execute("SELECT * FROM halls WHERE cinema_id = ?", (cinema_id,)):
        items[rules.sk_for("hall", r["id"])] = _hall(r)
    for r in conn.execute("SELECT * FROM films"):
        items[rules.sk_for("film", r["id"])] = _film(r)
    for r in conn.execute("SELECT * FROM price_lists").fetchall():
        items[rules.sk_for("prices", r["id"])] = _prices(conn, r)
    for r in conn.execute(
            "SELECT s.* FROM shows s JOIN halls h ON h.id = s.hall_id WHERE h.cinema_id = ? "
            "AND s.starts_at > ?", (cinema_id, to_iso(now - RECENT_SHOWS))):
        items[rules.sk_for("show", r["id"])] = _show(r)
    for r in conn.execute("SELECT * FROM staff"):
        items[rules.sk_for("staff", r["staff_number"])] = _staff(r)
    for r in conn.execute(_DAY_SQL + " ORDER BY bd.business_date DESC LIMIT ?",
                          (cinema_id, RECENT_DAYS)):
        items[rules.sk_for("day", r["business_date"])] = _day(r)
    menu = _menu(conn, cinema_id)
    if menu is not None:
        items[rules.sk_for("menu", cinema_id)] = menu
    offers = _offers(conn, cinema_id)
    if offers is not None:
        items[rules.sk_for("offers", cinema_id)] = offers
    return items


def _offers(conn: sqlite3.Connection, cinema_id: str) -> dict[str, Any] | None:
    """The cinema's offers as one record (None while it has none)."""
    offers = load_offers(conn, cinema_id)
    return OfferBook(cinema_id, offers).to_body() if offers else None


def _menu(conn: sqlite3.Connection, cinema_id: str) -> dict[str, Any] | None:
    """The cinema's food and drink menu as one record (None while it has none)."""
    if conn.execute("SELECT 1 FROM menu_categories WHERE cinema_id = ? LIMIT 1",
                    (cinema_id,)).fetchone() is None:
        return None
    return menu_to_body(load_menu(conn, cinema_id))


def local_item(conn: sqlite3.Connection, cinema_id: str, sk: str) -> dict[str, Any] | None:
    """One record as this device has it now (None when it has none)."""
    kind = rules.kind_of(sk)
    key = sk.split("#", 1)[1] if "#" in sk else ""
    queries = {"info": ("SELECT * FROM cinemas WHERE id = ?", cinema_id, _info),
               "hall": ("SELECT * FROM halls WHERE id = ?", key, _hall),
               "film": ("SELECT * FROM films WHERE id = ?", key, _film),
               "show": ("SELECT * FROM shows WHERE id = ?", key, _show),
               "staff": ("SELECT * FROM staff WHERE staff_number = ?", key, _staff)}
    if kind == "prices":
        row = conn.execute("SELECT * FROM price_lists WHERE id = ?", (key,)).fetchone()
        return None if row is None else _prices(conn, row)
    if kind == "day":
        row = conn.execute(_DAY_SQL + " AND bd.business_date = ?", (cinema_id, key)).fetchone()
        return None if row is None else _day(row)
    if kind == "menu":
        return _menu(conn, cinema_id) if key == cinema_id else None
    if kind == "offers":
        return _offers(conn, cinema_id) if key == cinema_id else None
    if kind not in queries:
        return None
    sql, arg, build = queries[kind]
    row = conn.execute(sql, (arg,)).fetchone()
    return None if row is None else build(row)


def _baselines(conn: sqlite3.Connection, cinema_id: str) -> dict[str, tuple[int, str]]:
    return {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT sk, version, body FROM catalogue_items WHERE cinema_id = ? AND body != ''",
        (cinema_id,))}


def unpublished(conn: sqlite3.Connection, cinema_id: str, now: datetime) -> list[str]:
    """Sort keys of local records that differ from the copy last agreed with the cloud."""
    base = _baselines(conn, cinema_id)
    return sorted(sk for sk, body in local_items(conn, cinema_id, now).items()
                  if base.get(sk, (0, None))[1] != rules.canonical(body))


def _remember(conn: sqlite3.Connection, cinema_id: str, sk: str, version: int, body: dict[str, Any],
              updated_at: str, updated_by: str) -> None:
    conn.execute(
        "INSERT INTO catalogue_items (cinema_id, sk, version, body, updated_at, updated_by,"
        " problem, problem_version) VALUES (?, ?, ?, ?, ?, ?, '', 0)"
        " ON CONFLICT(cinema_id, sk) DO UPDATE SET version = excluded.version,"
        " body = excluded.body, updated_at = excluded.updated_at,"
        " updated_by = excluded.updated_by, problem = '', problem_version = 0",
        (cinema_id, sk, version, rules.canonical(body), updated_at, updated_by))


def _note_problem(conn: sqlite3.Connection, cinema_id: str, sk: str, version: int,
                  problem: str) -> None:
    conn.execute(
        "INSERT INTO catalogue_items (cinema_id, sk, problem, problem_version) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(cinema_id, sk) DO UPDATE SET problem = excluded.problem,"
        " problem_version = excluded.problem_version", (cinema_id, sk, problem, version))


# ---- applying a cloud copy to the local tables -----------------------------------------------
def _reference_problem(conn: sqlite3.Connection, kind: str, body: dict[str, Any], cinema_id: str,
                       now: str = "") -> str:
    checks: list[tuple[str, str, str]] = []
    if kind == "hall":
        if body["cinema_id"] != cinema_id:
            return f"the hall belongs to cinema {body['cinema_id']}, not {cinema_id}"
        checks = [("cinemas", body["cinema_id"], "cinema")]
        from kiosk.domain.layout import HallLayout

        seats = HallLayout.from_spec(body["layout"]).seats
        lost = sorted({r[0] for r in conn.execute(
            "SELECT ss.seat_code FROM seat_sales ss JOIN shows s ON s.id = ss.show_id "
            "WHERE s.hall_id = ? AND s.starts_at > ?", (body["id"], now))} - set(seats))
        if lost:  # nobody may be left without the seat they bought
            return (f"the new layout drops seats sold here for coming shows: "
                    f"{', '.join(lost[:10])}")
    elif kind == "show":
        checks = [("films", body["film_id"], "film"), ("halls", body["hall_id"], "hall"),
                  ("price_lists", body["price_list_id"], "price list")]
    elif kind == "menu":
        if body["id"] != cinema_id:
            return f"the menu belongs to cinema {body['id']}, not {cinema_id}"
        cinema = conn.execute("SELECT currency FROM cinemas WHERE id = ?",
                              (cinema_id,)).fetchone()
        if cinema is None:
            return f"refers to cinema {cinema_id}, which this device does not have"
        if body["currency"] != cinema[0]:
            return f"the menu is priced in {body['currency']}, the cinema sells in {cinema[0]}"
        clashes = foreign_ids(conn, menu_from_body(body))
        if clashes:
            return f"the menu reuses ids of another cinema's menu: {', '.join(clashes[:5])}"
    elif kind == "offers":
        if body["id"] != cinema_id:
            return f"the offers belong to cinema {body['id']}, not {cinema_id}"
        if conn.execute("SELECT 1 FROM cinemas WHERE id = ?", (cinema_id,)).fetchone() is None:
            return f"refers to cinema {cinema_id}, which this device does not have"
    elif kind == "day":
        if body["cinema_id"] != cinema_id:
            return f"the closed day belongs to cinema {body['cinema_id']}, not {cinema_id}"
        if conn.execute("SELECT 1 FROM staff WHERE staff_number = ?",
                        (body["closed_by_number"],)).fetchone() is None:
            return f"closed by staff {body['closed_by_number']}, whom this device does not have"
    for table, ref, what in checks:
        if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (ref,)).fetchone() is None:  # noqa: S608
            return f"refers to {what} {ref}, which this device does not have"
    return ""


def apply_item(conn: sqlite3.Connection, kind: str, body: dict[str, Any]) -> None:
    """Write one validated record into the local tables (inside the caller's transaction)."""
    if kind == "info":
        conn.execute(
            "INSERT INTO cinemas (id, name, city, address, timezone, currency)"
            " VALUES (:id, :name, :city, :address, :timezone, :currency)"
            " ON CONFLICT(id) DO UPDATE SET name = excluded.name, city = excluded.city,"
            " address = excluded.address, timezone = excluded.timezone,"
            " currency = excluded.currency", {"address": "", **body})
        controls = body.get("controls")  # absent when published by an older device: keep ours
        if isinstance(controls, dict):
            conn.execute("UPDATE cinemas SET cashier_refund_limit_minor = :cashier_refund_limit_minor,"
                         " shift_refund_limit_minor = :shift_refund_limit_minor,"
                         " cash_variance_threshold_minor = :cash_variance_threshold_minor,"
                         " late_sale_minutes = :late_sale_minutes WHERE id = :id",
                         {**controls, "id": body["id"]})
    elif kind == "hall":
        from kiosk.domain.layout import HallLayout

        layout = HallLayout.from_spec(body["layout"])
        conn.execute(
            "INSERT INTO halls (id, cinema_id, name, layout, seat_count, companion_required)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
            " cinema_id = excluded.cinema_id, name = excluded.name, layout = excluded.layout,"
            " seat_count = excluded.seat_count, companion_required = excluded.companion_required",
            (body["id"], body["cinema_id"], body["name"], json.dumps(body["layout"]),
             layout.seat_count, int(body["companion_required"])))
    elif kind == "film":
        conn.execute(
            "INSERT INTO films (id, title, language, genres, certificate, runtime_min, synopsis,"
            " poster) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
            " title = excluded.title, language = excluded.language, genres = excluded.genres,"
            " certificate = excluded.certificate, runtime_min = excluded.runtime_min,"
            " synopsis = excluded.synopsis, poster = excluded.poster",
            (body["id"], body["title"], body["language"], json.dumps(body["genres"]),
             body["certificate"], body["runtime_min"], body.get("synopsis", ""),
             body.get("poster", "")))
    elif kind == "menu":  # definitions; this device's stock counts of kept items stay
        replace_menu(conn, menu_from_body(body), None)
    elif kind == "offers":
        replace_offers(conn, OfferBook.from_body(body))
    elif kind == "prices":
        conn.execute(
            "INSERT INTO price_lists (id, name, currency, tax_rate_bp) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET name = excluded.name, currency = excluded.currency,"
            " tax_rate_bp = excluded.tax_rate_bp",
            (body["id"], body["name"], body["currency"], body["tax_rate_bp"]))
        conn.execute("DELETE FROM prices WHERE price_list_id = ?", (body["id"],))
        conn.executemany(
            "INSERT INTO prices (price_list_id, seat_type, ticket_type, amount_minor)"
            " VALUES (?, ?, ?, ?)",
            [(body["id"], p["seat_type"], p["ticket_type"], p["amount_minor"])
             for p in body["prices"]])
    elif kind == "show":
        conn.execute(
            "INSERT INTO shows (id, film_id, hall_id, starts_at, price_list_id, status)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET film_id = excluded.film_id,"
            " hall_id = excluded.hall_id, starts_at = excluded.starts_at,"
            " price_list_id = excluded.price_list_id, status = excluded.status",
            (body["id"], body["film_id"], body["hall_id"], to_iso(from_iso(body["starts_at"])),
             body["price_list_id"], body["status"]))
        if body["status"] == "cancelled":  # as ScheduleService.cancel_show does
            conn.execute("DELETE FROM holds WHERE show_id = ?", (body["id"],))
    elif kind == "staff":
        old = conn.execute("SELECT pin_hash FROM staff WHERE staff_number = ?",
                           (body["staff_number"],)).fetchone()
        if old is None:
            conn.execute("INSERT INTO staff (staff_number, name, role, pin_hash, active)"
                         " VALUES (?, ?, ?, ?, ?)", (body["staff_number"], body["name"],
                                                     body["role"], body["pin_hash"],
                                                     int(body["active"])))
        else:
            conn.execute("UPDATE staff SET name = ?, role = ?, active = ?, pin_hash = ? "
                         "WHERE staff_number = ?", (body["name"], body["role"],
                                                    int(body["active"]), body["pin_hash"],
                                                    body["staff_number"]))
            if old[0] != body["pin_hash"]:  # a new PIN clears a lockout, as reset_pin does
                conn.execute("UPDATE staff SET failed_attempts = 0, locked_until = NULL "
                             "WHERE staff_number = ?", (body["staff_number"],))
    elif kind == "day":
        # A closed day never changes (migration 0014 refuses updates): the first copy stays.
        conn.execute(
            "INSERT OR IGNORE INTO business_days (cinema_id, business_date, closed_at, closed_by,"
            " closed_by_number, closed_by_name, kiosk_id, currency, totals_json, signature)"
            " VALUES (?, ?, ?, (SELECT id FROM staff WHERE staff_number = ?), ?, ?, ?, ?, ?, ?)",
            (body["cinema_id"], body["business_date"], body["closed_at"],
             body["closed_by_number"], body["closed_by_number"], body["closed_by_name"],
             body["kiosk_id"], body["currency"], json.dumps(body["totals"], sort_keys=True),
             body["signature"]))
    else:
        raise ValueError(f"unknown kind {kind!r}")


@dataclass(frozen=True)
class _Item:
    sk: str
    kind: str
    body: dict[str, Any] | None  # None when unusable (``problem`` says why)
    version: int
    problem: str
    updated_at: str = ""
    updated_by: str = ""


def _decode(item: dict[str, Any]) -> _Item:
    """One raw DynamoDB item, checked: a device never applies what it cannot read."""
    sk = item.get("sk", {}).get("S", "")
    kind = item.get("kind", {}).get("S", "")
    at, by = item.get("updated_at", {}).get("S", ""), item.get("updated_by", {}).get("S", "")
    try:
        version = int(item.get("version", {}).get("N", "0"))
    except ValueError:
        version = 0
    if rules.kind_of(sk) is None or kind != rules.kind_of(sk):
        return _Item(sk, kind, None, version, f"unknown kind {kind!r}", at, by)
    try:
        body = json.loads(item.get("body", {}).get("S", ""))
    except json.JSONDecodeError:
        return _Item(sk, kind, None, version, "the record is not valid JSON", at, by)
    problem = rules.item_problem(kind, body, sk)
    return _Item(sk, kind, None if problem else body, version, problem, at, by)


def apply_items(conn: sqlite3.Connection, cinema_id: str, raw: Iterable[dict[str, Any]],
                result: PullResult, pulled_at: str = "", now: str = "") -> None:
    """Apply fetched items in one local transaction: parents first, bad ones skipped; with
    ``pulled_at``, the seen version and pull time are recorded in the same transaction."""
    decoded = sorted((_decode(i) for i in raw),
                     key=lambda d: (rules.APPLY_ORDER.get(d.kind, 99), d.sk))
    base = _baselines(conn, cinema_id)
    with transaction(conn):
        for it in decoded:
            result.items_read += 1
            problem = it.problem
            if it.body is not None and it.kind != "info":
                problem = _reference_problem(conn, it.kind, it.body, cinema_id,
                                             now or pulled_at)
            if problem or it.body is None:
                result.skipped[it.sk] = problem
                _note_problem(conn, cinema_id, it.sk, it.version, problem)
                continue
            if it.sk in base and base[it.sk][0] >= it.version:
                continue  # this device already has that copy (or a newer one it published)
            mine = local_item(conn, cinema_id, it.sk)
            if it.sk in base and mine is not None and rules.canonical(mine) != base[it.sk][1]:
                result.kept_local.append(it.sk)  # an unpublished edit: its publish will conflict
                continue
            apply_item(conn, it.kind, it.body)
            # the agreed copy is the record as stored here (times normalised, say), so it never
            # looks like a local edit and later versions keep applying
            stored = local_item(conn, cinema_id, it.sk) or it.body
            _remember(conn, cinema_id, it.sk, it.version, stored, it.updated_at, it.updated_by)
            result.applied.append(it.sk)
        if pulled_at:
            _set_state(conn, _state_key(cinema_id, "version"), str(result.version))
            _set_state(conn, _state_key(cinema_id, "pull_at"), pulled_at)


# ---- pulling ---------------------------------------------------------------------------------
def _batch_get(client: DynamoDBClient, table: str,
               keys: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list(batch_get(client, table, keys, consistent=True))


def fetch_changes(client: DynamoDBClient, table: str, cinema_id: str, seen: int, version: int,
                  retry: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The items changed after version ``seen``: from the change log when it is complete, else
    (first pull, or a log with gaps) the whole partition with a version filter. ``retry``: sks
    skipped before (e.g. a show whose hall had not arrived yet), read again with them."""
    pk = cinema_pk(cinema_id)
    if seen > 0:
        changes = list(query_items(
            client, TableName=table, ConsistentRead=True,
            KeyConditionExpression="pk = :pk AND sk BETWEEN :lo AND :hi",
            ExpressionAttributeValues={":pk": {"S": pk}, ":lo": {"S": change_sk(seen + 1)},
                                       ":hi": {"S": change_sk(version)}}))
        if len(changes) == version - seen:
            sks = sorted({s["S"] for c in changes for s in c.get("sks", {}).get("L", [])}
                         | set(retry))
            return _batch_get(client, table, [_key(cinema_id, sk) for sk in sks])
    items = query_items(
        client, TableName=table, ConsistentRead=True,
        KeyConditionExpression="pk = :pk AND sk > :after",
        FilterExpression="version > :seen",
        ExpressionAttributeValues={":pk": {"S": pk}, ":after": {"S": AFTER_CHANGES},
                                   ":seen": {"N": str(seen)}})
    return [i for i in items if i["sk"]["S"] != VERSION_SK]


def read_version(client: DynamoDBClient, table: str, cinema_id: str) -> int:
    answer = client.get_item(TableName=table, Key=_key(cinema_id, VERSION_SK), ConsistentRead=True)
    return int(answer.get("Item", {}).get("version", {}).get("N", "0"))


def pull_cinema(context: CloudContext, conn: sqlite3.Connection, cinema_id: str,
                now: datetime) -> PullResult:
    """One pull on ``conn``: the version check, then (only if it moved) the changed items."""
    if not cinema_id:
        raise InvalidInput("This device has no cinema_id: set it before pulling the catalogue.")
    clients = context.clients()
    client = context.dynamodb()
    seen = seen_version(conn, cinema_id)
    retry = [r[0] for r in conn.execute(
        "SELECT sk FROM catalogue_items WHERE cinema_id = ? AND problem != ''", (cinema_id,))]

    def read() -> tuple[int, list[dict[str, Any]]]:
        try:
            version = read_version(client, clients.table, cinema_id)
            if version <= seen:
                return version, []
            return version, fetch_changes(client, clients.table, cinema_id, seen, version, retry)
        except Exception as exc:  # noqa: BLE001 - translated for the status
            raise translate(exc) from exc

    version, items = context.call(read)
    result = PullResult(cinema_id, max(version, seen), moved=version > seen)
    apply_items(conn, cinema_id, items, result, pulled_at=to_iso(now))
    if result.skipped:
        log.warning("[catalogue] %s: kept the last good copy of %s", cinema_id,
                    ", ".join(f"{k} ({v})" for k, v in result.skipped.items()))
    return result


class CataloguePuller:
    """Pulls one cinema's catalogue into one database (its own connection; one thread)."""

    def __init__(self, context: CloudContext, db_path: Path | str | None = None,
                 clock: Clock | None = None):
        self.context = context
        self.clock = clock or Clock()
        self.db = open_db(db_path or context.config.db_path)
        self.conn: sqlite3.Connection = self.db.conn

    def pull(self, cinema_id: str | None = None) -> PullResult:
        return pull_cinema(self.context, self.conn, cinema_id or self.context.config.cinema_id,
                           self.clock.now())

    def close(self) -> None:
        self.conn.close()


# ---- publishing ------------------------------------------------------------------------------
def require_publisher(conn: sqlite3.Connection, staff_number: str) -> None:
    """Only an active manager publishes (the cloud module refuses whatever the caller did)."""
    row = conn.execute("SELECT role, active FROM staff WHERE staff_number = ?",
                       (staff_number,)).fetchone()
    if row is None or row[0] != "manager" or not row[1]:
        raise PermissionDenied("Only a manager can publish the catalogue. Please ask a manager "
                               "to sign in.")


def _put(cinema_id: str, sk: str, body: dict[str, Any], version: int, known: int | None, now: str,
         staff_number: str) -> dict[str, Any]:
    kind = rules.kind_of(sk) or ""
    item: dict[str, Any] = {**_key(cinema_id, sk), "version": {"N": str(version)},
                            "kind": {"S": kind}, "body": {"S": rules.canonical(body)},
                            "updated_at": {"S": now}, "updated_by": {"S": staff_number}}
    if kind == "show":
        item["status"] = {"S": body["status"]}
    elif kind == "staff":
        item["active"] = {"BOOL": bool(body["active"])}
        item["role"] = {"S": body["role"]}
    put: dict[str, Any] = {"TableName": "", "Item": item,
                           "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}
    if known:
        put["ConditionExpression"] = "version = :known"
        put["ExpressionAttributeValues"] = {":known": {"N": str(known)}}
    else:
        put["ConditionExpression"] = "attribute_not_exists(pk)"
    return put


def _when(stamp: str, timezone: str) -> str:
    try:
        return from_iso(stamp).astimezone(ZoneInfo(timezone)).strftime("%d %b %H:%M")
    except (ValueError, KeyError):
        return stamp or "an unknown time"


def _conflict_message(conflicts: list[dict[str, Any]]) -> str:
    parts = []
    for c in conflicts:
        theirs = "; ".join(c["differs"]) or "no visible difference"
        parts.append(f"{c['what']} was changed by staff {c['by'] or 'unknown'} at {c['when']} "
                     f"before your change reached the cloud (yours -> theirs: {theirs}).")
    return (" ".join(parts) + " Your change was not published; this device now shows their "
            "version. Please check it and make your change again if it is still needed.")


def _what(sk: str, body: dict[str, Any] | None) -> str:
    kind = rules.kind_of(sk) or "item"
    name = (body or {}).get("title") or (body or {}).get("name") or sk.split("#", 1)[-1]
    return {"show": f"Show {sk.split('#', 1)[-1]}", "staff": f"Staff member {name}",
            "film": f"Film {name}", "hall": f"Hall {name}", "prices": f"Price list {name}",
            "info": f"Cinema {name}"}.get(kind, sk)


def fits(blocks: int, block_seats: int) -> str:
    """The hall sizes that store a show's seats in ``blocks`` partition keys, in words."""
    if blocks == 1:
        return f"up to {block_seats:,} seats"
    return f"{(blocks - 1) * block_seats + 1:,} to {blocks * block_seats:,} seats"


def layout_problems(context: CloudContext, items: dict[str, dict[str, Any]],
                    pending: list[str]) -> list[str]:
    """Shows this publish would move to a hall that stores seats differently from the layout
    the cloud has fixed for them (``kiosk.cloud.partitions``: the guard).

    A show's layout item exists once any device has held, sold or set aside one of its seats;
    it never changes, so such a show must stay in a hall of the same block count. One batch read
    of the layout items of the shows this publish touches (moved shows, shows of resized halls).
    """
    halls = {body["id"] for sk, body in items.items()
             if sk in pending and rules.kind_of(sk) == "hall"}
    shows = {body["id"]: body for sk, body in items.items() if rules.kind_of(sk) == "show"
             and (sk in pending or body.get("hall_id") in halls)}
    if not shows:
        return []
    client = context.dynamodb()
    table = context.clients().table

    def read() -> list[dict[str, Any]]:
        try:
            return _batch_get(client, table, [layout_key(show) for show in sorted(shows)])
        except Exception as exc:  # noqa: BLE001
            raise translate(exc) from exc

    fixed = {str(i["pk"]["S"]).removeprefix("SHOW#"): int(i["blocks"]["N"])
             for i in context.call(read) if "blocks" in i}
    problems = []
    for show_id, blocks in sorted(fixed.items()):
        body = shows[show_id]
        hall = items.get(rules.sk_for("hall", str(body.get("hall_id"))))
        if hall is None:
            continue
        seats = HallLayout.from_spec(hall["layout"]).seat_count
        if blocks_for(seats, context.layouts.block_seats) != blocks:
            problems.append(
                f"Show {show_id} already has seats held or sold, so it cannot move to hall "
                f"{hall.get('name') or hall['id']} ({seats:,} seats): the cloud keeps its seats "
                f"arranged for a hall of {fits(blocks, context.layouts.block_seats)}. Choose a "
                "hall of that size, or cancel the show and schedule a new one.")
    return problems


def publish(context: CloudContext, conn: sqlite3.Connection, cinema_id: str, staff_number: str,
            *, clock: Clock, cleaning_gap_min: int, kiosk_id: str = "") -> PublishResult:
    """Publish every unpublished local change of the cinema (see the module docstring)."""
    require_publisher(conn, staff_number)
    for _ in range(3):  # another manager's unrelated publish moves VERSION: pull, then retry
        pull_cinema(context, conn, cinema_id, clock.now())
        items = local_items(conn, cinema_id, clock.now())
        if not items:
            raise NotFound(f"This device has no cinema {cinema_id} to publish.")
        base = _baselines(conn, cinema_id)
        pending = sorted((sk for sk, body in items.items()
                          if base.get(sk, (0, None))[1] != rules.canonical(body)),
                         key=lambda sk: (rules.APPLY_ORDER[rules.kind_of(sk) or "info"], sk))
        # parents first: a device pulling between two transactions never gets a show
        # before its hall
        problems = rules.catalogue_problems(items, cleaning_gap_min, check=pending)
        if problems:
            raise PublishRefused("Not published: " + " ".join(problems[:5])
                                 + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""))
        result = PublishResult(cinema_id, seen_version(conn, cinema_id))
        if not pending:
            return result
        problems = layout_problems(context, items, pending)
        if problems:  # before any write: the cloud and this database are left as they were
            raise PublishRefused("Not published: " + " ".join(problems[:5]))
        try:
            for i in range(0, len(pending), ITEMS_PER_TRANSACTION):
                chunk = pending[i:i + ITEMS_PER_TRANSACTION]
                _publish_chunk(context, conn, cinema_id, staff_number, clock, items, base, chunk,
                               result)
        except _VersionMoved:
            continue
        with transaction(conn):
            audit.record(conn, at=clock.now(), kiosk_id=kiosk_id or context.kiosk_id,
                         action="catalogue.publish", target=cinema_id,
                         staff_id=_staff_id(conn, staff_number),
                         detail={"version": result.version, "items": len(result.published)})
        return result
    raise CloudError("The catalogue kept changing while publishing; please try again.")


class _VersionMoved(Exception):
    pass


def _staff_id(conn: sqlite3.Connection, staff_number: str) -> int | None:
    row = conn.execute("SELECT id FROM staff WHERE staff_number = ?", (staff_number,)).fetchone()
    return None if row is None else int(row[0])


def _publish_chunk(context: CloudContext, conn: sqlite3.Connection, cinema_id: str,
                   staff_number: str, clock: Clock, items: dict[str, dict[str, Any]],
                   base: dict[str, tuple[int, str]], chunk: list[str],
                   result: PublishResult) -> None:
    clients = context.clients()
    client = context.dynamodb()
    table = clients.table
    seen = result.version
    new = seen + 1
    now = to_iso(clock.now())
    version_update: dict[str, Any] = {
        "TableName": table, "Key": _key(cinema_id, VERSION_SK),
        "UpdateExpression": "SET version = :new, updated_at = :at, updated_by = :by",
        "ExpressionAttributeValues": {":new": {"N": str(new)}, ":at": {"S": now},
                                      ":by": {"S": staff_number}}}
    if seen:
        version_update["ConditionExpression"] = "version = :seen"
        version_update["ExpressionAttributeValues"][":seen"] = {"N": str(seen)}
    else:
        version_update["ConditionExpression"] = "attribute_not_exists(pk)"
    change = {"TableName": table, "Item": {
        **_key(cinema_id, change_sk(new)), "version": {"N": str(new)},
        "sks": {"L": [{"S": sk} for sk in chunk]}, "updated_at": {"S": now},
        "updated_by": {"S": staff_number}}, "ConditionExpression": "attribute_not_exists(pk)"}
    puts = []
    for sk in chunk:
        put = _put(cinema_id, sk, items[sk], new, base.get(sk, (0, ""))[0] or None, now,
                   staff_number)
        put["TableName"] = table
        puts.append({"Put": put})
    request = [{"Update": version_update}, {"Put": change}, *puts]

    def write() -> None:
        try:
            client.transact_write_items(TransactItems=request)
        except Exception as exc:  # noqa: BLE001
            if error_code(exc) == "TransactionCanceledException":
                reasons = getattr(exc, "response", {}).get("CancellationReasons", [])
                raise _Cancelled(reasons) from exc
            raise translate(exc) from exc

    try:
        context.call(write)
    except _Cancelled as cancelled:
        _handle_cancel(conn, cinema_id, clock, items, chunk, cancelled.reasons)
        raise _VersionMoved() from None
    with transaction(conn):
        for sk in chunk:
            _remember(conn, cinema_id, sk, new, items[sk], now, staff_number)
        _set_state(conn, _state_key(cinema_id, "version"), str(new))
        _set_state(conn, _state_key(cinema_id, "conflict"), "")  # a later publish went through
    result.version = new
    result.published.extend(chunk)
    result.transactions += 1


class _Cancelled(KioskError):
    def __init__(self, reasons: list[dict[str, Any]]):
        super().__init__("transaction cancelled")
        self.reasons = reasons


def _handle_cancel(conn: sqlite3.Connection, cinema_id: str, clock: Clock,
                   items: dict[str, dict[str, Any]], chunk: list[str],
                   reasons: list[dict[str, Any]]) -> None:
    """A refused publish: an item conflict rolls that record back to the cloud's copy and
    raises PublishConflict; a moved VERSION alone returns (the caller pulls and retries)."""
    info = items.get("INFO") or {}
    timezone = info.get("timezone", "UTC")
    conflicts: list[dict[str, Any]] = []
    theirs: list[dict[str, Any]] = []
    for sk, reason in zip(chunk, reasons[2:], strict=False):
        if reason.get("Code") != "ConditionalCheckFailed":
            continue
        old = reason.get("Item") or {}
        their_body = _decode(old).body if old else None
        conflicts.append({
            "sk": sk, "what": _what(sk, items.get(sk)),
            "by": old.get("updated_by", {}).get("S", ""),
            "when": _when(old.get("updated_at", {}).get("S", ""), timezone),
            "differs": rules.differences(items.get(sk), their_body),
            "theirs": their_body, "yours": items.get(sk)})
        if old:
            theirs.append(old)
    if not conflicts:
        return
    result = PullResult(cinema_id, seen_version(conn, cinema_id))
    with transaction(conn):  # forget the local edit's baseline so the cloud copy applies
        conn.executemany("DELETE FROM catalogue_items WHERE cinema_id = ? AND sk = ?",
                         [(cinema_id, c["sk"]) for c in conflicts])
    apply_items(conn, cinema_id, theirs, result, now=to_iso(clock.now()))
    with transaction(conn):
        _set_state(conn, _state_key(cinema_id, "conflict"),  # for the sync screen
                   f"{to_iso(clock.now())} {_conflict_message(conflicts)}")
        audit.record(conn, at=clock.now(), kiosk_id="", action="catalogue.conflict",
                     target=cinema_id, ok=False,
                     detail={"conflicts": [{k: c[k] for k in ("sk", "by", "when", "differs",
                                                              "yours")} for c in conflicts]})
    raise PublishConflict(_conflict_message(conflicts), conflicts)


# ---- the services' hook, the outbox and the engine -------------------------------------------
def enqueue_publish(conn: sqlite3.Connection, cinema_id: str, staff_number: str,
                    now: datetime) -> None:
    """Queue one publish for the worker (at most one waiting per cinema: it publishes all)."""
    from kiosk.cloud.worker import enqueue

    with transaction(conn):
        waiting = conn.execute(
            "SELECT 1 FROM outbox WHERE kind = ? AND done_at IS NULL AND dead_at IS NULL "
            "AND json_extract(payload, '$.cinema_id') = ?", (PUBLISH_KIND, cinema_id)).fetchone()
        if waiting is None:
            enqueue(conn, kind=PUBLISH_KIND, booking_id=None, now=now,
                    payload={"cinema_id": cinema_id, "staff_number": staff_number})


def drain_publish(context: CloudContext, conn: sqlite3.Connection, payload: dict[str, Any],
                  clock: Clock) -> str:
    """The worker's ``publish`` row: a conflict is an answer (reported, the row is done)."""
    try:
        result = publish(context, conn, str(payload.get("cinema_id") or ""),
                         str(payload.get("staff_number") or ""), clock=clock,
                         cleaning_gap_min=context.config.cleaning_gap_min)
    except PublishConflict as err:
        return f"conflict: {err}"
    return f"published {len(result.published)} items as version {result.version}"


class CataloguePublisher:
    """What the manager's services call after an edit: publish now, or queue it when offline."""

    def __init__(self, context: CloudContext, cinema_id: str, clock: Clock):
        self.context = context
        self.cinema_id = cinema_id
        self.clock = clock

    def after_edit(self, conn: sqlite3.Connection, staff_number: str) -> PublishResult | None:
        """None when queued (offline). Raises PublishConflict / PublishRefused / PermissionDenied."""
        try:
            return publish(self.context, conn, self.cinema_id, staff_number, clock=self.clock,
                           cleaning_gap_min=self.context.config.cleaning_gap_min)
        except CloudUnavailable as err:
            log.info("[catalogue] offline, publish queued: %s", err)
            enqueue_publish(conn, self.cinema_id, staff_number, self.clock.now())
            return None


def catalogue_status(conn: sqlite3.Connection, cinema_id: str, now: datetime) -> dict[str, Any]:
    """The sync status's ``catalogue`` entry: version, last pull, items kept at a good copy."""
    if not cinema_id:
        return {"cinema_id": "", "version": 0, "last_pull_at": "", "problems": [],
                "publish_queued": 0}
    problems = [f"{sk}: {problem} (version {v}; last good copy kept)" for sk, problem, v in
                conn.execute("SELECT sk, problem, problem_version FROM catalogue_items "
                             "WHERE cinema_id = ? AND problem != '' ORDER BY sk", (cinema_id,))]
    queued = conn.execute(
        "SELECT COUNT(*) FROM outbox WHERE kind = ? AND done_at IS NULL",
        (PUBLISH_KIND,)).fetchone()[0]
    return {"cinema_id": cinema_id, "version": seen_version(conn, cinema_id),
            "last_pull_at": _get_state(conn, _state_key(cinema_id, "pull_at")),
            "problems": problems, "publish_queued": int(queued),
            "last_conflict": _get_state(conn, _state_key(cinema_id, "conflict"))}


class CatalogueSync:
    """The sync engine's part: pull on ``catalogue_interval_s``; never raises for cloud trouble."""

    def __init__(self, context: CloudContext, db_path: Path | str, clock: Clock):
        self.context = context
        self.cinema_id = context.config.cinema_id
        self.interval = context.config.cloud.catalogue_interval_s
        self.puller = CataloguePuller(context, db_path, clock)
        self._next = 0.0
        self.last: PullResult | None = None

    def tick(self, mono: float) -> PullResult | None:
        if not self.cinema_id or mono < self._next or not self.context.status.worth_trying():
            return None
        self._next = mono + self.interval
        try:
            self.last = self.puller.pull(self.cinema_id)
        except (CloudUnavailable, CloudError, KioskError) as err:
            log.info("catalogue pull failed: %s", err)
            return None
        return self.last

    def status(self) -> dict[str, Any]:
        return catalogue_status(self.puller.conn, self.cinema_id, self.puller.clock.now())

    def close(self) -> None:
        self.puller.close()

"""Finding shows and reading seat maps. Past shows are never offered for sale.

A seat is taken for everyone when it is sold here (``seat_sales``), held by a live hold here
(``holds`` with an expiry in the future) or sold / live-held elsewhere (``remote_seats``, pulled
from the cloud). Expired holds count as free: nobody has to clean them up first.

Every query reads one table once (never one query per seat), so the seat map of a 20,000-seat
hall costs three indexed range scans plus a dict build; parsed hall layouts are cached per hall
and reused while the stored layout text is unchanged (which also keeps best-available's
per-layout cache warm).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import NotFound
from kiosk.domain.layout import CELL_TO_TYPE, HallLayout, layout_from_json
from kiosk.domain.seating import best_available
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import SeatStatus, ShowDetail, ShowQuery, ShowSummary
from kiosk.services.money_controls import MAX_LATE_SALE_MINUTES

if TYPE_CHECKING:
    from kiosk.services.gate import SeatGate

# Seat statuses a new selection may use (the caller's own hold is about to be replaced).
SELECTABLE = frozenset({SeatStatus.FREE, SeatStatus.ALLOCATED_HERE, SeatStatus.HELD_BY_ME})

_SHOW_COLUMNS = """
    s.id AS show_id, s.film_id, s.hall_id, s.starts_at, s.price_list_id, s.status,
    f.title, f.certificate, f.language, f.genres, f.runtime_min,
    c.id AS cinema_id, c.name AS cinema_name, c.city, c.timezone, c.late_sale_minutes,
    h.name AS hall_name, h.seat_count, pl.currency
"""
_SHOW_JOINS = """
    FROM shows s
    JOIN films f ON f.id = s.film_id
    JOIN halls h ON h.id = s.hall_id
    JOIN cinemas c ON c.id = h.cinema_id
    JOIN price_lists pl ON pl.id = s.price_list_id
"""
# Seats nobody else may take right now, one row per (show, seat) however many sources agree.
_TAKEN_UNION = """
    SELECT show_id, seat_code FROM seat_sales WHERE show_id IN ({ids})
    UNION
    SELECT show_id, seat_code FROM holds WHERE expires_at > :now AND show_id IN ({ids})
    UNION
    SELECT show_id, seat_code FROM remote_seats
     WHERE (state = 'sold' OR (state = 'held' AND (expires_at IS NULL OR expires_at > :now)))
       AND show_id IN ({ids})
"""


class _LayoutCache:
    """Parsed hall layouts keyed by hall id, valid while the stored text is unchanged."""

    def __init__(self, size: int = 64):
        self._items: OrderedDict[str, tuple[str, HallLayout, frozenset[str]]] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, hall_id: str, text: str) -> tuple[HallLayout, frozenset[str]]:
        with self._lock:
            item = self._items.get(hall_id)
            if item is not None and item[0] == text:
                self._items.move_to_end(hall_id)
                return item[1], item[2]
        layout = layout_from_json(text)
        types = frozenset(str(s.type) for s in layout.seats.values())
        with self._lock:
            self._items[hall_id] = (text, layout, types)
            self._items.move_to_end(hall_id)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return layout, types

    def seat_types(self, hall_id: str, text: str) -> frozenset[str]:
        """Seat types of a hall without a full parse when the layout is not cached."""
        with self._lock:
            item = self._items.get(hall_id)
            if item is not None and item[0] == text:
                return item[2]
        cells = "".join(row.get("cells", "") for row in json.loads(text).get("rows", []))
        return frozenset(str(CELL_TO_TYPE[c]) for c in set(cells) if c in CELL_TO_TYPE)


_LAYOUTS = _LayoutCache()


def hall_layout(conn: sqlite3.Connection, hall_id: str) -> HallLayout:
    """The parsed layout of a hall (cached); NotFound for an unknown hall."""
    row = conn.execute("SELECT layout FROM halls WHERE id = ?", (hall_id,)).fetchone()
    if row is None:
        raise NotFound(f"There is no hall {hall_id!r}.")
    return _LAYOUTS.get(hall_id, row[0])[0]


def _taken_counts(conn: sqlite3.Connection, id_sql: str, params: dict[str, Any]) -> dict[str, int]:
    sql = f"SELECT show_id, COUNT(*) FROM ({_TAKEN_UNION.format(ids=id_sql)}) GROUP BY show_id"  # noqa: S608
    return dict(conn.execute(sql, params).fetchall())


def _adult_prices(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    prices: dict[str, dict[str, int]] = {}
    for pl, seat_type, amount in conn.execute(
        "SELECT price_list_id, seat_type, amount_minor FROM prices WHERE ticket_type = 'adult'"
    ):
        prices.setdefault(pl, {})[seat_type] = amount
    return prices


def _hall_types(conn: sqlite3.Connection, hall_ids: set[str]) -> dict[str, frozenset[str]]:
    if not hall_ids:
        return {}
    marks = ",".join("?" * len(hall_ids))
    rows = conn.execute(f"SELECT id, layout FROM halls WHERE id IN ({marks})",  # noqa: S608
                        sorted(hall_ids)).fetchall()
    return {hall_id: _LAYOUTS.seat_types(hall_id, text) for hall_id, text in rows}


def _summary(row: sqlite3.Row, taken: int, from_price: int) -> ShowSummary:
    starts = from_iso(row["starts_at"])
    return ShowSummary(
        show_id=row["show_id"],
        film_id=row["film_id"],
        film_title=row["title"],
        certificate=row["certificate"],
        language=row["language"],
        genres=tuple(json.loads(row["genres"] or "[]")),
        runtime_min=row["runtime_min"],
        cinema_id=row["cinema_id"],
        cinema_name=row["cinema_name"],
        city=row["city"],
        hall_id=row["hall_id"],
        hall_name=row["hall_name"],
        starts_at=starts,
        local_start=starts.astimezone(ZoneInfo(row["timezone"])),
        timezone=row["timezone"],
        seats_total=row["seat_count"],
        seats_left=max(0, row["seat_count"] - taken),
        currency=row["currency"],
        from_price_minor=from_price,
    )


def _from_price(prices: dict[str, dict[str, int]], price_list_id: str,
                types: frozenset[str] | None) -> int:
    adult = prices.get(price_list_id, {})
    relevant = [amount for seat_type, amount in adult.items() if not types or seat_type in types]
    return min(relevant or adult.values() or [0])


def _summaries(conn: sqlite3.Connection, rows: list[sqlite3.Row], taken: dict[str, int]
               ) -> list[ShowSummary]:
    prices = _adult_prices(conn)
    types = _hall_types(conn, {r["hall_id"] for r in rows})
    return [
        _summary(r, taken.get(r["show_id"], 0),
                 _from_price(prices, r["price_list_id"], types.get(r["hall_id"])))
        for r in rows
    ]


def show_summary(conn: sqlite3.Connection, show_id: str, now: datetime) -> ShowSummary:
    """One show's summary whatever its state (past and cancelled included); NotFound if unknown."""
    row = conn.execute(f"SELECT {_SHOW_COLUMNS} {_SHOW_JOINS} WHERE s.id = ?",  # noqa: S608
                       (show_id,)).fetchone()
    if row is None:
        raise NotFound(f"There is no show {show_id!r}.")
    taken = _taken_counts(conn, ":show", {"show": show_id, "now": to_iso(now)})
    return _summaries(conn, [row], taken)[0]


def _day_window(day: date) -> tuple[str, str]:
    """UTC bounds that contain that local day in every time zone on Earth (UTC-12..UTC+14)."""
    start = datetime.combine(day, time(0), tzinfo=UTC) - timedelta(hours=14)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=UTC) + timedelta(hours=12)
    return to_iso(start), to_iso(end)


def _matches_text(summary: ShowSummary, words: list[str]) -> bool:
    haystack = " ".join(
        (summary.film_title, summary.cinema_name, summary.hall_name, summary.language,
         summary.city, " ".join(summary.genres))
    ).casefold()
    return all(word in haystack for word in words)


class CatalogueService:
    def __init__(self, deps: ServiceDeps, gate: SeatGate | None = None):
        self.deps = deps
        self.gate = gate

    @property
    def _conn(self) -> sqlite3.Connection:
        return self.deps.db.conn

    def _now(self) -> datetime:
        return self.deps.clock.now()

    # ----------------------------------------------------------------- filter values
    def cities(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT DISTINCT city FROM cinemas ORDER BY city")]

    def cinemas(self, city: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT id, name, city, address, timezone, currency FROM cinemas"
        params: tuple[str, ...] = ()
        if city:
            sql += " WHERE city = ?"
            params = (city,)
        rows = self._conn.execute(sql + " ORDER BY city, name", params).fetchall()
        return [dict(r) for r in rows]

    def device_timezone(self) -> str:
        """The zone this device's times are shown in, never the machine's: its cinema's
        (``device_cinema``), else UTC when there is no cinema at all."""
        row = self._conn.execute("SELECT timezone FROM cinemas WHERE id = ?",
                                 (self.device_cinema(),)).fetchone()
        return str(row[0]) if row else "UTC"

    def device_cinema(self) -> str:
        """This device's cinema: the config's ``cinema_id``, else the one first run recorded
        (as the shift's currency is chosen), else a cinema in the default currency, else the
        first one ("" when there is none)."""
        from kiosk.services.shifts import DEFAULT_CURRENCY

        for cinema in (self.deps.config.cinema_id, self._setting_cinema()):
            if cinema and self._conn.execute("SELECT 1 FROM cinemas WHERE id = ?",
                                             (cinema,)).fetchone() is not None:
                return str(cinema)
        row = self._conn.execute(
            "SELECT id FROM cinemas ORDER BY currency <> ?, city, name LIMIT 1",
            (DEFAULT_CURRENCY,)).fetchone()
        return str(row[0]) if row else ""

    def _setting_cinema(self) -> str:
        row = self._conn.execute("SELECT value FROM settings WHERE key = 'cinema_id'").fetchone()
        return str(row[0]) if row else ""

    def halls(self, cinema_id: str | None = None) -> list[dict[str, Any]]:
        """Halls (id, name, cinema), of one cinema or all: a door picks the one it leads to."""
        sql = ("SELECT h.id, h.name, h.cinema_id, c.name AS cinema_name FROM halls h "
               "JOIN cinemas c ON c.id = h.cinema_id")
        params: tuple[str, ...] = ()
        if cinema_id:
            sql += " WHERE h.cinema_id = ?"
            params = (cinema_id,)
        return [dict(r) for r in self._conn.execute(sql + " ORDER BY c.name, h.name", params)]

    def _films_on_sale(self) -> list[sqlite3.Row]:
        rows = self._conn.execute(
            "SELECT DISTINCT f.language, f.genres FROM films f JOIN shows s ON s.film_id = f.id "
            "WHERE s.status = 'scheduled' AND s.starts_at > ?", (to_iso(self._now()),)
        ).fetchall()
        return rows or self._conn.execute("SELECT language, genres FROM films").fetchall()

    def languages(self) -> list[str]:
        """Languages of films with shows on sale (all films' languages when nothing is on)."""
        return sorted({r["language"] for r in self._films_on_sale()}, key=str.casefold)

    def genres(self) -> list[str]:
        found = {g for r in self._films_on_sale() for g in json.loads(r["genres"] or "[]")}
        return sorted(found, key=str.casefold)

    # ----------------------------------------------------------------- shows
    def find_shows(self, query: ShowQuery) -> list[ShowSummary]:
        """Shows on sale, today (cinema-local) first, then by start time.

        On sale = scheduled and before the start plus the cinema's late-sale window: the same
        rule holds and confirms apply (``BookingContext.check_on_sale``), so nothing listed is
        then refused for having started."""
        now = self._now()
        where = ["s.status = 'scheduled'", "s.starts_at > :earliest"]
        params: dict[str, object] = {
            "now": to_iso(now), "earliest": to_iso(now - timedelta(minutes=MAX_LATE_SALE_MINUTES))}
        if query.city:
            where.append("c.city = :city")
            params["city"] = query.city
        if query.cinema_id:
            where.append("c.id = :cinema")
            params["cinema"] = query.cinema_id
        if query.language:
            where.append("f.language = :language COLLATE NOCASE")
            params["language"] = query.language
        if query.film_id:
            where.append("f.id = :film")
            params["film"] = query.film_id
        if query.day:
            where.append("s.starts_at >= :day_start AND s.starts_at < :day_end")
            params["day_start"], params["day_end"] = _day_window(query.day)
        where_sql = " AND ".join(where)
        rows = self._conn.execute(
            f"SELECT {_SHOW_COLUMNS} {_SHOW_JOINS} WHERE {where_sql} ORDER BY s.starts_at, s.id",  # noqa: S608
            params,
        ).fetchall()
        rows = [r for r in rows  # the window is per cinema: exact check here, coarse in SQL
                if from_iso(r["starts_at"]) + timedelta(minutes=r["late_sale_minutes"]) > now]
        genre = query.genre.casefold() if query.genre else None
        if genre:
            rows = [r for r in rows
                    if genre in {g.casefold() for g in json.loads(r["genres"] or "[]")}]
        if query.day:
            rows = [r for r in rows
                    if from_iso(r["starts_at"]).astimezone(ZoneInfo(r["timezone"])).date()
                    == query.day]
        if not rows:
            return []
        ids_sql = f"SELECT s.id {_SHOW_JOINS} WHERE {where_sql}"
        summaries = _summaries(self._conn, rows, _taken_counts(self._conn, ids_sql, params))
        words = (query.text or "").casefold().split()
        if words:
            summaries = [s for s in summaries if _matches_text(s, words)]

        def today_first(s: ShowSummary) -> tuple[bool, datetime, str]:
            today = now.astimezone(ZoneInfo(s.timezone)).date()
            return (s.local_start.date() != today, s.starts_at, s.show_id)

        summaries.sort(key=today_first)
        return summaries[: max(0, query.limit)]

    def films(self, query: ShowQuery | None = None) -> list[dict[str, Any]]:
        """Films that have shows on sale matching the query (self-service browsing).

        Each film dict carries ``next_shows`` (up to 6 ShowSummary, soonest first) and
        ``next_show_times`` (their cinema-local start times), in the order of the first show.
        """
        query = replace(query or ShowQuery(), limit=100_000)
        shows = self.find_shows(query)
        if not shows:
            return []
        by_film: dict[str, list[ShowSummary]] = {}
        for s in shows:
            by_film.setdefault(s.film_id, []).append(s)
        marks = ",".join("?" * len(by_film))
        columns = "id, title, language, genres, certificate, runtime_min, synopsis, poster"
        sql = f"SELECT {columns} FROM films WHERE id IN ({marks})"  # noqa: S608
        rows = {r["id"]: r for r in self._conn.execute(sql, list(by_film))}
        films = []
        for film_id, film_shows in by_film.items():
            row = rows[film_id]
            upcoming = sorted(film_shows, key=lambda s: s.starts_at)[:6]
            films.append({
                "id": film_id,
                "title": row["title"],
                "language": row["language"],
                "genres": json.loads(row["genres"] or "[]"),
                "certificate": row["certificate"],
                "runtime_min": row["runtime_min"],
                "synopsis": row["synopsis"],
                "poster": row["poster"],
                "next_shows": upcoming,
                "next_show_times": [s.local_start for s in upcoming],
            })
        return films

    def show(self, show_id: str) -> ShowDetail:
        conn = self._conn
        summary = show_summary(conn, show_id, self._now())
        row = conn.execute(
            "SELECT s.price_list_id, pl.tax_rate_bp FROM shows s "
            "JOIN price_lists pl ON pl.id = s.price_list_id WHERE s.id = ?", (show_id,)
        ).fetchone()
        prices = {
            (r[0], r[1]): r[2]
            for r in conn.execute(
                "SELECT seat_type, ticket_type, amount_minor FROM prices WHERE price_list_id = ?",
                (row["price_list_id"],),
            )
        }
        return ShowDetail(
            summary=summary,
            layout=hall_layout(conn, summary.hall_id),
            price_list_id=row["price_list_id"],
            tax_rate_bp=row["tax_rate_bp"],
            prices=prices,
        )

    # ----------------------------------------------------------------- seats
    def seat_map(self, show_id: str, hold_id: str | None = None) -> dict[str, SeatStatus]:
        """Status of every seat for this show as this kiosk sees it now.

        SOLD: sold here or elsewhere. HELD: a live hold here that is not ``hold_id``, or held
        elsewhere. HELD_BY_ME: in the live hold ``hold_id``. BLOCKED: allocated to another kiosk
        for offline selling, or (while the gate restricts offline sales) not allocated to us.
        ALLOCATED_HERE: free and sellable offline by this kiosk.
        """
        conn = self._conn
        row = conn.execute("SELECT hall_id FROM shows WHERE id = ?", (show_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no show {show_id!r}.")
        layout = hall_layout(conn, row[0])
        now = to_iso(self._now())
        kiosk_id = self.deps.config.kiosk_id
        status = dict.fromkeys(layout.seats, SeatStatus.FREE)

        for code, state, owner, expires in conn.execute(
            "SELECT seat_code, state, kiosk_id, expires_at FROM remote_seats WHERE show_id = ?",
            (show_id,),
        ):
            if code not in status:
                continue
            if state == "sold":
                status[code] = SeatStatus.SOLD
            elif state == "held" and (expires is None or expires > now):
                status[code] = SeatStatus.HELD
            elif state == "allocated" and owner != kiosk_id:
                status[code] = SeatStatus.BLOCKED
        for code, holder in conn.execute(
            "SELECT seat_code, hold_id FROM holds WHERE show_id = ? AND expires_at > ?",
            (show_id, now),
        ):
            if code in status and status[code] is not SeatStatus.SOLD:
                status[code] = SeatStatus.HELD_BY_ME if holder == hold_id else SeatStatus.HELD
        for (code,) in conn.execute("SELECT seat_code FROM seat_sales WHERE show_id = ?",
                                    (show_id,)):
            if code in status:
                status[code] = SeatStatus.SOLD

        sellable = self.gate.offline_sellable(show_id) if self.gate is not None else None
        if sellable is not None:
            for code, state in status.items():
                if state is SeatStatus.FREE:
                    status[code] = (SeatStatus.ALLOCATED_HERE if code in sellable
                                    else SeatStatus.BLOCKED)
        return status

    def best_seats(self, show_id: str, n: int, hold_id: str | None = None,
                   accessible: bool = False) -> list[str] | None:
        """The best ``n`` seats together that this kiosk can sell now (the caller's own hold
        counts as available, since a new selection replaces it); None when no block fits."""
        status = self.seat_map(show_id, hold_id)
        unavailable = {code for code, state in status.items() if state not in SELECTABLE}
        layout = hall_layout(self._conn, self.show_hall(show_id))
        return best_available(layout, unavailable, n, accessible=accessible)

    def show_hall(self, show_id: str) -> str:
        row = self._conn.execute("SELECT hall_id FROM shows WHERE id = ?", (show_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no show {show_id!r}.")
        return str(row[0])

"""Films, shows, price lists and hall layouts: the manager's edits, each checked and audited.

Shows are entered in the cinema's local time (what a manager reads on the schedule) and stored
in UTC. Two shows in one hall may not overlap, counting the film's runtime plus the cleaning gap
(``config.cleaning_gap_min``). A hall layout may change only in ways that keep every seat already
sold for a future show: the refusal names those seats, so nobody is left without a seat.
Bulk import from CSV/JSON lives in ``kiosk.services.importer``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import InvalidInput, NotFound
from kiosk.domain.layout import GAP, HallLayout, Seat, SeatType
from kiosk.domain.schedule_rules import Slot, find_overlaps
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, TicketType
from kiosk.services.staff_admin import (
    CataloguePublishing,
    audit_event,
    publish_edit,
    require_manager,
)
from kiosk.store.db import transaction

POSTER_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp"}
MAX_RUNTIME_MIN = 600
SEAT_TYPES = tuple(str(t) for t in SeatType)
TICKET_TYPES = tuple(str(t) for t in TicketType)


# ---- records ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Film:
    film_id: str
    title: str
    language: str
    genres: tuple[str, ...]
    certificate: str
    runtime_min: int
    poster: str = ""
    synopsis: str = ""


@dataclass(frozen=True)
class ScheduledShow:
    show_id: str
    film_id: str
    film_title: str
    hall_id: str
    hall_name: str
    cinema_id: str
    timezone: str
    starts_at: datetime  # UTC
    local_start: datetime  # cinema zone
    ends_at: datetime  # UTC, start + runtime (cleaning gap not included)
    price_list_id: str
    status: str
    seats_sold: int


@dataclass(frozen=True)
class PriceList:
    price_list_id: str
    name: str
    currency: str
    tax_rate_bp: int
    prices: dict[tuple[str, str], int] = field(default_factory=dict)  # (seat, ticket) -> minor


@dataclass(frozen=True)
class Hall:
    hall_id: str
    cinema_id: str
    name: str
    layout: HallLayout
    companion_required: bool

    @property
    def seat_count(self) -> int:
        return self.layout.seat_count


@dataclass(frozen=True)
class ShowClash:
    show_id: str
    film_title: str
    local_start: datetime
    local_end: datetime  # including the cleaning gap


# ---- pure rules ------------------------------------------------------------------------------
def local_to_utc(local_start: datetime, timezone: str) -> datetime:
    """A wall-clock time at the cinema to UTC; refuse times a DST change skips."""
    zone = ZoneInfo(timezone)
    naive = local_start.replace(tzinfo=None)
    aware = naive.replace(tzinfo=zone)
    if aware.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None) != naive:
        raise InvalidInput(f"{naive:%d %b %H:%M} does not exist in {timezone} (clocks change).")
    return aware.astimezone(ZoneInfo("UTC"))


def companion_problems(layout: HallLayout) -> list[str]:
    """Wheelchair spaces without a companion seat next to them in the same row."""
    problems = []
    for row in layout.rows:
        cells = row.cells
        for column, cell in enumerate(cells):
            if cell != "W":
                continue
            left = cells[column - 1] if column > 0 else GAP
            right = cells[column + 1] if column + 1 < len(cells) else GAP
            if "C" not in (left, right):
                number = sum(1 for c in cells[: column + 1] if c != GAP)
                problems.append(f"{row.label}{number}")
    return problems


def validate_layout(spec: dict[str, Any], companion_required: bool) -> HallLayout:
    """Parse and check a layout the way the hall editor needs: all problems in one message."""
    layout = HallLayout.from_spec(spec)  # duplicate codes/labels, unknown symbols, empty rows
    if companion_required:
        lonely = companion_problems(layout)
        if lonely:
            raise InvalidInput(
                "Each wheelchair space needs a companion seat right next to it: "
                + ", ".join(lonely) + "."
            )
    return layout


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "item"


# ---- the service -----------------------------------------------------------------------------
class ScheduleService:
    def __init__(self, deps: ServiceDeps, publisher: CataloguePublishing | None = None):
        self.deps = deps
        self.publisher = publisher  # the shared catalogue (kiosk.cloud.catalogue_sync)

    # cinemas ---------------------------------------------------------------------------------
    def cinemas(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.deps.conn.execute("SELECT * FROM cinemas ORDER BY city, name")]

    def _cinema(self, cinema_id: str) -> sqlite3.Row:
        row: sqlite3.Row | None = self.deps.conn.execute(
            "SELECT * FROM cinemas WHERE id = ?", (cinema_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no cinema {cinema_id}.")
        return row

    # films -----------------------------------------------------------------------------------
    def list_films(self) -> list[Film]:
        rows = self.deps.conn.execute("SELECT * FROM films ORDER BY title").fetchall()
        return [self._film(r) for r in rows]

    def film(self, film_id: str) -> Film:
        row = self.deps.conn.execute("SELECT * FROM films WHERE id = ?", (film_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no film {film_id}.")
        return self._film(row)

    @staticmethod
    def _film(row: sqlite3.Row) -> Film:
        return Film(row["id"], row["title"], row["language"], tuple(json.loads(row["genres"] or "[]")),
                    row["certificate"], row["runtime_min"], row["poster"] or "", row["synopsis"] or "")

    def save_film(self, actor: Actor, *, title: str, language: str, genres: list[str] | tuple[str, ...],
                  certificate: str, runtime_min: int, poster: str = "", synopsis: str = "",
                  film_id: str | None = None) -> Film:
        """Create (no ``film_id``) or update a film."""
        require_manager(self.deps, actor, "film.save", target=film_id or title)
        title = " ".join((title or "").split())
        language = (language or "").strip()
        certificate = (certificate or "").strip().upper()
        clean_genres = tuple(g.strip() for g in genres if g and g.strip())
        if not title:
            raise InvalidInput("A film needs a title.")
        if not language:
            raise InvalidInput("A film needs a language.")
        if not certificate:
            raise InvalidInput("A film needs a certificate (for example U, UA or A).")
        try:
            runtime = int(runtime_min)
        except (TypeError, ValueError):
            raise InvalidInput("The runtime is a whole number of minutes.") from None
        if not 1 <= runtime <= MAX_RUNTIME_MIN:
            raise InvalidInput(f"The runtime must be between 1 and {MAX_RUNTIME_MIN} minutes.")
        poster = (poster or "").strip()
        if poster:
            path = Path(poster).expanduser()
            if path.suffix.lower() not in POSTER_SUFFIXES:
                raise InvalidInput("A poster is a PNG, JPEG or WebP image file.")
            if not path.is_file():
                raise InvalidInput(f"The poster file {poster} cannot be found.")
            poster = str(path)
        values = {"title": title, "language": language, "genres": json.dumps(list(clean_genres)),
                  "certificate": certificate, "runtime_min": runtime, "poster": poster,
                  "synopsis": (synopsis or "").strip()}
        with transaction(self.deps.conn) as conn:
            if film_id is None:
                film_id = self._new_id(conn, "films", slug(title))
                conn.execute(
                    "INSERT INTO films (id, title, language, genres, certificate, runtime_min, poster,"
                    " synopsis) VALUES (:id, :title, :language, :genres, :certificate, :runtime_min,"
                    " :poster, :synopsis)", {"id": film_id, **values})
                action = "film.add"
            else:
                old = conn.execute("SELECT runtime_min FROM films WHERE id = ?", (film_id,)).fetchone()
                if old is None:
                    raise NotFound(f"There is no film {film_id}.")
                if runtime > old["runtime_min"]:  # a longer film may now run into the next show
                    for show in conn.execute(
                        "SELECT id, hall_id, starts_at FROM shows WHERE film_id = ? AND status ="
                        " 'scheduled' AND starts_at > ?", (film_id, to_iso(self.deps.clock.now()))
                    ).fetchall():
                        self._refuse_clash(conn, show["hall_id"], from_iso(show["starts_at"]),
                                           runtime, ignore_show=show["id"])
                conn.execute(
                    "UPDATE films SET title = :title, language = :language, genres = :genres,"
                    " certificate = :certificate, runtime_min = :runtime_min, poster = :poster,"
                    " synopsis = :synopsis WHERE id = :id", {"id": film_id, **values})
                action = "film.update"
            audit_event(conn, self.deps, actor, action, target=film_id,
                        detail={"title": title, "runtime_min": runtime})
        publish_edit(self.publisher, self.deps, actor)
        return self.film(film_id)

    # price lists ------------------------------------------------------------------------------
    def list_price_lists(self) -> list[PriceList]:
        rows = self.deps.conn.execute("SELECT * FROM price_lists ORDER BY name").fetchall()
        return [self.price_list(r["id"]) for r in rows]

    def price_list(self, price_list_id: str) -> PriceList:
        row = self.deps.conn.execute("SELECT * FROM price_lists WHERE id = ?",
                                     (price_list_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no price list {price_list_id}.")
        prices = {(p["seat_type"], p["ticket_type"]): p["amount_minor"] for p in self.deps.conn.execute(
            "SELECT * FROM prices WHERE price_list_id = ?", (price_list_id,))}
        return PriceList(row["id"], row["name"], row["currency"], row["tax_rate_bp"], prices)

    def save_price_list(self, actor: Actor, *, name: str, currency: str, tax_rate_bp: int,
                        prices: dict[tuple[str, str], int], price_list_id: str | None = None) -> PriceList:
        """Create or replace a price list: every seat type x ticket type needs a price.

        Bookings keep the price they were sold at, so changing a list never alters past sales.
        """
        require_manager(self.deps, actor, "price_list.save", target=price_list_id or name)
        name = " ".join((name or "").split())
        currency = (currency or "").strip().upper()
        if not name:
            raise InvalidInput("A price list needs a name.")
        if not re.fullmatch(r"[A-Z]{3}", currency):
            raise InvalidInput("The currency is a three-letter code such as INR.")
        if not isinstance(tax_rate_bp, int) or not 0 <= tax_rate_bp <= 10_000:
            raise InvalidInput("The tax rate must be between 0 and 100 %.")
        missing = [f"{s} {t}" for s in SEAT_TYPES for t in TICKET_TYPES if (s, t) not in prices]
        if missing:
            raise InvalidInput("Please set a price for: " + ", ".join(missing) + ".")
        unknown = [k for k in prices if k[0] not in SEAT_TYPES or k[1] not in TICKET_TYPES]
        if unknown:
            raise InvalidInput(f"Unknown seat or ticket type: {unknown[0][0]} {unknown[0][1]}.")
        for (seat, ticket), amount in prices.items():
            if not isinstance(amount, int) or amount < 0:
                raise InvalidInput(f"The {seat} {ticket} price must be zero or more.")
        with transaction(self.deps.conn) as conn:
            if price_list_id is None:
                price_list_id = self._new_id(conn, "price_lists", slug(name))
                conn.execute("INSERT INTO price_lists (id, name, currency, tax_rate_bp)"
                             " VALUES (?, ?, ?, ?)", (price_list_id, name, currency, tax_rate_bp))
                action = "price_list.add"
            else:
                old = conn.execute("SELECT currency FROM price_lists WHERE id = ?",
                                   (price_list_id,)).fetchone()
                if old is None:
                    raise NotFound(f"There is no price list {price_list_id}.")
                if old["currency"] != currency and conn.execute(
                        "SELECT 1 FROM shows WHERE price_list_id = ? LIMIT 1", (price_list_id,)).fetchone():
                    raise InvalidInput("Shows use this price list, so its currency cannot change.")
                conn.execute("UPDATE price_lists SET name = ?, currency = ?, tax_rate_bp = ? WHERE id = ?",
                             (name, currency, tax_rate_bp, price_list_id))
                conn.execute("DELETE FROM prices WHERE price_list_id = ?", (price_list_id,))
                action = "price_list.update"
            conn.executemany(
                "INSERT INTO prices (price_list_id, seat_type, ticket_type, amount_minor)"
                " VALUES (?, ?, ?, ?)",
                [(price_list_id, s, t, a) for (s, t), a in sorted(prices.items())],
            )
            audit_event(conn, self.deps, actor, action, target=price_list_id,
                        detail={"name": name, "currency": currency, "tax_rate_bp": tax_rate_bp})
        publish_edit(self.publisher, self.deps, actor)
        return self.price_list(price_list_id)

    # halls -----------------------------------------------------------------------------------
    def list_halls(self, cinema_id: str | None = None) -> list[Hall]:
        rows = self.deps.conn.execute(
            "SELECT * FROM halls WHERE (? IS NULL OR cinema_id = ?) ORDER BY name",
            (cinema_id, cinema_id)).fetchall()
        return [self._hall(r) for r in rows]

    def hall(self, hall_id: str) -> Hall:
        row = self.deps.conn.execute("SELECT * FROM halls WHERE id = ?", (hall_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no hall {hall_id}.")
        return self._hall(row)

    @staticmethod
    def _hall(row: sqlite3.Row) -> Hall:
        return Hall(row["id"], row["cinema_id"], row["name"],
                    HallLayout.from_spec(json.loads(row["layout"])), bool(row["companion_required"]))

    def sold_future_seats(self, hall_id: str) -> set[str]:
        """Seats sold for shows of this hall that have not started yet: here, or elsewhere
        (another kiosk or the online channel, as last pulled from the cloud)."""
        now = to_iso(self.deps.clock.now())
        rows = self.deps.conn.execute(
            "SELECT ss.seat_code FROM seat_sales ss JOIN shows s ON s.id = ss.show_id"
            " WHERE s.hall_id = ? AND s.status = 'scheduled' AND s.starts_at > ?"
            " UNION SELECT r.seat_code FROM remote_seats r JOIN shows s ON s.id = r.show_id"
            " WHERE s.hall_id = ? AND s.status = 'scheduled' AND s.starts_at > ? AND r.state = 'sold'",
            (hall_id, now, hall_id, now),
        ).fetchall()
        return {r[0] for r in rows}

    def check_layout(self, hall_id: str | None, spec: dict[str, Any],
                     companion_required: bool) -> HallLayout:
        """Everything ``save_hall`` checks, without writing: the hall editor calls it as you paint."""
        layout = validate_layout(spec, companion_required)
        if hall_id is not None:
            sold = self.sold_future_seats(hall_id)
            lost = sorted(sold - set(layout.seats), key=_seat_sort_key)
            if lost:
                raise InvalidInput(
                    "These seats are sold for upcoming shows and must stay in the hall: "
                    + ", ".join(lost) + "."
                )
            # A seat code that survives but now names another place (a gap painted earlier in
            # the row renumbers the rest) would send a ticket holder to someone else's seat.
            old = self.hall(hall_id).layout
            moved = sorted((code for code in sold if code in old.seats and
                            _place(old.seats[code]) != _place(layout.seats[code])), key=_seat_sort_key)
            if moved:
                raise InvalidInput(
                    "These seats are sold for upcoming shows and would be renumbered or moved: "
                    + ", ".join(moved) + ". Change the row after those shows, or add seats at "
                    "the end of the row instead."
                )
            # The cloud keeps a sold show's seats under partition keys chosen by its hall's size
            # (kiosk.cloud.partitions); a resize past a block boundary would strand them.
            from kiosk.cloud import partitions

            size = partitions.BLOCK_SEATS
            if sold and (partitions.blocks_for(old.seat_count, size)
                         != partitions.blocks_for(layout.seat_count, size)):
                raise InvalidInput(
                    f"Upcoming shows in this hall have sold seats, so the hall cannot go from "
                    f"{old.seat_count:,} to {layout.seat_count:,} seats: halls of up to "
                    f"{size:,} seats and bigger ones (by each {size:,} seats) store "
                    "their shows' seats differently. Keep the size within that range until "
                    "those shows are over, or make a new hall.")
        return layout

    def save_hall(self, actor: Actor, *, spec: dict[str, Any], name: str, cinema_id: str,
                  companion_required: bool = True, hall_id: str | None = None) -> Hall:
        require_manager(self.deps, actor, "hall.save", target=hall_id or name)
        name = " ".join((name or "").split())
        if not name:
            raise InvalidInput("A hall needs a name.")
        self._cinema(cinema_id)
        with transaction(self.deps.conn) as conn:
            if hall_id is not None:
                old = conn.execute("SELECT cinema_id FROM halls WHERE id = ?", (hall_id,)).fetchone()
                if old is None:
                    raise NotFound(f"There is no hall {hall_id}.")
                if old["cinema_id"] != cinema_id:
                    raise InvalidInput("A hall cannot move to another cinema.")
            layout = self.check_layout(hall_id, spec, companion_required)  # inside the lock
            values = (cinema_id, name, json.dumps(layout.to_spec()), layout.seat_count,
                      1 if companion_required else 0)
            if hall_id is None:
                hall_id = self._new_id(conn, "halls", slug(name))
                conn.execute("INSERT INTO halls (cinema_id, name, layout, seat_count,"
                             " companion_required, id) VALUES (?, ?, ?, ?, ?, ?)", (*values, hall_id))
                action = "hall.add"
            else:
                conn.execute("UPDATE halls SET cinema_id = ?, name = ?, layout = ?, seat_count = ?,"
                             " companion_required = ? WHERE id = ?", (*values, hall_id))
                action = "hall.update"
            audit_event(conn, self.deps, actor, action, target=hall_id,
                        detail={"name": name, "seats": layout.seat_count})
        publish_edit(self.publisher, self.deps, actor)
        return self.hall(hall_id)

    # shows -----------------------------------------------------------------------------------
    def list_shows(self, cinema_id: str | None = None, day: date | None = None,
                   days: int = 1, include_cancelled: bool = True) -> list[ScheduledShow]:
        """Shows by start; ``day`` (with ``days``) picks cinema-local dates, each show judged in
        its own cinema's zone. Without ``day``, every show."""
        lo = hi = None
        if day is not None:  # a UTC window a day wider each side, then the exact local filter
            lo = to_iso(datetime.combine(day - timedelta(days=1), time(0), ZoneInfo("UTC")))
            hi = to_iso(datetime.combine(day + timedelta(days=days + 1), time(0), ZoneInfo("UTC")))
        rows = self.deps.conn.execute(
            "SELECT s.*, f.title, f.runtime_min, h.name AS hall_name, h.cinema_id, c.timezone,"
            " (SELECT COUNT(*) FROM seat_sales ss WHERE ss.show_id = s.id) AS sold"
            " FROM shows s JOIN films f ON f.id = s.film_id JOIN halls h ON h.id = s.hall_id"
            " JOIN cinemas c ON c.id = h.cinema_id"
            " WHERE (? IS NULL OR h.cinema_id = ?) AND (? OR s.status = 'scheduled')"
            " AND (? IS NULL OR s.starts_at >= ?) AND (? IS NULL OR s.starts_at < ?)"
            " ORDER BY s.starts_at",
            (cinema_id or None, cinema_id or None, 1 if include_cancelled else 0, lo, lo, hi, hi),
        ).fetchall()
        shows = [self._show(r) for r in rows]
        if day is not None:
            last = day + timedelta(days=days)
            shows = [s for s in shows if day <= s.local_start.date() < last]
        return shows

    def show(self, show_id: str) -> ScheduledShow:
        row = self.deps.conn.execute(
            "SELECT s.*, f.title, f.runtime_min, h.name AS hall_name, h.cinema_id, c.timezone,"
            " (SELECT COUNT(*) FROM seat_sales ss WHERE ss.show_id = s.id) AS sold"
            " FROM shows s JOIN films f ON f.id = s.film_id JOIN halls h ON h.id = s.hall_id"
            " JOIN cinemas c ON c.id = h.cinema_id WHERE s.id = ?", (show_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no show {show_id}.")
        return self._show(row)

    @staticmethod
    def _show(row: sqlite3.Row) -> ScheduledShow:
        starts = from_iso(row["starts_at"])
        return ScheduledShow(
            row["id"], row["film_id"], row["title"], row["hall_id"], row["hall_name"],
            row["cinema_id"], row["timezone"], starts, starts.astimezone(ZoneInfo(row["timezone"])),
            starts + timedelta(minutes=row["runtime_min"]), row["price_list_id"], row["status"],
            row["sold"],
        )

    def clashes(self, hall_id: str, starts_at: datetime, runtime_min: int,
                ignore_show: str | None = None) -> list[ShowClash]:
        """Scheduled shows in this hall whose time (plus cleaning) overlaps the proposed one.

        The rule itself is ``kiosk.domain.schedule_rules`` (shared with the importer and demo data);
        this only fetches the hall's nearby shows.
        """
        gap = self.deps.config.cleaning_gap_min
        candidate = Slot(ignore_show or "\x00candidate", hall_id, starts_at, runtime_min)
        window_start = starts_at - timedelta(minutes=MAX_RUNTIME_MIN + gap)
        rows = self.deps.conn.execute(
            "SELECT s.id, s.starts_at, f.title, f.runtime_min, c.timezone FROM shows s"
            " JOIN films f ON f.id = s.film_id JOIN halls h ON h.id = s.hall_id"
            " JOIN cinemas c ON c.id = h.cinema_id"
            " WHERE s.hall_id = ? AND s.status = 'scheduled' AND s.starts_at >= ? AND s.starts_at < ?",
            (hall_id, to_iso(window_start), to_iso(candidate.free_at(gap))),
        ).fetchall()
        info = {r["id"]: r for r in rows}
        existing = [Slot(r["id"], hall_id, from_iso(r["starts_at"]), r["runtime_min"]) for r in rows]
        found = []
        for slot in find_overlaps(existing, candidate, gap):
            zone = ZoneInfo(info[slot.show_id]["timezone"])
            found.append(ShowClash(slot.show_id, info[slot.show_id]["title"],
                                   slot.starts_at.astimezone(zone), slot.free_at(gap).astimezone(zone)))
        return found

    def _refuse_clash(self, conn: sqlite3.Connection, hall_id: str, starts_at: datetime,
                      runtime_min: int, ignore_show: str | None = None) -> None:
        clash = self.clashes(hall_id, starts_at, runtime_min, ignore_show)
        if clash:
            c = clash[0]
            raise InvalidInput(
                f"Hall is busy: {c.film_title} runs {c.local_start:%H:%M}-{c.local_end:%H:%M} "
                f"including {self.deps.config.cleaning_gap_min} min cleaning."
            )

    def save_show(self, actor: Actor, *, film_id: str, hall_id: str, local_start: datetime,
                  price_list_id: str, show_id: str | None = None) -> ScheduledShow:
        """Create or move a show. ``local_start`` is wall-clock time at the hall's cinema."""
        require_manager(self.deps, actor, "show.save", target=show_id or film_id)
        with transaction(self.deps.conn) as conn:
            film = conn.execute("SELECT * FROM films WHERE id = ?", (film_id,)).fetchone()
            hall = conn.execute("SELECT h.*, c.timezone, c.currency FROM halls h JOIN cinemas c"
                                " ON c.id = h.cinema_id WHERE h.id = ?", (hall_id,)).fetchone()
            plist = conn.execute("SELECT * FROM price_lists WHERE id = ?", (price_list_id,)).fetchone()
            if film is None:
                raise NotFound("Please choose a film.")
            if hall is None:
                raise NotFound("Please choose a hall.")
            if plist is None:
                raise NotFound("Please choose a price list.")
            if plist["currency"] != hall["currency"]:
                raise InvalidInput(f"The price list is in {plist['currency']} but this cinema sells "
                                   f"in {hall['currency']}.")
            starts = local_to_utc(local_start, hall["timezone"])
            if starts <= self.deps.clock.now():
                raise InvalidInput("A show must start in the future.")
            if show_id is not None:
                old = conn.execute("SELECT * FROM shows WHERE id = ?", (show_id,)).fetchone()
                if old is None:
                    raise NotFound(f"There is no show {show_id}.")
                sold = _sold_count(conn, show_id)
                if sold and (old["hall_id"] != hall_id or old["film_id"] != film_id):
                    raise InvalidInput(f"{sold} seats are sold for this show, so its film and hall "
                                       "cannot change. Cancel and refund it instead.")
            self._refuse_clash(conn, hall_id, starts, film["runtime_min"], ignore_show=show_id)
            if show_id is None:
                show_id = self._new_id(
                    conn, "shows", f"{slug(film['title'])}-{hall_id}-{local_start:%Y%m%d-%H%M}")
                conn.execute("INSERT INTO shows (id, film_id, hall_id, starts_at, price_list_id)"
                             " VALUES (?, ?, ?, ?, ?)",
                             (show_id, film_id, hall_id, to_iso(starts), price_list_id))
                action = "show.add"
            else:
                conn.execute("UPDATE shows SET film_id = ?, hall_id = ?, starts_at = ?,"
                             " price_list_id = ? WHERE id = ?",
                             (film_id, hall_id, to_iso(starts), price_list_id, show_id))
                action = "show.update"
            audit_event(conn, self.deps, actor, action, target=show_id,
                        detail={"film_id": film_id, "hall_id": hall_id, "starts_at": to_iso(starts)})
        publish_edit(self.publisher, self.deps, actor)
        return self.show(show_id)

    def cancel_show(self, actor: Actor, show_id: str) -> None:
        """Take an unsold show off sale. A show with sales must be refunded first."""
        require_manager(self.deps, actor, "show.cancel", target=show_id)
        with transaction(self.deps.conn) as conn:
            row = conn.execute("SELECT status FROM shows WHERE id = ?", (show_id,)).fetchone()
            if row is None:
                raise NotFound(f"There is no show {show_id}.")
            sold = _sold_count(conn, show_id)
            if sold:
                raise InvalidInput(f"{sold} seats are sold for this show; refund them before "
                                   "cancelling it.")
            conn.execute("UPDATE shows SET status = 'cancelled' WHERE id = ?", (show_id,))
            conn.execute("DELETE FROM holds WHERE show_id = ?", (show_id,))
            audit_event(conn, self.deps, actor, "show.cancel", target=show_id)
        publish_edit(self.publisher, self.deps, actor)

    # helpers ---------------------------------------------------------------------------------
    @staticmethod
    def _new_id(conn: sqlite3.Connection, table: str, base: str) -> str:
        assert table in {"films", "shows", "halls", "price_lists"}
        candidate, n = base, 1
        while conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (candidate,)).fetchone():  # noqa: S608
            n += 1
            candidate = f"{base}-{n}"
        return candidate


def _sold_count(conn: sqlite3.Connection, show_id: str) -> int:
    """Seats of a show sold here or elsewhere (pulled from the cloud), each counted once."""
    sold: int = conn.execute(
        "SELECT COUNT(*) FROM (SELECT seat_code FROM seat_sales WHERE show_id = ? UNION"
        " SELECT seat_code FROM remote_seats WHERE show_id = ? AND state = 'sold')",
        (show_id, show_id)).fetchone()[0]
    return sold


def _place(seat: Seat) -> tuple[str, int]:
    return (seat.row_label, seat.column)


def _seat_sort_key(code: str) -> tuple[str, int]:
    match = re.match(r"^(.*?)(\d+)$", code)
    return (match.group(1), int(match.group(2))) if match else (code, 0)


def day_bounds(day: date, timezone: str, days: int = 1) -> tuple[datetime, datetime]:
    """UTC [start, end) of cinema-local days: what a manager means by 'today'."""
    zone = ZoneInfo(timezone)
    start = datetime.combine(day, time(0), zone)
    end = datetime.combine(day + timedelta(days=days), time(0), zone)
    return start.astimezone(ZoneInfo("UTC")), end.astimezone(ZoneInfo("UTC"))

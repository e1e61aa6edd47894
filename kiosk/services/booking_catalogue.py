"""What selling a show needs from the catalogue, read once and kept until the catalogue changes.

Every hold, quote and confirm needs the show's film, hall layout, cinema zone and price list.
Re-reading them (a five-table join, the price list, the cheapest adult price) and rebuilding the
Python objects cost about a third of a confirm's CPU, for data that changes a few times a day.

The cache is per database connection and is dropped whenever the catalogue may have changed:

* changes made on this connection (schedule edits, imports, tests writing SQL by hand) fire TEMP
  triggers on the catalogue tables, which call back into Python: no query per check;
* changes committed by any other connection (another process, another thread's connection) move
  ``PRAGMA data_version``; that is coarse (any table) but one cheap statement.

Entries are stored only when no foreign transaction is open on the connection, so data another
caller wrote but may still roll back is never cached.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils

from kiosk.domain.clock import from_iso, local
from kiosk.domain.errors import NotFound
from kiosk.domain.layout import HallLayout, layout_from_json
from kiosk.domain.offers import Offer
from kiosk.services.booking_watch import data_version, per_database, watch
from kiosk.store.offer_store import load_offers

# business_days: the latest closed business date rides along (ShowInfo.closed_through).
# offers: a cinema's automatic offers and promo codes ride along too (ShowInfo.offers).
CATALOGUE_TABLES = ("cinemas", "halls", "films", "price_lists", "prices", "shows", "business_days",
                    "offers")



@dataclass(frozen=True)
class ShowInfo:
    """One show with what selling it needs: film, hall layout, cinema zone, price list."""

    show_id: str
    film_id: str
    film_title: str
    certificate: str
    language: str
    genres: tuple[str, ...]
    runtime_min: int
    cinema_id: str
    cinema_name: str
    city: str
    hall_id: str
    hall_name: str
    seat_count: int
    starts_at: datetime
    timezone: str
    status: str
    price_list_id: str
    currency: str
    tax_rate_bp: int
    layout: HallLayout
    prices: Mapping[tuple[str, str], int]  # (seat_type, ticket_type) -> amount_minor
    cheapest_adult_minor: int
    # The cinema's latest closed business date: a sale after the close falls on the next day
    # (kiosk.domain.business_day), without a query per confirm.
    closed_through: str | None = None
    late_sale_minutes: int = 0  # the cinema's window for sales after the start (issue 11)
    offers: tuple[Offer, ...] = ()  # the cinema's offers, active or not (kiosk.domain.offers)

    @property
    def local_start(self) -> datetime:
        return local(self.starts_at, self.timezone)

    @property
    def sales_end(self) -> datetime:
        """Holds and confirms are taken until then: the start plus the late-sale window."""
        return self.starts_at + timedelta(minutes=self.late_sale_minutes)


def load_show(conn: sqlite3.Connection, show_id: str) -> ShowInfo:
    """Read one show from the database (no cache)."""
    row = conn.execute(
        "SELECT s.id, s.film_id, s.hall_id, s.starts_at, s.status, s.price_list_id, "
        "f.title, f.certificate, f.language, f.genres, f.runtime_min, "
        "h.name AS hall_name, h.layout, h.seat_count, c.id AS cinema_id, c.name AS cinema_name, "
        "c.city, c.timezone, c.late_sale_minutes, pl.currency, pl.tax_rate_bp, "
        "(SELECT MAX(bd.business_date) FROM business_days bd WHERE bd.cinema_id = c.id) "
        "AS closed_through "
        "FROM shows s JOIN films f ON f.id = s.film_id JOIN halls h ON h.id = s.hall_id "
        "JOIN cinemas c ON c.id = h.cinema_id JOIN price_lists pl ON pl.id = s.price_list_id "
        "WHERE s.id = ?",
        (str(show_id),),
    ).fetchone()
    if row is None:
        raise NotFound(f"There is no show {show_id!r}. Please pick the show again.")
    try:
        genres = tuple(json.loads(row["genres"] or "[]"))
    except ValueError:
        genres = ()
    prices = {
        (seat_type, ticket_type): int(amount)
        for seat_type, ticket_type, amount in conn.execute(
            "SELECT seat_type, ticket_type, amount_minor FROM prices WHERE price_list_id = ?",
            (row["price_list_id"],))
    }
    adult = [amount for (_seat, ticket), amount in prices.items() if ticket == "adult"]
    return ShowInfo(
        show_id=row["id"], film_id=row["film_id"], film_title=row["title"],
        certificate=row["certificate"], language=row["language"], genres=genres,
        runtime_min=row["runtime_min"], cinema_id=row["cinema_id"],
        cinema_name=row["cinema_name"], city=row["city"], hall_id=row["hall_id"],
        hall_name=row["hall_name"], seat_count=row["seat_count"],
        starts_at=from_iso(row["starts_at"]), timezone=row["timezone"], status=row["status"],
        price_list_id=row["price_list_id"], currency=row["currency"],
        tax_rate_bp=row["tax_rate_bp"], layout=layout_from_json(row["layout"]),
        prices=prices, cheapest_adult_minor=min(adult, default=0),
        late_sale_minutes=int(row["late_sale_minutes"]), closed_through=row["closed_through"],
        offers=load_offers(conn, row["cinema_id"]),
    )


class ShowCache:
    """Shows of one connection, valid while the catalogue is unchanged (see the module doc)."""

    def __init__(self, conn: sqlite3.Connection, watching: bool = True):
        self._shows: dict[str, ShowInfo] = {}
        self._generation = 0
        self._seen: tuple[int, int] | None = None
        self._watching = watching
        if watching:
            watch(conn, CATALOGUE_TABLES, self, "_changed")

    def _changed(self, _value: object) -> None:
        self._generation += 1

    def show(self, conn: sqlite3.Connection, show_id: str, *, own_transaction: bool = False) -> ShowInfo:
        """The show, from the cache when nothing in the catalogue changed since it was read.

        ``own_transaction``: the caller opened the current transaction and wrote nothing to the
        catalogue in it, so what it reads may be cached.
        """
        token = (data_version(conn), self._generation)
        if token != self._seen:
            self._shows.clear()
            self._seen = token
        key = str(show_id)
        info = self._shows.get(key)
        if info is None:
            info = load_show(conn, key)
            if self._watching and (own_transaction or not conn.in_transaction):
                self._shows[key] = info
        return info


show_cache: Callable[[sqlite_utils.Database], ShowCache] = per_database(ShowCache)
"""The cache of one ``sqlite_utils.Database``."""

"""Reading and writing a cinema's offers (the ``offers`` table, migration 0022)."""

from __future__ import annotations

import json
import logging
import sqlite3

from kiosk.domain.errors import InvalidInput
from kiosk.domain.offers import Offer, OfferBook, offer_from_record

log = logging.getLogger(__name__)

_COLUMNS = ("id, cinema_id, name, kind, value, code, valid_from, valid_to, film_ids, weekdays, "
            "from_time, to_time, ticket_types, max_uses, active, members_only")


def load_offers(conn: sqlite3.Connection, cinema_id: str) -> tuple[Offer, ...]:
    """The cinema's offers. A row that breaks the rules (written by hand, past the checks of
    the service and the catalogue pull) is left out and logged: one bad offer must not stop
    every sale of the cinema."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM offers WHERE cinema_id = ? ORDER BY id",  # noqa: S608
                        (cinema_id,)).fetchall()
    offers = []
    for row in rows:
        try:
            offers.append(offer_from_record({**dict(zip(_COLUMNS.split(", "), row, strict=True)),
                                             "active": bool(row[14]),
                                             "members_only": bool(row[15])}))
        except (InvalidInput, ValueError, TypeError) as err:
            log.warning("offer %s of %s left out: %s", row[0], cinema_id, err)
    return tuple(offers)


def save_offer(conn: sqlite3.Connection, offer: Offer) -> None:
    """Insert or replace one offer (inside the caller's transaction)."""
    conn.execute(
        f"INSERT INTO offers ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "  # noqa: S608
        "ON CONFLICT(id) DO UPDATE SET cinema_id = excluded.cinema_id, name = excluded.name, "
        "kind = excluded.kind, value = excluded.value, code = excluded.code, "
        "valid_from = excluded.valid_from, valid_to = excluded.valid_to, "
        "film_ids = excluded.film_ids, weekdays = excluded.weekdays, "
        "from_time = excluded.from_time, to_time = excluded.to_time, "
        "ticket_types = excluded.ticket_types, max_uses = excluded.max_uses, "
        "active = excluded.active, members_only = excluded.members_only",
        (offer.offer_id, offer.cinema_id, offer.name, offer.kind, offer.value, offer.code,
         offer.valid_from, offer.valid_to, json.dumps(list(offer.film_ids)),
         json.dumps(list(offer.weekdays)), offer.from_time, offer.to_time,
         json.dumps(list(offer.ticket_types)), offer.max_uses, int(offer.active),
         int(offer.members_only)))


def replace_offers(conn: sqlite3.Connection, book: OfferBook) -> None:
    """Make the cinema's offers exactly ``book`` (a cloud copy), inside the caller's transaction.
    Offers are never deleted by a manager (they are withdrawn: ``active = 0``), so past bookings
    keep naming them; one missing from the copy is withdrawn here too."""
    keep = {o.offer_id for o in book.offers}
    for row in conn.execute("SELECT id FROM offers WHERE cinema_id = ?",
                            (book.cinema_id,)).fetchall():
        if row[0] not in keep:
            conn.execute("UPDATE offers SET active = 0 WHERE id = ?", (row[0],))
    for offer in book.offers:
        save_offer(conn, offer)

"""A small, fully known world for tests: one cinema, a 6x10 hall, a film, prices, shows, staff.

Everything is inserted straight into SQLite so service tests do not depend on each other.
Use ``make_world(db, clock)``; the returned ``World`` names every id a test needs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

import bcrypt
import sqlite_utils

from kiosk.domain.clock import Clock, to_iso

# A 6-row hall: row A wheelchair + companion at the ends, rows B-E standard with a centre aisle,
# row F recliners. 62 seats.
SMALL_LAYOUT = {
    "rows": [
        {"label": "A", "cells": "WC___SSSS___CW"},
        {"label": "B", "cells": "SSSSS____SSSSS"},
        {"label": "C", "cells": "SSSSSS__SSSSSS"},
        {"label": "", "cells": "______________"},
        {"label": "D", "cells": "SSSSSS__SSSSSS"},
        {"label": "E", "cells": "PPPPPP__PPPPPP"},
        {"label": "F", "cells": "RRRR______RRRR"},
    ]
}

PRICES = {
    "standard": 25000,
    "premium": 35000,
    "recliner": 60000,
    "wheelchair": 25000,
    "companion": 25000,
}
TICKET_FACTORS = {"adult": 100, "child": 70, "senior": 80, "student": 80}

CASHIER = ("1001", "1234")
CASHIER_2 = ("1002", "2345")
MANAGER = ("9001", "9999")


@dataclass(frozen=True)
class World:
    cinema_id: str = "cin-test"
    hall_id: str = "hall-test"
    film_id: str = "film-test"
    price_list_id: str = "pl-test"
    show_id: str = "show-future"
    later_show_id: str = "show-later"
    past_show_id: str = "show-past"
    cashier: tuple[str, str] = CASHIER
    cashier_2: tuple[str, str] = CASHIER_2
    manager: tuple[str, str] = MANAGER


def hash_pin(pin: str, rounds: int = 4) -> str:
    return bcrypt.hashpw(pin.encode(), bcrypt.gensalt(rounds)).decode()


def make_world(db: sqlite_utils.Database, clock: Clock, layout: dict | None = None) -> World:
    world = World()
    layout = layout or SMALL_LAYOUT
    from kiosk.domain.layout import HallLayout

    seat_count = HallLayout.from_spec(layout).seat_count
    now = clock.now()
    db["cinemas"].insert(
        {"id": world.cinema_id, "name": "Test Screens", "city": "Testville",
         "address": "1 Test Road", "timezone": "Asia/Kolkata", "currency": "INR"}
    )
    db["halls"].insert(
        {"id": world.hall_id, "cinema_id": world.cinema_id, "name": "Screen 1",
         "layout": json.dumps(layout), "seat_count": seat_count}
    )
    db["films"].insert(
        {"id": world.film_id, "title": "The Test Pattern", "language": "Hindi",
         "genres": json.dumps(["Drama", "Comedy"]), "certificate": "UA", "runtime_min": 120}
    )
    db["price_lists"].insert(
        {"id": world.price_list_id, "name": "Standard INR", "currency": "INR", "tax_rate_bp": 1800}
    )
    db["prices"].insert_all(
        {"price_list_id": world.price_list_id, "seat_type": seat_type, "ticket_type": ticket_type,
         "amount_minor": base * factor // 100}
        for seat_type, base in PRICES.items()
        for ticket_type, factor in TICKET_FACTORS.items()
    )
    shows = [
        (world.show_id, now + timedelta(hours=3)),
        (world.later_show_id, now + timedelta(days=1, hours=3)),
        (world.past_show_id, now - timedelta(hours=3)),
    ]
    db["shows"].insert_all(
        {"id": show_id, "film_id": world.film_id, "hall_id": world.hall_id,
         "starts_at": to_iso(starts), "price_list_id": world.price_list_id}
        for show_id, starts in shows
    )
    db["staff"].insert_all(
        [
            {"staff_number": CASHIER[0], "name": "Asha Cashier", "role": "cashier",
             "pin_hash": hash_pin(CASHIER[1])},
            {"staff_number": CASHIER_2[0], "name": "Ravi Cashier", "role": "cashier",
             "pin_hash": hash_pin(CASHIER_2[1])},
            {"staff_number": MANAGER[0], "name": "Meera Manager", "role": "manager",
             "pin_hash": hash_pin(MANAGER[1])},
        ]
    )
    return world


# --- helpers for service tests (booking-core) -------------------------------------------------
def insert_open_shift(db: sqlite_utils.Database, staff_id: int, kiosk_id: str, clock: Clock,
                      float_minor: int = 0) -> int:
    """An open shift straight in the table, for tests that need cash sales but not ShiftService."""
    cur = db.conn.execute(
        "INSERT INTO shifts (staff_id, kiosk_id, currency, opened_at, float_minor) "
        "VALUES (?, ?, 'INR', ?, ?)",
        (staff_id, kiosk_id, to_iso(clock.now()), float_minor),
    )
    return int(cur.lastrowid)


def table_dump(conn, exclude: tuple[str, ...] = ("audit",)) -> str:
    """The whole database as SQL text, minus tables a refusal may rightly write to."""
    skip = tuple(f'INSERT INTO "{t}"' for t in exclude)
    return "\n".join(line for line in conn.iterdump() if not line.startswith(skip))


def issue_gift_card(services, amount_minor: int, cinema_id: str = "cin-test") -> str:
    """A gift card sold by the test world's manager (paid by card: no shift needed); its code."""
    from kiosk.services.models import Payment

    manager = services.auth.sign_in(*MANAGER)
    return services.gift_cards.issue(manager, cinema_id, amount_minor,
                                     Payment("card", card_last4="4242")).card.code

"""The simulated cinema: built once per run as a template database, copied for every kiosk.

One cinema, one 40-seat hall (standard, premium, recliner, wheelchair and companion seats, so
allocation and best-available meet every seat type), one film, a price list, two shows a day or
more after the virtual start (always on sale, never started), two cashiers and a manager (bcrypt
rounds 4: the hashes are only for realism, nobody signs in). The second cashier works the first
kiosk, so the manager can deactivate her (``kiosk.sim.catalogue``) while the others sell on. Inserted straight into SQLite like
``tests/factories.py``: the package cannot import tests, and a copy of a file costs 0.1 ms where
building the world costs tens of milliseconds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import bcrypt

from kiosk.domain.clock import to_iso
from kiosk.domain.layout import HallLayout
from kiosk.store.db import open_db

LAYOUT = {
    "rows": [
        {"label": "A", "cells": "SSSS__SSSS"},
        {"label": "B", "cells": "SSSS__SSSS"},
        {"label": "C", "cells": "SSSS__SSSS"},
        {"label": "D", "cells": "PPPP__PPPP"},
        {"label": "E", "cells": "RR______RR"},
        {"label": "F", "cells": "WC____CW__"},
    ]
}
PRICES = {"standard": 25000, "premium": 35000, "recliner": 60000, "wheelchair": 25000,
          "companion": 25000}
TICKET_FACTORS = {"adult": 100, "child": 70, "senior": 80, "student": 80}
SHOW_OFFSETS = (("show-1", timedelta(hours=30)), ("show-2", timedelta(hours=40)))
CASHIER = ("1001", "1234", "Asha Cashier")
CASHIER_2 = ("1002", "2345", "Ravi Cashier")  # the first kiosk's; the one the manager deactivates
MANAGER = ("9001", "9999", "Meera Manager")
PROMO_CODE = "SIM2"
PROMO_MAX_USES = 2  # low, so schedules reach it
SIM_MEMBER = "+919000000001"  # a loyalty member every kiosk knows (issue 12 point 5)
SIM_MEMBER_POINTS = 300  # what the member holds in the cloud at the start: three redemptions


@dataclass(frozen=True)
class WorldInfo:
    """The ids a simulation needs."""

    shows: tuple[str, ...]
    seats: tuple[str, ...]  # layout order
    accessible: frozenset[str]
    cashier_id: int
    manager_id: int
    cashier2_id: int = 0
    staff: tuple[tuple[str, str], ...] = ()  # (staff number, role) of everyone
    deactivatable: str = CASHIER_2[0]


def build_template(path: Path, start: datetime) -> WorldInfo:
    """Create the template database at ``path`` (migrated, checkpointed, closed)."""
    layout = HallLayout.from_spec(LAYOUT)
    db = open_db(path)
    db["cinemas"].insert({"id": "cin-sim", "name": "Sim Screens", "city": "Simpur",
                          "address": "1 Fault Lane", "timezone": "Asia/Kolkata",
                          "currency": "INR"})
    db["halls"].insert({"id": "hall-sim", "cinema_id": "cin-sim", "name": "Screen 1",
                        "layout": json.dumps(LAYOUT), "seat_count": layout.seat_count})
    db["films"].insert({"id": "film-sim", "title": "The Partition", "language": "Hindi",
                        "genres": json.dumps(["Thriller"]), "certificate": "UA",
                        "runtime_min": 120})
    db["price_lists"].insert({"id": "pl-sim", "name": "Standard INR", "currency": "INR",
                              "tax_rate_bp": 1800})
    db["prices"].insert_all(
        {"price_list_id": "pl-sim", "seat_type": seat_type, "ticket_type": ticket_type,
         "amount_minor": base * factor // 100}
        for seat_type, base in PRICES.items() for ticket_type, factor in TICKET_FACTORS.items())
    db["shows"].insert_all(
        {"id": show_id, "film_id": "film-sim", "hall_id": "hall-sim",
         "starts_at": to_iso(start + offset), "price_list_id": "pl-sim"}
        for show_id, offset in SHOW_OFFSETS)
    # a promo code limited to a few sales, so the schedules reach its limit (issue 12)
    db["offers"].insert({"id": "promo-sim", "cinema_id": "cin-sim", "name": "Sim 10 %",
                         "kind": "percent", "value": 10, "code": PROMO_CODE,
                         "max_uses": PROMO_MAX_USES})
    # a loyalty member known to every kiosk; the cloud makes the profile at its first points
    db["members"].insert({"phone": SIM_MEMBER, "name": "Sim Member", "points": 0,
                          "joined_at": to_iso(start), "kiosk_id": "template", "shared": 1})
    ids = []
    people = ((CASHIER, "cashier"), (MANAGER, "manager"), (CASHIER_2, "cashier"))
    for (number, pin, name), role in people:
        pin_hash = bcrypt.hashpw(pin.encode(), bcrypt.gensalt(4)).decode()
        cur = db.conn.execute("INSERT INTO staff (staff_number, name, role, pin_hash) "
                              "VALUES (?, ?, ?, ?)", (number, name, role, pin_hash))
        ids.append(int(cur.lastrowid))
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    accessible = frozenset(code for code, seat in layout.seats.items()
                           if seat.type.value in ("wheelchair", "companion"))
    return WorldInfo(shows=tuple(s for s, _ in SHOW_OFFSETS), seats=tuple(layout.seats),
                     accessible=accessible, cashier_id=ids[0], manager_id=ids[1],
                     cashier2_id=ids[2], staff=tuple((p[0], role) for p, role in people))

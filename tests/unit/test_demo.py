"""The demo dataset: what it contains, that its schedule is sane, and that loading is idempotent."""

from __future__ import annotations

import json
from datetime import timedelta
from zoneinfo import ZoneInfo

import bcrypt
import pytest

from kiosk.domain.clock import from_iso
from kiosk.domain.errors import InvalidInput
from kiosk.domain.layout import HallLayout, SeatType
from kiosk.domain.schedule_rules import Slot, find_conflicts
from kiosk.services.models import TicketType
from kiosk.store.db import open_db
from kiosk.store.demo import (
    DAYS_AHEAD,
    ensure_demo_data,
    layout_from_plan,
    load_dataset,
    row_labels,
    wipe,
)
from tests.factories import make_world


@pytest.fixture
def db(config):
    database = open_db(config.db_path)
    yield database
    database.conn.close()


@pytest.fixture
def loaded(db, clock):
    assert ensure_demo_data(db, clock, rounds=4) is True
    return db


def dump(db) -> list[str]:
    return list(db.conn.iterdump())


def test_dataset_breadth(loaded):
    conn = loaded.conn
    cinemas = conn.execute("SELECT * FROM cinemas").fetchall()
    assert len({c["city"] for c in cinemas}) >= 3
    assert len(cinemas) >= 6
    assert {c["timezone"] for c in cinemas} == {"Asia/Kolkata", "Asia/Dubai"}
    assert {c["currency"] for c in cinemas} == {"INR", "AED"}
    halls = conn.execute("SELECT * FROM halls").fetchall()
    sizes = sorted(h["seat_count"] for h in halls)
    assert len(halls) >= 10 and sizes[0] == 60 and sizes[-1] == 2500
    films = conn.execute("SELECT * FROM films").fetchall()
    assert len(films) >= 16
    assert len({f["language"] for f in films}) >= 4
    assert len({g for f in films for g in json.loads(f["genres"])}) >= 6
    assert {f["certificate"] for f in films} == {"U", "UA", "A"}
    assert all(f["synopsis"] and 60 <= f["runtime_min"] <= 240 for f in films)


def test_every_hall_layout_is_valid_and_varied(loaded):
    for hall in loaded.conn.execute("SELECT * FROM halls"):
        layout = HallLayout.from_spec(json.loads(hall["layout"]))
        assert layout.seat_count == hall["seat_count"]
        types = {s.type for s in layout.seats.values()}
        assert {SeatType.WHEELCHAIR, SeatType.COMPANION, SeatType.PREMIUM,
                SeatType.RECLINER} <= types, hall["id"]
        assert any("_" in r.cells for r in layout.rows), f"{hall['id']} has no aisle"
        assert any(not r.label for r in layout.rows), f"{hall['id']} has no cross aisle"
        # every wheelchair space sits next to a companion seat in its row
        for seat in layout.seats.values():
            if seat.type is SeatType.WHEELCHAIR:
                neighbours = [s for s in layout.seats_in_row(seat.row_index)
                              if abs(s.column - seat.column) == 1]
                assert any(s.type is SeatType.COMPANION for s in neighbours), seat.code


def test_prices_complete_with_local_tax(loaded):
    conn = loaded.conn
    for pl in conn.execute("SELECT * FROM price_lists"):
        combos = {(r[0], r[1]) for r in conn.execute(
            "SELECT seat_type, ticket_type FROM prices WHERE price_list_id = ?", (pl["id"],))}
        assert combos == {(s.value, t.value) for s in SeatType for t in TicketType}
        assert pl["tax_rate_bp"] == {"INR": 1800, "AED": 500}[pl["currency"]]
    cheapest = conn.execute("SELECT MIN(amount_minor) FROM prices").fetchone()[0]
    assert cheapest > 0


def test_staff_pins_are_bcrypt_hashed_with_the_given_rounds(loaded):
    staff = {r["staff_number"]: r for r in loaded.conn.execute("SELECT * FROM staff")}
    expected = {"1001": ("1234", "cashier"), "1002": ("2345", "cashier"),
                "1003": ("3456", "cashier"), "9001": ("9999", "manager")}
    assert set(staff) == set(expected)
    for number, (pin, role) in expected.items():
        row = staff[number]
        assert row["role"] == role
        assert row["pin_hash"].startswith("$2b$04$")
        assert pin not in row["pin_hash"]
        assert bcrypt.checkpw(pin.encode(), row["pin_hash"].encode())


def test_shows_cover_the_next_seven_local_days_without_overlaps(loaded, clock, config):
    conn = loaded.conn
    rows = conn.execute(
        "SELECT s.id, s.hall_id, s.starts_at, s.film_id, s.price_list_id, f.runtime_min, "
        "f.language, c.timezone, c.id AS cinema_id, pl.currency AS pl_currency, c.currency "
        "FROM shows s JOIN films f ON f.id = s.film_id JOIN halls h ON h.id = s.hall_id "
        "JOIN cinemas c ON c.id = h.cinema_id JOIN price_lists pl ON pl.id = s.price_list_id"
    ).fetchall()
    data = load_dataset()
    languages = {c["id"]: set(c["languages"]) for c in data.cinemas}
    days: dict[str, set] = {}
    films_per_hall: dict[str, set] = {}
    for r in rows:
        local = from_iso(r["starts_at"]).astimezone(ZoneInfo(r["timezone"]))
        days.setdefault(r["hall_id"], set()).add(local.date())
        films_per_hall.setdefault(r["hall_id"], set()).add(r["film_id"])
        assert 9 <= local.hour <= 23, r["id"]
        assert r["language"] in languages[r["cinema_id"]]
        assert r["pl_currency"] == r["currency"]
    for cinema in data.cinemas:
        today = clock.now().astimezone(ZoneInfo(cinema["timezone"])).date()
        want = {today + timedelta(days=i) for i in range(DAYS_AHEAD)}
        for hall in cinema["halls"]:
            assert days[hall["id"]] == want, hall["id"]
            assert len(films_per_hall[hall["id"]]) >= 4, "films rotate"
    slots = [Slot(r["id"], r["hall_id"], from_iso(r["starts_at"]), r["runtime_min"]) for r in rows]
    assert find_conflicts(slots, config.cleaning_gap_min) == []


def test_second_run_changes_nothing(loaded, clock):
    before = dump(loaded)
    assert ensure_demo_data(loaded, clock, rounds=4) is False
    assert dump(loaded) == before


def test_top_up_adds_only_the_missing_days(loaded, clock):
    conn = loaded.conn
    before = {r[0] for r in conn.execute("SELECT id FROM shows")}
    conn.execute("UPDATE shows SET status = 'cancelled' WHERE id = ?", (sorted(before)[0],))
    clock.advance(days=3)
    assert ensure_demo_data(loaded, clock, rounds=4) is False
    after = {r[0] for r in conn.execute("SELECT id FROM shows")}
    assert before < after
    every = conn.execute(
        "SELECT s.id, s.starts_at, c.timezone FROM shows s JOIN halls h ON h.id = s.hall_id "
        "JOIN cinemas c ON c.id = h.cinema_id").fetchall()
    new_days = {from_iso(r[1]).astimezone(ZoneInfo(r[2])).date()
                for r in every if r[0] not in before}
    first_new = clock.now().astimezone(ZoneInfo("Asia/Kolkata")).date() + timedelta(days=4)
    assert new_days == {first_new + timedelta(days=i) for i in range(3)}
    # the cancelled show stays cancelled and nothing is doubled on a second top-up
    assert conn.execute("SELECT status FROM shows WHERE id = ?", (sorted(before)[0],)).fetchone()[0] \
        == "cancelled"
    again = dump(loaded)
    ensure_demo_data(loaded, clock, rounds=4)
    assert dump(loaded) == again


def test_a_cinemas_own_database_is_never_touched(db, clock):
    make_world(db, clock)
    before = dump(db)
    assert ensure_demo_data(db, clock, rounds=4) is False
    assert dump(db) == before


def test_wipe_then_reload(loaded, clock):
    conn = loaded.conn
    show = conn.execute("SELECT id FROM shows LIMIT 1").fetchone()[0]
    conn.execute(
        "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, "
        "currency, total_minor, tax_minor, payment_method, created_at, business_date, updated_at, "
        "staff_id) VALUES ('b1', 'R1', 'k1', ?, 'counter', 'K', 'INR', 100, 15, 'cash', 'x', 'x', "
        "'x', 1)", (show,))
    conn.execute("INSERT INTO booking_seats (booking_id, seat_code, seat_type, ticket_type, "
                 "price_minor, tax_minor) VALUES ('b1', 'A1', 'standard', 'adult', 100, 15)")
    conn.execute("INSERT INTO seat_sales VALUES (?, 'A1', 'b1')", (show,))
    conn.execute("INSERT INTO outbox (booking_id, kind, payload, created_at, next_attempt_at) "
                 "VALUES ('b1', 'confirm', '{}', 'x', 'x')")
    wipe(loaded.conn)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    assert all(conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] == 0  # noqa: S608
               for t in tables)
    assert loaded.conn.execute("SELECT COUNT(*) FROM shows").fetchone()[0] == 0
    assert ensure_demo_data(loaded, clock, rounds=4) is True


def test_two_loads_racing_on_one_file_load_once(config, clock):
    import threading

    open_db(config.db_path).conn.close()  # schema first (migrations racing is db.py's concern)
    results = []

    def load():
        conn_db = open_db(config.db_path)
        try:
            results.append(ensure_demo_data(conn_db, clock, rounds=4))
        finally:
            conn_db.conn.close()

    threads = [threading.Thread(target=load) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False, True]
    check = open_db(config.db_path)
    assert check.conn.execute("SELECT COUNT(*) FROM staff").fetchone()[0] == 4
    check.conn.close()


def test_row_labels_skip_i_and_o():
    labels = list(row_labels())
    assert labels[:9] == ["A", "B", "C", "D", "E", "F", "G", "H", "J"]
    assert not any(set(label) & {"I", "O"} for label in labels)
    assert len(labels) == len(set(labels))


def test_plan_expansion():
    spec = layout_from_plan({"blocks": [2, 4], "aisle": 1, "sections": [
        {"rows": 1, "seat": "S", "blocks": [0, 2]},
        {"cross_aisle": True},
        {"rows": 2, "seat": "P"},
    ], "wheelchair_rows": ["C"]})
    assert spec["rows"] == [
        {"label": "A", "cells": "___SS__"},
        {"label": "", "cells": "_______"},
        {"label": "B", "cells": "PP_PPPP"},
        {"label": "C", "cells": "WC_PPCW"},
    ]


@pytest.mark.parametrize("plan", [
    {},
    {"blocks": [], "sections": [{"rows": 1}]},
    {"blocks": [3], "sections": []},
    {"blocks": [3], "sections": [{"rows": 0}]},
    {"blocks": [3], "sections": [{"rows": 1, "seat": "X"}]},
    {"blocks": [3], "sections": [{"rows": 1, "blocks": [4]}]},
    {"blocks": [3], "sections": [{"rows": 1}], "wheelchair_rows": ["Z"]},
    {"blocks": [3], "sections": [{"rows": 1}], "wheelchair_rows": ["A"]},
    {"blocks": [3], "aisle": 0, "sections": [{"rows": 1}]},
    {"blocks": [3], "sections": [{"rows": 1, "seat": ["S"]}]},
    {"blocks": [3], "sections": [{"rows": 1}], "wheelchair_rows": 5},
    {"blocks": [3], "sections": [{"rows": 1}], "wheelchair_rows": [["A"]]},
    {"blocks": [3], "sections": ["row"]},
    {"blocks": [3], "sections": [{"rows": True}]},
    {"blocks": [True], "sections": [{"rows": 1}]},
    "not a plan",
])
def test_bad_plans_are_refused(plan):
    with pytest.raises(InvalidInput):
        layout_from_plan(plan)


def test_shipped_demo_pin_hashes_match_their_pins_at_the_default_cost():
    """The precomputed hashes that spare the first launch a second of bcrypt must be right."""
    import json
    from pathlib import Path

    import bcrypt

    from kiosk.config import Config

    staff = json.loads((Path(__file__).parents[2] / "data" / "staff.json").read_text())["staff"]
    for member in staff:
        assert member["pin_hash"].startswith(f"$2b${Config().bcrypt_rounds:02d}$")
        assert bcrypt.checkpw(member["pin"].encode(), member["pin_hash"].encode())


def test_precomputed_hash_used_only_at_its_own_cost():
    from kiosk.store.demo import _hash_pins

    member = {"pin": "1234", "pin_hash": "$2b$12$l.p2y4wh.lB83RNQ0a/tPujTZjYo6hU/lDaRUey3r3ZKG52.Far0u"}
    assert _hash_pins([member], 12) == [member["pin_hash"]]
    fresh = _hash_pins([member], 4)[0]
    assert fresh.startswith("$2b$04$") and fresh != member["pin_hash"]

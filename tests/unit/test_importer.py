"""Import: every example file works, every bad row is named, and a bad file changes nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.errors import KioskError, PermissionDenied
from kiosk.services.importer import ImportRejected, ImportService
from kiosk.services.models import Actor, Role
from kiosk.store.demo import ensure_demo_data

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "examples"
MANAGER = Actor(staff_id=4, staff_number="9001", name="Meera", role=Role.MANAGER, kiosk_id="KIOSK-1")
CASHIER = Actor(staff_id=1, staff_number="1001", name="Asha", role=Role.CASHIER, kiosk_id="KIOSK-1")


@pytest.fixture
def demo(services):
    """The test world plus the demo dataset (its shows are relative to the fake clock)."""
    conn = services.deps.conn
    # The demo loader only fills an empty database: load it into the test world's tables by
    # wiping the world first.
    from kiosk.store.demo import wipe

    wipe(conn)
    ensure_demo_data(services.deps.db, services.deps.clock, rounds=4)
    return services


@pytest.fixture
def importer(demo):
    return ImportService(demo.deps)


def dump(services) -> list[str]:
    return [line for line in services.deps.conn.iterdump() if 'INTO "audit"' not in line]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(preview) -> list[str]:
    return [str(e) for e in preview.errors]


# ---------------------------------------------------------------------------- examples
@pytest.mark.parametrize("name,kind,added", [
    ("films.csv", "films", 2), ("films.json", "films", 1), ("halls.json", "halls", 2),
    ("shows.csv", "shows", 3), ("prices.csv", "prices", 20),
])
def test_example_files_import_and_reimport_changes_nothing(importer, demo, name, kind, added):
    path = EXAMPLES / name
    preview = importer.preview(path)
    assert preview.errors == [] and preview.kind == kind
    assert preview.counts()["added"] == added
    result = importer.apply(MANAGER, path)
    assert result.kind == kind and result.counts["added"] == added
    before = dump(demo)
    again = importer.apply(MANAGER, path)
    assert again.counts == {"added": 0, "updated": 0, "unchanged": added}
    assert dump(demo) == before
    rows = demo.deps.conn.execute(
        "SELECT * FROM audit WHERE action = 'import' ORDER BY id").fetchall()
    assert len(rows) == 2 and rows[0]["staff_id"] == MANAGER.staff_id and rows[0]["ok"] == 1
    assert json.loads(rows[0]["detail"])["added"] == added


def test_show_times_are_local_to_the_cinema(importer, demo):
    importer.apply(MANAGER, EXAMPLES / "shows.csv")
    starts = dict(demo.deps.conn.execute(
        "SELECT hall_id, starts_at FROM shows WHERE starts_at LIKE '2027-01-15%'").fetchall())
    assert starts["dxb-deira-1"] == "2027-01-15T15:30:00+00:00"  # 19:30 in Dubai (UTC+4)
    times = sorted(r[0] for r in demo.deps.conn.execute(
        "SELECT starts_at FROM shows WHERE hall_id = 'mum-andheri-studio' "
        "AND starts_at LIKE '2027-01-15%'"))
    assert times == ["2027-01-15T04:30:00+00:00", "2027-01-15T07:30:00+00:00"]  # IST 10:00, 13:00


def test_imported_hall_plan_and_layout(importer, demo):
    importer.apply(MANAGER, EXAMPLES / "halls.json")
    row = demo.deps.conn.execute("SELECT seat_count, layout FROM halls WHERE id = 'hyd-hitech-2'").fetchone()
    assert row[0] == 26 * 8 + 26 * 3 + 14
    assert "W" in row[1] and "C" in row[1]
    show_hall = demo.catalogue.cinemas("Hyderabad")
    assert "hyd-hitech" in {c["id"] for c in show_hall}


# ---------------------------------------------------------------------------- errors
def test_bad_rows_are_named_by_line_and_field_and_nothing_is_written(importer, demo, tmp_path):
    path = write(tmp_path, "films.csv", (
        "id,title,language,genres,certificate,runtime_min\n"
        "good-one,Good One,Hindi,Drama,U,120\n"
        "bad-runtime,Bad Runtime,Hindi,Drama,U,two hours\n"
        ",No Id,Hindi,Drama,U,90\n"
        "good-one,Twice,Hindi,Drama,U,100\n"
        "too-long,Too Long,Hindi,Drama,U,9000\n"
    ))
    before = dump(demo)
    preview = importer.preview(path)
    assert messages(preview) == [
        "Line 3, running time: 'two hours' is not a whole number.",
        "Line 4, id: is missing.",
        "Line 6, running time: 9000 is out of range (1 to 600).",
        "Line 5: repeats line 2 (good-one).",
    ]
    with pytest.raises(ImportRejected) as err:
        importer.apply(MANAGER, path)
    assert "Line 3, running time" in str(err.value) and "nothing was changed" in str(err.value)
    assert dump(demo) == before


def test_json_items_are_numbered(importer, tmp_path):
    path = write(tmp_path, "films.json", json.dumps({"films": [
        {"id": "ok", "title": "Ok", "language": "Hindi", "genres": ["Drama"],
         "certificate": "U", "runtime_min": 100},
        {"id": "bad", "title": "Bad", "language": "Hindi", "genres": "Drama",
         "certificate": "U", "runtime_min": 10.5},
        "not an object",
    ]}))
    assert messages(importer.preview(path)) == [
        "Item 2, running time: 10.5 is not a whole number.",
        "Item 3: is not an object with named fields.",
    ]


def show_csv(*rows: str) -> str:
    return "film_id,hall_id,starts_at,price_list_id\n" + "\n".join(rows) + "\n"


def test_show_checks(importer, demo, tmp_path):
    existing = demo.deps.conn.execute(
        "SELECT id, starts_at FROM shows WHERE hall_id = 'dxb-deira-1' ORDER BY starts_at "
        "LIMIT 1 OFFSET 3").fetchone()
    clash = datetime.fromisoformat(existing[1]).astimezone(UTC) + timedelta(minutes=30)
    clash_local = clash.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Dubai"))
    path = write(tmp_path, "shows.csv", show_csv(
        "no-such-film,dxb-deira-1,2027-02-01 10:00,pl-aed-standard",
        "orbit-of-salt,no-such-hall,2027-02-01 10:00,pl-aed-standard",
        "orbit-of-salt,dxb-deira-1,2027-02-01 10:00,pl-nope",
        "orbit-of-salt,dxb-deira-1,2027-02-01 10:00,pl-inr-multiplex",
        "orbit-of-salt,dxb-deira-1,1 Feb 2027,pl-aed-standard",
        "orbit-of-salt,dxb-deira-1,2020-02-01 10:00,pl-aed-standard",
        f"orbit-of-salt,dxb-deira-1,{clash_local:%Y-%m-%d %H:%M},pl-aed-standard",
        "orbit-of-salt,dxb-deira-1,2027-03-01 10:00,pl-aed-standard",
        "iron-lungi,dxb-deira-1,2027-03-01 12:00,pl-aed-standard",
    ))
    errors = messages(importer.preview(path))
    assert errors[0] == "Line 2, film: there is no film 'no-such-film'; import the film first."
    assert errors[1] == "Line 3, hall: there is no hall 'no-such-hall'."
    assert errors[2] == "Line 4, price list: there is no price list 'pl-nope'."
    assert errors[3].startswith("Line 5, price list: price list 'pl-inr-multiplex' is in INR")
    assert errors[4] == "Line 6, start time: '1 Feb 2027' is not a date and time like 2026-12-01 18:30."
    assert errors[5] == "Line 7, start time: 2020-02-01 10:00 is in the past."
    assert errors[6].startswith("Line 8, start time: Orbit of Salt at ")
    assert "already scheduled in Hall 1" in errors[6]
    # 10:00 + 134 min + 15 min cleaning = 12:29 > 12:00
    assert errors[7].startswith("Line 10, start time: Iron Lungi at 2027-03-01 12:00 overlaps "
                                "Orbit of Salt at 2027-03-01 10:00 on line 9")
    assert len(errors) == 8


def test_changed_show_is_refused_but_identical_is_unchanged(importer, demo, tmp_path):
    importer.apply(MANAGER, EXAMPLES / "shows.csv")
    moved = write(tmp_path, "moved.csv", "id,film_id,hall_id,starts_at,price_list_id\n"
                  "dxb-deira-1-20270115-1930,iron-lungi,dxb-deira-1,2027-01-15 19:30,"
                  "pl-aed-standard\n")
    errors = messages(importer.preview(moved))
    assert errors == ["Line 2, id: show 'dxb-deira-1-20270115-1930' already exists with other "
                      "details; change it in the schedule editor instead."]


def test_price_checks(importer, tmp_path):
    head = "price_list_id,currency,tax_rate_bp,seat_type,ticket_type,amount\n"
    path = write(tmp_path, "prices.csv", head + (
        "pl-new,INR,1800,standard,adult,abc\n"
        "pl-new,INR,1800,sofa,adult,100\n"
        "pl-new,INR,1800,standard,pensioner,100\n"
        "pl-new,INR,500,premium,adult,100\n"
        "pl-aed-standard,INR,500,standard,adult,40\n"
        "pl-new,rupees,1800,recliner,adult,1\n"
    ))
    errors = messages(importer.preview(path))
    assert errors[:4] == [
        "Line 2, price: 'abc' is not a price like 250.00.",
        "Line 3, seat type: 'sofa' is not a seat type (standard, premium, recliner, wheelchair, "
        "companion).",
        "Line 4, ticket type: 'pensioner' is not a ticket type (adult, child, senior, student).",
        "Line 6, currency: price list 'pl-aed-standard' is in AED; its currency cannot change.",
    ]
    assert errors[4] == "Line 7, currency: 'RUPEES' is not a currency code like INR or AED."
    assert "needs a price for every seat type and ticket type" in errors[5]
    assert len(errors) == 6


def test_price_update_of_an_existing_list(importer, demo, tmp_path):
    path = write(tmp_path, "p.csv", "price_list_id,currency,tax_rate_bp,seat_type,ticket_type,"
                 "amount\npl-aed-standard,AED,500,standard,adult,47.50\n")
    result = importer.apply(MANAGER, path)
    assert result.counts == {"added": 0, "updated": 1, "unchanged": 0}
    assert demo.deps.conn.execute(
        "SELECT amount_minor FROM prices WHERE price_list_id = 'pl-aed-standard' AND "
        "seat_type = 'standard' AND ticket_type = 'adult'").fetchone()[0] == 4750


def test_hall_update_may_not_remove_sold_seats(importer, demo, tmp_path):
    conn = demo.deps.conn
    show = conn.execute("SELECT id FROM shows WHERE hall_id = 'mum-andheri-studio' AND "
                        "starts_at > ? ORDER BY starts_at LIMIT 1",
                        (demo.deps.clock.now().isoformat(),)).fetchone()[0]
    conn.execute(
        "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, "
        "currency, total_minor, tax_minor, payment_method, created_at, business_date, updated_at) "
        "VALUES ('b1', 'R1', 'k1', ?, 'counter', 'K', 'INR', 0, 0, 'cash', 'x', 'x', 'x')", (show,))
    conn.execute("INSERT INTO seat_sales VALUES (?, 'E10', 'b1')", (show,))
    path = write(tmp_path, "h.json", json.dumps({"halls": [{
        "id": "mum-andheri-studio", "cinema_id": "mum-andheri", "name": "Recliner Studio",
        "layout": {"rows": [{"label": "E", "cells": "RRRR"}]}}]}))
    errors = messages(importer.preview(path))
    assert errors == ["Item 1, seat layout: would remove seats already sold or held for "
                      "upcoming shows: E10."]
    bad_layout = write(tmp_path, "h2.json", json.dumps({"halls": [{
        "id": "new-hall", "cinema_id": "mum-andheri", "name": "X",
        "layout": {"rows": [{"label": "A", "cells": "SSX"}]}}]}))
    assert messages(importer.preview(bad_layout)) == [
        "Item 1, seat layout: Row A: unknown seat symbol(s) 'X'; use S P R W C or _ for a gap."]
    moved = write(tmp_path, "h3.json", json.dumps({"halls": [{
        "id": "mum-andheri-studio", "cinema_id": "dxb-deira", "name": "X",
        "layout": {"rows": [{"label": "A", "cells": "SS"}]}}]}))
    assert "a hall cannot move" in messages(importer.preview(moved))[0]


@pytest.mark.parametrize("name,content,expected", [
    ("x.json", "{not json", "Line 1: this is not valid JSON"),
    ("x.json", '{"films": [], "halls": []}', "File: expected one of the keys"),
    ("x.json", '[{"colour": "red"}]', "File: cannot tell what this file holds"),
    ("x.json", '{"films": []}', "File: holds no rows to import."),
    ("x.csv", "", "Line 1: the file is empty"),
    ("x.csv", "colour,size\nred,2\n", "Line 1: cannot tell what this file holds"),
    ("x.csv", "id,title,language,genres,certificate,runtime_min\na,b,c,d,U,90,extra\n",
     "Line 2: has more values than the header has columns."),
])
def test_malformed_files(importer, tmp_path, name, content, expected):
    preview = importer.preview(write(tmp_path, name, content))
    assert messages(preview) and messages(preview)[0].startswith(expected)


def test_not_utf8_and_wrong_extension(importer, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("id,title\nx,Caf\xe9\n".encode("latin-1"))
    assert messages(importer.preview(path))[0].startswith("File: is not UTF-8 text")
    with pytest.raises(KioskError, match="only .json and .csv"):
        importer.preview(write(tmp_path, "films.xlsx", "x"))
    with pytest.raises(KioskError, match="There is no file"):
        importer.preview(tmp_path / "missing.csv")
    with pytest.raises(KioskError, match="Unknown kind"):
        importer.preview(EXAMPLES / "films.csv", kind="popcorn")


def test_cashier_may_not_import_and_the_refusal_is_audited(importer, demo):
    before = dump(demo)
    with pytest.raises(PermissionDenied):
        importer.apply(CASHIER, EXAMPLES / "films.csv")
    assert dump(demo) == before
    row = demo.deps.conn.execute("SELECT * FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert (row["action"], row["staff_id"], row["ok"]) == ("import", CASHIER.staff_id, 0)


FILM_HEADER = "id,title,language,genres,certificate,runtime_min\n"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(max_size=300), suffix=st.sampled_from([".csv", ".json"]),
       header=st.booleans())
def test_fuzzed_files_are_refused_cleanly_or_imported_whole(importer, demo, tmp_path, body,
                                                            suffix, header):
    path = tmp_path / f"fuzz{suffix}"
    path.write_text((FILM_HEADER if header and suffix == ".csv" else "") + body, encoding="utf-8")
    before = dump(demo)
    try:
        result = importer.apply(MANAGER, path, kind="films")
    except KioskError:
        assert dump(demo) == before
    else:
        # Whatever was accepted is fully there.
        films = {r[0] for r in demo.deps.conn.execute("SELECT id FROM films")}
        preview = importer.preview(path, kind="films")
        assert {r["id"] for r in preview.rows} <= films
        assert sum(result.counts.values()) == len(preview.rows)


# ---------------------------------------------------------------------------- schedule rules
def test_schedule_rules_boundaries():
    from datetime import timedelta

    from kiosk.domain.schedule_rules import Slot, find_conflicts, find_overlaps

    t0 = datetime(2027, 1, 1, 10, 0, tzinfo=UTC)
    first = Slot("a", "h1", t0, 120)  # hall free again at 12:15 with a 15-minute gap
    at = lambda minutes, hall="h1", sid="b": Slot(sid, hall, t0 + timedelta(minutes=minutes), 90)  # noqa: E731
    assert find_overlaps([first], at(135), 15) == []  # starts exactly when the hall is ready
    assert find_overlaps([first], at(134), 15) == [first]  # one minute into the cleaning
    assert find_overlaps([first], at(-105), 15) == []  # ends + cleans exactly at 10:00
    assert find_overlaps([first], at(-104), 15) == [first]
    assert find_overlaps([first], at(30, hall="h2"), 15) == []  # another hall
    assert find_overlaps([first], Slot("a", "h1", t0, 120), 15) == []  # the show itself (an edit)
    with pytest.raises(ValueError):
        find_overlaps([first], at(200), -1)
    trio = [first, at(60, sid="b"), at(100, sid="c")]
    assert {(x.show_id, y.show_id) for x, y in find_conflicts(trio, 15)} == {
        ("a", "b"), ("a", "c"), ("b", "c")}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["h1", "h2"]), st.integers(0, 600),
                          st.integers(1, 200)), max_size=12),
       st.integers(0, 30))
def test_find_conflicts_matches_pairwise_overlaps(specs, gap):
    from datetime import timedelta

    from kiosk.domain.schedule_rules import Slot, find_conflicts, overlaps

    t0 = datetime(2027, 1, 1, tzinfo=UTC)
    slots = [Slot(f"s{i}", hall, t0 + timedelta(minutes=start), runtime)
             for i, (hall, start, runtime) in enumerate(specs)]
    expected = {frozenset((a.show_id, b.show_id)) for i, a in enumerate(slots)
                for b in slots[i + 1:] if overlaps(a, b, gap)}
    found = [frozenset((a.show_id, b.show_id)) for a, b in find_conflicts(slots, gap)]
    assert len(found) == len(set(found)) and set(found) == expected


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**6) | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12,
)
FIELDS = {
    "films": ["id", "title", "language", "genres", "certificate", "runtime_min", "synopsis"],
    "halls": ["id", "cinema_id", "name", "layout", "plan"],
    "shows": ["id", "film_id", "hall_id", "starts_at", "price_list_id"],
    "prices": ["price_list_id", "currency", "tax_rate_bp", "seat_type", "ticket_type", "amount"],
}
PLAUSIBLE = {
    "cinema_id": st.just("mum-andheri"), "film_id": st.just("orbit-of-salt"),
    "hall_id": st.just("dxb-deira-1"), "price_list_id": st.just("pl-aed-standard"),
    "plan": st.fixed_dictionaries({"blocks": json_values, "sections": json_values,
                                   "wheelchair_rows": json_values, "aisle": json_values}),
    "layout": st.fixed_dictionaries({"rows": st.lists(st.fixed_dictionaries(
        {"label": json_values, "cells": json_values}), max_size=3)}),
}


@st.composite
def json_import_files(draw):
    kind = draw(st.sampled_from(sorted(FIELDS)))
    items = []
    for _ in range(draw(st.integers(0, 3))):
        item = {}
        for name in FIELDS[kind]:
            if draw(st.booleans()):
                item[name] = draw(PLAUSIBLE.get(name, json_values) | json_values)
        items.append(item)
    return kind, {kind: items}


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(json_import_files())
def test_fuzzed_json_items_never_crash_and_never_half_write(importer, demo, tmp_path, case):
    kind, content = case
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    before = dump(demo)
    try:
        importer.apply(MANAGER, path)
    except KioskError as err:
        assert str(err)
        assert dump(demo) == before


def test_a_local_time_skipped_by_a_clock_change_is_refused(importer, demo, tmp_path):
    db = demo.deps.db
    db["cinemas"].insert({"id": "ldn", "name": "Thames Picture House", "city": "London",
                          "address": "", "timezone": "Europe/London", "currency": "GBP"})
    db["halls"].insert({"id": "ldn-1", "cinema_id": "ldn", "name": "Screen 1",
                        "layout": json.dumps({"rows": [{"label": "A", "cells": "SSSS"}]}),
                        "seat_count": 4})
    db["price_lists"].insert({"id": "pl-gbp", "name": "GBP", "currency": "GBP", "tax_rate_bp": 2000})
    path = write(tmp_path, "shows.csv", show_csv(
        "orbit-of-salt,ldn-1,2027-03-28 01:30,pl-gbp",  # 01:00-02:00 does not exist that night
        "orbit-of-salt,ldn-1,2027-06-01 19:00,pl-gbp",  # summer time: 18:00 UTC
    ))
    preview = importer.preview(path)
    assert messages(preview) == ["Line 2, start time: 2027-03-28 01:30 does not exist in "
                                 "Europe/London: the clocks change that night. Pick another time."]
    assert preview.rows[0]["starts_at"] == "2027-06-01T18:00:00+00:00"

"""Import files are hostile input: type, range and vocabulary of every field, limits before work.

Each case of issue 11 ("767 malformed import files") that used to end in a traceback or be
accepted is refused here with a message naming the place and field, and nothing is written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kiosk.domain import input_rules
from kiosk.domain.errors import InvalidInput, KioskError
from kiosk.services import importer as importer_module
from kiosk.services.importer import ImportRejected, ImportService
from kiosk.store.demo import ensure_demo_data, wipe
from tests.unit.test_importer import MANAGER, dump, messages, write

FILM_HEADER = "id,title,language,genres,certificate,runtime_min,synopsis,poster\n"


@pytest.fixture
def demo(services):
    """The demo dataset instead of the test world (its shows are relative to the fake clock)."""
    wipe(services.deps.conn)
    ensure_demo_data(services.deps.db, services.deps.clock, rounds=4)
    return services


@pytest.fixture
def importer(demo):
    return ImportService(demo.deps)


def film(**over) -> dict:
    base = {"id": "f1", "title": "Good Film", "language": "Hindi", "genres": ["Drama"],
            "certificate": "U", "runtime_min": 120}
    base.update(over)
    return base


def films_json(tmp_path: Path, *items: dict, name: str = "films.json") -> Path:
    return write(tmp_path, name, json.dumps({"films": list(items)}))


def only_error(importer, path) -> str:
    errors = messages(importer.preview(path))
    assert len(errors) == 1, errors
    return errors[0]


def refused_unchanged(importer, demo, path) -> str:
    """Apply must refuse the file and leave every table but the audit log as it was."""
    before = dump(demo)
    with pytest.raises(KioskError) as err:
        importer.apply(MANAGER, path)
    assert dump(demo) == before
    return str(err.value)


# ---------------------------------------------------------------- vocabulary: certificates
@pytest.mark.parametrize("cert", ["XXX", "-5", "PG-13", "18", "", "UA 99+"])
def test_unknown_certificates_are_refused(importer, demo, tmp_path, cert):
    path = films_json(tmp_path, film(certificate=cert))
    message = only_error(importer, path)
    assert message.startswith("Item 1, certificate:")
    refused_unchanged(importer, demo, path)


@pytest.mark.parametrize("given,stored", [
    ("U", "U"), ("ua", "UA"), ("U/A", "U/A"), ("A", "A"), ("s", "S"), ("UA 7+", "UA7+"),
    ("ua13+", "UA13+"), ("U/A 16+", "UA16+"),
])
def test_cbfc_certificates_are_accepted_and_normalised(importer, demo, tmp_path, given, stored):
    importer.apply(MANAGER, films_json(tmp_path, film(certificate=given)))
    assert demo.deps.conn.execute("SELECT certificate FROM films WHERE id = 'f1'"
                                  ).fetchone()[0] == stored


def test_demo_data_certificates_are_all_in_the_list():
    data = Path(__file__).resolve().parents[2] / "data" / "films.json"
    films = json.loads(data.read_text(encoding="utf-8"))["films"]
    for f in films:
        assert input_rules.normalise_certificate(f["certificate"]) == f["certificate"]


# ---------------------------------------------------------------- characters and formulas
@pytest.mark.parametrize("title", ["Bad\x00Title", "Bell\x07", "Esc\x1b[31m", "Rev\u202eerse",
                                   "Lone \ud800 half"])
def test_control_and_invisible_characters_are_refused(importer, demo, tmp_path, title):
    path = films_json(tmp_path, film(title=title))
    assert "control or invisible character" in only_error(importer, path)
    refused_unchanged(importer, demo, path)


@pytest.mark.parametrize("field,value", [
    ("title", "=cmd|' /C calc'!A1"), ("title", "+1+1"), ("title", "-2+3"), ("title", "@SUM(A1)"),
    ("language", "=HYPERLINK(\"x\")"), ("synopsis", "  =1+1"), ("genres", ["=1+1"]),
])
def test_text_that_a_spreadsheet_would_run_is_refused(importer, demo, tmp_path, field, value):
    path = films_json(tmp_path, film(**{field: value}))
    message = only_error(importer, path)
    assert "spreadsheet" in message
    refused_unchanged(importer, demo, path)


def test_indic_text_with_joiners_and_synopsis_line_breaks_are_fine(importer, demo, tmp_path):
    path = films_json(tmp_path, film(title="क्‍षितिज", synopsis="Line one.\nLine two."))
    assert importer.apply(MANAGER, path).counts["added"] == 1


@pytest.mark.parametrize("label", ["=cmd|' /C calc'!A", "+A", "-A", "@A", "A B", "ABCD", "A\x00"])
def test_hall_row_labels_are_plain_and_no_seat_code_starts_like_a_formula(
        importer, demo, tmp_path, label):
    path = write(tmp_path, "h.json", json.dumps({"halls": [{
        "id": "new-hall", "cinema_id": "mum-andheri", "name": "X",
        "layout": {"rows": [{"label": label, "cells": "SSSS"}]}}]}))
    assert "must be 1 to 3 letters or digits" in only_error(importer, path)
    refused_unchanged(importer, demo, path)


def test_hall_name_formula_refused(importer, tmp_path):
    path = write(tmp_path, "h.json", json.dumps({"halls": [{
        "id": "new-hall", "cinema_id": "mum-andheri", "name": "=1+2",
        "layout": {"rows": [{"label": "A", "cells": "SSSS"}]}}]}))
    assert only_error(importer, path).startswith("Item 1, name:")


# ---------------------------------------------------------------- posters
@pytest.mark.parametrize("poster", [
    "/etc/shadow.png", "/etc/shadow", "../../root/.ssh/id_rsa", "../x.png", "a/../../x.png",
    "C:\\Windows\\x.png", "\\\\server\\share\\x.png", "~/x.png", "a//b.png", "./x.png",
    "poster.exe",
])
def test_poster_paths_outside_the_posters_folder_are_refused(importer, demo, tmp_path, poster):
    path = films_json(tmp_path, film(poster=poster))
    assert only_error(importer, path).startswith("Item 1, poster:")
    refused_unchanged(importer, demo, path)


def test_poster_symlink_out_of_the_folder_is_refused(importer, demo, tmp_path):
    posters = ImportService(demo.deps).posters_dir()
    posters.mkdir(parents=True, exist_ok=True)
    os.symlink("/etc", posters / "etc")
    path = films_json(tmp_path, film(poster="etc/passwd.png"))
    assert "leads out of the posters folder" in only_error(importer, path)


def test_a_poster_inside_the_folder_is_stored_as_its_full_path(importer, demo, tmp_path):
    importer.apply(MANAGER, films_json(tmp_path, film(poster="2027/f1.webp")))
    stored = demo.deps.conn.execute("SELECT poster FROM films WHERE id = 'f1'").fetchone()[0]
    root = ImportService(demo.deps).posters_dir().resolve()
    assert Path(stored) == root / "2027" / "f1.webp"


# ---------------------------------------------------------------- types and numbers
@pytest.mark.parametrize("text,field", [
    ('{"films": [{"id": NaN, "title": "x", "language": "x", "genres": [], "certificate": "U",'
     ' "runtime_min": 90}]}', "File"),
    ('{"films": [{"id": "a", "title": "x", "language": "x", "genres": [], "certificate": "U",'
     ' "runtime_min": Infinity}]}', "File"),
    ('{"films": [{"id": -Infinity}]}', "File"),
])
def test_nan_and_infinity_are_refused(importer, demo, tmp_path, text, field):
    path = write(tmp_path, "films.json", text)
    message = only_error(importer, path)
    assert message.startswith(field) and "not a number JSON allows" in message
    refused_unchanged(importer, demo, path)


@pytest.mark.parametrize("ident", ["nan", "NaN", "inf", "-inf", "Infinity", "null"])
def test_ids_that_read_as_non_numbers_are_refused(importer, tmp_path, ident):
    path = films_json(tmp_path, film(id=ident))
    assert only_error(importer, path).startswith("Item 1, id:")


@pytest.mark.parametrize("value", [1.5, 1e300, [1], {"a": 1}, True, "12abc", "1_000", "١٢٠"])
def test_ids_must_be_text_or_whole_numbers(importer, tmp_path, value):
    if isinstance(value, str):
        path = films_json(tmp_path, film(runtime_min=value))
        assert only_error(importer, path).startswith("Item 1, running time:")
    else:
        path = films_json(tmp_path, film(id=value))
        assert only_error(importer, path).startswith("Item 1, id:")


def test_a_numeric_json_id_is_a_plain_identifier(importer, demo, tmp_path):
    importer.apply(MANAGER, films_json(tmp_path, film(id=42)))
    assert demo.deps.conn.execute("SELECT COUNT(*) FROM films WHERE id = '42'").fetchone()[0] == 1


@pytest.mark.parametrize("kind,item,field", [
    ("films", film(runtime_min={"a": 1}), "running time"),
    ("films", film(runtime_min=[90]), "running time"),
    ("films", film(title={"en": "x"}), "title"),
    ("films", film(title=12), "title"),
    ("prices", {"price_list_id": "pl-x", "currency": "INR", "tax_rate_bp": {"x": 1},
                "seat_type": "standard", "ticket_type": "adult", "amount": "1"}, "tax rate"),
    ("prices", {"price_list_id": "pl-x", "currency": "INR", "tax_rate_bp": 1800,
                "seat_type": "standard", "ticket_type": "adult", "amount": {"x": 1}}, "price"),
    ("prices", {"price_list_id": "pl-x", "currency": ["INR"], "tax_rate_bp": 1800,
                "seat_type": "standard", "ticket_type": "adult", "amount": "1"}, "currency"),
])
def test_numbers_and_text_that_are_objects_are_refused_not_a_traceback(
        importer, demo, tmp_path, kind, item, field):
    path = write(tmp_path, f"{kind}.json", json.dumps({kind: [item]}))
    errors = messages(importer.preview(path))
    assert errors[0].startswith(f"Item 1, {field}:"), errors
    refused_unchanged(importer, demo, path)


@pytest.mark.parametrize("when", ["0001-01-01 00:00", "9999-12-31 23:59", "2100-01-01 10:00"])
def test_far_dates_are_refused_cleanly(importer, demo, tmp_path, when):
    path = write(tmp_path, "shows.csv", "film_id,hall_id,starts_at,price_list_id\n"
                 f"orbit-of-salt,dxb-deira-1,{when},pl-aed-standard\n")
    assert only_error(importer, path).startswith("Line 2, start time:")
    refused_unchanged(importer, demo, path)


# ---------------------------------------------------------------- CSV shape
def test_a_duplicated_csv_header_is_refused(importer, demo, tmp_path):
    path = write(tmp_path, "films.csv", "id,title,title,language,genres,certificate,runtime_min\n"
                 "a,Harmless,=cmd|' /C calc'!A1,Hindi,Drama,U,90\n")
    assert only_error(importer, path) == "Line 1: the column 'title' appears twice; keep one."
    refused_unchanged(importer, demo, path)


def test_a_csv_with_a_nul_byte_is_refused(importer, demo, tmp_path):
    path = write(tmp_path, "films.csv", FILM_HEADER + "a,Bad\x00,Hindi,Drama,U,90,,\n")
    assert "control or invisible character" in only_error(importer, path)
    refused_unchanged(importer, demo, path)


# ---------------------------------------------------------------- limits before work
def test_deep_nesting_is_refused_before_parsing(importer, demo, tmp_path, monkeypatch):
    calls = []
    real = json.loads
    monkeypatch.setattr(importer_module.json, "loads",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    path = write(tmp_path, "films.json", "[" * 100_000 + "]" * 100_000)
    message = only_error(importer, path)
    assert message.startswith("File: this is not usable JSON") and "deep" in message
    assert calls == []  # never handed to the recursive parser
    refused_unchanged(importer, demo, path)


def test_deep_nesting_inside_a_csv_layout_cell_is_refused(importer, tmp_path):
    deep = ("[" * 5000 + "]" * 5000).replace('"', '""')
    path = write(tmp_path, "halls.csv", f'id,cinema_id,name,layout\nh1,mum-andheri,X,"{deep}"\n')
    assert only_error(importer, path).startswith("Line 2, seat layout: is not usable JSON")


def test_brackets_inside_strings_do_not_count_as_depth():
    assert not input_rules.json_too_deep(json.dumps({"t": "[" * 100, "u": ["{" * 50]}))
    assert input_rules.json_too_deep("[" * 13 + "]" * 13)
    assert not input_rules.json_too_deep("[" * 12 + "]" * 12)
    assert input_rules.json_too_deep('{"a": [{"b": [{"c": [[[[[[[[1]]]]]]]]}]}]}')


def test_file_size_and_row_count_are_checked_first(importer, demo, tmp_path, monkeypatch):
    monkeypatch.setattr(importer_module, "MAX_FILE_BYTES", 100)
    big = films_json(tmp_path, *[film(id=f"f{i}") for i in range(5)])
    with pytest.raises(InvalidInput, match="larger than"):
        importer.preview(big)
    monkeypatch.setattr(importer_module, "MAX_FILE_BYTES", 50 * 1024 * 1024)
    monkeypatch.setattr(importer_module, "MAX_ROWS", 3)
    assert "import at most 3" in only_error(importer, big)
    rows = "".join(f"f{i},T,Hindi,Drama,U,90,,\n" for i in range(5))
    assert "more than 3 rows" in only_error(importer, write(tmp_path, "f.csv", FILM_HEADER + rows))
    refused_unchanged(importer, demo, big)


def _never_build(monkeypatch):
    from kiosk.domain import layout

    def boom(*a, **k):
        raise AssertionError("seats were built before the seat count was checked")

    monkeypatch.setattr(layout.HallLayout, "from_spec", classmethod(boom))
    import kiosk.store.demo as demo_store
    monkeypatch.setattr(demo_store, "layout_from_plan", boom)


def test_a_million_seat_row_is_refused_from_its_length(importer, demo, tmp_path, monkeypatch):
    path = write(tmp_path, "halls.json", json.dumps({"halls": [{
        "id": "huge", "cinema_id": "mum-andheri", "name": "Huge",
        "layout": {"rows": [{"label": "A", "cells": "S" * 1_000_000}]}}]}))
    _never_build(monkeypatch)
    assert "1,000,000 cells wide" in only_error(importer, path)
    refused_unchanged(importer, demo, path)


def test_too_many_seats_in_rows_and_in_plans_refused_before_building(importer, tmp_path,
                                                                     monkeypatch):
    _never_build(monkeypatch)
    rows = [{"label": f"{chr(65 + i // 26)}{chr(65 + i % 26)}", "cells": "S" * 999}
            for i in range(60)]  # 59,940 seats
    path = write(tmp_path, "h.json", json.dumps({"halls": [{
        "id": "h", "cinema_id": "mum-andheri", "name": "H", "layout": {"rows": rows}}]}))
    assert "more than 50,000 seats" in only_error(importer, path)
    plan = {"blocks": [10**9], "sections": [{"rows": 200}]}
    path = write(tmp_path, "p.json", json.dumps({"halls": [{
        "id": "h", "cinema_id": "mum-andheri", "name": "H", "plan": plan}]}))
    assert "more than 1000 seats a row" in only_error(importer, path)
    plan = {"blocks": [300], "sections": [{"rows": 200}] * 3}
    path = write(tmp_path, "p.json", json.dumps({"halls": [{
        "id": "h", "cinema_id": "mum-andheri", "name": "H", "plan": plan}]}))
    assert "more than 500 rows" in only_error(importer, path)


@pytest.mark.slow
def test_the_50_mb_halls_file_with_a_52_million_seat_row_is_refused(importer, demo, tmp_path,
                                                                    monkeypatch):
    """Issue 11: this file ran for 600 s and 6 GiB before. Now: refused from the row's length."""
    path = tmp_path / "halls.json"
    head = '{"halls": [{"id": "huge", "cinema_id": "mum-andheri", "name": "Huge", ' \
           '"layout": {"rows": [{"label": "A", "cells": "'
    with path.open("w", encoding="ascii") as fh:
        fh.write(head)
        for _ in range(52):
            fh.write("S" * 1_000_000)
        fh.write('"}]}}]}')
    assert path.stat().st_size <= importer_module.MAX_FILE_BYTES
    _never_build(monkeypatch)
    assert "52,000,000 cells wide" in only_error(importer, path)


# ---------------------------------------------------------------- audit
def test_imports_and_refused_imports_leave_audit_rows(importer, demo, tmp_path):
    good = films_json(tmp_path, film(), name="good.json")
    importer.apply(MANAGER, good)
    bad = films_json(tmp_path, film(certificate="XXX"), name="bad.json")
    with pytest.raises(ImportRejected):
        importer.apply(MANAGER, bad)
    rows = demo.deps.conn.execute(
        "SELECT staff_id, target, ok, detail FROM audit WHERE action = 'import' ORDER BY id"
    ).fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [(MANAGER.staff_id, "good.json", 1),
                                                  (MANAGER.staff_id, "bad.json", 0)]
    ok, refused = (json.loads(r[3]) for r in rows)
    assert ok["kind"] == "films" and ok["added"] == 1 and ok["rows"] == 1
    assert ok["file"] == str(good)
    assert refused["problems"] == 1 and refused["reason"] == "ImportRejected"


@pytest.mark.parametrize("label", ["=A", "+A", "-1", "@A", "A\x1b"])
def test_no_path_builds_a_seat_code_that_starts_like_a_formula(label):
    """The hall editor and a pulled catalogue parse layouts with HallLayout.from_spec too."""
    from kiosk.domain.layout import HallLayout
    from kiosk.services.schedule import validate_layout

    spec = {"rows": [{"label": label, "cells": "SS"}]}
    with pytest.raises(InvalidInput, match="may not start with"):
        HallLayout.from_spec(spec)
    with pytest.raises(InvalidInput):
        validate_layout(spec, companion_required=False)

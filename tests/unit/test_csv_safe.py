"""CSV injection (OWASP): every CSV the kiosk writes neutralises cells a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain import csv_safe
from kiosk.services.reports import to_csv

DAY = date(2026, 11, 25)
EVIL_TITLE = "=cmd|' /C calc'!A1"


@pytest.mark.parametrize("text", [
    "=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "=cmd|' /C calc'!A1",
    "-", "+", "@", "=", "-2+3", "--1", "-1e3+1", "=HYPERLINK(\"http://x\",\"y\")",
])
def test_formula_cells_get_a_leading_quote(text):
    assert csv_safe.cell(text) == "'" + text


@pytest.mark.parametrize("value", [
    "-350.00", "+12", "-3", "1250.00", "0", "-0.5", "-.5", "1e3", "-1E-3", "Avatar", "A1", "",
    " =x", "'=already", 12, -350, -1.5, None, 0.0,
])
def test_numbers_and_plain_text_pass_unchanged(value):
    assert csv_safe.cell(value) == value


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_no_written_cell_starts_like_a_formula(text):
    out = io.StringIO()
    csv_safe.writer(out).writerow([text, "x"])
    (cell, _x), = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    if cell.startswith(csv_safe.FORMULA_STARTS):
        assert csv_safe._PLAIN_NUMBER.match(cell)
    assert cell.lstrip("'") == text.lstrip("'") or cell == "'" + text


def test_writerows_and_dialect():
    out = io.StringIO()
    w = csv_safe.writer(out, lineterminator="\n")
    w.writerows([["=a", 1], ["b", "-2.50"]])
    assert out.getvalue() == "'=a,1\nb,-2.50\n"
    assert w.dialect.lineterminator == "\n"


@pytest.fixture
def manager(services):
    return services.auth.sign_in("9001", "9999")


def test_report_csv_neutralises_a_formula_film_title(services, manager):
    """A film title planted before imports were checked still cannot run in the export."""
    conn = services.deps.conn
    conn.execute("UPDATE films SET title = ? WHERE id = ?", (EVIL_TITLE, services.world.film_id))
    conn.commit()
    report = services.reports.occupancy(manager, DAY, date(2026, 11, 27))
    assert any(EVIL_TITLE in r for r in report.shows.rows)
    out = io.StringIO()
    to_csv(report.shows, out)
    cells = [c for line in csv.reader(io.StringIO(out.getvalue())) for c in line]
    assert "'" + EVIL_TITLE in cells
    assert not any(c.startswith("=") for c in cells)


def test_dead_letter_csv_export_is_neutralised(tmp_path):
    from kiosk.services import outbox

    out = io.StringIO()
    row = {f: "" for f in outbox.EXPORT_FIELDS}
    row[outbox.EXPORT_FIELDS[0]] = "@evil"
    outbox._write_csv(out, [row])
    first = list(csv.reader(io.StringIO(out.getvalue())))[1][0]
    assert first == "'@evil"


def test_manager_console_csv_export_is_neutralised(tmp_path, qapp):
    from kiosk.ui.manager.common import Col, RowsModel

    model = RowsModel([Col("film", "Film"), Col("amount", "Amount", kind="money")])
    model.set_rows([(EVIL_TITLE, -35000), ("+44 20", 100)])
    path = tmp_path / "x.csv"
    model.write_csv(path)
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    assert rows[1] == ["'" + EVIL_TITLE, "-350.00"]
    assert rows[2] == ["'+44 20", "1.00"]


def test_dead_letter_export_to_a_bad_place_is_refused_before_writing(services, manager, tmp_path):
    from kiosk.domain.errors import InvalidInput
    from kiosk.services import outbox

    for bad in (tmp_path, tmp_path / "nope" / "x.csv", Path("/proc/version"), Path("/dev/full")):
        with pytest.raises(InvalidInput):
            outbox.export_dead(services.deps, manager, bad)
    assert not (tmp_path / "nope").exists()

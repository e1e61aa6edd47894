"""``kiosk day close / report / adjust`` end to end through ``kiosk.cli.main``.

Refusals print a message on stderr, exit non-zero and leave the database as it was (the audit
table excepted: sign-ins and refusals are rightly recorded there). The PIN is given the way a
script gives it, in ``$KIOSK_PIN``; the CLI has no ``--pin``.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.domain.clock import Clock, local, to_iso
from kiosk.store.db import open_db
from tests.factories import make_world, table_dump

MANAGER = ("9001", "9999")
CASHIER = ("1001", "1234")


class Kiosk:
    def __init__(self, tmp_path: Path, capsys, monkeypatch):
        self.db_path = tmp_path / "kiosk.db"
        self.config = tmp_path / "kiosk.toml"
        self.config.write_text('bcrypt_rounds = 4\nkiosk_id = "CLI-1"\n', encoding="utf-8")
        db = open_db(self.db_path)
        make_world(db, Clock())
        db.conn.close()
        self.capsys = capsys
        self.monkeypatch = monkeypatch
        self.today = local(Clock().now(), "Asia/Kolkata").date().isoformat()

    def __call__(self, *args: str, who: tuple[str, str] = MANAGER) -> tuple[int, str, str]:
        self.capsys.readouterr()
        self.monkeypatch.setenv("KIOSK_PIN", who[1])
        rc = main(["--config", str(self.config), "--db", str(self.db_path), *args,
                   "--staff", who[0]])
        out, err = self.capsys.readouterr()
        return rc, out, err

    def query(self, sql: str, params=()) -> list[tuple]:
        conn = sqlite3.connect(self.db_path)
        try:
            return [tuple(r) for r in conn.execute(sql, params)]
        finally:
            conn.close()

    def dump(self) -> str:
        conn = sqlite3.connect(self.db_path)
        try:
            return table_dump(conn, ("audit",))
        finally:
            conn.close()


@pytest.fixture
def kiosk(tmp_path, capsys, monkeypatch) -> Kiosk:
    return Kiosk(tmp_path, capsys, monkeypatch)


def test_close_refused_while_a_shift_is_open_names_it_and_changes_nothing(kiosk):
    conn = sqlite3.connect(kiosk.db_path)
    conn.execute("INSERT INTO shifts (staff_id, kiosk_id, currency, opened_at, float_minor) "
                 "VALUES (1, 'CLI-1', 'INR', ?, 0)", (to_iso(Clock().now()),))
    conn.commit()
    conn.close()
    before = kiosk.dump()
    rc, out, err = kiosk("day", "close", "--date", kiosk.today)
    assert rc != 0 and out == ""
    assert "Asha Cashier (1001) on CLI-1" in err and "still open" in err
    assert kiosk.dump() == before


def test_close_writes_a_one_page_pdf_and_the_report_reprints_as_csv(kiosk, tmp_path):
    rc, out, err = kiosk("day", "close", "--date", kiosk.today, "--out", str(tmp_path / "z.pdf"))
    assert rc == 0, err
    assert "is closed" in out and "written to" in out
    assert kiosk.query("SELECT business_date FROM business_days") == [(kiosk.today,)]
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(tmp_path / "z.pdf")], capture_output=True,
                              text=True, check=True).stdout
        assert "Pages:          1" in info or "Pages: 1" in " ".join(info.split())
    rc, out, err = kiosk("day", "report", "--date", kiosk.today, "--out",
                         str(tmp_path / "z.csv"))
    assert rc == 0, err
    text = (tmp_path / "z.csv").read_text(encoding="utf-8")
    assert "# Tickets" in text and "# Tenders" in text and kiosk.today in text
    before = kiosk.dump()
    rc, _out, err = kiosk("day", "close", "--date", kiosk.today)
    assert rc != 0 and "already closed" in err
    assert kiosk.dump() == before


def test_adjust_records_an_audited_correction(kiosk):
    assert kiosk("day", "close", "--date", kiosk.today)[0] == 0
    rc, out, err = kiosk("day", "adjust", "--date", kiosk.today, "--amount", "-12.50",
                         "--reason", "float miscounted")
    assert rc == 0, err
    assert "-₹12.50" in out
    assert kiosk.query("SELECT amount_minor, reason FROM business_day_adjustments") == [
        (-1250, "float miscounted")]
    assert kiosk.query("SELECT COUNT(*) FROM audit WHERE action = 'day_adjust' AND ok = 1") == [
        (1,)]


@pytest.mark.parametrize("args, words", [
    (("day", "report", "--date", "{today}", "--out", "/proc/version"), ".pdf or .csv"),
    (("day", "report", "--date", "{today}", "--out", "{tmp}/nowhere/z.csv"), "does not exist"),
    (("day", "close", "--date", "{today}", "--out", "/proc/z.pdf"), "system folder"),
    (("day", "close", "--date", "{today}", "--out", "/sys/kernel/z.csv"), "system folder"),
    (("day", "close", "--date", "{today}", "--out", "{tmp}"), ".pdf or .csv"),
    (("day", "close", "--date", "{today}", "--out", "{tmp}/z\udcff.pdf"), "not text"),
    (("day", "report", "--date", "{today}", "--out", "{tmp}/z.csv"), "not closed"),
    (("day", "close", "--date", "2026-02-30"), "not a date"),
    (("day", "adjust", "--date", "{today}", "--amount", "12,5x", "--reason", "r"),
     "not an amount"),
    (("day", "adjust", "--date", "{today}", "--amount", "5", "--reason", "r"), "not closed"),
])
def test_bad_input_is_refused_with_a_message_and_changes_nothing(kiosk, tmp_path, args, words):
    before = kiosk.dump()
    filled = [a.format(today=kiosk.today, tmp=tmp_path) for a in args]
    rc, out, err = kiosk(*filled)
    assert rc != 0 and words in err, err
    assert kiosk.dump() == before
    assert not (tmp_path / "z.csv").exists()


def test_a_cashier_cannot_close_the_day(kiosk):
    before = kiosk.dump()
    rc, _out, err = kiosk("day", "close", "--date", kiosk.today, who=CASHIER)
    assert rc != 0 and "manager" in err
    assert kiosk.dump() == before


def test_there_is_no_pin_option(kiosk):
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(kiosk.db_path), "day", "close", "--date", kiosk.today, "--staff",
              "9001", "--pin", "9999"])
    assert exited.value.code == 2

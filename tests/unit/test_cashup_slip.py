"""The cash-up slip (issue 14 defect 9): the same lines on the thermal printer and in the PDF,
and ``kiosk cashup`` to reprint or show a shift's slip (own shift, or a manager)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.cli import main
from kiosk.domain.clock import Clock
from kiosk.services.models import Payment
from kiosk.store.db import open_db
from kiosk.tickets.cashup_slip import render_pdf, slip_bytes, slip_lines
from tests.factories import make_world


@pytest.fixture
def closed_report(services):
    cashier = services.auth.sign_in("1001", "1234")
    services.shifts.open(cashier, 500_00)
    cashier = services.auth.sign_in("1001", "1234")
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    services.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"))
    shift = services.shifts.close(cashier, count={"note:20000": 2, "note:5000": 2},
                                  card_minor=240_00, upi_minor=0)
    return services.shifts.report(cashier, shift.shift_id)


def test_the_slip_says_the_count_and_each_check(closed_report):
    lines = [(line.style, line.left, line.right) for line in slip_lines(closed_report)]
    assert lines[0] == ("title", "CASH-UP", "")
    assert ("row", "Cashier", "Asha Cashier (1001)") in lines
    kolkata = closed_report.opened_at.astimezone(ZoneInfo("Asia/Kolkata"))  # the cinema's time
    assert closed_report.opened_at.utcoffset().total_seconds() == 0
    assert ("row", "Opened", f"{kolkata:%d %b %Y %H:%M}") in lines
    assert ("row", "₹200 note x 2", "₹400.00") in lines
    assert ("bold", "Counted", "₹500.00") in lines
    card = lines.index(("row", "Card terminal batch: expected", "₹250.00"))
    assert lines[card + 1] == ("row", "declared", "₹240.00")
    assert lines[card + 2][2] == "-₹10.00 short" and lines[card + 2][1].startswith("Variance")
    assert lines[card + 2][1] == "Variance"  # ₹10: within the test world's ₹50 limit


def test_thermal_bytes_and_pdf(closed_report, tmp_path):
    payload = slip_bytes(closed_report)
    assert b"CASH-UP" in payload and b"Rs.500.00" in payload and b"Card terminal batch" in payload
    assert b"\x1dV" in payload[-8:]  # cut at the end
    pdf = render_pdf(closed_report, tmp_path / "slip.pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000


class Cli:
    def __init__(self, tmp_path: Path, capsys, monkeypatch):
        self.db_path = tmp_path / "kiosk.db"
        self.config = tmp_path / "kiosk.toml"
        self.config.write_text('bcrypt_rounds = 4\nkiosk_id = "CLI-1"\n', encoding="utf-8")
        db = open_db(self.db_path)
        make_world(db, Clock())
        db.conn.close()
        self.capsys, self.monkeypatch = capsys, monkeypatch

    def __call__(self, *args: str, who=("9001", "9999")) -> tuple[int, str, str]:
        self.capsys.readouterr()
        self.monkeypatch.setenv("KIOSK_PIN", who[1])
        rc = main(["--config", str(self.config), "--db", str(self.db_path), *args,
                   "--staff", who[0]])
        out, err = self.capsys.readouterr()
        return rc, out, err

    def close_a_shift(self) -> int:
        from kiosk.config import Config
        from kiosk.services.app import open_services

        services = open_services(Config(db_path=self.db_path, bcrypt_rounds=4,
                                        kiosk_id="CLI-1"))
        try:
            cashier = services.auth.sign_in("1001", "1234")
            services.shifts.open(cashier, 100_00)
            return services.shifts.close(cashier, count={"note:10000": 1}, card_minor=0,
                                         upi_minor=0).shift_id
        finally:
            services.close()


def test_cli_reprints_and_shows_a_slip(tmp_path, capsys, monkeypatch):
    cli = Cli(tmp_path, capsys, monkeypatch)
    shift_id = cli.close_a_shift()
    out = tmp_path / "slip.pdf"
    rc, said, _ = cli("cashup", "slip", "--shift", str(shift_id), "--out", str(out))
    assert rc == 0 and out.read_bytes().startswith(b"%PDF") and "written" in said
    rc, said, _ = cli("cashup", "show", "--shift", str(shift_id), who=("1001", "1234"))
    assert rc == 0 and "₹100 note x 1" in said and "balanced" in said
    conn = sqlite3.connect(cli.db_path)
    try:
        assert conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'cashup.reprint'"
                            ).fetchone()[0] == 1
    finally:
        conn.close()


def test_cli_refuses_another_cashiers_slip_and_a_bad_target(tmp_path, capsys, monkeypatch):
    cli = Cli(tmp_path, capsys, monkeypatch)
    shift_id = cli.close_a_shift()
    rc, _, err = cli("cashup", "show", "--shift", str(shift_id), who=("1002", "2345"))
    assert rc != 0 and "another cashier" in err
    rc, _, err = cli("cashup", "slip", "--shift", str(shift_id), "--out",
                     str(tmp_path / "slip.txt"))
    assert rc != 0 and ".pdf" in err
    rc, _, err = cli("cashup", "slip", "--shift", str(shift_id), "--print")
    assert rc != 0 and "No slip printer" in err
    rc, _, err = cli("cashup", "show", "--shift", "999")
    assert rc != 0 and "no shift 999" in err

"""``kiosk cloud pull-day`` against a local server: the day's sales of another device arrive."""

from __future__ import annotations

import pytest

from kiosk.cli import main
from kiosk.cloud.server import LocalCloud
from kiosk.store.db import open_db
from tests.cloud.helpers import write_offline_bookings
from tests.factories import make_world


@pytest.fixture
def server(monkeypatch):
    with LocalCloud() as cloud:
        cloud.reset()
        monkeypatch.setenv("KIOSK_CLOUD_ENDPOINT_URL", cloud.endpoint_url)
        monkeypatch.setenv("KIOSK_CLOUD_ENABLED", "1")
        monkeypatch.setenv("KIOSK_CLOUD_TABLE", "day-test")
        yield cloud


def test_pull_day_brings_another_devices_sales(server, tmp_path, capsys, clock):
    assert main(["cloud", "init"]) == 0
    kiosk, office = tmp_path / "k.db", tmp_path / "office.db"
    for path in (kiosk, office):
        db = open_db(path)
        make_world(db, clock)
        db.conn.close()
    db = open_db(kiosk)
    write_offline_bookings(db.conn, show_id="show-future", seat_groups=[["B1"], ["B2"]],
                           kiosk_id="KIOSK-1", now=clock.now())
    business_date = db.conn.execute("SELECT business_date FROM bookings LIMIT 1").fetchone()[0]
    db.conn.close()
    assert main(["--db", str(kiosk), "sync"]) == 0  # the confirms carry the ledger fields
    capsys.readouterr()
    assert main(["--db", str(office), "cloud", "pull-day", "--date", business_date]) == 0
    out = capsys.readouterr().out
    assert f"Pulled {business_date} at cin-test: 2 bookings" in out
    assert "from 1 of 1 devices" in out  # `kiosk sync` ran the engine: KIOSK-1 beat its heart
    conn = open_db(office).conn
    assert conn.execute("SELECT COUNT(*) FROM ledger_bookings WHERE kiosk_id = 'KIOSK-1'"
                        ).fetchone()[0] == 2
    conn.close()
    assert main(["--db", str(office), "cloud", "pull-day", "--date", "25-11-2026"]) != 0

"""Several processes against one local moto server on 127.0.0.1: races, cuts, kills.

Bounded: a 2,000-seat show sold in blocks of 5 (about 400 bookings), 1,000 offline bookings
drained twice. moto serves a few hundred writes a second here, so each test takes seconds.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kiosk.cloud.context import CloudContext
from kiosk.cloud.pull import Puller, wait_until
from kiosk.cloud.server import LocalCloud
from kiosk.cloud.table import ensure_table
from kiosk.cloud.worker import Backoff, OutboxWorker
from kiosk.domain.clock import Clock
from kiosk.domain.layout import HallLayout
from kiosk.store.db import open_db
from tests.cloud.helpers import (
    PATIENT_TIMEOUTS,
    booking_items,
    patient_dynamodb,
    seat_items,
    write_offline_bookings,
)
from tests.cloud.racer import kiosk_config
from tests.factories import make_world

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
TABLE = "race"
SHOW = "show-future"
# 40 rows x 50 seats = 2,000 seats, a centre aisle in every row
# 24 rows of 50: 1,200 seats, 600 pair bookings (2,000 seats made these the suite's slowest tests
# at ~2 min each, for no more interleavings than 1,200 give)
ROW_LABELS = [chr(ord("A") + i) for i in range(24)]
BIG_LAYOUT = {"rows": [{"label": label, "cells": "S" * 25 + "__" + "S" * 25}
                       for label in ROW_LABELS]}
ALL_SEATS = list(HallLayout.from_spec(BIG_LAYOUT).seats)
SEATS = len(ALL_SEATS)
PAIRS = SEATS // 2


@pytest.fixture
def cloud():
    with LocalCloud() as server:
        server.reset()  # moto keeps state per process: start from an empty cloud
        config = kiosk_config(Path("/nonexistent"), "X", server.endpoint_url, TABLE)
        ensure_table(patient_dynamodb(config.cloud), TABLE)
        yield server


def make_kiosk_db(path: Path) -> None:
    """The test world around the *real* clock, on purpose: the racers, ``kiosk sync`` and the
    workers here are separate processes (or real-clock workers) that read the real clock too."""
    db = open_db(path)
    make_world(db, Clock(), layout=BIG_LAYOUT)
    db.conn.close()


def _pythonpath() -> str:
    """The checkout first, then whatever PYTHONPATH there was (.ci/run's faketime shim)."""
    return os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)


def spawn(args: list[str], **kwargs) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=_pythonpath())
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def test_four_kiosks_and_the_web_never_double_sell(cloud, tmp_path):
    assert SEATS == 1200
    seats_file = tmp_path / "seats.json"
    seats_file.write_text(json.dumps(ALL_SEATS))
    start = time.time() + 4.0  # every process is imported and signed in by then
    procs = []
    common = ["-m", "tests.cloud.racer", "--endpoint", cloud.endpoint_url, "--table", TABLE,
              "--show", SHOW, "--seats-file", str(seats_file), "--start", str(start)]
    for n in range(1, 5):
        db = tmp_path / f"k{n}.db"
        make_kiosk_db(db)
        procs.append(spawn(common + ["kiosk", "--db", str(db), "--kiosk-id", f"KIOSK-{n}",
                                     "--seed", str(n), "--per-booking", str(4 + n % 3),
                                     "--out", str(tmp_path / f"k{n}.json")]))
    procs.append(spawn(common + ["web", "--seed", "99", "--per-booking", "5",
                                 "--out", str(tmp_path / "web.json")]))
    try:
        for p in procs:
            _, err = p.communicate(timeout=240)
            assert p.returncode == 0, err.decode()[-3000:]
    finally:
        for p in procs:  # never leave a racer behind when the test fails
            if p.poll() is None:
                p.kill()
                p.wait(10)
    results = {r["kiosk_id"]: r for r in
               (json.loads((tmp_path / f).read_text()) for f in
                ["k1.json", "k2.json", "k3.json", "k4.json", "web.json"])}

    client = patient_dynamodb(kiosk_config(tmp_path / "x.db", "X", cloud.endpoint_url,
                                           TABLE).cloud)
    items = seat_items(client, TABLE, SHOW)
    assert sorted(items) == sorted(ALL_SEATS)
    assert {i["state"] for i in items.values()} == {"sold"}
    bookings = booking_items(client, TABLE)
    listed = [s for b in bookings.values() for s in b["seats"]]
    assert len(listed) == SEATS and set(listed) == set(ALL_SEATS)  # every seat in one booking
    for booking_id, b in bookings.items():
        assert all(items[s]["booking_id"] == booking_id for s in b["seats"])

    confirmed_seats = 0
    for n in range(1, 5):
        db = tmp_path / f"k{n}.db"
        config = kiosk_config(db, f"KIOSK-{n}", cloud.endpoint_url, TABLE)
        puller = Puller(CloudContext(config, timeouts=PATIENT_TIMEOUTS), db)
        puller.pull_show(SHOW)
        conn = puller.conn
        local = {r[0]: r[1] for r in conn.execute(
            "SELECT seat_code, booking_id FROM seat_sales WHERE show_id = ?", (SHOW,))}
        remote = {r[0]: r[1] for r in conn.execute(
            "SELECT seat_code, booking_id FROM remote_seats WHERE show_id = ? AND state = 'sold'",
            (SHOW,))}
        assert not set(local) & set(remote)
        view = local | remote
        assert view == {s: i["booking_id"] for s, i in items.items()}, f"KIOSK-{n} disagrees"
        states = conn.execute("SELECT state, sync_state, COUNT(*) FROM bookings "
                              "GROUP BY state, sync_state").fetchall()
        assert [tuple(r) for r in states] == [("confirmed", "synced",
                                               results[f"KIOSK-{n}"]["bookings"])]
        confirmed_seats += len(local)
        puller.close()
    web_seats = sum(len(s) for s in results["WEB"]["sales"].values())
    assert confirmed_seats + web_seats == SEATS
    assert all(r["bookings"] > 0 for r in results.values()), results


def _drained(db: Path) -> tuple[int, int]:
    conn = open_db(db).conn
    try:
        done, pending = conn.execute(
            "SELECT SUM(done_at IS NOT NULL), SUM(done_at IS NULL) FROM outbox").fetchone()
        return int(done or 0), int(pending or 0)
    finally:
        conn.close()


def _attempts(db: Path) -> int:
    conn = open_db(db).conn
    try:
        return int(conn.execute("SELECT COALESCE(SUM(attempts), 0) FROM outbox").fetchone()[0])
    finally:
        conn.close()


def _offline_kiosk(tmp_path: Path, endpoint: str) -> tuple[Path, list[str]]:
    db = tmp_path / "offline.db"
    make_kiosk_db(db)
    conn = open_db(db).conn
    groups = [ALL_SEATS[i:i + 2] for i in range(0, SEATS, 2)]
    ids = write_offline_bookings(conn, show_id=SHOW, seat_groups=groups, kiosk_id="KIOSK-1",
                                 now=Clock().now())
    conn.close()
    return db, ids


def _assert_arrived_once(endpoint: str, db: Path, ids: list[str]) -> None:
    client = patient_dynamodb(kiosk_config(db, "KIOSK-1", endpoint, TABLE).cloud)
    items = seat_items(client, TABLE, SHOW)
    bookings = booking_items(client, TABLE)
    assert sorted(bookings) == sorted(ids)
    conn = open_db(db).conn
    local = {r[0]: r[1] for r in conn.execute("SELECT seat_code, booking_id FROM seat_sales")}
    assert {s: i["booking_id"] for s, i in items.items()} == local
    assert conn.execute("SELECT COUNT(*) FROM bookings WHERE sync_state = 'synced' AND "
                        "state = 'confirmed'").fetchone()[0] == PAIRS
    assert conn.execute("SELECT COUNT(*) FROM cloud_conflicts").fetchone()[0] == 0
    conn.close()


def test_endpoint_stopped_mid_drain_and_restarted(cloud, tmp_path):
    db, ids = _offline_kiosk(tmp_path, cloud.endpoint_url)
    config = kiosk_config(db, "KIOSK-1", cloud.endpoint_url, TABLE)
    ctx = CloudContext(config)
    worker = OutboxWorker(ctx, db, backoff=Backoff(base_s=0.2, cap_s=1.0))
    stop = threading.Event()
    thread = threading.Thread(target=worker.run_forever, args=(stop, 0.1), daemon=True)
    thread.start()
    try:
        assert wait_until(lambda: _drained(db)[0] >= PAIRS // 4, 60)
        cloud.stop()  # the network goes away mid-drain
        assert wait_until(lambda: not ctx.status.online, 30)
        cut_at, tries_at_cut = _drained(db)[0], _attempts(db)
        # the worker keeps retrying (each failed try counts an attempt), yet nothing is sent
        assert wait_until(lambda: _attempts(db) >= tries_at_cut + 2, 30)
        assert _drained(db)[0] == cut_at  # nothing can be sent while the cloud is gone
        cloud.start()
        assert wait_until(lambda: _drained(db)[1] == 0, 90)
    finally:
        stop.set()
        thread.join(10)
        worker.close()
    assert 0 < cut_at < PAIRS
    _assert_arrived_once(cloud.endpoint_url, db, ids)
    conn = open_db(db).conn
    retried = conn.execute("SELECT COUNT(*) FROM outbox WHERE attempts > 1").fetchone()[0]
    conn.close()
    assert retried >= 1


def test_kiosk_killed_mid_drain_and_restarted(cloud, tmp_path):
    db, ids = _offline_kiosk(tmp_path, cloud.endpoint_url)
    env = dict(os.environ, KIOSK_CLOUD_ENABLED="1", KIOSK_CLOUD_ENDPOINT_URL=cloud.endpoint_url,
               KIOSK_CLOUD_TABLE=TABLE, KIOSK_CLOUD_REGION="ap-south-1",
               KIOSK_CLOUD_SYNC_INTERVAL_S="0.1", KIOSK_CLOUD_PULL_INTERVAL_S="30",
               PYTHONPATH=_pythonpath())
    cmd = [sys.executable, "-m", "kiosk", "--db", str(db), "--kiosk-id", "KIOSK-1", "sync",
           "--watch"]
    first = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    try:
        assert wait_until(lambda: _drained(db)[0] >= PAIRS * 3 // 10, 90), first.stderr.read1().decode()
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    killed_at = _drained(db)[0]
    assert killed_at < PAIRS
    second = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    try:
        assert wait_until(lambda: _drained(db)[1] == 0, 90)
    finally:
        second.send_signal(signal.SIGINT)
        second.wait(15)
    _assert_arrived_once(cloud.endpoint_url, db, ids)

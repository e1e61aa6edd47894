"""SyncBridge: background drain and pull reported through Qt signals only."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.cloud.channel import OnlineChannel
from kiosk.cloud.clients import CloudClients
from kiosk.cloud.context import CloudContext
from kiosk.cloud.gate import CloudGate
from kiosk.cloud.server import LocalCloud
from kiosk.cloud.status import CloudStatus
from kiosk.cloud.table import ensure_table
from kiosk.store.db import open_db
from tests.cloud.conftest import TABLE
from tests.cloud.helpers import write_offline_bookings
from tests.factories import make_world

SHOW = "show-future"


def _remote_state(conn, seat: str) -> str | None:
    row = conn.execute("SELECT state FROM remote_seats WHERE show_id = ? AND seat_code = ?",
                       (SHOW, seat)).fetchone()
    return row[0] if row else None


@pytest.fixture
def served(cloud_config, clock):
    with LocalCloud() as server:
        server.reset()  # moto keeps state per process: start from an empty cloud
        config = replace(cloud_config, cloud=replace(cloud_config.cloud,
                                                     endpoint_url=server.endpoint_url))
        ensure_table(CloudClients(config.cloud).dynamodb, TABLE)
        db = open_db(config.db_path)
        make_world(db, clock)
        db.conn.close()
        yield config, server


def test_bridge_drains_pulls_and_reports(qtbot, served, clock):
    from kiosk.ui.sync_bridge import SyncBridge

    config, server = served
    conn = open_db(config.db_path).conn
    [booking] = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["C1", "C2"]],
                                       kiosk_id="KIOSK-1", now=clock.now())
    gate = CloudGate(config, CloudContext(config, status=CloudStatus(probe_interval_s=0.5)), clock)
    bridge = SyncBridge(config, gate=gate, tick_s=0.05)
    statuses: list[dict] = []
    bridge.statusChanged.connect(statuses.append)
    try:
        with qtbot.waitSignal(bridge.statusChanged, timeout=15_000,
                              check_params_cb=lambda s: s["online"] and s["pending"] == 0):
            bridge.start()
        assert conn.execute("SELECT sync_state FROM bookings WHERE id = ?",
                            (booking,)).fetchone()[0] == "synced"
        assert statuses[-1]["last_sync_at"] and statuses[-1]["last_error"] == ""
        # another channel sells: the open show's seat map hears about it
        bridge.watch_show(SHOW)
        OnlineChannel(CloudContext(config).claims("WEB"), clock=clock).buy(SHOW, ["D4"])
        with qtbot.waitSignal(bridge.seatsChanged, timeout=15_000,
                              check_params_cb=lambda show: show == SHOW):
            pass
        # the web's hold and its confirm are two writes: a pull may land between them, so the
        # seat is first seen held, then sold on a later pull
        qtbot.waitUntil(lambda: _remote_state(conn, "D4") == "sold", timeout=15_000)
        # the cloud goes away: the bridge says so, and says when it is back
        server.stop()
        with qtbot.waitSignal(bridge.statusChanged, timeout=20_000,
                              check_params_cb=lambda s: not s["online"]):
            bridge.sync_now()
        assert statuses[-1]["last_error"]
        server.start()
        with qtbot.waitSignal(bridge.statusChanged, timeout=30_000,
                              check_params_cb=lambda s: s["online"]):
            pass
    finally:
        bridge.stop()
        gate.close()
        conn.close()
    assert not bridge.is_running()

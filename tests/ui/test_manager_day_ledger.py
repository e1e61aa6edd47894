"""The dashboard on a manager console with cloud sync: "Pull the day" brings another device's
and the web's sales into every breakdown, and the freshness line names a device not seen lately.
Rendered to PNG (MANAGER_DAY_PNG, default the test's tmp dir) for a human look."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from kiosk.cloud import ledger
from kiosk.cloud.claims import SeatClaims, av
from kiosk.domain.clock import to_iso
from kiosk.ui.manager.dashboard import BREAKDOWNS
from tests.cloud.conftest import TABLE, aws  # noqa: F401 - the fixture, by name
from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import click

manager, open_console = fx.manager, fx.open_console


@pytest.fixture
def config(tmp_path, aws):  # noqa: ARG001, F811 - moto on before the services' CloudGate
    from kiosk.config import Config

    base = Config(db_path=tmp_path / "office.db", bcrypt_rounds=4, ticket_dir=tmp_path / "t",
                  kiosk_id="OFFICE")
    return replace(base, cloud=replace(base.cloud, enabled=True, table=TABLE,
                                       region="ap-south-1", endpoint_url=""))


@pytest.fixture
def services(config, clock):
    import boto3

    from kiosk.cloud.table import ensure_table
    from kiosk.services.app import open_services
    from tests.factories import make_world

    ensure_table(boto3.client("dynamodb", region_name="ap-south-1"), TABLE)
    svc = open_services(config, clock=clock)
    svc.world = make_world(svc.deps.db, clock)
    yield svc
    svc.close()


def _another_device(services, clock) -> None:
    """KIOSK-2 sold 2 seats at the counter an hour ago and was last seen then; the web sold 1."""
    ctx = services.gate.context
    client, table = ctx.dynamodb(), ctx.clients().table
    earlier = clock.now().replace(hour=11)
    for kiosk, channel, seats, staff in (("KIOSK-2", "counter", ["A1", "A2"], "1002"),
                                         ("WEB", "online", ["F9"], None)):
        record = ledger.booking_record(
            booking_id=f"b-{kiosk}", reference=f"R-{kiosk}", show_id="show-future",
            cinema_id="cin-test", business_date="2026-11-25", channel=channel, kiosk_id=kiosk,
            staff_number=staff, currency="INR", total_minor=25000 * len(seats),
            tax_minor=3814 * len(seats), payment_method="card", created_at=to_iso(earlier),
            lines=[ledger.line(s, "standard", "adult", 25000, 3814) for s in seats])
        SeatClaims(client, table, kiosk).confirm(show_id="show-future", seats=seats,
                                                 booking_id=f"b-{kiosk}", hold_id="",
                                                 now=earlier, record=record)
    beat = ledger.device_record(cinema_id="cin-test", kiosk_id="KIOSK-2",
                                last_seen=to_iso(earlier), pending=0, dead=0,
                                last_sale_at=to_iso(earlier), app_version="0.1.0")
    client.put_item(TableName=table, Item={k: av(v) for k, v in beat.items()})


def test_pull_the_day_shows_every_device_and_the_freshness_line(open_console, manager, services,
                                                                  clock, qtbot, tmp_path):
    _another_device(services, clock)
    window = open_console(manager)
    dash = window.pages["dashboard"]
    assert dash.freshness.text() == "25 Nov 2026 not pulled from the cloud yet: this device's sales only."
    click(qtbot, dash.findChild(QPushButton, "pullDayButton"))
    qtbot.waitUntil(lambda: "devices" in dash.freshness.text(), timeout=10_000)
    # 12:00 UTC = 17:30 in Kolkata; KIOSK-2 was last seen at 11:00 UTC = 16:30
    assert dash.freshness.text() == "Sales up to 17:30 from 0 of 1 devices; KIOSK-2 last seen 16:30."
    kiosks = {r[0]: r for r in dash.breakdowns["by_kiosk"].model.rows}
    assert set(kiosks) == {"KIOSK-2", "WEB"}
    channels = [r[0] for r in dash.breakdowns["by_channel"].model.rows]
    assert sorted(channels) == ["counter", "online"]
    assert dash.tiles["tickets"].value.text() == "3"
    dash.tabs.setCurrentIndex([n for n, _l, _k in BREAKDOWNS].index("by_kiosk"))
    out = Path(os.environ.get("MANAGER_DAY_PNG", tmp_path / "manager_day.png"))
    assert window.grab().save(str(out))


def test_refund_approvals_and_cashups_show_other_devices(open_console, manager, services, clock,
                                                         qtbot, tmp_path):
    conn = services.deps.conn
    _another_device(services, clock)
    opened = to_iso(clock.now().replace(hour=10))
    with conn:  # what a pull of KIOSK-2's day leaves (kiosk.cloud.daypull)
        conn.execute(
            "INSERT INTO ledger_bookings (id, reference, show_id, cinema_id, business_date, "
            "channel, kiosk_id, staff_number, currency, total_minor, tax_minor, payment_method, "
            "state, created_at, pulled_at) VALUES ('b-K2', 'R-K2', 'show-future', 'cin-test', "
            "'2026-11-25', 'counter', 'KIOSK-2', '1002', 'INR', 50000, 7627, 'card', "
            "'confirmed', ?, ?)", (opened, opened))
        conn.execute(
            "INSERT INTO ledger_refunds (kiosk_id, local_id, booking_id, seats, amount_minor, "
            "tax_minor, currency, method, reason, state, requested_by, created_at, "
            "business_date, rev) VALUES ('KIOSK-2', 4, 'b-K2', '[\"A1\",\"A2\"]', 50000, 7627, "
            "'INR', 'card', 'wrong show', 'pending_approval', '1002', ?, '2026-11-25', 9)",
            (opened,))
        conn.execute(
            "INSERT INTO ledger_shifts (kiosk_id, local_id, cinema_id, business_date, "
            "staff_number, currency, opened_at, float_minor, closed_at, expected_minor, "
            "counted_minor, variance_minor, rev) VALUES ('KIOSK-2', 7, 'cin-test', "
            "'2026-11-25', '1002', 'INR', ?, 500000, ?, 550000, 549000, -1000, 3)",
            (opened, to_iso(clock.now())))
    window = open_console(manager)
    refunds = window.show_page("refunds")
    refunds.refresh()
    [row] = refunds.model.rows
    assert row[6] == "KIOSK-2" and row[2] == "R-K2" and row[5] == 50000
    # its id means nothing on this device: a dash, not "-1"
    assert refunds.model.index(0, 0).data() == "—"
    out = Path(os.environ.get("MANAGER_DAY_PNG", tmp_path / "x.png"))
    assert window.grab().save(str(out.with_name("manager_refunds.png")))
    cashups = window.show_page("cashups")
    cashups.refresh()
    qtbot.waitUntil(lambda: any("KIOSK-2" in map(str, r) for r in cashups.model.rows))
    remote = next(i for i, r in enumerate(cashups.model.rows) if "KIOSK-2" in map(str, r))
    assert cashups.model.index(remote, 0).data() == "—"
    assert window.grab().save(str(out.with_name("manager_cashups.png")))

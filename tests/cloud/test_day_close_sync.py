"""A business-day close reaches every device of the cinema through the shared catalogue.

The manager console closes the day (Z report); the close is published as a ``DAY#<date>`` item;
another device pulls it within one pull interval and from then on sells on the next business day.
An item whose totals do not match its signature is not applied (last good copy kept, reported).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from kiosk.cloud import catalogue_sync as cs
from kiosk.domain.errors import InvalidInput
from kiosk.services.booking_catalogue import load_show
from kiosk.services.models import Payment
from tests.cloud.conftest import TABLE
from tests.factories import CASHIER, MANAGER, table_dump

CINEMA = "cin-test"
DAY = "2026-11-25"


@pytest.fixture
def console(cloud_services, ctx, cloud_config, clock):
    from kiosk.services.app import open_services

    ctx.config = replace(ctx.config, cinema_id=CINEMA)
    svc = open_services(replace(cloud_config, cinema_id=CINEMA), clock=clock,
                        gate=cloud_services.gate)
    yield svc
    svc.close()


def cloud_item(ctx, sk: str) -> dict | None:
    return ctx.clients().dynamodb.get_item(
        TableName=TABLE, Key={"pk": {"S": f"CINEMA#{CINEMA}"}, "sk": {"S": sk}}).get("Item")


def test_a_close_on_the_console_moves_another_devices_sales_to_the_next_day(
        console, ctx, clock, tmp_path, config):
    from kiosk.services.app import open_services

    manager = console.auth.sign_in(*MANAGER)
    console.schedule.cancel_show(manager, "show-past")  # the first publish: the whole cinema
    counter_path = tmp_path / "counter.db"
    puller = cs.CataloguePuller(ctx, counter_path, clock)
    puller.pull(CINEMA)
    counter = open_services(replace(config, db_path=counter_path, kiosk_id="KIOSK-2"),
                            clock=clock)
    try:
        cashier = counter.auth.sign_in(*CASHIER)
        counter.shifts.open(cashier, 0)
        cashier = counter.auth.sign_in(*CASHIER)
        hold = counter.booking.hold(cashier, "show-future", ["A1"])
        before = counter.booking.confirm(cashier, hold.hold_id, {}, Payment("card",
                                                                             card_last4="4242"))

        before_pull = table_dump(console.deps.conn)
        with pytest.raises(InvalidInput, match="not been pulled"):
            console.day_close.close(manager, DAY)  # the other devices' shifts are unknown
        assert table_dump(console.deps.conn) == before_pull
        console.reports.pull_day(manager, ctx, date.fromisoformat(DAY))
        report = console.day_close.close(manager, DAY)
        assert console.day_close.last_publish_problem == ""
        assert report.totals["sources"].startswith("Every device")
        item = cloud_item(ctx, f"DAY#{DAY}")
        assert item is not None and item["kind"]["S"] == "day"
        assert json.loads(item["body"]["S"])["signature"] == report.signature

        pulled = puller.pull(CINEMA)
        assert f"DAY#{DAY}" in pulled.applied and not pulled.skipped
        assert load_show(puller.conn, "show-future").closed_through == DAY
        clock.advance(minutes=5)
        hold = counter.booking.hold(cashier, "show-future", ["A2"])
        after = counter.booking.confirm(cashier, hold.hold_id, {}, Payment("card",
                                                                            card_last4="4242"))
        days = dict(counter.deps.conn.execute("SELECT id, business_date FROM bookings"))
        assert days[before.booking_id] == DAY and days[after.booking_id] == "2026-11-26"
        # the counter holds the same frozen report, signature intact, and can reprint it
        counter_manager = counter.auth.sign_in(*MANAGER)
        copy = counter.day_close.report(counter_manager, DAY)
        assert copy.signature == report.signature and copy.signature_ok
        assert copy.totals == report.totals
        # publishing again changes nothing: the day is agreed
        assert cs.unpublished(puller.conn, CINEMA, clock.now()) == []
    finally:
        counter.close()
        puller.close()


def test_a_day_item_whose_totals_were_changed_is_not_applied(console, ctx, clock, tmp_path):
    manager = console.auth.sign_in(*MANAGER)
    report = console.day_close.close(manager, DAY, this_device_only=True)
    assert report.totals["sources"].startswith("This device's own")
    item = cloud_item(ctx, f"DAY#{DAY}")
    body = json.loads(item["body"]["S"])
    body["totals"]["tickets"]["gross"] += 100_000  # someone with write access to the table
    item["body"] = {"S": json.dumps(body)}
    ctx.clients().dynamodb.put_item(TableName=TABLE, Item=item)
    puller = cs.CataloguePuller(ctx, tmp_path / "other.db", clock)
    try:
        pulled = puller.pull(CINEMA)
        assert "signature" in pulled.skipped[f"DAY#{DAY}"]
        assert puller.conn.execute("SELECT COUNT(*) FROM business_days").fetchone()[0] == 0
    finally:
        puller.close()


def test_the_online_channel_sells_on_the_next_day_after_a_close(console, ctx, clock):
    from kiosk.cloud.cloud_catalogue import CloudCatalogue

    manager = console.auth.sign_in(*MANAGER)
    console.schedule.cancel_show(manager, "show-past")  # publishes the catalogue
    web = CloudCatalogue(ctx.clients().dynamodb, TABLE, CINEMA)
    web.refresh()
    assert web.business_date(clock.now()) == DAY
    console.day_close.close(manager, DAY, this_device_only=True)
    web.refresh()
    assert web.business_date(clock.now()) == "2026-11-26"

"""The layout guard (kiosk.cloud.partitions): devices that disagree on a show's seat layout are
refused, never allowed to claim one seat under two partition keys (I1)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.cloud import catalogue_sync as cs
from kiosk.cloud.channel import OnlineChannel
from kiosk.cloud.claims import SeatClaims
from kiosk.cloud.partitions import Layouts, layout_key
from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import InvalidInput, SeatLayoutMismatch, SeatsUnavailable
from kiosk.store.db import transaction
from tests.cloud.conftest import TABLE
from tests.cloud.helpers import scan_all, seat_items
from tests.factories import CASHIER, MANAGER

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=5)
CINEMA = "cin-test"


@pytest.fixture
def client(ctx):
    return ctx.clients().dynamodb


def arena(name: str, client) -> SeatClaims:
    """A device whose catalogue says the 40-seat show spreads over 4 keys (blocks of 10)."""
    return SeatClaims(client, TABLE, name, layouts=Layouts(lambda _s: 40, block_seats=10))


def small(name: str, client) -> SeatClaims:
    """A device whose (stale) catalogue says the same show fits one key."""
    return SeatClaims(client, TABLE, name, layouts=Layouts(lambda _s: 40))


def hold(claims: SeatClaims, seats: list[str], hold_id: str = "h") -> None:
    claims.claim_hold(show_id="S", seats=seats, hold_id=hold_id, expires_at=LATER, now=NOW)


def layout_item(client) -> int | None:
    item = client.get_item(TableName=TABLE, Key=layout_key("S")).get("Item")
    return int(item["blocks"]["N"]) if item else None


@pytest.mark.parametrize("first", ["arena", "small"])
def test_the_second_layout_is_refused_and_no_seat_is_claimed_twice(client, first):
    a, b = (arena("K1", client), small("K2", client))
    if first == "small":
        a, b = b, a
    hold(a, ["A1", "A2"], "h1")
    before = scan_all(client, TABLE)
    with pytest.raises(SeatLayoutMismatch) as refused:
        hold(b, ["A1", "A2"], "h2")
    assert "does not match the cloud's" in str(refused.value)
    assert (refused.value.ours, refused.value.cloud) == (b.layouts.blocks("S"),
                                                         a.layouts.blocks("S"))
    assert scan_all(client, TABLE) == before  # nothing written by the refused device
    items = seat_items(client, TABLE, "S")
    assert {s: i["hold_id"] for s, i in items.items()} == {"A1": "h1", "A2": "h1"}
    assert layout_item(client) == a.layouts.blocks("S")
    with pytest.raises(SeatLayoutMismatch):  # a confirm and an allocation are refused alike
        b.confirm(show_id="S", seats=["A3"], booking_id="bk", hold_id="", now=NOW,
                  record={"show_id": "S"})
    with pytest.raises(SeatLayoutMismatch):
        b.allocate(show_id="S", seats=["A4"], now=NOW)
    assert scan_all(client, TABLE) == before


def test_one_put_per_device_and_show(client):
    calls = []

    class Counting:
        exceptions = client.exceptions

        def __getattr__(self, name):
            if name in ("put_item", "get_item"):
                calls.append(name)
            return getattr(client, name)

    claims = SeatClaims(Counting(), TABLE, "K1", layouts=Layouts(lambda _s: 40, block_seats=10))
    for n in range(3):
        hold(claims, [f"B{n}"], f"h{n}")
    claims.release_hold(show_id="S", seats=["B0"], hold_id="h0")
    assert calls == ["put_item"]  # the ensure, once; no read, nothing inside the transactions


def test_two_ensures_at_the_same_moment_exactly_one_wins(client):
    """The small device's put reaches DynamoDB just after the arena device's (injected between
    its decision and its write): the conditional put fails, the loser refuses."""
    winner = arena("K1", client)

    class Racing:
        exceptions = client.exceptions

        def __getattr__(self, name):
            if name == "put_item":
                winner.ensure_layout("S")  # the other device gets there first
            return getattr(client, name)

    loser = SeatClaims(Racing(), TABLE, "K2", layouts=Layouts(lambda _s: 40))
    with pytest.raises(SeatLayoutMismatch):
        hold(loser, ["A1"])
    assert layout_item(client) == 4
    assert seat_items(client, TABLE, "S") == {}
    hold(winner, ["A1"])  # the winner sells on
    assert set(seat_items(client, TABLE, "S")) == {"A1"}


def test_a_device_without_the_show_follows_the_cloud(client):
    """No catalogue (simulate-web, the racer) or a show it lacks: it adopts the layout item,
    even one written between its read and its put."""
    hold(arena("K1", client), ["A1"], "h1")
    blind = SeatClaims(client, TABLE, "WEB")  # no catalogue at all
    with pytest.raises(SeatsUnavailable):
        hold(blind, ["A1", "A2"], "h2")
    assert blind.layouts.blocks("S") == 4
    hold(blind, ["A2"], "h2")
    assert {s: i["pk"] for s, i in seat_items(client, TABLE, "S").items()} == {
        s: blind.layouts.pk("S", s) for s in ("A1", "A2")}


def test_a_blind_device_first_fixes_the_single_layout(client):
    hold(SeatClaims(client, TABLE, "WEB"), ["A1"])
    assert layout_item(client) == 1
    with pytest.raises(SeatLayoutMismatch):
        hold(arena("K1", client), ["A2"], "h2")


def test_the_web_channel_passes_through_the_guard(client):
    hold(arena("K1", client), ["A1"], "h1")
    web = OnlineChannel(small("WEB", client), clock=FakeClock(NOW))  # a catalogue copy that disagrees
    with pytest.raises(SeatLayoutMismatch):
        web.buy("S", ["A2"])
    assert set(seat_items(client, TABLE, "S")) == {"A1"}
    blind = OnlineChannel(SeatClaims(client, TABLE, "WEB2"), clock=FakeClock(NOW))  # kiosk cloud simulate-web
    sale = blind.buy("S", ["A2"])
    assert seat_items(client, TABLE, "S")["A2"]["booking_id"] == sale.booking_id
    assert blind.taken("S") == {"A1", "A2"}  # seats only, never the layout item


def test_a_pull_warns_when_the_cloud_disagrees(client):
    hold(arena("K1", client), ["A1"])
    stale = small("K2", client)
    stale.show_items("S")
    assert "the cloud's layout item says 4" in stale.layout_warning


def test_a_counter_sale_is_refused_and_the_database_unchanged(cloud_services, ctx, client):
    svc = cloud_services
    client.put_item(TableName=TABLE, Item={**layout_key("show-future"), "blocks": {"N": "3"}})
    cashier = svc.auth.sign_in(*CASHIER)
    def counts():
        return [svc.deps.conn.execute("SELECT COUNT(*) FROM holds").fetchone()[0],
                svc.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0]]

    before = counts()
    with pytest.raises(SeatLayoutMismatch):
        svc.booking.hold(cashier, "show-future", ["A1"])
    assert counts() == before
    assert seat_items(client, TABLE, "show-future") == {}


def test_publish_refuses_to_resize_a_hall_across_layouts_once_seats_are_claimed(
        cloud_services, ctx, clock, client):
    svc = cloud_services
    ctx.config = replace(ctx.config, cinema_id=CINEMA)

    def publish():
        return cs.publish(ctx, svc.deps.conn, CINEMA, MANAGER[0], clock=clock,
                          cleaning_gap_min=svc.config.cleaning_gap_min)

    publish()
    seats = svc.deps.conn.execute("SELECT seat_count FROM halls WHERE id = 'hall-test'"
                                  ).fetchone()[0]
    ctx.layouts = Layouts(ctx.layouts._seat_count, block_seats=seats)  # this hall: one key
    cashier = svc.auth.sign_in(*CASHIER)
    svc.booking.hold(cashier, "show-future", ["A1"])  # the layout item now says 1
    with transaction(svc.deps.conn) as conn:  # the hall grows by a row (local edit)
        layout = json.loads(conn.execute("SELECT layout FROM halls").fetchone()[0])
        row = dict(layout["rows"][-1], label="Z")
        layout["rows"].append(row)
        conn.execute("UPDATE halls SET layout = ?", (json.dumps(layout),))
    before = scan_all(client, TABLE)
    with pytest.raises(cs.PublishRefused) as refused:
        publish()
    assert "already has seats held or sold" in str(refused.value)
    assert f"up to {seats:,} seats" in str(refused.value)
    assert scan_all(client, TABLE) == before


def test_the_schedule_refuses_to_resize_a_sold_hall_across_layouts(cloud_services, monkeypatch):
    from kiosk.cloud import partitions
    from kiosk.services.models import Payment
    from tests.factories import insert_open_shift

    svc = cloud_services
    hall = svc.schedule.hall("hall-test")
    cashier = svc.auth.sign_in(*CASHIER)
    insert_open_shift(svc.deps.db, cashier.staff_id, cashier.kiosk_id, svc.deps.clock)
    held = svc.booking.hold(cashier, "show-future", ["A1"])
    svc.booking.confirm(cashier, held.hold_id, {}, Payment(method="card", card_last4="4242"))
    monkeypatch.setattr(partitions, "BLOCK_SEATS", hall.layout.seat_count)
    spec = json.loads(svc.deps.conn.execute("SELECT layout FROM halls").fetchone()[0])
    spec["rows"].append(dict(spec["rows"][-1], label="Z"))
    manager = svc.auth.sign_in(*MANAGER)
    with pytest.raises(InvalidInput, match="cannot go from"):
        svc.schedule.save_hall(manager, spec=spec, name=hall.name, cinema_id=hall.cinema_id,
                               hall_id=hall.hall_id)
    assert svc.schedule.hall("hall-test").layout.seat_count == hall.layout.seat_count


def test_a_refused_device_is_let_in_once_its_catalogue_is_put_right(client):
    hold(arena("K1", client), ["A1"], "h1")
    size = {"S": 10}  # its catalogue still has the show in a small hall: one key
    device = SeatClaims(client, TABLE, "K2", layouts=Layouts(size.get, block_seats=10))
    with pytest.raises(SeatLayoutMismatch):
        hold(device, ["A2"], "h2")
    size["S"] = 40  # a pull brings the show's real hall
    hold(device, ["A2"], "h2")
    assert {s: i["pk"] for s, i in seat_items(client, TABLE, "S").items()} == {
        s: device.layouts.pk("S", s) for s in ("A1", "A2")}

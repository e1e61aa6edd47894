"""Issue 9, hole 8: synced sales that the cloud lost come back, and never as a double sale.

The table is dropped and recreated (or single items deleted) behind the kiosks' backs; each
kiosk's anti-entropy check finds its synced bookings of shows to come missing and queues them
again; the outbox worker resends them through the conditional confirm. A seat the online
channel resold meanwhile turns the booking into a conflict for the manager.
"""

from __future__ import annotations

import json
from datetime import UTC

import pytest

from kiosk.cli import main
from kiosk.cloud import antientropy, partitions
from kiosk.cloud.antientropy import AntiEntropy
from kiosk.cloud.channel import OnlineChannel
from kiosk.cloud.clients import CloudClients
from kiosk.cloud.engine import SyncEngine
from kiosk.cloud.table import booking_key, ensure_table
from kiosk.cloud.worker import OutboxWorker
from kiosk.config import CloudConfig
from kiosk.domain.clock import Clock, to_iso
from kiosk.store.db import open_db, transaction
from tests.cloud.conftest import TABLE
from tests.cloud.helpers import booking_items, seat_items, write_offline_bookings
from tests.cloud.kiosks import Kiosk, open_kiosk
from tests.factories import make_world

SHOW = "show-future"


@pytest.fixture
def layout(request, monkeypatch):
    """The seat layout every device of the test uses: ``blocks`` spreads the test hall's shows
    over 4 partition keys, as the rule does for an arena-sized hall (kiosk.cloud.partitions)."""
    name = getattr(request, "param", "single")
    if name == "blocks":
        monkeypatch.setattr(partitions, "BLOCK_SEATS", 16)
    return name


both_layouts = pytest.mark.parametrize("layout", ["single", "blocks"], indirect=True)


@pytest.fixture
def kiosks(layout, ctx, cloud_config, tmp_path, clock):
    opened = [open_kiosk(cloud_config, tmp_path, clock, n) for n in (1, 2)]
    yield opened
    for k in opened:
        k.close()


def drain(kiosk: Kiosk, clock) -> None:
    worker = OutboxWorker(kiosk.ctx, kiosk.config.db_path, clock=clock)
    try:
        while worker.run_once().done:
            pass
        assert worker.pending_count() == 0
    finally:
        worker.close()


def verify(kiosk: Kiosk, clock) -> antientropy.VerifyResult:
    job = AntiEntropy(kiosk.ctx, kiosk.config.db_path, clock=clock)
    try:
        return job.run_once()
    finally:
        job.close()


def lose_the_table(ctx) -> None:
    client = ctx.clients().dynamodb
    client.delete_table(TableName=TABLE)
    ensure_table(client, TABLE)


def sync_states(kiosk: Kiosk) -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in kiosk.svc.deps.conn.execute(
        "SELECT id, state, sync_state FROM bookings")}


@pytest.mark.parametrize(("items_per_unit", "layout"), [
    (antientropy.ITEMS_PER_QUERY_UNIT, "single"), (0, "single"),
    (antientropy.ITEMS_PER_QUERY_UNIT, "blocks"), (0, "blocks")],
    ids=["query-the-show", "batch-get-the-seats", "query-the-blocks", "batch-get-in-blocks"],
    indirect=["layout"])
def test_every_kiosks_synced_bookings_come_back_after_the_table_is_recreated(
        kiosks, ctx, clock, monkeypatch, items_per_unit, layout):
    monkeypatch.setattr(antientropy, "ITEMS_PER_QUERY_UNIT", items_per_unit)
    first, second = kiosks
    assert first.ctx.layouts.blocks(SHOW) == (4 if layout == "blocks" else 1)
    a = first.sell(SHOW, ["C3", "C4"])
    b = first.sell(SHOW, ["D3", "D4", "D5"])
    gone = first.sell(SHOW, ["B1"])
    c = second.sell(SHOW, ["C8", "C9"])
    first.svc.booking.refund(first.actor, b.reference, ["D5"], reason="customer_request")  # partly refunded
    first.svc.booking.refund(first.actor, gone.reference, reason="customer_request")  # refunded in full
    for k in kiosks:
        drain(k, clock)
    client = ctx.clients().dynamodb
    before = {s: i["booking_id"] for s, i in seat_items(client, TABLE, SHOW).items()}
    assert before == {"C3": a.booking_id, "C4": a.booking_id, "D3": b.booking_id,
                      "D4": b.booking_id, "C8": c.booking_id, "C9": c.booking_id}

    lose_the_table(ctx)
    found = {k.config.kiosk_id: verify(k, clock) for k in kiosks}
    assert sorted(found["KIOSK-1"].resent) == sorted([a.booking_id, b.booking_id])
    assert found["KIOSK-1"].missing_seats[b.booking_id] == ["D3", "D4"]  # not the refunded D5
    assert found["KIOSK-2"].resent == [c.booking_id]
    assert sync_states(first)[a.booking_id] == ("confirmed", "pending")
    for k in kiosks:
        drain(k, clock)

    after = {s: i for s, i in seat_items(client, TABLE, SHOW).items()}
    assert {s: i["booking_id"] for s, i in after.items()} == before
    assert {i["state"] for i in after.values()} == {"sold"}
    items = booking_items(client, TABLE)
    assert set(items) == {a.booking_id, b.booking_id, c.booking_id}
    assert set(items[b.booking_id]["refunded_seats"]) == {"D5"}  # its refund replayed after it
    assert sync_states(first) == {a.booking_id: ("confirmed", "synced"),
                                  b.booking_id: ("partially_refunded", "synced"),
                                  gone.booking_id: ("refunded", "synced")}
    resends = first.svc.deps.conn.execute(
        "SELECT target FROM audit WHERE action = 'cloud_resend' ORDER BY target").fetchall()
    assert sorted(r[0] for r in resends) == sorted([a.reference, b.reference])
    assert [verify(k, clock).resent for k in kiosks] == [[], []]  # all there now


@both_layouts
def test_a_seat_resold_online_meanwhile_becomes_a_conflict_never_a_double_sale(
        kiosks, ctx, clock, layout):
    kiosk = kiosks[0]
    kept = kiosk.sell(SHOW, ["B1", "B2"])
    lost = kiosk.sell(SHOW, ["C3", "C4"])
    drain(kiosk, clock)
    lose_the_table(ctx)
    # the web reads the same catalogue (here the kiosk's), so it puts C4 under the same key
    web = OnlineChannel.for_context(kiosk.ctx, clock=clock).buy(SHOW, ["C4", "C5"])

    assert sorted(verify(kiosk, clock).resent) == sorted([kept.booking_id, lost.booking_id])
    drain(kiosk, clock)

    items = seat_items(ctx.clients().dynamodb, TABLE, SHOW)
    assert {s: i["booking_id"] for s, i in items.items()} == {
        "B1": kept.booking_id, "B2": kept.booking_id,
        "C4": web.booking_id, "C5": web.booking_id}  # C3 stays free: all or nothing
    assert sync_states(kiosk)[lost.booking_id] == ("conflict", "conflict")
    conn = kiosk.svc.deps.conn
    conflict = conn.execute("SELECT show_id, lost_seats, resolved_at FROM cloud_conflicts "
                            "WHERE booking_id = ?", (lost.booking_id,)).fetchone()
    assert (conflict[0], json.loads(conflict[1]), conflict[2]) == (SHOW, ["C4"], None)
    assert conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'sync_conflict' AND "
                        "target = ?", (lost.booking_id,)).fetchone()[0] == 1
    assert verify(kiosk, clock).resent == []  # a conflict is the manager's, not resent again


@both_layouts
def test_single_lost_items_are_found_and_nothing_missing_costs_two_reads(kiosks, ctx, clock,
                                                                          layout):
    kiosk = kiosks[0]
    one = kiosk.sell(SHOW, ["C3", "C4"])
    two = kiosk.sell(SHOW, ["D3", "D4"])
    drain(kiosk, clock)
    outbox = kiosk.svc.deps.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    quiet = verify(kiosk, clock)
    queries = kiosk.ctx.layouts.blocks(SHOW)  # one Query per partition key of the show
    assert (quiet.bookings, quiet.seats, quiet.reads, quiet.resent) == (2, 4, queries + 1, [])
    assert kiosk.svc.deps.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == outbox
    assert kiosk.svc.deps.conn.execute("SELECT value FROM cloud_state WHERE key = "
                                       "'last_verify_at'").fetchone()[0] == to_iso(clock.now())

    client = ctx.clients().dynamodb
    client.delete_item(TableName=TABLE, Key=kiosk.ctx.layouts.key(SHOW, "C4"))
    client.delete_item(TableName=TABLE, Key=booking_key(two.booking_id))
    found = verify(kiosk, clock)
    assert found.missing_seats == {one.booking_id: ["C4"], two.booking_id: []}
    drain(kiosk, clock)
    assert seat_items(client, TABLE, SHOW)["C4"]["booking_id"] == one.booking_id
    assert two.booking_id in booking_items(client, TABLE)

    clock.advance(hours=4)  # the show has started: its sales are no longer checked
    client.delete_table(TableName=TABLE)  # not even read
    assert (verify(kiosk, clock).bookings, verify(kiosk, clock).reads) == (0, 0)


def test_the_engine_checks_on_its_own_cadence_and_drains_what_it_queued(
        cloud_config, tmp_path, clock, ctx):
    kiosk = open_kiosk(cloud_config, tmp_path, clock, 1, verify_interval_s=300.0)
    engine = SyncEngine(kiosk.config, kiosk.ctx, clock=clock)
    try:
        booking = kiosk.sell(SHOW, ["C3", "C4"])
        engine.tick()
        client = ctx.clients().dynamodb
        client.delete_item(TableName=TABLE, Key=booking_key(booking.booking_id))
        assert engine.tick().verify is None  # not due for five minutes
        engine.verify_soon()
        report = engine.tick()
        assert report.verify is not None and report.verify.resent == [booking.booking_id]
        assert engine.tick().verify is None  # once; the resend drains at this tick
        assert booking.booking_id in booking_items(client, TABLE)
        assert sync_states(kiosk)[booking.booking_id] == ("confirmed", "synced")
    finally:
        engine.close()
        kiosk.close()


def test_kiosk_cloud_verify_resends_what_is_missing(aws, tmp_path, monkeypatch, capsys):
    # The command runs on the real clock, so the world is built on it too (shows 3 h ahead) and
    # moto answers on it (the clock-skew guard stays on: 0, "off", is refused by the config).
    import moto.core.responses as moto_responses

    monkeypatch.setattr(moto_responses, "utcnow",
                        lambda: Clock().now().astimezone(UTC).replace(tzinfo=None))
    monkeypatch.setenv("KIOSK_CLOUD_ENABLED", "1")
    monkeypatch.setenv("KIOSK_CLOUD_TABLE", TABLE)
    monkeypatch.setenv("KIOSK_CLOUD_REGION", "ap-south-1")
    assert main(["cloud", "init"]) == 0
    db_path = tmp_path / "k.db"
    db = open_db(db_path)
    now = Clock().now()
    make_world(db, Clock())
    ids = write_offline_bookings(db.conn, show_id=SHOW, seat_groups=[["B1"], ["B2", "B3"]],
                                 kiosk_id="KIOSK-1", now=now)
    with transaction(db.conn):  # "synced", but the cloud never kept them
        db.conn.execute("UPDATE bookings SET sync_state = 'synced'")
        db.conn.execute("UPDATE outbox SET done_at = created_at")
    db.conn.close()
    capsys.readouterr()
    args = ["--db", str(db_path), "--kiosk-id", "KIOSK-1", "cloud", "verify"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "checked 2 synced booking(s), 3 seat(s)" in out and "2 missing" in out
    assert "sent 2" in out
    assert main(args) == 0
    assert "0 missing in the cloud" in capsys.readouterr().out
    client = CloudClients(CloudConfig(enabled=True, table=TABLE, region="ap-south-1")).dynamodb
    assert set(booking_items(client, TABLE)) == set(ids)

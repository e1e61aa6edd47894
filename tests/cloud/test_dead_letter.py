"""Poison outbox rows on moto: bounded retries for refusals, never for outages, then a dead letter
that blocks nothing; a manager's retry sends the row again (issue 9, hole 4)."""

from __future__ import annotations

import json

import pytest

from kiosk.cloud.errors import CloudError, CloudUnavailable
from kiosk.cloud.worker import MAX_FAILURES, Backoff, OutboxWorker, enqueue
from kiosk.services import outbox
from kiosk.store.db import transaction
from tests.cloud.conftest import TABLE
from tests.cloud.helpers import NetworkSwitch, seat_items, sns_messages, write_offline_bookings

SHOW = "show-future"


@pytest.fixture
def worker(cloud_services, ctx, clock):
    w = OutboxWorker(ctx, cloud_services.config.db_path, clock=clock,
                     backoff=Backoff(base_s=2.0, cap_s=60.0), rng=lambda: 1.0, max_failures=3)
    yield w
    w.close()


def row(conn, row_id):
    return dict(conn.execute("SELECT * FROM outbox WHERE id = ?", (row_id,)).fetchone())


def sync_state(conn, booking_id):
    return conn.execute("SELECT sync_state FROM bookings WHERE id = ?", (booking_id,)).fetchone()[0]


def confirm_id(conn, booking_id):
    return conn.execute("SELECT id FROM outbox WHERE booking_id = ? AND kind = 'confirm'",
                        (booking_id,)).fetchone()[0]


def test_the_retry_limit_is_a_named_default():
    assert MAX_FAILURES >= 3
    assert OutboxWorker.__init__.__kwdefaults__["max_failures"] == MAX_FAILURES


@pytest.mark.parametrize("payload, why", [
    ("{not json", "not JSON"),
    ('["a list"]', "not an object"),
    (json.dumps({"booking_id": "b", "seats": ["A1"]}), "lacks show_id"),
    (json.dumps({"booking_id": "b", "show_id": SHOW}), "lacks seats"),
    (json.dumps({"booking_id": "b", "show_id": SHOW, "seats": "A1"}), "not a list"),
])
def test_an_unreadable_row_is_dead_lettered_at_once_and_blocks_nobody(
        cloud_services, worker, ctx, clock, payload, why):
    conn = cloud_services.deps.conn
    [poisoned, healthy] = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["B1"], ["B2"]],
                                                 kiosk_id="KIOSK-1", now=clock.now())
    bad = confirm_id(conn, poisoned)
    conn.execute("UPDATE outbox SET payload = ? WHERE id = ?", (payload, bad))
    result = worker.run_once()
    assert (result.done, result.dead, result.pending) == (1, 1, 0)
    dead = row(conn, bad)
    assert dead["dead_at"] == "2026-11-25T12:00:00+00:00" and why in dead["dead_reason"]
    assert dead["done_at"] is None and dead["failures"] == 1  # unsent, kept, never dropped
    assert sync_state(conn, healthy) == "synced" and sync_state(conn, poisoned) != "synced"
    assert set(seat_items(ctx.clients().dynamodb, TABLE, SHOW)) == {"B2"}
    [audit] = conn.execute("SELECT * FROM audit WHERE action = 'outbox.dead_letter'").fetchall()
    assert audit["target"] == poisoned and json.loads(audit["detail"])["outbox_id"] == bad
    clock.advance(hours=1)
    assert worker.run_once().done == 0 and row(conn, bad)["attempts"] == 1  # never tried again
    assert (worker.pending_count(), worker.dead_count()) == (0, 1)


def test_refusals_back_off_then_dead_letter_after_the_limit(cloud_services, worker, ctx, clock):
    conn = cloud_services.deps.conn
    with transaction(conn):
        bad = enqueue(conn, kind="mystery", booking_id="b-1", payload={}, now=clock.now())
    delays = []
    for _ in range(2):
        result = worker.run_once()
        assert (result.failed, result.dead) == (1, 0)
        r = row(conn, bad)
        assert r["dead_at"] is None and "unknown outbox kind" in r["last_error"]
        delays.append(r["next_attempt_at"])
        clock.advance(seconds=60)
    assert delays == ["2026-11-25T12:00:02+00:00", "2026-11-25T12:01:04+00:00"]  # 2 s, then 4 s
    result = worker.run_once()
    assert (result.failed, result.dead) == (1, 1)
    dead = row(conn, bad)
    assert dead["failures"] == 3 and dead["dead_at"] == "2026-11-25T12:02:00+00:00"
    assert dead["dead_reason"].startswith("CloudError: unknown outbox kind")
    assert dead["dead_reason"].endswith("(gave up after 3 tries)")
    clock.advance(days=1)
    assert worker.run_once().failed == 0 and row(conn, bad)["attempts"] == 3


def test_a_real_cloud_refusal_dead_letters_and_others_still_sync(cloud_services, worker, ctx,
                                                                 clock):
    """DynamoDB refuses a seat key over 1 KB (ValidationException): no retry can change that."""
    conn = cloud_services.deps.conn
    [poisoned, healthy] = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["C1"], ["C2"]],
                                                 kiosk_id="KIOSK-1", now=clock.now())
    bad = confirm_id(conn, poisoned)
    payload = json.loads(row(conn, bad)["payload"]) | {"seats": ["X" * 1100]}
    conn.execute("UPDATE outbox SET payload = ? WHERE id = ?", (json.dumps(payload), bad))
    for _ in range(3):
        worker.run_once()
        clock.advance(minutes=5)
    dead = row(conn, bad)
    assert dead["dead_at"] and "refused" in dead["dead_reason"]
    assert sync_state(conn, healthy) == "synced" and ctx.status.online  # not an outage


def test_an_outage_never_counts_toward_the_limit(cloud_services, worker, ctx, clock):
    conn = cloud_services.deps.conn
    clients = ctx.clients()
    switch = NetworkSwitch(clients.dynamodb, clients.sns)
    [booking] = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["D1"]],
                                       kiosk_id="KIOSK-1", now=clock.now())
    switch.cut = True
    for _ in range(4 * MAX_FAILURES):  # days offline, a try every few hours
        assert worker.run_once().offline
        clock.advance(hours=3)
    r = row(conn, confirm_id(conn, booking))
    assert r["attempts"] == 4 * MAX_FAILURES and r["failures"] == 0 and r["dead_at"] is None
    assert r["last_error"].startswith("offline: ")
    switch.cut = False
    assert worker.run_once().done == 1 and sync_state(conn, booking) == "synced"


def test_outages_between_refusals_are_not_counted(cloud_services, worker, ctx, clock,
                                                  monkeypatch):
    conn = cloud_services.deps.conn
    [booking] = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["D2"]],
                                       kiosk_id="KIOSK-1", now=clock.now())
    errors = iter([CloudError("refused"), CloudUnavailable("no network"), CloudUnavailable("x"),
                   CloudError("refused"), CloudUnavailable("no network")])

    def flaky(row, now, result):
        raise next(errors)

    monkeypatch.setattr(worker, "_process", flaky)
    for _ in range(5):
        worker.run_once()
        clock.advance(minutes=5)
    r = row(conn, confirm_id(conn, booking))
    assert (r["attempts"], r["failures"], r["dead_at"]) == (5, 2, None)  # 2 of 3 allowed


def test_a_dead_row_no_longer_blocks_its_own_bookings_later_rows(cloud_services, worker, ctx,
                                                                 clock):
    conn = cloud_services.deps.conn
    [booking] = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["E1"]],
                                       kiosk_id="KIOSK-1", now=clock.now(),
                                       contact="asha@example.com")
    conn.execute("UPDATE outbox SET payload = '{' WHERE id = ?", (confirm_id(conn, booking),))
    result = worker.run_once()
    assert (result.dead, result.done) == (1, 1)  # the confirm died; its notify went out
    assert len(sns_messages()) == 1
    assert sync_state(conn, booking) != "synced"  # the sale itself is still not in the cloud


def test_engine_status_counts_dead_letters_apart_from_pending(cloud_services, ctx, clock):
    from kiosk.cloud.engine import SyncEngine

    conn = cloud_services.deps.conn
    write_offline_bookings(conn, show_id=SHOW, seat_groups=[["F1"], ["F2"]], kiosk_id="KIOSK-1",
                           now=clock.now())
    conn.execute("UPDATE outbox SET payload = 'oops' WHERE id = (SELECT MIN(id) FROM outbox)")
    engine = SyncEngine(cloud_services.config, ctx, clock=clock)
    try:
        status = engine.tick().status
    finally:
        engine.close()
    assert (status["pending"], status["dead_letters"]) == (0, 1)
    assert status["last_error"] == ""  # a dead row is counted, not shown as the live problem


def test_a_managers_retry_sends_the_row_and_replays_what_went_past_it(cloud_services, worker,
                                                                      ctx, clock):
    """A confirm dies; the booking's refund goes through alone (a no-op in the cloud); the
    manager fixes the cause and retries: the confirm claims the seats, the refund is replayed
    behind it and frees the refunded one, so the cloud ends where the kiosk is."""
    conn = cloud_services.deps.conn
    services = cloud_services
    [booking] = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["G1", "G2"]],
                                       kiosk_id="KIOSK-1", now=clock.now())
    bad = confirm_id(conn, booking)
    good_payload = row(conn, bad)["payload"]
    conn.execute("UPDATE outbox SET payload = ? WHERE id = ?",
                 (json.dumps(json.loads(good_payload) | {"seats": ["X" * 1100]}), bad))
    with transaction(conn):
        refund = enqueue(conn, kind="refund", booking_id=booking, now=clock.now(),
                         payload={"booking_id": booking, "show_id": SHOW, "seats": ["G2"],
                                  "refund_id": 7})
    for _ in range(3):
        worker.run_once()
        clock.advance(minutes=5)
    assert row(conn, bad)["dead_at"] and row(conn, refund)["done_at"]
    assert seat_items(ctx.clients().dynamodb, TABLE, SHOW) == {}

    manager = services.auth.sign_in("9001", "9999")
    conn.execute("UPDATE outbox SET payload = ? WHERE id = ?", (good_payload, bad))  # the fix
    assert outbox.retry_dead(services.deps, manager, [bad]) == [bad]
    assert row(conn, bad)["dead_at"] is None and row(conn, refund)["done_at"] is None
    result = worker.run_once()
    assert (result.done, result.dead, result.pending) == (2, 0, 0)
    assert set(seat_items(ctx.clients().dynamodb, TABLE, SHOW)) == {"G1"}
    assert sync_state(conn, booking) == "synced"
    [audit] = conn.execute("SELECT * FROM audit WHERE action = 'outbox.retry'").fetchall()
    assert audit["staff_id"] == manager.staff_id and audit["target"] == booking
    assert json.loads(audit["detail"])["replayed"] == [refund]

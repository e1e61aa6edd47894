"""The outbox worker against moto in process: drain, order, back-off, replays, conflicts, SNS."""

from __future__ import annotations

import json

import pytest

from kiosk.cloud.channel import OnlineChannel
from kiosk.cloud.worker import Backoff, OutboxWorker
from tests.cloud.conftest import TABLE
from tests.cloud.helpers import (
    LoseResponses,
    NetworkSwitch,
    booking_items,
    outbox_rows,
    seat_items,
    sms_messages,
    sns_messages,
    write_offline_bookings,
)

SHOW = "show-future"


@pytest.fixture
def worker(cloud_services, ctx, clock):
    w = OutboxWorker(ctx, cloud_services.config.db_path, clock=clock,
                     backoff=Backoff(base_s=2.0, cap_s=60.0), rng=lambda: 1.0)
    yield w
    w.close()


def states(conn, ids):
    return {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT id, state, sync_state FROM bookings WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),))}


def test_drain_pushes_sales_once_and_marks_them_synced(cloud_services, worker, ctx, clock):
    conn = cloud_services.deps.conn
    ids = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["B1", "B2"], ["C3"]],
                                 kiosk_id="KIOSK-1", now=clock.now())
    result = worker.run_once()
    assert (result.done, result.failed, result.pending, result.conflicts) == (2, 0, 0, [])
    client = ctx.clients().dynamodb
    items = seat_items(client, TABLE, SHOW)
    assert {s: i["booking_id"] for s, i in items.items()} == {"B1": ids[0], "B2": ids[0],
                                                             "C3": ids[1]}
    assert set(booking_items(client, TABLE)) == set(ids)
    assert set(states(conn, ids).values()) == {("confirmed", "synced")}
    assert worker.run_once().done == 0  # nothing twice


def test_outage_backs_off_and_keeps_order_per_booking(cloud_services, worker, ctx, clock):
    conn = cloud_services.deps.conn
    clients = ctx.clients()
    switch = NetworkSwitch(clients.dynamodb, clients.sns)
    [booking] = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["D1", "D2"]],
                                       kiosk_id="KIOSK-1", now=clock.now())
    # a refund of one seat queued behind the (not yet sent) confirm
    from kiosk.cloud.worker import enqueue
    from kiosk.store.db import transaction

    with transaction(conn):
        enqueue(conn, kind="refund", booking_id=booking, now=clock.now(),
                payload={"booking_id": booking, "show_id": SHOW, "seats": ["D2"], "refund_id": 1})
    switch.cut = True
    result = worker.run_once()
    assert result.offline and result.failed == 1 and result.done == 0
    assert not ctx.status.online and "Cannot reach" in ctx.status.snapshot().last_error
    confirm, refund = outbox_rows(conn)
    assert confirm["attempts"] == 1 and confirm["last_error"].startswith("offline: ")
    assert confirm["next_attempt_at"] == "2026-11-25T12:00:02+00:00"  # base 2 s
    assert refund["attempts"] == 0  # never tried before its confirm
    clock.advance(seconds=2)
    worker.run_once()
    assert outbox_rows(conn)[0]["next_attempt_at"] == "2026-11-25T12:00:06+00:00"  # doubled
    switch.cut = False
    assert worker.run_once().done == 0  # still backing off
    clock.advance(seconds=4)
    result = worker.run_once()
    assert (result.done, result.pending) == (2, 0)
    items = seat_items(clients.dynamodb, TABLE, SHOW)
    assert set(items) == {"D1"} and items["D1"]["booking_id"] == booking
    assert states(conn, [booking])[booking][1] == "synced"
    assert ctx.status.online


def test_lost_response_is_replayed_without_effect(cloud_services, worker, ctx, clock):
    conn = cloud_services.deps.conn
    client = ctx.clients().dynamodb
    lose = LoseResponses(client, times=1)
    [booking] = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["E1", "E2"]],
                                       kiosk_id="KIOSK-1", now=clock.now())
    assert worker.run_once().failed == 1 and lose.lost == 1
    clock.advance(seconds=5)
    result = worker.run_once()
    assert result.done == 1 and result.conflicts == []
    items = seat_items(client, TABLE, SHOW)
    assert {i["booking_id"] for i in items.values()} == {booking}
    assert {i["version"] for i in items.values()} == {2}  # written twice, same owner
    assert list(booking_items(client, TABLE)) == [booking]
    assert states(conn, [booking])[booking] == ("confirmed", "synced")


def test_lost_race_becomes_a_conflict_and_the_customer_is_told(cloud_services, worker, ctx,
                                                               clock):
    conn = cloud_services.deps.conn
    web = OnlineChannel(ctx.claims("WEB"), clock=clock)
    web.buy(SHOW, ["F1"])  # sold online while this kiosk sold F1, F2 offline (optimistic)
    [booking] = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["F1", "F2"]],
                                       kiosk_id="KIOSK-1", now=clock.now(),
                                       contact="asha@example.com")
    result = worker.run_once()
    assert result.conflicts == [booking]
    assert states(conn, [booking])[booking] == ("conflict", "conflict")
    lost = conn.execute("SELECT lost_seats FROM cloud_conflicts WHERE booking_id = ?",
                        (booking,)).fetchone()[0]
    assert json.loads(lost) == ["F1"]
    assert conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'sync_conflict' AND "
                        "target = ?", (booking,)).fetchone()[0] == 1
    # nothing of the losing booking reached the cloud: F2 is still free
    assert "F2" not in seat_items(ctx.clients().dynamodb, TABLE, SHOW)
    [(_, body, subject, attrs)] = sns_messages()
    assert "Action needed" in subject and "F1" in body and "sold elsewhere" in body
    assert attrs["dedupe_key"]["Value"] == f"{booking}:conflict"


def test_confirmation_message_names_everything(cloud_services, worker, ctx, clock):
    conn = cloud_services.deps.conn
    [booking] = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["C5", "C6"]],
                                       kiosk_id="KIOSK-1", now=clock.now(),
                                       contact="+91 98765 43210", price_minor=25_000)
    assert worker.run_once().done == 2
    reference = conn.execute("SELECT reference FROM bookings WHERE id = ?", (booking,)).fetchone()[0]
    assert sns_messages() == []  # a phone never goes to the topic: no subscriber sees it
    [(phone, text)] = sms_messages()  # straight to the customer's phone (issue 13 point 8)
    assert phone == "+919876543210"
    assert text.startswith(f"Booking {reference} confirmed: The Test Pattern, Wed 25 Nov 2026")
    for words in (reference, "The Test Pattern", "Test Screens, Testville",
                  "Wed 25 Nov 2026, 20:30", "C5, C6", "₹500.00"):
        assert words in text


def test_an_email_goes_to_the_mailer_topic_with_its_address_only(cloud_services, worker, ctx,
                                                                 clock):
    conn = cloud_services.deps.conn
    [booking] = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["C7"]],
                                       kiosk_id="KIOSK-1", now=clock.now(),
                                       contact="asha@example.com")
    worker.run_once()
    [(arn, body, subject, attrs)] = sns_messages()
    assert arn == ctx.clients().topic_arn() and sms_messages() == []
    assert attrs["channel"]["Value"] == "email" and attrs["email"]["Value"] == "asha@example.com"
    assert attrs["dedupe_key"]["Value"] == booking
    assert "phone" not in attrs and "contact" not in attrs


def test_failed_publish_never_blocks_sales(cloud_services, worker, ctx, clock):
    conn = cloud_services.deps.conn
    sns = ctx.clients().sns
    switch = NetworkSwitch(sns)
    switch.cut = True
    first = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["B3"]], kiosk_id="KIOSK-1",
                                   now=clock.now(), contact="a@example.com")
    second = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["B4"]], kiosk_id="KIOSK-1",
                                    now=clock.now())
    worker.run_once()
    worker.run_once()
    assert {s for _, s in states(conn, first + second).values()} == {"synced"}
    notify = [r for r in outbox_rows(conn) if r["kind"] == "notify"][0]
    assert notify["done_at"] is None and notify["attempts"] >= 1
    switch.cut = False
    clock.advance(seconds=120)
    worker.run_once()
    assert len(sns_messages()) == 1
    assert worker.pending_count() == 0


def test_malformed_row_waits_without_blocking_others(cloud_services, worker, ctx, clock):
    conn = cloud_services.deps.conn
    from kiosk.cloud.worker import enqueue
    from kiosk.store.db import transaction

    with transaction(conn):
        enqueue(conn, kind="confirm", booking_id="nope", now=clock.now(), payload={"x": 1})
        enqueue(conn, kind="mystery", booking_id="nope2", now=clock.now(), payload={})
    ok = write_offline_bookings(conn, show_id=SHOW, seat_groups=[["B5"]], kiosk_id="KIOSK-1",
                                now=clock.now())
    result = worker.run_once()
    assert result.done == 1 and result.failed == 2
    assert states(conn, ok)[ok[0]][1] == "synced"
    bad = [r for r in outbox_rows(conn) if r["booking_id"] in ("nope", "nope2")]
    assert all(r["done_at"] is None and r["last_error"] for r in bad)  # kept, never dropped


def test_backoff_is_exponential_capped_and_jittered():
    b = Backoff(base_s=1.0, cap_s=30.0)
    assert [b.delay(n, lambda: 1.0) for n in (1, 2, 3, 6, 10)] == [1, 2, 4, 30, 30]
    assert b.delay(3, lambda: 0.0) == 2.0


def test_a_phone_without_its_country_code_takes_the_cinemas_and_a_bad_one_is_said(
        cloud_services, worker, ctx, clock):
    conn = cloud_services.deps.conn
    write_offline_bookings(conn, show_id=SHOW, seat_groups=[["C8"]], kiosk_id="KIOSK-1",
                           now=clock.now(), contact="98765 43210")
    write_offline_bookings(conn, show_id=SHOW, seat_groups=[["C9"]], kiosk_id="KIOSK-1",
                           now=clock.now(), contact="1234567")
    worker.run_once()
    assert [phone for phone, _ in sms_messages()] == ["+919876543210"]
    notes = {r["payload"]["contact"]: r["last_error"] for r in outbox_rows(conn)
             if r["kind"] == "notify"}
    assert "not sent" in (notes["1234567"] or "") and worker.pending_count() == 0


def test_the_confirmation_is_in_the_language_the_customer_used(cloud_services, worker, ctx,
                                                               clock):
    """A sale made in Hindi sends its SMS in Hindi (the kiosk's own language otherwise)."""
    from kiosk.services.models import Payment

    services = cloud_services
    cashier = services.auth.sign_in("1001", "1234")
    hold = services.booking.hold(cashier, SHOW, ["D8"])
    booking = services.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"),
                                       contact="+91 98765 43210", language="hi")
    worker.run_once()
    [(phone, text)] = sms_messages()
    assert phone == "+919876543210"
    assert f"बुकिंग {booking.reference} पक्की" in text and "सीटें: D8" in text
    assert "Booking reference" not in text

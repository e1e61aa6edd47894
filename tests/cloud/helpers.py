"""Test helpers for the cloud: network cuts, lost responses, reading DynamoDB and SNS back."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from botocore.exceptions import ConnectionClosedError, EndpointConnectionError

from kiosk.cloud.claims import plain
from kiosk.cloud.clients import CloudClients, Timeouts
from kiosk.cloud.partitions import show_of_pk
from kiosk.cloud.worker import enqueue
from kiosk.domain.clock import to_iso
from kiosk.domain.ids import new_id, new_reference
from kiosk.store.db import transaction


class NetworkSwitch:
    """Cut the network of some boto3 clients: every call raises EndpointConnectionError."""

    def __init__(self, *clients):
        self.cut = False
        self.calls_refused = 0
        for client in clients:
            client.meta.events.register("before-call", self._hook)

    def _hook(self, **kwargs):
        if self.cut:
            self.calls_refused += 1
            raise EndpointConnectionError(endpoint_url="http://127.0.0.1:9/cut-by-test")


class LoseResponses:
    """The write reaches DynamoDB, then the client sees a dropped connection (``times`` times)."""

    def __init__(self, client, operation: str = "TransactWriteItems", times: int = 1):
        self.left = times
        self.lost = 0
        client.meta.events.register(f"after-call.dynamodb.{operation}", self._hook)

    def _hook(self, http_response=None, **kwargs):
        if self.left > 0 and http_response is not None and http_response.status_code == 200:
            self.left -= 1
            self.lost += 1
            raise ConnectionClosedError(endpoint_url="http://moto/lost-response")


# Reading results back from a moto *server* (one Python process, also serving the kiosks under
# test) on a loaded 2-core CI: a consistent scan of a few thousand items can take well over the
# kiosk's production read timeout (3 s, 2 attempts, tuned to notice an outage in a second). The
# test's own set-up and verification calls are not what is under test, so they get patient
# timeouts and more retries (botocore "standard" mode retries read timeouts with back-off).
PATIENT_TIMEOUTS = Timeouts(connect_s=10.0, read_s=120.0, max_attempts=5)


def patient_dynamodb(cloud_config):
    """A DynamoDB client for a test's own set-up and read-back against a local moto server."""
    return CloudClients(cloud_config, PATIENT_TIMEOUTS).dynamodb


def scan_all(client, table: str) -> list[dict[str, Any]]:
    items, kwargs = [], {"TableName": table, "ConsistentRead": True}
    while True:
        page = client.scan(**kwargs)
        items.extend(plain(i) for i in page["Items"])
        if "LastEvaluatedKey" not in page:
            return items
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def seat_items(client, table: str, show_id: str) -> dict[str, dict[str, Any]]:
    return {i["sk"].removeprefix("SEAT#"): i for i in scan_all(client, table)
            if show_of_pk(i["pk"]) == show_id and i["sk"].startswith("SEAT#")}  # either layout


def booking_items(client, table: str) -> dict[str, dict[str, Any]]:
    return {i["pk"].removeprefix("BOOKING#"): i for i in scan_all(client, table)
            if i["pk"].startswith("BOOKING#")}


def write_offline_bookings(conn: sqlite3.Connection, *, show_id: str, seat_groups: list[list[str]],
                           kiosk_id: str, now: datetime, contact: str = "",
                           price_minor: int = 25_000) -> list[str]:
    """Confirmed local bookings + seat sales + outbox rows, exactly as the booking service writes
    them (brief's payload format), in one transaction: the drain is what these tests examine."""
    ids = []
    stamp = to_iso(now)
    with transaction(conn):
        for seats in seat_groups:
            booking_id, hold_id, reference = new_id(), new_id(), new_reference()
            total = price_minor * len(seats)
            conn.execute(
                "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, "
                "customer_contact, currency, total_minor, tax_minor, payment_method, state, "
                "sync_state, created_at, business_date, updated_at) VALUES "
                "(?, ?, ?, ?, 'counter', ?, ?, 'INR', ?, 0, 'card', 'confirmed', 'pending', ?, "
                "?, ?)", (booking_id, reference, hold_id, show_id, kiosk_id, contact, total, stamp,
                          now.date().isoformat(), stamp))
            conn.executemany(
                "INSERT INTO booking_seats (booking_id, seat_code, seat_type, ticket_type, "
                "price_minor, tax_minor) VALUES (?, ?, 'standard', 'adult', ?, 0)",
                [(booking_id, s, price_minor) for s in seats])
            conn.executemany("INSERT INTO seat_sales (show_id, seat_code, booking_id) "
                             "VALUES (?, ?, ?)", [(show_id, s, booking_id) for s in seats])
            enqueue(conn, kind="confirm", booking_id=booking_id, now=now, payload={
                "booking_id": booking_id, "reference": reference, "show_id": show_id,
                "seats": seats, "hold_id": hold_id, "kiosk_id": kiosk_id, "channel": "counter",
                "total_minor": total, "currency": "INR", "created_at": stamp})
            if contact:
                enqueue(conn, kind="notify", booking_id=booking_id, now=now,
                        payload={"booking_id": booking_id, "contact": contact})
            ids.append(booking_id)
    return ids


def outbox_rows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT * FROM outbox ORDER BY id").fetchall()
    return [dict(r) | {"payload": json.loads(r["payload"])} for r in rows]


def sms_messages(region: str = "ap-south-1") -> list[tuple[str, str]]:
    """(phone number, text) of every SMS published straight to a phone in this process."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.sns.models import sns_backends

    return list(sns_backends[DEFAULT_ACCOUNT_ID][region].sms_messages.values())


def sns_messages(region: str = "ap-south-1") -> list[tuple]:
    """(topic arn, message, subject, attributes) published in this process (mock_aws)."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.sns.models import sns_backends

    backend = sns_backends[DEFAULT_ACCOUNT_ID][region]
    found = []
    for arn, topic in backend.topics.items():
        for _msg_id, message, subject, attributes, _group in topic.sent_notifications:
            found.append((arn, message, subject, attributes))
    return found


def open_cinema_device(seller, cloud_config, clock, folder, kiosk_id: str):
    """Another device of the test cinema ``cin-test`` on the same cloud table: its own database
    (the test world), context and gate, and the seller's ticket keys imported (as an installer
    copies them), so it verifies what the seller signed. Close ``svc`` then ``svc.gate``."""
    from dataclasses import replace

    from kiosk.cloud.context import CloudContext
    from kiosk.cloud.gate import CloudGate
    from kiosk.services.app import open_services
    from kiosk.services.ticket_keys import merge, resolve
    from tests.factories import make_world

    seller.deps.ticket_ring()  # the seller's keys, made on first use
    config = replace(cloud_config, kiosk_id=kiosk_id, cinema_id="cin-test",
                     db_path=folder / "kiosk.db", ticket_dir=folder / "tickets")
    folder.mkdir(parents=True, exist_ok=True)
    merge(resolve(config.ticket_keys_file, config.db_path),
          resolve(cloud_config.ticket_keys_file, cloud_config.db_path), clock.now())
    gate = CloudGate(config, context=CloudContext(config), clock=clock)
    svc = open_services(config, clock=clock, gate=gate)
    make_world(svc.deps.db, clock)
    svc.gate = gate
    return svc

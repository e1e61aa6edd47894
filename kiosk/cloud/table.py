"""The single-table layout (DESIGN section 4) and idempotent creation for ``kiosk cloud init``.

Seat item    pk=SHOW#<show>     sk=SEAT#<seat>  state held|allocated|sold, hold_id, booking_id,
                                                kiosk_id, alloc_kiosk, hold_expires_at, ttl, version
             (pk=SHOW#<show>#B<n> for halls over 10,000 seats: kiosk.cloud.partitions decides)
Booking item pk=BOOKING#<id>    sk=META         the booking record (online channel, reports, audit)

A free seat has no item. ``hold_expires_at`` is epoch seconds (a number, so conditions compare
it directly). ``ttl`` (the table's TTL attribute) is set only on plain holds so DynamoDB sweeps
abandoned ones; never on an allocated seat, which must outlive any hold placed on it.
``alloc_kiosk`` remembers that a seat was set aside for a kiosk, so a released hold or a refund
gives the seat back to that kiosk instead of to everyone.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

from kiosk.cloud import day_index
from kiosk.cloud.boto_types import DynamoDBClient, SNSClient
from kiosk.cloud.errors import CloudUnavailable, translate

TTL_ATTRIBUTE = "ttl"
BATCH_GET_KEYS = 100  # keys per BatchGetItem request (DynamoDB's limit)
BATCH_GET_RETRIES = 6  # rounds for keys DynamoDB left unprocessed (throttling), with back-off
MAX_TRANSACTION_ITEMS = 100
CLAIM_CHECKS = 2  # a claim's ConditionChecks: the show not cancelled, the staff member active
# a confirm adds the booking item and the checks (kiosk.cloud.claims)
MAX_SEATS_PER_CLAIM = MAX_TRANSACTION_ITEMS - 1 - CLAIM_CHECKS


def show_pk(show_id: str) -> str:
    return f"SHOW#{show_id}"


def seat_sk(seat: str) -> str:
    return f"SEAT#{seat}"


def seat_key(show_id: str, seat: str) -> dict[str, Any]:
    return {"pk": {"S": show_pk(show_id)}, "sk": {"S": seat_sk(seat)}}


def booking_key(booking_id: str) -> dict[str, Any]:
    return {"pk": {"S": f"BOOKING#{booking_id}"}, "sk": {"S": "META"}}


def catalogue_key(cinema_id: str, sk: str) -> dict[str, Any]:
    """A ``CINEMA#<cinema>`` item (catalogue, staff, the VERSION item: DESIGN 4b)."""
    return {"pk": {"S": f"CINEMA#{cinema_id}"}, "sk": {"S": sk}}


def show_item_sk(show_id: str) -> str:
    return f"SHOW#{show_id}"


def staff_item_sk(staff_number: str) -> str:
    return f"STAFF#{staff_number}"


def seat_from_sk(sk: str) -> str:
    return sk.removeprefix("SEAT#")


def batch_get(client: Any, table: str, keys: Sequence[dict[str, Any]], *, consistent: bool,
              projection: str | None = None, names: dict[str, str] | None = None,
              send: Callable[[Callable[[], dict[str, Any]]], dict[str, Any]] | None = None,
              busy: str = "The cloud is busy (reads throttled); will retry.",
              ) -> Iterator[dict[str, Any]]:
    """Every item found for ``keys`` (raw attribute values; a missing key yields nothing).

    One place for BatchGetItem's two rules: at most 100 keys a request, and keys the answer
    leaves unprocessed (throttling) asked for again after a back-off, so a busy table never
    reads as "no item" (for a seat, that would read as free). ``send`` runs each request (a
    context's retry and error translation, or a counter); by default it is called directly.
    Raises CloudUnavailable(``busy``) when keys are still unprocessed after the last round."""
    unique = list({(k["pk"]["S"], k["sk"]["S"]): k for k in keys}.values())
    extra: dict[str, Any] = {"ConsistentRead": consistent}
    if projection:
        extra["ProjectionExpression"] = projection
    if names:
        extra["ExpressionAttributeNames"] = names
    for start in range(0, len(unique), BATCH_GET_KEYS):
        pending: list[dict[str, Any]] = unique[start:start + BATCH_GET_KEYS]
        for attempt in range(BATCH_GET_RETRIES):
            request = {table: {"Keys": pending, **extra}}
            ask = partial(client.batch_get_item, RequestItems=request)
            answer = send(ask) if send is not None else ask()
            yield from answer.get("Responses", {}).get(table, [])
            pending = answer.get("UnprocessedKeys", {}).get(table, {}).get("Keys", [])
            if not pending:
                break
            time.sleep(min(2.0, 0.05 * 2 ** attempt))  # throttled: DynamoDB asks to back off
        if pending:
            raise CloudUnavailable(busy)


def ensure_table(client: DynamoDBClient, table: str, wait_s: float = 30.0) -> bool:
    """Create the table (and enable TTL) unless it exists; True when it was created now."""
    try:
        try:
            client.describe_table(TableName=table)
            created = False
        except client.exceptions.ResourceNotFoundException:
            client.create_table(
                TableName=table,
                KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                           {"AttributeName": "sk", "KeyType": "RANGE"}],
                AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                      {"AttributeName": "sk", "AttributeType": "S"},
                                      *day_index.ATTRIBUTES],
                GlobalSecondaryIndexes=[day_index.GSI],  # the ledger's business days
                BillingMode="PAY_PER_REQUEST",
            )
            created = True
        deadline = time.monotonic() + wait_s
        while client.describe_table(TableName=table)["Table"]["TableStatus"] != "ACTIVE":
            if time.monotonic() > deadline:
                raise TimeoutError(f"table {table} did not become ACTIVE within {wait_s:.0f} s")
            time.sleep(0.5)
        day_index.ensure_by_day(client, table)  # a table made before the index gets it now
        ttl = client.describe_time_to_live(TableName=table)["TimeToLiveDescription"]
        if ttl.get("TimeToLiveStatus") not in ("ENABLED", "ENABLING"):
            client.update_time_to_live(
                TableName=table,
                TimeToLiveSpecification={"Enabled": True, "AttributeName": TTL_ATTRIBUTE},
            )
        return created
    except TimeoutError:
        raise
    except Exception as exc:  # noqa: BLE001 - translated into a plain message
        raise translate(exc) from exc


def ensure_topic(sns_client: SNSClient, topic_arn: str, topic_name: str) -> str:
    """The topic's ARN: the configured one if it exists, else ``create_topic`` (idempotent)."""
    try:
        if topic_arn:
            sns_client.get_topic_attributes(TopicArn=topic_arn)
            return topic_arn
        created: str = sns_client.create_topic(Name=topic_name)["TopicArn"]
        return created
    except Exception as exc:  # noqa: BLE001
        raise translate(exc) from exc

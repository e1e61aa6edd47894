"""The ``by_day`` GSI: a cinema's business day in one Query (DESIGN 4b "Sales").

Hash ``day_pk = DAY#<cinema>#<YYYY-MM-DD>``, range ``day_sk`` (``BOOKING#..``, ``REFUND#..``,
``SHIFT#..``; see ``kiosk.cloud.ledger``). Items without ``day_pk`` (seats, catalogue, the
probe, heartbeats) are simply not in the index, so it costs only the ledger's writes.
``ensure_table`` creates the table with it; ``ensure_by_day`` adds it to a table made before it
existed (``kiosk cloud init`` on an old table): UpdateTable ``GlobalSecondaryIndexUpdates``,
then a wait while DynamoDB backfills the index.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from kiosk.cloud.boto_types import DynamoDBClient
from kiosk.cloud.errors import translate
from kiosk.cloud.paging import query_items

INDEX = "by_day"
ATTRIBUTES = [{"AttributeName": "day_pk", "AttributeType": "S"},
              {"AttributeName": "day_sk", "AttributeType": "S"}]
GSI = {"IndexName": INDEX,
       "KeySchema": [{"AttributeName": "day_pk", "KeyType": "HASH"},
                     {"AttributeName": "day_sk", "KeyType": "RANGE"}],
       "Projection": {"ProjectionType": "ALL"}}


def _index_status(client: DynamoDBClient, table: str) -> str | None:
    for gsi in client.describe_table(TableName=table)["Table"].get("GlobalSecondaryIndexes") or []:
        if gsi["IndexName"] == INDEX:
            return str(gsi.get("IndexStatus") or "ACTIVE")
    return None


def ensure_by_day(client: DynamoDBClient, table: str, wait_s: float = 300.0) -> bool:
    """Add the index unless the table has it; True when it was added now. Waits for ACTIVE
    (a backfill on a big table takes minutes; the manager's pull needs it finished)."""
    try:
        added = False
        if _index_status(client, table) is None:
            client.update_table(TableName=table, AttributeDefinitions=ATTRIBUTES,
                                GlobalSecondaryIndexUpdates=[{"Create": GSI}])
            added = True
        deadline = time.monotonic() + wait_s
        while _index_status(client, table) != "ACTIVE":
            if time.monotonic() > deadline:
                raise TimeoutError(f"index {INDEX} of {table} not ACTIVE within {wait_s:.0f} s")
            time.sleep(1.0)
        return added
    except TimeoutError:
        raise
    except Exception as exc:  # noqa: BLE001 - translated into a plain message
        raise translate(exc) from exc


def query_day(client: DynamoDBClient, table: str, day_pk: str, page_size: int | None = None
              ) -> Iterator[dict[str, Any]]:
    """Every item of one business day (raw DynamoDB items), page by page: a Query, not a scan.

    Eventually consistent (GSIs offer nothing else): a sale written a moment ago may show up at
    the next pull, which is why the freshness line says how old the day is.
    """
    kwargs: dict[str, Any] = {"TableName": table, "IndexName": INDEX,
                              "KeyConditionExpression": "day_pk = :d",
                              "ExpressionAttributeValues": {":d": {"S": day_pk}}}
    if page_size:
        kwargs["Limit"] = page_size
    yield from query_items(client, send=_translated, **kwargs)


def _translated(ask: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    try:
        return ask()
    except Exception as exc:  # noqa: BLE001
        raise translate(exc) from exc

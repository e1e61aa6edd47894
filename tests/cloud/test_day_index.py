"""The by_day GSI: created with the table, added to a table made before it, queried by day."""

from __future__ import annotations

from kiosk.cloud import day_index
from kiosk.cloud.table import ensure_table


def _indexes(client, table: str) -> list[str]:
    return [g["IndexName"] for g in
            client.describe_table(TableName=table)["Table"].get("GlobalSecondaryIndexes") or []]


def test_new_table_has_the_index_and_a_second_init_changes_nothing(ctx):
    client = ctx.clients().dynamodb
    assert ensure_table(client, "fresh") is True
    assert _indexes(client, "fresh") == ["by_day"]
    assert ensure_table(client, "fresh") is False
    assert day_index.ensure_by_day(client, "fresh") is False
    assert _indexes(client, "fresh") == ["by_day"]


def test_existing_table_gains_the_index_and_it_sees_old_items(ctx):
    client = ctx.clients().dynamodb
    client.create_table(  # the table as `kiosk cloud init` made it before the ledger
        TableName="old", BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                   {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                              {"AttributeName": "sk", "AttributeType": "S"}])
    for i in range(25):
        client.put_item(TableName="old", Item={
            "pk": {"S": f"BOOKING#b{i}"}, "sk": {"S": "META"},
            "day_pk": {"S": "DAY#c1#2026-12-04" if i % 5 else "DAY#c1#2026-12-03"},
            "day_sk": {"S": f"BOOKING#b{i}"}})
    client.put_item(TableName="old", Item={"pk": {"S": "SHOW#s"}, "sk": {"S": "SEAT#A1"}})
    assert _indexes(client, "old") == []
    ensure_table(client, "old")
    assert _indexes(client, "old") == ["by_day"]
    got = list(day_index.query_day(client, "old", "DAY#c1#2026-12-04", page_size=7))
    assert sorted(i["pk"]["S"] for i in got) == sorted(f"BOOKING#b{i}" for i in range(25) if i % 5)

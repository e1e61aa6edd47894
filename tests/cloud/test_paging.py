"""Paged Query and Scan (``kiosk.cloud.paging``): every item, however many pages."""

from __future__ import annotations

import pytest

from kiosk.cloud.paging import query_items, scan_items
from tests.cloud.conftest import TABLE


def _fill(client, partitions: dict[str, int]) -> None:
    for pk, count in partitions.items():
        for n in range(count):
            client.put_item(TableName=TABLE, Item={"pk": {"S": pk}, "sk": {"S": f"SEAT#{n:03d}"}})


def test_a_query_of_many_pages_yields_every_item_once_in_order(ctx):
    client = ctx.clients().dynamodb
    _fill(client, {"SHOW#A": 23, "SHOW#B": 5})
    asked: list[int] = []

    def send(ask):
        asked.append(1)
        return ask()

    kwargs = {"TableName": TABLE, "KeyConditionExpression": "pk = :pk",
              "ExpressionAttributeValues": {":pk": {"S": "SHOW#A"}}, "Limit": 5}
    items = list(query_items(client, send=send, **kwargs))
    assert [i["sk"]["S"] for i in items] == [f"SEAT#{n:03d}" for n in range(23)]
    assert len(asked) == 5  # 5 + 5 + 5 + 5 + 3: each page went through send
    assert "ExclusiveStartKey" not in kwargs  # the caller's arguments are left as they were
    again = list(query_items(client, **kwargs))  # so the same arguments read from the start
    assert len(again) == 23


def test_a_scan_of_many_pages_yields_every_item_of_the_table(ctx):
    client = ctx.clients().dynamodb
    before = {(i["pk"]["S"], i["sk"]["S"]) for i in scan_items(client, TableName=TABLE)}
    _fill(client, {"SHOW#A": 7, "SHOW#B": 6})
    after = [(i["pk"]["S"], i["sk"]["S"]) for i in scan_items(client, TableName=TABLE, Limit=4)]
    assert len(after) == len(set(after))  # no item twice across pages
    assert set(after) - before == ({("SHOW#A", f"SEAT#{n:03d}") for n in range(7)}
                                   | {("SHOW#B", f"SEAT#{n:03d}") for n in range(6)})


def test_a_failing_page_reaches_the_caller_through_send(ctx):
    client = ctx.clients().dynamodb
    _fill(client, {"SHOW#A": 6})
    calls = 0

    def send(ask):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise TimeoutError("the second page timed out")
        return ask()

    pages = query_items(client, send=send, TableName=TABLE, KeyConditionExpression="pk = :pk",
                        ExpressionAttributeValues={":pk": {"S": "SHOW#A"}}, Limit=4)
    seen = []
    with pytest.raises(TimeoutError):  # never ends as if the read were complete
        for item in pages:
            seen.append(item)
    assert len(seen) == 4

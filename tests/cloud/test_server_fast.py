"""The local endpoint's shortcuts (``kiosk.cloud.server``) answer exactly what moto answers."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from kiosk.cloud import server
from kiosk.cloud.server import LocalCloud


@pytest.fixture(scope="module")
def client():
    with LocalCloud() as cloud:
        cloud.reset()
        dynamodb = boto3.client("dynamodb", endpoint_url=cloud.endpoint_url,
                                region_name="ap-south-1")
        dynamodb.create_table(
            TableName="fast", BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                       {"AttributeName": "sk", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                  {"AttributeName": "sk", "AttributeType": "S"}])
        yield dynamodb


def _raw(client: Any, op: str, **params: Any) -> dict[str, Any]:
    """The answer's JSON as sent (before botocore parses it); BatchGetItem only."""
    bodies: list[bytes] = []

    def keep(http_response: Any, **_: Any) -> None:
        bodies.append(http_response.content)

    client.meta.events.register(f"after-call.dynamodb.{op}", keep)
    try:
        client.batch_get_item(**params)
    finally:
        client.meta.events.unregister(f"after-call.dynamodb.{op}", keep)
    return json.loads(bodies[0])


def test_batch_get_answer_is_moto_s_own(client, monkeypatch):
    for n in (1, 2):
        client.put_item(TableName="fast", Item={"pk": {"S": f"FEED#s{n}"}, "sk": {"S": "VERSION"},
                                                "v": {"N": str(n)}, "at_s": {"N": "5"}})
    request = {"RequestItems": {"fast": {
        "Keys": [{"pk": {"S": f"FEED#s{n}"}, "sk": {"S": "VERSION"}} for n in (1, 2, 3)],
        "ProjectionExpression": "pk, v", "ConsistentRead": False}}}
    fast = _raw(client, "BatchGetItem", **request)
    monkeypatch.setattr(server, "FAST_ANSWERS", False)
    moto = _raw(client, "BatchGetItem", **request)
    assert moto == fast and json.dumps(moto, sort_keys=True) == json.dumps(fast, sort_keys=True)
    assert sorted(i["v"]["N"] for i in fast["Responses"]["fast"]) == ["1", "2"]


def test_a_cached_read_never_outlives_a_write(client):
    def seats() -> list[str]:
        answer = client.query(TableName="fast", KeyConditionExpression="pk = :pk",
                              ExpressionAttributeValues={":pk": {"S": "SHOW#x"}})
        return [i["sk"]["S"] for i in answer["Items"]]

    assert seats() == []
    hits = server.READ_CACHE.hits
    assert seats() == [] and server.READ_CACHE.hits == hits + 1  # the same read, no write
    client.put_item(TableName="fast", Item={"pk": {"S": "SHOW#x"}, "sk": {"S": "SEAT#A1"}})
    assert seats() == ["SEAT#A1"]
    client.update_item(TableName="fast", Key={"pk": {"S": "SHOW#x"}, "sk": {"S": "SEAT#A1"}},
                       UpdateExpression="SET #s = :s", ExpressionAttributeNames={"#s": "state"},
                       ExpressionAttributeValues={":s": {"S": "sold"}})
    item = client.get_item(TableName="fast", Key={"pk": {"S": "SHOW#x"}, "sk": {"S": "SEAT#A1"}})
    assert item["Item"]["state"] == {"S": "sold"}


def test_a_query_reads_its_partition_only_and_answers_as_moto_does(client, monkeypatch):
    for show in ("q1", "q2"):
        for n in range(12):
            client.put_item(TableName="fast", Item={
                "pk": {"S": f"SHOW#{show}"}, "sk": {"S": f"SEAT#A{n:02d}"},
                "state": {"S": "sold" if n % 3 else "held"}, "n": {"N": str(n)}})
    asks = [
        {"KeyConditionExpression": "pk = :pk", "ExpressionAttributeValues": {
            ":pk": {"S": "SHOW#q1"}}},
        {"KeyConditionExpression": "pk = :pk AND sk BETWEEN :lo AND :hi",
         "ExpressionAttributeValues": {":pk": {"S": "SHOW#q2"}, ":lo": {"S": "SEAT#A03"},
                                       ":hi": {"S": "SEAT#A09"}},
         "ScanIndexForward": False},
        {"KeyConditionExpression": "pk = :pk AND begins_with(sk, :p)",
         "FilterExpression": "#s = :sold", "ExpressionAttributeNames": {"#s": "state"},
         "ExpressionAttributeValues": {":pk": {"S": "SHOW#q1"}, ":p": {"S": "SEAT#A1"},
                                       ":sold": {"S": "sold"}}},
        {"KeyConditionExpression": "pk = :pk",
         "ExpressionAttributeValues": {":pk": {"S": "SHOW#none"}}},
    ]

    def pages(ask: dict[str, Any], limit: int | None) -> list[Any]:
        out, start = [], None
        while True:
            extra = {"Limit": limit} if limit else {}
            page = client.query(TableName="fast", ConsistentRead=True, **ask, **extra,
                                **({"ExclusiveStartKey": start} if start else {}))
            out.append((page["Items"], page.get("LastEvaluatedKey")))
            start = page.get("LastEvaluatedKey")
            if not start:
                return out

    fast = [pages(ask, limit) for ask in asks for limit in (None, 4)]
    monkeypatch.setattr(server, "FAST_ANSWERS", False)
    moto = [pages(ask, limit) for ask in asks for limit in (None, 4)]
    assert fast == moto
    assert [i["sk"]["S"] for i in fast[2][0][0]] == [f"SEAT#A{n:02d}" for n in range(9, 2, -1)]
    assert len(fast[1]) == 3  # 12 seats by 4: three pages

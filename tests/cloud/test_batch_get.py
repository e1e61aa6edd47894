"""``batch_get``: DynamoDB's 100-key limit and its unprocessed keys, in one place for every reader."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.cloud import table as table_module
from kiosk.cloud.errors import CloudUnavailable
from kiosk.cloud.table import batch_get, seat_key

TABLE = "t"


class ThrottlingClient:
    """Answers each request with its items, but leaves the first ``throttle`` keys of a request
    unprocessed for ``rounds`` requests (what DynamoDB does when a partition is busy)."""

    def __init__(self, items: dict[tuple[str, str], dict[str, Any]], throttle: int, rounds: int):
        self.items, self.throttle, self.rounds = items, throttle, rounds
        self.requests: list[list[dict[str, Any]]] = []

    def batch_get_item(self, RequestItems: dict[str, Any]) -> dict[str, Any]:  # noqa: N803
        keys = RequestItems[TABLE]["Keys"]
        assert len(keys) <= 100, "DynamoDB refuses more than 100 keys a request"
        self.requests.append(keys)
        left, served = (keys[:self.throttle], keys[self.throttle:]) if self.rounds > 0 \
            else ([], keys)
        self.rounds -= 1
        found = [self.items[(k["pk"]["S"], k["sk"]["S"])] for k in served
                 if (k["pk"]["S"], k["sk"]["S"]) in self.items]
        return {"Responses": {TABLE: found},
                "UnprocessedKeys": {TABLE: {"Keys": left}} if left else {}}


def _world(n: int) -> tuple[list[dict[str, Any]], dict[tuple[str, str], dict[str, Any]]]:
    keys = [seat_key("s1", f"A{i}") for i in range(n)]
    items = {(k["pk"]["S"], k["sk"]["S"]): {**k, "state": {"S": "sold"}} for k in keys[::2]}
    return keys, items


@pytest.fixture(autouse=True)
def no_back_off(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waits: list[float] = []
    monkeypatch.setattr(table_module.time, "sleep", waits.append)
    return waits


def test_more_than_100_keys_are_asked_in_requests_of_100_and_duplicates_once() -> None:
    keys, items = _world(250)
    client = ThrottlingClient(items, throttle=0, rounds=0)
    found = list(batch_get(client, TABLE, keys + keys[:10], consistent=True))
    assert [len(r) for r in client.requests] == [100, 100, 50]
    assert sorted(i["sk"]["S"] for i in found) == sorted(k[1] for k in items)


def test_unprocessed_keys_are_asked_again_after_a_back_off(no_back_off: list[float]) -> None:
    keys, items = _world(40)
    client = ThrottlingClient(items, throttle=15, rounds=3)
    found = list(batch_get(client, TABLE, keys, consistent=True))
    assert len(found) == len(items)  # a throttled seat is never read as free
    assert [len(r) for r in client.requests] == [40, 15, 15, 15]
    assert no_back_off == [0.05, 0.1, 0.2]


def test_keys_still_unprocessed_after_the_last_round_say_the_cloud_is_busy() -> None:
    keys, items = _world(10)
    client = ThrottlingClient(items, throttle=3, rounds=99)
    with pytest.raises(CloudUnavailable, match="checks later"):
        list(batch_get(client, TABLE, keys, consistent=False, busy="checks later"))
    assert len(client.requests) == table_module.BATCH_GET_RETRIES

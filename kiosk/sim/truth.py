"""The cloud as it really is, read without faults or request cost, and its recent past.

Checks must see the true table, never what a faulty link shows a kiosk. In process, moto keeps
the table in memory: reading it there costs microseconds, where a Query through boto3 and moto's
serializer costs about 9 ms for a full show (measured), which the 300-seeds-in-90-s budget cannot
pay after every step. If moto's internals ever move, the same reads go through the real client.

The history is what eventually consistent reads serve: after every write, a snapshot of each
partition it touched. A stale read returns one of the last few states that really existed.
"""

from __future__ import annotations

import copy
from collections import deque
from typing import Any

from kiosk.cloud.claims import plain
from kiosk.cloud.paging import query_items, scan_items
from kiosk.cloud.partitions import SINGLE, Layouts
from kiosk.cloud.table import seat_from_sk

HISTORY = 4  # states per partition a stale read may return (besides the current one)
WireItem = dict[str, Any]


def _moto_backend(region: str, table: str) -> Any:
    """moto's DynamoDB backend holding ``table``, or None (then reads use the real client).

    The backend, not the table: a cancelled TransactWriteItems makes moto restore a deep copy of
    every table, so a Table object held across requests can go stale.
    """
    try:
        from moto.core import DEFAULT_ACCOUNT_ID
        from moto.dynamodb.models import dynamodb_backends

        backend = dynamodb_backends[DEFAULT_ACCOUNT_ID][region]
        _ = backend.get_table(table).items  # the attribute this module reads
        return backend
    except Exception:  # noqa: BLE001 - fall back to reads through the real client
        return None


def touched_partitions(op: str, kwargs: dict[str, Any]) -> list[str]:
    """The partition keys a write request names (its items may or may not have changed)."""
    keys: list[dict[str, Any]] = []
    if op == "transact_write_items":
        for entry in kwargs.get("TransactItems", []):
            for body in entry.values():
                keys.append(body.get("Key") or body.get("Item") or {})
    elif op in ("update_item", "delete_item"):
        keys.append(kwargs.get("Key", {}))
    elif op == "put_item":
        keys.append(kwargs.get("Item", {}))
    elif op == "batch_write_item":
        for requests in kwargs.get("RequestItems", {}).values():
            for request in requests:
                for body in request.values():
                    keys.append(body.get("Key") or body.get("Item") or {})
    return list(dict.fromkeys(k["pk"]["S"] for k in keys if "pk" in k))


class Truth:
    def __init__(self, client: Any, table: str, layouts: Layouts = SINGLE):
        self.client = client  # the real client: never faulty
        self.table = table
        self.layouts = layouts  # the run's seat partition keys (kiosk.cloud.partitions)
        self._backend = _moto_backend(client.meta.region_name, table)
        self._history: dict[str, deque[list[WireItem]]] = {}

    # -- raw partitions -------------------------------------------------------------------
    def wire_partition(self, pk: str) -> list[WireItem]:
        """Every item of the partition in DynamoDB's wire format, in sort-key order (copies)."""
        if self._backend is not None:
            from moto.dynamodb.models.dynamo_type import DynamoType

            found = self._backend.get_table(self.table).items.get(DynamoType({"S": pk}))  # .get: never grow the defaultdict
            if not found:
                return []
            return [_copy(item.to_json()["Attributes"])
                    for _sk, item in sorted(found.items(), key=lambda kv: str(kv[0].value))]
        return list(query_items(self.client, TableName=self.table, ConsistentRead=True,
                                KeyConditionExpression="pk = :pk",
                                ExpressionAttributeValues={":pk": {"S": pk}}))

    def partitions(self, prefix: str) -> list[str]:
        """Partition keys starting with ``prefix`` (e.g. every ``BOOKING#``), sorted."""
        if self._backend is not None:
            items = self._backend.get_table(self.table).items
            return sorted(str(k.value) for k, v in items.items()
                          if v and str(k.value).startswith(prefix))
        return sorted({i["pk"]["S"] for i in scan_items(self.client, TableName=self.table,
                                                        ConsistentRead=True)
                       if i["pk"]["S"].startswith(prefix)})

    # -- what the checks read -------------------------------------------------------------
    def seats(self, show_id: str) -> dict[str, dict[str, Any]]:
        """Seat code -> the seat item as plain values."""
        return {seat_from_sk(i["sk"]): i for pk in self.layouts.pks(show_id)
                for i in map(plain, self.wire_partition(pk))
                if str(i.get("sk", "")).startswith("SEAT#")}

    def booking(self, booking_id: str) -> dict[str, Any] | None:
        items = self.wire_partition(f"BOOKING#{booking_id}")
        return plain(items[0]) if items else None

    def bookings(self) -> dict[str, dict[str, Any]]:
        out = {}
        for pk in self.partitions("BOOKING#"):
            item = self.booking(pk.removeprefix("BOOKING#"))
            if item is not None:
                out[pk.removeprefix("BOOKING#")] = item
        return out

    # -- history and stale reads ----------------------------------------------------------
    def record(self, op: str, kwargs: dict[str, Any]) -> None:
        """After a write was applied: remember the new state of each partition it touched."""
        for pk in touched_partitions(op, kwargs):
            if not pk.startswith("SHOW#"):
                continue  # only seat maps are read eventually consistently
            history = self._history.setdefault(pk, deque([[]], maxlen=HISTORY + 1))
            state = self.wire_partition(pk)
            if history[-1] != state:
                history.append(state)

    def stale_answer(self, op: str, kwargs: dict[str, Any], u: float) -> dict[str, Any] | None:
        """An eventually consistent answer from an older state, or None if there is none."""
        if op == "query":
            pk = _queried_partition(kwargs)
        elif op == "get_item":
            pk = kwargs.get("Key", {}).get("pk", {}).get("S")
        else:
            return None
        history = self._history.get(pk or "")
        if not history or len(history) < 2:
            return None
        older = list(history)[:-1]
        state = copy.deepcopy(older[min(len(older) - 1, int(u * len(older)))])
        meta = {"HTTPStatusCode": 200, "HTTPHeaders": {}, "RetryAttempts": 0}
        if op == "get_item":
            sk = kwargs["Key"].get("sk", {}).get("S")
            match = [i for i in state if i.get("sk", {}).get("S") == sk]
            return {"Item": match[0], "ResponseMetadata": meta} if match else {"ResponseMetadata": meta}
        start = kwargs.get("ExclusiveStartKey")
        if start:
            state = [i for i in state if i["sk"]["S"] > start["sk"]["S"]]
        answer: dict[str, Any] = {"ResponseMetadata": meta}
        limit = kwargs.get("Limit")
        if limit and len(state) > limit:
            state = state[:limit]
            answer["LastEvaluatedKey"] = {"pk": state[-1]["pk"], "sk": state[-1]["sk"]}
        answer.update(Items=state, Count=len(state), ScannedCount=len(state))
        return answer


def _copy(wire: WireItem) -> WireItem:
    """A copy safe to keep: ``to_json`` builds new dicts but may share a set's value list."""
    return {k: {t: (list(v) if isinstance(v, list) else v) for t, v in typed.items()}
            for k, typed in wire.items()}


def _queried_partition(kwargs: dict[str, Any]) -> str | None:
    """The partition of a ``pk = :x`` Query (the only form the kiosk sends), else None."""
    condition = str(kwargs.get("KeyConditionExpression", "")).strip()
    left, _, right = condition.partition("=")
    if left.strip() != "pk" or " " in right.strip():
        return None
    value = kwargs.get("ExpressionAttributeValues", {}).get(right.strip(), {})
    return value.get("S")

"""Collections in DynamoDB: a booking's tickets are collected once, at whichever kiosk
(issue 13 point 1).

    COLLECT#<cinema>#<booking id> / META   reference, kiosk_id, collected_at

Collecting puts the item only if absent; a second kiosk is told where and when the tickets were
collected. When the printer then fails, the kiosk gives the collection back (``release``: only
its own item), so the customer can try again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.cloud.claims import av, plain
from kiosk.cloud.errors import translate
from kiosk.cloud.part import CloudPart


def collect_pk(cinema_id: str, booking_id: str) -> str:
    return f"COLLECT#{cinema_id}#{booking_id}"


@dataclass(frozen=True)
class FirstCollection:
    kiosk_id: str
    collected_at: str


class AlreadyCollected(Exception):
    def __init__(self, first: FirstCollection):
        super().__init__(f"collected at {first.kiosk_id} at {first.collected_at}")
        self.first = first


def _failed_condition(exc: Exception) -> bool:
    response = getattr(exc, "response", None)
    return isinstance(response, dict) and response.get("Error", {}).get(
        "Code") == "ConditionalCheckFailedException"


class CloudCollections(CloudPart):
    def _key(self, cinema_id: str, booking_id: str) -> dict[str, Any]:
        return {"pk": av(collect_pk(cinema_id, booking_id)), "sk": av("META")}

    def collect(self, cinema_id: str, booking_id: str, reference: str, kiosk_id: str,
                collected_at: str) -> None:
        """Take the collection; AlreadyCollected when another collection came first (a retry of
        this very one, after a lost answer, counts as ours)."""
        table = self._table()
        key = self._key(cinema_id, booking_id)

        def put() -> FirstCollection | None:
            db = self.context.dynamodb()
            item = {**key, "booking_id": av(booking_id), "reference": av(reference),
                    "kiosk_id": av(kiosk_id), "collected_at": av(collected_at)}
            try:
                db.put_item(TableName=table, Item=item,
                            ConditionExpression="attribute_not_exists(pk)")
                return None
            except Exception as exc:  # noqa: BLE001
                if not _failed_condition(exc):
                    raise translate(exc) from exc
            try:
                there = plain(db.get_item(TableName=table, Key=key,
                                          ConsistentRead=True).get("Item") or {})
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc
            return FirstCollection(str(there.get("kiosk_id", "another kiosk")),
                                   str(there.get("collected_at", "")))

        first = self.context.call(put)
        if first is None or (first.kiosk_id == kiosk_id and first.collected_at == collected_at):
            return
        raise AlreadyCollected(first)

    def release(self, cinema_id: str, booking_id: str, kiosk_id: str, collected_at: str) -> bool:
        """Give back our own collection (the printer failed); True when it was ours."""
        table = self._table()

        def delete() -> bool:
            try:
                self.context.dynamodb().delete_item(
                    TableName=table, Key=self._key(cinema_id, booking_id),
                    ConditionExpression="kiosk_id = :k AND collected_at = :t",
                    ExpressionAttributeValues={":k": av(kiosk_id), ":t": av(collected_at)})
                return True
            except Exception as exc:  # noqa: BLE001
                if _failed_condition(exc):
                    return False
                raise translate(exc) from exc

        return self.context.call(delete)

"""Promo code uses in DynamoDB: a code limited to N sales is used at most N times, cinema-wide.

Items (keys ``pk``/``sk``), one partition per code::

    PROMO#<cinema>#<code> / COUNT            uses (how many sales hold a use now)
    PROMO#<cinema>#<code> / USE#<booking id> kiosk_id, at: one per sale that used the code

A use is ONE TransactWriteItems before the sale's local commit: the USE item, conditional on not
existing, and the count raised, conditional on ``uses < max``. Two kiosks taking the last use at
the same moment: one condition fails, that sale is told the code is used up. A retry of the same
sale (same booking id) finds its USE item and counts nothing twice. A sale that never commits
locally gives its use back (``release``: the USE item deleted and the count lowered, in one
transaction, only when the USE item is there), from an outbox intent the sale's transaction
settles (``kiosk.services.promos``), as an unfinished seat claim is undone (DESIGN 5).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kiosk.cloud.claims import av
from kiosk.cloud.errors import cancel_codes, cancelled, translate
from kiosk.cloud.part import CloudPart
from kiosk.domain.clock import to_iso


def promo_pk(cinema_id: str, code: str) -> str:
    return f"PROMO#{cinema_id}#{code}"


class CodeUsedUp(Exception):
    """Every use of the code is taken."""


class CloudPromos(CloudPart):
    """Promo code uses counted in the cloud for one device."""

    def use(self, cinema_id: str, code: str, booking_id: str, max_uses: int,
            now: datetime) -> None:
        """Take one use of ``code`` for ``booking_id``; CodeUsedUp when none is left."""
        pk = promo_pk(cinema_id, code)
        items = [
            {"Put": {"TableName": self._table(), "ConditionExpression": "attribute_not_exists(pk)",
                     "Item": {"pk": av(pk), "sk": av(f"USE#{booking_id}"),
                              "kiosk_id": av(self.context.kiosk_id),
                              "at": av(to_iso(self.context.cloud_time(now)))}}},
            {"Update": {"TableName": self._table(), "Key": {"pk": av(pk), "sk": av("COUNT")},
                        "UpdateExpression": "SET uses = if_not_exists(uses, :zero) + :one",
                        "ConditionExpression": "attribute_not_exists(uses) OR uses < :max",
                        "ExpressionAttributeValues": {":zero": av(0), ":one": av(1),
                                                      ":max": av(max_uses)}}},
        ]
        self._transact(items, replay_ok=True)

    def release(self, cinema_id: str, code: str, booking_id: str) -> bool:
        """Give back the use ``booking_id`` holds; False when it holds none (nothing done)."""
        pk = promo_pk(cinema_id, code)
        items = [
            {"Delete": {"TableName": self._table(), "Key": {"pk": av(pk),
                                                            "sk": av(f"USE#{booking_id}")},
                        "ConditionExpression": "attribute_exists(pk)"}},
            {"Update": {"TableName": self._table(), "Key": {"pk": av(pk), "sk": av("COUNT")},
                        "UpdateExpression": "SET uses = uses - :one",
                        "ConditionExpression": "uses >= :one",
                        "ExpressionAttributeValues": {":one": av(1)}}},
        ]
        try:
            self._transact(items, replay_ok=False)
        except _NoUse:
            return False
        return True

    def uses(self, cinema_id: str, code: str) -> int:
        """The count now (strongly consistent)."""
        def get() -> int:
            try:
                answer = self.context.dynamodb().get_item(
                    TableName=self._table(), ConsistentRead=True,
                    Key={"pk": av(promo_pk(cinema_id, code)), "sk": av("COUNT")})
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc
            return int(answer.get("Item", {}).get("uses", {}).get("N", 0))

        return self.context.call(get)

    def _transact(self, items: list[dict[str, Any]], replay_ok: bool) -> None:
        def send() -> None:
            client = self.context.dynamodb()
            try:
                client.transact_write_items(TransactItems=items)
            except client.exceptions.TransactionCanceledException as exc:
                codes = cancel_codes(exc)
                if codes and codes[0] == "ConditionalCheckFailed":
                    if replay_ok:
                        return  # this sale holds its use already (a retry, or an answer lost)
                    raise _NoUse() from None
                if len(codes) > 1 and codes[1] == "ConditionalCheckFailed":
                    raise CodeUsedUp() from None
                raise cancelled("promo code use", codes, "try again") from None
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc

        try:
            self.context.call(send)
        except (CodeUsedUp, _NoUse):
            self.context.status.mark_ok()
            raise


class _NoUse(Exception):
    """release: the sale holds no use."""

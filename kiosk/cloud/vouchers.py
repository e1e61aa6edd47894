"""Single-use vouchers in DynamoDB: each code used once, whichever device of the cinema sells.

One item per voucher::

    VOUCHER#<cinema>#<code> / CODE   kind, label, item, valid_to, state (issued | used | void),
                                     used_by (the sale), used_kiosk, used_at

Issuing puts the item only if absent (a code made twice is refused). Using it is a conditional
update before the sale's local commit: ``state = issued``, or already used by this very sale (a
retry answers the same). Two devices using one voucher at once: one condition fails and that sale
is told it was used. A sale that never commits gives the voucher back (``release``, only while
that sale holds it), from an outbox intent the sale's transaction settles
(``kiosk.services.vouchers``), as promo code uses are (``kiosk.cloud.promos``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from kiosk.cloud.boto_types import DynamoDBClient
from kiosk.cloud.claims import av, plain
from kiosk.cloud.errors import translate
from kiosk.cloud.part import CloudPart
from kiosk.domain.clock import to_iso
from kiosk.domain.vouchers import Voucher


def voucher_pk(cinema_id: str, code: str) -> str:
    return f"VOUCHER#{cinema_id}#{code}"


class VoucherTaken(Exception):
    """The voucher's condition failed: used by another sale, or void, or unknown."""


def _voucher(item: dict[str, Any]) -> Voucher:
    p = plain(item)
    return Voucher(code=str(p["code"]), cinema_id=str(p["cinema_id"]), kind=str(p["kind"]),
                   label=str(p["label"]), item=str(p.get("item", "")),
                   valid_to=str(p.get("valid_to", "")), state=str(p.get("state", "issued")),
                   used_by=str(p.get("used_by", "")))


class CloudVouchers(CloudPart):
    """Single-use vouchers in the cloud for one device."""

    def _key(self, cinema_id: str, code: str) -> dict[str, Any]:
        return {"pk": av(voucher_pk(cinema_id, code)), "sk": av("CODE")}

    def _call(self, fn: Callable[[DynamoDBClient], Any]) -> Any:
        def run() -> Any:
            try:
                return fn(self.context.dynamodb())
            except Exception as exc:  # noqa: BLE001
                response = getattr(exc, "response", None)
                if isinstance(response, dict) and response.get("Error", {}).get(
                        "Code") == "ConditionalCheckFailedException":
                    raise VoucherTaken() from None
                raise translate(exc) from exc

        try:
            return self.context.call(run)
        except VoucherTaken:
            self.context.status.mark_ok()
            raise

    def read(self, cinema_id: str, code: str) -> Voucher | None:
        answer = self._call(lambda db: db.get_item(TableName=self._table(), ConsistentRead=True,
                                                   Key=self._key(cinema_id, code)))
        return _voucher(answer["Item"]) if "Item" in answer else None

    def issue(self, voucher: Voucher, kiosk_id: str, now: datetime) -> None:
        item = {"pk": voucher_pk(voucher.cinema_id, voucher.code), "sk": "CODE",
                "code": voucher.code, "cinema_id": voucher.cinema_id, "kind": voucher.kind,
                "label": voucher.label, "item": voucher.item, "valid_to": voucher.valid_to,
                "state": "issued", "issued_kiosk": kiosk_id, "issued_at": to_iso(now)}
        self._call(lambda db: db.put_item(
            TableName=self._table(), Item={k: av(v) for k, v in item.items()},
            ConditionExpression="attribute_not_exists(pk)"))

    def use(self, cinema_id: str, code: str, sale_key: str, now: datetime) -> None:
        """Take the voucher for ``sale_key``; VoucherTaken when another sale has it (or it is
        void or unknown). A retry of the same sale succeeds again."""
        self._call(lambda db: db.update_item(
            TableName=self._table(), Key=self._key(cinema_id, code),
            UpdateExpression="SET #state = :used, used_by = :sale, used_kiosk = :kiosk, "
                             "used_at = :at",
            ConditionExpression="attribute_exists(pk) AND (#state = :issued OR "
                                "(#state = :used AND used_by = :sale))",
            ExpressionAttributeNames={"#state": "state"},
            ExpressionAttributeValues={":used": av("used"), ":issued": av("issued"),
                                       ":sale": av(sale_key), ":kiosk": av(self.context.kiosk_id),
                                       ":at": av(to_iso(self.context.cloud_time(now)))}))

    def release(self, cinema_id: str, code: str, sale_key: str) -> bool:
        """Give the voucher back from ``sale_key`` (a sale never committed); False when that
        sale does not hold it (nothing done)."""
        try:
            self._call(lambda db: db.update_item(
                TableName=self._table(), Key=self._key(cinema_id, code),
                UpdateExpression="SET #state = :issued REMOVE used_by, used_kiosk, used_at",
                ConditionExpression="#state = :used AND used_by = :sale",
                ExpressionAttributeNames={"#state": "state"},
                ExpressionAttributeValues={":used": av("used"), ":issued": av("issued"),
                                           ":sale": av(sale_key)}))
        except VoucherTaken:
            return False
        return True

    def void(self, cinema_id: str, code: str) -> None:
        """A manager cancels an unused voucher (VoucherTaken: it was used meanwhile)."""
        self._call(lambda db: db.update_item(
            TableName=self._table(), Key=self._key(cinema_id, code),
            UpdateExpression="SET #state = :void", ConditionExpression="#state = :issued",
            ExpressionAttributeNames={"#state": "state"},
            ExpressionAttributeValues={":void": av("void"), ":issued": av("issued")}))


"""Loyalty members in DynamoDB: one balance per member for the whole chain, never below zero.

Items (keys ``pk``/``sk``), one partition per member::

    MEMBER#<phone> / PROFILE          phone, name, points, joined_at, joined_kiosk
    MEMBER#<phone> / MOVE#<move id>   one per queued change (earn, refund, clawback, join):
                                      op, points, kiosk_id, at, and for a sale its reference,
                                      cinema, what it was (the member's history on any device)
    MEMBER#<phone> / REDEEM#<sale>    one per redemption: points, kiosk_id, at

A redemption is ONE TransactWriteItems before the sale's local commit: the REDEEM item, put
only if absent (a retry of the same sale redeems once), and the balance lowered only while
``points >= n``. Two counters spending the last points of one member at once: one condition
fails and that counter is told the balance. A sale that never commits gives the points back
(``release``, from the outbox intent the sale's transaction settles: ``kiosk.services.loyalty``).

Earning, refunds and clawbacks go through the outbox (``apply``); each carries a move id and
puts its MOVE item in the same transaction, conditional on it not existing, so a replay changes
nothing. They create the profile when it is not there yet (a member who joined offline). A
clawback takes at most what the member holds: the balance never goes below zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.cloud.claims import av, plain
from kiosk.cloud.errors import CloudError, cancel_codes, cancelled, translate
from kiosk.cloud.part import CloudPart
from kiosk.domain.clock import to_iso

OPS = ("join", "earn", "refund", "clawback")
HISTORY_LIMIT = 50


def member_pk(phone: str) -> str:
    return f"MEMBER#{phone}"


class PointsShort(Exception):
    """The member holds fewer points than asked (``points``: what the cloud holds now)."""

    def __init__(self, points: int):
        super().__init__(f"the member holds {points} points")
        self.points = points


@dataclass(frozen=True)
class CloudMember:
    phone: str
    name: str
    points: int
    joined_at: str


def _member(item: dict[str, Any]) -> CloudMember:
    p = plain(item)
    return CloudMember(str(p["phone"]), str(p.get("name", "")), int(p.get("points", 0)),
                       str(p.get("joined_at", "")))


class CloudMembers(CloudPart):
    """The cloud side of loyalty for one device (``context.kiosk_id``)."""

    def _key(self, phone: str, sk: str = "PROFILE") -> dict[str, Any]:
        return {"pk": av(member_pk(phone)), "sk": av(sk)}

    def read(self, phone: str) -> CloudMember | None:
        """The member now (a strongly consistent read), or None."""
        def get() -> CloudMember | None:
            try:
                answer = self.context.dynamodb().get_item(
                    TableName=self._table(), ConsistentRead=True, Key=self._key(phone))
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc
            return _member(answer["Item"]) if "Item" in answer else None

        return self.context.call(get)

    def history(self, phone: str) -> list[dict[str, Any]]:
        """The member's sales seen by the cloud (earn moves), newest first."""
        def query() -> list[dict[str, Any]]:
            try:
                answer = self.context.dynamodb().query(
                    TableName=self._table(), ConsistentRead=True,
                    KeyConditionExpression="pk = :pk AND begins_with(sk, :move)",
                    ExpressionAttributeValues={":pk": av(member_pk(phone)), ":move": av("MOVE#")})
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc
            moves = [plain(i) for i in answer.get("Items", [])]
            sales = [m for m in moves if m.get("op") == "earn" and m.get("reference")]
            return sorted(sales, key=lambda m: str(m.get("at", "")), reverse=True)[:HISTORY_LIMIT]

        return self.context.call(query)

    def join(self, phone: str, name: str, now: datetime) -> CloudMember:
        """Create the member if new (joining again keeps the balance; a name given replaces
        the one held); returns the member as the cloud holds it."""
        def send() -> None:
            try:
                self.context.dynamodb().update_item(
                    TableName=self._table(), Key=self._key(phone),
                    **self._upsert(phone, now, name, 0))
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc

        self.context.call(send)
        member = self.read(phone)
        if member is None:  # pragma: no cover - it was just written
            raise CloudError("The member vanished from the cloud.")
        return member

    def _upsert(self, phone: str, now: datetime, name: str, points: int) -> dict[str, Any]:
        """An update that adds ``points`` and writes the profile if it is not there yet
        (whichever change reaches the cloud first creates it); ``name`` set when given."""
        expression = ("SET phone = :phone, points = if_not_exists(points, :zero) + :n, "
                      "joined_at = if_not_exists(joined_at, :joined), "
                      "joined_kiosk = if_not_exists(joined_kiosk, :kiosk)")
        values = {":phone": av(phone), ":zero": av(0), ":n": av(points),
                  ":joined": av(to_iso(now)), ":kiosk": av(self.context.kiosk_id)}
        update: dict[str, Any] = {"UpdateExpression": expression,
                                  "ExpressionAttributeValues": values}
        if name:
            update["UpdateExpression"] += ", #name = :name"
            update["ExpressionAttributeNames"] = {"#name": "name"}
            values[":name"] = av(name)
        return update

    def redeem(self, phone: str, points: int, sale_key: str, now: datetime) -> None:
        """Take ``points`` for the sale ``sale_key``; PointsShort when the member holds fewer.

        A second call for the same sale (a retry after a lost answer) takes nothing more when it
        asks for the same points. Asking for other points means the first attempt never
        committed (the caller holds the sale's live hold): that redemption is given back first,
        then the new one taken, so a sale's redemption is always what its last attempt asked."""
        for _ in range(3):
            held = self._try_redeem(phone, points, sale_key, now)
            if held is None or held == points:
                return
            self.release(phone, sale_key)  # an earlier attempt's other amount: give it back
        raise CloudError("The points redemption kept changing; try again.")

    def held(self, phone: str, sale_key: str) -> int:
        """The points the cloud holds redeemed for ``sale_key`` (0: none)."""
        def get() -> int:
            try:
                answer = self.context.dynamodb().get_item(
                    TableName=self._table(), ConsistentRead=True,
                    Key=self._key(phone, f"REDEEM#{sale_key}"))
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc
            return int(answer["Item"]["points"]["N"]) if "Item" in answer else 0

        return self.context.call(get)

    def _try_redeem(self, phone: str, points: int, sale_key: str, now: datetime) -> int | None:
        """One attempt: None when taken now, else the points this sale already holds."""
        items = [
            {"Put": {"TableName": self._table(), "ConditionExpression": "attribute_not_exists(pk)",
                     "Item": {**self._key(phone, f"REDEEM#{sale_key}"), "points": av(points),
                              "kiosk_id": av(self.context.kiosk_id),
                              "at": av(to_iso(self.context.cloud_time(now)))}}},
            {"Update": {"TableName": self._table(), "Key": self._key(phone),
                        "UpdateExpression": "SET points = points - :n",
                        "ConditionExpression": "points >= :n",
                        "ExpressionAttributeValues": {":n": av(points)}}},
        ]

        def send() -> bool:
            client = self.context.dynamodb()
            try:
                client.transact_write_items(TransactItems=items)
            except client.exceptions.TransactionCanceledException as exc:
                codes = cancel_codes(exc)
                if codes and codes[0] == "ConditionalCheckFailed":
                    return False  # this sale holds a redemption already
                if len(codes) > 1 and codes[1] == "ConditionalCheckFailed":
                    raise PointsShort(-1) from None
                raise cancelled("points redemption", codes, "try again") from None
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc
            return True

        try:
            taken = self.context.call(send)
        except PointsShort:
            self.context.status.mark_ok()
            member = self.read(phone)
            raise PointsShort(member.points if member else 0) from None
        return None if taken else self.held(phone, sale_key)

    def release(self, phone: str, sale_key: str) -> bool:
        """Give back what the sale ``sale_key`` redeemed; False when it redeemed nothing."""
        def send() -> bool:
            client = self.context.dynamodb()
            try:
                held = client.get_item(TableName=self._table(), ConsistentRead=True,
                                       Key=self._key(phone, f"REDEEM#{sale_key}"))
                if "Item" not in held:
                    return False
                points = int(held["Item"]["points"]["N"])
                client.transact_write_items(TransactItems=[
                    {"Delete": {"TableName": self._table(),
                                "Key": self._key(phone, f"REDEEM#{sale_key}"),
                                "ConditionExpression": "points = :n",
                                "ExpressionAttributeValues": {":n": av(points)}}},
                    {"Update": {"TableName": self._table(), "Key": self._key(phone),
                                "UpdateExpression": "SET points = points + :n",
                                "ExpressionAttributeValues": {":n": av(points)}}}])
            except client.exceptions.TransactionCanceledException as exc:
                codes = cancel_codes(exc)
                if codes and codes[0] == "ConditionalCheckFailed":
                    return False  # released meanwhile by another try
                raise cancelled("points release", codes, "try again") from None
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc
            return True

        return self.context.call(send)

    def apply(self, payload: dict[str, Any], now: datetime) -> int:
        """Apply one queued change (an outbox row of kind ``loyalty``); a replay is a no-op.
        Returns the points it moved (a clawback may take less than asked: what was there)."""
        op = str(payload["op"])
        if op not in OPS:
            raise CloudError(f"unknown loyalty change {op!r}")
        phone = str(payload["phone"])
        points = int(payload.get("points", 0))
        if op == "clawback":
            return self._clawback(payload, points, now)
        update = self._upsert(phone, now, str(payload.get("name") or ""), points)
        self._send(phone, update, payload, points, now)
        return points

    def _clawback(self, payload: dict[str, Any], points: int, now: datetime) -> int:
        """Take back up to ``points``: all of them while the member holds them, else what the
        member holds (read, then taken on condition the balance is still that)."""
        phone = str(payload["phone"])
        for _ in range(5):
            member = self.read(phone)
            held = member.points if member else 0
            take = min(points, held)
            if take <= 0:
                return 0
            update = {"UpdateExpression": "SET points = points - :n",
                      "ConditionExpression": "points >= :n" if take == points else "points = :held",
                      "ExpressionAttributeValues": {":n": av(take), **(
                          {":held": av(held)} if take != points else {})}}
            try:
                self._send(phone, update, payload, -take, now)
                return take
            except _Moved:
                continue  # the balance changed between the read and the write: read again
        raise CloudError("The member's points kept changing; the clawback will be tried again.")

    def _send(self, phone: str, update: dict[str, Any], payload: dict[str, Any], points: int,
              now: datetime) -> None:
        move = {"pk": member_pk(phone), "sk": f"MOVE#{payload['move_id']}",
                "kiosk_id": self.context.kiosk_id, "at": to_iso(now), "op": str(payload["op"]),
                "points": points,
                **{k: payload[k] for k in ("reference", "cinema_id", "what", "amount_minor",
                                           "currency") if payload.get(k) not in (None, "")}}
        items = [{"Update": {"TableName": self._table(), "Key": self._key(phone), **update}},
                 {"Put": {"TableName": self._table(), "Item": {k: av(v) for k, v in move.items()},
                          "ConditionExpression": "attribute_not_exists(pk)"}}]

        def send() -> None:
            client = self.context.dynamodb()
            try:
                client.transact_write_items(TransactItems=items)
            except client.exceptions.TransactionCanceledException as exc:
                codes = cancel_codes(exc)
                if len(codes) > 1 and codes[1] == "ConditionalCheckFailed":
                    return  # this move is there already: applied before, answer lost
                if codes and codes[0] == "ConditionalCheckFailed":
                    raise _Moved() from None
                raise cancelled("loyalty change", codes, "try again") from None
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc

        try:
            self.context.call(send)
        except _Moved:
            self.context.status.mark_ok()
            raise


class _Moved(Exception):
    """A clawback's condition failed: the balance moved since it was read."""

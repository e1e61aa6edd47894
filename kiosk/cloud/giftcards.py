"""Gift cards in DynamoDB: one card spent from every counter of a cinema, never below zero.

Items (keys ``pk``/``sk``), one partition per card::

    GIFTCARD#<cinema>#<code> / CARD          the card
        currency, state (active | blocked), expires_at (UTC ISO), issued_by (kiosk)
        shared_minor     what any device may take, online
        allowances       {kiosk id: minor}: set aside for that device, which alone spends it
        loaded_minor, spent_minor, credited_minor   running totals (reports, checks)
    GIFTCARD#<cinema>#<code> / MOVE#<move id>  one per change, written in the same transaction

The same idea as seat allocations (DESIGN 4): a device spends only what is set aside for it.
Online, before a sale's local commit, it sets aside what the sale needs from the shared balance
(``set_aside``: a conditional update, ``shared_minor >= amount``, on an active card that has not
expired), so two counters reaching for the last of a card at the same moment cannot both get
it: one condition fails and that counter is told what the card holds. The sale itself then
spends the device's own allowance locally, and its ``spend`` reaches the cloud through the
outbox (``allowances[kiosk] >= amount``, which only that device ever lowers). Offline, a device
spends only the allowance it already holds: the card a customer bought at this counter keeps up
to ``OFFLINE_ALLOWANCE`` here for that (``kiosk.domain.giftcards``).

Every change carries a move id (``<kiosk>#<local id>``) and puts its MOVE item in the same
transaction, conditional on it not existing: a replay (an answer lost, the outbox retrying)
cancels the transaction on the MOVE alone and is recognised as already applied; nothing is
applied twice. A card code created on two devices at once (11 random digits) is refused on the
second and dead-lettered for a manager.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.cloud.claims import av, plain
from kiosk.cloud.context import CloudContext
from kiosk.cloud.errors import CloudError, cancel_codes, cancelled, translate
from kiosk.domain.clock import Clock, to_iso
from kiosk.services.gift_cards import OUTBOX_KIND

KIND = OUTBOX_KIND  # the outbox rows this module applies
OPS = ("issue", "load", "spend", "credit", "block")


def card_pk(cinema_id: str, code: str) -> str:
    return f"GIFTCARD#{cinema_id}#{code}"


class CardRefused(Exception):
    """The card's condition failed: ``card`` is what the cloud holds now (None: no such card)."""

    def __init__(self, message: str, card: CloudCard | None = None):
        super().__init__(message)
        self.card = card


@dataclass(frozen=True)
class CloudCard:
    code: str
    cinema_id: str
    currency: str
    state: str
    expires_at: str
    shared_minor: int
    allowances: dict[str, int] = field(default_factory=dict)
    loaded_minor: int = 0
    spent_minor: int = 0
    credited_minor: int = 0

    def spendable_by(self, kiosk_id: str) -> int:
        """What a device may take online: the shared balance and its own allowance."""
        return self.shared_minor + self.allowances.get(kiosk_id, 0)

    @property
    def total_minor(self) -> int:
        return self.shared_minor + sum(self.allowances.values())


def _card(item: dict[str, Any]) -> CloudCard:
    p = plain(item)
    return CloudCard(
        code=str(p["code"]), cinema_id=str(p["cinema_id"]), currency=str(p["currency"]),
        state=str(p.get("state", "active")), expires_at=str(p["expires_at"]),
        shared_minor=int(p.get("shared_minor", 0)),
        allowances={str(k): int(v) for k, v in (p.get("allowances") or {}).items()},
        loaded_minor=int(p.get("loaded_minor", 0)), spent_minor=int(p.get("spent_minor", 0)),
        credited_minor=int(p.get("credited_minor", 0)))


class CloudCards:
    """The cloud side of gift cards for one device (``context.kiosk_id``)."""

    def __init__(self, context: CloudContext, clock: Clock | None = None, cinema_id: str = ""):
        self.context = context
        self.clock = clock or Clock()
        self.cinema_id = cinema_id  # the cinema whose cards this device spends and sells

    @property
    def kiosk_id(self) -> str:
        return self.context.kiosk_id

    def worth_trying(self) -> bool:
        """False while the shared status says the cloud is down (and it is not yet time to
        try again): callers then act offline at once rather than wait for a timeout."""
        return self.context.status.worth_trying()

    def _table(self) -> str:
        return self.context.clients().table

    def read(self, cinema_id: str, code: str) -> CloudCard | None:
        """The card now (a strongly consistent read), or None."""
        def get() -> CloudCard | None:
            try:
                answer = self.context.dynamodb().get_item(
                    TableName=self._table(), ConsistentRead=True,
                    Key={"pk": av(card_pk(cinema_id, code)), "sk": av("CARD")})
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc
            return _card(answer["Item"]) if "Item" in answer else None

        return self.context.call(get)

    def set_aside(self, cinema_id: str, code: str, amount_minor: int, move_id: str,
                  now: datetime) -> CloudCard:
        """Move ``amount_minor`` from the shared balance to this device's allowance (the online
        step before a sale). Raises CardRefused with the card as it is when it cannot."""
        update = {
            "UpdateExpression": "SET shared_minor = shared_minor - :a, "
                                "allowances.#k = if_not_exists(allowances.#k, :zero) + :a",
            "ConditionExpression": "shared_minor >= :a AND #state = :active AND expires_at > :now",
            "ExpressionAttributeNames": {"#k": self.kiosk_id, "#state": "state"},
            "ExpressionAttributeValues": {":a": av(amount_minor), ":zero": av(0),
                                          ":active": av("active"),
                                          ":now": av(to_iso(self.context.cloud_time(now)))}}
        self._transact(cinema_id, code, update, move_id,
                       {"op": "set_aside", "amount_minor": amount_minor}, now)
        card = self.read(cinema_id, code)
        if card is None:  # pragma: no cover - it was just updated
            raise CloudError("The gift card vanished from the cloud.")
        return card

    def apply(self, payload: dict[str, Any], now: datetime) -> None:
        """Apply one queued change (an outbox row of kind ``giftcard``); a replay is a no-op.
        Raises CardRefused when the card's condition fails (the row then waits for a
        manager), CloudUnavailable / CloudError as any cloud call."""
        op = payload["op"]
        if op not in OPS:
            raise CloudError(f"unknown gift card change {op!r}")
        cinema_id, code = payload["cinema_id"], payload["code"]
        amount = int(payload.get("amount_minor", 0))
        names = {"#k": payload.get("kiosk_id") or self.kiosk_id}
        if op == "issue":
            kept = int(payload.get("kept_minor", 0))
            item = {"pk": card_pk(cinema_id, code), "sk": "CARD", "code": code,
                    "cinema_id": cinema_id, "currency": payload["currency"], "state": "active",
                    "expires_at": payload["expires_at"], "issued_by": names["#k"],
                    "shared_minor": amount - kept, "allowances": {names["#k"]: kept},
                    "loaded_minor": amount, "spent_minor": 0, "credited_minor": 0}
            put = {"Put": {"TableName": self._table(), "Item": {k: av(v) for k, v in item.items()},
                           "ConditionExpression": "attribute_not_exists(pk)"}}
            self._send(cinema_id, code, put, payload["move_id"], payload, now)
            return
        if op == "load":
            kept = int(payload.get("kept_minor", 0))
            update = {"UpdateExpression": "SET shared_minor = shared_minor + :shared, "
                                          "allowances.#k = if_not_exists(allowances.#k, :zero) "
                                          "+ :kept, loaded_minor = loaded_minor + :a, "
                                          "expires_at = :exp",
                      "ConditionExpression": "attribute_exists(pk)",
                      "ExpressionAttributeNames": names,
                      "ExpressionAttributeValues": {":shared": av(amount - kept), ":kept": av(kept),
                                                    ":a": av(amount), ":zero": av(0),
                                                    ":exp": av(payload["expires_at"])}}
        elif op == "spend":
            update = {"UpdateExpression": "SET allowances.#k = allowances.#k - :a, "
                                          "spent_minor = spent_minor + :a",
                      "ConditionExpression": "allowances.#k >= :a",
                      "ExpressionAttributeNames": names,
                      "ExpressionAttributeValues": {":a": av(amount)}}
        elif op == "credit":
            update = {"UpdateExpression": "SET allowances.#k = if_not_exists(allowances.#k, :zero) "
                                          "+ :a, credited_minor = credited_minor + :a",
                      "ConditionExpression": "attribute_exists(pk)",
                      "ExpressionAttributeNames": names,
                      "ExpressionAttributeValues": {":a": av(amount), ":zero": av(0)}}
        else:  # block / unblock
            update = {"UpdateExpression": "SET #state = :s",
                      "ConditionExpression": "attribute_exists(pk)",
                      "ExpressionAttributeNames": {"#state": "state"},
                      "ExpressionAttributeValues": {":s": av(payload["state"])}}
        self._transact(cinema_id, code, update, payload["move_id"], payload, now)

    def _transact(self, cinema_id: str, code: str, update: dict[str, Any], move_id: str,
                  detail: dict[str, Any], now: datetime) -> None:
        key = {"pk": av(card_pk(cinema_id, code)), "sk": av("CARD")}
        self._send(cinema_id, code, {"Update": {"TableName": self._table(), "Key": key, **update}},
                   move_id, detail, now)

    def _send(self, cinema_id: str, code: str, change: dict[str, Any], move_id: str,
              detail: dict[str, Any], now: datetime) -> None:
        move = {"pk": card_pk(cinema_id, code), "sk": f"MOVE#{move_id}", "kiosk_id": self.kiosk_id,
                "at": to_iso(now), "op": str(detail.get("op", "")),
                "amount_minor": int(detail.get("amount_minor", 0))}
        items = [change, {"Put": {"TableName": self._table(),
                                  "Item": {k: av(v) for k, v in move.items()},
                                  "ConditionExpression": "attribute_not_exists(pk)"}}]

        def send() -> None:
            client = self.context.dynamodb()
            try:
                client.transact_write_items(TransactItems=items)
            except client.exceptions.TransactionCanceledException as exc:
                codes = cancel_codes(exc)
                if len(codes) > 1 and codes[1] == "ConditionalCheckFailed":
                    return  # this move is already there: applied before, answer lost
                if codes and codes[0] == "ConditionalCheckFailed":
                    raise CardRefused("The gift card's condition failed.") from None
                raise cancelled("gift card change", codes) from None
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc

        try:
            self.context.call(send)
        except CardRefused as refused:
            self.context.status.mark_ok()
            refused.card = self.read(cinema_id, code)
            raise

"""Seat claims in DynamoDB: every write that can take a seat is conditional (DESIGN section 4).

A hold or a confirm is ONE ``TransactWriteItems``: each seat's Update carries a condition that
admits only a free seat, an expired plain hold, a seat already this hold's / booking's (so a
replay after a lost response is harmless), or a seat allocated to this kiosk. One failed
condition cancels the whole transaction and ``CancellationReasons`` names the seats in the way.
``ClientRequestToken`` is the hold / booking id (real DynamoDB dedupes for 10 minutes; moto
ignores it), but safety never depends on it: the conditions alone make replays idempotent.

Releases, refunds and allocation hand-backs are per-seat conditional writes on the owner's id,
so they can only ever remove what this hold / booking / kiosk owns; a missing or foreign item is
"already done".

What a claim depends on (issue 10, DESIGN 4b) is checked inside the same transaction, after the
seat items (so ``CancellationReasons`` indexes below the seat count still name seats):

* the show is not cancelled: ``ConditionCheck`` on ``CINEMA#<cinema> / SHOW#<show>``,
  ``attribute_exists(pk) AND #status <> :cancelled``;
* the selling staff member is active: ``ConditionCheck`` on ``CINEMA#<cinema> /
  STAFF#<staff_number>``, ``active = :true`` (no staff check for self-service and online sales).

The rule when those items do not exist: a claim never trusts a device's belief that there is no
catalogue. Until this ``SeatClaims`` has seen the cinema published, a claim carries ONE check
instead, ``attribute_not_exists(pk)`` on ``CINEMA#<cinema> / VERSION``. Every publish writes the
version item in the same transaction as its SHOW# / STAFF# items, so "no version item" proves
there is no cancellation and no deactivation to respect (the demo, older tables, a cinema never
published keep working). The moment the cinema is published that check fails; the claim is then
sent again at once with the strict checks, which require the SHOW# and STAFF# items to exist: a
show or staff member the published catalogue does not know is refused, never waved through. A
caller that knows the catalogue comes from the cloud (``Seller.published``) starts strict. A
claim whose cinema is unknown (``Seller.cinema_id`` empty: a table with no cinema at all, such as
``kiosk cloud simulate-web`` against a bare table) carries no check; every product path names
its cinema (kiosk: show -> hall -> cinema, or ``cinema_id`` in the config; the online channel: its
``cinema_id``).

A failed check raises ``ShowCancelled`` / ``StaffInactive`` (the seats that were also in the way
are in ``.taken``): choosing other seats cannot help, so that refusal wins over "seats taken".

Before the first hold, confirm or allocation of a show, ``ensure_layout`` agrees the show's seat
layout with the cloud's layout item (``kiosk.cloud.partitions``, the guard): one conditional
PutItem per device process and show, outside the claim transactions. A disagreement raises
``SeatLayoutMismatch`` (a ``ShowCancelled``) before any seat is written.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer

from kiosk.cloud.boto_types import DynamoDBClient
from kiosk.cloud.errors import CloudUnavailable, error_code, translate
from kiosk.cloud.paging import query_items
from kiosk.cloud.partitions import LAYOUT_SK, Layouts, layout_key
from kiosk.cloud.table import (
    MAX_SEATS_PER_CLAIM,
    batch_get,
    booking_key,
    catalogue_key,
    seat_from_sk,
    show_item_sk,
    staff_item_sk,
)
from kiosk.domain.clock import to_iso
from kiosk.domain.errors import (
    InvalidInput,
    SeatLayoutMismatch,
    SeatsUnavailable,
    ShowCancelled,
    StaffInactive,
)

log = logging.getLogger(__name__)
_ser = TypeSerializer()
_de = TypeDeserializer()

NAMES = {"#state": "state"}
FREE_OR_EXPIRED = (
    "attribute_not_exists(pk)"
    " OR (#state = :held AND hold_expires_at < :now"
    " AND (attribute_not_exists(alloc_kiosk) OR alloc_kiosk = :kiosk))"
    " OR (#state = :allocated AND kiosk_id = :kiosk)"
)
# A booking's id is its hold's id: a seat sold to it whose local commit never happened (a crash,
# a refusal after the cloud claim) is still this hold's to re-hold or to sell again. A seat of
# this kiosk's allocation held by any hold is held by one of this kiosk's own (no one else may
# hold it); which of them sells it is the kiosk's local database's call, so a hold orphaned by a
# lost answer can never keep the kiosk from selling its own allocation offline (simulator seed
# 5229).
HOLD_CONDITION = (FREE_OR_EXPIRED + " OR (#state = :held AND hold_id = :hold)"
                  " OR (#state = :held AND alloc_kiosk = :kiosk)"
                  " OR (#state = :sold AND booking_id = :hold)")
CONFIRM_CONDITION = HOLD_CONDITION + " OR (#state = :sold AND booking_id = :booking)"
ALLOCATE_CONDITION = (
    "attribute_not_exists(pk)"
    " OR (#state = :held AND hold_expires_at < :now AND attribute_not_exists(alloc_kiosk))"
    " OR (#state = :allocated AND kiosk_id = :kiosk)"
)


@dataclass(frozen=True)
class Seller:
    """Who a claim is made for: the cinema whose catalogue it depends on, and the staff member.

    ``staff_number`` is "" for self-service and online sales. ``published`` True: the caller
    knows the cinema's catalogue is in the cloud, so the strict checks go first (see module).
    """

    cinema_id: str = ""
    staff_number: str = ""
    published: bool = False


NO_SELLER = Seller()
_SHOW, _STAFF, _VERSION = "show", "staff", "version"


class _CataloguePublished(Exception):
    """The version check failed: the cinema was published since; send the strict checks."""


def av(value: Any) -> dict[str, Any]:
    typed: dict[str, Any] = _ser.serialize(value)  # boto3's TypeSerializer is untyped
    return typed


def plain(item: dict[str, Any]) -> dict[str, Any]:
    """A DynamoDB item as plain Python values (numbers become int where whole)."""
    out = {}
    for key, value in item.items():
        v = _de.deserialize(value)
        # boto3 gives numbers as Decimal
        if hasattr(v, "as_integer_ratio") and not isinstance(v, bool | int | float):
            v = int(v) if v == int(v) else float(v)
        out[key] = v
    return out


def epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def request_token(kind: str, ident: str, seats: Iterable[str]) -> str:
    """<= 36 chars, stable for one logical request (same kind, id and seats)."""
    digest = hashlib.sha256(f"{kind}|{ident}|{','.join(sorted(seats))}".encode()).hexdigest()
    return digest[:36]


def _unique(seats: Iterable[str]) -> list[str]:
    ordered = list(dict.fromkeys(seats))
    if not ordered:
        raise InvalidInput("No seats given.")
    if len(ordered) > MAX_SEATS_PER_CLAIM:
        raise InvalidInput(f"At most {MAX_SEATS_PER_CLAIM} seats can be sold in one booking.")
    return ordered


def _refusal(failed: dict[str, dict[str, Any]], taken: tuple[str, ...]) -> Exception:
    """The exception for failed ConditionChecks (by kind); the show's refusal comes first."""
    if _VERSION in failed:
        return _CataloguePublished()
    if _SHOW in failed:
        if not failed[_SHOW].get("Item"):
            return ShowCancelled("This show is not in the cinema's published schedule (it may "
                                 "have been removed), so its seats cannot be sold. Nothing was "
                                 "sold or charged.", taken)
        return ShowCancelled(taken=taken)
    if not failed[_STAFF].get("Item"):
        return StaffInactive("Your staff number is not in the cinema's staff list, so you "
                             "cannot sell. Nothing was sold or charged. Please ask a manager.",
                             taken)
    return StaffInactive(taken=taken)


class SeatClaims:
    """Conditional seat writes for one kiosk (or the online channel) on one table."""

    def __init__(self, client: DynamoDBClient, table: str, kiosk_id: str,
                 published: set[str] | None = None, layouts: Layouts | None = None):
        self.client = client
        self.table = table
        self.kiosk_id = kiosk_id
        # which partition key each seat is under (kiosk.cloud.partitions): every device of a
        # table must resolve a show alike, or one seat could be claimed in two different items
        # (a fresh one when none is given: it remembers the layouts it agreed with the cloud)
        self.layouts = layouts or Layouts()
        # cinemas seen published (their version item exists; it is never deleted): shared
        # through the CloudContext so a kiosk pays the wasted first try once per process
        self._published: set[str] = published if published is not None else set()
        self.layout_warning = ""  # set by show_items when the cloud's layout item disagrees

    # -- the layout guard (kiosk.cloud.partitions) ---------------------------------------------
    def _layout_item(self, show_id: str) -> int | None:
        item = self.client.get_item(TableName=self.table, Key=layout_key(show_id),
                                    ConsistentRead=True).get("Item")
        return int(item["blocks"]["N"]) if item and "blocks" in item else None

    def ensure_layout(self, show_id: str) -> int:
        """Agree the show's block count with the cloud's layout item before claiming its seats.

        Once per ``Layouts`` (device process) and show: a conditional PutItem that creates the
        item or finds it equal. Another count raises ``SeatLayoutMismatch`` and nothing is
        written to any seat; a device whose catalogue does not know the show adopts the cloud's
        count (or claims the single layout when there is none yet).
        """
        cached = self.layouts.ensured.get((self.table, show_id))
        if cached is not None:
            return cached
        try:
            belief = self.layouts.belief(show_id)
            if belief is None:  # no catalogue for it: follow the cloud, else the single layout
                existing = self._layout_item(show_id)
                if existing is not None:
                    self.layouts.adopt(show_id, existing)
                    self.layouts.ensured[(self.table, show_id)] = existing
                    return existing
            blocks = belief or 1
            try:
                self.client.put_item(
                    TableName=self.table,
                    Item={**layout_key(show_id), "blocks": {"N": str(blocks)},
                          "set_by": av(self.kiosk_id)},
                    ConditionExpression="attribute_not_exists(pk) OR blocks = :n",
                    ExpressionAttributeValues={":n": {"N": str(blocks)}})
            except Exception as exc:  # noqa: BLE001 - narrowed just below
                if error_code(exc) != "ConditionalCheckFailedException":
                    raise
                cloud = self._layout_item(show_id)
                if cloud is None or cloud == blocks:  # cannot happen (the item is never
                    raise CloudUnavailable("The show's seat layout could not be agreed with "
                                           "the cloud; will retry.") from None  # removed)
                if belief is not None:
                    log.warning("[layout] show %s: this device (%s) puts its seats in %d "
                                "partition key(s), the cloud's layout item says %d: claim "
                                "refused", show_id, self.kiosk_id, belief, cloud)
                    self.layouts.forget(show_id)  # a pull may put it right: ask again
                    raise SeatLayoutMismatch(show_id, belief, cloud) from None
                blocks = cloud  # lost the race to a device that knows the show: follow it
            if belief is None:
                self.layouts.adopt(show_id, blocks)
        except SeatLayoutMismatch:
            raise
        except Exception as exc:  # noqa: BLE001
            raise translate(exc) from exc
        self.layouts.ensured[(self.table, show_id)] = blocks
        return blocks

    # -- transactions -------------------------------------------------------------------------
    def _transact(self, items: list[dict[str, Any]], seats: list[str], token: str,
                  checks: Sequence[str] = ()) -> None:
        """Send one claim; ``checks`` name the ConditionChecks at the end of ``items``."""
        try:
            try:
                self.client.transact_write_items(TransactItems=items, ClientRequestToken=token)
            except Exception as exc:  # noqa: BLE001 - narrowed just below
                if error_code(exc) != "IdempotentParameterMismatchException":
                    raise
                # A replay within DynamoDB's 10-minute token window whose ``:now`` moved on:
                # send it without the token; the conditions alone keep the replay harmless.
                self.client.transact_write_items(TransactItems=items)
        except self.client.exceptions.TransactionCanceledException as exc:
            reasons = exc.response.get("CancellationReasons") or []
            taken = [seats[i] for i, r in enumerate(reasons)
                     if i < len(seats) and r.get("Code") == "ConditionalCheckFailed"]
            first_check = len(items) - len(checks)
            failed = {checks[i - first_check]: r for i, r in enumerate(reasons)
                      if i >= first_check and r.get("Code") == "ConditionalCheckFailed"}
            if failed:
                raise _refusal(failed, tuple(taken)) from None
            if taken:
                raise SeatsUnavailable(taken) from None
            codes = sorted({r.get("Code", "?") for r in reasons} - {"None"})
            raise CloudUnavailable(f"The cloud cancelled the claim ({', '.join(codes)}); "
                                   "will retry.") from None
        except Exception as exc:  # noqa: BLE001
            raise translate(exc) from exc

    def _checks(self, show_id: str, seller: Seller, strict: bool
                ) -> tuple[list[dict[str, Any]], list[str]]:
        """The ConditionCheck items a claim carries (see the module) and what each checks."""
        cinema = seller.cinema_id
        if not cinema:
            return [], []
        if not strict:
            return [{"ConditionCheck": {
                "TableName": self.table, "Key": catalogue_key(cinema, "VERSION"),
                "ConditionExpression": "attribute_not_exists(pk)"}}], [_VERSION]
        items = [{"ConditionCheck": {
            "TableName": self.table, "Key": catalogue_key(cinema, show_item_sk(show_id)),
            "ConditionExpression": "attribute_exists(pk) AND #status <> :cancelled",
            "ExpressionAttributeNames": {"#status": "status"},
            "ExpressionAttributeValues": {":cancelled": av("cancelled")},
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}}]
        kinds = [_SHOW]
        if seller.staff_number:
            items.append({"ConditionCheck": {
                "TableName": self.table,
                "Key": catalogue_key(cinema, staff_item_sk(seller.staff_number)),
                "ConditionExpression": "active = :true",
                "ExpressionAttributeValues": {":true": av(True)},
                "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}})
            kinds.append(_STAFF)
        return items, kinds

    def _claim(self, show_id: str, seller: Seller, seats: list[str], kind: str, ident: str,
               build: Callable[[], list[dict[str, Any]]]) -> None:
        """Send the seat items ``build`` makes plus the checks; switch to strict once published."""
        strict = seller.published or seller.cinema_id in self._published
        for _ in range(2):
            checks, kinds = self._checks(show_id, seller, strict)
            mode = "s" if strict else "u"
            try:
                self._transact(build() + checks, seats,
                               request_token(f"{kind}:{mode}", ident, seats), kinds)
                return
            except _CataloguePublished:
                self._published.add(seller.cinema_id)
                strict = True
        raise CloudUnavailable("The cinema's catalogue changed during the claim; will retry.")

    def _values(self, now: datetime, **extra: Any) -> dict[str, Any]:
        values = {":held": "held", ":allocated": "allocated", ":sold": "sold",
                  ":kiosk": self.kiosk_id, ":now": epoch(now), ":zero": 0, ":one": 1}
        values.update(extra)
        return {k: av(v) for k, v in values.items()}

    def claim_hold(self, *, show_id: str, seats: Iterable[str], hold_id: str,
                   expires_at: datetime, now: datetime, allocated: Collection[str] = (),
                   seller: Seller = NO_SELLER) -> None:
        """Hold the seats until ``expires_at``; raise SeatsUnavailable naming the seats lost,
        ShowCancelled / StaffInactive when the seller's checks fail.

        ``allocated`` are seats this kiosk believes are set aside for it: their holds get no TTL,
        so DynamoDB never sweeps away the allocation underneath an abandoned hold.
        """
        seats = _unique(seats)
        self.ensure_layout(show_id)  # before any seat key is chosen (the guard)
        items = []
        for seat in seats:  # built once: the seat Updates are the same in both check modes
            ttl = "" if seat in allocated else ", #ttl = :exp"
            values = self._values(now, **{":hold": hold_id, ":exp": epoch(expires_at)})
            names = dict(NAMES)
            if ttl:
                names["#ttl"] = "ttl"
            items.append({"Update": {
                "TableName": self.table, "Key": self.layouts.key(show_id, seat),
                "UpdateExpression": "SET #state = :held, hold_id = :hold, kiosk_id = :kiosk, "
                                    "hold_expires_at = :exp, version = if_not_exists(version, :zero)"
                                    f" + :one{ttl} REMOVE booking_id",
                "ConditionExpression": HOLD_CONDITION,
                "ExpressionAttributeNames": names, "ExpressionAttributeValues": values,
            }})
        # an unchanged request (same hold, seats and expiry) gets the same token
        self._claim(show_id, seller, seats, "hold", f"{hold_id}@{epoch(expires_at)}",
                    lambda: list(items))

    def confirm(self, *, show_id: str, seats: Iterable[str], booking_id: str, hold_id: str,
                now: datetime, record: dict[str, Any], seller: Seller = NO_SELLER) -> None:
        """Sell the seats to the booking and write its booking item, all or nothing (checked
        like ``claim_hold``)."""
        seats = _unique(seats)
        self.ensure_layout(show_id)
        values = self._values(now, **{":hold": hold_id or "-", ":booking": booking_id,
                                      ":sold_at": to_iso(now)})
        items: list[dict[str, Any]] = [{"Update": {
            "TableName": self.table, "Key": self.layouts.key(show_id, seat),
            "UpdateExpression": "SET #state = :sold, booking_id = :booking, kiosk_id = :kiosk, "
                                "sold_at = :sold_at, version = if_not_exists(version, :zero) + :one "
                                "REMOVE hold_id, hold_expires_at, #ttl",
            "ConditionExpression": CONFIRM_CONDITION,
            "ExpressionAttributeNames": {**NAMES, "#ttl": "ttl"},
            "ExpressionAttributeValues": values,
        }} for seat in seats]
        booking_item = {k: av(v) for k, v in record.items() if v is not None and v != ""}
        booking_item.update(booking_key(booking_id))
        booking_item["booking_id"] = av(booking_id)
        booking_item["seats"] = av(list(seats))
        booking_item["state"] = av(record.get("state", "confirmed"))
        items.append({"Put": {"TableName": self.table, "Item": booking_item}})
        self._claim(show_id, seller, seats, "confirm", booking_id, lambda: list(items))

    def allocate(self, *, show_id: str, seats: Iterable[str], now: datetime) -> None:
        """Set the seats aside for this kiosk's offline selling (all or nothing)."""
        seats = _unique(seats)
        self.ensure_layout(show_id)
        values = self._values(now, **{":at": to_iso(now)})
        items = [{"Update": {
            "TableName": self.table, "Key": self.layouts.key(show_id, seat),
            "UpdateExpression": "SET #state = :allocated, kiosk_id = :kiosk, alloc_kiosk = :kiosk, "
                                "allocated_at = :at, version = if_not_exists(version, :zero) + :one "
                                "REMOVE hold_id, hold_expires_at, #ttl, booking_id",
            "ConditionExpression": ALLOCATE_CONDITION,
            "ExpressionAttributeNames": {**NAMES, "#ttl": "ttl"},
            "ExpressionAttributeValues": values,
        }} for seat in seats]
        self._transact(items, seats, request_token("allocate", self.kiosk_id, seats))

    # -- per-seat releases --------------------------------------------------------------------
    def _conditional(self, op: str, **kwargs: Any) -> bool:
        """One conditional write; False when the condition failed (nothing of ours was there)."""
        try:
            getattr(self.client, op)(TableName=self.table, **kwargs)  # a boto3 operation
            return True
        except Exception as exc:  # noqa: BLE001
            if error_code(exc) == "ConditionalCheckFailedException":
                return False
            raise translate(exc) from exc

    def _back_to_allocation(self, key: dict[str, Any], condition: str,
                            values: dict[str, Any]) -> bool:
        return self._conditional(
            "update_item", Key=key,
            UpdateExpression="SET #state = :allocated, kiosk_id = alloc_kiosk, "
                             "version = if_not_exists(version, :zero) + :one "
                             "REMOVE hold_id, hold_expires_at, #ttl, booking_id, sold_at",
            ConditionExpression=f"({condition}) AND attribute_exists(alloc_kiosk)",
            ExpressionAttributeNames={**NAMES, "#ttl": "ttl"},
            ExpressionAttributeValues={k: av(v) for k, v in
                                       {**values, ":allocated": "allocated", ":zero": 0,
                                        ":one": 1}.items()},
        )

    def _delete_plain(self, key: dict[str, Any], condition: str, values: dict[str, Any]) -> bool:
        return self._conditional(
            "delete_item", Key=key,
            ConditionExpression=f"({condition}) AND attribute_not_exists(alloc_kiosk)",
            ExpressionAttributeNames=NAMES,
            ExpressionAttributeValues={k: av(v) for k, v in values.items()},
        )

    def _free(self, show_id: str, seats: Iterable[str], condition: str, values: dict[str, Any],
              allocated: Collection[str]) -> list[str]:
        freed = []
        for seat in dict.fromkeys(seats):
            key = self.layouts.key(show_id, seat)
            first, second = self._delete_plain, self._back_to_allocation
            if seat in allocated:
                first, second = second, first
            if first(key, condition, values) or second(key, condition, values):
                freed.append(seat)
        return freed

    def _free_sold(self, show_id: str, seats: list[str], booking_id: str,
                   allocated: Collection[str]) -> list[str]:
        """Free the seats still sold to ``booking_id`` (nothing else can match the condition)."""
        return self._free(show_id, seats, "#state = :sold AND booking_id = :booking",
                          {":sold": "sold", ":booking": booking_id}, allocated)

    def release_hold(self, *, show_id: str, seats: Iterable[str], hold_id: str,
                     allocated: Collection[str] = ()) -> list[str]:
        """Free the seats this hold still holds (an allocated seat returns to its kiosk)."""
        return self._free(show_id, seats, "#state = :held AND hold_id = :hold",
                          {":held": "held", ":hold": hold_id}, allocated)

    def refund(self, *, show_id: str, seats: Iterable[str], booking_id: str, refund_id: Any,
               now: datetime, allocated: Collection[str] = ()) -> list[str]:
        """Free the booking's seats and note the refund on its booking item."""
        seats = list(dict.fromkeys(seats))
        freed = self._free_sold(show_id, seats, booking_id, allocated)
        if seats:
            self._conditional(
                "update_item", Key=booking_key(booking_id),
                UpdateExpression="ADD refunded_seats :seats, refund_ids :rid SET updated_at = :now",
                ConditionExpression="attribute_exists(pk)",
                ExpressionAttributeValues={":seats": av(set(seats)), ":rid": av({str(refund_id)}),
                                           ":now": av(to_iso(now))},
            )
        return freed

    def void_sale(self, *, show_id: str, seats: Iterable[str], booking_id: str, now: datetime,
                  allocated: Collection[str] = (), void_item: bool = True) -> list[str]:
        """Undo a cloud sale whose local commit never happened (see ``CloudGate.claim_sale``).

        Frees only seats still sold to ``booking_id`` (and, with ``void_item``, marks its booking
        item void), so it can never touch another sale; replays find nothing left to do.
        """
        seats = list(dict.fromkeys(seats))
        freed = self._free_sold(show_id, seats, booking_id, allocated)
        if void_item:
            self._conditional(
                "update_item", Key=booking_key(booking_id),
                UpdateExpression="SET #state = :void, voided_seats = :seats, updated_at = :now",
                ConditionExpression="attribute_exists(pk)",
                ExpressionAttributeNames=NAMES,
                ExpressionAttributeValues={":void": av("void"), ":seats": av(seats),
                                           ":now": av(to_iso(now))},
            )
        return freed

    def release_allocation(self, *, show_id: str, seats: Iterable[str]) -> list[str]:
        """Hand back allocated seats that are still merely allocated to this kiosk."""
        released = []
        for seat in dict.fromkeys(seats):
            if self._conditional(
                "delete_item", Key=self.layouts.key(show_id, seat),
                ConditionExpression="#state = :allocated AND kiosk_id = :kiosk",
                ExpressionAttributeNames=NAMES,
                ExpressionAttributeValues={":allocated": av("allocated"), ":kiosk": av(self.kiosk_id)},
            ):
                released.append(seat)
        return released

    # -- reads --------------------------------------------------------------------------------
    def show_items(self, show_id: str, page_size: int | None = None,
                   consistent: bool = True) -> list[dict[str, Any]]:
        """Every seat item of the show (paginated Query of each of its partition keys).

        ``consistent=False`` halves the read cost; fine for display, where a second of lag is
        harmless because every claim is checked by its own condition anyway.
        """
        items: list[dict[str, Any]] = []
        layout: int | None = None
        try:
            pks = self.layouts.pks(show_id)
            if len(pks) > 1:  # the layout item is under SHOW#<show>, which no block query reads
                got = self.client.get_item(TableName=self.table, Key=layout_key(show_id),
                                           ConsistentRead=False).get("Item")
                layout = int(got["blocks"]["N"]) if got and "blocks" in got else None
            for pk in pks:
                kwargs: dict[str, Any] = {
                    "TableName": self.table, "KeyConditionExpression": "pk = :pk",
                    "ExpressionAttributeValues": {":pk": av(pk)},
                    "ConsistentRead": consistent,
                }
                if page_size:
                    kwargs["Limit"] = page_size
                for raw in query_items(self.client, **kwargs):
                    if raw.get("sk", {}).get("S") == LAYOUT_SK:  # the guard's item
                        layout = int(raw["blocks"]["N"]) if "blocks" in raw else None
                    else:
                        items.append(plain(raw))
        except Exception as exc:  # noqa: BLE001
            raise translate(exc) from exc
        self.layout_warning = ""
        if layout is not None and layout != len(pks):
            self.layout_warning = (f"show {show_id}: this device reads its seats from "
                                   f"{len(pks)} partition key(s), the cloud's layout item says "
                                   f"{layout}; its seat map may be wrong and claims will be "
                                   "refused until the catalogues agree")
            log.warning("[layout] %s", self.layout_warning)
        return items

    def seat_items(self, show_id: str, seats: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Seat -> its item now (strongly consistent), for just these seats; a seat with no
        item is free. What the change feed's delta reads (``kiosk.cloud.feed``): a handful of
        seats instead of the whole show."""
        keys = [self.layouts.key(show_id, s) for s in dict.fromkeys(seats)]
        found: dict[str, dict[str, Any]] = {}
        try:
            for raw in batch_get(self.client, self.table, keys, consistent=True):
                item = plain(raw)
                found[seat_from_sk(str(item["sk"]))] = item
        except CloudUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001
            raise translate(exc) from exc
        return found

    def booking_item(self, booking_id: str) -> dict[str, Any] | None:
        try:
            item = self.client.get_item(TableName=self.table, Key=booking_key(booking_id),
                                        ConsistentRead=True).get("Item")
        except Exception as exc:  # noqa: BLE001
            raise translate(exc) from exc
        return plain(item) if item else None

"""Admissions in DynamoDB: a booking is admitted once, whichever door scans it (issue 13 point 2).

One item per admitted booking::

    ADMIT#<cinema>#<booking id> / META   reference, show_id, admits (people), door, kiosk_id,
                                         admitted_at,
                                         day_pk / day_sk (the day index: the manager's counts)

Admitting is a PutItem only if the item is absent. A second door's put fails and that door is
told where and when the first admitted it. A retry of our own put after a lost answer finds our
own item (same kiosk, same time) and counts as admitted, not as a second admission. A door that
admitted offline sends its admission later the same way (``kiosk.cloud.worker``); finding another
door's item then is a double admission, listed for the manager.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.cloud import ledger
from kiosk.cloud.claims import av, plain
from kiosk.cloud.errors import translate
from kiosk.cloud.part import CloudPart


def refunded_seats(item: dict[str, Any]) -> set[str]:
    """The seats a booking item says were refunded (``SeatClaims.refund`` adds them)."""
    return {str(s) for s in item.get("refunded_seats") or ()}


def admit_pk(cinema_id: str, booking_id: str) -> str:
    return f"ADMIT#{cinema_id}#{booking_id}"


def day_sk(booking_id: str) -> str:
    return f"ADMIT#{booking_id}"


@dataclass(frozen=True)
class FirstAdmission:
    """Who admitted the booking first (the item already in the cloud)."""

    door: str
    kiosk_id: str
    admitted_at: str


class AlreadyAdmitted(Exception):
    def __init__(self, first: FirstAdmission):
        super().__init__(f"admitted at {first.door} ({first.kiosk_id}) at {first.admitted_at}")
        self.first = first


def record(*, booking_id: str, reference: str, show_id: str, cinema_id: str,
           business_date: str, seats: int, door: str, kiosk_id: str,
           admitted_at: str) -> dict[str, Any]:
    return {"pk": admit_pk(cinema_id, booking_id), "sk": "META", "booking_id": booking_id,
            "reference": reference, "show_id": show_id, "cinema_id": cinema_id,
            "business_date": business_date, "admits": int(seats), "door": door,
            "kiosk_id": kiosk_id, "admitted_at": admitted_at,
            "day_pk": ledger.day_pk(cinema_id, business_date), "day_sk": day_sk(booking_id)}


class CloudAdmissions(CloudPart):
    """This door's admissions in the cloud."""

    def booking(self, booking_id: str) -> dict[str, Any] | None:
        """The booking item as it is now (seats sold, seats refunded since, state)."""
        return self.context.call(lambda: self.context.claims().booking_item(booking_id))

    def admit(self, item: dict[str, Any]) -> None:
        """Put the admission if no door admitted the booking; AlreadyAdmitted otherwise (unless
        the item there is this very admission: a retry after a lost answer)."""
        table = self._table()

        def put() -> FirstAdmission | None:
            db = self.context.dynamodb()
            try:
                db.put_item(TableName=table, Item={k: av(v) for k, v in item.items()},
                            ConditionExpression="attribute_not_exists(pk)")
                return None
            except Exception as exc:  # noqa: BLE001
                response = getattr(exc, "response", None)
                if not (isinstance(response, dict) and response.get("Error", {}).get(
                        "Code") == "ConditionalCheckFailedException"):
                    raise translate(exc) from exc
            try:
                found = db.get_item(TableName=table, ConsistentRead=True,
                                    Key={"pk": av(item["pk"]), "sk": av("META")}).get("Item")
            except Exception as exc:  # noqa: BLE001
                raise translate(exc) from exc
            there = plain(found or {})
            return FirstAdmission(str(there.get("door", "another door")),
                                  str(there.get("kiosk_id", "")),
                                  str(there.get("admitted_at", "")))

        first = self.context.call(put)
        if first is None:
            return
        if first.kiosk_id == item["kiosk_id"] and first.admitted_at == item["admitted_at"]:
            return  # our own put, whose answer was lost
        raise AlreadyAdmitted(first)

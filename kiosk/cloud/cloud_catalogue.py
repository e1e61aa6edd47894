"""The shared catalogue read straight from DynamoDB, for a seller with no local database (the
online channel): its shows, each show's hall layout and price list, the cinema's time zone.

It keeps the cinema's valid items in memory and re-reads them only when the VERSION item moved
(one strongly consistent GetItem per ``refresh``); a changed catalogue is read whole (one
paginated Query of ``CINEMA#<cinema>`` above the change log): a web front end restarts often and
has no "last good copy" to patch, and a cinema's catalogue is a few hundred small items. Items
that fail ``kiosk.domain.catalogue_rules.item_problem`` are left out (and listed in ``problems``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from kiosk.cloud.boto_types import DynamoDBClient
from kiosk.cloud.errors import translate
from kiosk.cloud.paging import query_items
from kiosk.domain import catalogue_rules as rules
from kiosk.domain.business_day import business_date
from kiosk.domain.errors import NotFound, ShowCancelled, ShowNotOnSale
from kiosk.domain.layout import HallLayout
from kiosk.domain.pricing import PricedBasket, price_basket

AFTER_CHANGES = "CHANGE$"


class CloudCatalogue:
    def __init__(self, client: DynamoDBClient, table: str, cinema_id: str):
        self.client = client
        self.table = table
        self.cinema_id = cinema_id
        self.version = -1
        self.items: dict[str, dict[str, Any]] = {}
        self.problems: dict[str, str] = {}
        self._layouts: dict[str, HallLayout] = {}

    def _pk(self) -> dict[str, Any]:
        return {"S": f"CINEMA#{self.cinema_id}"}

    def refresh(self) -> bool:
        """Re-read the catalogue if its version moved; True when it did."""
        try:
            answer = self.client.get_item(TableName=self.table, ConsistentRead=True,
                                          Key={"pk": self._pk(), "sk": {"S": "VERSION"}})
            version = int(answer.get("Item", {}).get("version", {}).get("N", "0"))
            if version == self.version:
                return False
            raw = list(query_items(
                self.client, TableName=self.table, ConsistentRead=True,
                KeyConditionExpression="pk = :pk AND sk > :after",
                ExpressionAttributeValues={":pk": self._pk(), ":after": {"S": AFTER_CHANGES}}))
        except Exception as exc:  # noqa: BLE001 - an outage or a refusal, in plain words
            raise translate(exc) from exc
        items, problems = {}, {}
        for it in raw:
            sk = it["sk"]["S"]
            kind = rules.kind_of(sk)
            if kind is None:
                continue  # VERSION
            try:
                body = json.loads(it.get("body", {}).get("S", ""))
            except json.JSONDecodeError:
                problems[sk] = "the record is not valid JSON"
                continue
            problem = rules.item_problem(kind, body, sk)
            if problem:
                problems[sk] = problem
            else:
                items[sk] = body
        self.items, self.problems, self.version = items, problems, version
        self._layouts = {}
        return True

    # ---- reading -------------------------------------------------------------------------
    def info(self) -> dict[str, Any]:
        if "INFO" not in self.items:
            raise NotFound(f"Cinema {self.cinema_id} has not published its catalogue.")
        return self.items["INFO"]

    def shows_on_sale(self, now: datetime) -> list[dict[str, Any]]:
        """Scheduled shows that have not started, soonest first."""
        found = [b for sk, b in self.items.items() if rules.kind_of(sk) == "show"
                 and b["status"] == "scheduled" and datetime.fromisoformat(b["starts_at"]) > now]
        return sorted(found, key=lambda b: (b["starts_at"], b["id"]))

    def show(self, show_id: str, now: datetime) -> dict[str, Any]:
        """The show if it is on sale; ShowCancelled / ShowNotOnSale otherwise."""
        body = self.items.get(rules.sk_for("show", show_id))
        if body is None:
            raise ShowNotOnSale(f"Show {show_id} is not in cinema {self.cinema_id}'s schedule.")
        if body["status"] == "cancelled":
            raise ShowCancelled()
        if datetime.fromisoformat(body["starts_at"]) <= now:
            raise ShowNotOnSale("This show has already started.")
        return body

    def layout(self, hall_id: str) -> HallLayout:
        if hall_id not in self._layouts:
            hall = self.items.get(rules.sk_for("hall", hall_id))
            if hall is None:
                raise NotFound(f"Hall {hall_id} is not in the catalogue.")
            self._layouts[hall_id] = HallLayout.from_spec(hall["layout"])
        return self._layouts[hall_id]

    def seat_count(self, show_id: str) -> int | None:
        """Seats of the show's published hall (what its partition layout follows); None if
        the show or its hall is not in the catalogue."""
        show = self.items.get(rules.sk_for("show", show_id))
        if show is None or rules.sk_for("hall", show["hall_id"]) not in self.items:
            return None
        return self.layout(show["hall_id"]).seat_count

    def price(self, show: Mapping[str, Any], seats: Sequence[str],
              ticket_types: Mapping[str, str] | None = None) -> tuple[PricedBasket, str]:
        """(basket, currency) for these seats of the show, from its published price list."""
        plist = self.items.get(rules.sk_for("prices", show["price_list_id"]))
        if plist is None:
            raise NotFound(f"Price list {show['price_list_id']} is not in the catalogue.")
        layout = self.layout(show["hall_id"])
        prices = {(p["seat_type"], p["ticket_type"]): p["amount_minor"] for p in plist["prices"]}
        film = self.items.get(rules.sk_for("film", show["film_id"]), {})
        basket = price_basket([(code, str(layout.seat(code).type)) for code in seats],
                              ticket_types, prices, plist["tax_rate_bp"],
                              film.get("certificate", ""))
        return basket, plist["currency"]

    def business_date(self, moment: datetime) -> str:
        """The business date of a web sale: the cinema's local date, rolled past the latest day
        its manager closed (published ``DAY#`` items: kiosk.domain.business_day)."""
        closed = max((sk[len("DAY#"):] for sk in self.items if rules.kind_of(sk) == "day"),
                     default=None)
        return business_date(moment, self.info()["timezone"], closed)

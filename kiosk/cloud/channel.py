"""The online channel: sells straight through the cloud protocol, with no local database.

It plays the website in the demo (``kiosk cloud simulate-web``) and the fifth racer in the race
tests. A sale is exactly what a kiosk does online, minus SQLite: claim a hold (one transaction,
with expiry), then confirm (one transaction: seats sold + booking item). Every write goes through
the same conditions, so the channel and the kiosks can never sell one seat twice. Its claims
carry the show check of its cinema (``cinema_id``; no staff check, the web has no staff), so a
show cancelled in the cloud is refused with ``ShowCancelled`` (``kiosk.cloud.claims``).

With a ``cinema_id`` (``for_context``), what it offers and what it charges come from the shared
catalogue (``kiosk.cloud.cloud_catalogue``: the published shows, hall layouts and price lists,
re-read when the cinema's VERSION moves): a cancelled show is refused before any claim, and the
booking item carries the ledger fields (``kiosk.cloud.ledger.booking_record``: business date in
the cinema's time zone, one priced line per seat), so the manager's day report counts web sales.
Without a cinema (race tests, the old demo) it charges the flat ``price_minor``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from kiosk.cloud import ledger
from kiosk.cloud.claims import SeatClaims, Seller
from kiosk.cloud.cloud_catalogue import CloudCatalogue
from kiosk.cloud.partitions import Layouts
from kiosk.cloud.table import seat_from_sk
from kiosk.domain.clock import Clock, to_iso
from kiosk.domain.errors import SeatsUnavailable, ShowCancelled
from kiosk.domain.ids import new_id, new_reference

if TYPE_CHECKING:
    from kiosk.cloud.context import CloudContext

CHANNEL_ID = "WEB"


@dataclass(frozen=True)
class OnlineSale:
    booking_id: str
    reference: str
    show_id: str
    seats: tuple[str, ...]
    total_minor: int


class OnlineChannel:
    def __init__(self, claims: SeatClaims, *, clock: Clock | None = None,
                 hold_s: float = 300.0, currency: str = "INR", price_minor: int = 25_000,
                 cinema_id: str = "", catalogue: CloudCatalogue | None = None):
        self.claims = claims
        self.catalogue = catalogue  # the shared catalogue: shows and prices (None: flat price)
        self.seller = Seller(cinema_id)
        self.clock = clock or Clock()
        self.hold_s = hold_s
        self.currency = currency
        self.price_minor = price_minor

    @classmethod
    def for_context(cls, context: CloudContext, **kwargs: Any) -> OnlineChannel:
        kwargs.setdefault("cinema_id", context.config.cinema_id)
        if kwargs["cinema_id"] and "catalogue" not in kwargs:
            clients = context.clients()
            kwargs["catalogue"] = CloudCatalogue(context.dynamodb(), clients.table,
                                                 kwargs["cinema_id"])
        claims = context.claims(CHANNEL_ID)
        catalogue = kwargs.get("catalogue")
        if catalogue is not None:  # the web has no SQLite: its layouts follow the cloud's halls
            claims.layouts = Layouts(catalogue.seat_count, context.layouts.block_seats)
        return cls(claims, **kwargs)

    def shows(self) -> list[dict[str, Any]]:
        """The shows on sale, as published in the cinema's catalogue (cancelled ones never)."""
        if self.catalogue is None:
            return []
        self.catalogue.refresh()
        return self.catalogue.shows_on_sale(self.clock.now())

    def taken(self, show_id: str, now: datetime | None = None) -> set[str]:
        """Seats not free right now (expired plain holds count as free)."""
        now_epoch = int((now or self.clock.now()).timestamp())
        taken = set()
        for it in self.claims.show_items(show_id):
            if not str(it.get("sk", "")).startswith("SEAT#"):
                continue
            if (it.get("state") == "held" and not it.get("alloc_kiosk")
                    and int(it.get("hold_expires_at", 0)) < now_epoch):
                continue
            taken.add(seat_from_sk(it["sk"]))
        return taken

    def buy(self, show_id: str, seats: Sequence[str],
            ticket_types: dict[str, str] | None = None, contact: str = "") -> OnlineSale:
        """Hold then confirm; raises SeatsUnavailable (naming the seats) if any is gone.
        ``contact``: the customer's phone or e-mail, kept only as a digest (collection)."""
        now = self.clock.now()
        hold_id = new_id()
        booking_id = new_id()
        priced = None
        if self.catalogue is not None:  # refuse a cancelled show and price before any claim
            self.catalogue.refresh()
            show = self.catalogue.show(show_id, now)
            priced = self.catalogue.price(show, seats, ticket_types)
        self.claims.claim_hold(show_id=show_id, seats=seats, hold_id=hold_id,
                               expires_at=now + timedelta(seconds=self.hold_s), now=now,
                               seller=self.seller)
        reference = new_reference()
        if priced is not None and self.catalogue is not None:
            basket, currency = priced
            total = basket.total_minor
            record = ledger.booking_record(
                booking_id=booking_id, reference=reference, show_id=show_id,
                cinema_id=self.catalogue.cinema_id,
                business_date=self.catalogue.business_date(now), channel="online",
                kiosk_id=CHANNEL_ID, staff_number=None, currency=currency, total_minor=total,
                tax_minor=basket.tax_minor, payment_method="card", created_at=to_iso(now),
                lines=[ledger.line(ln.seat_code, ln.seat_type, ln.ticket_type, ln.price_minor,
                                   ln.tax_minor) for ln in basket.lines],
                hold_id=hold_id, contact_hash=ledger.contact_hash(contact, currency))
        else:
            total = self.price_minor * len(seats)
            record = {"reference": reference, "show_id": show_id, "hold_id": hold_id,
                      "kiosk_id": CHANNEL_ID, "channel": "online", "total_minor": total,
                      "currency": self.currency, "created_at": to_iso(now)}
            if contact:
                record["contact_hash"] = ledger.contact_hash(contact, self.currency)
            if self.seller.cinema_id:
                record["cinema_id"] = self.seller.cinema_id
        try:
            self.claims.confirm(show_id=show_id, seats=seats, booking_id=booking_id,
                                hold_id=hold_id, now=self.clock.now(), record=record,
                                seller=self.seller)
        except (SeatsUnavailable, ShowCancelled):
            self.claims.release_hold(show_id=show_id, seats=seats, hold_id=hold_id)
            raise
        return OnlineSale(booking_id, reference, show_id, tuple(seats), total)

    def sell_until_full(self, show_id: str, all_seats: Sequence[str], *, batch: int = 4,
                        rate_per_s: float = 0.0, duration_s: float | None = None,
                        rng: random.Random | None = None,
                        on_sale: Callable[[OnlineSale], None] | None = None,
                        on_miss: Callable[[SeatsUnavailable], None] | None = None
                        ) -> list[OnlineSale]:
        """Keep buying random blocks of free seats until none are left (or time is up).

        ``rate_per_s`` > 0 paces purchases (bookings per second); 0 means as fast as possible.
        Seats named in a lost race are dropped; the whole show is read again only when the
        list runs dry or after ten lost races, so the channel does not flood the table with reads.
        """
        rng = rng or random.Random()
        sales: list[OnlineSale] = []
        deadline = None if duration_s is None else time.monotonic() + duration_s
        taken = self.taken(show_id)
        free = [s for s in all_seats if s not in taken]
        rng.shuffle(free)
        misses_since_read = 0
        while free and (deadline is None or time.monotonic() < deadline):
            started = time.monotonic()
            pick, free = free[:batch], free[batch:]
            try:
                sale = self.buy(show_id, pick)
            except SeatsUnavailable as miss:
                if on_miss:
                    on_miss(miss)
                free.extend(s for s in pick if s not in miss.seats)  # the others are still free
                misses_since_read += 1
                if not free or misses_since_read >= 10:  # stale or dry: look at the whole show
                    misses_since_read = 0
                    taken = self.taken(show_id)
                    free = [s for s in all_seats if s not in taken]
                rng.shuffle(free)
                continue
            sales.append(sale)
            if on_sale:
                on_sale(sale)
            if rate_per_s > 0:
                time.sleep(max(0.0, 1.0 / rate_per_s - (time.monotonic() - started)))
        return sales

"""Offers at the sale: the discounted basket, and a promo code's use limit.

``discount`` prices a hold's seats and applies the cinema's offers (``kiosk.domain.offers``).
A code with ``max_uses`` is counted across the cinema:

* without cloud sync, here: ``record_use`` inserts the use in the sale's transaction only while
  fewer than ``max_uses`` rows exist (two counters at once: SQLite's write lock orders them; the
  second is refused and its sale rolls back);
* with cloud sync, in DynamoDB (``kiosk.cloud.promos``): ``take_use`` takes the use before the
  sale's local commit, after writing an outbox intent (kind ``promo_void``) that gives the use
  back should the sale never commit; the sale's transaction settles the intent. Offline, such a
  code is refused (the count cannot be checked); codes without a limit work offline.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from kiosk.domain.clock import local, to_iso
from kiosk.domain.offers import Discounted, Offer, PromoRefused, apply_offers
from kiosk.domain.pricing import PricedBasket
from kiosk.services import outbox
from kiosk.services.booking_catalogue import ShowInfo
from kiosk.services.deps import ServiceDeps
from kiosk.store.db import transaction

OUTBOX_KIND = "promo_void"


def discount(info: ShowInfo, basket: PricedBasket, promo_code: str, now: datetime,
             member: bool = False) -> Discounted:
    """The basket after the cinema's offers and the customer's code (PromoRefused: bad code);
    ``member``: a loyalty member is named on the sale (member prices apply)."""
    return apply_offers(basket, info.offers, film_id=info.film_id,
                        show_start_local=info.local_start,
                        sale_date=local(now, info.timezone).date(),
                        tax_rate_bp=info.tax_rate_bp, promo_code=promo_code, member=member)


def limited(offers: Discounted) -> Offer | None:
    """The code this sale uses that has a use limit, if any."""
    promo = offers.promo
    return promo if promo is not None and promo.max_uses is not None else None


def used_up(promo: Offer) -> PromoRefused:
    return PromoRefused(f"The code {promo.code} has been used the most times it may be "
                        f"({promo.max_uses}). Sell without it; nothing was charged.")


def take_use(deps: ServiceDeps, offers: Discounted, booking_id: str, hold_expires_at: datetime,
             now: datetime) -> int | None:
    """With cloud sync on, take the code's use in the cloud before the local commit; returns the
    intent row the sale's transaction must settle (None: nothing taken in the cloud)."""
    promo = limited(offers)
    cloud = deps.promo_cloud
    if promo is None or promo.max_uses is None or cloud is None:
        return None
    from kiosk.cloud.errors import CloudError, CloudUnavailable
    from kiosk.cloud.gate import VOID_AFTER  # as a seat claim's intent: after the hold's end
    from kiosk.cloud.promos import CodeUsedUp

    offline = PromoRefused(f"The code {promo.code} can be used a limited number of times, and "
                           "this kiosk cannot reach the cloud to count it now. Sell without it "
                           "or try again when the connection is back; nothing was charged.")
    if not cloud.worth_trying():
        raise offline
    conn = deps.conn
    with transaction(conn):
        intent = outbox.enqueue(conn, kind=OUTBOX_KIND, booking_id=None, now=now, payload={
            "booking_id": booking_id, "cinema_id": promo.cinema_id, "code": promo.code})
        conn.execute("UPDATE outbox SET next_attempt_at = ? WHERE id = ?",
                     (to_iso(hold_expires_at + VOID_AFTER), intent))
    try:
        cloud.use(promo.cinema_id, promo.code, booking_id, promo.max_uses, now)
    except CodeUsedUp:
        settle(conn, intent, now)
        raise used_up(promo) from None
    except (CloudUnavailable, CloudError):
        raise offline from None  # the use may have landed: the intent gives it back later
    return intent


def settle(conn: sqlite3.Connection, intent: int, now: datetime) -> None:
    with transaction(conn):
        outbox.mark_done(conn, intent, now)


def record_use(conn: sqlite3.Connection, offers: Discounted, booking_id: str, now: datetime,
               counted_in_cloud: bool) -> None:
    """Inside the sale's transaction: this device's record of the use; without the cloud, the
    limit itself (raises PromoRefused, rolling the sale back, when it is reached)."""
    promo = limited(offers)
    if promo is None:
        return
    if counted_in_cloud:
        conn.execute("INSERT INTO promo_uses (booking_id, cinema_id, code, used_at) "
                     "VALUES (?, ?, ?, ?)", (booking_id, promo.cinema_id, promo.code, to_iso(now)))
        return
    taken = conn.execute(
        "INSERT INTO promo_uses (booking_id, cinema_id, code, used_at) SELECT ?, ?, ?, ? "
        "WHERE (SELECT COUNT(*) FROM promo_uses WHERE cinema_id = ? AND code = ?) < ?",
        (booking_id, promo.cinema_id, promo.code, to_iso(now), promo.cinema_id, promo.code,
         promo.max_uses)).rowcount
    if not taken:
        raise used_up(promo)


def record_discounts(conn: sqlite3.Connection, offers: Discounted, booking_id: str) -> None:
    """The booking's discount lines (inside the sale's transaction)."""
    if offers.discounts:
        conn.executemany(
            "INSERT INTO booking_discounts (booking_id, offer_id, code, label, amount_minor) "
            "VALUES (?, ?, ?, ?, ?)",
            [(booking_id, d.offer_id, d.code, d.label, d.amount_minor) for d in offers.discounts])


def uses_here(conn: sqlite3.Connection, cinema_id: str, code: str) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM promo_uses WHERE cinema_id = ? AND code = ?",
                            (cinema_id, code)).fetchone()[0])

"""A manager's offers: add or change one, withdraw it, list them with how often codes were used.

Every change is a manager's (checked here, not only by the screens), audited, and published to
the shared catalogue with cloud sync on, so every device of the cinema sells with the same
offers. Offers are withdrawn, never deleted: past bookings keep naming them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from kiosk.domain.errors import InvalidInput, NotFound
from kiosk.domain.offers import Offer, offer_from_record, offer_record
from kiosk.domain.pricing import TICKET_TYPES
from kiosk.services import audit, promos
from kiosk.services.auth import ensure_manager
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor
from kiosk.services.staff_admin import publish_edit
from kiosk.store.db import transaction
from kiosk.store.offer_store import load_offers, save_offer


@dataclass(frozen=True)
class OfferRow:
    offer: Offer
    uses_here: int  # sales on this device that used the code
    uses_cloud: int | None  # the cinema-wide count (None: no cloud, or it cannot be read now)


class OfferService:
    def __init__(self, deps: ServiceDeps, publisher: Any = None):
        self.deps = deps
        self.publisher = publisher

    def list(self, cinema_id: str, with_cloud_counts: bool = False) -> list[OfferRow]:
        conn = self.deps.conn
        rows = []
        for offer in load_offers(conn, cinema_id):
            cloud = None
            cloud_api = self.deps.promo_cloud
            if (with_cloud_counts and offer.code and cloud_api is not None
                    and cloud_api.worth_trying()):
                try:
                    cloud = cloud_api.uses(cinema_id, offer.code)
                except Exception:  # noqa: BLE001 - a count for display only; None says unknown
                    cloud = None
            rows.append(OfferRow(offer, promos.uses_here(conn, cinema_id, offer.code)
                                 if offer.code else 0, cloud))
        return rows

    def ticket_types(self, cinema_id: str) -> tuple[str, ...]:
        """The ticket types an offer of this cinema can be for: those its shows' price lists
        price (else those of the price lists in its currency), in the usual order; every type
        when the cinema has no price list yet."""
        conn = self.deps.conn
        found = {r[0] for r in conn.execute(
            "SELECT DISTINCT p.ticket_type FROM prices p JOIN shows s"
            " ON s.price_list_id = p.price_list_id JOIN halls h ON h.id = s.hall_id"
            " WHERE h.cinema_id = ?", (cinema_id,))}
        if not found:
            found = {r[0] for r in conn.execute(
                "SELECT DISTINCT p.ticket_type FROM prices p JOIN price_lists l"
                " ON l.id = p.price_list_id JOIN cinemas c ON c.currency = l.currency"
                " WHERE c.id = ?", (cinema_id,))}
        return tuple(t for t in TICKET_TYPES if t in found) or TICKET_TYPES

    def save(self, actor: Actor, record: dict[str, Any]) -> Offer:
        """Add an offer, or change one (same id). Refuses a code another offer has."""
        ensure_manager(self.deps, actor, "offer.save", str(record.get("id", "")))
        offer = offer_from_record(record)
        conn = self.deps.conn
        if conn.execute("SELECT 1 FROM cinemas WHERE id = ?", (offer.cinema_id,)).fetchone() is None:
            raise NotFound(f"There is no cinema {offer.cinema_id!r} here.")
        if offer.code:
            other = conn.execute("SELECT id FROM offers WHERE cinema_id = ? AND code = ? AND id != ?",
                                 (offer.cinema_id, offer.code, offer.offer_id)).fetchone()
            if other is not None:
                raise InvalidInput(f"The code {offer.code} is already used by offer {other[0]}.")
        now = self.deps.clock.now()
        with transaction(conn):
            before = conn.execute("SELECT cinema_id FROM offers WHERE id = ?",
                                  (offer.offer_id,)).fetchone()
            if before is not None and before[0] != offer.cinema_id:
                raise InvalidInput(f"Offer {offer.offer_id} belongs to cinema {before[0]}.")
            save_offer(conn, offer)
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id,
                         action="offer.change" if before else "offer.add",
                         staff_id=actor.staff_id, target=offer.offer_id,
                         detail=offer_record(offer))
        publish_edit(self.publisher, self.deps, actor)
        return offer

    def withdraw(self, actor: Actor, offer_id: str) -> Offer:
        """Stop an offer (it stays on the bookings that had it)."""
        ensure_manager(self.deps, actor, "offer.withdraw", offer_id)
        conn = self.deps.conn
        row = conn.execute("SELECT cinema_id FROM offers WHERE id = ?", (offer_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no offer {offer_id!r}.")
        offer = next(o for o in load_offers(conn, row[0]) if o.offer_id == offer_id)
        withdrawn = replace(offer, active=False)
        now = self.deps.clock.now()
        with transaction(conn):
            save_offer(conn, withdrawn)
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="offer.withdraw",
                         staff_id=actor.staff_id, target=offer_id, detail={})
        publish_edit(self.publisher, self.deps, actor)
        return withdrawn

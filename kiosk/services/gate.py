"""The seam between local selling and the cloud.

``BookingService`` asks its gate before it commits a hold, claims the sale through it before
the sale's local transaction (``claim_sale``: the only step of a sale that may use the network),
and tells it when a hold ends. ``LocalGate`` is for a single counter with cloud sync off; it is
never used while cloud sync is on (``kiosk.services.app.open_services`` refuses that).
``kiosk.cloud.gate.CloudGate`` claims holds and sales in DynamoDB while online and enforces the
offline policy (``allocated-only`` / ``optimistic``) while offline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from kiosk.services.models import Hold

if TYPE_CHECKING:  # the cloud modules pull in boto3: never imported by a local gate
    from kiosk.cloud.context import CloudContext

CLOUD_NEEDS_GATE = ("Cloud sync is on, but this was about to sell without the cloud seat gate, "
                    "which could sell a seat twice. Nothing was sold.")


@dataclass(frozen=True)
class SaleClaim:
    """How a sale stands with the cloud before its local commit.

    ``in_cloud``: the cloud already holds the sale (its seats are sold to the booking and the
    booking item is written), so the outbox confirm row is written as done. ``intent_id``: the
    local row that undoes the cloud sale should the local commit never happen; the sale's
    transaction settles it.
    """

    in_cloud: bool = False
    intent_id: int | None = None


class SeatGate(Protocol):
    @property
    def context(self) -> CloudContext | None:
        """The cloud context the gate claims through (the services that reach the cloud share
        it); None for a gate that never does."""

    def claim_hold(self, hold: Hold) -> None:
        """Claim the hold's seats elsewhere; raise SeatsUnavailable naming the seats lost."""

    def release_hold(self, hold: Hold) -> None:
        """Give the seats back; must never raise for network trouble."""

    def claim_sale(self, hold: Hold, booking_id: str, record: dict[str, Any]) -> SaleClaim:
        """Make the sale durable elsewhere before it is committed locally (never inside a txn).

        Raise SeatsUnavailable when the seats cannot be sold now (taken, or not sellable
        offline under the policy); nothing has been charged at that point.
        """

    def offline_sellable(self, show_id: str) -> frozenset[str] | None:
        """Seats this kiosk may sell right now, or None when there is no restriction."""

    def refresh_seats(self, show_id: str, seats: Sequence[str]) -> bool:
        """Read where these seats stand elsewhere into the local picture now (a best-seat search
        refused again and again is searching a stale one); False when nothing could be read.
        Never raises for network trouble: the search goes on with what it knows."""

    def close(self) -> None:
        """Release what the gate holds (its own database connection)."""


class LocalGate:
    context: CloudContext | None = None  # a single counter never reaches the cloud

    def claim_hold(self, hold: Hold) -> None:
        return None

    def release_hold(self, hold: Hold) -> None:
        return None

    def claim_sale(self, hold: Hold, booking_id: str, record: dict[str, Any]) -> SaleClaim:
        return SaleClaim()

    def offline_sellable(self, show_id: str) -> frozenset[str] | None:
        return None

    def refresh_seats(self, show_id: str, seats: Sequence[str]) -> bool:
        return False  # nothing elsewhere: the local picture is the whole truth

    def close(self) -> None:
        return None

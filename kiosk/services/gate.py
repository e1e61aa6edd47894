"""The seam between local selling and the cloud.

``BookingService`` asks its gate before it commits a hold, again before it writes a sale
(``check_confirm``: local state only, no network), and tells it when a hold ends. The
default ``LocalGate`` allows everything (single counter, no cloud). ``kiosk.cloud`` provides a
gate that claims holds in DynamoDB while online and enforces the offline policy
(``allocated-only`` / ``optimistic``) while offline.
"""

from __future__ import annotations

from typing import Protocol

from kiosk.services.models import Hold


class SeatGate(Protocol):
    def claim_hold(self, hold: Hold) -> None:
        """Claim the hold's seats elsewhere; raise SeatsUnavailable naming the seats lost."""

    def release_hold(self, hold: Hold) -> None:
        """Give the seats back; must never raise for network trouble."""

    def check_confirm(self, hold: Hold) -> None:
        """Raise SeatsUnavailable if selling these held seats now would break the offline policy.

        Runs inside the sale's SQLite transaction: it must not touch the network.
        """

    def offline_sellable(self, show_id: str) -> frozenset[str] | None:
        """Seats this kiosk may sell right now, or None when there is no restriction."""


class LocalGate:
    def claim_hold(self, hold: Hold) -> None:
        return None

    def release_hold(self, hold: Hold) -> None:
        return None

    def check_confirm(self, hold: Hold) -> None:
        return None

    def offline_sellable(self, show_id: str) -> frozenset[str] | None:
        return None

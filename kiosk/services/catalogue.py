"""Finding shows and reading seat maps. Past shows are never offered for sale."""

from __future__ import annotations

from kiosk.services.deps import ServiceDeps
from kiosk.services.models import SeatStatus, ShowDetail, ShowQuery, ShowSummary


class CatalogueService:
    def __init__(self, deps: ServiceDeps, gate=None):
        self.deps = deps
        self.gate = gate

    def cities(self) -> list[str]:
        raise NotImplementedError

    def cinemas(self, city: str | None = None) -> list[dict]:
        raise NotImplementedError

    def languages(self) -> list[str]:
        raise NotImplementedError

    def genres(self) -> list[str]:
        raise NotImplementedError

    def films(self, query: ShowQuery | None = None) -> list[dict]:
        """Films that have shows on sale matching the query (self-service browsing)."""
        raise NotImplementedError

    def find_shows(self, query: ShowQuery) -> list[ShowSummary]:
        """Shows on sale, today (cinema-local) first, then by start time."""
        raise NotImplementedError

    def show(self, show_id: str) -> ShowDetail:
        raise NotImplementedError

    def seat_map(self, show_id: str, hold_id: str | None = None) -> dict[str, SeatStatus]:
        """Status of every seat for this show as this kiosk sees it now."""
        raise NotImplementedError

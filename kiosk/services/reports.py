"""Sales, occupancy and refund reports for a date range (cinema-local business dates)."""

from __future__ import annotations

from kiosk.services.deps import ServiceDeps


class ReportService:
    def __init__(self, deps: ServiceDeps):
        self.deps = deps

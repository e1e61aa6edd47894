"""What the manager screens share: the services, the bridge, the signed-in manager, and the
cinema time zone that "today" means.

``Services`` (built by ``kiosk.services.app``) may not carry every manager service yet, so the
ones missing are built here over the same ``deps``: one database, one clock, one audit log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo


@dataclass
class ManagerContext:
    services: Any
    bridge: Any
    actor: Any
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def deps(self):
        return self.services.deps

    @property
    def config(self):
        return self.services.deps.config

    def _service(self, name: str, factory):
        existing = getattr(self.services, name, None)
        if existing is not None:
            return existing
        if name not in self.extras:
            self.extras[name] = factory(self.deps)
        return self.extras[name]

    @cached_property
    def staff_admin(self):
        from kiosk.services.staff_admin import StaffAdminService

        return self._service("staff_admin", StaffAdminService)

    @cached_property
    def cashups(self):
        from kiosk.services.cashups import CashupService

        return self._service("cashups", CashupService)

    @cached_property
    def schedule(self):
        from kiosk.services.schedule import ScheduleService

        return self._service("schedule", ScheduleService)

    @property
    def reports(self):
        return self.services.reports

    @property
    def booking(self):
        return self.services.booking

    @cached_property
    def audit_log(self):
        existing = getattr(self.services, "audit", None)
        if existing is not None and hasattr(existing, "query"):
            return existing
        try:
            from kiosk.services.audit import AuditLog
        except ImportError:
            return None
        return AuditLog(self.deps)

    @cached_property
    def importer(self):
        existing = getattr(self.services, "importer", None)
        if existing is not None:
            return existing
        try:
            from kiosk.services import importer as module
        except ImportError:
            return None
        cls = getattr(module, "ImportService", None) or getattr(module, "Importer", None)
        if cls is not None:
            return cls(self.deps)
        return module if hasattr(module, "preview") else None

    def cinemas(self) -> list[dict]:
        """Cinemas, read once per console: they change only through ``kiosk init`` / import."""
        if "cinemas" not in self.extras:
            self.extras["cinemas"] = self.bridge.call(self.schedule.cinemas)
        return self.extras["cinemas"]

    def timezone(self, cinema_id: str | None = None) -> str:
        cinemas = self.cinemas()
        for c in cinemas:
            if c["id"] == cinema_id:
                return c["timezone"]
        return cinemas[0]["timezone"] if cinemas else "UTC"

    def now(self) -> datetime:
        return self.deps.clock.now()

    def today(self, cinema_id: str | None = None) -> date:
        """Today at the cinema (a manager in Kolkata at 00:30 means the new day, not UTC's)."""
        return self.now().astimezone(ZoneInfo(self.timezone(cinema_id))).date()

"""What the manager screens share: the services, the bridge, the signed-in manager, and the
cinema time zone that "today" means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.services.models import Actor
    from kiosk.ui.bridge import Bridge


@dataclass
class ManagerContext:
    services: Services
    bridge: Bridge
    actor: Actor
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def deps(self):
        return self.services.deps

    @property
    def config(self):
        return self.services.deps.config

    @property
    def staff_admin(self):
        return self.services.staff_admin

    @property
    def cashups(self):
        return self.services.cashups

    @property
    def schedule(self):
        return self.services.schedule

    @property
    def reports(self):
        return self.services.reports

    @property
    def booking(self):
        return self.services.booking

    @property
    def dashboard(self):
        """The dashboard's figures (per currency), built on the reports and the cash-ups."""
        if "dashboard" not in self.extras:
            from kiosk.services.dashboard import DashboardService

            self.extras["dashboard"] = DashboardService(self.deps, self.reports, self.cashups)
        return self.extras["dashboard"]

    @property
    def audit_log(self):
        return self.services.audit

    @property
    def importer(self):
        return self.services.importer

    def cinemas(self) -> list[dict]:
        """Cinemas, read once per console: they change only through ``kiosk init`` / import."""
        if "cinemas" not in self.extras:
            self.extras["cinemas"] = self.bridge.call(self.schedule.cinemas)
        return self.extras["cinemas"]

    def home_cinema(self) -> str:
        """This console's cinema (the counter's rule: config, first run, default currency)."""
        if "home" not in self.extras:
            self.extras["home"] = self.bridge.call(self.services.catalogue.device_cinema)
        return self.extras["home"]

    def timezone(self, cinema_id: str | None = None) -> str:
        """The zone times are shown in: ``cinema_id``'s, else this console's cinema's, so the
        cash-ups say the same clock as the counter's header (never the machine's)."""
        cinemas = self.cinemas()
        for wanted in (cinema_id, self.home_cinema()):
            for c in cinemas:
                if c["id"] == wanted:
                    return c["timezone"]
        return cinemas[0]["timezone"] if cinemas else "UTC"

    def now(self) -> datetime:
        return self.deps.clock.now()

    def today(self, cinema_id: str | None = None) -> date:
        """Today at the cinema (a manager in Kolkata at 00:30 means the new day, not UTC's)."""
        return self.now().astimezone(ZoneInfo(self.timezone(cinema_id))).date()

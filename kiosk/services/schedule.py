"""Films, halls, shows and price lists: import (all-or-nothing) and edits."""

from __future__ import annotations

from kiosk.services.deps import ServiceDeps


class ScheduleService:
    def __init__(self, deps: ServiceDeps):
        self.deps = deps

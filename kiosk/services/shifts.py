"""Shifts: open with a float, close with counted cash; the variance is computed, not typed."""

from __future__ import annotations

from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Shift


class ShiftService:
    def __init__(self, deps: ServiceDeps):
        self.deps = deps

    def open(self, actor: Actor, float_minor: int) -> Shift:
        raise NotImplementedError

    def current(self, actor: Actor) -> Shift | None:
        raise NotImplementedError

    def close(self, actor: Actor, counted_minor: int) -> Shift:
        raise NotImplementedError

"""Hold, confirm, cancel, refund, exchange. A confirm is ONE local transaction."""

from __future__ import annotations

from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Booking, Hold, Payment, Quote, RefundResult


class BookingService:
    def __init__(self, deps: ServiceDeps, gate=None):
        self.deps = deps
        self.gate = gate

    def hold(self, actor: Actor, show_id: str, seat_codes: list[str]) -> Hold:
        raise NotImplementedError

    def change_hold(self, actor: Actor, hold_id: str, add: list[str] = (), remove: list[str] = ()) -> Hold:
        raise NotImplementedError

    def hold_best(self, actor: Actor, show_id: str, n: int, accessible: bool = False,
                  hold_id: str | None = None) -> Hold:
        raise NotImplementedError

    def best_available(self, show_id: str, n: int, accessible: bool = False) -> list[str]:
        raise NotImplementedError

    def renew_hold(self, hold_id: str) -> Hold:
        raise NotImplementedError

    def release(self, hold_id: str) -> None:
        raise NotImplementedError

    def get_hold(self, hold_id: str) -> Hold:
        raise NotImplementedError

    def quote(self, hold_id: str, ticket_types: dict[str, str]) -> Quote:
        raise NotImplementedError

    def confirm(self, actor: Actor, hold_id: str, ticket_types: dict[str, str], payment: Payment,
                contact: str = "") -> Booking:
        raise NotImplementedError

    def get(self, reference: str) -> Booking:
        raise NotImplementedError

    def cancel(self, actor: Actor, reference: str, reason: str = "") -> RefundResult:
        raise NotImplementedError

    def refund(self, actor: Actor, reference: str, seats: list[str] | None = None,
               reason: str = "") -> RefundResult:
        raise NotImplementedError

    def exchange(self, actor: Actor, reference: str, new_hold_id: str,
                 ticket_types: dict[str, str], payment: Payment | None = None) -> Booking:
        raise NotImplementedError

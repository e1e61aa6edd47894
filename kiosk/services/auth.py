"""Staff sign-in (bcrypt PINs, lockout) and role checks."""

from __future__ import annotations

from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor


class AuthService:
    def __init__(self, deps: ServiceDeps):
        self.deps = deps

    def sign_in(self, staff_number: str, pin: str) -> Actor:
        """Raise AuthError / StaffLocked; every attempt audited. bcrypt is slow: never on the GUI thread."""
        raise NotImplementedError

    def sign_out(self, actor: Actor) -> None:
        raise NotImplementedError

    def self_service_actor(self) -> Actor:
        raise NotImplementedError

    def require_manager(self, actor: Actor, action: str) -> None:
        """Raise PermissionDenied (and audit the refusal) unless the actor is a manager."""
        raise NotImplementedError

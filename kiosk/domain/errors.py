"""Errors the kiosk refuses an action with.

Every error carries a message a counter person understands (``str(err)``); the CLI prints it and
exits non-zero, the UI shows it calmly. Raising one of these must leave the database as it was:
services raise before writing or inside a transaction that is rolled back.
"""

from __future__ import annotations


class KioskError(Exception):
    """Base of every refusal the kiosk shows to a person."""

    exit_code = 2


class NotFound(KioskError):
    """An unknown show, seat, booking, staff member, film or hall."""


class InvalidInput(KioskError):
    """Malformed or absurd input: negative quantity, bad e-mail, bad import row."""


class SeatsUnavailable(KioskError):
    """Some seats are sold or held elsewhere; ``seats`` names exactly which ones."""

    def __init__(self, seats: list[str] | tuple[str, ...], message: str | None = None):
        self.seats = tuple(seats)
        listed = ", ".join(self.seats)
        super().__init__(message or f"Sorry, these seats were just taken: {listed}. Please choose others.")


class NotSellableOffline(SeatsUnavailable):
    """Refused by the offline policy, not taken by anyone: no news about other sellers."""


class HoldExpired(KioskError):
    """The seats' hold ran out before payment; they may have gone to someone else."""

    def __init__(self, message: str = "The seat hold has expired. Please choose the seats again."):
        super().__init__(message)


class ShowNotOnSale(KioskError):
    """The show is in the past, cancelled, or otherwise not for sale."""


class ShowCancelled(ShowNotOnSale):
    """The cloud refused a claim: the show is cancelled (or no longer in the cinema's schedule).

    ``taken`` names seats that were also in the way, for the record; choosing other seats
    cannot help, so the message says so.
    """

    def __init__(self, message: str = "This show has been cancelled, so its seats cannot be "
                                      "sold. Nothing was sold or charged.",
                 taken: tuple[str, ...] = ()):
        self.taken = tuple(taken)
        super().__init__(message)


class SeatLayoutMismatch(ShowCancelled):
    """The cloud stores this show's seats in another layout than this device's catalogue says
    (``kiosk.cloud.partitions``: the guard). Selling would risk a double sale, so nothing is
    claimed until the catalogues agree; handled wherever a cancelled show's refusal is.
    """

    def __init__(self, show_id: str, ours: int, cloud: int):
        self.show_id, self.ours, self.cloud = show_id, ours, cloud
        super().__init__("This show's seats cannot be sold from this device right now: its copy "
                         "of the schedule does not match the cloud's (the show may have moved "
                         "to another hall). Nothing was sold or charged. Please ask a manager "
                         "to check the show's hall and update this device.")


class AuthError(KioskError):
    """Wrong staff number or PIN."""


class StaffLocked(AuthError):
    """Too many wrong PINs: the staff member is locked for a while."""


class PermissionDenied(KioskError):
    """The signed-in staff member's role does not allow this action."""


class SessionEnded(PermissionDenied):
    """The signed-in staff member was deactivated or had their role changed since signing in:
    the screens sign them out (``kiosk.ui.bridge`` emits ``sessionEnded``)."""

    def __init__(self, message: str = "Your staff account was changed by a manager, so you "
                                      "have been signed out. Nothing was changed. Please sign "
                                      "in again or ask a manager."):
        super().__init__(message)


class StaffInactive(SessionEnded):
    """The cloud refused a claim made in the name of a staff member who is not active there."""

    def __init__(self, message: str = "Your staff account has been deactivated by a manager, "
                                      "so you cannot sell. Nothing was sold or charged. "
                                      "Please ask a manager.",
                 taken: tuple[str, ...] = ()):
        self.taken = tuple(taken)
        super().__init__(message)


class ApprovalRequired(KioskError):
    """The action was recorded but waits for a manager (e.g. a large refund)."""


class PaymentError(KioskError):
    """Cash tendered is short, a card number is malformed, and similar."""


class ShiftRequired(PaymentError):
    """Cash was offered with no open shift to put it in (the CLI opens one and retries; every
    other payment refusal is final)."""


class OutOfStock(KioskError):
    """An item ran out (another counter may have sold the last one): nothing was sold."""

    def __init__(self, label: str, left: int):
        self.label, self.left = label, left
        super().__init__(f"{label}: only {left} left." if left else f"{label} is sold out.")


class SchemaTooNew(KioskError):
    """The database was written by a newer version of the kiosk software."""

    exit_code = 3


class ConfigError(KioskError):
    """The configuration asks for something this entry point cannot do safely."""

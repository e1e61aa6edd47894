"""The PIN policy for every NEW PIN (first manager, staff added, PIN reset).

A PIN guards the cash drawer and refunds, and the first guesses anyone tries are the same few:
all one digit (0000, 9999) and runs on the keypad (1234, 9876, 0123, 7890). Those are refused
when a PIN is chosen. Existing PINs are never re-checked at sign-in: a PIN set before the policy
(or a documented demo PIN) still signs in, so nobody is locked out by an upgrade.

Pure Python: the screens may call ``pin_problem`` to explain a PIN as it is typed, but the rule
is enforced by the services (``kiosk.services.staff_admin``, ``kiosk.services.first_run``).
"""

from __future__ import annotations

from kiosk.domain.errors import InvalidInput

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 8  # bcrypt reads at most 72 bytes; 8 digits is plenty for a keypad PIN

POLICY_TEXT = (f"A PIN is {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits, not all the same digit "
               "and not a run such as 1234 or 9876.")


def _is_run(pin: str) -> bool:
    """Each digit one up (or one down) from the last, wrapping 9 -> 0: 1234, 7890, 9876, 3210."""
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:], strict=False)}
    return steps in ({1}, {9})


def pin_problem(pin: object) -> str | None:
    """Why ``pin`` may not be chosen as a new PIN, in words for the person choosing it; None if
    it is acceptable."""
    if not isinstance(pin, str) or not pin:
        return "Please enter a PIN."
    if not pin.isascii() or not pin.isdigit():
        return "A PIN is made of digits only."
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        return f"A PIN has {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits."
    if len(set(pin)) == 1:
        return "A PIN may not be one digit repeated (like 0000): it is the first thing tried."
    if _is_run(pin):
        return "A PIN may not be a run of digits (like 1234 or 9876): it is easy to guess."
    return None


def check_new_pin(pin: object) -> str:
    """``pin`` if it may be chosen as a new PIN; InvalidInput saying why not otherwise."""
    problem = pin_problem(pin)
    if problem is not None:
        raise InvalidInput(problem)
    return str(pin)


def check_pin_twice(pin: object, again: object) -> str:
    """The policy, then the second entry must match the first (a typo would lock a manager
    out of a kiosk with no other manager)."""
    chosen = check_new_pin(pin)
    if again != chosen:
        raise InvalidInput("The two PINs are not the same. Please type the new PIN twice.")
    return chosen

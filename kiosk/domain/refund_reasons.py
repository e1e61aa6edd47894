"""Why money went back: a fixed list of reason codes (issue 14 defect 8), not free text, so the
audit log, the approvals list and reports can count and read them.

A reason is stored on the refund (``refunds.reason``, ``item_refunds.reason``) as its code, or
its code, ": " and a note of the cashier's own ("other: seat was broken"). ``required`` is what
the refund services call on what they are given: a missing reason or an unknown code is refused
in words, so nothing is written (every way in, screen or ``kiosk refund``, gets the same rule);
``checked`` reads a reason that may be absent (the command line before it signs in). The screens offer ``CODES``; ``void`` and ``conflict`` are written by the services
themselves (a cancelled booking, the conflict queue); ``LEGACY`` codes were offered by an
earlier screen and are still read, never written. Pure rules, no Qt: the words here are
English; the screens translate theirs (``kiosk.ui.counter.refund``).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.errors import InvalidInput

CUSTOMER_REQUEST = "customer_request"
SHOW_CANCELLED = "show_cancelled"
WRONG_SHOW_SOLD = "wrong_show_sold"
DUPLICATE = "duplicate"
TECHNICAL_FAULT = "technical_fault"
OTHER = "other"

# what a cashier chooses from, in the order the screen lists them
CODES: tuple[str, ...] = (CUSTOMER_REQUEST, SHOW_CANCELLED, WRONG_SHOW_SOLD, DUPLICATE,
                          TECHNICAL_FAULT, OTHER)
VOID = "void"  # BookingService.cancel: the whole booking voided
CONFLICT = "conflict"  # the manager's conflict queue: seats sold elsewhere first
EXCHANGE = "exchange"  # the old booking's refund row of an exchange
SYSTEM_CODES: tuple[str, ...] = (VOID, CONFLICT, EXCHANGE)
LEGACY = {"changed_plans": CUSTOMER_REQUEST, "wrong_tickets": WRONG_SHOW_SOLD,
          "show_problem": SHOW_CANCELLED}

WORDS = {
    CUSTOMER_REQUEST: "customer request", SHOW_CANCELLED: "show cancelled",
    WRONG_SHOW_SOLD: "wrong show sold", DUPLICATE: "duplicate sale",
    TECHNICAL_FAULT: "technical fault", OTHER: "other", VOID: "booking cancelled",
    CONFLICT: "seats sold elsewhere first", EXCHANGE: "exchanged for another show",
}
MAX_NOTE = 300


@dataclass(frozen=True)
class RefundReason:
    code: str  # one of CODES, SYSTEM_CODES, or "" (no reason: rows written before codes)
    note: str = ""

    @property
    def stored(self) -> str:
        """The form kept on the refund row and in its audit detail."""
        if not self.code:
            return ""
        return f"{self.code}: {self.note}" if self.note else self.code

    @property
    def words(self) -> str:
        """English words for a reader (the audit log): the code's, then the note."""
        if not self.code:
            return self.note
        said = WORDS.get(self.code, self.code.replace("_", " "))
        if self.code == OTHER and self.note:
            return self.note
        return f"{said} ({self.note})" if self.note else said


def parse(stored: str | None) -> RefundReason:
    """Read a stored reason, leniently: rows written before reason codes carry free text,
    which reads as a note; a legacy code reads as the code it became."""
    text = " ".join(str(stored or "").split())
    if not text:
        return RefundReason("")
    code, sep, note = text.partition(":")
    code = code.strip()
    code = LEGACY.get(code, code)
    if code in CODES or code in SYSTEM_CODES:
        return RefundReason(code, note.strip() if sep else "")
    return RefundReason("", text)


def checked(reason: str | None, *, allow_system: bool = False) -> str:
    """The stored form of a reason given to a service; refuses an unknown code in words.

    ``reason`` is ``code`` or ``code: note``; empty means no reason given (``required``
    refuses that).
    A note longer than ``MAX_NOTE`` characters is refused, not cut. ``allow_system`` admits
    ``void``, ``conflict`` and ``exchange`` (the services' own)."""
    text = " ".join(str(reason or "").split())
    if not text:
        return ""
    code, sep, note = text.partition(":")
    code, note = code.strip(), note.strip()
    allowed = CODES + SYSTEM_CODES if allow_system else CODES
    if code not in allowed:
        raise InvalidInput(
            f"{code[:40]!r} is not a refund reason. Choose one of: "
            + ", ".join(CODES) + " (with 'other: ' and your own words for anything else).")
    if code == OTHER and not note:
        raise InvalidInput("Say why in a few words for 'other', e.g. 'other: seat was broken'.")
    if len(note) > MAX_NOTE:
        raise InvalidInput(f"Keep the reason's note under {MAX_NOTE} characters.")
    return RefundReason(code, note if sep else "").stored


MISSING = ("A refund needs a reason: choose one of " + ", ".join(CODES)
           + " (with 'other: ' and your own words for anything else).")


def required(reason: str | None, *, allow_system: bool = False) -> str:
    """``checked``, and a refund without a reason is refused too: every refund says why the
    money went back (the audit log and the approvals list read it)."""
    stored = checked(reason, allow_system=allow_system)
    if not stored:
        raise InvalidInput(MISSING)
    return stored

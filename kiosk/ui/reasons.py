"""Refund reason codes (``kiosk.domain.refund_reasons``) in the screen's language: the counter
offers them, the manager's approvals and audit log read them back."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.domain import refund_reasons

_CONTEXT = "RefundReason"
_LABELS = {  # what a cashier picks from, in the order of refund_reasons.CODES
    refund_reasons.CUSTOMER_REQUEST: QT_TRANSLATE_NOOP("RefundReason", "Customer request"),
    refund_reasons.SHOW_CANCELLED: QT_TRANSLATE_NOOP("RefundReason", "Show cancelled"),
    refund_reasons.WRONG_SHOW_SOLD: QT_TRANSLATE_NOOP("RefundReason", "Wrong show sold"),
    refund_reasons.DUPLICATE: QT_TRANSLATE_NOOP("RefundReason", "Duplicate sale"),
    refund_reasons.TECHNICAL_FAULT: QT_TRANSLATE_NOOP("RefundReason", "Technical fault"),
    refund_reasons.OTHER: QT_TRANSLATE_NOOP("RefundReason", "Other (say why)"),
    refund_reasons.VOID: QT_TRANSLATE_NOOP("RefundReason", "Booking cancelled"),
    refund_reasons.CONFLICT: QT_TRANSLATE_NOOP("RefundReason", "Seats sold elsewhere first"),
    refund_reasons.EXCHANGE: QT_TRANSLATE_NOOP("RefundReason", "Exchanged for another show"),
}


def reason_label(code: str) -> str:
    """One code's label, translated (an unknown code as stored, underscores as spaces)."""
    words = _LABELS.get(code)
    return QCoreApplication.translate(_CONTEXT, words) if words else code.replace("_", " ")


def reason_text(stored: str | None) -> str:
    """A stored reason for a reader: the code's label, and the cashier's note after it
    ("other: seat broken" reads "seat broken"); free text of older rows as it was."""
    reason = refund_reasons.parse(stored)
    if not reason.code:
        return reason.note
    if reason.code == refund_reasons.OTHER and reason.note:
        return reason.note
    label = reason_label(reason.code)
    return f"{label}: {reason.note}" if reason.note else label

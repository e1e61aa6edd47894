"""Tickets and receipts: one QPainter routine per document, used for PDF and for printers.

``kiosk.tickets.model`` is plain data (no Qt). The Qt parts load on first use of the names
below, so importing the model stays cheap.
"""

from importlib import import_module
from typing import Any

_EXPORTS = {
    "TicketData": "kiosk.tickets.model",
    "TicketSeat": "kiosk.tickets.model",
    "ReceiptData": "kiosk.tickets.model",
    "qr_payload": "kiosk.tickets.model",
    "draw_ticket": "kiosk.tickets.draw",
    "draw_receipt": "kiosk.tickets.draw",
    "PrintFailed": "kiosk.tickets.output",
    "NothingToPrint": "kiosk.tickets.output",
    "print_ticket": "kiosk.tickets.output",
    "print_receipt": "kiosk.tickets.output",
    "render_ticket_pdf": "kiosk.tickets.output",
    "render_receipt_pdf": "kiosk.tickets.output",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kiosk.tickets' has no attribute {name!r}")

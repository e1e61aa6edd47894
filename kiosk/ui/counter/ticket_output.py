"""The counter's thin seam onto ``kiosk.tickets`` (ticket and receipt PDFs, printing).

``kiosk.tickets.output`` is imported when first used: it pulls in QPdfWriter / QPrinter,
which start-up does not need.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from kiosk.domain.errors import KioskError
from kiosk.services.models import Booking


def qr_text(booking: Booking) -> str:
    """What the ticket's QR code says: the signed code, as the printed ticket carries it."""
    from kiosk.tickets.model import qr_payload

    return qr_payload(booking)


def _receipt_data(booking: Booking, staff_label: str | None, tax_rate_bp: int | None,
                  food=None):
    from kiosk.tickets.model import ReceiptData

    return ReceiptData.from_booking(booking, staff_label=staff_label, tax_rate_bp=tax_rate_bp,
                                    food=food)


def save_pdf(kind: str, booking: Booking, path: Path, *, staff_label: str | None = None,
             tax_rate_bp: int | None = None, food=None) -> Path:
    """Write the ticket (``kind='ticket'``) or receipt PDF to ``path``; returns the path."""
    from kiosk.tickets.model import TicketData
    from kiosk.tickets.output import render_receipt_pdf, render_ticket_pdf

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "ticket":
        written = render_ticket_pdf(TicketData.from_booking(booking), path)
    else:
        written = render_receipt_pdf(_receipt_data(booking, staff_label, tax_rate_bp, food),
                                     path)
    if not Path(written).is_file():
        raise KioskError(QCoreApplication.translate("TicketOutput",
                                                    "The PDF was not written. Please try again."))
    return Path(written)


def cancelled_text() -> str:
    return QCoreApplication.translate("TicketOutput", "Printing cancelled.")


def print_tickets(booking: Booking, config, parent=None, printer=None) -> str:
    """Send the tickets to the configured printer (or ask with the print dialog).

    ``printer``: an already configured QPrinter (a PDF preview, or a test) used as it is.
    """
    from kiosk.tickets.model import TicketData
    from kiosk.tickets.output import print_ticket

    kwargs = {"printer": printer} if printer is not None else {}
    result = print_ticket(TicketData.from_booking(booking),
                          printer_name=config.printer_name or None,
                          silent=config.silent_print or printer is not None, parent=parent,
                          **kwargs)
    if result is False:
        return cancelled_text()
    return QCoreApplication.translate("TicketOutput", "Tickets sent to the printer.")


def print_receipt(booking: Booking, config, parent=None, printer=None, *,
                  staff_label: str | None = None, tax_rate_bp: int | None = None,
                  food=None) -> str:
    """Print the customer's receipt on the configured printer (or ask with the print dialog);
    ``food``: the item sale paid with the booking, listed on the same receipt."""
    from kiosk.tickets.output import print_receipt as print_it

    kwargs = {"printer": printer} if printer is not None else {}
    result = print_it(_receipt_data(booking, staff_label, tax_rate_bp, food),
                      printer_name=config.printer_name or None,
                      silent=config.silent_print or printer is not None, parent=parent, **kwargs)
    if result is False:
        return cancelled_text()
    return QCoreApplication.translate("TicketOutput", "Receipt sent to the printer.")

"""The counter's thin seam onto ``kiosk.tickets`` (ticket and receipt PDFs, printing).

Imported lazily from the ticket screen: ``kiosk.tickets`` pulls in QPdfWriter / QPrinter,
which start-up does not need.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from kiosk.domain.errors import KioskError
from kiosk.services.models import Booking


def _tickets():
    try:
        import kiosk.tickets as tickets
    except ImportError as exc:  # a partial build without the tickets package
        raise KioskError(QCoreApplication.translate(
            "TicketOutput", "Ticket printing is not installed on this kiosk.")) from exc
    return tickets


def qr_text(booking: Booking) -> str:
    """What the ticket's QR code says: the signed code, as the printed ticket carries it."""
    from kiosk.tickets.model import qr_payload

    return qr_payload(booking)


def _ticket_data(tickets, booking: Booking):
    data_cls = getattr(tickets, "TicketData", None)
    if data_cls is None:
        return booking
    for name in ("from_booking", "of"):
        factory = getattr(data_cls, name, None)
        if callable(factory):
            return factory(booking)
    return data_cls(booking)


def _receipt_data(tickets, booking: Booking, staff_label: str | None,
                  tax_rate_bp: int | None, food=None):
    data_cls = getattr(tickets, "ReceiptData", None)
    if data_cls is None:
        from kiosk.tickets.model import ReceiptData as data_cls  # noqa: N813
    return data_cls.from_booking(booking, staff_label=staff_label, tax_rate_bp=tax_rate_bp,
                                 food=food)


def save_pdf(kind: str, booking: Booking, path: Path, *, staff_label: str | None = None,
             tax_rate_bp: int | None = None, food=None) -> Path:
    """Write the ticket (``kind='ticket'``) or receipt PDF to ``path``; returns the path."""
    tickets = _tickets()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "ticket":
        result = tickets.render_ticket_pdf(_ticket_data(tickets, booking), path)
    else:
        result = tickets.render_receipt_pdf(
            _receipt_data(tickets, booking, staff_label, tax_rate_bp, food), path)
    written = Path(result) if isinstance(result, (str, Path)) else path
    if not written.is_file():
        raise KioskError(QCoreApplication.translate("TicketOutput",
                                                    "The PDF was not written. Please try again."))
    return written


def cancelled_text() -> str:
    return QCoreApplication.translate("TicketOutput", "Printing cancelled.")


def print_tickets(booking: Booking, config, parent=None, printer=None) -> str:
    """Send the tickets to the configured printer (or ask with the print dialog).

    ``printer``: an already configured QPrinter (a PDF preview, or a test) used as it is.
    """
    tickets = _tickets()
    kwargs = {"printer": printer} if printer is not None else {}
    result = tickets.print_ticket(_ticket_data(tickets, booking),
                                  printer_name=config.printer_name or None,
                                  silent=config.silent_print or printer is not None,
                                  parent=parent, **kwargs)
    if result is False:
        return QCoreApplication.translate("TicketOutput", "Printing cancelled.")
    return QCoreApplication.translate("TicketOutput", "Tickets sent to the printer.")


def print_receipt(booking: Booking, config, parent=None, printer=None, *,
                  staff_label: str | None = None, tax_rate_bp: int | None = None,
                  food=None) -> str:
    """Print the customer's receipt on the configured printer (or ask with the print dialog);
    ``food``: the item sale paid with the booking, listed on the same receipt."""
    tickets = _tickets()
    kwargs = {"printer": printer} if printer is not None else {}
    result = tickets.print_receipt(_receipt_data(tickets, booking, staff_label, tax_rate_bp,
                                                 food),
                                   printer_name=config.printer_name or None,
                                   silent=config.silent_print or printer is not None,
                                   parent=parent, **kwargs)
    if result is False:
        return QCoreApplication.translate("TicketOutput", "Printing cancelled.")
    return QCoreApplication.translate("TicketOutput", "Receipt sent to the printer.")

"""Put tickets and receipts on paper or into a PDF, always through ``kiosk.tickets.draw``.

Paper: an 80 mm roll (the usual counter thermal printer), page as long as the document, no
margins (the drawing keeps its own 4 mm). A counter gets ONE ticket per booking listing every
seat under one QR code: one tear-off, one scan at the door for the whole party. Pass
``per_seat=True`` for one page per seat (same reference and QR on each) where a venue wants a
slip per person.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QWidget

from kiosk.domain.errors import KioskError
from kiosk.tickets.draw import WIDTH, draw_receipt, draw_ticket, receipt_height, ticket_height
from kiosk.tickets.model import ReceiptData, TicketData

ROLL_WIDTH_MM = 80.0
PDF_DPI = 600


class PrintFailed(KioskError):
    """The printer could not be opened or refused the job."""


def page_size_for(height_units: float) -> QPageSize:
    height_mm = height_units * ROLL_WIDTH_MM / WIDTH
    return QPageSize(QSizeF(ROLL_WIDTH_MM, height_mm), QPageSize.Unit.Millimeter,
                     f"Roll 80 x {height_mm:.0f} mm", QPageSize.SizeMatchPolicy.ExactMatch)


def _setup(device: QPagedPaintDevice, size: QPageSize) -> None:
    device.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))


def _paint_pages(device: QPagedPaintDevice, pages: list[Callable[[QPainter, QRectF], None]]) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise PrintFailed("The printer or PDF file could not be opened; check it and try again.")
    try:
        for n, page in enumerate(pages):
            if n:
                device.newPage()
            page(painter, QRectF(0, 0, device.width(), device.height()))
    finally:
        painter.end()


class NothingToPrint(KioskError):
    """Every seat of the booking was refunded: no ticket may admit anyone."""


def _ticket_pages(data: TicketData, per_seat: bool) -> tuple[QPageSize, list]:
    if not data.seats:
        raise NothingToPrint(f"Every seat of booking {data.reference} has been refunded, so there "
                             "is no ticket to print. Print a receipt instead.")
    tickets = [data.for_seat(s.code) for s in data.seats] if per_seat and len(data.seats) > 1 else [data]
    height = max(ticket_height(t) for t in tickets)
    return page_size_for(height), [lambda p, r, t=t: draw_ticket(p, r, t) for t in tickets]


def render_ticket_pdf(data: TicketData, path: Path | str, per_seat: bool = False) -> Path:
    """Write the ticket (or one page per seat) to a PDF; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    size, pages = _ticket_pages(data, per_seat)
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(f"Ticket {data.reference}")
    writer.setCreator("Box Office Kiosk")
    _setup(writer, size)
    _paint_pages(writer, pages)
    return path


def render_receipt_pdf(data: ReceiptData, path: Path | str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(f"Receipt {data.ticket.reference}")
    writer.setCreator("Box Office Kiosk")
    _setup(writer, page_size_for(receipt_height(data)))
    _paint_pages(writer, [lambda p, r: draw_receipt(p, r, data)])
    return path


def render_ticket_image(data: TicketData, dots_per_mm: float = 8.0) -> QImage:
    """A preview at thermal-head resolution (8 dots/mm = 203 dpi), white background."""
    return _image(ticket_height(data), dots_per_mm, lambda p, r: draw_ticket(p, r, data))


def render_receipt_image(data: ReceiptData, dots_per_mm: float = 8.0) -> QImage:
    return _image(receipt_height(data), dots_per_mm, lambda p, r: draw_receipt(p, r, data))


def _image(height_units: float, dots_per_mm: float, draw: Callable[[QPainter, QRectF], None]) -> QImage:
    width = round(ROLL_WIDTH_MM * dots_per_mm)
    height = round(height_units * ROLL_WIDTH_MM / WIDTH * dots_per_mm)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dots_per_mm * 1000))
    image.setDotsPerMeterY(round(dots_per_mm * 1000))
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    try:
        draw(painter, QRectF(0, 0, width, height))
    finally:
        painter.end()
    return image


def _printer(printer_name: str | None, printer, size: QPageSize):  # noqa: ANN001, ANN202
    from PySide6.QtPrintSupport import QPrinter  # loaded only when printing

    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if printer_name:
            printer.setPrinterName(printer_name)
            if printer.printerName() != printer_name or not printer.isValid():
                raise PrintFailed(f"The printer {printer_name!r} is not available. Check that it "
                                  "is switched on and connected, or choose another printer.")
    printer.setFullPage(True)
    _setup(printer, size)
    return printer


def _confirm(printer, parent: QWidget | None) -> bool:  # noqa: ANN001
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def print_ticket(data: TicketData, printer_name: str | None = None, parent: QWidget | None = None,
                 silent: bool = False, *, per_seat: bool = False, printer=None) -> bool:  # noqa: ANN001
    """Print through the print dialog, or straight to ``printer_name`` when ``silent``.

    Returns False when the user cancelled the dialog. ``printer`` lets a caller pass a
    configured ``QPrinter`` (e.g. PDF output for a test or a preview).
    """
    size, pages = _ticket_pages(data, per_seat)
    device = _printer(printer_name, printer, size)
    if not silent and not _confirm(device, parent):
        return False
    _paint_pages(device, pages)
    return True


def print_receipt(data: ReceiptData, printer_name: str | None = None, parent: QWidget | None = None,
                  silent: bool = False, *, printer=None) -> bool:  # noqa: ANN001
    device = _printer(printer_name, printer, page_size_for(receipt_height(data)))
    if not silent and not _confirm(device, parent):
        return False
    _paint_pages(device, [lambda p, r: draw_receipt(p, r, data)])
    return True

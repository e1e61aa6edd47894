"""Printed cards: a gift card and single-use vouchers, on the ticket roll or as a PDF.

One slip per card, drawn with the tickets' ``Flow`` (same 80 mm layout, text kept as text, the QR
as vectors): the cinema, what the card is, its code large and grouped, the code as a QR (what
the counter scans), and what it holds or gives and until when. The data is plain
(``CardSlip``); ``gift_card_slip`` and ``voucher_slip`` build it from the services' records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPdfWriter

from kiosk.domain.giftcards import display_code as gift_display
from kiosk.domain.money import format_money
from kiosk.domain.vouchers import Voucher
from kiosk.domain.vouchers import display_code as voucher_display
from kiosk.tickets.draw import FAINT, MARGIN, QR_SIDE, Flow, _begin, translate
from kiosk.tickets.output import (
    PDF_DPI,
    _confirm,
    _image,
    _paint_pages,
    _printer,
    _setup,
    page_size_for,
)
from kiosk.tickets.qr import draw_qr


@dataclass(frozen=True)
class CardSlip:
    cinema: str
    title: str  # "GIFT CARD", "VOUCHER"
    code: str  # as stored (the QR)
    shown_code: str  # grouped, as printed
    lines: tuple[tuple[str, str], ...]  # (label, value)
    footer: str


def gift_card_slip(card, cinema_name: str) -> CardSlip:
    """``card``: a ``kiosk.services.gift_cards.GiftCard``."""
    return CardSlip(
        cinema_name, translate("Card", "GIFT CARD"), card.code, gift_display(card.code),
        ((translate("Card", "Holds"), format_money(card.balance_minor, card.currency)),
         (translate("Card", "Valid until"), f"{card.expires_at:%d %b %Y}")),
        translate("Card", "Pays for tickets, food and drink at the box office. Keep it safe: "
                          "whoever holds the code can spend it."))


def voucher_slip(voucher: Voucher, cinema_name: str) -> CardSlip:
    lines = [(translate("Card", "Gives"), voucher.label)]
    if voucher.valid_to:
        lines.append((translate("Card", "Valid until"), voucher.valid_to))
    return CardSlip(
        cinema_name, translate("Card", "VOUCHER"), voucher.code, voucher_display(voucher.code),
        tuple(lines), translate("Card", "Used once, at the box office or a self-service "
                                        "kiosk: type or scan the code."))


def stand_slip(sale, cinema_name: str, timezone: str) -> CardSlip:
    """The food and drink stand's collection slip: the reference (and its QR, which the stand
    scans) and what to hand over, stamped in the cinema's time; ``sale``: a
    ``kiosk.services.item_sales.ItemSale``."""
    lines = tuple((f"{line.qty - line.refunded_qty} ×", line.label) for line in sale.lines
                  if line.qty - line.refunded_qty)
    return CardSlip(cinema_name, translate("Card", "COLLECT AT THE STAND"), sale.reference,
                    sale.reference, lines or ((translate("Card", "Refunded"), ""),),
                    f"{sale.created_at.astimezone(ZoneInfo(timezone)):%d %b %Y %H:%M}")


def _flow(flow: Flow, slip: CardSlip) -> None:
    flow.text(slip.cinema, 34, align=Qt.AlignmentFlag.AlignHCenter, color=FAINT)
    flow.text(slip.title, 56, bold=True, align=Qt.AlignmentFlag.AlignHCenter)
    flow.rule()
    flow.block(QR_SIDE, lambda p, r: draw_qr(p, r, slip.code))
    flow.text(slip.shown_code, 60, bold=True, mono=True, align=Qt.AlignmentFlag.AlignHCenter,
              one_line=True)
    flow.rule(dashed=True)
    for label, value in slip.lines:
        if value and len(value) > 24:  # a long item label reads on its own line
            flow.text(f"{label} {value}", 32, bold=True)
        else:
            flow.columns(label, value, 34, bold=True)
    flow.space(16)
    flow.text(slip.footer, 24, color=FAINT, align=Qt.AlignmentFlag.AlignHCenter)


def slip_height(slip: CardSlip) -> float:
    flow = Flow(None)
    _flow(flow, slip)
    return flow.y + MARGIN


def draw_slip(painter: QPainter, rect: QRectF, slip: CardSlip) -> None:
    _begin(painter, rect)
    try:
        _flow(Flow(painter), slip)
    finally:
        painter.restore()


def render_slips_pdf(slips: Sequence[CardSlip], path: Path | str, title: str = "Cards") -> Path:
    """One page per card (from the command line too: a Qt application is made if none is)."""
    from kiosk.tickets.report_pdf import ensure_gui_application

    ensure_gui_application()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator("Box Office Kiosk")
    _setup(writer, page_size_for(max(slip_height(s) for s in slips)))
    _paint_pages(writer, [lambda p, r, s=s: draw_slip(p, r, s) for s in slips])
    return path


def render_slip_image(slip: CardSlip, dots_per_mm: float = 8.0):
    return _image(slip_height(slip), dots_per_mm, lambda p, r: draw_slip(p, r, slip))


def print_slips(slips: Sequence[CardSlip], printer_name: str | None = None, parent=None,
                silent: bool = False, *, printer=None) -> bool:  # noqa: ANN001
    device = _printer(printer_name, printer, page_size_for(max(slip_height(s) for s in slips)))
    if not silent and not _confirm(device, parent):
        return False
    _paint_pages(device, [lambda p, r, s=s: draw_slip(p, r, s) for s in slips])
    return True


"""THE drawing routines for tickets and receipts: ``draw_ticket`` and ``draw_receipt``.

They paint onto any QPainter (a QPdfWriter page, a QPrinter page, a QImage for a preview), in
a logical space 800 units wide (0.1 mm on an 80 mm roll) scaled to the target rectangle, so a
thermal printer, a PDF and a preview get the same layout. Text stays text (searchable PDFs),
the QR code is vector. ``ticket_height`` / ``receipt_height`` give the length of roll needed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from kiosk.domain.money import format_money
from kiosk.tickets.model import ReceiptData, TicketData, TicketSeat, qr_payload
from kiosk.tickets.qr import draw_qr

WIDTH = 800.0  # logical units across the roll: 1 unit = 0.1 mm at 80 mm
MARGIN = 40.0
CONTENT = WIDTH - 2 * MARGIN
QR_SIDE = 380.0  # 38 mm including the quiet zone
INK = QColor("#000000")
FAINT = QColor("#444444")
FAMILIES = ["Noto Sans", "Noto Sans Devanagari", "Noto Sans Telugu", "DejaVu Sans"]  # ₹, Hindi, Telugu
MONO_FAMILIES = ["DejaVu Sans Mono", "Noto Sans Mono"]

translate = QCoreApplication.translate  # lupdate reads translate("Ticket", "...") calls


def _ticket_type(name: str) -> str:
    return {"adult": translate("Ticket", "Adult"), "child": translate("Ticket", "Child"),
            "senior": translate("Ticket", "Senior"),
            "student": translate("Ticket", "Student")}.get(name, name.title())


def _seat_type(name: str) -> str:
    return {"standard": translate("Ticket", "Standard"), "premium": translate("Ticket", "Premium"),
            "recliner": translate("Ticket", "Recliner"),
            "wheelchair": translate("Ticket", "Wheelchair"),
            "companion": translate("Ticket", "Companion")}.get(name, name.title())


def _payment(name: str) -> str:
    return {"cash": translate("Ticket", "Cash"),
            "card": translate("Ticket", "Card"),
            "upi": translate("Ticket", "UPI"),
            "voucher": translate("Ticket", "Gift card"),
            "points": translate("Ticket", "Points")}.get(name, name.title())


def _font(px: float, bold: bool = False, mono: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(MONO_FAMILIES if mono else FAMILIES)
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # same metrics everywhere
    return font


def local_date(moment: datetime) -> str:
    return moment.strftime("%a %d %b %Y").replace(" 0", " ")


def local_time(moment: datetime) -> str:
    return moment.strftime("%H:%M")


class Flow:
    """Lays blocks out top to bottom; draws them when it has a painter, else only measures."""

    def __init__(self, painter: QPainter | None):
        self.painter = painter
        self.y = MARGIN

    def space(self, units: float) -> None:
        self.y += units

    def text(self, text: str, px: float, bold: bool = False, align: Qt.AlignmentFlag =
             Qt.AlignmentFlag.AlignLeft, mono: bool = False, color: QColor = INK,
             strike: bool = False, one_line: bool = False) -> None:
        font = _font(px, bold, mono)
        font.setStrikeOut(strike)
        if one_line:  # shrink rather than wrap (a reference read aloud must not break)
            width = QFontMetricsF(font).horizontalAdvance(text)
            if width > CONTENT:
                font = _font(px * CONTENT / width * 0.98, bold, mono)
        flags = int(align) | int(Qt.TextFlag.TextWordWrap)
        box = QFontMetricsF(font).boundingRect(QRectF(MARGIN, self.y, CONTENT, 1e5), flags, text)
        if self.painter is not None:
            self.painter.setFont(font)
            self.painter.setPen(color)
            self.painter.drawText(QRectF(MARGIN, self.y, CONTENT, box.height() + 2), flags, text)
        self.y += box.height()

    def columns(self, left: str, right: str, px: float, bold: bool = False,
                color: QColor = INK, strike: bool = False) -> None:
        """A label on the left and an amount on the right, on one line."""
        font = _font(px, bold)
        font.setStrikeOut(strike)
        metrics = QFontMetricsF(font)
        right_w = metrics.horizontalAdvance(right)
        left = metrics.elidedText(left, Qt.TextElideMode.ElideRight, CONTENT - right_w - 20)
        height = metrics.height()
        if self.painter is not None:
            self.painter.setFont(font)
            self.painter.setPen(color)
            row = QRectF(MARGIN, self.y, CONTENT, height)
            self.painter.drawText(row, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left)
            self.painter.drawText(row, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right)
        self.y += height

    def rule(self, dashed: bool = False, weight: float = 3.0) -> None:
        self.y += 14
        if self.painter is not None:
            pen = QPen(INK, weight, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            self.painter.setPen(pen)
            self.painter.drawLine(QPointF(MARGIN, self.y), QPointF(WIDTH - MARGIN, self.y))
        self.y += 18

    def block(self, height: float, draw: Callable[[QPainter, QRectF], None]) -> None:
        if self.painter is not None:
            draw(self.painter, QRectF(MARGIN, self.y, CONTENT, height))
        self.y += height


def _begin(painter: QPainter, rect: QRectF) -> None:
    painter.save()
    painter.translate(rect.topLeft())
    scale = rect.width() / WIDTH
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)


def _certificate_badge(painter: QPainter, rect: QRectF, certificate: str, language: str,
                       runtime_min: int) -> None:
    font = _font(34, bold=True)
    metrics = QFontMetricsF(font)
    badge = QRectF(rect.x(), rect.y() + 4, metrics.horizontalAdvance(certificate) + 28, rect.height() - 8)
    painter.setPen(QPen(INK, 4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(badge, 8, 8)
    painter.setFont(font)
    painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), certificate)
    painter.setFont(_font(32))
    runtime = translate("Ticket", "%1 min").replace("%1", str(runtime_min)) if runtime_min else ""
    details = " · ".join(part for part in (language, runtime) if part)
    painter.drawText(QRectF(badge.right() + 18, rect.y(), rect.width() - badge.width() - 18, rect.height()),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), details)


def _seat_line(seat: TicketSeat) -> str:
    return f"{seat.code}  {_seat_type(seat.seat_type)} · {_ticket_type(seat.ticket_type)}"


def _show_header(flow: Flow, data: TicketData) -> None:
    flow.text(data.cinema_name, 44, bold=True, align=Qt.AlignmentFlag.AlignHCenter)
    if data.city:
        flow.text(data.city, 30, align=Qt.AlignmentFlag.AlignHCenter, color=FAINT)
    flow.rule()
    flow.text(data.film_title, 60, bold=True)
    flow.space(6)
    flow.block(56, lambda p, r: _certificate_badge(p, r, data.certificate, data.language,
                                                   data.runtime_min))
    flow.space(14)
    flow.columns(local_date(data.local_start), local_time(data.local_start), 50, bold=True)
    flow.text(data.hall_name, 40, bold=True)


def _ticket_flow(flow: Flow, data: TicketData) -> None:
    _show_header(flow, data)
    flow.rule(dashed=True)
    seats = ", ".join(s.code for s in data.seats)
    flow.text((translate("Ticket", "SEATS %1") if len(data.seats) > 1 else translate("Ticket", "SEAT %1"))
              .replace("%1", seats), 56, bold=True)
    flow.space(8)
    for seat in data.seats:
        flow.columns(_seat_line(seat), format_money(seat.price_minor, data.currency), 32)
    flow.rule(dashed=True)
    flow.columns(translate("Ticket", "TOTAL"), format_money(data.total_minor, data.currency), 42, bold=True)
    if data.tax_minor:
        flow.columns(translate("Ticket", "incl. tax"), format_money(data.tax_minor, data.currency), 28, color=FAINT)
    flow.space(20)
    flow.block(QR_SIDE, lambda p, r: draw_qr(p, r, qr_payload(data), INK))
    flow.text(data.reference, 64, bold=True, mono=True, align=Qt.AlignmentFlag.AlignHCenter,
              one_line=True)
    flow.text(translate("Ticket", "Booking reference"), 26, align=Qt.AlignmentFlag.AlignHCenter, color=FAINT)
    flow.rule()
    issued = f"{local_date(data.issued_at)} {local_time(data.issued_at)}"
    flow.text(translate("Ticket", "Issued %1").replace("%1", issued) + f" · {data.kiosk_id} · {data.channel}",
              24, color=FAINT, align=Qt.AlignmentFlag.AlignHCenter)
    flow.text(translate("Ticket", "Show this ticket at the entrance."), 24, color=FAINT, align=Qt.AlignmentFlag.AlignHCenter)


def _receipt_flow(flow: Flow, data: ReceiptData) -> None:
    ticket = data.ticket
    flow.text(translate("Ticket", "RECEIPT"), 40, bold=True, align=Qt.AlignmentFlag.AlignHCenter)
    flow.space(6)
    _show_header(flow, ticket)
    flow.rule(dashed=True)
    for line in data.lines:
        label = _seat_line(line) + (translate("Ticket", " (refunded)") if line.refunded else "")
        flow.columns(label, format_money(line.price_minor, ticket.currency), 32,
                     color=FAINT if line.refunded else INK)
    for label, amount in data.discounts:  # each offer on its own line (issue 12)
        flow.columns(label, format_money(-amount, ticket.currency), 30)
    if data.items:  # the food and drink of the same basket, and where to collect it
        flow.rule(dashed=True)
        flow.columns(translate("Ticket", "Food and drink"), data.items_reference, 30, bold=True)
        for qty, label, total, refunded in data.items:
            note = (translate("Ticket", " (%1 refunded)").replace("%1", str(refunded))
                    if refunded else "")
            flow.columns(f"{qty} × {label}{note}", format_money(total, ticket.currency), 30,
                         color=FAINT if refunded == qty else INK)
    flow.rule(dashed=True)
    flow.columns(translate("Ticket", "Total"), format_money(data.total_minor, ticket.currency), 42, bold=True)
    rate = f" {data.tax_rate_bp / 100:g}%" if data.tax_rate_bp is not None else ""
    flow.columns(translate("Ticket", "%1 included").replace("%1", f"{data.tax_label}{rate}"),
                 format_money(data.tax_minor, ticket.currency), 30)
    flow.columns(translate("Ticket", "Net of tax"), format_money(data.total_minor - data.tax_minor, ticket.currency), 30)
    if data.refunded_minor:
        flow.columns(translate("Ticket", "Refunded"), format_money(-data.refunded_minor, ticket.currency), 34, bold=True)
        flow.columns(translate("Ticket", "Paid after refund"),
                     format_money(data.total_minor - data.refunded_minor, ticket.currency), 34, bold=True)
    flow.rule(dashed=True)
    method = _payment(data.payment_method)
    if data.tenders:  # split, UPI or gift card: one line per tender
        for kind, amount, reference in data.tenders:
            label = _payment(kind) + (f" •••• {reference}" if kind == "card" and reference
                                      else f" {reference}" if reference else "")
            flow.columns(label, format_money(amount, ticket.currency), 34, bold=True)
    elif data.payment_method == "card" and data.card_last4:
        flow.columns(translate("Ticket", "Paid by card"), f"•••• {data.card_last4}", 34, bold=True)
    else:
        flow.columns(translate("Ticket", "Paid"), method, 34, bold=True)
    if data.tendered_minor is not None:
        flow.columns(translate("Ticket", "Cash tendered"), format_money(data.tendered_minor, ticket.currency), 34)
    if data.change_minor is not None:
        flow.columns(translate("Ticket", "Change"), format_money(data.change_minor, ticket.currency), 34, bold=True)
    if data.member:  # the loyalty member and what this sale earned
        flow.columns(translate("Ticket", "Member %1").replace("%1", data.member),
                     translate("Ticket", "+%1 points").replace("%1", f"{data.points_earned:,}"),
                     30)
    flow.rule()
    flow.columns(translate("Ticket", "Booking"), ticket.reference, 30, bold=True)
    flow.columns(translate("Ticket", "Served by"), data.staff_label, 28)
    flow.columns(translate("Ticket", "Kiosk"), ticket.kiosk_id, 28)
    flow.columns(translate("Ticket", "Issued"), f"{local_date(ticket.issued_at)} {local_time(ticket.issued_at)}", 28)
    flow.space(16)
    flow.text(translate("Ticket", "Thank you. Keep this receipt for refunds and exchanges."), 24, color=FAINT,
              align=Qt.AlignmentFlag.AlignHCenter)


def ticket_height(data: TicketData) -> float:
    """Length of the ticket in logical units (0.1 mm on an 80 mm roll)."""
    flow = Flow(None)
    _ticket_flow(flow, data)
    return flow.y + MARGIN


def receipt_height(data: ReceiptData) -> float:
    flow = Flow(None)
    _receipt_flow(flow, data)
    return flow.y + MARGIN


def draw_ticket(painter: QPainter, rect: QRectF, data: TicketData) -> None:
    """Draw one ticket into ``rect`` (its width sets the scale; keep the aspect of
    ``WIDTH x ticket_height(data)`` or the bottom is cut)."""
    _begin(painter, rect)
    try:
        _ticket_flow(Flow(painter), data)
    finally:
        painter.restore()


def draw_receipt(painter: QPainter, rect: QRectF, data: ReceiptData) -> None:
    """Draw a counter receipt, same style and scale rules as ``draw_ticket``."""
    _begin(painter, rect)
    try:
        _receipt_flow(Flow(painter), data)
    finally:
        painter.restore()

"""Tickets and receipts: PDF text, QR round trip, printer output equals PDF output."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

import kiosk.tickets.output as output
from kiosk.tickets import (
    PrintFailed,
    ReceiptData,
    TicketData,
    print_receipt,
    print_ticket,
    render_receipt_pdf,
    render_ticket_pdf,
)
from kiosk.tickets.output import render_receipt_image, render_ticket_image
from tests.unit.test_ticket_model import sample_booking

MM_PER_PT = 25.4 / 72


def load(qapp, path: Path) -> QPdfDocument:
    doc = QPdfDocument(None)
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    return doc


def page_text(doc: QPdfDocument, page: int = 0) -> str:
    return doc.getAllText(page).text()


def page_image(doc: QPdfDocument, page: int = 0, scale: float = 4.0) -> QImage:
    """The page rendered on white paper (QtPdf renders onto a transparent image)."""
    size = doc.pagePointSize(page)
    raw = doc.render(page, QSize(round(size.width() * scale), round(size.height() * scale)))
    paper = QImage(raw.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, raw)
    painter.end()
    return paper


def decoded(image: QImage) -> list[str]:
    return [barcode.text for barcode in zxingcpp.read_barcodes(image)
            if barcode.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.fixture
def ticket() -> TicketData:
    return TicketData.from_booking(sample_booking(seats=3))


def test_ticket_pdf_is_an_80mm_roll_with_reference_film_and_seats(qapp, tmp_path, ticket):
    path = render_ticket_pdf(ticket, tmp_path / "out" / "ticket.pdf")
    assert path.read_bytes()[:5] == b"%PDF-"
    doc = load(qapp, path)
    assert doc.pageCount() == 1
    assert doc.pagePointSize(0).width() * MM_PER_PT == pytest.approx(80, abs=0.5)
    text = page_text(doc)
    for expected in ("K7Q-4MX2", "The Test Pattern", "Director's Cut", "F12", "F13", "F14",
                     "Wed 25 Nov 2026", "18:30", "Screen 1", "₹875.00", "UA", "KIOSK-1"):
        assert expected in text, expected


def test_qr_on_the_pdf_decodes_to_the_booking_reference(qapp, tmp_path, ticket):
    doc = load(qapp, render_ticket_pdf(ticket, tmp_path / "ticket.pdf"))
    assert decoded(page_image(doc)) == [ticket.code] and "K7Q-4MX2" in ticket.code


def test_qr_survives_thermal_printer_resolution(qapp, ticket):
    image = render_ticket_image(ticket, dots_per_mm=8.0)  # 203 dpi
    assert image.width() == 640
    assert decoded(image) == [ticket.code]


@pytest.mark.parametrize("reference", ["A", "ZX9-00QK", "LONG-REFERENCE-1234567890"])
def test_qr_round_trips_other_references(qapp, tmp_path, reference):
    data = TicketData.from_booking(sample_booking(reference=reference))
    doc = load(qapp, render_ticket_pdf(data, tmp_path / "t.pdf"))
    assert decoded(page_image(doc)) == [data.code]
    assert reference in page_text(doc)


def test_refunded_seat_is_not_on_the_reprinted_ticket(qapp, tmp_path):
    data = TicketData.from_booking(sample_booking(seats=3, refunded=True))
    text = page_text(load(qapp, render_ticket_pdf(data, tmp_path / "t.pdf")))
    assert "F12" in text and "F13" in text and "F14" not in text
    assert "₹595.00" in text


def test_one_page_per_seat_when_asked(qapp, tmp_path, ticket):
    doc = load(qapp, render_ticket_pdf(ticket, tmp_path / "t.pdf", per_seat=True))
    assert doc.pageCount() == 3
    for page, code in enumerate(["F12", "F13", "F14"]):
        text = page_text(doc, page)
        assert code in text and "K7Q-4MX2" in text
        assert {"F12", "F13", "F14"} - {code} & set(text.replace(",", " ").split()) == set()
        assert decoded(page_image(doc, page)) == [ticket.code]


def test_long_title_wraps_and_the_page_grows(qapp, tmp_path):
    from dataclasses import replace

    base = TicketData.from_booking(sample_booking(seats=1))
    long = replace(base, film_title="A Very Long Film Title That Cannot Possibly Fit On One Line Of An "
                   "Eighty Millimetre Roll")
    short_doc = load(qapp, render_ticket_pdf(base, tmp_path / "short.pdf"))
    long_doc = load(qapp, render_ticket_pdf(long, tmp_path / "long.pdf"))
    assert long_doc.pagePointSize(0).height() > short_doc.pagePointSize(0).height()
    assert "Eighty" in page_text(long_doc)
    assert decoded(page_image(long_doc)) == [base.code]


def test_printer_output_is_drawn_by_the_same_routine_and_matches_the_pdf(qapp, tmp_path, ticket,
                                                                          monkeypatch):
    calls = []
    real = output.draw_ticket

    def spy(painter, rect, data):
        calls.append(type(painter.device()).__name__)
        real(painter, rect, data)

    monkeypatch.setattr(output, "draw_ticket", spy)
    pdf = render_ticket_pdf(ticket, tmp_path / "pdf.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_ticket(ticket, silent=True, printer=printer) is True
    assert calls == ["QPdfWriter", "QPrinter"]
    a, b = load(qapp, pdf), load(qapp, tmp_path / "printed.pdf")
    assert a.pagePointSize(0).toSize() == b.pagePointSize(0).toSize()
    assert page_text(a) == page_text(b)
    img_a, img_b = page_image(a, scale=2), page_image(b, scale=2)
    assert img_a.size() == img_b.size()
    differing = sum(1 for x in range(0, img_a.width(), 3) for y in range(0, img_a.height(), 3)
                    if abs(QColor(img_a.pixel(x, y)).lightness() - QColor(img_b.pixel(x, y)).lightness()) > 96)
    assert differing < 0.01 * (img_a.width() // 3) * (img_a.height() // 3)
    assert decoded(page_image(b)) == [ticket.code]


def test_cancelled_print_dialog_prints_nothing(qapp, tmp_path, ticket, monkeypatch):
    monkeypatch.setattr(output, "_confirm", lambda printer, parent: False)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "never.pdf"))
    assert print_ticket(ticket, printer=printer) is False
    assert not (tmp_path / "never.pdf").exists()


def test_unknown_printer_is_refused_with_a_clear_message(qapp, ticket):
    with pytest.raises(PrintFailed, match="not available"):
        print_ticket(ticket, printer_name="No Such Printer 42", silent=True)


def test_cash_receipt_lists_tendered_change_tax_and_refunds(qapp, tmp_path):
    data = ReceiptData.from_booking(sample_booking(seats=3, refunded=True), tax_rate_bp=1800)
    doc = load(qapp, render_receipt_pdf(data, tmp_path / "receipt.pdf"))
    text = page_text(doc)
    for expected in ("RECEIPT", "K7Q-4MX2", "Cash tendered", "₹1,000.00", "Change", "₹125.00",
                     "GST 18% included", "₹133.46", "(refunded)", "-₹280.00", "₹595.00", "1001"):
        assert expected in text, expected
    assert decoded(page_image(doc)) == []  # a receipt is not an admission ticket


def test_card_receipt_shows_only_the_last_four_digits(qapp, tmp_path):
    data = ReceiptData.from_booking(sample_booking(payment="card"))
    text = page_text(load(qapp, render_receipt_pdf(data, tmp_path / "receipt.pdf")))
    assert "•••• 4242" in text and "Paid by card" in text
    assert "Cash tendered" not in text and "Change" not in text


def test_receipt_printer_path_matches_pdf_text(qapp, tmp_path):
    data = ReceiptData.from_booking(sample_booking(payment="card"), tax_rate_bp=1800)
    pdf = render_receipt_pdf(data, tmp_path / "r.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_receipt(data, silent=True, printer=printer)
    assert page_text(load(qapp, pdf)) == page_text(load(qapp, tmp_path / "printed.pdf"))


def test_previews_are_not_blank(qapp, tmp_path, ticket):
    for name, image in (("ticket", render_ticket_image(ticket)),
                        ("receipt", render_receipt_image(ReceiptData.from_booking(sample_booking())))):
        path = tmp_path / f"{name}.png"
        assert image.save(str(path))
        loaded = QImage(str(path))
        dark = sum(1 for x in range(0, loaded.width(), 4) for y in range(0, loaded.height(), 4)
                   if QColor(loaded.pixel(x, y)).lightness() < 128)
        assert 0.02 < dark / ((loaded.width() // 4) * (loaded.height() // 4)) < 0.5


def test_a_fully_refunded_booking_has_no_ticket_but_still_a_receipt(qapp, tmp_path):
    from kiosk.tickets import NothingToPrint

    booking = sample_booking(seats=1, refunded=True)
    data = TicketData.from_booking(booking)
    assert data.seats == ()
    with pytest.raises(NothingToPrint, match="no ticket to print"):
        render_ticket_pdf(data, tmp_path / "t.pdf")
    assert not (tmp_path / "t.pdf").exists()
    with pytest.raises(NothingToPrint):
        print_ticket(data, silent=True)
    text = page_text(load(qapp, render_receipt_pdf(ReceiptData.from_booking(booking), tmp_path / "r.pdf")))
    assert "(refunded)" in text and "-₹350.00" in text

"""Thermal printing over ESC/POS (issue 13 point 4): asserted on the byte stream. One ticket per
valid seat, each with the signed code in a native QR and a cut; a receipt kicks the drawer only
when asked; text the printer cannot show never fails a job; every printer fault is one
counter-friendly error, and a job is written whole or not recorded as printed."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
from dataclasses import replace
from types import SimpleNamespace

import pytest

from kiosk.cli import main
from kiosk.commands.print_test import sample_receipt, sample_ticket
from kiosk.domain.errors import InvalidInput
from kiosk.tickets import escpos_out
from kiosk.tickets.escpos_out import (
    NOT_ANSWERING,
    NOT_READY,
    OUT_OF_PAPER,
    PrinterAddress,
    PrinterUnavailable,
    open_device,
    parse_printer_uri,
    printable,
    receipt_bytes,
    send,
    ticket_bytes,
)
from kiosk.tickets.model import UnsignedTicket

QR_STORE = re.compile(rb"\x1d\(k(..)1P0", re.DOTALL)  # GS ( k pL pH cn=1 fn=P m=0, then data
CUT = b"\x1dV"
KICK = b"\x1bp"
ONLINE, PAPER = b"\x10\x04\x01", b"\x10\x04\x04"


def qr_contents(stream: bytes) -> list[bytes]:
    """What each native QR stores (the length header says how much follows ``1P0``)."""
    found = []
    for match in QR_STORE.finditer(stream):
        size = int.from_bytes(match[1], "little") - 3
        found.append(stream[match.end():match.end() + size])
    return found


@pytest.fixture
def ticket():
    return sample_ticket(3)


# ---------------------------------------------------------------------------- tickets
def test_one_ticket_per_seat_each_with_the_signed_code_and_a_cut(ticket):
    stream = ticket_bytes(ticket)
    assert ticket.code.startswith("BOK1.")
    assert qr_contents(stream) == [ticket.code.encode()] * 3
    assert stream.count(CUT) == 3 and stream.rstrip(b"\x00\x01").endswith(CUT)
    assert KICK not in stream
    assert stream.startswith(b"\x1b@")  # a known state, whatever the last job left
    text = stream.decode("cp437")
    for seat in ("SEAT F1", "SEAT F2", "SEAT F3"):
        assert seat in text
    assert "Ticket 2 of 3" in text and "Rs.350.00" in text and "Rs.245.00" in text
    assert "PRINTER TEST - NOT A" in text and "Screen 1" in text and ticket.reference in text
    assert ticket.local_start.strftime("%H:%M") in text


def test_refunded_seats_get_no_ticket_and_nothing_left_is_refused(ticket):
    seats = (ticket.seats[0], replace(ticket.seats[1], refunded=True), ticket.seats[2])
    stream = ticket_bytes(replace(ticket, seats=seats))
    assert len(qr_contents(stream)) == 2 and stream.count(CUT) == 2
    assert "SEAT F2" not in stream.decode("cp437")
    with pytest.raises(InvalidInput, match="no ticket to print"):
        ticket_bytes(replace(ticket, seats=(replace(ticket.seats[0], refunded=True),)))


def test_a_ticket_without_its_signed_code_is_never_printed_with_a_bare_reference(ticket):
    with pytest.raises(UnsignedTicket):
        ticket_bytes(replace(ticket, code=""))


def test_hindi_and_telugu_titles_build_and_print_what_the_code_page_can(ticket):
    data = replace(ticket, film_title="पतंग पे चाँद (Patang)", cinema_name="సినిమా Hall",
                   city="Hyderabad ₹ ā")
    stream = ticket_bytes(data)
    text = stream.decode("cp437")
    assert "? ? ? (Patang)" in text and "? Hall" in text and "Hyderabad Rs. a" in text
    assert len(qr_contents(stream)) == 3


def test_control_characters_in_a_title_are_text_not_printer_commands(ticket):
    stream = ticket_bytes(replace(ticket, film_title="Cut\x1dV\x00 here\x1bp\x00\x19\x19"))
    assert stream.count(CUT) == 3 and KICK not in stream
    assert "Cut V herep" in stream.decode("cp437")  # GS is a space, the rest went


def test_printable_keeps_latin_and_replaces_the_rest():
    assert printable("Café · £5 × 2 – “ok” …") == 'Café · £5 x 2 - "ok" ...'
    assert printable("₹250.00") == "Rs.250.00"
    assert printable("नमस्ते दुनिया!") == "? ?!"
    assert printable("a\u200db\tc\n") == "ab c "  # zero-width joiner dropped, spaces kept


def test_a_long_code_still_fits_the_paper():
    assert escpos_out._qr_module_dots("BOK1.x.k.ABCD-EFGH.SIG") == escpos_out.QR_MAX_MODULE_DOTS
    long_code = "BOK1." + "X" * 190
    dots = escpos_out._qr_module_dots(long_code)
    assert 1 <= dots < escpos_out.QR_MAX_MODULE_DOTS


# ---------------------------------------------------------------------------- receipts
def test_the_drawer_kick_only_when_asked_and_before_the_cut(ticket):
    receipt = sample_receipt(ticket)
    plain = receipt_bytes(receipt, kick_drawer=False)
    kicked = receipt_bytes(receipt, kick_drawer=True)
    assert KICK not in plain and kicked.count(KICK) == 1
    assert plain.count(CUT) == kicked.count(CUT) == 1
    assert kicked.index(KICK) < kicked.index(CUT)
    assert not qr_contents(kicked)  # a receipt admits nobody


def test_the_receipt_shows_lines_totals_and_payment(ticket):
    text = receipt_bytes(sample_receipt(ticket), kick_drawer=False).decode("cp437")
    for shown in ("RECEIPT", "F1  Premium · Adult", "F2  Premium · Child", "Total",
                  "GST 18% included", "Net of tax", "Cash tendered", "Change", "Rs.1,000.00",
                  ticket.reference, "Served by", "print-test"):
        assert shown in text, shown


def test_a_split_payment_with_food_a_refund_and_a_member(ticket):
    lines = (ticket.seats[0], replace(ticket.seats[1], refunded=True))
    receipt = replace(sample_receipt(ticket), lines=lines, refunded_minor=24500,
                      payment_method="card", tendered_minor=None, change_minor=None,
                      tenders=(("card", 50000, "4242"), ("voucher", 30000, "GC-****-1234")),
                      items=((2, "Popcorn × large", 40000, 1),), items_reference="FD-AB12-CD34",
                      discounts=(("Tuesday offer (TUE10)", 3500),), member="******3210",
                      points_earned=59)
    text = receipt_bytes(receipt, kick_drawer=False).decode("cp437")
    for shown in ("(refunded)", "Refunded", "Paid after refund", "Card **** 4242",
                  "Gift card GC-****-1234", "2 x Popcorn x large (1 refunded)", "FD-AB12-CD34",
                  "Tuesday offer (TUE10)", "-Rs.35.00", "Member ******3210", "+59 points"):
        assert shown in text, shown


# ---------------------------------------------------------------------------- addresses
@pytest.mark.parametrize("uri, address", [
    ("file:/tmp/ticket.bin", PrinterAddress("file", "/tmp/ticket.bin")),
    ("file:///dev/usb/lp0", PrinterAddress("file", "/dev/usb/lp0")),
    ("tcp://192.168.1.50", PrinterAddress("tcp", "192.168.1.50", port=9100)),
    ("tcp://printer.local:9101", PrinterAddress("tcp", "printer.local", port=9101)),
    ("usb:04b8:0e15", PrinterAddress("usb", vendor_id=0x04B8, product_id=0x0E15)),
    ("USB:04B8:0E15", PrinterAddress("usb", vendor_id=0x04B8, product_id=0x0E15)),
    ("serial:/dev/ttyUSB0", PrinterAddress("serial", "/dev/ttyUSB0", baud=9600)),
    ("serial:/dev/ttyS1:115200", PrinterAddress("serial", "/dev/ttyS1", baud=115200)),
])
def test_printer_addresses(uri, address):
    assert parse_printer_uri(uri) == address


@pytest.mark.parametrize("uri", [
    "", "printer", "file:", "tcp:192.168.1.50", "tcp://", "tcp://host:0", "tcp://host:70000",
    "tcp://host:abc", "tcp://bad_host", "usb:04b8", "usb:4b8:e15", "usb:0000:0000",
    "usb:04b8:0e15:1", "serial:", "serial:/dev/ttyUSB0:fast", "serial:/dev/ttyUSB0:50",
    "lpt:1", "http://printer",
])
def test_malformed_addresses_are_refused_in_words(uri):
    with pytest.raises(InvalidInput, match="not a printer address.*tcp://host"):
        parse_printer_uri(uri)
    with pytest.raises(InvalidInput):
        send(uri, b"x")


def test_usb_uses_the_printers_own_bulk_endpoints():
    def endpoint(address: int, kind: int = 2) -> SimpleNamespace:
        return SimpleNamespace(bEndpointAddress=address, bmAttributes=kind)

    device = SimpleNamespace(get_active_configuration=lambda: {
        (0, 0): [endpoint(0x83, 3), endpoint(0x03), endpoint(0x81)]})
    printer = SimpleNamespace(device=device, out_ep=0x01, in_ep=0x82)
    assert escpos_out._use_bulk_endpoints(printer) is True
    assert (printer.out_ep, printer.in_ep) == (0x03, 0x81)
    write_only = SimpleNamespace(device=SimpleNamespace(
        get_active_configuration=lambda: {(0, 0): [endpoint(0x02)]}), out_ep=1, in_ep=0x82)
    assert escpos_out._use_bulk_endpoints(write_only) is False


# ---------------------------------------------------------------------------- sending
def test_send_to_a_file_writes_exactly_the_bytes(tmp_path, ticket):
    target = tmp_path / "printer.bin"
    target.write_bytes(b"an earlier job")
    payload = ticket_bytes(ticket)
    send(f"file:{target}", payload)
    assert target.read_bytes() == payload


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_printer_that_is_not_there_is_one_clear_error(tmp_path):
    with pytest.raises(PrinterUnavailable) as caught:
        send(f"tcp://127.0.0.1:{closed_port()}", b"job", timeout=1.0)
    assert str(caught.value) == NOT_ANSWERING
    assert "press Reprint" in str(caught.value) and "refused" in caught.value.detail.lower()
    for uri in (f"file:{tmp_path}/missing/dir/printer", "serial:/nonexistent/ttyUSB9",
                "usb:fffe:fffe"):
        with pytest.raises(PrinterUnavailable, match="not answering"):
            send(uri, b"job")
    with pytest.raises(PrinterUnavailable):
        open_device(f"tcp://127.0.0.1:{closed_port()}", timeout=1.0)


class FakePrinter:
    """A network printer on loopback: answers status requests as told, records what it got."""

    def __init__(self, answers: dict[bytes, bytes], hang_up: bool = False):
        self.answers, self.hang_up = answers, hang_up
        self.received = bytearray()
        self.server = socket.create_server(("127.0.0.1", 0))
        self.uri = f"tcp://127.0.0.1:{self.server.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            if self.hang_up:
                return
            while chunk := conn.recv(65536):
                self.received += chunk
                for request, answer in self.answers.items():
                    if chunk.endswith(request):
                        conn.sendall(answer)

    def done(self) -> bytes:
        self.thread.join(timeout=10)
        self.server.close()
        return bytes(self.received)


def test_a_ready_printer_is_asked_before_and_after_and_gets_the_whole_job(ticket):
    printer = FakePrinter({ONLINE: b"\x12", PAPER: b"\x12"})
    payload = ticket_bytes(ticket)
    send(printer.uri, payload, timeout=2.0)
    assert printer.done() == ONLINE + PAPER + payload + ONLINE + PAPER


@pytest.mark.parametrize("online, paper, message", [
    (b"\x1a", b"\x72", OUT_OF_PAPER),  # paper end: offline too
    (b"\x1a", b"\x12", NOT_READY),  # cover open
])
def test_a_printer_that_says_it_cannot_print_gets_nothing(ticket, online, paper, message):
    printer = FakePrinter({ONLINE: online, PAPER: paper})
    with pytest.raises(PrinterUnavailable) as caught:
        send(printer.uri, ticket_bytes(ticket), timeout=2.0)
    assert str(caught.value) == message and "The sale is saved" in message
    assert printer.done() == ONLINE + PAPER  # not a byte of the job


def test_a_printer_that_runs_out_during_the_job_is_not_taken_for_success(ticket):
    class RunsOut(FakePrinter):
        def _serve(self) -> None:
            conn, _ = self.server.accept()
            with conn:
                while chunk := conn.recv(65536):
                    self.received += chunk
                    job_sent = len(self.received) > 10
                    if chunk.endswith(ONLINE):
                        conn.sendall(b"\x1a" if job_sent else b"\x12")
                    elif chunk.endswith(PAPER):
                        conn.sendall(b"\x72" if job_sent else b"\x12")

    printer = RunsOut({})
    with pytest.raises(PrinterUnavailable, match="stopped while printing"):
        send(printer.uri, ticket_bytes(ticket), timeout=2.0)
    printer.done()


def test_a_network_printer_without_status_still_prints(ticket, monkeypatch):
    monkeypatch.setattr(escpos_out, "STATUS_TIMEOUT_S", 0.05)
    printer = FakePrinter({})  # a socat bridge to a printer: never answers
    payload = ticket_bytes(ticket)
    send(printer.uri, payload, timeout=2.0)
    assert printer.done() == ONLINE + payload


def test_a_listener_that_hangs_up_is_unavailable(ticket):
    printer = FakePrinter({}, hang_up=True)
    with pytest.raises(PrinterUnavailable, match="not answering"):
        send(printer.uri, ticket_bytes(ticket), timeout=2.0)
    printer.done()


def test_building_and_sending_load_no_qt():
    code = ("import sys, kiosk.tickets.escpos_out, kiosk.commands.print_test; "
            "sys.exit(any(m.startswith('PySide6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# ---------------------------------------------------------------------------- kiosk print-test
@pytest.fixture
def cli_env(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "kiosk.toml"))  # none: built-in defaults
    monkeypatch.setenv("KIOSK_DB", str(tmp_path / "kiosk.db"))
    monkeypatch.delenv("KIOSK_THERMAL_PRINTER", raising=False)
    monkeypatch.delenv("KIOSK_CASH_DRAWER", raising=False)
    return tmp_path


def test_print_test_sends_two_tickets_and_a_cash_receipt(cli_env, capsys):
    target = cli_env / "printer.bin"
    assert main(["print-test", "--printer", f"file:{target}"]) == 0
    out = capsys.readouterr().out
    stream = target.read_bytes()
    assert f"Sent 2 tickets and a receipt ({len(stream)} bytes) to file:{target}" in out
    assert len(qr_contents(stream)) == 2 and stream.count(CUT) == 3
    assert stream.count(KICK) == 1  # cash_drawer is on by default
    assert not (cli_env / "kiosk.db").exists()  # no database was needed


def test_print_test_uses_the_configured_printer_and_drawer_setting(cli_env, capsys,
                                                                   monkeypatch):
    target = cli_env / "configured.bin"
    monkeypatch.setenv("KIOSK_THERMAL_PRINTER", f"file:{target}")
    monkeypatch.setenv("KIOSK_CASH_DRAWER", "false")
    assert main(["print-test"]) == 0
    assert f"to file:{target}" in capsys.readouterr().out
    assert KICK not in target.read_bytes()


def test_print_test_refuses_without_a_printer_or_with_a_bad_one(cli_env, capsys):
    assert main(["print-test"]) == 2
    assert "No thermal printer is set" in capsys.readouterr().err
    assert main(["print-test", "--printer", "lpt:1"]) == 2
    assert "not a printer address" in capsys.readouterr().err
    assert main(["print-test", "--printer", f"tcp://127.0.0.1:{closed_port()}"]) == 2
    err = capsys.readouterr().err
    assert "did not take the test print" in err and "Traceback" not in err



def test_the_printer_database_cache_is_written_whole_and_a_half_written_one_is_replaced(
        tmp_path):
    """Two processes starting at once must never read python-escpos' cache half written (the
    library writes it in place): ours is written to a temporary file and renamed."""
    import pickle
    import platform

    target = tmp_path / f"{platform.python_version()}.capabilities.pickle"
    escpos_out._write_capabilities(tmp_path)
    with target.open("rb") as cache:
        assert "profiles" in pickle.load(cache)  # noqa: S301 - our own file
    target.write_bytes(b"\x80\x04")  # half written by someone else
    escpos_out._write_capabilities(tmp_path)
    with target.open("rb") as cache:
        assert "profiles" in pickle.load(cache)  # noqa: S301
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left

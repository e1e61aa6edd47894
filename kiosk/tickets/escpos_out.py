"""Tickets and receipts as ESC/POS bytes for an 80 mm thermal printer, and the link to it.

``kiosk.tickets.draw`` paints a page for PDF and the desktop printer; a counter's thermal
printer is faster and crisper fed its own language: text in its fonts, the QR code drawn by the
printer from the payload (``GS ( k``, so no bitmap goes down the cable), a cut after each
ticket, the cash drawer's kick. A job is a few kilobytes and prints as fast as the head moves.
No Qt here: bytes are built and sent from any thread, the CLI and tests without a display.

Text goes out in code page PC437 (table 0, which every ESC/POS printer has); what it cannot
show (Hindi or Telugu letters, the rupee sign) is replaced (``printable``), so building a job
never fails. Labels are English: a printer's own fonts cannot draw the kiosk's other languages.

``send`` either hands the whole job to a printer that did not say it was unable to print, or
raises ``PrinterUnavailable``: the caller records a ticket as printed only when it returns.
"""

from __future__ import annotations

import logging
import os
import pickle  # noqa: S403 - our own cache file, written by us (see _keep_escpos_cache)
import re
import socket
import textwrap
import unicodedata
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
import segno

from kiosk.config import APP_NAME
from kiosk.domain.errors import InvalidInput, KioskError
from kiosk.domain.money import format_money
from kiosk.tickets.model import ReceiptData, TicketData, TicketSeat, qr_payload

if TYPE_CHECKING:
    from collections.abc import Iterator

    from escpos.escpos import Escpos

log = logging.getLogger(__name__)


def _keep_escpos_cache() -> None:
    """python-escpos caches its printer database in a new temporary folder in every process
    unless told where: a stray folder per kiosk start, and a slow rebuild each time. Point it
    at this user's cache folder (private to the user: the cache is a pickle), and write that
    cache ourselves, atomically: the library writes it in place, so two processes starting at
    once (two kiosks, test workers) could read it half written."""
    if os.environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR"):
        return
    folder = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "escpos"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        _write_capabilities(folder)
    except (OSError, ValueError, pickle.PickleError) as err:
        log.debug("python-escpos keeps its own cache: %s", err)
        return  # the library's own temporary folder then
    os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(folder)


def _write_capabilities(folder: Path) -> None:
    """The pickle python-escpos would write (its capabilities.json, loaded), unless a sound
    one newer than the data is there; written to a temporary file and renamed into place."""
    import importlib.resources
    import json
    import platform
    import tempfile

    data = importlib.resources.files("escpos") / "capabilities.json"
    target = folder / f"{platform.python_version()}.capabilities.pickle"
    with importlib.resources.as_file(data) as source:
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            try:
                with target.open("rb") as existing:
                    pickle.load(existing)
                return
            except (OSError, EOFError, pickle.UnpicklingError):
                pass  # half written once: write it again
        capabilities = json.loads(source.read_text(encoding="utf-8"))
    fd, tmp = tempfile.mkstemp(prefix=".capabilities-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            pickle.dump(capabilities, out)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_keep_escpos_cache()

from escpos.constants import (  # noqa: E402
    QR_ECLEVEL_M,
    QR_MODEL_2,
    RT_STATUS_ONLINE,
    RT_STATUS_PAPER,
)
from escpos.exceptions import Error as EscposError  # noqa: E402
from escpos.printer import Dummy, File, Network, Serial, Usb  # noqa: E402

# ---------------------------------------------------------------------------- paper and text
PROFILE = "TM-T20II"  # a generic 80 mm head: 576 dots, 48 columns in font A, native QR, cutter
COLUMNS = 48
CODEPAGE = "CP437"  # ESC t 0: the one table every ESC/POS printer has
QR_MAX_DOTS = 384  # 48 mm at 203 dpi, quiet zone included: room beside the roll's edges
QR_MAX_MODULE_DOTS = 10  # a short code still prints large enough for a dim door scanner
TICKET_CUT = "FULL"  # one loose slip per seat (python-escpos falls back to a partial cut)

_CHARSET = frozenset(bytes(range(0x20, 0x7F)).decode("cp437") + bytes(range(0x80, 0x100))
                     .decode("cp437"))
_SUBSTITUTES = {"₹": "Rs.", "€": "EUR ", "•": "*", "×": "x", "–": "-", "—": "-", "‘": "'",
                "’": "'", "“": '"', "”": '"', "…": "...", "−": "-"}


@lru_cache(maxsize=4096)
def _shown(char: str) -> str | None:
    """What the printer gets for ``char``; None when nothing in PC437 stands for it."""
    if char in _CHARSET:
        return char
    if char in _SUBSTITUTES:
        return _SUBSTITUTES[char]
    if char.isspace():
        return " "
    if unicodedata.category(char).startswith("C"):  # control and format characters: commands
        return ""
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if c in _CHARSET)
    return base or None  # "ā" -> "a" (the accent dropped); Devanagari -> None


def printable(text: str) -> str:
    """``text`` in characters the printer's code page has, so a job never fails to build.

    Symbols get a plain stand-in (₹ -> Rs.), accents PC437 lacks are dropped from their
    letters, control characters (which a printer would obey as commands) go, and each run of
    what is left (a Hindi or Telugu word) becomes one '?': visibly incomplete, never garbage.
    """
    out: list[str] = []
    unknown = False
    for char in text:
        shown = _shown(char)
        if shown is None:
            if not unknown:
                out.append("?")
            unknown = True
        elif shown:
            out.append(shown)
            unknown = False
    return "".join(out)


def _money(amount_minor: int, currency: str) -> str:
    return format_money(amount_minor, currency)  # printable() turns ₹ into Rs.


def _local_date(moment: datetime) -> str:
    return moment.strftime("%a %d %b %Y").replace(" 0", " ")


def _local_time(moment: datetime) -> str:
    return moment.strftime("%H:%M")


_TICKET_TYPES = {"adult": "Adult", "child": "Child", "senior": "Senior", "student": "Student"}
_SEAT_TYPES = {"standard": "Standard", "premium": "Premium", "recliner": "Recliner",
               "wheelchair": "Wheelchair", "companion": "Companion"}
_PAYMENTS = {"cash": "Cash", "card": "Card", "upi": "UPI", "voucher": "Gift card",
             "points": "Points"}


def _seat_kind(seat: TicketSeat) -> str:
    return (f"{_SEAT_TYPES.get(seat.seat_type, seat.seat_type.title())} · "
            f"{_TICKET_TYPES.get(seat.ticket_type, seat.ticket_type.title())}")


def _payment(kind: str) -> str:
    return _PAYMENTS.get(kind, kind.title())


def _qr_module_dots(payload: str) -> int:
    """Dots per QR module: as large as fits in ``QR_MAX_DOTS``. The printer picks the symbol
    version itself; sizing for byte mode is the largest it can pick, so the code always fits."""
    modules = segno.make(payload, error="m", mode="byte", micro=False,
                         boost_error=False).symbol_size(border=4)[0]
    return max(1, min(QR_MAX_MODULE_DOTS, QR_MAX_DOTS // modules))


class _Job:
    """One print job being built on a ``Dummy`` printer: lines, columns, rules, QR, cuts.

    Every line states its whole style (size, bold, alignment), so nothing leaks from one
    block into the next whatever the order."""

    def __init__(self) -> None:
        self.printer = Dummy(profile=PROFILE)
        self.printer.hw("INIT")
        self.printer.magic.force_encoding(CODEPAGE)

    def _style(self, *, bold: bool, big: bool, tall: bool, align: str) -> None:
        self.printer.set(align=align, bold=bold, double_width=big, double_height=big or tall,
                         normal_textsize=not (big or tall))

    def line(self, text: str, *, bold: bool = False, big: bool = False, tall: bool = False,
             align: str = "left") -> None:
        """``text`` wrapped at the width of its size (big letters are twice as wide)."""
        self._style(bold=bold, big=big, tall=tall, align=align)
        width = COLUMNS // 2 if big else COLUMNS
        for row in textwrap.wrap(printable(text), width) or [""]:
            self.printer.textln(row)

    def columns(self, left: str, right: str, *, bold: bool = False, tall: bool = False) -> None:
        """A label on the left and an amount on the right; a long label wraps below."""
        self._style(bold=bold, big=False, tall=tall, align="left")
        right = printable(right)
        room = COLUMNS - len(right) - 1
        if room < 12:  # an amount too wide to share the line
            self.line(left, bold=bold, tall=tall)
            self._style(bold=bold, big=False, tall=tall, align="right")
            self.printer.textln(right)
            return
        rows = textwrap.wrap(printable(left), room) or [""]
        self.printer.textln(f"{rows[0]:<{room}} {right}")
        for row in rows[1:]:
            self.printer.textln(row)

    def rule(self, char: str = "-") -> None:
        self._style(bold=False, big=False, tall=False, align="left")
        self.printer.textln(char * COLUMNS)

    def feed(self, lines: int = 1) -> None:
        self.printer.ln(lines)

    def qr(self, payload: str, module_dots: int) -> None:
        """The code drawn by the printer itself (``GS ( k``), centred."""
        self._style(bold=False, big=False, tall=False, align="center")
        self.printer.qr(payload, ec=QR_ECLEVEL_M, size=module_dots, model=QR_MODEL_2,
                        native=True)
        self.printer.ln()

    def kick_drawer(self) -> None:
        self.printer.cashdraw(2)  # ESC p on pin 2: the drawer socket of nearly every printer

    def cut(self, mode: str = "FULL") -> None:
        self.printer.cut(mode=mode)  # feeds the last line past the blade first

    def output(self) -> bytes:
        return self.printer.output


# ---------------------------------------------------------------------------- documents
def _show_header(job: _Job, data: TicketData) -> None:
    job.line(data.cinema_name, bold=True, tall=True, align="center")
    if data.city:
        job.line(data.city, align="center")
    job.rule("=")
    job.line(data.film_title, bold=True, big=True)
    runtime = f"{data.runtime_min} min" if data.runtime_min else ""
    job.line(" · ".join(p for p in (data.certificate, data.language, runtime) if p))
    job.columns(_local_date(data.local_start), _local_time(data.local_start), bold=True,
                tall=True)
    job.line(data.hall_name, bold=True)


def _issued(data: TicketData) -> str:
    return f"{_local_date(data.issued_at)} {_local_time(data.issued_at)}"


def _one_ticket(job: _Job, data: TicketData, seat: TicketSeat, number: int, of: int,
                payload: str, module_dots: int) -> None:
    _show_header(job, data)
    job.rule()
    job.line(f"SEAT {seat.code}", bold=True, big=True)
    job.columns(_seat_kind(seat), _money(seat.price_minor, data.currency), bold=True)
    if seat.tax_minor:
        job.columns("incl. tax", _money(seat.tax_minor, data.currency))
    job.feed()
    job.qr(payload, module_dots)
    # a reference read aloud must not break: big letters only when it fits on one line
    job.line(data.reference, bold=True, big=len(data.reference) <= COLUMNS // 2, tall=True,
             align="center")
    job.line("Booking reference", align="center")
    if of > 1:
        job.line(f"Ticket {number} of {of}", align="center")
    job.rule()
    job.line(f"Issued {_issued(data)} · {data.kiosk_id} · {data.channel}", align="center")
    job.line("Show this ticket at the entrance.", align="center")
    job.cut(TICKET_CUT)


def ticket_bytes(data: TicketData) -> bytes:
    """One ticket per valid seat, each with its own QR and a cut after it (a slip per person
    at the door). The QR encodes ``qr_payload(data)`` and nothing else."""
    seats = [s for s in data.seats if not s.refunded]
    if not seats:
        raise InvalidInput(f"Every seat of booking {data.reference} has been refunded, so there "
                           "is no ticket to print. Print a receipt instead.")
    payload = qr_payload(data)
    module_dots = _qr_module_dots(payload)
    job = _Job()
    for number, seat in enumerate(seats, start=1):
        _one_ticket(job, data, seat, number, len(seats), payload, module_dots)
    return job.output()


def _receipt_lines(job: _Job, data: ReceiptData) -> None:
    currency = data.ticket.currency
    for line in data.lines:
        job.columns(f"{line.code}  {_seat_kind(line)}" + (" (refunded)" if line.refunded else ""),
                    _money(line.price_minor, currency))
    for label, amount in data.discounts:
        job.columns(label, _money(-amount, currency))
    if data.items:
        job.rule()
        job.columns("Food and drink", data.items_reference, bold=True)
        for qty, label, total, refunded in data.items:
            note = f" ({refunded} refunded)" if refunded else ""
            job.columns(f"{qty} x {label}{note}", _money(total, currency))


def _receipt_totals(job: _Job, data: ReceiptData) -> None:
    currency = data.ticket.currency
    job.columns("Total", _money(data.total_minor, currency), bold=True, tall=True)
    rate = f" {data.tax_rate_bp / 100:g}%" if data.tax_rate_bp is not None else ""
    job.columns(f"{data.tax_label}{rate} included", _money(data.tax_minor, currency))
    job.columns("Net of tax", _money(data.total_minor - data.tax_minor, currency))
    if data.refunded_minor:
        job.columns("Refunded", _money(-data.refunded_minor, currency), bold=True)
        job.columns("Paid after refund", _money(data.total_minor - data.refunded_minor, currency),
                    bold=True)


def _receipt_payment(job: _Job, data: ReceiptData) -> None:
    currency = data.ticket.currency
    if data.tenders:  # split, UPI or gift card: one line per tender
        for kind, amount, reference in data.tenders:
            shown = f" **** {reference}" if kind == "card" and reference else (
                f" {reference}" if reference else "")
            job.columns(_payment(kind) + shown, _money(amount, currency), bold=True)
    elif data.payment_method == "card" and data.card_last4:
        job.columns("Paid by card", f"**** {data.card_last4}", bold=True)
    else:
        job.columns("Paid", _payment(data.payment_method), bold=True)
    if data.tendered_minor is not None:
        job.columns("Cash tendered", _money(data.tendered_minor, currency))
    if data.change_minor is not None:
        job.columns("Change", _money(data.change_minor, currency), bold=True)
    if data.member:
        job.columns(f"Member {data.member}", f"+{data.points_earned:,} points")


def receipt_bytes(data: ReceiptData, *, kick_drawer: bool) -> bytes:
    """The counter receipt as ``kiosk.tickets.draw`` lays it out, then a cut. ``kick_drawer``
    (a sale with a cash tender, and the config's ``cash_drawer``) opens the drawer as the
    receipt is cut, so the change is ready when the paper is."""
    ticket = data.ticket
    job = _Job()
    job.line("RECEIPT", bold=True, tall=True, align="center")
    _show_header(job, ticket)
    job.rule()
    _receipt_lines(job, data)
    job.rule()
    _receipt_totals(job, data)
    job.rule()
    _receipt_payment(job, data)
    job.rule("=")
    job.columns("Booking", ticket.reference, bold=True)
    job.columns("Served by", data.staff_label)
    job.columns("Kiosk", ticket.kiosk_id)
    job.columns("Issued", _issued(ticket))
    job.feed()
    job.line("Thank you. Keep this receipt for refunds and exchanges.", align="center")
    if kick_drawer:
        job.kick_drawer()
    job.cut("FULL")
    return job.output()


# ---------------------------------------------------------------------------- the printer
DEFAULT_PORT = 9100
DEFAULT_BAUD = 9600
CONNECT_TIMEOUT_S = 3.0  # a printer on the counter's network answers at once, or not at all
STATUS_TIMEOUT_S = 1.0  # how long a status question waits (silence: the device has no status)
WRITE_TIMEOUT_S = 30.0  # a long job waits on the printer's small buffer while it prints

_OFFLINE = 0x08  # DLE EOT 1: cover open, feed button held, paper end or an error
_PAPER_NEAR_END = 0x0C  # DLE EOT 4
_PAPER_END = 0x60
_STATUS_FIXED_MASK, _STATUS_FIXED = 0x93, 0x12  # the bits every status byte has set or clear

NOT_ANSWERING = ("The ticket printer is not answering (offline, switched off or out of paper). "
                 "The sale is saved: fix the printer and press Reprint.")
OUT_OF_PAPER = ("The ticket printer is out of paper. The sale is saved: load a new roll and "
                "press Reprint.")
NOT_READY = ("The ticket printer is not ready (cover open or an error light on). The sale is "
             "saved: fix the printer and press Reprint.")
STOPPED = ("The ticket printer stopped while printing (out of paper or cover open), so some "
           "tickets may be missing. The sale is saved: fix the printer and press Reprint.")

# what drivers raise: sockets, files, pyusb and pyserial (OSError), python-escpos, pyusb's
# missing backend (ValueError), a missing driver library (RuntimeError), escpos' asserts
_FAILURES: tuple[type[BaseException], ...] = (OSError, EscposError, ValueError, RuntimeError,
                                              AssertionError)


class PrinterUnavailable(KioskError):
    """The thermal printer could not take the job; ``detail`` says why, for the log.

    Defined here rather than as ``kiosk.tickets.output.PrintFailed`` so that printing over
    ESC/POS never loads Qt."""

    def __init__(self, message: str = NOT_ANSWERING, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


@dataclass(frozen=True)
class PrinterAddress:
    """Where the thermal printer is, read from the config's URI."""

    kind: str  # "file" | "tcp" | "usb" | "serial"
    target: str = ""  # file or serial device path, or host name
    port: int = 0  # TCP
    baud: int = 0  # serial
    vendor_id: int = 0  # USB
    product_id: int = 0


_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})$")
_PORT = re.compile(r"^\d{1,5}$")
_USB_IDS = re.compile(r"^([0-9A-Fa-f]{4}):([0-9A-Fa-f]{4})$")
_SERIAL = re.compile(r"^(?P<device>[^:]+)(?::(?P<baud>\d{3,7}))?$")


def _bad_uri(uri: str, why: str = "") -> InvalidInput:
    return InvalidInput(f"The thermal printer {uri!r} is not a printer address{why}: write "
                        "file:/path, tcp://host[:port], usb:VID:PID (4 hex digits each) or "
                        "serial:/dev/ttyUSB0[:baud].")


def _tcp(uri: str, rest: str) -> PrinterAddress:
    if not rest.startswith("//"):
        raise _bad_uri(uri)
    host, _, port = rest[2:].rstrip("/").partition(":")
    if not _HOST.match(host) or (port and not _PORT.match(port)):
        raise _bad_uri(uri)
    number = int(port) if port else DEFAULT_PORT
    if not 1 <= number <= 65535:
        raise _bad_uri(uri, " (the port is 1 to 65535)")
    return PrinterAddress("tcp", host, port=number)


def _usb(uri: str, rest: str) -> PrinterAddress:
    match = _USB_IDS.match(rest)
    if not match or int(match[1], 16) == 0:  # vendor 0 would match any USB device
        raise _bad_uri(uri)
    return PrinterAddress("usb", vendor_id=int(match[1], 16), product_id=int(match[2], 16))


def _serial(uri: str, rest: str) -> PrinterAddress:
    match = _SERIAL.match(rest)
    if not match:
        raise _bad_uri(uri)
    baud = int(match["baud"]) if match["baud"] else DEFAULT_BAUD
    if not 300 <= baud <= 4_000_000:
        raise _bad_uri(uri, " (the baud rate is 300 to 4000000)")
    return PrinterAddress("serial", match["device"], baud=baud)


def parse_printer_uri(uri: str) -> PrinterAddress:
    """``file:/path``, ``tcp://host[:port]`` (port 9100 by default), ``usb:VID:PID`` (hex) or
    ``serial:/dev/ttyUSB0[:baud]`` (9600 by default); InvalidInput for anything else."""
    text = (uri or "").strip()
    scheme, sep, rest = text.partition(":")
    scheme = scheme.lower()
    if not sep or not rest:
        raise _bad_uri(uri)
    if scheme == "file":
        path = rest[2:] if rest.startswith("///") else rest  # file:///dev/usb/lp0 too
        return PrinterAddress("file", path)
    if scheme == "tcp":
        return _tcp(uri, rest)
    if scheme == "usb":
        return _usb(uri, rest)
    if scheme == "serial":
        return _serial(uri, rest)
    raise _bad_uri(uri)


def _driver(address: PrinterAddress, timeout: float) -> Escpos:
    if address.kind == "file":
        return File(devfile=address.target)
    if address.kind == "tcp":
        return Network(host=address.target, port=address.port, timeout=timeout)
    if address.kind == "usb":
        return Usb(address.vendor_id, address.product_id, timeout=int(WRITE_TIMEOUT_S * 1000))
    # the read timeout: how long a status answer is waited for
    return Serial(devfile=address.target, baudrate=address.baud, timeout=STATUS_TIMEOUT_S)


def _use_bulk_endpoints(printer: Escpos) -> bool:
    """Point the USB driver at the printer's own bulk endpoints (python-escpos assumes 0x01 and
    0x82, which many printers do not use); True when it has an IN endpoint to answer on."""
    import usb.util

    try:
        interface = printer.device.get_active_configuration()[(0, 0)]
    except (OSError, LookupError, NotImplementedError):
        return True  # keep the defaults; a status question that times out is harmless
    has_in = False
    for endpoint in interface:
        if usb.util.endpoint_type(endpoint.bmAttributes) != usb.util.ENDPOINT_TYPE_BULK:
            continue
        if usb.util.endpoint_direction(endpoint.bEndpointAddress) == usb.util.ENDPOINT_OUT:
            printer.out_ep = endpoint.bEndpointAddress
        else:
            printer.in_ep, has_in = endpoint.bEndpointAddress, True
    return has_in


def _connect(address: PrinterAddress, timeout: float) -> tuple[Escpos, bool]:
    """The opened printer, and whether it can be asked for its status."""
    printer = None
    try:
        printer = _driver(address, timeout)
        if address.kind == "tcp":  # python-escpos' own open leaks the socket when refused
            printer.device = socket.create_connection((address.target, address.port), timeout)
            printer.device.settimeout(WRITE_TIMEOUT_S)  # connect was short; a long job is not
            return printer, True
        printer.open()
        if address.kind == "usb":
            printer.device.default_timeout = int(STATUS_TIMEOUT_S * 1000)  # reads only
            return printer, _use_bulk_endpoints(printer)
        if address.kind == "serial":
            printer.device.write_timeout = WRITE_TIMEOUT_S
            return printer, True
        return printer, False  # a file or a kernel printer device: nothing to ask
    except _FAILURES as exc:
        if printer is not None:
            _close_quietly(printer, address)
        raise _unavailable(address, exc) from exc


def open_device(uri: str, *, timeout: float = CONNECT_TIMEOUT_S) -> Escpos:
    """The python-escpos printer at ``uri``, connected (close it when done). InvalidInput for a
    malformed address, PrinterUnavailable when the printer cannot be reached."""
    return _connect(parse_printer_uri(uri), timeout)[0]


def _unavailable(address: PrinterAddress, exc: BaseException) -> PrinterUnavailable:
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())  # one line, for logs and CLI
    log.warning("thermal printer (%s %s) failed: %s", address.kind,
                address.target or f"{address.vendor_id:04x}:{address.product_id:04x}", detail)
    return PrinterUnavailable(NOT_ANSWERING, detail=detail)


def _timeouts() -> tuple[type[BaseException], ...]:
    try:
        from usb.core import USBTimeoutError
    except ImportError:
        return (TimeoutError,)
    return (TimeoutError, USBTimeoutError)


@contextmanager
def _short_reads(printer: Escpos, address: PrinterAddress) -> Iterator[None]:
    """A socket waits ``STATUS_TIMEOUT_S`` for an answer (USB and serial were set so at open)."""
    if address.kind != "tcp":
        yield
        return
    sock = printer.device
    before = sock.gettimeout()
    sock.settimeout(STATUS_TIMEOUT_S)
    try:
        yield
    finally:
        sock.settimeout(before)


def _status(printer: Escpos, address: PrinterAddress, request: bytes) -> int | None:
    """The printer's one-byte answer to a real-time status request (``DLE EOT n``); None when
    it says nothing in time or the answer is not a status byte."""
    try:
        with _short_reads(printer, address):
            answer = printer.query_status(request)
    except _timeouts():
        return None
    if not answer:
        if address.kind == "tcp":  # end of stream: whatever listens hung up
            raise PrinterUnavailable(detail="the printer closed the connection")
        return None  # a serial line's silence
    byte = answer[0]
    return byte if byte & _STATUS_FIXED_MASK == _STATUS_FIXED else None


def _check_ready(printer: Escpos, address: PrinterAddress, *, after: bool = False) -> bool:
    """Refuse a printer that reports itself offline or out of paper. True when it answered
    (so it can be asked again after the job); silence is no refusal, except on a serial line
    before the job, where nothing else would tell a switched-off printer."""
    online = _status(printer, address, RT_STATUS_ONLINE)
    if online is None:
        if address.kind == "serial" and not after:
            raise PrinterUnavailable(detail="no answer to a status request on the serial line")
        return False
    paper = _status(printer, address, RT_STATUS_PAPER)
    if paper is not None and paper & _PAPER_END == _PAPER_END:
        raise PrinterUnavailable(STOPPED if after else OUT_OF_PAPER, f"paper status {paper:#04x}")
    if online & _OFFLINE:
        raise PrinterUnavailable(STOPPED if after else NOT_READY, f"printer status {online:#04x}")
    if paper is not None and paper & _PAPER_NEAR_END == _PAPER_NEAR_END and not after:
        log.warning("thermal printer: the paper roll is nearly used up")
    return True


def _write(printer: Escpos, address: PrinterAddress, payload: bytes) -> None:
    if address.kind == "serial":  # the line's own speed bounds a long job, with room to spare
        printer.device.write_timeout = WRITE_TIMEOUT_S + 20 * len(payload) / address.baud
    printer._raw(payload)


def _drain(sock: socket.socket) -> None:
    """Read what the printer still sent (a late status answer): closing a socket with unread
    data makes the system reset the connection, which can lose the end of the job."""
    with suppress(OSError):
        sock.setblocking(False)
        while sock.recv(256):
            pass


def _close(printer: Escpos, address: PrinterAddress) -> None:
    device = printer._device  # not .device: reading that on an unopened printer opens it
    if address.kind == "tcp" and device:
        _drain(device)
    printer.close()


def _close_quietly(printer: Escpos, address: PrinterAddress) -> None:
    with suppress(*_FAILURES):
        _close(printer, address)


def send(uri: str, payload: bytes, *, timeout: float = CONNECT_TIMEOUT_S) -> None:
    """Print ``payload`` (ESC/POS bytes) on the printer at ``uri``: it completes or raises.

    Where the device can say (network, USB, serial) the printer is asked first whether it is
    online and has paper, and again after the job so a stop at the start is not taken for
    success. Every failure is a ``PrinterUnavailable`` with a message for the counter; a
    malformed address is InvalidInput (a configuration mistake, not a printer fault).
    """
    address = parse_printer_uri(uri)
    printer, asks = _connect(address, timeout)
    try:
        answered = asks and _check_ready(printer, address)
        _write(printer, address, payload)
        if answered:
            _check_ready(printer, address, after=True)
        _close(printer, address)  # a file's last flush can fail too
    except PrinterUnavailable as err:
        _close_quietly(printer, address)
        log.warning("thermal printer refused the job: %s (%s)", err, err.detail)
        raise
    except _FAILURES as exc:
        _close_quietly(printer, address)
        raise _unavailable(address, exc) from exc

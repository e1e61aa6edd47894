"""TicketData / ReceiptData built from a Booking: local times, valid seats, totals.

``sample_booking`` is shared with tests/ui/test_tickets.py.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.services.models import Booking, BookingLine, ShowSummary
from kiosk.tickets.model import ReceiptData, TicketData


def sample_booking(*, payment: str = "cash", refunded: bool = False, seats: int = 3,
                   reference: str = "K7Q-4MX2", ticket_code: str | None = None) -> Booking:
    show = ShowSummary(
        show_id="show-future", film_id="film-test", film_title="The Test Pattern: Director's Cut",
        certificate="UA", language="Hindi", genres=("Drama",), runtime_min=142,
        cinema_id="cin-test", cinema_name="Test Screens Koramangala", city="Bengaluru",
        hall_id="hall-test", hall_name="Screen 1", starts_at=datetime(2026, 11, 25, 13, 0, tzinfo=UTC),
        local_start=datetime(2026, 11, 25, 18, 30), timezone="Asia/Kolkata", seats_total=58,
        seats_left=40, currency="INR", from_price_minor=25000)
    codes = ["F12", "F13", "F14", "F15", "F16", "F17"][:seats]
    types = ["adult", "child", "senior", "student", "adult", "adult"]
    lines = []
    for n, code in enumerate(codes):
        price = 35000 if types[n] == "adult" else 28000 if types[n] in ("senior", "student") else 24500
        lines.append(BookingLine(code, "premium", types[n], price, (price * 1800) // 11800,
                                 refunded=refunded and n == seats - 1))
    total = sum(line.price_minor for line in lines)
    tax = sum(line.tax_minor for line in lines)
    refunded_minor = lines[-1].price_minor if refunded else 0
    return Booking(
        booking_id="bk-0001", reference=reference, show=show, channel="counter",
        kiosk_id="KIOSK-1", staff_id=1001, lines=tuple(lines), currency="INR", total_minor=total,
        tax_minor=tax, refunded_minor=refunded_minor, payment_method=payment,
        card_last4="4242" if payment == "card" else None,
        tendered_minor=100000 if payment == "cash" else None,
        change_minor=100000 - total if payment == "cash" else None, customer_contact="",
        state="partly_refunded" if refunded else "confirmed", sync_state="pending",
        created_at=datetime(2026, 11, 25, 11, 32, 5, tzinfo=UTC),
        ticket_code=f"BOK1.cin-test.k1.{reference}.TESTSIGNATURE" if ticket_code is None
        else ticket_code)


def test_ticket_shows_local_time_and_every_seat():
    booking = sample_booking(seats=3)
    ticket = TicketData.from_booking(booking)
    assert ticket.local_start.strftime("%Y-%m-%d %H:%M") == "2026-11-25 18:30"  # 13:00 UTC in IST
    assert ticket.local_start.utcoffset().total_seconds() == 5.5 * 3600
    assert ticket.issued_at.strftime("%H:%M:%S") == "17:02:05"
    assert [s.code for s in ticket.seats] == ["F12", "F13", "F14"]
    assert [s.ticket_type for s in ticket.seats] == ["adult", "child", "senior"]
    assert ticket.total_minor == booking.total_minor == sum(s.price_minor for s in ticket.seats)
    assert ticket.tax_minor == booking.tax_minor
    assert (ticket.reference, ticket.film_title, ticket.certificate, ticket.hall_name) == (
        "K7Q-4MX2", "The Test Pattern: Director's Cut", "UA", "Screen 1")
    assert ticket.cinema_name == "Test Screens Koramangala" and ticket.kiosk_id == "KIOSK-1"


def test_explicit_issue_time_is_shown_in_the_cinema_zone():
    ticket = TicketData.from_booking(sample_booking(), issued_at=datetime(2026, 11, 25, 20, 0, tzinfo=UTC))
    assert ticket.issued_at.strftime("%d %H:%M") == "26 01:30"


def test_refunded_seats_leave_the_ticket_but_stay_on_the_receipt():
    booking = sample_booking(seats=3, refunded=True)
    ticket = TicketData.from_booking(booking)
    assert [s.code for s in ticket.seats] == ["F12", "F13"]
    assert ticket.total_minor == booking.total_minor - booking.refunded_minor
    receipt = ReceiptData.from_booking(booking, tax_rate_bp=1800)
    assert [(line.code, line.refunded) for line in receipt.lines] == [
        ("F12", False), ("F13", False), ("F14", True)]
    assert receipt.total_minor == booking.total_minor
    assert receipt.refunded_minor == booking.refunded_minor > 0


def test_one_ticket_per_seat_keeps_the_reference():
    ticket = TicketData.from_booking(sample_booking(seats=2))
    single = ticket.for_seat("F13")
    assert [s.code for s in single.seats] == ["F13"]
    assert single.reference == ticket.reference
    assert single.total_minor == single.seats[0].price_minor
    with pytest.raises(StopIteration):
        ticket.for_seat("Z99")


@pytest.mark.parametrize("payment", ["cash", "card"])
def test_receipt_carries_payment_details(payment):
    booking = sample_booking(payment=payment)
    receipt = ReceiptData.from_booking(booking)
    assert receipt.payment_method == payment
    assert receipt.staff_label == "1001"
    if payment == "cash":
        assert receipt.tendered_minor - receipt.change_minor == booking.total_minor
        assert receipt.card_last4 is None
    else:
        assert receipt.card_last4 == "4242" and receipt.tendered_minor is None


def test_qr_payload_is_the_signed_code_for_a_booking_and_its_ticket_never_a_bare_reference():
    import pytest

    from kiosk.tickets import qr_payload
    from kiosk.tickets.model import UnsignedTicket

    booking = sample_booking(reference="AB1-2CD3")
    assert qr_payload(booking) == qr_payload(TicketData.from_booking(booking)) == \
        booking.ticket_code
    unsigned = sample_booking(reference="AB1-2CD3", ticket_code="")
    for item in (unsigned, TicketData.from_booking(unsigned)):
        with pytest.raises(UnsignedTicket):
            qr_payload(item)

"""Bookings to render in ticket tests (a sale with a refunded line, cash and card)."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.services.models import Booking, BookingLine, ShowSummary


def sample_booking(*, payment: str = "cash", refunded: bool = False, seats: int = 3,
                   reference: str = "K7Q-4MX2") -> Booking:
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
        created_at=datetime(2026, 11, 25, 11, 32, 5, tzinfo=UTC))

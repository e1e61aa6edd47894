"""Building a thermal-printer job (issue 13 point 4): ten tickets' ESC/POS bytes in under 50 ms
median, so a sale's tickets start printing as soon as the booking is committed.

Timed is ``ticket_bytes`` alone (text, native QR commands, cuts) for a 10-seat booking, the
most a booking may hold by default; sending depends on the printer and is not measured here.
"""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.bench import median_ms

TARGET_MS = 50.0
SEATS = 10


def ticket_bytes_median_ms(repeats: int = 30) -> float:
    """Median milliseconds to build the ESC/POS bytes of a 10-seat booking's tickets."""
    from kiosk.commands.print_test import sample_ticket
    from kiosk.tickets.escpos_out import ticket_bytes

    data = sample_ticket(SEATS, now=datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    return median_ms(lambda: ticket_bytes(data), repeats)

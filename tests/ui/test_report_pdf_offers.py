"""Issue 12 point 6: the daily report PDF names what each offer took off (its gross figures are
already after the discounts)."""

from __future__ import annotations

from datetime import date

from kiosk.services.models import Payment
from kiosk.store.db import transaction
from kiosk.store.offer_store import save_offer
from kiosk.tickets.report_pdf import render_daily_report_pdf
from tests.factories import CASHIER, MANAGER
from tests.ui.test_tickets import load, page_text
from tests.unit.test_offers import offer


def test_the_daily_report_pdf_lists_each_offer(qapp, services, tmp_path):
    with transaction(services.deps.conn):
        save_offer(services.deps.conn, offer("wed", name="Wednesday 20 %", value=20,
                                             weekdays="wed"))
    cashier = services.auth.sign_in(*CASHIER)
    hold = services.booking.hold(cashier, "show-future", ["B1", "B2"])
    services.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"))
    report = services.reports.daily_sales(services.auth.sign_in(*MANAGER), date(2026, 11, 25))
    pdf = render_daily_report_pdf(report, tmp_path / "day.pdf", cinema_name="Test Screens")
    text = page_text(load(qapp, pdf))
    assert "offer: Wednesday 20 %" in text and "-₹100.00" in text, text

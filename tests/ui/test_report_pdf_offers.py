"""Issue 12 point 6: the daily report PDF names what each offer took off (its gross figures are
already after the discounts) and has the food and drink: totals, spend per head, by category and
by item."""

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


def test_the_daily_report_pdf_has_the_food_and_drink(qapp, services, tmp_path):
    from kiosk.domain.menu import Order
    from kiosk.store.menu_store import replace_menu
    from tests.unit.test_menu import small_menu

    with transaction(services.deps.conn):
        replace_menu(services.deps.conn, small_menu(), {"pop-l": (10, 3)}, "t")
    cashier = services.auth.sign_in(*CASHIER)
    hold = services.booking.hold(cashier, "show-future", ["C1", "C2"])
    services.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"),
                             items=(Order("pop-l", 2, ("salted",)), Order("cola-m")))
    report = services.reports.daily_sales(services.auth.sign_in(*MANAGER), date(2026, 11, 25))
    pdf = render_daily_report_pdf(report, tmp_path / "food.pdf", cinema_name="Test Screens")
    text = page_text(load(qapp, pdf))
    for words in ("Food and drink", "1 sale, 3 items", "₹1,130.00", "₹565.00 per admission",
                  "Popcorn (Large)", "Soft drink (Medium)"):
        assert words in text, (words, text)
    import subprocess
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(pdf),
                    "/tmp/shots/report_food"], check=False)

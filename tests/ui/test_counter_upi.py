"""Issue 12, payment methods: the counter's UPI QR for the exact amount, the 12-digit UTR,
rupees only, and quick-cash buttons made of notes in circulation."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import Qt

from tests.ui.test_counter_sale import count, decode_qr

PAYEE = "boxoffice@okhdfc"


def _with_payee(driver, vpa=PAYEE, name="Test Cinema Box Office"):
    driver.mode.config = replace(driver.mode.config, upi_payee_vpa=vpa, upi_payee_name=name)


def _qr_fields(payment) -> dict[str, str]:
    scanned = decode_qr(payment.upi_qr.pixmap())
    assert scanned == payment.upi_payload  # what a phone reads is what the screen meant
    parts = urlsplit(scanned)
    assert (parts.scheme, parts.netloc) == ("upi", "pay")
    return {k: v[0] for k, v in parse_qs(parts.query).items()}


def test_upi_qr_asks_for_exactly_the_amount_and_the_utr_must_be_12_digits(driver, qtbot,
                                                                          services):
    _with_payee(driver)
    payment = driver.to_payment()
    due = payment.due_minor
    qtbot.keyClick(payment, Qt.Key.Key_F10)
    assert payment.upi_button.isChecked() and payment.upi_qr.isVisible()
    fields = _qr_fields(payment)
    assert fields["pa"] == PAYEE and fields["pn"] == "Test Cinema Box Office"
    assert fields["am"] == f"{due // 100}.{due % 100:02d}" and fields["cu"] == "INR"
    assert "Test Pattern" in fields["tn"] and "tr" not in fields and "mc" not in fields
    qtbot.keyClicks(payment.upi_reference, "user@okaxis")  # the UPI ID is not the reference
    assert payment.upi_reference.text() == ""  # letters never get in
    qtbot.keyClicks(payment.upi_reference, "4105 2233 98")  # 10 digits
    assert not payment.confirm_button.isEnabled()
    qtbot.keyClick(payment.upi_reference, Qt.Key.Key_Return)
    assert "12-digit" in payment.message.text()
    assert count(services, "SELECT COUNT(*) FROM bookings") == 0
    qtbot.keyClicks(payment.upi_reference, "76")
    assert payment.confirm_button.isEnabled() and payment.message.text() == ""
    Path("/tmp/shots").mkdir(parents=True, exist_ok=True)
    payment.window().grab().save("/tmp/shots/payment_upi_qr.png")
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    booking = driver.mode.session.sale.booking
    assert [(t.kind, t.amount_minor, t.reference) for t in booking.tenders] == [
        ("upi", due, "410522339876")]


def test_a_upi_part_payment_shows_a_qr_for_the_part_only(driver, qtbot):
    _with_payee(driver)
    driver.mode.config = replace(driver.mode.config, upi_merchant_code="7832")
    payment = driver.to_payment()
    due = payment.due_minor
    driver.click(payment.upi_button)
    qtbot.keyClicks(payment.part_amount, "150")
    first = _qr_fields(payment)
    assert first["am"] == "150.00" and first["mc"] == "7832" and first["tr"].endswith("-1")
    qtbot.keyClicks(payment.upi_reference, "410522339876")
    qtbot.keyClick(payment, Qt.Key.Key_F4)  # add as part payment (F6 is the counter's refund)
    assert payment.cash_button.isChecked() and payment.remaining_minor == due - 15000
    driver.click(payment.upi_button)  # a second UPI part: the QR is for what is still to pay
    rest = due - 15000
    second = _qr_fields(payment)
    assert second["am"] == f"{rest // 100}.{rest % 100:02d}" and second["tr"].endswith("-2")


def test_without_a_payee_there_is_no_qr_but_upi_is_still_recorded(driver, qtbot):
    payment = driver.to_payment()
    driver.click(payment.upi_button)
    assert not payment.upi_qr.isVisible() and payment.upi_payload == ""
    assert "UPI stand" in payment.upi_pay_text.text()
    qtbot.keyClicks(payment.upi_reference, "410522339876")
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    assert driver.mode.session.sale.booking.tenders[0].kind == "upi"


def test_upi_is_offered_for_rupees_only(driver, qtbot, services):
    services.deps.conn.execute("UPDATE price_lists SET currency = 'AED'")
    _with_payee(driver)
    payment = driver.to_payment()
    assert payment.currency == "AED"
    assert not payment.upi_button.isEnabled() and "rupees" in payment.upi_button.toolTip()
    qtbot.keyClick(payment, Qt.Key.Key_F10)
    assert not payment.upi_button.isChecked()


def test_quick_cash_buttons_use_notes_in_circulation(driver, qtbot):
    payment = driver.to_payment(("B1",))
    due = payment.due_minor
    amounts = [int(b.objectName().removeprefix("quickCash_")) for b in payment.quick_buttons
               if b.objectName().startswith("quickCash_")]
    assert amounts and all(a > due for a in amounts) and amounts == sorted(amounts)
    assert all(a % 5_000 == 0 for a in amounts)  # reachable with ₹50 notes and up


def test_the_qr_stays_black_on_white_and_scannable_in_high_contrast(driver, qtbot, kiosk_ui):
    _with_payee(driver)
    kiosk_ui.theme.set_high_contrast(True)
    try:
        payment = driver.to_payment()
        driver.click(payment.upi_button)
        assert _qr_fields(payment)["pa"] == PAYEE
        Path("/tmp/shots").mkdir(parents=True, exist_ok=True)
        payment.window().grab().save("/tmp/shots/payment_upi_high_contrast.png")
    finally:
        kiosk_ui.theme.set_high_contrast(False)

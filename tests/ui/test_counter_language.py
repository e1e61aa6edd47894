"""The counter's issue-11 payment strings in Hindi and Telugu: a split payment reads in the
counter's language end to end (tender names included), not half in English."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.ui import i18n

WAIT = 10_000
SHOTS = Path("/tmp/shots")
EXPECTED = {  # language -> (card, cash, still to pay, part payments)
    "hi": ("कार्ड", "नकद", "बाकी देय", "आंशिक भुगतान"),
    "te": ("కార్డు", "నగదు", "ఇంకా చెల్లించాల్సింది", "పాక్షిక చెల్లింపులు"),
}


@pytest.fixture(params=sorted(EXPECTED))
def lang(request):
    yield request.param
    i18n.language_manager().set_language("en")


@pytest.fixture
def ui_config(config, lang):
    """The counter started in ``lang`` (as ``config.language`` does on a real kiosk)."""
    return replace(config, kiosk_id="TEST-COUNTER", language=lang)


def grab(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / f"{name}.png"))


def test_split_payment_reads_in_the_counter_language(driver, qtbot, lang):
    card, cash, still_to_pay, parts = EXPECTED[lang]
    assert i18n.language_manager().language == lang
    driver.start()
    driver.open_show()
    for code in ("B1", "B2"):
        driver.tap_seat(code)
    qtbot.waitUntil(lambda: set(driver.held_seats()) == {"B1", "B2"}, timeout=WAIT)
    driver.click(driver.screen("seats").continue_button)
    driver.click(driver.screen("basket").pay_button)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    assert payment.upi_button.text() == "UPI (F9)" and "(F10)" in payment.voucher_button.text()
    assert "Voucher" not in payment.voucher_button.text()
    driver.click(payment.card_button)
    qtbot.keyClicks(payment.card_last4, "4242")
    qtbot.keyClicks(payment.part_amount, "300")
    driver.click(payment.add_part_button)
    assert payment.parts_label.text() == f"{parts}: {card} ••••4242: ₹300.00"
    assert payment.remaining_label.text() == f"{still_to_pay} ₹200.00"
    driver.click(payment.quick_buttons[1])
    grab(payment.window(), f"payment_split_{lang}")
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    details = driver.screen("ticket").details.text()
    assert f"{card} ••••4242 ₹300.00 + {cash} ₹200.00" in details
    assert "card" not in details and "cash" not in details
    grab(driver.screen("ticket").window(), f"ticket_split_{lang}")

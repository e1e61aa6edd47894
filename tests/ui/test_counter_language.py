"""The counter's issue-11 payment strings in Hindi and Telugu: a split payment reads in the
counter's language end to end (tender names included), not half in English."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.ui import i18n
from tests.factories import issue_gift_card

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
    assert payment.upi_button.text() == "UPI (F10)" and "(F11)" in payment.voucher_button.text()
    assert "Gift card" not in payment.voucher_button.text()
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


UPI_TEXT = {"hi": ("ग्राहक Test Box Office को ₹500.00 चुकाने", "12 अंकों का UTR"),
            "te": ("Test Box Office కు ₹500.00 చెల్లించడానికి", "12 అంకెల UTR")}


def test_upi_qr_page_reads_in_the_counter_language(driver, qtbot, lang):
    """Issue 12: the UPI page (QR, who is paid how much, the UTR hint) in Hindi and Telugu."""
    driver.mode.config = replace(driver.mode.config, upi_payee_vpa="boxoffice@okhdfc",
                                 upi_payee_name="Test Box Office")
    payment = driver.to_payment()
    driver.click(payment.upi_button)
    pay_text, hint = UPI_TEXT[lang]
    assert pay_text in payment.upi_pay_text.text() and payment.upi_qr.isVisible()
    qtbot.keyClick(payment.upi_reference, Qt.Key.Key_Return)  # no UTR yet: the hint, translated
    assert hint in payment.message.text() and "Enter" not in payment.message.text()
    grab(payment.window(), f"payment_upi_{lang}")


PAY_OUT = {"hi": ("देना बाकी: ₹500.00", "अभी मेरी दराज़ से पैसे दें", "आपकी दराज़ से ₹500.00 दे दिए गए।"),
           "te": ("ఇవ్వాల్సింది: ₹500.00", "ఇప్పుడే నా డ్రాయర్ నుండి ఇవ్వండి",
                  "మీ డ్రాయర్ నుండి ₹500.00 ఇచ్చారు.")}


def test_refund_screen_to_pay_out_row_reads_in_the_counter_language(driver, qtbot, services, lang):
    from tests.ui.test_money_controls_ui import request_after_shift

    row, button_text, paid_out = PAY_OUT[lang]
    _cashier, booking, request, _closed = request_after_shift(services)
    assert services.booking.approve_refund(services.auth.sign_in("9001", "9999"),
                                           request.refund_id).to_pay_out
    driver.start()
    driver.click(driver.mode.topbar.nav_buttons["refund"])
    driver.wait_screen("refund")
    screen = driver.screen("refund")
    qtbot.keyClicks(screen.reference, booking.reference)
    driver.click(screen.find_button)
    qtbot.waitUntil(lambda: screen.payout.isVisible(), timeout=WAIT)
    assert row in screen.payout.text() and "pay" not in screen.payout.text()
    assert screen.payout_button.text() == button_text
    grab(screen.window(), f"refund_to_pay_out_{lang}")
    driver.click(screen.payout_button)
    qtbot.waitUntil(lambda: paid_out in screen.result.text(), timeout=WAIT)


def test_split_booking_refund_line_reads_in_the_counter_language(driver, qtbot, services, lang):
    from PySide6.QtCore import Qt

    from kiosk.domain.tenders import Tender
    from kiosk.services.models import Payment

    card = EXPECTED[lang][0]
    voucher = {"hi": "गिफ़्ट कार्ड", "te": "గిఫ్ట్ కార్డ్"}[lang]
    gift = issue_gift_card(services, 20_000)
    actor = services.auth.sign_in("1002", "2345")
    hold = services.booking.hold(actor, "show-future", ["D1", "D2"])
    booking = services.booking.confirm(
        actor, hold.hold_id, {"D1": "adult", "D2": "adult"},
        Payment(tenders=(Tender("card", 30_000, "4242"), Tender("voucher", 20_000, gift))))
    driver.start()
    qtbot.keyClick(driver.mode, Qt.Key.Key_F6)
    driver.wait_screen("refund")
    screen = driver.screen("refund")
    qtbot.keyClicks(screen.reference, booking.reference)
    qtbot.keyClick(screen.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.card.isVisible(), timeout=WAIT)
    text = screen.details.text()
    assert f"{card} ••••4242 ₹300.00 + {voucher} ₹200.00" in text
    assert "card" not in text and "Refunds go back" not in text
    grab(screen.window(), f"refund_split_{lang}")


def test_gift_card_screen_reads_in_the_counter_language(driver, qtbot, lang, services):
    from kiosk.domain.giftcards import display_code

    code = issue_gift_card(services, 50_000)
    driver.start()
    qtbot.keyClick(driver.mode, Qt.Key.Key_F3)
    driver.wait_screen("giftcards")
    screen = driver.screen("giftcards")
    words = {"hi": ("गिफ़्ट कार्ड", "बैलेंस देखें", "मान्य"),
             "te": ("గిఫ్ట్ కార్డులు", "బ్యాలెన్స్ చూడండి", "చెల్లుతుంది")}[lang]
    assert driver.mode.topbar.nav_buttons["giftcards"].text().startswith(words[0])
    assert screen.look_up_button.text() == words[1]
    qtbot.keyClicks(screen.code, display_code(code))
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    assert words[2] in screen.details.text() and "₹500.00" in screen.details.text()
    grab(screen.window(), f"gift_cards_{lang}")


def test_promo_code_row_reads_in_the_counter_language(driver, qtbot, lang, services):
    from kiosk.store.db import transaction
    from kiosk.store.offer_store import save_offer
    from tests.ui.test_counter_food import _to_basket
    from tests.unit.test_offers import offer

    with transaction(services.deps.conn):
        save_offer(services.deps.conn, offer("wed", name="Wednesday 20 %", value=20,
                                             weekdays="wed"))
    basket = _to_basket(driver, qtbot)
    words = {"hi": ("कोड लगाएँ", "कोड हटाएँ", "पहले"),
             "te": ("కోడ్ వర్తింపజేయి", "కోడ్ తీసివేయి", "ముందు")}[lang]
    assert (basket.promo_button.text(), basket.promo_clear.toolTip()) == words[:2]
    assert basket.promo_clear.accessibleName() == words[1]
    assert words[2] in basket.table.item(0, 3).text()
    button = basket.promo_button  # whole words, not clipped
    qtbot.waitUntil(lambda: button.width() >= button.sizeHint().width(), timeout=WAIT)
    grab(basket.window(), f"counter_basket_offers_{lang}")


MEMBER_WORDS = {"hi": ("पॉइंट", "सदस्य के पॉइंट"), "te": ("పాయింట్లు", "సభ్యుని పాయింట్లు")}


def test_a_member_and_the_points_read_in_the_counter_language(driver, qtbot, lang, services):
    points, pay_with = MEMBER_WORDS[lang]
    services.loyalty.join(services.auth.self_service_actor(), "9876543210", "INR", "Asha Rao")
    with services.deps.db.conn:
        services.deps.conn.execute("UPDATE members SET points = 600")
    driver.start()
    driver.open_show()
    driver.tap_seat("B3")
    qtbot.waitUntil(lambda: set(driver.held_seats()) == {"B3"}, timeout=WAIT)
    driver.click(driver.screen("seats").continue_button)
    basket = driver.screen("basket")
    basket.member_bar.phone_edit.setText("9876543210")
    driver.click(basket.member_bar.find_button)
    qtbot.waitUntil(lambda: points in basket.member_bar.status.text(), timeout=WAIT)
    assert "points" not in basket.member_bar.status.text()
    grab(basket.window(), f"basket_member_{lang}")
    driver.click(basket.pay_button)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    assert payment.points_button.text().startswith(pay_with)
    grab(payment.window(), f"payment_points_{lang}")


def test_the_datas_languages_and_genres_read_in_the_counters_language(driver, lang):
    """Issue 14 defect 4: "Hindi" and "Drama" come from the data in English; the finder's
    filters and its show list show them in the counter's language."""
    from kiosk.ui.names import genre_name, language_name

    driver.start()
    finder = driver.screen("finder")
    languages = [finder.language.itemText(i) for i in range(finder.language.count())]
    assert language_name("Hindi") != "Hindi" and language_name("Hindi") in languages
    assert "Hindi" not in languages
    genres = [finder.genre.itemText(i) for i in range(finder.genre.count())]
    assert genre_name("Drama") in genres and "Drama" not in genres
    column = finder.model.COLUMNS.index("language")
    assert finder.model.data(finder.model.index(0, column)) == language_name("Hindi")
    finder.language.setCurrentIndex(finder.language.findData("Hindi"))  # filters on the key
    assert finder.model.rowCount() >= 1

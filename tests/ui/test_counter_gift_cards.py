"""Issue 12 point 3 at the counter: sell a gift card (F3), see what it holds, top it up, and
refusals shown on the screen with nothing changed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.factories import table_dump

WAIT = 5000


def _gift_screen(driver, qtbot):
    driver.start()
    qtbot.keyClick(driver.mode, Qt.Key.Key_F3)
    driver.wait_screen("giftcards")
    return driver.screen("giftcards")


def test_sell_a_card_for_cash_then_check_and_top_up_by_card(driver, qtbot, services):
    screen = _gift_screen(driver, qtbot)
    assert screen.method_buttons["cash"].isChecked()  # a shift is open: cash first
    driver.click(screen.quick_buttons[1])  # ₹1,000
    qtbot.keyClicks(screen.reference, "1500")
    driver.click(screen.sell_button)
    qtbot.waitUntil(lambda: "Gift card sold" in screen.result.text(), timeout=WAIT)
    [(code, balance)] = services.deps.conn.execute(
        "SELECT code, balance_minor FROM gift_cards").fetchall()
    assert balance == 100_000 and code[-4:] in screen.result.text()
    assert "Change due ₹500.00" in screen.result.text() and screen.qr.isVisible()
    assert not screen.hint.isVisible()
    screen.window().grab().save("/tmp/shots/counter_gift_card_sold.png")
    screen.clear()
    qtbot.keyClicks(screen.code, code[2:])  # typed without the GC
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    assert "holds <b>₹1,000.00</b>" in screen.details.text()
    driver.click(screen.method_buttons["card"])
    qtbot.keyClicks(screen.amount, "250")
    qtbot.keyClicks(screen.reference, "4242")
    driver.click(screen.top_up_button)
    qtbot.waitUntil(lambda: "Gift card topped up" in screen.result.text(), timeout=WAIT)
    assert "holds <b>₹1,250.00</b>" in screen.details.text()


def test_refusals_are_shown_and_change_nothing(driver, qtbot, services):
    screen = _gift_screen(driver, qtbot)
    before = table_dump(services.deps.conn)
    qtbot.keyClicks(screen.code, "GC 1234 5678 9016")
    driver.click(screen.look_up_button)
    assert "wrong digit" in screen.message.text() and not screen.top_up_button.isEnabled()
    qtbot.keyClicks(screen.amount, "50")
    driver.click(screen.sell_button)
    qtbot.waitUntil(lambda: "at least ₹100.00" in screen.message.text(), timeout=WAIT)
    screen.amount.clear()
    qtbot.keyClicks(screen.amount, "500")
    driver.click(screen.method_buttons["card"])
    qtbot.keyClicks(screen.reference, "42")
    driver.click(screen.sell_button)
    qtbot.waitUntil(lambda: "last 4 digits" in screen.message.text(), timeout=WAIT)
    screen.window().grab().save("/tmp/shots/counter_gift_card_refused.png")
    assert table_dump(services.deps.conn) == before


def test_the_gift_card_screen_in_high_contrast(driver, qtbot, kiosk_ui, services):
    from tests.factories import issue_gift_card

    code = issue_gift_card(services, 20_000)
    with qtbot.waitSignal(kiosk_ui.theme.highContrastChanged):
        qtbot.mouseClick(kiosk_ui.window.contrast_button, Qt.MouseButton.LeftButton)
    screen = _gift_screen(driver, qtbot)
    qtbot.keyClicks(screen.code, code)
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    assert "holds <b>₹200.00</b>" in screen.details.text()
    screen.window().grab().save("/tmp/shots/counter_gift_card_high_contrast.png")
    assert screen.hint.isVisible() and not screen.qr.isVisible()
    with qtbot.waitSignal(kiosk_ui.theme.highContrastChanged):  # as the next test expects
        qtbot.mouseClick(kiosk_ui.window.contrast_button, Qt.MouseButton.LeftButton)


def test_a_card_sold_is_printed_with_its_code_and_qr(driver, qtbot, services, tmp_path, qapp):
    from PySide6.QtPrintSupport import QPrinter

    from kiosk.tickets.cards import gift_card_slip, render_slip_image
    from tests.ui.test_tickets import load, page_text

    screen = _gift_screen(driver, qtbot)
    assert not screen.print_button.isEnabled() and not screen.pdf_button.isEnabled()
    driver.click(screen.quick_buttons[1])  # ₹1,000
    qtbot.keyClicks(screen.reference, "1000")
    driver.click(screen.sell_button)
    qtbot.waitUntil(lambda: screen.print_button.isEnabled(), timeout=WAIT)
    card = screen.card
    written = screen.save_card_pdf(tmp_path / "card.pdf")
    text = page_text(load(qapp, written))
    for words in ("GIFT CARD", card.display_code, "₹1,000.00", "Test Screens"):
        assert words in text, (words, text)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    screen.printer = printer
    driver.click(screen.print_button)
    assert card.display_code in page_text(load(qapp, tmp_path / "printed.pdf"))
    render_slip_image(gift_card_slip(card, "Test Screens")).save("/tmp/shots/gift_card_slip.png")

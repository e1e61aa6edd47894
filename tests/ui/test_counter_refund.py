"""Refund and exchange at the counter, by typed or scanned booking reference."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from kiosk.services.models import Payment, SeatStatus
from tests.factories import issue_gift_card

WAIT = 10_000


def sell(services, seats: list[str], method: str = "card", show_id: str = "show-future"):
    """A booking made straight through the services (as another cashier would have)."""
    actor = services.auth.sign_in("1002", "2345")
    if method == "cash" and services.shifts.current(actor) is None:
        services.shifts.open(actor, 100_000)
    hold = services.booking.hold(actor, show_id, seats)
    payment = (Payment(method="card", card_last4="4242") if method == "card"
               else Payment(method="cash", tendered_minor=10_000_000))
    return services.booking.confirm(actor, hold.hold_id, dict.fromkeys(seats, "adult"), payment)


def choose_reason(screen, code: str = "customer_request", note: str = "") -> None:
    """Pick a reason code on the refund screen (and its note), as a cashier does."""
    screen.reason_code.setCurrentIndex(screen.reason_code.findData(code))
    screen.reason.setText(note)


def test_refund_some_seats_by_scanned_reference(driver, qtbot, services):
    booking = sell(services, ["C1", "C2", "C3"])
    driver.start()
    qtbot.keyClick(driver.mode, Qt.Key.Key_F6)
    driver.wait_screen("refund")
    screen = driver.screen("refund")
    # What a scanner may give: a payload around the reference, in lower case, without the dash.
    scanned = f"BOK:{booking.reference.replace('-', '').lower()}"
    qtbot.keyClicks(screen.reference, scanned)
    qtbot.keyClick(screen.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.card.isVisible(), timeout=WAIT)
    assert screen.reference.text() == booking.reference
    assert set(screen.checks) == {"C1", "C2", "C3"}
    assert not screen.refund_button.isEnabled()

    driver.click(screen.checks["C2"])
    choose_reason(screen)
    driver.click(screen.refund_button)
    qtbot.waitUntil(lambda: "Refund complete" in screen.result.text(), timeout=WAIT)
    assert "250.00" in screen.result.text()
    assert not screen.checks["C2"].isEnabled()  # reloaded: C2 now shows as refunded
    assert screen.checks["C1"].isEnabled()
    sold = {r[0] for r in services.deps.conn.execute(
        "SELECT seat_code FROM seat_sales WHERE booking_id = ?", (booking.booking_id,))}
    assert sold == {"C1", "C3"}
    assert services.booking.get(booking.reference).state == "partially_refunded"


def test_large_refund_is_shown_as_waiting_for_a_manager(driver, qtbot, services):
    with services.deps.conn:  # the limit is the cinema's, in its currency
        services.deps.conn.execute("UPDATE cinemas SET cashier_refund_limit_minor = 10000")
    booking = sell(services, ["F1", "F2"])
    driver.start()
    driver.click(driver.mode.topbar.nav_buttons["refund"])
    driver.wait_screen("refund")
    screen = driver.screen("refund")
    qtbot.keyClicks(screen.reference, booking.reference)
    driver.click(screen.find_button)
    qtbot.waitUntil(lambda: screen.card.isVisible(), timeout=WAIT)
    driver.click(screen.select_all)
    assert screen.selected_seats() == ["F1", "F2"]
    assert "waits for a manager" in screen.preview.text()  # said before committing
    choose_reason(screen, "show_cancelled")
    driver.click(screen.refund_button)
    qtbot.waitUntil(lambda: "manager" in screen.result.text(), timeout=WAIT)
    assert "NOT paid" in screen.result.text()
    assert driver.mode.banner.kind() == "warn"
    # nothing was freed: the seats stay sold until a manager approves
    assert services.deps.conn.execute("SELECT COUNT(*) FROM seat_sales WHERE booking_id = ?",
                                      (booking.booking_id,)).fetchone()[0] == 2


def test_unknown_reference_is_refused_plainly(driver, qtbot):
    driver.start()
    driver.mode.open_refund()
    screen = driver.screen("refund")
    qtbot.keyClicks(screen.reference, "ZZZZ-ZZZZ")
    qtbot.keyClick(screen.reference, Qt.Key.Key_Return)
    assert "ZZZZ-ZZZZ" in screen.message.text()
    assert not screen.card.isVisible()


def test_exchange_for_a_later_show(driver, qtbot, services):
    booking = sell(services, ["B1", "B2"])
    driver.start()
    driver.mode.open_refund()
    screen = driver.screen("refund")
    qtbot.keyClicks(screen.reference, booking.reference)
    qtbot.keyClick(screen.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.exchange_button.isEnabled(), timeout=WAIT)
    driver.click(screen.exchange_button)
    driver.wait_screen("finder")
    finder = driver.screen("finder")
    assert booking.reference in finder.exchange_note.text()
    finder.select_row(1)  # tomorrow's show
    assert finder.selected_show().show_id == "show-later"
    driver.click(finder.open_button)
    driver.wait_screen("seats")
    driver.tap_seat("E3")  # premium: costs more than the two standard seats? no: one seat
    qtbot.waitUntil(lambda: driver.held_seats() == ("E3",), timeout=WAIT)
    driver.click(driver.screen("seats").continue_button)
    driver.click(driver.screen("basket").pay_button)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    assert payment.nothing_to_pay  # 350 for the new seat against 500 carried over
    assert "Give back" in payment.summary_label.text()
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    new = driver.mode.session.sale.booking
    assert new.show.show_id == "show-later"
    assert services.booking.get(booking.reference).state == "exchanged"
    assert driver.ui.bridge.call(services.catalogue.seat_map, "show-future")["B1"] \
        == SeatStatus.FREE


def test_exchange_to_dearer_seats_takes_the_difference(driver, qtbot, services):
    booking = sell(services, ["B5"])  # one standard seat: 250.00
    driver.start()
    driver.mode.open_refund()
    screen = driver.screen("refund")
    qtbot.keyClicks(screen.reference, booking.reference)
    qtbot.keyClick(screen.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.exchange_button.isEnabled(), timeout=WAIT)
    driver.click(screen.exchange_button)
    driver.wait_screen("finder")
    driver.click(driver.screen("finder").open_button)
    driver.wait_screen("seats")
    driver.tap_seat("F3")  # a recliner: 600.00
    qtbot.waitUntil(lambda: driver.held_seats() == ("F3",), timeout=WAIT)
    driver.click(driver.screen("seats").continue_button)
    driver.click(driver.screen("basket").pay_button)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    assert not payment.nothing_to_pay
    assert payment.due_minor == 60_000 - 25_000
    assert "₹350.00" in payment.due_label.text()
    driver.click(payment.quick_buttons[0])  # exact
    assert payment.change_label.text().endswith("₹0.00")
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    new = driver.mode.session.sale.booking
    assert [line.seat_code for line in new.lines] == ["F3"]
    assert services.booking.get(booking.reference).state == "exchanged"
    assert driver.mode.session.sale.exchange_from is None


def test_a_split_booking_shows_each_tender_and_where_refunds_go(driver, qtbot, services):
    from kiosk.domain.tenders import Tender

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
    assert "card ••••4242 ₹300.00 + gift card ₹200.00" in text
    assert "card first, cash last" in text


def test_a_scanned_ticket_code_finds_the_booking_and_an_altered_one_is_refused(driver, qtbot,
                                                                               services):
    """Issue 13 point 3: the refund screen takes the ticket's signed QR; a forged one is told."""
    booking = sell(services, ["F3"])
    driver.start()
    driver.mode.go("refund")
    refund = driver.screen("refund")
    refund.reference.setText(booking.ticket_code)
    refund.find()
    assert refund.booking is not None and refund.booking.booking_id == booking.booking_id
    assert refund.reference.text() == booking.reference
    head, _, signature = booking.ticket_code.rpartition(".")
    altered = head.replace(booking.reference, "ZZZZ-ZZZZ") + "." + signature
    refund.reference.setText(altered)
    refund.find()
    assert refund.booking is None and "not genuine" in refund.message.text()


def test_the_refund_says_how_much_goes_back_and_where_before_it_commits(driver, qtbot, services):
    """Issue 14 defect 8: the amount and its tenders shown before committing; a reason code
    (asked for, not free text) stored with the refund; seat boxes a finger's size; the
    primary button looks like one."""
    import json

    from kiosk.domain.money import format_money

    booking = sell(services, ["F5", "F6"])
    driver.start()
    driver.mode.go("refund")
    refund = driver.screen("refund")
    refund.reference.setText(booking.reference)
    refund.find()
    assert "Tick what the customer gives back" in refund.preview.text()  # nothing chosen yet
    refund.checks["F5"].setChecked(True)
    price = format_money(next(ln.price_minor for ln in booking.lines if ln.seat_code == "F5"),
                         "INR")
    assert f"To give back: {price}" in refund.preview.text()
    assert f"Goes to: card {price}" in refund.preview.text()
    count = lambda table: services.deps.conn.execute(  # noqa: E731
        f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
    audit_rows = count("audit")
    assert count("refunds") == 0  # the preview wrote nothing
    assert refund.checks["F5"].minimumHeight() >= 44
    assert "44px" in refund.checks["F5"].styleSheet()
    assert refund.refund_button.property("role") == "primary"
    assert refund.refund_button.isEnabled()  # a seat ticked: the primary button is live
    # no reason chosen: asked for, nothing written
    assert not refund.reason.isVisible()
    driver.click(refund.refund_button)
    assert "Choose a reason" in refund.message.text()
    assert count("refunds") == 0 and count("audit") == audit_rows
    # "Other" needs words of the cashier's own
    refund.reason_code.setCurrentIndex(refund.reason_code.findData("other"))
    assert refund.reason.isVisible()
    driver.click(refund.refund_button)
    assert "Say in a few words" in refund.message.text() and count("refunds") == 0
    refund.reason.setText("seat broken")
    assert refund.message.text() == ""  # the ask goes once the reason is given
    if os.environ.get("KIOSK_SHOTS"):
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        refund.window().grab().save(os.path.join(os.environ["KIOSK_SHOTS"], "refund-preview.png"))
    choose_reason(refund, "show_cancelled", "power cut")
    driver.click(refund.refund_button)
    qtbot.waitUntil(lambda: "Refund complete" in refund.result.text(), timeout=10_000)
    assert f"card {price}" in refund.result.text()
    assert refund.reason_code.currentData() == ""  # the next refund asks for its own reason
    detail = json.loads(services.deps.conn.execute(
        "SELECT detail FROM audit WHERE action = 'refund'").fetchone()[0])
    assert detail["reason"] == "show_cancelled: power cut"
    assert services.deps.conn.execute("SELECT reason FROM refunds").fetchone()[0] == \
        "show_cancelled: power cut"


def test_a_split_refund_preview_names_each_tender_it_goes_back_to(driver, qtbot, services):
    """Card and gift card paid: the preview says how much goes back to each, as the service
    decides (card first), and cash is said to come from the drawer."""
    from kiosk.domain.tenders import Tender

    gift = issue_gift_card(services, 20_000)
    actor = services.auth.sign_in("1002", "2345")
    services.shifts.open(actor, 100_000)
    hold = services.booking.hold(actor, "show-future", ["D1", "D2"])
    booking = services.booking.confirm(
        actor, hold.hold_id, {"D1": "adult", "D2": "adult"},
        Payment(tenders=(Tender("voucher", 20_000, gift), Tender("cash", 30_000))))
    driver.start()
    driver.mode.go("refund")
    refund = driver.screen("refund")
    refund.reference.setText(booking.reference)
    refund.find()
    driver.click(refund.select_all)
    expected = services.booking.refund_preview(actor, booking.reference, ["D1", "D2"])
    said = {"voucher": "gift card", "cash": "cash from your drawer"}
    from kiosk.domain.money import format_money

    for kind, amount in expected.parts:
        assert f"{said[kind]} {format_money(amount, 'INR')}" in refund.preview.text()
    assert len(expected.parts) == 2

"""What spans the counter screens: idle lock, hold countdown, keyboard-only use, shift close."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.services.models import SeatStatus

WAIT = 10_000


def holds(services) -> int:
    return services.deps.conn.execute("SELECT COUNT(*) FROM holds").fetchone()[0]


def test_idle_auto_lock_releases_the_hold(driver, qtbot, services):
    driver.start()
    driver.open_show()
    driver.tap_seat("C5")
    qtbot.waitUntil(lambda: driver.held_seats() == ("C5",), timeout=WAIT)
    assert holds(services) == 1
    driver.mode.idle_lock.set_timeout(0.3)
    driver.mode.note_activity()  # restart the timer with the short timeout
    with qtbot.waitSignal(driver.mode.idle_lock.lockRequested, timeout=WAIT):
        pass
    driver.wait_screen("signin")
    driver.wait_idle()
    assert holds(services) == 0
    assert driver.mode.session.actor is None
    panel = driver.screen("signin").panel
    assert "Locked" in panel.note.text()
    assert panel.staff_field.text() == "1001"  # only the PIN is needed to carry on
    audit = services.deps.conn.execute(
        "SELECT COUNT(*) FROM audit WHERE action = 'sign_out'").fetchone()[0]
    assert audit >= 1


def test_activity_keeps_the_session_unlocked(driver, qtbot):
    driver.start()
    driver.mode.idle_lock.set_timeout(0.6)
    driver.mode.note_activity()
    finder = driver.screen("finder")
    for _ in range(4):  # keep typing for longer than the timeout
        qtbot.keyClick(finder.search, Qt.Key.Key_A)
        qtbot.wait(200)
    assert driver.mode.session.actor is not None
    assert driver.mode.current_name() == "finder"


def test_hold_countdown_warns_renews_on_activity_and_expires(driver, qtbot, services, clock):
    driver.start()
    driver.open_show()
    driver.tap_seat("D1")
    qtbot.waitUntil(lambda: driver.held_seats() == ("D1",), timeout=WAIT)
    mode = driver.mode
    assert "5:00" in mode.topbar.hold_label.text()

    clock.advance(minutes=4, seconds=15)
    mode.countdown.tick()
    assert "0:45" in mode.topbar.hold_label.text()
    assert mode.banner.kind() == "warn" and "under a minute" in mode.banner.text()

    first_expiry = mode.session.sale.hold.expires_at
    qtbot.mouseClick(driver.screen("seats").seat_list, Qt.MouseButton.LeftButton)  # a touch
    qtbot.waitUntil(lambda: mode.session.sale.hold.expires_at > first_expiry, timeout=WAIT)
    assert mode.banner.text() == ""  # the warning goes once the hold is renewed

    clock.advance(minutes=6)
    mode.countdown.tick()
    driver.wait_screen("seats")
    assert mode.session.sale.hold is None
    assert "ran out" in mode.banner.text()
    driver.wait_idle()
    assert driver.seat_status("D1") == SeatStatus.FREE


def test_keyboard_only_sale(driver, qtbot, services):
    """Sign in, find, pick best seats, pay by card and start the next sale without a mouse."""
    mode = driver.mode
    panel = driver.screen("signin").panel
    assert QApplication.focusWidget() is panel.staff_field
    qtbot.keyClicks(panel.staff_field, "1001")
    qtbot.keyClick(panel.staff_field, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is panel.pin_field
    qtbot.keyClicks(panel.pin_field, "1234")
    qtbot.keyClick(panel.pin_field, Qt.Key.Key_Return)
    driver.wait_screen("shift_open")
    qtbot.keyClick(driver.screen("shift_open").amount, Qt.Key.Key_Escape)  # card only today
    driver.wait_screen("finder")
    finder = driver.screen("finder")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    assert QApplication.focusWidget() is finder.search
    qtbot.keyClick(finder.search, Qt.Key.Key_Down)  # move to tomorrow's show
    assert finder.selected_show().show_id == "show-later"
    qtbot.keyClick(finder.search, Qt.Key.Key_Up)
    qtbot.keyClick(finder.search, Qt.Key.Key_Return)
    driver.wait_screen("seats")
    driver.screen("seats").request_best(2, False)
    qtbot.waitUntil(lambda: len(driver.held_seats()) == 2, timeout=WAIT)
    qtbot.keyClick(driver.screen("seats"), Qt.Key.Key_Return)
    driver.wait_screen("basket")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    assert payment.card_button.isChecked()  # no shift open: card is the only method
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)  # F8 keeps card selected
    assert payment.card_button.isChecked()
    assert QApplication.focusWidget() is payment.card_last4
    qtbot.keyClicks(payment.card_last4, "1234")
    qtbot.keyClick(payment.card_last4, Qt.Key.Key_Return)
    driver.wait_screen("ticket")
    assert services.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # New sale
    driver.wait_screen("finder")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F12)  # sign out
    driver.wait_screen("signin")
    assert mode.session.actor is None


def test_escape_on_seats_releases_the_hold(driver, qtbot, services):
    driver.start()
    driver.open_show()
    driver.tap_seat("B3")
    qtbot.waitUntil(lambda: driver.held_seats() == ("B3",), timeout=WAIT)
    qtbot.keyClick(driver.screen("seats"), Qt.Key.Key_Escape)
    driver.wait_screen("finder")
    driver.wait_idle()
    assert holds(services) == 0


def test_shift_close_shows_the_variance(driver, qtbot, services):
    """The close is counted by denomination now (issue 14 defect 9): see
    test_counter_shift_close.py for the whole flow; here the short drawer's words."""
    from kiosk.services.models import Payment

    driver.sign_in()
    driver.open_shift("1000")
    # a cash sale on this shift: 250.00 into the drawer
    actor = driver.mode.session.actor
    hold = services.booking.hold(actor, "show-future", ["B4"])
    services.booking.confirm(actor, hold.hold_id, {"B4": "adult"},
                             Payment(method="cash", tendered_minor=30_000))
    qtbot.keyClick(driver.screen("finder").search, Qt.Key.Key_F9)
    driver.wait_screen("shift_close")
    screen = driver.screen("shift_close")
    screen.keypad.set_target(screen.grid.fields["note:50000"])
    driver.keypad_type(screen.keypad, "2")  # 1,000
    screen.keypad.set_target(screen.grid.fields["note:10000"])
    driver.keypad_type(screen.keypad, "2")  # 200
    screen.keypad.set_target(screen.grid.fields["note:2000"])
    driver.keypad_type(screen.keypad, "2")  # 40: 1,240 counted, 1,250 expected
    driver.click(screen.review)
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == 1, timeout=WAIT)
    driver.click(screen.action)
    qtbot.waitUntil(lambda: screen.result.text() != "", timeout=WAIT)
    assert "Short by ₹10.00" in screen.result.text()
    cash = screen.closed_view.verdicts["cash"].text()
    assert "Short by ₹10.00" in cash
    assert driver.mode.session.shift is None
    driver.click(screen.sign_out)
    driver.wait_screen("signin")


def test_language_rebuild_keeps_the_sale(kiosk_ui, driver, qtbot):
    driver.start()
    driver.open_show()
    driver.tap_seat("C6")
    qtbot.waitUntil(lambda: driver.held_seats() == ("C6",), timeout=WAIT)
    old = driver.mode
    kiosk_ui.window.build_mode()  # what a language change does
    assert driver.mode is not old
    assert driver.mode.current_name() == "seats"
    assert driver.held_seats() == ("C6",)
    assert driver.seat_status("C6") == SeatStatus.HELD_BY_ME


def test_without_a_shift_only_card_is_offered(driver, qtbot, services):
    driver.sign_in()
    driver.wait_screen("shift_open")
    driver.click(driver.screen("shift_open").skip)
    driver.wait_screen("finder")
    assert "card" in driver.mode.topbar.shift_label.text().lower()
    driver.open_show()
    driver.tap_seat("B8")
    qtbot.waitUntil(lambda: driver.held_seats() == ("B8",), timeout=WAIT)
    driver.click(driver.screen("seats").continue_button)
    driver.click(driver.screen("basket").pay_button)
    driver.wait_screen("payment")
    payment = driver.screen("payment")
    assert not payment.cash_button.isEnabled()
    assert payment.card_button.isChecked()
    assert QApplication.focusWidget() is payment.card_last4
    driver.keypad_type(payment.keypad, "4321")
    payment.keypad.press("enter")
    driver.wait_screen("ticket")
    assert driver.mode.session.sale.booking.payment_method == "card"


def test_one_primary_action_per_screen_the_keypad_enter_is_a_key(driver):
    """Issue 14 defect 7: sign-in and shift open showed the action twice (the primary button
    and the keypad's "Open shift ⏎"): the keypad's Enter shows only ⏎ and says its action to a
    screen reader and on hover."""
    panel = driver.screen("signin").panel
    enter = panel.keypad.buttons["enter"]
    assert enter.text() == "⏎" and enter.accessibleName() == "Next"
    assert enter.property("role") == "key" and panel.sign_in_button.property("role") == "primary"
    driver.sign_in("1001", "1234")
    driver.wait_screen("shift_open")
    shift = driver.screen("shift_open")
    assert shift.keypad.buttons["enter"].text() == "⏎"
    assert shift.keypad.buttons["enter"].accessibleName() == shift.action.text()

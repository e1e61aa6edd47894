"""The counter's cash-up (issue 14 defects 9 and 7): count by denomination with live totals,
card and UPI settlement totals, the report before confirming, the close, the slip; one primary
action on every step, and on sign-in and shift open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.services.models import Payment

WAIT = 10_000
UTR = "410500000777"


def primaries(widget) -> list[str]:
    return [b.objectName() or b.text() for b in widget.findChildren(QPushButton)
            if b.property("role") == "primary" and b.isVisible()]


def _open_close_screen(driver, qtbot, services):
    driver.sign_in()
    driver.wait_screen("shift_open")
    assert primaries(driver.screen("shift_open")) == ["shift_openAction"]
    driver.open_shift("1000")
    actor = driver.mode.session.actor
    for seats, payment in ((["B4"], Payment("cash", tendered_minor=30_000)),
                           (["B5"], Payment("card", card_last4="4242")),
                           (["B6"], Payment("upi", reference=UTR))):
        hold = services.booking.hold(actor, "show-future", seats)
        services.booking.confirm(actor, hold.hold_id, {seats[0]: "adult"}, payment)
    qtbot.keyClick(driver.screen("finder").search, Qt.Key.Key_F9)
    driver.wait_screen("shift_close")
    return driver.screen("shift_close")


def _type(driver, screen, field, digits: str) -> None:
    """Tap a box (the keypad follows the focus), then the keypad's digits."""
    field.setFocus()
    screen.keypad.set_target(field)  # offscreen windows may not take focus
    driver.keypad_type(screen.keypad, digits)


def test_sign_in_has_one_primary_action(driver):
    assert primaries(driver.screen("signin")) == ["signInButton"]


def test_count_report_close_and_slip(driver, qtbot, services, ui_config):
    screen = _open_close_screen(driver, qtbot, services)
    assert screen.steps.currentIndex() == 0
    assert primaries(screen) == ["shiftCloseReview"]
    assert list(screen.grid.fields)[:2] == ["note:50000", "note:20000"]
    assert all(f.minimumHeight() >= 48 for f in screen.grid.fields.values())
    _type(driver, screen, screen.grid.fields["note:50000"], "2")
    _type(driver, screen, screen.grid.fields["note:20000"], "1")
    _type(driver, screen, screen.grid.fields["coin:1000"], "6")  # 1,000 + 200 + 60 = 1,260
    assert screen.drawer_total.text().endswith("₹1,260.00")
    expected, counted, variance = screen.live["cash"]
    assert expected.text() == "₹1,250.00" and counted.text() == "₹1,260.00"
    assert variance.text() == "Over by ₹10.00"
    _type(driver, screen, screen.card_total, "250")
    _type(driver, screen, screen.upi_total, "200")  # ₹50 short on UPI
    assert screen.live["upi"][2].text() == "Short by ₹50.00"
    assert screen.live["card"][2].text() == "Balanced"

    driver.click(screen.review)
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == 1, timeout=WAIT)
    assert primaries(screen) == ["shift_closeAction"]
    assert screen.report_view.verdicts["upi"].text().startswith("Short by ₹50.00")
    assert driver.mode.session.shift is not None  # nothing closed yet
    assert services.deps.conn.execute("SELECT COUNT(*) FROM shift_cash_counts").fetchone()[0] == 0

    driver.click(screen.back_to_count)  # a correction, then the report again
    screen.upi_total.clear()
    _type(driver, screen, screen.upi_total, "250")
    driver.click(screen.review)
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == 1, timeout=WAIT)
    driver.click(screen.action)
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == 2, timeout=WAIT)
    assert primaries(screen) == ["shiftCloseSignOut"]
    assert screen.result.text().startswith("Over by ₹10.00")
    assert screen.closed_view.verdicts["upi"].text() == "Balanced"
    conn = services.deps.conn
    assert dict(conn.execute("SELECT kind || ':' || value_minor, pieces FROM shift_cash_counts")
                .fetchall()) == {"note:50000": 2, "note:20000": 1, "coin:1000": 6}
    assert conn.execute("SELECT declared_minor FROM shift_tender_checks WHERE kind = 'upi'"
                        ).fetchone()[0] == 250_00
    # no thermal printer in the test config: the slip is a PDF in the tickets folder
    assert screen.slip_path is not None and Path(screen.slip_path).stat().st_size > 0
    assert screen.slip_path.name in screen.slip_note.text()
    assert conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'cashup.slip'").fetchone()[0]
    driver.click(screen.sign_out)
    driver.wait_screen("signin")


def test_an_absurd_count_is_refused_and_the_shift_stays_open(driver, qtbot, services):
    screen = _open_close_screen(driver, qtbot, services)
    _type(driver, screen, screen.grid.fields["note:50000"], "99999")
    screen.card_total.setText("250")
    screen.upi_total.setText("250")
    driver.click(screen.review)
    qtbot.waitUntil(lambda: screen.message.text() != "", timeout=WAIT)
    assert "more than a drawer holds" in screen.message.text()
    assert screen.steps.currentIndex() == 0
    assert driver.mode.session.shift is not None
    assert services.deps.conn.execute(
        "SELECT closed_at FROM shifts").fetchone()[0] is None


def test_card_total_is_asked_for_when_the_shift_took_card(driver, qtbot, services):
    screen = _open_close_screen(driver, qtbot, services)
    _type(driver, screen, screen.grid.fields["note:50000"], "2")
    driver.click(screen.review)
    assert "card terminal's batch total" in screen.message.text()
    assert screen.steps.currentIndex() == 0


def test_a_dirham_drawer_has_fils_and_no_upi_box(driver, qtbot, services):
    services.deps.conn.execute("UPDATE cinemas SET currency = 'AED'")
    driver.sign_in()
    driver.open_shift("100")
    qtbot.keyClick(driver.screen("finder").search, Qt.Key.Key_F9)
    driver.wait_screen("shift_close")
    screen = driver.screen("shift_close")
    assert list(screen.grid.fields)[0] == "note:100000"  # AED 1,000
    assert list(screen.grid.fields)[-1] == "coin:25"
    assert not screen.upi_total.isVisible() and screen.card_total.isVisible()
    assert "UPI" not in screen.count_note.text()
    _type(driver, screen, screen.grid.fields["note:5000"], "2")  # AED 100
    _type(driver, screen, screen.card_total, "0")
    driver.click(screen.keypad.buttons["enter"])  # Enter in the card total: the report
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == 1, timeout=WAIT)
    assert screen.report_view.verdicts["cash"].text() == "Balanced"
    assert set(screen.report_view.verdicts) == {"cash", "card"}

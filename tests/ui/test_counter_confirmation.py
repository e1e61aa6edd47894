"""The ticket screen says whether the customer's confirmation went out, and a failed one can be
sent again to a corrected number (issue 13 point 8)."""

from __future__ import annotations

import json
import os

from kiosk.domain.clock import to_iso

WAIT = 10_000


def _sell_with_contact(driver, qtbot, seat: str, contact: str):
    driver.start()
    driver.open_show()
    driver.tap_seat(seat)
    qtbot.waitUntil(lambda: driver.held_seats() == (seat,), timeout=WAIT)
    driver.click(driver.screen("seats").continue_button)
    driver.click(driver.screen("basket").pay_button)
    payment = driver.screen("payment")
    payment.contact.setText(contact)
    driver.click(payment.quick_buttons[0])  # exact cash
    driver.click(payment.confirm_button)
    driver.wait_screen("ticket")
    return driver.screen("ticket")


def test_a_failed_confirmation_shows_on_the_ticket_screen_and_is_resent(driver, qtbot, services,
                                                                         clock):
    ticket = _sell_with_contact(driver, qtbot, "D2", "1234567")
    assert "waiting to be sent" in ticket.confirmation.text()
    assert "1234567" not in ticket.confirmation.text()
    conn = services.deps.conn
    booking_id = ticket.booking.booking_id
    with conn:  # what the cloud worker notes when the number cannot be a mobile one
        conn.execute("UPDATE outbox SET done_at = ?, last_error = ? WHERE booking_id = ? "
                     "AND kind = 'notify'", (to_iso(clock.now()),
                                             "not sent: the phone number has no country code "
                                             "we can tell", booking_id))
    ticket.show_confirmation()
    assert "failed" in ticket.confirmation.text()
    assert "no country code" in ticket.confirmation.text()
    assert ticket.confirmation.property("role") == "bad" and ticket.resend_button.isVisible()
    if os.environ.get("KIOSK_SHOTS"):
        ticket.window().grab().save(os.path.join(os.environ["KIOSK_SHOTS"],
                                                 "counter-confirmation-failed.png"))

    assert ticket.resend_confirmation("+91 98765 43210", ask=False)
    assert "waiting to be sent" in ticket.confirmation.text()
    assert "3210" in ticket.confirmation.text() and "98765" not in ticket.confirmation.text()
    rows = conn.execute("SELECT payload, done_at FROM outbox WHERE booking_id = ? AND "
                        "kind = 'notify' ORDER BY id", (booking_id,)).fetchall()
    assert [json.loads(r[0])["contact"] for r in rows] == ["1234567", "+919876543210"]
    assert rows[-1][1] is None and driver.mode.banner.kind() == "ok"


def test_a_resend_to_a_bad_contact_is_refused_in_words(driver, qtbot, services):
    ticket = _sell_with_contact(driver, qtbot, "D3", "")
    assert "gave no phone or e-mail" in ticket.confirmation.text()
    assert ticket.resend_button.text() == "Send confirmation…"
    before = services.deps.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    assert not ticket.resend_confirmation("", ask=False)
    assert driver.mode.banner.kind() == "error"
    assert "no phone number or e-mail" in driver.mode.banner.text()
    assert services.deps.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == before

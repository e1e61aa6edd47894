"""Issue 12 point 4 in the manager console: the cinema's offers and codes with their uses; a
manager adds a member price and a limited code from the form, changes one, withdraws one (each
through the service, audited); a value that is not a number, or a rule the service refuses, is
said in the banner and nothing is saved."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLineEdit

from kiosk.store.db import transaction
from kiosk.store.offer_store import load_offers, save_offer
from tests.factories import table_dump
from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import audit_rows, click, select_row
from tests.ui.test_manager_screens import button
from tests.unit.test_offers import offer

cashier, manager, open_console = fx.cashier, fx.manager, fx.open_console
SHOTS = Path("/tmp/shots")


def test_a_manager_adds_changes_and_withdraws_offers(qtbot, open_console, manager, services):
    with transaction(services.deps.conn):
        save_offer(services.deps.conn, offer("tue", name="Tuesday saver", kind="price",
                                             value=15_000, weekdays="tue"))
    window = open_console(manager)
    screen = window.show_page("offers")
    assert [r[0] for r in screen.model.rows] == ["Tuesday saver"]
    assert screen.model.rows[0][1] == "at ₹150.00" and screen.model.rows[0][2] == "automatic"
    click(qtbot, button(screen, "newOffer"))
    screen.offer_id.setText("member")
    screen.name.setText("Member price")
    screen.kind.setCurrentIndex(screen.kind.findData("percent"))
    screen.value.setText("10")
    screen.members_only.setChecked(True)
    click(qtbot, button(screen, "saveOffer"))
    assert "Saved offer Member price" in screen.banner.text()
    screen.clear_form()
    screen.offer_id.setText("flash")
    screen.name.setText("Flash 50")
    screen.kind.setCurrentIndex(screen.kind.findData("amount"))
    screen.value.setText("50")
    screen.code.setText("flash50")
    screen.max_uses.setValue(20)
    click(qtbot, screen.tickets.buttons["adult"])
    click(qtbot, button(screen, "saveOffer"))
    offers = {o.offer_id: o for o in load_offers(services.deps.conn, "cin-test")}
    assert offers["member"].members_only and offers["member"].value == 10
    assert (offers["flash"].code, offers["flash"].max_uses, offers["flash"].value) == (
        "FLASH50", 20, 5_000)
    assert {r[0]: r[3] for r in screen.model.rows}["Flash 50"] == "0 of 20"
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "manager_offers.png"))
    select_row(screen.table, lambda r: r.offer.offer_id == "tue")
    assert screen.value.text() == "150.00" and screen.days.keys() == ["tue"]
    click(qtbot, button(screen, "withdrawOffer"))
    assert not {o.offer_id: o for o in load_offers(services.deps.conn, "cin-test")}["tue"].active
    assert {r[0]: r[6] for r in screen.model.rows}["Tuesday saver"] == "withdrawn"
    assert len(audit_rows(services, "offer.add")) == 2
    assert len(audit_rows(services, "offer.withdraw")) == 1


def test_bad_input_is_said_and_nothing_is_saved(qtbot, open_console, manager, services):
    window = open_console(manager)
    screen = window.show_page("offers")
    for fill, message in (
            ({"value": "ten"}, "whole percent"),
            ({"value": "150"}, "1 to 100"),  # a percent over 100
            ({"value": "10", "valid_from": "2026-13-01"}, "date like")):
        screen.clear_form()
        screen.offer_id.setText("bad")
        screen.name.setText("Bad")
        for name, text in fill.items():
            getattr(screen, name).setText(text)
        click(qtbot, button(screen, "saveOffer"))
        assert message in screen.banner.text(), (fill, screen.banner.text())
        assert load_offers(services.deps.conn, "cin-test") == ()


def test_changing_a_withdrawn_offer_keeps_it_withdrawn(qtbot, open_console, manager, services):
    with transaction(services.deps.conn):
        save_offer(services.deps.conn, offer("tue", name="Tuesday saver", kind="price",
                                             value=15_000, weekdays="tue", active=False))
    window = open_console(manager)
    screen = window.show_page("offers")
    select_row(screen.table, lambda r: r.offer.offer_id == "tue")
    screen.name.setText("Tuesday special")
    click(qtbot, button(screen, "saveOffer"))
    [saved] = load_offers(services.deps.conn, "cin-test")
    assert saved.name == "Tuesday special" and not saved.active


# -- the day and ticket-type pickers (issue 14 defect 4) -------------------------------------------
def test_an_offer_goes_into_the_pickers_and_back_unchanged(qtbot, open_console, manager,
                                                           services):
    """Every field of a stored offer, through the form and saved again, is the same offer (the
    ticket types keep their stored order)."""
    stored = offer("late", name="Late saver", kind="amount", value=5_000, code="LATE50",
                   max_uses=30, weekdays="sat,tue", ticket_types=["senior", "child"],
                   film_ids=["film-test"], from_time="21:00", to_time="23:30",
                   valid_from="2026-12-01", valid_to="2026-12-31")
    with transaction(services.deps.conn):
        save_offer(services.deps.conn, stored)
    screen = open_console(manager).show_page("offers")
    select_row(screen.table, lambda r: r.offer.offer_id == "late")
    assert screen.days.keys() == ["tue", "sat"] and screen.days.stored() == "tue,sat"
    assert screen.tickets.keys() == ["senior", "child"]
    ticked = {k for k, b in screen.days.buttons.items() if b.isChecked()}
    assert ticked == {"tue", "sat"}
    record = screen.record()
    assert (record["weekdays"], record["ticket_types"]) == ("tue,sat", ["senior", "child"])
    click(qtbot, button(screen, "saveOffer"))
    assert load_offers(services.deps.conn, "cin-test") == (stored,)
    # unticking and ticking again keeps the stored order too
    click(qtbot, screen.tickets.buttons["child"])
    click(qtbot, screen.tickets.buttons["child"])
    assert screen.tickets.keys() == ["senior", "child"]


def test_ticked_toggles_save_the_keys_typed_before(qtbot, open_console, manager, services):
    """Ticking Saturday then Tuesday, child then senior stores what typing "tue,sat" and
    "child,senior" stored; none ticked is every day and every ticket type, said in words."""
    screen = open_console(manager).show_page("offers")
    assert screen.days.summary.text() == "Every day (none ticked)"
    assert screen.tickets.summary.text() == "Every ticket type (none ticked)"
    assert list(screen.tickets.buttons) == ["adult", "child", "senior", "student"]
    for b in [*screen.days.buttons.values(), *screen.tickets.buttons.values()]:
        assert b.height() >= 44 and b.width() >= 44, b.objectName()
    screen.offer_id.setText("kids")
    screen.name.setText("Kids weekend")
    screen.value.setText("20")
    for widget in (screen.days.buttons["sat"], screen.days.buttons["tue"],
                   screen.tickets.buttons["child"], screen.tickets.buttons["senior"]):
        click(qtbot, widget)
    assert screen.days.summary.text() == "Only on the days ticked"
    assert screen.days.buttons["sat"].text().startswith("✓")
    click(qtbot, button(screen, "saveOffer"))
    [saved] = load_offers(services.deps.conn, "cin-test")
    assert saved == offer("kids", name="Kids weekend", value=20, weekdays="tue,sat",
                          ticket_types=["child", "senior"])
    screen.clear_form()
    assert screen.days.keys() == [] and screen.tickets.keys() == []


def test_a_bad_combination_is_refused_and_nothing_is_saved(qtbot, open_console, manager,
                                                           services):
    screen = open_console(manager).show_page("offers")
    before = table_dump(services.deps.conn, exclude=())
    screen.offer_id.setText("odd")
    screen.name.setText("Odd")
    screen.value.setText("10")
    click(qtbot, screen.days.buttons["mon"])
    click(qtbot, screen.tickets.buttons["student"])
    screen.max_uses.setValue(5)  # a use limit without a code
    click(qtbot, button(screen, "saveOffer"))
    assert "Only a promo code can have a maximum number of uses" in screen.banner.text()
    screen.max_uses.setValue(0)
    screen.shows_from.setText("22:00")
    screen.shows_before.setText("18:00")
    click(qtbot, button(screen, "saveOffer"))
    assert "show-time window ends before it starts" in screen.banner.text()
    assert table_dump(services.deps.conn, exclude=()) == before


def test_the_form_in_hindi_shows_no_english_day_keys(qtbot, open_console, manager, services):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from kiosk.ui import i18n

    with transaction(services.deps.conn):
        save_offer(services.deps.conn, offer("tue", name="Tuesday saver", kind="price",
                                             value=15_000, weekdays="tue,sat",
                                             ticket_types=["child"]))
    i18n.language_manager().set_language("hi")
    try:
        window = open_console(manager)
        screen = window.show_page("offers")
        select_row(screen.table, lambda r: r.offer.offer_id == "tue")
        texts = [w.text() for kind in (QLabel, QAbstractButton) for w in screen.findChildren(kind)
                 if w.isVisible()]
        texts += [w.placeholderText() for w in screen.findChildren(QLineEdit)]
        texts += [screen.model.rows[0][4]]  # the "For" column
        english = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun|adult|child|senior|student)\b",
                             re.IGNORECASE)
        assert not [t for t in texts if english.search(t)], texts
        assert screen.days.buttons["tue"].text() == "✓ " + QLocale("hi_IN").dayName(
            2, QLocale.FormatType.ShortFormat)
        first = QLocale("hi_IN").firstDayOfWeek().value - 1
        assert next(iter(screen.days.buttons)) == ("mon", "tue", "wed", "thu", "fri", "sat",
                                                   "sun")[first]
        SHOTS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(SHOTS / "manager_offers_hi.png"))
    finally:
        i18n.language_manager().set_language("en")


def test_the_ticket_types_offered_are_those_the_cinemas_price_lists_have(services):
    conn, offers = services.deps.conn, services.offers
    assert offers.ticket_types("cin-test") == ("adult", "child", "senior", "student")
    with transaction(conn):
        conn.execute("DELETE FROM prices WHERE ticket_type = 'student'")
        conn.execute("INSERT INTO cinemas (id, name, city, timezone, currency) VALUES"
                     " ('cin-new', 'New', 'Testville', 'Asia/Kolkata', 'INR'),"
                     " ('cin-aed', 'Gulf', 'Dubai', 'Asia/Dubai', 'AED')")
    assert offers.ticket_types("cin-test") == ("adult", "child", "senior")
    assert offers.ticket_types("cin-new") == ("adult", "child", "senior")  # INR lists, no shows
    assert offers.ticket_types("cin-aed") == ("adult", "child", "senior", "student")  # none yet

"""Issue 12 point 4 in the manager console: the cinema's offers and codes with their uses; a
manager adds a member price and a limited code from the form, changes one, withdraws one (each
through the service, audited); a value that is not a number, or a rule the service refuses, is
said in the banner and nothing is saved."""

from __future__ import annotations

from pathlib import Path

from kiosk.store.db import transaction
from kiosk.store.offer_store import load_offers, save_offer
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
    screen.tickets.setText("adult")
    click(qtbot, button(screen, "saveOffer"))
    offers = {o.offer_id: o for o in load_offers(services.deps.conn, "cin-test")}
    assert offers["member"].members_only and offers["member"].value == 10
    assert (offers["flash"].code, offers["flash"].max_uses, offers["flash"].value) == (
        "FLASH50", 20, 5_000)
    assert {r[0]: r[3] for r in screen.model.rows}["Flash 50"] == "0 of 20"
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "manager_offers.png"))
    select_row(screen.table, lambda r: r.offer.offer_id == "tue")
    assert screen.value.text() == "150.00" and screen.days.text() == "tue"
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

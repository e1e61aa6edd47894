"""Data words on screens in the screen's language (issue 14 defect 4): offers' audience, the Z
report's titles, the PIN policy tooltip, the sync status, door refusals and the dashboard's
freshness line all go through tr(), their dates and day names from the locale.

New strings have no Hindi or Telugu translation until the translators' pass, so a pseudo
translator marks every string that went through tr() as «...»: an English word left on the
screen unmarked is one that bypassed translation."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from kiosk.cloud.freshness import DeviceLag, Freshness
from kiosk.domain import admission as rules
from kiosk.domain.admission import Decision
from tests.unit.test_offers import offer


class Pseudo(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return f"«{source}»"

    def isEmpty(self) -> bool:  # noqa: N802 - Qt
        return False


@pytest.fixture
def pseudo(qapp):
    translator = Pseudo()
    QCoreApplication.installTranslator(translator)
    previous = QLocale()
    QLocale.setDefault(QLocale("hi_IN"))
    yield translator
    QLocale.setDefault(previous)
    QCoreApplication.removeTranslator(translator)


def test_an_offers_audience_is_worded_in_the_screens_language(qapp, pseudo):
    from kiosk.ui.manager.offers import who_for

    o = offer("tue", members_only=True, ticket_types=["adult"], weekdays="tue",
              from_time="18:00", film_ids=["film-test", "film-two"])
    text = who_for(o)
    assert text.startswith("«members»; «%1 tickets»".replace("%1", "«Adult»"))
    assert "«films %1»".replace("%1", "film-test, film-two") in text
    assert "«shows %1–%2»".replace("%1", "18:00").replace("%2", "24:00") in text
    assert "मंगल" in text and "Tue" not in text  # the day's name from the locale
    assert who_for(offer("all")) == "«all tickets»"


def test_the_offer_pickers_are_worded_in_the_screens_language(qapp, pseudo):
    """Day toggles named by the locale (its own week order), ticket types as the counter names
    them, and what none ticked means through tr()."""
    from kiosk.ui.manager.offer_pickers import DayPicker, TicketTypePicker

    days, tickets = DayPicker(), TicketTypePicker()
    tickets.set_types(["adult", "child"])
    hindi = QLocale("hi_IN")
    assert [b.text() for b in days.buttons.values()][:1] == [
        hindi.dayName(hindi.firstDayOfWeek().value, QLocale.FormatType.ShortFormat)]
    assert days.buttons["tue"].text() == "मंगल"
    assert [b.text() for b in tickets.buttons.values()] == ["«Adult»", "«Child»"]
    assert (days.summary.text(), tickets.summary.text()) == (
        "«Every day (none ticked)»", "«Every ticket type (none ticked)»")
    days.set_keys(["sat"])
    assert days.summary.text() == "«Only on the days ticked»" and days.stored() == "sat"


def test_the_z_reports_words_go_through_tr_and_its_csv_stays_english(qapp, services, pseudo):
    from kiosk.services.day_close import DayCloseService
    from kiosk.tickets.zreport import csv_text
    from kiosk.ui.manager.day_close import report_html

    manager = services.auth.sign_in("9001", "9999")
    report = DayCloseService(services.deps).preview(manager, "2026-11-25")
    page = report_html(report)
    for word in ("«Tickets»", "«Tenders»", "«Card and UPI checks»", "«Measure»",
                 "«Gross sales (tax included)»", "«Net sales at the close»", "«Card»"):
        assert word in page, word
    assert ">Tickets<" not in page and ">Result<" not in page
    text = csv_text(report)
    assert "# Tickets\nMeasure,Amount\nBookings," in text and "«" not in text


def test_sync_states_and_policies_are_named_through_tr(qapp, pseudo):
    from kiosk.ui.names import offline_policy_name, sync_state_name

    assert sync_state_name("online") == "«Online»" and sync_state_name("offline") == "«OFFLINE»"
    assert sync_state_name("odd") == "«Sync status unknown»"
    assert offline_policy_name("allocated-only") == "«allocated seats only»"
    assert offline_policy_name("custom") == "custom"


def test_door_refusals_are_said_from_their_code_and_facts(qapp, pseudo):
    from kiosk.ui.door.mode import refusal_text

    start = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)  # 20:30 in Kolkata
    local = start.astimezone(ZoneInfo("Asia/Kolkata"))
    facts = (("film", "The Test Pattern"), ("hall", "Screen 1"), ("start", local))
    said = {code: refusal_text(Decision(False, code, "English", facts))
            for code in (rules.WRONG_HALL, rules.WRONG_DAY, rules.WRONG_SHOW, rules.ENDED,
                         rules.REFUNDED, rules.EXCHANGED, rules.NOT_VALID, rules.FORGED,
                         rules.UNREADABLE)}
    assert all(text.startswith("«") and "English" not in text for text in said.values()), said
    assert said[rules.WRONG_SHOW] == "«Wrong show: this ticket is for The Test Pattern at 20:30.»"
    assert "बुध" in said[rules.WRONG_DAY]  # Wed, from the locale
    early = Decision(False, rules.TOO_EARLY, "English", (*facts, ("opens", local)))
    assert refusal_text(early) == "«Too early: doors for The Test Pattern open at 20:30.»"
    again = rules.already_admitted("Door 2", start, "Asia/Kolkata")
    assert refusal_text(again).startswith("«Already admitted at Door 2, 20:30.")
    assert refusal_text(Decision(False, "something_new", "As the service said.")) == \
        "As the service said."


def test_the_freshness_line_uses_the_locales_date_and_the_cinemas_time(qapp, pseudo):
    from kiosk.ui.manager.dashboard import freshness_text

    never = Freshness("x", business_date="2026-11-25", timezone="Asia/Kolkata")
    text = freshness_text(never)
    assert "2026-11-25" not in text and "नव" in text and text.startswith("«")
    pulled = Freshness("x", 2, 0, ("KIOSK-2", "KIOSK-3"), "2026-11-25",
                       datetime(2026, 11, 25, 12, 0, tzinfo=UTC), "Asia/Kolkata",
                       (DeviceLag("KIOSK-2", datetime(2026, 11, 25, 11, 0, tzinfo=UTC)),
                        DeviceLag("KIOSK-3", None, 4)))
    assert freshness_text(pulled) == ("«Sales up to 17:30 from 0 of 2 devices»; "
                                      "«KIOSK-2 last seen 16:30»; «KIOSK-3 has 4 not yet sent».")


def test_the_pin_policy_tooltip_goes_through_tr(qtbot, services, pseudo):
    from kiosk.ui.bridge import Bridge
    from kiosk.ui.manager import ManagerWindow

    window = ManagerWindow(services, Bridge(services), services.auth.sign_in("9001", "9999"))
    qtbot.addWidget(window)
    screen = window.show_page("staff")
    assert screen.pin.toolTip() == ("«A PIN is %1 to %2 digits, not all the same digit and not a "
                                    "run such as 1234 or 9876.»").replace("%1", "4").replace("%2", "8")


def test_a_decision_sent_to_another_device_is_worded_from_its_parts(qapp, pseudo):
    from kiosk.services.remote_decisions import SentDecision
    from kiosk.ui.names import sent_decision_text

    at = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    waiting = SentDecision("approve", "", "Meera Manager", at, "KIOSK-2", "", "English")
    assert sent_decision_text(waiting, "Asia/Kolkata") == \
        "«Approval sent 17:30 by Meera Manager, not applied yet»"
    refused = SentDecision("reject", "refused", "Meera Manager", at, "KIOSK-2", "gone", "English")
    assert sent_decision_text(refused, "Asia/Kolkata") == \
        "«KIOSK-2 refused Meera Manager's rejection: gone»"
    assert sent_decision_text(None, "UTC") == ""

"""Times on the manager's screens are the cinema's, whatever the machine's zone (issue 14
defect 2), and dates take the screen's language from the locale (defect 11).

The machine here is in New York (UTC-05:00 in November); the test cinema is in Kolkata
(UTC+05:30) and a second one in Dubai (UTC+04:00). The clock stands at 12:00 UTC: 17:30 in
Kolkata, 07:00 in New York.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale

from kiosk.domain.clock import to_iso
from kiosk.services.models import Payment
from kiosk.ui import dates
from kiosk.ui.manager.catalogue_line import catalogue_line
from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import sell

cashier, manager, open_console, trading_day = fx.cashier, fx.manager, fx.open_console, fx.trading_day


@pytest.fixture
def machine_in_new_york(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    assert time.strftime("%Z", time.localtime(0)) in ("EST", "EDT")
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def english():
    previous = QLocale()
    QLocale.setDefault(QLocale("en_IN"))
    yield
    QLocale.setDefault(previous)


def _column(model, key: str) -> list[str]:
    col = [c.key for c in model.columns].index(key)
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_dashboard_hours_and_shows_are_the_cinemas(machine_in_new_york, english, open_console,
                                                   manager, trading_day):
    window = open_console(manager)
    dash = window.pages["dashboard"]
    hours = dict(dash.sections["INR"].section.hours)
    assert hours[17] == 50_000 and hours[18] == 77_500  # sales at 17:30 and 18:30 in Kolkata
    assert hours[7] == hours[8] == 0  # not New York's 07:00 and 08:00
    assert _column(dash.occupancy_model, "starts") == ["14:30", "20:30"]
    assert "(Kolkata)" in dash.note.text()  # the zone named by its city


def test_cashups_and_staff_locks_are_at_the_cinemas_clock(machine_in_new_york, english, qtbot,
                                                          open_console, manager, services,
                                                          cashier, clock):
    sell(services, cashier, "show-future", ["B1"], Payment("cash", tendered_minor=25_000))
    services.shifts.close(cashier, 25_000)
    services.deps.conn.execute("UPDATE staff SET locked_until = ? WHERE staff_number = '1002'",
                               (to_iso(datetime(2026, 11, 25, 12, 40, tzinfo=UTC)),))
    window = open_console(manager)
    cashups = window.show_page("cashups")
    qtbot.waitUntil(lambda: cashups.model.rowCount() == 1, timeout=3000)
    assert _column(cashups.model, "opened_at") == ["Wed 25 Nov 17:30"]  # 12:00 UTC in Kolkata
    staff = window.show_page("staff")
    qtbot.waitUntil(lambda: staff.model.rowCount() > 0, timeout=3000)
    # a lock in force shows when it ends, at the cinema's clock (12:40 UTC)
    assert [t for t in _column(staff.model, "locked") if t] == ["Wed 25 Nov 18:10"]


def test_the_sync_screens_catalogue_line_is_at_the_cinemas_clock(machine_in_new_york, english):
    text, _role = catalogue_line({"version": 3, "last_pull_at": "2026-11-25T12:00:05+00:00"},
                                 "dxb", "Asia/Dubai")
    assert "last checked Wed 25 Nov 16:00:05" in text


@pytest.mark.parametrize(("language", "month", "weekday"), [
    ("en_IN", "Nov", "Wed"), ("hi_IN", "नव", "बुध"), ("te_IN", "నవం", "బుధ")])
def test_one_date_format_per_language(qapp, language, month, weekday):
    locale = QLocale(language)
    start = datetime(2026, 11, 25, 20, 30, tzinfo=UTC)
    assert month in dates.date_text(date(2026, 11, 25), locale)
    assert dates.date_text(date(2026, 11, 25), locale).endswith("2026")
    assert weekday in dates.day_text(date(2026, 11, 25), locale)
    # a moment in UTC is shown at the cinema's clock: 20:30 UTC is 02:00 the next day in Kolkata
    assert dates.date_time_text(start, locale, zone="Asia/Kolkata").endswith("2026 02:00")
    assert dates.time_text(start, locale, zone="Asia/Dubai") == "00:30"
    kolkata = start.astimezone(ZoneInfo("Asia/Kolkata"))
    assert dates.zoned_time_text(kolkata, locale) == "02:00 UTC+05:30"


def test_the_dashboard_speaks_the_languages_dates(open_console, manager, trading_day):
    previous = QLocale()
    QLocale.setDefault(QLocale("hi_IN"))
    try:
        window = open_console(manager)
        dash = window.pages["dashboard"]
        assert "नव" in dash.note.text() and "Nov" not in dash.note.text()
        assert "बुध" in dash.tiles["gross"].compare.text()  # Wednesday a week earlier
    finally:
        QLocale.setDefault(previous)

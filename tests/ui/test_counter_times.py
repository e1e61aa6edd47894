"""Times on the counter are the cinema's (issue 14 defect 2): a counter PC set to another zone
(here Los Angeles) shows the shift's start in the cinema's time, as the cash-ups do."""

from __future__ import annotations

import time

import pytest


@pytest.fixture
def machine_in_los_angeles(monkeypatch):
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_shift_starts_at_the_cinemas_time_not_the_machines(machine_in_los_angeles, driver):
    driver.start()  # the shift opens at 12:00 UTC: 17:30 in Kolkata, 04:00 in Los Angeles
    assert "Shift since 17:30" in driver.mode.topbar.shift_label.text()

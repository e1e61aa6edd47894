"""Dates in one format per language, from the locale (issue 14 defect 11)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale

from kiosk.ui.dates import date_text, day_text, day_time_text, long_text, time_text


def test_one_pattern_per_kind_with_the_languages_own_names(qapp):
    english = QLocale("en_IN")
    hindi = QLocale("hi_IN")
    day = date(2026, 11, 25)
    start = datetime(2026, 11, 25, 20, 30)
    assert day_text(day, english) == "Wed 25 Nov"
    assert day_time_text(start, english) == "Wed 25 Nov 20:30"
    assert time_text(start, hindi) == "20:30"
    assert "नव" in day_text(day, hindi) and "Nov" not in day_text(day, hindi)  # नवंबर
    previous = QLocale()
    QLocale.setDefault(english)
    try:
        assert date_text(day) == "25 Nov 2026"
        assert long_text(start) == "Wednesday 25 November 2026, 20:30"
        QLocale.setDefault(hindi)
        assert "बुधवार" in long_text(start)  # the screen's language sets the default
    finally:
        QLocale.setDefault(previous)

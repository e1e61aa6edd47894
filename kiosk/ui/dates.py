"""Dates and times on screen in one format per language, from the locale (issue 14 defect 11).

The language manager sets ``QLocale.setDefault`` (en_IN, hi_IN, te_IN), so day and month names
come out in the screen's language: "बुध 25 नव॰" rather than "Wed 25 Nov". Four patterns serve
every screen: a time, a short day, a day with its year, and the long form of a show's start.
Times given here are already in the cinema's zone (the callers convert; see CounterMode.local).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

TIME = "HH:mm"
DAY = "ddd d MMM"
DAY_YEAR = "d MMM yyyy"
LONG = "dddd d MMMM yyyy, HH:mm"


def _qdate(moment: date) -> QDate:
    return QDate(moment.year, moment.month, moment.day)


def _qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(_qdate(moment), QTime(moment.hour, moment.minute, moment.second))


def time_text(moment: datetime, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(QTime(moment.hour, moment.minute), TIME)


def day_text(moment: date, locale: QLocale | None = None) -> str:
    """A short day: "Wed 25 Nov" (``locale``: another than the screen's, e.g. the customer's)."""
    return (locale or QLocale()).toString(_qdate(moment), DAY)


def day_time_text(moment: datetime, locale: QLocale | None = None) -> str:
    """A short day and its time: "Wed 25 Nov 20:30"."""
    return f"{day_text(moment, locale)} {time_text(moment, locale)}"


def date_text(moment: date) -> str:
    """A day with its year: "25 Nov 2026"."""
    return QLocale().toString(_qdate(moment), DAY_YEAR)


def long_text(moment: datetime) -> str:
    """A show's start in full: "Wednesday 25 November 2026, 20:30"."""
    return QLocale().toString(_qdatetime(moment), LONG)

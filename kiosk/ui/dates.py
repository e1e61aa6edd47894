"""Dates and times on screen in one format per language, from the locale (issue 14 defect 11).

The language manager sets ``QLocale.setDefault`` (en_IN, hi_IN, te_IN), so day and month names
come out in the screen's language: "बुध 25 नव॰" rather than "Wed 25 Nov". A handful of patterns
serve every screen: a time (with seconds where a sync log needs them), a short day, a day with
its year, a day with its year and time (manager tables), and the long form of a show's start.
No screen formats a date itself (no strftime, no ``QDate.toString``): it calls one of these.

Times are shown in the cinema's zone, never the machine's. A caller either passes a moment
already in that zone, or passes ``zone`` (an IANA name or a tzinfo) and an aware moment is
converted here; a naive moment is taken as already local.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

TIME = "HH:mm"
TIME_SECONDS = "HH:mm:ss"
DAY = "ddd d MMM"
DAY_YEAR = "d MMM yyyy"
LONG = "dddd d MMMM yyyy, HH:mm"
EDIT = "d MMM yyyy"  # a QDateEdit's display format: the day with its year
EDIT_DAY = "ddd d MMM yyyy"  # the same with the weekday (the schedule's day)
EDIT_DAY_TIME = "ddd d MMM yyyy HH:mm"  # a show's start being edited


def local(moment: datetime, zone: str | tzinfo | None) -> datetime:
    """``moment`` in ``zone`` (an aware moment converted; a naive one taken as local)."""
    if zone is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(ZoneInfo(zone) if isinstance(zone, str) else zone)


def _qdate(moment: date) -> QDate:
    return QDate(moment.year, moment.month, moment.day)


def _qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(_qdate(moment), QTime(moment.hour, moment.minute, moment.second))


def time_text(moment: datetime, locale: QLocale | None = None, *, zone: str | tzinfo | None = None,
              seconds: bool = False) -> str:
    """A time: "20:30" ("20:30:05" with ``seconds``)."""
    moment = local(moment, zone)
    return (locale or QLocale()).toString(QTime(moment.hour, moment.minute, moment.second),
                                          TIME_SECONDS if seconds else TIME)


def zoned_time_text(moment: datetime, locale: QLocale | None = None) -> str:
    """A time with its zone's offset, for a list mixing cinemas of several zones:
    "11:00 UTC+05:30" (an aware moment, shown at its own clock)."""
    offset = moment.utcoffset()
    if offset is None:
        return time_text(moment, locale)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{time_text(moment, locale)} UTC{sign}{hours:02d}:{mins:02d}"


def day_text(moment: date, locale: QLocale | None = None) -> str:
    """A short day: "Wed 25 Nov" (``locale``: another than the screen's, e.g. the customer's)."""
    return (locale or QLocale()).toString(_qdate(moment), DAY)


def day_time_text(moment: datetime, locale: QLocale | None = None, *,
                  zone: str | tzinfo | None = None, seconds: bool = False) -> str:
    """A short day and its time: "Wed 25 Nov 20:30"."""
    moment = local(moment, zone)
    return f"{day_text(moment, locale)} {time_text(moment, locale, seconds=seconds)}"


def date_text(moment: date, locale: QLocale | None = None) -> str:
    """A day with its year: "25 Nov 2026"."""
    return (locale or QLocale()).toString(_qdate(moment), DAY_YEAR)


def date_time_text(moment: datetime, locale: QLocale | None = None, *,
                   zone: str | tzinfo | None = None) -> str:
    """A day with its year and time, for tables of records: "25 Nov 2026 20:30"."""
    moment = local(moment, zone)
    return f"{date_text(moment, locale)} {time_text(moment, locale)}"


def range_text(start: date, end: date, locale: QLocale | None = None) -> str:
    """A day, or a span of days: "25 Nov 2026" or "18 Nov 2026 – 25 Nov 2026"."""
    if start == end:
        return date_text(start, locale)
    return f"{date_text(start, locale)} – {date_text(end, locale)}"


def long_text(moment: datetime, locale: QLocale | None = None) -> str:
    """A show's start in full: "Wednesday 25 November 2026, 20:30"."""
    return (locale or QLocale()).toString(_qdatetime(moment), LONG)

"""The column titles of ``kiosk.services.reports`` in the console's language.

The services name their columns in English and stay free of Qt (the CSV, the PDF and the CLI
keep their own words), so lupdate never sees them there. This list marks every one of them under
the "ReportColumn" context for the translators; the dashboard's tables translate through it.
A title the list lacks stays English (tests/unit/test_report_titles.py fails when reports.py
gains one).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ReportColumn"

TITLES = (
    # the measures every breakdown and the totals share
    QT_TRANSLATE_NOOP("ReportColumn", "Bookings"),
    QT_TRANSLATE_NOOP("ReportColumn", "Tickets"),
    QT_TRANSLATE_NOOP("ReportColumn", "Gross sales"),
    QT_TRANSLATE_NOOP("ReportColumn", "Refunds"),
    QT_TRANSLATE_NOOP("ReportColumn", "Tickets refunded"),
    QT_TRANSLATE_NOOP("ReportColumn", "Refunded"),
    QT_TRANSLATE_NOOP("ReportColumn", "Exchanges"),
    QT_TRANSLATE_NOOP("ReportColumn", "Tickets exchanged"),
    QT_TRANSLATE_NOOP("ReportColumn", "Exchange credit"),
    QT_TRANSLATE_NOOP("ReportColumn", "Net sales"),
    QT_TRANSLATE_NOOP("ReportColumn", "Tax"),
    QT_TRANSLATE_NOOP("ReportColumn", "Net revenue"),
    # totals
    QT_TRANSLATE_NOOP("ReportColumn", "Currency"),
    QT_TRANSLATE_NOOP("ReportColumn", "Tax on sales"),
    QT_TRANSLATE_NOOP("ReportColumn", "Tax refunded"),
    QT_TRANSLATE_NOOP("ReportColumn", "Tax on exchange credit"),
    QT_TRANSLATE_NOOP("ReportColumn", "Average ticket"),
    QT_TRANSLATE_NOOP("ReportColumn", "Refunds awaiting approval"),
    QT_TRANSLATE_NOOP("ReportColumn", "Awaiting approval"),
    # tenders
    QT_TRANSLATE_NOOP("ReportColumn", "Tender"),
    QT_TRANSLATE_NOOP("ReportColumn", "Payments"),
    QT_TRANSLATE_NOOP("ReportColumn", "Taken"),
    QT_TRANSLATE_NOOP("ReportColumn", "Net"),
    # food and drink
    QT_TRANSLATE_NOOP("ReportColumn", "Items sold"),
    QT_TRANSLATE_NOOP("ReportColumn", "Sales"),
    QT_TRANSLATE_NOOP("ReportColumn", "Admissions"),
    QT_TRANSLATE_NOOP("ReportColumn", "Food and drink per admission"),
    QT_TRANSLATE_NOOP("ReportColumn", "Category"),
    QT_TRANSLATE_NOOP("ReportColumn", "Item"),
    # offers
    QT_TRANSLATE_NOOP("ReportColumn", "Offer"),
    QT_TRANSLATE_NOOP("ReportColumn", "Code"),
    QT_TRANSLATE_NOOP("ReportColumn", "Tickets in those sales"),
    QT_TRANSLATE_NOOP("ReportColumn", "Taken off"),
    # the breakdowns' labels
    QT_TRANSLATE_NOOP("ReportColumn", "Hour"),
    QT_TRANSLATE_NOOP("ReportColumn", "Film"),
    QT_TRANSLATE_NOOP("ReportColumn", "Cinema"),
    QT_TRANSLATE_NOOP("ReportColumn", "Hall"),
    QT_TRANSLATE_NOOP("ReportColumn", "Show"),
    QT_TRANSLATE_NOOP("ReportColumn", "Starts (local)"),
    QT_TRANSLATE_NOOP("ReportColumn", "Payment"),
    QT_TRANSLATE_NOOP("ReportColumn", "Staff no."),
    QT_TRANSLATE_NOOP("ReportColumn", "Name"),
    QT_TRANSLATE_NOOP("ReportColumn", "Kiosk"),
    QT_TRANSLATE_NOOP("ReportColumn", "Channel"),
    # occupancy
    QT_TRANSLATE_NOOP("ReportColumn", "Status"),
    QT_TRANSLATE_NOOP("ReportColumn", "Sold"),
    QT_TRANSLATE_NOOP("ReportColumn", "Capacity"),
    QT_TRANSLATE_NOOP("ReportColumn", "Free"),
    QT_TRANSLATE_NOOP("ReportColumn", "Occupancy"),
    QT_TRANSLATE_NOOP("ReportColumn", "Admitted"),
    # refunds
    QT_TRANSLATE_NOOP("ReportColumn", "Refund"),
    QT_TRANSLATE_NOOP("ReportColumn", "When (local)"),
    QT_TRANSLATE_NOOP("ReportColumn", "Booking"),
    QT_TRANSLATE_NOOP("ReportColumn", "Seats"),
    QT_TRANSLATE_NOOP("ReportColumn", "Amount"),
    QT_TRANSLATE_NOOP("ReportColumn", "Method"),
    QT_TRANSLATE_NOOP("ReportColumn", "State"),
    QT_TRANSLATE_NOOP("ReportColumn", "Reason"),
    QT_TRANSLATE_NOOP("ReportColumn", "Requested by"),
    QT_TRANSLATE_NOOP("ReportColumn", "Decided by"),
)


def column_title(title: str) -> str:
    """``title`` (a services ``Column`` title, English) in the current language; a title not
    listed above comes back as it is."""
    return QCoreApplication.translate(CONTEXT, title)

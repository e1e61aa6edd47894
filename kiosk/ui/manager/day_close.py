"""Day close (Z report): see a business day as it stands, close it, reprint it, correct it.

Thin over ``kiosk.services.day_close``: the service refuses a close with a shift still open
(the banner names the shifts), freezes and signs the totals, and records adjustments; this
screen shows the preview or the frozen report and writes the one-page PDF or the CSV.
"""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextBrowser,
)

from kiosk.domain.errors import InvalidInput
from kiosk.ui import dates
from kiosk.ui.manager.common import ManagerScreen, button, high_contrast, muted
from kiosk.ui.page_names import ManagerPage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.manager.context import ManagerContext


class DayCloseScreen(ManagerScreen):
    name = ManagerPage.DAY_CLOSE
    title = QT_TRANSLATE_NOOP("DayCloseScreen", "Day close")

    def __init__(self, ctx: ManagerContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from kiosk.services.day_close import DayCloseService

        self.days = (ctx.services.day_close
                     or ctx.extras.setdefault("day_close", DayCloseService(ctx.deps)))
        self.report = None
        self.cinema = QComboBox(self)
        self.cinema.setObjectName("dayCinema")
        self.cinema.setMinimumHeight(48)
        self.cinema.setMinimumWidth(200)
        for c in ctx.cinemas():
            self.cinema.addItem(c["name"], c["id"])
        self.cinema.setVisible(self.cinema.count() > 1)
        self.cinema.currentIndexChanged.connect(lambda _i: self.refresh())
        today = ctx.today()
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date_edit.setObjectName("dayDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(dates.EDIT)
        self.date_edit.setMinimumHeight(48)
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        self.toolbar.addWidget(self.cinema)
        self.toolbar.addWidget(QLabel(self.tr("Date"), self))
        self.toolbar.addWidget(self.date_edit)
        self.toolbar.addWidget(button(self.tr("Refresh"), self, slot=self.refresh, name="dayRefresh"))
        if ctx.config.cloud.enabled:  # every device's shifts are checked on the pulled day
            self.toolbar.addWidget(button(self.tr("Pull the day"), self, slot=self.pull_day,
                                          name="dayPullButton"))
        self.close_button = button(self.tr("Close the day"), self, role="primary", slot=self.close_day,
                                   name="closeDayButton")
        self.toolbar.addWidget(self.close_button)
        self.toolbar.addWidget(button(self.tr("Save PDF"), self, slot=lambda: self.save("pdf"),
                                      name="saveZPdf"))
        self.toolbar.addWidget(button(self.tr("Save CSV"), self, slot=lambda: self.save("csv"),
                                      name="saveZCsv"))
        self.status = QLabel(self)
        self.status.setObjectName("dayStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "title")
        self.outer.addWidget(self.status)
        self.outer.addWidget(muted(self.tr(
            "Closing freezes the day's totals for good: every shift of the day must be closed "
            "first (here and, once the day is pulled, on every device). Sales after the close "
            "fall on the next business day; a correction is an adjustment with a reason."), self))
        self.body = QTextBrowser(self)
        self.body.setObjectName("zReport")
        self.outer.addWidget(self.body, 1)
        row = QHBoxLayout()
        self.amount = QLineEdit(self)
        self.amount.setObjectName("adjustAmount")
        self.amount.setPlaceholderText(self.tr("Amount, e.g. -12.50"))
        self.amount.setMinimumHeight(48)
        self.amount.setMaxLength(16)
        self.amount.setMinimumWidth(180)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("adjustReason")
        self.reason.setPlaceholderText(self.tr("Reason (printed on the Z report)"))
        self.reason.setMinimumHeight(48)
        self.reason.setMaxLength(200)
        self.adjust_button = button(self.tr("Add adjustment"), self, slot=self.adjust,
                                    name="adjustButton")
        row.addWidget(self.amount)
        row.addWidget(self.reason, 1)
        row.addWidget(self.adjust_button)
        self.outer.addLayout(row)
        # Asked before closing; tests replace it (a modal box would wait for a person).
        self.confirm = self._ask
        from kiosk.ui.theme import ThemeManager

        theme = ThemeManager.instance()
        if theme is not None:  # the report's colours follow the theme (high contrast)
            theme.highContrastChanged.connect(self._restyle)

    @Slot()
    def _restyle(self, _on: bool = False) -> None:
        if self.report is not None:
            self.body.setHtml(report_html(self.report))

    # -- reading ---------------------------------------------------------------------------------
    def cinema_id(self) -> str | None:
        return self.cinema.currentData()

    def day(self):
        return self.date_edit.date().toPython()

    @Slot()
    def refresh(self) -> None:
        report = self.call(self.days.preview, self.actor, self.day(), self.cinema_id())
        self.report = report
        if report is None:
            self.status.setText("")
            self.body.clear()
            return
        day = dates.date_text(date.fromisoformat(report.business_date))
        if report.closed:
            check = (self.tr("signature matches") if report.signature_ok
                     else self.tr("SIGNATURE DOES NOT MATCH"))
            from kiosk.domain.clock import local

            at = local(report.closed_at, report.timezone)
            self.status.setText(self.tr("%1: closed %2 by %3; %4").replace("%1", day)
                                .replace("%2", dates.day_time_text(at))
                                .replace("%3", report.closed_by_name).replace("%4", check))
        elif report.open_shifts:
            names = "; ".join(s.describe() for s in report.open_shifts)
            count = len(report.open_shifts)
            text = (self.tr("%1: open, %2 shift still open (%3)") if count == 1
                    else self.tr("%1: open, %2 shifts still open (%3)"))
            self.status.setText(text.replace("%1", day).replace("%2", str(count))
                                .replace("%3", names))
        else:
            self.status.setText(self.tr("%1: open, every shift closed: ready to close")
                                .replace("%1", day))
        self.close_button.setEnabled(not report.closed)
        self.adjust_button.setEnabled(report.closed)
        self.body.setHtml(report_html(report))

    # -- actions ---------------------------------------------------------------------------------
    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Close the business day"), text)
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def close_day(self) -> None:
        day = self.day()
        if not self.confirm(self.tr("Close business day %1? Its totals are then frozen and signed "
                                    "by you; later sales fall on the next day.")
                            .replace("%1", dates.date_text(day))):
            return
        if self.attempt(self.days.close, self.actor, day, self.cinema_id(),
                        ok=self.tr("Business day %1 is closed. Save the PDF to print it.")
                        .replace("%1", dates.date_text(day))):
            problem = self.days.last_publish_problem
            self.refresh()
            if problem:
                self.banner.error(problem)

    @Slot()
    def pull_day(self) -> None:
        """Pull this business day of every device from the cloud (worker thread), then show
        it: the close checks the other devices' shifts on the pulled day."""
        context = self.ctx.services.cloud_context
        if context is None:
            self.banner.error(self.tr("Cloud sync is not running on this console; nothing was pulled."))
            return
        self.submit(self.ctx.reports.pull_day, self.actor, context, self.day(),
                    cinema_id=self.cinema_id(), ok=self.tr("The day was pulled from every device."),
                    on_done=lambda _r: self.refresh())

    @Slot()
    def adjust(self) -> None:
        text = self.amount.text().strip()
        try:
            amount = parse_signed(text)
        except InvalidInput as err:
            self.banner.error(str(err))
            return
        if self.attempt(self.days.adjust, self.actor, self.day(), amount, self.reason.text(),
                        self.cinema_id(), ok=self.tr("Adjustment recorded; it is on the Z report.")):
            self.amount.clear()
            self.reason.clear()
            self.refresh()

    def save(self, kind: str) -> None:
        from kiosk.tickets.zreport import save
        from kiosk.ui.manager import common

        report = self.call(self.days.report, self.actor, self.day(), self.cinema_id())
        if report is None:
            return
        pattern = self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("CSV files (*.csv)")
        path = common.ask_save_path(self, self.tr("Save the Z report"),
                                    f"z-report-{report.business_date}.{kind}", pattern)
        if path is None:
            return
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        try:
            save(report, path)
        except (OSError, ValueError) as err:
            reason = err.strerror if isinstance(err, OSError) and err.strerror else err
            self.banner.error(self.tr("Could not write %1: %2. Nothing was written.")
                              .replace("%1", path.name).replace("%2", str(reason)))
            return
        self.banner.show_message(self.tr("Saved %1.").replace("%1", path.name), "ok")
        self.exported.emit(str(path))


def parse_signed(text: str) -> int:
    """``-12.50`` / ``20`` -> minor units, with a message a manager understands."""
    from kiosk.domain.money import parse_money

    negative = text.startswith("-")
    try:
        minor = parse_money(text.lstrip("+-"))
    except ValueError:
        raise InvalidInput(QCoreApplication.translate(
            "DayCloseScreen", "Type the adjustment as an amount, e.g. -12.50 (missing) or 20 "
            "(found).")) from None
    return -minor if negative else minor


def _align(index: int, cell: str) -> str:
    """Amounts and counts right-aligned so they line up; names and notes left."""
    text = str(cell).replace(",", "").lstrip("-₹")
    return "right" if index and (text[:1].isdigit() or cell.startswith(("₹", "-₹"))) else "left"


def report_html(report) -> str:
    """The Z report's sections as simple HTML tables (the same numbers as the PDF and CSV)."""
    from kiosk.tickets.zreport import shown_rows, words

    parts = []
    if not report.closed:
        colour = "#ffd84d" if high_contrast() else "#b3261e"  # readable on black as on white
        note = QCoreApplication.translate("DayCloseScreen",
                                          "Preview: not closed, the figures can still change.")
        parts.append(f"<p style='color:{colour}'><b>{html.escape(note)}</b></p>")
    for title, header, rows in report.sections():
        if title == "Z report":
            continue
        parts.append(f"<h3>{html.escape(words(title))}</h3>")
        if not rows:
            none = QCoreApplication.translate("DayCloseScreen", "none")
            parts.append(f"<p><i>{html.escape(none)}</i></p>")
            continue
        cells = "".join(f"<th align='left'>{html.escape(words(h))}</th>" for h in header)
        body = "".join(
            "<tr>" + "".join(f"<td align='{_align(i, c)}'>{html.escape(str(c))}</td>"
                             for i, c in enumerate(row)) + "</tr>"
            for row in shown_rows(report, title, header, rows))
        parts.append(f"<table cellspacing='0' cellpadding='4'><tr>{cells}</tr>{body}</table>")
    return "".join(parts)

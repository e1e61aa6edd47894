"""A shift's report on screen: who, when, what each tender took, the count and the checks.

Shown to the cashier before the close is confirmed and after it (the slip's content), and to
the manager reviewing a cash-up, from one ``kiosk.services.shift_report.ShiftReport``. Times
are the cinema's (the report carries its zone); the variance of each check is coloured and said
in words, so "short" is never read from a minus sign alone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.money import format_money
from kiosk.services.shift_report import ShiftReport
from kiosk.ui.dates import day_time_text
from kiosk.ui.widgets.layouts import empty_layout


def set_role(label: QLabel, role: str) -> None:
    """Change a label's stylesheet role and repaint it in that role's colours."""
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


class ShiftReportView(QWidget):
    """Read-only view of one ``ShiftReport``; ``show_report`` replaces what it shows.

    Attributes:
        heading: who and when, one line.
        flag_note: which checks are beyond the variance limit (hidden when none is).
        verdicts: one label per check (cash, card, UPI) saying balanced / over / short.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shiftReportView")
        self.heading = QLabel("", self)
        self.heading.setObjectName("shiftReportHeading")
        self.heading.setWordWrap(True)
        self.flag_note = QLabel("", self)
        self.flag_note.setObjectName("shiftReportFlag")
        self.flag_note.setWordWrap(True)
        self.flag_note.setProperty("role", "warn")
        self.flag_note.hide()
        self.body = QGridLayout()
        self.body.setHorizontalSpacing(20)
        self.body.setVerticalSpacing(4)
        self.verdicts: dict[str, QLabel] = {}
        self._holders: list[QWidget] = []
        self._per_row = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.heading)
        outer.addWidget(self.flag_note)
        outer.addLayout(self.body)
        outer.addStretch(1)

    # -- words ----------------------------------------------------------------------------------
    def tender_name(self, kind: str) -> str:
        return {"cash": self.tr("Cash"), "card": self.tr("Card"), "upi": self.tr("UPI"),
                "voucher": self.tr("Gift card"), "points": self.tr("Points")}.get(kind, kind)

    def check_name(self, kind: str) -> str:
        return {"cash": self.tr("Cash in the drawer"), "card": self.tr("Card terminal batch"),
                "upi": self.tr("UPI settlement")}.get(kind, kind)

    def verdict(self, variance: int, currency: str) -> tuple[str, str]:
        """(words, stylesheet role) for a variance."""
        if variance == 0:
            return self.tr("Balanced"), "good"
        amount = format_money(abs(variance), currency)
        if variance > 0:
            return self.tr("Over by %1").replace("%1", amount), "warn"
        return self.tr("Short by %1").replace("%1", amount), "bad"

    # -- content --------------------------------------------------------------------------------
    def _clear(self) -> None:
        empty_layout(self.body)
        self.verdicts = {}
        self._holders = []

    def _section(self, title: str) -> QGridLayout:
        """A titled block in the next column: tenders, the count, the checks side by side."""
        box = QGridLayout()
        box.setHorizontalSpacing(16)
        box.setVerticalSpacing(2)
        head = QLabel(title, self)
        head.setProperty("role", "section")
        head.setStyleSheet("font-weight: 600;")
        box.addWidget(head, 0, 0, 1, 3)
        holder = QWidget(self)
        holder.setLayout(box)
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._holders.append(holder)
        return box

    def _arrange(self) -> None:
        """The sections side by side, or two to a row when they would not fit the width (large
        text, a narrow console), so no figure is ever cut off at the right."""
        for holder in self._holders:
            self.body.removeWidget(holder)
        per_row = self._wanted()
        for column in range(3):
            self.body.setColumnStretch(column, 0)
        for index, holder in enumerate(self._holders):
            row, column = divmod(index, max(per_row, 1))
            self.body.addWidget(holder, row, column, Qt.AlignmentFlag.AlignTop)
            self.body.setColumnStretch(column, 1)
        self._per_row = per_row

    def _room(self) -> int:
        """The width there is: inside a scroll area (which would widen us instead of wrapping)
        its viewport's, less the margins between it and us."""
        widget: QWidget | None = self
        inset = 0
        while widget is not None and not isinstance(widget, QAbstractScrollArea):
            inset += widget.x() if widget is not self else 0
            widget = widget.parentWidget()
        if widget is None:
            return self.width()
        return widget.viewport().width() - 2 * max(inset, 0)

    def _wanted(self) -> int:
        spacing = self.body.horizontalSpacing()
        needed = sum(h.sizeHint().width() for h in self._holders) + spacing * len(self._holders)
        return len(self._holders) if needed <= self._room() else 2

    def rearrange(self) -> None:
        """Re-decide side by side or two to a row (the window or the text size changed)."""
        if self._holders and self._wanted() != self._per_row:
            self._arrange()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt
        super().resizeEvent(event)
        self.rearrange()

    def _row(self, box: QGridLayout, left: str, right: str, *, bold: bool = False,
             name: str = "") -> QLabel:
        row = box.rowCount()
        label = QLabel(left, self)
        value = QLabel(right, self)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if name:
            value.setObjectName(name)
        if bold:
            label.setStyleSheet("font-weight: 600;")
            value.setStyleSheet("font-weight: 600;")
        box.addWidget(label, row, 0)
        box.addWidget(value, row, 1)
        return value

    def show_report(self, report: ShiftReport) -> None:
        self._clear()
        money = lambda minor: format_money(minor, report.currency)  # noqa: E731
        closed = (self.tr("closed %1").replace("%1", day_time_text(report.local(report.closed_at)))
                  if report.closed_at is not None else self.tr("still open"))
        self.heading.setText(
            self.tr("Shift %1 · %2 (%3) · %4 · opened %5, %6")
            .replace("%1", str(report.shift_id)).replace("%2", report.staff_name)
            .replace("%3", report.staff_number).replace("%4", report.kiosk_id)
            .replace("%5", day_time_text(report.local(report.opened_at))).replace("%6", closed))
        flagged = [self.check_name(c.kind) for c in report.checks if report.flagged(c.kind)]
        self.flag_note.setText(self.tr("Beyond the variance limit, a manager reviews it: %1")
                               .replace("%1", ", ".join(flagged)))
        self.flag_note.setVisible(bool(flagged))

        taken = self._section(self.tr("Taken by tender (net of refunds)"))
        for total in report.tenders:
            self._row(taken, self.tender_name(total.kind), money(total.net_minor))
        if not report.tenders:
            self._row(taken, self.tr("No sales on this shift."), "")
        self._row(taken, self.tr("Ticket sales"), str(report.sales))
        self._row(taken, self.tr("Food and drink sales"), str(report.item_sales))

        if report.count is not None:
            count = self._section(self.tr("Drawer count"))
            counted = [line for line in report.count.lines if line.pieces]
            for line in counted:
                kind = self.tr("coin") if line.denomination.kind == "coin" else self.tr("note")
                self._row(count, f"{line.denomination.label(report.currency)} {kind} × "
                          f"{line.pieces}", money(line.amount_minor))
            if not counted:
                self._row(count, self.tr("The drawer is empty."), "")
            self._row(count, self.tr("Counted"), money(report.count.total_minor), bold=True)

        checks = self._section(self.tr("Checks"))
        self._row(checks, self.tr("Float"), money(report.float_minor))
        for check in report.checks:
            self._row(checks, self.check_name(check.kind), "", bold=True)
            self._row(checks, self.tr("Expected"), money(check.expected_minor))
            self._row(checks, self.tr("Counted") if check.kind == "cash" else self.tr("Declared"),
                      money(check.declared_minor), name=f"declared_{check.kind}")
            words, role = self.verdict(check.variance_minor, report.currency)
            value = self._row(checks, self.tr("Variance"), words, bold=True,
                              name=f"variance_{check.kind}")
            set_role(value, role)
            self.verdicts[check.kind] = value
        self._arrange()

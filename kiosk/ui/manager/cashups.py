"""Cash-ups: each shift's float, expected and counted cash, the variance (flagged beyond the
configured limit), and approve / comment buttons for the selected shift."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit

from kiosk.services.schedule import day_bounds
from kiosk.ui import dates
from kiosk.ui.manager.common import Col, ManagerScreen, RowsModel, SortedTable, button, muted

COLUMNS = (
    Col("shift_id", "Shift", "id"), Col("staff", "Staff"), Col("kiosk_id", "Kiosk"),
    Col("opened_at", "Opened", "datetime"), Col("closed_at", "Closed", "datetime"),
    Col("float_minor", "Float", "money"), Col("expected_minor", "Expected", "money"),
    Col("counted_minor", "Counted", "money"), Col("variance_minor", "Variance", "money"),
    # issue 11: what the shift took net on the tenders that are not in the drawer (their slips)
    Col("card_net", "Card (net)", "money"), Col("upi_net", "UPI (net)", "money"),
    Col("voucher_net", "Gift card (net)", "money"), Col("points_net", "Points (net)", "money"),
    Col("flag", "Check"), Col("status", "Status"), Col("approved_by", "Approved by"),
    Col("comment", "Comments"), Col("currency", "Currency"),
)


class CashupsScreen(ManagerScreen):
    title = "Cash-ups"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        today = ctx.today()
        self.start_edit = QDateEdit(QDate(today.year, today.month, today.day).addDays(-6), self)
        self.end_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(dates.EDIT)
            edit.setMinimumHeight(48)
        self.only_flagged = QCheckBox("Only flagged", self)
        self.only_flagged.setObjectName("onlyFlagged")
        self.only_flagged.toggled.connect(lambda _on: self.refresh())
        self.toolbar.addWidget(QLabel("From", self))
        self.toolbar.addWidget(self.start_edit)
        self.toolbar.addWidget(QLabel("to", self))
        self.toolbar.addWidget(self.end_edit)
        self.toolbar.addWidget(self.only_flagged)
        self.toolbar.addWidget(button("Refresh", self, role="primary", slot=self.refresh))
        self.toolbar.addWidget(button("Export CSV", self, name="csv_cashups",
                                      slot=lambda: self.export_csv(self.table, "cashups")))
        units, minor = divmod(ctx.bridge.call(lambda: ctx.cashups.threshold_minor), 100)
        self.outer.addWidget(muted(f"A variance beyond {units:,}.{minor:02d} (in the shift's currency) "
                                   "either way is flagged and needs a comment before approval.", self))
        self.model = RowsModel(COLUMNS, self)
        self.model.highlight = self._tone
        self.table = SortedTable(self.model, self)
        self.table.setObjectName("cashupTable")
        self.outer.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.comment = QLineEdit(self)
        self.comment.setObjectName("cashupComment")
        self.comment.setPlaceholderText("Comment (needed to approve a flagged variance)")
        self.comment.setMaxLength(500)
        actions.addWidget(self.comment, 1)
        actions.addWidget(button("Add comment", self, slot=self.add_comment, name="commentButton"))
        actions.addWidget(button("Approve", self, role="primary", slot=self.approve, name="approveButton"))
        self.outer.addLayout(actions)

    def _tone(self, row: int) -> str | None:
        cashup = self.model.payload(row)
        if cashup.flagged:
            return "bad"
        return "good" if cashup.status == "approved" else None

    def refresh(self) -> None:
        tz = self.ctx.timezone()
        start, _ = day_bounds(self.start_edit.date().toPython(), tz)
        _, end = day_bounds(self.end_edit.date().toPython(), tz)
        if end <= start:  # "to" before "from": show the first day rather than nothing
            end = start + timedelta(days=1)
        cashups = self.call(self.ctx.cashups.list_cashups, self.actor, start, end,
                            only_flagged=self.only_flagged.isChecked())
        if cashups is None:
            return
        local = ZoneInfo(tz)
        rows = [(c.shift_id, f"{c.staff_number} {c.staff_name}", c.kiosk_id,
                 c.opened_at.astimezone(local), c.closed_at.astimezone(local) if c.closed_at else None,
                 c.float_minor, c.expected_minor, c.counted_minor, c.variance_minor,
                 *((c.tender(k).net_minor if c.origin == "local" else None)
                   for k in ("card", "upi", "voucher", "points")),
                 "FLAGGED" if c.flagged else "",
                 c.decision if c.decision and c.status != "approved" else c.status,
                 c.approved_by_name,
                 c.comment.replace("\n", " | "), c.currency) for c in cashups]
        self.model.set_rows(rows, cashups)

    def _selected(self):
        cashup = self.table.selected_payload()
        if cashup is None:
            self.banner.error("Please choose a shift in the table first.")
        return cashup

    def approve(self) -> None:
        cashup = self._selected()
        if cashup is None:
            return
        ok = (f"Approval sent to {cashup.kiosk_id}: it records it at its next sync; pull the "
              "day to see it done." if cashup.origin == "cloud"
              else f"Shift {cashup.shift_id} approved.")
        if self.attempt(self.ctx.cashups.approve, self.actor, cashup.shift_id, self.comment.text(),
                        ok=ok):
            self.comment.clear()
            self.refresh()

    def add_comment(self) -> None:
        cashup = self._selected()
        if cashup is None:
            return
        if self.attempt(self.ctx.cashups.add_comment, self.actor, cashup.shift_id, self.comment.text(),
                        ok="Comment saved."):
            self.comment.clear()
            self.refresh()

"""Refund approvals: refunds above the cashier's limit wait here for a manager to approve or
reject (a rejection needs a comment, which the cashier and the audit log both see)."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QHBoxLayout, QLineEdit

from kiosk.domain.clock import from_iso
from kiosk.ui.manager.common import Col, ManagerScreen, RowsModel, SortedTable, button, muted

COLUMNS = (
    Col("refund_id", "Refund", "id"), Col("requested_at", "Requested", "datetime"),
    Col("reference", "Booking"), Col("film", "Film"), Col("seats", "Seats"),
    Col("amount_minor", "Amount", "money"), Col("method", "Back to"),
    Col("requested_by", "Requested by"), Col("reason", "Reason"), Col("currency", "Currency"),
    Col("kiosk_id", "Device"),  # every device's requests once the day is pulled
)


def as_dict(item: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(item):
        return dataclasses.asdict(item)
    if isinstance(item, dict):
        return dict(item)
    return {k: getattr(item, k) for k in dir(item) if not k.startswith("_")}


def pick(d: dict[str, Any], *keys: str, default: Any = "") -> Any:
    for key in keys:
        if d.get(key) not in (None, ""):
            return d[key]
    return default


def refund_row(item: Any, timezone: str) -> tuple:
    """One table row from whatever ``pending_refunds`` returns (a dataclass or a dict)."""
    d = as_dict(item)
    when = pick(d, "created_at", "requested_at", default=None)
    if isinstance(when, str):
        when = from_iso(when)
    if isinstance(when, datetime):
        when = when.astimezone(ZoneInfo(timezone))
    seats = pick(d, "seats", default=())
    if isinstance(seats, (list, tuple)):
        seats = " ".join(seats)
    who = pick(d, "requested_by_name", "requested_by", "staff_name")
    return (pick(d, "refund_id", "id"), when, pick(d, "booking_reference", "reference"),
            pick(d, "film_title", "film"), seats, pick(d, "amount_minor", "amount", default=0),
            pick(d, "method"), who, pick(d, "reason"), pick(d, "currency", default="INR"),
            pick(d, "kiosk_id", default=""))


class RefundsScreen(ManagerScreen):
    title = "Refund approvals"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.toolbar.addWidget(button("Refresh", self, role="primary", slot=self.refresh))
        self.toolbar.addWidget(button("Export CSV", self, name="csv_refunds",
                                      slot=lambda: self.export_csv(self.table, "pending-refunds")))
        self.outer.addWidget(muted("Refunds over the cashier limit wait here. Approving pays the "
                                   "money back and frees the seats; rejecting needs a comment.", self))
        self.model = RowsModel(COLUMNS, self)
        self.table = SortedTable(self.model, self)
        self.table.setObjectName("refundTable")
        self.outer.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.comment = QLineEdit(self)
        self.comment.setObjectName("refundComment")
        self.comment.setPlaceholderText("Comment (required to reject)")
        self.comment.setMaxLength(300)
        row.addWidget(self.comment, 1)
        row.addWidget(button("Reject", self, role="danger", slot=self.reject, name="rejectButton"))
        row.addWidget(button("Approve", self, role="primary", slot=self.approve, name="approveRefund"))
        self.outer.addLayout(row)
        ctx.bridge.dataChanged.connect(lambda: self.refresh() if self.isVisible() else None)

    def available(self) -> bool:
        return hasattr(self.ctx.booking, "pending_refunds")

    def refresh(self) -> None:
        if not self.available():
            self.banner.show_message("Refund approvals are not available in this build yet.", "warn")
            return
        items = self.call(self.ctx.booking.pending_refunds, self.actor)
        if items is None:
            return
        tz = self.ctx.timezone()
        self.model.set_rows([refund_row(i, tz) for i in items], list(items))

    def _selected_id(self) -> int | None:
        row = self.table.selected_source_row()
        if row is None:
            self.banner.error("Please choose a refund in the table first.")
            return None
        return self.model.rows[row][0]

    def approve(self) -> None:
        refund_id = self._selected_id()
        if refund_id is None:
            return
        if self.attempt(self.ctx.booking.approve_refund, self.actor, refund_id,
                        ok=f"Refund {refund_id} approved: pay the customer back."):
            self.comment.clear()
            self.refresh()

    def reject(self) -> None:
        refund_id = self._selected_id()
        if refund_id is None:
            return
        comment = self.comment.text().strip()
        if not comment:
            self.banner.error("Please type why the refund is rejected; the cashier will see it.")
            return
        if self.attempt(self.ctx.booking.reject_refund, self.actor, refund_id, comment,
                        ok=f"Refund {refund_id} rejected."):
            self.comment.clear()
            self.refresh()

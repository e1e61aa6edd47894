"""Refund approvals: refunds above the cashier's limit wait here for a manager to approve or
reject (a rejection needs a comment, which the cashier and the audit log both see).

Below them, "to pay out": refunds approved when no shift was open to pay them (the cashier's had
closed and the approver has none here). They stay listed until someone pays them out of an
open drawer, so a closed shift's figures never change."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit

from kiosk.domain.clock import from_iso
from kiosk.ui.manager.common import (
    Col,
    ManagerScreen,
    RowsModel,
    SortedTable,
    button,
    fit_columns,
    muted,
)
from kiosk.ui.names import sent_decision_text
from kiosk.ui.page_names import ManagerPage
from kiosk.ui.reasons import reason_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.manager.context import ManagerContext

COLUMNS = (
    Col("refund_id", QT_TRANSLATE_NOOP("RefundsScreen", "Refund"), "id"), Col("requested_at", QT_TRANSLATE_NOOP("RefundsScreen", "Requested"), "datetime"),
    Col("reference", QT_TRANSLATE_NOOP("RefundsScreen", "Booking")), Col("film", QT_TRANSLATE_NOOP("RefundsScreen", "Film")), Col("seats", QT_TRANSLATE_NOOP("RefundsScreen", "Seats")),
    Col("amount_minor", QT_TRANSLATE_NOOP("RefundsScreen", "Amount"), "money"),
    Col("kiosk_id", QT_TRANSLATE_NOOP("RefundsScreen", "Device")),  # every device's requests once the day is pulled
    Col("decision", QT_TRANSLATE_NOOP("RefundsScreen", "Decision sent")),  # another device's: sent from here, and its answer
    Col("method", QT_TRANSLATE_NOOP("RefundsScreen", "Back to"), "tender"), Col("requested_by", QT_TRANSLATE_NOOP("RefundsScreen", "Requested by")), Col("reason", QT_TRANSLATE_NOOP("RefundsScreen", "Reason")),
    Col("currency", QT_TRANSLATE_NOOP("RefundsScreen", "Currency")),
)
_DEVICE = next(c for c in COLUMNS if c.key == "kiosk_id")
_DECISION = COLUMNS.index(next(c for c in COLUMNS if c.key == "decision"))
_CURRENCY = COLUMNS.index(next(c for c in COLUMNS if c.key == "currency"))
# long texts wrap in these (and share the width left); the others take their contents' width,
# so no column is cut at 1366 x 768 (issue 14 defect 3)
_WRAPPED = {COLUMNS.index(c) for c in COLUMNS if c.key in ("film", "seats", "reason")}
PAYOUT_COLUMNS = (
    Col("refund_id", QT_TRANSLATE_NOOP("RefundsScreen", "Refund"), "id"), Col("decided_at", QT_TRANSLATE_NOOP("RefundsScreen", "Approved"), "datetime"),
    Col("reference", QT_TRANSLATE_NOOP("RefundsScreen", "Booking")), Col("seats", QT_TRANSLATE_NOOP("RefundsScreen", "Seats")), Col("amount_minor", QT_TRANSLATE_NOOP("RefundsScreen", "To pay out"), "money"),
    Col("requested_by", QT_TRANSLATE_NOOP("RefundsScreen", "Requested by")), Col("currency", QT_TRANSLATE_NOOP("RefundsScreen", "Currency")),
)


def payout_row(d: dict[str, Any], timezone: str) -> tuple:
    when = d.get("decided_at")
    if isinstance(when, datetime):
        when = when.astimezone(ZoneInfo(timezone))
    return (d["refund_id"], when, d["reference"], " ".join(d.get("seats") or ()),
            d["amount_minor"], d.get("requested_by_name") or "", d.get("currency", "INR"))


def pick(d: dict[str, Any], *keys: str, default: Any = "") -> Any:
    for key in keys:
        if d.get(key) not in (None, ""):
            return d[key]
    return default


def refund_row(d: dict[str, Any], timezone: str) -> tuple:
    """One table row from a ``pending_refunds`` row."""
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
            pick(d, "kiosk_id", default=""),
            sent_decision_text(d["sent"], timezone) if d.get("sent") is not None
            else pick(d, "decision", default=""), pick(d, "method"),
            who, reason_text(pick(d, "reason")), pick(d, "currency", default="INR"))


class RefundsScreen(ManagerScreen):
    name = ManagerPage.REFUNDS
    title = QT_TRANSLATE_NOOP("RefundsScreen", "Refund approvals")

    def __init__(self, ctx: ManagerContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.toolbar.addWidget(button(self.tr("Refresh"), self, role="primary", slot=self.refresh))
        self.toolbar.addWidget(button(self.tr("Export CSV"), self, name="csv_refunds",
                                      slot=lambda: self.export_csv(self.table, "pending-refunds")))
        self.outer.addWidget(muted(self.tr("Refunds over the cashier limit wait here. Approving pays the "
                                   "money back and frees the seats; rejecting needs a comment. "
                                   "Another device's request is sent to it and paid from its "
                                   "drawer at its next sync."), self))
        self.model = RowsModel(COLUMNS, self, context="RefundsScreen")
        self.table = SortedTable(self.model, self)
        self.table.setObjectName("refundTable")
        fit_columns(self.table, _WRAPPED, hidden={_CURRENCY})  # amounts show their own
        self.outer.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.comment = QLineEdit(self)
        self.comment.setObjectName("refundComment")
        self.comment.setPlaceholderText(self.tr("Comment (required to reject)"))
        self.comment.setMaxLength(300)
        row.addWidget(self.comment, 1)
        row.addWidget(button(self.tr("Reject"), self, role="danger", slot=self.reject, name="rejectButton"))
        row.addWidget(button(self.tr("Approve"), self, role="primary", slot=self.approve, name="approveRefund"))
        self.outer.addLayout(row)
        self.payout_title = QLabel(self.tr("To pay out"), self)
        self.payout_title.setObjectName("toPayOutTitle")
        bold = self.payout_title.font()
        bold.setBold(True)
        self.payout_title.setFont(bold)
        self.outer.addWidget(self.payout_title)
        self.outer.addWidget(muted(self.tr("Approved, but no open shift has paid them yet. Whoever pays "
                                   "the customer presses Pay out: it comes out of their open "
                                   "shift's drawer."), self))
        self.payout_model = RowsModel(PAYOUT_COLUMNS, self, context="RefundsScreen")
        self.payout_table = SortedTable(self.payout_model, self)
        self.payout_table.setObjectName("toPayOutTable")
        fit_columns(self.payout_table, {3},  # the seats wrap
                          hidden={len(PAYOUT_COLUMNS) - 1})
        self.outer.addWidget(self.payout_table, 1)
        payout_row_layout = QHBoxLayout()
        payout_row_layout.addStretch(1)
        payout_row_layout.addWidget(button(self.tr("Pay out from my shift"), self, role="primary",
                                           slot=self.pay_out, name="payOutButton"))
        self.outer.addLayout(payout_row_layout)
        ctx.bridge.dataChanged.connect(lambda: self.refresh() if self.isVisible() else None)

    @Slot()
    def refresh(self) -> None:
        items = self.call(self.ctx.booking.pending_refunds, self.actor)
        if items is None:
            return
        tz = self.ctx.timezone()
        rows = [refund_row(i, tz) for i in items]
        # another device's column and its decision only when there is one to show (hidden
        # before the rows come, so the columns are fitted to the ones shown)
        here = self.ctx.config.kiosk_id
        self.table.setColumnHidden(COLUMNS.index(_DEVICE),
                                   all(r[COLUMNS.index(_DEVICE)] in ("", here) for r in rows))
        self.table.setColumnHidden(_DECISION, not any(r[_DECISION] for r in rows))
        self.model.set_rows(rows, list(items))
        due = self.call(self.ctx.booking.to_pay_out, self.actor) or []
        self.payout_model.set_rows([payout_row(d, tz) for d in due], list(due))
        self.payout_title.setText(self.tr("To pay out (%1)").replace("%1", str(len(due))))

    def _selected_id(self) -> int | None:
        row = self.table.selected_source_row()
        if row is None:
            self.banner.error(self.tr("Please choose a refund in the table first."))
            return None
        return self.model.rows[row][0]

    def _device(self) -> str:
        row = self.table.selected_source_row()
        return "" if row is None else str(self.model.rows[row][COLUMNS.index(_DEVICE)] or "")

    @Slot()
    def approve(self) -> None:
        refund_id = self._selected_id()
        if refund_id is None:
            return
        device = self._device()
        result = self.call(self.ctx.booking.approve_refund, self.actor, refund_id)
        if result is None:
            return
        self.comment.clear()
        self.refresh()
        if result.state == "approval_sent":
            self.banner.show_message(
                self.tr("Approval of %1's refund sent to %2: it pays the "
                        "customer back from its drawer at its next sync.")
                .replace("%1", result.booking_reference).replace("%2", device), "ok")
        elif result.to_pay_out:
            self.banner.show_message(
                self.tr("Refund %1 approved. No open shift could pay it, so it is TO PAY OUT: "
                        "pay it from an open drawer (the cashier's next shift, or yours).")
                .replace("%1", str(refund_id)), "warn")
        else:
            self.banner.show_message(self.tr("Refund %1 approved: pay the customer back.")
                                     .replace("%1", str(refund_id)), "ok")

    @Slot()
    def pay_out(self) -> None:
        row = self.payout_table.selected_source_row()
        if row is None:
            self.banner.error(self.tr("Please choose a refund to pay out first."))
            return
        refund_id = self.payout_model.rows[row][0]
        if self.attempt(self.ctx.booking.pay_out, self.actor, refund_id,
                        ok=self.tr("Refund %1 paid out from your shift's drawer.")
                        .replace("%1", str(refund_id))):
            self.refresh()

    @Slot()
    def reject(self) -> None:
        refund_id = self._selected_id()
        if refund_id is None:
            return
        comment = self.comment.text().strip()
        if not comment:
            self.banner.error(self.tr("Please type why the refund is rejected; the cashier will see it."))
            return
        ok = (self.tr("Rejection sent to %1: the cashier sees it at its next sync.")
              .replace("%1", self._device())
              if refund_id < 0 else self.tr("Refund %1 rejected.").replace("%1", str(refund_id)))
        if self.attempt(self.ctx.booking.reject_refund, self.actor, refund_id, comment, ok=ok):
            self.comment.clear()
            self.refresh()

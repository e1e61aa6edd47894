"""The audit log viewer: who did what and when, filtered by staff, action and date, with CSV.

Above the filters a line says whether the log's hash chain is intact (every row checked, not just
the ones shown), or names the first row that was changed or removed.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit

from kiosk.domain.audit_words import CONTEXT, action_name, sentence, who_label
from kiosk.domain.clock import from_iso
from kiosk.domain.errors import KioskError
from kiosk.services.schedule import day_bounds
from kiosk.store.audit_chain import ChainCheck
from kiosk.ui import dates
from kiosk.ui.manager.common import (
    Col,
    ManagerScreen,
    RowsModel,
    SortedTable,
    button,
    fit_columns,
)
from kiosk.ui.page_names import ManagerPage
from kiosk.ui.reasons import reason_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.manager.context import ManagerContext

COLUMNS = (
    Col("at", QT_TRANSLATE_NOOP("AuditScreen", "When"), "datetime"), Col("staff", QT_TRANSLATE_NOOP("AuditScreen", "Staff")), Col("kiosk_id", QT_TRANSLATE_NOOP("AuditScreen", "Kiosk")),
    Col("action", QT_TRANSLATE_NOOP("AuditScreen", "Action")), Col("target", QT_TRANSLATE_NOOP("AuditScreen", "Target")), Col("ok", QT_TRANSLATE_NOOP("AuditScreen", "Allowed"), "bool"),
    Col("detail", QT_TRANSLATE_NOOP("AuditScreen", "What happened")),
    # the stored record, whole: not shown (the sentence is), but searched and exported, so
    # nothing the log holds is lost to the words
    Col("record", QT_TRANSLATE_NOOP("AuditScreen", "Record")),
)
KEYS = [c.key for c in COLUMNS]
LIMIT = 5000


def words(text: str) -> str:
    """The audit words (``kiosk.domain.audit_words``) in the screen's language."""
    return QCoreApplication.translate(CONTEXT, text)


def row_sentence(row: dict) -> str:
    """One audit row as a sentence in the screen's language: who did what, to what."""
    found = sentence(row["action"], row["target"], row["detail"] or {}, bool(row["ok"]),
                     who=who_label(row.get("staff_name"), row.get("staff_number")),
                     translate=words, reasons=reason_text)
    return found.text(words(found.template))


class AuditScreen(ManagerScreen):
    name = ManagerPage.AUDIT
    title = QT_TRANSLATE_NOOP("AuditScreen", "Audit log")

    def __init__(self, ctx: ManagerContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        today = ctx.today()
        qtoday = QDate(today.year, today.month, today.day)
        self.start_edit = QDateEdit(qtoday.addDays(-1), self)
        self.end_edit = QDateEdit(qtoday, self)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(dates.EDIT)
            edit.setMinimumHeight(48)
        self.staff = QComboBox(self)
        self.staff.setObjectName("auditStaff")
        self.action = QComboBox(self)
        self.action.setObjectName("auditAction")
        self.action.setEditable(True)
        self.search = QLineEdit(self)
        self.search.setObjectName("auditSearch")
        self.search.setPlaceholderText(self.tr("Search target or detail"))
        filters = QHBoxLayout()
        for widget in (QLabel(self.tr("From"), self), self.start_edit, QLabel(self.tr("to"), self), self.end_edit,
                       self.staff, self.action):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(button(self.tr("Apply"), self, role="primary", slot=self.refresh, name="auditApply"))
        self.toolbar.addWidget(button(self.tr("Export CSV"), self, name="csv_audit",
                                      slot=lambda: self.export_csv(self.table, "audit")))
        self.chain = QLabel("", self)
        self.chain.setObjectName("auditChain")
        self.chain.setWordWrap(True)
        self.outer.addWidget(self.chain)
        self.outer.addLayout(filters)
        self.model = RowsModel(COLUMNS, self, context="AuditScreen")
        self.model.highlight = lambda row: None if self.model.rows[row][5] else "bad"
        self.table = SortedTable(self.model, self)
        self.table.setObjectName("auditTable")
        self.search.textChanged.connect(self.table.proxy.setFilterFixedString)
        # The sentence says who did what to what: the staff, action, target and allowed
        # columns stay in the model (searched, filtered, exported) but are not shown twice;
        # the record is searched and exported. The sentence gives up width first and wraps;
        # rows grow to show it whole.
        fit_columns(self.table, {KEYS.index("detail")},
                    hidden={KEYS.index(key) for key in ("staff", "action", "target", "ok",
                                                        "record")}, rows_fit=False)
        self.outer.addWidget(self.table, 1)
        self.count = QLabel("", self)
        self.count.setProperty("role", "muted")
        self.outer.addWidget(self.count)
        self._filters_loaded = False

    def _load_filters(self) -> None:
        staff = self.call(self.ctx.staff_admin.list_staff, self.actor) or []
        self.staff.addItem(self.tr("All staff"), None)
        for s in staff:
            self.staff.addItem(f"{s.staff_number} {s.name}", s.staff_id)
        self.action.addItem(self.tr("All actions"), None)
        self._filters_loaded = True

    def _show_chain(self) -> None:
        """Check the whole chain on the worker thread (about 1.7 s for 190,000 rows here)."""
        self._set_chain(self.tr("Checking the audit chain\u2026"), "muted")

        def failed(err: BaseException) -> None:
            self._set_chain("", "muted")
            self.banner.error(str(err) if isinstance(err, KioskError) else
                              self.tr("The audit chain could not be checked. Please try again."))

        self.ctx.bridge.submit(self.ctx.audit_log.chain, self.actor, on_done=self._chain_checked,
                               on_error=failed, name="audit_chain")

    @Slot(object)
    def _chain_checked(self, check: ChainCheck) -> None:
        if check.intact:
            self._set_chain(self.tr("\u2713 Audit chain intact: all %1 rows unchanged.")
                            .replace("%1", f"{check.rows:,}"), "good")
        else:
            self._set_chain(self.tr("\u2717 Audit chain broken: %1").replace("%1", str(check.problem)),
                            "bad")
        self.chain.setToolTip("" if check.intact else self.tr(
            "Rows shown may not be what was written: tell the cinema's auditor. `kiosk audit "
            "verify` gives the same check on the command line."))

    def _set_chain(self, text: str, role: str) -> None:
        self.chain.setProperty("role", role)
        self.chain.style().unpolish(self.chain)
        self.chain.style().polish(self.chain)
        self.chain.setText(text)
        self.chain.updateGeometry()

    @Slot()
    def refresh(self) -> None:
        if not self._filters_loaded:
            self._load_filters()
        self._show_chain()
        log = self.ctx.audit_log
        tz = self.ctx.timezone()
        start, _ = day_bounds(self.start_edit.date().toPython(), tz)
        _, end = day_bounds(self.end_edit.date().toPython(), tz)
        typed = self.action.currentText().strip()
        index = self.action.currentIndex()
        chosen = index > 0 and typed == self.action.itemText(index)
        action = (self.action.itemData(index) if chosen
                  else typed if typed and typed != self.tr("All actions") else None)
        rows = self.call(log.query, self.actor, staff_id=self.staff.currentData(), action=action,
                         start=start, end=end, limit=LIMIT)
        if rows is None:
            return
        zone = ZoneInfo(tz)
        self.model.set_rows([
            (from_iso(r["at"]).astimezone(zone) if isinstance(r["at"], str) else r["at"],
             f"{r.get('staff_number') or ''} {r.get('staff_name') or ''}".strip() or self.tr("self-service / system"),
             r["kiosk_id"], words(action_name(r["action"])), r["target"], bool(r["ok"]),
             row_sentence(r),
             json.dumps(r["detail"], sort_keys=True, ensure_ascii=False) if r["detail"] else "")
            for r in rows
        ], rows)
        self.count.setText((self.tr("%1 entries (the newest shown; narrow the dates)")
                            if len(rows) >= LIMIT else self.tr("%1 entries"))
                           .replace("%1", f"{len(rows):,}"))
        known = {self.action.itemData(i) for i in range(1, self.action.count())}
        for name in sorted({r["action"] for r in rows} - known):
            self.action.addItem(words(action_name(name)), name)

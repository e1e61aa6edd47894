"""Kiosks and sync: each kiosk's last sync and pending outbox, offline allocations per show, the
conflict queue (bookings whose seats were sold elsewhere) with re-seat and refund actions, and the
rows the sync gave up on (dead letters) with retry and export.

The dead-letter list, retry and export are ``kiosk.services.outbox`` calls: the screen runs no
SQL and checks no role (the service refuses, and audits, anyone but a manager).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout

from kiosk.domain.clock import from_iso
from kiosk.domain.errors import KioskError
from kiosk.services import outbox, sync_overview
from kiosk.ui import dates, names
from kiosk.ui.manager import catalogue_line, common
from kiosk.ui.manager.common import (
    Col,
    ManagerScreen,
    RowsModel,
    SortedTable,
    button,
    card,
    fit_columns,
)
from kiosk.ui.page_names import ManagerPage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.cloud.context import CloudContext
    from kiosk.ui.manager.context import ManagerContext
    from kiosk.ui.sync_bridge import SyncBridge

KIOSK_COLUMNS = (
    Col("kiosk_id", QT_TRANSLATE_NOOP("SyncScreen", "Kiosk")),
    Col("last_sale", QT_TRANSLATE_NOOP("SyncScreen", "Last sale"), "datetime"),
    Col("last_sync", QT_TRANSLATE_NOOP("SyncScreen", "Last synced"), "datetime"),
    Col("pending", QT_TRANSLATE_NOOP("SyncScreen", "Waiting to send"), "int"),
    Col("oldest", QT_TRANSLATE_NOOP("SyncScreen", "Oldest waiting"), "datetime"),
    Col("allocated", QT_TRANSLATE_NOOP("SyncScreen", "Offline seats unsold"), "int"),
    Col("error", QT_TRANSLATE_NOOP("SyncScreen", "Last problem")),
)

ALLOC_COLUMNS = (
    Col("starts", QT_TRANSLATE_NOOP("SyncScreen", "Show starts"), "datetime"),
    Col("film", QT_TRANSLATE_NOOP("SyncScreen", "Film")),
    Col("kiosk_id", QT_TRANSLATE_NOOP("SyncScreen", "Kiosk")),
    Col("allocated", QT_TRANSLATE_NOOP("SyncScreen", "Allocated"), "int"),
    Col("sold", QT_TRANSLATE_NOOP("SyncScreen", "Sold from them"), "int"),
)

DOUBLE_COLUMNS = (
    Col("reference", QT_TRANSLATE_NOOP("SyncScreen", "Booking")),
    Col("show_id", QT_TRANSLATE_NOOP("SyncScreen", "Show")),
    Col("first", QT_TRANSLATE_NOOP("SyncScreen", "First admitted at")),
    Col("first_at", QT_TRANSLATE_NOOP("SyncScreen", "When"), "datetime"),
    Col("second", QT_TRANSLATE_NOOP("SyncScreen", "Admitted again at (offline)")),
    Col("second_at", QT_TRANSLATE_NOOP("SyncScreen", "When"), "datetime"),
)

CONFLICT_COLUMNS = (
    Col("reference", QT_TRANSLATE_NOOP("SyncScreen", "Booking")),
    Col("show_id", QT_TRANSLATE_NOOP("SyncScreen", "Show")),
    Col("seats", QT_TRANSLATE_NOOP("SyncScreen", "Seats sold here")),
    Col("lost", QT_TRANSLATE_NOOP("SyncScreen", "Taken elsewhere")),
    Col("contact", QT_TRANSLATE_NOOP("SyncScreen", "Customer")),
    Col("amount", QT_TRANSLATE_NOOP("SyncScreen", "Paid"), "money"),
    Col("detected", QT_TRANSLATE_NOOP("SyncScreen", "Found"), "datetime"),
    Col("currency", QT_TRANSLATE_NOOP("SyncScreen", "Currency")),
)


KIND_WORDS = {"confirm": QT_TRANSLATE_NOOP("SyncScreen", "Sale"),
              "refund": QT_TRANSLATE_NOOP("SyncScreen", "Refund"),
              "notify": QT_TRANSLATE_NOOP("SyncScreen", "Customer message")}


def dead_columns() -> tuple[Col, ...]:
    """Column titles in the current language (spelled out in full so lupdate finds them)."""
    return (Col("reference", QCoreApplication.translate("SyncScreen", "Booking")),
            Col("kind", QCoreApplication.translate("SyncScreen", "What")),
            Col("dead_at", QCoreApplication.translate("SyncScreen", "Gave up"), "datetime"),
            Col("tries", QCoreApplication.translate("SyncScreen", "Tries"), "int"),
            Col("id", QCoreApplication.translate("SyncScreen", "Row"), "int"),
            Col("reason", QCoreApplication.translate("SyncScreen", "Why it was not sent")))


def _when(text: str | None) -> datetime | None:
    """A time in the live status (ISO text), or None."""
    return from_iso(text) if text else None


def _conflicts_module():
    from kiosk.cloud import conflicts

    return conflicts


class SyncScreen(ManagerScreen):
    name = ManagerPage.SYNC
    title = QT_TRANSLATE_NOOP("SyncScreen", "Kiosks and sync")

    def __init__(self, ctx: ManagerContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.toolbar.addWidget(button(self.tr("Refresh"), self, role="primary", slot=self.refresh))
        self.status = QLabel("", self)
        self.status.setObjectName("syncState")
        self.status.setWordWrap(True)
        self.outer.addWidget(self.status)
        self.catalogue_status = QLabel("", self)  # the shared catalogue (catalogue_line)
        self.catalogue_status.setObjectName("catalogueState")
        self.catalogue_status.setWordWrap(True)
        self.catalogue_status.setSizePolicy(QSizePolicy.Policy.Preferred,
                                            QSizePolicy.Policy.Minimum)  # never clipped
        self.outer.addWidget(self.catalogue_status)

        self.kiosk_model = RowsModel(KIOSK_COLUMNS, self, context="SyncScreen")
        self.kiosk_model.highlight = lambda r: "warn" if self.kiosk_model.rows[r][3] else None
        self.kiosk_table = SortedTable(self.kiosk_model, self)
        self.kiosk_table.setObjectName("kioskTable")
        fit_columns(self.kiosk_table, {len(KIOSK_COLUMNS) - 1})  # the last problem wraps
        self.alloc_model = RowsModel(ALLOC_COLUMNS, self, context="SyncScreen")
        self.alloc_table = SortedTable(self.alloc_model, self)
        self.alloc_table.setObjectName("allocationTable")
        fit_columns(self.alloc_table, {1})  # the film
        self.conflict_model = RowsModel(CONFLICT_COLUMNS, self, context="SyncScreen")
        self.conflict_table = SortedTable(self.conflict_model, self)
        self.conflict_table.setObjectName("conflictTable")
        fit_columns(self.conflict_table, {2, 3, 4},  # seats and the customer wrap
                    hidden={len(CONFLICT_COLUMNS) - 1})  # the paid amount shows its currency

        # one under the other, each across the whole width so no column is cut (issue 14
        # defect 3); the conflict queue's table shows only when a booking is in conflict
        rows_high = self.kiosk_table.horizontalHeader().sizeHint().height() + 48  # and a row
        self.kiosk_table.setMinimumHeight(rows_high)
        self.conflict_table.setMinimumHeight(rows_high)
        self.outer.addWidget(self._section(self.tr("Kiosks"), self.kiosk_table, self.kiosk_model,
                                           "kiosks"), 1)
        self.outer.addWidget(self._section(self.tr("Offline allocations by show"), self.alloc_table,
                                           self.alloc_model, "allocations"), 1)
        conflicts = self._section(self.tr("Conflict queue: seats sold elsewhere first"), self.conflict_table,
                                  self.conflict_model, "conflicts")
        actions = QHBoxLayout()
        self.conflict_note = QLabel("", self)
        self.conflict_note.setProperty("role", "muted")
        self.conflict_note.setWordWrap(True)
        actions.addWidget(self.conflict_note, 1)
        self.reseat_button = button(self.tr("Re-seat (equal seats)"), self, role="primary", slot=self.reseat,
                                    name="reseatButton")
        self.refund_button = button(self.tr("Refund in full"), self, role="danger", slot=self.refund,
                                    name="conflictRefund")
        actions.addWidget(self.reseat_button)
        actions.addWidget(self.refund_button)
        conflicts.layout().addLayout(actions)
        self.outer.addWidget(conflicts, 0)
        self.dead_card = self._dead_section()
        self.dead_card.hide()  # until there is something stuck
        self.outer.addWidget(self.dead_card, 1)
        # tickets admitted at two doors while one was offline (issue 13), found on reconnecting
        self.double_model = RowsModel(DOUBLE_COLUMNS, self, context="SyncScreen")
        self.double_table = SortedTable(self.double_model, self)
        self.double_table.setObjectName("doubleAdmissions")
        self.double_table.setMinimumHeight(rows_high)
        self.double_card = self._section(self.tr("Double admissions at the doors"), self.double_table,
                                         self.double_model, "double_admissions")
        self.double_card.hide()  # until there is one
        self.outer.addWidget(self.double_card, 1)
        self._live: dict = {}
        self._sync_connected = False
        self._dead_loaded = False  # the list was read (so live updates may re-read it)
        self._stored: sync_overview.CloudState | None = None  # read on refresh
        self._unpublished = 0

    def _section(self, title: str, table, model, name: str):
        frame = card(self)
        lay = QVBoxLayout(frame)
        head = QHBoxLayout()
        label = QLabel(title, frame)
        label.setProperty("role", "title")
        head.addWidget(label)
        head.addStretch(1)
        head.addWidget(button(self.tr("Export CSV"), frame, name=f"csv_{name}",
                              slot=lambda: self.export_csv(table, name)))
        lay.addLayout(head)
        lay.addWidget(table, 1)
        return frame

    def _dead_section(self):
        """Rows the sync gave up on: who, what, why; a manager retries or exports them."""
        frame = card(self)
        frame.setObjectName("deadLetters")
        lay = QVBoxLayout(frame)
        head = QHBoxLayout()
        self.dead_title = QLabel(self.tr("Not sent: sync gave up"), frame)
        self.dead_title.setProperty("role", "title")
        head.addWidget(self.dead_title)
        head.addStretch(1)
        self.dead_export_button = button(self.tr("Export…"), frame, slot=self.export_dead,
                                         name="deadExport")
        head.addWidget(self.dead_export_button)
        lay.addLayout(head)
        self.dead_model = RowsModel(dead_columns(), self)
        self.dead_model.highlight = lambda r: "bad"
        self.dead_table = SortedTable(self.dead_model, self)
        self.dead_table.setObjectName("deadLetterTable")
        fit_columns(self.dead_table, {len(dead_columns()) - 1})  # the reason wraps
        self.dead_table.setMinimumHeight(  # its header and a row, whatever else is shown
            self.dead_table.horizontalHeader().sizeHint().height() + 48)
        self.dead_note = QLabel("", frame)
        self.dead_note.setProperty("role", "muted")
        self.dead_note.setWordWrap(True)
        self.dead_retry_button = button(self.tr("Retry"), frame, role="primary",
                                        slot=self.retry_dead, name="deadRetry")
        lay.addWidget(self.dead_table, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.dead_note, 1)
        actions.addWidget(self.dead_retry_button)
        lay.addLayout(actions)
        return frame

    # -- cloud wiring ----------------------------------------------------------------------------
    def sync_bridge(self) -> SyncBridge | None:
        """The app's SyncBridge, held by the ui bridge (None: cloud sync is off)."""
        return self.ctx.bridge.sync

    def cloud_context(self) -> CloudContext | None:
        sync = self.sync_bridge()
        return sync.context if sync is not None else self.ctx.services.cloud_context

    def cloud_configured(self) -> bool:
        return bool(self.ctx.config.cloud.enabled) and self.cloud_context() is not None

    @Slot(dict)
    def _on_status(self, status: dict) -> None:
        self._live = dict(status)
        if self._dead_loaded and status.get("dead_letters", self.dead_model.rowCount()) != \
                self.dead_model.rowCount():
            self._load_dead()  # the worker gave up on a row (or a retry went through)
        self._show_state()

    def showEvent(self, event) -> None:  # noqa: N802
        sync = self.sync_bridge()
        if sync is not None and not self._sync_connected:
            sync.statusChanged.connect(self._on_status)
            self._live = dict(sync.last_status)
            self._sync_connected = True
        super().showEvent(event)

    # -- data ------------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        deps = self.ctx.deps
        kiosks = self.call(sync_overview.kiosk_rows, deps, self.actor)
        if kiosks is None:
            return
        zone = ZoneInfo(self.ctx.timezone())
        loc = lambda d: d.astimezone(zone) if d else None  # noqa: E731
        self.kiosk_model.set_rows([(k.kiosk_id, loc(k.last_sale_at), loc(k.last_synced_at), k.pending,
                                    loc(k.oldest_pending_at), k.allocated_unsold, k.last_error)
                                   for k in kiosks], kiosks)
        allocations = self.call(sync_overview.allocation_rows, deps, self.actor) or []
        self.alloc_model.set_rows([(a.starts_at.astimezone(ZoneInfo(a.timezone)), a.film, a.kiosk_id,
                                    a.allocated, a.sold) for a in allocations], allocations)
        module = _conflicts_module()
        conflicts = []
        if module is not None:
            conflicts = self.call(module.list_conflicts, self.ctx.services, self.actor) or []
        self.conflict_model.set_rows([(c.reference, c.show_id, " ".join(c.seats), " ".join(c.lost_seats),
                                       c.customer_contact, c.total_minor, c.detected_at.astimezone(zone),
                                       c.currency) for c in conflicts], conflicts)
        self._load_dead()
        admissions = self.ctx.services.admissions
        doubles = (self.call(admissions.double_admissions, self.actor) or []) \
            if admissions is not None else []
        self.double_model.set_rows([(d.reference, d.show_id, d.first_door,
                                     d.first_at.astimezone(zone), d.second_door,
                                     d.second_at.astimezone(zone)) for d in doubles], doubles)
        self.double_card.setVisible(bool(doubles))
        self._stored = self.call(sync_overview.cloud_state, deps, self.actor)
        self._unpublished = self.call(sync_overview.unpublished_count, deps, self.actor) or 0
        self._show_state()

    def _show_state(self) -> None:
        pending = sum(r[3] for r in self.kiosk_model.rows)
        if not self.cloud_configured():
            self.status.setText(self.tr(
                "Cloud sync not configured: this kiosk sells from its own database only. "
                "%1 change(s) are kept in the local outbox and will be sent once cloud sync is "
                "turned on ([cloud] enabled = true).").replace("%1", str(pending)))
            self.status.setProperty("role", "warn")
            self.reseat_button.setEnabled(False)
            self.conflict_note.setText(self.tr("Re-seating needs the cloud; a refund works "
                                               "offline."))
        else:
            live = self._live
            stored = self._stored or sync_overview.CloudState(None, None, None)
            online = live.get("online")
            last_sync = _when(live.get("last_sync_at")) or stored.last_sync_at
            last_pull = _when(live.get("last_pull_at")) or stored.last_pull_at
            zone = ZoneInfo(self.ctx.timezone())
            never = self.tr("never")
            fmt = lambda t: dates.day_time_text(t, zone=zone, seconds=True) if t else never  # noqa: E731
            known = live.get("state") or {True: "online", False: "offline"}.get(online, "")
            checked = stored.last_verify_at
            text = (self.tr("%1 · policy %2 · last sent %3 · last pulled %4 · sales last "
                            "verified in the cloud %5 · %6 waiting")
                    .replace("%1", names.sync_state_name(known))
                    .replace("%2", names.offline_policy_name(self.ctx.config.cloud.offline_policy))
                    .replace("%3", fmt(last_sync)).replace("%4", fmt(last_pull))
                    .replace("%5", fmt(checked)).replace("%6", str(live.get("pending", pending))))
            if live.get("clock"):
                text += f" · {live['clock']}"
            if live.get("last_error"):
                text += " · " + self.tr("problem: %1").replace("%1", str(live["last_error"]))
            self.status.setText(text)
            self.status.setProperty("role", "good" if online and not live.get("last_error")
                                    and not live.get("clock") else "warn")
            self.reseat_button.setEnabled(True)
            self.conflict_note.setText(self.tr("Re-seat moves the booking to equal seats and "
                                               "tells the customer; refund pays it back in full."))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self._show_catalogue()
        has_conflicts = self.conflict_model.rowCount() > 0
        self.conflict_table.setVisible(has_conflicts)
        if not has_conflicts:
            self.conflict_note.setText(self.tr("No booking is in conflict."))
        self.refund_button.setEnabled(has_conflicts)
        if not has_conflicts:
            self.reseat_button.setEnabled(False)
        self._show_dead_state()

    def _show_catalogue(self) -> None:
        cinema = self.ctx.config.cinema_id
        entry = self._live.get("catalogue")
        if entry is None and cinema:
            entry = self.call(sync_overview.catalogue_status, self.ctx.deps, self.actor)
        if entry is not None:
            entry = {**entry, "unpublished": self._unpublished}
        text, role = catalogue_line.catalogue_line(entry, cinema, self.ctx.timezone())
        self.catalogue_status.setText(text)
        self.catalogue_status.setProperty("role", role)
        self.catalogue_status.style().unpolish(self.catalogue_status)
        self.catalogue_status.style().polish(self.catalogue_status)

    def _load_dead(self) -> None:
        dead = self.call(outbox.list_dead, self.ctx.deps, self.actor)
        self._dead_loaded = dead is not None
        zone = ZoneInfo(self.ctx.timezone())
        kinds = {k: self.tr(v) for k, v in KIND_WORDS.items()}
        self.dead_model.set_rows([(d.reference or d.booking_id or "", kinds.get(d.kind, d.kind),
                                   d.dead_at.astimezone(zone), d.attempts, d.id, d.reason)
                                  for d in dead or []], dead or [])

    def _show_dead_state(self) -> None:
        """The card shows only when there is something stuck; the status line counts it too."""
        dead = self.dead_model.rowCount()
        self.dead_card.setVisible(dead > 0)
        self.dead_retry_button.setEnabled(dead > 0)
        self.dead_export_button.setEnabled(dead > 0)
        if dead:
            self.status.setText(self.status.text() + " · " + self.tr(
                "%n not sent (needs a manager)", "", dead))
            self.status.setProperty("role", "warn")
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)
            self.dead_note.setText(self.tr(
                "%n row(s) wait for a manager. Fix the cause the reason names, then choose a row "
                "and Retry.", "", dead))

    # -- actions ---------------------------------------------------------------------------------
    @Slot()
    def retry_dead(self) -> None:
        row = self.dead_table.selected_payload()
        if row is None:
            self.banner.error(self.tr("Please choose a row in the not-sent list first."))
            return
        retried = self.call(outbox.retry_dead, self.ctx.deps, self.actor, [row.id])
        if retried is None:
            return
        sync = self.sync_bridge()
        if sync is not None:  # send it now rather than at the next interval
            sync.sync_now()
        self.banner.show_message(self.tr("%1 will be sent again at the next sync.").replace(
            "%1", row.reference or str(row.id)), "ok")
        self.refresh()

    @Slot()
    def export_dead(self) -> None:
        path = common.ask_save_path(self, self.tr("Export rows not sent"), "not-sent.json",
                                    self.tr("JSON files (*.json);;CSV files (*.csv)"))
        if path is None:
            return
        try:
            count = self.ctx.bridge.call(outbox.export_dead, self.ctx.deps, self.actor, path)
        except KioskError as err:  # a refusal says why in its own words
            self.banner.error(str(err))
            return
        except OSError as err:
            self.banner.error(self.tr("Could not write %1: %2").replace("%1", path.name).replace(
                "%2", str(err.strerror or err)))
            return
        self.banner.show_message(self.tr("Saved %n row(s) to %1.", "", count).replace(
            "%1", path.name), "ok")
        self.exported.emit(str(path))

    def _selected(self):
        conflict = self.conflict_table.selected_payload()
        if conflict is None:
            self.banner.error("Please choose a booking in the conflict queue first.")
        return conflict

    @Slot()
    def reseat(self) -> None:
        conflict = self._selected()
        module = _conflicts_module()
        if conflict is None or module is None:
            return
        context = self.cloud_context()
        if context is None:
            self.banner.error("Cloud sync is not configured, so seats cannot be re-checked now.")
            return
        seats = self.call(module.reseat, self.ctx.services, self.actor, conflict.booking_id, context)
        if seats is not None:
            self.banner.show_message(f"{conflict.reference} moved to {' '.join(seats)}.", "ok")
            self.refresh()

    @Slot()
    def refund(self) -> None:
        conflict = self._selected()
        module = _conflicts_module()
        if conflict is None or module is None:
            return
        if self.attempt(module.refund, self.ctx.services, self.actor, conflict.booking_id,
                        ok=f"{conflict.reference} refunded in full."):
            self.refresh()

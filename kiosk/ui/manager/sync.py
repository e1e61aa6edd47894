"""Kiosks and sync: each kiosk's last sync and pending outbox, offline allocations per show, and
the conflict queue (bookings whose seats were sold elsewhere) with re-seat and refund actions."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from kiosk.domain.clock import from_iso
from kiosk.ui.manager import sync_overview
from kiosk.ui.manager.common import Col, ManagerScreen, RowsModel, SortedTable, button, card

KIOSK_COLUMNS = (Col("kiosk_id", "Kiosk"), Col("last_sale", "Last sale", "datetime"),
                 Col("last_sync", "Last synced", "datetime"), Col("pending", "Waiting to send", "int"),
                 Col("oldest", "Oldest waiting", "datetime"), Col("allocated", "Offline seats unsold", "int"),
                 Col("error", "Last problem"))
ALLOC_COLUMNS = (Col("starts", "Show starts", "datetime"), Col("film", "Film"), Col("kiosk_id", "Kiosk"),
                 Col("allocated", "Allocated", "int"), Col("sold", "Sold from them", "int"))
CONFLICT_COLUMNS = (Col("reference", "Booking"), Col("show_id", "Show"), Col("seats", "Seats sold here"),
                    Col("lost", "Taken elsewhere"), Col("contact", "Customer"),
                    Col("amount", "Paid", "money"), Col("detected", "Found", "datetime"),
                    Col("currency", "Currency"))


def _conflicts_module():
    try:
        from kiosk.cloud import conflicts
    except ImportError:
        return None
    return conflicts


class SyncScreen(ManagerScreen):
    title = "Kiosks and sync"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.toolbar.addWidget(button("Refresh", self, role="primary", slot=self.refresh))
        self.status = QLabel("", self)
        self.status.setObjectName("syncState")
        self.status.setWordWrap(True)
        self.outer.addWidget(self.status)

        self.kiosk_model = RowsModel(KIOSK_COLUMNS, self)
        self.kiosk_model.highlight = lambda r: "warn" if self.kiosk_model.rows[r][3] else None
        self.kiosk_table = SortedTable(self.kiosk_model, self)
        self.kiosk_table.setObjectName("kioskTable")
        self.alloc_model = RowsModel(ALLOC_COLUMNS, self)
        self.alloc_table = SortedTable(self.alloc_model, self)
        self.alloc_table.setObjectName("allocationTable")
        self.conflict_model = RowsModel(CONFLICT_COLUMNS, self)
        self.conflict_table = SortedTable(self.conflict_model, self)
        self.conflict_table.setObjectName("conflictTable")

        top = QHBoxLayout()
        top.addWidget(self._section("Kiosks", self.kiosk_table, self.kiosk_model, "kiosks"), 3)
        top.addWidget(self._section("Offline allocations by show", self.alloc_table, self.alloc_model,
                                    "allocations"), 2)
        self.outer.addLayout(top, 1)
        conflicts = self._section("Conflict queue: seats sold elsewhere first", self.conflict_table,
                                  self.conflict_model, "conflicts")
        actions = QHBoxLayout()
        self.conflict_note = QLabel("", self)
        self.conflict_note.setProperty("role", "muted")
        self.conflict_note.setWordWrap(True)
        actions.addWidget(self.conflict_note, 1)
        self.reseat_button = button("Re-seat (equal seats)", self, role="primary", slot=self.reseat,
                                    name="reseatButton")
        self.refund_button = button("Refund in full", self, role="danger", slot=self.refund,
                                    name="conflictRefund")
        actions.addWidget(self.reseat_button)
        actions.addWidget(self.refund_button)
        conflicts.layout().addLayout(actions)
        self.outer.addWidget(conflicts, 1)
        self._live: dict = {}
        self._sync_connected = False

    def _section(self, title: str, table, model, name: str):
        frame = card(self)
        lay = QVBoxLayout(frame)
        head = QHBoxLayout()
        label = QLabel(title, frame)
        label.setProperty("role", "title")
        head.addWidget(label)
        head.addStretch(1)
        head.addWidget(button("Export CSV", frame, name=f"csv_{name}",
                              slot=lambda: self.export_csv(table, name)))
        lay.addLayout(head)
        lay.addWidget(table, 1)
        return frame

    # -- cloud wiring ----------------------------------------------------------------------------
    def sync_bridge(self):
        """The app's SyncBridge, if the main window has one (None: cloud sync is off)."""
        widget = self.parentWidget()
        while widget is not None:
            found = getattr(widget, "sync_bridge", None)
            if found is not None:
                return found
            widget = widget.parentWidget()
        return getattr(self.ctx.bridge, "sync_bridge", None)

    def cloud_context(self):
        sync = self.sync_bridge()
        if sync is not None and getattr(sync, "context", None) is not None:
            return sync.context
        gate = getattr(self.ctx.booking, "gate", None)
        return getattr(gate, "context", None)

    def cloud_configured(self) -> bool:
        return bool(self.ctx.config.cloud.enabled) and self.cloud_context() is not None

    def _on_status(self, status: dict) -> None:
        self._live = dict(status)
        self._show_state()

    def showEvent(self, event) -> None:  # noqa: N802
        sync = self.sync_bridge()
        if sync is not None and not self._sync_connected:
            sync.statusChanged.connect(self._on_status)
            self._live = dict(getattr(sync, "last_status", {}) or {})
            self._sync_connected = True
        super().showEvent(event)

    # -- data ------------------------------------------------------------------------------------
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
        self._show_state()

    def _show_state(self) -> None:
        pending = sum(r[3] for r in self.kiosk_model.rows)
        if not self.cloud_configured():
            self.status.setText(
                "Cloud sync not configured: this kiosk sells from its own database only. "
                f"{pending} change(s) are kept in the local outbox and will be sent once cloud "
                "sync is turned on ([cloud] enabled = true).")
            self.status.setProperty("role", "warn")
            self.reseat_button.setEnabled(False)
            self.conflict_note.setText("Re-seating needs the cloud; a refund works offline.")
        else:
            live = self._live
            state = dict(sync_overview.cloud_state(self.ctx.deps))
            online = live.get("online")
            last_sync = live.get("last_sync_at") or state.get("last_sync_at", "")
            last_pull = live.get("last_pull_at") or state.get("last_pull_at", "")
            zone = ZoneInfo(self.ctx.timezone())
            fmt = lambda t: from_iso(t).astimezone(zone).strftime("%d %b %H:%M:%S") if t else "never"  # noqa: E731
            head = {True: "Online", False: "OFFLINE", None: "Sync status unknown"}[online]
            text = (f"{head} · policy {self.ctx.config.cloud.offline_policy} · last sent {fmt(last_sync)}"
                    f" · last pulled {fmt(last_pull)} · {live.get('pending', pending)} waiting")
            if live.get("last_error"):
                text += f" · problem: {live['last_error']}"
            self.status.setText(text)
            self.status.setProperty("role", "good" if online and not live.get("last_error") else "warn")
            self.reseat_button.setEnabled(True)
            self.conflict_note.setText("Re-seat moves the booking to equal seats and tells the "
                                       "customer; refund pays it back in full.")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        has_conflicts = self.conflict_model.rowCount() > 0
        self.refund_button.setEnabled(has_conflicts)
        if not has_conflicts:
            self.reseat_button.setEnabled(False)

    # -- actions ---------------------------------------------------------------------------------
    def _selected(self):
        conflict = self.conflict_table.selected_payload()
        if conflict is None:
            self.banner.error("Please choose a booking in the conflict queue first.")
        return conflict

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

    def refund(self) -> None:
        conflict = self._selected()
        module = _conflicts_module()
        if conflict is None or module is None:
            return
        if self.attempt(module.refund, self.ctx.services, self.actor, conflict.booking_id,
                        ok=f"{conflict.reference} refunded in full."):
            self.refresh()

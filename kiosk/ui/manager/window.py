"""The manager console: a side navigation and one page per job, built the first time it is opened.

Pages are created lazily so signing in shows the dashboard at once; the heavy chart library is
loaded only when the dashboard draws its first chart. Every action on every page goes through a
service that checks the manager role itself; hiding nothing here is what keeps a cashier out.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.manager.context import ManagerContext

PAGES = (
    ("dashboard", "Dashboard", "kiosk.ui.manager.dashboard", "DashboardScreen"),
    ("refunds", "Refund approvals", "kiosk.ui.manager.refunds", "RefundsScreen"),
    ("cashups", "Cash-ups", "kiosk.ui.manager.cashups", "CashupsScreen"),
    ("stock", "Food and drink stock", "kiosk.ui.manager.stock", "StockScreen"),
    ("offers", "Offers and codes", "kiosk.ui.manager.offers", "OffersScreen"),
    ("schedule", "Schedule", "kiosk.ui.manager.schedule", "ScheduleScreen"),
    ("halls", "Hall editor", "kiosk.ui.manager.hall_editor", "HallEditorScreen"),
    ("sync", "Kiosks and sync", "kiosk.ui.manager.sync", "SyncScreen"),
    ("audit", "Audit log", "kiosk.ui.manager.audit", "AuditScreen"),
    ("staff", "Staff", "kiosk.ui.manager.staff", "StaffScreen"),
    ("dayclose", "Day close (Z)", "kiosk.ui.manager.day_close", "DayCloseScreen"),
)


class ManagerWindow(QWidget):
    """``ManagerWindow(services, bridge, actor)``: the console for a signed-in manager."""

    signOutRequested = Signal()
    pageChanged = Signal(str)

    def __init__(self, services, bridge, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("managerWindow")
        self.ctx = ManagerContext(services, bridge, actor)
        self.pages: dict[str, QWidget] = {}
        self.nav_buttons: dict[str, QPushButton] = {}

        nav = QFrame(self)
        nav.setProperty("role", "topbar")
        nav.setObjectName("managerNav")
        nav.setFixedWidth(230)
        nav_lay = QVBoxLayout(nav)
        nav_lay.setContentsMargins(12, 16, 12, 16)
        nav_lay.setSpacing(8)
        who = QLabel(actor.name, nav)
        who.setProperty("role", "title")
        who.setWordWrap(True)
        role = QLabel(f"Manager · {actor.kiosk_id}", nav)
        role.setProperty("role", "muted")
        nav_lay.addWidget(who)
        nav_lay.addWidget(role)
        nav_lay.addSpacing(10)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for index, (key, label, _module, _cls) in enumerate(PAGES):
            b = QPushButton(label, nav)
            b.setCheckable(True)
            b.setProperty("role", "topbar")
            b.setObjectName(f"nav_{key}")
            b.setMinimumHeight(52)
            b.setStyleSheet("text-align: left; padding-left: 14px;")
            b.setToolTip(f"{label} (Ctrl+{index + 1})")
            b.clicked.connect(lambda _c=False, k=key: self.show_page(k))
            self.group.addButton(b)
            self.nav_buttons[key] = b
            nav_lay.addWidget(b)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda k=key: self.show_page(k))
        nav_lay.addStretch(1)
        sign_out = QPushButton("Sign out", nav)
        sign_out.setProperty("role", "topbar")
        sign_out.setObjectName("signOutButton")
        sign_out.setMinimumHeight(52)
        sign_out.clicked.connect(self.signOutRequested.emit)
        nav_lay.addWidget(sign_out)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("managerStack")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(nav)
        lay.addWidget(self.stack, 1)
        self.show_page("dashboard")

    @property
    def actor(self):
        return self.ctx.actor

    def page(self, key: str) -> QWidget:
        """The page widget for ``key``, built on first use."""
        if key not in self.pages:
            _, _, module_name, cls_name = next(p for p in PAGES if p[0] == key)
            cls = getattr(importlib.import_module(module_name), cls_name)
            widget = cls(self.ctx, self.stack)
            widget.setObjectName(f"page_{key}")
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        self.nav_buttons[key].setChecked(True)
        self.pageChanged.emit(key)
        return widget

    def current_key(self) -> str:
        current = self.stack.currentWidget()
        return next((k for k, w in self.pages.items() if w is current), "")

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_F5:
            current = self.stack.currentWidget()
            if hasattr(current, "refresh"):
                current.refresh()
            return
        super().keyPressEvent(event)

"""The manager console: a side navigation and one page per job, built the first time it is opened.

Pages are created lazily (``PageStack.add_lazy``) so signing in shows the dashboard at once; the
heavy chart library is loaded only when the dashboard draws its first chart. Every action on
every page goes through a service that checks the manager role itself; hiding nothing here is
what keeps a cashier out.
"""

from __future__ import annotations

from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.models import Actor
from kiosk.ui import message
from kiosk.ui.manager.common import ManagerScreen
from kiosk.ui.manager.context import ManagerContext
from kiosk.ui.page_names import ManagerPage
from kiosk.ui.pages import PageStack

if TYPE_CHECKING:
    from kiosk.services.app import Services
    from kiosk.ui.bridge import Bridge

PAGES: tuple[tuple[ManagerPage, str], ...] = (
    (ManagerPage.DASHBOARD, QT_TRANSLATE_NOOP("ManagerWindow", "Dashboard")),
    (ManagerPage.REFUNDS, QT_TRANSLATE_NOOP("ManagerWindow", "Refund approvals")),
    (ManagerPage.CASHUPS, QT_TRANSLATE_NOOP("ManagerWindow", "Cash-ups")),
    (ManagerPage.STOCK, QT_TRANSLATE_NOOP("ManagerWindow", "Food and drink stock")),
    (ManagerPage.OFFERS, QT_TRANSLATE_NOOP("ManagerWindow", "Offers and codes")),
    (ManagerPage.SCHEDULE, QT_TRANSLATE_NOOP("ManagerWindow", "Schedule")),
    (ManagerPage.HALLS, QT_TRANSLATE_NOOP("ManagerWindow", "Hall editor")),
    (ManagerPage.SYNC, QT_TRANSLATE_NOOP("ManagerWindow", "Kiosks and sync")),
    (ManagerPage.AUDIT, QT_TRANSLATE_NOOP("ManagerWindow", "Audit log")),
    (ManagerPage.STAFF, QT_TRANSLATE_NOOP("ManagerWindow", "Staff")),
    (ManagerPage.DAY_CLOSE, QT_TRANSLATE_NOOP("ManagerWindow", "Day close (Z)")),
)


# the module of each page's screen (kiosk.ui.manager.<module>)
_MODULES: dict[ManagerPage, str] = {
    ManagerPage.DASHBOARD: "dashboard", ManagerPage.REFUNDS: "refunds",
    ManagerPage.CASHUPS: "cashups", ManagerPage.STOCK: "stock", ManagerPage.OFFERS: "offers",
    ManagerPage.SCHEDULE: "schedule", ManagerPage.HALLS: "hall_editor", ManagerPage.SYNC: "sync",
    ManagerPage.AUDIT: "audit", ManagerPage.STAFF: "staff", ManagerPage.DAY_CLOSE: "day_close",
}


def build_page(key: ManagerPage, ctx: ManagerContext, parent: QWidget) -> ManagerScreen:
    """The page ``key``, its module imported only now (the dashboard's charts are heavy)."""
    page = _new_page(key, ctx, parent)
    page.setObjectName(f"page_{key}")
    return page


def _new_page(key: ManagerPage, ctx: ManagerContext, parent: QWidget) -> ManagerScreen:
    import_module(f"kiosk.ui.manager.{_MODULES[key]}")  # its screen registers by its name
    return ManagerScreen.screens[key](ctx, parent)


class NavPanel(QFrame):
    """The side navigation: as wide as its longest page name, its page buttons scrolling.

    Large text or a longer language makes the names wider and the buttons taller than a
    fixed column holds; the width follows the widest button (asked again when the font or
    style changes) and the list scrolls rather than squeezing buttons over one another.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("managerNavPages")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QWidget(self.scroll)
        self.pages.setObjectName("managerNavList")
        self._list = QVBoxLayout(self.pages)
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.setSpacing(4)
        self._list.addStretch(1)
        self.scroll.setWidget(self.pages)
        # the bar's own colour shows through (setWidget makes the list paint its background)
        self.pages.setAutoFillBackground(False)
        self.scroll.viewport().setAutoFillBackground(False)
        self._buttons: list[QPushButton] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def add_button(self, button: QPushButton) -> None:
        self._list.insertWidget(self._list.count() - 1, button)
        self._buttons.append(button)

    def _width(self) -> int:
        widest = max((b.sizeHint().width() for b in self._buttons), default=200)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        margins = self.contentsMargins()
        lay = self.layout()
        side = lay.contentsMargins().left() + lay.contentsMargins().right() if lay else 0
        return max(200, widest + bar + 4 + side + margins.left() + margins.right())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt
        return QSize(self._width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt
        return QSize(self._width(), super().minimumSizeHint().height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                            QEvent.Type.LanguageChange):
            self.updateGeometry()  # the names are wider or narrower now


class ManagerWindow(QWidget):
    """``ManagerWindow(services, bridge, actor)``: the console for a signed-in manager.

    Signals:
        signOutRequested(): the manager pressed Sign out.
        pageChanged(str): the page now shown (a ``ManagerPage`` value).
    """

    signOutRequested = Signal()
    pageChanged = Signal(str)

    def __init__(self, services: Services, bridge: Bridge, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerWindow")
        self.ctx = ManagerContext(services, bridge, actor)
        self.nav_buttons: dict[str, QPushButton] = {}
        self.stack = PageStack(self)
        self.stack.setObjectName("managerStack")
        for key, _label in PAGES:
            # the factory holds the context and the stack, never the window: a closed console
            # is freed at once, with no reference cycle through it
            self.stack.add_lazy(key, partial(build_page, key, self.ctx, self.stack))
        nav = self._init_nav(actor)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(nav)
        lay.addWidget(self.stack, 1)
        self._connect_signals()
        self.show_page(ManagerPage.DASHBOARD)

    def _connect_signals(self) -> None:
        self.stack.pageChanged.connect(self.pageChanged)
        message.global_bridge().shown.connect(self._show_message)

    def _init_nav(self, actor: Actor) -> QFrame:
        nav = NavPanel(self)
        nav.setProperty("role", "topbar")
        nav.setObjectName("managerNav")
        nav_lay = QVBoxLayout(nav)
        nav_lay.setContentsMargins(12, 16, 12, 16)
        nav_lay.setSpacing(8)
        who = QLabel(actor.name, nav)
        who.setProperty("role", "title")
        who.setWordWrap(True)
        role = QLabel(self.tr("Manager · %1").replace("%1", actor.kiosk_id), nav)
        role.setProperty("role", "muted")
        role.setWordWrap(True)
        nav_lay.addWidget(who)
        nav_lay.addWidget(role)
        nav_lay.addSpacing(6)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for index, (key, marked) in enumerate(PAGES):
            label = QCoreApplication.translate("ManagerWindow", marked)
            b = QPushButton(label, nav.pages)
            b.setCheckable(True)
            b.setProperty("role", "topbar")
            b.setObjectName(f"nav_{key}")
            # 50 px high (over the 44 px touch minimum), so all eleven fit beside a 768-860
            # px page in normal and large text; the list scrolls on a smaller screen
            b.setStyleSheet("text-align: left; padding: 4px 14px; min-height: 40px;")
            b.setToolTip(f"{label} (Ctrl+{index + 1})")
            b.clicked.connect(lambda _c=False, k=key: self.show_page(k))
            self.group.addButton(b)
            self.nav_buttons[key] = b
            nav.add_button(b)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda k=key: self.show_page(k))
        nav_lay.addWidget(nav.scroll, 1)
        sign_out = QPushButton(self.tr("Sign out"), nav)
        sign_out.setProperty("role", "topbar")
        sign_out.setObjectName("signOutButton")
        sign_out.setMinimumHeight(52)
        sign_out.clicked.connect(self.signOutRequested.emit)
        nav_lay.addWidget(sign_out)
        self.nav = nav
        return nav

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    @property
    def pages(self) -> dict[str, ManagerScreen]:
        """The pages opened so far, by name."""
        return self.stack.pages  # type: ignore[return-value]

    def page(self, key: ManagerPage | str) -> ManagerScreen:
        """The page widget for ``key``, built on first use."""
        return self.stack.page(key)  # type: ignore[return-value]

    def show_page(self, key: ManagerPage | str) -> ManagerScreen:
        widget = self.stack.go(key)
        self.nav_buttons[key].setChecked(True)
        self.nav.scroll.ensureWidgetVisible(self.nav_buttons[key], 0, 8)
        return widget  # type: ignore[return-value]

    def current_key(self) -> str:
        return self.stack.current_name()

    @Slot(str, str)
    def _show_message(self, kind: str, text: str) -> None:
        """What any code says (``kiosk.ui.message``) shows on the page on display."""
        page = self.stack.current_page()
        if isinstance(page, ManagerScreen):
            page.banner.show_message(text, kind)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_F5:
            self.stack.reload()
            return
        super().keyPressEvent(event)


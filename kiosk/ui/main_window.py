"""The one top-level window: the current mode in the middle, a slim status bar underneath.

Modes are counter (``kiosk.ui.counter``), self-service (``kiosk.ui.selfservice``) and manager
(``kiosk.ui.manager``, after a manager signs in). The mode's widget is *rebuilt* when the language
changes, so every ``self.tr()`` string is fetched again without per-widget retranslate code; the
counter's session (staff, shift, sale in progress) lives outside the widget and survives.
Self-service and manager modules are imported only when chosen, which keeps start-up fast.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QWidget,
)

from kiosk.config import Config
from kiosk.services.app import Services
from kiosk.services.models import Actor
from kiosk.ui import message
from kiosk.ui.bridge import Bridge
from kiosk.ui.counter.session import CounterSession
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.idle_lock import IdleLock
from kiosk.ui.theme import ThemeManager

if TYPE_CHECKING:
    from kiosk.ui.manager import ManagerWindow
    from kiosk.ui.sync_bridge import SyncBridge

log = logging.getLogger(__name__)

MODES = ("counter", "self-service", "manager", "door")


class ModeWidget(Protocol):
    """What the window asks of a mode's widget (counter, self-service, manager, door)."""

    def shutdown(self) -> None:
        """For good (the window closes, another mode): free seats, stop timers."""

    def detach(self) -> None:
        """Before a rebuild in another language: stop timers, keep the session."""


class ManagerMode(QStackedWidget):
    """Manager sign-in, then the manager console (``kiosk.ui.manager.ManagerWindow``)."""

    actorChanged = Signal(object)

    def __init__(self, services: Services, bridge: Bridge, config: Config,
                 parent: QWidget | None = None, actor: Actor | None = None) -> None:
        super().__init__(parent)
        from kiosk.ui.widgets.signin import SignInPanel

        self.setObjectName("managerMode")
        self.services = services
        self.bridge = bridge
        self.config = config
        self.actor: Actor | None = None
        self.console: ManagerWindow | None = None
        self.signin = SignInPanel(bridge, self, title=self.tr("Manager sign-in"),
                                  require_manager=True)
        self.signin.signedIn.connect(self.open_console)
        self.addWidget(self.signin)
        bridge.sessionEnded.connect(self._session_ended)
        self.idle_lock = IdleLock(config.staff_idle_lock_s, parent=self)
        self.idle_lock.lockRequested.connect(self.lock)
        self.signin.focus_first()
        if actor is not None:  # rebuilt after a language change: stay signed in
            self.open_console(actor)

    @Slot(object)
    def open_console(self, actor: Actor) -> None:
        self.actor = actor
        from kiosk.ui.manager import ManagerWindow

        console = ManagerWindow(self.services, self.bridge, actor)
        console.signOutRequested.connect(self.sign_out)
        if self.console is not None:
            self.removeWidget(self.console)
            self.console.deleteLater()
        self.console = console
        self.addWidget(console)
        self.setCurrentWidget(console)
        self.idle_lock.start()
        self.actorChanged.emit(actor)

    @Slot()
    def lock(self) -> None:
        """Nobody touched the console for ``staff_idle_lock_s``: sign the manager out."""
        if self.actor is None:
            return
        minutes = max(1, round(self.config.staff_idle_lock_s / 60))
        self.sign_out()
        self.signin.reset(self.tr("Locked after %n minute(s) without activity. Sign in again.",
                                  "", minutes))

    @Slot(str)
    def _session_ended(self, text: str) -> None:
        """The manager was deactivated or demoted since signing in: close the console now."""
        if self.actor is None:
            return
        self.sign_out()
        self.signin.reset(text)

    @Slot()
    def sign_out(self) -> None:
        self.idle_lock.stop()
        actor, self.actor = self.actor, None
        if actor is not None:
            self.bridge.submit(self.services.auth.sign_out, actor, name="sign_out",
                               on_error=message.logged("the sign-out audit"))
        if self.console is not None:
            self.removeWidget(self.console)
            self.console.deleteLater()
            self.console = None
        self.signin.reset(self.tr("Signed out."))
        self.setCurrentWidget(self.signin)
        self.actorChanged.emit(None)

    def shutdown(self) -> None:
        self.idle_lock.stop()

    def detach(self) -> None:
        self.idle_lock.stop()


def _self_service_widget(services: Services, bridge: Bridge, config: Config,
                         parent: QWidget) -> QWidget:
    from kiosk.ui.selfservice import SelfServiceWidget

    return SelfServiceWidget(services, bridge, config)


class MainWindow(QMainWindow):
    modeChanged = Signal(str)
    firstShown = Signal()

    def __init__(self, services: Services, bridge: Bridge, config: Config,
                 theme: ThemeManager | None = None, languages: LanguageManager | None = None,
                 sync_bridge: SyncBridge | None = None, mode: str | None = None,
                 demo: bool = False) -> None:
        super().__init__()
        self._globals_detached = False
        self.demo = demo  # the database holds the demo data (kiosk.services.first_run)
        self.setObjectName("mainWindow")
        self.services = services
        self.bridge = bridge
        self.config = config
        self.theme = theme
        self.languages = languages
        self.sync_bridge = sync_bridge
        self._sync_status: dict | None = None  # the last status the sync bridge reported
        self.mode = mode or config.mode
        if self.mode not in MODES:
            self.mode = "counter"
        self.counter_session = CounterSession()
        self.manager_actor = None
        self.mode_widget: QWidget | None = None
        self._shown_once = False
        self.setWindowTitle(self.tr("Box Office Kiosk"))
        self.setMinimumSize(1024, 700)
        self._build_status_bar()
        self.build_mode()
        if languages is not None:
            languages.languageChanged.connect(self._language_changed)
        if sync_bridge is not None:
            sync_bridge.statusChanged.connect(self.show_sync_status)

    # -- status bar -----------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = QStatusBar(self)
        bar.setObjectName("statusBar")
        bar.setSizeGripEnabled(False)
        self.setStatusBar(bar)
        self.kiosk_label = QLabel(self)
        self.kiosk_label.setObjectName("kioskLabel")
        self.sync_label = QLabel(self)
        self.sync_label.setObjectName("syncStatus")
        # The demo's staff PINs are printed in the README: every screen says it is the demo.
        self.demo_badge = QLabel(self)
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setVisible(self.demo)
        bar.addWidget(self.demo_badge)
        bar.addWidget(self.kiosk_label)
        bar.addWidget(self.sync_label, 1)
        self.contrast_button = QPushButton(self)
        self.contrast_button.setObjectName("toggleContrast")
        self.contrast_button.setCheckable(True)
        self.contrast_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.large_button = QPushButton(self)
        self.large_button.setObjectName("toggleLargeText")
        self.large_button.setCheckable(True)
        self.large_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("languageBox")
        self.language_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if self.theme is not None:
            self.contrast_button.setChecked(self.theme.high_contrast)
            self.large_button.setChecked(self.theme.large_text)
            self.contrast_button.toggled.connect(self.theme.set_high_contrast)
            self.large_button.toggled.connect(self.theme.set_large_text)
            self.theme.highContrastChanged.connect(self.contrast_button.setChecked)
            self.theme.largeTextChanged.connect(self.large_button.setChecked)
        else:
            self.contrast_button.hide()
            self.large_button.hide()
        from kiosk.ui.i18n import LANGUAGES

        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self._has_languages = self.languages is not None and bool(LANGUAGES)
        if self.languages is not None:
            self.language_box.setCurrentIndex(max(0, self.language_box.findData(
                self.languages.language)))
        self.language_box.currentIndexChanged.connect(self._language_picked)
        bar.addPermanentWidget(self.language_box)
        bar.addPermanentWidget(self.contrast_button)
        bar.addPermanentWidget(self.large_button)
        self._retranslate_status()

    def _retranslate_status(self) -> None:
        mode_names = {"counter": self.tr("Counter"), "self-service": self.tr("Self-service"),
                      "manager": self.tr("Manager"), "door": self.tr("Door")}
        self.kiosk_label.setText(self.tr("Kiosk %1 · %2").replace("%1", self.config.kiosk_id)
                                 .replace("%2", mode_names.get(self.mode, self.mode)))
        # Self-service has its own language and accessibility buttons on the attract screen,
        # and no technical footer for customers (issue 14): the kiosk's name and sync state
        # are staff's business (the manager's Kiosks and sync page shows them).
        customer = self.mode == "self-service"
        self.language_box.setVisible(self._has_languages and not customer)
        for widget in (self.kiosk_label, self.sync_label):
            widget.setVisible(not customer)
        has_theme = self.theme is not None
        self.contrast_button.setVisible(has_theme and not customer)
        self.large_button.setVisible(has_theme and not customer)
        self.demo_badge.setText(self.tr("DEMO"))
        self.demo_badge.setToolTip(self.tr(
            "Demo data: the demo staff PINs are published, so this is not a cinema's own "
            "database. A real kiosk starts without --demo and asks for its first manager."))
        self.contrast_button.setText(self.tr("High contrast"))
        self.large_button.setText(self.tr("Large text"))
        self.language_box.setAccessibleName(self.tr("Language"))
        if self.sync_bridge is None:
            self.sync_label.setText(self.tr("Cloud sync off (this kiosk sells locally)")
                                    if not self.config.cloud.enabled else
                                    self.tr("Cloud sync not available"))
        else:  # nothing is believed before the first round trip (re-rendered in a new language)
            self.show_sync_status(self._sync_status or {"state": "connecting"})

    @Slot(dict)
    def show_sync_status(self, status: dict) -> None:
        """Render the sync bridge's status dict: online/offline, pending count, last error."""
        if not isinstance(status, dict):
            self.sync_label.setText(str(status))
            return
        self._sync_status = status
        online = bool(status.get("online"))
        pending = int(status.get("pending") or 0)
        conflicts = int(status.get("conflicts") or 0)
        error = str(status.get("last_error") or "")
        clock = str(status.get("clock") or "")
        if status.get("state") == "connecting":
            head = self.tr("Connecting…")
        else:
            head = self.tr("Online") if online else self.tr("Offline")
        parts = [head]
        if clock:  # the full sentence (how far off, which way) is in the tooltip
            parts.append(self.tr("Seat claims paused: check this kiosk's clock"))
        self.sync_label.setToolTip(clock or error)
        parts.append(self.tr("%n to send", "", pending) if pending else self.tr("all sent"))
        if conflicts:
            parts.append(self.tr("%n conflict(s) for a manager", "", conflicts))
        if error:
            parts.append(self.tr("last error: %1").replace("%1", error[:120]))
        self.sync_label.setText(" · ".join(parts))
        self.sync_label.setProperty("role", "" if online and not error and not clock else "warn")
        self.sync_label.style().unpolish(self.sync_label)
        self.sync_label.style().polish(self.sync_label)

    # -- modes ----------------------------------------------------------------------------------
    @Slot()
    def build_mode(self) -> QWidget:
        """(Re)create the current mode's widget and make it central."""
        old = self.mode_widget
        if old is not None:
            cast(ModeWidget, old).detach()
        if self.mode == "counter":
            from kiosk.ui.counter.mode import CounterMode

            widget: QWidget = CounterMode(self.services, self.bridge, self.config,
                                          session=self.counter_session, theme=self.theme)
            widget.signedIn.connect(lambda _actor: self._mode_signed_in())
        elif self.mode == "door":
            from kiosk.ui.door.mode import DoorMode

            widget = DoorMode(self.services, self.bridge, self.config)
        elif self.mode == "manager":
            widget = ManagerMode(self.services, self.bridge, self.config,
                                 actor=self.manager_actor)
            widget.actorChanged.connect(self._manager_actor_changed)
        else:
            widget = _self_service_widget(self.services, self.bridge, self.config, self)
        self.mode_widget = widget
        self.setCentralWidget(widget)  # deletes the old one
        return widget

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        if self.mode_widget is not None:
            cast(ModeWidget, self.mode_widget).shutdown()
        self.mode = mode
        self.build_mode()
        self._retranslate_status()
        self.modeChanged.emit(mode)

    @Slot(object)
    def _manager_actor_changed(self, actor: Actor | None) -> None:
        self.manager_actor = actor

    @Slot()
    def _mode_signed_in(self) -> None:
        if self.sync_bridge is not None:
            self.sync_bridge.sync_now()

    # -- language -------------------------------------------------------------------------------
    @Slot()
    def _language_picked(self) -> None:
        code = self.language_box.currentData()
        if self.languages is not None and code and code != self.languages.language:
            self.languages.set_language(code)

    @Slot(str)
    def _language_changed(self, code: str) -> None:
        self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(code)))
        self.language_box.blockSignals(False)
        self.setWindowTitle(self.tr("Box Office Kiosk"))
        self._retranslate_status()
        # Rebuild after the current event: the language may have been picked inside the widget.
        QTimer.singleShot(0, self, self.build_mode)  # dropped if this window is destroyed first

    def detach_globals(self) -> None:
        """Stop listening to application-wide objects (theme, language, sync) before going away.

        They outlive this window (tests build many windows on one QApplication), and a signal
        reaching a half-destroyed window would fault. A second call (shut down twice) is a no-op.
        """
        if self._globals_detached:
            return
        self._globals_detached = True
        pairs = []
        if self.languages is not None:
            pairs.append((self.languages.languageChanged, self._language_changed))
        if self.theme is not None:
            pairs += [(self.theme.highContrastChanged, self.contrast_button.setChecked),
                      (self.theme.largeTextChanged, self.large_button.setChecked),
                      (self.contrast_button.toggled, self.theme.set_high_contrast),
                      (self.large_button.toggled, self.theme.set_large_text)]
        if self.sync_bridge is not None:
            pairs.append((self.sync_bridge.statusChanged, self.show_sync_status))
        for signal, slot in pairs:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass

    # -- life cycle -----------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.firstShown.emit()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        widget = self.mode_widget
        if widget is not None:
            try:
                cast(ModeWidget, widget).shutdown()
            except Exception:
                log.exception("mode shutdown failed")
        super().closeEvent(event)

"""Application bootstrap: QApplication, theme, language, error hooks, bridge, main window.

``kiosk.commands.launch`` calls ``start`` for the real app; tests call ``build_ui`` with an
existing QApplication (pytest-qt's) and services over a temporary database.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.ui.bridge import Bridge
from kiosk.ui.main_thread_gc import MainThreadCollector
from kiosk.ui.main_window import MainWindow
from kiosk.ui.theme import ThemeManager

log = logging.getLogger(__name__)


@dataclass
class KioskUI:
    """Everything the running UI is made of, so the launcher and tests can shut it down."""

    app: QApplication
    theme: ThemeManager
    bridge: Bridge
    window: MainWindow
    languages: Any = None
    sync_bridge: Any = None
    reporter: Any = None
    collector: MainThreadCollector | None = None

    def shutdown(self) -> None:
        try:
            self.window.detach_globals()
            if self.sync_bridge is not None:
                try:
                    self.sync_bridge.stop()
                except Exception:
                    log.exception("stopping the sync bridge failed")
            self.bridge.shutdown()
        finally:  # after the workers; and whatever failed, never leave cycles uncollected
            if self.collector is not None:
                self.collector.stop()
                self.collector.deleteLater()
                self.collector = None


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (or the existing one), named so settings and logs find their place."""
    app = QApplication.instance()
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Box Office Kiosk")
    app.setOrganizationName("box-office-kiosk")
    app.setQuitOnLastWindowClosed(True)
    return app  # type: ignore[return-value]


def install_languages(language: str):
    """The application's LanguageManager with ``language`` installed."""
    from kiosk.ui.i18n import language_manager

    manager = language_manager()
    try:
        if not manager.set_language(language):
            log.warning("no translations for %s yet; using English", language)
    except ValueError as err:
        log.warning("%s", err)
    return manager


def start_sync_bridge(config, gate=None, parent=None, clock=None):
    """The cloud engineer's SyncBridge when the cloud is enabled and the module exists.

    ``clock`` is the app's clock (``services.deps.clock``): the bridge must see the same time as
    the services, or a test world fixed at one date is pulled against today's real date.
    """
    if not config.cloud.enabled:
        return None
    from kiosk.ui.sync_bridge import SyncBridge

    try:
        sync = SyncBridge(config, gate=gate, parent=parent, clock=clock)
        sync.start()
    except Exception:
        log.exception("could not start cloud sync; selling locally")
        return None
    return sync


def build_ui(services, config, *, app: QApplication | None = None, gate=None,
             install_hooks: bool = True, mode: str | None = None) -> KioskUI:
    """Theme, language, error hooks, bridge and the main window over open ``services``."""
    app = app or create_application()
    collector = MainThreadCollector(app)  # before any worker thread starts allocating
    collector.start()
    try:
        reporter = None
        if install_hooks:
            from kiosk.ui.errors import install_error_hooks

            reporter = install_error_hooks(Path(config.db_path).parent)
        theme = ThemeManager.instance()
        if theme is None or theme.parent() is not app:
            theme = ThemeManager(app, config.theme, config.large_text)
        else:
            theme.set_theme(config.theme)
            theme.set_large_text(config.large_text)
        languages = install_languages(config.language)
        from kiosk.services.first_run import is_demo_database

        demo = is_demo_database(services.deps.conn)  # read before the bridge's worker starts
        bridge = Bridge(services, app)
        bridge.start_watching()
        sync = start_sync_bridge(config, gate, app, clock=services.deps.clock)
        bridge.sync = sync
        window = MainWindow(services, bridge, config, theme=theme, languages=languages,
                            sync_bridge=sync, mode=mode, demo=demo)
        if reporter is not None:
            reporter.window = window
        if sync is not None:
            if sync.last_status:
                window.show_sync_status(sync.last_status)
            sync.seatsChanged.connect(bridge.seats_changed)
    except BaseException:  # a half-built UI must not leave collection switched off
        collector.stop()
        collector.deleteLater()
        raise
    return KioskUI(app=app, theme=theme, bridge=bridge, window=window, languages=languages,
                   sync_bridge=sync, reporter=reporter, collector=collector)

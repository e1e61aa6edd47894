"""Runs cloud sync in a background QThread and reports through Qt signals only.

Usage in the app (after the services are open)::

    from kiosk.cloud.gate import CloudGate
    from kiosk.ui.sync_bridge import SyncBridge

    gate = CloudGate(config)                       # pass to open_services(config, gate=gate)
    bridge = SyncBridge(config, gate=gate, parent=app,
                        clock=services.deps.clock)  # the app's one time source
    bridge.statusChanged.connect(status_bar.show_sync)   # dict, see below
    bridge.seatsChanged.connect(seat_map.refresh_if_showing)  # show id
    bridge.start()
    ...  bridge.watch_show(show_id) when a seat map opens; bridge.sync_now() after a sale
    bridge.stop()                                  # on quit: waits for the thread to finish

The status dict: ``online`` (bool), ``pending`` (outbox rows not yet sent), ``conflicts`` (open
conflict bookings), ``last_error`` (plain text, "" when fine), ``last_sync_at`` /
``last_pull_at`` (UTC ISO or ""), ``kiosk_id``, ``policy``. Widgets never poll the database.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from kiosk.config import Config

if TYPE_CHECKING:
    from kiosk.cloud.gate import CloudGate
    from kiosk.domain.clock import Clock

log = logging.getLogger(__name__)


class _SyncThread(QThread):
    def __init__(self, bridge: SyncBridge):
        super().__init__()
        self.bridge = bridge
        self.stop_event = threading.Event()

    def run(self) -> None:
        from kiosk.cloud.engine import SyncEngine, wait_after_tick
        from kiosk.services.remote_decisions import applier_for

        bridge = self.bridge
        try:
            engine = SyncEngine(bridge.config, bridge.context, clock=bridge.clock,
                                decisions=applier_for(bridge.config, bridge.context,
                                                      bridge.clock))
        except Exception as err:  # noqa: BLE001 - report, never crash the app
            log.exception("sync could not start")
            bridge.statusChanged.emit({"online": False, "pending": 0, "conflicts": 0,
                                       "last_error": f"Sync could not start: {err}",
                                       "last_sync_at": "", "last_pull_at": "",
                                       "kiosk_id": bridge.config.kiosk_id,
                                       "policy": bridge.config.cloud.offline_policy})
            return
        bridge._engine = engine
        last: dict | None = None
        try:
            while not self.stop_event.is_set():
                began = time.monotonic()
                if bridge._focus_changed.is_set():
                    bridge._focus_changed.clear()
                    engine.watch_show(bridge._focus)
                if bridge._nudge.is_set():
                    bridge._nudge.clear()
                    engine.nudge()
                try:
                    report = engine.tick()
                except Exception as err:  # noqa: BLE001 - a bug must not kill sync silently
                    log.exception("sync tick failed")
                    report = None
                    status = dict(last or {})
                    status["last_error"] = f"Sync error: {err}"
                else:
                    status = report.status
                    for show_id in report.changed_shows:
                        bridge.seatsChanged.emit(show_id)
                    if report.drain:
                        for booking_id in report.drain.conflicts:
                            bridge.conflictDetected.emit(booking_id)
                if status != last:
                    last = status
                    bridge._last_status = dict(status)
                    bridge.statusChanged.emit(dict(status))
                self.stop_event.wait(wait_after_tick(began, bridge.tick_s))
        finally:
            bridge._engine = None
            engine.close()


class SyncBridge(QObject):
    """Background outbox drain + seat pull for one kiosk.

    ``SyncBridge(config, gate=None, parent=None, *, clock=None, tick_s=0.5)``: ``config`` is the
    kiosk Config; ``gate`` the ``kiosk.cloud.gate.CloudGate`` given to the services, so both share
    one online/offline status (without it the bridge builds its own cloud context); ``clock`` the
    services' clock (``build_ui`` passes ``services.deps.clock``; else the gate's, else the real
    one), so the pull horizon and the outbox see the same time as the screens. Signals:
    ``statusChanged(dict)``, ``seatsChanged(str show_id)``, ``conflictDetected(str booking_id)``.
    """

    statusChanged = Signal(dict)
    seatsChanged = Signal(str)
    conflictDetected = Signal(str)

    def __init__(self, config: Config, gate: CloudGate | None = None,
                 parent: QObject | None = None, *, clock: Clock | None = None, tick_s: float = 0.5):
        super().__init__(parent)
        from kiosk.cloud.context import CloudContext

        self.config = config
        self.context = gate.context if gate is not None else CloudContext(config)
        self.clock = clock or (gate.clock if gate is not None else None)
        self.tick_s = tick_s
        self._focus: str | None = None
        self._focus_changed = threading.Event()
        self._nudge = threading.Event()
        self._thread: _SyncThread | None = None
        self._engine = None
        self._last_status: dict = {}

    @property
    def last_status(self) -> dict:
        return dict(self._last_status)

    def start(self) -> None:
        if self._thread is not None and self._thread.isRunning():
            return
        self._thread = _SyncThread(self)
        self._thread.start()

    def stop(self, timeout_ms: int = 15_000) -> None:
        """Ask the thread to finish its current step and wait for it."""
        if self._thread is None:
            return
        self._thread.stop_event.set()
        self._thread.wait(timeout_ms)
        self._thread = None

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def watch_show(self, show_id: str | None) -> None:
        """The seat map of ``show_id`` is on screen: pull it first and now."""
        self._focus = show_id
        self._focus_changed.set()

    def sync_now(self) -> None:
        """Drain the outbox at the next tick (call after a sale or refund)."""
        self._nudge.set()

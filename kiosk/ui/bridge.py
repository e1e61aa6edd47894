"""The one object screens talk to for anything that touches the services.

Why it exists:
- Slow calls (bcrypt sign-in ~240 ms, a confirm's fsync, a hold the cloud gate claims over the
  network) must not freeze the GUI: ``submit`` runs them on a worker thread and delivers the
  result or the exception back on the GUI thread through signals.
- The services share one SQLite connection. Python's sqlite3 lets several threads use it, but two
  threads interleaving statements would mix transactions, so every call (``call`` on the GUI
  thread or ``submit`` on the worker) runs under one lock, and the worker pool has one thread:
  service calls are strictly serialised, in the order they were asked for.
- Another process, or the cloud sync worker, may sell a seat while a map is open. A timer polls
  ``ChangeFeed`` (a cheap ``PRAGMA data_version``) and emits ``dataChanged``; widgets never poll
  the database themselves. While the worker is busy the signal waits until it is idle, so a
  listener's refresh never blocks the GUI thread on the service lock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from kiosk.services.changes import ChangeFeed
from kiosk.ui import message

if TYPE_CHECKING:
    from kiosk.config import Config
    from kiosk.services.app import Services
    from kiosk.ui.sync_bridge import SyncBridge

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 300


class Task(QObject):
    """One submitted call; its signals arrive on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)  # the exception instance
    finished = Signal()

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None


class _Runner(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], args: tuple, kwargs: dict,
                 lock: threading.RLock | None):
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._lock = lock

    def run(self) -> None:
        try:
            if self._lock is None:  # I/O that touches no database (a printer)
                result = self._fn(*self._args, **self._kwargs)
            else:
                with self._lock:
                    result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self._task.failed.emit(exc)
        else:
            self._task.succeeded.emit(result)


class Bridge(QObject):
    """Runs service calls safely and turns database changes into ``dataChanged``."""

    dataChanged = Signal()
    busyChanged = Signal(bool)
    taskFailed = Signal(str, object)  # task name, exception: for logging and the status bar
    # The services refused because the signed-in staff member was deactivated or re-roled
    # (``SessionEnded``, from ``auth.require_role``): the mode signs them out. Emitted after
    # the refusing call has returned to its caller (queued), with the message to show.
    sessionEnded = Signal(str)

    def __init__(self, services: Services, parent: QObject | None = None, *,
                 poll_interval_ms: int = POLL_INTERVAL_MS):
        super().__init__(parent)
        self.services = services
        self._lock = threading.RLock()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._io_pool = QThreadPool(self)  # slow I/O outside the lock (printers), apart
        self._io_pool.setMaxThreadCount(2)
        self._pending: set[Task] = set()
        self._changed_while_busy = False
        self._feed: ChangeFeed | None = None
        self.sync: SyncBridge | None = None  # when the cloud is enabled (see kiosk.ui.app)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_interval_ms)
        self._timer.timeout.connect(self.poll_changes)

    # -- calls ----------------------------------------------------------------------------------
    @property
    def config(self) -> Config:
        return self.services.config

    def now(self) -> datetime:
        """The services' clock (a FakeClock in tests), for countdowns that must agree with expiry."""
        return self.services.deps.clock.now()

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a quick service call on this thread, serialised with the worker."""
        try:
            with self._lock:
                return fn(*args, **kwargs)
        except BaseException as exc:
            self._check_session(exc)
            raise

    def _check_session(self, error: BaseException) -> None:
        from kiosk.domain.errors import SessionEnded

        if isinstance(error, SessionEnded):
            QTimer.singleShot(0, self, lambda message=str(error): self.sessionEnded.emit(message))

    def submit(self, fn: Callable[..., Any], *args: Any,
               on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               name: str | None = None, exclusive: bool = True, **kwargs: Any) -> Task:
        """Run ``fn`` on the worker thread; ``on_done(result)`` / ``on_error(exc)`` on this one.

        Without ``on_error`` a failure is shown in the banner (``message.failure``: a refusal's
        own words, a calm sentence for a fault); a caller with something better to say, or
        housekeeping nobody needs to hear about (``message.logged``), passes its own.

        ``exclusive=False``: without the services' lock, for slow I/O that touches no database
        (a printer), so the screens' own service calls do not wait for it."""
        task = Task(name or str(getattr(fn, "__name__", "task")), self)  # a partial has none
        if on_done is not None:
            task.succeeded.connect(on_done)
        task.failed.connect(on_error if on_error is not None else message.failure)
        task.succeeded.connect(lambda result, t=task: self._finish(t, result, None))
        task.failed.connect(lambda exc, t=task: self._finish(t, None, exc))
        was_idle = not self._pending
        self._pending.add(task)
        if was_idle:
            self.busyChanged.emit(True)
        if exclusive:
            self._pool.start(_Runner(task, fn, args, kwargs, self._lock))
        else:
            self._io_pool.start(_Runner(task, fn, args, kwargs, None))
        return task

    def _finish(self, task: Task, result: Any, error: BaseException | None) -> None:
        task.done = True
        task.result = result
        task.error = error
        if error is not None:
            from kiosk.domain.errors import KioskError

            self._check_session(error)

            if not isinstance(error, KioskError):
                log.error("task %s failed", task.name, exc_info=error)
            self.taskFailed.emit(task.name, error)
        task.finished.emit()
        self._pending.discard(task)
        if not self._pending:
            self.busyChanged.emit(False)
            if self._changed_while_busy:
                self._changed_while_busy = False
                self.dataChanged.emit()
        task.deleteLater()

    def is_busy(self) -> bool:
        return bool(self._pending)

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Block until the worker has run everything (shutdown and tests)."""
        return self._pool.waitForDone(timeout_ms) and self._io_pool.waitForDone(timeout_ms)

    # -- cloud sync (no-ops without it) ----------------------------------------------------------
    def watch_show(self, show_id: str | None) -> None:
        """A seat map of ``show_id`` is on screen: let the sync worker pull it first."""
        if self.sync is not None:
            self.sync.watch_show(show_id)

    @Slot(str)
    def seats_changed(self, _show_id: str = "") -> None:
        """The sync worker pulled seat changes for a show: same as another process committing."""
        if self._pending:
            self._changed_while_busy = True
        else:
            self.dataChanged.emit()

    def sync_now(self) -> None:
        """A sale or refund was just committed: push it without waiting for the next tick."""
        if self.sync is not None:
            self.sync.sync_now()

    # -- change feed ----------------------------------------------------------------------------
    def start_watching(self) -> bool:
        """Start polling for commits by other connections; False if no change feed is available."""
        if self._feed is None:
            try:
                self._feed = ChangeFeed(self.services.config.db_path)
                self._feed.poll()  # establish the baseline
            except Exception:
                log.exception("could not open the change feed")
                self._feed = None
                return False
        self._timer.start()
        return True

    def stop_watching(self) -> None:
        self._timer.stop()

    @Slot()
    def poll_changes(self) -> bool:
        """Ask the feed once; emit ``dataChanged`` when someone else committed."""
        if self._feed is None:
            return False
        try:
            changed = bool(self._feed.poll())
        except Exception:
            log.exception("change feed poll failed")
            return False
        if changed:
            if self._pending:
                # A refresh now would wait on the worker's lock (perhaps a network claim) and
                # freeze the screen: tell listeners once the worker is idle instead.
                self._changed_while_busy = True
            else:
                self.dataChanged.emit()
        return changed

    def shutdown(self) -> None:
        self.stop_watching()
        self.wait_idle(10_000)
        feed, self._feed = self._feed, None
        if feed is not None:
            try:
                feed.close()
            except Exception:
                log.exception("closing the change feed failed")

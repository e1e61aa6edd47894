"""Python's cycle collector, run on the GUI thread only.

CPython collects cycles in whichever thread happens to allocate when a generation fills up. In
this app that is often a worker (the bridge's thread pool, the sync QThread, the moto server in
tests), and a cycle that holds a Qt widget is then destroyed off the GUI thread: Qt deadlocks
(reproduced by hand) or the process may die (the likely cause of one CI segmentation fault in a
moto server thread after the UI tests; not proven). So automatic collection is switched off while the UI runs, and a timer on the GUI
thread does the same generational collection (same thresholds) there instead.

Written by hand (about the size of pyqtgraph's ``GarbageCollector``, which is the usual recipe)
rather than adding pyqtgraph for thirty lines.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer, Slot

CHECK_INTERVAL_MS = 500


class _Automatic:
    """Whether CPython collects by itself, shared by every collector: the first to start turns
    it off and the last to stop gives back what it found (collectors may nest: the first-run
    screens, then the main UI, tests building many UIs)."""

    running = 0
    was_enabled = True


class MainThreadCollector(QObject):
    """``start()`` moves cycle collection to this object's (GUI) thread; ``stop()`` gives it
    back as it was, after one full collection here. Both are safe to call twice."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        if self._running:
            return
        if _Automatic.running == 0:
            _Automatic.was_enabled = gc.isenabled()
            gc.disable()
        _Automatic.running += 1
        self._running = True
        self._timer.start()

    def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        self._timer.stop()
        _Automatic.running -= 1
        gc.collect()
        if _Automatic.running == 0 and _Automatic.was_enabled:
            gc.enable()

    @Slot()
    def check(self) -> int:
        """Collect the generations that are over their threshold; returns objects found."""
        thresholds = gc.get_threshold()
        counts = gc.get_count()
        found = 0
        if counts[0] > thresholds[0]:
            generation = 0
            if counts[1] > thresholds[1]:
                generation = 2 if counts[2] > thresholds[2] else 1
            found = gc.collect(generation)
        return found


@contextmanager
def collecting_on_gui_thread(parent: QObject | None = None) -> Iterator[MainThreadCollector]:
    """``with collecting_on_gui_thread(app): app.exec()`` for screens shown before the main UI."""
    collector = MainThreadCollector(parent)
    collector.start()
    try:
        yield collector
    finally:
        collector.stop()
        collector.deleteLater()

"""The Qt binding itself must be sound: PySide6 6.12.0 on Python 3.11 is not.

It drops a reference to ``None`` on each void call and to ``True`` on each ``Signal.emit``; a
seat map paints thousands of those and the process aborts. This test fails on such a binding
long before a customer's kiosk would crash.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


class _Emitter(QObject):
    fired = Signal()


def test_void_calls_and_emits_keep_singleton_refcounts(qapp):
    emitter, widget = _Emitter(), QWidget()
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(2000):
        emitter.fired.emit()
        widget.setVisible(False)
        widget.setEnabled(True)
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    drift = [b - a for a, b in zip(before, after, strict=True)]
    assert all(abs(d) < 50 for d in drift), f"Qt binding leaks singleton references: {drift}"

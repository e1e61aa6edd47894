"""Destroying what a Qt test left, for the suite's teardown (``tests/conftest.py``)."""

from __future__ import annotations

import sys


def destroy_windows() -> int:
    """Close and destroy every parentless window; the number destroyed. A window with a parent
    (a dialog, a combo box's popup) dies with it: deleting it first could leave the parent a
    dangling pointer to it, and which one goes first would depend on a hash order."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None or widgets.QApplication.instance() is None:
        return 0
    from PySide6.QtCore import QCoreApplication, QEvent

    windows = [window for window in widgets.QApplication.topLevelWidgets()
               if window.parentWidget() is None]
    for window in windows:
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return len(windows)

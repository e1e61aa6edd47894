"""The suite's own teardown of Qt tests (``tests/conftest.py``, ``tests/qt_teardown.py``): a
crash there kills a worker and every test it had left."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import Shiboken

from tests.qt_teardown import destroy_windows


def test_a_qt_test_runs_without_automatic_collection(qtbot):
    """Else a cycle holding Qt objects may be collected by a moto server thread."""
    assert not gc.isenabled()


def test_parentless_windows_are_destroyed_with_their_own_windows(qtbot):
    window = QWidget()
    dialog = QDialog(window)  # a window too, but its parent's to destroy
    other = QWidget()
    window.show()
    assert destroy_windows() == 2
    assert not any(Shiboken.isValid(w) for w in (window, dialog, other))
    assert destroy_windows() == 0


def test_what_a_destroyed_window_held_is_left_for_this_threads_collection(qtbot):
    window = QWidget()
    bridge = QObject()  # parentless, kept only by the window's Python side
    window.keep = {"window": window, "bridge": bridge}  # a cycle, as UI objects often make
    bridge_alive = weakref.ref(bridge)
    del window, bridge
    assert destroy_windows() == 1
    assert bridge_alive() is not None  # garbage now, for whichever thread collects next
    gc.collect()  # what the fixture does next, here on the GUI thread
    assert bridge_alive() is None

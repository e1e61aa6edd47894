"""The idle lock that signs out a counter nobody has touched for a while."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.idle_lock import IdleLock


def test_it_asks_for_a_lock_after_a_quiet_period(qtbot):
    lock = IdleLock(0.05)
    lock.start()
    with qtbot.waitSignal(lock.lockRequested, timeout=3000):
        pass
    lock.stop()


def test_nothing_is_asked_while_stopped(qtbot):
    lock = IdleLock(0.05)
    asked: list[bool] = []
    lock.lockRequested.connect(lambda: asked.append(True))
    lock.start()
    lock.stop()
    assert not lock.is_running()
    with qtbot.assertNotEmitted(lock.lockRequested, wait=200):
        pass
    assert asked == []


def test_keep_awake_puts_the_lock_off_and_asks_again_later(qtbot):
    busy = [True]
    lock = IdleLock(0.05, keep_awake=lambda: busy[0])
    activity: list[bool] = []
    lock.activity.connect(lambda: activity.append(True))
    lock.start()
    qtbot.waitUntil(lambda: len(activity) >= 2, timeout=3000)  # put off, twice
    busy[0] = False
    with qtbot.waitSignal(lock.lockRequested, timeout=3000):
        pass
    lock.stop()


def test_a_person_touching_the_screen_counts_as_activity(qtbot):
    lock = IdleLock(60)
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    lock.start()
    with qtbot.waitSignal(lock.activity, timeout=3000):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    lock.stop()


def test_a_synthesised_event_does_not_keep_a_session_alive(qtbot):
    lock = IdleLock(60)
    widget = QWidget()
    qtbot.addWidget(widget)
    lock.start()
    event = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(QPoint(1, 1)),
                        QPointF(QPoint(1, 1)), Qt.MouseButton.LeftButton,
                        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.assertNotEmitted(lock.activity):
        QApplication.sendEvent(widget, event)  # not spontaneous: Qt's own, not a person's
    lock.stop()


def test_poke_counts_as_activity_and_the_timeout_can_change(qtbot):
    lock = IdleLock(60)
    lock.start()
    lock.set_timeout(0.05)
    with qtbot.waitSignal(lock.activity, timeout=1000):
        lock.poke()
    with qtbot.waitSignal(lock.lockRequested, timeout=3000):
        pass
    lock.stop()

"""The counter's function keys, in one place.

Cashiers work from the keyboard: F2 sales, F3 gift cards, F5 re-read, F6 refund, F7 collect,
F9 close shift, F12 sign out, Esc back, Ctrl+P print. The keys work anywhere inside the counter
(``WidgetWithChildrenShortcut``), not in the customer display window. Each key is a signal; the
counter mode connects them to what they do.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


class CounterShortcuts(QObject):
    """The keys of the counter mode ``host``.

    Signals:
        salesRequested(): F2, the show finder (a new sale).
        giftCardsRequested(): F3.
        reloadRequested(): F5, re-read what the screen shows.
        refundRequested(): F6.
        collectRequested(): F7, print tickets booked elsewhere.
        closeShiftRequested(): F9.
        signOutRequested(): F12.
        backRequested(): Esc.
        printRequested(): Ctrl+P (the platform's print key).

    Attributes:
        shortcuts: each key sequence's ``QShortcut`` (as text, e.g. "F2"), for tests and help.
    """

    salesRequested = Signal()
    giftCardsRequested = Signal()
    reloadRequested = Signal()
    refundRequested = Signal()
    collectRequested = Signal()
    closeShiftRequested = Signal()
    signOutRequested = Signal()
    backRequested = Signal()
    printRequested = Signal()

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.shortcuts: dict[str, QShortcut] = {}
        for key, signal in (
            (QKeySequence(Qt.Key.Key_F2), self.salesRequested),
            (QKeySequence(Qt.Key.Key_F3), self.giftCardsRequested),
            (QKeySequence(Qt.Key.Key_F5), self.reloadRequested),
            (QKeySequence(Qt.Key.Key_F6), self.refundRequested),
            (QKeySequence(Qt.Key.Key_F7), self.collectRequested),
            (QKeySequence(Qt.Key.Key_F9), self.closeShiftRequested),
            (QKeySequence(Qt.Key.Key_F12), self.signOutRequested),
            (QKeySequence(Qt.Key.Key_Escape), self.backRequested),
            (QKeySequence(QKeySequence.StandardKey.Print), self.printRequested),
        ):
            shortcut = QShortcut(key, host)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(signal)
            self.shortcuts[key.toString()] = shortcut

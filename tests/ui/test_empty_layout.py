"""``empty_layout`` deletes the layout items it takes out (issue 15 point 6).

In PySide an item ``takeAt`` hands back stays owned by C++: dropping it frees nothing (about
100 bytes for good per widget each time a screen rebuilt its tiles, every sale)."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.widgets.layouts import empty_layout
from kiosk.ui.widgets.tiles import TileGridLayout


@pytest.mark.parametrize("make", [QVBoxLayout, lambda host: TileGridLayout(host, spacing=8)],
                         ids=["qt", "python"])
def test_the_items_taken_out_are_deleted_and_the_widgets_after_them(qapp, make):
    host = QWidget()
    layout = make(host)
    labels = [QLabel(str(n), host) for n in range(3)]
    for label in labels:
        layout.addWidget(label)
    qt_layout = isinstance(layout, QVBoxLayout)
    if qt_layout:  # a nested layout and a spacer too
        nested = QHBoxLayout()
        labels.append(QLabel("inner", host))
        nested.addWidget(labels[-1])
        layout.addLayout(nested)
        layout.addStretch(1)
    items = [layout.itemAt(n) for n in range(layout.count())]
    if qt_layout:
        items.append(nested.itemAt(0))

    empty_layout(layout)

    assert layout.count() == 0
    assert not any(shiboken6.isValid(item) for item in items)  # QWidgetItems, nested, spacer
    assert all(shiboken6.isValid(label) for label in labels)  # widgets go later, not at once
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not any(shiboken6.isValid(label) for label in labels)
    host.deleteLater()


def test_takeat_alone_leaves_the_item_alive(qapp):
    """Why the helper exists: the wrapper ``takeAt`` returns does not own the item."""
    host = QWidget()
    layout = QVBoxLayout(host)
    layout.addWidget(QLabel("x", host))
    item = layout.takeAt(0)
    assert not shiboken6.ownedByPython(item)
    shiboken6.delete(item)
    host.deleteLater()

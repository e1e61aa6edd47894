"""Emptying a layout without leaking its items.

A ``QLayoutItem`` taken out with ``takeAt`` is the caller's to delete (Qt's rule). In PySide the
wrapper ``takeAt`` returns stays owned by C++, for Qt's own layouts and for ours in Python
(``WrappingLayout``) alike, so dropping it frees nothing: about 100 bytes for good per item.
Screens rebuilt on every sale (the ticket's stubs, the food buttons, the show grid) leaked that
per widget per sale (issue 15 point 6); ``empty_layout`` deletes each item.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QLayout


def empty_layout(layout: QLayout, *, detach: bool = False) -> None:
    """Take every item out of ``layout`` and delete it: a widget later (``deleteLater``, so a
    slot running on it finishes), a nested layout emptied first, then itself.

    ``detach``: take each widget off its parent at once (it disappears now rather than on the
    next pass of the event loop)."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        nested = item.layout()
        if widget is not None:
            if detach:
                widget.setParent(None)
            widget.deleteLater()
            shiboken6.delete(item)  # the QWidgetItem only: the widget is not deleted with it
        elif nested is not None:
            empty_layout(nested, detach=detach)
            shiboken6.delete(nested)  # the nested layout is its own item
        else:
            shiboken6.delete(item)  # a spacer

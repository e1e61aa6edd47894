"""PySide6 user interface: screens, widgets, theme. Widgets hold no business rules.

Importing this package applies ``keep_singletons_alive``. shiboken6 6.12 hands back ``None``
from every void Qt method, and ``True`` from every ``Signal.emit``, without taking a reference.
On Python 3.11 (these objects became immortal only in 3.12, PEP 683) each call drains a
refcount, and after a few thousand calls the process aborts with "none_dealloc" /
"bool_dealloc", or at exit. Import ``kiosk.ui`` before the first Qt call.
"""

import ctypes
import sys


def keep_singletons_alive() -> None:
    """Give None, True and False a refcount no leak can exhaust: what Python 3.12 does."""
    if sys.version_info >= (3, 12):
        return
    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))
        if refcnt.value < 1 << 40:
            refcnt.value += 1 << 40


keep_singletons_alive()

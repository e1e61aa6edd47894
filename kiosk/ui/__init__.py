"""PySide6 user interface: screens, widgets, theme. Widgets hold no business rules.

Importing this package also applies ``keep_none_alive``: shiboken6 6.12 returns ``None`` from
every void Qt method without taking a reference, which on Python 3.11 (where ``None`` is not yet
immortal, PEP 683) drains None's refcount by one per call and aborts the process with
"none_dealloc" after a few thousand calls. Python 3.12+ is unaffected.
"""

import ctypes
import sys


def keep_none_alive() -> None:
    """Give ``None`` a refcount no leak can exhaust (what 3.12 does), only where it is needed."""
    if sys.version_info >= (3, 12):
        return
    refcnt = ctypes.c_ssize_t.from_address(id(None))
    if refcnt.value < 1 << 40:
        refcnt.value += 1 << 40


keep_none_alive()

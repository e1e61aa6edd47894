"""PySide6 user interface: screens, widgets, theme. Widgets hold no business rules.

PySide6 is pinned below 6.12: 6.12.0 under Python 3.11 drops a reference to ``None`` on every
void Qt call and to ``True`` on every ``Signal.emit`` until the process aborts
("none_dealloc"); ``tests/ui/test_qt_runtime.py`` fails on such a binding.
"""

"""Fixtures for UI tests: the whole kiosk UI over the small test world, and a driver for it.

The driver presses real keys and clicks real buttons (pytest-qt), and waits on conditions,
never on sleeps. Service calls run on the bridge's worker thread, so every step that calls a
service ends with a ``waitUntil`` on what the person would see.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

WAIT_MS = 10_000


def close_ui(ui) -> None:
    """Close a KioskUI completely: release holds, stop workers, destroy the window now.

    Windows left half-alive would keep listening to the application-wide theme and language
    managers and disturb later tests.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    ui.window.close()
    ui.shutdown()
    ui.window.deleteLater()
    ui.bridge.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture
def ui_config(config):
    """The test config with a short hold, so countdown tests need no huge clock jumps."""
    return replace(config, kiosk_id="TEST-COUNTER")


def open_ui(qtbot, qapp, services, config, mode: str):
    """The running UI in ``mode`` on the test world, shown at 1280 x 800 (close with close_ui)."""
    from kiosk.ui.app import build_ui

    services.deps.config = config
    ui = build_ui(services, config, app=qapp, install_hooks=False, mode=mode)
    qtbot.addWidget(ui.window)
    ui.window.resize(1280, 800)
    ui.window.show()
    qtbot.waitExposed(ui.window)
    return ui


@pytest.fixture
def kiosk_ui(qtbot, qapp, services, ui_config):
    """The running UI in counter mode on the test world (FakeClock in ``services``)."""
    ui = open_ui(qtbot, qapp, services, ui_config, "counter")
    yield ui
    close_ui(ui)


@pytest.fixture
def demo_ui(qtbot, qapp, config, clock):
    """The running UI in counter mode on the demo dataset (6 cinemas, 3 cities, 7 days)."""
    from kiosk.services.app import open_services
    from kiosk.store.demo import ensure_demo_data
    from kiosk.ui.app import build_ui

    services = open_services(config, clock=clock)
    ensure_demo_data(services.deps.db, clock, rounds=config.bcrypt_rounds)
    ui = build_ui(services, config, app=qapp, install_hooks=False, mode="counter")
    qtbot.addWidget(ui.window)
    ui.window.resize(1280, 800)
    ui.window.show()
    qtbot.waitExposed(ui.window)
    ui.services = services
    yield ui
    close_ui(ui)
    services.close()


class CounterDriver:
    """Drives counter mode like a cashier would."""

    def __init__(self, qtbot, ui):
        self.qtbot = qtbot
        self.ui = ui

    @property
    def mode(self):
        return self.ui.window.mode_widget

    def screen(self, name: str):
        return self.mode.screens[name]

    def wait_screen(self, name: str) -> None:
        self.qtbot.waitUntil(lambda: self.mode.current_name() == name, timeout=WAIT_MS)

    def wait_idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.ui.bridge.is_busy(), timeout=WAIT_MS)

    def click(self, widget) -> None:
        assert widget.isVisible() and widget.isEnabled(), f"{widget.objectName()} not clickable"
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def keypad_type(self, keypad, digits: str) -> None:
        for digit in digits:
            self.click(keypad.buttons[digit])

    def sign_in(self, staff: str = "1001", pin: str = "1234") -> None:
        panel = self.screen("signin").panel
        self.wait_screen("signin")
        self.keypad_type(panel.keypad, staff)
        self.click(panel.keypad.buttons["enter"])
        self.keypad_type(panel.keypad, pin)
        self.click(panel.keypad.buttons["enter"])

    def open_shift(self, float_text: str = "2000") -> None:
        self.wait_screen("shift_open")
        screen = self.screen("shift_open")
        self.keypad_type(screen.keypad, float_text)
        self.click(screen.keypad.buttons["enter"])
        self.wait_screen("finder")

    def start(self) -> None:
        self.sign_in()
        self.open_shift()

    def open_show(self, text: str = "Test Pattern") -> None:
        finder = self.screen("finder")
        finder.search.setFocus()
        self.qtbot.keyClicks(finder.search, text)
        self.qtbot.keyClick(finder.search, Qt.Key.Key_Return)
        self.wait_screen("seats")

    def seat_status(self, code: str):
        panel = self.screen("seats").panel
        view = seat_view(panel)
        if hasattr(view, "status"):
            return view.status(code)
        return panel.statuses[code]

    def tap_seat(self, code: str) -> None:
        """A real click on the seat, whichever seat-map widget is in use."""
        panel = self.screen("seats").panel
        if hasattr(panel, "buttons"):  # the fallback grid
            self.click(panel.buttons[code])
            return
        view = seat_view(panel)
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                              pos=view.seat_viewport_pos(code))

    def held_seats(self) -> tuple[str, ...]:
        hold = self.mode.session.sale.hold
        return hold.seats if hold else ()

    def to_payment(self, seats: tuple[str, ...] = ("B1", "B2")):
        """Sign in, hold ``seats`` of the test show and open the payment screen (returned)."""
        self.start()
        self.open_show()
        for code in seats:
            self.tap_seat(code)
        self.qtbot.waitUntil(lambda: set(self.held_seats()) == set(seats), timeout=WAIT_MS)
        self.click(self.screen("seats").continue_button)
        self.click(self.screen("basket").pay_button)
        self.wait_screen("payment")
        return self.screen("payment")


def seat_view(panel):
    """The QGraphicsView inside the seat panel (or the panel itself)."""
    for name in ("view", "map_view", "seat_view"):
        view = getattr(panel, name, None)
        if view is not None and hasattr(view, "viewport"):
            return view
    return panel


@pytest.fixture
def driver(qtbot, kiosk_ui):
    return CounterDriver(qtbot, kiosk_ui)

"""Self-service and the door show a background call's failure in their own banner (issue 14,
structure point 4); a customer reads friendly words only, and the banner clears at the start."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.domain.errors import KioskError
from kiosk.ui import message


def _refuse() -> None:
    raise KioskError("That show has started.")


def _crash() -> None:
    raise RuntimeError("disk I/O error")


@pytest.fixture
def bridge(services):
    from kiosk.ui.bridge import Bridge

    bridge = Bridge(services)
    yield bridge
    bridge.shutdown()


@pytest.fixture
def self_service(qtbot, services, bridge, ui_config):
    from kiosk.ui.selfservice import SelfServiceWidget

    widget = SelfServiceWidget(services, bridge, ui_config)
    qtbot.addWidget(widget)
    widget.resize(1366, 900)
    widget.show()
    yield widget
    widget.shutdown()
    bridge.wait_idle(5000)


def _fail(qtbot, bridge, fn) -> None:
    bridge.submit(fn, name=fn.__name__)  # no on_error: the banner is the default
    qtbot.waitUntil(lambda: not bridge.is_busy())


def test_self_service_shows_a_refusal_and_clears_it_for_the_next_customer(
        qtbot, self_service, bridge):
    _fail(qtbot, bridge, _refuse)
    assert self_service.banner.text() == "That show has started."
    assert self_service.banner.kind() == "error"
    if os.environ.get("KIOSK_SHOT_DIR"):
        self_service.grab().save(str(Path(os.environ["KIOSK_SHOT_DIR"]) / "ss-banner.png"))
    self_service.go_attract()  # the screen resets to its start
    assert self_service.banner.text() == "" and self_service.banner.isHidden()


def test_self_service_says_a_fault_in_friendly_words(qtbot, self_service, bridge):
    _fail(qtbot, bridge, _crash)
    text = self_service.banner.text()
    assert "ask a member of staff" in text
    assert "RuntimeError" not in text and "disk" not in text and "manager" not in text


def test_a_customer_never_reads_a_stack_trace(self_service):
    message.error('Traceback (most recent call last):\n  File "kiosk/x.py", line 1\nValueError')
    assert self_service.banner.text().startswith("Sorry, something went wrong")


def test_the_door_shows_a_failed_background_call_until_the_usher_signs_out(
        qtbot, services, bridge, ui_config):
    from kiosk.ui.door.mode import DoorMode

    door = DoorMode(services, bridge, ui_config)
    qtbot.addWidget(door)
    door.show()
    _fail(qtbot, bridge, _refuse)
    assert door.banner.text() == "That show has started." and door.banner.kind() == "error"
    if os.environ.get("KIOSK_SHOT_DIR"):
        door.resize(1280, 800)
        door.grab().save(str(Path(os.environ["KIOSK_SHOT_DIR"]) / "door-banner.png"))
    door.sign_out()
    assert door.banner.text() == ""
    door.shutdown()

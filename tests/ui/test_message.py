"""The message module, the banner that listens to it, and background failures shown by default."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import KioskError
from kiosk.ui import message
from kiosk.ui.message import Level, MessageBridge
from kiosk.ui.widgets.banner import MessageBanner


@pytest.fixture
def banner(qtbot):
    banner = MessageBanner()
    qtbot.addWidget(banner)
    banner.follow()
    return banner


@pytest.mark.parametrize(("say", "kind"), [(message.error, "error"),
                                           (message.warning, "warn"),
                                           (message.info, "info"),
                                           (message.ok, "ok")])
def test_what_any_code_says_shows_in_the_banner(banner, say, kind):
    say("Seat C4 was just sold at another counter.")
    assert banner.text() == "Seat C4 was just sold at another counter."
    assert banner.kind() == kind


def test_errors_stay_and_information_fades(banner, qtbot):
    message.info("Exchange cancelled.")
    assert banner._timer.isActive()  # noqa: SLF001 (the fade is the banner's own timer)
    message.error("Wrong PIN.")
    assert not banner._timer.isActive()  # noqa: SLF001
    message.clear()
    assert banner.text() == "" and banner.isHidden()


def test_a_banner_follows_only_the_bridge_it_was_given(qtbot):
    own = MessageBridge()
    banner = MessageBanner()
    qtbot.addWidget(banner)
    banner.follow(own)
    message.error("for the application's banner")
    assert banner.text() == ""
    own.shown.emit(Level.WARNING.value, "for this one")
    assert banner.text() == "for this one" and banner.kind() == "warn"


def test_a_deleted_banner_stops_listening(qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent

    banner = MessageBanner()
    banner.follow()
    banner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    message.error("nobody shows this, and nothing crashes")


def test_a_refusal_is_said_in_its_own_words_and_a_fault_calmly():
    assert message.failure_text(KioskError("Seat A1 is already sold.")) == \
        "Seat A1 is already sold."
    assert "Something went wrong" in message.failure_text(RuntimeError("disk I/O error"))


def _refuse() -> None:
    raise KioskError("That show has started.")


def _crash() -> None:
    raise RuntimeError("a bug")


@pytest.fixture
def bridge(qtbot, services):
    from kiosk.ui.bridge import Bridge

    bridge = Bridge(services)
    yield bridge
    bridge.shutdown()


def test_a_background_failure_shows_in_the_banner_by_default(banner, bridge, qtbot):
    bridge.submit(_refuse, name="refuse")
    qtbot.waitUntil(lambda: not bridge.is_busy())
    assert banner.text() == "That show has started." and banner.kind() == "error"


def test_a_background_fault_shows_a_calm_sentence(banner, bridge, qtbot):
    bridge.submit(_crash, name="crash")
    qtbot.waitUntil(lambda: not bridge.is_busy())
    assert "Something went wrong" in banner.text()


def test_a_caller_with_its_own_failure_handler_keeps_the_banner_quiet(banner, bridge, qtbot):
    seen: list[BaseException] = []
    bridge.submit(_refuse, name="refuse", on_error=seen.append)
    qtbot.waitUntil(lambda: not bridge.is_busy())
    assert [str(e) for e in seen] == ["That show has started."] and banner.text() == ""


def test_housekeeping_failures_are_logged_not_shown(banner, bridge, qtbot, caplog):
    bridge.submit(_refuse, name="release", on_error=message.logged("giving back a hold"))
    qtbot.waitUntil(lambda: not bridge.is_busy())
    assert banner.text() == ""
    assert "giving back a hold failed: That show has started." in caplog.text

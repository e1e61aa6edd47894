"""First-run screen: shown only when the cloud is on and there is no catalogue; joins on a worker
thread and shows refusals in words; the demo stays one press away."""

from __future__ import annotations

import threading
from dataclasses import replace
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from kiosk.cloud.join import JoinError, needs_first_run
from kiosk.store.db import open_db


@pytest.fixture
def cloud_on(config):
    return replace(config, cloud=replace(config.cloud, enabled=True,
                                         endpoint_url="http://127.0.0.1:5999"))


def make(qtbot, config, join):
    from kiosk.ui.first_run import FirstRunScreen
    from kiosk.ui.theme import ThemeManager

    if ThemeManager.instance() is None:
        from PySide6.QtWidgets import QApplication

        ThemeManager(QApplication.instance(), "normal", False)
    screen = FirstRunScreen(config, join=join)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    return screen


def test_shown_only_with_the_cloud_on_and_no_catalogue(config, cloud_on, services):
    empty = open_db(config.db_path.with_name("empty.db"))
    try:
        assert needs_first_run(replace(cloud_on, db_path=config.db_path), empty.conn)
        assert not needs_first_run(config, empty.conn)  # the demo without cloud: never
        assert not needs_first_run(cloud_on, services.deps.conn)  # has its catalogue
    finally:
        empty.conn.close()


def test_a_refusal_is_shown_and_the_person_can_try_again(qtbot, cloud_on, tmp_path):
    calls = []

    def join(config, cinema, **kw):
        calls.append((cinema, kw["kiosk_id"], threading.current_thread().name))
        kw["progress"]("Looking for cinema nowhere in the cloud ...")
        raise JoinError("There is no cinema 'nowhere' in the cloud. Nothing was changed.")

    screen = make(qtbot, cloud_on, join)
    assert not screen.join_button.isEnabled()  # no cinema id typed yet
    qtbot.keyClicks(screen.cinema, "nowhere")
    screen.kiosk.setText("KIOSK-4")
    qtbot.mouseClick(screen.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "no cinema 'nowhere'" in screen.status.text(), timeout=5000)
    assert calls == [("nowhere", "KIOSK-4", "first-run-join")]  # never on the GUI thread
    assert screen.join_button.isEnabled() and screen.demo_button.isEnabled()
    assert screen.status.property("role") == "bad"
    screen.grab().save(str(tmp_path / "first_run_refused.png"))


def test_joining_emits_the_result_and_the_demo_button_chooses_the_demo(qtbot, cloud_on):
    result = SimpleNamespace(cinema_id="cin-test", kiosk_id="KIOSK-4",
                             summary=lambda: "Joined cinema cin-test as KIOSK-4 in 0.4 s")
    screen = make(qtbot, cloud_on, lambda config, cinema, **kw: result)
    screen.cinema.setText("cin-test")
    with qtbot.waitSignal(screen.joined, timeout=5000) as blocker:
        screen.start_join()
    assert blocker.args == [result] and "Joined cinema cin-test" in screen.status.text()
    assert not screen.demo_button.isEnabled()  # joined: the demo is no longer an option
    fresh = make(qtbot, cloud_on, lambda *a, **kw: pytest.fail("the demo must not join"))
    with qtbot.waitSignal(fresh.demoChosen, timeout=1000):
        fresh.demo_button.click()


def test_the_launcher_asks_only_when_needed_and_starts_joined_or_on_the_demo(
        qapp, cloud_on, services, monkeypatch, tmp_path):
    from PySide6.QtCore import QObject, Signal

    import kiosk.ui.first_run as first_run
    from kiosk.commands.launch import _first_run_if_needed

    args = SimpleNamespace(config=tmp_path / "k.toml")
    with_catalogue = cloud_on  # the same database as ``services``: the test world
    assert _first_run_if_needed(args, with_catalogue) is with_catalogue  # no screen at all
    cloud_on = replace(cloud_on, db_path=tmp_path / "new-device.db")

    outcome: dict = {}

    class FakeScreen(QObject):  # the real screen is tested above; here only the wiring
        joined = Signal(object)
        demoChosen = Signal()

        def __init__(self, config, config_path=None):
            super().__init__()
            outcome["config_path"] = config_path

        def resize(self, *_):
            return None

        def show(self):
            return None

        showFullScreen = show  # noqa: N815 (Qt API)

        def close(self):
            outcome["closed"] = True

    screens: list = []
    monkeypatch.setattr(first_run, "FirstRunScreen",
                        lambda *a, **kw: screens.append(FakeScreen(*a, **kw)) or screens[-1])
    monkeypatch.setattr(qapp, "exec", lambda: screens[-1].joined.emit(
        SimpleNamespace(cinema_id="cin-test", kiosk_id="KIOSK-4")))
    joined = _first_run_if_needed(args, cloud_on)  # an empty database: the screen
    assert (joined.cinema_id, joined.kiosk_id) == ("cin-test", "KIOSK-4")
    assert outcome == {"config_path": args.config, "closed": True}
    monkeypatch.setattr(qapp, "exec", lambda: screens[-1].demoChosen.emit())
    assert _first_run_if_needed(args, cloud_on) is cloud_on  # the demo, as configured
    demo = open_db(cloud_on.db_path)
    try:  # pressing the button is the request that loads it (a plain launch never does)
        assert demo.conn.execute("SELECT COUNT(*) FROM settings WHERE key = 'demo_data'"
                                 ).fetchone()[0] == 1
    finally:
        demo.conn.close()
    cloud_on = replace(cloud_on, db_path=tmp_path / "another-device.db")
    monkeypatch.setattr(qapp, "exec", lambda: 0)  # the window closed without a choice
    assert _first_run_if_needed(args, cloud_on) is None


@pytest.mark.parametrize("language, title, button", [
    ("hi", "इस डिवाइस को किसी सिनेमा से जोड़ें", "सिनेमा से जोड़ें"),
    ("te", "ఈ పరికరాన్ని ఒక సినిమా హాల్\u200cకు జోడించండి", "సినిమా హాల్\u200cకు జోడించండి"),
])
def test_the_screen_speaks_the_configured_language(qtbot, qapp, cloud_on, language, title, button):
    from PySide6.QtWidgets import QLabel

    from kiosk.ui.i18n import LanguageManager

    manager = LanguageManager(qapp)
    try:
        assert manager.set_language(language)
        progress: list[str] = []
        release = threading.Event()

        def join(config, cinema, **kw):
            release.wait(5)
            return SimpleNamespace(summary=lambda: "joined")

        screen = make(qtbot, cloud_on, join)
        titles = [w.text() for w in screen.findChildren(QLabel) if w.property("role") == "title"]
        assert titles == [title]
        assert screen.join_button.text() == button
        screen.cinema.setText("hyd-central")
        with qtbot.waitSignal(screen.joined, timeout=5000):
            screen.start_join()
            progress.append(screen.status.text())  # the translated line keeps its {cinema}
            release.set()
        assert "hyd-central" in progress[0] and "{" not in progress[0]
        assert progress[0] != "Joining hyd-central ..."
    finally:
        manager.set_language("en")
        manager.deleteLater()


def test_the_launcher_shows_the_set_up_screen_in_the_device_language(
        qapp, cloud_on, monkeypatch, tmp_path):
    """The first-run screen comes before the main window: the language must be loaded for it."""
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    import kiosk.ui.first_run as first_run
    from kiosk.commands.launch import _first_run_if_needed
    from kiosk.ui.app import install_languages

    seen: list[str] = []

    class TitleOnly(QObject):
        joined = Signal(object)
        demoChosen = Signal()

        def __init__(self, config, config_path=None):
            super().__init__()
            seen.append(QCoreApplication.translate("FirstRunScreen",
                                                   "Join this device to a cinema"))

        def resize(self, *_):
            return None

        def show(self):
            return None

        showFullScreen = show  # noqa: N815 (Qt API)

        def close(self):
            return None

    monkeypatch.setattr(first_run, "FirstRunScreen", TitleOnly)
    monkeypatch.setattr(qapp, "exec", lambda: 0)
    hindi = replace(cloud_on, db_path=tmp_path / "new-device.db", language="hi")
    try:
        assert _first_run_if_needed(SimpleNamespace(config=None), hindi) is None
    finally:
        install_languages("en")
    assert seen == ["इस डिवाइस को किसी सिनेमा से जोड़ें"]

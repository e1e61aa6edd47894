"""First-manager screen (issue 11, point 6): an empty production database starts here, not on
the demo; the service makes the manager (and the cinema, on a database without one) on a worker
thread; refusals are shown in its words."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.domain.clock import FakeClock
from kiosk.services.deps import ServiceDeps
from kiosk.services.first_run import create_first_manager, first_run
from kiosk.store.db import open_db
from tests.ui import test_manager_fixtures as fx

WAIT = 10_000
REPO = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("KIOSK_TEST_SHOTS", "/tmp/shots"))
manager, open_console = fx.manager, fx.open_console  # the manager console's fixtures


@pytest.fixture
def empty_deps(config):
    deps = ServiceDeps(db=open_db(config.db_path), config=config, clock=FakeClock())
    yield deps
    deps.conn.close()


def make(qtbot, create, **kwargs):
    from kiosk.ui.first_manager import FirstManagerScreen
    from kiosk.ui.theme import ThemeManager

    if ThemeManager.instance() is None:
        from PySide6.QtWidgets import QApplication

        ThemeManager(QApplication.instance(), "normal", False)
    kwargs.setdefault("timezone", "Asia/Kolkata")  # not the test machine's
    screen = FirstManagerScreen(create, kiosk_id="KIOSK-1", **kwargs)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def fill(qtbot, screen, name="Priya Nair", number="4001", pin="4826", again="4826",
         cinema="Lakeview Cinemas", city="Kochi"):
    for field, text in ((screen.name, name), (screen.number, number), (screen.pin, pin),
                        (screen.pin_again, again)):
        field.clear()
        qtbot.keyClicks(field, text)
    if screen.ask_cinema:
        for field, text in ((screen.cinema_name, cinema), (screen.city, city)):
            field.clear()
            qtbot.keyClicks(field, text)


def staff(deps):
    return [tuple(r) for r in deps.conn.execute("SELECT staff_number, name, role FROM staff")]


def save(screen, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert screen.grab().save(str(SHOTS / name))


def test_the_first_manager_is_created_off_the_gui_thread(qtbot, empty_deps):
    threads = []

    def create(*entries):
        threads.append(threading.current_thread().name)
        return create_first_manager(empty_deps, *entries)

    screen = make(qtbot, create)
    assert not screen.create_button.isEnabled()  # nothing typed yet
    assert "1234" in screen.policy.text()  # the policy is said before anyone is refused
    save(screen, "first_manager.png")
    fill(qtbot, screen)
    assert screen.pin.echoMode() == screen.pin.EchoMode.Password
    with qtbot.waitSignal(screen.created, timeout=WAIT) as blocker:
        qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].staff_number == "4001"
    assert threads == ["first-manager"]
    assert staff(empty_deps) == [("4001", "Priya Nair", "manager")]
    assert "Priya Nair (4001) created" in screen.status.text()
    assert screen.pin.text() == "" and not screen.create_button.isEnabled()
    save(screen, "first_manager_created.png")


@pytest.mark.parametrize("pin,again,words", [("1234", "1234", "run of digits"),
                                             ("4826", "4862", "not the same")])
def test_a_refusal_is_shown_and_nothing_is_created(qtbot, empty_deps, pin, again, words):
    screen = make(qtbot, lambda *e: create_first_manager(empty_deps, *e))
    fill(qtbot, screen, pin=pin, again=again)
    qtbot.keyClick(screen.pin_again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: words in screen.status.text(), timeout=WAIT)
    assert screen.status.property("role") == "bad"
    assert screen.pin.text() == "" and screen.pin_again.text() == ""  # typed again, twice
    assert screen.name.text() == "Priya Nair" and screen.number.text() == "4001"
    assert staff(empty_deps) == []
    save(screen, f"first_manager_refused_{words.split()[0]}.png")


def test_the_launcher_asks_on_an_empty_database_only(qapp, qtbot, config, services,
                                                     monkeypatch):
    import kiosk.ui.first_manager as first_manager
    from kiosk.commands.launch import _first_manager_if_needed
    from kiosk.services.app import open_services

    # the test world has staff: no screen
    assert _first_manager_if_needed(services, config, bench=False) is False
    empty = open_services(config.with_overrides(
        db_path=config.db_path.with_name("empty.db")), clock=FakeClock())
    shown: list = []
    real = first_manager.FirstManagerScreen

    def spy(*args, **kwargs):
        shown.append(real(*args, **kwargs))
        return shown[-1]

    def exec_():  # the person types the manager in; the launcher closes the screen itself
        screen = shown[-1]
        fill(qtbot, screen)
        screen.start_create()
        qtbot.waitUntil(lambda: not screen.isVisible(), timeout=WAIT)
        return 0

    monkeypatch.setattr(first_manager, "FirstManagerScreen", spy)
    monkeypatch.setattr(qapp, "exec", exec_)
    try:
        assert _first_manager_if_needed(empty, empty.config, bench=False) is True
        assert staff(empty.deps) == [("4001", "Priya Nair", "manager")]
        assert shown[-1].ask_cinema  # an empty database: the cinema is asked for too
        assert [tuple(r) for r in empty.deps.conn.execute("SELECT id, timezone FROM cinemas")] == \
            [("lakeview-cinemas", shown[-1].timezone.currentText())]
        monkeypatch.setattr(qapp, "exec", lambda: 0)  # closed without a manager: nothing
        cinema = open_services(empty.config.with_overrides(
            db_path=config.db_path.with_name("cinema.db"), cinema_id="hyd-central"),
            clock=FakeClock())
        try:  # a cloud cinema's device gets its staff from the cloud, never this screen
            assert _first_manager_if_needed(cinema, cinema.config, bench=False) is False
        finally:
            cinema.close()
        assert len(shown) == 1
    finally:
        empty.close()


def _launch(tmp_path, *extra: str) -> tuple[subprocess.CompletedProcess, Path]:
    db = tmp_path / "k.db"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_BENCH_FIRST_SCREEN="1",
               KIOSK_BCRYPT_ROUNDS="4", KIOSK_CLOUD_ENABLED="0",
               KIOSK_CONFIG=str(tmp_path / "absent.toml"))
    run = subprocess.run([sys.executable, "-m", "kiosk", "--windowed", "--db", str(db), *extra],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    return run, db


def test_a_plain_launch_on_an_empty_database_asks_for_the_first_manager(tmp_path):
    run, db = _launch(tmp_path)
    assert "first-screen-name=first-manager" in run.stdout.splitlines(), run.stdout
    conn = open_db(db).conn
    try:  # no demo, no staff: nobody knows a PIN to this kiosk
        for table in ("staff", "cinemas", "shows"):
            assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0  # noqa: S608
        assert conn.execute("SELECT COUNT(*) FROM settings WHERE key = 'demo_data'"
                            ).fetchone()[0] == 0
    finally:
        conn.close()


@pytest.mark.parametrize("weak", ["1111", "4321"])
def test_the_staff_screen_refuses_a_weak_new_pin_in_its_banner(qtbot, open_console, manager,
                                                                services, weak):
    window = open_console(manager)
    screen = window.show_page("staff")
    assert "1234" in screen.pin.placeholderText() and "run" in screen.pin.toolTip()
    qtbot.keyClicks(screen.number, "1021")
    qtbot.keyClicks(screen.name, "Weak Pin")
    qtbot.keyClicks(screen.pin, weak)
    fx.click(qtbot, screen.findChild(QPushButton, "addStaffButton"))
    qtbot.waitUntil(lambda: "PIN may not" in screen.banner.text(), timeout=WAIT)
    assert screen.banner.kind() == "error"
    assert services.deps.conn.execute(
        "SELECT 1 FROM staff WHERE staff_number = '1021'").fetchone() is None
    assert window.grab().save(str(SHOTS / f"staff_weak_pin_{weak}.png"))


@pytest.mark.parametrize("language, title, badge", [
    ("hi", "पहला मैनेजर बनाएँ", "डेमो"),
    ("te", "మొదటి మేనేజర్‌ను సృష్టించండి", "డెమో"),
])
def test_the_screen_and_the_badge_speak_the_configured_language(qtbot, qapp, empty_deps,
                                                                language, title, badge):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QLabel

    from kiosk.ui.i18n import LanguageManager

    manager = LanguageManager(qapp)
    try:
        assert manager.set_language(language)
        screen = make(qtbot, lambda *e: create_first_manager(empty_deps, *e))
        titles = [w.text() for w in screen.findChildren(QLabel) if w.property("role") == "title"]
        assert titles == [title]
        assert "{" not in screen.policy.text() and "1234" in screen.policy.text()
        save(screen, f"first_manager_{language}.png")
        assert QCoreApplication.translate("MainWindow", "DEMO") == badge
    finally:
        manager.set_language("en")
        manager.deleteLater()


@pytest.mark.parametrize("outcome, mode", [(True, "manager"), (False, None), (None, "no window")])
def test_the_main_window_follows_the_first_manager_screen(qapp, config, monkeypatch, outcome,
                                                          mode):
    """Created: the console opens for the new manager to sign in; not needed: the configured
    mode; closed without a manager: no main window at all."""
    from types import SimpleNamespace

    import kiosk.commands.launch as launch
    import kiosk.ui.app as ui_app

    seen: dict = {"mode": "no window"}

    class Window:
        def resize(self, *_):
            return None

        def show(self):
            return None

    def build_ui(services, config, *, app=None, gate=None, mode=None):
        seen["mode"] = mode
        return SimpleNamespace(window=Window(), shutdown=lambda: None)

    monkeypatch.setattr(launch, "_first_manager_if_needed", lambda *a: outcome)
    monkeypatch.setattr(launch, "_close_on_signals", lambda *a: None)  # keep pytest's SIGINT
    monkeypatch.setattr(ui_app, "build_ui", build_ui)
    monkeypatch.setattr(qapp, "exec", lambda: 0)
    args = SimpleNamespace(launch_demo=False, config=None)
    assert launch.run(args, config.with_overrides(windowed=True)) == 0
    assert seen["mode"] == mode


def test_the_cinema_is_asked_for_beside_the_manager_and_made_with_them(qtbot, empty_deps):
    from tests.factories import table_dump

    screen = make(qtbot, lambda *e: first_run(empty_deps, *e))
    assert screen.cinema_box.isVisible() and screen.timezone.currentText() == "Asia/Kolkata"
    fill(qtbot, screen, cinema="", city="")
    assert not screen.create_button.isEnabled()  # the cinema is not filled in yet
    save(screen, "first_run_cinema.png")
    fill(qtbot, screen, cinema="Harbour Screens", city="Auckland")
    assert screen.cinema_id.placeholderText() == "harbour-screens"
    screen.timezone.lineEdit().clear()  # a zone nobody has: refused, nothing written
    qtbot.keyClicks(screen.timezone.lineEdit(), "Pacific/Atlantis")
    before = table_dump(empty_deps.conn, exclude=())
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not a time zone" in screen.status.text(), timeout=WAIT)
    assert table_dump(empty_deps.conn, exclude=()) == before
    save(screen, "first_run_cinema_refused.png")
    screen.timezone.lineEdit().clear()  # typing part of a name offers the zones containing it
    qtbot.keyClicks(screen.timezone.lineEdit(), "auckl")
    completer = screen.timezone.completer()
    completer.setCompletionPrefix("auckl")
    assert completer.currentCompletion() == "Pacific/Auckland"
    screen.timezone.setCurrentText("Pacific/Auckland")
    screen.currency.lineEdit().clear()
    qtbot.keyClicks(screen.currency.lineEdit(), "nzd1")  # the digit is not taken
    assert screen.currency.currentText() == "NZD"  # shown as the service will store it
    fill(qtbot, screen, cinema="Harbour Screens", city="Auckland")
    with qtbot.waitSignal(screen.created, timeout=WAIT) as blocker:
        qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].staff_number == "4001"
    assert [tuple(r) for r in empty_deps.conn.execute(
        "SELECT id, name, city, timezone, currency FROM cinemas")] == \
        [("harbour-screens", "Harbour Screens", "Auckland", "Pacific/Auckland", "NZD")]
    text = screen.status.text()
    assert "Cinema Harbour Screens (harbour-screens) created" in text
    assert "no default money limits for NZD" in text
    qtbot.waitUntil(lambda: screen.create_button.geometry().top()  # the status wraps: laid
                    > screen.status.geometry().bottom() > 0, timeout=WAIT)  # out, not cut off
    save(screen, "first_run_cinema_created.png")


def test_a_database_with_a_cinema_asks_only_for_the_manager(qtbot, empty_deps):
    screen = make(qtbot, lambda *e: first_run(empty_deps, *e), ask_cinema=False)
    assert not screen.cinema_box.isVisible() and screen.cinema_entry() is None
    fill(qtbot, screen)
    assert screen.create_button.isEnabled()


def test_machine_timezone_reads_the_localtime_link(tmp_path, monkeypatch):
    from kiosk.ui.first_manager import machine_timezone

    monkeypatch.delenv("TZ", raising=False)
    zone_dir = tmp_path / "usr/share/zoneinfo/Asia"
    zone_dir.mkdir(parents=True)
    (zone_dir / "Kolkata").write_bytes(b"TZif")
    link = tmp_path / "localtime"
    link.symlink_to(zone_dir / "Kolkata")
    assert machine_timezone(link) == "Asia/Kolkata"
    monkeypatch.setenv("TZ", ":Europe/London")
    assert machine_timezone(link) == "Europe/London"


def test_after_the_first_run_the_console_adds_a_hall_to_the_new_cinema(qtbot, config):
    """The manager made by the first run signs in to the console; its hall editor offers the
    new cinema and saves a hall into it; the schedule offers it too."""
    from kiosk.services.app import open_services
    from kiosk.services.first_run import CinemaEntry
    from kiosk.ui.bridge import Bridge
    from kiosk.ui.manager import ManagerWindow

    services = open_services(config, clock=FakeClock())
    bridge = None
    try:
        first_run(services.deps, "4001", "Priya Nair", "4826", "4826",
                  CinemaEntry(name="Lakeview Cinemas", city="Kochi", timezone="Asia/Kolkata",
                              currency="INR"))
        boss = services.auth.sign_in("4001", "4826")
        bridge = Bridge(services)
        window = ManagerWindow(services, bridge, boss)
        qtbot.addWidget(window)
        window.resize(1440, 900)
        window.show()
        qtbot.waitExposed(window)
        halls = window.show_page("halls")
        assert halls.cinema.currentData() == "lakeview-cinemas"
        fx.click(qtbot, halls.findChild(QPushButton, "newHall"))
        halls.name.setText("Screen 1")
        fx.click(qtbot, halls.findChild(QPushButton, "saveHall"))
        qtbot.waitUntil(lambda: "Saved Screen 1" in halls.banner.text(), timeout=WAIT)
        assert [tuple(r) for r in services.deps.conn.execute(
            "SELECT cinema_id, name FROM halls")] == \
            [("lakeview-cinemas", "Screen 1")]
        assert window.grab().save(str(SHOTS / "first_run_console_hall.png"))
        schedule = window.show_page("schedule")
        assert schedule.shows.cinema_id() == "lakeview-cinemas"
    finally:
        if bridge is not None:
            bridge.wait_idle(WAIT)
        services.close()

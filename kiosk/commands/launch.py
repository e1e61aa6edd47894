"""Launch the kiosk app (``kiosk`` with no subcommand).

Start-up budget: the first screen within 1.5 s. Only what the first screen needs is imported
here (QtWidgets, the services, the counter sign-in); QtCharts, the PDF/printing stack, boto3 and
moto load later, when a screen that needs them opens (boto3 only when the cloud is enabled).

Bench hook: with ``KIOSK_BENCH_FIRST_SCREEN=1`` the launcher prints ``first-screen-ms=<float>``
once the main window is exposed, then quits. The time is measured from the *process start*, as
the kernel records it (``/proc/self/stat`` start time against ``CLOCK_BOOTTIME``, 10 ms
resolution), so interpreter start-up and every import count; where /proc is missing it falls back
to the moment this module was imported (which undercounts the interpreter's own start). It also
prints ``first-screen-name=<main|first-manager>``: which screen that was.

First run: the demo data is loaded only with ``--demo`` (its staff PINs are printed in the
README). A plain launch on an empty database (no staff, no cloud cinema) shows the
first-manager screen (``kiosk.ui.first_manager``; it also asks for the cinema while the
database has none) before the main window, which then opens in manager mode for the new manager
to sign in and add the cinema's halls, films and shows. A database that already
holds the demo still gets its shows topped up to the next 7 days.
"""

from __future__ import annotations

import os
import time

_IMPORTED_AT = time.perf_counter()

NAME = "launch"
HELP = "open the kiosk app (the default when no subcommand is given)"
BENCH_ENV = "KIOSK_BENCH_FIRST_SCREEN"


def add_arguments(parser) -> None:  # the launcher's options are the top-level ones
    return None


def add_launch_arguments(parser) -> None:
    """Top-level options of ``kiosk`` itself (called by ``kiosk.cli.build_parser``)."""
    parser.add_argument("--demo", action="store_true", dest="launch_demo",
                        help="load the demo data (cinemas, films, shows and demo staff whose PINs "
                             "are in the README) into an empty database before starting; "
                             "without it an empty database asks for its first manager")


def process_age_ms() -> float:
    """Milliseconds since this process started (see the module docstring for how)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat(5); [0] here is field 3
        ticks = os.sysconf("SC_CLK_TCK")
        boot = time.clock_gettime(time.CLOCK_BOOTTIME)
        return max(0.0, (boot - start_ticks / ticks) * 1000.0)
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - _IMPORTED_AT) * 1000.0


def _close_on_signals(app, window) -> None:
    """SIGTERM / SIGINT close the window properly, so held seats are released at once.

    Python runs signal handlers only when it gets control, which a C++ event loop never gives;
    a slow no-op timer hands control back twice a second.
    """
    import signal

    from PySide6.QtCore import QTimer

    def close(_signum, _frame) -> None:
        QTimer.singleShot(0, window, window.close)
        QTimer.singleShot(0, app.quit)

    for signum in (signal.SIGTERM, signal.SIGINT):
        try:
            signal.signal(signum, close)
        except (ValueError, OSError):  # not the main thread, or not supported here
            return
    heartbeat = QTimer(app)
    heartbeat.setInterval(500)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start()


def _first_run_if_needed(args, config):
    """The first-run screen (``kiosk.ui.first_run``) when the cloud is on and this device has
    no catalogue; returns the config to start with (joined, or the demo), None if closed."""
    from kiosk.cloud.join import needs_first_run
    from kiosk.store.db import open_db

    db = open_db(config.db_path)
    try:
        if not needs_first_run(config, db.conn):
            return config
    finally:
        db.conn.close()
    from kiosk.ui.app import create_application, install_languages
    from kiosk.ui.first_run import FirstRunScreen
    from kiosk.ui.main_thread_gc import collecting_on_gui_thread
    from kiosk.ui.theme import ThemeManager

    app = create_application()
    if ThemeManager.instance() is None:
        ThemeManager(app, config.theme, config.large_text)
    install_languages(config.language)  # the set-up screen speaks the device's language too
    screen = FirstRunScreen(config, config_path=getattr(args, "config", None))
    chosen: list = []

    def joined(result) -> None:
        chosen.append(config.with_overrides(cinema_id=result.cinema_id, kiosk_id=result.kiosk_id))
        screen.close()

    def demo() -> None:
        if not config.cinema_id:  # pressing "Use the demo data instead" is the request for it
            _load_demo(config)
        chosen.append(config)
        screen.close()

    screen.joined.connect(joined)
    screen.demoChosen.connect(demo)
    screen.resize(1280, 800)
    screen.show() if config.windowed else screen.showFullScreen()
    with collecting_on_gui_thread(app):
        app.exec()
    return chosen[0] if chosen else None


def _load_demo(config) -> None:
    """Load the demo dataset (only ever on request: ``--demo`` or the join screen's button)."""
    from kiosk.domain.clock import Clock
    from kiosk.domain.errors import InvalidInput
    from kiosk.store.db import open_db
    from kiosk.store.demo import ensure_demo_data

    if config.cinema_id:
        raise InvalidInput(f"This device belongs to cinema {config.cinema_id}; the demo data "
                           "is never loaded into a cinema's own database. Start without --demo "
                           "(or use another --db for the demo). Nothing was changed.")
    db = open_db(config.db_path)
    try:
        ensure_demo_data(db, Clock(), rounds=config.bcrypt_rounds,
                         cleaning_gap_min=config.cleaning_gap_min)
    finally:
        db.conn.close()


def _watch_first_screen(app, window, name: str) -> None:
    """Bench hook: print how long the process took to show ``window``, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _ExposeWatch(QObject):
        reported = False

        def eventFilter(self, watched, event):  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Expose and not self.reported and \
                    window.windowHandle() is not None and \
                    window.windowHandle().isExposed():
                self.reported = True
                print(f"first-screen-ms={process_age_ms():.1f}", flush=True)
                print(f"first-screen-name={name}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    watch = _ExposeWatch(app)
    window.winId()  # create the native window so its handle exists before show()
    window.windowHandle().installEventFilter(watch)
    QTimer.singleShot(20_000, app.quit)  # never hang a benchmark run


def _first_manager_if_needed(services, config, bench: bool) -> bool | None:
    """The first-manager screen when the database has no staff and no cloud cinema.

    Returns False when not needed, True once the manager was created, None when the screen
    was closed without creating one (or in the bench run, once it was shown)."""
    from kiosk.services.first_run import first_run, has_cinema, needs_first_manager

    if not needs_first_manager(services.deps):
        return False
    from kiosk.ui.app import create_application, install_languages
    from kiosk.ui.first_manager import FirstManagerScreen
    from kiosk.ui.main_thread_gc import collecting_on_gui_thread
    from kiosk.ui.theme import ThemeManager

    app = create_application()
    if ThemeManager.instance() is None:
        ThemeManager(app, config.theme, config.large_text)
    install_languages(config.language)
    deps = services.deps  # used by the screen's worker thread only while this loop runs
    screen = FirstManagerScreen(  # the cinema too, while the database has none
        lambda number, name, pin, again, cinema: first_run(deps, number, name, pin, again,
                                                           cinema),
        kiosk_id=config.kiosk_id, ask_cinema=not has_cinema(deps.conn))
    made: list = []

    def created(record) -> None:
        made.append(record)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(1500, screen.close)  # long enough to read "created"

    screen.created.connect(created)
    if bench:
        _watch_first_screen(app, screen, "first-manager")
    _close_on_signals(app, screen)
    screen.resize(1280, 800)
    screen.show() if config.windowed else screen.showFullScreen()
    with collecting_on_gui_thread(app):
        app.exec()
    return True if made and not bench else None


def run(args, config) -> int:
    bench = os.environ.get(BENCH_ENV, "") not in ("", "0")

    from kiosk.domain.clock import Clock
    from kiosk.services.app import open_services
    from kiosk.store.demo import top_up_demo

    clock = Clock()  # one time source for the services, the cloud gate and (via build_ui) sync
    demo = bool(getattr(args, "launch_demo", False))
    if demo:  # loads it into an empty database, or tops up the demo's shows
        _load_demo(config)
    # open_services wires the gate the configuration calls for (the cloud's when sync is on; no
    # fallback to unrestricted local selling); the sync bridge shares its cloud context.
    if config.cloud.enabled and not bench:
        config = _first_run_if_needed(args, config)
        if config is None:  # the set-up window was closed without joining
            return 0
    services = open_services(config, clock=clock)
    gate = services.gate if config.cloud.enabled else None
    try:
        if not config.cinema_id and not demo:  # a demo database keeps a week of shows
            top_up_demo(services.deps.db, services.deps.clock,
                        cleaning_gap_min=config.cleaning_gap_min)
        first_manager = _first_manager_if_needed(services, config, bench)
        if first_manager is None:  # closed without a manager (or the bench saw the screen)
            return 0

        from kiosk.ui.app import build_ui, create_application

        app = create_application()
        ui = build_ui(services, config, app=app, gate=gate,
                      mode="manager" if first_manager else None)
        window = ui.window

        if bench:
            _watch_first_screen(app, window, "main")

        _close_on_signals(app, window)
        if config.windowed:
            window.resize(1280, 800)
            window.show()
        else:
            window.showFullScreen()
        try:
            code = app.exec()
        finally:
            ui.shutdown()
        return int(code)
    finally:
        services.close()

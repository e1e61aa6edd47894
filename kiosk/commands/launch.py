"""Launch the kiosk app (``kiosk`` with no subcommand).

Start-up budget: the first screen within 1.5 s. Only what the first screen needs is imported
here (QtWidgets, the services, the counter sign-in); QtCharts, the PDF/printing stack, boto3 and
moto load later, when a screen that needs them opens (boto3 only when the cloud is enabled).

Bench hook: with ``KIOSK_BENCH_FIRST_SCREEN=1`` the launcher prints ``first-screen-ms=<float>``
once the main window is exposed, then quits. The time is measured from the *process start*, as
the kernel records it (``/proc/self/stat`` start time against ``CLOCK_BOOTTIME``, 10 ms
resolution), so interpreter start-up and every import count; where /proc is missing it falls back
to the moment this module was imported (which undercounts the interpreter's own start).
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
        chosen.append(config)
        screen.close()

    screen.joined.connect(joined)
    screen.demoChosen.connect(demo)
    screen.resize(1280, 800)
    screen.show() if config.windowed else screen.showFullScreen()
    app.exec()
    return chosen[0] if chosen else None


def run(args, config) -> int:
    bench = os.environ.get(BENCH_ENV, "") not in ("", "0")

    from kiosk.domain.clock import Clock
    from kiosk.services.app import open_services
    from kiosk.store.demo import ensure_demo_data

    clock = Clock()  # one time source for the services, the cloud gate and (via build_ui) sync
    # open_services wires the gate the configuration calls for (the cloud's when sync is on; no
    # fallback to unrestricted local selling); the sync bridge shares its cloud context.
    if config.cloud.enabled and not bench:
        config = _first_run_if_needed(args, config)
        if config is None:  # the set-up window was closed without joining
            return 0
    services = open_services(config, clock=clock)
    gate = services.gate if config.cloud.enabled else None
    try:
        if not config.cinema_id:  # a device of a real cinema never gets the demo data
            ensure_demo_data(services.deps.db, services.deps.clock, rounds=config.bcrypt_rounds,
                             cleaning_gap_min=config.cleaning_gap_min)

        from PySide6.QtCore import QEvent, QObject, QTimer

        from kiosk.ui.app import build_ui, create_application

        app = create_application()
        ui = build_ui(services, config, app=app, gate=gate)
        window = ui.window

        if bench:
            class _ExposeWatch(QObject):
                reported = False

                def eventFilter(self, watched, event):  # noqa: N802 (Qt API)
                    if event.type() == QEvent.Type.Expose and not self.reported and \
                            window.windowHandle() is not None and \
                            window.windowHandle().isExposed():
                        self.reported = True
                        print(f"first-screen-ms={process_age_ms():.1f}", flush=True)
                        QTimer.singleShot(0, app.quit)
                    return False

            watch = _ExposeWatch(app)
            window.winId()  # create the native window so its handle exists before show()
            window.windowHandle().installEventFilter(watch)
            QTimer.singleShot(20_000, app.quit)  # never hang a benchmark run

        _close_on_signals(app, window)
        if config.windowed:
            window.resize(1280, 800)
            window.show()
        else:
            window.showFullScreen()
        code = app.exec()
        ui.shutdown()
        return int(code)
    finally:
        services.close()

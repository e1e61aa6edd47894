"""Unexpected errors: log the whole traceback to a file, show the person a calm sentence.

A counter person must never see a traceback. ``install_error_hooks`` replaces ``sys.excepthook``
and ``threading.excepthook`` (PySide6 routes exceptions raised in slots through
``sys.excepthook``), writes each traceback to ``<data dir>/logs/errors.log`` and shows one
non-modal message. A ``KioskError`` that escapes a screen is a refusal, not a crash: its own
message is shown as it is and nothing is logged as a fault.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from datetime import UTC, datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kiosk.domain.errors import KioskError

log = logging.getLogger("kiosk.crash")


def calm_message() -> str:
    return QCoreApplication.translate(
        "ErrorReporter",
        "Something went wrong. The sale was not completed and your data is safe. "
        "Please try again; if it happens again, call a manager.",
    )


class ErrorReporter(QObject):
    """Receives errors from any thread and shows them on the GUI thread."""

    reported = Signal(str, str)  # kind ("refusal" | "fault"), message shown

    def __init__(self, log_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.log_path = log_path
        self.window: QWidget | None = None  # the dialog's parent, set by the main window
        self.box: QMessageBox | None = None
        self._handler: logging.Handler | None = None
        self._previous_hooks: tuple = ()
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # -- hooks ----------------------------------------------------------------------------------
    def install(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(self.log_path, maxBytes=2_000_000, backupCount=3,
                                      encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        self._handler = handler
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous_hooks:
            sys.excepthook, threading.excepthook = self._previous_hooks
            self._previous_hooks = ()
        if self._handler is not None:
            log.removeHandler(self._handler)
            self._handler.close()
            self._handler = None

    def excepthook(self, exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        self.handle(exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_value, args.exc_traceback,
                        thread=args.thread.name if args.thread else "?")

    def handle(self, exc: BaseException, tb: TracebackType | None = None,
               thread: str = "main") -> str:
        """Log and report one error; returns the text shown (for tests)."""
        if isinstance(exc, KioskError):
            message = str(exc)
            log.info("refusal reached the error hook: %s", message)
            self.reported.emit("refusal", message)
            return message
        text = "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))
        log.error("unhandled error in thread %s at %s\n%s", thread,
                  datetime.now(UTC).isoformat(timespec="seconds"), text)
        if self._handler is not None:
            self._handler.flush()
        message = calm_message()
        self.reported.emit("fault", message)
        return message

    # -- showing --------------------------------------------------------------------------------
    @Slot(str, str)
    def _show(self, kind: str, message: str) -> None:
        if QApplication.instance() is None:
            return
        if self.box is None:
            self.box = QMessageBox(self.window)
            self.box.setObjectName("errorDialog")
            self.box.setWindowModality(Qt.WindowModality.NonModal)
            self.box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.box.setIcon(QMessageBox.Icon.Warning if kind == "fault" else
                         QMessageBox.Icon.Information)
        self.box.setWindowTitle(QCoreApplication.translate("ErrorReporter", "Box Office Kiosk"))
        self.box.setText(message)
        self.box.show()
        self.box.raise_()


_reporter: ErrorReporter | None = None


def install_error_hooks(data_dir: Path) -> ErrorReporter:
    """Install (once) the global hooks; the log goes to ``data_dir/logs/errors.log``."""
    global _reporter
    if _reporter is None:
        _reporter = ErrorReporter(Path(data_dir) / "logs" / "errors.log")
        _reporter.install()
    return _reporter


def reporter() -> ErrorReporter | None:
    return _reporter

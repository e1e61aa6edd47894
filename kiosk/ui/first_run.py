"""First-run screen: the cloud is on but this device has no cinema yet (``needs_first_run``).

Shown by the launcher before the main window. The person setting the device up types the
cinema id (and the kiosk id) the manager gave them and presses Join: ``kiosk.cloud.join`` runs on
a worker thread (network and SQLite, never on the GUI thread) and its progress and refusals are
shown in plain words. "Use the demo data" keeps the old single-machine demo one press away.
The screen itself decides nothing: the join's rules live in ``kiosk.cloud.join``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import Config
from kiosk.domain.errors import KioskError


class Joined(Protocol):
    """What a join returns (``kiosk.cloud.join.JoinResult``): it can say what it did."""

    def summary(self) -> str: ...


JoinFn = Callable[..., Joined]


class FirstRunScreen(QWidget):
    joined = Signal(object)  # kiosk.cloud.join.JoinResult
    demoChosen = Signal()
    _progress = Signal(str)
    _failed = Signal(str)
    _succeeded = Signal(object)

    def __init__(self, config: Config, *, config_path: Path | None = None,
                 join: JoinFn | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstRunScreen")
        self.setWindowTitle(self.tr("Box Office Kiosk: set up this device"))
        self.config = config
        self.config_path = config_path
        self._join = join
        self._busy = False

        card = QFrame(self)
        card.setProperty("role", "card")
        card.setMaximumWidth(720)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

        box = QVBoxLayout(card)
        box.setContentsMargins(32, 28, 32, 28)
        box.setSpacing(12)
        title = QLabel(self.tr("Join this device to a cinema"), card)
        title.setProperty("role", "title")
        where = config.cloud.endpoint_url or config.cloud.region
        intro = QLabel(self.tr(
            "The cloud is switched on ({where}, table {table}), but this device has no cinema "
            "yet. Enter the cinema id your manager gave you. The device will fetch the "
            "schedule, prices and staff list from the cloud; no demo data is loaded.").format(
                where=where, table=config.cloud.table), card)
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        id_chars = QRegularExpressionValidator(QRegularExpression(r"[A-Za-z0-9_.-]{0,64}"))
        self.cinema = QLineEdit(config.cinema_id, card)
        self.cinema.setObjectName("firstRunCinema")
        self.cinema.setPlaceholderText(self.tr("cinema id, e.g. hyd-central"))
        self.cinema.setValidator(id_chars)
        self.cinema.setMinimumHeight(48)
        self.kiosk = QLineEdit(config.kiosk_id, card)
        self.kiosk.setObjectName("firstRunKiosk")
        self.kiosk.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"[A-Za-z0-9_.-]{0,64}")))
        self.kiosk.setMinimumHeight(48)
        self.status = QLabel("", card)
        self.status.setObjectName("firstRunStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.join_button = QPushButton(self.tr("Join cinema"), card)
        self.join_button.setObjectName("firstRunJoin")
        self.join_button.setProperty("role", "primary")
        self.join_button.setMinimumHeight(56)
        self.demo_button = QPushButton(self.tr("Use the demo data instead"), card)
        self.demo_button.setObjectName("firstRunDemo")
        self.demo_button.setMinimumHeight(48)

        box.addWidget(title)
        box.addWidget(intro)
        box.addWidget(QLabel(self.tr("Cinema id"), card))
        box.addWidget(self.cinema)
        box.addWidget(QLabel(self.tr("This device's kiosk id"), card))
        box.addWidget(self.kiosk)
        box.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button, 1)
        buttons.addWidget(self.join_button, 2)
        box.addLayout(buttons)

        self.join_button.clicked.connect(self.start_join)
        self.cinema.returnPressed.connect(self.start_join)
        self.demo_button.clicked.connect(self.demoChosen)
        self._progress.connect(self._show_progress)
        self._failed.connect(self._show_failure)
        self._succeeded.connect(self._done)
        self.cinema.textChanged.connect(self._update_enabled)
        self._update_enabled()
        self.cinema.setFocus()

    @Slot()
    def _update_enabled(self) -> None:
        self.join_button.setEnabled(bool(self.cinema.text().strip()) and not self._busy)

    @Slot()
    def start_join(self) -> None:
        """Run the join on a worker thread; the result comes back through queued signals."""
        cinema = self.cinema.text().strip()
        if self._busy or not cinema:
            return
        self._busy = True
        self._update_enabled()
        self.demo_button.setEnabled(False)
        self.status.setProperty("role", "muted")
        self._restyle()
        self.status.setText(self.tr("Joining {cinema} ...").format(cinema=cinema))
        kiosk = self.kiosk.text().strip() or None
        join = self._join
        if join is None:
            from kiosk.cloud.join import join_cinema as join

        def work() -> None:
            try:
                result = join(self.config, cinema, kiosk_id=kiosk, config_path=self.config_path,
                              progress=self._progress.emit)
            except KioskError as err:
                self._failed.emit(str(err))
            except Exception as err:  # noqa: BLE001 - shown, and the person can try again
                self._failed.emit(self.tr("Joining failed unexpectedly: {error}").format(
                    error=err))
            else:
                self._succeeded.emit(result)

        threading.Thread(target=work, name="first-run-join", daemon=True).start()

    def _restyle(self) -> None:
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    @Slot(str)
    def _show_progress(self, text: str) -> None:
        self.status.setText(text)

    @Slot(str)
    def _show_failure(self, text: str) -> None:
        self._busy = False
        self.status.setProperty("role", "bad")
        self._restyle()
        self.status.setText(text)
        self.demo_button.setEnabled(True)
        self._update_enabled()

    @Slot(object)
    def _done(self, result: Joined) -> None:
        self._busy = False
        self.status.setText(result.summary())
        self.joined.emit(result)

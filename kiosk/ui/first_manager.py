"""First-manager screen: an empty production database (no staff, no cloud cinema) on first start.

Shown by the launcher before the main window (``kiosk.commands.launch``), as the cloud's join
screen (``kiosk.ui.first_run``) is. The person setting the kiosk up types the first manager's
name, staff number and PIN twice and, on a database without a cinema (``ask_cinema``), the
cinema beside it: name, city, time zone (a searchable list of the IANA zones, the machine's
first), currency (a short list or any three letters) and, optionally, its id.
``kiosk.services.first_run.first_run`` runs on a worker thread (bcrypt is slow on purpose) and
decides everything: the PIN policy, the PINs matching, the zone and currency, and that no staff
exist yet; it writes the cinema and the manager in one transaction. The screen only shows the
policy up front and the service's refusals in its words. The demo data is NOT loaded here: that
is ``kiosk --demo``.
"""

from __future__ import annotations

import os
import threading
import zoneinfo
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import KioskError
from kiosk.domain.pin_policy import PIN_MAX_DIGITS, PIN_MIN_DIGITS
from kiosk.services.first_run import (
    COMMON_CURRENCIES,
    CinemaEntry,
    FirstRun,
    cinema_id_from_name,
)
from kiosk.services.staff_admin import StaffRecord

# (staff_number, name, pin, pin_again, cinema or None) -> FirstRun (or a StaffRecord)
CreateFn = Callable[[str, str, str, str, CinemaEntry | None], FirstRun | StaffRecord]


def machine_timezone(localtime: Path = Path("/etc/localtime")) -> str:
    """The IANA name of this machine's zone ($TZ, the /etc/localtime link, /etc/timezone), or
    UTC: only the list's starting choice, the person confirms it."""
    known = zoneinfo.available_timezones()
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    try:
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    return next((zone for zone in candidates if zone in known), "UTC")


def _heading(label: QLabel) -> None:
    """A column heading: bold body text (the "title" role is the screen's one title)."""
    font = label.font()
    font.setBold(True)
    label.setFont(font)


class FirstManagerScreen(QWidget):
    created = Signal(object)  # kiosk.services.staff_admin.StaffRecord
    _failed = Signal(str)
    _succeeded = Signal(object)

    def __init__(self, create: CreateFn, *, kiosk_id: str = "", ask_cinema: bool = True,
                 timezone: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstManagerScreen")
        self.setWindowTitle(self.tr("Box Office Kiosk: create the first manager"))
        self._create = create
        self._busy = False
        self.ask_cinema = ask_cinema

        card = QFrame(self)
        card.setProperty("role", "card")
        card.setMaximumWidth(1180 if ask_cinema else 760)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 12 if ask_cinema else 3)  # two columns need the width
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

        box = QVBoxLayout(card)
        box.setContentsMargins(32, 28, 32, 28)
        box.setSpacing(12)
        title = QLabel(self.tr("Create the first manager"), card)
        title.setProperty("role", "title")
        intro = QLabel(self.tr(
            "This kiosk ({kiosk}) has no staff yet. Enter the manager who sets it up: they "
            "sign in to the manager console next, add the cinema's films, halls and shows, and "
            "add the other staff. No demo data is loaded; to try the kiosk with demo data "
            "instead, start it with kiosk --demo.").format(kiosk=kiosk_id or "-"), card)
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")

        self.name = QLineEdit(card)
        self.name.setObjectName("firstManagerName")
        self.name.setMaxLength(80)
        self.name.setPlaceholderText(self.tr("full name"))
        self.number = QLineEdit(card)
        self.number.setObjectName("firstManagerNumber")
        self.number.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,8}")))
        self.number.setPlaceholderText(self.tr("3 to 8 digits"))
        digits = QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{PIN_MAX_DIGITS}}}"))
        self.pin = QLineEdit(card)
        self.pin.setObjectName("firstManagerPin")
        self.pin_again = QLineEdit(card)
        self.pin_again.setObjectName("firstManagerPinAgain")
        for field in (self.pin, self.pin_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setValidator(digits)
            field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                                      | Qt.InputMethodHint.ImhSensitiveData)
        for field in (self.name, self.number, self.pin, self.pin_again):
            field.setMinimumHeight(48)
            field.setMinimumWidth(220)
        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Staff number"), self.number)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        self.cinema_box = self._cinema_fields(card, timezone or machine_timezone())
        self.cinema_box.setVisible(ask_cinema)
        columns = QHBoxLayout()
        columns.setSpacing(28)
        manager_box = QVBoxLayout()
        manager_box.setSpacing(10)  # as the cinema column (a nested layout takes its parent's)
        manager_title = QLabel(self.tr("The manager"), card)
        _heading(manager_title)
        manager_box.addWidget(manager_title)
        manager_box.addLayout(form)
        manager_box.addStretch(1)
        columns.addLayout(manager_box, 1)
        columns.addWidget(self.cinema_box, 1)
        self.policy = QLabel(self.tr(
            "The PIN is {low} to {high} digits, not one digit repeated (like 0000) and not a "
            "run (like 1234 or 9876).").format(low=PIN_MIN_DIGITS, high=PIN_MAX_DIGITS), card)
        self.policy.setObjectName("firstManagerPolicy")
        self.policy.setWordWrap(True)
        self.policy.setProperty("role", "muted")
        self.status = QLabel("", card)
        self.status.setObjectName("firstManagerStatus")
        self.status.setWordWrap(True)
        self.create_button = QPushButton(
            self.tr("Create the cinema and the manager") if ask_cinema
            else self.tr("Create manager"), card)
        self.create_button.setObjectName("firstManagerCreate")
        self.create_button.setProperty("role", "primary")
        self.create_button.setMinimumHeight(56)

        box.addWidget(title)
        box.addWidget(intro)
        box.addLayout(columns)
        box.addWidget(self.policy)
        box.addWidget(self.status)
        box.addWidget(self.create_button)

        self.create_button.clicked.connect(self.start_create)
        self.pin_again.returnPressed.connect(self.start_create)
        self.name.returnPressed.connect(self.number.setFocus)
        self.number.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.pin_again.setFocus)
        for field in (self.name, self.number, self.pin, self.pin_again, self.cinema_name,
                      self.city, self.cinema_id, self.timezone.lineEdit(),
                      self.currency.lineEdit()):
            field.textChanged.connect(self._update_enabled)
        self.cinema_name.textChanged.connect(self._suggest_id)
        self._failed.connect(self._show_failure)
        self._succeeded.connect(self._done)
        self._update_enabled()
        self.name.setFocus()

    def _cinema_fields(self, card: QWidget, zone: str) -> QWidget:
        """The cinema column: what the first run needs to create the cinema."""
        box = QWidget(card)
        box.setObjectName("firstRunCinema")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        title = QLabel(self.tr("The cinema"), box)
        _heading(title)
        self.cinema_name = QLineEdit(box)
        self.cinema_name.setObjectName("firstRunCinemaName")
        self.cinema_name.setMaxLength(80)
        self.cinema_name.setPlaceholderText(self.tr("as customers know it"))
        self.city = QLineEdit(box)
        self.city.setObjectName("firstRunCity")
        self.city.setMaxLength(80)
        self.timezone = QComboBox(box)
        self.timezone.setObjectName("firstRunTimezone")
        self.timezone.setEditable(True)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone.addItems(sorted(zoneinfo.available_timezones()))
        completer = QCompleter(self.timezone.model(), self.timezone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "kolk" finds Asia/Kolkata
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.timezone.setCompleter(completer)
        self.timezone.setCurrentText(zone)
        self.currency = QComboBox(box)
        self.currency.setObjectName("firstRunCurrency")
        self.currency.setEditable(True)
        self.currency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency.addItems(list(COMMON_CURRENCIES))
        self.currency.lineEdit().setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}")))
        self.currency.lineEdit().textEdited.connect(self._upper_currency)
        self.cinema_id = QLineEdit(box)
        self.cinema_id.setObjectName("firstRunCinemaId")
        self.cinema_id.setMaxLength(64)
        self.cinema_id.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z0-9._-]{0,64}")))
        for field in (self.cinema_name, self.city, self.timezone, self.currency, self.cinema_id):
            field.setMinimumHeight(48)
        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(self.tr("Cinema name"), self.cinema_name)
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Cinema id (optional)"), self.cinema_id)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addStretch(1)
        self._suggest_id("")
        return box

    @Slot(str)
    def _suggest_id(self, name: str) -> None:
        """The id the service will make from the name, shown until one is typed."""
        self.cinema_id.setPlaceholderText(
            cinema_id_from_name(name) if name.strip() else self.tr("made from the name"))

    @Slot(str)
    def _upper_currency(self, text: str) -> None:
        if text != text.upper():
            self.currency.lineEdit().setText(text.upper())

    def cinema_entry(self) -> CinemaEntry | None:
        if not self.ask_cinema:
            return None
        return CinemaEntry(name=self.cinema_name.text(), city=self.city.text(),
                           timezone=self.timezone.currentText(),
                           currency=self.currency.currentText(), cinema_id=self.cinema_id.text())

    def _filled(self) -> bool:
        fields = [self.name, self.number, self.pin, self.pin_again]
        texts = [f.text() for f in fields]
        if self.ask_cinema:
            texts += [self.cinema_name.text(), self.city.text(), self.timezone.currentText(),
                      self.currency.currentText()]
        return all(t.strip() for t in texts)

    @Slot()
    def _update_enabled(self) -> None:
        self.create_button.setEnabled(self._filled() and not self._busy)

    def _set_status(self, text: str, role: str) -> None:
        self.status.setProperty("role", role)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)
        # a wrapped label keeps the height of its first text: make room for every line
        self.status.setMinimumHeight(self.status.heightForWidth(max(self.status.width(), 400)))

    @Slot()
    def start_create(self) -> None:
        """Hand the four entries to the service on a worker thread (bcrypt takes a while)."""
        if self._busy or not self._filled():
            return
        self._busy = True
        self._update_enabled()
        self._set_status(self.tr("Creating the manager ..."), "muted")
        entries = (self.number.text(), self.name.text(), self.pin.text(), self.pin_again.text(),
                   self.cinema_entry())
        create = self._create

        def work() -> None:
            try:
                record = create(*entries)
            except KioskError as err:
                self._failed.emit(str(err))
            except Exception as err:  # noqa: BLE001 - shown; the person can try again
                self._failed.emit(self.tr("Could not create the manager: {error}").format(
                    error=err))
            else:
                self._succeeded.emit(record)

        threading.Thread(target=work, name="first-manager", daemon=True).start()

    @Slot(str)
    def _show_failure(self, text: str) -> None:
        self._busy = False
        self.pin.clear()  # a refused PIN is typed again, twice
        self.pin_again.clear()
        self._set_status(text, "bad")
        self._update_enabled()
        self.pin.setFocus()

    @Slot(object)
    def _done(self, result: FirstRun | StaffRecord) -> None:
        self._busy = False
        self.pin.clear()
        self.pin_again.clear()
        made = result if isinstance(result, FirstRun) else FirstRun(manager=result, cinema=None)
        record = made.manager
        text = self.tr("Manager {name} ({number}) created. Sign in with that staff "
                       "number and PIN.").format(name=record.name, number=record.staff_number)
        cinema = made.cinema
        if cinema is not None:
            text = self.tr("Cinema {cinema} ({id}) created.").format(
                cinema=cinema.name, id=cinema.cinema_id) + " " + text
        note = made.limits_note
        self._set_status(f"{text}\n{note}" if note else text, "good")
        self.created.emit(record)

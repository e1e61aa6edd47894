"""Door mode (``--mode door``, issue 13 point 2): a full-screen scanner for the usher.

An usher signs in, names the door (and, where the door leads to one hall, picks it), then scans:
a barcode scanner is a keyboard, so the always-focused scan field takes the code and its Enter.
The answer fills the screen: green ADMIT with the count, film, hall and seats, or red with the
reason. The check is ``AdmissionService.admit`` on the bridge's worker (never on the GUI
thread); today's bookings are pulled every minute so the door can admit while offline.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import Config
from kiosk.domain import admission as rules
from kiosk.domain.admission import Decision
from kiosk.domain.errors import KioskError
from kiosk.services.admissions import Admission, door_setting
from kiosk.services.app import Services
from kiosk.services.models import Actor
from kiosk.ui.bridge import Bridge
from kiosk.ui.dates import day_time_text, time_text
from kiosk.ui.page_names import DoorPage
from kiosk.ui.pages import Page, PageStack
from kiosk.ui.widgets.banner import MessageBanner
from kiosk.ui.widgets.signin import SignInPanel

RESULT_SHOWN_MS = 6000  # then the screen says it is ready for the next ticket
PREFETCH_MS = 60_000

_COLOURS = {  # background, text: readable from a metre away, in either theme
    "admit": ("#0b6e35", "#ffffff"),
    "refuse": ("#a3151b", "#ffffff"),
    "ready": ("#1d2733", "#ffffff"),
}




translate = QCoreApplication.translate  # literal translate("Context", "words") calls: lupdate files them


def refusal_text(decision: Decision) -> str:
    """Why not, in the screen's language, from the decision's code and facts (the service's
    sentence is English, for the log): what the usher reads out."""
    film, hall = decision.fact("film", ""), decision.fact("hall", "")
    start, opens, at = decision.fact("start"), decision.fact("opens"), decision.fact("at")
    reason = decision.reason
    if reason == rules.EXCHANGED:
        return translate("DoorMode", "This ticket was exchanged or cancelled: it admits nobody. The customer's "
                   "new ticket admits them.")
    if reason == rules.REFUNDED:
        return translate("DoorMode", "Refunded: this ticket is no longer valid.")
    if reason == rules.NOT_VALID:
        return translate("DoorMode", "This booking is not valid for entry (its seats went to another sale "
                   "first). Send the customer to the box office.")
    if reason == rules.WRONG_HALL and start is not None:
        return (translate("DoorMode", "Wrong hall: this ticket is for %1 (%2, %3).").replace("%1", hall)
                .replace("%2", film).replace("%3", day_time_text(start)))
    if reason == rules.WRONG_DAY and start is not None:
        return translate("DoorMode", "Wrong day: this ticket is for %1.").replace("%1", day_time_text(start))
    if reason == rules.WRONG_SHOW and start is not None:
        return (translate("DoorMode", "Wrong show: this ticket is for %1 at %2.").replace("%1", film)
                .replace("%2", time_text(start)))
    if reason == rules.TOO_EARLY and opens is not None:
        return (translate("DoorMode", "Too early: doors for %1 open at %2.").replace("%1", film)
                .replace("%2", time_text(opens)))
    if reason == rules.ENDED and start is not None:
        return translate("DoorMode", "This show has ended (it started at %1).").replace("%1", time_text(start))
    if reason == rules.ALREADY and at is not None:
        return (translate("DoorMode", "Already admitted at %1, %2. Do not admit again; ask a manager if in "
                    "doubt.").replace("%1", decision.fact("door", "")).replace("%2", time_text(at)))
    if reason == rules.NOT_FOUND:
        return translate("DoorMode", "No booking %1 for this cinema. Check the ticket, or send the customer to "
                   "the box office.").replace("%1", decision.fact("reference", ""))
    if reason == rules.FORGED:
        return translate("DoorMode", "This ticket's code is not genuine or not of this box office. Do not admit: "
                   "send the customer to the box office.")
    if reason == rules.UNREADABLE:
        return translate("DoorMode", "The scan was not read as a ticket. Scan the QR code again; a reference "
                   "read out must be typed in (Type a reference).")
    return decision.text


class ResultPanel(QFrame):
    """The big answer: one word, then what the usher needs to say or check."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("doorResult")
        self.headline = QLabel("", self)
        self.headline.setObjectName("doorHeadline")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel("", self)
        self.detail.setObjectName("doorDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(1)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        # one sheet for every state (set before the first layout, so the labels' sizes are
        # those of their big fonts); the state is a property the sheet selects on
        self.setStyleSheet(
            "".join(f'QFrame#doorResult[state="{state}"] {{ background: {bg}; '
                    "border-radius: 16px; }"
                    f'QFrame#doorResult[state="{state}"] QLabel {{ color: {ink}; }}'
                    for state, (bg, ink) in _COLOURS.items())
            + "QFrame#doorResult QLabel { background: transparent; }"
            "QLabel#doorHeadline { font-size: 88px; font-weight: 800; }"
            "QLabel#doorDetail { font-size: 30px; font-weight: 600; }")
        self.state = "ready"

    def show_state(self, state: str, headline: str, detail: str) -> None:
        self.state = state
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)
        for label in (self.headline, self.detail):
            label.style().unpolish(label)
            label.style().polish(label)
        self.headline.setText(headline)
        self.detail.setText(detail)


class DoorSignInPage(Page):
    """The usher's sign-in keypad."""

    name = DoorPage.SIGNIN

    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = SignInPanel(bridge, self, title=self.tr("Door: usher sign-in"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

    def enter(self) -> None:
        self.panel.focus_first()

    def back(self) -> None:
        """Nowhere to go back to: the door is signed out."""


class DoorScreen(Page):
    """Scanning, for one signed-in usher.

    Signals:
        signOutRequested(): the usher pressed Sign out.
        scanned(Admission): a scan was answered (tests and a future door log).
    """

    name = DoorPage.SCAN
    signOutRequested = Signal()
    scanned = Signal(object)

    def __init__(self, services: Services, bridge: Bridge, config: Config, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.bridge, self.config, self.actor = services, bridge, config, actor
        assert services.admissions is not None, "door mode needs the admissions service"
        self.admissions = services.admissions
        self.setObjectName("doorScreen")

        self.door_name = QLineEdit(config.door_name, self)
        self.door_name.setObjectName("doorName")
        self.door_name.setPlaceholderText(self.tr("Door name, e.g. Door 2"))
        self.door_name.setMaxLength(40)
        self.hall = QComboBox(self)
        self.hall.setObjectName("doorHall")
        self.hall.addItem(self.tr("Every hall"), "")
        for hall_id, name in self._halls():
            self.hall.addItem(name, hall_id)
        index = self.hall.findData(config.door_hall)
        self.hall.setCurrentIndex(max(0, index))
        who = QLabel(f"{actor.name} ({actor.staff_number})", self)
        who.setProperty("role", "muted")
        self.count_label = QLabel("", self)
        self.count_label.setObjectName("doorCount")
        self.count_label.setProperty("role", "title")
        self.pull_label = QLabel("", self)
        self.pull_label.setObjectName("doorPull")
        self.pull_label.setProperty("role", "muted")
        sign_out = QPushButton(self.tr("Sign out"), self)
        sign_out.setObjectName("doorSignOut")
        sign_out.clicked.connect(self.signOutRequested)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Door"), self))
        top.addWidget(self.door_name, 2)
        top.addWidget(QLabel(self.tr("Hall"), self))
        top.addWidget(self.hall, 2)
        top.addStretch(1)
        top.addWidget(who)
        top.addWidget(sign_out)

        self.result = ResultPanel(self)
        self.scan_field = QLineEdit(self)
        self.scan_field.setObjectName("doorScan")
        self.scan_field.setProperty("role", "big")
        self.scan_field.setPlaceholderText(self.tr("Scan the ticket's QR code"))
        self.scan_field.setMaxLength(300)
        self.scan_field.returnPressed.connect(self.scan)
        self.typed_button = QPushButton(self.tr("Type a reference"), self)
        self.typed_button.setObjectName("doorTyped")
        self.typed_button.setCheckable(True)
        self.typed_button.setMinimumHeight(56)
        self.typed_button.toggled.connect(self._typed_toggled)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_field, 1)
        scan_row.addWidget(self.typed_button)

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.pull_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addWidget(self.result, 1)
        layout.addLayout(scan_row)
        layout.addLayout(bottom)

        self.reset_timer = QTimer(self)
        self.reset_timer.setSingleShot(True)
        self.reset_timer.setInterval(RESULT_SHOWN_MS)
        self.reset_timer.timeout.connect(self.show_ready)
        self.prefetch_timer = QTimer(self)
        self.prefetch_timer.setInterval(PREFETCH_MS)
        self.prefetch_timer.timeout.connect(self.prefetch)
        self.prefetch_timer.start()
        self._busy = False
        self.show_ready()
        self._update_count()
        QTimer.singleShot(0, self, self.prefetch)

    def _halls(self) -> list[tuple[str, str]]:
        halls = self.services.catalogue.halls(self.config.cinema_id or None)
        several = len({h["cinema_id"] for h in halls}) > 1
        return [(h["id"], f"{h['cinema_name']} · {h['name']}" if several else h["name"])
                for h in halls]

    # -- scanning ---------------------------------------------------------------------------------
    @Slot(bool)
    def _typed_toggled(self, typed: bool) -> None:
        self.scan_field.setPlaceholderText(
            self.tr("Type the booking reference, e.g. K7QX-4M2P, then Enter") if typed
            else self.tr("Scan the ticket's QR code"))
        self.scan_field.setFocus()

    @Slot()
    def show_ready(self) -> None:
        if not self.door_name.text().strip():
            self.result.show_state("ready", self.tr("Name this door"),
                                   self.tr("Type the door's name above (for example Door 2), "
                                           "then scan tickets."))
        else:
            self.result.show_state("ready", self.tr("Ready"),
                                   self.tr("Scan the next ticket."))
        self.scan_field.setFocus()

    @Slot()
    def scan(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        if self._busy or not text.strip():
            return
        try:
            door = door_setting(self.door_name.text(), self.hall.currentData() or "")
        except KioskError as err:
            self._show_refusal(self.tr("No door name"), str(err))
            return
        typed = self.typed_button.isChecked()
        self.typed_button.setChecked(False)
        self._busy = True
        self.bridge.submit(self.admissions.admit, self.actor, text, door, typed=typed,
                           name="admit", on_done=self._answered, on_error=self._failed)

    @Slot(object)
    def _answered(self, result: Admission) -> None:
        self._busy = False
        decision = result.decision
        if decision.admit:
            ticket = result.ticket
            count = len(ticket.seats) if ticket else 0
            headline = self.tr("ADMIT %1").replace("%1", str(count))
            detail = (f"{ticket.film_title} · {ticket.hall_name}\n"
                      + self.tr("Seats %1").replace("%1", ", ".join(ticket.seats))
                      if ticket else decision.text)
            if result.offline:
                detail += "\n" + self.tr("(offline: recorded here, sent when back online)")
            self.result.show_state("admit", headline, detail)
        else:
            self._show_refusal(self.tr("DO NOT ADMIT"), refusal_text(decision))
        self.reset_timer.start()
        self._update_count()
        self.scan_field.setFocus()
        self.scanned.emit(result)

    def _show_refusal(self, headline: str, detail: str) -> None:
        self.result.show_state("refuse", headline, detail)
        self.reset_timer.start()
        self.scan_field.setFocus()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._busy = False
        text = str(error) if isinstance(error, KioskError) else self.tr(
            "The scan could not be checked (%1). Try again; if it keeps failing, call a manager."
        ).replace("%1", type(error).__name__)
        self._show_refusal(self.tr("DO NOT ADMIT"), text)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("Admitted today: %1").replace(
            "%1", str(self.admissions.admitted_today())))

    # -- today's bookings, for offline admission ---------------------------------------------
    @Slot()
    def prefetch(self) -> None:
        self.bridge.submit(self.admissions.prefetch, name="door-prefetch",
                           on_done=self._prefetched, on_error=self._prefetch_failed)

    @Slot(bool)
    def _prefetched(self, pulled: bool) -> None:
        at = self.bridge.call(self.admissions.local_now)  # the cinema's clock
        self.pull_label.setText(
            self.tr("Today's bookings pulled at %1").replace("%1", time_text(at))
            if pulled else self.tr("This door checks this device's own bookings (no cloud)."))

    @Slot(object)
    def _prefetch_failed(self, error: BaseException) -> None:
        self.pull_label.setText(self.tr("Offline: admitting from the bookings pulled earlier."))

    def first_focus(self) -> QWidget | None:
        return self.scan_field

    def back(self) -> None:
        """Esc: the ready screen again (the answer shown is dismissed)."""
        self.reset_timer.stop()
        self.show_ready()

    def shutdown(self) -> None:
        self.prefetch_timer.stop()
        self.reset_timer.stop()


class DoorMode(QWidget):
    """Sign-in, then the door screen; signing out returns to sign-in.

    Signals:
        signedIn(Actor): an usher signed in.
    """

    signedIn = Signal(object)

    def __init__(self, services: Services, bridge: Bridge, config: Config,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.bridge, self.config = services, bridge, config
        self.stack = PageStack(self)
        self.signin_page = DoorSignInPage(bridge, self)
        self.signin = self.signin_page.panel
        self.stack.add(self.signin_page)
        self.scan_screen: DoorScreen | None = None
        self.banner = MessageBanner(self)  # a background call's failure (kiosk.ui.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack)
        self.banner.follow()
        self.signin.signedIn.connect(self._signed_in)

    @Slot(object)
    def _signed_in(self, actor: Actor) -> None:
        self.scan_screen = DoorScreen(self.services, self.bridge, self.config, actor, self)
        self.scan_screen.signOutRequested.connect(self.sign_out)
        self.stack.add(self.scan_screen)
        self.stack.go(DoorPage.SCAN)
        self.signedIn.emit(actor)

    @Slot()
    def sign_out(self) -> None:
        self.banner.clear()  # the next usher starts with a clean screen
        self.stack.go(DoorPage.SIGNIN)
        if self.scan_screen is not None:
            actor = self.scan_screen.actor
            self.scan_screen.shutdown()
            self.scan_screen = None
            self.stack.remove(DoorPage.SCAN)
            try:
                self.services.auth.sign_out(actor)
            except KioskError:
                pass

    def shutdown(self) -> None:
        if self.scan_screen is not None:
            self.scan_screen.shutdown()

    def detach(self) -> None:
        """Before a rebuild (language change): the timers stop, the usher stays signed in."""
        self.shutdown()

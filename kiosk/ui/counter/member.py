"""The basket's loyalty member: find by mobile number, join, see points and recent sales.

A thin widget over ``LoyaltyService``: what it finds is put on the sale (``Sale.member``), the
basket is priced again (member prices) and the payment screen offers the member's points.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.errors import KioskError, NotFound
from kiosk.domain.loyalty import masked_phone
from kiosk.domain.money import format_money
from kiosk.services.loyalty import Member
from kiosk.ui import message
from kiosk.ui.dates import day_time_text

if TYPE_CHECKING:
    from kiosk.ui.counter.screen import Screen

HISTORY_SHOWN = 5


class MemberBar(QWidget):
    changed = Signal()  # a member was found, joined or removed

    def __init__(self, screen: Screen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.member: Member | None = None
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setObjectName("memberPhone")
        self.phone_edit.setPlaceholderText(self.tr("Member's mobile number"))
        self.phone_edit.setAccessibleName(self.tr("Member's mobile number"))
        self.phone_edit.setMaxLength(20)
        self.phone_edit.returnPressed.connect(self.find)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("memberName")
        self.name_edit.setPlaceholderText(self.tr("Name (optional)"))
        self.name_edit.setAccessibleName(self.tr("New member's name (optional)"))
        self.name_edit.setMaxLength(60)
        self.name_edit.hide()
        self.find_button = QPushButton(self.tr("Find member"), self)
        self.find_button.setObjectName("findMember")
        self.find_button.clicked.connect(self.find)
        self.join_button = QPushButton(self.tr("Join"), self)
        self.join_button.setObjectName("joinMember")
        self.join_button.clicked.connect(self.join)
        self.join_button.hide()
        self.history_button = QPushButton(self.tr("History"), self)
        self.history_button.setObjectName("memberHistory")
        self.history_button.setCheckable(True)
        self.history_button.toggled.connect(self._toggle_history)
        self.remove_button = QPushButton(self.tr("No member"), self)
        self.remove_button.setObjectName("removeMember")
        self.remove_button.clicked.connect(self.remove)
        for button in (self.find_button, self.join_button, self.history_button,
                       self.remove_button):  # whole words in every language
            button.setMinimumWidth(button.sizeHint().width() + 24)
        self.status = QLabel("", self)
        self.status.setObjectName("memberStatus")
        self.status.setWordWrap(True)
        self.history = QLabel("", self)
        self.history.setObjectName("memberVisits")
        self.history.setProperty("role", "muted")
        self.history.setWordWrap(True)
        self.history.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.phone_edit, 2)
        row.addWidget(self.name_edit, 2)
        row.addWidget(self.find_button)
        row.addWidget(self.join_button)
        row.addWidget(self.history_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)  # what may grow sits above the buttons, so they never move
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.history)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self._show(None)

    # -- the sale's member ----------------------------------------------------------------------
    @property
    def currency(self) -> str:
        show = self.screen.session.sale.show
        return show.summary.currency if show is not None else "INR"

    def set_member(self, member: Member | None) -> None:
        """Show the sale's member (on entering the basket again) without asking the service."""
        self._show(member)

    @Slot()
    def find(self) -> None:
        self.screen.ctl.note_activity()
        typed = self.phone_edit.text().strip()
        if not typed:
            self.status.setText(self.tr("Type the member's mobile number."))
            return
        try:
            member = self.screen.bridge.call(self.screen.services.loyalty.find, typed,
                                             self.currency, self.screen.session.actor)
        except NotFound as missing:
            self._offer_join(str(missing))
            return
        except KioskError as err:
            self.status.setText(str(err))
            return
        self._use(member)

    @Slot()
    def join(self) -> None:
        self.screen.ctl.note_activity()
        try:
            member = self.screen.bridge.call(
                self.screen.services.loyalty.join, self.screen.session.actor,
                self.phone_edit.text().strip(), self.currency, self.name_edit.text().strip())
        except KioskError as err:
            self.status.setText(str(err))
            return
        self._use(member)
        message.ok(self.tr("Member %1 joined.").replace("%1", masked_phone(member.phone)))

    @Slot()
    def remove(self) -> None:
        self.phone_edit.clear()
        self.name_edit.clear()
        self._use(None)

    def _use(self, member: Member | None) -> None:
        self.screen.session.sale.member = member
        self._show(member)
        self.changed.emit()

    def _offer_join(self, message: str) -> None:
        self.status.setText(message)
        self.name_edit.show()
        self.join_button.show()
        self.name_edit.setFocus()

    def _show(self, member: Member | None) -> None:
        self.member = member
        found = member is not None
        self.phone_edit.setVisible(not found)
        self.find_button.setVisible(not found)
        self.history_button.setVisible(found)
        self.remove_button.setVisible(found)
        self.name_edit.hide()
        self.join_button.hide()
        self.history_button.setChecked(False)
        if member is None:
            self.status.setText("")
            return
        who = f"{member.name} · " if member.name else ""
        text = self.tr("%1%2 · %3 points (worth %4)").replace("%1", who).replace(
            "%2", masked_phone(member.phone)).replace("%3", f"{member.points:,}").replace(
            "%4", format_money(member.value_minor(self.currency), self.currency))
        if not member.current:
            text += " · " + self.tr("last known: the cloud cannot be asked now")
        self.status.setText(text)

    @Slot(bool)
    def _toggle_history(self, shown: bool) -> None:
        if not shown or self.member is None:
            self.history.hide()
            return
        try:
            visits = self.screen.bridge.call(self.screen.services.loyalty.history,
                                             self.screen.session.actor, self.member.phone,
                                             self.currency)
        except KioskError as err:
            self.history.setText(str(err))
            self.history.show()
            return
        zone = self.screen.session.sale.show.summary.local_start.tzinfo
        lines = [f"{day_time_text(v.at, zone=zone)}  ·  {v.reference}  ·  {v.what}  ·  "
                 f"{format_money(v.amount_minor, v.currency) if v.currency else ''}  ·  "
                 + self.tr("+%1 points").replace("%1", f"{v.points:,}")
                 for v in visits[:HISTORY_SHOWN]]
        self.history.setText("\n".join(lines) or self.tr("No sales yet."))
        self.history.show()

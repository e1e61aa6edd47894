"""Staff admin: add staff with a PIN, reset a PIN, unlock, deactivate / reactivate, change role.

Hashing a PIN takes a quarter of a second by design, so add and reset run on the bridge's worker
thread; the screen stays responsive and shows the outcome in its banner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit

from kiosk.domain.pin_policy import PIN_MAX_DIGITS, PIN_MIN_DIGITS
from kiosk.ui import dates
from kiosk.ui.manager.common import Col, ManagerScreen, RowsModel, SortedTable, button, card
from kiosk.ui.page_names import ManagerPage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.manager.context import ManagerContext

COLUMNS = (
    Col("staff_number", QT_TRANSLATE_NOOP("StaffScreen", "Staff no.")), Col("name", QT_TRANSLATE_NOOP("StaffScreen", "Name")), Col("role", QT_TRANSLATE_NOOP("StaffScreen", "Role"), "role"),
    Col("active", QT_TRANSLATE_NOOP("StaffScreen", "Active"), "bool"), Col("failed", QT_TRANSLATE_NOOP("StaffScreen", "Wrong PINs"), "int"), Col("locked", QT_TRANSLATE_NOOP("StaffScreen", "Locked until")),
)


class StaffScreen(ManagerScreen):
    name = ManagerPage.STAFF
    title = QT_TRANSLATE_NOOP("StaffScreen", "Staff")

    def __init__(self, ctx: ManagerContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.toolbar.addWidget(button(self.tr("Refresh"), self, role="primary", slot=self.refresh))
        self.model = RowsModel(COLUMNS, self, context="StaffScreen")
        self.model.highlight = self._tone
        self.table = SortedTable(self.model, self)
        self.table.setObjectName("staffTable")
        body = QHBoxLayout()
        body.addWidget(self.table, 3)

        form_card = card(self)
        form = QFormLayout(form_card)
        form.setContentsMargins(16, 16, 16, 16)
        self.number = QLineEdit(form_card)
        self.number.setObjectName("newStaffNumber")
        self.number.setMaxLength(8)
        self.name = QLineEdit(form_card)
        self.name.setObjectName("newStaffName")
        self.role = QComboBox(form_card)
        self.role.setObjectName("newStaffRole")
        self.role.addItem(self.tr("Cashier"), "cashier")
        self.role.addItem(self.tr("Manager"), "manager")
        self.pin = QLineEdit(form_card)
        self.pin.setObjectName("pinInput")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setPlaceholderText(self.tr("4 to 8 digits, not 0000 or 1234"))
        self.pin.setToolTip(  # the rule itself is the service's (staff_admin)
            self.tr("A PIN is %1 to %2 digits, not all the same digit and not a run such as "
                    "1234 or 9876.").replace("%1", str(PIN_MIN_DIGITS))
            .replace("%2", str(PIN_MAX_DIGITS)))
        form.addRow(self.tr("Staff number"), self.number)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(button(self.tr("Add staff member"), form_card, role="primary", slot=self.add,
                           name="addStaffButton"))
        form.addRow(button(self.tr("Reset PIN of selected"), form_card, slot=self.reset_pin, name="resetPinButton"))
        body.addWidget(form_card, 2)
        self.outer.addLayout(body, 1)

        actions = QHBoxLayout()
        actions.addWidget(button(self.tr("Unlock"), self, slot=self.unlock, name="unlockButton"))
        actions.addWidget(button(self.tr("Make manager"), self, slot=lambda: self.set_role("manager"),
                                 name="promoteButton"))
        actions.addWidget(button(self.tr("Make cashier"), self, slot=lambda: self.set_role("cashier"),
                                 name="demoteButton"))
        actions.addWidget(button(self.tr("Reactivate"), self, slot=self.reactivate, name="reactivateButton"))
        actions.addStretch(1)
        actions.addWidget(button(self.tr("Deactivate"), self, role="danger", slot=self.deactivate,
                                 name="deactivateButton"))
        self.outer.addLayout(actions)
        self.pending = None  # the last worker task (tests wait on it)

    def _tone(self, row: int) -> str | None:
        staff = self.model.payload(row)
        if not staff.active:
            return "warn"
        return "bad" if staff.is_locked(self.ctx.now()) else None

    @Slot()
    def refresh(self) -> None:
        staff = self.call(self.ctx.staff_admin.list_staff, self.actor)
        if staff is None:
            return
        zone = ZoneInfo(self.ctx.timezone())
        now = self.ctx.now()
        rows = [(s.staff_number, s.name, s.role, s.active, s.failed_attempts,
                 dates.day_time_text(s.locked_until, zone=zone) if s.is_locked(now) else "")
                for s in staff]
        self.model.set_rows(rows, staff)

    def _selected(self):
        staff = self.table.selected_payload()
        if staff is None:
            self.banner.error(self.tr("Please choose a staff member in the table first."))
        return staff

    @Slot()
    def add(self) -> None:
        number, name, pin = self.number.text().strip(), self.name.text(), self.pin.text()

        def done(record):
            self.number.clear()
            self.name.clear()
            self.pin.clear()
            self.refresh()
            self.banner.show_message(self.tr("%1 (%2) can now sign in.").replace("%1", record.name)
                                     .replace("%2", record.staff_number), "ok")

        self.pending = self.submit(self.ctx.staff_admin.add_staff, self.actor, number, name,
                                   self.role.currentData(), pin, on_done=done, name="add_staff")

    @Slot()
    def reset_pin(self) -> None:
        staff = self._selected()
        if staff is None:
            return
        pin = self.pin.text()

        def done(_result):
            self.pin.clear()
            self.refresh()

        self.pending = self.submit(self.ctx.staff_admin.reset_pin, self.actor, staff.staff_id, pin,
                                   ok=self.tr("New PIN set for %1.").replace("%1", staff.name), on_done=done, name="reset_pin")

    def _act(self, fn, message: str, *extra) -> None:
        staff = self._selected()
        if staff is None:
            return
        if self.attempt(fn, self.actor, staff.staff_id, *extra, ok=message.replace("%1", staff.name)):
            self.refresh()

    @Slot()
    def unlock(self) -> None:
        self._act(self.ctx.staff_admin.unlock, self.tr("%1 is unlocked."))

    @Slot()
    def deactivate(self) -> None:
        self._act(self.ctx.staff_admin.deactivate, self.tr("%1 can no longer sign in."))

    @Slot()
    def reactivate(self) -> None:
        self._act(self.ctx.staff_admin.reactivate, self.tr("%1 can sign in again."))

    def set_role(self, role: str) -> None:
        self._act(self.ctx.staff_admin.set_role, (self.tr("%1 is now a manager.") if role == "manager"
                   else self.tr("%1 is now a cashier.")), role)

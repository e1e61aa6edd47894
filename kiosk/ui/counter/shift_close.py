"""Shift close in three steps: count, read the report, close; then the slip.

1. Count: the drawer by denomination (``DrawerCountGrid``), the card terminal's batch total and
   the UPI settlement, with the totals and each variance updating as the cashier types.
2. Report: the shift's report as the close would make it (``ShiftService.preview``: nothing
   written), to read before confirming; the one primary action is "Close shift".
3. Closed: the report as stored, and the slip, printed on the thermal printer when there is one,
   else saved as a PDF; "Sign out" is the one primary action left.

The arithmetic and every refusal are the service's (``ShiftService.close``); this screen only
collects the numbers and says what came back.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.cash_count import checked_tenders
from kiosk.domain.errors import KioskError
from kiosk.domain.money import format_money, parse_money
from kiosk.services.models import Shift
from kiosk.services.shift_report import ShiftReport
from kiosk.ui import message
from kiosk.ui.counter.drawer_count import DrawerCountGrid
from kiosk.ui.counter.screen import BusyScreen
from kiosk.ui.keypad import NumericKeypad
from kiosk.ui.page_names import CounterPage
from kiosk.ui.widgets.shift_report import ShiftReportView, set_role

if TYPE_CHECKING:
    from kiosk.ui.counter.mode import CounterMode

log = logging.getLogger(__name__)
MONEY_PATTERN = r"\d{0,9}(\.\d{0,2})?"
COUNT, REPORT, CLOSED = 0, 1, 2


def _button(text: str, parent: QWidget, name: str, *, primary: bool = False) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setMinimumHeight(56)
    if primary:
        button.setProperty("role", "primary")
    return button


class ShiftCloseScreen(BusyScreen):
    """The cash-up at the counter.

    Attributes:
        grid: the denomination boxes.
        card_total, upi_total: what the terminal's batch and the UPI app say.
        steps: the three steps (COUNT, REPORT, CLOSED).
        preview: the report shown in the REPORT step; closed: the shift once closed.
    """

    name = CounterPage.SHIFT_CLOSE

    def __init__(self, ctl: CounterMode) -> None:
        super().__init__(ctl)
        self._busy = False
        self.expected: dict[str, int] = {}
        self.takes_upi = True
        self.preview: ShiftReport | None = None
        self.closed: Shift | None = None
        self.final: ShiftReport | None = None
        self.slip_path: Path | None = None
        self.steps = QStackedWidget(self)
        self.steps.addWidget(self._init_count())
        self.steps.addWidget(self._init_report())
        self.steps.addWidget(self._init_closed())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 12, 20, 12)
        outer.addWidget(self.steps)
        self._connect_signals()

    # -- building ---------------------------------------------------------------------------------
    def _card(self) -> tuple[QFrame, QVBoxLayout]:
        card = QFrame(self)
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(8)
        return card, layout

    def _title(self, text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setProperty("role", "title")
        return label

    def _init_count(self) -> QWidget:
        card, layout = self._card()
        layout.addWidget(self._title(self.tr("Close your shift: count the drawer"), card))
        self.count_note = QLabel("", card)
        self.count_note.setWordWrap(True)
        layout.addWidget(self.count_note)
        self.grid = DrawerCountGrid(card)
        self.card_total = self._money_field("cardBatchTotal", card)
        self.upi_total = self._money_field("upiSettlementTotal", card)
        self.keypad = NumericKeypad(card, decimal=True, enter_text=self.tr("Next"))
        self.keypad.setMinimumWidth(280)
        self.keypad.setMaximumHeight(320)

        self.drawer_total = QLabel("", card)
        self.drawer_total.setObjectName("drawerTotal")
        self.drawer_total.setProperty("role", "money")
        left = QVBoxLayout()
        left.addWidget(self.grid)
        left.addStretch(1)
        left.addWidget(self.drawer_total)
        figures = QGridLayout()
        figures.setHorizontalSpacing(12)
        figures.setVerticalSpacing(4)
        self.upi_label = QLabel(self.tr("UPI settlement total"), card)
        for column, (label, field) in enumerate((
                (QLabel(self.tr("Card terminal batch total"), card), self.card_total),
                (self.upi_label, self.upi_total))):
            label.setWordWrap(True)
            label.setBuddy(field)
            figures.addWidget(label, 0, column, Qt.AlignmentFlag.AlignBottom)
            figures.addWidget(field, 1, column)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addLayout(figures)
        right.addWidget(self._init_totals(card))
        right.addWidget(self.keypad, 1)
        body = QHBoxLayout()
        body.setSpacing(28)
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout.addLayout(body, 1)

        self.message = QLabel("", card)
        self.message.setObjectName("shift_closeMessage")
        self.message.setProperty("role", "bad")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.cancel = _button(self.tr("Not now (Esc)"), card, "cancelShiftClose")
        self.review = _button(self.tr("See the shift report"), card, "shiftCloseReview",
                              primary=True)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel)
        actions.addStretch(1)
        actions.addWidget(self.review)
        layout.addLayout(actions)
        return card

    def _money_field(self, name: str, parent: QWidget) -> QLineEdit:
        field = QLineEdit(parent)
        field.setObjectName(name)
        field.setProperty("role", "big")
        field.setValidator(QRegularExpressionValidator(MONEY_PATTERN, self))
        field.setMinimumHeight(52)
        return field

    def _init_totals(self, parent: QWidget) -> QWidget:
        """Expected, counted / declared and the variance per tender, live."""
        box = QFrame(parent)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.setHorizontalSpacing(18)
        heads = ("", self.tr("Expected"), self.tr("Counted"), self.tr("Variance"))
        for column, text in enumerate(heads):
            head = QLabel(text, box)
            head.setProperty("role", "muted")
            head.setAlignment(Qt.AlignmentFlag.AlignRight if column else Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(head, 0, column)
        self.live: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        self.live_names: dict[str, QLabel] = {}
        names = {"cash": self.tr("Cash"), "card": self.tr("Card"), "upi": self.tr("UPI")}
        for row, (kind, text) in enumerate(names.items(), start=1):
            self.live_names[kind] = QLabel(text, box)
            grid.addWidget(self.live_names[kind], row, 0)
            cells = tuple(QLabel("", box) for _ in range(3))
            for column, cell in enumerate(cells, start=1):
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cell.setObjectName(f"live_{kind}_{column}")
                grid.addWidget(cell, row, column)
            self.live[kind] = cells  # type: ignore[assignment]
        return box

    def _init_report(self) -> QWidget:
        card, layout = self._card()
        layout.addWidget(self._title(self.tr("Your shift report"), card))
        note = QLabel(self.tr("Read it through. Closing the shift cannot be undone: go back to "
                              "the count to correct a number."), card)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.report_view = ShiftReportView(card)
        self.report_view.setObjectName("shiftPreview")
        layout.addWidget(self.report_view, 1)
        self.report_message = QLabel("", card)
        self.report_message.setObjectName("shiftReportMessage")
        self.report_message.setProperty("role", "bad")
        self.report_message.setWordWrap(True)
        layout.addWidget(self.report_message)
        self.back_to_count = _button(self.tr("Back to the count"), card, "shiftBackToCount")
        self.action = _button(self.tr("Close shift"), card, "shift_closeAction", primary=True)
        actions = QHBoxLayout()
        actions.addWidget(self.back_to_count)
        actions.addStretch(1)
        actions.addWidget(self.action)
        layout.addLayout(actions)
        return card

    def _init_closed(self) -> QWidget:
        card, layout = self._card()
        layout.addWidget(self._title(self.tr("Shift closed"), card))
        self.result = QLabel("", card)
        self.result.setObjectName("shift_closeResult")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        self.closed_view = ShiftReportView(card)
        self.closed_view.setObjectName("shiftClosedReport")
        layout.addWidget(self.closed_view, 1)
        self.slip_note = QLabel("", card)
        self.slip_note.setObjectName("slipNote")
        self.slip_note.setWordWrap(True)
        layout.addWidget(self.slip_note)
        self.print_slip = _button(self.tr("Print the slip"), card, "printSlip")
        self.save_slip = _button(self.tr("Save the slip as PDF"), card, "saveSlip")
        self.sign_out = _button(self.tr("Sign out"), card, "shiftCloseSignOut", primary=True)
        actions = QHBoxLayout()
        actions.addWidget(self.print_slip)
        actions.addWidget(self.save_slip)
        actions.addStretch(1)
        actions.addWidget(self.sign_out)
        layout.addLayout(actions)
        return card

    def _connect_signals(self) -> None:
        self.keypad.attach(*self.grid.fields.values(), self.card_total, self.upi_total)
        self.grid.changed.connect(self._update_totals)
        self.grid.finished.connect(self._to_card)
        self.card_total.textChanged.connect(self._update_totals)
        self.upi_total.textChanged.connect(self._update_totals)
        self.card_total.returnPressed.connect(self._to_upi)
        self.upi_total.returnPressed.connect(self.show_report)
        self.cancel.clicked.connect(self.back)
        self.review.clicked.connect(self.show_report)
        self.back_to_count.clicked.connect(self.to_count)
        self.action.clicked.connect(self.submit)
        self.print_slip.clicked.connect(self.send_slip)
        self.save_slip.clicked.connect(self.write_slip)
        self.sign_out.clicked.connect(self.ctl.sign_out)

    # -- screen hooks ---------------------------------------------------------------------------
    def enter(self) -> None:
        self.closed = None
        self.preview = None
        self.slip_path = None
        self._set_busy(False)
        self.message.clear()
        self.report_message.clear()
        self.card_total.clear()
        self.upi_total.clear()
        shift = self.session.shift
        if shift is None:
            self.steps.setCurrentIndex(COUNT)
            self.message.setText(self.tr("No shift is open on this kiosk for you."))
            self.review.setEnabled(False)
            return
        self.grid.set_currency(shift.currency)
        self.takes_upi = "upi" in checked_tenders(shift.currency)  # UPI takes rupees only
        for widget in (self.upi_label, self.upi_total, self.live_names["upi"], *self.live["upi"]):
            widget.setVisible(self.takes_upi)
        self.count_note.setText(
            self.tr("Type how many of each note and coin are in the drawer, float included, "
                    "then the card terminal's batch total and the UPI settlement total.")
            if self.takes_upi else
            self.tr("Type how many of each note and coin are in the drawer, float included, "
                    "then the card terminal's batch total."))
        self.keypad.attach(*self.grid.fields.values())
        self.grid.clear()
        try:
            self.expected = self.bridge.call(self.services.shifts.expected_tenders,
                                             self.session.actor)
        except KioskError as err:
            self.expected = {}
            self.message.setText(str(err))
        self.steps.setCurrentIndex(COUNT)
        self._update_totals()

    def first_focus(self) -> QWidget | None:
        if self.steps.currentIndex() == COUNT and self.grid.fields:
            return next(iter(self.grid.fields.values()))
        return None

    @Slot()
    def back(self) -> None:
        step = self.steps.currentIndex()
        if step == CLOSED:
            self.ctl.sign_out()
        elif step == REPORT:
            self.to_count()
        else:
            self.ctl.go(CounterPage.FINDER)

    def print_action(self) -> None:
        if self.steps.currentIndex() == CLOSED:
            self.send_slip()

    # -- step 1: the count ----------------------------------------------------------------------
    def _declared(self, field: QLineEdit) -> int | None:
        try:
            return parse_money(field.text())
        except ValueError:
            return None

    @Slot()
    def _to_card(self) -> None:
        self.card_total.setFocus(Qt.FocusReason.TabFocusReason)

    @Slot()
    def _to_upi(self) -> None:
        """Enter in the card total: the UPI total next, or the report when there is none."""
        if self.takes_upi:
            self.upi_total.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.show_report()

    @Slot()
    def _update_totals(self) -> None:
        shift = self.session.shift
        if shift is None:
            return
        currency = shift.currency
        self.drawer_total.setText(self.tr("In the drawer: %1").replace(
            "%1", format_money(self.grid.total_minor(), currency)))
        figures = {"cash": self.grid.total_minor(), "card": self._declared(self.card_total),
                   "upi": self._declared(self.upi_total)}
        for kind, (expected_cell, counted_cell, variance_cell) in self.live.items():
            if kind not in self.expected:  # UPI outside rupees
                continue
            expected = self.expected.get(kind, 0)
            expected_cell.setText(format_money(expected, currency))
            given = figures[kind]
            counted_cell.setText("" if given is None else format_money(given, currency))
            if given is None:
                variance_cell.setText("")
                continue
            words, role = self.report_view.verdict(given - expected, currency)
            variance_cell.setText(words)
            set_role(variance_cell, role)

    @Slot()
    def to_count(self) -> None:
        self.steps.setCurrentIndex(COUNT)
        self.review.setFocus(Qt.FocusReason.OtherFocusReason)

    def _figures(self) -> tuple[int | None, int | None] | None:
        """Card and UPI totals typed; a blank one is 0 when nothing was taken by it."""
        out: list[int | None] = []
        for kind, field, missing in (
                ("card", self.card_total, self.tr("Type the card terminal's batch total "
                                                  "(0 if it shows no sales).")),
                ("upi", self.upi_total, self.tr("Type the UPI settlement total (0 if there "
                                                "were no UPI payments)."))):
            if kind == "upi" and not self.takes_upi:
                out.append(None)
                continue
            value = self._declared(field)
            if value is None and field.text().strip():
                self.message.setText(missing)
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                return None
            if value is None and self.expected.get(kind, 0):
                self.message.setText(missing)
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                return None
            out.append(value if value is not None else 0)
        return out[0], out[1]

    @Slot()
    def show_report(self) -> None:
        """Step 2: the report the close would make (nothing written yet)."""
        if self._busy or self.session.shift is None or self.closed is not None:
            return
        self.message.clear()
        figures = self._figures()
        if figures is None:
            return
        try:
            self.preview = self.bridge.call(self.services.shifts.preview, self.session.actor,
                                            self.grid.counts(), card_minor=figures[0],
                                            upi_minor=figures[1])
        except KioskError as err:
            self.message.setText(str(err))
            return
        self.report_view.show_report(self.preview)
        self.report_message.clear()
        self.steps.setCurrentIndex(REPORT)
        self.action.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- step 2 -> 3: close ---------------------------------------------------------------------
    @Slot()
    def submit(self) -> None:
        if self._busy or self.closed is not None or self.preview is None:
            return
        figures = self._figures()
        if figures is None:
            self.steps.setCurrentIndex(COUNT)
            return
        self._set_busy(True)
        self.bridge.submit(self.services.shifts.close, self.session.actor, count=self.grid.counts(),
                           card_minor=figures[0], upi_minor=figures[1], name="shift_close",
                           on_done=self._closed, on_error=self._failed)

    def _failure_label(self) -> QLabel:
        return self.report_message

    def _show_busy(self, busy: bool) -> None:
        self.action.setEnabled(not busy)
        self.back_to_count.setEnabled(not busy)
        self.review.setEnabled(not busy)

    @Slot(object)
    def _closed(self, shift: Shift) -> None:
        self._set_busy(False)
        self.closed = shift
        self.session.shift = None
        self.ctl.shift_changed()
        try:
            report = self.bridge.call(self.services.shifts.report, self.session.actor,
                                      shift.shift_id)
        except KioskError as err:  # closed and stored; only the report could not be read
            message.error(str(err))
            report = self.preview
        self.final = report
        self.closed_view.show_report(report)
        cash = report.check("cash")
        words, role = self.closed_view.verdict(cash.variance_minor if cash else 0,
                                               report.currency)  # the limit: its flag note
        self.result.setText(words)
        set_role(self.result, role)
        self.steps.setCurrentIndex(CLOSED)
        self.print_slip.setVisible(self.services.printing.thermal)
        self.slip_note.clear()
        if self.services.printing.thermal:
            self.send_slip()
        else:
            self.write_slip()
        self.sign_out.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- step 3: the slip -----------------------------------------------------------------------
    @Slot()
    def send_slip(self) -> None:
        """The slip on the thermal printer (the printer's I/O off the database lock)."""
        if self.closed is None:
            return
        from kiosk.tickets.escpos_out import send

        actor, shift_id = self.session.actor, self.closed.shift_id
        try:
            uri, payload = self.bridge.call(self.services.shifts.slip_payload, actor, shift_id)
        except KioskError as err:
            self.slip_note.setText(str(err))
            return
        self.slip_note.setText(self.tr("Printing the slip…"))

        def printed(_result: object) -> None:
            self.bridge.call(self.services.shifts.slip_printed, actor, shift_id, "thermal")
            self.slip_note.setText(self.tr("The slip is printed: sign it and put it in the "
                                           "drawer bag."))

        def failed(error: BaseException) -> None:
            self.slip_note.setText(str(error) if isinstance(error, KioskError) else
                                   self.tr("The slip did not print. Save it as PDF instead."))

        self.bridge.submit(send, uri, payload, exclusive=False, name="cashup_slip",
                           on_done=printed, on_error=failed)

    @Slot()
    def write_slip(self) -> Path | None:
        """The slip as a PDF in the tickets folder (the manager can print it from there)."""
        if self.closed is None or self.final is None:
            return None
        from kiosk.tickets.cashup_slip import save

        folder = Path(self.ctl.config.ticket_dir)
        target = folder / f"cashup-shift-{self.closed.shift_id}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            save(self.final, target)
            self.bridge.call(self.services.shifts.slip_printed, self.session.actor,
                             self.closed.shift_id, "pdf")
        except (OSError, KioskError) as err:
            log.warning("cash-up slip not written: %s", err)
            self.slip_note.setText(self.tr("The slip could not be saved (%1). The shift is "
                                           "closed and stored.").replace("%1", str(err)))
            return None
        self.slip_path = target
        self.slip_note.setText(self.tr("Slip saved as %1.").replace("%1", str(target)))
        return target

"""The counter's top bar: who is signed in, their shift, the hold countdown and the way around.

The bar shows what the counter mode tells it and reports the buttons pressed as signals; it
decides nothing. On a narrow screen or with large text it drops the brand first, then the key
hints in the button texts (kept as tooltips); when even that is too wide (Telugu in large text)
the buttons take a second row under the cashier, shift and hold countdown, so no text is cut.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.models import Actor
from kiosk.ui.hold_countdown import WARN_S
from kiosk.ui.i18n import LANGUAGES

# The bar's texts keep the "CounterMode" context they were translated in before the bar was its
# own class, so the existing Hindi and Telugu translations still apply.
_T = QCoreApplication


class CounterTopBar(QFrame):
    """The bar above every counter screen.

    Signals:
        salesRequested(), giftCardsRequested(), refundRequested(), collectRequested(),
        closeShiftRequested(), signOutRequested(): the buttons of the same names.
        customerLanguageChanged(str): the customer's language was chosen (a language code).

    Attributes:
        nav_buttons: the buttons by key ("sales", "giftcards", "refund", "collect", "shift",
            "signout").
        customer_language: the customer's language choice, when a customer display is used.
    """

    salesRequested = Signal()
    giftCardsRequested = Signal()
    refundRequested = Signal()
    collectRequested = Signal()
    closeShiftRequested = Signal()
    signOutRequested = Signal()
    customerLanguageChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "topbar")
        self.setObjectName("counterTopbar")
        self.customer_language: QComboBox | None = None
        self._available = 0
        self._init_labels()
        self._init_buttons()

    def _init_labels(self) -> None:
        # one row (info, then the buttons) or two (the buttons under the info): see ``fit``
        self.bar = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.bar.setContentsMargins(16, 8, 16, 8)
        self.bar.setSpacing(10)
        self.info_row = QHBoxLayout()
        self.info_row.setSpacing(10)
        self.nav_row = QHBoxLayout()
        self.nav_row.setSpacing(10)
        self.nav_row.addStretch(1)  # two rows: the buttons stay at the right
        self.bar.addLayout(self.info_row, 1)
        self.bar.addLayout(self.nav_row)
        self.brand = QLabel(_T.translate("CounterMode", "Box Office"), self)
        self.brand.setProperty("role", "title")
        self.staff_label = QLabel("", self)
        self.staff_label.setObjectName("staffLabel")
        self.shift_label = QLabel("", self)
        self.shift_label.setObjectName("shiftLabel")
        self.shift_label.setProperty("role", "muted")
        self.hold_label = QLabel("", self)
        self.hold_label.setObjectName("holdCountdown")
        self.busy_label = QLabel("", self)
        self.busy_label.setProperty("role", "muted")
        who = QVBoxLayout()
        who.setSpacing(0)
        who.addWidget(self.staff_label)
        who.addWidget(self.shift_label)
        self.info_row.addWidget(self.brand)
        self.info_row.addSpacing(12)
        self.info_row.addLayout(who)
        self.info_row.addStretch(1)
        self.info_row.addWidget(self.busy_label)
        self.info_row.addWidget(self.hold_label)

    def _init_buttons(self) -> None:
        self.nav_buttons: dict[str, QPushButton] = {}
        self._nav_texts: dict[str, tuple[str, str]] = {}
        for key, text, short, signal in (
            ("sales", _T.translate("CounterMode", "Sales (F2)"), _T.translate("CounterMode", "Sales"), self.salesRequested),
            ("giftcards", _T.translate("CounterMode", "Gift cards (F3)"), _T.translate("CounterMode", "Gift cards"),
             self.giftCardsRequested),
            ("refund", _T.translate("CounterMode", "Refund (F6)"), _T.translate("CounterMode", "Refund"), self.refundRequested),
            ("collect", _T.translate("CounterMode", "Collect (F7)"), _T.translate("CounterMode", "Collect"), self.collectRequested),
            ("shift", _T.translate("CounterMode", "Close shift (F9)"), _T.translate("CounterMode", "Close shift"),
             self.closeShiftRequested),
            ("signout", _T.translate("CounterMode", "Sign out (F12)"), _T.translate("CounterMode", "Sign out"), self.signOutRequested),
        ):
            button = QPushButton(text, self)
            button.setToolTip(text)
            self._nav_texts[key] = (text, short)
            button.setObjectName(f"nav_{key}")
            button.setProperty("role", "topbar")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(signal)
            self.nav_row.addWidget(button)
            self.nav_buttons[key] = button

    def add_customer_language(self, language: str) -> QComboBox:
        """The customer's language, for their display and their confirmation."""
        combo = QComboBox(self)
        combo.setObjectName("customerLanguage")
        combo.setToolTip(_T.translate("CounterMode", "The customer's language (their display and confirmation)"))
        for code, name in LANGUAGES.items():
            combo.addItem(name, code)
        combo.setCurrentIndex(max(0, combo.findData(language)))
        combo.currentIndexChanged.connect(self._customer_language_chosen)
        self.info_row.insertWidget(self.info_row.indexOf(self.busy_label), combo)
        self.customer_language = combo
        return combo

    def set_customer_language(self, language: str) -> None:
        if self.customer_language is not None:
            self.customer_language.setCurrentIndex(
                max(0, self.customer_language.findData(language)))

    @Slot(int)
    def _customer_language_chosen(self, _index: int) -> None:
        if self.customer_language is not None:
            self.customerLanguageChanged.emit(str(self.customer_language.currentData()))

    # -- what the mode tells it ---------------------------------------------------------------
    def show_session(self, actor: Actor | None, shift_text: str, shift_open: bool) -> None:
        """Who is signed in and their shift; the buttons only while someone is."""
        self.staff_label.setText(
            _T.translate("CounterMode", "%1 (%2)").replace("%1", actor.name).replace("%2", actor.staff_number)
            if actor else _T.translate("CounterMode", "Not signed in"))
        self.shift_label.setText(shift_text)
        for button in self.nav_buttons.values():
            button.setVisible(actor is not None)
        self.nav_buttons["shift"].setEnabled(shift_open)
        self.fit()

    @Slot(int)
    def show_hold_seconds(self, seconds: int) -> None:
        """The hold countdown, in the warning colour in its last minute."""
        had_text = bool(self.hold_label.text())
        seconds = max(0, seconds)
        self.hold_label.setText(_T.translate("CounterMode", "Seats held %1").replace(
            "%1", f"{seconds // 60}:{seconds % 60:02d}"))
        role = "warn" if seconds <= WARN_S else ""
        if self.hold_label.property("role") != role:
            self.hold_label.setProperty("role", role)
            self.hold_label.style().unpolish(self.hold_label)
            self.hold_label.style().polish(self.hold_label)
        if not had_text:
            self.fit()

    @Slot()
    def clear_hold(self) -> None:
        if self.hold_label.text():
            self.hold_label.setText("")
            self.fit()

    def set_busy_text(self, text: str) -> None:
        self.busy_label.setText(text)

    # -- fitting --------------------------------------------------------------------------------
    @Slot()
    def fit(self, available: int | None = None) -> None:
        """Narrow screens and large text: drop the brand, then the key hints (kept as
        tooltips), then put the buttons on a second row, in that order, until the bar fits
        ``available`` (the width the bar may take: the mode's)."""
        if available is not None:
            self._available = available
        if not self._available:
            return
        for two_rows, brand, hints in ((False, True, True), (False, False, True),
                                       (False, False, False), (True, True, True),
                                       (True, False, True), (True, False, False)):
            self._arrange(two_rows, brand, hints)
            if self.bar.sizeHint().width() <= self._available:
                return

    def _arrange(self, two_rows: bool, brand: bool, hints: bool) -> None:
        self.bar.setDirection(QBoxLayout.Direction.TopToBottom if two_rows
                              else QBoxLayout.Direction.LeftToRight)
        self.brand.setVisible(brand)
        for key, button in self.nav_buttons.items():
            button.setText(self._nav_texts[key][0 if hints else 1])
        for layout in (self.info_row, self.nav_row, self.bar):
            layout.invalidate()

    @Slot(bool)
    def fit_later(self, _large_text: bool = False) -> None:
        """After a font change, once the new fonts are laid out."""
        QTimer.singleShot(0, self, self.fit)

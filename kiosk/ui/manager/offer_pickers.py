"""Toggles for an offer's show days and ticket types (issue 14 defect 4).

The form used to take English keys typed by hand ("tue,sat", "child,senior"): English on a Hindi
or Telugu screen, and easy to mistype. These pickers show one toggle per day (the locale's names,
in the locale's week order) and per ticket type (the names the counter and self-service use),
and give back the same keys the offer record has always stored. None ticked means "every day" /
"every ticket type", and the picker says so in words beside the toggles.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QLocale, Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kiosk.domain.offers import WEEKDAYS
from kiosk.ui.names import ticket_type_name
from kiosk.ui.widgets.flow import FlowLayout

TOUCH = 48  # px: the smallest a thing to tap may be (DESIGN.md: touch targets at least 48 px)
TICK = "✓ "  # a ticked toggle is marked by a shape as well as by its colour


class TogglePicker(QWidget):
    """A wrapping row of toggles, one per key, and ``summary``: a label saying what the choice
    means, for the page to place (beside the picker's caption: no line of its own).

    ``keys()`` keeps the order the keys were given in by ``set_keys`` (an edited offer saves
    back exactly what it had), newly ticked keys after them in the toggles' order.

    Signals:
        changed(): a toggle was ticked or unticked (by the user or by ``set_keys``).
    """

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.flow = FlowLayout(self, spacing=8)
        self.buttons: dict[str, QPushButton] = {}
        self.texts: dict[str, str] = {}
        self._given: tuple[str, ...] = ()
        self.summary = QLabel("", parent)
        self.summary.setObjectName(f"{name}Summary")
        self.summary.setProperty("role", "muted")
        self.summary.setWordWrap(True)

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """One toggle per ``(key, text)``, in this order; ticks of kept keys stay."""
        if list(choices) == list(self.texts.items()):
            return
        ticked = set(self.keys())
        for key in list(self.buttons):
            button = self.buttons.pop(key)
            self.flow.removeWidget(button)
            button.deleteLater()
        self.texts = dict(choices)
        for key, text in choices:
            button = QPushButton(text, self)
            button.setObjectName(f"{self.objectName()}_{key}")
            button.setCheckable(True)
            button.setChecked(key in ticked)
            button.setMinimumSize(TOUCH, TOUCH)
            # as tall as the text fields beside them (the theme's touch height stays)
            button.setStyleSheet("padding-top: 0px; padding-bottom: 0px;")
            button.toggled.connect(self._toggled)
            self.buttons[key] = button
            self.flow.addWidget(button)
            button.show()  # a toggle added to a page already on screen shows at once
        self._show_state()

    def keys(self) -> list[str]:
        ticked = [k for k, b in self.buttons.items() if b.isChecked()]
        return [k for k in self._given if k in ticked] + [k for k in ticked if k not in self._given]

    def set_keys(self, keys: Iterable[str]) -> None:
        """Tick exactly ``keys``; a key with no toggle gets one (named as stored) so that
        nothing an offer has is dropped unseen."""
        self._given = tuple(keys)
        missing = [k for k in self._given if k not in self.buttons]
        if missing:
            self.set_choices([*self.texts.items(), *((k, self.name_of(k)) for k in missing)])
        for key, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(key in self._given)
            button.blockSignals(False)
        self._show_state()
        self.changed.emit()

    def name_of(self, key: str) -> str:
        """The words for a key that has no toggle yet."""
        return key

    def none_text(self) -> str:
        raise NotImplementedError

    def some_text(self) -> str:
        raise NotImplementedError

    @Slot(bool)
    def _toggled(self, _checked: bool) -> None:
        self._show_state()
        self.changed.emit()

    def _show_state(self) -> None:
        for key, button in self.buttons.items():
            text = self.texts.get(key, key)
            button.setText(TICK + text if button.isChecked() else text)
        self.summary.setText(self.some_text() if self.keys() else self.none_text())


class DayPicker(TogglePicker):
    """Seven day toggles named by the screen's locale, its first day of the week first; the
    keys are the stored ones (``mon`` … ``sun``)."""

    def __init__(self, parent: QWidget | None = None, locale: QLocale | None = None) -> None:
        super().__init__("offerDays", parent)
        locale = locale or QLocale()
        first = locale.firstDayOfWeek().value - 1  # Qt: Monday = 1; ours: Monday = 0
        order = [(first + i) % 7 for i in range(7)]
        self.set_choices([(WEEKDAYS[d], locale.dayName(d + 1, QLocale.FormatType.ShortFormat))
                          for d in order])
        for d in order:
            self.buttons[WEEKDAYS[d]].setToolTip(locale.dayName(d + 1))

    def stored(self) -> str:
        """The days as the offer record has always had them: "tue,sat", Monday first."""
        ticked = set(self.keys())
        return ",".join(d for d in WEEKDAYS if d in ticked)

    def none_text(self) -> str:
        return QCoreApplication.translate("OffersScreen", "Every day (none ticked)")

    def some_text(self) -> str:
        return QCoreApplication.translate("OffersScreen", "Only on the days ticked")


class TicketTypePicker(TogglePicker):
    """A toggle per ticket type the cinema sells, named as the counter names them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("offerTickets", parent)
        self._types: tuple[str, ...] = ()

    def set_types(self, types: Sequence[str]) -> None:
        """The toggles for these ticket types (keys), in this order; an edited offer's other
        types keep their toggle while it is shown."""
        self._types = tuple(types)
        self.set_choices([(t, ticket_type_name(t)) for t in self._types]
                         + [(t, ticket_type_name(t)) for t in self._given if t not in self._types])

    def set_keys(self, keys: Iterable[str]) -> None:
        self._given = tuple(keys)
        self.set_types(self._types)  # the cinema's types, and this offer's others
        super().set_keys(self._given)

    def name_of(self, key: str) -> str:
        return ticket_type_name(key)

    def none_text(self) -> str:
        return QCoreApplication.translate("OffersScreen", "Every ticket type (none ticked)")

    def some_text(self) -> str:
        return QCoreApplication.translate("OffersScreen", "Only the ticket types ticked")

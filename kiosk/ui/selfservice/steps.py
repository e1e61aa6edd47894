"""Where the customer is in the sale: Film › Show › Tickets › Seats › Types › Pay › Done.

A first-time customer cannot tell how much is left; every step of the sale shows this strip
(in the shared header, and on the finished screen), the current step highlighted and the steps
behind ticked. ``mark_step`` is called by the self-service stack on every screen change.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


class Step(IntEnum):
    FILM = 0
    SHOW = 1
    TICKETS = 2  # how many
    SEATS = 3
    TYPES = 4  # adult, child... (and the snacks offered with them)
    PAY = 5  # card, contact, review
    DONE = 6


STEP_OF_SCREEN: dict[str, Step] = {
    "films": Step.FILM,
    "shows": Step.SHOW,
    "count": Step.TICKETS,
    "seats": Step.SEATS,
    "tickets": Step.TYPES,
    "snacks": Step.TYPES,
    "pay": Step.PAY,
    "contact": Step.PAY,
    "review": Step.PAY,
    "done": Step.DONE,
}


def step_name(step: Step) -> str:
    # spelled out: lupdate reads an aliased ``tr("StepIndicator", "Film")`` as a tr() with a
    # comment, and the words never reached the translators
    return QCoreApplication.translate("StepIndicator", {
        Step.FILM: QT_TRANSLATE_NOOP("StepIndicator", "Film"),
        Step.SHOW: QT_TRANSLATE_NOOP("StepIndicator", "Show"),
        Step.TICKETS: QT_TRANSLATE_NOOP("StepIndicator", "Tickets"),
        Step.SEATS: QT_TRANSLATE_NOOP("StepIndicator", "Seats"),
        Step.TYPES: QT_TRANSLATE_NOOP("StepIndicator", "Types"),
        Step.PAY: QT_TRANSLATE_NOOP("StepIndicator", "Pay"),
        Step.DONE: QT_TRANSLATE_NOOP("StepIndicator", "Done"),
    }[step])


class StepIndicator(QWidget):
    """One label per step with "›" between; the styling follows the ``ss`` property
    (``step`` / ``step-now`` / ``step-done``, see ``kiosk.ui.selfservice.style``).

    Attributes:
        step: the step shown as current, or None (the strip is hidden: attract, collect).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stepIndicator")
        self.step: Step | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.labels: dict[Step, QLabel] = {}
        row.addStretch(1)
        for step in Step:
            if step:
                arrow = QLabel("\u203a", self)
                arrow.setProperty("ss", "step-arrow")
                arrow.setAccessibleName("")
                row.addWidget(arrow)
            text = QLabel(self)
            text.setProperty("ss", "step")
            text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            row.addWidget(text)
            self.labels[step] = text
        row.addStretch(1)
        self.retranslate()
        self.set_step(None)

    def retranslate(self) -> None:
        self.set_step(self.step)

    def set_step(self, step: Step | None) -> None:
        self.step = step
        self.setVisible(step is not None)
        for each, text in self.labels.items():
            if step is None or each > step:
                state = "step"
            elif each == step:
                state = "step-now"
            else:
                state = "step-done"
            prefix = "\u2713 " if state == "step-done" else ""
            text.setText(prefix + step_name(each))
            if text.property("ss") != state:
                text.setProperty("ss", state)
                text.style().unpolish(text)
                text.style().polish(text)
        self._describe()

    def _describe(self) -> None:
        if self.step is None:
            return
        self.setAccessibleName(self.tr("Step %1 of %2: %3")
                               .replace("%1", str(int(self.step) + 1))
                               .replace("%2", str(len(Step)))
                               .replace("%3", step_name(self.step)))


def mark_step(screen: QWidget, name: str) -> None:
    """Show screen ``name``'s step on every step strip the screen holds (none: hidden)."""
    step = STEP_OF_SCREEN.get(name)
    for indicator in screen.findChildren(StepIndicator):
        indicator.set_step(step)


__all__ = ["STEP_OF_SCREEN", "Step", "StepIndicator", "mark_step", "step_name"]

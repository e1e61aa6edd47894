"""How many tickets? (issue 13 point 6): asked before the seat map, so the map opens with the
best seats for the whole party already held, and the customer only moves them if they like."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.ui.page_names import SelfServicePage
from kiosk.ui.selfservice.common import button, label, step_layout
from kiosk.ui.selfservice.screen import SelfServiceScreen

MAX_OFFERED = 8  # bigger groups pick seats one by one on the map


class CountScreen(SelfServiceScreen):
    name = SelfServicePage.COUNT
    countChosen = Signal(int)  # 0: the customer picks every seat on the map

    def __init__(self, maximum: int = MAX_OFFERED, parent: QWidget | None = None):
        super().__init__(parent)
        body = QVBoxLayout()
        self.header = step_layout(self, body, (60, 24, 60, 24), 20)
        self.show_line = label("", "sub", wrap=True)
        body.addWidget(self.show_line)
        self.question = label("", "big", wrap=True)
        self.question.setObjectName("countQuestion")
        body.addWidget(self.question)
        grid = QGridLayout()
        grid.setSpacing(20)
        self.buttons: dict[int, object] = {}
        for n in range(1, min(MAX_OFFERED, max(1, maximum)) + 1):
            choice = button(str(n), ss="hero", min_height=120)
            choice.setObjectName(f"count_{n}")
            choice.setMinimumWidth(160)
            choice.clicked.connect(lambda _=False, k=n: self.countChosen.emit(k))
            grid.addWidget(choice, (n - 1) // 4, (n - 1) % 4)
            self.buttons[n] = choice
        body.addLayout(grid)
        self.pick_button = button("", min_height=80)
        self.pick_button.setObjectName("countPickOnMap")
        self.pick_button.clicked.connect(lambda: self.countChosen.emit(0))
        body.addWidget(self.pick_button)
        body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.header.retranslate()
        self.header.title.setText(self.tr("How many tickets?"))
        self.question.setText(self.tr("How many people are coming? We will find the best seats "
                                      "together; you can change them on the next screen."))
        self.pick_button.setText(self.tr("I will pick my seats on the map"))

    def set_show(self, text: str) -> None:
        self.show_line.setText(text)

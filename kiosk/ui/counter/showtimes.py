"""The show-time grid (issue 13 point 6): one cinema's shows at a glance, for a cashier with a
queue. One row per film, its shows as buttons left to right; the film whose next show starts
soonest on top; each button says the time, the hall and the seats left, coloured by how full
the show is (with the words too, never colour alone). Above it, quantity presets ("2 adults"):
with one chosen, tapping a show holds the best seats at once and goes straight to payment.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.models import ShowSummary
from kiosk.ui.dates import time_text
from kiosk.ui.widgets.layouts import empty_layout

STARTED_GRACE = timedelta(minutes=20)  # a show that began a moment ago can still sell
MAX_PER_ROW = 6
# (adults, children): what counters sell most
PRESETS: tuple[tuple[int, int], ...] = ((1, 0), (2, 0), (3, 0), (4, 0), (2, 1), (2, 2))


def fill_level(show: ShowSummary) -> str:
    """plenty | filling | few | sold_out: the colour a show's button takes."""
    if show.seats_left <= 0:
        return "sold_out"
    share = show.seats_left / show.seats_total if show.seats_total else 0.0
    if share <= 0.1 or show.seats_left <= 5:
        return "few"
    return "filling" if share <= 0.5 else "plenty"


_LEVEL_STYLE = {
    "plenty": "background: #e3f4e8; border: 2px solid #1f7a3f; color: #0f3d20;",
    "filling": "background: #fff2d6; border: 2px solid #a66300; color: #4a2c00;",
    "few": "background: #fde3e1; border: 2px solid #b3261e; color: #5c1410;",
    "sold_out": "background: #e6e8eb; border: 2px dashed #7a818a; color: #4d535b;",
}


def grid_rows(shows: Sequence[ShowSummary], now: datetime) -> list[tuple[str, list[ShowSummary]]]:
    """(film title, its shows in time order) for today's coming shows, soonest film first."""
    coming = [s for s in shows if s.starts_at + STARTED_GRACE >= now]
    by_film: dict[str, list[ShowSummary]] = {}
    for show in sorted(coming, key=lambda s: s.starts_at):
        by_film.setdefault(show.film_title, []).append(show)
    return sorted(by_film.items(), key=lambda item: item[1][0].starts_at)


class ShowTimeGrid(QWidget):
    showChosen = Signal(str, int, int)  # show id, adults, children (0, 0: pick seats by hand)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("showTimeGrid")
        self.presets = QButtonGroup(self)
        self.presets.setExclusive(False)  # a second tap on the chosen preset clears it
        preset_row = QHBoxLayout()
        self.preset_label = QLabel(self.tr("Quick sale:"), self)
        preset_row.addWidget(self.preset_label)
        self.preset_buttons: dict[tuple[int, int], QPushButton] = {}
        for adults, children in PRESETS:
            button = QPushButton(self._preset_text(adults, children), self)
            button.setObjectName(f"preset_{adults}_{children}")
            button.setCheckable(True)
            button.setMinimumHeight(48)
            button.clicked.connect(lambda checked, key=(adults, children): self._preset(key,
                                                                                         checked))
            self.presets.addButton(button)
            self.preset_buttons[(adults, children)] = button
            preset_row.addWidget(button)
        preset_row.addStretch(1)
        self.hint = QLabel("", self)
        self.hint.setObjectName("gridHint")
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.rows_widget = QWidget(self)
        self.rows = QGridLayout(self.rows_widget)
        self.rows.setHorizontalSpacing(10)
        self.rows.setVerticalSpacing(10)
        self.rows.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.rows_widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(preset_row)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        self.show_buttons: dict[str, QPushButton] = {}
        self._update_hint()

    def _preset_text(self, adults: int, children: int) -> str:
        text = self.tr("%n adult(s)", "", adults)
        if children:
            text += " + " + self.tr("%n child(ren)", "", children)
        return text

    def _preset(self, key: tuple[int, int], checked: bool) -> None:
        for other, button in self.preset_buttons.items():
            if other != key:
                button.setChecked(False)
        self._update_hint()

    def chosen_preset(self) -> tuple[int, int]:
        return next((key for key, b in self.preset_buttons.items() if b.isChecked()), (0, 0))

    def clear_preset(self) -> None:
        for button in self.preset_buttons.values():
            button.setChecked(False)
        self._update_hint()

    def _update_hint(self) -> None:
        adults, children = self.chosen_preset()
        self.hint.setText(
            self.tr("Tap a show: the best %1 together are held and the sale goes to payment.")
            .replace("%1", self._preset_text(adults, children)) if adults else
            self.tr("Tap a show to choose seats on its map, or choose a quick sale first."))

    def set_shows(self, shows: Sequence[ShowSummary], now: datetime) -> None:
        empty_layout(self.rows)
        self.show_buttons = {}
        rows = grid_rows(shows, now)
        if not rows:
            empty = QLabel(self.tr("No more shows today."), self.rows_widget)
            empty.setProperty("role", "muted")
            self.rows.addWidget(empty, 0, 0)
            return
        for r, (title, film_shows) in enumerate(rows):
            name = QLabel(title, self.rows_widget)
            name.setProperty("role", "title")
            name.setWordWrap(True)
            name.setMinimumWidth(200)
            name.setMaximumWidth(260)
            self.rows.addWidget(name, r, 0)
            for c, show in enumerate(film_shows[:MAX_PER_ROW]):
                button = self._show_button(show)
                self.rows.addWidget(button, r, c + 1)
                button.show()  # at once, not at the next turn of the event loop
            name.show()

    def _show_button(self, show: ShowSummary) -> QPushButton:
        level = fill_level(show)
        left = (self.tr("Sold out") if level == "sold_out"
                else self.tr("%n left", "", show.seats_left))
        button = QPushButton(f"{time_text(show.local_start)}\n{show.hall_name}\n{left}",
                             self.rows_widget)
        button.setObjectName(f"show_{show.show_id}")
        button.setProperty("fill", level)
        button.setMinimumSize(132, 96)
        button.setStyleSheet(f"QPushButton {{ {_LEVEL_STYLE[level]} border-radius: 10px; "
                             f"font-size: 17px; font-weight: 700; padding: 6px; }}")
        button.setEnabled(level != "sold_out")
        button.setAccessibleName(f"{show.film_title} {time_text(show.local_start)} {left}")
        button.clicked.connect(lambda _=False, s=show.show_id: self._chosen(s))
        self.show_buttons[show.show_id] = button
        return button

    def _chosen(self, show_id: str) -> None:
        adults, children = self.chosen_preset()
        self.showChosen.emit(show_id, adults, children)

"""The attract screen: what the kiosk shows while nobody is using it.

A slowly scrolling wall of the films on sale and a large "Touch to start" make it inviting from a
few metres away; a touch anywhere starts a sale, and the language buttons choose the language
first (the choice is applied application-wide through ``kiosk.ui.i18n``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEasingCurve, QSize, Qt, QTimer, QVariantAnimation, Signal, Slot
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.i18n import LANGUAGES
from kiosk.ui.page_names import SelfServicePage
from kiosk.ui.posters import poster_pixmap
from kiosk.ui.selfservice.common import button, label
from kiosk.ui.selfservice.screen import SelfServiceScreen

POSTER_SIZE = QSize(160, 240)


class PosterMarquee(QWidget):
    """Posters gliding right to left; the timer runs only while the screen is visible."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._films: list[Mapping[str, Any]] = []
        self._offset = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(33)
        self._timer.timeout.connect(self._step)
        self.setMinimumHeight(POSTER_SIZE.height() + 20)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_films(self, films: Sequence[Mapping[str, Any]]) -> None:
        self._films = list(films)
        self.update()

    @Slot()
    def _step(self) -> None:
        self._offset += 0.8
        self.update()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        self._timer.start()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self._timer.stop()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if not self._films:
            return
        painter = QPainter(self)
        pitch = POSTER_SIZE.width() + 24
        count = len(self._films)
        span = pitch * count
        start = -(self._offset % span)
        x = start
        index = 0
        dpr = self.devicePixelRatioF()
        while x < self.width():
            film = self._films[index % count]
            painter.setOpacity(0.92)
            painter.drawPixmap(int(x), 10, poster_pixmap(film, POSTER_SIZE, dpr))
            x += pitch
            index += 1
        painter.end()


class AttractScreen(SelfServiceScreen):
    """Idle screen; emits ``startRequested`` on any touch and ``languageRequested(code)``."""
    name = SelfServicePage.ATTRACT

    startRequested = Signal()
    collectRequested = Signal()  # tickets booked on the web or elsewhere
    contrastToggled = Signal(bool)  # big, obvious accessibility choices (issue 14)
    largeTextToggled = Signal(bool)
    languageRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attract")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 24, 24, 24)
        column.setSpacing(12)
        self.brand = label("", "hero", align=Qt.AlignmentFlag.AlignCenter)
        self.tagline = label("", "big", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
        self.marquee = PosterMarquee(self)
        self.start_button = button("", ss="hero")
        self.start_button.setObjectName("touchToStart")
        self.start_button.setMinimumWidth(460)
        self.start_button.clicked.connect(self.startRequested)
        self.collect_button = button("", ss="lang")
        self.collect_button.setObjectName("collectTickets")
        self.collect_button.setMinimumWidth(320)
        self.collect_button.clicked.connect(self.collectRequested)
        self.language_hint = label("", "sub", align=Qt.AlignmentFlag.AlignCenter)
        self.access_hint = label("", "sub", align=Qt.AlignmentFlag.AlignCenter)
        languages = QHBoxLayout()
        languages.setSpacing(14)
        self.language_buttons: dict[str, object] = {}
        self._language_group = QButtonGroup(self)
        self._language_group.setExclusive(True)
        for code, name in LANGUAGES.items():
            lang_button = button(name, ss="lang", checkable=True)
            lang_button.setObjectName(f"language_{code}")
            lang_button.clicked.connect(lambda _=False, c=code: self.languageRequested.emit(c))
            self._language_group.addButton(lang_button)
            self.language_buttons[code] = lang_button
            languages.addWidget(lang_button)
        # accessibility on the start screen itself, as big as the language buttons, under a
        # heading of their own, with a sign and a tick (state without colour)
        self.contrast_button = button("", ss="lang", checkable=True)
        self.contrast_button.setObjectName("attractContrast")
        self.contrast_button.toggled.connect(self.contrastToggled)
        self.large_button = button("", ss="lang", checkable=True)
        self.large_button.setObjectName("attractLargeText")
        self.large_button.toggled.connect(self.largeTextToggled)
        for toggle in (self.contrast_button, self.large_button):
            toggle.toggled.connect(self._label_toggles)
        access = QHBoxLayout()
        access.setSpacing(14)
        access.addWidget(self.contrast_button)
        access.addWidget(self.large_button)
        choices = QGridLayout()
        choices.setHorizontalSpacing(40)
        choices.setVerticalSpacing(8)
        choices.addWidget(self.language_hint, 0, 1)
        choices.addLayout(languages, 1, 1)
        choices.addWidget(self.access_hint, 0, 2)
        choices.addLayout(access, 1, 2)
        choices.setColumnStretch(0, 1)
        choices.setColumnStretch(3, 1)

        column.addStretch(1)
        column.addWidget(self.brand)
        column.addWidget(self.tagline)
        column.addSpacing(4)
        column.addWidget(self.marquee)
        column.addSpacing(4)
        start_row = QHBoxLayout()
        start_row.addStretch(1)
        start_row.addWidget(self.start_button)
        start_row.addStretch(1)
        column.addLayout(start_row)
        collect_row = QHBoxLayout()
        collect_row.addStretch(1)
        collect_row.addWidget(self.collect_button)
        collect_row.addStretch(1)
        column.addLayout(collect_row)
        column.addStretch(1)
        column.addLayout(choices)

        # A gentle pulse draws the eye to the start button.
        self._pulse = QVariantAnimation(self)
        self._pulse.setStartValue(460)
        self._pulse.setEndValue(500)
        self._pulse.setDuration(1100)
        self._pulse.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._pulse.setLoopCount(-1)
        self._pulse.valueChanged.connect(lambda v: self.start_button.setMinimumWidth(int(v)))
        self.retranslate()

    def retranslate(self) -> None:
        self.brand.setText(self.tr("Box Office"))
        self.tagline.setText(self.tr("Tickets for today's films, in a minute. Pay by card."))
        self.start_button.setText(self.tr("Touch to start"))
        self.collect_button.setText(self.tr("Collect tickets booked online"))
        self.language_hint.setText(self.tr("Choose your language"))
        self.access_hint.setText(self.tr("Easier to see"))
        self._label_toggles()

    @Slot()
    def _label_toggles(self) -> None:
        """"◐ High contrast", "A+ Large text", with a tick when on."""
        for toggle, sign, text in ((self.contrast_button, "\u25d0", self.tr("High contrast")),
                                   (self.large_button, "A+", self.tr("Large text"))):
            toggle.setText(("\u2713 " if toggle.isChecked() else sign + "  ") + text)

    def set_films(self, films: Sequence[Mapping[str, Any]]) -> None:
        self.marquee.set_films(films)

    def set_language(self, code: str) -> None:
        lang_button = self.language_buttons.get(code)
        if lang_button is not None:
            lang_button.setChecked(True)

    def set_animated(self, on: bool) -> None:
        """Screenshots and tests can freeze the animation for a stable picture."""
        self.marquee._timer.setInterval(33 if on else 10**6)
        if on:
            self._pulse.start()
        else:
            self._pulse.stop()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._pulse.start()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self._pulse.stop()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.startRequested.emit()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (kiosks with a keypad)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.startRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

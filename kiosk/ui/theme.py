"""Colour theme and text size for every mode, switchable while the app runs.

The stylesheets live in ``resources/styles/<theme>.qss``. They are templates: ``$base``,
``$small``, ``$title``, ``$hero`` (font sizes in px), ``$touch`` (minimum touch-target height)
and ``$styles`` (the stylesheet folder, for images) are filled in from the large-text setting,
so one stylesheet serves both text sizes and a switch needs no per-widget code. Widgets that
draw their own colours (the seat map) listen to ``highContrastChanged``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from string import Template

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from kiosk.paths import shipped_dir

log = logging.getLogger(__name__)

THEMES = ("normal", "high-contrast")
LARGE_TEXT_SCALE = 1.35
BASE_FONT_PX = 16
MIN_TOUCH_PX = 48

# Searched in order: the shipped resources/ (checkout or wheel, see kiosk.paths), then any
# stylesheet kept beside this module.
STYLE_DIRS = (
    shipped_dir("resources") / "styles",
    Path(__file__).resolve().parent / "styles",
)

_FALLBACK_QSS = """
QWidget { font-size: ${base}px; }
QPushButton { min-height: ${touch}px; min-width: ${touch}px; padding: 4px 14px; }
QLineEdit, QComboBox { min-height: ${touch}px; }
"""

_PALETTES = {
    "normal": {
        QPalette.ColorRole.Window: "#f4f5f7",
        QPalette.ColorRole.WindowText: "#1b1f24",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#eef1f5",
        QPalette.ColorRole.Text: "#1b1f24",
        QPalette.ColorRole.Button: "#ffffff",
        QPalette.ColorRole.ButtonText: "#1b1f24",
        QPalette.ColorRole.Highlight: "#1f5fbf",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#6b7380",
    },
    "high-contrast": {
        QPalette.ColorRole.Window: "#000000",
        QPalette.ColorRole.WindowText: "#ffffff",
        QPalette.ColorRole.Base: "#000000",
        QPalette.ColorRole.AlternateBase: "#1a1a1a",
        QPalette.ColorRole.Text: "#ffffff",
        QPalette.ColorRole.Button: "#000000",
        QPalette.ColorRole.ButtonText: "#ffffff",
        QPalette.ColorRole.Highlight: "#ffff00",
        QPalette.ColorRole.HighlightedText: "#000000",
        QPalette.ColorRole.PlaceholderText: "#c8c8c8",
    },
}


def font_sizes(large_text: bool) -> dict[str, int]:
    """Pixel sizes the stylesheet templates use; large text scales all of them together."""
    scale = LARGE_TEXT_SCALE if large_text else 1.0
    return {
        "base": round(BASE_FONT_PX * scale),
        "small": round(13 * scale),
        "title": round(24 * scale),
        "hero": round(40 * scale),
        "touch": round(MIN_TOUCH_PX * (1.15 if large_text else 1.0)),
    }


def load_stylesheet(theme: str, large_text: bool) -> str:
    """The filled-in stylesheet for ``theme``; a built-in minimal one if the file is missing."""
    for directory in STYLE_DIRS:
        path = directory / f"{theme}.qss"
        if path.is_file():
            template = path.read_text(encoding="utf-8")
            folder = directory.as_posix()
            break
    else:
        log.warning("stylesheet %s.qss not found; using the built-in minimal style", theme)
        template, folder = _FALLBACK_QSS, ""
    return Template(template).safe_substitute(font_sizes(large_text), styles=folder)


class ThemeManager(QObject):
    """Owns the application's look; one per QApplication (see ``ThemeManager.instance``)."""

    themeChanged = Signal(str)
    highContrastChanged = Signal(bool)
    largeTextChanged = Signal(bool)

    _instance: ThemeManager | None = None

    def __init__(self, app: QApplication, theme: str = "normal", large_text: bool = False):
        super().__init__(app)
        self._app = app
        self._theme = theme if theme in THEMES else "normal"
        self._large_text = bool(large_text)
        ThemeManager._instance = self
        self.apply()

    @classmethod
    def instance(cls) -> ThemeManager | None:
        """The live manager, so widgets built by any engineer can follow the theme."""
        return cls._instance

    @property
    def theme(self) -> str:
        return self._theme

    @property
    def high_contrast(self) -> bool:
        return self._theme == "high-contrast"

    @property
    def large_text(self) -> bool:
        return self._large_text

    def set_theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
        if theme == self._theme:
            return
        self._theme = theme
        self.apply()
        self.themeChanged.emit(theme)
        self.highContrastChanged.emit(self.high_contrast)

    @Slot(bool)
    def set_high_contrast(self, on: bool) -> None:
        self.set_theme("high-contrast" if on else "normal")

    @Slot(bool)
    def set_large_text(self, on: bool) -> None:
        on = bool(on)
        if on == self._large_text:
            return
        self._large_text = on
        self.apply()
        self.largeTextChanged.emit(on)

    def apply(self) -> None:
        palette = QPalette()
        for role, colour in _PALETTES[self._theme].items():
            palette.setColor(role, QColor(colour))
        self._app.setPalette(palette)
        font = QFont(self._app.font())
        font.setPixelSize(font_sizes(self._large_text)["base"])
        self._app.setFont(font)
        self._app.setStyleSheet(load_stylesheet(self._theme, self._large_text))

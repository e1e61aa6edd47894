"""The self-service look: bigger type and bolder colours than the counter, in both themes.

Applied as a stylesheet on the self-service widget itself, so it layers over the application
theme (``kiosk.ui.theme``) and follows its switches between normal and high contrast.
"""

from __future__ import annotations

from string import Template

from PySide6.QtWidgets import QWidget

from kiosk.ui.theme import ThemeManager, font_sizes

_COMMON = """
QWidget#selfService { font-size: ${large}px; }
QLabel[ss="hero"] { font-size: ${hero}px; font-weight: 800; }
QLabel[ss="title"] { font-size: ${title}px; font-weight: 700; }
QLabel[ss="big"] { font-size: ${big}px; font-weight: 700; }
QLabel[ss="sub"] { font-size: ${large}px; }
QLabel[ss="small"] { font-size: ${base}px; }
QLabel[ss="tile-title"] { font-size: ${large}px; font-weight: 700; }
QLabel[ss="countdown"] { font-size: ${big}px; }
QLabel[ss="ok"], QLabel[ss="error"] { font-size: ${large}px; }
QPushButton { font-size: ${large}px; min-height: 56px; min-width: 56px; border-radius: 12px; }
QPushButton[ss="chip"] { min-height: 52px; padding: 4px 18px; border-radius: 26px; font-size: ${base}px; }
QPushButton[ss="hero"] { min-height: 88px; font-size: ${title}px; font-weight: 800; padding: 8px 40px; border-radius: 44px; }
QPushButton[ss="lang"] { min-height: 72px; min-width: 180px; font-size: ${big}px; font-weight: 700; border-radius: 36px; padding: 4px 14px; }
QPushButton[ss="card"] { text-align: left; padding: 12px; border-radius: 14px; }
QPushButton#keyboardKey { font-size: ${big}px; font-weight: 600; min-height: 64px; padding: 0; }
SeatMapPanel, SeatMapPanel QWidget { font-size: ${small}px; }
SeatMapPanel QPushButton, SeatMapPanel QToolButton { font-size: ${base}px; }
SeatMapPanel QSpinBox { min-width: 64px; padding: 0px; font-size: ${big}px; }
SeatMapPanel QSpinBox QLineEdit { min-height: 0px; padding: 0px; border: none; }
QLabel[ss="step"], QLabel[ss="step-done"], QLabel[ss="step-now"] { font-size: ${base}px; padding: 2px 12px; border-radius: 14px; }
QLabel[ss="step-now"] { font-weight: 800; }
QLabel[ss="step-arrow"] { font-size: ${base}px; }
QLineEdit[ss="entry"] { font-size: ${title}px; min-height: 72px; padding: 0 16px; border-radius: 10px; }
"""

_NORMAL = """
QWidget#selfService, QWidget#selfService QStackedWidget { background: #f2f4f8; }
QWidget#attract { background: qlineargradient(x1:0, y1:0, x2:1, y2:1, stop:0 #1b2a41, stop:0.55 #3b1f5c, stop:1 #7a1f3d); }
QWidget#attract QLabel { color: #ffffff; background: transparent; }
QWidget#attract QPushButton[ss="hero"] { background: #ffb300; color: #1b1f24; border: none; }
QWidget#attract QPushButton[ss="lang"] { background: rgba(255,255,255,0.12); color: #ffffff; border: 2px solid rgba(255,255,255,0.6); }
QWidget#attract QPushButton[ss="lang"]:checked { background: #ffffff; color: #1b2a41; }
QFrame[ss="header"] { background: #1b2a41; }
QFrame[ss="header"] QLabel { color: #ffffff; background: transparent; }
QFrame[ss="header"] QPushButton { background: transparent; color: #ffffff; border: 2px solid #6d7f9b; }
QLabel[ss="countdown"] { color: #ffd54f; font-weight: 800; }
QLabel[ss="step"], QLabel[ss="step-arrow"] { color: #5f6b7d; }
QLabel[ss="step-done"] { color: #19703a; }
QLabel[ss="step-now"] { background: #1f5fbf; color: #ffffff; }
QFrame[ss="header"] QLabel[ss="step"], QFrame[ss="header"] QLabel[ss="step-arrow"] { color: #aab6c8; }
QFrame[ss="header"] QLabel[ss="step-done"] { color: #8fe0a8; }
QFrame[ss="header"] QLabel[ss="step-now"] { background: #ffffff; color: #1b2a41; }
QPushButton[ss="chip"] { background: #ffffff; border: 2px solid #c3cad6; }
QPushButton[ss="chip"]:checked { background: #1f5fbf; color: #ffffff; border-color: #1f5fbf; }
QPushButton[ss="card"] { background: #ffffff; border: 2px solid #d5d9e0; }
QPushButton[ss="card"]:pressed { background: #dce6f5; }
QPushButton[ss="card"]:checked { border: 3px solid #1f5fbf; background: #e8f0fc; color: #1b1f24; }
QLabel[ss="error"] { color: #b3261e; font-weight: 700; }
QLabel[ss="ok"] { color: #19703a; font-weight: 700; }
QFrame[ss="panel"] { background: #ffffff; border: 1px solid #d5d9e0; border-radius: 14px; }
QFrame[ss="terminal"] { background: #263238; border-radius: 28px; border: 4px solid #101518; }
QFrame[ss="terminal"] QLabel { color: #e0f2f1; background: transparent; }
QFrame[ss="screen"] { background: #b2dfdb; border-radius: 10px; border: 3px solid #101518; }
QFrame[ss="screen"] QLabel { color: #0d2b27; }
QWidget#idlePrompt { background: rgba(10, 15, 25, 0.78); }
QFrame[ss="dialog"] { background: #ffffff; border-radius: 20px; border: 2px solid #1b2a41; }
"""

_HIGH_CONTRAST = """
QWidget#selfService, QWidget#selfService QStackedWidget { background: #000000; }
QWidget#attract { background: #000000; }
QWidget#attract QLabel { color: #ffff00; background: transparent; }
QWidget#attract QPushButton[ss="hero"] { background: #ffff00; color: #000000; border: 4px solid #ffffff; }
QWidget#attract QPushButton[ss="lang"] { background: #000000; color: #ffffff; border: 3px solid #ffffff; }
QWidget#attract QPushButton[ss="lang"]:checked { background: #ffff00; color: #000000; }
QFrame[ss="header"] { background: #000000; border-bottom: 3px solid #ffffff; }
QFrame[ss="header"] QLabel { color: #ffffff; }
QLabel[ss="countdown"] { color: #ffff00; font-weight: 800; }
QLabel[ss="step"], QLabel[ss="step-arrow"], QLabel[ss="step-done"] { color: #ffffff; }
QLabel[ss="step-now"] { background: #ffffff; color: #000000; }
QFrame[ss="header"] QLabel[ss="step"], QFrame[ss="header"] QLabel[ss="step-arrow"], QFrame[ss="header"] QLabel[ss="step-done"] { color: #ffffff; }
QFrame[ss="header"] QLabel[ss="step-now"] { background: #ffffff; color: #000000; }
QPushButton[ss="chip"] { background: #000000; color: #ffffff; border: 3px solid #ffffff; }
QPushButton[ss="chip"]:checked { background: #ffff00; color: #000000; border-color: #ffff00; }
QPushButton[ss="card"] { background: #000000; color: #ffffff; border: 3px solid #ffffff; }
QPushButton[ss="card"]:checked { border: 5px solid #ffff00; }
QLabel[ss="error"] { color: #ff6b6b; font-weight: 800; }
QLabel[ss="ok"] { color: #00ff66; font-weight: 800; }
QFrame[ss="panel"] { background: #000000; border: 3px solid #ffffff; border-radius: 14px; }
QFrame[ss="terminal"] { background: #000000; border: 4px solid #ffffff; border-radius: 28px; }
QFrame[ss="terminal"] QLabel { color: #ffffff; }
QFrame[ss="screen"] { background: #000000; border: 3px solid #ffff00; border-radius: 10px; }
QFrame[ss="screen"] QLabel { color: #ffff00; }
QWidget#idlePrompt { background: rgba(0, 0, 0, 0.85); }
QFrame[ss="dialog"] { background: #000000; border: 4px solid #ffff00; border-radius: 20px; }
"""


def is_high_contrast() -> bool:
    manager = ThemeManager.instance()
    return bool(manager and manager.high_contrast)


def stylesheet(high_contrast: bool, large_text: bool = False) -> str:
    sizes = font_sizes(large_text)
    scale = 1.35 if large_text else 1.0
    values = {
        "small": round(16 * scale), "base": round(18 * scale), "large": round(21 * scale), "big": round(26 * scale),
        "title": round(34 * scale), "hero": round(60 * scale), **{f"app_{k}": v for k, v in sizes.items()},
    }
    body = _HIGH_CONTRAST if high_contrast else _NORMAL
    return Template(_COMMON + body).safe_substitute(values)


def apply_style(widget: QWidget) -> None:
    manager = ThemeManager.instance()
    widget.setStyleSheet(stylesheet(is_high_contrast(), bool(manager and manager.large_text)))

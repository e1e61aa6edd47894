"""The DEMO badge (issue 11, point 6): a database holding the demo data (its staff PINs are
published) says so on every screen; a cinema's own database never shows it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHOTS = Path(os.environ.get("KIOSK_TEST_SHOTS", "/tmp/shots"))


def badge_shown(window) -> bool:
    badge = window.demo_badge
    return badge.isVisible() and badge.text() == "DEMO" and not badge.visibleRegion().isEmpty()


def laid_out(window) -> bool:
    """The mode's screen and the status bar have their final sizes (so a grab shows them)."""
    screen = window.centralWidget()
    parts = (window.demo_badge, window.kiosk_label, window.contrast_button, window.large_button)
    return (screen is not None and screen.isVisible() and screen.width() >= 1000
            and all(w.width() >= w.sizeHint().width() for w in parts if w.isVisible()))


@pytest.mark.parametrize("mode", ["counter", "self-service", "manager"])
def test_the_demo_database_shows_the_badge_on_every_mode(demo_ui, qtbot, mode):
    window = demo_ui.window
    if window.mode != mode:
        window.set_mode(mode)
    qtbot.waitUntil(lambda: badge_shown(window) and laid_out(window), timeout=5000)
    assert "PINs are published" in window.demo_badge.toolTip()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / f"demo_badge_{mode}.png"))


def test_the_manager_console_keeps_the_badge(demo_ui, qtbot):
    window = demo_ui.window
    window.set_mode("manager")
    actor = demo_ui.services.auth.sign_in("9001", "9999")  # the demo's published manager PIN
    window.mode_widget.open_console(actor)
    qtbot.waitUntil(lambda: window.mode_widget.currentWidget() is window.mode_widget.console
                    and badge_shown(window) and laid_out(window), timeout=5000)
    assert window.grab().save(str(SHOTS / "demo_badge_manager_console.png"))
    window.mode_widget.sign_out()


def test_the_badge_in_the_high_contrast_theme(demo_ui, qtbot):
    window = demo_ui.window
    demo_ui.theme.set_high_contrast(True)
    try:
        qtbot.waitUntil(lambda: badge_shown(window) and laid_out(window), timeout=5000)
        assert window.grab().save(str(SHOTS / "demo_badge_high_contrast.png"))
    finally:
        demo_ui.theme.set_high_contrast(False)


def test_a_cinemas_own_database_has_no_badge(kiosk_ui, qtbot):
    window = kiosk_ui.window
    for mode in ("counter", "self-service", "manager"):
        if window.mode != mode:
            window.set_mode(mode)
        qtbot.wait(0)
        assert not window.demo_badge.isVisible()

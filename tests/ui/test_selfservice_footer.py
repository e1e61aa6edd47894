"""Self-service for customers (issue 14 defect 5, part): no technical footer, and the
accessibility choices big and obvious on the start screen, driving the app's theme."""

from __future__ import annotations

import pytest


@pytest.fixture
def self_service_ui(qtbot, qapp, services, ui_config):
    from dataclasses import replace

    from tests.ui.conftest import close_ui, open_ui

    ui = open_ui(qtbot, qapp, services, replace(ui_config, mode="self-service"), "self-service")
    yield ui
    ui.window.theme.set_high_contrast(False)
    ui.window.theme.set_large_text(False)
    close_ui(ui)


def test_no_technical_footer_and_big_accessibility_toggles(self_service_ui, qtbot):
    window = self_service_ui.window
    assert not window.kiosk_label.isVisible() and not window.sync_label.isVisible()
    assert not window.contrast_button.isVisible() and not window.language_box.isVisible()
    attract = window.mode_widget.attract
    assert attract.contrast_button.isVisible() and attract.large_button.isVisible()
    assert attract.contrast_button.height() >= 48 and attract.large_button.height() >= 48
    from PySide6.QtCore import Qt

    qtbot.mouseClick(attract.contrast_button, Qt.MouseButton.LeftButton)
    assert window.theme.high_contrast and attract.contrast_button.isChecked()
    window.theme.set_high_contrast(False)  # changed elsewhere: the button follows
    assert not attract.contrast_button.isChecked()
    window.set_mode("counter")  # staff see the footer again
    assert window.kiosk_label.isVisible() and window.contrast_button.isVisible()

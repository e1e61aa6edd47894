"""The counter's sync line says only what a round trip proved (issue 9, hole 6)."""

from __future__ import annotations


def test_sync_line_says_connecting_until_the_cloud_answered(kiosk_ui, tmp_path):
    window = kiosk_ui.window
    window.show_sync_status({"state": "connecting", "online": False, "pending": 0})
    assert window.sync_label.text().startswith("Connecting")
    assert "Online" not in window.sync_label.text()
    window.show_sync_status({"state": "online", "online": True, "pending": 0, "last_error": ""})
    assert window.sync_label.text().startswith("Online")
    skew = "This kiosk's clock is 11 min ahead of the cloud's: seat claims are paused"
    window.show_sync_status({"state": "online", "online": True, "pending": 0, "clock": skew,
                             "last_error": ""})
    assert "clock" in window.sync_label.text() and window.sync_label.property("role") == "warn"
    assert window.sync_label.toolTip() == skew
    window.grab().save(str(tmp_path / "sync-clock.png"))
    import os
    if os.environ.get("KIOSK_KEEP_SHOTS"):
        window.grab().save(os.environ["KIOSK_KEEP_SHOTS"])

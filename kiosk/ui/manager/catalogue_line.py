"""The sync screen's catalogue line: which shared catalogue version this device has, when it
last looked, and any item kept at its last good copy (no widgets here: text and a style role;
times in the cinema's zone, in the language's format from ``kiosk.ui.dates``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from kiosk.domain.clock import from_iso
from kiosk.ui import dates

translate = QCoreApplication.translate  # literal translate("Context", "words") calls: lupdate files them


def catalogue_line(entry: dict[str, Any] | None, cinema_id: str, timezone: str) -> tuple[str, str]:
    """(text, role) for the engine's ``status()['catalogue']`` entry (or the database's)."""
    if not cinema_id:
        return (translate("SyncScreen", "Shared catalogue: this device has no cinema_id, so its shows, prices and "
                    "staff are its own (set cinema_id or run `kiosk cloud join`)."), "muted")
    entry = entry or {}
    version = int(entry.get("version") or 0)
    pulled = entry.get("last_pull_at") or ""
    when = (dates.day_time_text(from_iso(pulled), zone=timezone, seconds=True) if pulled
            else translate("SyncScreen", "never"))
    text = (translate("SyncScreen", "Shared catalogue of %1: version %2 · last checked %3").replace("%1", cinema_id)
            .replace("%2", str(version) if version else translate("SyncScreen", "not pulled yet")).replace("%3", when))
    queued = int(entry.get("publish_queued") or 0)
    unpublished = int(entry.get("unpublished") or 0)
    if queued:
        text += " · " + translate("SyncScreen", "your changes wait to be published (offline)")
    elif unpublished:
        text += " · " + translate("SyncScreen", "%1 record(s) changed here are not published yet (`kiosk cloud "
                            "publish`, or edit again once online)").replace("%1", str(unpublished))
    problems = list(entry.get("problems") or [])
    if problems:
        short = [p.replace("; last good copy kept", "") for p in problems[:3]]
        text += (" · " + translate("SyncScreen", "%1 item(s) could not be read and keep their last good copy:")
                 .replace("%1", str(len(problems))) + " " + "; ".join(short)
                 + (" …" if len(problems) > 3 else ""))
    conflict = str(entry.get("last_conflict") or "")
    if conflict:
        stamp, _, message = conflict.partition(" ")
        try:
            at = dates.day_time_text(from_iso(stamp), zone=timezone)
        except ValueError:
            at = stamp
        text += " · " + translate("SyncScreen", "last refused publish (%1): %2").replace("%1", at).replace(
            "%2", message)
    return text, ("warn" if problems or queued or unpublished or not version else "good")

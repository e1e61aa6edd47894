"""The sync screen's catalogue line: which shared catalogue version this device has, when it
last looked, and any item kept at its last good copy (no widgets here: text and a style role;
times in the cinema's zone, in the language's format from ``kiosk.ui.dates``)."""

from __future__ import annotations

from typing import Any

from kiosk.domain.clock import from_iso
from kiosk.ui import dates


def catalogue_line(entry: dict[str, Any] | None, cinema_id: str, timezone: str) -> tuple[str, str]:
    """(text, role) for the engine's ``status()['catalogue']`` entry (or the database's)."""
    if not cinema_id:
        return ("Shared catalogue: this device has no cinema_id, so its shows, prices and staff "
                "are its own (set cinema_id or run `kiosk cloud join`).", "muted")
    entry = entry or {}
    version = int(entry.get("version") or 0)
    pulled = entry.get("last_pull_at") or ""
    when = dates.day_time_text(from_iso(pulled), zone=timezone, seconds=True) if pulled else "never"
    text = (f"Shared catalogue of {cinema_id}: version {version or 'not pulled yet'}"
            f" · last checked {when}")
    queued = int(entry.get("publish_queued") or 0)
    unpublished = int(entry.get("unpublished") or 0)
    if queued:
        text += " · your changes wait to be published (offline)"
    elif unpublished:
        text += (f" · {unpublished} record(s) changed here are not published yet "
                 "(`kiosk cloud publish`, or edit again once online)")
    problems = list(entry.get("problems") or [])
    if problems:
        short = [p.replace("; last good copy kept", "") for p in problems[:3]]
        text += (f" · {len(problems)} item(s) could not be read and keep their last good copy: "
                 + "; ".join(short) + (" …" if len(problems) > 3 else ""))
    conflict = str(entry.get("last_conflict") or "")
    if conflict:
        stamp, _, message = conflict.partition(" ")
        try:
            at = dates.day_time_text(from_iso(stamp), zone=timezone)
        except ValueError:
            at = stamp
        text += f" · last refused publish ({at}): {message}"
    return text, ("warn" if problems or queued or unpublished or not version else "good")

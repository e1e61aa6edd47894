"""Which business day a sale or refund falls on, and the Z report's signature (no I/O).

A cinema's business day is its local calendar date until a manager closes it (the Z report).
After the close, anything that moves money falls on the NEXT open day: a day is never reopened,
so a sale at 23:40 after a 23:30 close, or a refund approved the morning after a close, lands on
the day after the latest closed one. Only the latest closed date matters, which keeps the rule a
comparison (no query per sale once the latest closed date is cached).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timedelta
from typing import Any

from kiosk.domain.clock import local


def roll_forward(day: date | str, closed_through: date | str | None) -> str:
    """``day`` (YYYY-MM-DD), or the day after ``closed_through`` when that is on or after it."""
    day = date.fromisoformat(day) if isinstance(day, str) else day
    if closed_through:
        last = (date.fromisoformat(closed_through) if isinstance(closed_through, str)
                else closed_through)
        if day <= last:
            return (last + timedelta(days=1)).isoformat()
    return day.isoformat()


def business_date(now: datetime, timezone: str, closed_through: date | str | None) -> str:
    """The business date money moved at ``now`` falls on: the cinema's local date, rolled past
    the latest closed day."""
    return roll_forward(local(now, timezone).date(), closed_through)


def signature(record: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of a close record: a changed row no longer matches."""
    canonical = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                           default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def close_record(*, cinema_id: str, business_date: str, closed_at: str, closed_by_number: str,
                 kiosk_id: str, currency: str, totals: dict[str, Any]) -> dict[str, Any]:
    """What a close's signature covers (the same on every device: staff by number, not id)."""
    return {"cinema_id": cinema_id, "business_date": business_date, "closed_at": closed_at,
            "closed_by": closed_by_number, "kiosk_id": kiosk_id, "currency": currency,
            "totals": totals}

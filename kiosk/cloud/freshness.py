"""The freshness line of the manager's day: how complete the pulled day is, and who is missing.

"sales up to 19:02 from 6 of 6 devices; KIOSK-4 last seen 18:40" (times in the cinema's zone).
"Sales up to" is when the day was last pulled; a device counts as current when its heartbeat
(``kiosk.cloud.ledger_sync``) is no older than ``STALE_AFTER`` at that moment and it reported
nothing left to send. A device that is not current is named, with why.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.cloud.daypull import pulled_at
from kiosk.domain.clock import from_iso, local

STALE_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class DeviceLag:
    """A device that is not current: not seen since ``last_seen`` (None: it was seen, but has
    ``pending`` rows not yet sent)."""

    kiosk_id: str
    last_seen: datetime | None
    pending: int = 0


@dataclass(frozen=True)
class Freshness:
    """``text`` in English (the Z report's sources, the command line); the fields for a screen
    to say the same in its own language, its times and dates from the locale."""

    text: str
    devices: int = 0
    current: int = 0
    stale: tuple[str, ...] = ()  # kiosk ids not current
    business_date: str = ""
    pulled_at: datetime | None = None  # None: the day was never pulled
    timezone: str = "UTC"
    lags: tuple[DeviceLag, ...] = ()


def _zone(conn: sqlite3.Connection, cinema_id: str) -> str:
    row = conn.execute("SELECT timezone FROM cinemas WHERE id = ?", (cinema_id,)).fetchone()
    return str(row[0]) if row else "UTC"


def freshness(conn: sqlite3.Connection, cinema_id: str, business_date: str,
              now: datetime) -> Freshness:
    """The line for one pulled day (``now`` only words a day never pulled)."""
    zone = _zone(conn, cinema_id)
    pulled = pulled_at(conn, cinema_id, business_date)
    if pulled is None:
        return Freshness(f"{business_date} not pulled from the cloud yet: this device's sales only",
                         business_date=business_date, timezone=zone)
    rows = conn.execute("SELECT kiosk_id, last_seen, pending FROM ledger_devices "
                        "WHERE cinema_id = ? ORDER BY kiosk_id", (cinema_id,)).fetchall()
    notes, stale, lags = [], [], []
    for kiosk, seen, pending in rows:
        seen_at = from_iso(seen)
        if pulled - seen_at > STALE_AFTER:
            notes.append(f"{kiosk} last seen {local(seen_at, zone):%H:%M}")
            stale.append(kiosk)
            lags.append(DeviceLag(kiosk, seen_at))
        elif pending:
            notes.append(f"{kiosk} has {pending} not yet sent")
            stale.append(kiosk)
            lags.append(DeviceLag(kiosk, None, int(pending)))
    current = len(rows) - len(stale)
    text = (f"sales up to {local(pulled, zone):%H:%M} from {current} of {len(rows)} devices"
            + "".join(f"; {n}" for n in notes))
    return Freshness(text, len(rows), current, tuple(stale), business_date, pulled, zone,
                     tuple(lags))

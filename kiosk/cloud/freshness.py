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
class Freshness:
    text: str
    devices: int = 0
    current: int = 0
    stale: tuple[str, ...] = ()  # kiosk ids not current


def _zone(conn: sqlite3.Connection, cinema_id: str) -> str:
    row = conn.execute("SELECT timezone FROM cinemas WHERE id = ?", (cinema_id,)).fetchone()
    return str(row[0]) if row else "UTC"


def freshness(conn: sqlite3.Connection, cinema_id: str, business_date: str,
              now: datetime) -> Freshness:
    """The line for one pulled day (``now`` only words a day never pulled)."""
    zone = _zone(conn, cinema_id)
    pulled = pulled_at(conn, cinema_id, business_date)
    if pulled is None:
        return Freshness(f"{business_date} not pulled from the cloud yet: this device's sales only")
    rows = conn.execute("SELECT kiosk_id, last_seen, pending FROM ledger_devices "
                        "WHERE cinema_id = ? ORDER BY kiosk_id", (cinema_id,)).fetchall()
    notes, stale = [], []
    for kiosk, seen, pending in rows:
        seen_at = from_iso(seen)
        if pulled - seen_at > STALE_AFTER:
            notes.append(f"{kiosk} last seen {local(seen_at, zone):%H:%M}")
            stale.append(kiosk)
        elif pending:
            notes.append(f"{kiosk} has {pending} not yet sent")
            stale.append(kiosk)
    current = len(rows) - len(stale)
    text = (f"sales up to {local(pulled, zone):%H:%M} from {current} of {len(rows)} devices"
            + "".join(f"; {n}" for n in notes))
    return Freshness(text, len(rows), current, tuple(stale))

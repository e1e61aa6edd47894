"""A refused claim is news: remember the seats it named and ask the sync engine to pull the show.

Without this a kiosk learns of other kiosks' sales only at its next pull (every 30 s for a show
not on screen), so its best-seat search keeps offering the block it has just lost (issue 9,
hole 7). Both notes go into the kiosk's own SQLite file: the services write them on whatever
thread refused the hold, and the sync engine (its QThread, or a ``kiosk sync --watch`` process)
reads them at its next tick. No Qt, no network, no boto3 import: the services may call this.

* The refused seats become short-lived ``remote_seats`` rows (``held``, by no known kiosk),
  which every availability check already honours. The next pull of the show replaces them with
  the truth; if none comes, they lapse after ``REFUSED_FOR``, so a seat that was only held
  elsewhere is offered again.
* ``cloud_state`` gets ``pull_now:<show>``; ``SyncEngine.tick`` pulls those shows at once.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timedelta

from kiosk.domain.clock import to_iso
from kiosk.store.db import transaction

log = logging.getLogger(__name__)
REFUSED_FOR = timedelta(seconds=60)
PULL_NOW = "pull_now:"
_PULL_NOW_END = "pull_now;"  # the first key after every "pull_now:..." key (';' follows ':')


def note_refused(conn: sqlite3.Connection, show_id: str, seats: Iterable[str],
                 now: datetime) -> None:
    """Record that the cloud refused ``seats`` of ``show_id``; call outside any transaction.

    An existing row is only ever made stricter: a pulled sale or allocation stays as it is, a
    pulled hold keeps the later of the two expiries (no expiry stays none).
    """
    seats = list(dict.fromkeys(seats))
    if not seats:
        return
    stamp = to_iso(now)
    until = to_iso(now + REFUSED_FOR)
    with transaction(conn):
        conn.executemany(
            "INSERT INTO remote_seats (show_id, seat_code, state, booking_id, kiosk_id, "
            "expires_at, pulled_at) VALUES (?, ?, 'held', NULL, NULL, ?, ?) "
            "ON CONFLICT (show_id, seat_code) DO UPDATE SET kiosk_id = NULL, "
            "expires_at = MAX(remote_seats.expires_at, excluded.expires_at), "
            "pulled_at = excluded.pulled_at WHERE remote_seats.state = 'held'",
            [(show_id, seat, until, stamp) for seat in seats])
        conn.execute(
            "INSERT INTO cloud_state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (PULL_NOW + show_id, stamp))


def note_refused_quietly(conn: sqlite3.Connection, show_id: str, seats: Iterable[str],
                         now: datetime) -> None:
    """``note_refused`` for the services: a hint for the next search, never a reason to fail
    (the refusal itself is what the person must see)."""
    try:
        note_refused(conn, show_id, seats, now)
    except sqlite3.Error as err:
        log.info("could not note refused seats of %s: %s", show_id, err)


def requested_pulls(conn: sqlite3.Connection) -> dict[str, str]:
    """Shows a refusal asked to refresh, with the time of the latest ask (a key-range read)."""
    rows = conn.execute("SELECT key, value FROM cloud_state WHERE key >= ? AND key < ?",
                        (PULL_NOW, _PULL_NOW_END)).fetchall()
    return {key[len(PULL_NOW):]: value for key, value in rows}


def served(conn: sqlite3.Connection, asked: dict[str, str]) -> None:
    """Forget requests that were pulled; one asked again meanwhile (newer stamp) stays."""
    if not asked:
        return
    with transaction(conn):
        conn.executemany("DELETE FROM cloud_state WHERE key = ? AND value = ?",
                         [(PULL_NOW + show, stamp) for show, stamp in asked.items()])

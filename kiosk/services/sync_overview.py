"""Read-only facts for the kiosks and sync screen, as this kiosk's database knows them.

A service (the screens run no SQL: issue 14), manager-checked like every manager read,
returning plain dataclasses (the catalogue's entry keeps the sync engine's own shape, so the
screen reads the stored and the live one alike). ``kiosk.cloud`` provides the live status
(through ``SyncBridge.statusChanged``) and the conflict actions.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.domain.clock import from_iso, to_iso
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor
from kiosk.services.staff_admin import require_manager


@dataclass(frozen=True)
class KioskRow:
    kiosk_id: str
    last_sale_at: datetime | None
    last_synced_at: datetime | None  # newest outbox row of this kiosk's bookings marked done
    pending: int  # outbox rows not yet in the cloud
    oldest_pending_at: datetime | None
    last_error: str
    allocated_unsold: int


@dataclass(frozen=True)
class AllocationRow:
    show_id: str
    film: str
    starts_at: datetime
    timezone: str
    kiosk_id: str
    allocated: int
    sold: int


def _dt(text: str | None) -> datetime | None:
    return from_iso(text) if text else None


def kiosk_rows(deps: ServiceDeps, actor: Actor) -> list[KioskRow]:
    """Per kiosk: its last sale, last sync, rows waiting to be sent and offline seats unsold."""
    require_manager(deps, actor, "sync.view")
    conn = deps.conn
    kiosks: dict[str, dict[str, Any]] = {}
    for kiosk, last_sale in conn.execute(
            "SELECT kiosk_id, MAX(created_at) FROM bookings GROUP BY kiosk_id"):
        kiosks.setdefault(kiosk, {})["last_sale"] = last_sale
    for kiosk, done, pending, oldest in conn.execute(
            "SELECT COALESCE(b.kiosk_id, ?), MAX(o.done_at),"
            " SUM(CASE WHEN o.done_at IS NULL AND o.dead_at IS NULL THEN 1 ELSE 0 END),"
            " MIN(CASE WHEN o.done_at IS NULL AND o.dead_at IS NULL THEN o.created_at END)"
            " FROM outbox o LEFT JOIN bookings b ON b.id = o.booking_id GROUP BY 1",
            (deps.config.kiosk_id,)):
        k = kiosks.setdefault(kiosk, {})
        k.update(done=done, pending=pending or 0, oldest=oldest)
    for kiosk, error in conn.execute(
            "SELECT COALESCE(b.kiosk_id, ?), o.last_error FROM outbox o LEFT JOIN bookings b"
            " ON b.id = o.booking_id WHERE o.done_at IS NULL AND o.last_error != '' ORDER BY o.id",
            (deps.config.kiosk_id,)):
        kiosks.setdefault(kiosk, {}).setdefault("error", error)
    now = to_iso(deps.clock.now())
    for kiosk, unsold in conn.execute(
            "SELECT a.kiosk_id, COUNT(*) FROM allocations a JOIN shows s ON s.id = a.show_id"
            " WHERE s.starts_at > ? AND NOT EXISTS (SELECT 1 FROM seat_sales ss WHERE"
            " ss.show_id = a.show_id AND ss.seat_code = a.seat_code) GROUP BY a.kiosk_id", (now,)):
        kiosks.setdefault(kiosk, {})["unsold"] = unsold
    kiosks.setdefault(deps.config.kiosk_id, {})
    return [KioskRow(k, _dt(v.get("last_sale")), _dt(v.get("done")), v.get("pending", 0),
                     _dt(v.get("oldest")), v.get("error", ""), v.get("unsold", 0))
            for k, v in sorted(kiosks.items())]


def allocation_rows(deps: ServiceDeps, actor: Actor) -> list[AllocationRow]:
    """Seats set aside for offline selling, per upcoming show and kiosk, and how many sold."""
    require_manager(deps, actor, "sync.view")
    rows = deps.conn.execute(
        "SELECT a.show_id, f.title, s.starts_at, c.timezone, a.kiosk_id, COUNT(*) AS allocated,"
        " SUM(CASE WHEN ss.seat_code IS NULL THEN 0 ELSE 1 END) AS sold"
        " FROM allocations a JOIN shows s ON s.id = a.show_id JOIN films f ON f.id = s.film_id"
        " JOIN halls h ON h.id = s.hall_id JOIN cinemas c ON c.id = h.cinema_id"
        " LEFT JOIN seat_sales ss ON ss.show_id = a.show_id AND ss.seat_code = a.seat_code"
        " WHERE s.starts_at > ? GROUP BY a.show_id, a.kiosk_id ORDER BY s.starts_at, a.kiosk_id",
        (to_iso(deps.clock.now()),)).fetchall()
    return [AllocationRow(r[0], r[1], from_iso(r[2]), r[3], r[4], r[5], r[6] or 0) for r in rows]


@dataclass(frozen=True)
class CloudState:
    """What this device last did with the cloud, as its database recorded it (None: never)."""
    last_sync_at: datetime | None  # last sent
    last_pull_at: datetime | None
    last_verify_at: datetime | None  # sales last checked against the cloud (anti-entropy)


def cloud_state(deps: ServiceDeps, actor: Actor) -> CloudState:
    """The stored sync marks (the live ones come from ``SyncBridge.statusChanged``)."""
    require_manager(deps, actor, "sync.view")
    try:
        state = dict(deps.conn.execute("SELECT key, value FROM cloud_state").fetchall())
    except sqlite3.OperationalError:  # a database from before the cloud migration
        state = {}
    return CloudState(_dt(state.get("last_sync_at")), _dt(state.get("last_pull_at")),
                      _dt(state.get("last_verify_at")))


def catalogue_status(deps: ServiceDeps, actor: Actor) -> dict[str, Any]:
    """The shared catalogue as this database knows it, in the shape of the sync engine's live
    ``status()['catalogue']`` entry (so the screen reads either alike); a device with no
    ``cinema_id`` has none (``cinema_id`` empty)."""
    require_manager(deps, actor, "sync.view")
    from kiosk.cloud.catalogue_sync import catalogue_status as stored_status

    return stored_status(deps.conn, deps.config.cinema_id, deps.clock.now())


def unpublished_count(deps: ServiceDeps, actor: Actor) -> int:
    """Catalogue records changed on this device since they last agreed with the cloud (it
    reads the whole local catalogue: the screen asks on refresh, not on every status)."""
    require_manager(deps, actor, "sync.view")
    if not deps.config.cinema_id:
        return 0
    from kiosk.cloud.catalogue_sync import unpublished

    return len(unpublished(deps.conn, deps.config.cinema_id, deps.clock.now()))

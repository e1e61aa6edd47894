"""Read-only facts for the kiosks and sync screen, as this kiosk's database knows them.

A service (the screens run no SQL: issue 14), manager-checked like every manager read;
``kiosk.cloud`` provides the live status (through ``SyncBridge.statusChanged``) and the conflict
actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.clock import from_iso, to_iso
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


def kiosk_rows(deps, actor) -> list[KioskRow]:
    require_manager(deps, actor, "sync.view")
    conn = deps.conn
    kiosks: dict[str, dict] = {}
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


def allocation_rows(deps, actor) -> list[AllocationRow]:
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


def cloud_state(deps) -> dict[str, str]:
    try:
        return dict(deps.conn.execute("SELECT key, value FROM cloud_state").fetchall())
    except Exception:  # noqa: BLE001 - the cloud migration may not exist on an old database
        return {}

"""The manager the benchmarks act as: a real, active staff row (the role check re-reads it).

``auth.require_role`` refuses a "manager" with no staff row, so the bench and the console probe
add one whose PIN hash matches no PIN (nobody can sign in as it) and act in its name.
"""

from __future__ import annotations

import sqlite3

from kiosk.services.models import Actor, Role

BENCH_STAFF_NUMBER = "bench"
NO_PIN = "!"  # not a bcrypt hash: every sign-in as this number fails


def bench_manager(conn: sqlite3.Connection, kiosk_id: str = "BENCH-1") -> Actor:
    """The bench manager of this database, created on first use."""
    with conn:
        conn.execute("INSERT OR IGNORE INTO staff (staff_number, name, role, pin_hash) "
                     "VALUES (?, 'Bench Manager', 'manager', ?)", (BENCH_STAFF_NUMBER, NO_PIN))
        conn.execute("UPDATE staff SET role = 'manager', active = 1 WHERE staff_number = ?",
                     (BENCH_STAFF_NUMBER,))
    staff_id = conn.execute("SELECT id FROM staff WHERE staff_number = ?",
                            (BENCH_STAFF_NUMBER,)).fetchone()[0]
    return Actor(int(staff_id), BENCH_STAFF_NUMBER, "Bench Manager", Role.MANAGER, kiosk_id)

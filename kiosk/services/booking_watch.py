"""Hear about this connection's own changes to a table, without a query: TEMP triggers call Python.

In-process caches of booking data need to know when what they hold may be stale. Another
connection's commit shows in ``PRAGMA data_version`` (see ``data_version``); a change made on the
same connection does not, so TEMP triggers on the watched tables call a Python function instead.
A trigger fires when the statement runs, before the transaction's outcome is known: callers treat
a call as "may have changed" (drop or recount), never as a delta to apply.
"""

from __future__ import annotations

import itertools
import sqlite3
import weakref
from collections.abc import Callable, Iterable
from typing import TypeVar

import sqlite_utils

T = TypeVar("T")

_names = itertools.count(1)


def data_version(conn: sqlite3.Connection) -> int:
    """Changes whenever another connection commits to the database file."""
    version: int = conn.execute("PRAGMA data_version").fetchone()[0]
    return version


def watch(conn: sqlite3.Connection, tables: Iterable[str], owner: object, method: str,
          key: str | None = None) -> None:
    """Call ``owner.<method>(value)`` after each insert, update or delete on ``tables``.

    ``value`` is the changed row's ``key`` column (old and new row for an update), or None
    without a key. The connection keeps only a weak reference to ``owner``.
    """
    ref = weakref.ref(owner)

    def changed(value: object) -> None:
        target = ref()
        if target is not None:
            # by name, not a bound method: a bound method would keep the owner alive
            getattr(target, method)(value)

    name = f"kiosk_watch_{next(_names)}"
    conn.create_function(name, 1, changed)
    new, old = (f"NEW.{key}", f"OLD.{key}") if key else ("NULL", "NULL")
    bodies = {"insert": f"SELECT {name}({new});", "delete": f"SELECT {name}({old});",
              "update": f"SELECT {name}({old}); SELECT {name}({new});"}
    for table in tables:
        for event, body in bodies.items():
            conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS {name}_{table}_{event} "
                         f"AFTER {event.upper()} ON main.{table} BEGIN {body} END")


def per_database(factory: Callable[[sqlite3.Connection, bool], T]
                 ) -> Callable[[sqlite_utils.Database], T]:
    """One ``factory(db.conn, watching)`` per ``sqlite_utils.Database`` (a connection cannot be
    weakly keyed).

    Triggers created inside a transaction vanish if it rolls back, so inside one the factory is
    told ``watching=False`` (it must then cache nothing) and the result is not kept: the first
    call outside a transaction installs the triggers for good.
    """
    made: weakref.WeakKeyDictionary[sqlite_utils.Database, T] = weakref.WeakKeyDictionary()

    def get(db: sqlite_utils.Database) -> T:
        found = made.get(db)
        if found is None:
            if db.conn.in_transaction:
                return factory(db.conn, False)
            found = made[db] = factory(db.conn, True)
        return found

    return get

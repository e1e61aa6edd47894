"""Tells listeners when another connection (another kiosk process, the sync worker) committed.

Uses ``PRAGMA data_version`` on a connection of its own: cheap enough to ask every few hundred
milliseconds, and it sees commits from other processes on the same file. The UI wraps ``poll``
in a timer of its bridge object and turns changes into Qt signals; widgets never poll.

``data_version`` does not change for commits made on the feed's own connection, which is why the
feed must never share the connection the services write on.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.store.db import connect


class ChangeFeed:
    def __init__(self, db_path: Path | str):
        self._conn: sqlite3.Connection | None = connect(db_path)
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []
        self._version = self._read()

    def _read(self) -> int:
        if self._conn is None:
            raise RuntimeError("the change feed is closed")
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def poll(self) -> bool:
        """True when another connection committed since the last poll; runs subscribers then."""
        with self._lock:
            version = self._read()
            changed = version != self._version
            self._version = version
        if changed:
            for callback in list(self._callbacks):
                callback()
        return changed

    def subscribe(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` from ``poll`` on each change; returns a function that unsubscribes."""
        self._callbacks.append(callback)

        def unsubscribe() -> None:
            if callback in self._callbacks:
                self._callbacks.remove(callback)

        return unsubscribe

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> ChangeFeed:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

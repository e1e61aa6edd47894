"""Opening the kiosk database: pragmas, migrations, transactions.

Connections run in autocommit mode (``isolation_level=None``); every write goes through
``transaction()``, which takes the write lock up front (``BEGIN IMMEDIATE``) so two kiosk
processes on one file serialise instead of failing half-way with SQLITE_BUSY.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import sqlite_utils

from kiosk.domain.errors import SchemaTooNew
from kiosk.store import audit_chain

BUSY_TIMEOUT_MS = 30_000
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """(number, file name, SQL) for every migration shipped with the package, in order."""
    found = []
    for entry in resources.files("kiosk.store.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migration numbers must run 1..N without gaps, found {numbers}")
    return found


def latest_version() -> int:
    return len(migrations())


def connect(path: Path | str) -> sqlite3.Connection:
    """A raw connection with the kiosk's pragmas; does not migrate."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    audit_chain.register(conn)  # the audit table's chain trigger calls it (migration 0013)
    return conn


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (``executescript`` would commit our transaction)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer)
            buffer = ""
    if buffer.strip() and not all(
        part.strip().startswith("--") or not part.strip() for part in buffer.splitlines()
    ):
        raise RuntimeError(f"incomplete SQL statement in migration: {buffer[:80]!r}")
    return statements


def _user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date; refuse a database written by newer software.

    The pending migrations run in one ``BEGIN IMMEDIATE`` transaction that re-reads the version
    under the write lock, so two kiosk processes opening a fresh file at once apply them exactly
    once, and a failure (or a crash) leaves the schema where it was, never half way.
    """
    shipped = migrations()
    found = _user_version(conn)
    if found > len(shipped):
        raise SchemaTooNew(
            f"This database was made by a newer version of Box Office Kiosk (schema {found}, "
            f"this program knows up to {len(shipped)}). Please update the kiosk software."
        )
    if found < len(shipped):
        with transaction(conn):  # every pending migration, one commit (one fsync, not 34)
            for number, _name, sql in shipped:
                if number <= _user_version(conn):  # done, maybe by another process just now
                    continue
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
    _forget_retired_settings(conn)
    return len(shipped)


# Settings rows a migration made that nothing may keep any more (migrations are history, so
# they are removed here, on every open that still finds them):
# - audit_pseudonym_key (0013): the key of the keyed hash unknown staff numbers were audited
#   under; kept beside those rows it let anyone holding the file try every 4-8 digit number
#   (issue 11 point 7). Without it, the old ``typed:`` targets can no longer be turned back.
RETIRED_SETTINGS = ("audit_pseudonym_key",)


def _forget_retired_settings(conn: sqlite3.Connection) -> None:
    for key in RETIRED_SETTINGS:  # read first: an open that finds nothing writes nothing
        if conn.execute("SELECT 1 FROM settings WHERE key = ?", (key,)).fetchone():
            with transaction(conn):
                conn.execute("DELETE FROM settings WHERE key = ?", (key,))


def open_db(path: Path | str) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the kiosk database."""
    conn = connect(path)
    migrate(conn)
    return sqlite_utils.Database(conn)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic write: BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The rowid the INSERT just run on ``cur`` made (``lastrowid`` is typed optional; after an
    INSERT it is always set)."""
    rowid = cur.lastrowid
    if rowid is None:
        raise RuntimeError("the statement inserted no row")
    return rowid

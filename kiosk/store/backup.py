"""Backup and restore of the kiosk database with SQLite's online backup API.

The backup API copies a consistent snapshot while other connections keep reading and writing
(a kiosk can stay open during a backup), and it reads through the WAL, so a backup
never misses committed sales that are not yet checkpointed. A backup is written to a temporary
file, switched to a single-file journal mode, checked, and only then renamed into place.

Restore is verified BEFORE anything is touched: the file must open read-only as an SQLite
database, pass ``PRAGMA integrity_check``, hold the kiosk's core tables and have a schema no
newer than this program. Then the current database is copied to
``<db>.pre-restore-<timestamp>`` and replaced through the backup API, which writes through the
live database's own pager (its WAL included), so connections of a running kiosk see the
restored data instead of a file swapped under their feet.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from kiosk.domain.errors import InvalidInput, NotFound, SchemaTooNew
from kiosk.store.db import BUSY_TIMEOUT_MS, connect, latest_version, migrate

# Tables every kiosk database has had since schema 1; a file without them is not a kiosk backup.
CORE_TABLES = frozenset({
    "cinemas", "halls", "films", "price_lists", "prices", "shows", "staff", "shifts", "holds",
    "bookings", "booking_seats", "seat_sales", "refunds", "allocations", "remote_seats",
    "outbox", "audit", "settings",
})


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d-%H%M%S")


def default_backup_path(db_path: Path, now: datetime | None = None) -> Path:
    return Path(db_path).parent / "backups" / f"kiosk-{_stamp(now)}.db"


def _open_read_only(path: Path) -> sqlite3.Connection:
    """Open read-only. A lone file is opened ``immutable`` (no lock or -shm file is created
    next to it); a file copied together with its ``-wal`` is read through that WAL, so sales
    committed but not yet checkpointed in the copy are not lost."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def verify(path: Path | str) -> int:
    """Check that ``path`` is a usable kiosk backup; return its schema version.

    Raises NotFound, InvalidInput (not a database, damaged, not a kiosk database) or
    SchemaTooNew, each with a message for the person restoring.
    """
    path = Path(path)
    if not path.is_file():
        raise NotFound(f"There is no backup file {path}.")
    try:
        conn = _open_read_only(path)
    except sqlite3.Error as err:
        raise InvalidInput(f"{path.name} cannot be opened as a kiosk backup ({err}).") from None
    try:
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as err:
            raise InvalidInput(f"{path.name} is not a kiosk backup: {err}.") from None
    finally:
        conn.close()
    if result != ["ok"]:
        detail = "; ".join(result[:3])
        raise InvalidInput(f"{path.name} is damaged and cannot be restored ({detail}).")
    missing = sorted(CORE_TABLES - tables)
    if missing:
        raise InvalidInput(f"{path.name} is not a kiosk backup: it lacks the tables "
                           f"{', '.join(missing)}.")
    if version > latest_version():
        raise SchemaTooNew(f"{path.name} was made by a newer version of Box Office Kiosk "
                           f"(schema {version}, this program knows up to {latest_version()}). "
                           "Update the kiosk software before restoring it.")
    return version


def backup(db_path: Path | str, dest: Path | str | None = None) -> Path:
    """Copy the live database to ``dest`` (a file, or a folder to put a dated file in).

    Never overwrites an existing file. Returns the path written.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise NotFound(f"There is no kiosk database at {db_path}.")
    if dest is None or Path(dest).is_dir():
        target = default_backup_path(db_path)
        if dest is not None:
            target = Path(dest) / target.name
        n = 1
        while target.exists():  # two backups within one second get distinct names
            target = target.with_name(f"{target.stem.split('.')[0].rsplit('_', 1)[0]}_{n}.db")
            n += 1
    else:
        target = Path(dest)
    if target.exists():
        raise InvalidInput(f"{target} already exists; choose another name (nothing was written).")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    src = connect(db_path)
    try:
        dst = sqlite3.connect(str(tmp))
        try:
            # One step: a single read transaction, so the copy is one consistent snapshot and
            # never restarts when a kiosk commits meanwhile (WAL lets writers carry on).
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dst.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    try:
        verify(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, target)
    return target


def restore(backup_path: Path | str, db_path: Path | str) -> Path | None:
    """Replace the database at ``db_path`` with a verified backup.

    Returns the path of the safety copy of the replaced database (None when there was none).
    A backup that fails verification raises before the live database is even opened.
    """
    backup_path, db_path = Path(backup_path), Path(db_path)
    verify(backup_path)
    if backup_path.resolve() == db_path.resolve():
        raise InvalidInput("The backup file is the live database itself; nothing to restore.")
    safety: Path | None = None
    if db_path.exists():
        safety = db_path.with_name(f"{db_path.name}.pre-restore-{_stamp()}")
        n = 1
        while safety.exists():
            safety = db_path.with_name(f"{db_path.name}.pre-restore-{_stamp()}-{n}")
            n += 1
        backup(db_path, safety)
    src = _open_read_only(backup_path)
    try:
        dst = connect(db_path)
        try:
            src.backup(dst)
            migrate(dst)  # an older backup is brought up to this program's schema
        finally:
            dst.close()
    finally:
        src.close()
    return safety

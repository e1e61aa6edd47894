"""Backup and restore of the kiosk database with SQLite's online backup API.

The backup API copies a consistent snapshot while other connections keep reading and writing
(a kiosk can stay open during a backup), and it reads through the WAL, so a backup
never misses committed sales that are not yet checkpointed. A backup is written to a temporary
file, switched to a single-file journal mode, checked, and only then renamed into place.

Restore is verified BEFORE anything is touched: the file must open read-only as an SQLite
database, pass ``PRAGMA integrity_check``, hold the kiosk's core tables and have a schema no
newer than this program. Then it is checked against every rule the live schema enforces
(:func:`check_rules`): a copy is migrated to this program's schema and every row is inserted
again into a database built fresh from the migrations, through its CHECK, NOT NULL and UNIQUE
constraints, and ``PRAGMA foreign_key_check`` must come back empty. A backup whose tables were
redefined without a rule (``total_minor >= 0``), or written with checks switched off, is refused
naming the table, row and rule. The restore then copies that rebuilt database, not the file as
given, so a backup cannot bring in triggers, views or tables of its own.

Only then is the current database copied to ``<db>.pre-restore-<timestamp>`` and replaced
through the backup API, which writes through the live database's own pager (its WAL included),
so connections of a running kiosk see the restored data instead of a file swapped under their
feet.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kiosk.domain.errors import InvalidInput, KioskError, NotFound, SchemaTooNew
from kiosk.store.db import BUSY_TIMEOUT_MS, connect, latest_version, migrate, transaction

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
    try:
        found = path.is_file()
    except OSError as err:  # e.g. a name longer than the file system allows
        raise InvalidInput(f"{path.name[:80]} cannot be read as a backup: "
                           f"{err.strerror or err}. Nothing was changed.") from None
    if not found:
        raise NotFound(f"There is no backup file {path}.")
    try:
        conn = _open_read_only(path)
    except sqlite3.Error as err:
        raise InvalidInput(f"{path.name} cannot be opened as a kiosk backup ({err}).") from None
    # A damaged file can make integrity_check quote bytes that are not UTF-8 (found by the fuzz).
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as err:
            raise InvalidInput(f"{path.name} is not a kiosk backup: {err}.") from None
        except UnicodeDecodeError:  # SQLite's own error text quoted damaged bytes
            raise InvalidInput(f"{path.name} is damaged and cannot be restored (its "
                               "structure is unreadable).") from None
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
    if dest is not None:
        from kiosk.store.files import check_name

        check_name(dest)  # a NUL byte or an over-long name: a message, not an OSError
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
    if dest is None or Path(dest).is_dir():
        target.parent.mkdir(parents=True, exist_ok=True)  # the dated default folder
    else:
        from kiosk.store.files import check_target

        check_target(target)  # a named file's folder must exist; no device or /proc target
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
    except (sqlite3.Error, OSError) as err:
        tmp.unlink(missing_ok=True)
        from kiosk.store.files import WriteFailed

        raise WriteFailed(f"Could not write the backup {target}: {err}. Nothing was "
                          "written.") from None
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


# Tables whose row counts an audit row of a backup or restore names.
COUNTED_TABLES = ("bookings", "refunds", "shifts", "shows", "films", "staff", "audit")
MAX_PROBLEMS_SHOWN = 5


@dataclass
class RestoreResult:
    safety: Path | None  # the replaced database's copy (None when there was none)
    schema: int  # the backup's schema version before migration
    counts: dict[str, int] = field(default_factory=dict)
    undone: list[str] = field(default_factory=list)  # frozen rows the restore took away


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]  # noqa: S608
            for t in COUNTED_TABLES if t in have}


# Table and column names put into SQL below come from this program's own migrations (the fresh
# database's sqlite_master), never from the backup: the backup's names are only compared.
def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA {schema}.table_xinfo("{table}")') if r[6] == 0]


def _first_bad_row(conn: sqlite3.Connection, table: str, columns: list[str]) -> str:
    """Insert row by row (only after the bulk copy failed) to name the row that breaks a rule:
    by rowid, or by primary key in a WITHOUT ROWID table."""
    cols = ", ".join(f'"{c}"' for c in columns)
    keys = [r[1] for r in sorted(conn.execute(f'PRAGMA main.table_info("{table}")'),
                                 key=lambda r: r[5]) if r[5] > 0]
    conn.execute("SAVEPOINT find_row")
    try:
        rows = conn.execute(f'SELECT {cols} FROM src."{table}"')  # noqa: S608
        marks = ", ".join("?" for _ in columns)
        for number, values in enumerate(rows.fetchall(), start=1):
            try:
                conn.execute(f'INSERT INTO main."{table}" ({cols}) VALUES ({marks})',  # noqa: S608
                             tuple(values))
            except sqlite3.IntegrityError as err:
                named = dict(zip(columns, values, strict=True))
                key = ", ".join(f"{k} {named[k]!r}" for k in keys) or f"number {number}"
                return f"{table} row {_short(key)}: {err}"
        return f"{table}: a row breaks a rule"
    finally:
        conn.execute("ROLLBACK TO find_row")
        conn.execute("RELEASE find_row")


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def _undecodable_text(conn: sqlite3.Connection, tables: list[str]) -> list[str]:
    """SQLite stores whatever bytes it is given as TEXT; a damaged backup can hold text that is
    not UTF-8, which every later read of that row would fail on. Read every row once."""
    bad = []
    for table in tables:
        try:
            for _ in conn.execute(f'SELECT * FROM main."{table}"'):  # noqa: S608
                pass
        except sqlite3.OperationalError as err:
            if "decode" not in str(err).lower():
                raise
            bad.append(f"the table {table} holds text that is not UTF-8 (the file is damaged)")
    return bad[:MAX_PROBLEMS_SHOWN]


def _row_key(conn: sqlite3.Connection, table: str, rowid: int | None) -> str:
    """How a person finds a row ``foreign_key_check`` named (rowid None: WITHOUT ROWID)."""
    if rowid is not None:
        return f"{table} row {rowid}"
    return f"a {table} row"


def check_rules(backup_path: Path | str, work_dir: Path | str) -> tuple[Path, int]:
    """Rebuild the backup through the live schema's rules; return (rebuilt file, its schema).

    The backup is copied into ``work_dir`` and migrated (an older backup is brought up to this
    program's schema, as a restore would), then every row of every table is inserted into a
    database built fresh from the migrations, with its triggers set aside (they describe new
    writes, not history). CHECK, NOT NULL and UNIQUE violations and broken foreign keys raise
    InvalidInput naming the table, row and rule; nothing outside ``work_dir`` is written.
    """
    backup_path, work_dir = Path(backup_path), Path(work_dir)
    version = verify(backup_path)
    name = backup_path.name
    copy, fresh = work_dir / "backup-copy.db", work_dir / "rebuilt.db"
    src = _open_read_only(backup_path)
    try:
        dst = sqlite3.connect(str(copy))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    conn = connect(copy)
    try:
        try:
            migrate(conn)
        except sqlite3.Error as err:
            raise InvalidInput(f"{name} cannot be brought up to this version's schema "
                               f"({err}); it was not restored.") from None
    finally:
        conn.close()
    conn = connect(fresh)
    try:
        migrate(conn)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA foreign_keys = OFF")
        triggers = [r[0] for r in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL")]
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        conn.execute("ATTACH DATABASE ? AS src", (str(copy),))
        theirs = {r[0] for r in conn.execute(
            "SELECT name FROM src.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%'")}
        unknown = sorted(theirs - set(tables))
        if unknown:
            raise InvalidInput(f"{name} holds tables this version does not know "
                               f"({', '.join(unknown[:5])}); it was not restored.")
        problems: list[str] = []
        with transaction(conn):
            for (trigger,) in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
                conn.execute(f'DROP TRIGGER "{trigger}"')
            for table in tables:  # rows a migration seeds (settings, secrets) come from the backup
                conn.execute(f'DELETE FROM main."{table}"')  # noqa: S608
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
                conn.execute("DELETE FROM main.sqlite_sequence")
            for table in tables:
                mine = _columns(conn, "main", table)
                if table not in theirs:
                    problems.append(f"the table {table} is missing")
                    continue
                extra = sorted(set(_columns(conn, "src", table)) - set(mine))
                lacking = sorted(set(mine) - set(_columns(conn, "src", table)))
                if extra or lacking:
                    problems.append(f"the table {table} has other columns than this version "
                                    f"({', '.join((extra + lacking)[:5])})")
                    continue
                cols = ", ".join(f'"{c}"' for c in mine)
                try:
                    conn.execute(f'INSERT INTO main."{table}" ({cols}) SELECT {cols} '  # noqa: S608
                                 f'FROM src."{table}"')
                except sqlite3.IntegrityError:
                    problems.append(_first_bad_row(conn, table, mine))
                if len(problems) >= MAX_PROBLEMS_SHOWN:
                    break
            if not problems:
                if conn.execute("SELECT 1 FROM src.sqlite_master "
                                "WHERE name = 'sqlite_sequence'").fetchone():
                    conn.execute("DELETE FROM main.sqlite_sequence")  # what the copy made
                    conn.execute("INSERT INTO main.sqlite_sequence (name, seq) "
                                 "SELECT name, seq FROM src.sqlite_sequence")
                for sql in triggers:
                    conn.execute(sql)
                for table, rowid, parent, _fk in conn.execute(
                        "PRAGMA main.foreign_key_check").fetchmany(MAX_PROBLEMS_SHOWN):
                    problems.append(f"{_row_key(conn, table, rowid)} points to a missing "
                                    f"{parent} row")
        conn.execute("DETACH DATABASE src")
        if not problems:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                problems.extend(result[:MAX_PROBLEMS_SHOWN])
        if not problems:
            problems.extend(_undecodable_text(conn, tables))
    finally:
        conn.close()
    if problems:
        raise InvalidInput(f"{name} breaks this database's own rules, so it was not restored "
                           "(nothing was changed): " + "; ".join(problems) + ".")
    return fresh, version


_FROZEN_TRIGGER = re.compile(r"BEFORE\s+DELETE\s+ON\s+\"?(\w+)\"?\s.*RAISE\s*\(\s*ABORT",
                             re.IGNORECASE | re.DOTALL)


def frozen_rows_lost(rebuilt: Path, db_path: Path) -> list[str]:
    """Rows of append-only tables (the schema raises on their DELETE, e.g. closed business
    days) that the live database has and the rebuilt backup lacks or holds otherwise.

    Restoring would silently undo them (a closed day reopened), which the schema forbids for
    any other write. Returns "table: N row(s)" lines; empty when nothing would be lost or the
    live database cannot be read (a damaged one is what restores are for).
    """
    conn = sqlite3.connect(f"{rebuilt.resolve().as_uri()}?mode=ro", uri=True)
    lost: list[str] = []
    try:
        frozen = sorted({m.group(1) for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL")
            for m in [_FROZEN_TRIGGER.search(sql)] if m})
        if not frozen or not db_path.is_file():
            return []
        try:
            conn.execute("ATTACH DATABASE ? AS live", (f"{db_path.resolve().as_uri()}?mode=ro",))
            live_tables = {r[0] for r in conn.execute(
                "SELECT name FROM live.sqlite_master WHERE type = 'table'")}
            for table in frozen:
                if table not in live_tables:
                    continue
                cols = _columns(conn, "main", table)
                if set(_columns(conn, "live", table)) != set(cols):
                    continue
                names = ", ".join(f'"{c}"' for c in cols)
                missing = conn.execute(
                    f'SELECT COUNT(*) FROM (SELECT {names} FROM live."{table}" '  # noqa: S608
                    f'EXCEPT SELECT {names} FROM main."{table}")').fetchone()[0]
                if missing:
                    lost.append(f"{table}: {missing} row(s)")
        except sqlite3.Error:
            return []
    finally:
        conn.close()
    return lost


def _readable(db_path: Path) -> bool:
    """SQLite can open the live file as a database (the online backup API needs that)."""
    try:
        conn = connect(db_path)
    except sqlite3.DatabaseError:
        return False
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def _copied(db_path: Path, safety: Path) -> bool:
    """A verified online backup of the live database to ``safety``; False when its pages are
    damaged past what opening it shows (the copy then fails its own check)."""
    try:
        backup(db_path, safety)
    except (KioskError, sqlite3.DatabaseError):  # WriteFailed or InvalidInput from the check
        for leftover in safety.parent.glob(f"{safety.name}*"):
            leftover.unlink(missing_ok=True)
        return False
    return True


def _set_aside(db_path: Path, safety: Path) -> None:
    """Copy a damaged live database (and its WAL) byte for byte to ``safety``, then remove
    it, so the restore writes a fresh file instead of failing on the damaged one."""
    companions = [Path(f"{db_path}{suffix}") for suffix in ("", "-wal")]
    for path in companions:
        if path.exists():
            shutil.copyfile(path, f"{safety}{path.name[len(db_path.name):]}")
    for path in [*companions, Path(f"{db_path}-shm")]:
        path.unlink(missing_ok=True)


def restore(backup_path: Path | str, db_path: Path | str) -> Path | None:
    """Replace the database at ``db_path`` with a verified backup.

    Returns the path of the safety copy of the replaced database (None when there was none).
    A backup that fails verification raises before the live database is even opened.
    """
    return restore_checked(backup_path, db_path).safety


def restore_checked(backup_path: Path | str, db_path: Path | str,
                    undo_frozen: bool = False) -> RestoreResult:
    """:func:`restore`, saying also the backup's schema and what it holds (for the audit).

    A backup older than a closed business day would reopen it: refused unless ``undo_frozen``
    (the person restoring says so explicitly; the replaced data stays in the safety copy)."""
    backup_path, db_path = Path(backup_path), Path(db_path)
    verify(backup_path)
    if backup_path.resolve() == db_path.resolve():
        raise InvalidInput("The backup file is the live database itself; nothing to restore.")
    # The check's scratch files live beside the database (a large backup may not fit in /tmp).
    work_parent = db_path.parent if db_path.parent.is_dir() else None
    work = Path(tempfile.mkdtemp(prefix=".restore-check-", dir=work_parent))
    try:
        try:
            rebuilt, version = check_rules(backup_path, work)
        except sqlite3.DatabaseError as err:  # a page damaged past what integrity_check saw
            raise InvalidInput(f"{backup_path.name} cannot be read as a kiosk backup ({err}); "
                               "it was not restored (nothing was changed).") from None
        lost = frozen_rows_lost(rebuilt, db_path)
        if lost and not undo_frozen:
            raise InvalidInput(
                f"{backup_path.name} is older than records that can never change in this "
                f"database ({'; '.join(lost)}, e.g. closed business days): restoring it would "
                "undo them. Nothing was changed. Restore a newer backup, or repeat with "
                "--undo-closed-days if a manager has decided to (it is audited).")
        safety: Path | None = None
        if db_path.exists():
            safety = db_path.with_name(f"{db_path.name}.pre-restore-{_stamp()}")
            n = 1
            while safety.exists():
                safety = db_path.with_name(f"{db_path.name}.pre-restore-{_stamp()}-{n}")
                n += 1
            if not _readable(db_path) or not _copied(db_path, safety):
                # damaged (what restores are for): keep its bytes, then start a fresh file
                _set_aside(db_path, safety)
        src = _open_read_only(rebuilt)
        try:
            dst = connect(db_path)
            try:
                src.backup(dst)
                migrate(dst)  # already this program's schema; a no-op kept for safety
                counts = table_counts(dst)
            finally:
                dst.close()
        finally:
            src.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return RestoreResult(safety, version, counts, lost)

"""Backup and restore: consistent copies of a live database; a bad backup never touches it."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from kiosk.domain.errors import InvalidInput, NotFound, SchemaTooNew
from kiosk.store.backup import backup, restore, verify
from kiosk.store.db import connect, latest_version, open_db, transaction
from tests.factories import make_world


@pytest.fixture
def live(config, clock):
    db = open_db(config.db_path)
    make_world(db, clock)
    yield db
    db.conn.close()


def files_of(db_path: Path) -> dict[str, bytes]:
    """The database file and its WAL / shared-memory companions, byte for byte."""
    out = {}
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(db_path) + suffix)
        if p.exists():
            out[suffix] = p.read_bytes()
    return out


def film_titles(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT title FROM films")}
    finally:
        conn.close()


def test_backup_holds_committed_but_uncheckpointed_data(live, config, tmp_path):
    with transaction(live.conn) as conn:
        conn.execute("INSERT INTO films (id, title, language, certificate, runtime_min) "
                     "VALUES ('new', 'Only In The WAL', 'Hindi', 'U', 90)")
    assert Path(str(config.db_path) + "-wal").stat().st_size > 0
    written = backup(config.db_path, tmp_path / "copy.db")
    assert "Only In The WAL" in film_titles(written)
    assert verify(written) == latest_version()
    assert not Path(str(written) + "-wal").exists()  # one self-contained file


def test_backup_while_another_connection_writes(live, config, tmp_path):
    stop = threading.Event()
    errors: list[BaseException] = []

    def writer():
        conn = connect(config.db_path)
        n = 0
        try:
            while not stop.is_set() and n < 2000:
                with transaction(conn):
                    conn.execute("INSERT INTO settings (key, value) VALUES (?, 'x')", (f"k{n}",))
                n += 1
        except BaseException as err:  # surfaced below
            errors.append(err)
        finally:
            conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        written = backup(config.db_path, tmp_path / "during.db")
    finally:
        stop.set()
        thread.join()
    assert not errors
    verify(written)
    conn = sqlite3.connect(written)
    keys = [r[0] for r in conn.execute("SELECT key FROM settings WHERE key LIKE 'k%'")]
    conn.close()
    numbers = sorted(int(k[1:]) for k in keys)
    assert numbers == list(range(len(numbers)))  # a prefix of the commits: consistent


def test_backup_into_a_folder_and_never_over_a_file(live, config, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    written = backup(config.db_path, folder)
    assert written.parent == folder and written.name.startswith("kiosk-")
    with pytest.raises(InvalidInput, match="already exists"):
        backup(config.db_path, written)
    with pytest.raises(NotFound):
        backup(tmp_path / "no.db", tmp_path / "x.db")
    default = backup(config.db_path)
    assert default.parent == config.db_path.parent / "backups"
    second = backup(config.db_path)  # same second, distinct name
    assert second != default and verify(second)


def test_restore_round_trip_keeps_a_safety_copy(live, config, tmp_path):
    saved = backup(config.db_path, tmp_path / "saved.db")
    with transaction(live.conn) as conn:
        conn.execute("UPDATE films SET title = 'Changed After Backup'")
    safety = restore(saved, config.db_path)
    assert safety is not None and safety.name.startswith("kiosk.db.pre-restore-")
    assert film_titles(safety) == {"Changed After Backup"}
    # the connection that was open all along sees the restored data
    assert {r[0] for r in live.conn.execute("SELECT title FROM films")} == {"The Test Pattern"}
    assert live.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert live.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_restore_into_a_missing_database(live, config, tmp_path):
    saved = backup(config.db_path, tmp_path / "saved.db")
    target = tmp_path / "fresh" / "kiosk.db"
    assert restore(saved, target) is None
    assert film_titles(target) == {"The Test Pattern"}


def test_restore_migrates_an_older_backup(live, config, tmp_path):
    from kiosk.store.db import migrations

    saved = tmp_path / "old.db"
    conn = sqlite3.connect(saved)
    conn.executescript(migrations()[0][2])
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    assert verify(saved) == 1
    restore(saved, config.db_path)
    assert live.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()


def _garbage(path: Path, good: Path) -> None:
    path.write_bytes(b"this is not a database" * 100)


def _truncated(path: Path, good: Path) -> None:
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _corrupted(path: Path, good: Path) -> None:
    data = bytearray(good.read_bytes())
    page = 4096
    for i in range(2 * page + 100, len(data), page):  # scribble over every b-tree page header
        data[i:i + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))


def _foreign(path: Path, good: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.close()


def _too_new(path: Path, good: Path) -> None:
    path.write_bytes(good.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()


@pytest.mark.parametrize("spoil,error", [
    (_garbage, InvalidInput), (_truncated, InvalidInput), (_corrupted, InvalidInput),
    (_foreign, InvalidInput), (_too_new, SchemaTooNew),
])
def test_a_bad_backup_leaves_the_live_database_byte_for_byte(live, config, tmp_path, spoil, error):
    good = backup(config.db_path, tmp_path / "good.db")
    bad = tmp_path / "bad.db"
    spoil(bad, good)
    before = files_of(config.db_path)
    with pytest.raises(error):
        restore(bad, config.db_path)
    assert files_of(config.db_path) == before
    assert not list(config.db_path.parent.glob("*.pre-restore-*"))


def test_missing_backup_and_restoring_onto_itself(live, config, tmp_path):
    with pytest.raises(NotFound):
        restore(tmp_path / "nope.db", config.db_path)
    before = files_of(config.db_path)
    live.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = files_of(config.db_path)
    with pytest.raises(InvalidInput, match="live database itself"):
        restore(config.db_path, config.db_path)
    assert files_of(config.db_path) == before


def test_restore_from_a_plain_copy_with_its_wal(live, config, tmp_path):
    """A database copied by hand together with its -wal file restores with the WAL's sales."""
    import shutil

    live.conn.execute("PRAGMA wal_autocheckpoint = 0")
    with transaction(live.conn) as conn:
        conn.execute("UPDATE films SET title = 'Only In The Copied WAL'")
    copy = tmp_path / "copy.db"
    shutil.copyfile(config.db_path, copy)
    shutil.copyfile(f"{config.db_path}-wal", f"{copy}-wal")
    with transaction(live.conn) as conn:
        conn.execute("UPDATE films SET title = 'Later'")
    restore(copy, config.db_path)
    assert {r[0] for r in live.conn.execute("SELECT title FROM films")} == {"Only In The Copied WAL"}

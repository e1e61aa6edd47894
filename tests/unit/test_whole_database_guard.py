"""Restore, backup and ``init --force`` need a signed-in manager when the database has staff
(review findings 3 and 6 of issue 11): a cashier, or nobody, is refused with the database and
its files unchanged (an audit row excepted); an empty or missing database needs no sign-in.
The rule is one service function (``kiosk.services.db_guard``); these tests go through the
CLI as the review did, and through the service for what a CLI cannot reach (a demotion)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kiosk.domain.errors import InvalidInput, PermissionDenied, SessionEnded
from kiosk.services.backups import backup_database, restore_database
from kiosk.services.db_guard import has_staff, require_manager_for_database
from kiosk.store.backup import backup
from kiosk.store.db import open_db
from kiosk.store.files import check_target, write_text
from tests.factories import MANAGER as WORLD_MANAGER
from tests.factories import make_world, table_dump
from tests.unit.test_cli_sales import CASHIER, MANAGER, Kiosk
from tests.unit.test_restore_checks import close_a_day, staff_actor

HINT = "--staff NUMBER with the PIN in KIOSK_PIN"


@pytest.fixture
def kiosk(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("KIOSK_PIN", raising=False)
    return Kiosk(tmp_path, capsys)


def audit(db_path: Path, action: str) -> list[dict]:
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) | {"detail": json.loads(r["detail"])} for r in conn.execute(
            "SELECT * FROM audit WHERE action = ? ORDER BY id", (action,))]
    finally:
        conn.close()


def files(folder: Path) -> set[str]:
    """Every file under ``folder`` but the live database's own (its WAL moves as it is read)."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")
            if not p.name.startswith("kiosk.db")}


def close_day(kiosk) -> None:
    conn = sqlite3.connect(kiosk.db_path)
    with conn:
        close_a_day(conn)
    conn.close()


# ---------------------------------------------------------------- restore (finding A)
@pytest.mark.parametrize("staff, reason", [([], "no_sign_in"), (CASHIER, "permission_denied")])
def test_restore_undoing_a_closed_day_needs_a_manager(kiosk, staff, reason):
    saved = kiosk.db_path.parent / "before-close.db"
    backup(kiosk.db_path, saved)
    close_day(kiosk)
    before = files(kiosk.db_path.parent)
    err = kiosk.refused("restore", str(saved), "--yes", "--undo-closed-days", *staff,
                        match="a manager must sign in")
    assert HINT in err and "Nothing was changed" in err
    assert files(kiosk.db_path.parent) == before  # no .pre-restore copy either
    assert kiosk.query("SELECT COUNT(*) FROM business_days") == [(1,)]
    [row] = audit(kiosk.db_path, "restore")
    assert row["ok"] == 0 and row["detail"]["reason"] == reason
    if staff:
        assert row["staff_id"] == kiosk.query(
            "SELECT id FROM staff WHERE staff_number = '1001'")[0][0]

    rc, out, err = kiosk("restore", str(saved), "--yes", "--undo-closed-days", *MANAGER)
    assert rc == 0, err
    assert "business_days: 1 row(s)" in out and "pre-restore" in out
    assert kiosk.query("SELECT COUNT(*) FROM business_days") == [(0,)]
    ok = [r for r in audit(kiosk.db_path, "restore") if r["ok"]]
    assert ok[-1]["detail"]["staff_number"] == "9001"


def test_restore_into_a_missing_database_needs_no_sign_in(kiosk, tmp_path, capsys):
    from tests.cli_pin import main_with_pin

    saved = tmp_path / "saved.db"
    backup(kiosk.db_path, saved)
    fresh = tmp_path / "new" / "kiosk.db"
    fresh.parent.mkdir()
    assert main_with_pin(["--db", str(fresh), "restore", str(saved), "--yes"]) == 0
    assert "Restored saved.db" in capsys.readouterr().out
    assert has_staff(fresh)  # the backup's staff are now there: the next restore needs one


def test_restore_over_an_unreadable_database_needs_no_sign_in(config, clock, tmp_path):
    db = open_db(tmp_path / "source.db")
    make_world(db, clock)
    db.conn.close()
    saved = backup(tmp_path / "source.db", tmp_path / "saved.db")
    config.db_path.write_bytes(b"not a database" * 300)
    assert not has_staff(config.db_path)
    result = restore_database(config, saved, clock)
    assert result.safety is not None and has_staff(config.db_path)
    assert result.safety.read_bytes() == b"not a database" * 300  # kept as it was


def test_a_manager_restores_over_a_database_whose_table_pages_are_damaged(config, clock,
                                                                           tmp_path):
    """Second review: opening the live file worked but its shows pages were garbage, so the
    safety copy failed its own check and the restore could not run at all. Now the damaged
    file's bytes are kept as the safety copy and the restore goes ahead."""
    db = open_db(config.db_path)
    make_world(db, clock)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    manager = staff_actor(db.conn, WORLD_MANAGER[0])
    root, page_size = (db.conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'shows'"
                                       ).fetchone()[0],
                       db.conn.execute("PRAGMA page_size").fetchone()[0])
    db.conn.close()
    saved = backup(config.db_path, tmp_path / "saved.db")
    data = bytearray(config.db_path.read_bytes())
    data[(root - 1) * page_size:root * page_size] = b"\xff" * page_size
    config.db_path.write_bytes(bytes(data))
    assert has_staff(config.db_path)  # still opens, and its staff can be read
    result = restore_database(config, saved, clock, actor=manager)
    assert result.safety is not None and result.safety.read_bytes() == bytes(data)
    conn = sqlite3.connect(config.db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM shows").fetchone()[0] > 0
    conn.close()
    assert not list(tmp_path.glob("*.partial"))


def test_a_restore_from_a_name_too_long_for_the_file_system_is_refused_plainly(config, clock):
    with pytest.raises(InvalidInput, match="cannot be read as a backup"):
        restore_database(config, "x" * 300 + ".db", clock)


# ---------------------------------------------------------------- backup (finding C)
@pytest.mark.parametrize("staff, reason", [([], "no_sign_in"), (CASHIER, "permission_denied")])
def test_a_backup_holds_pin_hashes_so_it_needs_a_manager(kiosk, staff, reason):
    target = kiosk.db_path.parent / "copy.db"
    before = files(kiosk.db_path.parent)
    err = kiosk.refused("backup", str(target), *staff, match="a manager must sign in")
    assert HINT in err and "PIN hash" in err
    assert files(kiosk.db_path.parent) == before and not target.exists()
    [row] = audit(kiosk.db_path, "backup")
    assert row["ok"] == 0 and row["detail"]["reason"] == reason

    rc, out, err = kiosk("backup", str(target), *MANAGER)
    assert rc == 0, err
    assert target.exists()
    assert audit(kiosk.db_path, "backup")[-1]["ok"] == 1


def test_a_database_without_staff_is_backed_up_without_sign_in(tmp_path, capsys):
    from kiosk.cli import main

    db_path = tmp_path / "empty.db"
    open_db(db_path).conn.close()  # migrated, no staff: nothing a PIN hash could leak
    assert main(["--db", str(db_path), "backup", str(tmp_path / "b.db")]) == 0
    assert (tmp_path / "b.db").exists()


# ---------------------------------------------------------------- init --force (finding B)
@pytest.mark.parametrize("staff, reason", [([], "no_sign_in"), (CASHIER, "permission_denied")])
def test_init_demo_force_over_a_real_database_needs_a_manager(kiosk, staff, reason):
    close_day(kiosk)
    before = files(kiosk.db_path.parent)
    err = kiosk.refused("init", "--demo", "--force", "--yes", *staff,
                        match="a manager must sign in")
    assert HINT in err
    assert files(kiosk.db_path.parent) == before  # no safety backup: nothing was to be wiped
    assert kiosk.query("SELECT staff_number FROM staff ORDER BY id") == [
        ("1001",), ("1002",), ("9001",)]  # not the demo staff with published PINs
    [row] = audit(kiosk.db_path, "init.wipe")
    assert row["ok"] == 0 and row["detail"]["reason"] == reason

    rc, out, err = kiosk("init", "--demo", "--force", "--yes", *MANAGER)
    assert rc == 0, err
    assert "Saved a backup" in out and "Demo data loaded" in out
    [old] = (kiosk.db_path.parent / "backups").glob("kiosk-*.db")
    conn = sqlite3.connect(old)  # the safety backup keeps the closed day
    assert conn.execute("SELECT COUNT(*) FROM business_days").fetchone()[0] == 1
    conn.close()
    [row] = [r for r in audit(kiosk.db_path, "init.wipe") if r["ok"]]
    assert row["detail"]["manager"]["staff_number"] == "9001"


def test_init_demo_force_over_a_database_without_staff_needs_no_sign_in(tmp_path, capsys):
    from kiosk.cli import main

    db_path = tmp_path / "kiosk.db"
    open_db(db_path).conn.close()
    assert main(["--db", str(db_path), "init", "--demo", "--force", "--yes"]) == 0
    assert "Demo data loaded" in capsys.readouterr().out


# ---------------------------------------------------------------- the service rule itself
def test_a_manager_demoted_since_signing_in_is_refused(config, clock, tmp_path):
    db = open_db(config.db_path)
    make_world(db, clock)
    manager = staff_actor(db.conn, WORLD_MANAGER[0])
    saved = backup(config.db_path, tmp_path / "saved.db")
    db.conn.execute("UPDATE staff SET role = 'cashier' WHERE id = ?", (manager.staff_id,))
    before = table_dump(db.conn)
    with pytest.raises(SessionEnded, match="Only a manager can restore a backup"):
        restore_database(config, saved, clock, manager)
    with pytest.raises(SessionEnded):
        backup_database(config, tmp_path / "b.db", clock, manager)
    assert table_dump(db.conn) == before and not (tmp_path / "b.db").exists()
    refusals = db.conn.execute("SELECT action, detail FROM audit WHERE ok = 0 ORDER BY id")
    assert [(a, json.loads(d)["reason"]) for a, d in refusals] == [
        ("restore", "role_changed"), ("backup", "role_changed")]
    db.conn.close()


def test_the_rule_allows_anyone_only_without_staff(config, clock):
    assert require_manager_for_database(config, None, "restore") is False  # no database
    db = open_db(config.db_path)
    assert require_manager_for_database(config, None, "restore") is False  # no staff
    make_world(db, clock)
    with pytest.raises(PermissionDenied, match="a manager must sign in"):
        require_manager_for_database(config, None, "restore", what="restore a backup")
    assert require_manager_for_database(
        config, staff_actor(db.conn, WORLD_MANAGER[0]), "restore") is True
    db.conn.close()


# ---------------------------------------------------------------- file names (finding D)
@pytest.mark.parametrize("name, match", [
    ("a" * 300 + ".db", "too long"),
    ("b" * 240 + ".db", "too long"),  # fits the OS, not with the .partial work file beside it
    ("/".join(["c" * 200] * 30) + "/x.db", "too long"),
    ("bad\0name.db", "NUL character"),
])
def test_check_target_turns_bad_names_into_a_message(tmp_path, name, match):
    target = tmp_path / name
    with pytest.raises(InvalidInput, match=match) as err:
        check_target(target)
    assert "nothing was written" in str(err.value)
    assert len(str(err.value)) < 300  # the name is shortened in the message
    with pytest.raises(InvalidInput, match=match):
        write_text(target, "x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["a" * 300 + ".db", "nul\0.db"])
def test_backup_to_a_bad_name_is_refused_cleanly(kiosk, name):
    err = kiosk.refused("backup", str(kiosk.db_path.parent / name), *MANAGER,
                        match="nothing was written")
    assert "Errno" not in err and "ValueError" not in err
    assert not (kiosk.db_path.parent / "backups").exists()

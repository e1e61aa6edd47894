"""``kiosk cloud join``: an empty database filled from the cloud, never the demo; clear refusals
that change nothing (unknown cinema, cloud unreachable, unsent sales)."""

from __future__ import annotations

import tomllib
from dataclasses import replace

import pytest

from kiosk.cloud.join import JoinError, join_cinema, needs_first_run
from kiosk.config_edit import set_top_level
from kiosk.store.db import open_db
from kiosk.store.demo import DEMO_MARKER


@pytest.fixture
def published(cloud_services, ctx, clock):
    """The manager console's database (the small test world), published to moto."""
    from kiosk.cloud.catalogue_sync import publish

    world = cloud_services.world
    publish(ctx, cloud_services.deps.conn, world.cinema_id, world.manager[0], clock=clock,
            cleaning_gap_min=cloud_services.deps.config.cleaning_gap_min)
    return world


@pytest.fixture
def device(cloud_config, tmp_path):
    """A new device of the same cinema: its own database and config file, nothing in them."""
    return replace(cloud_config, db_path=tmp_path / "device" / "kiosk.db", kiosk_id="KIOSK-7")


def rows(path, table: str) -> int:
    db = open_db(path)
    try:
        return db.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608
    finally:
        db.conn.close()


def test_join_fills_an_empty_database_and_the_cashier_signs_in(published, device, tmp_path,
                                                               clock):
    from kiosk.services.app import open_services

    conf_file = tmp_path / "device" / "kiosk.toml"
    result = join_cinema(device, published.cinema_id, kiosk_id="KIOSK-8", config_path=conf_file,
                         clock=clock)
    assert result.counts["cinemas"] == 1 and result.counts["staff"] == 3
    assert result.counts["shows"] >= 2 and result.counts["halls"] == 1
    assert tomllib.loads(conf_file.read_text()) == {"cinema_id": published.cinema_id,
                                                    "kiosk_id": "KIOSK-8"}
    db = open_db(device.db_path)
    try:
        assert db.conn.execute("SELECT 1 FROM settings WHERE key = ?",
                               (DEMO_MARKER,)).fetchone() is None
        assert db.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 0
        assert not needs_first_run(device, db.conn)
        [change] = db.conn.execute("SELECT target, detail FROM audit "
                                   "WHERE action = 'config_change'").fetchall()
        assert change["target"] == str(conf_file) and "KIOSK-8" in change["detail"]
    finally:
        db.conn.close()
    joined = replace(device, cinema_id=published.cinema_id, kiosk_id="KIOSK-8")
    svc = open_services(joined, clock=clock)
    try:
        actor = svc.auth.sign_in(*published.cashier)
        assert actor.role == "cashier"
    finally:
        svc.close()


def test_unknown_cinema_is_refused_and_nothing_is_created(published, device, tmp_path, clock):
    conf_file = tmp_path / "device" / "kiosk.toml"
    with pytest.raises(JoinError, match="no cinema 'nowhere'.*Nothing was changed"):
        join_cinema(device, "nowhere", config_path=conf_file, clock=clock)
    assert not device.db_path.exists() and not conf_file.exists()


def test_cloud_off_or_unreachable_is_refused(config, tmp_path, clock):
    from kiosk.cloud.server import free_port

    with pytest.raises(JoinError, match="cloud is off"):
        join_cinema(config, "cin-test", config_path=tmp_path / "k.toml", clock=clock)
    away = replace(config, cloud=replace(config.cloud, enabled=True,
                                         endpoint_url=f"http://127.0.0.1:{free_port()}"))
    with pytest.raises(JoinError, match="Cannot reach the cloud.*Nothing was changed"):
        join_cinema(away, "cin-test", config_path=tmp_path / "k.toml", clock=clock)
    assert not config.db_path.exists() and not (tmp_path / "k.toml").exists()


def test_a_database_with_unsent_sales_is_refused_unchanged(published, cloud_config, tmp_path,
                                                          clock):
    from tests.cloud.helpers import write_offline_bookings

    db = open_db(cloud_config.db_path)
    write_offline_bookings(db.conn, show_id=published.show_id, seat_groups=[["A1"]],
                           kiosk_id="KIOSK-1", now=clock.now())
    before = db.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0]
    db.conn.close()
    with pytest.raises(JoinError, match="Not joined: this kiosk has .* not yet sent"):
        join_cinema(cloud_config, published.cinema_id, config_path=tmp_path / "k.toml",
                    clock=clock)
    assert rows(cloud_config.db_path, "bookings") == before
    assert not (tmp_path / "k.toml").exists()


def staff_actor(path, number: str):
    """The staff member as signed in on ``path`` (the rule re-reads the row anyway)."""
    from kiosk.services.models import Actor, Role

    db = open_db(path)
    try:
        row = db.conn.execute("SELECT id, name, role FROM staff WHERE staff_number = ?",
                              (number,)).fetchone()
    finally:
        db.conn.close()
    return Actor(staff_id=row[0], staff_number=number, name=row[1], role=Role(row[2]),
                 kiosk_id="KIOSK-7")


def demo_device(device, clock) -> int:
    """The device's database holds the demo (its staff, PINs published); returns its cinemas."""
    from kiosk.store.demo import ensure_demo_data

    device.db_path.parent.mkdir(parents=True)
    db = open_db(device.db_path)
    ensure_demo_data(db, clock, rounds=4)
    demo_cinemas = db.conn.execute("SELECT COUNT(*) FROM cinemas").fetchone()[0]
    db.conn.close()
    return demo_cinemas


def test_a_demo_database_is_saved_then_replaced_by_the_cinema(published, device, tmp_path,
                                                              clock):
    demo_cinemas = demo_device(device, clock)
    result = join_cinema(device, published.cinema_id, config_path=tmp_path / "k.toml",
                         clock=clock, actor=staff_actor(device.db_path, "9001"))
    assert result.backup is not None and result.backup.exists()
    assert rows(result.backup, "cinemas") == demo_cinemas
    db = open_db(device.db_path)
    try:
        assert [r[0] for r in db.conn.execute("SELECT id FROM cinemas")] == [published.cinema_id]
        assert db.conn.execute("SELECT 1 FROM settings WHERE key = ?",
                               (DEMO_MARKER,)).fetchone() is None
    finally:
        db.conn.close()
    again = join_cinema(device, published.cinema_id, config_path=tmp_path / "k.toml",
                        clock=clock, actor=staff_actor(device.db_path, published.manager[0]))
    assert again.backup is None  # its own copy: pulled again, not wiped


@pytest.mark.parametrize("number", [None, "1001"])  # nobody signed in; a demo cashier
def test_a_join_over_a_database_with_staff_needs_its_manager(published, device, tmp_path,
                                                             clock, number):
    from kiosk.domain.errors import PermissionDenied
    from tests.factories import table_dump

    demo_device(device, clock)
    actor = staff_actor(device.db_path, number) if number else None
    db = open_db(device.db_path)
    before = table_dump(db.conn)
    with pytest.raises(PermissionDenied, match="a manager must sign in: add --staff NUMBER"):
        join_cinema(device, published.cinema_id, config_path=tmp_path / "k.toml", clock=clock,
                    actor=actor)
    assert table_dump(db.conn) == before
    [(ok, detail)] = db.conn.execute("SELECT ok, detail FROM audit WHERE action = 'cloud.join'")
    db.conn.close()
    assert ok == 0 and ("no_sign_in" if number is None else "permission_denied") in detail
    assert not (tmp_path / "k.toml").exists()
    assert not (device.db_path.parent / "backups").exists()  # not even the safety backup


def test_cli_join_prints_the_summary(published, device, tmp_path, capsys, monkeypatch, clock):
    from kiosk.commands import cloud as cloud_command

    args = type("A", (), {"cinema": published.cinema_id, "join_kiosk_id": None,
                          "config": tmp_path / "cli.toml"})()
    assert cloud_command._join(args, device) == 0
    out = capsys.readouterr().out
    assert f"Joined cinema {published.cinema_id} as KIOSK-7" in out and "3 staff" in out
    args.cinema = "nowhere"
    with pytest.raises(cloud_command.CloudCommandError, match="no cinema"):
        cloud_command._join(args, replace(device, db_path=tmp_path / "other.db"))


def test_cli_join_over_the_demo_signs_the_manager_in(published, device, tmp_path, capsys,
                                                     monkeypatch, clock):
    from kiosk.commands import cloud as cloud_command
    from kiosk.domain.errors import PermissionDenied

    demo_device(device, clock)
    args = type("A", (), {"cinema": published.cinema_id, "join_kiosk_id": None,
                          "config": tmp_path / "cli.toml", "staff": "1001"})()
    monkeypatch.setenv("KIOSK_PIN", "1234")  # a demo cashier: signed in, then refused
    with pytest.raises(PermissionDenied, match="Only a manager can join"):
        cloud_command._join(args, device)
    assert not (tmp_path / "cli.toml").exists()
    args.staff = "9001"
    monkeypatch.setenv("KIOSK_PIN", "9999")
    assert cloud_command._join(args, device) == 0
    out = capsys.readouterr().out
    assert f"Joined cinema {published.cinema_id}" in out and "previous database was saved" in out


def test_config_edit_keeps_comments_and_tables(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('# my kiosk\nkiosk_id = "OLD"  # set by hand\nmode = "counter"\n\n'
                    '[cloud]\nenabled = true\ntable = "t"\n')
    set_top_level(path, {"kiosk_id": "KIOSK-9", "cinema_id": 'c"1'})
    text = path.read_text()
    assert text.startswith("# my kiosk\n")
    assert tomllib.loads(text) == {"kiosk_id": "KIOSK-9", "mode": "counter", "cinema_id": 'c"1',
                                   "cloud": {"enabled": True, "table": "t"}}

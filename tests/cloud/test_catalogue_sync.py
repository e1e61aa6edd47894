"""The shared catalogue and staff directory: publish from a manager's device, pull on others.

Two (or three) kiosk databases on one moto table; the manager's device is the ``cloud_services``
world (cinema ``cin-test``), the others start empty or with their own copy.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from kiosk.cloud import catalogue_sync as cs
from kiosk.domain.clock import to_iso
from kiosk.domain.errors import AuthError, PermissionDenied
from kiosk.services.models import Actor, Role
from kiosk.store.db import open_db, transaction
from tests.cloud.conftest import TABLE
from tests.factories import CASHIER, MANAGER

CINEMA = "cin-test"


@pytest.fixture
def manager_device(cloud_services, ctx):
    """The world's device as the cinema's manager console (cinema_id set)."""
    ctx.config = replace(ctx.config, cinema_id=CINEMA)
    return cloud_services


def other_device(tmp_path, ctx, clock, name: str):
    """A second kiosk database on the same table (empty: what ``kiosk cloud join`` starts from)."""
    path = tmp_path / f"{name}.db"
    open_db(path).conn.close()
    return cs.CataloguePuller(ctx, path, clock)


def publish_all(svc, ctx, clock, staff_number: str = MANAGER[0]) -> cs.PublishResult:
    return cs.publish(ctx, svc.deps.conn, CINEMA, staff_number, clock=clock,
                      cleaning_gap_min=svc.config.cleaning_gap_min)


def cloud_item(ctx, sk: str) -> dict | None:
    client = ctx.clients().dynamodb
    return client.get_item(TableName=TABLE, Key={"pk": {"S": f"CINEMA#{CINEMA}"},
                                                 "sk": {"S": sk}}).get("Item")


def partition(ctx) -> list[dict]:
    client = ctx.clients().dynamodb
    return client.query(TableName=TABLE, KeyConditionExpression="pk = :pk",
                        ExpressionAttributeValues={":pk": {"S": f"CINEMA#{CINEMA}"}})["Items"]


def push_version(ctx, version: int, items: list[tuple[str, str, str]]) -> None:
    """Write catalogue ``version`` by hand, as a device with other rules (or a fault) might:
    the VERSION item, its change log and each (sort key, kind, body text) as given."""
    pk = {"S": f"CINEMA#{CINEMA}"}
    ctx.clients().dynamodb.transact_write_items(TransactItems=[
        {"Update": {"TableName": TABLE, "Key": {"pk": pk, "sk": {"S": "VERSION"}},
                    "UpdateExpression": "SET version = :v",
                    "ExpressionAttributeValues": {":v": {"N": str(version)}}}},
        {"Put": {"TableName": TABLE, "Item": {
            "pk": pk, "sk": {"S": cs.change_sk(version)}, "version": {"N": str(version)},
            "sks": {"L": [{"S": sk} for sk, _, _ in items]}}}},
        *({"Put": {"TableName": TABLE, "Item": {
            "pk": pk, "sk": {"S": sk}, "version": {"N": str(version)}, "kind": {"S": kind},
            "body": {"S": body}}}} for sk, kind, body in items),
    ])


def manager_actor(svc) -> Actor:
    return svc.auth.sign_in(*MANAGER)


# ---- round trip --------------------------------------------------------------------------
def test_publish_then_pull_round_trip_of_every_kind(manager_device, ctx, clock, tmp_path):
    svc = manager_device
    result = publish_all(svc, ctx, clock)
    assert result.version == 1 and result.transactions == 1
    kinds = {cs.rules.kind_of(sk) for sk in result.published}
    assert kinds == {"info", "hall", "film", "prices", "show", "staff"}
    assert cloud_item(ctx, "VERSION")["version"]["N"] == "1"
    change = cloud_item(ctx, cs.change_sk(1))
    assert sorted(s["S"] for s in change["sks"]["L"]) == sorted(result.published)
    show = cloud_item(ctx, "SHOW#show-future")
    assert show["status"]["S"] == "scheduled" and show["updated_by"]["S"] == MANAGER[0]
    staff = cloud_item(ctx, f"STAFF#{CASHIER[0]}")
    assert staff["active"]["BOOL"] is True and staff["role"]["S"] == "cashier"

    other = other_device(tmp_path, ctx, clock, "b")
    pulled = other.pull(CINEMA)
    assert pulled.moved and pulled.version == 1 and not pulled.skipped
    assert sorted(pulled.applied) == sorted(result.published)
    mine = cs.local_items(svc.deps.conn, CINEMA, clock.now())
    theirs = cs.local_items(other.conn, CINEMA, clock.now())
    assert theirs == mine  # every record, prices and bcrypt hashes included
    # a second pull is one GetItem and nothing else
    again = other.pull(CINEMA)
    assert not again.moved and again.items_read == 0
    other.close()


def test_pull_reads_only_what_changed(manager_device, ctx, clock, tmp_path):
    svc = manager_device
    publish_all(svc, ctx, clock)
    other = other_device(tmp_path, ctx, clock, "b")
    other.pull(CINEMA)
    actor = manager_actor(svc)
    svc.schedule.cancel_show(actor, "show-later")
    result = publish_all(svc, ctx, clock)
    assert result.published == ["SHOW#show-later"] and result.version == 2
    pulled = other.pull(CINEMA)
    assert pulled.items_read == 1 and pulled.applied == ["SHOW#show-later"]
    status = other.conn.execute("SELECT status FROM shows WHERE id = 'show-later'").fetchone()[0]
    assert status == "cancelled"
    other.close()


# ---- conflicts ---------------------------------------------------------------------------
def test_second_manager_editing_the_same_show_is_refused_and_told_what_changed(
        manager_device, ctx, clock, tmp_path):
    svc = manager_device
    publish_all(svc, ctx, clock)
    # manager B's console: a second database that pulled the same catalogue
    b = other_device(tmp_path, ctx, clock, "b")
    b.pull(CINEMA)
    start = clock.now() + timedelta(hours=5)
    with transaction(b.conn):
        b.conn.execute("UPDATE shows SET starts_at = ? WHERE id = 'show-future'", (to_iso(start),))
    # manager A moves the same show (through the service) and publishes first
    actor = manager_actor(svc)
    show = svc.schedule.show("show-future")
    svc.schedule.save_show(actor, film_id=show.film_id, hall_id=show.hall_id,
                           local_start=show.local_start + timedelta(hours=1),
                           price_list_id=show.price_list_id, show_id="show-future")
    assert publish_all(svc, ctx, clock).version == 2
    a_start = svc.deps.conn.execute(
        "SELECT starts_at FROM shows WHERE id = 'show-future'").fetchone()[0]

    with pytest.raises(cs.PublishConflict) as refused:
        cs.publish(ctx, b.conn, CINEMA, MANAGER[0], clock=clock, cleaning_gap_min=15)
    message = str(refused.value)
    assert "Show show-future" in message and f"staff {MANAGER[0]}" in message
    assert "starts_at" in message and "not published" in message
    # B's device now shows A's version; the cloud still has A's
    assert b.conn.execute("SELECT starts_at FROM shows WHERE id = 'show-future'"
                          ).fetchone()[0] == a_start
    assert json.loads(cloud_item(ctx, "SHOW#show-future")["body"]["S"])["starts_at"] == a_start
    assert cloud_item(ctx, "VERSION")["version"]["N"] == "2"
    # the refusal is on record with both versions
    detail = b.conn.execute("SELECT detail FROM audit WHERE action = 'catalogue.conflict'"
                            ).fetchone()[0]
    assert to_iso(start) in detail
    status = cs.catalogue_status(b.conn, CINEMA, clock.now())
    assert "Show show-future" in status["last_conflict"]
    from kiosk.ui.manager.catalogue_line import catalogue_line

    assert "last refused publish (Wed 25 Nov 17:30)" in catalogue_line(status, CINEMA,
                                                                   "Asia/Kolkata")[0]
    b.close()


def test_unrelated_publishes_by_two_managers_both_land(manager_device, ctx, clock, tmp_path):
    svc = manager_device
    publish_all(svc, ctx, clock)
    b = other_device(tmp_path, ctx, clock, "b")
    b.pull(CINEMA)
    with transaction(b.conn):
        b.conn.execute("UPDATE films SET synopsis = 'New words' WHERE id = 'film-test'")
    actor = manager_actor(svc)
    svc.schedule.cancel_show(actor, "show-later")
    publish_all(svc, ctx, clock)
    result = cs.publish(ctx, b.conn, CINEMA, MANAGER[0], clock=clock, cleaning_gap_min=15)
    assert result.published == ["FILM#film-test"] and result.version == 3
    # B pulled A's cancellation on the way
    assert b.conn.execute("SELECT status FROM shows WHERE id = 'show-later'").fetchone()[0] \
        == "cancelled"
    b.close()


# ---- validation --------------------------------------------------------------------------
def _snapshot(conn) -> list:
    return [tuple(r) for t in ("shows", "prices", "halls") for r in
            conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2")]  # noqa: S608


def test_overlapping_shows_are_refused_at_publish_and_nothing_reaches_the_cloud(
        manager_device, ctx, clock):
    svc = manager_device
    publish_all(svc, ctx, clock)
    with transaction(svc.deps.conn) as conn:  # e.g. from an import that skipped the checks
        conn.execute("INSERT INTO shows (id, film_id, hall_id, starts_at, price_list_id) VALUES"
                     " ('clash', 'film-test', 'hall-test', ?, 'pl-test')",
                     (to_iso(clock.now() + timedelta(hours=4)),))
    before_cloud, before_db = partition(ctx), _snapshot(svc.deps.conn)
    with pytest.raises(cs.PublishRefused, match="overlap"):
        publish_all(svc, ctx, clock)
    assert partition(ctx) == before_cloud and _snapshot(svc.deps.conn) == before_db


def test_price_list_missing_a_seat_type_of_the_hall_is_refused(manager_device, ctx, clock):
    svc = manager_device
    with transaction(svc.deps.conn) as conn:
        conn.execute("DELETE FROM prices WHERE price_list_id = 'pl-test' AND seat_type = 'premium'")
    with pytest.raises(cs.PublishRefused, match="no price for premium"):
        publish_all(svc, ctx, clock)
    assert partition(ctx) == []


# ---- bad items ---------------------------------------------------------------------------
def test_an_item_a_device_cannot_read_keeps_its_last_good_copy_and_is_reported(
        manager_device, ctx, clock, tmp_path):
    svc = manager_device
    publish_all(svc, ctx, clock)
    other = other_device(tmp_path, ctx, clock, "b")
    other.pull(CINEMA)
    # a newer version whose film item is garbage and whose show item fails validation
    push_version(ctx, 2, [("FILM#film-test", "film", "{not json"),
                          ("SHOW#show-future", "show",
                           json.dumps({"id": "show-future", "status": "moved-to-mars"}))])
    film_before = cs.local_item(other.conn, CINEMA, "FILM#film-test")
    pulled = other.pull(CINEMA)
    assert set(pulled.skipped) == {"FILM#film-test", "SHOW#show-future"}
    assert pulled.version == 2 and not pulled.applied
    assert cs.local_item(other.conn, CINEMA, "FILM#film-test") == film_before
    status = cs.catalogue_status(other.conn, CINEMA, clock.now())
    assert status["version"] == 2 and len(status["problems"]) == 2
    assert any("not valid JSON" in p and "last good copy kept" in p for p in status["problems"])
    other.close()


# ---- staff -------------------------------------------------------------------------------
def test_deactivation_on_one_device_refuses_sign_in_on_another_after_its_pull(
        manager_device, ctx, clock, tmp_path, cloud_config):
    from kiosk.services.app import open_services

    svc = manager_device
    publish_all(svc, ctx, clock)
    path_b = tmp_path / "b.db"
    other = other_device(tmp_path, ctx, clock, "b")
    other.pull(CINEMA)
    config_b = replace(cloud_config, db_path=path_b, cloud=replace(cloud_config.cloud,
                                                                   enabled=False))
    svc_b = open_services(config_b, clock=clock)
    assert svc_b.auth.sign_in(*CASHIER).staff_number == CASHIER[0]

    actor = manager_actor(svc)
    cashier_id = svc.deps.conn.execute("SELECT id FROM staff WHERE staff_number = ?",
                                       (CASHIER[0],)).fetchone()[0]
    svc.staff_admin.deactivate(actor, cashier_id)
    assert publish_all(svc, ctx, clock).published == [f"STAFF#{CASHIER[0]}"]
    assert cloud_item(ctx, f"STAFF#{CASHIER[0]}")["active"]["BOOL"] is False
    assert svc_b.auth.sign_in(*CASHIER)  # B has not pulled yet
    other.pull(CINEMA)
    with pytest.raises(AuthError, match="not active"):
        svc_b.auth.sign_in(*CASHIER)
    svc_b.close()
    other.close()


def test_a_cashier_cannot_publish(manager_device, ctx, clock):
    svc = manager_device
    with pytest.raises(PermissionDenied):
        publish_all(svc, ctx, clock, staff_number=CASHIER[0])
    assert partition(ctx) == []
    cashier = svc.auth.sign_in(*CASHIER)
    assert cashier.role == Role.CASHIER


def test_an_open_session_of_a_cashier_deactivated_elsewhere_stops_selling(
        manager_device, ctx, clock, tmp_path, cloud_config):
    from kiosk.domain.errors import StaffInactive
    from kiosk.services.app import open_services

    svc = manager_device
    publish_all(svc, ctx, clock)
    path_b = tmp_path / "b.db"
    other = other_device(tmp_path, ctx, clock, "b")
    other.pull(CINEMA)
    svc_b = open_services(replace(cloud_config, db_path=path_b,
                                  cloud=replace(cloud_config.cloud, enabled=False)), clock=clock)
    cashier_b = svc_b.auth.sign_in(*CASHIER)  # signed in before the deactivation
    held = svc_b.booking.hold(cashier_b, "show-future", ["A1"])
    actor = manager_actor(svc)
    cashier_id = svc.deps.conn.execute("SELECT id FROM staff WHERE staff_number = ?",
                                       (CASHIER[0],)).fetchone()[0]
    svc.staff_admin.deactivate(actor, cashier_id)
    publish_all(svc, ctx, clock)
    other.pull(CINEMA)
    from kiosk.services.models import Payment

    with pytest.raises(StaffInactive):
        svc_b.booking.confirm(cashier_b, held.hold_id, {"A1": "adult"},
                              Payment(method="card", card_last4="4242"))
    # (a hold stays cheap, test_booking_perf_shape: nothing is sold or charged without confirm)
    assert svc_b.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 0
    svc_b.close()
    other.close()


# ---- the services' hook, offline queue, the engine ---------------------------------------
@pytest.fixture
def console(cloud_services, ctx, cloud_config, clock):
    """The manager console's services as open_services wires them with a cinema_id."""
    from kiosk.services.app import open_services

    ctx.config = replace(ctx.config, cinema_id=CINEMA)
    svc = open_services(replace(cloud_config, cinema_id=CINEMA), clock=clock,
                        gate=cloud_services.gate)
    yield svc
    svc.close()


def test_a_manager_edit_publishes_at_once(console, ctx, clock, tmp_path):
    actor = manager_actor(console)
    console.schedule.cancel_show(actor, "show-later")  # the first publish: the whole cinema
    assert cloud_item(ctx, "VERSION")["version"]["N"] == "1"
    assert cloud_item(ctx, "SHOW#show-later")["status"]["S"] == "cancelled"
    plist = console.schedule.price_list("pl-test")
    prices = dict(plist.prices)
    prices[("standard", "adult")] += 5000
    console.schedule.save_price_list(actor, name=plist.name, currency=plist.currency,
                                     tax_rate_bp=plist.tax_rate_bp, prices=prices,
                                     price_list_id="pl-test")
    assert cloud_item(ctx, "VERSION")["version"]["N"] == "2"
    assert cloud_item(ctx, cs.change_sk(2))["sks"]["L"] == [{"S": "PRICES#pl-test"}]
    added = console.staff_admin.add_staff(actor, "1077", "Nila New", "cashier", "7351")
    console.staff_admin.reset_pin(actor, added.staff_id, "7352")
    assert cloud_item(ctx, "VERSION")["version"]["N"] == "4"
    other = other_device(tmp_path, ctx, clock, "b")
    other.pull(CINEMA)
    row = other.conn.execute("SELECT amount_minor FROM prices WHERE price_list_id = 'pl-test' "
                             "AND seat_type = 'standard' AND ticket_type = 'adult'").fetchone()
    assert row[0] == prices[("standard", "adult")]
    from kiosk.services.auth import _pin_matches

    new_hash = other.conn.execute("SELECT pin_hash FROM staff WHERE staff_number = '1077'"
                                  ).fetchone()[0]
    assert _pin_matches("7352", new_hash) and not _pin_matches("7351", new_hash)
    other.close()


def test_a_cashier_is_refused_by_the_service_and_nothing_changes(console, ctx, clock):
    cashier = console.auth.sign_in(*CASHIER)
    before = _snapshot(console.deps.conn)
    with pytest.raises(PermissionDenied):
        console.schedule.cancel_show(cashier, "show-later")
    assert _snapshot(console.deps.conn) == before and partition(ctx) == []


def test_an_edit_made_offline_is_queued_and_published_by_the_worker(console, ctx, clock):
    from kiosk.cloud.worker import OutboxWorker
    from tests.cloud.helpers import NetworkSwitch

    switch = NetworkSwitch(ctx.clients().dynamodb)
    actor = manager_actor(console)
    switch.cut = True
    console.schedule.cancel_show(actor, "show-later")  # no error: queued
    console.schedule.cancel_show(actor, "show-future")  # still one row waiting
    queued = console.deps.conn.execute(
        "SELECT COUNT(*) FROM outbox WHERE kind = 'publish' AND done_at IS NULL").fetchone()[0]
    assert queued == 1
    assert cs.catalogue_status(console.deps.conn, CINEMA, clock.now())["publish_queued"] == 1
    switch.cut = False
    worker = OutboxWorker(ctx, console.config.db_path, clock=clock)
    result = worker.run_once()
    worker.close()
    assert result.done == 1
    assert cloud_item(ctx, "SHOW#show-later")["status"]["S"] == "cancelled"
    assert cloud_item(ctx, "SHOW#show-future")["status"]["S"] == "cancelled"


def test_a_cancelled_show_leaves_the_other_kiosks_finder_within_one_pull_interval(
        manager_device, ctx, clock, tmp_path, cloud_config):
    from kiosk.services.app import open_services
    from kiosk.services.models import ShowQuery

    svc = manager_device
    publish_all(svc, ctx, clock)
    path_b = tmp_path / "b.db"
    open_db(path_b).conn.close()
    config_b = replace(cloud_config, db_path=path_b, kiosk_id="KIOSK-2", cinema_id=CINEMA,
                       cloud=replace(cloud_config.cloud, catalogue_interval_s=10.0))
    ctx_b = type(ctx)(config_b, clock=clock)
    sync_b = cs.CatalogueSync(ctx_b, path_b, clock)
    ctx_b.status.mark_ok()
    assert sync_b.tick(0.0).moved  # joined: the whole catalogue
    svc_b = open_services(replace(config_b, cloud=replace(config_b.cloud, enabled=False)),
                          clock=clock)
    offered = {s.show_id for s in svc_b.catalogue.find_shows(ShowQuery())}
    assert "show-future" in offered

    svc.schedule.cancel_show(manager_actor(svc), "show-future")
    publish_all(svc, ctx, clock)
    assert sync_b.tick(9.9) is None  # not due yet: no read at all
    assert "show-future" in {s.show_id for s in svc_b.catalogue.find_shows(ShowQuery())}
    pulled = sync_b.tick(10.0)  # one interval after the last pull
    assert pulled.applied == ["SHOW#show-future"]
    assert "show-future" not in {s.show_id for s in svc_b.catalogue.find_shows(ShowQuery())}
    status = sync_b.status()
    assert status["version"] == 2 and status["last_pull_at"] == to_iso(clock.now())
    svc_b.close()
    sync_b.close()


def test_the_engine_status_has_a_catalogue_line(manager_device, ctx, clock, cloud_config):
    from kiosk.cloud.engine import SyncEngine

    publish_all(manager_device, ctx, clock)
    engine = SyncEngine(replace(cloud_config, cinema_id=CINEMA), ctx, clock=clock)
    with transaction(engine.worker.conn):  # forget what was seen: the engine pulls again
        engine.worker.conn.execute("DELETE FROM cloud_state WHERE key LIKE 'catalogue_%'")
    report = engine.tick()
    engine.close()
    line = report.status["catalogue"]
    assert line["cinema_id"] == CINEMA and line["version"] == 1 and line["problems"] == []
    assert line["last_pull_at"] == to_iso(clock.now())


def test_cli_publish_prompts_for_the_pin_and_refuses_a_cashier(cloud_services, ctx, monkeypatch,
                                                               capsys):
    from kiosk.cli import main

    db = str(cloud_services.config.db_path)
    for key, value in (("KIOSK_CLOUD_ENABLED", "1"), ("KIOSK_CLOUD_TABLE", TABLE),
                       ("KIOSK_CINEMA_ID", CINEMA)):
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("KIOSK_PIN", CASHIER[1])
    assert main(["--db", db, "cloud", "publish", "--staff", CASHIER[0]]) != 0
    assert partition(ctx) == []
    monkeypatch.setenv("KIOSK_PIN", MANAGER[1])
    assert main(["--db", db, "cloud", "publish", "--staff", MANAGER[0]]) == 0
    assert "as version 1" in capsys.readouterr().out
    assert cloud_item(ctx, "VERSION")["version"]["N"] == "1"
    with pytest.raises(SystemExit):  # a PIN on the command line is not accepted
        main(["--db", db, "cloud", "publish", "--staff", MANAGER[0], "--pin", "9999"])


# ---- the online channel ------------------------------------------------------------------
def test_the_online_channel_prices_from_the_catalogue_and_refuses_cancelled_shows(
        console, ctx, clock):
    from kiosk.cloud.channel import OnlineChannel
    from kiosk.cloud.claims import plain
    from kiosk.domain.errors import ShowCancelled

    actor = manager_actor(console)
    plist = console.schedule.price_list("pl-test")
    prices = dict(plist.prices)
    prices[("premium", "adult")] = 41_000  # a price change published from the console
    console.schedule.save_price_list(actor, name=plist.name, currency=plist.currency,
                                     tax_rate_bp=plist.tax_rate_bp, prices=prices,
                                     price_list_id="pl-test")
    web = OnlineChannel.for_context(ctx, clock=clock)
    assert [s["id"] for s in web.shows()] == ["show-future", "show-later"]
    sale = web.buy("show-future", ["E1", "B1"], {"B1": "child"})  # premium adult, standard child
    assert sale.total_minor == 41_000 + 25_000 * 70 // 100
    item = plain(ctx.clients().dynamodb.get_item(
        TableName=TABLE, Key={"pk": {"S": f"BOOKING#{sale.booking_id}"},
                              "sk": {"S": "META"}})["Item"])
    assert item["cinema_id"] == CINEMA and item["channel"] == "online"
    assert item["business_date"] == "2026-11-25" and item["day_pk"] == f"DAY#{CINEMA}#2026-11-25"
    assert {ln["seat"]: (ln["seat_type"], ln["ticket_type"], ln["price_minor"])
            for ln in item["lines"]} == {"E1": ("premium", "adult", 41_000),
                                         "B1": ("standard", "child", 17_500)}
    assert item["tax_minor"] == sum(ln["tax_minor"] for ln in item["lines"]) > 0
    assert "staff_number" not in item

    console.schedule.cancel_show(actor, "show-later")
    assert [s["id"] for s in web.shows()] == ["show-future"]
    with pytest.raises(ShowCancelled):
        web.buy("show-later", ["C1"])
    assert cloud_item(ctx, "SHOW#show-later")["status"]["S"] == "cancelled"


def test_a_pull_never_overwrites_an_unpublished_edit_and_its_publish_then_conflicts(
        manager_device, ctx, clock, tmp_path):
    svc = manager_device
    publish_all(svc, ctx, clock)
    b = other_device(tmp_path, ctx, clock, "b")
    b.pull(CINEMA)
    with transaction(b.conn):  # B's manager renames the film, not yet published
        b.conn.execute("UPDATE films SET title = 'B title' WHERE id = 'film-test'")
    with transaction(svc.deps.conn):
        svc.deps.conn.execute("UPDATE films SET title = 'A title' WHERE id = 'film-test'")
    publish_all(svc, ctx, clock)
    pulled = b.pull(CINEMA)  # the engine's pull on B's console
    assert pulled.kept_local == ["FILM#film-test"] and pulled.version == 2
    assert b.conn.execute("SELECT title FROM films").fetchone()[0] == "B title"
    with pytest.raises(cs.PublishConflict, match="title: B title -> A title"):
        cs.publish(ctx, b.conn, CINEMA, MANAGER[0], clock=clock, cleaning_gap_min=15)
    assert b.conn.execute("SELECT title FROM films").fetchone()[0] == "A title"
    assert cs.unpublished(b.conn, CINEMA, clock.now()) == []
    b.close()


def test_a_publish_racing_another_managers_publish_pulls_and_retries(
        manager_device, ctx, clock, tmp_path, monkeypatch):
    svc = manager_device
    publish_all(svc, ctx, clock)
    b = other_device(tmp_path, ctx, clock, "b")
    b.pull(CINEMA)
    with transaction(b.conn):
        b.conn.execute("UPDATE films SET synopsis = 'From B' WHERE id = 'film-test'")
    real, raced = cs.local_items, []

    def between_pull_and_write(conn, cinema_id, now):
        if conn is b.conn and not raced:  # A publishes right after B's pull
            raced.append(1)
            svc.schedule.cancel_show(manager_actor(svc), "show-later")
            publish_all(svc, ctx, clock)
        return real(conn, cinema_id, now)

    monkeypatch.setattr(cs, "local_items", between_pull_and_write)
    result = cs.publish(ctx, b.conn, CINEMA, MANAGER[0], clock=clock, cleaning_gap_min=15)
    assert raced and result.version == 3 and result.published == ["FILM#film-test"]
    assert b.conn.execute("SELECT status FROM shows WHERE id = 'show-later'").fetchone()[0] \
        == "cancelled"
    assert json.loads(cloud_item(ctx, "FILM#film-test")["body"]["S"])["synopsis"] == "From B"
    b.close()


def test_a_big_first_publish_goes_parents_first_in_several_transactions(
        manager_device, ctx, clock, tmp_path, monkeypatch):
    monkeypatch.setattr(cs, "ITEMS_PER_TRANSACTION", 3)
    result = publish_all(manager_device, ctx, clock)
    assert result.transactions == 4 and result.version == 4
    assert result.published[0] == "INFO" and result.published[1] == "HALL#hall-test"
    other = other_device(tmp_path, ctx, clock, "b")
    assert not other.pull(CINEMA).skipped
    assert cs.local_items(other.conn, CINEMA, clock.now()) == \
        cs.local_items(manager_device.deps.conn, CINEMA, clock.now())
    other.close()


def test_a_layout_that_drops_a_seat_sold_here_is_not_applied(manager_device, ctx, clock,
                                                            tmp_path, cloud_config):
    from kiosk.services.app import open_services
    from kiosk.services.models import Payment
    from tests.factories import insert_open_shift

    svc = manager_device
    publish_all(svc, ctx, clock)
    path_b = tmp_path / "b.db"
    other = other_device(tmp_path, ctx, clock, "b")
    other.pull(CINEMA)
    svc_b = open_services(replace(cloud_config, db_path=path_b,
                                  cloud=replace(cloud_config.cloud, enabled=False)), clock=clock)
    cashier = svc_b.auth.sign_in(*CASHIER)
    insert_open_shift(svc_b.deps.db, cashier.staff_id, cashier.kiosk_id, clock)
    hold = svc_b.booking.hold(cashier, "show-future", ["F1"])
    svc_b.booking.confirm(cashier, hold.hold_id, {}, Payment(method="card", card_last4="4242"))
    with transaction(svc.deps.conn) as conn:  # A's hall loses row F (A does not know B sold F1)
        layout = json.loads(conn.execute("SELECT layout FROM halls").fetchone()[0])
        layout["rows"] = [r for r in layout["rows"] if r["label"] != "F"]
        conn.execute("UPDATE halls SET layout = ?", (json.dumps(layout),))
    publish_all(svc, ctx, clock)
    pulled = other.pull(CINEMA)
    assert "F1" in pulled.skipped["HALL#hall-test"]
    rows = cs.local_item(other.conn, CINEMA, "HALL#hall-test")["layout"]["rows"]
    assert "F" in {r["label"] for r in rows}  # the last good copy, with the sold seat
    svc_b.close()
    other.close()


def test_a_record_stored_in_another_form_still_takes_later_versions(manager_device, ctx, clock,
                                                                    tmp_path):
    svc = manager_device
    with transaction(svc.deps.conn) as conn:  # e.g. imported with a 'Z' time
        conn.execute("UPDATE shows SET starts_at = replace(starts_at, '+00:00', 'Z') "
                     "WHERE id = 'show-later'")
    publish_all(svc, ctx, clock)
    other = other_device(tmp_path, ctx, clock, "b")
    other.pull(CINEMA)
    assert cs.unpublished(other.conn, CINEMA, clock.now()) == []
    svc.schedule.cancel_show(manager_actor(svc), "show-later")
    publish_all(svc, ctx, clock)
    assert other.pull(CINEMA).applied == ["SHOW#show-later"]
    other.close()


def test_two_manager_consoles_moving_one_show_through_the_service(console, ctx, clock, tmp_path,
                                                                  cloud_config):
    from kiosk.cloud.context import CloudContext
    from kiosk.cloud.gate import CloudGate
    from kiosk.services.app import open_services

    actor_a = manager_actor(console)
    console.schedule.cancel_show(actor_a, "show-later")  # first publish of the cinema
    path_b = tmp_path / "b.db"
    config_b = replace(cloud_config, db_path=path_b, kiosk_id="OFFICE-2", cinema_id=CINEMA)
    ctx_b = CloudContext(config_b, clock=clock)
    puller = cs.CataloguePuller(ctx_b, path_b, clock)
    puller.pull(CINEMA)
    gate_b = CloudGate(config_b, context=ctx_b, clock=clock)
    console_b = open_services(config_b, clock=clock, gate=gate_b)
    actor_b = manager_actor(console_b)
    show = console.schedule.show("show-future")
    console.schedule.save_show(actor_a, film_id=show.film_id, hall_id=show.hall_id,
                               local_start=show.local_start + timedelta(hours=1),
                               price_list_id=show.price_list_id, show_id="show-future")
    with pytest.raises(cs.PublishConflict, match=f"changed by staff {MANAGER[0]}"):
        console_b.schedule.save_show(actor_b, film_id=show.film_id, hall_id=show.hall_id,
                                     local_start=show.local_start + timedelta(hours=2),
                                     price_list_id=show.price_list_id, show_id="show-future")
    assert console_b.schedule.show("show-future").local_start == \
        show.local_start + timedelta(hours=1)  # B shows A's version again
    assert console.schedule.show("show-future").local_start == \
        show.local_start + timedelta(hours=1)
    console_b.close()
    gate_b.close()
    puller.close()

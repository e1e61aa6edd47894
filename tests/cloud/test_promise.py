"""Issue 9's holes 0, 1, 2, 3 and 6, each as the adversary found it: every test here failed on
the main of 2026-12-04 (before the fixes) and passes now."""

from __future__ import annotations

import socket
from dataclasses import replace
from datetime import timedelta

import pytest

from kiosk.cloud.channel import OnlineChannel
from kiosk.cloud.context import CloudContext
from kiosk.cloud.engine import SyncEngine
from kiosk.cloud.gate import VOID_AFTER, CloudGate
from kiosk.domain.clock import FakeClock
from kiosk.domain.errors import ConfigError, NotSellableOffline, SeatsUnavailable
from kiosk.services.gate import LocalGate
from kiosk.services.models import Payment
from tests.cloud.conftest import TABLE
from tests.cloud.helpers import LoseResponses, booking_items, seat_items
from tests.factories import table_dump

SHOW = "show-future"
CARD = Payment(method="card", card_last4="4242")


def sign_in(svc, who):
    return svc.auth.sign_in(*who)


# -- hole 0: nothing sells around the cloud -------------------------------------------------------
def test_cloud_on_never_opens_services_with_the_local_gate(cloud_config, aws):
    from kiosk.services.app import open_services
    from kiosk.services.booking import BookingService

    services = open_services(cloud_config)
    try:
        assert isinstance(services.gate, CloudGate)
    finally:
        services.close()
    with pytest.raises(ConfigError, match="twice"):
        open_services(cloud_config, gate=LocalGate())
    with pytest.raises(ConfigError):
        BookingService(services.deps)  # a service built by hand gets no permissive default


def test_kiosk_book_is_refused_for_seats_the_web_already_sold(tmp_path, capsys, monkeypatch):
    """`kiosk book` with cloud sync on claims in DynamoDB: a seat the web sold is refused."""
    from moto import mock_aws

    from kiosk.cloud import feed

    monkeypatch.setattr(feed, "BACKGROUND_BUMPS", False)  # moto in process: one thread

    from kiosk.cloud.table import ensure_table
    from kiosk.config import load_config
    from kiosk.domain.clock import Clock
    from kiosk.store.db import open_db
    from tests.cli_pin import main_with_pin
    from tests.factories import make_world

    config_file = tmp_path / "kiosk.toml"
    config_file.write_text(f'bcrypt_rounds = 4\nkiosk_id = "CLI-1"\n[cloud]\nenabled = true\n'
                           f'table = "{TABLE}"\nregion = "ap-south-1"\n', encoding="utf-8")
    db_path = tmp_path / "kiosk.db"
    db = open_db(db_path)
    make_world(db, Clock())  # the CLI runs on the real clock, so its world does too
    db.conn.close()
    config = replace(load_config(config_file, env={}), db_path=db_path)
    with mock_aws():
        context = CloudContext(config)
        ensure_table(context.clients().dynamodb, TABLE)
        OnlineChannel(context.claims("WEB")).buy(SHOW, ["B5", "B6"])
        # (a refusal may leave a hint to refresh the show: sync bookkeeping, not a sale)
        quiet = ("audit", "cloud_state", "remote_seats")
        before = table_dump(open_db(db_path).conn, exclude=quiet)
        rc = main_with_pin(["--config", str(config_file), "--db", str(db_path), "book", SHOW, "B5",
                   "--staff", "1001", "--pin", "1234", "--pay", "card", "--card-last4", "4242"])
        err = capsys.readouterr().err
        assert rc != 0 and "B5" in err and "Traceback" not in err
        assert table_dump(open_db(db_path).conn, exclude=quiet) == before  # nothing sold
        rc = main_with_pin(["--config", str(config_file), "--db", str(db_path), "book", SHOW, "B7",
                   "--staff", "1001", "--pin", "1234", "--pay", "card", "--card-last4", "4242"])
        assert rc == 0, capsys.readouterr().err
        items = seat_items(context.clients().dynamodb, TABLE, SHOW)
        assert items["B7"]["state"] == "sold"  # in the cloud at once, not at the next sync


# -- hole 1: a sale confirmed online is durable in the cloud before the ticket prints ------------
def test_sale_made_online_survives_an_outage_longer_than_its_hold(parts, ctx, clock):
    svc, worker, puller, alloc, switch = parts
    cashier = sign_in(svc, svc.world.cashier)
    hold = svc.booking.hold(cashier, SHOW, ["B5"])
    booking = svc.booking.confirm(cashier, hold.hold_id, {}, CARD)
    switch.cut = True  # the network drops right after the ticket printed...
    clock.advance(minutes=11)  # ...and stays down longer than the hold and its grace
    web = OnlineChannel(ctx.claims("WEB"), clock=clock)
    switch.cut = False
    with pytest.raises(SeatsUnavailable):
        web.buy(SHOW, ["B5"])
    item = seat_items(ctx.clients().dynamodb, TABLE, SHOW)["B5"]
    assert item["state"] == "sold" and item["booking_id"] == booking.booking_id
    assert booking.sync_state == "synced"
    assert worker.run_once().done == 0  # nothing left to push: the confirm row was settled
    assert booking_items(ctx.clients().dynamodb, TABLE)[booking.booking_id]["state"] == "confirmed"


def test_sale_refused_when_the_cloud_is_unreachable_and_seats_are_not_allocated(parts, clock):
    svc, worker, puller, alloc, switch = parts
    cashier = sign_in(svc, svc.world.cashier)
    hold = svc.booking.hold(cashier, SHOW, ["B5"])  # claimed online
    switch.cut = True  # gone before payment
    before = table_dump(svc.deps.conn, exclude=("audit", "outbox"))
    with pytest.raises(NotSellableOffline) as err:
        svc.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert "nothing was charged" in str(err.value) and err.value.seats == ("B5",)
    assert table_dump(svc.deps.conn, exclude=("audit", "outbox")) == before


def test_lost_answer_at_confirm_is_undone_in_the_cloud_after_the_hold(parts, ctx, clock):
    """The cloud applied the sale but the answer was lost: refused here (not allocated), and
    the orphaned cloud sale is voided once the hold is over, so the web can sell the seat."""
    svc, worker, puller, alloc, switch = parts
    cashier = sign_in(svc, svc.world.cashier)
    hold = svc.booking.hold(cashier, SHOW, ["C1", "C2"])
    LoseResponses(ctx.clients().dynamodb, times=1)
    with pytest.raises(SeatsUnavailable):
        svc.booking.confirm(cashier, hold.hold_id, {}, CARD)
    items = seat_items(ctx.clients().dynamodb, TABLE, SHOW)
    assert {items[s]["state"] for s in ("C1", "C2")} == {"sold"}  # the orphan is there
    assert worker.run_once().done == 0  # not before the hold is over: a retry may still come
    clock.advance(minutes=svc.config.hold_minutes)
    clock.advance(seconds=VOID_AFTER.total_seconds() + 1)
    assert worker.run_once().done == 1
    assert "C1" not in seat_items(ctx.clients().dynamodb, TABLE, SHOW)
    assert booking_items(ctx.clients().dynamodb, TABLE)[hold.hold_id]["state"] == "void"
    OnlineChannel(ctx.claims("WEB"), clock=clock).buy(SHOW, ["C1", "C2"])


def test_retry_after_a_crash_between_cloud_claim_and_local_commit_is_one_booking(
        parts, ctx, clock, monkeypatch):
    svc, worker, puller, alloc, switch = parts
    cashier = sign_in(svc, svc.world.cashier)
    hold = svc.booking.hold(cashier, SHOW, ["D1", "D2"])
    sales = svc.booking._sales
    real = sales.write_booking

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("the till lost power")  # not caught by anything on the way

    monkeypatch.setattr(sales, "write_booking", crash)
    with pytest.raises(KeyboardInterrupt):
        svc.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert svc.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 0
    monkeypatch.setattr(sales, "write_booking", real)
    booking = svc.booking.confirm(cashier, hold.hold_id, {}, CARD)  # the cashier taps again
    assert booking.booking_id == hold.hold_id and booking.sync_state == "synced"
    clock.advance(minutes=30)
    worker.run_once()  # both intents settle: the booking exists, nothing is undone
    items = seat_items(ctx.clients().dynamodb, TABLE, SHOW)
    assert {items[s]["booking_id"] for s in ("D1", "D2")} == {booking.booking_id}
    assert booking_items(ctx.clients().dynamodb, TABLE)[booking.booking_id]["state"] == "confirmed"
    assert worker.pending_count() == 0


def test_seats_changed_after_the_cloud_claim_free_only_what_was_dropped(parts, ctx, clock):
    svc, worker, puller, alloc, switch = parts
    cashier = sign_in(svc, svc.world.cashier)
    hold = svc.booking.hold(cashier, SHOW, ["E1", "E2"])
    gate = svc.gate
    real = gate.claim_sale

    def claim_then_change(h, booking_id, record):  # another tap lands while the claim travels
        claim = real(h, booking_id, record)
        svc.booking.change_hold(cashier, hold.hold_id, add=["E3"], remove=["E1"])
        return claim

    gate.claim_sale = claim_then_change
    with pytest.raises(SeatsUnavailable, match="changed"):
        svc.booking.confirm(cashier, hold.hold_id, {}, CARD)
    gate.claim_sale = real
    booking = svc.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert [line.seat_code for line in booking.lines] == ["E2", "E3"]
    clock.advance(minutes=30)
    worker.run_once()
    items = seat_items(ctx.clients().dynamodb, TABLE, SHOW)
    assert "E1" not in items  # the dropped seat's cloud sale was undone
    assert {items[s]["booking_id"] for s in ("E2", "E3")} == {booking.booking_id}
    assert booking_items(ctx.clients().dynamodb, TABLE)[booking.booking_id]["state"] == "confirmed"


# -- hole 2: stale reads never resurrect an allocation ------------------------------------------
def test_a_stale_read_after_a_hand_back_does_not_bring_the_allocation_back(parts, ctx, clock,
                                                                           monkeypatch):
    svc, worker, puller, alloc, switch = parts
    manager = sign_in(svc, svc.world.manager)
    mine = alloc.allocate(SHOW, 4, actor=manager)
    stale = ctx.claims().show_items(SHOW)  # what an eventually consistent read may still say
    alloc.release_unsold(SHOW)
    assert alloc.mine(SHOW) == set()

    class StaleClaims:
        def __init__(self, real):
            self.real = real

        def show_items(self, show_id, page_size=None, consistent=True):
            return stale if not consistent else self.real.show_items(show_id, page_size, True)

    real_claims = ctx.claims
    monkeypatch.setattr(ctx, "claims", lambda kiosk_id=None: StaleClaims(real_claims(kiosk_id)))
    puller.pull_show(SHOW)
    assert alloc.mine(SHOW) == set() and svc.gate.allocated(SHOW) == frozenset()
    assert set(mine)  # they were really allocated before


# -- hole 3: clock skew ----------------------------------------------------------------------------
def _second_kiosk(cloud_config, ctx, skew: timedelta, world_clock):
    from kiosk.services.app import open_services

    config = replace(cloud_config, kiosk_id="KIOSK-2",
                     db_path=cloud_config.db_path.with_name("kiosk2.db"))
    import sqlite3
    with sqlite3.connect(cloud_config.db_path) as src, sqlite3.connect(config.db_path) as dst:
        src.backup(dst)  # WAL included, unlike a file copy
    clock = FakeClock(world_clock.now() + skew)
    context = CloudContext(config, clients=ctx.clients(), clock=clock)
    services = open_services(config, clock=clock, gate=CloudGate(config, context, clock))
    return services, clock


def test_a_fast_clock_cannot_take_over_a_live_hold(parts, cloud_config, ctx, clock):
    svc, *_ = parts
    cashier = sign_in(svc, svc.world.cashier)
    svc.booking.hold(cashier, SHOW, ["B5"])
    other, other_clock = _second_kiosk(cloud_config, ctx, timedelta(minutes=11), clock)
    try:
        cashier2 = other.auth.sign_in(*svc.world.cashier)
        with pytest.raises(NotSellableOffline, match="clock"):  # paused: not a takeover
            other.booking.hold(cashier2, SHOW, ["B5"])
        assert other.gate.context.skew_problem()
        item = seat_items(ctx.clients().dynamodb, TABLE, SHOW)["B5"]
        assert item["kiosk_id"] == "KIOSK-1" and item["state"] == "held"
    finally:
        other.close()


def test_skew_inside_the_bound_is_corrected_and_refuses_the_live_hold(parts, cloud_config, ctx,
                                                                     clock):
    svc, *_ = parts
    cashier = sign_in(svc, svc.world.cashier)
    hold = svc.booking.hold(cashier, SHOW, ["B6"])
    other, other_clock = _second_kiosk(cloud_config, ctx, timedelta(seconds=25), clock)
    try:
        cashier2 = other.auth.sign_in(*svc.world.cashier)
        # just before the first hold's cloud copy expires on the cloud's clock, the second kiosk
        # (25 s fast) would see it expired by its own clock: the measured offset corrects that
        clock.advance(seconds=(hold.expires_at - clock.now()).total_seconds() + 5 * 60 - 10)
        other_clock.current = clock.now() + timedelta(seconds=25)
        with pytest.raises(SeatsUnavailable) as err:
            other.booking.hold(cashier2, SHOW, ["B6"])
        assert not isinstance(err.value, NotSellableOffline) and err.value.seats == ("B6",)
        assert not other.gate.context.skew_problem()
        offset = other.gate.context.clock_watch.offset_s
        assert offset is not None and -27 <= offset <= -23
    finally:
        other.close()


# -- hole 6: the status is earned by a round trip ------------------------------------------------
def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_status_starts_connecting_and_turns_offline_without_any_traffic(cloud_config, clock):
    from kiosk.store.db import open_db

    config = replace(cloud_config, cloud=replace(
        cloud_config.cloud, endpoint_url=f"http://127.0.0.1:{_closed_port()}"))
    open_db(config.db_path).conn.close()  # an empty kiosk: no show on sale, nothing to send
    engine = SyncEngine(config, clock=clock)
    try:
        assert engine.status()["state"] == "connecting" and not engine.status()["online"]
        report = engine.tick()
        assert report.status["state"] == "offline" and not report.status["online"]
        assert "reach" in report.status["last_error"].lower()
    finally:
        engine.close()


def test_idle_engine_probes_and_says_online_only_after_a_round_trip(ctx, cloud_config, clock):
    from kiosk.store.db import open_db

    open_db(cloud_config.db_path).conn.close()
    engine = SyncEngine(cloud_config, ctx, clock=clock)
    try:
        assert ctx.status.state == "connecting"
        assert engine.tick().status["state"] == "online"
        assert ctx.clock_watch.offset_s is not None  # the probe measured the clock too
    finally:
        engine.close()


def test_a_sale_refused_by_the_cloud_is_news_for_the_next_seat_search(parts, ctx, clock):
    """Our hold lapsed and the web took the seat: the refusal marks it taken here at once."""
    svc, worker, puller, alloc, switch = parts
    cashier = sign_in(svc, svc.world.cashier)
    hold = svc.booking.hold(cashier, SHOW, ["F1"])
    clock.advance(minutes=svc.config.hold_minutes - 0.5)  # still live here...
    web = OnlineChannel(ctx.claims("WEB"), clock=FakeClock(clock.now() + timedelta(minutes=6)))
    web.buy(SHOW, ["F1"])  # ...but the web, later, found the cloud copy expired and bought it
    with pytest.raises(SeatsUnavailable) as err:
        svc.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert err.value.seats == ("F1",) and not isinstance(err.value, NotSellableOffline)
    assert svc.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 0
    assert svc.deps.conn.execute(
        "SELECT state FROM remote_seats WHERE show_id = ? AND seat_code = 'F1'",
        (SHOW,)).fetchone() is not None

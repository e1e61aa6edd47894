"""The sync loop without Qt: allocations handed back once the kiosk is online again."""

from __future__ import annotations

from kiosk.cloud.engine import SyncEngine
from kiosk.services.models import Payment
from tests.cloud.conftest import TABLE
from tests.cloud.helpers import NetworkSwitch, seat_items

SHOW = "show-future"


def test_back_online_sends_sales_first_then_returns_unsold_allocations(cloud_services, ctx,
                                                                        clock):
    svc = cloud_services
    engine = SyncEngine(svc.config, ctx, clock=clock)
    try:
        manager = svc.auth.sign_in(*svc.world.manager)
        cashier = svc.auth.sign_in(*svc.world.cashier)
        mine = engine.allocations.allocate(SHOW, 6, actor=manager)
        clients = ctx.clients()
        switch = NetworkSwitch(clients.dynamodb, clients.sns)
        switch.cut = True
        hold = svc.booking.hold(cashier, SHOW, mine[:2])  # sold offline from the allocation
        booking = svc.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="1111"))
        report = engine.tick()
        assert not report.status["online"] and report.status["pending"] == 1
        assert svc.gate.offline_sellable(SHOW) == frozenset(mine)
        switch.cut = False
        clock.advance(seconds=15)
        engine.nudge()
        report = engine.tick()
        assert report.status["online"] and report.status["pending"] == 0
        assert report.status["last_sync_at"]
        items = seat_items(clients.dynamodb, TABLE, SHOW)
        assert {s: i["state"] for s, i in items.items()} == {mine[0]: "sold", mine[1]: "sold"}
        assert {items[s]["booking_id"] for s in mine[:2]} == {booking.booking_id}
        assert engine.allocations.unsold(SHOW) == set()
        assert SHOW in report.changed_shows
    finally:
        engine.close()


def test_show_on_screen_is_pulled_every_time_others_less_often(cloud_services, ctx, clock):
    svc = cloud_services
    engine = SyncEngine(svc.config, ctx, clock=clock)
    reads: list[str] = []
    real = engine.puller.pull_show
    engine.puller.pull_show = lambda show_id: reads.append(show_id) or real(show_id)
    try:
        engine.watch_show("show-later")
        due: dict[str, float] = {}
        engine.puller.pull_on_sale(["show-later"], due, 30.0, now_mono=100.0)
        engine.puller.pull_on_sale(["show-later"], due, 30.0, now_mono=110.0)
        engine.puller.pull_on_sale(["show-later"], due, 30.0, now_mono=131.0)
        assert reads == ["show-later", "show-future", "show-later", "show-later", "show-future"]
        assert "show-past" not in reads  # shows that started are not on sale
    finally:
        engine.close()

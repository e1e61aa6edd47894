"""The shared day: every device's records reach the cloud with the day keys, the manager console
pulls the day (by_day Query) and its reports cover every device and the web, to the paisa."""

from __future__ import annotations

import pytest

from kiosk.cloud import day_index, ledger
from kiosk.cloud.claims import SeatClaims, plain
from kiosk.cloud.daypull import DayPuller
from kiosk.cloud.ledger_sync import LedgerSync
from kiosk.cloud.worker import OutboxWorker
from kiosk.domain.clock import to_iso
from tests.cloud.kiosks import CARD as CARD_PAYMENT
from tests.cloud.kiosks import open_kiosk
from tests.factories import MANAGER, insert_open_shift, table_dump

DAY = "2026-11-25"  # the FakeClock's day in the test cinema
CINEMA = "cin-test"
COMPARED = ("bookings", "tickets", "gross", "refund_count", "refunds", "net_sales", "tax",
            "net_revenue")


def _sync(kiosk, clock) -> LedgerSync:
    """Drain the kiosk's outbox and its ledger queue; beat its heart."""
    worker = OutboxWorker(kiosk.ctx, kiosk.config.db_path, clock=clock)
    worker.run_once()
    worker.close()
    sync = LedgerSync(kiosk.ctx, kiosk.config.db_path, clock=clock)
    sync.tick()
    sync.close()


def _web_sale(ctx, clock, seats: list[str], booking_id: str = "web-1") -> dict:
    record = ledger.booking_record(
        booking_id=booking_id, reference="WEB-0001", show_id="show-future", cinema_id=CINEMA,
        business_date=DAY, channel="online", kiosk_id="WEB", staff_number=None,
        currency="INR", total_minor=31000, tax_minor=4729, payment_method="card",
        created_at=to_iso(clock.now()),
        lines=[ledger.line(seats[0], "standard", "adult", 15500, 2364),
               ledger.line(seats[1], "standard", "adult", 15500, 2365)])
    SeatClaims(ctx.dynamodb(), ctx.clients().table, "WEB").confirm(
        show_id="show-future", seats=seats, booking_id=booking_id, hold_id="", now=clock.now(),
        record=record)
    return record


def _totals(kiosk, day=DAY) -> dict:
    from datetime import date

    manager = kiosk.svc.auth.sign_in(*MANAGER)
    return kiosk.svc.reports.daily_sales(manager, date.fromisoformat(day)).total("INR")


@pytest.fixture
def day(cloud_config, tmp_path, clock, ctx):
    """Two selling kiosks, the manager console, and the web, on one moto table."""
    k1 = open_kiosk(cloud_config, tmp_path, clock, 1)
    k2 = open_kiosk(cloud_config, tmp_path, clock, 2)
    office = open_kiosk(cloud_config, tmp_path, clock, 9)
    yield k1, k2, office
    for k in (k1, k2, office):
        k.close()


def _mixed_day(k1, k2, ctx, clock) -> dict:
    b1 = k1.sell("show-future", ["A1", "A2"])
    k1.sell("show-future", ["A3"])
    clock.advance(minutes=5)
    k2.sell("show-future", ["C1", "C2", "C3"])
    k1.svc.booking.refund(k1.actor, b1.reference, ["A2"], reason="customer_request")
    k1.svc.booking.refund(k1.actor, b1.reference, ["A1"], "customer_request")  # may wait for approval
    shift = insert_open_shift(k2.svc.deps.db, k2.actor.staff_id, "KIOSK-2", clock, 5000)
    web = _web_sale(ctx, clock, ["F1", "F2"])
    return {"web": web, "shift": shift}


def test_every_kind_reaches_the_cloud_with_the_day_keys(day, ctx, clock):
    k1, k2, _office = day
    _mixed_day(k1, k2, ctx, clock)
    for k in (k1, k2):
        _sync(k, clock)
    client, table = ctx.clients().dynamodb, ctx.clients().table
    items = [plain(i) for i in day_index.query_day(client, table, ledger.day_pk(CINEMA, DAY),
                                                   page_size=2)]
    kinds = sorted(i["day_sk"].split("#")[0] for i in items)
    assert kinds == ["BOOKING"] * 4 + ["REFUND"] * 2 + ["SHIFT"]
    bookings = {i["kiosk_id"]: i for i in items if i["day_sk"].startswith("BOOKING#")}
    assert bookings["KIOSK-2"]["staff_number"] == "1001"
    assert bookings["KIOSK-2"]["cinema_id"] == CINEMA and bookings["WEB"]["channel"] == "online"
    assert "staff_number" not in bookings["WEB"]
    assert [ln["seat"] for ln in bookings["KIOSK-2"]["lines"]] == ["C1", "C2", "C3"]
    refunds = [i for i in items if i["day_sk"].startswith("REFUND#")]
    assert {r["pk"] for r in refunds} == {ledger.booking_pk(b) for b in
                                          {r["booking_id"] for r in refunds}}
    assert all(r["requested_by"] == "1001" for r in refunds)
    devices = client.query(TableName=table, KeyConditionExpression="pk = :p",
                           ExpressionAttributeValues={":p": {"S": "DEVICE#" + CINEMA}})["Items"]
    assert sorted(d["sk"]["S"] for d in devices) == ["KIOSK-1", "KIOSK-2"]


def test_replay_is_harmless(day, ctx, clock):
    k1, k2, _office = day
    _mixed_day(k1, k2, ctx, clock)
    _sync(k1, clock)
    client, table = ctx.clients().dynamodb, ctx.clients().table
    before = sorted(map(str, client.scan(TableName=table)["Items"]))
    # the same rows again (a crash between the write and the delete of the queue rows)
    conn = k1.svc.deps.conn
    conn.execute("INSERT INTO ledger_queue (entity, ref, booking_id) "
                 "SELECT 'refund', id, booking_id FROM refunds")
    sync = LedgerSync(k1.ctx, k1.config.db_path, clock=clock)
    assert sync.drain().sent == 2  # drain only: no heartbeat, so only the replay is compared
    sync.close()
    after = sorted(map(str, client.scan(TableName=table)["Items"]))
    assert [a for a in after if "REFUND#" in a] != []
    # a replay writes the same content (only the rev counter may move on)
    strip = [a.split("'rev'")[0] for a in after if "REFUND#" in a]
    assert strip == [b.split("'rev'")[0] for b in before if "REFUND#" in b]


def test_manager_day_equals_the_sum_of_the_devices_plus_web(day, ctx, clock):
    k1, k2, office = day
    info = _mixed_day(k1, k2, ctx, clock)
    for k in (k1, k2, office):
        _sync(k, clock)
    own = [_totals(k1), _totals(k2)]
    assert _totals(office)["bookings"] == 0  # before the pull: only its own (none)
    puller = DayPuller(office.ctx, office.config.db_path, clock, page_size=3)
    got = puller.pull(CINEMA, DAY)
    assert (got.bookings, got.refunds, got.shifts, got.devices) == (4, 2, 1, 3)
    total = _totals(office)
    web = info["web"]
    for key in COMPARED:
        expected = sum(t[key] for t in own)
        if key == "bookings":
            expected += 1
        elif key == "tickets":
            expected += 2
        elif key in ("gross", "net_sales"):
            expected += web["total_minor"]
        elif key == "tax":
            expected += web["tax_minor"]
        elif key == "net_revenue":
            expected += web["total_minor"] - web["tax_minor"]
        assert total[key] == expected, key
    # pulling twice changes nothing
    dump = table_dump(office.svc.deps.conn, exclude=("audit", "ledger_days", "ledger_devices"))
    puller.pull(CINEMA, DAY)
    assert table_dump(office.svc.deps.conn,
                      exclude=("audit", "ledger_days", "ledger_devices")) == dump
    puller.close()


def test_a_refund_arriving_later_updates_its_booking(day, ctx, clock):
    k1, _k2, office = day
    booking = k1.sell("show-future", ["B1", "B2"])
    _sync(k1, clock)
    puller = DayPuller(office.ctx, office.config.db_path, clock)
    puller.pull(CINEMA, DAY)
    gross_before = _totals(office)["refunds"]
    k1.svc.booking.refund(k1.actor, booking.reference, ["B1"], reason="customer_request")
    _sync(k1, clock)
    puller.pull(CINEMA, DAY)
    row = office.svc.deps.conn.execute(
        "SELECT state, refunded_minor FROM ledger_bookings WHERE id = ?",
        (booking.booking_id,)).fetchone()
    assert row["state"] == "partially_refunded" and row["refunded_minor"] > 0
    assert _totals(office)["refunds"] == gross_before + row["refunded_minor"]
    puller.close()


def test_reports_break_down_by_device_and_channel(day, ctx, clock):
    k1, k2, office = day
    _mixed_day(k1, k2, ctx, clock)
    for k in (k1, k2):
        _sync(k, clock)
    DayPuller(office.ctx, office.config.db_path, clock).pull(CINEMA, DAY)
    from datetime import date

    manager = office.svc.auth.sign_in(*MANAGER)
    report = office.svc.reports.daily_sales(manager, date.fromisoformat(DAY))
    kiosks = {r["kiosk_id"]: r["bookings"] for r in report.by_kiosk.as_dicts()}
    assert kiosks == {"KIOSK-1": 2, "KIOSK-2": 1, "WEB": 1}
    channels = {r["channel"]: r["gross"] for r in report.by_channel.as_dicts()}
    assert set(channels) == {"counter", "online"} and channels["online"] == 31000


def test_freshness_names_a_device_not_seen_recently(day, ctx, clock):
    from kiosk.cloud.freshness import freshness

    k1, k2, office = day
    _mixed_day(k1, k2, ctx, clock)
    _sync(k2, clock)
    clock.advance(minutes=40)
    _sync(k1, clock)
    _sync(office, clock)
    DayPuller(office.ctx, office.config.db_path, clock).pull(CINEMA, DAY)
    line = freshness(office.svc.deps.conn, CINEMA, DAY, clock.now())
    # 12:45 UTC is 18:15 in Kolkata; KIOSK-2's last heartbeat was at 12:05 UTC = 17:35
    assert line.text == "sales up to 18:15 from 2 of 3 devices; KIOSK-2 last seen 17:35"
    assert line.stale == ("KIOSK-2",)


def test_other_devices_requests_are_listed_and_without_a_cinema_not_decided_here(day, ctx,
                                                                                 clock):
    """A console with no ``cinema_id`` lists every device's requests but sends no decision
    (test_remote_decisions covers the consoles of a shared cinema)."""
    from datetime import timedelta

    from kiosk.domain.errors import InvalidInput

    k1, k2, office = day
    big = k2.sell("show-future", ["D1", "D2", "D3", "D4", "D5", "D6"])
    request = k2.svc.booking.refund(k2.actor, big.reference, None, "wrong_show_sold")
    assert request.state == "pending_approval"  # over the cashier's limit
    shift = insert_open_shift(k2.svc.deps.db, k2.actor.staff_id, "KIOSK-2", clock, 5000)
    _sync(k2, clock)
    DayPuller(office.ctx, office.config.db_path, clock).pull(CINEMA, DAY)
    manager = office.svc.auth.sign_in(*MANAGER)
    [waiting] = office.svc.booking.pending_refunds(manager)
    assert (waiting["kiosk_id"], waiting["reference"], waiting["origin"]) == (
        "KIOSK-2", big.reference, "cloud")
    assert waiting["amount_minor"] == request.amount_minor
    before = table_dump(office.svc.deps.conn)
    with pytest.raises(InvalidInput, match="KIOSK-2's: this console is not connected"):
        office.svc.booking.approve_refund(manager, waiting["refund_id"])
    assert table_dump(office.svc.deps.conn) == before  # a refusal changes nothing
    now = clock.now()
    [cashup] = office.svc.cashups.list_cashups(manager, now - timedelta(hours=1),
                                               now + timedelta(hours=1))
    assert (cashup.kiosk_id, cashup.origin, cashup.float_minor, cashup.staff_number) == (
        "KIOSK-2", "cloud", 5000, "1001")
    assert shift  # KIOSK-2's own id, not this console's
    with pytest.raises(InvalidInput, match="still open"):
        office.svc.cashups.approve(manager, cashup.shift_id, "ok")
    assert table_dump(office.svc.deps.conn) == before


def test_an_exchange_reaches_the_cloud_and_the_manager_day_still_adds_up(day, ctx, clock):
    k1, k2, office = day
    old = k1.sell("show-future", ["E1", "E2"])
    k1.sell("show-future", ["E5"])
    hold = k1.svc.booking.hold(k1.actor, "show-later", ["E3", "E4"])
    new = k1.svc.booking.exchange(k1.actor, old.reference, hold.hold_id, {"E3": "child"},
                                  CARD_PAYMENT)
    k2.sell("show-future", ["F5"])
    for k in (k1, k2):
        _sync(k, clock)
    client, table = ctx.clients().dynamodb, ctx.clients().table
    item = plain(client.get_item(TableName=table, Key={"pk": {"S": f"BOOKING#{old.booking_id}"},
                                                        "sk": {"S": "META"}})["Item"])
    assert item["state"] == "exchanged"
    new_item = plain(client.get_item(TableName=table, Key={
        "pk": {"S": f"BOOKING#{new.booking_id}"}, "sk": {"S": "META"}})["Item"])
    assert new_item["exchanged_from"] == old.booking_id
    assert new_item["paid_minor"] == new.paid_minor
    DayPuller(office.ctx, office.config.db_path, clock).pull(CINEMA, DAY)
    own = [_totals(k1), _totals(k2)]
    total = _totals(office)
    for key in ("bookings", "gross", "refunds", "exchange_credit", "net_sales", "tax",
                "net_revenue"):
        assert total[key] == sum(t[key] for t in own), key
    assert total["exchange_credit"] > 0


def test_pulled_day_counts_by_tender_across_devices(day, ctx, clock):
    """Issue 11: booking and refund items carry their tenders; the manager's pulled day counts
    money by tender across devices (an old item without tenders counts by its method)."""
    from datetime import date

    from kiosk.services.models import Payment, Tender

    k1, k2, office = day
    insert_open_shift(k1.svc.deps.db, k1.actor.staff_id, "KIOSK-1", clock)
    actor = k1.svc.auth.sign_in("1001", "1234")  # now with its shift
    hold = k1.svc.booking.hold(actor, "show-future", ["B1", "B2"])
    split = k1.svc.booking.confirm(actor, hold.hold_id, {}, Payment(tenders=(
        Tender("card", 20_000, "4242"), Tender("cash", 50_000))))
    k1.svc.booking.refund(actor, split.reference, ["B1"], reason="customer_request")  # 250.00: 200 card + 50 cash
    k2.sell("show-future", ["C1"])  # card 250.00
    _web_sale(ctx, clock, ["F1", "F2"])  # the web: no tenders, card 310.00
    for k in (k1, k2):
        _sync(k, clock)
    items = [plain(i) for i in day_index.query_day(ctx.clients().dynamodb, ctx.clients().table,
                                                   ledger.day_pk(CINEMA, DAY))]
    sold = next(i for i in items if i.get("booking_id") == split.booking_id
                and i["day_sk"].startswith("BOOKING#"))
    assert [(t["kind"], t["amount_minor"]) for t in sold["tenders"]] == [("card", 20_000),
                                                                        ("cash", 30_000)]
    back = next(i for i in items if i["day_sk"].startswith("REFUND#"))
    assert [(t["kind"], t["amount_minor"]) for t in back["tenders"]] == [("card", 20_000),
                                                                        ("cash", 5_000)]
    puller = DayPuller(office.ctx, office.config.db_path, clock)
    puller.pull(CINEMA, DAY)
    puller.close()
    manager = office.svc.auth.sign_in(*MANAGER)
    report = office.svc.reports.daily_sales(manager, date.fromisoformat(DAY))
    rows = {r["tender"]: (r["taken"], r["refunded"]) for r in report.by_tender.as_dicts()}
    assert rows == {"card": (20_000 + 25_000 + 31_000, 20_000), "cash": (30_000, 5_000)}
    from kiosk.services.tenders import tender_totals

    conn = office.svc.deps.conn
    assert tender_totals(conn, business_date=DAY, cinema_id=CINEMA)["card"].taken_minor == 0
    assert tender_totals(conn, business_date=DAY, cinema_id=CINEMA,
                         include_pulled=True)["card"].taken_minor == 76_000


def test_every_devices_food_and_drink_reaches_the_managers_day(day, ctx, clock):
    """Issue 12 point 7: food and drink sales and their refunds go through the outbox into the
    cloud's day; the manager's pulled day counts them by item and by tender, once, across
    devices (and a resend changes nothing)."""
    from datetime import date

    from kiosk.domain.menu import Order
    from kiosk.store.db import transaction
    from kiosk.store.menu_store import replace_menu
    from tests.unit.test_menu import small_menu

    k1, k2, office = day
    for k in (k1, k2, office):
        with transaction(k.svc.deps.conn):
            replace_menu(k.svc.deps.conn, small_menu(), {"pop-l": (10, 3)}, "t")
    sold = k1.svc.items.sell(k1.actor, CINEMA, [Order("pop-l", 2, ("salted",))], CARD_PAYMENT)
    k1.svc.items.refund(k1.svc.auth.sign_in(*MANAGER), sold.reference, {1: 1}, "other: dropped")
    k2.svc.items.sell(k2.actor, CINEMA, [Order("cola-m")], CARD_PAYMENT)
    for k in (k1, k2):
        _sync(k, clock)
        _sync(k, clock)  # nothing new: nothing changes
    puller = DayPuller(office.ctx, office.config.db_path, clock)
    pulled = puller.pull(CINEMA, DAY)
    puller.pull(CINEMA, DAY)  # a second pull adds nothing
    puller.close()
    assert pulled.item_sales == 2 and "2 food and drink sales" in pulled.summary()
    manager = office.svc.auth.sign_in(*MANAGER)
    report = office.svc.reports.daily_sales(manager, date.fromisoformat(DAY))
    items = {r["item"]: (r["items"], r["gross"], r["refunds"])
             for r in report.food_table("food_by_item").as_dicts()}
    assert items == {"Popcorn (Large)": (1, 90_000, 45_000), "Soft drink (Medium)": (1, 23_000, 0)}
    tenders = {r["tender"]: (r["taken"], r["refunded"]) for r in report.by_tender.as_dicts()}
    assert tenders == {"card": (90_000 + 23_000, 45_000)}
    z = office.svc.day_close.preview(manager, DAY, CINEMA)
    assert "2 sales, 2 items" in z.totals["food_and_drink_note"]


def test_the_managers_day_counts_every_devices_offers(day, ctx, clock):
    """Issue 12: a booking item carries its discount lines; the pulled day's offers table
    counts them across devices (a comp voucher's many codes under one line)."""
    from datetime import date

    from kiosk.store.db import transaction
    from kiosk.store.offer_store import save_offer
    from tests.unit.test_offers import offer

    k1, k2, office = day
    for k in (k1, k2):
        with transaction(k.svc.deps.conn):
            save_offer(k.svc.deps.conn, offer("wed", name="Wednesday 20 %", value=20,
                                              weekdays="wed"))
    k1.sell("show-future", ["B1", "B2"])
    k2.sell("show-future", ["C1"])
    for k in (k1, k2):
        _sync(k, clock)
    puller = DayPuller(office.ctx, office.config.db_path, clock)
    puller.pull(CINEMA, DAY)
    puller.close()
    manager = office.svc.auth.sign_in(*MANAGER)
    report = office.svc.reports.daily_sales(manager, date.fromisoformat(DAY))
    rows = [(r["offer"], r["sales"], r["tickets"], r["discount"])
            for r in report.discounts.as_dicts()]
    assert rows == [("Wednesday 20 %", 2, 3, 3 * 5_000)]

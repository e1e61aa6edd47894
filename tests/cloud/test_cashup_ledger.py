"""A cash-up in detail reaches the cloud ledger (issue 14): the drawer counted by denomination
and the card / UPI checks go with the shift item, so another device's manager console (after
pulling the day) shows the same count and checks as the device that counted them. moto in
process."""

from __future__ import annotations

from datetime import timedelta

from kiosk.cloud import day_index, ledger
from kiosk.cloud.claims import plain
from kiosk.cloud.daypull import DayPuller
from tests.cloud.test_ledger import CINEMA, DAY, _sync, day  # noqa: F401 - the fixture
from tests.factories import MANAGER, table_dump


def _close_counted_shift(k2, clock):
    """KIOSK-2's cashier: a ₹100 float, two card seats, the drawer counted note by note, the
    card batch ₹10 short and the UPI settlement at nil."""
    k2.svc.shifts.open(k2.actor, 100_00)
    k2.sell("show-future", ["C1", "C2"])
    clock.advance(minutes=30)
    card = k2.svc.shifts.expected_tenders(k2.actor)["card"]
    k2.svc.shifts.close(k2.actor, count={"note:5000": 1, "note:2000": 2, "coin:500": 2},
                        card_minor=card - 10_00, upi_minor=0)
    [(shift_id,)] = k2.svc.deps.conn.execute("SELECT id FROM shifts").fetchall()
    return shift_id, card


def test_the_count_and_the_checks_reach_another_devices_manager_console(day, ctx, clock):  # noqa: F811
    k1, k2, office = day
    shift_id, card = _close_counted_shift(k2, clock)
    _sync(k2, clock)
    client, table = ctx.clients().dynamodb, ctx.clients().table
    [item] = [plain(i) for i in day_index.query_day(client, table, ledger.day_pk(CINEMA, DAY),
                                                    page_size=10)
              if i["day_sk"]["S"].startswith("SHIFT#")]
    assert sorted((c["kind"], int(c["value_minor"]), int(c["pieces"]))
                  for c in item["cash_count"]) == [
        ("coin", 500, 2), ("note", 2000, 2), ("note", 5000, 1)]
    assert {c["kind"]: int(c["variance_minor"]) for c in item["tender_checks"]} == {
        "card": -10_00, "upi": 0}

    assert DayPuller(office.ctx, office.config.db_path, clock).pull(CINEMA, DAY).shifts == 1
    manager = office.svc.auth.sign_in(*MANAGER)
    now = clock.now()
    [listed] = office.svc.cashups.list_cashups(manager, now - timedelta(days=1),
                                               now + timedelta(days=1))
    assert listed.origin == "cloud" and listed.shift_id < 0
    remote = office.svc.cashups.report(manager, listed.shift_id)
    own = k2.svc.shifts.report(k2.svc.auth.sign_in(*MANAGER), shift_id)
    assert remote.count is not None and own.count is not None
    assert remote.count.as_mapping() == own.count.as_mapping() == {
        "note:5000": 1, "note:2000": 2, "coin:500": 2}
    assert remote.count.total_minor == 100_00
    assert [(c.kind, c.expected_minor, c.declared_minor) for c in remote.checks] == \
        [(c.kind, c.expected_minor, c.declared_minor) for c in own.checks] == [
        ("cash", 100_00, 100_00), ("card", card, card - 10_00), ("upi", 0, 0)]
    assert (remote.kiosk_id, remote.staff_number, remote.sales) == ("KIOSK-2", "1001", 1)
    assert office.svc.cashups.tender_checks(manager, [listed.shift_id]) == {
        listed.shift_id: {"card": -10_00, "upi": 0}}

    # pulling again changes nothing; a shift closed with a total only sends no detail
    dump = table_dump(office.svc.deps.conn, exclude=("audit", "ledger_days", "ledger_devices"))
    DayPuller(office.ctx, office.config.db_path, clock).pull(CINEMA, DAY)
    assert table_dump(office.svc.deps.conn,
                      exclude=("audit", "ledger_days", "ledger_devices")) == dump
    k1.svc.shifts.open(k1.actor, 0)
    k1.svc.shifts.close(k1.actor, 0)
    _sync(k1, clock)
    items = [plain(i) for i in day_index.query_day(client, table, ledger.day_pk(CINEMA, DAY),
                                                   page_size=10)]
    [total_only] = [i for i in items if i["day_sk"].startswith("SHIFT#KIOSK-1#")]
    assert "cash_count" not in total_only and "tender_checks" not in total_only

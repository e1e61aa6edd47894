"""Two doors and a counter on one cloud table: a ticket admits once across doors; a door that
admitted offline reconciles, and a double admission is listed for the manager (issue 13)."""

from __future__ import annotations

import pytest

from kiosk.domain import admission as rules
from kiosk.services.admissions import door_setting
from kiosk.services.models import Payment
from tests.cloud.helpers import NetworkSwitch, open_cinema_device


@pytest.fixture
def doors(cloud_services, cloud_config, clock, tmp_path):
    """Door 1 and Door 2: own databases and contexts, the cinema's keys imported."""
    made = [open_cinema_device(cloud_services, cloud_config, clock, tmp_path / f"door{n}",
                               f"DOOR-{n}") for n in (1, 2)]
    yield [(svc, svc.gate, svc.gate.context) for svc in made]
    for svc in made:
        svc.close()
        svc.gate.close()


def _sell(services, seats):
    cashier = services.auth.sign_in("1001", "1234")
    hold = services.booking.hold(cashier, "show-future", seats)
    return services.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"))


def test_a_ticket_sold_at_the_counter_admits_once_across_two_doors(cloud_services, doors, clock):
    booking = _sell(cloud_services, ["E1", "E2"])
    (door1, _, _), (door2, _, _) = doors
    clock.advance(hours=2, minutes=45)
    first = door1.admissions.admit(door1.auth.sign_in("1002", "2345"), booking.ticket_code,
                                   door_setting("Door 1"))
    assert first.admitted and not first.offline  # pulled the day on the miss, admitted in the cloud
    clock.advance(minutes=2)
    second = door2.admissions.admit(door2.auth.sign_in("1001", "1234"), booking.ticket_code,
                                    door_setting("Door 2"))
    assert (second.admitted, second.decision.reason) == (False, rules.ALREADY)
    assert "Already admitted at Door 1, 20:15" in second.decision.text
    # the manager's pull counts every door's admissions per show
    from kiosk.cloud.daypull import DayPuller

    puller = DayPuller(doors[1][2], door2.config.db_path, clock)
    assert puller.pull("cin-test", "2026-11-25").admissions == 1
    puller.close()
    assert door2.admissions.admitted_by_show(["show-future"]) == {"show-future": 2}


def test_a_door_offline_admits_from_what_it_pulled_and_a_double_admission_is_listed(
        cloud_services, doors, clock):
    from kiosk.cloud.worker import Backoff, OutboxWorker

    booking = _sell(cloud_services, ["E3"])
    (door1, _, _), (door2, _, ctx2) = doors
    clock.advance(hours=2, minutes=45)
    assert door2.admissions.prefetch()  # before the doors open: the next shows' bookings
    switch = NetworkSwitch(ctx2.clients().dynamodb)
    switch.cut = True
    usher2 = door2.auth.sign_in("1001", "1234")
    offline = door2.admissions.admit(usher2, booking.ticket_code, door_setting("Door 2"))
    assert offline.admitted and offline.offline
    again = door2.admissions.admit(usher2, booking.ticket_code, door_setting("Door 2"))
    assert again.decision.reason == rules.ALREADY  # this door remembers, offline too
    online = door1.admissions.admit(door1.auth.sign_in("1002", "2345"), booking.ticket_code,
                                    door_setting("Door 1"))
    assert online.admitted  # the cloud had not heard of Door 2's admission
    switch.cut = False
    clock.advance(minutes=1)
    worker = OutboxWorker(ctx2, door2.config.db_path, clock=clock, backoff=Backoff(0.5, 1.0),
                          rng=lambda: 1.0)
    try:
        for _ in range(3):
            worker.run_once()
            clock.advance(seconds=5)
        assert worker.pending_count() == 0 and worker.dead_count() == 0
    finally:
        worker.close()
    manager = door2.auth.sign_in("9001", "9999")
    [double] = door2.admissions.double_admissions(manager)
    assert (double.reference, double.first_door, double.second_door) == (
        booking.reference, "Door 1", "Door 2")
    audit = door2.deps.conn.execute(
        "SELECT COUNT(*) FROM audit WHERE action = 'door.double_admission'").fetchone()[0]
    assert audit == 1


def test_a_web_booking_is_pulled_by_show_and_a_refund_since_the_pull_admits_nobody(
        cloud_services, doors, ctx, clock):
    from kiosk.cloud.channel import OnlineChannel
    from kiosk.domain.ticket_codes import sign

    web = OnlineChannel.for_context(ctx, clock=clock)
    sale = web.buy("show-future", ["F1", "F2"], contact="+91 98765 43210")
    (door1, _, _), _ = doors
    code = sign(sale.reference, "cin-test", door1.deps.ticket_ring())  # the web's e-ticket
    clock.advance(hours=2, minutes=45)
    usher = door1.auth.sign_in("1002", "2345")
    first = door1.admissions.admit(usher, code, door_setting("Door 1"))
    assert first.admitted and first.decision.text.startswith("ADMIT 2:")  # found by its show
    counter_sale = _sell(cloud_services, ["F5", "F6"])
    assert door1.admissions.prefetch()  # the door knows the counter's booking now
    manager = cloud_services.auth.sign_in("9001", "9999")
    cloud_services.booking.refund(manager, counter_sale.reference, ["F5", "F6"], reason="customer_request")
    from kiosk.cloud.worker import OutboxWorker

    worker = OutboxWorker(ctx, cloud_services.config.db_path, clock=clock)
    try:
        worker.run_once()  # the counter's refund reaches the cloud
    finally:
        worker.close()
    refused = door1.admissions.admit(usher, counter_sale.ticket_code, door_setting("Door 1"))
    assert (refused.admitted, refused.decision.reason) == (False, rules.REFUNDED)

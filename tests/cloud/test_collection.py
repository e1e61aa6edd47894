"""Collect tickets (issue 13 point 1): a booking made on the web or at another kiosk is found by
its QR, reference or phone, printed once for the whole cinema; a second collection is refused
with where and when, a forged code is refused, a printer fault gives the collection back."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import InvalidInput, NotFound
from kiosk.domain.ticket_codes import ForgedTicket, sign
from kiosk.services.collection import AlreadyCollected
from kiosk.services.models import Actor, Role
from tests.cloud.helpers import open_cinema_device


@pytest.fixture
def kiosks(cloud_services, cloud_config, clock, tmp_path):
    """Two self-service kiosks of the cinema, each with its own database and the cinema's keys."""
    made = [(open_cinema_device(cloud_services, cloud_config, clock, tmp_path / f"self{n}",
                                f"SELF-{n}"),
             Actor(None, "", "Self-service", Role.SELF_SERVICE, f"SELF-{n}")) for n in (1, 2)]
    yield made
    for svc, _ in made:
        svc.close()
        svc.gate.close()


@pytest.fixture
def web_sale(ctx, clock):
    from kiosk.cloud.channel import OnlineChannel

    return OnlineChannel.for_context(ctx, clock=clock).buy("show-future", ["F3", "F4"],
                                                           contact="98765 43210")


def test_a_web_booking_is_collected_once_across_kiosks(kiosks, web_sale):
    (kiosk1, self1), (kiosk2, self2) = kiosks
    [found] = kiosk1.collection.find(self1, web_sale.reference.lower().replace("-", ""))
    assert found.reference == web_sale.reference and [ln.seat_code for ln in found.lines] == \
        ["F3", "F4"]
    assert found.ticket_code and web_sale.reference in found.ticket_code  # a signed QR to print
    collected = kiosk1.collection.collect(self1, found.booking_id, proof=found.reference)
    assert collected.booking.booking_id == found.booking_id
    with pytest.raises(AlreadyCollected, match="already collected at SELF-1, 17:30"):
        kiosk1.collection.collect(self1, found.booking_id, proof=found.reference)
    [again] = kiosk2.collection.find(self2, web_sale.reference)
    with pytest.raises(AlreadyCollected, match="already collected at SELF-1"):
        kiosk2.collection.collect(self2, again.booking_id, proof=again.reference)
    manager = kiosk2.auth.sign_in("9001", "9999")
    reprint = kiosk2.collection.collect(manager, again.booking_id, reprint=True)
    assert reprint.reprint
    assert kiosk2.deps.conn.execute("SELECT COUNT(*) FROM audit WHERE action = "
                                    "'tickets.reprint_collected'").fetchone()[0] == 1
    cashier = kiosk2.auth.sign_in("1001", "1234")
    with pytest.raises(Exception, match="manager"):
        kiosk2.collection.collect(cashier, again.booking_id, reprint=True)


def test_found_by_the_phone_however_typed_and_by_the_signed_qr(kiosks, web_sale):
    (kiosk1, self1), _ = kiosks
    for typed in ("+91 98765 43210", "098765-43210", "9876543210"):
        [found] = kiosk1.collection.find(self1, typed)
        assert found.reference == web_sale.reference, typed
    code = sign(web_sale.reference, "cin-test", kiosk1.deps.ticket_ring())
    [found] = kiosk1.collection.find(self1, code)
    assert found.reference == web_sale.reference
    forged = code.replace(web_sale.reference, "ZZZZ-ZZZZ")
    with pytest.raises(ForgedTicket):
        kiosk1.collection.find(self1, forged)
    for nothing in ("ZZZZ-ZZZZ", "+91 91234 56789"):
        with pytest.raises(NotFound):
            kiosk1.collection.find(self1, nothing)
    for bad in ("", "x" * 400, "<script>"):
        with pytest.raises(InvalidInput):
            kiosk1.collection.find(self1, bad)


def test_a_printer_fault_gives_the_collection_back(kiosks, web_sale):
    (kiosk1, self1), (kiosk2, self2) = kiosks
    [found] = kiosk1.collection.find(self1, web_sale.reference)
    collection = kiosk1.collection.collect(self1, found.booking_id, proof=found.reference)
    kiosk1.collection.release(self1, collection)  # the printer failed
    [again] = kiosk2.collection.find(self2, web_sale.reference)
    assert kiosk2.collection.collect(self2, again.booking_id, proof=again.reference).booking.reference == \
        web_sale.reference


def test_cli_collect_writes_the_tickets_and_refuses_a_second_time(kiosks, web_sale, capsys,
                                                                  monkeypatch, tmp_path):
    """The command on a kiosk's own database (moto in process serves it, as for the services)."""
    from kiosk.commands import collect
    from kiosk.services.app import open_services as real_open

    (kiosk1, _), _ = kiosks
    config = kiosk1.config
    monkeypatch.setattr("kiosk.services.app.open_services",
                        lambda cfg: real_open(cfg, clock=kiosk1.deps.clock, gate=kiosk1.gate))

    class Args:
        what = web_sale.reference
        pdf = tmp_path / "collected.pdf"
        staff = None
        reprint = False
        proof = ""

    monkeypatch.setattr(kiosk1, "close", lambda: None)
    assert collect.run(Args, config) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Collected {web_sale.reference}: 2 ticket(s)")
    assert Args.pdf.read_bytes().startswith(b"%PDF")
    with pytest.raises(AlreadyCollected):
        collect.run(Args, config)


def _worker(ctx_or_svc, clock):
    from kiosk.cloud.worker import Backoff, OutboxWorker

    svc = ctx_or_svc
    return OutboxWorker(svc.gate.context, svc.config.db_path, clock=clock,
                        backoff=Backoff(0.5, 1.0), rng=lambda: 1.0)


def _counter_sale(services, seats, types=None):
    from kiosk.services.models import Payment

    cashier = services.auth.sign_in("1001", "1234")
    hold = services.booking.hold(cashier, "show-future", seats)
    return services.booking.confirm(cashier, hold.hold_id, types or {},
                                    Payment("card", card_last4="4242"))


def test_an_offline_collection_of_a_kiosks_own_booking_reaches_the_cloud_later(kiosks, clock):
    """Review finding: collected offline, the COLLECT# item is sent by the outbox, so another
    kiosk refuses a second collection once it is through."""
    from tests.cloud.helpers import NetworkSwitch

    (kiosk1, self1), (kiosk2, self2) = kiosks
    booking = _counter_sale(kiosk1, ["B1", "B2"])
    switch = NetworkSwitch(kiosk1.gate.context.clients().dynamodb)
    switch.cut = True
    kiosk1.gate.context.status.mark_offline("cut by the test")
    [found] = kiosk1.collection.find(self1, booking.reference)
    kiosk1.collection.collect(self1, found.booking_id, proof=found.reference)
    switch.cut = False
    worker = _worker(kiosk1, clock)
    try:
        clock.advance(seconds=5)
        worker.run_once()
        assert worker.pending_count() == 0 and worker.dead_count() == 0
    finally:
        worker.close()
    [again] = kiosk2.collection.find(self2, booking.reference)
    with pytest.raises(AlreadyCollected, match="SELF-1"):
        kiosk2.collection.collect(self2, again.booking_id, proof=again.reference)


def test_tickets_printed_at_the_sale_are_not_collected_again(kiosks, clock, tmp_path):
    from dataclasses import replace as with_

    (kiosk1, _), (kiosk2, self2) = kiosks
    kiosk1.deps.config = with_(kiosk1.deps.config, thermal_printer=f"file:{tmp_path / 'p.bin'}")
    booking = _counter_sale(kiosk1, ["B3"])
    cashier = kiosk1.auth.sign_in("1001", "1234")
    kiosk1.printing.print_booking(cashier, booking, kind="sale")
    worker = _worker(kiosk1, clock)
    try:
        worker.run_once()
    finally:
        worker.close()
    [again] = kiosk2.collection.find(self2, booking.reference)
    with pytest.raises(AlreadyCollected):
        kiosk2.collection.collect(self2, again.booking_id, proof=again.reference)


def test_a_lost_answer_on_collect_is_ours_on_the_retry(kiosks, web_sale):
    from tests.cloud.helpers import LoseResponses

    (kiosk1, self1), _ = kiosks
    [found] = kiosk1.collection.find(self1, web_sale.reference)
    LoseResponses(kiosk1.gate.context.clients().dynamodb, operation="PutItem")
    with pytest.raises(InvalidInput, match="cannot check now"):
        kiosk1.collection.collect(self1, found.booking_id, proof=found.reference)
    kiosk1.gate.context.status.mark_ok()  # the connection is back (the sync's probe says so)
    collected = kiosk1.collection.collect(self1, found.booking_id, proof=found.reference)  # the retry: ours
    assert collected.booking.reference == web_sale.reference


def test_another_devices_booking_prints_its_ticket_types_and_not_seats_refunded_since(
        cloud_services, kiosks, clock):
    (kiosk1, self1), _ = kiosks
    booking = _counter_sale(cloud_services, ["C1", "C2"], {"C2": "child"})
    [found] = kiosk1.collection.find(self1, booking.reference)  # pulled with its show
    assert {(ln.seat_code, ln.ticket_type) for ln in found.lines} == {("C1", "adult"),
                                                                      ("C2", "child")}
    assert all(ln.price_minor > 0 for ln in found.lines)
    manager = cloud_services.auth.sign_in("9001", "9999")
    cloud_services.booking.refund(manager, booking.reference, ["C2"], reason="customer_request")
    worker = _worker(cloud_services, clock)
    try:
        worker.run_once()  # the refund reaches the cloud
    finally:
        worker.close()
    collected = kiosk1.collection.collect(self1, found.booking_id, proof=found.reference)
    assert [ln.seat_code for ln in collected.booking.lines] == ["C1"]


def test_a_phone_number_alone_does_not_print_someone_elses_tickets_at_self_service(kiosks,
                                                                                     web_sale):
    """Review finding: at an unattended kiosk the reference's end proves the booking."""
    from kiosk.services.collection import ProofNeeded

    (kiosk1, self1), _ = kiosks
    [found] = kiosk1.collection.find(self1, "+91 98765 43210")
    for weak in ("", "+91 98765 43210", "ZZZZ", web_sale.reference[:4]):
        with pytest.raises(ProofNeeded, match="last 4 characters"):
            kiosk1.collection.collect(self1, found.booking_id, proof=weak)
    assert kiosk1.deps.conn.execute("SELECT COUNT(*) FROM collections").fetchone()[0] == 0
    tail = web_sale.reference[-4:].lower()
    assert kiosk1.collection.collect(self1, found.booking_id, proof=tail).booking.reference == \
        web_sale.reference


def test_a_web_booking_for_tomorrow_is_found_too(kiosks, ctx, clock):
    from kiosk.cloud.channel import OnlineChannel

    sale = OnlineChannel.for_context(ctx, clock=clock).buy("show-later", ["F5"])
    (kiosk1, self1), _ = kiosks
    [found] = kiosk1.collection.find(self1, sale.reference)
    assert found.show.show_id == "show-later"


def test_a_booking_whose_seats_went_elsewhere_has_no_tickets_to_collect(kiosks):
    (kiosk1, self1), _ = kiosks
    booking = _counter_sale(kiosk1, ["D9"])
    with kiosk1.deps.conn:
        kiosk1.deps.conn.execute("UPDATE bookings SET state = 'conflict' WHERE id = ?",
                                 (booking.booking_id,))
    with pytest.raises(InvalidInput, match="not valid for entry"):
        kiosk1.collection.find(self1, booking.reference)

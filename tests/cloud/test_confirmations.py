"""A confirmation's delivery is recorded on the booking, and the counter can send it again
(issue 13 point 8)."""

from __future__ import annotations

import json

import pytest

from kiosk.cloud.worker import Backoff, OutboxWorker
from kiosk.domain.errors import InvalidInput, PermissionDenied
from kiosk.services.confirmations import State
from kiosk.services.models import Actor, Payment, Role
from tests.cloud.helpers import sms_messages

SHOW = "show-future"


class RefusePublish:
    """SNS refuses every Publish (quoting the number, as SNS does) while ``on``."""

    def __init__(self, sns_client) -> None:
        self.on = True
        sns_client.meta.events.register("before-call.sns.Publish", self._hook)

    def _hook(self, **kwargs):
        if self.on:
            from botocore.exceptions import ClientError

            raise ClientError({"Error": {"Code": "InvalidParameter", "Message":
                               "Invalid parameter: PhoneNumber Reason: +919876543210 is opted out"}},
                              "Publish")


@pytest.fixture
def worker(cloud_services, ctx, clock):
    w = OutboxWorker(ctx, cloud_services.config.db_path, clock=clock,
                     backoff=Backoff(base_s=2.0, cap_s=60.0), rng=lambda: 1.0, max_failures=2)
    yield w
    w.close()


def _sell(services, seat: str, contact: str):
    cashier = services.auth.sign_in("1001", "1234")
    hold = services.booking.hold(cashier, SHOW, [seat])
    booking = services.booking.confirm(cashier, hold.hold_id, {},
                                       Payment("card", card_last4="4242"), contact=contact)
    return cashier, booking


def test_a_number_that_cannot_be_sent_is_a_failure_on_the_booking_and_a_resend_reaches_the_corrected_one(
        cloud_services, worker, clock):
    services = cloud_services
    confirmations = services.confirmations
    cashier, booking = _sell(services, "E1", "1234567")
    assert confirmations.status(booking.booking_id).state == State.QUEUED
    worker.run_once()
    failed = confirmations.status(booking.booking_id)
    assert failed.failed and "country code" in failed.note and sms_messages() == []
    assert "1234567" not in failed.contact  # masked for the screen
    again = confirmations.resend(cashier, booking.booking_id, "+91 98765 43210")
    assert again.state == State.QUEUED and again.contact.endswith("3210")
    worker.run_once()
    assert confirmations.status(booking.booking_id).state == State.SENT
    [(phone, text)] = sms_messages()
    assert phone == "+919876543210" and booking.reference in text
    conn = services.deps.conn
    assert conn.execute("SELECT customer_contact FROM bookings WHERE id = ?",
                        (booking.booking_id,)).fetchone()[0] == "+919876543210"
    [detail] = [json.loads(r[0]) for r in conn.execute(
        "SELECT detail FROM audit WHERE action = 'confirmation.resend'")]
    assert detail == {"to": "+91 •••••• 3210", "corrected": True}  # never the whole number


def test_sns_refusing_until_the_worker_gives_up_is_a_failure_and_a_resend_sends_once(
        cloud_services, worker, ctx, clock):
    services = cloud_services
    cashier, booking = _sell(services, "E2", "+91 98765 43210")
    refuse = RefusePublish(ctx.clients().sns)
    for _ in range(3):
        worker.run_once()
        clock.advance(seconds=120)
    status = services.confirmations.status(booking.booking_id)
    assert status.failed and status.note
    assert "98765" not in status.note  # the worker masks what SNS said
    refuse.on = False
    services.confirmations.resend(cashier, booking.booking_id)
    worker.run_once()
    worker.run_once()
    assert len(sms_messages()) == 1
    assert services.confirmations.status(booking.booking_id).state == State.SENT


def test_a_waiting_confirmation_is_replaced_by_a_resend_not_sent_twice(cloud_services, worker,
                                                                        ctx, clock):
    services = cloud_services
    cashier, booking = _sell(services, "E3", "+91 98765 43210")
    services.confirmations.resend(cashier, booking.booking_id)
    worker.run_once()
    worker.run_once()
    assert len(sms_messages()) == 1


def test_resend_is_refused_without_a_contact_or_for_the_self_service_kiosk(cloud_services):
    services = cloud_services
    cashier, booking = _sell(services, "E4", "")
    before = services.deps.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    assert services.confirmations.status(booking.booking_id).state == State.NONE
    with pytest.raises(InvalidInput, match="no phone number or e-mail"):
        services.confirmations.resend(cashier, booking.booking_id)
    with pytest.raises(InvalidInput):
        services.confirmations.resend(cashier, booking.booking_id, "not a contact")
    kiosk = Actor(None, "", "Self-service", Role.SELF_SERVICE, "KIOSK-1")
    with pytest.raises(PermissionDenied):
        services.confirmations.resend(kiosk, booking.booking_id, "+91 98765 43210")
    assert services.deps.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == before

"""The office decides another device's refund request or cash-up; that device applies it.

Issue 10 point 3: refund approvals and cash-ups cover every device. The decision travels as one
conditional DECISION# item; the requesting device applies it at its next sync through its own
service rules and answers; the office reads the answer at its next pull of the day.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from kiosk.cloud.daypull import DayPuller
from kiosk.cloud.decisions import DecisionInbox
from kiosk.cloud.engine import SyncEngine
from kiosk.cloud.errors import CloudUnavailable
from kiosk.domain.errors import InvalidInput
from kiosk.services.remote_decisions import UNREACHABLE, DecisionApplier
from tests.cloud.kiosks import open_kiosk
from tests.cloud.test_ledger import CINEMA, DAY, _sync
from tests.factories import MANAGER, table_dump

SIX = ["D1", "D2", "D3", "D4", "D5", "D6"]  # over the cashier's ₹1,000 refund limit


@pytest.fixture
def cinema(cloud_config, tmp_path, clock, ctx):
    """KIOSK-2 (a counter) and KIOSK-9 (the manager's office) of one cinema, on one moto table."""
    config = replace(cloud_config, cinema_id=CINEMA)
    k2 = open_kiosk(config, tmp_path, clock, 2)
    office = open_kiosk(config, tmp_path, clock, 9)
    yield k2, office
    for k in (k2, office):
        k.close()


def _pull(kiosk, clock) -> None:
    puller = DayPuller(kiosk.ctx, kiosk.config.db_path, clock)
    puller.pull(CINEMA, DAY)
    puller.close()


def _request(k2, clock):
    """A refund request over the cashier's limit on KIOSK-2, in the cloud."""
    big = k2.sell("show-future", SIX)
    request = k2.svc.booking.refund(k2.actor, big.reference, None, "wrong_show_sold")
    assert request.state == "pending_approval"
    _sync(k2, clock)
    return big, request


def _listed_at_the_office(k2, office, clock):
    """KIOSK-2's request, pulled by the office: (the request, the office's manager, its row)."""
    _big, request = _request(k2, clock)
    _pull(office, clock)
    manager = office.svc.auth.sign_in(*MANAGER)
    [waiting] = office.svc.booking.pending_refunds(manager)
    return request, manager, waiting


def _state(kiosk, refund_id: int) -> str:
    return kiosk.svc.deps.conn.execute("SELECT state FROM refunds WHERE id = ?",
                                       (refund_id,)).fetchone()[0]


def _free(kiosk, seats) -> bool:
    return kiosk.svc.deps.conn.execute(
        "SELECT COUNT(*) FROM booking_seats bs JOIN bookings b ON b.id = bs.booking_id "
        "WHERE b.state = 'confirmed' AND bs.refunded = 0 AND bs.seat_code IN "
        "(SELECT value FROM json_each(?))", (json.dumps(seats),)).fetchone()[0] == 0


def test_the_office_approves_a_counters_refund_and_the_counter_pays_it(cinema, clock):
    k2, office = cinema
    big, request = _request(k2, clock)
    _pull(office, clock)
    manager = office.svc.auth.sign_in(*MANAGER)
    [waiting] = office.svc.booking.pending_refunds(manager)
    assert waiting["origin"] == "cloud" and waiting["decision"] == ""

    sent = office.svc.booking.approve_refund(manager, waiting["refund_id"])
    assert (sent.state, sent.booking_reference, sent.amount_minor) == (
        "approval_sent", big.reference, request.amount_minor)
    assert _state(k2, request.refund_id) == "pending_approval"  # nothing happens here yet
    [still] = office.svc.booking.pending_refunds(manager)
    assert still["decision"].startswith("Approval sent") and "not applied yet" in \
        still["decision"]
    before = table_dump(office.svc.deps.conn)
    with pytest.raises(InvalidInput, match="applies it at its next sync"):
        office.svc.booking.approve_refund(manager, waiting["refund_id"])  # not sent twice
    assert table_dump(office.svc.deps.conn) == before

    # KIOSK-2's sync engine applies it at its next tick (wired as the app's sync thread does)
    applier = DecisionApplier(k2.config, k2.ctx, clock, interval_s=0)
    engine = SyncEngine(k2.config, k2.ctx, clock=clock, decisions=applier)
    try:
        for _ in range(5):
            engine.tick()
            if _state(k2, request.refund_id) == "completed":
                break
    finally:
        engine.close()
    assert _state(k2, request.refund_id) == "completed"
    assert _free(k2, SIX)
    decided_by = k2.svc.deps.conn.execute(
        "SELECT st.staff_number FROM refunds r JOIN staff st ON st.id = r.decided_by "
        "WHERE r.id = ?", (request.refund_id,)).fetchone()[0]
    assert decided_by == MANAGER[0]
    assert DecisionInbox(k2.ctx, CINEMA, "KIOSK-2").waiting() == []  # answered: not again

    _sync(k2, clock)
    _pull(office, clock)
    assert office.svc.booking.pending_refunds(manager) == []
    outcome = office.svc.deps.conn.execute(
        "SELECT outcome FROM decisions_sent WHERE kind = 'refund'").fetchone()[0]
    assert outcome == "applied"


def test_a_second_office_is_told_who_decided_first(cinema, cloud_config, tmp_path, clock):
    k2, office = cinema
    other = open_kiosk(replace(cloud_config, cinema_id=CINEMA), tmp_path, clock, 8)
    try:
        _big, _request_ = _request(k2, clock)
        for console in (office, other):
            _pull(console, clock)
        first = office.svc.auth.sign_in(*MANAGER)
        second = other.svc.auth.sign_in(*MANAGER)
        [mine] = office.svc.booking.pending_refunds(first)
        [theirs] = other.svc.booking.pending_refunds(second)
        office.svc.booking.reject_refund(first, mine["refund_id"], "customer left")
        before = table_dump(other.svc.deps.conn)
        with pytest.raises(InvalidInput, match="already rejected this refund request"):
            other.svc.booking.approve_refund(second, theirs["refund_id"])
        assert table_dump(other.svc.deps.conn) == before  # a refusal writes nothing
        _pull(other, clock)  # the pull brings the first console's decision
        [listed] = other.svc.booking.pending_refunds(second)
        assert listed["decision"].startswith("Rejection sent")
    finally:
        other.close()


def test_a_rejection_needs_a_comment_and_reaches_the_counter(cinema, clock):
    k2, office = cinema
    request, manager, waiting = _listed_at_the_office(k2, office, clock)
    before = table_dump(office.svc.deps.conn)
    with pytest.raises(InvalidInput, match="why the refund is rejected"):
        office.svc.booking.reject_refund(manager, waiting["refund_id"], "  ")
    assert table_dump(office.svc.deps.conn) == before
    office.svc.booking.reject_refund(manager, waiting["refund_id"], "seats were used")
    [(decision, outcome, note)] = DecisionApplier(k2.config, k2.ctx, clock).tick(0)
    assert (decision.decision, outcome, note) == ("reject", "applied", "")
    assert _state(k2, request.refund_id) == "rejected"
    assert not _free(k2, SIX)  # a rejection keeps the seats sold


def test_a_counter_refuses_a_decision_it_cannot_apply_and_the_office_may_decide_again(
        cinema, clock):
    k2, office = cinema
    _big, request = _request(k2, clock)
    _pull(office, clock)
    manager = office.svc.auth.sign_in(*MANAGER)
    deputy = office.svc.staff_admin.add_staff(manager, "9002", "Deputy", "manager", "5820")
    office_deputy = office.svc.auth.sign_in("9002", "5820")
    [waiting] = office.svc.booking.pending_refunds(manager)
    office.svc.booking.approve_refund(office_deputy, waiting["refund_id"])
    applier = DecisionApplier(k2.config, k2.ctx, clock)
    [(_d, outcome, note)] = applier.tick(0)  # KIOSK-2 has no staff number 9002 (not pulled)
    assert outcome == "refused" and "9002" in note
    assert _state(k2, request.refund_id) == "pending_approval"  # nothing changed there
    _pull(office, clock)
    [listed] = office.svc.booking.pending_refunds(manager)
    assert listed["decision"].startswith("KIOSK-2 refused Deputy's approval")
    assert deputy.staff_number == "9002"

    office.svc.booking.approve_refund(manager, waiting["refund_id"])  # attempt 2, allowed
    [(d, outcome, _note)] = applier.tick(applier.interval_s + 1)
    assert (d.attempt, outcome) == (2, "applied")
    assert _state(k2, request.refund_id) == "completed"


def test_a_decision_made_at_the_counter_first_wins(cinema, clock):
    k2, office = cinema
    request, manager, waiting = _listed_at_the_office(k2, office, clock)
    office.svc.booking.reject_refund(manager, waiting["refund_id"], "no")
    local = k2.svc.auth.sign_in(*MANAGER)
    k2.svc.booking.approve_refund(local, request.refund_id)  # at the counter, before the sync
    [(_d, outcome, note)] = DecisionApplier(k2.config, k2.ctx, clock).tick(0)
    assert outcome == "refused" and "already completed" in note
    assert _state(k2, request.refund_id) == "completed"


def test_a_decision_seen_twice_is_applied_once(cinema, clock):
    k2, office = cinema
    request, manager, waiting = _listed_at_the_office(k2, office, clock)
    office.svc.booking.approve_refund(manager, waiting["refund_id"])
    applier = DecisionApplier(k2.config, k2.ctx, clock)
    [decision] = applier.inbox.waiting()
    assert applier.apply(decision) == ("applied", "")  # ... and the answer never reached the cloud
    assert applier.inbox.waiting() == [decision]
    [(_d, outcome, _n)] = applier.tick(0)  # seen again: answered from the record
    assert outcome == "applied"
    approvals = k2.svc.deps.conn.execute(
        "SELECT COUNT(*) FROM audit WHERE action = 'refund_approved'").fetchone()[0]
    assert approvals == 1
    assert k2.svc.deps.conn.execute("SELECT COUNT(*) FROM outbox WHERE kind = 'refund'"
                                    ).fetchone()[0] == 1


def test_with_the_cloud_unreachable_nothing_is_sent_or_changed(cinema, clock, monkeypatch):
    k2, office = cinema
    _request_, manager, waiting = _listed_at_the_office(k2, office, clock)

    def down(_decision):
        raise CloudUnavailable("Cannot reach the cloud")

    monkeypatch.setattr(office.svc.booking.decisions, "send", down)
    before = table_dump(office.svc.deps.conn)
    with pytest.raises(InvalidInput, match="not sent"):
        office.svc.booking.approve_refund(manager, waiting["refund_id"])
    assert table_dump(office.svc.deps.conn) == before
    assert "nothing changed" in UNREACHABLE


def test_the_office_approves_a_counters_cash_up(cinema, clock):
    k2, office = cinema
    shifts = k2.svc.shifts
    shifts.open(k2.actor, 5000)
    shifts.close(k2.actor, 4000)  # ₹10 short: within the ₹50 threshold, so not flagged
    _sync(k2, clock)
    _pull(office, clock)
    manager = office.svc.auth.sign_in(*MANAGER)
    now = clock.now()
    [cashup] = office.svc.cashups.list_cashups(manager, now - timedelta(hours=1),
                                               now + timedelta(hours=1))
    assert cashup.origin == "cloud" and cashup.approved_by is None and cashup.decision == ""
    listed = office.svc.cashups.approve(manager, cashup.shift_id, "counted twice")
    assert listed.decision.startswith("Approval sent")
    [(_d, outcome, note)] = DecisionApplier(k2.config, k2.ctx, clock).tick(0)
    assert (outcome, note) == ("applied", "")
    row = k2.svc.deps.conn.execute("SELECT approved_by, comment FROM shifts").fetchone()
    assert row["approved_by"] is not None and "counted twice" in row["comment"]
    _sync(k2, clock)
    _pull(office, clock)
    [after] = office.svc.cashups.list_cashups(manager, now - timedelta(hours=1),
                                              now + timedelta(hours=1))
    assert after.status == "approved" and after.decision.endswith("applied")


def test_a_flagged_cash_up_needs_a_comment_at_the_office_too(cinema, clock):
    k2, office = cinema
    k2.svc.shifts.open(k2.actor, 50000)
    k2.svc.shifts.close(k2.actor, 10000)  # ₹400 short: flagged
    _sync(k2, clock)
    _pull(office, clock)
    manager = office.svc.auth.sign_in(*MANAGER)
    now = clock.now()
    [cashup] = office.svc.cashups.list_cashups(manager, now - timedelta(hours=1),
                                               now + timedelta(hours=1))
    assert cashup.flagged
    before = table_dump(office.svc.deps.conn)
    with pytest.raises(InvalidInput, match="add a comment"):
        office.svc.cashups.approve(manager, cashup.shift_id, "")
    assert table_dump(office.svc.deps.conn) == before
    assert DecisionInbox(k2.ctx, CINEMA, "KIOSK-2").waiting() == []

"""Cash-up review: variance flagging against the configured threshold, approval and comments."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from kiosk.domain.clock import to_iso
from kiosk.domain.errors import InvalidInput, PermissionDenied
from kiosk.services.cashups import CashupService
from tests.unit.test_staff_admin import actor_for


def add_shift(services, staff_number, *, float_minor=200_00, expected=None, counted=None,
              hours_ago=6, closed=True):
    now = services.deps.clock.now()
    staff_id = services.deps.conn.execute("SELECT id FROM staff WHERE staff_number = ?",
                                          (staff_number,)).fetchone()[0]
    variance = None if counted is None else counted - expected
    cur = services.deps.conn.execute(
        "INSERT INTO shifts (staff_id, kiosk_id, currency, opened_at, float_minor, closed_at,"
        " expected_minor, counted_minor, variance_minor) VALUES (?, 'KIOSK-1', 'INR', ?, ?, ?, ?, ?, ?)",
        (staff_id, to_iso(now - timedelta(hours=hours_ago)), float_minor,
         to_iso(now - timedelta(hours=1)) if closed else None, expected, counted, variance))
    return cur.lastrowid


@pytest.fixture
def cashups(services):
    return CashupService(services.deps)


def window(services):
    now = services.deps.clock.now()
    return now - timedelta(days=1), now + timedelta(hours=1)


def test_variance_is_flagged_only_beyond_the_threshold(services, cashups):
    threshold = cashups.threshold_for("INR")
    assert threshold == 5000 == cashups.threshold_minor  # the INR default, from migration 0012
    exact = add_shift(services, "1001", expected=1000_00, counted=1000_00)
    at_limit = add_shift(services, "1002", expected=1000_00, counted=1000_00 - threshold)
    short = add_shift(services, "1001", expected=1000_00, counted=1000_00 - threshold - 1, hours_ago=5)
    over = add_shift(services, "1002", expected=1000_00, counted=1000_00 + threshold + 1, hours_ago=4)
    still_open = add_shift(services, "1001", closed=False, hours_ago=2)
    manager = actor_for(services, "9001")
    rows = {c.shift_id: c for c in cashups.list_cashups(manager, *window(services))}
    assert {k for k, c in rows.items() if c.flagged} == {short, over}
    assert rows[exact].variance_minor == 0 and not rows[at_limit].flagged
    assert rows[short].variance_minor == -threshold - 1
    assert rows[still_open].status == "open" and rows[exact].status == "to review"
    assert rows[over].staff_name == "Ravi Cashier" and rows[over].float_minor == 200_00
    flagged = cashups.list_cashups(manager, *window(services), only_flagged=True)
    assert sorted(c.shift_id for c in flagged) == sorted([short, over])


def test_approve_records_approver_comment_and_audit(services, cashups, clock):
    shift = add_shift(services, "1001", expected=1000_00, counted=999_00)
    manager = actor_for(services, "9001")
    approved = cashups.approve(manager, shift, "  counted twice ")
    assert approved.status == "approved" and approved.approved_by_name == "Meera Manager"
    assert approved.approved_at == clock.now()
    assert approved.comment == "Meera Manager: counted twice"
    [row] = services.deps.conn.execute("SELECT * FROM audit WHERE action = 'cashup.approve'").fetchall()
    assert row["target"] == str(shift) and json.loads(row["detail"])["variance_minor"] == -100
    with pytest.raises(InvalidInput, match="already approved"):
        cashups.approve(manager, shift)


def test_flagged_variance_needs_a_comment_and_open_shift_cannot_be_approved(services, cashups):
    manager = actor_for(services, "9001")
    big = add_shift(services, "1001", expected=1000_00, counted=900_00)
    with pytest.raises(InvalidInput, match="comment"):
        cashups.approve(manager, big)
    assert cashups.get(manager, big).approved_by is None
    still_open = add_shift(services, "1002", closed=False)
    with pytest.raises(InvalidInput, match="still open"):
        cashups.approve(manager, still_open, "fine")
    cashups.add_comment(manager, big, "Till short: note from Asha in the safe")
    cashups.add_comment(manager, big, "Second look")
    assert cashups.get(manager, big).comment.splitlines() == [
        "Meera Manager: Till short: note from Asha in the safe", "Meera Manager: Second look"]
    assert cashups.approve(manager, big, "Accepted").status == "approved"


@pytest.mark.parametrize("action,call", [
    ("cashup.list", lambda s, a, sid, w: s.list_cashups(a, *w)),
    ("cashup.view", lambda s, a, sid, w: s.get(a, sid)),
    ("cashup.approve", lambda s, a, sid, w: s.approve(a, sid, "ok")),
    ("cashup.comment", lambda s, a, sid, w: s.add_comment(a, sid, "hi")),
])
def test_cashier_is_refused_and_audited(services, cashups, action, call):
    shift = add_shift(services, "1001", expected=100_00, counted=100_00)
    cashier = actor_for(services, "1001")
    with pytest.raises(PermissionDenied):
        call(cashups, cashier, shift, window(services))
    row = services.deps.conn.execute("SELECT * FROM shifts WHERE id = ?", (shift,)).fetchone()
    assert row["approved_by"] is None and row["comment"] == ""
    [audit] = services.deps.conn.execute("SELECT * FROM audit WHERE action = ?", (action,)).fetchall()
    assert audit["ok"] == 0 and audit["staff_id"] == cashier.staff_id

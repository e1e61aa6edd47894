"""A cinema's money limits and late-sale window travel with its INFO item in the shared catalogue."""

from __future__ import annotations

from kiosk.domain import catalogue_rules as rules
from kiosk.services import money_controls
from tests.cloud import test_catalogue_sync as t

CINEMA = t.CINEMA
manager_device = t.manager_device


def test_limits_set_by_a_manager_reach_the_other_devices(manager_device, ctx, clock, tmp_path):
    svc = manager_device
    t.publish_all(svc, ctx, clock)
    other = t.other_device(tmp_path, ctx, clock, "b")
    other.pull(CINEMA)
    assert money_controls.for_cinema(other.conn, CINEMA).cashier_refund_limit_minor == 100000
    actor = t.manager_actor(svc)
    money_controls.set_controls(svc.deps, actor, CINEMA, {"cashier_refund_limit_minor": 50000,
                                                           "late_sale_minutes": 10})
    result = t.publish_all(svc, ctx, clock)
    assert "INFO" in result.published
    pulled = other.pull(CINEMA)
    assert "INFO" in pulled.applied
    theirs = money_controls.for_cinema(other.conn, CINEMA)
    assert (theirs.cashier_refund_limit_minor, theirs.late_sale_minutes) == (50000, 10)
    other.close()


def test_malformed_limits_in_an_info_item_are_refused():
    body = {"id": "c", "name": "C", "city": "X", "timezone": "UTC", "currency": "INR"}
    assert rules.item_problem("info", body) == ""  # an older device's item: no limits at all
    good = dict.fromkeys(rules.CONTROL_FIELDS)
    assert rules.item_problem("info", {**body, "controls": {**good, "late_sale_minutes": 0}}) == ""
    for bad in ({**good, "late_sale_minutes": 500}, {**good, "late_sale_minutes": 0,
                                                      "cashier_refund_limit_minor": -1},
                {"late_sale_minutes": 0}, "x"):
        assert rules.item_problem("info", {**body, "controls": bad}) != ""

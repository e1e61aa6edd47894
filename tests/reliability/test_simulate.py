"""``kiosk simulate`` (kiosk.sim): the fault client does what each fault says, a seed replays
exactly, the checker catches a planted double sale, and 300 seeds hold every invariant.

The fault-client tests build a ``Network`` on the simulator's own moto ``Environment`` and drive
it with scripted random draws, so each fault is forced rather than hoped for.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
import warnings
from collections import Counter
from email.utils import parsedate_to_datetime

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError, ReadTimeoutError

from kiosk.cloud.errors import CloudUnavailable, translate
from kiosk.cloud.partitions import layout_key
from kiosk.cloud.table import ensure_table
from kiosk.sim import checks
from kiosk.sim.faults import FaultRates, SimulatedCrash
from kiosk.sim.network import Network
from kiosk.sim.runner import Environment, SimOptions, Simulation, run_seed
from kiosk.sim.trace import Trace
from kiosk.sim.truth import Truth
from kiosk.sim.vclock import VirtualTime

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CI_SEEDS = 300
CI_BUDGET_S = 90.0
CI_STEPS = 25  # per schedule: 300 of them take ~45 s of two idle cores (the CLI default is 40)


@pytest.fixture(scope="module")
def env():
    environment = Environment()
    yield environment
    environment.close()


class Draws:
    """A stand-in for ``random.Random`` that returns scripted draws (then 0.5 forever)."""

    def __init__(self, values: list[float]):
        self.values = list(values)

    def random(self) -> float:
        return self.values.pop(0) if self.values else 0.5


# the six draws per request: crash-before/after, drop, latency, stale, lose, amount
CLEAN = [0.5, 0.99, 0.99, 0.99, 0.99, 0.5]


def _net(env: Environment, table: str, draws: list[float], rates: FaultRates):
    ensure_table(env.dynamodb, table)
    time_ = VirtualTime()
    truth = Truth(env.dynamodb, table)
    net = Network(time_, truth, Counter(), Trace(), rng_factory=lambda *_: Draws(draws))
    net.rates["K1"] = rates
    net.begin_step(0, 0)
    from kiosk.sim.network import FaultClient

    return net, FaultClient(env.dynamodb, net, "K1", "dynamodb"), truth, time_


def _put(client, table: str, seat: str, state: str = "held"):
    return client.put_item(TableName=table, Item={
        "pk": {"S": "SHOW#s"}, "sk": {"S": f"SEAT#{seat}"}, "state": {"S": state}})


def test_a_dropped_request_never_arrives(env):
    net, client, truth, _ = _net(env, "t-drop", [0.5, 0.0, 0.99, 0.99, 0.99, 0.5],
                                 FaultRates(drop=0.5))
    with pytest.raises(EndpointConnectionError) as caught:
        _put(client, "t-drop", "A1")
    assert isinstance(translate(caught.value), CloudUnavailable)
    assert truth.seats("s") == {} and net.counts["drop"] == 1


def test_a_lost_answer_was_applied(env):
    net, client, truth, _ = _net(env, "t-lose", [0.5, 0.99, 0.99, 0.99, 0.0, 0.5],
                                 FaultRates(lose=0.5))
    with pytest.raises(ReadTimeoutError) as caught:
        _put(client, "t-lose", "A1")
    assert isinstance(translate(caught.value), CloudUnavailable)
    assert truth.seats("s")["A1"]["state"] == "held" and net.counts["lost_answer"] == 1


def test_latency_moves_virtual_time_only(env):
    net, client, truth, time_ = _net(env, "t-late", [0.5, 0.99, 0.0, 0.99, 0.99, 1.0],
                                     FaultRates(latency=0.5))
    before, wall = time_.now, time.monotonic()
    _put(client, "t-late", "A1")
    assert 7.9 <= (time_.now - before).total_seconds() <= 8.0
    assert time.monotonic() - wall < 5  # nothing slept
    assert net.counts["latency"] == 1 and "A1" in truth.seats("s")


def test_an_eventually_consistent_read_can_return_an_older_state(env):
    draws = CLEAN * 2 + [0.5, 0.99, 0.99, 0.0, 0.99, 0.0] + CLEAN
    net, client, _truth, _ = _net(env, "t-stale", draws, FaultRates(stale=0.5))
    _put(client, "t-stale", "A1")
    _put(client, "t-stale", "A2")
    query = {"TableName": "t-stale", "KeyConditionExpression": "pk = :pk",
             "ExpressionAttributeValues": {":pk": {"S": "SHOW#s"}}}
    stale = client.query(ConsistentRead=False, **query)
    assert [i["sk"]["S"] for i in stale["Items"]] == []  # the state before either write
    fresh = client.query(ConsistentRead=True, **query)  # strong reads are never stale
    assert [i["sk"]["S"] for i in fresh["Items"]] == ["SEAT#A1", "SEAT#A2"]
    assert net.counts["stale_read"] == 1


def test_a_partitioned_kiosk_reaches_nothing(env):
    net, client, truth, _ = _net(env, "t-part", CLEAN, FaultRates())
    net.partitioned.add("K1")
    with pytest.raises(EndpointConnectionError):
        _put(client, "t-part", "A1")
    assert truth.seats("s") == {} and net.counts["partition_drop"] == 1
    net.partitioned.clear()
    _put(client, "t-part", "A1")
    assert "A1" in truth.seats("s")


def test_a_crash_before_or_after_the_request(env):
    net, client, truth, _ = _net(env, "t-crash", [0.0, 0.99, 0.99, 0.99, 0.99, 0.5]
                                 + [0.999, 0.99, 0.99, 0.99, 0.99, 0.5], FaultRates(crash=0.01))
    with pytest.raises(SimulatedCrash):
        _put(client, "t-crash", "A1")
    assert truth.seats("s") == {}
    with pytest.raises(SimulatedCrash):
        _put(client, "t-crash", "A2")
    assert list(truth.seats("s")) == ["A2"]
    assert not issubclass(SimulatedCrash, Exception)  # no `except Exception` can swallow it
    assert net.counts["crash"] == 2


def test_every_answer_carries_the_clouds_virtual_date(env):
    net, client, _truth, time_ = _net(env, "t-date", CLEAN * 3, FaultRates())
    answer = _put(client, "t-date", "A1")
    assert parsedate_to_datetime(answer["ResponseMetadata"]["HTTPHeaders"]["date"]) == \
        time_.now.replace(microsecond=0)
    with pytest.raises(ClientError) as refused:
        client.put_item(TableName="t-date", ConditionExpression="attribute_not_exists(pk)",
                        Item={"pk": {"S": "SHOW#s"}, "sk": {"S": "SEAT#A1"}})
    header = refused.value.response["ResponseMetadata"]["HTTPHeaders"]["date"]
    assert parsedate_to_datetime(header) == time_.now.replace(microsecond=0)


# -- determinism --------------------------------------------------------------------------------
def _digest(results) -> str:
    text = json.dumps([[r.trace, sorted(r.faults.items()), [v.line() for v in r.violations]]
                       for r in results])
    return hashlib.sha256(text.encode()).hexdigest()


def test_one_seed_gives_one_trace(env):
    first = run_seed(env, 7, SimOptions(steps=25))
    again = run_seed(env, 7, SimOptions(steps=25))
    assert first.trace == again.trace and first.faults == again.faults
    assert [v.line() for v in first.violations] == [v.line() for v in again.violations]
    shorter = run_seed(env, 7, SimOptions(steps=10))
    # a shorter run plays the same first steps (its trace then heals earlier)
    cut = next(i for i, line in enumerate(shorter.trace) if line.startswith("#10 ")
               or line.startswith("heal"))
    assert shorter.trace[:cut] == first.trace[:cut]


def test_the_same_seed_replays_in_another_process_and_hash_seed(env):
    here = _digest([run_seed(env, 11, SimOptions(steps=20))])
    script = ("import hashlib, json, logging; logging.getLogger('kiosk').setLevel(50)\n"
              "from kiosk.sim.runner import Environment, SimOptions, run_seed\n"
              "env = Environment(); r = run_seed(env, 11, SimOptions(steps=20)); env.close()\n"
              "print(hashlib.sha256(json.dumps([[r.trace, sorted(r.faults.items()), "
              "[v.line() for v in r.violations]]]).encode()).hexdigest())")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env={**os.environ, "PYTHONHASHSEED": "12345"}, timeout=120, check=True)
    assert out.stdout.strip().splitlines()[-1] == here


@pytest.mark.parametrize("layout", ["single", "blocks"])
def test_a_short_seeded_run_keeps_the_invariants_on_both_seat_layouts(env, layout):
    """Issue 15: the same faults with a show's seats on one partition key or spread by block
    (kiosk.cloud.partitions): sales, holds, allocations and pulls all find the same items."""
    result = run_seed(env, 3, SimOptions(steps=15, layout=layout))
    assert not result.violations, [v.line() for v in result.violations]
    sim = Simulation(env, 3, SimOptions(steps=0, layout=layout))
    try:
        sale = sim.channel.buy("show-1", ["A1", "A2", "B3"])
        keys = {pk for pk in sim.truth.partitions("SHOW#show-1")}
        assert keys == ({"SHOW#show-1"} if layout == "single" else
                        {sim.layouts.pk("show-1", s) for s in sale.seats} | {"SHOW#show-1"})
        # (with blocks, SHOW#show-1 holds only the layout item)
        assert set(sim.truth.seats("show-1")) == {"A1", "A2", "B3"}
        # the web channel went through the layout guard (kiosk.cloud.partitions)
        layout = sim.env.dynamodb.get_item(TableName=sim.table, Key=layout_key("show-1"))["Item"]
        assert int(layout["blocks"]["N"]) == sim.layouts.blocks("show-1")
    finally:
        sim.teardown()


# -- the checker --------------------------------------------------------------------------------
def _sale(k, booking_id: str, seat: str, show: str = "show-1") -> None:
    conn = k.conn
    conn.execute(
        "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, "
        "currency, total_minor, tax_minor, payment_method, state, sync_state, created_at, "
        "business_date, updated_at) VALUES (?, ?, ?, ?, 'counter', ?, 'INR', 25000, 0, 'card', "
        "'confirmed', 'synced', '2026-12-04T09:00:00+00:00', '2026-12-04', "
        "'2026-12-04T09:00:00+00:00')", (booking_id, f"TEST-{booking_id[:4].upper()}",
                                         booking_id, show, k.name))
    conn.execute("INSERT INTO booking_seats (booking_id, seat_code, seat_type, ticket_type, "
                 "price_minor, tax_minor) VALUES (?, ?, 'standard', 'adult', 25000, 0)",
                 (booking_id, seat))
    conn.execute("INSERT INTO seat_sales (show_id, seat_code, booking_id) VALUES (?, ?, ?)",
                 (show, seat, booking_id))


def test_the_checker_catches_a_planted_double_sale(env):
    sim = Simulation(env, 1, SimOptions(steps=0))
    try:
        assert checks.per_step(sim) == []
        _sale(sim.kiosks[0], "aaaa0000", "A1")
        assert checks.per_step(sim) == []  # one sale is fine
        _sale(sim.kiosks[1], "bbbb0000", "A1")
        found = checks.per_step(sim)
        assert [v.invariant for v in found] == ["a"]
        assert "show-1 A1 is sold twice" in found[0].message
    finally:
        sim.teardown()


def test_the_checker_catches_wrong_money_and_a_sale_never_sent(env):
    sim = Simulation(env, 2, SimOptions(steps=0))
    try:
        k = sim.kiosks[0]
        _sale(k, "cccc0000", "B1")
        k.conn.execute("UPDATE bookings SET total_minor = 1 WHERE id = 'cccc0000'")
        assert [v.invariant for v in checks.money(sim)] == ["d"]
        missing = checks.reached_cloud(sim)  # planted straight in SQLite: never in the cloud
        assert [v.invariant for v in missing] == ["b"] and "never reached" in missing[0].message
    finally:
        sim.teardown()


def test_the_checker_flags_an_offline_sale_the_cloud_never_allocated(env):
    from kiosk.services.models import Payment

    sim = Simulation(env, 4, SimOptions(steps=0, policy="allocated-only"))
    try:
        k = sim.kiosks[0]
        # a phantom allocation, as a stale pull used to re-insert (issue 9, hole 2)
        k.conn.execute("INSERT INTO allocations (show_id, seat_code, kiosk_id, allocated_at) "
                       "VALUES ('show-1', 'C3', ?, '2026-12-04T09:00:00+00:00')", (k.name,))
        sim.network.partitioned.add(k.name)
        sim.network.begin_step(4, 0)
        sim.step = 0
        hold = k.services.booking.hold(k.cashier, "show-1", ["C3"])
        booking = k.services.booking.confirm(k.cashier, hold.hold_id, {},
                                             Payment("card", card_last4="4242"))
        sim.sold(k, booking, offline=True)
        assert [v.invariant for v in sim.violations] == ["c"]
        assert "C3 (free)" in sim.violations[0].message
    finally:
        sim.teardown()


# -- the manager's office: a show cancelled, a cashier deactivated (issue 10) ---------------------
class _Pick:
    """An rng whose every draw is ``u`` (0.5: the office cancels the second show)."""

    def __init__(self, u: float = 0.5):
        self.u = u

    def random(self) -> float:
        return self.u


def test_kiosks_learn_of_the_office_only_through_their_claims(env):
    from kiosk.domain.errors import ShowCancelled, StaffInactive
    from kiosk.services.models import Payment
    from kiosk.sim import catalogue

    sim = Simulation(env, 5, SimOptions(steps=0))
    sim.network.faults_on = False  # the office, not the weather, is under test
    try:
        k1, k2 = sim.kiosks[0], sim.kiosks[1]
        assert k1.cashier.staff_number == "1002" and k2.cashier.staff_number == "1001"
        hold = k1.services.booking.hold(k1.cashier, "show-2", ["A1"])
        k2.services.booking.confirm(k2.cashier, k2.services.booking.hold(
            k2.cashier, "show-2", ["A2"]).hold_id, {}, Payment("card", card_last4="4242"))
        assert "1 booking(s) sold before" in catalogue.op_cancel_show(sim, _Pick())
        with pytest.raises(ShowCancelled):  # the kiosk was never told: its claim says no
            k1.services.booking.confirm(k1.cashier, hold.hold_id, {},
                                        Payment("card", card_last4="4242"))
        with pytest.raises(ShowCancelled):
            sim.channel.buy("show-2", ["B1"])
        catalogue.op_deactivate(sim, _Pick())
        with pytest.raises(StaffInactive):
            k1.services.booking.hold(k1.cashier, "show-1", ["A1"])
        k2.services.booking.hold(k2.cashier, "show-1", ["A1"])  # her colleague sells on
        assert catalogue.after_the_fact(sim) == []
        assert sim.counts["cancel_show"] == 1 and sim.counts["deactivate"] == 1
    finally:
        sim.teardown()


def test_the_checker_catches_sales_after_the_office_said_no(env, monkeypatch):
    """With the claims' checks taken out, (g) and (h) name the sales that got through."""
    from kiosk.cloud.claims import SeatClaims
    from kiosk.services.models import Payment
    from kiosk.sim import catalogue

    monkeypatch.setattr(SeatClaims, "_checks", lambda self, show, seller, strict: ([], []))
    sim = Simulation(env, 6, SimOptions(steps=0))
    sim.network.faults_on = False
    try:
        k1 = sim.kiosks[0]
        catalogue.op_cancel_show(sim, _Pick())
        sim.channel.buy("show-2", ["B1"])
        catalogue.op_deactivate(sim, _Pick())
        hold = k1.services.booking.hold(k1.cashier, "show-1", ["A1"])
        k1.services.booking.confirm(k1.cashier, hold.hold_id, {},
                                    Payment("card", card_last4="4242"))
        found = catalogue.after_the_fact(sim)
        assert [v.invariant for v in found] == ["g", "h"]
        assert "after the show was cancelled" in found[0].message
        assert "cashier 1002 after the deactivation" in found[1].message
    finally:
        sim.teardown()


def test_an_offline_sale_the_checks_refused_is_counted_not_a_double_sale(env):
    sim = Simulation(env, 8, SimOptions(steps=0, policy="allocated-only"))
    try:
        k = sim.kiosks[0]
        _sale(k, "dddd0000", "C1")
        k.conn.execute("UPDATE bookings SET state = 'conflict' WHERE id = 'dddd0000'")
        k.conn.execute("INSERT INTO cloud_conflicts (booking_id, show_id, lost_seats, "
                       "detected_at, detail) VALUES ('dddd0000', 'show-1', '[\"C1\"]', "
                       "'2026-12-04T09:00:00+00:00', '{\"reason\": \"show_cancelled\"}')")
        assert checks.reached_cloud(sim) == [] and sim.refused_by_checks == 1
        k.conn.execute("UPDATE cloud_conflicts SET detail = '{}'")  # seats sold elsewhere
        assert [v.invariant for v in checks.reached_cloud(sim)] == ["b"]
    finally:
        sim.teardown()


def test_shrinking_finds_the_step_that_matters(env, monkeypatch):
    from kiosk.sim import runner
    from kiosk.sim.shrink import shrink

    real = checks.per_step

    def planted(sim):  # "a bug" that step 6 triggers, whatever else runs
        found = real(sim)
        if sim.step is not None and sim.step >= 6 and 6 not in sim.drop:
            found.append(checks.Violation("a", sim.step, "planted"))
        return found

    monkeypatch.setattr(runner.checks, "per_step", planted)
    options = SimOptions(steps=12)
    failed = run_seed(env, 3, options)
    assert failed.violations[0].step == 6
    smallest, steps = shrink(env, failed, options)
    assert steps == 7 and set(range(7)) - set(smallest.dropped) == {6}


# -- the CLI and the CI run ---------------------------------------------------------------------
def test_the_command_prints_a_summary(capsys):
    from kiosk.cli import main

    code = main(["simulate", "--seeds", "2", "--steps", "6", "--show", "0"])
    out = capsys.readouterr().out
    for line in ("schedules run: 2", "steps:", "faults injected:", "manager's office: cancel "
                 "show", "violations:", "conflicts:"):
        assert line in out
    assert code == (0 if "violations: 0" in out else 1)


@pytest.mark.slow
def test_300_seeds_hold_every_invariant():
    from kiosk.sim.pool import run_many
    from kiosk.sim.report import Totals

    totals = Totals()
    started = time.monotonic()
    for result in run_many(range(CI_SEEDS), SimOptions(steps=CI_STEPS), jobs=2):
        totals.add(result)
    elapsed = time.monotonic() - started
    assert totals.seeds == CI_SEEDS
    assert not totals.failed, (f"{len(totals.failed)} failing seeds, e.g. "
                               f"{totals.examples}: replay with kiosk simulate --seed S "
                               f"--steps {CI_STEPS}")
    if elapsed > CI_BUDGET_S:  # a loaded machine is slower; the figure is for two idle cores
        warnings.warn(f"{CI_SEEDS} seeds took {elapsed:.0f} s (budget {CI_BUDGET_S:.0f} s)",
                      stacklevel=1)

"""One seed, start to finish: build the world, play the schedule, heal, check.

``Environment`` is what a process sets up once (moto, the real clients, the template database,
a scratch directory on tmpfs when there is one); ``run_seed`` plays one schedule in it with its
own table, topic and kiosk files, so seeds never see each other. After every step the per-step
invariants run; the first violation ends the schedule (the trace up to it is the bug report).
Then the final heal: partitions healed, skew zeroed, time moved past every hold's expiry, every
outbox drained until empty, unsold allocations handed back, every show pulled; then every
invariant once more.
"""

from __future__ import annotations

import logging
import os
import random
import shutil
import tempfile
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.cloud.channel import CHANNEL_ID, OnlineChannel, OnlineSale
from kiosk.cloud.claims import SeatClaims
from kiosk.cloud.errors import CloudError, CloudUnavailable
from kiosk.cloud.partitions import BLOCK_SEATS, Layouts
from kiosk.cloud.table import ensure_table
from kiosk.config import CloudConfig, Config
from kiosk.domain.clock import to_iso
from kiosk.domain.errors import KioskError
from kiosk.services.models import Booking
from kiosk.sim import catalogue, checks, ops
from kiosk.sim.checks import Violation
from kiosk.sim.faults import SimulatedCrash
from kiosk.sim.kiosk import SimKiosk
from kiosk.sim.network import FaultClient, Network
from kiosk.sim.schedule import Schedule, Step, make_schedule, step_rng
from kiosk.sim.trace import Trace
from kiosk.sim.truth import Truth
from kiosk.sim.vclock import START, KioskClock, VirtualTime
from kiosk.sim.world import WorldInfo, build_template

__all__ = ["Environment", "SeedResult", "SimOptions", "Simulation", "Violation", "run_seed"]

REGION = "ap-south-1"
HEAL_ROUNDS = 80
# Between the heal's sync rounds: longer than the probe interval (10 s), so a kiosk whose rows
# back off gets the quiet moment in which the app probes (and re-measures its clock); 80 rounds
# outlast several of the worker's longest back-offs (120 s).
HEAL_TICK_S = 13.0
HOLD_HORIZON_S = 30 * 60  # hold 5 min + cloud grace 5 min + skew up to 10 min, with margin


class SimUnavailable(RuntimeError):
    """The simulator needs moto (the ``test`` extra)."""


SIM_BLOCK_SEATS = 10  # the 40-seat world hall: 4 blocks with --layout blocks


@dataclass(frozen=True)
class SimOptions:
    kiosks: int = 3
    steps: int = 40
    policy: str = "mixed"  # allocated-only | optimistic | mixed (drawn per seed)
    keep_going: bool = False  # play on after a violation (to see what it leads to)
    layout: str = "single"  # seat partition keys: single | blocks (kiosk.cloud.partitions)

    @property
    def block_seats(self) -> int:
        """The partition rule's parameter for every device of the run: ``blocks`` spreads the
        40-seat hall over 4 partition keys, as the rule does for an arena-sized hall."""
        return SIM_BLOCK_SEATS if self.layout == "blocks" else BLOCK_SEATS


@dataclass
class SeedResult:
    seed: int
    policy: str
    steps: int  # steps played (a violation ends the schedule early)
    requests: int
    faults: Counter
    violations: list[Violation]
    conflicts: int
    dead_letters: int
    web_orphans: int
    stranded: int = 0  # seats allocated in the cloud to a kiosk that does not know it
    trace: list[str] = field(default_factory=list)
    dropped: tuple[int, ...] = ()
    refused_by_checks: int = 0  # offline sales the cloud refused (show cancelled, staff inactive)

    @property
    def failed(self) -> bool:
        return bool(self.violations)


def _scratch_parent() -> str | None:
    """tmpfs when there is one: every sale is an fsync, and no disk needs to see them."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


class Environment:
    """Per process: one moto mock, the real boto3 clients, the template database, scratch space."""

    def __init__(self) -> None:
        try:
            import boto3
            from moto import mock_aws
        except ImportError as exc:  # pragma: no cover - the test extra is not installed
            raise SimUnavailable("kiosk simulate needs moto: pip install "
                                 "'box-office-kiosk[test]'") from exc
        os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self._mock = mock_aws()
        self._mock.start()
        session = boto3.session.Session(aws_access_key_id="testing",
                                        aws_secret_access_key="testing", region_name=REGION)
        self.dynamodb = session.client("dynamodb")
        self.sns = session.client("sns")
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-sim-", dir=_scratch_parent()))
        self.template = self.root / "template.db"
        self.world: WorldInfo = build_template(self.template, START)
        self.runs = 0

    def close(self) -> None:
        self._mock.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Environment:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Simulation:
    """The state of one run: virtual time, the network, the truth, the kiosks, the web."""

    def __init__(self, env: Environment, seed: int, options: SimOptions,
                 drop: frozenset[int] = frozenset()):
        self.env = env
        self.seed = seed
        self.options = options
        self.drop = drop
        self.schedule: Schedule = make_schedule(seed, options.kiosks, options.steps,
                                                options.policy)
        self.policy = self.schedule.policy
        self.world = env.world
        env.runs += 1
        tag = f"s{seed}-{env.runs}"
        self.table = f"sim-{tag}"
        ensure_table(env.dynamodb, self.table)
        self.topic = env.sns.create_topic(Name=f"sim-{tag}")["TopicArn"]
        self.dir = env.root / tag
        self.dir.mkdir()
        self.time = VirtualTime()
        self.counts: Counter = Counter()
        self.trace = Trace(str(env.root))
        self.layouts = Layouts(lambda _show: len(env.world.seats), options.block_seats)
        self.truth = Truth(env.dynamodb, self.table, self.layouts)
        self.cancelled: dict[str, set[str]] = {}  # show -> bookings sold before it was cancelled
        self.deactivated: dict[str, set[str]] = {}  # staff number -> bookings before it
        self.office_version = 0
        self.refused_by_checks = 0
        catalogue.publish_world(self)
        self._grant_member_points()
        self.network = Network(self.time, self.truth, self.counts, self.trace)
        self.step: int | None = None
        self.violations: list[Violation] = []
        self.conflicts = 0
        self.dead_letters = 0
        self.web_orphans = 0
        self.stranded = 0
        self.gift_cards: list[str] = []  # codes sold so far, on any kiosk
        self.kiosks: list[SimKiosk] = []
        for i in range(options.kiosks):
            name = f"K{i + 1}"
            path = self.dir / f"{name}.db"
            shutil.copyfile(env.template, path)
            config = Config(db_path=path, kiosk_id=name, bcrypt_rounds=4,
                            ticket_dir=self.dir / "tickets",
                            cloud=CloudConfig(enabled=True, region=REGION, table=self.table,
                                              topic_arn=self.topic, offline_policy=self.policy,
                                              # no change feed: its bumper thread would make
                                              # the seeded runs depend on thread timing
                                              feed_interval_s=0.0))
            self.network.rates[name] = self.schedule.rates[i]
            kiosk = SimKiosk(name, config, self.time, self.network,
                             (env.dynamodb, env.sns, self.table, self.topic), self.world, seed,
                             first=i == 0, block_seats=options.block_seats)
            kiosk.services.shifts.open(kiosk.cashier, 0)
            self.kiosks.append(kiosk)
        self.network.rates[CHANNEL_ID] = self.schedule.web
        web = FaultClient(env.dynamodb, self.network, CHANNEL_ID, "dynamodb")
        self.channel = OnlineChannel(SeatClaims(web, self.table, CHANNEL_ID, {catalogue.CINEMA},
                                                self.layouts),
                                     clock=KioskClock(self.time), hold_s=300.0,
                                     cinema_id=catalogue.CINEMA)
        self.web_sales: list[OnlineSale] = []

    def _grant_member_points(self) -> None:
        """The world's member starts with points in the cloud (as a move, so invariant (l)
        holds from the start): enough for a few redemptions, so the schedules race for them."""
        from kiosk.cloud.claims import av
        from kiosk.cloud.loyalty import member_pk
        from kiosk.sim.world import SIM_MEMBER, SIM_MEMBER_POINTS

        pk = member_pk(SIM_MEMBER)
        self.env.dynamodb.transact_write_items(TransactItems=[
            {"Put": {"TableName": self.table, "Item": {
                "pk": av(pk), "sk": av("PROFILE"), "phone": av(SIM_MEMBER),
                "points": av(SIM_MEMBER_POINTS), "joined_at": av(to_iso(self.time.now)),
                "joined_kiosk": av("template")}}},
            {"Put": {"TableName": self.table, "Item": {
                "pk": av(pk), "sk": av("MOVE#world#grant"), "op": av("earn"),
                "points": av(SIM_MEMBER_POINTS), "kiosk_id": av("world"),
                "at": av(to_iso(self.time.now))}}}])

    # -- helpers for ops and checks ---------------------------------------------------------
    def offline(self, kiosk: SimKiosk) -> bool:
        """Cut off from the cloud right now (the truth, not the kiosk's belief)."""
        return kiosk.name in self.network.partitioned

    def selling_offline(self, kiosk: SimKiosk, show: str) -> bool:
        """Cut off, or selling under the offline policy by its own account (it believes it is
        offline, or its clock is too far off to claim): either way only its allocation may go."""
        return self.offline(kiosk) or kiosk.gate.offline_sellable(show) is not None

    def sold(self, kiosk: SimKiosk, booking: Booking, offline: bool) -> None:
        """A ticket just printed: check (c) if the kiosk sold while (it knew it was) offline."""
        self.trace.name(booking.booking_id, "b")
        self.trace.alias(booking.booking_id, booking.reference)
        if offline:
            seats = [line.seat_code for line in booking.lines]
            self.violations += checks.offline_sale(self, kiosk, booking.booking_id,
                                                   _show_of(kiosk, booking.booking_id), seats)

    def same_booking(self, kiosk: SimKiosk, first: Booking, again: Booking) -> None:
        if again.booking_id != first.booking_id:
            self.violations.append(Violation("b", self.step, (
                f"{kiosk.name}: confirming one hold twice made two bookings, "
                f"{self.trace.name(first.booking_id)} and {self.trace.name(again.booking_id)}")))

    def truly_free(self, show: str, who: str) -> list[str]:
        """Seats the true table would let ``who`` hold now (the website's seat map)."""
        return checks.free_for(self.truth.seats(show), self.world.seats, who,
                               int(self.time.now.timestamp()))

    def starved(self, kiosk: SimKiosk, show: str, error: str) -> None:
        free = self.truly_free(show, kiosk.name)
        self.violations.append(Violation("f", self.step, self.trace.scrub(
            f"{kiosk.name}, connected, asked {ops.ASK_TRIES} times for one seat of {show} and "
            f"got none while the cloud had {len(free)} free ({', '.join(free[:6])}): {error}")))

    def pull(self, kiosk: SimKiosk, show: str) -> None:
        try:
            kiosk.puller.pull_show(show)
        except (CloudUnavailable, CloudError, KioskError):
            pass

    # -- the run --------------------------------------------------------------------------------
    def run(self) -> SeedResult:
        weather = ", ".join(f"{k.name} {w}" for k, w in zip(self.kiosks, self.schedule.weather,
                                                             strict=True))
        self.trace.add(f"seed {self.seed}: policy {self.policy}; weather {weather}; "
                       f"web {self.schedule.web.describe()}")
        played = 0
        names = [k.name for k in self.kiosks]
        for step in self.schedule.steps:
            if step.index in self.drop:
                continue
            self.step = step.index
            self.network.begin_step(self.seed, step.index)
            rng = step_rng(self.seed, step.index)
            self.time.advance(rng.uniform(0, 6))
            self.trace.add(f"#{step.index:<3} t+{self.time.elapsed():5.0f}s {step.label(names)}")
            outcome = self._play(step, rng)
            self.trace.add(f"       -> {outcome}")
            self._background()
            played += 1
            self.violations += checks.per_step(self) + catalogue.after_the_fact(self)
            if self.violations and not self.options.keep_going:
                break
        if not self.violations or self.options.keep_going:
            self.step = None
            self._heal()
            self.violations += checks.final(self) + catalogue.after_the_fact(self)
        self.violations = _first_of_each(self.violations)
        for v in self.violations:
            self.trace.add(f"VIOLATION {v.line()}")
        return SeedResult(self.seed, self.policy, played, self.network.requests,
                          self.counts, self.violations, self.conflicts, self.dead_letters,
                          self.web_orphans, self.stranded, self.trace.lines,
                          tuple(sorted(self.drop)), self.refused_by_checks)

    def _play(self, step: Step, rng: random.Random) -> str:
        try:
            return ops.run_step(self, step, rng)
        except SimulatedCrash as crash:
            self.kiosks[step.kiosk].crash()
            return f"CRASHED ({crash}); restarted from its file"
        except KioskError as err:
            return self.trace.scrub(f"refused: {type(err).__name__}: {err}")
        except (CloudUnavailable, CloudError) as err:
            return self.trace.scrub(f"cloud: {type(err).__name__}: {err}")
        except Exception as err:  # noqa: BLE001 - the product let something escape: a finding
            self._unexpected(err)
            return f"ERROR {type(err).__name__}"

    def _background(self) -> None:
        """Each kiosk's sync thread, every ``sync_interval_s`` of virtual time (drain, probe)."""
        for k in self.kiosks:
            if self.time.monotonic() < k.next_tick:
                continue
            k.next_tick = self.time.monotonic() + k.config.cloud.sync_interval_s
            try:
                done = ops.app_tick(self, k)
            except SimulatedCrash as crash:
                k.crash()
                done = f"CRASHED ({crash}); restarted from its file"
            except (CloudUnavailable, CloudError, KioskError) as err:
                done = self.trace.scrub(f"{type(err).__name__}: {err}")
            except Exception as err:  # noqa: BLE001 - a finding, as in _play
                self._unexpected(err)
                done = f"ERROR {type(err).__name__}"
            if done:
                self.trace.add(f"       (sync thread) {k.name}: {done}")

    def _unexpected(self, err: Exception) -> None:
        where = traceback.extract_tb(err.__traceback__)[-1]
        self.violations.append(Violation("error", self.step, self.trace.scrub(
            f"{type(err).__name__}: {err} (at {Path(where.filename).name}:{where.lineno})")))

    def _heal(self) -> None:
        """Heal everything, then let every kiosk catch up: the state the final checks judge."""
        self.trace.add(f"heal t+{self.time.elapsed():.0f}s: links restored, clocks corrected, "
                       "faults off")
        net = self.network
        net.faults_on = False
        net.partitioned.clear()
        for k in self.kiosks:
            k.clock.skew_s = 0.0
        self.time.advance(HOLD_HORIZON_S)
        try:
            for k in self.kiosks:
                k.services.booking.expire_holds()
            for _round in range(HEAL_ROUNDS):
                pending = 0
                for k in self.kiosks:
                    done = ops.app_tick(self, k)
                    pending += k.worker.pending_count()
                    if done:
                        self.trace.add(f"heal: {k.name} {done}")
                if not pending:
                    break
                self.time.advance(HEAL_TICK_S)
            else:
                self.trace.add(f"heal: outboxes not empty after {HEAL_ROUNDS} rounds")
            for k in self.kiosks:
                k.allocations.maintain(list(self.world.shows), target=0)
                for show in self.world.shows:
                    k.puller.pull_show(show)
        except Exception as err:  # noqa: BLE001 - healing must work with every fault off
            self.violations.append(Violation("error", None, self.trace.scrub(
                f"the heal failed: {type(err).__name__}: {err}")))

    def teardown(self) -> None:
        for k in self.kiosks:
            k.shutdown()
        try:
            self.env.dynamodb.delete_table(TableName=self.table)
            self.env.sns.delete_topic(TopicArn=self.topic)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
            _forget_moto_instances()


def _forget_moto_instances() -> None:
    """moto keeps every model object it ever made (for its dashboard), including the copy of
    the table it takes for each TransactWriteItems: ~170 kB a seed, gigabytes over 20,000."""
    try:
        from moto.core.model_instances import reset_model_data
    except ImportError:  # pragma: no cover - a moto without the tracker has nothing to forget
        return
    reset_model_data()


def _first_of_each(found: list[Violation]) -> list[Violation]:
    """Each distinct finding once, where it was first seen (a double sale stays one per step)."""
    seen: dict[tuple[str, str], Violation] = {}
    for v in found:
        seen.setdefault((v.invariant, v.message), v)
    return list(seen.values())


def _show_of(kiosk: SimKiosk, booking_id: str) -> str:
    row = kiosk.conn.execute("SELECT show_id FROM bookings WHERE id = ?", (booking_id,)).fetchone()
    return str(row[0])


def run_seed(env: Environment, seed: int, options: SimOptions,
             drop: frozenset[int] = frozenset()) -> SeedResult:
    """Play one seed's schedule (without the steps in ``drop``) and check every invariant."""
    sim = Simulation(env, seed, options, drop)
    try:
        return sim.run()
    finally:
        sim.teardown()

"""One simulated kiosk process: its SQLite file, its skewed clock, and the real objects on them.

``start`` wires what the app wires (services on a ``CloudGate``, the outbox worker, the puller,
the allocation manager), all sharing one ``CloudContext`` whose clients are the fault-injecting
ones and whose status runs on virtual time. ``crash`` is a process death: nothing is closed
gracefully, in-memory state (the online belief, caches, the worker's flags) is simply gone, and
the kiosk starts again from what its file holds. Only the SQLite handles are released, as the
operating system releases them when a process dies (an open transaction rolls back).
"""

from __future__ import annotations

import random
import sqlite3
from typing import Any

from kiosk.cloud.allocations import AllocationManager
from kiosk.cloud.context import CloudContext
from kiosk.cloud.gate import CloudGate
from kiosk.cloud.giftcards import CloudCards
from kiosk.cloud.partitions import BLOCK_SEATS, Layouts, sqlite_seat_counts
from kiosk.cloud.pull import Puller
from kiosk.cloud.status import CloudStatus
from kiosk.cloud.worker import OutboxWorker
from kiosk.config import Config
from kiosk.domain.giftcards import new_code
from kiosk.services.app import Services, open_services
from kiosk.services.models import Actor, Role
from kiosk.sim.catalogue import CINEMA
from kiosk.sim.network import Network, SimClients
from kiosk.sim.vclock import KioskClock, VirtualTime
from kiosk.sim.world import CASHIER, CASHIER_2, MANAGER, WorldInfo


class SimKiosk:
    def __init__(self, name: str, config: Config, time: VirtualTime, network: Network,
                 clients: tuple[Any, Any, str, str], world: WorldInfo, seed: int,
                 first: bool = False, block_seats: int = BLOCK_SEATS):
        self.name = name
        self.config = config
        self.time = time
        self.network = network
        self.clock = KioskClock(time)
        self._real = clients  # (dynamodb, sns, table, topic arn): the true clients
        self.seed = seed
        self.block_seats = block_seats  # the run's partition rule (kiosk.cloud.partitions)
        self.incarnation = 0
        self.next_tick = 0.0  # virtual monotonic time of its sync thread's next round
        # the first kiosk's cashier is the one the manager may deactivate (kiosk.sim.catalogue)
        staff_id, who = ((world.cashier2_id, CASHIER_2) if first and world.cashier2_id
                         else (world.cashier_id, CASHIER))
        self.cashier = Actor(staff_id, who[0], who[2], Role.CASHIER, name)
        self.manager = Actor(world.manager_id, MANAGER[0], MANAGER[2], Role.MANAGER, name)
        self.context: CloudContext
        self.gate: CloudGate
        self.services: Services
        self.worker: OutboxWorker
        self.puller: Puller
        self.allocations: AllocationManager
        self.start()

    def start(self) -> None:
        dynamodb, sns, table, topic = self._real
        clients = SimClients(self.network, self.name, dynamodb, sns, table, topic)
        status = CloudStatus(probe_interval_s=10.0, monotonic=self.time.monotonic)
        self.context = CloudContext(self.config, status=status, clients=clients)  # type: ignore[arg-type]
        # a joined kiosk has pulled its cinema's catalogue, so it knows the cinema is published
        # and its claims carry the strict checks from the first one (kiosk.cloud.claims)
        self.context.published_cinemas.add(CINEMA)
        self.context.layouts = Layouts(sqlite_seat_counts(str(self.config.db_path)),
                                       self.block_seats)
        self.gate = CloudGate(self.config, context=self.context, clock=self.clock)
        self.services = open_services(self.config, clock=self.clock, gate=self.gate)
        # gift cards shared through the cloud, for the simulated cinema (issue 12)
        self.services.deps.gift_card_cloud = CloudCards(self.context, self.clock, CINEMA)
        codes = random.Random(f"giftcards/{self.seed}/{self.name}/{self.incarnation}")
        self.services.gift_cards.new_code = lambda: new_code(codes)  # a seed replays exactly
        jitter = random.Random(f"jitter/{self.seed}/{self.name}/{self.incarnation}")
        self.worker = OutboxWorker(self.context, self.config.db_path, clock=self.clock,
                                   rng=jitter.random)
        self.puller = Puller(self.context, self.config.db_path, clock=self.clock)
        self.allocations = AllocationManager(self.context, self.config.db_path, clock=self.clock)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.services.deps.conn

    def _connections(self) -> list[sqlite3.Connection]:
        found = [self.services.deps.conn, self.gate._conn, self.worker.conn,
                 self.puller.conn, self.allocations.conn]
        return [c for c in found if isinstance(c, sqlite3.Connection)]

    def crash(self) -> None:
        """Die without any graceful close, then start again from the file."""
        for conn in self._connections():
            try:
                if conn.in_transaction:
                    conn.rollback()
                conn.close()
            except sqlite3.Error:
                pass
        self.incarnation += 1
        self.start()

    def shutdown(self) -> None:
        for conn in self._connections():
            try:
                conn.close()
            except sqlite3.Error:
                pass


"""Several kiosks in one test process: each its own SQLite file, CloudContext and CloudGate.

All share the in-process moto backend (``aws`` fixture), so they race through the same table
exactly as separate machines would, minus the processes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from kiosk.cloud.context import CloudContext
from kiosk.cloud.gate import CloudGate
from kiosk.config import Config
from kiosk.services.app import Services, open_services
from kiosk.services.models import Actor, Payment
from kiosk.store.db import open_db
from tests.factories import CASHIER, make_world

CARD = Payment("card", card_last4="4242")


@dataclass
class Kiosk:
    config: Config
    ctx: CloudContext
    gate: CloudGate
    svc: Services
    actor: Actor

    def sell(self, show_id: str, seats: list[str]):
        """Hold and confirm these seats (by card); returns the booking."""
        hold = self.svc.booking.hold(self.actor, show_id, seats)
        return self.svc.booking.confirm(self.actor, hold.hold_id, {}, CARD)

    def close(self) -> None:
        self.svc.close()
        self.gate.close()


def open_kiosk(cloud_config: Config, tmp_path, clock, n: int, **cloud_changes) -> Kiosk:
    """KIOSK-<n>: its own SQLite file with the test world, its own CloudGate on the moto table."""
    config = replace(cloud_config, kiosk_id=f"KIOSK-{n}", db_path=tmp_path / f"k{n}.db",
                     cloud=replace(cloud_config.cloud, **cloud_changes))
    db = open_db(config.db_path)
    make_world(db, clock)
    db.conn.close()
    ctx = CloudContext(config)
    gate = CloudGate(config, context=ctx, clock=clock)
    svc = open_services(config, clock=clock, gate=gate)
    return Kiosk(config, ctx, gate, svc, svc.auth.sign_in(*CASHIER))


@contextmanager
def cinema_kiosks(cloud_config: Config, tmp_path, clock, cinema_id: str) -> Iterator[list[Kiosk]]:
    """KIOSK-1 and KIOSK-2 of one cinema, each with an outbox worker (``.worker``) and a network
    switch (``.network``). Offline policy optimistic: offline any seat may be sold, for tests
    about something other than seats (gift cards, promo codes)."""
    from kiosk.cloud.worker import OutboxWorker
    from tests.cloud.helpers import NetworkSwitch

    config = replace(cloud_config, cinema_id=cinema_id)
    opened = [open_kiosk(config, tmp_path, clock, n, offline_policy="optimistic")
              for n in (1, 2)]
    for kiosk in opened:
        kiosk.worker = OutboxWorker(kiosk.ctx, clock=clock)
        clients = kiosk.ctx.clients()
        kiosk.network = NetworkSwitch(clients.dynamodb, clients.sns)
    try:
        yield opened
    finally:
        for kiosk in opened:
            kiosk.worker.db.conn.close()
            kiosk.close()

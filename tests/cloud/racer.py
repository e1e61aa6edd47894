"""A racing seller process for the multi-process cloud tests (``python -m tests.cloud.racer``).

``kiosk`` mode sells through the real services (BookingService on a CloudGate, outbox worker,
pull) from its own SQLite file; ``web`` mode is the online channel. Both start at the same
wall-clock moment and sell blocks of seats of one show until none is left, then report JSON.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
from dataclasses import replace
from pathlib import Path


def kiosk_config(db: Path, kiosk_id: str, endpoint: str, table: str):
    from kiosk.config import Config

    base = Config(db_path=db, kiosk_id=kiosk_id, bcrypt_rounds=4, ticket_dir=db.parent / "t")
    return replace(base, cloud=replace(base.cloud, enabled=True, endpoint_url=endpoint,
                                       table=table, region="ap-south-1"))


def free_seats(conn, show_id: str, all_seats: list[str], missed: set[str]) -> list[str]:
    taken = missed | {r[0] for r in conn.execute(
        "SELECT seat_code FROM seat_sales WHERE show_id = ?1 UNION SELECT seat_code FROM holds "
        "WHERE show_id = ?1 UNION SELECT seat_code FROM remote_seats WHERE show_id = ?1",
        (show_id,))}
    return [s for s in all_seats if s not in taken]


def all_sold(conn, show_id: str, total: int) -> bool:
    sold = conn.execute(
        "SELECT COUNT(*) FROM (SELECT seat_code FROM seat_sales WHERE show_id = ?1 UNION "
        "SELECT seat_code FROM remote_seats WHERE show_id = ?1 AND state = 'sold')",
        (show_id,)).fetchone()[0]
    return sold >= total


def run_kiosk(args) -> dict:
    from kiosk.cloud.clients import Timeouts
    from kiosk.cloud.context import CloudContext
    from kiosk.cloud.errors import CloudUnavailable
    from kiosk.cloud.gate import CloudGate
    from kiosk.cloud.pull import Puller
    from kiosk.cloud.status import CloudStatus
    from kiosk.cloud.worker import Backoff, OutboxWorker
    from kiosk.domain.errors import SeatsUnavailable
    from kiosk.services.app import open_services
    from kiosk.services.models import Payment

    config = kiosk_config(Path(args.db), args.kiosk_id, args.endpoint, args.table)
    # one small server process serves five busy clients: allow slower answers, probe often
    ctx = CloudContext(config, status=CloudStatus(probe_interval_s=0.5),
                       timeouts=Timeouts(read_s=15.0))
    gate = CloudGate(config, context=ctx)
    svc = open_services(config, gate=gate)
    worker = OutboxWorker(ctx, config.db_path, backoff=Backoff(0.2, 1.0))
    puller = Puller(ctx, config.db_path)
    actor = svc.auth.sign_in("1001", "1234")
    layout_seats = args.all_seats
    rng = random.Random(args.seed)
    conn = svc.deps.conn
    last_pull = [0.0]

    def pull(force: bool = False, every_s: float = 4.0) -> None:
        # a full read of a 2,000-seat show costs moto as much as ~10 seat claims: read rarely
        if force or time.monotonic() - last_pull[0] > every_s:
            try:
                puller.pull_show(args.show)
            except CloudUnavailable:
                time.sleep(0.2)
            last_pull[0] = time.monotonic()

    pull(force=True)
    misses = bookings = 0
    while time.time() < args.start:
        time.sleep(0.01)
    missed: set[str] = set()  # seats the cloud said are taken; a full pull only when we run dry
    while True:
        free = free_seats(conn, args.show, layout_seats, missed)
        if not free:
            pull(every_s=1.0)
            missed.clear()
            free = free_seats(conn, args.show, layout_seats, missed)
            if not free:
                if all_sold(conn, args.show, len(layout_seats)) or time.time() > args.start + 120:
                    break
                worker.run_once()  # our own sales must reach the cloud for others to finish
                time.sleep(0.5)  # someone still holds seats: they may come back
                continue
        start = rng.randrange(len(free))
        pick = free[start:start + args.per_booking] or free[-args.per_booking:]
        try:
            hold = svc.booking.hold(actor, args.show, pick)
            svc.booking.confirm(actor, hold.hold_id, {}, Payment(method="card", card_last4="4242"))
            bookings += 1
        except SeatsUnavailable as err:
            misses += 1
            missed.update(err.seats or pick)
            pull()  # now and then: a stale view costs misses, a fresh one costs reads
            if not gate.online:
                time.sleep(0.2)
            continue
        worker.run_once()  # like the app's sync thread: the sale reaches the cloud at once
    while worker.pending_count():
        if not worker.run_once().done:
            time.sleep(0.2)
    return {"kiosk_id": args.kiosk_id, "bookings": bookings, "misses": misses}


def run_web(args) -> dict:
    from kiosk.cloud.channel import OnlineChannel
    from kiosk.cloud.claims import SeatClaims
    from kiosk.cloud.clients import CloudClients, Timeouts
    from kiosk.config import CloudConfig

    clients = CloudClients(CloudConfig(enabled=True, endpoint_url=args.endpoint, table=args.table,
                                       region="ap-south-1"), Timeouts(read_s=15.0))
    channel = OnlineChannel(SeatClaims(clients.dynamodb, args.table, "WEB"))
    misses = []
    while time.time() < args.start:
        time.sleep(0.01)
    rng = random.Random(args.seed)
    sales = []
    while True:
        sales += channel.sell_until_full(args.show, args.all_seats, batch=args.per_booking,
                                         rng=rng, on_miss=misses.append)
        states = [i.get("state") for i in channel.claims.show_items(args.show)]
        if (states.count("sold") >= len(args.all_seats) or time.time() > args.start + 120):
            break
        time.sleep(0.3)  # seats still held elsewhere may be released
    return {"kiosk_id": "WEB", "bookings": len(sales), "misses": len(misses),
            "sales": {s.booking_id: list(s.seats) for s in sales}}


def main(argv: list[str] | None = None) -> int:
    import faulthandler
    import signal

    faulthandler.register(signal.SIGUSR1)  # a stuck racer can be asked for its stack
    logging.getLogger("botocore").setLevel(logging.ERROR)
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["kiosk", "web"])
    p.add_argument("--endpoint", required=True)
    p.add_argument("--table", required=True)
    p.add_argument("--show", required=True)
    p.add_argument("--seats-file", required=True)
    p.add_argument("--db", default="")
    p.add_argument("--kiosk-id", default="")
    p.add_argument("--per-booking", type=int, default=5)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--start", type=float, default=0.0)
    p.add_argument("--out", required=True)
    args = p.parse_args(argv)
    args.all_seats = json.loads(Path(args.seats_file).read_text())
    result = run_kiosk(args) if args.mode == "kiosk" else run_web(args)
    Path(args.out).write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

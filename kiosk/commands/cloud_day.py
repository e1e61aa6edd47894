"""``kiosk cloud pull-day [--date YYYY-MM-DD]``: the manager console pulls its cinema's business
day from every device and the web (``kiosk.cloud.daypull``), then prints the freshness line.

Without ``--date`` the cinema's current business date (its own time zone) is pulled. Reading the
day needs no sign-in: the reports that show it are manager-only.
"""

from __future__ import annotations

import argparse
from datetime import date

from kiosk.config import Config
from kiosk.domain.errors import InvalidInput


def add_parser(sub) -> None:
    p = sub.add_parser("pull-day", help="pull the cinema's business day from every device")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="business date (default: today there)")


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.cloud.context import CloudContext
    from kiosk.cloud.daypull import DayPuller
    from kiosk.cloud.errors import CloudError, CloudUnavailable
    from kiosk.cloud.freshness import freshness
    from kiosk.cloud.ledger_sync import device_cinema
    from kiosk.domain.clock import Clock, local

    if not config.cloud.enabled:
        raise InvalidInput("Cloud sync is off: set [cloud] enabled = true first.")
    clock = Clock()
    puller = DayPuller(CloudContext(config, clock=clock), config.db_path, clock)
    try:
        cinema, zone = device_cinema(puller.conn, config.cinema_id)
        if args.date:
            try:
                day = date.fromisoformat(args.date).isoformat()
            except ValueError:
                raise InvalidInput(f"{args.date!r} is not a date; use YYYY-MM-DD.") from None
        else:
            day = local(clock.now(), zone).date().isoformat()
        try:
            result = puller.pull(cinema, day)
        except (CloudUnavailable, CloudError) as err:
            print(f"Could not pull {day}: {err}")
            return 1
        print(f"Pulled {result.summary()}.")
        print(freshness(puller.conn, cinema, day, clock.now()).text)
    finally:
        puller.close()
    return 0

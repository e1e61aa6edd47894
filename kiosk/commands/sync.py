"""``kiosk sync``: push this kiosk's pending sales, refunds and notifications to the cloud.

Once (default): drain everything that is due, pull seat changes for shows on sale, print a
summary; exit status 1 when work is still waiting (e.g. offline). ``--watch`` keeps syncing
until Ctrl-C, like the app's background thread.
"""

from __future__ import annotations

import argparse
import threading

from kiosk.config import Config

NAME = "sync"
HELP = "send pending sales, refunds and confirmations to the cloud (once, or --watch)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--watch", action="store_true", help="keep syncing until Ctrl-C")
    parser.add_argument("--interval", type=float, default=None,
                        help="seconds between drains with --watch (default: config sync_interval_s)")


def _line(status: dict) -> str:
    state = {"online": "online", "connecting": "connecting"}.get(status.get("state", ""), "OFFLINE")
    text = (f"{status['kiosk_id']}: {state}, {status['pending']} waiting to send, "
            f"{status['conflicts']} conflict(s), last sync {status['last_sync_at'] or 'never'}")
    if status.get("dead_letters"):
        text += (f"\n  {status['dead_letters']} row(s) the sync gave up on: a manager must look "
                 "at `kiosk cloud dead-letter`")
    if status.get("clock"):
        text += f"\n  clock: {status['clock']}"
    if status["last_error"]:
        text += f"\n  last problem: {status['last_error']}"
    return text


def run(args: argparse.Namespace, config: Config) -> int:
    from dataclasses import replace

    from kiosk.cloud.context import CloudContext
    from kiosk.cloud.engine import SyncEngine
    from kiosk.services.remote_decisions import applier_for

    if args.interval is not None:
        config = replace(config, cloud=replace(config.cloud, sync_interval_s=args.interval))
    context = CloudContext(config)
    engine = SyncEngine(config, context, decisions=applier_for(config, context))
    try:
        if args.watch:
            stop = threading.Event()
            last: list[str] = []

            def show(report) -> None:
                line = _line(report.status)
                if report.drain and (report.drain.done or report.drain.conflicts):
                    line += (f"\n  sent {report.drain.done}, conflicts "
                             f"{len(report.drain.conflicts)}")
                if [line] != last:
                    print(line, flush=True)
                    last[:] = [line]

            try:
                engine.run(stop, on_tick=show)
            except KeyboardInterrupt:
                stop.set()
            return 0
        sent = conflicts = 0
        while True:
            result = engine.worker.run_once()
            sent += result.done
            conflicts += len(result.conflicts)
            if result.offline or not result.done:
                break
        engine.tick()
        status = engine.status()
        print(f"sent {sent}, new conflicts {conflicts}")
        print(_line(status))
        return 0 if status["pending"] == 0 and not status.get("dead_letters") else 1
    finally:
        engine.close()

"""``kiosk simulate``: replay the seat protocol under injected faults, from seeds (issue 9).

Each seed is a schedule of kiosk operations, web purchases and faults (drops, lost answers,
latency, partitions, stale reads, clock skew, crashes) played against the real code and one
in-process moto DynamoDB, on virtual time; the invariants are checked after every step and after
a final heal. The same seed always gives the same trace. Exit status 1 on any violation.

Needs moto (the ``test`` extra). Touches no kiosk database: the world is built in a scratch
directory and thrown away.
"""

from __future__ import annotations

import argparse
import logging
import sys

from kiosk.config import Config

NAME = "simulate"
HELP = "check the seat protocol's invariants under injected faults, from seeds (needs moto)"
MAX_LISTED = 50


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seeds", type=int, default=None,
                        help="how many schedules to run (default 100; 1 with --seed)")
    parser.add_argument("--seed", type=int, default=None,
                        help="the first seed (alone: replay that one seed and print its trace)")
    parser.add_argument("--kiosks", type=int, default=3, help="kiosks per schedule (default 3)")
    parser.add_argument("--steps", type=int, default=40, help="steps per schedule (default 40)")
    parser.add_argument("--policy", choices=["mixed", "allocated-only", "optimistic"],
                        default="mixed", help="offline policy (mixed: drawn per seed, mostly "
                        "allocated-only)")
    parser.add_argument("--layout", choices=["single", "blocks"], default="single",
                        help="seat partition keys: one per show, or spread by block as for an "
                        "arena-sized hall (kiosk.cloud.partitions)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--show", type=int, default=1,
                        help="failing seeds to shrink and print in full (default 1)")
    parser.add_argument("--drop", default="",
                        help="comma-separated step numbers to leave out (replaying a shrunk "
                        "schedule)")
    parser.add_argument("--trace", action="store_true",
                        help="print every schedule's trace, passing or not")
    parser.add_argument("--keep-going", action="store_true",
                        help="play each schedule to the end after a violation, to see what it "
                        "leads to (default: stop at the first)")


def _drop(text: str) -> frozenset[int]:
    try:
        return frozenset(int(x) for x in text.split(",") if x.strip())
    except ValueError:
        from kiosk.domain.errors import InvalidInput

        raise InvalidInput("--drop takes step numbers separated by commas, e.g. 3,7,12") from None


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.domain.errors import InvalidInput

    if args.kiosks < 1 or args.steps < 0 or (args.seeds is not None and args.seeds < 1):
        raise InvalidInput("--kiosks and --seeds must be at least 1, --steps at least 0.")
    kiosk_log = logging.getLogger("kiosk")
    level = kiosk_log.level
    if not getattr(args, "verbose", False):
        kiosk_log.setLevel(logging.CRITICAL)  # refusals are outcomes here (restored at the end)
    try:
        return _simulate(args)
    finally:
        kiosk_log.setLevel(level)  # run in process (tests, tools): leave logging as it was


def _simulate(args: argparse.Namespace) -> int:
    from kiosk.sim.pool import run_many
    from kiosk.sim.report import Totals, describe_failure, summary
    from kiosk.sim.runner import Environment, SimOptions, SimUnavailable, run_seed
    from kiosk.sim.shrink import shrink

    options = SimOptions(kiosks=args.kiosks, steps=args.steps, policy=args.policy,
                         keep_going=args.keep_going, layout=args.layout)
    first = args.seed if args.seed is not None else 0
    count = args.seeds if args.seeds is not None else (1 if args.seed is not None else 100)
    drop = _drop(args.drop)
    single = count == 1
    try:
        env = Environment()
    except SimUnavailable as err:
        print(err, file=sys.stderr)
        return 2
    totals = Totals()
    failures = []
    try:
        if drop or single:
            results = iter([run_seed(env, first, options, drop)])
        else:
            results = run_many(range(first, first + count), options, args.jobs, env=env,
                               keep_traces=args.trace)
        for result in results:
            totals.add(result)
            if args.trace or (single and not result.failed):
                print("\n".join(result.trace))
            if result.failed:
                failures.append(result)
                if len(totals.failed) <= MAX_LISTED:
                    print(f"seed {result.seed}: {result.violations[0].line()}", flush=True)
                elif len(totals.failed) == MAX_LISTED + 1:
                    print("(more failing seeds: see the summary)", flush=True)
        for result in failures[:max(0, args.show)]:
            shrunk, steps = (result, options.steps) if drop else shrink(env, result, options)
            print("\n".join(describe_failure(result, shrunk, steps, options)))
    finally:
        env.close()
    print("\n".join(summary(totals, options)))
    return 1 if totals.failed else 0

"""``kiosk bench``: run the benchmark sections and print a table of medians and ratios.

A section whose module is not part of this build is skipped with a note; a section that fails
is reported on stderr and the command exits 1 after running the others.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import sys
import traceback
from pathlib import Path

from kiosk.config import Config
from kiosk.domain.errors import InvalidInput

NAME = "bench"
HELP = "measure seat search, sale rate, reports, UI and sync speed on this machine"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.bench import SECTIONS

    parser.add_argument("--section", default=",".join(SECTIONS), metavar="NAMES",
                        help=f"comma-separated sections to run ({', '.join(SECTIONS)}; default all)")
    parser.add_argument("--quick", action="store_true",
                        help="small data sizes (seconds, not minutes), e.g. for tests")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.bench import SECTIONS, format_table, machine_note

    names = [n.strip() for n in args.section.split(",") if n.strip()]
    unknown = [n for n in names if n not in SECTIONS]
    if unknown or not names:
        raise InvalidInput(f"Unknown bench section {', '.join(unknown) or '(none)'}: "
                           f"choose from {', '.join(SECTIONS)}.")
    results, skipped, failed = [], [], []
    for name in names:
        module_name = SECTIONS[name]
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                skipped.append(f"{name} ({module_name} is not in this build)")
                continue
            skipped.append(f"{name} (needs {exc.name}, which is not installed)")
            continue
        print(f"running {name} benchmarks{' (quick)' if args.quick else ''}...", file=sys.stderr,
              flush=True)
        try:
            results.extend(module.run(args.quick))
        except Exception:  # one broken section must not hide the others' figures
            failed.append(name)
            print(f"kiosk bench: section {name} failed:\n{traceback.format_exc()}", file=sys.stderr)
    if results:
        print(format_table(results))
    print(f"\nMachine: {machine_note()}")
    for note in skipped:
        print(f"Skipped: {note}")
    if args.json:
        payload = {"machine": machine_note(), "quick": args.quick, "skipped": skipped,
                   "failed": failed, "results": [dataclasses.asdict(r) for r in results]}
        args.json.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return 1 if failed else 0

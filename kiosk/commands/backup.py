"""``kiosk backup``: save a consistent copy of the database, even while kiosks are selling.

Every backup leaves an audit row (the file, its size and what it holds, the operating-system
user and, with ``--staff``, the signed-in staff member).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.config import Config
from kiosk.services.backups import backup_database

NAME = "backup"
HELP = ("save a copy of the kiosk database (safe while the app is running); restore it later "
        "with `kiosk restore`")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dest", nargs="?", type=Path, metavar="DEST",
                        help="file or folder to write to (default: a dated file in a 'backups' "
                             "folder next to the database); an existing file is never overwritten")
    parser.add_argument("--staff", metavar="NUMBER",
                        help="your staff number, to name you in the audit log (PIN from "
                             "$KIOSK_PIN or asked for)")


def run(args: argparse.Namespace, config: Config) -> int:
    if args.staff:
        from kiosk.commands._staff import signed_in
        from kiosk.services.app import open_services

        services = open_services(config)
        try:
            with signed_in(services, args) as actor:
                written = backup_database(config, args.dest, services.deps.clock, actor)
        finally:
            services.close()
    else:
        written = backup_database(config, args.dest)
    size_kb = written.stat().st_size / 1024
    print(f"Backup saved to {written} ({size_kb:,.0f} KB).")
    return 0

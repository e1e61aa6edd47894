"""``kiosk backup``: save a consistent copy of the database, even while kiosks are selling.

Every backup leaves an audit row (the file, its size and what it holds, the operating-system
user and the signed-in manager). A backup holds every staff PIN hash, so a manager must sign
in (``--staff`` with ``$KIOSK_PIN`` or the prompt) unless the database has no staff at all.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.config import Config
from kiosk.services.backups import backup_database

NAME = "backup"
HELP = ("save a copy of the kiosk database (safe while the app is running; a manager's --staff "
        "unless it has no staff); restore it later with `kiosk restore`")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dest", nargs="?", type=Path, metavar="DEST",
                        help="file or folder to write to (default: a dated file in a 'backups' "
                             "folder next to the database); an existing file is never overwritten")
    parser.add_argument("--staff", metavar="NUMBER",
                        help="a manager's staff number (PIN from $KIOSK_PIN or asked for); "
                             "needed unless the database has no staff at all: a backup holds "
                             "every staff PIN hash")


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.commands._staff import sign_in_for_database

    written = backup_database(config, args.dest, actor=sign_in_for_database(config, args))
    size_kb = written.stat().st_size / 1024
    print(f"Backup saved to {written} ({size_kb:,.0f} KB).")
    return 0

"""``kiosk backup``: save a consistent copy of the database, even while kiosks are selling."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.config import Config
from kiosk.store.backup import backup

NAME = "backup"
HELP = ("save a copy of the kiosk database (safe while the app is running); restore it later "
        "with `kiosk restore`")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dest", nargs="?", type=Path, metavar="DEST",
                        help="file or folder to write to (default: a dated file in a 'backups' "
                             "folder next to the database); an existing file is never overwritten")


def run(args: argparse.Namespace, config: Config) -> int:
    written = backup(config.db_path, args.dest)
    size_kb = written.stat().st_size / 1024
    print(f"Backup saved to {written} ({size_kb:,.0f} KB).")
    return 0

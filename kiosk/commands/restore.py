"""``kiosk restore``: put a backup back in place of the current database.

The backup is checked first (it must be an undamaged kiosk database, not from newer software);
a bad file changes nothing. The current database is kept as ``<db>.pre-restore-<time>``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.config import Config
from kiosk.domain.errors import InvalidInput
from kiosk.store.backup import restore, verify

NAME = "restore"
HELP = ("replace the current database with a backup (checked first; the current database is "
        "kept as a .pre-restore copy); needs --yes")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the backup file to restore")
    parser.add_argument("--yes", action="store_true",
                        help="confirm: every sale made since that backup disappears from this "
                             "database (it stays in the .pre-restore copy)")


def run(args: argparse.Namespace, config: Config) -> int:
    verify(args.file)
    if not args.yes:
        raise InvalidInput(f"Restoring {args.file.name} replaces ALL data in {config.db_path}, "
                           "including sales made since that backup. Run again with --yes to go "
                           "ahead (nothing was changed).")
    safety = restore(args.file, config.db_path)
    print(f"Restored {args.file.name} into {config.db_path}.")
    if safety is not None:
        print(f"The database as it was before is kept in {safety}")
    return 0

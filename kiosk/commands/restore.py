"""``kiosk restore``: put a backup back in place of the current database.

The backup is checked first: it must be an undamaged kiosk database, not from newer software,
and every row must pass every rule of this version's schema (checks, required values, links
between tables); a bad file changes nothing. The current database is kept as
``<db>.pre-restore-<time>``. The restore (or the refusal) leaves an audit row.

A manager must sign in (``--staff`` with ``$KIOSK_PIN`` or the prompt) unless the current
database has no staff at all; the rule is the service's (``kiosk.services.db_guard``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.config import Config
from kiosk.domain.errors import InvalidInput
from kiosk.services.backups import restore_database
from kiosk.store.backup import verify

NAME = "restore"
HELP = ("replace the current database with a backup (checked first; the current database is "
        "kept as a .pre-restore copy); needs --yes and a manager's --staff (unless the current "
        "database has no staff)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the backup file to restore")
    parser.add_argument("--yes", action="store_true",
                        help="confirm: every sale made since that backup disappears from this "
                             "database (it stays in the .pre-restore copy)")
    parser.add_argument("--undo-closed-days", action="store_true",
                        help="restore even a backup older than a closed business day (the day "
                             "is reopened; audited); without it such a backup is refused")
    parser.add_argument("--staff", metavar="NUMBER",
                        help="a manager's staff number, signed in on the current database (PIN "
                             "from $KIOSK_PIN or asked for); needed unless that database has no "
                             "staff at all (missing, empty or unreadable)")


def run(args: argparse.Namespace, config: Config) -> int:
    verify(args.file)
    if not args.yes:
        raise InvalidInput(f"Restoring {args.file.name} replaces ALL data in {config.db_path}, "
                           "including sales made since that backup. Run again with --yes to go "
                           "ahead (nothing was changed).")
    from kiosk.commands._staff import sign_in_for_database

    actor = sign_in_for_database(config, args)
    result = restore_database(config, args.file, actor=actor,
                              undo_closed_days=args.undo_closed_days)
    print(f"Restored {args.file.name} into {config.db_path}.")
    if result.undone:
        print(f"Undone (kept in the copy below): {'; '.join(result.undone)}.")
    if result.safety is not None:
        print(f"The database as it was before is kept in {result.safety}")
    return 0

"""``kiosk audit verify``: check the audit log's hash chain (issue 11, must-build 8).

Prints "Audit log intact, N rows." and exits 0, or names the first row that was changed or
removed and exits 1. It reads only; no sign-in is asked for, as anyone who can read the
database file can read the log anyway, and an auditor may run it on a backup copy (``--db``).
"""

from __future__ import annotations

import argparse
import sys

from kiosk.config import Config
from kiosk.domain.errors import NotFound

NAME = "audit"
HELP = "check the audit log: `kiosk audit verify` reports the first row changed or removed"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    sub.add_parser("verify", help="check every audit row against the hash chain",
                   description="Walks the audit log's hash chain; exits 1 at the first row that "
                   "was changed or removed, naming it.")


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.store.audit_chain import verify
    from kiosk.store.db import open_db

    if not config.db_path.is_file():
        raise NotFound(f"There is no kiosk database at {config.db_path}.")
    db = open_db(config.db_path)
    try:
        check = verify(db.conn)
    finally:
        db.conn.close()
    if check.intact:
        print(f"{check.message()} Last hash {check.last_hash or '(none)'}.")
        return 0
    print(f"kiosk: {check.message()}", file=sys.stderr)
    return 1

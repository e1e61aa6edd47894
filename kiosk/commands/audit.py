"""``kiosk audit verify``: check the audit log's hash chain (issue 11, must-build 8).

Prints "Audit log intact, N rows." and exits 0, or names the first row that was changed or
removed and exits 1. It opens the file read-only (no migration, nothing written), so an auditor
may run it on a backup copy (``--db``); no sign-in is asked for, as anyone who can read the file
can read the log anyway.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from kiosk.config import Config
from kiosk.domain.errors import InvalidInput, NotFound, SchemaTooNew
from kiosk.store.audit_chain import ChainCheck, register, verify

NAME = "audit"
HELP = "check the audit log: `kiosk audit verify` reports the first row changed or removed"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    sub.add_parser("verify", help="check every audit row against the hash chain",
                   description="Walks the audit log's hash chain; exits 1 at the first row that "
                   "was changed or removed, naming it.")


CHAIN_SCHEMA = 13  # migration 0013_audit_chain


def _check(path: Path, kiosk_id: str = "") -> ChainCheck:
    from kiosk.store.db import latest_version

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        register(conn)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > latest_version():
                raise SchemaTooNew(f"{path} was made by a newer version of Box Office Kiosk "
                                   f"(schema {version}); check it with that version.")
            if version < CHAIN_SCHEMA:
                raise InvalidInput(f"{path} is at schema {version}, before the audit chain: "
                                   "open it once with this version (any kiosk command) to chain "
                                   "its rows. Nothing was checked.")
            return verify(conn, kiosk_id)
        except sqlite3.DatabaseError as err:
            raise InvalidInput(f"{path} could not be read as a kiosk database ({err}).") from None
    finally:
        conn.close()


def run(args: argparse.Namespace, config: Config) -> int:
    if not config.db_path.is_file():
        raise NotFound(f"There is no kiosk database at {config.db_path}.")
    check = _check(config.db_path, config.kiosk_id)  # and the days this kiosk closed
    if check.intact:
        print(f"{check.message()} Last hash {check.last_hash or '(none)'}.")
        return 0
    print(f"kiosk: {check.message()}", file=sys.stderr)
    return 1

"""``kiosk init``: load the demo cinemas, films, prices, staff and a week of shows.

On a database that already holds the demo data it only tops the shows up to the next 7 days.
A database with a cinema's own data is never touched unless ``--force --yes`` is given, which
first saves a backup next to it and then wipes EVERYTHING (bookings, shifts, audit) before
loading the demo.
"""

from __future__ import annotations

import argparse

from kiosk.config import Config
from kiosk.domain.clock import Clock
from kiosk.domain.errors import InvalidInput
from kiosk.store.backup import backup
from kiosk.store.db import open_db
from kiosk.store.demo import DEMO_MARKER, ensure_demo_data, wipe

NAME = "init"
HELP = ("load the demo data (cinemas, films, prices, staff, a week of shows) into an empty "
        "database, or top up the demo shows to the next 7 days")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true",
                        help="ERASE everything in the database (bookings, shifts, audit log) and "
                             "load the demo data afresh; a backup is saved first; needs --yes")
    parser.add_argument("--yes", action="store_true",
                        help="confirm that --force may erase the database")


def _counts(db) -> str:
    conn = db.conn
    parts = []
    for table, word in (("cinemas", "cinemas"), ("halls", "halls"), ("films", "films"),
                        ("shows", "shows"), ("staff", "staff")):
        parts.append(f"{conn.execute(f'SELECT COUNT(*) FROM {table}').fetchone()[0]} {word}")  # noqa: S608
    return ", ".join(parts)


def run(args: argparse.Namespace, config: Config) -> int:
    if args.force and not args.yes:
        raise InvalidInput("--force erases every booking, shift and audit entry in "
                           f"{config.db_path}. Run again with --force --yes if you mean it "
                           "(nothing was changed).")
    db = open_db(config.db_path)
    try:
        if args.force:
            saved = backup(config.db_path)
            print(f"Saved a backup of the old database to {saved}")
            wipe(db.conn)
        shows_before = db.conn.execute("SELECT COUNT(*) FROM shows").fetchone()[0]
        loaded = ensure_demo_data(db, Clock(), rounds=config.bcrypt_rounds,
                                  cleaning_gap_min=config.cleaning_gap_min)
        if loaded:
            print(f"Demo data loaded into {config.db_path}: {_counts(db)}.")
            print("Demo staff: cashiers 1001/1234, 1002/2345, 1003/3456; manager 9001/9999.")
        elif db.conn.execute("SELECT 1 FROM settings WHERE key = ?", (DEMO_MARKER,)).fetchone():
            added = db.conn.execute("SELECT COUNT(*) FROM shows").fetchone()[0] - shows_before
            print(f"Demo data already present in {config.db_path}; {added} show(s) added to "
                  "cover the next 7 days.")
        else:
            print(f"{config.db_path} already holds a cinema's own data; nothing was changed. "
                  "(Use --force --yes to erase it and load the demo instead.)")
    finally:
        db.conn.close()
    return 0

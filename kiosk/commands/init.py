"""``kiosk init``: set up a database: ``--demo`` or ``--first-manager``.

``kiosk init --first-manager NUMBER --name NAME --cinema-name ... --city ... --timezone ...
--currency ...`` creates the first manager of an empty database and its cinema, in one
transaction (the PIN from ``$KIOSK_PIN`` or asked for twice, never on the command line), through
the same service as the app's first-manager screen (``kiosk.services.first_run``). The cinema
options are needed only while the database has no cinema.

``kiosk init --demo`` loads the demo cinemas, films, prices, staff (with the PINs printed in the
README) and a week of shows: only on request, never by a plain ``kiosk`` or ``kiosk init``.
On a database that already holds the demo data it only tops the shows up to the next 7 days.
A database with a cinema's own data is never touched unless ``--demo --force --yes`` is given,
which first saves a backup next to it and then wipes EVERYTHING (bookings, shifts, audit) before
loading the demo. When the database has any staff, ``--force`` also needs a manager to sign in
(``--staff NUMBER``, the PIN from ``$KIOSK_PIN`` or asked for): the one rule of
``kiosk.services.db_guard``; refused otherwise, with an audit row and nothing else changed.

Work not yet sent to the cloud (outbox rows with ``done_at`` NULL, dead letters included) is
never wiped silently: ``--force`` refuses while there is any, and says how to send it. Only
``--discard-unsent`` with a manager's staff number and PIN (``$KIOSK_PIN`` or asked for, never
an option; bcrypt-checked by the auth service)
goes ahead; the unsent rows are then saved to a JSON file beside the backup, and an audit row
naming the manager, the kiosk, the time and the discarded rows of each booking is written into
the fresh database (the old audit log is in the backup). Every forced wipe leaves an audit row.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.config import Config
from kiosk.domain.clock import Clock, to_iso
from kiosk.domain.errors import InvalidInput
from kiosk.store.backup import backup
from kiosk.store.db import open_db, transaction
from kiosk.store.demo import DEMO_MARKER, ensure_demo_data

NAME = "init"
HELP = ("set up a database: --first-manager creates the first manager of an empty one; --demo "
        "loads the demo data (cinemas, films, prices, demo staff, a week of shows) or tops up "
        "the demo shows to the next 7 days")
USAGE_HINT = ("Say what to set up: `kiosk init --first-manager NUMBER --name NAME "
              "--cinema-name NAME --city CITY --timezone ZONE --currency CODE` creates the "
              "first manager and the cinema of an empty database (the PIN is asked for twice, "
              "or taken from $KIOSK_PIN); `kiosk init --demo` loads the demo data, whose staff "
              "PINs are printed in the README. Nothing was changed.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--demo", action="store_true",
                        help="load the demo data (demo staff with published PINs: for trying "
                             "the kiosk, never for a real cinema)")
    parser.add_argument("--first-manager", metavar="NUMBER",
                        help="create the first manager (staff number, 3 to 8 digits) of a "
                             "database with no staff; the PIN is asked for twice (or $KIOSK_PIN)")
    parser.add_argument("--name", metavar="NAME", help="the first manager's name")
    cinema = parser.add_argument_group(
        "the cinema (with --first-manager, on a database that has no cinema yet)")
    cinema.add_argument("--cinema-name", metavar="NAME", help="the cinema's name")
    cinema.add_argument("--city", metavar="CITY", help="the cinema's city")
    cinema.add_argument("--timezone", metavar="ZONE",
                        help="the cinema's IANA time zone, e.g. Asia/Kolkata")
    cinema.add_argument("--currency", metavar="CODE",
                        help="the cinema's ISO 4217 currency, e.g. INR, AED, USD")
    cinema.add_argument("--cinema-id", metavar="ID",
                        help="the cinema's id (default: made from its name)")
    parser.add_argument("--force", action="store_true",
                        help="with --demo: ERASE everything in the database (bookings, shifts, "
                             "audit log) and load the demo data afresh; a backup is saved "
                             "first; needs --yes and a manager's --staff (unless the database "
                             "has no staff at all)")
    parser.add_argument("--yes", action="store_true",
                        help="confirm that --force may erase the database")
    parser.add_argument("--discard-unsent", action="store_true",
                        help="with --force --yes: erase even sales, refunds and customer messages "
                             "not yet sent to the cloud (they are saved to a JSON file beside the "
                             "backup first); needs a manager's --staff and PIN")
    parser.add_argument("--staff", metavar="NUMBER",
                        help="a manager's staff number, for --force over a database with staff "
                             "and for --discard-unsent (the PIN comes from $KIOSK_PIN, else you "
                             "are asked for it; never an option)")


def _counts(db) -> str:
    conn = db.conn
    parts = []
    for table, word in (("cinemas", "cinemas"), ("halls", "halls"), ("films", "films"),
                        ("shows", "shows"), ("staff", "staff")):
        parts.append(f"{conn.execute(f'SELECT COUNT(*) FROM {table}').fetchone()[0]} {word}")  # noqa: S608
    return ", ".join(parts)


@dataclass
class Wipe:
    """What a forced wipe erased, for the audit row written into the fresh database."""

    backup: Path
    outbox_max_id: int
    unsent: list[dict[str, Any]] = field(default_factory=list)
    export: Path | None = None
    manager: dict[str, Any] | None = None  # staff_number, name of who allowed the discard


def _unsent(conn: sqlite3.Connection) -> tuple[list[str], int]:
    """Kinds of the rows not yet in the cloud, oldest first, and how many of them are dead."""
    rows = conn.execute("SELECT kind, dead_at IS NOT NULL FROM outbox WHERE done_at IS NULL "
                        "ORDER BY id").fetchall()
    return [r[0] for r in rows], sum(1 for r in rows if r[1])


def refusal(kinds: list[str], dead: int) -> str:
    """Why ``--force`` will not erase, in words for the person at the counter."""
    from kiosk.services.outbox import describe_kinds

    what = describe_kinds(kinds)
    stuck = ""
    if dead:
        stuck = (f" {dead} of them could not be sent and are waiting for a manager: see "
                 "`kiosk cloud dead-letter` (a manager can retry them there).")
    return (f"Not erased: this kiosk has {what} not yet sent to the cloud, and erasing now "
            f"would lose {'it' if len(kinds) == 1 else 'them'}.{stuck} Connect the kiosk to the "
            "network and run `kiosk sync` until it says 0 waiting to send, then try again. "
            "(To erase anyway, a manager adds --discard-unsent --staff NUMBER; the unsent "
            "work is saved to a file first.) Nothing was changed.")


def _manager(config: Config, args: argparse.Namespace) -> dict[str, Any] | None:
    """The wipe's manager: signed in (bcrypt, lock-outs and audit by the auth service) and
    checked by the service's one rule for whole-database actions (``db_guard``, which re-reads
    the staff row). None when the database has no staff: nobody to sign in, nothing to protect.
    """
    from kiosk.commands._staff import sign_in_for_database
    from kiosk.services.db_guard import require_manager_for_database

    actor = sign_in_for_database(config, args)
    if not require_manager_for_database(config, actor, "init.wipe", str(config.db_path),
                                        what="erase this database (init --force)"):
        return None
    assert actor is not None
    return {"staff_number": actor.staff_number, "name": actor.name,
            "staff_id_before": actor.staff_id}


def _read_backup(path: Path) -> tuple[list[dict[str, Any]], int]:
    """The unsent rows and the outbox's highest id as the backup holds them (one snapshot)."""
    from kiosk.services.outbox import unsent_rows

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return unsent_rows(conn), int(conn.execute(
            "SELECT COALESCE(MAX(id), 0) FROM outbox").fetchone()[0])
    finally:
        conn.close()


def _wipe_unchanged(conn: sqlite3.Connection, outbox_max_id: int) -> None:
    """Delete every row of every table (as ``kiosk.store.demo.wipe``), in one transaction that
    first checks, under the write lock, that no sale or refund was queued since the backup."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    with transaction(conn):
        now_max = conn.execute("SELECT COALESCE(MAX(id), 0) FROM outbox").fetchone()[0]
        if now_max != outbox_max_id:
            raise InvalidInput("Not erased: a sale or refund was made on this kiosk while the "
                               "backup was being saved. Run the command again. Nothing was "
                               "changed.")
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in tables:
            conn.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names from sqlite_master


def _force(args: argparse.Namespace, config: Config, conn: sqlite3.Connection) -> Wipe:
    kinds, dead = _unsent(conn)
    if kinds:
        if not args.discard_unsent:
            raise InvalidInput(refusal(kinds, dead))
        if not args.staff:
            raise InvalidInput("--discard-unsent needs a manager: add --staff NUMBER (the PIN is "
                               "asked for). Nothing was changed.")
    manager = _manager(config, args)
    if kinds and manager is None:  # unsent work but no staff: nobody may discard it
        raise InvalidInput(refusal(kinds, dead))
    saved = backup(config.db_path)
    print(f"Saved a backup of the old database to {saved}")
    unsent, max_id = _read_backup(saved)
    wiped = Wipe(backup=saved, outbox_max_id=max_id, unsent=unsent, manager=manager)
    if unsent:
        if manager is None:  # sales queued between the check and the backup: ask again
            raise InvalidInput(refusal([r["kind"] for r in unsent],
                                       sum(1 for r in unsent if r["dead_at"])))
        from kiosk.services.outbox import write_json

        wiped.export = write_json(saved.with_name(f"{saved.stem}-unsent.json"), {
            "kiosk_id": config.kiosk_id, "database": str(config.db_path), "backup": str(saved),
            "discarded_by": manager, "discarded_at": to_iso(Clock().now()), "rows": unsent})
        print(f"Saved the {len(unsent)} unsent row(s) to {wiped.export}")
    _wipe_unchanged(conn, max_id)
    return wiped


def _audit_wipe(conn: sqlite3.Connection, config: Config, wiped: Wipe) -> None:
    """The wipe's audit row, in the fresh database (the old log went with the wipe: see backup)."""
    from kiosk.services import audit

    bookings: dict[str, dict[str, Any]] = {}
    for row in wiped.unsent:
        entry = bookings.setdefault(row["booking_id"] or "", {"reference": row["reference"],
                                                             "rows": 0, "kinds": []})
        entry["rows"] += 1
        entry["kinds"].append(row["kind"])
    detail: dict[str, Any] = {
        "backup": str(wiped.backup), "discarded_rows": len(wiped.unsent),
        "discarded_by_kind": dict(Counter(r["kind"] for r in wiped.unsent)),
        "discarded_bookings": bookings, "export": str(wiped.export or ""),
        "manager": wiped.manager}
    with transaction(conn):
        staff_id = None
        if wiped.manager:  # the same person in the fresh staff list, if they are there
            row = conn.execute("SELECT id FROM staff WHERE staff_number = ? AND name = ?",
                               (wiped.manager["staff_number"], wiped.manager["name"])).fetchone()
            staff_id = row[0] if row else None
        audit.record(conn, at=Clock().now(), kiosk_id=config.kiosk_id,
                     action="init.discard_unsent" if wiped.unsent else "init.wipe",
                     staff_id=staff_id, target=str(wiped.export or wiped.backup), detail=detail)


def _read_new_pin(number: str) -> tuple[str, str]:
    """The new PIN and its repetition: ``$KIOSK_PIN`` (given once, so both), else two hidden
    prompts. Never an option: a PIN on the command line is in the process list."""
    from kiosk.commands._staff import PIN_ENV

    if os.environ.get(PIN_ENV):
        return os.environ[PIN_ENV], os.environ[PIN_ENV]
    try:
        pin = getpass.getpass(f"New PIN for manager {number}: ")
        again = getpass.getpass("The same PIN again: ")
    except (EOFError, KeyboardInterrupt):
        raise InvalidInput(f"No PIN given: type it twice when asked, or set ${PIN_ENV}. "
                           "Nothing was changed.") from None
    return pin, again


CINEMA_OPTIONS = (("cinema_name", "--cinema-name"), ("city", "--city"),
                  ("timezone", "--timezone"), ("currency", "--currency"))
CINEMA_HINT = ("--cinema-name NAME --city CITY --timezone ZONE (e.g. Asia/Kolkata) "
               "--currency CODE (e.g. INR)")


def _cinema_entry(args: argparse.Namespace):
    """The cinema options as a ``CinemaEntry``; None when none is given; all four or refused."""
    from kiosk.services.first_run import CinemaEntry

    given = [flag for key, flag in CINEMA_OPTIONS if getattr(args, key, None) is not None]
    if not given and args.cinema_id is None:
        return None
    missing = [flag for key, flag in CINEMA_OPTIONS if getattr(args, key, None) is None]
    if missing:
        raise InvalidInput(f"The cinema also needs {', '.join(missing)} (all of {CINEMA_HINT}). "
                           "Nothing was changed.")
    return CinemaEntry(name=args.cinema_name, city=args.city, timezone=args.timezone,
                       currency=args.currency, cinema_id=args.cinema_id or "")


def _first_manager(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.deps import ServiceDeps
    from kiosk.services.first_run import check_cinema, first_run, has_cinema, has_staff

    if args.demo or args.force or args.discard_unsent:
        raise InvalidInput("--first-manager goes on its own (not with --demo or --force). "
                           "Nothing was changed.")
    if not (args.name or "").strip():
        raise InvalidInput("--first-manager needs the manager's name: add --name \"NAME\". "
                           "Nothing was changed.")
    cinema = _cinema_entry(args)
    if cinema is not None:
        check_cinema(cinema)  # a typo is reported before the PIN is asked for
    db = open_db(config.db_path)
    try:
        if cinema is None and not has_cinema(db.conn) and not has_staff(db.conn):
            raise InvalidInput("This database has no cinema yet: add the cinema the kiosk sells "
                               f"for: {CINEMA_HINT}. Nothing was changed.")
        pin, again = _read_new_pin(args.first_manager)
        made = first_run(ServiceDeps(db=db, config=config, clock=Clock()),
                         args.first_manager, args.name, pin, again, cinema)
    finally:
        db.conn.close()
    record = made.manager
    if made.cinema is not None:
        print(f"Cinema {made.cinema.name} ({made.cinema.cinema_id}; {made.cinema.city}, "
              f"{made.cinema.timezone}, {made.cinema.currency}) created in {config.db_path}.")
    print(f"First manager {record.name} ({record.staff_number}) created in {config.db_path}. "
          "Sign in on the manager console (kiosk --mode manager) to add the cinema's films, "
          "halls, price lists, shows and staff.")
    if made.limits_note:
        print(made.limits_note)
    return 0


def run(args: argparse.Namespace, config: Config) -> int:
    if args.first_manager is not None:
        return _first_manager(args, config)
    if args.name is not None:
        raise InvalidInput("--name goes with --first-manager NUMBER. Nothing was changed.")
    stray = [flag for key, flag in (*CINEMA_OPTIONS, ("cinema_id", "--cinema-id"))
             if getattr(args, key, None) is not None]
    if stray:
        raise InvalidInput(f"{stray[0]} goes with --first-manager NUMBER (the cinema is set up "
                           "with the first manager). Nothing was changed.")
    if not args.demo:
        if args.force or args.discard_unsent:
            raise InvalidInput("--force erases the database to load the demo data afresh: say "
                               "so with --demo (kiosk init --demo --force --yes). Nothing was "
                               "changed.")
        raise InvalidInput(USAGE_HINT)
    if args.force and not args.yes:
        raise InvalidInput("--force erases every booking, shift and audit entry in "
                           f"{config.db_path}. Run again with --demo --force --yes if you mean "
                           "it (nothing was changed).")
    if args.discard_unsent and not args.force:
        raise InvalidInput("--discard-unsent only goes with --demo --force --yes (nothing was "
                           "changed).")
    db = open_db(config.db_path)
    try:
        wiped = _force(args, config, db.conn) if args.force else None
        shows_before = db.conn.execute("SELECT COUNT(*) FROM shows").fetchone()[0]
        try:
            loaded = ensure_demo_data(db, Clock(), rounds=config.bcrypt_rounds,
                                      cleaning_gap_min=config.cleaning_gap_min)
        finally:  # the wipe is audited even if loading the demo fails
            if wiped is not None:
                _audit_wipe(db.conn, config, wiped)
        if wiped is not None:
            if wiped.unsent:
                print(f"Discarded {len(wiped.unsent)} unsent row(s) with the approval of "
                      f"{wiped.manager['name']} ({wiped.manager['staff_number']}); recorded in "
                      "the audit log.")
        if loaded:
            print(f"Demo data loaded into {config.db_path}: {_counts(db)}.")
            print("Demo staff: cashiers 1001/1234, 1002/2345, 1003/3456; manager 9001/9999.")
        elif db.conn.execute("SELECT 1 FROM settings WHERE key = ?", (DEMO_MARKER,)).fetchone():
            added = db.conn.execute("SELECT COUNT(*) FROM shows").fetchone()[0] - shows_before
            print(f"Demo data already present in {config.db_path}; {added} show(s) added to "
                  "cover the next 7 days.")
        else:
            print(f"{config.db_path} already holds a cinema's own data; nothing was changed. "
                  "(Use --demo --force --yes to erase it and load the demo instead.)")
    finally:
        db.conn.close()
    return 0

"""Signing a member of staff in from the command line, shared by book, refund and report.

The PIN comes from ``$KIOSK_PIN``, else a hidden prompt (``getpass``; a PIN piped on stdin
also works). There is no ``--pin`` option: a command line is visible to every user of the
machine (``ps``, ``/proc/<pid>/cmdline``) and lands in shell history. The session is signed out again when the command ends, so every
CLI action has a sign-in and a sign-out in the audit log like a counter session.
"""

from __future__ import annotations

import argparse
import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager

from kiosk.domain.errors import AuthError
from kiosk.services.models import Actor

PIN_ENV = "KIOSK_PIN"


def add_staff_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--staff", required=True, metavar="NUMBER",
                        help="your staff number (you are signed in for this one command)")


def read_pin(args: argparse.Namespace) -> str:
    """The PIN from ``$KIOSK_PIN`` or a hidden prompt, never from the command line."""
    if os.environ.get(PIN_ENV):
        return os.environ[PIN_ENV]
    try:
        return getpass.getpass(f"PIN for staff {args.staff}: ")
    except (EOFError, KeyboardInterrupt):
        raise AuthError(f"No PIN given: set ${PIN_ENV} or type it when asked.") from None


@contextmanager
def signed_in(services, args: argparse.Namespace) -> Iterator[Actor]:
    """Sign in (wrong PIN and lock-outs raise and are audited by AuthService), then sign out."""
    actor = services.auth.sign_in(str(args.staff), read_pin(args))
    try:
        yield actor
    finally:
        services.auth.sign_out(actor)


def sign_in_for_database(config, args: argparse.Namespace) -> Actor | None:
    """For commands that copy or replace the whole database (backup, restore, init --force,
    cloud join): sign ``--staff`` in when the database has staff, and out again at once.

    Returns None without --staff, or when the database has no staff (nobody could sign in):
    the service (``kiosk.services.db_guard``) then decides whether that is enough. Never
    opens (and so never creates) a database that has no staff."""
    from kiosk.services.app import open_services
    from kiosk.services.db_guard import has_staff

    if not getattr(args, "staff", None) or not has_staff(config.db_path):
        return None
    services = open_services(config)
    try:
        actor = services.auth.sign_in(str(args.staff), read_pin(args))
        services.auth.sign_out(actor)  # the command may replace this session's database
    finally:
        services.close()
    return actor

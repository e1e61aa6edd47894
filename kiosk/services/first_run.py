"""The first manager of a new kiosk database: the one way staff come into being without a manager.

An empty database used to get the demo data, and with it manager 9001 whose PIN is printed in
the README. Now the demo is loaded only on request (``kiosk init --demo``), and a kiosk started
on an empty production database asks for its first manager instead. The set-up screen
(``kiosk.ui.first_manager``) and ``kiosk init --first-manager`` both call ``create_first_manager``
here, so the rules are the same for both:

- refused as soon as ANY staff row exists (active or not): after that, staff are added by a
  signed-in manager through ``StaffAdminService``. The check and the insert are one
  ``BEGIN IMMEDIATE`` transaction, so two processes racing on one empty database make exactly
  one manager; the loser is refused and changes nothing.
- refused on a device joined to a cloud cinema: its staff list comes from the cloud.
- the PIN policy (``kiosk.domain.pin_policy``), typed twice.
- the creation is audited (and so is a refused attempt on a database that already has staff).

A database with no cinema also gets its cinema here, in the SAME transaction as the manager
(``CinemaEntry``: name, city, IANA time zone, currency): without one the manager could sign in
but not add a hall (a hall belongs to a cinema) and no screen creates cinemas. The settings row
``cinema_id`` names it, so shifts and money limits know this kiosk's cinema. Either both rows
are written or neither is.

Currency: money is whole minor units shown with two decimals (``kiosk.domain.money``), so a
currency without hundredths (JPY, KWD, ...) is refused. A currency with no row in
``currency_controls`` (migration 0012) is accepted: its limits resolve to 0, so every cashier
refund waits for a manager and every cash-up difference is flagged until a manager sets the
cinema's limits (``kiosk limits``); ``FirstRun.limits_note`` says so.
"""

from __future__ import annotations

import re
import sqlite3
import zoneinfo
from dataclasses import dataclass
from typing import Any

from kiosk.domain.errors import InvalidInput, PermissionDenied
from kiosk.domain.pin_policy import check_pin_twice
from kiosk.services import audit
from kiosk.services.auth import hash_pin
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Role
from kiosk.services.staff_admin import StaffRecord
from kiosk.store.db import inserted_id, transaction
from kiosk.store.demo import is_demo

ACTION = "staff.first_manager"
CINEMA_ACTION = "cinema.first_run"
NAME_MAX = 80
CINEMA_ID_MAX = 64
# Offered first on the screen; any other three-letter code may be typed.
COMMON_CURRENCIES = ("INR", "AED", "USD", "EUR", "GBP", "SGD", "AUD", "CAD", "SAR", "LKR",
                     "NPR", "MYR", "THB", "ZAR")
# ISO 4217 codes whose minor unit is not a hundredth (or that are not money at all): the kiosk
# shows and parses every amount with two decimals, so these would be off by 10x or 100x.
NOT_HUNDREDTHS = frozenset({
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
    "VUV", "XAF", "XOF", "XPF",  # no minor unit
    "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND",  # thousandths
    "CLF", "UYW",  # four decimals
    "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX",
})
_CINEMA_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@dataclass(frozen=True)
class CinemaEntry:
    """The cinema as the person setting the kiosk up typed it (checked by ``check_cinema``)."""

    name: str
    city: str
    timezone: str
    currency: str
    cinema_id: str = ""  # empty: derived from the name
    address: str = ""


@dataclass(frozen=True)
class FirstRun:
    """What the first run made: the manager and, on a database without one, the cinema."""

    manager: StaffRecord
    cinema: CinemaEntry | None
    limits_note: str = ""  # set when the currency has no default money limits


def has_staff(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM staff LIMIT 1").fetchone() is not None


def is_demo_database(conn: sqlite3.Connection) -> bool:
    """The demo dataset (with its published PINs) was loaded into this database: the screens
    show a DEMO badge and the CLI a notice, so nobody mistakes it for a cinema's own data."""
    return is_demo(conn)


def needs_first_manager(deps: ServiceDeps) -> bool:
    """The launcher asks for the first manager: no staff at all and not a cloud cinema's device
    (a joined device gets its staff from the cloud)."""
    return not deps.config.cinema_id and not has_staff(deps.conn)


def _staff_number(value: object) -> str:
    number = str(value or "").strip()
    if not number.isascii() or not number.isdigit() or not 3 <= len(number) <= 8:
        raise InvalidInput("A staff number is 3 to 8 digits.")
    return number


def _name(value: object) -> str:
    name = " ".join(str(value or "").split())
    if not name:
        raise InvalidInput("Please enter the manager's name.")
    if len(name) > NAME_MAX or not name.isprintable():
        raise InvalidInput(f"A name is at most {NAME_MAX} ordinary characters.")
    return name


def has_cinema(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM cinemas LIMIT 1").fetchone() is not None


def cinema_id_from_name(name: str) -> str:
    """A plain identifier for the cinema: ``PVR Forum Mall`` -> ``pvr-forum-mall``."""
    plain = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:CINEMA_ID_MAX].strip("-")
    return plain or "cinema"


def _text(value: object, what: str, limit: int = NAME_MAX) -> str:
    text = " ".join(str(value or "").split())
    if not text:
        raise InvalidInput(f"Please enter the {what}.")
    if len(text) > limit or not text.isprintable():
        raise InvalidInput(f"The {what} is at most {limit} ordinary characters.")
    if text[0] in "=+-@":  # would be a formula in a spreadsheet export
        raise InvalidInput(f"The {what} may not start with =, +, - or @.")
    return text


def check_timezone(value: object) -> str:
    zone = str(value or "").strip()
    if not zone:
        raise InvalidInput("Please choose the cinema's time zone (for example Asia/Kolkata).")
    if zone not in zoneinfo.available_timezones():
        raise InvalidInput(f"{zone[:60]!r} is not a time zone this kiosk knows: use an IANA name "
                           "such as Asia/Kolkata or Europe/London.")
    return zone


def check_currency(value: object) -> str:
    code = str(value or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise InvalidInput("The currency is a three-letter code such as INR, AED or USD.")
    if code in NOT_HUNDREDTHS:
        raise InvalidInput(f"The kiosk counts money in hundredths (paise, cents, fils) and {code} "
                           "does not have them, so it cannot be used.")
    return code


def check_cinema(entry: CinemaEntry) -> CinemaEntry:
    """The cinema entry cleaned up, or InvalidInput saying what to fix."""
    name = _text(entry.name, "cinema's name")
    city = _text(entry.city, "city")
    address = " ".join(str(entry.address or "").split())
    if address:
        address = _text(address, "address", 200)
    typed = str(entry.cinema_id or "").strip()
    if typed and not _CINEMA_ID.fullmatch(typed):
        raise InvalidInput("A cinema id is 1 to 64 letters, digits, '-', '_' or '.', starting "
                           "with a letter or digit.")
    return CinemaEntry(name=name, city=city, timezone=check_timezone(entry.timezone),
                       currency=check_currency(entry.currency),
                       cinema_id=typed or cinema_id_from_name(name), address=address)


def limits_note(conn: sqlite3.Connection, currency: str) -> str:
    """Why refunds will all go to a manager: the currency has no default limits (0 applies)."""
    if conn.execute("SELECT 1 FROM currency_controls WHERE currency = ?",
                    (currency,)).fetchone() is not None:
        return ""
    return (f"There are no default money limits for {currency}: until a manager sets this "
            "cinema's limits (kiosk limits), every cashier refund needs a manager's approval and "
            "every cash-up difference is flagged.")


def _refuse(conn: sqlite3.Connection, deps: ServiceDeps, number: str, why: str,
            message: str, detail: dict[str, Any] | None = None) -> PermissionDenied:
    audit.record(conn, at=deps.clock.now(), kiosk_id=deps.config.kiosk_id, action=ACTION,
                 target=number, ok=False, detail={"reason": why, **(detail or {})})
    return PermissionDenied(message)


def create_first_manager(deps: ServiceDeps, staff_number: str, name: str, pin: str,
                         pin_again: str, cinema: CinemaEntry | None = None) -> StaffRecord:
    """Create the database's first member of staff, a manager (and, on a database with no
    cinema, the cinema: required then). See ``first_run`` and the module docstring."""
    return first_run(deps, staff_number, name, pin, pin_again, cinema).manager


def first_run(deps: ServiceDeps, staff_number: str, name: str, pin: str, pin_again: str,
              cinema: CinemaEntry | None = None) -> FirstRun:
    """The first manager and the cinema, in one ``BEGIN IMMEDIATE`` transaction: a refusal or a
    failure anywhere leaves the database as it was (apart from the refusal's audit row)."""
    number = _staff_number(staff_number)
    name = _name(name)
    chosen = check_pin_twice(pin, pin_again)
    entry = check_cinema(cinema) if cinema is not None else None
    if deps.config.cinema_id:
        raise PermissionDenied(
            f"This device belongs to cinema {deps.config.cinema_id}: its staff come from the "
            "cloud. Ask a manager of that cinema to add you. Nothing was changed.")
    if entry is None and not has_cinema(deps.conn) and not has_staff(deps.conn):
        raise InvalidInput("This kiosk has no cinema yet: enter the cinema it sells for (name, "
                           "city, time zone and currency) with the first manager. Nothing was "
                           "changed.")
    pin_hash = hash_pin(chosen, deps.config.bcrypt_rounds)  # slow: before the write lock
    refused: Exception | None = None
    note = ""
    with transaction(deps.conn) as conn:  # BEGIN IMMEDIATE: check and insert under one lock
        count = conn.execute("SELECT COUNT(*) FROM staff").fetchone()[0]
        if count:
            refused = _refuse(
                conn, deps, number, "staff_exist",
                "This kiosk already has staff, so there is no first manager to create. A "
                "manager adds staff in the manager console (Staff). Nothing was changed.",
                {"staff_count": count})
        elif entry is None and not has_cinema(conn):  # a cinema went away since the check
            refused = InvalidInput("This kiosk has no cinema yet: enter the cinema it sells "
                                   "for. Nothing was changed.")
        elif entry is not None and conn.execute("SELECT 1 FROM cinemas WHERE id = ?",
                                                (entry.cinema_id,)).fetchone():
            refused = InvalidInput(f"There is already a cinema with the id {entry.cinema_id}: "
                                   "type another id. Nothing was changed.")
        else:
            if entry is not None:
                conn.execute("INSERT INTO cinemas (id, name, city, address, timezone, currency) "
                             "VALUES (?, ?, ?, ?, ?, ?)",
                             (entry.cinema_id, entry.name, entry.city, entry.address,
                              entry.timezone, entry.currency))
                conn.execute("INSERT INTO settings (key, value) VALUES ('cinema_id', ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             (entry.cinema_id,))
                note = limits_note(conn, entry.currency)
            cur = conn.execute(
                "INSERT INTO staff (staff_number, name, role, pin_hash) VALUES (?, ?, ?, ?)",
                (number, name, str(Role.MANAGER), pin_hash))
            staff_id = inserted_id(cur)
            audit.record(conn, at=deps.clock.now(), kiosk_id=deps.config.kiosk_id,
                         action=ACTION, staff_id=staff_id, target=number,
                         detail={"staff_id": staff_id, "name": name, "role": str(Role.MANAGER)})
            if entry is not None:
                audit.record(conn, at=deps.clock.now(), kiosk_id=deps.config.kiosk_id,
                             action=CINEMA_ACTION, staff_id=staff_id, target=entry.cinema_id,
                             detail={"name": entry.name, "city": entry.city,
                                     "timezone": entry.timezone, "currency": entry.currency,
                                     "default_limits": not note})
    if refused is not None:
        raise refused
    record = StaffRecord(staff_id=staff_id, staff_number=number, name=name,
                         role=str(Role.MANAGER), active=True, failed_attempts=0,
                         locked_until=None)
    return FirstRun(manager=record, cinema=entry, limits_note=note)

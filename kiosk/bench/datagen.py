"""Generate a large, schema-valid sales database for the report benchmark.

Four cinemas in three currencies and three time zones (one with daylight saving), eight
200-seat halls each, five shows a hall a day; bookings of one to six seats sold on the day of
the show or the day before, over three channels; about 3 % refunded in full, 1 % in part, a few
refunds waiting for approval and 0.5 % of counter sales exchanged for other seats. Every row obeys the schema (foreign keys, seat_sales only for
kept seats, booking totals = the sum of their seats), so the reports read it exactly as they
read a real kiosk database. With ``cinemas=50`` (``chain_cinemas``) it is a chain: copies of the
four cinemas in turn, 84,000 bookings a day (the chain bench's 10,000,000 are about 120 days).

Rows go in with ``executemany`` inside large transactions with ``synchronous=OFF`` (it is a
throw-away file) and the result is cached under the user cache directory, keyed by a data
version and a hash of the schema, so reruns of ``kiosk bench`` skip the generation. The file is
written under a temporary name and renamed when complete, so an interrupted run is never reused.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import time
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import platformdirs

from kiosk.config import APP_NAME
from kiosk.domain.clock import to_iso
from kiosk.domain.ids import REFERENCE_ALPHABET
from kiosk.domain.money import tax_included
from kiosk.store.db import connect, migrate, migrations

DATA_VERSION = "4"
SETTINGS_KEY = "bench.datagen"
SEATS_PER_HALL = 200
HALLS_PER_CINEMA = 8
SHOW_HOURS = (10, 13, 16, 19, 22)
BOOKINGS_PER_DAY = 6_700  # a busy four-cinema chain; sets the number of days generated

CINEMAS = (
    ("bench-mum", "Bench Mumbai", "Mumbai", "Asia/Kolkata", "INR", 1800, (25000, 35000)),
    ("bench-hyd", "Bench Hyderabad", "Hyderabad", "Asia/Kolkata", "INR", 1800, (20000, 30000)),
    ("bench-dxb", "Bench Dubai", "Dubai", "Asia/Dubai", "AED", 500, (4500, 6500)),
    ("bench-lon", "Bench London", "London", "Europe/London", "GBP", 2000, (1250, 1650)),
)
CHAIN_CINEMAS = 50  # the head-office console of a chain (issue 15: 50 cinemas, 10,000,000 bookings)


def chain_cinemas(n: int) -> tuple[tuple, ...]:
    """``n`` cinemas: the four above when ``n`` is 4, else copies of them in turn (same zones,
    currencies, tax rates and prices), so a chain database has every currency and zone mix."""
    if n == len(CINEMAS):
        return CINEMAS
    out = []
    for i in range(n):
        cid, name, city, tz, cur, rate, prices = CINEMAS[i % len(CINEMAS)]
        out.append((f"{cid}-{i + 1:02d}", f"{name} {i + 1:02d}", city, tz, cur, rate, prices))
    return tuple(out)


TICKET_FACTORS = {"adult": 100, "child": 70, "senior": 80, "student": 80}
FILMS = 12
STAFF_PER_CINEMA = 5
_INSERT_BOOKING = (
    "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, staff_id, "
    "shift_id, customer_contact, currency, total_minor, tax_minor, discount_minor, refunded_minor, "
    "payment_method, card_last4, cash_tendered_minor, change_minor, state, sync_state, "
    "exchanged_from, created_at, business_date, updated_at, paid_minor) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class GeneratedInfo:
    bookings: int
    tickets: int
    refunds: int
    first_date: str
    last_date: str
    report_date: str  # a full business day in the middle of the range
    seconds: float

    @property
    def report_day(self) -> date:
        return date.fromisoformat(self.report_date)


def cache_dir() -> Path:
    override = os.environ.get("KIOSK_BENCH_CACHE")
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "bench"


def schema_hash() -> str:
    text = "\n".join(sql for _, _, sql in migrations())
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _prefix(bookings: int, cinemas: int) -> str:
    return f"reports-{bookings}" if cinemas == len(CINEMAS) else f"chain{cinemas}sql-{bookings}"


def cached_path(bookings: int, cinemas: int = len(CINEMAS)) -> Path:
    return cache_dir() / f"{_prefix(bookings, cinemas)}-v{DATA_VERSION}-{schema_hash()}.db"


def report_database(bookings: int, seed: int = 20261125,
                    cinemas: int = len(CINEMAS)) -> tuple[Path, GeneratedInfo, bool]:
    """The cached database with ``bookings`` bookings over ``cinemas`` cinemas, generating it
    if needed (bookings a day grow with the cinemas, so the days stay about the same).

    Returns (path, info, generated_now).
    """
    path = cached_path(bookings, cinemas)
    if path.exists():
        conn = connect(path)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (SETTINGS_KEY,)).fetchone()
        finally:
            conn.close()
        if row is not None:
            return path, GeneratedInfo(**json.loads(row[0])), False
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(path, _prefix(bookings, cinemas))
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    # A chain is made by SQL (``fast``): 10,000,000 bookings in minutes, not an hour.
    info = generate(tmp, bookings, seed=seed, cinemas=cinemas, fast=cinemas != len(CINEMAS))
    os.replace(tmp, path)
    return path, info, True


STALE_TMP_S = 3600


def _remove_stale(current: Path, prefix: str) -> None:
    """Old versions of this size (another schema or data version) and abandoned partial files.

    Each is over a gigabyte at full size. A partial file younger than an hour may belong to a
    run still generating, so it is left alone.
    """
    now = time.time()
    for other in current.parent.glob(f"{prefix}-*"):
        if other == current:
            continue
        try:
            partial = ".tmp" in other.name
            if not partial or now - other.stat().st_mtime > STALE_TMP_S:
                other.unlink()
        except OSError:
            pass


def fill_report_sums(conn) -> None:
    """Fill ``report_day_sums`` from its defining view in one grouped pass (the caller holds the
    transaction). A per-date loop over the view would scan every booking per date: SQLite does
    not push the date into the view's UNION ALL (measured: a 2,600,000-booking fill ran for
    over 20 minutes that way)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'report_day_sums_source'").fetchone() is None:
        return
    conn.execute("DELETE FROM report_day_sums")
    conn.execute("INSERT INTO report_day_sums SELECT * FROM report_day_sums_source")
    for table in ("report_day_tenders", "report_day_offers"):  # migration 0033
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone():
            conn.execute(f"DELETE FROM {table}")  # noqa: S608 (constant names)
            conn.execute(f"INSERT INTO {table} SELECT * FROM {table}_source")  # noqa: S608


# A pseudo-random number in [0, 1) from a row number and a salt: two rounds of a Park-Miller
# step (products stay under 2^63, so SQLite keeps integers).
def _rand_sql(n: str, salt: int) -> str:
    return (f"((((({n}) * 1103515245 + {salt * 7919 + 12345}) % 2147483647) * 48271 % 2147483647)"
            f" * 48271 % 2147483647) / 2147483647.0")


def _fill_sql(conn, chain, shows, bookings: int, staff_ids, kiosks, local_moment,
              seed: int) -> tuple[int, int, int]:
    """The bookings of ``generate(fast=True)`` in a few INSERT ... SELECT statements.

    Booking ``n`` belongs to show ``n % shows`` (so every show gets its share) and is the
    ``n // shows``-th of it; it sits in its own slot of seats along one row (slot width: the
    largest divisor of a row's 20 seats that fits the show's bookings into its 200 seats), so
    seat codes never collide and every seat of a booking has one type and one ticket type (the
    online channel sells adults): its total is size x the line price. Party sizes, channels,
    cash or card, sale times and refunds (3 % in full, 1 % of the last seat, 0.2 % waiting
    for approval) follow the Python generator's proportions from a hash of ``n``; exchanges are
    left out (they are read live and few). Returns (bookings, tickets, refunds)."""
    n_shows = len(shows)
    per_show_max = -(-bookings // n_shows)
    slot = max(d for d in (1, 2, 4, 5, 10, 20) if d * per_show_max <= SEATS_PER_HALL or d == 1)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("BEGIN")
    conn.execute("CREATE TEMP TABLE g_show (si INTEGER PRIMARY KEY, sid TEXT, cid TEXT, cur TEXT, "
                 "starts TEXT, off_min INTEGER, sale8 TEXT, sale8_prev TEXT, span INTEGER, "
                 "staff0 INTEGER, ci INTEGER)")
    rows = []
    for si, (sid, ci, day, hour) in enumerate(shows):
        cid, _n, _c, tz, cur, _rate, _p = chain[ci]
        start = local_moment(tz, day, hour, 0)
        off = int(datetime(day.year, day.month, day.day, hour, tzinfo=ZoneInfo(tz))
                  .utcoffset().total_seconds() // 60)
        rows.append((si, sid, cid, cur, start.strftime("%Y-%m-%d %H:%M:%S"), off,
                     local_moment(tz, day, 8, 0).strftime("%Y-%m-%d %H:%M:%S"),
                     local_moment(tz, day - timedelta(days=1), 8, 0).strftime("%Y-%m-%d %H:%M:%S"),
                     max(1, (hour - 8) * 60 - 10), staff_ids[cid][0], ci))
    conn.executemany("INSERT INTO g_show VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("CREATE TEMP TABLE g_price (ci INTEGER, premium INTEGER, tt TEXT, price INTEGER, "
                 "tax INTEGER, PRIMARY KEY (ci, premium, tt))")
    conn.executemany("INSERT INTO g_price VALUES (?, ?, ?, ?, ?)", [
        (ci, premium, tt, base * f // 100, tax_included(base * f // 100, rate))
        for ci, (_cid, _n, _c, _tz, _cur, rate, prices) in enumerate(chain)
        for premium, base in enumerate(prices) for tt, f in TICKET_FACTORS.items()])
    conn.execute("CREATE TEMP TABLE g_seat (k INTEGER PRIMARY KEY, code TEXT)")
    conn.executemany("INSERT INTO g_seat VALUES (?, ?)",
                     [(k, f"{'ABCDEFGHIJ'[k // 20]}{k % 20 + 1}") for k in range(SEATS_PER_HALL)])
    r = [_rand_sql("n", seed % 1000 + i) for i in range(8)]
    # g: one row per booking with everything the inserts need (a temporary table on disk).
    conn.execute(f"""
        CREATE TEMP TABLE g AS
        WITH RECURSIVE nums(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM nums WHERE n + 1 < {bookings}),
        a AS (SELECT n, n % {n_shows} AS si, n / {n_shows} AS j,
                     min({slot}, CAST(substr('1222334456', 1 + CAST({r[0]} * 10 AS INTEGER), 1) AS INTEGER)) AS size,
                     {r[1]} AS ch, {r[2]} AS tr, {r[3]} AS cash, {r[4]} AS rr, {r[5]} AS dr,
                     {r[6]} AS mr, {r[7]} AS kr
                FROM nums)
        SELECT a.n, a.si, a.size, a.j * {slot} AS seat0, s.sid, s.cid, s.cur, s.ci,
               CASE WHEN a.ch < 0.6 THEN 'counter' WHEN a.ch < 0.85 THEN 'self-service'
                    ELSE 'online' END AS channel,
               CASE WHEN a.ch < 0.6 THEN s.cid || '-counter-' || (1 + CAST(a.kr * 3 AS INTEGER))
                    WHEN a.ch < 0.85 THEN s.cid || '-self-' || (1 + CAST(a.kr * 2 AS INTEGER))
                    ELSE 'ONLINE' END AS kiosk,
               CASE WHEN a.ch < 0.6 THEN s.staff0 + CAST(a.kr * {STAFF_PER_CINEMA} AS INTEGER) END AS staff,
               CASE WHEN a.ch >= 0.85 THEN 'adult' ELSE
                    substr('adult  adult  adult  adult  adult  adult  adult  child  senior student',
                           1 + 7 * CAST(a.tr * 10 AS INTEGER), 7) END AS tt,
               CASE WHEN a.ch < 0.6 AND a.cash < 0.45 THEN 'cash' ELSE 'card' END AS method,
               min(datetime(CASE WHEN a.dr < 0.8 THEN s.sale8 ELSE s.sale8_prev END,
                            '+' || CAST(a.mr * CASE WHEN a.dr < 0.8 THEN s.span ELSE 900 END * 60 AS INTEGER) || ' seconds'),
                   datetime(s.starts, '-1 minutes')) AS created,
               s.off_min, s.starts,
               CASE WHEN a.rr < 0.03 THEN 'full' WHEN a.rr < 0.04 AND a.size > 1 THEN 'last'
                    WHEN a.rr >= 0.04 AND a.rr < 0.042 THEN 'pending' END AS refund
          FROM a JOIN g_show s ON s.si = a.si
    """)  # noqa: S608 (numbers and constant SQL only)
    conn.execute("UPDATE g SET tt = trim(tt)")
    conn.execute("""
        INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, staff_id,
            currency, total_minor, tax_minor, refunded_minor, payment_method, card_last4,
            cash_tendered_minor, change_minor, state, sync_state, created_at, business_date,
            updated_at)
        SELECT printf('b%x', g.n), printf('G%07X', g.n), printf('k%x', g.n), g.sid, g.channel,
               g.kiosk, g.staff, g.cur, g.size * p.price, g.size * p.tax,
               CASE g.refund WHEN 'full' THEN g.size * p.price WHEN 'last' THEN p.price ELSE 0 END,
               g.method, CASE g.method WHEN 'card' THEN printf('%04d', g.n % 10000) END,
               CASE g.method WHEN 'cash' THEN ((g.size * p.price + 9999) / 10000) * 10000 END,
               CASE g.method WHEN 'cash' THEN ((g.size * p.price + 9999) / 10000) * 10000
                                              - g.size * p.price END,
               CASE g.refund WHEN 'full' THEN 'refunded' WHEN 'last' THEN 'partially_refunded'
                             ELSE 'confirmed' END, 'synced',
               strftime('%Y-%m-%dT%H:%M:%S+00:00', g.created),
               date(g.created, '+' || g.off_min || ' minutes'),
               strftime('%Y-%m-%dT%H:%M:%S+00:00', g.created)
          FROM g JOIN g_price p ON p.ci = g.ci AND p.premium = (g.seat0 >= 160) AND p.tt = g.tt
    """)
    conn.execute("""
        INSERT INTO booking_seats (booking_id, seat_code, seat_type, ticket_type, price_minor,
                                   tax_minor, refunded)
        SELECT printf('b%x', g.n), st.code, CASE WHEN g.seat0 >= 160 THEN 'premium' ELSE 'standard' END,
               g.tt, p.price, p.tax,
               COALESCE(g.refund = 'full' OR (g.refund = 'last' AND st.k = g.seat0 + g.size - 1), 0)
          FROM g JOIN g_seat st ON st.k >= g.seat0 AND st.k < g.seat0 + g.size
          JOIN g_price p ON p.ci = g.ci AND p.premium = (g.seat0 >= 160) AND p.tt = g.tt
    """)
    conn.execute("""
        INSERT INTO seat_sales (show_id, seat_code, booking_id)
        SELECT g.sid, st.code, printf('b%x', g.n)
          FROM g JOIN g_seat st ON st.k >= g.seat0 AND st.k < g.seat0 + g.size
         WHERE NOT COALESCE(g.refund = 'full'
                            OR (g.refund = 'last' AND st.k = g.seat0 + g.size - 1), 0)
    """)
    at = ("min(datetime(g.created, '+' || (5 + g.n % 115) || ' minutes'), "
          "datetime(g.starts, '-1 minutes'))")  # the refund, 5 to 120 minutes after the sale
    conn.execute(f"""
        INSERT INTO refunds (booking_id, seats, amount_minor, tax_minor, currency, method, reason,
            state, requested_by, kiosk_id, created_at, business_date)
        SELECT printf('b%x', g.n),
               (SELECT json_group_array(st.code) FROM g_seat st
                 WHERE st.k >= CASE g.refund WHEN 'last' THEN g.seat0 + g.size - 1 ELSE g.seat0 END
                   AND st.k < g.seat0 + g.size),
               CASE g.refund WHEN 'last' THEN 1 ELSE g.size END * p.price,
               CASE g.refund WHEN 'last' THEN 1 ELSE g.size END * p.tax,
               g.cur, g.method, 'customer request',
               CASE g.refund WHEN 'pending' THEN 'pending_approval' ELSE 'completed' END,
               s.staff0 + g.n % {STAFF_PER_CINEMA}, g.cid || '-counter-' || (1 + g.n % 3),
               strftime('%Y-%m-%dT%H:%M:%S+00:00', {at}),
               date({at}, '+' || g.off_min || ' minutes')
          FROM g JOIN g_show s ON s.si = g.si
          JOIN g_price p ON p.ci = g.ci AND p.premium = (g.seat0 >= 160) AND p.tt = g.tt
         WHERE g.refund IS NOT NULL
    """)  # noqa: S608 (numbers and constant SQL only)
    counts = conn.execute("SELECT (SELECT COUNT(*) FROM g), (SELECT SUM(size) FROM g), "
                          "(SELECT COUNT(*) FROM g WHERE refund IS NOT NULL)").fetchone()
    for table in ("g", "g_show", "g_price", "g_seat"):
        conn.execute(f"DROP TABLE temp.{table}")  # noqa: S608 (constant names)
    conn.execute("COMMIT")
    return int(counts[0]), int(counts[1] or 0), int(counts[2])


def _reference(i: int) -> str:
    """A unique 8-character reference per index: an affine bijection of 0..32^8-1."""
    space = 32**8
    value = (i * 0x9E3779B1 + 0x5BD1E995) % space
    chars = []
    for _ in range(8):
        value, digit = divmod(value, 32)
        chars.append(REFERENCE_ALPHABET[digit])
    return f"{''.join(chars[:4])}-{''.join(chars[4:])}"


def _layout() -> tuple[dict, list[tuple[str, str]]]:
    rows, seats = [], []
    for r in range(10):
        label = "ABCDEFGHIJ"[r]
        cell = "P" if r >= 8 else "S"
        rows.append({"label": label, "cells": cell * 10 + "__" + cell * 10})
        seats.extend((f"{label}{n}", "premium" if cell == "P" else "standard") for n in range(1, 21))
    return {"rows": rows}, seats


def generate(path: Path, bookings: int, seed: int = 20261125,
             cinemas: int = len(CINEMAS), fast: bool = False) -> GeneratedInfo:
    """Write a fresh database at ``path`` holding exactly ``bookings`` bookings.

    ``fast``: the bookings, seats, seat sales and refunds are made by SQL (``_fill_sql``), in
    one transaction with the journal off, about 20 times faster than the Python loop: the chain
    bench's 10,000,000 bookings in minutes instead of an hour. Same cinemas, shows, prices and
    proportions; simpler rows (no exchanges, see ``_fill_sql``)."""
    started = time.perf_counter()
    chain = chain_cinemas(cinemas)
    per_day = BOOKINGS_PER_DAY * len(chain) // len(CINEMAS)
    rng = random.Random(seed)
    uniform = rng.random

    def pick(n: int) -> int:  # randrange(n) without its argument checks: this loop runs millions of times
        return int(uniform() * n)
    days = max(3, -(-bookings // per_day))
    first = date(2026, 1, 5)
    conn = connect(path)
    migrate(conn)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    conn.execute("PRAGMA foreign_keys = OFF")  # rows are generated consistent; checked in tests
    # Secondary indexes of the big tables are built once after the load (a sort) instead of
    # row by row; they are recreated from their own schema text, so the file matches a migrated one.
    deferred = [(name, sql) for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('bookings', 'booking_seats', 'seat_sales', 'refunds')")]
    for name, _sql in deferred:
        conn.execute(f'DROP INDEX "{name}"')
    # The report sums (migration 0032) are kept by triggers row by row; a bulk load drops them
    # and fills the sums afterwards from their defining view.
    triggers = [(name, sql) for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND (name LIKE 'report_sums_%' OR name LIKE 'report_shares_%')")]
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    layout, seats = _layout()
    hours_utc_cache: dict[tuple[str, date, int], datetime] = {}

    def local_moment(tz: str, day: date, hour: int, minute: int) -> datetime:
        key = (tz, day, hour)
        base = hours_utc_cache.get(key)
        if base is None:
            base = datetime(day.year, day.month, day.day, hour, tzinfo=ZoneInfo(tz)).astimezone(UTC)
            hours_utc_cache[key] = base
        return base + timedelta(minutes=minute)

    conn.execute("BEGIN")
    staff_ids: dict[str, list[int]] = {}
    kiosks: dict[str, tuple[list[str], list[str]]] = {}
    pin_hash = "$2b$04$" + "x" * 53  # never used to sign in
    staff_no = 2000
    for cid, name, city, tz, cur, rate, _prices in chain:
        conn.execute("INSERT INTO cinemas (id, name, city, timezone, currency) VALUES (?, ?, ?, ?, ?)", (cid, name, city, tz, cur))
        conn.execute("INSERT INTO price_lists (id, name, currency, tax_rate_bp) VALUES (?, ?, ?, ?)", (f"pl-{cid}", f"{name} prices", cur, rate))
        for h in range(HALLS_PER_CINEMA):
            conn.execute("INSERT INTO halls (id, cinema_id, name, layout, seat_count) VALUES (?, ?, ?, ?, ?)",
                         (f"{cid}-h{h + 1}", cid, f"Screen {h + 1}", json.dumps(layout), SEATS_PER_HALL))
        ids = []
        for _ in range(STAFF_PER_CINEMA):
            staff_no += 1
            cur_ = conn.execute(
                "INSERT INTO staff (staff_number, name, role, pin_hash) VALUES (?, ?, 'cashier', ?)",
                (str(staff_no), f"Cashier {staff_no}", pin_hash))
            ids.append(cur_.lastrowid)
        staff_ids[cid] = ids
        kiosks[cid] = ([f"{cid}-counter-{k}" for k in (1, 2, 3)], [f"{cid}-self-{k}" for k in (1, 2)])
    for cid, *_rest, prices in chain:
        conn.executemany(
            "INSERT INTO prices (price_list_id, seat_type, ticket_type, amount_minor) VALUES (?, ?, ?, ?)",
            [(f"pl-{cid}", st, tt, base * f // 100) for st, base in zip(("standard", "premium"), prices,
                                                                         strict=True)
             for tt, f in TICKET_FACTORS.items()],
        )
    for f in range(FILMS):
        conn.execute("INSERT INTO films (id, title, language, certificate, runtime_min) VALUES (?, ?, ?, ?, ?)",
                     (f"bench-film-{f + 1}", f"Bench Feature {f + 1}", ("Hindi", "Telugu", "English")[f % 3],
                      ("U", "UA", "A")[f % 3], 100 + 5 * f))
    # Shows: (show_id, cinema index, local day, hour)
    shows = []
    show_rows = []
    for d in range(days):
        day = first + timedelta(days=d)
        for ci, (cid, _n, _c, tz, *_x) in enumerate(chain):
            for h in range(HALLS_PER_CINEMA):
                film = f"bench-film-{(d + ci + h) % FILMS + 1}"
                for hour in SHOW_HOURS:
                    sid = f"{cid}-{day.isoformat()}-h{h + 1}-{hour}"
                    starts = local_moment(tz, day, hour, 0)
                    show_rows.append((sid, film, f"{cid}-h{h + 1}", to_iso(starts), f"pl-{cid}", "scheduled"))
                    shows.append((sid, ci, day, hour))
    conn.executemany("INSERT INTO shows (id, film_id, hall_id, starts_at, price_list_id, status) VALUES (?, ?, ?, ?, ?, ?)", show_rows)
    conn.execute("COMMIT")

    if fast:
        n_booking, n_tickets, n_refunds = _fill_sql(conn, chain, shows, bookings, staff_ids,
                                                    kiosks, local_moment, seed)
    per_show, extra = divmod(0 if fast else bookings, len(shows))
    price_tables = {
        cid: {(st, tt): base * f // 100 for st, base in zip(("standard", "premium"), prices, strict=True)
              for tt, f in TICKET_FACTORS.items()}
        for cid, *_r, prices in chain
    }
    party_sizes = (1, 2, 2, 2, 3, 3, 4, 4, 5, 6)
    ticket_pick = ("adult",) * 7 + ("child", "senior", "student")
    b_rows, bs_rows, ss_rows, r_rows = [], [], [], []
    carry = 0
    if not fast:
        n_booking = n_tickets = n_refunds = 0

    def flush() -> None:
        conn.execute("BEGIN")
        conn.executemany(_INSERT_BOOKING, b_rows)
        conn.executemany("INSERT INTO booking_seats (booking_id, seat_code, seat_type, ticket_type, price_minor, tax_minor, refunded) VALUES (?, ?, ?, ?, ?, ?, ?)", bs_rows)
        conn.executemany("INSERT INTO seat_sales (show_id, seat_code, booking_id) VALUES (?, ?, ?)", ss_rows)
        conn.executemany(
            "INSERT INTO refunds (booking_id, seats, amount_minor, tax_minor, currency, method, reason, "
            "state, requested_by, decided_by, kiosk_id, created_at, business_date, decided_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r_rows)
        conn.execute("COMMIT")
        for rows in (b_rows, bs_rows, ss_rows, r_rows):
            rows.clear()

    for si, (sid, ci, day, hour) in enumerate(shows):
        cid, _n, _c, tz, cur, rate, _p = chain[ci]
        prices = price_tables[cid]
        counters, selfs = kiosks[cid]
        count = per_show + (1 if si < extra else 0) + carry
        carry = 0
        next_seat = 0
        show_start = local_moment(tz, day, hour, 0)
        made = 0
        while made < count:
            if next_seat >= SEATS_PER_HALL:  # sold out: the rest go to the next show
                carry = count - made
                break
            size = min(party_sizes[pick(10)], SEATS_PER_HALL - next_seat)
            codes = seats[next_seat:next_seat + size]
            next_seat += size
            channel_roll = rng.random()
            if channel_roll < 0.6:
                channel, kiosk, staff = "counter", counters[pick(3)], staff_ids[cid][pick(STAFF_PER_CINEMA)]
            elif channel_roll < 0.85:
                channel, kiosk, staff = "self-service", selfs[pick(2)], None
            else:
                channel, kiosk, staff = "online", "ONLINE", None
            # Sold on the day of the show (80 %) or the day before, between 08:00 and start - 10 min.
            sale_day = day if rng.random() < 0.8 else day - timedelta(days=1)
            if sale_day == day:
                span = max(1, (hour - 8) * 60 - 10)
            else:
                span = 15 * 60
            minute = pick(span)
            created = local_moment(tz, sale_day, 8, 0) + timedelta(minutes=minute, seconds=pick(60))
            created = min(created, show_start - timedelta(minutes=1))
            business = created.astimezone(ZoneInfo(tz)).date().isoformat()
            created_iso = to_iso(created)
            bid = f"{rng.getrandbits(128):032x}"
            lines = []
            for code, seat_type in codes:
                tt = "adult" if channel == "online" else ticket_pick[pick(10)]
                price = prices[(seat_type, tt)]
                lines.append((code, seat_type, tt, price, tax_included(price, rate)))
            total = sum(line[3] for line in lines)
            tax = sum(line[4] for line in lines)
            cash = channel == "counter" and rng.random() < 0.45
            method = "cash" if cash else "card"
            tendered = -(-total // 10000) * 10000 if cash else None
            roll = rng.random()
            refunded_codes: list = []
            refund_state = "completed"
            if lines and roll < 0.03:
                refunded_codes = lines
            elif len(lines) > 1 and roll < 0.04:
                refunded_codes = lines[-1:]
            elif lines and roll < 0.042:
                refunded_codes, refund_state = lines, "pending_approval"
            exchange = (channel == "counter" and 0.042 <= roll < 0.047 and made + 1 < count
                        and next_seat + len(lines) <= SEATS_PER_HALL)
            refunded_set = {c[0] for c in refunded_codes} if refund_state == "completed" else set()
            ref_amount = sum(c[3] for c in refunded_codes)
            if refund_state == "completed" and refunded_codes:
                state = "refunded" if len(refunded_set) == len(lines) else "partially_refunded"
                refunded_minor = ref_amount
            else:
                state, refunded_minor = ("exchanged" if exchange else "confirmed"), 0
            b_rows.append((
                bid, _reference(n_booking), f"{rng.getrandbits(128):032x}", sid, channel, kiosk, staff,
                None, "", cur, total, tax, 0, refunded_minor, method,
                None if cash else f"{pick(10000):04d}", tendered,
                (tendered - total) if cash else None, state, "synced", None, created_iso, business,
                created_iso, None,
            ))
            n_booking += 1
            made += 1
            for code, seat_type, tt, price, line_tax in lines:
                refunded = code in refunded_set
                bs_rows.append((bid, code, seat_type, tt, price, line_tax, 1 if refunded else 0))
                if not refunded and not exchange:
                    ss_rows.append((sid, code, bid))
            n_tickets += len(lines)
            if exchange:  # moved to the next seats along at the same price, nothing to pay
                new_id = f"{rng.getrandbits(128):032x}"
                moved = seats[next_seat:next_seat + len(lines)]
                next_seat += len(lines)
                when = min(created + timedelta(minutes=rng.randrange(5, 60)),
                           show_start - timedelta(minutes=1))
                when_iso = to_iso(when)
                b_rows.append((
                    new_id, _reference(n_booking), f"{rng.getrandbits(128):032x}", sid, channel,
                    kiosk, staff, None, "", cur, total, tax, 0, 0, method,
                    None if cash else f"{pick(10000):04d}", None, None, "confirmed",
                    "synced", bid, when_iso, when.astimezone(ZoneInfo(tz)).date().isoformat(),
                    when_iso, 0,
                ))
                n_booking += 1
                made += 1
                for (code, seat_type), line in zip(moved, lines, strict=True):
                    bs_rows.append((new_id, code, seat_type, line[2], line[3], line[4], 0))
                    ss_rows.append((sid, code, new_id))
                n_tickets += len(lines)
            if refunded_codes:
                when = created + timedelta(minutes=rng.randrange(5, 120))
                when = min(when, show_start - timedelta(minutes=1))
                r_rows.append((
                    bid, json.dumps([c[0] for c in refunded_codes]), ref_amount,
                    sum(c[4] for c in refunded_codes), cur, method, "customer request", refund_state,
                    staff_ids[cid][pick(STAFF_PER_CINEMA)],
                    None if refund_state != "completed" else None, counters[pick(3)],
                    to_iso(when), when.astimezone(ZoneInfo(tz)).date().isoformat(), None,
                ))
                n_refunds += 1
        if len(b_rows) >= 50_000:
            flush()
    if not fast:
        flush()
    for _name, sql in deferred:
        conn.execute(sql)
    conn.execute("BEGIN")
    fill_report_sums(conn)
    for _name, sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    last = first + timedelta(days=days - 1)
    info = GeneratedInfo(
        bookings=n_booking, tickets=n_tickets, refunds=n_refunds, first_date=first.isoformat(),
        last_date=last.isoformat(), report_date=(first + timedelta(days=days // 2)).isoformat(),
        seconds=round(time.perf_counter() - started, 1),
    )
    conn.execute("BEGIN")
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (SETTINGS_KEY, json.dumps(asdict(info))))
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file to rename and cache
    conn.close()
    return info

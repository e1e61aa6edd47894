"""The kept report sums (migrations 0032, 0033) give exactly the reports of the straightforward queries.

The fast path reads ``report_day_sums``, kept by triggers in the same transaction as each sale
and refund; the live path reads every booking of the range. Both run here on small random worlds
(sales, partial and full refunds, refunds waiting for approval then approved or rejected,
exchanges, a conflict, moved refund dates) and on the bench generator's chain (several
currencies and time zones, one with daylight saving), and must agree to the last paisa.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from kiosk.domain.errors import KioskError
from kiosk.domain.layout import layout_from_json
from kiosk.services import reports as reports_module
from kiosk.services.models import Payment
from tests.factories import insert_open_shift

CARD = Payment("card", card_last4="4242")


def _tables(report) -> dict:  # money by tender and offers too (kept since migration 0033)
    return {t.name: (t.columns, t.rows) for t in (*report.tables, *report.extra_tables)}


def _both(monkeypatch, reports, actor, start, end, cinema=None):
    fast = reports.daily_sales(actor, start, end, cinema_id=cinema)
    with monkeypatch.context() as m:
        m.setattr(reports_module, "_has_sums", lambda conn: False)
        m.setattr(reports_module, "_has_kept", lambda conn: False)
        live = reports.daily_sales(actor, start, end, cinema_id=cinema)
    return fast, live


def _sums_match_their_view(conn) -> None:
    kept = {tuple(r[:7]): tuple(r[7:]) for r in conn.execute("SELECT * FROM report_day_sums")}
    truth = {tuple(r[:7]): tuple(r[7:]) for r in conn.execute("SELECT * FROM report_day_sums_source")}
    assert {k: v for k, v in kept.items() if any(v)} == truth
    for table, key in (("report_day_tenders", 5), ("report_day_offers", 6)):  # migration 0033
        kept = {tuple(r[:key]): tuple(r[key:]) for r in conn.execute(f"SELECT * FROM {table}")}  # noqa: S608
        truth = {tuple(r[:key]): tuple(r[key:])
                 for r in conn.execute(f"SELECT * FROM {table}_source")}  # noqa: S608
        assert {k: v for k, v in kept.items() if any(v)} == truth, table


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kept_sums_equal_the_live_report_after_random_trading(services, clock, monkeypatch, seed):
    rng = random.Random(seed)  # the services fixture holds the test world (tests/factories)
    cashier = services.auth.sign_in("1001", "1234")
    insert_open_shift(services.deps.db, cashier.staff_id, cashier.kiosk_id, clock)
    manager = services.auth.sign_in("9001", "9999")
    kiosk = services.auth.self_service_actor()
    conn = services.deps.conn
    refs: list[str] = []
    with conn:  # refunds over 600.00 wait for a manager: approved or rejected below
        conn.execute("UPDATE cinemas SET cashier_refund_limit_minor = 60000")
    seats_of = {sid: [s.code for s in layout_from_json(lay).seats.values()
                           if s.type in ("standard", "premium", "recliner")]
                for sid, lay in conn.execute("SELECT s.id, h.layout FROM shows s JOIN halls h ON h.id = s.hall_id")}

    def free(show: str, n: int) -> list[str]:
        sold = {r[0] for r in conn.execute("SELECT seat_code FROM seat_sales WHERE show_id = ?", (show,))}
        return rng.sample([c for c in seats_of[show] if c not in sold], n)

    for _ in range(60):
        roll = rng.random()
        try:
            if roll < 0.45:
                seller = cashier if rng.random() < 0.7 else kiosk
                show = rng.choice(["show-future", "show-later"])
                seats = free(show, rng.randint(1, 3))
                cash = seller is cashier and rng.random() < 0.5
                pay = Payment("cash", tendered_minor=10**7) if cash else CARD
                hold = services.booking.hold(seller, show, seats)
                kinds = {s: rng.choice(["adult", "child", "senior"]) for s in seats}
                refs.append(services.booking.confirm(seller, hold.hold_id, kinds, pay).reference)
            elif roll < 0.6 and refs:
                ref = rng.choice(refs)
                lines = [ln.seat_code for ln in services.booking.get(ref).lines if not ln.refunded]
                services.booking.refund(cashier, ref, lines[:1] if rng.random() < 0.5 else None,
                                        "customer_request")
            elif roll < 0.7 and refs:
                hold = services.booking.hold(cashier, "show-later", free("show-later", 2))
                try:
                    refs.append(services.booking.exchange(
                        cashier, rng.choice(refs), hold.hold_id, {},
                        Payment("cash", tendered_minor=10**7)).reference)
                except KioskError:
                    services.booking.release(hold.hold_id)
                    raise
            elif roll < 0.8:
                pending = [r[0] for r in conn.execute(
                    "SELECT id FROM refunds WHERE state = 'pending_approval' ORDER BY id")]
                if pending:
                    if rng.random() < 0.6:
                        services.booking.approve_refund(manager, rng.choice(pending))
                    else:
                        services.booking.reject_refund(manager, rng.choice(pending), "no")
            else:
                clock.advance(minutes=rng.randint(5, 40))
        except KioskError:
            pass  # refusals (seat taken, show started, nothing left to refund) change nothing
    with conn:  # what other paths do to the rows: a lost race, a refund moved to another day
        conn.execute("UPDATE bookings SET state = 'conflict' WHERE rowid = (SELECT MIN(rowid) FROM bookings)")
        conn.execute("UPDATE refunds SET business_date = date(business_date, '+1 day') "
                     "WHERE id = (SELECT MAX(id) FROM refunds)")
    states = {r[0] for r in conn.execute("SELECT state FROM refunds")}
    assert "completed" in states and conn.execute(
        "SELECT COUNT(*) FROM bookings WHERE exchanged_from IS NOT NULL").fetchone()[0]
    _sums_match_their_view(conn)
    first, last = conn.execute("SELECT MIN(business_date), MAX(business_date) FROM "
                               "(SELECT business_date FROM bookings UNION ALL "
                               "SELECT business_date FROM refunds)").fetchone()
    if first is None:
        return
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    fast, live = _both(monkeypatch, services.reports, manager, start, end)
    assert _tables(fast) == _tables(live)
    assert fast.totals.rows  # something was sold
    day = start
    while day <= end:
        fast, live = _both(monkeypatch, services.reports, manager, day, day)
        assert _tables(fast) == _tables(live), day
        day += timedelta(days=1)


@pytest.mark.parametrize("fast", [False, True])  # the Python loop, and the SQL of the chain bench
def test_kept_sums_equal_the_live_report_on_a_generated_chain(tmp_path, monkeypatch, fast):
    from kiosk.bench.actors import bench_manager
    from kiosk.bench.datagen import generate
    from kiosk.config import Config
    from kiosk.domain.clock import Clock
    from kiosk.services.deps import ServiceDeps
    from kiosk.services.reports import ReportService
    from kiosk.store.db import open_db

    info = generate(tmp_path / "chain.db", 4000, cinemas=6, fast=fast)  # copies of 4 zones and 3 currencies
    db = open_db(tmp_path / "chain.db")
    try:
        conn = db.conn
        _sums_match_their_view(conn)
        reports = ReportService(ServiceDeps(db=db, config=Config(db_path=tmp_path / "chain.db"),
                                            clock=Clock()))
        boss = bench_manager(conn)
        first, last = date.fromisoformat(info.first_date), date.fromisoformat(info.last_date)
        cinemas = [r[0] for r in conn.execute("SELECT id FROM cinemas ORDER BY id")]
        assert len(cinemas) == 6
        for start, end, cinema in ((first - timedelta(days=1), last, None), (info.report_day, info.report_day, None),
                                   (first, last, cinemas[2]), (info.report_day, info.report_day, cinemas[5])):
            fast, live = _both(monkeypatch, reports, boss, start, end, cinema)
            assert _tables(fast) == _tables(live), (start, end, cinema)
            assert len(fast.currencies) == (3 if cinema is None else 1)
    finally:
        db.conn.close()


def test_a_chain_report_over_several_days_lists_no_show_and_keeps_every_total(tmp_path,
                                                                              monkeypatch):
    """Every cinema over several days (issue 15: a chain's month has about 60,000 shows): the
    by-show table lists none and says how many sold; every other table and total is the one
    of the report that lists every show, and each cinema's row is that cinema's own report."""
    from kiosk.bench.actors import bench_manager
    from kiosk.bench.datagen import generate
    from kiosk.config import Config
    from kiosk.domain.clock import Clock
    from kiosk.services.deps import ServiceDeps
    from kiosk.services.reports import ReportService
    from kiosk.store.db import open_db

    info = generate(tmp_path / "chain.db", 1000, cinemas=5, fast=True)
    db = open_db(tmp_path / "chain.db")
    try:
        conn = db.conn
        reports = ReportService(ServiceDeps(db=db, config=Config(db_path=tmp_path / "chain.db"),
                                            clock=Clock()))
        boss = bench_manager(conn)
        first, last = date.fromisoformat(info.first_date), date.fromisoformat(info.last_date)
        assert first < last
        chain = reports.daily_sales(boss, first, last)
        sold = conn.execute("SELECT COUNT(DISTINCT show_id) FROM bookings WHERE business_date "
                            "BETWEEN ? AND ?", (first.isoformat(), last.isoformat())).fetchone()[0]
        assert chain.by_show.rows == () and chain.shows_left_out == sold > 100
        assert f"{sold:,} shows sold tickets" in chain.by_show.title
        with monkeypatch.context() as m:  # the same report listing every show
            m.setattr(reports_module, "lists_shows", lambda *_: True)
            every = reports.daily_sales(boss, first, last)
        assert len(every.by_show.rows) >= sold and every.shows_left_out == 0
        same = {name: table for name, table in _tables(every).items() if name != "by_show"}
        assert {name: table for name, table in _tables(chain).items() if name != "by_show"} == same
        fast, live = _both(monkeypatch, reports, boss, first, last)  # the kept sums and the rows
        assert _tables(fast) == _tables(live) and live.shows_left_out == sold
        # each cinema's row is its own report's totals, and they add up to the chain's
        measures = [c.key for c in chain.by_cinema.columns[2:]]
        added = {cur: dict.fromkeys(measures, 0) for cur in chain.currencies}
        for cinema_id, name in conn.execute("SELECT id, name FROM cinemas"):
            own = reports.daily_sales(boss, first, last, cinema_id=cinema_id)
            assert own.by_show.rows and own.shows_left_out == 0  # one cinema: every show
            for row in own.totals.as_dicts():
                mine = next(r for r in chain.by_cinema.as_dicts()
                            if r["cinema"] == name and r["currency"] == row["currency"])
                assert {k: mine[k] for k in measures} == {k: row[k] for k in measures}
                for k in measures:
                    added[row["currency"]][k] += row[k]
        assert added == {cur: {k: chain.total(cur)[k] for k in measures} for cur in chain.currencies}
        day = reports.daily_sales(boss, info.report_day)  # one day of the chain: every show
        assert day.by_show.rows and day.shows_left_out == 0
    finally:
        db.conn.close()

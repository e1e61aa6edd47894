"""The shape of the hot path: how many statements a sale runs, and that the show cache is safe.

Timings are too noisy on a shared machine to assert; statement counts are exact and are what the
confirm-rate work cut (14 statements + a 2-query summary before, see the commit message). The
cache tests prove a catalogue edit is seen by the next sale, whether made on the kiosk's own
connection (TEMP triggers) or by another connection (``PRAGMA data_version``).
"""

from __future__ import annotations

import re

import pytest

from kiosk.domain.errors import InvalidInput, SeatsUnavailable, ShowNotOnSale
from kiosk.services.models import Payment
from kiosk.store.db import connect, transaction
from tests.factories import insert_open_shift

CARD = Payment("card", card_last4="4242")


@pytest.fixture
def cashier(services, clock):
    actor = services.auth.sign_in("1001", "1234")
    insert_open_shift(services.deps.db, actor.staff_id, actor.kiosk_id, clock)
    return services.auth.sign_in("1001", "1234")


def _statements(services, fn):
    """Run ``fn`` and return the SQL statements it executed (top level, not trigger bodies)."""
    seen: list[str] = []
    conn = services.deps.conn
    conn.set_trace_callback(seen.append)
    try:
        result = fn()
    finally:
        conn.set_trace_callback(None)
    return result, [s for s in seen if not s.startswith("--")]


def _shapes(statements):
    """Statements with their literals taken out; executemany traces one line per row."""
    out: list[str] = []
    for s in statements:
        shape = re.sub(r"'[^']*'|\b\d+\b", "?", re.sub(r"\s+", " ", s))
        if not (out and out[-1] == shape and shape.startswith("INSERT")):
            out.append(shape)
    return out


def _kinds(statements):
    return [re.sub(r"\s+", " ", s).split(" ")[0].upper() for s in statements]


def test_confirm_runs_one_transaction_of_few_statements(services, cashier):
    for seats in (["A1"], ["A2"]):  # warm the show cache and the sold count
        services.booking.confirm(
            cashier, services.booking.hold(cashier, "show-future", seats).hold_id, {}, CARD)
    hold = services.booking.hold(cashier, "show-future", ["B1", "B2"])
    booking, seen = _statements(
        services, lambda: services.booking.confirm(cashier, hold.hold_id, {}, CARD, "a@b.in"))
    kinds = _kinds(seen)
    assert kinds.count("BEGIN") == 1 and kinds.count("COMMIT") == 1
    begin, commit = kinds.index("BEGIN"), kinds.index("COMMIT")
    inside = _shapes(seen[begin + 1:commit])
    # hold rows (with the cloud-sold flag), catalogue check, shift, booking, tenders, lines,
    # sold-count mark, seat sales, hold delete, audit, outbox confirm + notify: 12 (measured 9
    # here). Issue 11 added the tenders: ONE executemany INSERT however many tenders were taken
    # (the booking's payment split is its own table). Not one per seat nor per tender.
    assert len(inside) <= 12, inside
    assert sum(s.startswith("INSERT INTO booking_tenders") for s in inside) == 1, inside
    assert not any("FROM prices" in s or "JOIN films" in s for s in seen), "catalogue re-read"
    assert [s.split()[0] for s in seen[commit + 1:]] == ["PRAGMA"], "the reply recounted"
    assert booking.show.from_price_minor > 0 and booking.show.seats_left > 0
    assert [line.seat_code for line in booking.lines] == ["B1", "B2"]


def test_hold_runs_few_statements(services, cashier):
    services.booking.hold(cashier, "show-future", ["A1"])
    _hold, seen = _statements(services, lambda: services.booking.hold(cashier, "show-future",
                                                                      ["C1", "C2", "C3"]))
    # cache check, pre-check; BEGIN, cache-free re-check, expired take-over, insert, COMMIT
    assert len(_shapes(seen)) <= 7, seen
    assert _kinds(_shapes(seen)).count("INSERT") == 1  # executemany: one statement for all seats


def test_no_statement_of_a_sale_scans_a_stored_table(services, cashier):
    """Hold and confirm, cash and card, stay index lookups however much history the kiosk has."""
    services.booking.confirm(cashier, services.booking.hold(cashier, "show-future", ["A1"]).hold_id,
                             {}, CARD)
    conn = services.deps.conn
    seen: list[str] = []
    for seats, payment in ((["B1", "B2"], CARD), (["C1"], Payment("cash", tendered_minor=100_000))):
        _booking, statements = _statements(services, lambda seats=seats, payment=payment: (
            services.booking.confirm(cashier, services.booking.hold(
                cashier, "show-future", seats).hold_id, {}, payment, "a@b.in")))
        seen += statements
    data = [s for s in seen if _kinds([s])[0] not in ("BEGIN", "COMMIT", "PRAGMA")]
    assert any("FROM shifts" in s for s in data)  # the open-shift lookup is among them
    for statement in data:
        plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + statement)]
        scans = [p for p in plan if p.startswith("SCAN") and "json_each" not in p]
        assert not scans, (statement, plan)


def test_refund_and_exchange_free_seats_by_key_not_by_scanning_sales(services, cashier):
    """seat_sales has no index by booking (it would cost every confirm a page): freeing a
    booking's seats goes through its lines and the (show, seat) key, and frees exactly them."""
    book = lambda seats: services.booking.confirm(  # noqa: E731
        cashier, services.booking.hold(cashier, "show-future", seats).hold_id, {}, CARD)
    first, second = book(["B1", "B2", "B3"]), book(["C1", "C2"])
    _result, refund = _statements(services, lambda: services.booking.refund(
        cashier, first.reference, ["B2"], reason="customer_request"))
    _new, exchange = _statements(services, lambda: services.booking.exchange(
        cashier, second.reference, services.booking.hold(cashier, "show-future", ["D1", "D2"]).hold_id,
        {}))
    conn = services.deps.conn
    # (The trace repeats a statement for each TEMP trigger run it causes.)
    frees = list(dict.fromkeys(s for s in refund + exchange if s.startswith("DELETE FROM seat_sales")))
    assert len(frees) == 2, frees
    for statement in frees:
        plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + statement)]
        assert any("seat_sales" in p and "show_id=? AND seat_code=?" in p for p in plan), plan
    sold = {r[0] for r in conn.execute("SELECT seat_code FROM seat_sales WHERE show_id = 'show-future'")}
    assert {"B1", "B3", "D1", "D2"} <= sold and not sold & {"B2", "C1", "C2"}


def test_the_gate_sees_a_held_sale_in_layout_order(services, cashier, monkeypatch):
    """Hold rows come back by code (B10 before B9); a refusal names seats as a person reads them."""
    from kiosk.services.gate import SaleClaim

    seen = []

    def claim_sale(hold, booking_id, record):
        seen.append(hold.seats)
        return SaleClaim()

    monkeypatch.setattr(services.booking.gate, "claim_sale", claim_sale)
    hold = services.booking.hold(cashier, "show-future", ["B10", "B9"])
    sold = services.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert seen == [("B9", "B10")]
    assert [line.seat_code for line in sold.lines] == ["B9", "B10"]


def test_seat_checks_probe_seats_not_the_whole_show(services):
    """Checking two seats must not walk every sale and hold of a 20,000-seat show."""
    from kiosk.services.booking_holds import _UNAVAILABLE_SEATS_SQL
    from kiosk.services.booking_queries import _HOLD_ROWS_SQL

    conn = services.deps.conn
    plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + _UNAVAILABLE_SEATS_SQL,
                                       ("show-future", "now", "K", None, '["B1"]'))]
    searches = [p for p in plan if p.startswith("SEARCH")]
    assert len(searches) == 3 and all("seat_code=?" in p for p in searches), plan
    plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + _HOLD_ROWS_SQL, ("h",))]
    assert any("remote_seats" in p and "seat_code=?" in p for p in plan), plan


def test_price_edit_on_the_same_connection_is_seen_by_the_next_sale(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    before = services.booking.quote(hold.hold_id, {}).total_minor
    with transaction(services.deps.conn) as conn:
        conn.execute("UPDATE prices SET amount_minor = amount_minor + 100 "
                     "WHERE price_list_id = 'pl-test'")
    booking = services.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert booking.total_minor == before + 100


def test_edit_by_another_connection_is_seen(services, cashier, config):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    other = connect(config.db_path)
    try:
        with transaction(other):
            other.execute("UPDATE shows SET status = 'cancelled' WHERE id = 'show-future'")
    finally:
        other.close()
    with pytest.raises(ShowNotOnSale):
        services.booking.confirm(cashier, hold.hold_id, {}, CARD)


def test_rolled_back_edit_is_not_cached(services, cashier):
    """An edit read inside someone else's transaction, then rolled back, must not linger."""
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    before = services.booking.quote(hold.hold_id, {}).total_minor
    conn = services.deps.conn
    with pytest.raises(RuntimeError), transaction(conn):
        conn.execute("UPDATE prices SET amount_minor = 1 WHERE price_list_id = 'pl-test'")
        assert services.booking.quote(hold.hold_id, {}).total_minor != before
        raise RuntimeError("give up")
    assert services.booking.quote(hold.hold_id, {}).total_minor == before
    assert services.booking.confirm(cashier, hold.hold_id, {}, CARD).total_minor == before


def test_removed_price_refuses_the_sale(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    services.booking.quote(hold.hold_id, {})
    with transaction(services.deps.conn) as conn:
        conn.execute("DELETE FROM prices WHERE price_list_id = 'pl-test' AND ticket_type = 'adult'")
    with pytest.raises(InvalidInput):
        services.booking.confirm(cashier, hold.hold_id, {}, CARD)


def test_local_sale_behind_the_holds_back_is_named(services, cashier):
    """The seat_sales primary key, not a pre-read, stops a second local sale of a seat."""
    hold = services.booking.hold(cashier, "show-future", ["B1", "B2"])
    other = services.booking.hold(cashier, "show-future", ["C1"])
    sold = services.booking.confirm(cashier, other.hold_id, {}, CARD)
    with transaction(services.deps.conn) as conn:  # e.g. a re-seat from the conflict queue
        conn.execute("INSERT INTO seat_sales (show_id, seat_code, booking_id) "
                     "VALUES ('show-future', 'B2', ?)", (sold.booking_id,))
    with pytest.raises(SeatsUnavailable) as err:
        services.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert err.value.seats == ("B2",)
    assert services.deps.conn.execute(
        "SELECT COUNT(*) FROM bookings WHERE idempotency_key = ?", (hold.hold_id,)).fetchone()[0] == 0


# ---------------------------------------------------------------- Booking.paid_minor / exchanged_from
def test_sale_reply_and_read_back_carry_paid_and_origin(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1", "B2"])
    sold = services.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert sold.paid_minor == sold.total_minor == 50000 and sold.exchanged_from is None
    assert services.booking.get(sold.reference) == sold  # the reply is what is stored
    assert services.booking.confirm(cashier, hold.hold_id, {}, CARD) == sold  # a retry too


def test_exchange_reply_and_read_back_carry_paid_and_origin(services, cashier):
    old = services.booking.confirm(
        cashier, services.booking.hold(cashier, "show-future", ["B1", "B2"]).hold_id, {}, CARD)
    dearer = services.booking.hold(cashier, "show-later", ["E1", "E2"])  # premium 700.00
    new = services.booking.exchange(cashier, old.reference, dearer.hold_id, {}, CARD)
    assert (new.total_minor, new.paid_minor, new.exchanged_from) == (70000, 20000, old.booking_id)
    assert services.booking.get(new.reference) == new
    cheaper = services.booking.hold(cashier, "show-future", ["C1"])
    newest = services.booking.exchange(cashier, new.reference, cheaper.hold_id, {})
    assert (newest.paid_minor, newest.exchanged_from) == (0, new.booking_id)
    assert services.booking.get_by_id(newest.booking_id) == newest


def test_paid_defaults_to_total_for_rows_without_it(services, cashier):
    """``bookings.paid_minor`` NULL (rows written before the column was filled) means the total."""
    sold = services.booking.confirm(
        cashier, services.booking.hold(cashier, "show-future", ["B1"]).hold_id, {}, CARD)
    with transaction(services.deps.conn) as conn:
        conn.execute("UPDATE bookings SET paid_minor = NULL WHERE id = ?", (sold.booking_id,))
    assert services.booking.get(sold.reference).paid_minor == sold.total_minor == 25000


# ---------------------------------------------------------------- seats left, kept not recounted
def _seats_left(services, booking):
    """Seats left as the reply would say now, against a fresh count in SQL."""
    fresh = services.deps.conn.execute(
        "SELECT COUNT(*) FROM seat_sales WHERE show_id = 'show-future'").fetchone()[0]
    remote = services.deps.conn.execute(
        "SELECT COUNT(*) FROM remote_seats WHERE show_id = 'show-future' AND state = 'sold'"
    ).fetchone()[0]
    got = services.booking.get(booking.reference).show
    return got.seats_left, got.seats_total - fresh - remote


def test_seats_left_stays_exact_through_sales_refunds_pulls_and_rollbacks(services, cashier, config):
    book = services.booking
    first = book.confirm(cashier, book.hold(cashier, "show-future", ["A1", "A2"]).hold_id, {}, CARD)
    total = first.show.seats_total
    assert first.show.seats_left == total - 2
    second = book.confirm(cashier, book.hold(cashier, "show-future", ["A3"]).hold_id, {}, CARD)
    assert second.show.seats_left == total - 3  # kept: old count + 1
    book.refund(cashier, first.reference, ["A1"], reason="customer_request")  # same connection, not a sale
    got, fresh = _seats_left(services, second)
    assert got == fresh == total - 2
    conn = services.deps.conn
    with pytest.raises(RuntimeError), transaction(conn):  # rolled back: must not count
        conn.execute("INSERT INTO seat_sales (show_id, seat_code, booking_id) "
                     "VALUES ('show-future', 'Z9', ?)", (second.booking_id,))
        raise RuntimeError
    assert _seats_left(services, second) == (total - 2, total - 2)
    with transaction(conn):  # a pull from the cloud on this connection
        conn.execute("INSERT INTO remote_seats (show_id, seat_code, state, booking_id, pulled_at) "
                     "VALUES ('show-future', 'C5', 'sold', 'web-1', '2026-11-25T12:00:00+00:00')")
    third = book.confirm(cashier, book.hold(cashier, "show-future", ["D1"]).hold_id, {}, CARD)
    assert third.show.seats_left == total - 4
    other = connect(config.db_path)  # another process sells
    try:
        with transaction(other):
            other.execute("INSERT INTO seat_sales (show_id, seat_code, booking_id) "
                          "VALUES ('show-future', 'D2', ?)", (third.booking_id,))
    finally:
        other.close()
    fourth = book.confirm(cashier, book.hold(cashier, "show-future", ["D3"]).hold_id, {}, CARD)
    assert fourth.show.seats_left == total - 6
    assert _seats_left(services, fourth) == (total - 6, total - 6)


def test_failed_sale_leaves_the_count_exact(services, cashier):
    book = services.booking
    hold = book.hold(cashier, "show-future", ["B1", "B2"])
    sold = book.confirm(cashier, book.hold(cashier, "show-future", ["C1"]).hold_id, {}, CARD)
    with transaction(services.deps.conn) as conn:
        conn.execute("INSERT INTO seat_sales (show_id, seat_code, booking_id) "
                     "VALUES ('show-future', 'B2', ?)", (sold.booking_id,))
    with pytest.raises(SeatsUnavailable):  # B1 inserted, B2 refused, all rolled back
        book.confirm(cashier, hold.hold_id, {}, CARD)
    after = book.confirm(cashier, book.hold(cashier, "show-future", ["C2"]).hold_id, {}, CARD)
    assert after.show.seats_left == after.show.seats_total - 3

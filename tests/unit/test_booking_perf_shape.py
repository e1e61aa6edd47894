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
    services.booking.hold(cashier, "show-future", ["A1"])  # warm the show cache
    hold = services.booking.hold(cashier, "show-future", ["B1", "B2"])
    booking, seen = _statements(
        services, lambda: services.booking.confirm(cashier, hold.hold_id, {}, CARD, "a@b.in"))
    kinds = _kinds(seen)
    assert kinds.count("BEGIN") == 1 and kinds.count("COMMIT") == 1
    begin, commit = kinds.index("BEGIN"), kinds.index("COMMIT")
    inside = _shapes(seen[begin + 1:commit])
    # hold rows (with the cloud-sold flag), catalogue check, shift, booking, lines, seat sales,
    # hold delete, audit, outbox confirm + notify: 10. Not one statement per seat.
    assert len(inside) <= 10, inside
    assert not any("FROM prices" in s or "JOIN films" in s for s in seen), "catalogue re-read"
    assert len(seen) - commit - 1 <= 1, "the reply reads only the seats-left count"
    assert booking.show.from_price_minor > 0 and booking.show.seats_left > 0
    assert [line.seat_code for line in booking.lines] == ["B1", "B2"]


def test_hold_runs_few_statements(services, cashier):
    services.booking.hold(cashier, "show-future", ["A1"])
    _hold, seen = _statements(services, lambda: services.booking.hold(cashier, "show-future",
                                                                      ["C1", "C2", "C3"]))
    # cache check, pre-check; BEGIN, cache-free re-check, expired take-over, insert, COMMIT
    assert len(_shapes(seen)) <= 7, seen
    assert _kinds(_shapes(seen)).count("INSERT") == 1  # executemany: one statement for all seats


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

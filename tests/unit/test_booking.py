"""Holds, quotes, confirm and look-up: the happy paths and every refusal."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from kiosk.domain.clock import to_iso
from kiosk.domain.errors import (
    HoldExpired,
    InvalidInput,
    NotFound,
    PaymentError,
    PermissionDenied,
    SeatsUnavailable,
    ShowNotOnSale,
)
from kiosk.domain.money import tax_included
from kiosk.services.booking import BookingService
from kiosk.services.gate import LocalGate
from kiosk.services.models import Payment, Role
from tests.factories import PRICES, TICKET_FACTORS, insert_open_shift

CARD = Payment("card", card_last4="4242")


@pytest.fixture
def cashier(services, clock):
    actor = services.auth.sign_in("1001", "1234")
    insert_open_shift(services.deps.db, actor.staff_id, actor.kiosk_id, clock)
    return services.auth.sign_in("1001", "1234")


@pytest.fixture
def kiosk(services):
    return services.auth.self_service_actor()


def count(services, table, where="1", params=()):
    return services.deps.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}", params).fetchone()[0]  # noqa: S608


# ---------------------------------------------------------------- hold
def test_hold_writes_one_row_per_seat_with_expiry(services, cashier, clock):
    hold = services.booking.hold(cashier, "show-future", ["C2", "B1", "B2"])
    assert hold.seats == ("B1", "B2", "C2")  # layout order
    assert hold.expires_at == clock.now() + timedelta(minutes=services.config.hold_minutes)
    assert hold.kiosk_id == cashier.kiosk_id
    rows = services.deps.conn.execute("SELECT seat_code, hold_id, kiosk_id FROM holds").fetchall()
    assert sorted(r[0] for r in rows) == ["B1", "B2", "C2"]
    assert {r[1] for r in rows} == {hold.hold_id}


def test_hold_unknown_show(services, cashier):
    with pytest.raises(NotFound):
        services.booking.hold(cashier, "no-such-show", ["B1"])


def test_hold_past_show(services, cashier):
    with pytest.raises(ShowNotOnSale, match="already started"):
        services.booking.hold(cashier, "show-past", ["B1"])


def test_hold_show_that_started_by_the_clock(services, cashier, clock):
    clock.advance(hours=3)
    with pytest.raises(ShowNotOnSale):
        services.booking.hold(cashier, "show-future", ["B1"])


def test_hold_cancelled_show(services, cashier):
    services.deps.conn.execute("UPDATE shows SET status = 'cancelled' WHERE id = 'show-future'")
    with pytest.raises(ShowNotOnSale, match="cancelled"):
        services.booking.hold(cashier, "show-future", ["B1"])


def test_hold_unknown_seats_named(services, cashier):
    with pytest.raises(InvalidInput) as err:
        services.booking.hold(cashier, "show-future", ["B1", "Z9", "B99"])
    assert "Z9" in str(err.value) and "B99" in str(err.value) and "B1," not in str(err.value)


@pytest.mark.parametrize("seats", [[], [f"D{i}" for i in range(1, 12)], "B1", None])
def test_hold_bad_quantities(services, cashier, seats):
    with pytest.raises(InvalidInput):
        services.booking.hold(cashier, "show-future", seats)
    assert count(services, "holds") == 0


def test_hold_max_seats_allowed(services, cashier):
    hold = services.booking.hold(cashier, "show-future", [f"D{i}" for i in range(1, 11)])
    assert len(hold.seats) == services.config.max_seats_per_booking == 10


def test_duplicate_seat_codes_collapse(services, cashier):
    assert services.booking.hold(cashier, "show-future", ["B1", "B1"]).seats == ("B1",)


def test_seat_held_elsewhere_is_unavailable_naming_exactly_those(services, cashier):
    other = services.auth.sign_in("1002", "2345")
    services.booking.hold(other, "show-future", ["B2", "B3"])
    with pytest.raises(SeatsUnavailable) as err:
        services.booking.hold(cashier, "show-future", ["B1", "B2", "B3", "B4"])
    assert err.value.seats == ("B2", "B3")
    assert count(services, "holds") == 2


def test_sold_seat_is_unavailable(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    services.booking.confirm(cashier, hold.hold_id, {}, CARD)
    with pytest.raises(SeatsUnavailable) as err:
        services.booking.hold(cashier, "show-future", ["B1", "B2"])
    assert err.value.seats == ("B1",)


def test_expired_hold_is_taken_over(services, cashier, clock):
    first = services.booking.hold(cashier, "show-future", ["B1", "B2"])
    clock.advance(minutes=services.config.hold_minutes, seconds=1)
    second = services.booking.hold(cashier, "show-future", ["B2", "B3"])
    rows = dict(services.deps.conn.execute("SELECT seat_code, hold_id FROM holds").fetchall())
    assert rows == {"B1": first.hold_id, "B2": second.hold_id, "B3": second.hold_id}
    with pytest.raises(HoldExpired):
        services.booking.get_hold(first.hold_id)


def test_remote_seats_sold_or_live_held_elsewhere(services, cashier, clock):
    now = clock.now()
    services.deps.conn.executemany(
        "INSERT INTO remote_seats (show_id, seat_code, state, kiosk_id, expires_at, pulled_at) "
        "VALUES ('show-future', ?, ?, ?, ?, ?)",
        [("C1", "sold", "WEB", None, to_iso(now)),
         ("C2", "held", "OTHER", to_iso(now + timedelta(minutes=2)), to_iso(now)),
         ("C3", "held", "OTHER", to_iso(now - timedelta(minutes=1)), to_iso(now)),
         ("C4", "allocated", "OTHER", None, to_iso(now)),
         ("C5", "allocated", cashier.kiosk_id, None, to_iso(now))],
    )
    with pytest.raises(SeatsUnavailable) as err:
        services.booking.hold(cashier, "show-future", ["C1", "C2", "C3", "C4", "C5"])
    assert err.value.seats == ("C1", "C2", "C4")
    assert services.booking.hold(cashier, "show-future", ["C3", "C5"]).seats == ("C3", "C5")


class RecordingGate(LocalGate):
    def __init__(self, sellable=None, refuse=()):
        self.claimed, self.released = [], []
        self.sellable, self.refuse = sellable, set(refuse)

    def claim_hold(self, hold):
        lost = [s for s in hold.seats if s in self.refuse]
        if lost:
            raise SeatsUnavailable(lost)
        self.claimed.append(hold)

    def release_hold(self, hold):
        self.released.append(hold)

    def offline_sellable(self, show_id):
        return self.sellable

    def refresh_seats(self, show_id, seats):
        return False


class StaleGate(RecordingGate):
    """The cloud has sold ``sold`` (this kiosk never pulled it); a read puts it in the picture."""

    def __init__(self, conn, sold, readable=True):
        super().__init__(refuse=sold)
        self.conn, self.readable, self.reads = conn, readable, []

    def refresh_seats(self, show_id, seats):
        self.reads.append(list(seats))
        if not self.readable:
            return False
        conn = self.conn
        conn.executemany("INSERT OR REPLACE INTO remote_seats (show_id, seat_code, state, "
                         "kiosk_id, pulled_at) VALUES (?, ?, 'sold', 'WEB', '')",
                         [(show_id, s) for s in seats if s in self.refuse])
        conn.commit()
        return True


def _all_pairs_but_the_last(services, clock):
    from kiosk.domain.spread import best_blocks

    info = services.booking._show_on_sale("show-future", clock.now())
    blocks = best_blocks(info.layout, set(), 2, False, 1000)
    return {s for block in blocks[:-1] for s in block}, blocks[-1]


def test_hold_best_refused_again_and_again_reads_its_next_blocks_and_finds_the_last_pair(
        services, cashier, clock):
    """A kiosk that has not pulled others' sales: after two lost races it reads the blocks it
    would try next in one go (issue 15); trying them one refused claim at a time, it gave up
    with a pair still free."""
    sold, last_pair = _all_pairs_but_the_last(services, clock)
    gate = StaleGate(services.deps.conn, sold)
    booking = BookingService(services.deps, gate)
    hold = booking.hold_best(cashier, "show-future", 2)
    assert list(hold.seats) == last_pair
    assert gate.reads and all(len(r) <= 100 for r in gate.reads)
    assert len(gate.claimed) == 1  # refused claims raise before they are recorded


def test_hold_best_whose_reads_fail_says_try_again_and_holds_nothing(services, cashier, clock):
    sold, last_pair = _all_pairs_but_the_last(services, clock)
    gate = StaleGate(services.deps.conn, sold | set(last_pair), readable=False)  # sold out
    booking = BookingService(services.deps, gate)
    with pytest.raises(SeatsUnavailable, match="try again"):
        booking.hold_best(cashier, "show-future", 2)
    assert gate.reads and not gate.claimed
    assert count(services, "holds") == 0


def test_offline_kiosk_sells_only_allocated_seats(services, cashier):
    gate = RecordingGate(sellable=frozenset({"B1", "B2"}))
    booking = BookingService(services.deps, gate)
    with pytest.raises(SeatsUnavailable, match="offline") as err:
        booking.hold(cashier, "show-future", ["B1", "B3"])
    assert err.value.seats == ("B3",)
    assert booking.hold(cashier, "show-future", ["B1", "B2"]).seats == ("B1", "B2")


def test_gate_claims_before_commit_and_refusal_leaves_nothing(services, cashier):
    gate = RecordingGate(refuse={"B2"})
    booking = BookingService(services.deps, gate)
    with pytest.raises(SeatsUnavailable) as err:
        booking.hold(cashier, "show-future", ["B1", "B2"])
    assert err.value.seats == ("B2",)
    assert count(services, "holds") == 0
    hold = booking.hold(cashier, "show-future", ["B1"])
    assert gate.claimed[-1] == hold


def test_gate_released_when_local_commit_fails(services, cashier, monkeypatch):
    gate = RecordingGate()
    booking = BookingService(services.deps, gate)
    original = booking._unavailable
    calls = []

    def race(conn, show_id, codes, kiosk_id, now, ignore_hold=None):
        calls.append(1)
        if len(calls) == 2:  # the re-check under the write lock: someone got there first
            return {"B1"}
        return original(conn, show_id, codes, kiosk_id, now, ignore_hold)

    monkeypatch.setattr(booking, "_unavailable", race)
    with pytest.raises(SeatsUnavailable):
        booking.hold(cashier, "show-future", ["B1"])
    assert len(gate.claimed) == 1 and gate.released == gate.claimed
    assert count(services, "holds") == 0


# ---------------------------------------------------------------- change / renew / release
def test_change_hold_toggles_seats_and_keeps_the_id(services, cashier, clock):
    gate = RecordingGate()
    booking = BookingService(services.deps, gate)
    hold = booking.hold(cashier, "show-future", ["B1", "B2"])
    clock.advance(minutes=2)
    changed = booking.change_hold(cashier, hold.hold_id, add=["B3"], remove=["B1"])
    assert changed.hold_id == hold.hold_id
    assert changed.seats == ("B2", "B3")
    assert changed.expires_at == clock.now() + timedelta(minutes=services.config.hold_minutes)
    assert booking.get_hold(hold.hold_id).seats == ("B2", "B3")
    assert gate.released[-1].seats == ("B1",)
    # Adding a seat already in the hold or removing one not in it changes nothing.
    assert booking.change_hold(cashier, hold.hold_id, add=["B2"], remove=["C9"]).seats == ("B2", "B3")
    # Removing only keeps the expiry (the gate was not asked to renew anything).
    claims = len(gate.claimed)
    clock.advance(minutes=1)
    trimmed = booking.change_hold(cashier, hold.hold_id, remove=["B3"])
    assert trimmed.expires_at == changed.expires_at and len(gate.claimed) == claims
    assert booking.get_hold(hold.hold_id).expires_at == changed.expires_at


def test_change_hold_refuses_taken_seat(services, cashier):
    other = services.auth.sign_in("1002", "2345")
    services.booking.hold(other, "show-future", ["C1"])
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    with pytest.raises(SeatsUnavailable) as err:
        services.booking.change_hold(cashier, hold.hold_id, add=["C1", "C2"])
    assert err.value.seats == ("C1",)
    assert services.booking.get_hold(hold.hold_id).seats == ("B1",)


def test_change_hold_limits(services, cashier):
    hold = services.booking.hold(cashier, "show-future", [f"D{i}" for i in range(1, 11)])
    with pytest.raises(InvalidInput):
        services.booking.change_hold(cashier, hold.hold_id, add=["E1"])
    with pytest.raises(InvalidInput):
        services.booking.change_hold(cashier, hold.hold_id, add=["Z1"], remove=["D1"])


def test_removing_last_seat_releases(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    empty = services.booking.change_hold(cashier, hold.hold_id, remove=["B1"])
    assert empty.seats == ()
    assert count(services, "holds") == 0


def test_change_expired_or_foreign_hold(services, cashier, clock):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    foreign = cashier.__class__(**{**cashier.__dict__, "kiosk_id": "OTHER"})
    with pytest.raises(PermissionDenied):
        services.booking.change_hold(foreign, hold.hold_id, add=["B2"])
    clock.advance(minutes=10)
    with pytest.raises(HoldExpired):
        services.booking.change_hold(cashier, hold.hold_id, add=["B2"])


def test_renew_and_release(services, cashier, clock):
    gate = RecordingGate()
    booking = BookingService(services.deps, gate)
    hold = booking.hold(cashier, "show-future", ["B1"])
    clock.advance(minutes=4)
    renewed = booking.renew_hold(hold.hold_id)
    assert renewed.expires_at == clock.now() + timedelta(minutes=services.config.hold_minutes)
    clock.advance(minutes=4)
    assert booking.get_hold(hold.hold_id).seats == ("B1",)
    booking.release(hold.hold_id)
    booking.release(hold.hold_id)  # twice is fine
    assert count(services, "holds") == 0
    assert [h.seats for h in gate.released] == [("B1",)]
    with pytest.raises(HoldExpired):
        booking.renew_hold(hold.hold_id)


def test_renew_expired_hold_refused(services, cashier, clock):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    clock.advance(minutes=services.config.hold_minutes)
    with pytest.raises(HoldExpired):
        services.booking.renew_hold(hold.hold_id)


# ---------------------------------------------------------------- best available
def test_best_available_and_hold_best(services, cashier):
    pytest.importorskip("kiosk.domain.seating")
    seats = services.booking.best_available("show-future", 4)
    assert len(seats) == 4
    hold = services.booking.hold_best(cashier, "show-future", 4)
    assert set(hold.seats) == set(seats)
    next_best = services.booking.best_available("show-future", 4)
    assert not set(next_best) & set(seats)
    moved = services.booking.hold_best(cashier, "show-future", 2, hold_id=hold.hold_id)
    assert moved.hold_id == hold.hold_id and len(moved.seats) == 2
    assert count(services, "holds") == 2


def test_hold_best_when_nothing_fits(services, cashier):
    pytest.importorskip("kiosk.domain.seating")
    layout = services.booking._show_on_sale("show-future", services.deps.clock.now()).layout
    codes = sorted(layout.seats)
    for i in range(0, len(codes), 10):
        services.booking.hold(cashier, "show-future", codes[i:i + 10])
    assert services.booking.best_available("show-future", 2) == []
    with pytest.raises(SeatsUnavailable):
        services.booking.hold_best(cashier, "show-future", 2)


# ---------------------------------------------------------------- quote
def test_quote_prices_each_seat_with_tax(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1", "E1", "F1"])
    quote = services.booking.quote(hold.hold_id, {"E1": "senior", "F1": "child"})
    by_seat = {line.seat_code: line for line in quote.lines}
    assert by_seat["B1"].price_minor == PRICES["standard"]
    assert by_seat["E1"].price_minor == PRICES["premium"] * TICKET_FACTORS["senior"] // 100
    assert by_seat["F1"].price_minor == PRICES["recliner"] * TICKET_FACTORS["child"] // 100
    for line in quote.lines:
        assert line.tax_minor == tax_included(line.price_minor, 1800)
    assert quote.total_minor == sum(x.price_minor for x in quote.lines)
    assert quote.tax_minor == sum(x.tax_minor for x in quote.lines)
    assert quote.currency == "INR"


def test_quote_refusals(services, cashier, clock):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    with pytest.raises(InvalidInput, match="ticket type"):
        services.booking.quote(hold.hold_id, {"B1": "infant"})
    with pytest.raises(InvalidInput, match="B2"):
        services.booking.quote(hold.hold_id, {"B2": "adult"})
    services.deps.conn.execute("UPDATE films SET certificate = 'A'")
    with pytest.raises(InvalidInput, match="adults only"):
        services.booking.quote(hold.hold_id, {"B1": "child"})
    services.deps.conn.execute("DELETE FROM prices WHERE ticket_type = 'student'")
    with pytest.raises(InvalidInput, match="no student price"):
        services.booking.quote(hold.hold_id, {"B1": "student"})
    clock.advance(minutes=6)
    with pytest.raises(HoldExpired):
        services.booking.quote(hold.hold_id, {})


# ---------------------------------------------------------------- confirm
def test_confirm_card_writes_everything_in_one_go(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1", "B2"])
    booking = services.booking.confirm(cashier, hold.hold_id, {"B2": "child"}, CARD,
                                       contact=" Asha@Example.COM ")
    assert booking.state == "confirmed" and booking.sync_state == "pending"
    assert booking.channel == "counter" and booking.staff_id == cashier.staff_id
    assert booking.total_minor == 25000 + 17500
    assert booking.card_last4 == "4242" and booking.payment_method == "card"
    assert booking.customer_contact == "Asha@example.com"
    assert [line.seat_code for line in booking.lines] == ["B1", "B2"]
    assert booking.show.show_id == "show-future" and booking.show.seats_left == booking.show.seats_total - 2
    conn = services.deps.conn
    assert count(services, "holds") == 0
    assert sorted(r[0] for r in conn.execute("SELECT seat_code FROM seat_sales")) == ["B1", "B2"]
    row = conn.execute("SELECT * FROM bookings").fetchone()
    assert row["idempotency_key"] == hold.hold_id
    assert row["business_date"] == "2026-11-25"
    assert row["shift_id"] == cashier.shift_id
    assert row["paid_minor"] == booking.total_minor
    items = conn.execute("SELECT kind, booking_id, payload FROM outbox ORDER BY id").fetchall()
    assert [i["kind"] for i in items] == ["confirm", "notify"]
    payload = json.loads(items[0]["payload"])
    assert {k: payload[k] for k in ("booking_id", "reference", "show_id", "seats", "hold_id",
                                    "kiosk_id", "channel", "total_minor", "currency",
                                    "created_at")} == {
        "booking_id": booking.booking_id, "reference": booking.reference,
        "show_id": "show-future", "seats": ["B1", "B2"], "hold_id": hold.hold_id,
        "kiosk_id": cashier.kiosk_id, "channel": "counter", "total_minor": 42500,
        "currency": "INR", "created_at": "2026-11-25T12:00:00+00:00",
    }
    # the ledger fields the manager's day is built from (kiosk.cloud.ledger)
    assert payload["staff_number"] == cashier.staff_number
    assert payload["business_date"] == "2026-11-25" and payload["payment_method"] == "card"
    assert payload["day_pk"] == f"DAY#{payload['cinema_id']}#2026-11-25" and payload["cinema_id"]
    assert [ln["seat"] for ln in payload["lines"]] == ["B1", "B2"]
    assert sum(ln["price_minor"] for ln in payload["lines"]) == payload["paid_minor"] == 42500
    assert json.loads(items[1]["payload"]) == {"booking_id": booking.booking_id,
                                               "contact": "Asha@example.com",
                                               "language": "en"}  # the kiosk's own
    [audit_row] = conn.execute("SELECT * FROM audit WHERE action = 'confirm'").fetchall()
    assert audit_row["target"] == booking.reference and audit_row["staff_id"] == cashier.staff_id


def test_business_date_is_cinema_local(services, cashier, clock):
    clock.advance(hours=-12 + 7)  # 2026-11-25 07:00 UTC -> still 25th in Kolkata
    clock.current = clock.current.replace(hour=20, minute=0)  # 20:00 UTC = 01:30 next day IST
    services.deps.conn.execute("UPDATE shows SET starts_at = ? WHERE id = 'show-future'",
                               (to_iso(clock.now() + timedelta(hours=2)),))
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    services.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert services.deps.conn.execute("SELECT business_date FROM bookings").fetchone()[0] == "2026-11-26"


def test_confirm_cash_computes_change(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    booking = services.booking.confirm(cashier, hold.hold_id, {}, Payment("cash", tendered_minor=30000))
    assert booking.tendered_minor == 30000 and booking.change_minor == 5000


def test_confirm_twice_yields_one_booking(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    first = services.booking.confirm(cashier, hold.hold_id, {}, CARD)
    again = services.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert again.booking_id == first.booking_id and again.reference == first.reference
    assert count(services, "bookings") == 1 and count(services, "outbox") == 1


def test_confirm_short_cash_names_the_amount(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    with pytest.raises(PaymentError, match="50.00 short"):
        services.booking.confirm(cashier, hold.hold_id, {}, Payment("cash", tendered_minor=20000))
    assert count(services, "bookings") == 0 and count(services, "holds") == 1


@pytest.mark.parametrize("last4", ["4242424242424242", "4242 4242 4242 4242", "123", "abcd", None, "12345"])
def test_confirm_bad_card(services, cashier, last4):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    with pytest.raises(PaymentError) as err:
        services.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4=last4))
    if last4 and len(last4.replace(" ", "")) >= 12:
        assert "full card number" in str(err.value)
    assert count(services, "bookings") == 0


def test_confirm_unknown_method(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    with pytest.raises(PaymentError):
        services.booking.confirm(cashier, hold.hold_id, {}, Payment("cheque"))


def test_cash_needs_an_open_shift(services):
    actor = services.auth.sign_in("1002", "2345")
    hold = services.booking.hold(actor, "show-future", ["B1"])
    with pytest.raises(PaymentError, match="Open your shift"):
        services.booking.confirm(actor, hold.hold_id, {}, Payment("cash", tendered_minor=25000))
    assert services.booking.confirm(actor, hold.hold_id, {}, CARD).payment_method == "card"


def test_self_service_pays_by_card_only(services, kiosk):
    hold = services.booking.hold(kiosk, "show-future", ["B1"])
    with pytest.raises(PaymentError, match="card"):
        services.booking.confirm(kiosk, hold.hold_id, {}, Payment("cash", tendered_minor=99999))
    booking = services.booking.confirm(kiosk, hold.hold_id, {}, CARD, contact="+91 98765 43210")
    assert booking.channel == "self-service" and booking.staff_id is None
    assert booking.customer_contact == "+919876543210"
    assert kiosk.role == Role.SELF_SERVICE


@pytest.mark.parametrize("contact", ["not-an-email@", "12345", "call me", "+1234567890123456", "a@b"])
def test_confirm_bad_contact(services, cashier, contact):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    with pytest.raises(InvalidInput):
        services.booking.confirm(cashier, hold.hold_id, {}, CARD, contact=contact)
    assert count(services, "bookings") == 0


def test_confirm_expired_hold(services, cashier, clock):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    clock.advance(minutes=services.config.hold_minutes)
    with pytest.raises(HoldExpired):
        services.booking.confirm(cashier, hold.hold_id, {}, CARD)
    with pytest.raises(HoldExpired):
        services.booking.confirm(cashier, "no-such-hold", {}, CARD)


def test_confirm_hold_of_another_kiosk(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    foreign = cashier.__class__(**{**cashier.__dict__, "kiosk_id": "OTHER"})
    with pytest.raises(PermissionDenied):
        services.booking.confirm(foreign, hold.hold_id, {}, CARD)


def test_confirm_refuses_a_seat_the_cloud_says_was_sold(services, cashier, clock):
    hold = services.booking.hold(cashier, "show-future", ["B1", "B2"])
    services.deps.conn.execute(
        "INSERT INTO remote_seats (show_id, seat_code, state, booking_id, pulled_at) "
        "VALUES ('show-future', 'B2', 'sold', 'web-1', ?)", (to_iso(clock.now()),))
    with pytest.raises(SeatsUnavailable) as err:
        services.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert err.value.seats == ("B2",)
    assert count(services, "bookings") == 0


def test_reference_clash_is_retried(services, cashier, monkeypatch):
    import kiosk.services.booking as booking_module

    first = services.booking.confirm(cashier, services.booking.hold(cashier, "show-future", ["B1"]).hold_id, {}, CARD)
    refs = iter([first.reference, first.reference, "ZZZZ-0001"])
    monkeypatch.setattr(booking_module, "new_reference", lambda: next(refs))
    second = services.booking.confirm(cashier, services.booking.hold(cashier, "show-future", ["B2"]).hold_id, {}, CARD)
    assert second.reference == "ZZZZ-0001"


# ---------------------------------------------------------------- get
def test_get_by_reference_in_any_case(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    booking = services.booking.confirm(cashier, hold.hold_id, {}, CARD)
    for text in (booking.reference, booking.reference.lower(), booking.reference.replace("-", ""),
                 " " + booking.reference.lower().replace("-", " ") + " "):
        got = services.booking.get(text)
        assert got.booking_id == booking.booking_id
        assert got.lines == booking.lines and got.total_minor == booking.total_minor
        assert got.show == booking.show


def test_get_unknown_reference(services):
    with pytest.raises(NotFound):
        services.booking.get("AAAA-BBBB")
    with pytest.raises(InvalidInput):
        services.booking.get("  ")


def test_confirm_refused_when_show_cancelled_meanwhile(services, cashier):
    hold = services.booking.hold(cashier, "show-future", ["B1"])
    services.deps.conn.execute("UPDATE shows SET status = 'cancelled' WHERE id = 'show-future'")
    with pytest.raises(ShowNotOnSale):
        services.booking.confirm(cashier, hold.hold_id, {}, CARD)
    assert count(services, "bookings") == 0


def test_expire_holds_sweeps_only_this_kiosks_expired_rows(services, cashier, clock):
    gate = RecordingGate()
    booking = BookingService(services.deps, gate)
    old = booking.hold(cashier, "show-future", ["B1", "B2"])
    foreign = cashier.__class__(**{**cashier.__dict__, "kiosk_id": "OTHER"})
    booking.hold(foreign, "show-future", ["C1"])
    clock.advance(minutes=services.config.hold_minutes + 1)
    fresh = booking.hold(cashier, "show-future", ["D1"])
    assert booking.expire_holds() == 2
    remaining = {r[0]: r[1] for r in services.deps.conn.execute("SELECT seat_code, hold_id FROM holds")}
    assert remaining == {"C1": remaining["C1"], "D1": fresh.hold_id}
    assert [h.seats for h in gate.released] == [("B1", "B2")] and gate.released[0].hold_id == old.hold_id


# ---------------------------------------------------------------- outbox helpers
def test_outbox_drains_in_order_per_booking(services, cashier, clock):
    from kiosk.services import outbox

    conn = services.deps.conn
    first = services.booking.confirm(cashier, services.booking.hold(cashier, "show-future", ["B1"]).hold_id,
                                     {}, CARD, contact="a@b.co")
    second = services.booking.confirm(cashier, services.booking.hold(cashier, "show-future", ["B2"]).hold_id,
                                      {}, CARD)
    due = outbox.pending(conn, clock.now())
    # The notify of the first booking waits behind its confirm.
    assert [(i.kind, i.booking_id) for i in due] == [("confirm", first.booking_id),
                                                     ("confirm", second.booking_id)]
    assert outbox.pending_count(conn) == 3
    outbox.mark_failed(conn, due[0].id, "network down", clock.now() + timedelta(seconds=30))
    outbox.mark_done(conn, due[1].id, clock.now())
    assert outbox.pending(conn, clock.now()) == []  # first is backing off; its notify must wait
    later = clock.now() + timedelta(seconds=31)
    [retry] = outbox.pending(conn, later)
    assert retry.id == due[0].id and retry.attempts == 1 and retry.last_error == "network down"
    outbox.mark_done(conn, retry.id, later)
    [notify] = outbox.pending(conn, later)
    assert notify.kind == "notify" and notify.payload == {"booking_id": first.booking_id,
                                                          "contact": "a@b.co", "language": "en"}
    outbox.mark_done(conn, notify.id, later)
    assert outbox.pending_count(conn) == 0


def test_outbox_enqueue_only_inside_a_transaction(services, clock):
    from kiosk.services import outbox

    with pytest.raises(RuntimeError):
        outbox.enqueue(services.deps.conn, kind="confirm", booking_id="x", payload={}, now=clock.now())


# ---------------------------------------------------------------- point-of-sale input rules
@pytest.mark.parametrize(("text", "expected"), [
    ("", ""), ("  ", ""), ("A.B@Example.COM", "A.B@example.com"), ("+44 20 7946 0958", "+442079460958"),
    ("(080) 1234-5678", "08012345678"), ("9876543", "9876543"),
])
def test_contact_normalised(text, expected):
    from kiosk.domain.booking_rules import normalise_contact

    assert normalise_contact(text) == expected


@pytest.mark.parametrize("text", ["123456", "1234567890123456", "a@b", "@x.com", "me at home", "x" * 300])
def test_contact_refused(text):
    from kiosk.domain.booking_rules import normalise_contact

    with pytest.raises(InvalidInput):
        normalise_contact(text)


def test_card_rules():
    from kiosk.domain.booking_rules import check_card_last4

    assert check_card_last4("0042") == "0042"
    for full in ("4111111111111111", "4111-1111-1111-1111", "411111111111", "4" * 19):
        with pytest.raises(PaymentError, match="full card number"):
            check_card_last4(full)
    for bad in ("42", "42424", "12a4", "", None):
        with pytest.raises(PaymentError, match="last 4"):
            check_card_last4(bad)


def test_renew_that_lapses_during_a_slow_gate_is_given_back(services, cashier, clock):
    class SlowGate(RecordingGate):
        def claim_hold(self, hold):
            super().claim_hold(hold)
            services.booking.release(hold.hold_id)  # e.g. the idle timer released it meanwhile

    gate = SlowGate()
    booking = BookingService(services.deps, gate)
    hold = booking.hold(cashier, "show-future", ["B1"])
    with pytest.raises(HoldExpired):
        booking.renew_hold(hold.hold_id)
    assert gate.released and gate.released[-1].hold_id == hold.hold_id


def test_hold_released_at_the_gate_when_insert_fails(services, cashier, monkeypatch):
    """Any failure of the local commit (here: the disk) gives the gate's claim back."""
    gate = RecordingGate()
    booking = BookingService(services.deps, gate)
    monkeypatch.setattr(booking, "_insert_hold_rows",
                        lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        booking.hold(cashier, "show-future", ["B1", "B2"])
    assert [h.seats for h in gate.released] == [("B1", "B2")]
    assert count(services, "holds") == 0


def test_get_by_id(services, cashier):
    booking = services.booking.confirm(cashier, services.booking.hold(cashier, "show-future", ["B1"]).hold_id,
                                       {}, CARD)
    assert services.booking.get_by_id(booking.booking_id) == services.booking.get(booking.reference)
    with pytest.raises(NotFound):
        services.booking.get_by_id("nope")


def test_after_a_refusal_hold_best_keeps_to_a_lane_of_rows_then_the_best_again(services,
                                                                              cashier, clock):
    """Issue 15: sellers that lost one race must not all run into the very next block."""
    from kiosk.domain.spread import CONTENDED_S, LANES

    best = services.booking.best_available("show-future", 2)
    gate = RecordingGate(refuse=set(best))
    booking = BookingService(services.deps, gate)
    desk = booking._holds
    desk.spread.rng.seed(7)
    info = booking._show_on_sale("show-future", clock.now())
    gate.refresh_seats = lambda *a: pytest.fail("one lost race is no reason to read")
    hold = booking.hold_best(cashier, "show-future", 2)
    assert len(gate.claimed) == 1  # one refusal, then one claim
    lanes = min(LANES, len(info.layout.rows))
    lane = desk.spread.lane("show-future")
    assert {info.layout.seats[s].row_index % lanes for s in hold.seats} == {lane}
    booking.release(hold.hold_id)
    clock.advance(seconds=CONTENDED_S)  # the race is over: the best free block again
    best_now = booking.best_available("show-future", 2)
    assert {info.layout.seats[s].row_index % lanes for s in best_now} != {lane}
    assert list(booking.hold_best(cashier, "show-future", 2).seats) == best_now

"""Random interleavings of hold / change / release / confirm / refund / cancel / exchange on
several simulated kiosks sharing ONE database file never break the booking invariants.

Each kiosk is a separate ``open_services`` (its own connection and kiosk id) on the same file;
one FakeClock drives them all so hold expiry and show start are part of the search space.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from kiosk.config import Config
from kiosk.domain.clock import FakeClock, to_iso
from kiosk.domain.errors import KioskError
from kiosk.services.app import open_services
from kiosk.services.models import Payment
from tests.factories import insert_open_shift, make_world

pytestmark = pytest.mark.slow

# Two rows of five plus two recliners: small enough that kiosks fight over the same seats.
LAYOUT = {"rows": [{"label": "A", "cells": "SSSSS"}, {"label": "B", "cells": "SS_SS"},
                   {"label": "C", "cells": "RR"}]}
SEATS = ["A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "B4", "C1", "C2"]
SHOWS = ["show-future", "show-later"]
KIOSKS = 3
STAFF = [("1001", "1234"), ("1002", "2345"), ("9001", "9999")]  # the third kiosk: a manager

seat_sets = st.lists(st.sampled_from(SEATS), min_size=1, max_size=4, unique=True)
payments = st.sampled_from([Payment("card", card_last4="4242"),
                            Payment("cash", tendered_minor=10**7)])
tickets = st.sampled_from(["adult", "child", "senior", "student"])


class KioskFleet(RuleBasedStateMachine):
    @initialize()
    def open_fleet(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.clock = FakeClock()
        path = Path(self.tmp.name) / "kiosk.db"
        self.kiosks, self.actors = [], []
        for i in range(KIOSKS):
            config = Config(db_path=path, kiosk_id=f"KIOSK-{i + 1}", bcrypt_rounds=4)
            svc = open_services(config, clock=self.clock)
            if i == 0:
                make_world(svc.deps.db, self.clock, layout=LAYOUT)
                with svc.deps.conn:  # the cinema's limits: in effect per booking only, as before
                    svc.deps.conn.execute("UPDATE cinemas SET cashier_refund_limit_minor = 60000, "
                                          "shift_refund_limit_minor = 1000000000")
            actor = svc.auth.sign_in(*STAFF[i])
            insert_open_shift(svc.deps.db, actor.staff_id, actor.kiosk_id, self.clock)
            self.kiosks.append(svc)
            self.actors.append(svc.auth.sign_in(*STAFF[i]))
        self.holds: list[tuple[int, str]] = []  # (kiosk index, hold id)
        self.refs: list[str] = []

    def teardown(self):
        for svc in getattr(self, "kiosks", []):
            svc.close()
        if hasattr(self, "tmp"):
            self.tmp.cleanup()

    @property
    def conn(self):
        return self.kiosks[0].deps.conn

    # ------------------------------------------------------------------ actions
    @rule(k=st.integers(0, KIOSKS - 1), show=st.sampled_from(SHOWS), seats=seat_sets)
    def hold(self, k, show, seats):
        try:
            hold = self.kiosks[k].booking.hold(self.actors[k], show, seats)
        except KioskError as err:
            event(f"hold refused: {type(err).__name__}")
            return
        self.holds.append((k, hold.hold_id))

    @precondition(lambda self: self.holds)
    @rule(i=st.integers(0, 50), add=st.lists(st.sampled_from(SEATS), max_size=2),
          remove=st.lists(st.sampled_from(SEATS), max_size=2))
    def change(self, i, add, remove):
        k, hold_id = self.holds[i % len(self.holds)]
        try:
            self.kiosks[k].booking.change_hold(self.actors[k], hold_id, add=add, remove=remove)
        except KioskError:
            pass

    @rule(k=st.integers(0, KIOSKS - 1), show=st.sampled_from(SHOWS), n=st.integers(1, 3),
          reuse=st.booleans())
    def hold_best(self, k, show, n, reuse):
        mine = [h for kk, h in self.holds if kk == k]
        try:
            hold = self.kiosks[k].booking.hold_best(self.actors[k], show, n,
                                                    hold_id=mine[0] if reuse and mine else None)
        except KioskError as err:
            event(f"best refused: {type(err).__name__}")
            return
        event("best held")
        if (k, hold.hold_id) not in self.holds:
            self.holds.append((k, hold.hold_id))

    @precondition(lambda self: self.holds)
    @rule(i=st.integers(0, 50))
    def renew(self, i):
        k, hold_id = self.holds[i % len(self.holds)]
        try:
            self.kiosks[k].booking.renew_hold(hold_id)
        except KioskError:
            pass

    @precondition(lambda self: self.holds)
    @rule(i=st.integers(0, 50))
    def release(self, i):
        k, hold_id = self.holds.pop(i % len(self.holds))
        self.kiosks[k].booking.release(hold_id)

    @precondition(lambda self: self.holds)
    @rule(i=st.integers(0, 50), payment=payments, ticket=tickets, twice=st.booleans())
    def confirm(self, i, payment, ticket, twice):
        k, hold_id = self.holds[i % len(self.holds)]
        booking = self.kiosks[k].booking
        try:
            seats = booking.get_hold(hold_id).seats
            made = booking.confirm(self.actors[k], hold_id, {seats[0]: ticket}, payment)
        except KioskError:
            return
        event("confirmed")
        self.holds.remove((k, hold_id))
        if twice:  # a double tap, possibly from another kiosk's retry logic: still one booking
            again = booking.confirm(self.actors[k], hold_id, {}, payment)
            assert again.booking_id == made.booking_id
        self.refs.append(made.reference)

    @precondition(lambda self: self.refs)
    @rule(i=st.integers(0, 50), k=st.integers(0, KIOSKS - 1), part=st.booleans())
    def refund(self, i, k, part):
        ref = self.refs[i % len(self.refs)]
        svc = self.kiosks[k]
        try:
            booking = svc.booking.get(ref)
            seats = [line.seat_code for line in booking.lines if not line.refunded][:1] if part else None
            result = svc.booking.refund(self.actors[k], ref, seats=seats, reason="customer_request")
            event(f"refund {result.state}")
        except KioskError as err:
            event(f"refund refused: {type(err).__name__}")

    @precondition(lambda self: self.refs)
    @rule(i=st.integers(0, 50), k=st.integers(0, KIOSKS - 1))
    def cancel(self, i, k):
        try:
            self.kiosks[k].booking.cancel(self.actors[k], self.refs[i % len(self.refs)])
            event("cancelled")
        except KioskError:
            pass

    @precondition(lambda self: self.refs and self.holds)
    @rule(i=st.integers(0, 50), j=st.integers(0, 50), payment=payments)
    def exchange(self, i, j, payment):
        k, hold_id = self.holds[j % len(self.holds)]
        try:
            made = self.kiosks[k].booking.exchange(self.actors[k], self.refs[i % len(self.refs)],
                                                   hold_id, {}, payment)
        except KioskError as err:
            event(f"exchange refused: {type(err).__name__}")
            return
        event("exchanged")
        self.holds.remove((k, hold_id))
        self.refs.append(made.reference)

    @rule(approve=st.booleans())
    def decide_pending(self, approve):
        manager, svc = self.actors[2], self.kiosks[2]
        for request in svc.booking.pending_refunds(manager):
            try:
                event("approved" if approve else "rejected")
                if approve:
                    svc.booking.approve_refund(manager, request["refund_id"])
                else:
                    svc.booking.reject_refund(manager, request["refund_id"], "no")
            except KioskError:
                pass

    @rule(minutes=st.sampled_from([0.5, 1, 2, 4, 6, 45]))
    def advance_clock(self, minutes):
        self.clock.advance(minutes=minutes)

    # ------------------------------------------------------------------ invariants
    @invariant()
    def no_seat_in_two_active_bookings(self):
        if not hasattr(self, "kiosks"):
            return
        doubled = self.conn.execute(
            "SELECT b.show_id, bs.seat_code, COUNT(*) FROM booking_seats bs "
            "JOIN bookings b ON b.id = bs.booking_id "
            "WHERE b.state IN ('confirmed', 'partially_refunded') AND bs.refunded = 0 "
            "GROUP BY b.show_id, bs.seat_code HAVING COUNT(*) > 1").fetchall()
        assert doubled == []

    @invariant()
    def seat_sales_match_active_unrefunded_lines(self):
        if not hasattr(self, "kiosks"):
            return
        sales = {tuple(r) for r in self.conn.execute(
            "SELECT show_id, seat_code, booking_id FROM seat_sales")}
        lines = {tuple(r) for r in self.conn.execute(
            "SELECT b.show_id, bs.seat_code, b.id FROM booking_seats bs "
            "JOIN bookings b ON b.id = bs.booking_id "
            "WHERE b.state IN ('confirmed', 'partially_refunded') AND bs.refunded = 0")}
        assert sales == lines

    @invariant()
    def totals_are_sums_of_lines(self):
        if not hasattr(self, "kiosks"):
            return
        bad = self.conn.execute(
            "SELECT b.id FROM bookings b JOIN booking_seats bs ON bs.booking_id = b.id "
            "GROUP BY b.id HAVING b.total_minor != SUM(bs.price_minor) "
            "OR b.tax_minor != SUM(bs.tax_minor)").fetchall()
        assert bad == []

    @invariant()
    def refunded_equals_completed_refunds(self):
        if not hasattr(self, "kiosks"):
            return
        bad = self.conn.execute(
            "SELECT b.id, b.refunded_minor, COALESCE((SELECT SUM(r.amount_minor) FROM refunds r "
            "WHERE r.booking_id = b.id AND r.state = 'completed'), 0) AS done FROM bookings b "
            "WHERE b.refunded_minor != done").fetchall()
        assert bad == []
        over = self.conn.execute(
            "SELECT id FROM bookings WHERE refunded_minor > total_minor").fetchall()
        assert over == []

    @invariant()
    def money_kept_equals_value_of_seats_sold(self):
        """Taken minus given back equals the price of the seats customers still hold.

        Exchanges carry the old booking's value over, so only the difference paid counts as
        taken (``paid_minor``) and only the difference returned as a refund.
        """
        if not hasattr(self, "kiosks"):
            return
        taken = self.conn.execute(
            "SELECT COALESCE(SUM(COALESCE(paid_minor, total_minor)), 0) FROM bookings").fetchone()[0]
        returned = self.conn.execute(
            "SELECT COALESCE(SUM(amount_minor), 0) FROM refunds WHERE state = 'completed'").fetchone()[0]
        held = self.conn.execute(
            "SELECT COALESCE(SUM(bs.price_minor), 0) FROM booking_seats bs "
            "JOIN bookings b ON b.id = bs.booking_id "
            "WHERE b.state IN ('confirmed', 'partially_refunded') AND bs.refunded = 0").fetchone()[0]
        assert taken - returned == held
        # Issue 11: money is counted by tender. Each cash tender taken gives exactly its change;
        # the tenders taken at a sale add up to what it took, and with the carried ones to its
        # total; a refund's tenders add up to it; no tender gets back more than it paid (so
        # card money never leaves the drawer and cash never goes back to a card).
        drawer = self.conn.execute(
            "SELECT booking_id, seq FROM booking_tenders WHERE kind = 'cash' AND carried_from "
            "IS NULL AND tendered_minor IS NOT NULL AND tendered_minor - change_minor != "
            "amount_minor").fetchall()
        assert drawer == []
        unbalanced = self.conn.execute(
            "SELECT b.id FROM bookings b WHERE COALESCE(b.paid_minor, b.total_minor) != "
            "(SELECT COALESCE(SUM(t.amount_minor), 0) FROM booking_tenders t "
            " WHERE t.booking_id = b.id AND t.carried_from IS NULL) OR b.total_minor != "
            "(SELECT COALESCE(SUM(t.amount_minor), 0) FROM booking_tenders t "
            " WHERE t.booking_id = b.id)").fetchall()
        assert unbalanced == []
        split_wrong = self.conn.execute(
            "SELECT r.id FROM refunds r WHERE r.state = 'completed' AND r.amount_minor != "
            "(SELECT COALESCE(SUM(rt.amount_minor), 0) FROM refund_tenders rt "
            " WHERE rt.refund_id = r.id)").fetchall()
        assert split_wrong == []
        over = self.conn.execute(
            "SELECT t.booking_id, t.seq FROM booking_tenders t WHERE t.amount_minor < "
            "(SELECT COALESCE(SUM(rt.amount_minor), 0) FROM refund_tenders rt "
            " WHERE rt.booking_id = t.booking_id AND rt.tender_seq = t.seq) OR EXISTS "
            "(SELECT 1 FROM refund_tenders rt WHERE rt.booking_id = t.booking_id "
            " AND rt.tender_seq = t.seq AND rt.kind != t.kind)").fetchall()
        assert over == []

    @invariant()
    def no_live_hold_on_a_sold_seat(self):
        if not hasattr(self, "kiosks"):
            return
        now = to_iso(self.clock.now())
        clash = self.conn.execute(
            "SELECT h.show_id, h.seat_code FROM holds h JOIN seat_sales s "
            "ON s.show_id = h.show_id AND s.seat_code = h.seat_code "
            "WHERE h.expires_at > ?", (now,)).fetchall()
        assert clash == []

    @invariant()
    def every_booking_has_its_outbox_confirm(self):
        if not hasattr(self, "kiosks"):
            return
        rows = self.conn.execute(
            "SELECT b.id, (SELECT COUNT(*) FROM outbox o WHERE o.booking_id = b.id "
            "AND o.kind = 'confirm') FROM bookings b").fetchall()
        assert all(n == 1 for _, n in rows)
        for (payload,) in self.conn.execute("SELECT payload FROM outbox WHERE kind = 'refund'"):
            assert json.loads(payload)["seats"] is not None


KioskFleet.TestCase.settings = settings(
    max_examples=60, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestKioskFleet = KioskFleet.TestCase

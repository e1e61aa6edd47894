"""Exchange: swap a booking's remaining seats for the seats of a new hold, in one transaction.

The old booking becomes ``exchanged`` and its seats are freed; its value is carried over to the
new booking (``exchanged_from``). Costs more: a payment covers the difference. Costs less: the
difference goes back to the old booking's tenders as a refund row. The outbox gets ``refund`` for
the old booking, then ``confirm`` (+ ``notify``) for the new one.

Tenders (issue 11): the new booking carries the old one's tenders forward (what is left on each,
``carried_from`` = the old booking: no money moves) followed by the difference's tender(s). So a
card booking exchanged with the difference paid in cash is card + cash, and a later refund gives
the card part back to the card and only the cash part out of the drawer
(``kiosk.domain.tenders``). A cheaper exchange gives the difference back to the old tenders in
the refund order, and carries what is left.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from datetime import datetime

from kiosk.domain.clock import to_iso
from kiosk.domain.errors import InvalidInput
from kiosk.domain.money import tax_included
from kiosk.domain.pricing import PricedBasket
from kiosk.domain.tenders import RefundPart, TenderLine, allocate_refund, summary_method
from kiosk.services import loyalty, outbox
from kiosk.services.auth import ensure_staff, open_shift_id
from kiosk.services.booking_catalogue import ShowInfo
from kiosk.services.booking_queries import BookingContext, HoldRows
from kiosk.services.booking_refunds import (
    RefundDesk,
    drawer_method,
    free_seat_sales,
    insert_refund,
    set_paying_shift,
)
from kiosk.services.booking_sales import Paid, SalePlan, SalesDesk, price
from kiosk.services.models import Actor, Booking, Payment
from kiosk.services.tenders import record_refund_tenders, tender_states
from kiosk.store.db import transaction


class _NeedsManager(Exception):
    """Raised inside the exchange transaction; audited as a refusal after the rollback."""


class ExchangeDesk:
    def __init__(self, ctx: BookingContext, sales: SalesDesk, refunds: RefundDesk):
        self.ctx = ctx
        self.sales = sales
        self.refunds = refunds

    def exchange(self, actor: Actor, reference: str, new_hold_id: str,
                 ticket_types: dict[str, str], payment: Payment | None = None) -> Booking:
        """Swap a booking's remaining seats for the seats of a new hold, in one transaction."""
        ensure_staff(self.ctx.deps, actor, "exchange", str(reference))
        self.refunds.check_started_show(actor, reference, "exchange")
        now = self.ctx.now()
        try:
            return self._exchange(actor, reference, new_hold_id, ticket_types, payment, now)
        except _NeedsManager as refusal:
            raise self.refunds.refusal(actor, "exchange", str(reference), str(refusal)) from None

    def _exchange(self, actor: Actor, reference: str, new_hold_id: str,
                  ticket_types: dict[str, str], payment: Payment | None, now: datetime) -> Booking:
        ctx = self.ctx
        # Everything that can refuse is checked, and the new seats are claimed in the cloud,
        # before the transaction (the claim may wait on the network; see SalesDesk.confirm).
        old = ctx.booking_row(ctx.conn, reference)
        repeated = self._repeated(ctx.conn, old, new_hold_id)
        if repeated is not None:
            return ctx.booking_from_row(repeated)
        hold = ctx.live_hold(ctx.conn, new_hold_id, now, actor)
        info = ctx.show(hold.show_id)
        ctx.check_on_sale(info, now)  # the new show's late-sale window may have passed
        basket = price(info, hold.seats, ticket_types)
        _, _, difference, paid, _ = self._money(ctx.conn, actor, old, info, basket, payment)
        # the booking's loyalty member stays on the new one: the difference earns, and points
        # the member pays it with are taken as at any sale (carried points were taken before)
        phone = loyalty.member_of_sale(ctx.deps, old["member_phone"] or "", paid.tenders,
                                       info.currency)
        sale_member = loyalty.prepare_redeem(ctx.deps, actor, phone, paid.tenders, info.currency,
                                             str(hold.hold_id),
                                             hold.expires_at + loyalty.VOID_AFTER)
        plan = self.sales.claim_in_cloud(actor, info, hold, basket, now, paid,
                                         paid_minor=max(0, difference), exchanged_from=old["id"])
        earned = 0
        with transaction(ctx.conn) as conn:
            old = ctx.booking_row(conn, reference)
            repeated = self._repeated(conn, old, new_hold_id)
            if repeated is None:
                again, checked_at = ctx.hold_rows(conn, new_hold_id), ctx.now()
                if not self.sales.unchanged(again, hold, checked_at):
                    raise self.sales.changed_refusal(again, checked_at)
                finish = self._writes(conn, actor, old, again, info, basket, payment, now, plan)
                if phone:  # nothing more to write for a booking without a member
                    earned = loyalty.record_sale(
                        conn, sale_member, paid.tenders, info.currency, now, actor.kiosk_id,
                        booking_id=plan.booking_id,
                        what=loyalty.show_words(info.film_title, info.starts_at, info.timezone),
                        reference=conn.execute("SELECT reference FROM bookings WHERE id = ?",
                                               (plan.booking_id,)).fetchone()[0],
                        cloud=ctx.deps.loyalty_cloud is not None)
        if repeated is not None:  # a repeated tap: answer after the (empty) transaction
            return ctx.booking_from_row(repeated)
        booking = finish()
        if not phone:
            return booking
        return dataclasses.replace(booking, member_phone=phone, points_earned=earned)

    @staticmethod
    def _repeated(conn: sqlite3.Connection, old: sqlite3.Row, new_hold_id: str) -> sqlite3.Row | None:
        existing = conn.execute("SELECT * FROM bookings WHERE idempotency_key = ?",
                                (str(new_hold_id),)).fetchone()
        return existing if existing is not None and existing["exchanged_from"] == old["id"] else None

    def _money(self, conn: sqlite3.Connection, actor: Actor, old: sqlite3.Row, info: ShowInfo,
               basket: PricedBasket, payment: Payment | None
               ) -> tuple[list[str], int, int, Paid, list[RefundPart]]:
        """(old seats freed, amount given back, difference to pay, the new booking's payment
        (carried tenders + the difference's), where the amount given back goes); refuses what
        is not allowed."""
        ctx = self.ctx
        picked, carried, _tax = self.refunds.plan(conn, old, None)
        if info.currency != old["currency"]:
            raise InvalidInput("A booking can only be exchanged for a show in the same currency.")
        difference = basket.total_minor - carried
        back = max(0, -difference)
        if back and self.refunds.over_limit(conn, actor, old, back) is not None:
            raise _NeedsManager("The exchange gives back more than a cashier may refund on this "
                                "booking or in this shift: please ask a manager.")
        states = tender_states(conn, old)
        parts = allocate_refund(back, [(s.line.seq or None, s.line.kind, s.left_minor)
                                       for s in states if s.left_minor > 0])
        gone = {p.tender_seq: p.amount_minor for p in parts}
        carried_lines = [
            TenderLine(0, s.line.kind, s.left_minor - gone.get(s.line.seq or None, 0),
                       s.line.reference, carried_from=old["id"])
            for s in states if s.left_minor - gone.get(s.line.seq or None, 0) > 0]
        if difference > 0:
            new = self.sales.take_payment(actor, difference, info.currency, payment)
            shift_id, new_lines = new.shift_id, list(new.tenders)
        else:
            shift_id, new_lines = open_shift_id(ctx.deps, actor.staff_id, actor.kiosk_id), []
        lines = tuple(dataclasses.replace(t, seq=n)
                      for n, t in enumerate([*carried_lines, *new_lines], start=1))
        paid = (Paid.of(lines, shift_id) if lines
                else Paid(old["payment_method"], None, None, None, shift_id))
        if back:
            self.refunds.refund_shift(actor, drawer_method(parts, old["payment_method"]))
        return [r["seat_code"] for r in picked], back, difference, paid, parts

    def _writes(self, conn: sqlite3.Connection, actor: Actor, old: sqlite3.Row, hold: HoldRows,
                info: ShowInfo, basket: PricedBasket, payment: Payment | None, now: datetime,
                plan: SalePlan) -> Callable[[], Booking]:
        """The exchange proper, inside the caller's transaction; returns the reply builder."""
        ctx = self.ctx
        old_codes, back, difference, paid, parts = self._money(conn, actor, old, info, basket,
                                                               payment)
        refund_id = None
        if back:
            method = summary_method(p.kind for p in parts)
            shift_id = self.refunds.refund_shift(actor, drawer_method(parts, old["payment_method"]))
            old_info = ctx.show(old["show_id"], conn)
            refund_id = insert_refund(
                conn, booking_id=old["id"], seats=[], amount=back,
                tax=tax_included(back, old_info.tax_rate_bp), currency=old["currency"],
                method=method, reason="exchange", actor=actor, decided=True,
                shift_id=shift_id, timezone=old_info.timezone, now=now)
            record_refund_tenders(conn, refund_id, old["id"], parts, now, actor.kiosk_id)
            set_paying_shift(conn, refund_id, shift_id, method)  # none: to pay out
        free_seat_sales(conn, old["show_id"], old["id"])
        conn.execute(
            "UPDATE bookings SET state = 'exchanged', refunded_minor = refunded_minor + ?, "
            "sync_state = 'pending', updated_at = ? WHERE id = ?",
            (back, to_iso(now), old["id"]))
        outbox.enqueue(conn, kind="refund", booking_id=old["id"], now=now, payload={
            "booking_id": old["id"], "show_id": old["show_id"], "seats": old_codes,
            "refund_id": refund_id})
        return self.sales.write_booking(conn, actor, info, hold, basket, paid,
                                        old["customer_contact"], now,
                                        paid_minor=max(0, difference), exchanged_from=old["id"], plan=plan)


"""Hold, confirm, cancel, refund, exchange: the one service the screens and the CLI sell through.

``BookingService`` is a facade; each job lives in a module of its own:

* ``booking_catalogue``: the show, layout and price list, cached per connection;
* ``booking_counts``: each show's sold count, kept instead of recounted after every sale;
* ``booking_watch``: the triggers and version checks that keep those two caches honest;
* ``booking_queries``: the shared context (database, clock, gate) and the common reads;
* ``booking_holds``: hold / change / renew / release / expire / best seats;
* ``booking_sales``: quote / confirm (ONE local transaction) / get;
* ``booking_refunds``: refund / cancel / manager approvals;
* ``booking_exchange``: exchange (refund of the old booking and sale of the new, one transaction).

The seat gate (cloud) is asked before a hold commits and told when one ends; it is never called
inside a SQLite write transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from kiosk.domain.clock import from_iso
from kiosk.domain.errors import ConfigError
from kiosk.domain.ids import new_reference
from kiosk.domain.menu import Order
from kiosk.services.booking_catalogue import ShowInfo
from kiosk.services.booking_exchange import ExchangeDesk
from kiosk.services.booking_holds import HoldDesk, insert_hold_rows, unavailable
from kiosk.services.booking_queries import BookingContext
from kiosk.services.booking_refunds import RefundDesk
from kiosk.services.booking_sales import SalesDesk
from kiosk.services.deps import ServiceDeps
from kiosk.services.gate import CLOUD_NEEDS_GATE, LocalGate, SeatGate
from kiosk.services.models import (
    Actor,
    Booking,
    Hold,
    Payment,
    Quote,
    RefundPreview,
    RefundResult,
)
from kiosk.services.remote_decisions import (
    DecisionSending,
    send_refund_decision,
    sent_decision,
    sent_decisions,
)


def _reference() -> str:
    """Resolved in this module at call time, so a test can pin references by patching it here."""
    return new_reference()


class BookingService:
    def __init__(self, deps: ServiceDeps, gate: SeatGate | None = None,
                 decisions: DecisionSending | None = None):
        self.deps = deps
        self.decisions = decisions  # another device's requests are decided through the cloud
        if deps.config.cloud.enabled and (gate is None or isinstance(gate, LocalGate)):
            # selling around the cloud is how seats get sold twice (issue 9, hole 0)
            raise ConfigError(CLOUD_NEEDS_GATE)
        self.gate = gate or LocalGate()
        self._ctx = BookingContext(self)
        self._holds = HoldDesk(self._ctx, seams=self)
        self._sales = SalesDesk(self._ctx, new_reference=_reference)
        self._refunds = RefundDesk(self._ctx)
        self._exchange = ExchangeDesk(self._ctx, self._sales, self._refunds)

    @property
    def conn(self) -> sqlite3.Connection:
        return self._ctx.conn

    # ------------------------------------------------------------------ seams
    # The hold path calls these through the service, so a test can stage a race on one instance.
    def _unavailable(self, conn: sqlite3.Connection, show_id: str, codes: list[str] | None,
                     kiosk_id: str, now: datetime, ignore_hold: str | None = None) -> set[str]:
        return unavailable(conn, show_id, codes, kiosk_id, now, ignore_hold)

    def _insert_hold_rows(self, conn: sqlite3.Connection, info: ShowInfo, hold: Hold,
                          codes: list[str], now: datetime) -> None:
        insert_hold_rows(self, conn, info, hold, codes, now)

    def _show_on_sale(self, show_id: str, now: datetime) -> ShowInfo:
        return self._ctx.show_on_sale(show_id, now)

    # ------------------------------------------------------------------ holds
    def hold(self, actor: Actor, show_id: str, seat_codes: list[str]) -> Hold:
        return self._holds.hold(actor, show_id, seat_codes)

    def change_hold(self, actor: Actor, hold_id: str, add: Sequence[str] = (),
                    remove: Sequence[str] = ()) -> Hold:
        """Tap-to-toggle: add and remove seats, keeping the hold id; adding restarts the expiry.

        Removing the last seat releases the hold (the returned Hold has no seats).
        """
        return self._holds.change_hold(actor, hold_id, add, remove)

    def best_available(self, show_id: str, n: int, accessible: bool = False) -> list[str]:
        """The best block of ``n`` seats free for this kiosk now; [] when none fits."""
        return self._holds.best_available(show_id, n, accessible)

    def hold_best(self, actor: Actor, show_id: str, n: int, accessible: bool = False,
                  hold_id: str | None = None) -> Hold:
        """Hold the best ``n`` seats together; with ``hold_id``, move that hold onto them."""
        return self._holds.hold_best(actor, show_id, n, accessible, hold_id)

    def renew_hold(self, hold_id: str) -> Hold:
        return self._holds.renew_hold(hold_id)

    def release(self, hold_id: str) -> None:
        """Give the seats back; releasing an unknown or already released hold is fine."""
        self._holds.release(hold_id)

    def expire_holds(self) -> int:
        """Delete this kiosk's expired hold rows and tell the gate; returns how many seats."""
        return self._holds.expire_holds()

    def get_hold(self, hold_id: str) -> Hold:
        return self._holds.get_hold(hold_id)

    # ------------------------------------------------------------------ sales
    def quote(self, hold_id: str, ticket_types: dict[str, str], promo: str = "",
              member: str = "") -> Quote:
        """The tickets priced with the cinema's offers and ``promo`` (a code; PromoRefused says
        why one does not apply)."""
        return self._sales.quote(hold_id, ticket_types, promo, member)

    def confirm(self, actor: Actor, hold_id: str, ticket_types: dict[str, str], payment: Payment,
                contact: str = "", items: Sequence[Order] = (), promo: str = "",
                member: str = "", language: str = "") -> Booking:
        """Sell the held seats: one transaction; a repeated confirm returns the same booking.
        ``items``: food and drink sold in the same basket, paid by the same payment and written
        in the same transaction (``ItemSaleService.for_booking`` reads it back). ``promo``: a
        promo code (its use limit is counted here or in the cloud: ``kiosk.services.promos``).
        ``language``: the customer's on the kiosk (en, hi, te) for the confirmation message."""
        return self._sales.confirm(actor, hold_id, ticket_types, payment, contact, items, promo,
                                   member, language)

    def get(self, reference: str) -> Booking:
        return self._sales.get(reference)

    def pulled(self, booking_id: str) -> Booking | None:
        """Another device's or the web's booking as pulled with its show (``show_tickets``):
        the seats it holds now, for printing its tickets at collection."""
        import json

        from kiosk.services.models import BookingLine

        row = self.conn.execute("SELECT * FROM show_tickets WHERE booking_id = ?",
                                (booking_id,)).fetchone()
        if row is None:
            return None
        info = self._ctx.show(row["show_id"])
        valid = set(json.loads(row["seats"]))
        priced = {str(ln.get("seat_code")): ln for ln in json.loads(row["lines"])}
        lines = tuple(BookingLine(code, str(priced.get(code, {}).get("seat_type") or "standard"),
                                  str(priced.get(code, {}).get("ticket_type") or "adult"),
                                  int(priced.get(code, {}).get("price_minor") or 0),
                                  int(priced.get(code, {}).get("tax_minor") or 0), False)
                      for code in sorted(valid))
        total = sum(line.price_minor for line in lines)
        return Booking(
            booking_id=booking_id, reference=row["reference"], show=self._ctx.show_summary(info),
            channel=row["channel"], kiosk_id=row["kiosk_id"], staff_id=None, lines=lines,
            currency=row["currency"] or info.currency, total_minor=total,
            tax_minor=sum(line.tax_minor for line in lines), refunded_minor=0,
            payment_method="card", card_last4=None, tendered_minor=None, change_minor=None,
            customer_contact="", state=row["state"], sync_state="synced",
            created_at=from_iso(row["created_at"]) if row["created_at"] else self.deps.clock.now(),
            ticket_code=self.deps.ticket_code(row["reference"], info.cinema_id))

    def get_by_id(self, booking_id: str) -> Booking:
        return self._sales.get_by_id(booking_id)

    # ------------------------------------------------------------------ refunds
    def refund(self, actor: Actor, reference: str, seats: list[str] | None = None,
               reason: str = "", *,
               within: Callable[[sqlite3.Connection, RefundResult], None] | None = None,
               system: bool = False) -> RefundResult:
        """Refund all seats (``seats=None``) or some, to the original payment method.

        ``reason`` is a code of ``kiosk.domain.refund_reasons`` (``other: `` and a note for
        anything else; an unknown code is refused before anything is written). A cashier's
        refund past the cinema's per-booking or per-shift limit waits for a manager;
        ``within(conn, result)`` runs inside the refund's transaction (see ``RefundDesk``);
        ``system`` admits the codes only the product writes (void, conflict, exchange).
        """
        return self._refunds.refund(actor, reference, seats, reason, within=within,
                                    system=system)

    def refund_preview(self, actor: Actor, reference: str,
                       seats: list[str] | None = None) -> RefundPreview:
        """What a refund of ``seats`` would give back and where (nothing written)."""
        return self._refunds.preview(actor, reference, seats)

    def cancel(self, actor: Actor, reference: str, reason: str = "") -> RefundResult:
        """Void the whole booking: a full refund with reason ``void``."""
        return self._refunds.cancel(actor, reference, reason)

    def approve_refund(self, actor: Actor, refund_id: int) -> RefundResult:
        """Approve a request; another device's (a negative listed id) is sent to it through
        the cloud and applied there (state ``approval_sent``)."""
        if refund_id < 0:
            return send_refund_decision(self.deps, self.decisions, actor, refund_id, "approve")
        return self._refunds.approve_refund(actor, refund_id)

    def reject_refund(self, actor: Actor, refund_id: int, comment: str = "") -> RefundResult:
        if refund_id < 0:
            return send_refund_decision(self.deps, self.decisions, actor, refund_id, "reject",
                                        comment)
        return self._refunds.reject_refund(actor, refund_id, comment)

    def pending_refunds(self, actor: Actor) -> list[dict[str, Any]]:
        """Refund requests waiting for a manager, oldest first (manager only). Another
        device's carry ``decision``: what was sent from here and what that device answered."""
        rows = self._refunds.pending_refunds(actor)
        sent = sent_decisions(self.conn)
        for row in rows:
            key = ("refund", row["kiosk_id"], row.get("local_id", 0))
            said = (sent_decision(sent.get(key), self.conn, self.deps.config)
                    if row["origin"] == "cloud" else None)
            row["decision"] = said.text if said is not None else ""
            row["sent"] = said  # the same as data, for a screen to word
        return rows

    def pay_out(self, actor: Actor, refund_id: int) -> RefundResult:
        """Pay an approved "to pay out" refund from the actor's open shift."""
        return self._refunds.pay_out(actor, refund_id)

    def to_pay_out(self, actor: Actor, reference: str | None = None) -> list[dict[str, Any]]:
        """Approved refunds no open drawer has paid yet (of one booking when ``reference``)."""
        return self._refunds.to_pay_out(actor, reference)

    # ------------------------------------------------------------------ exchange
    def exchange(self, actor: Actor, reference: str, new_hold_id: str,
                 ticket_types: dict[str, str], payment: Payment | None = None) -> Booking:
        """Swap a booking's remaining seats for the seats of a new hold, in one transaction.

        The old booking becomes ``exchanged``; its value is carried over to the new booking
        (``exchanged_from``). Costs more: ``payment`` covers the difference. Costs less: the
        difference goes back to the original method as a refund row.
        """
        return self._exchange.exchange(actor, reference, new_hold_id, ticket_types, payment)

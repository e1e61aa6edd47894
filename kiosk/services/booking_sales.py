"""Selling held seats: quote, take payment, confirm, and read a booking back.

A confirm is ONE local transaction: the booking, its lines and seat sales, the consumed hold, the
audit row and the outbox rows commit together or not at all. It is the hot path, kept lean because
the disk's commit rate is the budget it spends: the show comes from the per-connection cache, the
hold read also flags seats the cloud sold, a local double sale is left to the seat_sales
primary key, and the show's sold count is kept rather than recounted (``booking_counts``).
BEGIN to COMMIT is 13 statements for any number of seats (14 with a ``notify`` row, one more
when a cloud claim's undo intent is settled): the 13th is the one INSERT of the booking's tenders
(issue 11; ``kiosk.services.tenders``).

With cloud sync on, the gate first sells the seats in DynamoDB (``claim_in_cloud``, outside any
transaction), so a sale is durable in the cloud before its ticket prints (issue 9, hole 1).
"""

from __future__ import annotations

import dataclasses
import functools
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeGuard

from kiosk.cloud import ledger
from kiosk.cloud.refusals import note_refused_quietly
from kiosk.domain.booking_rules import normalise_contact
from kiosk.domain.business_day import business_date as sale_business_date
from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import (
    HoldExpired,
    InvalidInput,
    KioskError,
    NotSellableOffline,
    PaymentError,
    PermissionDenied,
    SeatsUnavailable,
    ShiftRequired,
)
from kiosk.domain.menu import Order
from kiosk.domain.money import format_money
from kiosk.domain.offers import Discount, Discounted
from kiosk.domain.pricing import PricedBasket, price_basket
from kiosk.domain.tenders import (
    KINDS,
    Tender,
    TenderLine,
    legacy_method,
    settle,
    split_for_basket,
    summary_method,
)
from kiosk.domain.vouchers import Voucher, comp_ticket, looks_like_voucher
from kiosk.services import audit, gift_cards, loyalty, outbox, promos, tenders, vouchers
from kiosk.services.auth import ensure_active, open_shift_id
from kiosk.services.booking_catalogue import ShowInfo
from kiosk.services.booking_queries import BookingContext, HoldRows, codes_json, in_layout_order
from kiosk.services.deps import ServiceDeps
from kiosk.services.gate import SaleClaim
from kiosk.services.models import (
    Actor,
    Booking,
    BookingLine,
    Channel,
    Payment,
    Quote,
    QuoteLine,
    Role,
)
from kiosk.services.vouchers import parse_item
from kiosk.store.db import transaction

if TYPE_CHECKING:
    from kiosk.services.item_sales import PricedItems

REFERENCE_ATTEMPTS = 8

# Which of the seats are sold, here (?3: not by the booking being written) or in the cloud: names
# the seats when the sale is refused.
_INSERT_BOOKING = (
    "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, kiosk_id, staff_id, "
    "shift_id, customer_contact, currency, total_minor, tax_minor, payment_method, card_last4, "
    "cash_tendered_minor, change_minor, state, sync_state, exchanged_from, created_at, "
    "business_date, updated_at, paid_minor, payment_kind, discount_minor, paid_with) VALUES (?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, ?, ?, ?, ?, ?, ?)")
# bookings.payment_kind's CHECK (0011) predates the points tender: paid_with names it (0023).
_PAYMENT_KINDS = frozenset({"cash", "card", "upi", "voucher", "split"})
# Consuming the hold also guards what was read before the cloud claim (outside the
# transaction): a Z close of the sale's business day, or the close of the shift it is booked to,
# meanwhile make it delete nothing, and the sale is refused, so it never lands on a closed day
# or a closed shift. Part of a statement the confirm makes anyway, not an extra one.
_CONSUME_HOLD = (
    "DELETE FROM holds WHERE hold_id = ? "
    "AND NOT EXISTS (SELECT 1 FROM business_days WHERE cinema_id = ? AND business_date >= ?) "
    "AND (? IS NULL OR EXISTS (SELECT 1 FROM shifts WHERE id = ? AND closed_at IS NULL))")
_SOLD_SQL = """
SELECT seat_code FROM seat_sales
 WHERE show_id = ?1 AND seat_code IN (SELECT value FROM json_each(?2)) AND booking_id != ?3
UNION
SELECT seat_code FROM remote_seats
 WHERE show_id = ?1 AND state = 'sold' AND seat_code IN (SELECT value FROM json_each(?2))
"""


@dataclass(frozen=True)
class SalePlan:
    """A sale named and claimed in the cloud, before its local transaction."""

    booking_id: str
    reference: str
    claim: SaleClaim


@dataclass(frozen=True)
class Paid:
    """The money side of a sale, as recorded on the booking.

    ``method`` is the ``bookings.payment_method`` column (cash|card, see migration 0011);
    ``tenders`` the tenders recorded (for an exchange: the carried ones, then the difference's).
    """

    method: str
    card_last4: str | None
    tendered_minor: int | None
    change_minor: int | None
    shift_id: int | None
    tenders: tuple[TenderLine, ...] = ()

    @property
    def summary(self) -> str:
        """The method a person would name: the single tender kind, or ``split``."""
        return summary_method(t.kind for t in self.tenders) if self.tenders else self.method

    @classmethod
    def of(cls, lines: tuple[TenderLine, ...], shift_id: int | None) -> Paid:
        """The legacy columns from the tenders: the first card's last 4, the cash and change."""
        card = next((t for t in lines if t.kind == "card"), None)
        cash = next((t for t in lines if t.kind == "cash" and t.carried_from is None), None)
        return cls(legacy_method(lines), card.reference if card else None,
                   cash.tendered_minor if cash else None, cash.change_minor if cash else None,
                   shift_id, lines)


def payment_tenders(payment: Payment, due_minor: int, currency: str) -> tuple[Tender, ...]:
    """The tenders of a payment: its split, or one tender of its single method for the amount
    due (cash: the cash received)."""
    if payment.tenders:
        return tuple(payment.tenders)
    method = str(payment.method or "").strip().lower()
    method = "voucher" if method == "giftcard" else method
    if method not in KINDS:
        raise PaymentError("Choose cash, card, UPI, gift card or points as the payment method.")
    if method == "cash":
        if payment.tendered_minor is None:
            raise PaymentError(f"Enter the cash received (due {format_money(due_minor, currency)}).")
        return (Tender("cash", payment.tendered_minor),)
    reference = payment.card_last4 if method == "card" else payment.reference
    return (Tender(method, due_minor, "" if reference is None else str(reference)),)


def take_payment(deps: ServiceDeps, actor: Actor, due_minor: int, currency: str,
                 payment: Payment | None) -> Paid:
    """Check the payment (one method or split tenders) against what is due: tickets, food and
    drink, or a basket of both.

    Self-service takes card and UPI only; cash needs the cashier's open shift. Refusals raise
    PaymentError before anything is written.
    """
    if payment is None or not isinstance(payment, Payment):
        raise PaymentError(f"Take payment of {format_money(due_minor, currency)} first.")
    allowed = ("card", "upi") if actor.role == Role.SELF_SERVICE else KINDS
    lines = (tuple(settle(due_minor, payment_tenders(payment, due_minor, currency), currency,
                          allowed)) if due_minor > 0 else ())  # nothing due: nothing to take
    tenders.refuse_reused_upi(deps.conn, lines)  # before the cloud hears of the sale
    gift_cards.prepare_spend(deps, lines, currency)  # cloud: set aside what the cards pay
    gift_cards.check_spend(deps.conn, lines, currency, deps.clock.now())
    shift_id = (open_shift_id(deps, actor.staff_id, actor.kiosk_id)
                if actor.staff_id is not None else None)
    if shift_id is None and any(t.kind == "cash" for t in lines):
        raise ShiftRequired("Open your shift before taking cash.")
    if not lines:  # nothing due: keep the method named (no tender rows, amounts must be > 0)
        method = str(payment.method or "card").strip().lower()
        return Paid("cash" if method == "cash" else "card", None, None, None, shift_id)
    return Paid.of(lines, shift_id)


def split_basket_payment(paid: Paid, tickets_minor: int) -> tuple[Paid, tuple[TenderLine, ...]]:
    """The tickets' part of a basket's payment (as the booking records it) and the food and
    drink's tender lines (``kiosk.domain.tenders.split_for_basket``)."""
    first, rest = split_for_basket(paid.tenders, tickets_minor)
    if first:
        return Paid.of(tuple(first), paid.shift_id), tuple(rest)
    # free tickets with paid food: the booking takes nothing and names the basket's method
    return Paid(legacy_method(rest), None, None, None, paid.shift_id), tuple(rest)


def channel_of(actor: Actor) -> str:
    return Channel.SELF_SERVICE.value if actor.role == Role.SELF_SERVICE else Channel.COUNTER.value


def price(info: ShowInfo, seats: tuple[str, ...], ticket_types: dict[str, str] | None) -> PricedBasket:
    """One priced line per seat, in layout order, from the show's cached price list."""
    layout = info.layout.seats
    ordered = in_layout_order(info, seats)
    return price_basket(((c, layout[c].type.value) for c in ordered), ticket_types,
                        info.prices, info.tax_rate_bp, info.certificate)


def sale_record(actor: Actor, info: ShowInfo, booking_id: str, reference: str, hold_id: str,
                basket: PricedBasket, method: str, created: str, business_date: str,
                paid_minor: int | None, exchanged_from: str | None,
                tender_lines: tuple[TenderLine, ...] = (), discount_minor: int = 0,
                discounts: tuple[Discount, ...] = (), contact: str = "") -> dict[str, Any]:
    """The booking's ledger record (cloud booking item and outbox confirm payload alike);
    ``contact`` (normalised) goes in only as ``ledger.contact_hash``."""
    return ledger.booking_record(
        booking_id=booking_id, reference=reference, show_id=info.show_id,
        cinema_id=info.cinema_id, business_date=business_date, channel=channel_of(actor),
        kiosk_id=actor.kiosk_id, staff_number=actor.staff_number or None,
        currency=info.currency, total_minor=basket.total_minor, tax_minor=basket.tax_minor,
        discount_minor=discount_minor,
        payment_method=method, created_at=created, paid_minor=paid_minor, hold_id=hold_id,
        exchanged_from=exchanged_from,
        lines=[ledger.line(ln.seat_code, ln.seat_type, ln.ticket_type, ln.price_minor,
                           ln.tax_minor) for ln in basket.lines],
        # by tender, so the manager's pulled day counts by tender across devices
        tenders=[ledger.tender(t.kind, t.amount_minor, t.carried_from is not None)
                 for t in tender_lines],
        discounts=[ledger.discount(d.offer_id, d.label, d.code, d.amount_minor)
                   for d in discounts],
        contact_hash=ledger.contact_hash(contact, info.currency))


class SalesDesk:
    def __init__(self, ctx: BookingContext, new_reference: Callable[[], str]):
        self.ctx = ctx
        self.new_reference = new_reference

    def quote(self, hold_id: str, ticket_types: dict[str, str], promo: str = "",
              member: str = "") -> Quote:
        """The hold's tickets priced, with the cinema's offers and ``promo`` (a promo code or a
        voucher's) applied, member prices too when ``member`` (a phone) is a loyalty member;
        PromoRefused says why a code does not apply. Use limits are checked at confirm."""
        ctx = self.ctx
        now = ctx.now()
        rows = ctx.live_hold(ctx.conn, hold_id, now)
        info = ctx.show(rows.show_id)
        is_member = bool(loyalty.member_of_sale(ctx.deps, member, (), info.currency))
        offers, voucher = self._offers(info, rows, ticket_types, promo, is_member, now)
        basket = offers.basket
        return Quote(
            lines=tuple(QuoteLine(line.seat_code, line.seat_type, line.ticket_type,
                                  line.price_minor, line.tax_minor, off)
                        for line, off in zip(basket.lines, offers.line_discounts, strict=True)),
            currency=info.currency, total_minor=basket.total_minor, tax_minor=basket.tax_minor,
            discounts=offers.discounts,
            free_items=(voucher.label,) if voucher is not None and voucher.kind == "item" else (),
        )

    def _offers(self, info: ShowInfo, rows: HoldRows, ticket_types: dict[str, str],
                code: str, member: bool, now: datetime) -> tuple[Discounted, Voucher | None]:
        """The tickets after the cinema's offers and the code typed: a promo code, or a
        voucher's (a ticket voucher makes the dearest ticket free; an item voucher is returned
        for the food and drink)."""
        voucher_code = code if looks_like_voucher(code) else ""
        offers = promos.discount(info, price(info, rows.seats, ticket_types),
                                 "" if voucher_code else code, now, member)
        if not voucher_code:
            return offers, None
        voucher = vouchers.for_sale(self.ctx.deps, voucher_code, info.cinema_id,
                                    date.fromisoformat(sale_business_date(
                                        now, info.timezone, info.closed_through)),
                                    str(rows.hold_id))
        if voucher.kind == "ticket":
            offers = comp_ticket(offers, voucher, info.tax_rate_bp)
        return offers, voucher

    def take_payment(self, actor: Actor, due_minor: int, currency: str,
                     payment: Payment | None) -> Paid:
        return take_payment(self.ctx.deps, actor, due_minor, currency, payment)

    def confirm(self, actor: Actor, hold_id: str, ticket_types: dict[str, str], payment: Payment,
                contact: str = "", items: Sequence[Order] = (), promo: str = "",
                member: str = "", language: str = "") -> Booking:
        """Check, claim in the cloud (outside any transaction), then commit locally at once.

        The booking id is the hold id, so a confirm retried after a crash between the cloud
        claim and the local commit replays the same cloud sale (its conditions admit it).
        """
        ctx = self.ctx
        now = ctx.now()
        rows = ctx.hold_rows(ctx.conn, hold_id)
        if rows is None or rows.expires_at <= now:
            return self._already_confirmed(ctx.conn, hold_id)
        if rows.kiosk_id != actor.kiosk_id:
            raise PermissionDenied("That seat hold belongs to another kiosk.")
        ensure_active(ctx.deps, actor, "confirm", hold_id)  # deactivated since signing in
        info = ctx.show(rows.show_id)
        ctx.check_on_sale(info, now)  # cancelled, or past the late-sale window (issue 11)
        phone = loyalty.member_of_sale(ctx.deps, member, (), info.currency)
        offers, voucher = self._offers(info, rows, ticket_types, promo, bool(phone), now)
        basket = offers.basket
        contact_text = normalise_contact(contact)
        free = ([(parse_item(voucher.item), voucher.code)]
                if voucher is not None and voucher.kind == "item" else [])
        food = self._price_items(info, items, free)
        due = basket.total_minor + (food.total_minor if food else 0)
        paid = self.take_payment(actor, due, info.currency, payment)
        loyalty.check_points_payer(phone, paid.tenders)  # points: the member's own
        basket_tenders = paid.tenders
        food_tenders: tuple[TenderLine, ...] = ()
        if food is not None:  # one payment for the basket: each sale records its part
            paid, food_tenders = split_basket_payment(paid, basket.total_minor)
        promo_intent = promos.take_use(ctx.deps, offers, str(rows.hold_id), rows.expires_at, now)
        used = (vouchers.take(ctx.deps, voucher, str(rows.hold_id),
                              rows.expires_at + loyalty.VOID_AFTER, now)
                if voucher is not None else None)
        sale_member = loyalty.prepare_redeem(ctx.deps, actor, phone, basket_tenders,
                                             info.currency, str(rows.hold_id),
                                             rows.expires_at + loyalty.VOID_AFTER)
        try:
            plan = self.claim_in_cloud(actor, info, rows, basket, now, paid,
                                       discount_minor=offers.discount_minor,
                                       discounts=offers.discounts, contact=contact_text)
        except (SeatsUnavailable, NotSellableOffline):
            # the seats refused the sale: no attempt of this hold can commit with them, so
            # what the cloud took for it goes back now (a re-picked hold is a new sale)
            if self._existing(ctx.conn, hold_id) is None:
                vouchers.give_back_now(ctx.deps, used, str(rows.hold_id))
                loyalty.give_back_now(ctx.deps, sale_member)
            raise
        earned = 0
        with transaction(ctx.conn) as conn:
            again, checked_at = ctx.hold_rows(conn, hold_id), ctx.now()
            if not self.unchanged(again, rows, checked_at):
                existing = self._existing(conn, hold_id)
                if existing is None:
                    raise self.changed_refusal(again, checked_at)
            else:
                existing = None
                finish = self.write_booking(conn, actor, info, again, basket, paid, contact_text,
                                            now, paid_minor=basket.total_minor,
                                            exchanged_from=None, plan=plan, offers=offers,
                                            promo_intent=promo_intent, language=language)
                if food is not None:  # same transaction: both sold, or neither
                    from kiosk.services.item_sales import write_sale

                    write_sale(conn, actor, food, food_tenders, paid.shift_id, now,
                               booking_id=plan.booking_id)
                if used is not None:
                    vouchers.record_use(conn, used, plan.booking_id, now, actor.kiosk_id)
                if sale_member.phone:  # nothing more to write for a sale without a member
                    earned = loyalty.record_sale(
                        conn, sale_member, basket_tenders, info.currency, now, actor.kiosk_id,
                        booking_id=plan.booking_id, what=loyalty.show_words(
                            info.film_title, info.starts_at, info.timezone),
                        reference=conn.execute("SELECT reference FROM bookings WHERE id = ?",
                                               (plan.booking_id,)).fetchone()[0],
                        cloud=ctx.deps.loyalty_cloud is not None)
        # Reading for the reply happens after COMMIT: the write lock is held only for writing.
        if existing is not None:
            return ctx.booking_from_row(existing)
        booking = finish()
        if not phone:
            return booking
        return dataclasses.replace(booking, member_phone=phone, points_earned=earned)

    def _price_items(self, info: ShowInfo, items: Sequence[Order],
                     free: Sequence[tuple[Order, str]] = ()) -> PricedItems | None:
        """The basket's food and drink (and what an item voucher gives), priced from the show's
        cinema's menu, stock checked before the cloud hears of the sale (the transaction takes
        it, conditionally)."""
        if not items and not free:
            return None
        from kiosk.services.item_sales import check_stock
        from kiosk.services.item_sales import price as price_items

        food = price_items(self.ctx.conn, info.cinema_id, items, free)
        check_stock(self.ctx.conn, food)
        return food

    @staticmethod
    def _existing(conn: sqlite3.Connection, hold_id: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = conn.execute(
            "SELECT * FROM bookings WHERE idempotency_key = ?", (str(hold_id),)).fetchone()
        return row

    def _already_confirmed(self, conn: sqlite3.Connection, hold_id: str) -> Booking:
        """Confirming consumes the hold, so a hold that is gone may be a double tap or a retry:
        answer with the booking it made. (Looked up only here: while the hold is live no booking
        can carry its id, and the unique key would refuse one.)"""
        existing = self._existing(conn, hold_id)
        if existing is None:
            raise HoldExpired()
        return self.ctx.booking_from_row(existing)

    @staticmethod
    def unchanged(again: HoldRows | None, before: HoldRows, now: datetime) -> TypeGuard[HoldRows]:
        """The hold the cloud claim was made for is still live with the same seats."""
        return (again is not None and again.expires_at > now
                and set(again.seats) == set(before.seats))

    @staticmethod
    def changed_refusal(again: HoldRows | None, now: datetime) -> Exception:
        if again is None or again.expires_at <= now:
            return HoldExpired()
        return SeatsUnavailable([], "The seats changed while the sale was being confirmed. "
                                    "Check the seats and confirm again; nothing was charged.")

    def claim_in_cloud(self, actor: Actor, info: ShowInfo, rows: HoldRows, basket: PricedBasket,
                       now: datetime, paid: Paid, paid_minor: int | None = None,
                       exchanged_from: str | None = None, discount_minor: int = 0,
                       discounts: tuple[Discount, ...] = (), contact: str = "") -> SalePlan:
        """Name the booking and make it durable in the cloud before anything is written here.

        Runs outside any transaction (it may wait on the network). The gate refuses, raising
        SeatsUnavailable, when the seats cannot be sold now; nothing is charged then. The cloud's
        booking item is the full ledger record (``kiosk.cloud.ledger``) the manager's day reads.
        """
        booking_id = str(rows.hold_id)
        reference = self.new_reference()
        hold = dataclasses.replace(rows, seats=tuple(in_layout_order(info, rows.seats)))
        record = sale_record(actor, info, booking_id, reference, rows.hold_id, basket, paid.summary,
                             to_iso(now), sale_business_date(now, info.timezone, info.closed_through),
                             paid_minor, exchanged_from, paid.tenders, discount_minor, discounts,
                             contact)
        try:
            claim = self.ctx.gate.claim_sale(hold, booking_id, record)
        except NotSellableOffline:  # not taken, only not sellable here now: no news
            raise
        except SeatsUnavailable as lost:  # taken elsewhere: the next seat search knows at once
            note_refused_quietly(self.ctx.conn, info.show_id, lost.seats, self.ctx.now())
            raise
        return SalePlan(booking_id, reference, claim)

    @staticmethod
    def _refuse_sold(conn: sqlite3.Connection, info: ShowInfo, seats: tuple[str, ...],
                     booking_id: str) -> None:
        """Raise SeatsUnavailable naming every seat of the sale sold here or in the cloud."""
        taken = {r[0] for r in conn.execute(_SOLD_SQL, (info.show_id, codes_json(seats),
                                                        booking_id))}
        raise SeatsUnavailable(in_layout_order(info, taken))

    def write_booking(self, conn: sqlite3.Connection, actor: Actor, info: ShowInfo,
                      hold: HoldRows, basket: PricedBasket, paid: Paid, contact: str,
                      now: datetime, paid_minor: int, exchanged_from: str | None,
                      plan: SalePlan, offers: Discounted | None = None,
                      promo_intent: int | None = None,
                      language: str = "") -> Callable[[], Booking]:
        """Insert booking, lines and seat sales, consume the hold, audit, outbox: caller's txn.

        ``plan`` is what ``claim_in_cloud`` did before the transaction: a sale the cloud already
        holds gets its outbox confirm row written as done and settles its undo intent here, in
        the same commit. Returns the reply, to call after COMMIT: it records the show's new sold
        count (kept, not recounted: see ``booking_counts``) and reads the show summary outside
        the write lock.
        """
        booking_id = plan.booking_id
        in_cloud = plan.claim.in_cloud
        if hold.sold_remotely and not in_cloud:  # e.g. the cloud pulled a sale of a seat whose
            self._refuse_sold(conn, info, hold.seats, booking_id)  # hold we lost
        created = to_iso(now)
        # after the cinema's Z close the sale falls on the next business day
        business_date = sale_business_date(now, info.timezone, info.closed_through)
        channel = channel_of(actor)
        reference = plan.reference
        for attempt in range(REFERENCE_ATTEMPTS):
            if attempt:
                reference = self.new_reference()
                in_cloud = False  # the cloud's booking item names the old reference: resend
            try:
                conn.execute(
                    _INSERT_BOOKING,
                    (booking_id, reference, hold.hold_id, info.show_id, channel, actor.kiosk_id,
                     actor.staff_id, paid.shift_id, contact, info.currency, basket.total_minor,
                     basket.tax_minor, paid.method, paid.card_last4, paid.tendered_minor,
                     paid.change_minor, "synced" if in_cloud else "pending", exchanged_from,
                     created, business_date, created, paid_minor,
                     paid.summary if paid.summary in _PAYMENT_KINDS else None,
                     offers.discount_minor if offers is not None else 0, paid.summary),
                )
                break
            except sqlite3.IntegrityError as exc:
                if "bookings.reference" not in str(exc) or attempt == REFERENCE_ATTEMPTS - 1:
                    raise
        tenders.record_tenders(conn, booking_id, paid.tenders)
        gift_cards.redeem(conn, paid.tenders, info.currency, now, actor.kiosk_id,
                          booking_id=booking_id)
        line_discounts = offers.line_discounts if offers else (0,) * len(basket.lines)
        conn.executemany(
            "INSERT INTO booking_seats (booking_id, seat_code, seat_type, ticket_type, "
            "price_minor, tax_minor, discount_minor) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(booking_id, line.seat_code, line.seat_type, line.ticket_type, line.price_minor,
              line.tax_minor, off) for line, off in zip(basket.lines, line_discounts, strict=True)],
        )
        if offers is not None and offers.discounts:  # statements only for a discounted sale
            promos.record_discounts(conn, offers, booking_id)
            promos.record_use(conn, offers, booking_id, now, promo_intent is not None)
        if promo_intent is not None:  # the cloud's use is this sale's: nothing to give back
            outbox.mark_done(conn, promo_intent, now)
        counts = self.ctx.sold_counts
        mark = counts.mark(conn, info.show_id)
        try:
            conn.executemany(
                "INSERT INTO seat_sales (show_id, seat_code, booking_id) VALUES (?, ?, ?)",
                [(info.show_id, line.seat_code, booking_id) for line in basket.lines],
            )
        except sqlite3.IntegrityError as exc:  # sold here meanwhile: the primary key says no
            if "seat_sales" not in str(exc):
                raise
            self._refuse_sold(conn, info, hold.seats, booking_id)
        record_count = counts.after_sale(mark, len(basket.lines))
        consumed = conn.execute(_CONSUME_HOLD, (hold.hold_id, info.cinema_id, business_date,
                                                paid.shift_id, paid.shift_id)).rowcount
        if not consumed:  # the day or the shift closed while the cloud claim was out
            raise self._closed_meanwhile(conn, info, business_date)
        seats = [line.seat_code for line in basket.lines]
        audit.record(conn, at=now, kiosk_id=actor.kiosk_id,
                     action="exchange" if exchanged_from else "confirm",
                     staff_id=actor.staff_id, target=reference,
                     detail={"booking_id": booking_id, "show_id": info.show_id, "seats": seats,
                             "total_minor": basket.total_minor, "paid_minor": paid_minor,
                             "currency": info.currency,  # its audit sentence says the money
                             "method": paid.summary, "exchanged_from": exchanged_from,
                             "tenders": [[t.kind, t.amount_minor] for t in paid.tenders],
                             **({"discounts": [[d.offer_id, d.amount_minor]
                                               for d in offers.discounts]}
                                if offers is not None and offers.discounts else {})})
        outbox.enqueue(conn, kind="confirm", booking_id=booking_id, now=now, done=in_cloud,
                       payload={
            **sale_record(actor, info, booking_id, reference, hold.hold_id, basket, paid.summary,
                          created, business_date, paid_minor, exchanged_from, paid.tenders,
                          offers.discount_minor if offers is not None else 0,
                          offers.discounts if offers is not None else (), contact),
            "seats": seats,
        })
        if plan.claim.intent_id is not None:  # the sale is committed: nothing to undo
            outbox.mark_done(conn, plan.claim.intent_id, now)
        if contact:  # in the customer's language (the kiosk's, unless the sale said another)
            outbox.enqueue(conn, kind="notify", booking_id=booking_id, now=now,
                           payload={"booking_id": booking_id, "contact": contact,
                                    "language": language or self.ctx.deps.config.language})
        booking = functools.partial(
            Booking,
            booking_id=booking_id, reference=reference,
            channel=channel, kiosk_id=actor.kiosk_id, staff_id=actor.staff_id,
            lines=tuple(BookingLine(line.seat_code, line.seat_type, line.ticket_type,
                                    line.price_minor, line.tax_minor, False, off)
                        for line, off in zip(basket.lines, line_discounts, strict=True)),
            currency=info.currency, total_minor=basket.total_minor, tax_minor=basket.tax_minor,
            refunded_minor=0, payment_method=paid.summary, card_last4=paid.card_last4,
            tendered_minor=paid.tendered_minor, change_minor=paid.change_minor,
            customer_contact=contact, state="confirmed",
            sync_state="synced" if in_cloud else "pending",
            created_at=from_iso(created), paid_minor=paid_minor, exchanged_from=exchanged_from,
            tenders=paid.tenders, discounts=offers.discounts if offers is not None else (),
            ticket_code=self.ctx.deps.ticket_code(reference, info.cinema_id),
        )

        def reply() -> Booking:
            record_count()
            return booking(show=self.ctx.show_summary(info))

        return reply

    @staticmethod
    def _closed_meanwhile(conn: sqlite3.Connection, info: ShowInfo,
                          business_date: str) -> KioskError:
        """Why consuming the hold deleted nothing (it was read live in this transaction). The
        transaction rolls back, and an unsettled cloud claim is undone by its intent, so nothing
        is sold or charged."""
        if conn.execute("SELECT 1 FROM business_days WHERE cinema_id = ? AND business_date >= ?",
                        (info.cinema_id, business_date)).fetchone():
            return InvalidInput(f"Business day {business_date} was closed while this sale was "
                                "being confirmed. Nothing was sold or charged: confirm again and "
                                "the sale goes on the next business day.")
        return PaymentError("Your shift was closed while this sale was being confirmed. Nothing "
                            "was sold or charged: confirm again (cash needs an open shift).")

    def get(self, reference: str) -> Booking:
        return self.ctx.booking_from_row(self.ctx.booking_row(self.ctx.conn, reference))

    def get_by_id(self, booking_id: str) -> Booking:
        return self.ctx.booking_from_row(self.ctx.booking_by_id(booking_id))

"""Hold, confirm, cancel, refund, exchange. A confirm is ONE local transaction.

Holds: one ``holds`` row per seat (primary key show+seat), so two live holds on a seat are
impossible; an expired row is taken over (delete + insert) in the transaction of the new hold.
The seat gate (cloud) is asked before a hold commits and told when one ends; it is never called
inside a SQLite write transaction.

Confirm, refund and exchange each write the money record, the seat rows, the audit row and the
outbox rows in one ``transaction()``: all of it survives a crash, or none of it.

The sale path is kept lean because the disk's commit rate is the budget it spends: the show,
layout and price list come from a per-connection cache (``booking_catalogue``), the hold read also
flags seats the cloud sold, a local double sale is left to the seat_sales primary key, and a
confirm runs 11 statements for any number of seats (executemany) plus one count for the reply.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from kiosk.domain.booking_rules import (
    cash_change,
    check_card_last4,
    check_seat_count,
    check_seat_request,
    normalise_contact,
)
from kiosk.domain.clock import from_iso, local, to_iso
from kiosk.domain.errors import (
    HoldExpired,
    InvalidInput,
    NotFound,
    PaymentError,
    PermissionDenied,
    SeatsUnavailable,
    ShowNotOnSale,
)
from kiosk.domain.ids import new_id, new_reference, normalise_reference
from kiosk.domain.money import format_money, tax_included
from kiosk.domain.pricing import PricedBasket, price_basket
from kiosk.services import audit, outbox
from kiosk.services.auth import ensure_manager, ensure_staff, open_shift_id
from kiosk.services.booking_catalogue import ShowInfo, show_cache
from kiosk.services.deps import ServiceDeps
from kiosk.services.gate import LocalGate
from kiosk.services.models import (
    Actor,
    Booking,
    BookingLine,
    Channel,
    Hold,
    Payment,
    Quote,
    QuoteLine,
    RefundResult,
    Role,
    ShowSummary,
)
from kiosk.store.db import transaction

ACTIVE_STATES = ("confirmed", "partially_refunded")
REFERENCE_ATTEMPTS = 8

# Seats of one show this kiosk must not sell: sold here, live-held by another hold, or sold /
# live-held / allocated elsewhere according to the last pull from the cloud. ?1 show, ?2 now
# (UTC ISO), ?3 this kiosk, ?4 hold to ignore; {seats} narrows each part to the seats asked about
# (a primary-key probe per seat; "?5 IS NULL OR" would scan the whole show instead).
_UNAVAILABLE_SQL = """
SELECT seat_code FROM seat_sales WHERE show_id = ?1{seats}
UNION
SELECT seat_code FROM holds
 WHERE show_id = ?1 AND expires_at > ?2 AND hold_id IS NOT ?4{seats}
UNION
SELECT seat_code FROM remote_seats
 WHERE show_id = ?1{seats}
   AND (state = 'sold'
        OR (state = 'held' AND (expires_at IS NULL OR expires_at > ?2)
            AND COALESCE(kiosk_id, '') != ?3)
        OR (state = 'allocated' AND COALESCE(kiosk_id, '') != ?3))
"""
_IN_SEATS = " AND seat_code IN (SELECT value FROM json_each(?5))"
_UNAVAILABLE_IN_SHOW_SQL = _UNAVAILABLE_SQL.format(seats="")
_UNAVAILABLE_SEATS_SQL = _UNAVAILABLE_SQL.format(seats=_IN_SEATS)

# A hold's rows, each flagged when the last pull from the cloud says the seat was sold elsewhere.
# That flag is the whole confirm-time re-check: a live hold excludes other holds (primary key) and
# a local sale of the same seat fails the seat_sales primary key, so only a remote sale needs a look.
_HOLD_ROWS_SQL = (
    "SELECT h.show_id, h.seat_code, h.kiosk_id, h.expires_at, EXISTS (SELECT 1 FROM remote_seats r "
    "WHERE r.show_id = h.show_id AND r.seat_code = h.seat_code AND r.state = 'sold') "
    "FROM holds h WHERE h.hold_id = ? ORDER BY h.rowid"
)
# Which of the seats are sold, here (?3: not by the booking being written) or in the cloud: names
# the seats when the sale is refused.
_SOLD_SQL = """
SELECT seat_code FROM seat_sales
 WHERE show_id = ?1 AND seat_code IN (SELECT value FROM json_each(?2)) AND booking_id != ?3
UNION
SELECT seat_code FROM remote_seats
 WHERE show_id = ?1 AND state = 'sold' AND seat_code IN (SELECT value FROM json_each(?2))
"""


def show_summary(conn: sqlite3.Connection, info: ShowInfo) -> ShowSummary:
    """The listing view of one show: seats left counts local and remotely pulled sales."""
    sold = conn.execute(
        "SELECT (SELECT COUNT(*) FROM seat_sales WHERE show_id = ?1) + "
        "(SELECT COUNT(*) FROM remote_seats r WHERE r.show_id = ?1 AND r.state = 'sold' "
        " AND NOT EXISTS (SELECT 1 FROM seat_sales l WHERE l.show_id = ?1 "
        " AND l.seat_code = r.seat_code))",
        (info.show_id,),
    ).fetchone()[0]
    return ShowSummary(
        show_id=info.show_id, film_id=info.film_id, film_title=info.film_title,
        certificate=info.certificate, language=info.language, genres=info.genres,
        runtime_min=info.runtime_min, cinema_id=info.cinema_id, cinema_name=info.cinema_name,
        city=info.city, hall_id=info.hall_id, hall_name=info.hall_name,
        starts_at=info.starts_at, local_start=info.local_start, timezone=info.timezone,
        seats_total=info.seat_count, seats_left=max(0, info.seat_count - int(sold)),
        currency=info.currency, from_price_minor=info.cheapest_adult_minor,
    )


@dataclass(frozen=True)
class _HoldRows:
    hold_id: str
    show_id: str
    seats: tuple[str, ...]
    expires_at: datetime
    kiosk_id: str
    sold_remotely: tuple[str, ...] = ()  # held seats the cloud says were sold elsewhere


@dataclass(frozen=True)
class _Paid:
    method: str
    card_last4: str | None
    tendered_minor: int | None
    change_minor: int | None
    shift_id: int | None


def _channel(actor: Actor) -> str:
    return Channel.SELF_SERVICE.value if actor.role == Role.SELF_SERVICE else Channel.COUNTER.value


def _codes_json(codes: list[str] | tuple[str, ...]) -> str:
    return json.dumps(list(codes))


class BookingService:
    def __init__(self, deps: ServiceDeps, gate=None):
        self.deps = deps
        self.gate = gate or LocalGate()

    # ------------------------------------------------------------------ helpers
    @property
    def conn(self) -> sqlite3.Connection:
        return self.deps.db.conn

    def _now(self) -> datetime:
        return self.deps.clock.now()

    def _hold_expiry(self, now: datetime) -> datetime:
        return now + timedelta(minutes=self.deps.config.hold_minutes)

    def _show(self, show_id: str, conn: sqlite3.Connection | None = None) -> ShowInfo:
        """The show, cached per connection; pass ``conn`` inside our own transaction."""
        return show_cache(self.deps.db).show(conn or self.conn, show_id,
                                             own_transaction=conn is not None)

    def _show_on_sale(self, show_id: str, now: datetime) -> ShowInfo:
        info = self._show(show_id)
        if info.status == "cancelled":
            raise ShowNotOnSale(f"The {info.film_title} show has been cancelled and is not on sale.")
        if info.starts_at <= now:
            raise ShowNotOnSale(
                f"The {info.film_title} show at {info.local_start.strftime('%H:%M')} has already "
                f"started; tickets are no longer on sale."
            )
        return info

    @staticmethod
    def _check_seats_exist(info: ShowInfo, codes: list[str]) -> None:
        unknown = [c for c in codes if c not in info.layout.seats]
        if unknown:
            raise InvalidInput(
                f"There is no seat {', '.join(unknown)} in {info.hall_name}."
                if len(unknown) == 1 else
                f"There are no seats {', '.join(unknown)} in {info.hall_name}."
            )

    def _check_offline(self, show_id: str, codes: list[str]) -> None:
        sellable = self.gate.offline_sellable(show_id)
        if sellable is None:
            return
        outside = [c for c in codes if c not in sellable]
        if outside:
            raise SeatsUnavailable(
                outside,
                f"This kiosk is offline and can sell only the seats allocated to it; "
                f"{', '.join(outside)} cannot be sold here until it is back online.",
            )

    def _unavailable(self, conn: sqlite3.Connection, show_id: str, codes: list[str] | None,
                     kiosk_id: str, now: datetime, ignore_hold: str | None = None) -> set[str]:
        if codes is None:
            rows = conn.execute(_UNAVAILABLE_IN_SHOW_SQL, (show_id, to_iso(now), kiosk_id,
                                                           ignore_hold))
        else:
            rows = conn.execute(_UNAVAILABLE_SEATS_SQL, (show_id, to_iso(now), kiosk_id,
                                                         ignore_hold, _codes_json(codes)))
        return {r[0] for r in rows}

    @staticmethod
    def _in_layout_order(info: ShowInfo, codes: set[str] | list[str]) -> list[str]:
        seats = info.layout.seats
        return sorted(codes, key=lambda c: (seats[c].row_index, seats[c].column)
                      if c in seats else (10**9, 0))

    def _hold_rows(self, conn: sqlite3.Connection, hold_id: str) -> _HoldRows | None:
        rows = conn.execute(_HOLD_ROWS_SQL, (str(hold_id),)).fetchall()
        if not rows:
            return None
        # Stored by to_iso (UTC, whole seconds, one format), so the text minimum is the earliest.
        return _HoldRows(
            hold_id=str(hold_id), show_id=rows[0][0], seats=tuple(r[1] for r in rows),
            expires_at=from_iso(min(r[3] for r in rows)), kiosk_id=rows[0][2],
            sold_remotely=tuple(r[1] for r in rows if r[4]),
        )

    def _live_hold(self, conn: sqlite3.Connection, hold_id: str, now: datetime,
                   actor: Actor | None = None) -> _HoldRows:
        rows = self._hold_rows(conn, hold_id)
        if rows is None or rows.expires_at <= now:
            raise HoldExpired()
        if actor is not None and rows.kiosk_id != actor.kiosk_id:
            raise PermissionDenied("That seat hold belongs to another kiosk.")
        return rows

    def _to_hold(self, rows: _HoldRows, info: ShowInfo | None = None) -> Hold:
        seats = rows.seats if info is None else tuple(self._in_layout_order(info, list(rows.seats)))
        return Hold(hold_id=rows.hold_id, show_id=rows.show_id, seats=seats,
                    expires_at=rows.expires_at, kiosk_id=rows.kiosk_id)

    def _release_quietly(self, hold: Hold) -> None:
        """The gate must not raise for network trouble; a buggy one must not mask our error."""
        if not hold.seats:
            return
        try:
            self.gate.release_hold(hold)
        except Exception:  # noqa: BLE001 - the original refusal is what the person must see
            pass

    def _price(self, conn: sqlite3.Connection, info: ShowInfo, seats: tuple[str, ...],
               ticket_types: dict[str, str] | None) -> PricedBasket:
        layout = info.layout.seats
        ordered = self._in_layout_order(info, list(seats))
        return price_basket(((c, layout[c].type.value) for c in ordered), ticket_types,
                            info.prices, info.tax_rate_bp, info.certificate)

    # ------------------------------------------------------------------ holds
    def hold(self, actor: Actor, show_id: str, seat_codes: list[str]) -> Hold:
        codes = check_seat_request(seat_codes, self.deps.config.max_seats_per_booking)
        now = self._now()
        info = self._show_on_sale(show_id, now)
        self._check_seats_exist(info, codes)
        self._check_offline(info.show_id, codes)
        taken = self._unavailable(self.conn, info.show_id, codes, actor.kiosk_id, now)
        if taken:
            raise SeatsUnavailable(self._in_layout_order(info, taken))
        hold = Hold(hold_id=new_id(), show_id=info.show_id,
                    seats=tuple(self._in_layout_order(info, codes)),
                    expires_at=self._hold_expiry(now).replace(microsecond=0), kiosk_id=actor.kiosk_id)
        self.gate.claim_hold(hold)
        try:
            with transaction(self.conn) as conn:
                self._insert_hold_rows(conn, info, hold, list(hold.seats), now)
        except BaseException:
            self._release_quietly(hold)
            raise
        return hold

    def _insert_hold_rows(self, conn: sqlite3.Connection, info: ShowInfo, hold: Hold,
                          codes: list[str], now: datetime) -> None:
        """Under the write lock: re-check, take over expired rows, insert ours."""
        taken = self._unavailable(conn, info.show_id, codes, hold.kiosk_id, now,
                                  ignore_hold=hold.hold_id)
        if taken:
            raise SeatsUnavailable(self._in_layout_order(info, taken))
        conn.execute(
            "DELETE FROM holds WHERE show_id = ? AND expires_at <= ? AND hold_id != ? "
            "AND seat_code IN (SELECT value FROM json_each(?))",
            (info.show_id, to_iso(now), hold.hold_id, _codes_json(codes)),
        )
        expires = to_iso(hold.expires_at)
        conn.executemany(
            "INSERT INTO holds (show_id, seat_code, hold_id, kiosk_id, expires_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [(info.show_id, c, hold.hold_id, hold.kiosk_id, expires) for c in codes],
        )

    def change_hold(self, actor: Actor, hold_id: str, add: list[str] = (), remove: list[str] = ()) -> Hold:
        """Tap-to-toggle: add and remove seats, keeping the hold id; adding restarts the expiry.

        Removing the last seat releases the hold (the returned Hold has no seats).
        """
        now = self._now()
        current = self._live_hold(self.conn, hold_id, now, actor)
        add_codes = [str(c).strip() for c in add if str(c).strip()]
        remove_codes = {str(c).strip() for c in remove}
        kept = [c for c in current.seats if c not in remove_codes]
        added = [c for c in dict.fromkeys(add_codes) if c not in current.seats]
        removed = [c for c in current.seats if c in remove_codes]
        seats = kept + added
        if not seats:
            self.release(hold_id)
            return Hold(hold_id=current.hold_id, show_id=current.show_id, seats=(),
                        expires_at=now, kiosk_id=current.kiosk_id)
        if len(seats) > self.deps.config.max_seats_per_booking:
            check_seat_count(len(seats), self.deps.config.max_seats_per_booking)
        info = self._show_on_sale(current.show_id, now) if added else self._show(current.show_id)
        if added:
            self._check_seats_exist(info, added)
            self._check_offline(info.show_id, added)
            taken = self._unavailable(self.conn, info.show_id, added, actor.kiosk_id, now,
                                      ignore_hold=hold_id)
            if taken:
                raise SeatsUnavailable(self._in_layout_order(info, taken))
        # Adding seats claims the whole hold again at the gate, which renews it there too; a
        # remove-only change keeps the expiry, so the local hold never outlives the cloud's.
        expires = self._hold_expiry(now).replace(microsecond=0) if added else current.expires_at
        new = Hold(hold_id=current.hold_id, show_id=info.show_id,
                   seats=tuple(self._in_layout_order(info, seats)),
                   expires_at=expires, kiosk_id=actor.kiosk_id)
        if added:
            self.gate.claim_hold(new)
        try:
            with transaction(self.conn) as conn:
                again = self._hold_rows(conn, hold_id)
                if again is None or again.expires_at <= now or set(again.seats) != set(current.seats):
                    raise HoldExpired()
                if removed:
                    conn.execute(
                        "DELETE FROM holds WHERE hold_id = ? AND seat_code IN "
                        "(SELECT value FROM json_each(?))",
                        (hold_id, _codes_json(removed)),
                    )
                if added:
                    self._insert_hold_rows(conn, info, new, added, now)
                conn.execute("UPDATE holds SET expires_at = ? WHERE hold_id = ?",
                             (to_iso(new.expires_at), hold_id))
        except BaseException:
            if added:
                self._release_quietly(Hold(new.hold_id, new.show_id, tuple(added), new.expires_at,
                                           new.kiosk_id))
            raise
        if removed:
            self._release_quietly(Hold(new.hold_id, new.show_id, tuple(removed), new.expires_at,
                                       new.kiosk_id))
        return new

    def best_available(self, show_id: str, n: int, accessible: bool = False) -> list[str]:
        """The best block of ``n`` seats free for this kiosk now; [] when none fits."""
        check_seat_count(n, self.deps.config.max_seats_per_booking)
        info = self._show(show_id)
        return self._best(info, n, accessible, self.deps.config.kiosk_id, self._now(), None)

    def _best(self, info: ShowInfo, n: int, accessible: bool, kiosk_id: str, now: datetime,
              ignore_hold: str | None) -> list[str]:
        from kiosk.domain.seating import best_available  # owned by the catalogue engineer

        unavailable = self._unavailable(self.conn, info.show_id, None, kiosk_id, now, ignore_hold)
        sellable = self.gate.offline_sellable(info.show_id)
        if sellable is not None:
            unavailable |= set(info.layout.seats) - set(sellable)
        return list(best_available(info.layout, unavailable, n, accessible) or [])

    def hold_best(self, actor: Actor, show_id: str, n: int, accessible: bool = False,
                  hold_id: str | None = None) -> Hold:
        """Hold the best ``n`` seats together; with ``hold_id``, move that hold onto them."""
        check_seat_count(n, self.deps.config.max_seats_per_booking)
        now = self._now()
        info = self._show_on_sale(show_id, now)
        existing = self._live_hold(self.conn, hold_id, now, actor) if hold_id else None
        if existing is not None and existing.show_id != info.show_id:
            raise InvalidInput("That seat hold is for a different show.")
        for _attempt in range(3):  # another kiosk may take the block between search and hold
            seats = self._best(info, n, accessible, actor.kiosk_id, now, hold_id)
            if not seats:
                kind = "accessible seats" if accessible else "seats together"
                raise SeatsUnavailable([], f"Sorry, there are not {n} {kind} left for this show.")
            try:
                if existing is not None:
                    return self.change_hold(actor, existing.hold_id, add=seats,
                                            remove=[c for c in existing.seats if c not in seats])
                return self.hold(actor, info.show_id, seats)
            except SeatsUnavailable:
                continue
        raise SeatsUnavailable([], "Seats are selling fast: please try again.")

    def renew_hold(self, hold_id: str) -> Hold:
        now = self._now()
        current = self._live_hold(self.conn, hold_id, now)
        info = self._show(current.show_id)
        renewed = Hold(hold_id=current.hold_id, show_id=current.show_id,
                       seats=tuple(self._in_layout_order(info, list(current.seats))),
                       expires_at=self._hold_expiry(now).replace(microsecond=0),
                       kiosk_id=current.kiosk_id)
        self.gate.claim_hold(renewed)
        try:
            with transaction(self.conn) as conn:
                again = self._hold_rows(conn, hold_id)
                if again is None or again.expires_at <= now:
                    raise HoldExpired()
                conn.execute("UPDATE holds SET expires_at = ? WHERE hold_id = ?",
                             (to_iso(renewed.expires_at), hold_id))
        except HoldExpired:  # it lapsed (or was released) while the gate renewed it
            self._release_quietly(renewed)
            raise
        return renewed

    def release(self, hold_id: str) -> None:
        """Give the seats back; releasing an unknown or already released hold is fine."""
        with transaction(self.conn) as conn:
            rows = self._hold_rows(conn, hold_id)
            if rows is None:
                return
            conn.execute("DELETE FROM holds WHERE hold_id = ?", (hold_id,))
        self._release_quietly(self._to_hold(rows))

    def expire_holds(self) -> int:
        """Delete this kiosk's expired hold rows and tell the gate; returns how many seats.

        Expired rows are harmless (every check ignores them and a new hold takes them over), so
        this is housekeeping for an idle timer, never needed for correctness.
        """
        now = self._now()
        kiosk_id = self.deps.config.kiosk_id
        with transaction(self.conn) as conn:
            rows = conn.execute(
                "SELECT hold_id, show_id, seat_code, expires_at FROM holds "
                "WHERE kiosk_id = ? AND expires_at <= ? ORDER BY hold_id, rowid",
                (kiosk_id, to_iso(now))).fetchall()
            conn.execute("DELETE FROM holds WHERE kiosk_id = ? AND expires_at <= ?",
                         (kiosk_id, to_iso(now)))
        grouped: dict[str, list[sqlite3.Row]] = {}
        for r in rows:
            grouped.setdefault(r["hold_id"], []).append(r)
        for hold_id, seats in grouped.items():
            self._release_quietly(Hold(hold_id, seats[0]["show_id"],
                                       tuple(r["seat_code"] for r in seats),
                                       from_iso(seats[0]["expires_at"]), kiosk_id))
        return len(rows)

    def get_hold(self, hold_id: str) -> Hold:
        rows = self._live_hold(self.conn, hold_id, self._now())
        return self._to_hold(rows, self._show(rows.show_id))

    def quote(self, hold_id: str, ticket_types: dict[str, str]) -> Quote:
        rows = self._live_hold(self.conn, hold_id, self._now())
        info = self._show(rows.show_id)
        basket = self._price(self.conn, info, rows.seats, ticket_types)
        return Quote(
            lines=tuple(QuoteLine(line.seat_code, line.seat_type, line.ticket_type,
                                  line.price_minor, line.tax_minor) for line in basket.lines),
            currency=info.currency, total_minor=basket.total_minor, tax_minor=basket.tax_minor,
        )

    # ------------------------------------------------------------------ confirm
    def _take_payment(self, conn: sqlite3.Connection, actor: Actor, due_minor: int,
                      currency: str, payment: Payment | None) -> _Paid:
        if payment is None or not isinstance(payment, Payment):
            raise PaymentError(f"Take payment of {format_money(due_minor, currency)} first.")
        method = str(payment.method or "").strip().lower()
        if method not in ("cash", "card"):
            raise PaymentError("Choose cash or card as the payment method.")
        shift_id = (open_shift_id(self.deps, actor.staff_id, actor.kiosk_id)
                    if actor.staff_id is not None else None)
        if method == "card":
            return _Paid("card", check_card_last4(payment.card_last4), None, None, shift_id)
        if actor.role == Role.SELF_SERVICE:
            raise PaymentError("This kiosk takes card payments only.")
        change = cash_change(due_minor, payment.tendered_minor, currency)
        if shift_id is None:
            raise PaymentError("Open your shift before taking cash.")
        return _Paid("cash", None, payment.tendered_minor, change, shift_id)

    def confirm(self, actor: Actor, hold_id: str, ticket_types: dict[str, str], payment: Payment,
                contact: str = "") -> Booking:
        now = self._now()
        existing = None
        with transaction(self.conn) as conn:
            rows = self._hold_rows(conn, hold_id)
            if rows is None or rows.expires_at <= now:
                # Confirming consumes the hold, so a hold that is gone may be a double tap or a
                # retry: answer with the booking it made, once. (Looked up only here: while the
                # hold is live no booking can carry its id, and the unique key would refuse one.)
                existing = conn.execute("SELECT * FROM bookings WHERE idempotency_key = ?",
                                        (str(hold_id),)).fetchone()
                if existing is None:
                    raise HoldExpired()
            else:
                if rows.kiosk_id != actor.kiosk_id:
                    raise PermissionDenied("That seat hold belongs to another kiosk.")
                info = self._show(rows.show_id, conn)
                if info.status == "cancelled":
                    raise ShowNotOnSale(
                        f"The {info.film_title} show has been cancelled and is not on sale.")
                basket = self._price(conn, info, rows.seats, ticket_types)
                contact_text = normalise_contact(contact)
                paid = self._take_payment(conn, actor, basket.total_minor, info.currency, payment)
                finish = self._write_booking(conn, actor, info, rows, basket, paid, contact_text,
                                             now, paid_minor=basket.total_minor,
                                             exchanged_from=None)
        # Reading for the reply happens after COMMIT: the write lock is held only for writing.
        if existing is not None:
            return self._booking_from_row(self.conn, existing)
        return finish(show=show_summary(self.conn, info))

    def _refuse_sold(self, conn: sqlite3.Connection, info: ShowInfo, codes_json: str,
                     booking_id: str) -> None:
        """Raise SeatsUnavailable naming every seat of the sale sold here or in the cloud."""
        taken = {r[0] for r in conn.execute(_SOLD_SQL, (info.show_id, codes_json, booking_id))}
        raise SeatsUnavailable(self._in_layout_order(info, taken))

    def _write_booking(self, conn: sqlite3.Connection, actor: Actor, info: ShowInfo,
                       hold: _HoldRows, basket: PricedBasket, paid: _Paid, contact: str,
                       now: datetime, paid_minor: int, exchanged_from: str | None,
                       ) -> Callable[..., Booking]:
        """Insert booking, lines and seat sales, consume the hold, audit, outbox: caller's txn.

        Returns a function that completes the Booking from a show summary, which the caller
        reads after COMMIT (counting a 20,000-seat show's sales takes about a millisecond).
        """
        booking_id = new_id()
        codes_json = _codes_json(hold.seats)
        if hold.sold_remotely:  # e.g. the cloud pulled a sale of a seat whose hold we lost
            self._refuse_sold(conn, info, codes_json, booking_id)
        created = to_iso(now)
        business_date = local(now, info.timezone).date().isoformat()
        channel = _channel(actor)
        for attempt in range(REFERENCE_ATTEMPTS):
            reference = new_reference()
            try:
                conn.execute(
                    "INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, "
                    "kiosk_id, staff_id, shift_id, customer_contact, currency, total_minor, "
                    "tax_minor, payment_method, card_last4, cash_tendered_minor, change_minor, "
                    "state, sync_state, exchanged_from, created_at, business_date, updated_at, "
                    "paid_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "'confirmed', 'pending', ?, ?, ?, ?, ?)",
                    (booking_id, reference, hold.hold_id, info.show_id, channel, actor.kiosk_id,
                     actor.staff_id, paid.shift_id, contact, info.currency, basket.total_minor,
                     basket.tax_minor, paid.method, paid.card_last4, paid.tendered_minor,
                     paid.change_minor, exchanged_from, created, business_date, created,
                     paid_minor),
                )
                break
            except sqlite3.IntegrityError as exc:
                if "bookings.reference" not in str(exc) or attempt == REFERENCE_ATTEMPTS - 1:
                    raise
        conn.executemany(
            "INSERT INTO booking_seats (booking_id, seat_code, seat_type, ticket_type, "
            "price_minor, tax_minor) VALUES (?, ?, ?, ?, ?, ?)",
            [(booking_id, line.seat_code, line.seat_type, line.ticket_type, line.price_minor,
              line.tax_minor) for line in basket.lines],
        )
        try:
            conn.executemany(
                "INSERT INTO seat_sales (show_id, seat_code, booking_id) VALUES (?, ?, ?)",
                [(info.show_id, line.seat_code, booking_id) for line in basket.lines],
            )
        except sqlite3.IntegrityError as exc:  # sold here meanwhile: the primary key says no
            if "seat_sales" not in str(exc):
                raise
            self._refuse_sold(conn, info, codes_json, booking_id)
        conn.execute("DELETE FROM holds WHERE hold_id = ?", (hold.hold_id,))
        seats = [line.seat_code for line in basket.lines]
        audit.record(conn, at=now, kiosk_id=actor.kiosk_id,
                     action="exchange" if exchanged_from else "confirm",
                     staff_id=actor.staff_id, target=reference,
                     detail={"booking_id": booking_id, "show_id": info.show_id, "seats": seats,
                             "total_minor": basket.total_minor, "paid_minor": paid_minor,
                             "method": paid.method, "exchanged_from": exchanged_from})
        outbox.enqueue(conn, kind="confirm", booking_id=booking_id, now=now, payload={
            "booking_id": booking_id, "reference": reference, "show_id": info.show_id,
            "seats": seats, "hold_id": hold.hold_id, "kiosk_id": actor.kiosk_id,
            "channel": channel, "total_minor": basket.total_minor, "currency": info.currency,
            "created_at": created,
        })
        if contact:
            outbox.enqueue(conn, kind="notify", booking_id=booking_id, now=now,
                           payload={"booking_id": booking_id, "contact": contact})
        return functools.partial(
            Booking,
            booking_id=booking_id, reference=reference,
            channel=channel, kiosk_id=actor.kiosk_id, staff_id=actor.staff_id,
            lines=tuple(BookingLine(line.seat_code, line.seat_type, line.ticket_type,
                                    line.price_minor, line.tax_minor) for line in basket.lines),
            currency=info.currency, total_minor=basket.total_minor, tax_minor=basket.tax_minor,
            refunded_minor=0, payment_method=paid.method, card_last4=paid.card_last4,
            tendered_minor=paid.tendered_minor, change_minor=paid.change_minor,
            customer_contact=contact, state="confirmed", sync_state="pending",
            created_at=from_iso(created),
        )

    # ------------------------------------------------------------------ reading
    def _booking_from_row(self, conn: sqlite3.Connection, row: sqlite3.Row) -> Booking:
        lines = conn.execute(
            "SELECT seat_code, seat_type, ticket_type, price_minor, tax_minor, refunded "
            "FROM booking_seats WHERE booking_id = ? ORDER BY rowid",
            (row["id"],),
        ).fetchall()
        info = self._show(row["show_id"])
        return Booking(
            booking_id=row["id"], reference=row["reference"], show=show_summary(conn, info),
            channel=row["channel"], kiosk_id=row["kiosk_id"], staff_id=row["staff_id"],
            lines=tuple(BookingLine(r["seat_code"], r["seat_type"], r["ticket_type"],
                                    r["price_minor"], r["tax_minor"], bool(r["refunded"]))
                        for r in lines),
            currency=row["currency"], total_minor=row["total_minor"], tax_minor=row["tax_minor"],
            refunded_minor=row["refunded_minor"], payment_method=row["payment_method"],
            card_last4=row["card_last4"], tendered_minor=row["cash_tendered_minor"],
            change_minor=row["change_minor"], customer_contact=row["customer_contact"],
            state=row["state"], sync_state=row["sync_state"],
            created_at=from_iso(row["created_at"]),
        )

    def _booking_row(self, conn: sqlite3.Connection, reference: str) -> sqlite3.Row:
        text = str(reference or "").strip()
        if not text:
            raise InvalidInput("Enter the booking reference from the ticket.")
        row = conn.execute("SELECT * FROM bookings WHERE reference = ?",
                           (normalise_reference(text),)).fetchone()
        if row is None:
            raise NotFound(f"No booking with reference {text}. Check the letters and numbers "
                           f"on the ticket.")
        return row

    def get(self, reference: str) -> Booking:
        return self._booking_from_row(self.conn, self._booking_row(self.conn, reference))

    def get_by_id(self, booking_id: str) -> Booking:
        row = self.conn.execute("SELECT * FROM bookings WHERE id = ?", (booking_id,)).fetchone()
        if row is None:
            raise NotFound("No such booking.")
        return self._booking_from_row(self.conn, row)

    # ------------------------------------------------------------------ refunds
    def _refusal(self, actor: Actor, action: str, target: str, message: str,
                 **detail: object) -> PermissionDenied:
        """Audit a refused action in its own transaction and return the error to raise."""
        audit.record_refusal(self.conn, at=self._now(), actor=actor, action=action, target=target,
                             detail={"reason": message, **detail})
        return PermissionDenied(message)

    def _check_started_show(self, actor: Actor, reference: str, action: str) -> None:
        """After the show starts only a manager may give money back (checked before writing)."""
        row = self.conn.execute(
            "SELECT s.starts_at FROM bookings b JOIN shows s ON s.id = b.show_id "
            "WHERE b.reference = ?", (normalise_reference(str(reference or "")),)).fetchone()
        if row is not None and from_iso(row[0]) <= self._now() and actor.role != Role.MANAGER:
            raise self._refusal(actor, action, normalise_reference(str(reference)),
                                "The show has already started: only a manager can do this.")

    def _refund_plan(self, conn: sqlite3.Connection, booking: sqlite3.Row,
                     seats: list[str] | None, ignore_request: int | None = None,
                     allow_conflict: bool = False) -> tuple[list[sqlite3.Row], int, int]:
        """The booking lines to refund, with amount and tax; refuse anything not refundable."""
        allowed = (*ACTIVE_STATES, "conflict") if allow_conflict else ACTIVE_STATES
        if booking["state"] not in allowed:
            raise InvalidInput(f"Booking {booking['reference']} is {booking['state'].replace('_', ' ')}"
                               f": there is nothing left to refund.")
        lines = conn.execute(
            "SELECT seat_code, price_minor, tax_minor, refunded FROM booking_seats "
            "WHERE booking_id = ? ORDER BY rowid", (booking["id"],)).fetchall()
        by_code = {r["seat_code"]: r for r in lines}
        if seats is None:
            chosen = [r["seat_code"] for r in lines if not r["refunded"]]
        else:
            if isinstance(seats, str) or not isinstance(seats, (list, tuple, set, frozenset)):
                raise InvalidInput("Choose the seats to refund as a list of seat codes.")
            chosen = list(dict.fromkeys(str(c).strip() for c in seats if str(c).strip()))
            if not chosen:
                raise InvalidInput("Choose at least one seat to refund.")
            unknown = [c for c in chosen if c not in by_code]
            if unknown:
                raise InvalidInput(f"Seat {', '.join(unknown)} is not part of booking "
                                   f"{booking['reference']}.")
            done = [c for c in chosen if by_code[c]["refunded"]]
            if done:
                raise InvalidInput(f"Seat {', '.join(done)} has already been refunded.")
        if not chosen:
            raise InvalidInput(f"Every seat of booking {booking['reference']} is already refunded.")
        waiting: set[str] = set()
        for r in conn.execute("SELECT seats FROM refunds WHERE booking_id = ? AND "
                              "state = 'pending_approval' AND id IS NOT ?",
                              (booking["id"], ignore_request)):
            waiting |= set(json.loads(r[0]))
        clash = [c for c in chosen if c in waiting]
        if clash:
            raise InvalidInput(f"A refund of seat {', '.join(clash)} is already waiting for a "
                               f"manager's approval.")
        picked = [by_code[c] for c in chosen]
        return picked, sum(r["price_minor"] for r in picked), sum(r["tax_minor"] for r in picked)

    def _complete_refund(self, conn: sqlite3.Connection, booking: sqlite3.Row, seats: list[str],
                         amount: int, refund_id: int, void: bool, now: datetime) -> None:
        """Free the seats and record the money in the caller's transaction; outbox ``refund``."""
        conn.execute(
            "UPDATE booking_seats SET refunded = 1 WHERE booking_id = ? AND seat_code IN "
            "(SELECT value FROM json_each(?))", (booking["id"], _codes_json(seats)))
        conn.execute(
            "DELETE FROM seat_sales WHERE booking_id = ? AND seat_code IN "
            "(SELECT value FROM json_each(?))", (booking["id"], _codes_json(seats)))
        left = conn.execute("SELECT COUNT(*) FROM booking_seats WHERE booking_id = ? AND "
                            "refunded = 0", (booking["id"],)).fetchone()[0]
        state = ("cancelled" if void else "refunded") if left == 0 else "partially_refunded"
        conn.execute(
            "UPDATE bookings SET refunded_minor = refunded_minor + ?, state = ?, "
            "sync_state = 'pending', updated_at = ? WHERE id = ?",
            (amount, state, to_iso(now), booking["id"]))
        outbox.enqueue(conn, kind="refund", booking_id=booking["id"], now=now, payload={
            "booking_id": booking["id"], "show_id": booking["show_id"], "seats": list(seats),
            "refund_id": refund_id})

    def _refund_shift(self, actor: Actor, method: str) -> int | None:
        """Cash goes back out of the drawer of the shift giving it."""
        shift_id = open_shift_id(self.deps, actor.staff_id, actor.kiosk_id)
        if method == "cash" and shift_id is None and actor.role != Role.MANAGER:
            raise PaymentError("Open your shift before giving cash back.")
        return shift_id

    def refund(self, actor: Actor, reference: str, seats: list[str] | None = None,
               reason: str = "", *,
               within: Callable[[sqlite3.Connection, RefundResult], None] | None = None,
               ) -> RefundResult:
        """Refund all seats (``seats=None``) or some, to the original payment method.

        A cashier's refund above ``cashier_refund_limit_minor`` is recorded as waiting for a
        manager and frees nothing until approved. A ``conflict`` booking (its sale lost the race
        in the cloud) can be refunded only in full and only by a manager. ``within(conn, result)``
        runs inside the refund's transaction, so a caller's own bookkeeping (e.g. marking the
        conflict resolved) commits with the refund or not at all.
        """
        ensure_staff(self.deps, actor, "refund", str(reference))
        self._check_started_show(actor, reference, "refund")
        now = self._now()
        reason = str(reason or "").strip()[:500]
        void = reason == "void" or reason.startswith("void:")
        with transaction(self.conn) as conn:
            booking = self._booking_row(conn, reference)
            conflict = booking["state"] == "conflict"
            if conflict and (actor.role != Role.MANAGER or seats is not None):
                raise InvalidInput("A booking in conflict is refunded in full, by a manager, "
                                   "from the conflict queue.")
            picked, amount, tax = self._refund_plan(conn, booking, seats, allow_conflict=conflict)
            codes = [r["seat_code"] for r in picked]
            method = booking["payment_method"]
            shift_id = self._refund_shift(actor, method)
            over_limit = (actor.role != Role.MANAGER
                          and amount > self.deps.config.cashier_refund_limit_minor)
            state = "pending_approval" if over_limit else "completed"
            info = self._show(booking["show_id"], conn)
            cur = conn.execute(
                "INSERT INTO refunds (booking_id, seats, amount_minor, tax_minor, currency, method, "
                "reason, state, requested_by, decided_by, shift_id, kiosk_id, created_at, "
                "business_date, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (booking["id"], _codes_json(codes), amount, tax, booking["currency"], method,
                 reason, state, actor.staff_id, None if over_limit else actor.staff_id, shift_id,
                 actor.kiosk_id, to_iso(now), local(now, info.timezone).date().isoformat(),
                 None if over_limit else to_iso(now)))
            refund_id = int(cur.lastrowid)
            if not over_limit:
                self._complete_refund(conn, booking, codes, amount, refund_id, void, now)
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id,
                         action="refund_requested" if over_limit else ("void" if void else "refund"),
                         staff_id=actor.staff_id, target=booking["reference"],
                         detail={"refund_id": refund_id, "seats": codes, "amount_minor": amount,
                                 "method": method, "reason": reason, "state": state})
            result = RefundResult(refund_id=refund_id, booking_reference=booking["reference"],
                                  seats=tuple(codes), amount_minor=amount,
                                  currency=booking["currency"], method=method, state=state)
            if within is not None:
                within(conn, result)
        return result

    def cancel(self, actor: Actor, reference: str, reason: str = "") -> RefundResult:
        """Void the whole booking: a full refund with reason ``void``."""
        extra = str(reason or "").strip()
        return self.refund(actor, reference, None, f"void: {extra}" if extra else "void")

    def _pending_refund(self, conn: sqlite3.Connection, refund_id: int) -> sqlite3.Row:
        row = conn.execute("SELECT * FROM refunds WHERE id = ?", (refund_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no refund request {refund_id}.")
        if row["state"] != "pending_approval":
            raise InvalidInput(f"Refund request {refund_id} was already {row['state'].replace('_', ' ')}.")
        return row

    def approve_refund(self, actor: Actor, refund_id: int) -> RefundResult:
        """A manager approves a cashier's large refund: now the seats are freed and money returned."""
        ensure_manager(self.deps, actor, "refund_approve", str(refund_id))
        now = self._now()
        with transaction(self.conn) as conn:
            request = self._pending_refund(conn, refund_id)
            booking = conn.execute("SELECT * FROM bookings WHERE id = ?",
                                   (request["booking_id"],)).fetchone()
            codes = json.loads(request["seats"])
            # Re-validate: the booking may have changed since the request was made.
            _picked, amount, _tax = self._refund_plan(conn, booking, codes, ignore_request=refund_id)
            reason = request["reason"]
            void = reason == "void" or reason.startswith("void:")
            conn.execute("UPDATE refunds SET state = 'completed', decided_by = ?, decided_at = ?, "
                         "amount_minor = ? WHERE id = ?",
                         (actor.staff_id, to_iso(now), amount, refund_id))
            self._complete_refund(conn, booking, codes, amount, refund_id, void, now)
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="refund_approved",
                         staff_id=actor.staff_id, target=booking["reference"],
                         detail={"refund_id": refund_id, "seats": codes, "amount_minor": amount,
                                 "requested_by": request["requested_by"]})
        return RefundResult(refund_id=refund_id, booking_reference=booking["reference"],
                            seats=tuple(codes), amount_minor=amount, currency=request["currency"],
                            method=request["method"], state="completed")

    def reject_refund(self, actor: Actor, refund_id: int, comment: str = "") -> RefundResult:
        """A manager turns a refund request down; the seats stay sold. The comment is audited."""
        ensure_manager(self.deps, actor, "refund_reject", str(refund_id))
        now = self._now()
        comment = str(comment or "").strip()[:500]
        with transaction(self.conn) as conn:
            request = self._pending_refund(conn, refund_id)
            reference = conn.execute("SELECT reference FROM bookings WHERE id = ?",
                                     (request["booking_id"],)).fetchone()[0]
            conn.execute("UPDATE refunds SET state = 'rejected', decided_by = ?, decided_at = ? "
                         "WHERE id = ?", (actor.staff_id, to_iso(now), refund_id))
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="refund_rejected",
                         staff_id=actor.staff_id, target=reference,
                         detail={"refund_id": refund_id, "comment": comment,
                                 "requested_by": request["requested_by"]})
        return RefundResult(refund_id=refund_id, booking_reference=reference,
                            seats=tuple(json.loads(request["seats"])),
                            amount_minor=request["amount_minor"], currency=request["currency"],
                            method=request["method"], state="rejected")

    def pending_refunds(self, actor: Actor) -> list[dict[str, Any]]:
        """Refund requests waiting for a manager, oldest first (manager only)."""
        ensure_manager(self.deps, actor, "refund_list")
        rows = self.conn.execute(
            "SELECT r.id, r.booking_id, b.reference, b.show_id, f.title AS film_title, "
            "s.starts_at, r.seats, r.amount_minor, r.tax_minor, r.currency, r.method, r.reason, "
            "r.requested_by, st.name AS requested_by_name, st.staff_number AS requested_by_number, "
            "r.kiosk_id, r.created_at FROM refunds r JOIN bookings b ON b.id = r.booking_id "
            "JOIN shows s ON s.id = b.show_id JOIN films f ON f.id = s.film_id "
            "LEFT JOIN staff st ON st.id = r.requested_by "
            "WHERE r.state = 'pending_approval' ORDER BY r.id").fetchall()
        return [{**dict(r), "refund_id": r["id"], "seats": json.loads(r["seats"]),
                 "starts_at": from_iso(r["starts_at"]), "created_at": from_iso(r["created_at"])}
                for r in rows]

    # ------------------------------------------------------------------ exchange
    def exchange(self, actor: Actor, reference: str, new_hold_id: str,
                 ticket_types: dict[str, str], payment: Payment | None = None) -> Booking:
        """Swap a booking's remaining seats for the seats of a new hold, in one transaction.

        The old booking becomes ``exchanged`` and its seats are freed; its value is carried over
        to the new booking (``exchanged_from``). Costs more: ``payment`` covers the difference.
        Costs less: the difference goes back to the original method as a refund row.
        """
        ensure_staff(self.deps, actor, "exchange", str(reference))
        self._check_started_show(actor, reference, "exchange")
        now = self._now()
        try:
            return self._exchange(actor, reference, new_hold_id, ticket_types, payment, now)
        except _NeedsManager as refusal:
            raise self._refusal(actor, "exchange", str(reference), str(refusal)) from None

    def _exchange(self, actor: Actor, reference: str, new_hold_id: str,
                  ticket_types: dict[str, str], payment: Payment | None, now: datetime) -> Booking:
        with transaction(self.conn) as conn:
            old = self._booking_row(conn, reference)
            existing = conn.execute("SELECT * FROM bookings WHERE idempotency_key = ?",
                                    (str(new_hold_id),)).fetchone()
            if existing is not None and existing["exchanged_from"] == old["id"]:
                repeated = existing  # a repeated tap: answer after the (empty) transaction
            else:
                repeated = None
                finish = self._exchange_writes(conn, actor, old, new_hold_id, ticket_types,
                                               payment, now)
        if repeated is not None:
            return self._booking_from_row(self.conn, repeated)
        return finish()

    def _exchange_writes(self, conn: sqlite3.Connection, actor: Actor, old: sqlite3.Row,
                         new_hold_id: str, ticket_types: dict[str, str],
                         payment: Payment | None, now: datetime) -> Callable[[], Booking]:
        """The exchange proper, inside the caller's transaction; returns the reply builder."""
        picked, carried, _tax = self._refund_plan(conn, old, None)
        old_codes = [r["seat_code"] for r in picked]
        hold = self._live_hold(conn, new_hold_id, now, actor)
        info = self._show(hold.show_id, conn)
        basket = self._price(conn, info, hold.seats, ticket_types)
        if info.currency != old["currency"]:
            raise InvalidInput("A booking can only be exchanged for a show in the same currency.")
        difference = basket.total_minor - carried
        back = max(0, -difference)
        if back and actor.role != Role.MANAGER and back > self.deps.config.cashier_refund_limit_minor:
            raise _NeedsManager("The exchange gives back more than a cashier may refund: "
                                "please ask a manager.")
        if difference > 0:
            paid = self._take_payment(conn, actor, difference, info.currency, payment)
        else:
            paid = _Paid(old["payment_method"], old["card_last4"], None, None,
                         open_shift_id(self.deps, actor.staff_id, actor.kiosk_id))
        refund_id = None
        if back:
            shift_id = self._refund_shift(actor, old["payment_method"])
            old_info = self._show(old["show_id"], conn)
            cur = conn.execute(
                "INSERT INTO refunds (booking_id, seats, amount_minor, tax_minor, currency, "
                "method, reason, state, requested_by, decided_by, shift_id, kiosk_id, "
                "created_at, business_date, decided_at) VALUES (?, '[]', ?, ?, ?, ?, "
                "'exchange', 'completed', ?, ?, ?, ?, ?, ?, ?)",
                (old["id"], back, tax_included(back, old_info.tax_rate_bp), old["currency"],
                 old["payment_method"], actor.staff_id, actor.staff_id, shift_id,
                 actor.kiosk_id, to_iso(now), local(now, old_info.timezone).date().isoformat(),
                 to_iso(now)))
            refund_id = int(cur.lastrowid)
        conn.execute("DELETE FROM seat_sales WHERE booking_id = ?", (old["id"],))
        conn.execute(
            "UPDATE bookings SET state = 'exchanged', refunded_minor = refunded_minor + ?, "
            "sync_state = 'pending', updated_at = ? WHERE id = ?",
            (back, to_iso(now), old["id"]))
        outbox.enqueue(conn, kind="refund", booking_id=old["id"], now=now, payload={
            "booking_id": old["id"], "show_id": old["show_id"], "seats": old_codes,
            "refund_id": refund_id})
        finish = self._write_booking(conn, actor, info, hold, basket, paid,
                                     old["customer_contact"], now,
                                     paid_minor=max(0, difference), exchanged_from=old["id"])
        return lambda: finish(show=show_summary(self.conn, info))


class _NeedsManager(Exception):
    """Raised inside the exchange transaction; audited as a refusal after the rollback."""

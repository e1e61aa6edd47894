"""Gift cards: sold and topped up at the counter, spent as the 'gift card' tender on tickets and
food and drink, given back to by refunds (migration 0021, rules in ``kiosk.domain.giftcards``).

Spending is checked twice: ``check_spend`` before anything is written or claimed in the cloud
(the counter hears at once what the card holds), and ``redeem`` in the sale's own transaction
with a conditional UPDATE (``balance_minor >= amount``), which is what makes two counters
spending the last of one card at the same moment safe: one UPDATE changes no row, the sale
raises and rolls back whole (and a cloud seat claim made for it is undone by its intent, as for
any sale refused at commit). A refund that goes back to the card (``allocate_refund``: card,
UPI, gift card, cash) is credited to it in the refund's transaction.

Selling a card takes money like a sale: its tenders (cash, card or UPI, never another gift card)
count in the shift's expected cash and the day's tender totals. A load is not revenue: the Z
report and the dashboard show gift cards sold apart.

Scope today: the card lives in this device's database; a card issued on one kiosk is not yet
known on another (the cloud copy with its conditional redemption and per-kiosk offline allowance
is the next step of issue 12).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain import giftcards as rules
from kiosk.domain.business_day import business_date as sale_business_date
from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import InvalidInput, NotFound, PaymentError
from kiosk.domain.ids import new_reference
from kiosk.domain.money import format_money
from kiosk.domain.tenders import TenderLine
from kiosk.services import audit
from kiosk.services.auth import ensure_staff, require_role
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Payment, Role
from kiosk.store.db import transaction

LOAD_PREFIX = "GL-"
REFERENCE_ATTEMPTS = 5


@dataclass(frozen=True)
class GiftCardMove:
    reason: str  # load | redeem | refund
    delta_minor: int
    at: datetime
    what: str  # the load's, booking's or food and drink sale's reference


@dataclass(frozen=True)
class GiftCard:
    code: str
    cinema_id: str
    currency: str
    balance_minor: int
    loaded_minor: int
    state: str
    issued_at: datetime
    expires_at: datetime
    moves: tuple[GiftCardMove, ...] = ()

    @property
    def display_code(self) -> str:
        return rules.display_code(self.code)

    def expired(self, now: datetime) -> bool:
        return now >= self.expires_at


@dataclass(frozen=True)
class GiftCardLoad:
    """A card sold or topped up: the receipt's facts."""

    reference: str
    kind: str  # issue | top_up
    amount_minor: int
    card: GiftCard
    tenders: tuple[TenderLine, ...]

    @property
    def change_minor(self) -> int:
        return sum(t.change_minor or 0 for t in self.tenders)


def _card_row(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM gift_cards WHERE code = ?", (code,)).fetchone()


def _refusal(row: sqlite3.Row | None, code: str, amount_minor: int, currency: str,
             now: datetime) -> PaymentError | None:
    """Why ``row`` cannot pay ``amount_minor`` now (None: it can)."""
    shown = rules.display_code(code)
    if row is None:
        return PaymentError(f"Gift card {shown} is not known here. Check the code; a card bought "
                            "at another cinema cannot be spent here.")
    if row["state"] != "active":
        return PaymentError(f"Gift card {shown} is blocked (reported lost or stopped by a "
                            "manager) and cannot pay. Take another payment.")
    if row["currency"] != currency:
        return PaymentError(f"Gift card {shown} holds {row['currency']}; this sale is in "
                            f"{currency}. Take another payment.")
    if now >= from_iso(row["expires_at"]):
        return PaymentError(f"Gift card {shown} expired on {row['expires_at'][:10]}. A manager "
                            "can renew it by loading it again; take another payment now.")
    if row["balance_minor"] < amount_minor:
        if row["balance_minor"] == 0:
            return PaymentError(f"Gift card {shown} has nothing left on it. Take another payment.")
        return PaymentError(
            f"Gift card {shown} has {format_money(row['balance_minor'], currency)} left; it "
            f"cannot pay {format_money(amount_minor, currency)}. Let it pay "
            f"{format_money(row['balance_minor'], currency)} and take the rest another way.")
    return None


def _spent_by_code(lines: Iterable[TenderLine]) -> dict[str, int]:
    """What each card pays in these lines (carried tenders are not spent again)."""
    spent: dict[str, int] = {}
    for t in lines:
        if t.kind == "voucher" and t.carried_from is None and t.reference:
            spent[t.reference] = spent.get(t.reference, 0) + t.amount_minor
    return spent


def check_spend(conn: sqlite3.Connection, lines: Sequence[TenderLine], currency: str,
                now: datetime) -> None:
    """Raise PaymentError, before anything is written, when a gift card tender cannot pay."""
    for code, amount in _spent_by_code(lines).items():
        refusal = _refusal(_card_row(conn, code), code, amount, currency, now)
        if refusal is not None:
            raise refusal


def redeem(conn: sqlite3.Connection, lines: Sequence[TenderLine], currency: str, now: datetime,
           kiosk_id: str, *, booking_id: str | None = None, sale_id: str | None = None) -> None:
    """Take what the gift card tenders pay off their cards, in the caller's transaction; raise
    PaymentError (the caller rolls back) when a card no longer holds it."""
    at = to_iso(now)
    for code, amount in _spent_by_code(lines).items():
        taken = conn.execute(
            "UPDATE gift_cards SET balance_minor = balance_minor - ?1 WHERE code = ?2 "
            "AND balance_minor >= ?1 AND state = 'active' AND currency = ?3 AND expires_at > ?4",
            (amount, code, currency, at)).rowcount
        if not taken:
            raise (_refusal(_card_row(conn, code), code, amount, currency, now)
                   or PaymentError(f"Gift card {rules.display_code(code)} could not pay."))
        conn.execute(
            "INSERT INTO gift_card_moves (code, reason, delta_minor, booking_id, sale_id, "
            "kiosk_id, created_at) VALUES (?, 'redeem', ?, ?, ?, ?, ?)",
            (code, -amount, booking_id, sale_id, kiosk_id, at))


def credit(conn: sqlite3.Connection, code: str | None, amount_minor: int, now: datetime,
           kiosk_id: str, *, booking_id: str | None = None, sale_id: str | None = None) -> bool:
    """Give ``amount_minor`` back to the card (a refund to the gift card tender), in the
    caller's transaction. A voucher tender from before gift cards (any typed text) has no card:
    nothing to credit (returns False). A blocked or expired card is credited all the same: it
    is the customer's money, and a manager can renew or unblock it."""
    if not code or amount_minor <= 0:
        return False
    changed = conn.execute("UPDATE gift_cards SET balance_minor = balance_minor + ? WHERE code = ?",
                           (amount_minor, code)).rowcount
    if changed:
        conn.execute(
            "INSERT INTO gift_card_moves (code, reason, delta_minor, booking_id, sale_id, "
            "kiosk_id, created_at) VALUES (?, 'refund', ?, ?, ?, ?, ?)",
            (code, amount_minor, booking_id, sale_id, kiosk_id, to_iso(now)))
    return bool(changed)


_MOVES_SQL = """
SELECT m.reason, m.delta_minor, m.created_at,
       COALESCE(l.reference, b.reference, s.reference, '') AS what
  FROM gift_card_moves m
  LEFT JOIN gift_card_loads l ON l.id = m.load_id
  LEFT JOIN bookings b ON b.id = m.booking_id
  LEFT JOIN item_sales s ON s.id = m.sale_id
 WHERE m.code = ? ORDER BY m.id
"""


def read_card(conn: sqlite3.Connection, code: str) -> GiftCard:
    row = _card_row(conn, code)
    if row is None:
        raise NotFound(f"Gift card {rules.display_code(code)} is not known here. Check the code.")
    moves = tuple(GiftCardMove(r["reason"], r["delta_minor"], from_iso(r["created_at"]), r["what"])
                  for r in conn.execute(_MOVES_SQL, (code,)))
    return GiftCard(row["code"], row["cinema_id"], row["currency"], row["balance_minor"],
                    row["loaded_minor"], row["state"], from_iso(row["issued_at"]),
                    from_iso(row["expires_at"]), moves)


class GiftCardService:
    """Issue, top up, look up and block gift cards. Staff only for money and blocking; the
    balance is anyone's to read who holds the code (the customer at a self-service kiosk)."""

    def __init__(self, deps: ServiceDeps):
        self.deps = deps

    @property
    def conn(self) -> sqlite3.Connection:
        return self.deps.conn

    def balance(self, code: object) -> GiftCard:
        return read_card(self.conn, rules.normalise_code(code))

    def issue(self, actor: Actor, cinema_id: str, amount_minor: int, payment: Payment) -> GiftCardLoad:
        """Sell a new card loaded with ``amount_minor``, paid by cash, card or UPI."""
        ensure_staff(self.deps, actor, "giftcard_issue", cinema_id)
        return self._load(actor, None, cinema_id, amount_minor, payment)

    def top_up(self, actor: Actor, code: object, amount_minor: int, payment: Payment) -> GiftCardLoad:
        """Add ``amount_minor`` to a card (renews it for a year); a blocked card is refused."""
        code = rules.normalise_code(code)
        ensure_staff(self.deps, actor, "giftcard_top_up", code)
        row = _card_row(self.conn, code)
        if row is None:
            raise NotFound(f"Gift card {rules.display_code(code)} is not known here. Check the code.")
        if row["state"] != "active":
            raise PaymentError(f"Gift card {rules.display_code(code)} is blocked: it cannot be "
                               "topped up. A manager can unblock it.")
        return self._load(actor, code, row["cinema_id"], amount_minor, payment)

    def set_blocked(self, actor: Actor, code: object, blocked: bool) -> GiftCard:
        """A manager stops a card reported lost (or lets it pay again); the balance stays."""
        code = rules.normalise_code(code)
        require_role(self.deps, actor, Role.MANAGER, "giftcard_block", code)
        now = self.deps.clock.now()
        with transaction(self.conn) as conn:
            if not conn.execute("UPDATE gift_cards SET state = ? WHERE code = ?",
                                ("blocked" if blocked else "active", code)).rowcount:
                raise NotFound(f"Gift card {rules.display_code(code)} is not known here.")
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id,
                         action="giftcard_block" if blocked else "giftcard_unblock",
                         staff_id=actor.staff_id, target=rules.masked_code(code))
        return read_card(self.conn, code)

    def _load(self, actor: Actor, code: str | None, cinema_id: str, amount_minor: int,
              payment: Payment) -> GiftCardLoad:
        from kiosk.services.booking_sales import take_payment
        from kiosk.services.item_sales import _cinema

        cinema = _cinema(self.conn, cinema_id)
        currency = cinema["currency"]
        balance = 0 if code is None else int(_card_row(self.conn, code)["balance_minor"])
        amount = rules.check_load(amount_minor, balance, currency)
        kinds = [getattr(t, "kind", "") for t in getattr(payment, "tenders", ())] or [
            getattr(payment, "method", "")]
        if any(str(k).strip().lower() in ("voucher", "giftcard") for k in kinds):
            raise PaymentError("A gift card cannot be paid for with a gift card: take cash, card "
                               "or UPI.")
        paid = take_payment(self.deps, actor, amount, currency, payment)
        now = self.deps.clock.now()
        at = to_iso(now)
        expires = to_iso(rules.expires_after(now))
        business_date = sale_business_date(now, cinema["timezone"], cinema["closed_through"])
        with transaction(self.conn) as conn:
            if paid.shift_id is not None and conn.execute(
                    "SELECT 1 FROM shifts WHERE id = ? AND closed_at IS NULL",
                    (paid.shift_id,)).fetchone() is None:
                raise PaymentError("Your shift was closed meanwhile. Nothing was charged: "
                                   "open a shift and try again.")
            if code is None:
                code = self._insert_card(conn, cinema_id, currency, amount, at, expires,
                                         actor.kiosk_id)
                kind = "issue"
            else:  # re-read inside the transaction: another top-up may have come first
                row = _card_row(conn, code)
                rules.check_load(amount, int(row["balance_minor"]), currency)
                conn.execute("UPDATE gift_cards SET balance_minor = balance_minor + ?1, "
                             "loaded_minor = loaded_minor + ?1, expires_at = ?2 WHERE code = ?3",
                             (amount, expires, code))
                kind = "top_up"
            load_id, reference = self._insert_load(conn, actor, code, kind, amount, currency,
                                                   paid.summary, paid.shift_id, at, business_date)
            from kiosk.services.tenders import refuse_reused_upi

            refuse_reused_upi(conn, paid.tenders)
            conn.executemany(
                "INSERT INTO gift_card_load_tenders (load_id, seq, kind, amount_minor, reference, "
                "tendered_minor, change_minor) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(load_id, t.seq, t.kind, t.amount_minor, t.reference, t.tendered_minor,
                  t.change_minor) for t in paid.tenders])
            conn.execute("INSERT INTO gift_card_moves (code, reason, delta_minor, load_id, "
                         "kiosk_id, created_at) VALUES (?, 'load', ?, ?, ?, ?)",
                         (code, amount, load_id, actor.kiosk_id, at))
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action=f"giftcard_{kind}",
                         staff_id=actor.staff_id, target=reference,
                         detail={"card": rules.masked_code(code), "amount_minor": amount,
                                 "tenders": [[t.kind, t.amount_minor] for t in paid.tenders]})
        return GiftCardLoad(reference, kind, amount, read_card(self.conn, code), paid.tenders)

    @staticmethod
    def _insert_card(conn: sqlite3.Connection, cinema_id: str, currency: str, amount: int,
                     at: str, expires: str, kiosk_id: str) -> str:
        for _ in range(REFERENCE_ATTEMPTS):
            code = rules.new_code()
            try:
                conn.execute(
                    "INSERT INTO gift_cards (code, cinema_id, currency, balance_minor, "
                    "loaded_minor, issued_at, expires_at, kiosk_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (code, cinema_id, currency, amount, amount, at, expires, kiosk_id))
                return code
            except sqlite3.IntegrityError as exc:
                if "gift_cards.code" not in str(exc):
                    raise
        raise InvalidInput("Could not make a new gift card code; try again.")

    @staticmethod
    def _insert_load(conn: sqlite3.Connection, actor: Actor, code: str, kind: str, amount: int,
                     currency: str, method: str, shift_id: int | None, at: str,
                     business_date: str) -> tuple[int, str]:
        for attempt in range(REFERENCE_ATTEMPTS):
            reference = LOAD_PREFIX + new_reference()
            try:
                cur = conn.execute(
                    "INSERT INTO gift_card_loads (reference, code, kind, amount_minor, currency, "
                    "payment_method, staff_id, shift_id, kiosk_id, created_at, business_date) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (reference, code, kind, amount, currency, method, actor.staff_id, shift_id,
                     actor.kiosk_id, at, business_date))
                return int(cur.lastrowid), reference
            except sqlite3.IntegrityError as exc:
                if "gift_card_loads.reference" not in str(exc) or attempt == REFERENCE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")


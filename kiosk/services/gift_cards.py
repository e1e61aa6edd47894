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
report names gift cards sold apart.

With cloud sync (``deps.gift_card_cloud``, ``kiosk.cloud.giftcards``) a card is shared by the
cinema's devices: ``balance_minor`` is then what THIS device holds of it (its allowance), the
same conditional UPDATE spends it, ``prepare_spend`` first sets aside in the cloud what a sale
needs beyond that, and every move goes to the cloud through the outbox (``_to_cloud``).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kiosk.domain import giftcards as rules
from kiosk.domain.business_day import business_date as sale_business_date
from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import InvalidInput, NotFound, PaymentError
from kiosk.domain.ids import new_reference
from kiosk.domain.money import format_money
from kiosk.domain.tenders import TenderLine
from kiosk.services import audit, outbox
from kiosk.services.auth import ensure_staff, require_role
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Payment, Role
from kiosk.store.db import inserted_id, transaction

if TYPE_CHECKING:
    from kiosk.cloud.giftcards import CloudCard

LOAD_PREFIX = "GL-"
OUTBOX_KIND = "giftcard"  # a shared card's change on its way to the cloud
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
    row: sqlite3.Row | None = conn.execute("SELECT * FROM gift_cards WHERE code = ?",
                                           (code,)).fetchone()
    return row


def _refusal(row: sqlite3.Row | Mapping[str, Any] | None, code: str, amount_minor: int,
             currency: str, now: datetime) -> PaymentError | None:
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
        move = conn.execute(
            "INSERT INTO gift_card_moves (code, reason, delta_minor, booking_id, sale_id, "
            "kiosk_id, created_at) VALUES (?, 'redeem', ?, ?, ?, ?, ?)",
            (code, -amount, booking_id, sale_id, kiosk_id, at))
        _to_cloud(conn, code, "spend", amount, inserted_id(move), kiosk_id, now)


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
        move = conn.execute(
            "INSERT INTO gift_card_moves (code, reason, delta_minor, booking_id, sale_id, "
            "kiosk_id, created_at) VALUES (?, 'refund', ?, ?, ?, ?, ?)",
            (code, amount_minor, booking_id, sale_id, kiosk_id, to_iso(now)))
        _to_cloud(conn, code, "credit", amount_minor, inserted_id(move), kiosk_id, now)
    return bool(changed)


def _to_cloud(conn: sqlite3.Connection, code: str, op: str, amount_minor: int, move_id: int | str,
              kiosk_id: str, now: datetime, **extra: object) -> None:
    """Queue a shared card's change for the cloud (``kiosk.cloud.giftcards``), in the caller's
    transaction; a card of this database alone has nothing to send."""
    row = conn.execute("SELECT shared, cinema_id FROM gift_cards WHERE code = ?",
                       (code,)).fetchone()
    if row is None or not row[0]:
        return
    outbox.enqueue(conn, kind=OUTBOX_KIND, booking_id=None, now=now, payload={
        "op": op, "cinema_id": row[1], "code": code, "kiosk_id": kiosk_id,
        "amount_minor": amount_minor, "move_id": f"{kiosk_id}#{move_id}", **extra})


def _offline_hint(row: sqlite3.Row | None, code: str, currency: str) -> PaymentError:
    held = int(row["balance_minor"]) if row is not None else 0
    shown = rules.display_code(code)
    if not held:
        return PaymentError(f"The kiosk cannot reach the cloud, so gift card {shown} cannot pay "
                            "here now (nothing of it is set aside for this kiosk). Take another "
                            "payment.")
    return PaymentError(f"The kiosk cannot reach the cloud: gift card {shown} can pay at most "
                        f"{format_money(held, currency)} here until the connection returns. Let "
                        "it pay that and take the rest another way.")


def prepare_spend(deps: ServiceDeps, lines: Sequence[TenderLine], currency: str) -> None:
    """With cloud sync: before a sale, set aside in the cloud what each card must pay beyond
    what this device already holds of it (``CloudCards.set_aside``: conditional, so two
    counters cannot both take the last of a card), and record it here. Offline, nothing can be
    set aside: the card pays only what this device holds, else the cashier is told so. Runs
    outside any transaction, before anything of the sale is written; what is set aside for a
    sale that then fails stays this device's to spend next time."""
    cloud = deps.gift_card_cloud
    if cloud is None:
        return
    cinema_id = cloud.cinema_id
    from kiosk.cloud.errors import CloudError, CloudUnavailable
    from kiosk.cloud.giftcards import CardRefused

    conn = deps.conn
    for code, amount in _spent_by_code(lines).items():
        row = _card_row(conn, code)
        if row is not None and not row["shared"]:
            continue  # sold here before cloud sync: this database's alone
        need = amount - (int(row["balance_minor"]) if row is not None else 0)
        if need <= 0:
            continue
        now = deps.clock.now()
        move_id = f"{deps.config.kiosk_id}#A{uuid.uuid4().hex[:16]}"
        if not cloud.worth_trying():
            raise _offline_hint(row, code, currency)
        try:
            card = cloud.set_aside(row["cinema_id"] if row is not None else cinema_id, code,
                                   need, move_id, now)
        except CardRefused as refused:
            raise _cloud_refusal(refused.card, row, code, amount, currency, now,
                                 deps.config.kiosk_id) from None
        except (CloudUnavailable, CloudError):
            raise _offline_hint(row, code, currency) from None
        with transaction(conn):
            _mirror(conn, card, deps.config.kiosk_id)
            conn.execute("UPDATE gift_cards SET balance_minor = balance_minor + ? WHERE code = ?",
                         (need, code))
            conn.execute("INSERT INTO gift_card_moves (code, reason, delta_minor, kiosk_id, "
                         "created_at) VALUES (?, 'cloud', ?, ?, ?)",
                         (code, need, deps.config.kiosk_id, to_iso(now)))


def _mirror(conn: sqlite3.Connection, card: CloudCard, kiosk_id: str) -> None:
    """This device's copy of a card the cloud holds (its balance here starts at nothing)."""
    conn.execute(
        "INSERT INTO gift_cards (code, cinema_id, currency, balance_minor, loaded_minor, state, "
        "issued_at, expires_at, kiosk_id, shared) VALUES (?, ?, ?, 0, 0, ?, ?, ?, ?, 1) "
        "ON CONFLICT (code) DO UPDATE SET state = excluded.state, "
        "expires_at = excluded.expires_at",
        (card.code, card.cinema_id, card.currency, card.state, card.expires_at,
         card.expires_at, kiosk_id))


def _cloud_refusal(card: CloudCard | None, row: sqlite3.Row | None, code: str, amount: int,
                   currency: str, now: datetime, kiosk_id: str) -> PaymentError:
    """Why the cloud would not set the card's money aside, in the counter's words."""
    if card is None:
        return _refusal(None, code, amount, currency, now) or PaymentError("")
    # the cloud's allowance for this device may still count spends on their way there:
    # what this device holds of it is its own copy's balance
    here = card.shared_minor + (int(row["balance_minor"]) if row is not None else 0)
    as_here = {"state": card.state, "currency": card.currency, "expires_at": card.expires_at,
               "balance_minor": here}
    return (_refusal(as_here, code, amount, currency, now)
            or PaymentError(f"Gift card {rules.display_code(code)} could not pay."))


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
        self._unreachable = False  # the last cloud look-up could not be made
        self.new_code: Callable[[], str] = rules.new_code  # the simulator seeds its own

    @property
    def conn(self) -> sqlite3.Connection:
        return self.deps.conn

    def default_cinema(self) -> tuple[str, str]:
        """(cinema id, currency) a card sold on this device belongs to: the configured cinema,
        else the only one in the database."""
        wanted = self.deps.config.cinema_id
        rows = self.conn.execute("SELECT id, currency FROM cinemas WHERE ?1 = '' OR id = ?1 "
                                 "ORDER BY id", (wanted or "",)).fetchall()
        if len(rows) != 1:
            raise InvalidInput("This kiosk serves several cinemas: set its cinema (cinema_id in "
                               "the config) before selling gift cards here.")
        return rows[0][0], rows[0][1]

    def balance(self, code: object) -> GiftCard:
        """The card as this device can spend it: with cloud sync and the cloud reachable, its
        shared balance and this device's allowance (the history is this device's moves);
        otherwise this database's copy (offline: what this device holds of it)."""
        code = rules.normalise_code(code)
        card = self._cloud_card(code)
        if card is None:
            self._unknown_offline(code)
            return read_card(self.conn, code)
        local = read_card(self.conn, code) if _card_row(self.conn, code) is not None else None
        expires = from_iso(card.expires_at)
        # what this device can spend: the shared balance and what it holds itself (its own
        # copy: the cloud's allowance may still count spends on their way there)
        here = card.shared_minor + (local.balance_minor if local else 0)
        return GiftCard(card.code, card.cinema_id, card.currency, here, card.loaded_minor,
                        card.state, local.issued_at if local else expires - rules.VALID_FOR,
                        expires, local.moves if local else ())

    def _cloud_card(self, code: str) -> CloudCard | None:
        """The cloud's copy of a shared card (None: no cloud sync, unreachable, or unknown;
        ``self._unreachable`` then says whether the cloud could not be asked)."""
        cloud = self.deps.gift_card_cloud
        local = _card_row(self.conn, code)
        self._unreachable = False
        if cloud is None or (local is not None and not local["shared"]):
            return None
        if not cloud.worth_trying():
            self._unreachable = True
            return None
        cinema_id = cloud.cinema_id
        from kiosk.cloud.errors import CloudError, CloudUnavailable

        try:
            return cloud.read(local["cinema_id"] if local is not None else cinema_id, code)
        except (CloudUnavailable, CloudError):
            self._unreachable = True
            return None

    def _unknown_offline(self, code: str) -> None:
        """A card this device has never seen, while the cloud cannot be asked: say so, rather
        than "not known" (it may well be, on another counter)."""
        if self._unreachable and _card_row(self.conn, code) is None:
            raise PaymentError(f"The kiosk cannot reach the cloud, so gift card "
                               f"{rules.display_code(code)} cannot be looked up now. Try again "
                               "when the connection returns.")

    def _shared_copy(self, code: str) -> sqlite3.Row | None:
        """This device's copy of a shared card, made from the cloud's when it has none yet."""
        card = self._cloud_card(code)
        if card is None:
            self._unknown_offline(code)
            return None
        with transaction(self.conn) as conn:
            _mirror(conn, card, self.deps.config.kiosk_id)
        return _card_row(self.conn, code)

    def issue(self, actor: Actor, cinema_id: str, amount_minor: int, payment: Payment) -> GiftCardLoad:
        """Sell a new card loaded with ``amount_minor``, paid by cash, card or UPI."""
        ensure_staff(self.deps, actor, "giftcard_issue", cinema_id)
        return self._load(actor, None, cinema_id, amount_minor, payment)

    def top_up(self, actor: Actor, code: object, amount_minor: int, payment: Payment) -> GiftCardLoad:
        """Add ``amount_minor`` to a card (renews it for a year); a blocked card is refused."""
        code = rules.normalise_code(code)
        ensure_staff(self.deps, actor, "giftcard_top_up", code)
        row = self._shared_copy(code) or _card_row(self.conn, code)
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
        self._shared_copy(code)  # a card sold on another device: block it here and in the cloud
        now = self.deps.clock.now()
        with transaction(self.conn) as conn:
            state = "blocked" if blocked else "active"
            if not conn.execute("UPDATE gift_cards SET state = ? WHERE code = ?",
                                (state, code)).rowcount:
                raise NotFound(f"Gift card {rules.display_code(code)} is not known here.")
            _to_cloud(conn, code, "block", 0, f"B{uuid.uuid4().hex[:16]}", actor.kiosk_id, now,
                      state=state)
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
        row = _card_row(self.conn, code) if code is not None else None
        balance = int(row["balance_minor"]) if row is not None else 0
        if row is not None and code is not None and row["shared"]:
            in_cloud = self._cloud_card(code)  # the most a card holds counts every device's part
            balance = in_cloud.total_minor if in_cloud is not None else balance
        amount = rules.check_load(amount_minor, balance, currency)
        kinds = [t.kind for t in payment.tenders] or [payment.method]
        if any(str(k).strip().lower() in ("voucher", "giftcard") for k in kinds):
            raise PaymentError("A gift card cannot be paid for with a gift card: take cash, card "
                               "or UPI.")
        if any(str(k).strip().lower() == "points" for k in kinds):
            raise PaymentError("A gift card cannot be paid for with loyalty points: take cash, "
                               "card or UPI.")
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
            shared = self.deps.gift_card_cloud is not None
            if code is None:
                code = self._insert_card(conn, cinema_id, currency, amount, at, expires,
                                         actor.kiosk_id, shared, self.new_code)
                kind, held_before = "issue", 0
            else:  # re-read inside the transaction: another top-up may have come first
                row = _card_row(conn, code)
                if row is None:  # read before the transaction; only a concurrent delete removes it
                    raise NotFound(f"Gift card {rules.display_code(code)} is not known here.")
                shared, held_before = bool(row["shared"]), int(row["balance_minor"])
                if not shared:
                    rules.check_load(amount, held_before, currency)
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
            move = inserted_id(conn.execute(
                "INSERT INTO gift_card_moves (code, reason, delta_minor, load_id, kiosk_id, "
                "created_at) VALUES (?, 'load', ?, ?, ?, ?)",
                (code, amount, load_id, actor.kiosk_id, at)))
            if shared:  # this counter keeps its offline allowance; the rest goes to the cloud
                kept = max(0, min(amount, rules.offline_allowance(currency) - held_before))
                if amount > kept:
                    conn.execute("UPDATE gift_cards SET balance_minor = balance_minor - ? "
                                 "WHERE code = ?", (amount - kept, code))
                    conn.execute("INSERT INTO gift_card_moves (code, reason, delta_minor, "
                                 "kiosk_id, created_at) VALUES (?, 'cloud', ?, ?, ?)",
                                 (code, kept - amount, actor.kiosk_id, at))
                _to_cloud(conn, code, "issue" if kind == "issue" else "load", amount, move,
                          actor.kiosk_id, now, kept_minor=kept, currency=currency,
                          expires_at=expires)
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action=f"giftcard_{kind}",
                         staff_id=actor.staff_id, target=reference,
                         detail={"card": rules.masked_code(code), "amount_minor": amount,
                                 "currency": currency,
                                 "tenders": [[t.kind, t.amount_minor] for t in paid.tenders]})
        return GiftCardLoad(reference, kind, amount, read_card(self.conn, code), paid.tenders)

    @staticmethod
    def _insert_card(conn: sqlite3.Connection, cinema_id: str, currency: str, amount: int,
                     at: str, expires: str, kiosk_id: str, shared: bool,
                     new_code: Callable[[], str]) -> str:
        for _ in range(REFERENCE_ATTEMPTS):
            code = new_code()
            try:
                conn.execute(
                    "INSERT INTO gift_cards (code, cinema_id, currency, balance_minor, "
                    "loaded_minor, issued_at, expires_at, kiosk_id, shared) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (code, cinema_id, currency, amount, amount, at, expires, kiosk_id,
                     int(shared)))
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
                return inserted_id(cur), reference
            except sqlite3.IntegrityError as exc:
                if "gift_card_loads.reference" not in str(exc) or attempt == REFERENCE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")


"""Loyalty at the sale: members found by phone, points earned and redeemed, refunds settled.

Rules in ``kiosk.domain.loyalty``; tables in migration 0023. A sale names its member
(``member_phone`` on the booking or the food and drink sale). In the sale's own transaction,
``record_sale`` takes the points its 'points' tenders pay and credits what its money earns; a
basket (tickets and food in one payment) is one sale for loyalty, recorded on its booking.

Redeeming is checked twice, as a gift card is: ``prepare_redeem`` before anything is written
(the counter hears at once what the member holds) and the conditional UPDATE
(``points >= n``) in the sale's transaction, so two counters spending the last points of one
member: one sale rolls back whole and is told.

With cloud sync (``deps.loyalty_cloud``, ``kiosk.cloud.loyalty``) members are shared by the
whole chain: ``prepare_redeem`` takes the points in the cloud before the local commit, after an
outbox intent (``points_void``) that gives them back should the sale never commit; earning,
refunds and clawbacks reach the cloud through the outbox (kind ``loyalty``). Offline a member's
points cannot be redeemed (another counter may be spending them); earning works and is sent
when the connection is back. Redeeming is for the counter: a self-service kiosk cannot tell
that the person typing a phone number is its owner, so it takes card and UPI only.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from kiosk.domain import loyalty as rules
from kiosk.domain.clock import from_iso, local, to_iso
from kiosk.domain.errors import NotFound, PaymentError
from kiosk.domain.money import format_money
from kiosk.domain.tenders import TenderLine
from kiosk.services import audit, outbox
from kiosk.services.auth import ensure_staff
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Role
from kiosk.store.db import inserted_id, transaction

OUTBOX_KIND = "loyalty"  # a change on its way to the cloud
VOID_KIND = "points_void"  # gives back points taken in the cloud for a sale never committed
# The intent waits this long after the sale's hold ends (a food and drink sale: after the sale
# began) before giving points back: as a seat claim's undo intent (kiosk.cloud.gate).
VOID_AFTER = timedelta(minutes=2)
HISTORY_LIMIT = 20


@dataclass(frozen=True)
class Member:
    phone: str
    name: str
    points: int
    joined_at: datetime
    current: bool = True  # False: the cloud could not be asked; the balance is the last known

    @property
    def masked_phone(self) -> str:
        return rules.masked_phone(self.phone)

    def value_minor(self, currency: str) -> int:
        return rules.points_value(self.points, currency)


@dataclass(frozen=True)
class Visit:
    """One sale of the member's history."""

    reference: str
    at: datetime
    what: str  # film and show time, or 'Food and drink'
    amount_minor: int
    currency: str
    points: int  # earned on it
    state: str = ""  # confirmed | refunded | ... ('' from the cloud's history)


@dataclass(frozen=True)
class SaleMember:
    """The member named on a sale, and what it redeems (points, and the cloud's intent)."""

    phone: str
    redeemed: int = 0
    intent: int | None = None
    sale_key: str = ""  # what the cloud's redemption is keyed by (the hold, or the food sale)


def _row(conn: sqlite3.Connection, phone: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM members WHERE phone = ?",
                                           (phone,)).fetchone()
    return row


def _member(row: sqlite3.Row, current: bool = True) -> Member:
    return Member(row["phone"], row["name"], int(row["points"]), from_iso(row["joined_at"]),
                  current)


def _remember(conn: sqlite3.Connection, phone: str, name: str, points: int, joined_at: str,
              kiosk_id: str) -> None:
    """Keep the cloud's view of a member here (inside the caller's transaction)."""
    conn.execute(
        "INSERT INTO members (phone, name, points, joined_at, kiosk_id, shared) "
        "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT(phone) DO UPDATE SET points = excluded.points, "
        "shared = 1, "
        "name = CASE WHEN excluded.name != '' THEN excluded.name ELSE members.name END",
        (phone, name, max(0, points), joined_at, kiosk_id))


def _points_paid(lines: Sequence[TenderLine], currency: str) -> int:
    """Points the lines redeem (carried tenders were redeemed by the sale they came from)."""
    amount = sum(t.amount_minor for t in lines if t.kind == "points" and t.carried_from is None)
    return amount // rules.rules_for(currency).point_value_minor if amount else 0


def _money_paid(lines: Sequence[TenderLine]) -> int:
    return sum(t.amount_minor for t in lines if t.kind != "points" and t.carried_from is None)


def member_of_sale(deps: ServiceDeps, raw_phone: str, lines: Sequence[TenderLine],
                   currency: str) -> str:
    """The member a sale names ('' for none); NotFound when the number is no member, and
    PaymentError when points are paid without the member named, or of another member."""
    phone = rules.normalise_phone(raw_phone, currency) if str(raw_phone or "").strip() else ""
    check_points_payer(phone, lines)
    if phone and _row(deps.conn, phone) is None:
        raise NotFound(f"No member has the number {rules.masked_phone(phone)}. Join them first, "
                       "or sell without a member.")
    return phone


def check_points_payer(phone: str, lines: Sequence[TenderLine]) -> None:
    """PaymentError when points pay without the sale's member (``phone``, normalised), or are
    another member's."""
    payers = {t.reference for t in lines if t.kind == "points" and t.carried_from is None}
    if payers and payers != {phone}:
        raise PaymentError("Points pay only for the member named on the sale: find the member "
                           "by phone first.")


def prepare_redeem(deps: ServiceDeps, actor: Actor, phone: str, lines: Sequence[TenderLine],
                   currency: str, sale_key: str, due_at: datetime) -> SaleMember:
    """Before anything is written: check (and with the cloud, take) the points the lines pay.
    ``due_at``: when the cloud intent may give the points back if the sale has not committed
    (after the hold's end). Raises PaymentError with the balance when they cannot pay."""
    points = _points_paid(lines, currency)
    if not phone or not points:
        return SaleMember(phone)
    if actor.role == Role.SELF_SERVICE:  # settle() refuses it first; the rule is kept here too
        raise PaymentError("Points are redeemed at the counter.")
    cloud = deps.loyalty_cloud
    now = deps.clock.now()
    if cloud is None:
        row = _row(deps.conn, phone)
        rules.check_redeem(points, int(row["points"]) if row else 0, currency)
        return SaleMember(phone, points)
    from kiosk.cloud.errors import CloudError, CloudUnavailable
    from kiosk.cloud.loyalty import PointsShort

    offline = PaymentError("Points cannot be redeemed while this counter cannot reach the "
                           "cloud (the member may be spending them elsewhere). Take another "
                           "payment; nothing was charged.")
    if not cloud.worth_trying():
        raise offline
    rules.check_redeem(points, points, currency)  # the minimum; the balance is the cloud's
    conn = deps.conn
    with transaction(conn):
        intent = outbox.enqueue(conn, kind=VOID_KIND, booking_id=None, now=now, payload={
            "phone": phone, "sale_key": sale_key, "points": points})
        conn.execute("UPDATE outbox SET next_attempt_at = ? WHERE id = ?", (to_iso(due_at),
                                                                            intent))
    try:
        cloud.redeem(phone, points, sale_key, now)
    except PointsShort as short:  # nothing was taken: the intent has nothing to give back
        with transaction(conn):
            outbox.mark_done(conn, intent, now)
            conn.execute("UPDATE members SET points = ? WHERE phone = ?", (short.points, phone))
        rules.check_redeem(points, short.points, currency)
        raise PaymentError("The member's points changed while paying (another counter, a "
                           "refund). Check the balance and try again; nothing was "
                           "charged.") from None
    except (CloudUnavailable, CloudError):
        raise offline from None  # the points may have been taken: the intent gives them back
    return SaleMember(phone, points, intent, sale_key)


def give_back_now(deps: ServiceDeps, member: SaleMember) -> None:
    """A sale refused after its points were taken in the cloud: give them back at once (best
    effort: offline, the intent does it later)."""
    if member.intent is None or deps.loyalty_cloud is None:
        return
    from kiosk.cloud.errors import CloudError, CloudUnavailable

    try:
        deps.loyalty_cloud.release(member.phone, member.sale_key)
    except (CloudUnavailable, CloudError):
        return
    with transaction(deps.conn):
        outbox.mark_done(deps.conn, member.intent, deps.clock.now())


def redeemed_by(conn: sqlite3.Connection, sale_key: str) -> int:
    """The points a committed sale (booking or food and drink sale) redeemed here."""
    return -int(conn.execute(
        "SELECT COALESCE(SUM(points), 0) FROM member_moves WHERE reason = 'redeem' AND "
        "(booking_id = ?1 OR sale_id = ?1)", (sale_key,)).fetchone()[0])


def record_sale(conn: sqlite3.Connection, member: SaleMember, lines: Sequence[TenderLine],
                currency: str, now: datetime, kiosk_id: str, *, booking_id: str | None = None,
                sale_id: str | None = None, reference: str = "", what: str = "",
                cloud: bool = False) -> int:
    """Inside the sale's transaction: take the redeemed points, credit the earned ones, name the
    member on the sale. Returns the points earned. Raises PaymentError (rolling the sale back)
    when the member no longer holds the points (without the cloud)."""
    if not member.phone:
        return 0
    phone = member.phone
    table, key = ("bookings", booking_id) if booking_id is not None else ("item_sales", sale_id)
    conn.execute(f"UPDATE {table} SET member_phone = ? WHERE id = ?", (phone, key))  # noqa: S608
    if member.redeemed:
        if cloud:  # taken in the cloud already: this device's copy follows
            conn.execute("UPDATE members SET points = MAX(points - ?, 0) WHERE phone = ?",
                         (member.redeemed, phone))
        elif not conn.execute("UPDATE members SET points = points - ?1 WHERE phone = ?2 "
                              "AND points >= ?1", (member.redeemed, phone)).rowcount:
            held = _row(conn, phone)
            rules.check_redeem(member.redeemed, int(held["points"]) if held else 0, currency)
        _move(conn, phone, "redeem", -member.redeemed, booking_id, sale_id, kiosk_id, now)
    if member.intent is not None:  # the cloud's points are this sale's: nothing to give back
        outbox.mark_done(conn, member.intent, now)
    earned = rules.points_earned(_money_paid(lines), currency)
    if earned:
        conn.execute("UPDATE members SET points = points + ? WHERE phone = ?", (earned, phone))
        move_id = _move(conn, phone, "earn", earned, booking_id, sale_id, kiosk_id, now)
        if cloud:
            _to_cloud(conn, now, kiosk_id, move_id, op="earn", phone=phone, points=earned,
                      reference=reference, what=what, currency=currency,
                      amount_minor=sum(t.amount_minor for t in lines
                                       if t.carried_from is None))
    return earned


def _move(conn: sqlite3.Connection, phone: str, reason: str, points: int,
          booking_id: str | None, sale_id: str | None, kiosk_id: str, now: datetime) -> int:
    return inserted_id(conn.execute(
        "INSERT INTO member_moves (phone, reason, points, booking_id, sale_id, kiosk_id, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (phone, reason, points, booking_id, sale_id, kiosk_id, to_iso(now))))


def _to_cloud(conn: sqlite3.Connection, now: datetime, kiosk_id: str, move_id: int | str,
              **payload: Any) -> None:
    outbox.enqueue(conn, kind=OUTBOX_KIND, booking_id=None, now=now,
                   payload={**payload, "move_id": f"{kiosk_id}#{move_id}"})


def settle_refund(conn: sqlite3.Connection, now: datetime, kiosk_id: str, *,
                  booking_id: str | None = None, sale_id: str | None = None
                  ) -> tuple[int, int]:
    """Inside a refund's transaction: give back the points that paid for what was refunded and
    take back what the refunded money earned. A basket (its booking and its food and drink) is
    settled as the one sale it was, and so is a chain of exchanges (the booking and the ones it
    replaced: their money was carried over). Returns (points given back, points taken back)."""
    if sale_id is not None and booking_id is None:
        linked = conn.execute("SELECT booking_id FROM item_sales WHERE id = ?",
                              (sale_id,)).fetchone()
        booking_id = linked[0] if linked and linked[0] else None
    bookings = _exchange_chain(conn, booking_id) if booking_id is not None else []
    if bookings:
        row = conn.execute("SELECT member_phone, currency FROM bookings WHERE id = ?",
                           (booking_id,)).fetchone()
        sales = [r[0] for r in conn.execute(
            "SELECT id FROM item_sales WHERE booking_id IN (SELECT value FROM json_each(?))",
            (json.dumps(bookings),))]
    else:
        row = conn.execute("SELECT member_phone, currency FROM item_sales WHERE id = ?",
                           (sale_id,)).fetchone()
        sales = [sale_id] if sale_id is not None else []
    if row is None or not row["member_phone"]:
        return 0, 0
    phone, currency = row["member_phone"], row["currency"]
    cloud = bool(conn.execute("SELECT shared FROM members WHERE phone = ?", (phone,)).fetchone()[0])
    taken, back = _basket_money(conn, bookings, sales)
    moves = dict(conn.execute(
        "SELECT reason, SUM(points) FROM member_moves WHERE phone = ?1 AND "
        "(booking_id IN (SELECT value FROM json_each(?2)) "
        "OR sale_id IN (SELECT value FROM json_each(?3))) GROUP BY reason",
        (phone, json.dumps(bookings), json.dumps(sales))))
    owed_back = rules.refunded_points(back.get("points", 0), currency) - int(moves.get("refund", 0))
    clawed_before = -int(moves.get("clawback", 0))
    money_kept = (sum(v for k, v in taken.items() if k != "points")
                  - sum(v for k, v in back.items() if k != "points"))
    claw = rules.clawback(int(moves.get("earn", 0)), money_kept, clawed_before, currency)
    key = {"booking_id": booking_id} if booking_id is not None else {"sale_id": sale_id}
    given = 0
    if owed_back > 0:
        conn.execute("UPDATE members SET points = points + ? WHERE phone = ?", (owed_back, phone))
        move = _move(conn, phone, "refund", owed_back, booking_id, None if booking_id else sale_id,
                     kiosk_id, now)
        given = owed_back
        if cloud:
            _to_cloud(conn, now, kiosk_id, move, op="refund", phone=phone, points=owed_back,
                      **key)
    took = 0
    if claw > 0:
        held = int(conn.execute("SELECT points FROM members WHERE phone = ?",
                                (phone,)).fetchone()[0])
        took = claw if cloud else min(claw, held)  # the cloud takes at most what is there
        if took:
            conn.execute("UPDATE members SET points = MAX(points - ?, 0) WHERE phone = ?",
                         (took, phone))
            move = _move(conn, phone, "clawback", -took, booking_id,
                         None if booking_id else sale_id, kiosk_id, now)
            if cloud:
                _to_cloud(conn, now, kiosk_id, move, op="clawback", phone=phone, points=took,
                          **key)
        if took < claw:
            audit.record(conn, at=now, kiosk_id=kiosk_id, action="points_shortfall",
                         staff_id=None, target=rules.masked_phone(phone),
                         detail={**key, "owed": claw, "taken": took})
    return given, took


def _exchange_chain(conn: sqlite3.Connection, booking_id: str) -> list[str]:
    """The booking and those it replaced by exchange, newest first."""
    chain = []
    current: str | None = booking_id
    while current is not None and current not in chain:
        chain.append(current)
        found = conn.execute("SELECT exchanged_from FROM bookings WHERE id = ?",
                             (current,)).fetchone()
        current = found[0] if found else None
    return chain


def _basket_money(conn: sqlite3.Connection, bookings: Sequence[str], sales: Sequence[str]
                  ) -> tuple[dict[str, int], dict[str, int]]:
    """By tender kind: what the sales took (not carried over by an exchange) and what went
    back (booking refund tenders are written only when a refund completes: migration 0011)."""
    taken: dict[str, int] = {}
    back: dict[str, int] = {}
    booking_ids, sale_ids = json.dumps(list(bookings)), json.dumps(list(sales))
    for into, sql, keys in (
            (taken, "SELECT kind, SUM(amount_minor) FROM booking_tenders WHERE booking_id IN "
                    "(SELECT value FROM json_each(?)) AND carried_from IS NULL GROUP BY kind",
             booking_ids),
            (back, "SELECT kind, SUM(amount_minor) FROM refund_tenders WHERE booking_id IN "
                   "(SELECT value FROM json_each(?)) GROUP BY kind", booking_ids),
            (taken, "SELECT kind, SUM(amount_minor) FROM item_sale_tenders WHERE sale_id IN "
                    "(SELECT value FROM json_each(?)) GROUP BY kind", sale_ids),
            (back, "SELECT t.kind, SUM(t.amount_minor) FROM item_refund_tenders t JOIN "
                   "item_refunds r ON r.id = t.refund_id WHERE r.sale_id IN "
                   "(SELECT value FROM json_each(?)) GROUP BY t.kind", sale_ids)):
        for kind, amount in conn.execute(sql, (keys,)):
            into[kind] = into.get(kind, 0) + int(amount or 0)
    return taken, back


class LoyaltyService:
    """Finding, joining and reading members, for the counter, self-service and the CLI."""

    def __init__(self, deps: ServiceDeps):
        self.deps = deps

    @property
    def conn(self) -> sqlite3.Connection:
        return self.deps.conn

    def find(self, raw_phone: str, currency: str, actor: Actor | None = None) -> Member:
        """The member with this number (NotFound: none). With the cloud, its balance now; when
        the cloud cannot be asked, the last balance known here (``current`` False). For the
        self-service kiosk only that the number is a member: anyone may type any number at a
        public screen, so neither its name nor its points are told there."""
        member = self._find(raw_phone, currency)
        if actor is not None and actor.role == Role.SELF_SERVICE:
            return Member(member.phone, "", 0, member.joined_at, member.current)
        return member

    def _find(self, raw_phone: str, currency: str) -> Member:
        phone = rules.normalise_phone(raw_phone, currency)
        cloud = self.deps.loyalty_cloud
        if cloud is not None and cloud.worth_trying():
            from kiosk.cloud.errors import CloudError, CloudUnavailable

            try:
                found = cloud.read(phone)
            except (CloudUnavailable, CloudError):
                found = None
                current = False
            else:
                current = True
                if found is not None:
                    with transaction(self.conn):
                        _remember(self.conn, phone, found.name, found.points,
                                  found.joined_at or to_iso(self.deps.clock.now()),
                                  self.deps.config.kiosk_id)
        else:
            current = cloud is None
        row = _row(self.conn, phone)
        if row is None:
            raise NotFound(f"No member has the number {rules.masked_phone(phone)}. Join them "
                           "with their name, or sell without a member.")
        return _member(row, current)

    def join(self, actor: Actor, raw_phone: str, currency: str, name: str = "") -> Member:
        """Make the number a member (joining again keeps the points; a name given is kept)."""
        phone = rules.normalise_phone(raw_phone, currency)
        name = rules.check_name(name)
        now = self.deps.clock.now()
        cloud = self.deps.loyalty_cloud
        conn = self.conn
        in_cloud = None
        if cloud is not None and cloud.worth_trying():
            from kiosk.cloud.errors import CloudError, CloudUnavailable

            try:
                in_cloud = cloud.join(phone, name, now)
            except (CloudUnavailable, CloudError):
                in_cloud = None
        with transaction(conn):
            existed = _row(conn, phone) is not None
            if in_cloud is not None:
                _remember(conn, phone, in_cloud.name, in_cloud.points,
                          in_cloud.joined_at or to_iso(now), actor.kiosk_id)
            else:
                conn.execute("INSERT INTO members (phone, name, points, joined_at, kiosk_id, "
                             "shared) VALUES (?, ?, 0, ?, ?, ?) ON CONFLICT(phone) DO UPDATE "
                             "SET name = CASE WHEN excluded.name != '' THEN excluded.name ELSE "
                             "members.name END", (phone, name, to_iso(now), actor.kiosk_id,
                                                  int(cloud is not None)))
                if cloud is not None:  # offline: the cloud hears of the member when back
                    _to_cloud(conn, now, actor.kiosk_id, f"join-{phone}-{to_iso(now)}",
                              op="join", phone=phone, points=0, name=name)
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id,
                         action="member_update" if existed else "member_join",
                         staff_id=actor.staff_id, target=rules.masked_phone(phone), detail={})
        row = _row(conn, phone)
        if row is None:  # written just above; only a concurrent delete could remove it
            raise NotFound("The member could not be read back; try again.")
        joined = _member(row, in_cloud is not None or cloud is None)
        if actor.role == Role.SELF_SERVICE:  # as ``find``: a public screen is told no balance
            return Member(joined.phone, "", 0, joined.joined_at, joined.current)
        return joined

    def history(self, actor: Actor, raw_phone: str, currency: str) -> list[Visit]:
        """The member's sales, newest first: this device's, and with the cloud every device's.
        Staff only (a customer's history is not shown on a public screen)."""
        ensure_staff(self.deps, actor, "member_history")
        phone = rules.normalise_phone(raw_phone, currency)
        visits: dict[str, Visit] = {}
        for r in self.conn.execute(_HISTORY_SQL, (phone, phone, HISTORY_LIMIT * 2)):
            visits[r["reference"]] = Visit(
                r["reference"], from_iso(r["created_at"]),
                show_words(r["what"], r["starts_at"], r["timezone"]),
                int(r["total_minor"]), r["currency"], int(r["points"] or 0), r["state"])
        cloud = self.deps.loyalty_cloud
        if cloud is not None and cloud.worth_trying():
            from kiosk.cloud.errors import CloudError, CloudUnavailable

            try:
                remote = cloud.history(phone)
            except (CloudUnavailable, CloudError):
                remote = []
            for m in remote:
                ref = str(m["reference"])
                if ref not in visits:
                    visits[ref] = Visit(ref, from_iso(str(m["at"])), str(m.get("what", "")),
                                        int(m.get("amount_minor", 0)), str(m.get("currency", "")),
                                        int(m.get("points", 0)))
        return sorted(visits.values(), key=lambda v: v.at, reverse=True)[:HISTORY_LIMIT]


def show_words(title: str | None, starts_at: str | datetime | None, timezone: str | None) -> str:
    """'Monsoon Wedding · Sat 5 Dec 19:30' (the cinema's local time); food alone: 'Food and
    drink'."""
    if not title or not starts_at or not timezone:
        return "Food and drink"
    moment = from_iso(starts_at) if isinstance(starts_at, str) else starts_at
    return f"{title} · {local(moment, timezone):%a %d %b %H:%M}"


def describe_balance(member: Member, currency: str) -> str:
    """'1,240 points (worth ₹620.00)'."""
    return (f"{member.points:,} points (worth "
            f"{format_money(member.value_minor(currency), currency)})")


_HISTORY_SQL = """
SELECT b.reference, b.created_at, b.currency, b.state,
       b.total_minor + COALESCE((SELECT s.total_minor FROM item_sales s
                                  WHERE s.booking_id = b.id), 0) AS total_minor,
       f.title AS what, sh.starts_at, c.timezone,
       (SELECT SUM(points) FROM member_moves m WHERE m.booking_id = b.id
                                                 AND m.reason = 'earn') AS points
  FROM bookings b JOIN shows sh ON sh.id = b.show_id JOIN films f ON f.id = sh.film_id
       JOIN halls h ON h.id = sh.hall_id JOIN cinemas c ON c.id = h.cinema_id
 WHERE b.member_phone = ?1
UNION ALL
SELECT s.reference, s.created_at, s.currency, 'sold', s.total_minor, NULL, NULL, NULL,
       (SELECT SUM(points) FROM member_moves m WHERE m.sale_id = s.id AND m.reason = 'earn')
  FROM item_sales s
 WHERE s.member_phone = ?2 AND s.booking_id IS NULL
 ORDER BY 2 DESC LIMIT ?3
"""

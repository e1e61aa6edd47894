"""Tenders in the database: recording them, what is left on each, and the day's totals by kind.

``tender_totals`` counts this device's rows (the day close adds the pulled ones itself) unless
``include_pulled``; ``tender_breakdown`` (the reports) also counts, by default, the other
devices' rows pulled with the business day (``ledger_booking_tenders`` /
``ledger_refund_tenders``; a pulled copy of one of our own rows is skipped, as in ``day_*``).

Tables in migration 0011 (``booking_tenders``, ``refund_tenders``); the rules (what adds up,
which tender a refund goes back to) are in ``kiosk.domain.tenders``. A booking with no tender
rows (written by a tool that inserts raw rows, or with a zero total) counts as one tender of its
``payment_method`` for what it took.

``tender_totals`` is the stable query the business-day close and the reports call.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.errors import InvalidInput, PaymentError
from kiosk.domain.tenders import KINDS, RefundPart, TenderLine
from kiosk.services import gift_cards, loyalty


@dataclass(frozen=True)
class TenderTotal:
    """Money by one tender kind on a business date, in minor units of ``currency``."""

    kind: str
    currency: str
    taken_minor: int = 0  # paid at sales that day (exchange carry-overs excluded: no money moved)
    refunded_minor: int = 0  # given back that day by completed refunds
    tenders: int = 0  # how many tenders were taken
    refunds: int = 0  # how many refunds gave money back to this kind

    @property
    def net_minor(self) -> int:
        return self.taken_minor - self.refunded_minor


@dataclass(frozen=True)
class TenderState:
    """A booking's tender with what has gone back to it already."""

    line: TenderLine
    refunded_minor: int

    @property
    def left_minor(self) -> int:
        return self.line.amount_minor - self.refunded_minor


_INSERT_TENDERS = (
    "INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor, "
    "change_minor, carried_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def refuse_reused_upi(conn: sqlite3.Connection, lines: Sequence[TenderLine],
                      basket_booking: str | None = None) -> None:
    """A UPI payment's UTR pays one sale, once: a UTR already on a booking or a food and drink
    sale here (refunded or not) is refused, so an old reference cannot stand in for cash kept
    back. Carried tenders (an exchange moving the same payment to new seats) are the same
    payment, not a reuse; so is the UTR of a basket's tickets on its own food and drink
    (``basket_booking``: one payment split over the two)."""
    for t in lines:
        if t.kind != "upi" or t.carried_from is not None or not t.reference:
            continue
        row = conn.execute(
            "SELECT 'booking ' || b.reference FROM booking_tenders bt JOIN bookings b "
            "ON b.id = bt.booking_id "
            "WHERE bt.kind = 'upi' AND bt.reference = ?1 AND bt.carried_from IS NULL "
            "AND b.id IS NOT ?2 UNION ALL SELECT 'food and drink sale ' || s.reference "
            "FROM item_sale_tenders it "
            "JOIN item_sales s ON s.id = it.sale_id WHERE it.kind = 'upi' AND it.reference = ?1 "
            "UNION ALL SELECT 'gift card sale ' || l.reference FROM gift_card_load_tenders lt "
            "JOIN gift_card_loads l ON l.id = lt.load_id WHERE lt.kind = 'upi' "
            "AND lt.reference = ?1 LIMIT 1", (t.reference, basket_booking)).fetchone()
        if row is not None:
            raise PaymentError(
                f"UPI reference {t.reference} already paid {row[0]}. Each UPI payment "
                "has its own 12-digit UTR: check the customer's payment screen.")


def record_tenders(conn: sqlite3.Connection, booking_id: str, lines: Sequence[TenderLine]) -> None:
    """Write the booking's tenders (one statement, in the caller's transaction); a reused UPI
    reference is refused here too, inside the transaction, so two sales racing cannot both
    record it."""
    refuse_reused_upi(conn, lines)
    if lines:
        conn.executemany(_INSERT_TENDERS, [
            (booking_id, t.seq, t.kind, t.amount_minor, t.reference, t.tendered_minor,
             t.change_minor, t.carried_from) for t in lines])


def record_refund_tenders(conn: sqlite3.Connection, refund_id: int, booking_id: str,
                          parts: Sequence[RefundPart], now: datetime, kiosk_id: str) -> None:
    """Write where a completed refund's money went (caller's transaction); what goes back to
    a gift card tender is credited to that card here, in the same transaction, and a loyalty
    member's points are settled (``kiosk.services.loyalty.settle_refund``)."""
    if parts:
        conn.executemany(
            "INSERT INTO refund_tenders (refund_id, seq, booking_id, tender_seq, kind, "
            "amount_minor) VALUES (?, ?, ?, ?, ?, ?)",
            [(refund_id, n, booking_id, p.tender_seq, p.kind, p.amount_minor)
             for n, p in enumerate(parts, start=1)])
    for p in parts:
        if p.kind == "voucher" and p.tender_seq is not None:
            row = conn.execute("SELECT reference FROM booking_tenders WHERE booking_id = ? "
                               "AND seq = ?", (booking_id, p.tender_seq)).fetchone()
            gift_cards.credit(conn, row[0] if row else None, p.amount_minor, now, kiosk_id,
                              booking_id=booking_id)
    if parts:  # points back for what points paid; earned points back for refunded money
        loyalty.settle_refund(conn, now, kiosk_id, booking_id=booking_id)


def tender_lines(conn: sqlite3.Connection, booking_id: str) -> list[TenderLine]:
    """The booking's recorded tenders in the order taken (carried ones included)."""
    return [TenderLine(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in conn.execute(
        "SELECT seq, kind, amount_minor, reference, tendered_minor, change_minor, carried_from "
        "FROM booking_tenders WHERE booking_id = ? ORDER BY seq", (booking_id,))]


def tender_states(conn: sqlite3.Connection, booking: sqlite3.Row) -> list[TenderState]:
    """Each tender of the booking with what was already refunded to it.

    A booking without tender rows is one legacy tender (seq None) of its payment method for its
    whole value, refunded by ``refunded_minor``.
    """
    lines = tender_lines(conn, booking["id"])
    if not lines:
        method = booking["payment_method"] if booking["payment_method"] in KINDS else "card"
        legacy = TenderLine(0, method, int(booking["total_minor"]),
                            booking["card_last4"] if method == "card" else None)
        return [TenderState(legacy, int(booking["refunded_minor"] or 0))]
    back = dict(conn.execute(
        "SELECT tender_seq, SUM(amount_minor) FROM refund_tenders WHERE booking_id = ? "
        "GROUP BY tender_seq", (booking["id"],)).fetchall())
    return [TenderState(t, int(back.get(t.seq, 0))) for t in lines]


def left_on(states: Sequence[TenderState]) -> list[tuple[int | None, str, int]]:
    """(tender seq, kind, amount not yet refunded) for ``allocate_refund``; seq None = legacy."""
    return [(s.line.seq or None, s.line.kind, s.left_minor) for s in states if s.left_minor > 0]


# A booking's cinema is its show's hall's (?2 NULL: every cinema). Bookings without tender rows
# count as one tender of their payment method; refunds without refund_tenders rows likewise.
# Food and drink sales (item_sales, issue 12) and their refunds count with them: the money in the
# drawer and on the card slips is the basket's, tickets and items alike. So does the money taken
# for gift cards sold and topped up (gift_card_loads, migration 0021).
_TAKEN_SQL = """
SELECT t.kind, b.currency, SUM(t.amount_minor), COUNT(*)
  FROM booking_tenders t JOIN bookings b ON b.id = t.booking_id
  JOIN shows s ON s.id = b.show_id JOIN halls h ON h.id = s.hall_id
 WHERE (?2 IS NULL OR h.cinema_id = ?2) AND b.business_date BETWEEN ?1 AND ?3
   AND t.carried_from IS NULL
 GROUP BY t.kind, b.currency
UNION ALL
SELECT b.payment_method, b.currency, SUM(COALESCE(b.paid_minor, b.total_minor)), COUNT(*)
  FROM bookings b JOIN shows s ON s.id = b.show_id JOIN halls h ON h.id = s.hall_id
 WHERE (?2 IS NULL OR h.cinema_id = ?2) AND b.business_date BETWEEN ?1 AND ?3
   AND COALESCE(b.paid_minor, b.total_minor) > 0
   AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id)
 GROUP BY b.payment_method, b.currency
UNION ALL
SELECT t.kind, i.currency, SUM(t.amount_minor), COUNT(*)
  FROM item_sale_tenders t JOIN item_sales i ON i.id = t.sale_id
 WHERE (?2 IS NULL OR i.cinema_id = ?2) AND i.business_date BETWEEN ?1 AND ?3
 GROUP BY t.kind, i.currency
UNION ALL
SELECT t.kind, l.currency, SUM(t.amount_minor), COUNT(*)
  FROM gift_card_load_tenders t JOIN gift_card_loads l ON l.id = t.load_id
  JOIN gift_cards g ON g.code = l.code
 WHERE (?2 IS NULL OR g.cinema_id = ?2) AND l.business_date BETWEEN ?1 AND ?3
 GROUP BY t.kind, l.currency
"""

# One cinema of a chain: its bookings found through its shows (index bookings_show_cover,
# migration 0032) instead of every cinema's bookings of the dates filtered afterwards.
_ANY_CINEMA = "WHERE (?2 IS NULL OR h.cinema_id = ?2) AND b.business_date"
_ONE_CINEMA = ("WHERE h.cinema_id = ?2 AND b.show_id IN (SELECT s2.id FROM shows s2 JOIN halls h2 "
               "ON h2.id = s2.hall_id WHERE h2.cinema_id = ?2) AND b.business_date")

_TAKEN_PULLED_SQL = """
SELECT t.kind, lb.currency, SUM(t.amount_minor), COUNT(*)
  FROM ledger_booking_tenders t JOIN ledger_bookings lb ON lb.id = t.booking_id
 WHERE (?2 IS NULL OR lb.cinema_id = ?2) AND lb.business_date BETWEEN ?1 AND ?3
   AND t.carried = 0 AND lb.state <> 'void'
   AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.id = lb.id)
 GROUP BY t.kind, lb.currency
UNION ALL
SELECT lb.payment_method, lb.currency, SUM(lb.paid_minor), COUNT(*) FROM ledger_bookings lb
 WHERE (?2 IS NULL OR lb.cinema_id = ?2) AND lb.business_date BETWEEN ?1 AND ?3
   AND lb.paid_minor > 0 AND lb.state <> 'void'
   AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.id = lb.id)
   AND NOT EXISTS (SELECT 1 FROM ledger_booking_tenders t WHERE t.booking_id = lb.id)
 GROUP BY lb.payment_method, lb.currency
UNION ALL
SELECT t.kind, li.currency, SUM(t.amount_minor), COUNT(*)
  FROM ledger_item_sale_tenders t JOIN ledger_item_sales li ON li.id = t.sale_id
 WHERE (?2 IS NULL OR li.cinema_id = ?2) AND li.business_date BETWEEN ?1 AND ?3
   AND NOT EXISTS (SELECT 1 FROM item_sales i WHERE i.id = li.id)
 GROUP BY t.kind, li.currency
"""

_REFUNDED_SQL = """
SELECT rt.kind, r.currency, SUM(rt.amount_minor), COUNT(DISTINCT r.id)
  FROM refund_tenders rt JOIN refunds r ON r.id = rt.refund_id
  JOIN bookings b ON b.id = r.booking_id
  JOIN shows s ON s.id = b.show_id JOIN halls h ON h.id = s.hall_id
 WHERE (?2 IS NULL OR h.cinema_id = ?2) AND r.business_date BETWEEN ?1 AND ?3
   AND r.state = 'completed'
 GROUP BY rt.kind, r.currency
UNION ALL
SELECT r.method, r.currency, SUM(r.amount_minor), COUNT(*)
  FROM refunds r JOIN bookings b ON b.id = r.booking_id
  JOIN shows s ON s.id = b.show_id JOIN halls h ON h.id = s.hall_id
 WHERE (?2 IS NULL OR h.cinema_id = ?2) AND r.business_date BETWEEN ?1 AND ?3
   AND r.state = 'completed' AND r.amount_minor > 0
   AND NOT EXISTS (SELECT 1 FROM refund_tenders rt WHERE rt.refund_id = r.id)
 GROUP BY r.method, r.currency
UNION ALL
SELECT rt.kind, r.currency, SUM(rt.amount_minor), COUNT(DISTINCT r.id)
  FROM item_refund_tenders rt JOIN item_refunds r ON r.id = rt.refund_id
  JOIN item_sales i ON i.id = r.sale_id
 WHERE (?2 IS NULL OR i.cinema_id = ?2) AND r.business_date BETWEEN ?1 AND ?3
 GROUP BY rt.kind, r.currency
"""

_REFUNDED_PULLED_SQL = """
SELECT COALESCE(rt.kind, lr.method), lr.currency, SUM(COALESCE(rt.amount_minor, lr.amount_minor)),
       COUNT(DISTINCT lr.kiosk_id || '#' || lr.local_id)
  FROM ledger_refunds lr
  LEFT JOIN ledger_refund_tenders rt ON rt.kiosk_id = lr.kiosk_id AND rt.local_id = lr.local_id
 WHERE lr.business_date BETWEEN ?1 AND ?3 AND lr.state = 'completed' AND lr.amount_minor > 0
   AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.id = lr.local_id AND r.kiosk_id = lr.kiosk_id)
   AND (?2 IS NULL OR ?2 = COALESCE(
        (SELECT lb.cinema_id FROM ledger_bookings lb WHERE lb.id = lr.booking_id),
        (SELECT h.cinema_id FROM bookings b JOIN shows s ON s.id = b.show_id
           JOIN halls h ON h.id = s.hall_id WHERE b.id = lr.booking_id)))
 GROUP BY 1, 2
UNION ALL
SELECT rt.kind, lr.currency, SUM(rt.amount_minor), COUNT(DISTINCT lr.kiosk_id || '#' || lr.local_id)
  FROM ledger_item_refunds lr
  JOIN ledger_item_refund_tenders rt ON rt.kiosk_id = lr.kiosk_id AND rt.local_id = lr.local_id
 WHERE (?2 IS NULL OR lr.cinema_id = ?2) AND lr.business_date BETWEEN ?1 AND ?3
   AND NOT EXISTS (SELECT 1 FROM item_refunds r WHERE r.id = lr.local_id
                     AND r.kiosk_id = lr.kiosk_id)
 GROUP BY rt.kind, lr.currency
"""

# The kept tickets' share (migration 0033): a group whose every row was taken back out is no
# group, as in the live query. The food and drink and gift card parts stay live (indexed by date).
_KEPT_SQL = """
SELECT kind, currency, SUM(amount), SUM(n), source FROM report_day_tenders
 WHERE business_date BETWEEN ?1 AND ?3 AND (?2 IS NULL OR cinema_id = ?2)
 GROUP BY source, kind, currency HAVING SUM(n) > 0
"""
_TAKEN_OTHER_SQL = "UNION ALL".join(_TAKEN_SQL.split("UNION ALL")[2:])
_REFUNDED_OTHER_SQL = "UNION ALL".join(_REFUNDED_SQL.split("UNION ALL")[2:])


def tender_totals(conn: sqlite3.Connection, *, business_date: str,
                  cinema_id: str | None, include_pulled: bool = False) -> dict[str, TenderTotal]:
    """Money taken and refunded per tender kind on a business date (one cinema, or all).

    Every kind in ``KINDS`` is present (zeros when unused). Taken counts what sales of that date
    received (an exchange's carried tenders are not money taken again); refunded counts completed
    refunds dated that day. THIS DEVICE's rows only unless ``include_pulled`` (then also the
    other devices' rows pulled with the day). Raises InvalidInput when the money is in several
    currencies (name the cinema).
    """
    found = tender_breakdown(conn, start=str(business_date), end=str(business_date),
                             cinema_id=cinema_id, include_pulled=include_pulled)
    currencies = {t.currency for t in found}
    if len(currencies) > 1:
        raise InvalidInput("That day's money is in several currencies: choose one cinema.")
    if currencies:
        currency = currencies.pop()
    else:
        row = conn.execute("SELECT currency FROM cinemas WHERE ?1 IS NULL OR id = ?1 LIMIT 1",
                           (cinema_id,)).fetchone()
        currency = row[0] if row else ""
    by_kind = {t.kind: t for t in found}
    return {kind: by_kind.get(kind, TenderTotal(kind, currency)) for kind in KINDS}


def tender_breakdown(conn: sqlite3.Connection, *, start: str, end: str,
                     cinema_id: str | None, include_pulled: bool = True,
                     kept: bool = False) -> list[TenderTotal]:
    """Taken and refunded per (tender kind, currency) over business dates start..end, in
    ``KINDS`` order then currency; only kinds that moved money. ``include_pulled``: also the
    other devices' rows pulled with the day (what the reports show). ``kept``: the tickets'
    share from ``report_day_tenders`` (migration 0033) instead of every booking of the range;
    the caller checks no day of the range was pulled."""
    acc: dict[tuple[str, str], list[int]] = {}
    sources = [(0, _TAKEN_SQL), (1, _REFUNDED_SQL)]
    if kept:
        sources = [(0, _KEPT_SQL), (0, _TAKEN_OTHER_SQL), (1, _REFUNDED_OTHER_SQL)]
    if include_pulled:
        sources += [(0, _TAKEN_PULLED_SQL), (1, _REFUNDED_PULLED_SQL)]
    for n, sql in sources:
        if cinema_id is not None:
            sql = sql.replace(_ANY_CINEMA, _ONE_CINEMA)
        for kind, currency, amount, count, *source in conn.execute(sql, (start, cinema_id, end)):
            if kind not in KINDS:
                continue
            i = int(source[0] == "refunded") if source else n  # the kept rows say which
            got = acc.setdefault((kind, currency), [0, 0, 0, 0])
            got[i] += int(amount or 0)
            got[2 + i] += int(count or 0)
    return [TenderTotal(kind, currency, v[0], v[1], v[2], v[3])
            for (kind, currency), v in sorted(acc.items(),
                                              key=lambda i: (KINDS.index(i[0][0]), i[0][1]))]


# A shift's tenders: taken on its bookings (carry-overs excluded) and given back by the refunds
# it paid; rows without tender records count by their method (see the module docstring).
_SHIFT_SQL = """
SELECT t.kind, 0, SUM(t.amount_minor), COUNT(*) FROM bookings b
  JOIN booking_tenders t ON t.booking_id = b.id
 WHERE b.shift_id = ?1 AND t.carried_from IS NULL GROUP BY t.kind
UNION ALL
SELECT b.payment_method, 0, SUM(COALESCE(b.paid_minor, b.total_minor)), COUNT(*) FROM bookings b
 WHERE b.shift_id = ?1 AND COALESCE(b.paid_minor, b.total_minor) > 0
   AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id)
 GROUP BY b.payment_method
UNION ALL
SELECT rt.kind, 1, SUM(rt.amount_minor), COUNT(DISTINCT r.id) FROM refunds r
  JOIN refund_tenders rt ON rt.refund_id = r.id
 WHERE r.shift_id = ?1 AND r.state = 'completed' GROUP BY rt.kind
UNION ALL
SELECT r.method, 1, SUM(r.amount_minor), COUNT(*) FROM refunds r
 WHERE r.shift_id = ?1 AND r.state = 'completed' AND r.amount_minor > 0
   AND NOT EXISTS (SELECT 1 FROM refund_tenders rt WHERE rt.refund_id = r.id)
 GROUP BY r.method
UNION ALL
SELECT t.kind, 0, SUM(t.amount_minor), COUNT(*) FROM item_sales i
  JOIN item_sale_tenders t ON t.sale_id = i.id
 WHERE i.shift_id = ?1 GROUP BY t.kind
UNION ALL
SELECT rt.kind, 1, SUM(rt.amount_minor), COUNT(DISTINCT r.id) FROM item_refunds r
  JOIN item_refund_tenders rt ON rt.refund_id = r.id
 WHERE r.shift_id = ?1 GROUP BY rt.kind
UNION ALL
SELECT t.kind, 0, SUM(t.amount_minor), COUNT(*) FROM gift_card_loads l
  JOIN gift_card_load_tenders t ON t.load_id = l.id
 WHERE l.shift_id = ?1 GROUP BY t.kind
"""


def shift_tenders(conn: sqlite3.Connection, shift_id: int, currency: str) -> tuple[TenderTotal, ...]:
    """What one shift took and gave back per tender kind (the cash-up's breakdown). Only the
    cash line is in the drawer; card, UPI and voucher are checked against their own slips."""
    acc: dict[str, list[int]] = {}
    for kind, refund, amount, count in conn.execute(_SHIFT_SQL, (shift_id,)):
        if kind in KINDS:
            got = acc.setdefault(kind, [0, 0, 0, 0])
            got[refund] += int(amount or 0)
            got[2 + refund] += int(count or 0)
    return tuple(TenderTotal(kind, currency, *acc[kind]) for kind in KINDS if kind in acc)

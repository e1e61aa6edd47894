"""The invariants (DESIGN section 3, issue 9), checked against the true cloud and every kiosk file.

(a) no seat in two active sales anywhere; (b) every sale a kiosk confirmed reaches the cloud
exactly once (or is a conflict, which under ``allocated-only`` is itself a double sale: its
ticket was printed); (c) under ``allocated-only`` a kiosk cut off from the cloud (or selling under
its offline policy: it believes it is offline, or its clock is off) sells only seats the cloud
has allocated to it at that moment (read from the true table); (d) totals equal their lines and refunds never
exceed what was paid; (e) after the heal the outbox is empty or dead-lettered; (f) an online
kiosk asking for seats gets some while the cloud has free seats (not for a cancelled show, nor
for a deactivated cashier); (g), (h): no cloud sale of a cancelled show, or in a deactivated
cashier's name, after the manager wrote it (``kiosk.sim.catalogue``); (i) no gift card below
zero, in the cloud or on a kiosk, and its money adds up; (j) after the heal no kiosk holds more of
a gift card than the cloud set aside for it; (k) no promo code used beyond its limit: the cloud
counts at most its limit, its count is its USE items, and every use a kiosk committed is one of
them (a sale that used the code and is not counted could take it past the limit); (l) no
loyalty member below zero points: the cloud's balance is its moves less its redemptions, and
every redemption a kiosk committed is one the cloud took. A sale made
offline that
the cloud's checks refuse later is a conflict for the manager, counted apart (not a double sale).

(a), (d), (i), (k) and (l) run after every step, (c) at every sale, all of them after the final heal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.domain.errors import KioskError, SeatsUnavailable

if TYPE_CHECKING:
    from kiosk.sim.kiosk import SimKiosk
    from kiosk.sim.runner import Simulation

ACTIVE_SALES_SQL = (
    "SELECT s.show_id, s.seat_code, s.booking_id, b.sync_state FROM seat_sales s "
    "JOIN bookings b ON b.id = s.booking_id WHERE b.state IN ('confirmed', 'partially_refunded')")
INACTIVE_SQL = "SELECT id FROM bookings WHERE state NOT IN ('confirmed', 'partially_refunded')"
WAITING_SQL = ("SELECT kind, booking_id, attempts, last_error FROM outbox WHERE done_at IS NULL "
               "ORDER BY id")
WAITING_LIVE_SQL = ("SELECT kind, booking_id, attempts, last_error FROM outbox "
                    "WHERE done_at IS NULL AND dead_at IS NULL ORDER BY id")
LIVENESS_TRIES = 3


@dataclass(frozen=True)
class Violation:
    invariant: str  # "a".."f", or "error" for an exception the product let escape
    step: int | None  # None: found after the final heal
    message: str

    def line(self) -> str:
        where = f"step {self.step}" if self.step is not None else "after heal"
        return f"({self.invariant}) {where}: {self.message}"


# -- (a) ------------------------------------------------------------------------------------------
def no_double_sale(sim: Simulation) -> list[Violation]:
    """Every (show, seat) has at most one active owner across kiosks, the cloud and the web."""
    owners: dict[tuple[str, str], dict[str, str]] = {}
    inactive: set[str] = set()
    given_back: set[tuple[str, str]] = set()  # (booking, seat) refunded at its kiosk
    for k in sim.kiosks:
        for show, seat, booking_id, sync_state in k.conn.execute(ACTIVE_SALES_SQL):
            if sim.policy == "optimistic" and sync_state != "synced":
                continue  # may still lose the race: that is a conflict, counted at the end
            owners.setdefault((show, seat), {})[booking_id] = k.name
        inactive.update(r[0] for r in k.conn.execute(INACTIVE_SQL))
        given_back.update((r[0], r[1]) for r in k.conn.execute(
            "SELECT booking_id, seat_code FROM booking_seats WHERE refunded = 1"))
    for show in sim.world.shows:
        for seat, item in sim.truth.seats(show).items():
            booking_id = item.get("booking_id")
            # a refund made at the kiosk and still on its way is not a second owner
            if item.get("state") != "sold" or booking_id in inactive \
                    or (booking_id, seat) in given_back:
                continue
            owners.setdefault((show, seat), {}).setdefault(str(booking_id), "cloud")
    for sale in sim.web_sales:
        for seat in sale.seats:
            owners.setdefault((sale.show_id, seat), {}).setdefault(sale.booking_id, "WEB")
    found = []
    for (show, seat), held_by in sorted(owners.items()):
        if len(held_by) > 1:
            who = " and ".join(f"{sim.trace.name(b)}@{where}" for b, where in held_by.items())
            found.append(Violation("a", sim.step, f"{show} {seat} is sold twice: {who}"))
    return found


# -- (c) ------------------------------------------------------------------------------------------
def offline_sale(sim: Simulation, k: SimKiosk, booking_id: str, show: str,
                 seats: list[str]) -> list[Violation]:
    """A sale made while cut off: each seat must be the kiosk's in the cloud right now."""
    if sim.policy != "allocated-only":
        return []
    items = sim.truth.seats(show)
    bad = [f"{s} ({_describe(sim, items.get(s))})" for s in seats
           if not _owned_offline(items.get(s), k.name, booking_id)]
    if not bad:
        return []
    return [Violation("c", sim.step, f"{k.name} sold {sim.trace.name(booking_id)} while cut off, "
                                     f"but the cloud had not allocated {', '.join(bad)} to it")]


def _owned_offline(item: dict[str, Any] | None, kiosk: str, booking_id: str) -> bool:
    if item is None:
        return False
    state = item.get("state")
    if state == "sold":
        # Sold to this sale, or to another sale of this kiosk's own allocation whose refund or
        # exchange has not reached the cloud yet: it goes back to this kiosk's allocation then,
        # and no one else can take it meanwhile (seed 5372 of an earlier schedule).
        return item.get("booking_id") == booking_id or item.get("alloc_kiosk") == kiosk
    if state == "allocated":
        return item.get("kiosk_id") == kiosk
    return state == "held" and item.get("alloc_kiosk") == kiosk and item.get("kiosk_id") == kiosk


def _describe(sim: Simulation, item: dict[str, Any] | None) -> str:
    if item is None:
        return "free"
    state = str(item.get("state"))
    owner = item.get("booking_id") or item.get("hold_id") or ""
    expiry = item.get("hold_expires_at")
    until = ""
    if expiry is not None:
        until = f", expires t+{int(expiry) - int(sim.time.start.timestamp()):.0f}s"
    return f"{state} by {item.get('kiosk_id')} {sim.trace.name(str(owner)) if owner else ''}{until}"


# -- (d) ------------------------------------------------------------------------------------------
MONEY_SQL = """
SELECT b.id, b.total_minor, b.refunded_minor, l.lines, COALESCE(r.refunds, 0)
FROM bookings b
JOIN (SELECT booking_id, SUM(price_minor) AS lines FROM booking_seats GROUP BY booking_id) l
  ON l.booking_id = b.id
LEFT JOIN (SELECT booking_id, SUM(amount_minor) AS refunds FROM refunds
           WHERE state = 'completed' GROUP BY booking_id) r ON r.booking_id = b.id
WHERE b.total_minor != l.lines OR b.refunded_minor > b.total_minor OR b.refunded_minor < 0
   OR COALESCE(r.refunds, 0) != b.refunded_minor
"""


def money(sim: Simulation) -> list[Violation]:
    found = []
    for k in sim.kiosks:
        for booking_id, total, refunded, lines, refunds in k.conn.execute(MONEY_SQL):
            found.append(Violation("d", sim.step, (
                f"{k.name} booking {sim.trace.name(booking_id)}: total {total}, lines {lines}, "
                f"refunded {refunded}, completed refunds {refunds}")))
    return found


GIFT_MOVES_SQL = """
SELECT g.code, g.balance_minor, COALESCE(SUM(m.delta_minor), 0) FROM gift_cards g
  LEFT JOIN gift_card_moves m ON m.code = g.code GROUP BY g.code
HAVING g.balance_minor <> COALESCE(SUM(m.delta_minor), 0) OR g.balance_minor < 0
"""


def cloud_gift_cards(sim: Simulation, every: bool = True) -> dict[str, dict[str, Any]]:
    """Code -> the true CARD item of every gift card in the cloud (plain values); with
    ``every`` False only the cards the schedule knows it sold (a cheap read after each step;
    the final check scans them all)."""
    from kiosk.cloud.claims import plain
    from kiosk.cloud.giftcards import card_pk
    from kiosk.sim.catalogue import CINEMA

    cards = {}
    keys = (sim.truth.partitions("GIFTCARD#") if every
            else [card_pk(CINEMA, code) for code in sim.gift_cards])
    for pk in keys:
        for wire in sim.truth.wire_partition(pk):
            item = plain(wire)
            if item.get("sk") == "CARD":
                cards[str(item["code"])] = item
    return cards


def gift_cards(sim: Simulation, every: bool = True) -> list[Violation]:
    """(i): no gift card below zero anywhere: in the cloud its shared balance and every
    allowance, and what it holds is what was loaded less what was spent plus what was
    credited; on each kiosk its balance is the sum of its moves, never below zero."""
    found = []
    if not every and not sim.gift_cards:
        return found
    for code, card in cloud_gift_cards(sim, every).items():
        allowances = {str(k): int(v) for k, v in (card.get("allowances") or {}).items()}
        shared = int(card.get("shared_minor", 0))
        total = shared + sum(allowances.values())
        expected = (int(card.get("loaded_minor", 0)) - int(card.get("spent_minor", 0))
                    + int(card.get("credited_minor", 0)))
        if shared < 0 or min(allowances.values(), default=0) < 0 or total != expected:
            found.append(Violation("i", sim.step, (
                f"gift card {sim.trace.name(code)}: shared {shared}, allowances {allowances}, "
                f"holds {total}, loaded - spent + credited = {expected}")))
    for k in sim.kiosks:
        for code, balance, moves in k.conn.execute(GIFT_MOVES_SQL):
            found.append(Violation("i", sim.step, (
                f"{k.name} gift card {sim.trace.name(code)}: balance {balance}, moves {moves}")))
    return found


def gift_cards_reconciled(sim: Simulation) -> list[Violation]:
    """(j), after the heal: no kiosk holds more of a shared card than the cloud set aside for
    it (it could spend money the card does not have). The cloud may hold more for it: money
    set aside for a sale whose answer was lost stays that kiosk's, never spent twice."""
    found = []
    cards = cloud_gift_cards(sim)
    for k in sim.kiosks:
        for code, balance in k.conn.execute(
                "SELECT code, balance_minor FROM gift_cards WHERE shared = 1"):
            card = cards.get(code)
            held = int((card or {}).get("allowances", {}).get(k.name, 0))
            if balance > held:
                found.append(Violation("j", None, (
                    f"{k.name} holds {balance} of gift card {sim.trace.name(code)}, the cloud "
                    f"set aside {held} for it{'' if card else ' (no such card in the cloud)'}")))
    return found


def promo_uses(sim: Simulation) -> list[Violation]:
    """(k): the world's limited code is used at most its limit, counted in the cloud."""
    from kiosk.cloud.claims import plain
    from kiosk.cloud.promos import promo_pk
    from kiosk.sim.catalogue import CINEMA
    from kiosk.sim.world import PROMO_CODE, PROMO_MAX_USES

    items = [plain(w) for w in sim.truth.wire_partition(promo_pk(CINEMA, PROMO_CODE))]
    uses = {str(i["sk"])[4:] for i in items if str(i.get("sk", "")).startswith("USE#")}
    count = next((int(i.get("uses", 0)) for i in items if i.get("sk") == "COUNT"), 0)
    found = []
    if count > PROMO_MAX_USES or len(uses) > PROMO_MAX_USES or count != len(uses):
        found.append(Violation("k", sim.step, (
            f"code {PROMO_CODE}: counted {count}, {len(uses)} uses in the cloud, limit "
            f"{PROMO_MAX_USES}")))
    for k in sim.kiosks:
        for (booking_id,) in k.conn.execute("SELECT booking_id FROM promo_uses WHERE code = ?",
                                            (PROMO_CODE,)):
            if booking_id not in uses:
                found.append(Violation("k", sim.step, (
                    f"{k.name} sold {sim.trace.name(booking_id, 'b')} with code {PROMO_CODE}, "
                    "which the cloud does not count")))
    return found


def loyalty_points(sim: Simulation) -> list[Violation]:
    """(l): the world's member never holds fewer than zero points, in the cloud or on a kiosk;
    the cloud's balance is what its moves added less what its redemptions took; every sale a
    kiosk committed with points is a redemption the cloud holds (else the points were spent
    twice)."""
    from kiosk.cloud.claims import plain
    from kiosk.cloud.loyalty import member_pk
    from kiosk.sim.world import SIM_MEMBER

    items = [plain(w) for w in sim.truth.wire_partition(member_pk(SIM_MEMBER))]
    held = next((int(i.get("points", 0)) for i in items if i.get("sk") == "PROFILE"), 0)
    moved = sum(int(i.get("points", 0)) for i in items if str(i.get("sk", "")).startswith("MOVE#"))
    redeemed = {str(i["sk"])[7:]: int(i.get("points", 0)) for i in items
                if str(i.get("sk", "")).startswith("REDEEM#")}
    found = []
    if held < 0 or held != moved - sum(redeemed.values()):
        found.append(Violation("l", sim.step, (
            f"member {SIM_MEMBER}: holds {held} points in the cloud; moves {moved}, "
            f"redeemed {sum(redeemed.values())}")))
    for k in sim.kiosks:
        for booking_id, points in k.conn.execute(
                "SELECT booking_id, -points FROM member_moves WHERE reason = 'redeem' "
                "AND booking_id IS NOT NULL"):
            if redeemed.get(booking_id) != points:
                found.append(Violation("l", sim.step, (
                    f"{k.name} sold {sim.trace.name(booking_id, 'b')} for {points} points the "
                    f"cloud did not take ({redeemed.get(booking_id)})")))
        below = k.conn.execute("SELECT COUNT(*) FROM members WHERE points < 0").fetchone()[0]
        if below:
            found.append(Violation("l", sim.step, f"{k.name}: a member below zero points"))
    return found


def per_step(sim: Simulation) -> list[Violation]:
    return (no_double_sale(sim) + money(sim) + gift_cards(sim, every=False) + promo_uses(sim)
            + loyalty_points(sim))


# -- after the heal: (b), (e), (f) --------------------------------------------------------------
def reached_cloud(sim: Simulation) -> list[Violation]:
    """(b): each local booking is in the cloud with exactly its seats, or is a conflict."""
    found: list[Violation] = []
    cloud = sim.truth.bookings()
    sold: dict[str, set[str]] = {}
    for show in sim.world.shows:
        for seat, item in sim.truth.seats(show).items():
            if item.get("state") == "sold":
                sold.setdefault(str(item.get("booking_id")), set()).add(seat)
    local: set[str] = set()
    for k in sim.kiosks:
        conflicted = {r[0]: r[1] for r in k.conn.execute(
            "SELECT booking_id, lost_seats FROM cloud_conflicts")}
        refused = {r[0] for r in k.conn.execute(
            "SELECT booking_id FROM cloud_conflicts WHERE json_extract(detail, '$.reason') "
            "IN ('show_cancelled', 'staff_inactive')")}
        # refused by the checks after it was already refunded or exchanged here: nothing owed
        refused |= {r[0] for r in k.conn.execute(
            "SELECT target FROM audit WHERE action = 'sync_refused'")}
        dead = dead_letter_bookings(k.conn)
        for booking_id, state in k.conn.execute(
                "SELECT id, state FROM bookings ORDER BY created_at, id").fetchall():
            local.add(booking_id)
            name = sim.trace.name(booking_id)
            if booking_id in refused:  # sold offline, then the cloud's checks said no: the
                sim.refused_by_checks += 1  # show was cancelled or the cashier deactivated
                continue
            if booking_id in conflicted or state == "conflict":
                sim.conflicts += 1
                if sim.policy == "allocated-only":
                    found.append(Violation("b", None, (
                        f"{k.name} printed a ticket for {name}, then its seats "
                        f"{conflicted.get(booking_id, '?')} turned out sold to someone else "
                        "(a conflict under allocated-only is a double sale)")))
                continue
            seats = {r[0] for r in k.conn.execute(
                "SELECT seat_code FROM booking_seats WHERE booking_id = ? AND refunded = 0",
                (booking_id,))} if state in ("confirmed", "partially_refunded") else set()
            if booking_id not in cloud:
                if sim.policy == "optimistic" and state in ("refunded", "cancelled", "exchanged"):
                    sim.conflicts += 1  # lost its race, but was given back before it knew
                    continue
                why = " (its outbox row is dead-lettered)" if booking_id in dead else ""
                found.append(Violation("b", None, f"{k.name} booking {name} ({state}) never "
                                                  f"reached the cloud{why}"))
                continue
            there = sold.get(booking_id, set())
            if there != seats:
                found.append(Violation("b", None, (
                    f"{k.name} booking {name} ({state}): the kiosk has seats "
                    f"{sorted(seats) or 'none'}, the cloud sold it {sorted(there) or 'none'}")))
    for booking_id, item in sorted(cloud.items()):
        if item.get("kiosk_id") == "WEB":
            if booking_id not in {s.booking_id for s in sim.web_sales}:
                sim.web_orphans += 1  # sold, but the buyer never heard: seats lost to everyone
            continue
        if booking_id in local:
            continue
        name = sim.trace.name(booking_id)
        if item.get("state") != "void":  # a voided intent (claimed, never committed) is fine
            found.append(Violation("b", None, f"the cloud has booking {name} of "
                                              f"{item.get('kiosk_id')} that no kiosk knows"))
        elif sold.get(booking_id):
            found.append(Violation("b", None, f"voided booking {name} still owns "
                                              f"{sorted(sold[booking_id])} in the cloud"))
    return found


def _outbox_columns(conn: Any) -> set[str]:
    return {r[1] for r in conn.execute("PRAGMA table_info(outbox)")}


def dead_letter_bookings(conn: Any) -> set[str]:
    if "dead_at" not in _outbox_columns(conn):
        return set()
    return {r[0] for r in conn.execute(
        "SELECT booking_id FROM outbox WHERE dead_at IS NOT NULL AND done_at IS NULL")}


def outbox_drained(sim: Simulation) -> list[Violation]:
    """(e): nothing left to send, except rows visibly dead-lettered (schema 0008 or later)."""
    found = []
    for k in sim.kiosks:
        dead = "dead_at" in _outbox_columns(k.conn)
        for kind, booking_id, attempts, error in k.conn.execute(
                WAITING_LIVE_SQL if dead else WAITING_SQL):
            found.append(Violation("e", None, (
                f"{k.name} outbox {kind} of {sim.trace.name(booking_id)} still waiting after the "
                f"heal ({attempts} attempts; last error: {str(error)[:160]})")))
        if dead:
            sim.dead_letters += k.conn.execute(
                "SELECT COUNT(*) FROM outbox WHERE dead_at IS NOT NULL AND done_at IS NULL"
            ).fetchone()[0]
    return found


def free_for(items: dict[str, dict[str, Any]], seats: tuple[str, ...], kiosk: str,
             now_epoch: int) -> list[str]:
    """Seats the cloud would let ``kiosk`` hold now."""
    out = []
    for seat in seats:
        item = items.get(seat)
        if item is None:
            out.append(seat)
            continue
        state, alloc = item.get("state"), item.get("alloc_kiosk")
        if state == "allocated" and item.get("kiosk_id") == kiosk:
            out.append(seat)
        elif state == "held" and int(item.get("hold_expires_at", 0)) < now_epoch \
                and alloc in (None, kiosk):
            out.append(seat)
    return out


def liveness(sim: Simulation) -> list[Violation]:
    """(f): every kiosk, online again, gets a seat within a few tries while one is free."""
    found = []
    now_epoch = int(sim.time.now.timestamp())
    for i, k in enumerate(sim.kiosks):
        # one show per kiosk, in turn: every claim costs moto tens of milliseconds
        for show in (sim.world.shows[(sim.seed + i) % len(sim.world.shows)],):
            if show in sim.cancelled or k.cashier.staff_number in sim.deactivated:
                continue  # refused by the claims' own checks, rightly
            free = free_for(sim.truth.seats(show), sim.world.seats, k.name, now_epoch)
            if not free:
                continue
            errors = []
            for _ in range(LIVENESS_TRIES):
                try:
                    hold = k.services.booking.hold_best(k.cashier, show, 1)
                except (SeatsUnavailable, KioskError) as err:
                    errors.append(f"{type(err).__name__}: {err}")
                    sim.pull(k, show)
                    continue
                k.services.booking.release(hold.hold_id)
                break
            else:
                found.append(Violation("f", None, (
                    f"{k.name} asked {LIVENESS_TRIES} times for one seat of {show} and got "
                    f"none, while the cloud had {len(free)} free ({', '.join(free[:6])}...): "
                    f"{errors[-1]}")))
    return found


def stranded_allocations(sim: Simulation) -> None:
    """Count seats the cloud holds for a kiosk that does not know it (counted, not a violation).

    Such a seat (an allocation whose answer was lost, say) is never handed back by that kiosk's
    upkeep, and no one else can sell it; only that kiosk, online, still can.
    """
    for show in sim.world.shows:
        for seat, item in sim.truth.seats(show).items():
            owner = item.get("alloc_kiosk") if item.get("state") != "sold" else None
            kiosk = next((k for k in sim.kiosks if k.name == owner), None)
            if kiosk is not None and kiosk.conn.execute(
                    "SELECT 1 FROM allocations WHERE show_id = ? AND seat_code = ? AND "
                    "kiosk_id = ?", (show, seat, kiosk.name)).fetchone() is None:
                sim.stranded += 1


def final(sim: Simulation) -> list[Violation]:
    stranded_allocations(sim)
    return (no_double_sale(sim) + money(sim) + reached_cloud(sim) + outbox_drained(sim)
            + liveness(sim) + gift_cards(sim) + gift_cards_reconciled(sim) + promo_uses(sim)
            + loyalty_points(sim))

"""What each step of a schedule does, through the calls the screens and the sync thread make.

Every kiosk operation picks its target from the kiosk's own state (its live holds, its active
bookings, the seats its seat map shows free) with the step's random stream, then calls the real
service. Refusals (seats taken, hold expired, offline rules) are ordinary outcomes; the runner
turns a ``SimulatedCrash`` into a restart and anything unexpected into an ``error`` violation.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.cloud import conflicts
from kiosk.cloud.channel import CHANNEL_ID
from kiosk.cloud.errors import CloudError, CloudUnavailable
from kiosk.domain.clock import to_iso
from kiosk.domain.errors import KioskError, PaymentError
from kiosk.domain.offers import PromoRefused
from kiosk.domain.tenders import Tender
from kiosk.services.booking_holds import unavailable
from kiosk.services.models import Payment
from kiosk.sim.catalogue import CINEMA, OFFICE_OPS
from kiosk.sim.faults import MAX_SKEW_S
from kiosk.sim.kiosk import SimKiosk
from kiosk.sim.schedule import Step
from kiosk.sim.world import PROMO_CODE, SIM_MEMBER

if TYPE_CHECKING:
    from kiosk.sim.runner import Simulation

ASK_TRIES = 3  # fair tries: no request of the kiosk lost on the way during them
ASK_MAX_TRIES = 8
ASK_PAUSE_S = 6.0  # a person taps again a few seconds later (the sync thread ticks meanwhile)
CARD = Payment("card", card_last4="4242")
GIFT_CARD_SHARE = 0.5  # of confirms, once a gift card exists: paid (partly) by one
GIFT_CARD_AMOUNTS = (300_00, 1_200_00, 2_500_00)
PROMO_SHARE = 0.4  # of confirms: with the world's limited promo code (kiosk.sim.world)
MEMBER_SHARE = 0.4  # of confirms: for the world's loyalty member, who earns points
POINTS_PART = 50_00  # what the member's points pay (100 points) on most of those paid by card


# -- reading a kiosk's state ------------------------------------------------------------------
def free_here(k: SimKiosk, sim: Simulation, show: str) -> list[str]:
    """The seats this kiosk's seat map shows as free (its view, possibly stale), layout order."""
    taken = unavailable(k.conn, show, None, k.name, k.clock.now())
    sellable = k.gate.offline_sellable(show)
    return [s for s in sim.world.seats
            if s not in taken and (sellable is None or s in sellable)]


def live_holds(k: SimKiosk) -> list[tuple[str, str, list[str]]]:
    """(hold id, show, seats) of this kiosk's unexpired holds, oldest first."""
    rows = k.conn.execute(
        "SELECT hold_id, show_id, seat_code FROM holds WHERE kiosk_id = ? AND expires_at > ? "
        "ORDER BY hold_id, seat_code", (k.name, _iso(k))).fetchall()
    out: dict[str, tuple[str, str, list[str]]] = {}
    for hold_id, show, seat in rows:
        out.setdefault(hold_id, (hold_id, show, []))[2].append(seat)
    return list(out.values())


def active_bookings(k: SimKiosk) -> list[tuple[str, str, list[str]]]:
    """(booking id, reference, unrefunded seats) of active bookings, oldest first."""
    rows = k.conn.execute(
        "SELECT b.id, b.reference, s.seat_code FROM bookings b JOIN booking_seats s "
        "ON s.booking_id = b.id WHERE b.state IN ('confirmed', 'partially_refunded') "
        "AND s.refunded = 0 ORDER BY b.created_at, b.id, s.seat_code").fetchall()
    out: dict[str, tuple[str, str, list[str]]] = {}
    for booking_id, reference, seat in rows:
        out.setdefault(booking_id, (booking_id, reference, []))[2].append(seat)
    return list(out.values())


def believes_offline(k: SimKiosk) -> bool:
    return k.context.status.state == "offline"  # not "connecting": that has not failed yet


def pick_show(sim: Simulation, rng: random.Random) -> str:
    """Mostly the first show: contention is where the protocol is tested."""
    shows = sim.world.shows
    return shows[0] if rng.random() < 0.75 else rng.choice(shows[1:] or shows)


def _iso(k: SimKiosk) -> str:
    return to_iso(k.clock.now())


def _seats(seats: list[str] | tuple[str, ...]) -> str:
    return ",".join(seats)


# -- kiosk operations -------------------------------------------------------------------------
def op_hold(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    show = pick_show(sim, rng)
    free = free_here(k, sim, show)
    n = rng.randint(1, 3)
    if free and rng.random() < 0.8:
        seats = rng.sample(free, min(n, len(free)))
    else:  # a stale seat map, or a person tapping what looks free elsewhere
        seats = rng.sample(sim.world.seats, n)
    hold = k.services.booking.hold(k.cashier, show, seats)
    return f"{show} {_seats(seats)} -> held {sim.trace.name(hold.hold_id, 'h')}"


def op_hold_best(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    show = pick_show(sim, rng)
    n = rng.randint(1, 4)
    accessible = rng.random() < 0.1
    mine = [h for h in live_holds(k) if h[1] == show]
    move = rng.choice(mine)[0] if mine and rng.random() < 0.15 else None
    hold = k.services.booking.hold_best(k.cashier, show, n, accessible, hold_id=move)
    what = f"{n}{' accessible' if accessible else ''}"
    return f"{show} best {what} -> {sim.trace.name(hold.hold_id, 'h')} {_seats(hold.seats)}"


def op_change_hold(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    holds = live_holds(k)
    if not holds:
        return "no live hold"
    hold_id, show, seats = rng.choice(holds)
    name = sim.trace.name(hold_id, "h")
    if len(seats) > 1 and rng.random() < 0.5:
        seat = rng.choice(seats)
        k.services.booking.change_hold(k.cashier, hold_id, remove=[seat])
        return f"{name} -{seat}"
    free = [s for s in free_here(k, sim, show) if s not in seats]
    seat = rng.choice(free) if free and rng.random() < 0.8 else rng.choice(sim.world.seats)
    new = k.services.booking.change_hold(k.cashier, hold_id, add=[seat])
    return f"{name} +{seat} -> {_seats(new.seats)}"


def op_confirm(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    holds = live_holds(k)
    if not holds:
        return "no live hold"
    hold_id, show, seats = rng.choice(holds)
    tickets = {s: ("child" if rng.random() < 0.2 else "adult") for s in seats}
    contact = "guest@example.com" if rng.random() < 0.3 else ""
    gift = rng.random() < GIFT_CARD_SHARE and bool(sim.gift_cards)
    if gift:
        payment = _gift_card_payment(sim, k, hold_id, tickets, rng)
    elif rng.random() < 0.3:
        due = k.services.booking.quote(hold_id, tickets).total_minor
        payment = Payment("cash", tendered_minor=due + rng.choice((0, 500, 10_000)))
    else:
        payment = CARD
    offline = sim.selling_offline(k, show)
    promo = PROMO_CODE if rng.random() < PROMO_SHARE else ""
    member = SIM_MEMBER if rng.random() < MEMBER_SHARE else ""
    points = bool(member) and payment is CARD and rng.random() < 0.8
    if points:  # the member's points pay a part, the card the rest
        due = k.services.booking.quote(hold_id, tickets, promo, member).total_minor
        payment = Payment(tenders=(Tender("points", POINTS_PART, member),
                                   Tender("card", due - POINTS_PART, "4242")))
    try:
        booking = k.services.booking.confirm(k.cashier, hold_id, tickets, payment, contact,
                                             promo=promo, member=member)
    except PromoRefused:  # used up, or the kiosk cannot count it now
        sim.counts["promo_refused"] += 1
        raise
    except PaymentError:
        sim.counts["gift_refused" if gift else "points_refused" if points
                   else "payment_refused"] += 1
        raise
    sim.counts["gift_paid"] += gift
    sim.counts["promo_used"] += bool(promo)
    sim.counts["member_sales"] += bool(member)
    sim.counts["points_paid"] += points
    sim.sold(k, booking, offline or sim.selling_offline(k, show))
    text = (f"{sim.trace.name(hold_id, 'h')} -> {sim.trace.name(booking.booking_id, 'b')} "
            f"{show} {_seats([line.seat_code for line in booking.lines])} "
            f"{payment.method or ('points + card' if points else 'gift card + card')}"
            f"{f' code {promo}' if promo else ''}{' member' if member else ''}"
            f"{' (partitioned)' if offline else ''}")
    if rng.random() < 0.1:  # a double tap: must answer with the same booking
        again = k.services.booking.confirm(k.cashier, hold_id, tickets, payment, contact)
        sim.same_booking(k, booking, again)
        text += "; tapped twice"
    return text


def _gift_card_payment(sim: Simulation, k: SimKiosk, hold_id: str, tickets: dict[str, str],
                       rng: random.Random) -> Payment:
    """A known gift card (any kiosk's) for the whole amount, or a part of it and the rest by
    card: the card may not hold it, may be another kiosk's allowance, may be offline here."""
    due = k.services.booking.quote(hold_id, tickets).total_minor
    code = rng.choice(sim.gift_cards)
    part = min(due, rng.choice((due, due // 2 or 1, 10_000)))
    if part >= due:
        return Payment("voucher", reference=code)
    return Payment(tenders=(Tender("voucher", part, code), Tender("card", due - part, "4242")))


def op_giftcard(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    """Sell a gift card (by card), or top up one already sold on any kiosk."""
    cards = k.services.gift_cards
    amount = rng.choice(GIFT_CARD_AMOUNTS)
    if sim.gift_cards and rng.random() < 0.35:
        code = rng.choice(sim.gift_cards)
        load = cards.top_up(k.cashier, code, amount, CARD)
    else:
        load = cards.issue(k.cashier, CINEMA, amount, CARD)
        sim.gift_cards.append(load.card.code)
    sim.counts["giftcard"] += 1
    return (f"{sim.trace.name(load.card.code, 'g')} {load.kind} {amount} "
            f"(here {load.card.balance_minor})")


def op_refund(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    bookings = active_bookings(k)
    if not bookings:
        return "no active booking"
    booking_id, reference, seats = rng.choice(bookings)
    chosen = None if rng.random() < 0.6 else [rng.choice(seats)]
    reason = "void" if rng.random() < 0.2 else "customer_request"
    # a void of some seats: the product's own path, as a cancel is (system code)
    result = k.services.booking.refund(k.cashier, reference, chosen, reason, system=True)
    return (f"{sim.trace.name(booking_id, 'b')} {_seats(result.seats)} {result.amount_minor} "
            f"{result.state}")


def op_exchange(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    bookings = active_bookings(k)
    holds = live_holds(k)
    if not bookings or not holds:
        return "nothing to exchange"
    booking_id, reference, _seats_old = rng.choice(bookings)
    hold_id, show, _held = rng.choice(holds)
    offline = sim.selling_offline(k, show)
    new = k.services.booking.exchange(k.cashier, reference, hold_id, {}, CARD)
    sim.sold(k, new, offline or sim.selling_offline(k, show))
    return (f"{sim.trace.name(booking_id, 'b')} for {sim.trace.name(hold_id, 'h')} -> "
            f"{sim.trace.name(new.booking_id, 'b')} {_seats([x.seat_code for x in new.lines])}")


def op_release(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    holds = live_holds(k)
    if not holds:
        return "no live hold"
    hold_id = rng.choice(holds)[0]
    k.services.booking.release(hold_id)
    return sim.trace.name(hold_id, "h")


def op_expire(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    return f"{k.services.booking.expire_holds()} seat(s) expired"


def op_allocate(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    show = pick_show(sim, rng)
    granted = k.allocations.allocate(show, rng.randint(2, 6))
    return f"{show} granted {_seats(granted) or 'none'}"


def op_release_alloc(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    show = pick_show(sim, rng)
    released = k.allocations.release_unsold(show, keep=rng.randint(0, 2))
    return f"{show} handed back {_seats(released) or 'none'}"


def op_maintain(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    changes = k.allocations.maintain(list(sim.world.shows), target=rng.randint(0, 4))
    return ", ".join(f"{s} {n:+d}" for s, n in sorted(changes.items())) or "nothing to do"


def op_sync(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    result = k.worker.run_once()
    names = ",".join(sim.trace.name(b, "b") for b in result.conflicts)
    return (f"sent {result.done}, pending {result.pending}"
            f"{', CONFLICTS ' + names if names else ''}{', offline' if result.offline else ''}")


def op_pull(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    changed = k.puller.pull_on_sale(now_mono=sim.time.monotonic())
    return f"changed {', '.join(changed) or 'nothing'}"


def op_manager(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    """A manager works the queues: approves or rejects a waiting refund, or resolves a conflict."""
    booking = k.services.booking
    waiting = k.conn.execute("SELECT id FROM refunds WHERE state = 'pending_approval' "
                             "ORDER BY id LIMIT 1").fetchone()
    if waiting is not None:
        if rng.random() < 0.7:
            result = booking.approve_refund(k.manager, int(waiting[0]))
            return f"approved refund {waiting[0]} ({_seats(result.seats)})"
        booking.reject_refund(k.manager, int(waiting[0]), "simulated")
        return f"rejected refund {waiting[0]}"
    open_conflict = k.conn.execute("SELECT booking_id FROM cloud_conflicts WHERE resolved_at IS "
                                   "NULL ORDER BY detected_at, booking_id LIMIT 1").fetchone()
    if open_conflict is None:
        return "nothing waiting"
    booking_id = open_conflict[0]
    if rng.random() < 0.5:
        conflicts.refund(k.services, k.manager, booking_id)
        return f"conflict {sim.trace.name(booking_id, 'b')} refunded"
    seats = conflicts.reseat(k.services, k.manager, booking_id, k.context)
    return f"conflict {sim.trace.name(booking_id, 'b')} re-seated to {_seats(seats)}"


def op_ask(sim: Simulation, k: SimKiosk, rng: random.Random) -> str:
    """(f) while running: a person asks for the best seat, and asks again, a few times.

    Only for a kiosk that is connected, knows it and whose clock is right (a kiosk that is cut
    off, believes it is, or runs skewed may rightly sell only its allocation; the app's sync
    engine probes that belief within seconds), and only while the cloud has a free seat for it.
    Nothing but the kiosk's own code may refresh its picture between the tries.
    """
    show = pick_show(sim, rng)
    if sim.offline(k) or k.clock.skew_s or believes_offline(k):
        return "skipped (cut off, believes it is, or skewed)"
    if show in sim.cancelled or k.cashier.staff_number in sim.deactivated:
        return "skipped (the show is cancelled or the cashier deactivated: refusals are right)"
    errors: list[str] = []
    for attempt in range(ASK_MAX_TRIES):
        if not sim.truly_free(show, k.name):
            return f"{show} is full in the cloud"
        lost_before = sim.network.transport_faults[k.name]
        doubting = believes_offline(k)
        try:
            hold = k.services.booking.hold_best(k.cashier, show, 1)
        except KioskError as err:
            sim.time.advance(ASK_PAUSE_S)
            app_tick(sim, k, show)  # what the app's sync thread did during the pause
            fair = not doubting and sim.network.transport_faults[k.name] == lost_before
            sim.trace.add(f"         try {attempt + 1}{'' if fair else ' (not counted)'}: "
                          f"{type(err).__name__}: {err}")
            if fair:
                errors.append(f"{type(err).__name__}: {err}")
                if len(errors) == ASK_TRIES:
                    sim.starved(k, show, errors[-1])
                    return f"{show} STARVED after {len(errors)} fair tries"
            continue
        k.services.booking.release(hold.hold_id)
        return f"{show} got {_seats(hold.seats)} at try {attempt + 1}"
    return f"{show}: no seat, but the link kept failing (not counted)"


def app_tick(sim: Simulation, k: SimKiosk, show: str | None = None) -> str:
    """What the app's sync thread does every few seconds, in the order ``SyncEngine.tick`` does:
    drain the outbox, probe a cloud that has not answered yet (or lately), pull the seat map on
    screen. Driven piece by piece because the engine's cadence runs on the wall clock."""
    result = k.worker.run_once()
    status = k.context.status
    if status.state == "connecting" or (
            status.worth_trying() and status.quiet_for() >= k.config.cloud.probe_interval_s):
        try:
            k.context.probe()
        except (CloudUnavailable, CloudError):
            pass
    if show is not None and status.worth_trying():
        sim.pull(k, show)
    if result.done or result.conflicts:
        names = ",".join(sim.trace.name(b, "b") for b in result.conflicts)
        return f"sent {result.done}{', CONFLICTS ' + names if names else ''}"
    return ""


KIOSK_OPS: dict[str, Callable[[Simulation, SimKiosk, random.Random], str]] = {
    "hold": op_hold, "hold_best": op_hold_best, "change_hold": op_change_hold,
    "confirm": op_confirm, "refund": op_refund, "exchange": op_exchange, "release": op_release,
    "expire": op_expire, "allocate": op_allocate, "release_alloc": op_release_alloc,
    "maintain": op_maintain, "sync": op_sync, "pull": op_pull, "manager": op_manager,
    "ask": op_ask, "giftcard": op_giftcard,
}


# -- the world's events -----------------------------------------------------------------------
def op_web(sim: Simulation, rng: random.Random) -> str:
    show = pick_show(sim, rng)
    n = rng.randint(1, 3)
    free = sim.truly_free(show, CHANNEL_ID)
    if free and rng.random() < 0.85:
        seats = rng.sample(free, min(n, len(free)))
    else:
        seats = rng.sample(sim.world.seats, n)
    sale = sim.channel.buy(show, seats)
    sim.web_sales.append(sale)
    return f"{show} {_seats(seats)} -> {sim.trace.name(sale.booking_id, 'w')}"


def run_step(sim: Simulation, step: Step, rng: random.Random) -> str:
    """Do one step; returns what happened, in words for the trace."""
    if step.kind in KIOSK_OPS:
        return KIOSK_OPS[step.kind](sim, sim.kiosks[step.kiosk], rng)
    if step.kind == "web":
        return op_web(sim, rng)
    if step.kind in OFFICE_OPS:
        return OFFICE_OPS[step.kind](sim, rng)
    if step.kind == "advance":
        seconds = rng.uniform(5, 90)
        sim.time.advance(seconds)
        return f"+{seconds:.0f}s"
    if step.kind == "hold_expiry":
        seconds = rng.uniform(5 * 60 + 1, 13 * 60)
        sim.time.advance(seconds)
        sim.counts["hold_expiry"] += 1
        return f"+{seconds / 60:.1f} min (past hold expiry)"
    k = sim.kiosks[step.kiosk]
    if step.kind == "partition":
        if k.name in sim.network.partitioned:
            return "already cut off"
        sim.network.partitioned.add(k.name)
        sim.counts["partition"] += 1
        return "cut off from the cloud"
    if step.kind == "heal":
        if k.name not in sim.network.partitioned:
            return "not cut off"
        sim.network.partitioned.discard(k.name)
        return "link restored"
    if step.kind == "skew":
        k.clock.skew_s = 0.0 if rng.random() < 0.3 else float(round(rng.uniform(-MAX_SKEW_S,
                                                                                MAX_SKEW_S)))
        sim.counts["skew"] += 1
        return f"clock skew now {k.clock.skew_s:+.0f}s"
    if step.kind == "crash":
        sim.counts["crash"] += 1
        k.crash()
        return "killed and restarted"
    raise ValueError(f"unknown step kind {step.kind!r}")

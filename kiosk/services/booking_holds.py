"""Seat holds: take, change, renew, release, expire, and hold the best block.

One ``holds`` row per seat (primary key show+seat), so two live holds on a seat are impossible; an
expired row is taken over (delete + insert) in the transaction of the new hold. The seat gate
(cloud) is asked before a hold commits and told when one ends; it is never called inside a SQLite
write transaction, and a claim whose local commit failed is given back.

A refusal from the gate is news about other sellers: the seats it names are remembered at once
(``kiosk.cloud.refusals``), and ``hold_best`` moves on to another of the best blocks instead of
asking for the one it just lost again (issue 9, hole 7), searched in this kiosk's own lane of rows
while the race lasts, so the sellers that lost one race do not all run into the next (issue 15,
flash sale; ``kiosk.domain.spread``). A search that lost two races reads the blocks it would try
next through the gate (``SeatGate.refresh_seats``, one consistent read) rather than losing them
one claim at a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from kiosk.cloud.refusals import note_refused_quietly
from kiosk.domain.booking_rules import check_seat_count, check_seat_request
from kiosk.domain.clock import from_iso, to_iso
from kiosk.domain.errors import HoldExpired, InvalidInput, NotSellableOffline, SeatsUnavailable
from kiosk.domain.ids import new_id
from kiosk.domain.spread import Spread, ranked_best
from kiosk.services.booking_catalogue import ShowInfo
from kiosk.services.booking_queries import BookingContext, codes_json, in_layout_order
from kiosk.services.models import Actor, Hold
from kiosk.store.db import transaction

# Blocks ``hold_best`` tries before giving up. Each loss rules out the seats it names, so with
# other kiosks' sales not yet pulled it walks past them: enough for the sales of a few kiosks
# between two pulls, and each lost try costs one refused cloud transaction (milliseconds).
MAX_BEST_ATTEMPTS = 12
# After this many races lost in one search, the kiosk's picture of the show is stale (others
# sold what it has not pulled yet): it reads the blocks it would try next from the cloud, up
# to PROBE_BLOCKS of them in one strongly consistent read of at most PROBE_SEATS seats, instead
# of losing them one refused claim at a time (a kiosk that cannot pull ran out of tries with
# pairs left: 14 % of runs of three kiosks taking turns, simulated; 0 of 5,000 with the read).
PROBE_AFTER = 2
PROBE_BLOCKS = 16
PROBE_SEATS = 100  # one BatchGetItem

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


_UNDO_NOW = """
UPDATE outbox SET next_attempt_at = ?1
 WHERE done_at IS NULL AND kind IN ('promo_void', 'points_void', 'voucher_void')
   AND COALESCE(json_extract(payload, '$.sale_key'), json_extract(payload, '$.booking_id')) = ?2
"""


class HoldSeams(Protocol):
    """The two steps the hold path calls through the service, so a test can stage a race."""

    def _unavailable(self, conn: sqlite3.Connection, show_id: str, codes: list[str] | None,
                     kiosk_id: str, now: datetime, ignore_hold: str | None = None) -> set[str]: ...

    def _insert_hold_rows(self, conn: sqlite3.Connection, info: ShowInfo, hold: Hold,
                          codes: list[str], now: datetime) -> None: ...


def unavailable(conn: sqlite3.Connection, show_id: str, codes: list[str] | None, kiosk_id: str,
                now: datetime, ignore_hold: str | None = None) -> set[str]:
    """Of ``codes`` (None: the whole show), the seats this kiosk cannot hold now."""
    if codes is None:
        rows = conn.execute(_UNAVAILABLE_IN_SHOW_SQL, (show_id, to_iso(now), kiosk_id, ignore_hold))
    else:
        rows = conn.execute(_UNAVAILABLE_SEATS_SQL, (show_id, to_iso(now), kiosk_id, ignore_hold,
                                                     codes_json(codes)))
    return {r[0] for r in rows}


def insert_hold_rows(seams: HoldSeams, conn: sqlite3.Connection, info: ShowInfo, hold: Hold,
                     codes: list[str], now: datetime) -> None:
    """Under the write lock: re-check, take over expired rows, insert ours."""
    taken = seams._unavailable(conn, info.show_id, codes, hold.kiosk_id, now,
                               ignore_hold=hold.hold_id)
    if taken:
        raise SeatsUnavailable(in_layout_order(info, taken))
    conn.execute(
        "DELETE FROM holds WHERE show_id = ? AND expires_at <= ? AND hold_id != ? "
        "AND seat_code IN (SELECT value FROM json_each(?))",
        (info.show_id, to_iso(now), hold.hold_id, codes_json(codes)),
    )
    expires = to_iso(hold.expires_at)
    conn.executemany(
        "INSERT INTO holds (show_id, seat_code, hold_id, kiosk_id, expires_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [(info.show_id, c, hold.hold_id, hold.kiosk_id, expires) for c in codes],
    )


def check_seats_exist(info: ShowInfo, codes: list[str]) -> None:
    unknown = [c for c in codes if c not in info.layout.seats]
    if unknown:
        raise InvalidInput(
            f"There is no seat {', '.join(unknown)} in {info.hall_name}."
            if len(unknown) == 1 else
            f"There are no seats {', '.join(unknown)} in {info.hall_name}."
        )


class HoldDesk:
    def __init__(self, ctx: BookingContext, seams: HoldSeams):
        self.ctx = ctx
        self.seams = seams
        self.spread = Spread()  # where to look while other sellers race for the same show

    def _check_offline(self, show_id: str, codes: list[str]) -> None:
        sellable = self.ctx.gate.offline_sellable(show_id)
        if sellable is None:
            return
        outside = [c for c in codes if c not in sellable]
        if outside:
            raise NotSellableOffline(
                outside,
                f"This kiosk is offline and can sell only the seats allocated to it; "
                f"{', '.join(outside)} cannot be sold here until it is back online.",
            )

    def _claim(self, hold: Hold) -> None:
        """Claim at the gate; seats it refuses are noted as taken elsewhere (see the module)."""
        try:
            self.ctx.gate.claim_hold(hold)
        except NotSellableOffline:  # not taken, only not sellable here now: no news
            raise
        except SeatsUnavailable as lost:
            self._note_refused(hold.show_id, lost.seats)
            raise

    def _note_refused(self, show_id: str, seats: tuple[str, ...]) -> None:
        note_refused_quietly(self.ctx.conn, show_id, seats, self.ctx.now())

    def _release_quietly(self, hold: Hold) -> None:
        """The gate must not raise for network trouble; a buggy one must not mask our error."""
        if not hold.seats:
            return
        try:
            self.ctx.gate.release_hold(hold)
        except Exception:  # noqa: BLE001 - the original refusal is what the person must see
            pass

    def hold(self, actor: Actor, show_id: str, seat_codes: list[str]) -> Hold:
        ctx = self.ctx
        codes = check_seat_request(seat_codes, ctx.config.max_seats_per_booking)
        now = ctx.now()
        info = ctx.show_on_sale(show_id, now)
        check_seats_exist(info, codes)
        self._check_offline(info.show_id, codes)
        taken = self.seams._unavailable(ctx.conn, info.show_id, codes, actor.kiosk_id, now)
        if taken:
            raise SeatsUnavailable(in_layout_order(info, taken))
        hold = Hold(hold_id=new_id(), show_id=info.show_id,
                    seats=tuple(in_layout_order(info, codes)),
                    expires_at=ctx.hold_expiry(now), kiosk_id=actor.kiosk_id,
                    staff_number=actor.staff_number)
        self._claim(hold)
        try:
            with transaction(ctx.conn) as conn:
                self.seams._insert_hold_rows(conn, info, hold, list(hold.seats), now)
        except BaseException:
            self._release_quietly(hold)
            raise
        return hold

    def change_hold(self, actor: Actor, hold_id: str, add: Sequence[str] = (),
                    remove: Sequence[str] = ()) -> Hold:
        """Tap-to-toggle: add and remove seats, keeping the hold id; adding restarts the expiry.

        Removing the last seat releases the hold (the returned Hold has no seats).
        """
        ctx = self.ctx
        now = ctx.now()
        current = ctx.live_hold(ctx.conn, hold_id, now, actor)
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
        if len(seats) > ctx.config.max_seats_per_booking:
            check_seat_count(len(seats), ctx.config.max_seats_per_booking)
        info = ctx.show_on_sale(current.show_id, now) if added else ctx.show(current.show_id)
        if added:
            check_seats_exist(info, added)
            self._check_offline(info.show_id, added)
            taken = self.seams._unavailable(ctx.conn, info.show_id, added, actor.kiosk_id, now,
                                            ignore_hold=hold_id)
            if taken:
                raise SeatsUnavailable(in_layout_order(info, taken))
        # Adding seats claims the whole hold again at the gate, which renews it there too; a
        # remove-only change keeps the expiry, so the local hold never outlives the cloud's.
        expires = ctx.hold_expiry(now) if added else current.expires_at
        new = Hold(hold_id=current.hold_id, show_id=info.show_id,
                   seats=tuple(in_layout_order(info, seats)),
                   expires_at=expires, kiosk_id=actor.kiosk_id, staff_number=actor.staff_number)
        if added:
            self._claim(new)
        try:
            with transaction(ctx.conn) as conn:
                again = ctx.hold_rows(conn, hold_id)
                if again is None or again.expires_at <= now or set(again.seats) != set(current.seats):
                    raise HoldExpired()
                if removed:
                    conn.execute(
                        "DELETE FROM holds WHERE hold_id = ? AND seat_code IN "
                        "(SELECT value FROM json_each(?))",
                        (hold_id, codes_json(removed)),
                    )
                if added:
                    self.seams._insert_hold_rows(conn, info, new, added, now)
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
        ctx = self.ctx
        check_seat_count(n, ctx.config.max_seats_per_booking)
        info = ctx.show(show_id)
        return self._best(info, n, accessible, ctx.config.kiosk_id, ctx.now(), None)

    def _taken(self, info: ShowInfo, kiosk_id: str, now: datetime, ignore_hold: str | None,
               lost: set[str] | frozenset[str]) -> set[str]:
        """Seats a search must pass over: unavailable here, lost in this search, or not
        sellable offline."""
        taken = self.seams._unavailable(self.ctx.conn, info.show_id, None, kiosk_id, now,
                                        ignore_hold) | lost
        sellable = self.ctx.gate.offline_sellable(info.show_id)
        if sellable is not None:
            taken |= set(info.layout.seats) - set(sellable)
        return taken

    def _best(self, info: ShowInfo, n: int, accessible: bool, kiosk_id: str, now: datetime,
              ignore_hold: str | None, lost: set[str] | frozenset[str] = frozenset(),
              spread: bool = False) -> list[str]:
        taken = self._taken(info, kiosk_id, now, ignore_hold, lost)
        if spread:
            return self.spread.pick(info.show_id, info.layout, taken, n, accessible,
                                    now.timestamp())
        return ranked_best(info.layout, taken, n, accessible, 0)

    def hold_best(self, actor: Actor, show_id: str, n: int, accessible: bool = False,
                  hold_id: str | None = None) -> Hold:
        """Hold the best ``n`` seats together; with ``hold_id``, move that hold onto them.
        While other sellers race for the show, the best of this kiosk's lane
        (``kiosk.domain.spread``)."""
        ctx = self.ctx
        check_seat_count(n, ctx.config.max_seats_per_booking)
        now = ctx.now()
        info = ctx.show_on_sale(show_id, now)
        existing = ctx.live_hold(ctx.conn, hold_id, now, actor) if hold_id else None
        if existing is not None and existing.show_id != info.show_id:
            raise InvalidInput("That seat hold is for a different show.")
        # Another seller may take the block between search and claim; the seats a loss names
        # are out for the next search, so each try is a different block.
        lost: set[str] = set()
        races_lost = 0
        for _attempt in range(MAX_BEST_ATTEMPTS):
            seats = self._best(info, n, accessible, actor.kiosk_id, now, hold_id, lost,
                               spread=True)
            if not seats:
                kind = "accessible seats" if accessible else "seats together"
                raise SeatsUnavailable([], f"Sorry, there are not {n} {kind} left for this show.")
            try:
                if existing is not None:
                    held = self.change_hold(actor, existing.hold_id, add=seats,
                                            remove=[c for c in existing.seats if c not in seats])
                else:
                    held = self.hold(actor, info.show_id, seats)
                self.spread.sold(info.show_id)
                return held
            except SeatsUnavailable as refused:
                lost.update(refused.seats or seats)
                if not isinstance(refused, NotSellableOffline):  # a race lost, not a policy
                    self.spread.refused(info.show_id, now.timestamp(), info.layout)
                    races_lost += 1
                    if races_lost >= PROBE_AFTER:
                        self._read_next_blocks(info, n, accessible, actor.kiosk_id, now,
                                               hold_id, lost)
        raise SeatsUnavailable([], "Seats are selling fast: please try again.")

    def _read_next_blocks(self, info: ShowInfo, n: int, accessible: bool, kiosk_id: str,
                          now: datetime, ignore_hold: str | None, lost: set[str]) -> None:
        """Read the blocks the search would try next from the cloud (see PROBE_AFTER); the
        seats found taken are out of the next pick, which takes the best block left."""
        taken = self._taken(info, kiosk_id, now, ignore_hold, lost)
        count = max(1, min(PROBE_BLOCKS, PROBE_SEATS // n))
        blocks = self.spread.candidates(info.show_id, info.layout, taken, n, accessible,
                                        now.timestamp(), count)
        seats = [seat for block in blocks for seat in block]
        if seats and self.ctx.gate.refresh_seats(info.show_id, seats):
            self.spread.refreshed(info.show_id)

    def renew_hold(self, hold_id: str) -> Hold:
        ctx = self.ctx
        now = ctx.now()
        current = ctx.live_hold(ctx.conn, hold_id, now)
        renewed = Hold(hold_id=current.hold_id, show_id=current.show_id,
                       seats=tuple(in_layout_order(ctx.show(current.show_id), current.seats)),
                       expires_at=ctx.hold_expiry(now), kiosk_id=current.kiosk_id)
        ctx.gate.claim_hold(renewed)
        try:
            with transaction(ctx.conn) as conn:
                again = ctx.hold_rows(conn, hold_id)
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
        with transaction(self.ctx.conn) as conn:
            rows = self.ctx.hold_rows(conn, hold_id)
            if rows is None:
                return
            conn.execute("DELETE FROM holds WHERE hold_id = ?", (hold_id,))
            # what the cloud took for a sale of this hold that never committed (a promo use,
            # a voucher, points) goes back at the next sync, not after the hold's time
            conn.execute(_UNDO_NOW, (to_iso(self.ctx.now()), hold_id))
        self._release_quietly(self.ctx.to_hold(rows))

    def expire_holds(self) -> int:
        """Delete this kiosk's expired hold rows and tell the gate; returns how many seats.

        Expired rows are harmless (every check ignores them and a new hold takes them over), so
        this is housekeeping for an idle timer, never needed for correctness.
        """
        now = self.ctx.now()
        kiosk_id = self.ctx.config.kiosk_id
        with transaction(self.ctx.conn) as conn:
            rows = conn.execute(
                "SELECT hold_id, show_id, seat_code, expires_at FROM holds "
                "WHERE kiosk_id = ? AND expires_at <= ? ORDER BY hold_id, seat_code",
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
        rows = self.ctx.live_hold(self.ctx.conn, hold_id, self.ctx.now())
        return self.ctx.to_hold(rows, self.ctx.show(rows.show_id))

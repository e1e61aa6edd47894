"""Where a seller looks for the best block while other sellers race it for the same show.

Every seller searches the hall in the same order, so after one lost race the blocks just ahead
are the ones the others are selling right now, and walking them costs one refused cloud
transaction each (issue 15, flash sale: ~3 refusals a booking with a random pick among the best
few). So a seller that lost a race in the last ``CONTENDED_S`` seconds keeps to a *lane*: the
rows whose index is its lane modulo ``LANES``, picked at random. A seller that loses again
inside its lane shares it with someone: it picks another lane at random, and within a lane it
picks among more of the lane's best blocks the more it is refused (``FIRST_SPREAD`` up to
``MAX_SPREAD``, halved by each sale). Sellers spread over
their own rows within a few refusals, and each then sells the best block of its rows with
nothing to race for. A lane with no block left is not tried again during that race; when every
lane is (a seat given back since, in a lane already found empty), the seller picks at random
among the ``LAST_FEW`` best blocks of the whole hall.

A seller refused twice in one search reads the blocks it would choose among next
(``candidates``) from the cloud in one go; its lane's front is then fresh (``refreshed``: back
to the lane's best block).

A show that refused nothing for ``CONTENDED_S`` seconds gets the very best block again, so a
quiet counter always offers the best seats. Plain Python, the same for a kiosk (``HoldDesk``)
and the flash bench's web seller.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from kiosk.domain.layout import HallLayout

LANES = 16  # more lanes than sellers racing, so a random lane is usually free
LAST_FEW = 4
# In its lane a seller picks at random among the lane's best ``window`` blocks: 1 at first,
# FIRST_SPREAD after a refusal, doubling with each further one up to MAX_SPREAD. A kiosk that
# cannot pull sees the front of every lane free when others sold it long ago; walking the
# fronts one refused block at a time, it ran out of tries while pairs were left further back.
FIRST_SPREAD = 4
MAX_SPREAD = 32
CONTENDED_S = 10.0


def best_blocks(layout: HallLayout, taken: set[str] | frozenset[str], n: int, accessible: bool,
                count: int) -> list[list[str]]:
    """The ``count`` best blocks of ``n`` seats, best first, none sharing a seat (fewer when the
    hall has fewer)."""
    from kiosk.domain.seating import best_available

    found: list[list[str]] = []
    skipped = set(taken)
    for _ in range(count):
        block = best_available(layout, skipped, n, accessible)
        if not block:
            break
        found.append(list(block))
        skipped.update(block)
    return found


def ranked_best(layout: HallLayout, taken: set[str], n: int, accessible: bool, rank: int
                ) -> list[str]:
    """The ``rank``-th best block (0: the best) of ``n`` seats, or the last one found before it."""
    found = best_blocks(layout, taken, n, accessible, rank + 1)
    return found[-1] if found else []


@dataclass
class _Race:
    """One show's race as this seller sees it."""
    refused_at: float
    lane: int
    window: int = 1
    empty_lanes: set[int] = field(default_factory=set)


class Spread:
    """This seller's choice of block for each show (see the module)."""

    def __init__(self, rng: random.Random | None = None) -> None:
        self.rng = rng or random.Random()  # noqa: S311 - which lane to try, not a secret
        self._races: dict[str, _Race] = {}
        # show -> (layout, lane, the seats outside that lane): one lane a contended show, dropped
        # when its race ends (a 20,000-seat hall's is ~1 MB; every lane of it would be 16)
        self._outside: dict[str, tuple[HallLayout, int, frozenset[str]]] = {}

    def contended(self, show_id: str, now: float) -> bool:
        race = self._races.get(show_id)
        return race is not None and now - race.refused_at < CONTENDED_S

    def lane(self, show_id: str) -> int | None:
        race = self._races.get(show_id)
        return None if race is None else race.lane

    def pick(self, show_id: str, layout: HallLayout, taken: set[str], n: int, accessible: bool,
             now: float) -> list[str]:
        """The block to claim: the best one when the show is calm, else the best of this
        seller's lane (another lane when it has none), else one of the last few anywhere."""
        self._forget_calm(now)
        if not self.contended(show_id, now):
            return ranked_best(layout, taken, n, accessible, 0)
        race = self._races[show_id]
        rank = self.rng.randrange(race.window)  # only the blocks up to it are searched
        blocks = self._lane_blocks(show_id, race, layout, taken, n, accessible, rank + 1)
        if blocks:
            return blocks[-1]
        return ranked_best(layout, taken, n, accessible, self.rng.randrange(LAST_FEW))

    def candidates(self, show_id: str, layout: HallLayout, taken: set[str], n: int,
                   accessible: bool, now: float, count: int) -> list[list[str]]:
        """The blocks ``pick`` chooses among next, best first (up to ``count``): the front of
        this seller's lane while the race lasts, else of the hall. A seller whose picture is
        stale reads these from the cloud in one go instead of losing them one claim at a time."""
        self._forget_calm(now)
        race = self._races.get(show_id) if self.contended(show_id, now) else None
        if race is not None:
            blocks = self._lane_blocks(show_id, race, layout, taken, n, accessible, count)
            if blocks:
                return blocks
        return best_blocks(layout, taken, n, accessible, count)

    def _lane_blocks(self, show_id: str, race: _Race, layout: HallLayout, taken: set[str],
                     n: int, accessible: bool, count: int) -> list[list[str]]:
        """The best ``count`` blocks of the race's lane, moving to another lane while it has
        none; [] when every lane is found empty."""
        lanes = self._lanes(layout)
        while len(race.empty_lanes) < lanes:
            if race.lane in race.empty_lanes:
                race.lane = self.rng.choice(
                    [x for x in range(lanes) if x not in race.empty_lanes])
            blocks = best_blocks(
                layout, taken | self._outside_lane(show_id, layout, lanes, race.lane), n,
                accessible, count)
            if blocks:
                return blocks
            race.empty_lanes.add(race.lane)
        return []

    def refreshed(self, show_id: str) -> None:
        """The front of this seller's lane was just read from the cloud: it is not stale, so the
        next pick takes its best block again."""
        race = self._races.get(show_id)
        if race is not None:
            race.window = 1

    def refused(self, show_id: str, now: float, layout: HallLayout) -> None:
        """A claim on this show was refused (another seller took the block): move lanes."""
        self._forget_calm(now)
        lanes = self._lanes(layout)
        race = self._races.get(show_id)
        if race is None:  # a new race (a calm one was just forgotten)
            self._races[show_id] = _Race(refused_at=now, lane=self.rng.randrange(lanes))
            return
        race.refused_at = now
        race.window = min(MAX_SPREAD, max(FIRST_SPREAD, 2 * race.window))
        free = [x for x in range(lanes) if x not in race.empty_lanes and x != race.lane]
        if free:
            race.lane = self.rng.choice(free)

    def sold(self, show_id: str) -> None:
        """A claim on this show went through: the lane's front is no longer stale, narrow."""
        race = self._races.get(show_id)
        if race is not None:
            race.window = max(1, race.window // 2)

    def _forget_calm(self, now: float) -> None:
        """Races over (no refusal for CONTENDED_S) are dropped with their lane's seat set, so a
        day of sold-out shows keeps nothing."""
        for show_id in [s for s, race in self._races.items()
                        if now - race.refused_at >= CONTENDED_S]:
            del self._races[show_id]
            self._outside.pop(show_id, None)

    @staticmethod
    def _lanes(layout: HallLayout) -> int:
        return max(1, min(LANES, len(layout.rows)))

    def _outside_lane(self, show_id: str, layout: HallLayout, lanes: int, lane: int
                      ) -> frozenset[str]:
        cached = self._outside.get(show_id)
        if cached is not None and cached[0] is layout and cached[1] == lane:
            return cached[2]
        outside = frozenset(code for code, seat in layout.seats.items()
                            if seat.row_index % lanes != lane)
        self._outside[show_id] = (layout, lane, outside)
        return outside

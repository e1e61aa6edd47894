"""Seed -> schedule: the policy, each kiosk's fault weather, the mix of steps, and the steps.

The schedule is drawn up front and does not depend on what happens while it runs, so the first
``m`` steps of a seed are the same whatever ``--steps`` says, and a failing run can be cut short
or have steps removed and still mean the same thing. What a step picks (which hold, which seats)
comes from its own random stream (``step_rng``) and the state it meets.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from kiosk.sim.faults import WEATHER, FaultRates, draw_weather, web_rates

POLICIES = ("allocated-only", "optimistic")

# kind -> weight. Kiosk operations first, then the world's events.
KIOSK_OPS = {
    "hold": 12, "hold_best": 9, "change_hold": 4, "confirm": 16, "refund": 4, "exchange": 3,
    "release": 3, "expire": 2, "allocate": 4, "release_alloc": 2, "maintain": 2, "sync": 14,
    "pull": 6, "manager": 2, "ask": 4, "giftcard": 3,
}
WORLD_OPS = {
    "web": 5, "advance": 5, "hold_expiry": 2, "partition": 3, "heal": 3, "skew": 2, "crash": 2,
}
WORLD_WITH_KIOSK = frozenset({"partition", "heal", "skew", "crash"})
ALWAYS = frozenset({"hold", "confirm", "sync"})  # without these nothing is sold
SWARM = (0, 1, 1, 3)  # per-seed factor on each other kind's weight
STAY = 0.6  # chance that a step is about the same kiosk as the last one
# The manager's office (kiosk.sim.catalogue): per step, the chance that it cancels a show or
# deactivates a cashier instead of the step drawn there (own stream: the other steps stay).
OFFICE_RATES = (("cancel_show", 0.012), ("deactivate", 0.008))


@dataclass(frozen=True)
class Step:
    index: int
    kind: str
    kiosk: int  # -1: not about one kiosk

    def label(self, names: list[str]) -> str:
        who = names[self.kiosk] if self.kiosk >= 0 else "world" if self.kind != "web" else "WEB"
        return f"{who} {self.kind}"


@dataclass(frozen=True)
class Schedule:
    seed: int
    policy: str
    weather: tuple[str, ...]  # per kiosk
    rates: tuple[FaultRates, ...]
    web: FaultRates
    steps: tuple[Step, ...]


def make_schedule(seed: int, kiosks: int, steps: int, policy: str = "mixed") -> Schedule:
    rng = random.Random(seed)
    chosen = policy if policy in POLICIES else rng.choices(POLICIES, weights=(4, 1))[0]
    weather = tuple(draw_weather(rng) for _ in range(kiosks))
    web = web_rates(rng)
    kinds = list(KIOSK_OPS) + list(WORLD_OPS)
    # Swarm testing: each seed leaves some kinds out and leans on others, so some schedules are
    # all allocation churn and stale pulls, others all skew and web traffic. A uniform mix makes
    # every schedule alike and rarely lines up the few steps a hole needs.
    weights = [w * (max(1, f) if kind in ALWAYS else f)
               for kind, w, f in zip(kinds, [*KIOSK_OPS.values(), *WORLD_OPS.values()],
                                     (rng.choice(SWARM) for _ in kinds), strict=True)]
    out = []
    last = 0
    for index in range(steps):
        kind = rng.choices(kinds, weights=weights)[0]
        kiosk = -1
        if kind in KIOSK_OPS or kind in WORLD_WITH_KIOSK:
            # a counter serves one customer for a while (hold, change, confirm...): runs of steps
            # on one kiosk line up the few steps a hole needs, between the other kiosks' races
            last = kiosk = last if rng.random() < STAY else rng.randrange(kiosks)
        office = office_event(seed, index)
        out.append(Step(index, office, -1) if office else Step(index, kind, kiosk))
    # drawn one after the other: a longer run extends a shorter one, never reshuffles it
    return Schedule(seed, chosen, weather, tuple(WEATHER[w] for w in weather), web, tuple(out))


def office_event(seed: int, index: int) -> str | None:
    """The manager's event that replaces step ``index`` of ``seed``, if any."""
    u = random.Random(f"office/{seed}/{index}").random()
    for kind, rate in OFFICE_RATES:
        if u < rate:
            return kind
        u -= rate
    return None


def step_rng(seed: int, index: int) -> random.Random:
    """The random stream of one step's choices (string seeds hash the same in every process)."""
    return random.Random(f"step/{seed}/{index}")

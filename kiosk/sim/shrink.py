"""Shrinking a failing schedule to something a person can read.

First the shortest failing prefix (binary search over ``--steps``: the schedule of a shorter run
is a prefix of the longer one), then single steps dropped one at a time, last first, kept out
while the run still fails on the same invariant. Each try is a full deterministic replay, so the
result is a schedule that reproduces with ``--seed S --steps M --drop i,j``. Failure is not always
monotone in the prefix, so this finds a short schedule, not always the shortest.
"""

from __future__ import annotations

from dataclasses import replace

from kiosk.sim.runner import Environment, SeedResult, SimOptions, run_seed

DEFAULT_BUDGET = 48  # replays


def shrink(env: Environment, failed: SeedResult, options: SimOptions,
           budget: int = DEFAULT_BUDGET) -> tuple[SeedResult, int]:
    """(the smallest failing run found, the number of steps of its schedule)."""
    if not failed.violations:
        return failed, options.steps
    target = failed.violations[0].invariant
    seed = failed.seed
    base_drop = frozenset(failed.dropped)

    def attempt(steps: int, drop: frozenset[int]) -> SeedResult | None:
        result = run_seed(env, seed, replace(options, steps=steps), drop)
        return result if any(v.invariant == target for v in result.violations) else None

    best = failed
    first = min((v.step for v in failed.violations if v.step is not None), default=None)
    hi = options.steps if first is None else first + 1  # that prefix fails by construction
    lo = 0
    while lo + 1 < hi and budget > 0:
        mid = (lo + hi) // 2
        budget -= 1
        found = attempt(mid, base_drop)
        if found is not None:
            hi, best = mid, found
        else:
            lo = mid
    drop = set(base_drop)
    for index in reversed(range(hi)):
        if budget <= 0:
            break
        if index in drop:
            continue
        budget -= 1
        found = attempt(hi, frozenset(drop | {index}))
        if found is not None:
            drop.add(index)
            best = found
    return best, hi

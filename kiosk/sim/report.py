"""Words for people: one failing seed in detail, and the summary a run ends with."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kiosk.sim.faults import FAULT_KINDS
from kiosk.sim.runner import SeedResult, SimOptions
from kiosk.sim.schedule import OFFICE_RATES
from kiosk.sim.world import PROMO_MAX_USES


@dataclass
class Totals:
    """Running totals over many seeds (kept small: 20,000 seeds must fit)."""

    seeds: int = 0
    steps: int = 0
    requests: int = 0
    faults: Counter = field(default_factory=Counter)
    failed: list[int] = field(default_factory=list)
    violations: Counter = field(default_factory=Counter)  # by invariant
    first: Counter = field(default_factory=Counter)  # failing seeds by first invariant
    conflicts: int = 0
    conflict_seeds: int = 0
    refused_by_checks: int = 0
    refused_seeds: list[int] = field(default_factory=list)
    dead_letters: int = 0
    web_orphans: int = 0
    web_orphan_seeds: list[int] = field(default_factory=list)
    stranded: int = 0
    stranded_seeds: list[int] = field(default_factory=list)
    policies: Counter = field(default_factory=Counter)
    examples: dict[str, list[int]] = field(default_factory=dict)

    def add(self, result: SeedResult) -> None:
        self.seeds += 1
        self.steps += result.steps
        self.requests += result.requests
        self.faults.update(result.faults)
        self.policies[result.policy] += 1
        self.conflicts += result.conflicts
        self.refused_by_checks += result.refused_by_checks
        if result.refused_by_checks and len(self.refused_seeds) < 5:
            self.refused_seeds.append(result.seed)
        self.conflict_seeds += bool(result.conflicts)
        self.dead_letters += result.dead_letters
        self.web_orphans += result.web_orphans
        self.stranded += result.stranded
        if result.web_orphans and len(self.web_orphan_seeds) < 5:
            self.web_orphan_seeds.append(result.seed)
        if result.stranded and len(self.stranded_seeds) < 5:
            self.stranded_seeds.append(result.seed)
        if result.violations:
            self.failed.append(result.seed)
            self.first[result.violations[0].invariant] += 1
            for v in result.violations:
                self.violations[v.invariant] += 1
            seeds = self.examples.setdefault(result.violations[0].invariant, [])
            if len(seeds) < 5:
                seeds.append(result.seed)


OFFICE_KINDS = tuple(kind for kind, _ in OFFICE_RATES)


def describe_failure(result: SeedResult, shrunk: SeedResult | None, steps: int,
                     options: SimOptions) -> list[str]:
    """The seed, its violations, the shortest failing schedule found and its trace."""
    lines = [f"=== seed {result.seed} ({result.policy}) FAILED ==="]
    lines += [f"  {v.line()}" for v in result.violations]
    if shrunk is not None:
        drop = ",".join(str(i) for i in shrunk.dropped)
        again = (f"kiosk simulate --seed {result.seed} --kiosks {options.kiosks} --steps {steps}"
                 f"{' --policy ' + options.policy if options.policy != 'mixed' else ''}"
                 f"{' --keep-going' if options.keep_going else ''}"
                 f"{' --layout ' + options.layout if options.layout != 'single' else ''}"
                 f"{' --drop ' + drop if drop else ''}")
        kept = steps - len(shrunk.dropped)
        lines.append(f"  shortest failing schedule found: {kept} step(s) of the first {steps}; "
                     f"replay: {again}")
        trace = shrunk.trace
    else:
        trace = result.trace
    lines.append("  trace:")
    lines += [f"    {line}" for line in trace]
    return lines


def summary(totals: Totals, options: SimOptions) -> list[str]:
    faults = ", ".join(f"{k.replace('_', ' ')} {totals.faults.get(k, 0)}" for k in FAULT_KINDS)
    office = ", ".join(f"{k.replace('_', ' ')} {totals.faults.get(k, 0)}" for k in OFFICE_KINDS)
    policies = ", ".join(f"{p} {n}" for p, n in sorted(totals.policies.items()))
    if totals.violations:
        by = ", ".join(f"({k}) {n}" for k, n in sorted(totals.violations.items()))
        first = ", ".join(f"({k}) {n}" for k, n in sorted(totals.first.items()))
        examples = "; ".join(f"({k}) seeds {', '.join(map(str, v))}"
                             for k, v in sorted(totals.examples.items()))
        violations = (f"violations: {sum(totals.violations.values())} in {len(totals.failed)} of "
                      f"{totals.seeds} schedules; by invariant {by}; failing schedules by first "
                      f"violation {first}; e.g. {examples}")
    else:
        violations = "violations: 0"
    return [
        f"schedules run: {totals.seeds} ({options.kiosks} kiosks, up to {options.steps} steps "
        f"each; policy {policies})",
        f"steps: {totals.steps} (cloud requests {totals.requests})",
        f"faults injected: {faults}",
        f"manager's office: {office}; offline sales the cloud's checks refused later (conflicts "
        f"for the manager, not double sales) {totals.refused_by_checks}"
        f"{_eg(totals.refused_seeds)}",
        f"seats lost to sale (not invariants): web sales whose buyer never heard back "
        f"{totals.web_orphans}{_eg(totals.web_orphan_seeds)}; seats allocated to a kiosk that "
        f"does not know it {totals.stranded}{_eg(totals.stranded_seeds)}; dead letters "
        f"{totals.dead_letters}",
        f"gift cards: sold or topped up {totals.faults.get('giftcard', 0)}; sales paid (partly) "
        f"with one {totals.faults.get('gift_paid', 0)}; refused (the card did not hold it here, "
        f"or the kiosk was cut off) {totals.faults.get('gift_refused', 0)}",
        f"promo code (limit {PROMO_MAX_USES}): sales that used it {totals.faults.get('promo_used', 0)}; refused "
        f"(used up, or the kiosk could not count it) {totals.faults.get('promo_refused', 0)}",
        f"loyalty: member sales {totals.faults.get('member_sales', 0)}; paid partly with points "
        f"{totals.faults.get('points_paid', 0)}; points refused (too few in the cloud, or the "
        f"kiosk was cut off) {totals.faults.get('points_refused', 0)}",
        violations,
        f"conflicts: {totals.conflicts} in {totals.conflict_seeds} schedules",
    ]


def _eg(seeds: list[int]) -> str:
    return f" (e.g. seeds {', '.join(map(str, seeds))})" if seeds else ""

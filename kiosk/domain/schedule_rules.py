"""When two shows in one hall collide.

A show occupies its hall from its start until the film ends plus the cleaning gap (the crew
sweeps and the next audience walks in). Two shows in the same hall overlap when either starts
before the other's occupied time is over. Pure functions over plain values so the importer, the
demo generator and the manager's schedule editor apply the very same rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Slot:
    """One show's claim on a hall. ``starts_at`` must be timezone-aware."""

    show_id: str
    hall_id: str
    starts_at: datetime
    runtime_min: int
    label: str = ""  # what to call the show in a message, e.g. "Monsoon Letters at 18:30"

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.runtime_min)

    def free_at(self, cleaning_gap_min: int) -> datetime:
        """When the hall is ready for the next audience."""
        return self.ends_at + timedelta(minutes=cleaning_gap_min)


def overlaps(a: Slot, b: Slot, cleaning_gap_min: int) -> bool:
    """True when a and b are different shows in the same hall whose occupied times collide."""
    if a.hall_id != b.hall_id or a.show_id == b.show_id:
        return False
    return a.starts_at < b.free_at(cleaning_gap_min) and b.starts_at < a.free_at(cleaning_gap_min)


def find_overlaps(existing: Iterable[Slot], candidate: Slot, cleaning_gap_min: int) -> list[Slot]:
    """Existing slots the candidate collides with, earliest first (empty when it fits).

    A slot with the candidate's own show id is ignored, so an edited show never collides with
    its former self.
    """
    if cleaning_gap_min < 0:
        raise ValueError("cleaning gap cannot be negative")
    found = [s for s in existing if overlaps(s, candidate, cleaning_gap_min)]
    return sorted(found, key=lambda s: (s.starts_at, s.show_id))


def find_conflicts(slots: Iterable[Slot], cleaning_gap_min: int) -> list[tuple[Slot, Slot]]:
    """Every colliding pair within one batch (e.g. an import file), in start order per hall.

    Sorted sweep per hall: O(n log n) plus the number of conflicts.
    """
    if cleaning_gap_min < 0:
        raise ValueError("cleaning gap cannot be negative")
    by_hall: dict[str, list[Slot]] = {}
    for slot in slots:
        by_hall.setdefault(slot.hall_id, []).append(slot)
    pairs: list[tuple[Slot, Slot]] = []
    for hall_slots in by_hall.values():
        hall_slots.sort(key=lambda s: (s.starts_at, s.show_id))
        active: list[Slot] = []
        for slot in hall_slots:
            active = [a for a in active if a.free_at(cleaning_gap_min) > slot.starts_at]
            pairs.extend((a, slot) for a in active if a.show_id != slot.show_id)
            active.append(slot)
    return pairs

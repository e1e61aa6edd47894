"""The manager's office in the simulation: the cinema's catalogue in the cloud, a show cancelled
while kiosks sell it, a cashier deactivated while signed in (issue 10 point 6).

The simulated cinema is published from the start: its ``CINEMA#cin-sim`` VERSION item, a SHOW#
item per show (``status`` scheduled) and a STAFF# item per staff member (``active``), in the
agreed format (DESIGN 4b). The two events write those items the way a manager's publish does
(item and VERSION in one transaction), straight through the true client: the office's link is
not what is under test. Kiosks are never told: they learn only through their claims' conditions
(refusals online, conflicts for what they sold offline).

Events are placed by ``kiosk.sim.schedule`` with their own random stream per (seed, step
index), replacing the step drawn there, so every other step of a seed is what it was and a
schedule's prefix does not depend on ``--steps`` (shrinking still works).

Invariants (checked after every step and after the heal, on the true table): no booking item of
a cancelled show appears in the cloud after its cancellation was written, and none in a
deactivated staff member's name after the deactivation; a booking item is written in the same
transaction as its seats, and booking items are never deleted, so a sale made and refunded
between two checks is still caught.
"""

from __future__ import annotations

import json
import random
from typing import TYPE_CHECKING, Any

from kiosk.cloud.claims import av
from kiosk.sim.checks import Violation

if TYPE_CHECKING:
    from kiosk.sim.runner import Simulation

CINEMA = "cin-sim"
def _item(sk: str, version: int, kind: str, body: dict[str, Any], at: str,
          **top: Any) -> dict[str, Any]:
    item = {"pk": f"CINEMA#{CINEMA}", "sk": sk, "version": version, "kind": kind,
            "body": json.dumps(body, sort_keys=True), "updated_at": at, "updated_by": "9001",
            **top}
    return {k: av(v) for k, v in item.items()}


def _publish(sim: Simulation, items: list[dict[str, Any]]) -> None:
    """Items and the VERSION item moved forward, in one transaction (as a publish does)."""
    sim.office_version += 1
    version = {"pk": av(f"CINEMA#{CINEMA}"), "sk": av("VERSION"),
               "version": av(sim.office_version)}
    sim.env.dynamodb.transact_write_items(TransactItems=[
        {"Put": {"TableName": sim.table, "Item": it}} for it in [*items, version]])


def publish_world(sim: Simulation) -> None:
    """The cinema as published before the first step: every show scheduled, all staff active."""
    at = sim.time.now.isoformat()
    items = [_item(f"SHOW#{show}", 1, "show", {"id": show, "status": "scheduled"}, at,
                   status="scheduled") for show in sim.world.shows]
    items += [_item(f"STAFF#{number}", 1, "staff", {"staff_number": number, "active": True,
                                                     "role": role}, at, active=True, role=role)
              for number, role in sim.world.staff]
    _publish(sim, items)


def _bookings_where(sim: Simulation, key: str, value: str) -> set[str]:
    return {b for b, item in sim.truth.bookings().items() if str(item.get(key)) == value}


def op_cancel_show(sim: Simulation, rng: random.Random) -> str:
    show = sim.world.shows[1] if rng.random() < 0.7 else sim.world.shows[0]
    if show in sim.cancelled:
        return f"{show} already cancelled"
    at = sim.time.now.isoformat()
    _publish(sim, [_item(f"SHOW#{show}", sim.office_version + 1, "show",
                         {"id": show, "status": "cancelled"}, at, status="cancelled")])
    sim.cancelled[show] = _bookings_where(sim, "show_id", show)
    sim.counts["cancel_show"] += 1
    return f"manager cancelled {show} ({len(sim.cancelled[show])} booking(s) sold before)"


def op_deactivate(sim: Simulation, rng: random.Random) -> str:
    number = sim.world.deactivatable
    if number in sim.deactivated:
        return f"staff {number} already deactivated"
    at = sim.time.now.isoformat()
    _publish(sim, [_item(f"STAFF#{number}", sim.office_version + 1, "staff",
                         {"staff_number": number, "active": False, "role": "cashier"}, at,
                         active=False, role="cashier")])
    sim.deactivated[number] = _bookings_where(sim, "staff_number", number)
    sim.counts["deactivate"] += 1
    return f"manager deactivated cashier {number} (signed in at {sim.kiosks[0].name})"


OFFICE_OPS = {"cancel_show": op_cancel_show, "deactivate": op_deactivate}


def after_the_fact(sim: Simulation) -> list[Violation]:
    """(g) no cloud sale of a show after its cancellation; (h) none in a deactivated name."""
    if not sim.cancelled and not sim.deactivated:
        return []
    found = []
    bookings = sim.truth.bookings()
    for show, before in sim.cancelled.items():
        for booking_id, item in sorted(bookings.items()):
            if str(item.get("show_id")) == show and booking_id not in before:
                found.append(Violation("g", sim.step, (
                    f"{item.get('kiosk_id')} sold {sim.trace.name(booking_id)} "
                    f"({', '.join(map(str, item.get('seats') or []))}) of {show} in the cloud "
                    "after the show was cancelled")))
    for number, before in sim.deactivated.items():
        for booking_id, item in sorted(bookings.items()):
            if str(item.get("staff_number")) == number and booking_id not in before:
                found.append(Violation("h", sim.step, (
                    f"{item.get('kiosk_id')} sold {sim.trace.name(booking_id)} in the cloud in "
                    f"the name of cashier {number} after the deactivation")))
    return found

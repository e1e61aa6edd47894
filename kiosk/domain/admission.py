"""Whether a ticket admits now, at this door (issue 13 point 2). Pure rules, no I/O.

The door is set to a hall (or nothing: a single door for every hall) and optionally to one show;
doors open ``DOORS_OPEN_MIN`` before the show and close when it ends. A refunded or exchanged
booking admits nobody; a partly refunded one admits its remaining seats. Every refusal is a
reason code (for tests, the log and the manager) and a sentence an usher reads out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

DOORS_OPEN_MIN = 30
LATE_ENTRY_GRACE_MIN = 15  # after the end of the film's runtime, still let a late-comer out/in

# reason codes
ADMITTED = "admitted"
WRONG_DAY = "wrong_day"
TOO_EARLY = "too_early"
ENDED = "ended"
WRONG_HALL = "wrong_hall"
WRONG_SHOW = "wrong_show"
REFUNDED = "refunded"
EXCHANGED = "exchanged"
ALREADY = "already_admitted"
NOT_VALID = "not_valid"  # seats lost to another sale first, or a state that admits nobody
VALID_STATES = ("confirmed", "partially_refunded")
FORGED = "forged"
NOT_FOUND = "not_found"
UNREADABLE = "unreadable"


@dataclass(frozen=True)
class DoorSetting:
    door: str  # the door's name, shown to the next usher ("already admitted at Door 2")
    hall_id: str = ""  # "" = any hall of the cinema
    show_id: str = ""  # "" = whichever show the ticket is for


@dataclass(frozen=True)
class TicketAtDoor:
    """What the door knows of a booking (local, another device's pulled, or the web's)."""

    booking_id: str
    reference: str
    show_id: str
    film_title: str
    hall_id: str
    hall_name: str
    starts_at: datetime  # aware
    runtime_min: int
    timezone: str
    state: str
    seats: tuple[str, ...]  # still valid (refunded seats are not here)


@dataclass(frozen=True)
class Decision:
    """``text`` is the English sentence (the log, the command line); ``facts`` what a screen
    needs to say it in its own language: ``film``, ``hall``, ``door`` (text), ``start``,
    ``opens``, ``at`` (aware datetimes in the cinema's zone), ``seats`` (a tuple)."""

    admit: bool
    reason: str
    text: str
    facts: tuple[tuple[str, Any], ...] = ()

    def fact(self, key: str, default: Any = None) -> Any:
        return dict(self.facts).get(key, default)


def _local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def decide(ticket: TicketAtDoor, door: DoorSetting, now: datetime) -> Decision:
    """ADMIT, or the first reason not to, in the order an usher would check.

    The time check is the door's window (30 minutes before the start to 15 after the end), not
    the calendar date: a show at 00:15 admits at 23:50 the evening before, and a show running
    past midnight still admits late-comers; "wrong day" is said only outside the window."""
    start = _local(ticket.starts_at, ticket.timezone)
    here = _local(now, ticket.timezone)
    when = start.strftime("%a %d %b, %H:%M")
    facts: tuple[tuple[str, Any], ...] = (("film", ticket.film_title), ("hall", ticket.hall_name),
                                          ("start", start), ("seats", ticket.seats))
    if ticket.state in ("exchanged", "void", "cancelled"):
        return Decision(False, EXCHANGED, "This ticket was exchanged or cancelled: it admits "
                                          "nobody. The customer's new ticket admits them.", facts)
    if ticket.state == "refunded" or (ticket.state in VALID_STATES and not ticket.seats):
        return Decision(False, REFUNDED, "Refunded: this ticket is no longer valid.", facts)
    if ticket.state not in VALID_STATES:
        return Decision(False, NOT_VALID, "This booking is not valid for entry (its seats went "
                                          "to another sale first). Send the customer to the "
                                          "box office.", facts)
    if door.hall_id and ticket.hall_id != door.hall_id:
        return Decision(False, WRONG_HALL, f"Wrong hall: this ticket is for {ticket.hall_name} "
                                           f"({ticket.film_title}, {when}).", facts)
    opens = start - timedelta(minutes=DOORS_OPEN_MIN)
    ends = start + timedelta(minutes=ticket.runtime_min + LATE_ENTRY_GRACE_MIN)
    in_window = opens <= here <= ends
    if not in_window and start.date() != here.date():
        return Decision(False, WRONG_DAY, f"Wrong day: this ticket is for {when}.", facts)
    if door.show_id and ticket.show_id != door.show_id:
        return Decision(False, WRONG_SHOW, f"Wrong show: this ticket is for {ticket.film_title} "
                                           f"at {start:%H:%M}.", facts)
    if here < opens:
        return Decision(False, TOO_EARLY, f"Too early: doors for {ticket.film_title} open at "
                                          f"{opens:%H:%M}.", (*facts, ("opens", opens)))
    if here > ends:
        return Decision(False, ENDED, f"This show has ended (it started at {start:%H:%M}).", facts)
    count = len(ticket.seats)
    return Decision(True, ADMITTED, f"ADMIT {count}: {ticket.film_title}, {ticket.hall_name}, "
                                    f"seats {', '.join(ticket.seats)}", facts)


def already_admitted(door: str, at: datetime, zone: str) -> Decision:
    return Decision(False, ALREADY, f"Already admitted at {door}, {_local(at, zone):%H:%M}. "
                                    "Do not admit again; ask a manager if in doubt.",
                    (("door", door), ("at", _local(at, zone))))

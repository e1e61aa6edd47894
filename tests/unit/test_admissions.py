"""The door (issue 13 point 2): a genuine ticket of today's show admits once; everything else is
refused with its reason, and nothing is admitted twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain import admission as rules
from kiosk.domain.errors import InvalidInput, PermissionDenied
from kiosk.services.admissions import door_setting
from kiosk.services.models import Actor, Payment, Role

DOOR = door_setting("Door 2")


@pytest.fixture
def usher(services):
    return services.auth.sign_in("1002", "2345")


def _sell(services, seats, show_id="show-future"):
    cashier = services.auth.sign_in("1001", "1234")
    hold = services.booking.hold(cashier, show_id, seats)
    return services.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"))


def _doors_open(clock):
    clock.advance(hours=2, minutes=45)  # the show starts at 15:00 UTC (20:30 at the cinema)


def test_a_ticket_admits_once_and_the_second_scan_says_where_and_when(services, usher, clock):
    booking = _sell(services, ["C1", "C2"])
    early = services.admissions.admit(usher, booking.ticket_code, DOOR)
    assert (early.admitted, early.decision.reason) == (False, rules.TOO_EARLY)
    assert "open at 20:00" in early.decision.text
    _doors_open(clock)
    first = services.admissions.admit(usher, booking.ticket_code, DOOR)
    assert first.admitted and first.decision.text.startswith("ADMIT 2: The Test Pattern")
    assert "C1, C2" in first.decision.text and "Screen 1" in first.decision.text
    clock.advance(minutes=3)
    again = services.admissions.admit(usher, booking.ticket_code, door_setting("Door 5"))
    assert (again.admitted, again.decision.reason) == (False, rules.ALREADY)
    assert "Already admitted at Door 2, 20:15" in again.decision.text
    assert services.admissions.admitted_by_show(["show-future"]) == {"show-future": 2}
    from datetime import date

    manager = services.auth.sign_in("9001", "9999")
    shows = services.reports.occupancy(manager, date(2026, 11, 25)).shows
    [row] = [r for r in shows.as_dicts() if r["show_id"] == "show-future"]
    assert (row["sold"], row["admitted"]) == (2, 2)  # the manager's per-show count


def test_forged_altered_and_unreadable_scans_are_refused_and_admit_nobody(services, usher, clock):
    booking = _sell(services, ["C3"])
    _doors_open(clock)
    head, _, signature = booking.ticket_code.rpartition(".")
    other = _sell(services, ["C4"])
    altered = head.replace(booking.reference, other.reference) + "." + signature
    made_up = booking.ticket_code[:-4] + ("EEEE" if booking.ticket_code.endswith("AAAA") else "AAAA")
    for scan, reason in ((altered, rules.FORGED), (made_up, rules.FORGED),
                         ("", rules.UNREADABLE), ("\x00\x1b[2J", rules.UNREADABLE),
                         ("https://example.com/x", rules.UNREADABLE),
                         (booking.reference, rules.UNREADABLE),  # a bare reference, not typed
                         ("BOK1.cin-other.k1.K7QX-4M2P.AAAA", rules.FORGED),
                         ("x" * 5000, rules.UNREADABLE)):
        result = services.admissions.admit(usher, scan, DOOR)
        assert (result.admitted, result.decision.reason) == (False, reason), scan[:40]
        assert result.decision.text
    assert services.deps.conn.execute("SELECT COUNT(*) FROM admissions").fetchone()[0] == 0
    garbage = services.admissions.admit(usher, "hello door", DOOR, typed=True)
    assert garbage.decision.reason == rules.UNREADABLE and "not a booking reference" in \
        garbage.decision.text
    typed = services.admissions.admit(usher, booking.reference.lower(), DOOR, typed=True)
    assert typed.admitted


def test_wrong_day_hall_show_and_refunds_are_said(services, usher, clock):
    tomorrow = _sell(services, ["D1"], "show-later")
    today = _sell(services, ["D2", "D3"])
    _doors_open(clock)
    admit = services.admissions.admit
    assert admit(usher, tomorrow.ticket_code, DOOR).decision.reason == rules.WRONG_DAY
    assert admit(usher, today.ticket_code, door_setting("Door 2", hall_id="hall-x")
                 ).decision.reason == rules.WRONG_HALL
    assert admit(usher, today.ticket_code, door_setting("Door 2", show_id="show-later")
                 ).decision.reason == rules.WRONG_SHOW
    manager = services.auth.sign_in("9001", "9999")
    services.booking.refund(manager, today.reference, ["D3"], reason="customer_request")
    partly = admit(usher, today.ticket_code, DOOR)
    assert partly.admitted and partly.decision.text.startswith("ADMIT 1:")
    gone = _sell(services, ["D4"])
    services.booking.refund(manager, gone.reference, ["D4"], reason="customer_request")
    refused = admit(usher, gone.ticket_code, DOOR)
    assert (refused.admitted, refused.decision.reason) == (False, rules.REFUNDED)


def test_a_show_that_ended_admits_nobody():
    ticket = rules.TicketAtDoor("b1", "K7QX-4M2P", "s1", "Film", "h1", "Screen 1",
                                datetime(2026, 11, 25, 9, 0, tzinfo=UTC), 120, "Asia/Kolkata",
                                "confirmed", ("A1",))
    now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC) + timedelta(minutes=136)
    assert rules.decide(ticket, DOOR, now).reason == rules.ENDED
    assert rules.decide(ticket, DOOR, now - timedelta(minutes=2)).admit


def test_only_staff_scan_and_a_door_needs_a_name(services):
    booking = _sell(services, ["E1"])
    kiosk = Actor(None, "", "Self-service", Role.SELF_SERVICE, "KIOSK-1")
    with pytest.raises(PermissionDenied):
        services.admissions.admit(kiosk, booking.ticket_code, DOOR)
    for bad in ("", "   ", "x" * 41):
        with pytest.raises(InvalidInput, match="name"):
            door_setting(bad)


def test_cli_admit_exit_code_is_zero_only_when_admitted(tmp_path, monkeypatch, capsys):
    from kiosk.cli import main
    from kiosk.config import Config
    from kiosk.domain.clock import FakeClock
    from kiosk.services.app import open_services
    from tests.factories import make_world

    monkeypatch.setenv("KIOSK_BCRYPT_ROUNDS", "4")
    monkeypatch.setenv("KIOSK_PIN", "2345")
    db = tmp_path / "kiosk.db"
    # the CLI runs on the real clock: today's show starts 10 minutes either side of now, on
    # the cinema's today (so the test holds at any hour and on any date)
    from zoneinfo import ZoneInfo

    now = datetime.now(UTC).replace(microsecond=0)
    early_morning = now.astimezone(ZoneInfo("Asia/Kolkata")).time().hour == 0 and \
        now.astimezone(ZoneInfo("Asia/Kolkata")).time().minute < 20
    starts = now + timedelta(minutes=10 if early_morning else -10)
    clock = FakeClock(current=starts - timedelta(hours=3))  # make_world: show-future at +3 h
    svc = open_services(Config(db_path=db, bcrypt_rounds=4), clock=clock)
    make_world(svc.deps.db, clock)
    cashier = svc.auth.sign_in("1001", "1234")
    hold = svc.booking.hold(cashier, "show-future", ["F1"])
    booking = svc.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="4242"))
    svc.close()
    args = ["--db", str(db), "admit", booking.ticket_code, "--door", "Door 1", "--staff", "1002"]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("ADMIT 1: The Test Pattern, Screen 1, seats F1")
    assert main(args) == 1
    assert "REFUSED (already_admitted): Already admitted at Door 1" in capsys.readouterr().out
    assert main(["--db", str(db), "admit", "BOK1.cin-test.k1.AAAA-AAAA.AAAA", "--door", "Door 1",
                 "--staff", "1002"]) == 1
    assert "REFUSED (forged)" in capsys.readouterr().out


def _ticket(starts_at, runtime=120, state="confirmed", seats=("A1",)):
    return rules.TicketAtDoor("b1", "K7QX-4M2P", "s1", "Film", "h1", "Screen 1", starts_at,
                              runtime, "Asia/Kolkata", state, seats)


def test_shows_around_midnight_admit_by_their_window_not_the_calendar():
    """A 00:15 show admits at 23:55 the evening before; a 23:00 show of 150 minutes still
    admits a late-comer at 00:10; a show of yesterday evening is the wrong day by noon."""
    ist = ZoneInfo("Asia/Kolkata")
    just_after_midnight = datetime(2026, 11, 26, 0, 15, tzinfo=ist)
    assert rules.decide(_ticket(just_after_midnight), DOOR,
                        datetime(2026, 11, 25, 23, 55, tzinfo=ist)).admit
    late = datetime(2026, 11, 25, 23, 0, tzinfo=ist)
    assert rules.decide(_ticket(late, 150), DOOR, datetime(2026, 11, 26, 0, 10, tzinfo=ist)).admit
    assert rules.decide(_ticket(late, 150), DOOR,
                        datetime(2026, 11, 26, 12, 0, tzinfo=ist)).reason == rules.WRONG_DAY
    assert rules.decide(_ticket(late, 150), DOOR,
                        datetime(2026, 11, 25, 9, 0, tzinfo=ist)).reason == rules.TOO_EARLY


def test_only_confirmed_or_partly_refunded_bookings_admit():
    now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    for state, reason in (("conflict", rules.NOT_VALID), ("pending", rules.NOT_VALID),
                          ("void", rules.EXCHANGED), ("refunded", rules.REFUNDED)):
        assert rules.decide(_ticket(now, state=state), DOOR, now).reason == reason, state
    assert rules.decide(_ticket(now, state="partially_refunded"), DOOR, now).admit

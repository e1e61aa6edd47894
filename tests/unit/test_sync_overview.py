"""The kiosks and sync facts as a service (issue 14 structure point 6): the manager's sync
screen runs no SQL; these reads are what it shows, as plain dataclasses, manager-only."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.domain.clock import to_iso
from kiosk.domain.errors import PermissionDenied
from kiosk.services import sync_overview
from kiosk.services.models import Payment
from tests.factories import CASHIER, MANAGER, insert_open_shift


@pytest.fixture
def manager(services):
    return services.auth.sign_in(*MANAGER)


def _sell(services, clock, seats):
    cashier = services.auth.sign_in(*CASHIER)
    insert_open_shift(services.deps.db, cashier.staff_id, cashier.kiosk_id, clock)
    hold = services.booking.hold(cashier, "show-future", seats)
    return services.booking.confirm(cashier, hold.hold_id, {}, Payment("card", card_last4="1111"))


def test_kiosk_rows_count_what_waits_to_be_sent_per_kiosk(services, clock, manager):
    first = _sell(services, clock, ["A1"])
    clock.advance(minutes=5)
    _sell(services, clock, ["A2"])
    conn = services.deps.conn
    with conn:  # the first sale reached the cloud; another kiosk's allocation is unsold
        conn.execute("UPDATE outbox SET done_at = ? WHERE booking_id = ?",
                     (to_iso(clock.now()), first.booking_id))
        conn.execute("UPDATE outbox SET last_error = 'timed out' WHERE done_at IS NULL")
        conn.execute("INSERT INTO allocations VALUES ('show-later', 'B5', 'KIOSK-2', ?)",
                     (to_iso(clock.now()),))
    rows = {r.kiosk_id: r for r in sync_overview.kiosk_rows(services.deps, manager)}
    mine = rows[services.deps.config.kiosk_id]
    assert isinstance(mine, sync_overview.KioskRow)
    assert mine.pending == 1 and mine.last_error == "timed out"
    assert mine.last_synced_at == clock.now() and mine.last_sale_at == clock.now()
    assert mine.oldest_pending_at == clock.now()  # the second sale's row
    assert rows["KIOSK-2"].allocated_unsold == 1 and rows["KIOSK-2"].pending == 0


def test_allocation_rows_say_how_many_of_a_shows_offline_seats_sold(services, clock, manager):
    conn = services.deps.conn
    with conn:
        conn.executemany("INSERT INTO allocations VALUES ('show-future', ?, ?, ?)",
                         [("A1", "KIOSK-1", to_iso(clock.now())),
                          ("A2", "KIOSK-1", to_iso(clock.now())),
                          ("C1", "KIOSK-2", to_iso(clock.now()))])
    _sell(services, clock, ["A1"])
    rows = sync_overview.allocation_rows(services.deps, manager)
    assert [(r.kiosk_id, r.allocated, r.sold, r.film) for r in rows] == [
        ("KIOSK-1", 2, 1, "The Test Pattern"), ("KIOSK-2", 1, 0, "The Test Pattern")]
    assert rows[0].timezone == "Asia/Kolkata" and rows[0].starts_at > clock.now()


def test_cloud_state_and_catalogue_read_from_the_database(services, clock, manager):
    conn = services.deps.conn
    assert sync_overview.cloud_state(services.deps, manager) == sync_overview.CloudState(
        None, None, None)  # never synced
    with conn:
        conn.execute("INSERT INTO cloud_state VALUES ('last_sync_at', ?)", (to_iso(clock.now()),))
    assert sync_overview.cloud_state(services.deps, manager).last_sync_at == clock.now()
    assert sync_overview.catalogue_status(services.deps, manager)["cinema_id"] == ""
    assert sync_overview.unpublished_count(services.deps, manager) == 0  # no shared catalogue
    services.deps.config = replace(services.deps.config, cinema_id="cin-test")
    with conn:
        conn.execute("INSERT INTO cloud_state VALUES ('catalogue_version:cin-test', '4')")
    assert sync_overview.catalogue_status(services.deps, manager)["version"] == 4
    assert sync_overview.unpublished_count(services.deps, manager) > 0  # never agreed: all


def test_every_read_is_a_managers(services):
    cashier = services.auth.sign_in(*CASHIER)
    for read in (sync_overview.kiosk_rows, sync_overview.allocation_rows,
                 sync_overview.cloud_state, sync_overview.catalogue_status,
                 sync_overview.unpublished_count):
        with pytest.raises(PermissionDenied):
            read(services.deps, cashier)

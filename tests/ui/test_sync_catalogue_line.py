"""The sync screen's shared catalogue line: version, last check, items kept at a good copy."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from kiosk.domain.clock import to_iso
from tests.ui import test_manager_fixtures as fx

manager, open_console = fx.manager, fx.open_console


def test_catalogue_line_without_a_cinema(qtbot, open_console, manager):
    screen = open_console(manager).show_page("sync")
    assert "no cinema_id" in screen.catalogue_status.text()


def test_catalogue_line_names_the_version_and_the_items_kept(qtbot, open_console, manager,
                                                              services, clock, tmp_path):
    services.deps.config = replace(services.deps.config, cinema_id="cin-test")
    conn = services.deps.conn
    conn.execute("INSERT INTO cloud_state VALUES ('catalogue_version:cin-test', '7')")
    conn.execute("INSERT INTO cloud_state VALUES ('catalogue_pull_at:cin-test', ?)",
                 (to_iso(clock.now()),))
    conn.execute("INSERT INTO catalogue_items (cinema_id, sk, problem, problem_version) VALUES "
                 "('cin-test', 'FILM#film-test', 'the record is not valid JSON', 7)")
    window = open_console(manager)
    screen = window.show_page("sync")
    text = screen.catalogue_status.text()
    assert "Shared catalogue of cin-test: version 7" in text
    assert "25 Nov 17:30:00" in text  # the FakeClock's noon UTC, in Asia/Kolkata
    assert "FILM#film-test: the record is not valid JSON" in text and "last good copy" in text
    assert screen.catalogue_status.property("role") == "warn"
    qtbot.waitUntil(lambda: screen.catalogue_status.height()
                    >= screen.catalogue_status.heightForWidth(screen.catalogue_status.width()))
    out = Path(os.environ.get("KIOSK_SHOT_DIR", tmp_path)) / "sync_catalogue_line.png"
    assert window.grab().save(str(out))


def test_catalogue_line_counts_records_not_published_yet(qtbot, open_console, manager,
                                                        services, clock):
    services.deps.config = replace(services.deps.config, cinema_id="cin-test")
    conn = services.deps.conn
    conn.execute("INSERT INTO cloud_state VALUES ('catalogue_version:cin-test', '3')")
    screen = open_console(manager).show_page("sync")
    # nothing was ever agreed with the cloud here: every record of the cinema is unpublished
    text = screen.catalogue_status.text()
    assert "version 3" in text and "not published yet" in text
    assert screen.catalogue_status.property("role") == "warn"

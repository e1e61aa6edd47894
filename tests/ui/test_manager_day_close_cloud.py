"""The day close on a shared cinema's manager console: refused until the day is pulled (the
other devices' shifts could not be checked), then, after "Pull the day", closed with every
device's sales in the Z report and published for the other devices. Rendered to PNG."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from tests.cloud.conftest import TABLE, aws  # noqa: F401 - the fixture, by name
from tests.factories import table_dump
from tests.ui import test_manager_day_ledger as day_ledger
from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import click

manager, open_console = fx.manager, fx.open_console


@pytest.fixture
def config(tmp_path, aws):  # noqa: ARG001, F811 - moto on before the services' CloudGate
    from kiosk.config import Config

    base = Config(db_path=tmp_path / "office.db", bcrypt_rounds=4, ticket_dir=tmp_path / "t",
                  kiosk_id="OFFICE", cinema_id="cin-test")
    return replace(base, cloud=replace(base.cloud, enabled=True, table=TABLE,
                                       region="ap-south-1", endpoint_url=""))


services = day_ledger.services


def test_close_needs_the_pulled_day_then_covers_every_device(open_console, manager, services,
                                                              clock, qtbot):
    day_ledger._another_device(services, clock)
    window = open_console(manager)
    screen = window.show_page("dayclose")
    screen.confirm = lambda _text: True
    before = table_dump(services.deps.conn)
    click(qtbot, screen.findChild(QPushButton, "closeDayButton"))
    assert "not been pulled" in screen.banner.text()
    assert table_dump(services.deps.conn) == before

    click(qtbot, screen.findChild(QPushButton, "dayPullButton"))
    qtbot.waitUntil(lambda: "pulled from every device" in screen.banner.text(),
                    timeout=10_000)
    assert "KIOSK-2" in screen.body.toPlainText()
    click(qtbot, screen.findChild(QPushButton, "closeDayButton"))
    assert "is closed" in screen.banner.text(), screen.banner.text()
    report = services.day_close.report(manager, "2026-11-25")
    assert {d["kiosk_id"] for d in report.totals["by_device"]} == {"KIOSK-2", "WEB"}
    assert report.tickets["gross"] == 75_000
    assert report.totals["sources"].startswith("Every device")
    assert services.day_close.last_publish_problem == ""
    Path("/tmp/shots").mkdir(exist_ok=True)
    assert window.grab().save("/tmp/shots/day_close_cloud.png")

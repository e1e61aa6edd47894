"""The office's refund approvals and cash-ups screens decide another device's requests."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QPushButton

from tests.cloud.test_ledger import _sync
from tests.cloud.test_remote_decisions import _pull, _request, cinema  # noqa: F401 - fixture
from tests.factories import MANAGER
from tests.ui.test_manager_fixtures import click, select_row

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def office_console(qtbot, cinema):  # noqa: F811 - the fixture imported above
    from kiosk.ui.bridge import Bridge
    from kiosk.ui.manager import ManagerWindow

    k2, office = cinema
    bridge = Bridge(office.svc)
    window = ManagerWindow(office.svc, bridge, office.svc.auth.sign_in(*MANAGER))
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    yield k2, office, window
    bridge.wait_idle(10_000)


def _shot(widget, name: str) -> None:
    """Saved for a person to look at when KIOSK_SHOTS names a folder."""
    folder = os.environ.get("KIOSK_SHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, f"{name}.png"))


def test_approving_another_devices_refund_sends_it_and_says_so(qtbot, office_console, clock):
    from kiosk.ui.manager.refunds import COLUMNS

    decision = [c.key for c in COLUMNS].index("decision")
    k2, office, window = office_console
    big, _request_ = _request(k2, clock)
    _pull(office, clock)
    screen = window.show_page("refunds")
    screen.refresh()
    [row] = screen.model.rows
    assert (row[2], row[decision]) == (big.reference, "")
    select_row(screen.table, lambda r: r[2] == big.reference, by_row=True)
    click(qtbot, screen.findChild(QPushButton, "approveRefund"))
    assert "sent to KIOSK-2" in screen.banner.text()
    [row] = screen.model.rows
    assert row[decision].startswith("Approval sent") and "not applied yet" in row[decision]
    _shot(window, "office-refund-approval-sent")


def test_approving_another_devices_cash_up_sends_it(qtbot, office_console, clock):
    from kiosk.ui.manager.cashups import COLUMNS

    status = [c.key for c in COLUMNS].index("status")
    k2, office, window = office_console
    k2.svc.shifts.open(k2.actor, 5000)
    k2.svc.shifts.close(k2.actor, 4000)
    _sync(k2, clock)
    _pull(office, clock)
    screen = window.show_page("cashups")
    screen.refresh()
    select_row(screen.table, lambda c: c.kiosk_id == "KIOSK-2")
    screen.comment.setText("drawer recounted")
    click(qtbot, screen.findChild(QPushButton, "approveButton"))
    assert "Approval sent to KIOSK-2" in screen.banner.text()
    [row] = screen.model.rows
    assert row[status].startswith("Approval sent")
    _shot(window, "office-cashup-approval-sent")

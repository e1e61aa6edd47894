"""The manager's cash-ups (issue 14 defects 3 and 9): every shown column whole at the console's
size, and the selected shift's count in detail with its card and UPI checks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QPushButton

from kiosk.services.models import Payment
from tests.ui import test_manager_fixtures as fx
from tests.ui.test_manager_fixtures import select_row, sell

manager, open_console = fx.manager, fx.open_console
UTR = "410500000555"


@pytest.fixture
def counted_shift(services):
    """Float ₹500; cash ₹250, card ₹250, UPI ₹250; closed ₹10 short in cash, UPI ₹50 short."""
    cashier = services.auth.sign_in("1001", "1234")
    services.shifts.open(cashier, 500_00)
    cashier = services.auth.sign_in("1001", "1234")
    sell(services, cashier, "show-future", ["B1"], Payment("cash", tendered_minor=250_00))
    sell(services, cashier, "show-future", ["B2"], Payment("card", card_last4="4242"))
    sell(services, cashier, "show-future", ["B3"], Payment("upi", reference=UTR))
    return services.shifts.close(cashier, count={"note:50000": 1, "note:20000": 1,
                                                  "coin:1000": 4},  # 740
                                 card_minor=250_00, upi_minor=200_00)


def _clipped(widget) -> list[str]:
    """Buttons whose text does not fit them."""
    return [b.text() for b in widget.findChildren(QPushButton) if b.isVisible()
            and b.fontMetrics().horizontalAdvance(b.text()) + 16 > b.width()]


@pytest.fixture
def theme(qapp):
    """``theme(name)``: the app's theme for one test (put back to normal after)."""
    from kiosk.ui.theme import ThemeManager

    manager = ThemeManager.instance() or ThemeManager(qapp)

    def choose(name: str) -> None:
        manager.set_theme("normal" if name == "large" else name)
        manager.set_large_text(name == "large")

    yield choose
    manager.set_theme("normal")
    manager.set_large_text(False)


def _aed_shift(services):
    """A dirham shift with long amounts: AED 12,846.00 counted."""
    services.deps.conn.execute("UPDATE cinemas SET currency = 'AED'")
    cashier = services.auth.sign_in("1002", "2345")
    services.shifts.open(cashier, 5000_00)
    return services.shifts.close(cashier, count={"note:100000": 9, "note:50000": 3,
                                                 "note:20000": 4, "note:10000": 6,
                                                 "note:5000": 12, "note:2000": 15,
                                                 "note:500": 8, "coin:100": 6}, card_minor=0)


@pytest.mark.parametrize(("size", "contrast", "dirhams"), [
    ((1366, 860), "normal", False), ((1440, 900), "normal", False),
    ((1366, 860), "high-contrast", True), ((1366, 860), "large", True)])
def test_every_shown_column_is_whole(open_console, manager, services, counted_shift, theme,
                                     size, contrast, dirhams):
    theme(contrast)
    if dirhams:
        _aed_shift(services)
    window = open_console(manager, size=size)
    screen = window.show_page("cashups")
    table = screen.table
    header = table.horizontalHeader()
    shown = [c for c in range(header.count()) if not table.isColumnHidden(c)]
    order = [screen.model.columns[c].key for c in sorted(shown, key=header.visualIndex)]
    full = ["shift_id", "staff", "kiosk_id", "opened_at", "expected_minor", "variance_minor",
            "card_variance", "upi_variance", "status"]
    if contrast == "large":  # the least needed columns may make room (the detail says them)
        assert order == [key for key in full if key in order]
        assert {"shift_id", "staff", "expected_minor", "variance_minor", "status"} <= set(order)
    else:
        assert order == full
    assert not table.horizontalScrollBar().isVisible()  # nothing off to the right
    metrics, head = table.fontMetrics(), header.fontMetrics()
    for column in shown:
        width = header.sectionSize(column)
        title = screen.model.columns[column].title
        assert head.horizontalAdvance(title) < width, title
        for row in range(screen.model.rowCount()):
            text = screen.model.data(screen.model.index(row, column)) or ""
            if metrics.horizontalAdvance(text) < width:
                continue
            # A wrapping table may put a long cell on two lines: then the row must hold them.
            assert table.wordWrap(), (title, text)
            wrapped = metrics.boundingRect(QRect(0, 0, width - 8, 10_000),
                                           int(Qt.TextFlag.TextWordWrap), text)
            assert wrapped.height() <= table.rowHeight(row), (title, text)
    assert _clipped(screen) == []  # "Approve" and the rest whole
    if dirhams:  # the long amounts' detail
        select_row(table, lambda c: c.currency == "AED")
        assert screen.detail.verdicts["cash"].text() == "Over by AED 7,846.00"
        assert "Cash in the drawer" in screen.detail.flag_note.text()
    detail = screen.detail.parentWidget().parentWidget().parentWidget()  # its scroll area
    assert not detail.horizontalScrollBar().isVisible()  # the checks column whole too


def test_the_selected_shift_shows_its_count_and_checks(open_console, manager, services,
                                                       counted_shift):
    window = open_console(manager)
    screen = window.show_page("cashups")
    keys = [c.key for c in screen.model.columns]
    [row] = screen.model.rows
    assert row[keys.index("card_variance")] == 0 and row[keys.index("upi_variance")] == -50_00
    assert row[keys.index("variance_minor")] == -10_00
    assert row[keys.index("float_minor")] == 500_00  # hidden in the table, kept for the CSV
    select_row(screen.table, lambda c: c.shift_id == counted_shift.shift_id)
    detail = screen.detail
    assert detail.isVisible()
    texts = [w.text() for w in detail.findChildren(type(screen.detail_note))]
    assert "₹500 note × 1" in texts and "₹10 coin × 4" in texts
    assert detail.verdicts["cash"].text() == "Short by ₹10.00"
    assert detail.verdicts["card"].text() == "Balanced"
    assert detail.verdicts["upi"].text() == "Short by ₹50.00"


def test_a_total_only_shift_says_it_has_no_count(open_console, manager, services):
    cashier = services.auth.sign_in("1001", "1234")
    services.shifts.open(cashier, 100_00)
    services.shifts.close(cashier, 100_00)
    window = open_console(manager)
    screen = window.show_page("cashups")
    screen.table.selectRow(0)
    assert "total only" in screen.detail_note.text()
    assert screen.detail.verdicts["cash"].text() == "Balanced"

"""The business-day close (Z report, issue 11 point 9): refuse, freeze, sign, roll forward, correct.

The test clock starts at 2026-11-25 12:00 UTC = 17:30 in Kolkata (the test cinema's zone), so
the business date of everything sold at the start is 2026-11-25.
"""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess

import pytest

from kiosk.domain.business_day import business_date, roll_forward
from kiosk.domain.errors import InvalidInput, NotFound, PaymentError, PermissionDenied
from kiosk.services.day_close import DayCloseService, DayNotReady
from kiosk.services.models import Payment
from kiosk.tickets.zreport import csv_text, render_pdf, write_csv
from tests.factories import table_dump

DAY = "2026-11-25"
CARD = Payment("card", card_last4="4242")


@pytest.fixture
def days(services) -> DayCloseService:
    return DayCloseService(services.deps)


@pytest.fixture
def manager(services):
    return services.auth.sign_in("9001", "9999")


@pytest.fixture
def cashier(services):
    actor = services.auth.sign_in("1001", "1234")
    services.shifts.open(actor, 10_000)
    return services.auth.sign_in("1001", "1234")


def _sell(services, actor, seats, payment=CARD):
    hold = services.booking.hold(actor, "show-future", seats)
    return services.booking.confirm(actor, hold.hold_id, {}, payment)


def report_date(text):
    from datetime import date

    return date.fromisoformat(text)


def _day_of(services, booking) -> str:
    return services.deps.conn.execute("SELECT business_date FROM bookings WHERE id = ?",
                                      (booking.booking_id,)).fetchone()[0]


def _sold_and_cashed_up(services, cashier, counted_short=500):
    cash = _sell(services, cashier, ["A1", "A2"], Payment("cash", tendered_minor=100_000))
    card = _sell(services, cashier, ["B1"])
    services.booking.refund(cashier, card.reference, reason="customer_request")
    expected = services.shifts.expected(cashier)
    services.shifts.close(cashier, expected - counted_short)
    return cash, card


# ---------------------------------------------------------------- domain rule


def test_roll_forward_moves_only_onto_the_day_after_the_latest_closed_one():
    assert roll_forward("2026-11-25", None) == "2026-11-25"
    assert roll_forward("2026-11-25", "2026-11-24") == "2026-11-25"
    assert roll_forward("2026-11-25", "2026-11-25") == "2026-11-26"
    assert roll_forward("2026-11-24", "2026-11-25") == "2026-11-26"  # never onto a closed day


def test_business_date_is_the_cinema_local_date(clock):
    # 20:00 UTC is 01:30 the next day in Kolkata
    clock.advance(hours=8)
    assert business_date(clock.now(), "Asia/Kolkata", None) == "2026-11-26"
    assert business_date(clock.now(), "UTC", None) == "2026-11-25"


# ---------------------------------------------------------------- refusals


def test_close_with_an_open_shift_is_refused_naming_it_and_changes_nothing(
        services, days, manager, cashier):
    _sell(services, cashier, ["A1"])
    before = table_dump(services.deps.conn, exclude=())
    with pytest.raises(DayNotReady) as refused:
        days.close(manager, DAY)
    message = str(refused.value)
    assert "Asha Cashier (1001)" in message and "KIOSK-1" in message
    assert "opened 2026-11-25 17:30" in message
    assert [s.staff_number for s in refused.value.shifts] == ["1001"]
    assert table_dump(services.deps.conn, exclude=()) == before
    assert not days.is_closed(DAY)


def test_an_open_shift_on_another_device_in_the_pulled_day_blocks_the_close(
        services, days, manager):
    conn = services.deps.conn
    conn.execute(
        "INSERT INTO ledger_shifts (kiosk_id, local_id, cinema_id, business_date, staff_number, "
        "currency, opened_at, float_minor, rev) VALUES ('KIOSK-7', 3, 'cin-test', ?, '1002', "
        "'INR', '2026-11-25T04:00:00+00:00', 0, 1)", (DAY,))
    before = table_dump(conn, exclude=())
    with pytest.raises(DayNotReady) as refused:
        days.close(manager, DAY)
    assert "Ravi Cashier (1002) on KIOSK-7, opened 2026-11-25 09:30" in str(refused.value)
    assert table_dump(conn, exclude=()) == before


def test_a_cashier_cannot_close_the_day_and_nothing_but_the_audit_changes(
        services, days, cashier):
    before = table_dump(services.deps.conn)
    with pytest.raises(PermissionDenied):
        days.close(cashier, DAY)
    assert table_dump(services.deps.conn) == before
    row = services.deps.conn.execute(
        "SELECT action, ok FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert tuple(row) == ("day_close", 0)


def test_a_manager_demoted_since_signing_in_is_refused(services, days, manager):
    services.deps.conn.execute("UPDATE staff SET role = 'cashier' WHERE staff_number = '9001'")
    with pytest.raises(PermissionDenied):
        days.close(manager, DAY)
    assert not days.is_closed(DAY)


@pytest.mark.parametrize("day, words", [
    ("2026-11-26", "has not started"), ("25/11/2026", "not a date"), ("", "not a date")])
def test_bad_or_future_dates_are_refused(services, days, manager, day, words):
    before = table_dump(services.deps.conn, exclude=())
    with pytest.raises(InvalidInput, match=words):
        days.close(manager, day)
    assert table_dump(services.deps.conn, exclude=()) == before


def test_unknown_cinema_is_refused(days, manager):
    with pytest.raises(NotFound):
        days.close(manager, DAY, "cin-nowhere")


def test_a_day_closes_once(services, days, manager):
    days.close(manager, DAY)
    before = table_dump(services.deps.conn, exclude=())
    with pytest.raises(InvalidInput, match="already closed"):
        days.close(manager, DAY)
    assert table_dump(services.deps.conn, exclude=()) == before


# ---------------------------------------------------------------- the frozen totals


def test_close_freezes_tickets_tenders_refunds_and_each_cashiers_variance(
        services, days, manager, cashier):
    cash, card = _sold_and_cashed_up(services, cashier, counted_short=500)
    report = days.close(manager, DAY)
    t = report.tickets
    assert (t["bookings"], t["tickets"]) == (2, 3)
    sales = services.reports.daily_sales(manager, report_date(DAY)).total("INR")
    assert t["gross"] == sales["gross"] and t["net_sales"] == sales["net_sales"]
    assert t["tax"] == sales["tax"] and t["refunds"] == sales["refunds"] > 0
    assert t["discounts"] == 0
    tenders = {r["kind"]: r for r in report.totals["tenders"]}
    assert tenders["cash"]["taken"] == cash.total_minor and tenders["cash"]["refunded"] == 0
    assert tenders["card"]["taken"] == tenders["card"]["refunded"] == card.total_minor
    assert t["gross"] == cash.total_minor + card.total_minor
    assert report.totals["refunds"]["count"] == 1
    [who] = report.totals["cashiers"]
    assert (who["staff_number"], who["variance"], who["shifts"]) == ("1001", -500, 1)
    assert [d["kiosk_id"] for d in report.totals["by_device"]] == ["KIOSK-1"]
    assert [c["channel"] for c in report.totals["by_channel"]] == ["counter"]
    assert report.totals["food_and_drink"] is None
    assert report.totals["food_and_drink"] is None  # no food sold that day
    assert report.totals["food_and_drink_note"] == "No food and drink sold."
    assert report.closed and report.signature_ok and len(report.signature) == 64
    audit_row = services.deps.conn.execute(
        "SELECT detail FROM audit WHERE action = 'day_close' AND ok = 1").fetchone()
    assert json.loads(audit_row[0])["signature"] == report.signature


def test_totals_stay_frozen_when_source_rows_change_later(services, days, manager, cashier):
    cash, _card = _sold_and_cashed_up(services, cashier)
    closed = days.close(manager, DAY)
    conn = services.deps.conn
    conn.execute("UPDATE bookings SET total_minor = total_minor + 99900 WHERE id = ?",
                 (cash.booking_id,))
    conn.execute("UPDATE shifts SET variance_minor = 0")
    again = days.report(manager, DAY)
    assert again.totals == closed.totals and again.signature == closed.signature
    assert again.signature_ok
    with pytest.raises(sqlite3.IntegrityError, match="cannot change"):
        conn.execute("UPDATE business_days SET totals_json = '{}'")
    with pytest.raises(sqlite3.IntegrityError, match="cannot change"):
        conn.execute("DELETE FROM business_days")


def test_a_tampered_stored_row_no_longer_matches_its_signature(services, days, manager):
    days.close(manager, DAY)
    conn = services.deps.conn
    conn.execute("DROP TRIGGER business_days_frozen_update")  # someone with the file
    conn.execute("UPDATE business_days SET totals_json = replace(totals_json, "
                 "'\"gross\": 0', '\"gross\": 1')")
    assert not days.report(manager, DAY).signature_ok


def test_the_close_anchors_the_audit_log_so_rows_cut_from_its_end_show(services, days,
                                                                          manager):
    """The chain alone cannot see rows cut from its end: the close records the head, signed."""
    from kiosk.store import audit_chain

    conn = services.deps.conn
    kiosk = services.config.kiosk_id
    head = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    report = days.close(manager, DAY)
    anchor = report.totals["audit_anchor"]
    assert (anchor["id"], anchor["hash"]) == (head["id"], head["hash"])
    assert ["Audit log at close", f"row {head['id']}, hash {head['hash']}"] in \
        report.sections()[0][2]
    assert audit_chain.verify(conn, kiosk).intact
    conn.execute("DELETE FROM settings")  # nothing outside the signed close can switch it off
    conn.execute("DELETE FROM audit WHERE id >= ?", (head["id"],))  # the tail, close included
    check = audit_chain.verify(conn, kiosk)
    assert not check.intact and check.bad_id == head["id"]
    assert f"close of business day {DAY}" in check.problem and "removed" in check.problem
    conn.execute("DELETE FROM audit")  # the whole log
    assert not audit_chain.verify(conn, kiosk).intact
    assert days.report(manager, DAY).signature_ok


def test_a_close_pulled_from_another_device_is_not_an_anchor_of_this_log(services, days,
                                                                          manager):
    from kiosk.store import audit_chain

    days.close(manager, DAY)
    conn = services.deps.conn
    conn.execute("DROP TRIGGER business_days_frozen_update")
    conn.execute("UPDATE business_days SET kiosk_id = 'KIOSK-9'")  # as pulled from KIOSK-9
    conn.execute("DELETE FROM audit WHERE id > (SELECT MIN(id) FROM audit)")
    assert audit_chain.verify(conn, services.config.kiosk_id).intact


# ---------------------------------------------------------------- after the close


def test_a_sale_after_the_close_falls_on_the_next_business_day(
        services, days, manager, cashier, clock):
    before = _sell(services, cashier, ["A1"])
    services.shifts.close(cashier, services.shifts.expected(cashier))
    days.close(manager, DAY)
    clock.advance(minutes=5)  # still 2026-11-25 in Kolkata
    later = services.auth.sign_in("1001", "1234")
    services.shifts.open(later, 0)
    later = services.auth.sign_in("1001", "1234")
    after = _sell(services, later, ["C1"])
    assert _day_of(services, before) == DAY
    assert _day_of(services, after) == "2026-11-26"
    # and the refund of the earlier sale lands on the open day too
    services.booking.refund(later, before.reference, reason="customer_request")
    assert services.deps.conn.execute(
        "SELECT business_date FROM refunds").fetchone()[0] == "2026-11-26"
    assert days.report(manager, DAY).tickets["refunds"] == 0


def _while_claiming(services, monkeypatch, meanwhile) -> None:
    """Run ``meanwhile`` during the cloud claim: after every check, before the transaction."""
    gate = services.booking.gate
    real = gate.claim_sale

    def claim(*args, **kwargs):
        meanwhile()
        return real(*args, **kwargs)

    monkeypatch.setattr(gate, "claim_sale", claim)


def test_a_day_closed_during_the_claim_refuses_the_sale_and_the_retry_goes_on_the_next_day(
        services, days, manager, monkeypatch):
    seller = services.auth.sign_in("1002", "2345")  # no shift: card only, nothing blocks a close
    hold = services.booking.hold(seller, "show-future", ["D1", "D2"])
    _while_claiming(services, monkeypatch, lambda: days.close(manager, DAY))
    before = table_dump(services.deps.conn, exclude=("audit", "business_days", "settings"))
    with pytest.raises(InvalidInput, match="closed while this sale was being confirmed"):
        services.booking.confirm(seller, hold.hold_id, {}, CARD)
    assert table_dump(services.deps.conn,
                      exclude=("audit", "business_days", "settings")) == before
    report = days.report(manager, DAY)
    assert report.signature_ok and report.tickets["bookings"] == 0
    monkeypatch.undo()
    booking = services.booking.confirm(seller, hold.hold_id, {}, CARD)
    assert _day_of(services, booking) == "2026-11-26"


def test_a_shift_closed_during_the_claim_refuses_the_sale_and_its_figures_stay(
        services, cashier, monkeypatch):
    hold = services.booking.hold(cashier, "show-future", ["D1"])
    expected = services.shifts.expected(cashier)
    _while_claiming(services, monkeypatch,
                    lambda: services.shifts.close(cashier, services.shifts.expected(cashier)))
    with pytest.raises(PaymentError, match="shift was closed while"):
        services.booking.confirm(cashier, hold.hold_id, {},
                                 Payment("cash", tendered_minor=50_000))
    stored = services.deps.conn.execute(
        "SELECT expected_minor FROM shifts WHERE closed_at IS NOT NULL").fetchone()[0]
    assert stored == expected
    assert services.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 0
    assert services.deps.conn.execute(
        "SELECT COUNT(*) FROM holds WHERE hold_id = ?", (hold.hold_id,)).fetchone()[0] == 1


def test_closing_on_another_connection_is_seen_by_the_next_sale(
        services, days, manager, cashier, config):
    first = _sell(services, cashier, ["A1"])  # the show is cached now
    other = sqlite3.connect(config.db_path)
    other.execute("INSERT INTO business_days (cinema_id, business_date, closed_at, closed_by, "
                  "closed_by_number, closed_by_name, kiosk_id, currency, totals_json, signature) "
                  "VALUES ('cin-test', ?, '2026-11-25T12:00:00+00:00', 3, '9001', 'M', 'K', "
                  "'INR', '{}', 'x')", (DAY,))
    other.commit()
    other.close()
    second = _sell(services, cashier, ["A2"])
    assert (_day_of(services, first), _day_of(services, second)) == (DAY, "2026-11-26")


def test_a_refund_approved_after_its_day_closed_is_paid_on_the_open_day(
        services, days, manager, cashier, clock):
    sale = _sell(services, cashier, ["A1", "A2"])
    conn = services.deps.conn
    cur = conn.execute(
        "INSERT INTO refunds (booking_id, seats, amount_minor, tax_minor, currency, method, "
        "reason, state, requested_by, kiosk_id, created_at, business_date) VALUES (?, ?, ?, 0, "
        "'INR', 'card', '', 'pending_approval', ?, 'KIOSK-1', '2026-11-25T12:00:00+00:00', ?)",
        (sale.booking_id, json.dumps(["A1"]), sale.lines[0].price_minor, cashier.staff_id, DAY))
    services.shifts.close(cashier, services.shifts.expected(cashier))
    days.close(manager, DAY)
    clock.advance(minutes=10)
    services.shifts.open(manager, 0)
    manager = services.auth.sign_in("9001", "9999")
    services.booking.approve_refund(manager, int(cur.lastrowid))
    assert conn.execute("SELECT state, business_date FROM refunds WHERE id = ?",
                        (cur.lastrowid,)).fetchone()[:] == ("completed", "2026-11-26")


# ---------------------------------------------------------------- corrections


def test_an_adjustment_is_a_new_audited_row_shown_on_the_reprint(services, days, manager):
    closed = days.close(manager, DAY)
    report = days.adjust(manager, DAY, -1250, "  Till 2 counted short  ")
    assert report.totals == closed.totals
    [adj] = report.adjustments
    assert (adj.amount_minor, adj.reason, adj.staff_number) == (-1250, "Till 2 counted short",
                                                                 "9001")
    assert report.adjusted_net_sales == closed.tickets["net_sales"] - 1250
    row = services.deps.conn.execute(
        "SELECT staff_id, target, detail FROM audit WHERE action = 'day_adjust'").fetchone()
    assert row[1] == f"cin-test:{DAY}"
    assert json.loads(row[2])["amount_minor"] == -1250
    assert "Till 2 counted short" in csv_text(days.report(manager, DAY))


@pytest.mark.parametrize("amount, reason, words", [
    (0, "x", "zero"), (100, "   ", "Say why"), (1.5, "x", "whole amount"),
    (10**12, "x", "too large"), (100, "a\x00b", "one line"), (100, "x" * 201, "one line")])
def test_bad_adjustments_are_refused_and_change_nothing(services, days, manager, amount,
                                                        reason, words):
    days.close(manager, DAY)
    before = table_dump(services.deps.conn, exclude=())
    with pytest.raises(InvalidInput, match=words):
        days.adjust(manager, DAY, amount, reason)
    assert table_dump(services.deps.conn, exclude=()) == before


def test_an_open_day_takes_no_adjustment(services, days, manager):
    before = table_dump(services.deps.conn, exclude=())
    with pytest.raises(InvalidInput, match="not closed"):
        days.adjust(manager, DAY, 100, "x")
    assert table_dump(services.deps.conn, exclude=()) == before


def test_a_cashier_cannot_adjust(services, days, manager, cashier):
    services.shifts.close(cashier, services.shifts.expected(cashier))
    days.close(manager, DAY)
    with pytest.raises(PermissionDenied):
        days.adjust(cashier, DAY, 100, "x")
    assert days.report(manager, DAY).adjustments == ()


def test_report_of_an_open_day_is_refused_but_preview_works(days, manager, cashier, services):
    _sell(services, cashier, ["A1"])
    with pytest.raises(NotFound, match="not closed"):
        days.report(manager, DAY)
    preview = days.preview(manager, DAY)
    assert not preview.closed and preview.tickets["tickets"] == 1
    assert [s.staff_number for s in preview.open_shifts] == ["1001"]


# ---------------------------------------------------------------- printing


def _pages(path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                             check=True).stdout
        return int(next(line.split()[-1] for line in out.splitlines()
                        if line.startswith("Pages:")))
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(path))
    return doc.pageCount()


def test_the_z_report_prints_on_one_page_even_with_many_rows(
        services, days, manager, cashier, tmp_path):
    _sold_and_cashed_up(services, cashier)
    conn = services.deps.conn
    for i in range(40):  # a busy cinema: 40 more shifts of other devices, pulled
        conn.execute(
            "INSERT INTO ledger_shifts (kiosk_id, local_id, cinema_id, business_date, "
            "staff_number, currency, opened_at, float_minor, closed_at, expected_minor, "
            "counted_minor, variance_minor, rev) VALUES (?, ?, 'cin-test', ?, ?, 'INR', "
            "'2026-11-25T04:00:00+00:00', 0, '2026-11-25T10:00:00+00:00', 100, 90, -10, 1)",
            (f"KIOSK-{i + 10}", i, DAY, f"2{i:03d}"))
    days.close(manager, DAY)
    for i in range(30):
        days.adjust(manager, DAY, 100 + i, f"correction {i}")
    report = days.report(manager, DAY)
    assert len(report.totals["shifts"]) == 41
    path = render_pdf(report, tmp_path / "z.pdf")
    assert _pages(path) == 1
    text = _pdf_text(path)
    assert "Z report" in text and "more (see the CSV)" in text


def _pdf_text(path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(path))
    return doc.getAllText(0).text()


def test_csv_has_every_section_and_neutralises_formulas(services, days, manager, cashier):
    services.deps.conn.execute("UPDATE staff SET name = '=HYPERLINK(\"x\")' "
                               "WHERE staff_number = '1001'")
    _sold_and_cashed_up(services, cashier, counted_short=350)
    days.close(manager, DAY)
    days.adjust(manager, DAY, -350, "@SUM(A1) short")
    stream = io.StringIO()
    write_csv(days.report(manager, DAY), stream)
    text = stream.getvalue()
    for title in ("# Tickets", "# Food and drink", "# Tenders", "# Refunds",
                  "# Cashier variance", "# Shifts", "# By device", "# By channel",
                  "# Adjustments after the close", "# Result"):
        assert title in text
    assert "'=HYPERLINK" in text and "'@SUM(A1) short" in text
    assert ",-3.50" in text  # a plain negative number stays a number


def test_a_shift_opened_after_the_close_belongs_to_the_next_day(services, days, manager,
                                                                 clock):
    from kiosk.services.business_dates import shift_business_date

    days.close(manager, DAY)
    clock.advance(minutes=10)  # 17:40 in Kolkata, still 2026-11-25 by the calendar
    late = services.auth.sign_in("1002", "2345")
    services.shifts.open(late, 5_000)
    late = services.auth.sign_in("1002", "2345")
    opened = services.deps.conn.execute("SELECT opened_at FROM shifts").fetchone()[0]
    assert shift_business_date(services.deps.conn, "cin-test", "Asia/Kolkata",
                               opened) == "2026-11-26"
    services.shifts.close(late, 4_000)
    clock.advance(days=1)
    tomorrow = days.preview(manager, "2026-11-26")
    assert [(s["staff_number"], s["variance"]) for s in tomorrow.totals["shifts"]] == [
        ("1002", -1_000)]
    assert days.report(manager, DAY).totals["shifts"] == []


def test_the_pulled_day_of_other_devices_is_in_the_z_report(services, days, manager, cashier):
    mine = _sell(services, cashier, ["A1"], Payment("cash", tendered_minor=50_000))
    services.shifts.close(cashier, services.shifts.expected(cashier))
    conn = services.deps.conn
    # what kiosk.cloud.daypull writes for another counter's card sale and its closed shift
    conn.execute(
        "INSERT INTO ledger_bookings (id, reference, show_id, cinema_id, business_date, channel, "
        "kiosk_id, staff_number, currency, total_minor, tax_minor, paid_minor, payment_method, "
        "state, created_at, pulled_at) VALUES ('remote-1', 'RMT1-AAAA', 'show-future', "
        "'cin-test', ?, 'counter', 'KIOSK-7', '1002', 'INR', 35000, 5339, 35000, 'card', "
        "'confirmed', "
        "'2026-11-25T11:00:00+00:00', '2026-11-25T12:00:00+00:00')", (DAY,))
    conn.execute("INSERT INTO ledger_booking_seats VALUES ('remote-1', 'E1', 'premium', 'adult', "
                 "35000, 5339)")
    conn.execute(
        "INSERT INTO ledger_shifts (kiosk_id, local_id, cinema_id, business_date, staff_number, "
        "currency, opened_at, float_minor, closed_at, expected_minor, counted_minor, "
        "variance_minor, rev) VALUES ('KIOSK-7', 1, 'cin-test', ?, '1002', 'INR', "
        "'2026-11-25T04:00:00+00:00', 0, '2026-11-25T11:30:00+00:00', 0, 200, 200, 1)", (DAY,))
    conn.execute("INSERT INTO ledger_days VALUES ('cin-test', ?, '2026-11-25T12:00:00+00:00', 3)",
                 (DAY,))
    report = days.close(manager, DAY)
    assert report.tickets["gross"] == mine.total_minor + 35_000
    assert {d["kiosk_id"]: d["gross"] for d in report.totals["by_device"]} == {
        "KIOSK-1": mine.total_minor, "KIOSK-7": 35_000}
    tenders = {r["kind"]: r["taken"] for r in report.totals["tenders"]}
    assert tenders["cash"] == mine.total_minor and tenders["card"] == 35_000
    assert sum(tenders.values()) == report.tickets["gross"]
    assert {c["staff_number"]: c["variance"] for c in report.totals["cashiers"]} == {
        "1001": 0, "1002": 200}
    assert report.totals["sources"].startswith("Every device")


def test_an_exchange_after_the_close_lands_on_the_open_day(services, days, manager, cashier,
                                                           clock):
    old = _sell(services, cashier, ["E1", "E2"])  # premium seats
    services.shifts.close(cashier, services.shifts.expected(cashier))
    closed = days.close(manager, DAY)
    clock.advance(minutes=5)
    later = services.auth.sign_in("1001", "1234")
    services.shifts.open(later, 0)
    later = services.auth.sign_in("1001", "1234")
    hold = services.booking.hold(later, "show-future", ["A1", "A2"])  # cheaper seats
    new = services.booking.exchange(later, old.reference, hold.hold_id, {})
    assert _day_of(services, new) == "2026-11-26"
    assert {r[0] for r in services.deps.conn.execute("SELECT business_date FROM refunds")} == {
        "2026-11-26"}
    assert days.report(manager, DAY).totals == closed.totals


def test_a_closed_day_goes_only_with_the_whole_database(services, days, manager):
    from kiosk.store.demo import wipe

    days.close(manager, DAY)
    days.adjust(manager, DAY, 500, "found in the safe")
    conn = services.deps.conn
    for sql in ("DELETE FROM business_days", "DELETE FROM business_day_adjustments",
                "UPDATE business_day_adjustments SET amount_minor = 1"):
        with pytest.raises(sqlite3.IntegrityError, match="cannot change"):
            conn.execute(sql)
    wipe(conn)  # kiosk init --force: every table, cinemas first
    assert conn.execute("SELECT COUNT(*) FROM business_days").fetchone()[0] == 0


def test_after_midnight_only_the_shifts_of_the_closing_day_count(services, days, manager,
                                                                  clock):
    # 23:50 in Kolkata on the 25th: a shift opens and stays open past midnight
    clock.advance(hours=6, minutes=20)
    night = services.auth.sign_in("1001", "1234")
    services.shifts.open(night, 0)
    clock.advance(minutes=20)  # 00:10 on the 26th: the morning shift opens
    morning = services.auth.sign_in("1002", "2345")
    services.shifts.open(morning, 0)
    clock.advance(minutes=20)  # 00:30: closing the 25th
    with pytest.raises(DayNotReady) as refused:
        days.close(manager, DAY)
    assert [s.staff_number for s in refused.value.shifts] == ["1001"]
    night = services.auth.sign_in("1001", "1234")
    services.shifts.close(night, 0)
    report = days.close(manager, DAY)  # the 26th's open shift does not hold the 25th
    assert [s["staff_number"] for s in report.totals["shifts"]] == ["1001"]


def test_a_refund_approved_but_not_yet_paid_out_is_shown(services, days, manager, cashier):
    sale = _sell(services, cashier, ["A1"])
    services.deps.conn.execute(
        "INSERT INTO refunds (booking_id, seats, amount_minor, tax_minor, currency, method, "
        "reason, state, requested_by, decided_by, kiosk_id, created_at, business_date, "
        "decided_at, payout_due) VALUES (?, '[\"A1\"]', ?, 0, 'INR', 'cash', '', 'completed', "
        "?, 3, 'KIOSK-1', '2026-11-25T12:00:00+00:00', ?, '2026-11-25T12:00:00+00:00', 1)",
        (sale.booking_id, sale.total_minor, cashier.staff_id, DAY))
    services.shifts.close(cashier, services.shifts.expected(cashier))
    report = days.close(manager, DAY)
    refunds = report.totals["refunds"]
    assert (refunds["to_pay_out_count"], refunds["to_pay_out_amount"]) == (1, sale.total_minor)
    assert "Approved but not yet paid out of a drawer,1" in csv_text(report)


def test_the_card_and_upi_checks_of_the_cash_ups_are_in_the_z_report_per_currency(
        services, days, manager, cashier, tmp_path):
    """Issue 14: the Z report says what the card batch and UPI settlement were checked
    against (expected, reported, variance), this device's cash-ups and the pulled ones of
    other devices added up per currency and tender."""
    _sell(services, cashier, ["B1", "B2"])
    card = services.shifts.expected_tenders(cashier)["card"]
    services.shifts.close(cashier, count={"note:10000": 1}, card_minor=card - 500, upi_minor=0)
    conn = services.deps.conn
    for kiosk, currency, checks in (("KIOSK-7", "INR", (("card", 20_000, 20_200),
                                                        ("upi", 5_000, 4_900))),
                                    ("KIOSK-8", "AED", (("card", 7_000, 7_000),))):
        conn.execute(
            "INSERT INTO ledger_shifts (kiosk_id, local_id, cinema_id, business_date, "
            "staff_number, currency, opened_at, float_minor, closed_at, expected_minor, "
            "counted_minor, variance_minor, rev) VALUES (?, 1, 'cin-test', ?, '1002', ?, "
            "'2026-11-25T04:00:00+00:00', 0, '2026-11-25T11:30:00+00:00', 0, 0, 0, 1)",
            (kiosk, DAY, currency))
        conn.executemany(
            "INSERT INTO ledger_shift_tender_checks VALUES (?, 1, ?, ?, ?, ?)",
            [(kiosk, kind, exp, got, got - exp) for kind, exp, got in checks])
    report = days.close(manager, DAY)
    assert report.totals["tender_checks"] == [
        {"currency": "AED", "kind": "card", "shifts": 1, "expected": 7_000, "reported": 7_000,
         "variance": 0},
        {"currency": "INR", "kind": "card", "shifts": 2, "expected": card + 20_000,
         "reported": card - 500 + 20_200, "variance": -300},
        {"currency": "INR", "kind": "upi", "shifts": 2, "expected": 5_000, "reported": 4_900,
         "variance": -100}]
    assert days.report(manager, DAY).signature_ok  # frozen and signed with the rest
    text = csv_text(report)
    assert "# Card and UPI checks\nTender,Currency,Shifts,Expected,Reported,Variance\n" in text
    assert "upi,INR,2,50.00,49.00,-1.00" in text and "card,AED,1,70.00,70.00,0.00" in text
    pdf = _pdf_text(render_pdf(report, tmp_path / "z.pdf"))
    assert "Card and UPI checks" in pdf and "AED 70.00" in pdf and "-₹3.00" in pdf


def test_a_day_closed_before_the_checks_were_frozen_still_reads(services, days, manager,
                                                                   cashier):
    _sold_and_cashed_up(services, cashier)
    report = days.close(manager, DAY)
    totals = {k: v for k, v in report.totals.items() if k != "tender_checks"}
    from dataclasses import replace

    older = replace(report, totals=totals)
    [(title, _header, rows)] = [s for s in older.sections() if s[0] == "Card and UPI checks"]
    assert rows == []

"""The manager's dashboard as figures: one cinema, one currency, or the chain with each currency
apart; never a sum of rupees and dirhams (issue 14 defect 1).

The dashboard is read in sections, one per currency. A cinema or a currency gives one section;
the chain gives one per currency, each summed over its own cinemas only: nothing is converted.
Each section holds the labelled headline figures, the same figures for the same weekdays a week
earlier, and the lines a manager reads without switching tabs: per film, per screen (hall) and
per cashier with the cash variance of their closed shifts. Every amount comes from
``ReportService`` (the report, the CSV, the PDF and the CLI agree) and is summed here, in minor
units, per currency.

Times are the cinema's own: a show's start is an aware datetime in its cinema's zone, so a
screen shows its local clock and sorts by the real instant (a Dubai 10:00 after a Kolkata
11:00 when that is the order they happen in).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.domain.clock import from_iso
from kiosk.domain.errors import InvalidInput
from kiosk.services.auth import require_role
from kiosk.services.cashups import Cashup, CashupService
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Role
from kiosk.services.reports import OccupancyReport, ReportService, SalesReport
from kiosk.services.schedule import day_bounds

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Scope:
    """What the dashboard shows: one cinema, every cinema of one currency, or the chain."""

    cinema_id: str | None = None
    currency: str | None = None

    @property
    def chain(self) -> bool:
        return self.cinema_id is None and self.currency is None


@dataclass(frozen=True)
class Figures:
    """One currency's headline figures (money in minor units of ``currency``)."""

    currency: str
    bookings: int = 0
    tickets: int = 0
    gross: int = 0
    refunds: int = 0
    tax: int = 0
    net_revenue: int = 0
    average_ticket: int = 0
    pending_refunds: int = 0
    pending_refund_count: int = 0
    food: int = 0
    food_per_head: int = 0
    shows: int = 0
    seats: int = 0  # capacity of the shows starting on the dates
    seats_sold: int = 0  # of those seats, sold (not the same as tickets sold on the dates)

    @property
    def occupancy(self) -> float:
        """Percent of the shows' seats sold (0 with no show)."""
        return 100.0 * self.seats_sold / self.seats if self.seats else 0.0


def change(now: float, before: float) -> float | None:
    """The change from ``before`` to ``now`` in percent; None when there was nothing before."""
    if not before:
        return None
    return 100.0 * (now - before) / abs(before)


@dataclass(frozen=True)
class FilmLine:
    film: str
    tickets: int
    gross: int
    refunds: int
    net_sales: int


@dataclass(frozen=True)
class ScreenLine:
    """One hall ("screen" to a manager): its shows on the dates, seats and money."""

    cinema: str
    hall: str
    shows: int
    seats: int
    seats_sold: int
    gross: int  # sales on the dates for this hall's shows

    @property
    def occupancy(self) -> float:
        return 100.0 * self.seats_sold / self.seats if self.seats else 0.0


@dataclass(frozen=True)
class CashierLine:
    """One seller: sales and refunds, and the cash variance of their closed shifts (None when
    no shift of theirs was closed: a self-service kiosk, the web, a shift still open)."""

    staff_number: str
    name: str
    tickets: int
    gross: int
    refunds: int
    shifts: int = 0
    variance: int | None = None
    flagged: bool = False


@dataclass(frozen=True)
class ShowLine:
    """One show starting on the dates: ``starts`` is aware, in its cinema's zone."""

    starts: datetime
    film: str
    cinema: str
    hall: str
    sold: int
    capacity: int
    admitted: int

    @property
    def occupancy(self) -> float:
        return 100.0 * self.sold / self.capacity if self.capacity else 0.0


@dataclass(frozen=True)
class Section:
    """Everything of one currency: figures now and a week earlier, the lines, the hours."""

    currency: str
    cinemas: tuple[str, ...]
    figures: Figures
    week_ago: Figures
    films: tuple[FilmLine, ...] = ()
    screens: tuple[ScreenLine, ...] = ()
    cashiers: tuple[CashierLine, ...] = ()
    hours: tuple[tuple[int, int], ...] = ()  # (local hour, gross) for 0..23
    hours_week_ago: tuple[tuple[int, int], ...] = ()
    shows: tuple[ShowLine, ...] = ()


@dataclass(frozen=True)
class Dashboard:
    start: date
    end: date
    scope: Scope
    sections: tuple[Section, ...]
    report: SalesReport = field(repr=False)  # the detail tables and exports, of the scope
    occupancy: OccupancyReport = field(repr=False)

    @property
    def compare_start(self) -> date:
        return self.start - WEEK

    @property
    def compare_end(self) -> date:
        return self.end - WEEK

    @property
    def shows(self) -> list[ShowLine]:
        """Every section's shows by the instant they start (zones differ across a chain)."""
        return sorted((s for sec in self.sections for s in sec.shows), key=lambda s: s.starts)

    def section(self, currency: str) -> Section:
        return next(s for s in self.sections if s.currency == currency)


class DashboardService:
    """Builds the dashboard from the reports and the cash-ups (managers only: both check)."""

    def __init__(self, deps: ServiceDeps, reports: ReportService, cashups: CashupService):
        self.deps = deps
        self.reports = reports
        self.cashups = cashups

    def _cinemas(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.deps.conn.execute(
            "SELECT id, name, city, timezone, currency FROM cinemas ORDER BY city, name")]

    def build(self, actor: Actor, start: date, end: date | None = None,
              scope: Scope | None = None) -> Dashboard:
        """The dashboard of business dates ``start``..``end`` against the same weekdays a week
        earlier."""
        end = end or start
        scope = scope or Scope()
        require_role(self.deps, actor, Role.MANAGER, "report.dashboard")  # before any read
        cinemas = self._cinemas()
        if scope.currency is not None and all(c["currency"] != scope.currency for c in cinemas):
            raise InvalidInput(f"No cinema sells in {scope.currency}.")
        report = self.reports.daily_sales(actor, start, end, cinema_id=scope.cinema_id)
        occupancy = self.reports.occupancy(actor, start, end, cinema_id=scope.cinema_id)
        before = self.reports.daily_sales(actor, start - WEEK, end - WEEK, cinema_id=scope.cinema_id)
        before_occ = self.reports.occupancy(actor, start - WEEK, end - WEEK,
                                            cinema_id=scope.cinema_id)
        in_scope = [c for c in cinemas if (scope.cinema_id is None or c["id"] == scope.cinema_id)
                    and (scope.currency is None or c["currency"] == scope.currency)]
        # A cinema is one currency (and any other its report shows); the chain is every one.
        currencies = ([scope.currency] if scope.currency is not None
                      else sorted({c["currency"] for c in in_scope} | set(report.currencies)))
        shows = self._shows(occupancy, cinemas)
        shows_before = self._shows(before_occ, cinemas)
        cashups = self._cashups(actor, start, end, in_scope)
        sections = []
        for cur in currencies:
            mine = [s for s in shows if s[0] == cur]
            sections.append(Section(
                currency=cur,
                cinemas=tuple(c["name"] for c in in_scope if c["currency"] == cur),
                figures=figures(report, cur, [s[1] for s in mine]),
                week_ago=figures(before, cur, [s[1] for s in shows_before if s[0] == cur]),
                films=film_lines(report, cur),
                screens=screen_lines(report, cur, mine),
                cashiers=cashier_lines(report, cur, [c for c in cashups if c.currency == cur],
                                       only_sellers=scope.cinema_id is not None),
                hours=hours(report, cur),
                hours_week_ago=hours(before, cur),
                shows=tuple(sorted((s[1] for s in mine), key=lambda s: s.starts)),
            ))
        return Dashboard(start, end, scope, tuple(sections), report, occupancy)

    def _shows(self, occupancy: OccupancyReport,
               cinemas: list[dict[str, Any]]) -> list[tuple[str, ShowLine, str]]:
        """(currency, show, show id) for every show of the occupancy report, its start aware in
        its cinema's zone."""
        ids = occupancy.shows.column("show_id")
        info: dict[str, tuple[str, str]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for sid, starts_at, cinema_id in self.deps.conn.execute(
                    "SELECT s.id, s.starts_at, h.cinema_id FROM shows s "  # noqa: S608
                    f"JOIN halls h ON h.id = s.hall_id WHERE s.id IN ({marks})", chunk):
                info[sid] = (starts_at, cinema_id)
        by_id = {c["id"]: c for c in cinemas}
        out = []
        for row in occupancy.shows.as_dicts():
            starts_at, cinema_id = info[row["show_id"]]
            cinema = by_id[cinema_id]
            starts = from_iso(starts_at).astimezone(ZoneInfo(cinema["timezone"]))
            out.append((cinema["currency"], ShowLine(
                starts, row["film"], row["cinema"], row["hall"], int(row["sold"]),
                int(row["capacity"]), int(row["admitted"] or 0)), row["show_id"]))
        return out

    def _cashups(self, actor: Actor, start: date, end: date,
                 cinemas: list[dict[str, Any]]) -> list[Cashup]:
        """Shifts opened on the dates, in the earliest and latest zone of the cinemas shown."""
        if not cinemas:
            return []
        days = (end - start).days + 1
        bounds = [day_bounds(start, c["timezone"], days) for c in cinemas]
        return self.cashups.list_cashups(actor, min(b[0] for b in bounds),
                                         max(b[1] for b in bounds))


def figures(report: SalesReport, currency: str, shows: list[ShowLine]) -> Figures:
    """The headline figures of one currency: the report's totals row of that currency only."""
    t = report.total(currency)
    food = report.food_table("food_totals")
    food_row = next((r for r in (food.as_dicts() if food else ()) if r["currency"] == currency), {})
    return Figures(
        currency=currency, bookings=int(t["bookings"]), tickets=int(t["tickets"]),
        gross=int(t["gross"]), refunds=int(t["refunds"]), tax=int(t["tax"]),
        net_revenue=int(t["net_revenue"]), average_ticket=int(t["average_ticket"]),
        pending_refunds=int(t["pending_refunds"]),
        pending_refund_count=int(t["pending_refund_count"]),
        food=int(food_row.get("net_revenue", 0)), food_per_head=int(food_row.get("spend_per_head", 0)),
        shows=len(shows), seats=sum(s.capacity for s in shows),
        seats_sold=sum(s.sold for s in shows))


def film_lines(report: SalesReport, currency: str) -> tuple[FilmLine, ...]:
    """Per film, the biggest gross first."""
    rows = [r for r in report.by_film.as_dicts() if r["currency"] == currency]
    lines = [FilmLine(str(r["film"]), int(r["tickets"]), int(r["gross"]), int(r["refunds"]),
                      int(r["net_sales"])) for r in rows]
    return tuple(sorted(lines, key=lambda f: (-f.gross, f.film)))


def screen_lines(report: SalesReport, currency: str,
                 shows: list[tuple[str, ShowLine, str]]) -> tuple[ScreenLine, ...]:
    """Per hall: the seats of its shows on the dates and the money its shows took (the report's
    by-screen table: a chain's by-show table over several days lists only the top shows)."""
    acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for _cur, show, _sid in shows:
        a = acc[(show.cinema, show.hall)]
        a[0] += 1
        a[1] += show.capacity
        a[2] += show.sold
    for r in report.by_hall.as_dicts():  # a sale today for a show of another day counts too
        if r["currency"] == currency:
            acc[(str(r["cinema"]), str(r["hall"]))][3] += int(r["gross"])
    return tuple(ScreenLine(cinema, hall, *a) for (cinema, hall), a in sorted(acc.items()))


def cashier_lines(report: SalesReport, currency: str, cashups: list[Cashup],
                  only_sellers: bool = False) -> tuple[CashierLine, ...]:
    """Per seller, with the summed variance of their closed shifts in this currency.

    A shift records no cinema: for one cinema (``only_sellers``) only the shifts of people who
    sold or refunded there count, not a colleague's at another cinema of the same currency."""
    sold: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in report.by_staff.as_dicts():
        if r["currency"] == currency:
            a = sold[(str(r["staff_number"] or ""), str(r["staff_name"]))]
            a[0] += int(r["tickets"])
            a[1] += int(r["gross"])
            a[2] += int(r["refunds"])
    shifts: dict[tuple[str, str], list[Cashup]] = defaultdict(list)
    for c in cashups:
        shifts[(c.staff_number, c.staff_name)].append(c)
    lines = []
    people = set(sold) if only_sellers else set(sold) | set(shifts)
    for key in sorted(people, key=lambda k: (-sold[k][1] if k in sold else 0, k)):
        tickets, gross, refunds = sold.get(key, (0, 0, 0))
        closed = [c for c in shifts.get(key, ()) if c.variance_minor is not None]
        lines.append(CashierLine(
            key[0], key[1], tickets, gross, refunds, shifts=len(shifts.get(key, ())),
            variance=sum(int(c.variance_minor or 0) for c in closed) if closed else None,
            flagged=any(c.flagged for c in closed)))
    return tuple(lines)


def hours(report: SalesReport, currency: str) -> tuple[tuple[int, int], ...]:
    """Gross by the cinema's local hour, 0..23."""
    per_hour = {int(r["hour"][:2]): int(r["gross"]) for r in report.by_hour.as_dicts()
                if r["currency"] == currency}
    return tuple((h, per_hour.get(h, 0)) for h in range(24))

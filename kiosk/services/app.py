"""Build every service over one database: the single place the object graph is wired."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config import Config
from kiosk.domain.clock import Clock
from kiosk.services.audit import AuditLog
from kiosk.services.auth import AuthService
from kiosk.services.booking import BookingService
from kiosk.services.cashups import CashupService
from kiosk.services.catalogue import CatalogueService
from kiosk.services.deps import ServiceDeps
from kiosk.services.gate import LocalGate, SeatGate
from kiosk.services.importer import ImportService
from kiosk.services.reports import ReportService
from kiosk.services.schedule import ScheduleService
from kiosk.services.shifts import ShiftService
from kiosk.services.staff_admin import StaffAdminService
from kiosk.store.db import open_db


@dataclass
class Services:
    deps: ServiceDeps
    auth: AuthService
    catalogue: CatalogueService
    booking: BookingService
    shifts: ShiftService
    reports: ReportService
    schedule: ScheduleService
    staff_admin: StaffAdminService
    cashups: CashupService
    importer: ImportService
    audit: AuditLog

    @property
    def config(self) -> Config:
        return self.deps.config

    def close(self) -> None:
        self.deps.db.conn.close()


def open_services(config: Config, clock: Clock | None = None, gate: SeatGate | None = None) -> Services:
    deps = ServiceDeps(db=open_db(config.db_path), config=config, clock=clock or Clock())
    gate = gate or LocalGate()
    return Services(
        deps=deps,
        auth=AuthService(deps),
        catalogue=CatalogueService(deps, gate),
        booking=BookingService(deps, gate),
        shifts=ShiftService(deps),
        reports=ReportService(deps),
        schedule=ScheduleService(deps),
        staff_admin=StaffAdminService(deps),
        cashups=CashupService(deps),
        importer=ImportService(deps),
        audit=AuditLog(deps),
    )

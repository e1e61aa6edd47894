"""Build every service over one database: the single place the object graph is wired.

Every entry point (the app, each CLI command, the tools) opens its services here, so each gets
the seat gate its configuration calls for: with cloud sync on, the cloud gate (claims in
DynamoDB, offline policy), never the unrestricted local one (issue 9, hole 0).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.config import Config
from kiosk.domain.clock import Clock
from kiosk.domain.errors import ConfigError
from kiosk.services import ticket_keys
from kiosk.services.admissions import AdmissionService
from kiosk.services.audit import AuditLog
from kiosk.services.auth import AuthService
from kiosk.services.booking import BookingService
from kiosk.services.cashups import CashupService
from kiosk.services.catalogue import CatalogueService
from kiosk.services.collection import CollectionService
from kiosk.services.confirmations import ConfirmationService
from kiosk.services.day_close import DayCloseService
from kiosk.services.deps import ServiceDeps
from kiosk.services.gate import CLOUD_NEEDS_GATE, LocalGate, SeatGate
from kiosk.services.gift_cards import GiftCardService
from kiosk.services.importer import ImportService
from kiosk.services.item_sales import ItemSaleService
from kiosk.services.loyalty import LoyaltyService
from kiosk.services.menu import MenuService
from kiosk.services.offers import OfferService
from kiosk.services.remote_decisions import sender_for
from kiosk.services.reports import ReportService
from kiosk.services.schedule import ScheduleService
from kiosk.services.shifts import ShiftService
from kiosk.services.staff_admin import StaffAdminService
from kiosk.services.ticket_printing import TicketPrinting
from kiosk.services.vouchers import VoucherService
from kiosk.store.db import open_db

if TYPE_CHECKING:
    from kiosk.cloud.catalogue_sync import CataloguePublisher
    from kiosk.cloud.collections import CloudCollections
    from kiosk.cloud.context import CloudContext
    from kiosk.cloud.giftcards import CloudCards
    from kiosk.cloud.lockouts import CloudLockouts
    from kiosk.cloud.loyalty import CloudMembers
    from kiosk.cloud.promos import CloudPromos
    from kiosk.cloud.vouchers import CloudVouchers


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
    gate: SeatGate
    owns_gate: bool = False  # built here (closed here) rather than shared by the caller
    day_close: DayCloseService | None = None  # business-day close (Z report)
    menu: MenuService | None = None  # food and drink menu and stock (issue 12)
    items: ItemSaleService | None = None  # food and drink sales (issue 12)
    gift_cards: GiftCardService | None = None  # gift cards sold, topped up, looked up (issue 12)
    offers: OfferService | None = None  # automatic offers and promo codes (issue 12)
    loyalty: LoyaltyService | None = None  # members found by phone, their points (issue 12)
    vouchers: VoucherService | None = None  # single-use vouchers: comp tickets, free items
    confirmations: ConfirmationService | None = None  # did the customer's message go out
    admissions: AdmissionService | None = None  # tickets scanned at the door (issue 13)
    printing: TicketPrinting | None = None  # the thermal printer, and every print recorded
    collection: CollectionService | None = None  # tickets booked elsewhere, collected once

    @property
    def config(self) -> Config:
        return self.deps.config

    @property
    def cloud_context(self) -> CloudContext | None:
        """The cloud connection the seat gate sells through; None when this device sells
        locally (the manager's "pull the day" needs it)."""
        return cloud_context(self.config, self.gate)

    def close(self) -> None:
        if self.owns_gate:
            self.gate.close()
        self.deps.db.conn.close()


def gate_for(config: Config, clock: Clock) -> SeatGate:
    """The gate the configuration calls for (the cloud's is imported only when it is on)."""
    if not config.cloud.enabled:
        return LocalGate()
    from kiosk.cloud.gate import CloudGate

    return CloudGate(config, clock=clock)


def cloud_context(config: Config, gate: SeatGate) -> CloudContext | None:
    """The gate's cloud context while cloud sync is on (None when it is off: nothing shared)."""
    return gate.context if config.cloud.enabled else None


def publisher_for(config: Config, gate: SeatGate, clock: Clock) -> CataloguePublisher | None:
    """The shared catalogue's publisher when this device belongs to a cinema in the cloud."""
    context = cloud_context(config, gate)
    if not config.cinema_id or context is None:
        return None
    from kiosk.cloud.catalogue_sync import CataloguePublisher

    return CataloguePublisher(context, config.cinema_id, clock)


def gift_cards_cloud_for(config: Config, gate: SeatGate, clock: Clock) -> CloudCards | None:
    """Gift cards shared through the cloud, with cloud sync on and a cinema (else None)."""
    context = cloud_context(config, gate)
    if not config.cinema_id or context is None:
        return None
    from kiosk.cloud.giftcards import CloudCards

    return CloudCards(context, clock, config.cinema_id)


def promos_cloud_for(config: Config, gate: SeatGate) -> CloudPromos | None:
    """Promo code uses counted in the cloud, with cloud sync on (else None)."""
    context = cloud_context(config, gate)
    if context is None:
        return None
    from kiosk.cloud.promos import CloudPromos

    return CloudPromos(context)


def loyalty_cloud_for(config: Config, gate: SeatGate) -> CloudMembers | None:
    """Loyalty members shared by the chain, with cloud sync on (else None)."""
    context = cloud_context(config, gate)
    if context is None:
        return None
    from kiosk.cloud.loyalty import CloudMembers

    return CloudMembers(context)


def vouchers_cloud_for(config: Config, gate: SeatGate) -> CloudVouchers | None:
    """Single-use vouchers shared by the cinema's devices, with cloud sync on (else None)."""
    context = cloud_context(config, gate)
    if context is None:
        return None
    from kiosk.cloud.vouchers import CloudVouchers

    return CloudVouchers(context)


def admissions_for(deps: ServiceDeps, config: Config, gate: SeatGate, clock: Clock
                   ) -> AdmissionService:
    """The door's service: with cloud sync on, admitted once across every door (ADMIT# items)
    and the bookings of the next shows pulled from the cloud."""
    context = cloud_context(config, gate)
    if context is None:
        return AdmissionService(deps)
    from kiosk.cloud.admissions import CloudAdmissions
    from kiosk.cloud.show_tickets import ShowTickets

    tickets = ShowTickets(context)
    return AdmissionService(deps, CloudAdmissions(context),
                            lambda show_ids: tickets.pull(deps.conn, show_ids, clock.now()))


def collections_cloud_for(config: Config, gate: SeatGate) -> CloudCollections | None:
    """Collections taken once across the cinema's kiosks, with cloud sync on (else None)."""
    context = cloud_context(config, gate)
    if context is None:
        return None
    from kiosk.cloud.collections import CloudCollections

    return CloudCollections(context)


def lockouts_for(config: Config, gate: SeatGate,
                 conn: sqlite3.Connection) -> CloudLockouts | None:
    """Sign-in lockouts shared by the cinema's devices, with cloud sync on (else None)."""
    if not config.cloud.enabled:
        return None
    from kiosk.cloud.lockouts import for_device

    return for_device(config, gate, conn)


def open_services(config: Config, clock: Clock | None = None, gate: SeatGate | None = None) -> Services:
    """Open every service; ``gate`` only to share one already built (e.g. with the sync bridge)."""
    clock = clock or Clock()
    if config.cloud.enabled and isinstance(gate, LocalGate):
        raise ConfigError(CLOUD_NEEDS_GATE)
    owns_gate = gate is None
    gate = gate or gate_for(config, clock)
    deps = ServiceDeps(db=open_db(config.db_path), config=config, clock=clock,
                       gift_card_cloud=gift_cards_cloud_for(config, gate, clock),
                       promo_cloud=promos_cloud_for(config, gate),
                       loyalty_cloud=loyalty_cloud_for(config, gate),
                       vouchers_cloud=vouchers_cloud_for(config, gate))
    # a damaged keys file is said at start, not in the middle of a sale
    ticket_keys.load(ticket_keys.resolve(config.ticket_keys_file, config.db_path))
    publisher = publisher_for(config, gate, clock)
    decisions = sender_for(config, gate, clock)
    admissions = admissions_for(deps, config, gate, clock)
    services = Services(
        deps=deps,
        auth=AuthService(deps, lockouts_for(config, gate, deps.conn)),
        catalogue=CatalogueService(deps, gate),
        booking=BookingService(deps, gate, decisions),
        shifts=ShiftService(deps),
        reports=ReportService(deps),
        schedule=ScheduleService(deps, publisher),
        staff_admin=StaffAdminService(deps, publisher),
        cashups=CashupService(deps, decisions),
        importer=ImportService(deps, publisher),
        day_close=DayCloseService(deps, publisher),
        menu=MenuService(deps),
        items=ItemSaleService(deps),
        gift_cards=GiftCardService(deps),
        offers=OfferService(deps, publisher),
        loyalty=LoyaltyService(deps),
        vouchers=VoucherService(deps),
        confirmations=ConfirmationService(deps),
        admissions=admissions,
        printing=TicketPrinting(deps),
        collection=None,
        audit=AuditLog(deps),
        gate=gate,
        owns_gate=owns_gate,
    )
    services.collection = CollectionService(deps, services.booking, admissions,
                                            collections_cloud_for(config, gate))
    return services

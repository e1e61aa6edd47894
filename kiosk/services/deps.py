"""What every service needs, bundled so constructors stay short and tests can swap the clock."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sqlite_utils

from kiosk.config import Config
from kiosk.domain.clock import Clock

if TYPE_CHECKING:
    from kiosk.cloud.giftcards import CloudCards
    from kiosk.cloud.loyalty import CloudMembers
    from kiosk.cloud.promos import CloudPromos
    from kiosk.cloud.vouchers import CloudVouchers
    from kiosk.domain.ticket_codes import KeyRing


@dataclass
class ServiceDeps:
    db: sqlite_utils.Database
    config: Config
    clock: Clock
    # ``kiosk.cloud.giftcards.CloudCards`` with cloud sync on (gift cards shared by the
    # cinema's devices), else None: cards live in this database alone.
    gift_card_cloud: CloudCards | None = None
    # ``kiosk.cloud.promos.CloudPromos`` with cloud sync on (promo code uses counted across the
    # cinema), else None: uses are counted in this database (``kiosk.services.promos``).
    promo_cloud: CloudPromos | None = None
    # ``kiosk.cloud.loyalty.CloudMembers`` with cloud sync on (members and their points shared
    # by the chain), else None: members live in this database (``kiosk.services.loyalty``).
    loyalty_cloud: CloudMembers | None = None
    # ``kiosk.cloud.vouchers.CloudVouchers`` with cloud sync on (single-use vouchers shared by
    # the cinema's devices), else None: vouchers live in this database.
    vouchers_cloud: CloudVouchers | None = None
    _ticket_ring: KeyRing | None = field(default=None, repr=False)

    def ticket_ring(self) -> KeyRing:
        """This installation's ticket signing keys (made on first use: see ticket_keys)."""
        if self._ticket_ring is None:
            from kiosk.services import ticket_keys

            self._ticket_ring = ticket_keys.load_or_create(
                ticket_keys.resolve(self.config.ticket_keys_file, self.config.db_path),
                self.clock.now())
        return self._ticket_ring

    def reference_of(self, scanned: str) -> str:
        """The reference a scan or typed text names: a signed code is verified (ForgedTicket
        when altered, made up, or another cinema's); anything else is returned as it is.

        The cinema is this device's (``cinema_id``), or for a device not joined to one, any
        cinema this database sells for."""
        from kiosk.domain.ticket_codes import ForgedTicket, cinema_of, is_code, verify

        if not is_code(scanned):
            return scanned
        cinema = self.config.cinema_id
        if not cinema:
            named = cinema_of(scanned)
            known = self.conn.execute("SELECT 1 FROM cinemas WHERE id = ?", (named,)).fetchone()
            if known is None:
                raise ForgedTicket(f"That ticket is for a cinema this box office does not sell "
                                   f"for ({named or 'none'}).")
            cinema = named
        return verify(scanned, cinema, self.ticket_ring())

    def ticket_code(self, reference: str, cinema_id: str) -> str:
        """What a ticket's QR carries: the reference, signed for this cinema; "" when it cannot
        be signed (the keys file cannot be read or written): a sale never fails for it, and
        its tickets say why they cannot be printed (kiosk.tickets.model.UnsignedTicket)."""
        import logging

        from kiosk.domain.errors import KioskError
        from kiosk.domain.ticket_codes import sign

        try:
            return sign(reference, cinema_id, self.ticket_ring())
        except KioskError as err:
            logging.getLogger(__name__).error("ticket %s not signed: %s", reference, err)
            return ""

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

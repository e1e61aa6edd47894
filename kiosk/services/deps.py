"""What every service needs, bundled so constructors stay short and tests can swap the clock."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from kiosk.config import Config
from kiosk.domain.clock import Clock


@dataclass
class ServiceDeps:
    db: sqlite_utils.Database
    config: Config
    clock: Clock
    # ``kiosk.cloud.giftcards.CloudCards`` with cloud sync on (gift cards shared by the
    # cinema's devices), else None: cards live in this database alone.
    gift_card_cloud: Any = None
    # ``kiosk.cloud.promos.CloudPromos`` with cloud sync on (promo code uses counted across the
    # cinema), else None: uses are counted in this database (``kiosk.services.promos``).
    promo_cloud: Any = None
    # ``kiosk.cloud.loyalty.CloudMembers`` with cloud sync on (members and their points shared
    # by the chain), else None: members live in this database (``kiosk.services.loyalty``).
    loyalty_cloud: Any = None
    # ``kiosk.cloud.vouchers.CloudVouchers`` with cloud sync on (single-use vouchers shared by
    # the cinema's devices), else None: vouchers live in this database.
    vouchers_cloud: Any = None

    @property
    def conn(self):
        return self.db.conn

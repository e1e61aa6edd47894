"""What every service needs, bundled so constructors stay short and tests can swap the clock."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from kiosk.config import Config
from kiosk.domain.clock import Clock


@dataclass
class ServiceDeps:
    db: sqlite_utils.Database
    config: Config
    clock: Clock

    @property
    def conn(self):
        return self.db.conn

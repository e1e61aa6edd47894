"""Food and drink menu and stock (issue 12): what a cinema sells and how much of it is left.

Reading the menu and what is left is open, like the show list; the low-stock warnings and
changing a count (``set_stock``, audited with before and after) are a manager's.
Stock goes down only through ``kiosk.store.menu_store.take_stock``, inside a sale's own
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.clock import to_iso
from kiosk.domain.errors import InvalidInput, NotFound
from kiosk.domain.menu import Menu as MenuModel
from kiosk.domain.menu import MenuItem
from kiosk.services import audit
from kiosk.services.auth import ensure_manager
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor
from kiosk.store.db import transaction
from kiosk.store.menu_store import load_menu

MAX_STOCK = 1_000_000


def valid_count(value: object) -> bool:
    """A stock count or low mark: a whole number from 0 to MAX_STOCK (CLI and service alike)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_STOCK


@dataclass(frozen=True)
class StockRow:
    item: MenuItem
    category: str  # the category's name, for lists
    on_hand: int
    low_at: int

    @property
    def low(self) -> bool:
        return self.on_hand <= self.low_at


class MenuService:
    def __init__(self, deps: ServiceDeps):
        self.deps = deps

    def menu(self, cinema_id: str) -> MenuModel:
        """Public, like the show list: what is sold and at what price."""
        return load_menu(self.deps.conn, cinema_id)

    def stock(self, cinema_id: str) -> list[StockRow]:
        """Every counted item of the cinema with what is left, lowest first (a counter tells
        a customer "only 2 left" anyway)."""
        menu = load_menu(self.deps.conn, cinema_id)
        rows = self.deps.conn.execute(
            "SELECT s.item_id, s.on_hand, s.low_at FROM menu_stock s "
            "JOIN menu_items i ON i.item_id = s.item_id WHERE i.cinema_id = ? "
            "ORDER BY s.on_hand - s.low_at, i.sort, i.name", (cinema_id,))
        return [StockRow(menu.items[item_id], menu.categories[menu.items[item_id].category_id].name,
                         on_hand, low_at) for item_id, on_hand, low_at in rows]

    def low_stock(self, actor: Actor, cinema_id: str) -> list[StockRow]:
        """The manager's warning list: counted items at or below their low mark."""
        ensure_manager(self.deps, actor, "menu.low_stock", cinema_id)
        return [row for row in self.stock(cinema_id) if row.low]

    def set_stock(self, actor: Actor, item_id: str, on_hand: int, low_at: int | None = None
                  ) -> StockRow:
        """A manager counts the stand (or a delivery arrived): the new count, audited."""
        ensure_manager(self.deps, actor, "menu.set_stock", item_id)
        for value, what in ((on_hand, "The count"), (low_at, "The low-stock mark")):
            if value is not None and not valid_count(value):
                raise InvalidInput(f"{what} must be a whole number from 0 to {MAX_STOCK:,}.")
        conn = self.deps.conn
        item = conn.execute("SELECT cinema_id FROM menu_items WHERE item_id = ?",
                            (item_id,)).fetchone()
        if item is None:
            raise NotFound(f"{item_id!r} is not on any menu here.")
        now = self.deps.clock.now()
        with transaction(conn):
            before = conn.execute("SELECT on_hand, low_at FROM menu_stock WHERE item_id = ?",
                                  (item_id,)).fetchone()
            low = low_at if low_at is not None else (before[1] if before else 0)
            conn.execute(
                "INSERT INTO menu_stock (item_id, on_hand, low_at, updated_at) VALUES (?,?,?,?) "
                "ON CONFLICT (item_id) DO UPDATE SET on_hand = excluded.on_hand, "
                "low_at = excluded.low_at, updated_at = excluded.updated_at",
                (item_id, on_hand, low, to_iso(now)))
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="menu.set_stock",
                         staff_id=actor.staff_id, target=item_id,
                         detail={"before": list(before) if before else None,
                                 "on_hand": on_hand, "low_at": low})
        return next(row for row in self.stock(item[0]) if row.item.item_id == item_id)

"""Menu and stock rows (issue 12): read a cinema's menu, write one, take stock.

``take_stock`` is the one way stock goes down: a conditional UPDATE per item inside the sale's
own transaction, so when two counters sell the last tub at once SQLite's write lock puts them
one after the other and the second finds ``on_hand`` too low and is told (``OutOfStock``), with
nothing of its sale written. Items without a stock row (made to order) are not counted.
"""

from __future__ import annotations

import sqlite3

from kiosk.domain.errors import InvalidInput, NotFound, OutOfStock
from kiosk.domain.menu import Category, Combo, Menu, MenuItem, Modifier, check_menu


def load_menu(conn: sqlite3.Connection, cinema_id: str) -> Menu:
    """The cinema's menu as the domain prices it (inactive items included, marked so)."""
    row = conn.execute("SELECT currency FROM cinemas WHERE id = ?", (cinema_id,)).fetchone()
    if row is None:
        raise NotFound(f"There is no cinema {cinema_id!r}.")
    categories = {r[0]: Category(r[0], r[1], r[2], r[3]) for r in conn.execute(
        "SELECT category_id, name, tax_rate_bp, sort FROM menu_categories WHERE cinema_id = ? "
        "ORDER BY sort, name", (cinema_id,))}
    items = {r[0]: MenuItem(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7])
             for r in conn.execute(
                 "SELECT item_id, category_id, family, name, size, price_minor, active, sort "
                 "FROM menu_items WHERE cinema_id = ? ORDER BY sort, name", (cinema_id,))}
    modifiers = {r[0]: Modifier(r[0], r[1], r[2], bool(r[3]), r[4], r[5]) for r in conn.execute(
        "SELECT modifier_id, family, group_name, pick_one, name, price_minor "
        "FROM menu_modifiers WHERE cinema_id = ? ORDER BY group_name, name", (cinema_id,))}
    parts: dict[str, list[tuple[str, int]]] = {}
    for combo_id, item_id, qty in conn.execute(
            "SELECT p.combo_id, p.item_id, p.qty FROM menu_combo_parts p "
            "JOIN menu_combos c ON c.combo_id = p.combo_id WHERE c.cinema_id = ? "
            "ORDER BY p.combo_id, p.rowid", (cinema_id,)):  # as written
        parts.setdefault(combo_id, []).append((item_id, qty))
    combos = {r[0]: Combo(r[0], r[1], r[2], r[3], tuple(parts.get(r[0], ())), bool(r[4]), r[5])
              for r in conn.execute(
                  "SELECT combo_id, category_id, name, price_minor, active, sort FROM menu_combos "
                  "WHERE cinema_id = ? ORDER BY sort, name", (cinema_id,))}
    return Menu(cinema_id, row[0], categories, items, modifiers, combos)


def take_stock(conn: sqlite3.Connection, menu: Menu, needed: dict[str, int],
               at: str) -> None:
    """Take ``needed`` units per item, in the caller's transaction; raises OutOfStock (the
    caller rolls back) when any counted item has fewer left than wanted."""
    for item_id, qty in sorted(needed.items()):
        if item_id not in menu.items:
            raise InvalidInput(f"{item_id!r} is not on this cinema's menu.")
        if isinstance(qty, bool) or not isinstance(qty, int) or qty <= 0:
            raise InvalidInput(f"{menu.items[item_id].label}: take a whole number above zero.")
        moved = conn.execute(
            "UPDATE menu_stock SET on_hand = on_hand - ?, updated_at = ? "
            "WHERE item_id = ? AND on_hand >= ?", (qty, at, item_id, qty)).rowcount
        if moved:
            continue
        left = conn.execute("SELECT on_hand FROM menu_stock WHERE item_id = ?",
                            (item_id,)).fetchone()
        if left is not None:  # counted, and short; no row: made to order, not counted
            raise OutOfStock(menu.items[item_id].label, left[0])


MENU_TABLES = {"menu_categories": "category_id", "menu_items": "item_id",
               "menu_modifiers": "modifier_id", "menu_combos": "combo_id"}


def foreign_ids(conn: sqlite3.Connection, menu: Menu) -> list[str]:
    """Ids of ``menu`` that another cinema's menu already uses here (ids are global)."""
    wanted = {"menu_categories": menu.categories, "menu_items": menu.items,
              "menu_modifiers": menu.modifiers, "menu_combos": menu.combos}
    clashes = []
    for table, column in MENU_TABLES.items():
        for key in wanted[table]:
            row = conn.execute(f"SELECT cinema_id FROM {table} WHERE {column} = ?",  # noqa: S608
                               (key,)).fetchone()
            if row is not None and row[0] != menu.cinema_id:
                clashes.append(key)
    return clashes


def replace_menu(conn: sqlite3.Connection, menu: Menu,
                 stock: dict[str, tuple[int, int]] | None, at: str = "") -> None:
    """Write a whole cinema menu (the demo data, a pulled copy), in the caller's transaction.

    ``stock`` (item -> (on hand, low mark)) sets the counts, stamped ``at``; None keeps the
    count rows of the items still on the menu as they are (a pulled menu carries no stock)."""
    check_menu(menu)
    cid = menu.cinema_id
    kept = [] if stock is not None else [tuple(r) for r in conn.execute(
        "SELECT s.item_id, s.on_hand, s.low_at, s.updated_at FROM menu_stock s JOIN menu_items i "
        "ON i.item_id = s.item_id WHERE i.cinema_id = ?", (cid,)) if r[0] in menu.items]
    conn.execute("DELETE FROM menu_combo_parts WHERE combo_id IN "
                 "(SELECT combo_id FROM menu_combos WHERE cinema_id = ?)", (cid,))
    conn.execute("DELETE FROM menu_stock WHERE item_id IN "
                 "(SELECT item_id FROM menu_items WHERE cinema_id = ?)", (cid,))
    for table in ("menu_combos", "menu_modifiers", "menu_items", "menu_categories"):
        conn.execute(f"DELETE FROM {table} WHERE cinema_id = ?", (cid,))  # noqa: S608 - fixed
    conn.executemany(
        "INSERT INTO menu_categories (category_id, cinema_id, name, tax_rate_bp, sort) "
        "VALUES (?,?,?,?,?)",
        [(c.category_id, cid, c.name, c.tax_rate_bp, c.sort) for c in menu.categories.values()])
    conn.executemany(
        "INSERT INTO menu_items (item_id, cinema_id, category_id, family, name, size, "
        "price_minor, active, sort) VALUES (?,?,?,?,?,?,?,?,?)",
        [(i.item_id, cid, i.category_id, i.family, i.name, i.size, i.price_minor,
          int(i.active), i.sort) for i in menu.items.values()])
    conn.executemany(
        "INSERT INTO menu_modifiers (modifier_id, cinema_id, family, group_name, pick_one, "
        "name, price_minor) VALUES (?,?,?,?,?,?,?)",
        [(m.modifier_id, cid, m.family, m.group, int(m.pick_one), m.name, m.price_minor)
         for m in menu.modifiers.values()])
    conn.executemany(
        "INSERT INTO menu_combos (combo_id, cinema_id, category_id, name, price_minor, active, "
        "sort) VALUES (?,?,?,?,?,?,?)",
        [(c.combo_id, cid, c.category_id, c.name, c.price_minor, int(c.active), c.sort)
         for c in menu.combos.values()])
    conn.executemany(
        "INSERT INTO menu_combo_parts (combo_id, item_id, qty) VALUES (?,?,?)",
        [(c.combo_id, item_id, qty) for c in menu.combos.values() for item_id, qty in c.parts])
    conn.executemany(
        "INSERT INTO menu_stock (item_id, on_hand, low_at, updated_at) VALUES (?,?,?,?)",
        kept or [(item_id, on_hand, low_at, at)
                 for item_id, (on_hand, low_at) in (stock or {}).items()])

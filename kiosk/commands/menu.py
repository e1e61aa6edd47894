"""``kiosk menu``: a cinema's food and drink (sizes, choices, combos, prices, stock left), and a
manager's stock count (``--count ITEM=N[:LOW]``)."""

from __future__ import annotations

import argparse
import sqlite3

from kiosk.commands._staff import signed_in
from kiosk.config import Config
from kiosk.domain.errors import InvalidInput, NotFound
from kiosk.domain.menu import Menu
from kiosk.domain.money import format_money
from kiosk.services.menu import MAX_STOCK, valid_count

NAME = "menu"
HELP = "list a cinema's food and drink with prices and stock left; a manager sets stock counts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("Example: kiosk menu --cinema hyd-ameerpet; a manager after counting the "
                     "stand: kiosk menu --cinema hyd-ameerpet --count hyd-ameerpet:popcorn-m=120:20"
                     " --staff 9001")
    parser.add_argument("--cinema", metavar="ID",
                        help="the cinema (default: this kiosk's, or the only one)")
    parser.add_argument("--low", action="store_true",
                        help="only items at or below their low-stock mark (manager)")
    parser.add_argument("--count", action="append", default=[], metavar="ITEM=N[:LOW]",
                        help="set an item's stock to N (and its low-stock mark to LOW); "
                             "a manager's action, repeat for each item")
    parser.add_argument("--staff", metavar="NUMBER",
                        help="your staff number, for --count and --low (PIN from $KIOSK_PIN or "
                             "asked)")


def _cinema(conn: sqlite3.Connection, wanted: str | None, config: Config) -> str:
    ids = [r[0] for r in conn.execute("SELECT id FROM cinemas ORDER BY id")]
    chosen = (wanted or config.cinema_id or "").strip()
    if chosen:
        if chosen not in ids:
            raise NotFound(f"There is no cinema {chosen!r} here; cinemas: {', '.join(ids)}.")
        return chosen
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise NotFound("This database has no cinema yet.")
    raise InvalidInput(f"Choose the cinema with --cinema ({', '.join(ids)}).")


def parse_count(text: str) -> tuple[str, int, int | None]:
    item, sep, numbers = text.partition("=")
    on_hand, _, low = numbers.partition(":")
    try:
        if not sep or not item.strip():
            raise ValueError
        count, low_at = int(on_hand), int(low) if low else None
    except ValueError:
        raise InvalidInput(f"--count {text!r}: write ITEM=N or ITEM=N:LOW, e.g. "
                           "cin:popcorn-m=120:20.") from None
    # every count is checked before the first is written: one bad count changes nothing
    if not valid_count(count) or (low_at is not None and not valid_count(low_at)):
        raise InvalidInput(f"--count {text!r}: counts are whole numbers from 0 to "
                           f"{MAX_STOCK:,}.")
    return item.strip(), count, low_at


def print_menu(menu: Menu, stock: dict[str, tuple[int, int]]) -> None:
    money = menu.currency
    for category in sorted(menu.categories.values(), key=lambda c: c.sort):
        print(f"{category.name} (tax {category.tax_rate_bp / 100:g} %)")
        for item in sorted((i for i in menu.items.values() if i.category_id ==
                            category.category_id), key=lambda i: i.sort):
            left = stock.get(item.item_id)
            count = ("made to order" if left is None else
                     f"{left[0]} left{'  LOW' if left[0] <= left[1] else ''}")
            state = "" if item.active else "  (not on sale)"
            print(f"  {item.item_id:<28} {item.label:<32} "
                  f"{format_money(item.price_minor, money):>12}  {count}{state}")
        for combo in sorted((c for c in menu.combos.values() if c.category_id ==
                             category.category_id), key=lambda c: c.sort):
            saving = menu.parts_value(combo) - combo.price_minor
            print(f"  {combo.combo_id:<28} {combo.name}")
            print(f"  {'':<28} {'':<32} {format_money(combo.price_minor, money):>12}  "
                  f"saves {format_money(saving, money)}")
    groups: dict[tuple[str, str, bool], list[str]] = {}
    for m in menu.modifiers.values():
        extra = f" +{format_money(m.price_minor, money)}" if m.price_minor else ""
        groups.setdefault((m.family, m.group, m.pick_one), []).append(
            f"{m.name} [{m.modifier_id}]{extra}")
    if groups:
        print("Choices")
        for (family, group, pick_one), names in sorted(groups.items()):
            rule = "choose one" if pick_one else "any"
            print(f"  {family} {group} ({rule}): {', '.join(names)}")


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services

    counts = [parse_count(text) for text in args.count]  # checked before the database opens
    if (counts or args.low) and not args.staff:
        raise InvalidInput("--count and --low are a manager's: add --staff NUMBER.")
    services = open_services(config)
    try:
        cinema_id = _cinema(services.deps.conn, args.cinema, config)
        if counts or args.low:
            on_menu = services.menu.menu(cinema_id).items
            strays = [item_id for item_id, _, _ in counts if item_id not in on_menu]
            if strays:
                raise InvalidInput(f"{', '.join(strays)} is not on {cinema_id}'s menu "
                                   "(see `kiosk menu`).")
            with signed_in(services, args) as actor:
                for item_id, on_hand, low in counts:
                    row = services.menu.set_stock(actor, item_id, on_hand, low)
                    print(f"{row.item.label}: {row.on_hand} on hand (low at {row.low_at})")
                if args.low:
                    low_rows = services.menu.low_stock(actor, cinema_id)
                    for row in low_rows:
                        print(f"LOW  {row.item.item_id:<28} {row.item.label:<32} "
                              f"{row.on_hand} left (low at {row.low_at})")
                    if not low_rows:
                        print(f"Nothing is low at {cinema_id}.")
            return 0
        menu = services.menu.menu(cinema_id)
        if not menu.items and not menu.combos:
            print(f"{cinema_id} has no food and drink menu yet.")
            return 0
        stock = {row.item.item_id: (row.on_hand, row.low_at)
                 for row in services.menu.stock(cinema_id)}
        print(f"Food and drink at {cinema_id} ({menu.currency}); prices include tax")
        print_menu(menu, stock)
        return 0
    finally:
        services.close()

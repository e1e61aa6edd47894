"""Food and drink: a cinema's menu, and pricing an order of items and combos from it.

Pure rules, no I/O. A menu belongs to one cinema and one currency. Each sellable item is one
size of a product (``family``: popcorn small / medium / large are three items of the family
``popcorn``), so stock is counted per size as a stand counts its cups and tubs. Modifiers belong
to a family: a ``pick_one`` group (popcorn flavour: salted or caramel) needs exactly one choice,
other groups (extras: butter) any number. A combo is a fixed set of items at a price below the
sum of its parts; its modifiers are those of its parts' families, and selling one takes each
part's stock.

Prices include tax, as ticket prices do; the tax rate belongs to the item's category (in India
food and drink carry 5 % GST while tickets carry 12-18 %), and tax is derived per line so a
sale's tax is exactly the sum of its lines'.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from kiosk.domain.errors import InvalidInput
from kiosk.domain.money import format_money, tax_included

MAX_QTY = 50  # of one line: more is a typo or a catering order, not a counter sale
MAX_LINES = 30


def sized(name: str, size: str) -> str:
    """'Popcorn (Large)', or the name alone for a product that comes in one size."""
    return f"{name} ({size})" if size else name


@dataclass(frozen=True)
class Category:
    category_id: str
    name: str
    tax_rate_bp: int
    sort: int = 0


@dataclass(frozen=True)
class MenuItem:
    item_id: str
    category_id: str
    family: str
    name: str
    size: str
    price_minor: int
    active: bool = True
    sort: int = 0

    @property
    def label(self) -> str:
        return sized(self.name, self.size)


@dataclass(frozen=True)
class Modifier:
    modifier_id: str
    family: str
    group: str
    pick_one: bool
    name: str
    price_minor: int = 0


@dataclass(frozen=True)
class Combo:
    combo_id: str
    category_id: str
    name: str
    price_minor: int
    parts: tuple[tuple[str, int], ...]  # (item id, quantity)
    active: bool = True
    sort: int = 0

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True)
class Menu:
    cinema_id: str
    currency: str
    categories: Mapping[str, Category]
    items: Mapping[str, MenuItem]
    modifiers: Mapping[str, Modifier]
    combos: Mapping[str, Combo] = field(default_factory=dict)

    def families_of(self, sku: str) -> tuple[str, ...]:
        if sku in self.items:
            return (self.items[sku].family,)
        combo = self.combos[sku]
        return tuple(dict.fromkeys(self.items[item_id].family for item_id, _ in combo.parts))

    def modifiers_for(self, sku: str) -> tuple[Modifier, ...]:
        families = self.families_of(sku)
        return tuple(m for m in self.modifiers.values() if m.family in families)

    def parts_value(self, combo: Combo) -> int:
        return sum(self.items[item_id].price_minor * qty for item_id, qty in combo.parts)


@dataclass(frozen=True)
class Order:
    """One line as the cashier or customer asked for it: ``sku`` is an item or combo id."""

    sku: str
    qty: int = 1
    modifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemLine:
    line_no: int
    item_id: str | None
    combo_id: str | None
    name: str
    size: str
    modifiers: tuple[str, ...]  # names, as printed on the receipt and the stand's slip
    category_id: str
    qty: int
    unit_price_minor: int  # tax-inclusive, modifiers included
    total_minor: int
    tax_minor: int

    @property
    def label(self) -> str:
        text = sized(self.name, self.size)
        return f"{text}, {', '.join(self.modifiers)}" if self.modifiers else text


def check_menu(menu: Menu) -> None:
    """Refuse a menu a counter could not sell from sensibly (at import or publish time)."""
    for item in menu.items.values():
        if item.category_id not in menu.categories:
            raise InvalidInput(f"{item.label}: category {item.category_id!r} is not on the menu.")
        if item.price_minor < 0:
            raise InvalidInput(f"{item.label}: the price cannot be negative.")
    for category in menu.categories.values():
        if not 0 <= category.tax_rate_bp <= 10_000:
            raise InvalidInput(f"{category.name}: the tax rate must be 0 to 100 %.")
    for combo in menu.combos.values():
        if combo.category_id not in menu.categories:
            raise InvalidInput(f"{combo.name}: category {combo.category_id!r} is not on the menu.")
        if not combo.parts:
            raise InvalidInput(f"{combo.name}: a combo needs at least one item.")
        if combo.combo_id in menu.items:
            raise InvalidInput(f"{combo.name}: its id {combo.combo_id!r} is also an item's.")
        listed = [item_id for item_id, _ in combo.parts]
        if len(set(listed)) != len(listed):
            raise InvalidInput(f"{combo.name}: an item is listed twice; give its quantity.")
        missing = [item_id for item_id, _ in combo.parts if item_id not in menu.items]
        if missing:
            raise InvalidInput(f"{combo.name}: {', '.join(missing)} is not on the menu.")
        if any(qty < 1 for _, qty in combo.parts):
            raise InvalidInput(f"{combo.name}: each part needs a quantity of at least 1.")
        parts = menu.parts_value(combo)
        if not 0 <= combo.price_minor < parts:
            raise InvalidInput(
                f"{combo.name}: a combo must cost less than its parts "
                f"({format_money(combo.price_minor, menu.currency)} is not below "
                f"{format_money(parts, menu.currency)}).")


def _quantity(order: Order, label: str) -> int:
    qty = order.qty
    if isinstance(qty, bool) or not isinstance(qty, int) or not 1 <= qty <= MAX_QTY:
        raise InvalidInput(f"{label}: the quantity must be 1 to {MAX_QTY}.")
    return qty


def _units(menu: Menu, sku: str) -> Counter[str]:
    """How many units of each family one of ``sku`` holds (a couple combo: two drinks)."""
    if sku in menu.items:
        return Counter({menu.items[sku].family: 1})
    units: Counter[str] = Counter()
    for item_id, qty in menu.combos[sku].parts:
        units[menu.items[item_id].family] += qty
    return units


def _chosen_modifiers(menu: Menu, order: Order, label: str) -> tuple[Modifier, ...]:
    """The choices as asked, checked per unit: each pick-one group of a family needs one choice
    per unit of that family (two drinks in a combo: two drink choices, alike or not), and no
    choice may be taken more often than there are units to take it."""
    offered = {m.modifier_id: m for m in menu.modifiers_for(order.sku)}
    ids = [str(m).strip() for m in order.modifiers]
    unknown = [m for m in ids if m not in offered]
    if unknown:
        names = ", ".join(sorted(m.name for m in offered.values())) or "none"
        raise InvalidInput(f"{label}: {', '.join(unknown)} is not a choice for it "
                           f"(choices: {names}).")
    units = _units(menu, order.sku)
    for modifier_id, times in Counter(ids).items():
        modifier = offered[modifier_id]
        have = units[modifier.family]
        if times > have:
            raise InvalidInput(f"{label}: {modifier.name} is named twice." if have == 1 else
                               f"{label}: {modifier.name} is chosen {times} times for {have} "
                               f"{modifier.family} items.")
    groups: dict[tuple[str, str], list[Modifier]] = {}
    for modifier in offered.values():
        if modifier.pick_one:
            groups.setdefault((modifier.family, modifier.group), []).append(modifier)
    picked = Counter((offered[m].family, offered[m].group) for m in ids if offered[m].pick_one)
    for (family, group), options in sorted(groups.items()):
        need = units[family]
        if picked[(family, group)] != need:
            names = " or ".join(sorted(o.name for o in options))
            raise InvalidInput(f"{label}: choose one {group} ({names})." if need == 1 else
                               f"{label}: choose a {group} for each of its {need} {family} "
                               f"items ({names}).")
    return tuple(offered[m] for m in ids)


def choices_needed(menu: Menu, sku: str) -> list[tuple[str, tuple[Modifier, ...]]]:
    """The pick-one choices one of ``sku`` needs, one entry per unit (a couple combo's two
    drinks: two drink choices): (group name, its options), in a stable order for the screens."""
    units = _units(menu, sku) if sku in menu.items or sku in menu.combos else Counter[str]()
    groups: dict[tuple[str, str], list[Modifier]] = {}
    for modifier in menu.modifiers_for(sku):
        if modifier.pick_one:
            groups.setdefault((modifier.family, modifier.group), []).append(modifier)
    out: list[tuple[str, tuple[Modifier, ...]]] = []
    for (family, group), options in sorted(groups.items()):
        ordered = tuple(sorted(options, key=lambda m: (m.price_minor, m.name)))
        out.extend((group, ordered) for _ in range(units[family]))
    return out


def price_items(menu: Menu, orders: Iterable[Order]) -> tuple[ItemLine, ...]:
    """Price each order from ``menu``; refuses unknown, withdrawn or mis-chosen items."""
    orders = list(orders)
    if len(orders) > MAX_LINES:
        raise InvalidInput(f"At most {MAX_LINES} food and drink lines in one sale.")
    lines = []
    for line_no, order in enumerate(orders, start=1):
        if not isinstance(order, Order):
            raise InvalidInput("Each food and drink line names an item and a quantity.")
        sku = str(order.sku).strip()
        item, combo = menu.items.get(sku), menu.combos.get(sku)
        found = item or combo
        if found is None:
            raise InvalidInput(f"{sku!r} is not on this cinema's menu.")
        if not found.active:
            raise InvalidInput(f"{found.label} is not on sale now.")
        if combo is not None:  # an item taken off sale takes its combos with it
            off = [menu.items[i].label for i, _ in combo.parts if not menu.items[i].active]
            if off:
                raise InvalidInput(f"{found.label} is not on sale now ({', '.join(off)} is off).")
        label = found.label
        qty = _quantity(order, label)
        chosen = _chosen_modifiers(menu, Order(sku, qty, tuple(order.modifiers)), label)
        unit = found.price_minor + sum(m.price_minor for m in chosen)
        category = menu.categories[found.category_id]
        total = unit * qty
        lines.append(ItemLine(
            line_no=line_no, item_id=item.item_id if item else None,
            combo_id=combo.combo_id if combo else None, name=item.name if item else found.label,
            size=item.size if item else "", modifiers=tuple(m.name for m in chosen),
            category_id=category.category_id, qty=qty, unit_price_minor=unit,
            total_minor=total, tax_minor=tax_included(total, category.tax_rate_bp)))
    return tuple(lines)


def stock_needed(menu: Menu, lines: Iterable[ItemLine]) -> dict[str, int]:
    """Units of each item the lines take from stock (a combo takes each of its parts)."""
    needed: Counter[str] = Counter()
    for line in lines:
        if line.item_id is not None:
            needed[line.item_id] += line.qty
        elif line.combo_id is not None:
            for item_id, qty in menu.combos[line.combo_id].parts:
                needed[item_id] += qty * line.qty
    return dict(needed)


def menu_to_body(menu: Menu) -> dict[str, Any]:
    """The menu as one shared catalogue record (``MENU#<cinema>``): definitions, not stock."""
    return {
        "id": menu.cinema_id, "currency": menu.currency,
        "categories": [{"id": c.category_id, "name": c.name, "tax_rate_bp": c.tax_rate_bp,
                        "sort": c.sort} for c in menu.categories.values()],
        "items": [{"id": i.item_id, "category": i.category_id, "family": i.family,
                   "name": i.name, "size": i.size, "price_minor": i.price_minor,
                   "active": i.active, "sort": i.sort} for i in menu.items.values()],
        "modifiers": [{"id": m.modifier_id, "family": m.family, "group": m.group,
                       "pick_one": m.pick_one, "name": m.name, "price_minor": m.price_minor}
                      for m in menu.modifiers.values()],
        "combos": [{"id": c.combo_id, "category": c.category_id, "name": c.name,
                    "price_minor": c.price_minor, "active": c.active, "sort": c.sort,
                    "parts": [[item_id, qty] for item_id, qty in c.parts]}
                   for c in menu.combos.values()],
    }


_T = TypeVar("_T")


def _field(record: Mapping[str, Any], name: str, kind: type[_T]) -> _T:
    value = record.get(name) if isinstance(record, Mapping) else None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InvalidInput(f"a menu record's {name} is missing or has the wrong type")
    return value


def menu_from_body(body: Mapping[str, Any]) -> Menu:
    """The record back as a Menu, every field checked (a pulled copy is not trusted), then
    ``check_menu``; raises InvalidInput naming what is wrong."""
    def text(record: Mapping[str, Any], name: str) -> str:
        return _field(record, name, str)

    def number(record: Mapping[str, Any], name: str) -> int:
        return _field(record, name, int)

    categories = {text(c, "id"): Category(text(c, "id"), text(c, "name"),
                                          number(c, "tax_rate_bp"), number(c, "sort"))
                  for c in _field(body, "categories", list)}
    items = {text(i, "id"): MenuItem(text(i, "id"), text(i, "category"), text(i, "family"),
                                     text(i, "name"), text(i, "size"), number(i, "price_minor"),
                                     _field(i, "active", bool), number(i, "sort"))
             for i in _field(body, "items", list)}
    modifiers = {text(m, "id"): Modifier(text(m, "id"), text(m, "family"), text(m, "group"),
                                         _field(m, "pick_one", bool), text(m, "name"),
                                         number(m, "price_minor"))
                 for m in _field(body, "modifiers", list)}
    combos = {}
    for c in _field(body, "combos", list):
        parts = []
        for part in _field(c, "parts", list):
            if not (isinstance(part, list) and len(part) == 2 and isinstance(part[0], str)
                    and isinstance(part[1], int) and not isinstance(part[1], bool)):
                raise InvalidInput("a combo part must be [item id, quantity]")
            parts.append((part[0], part[1]))
        combos[text(c, "id")] = Combo(text(c, "id"), text(c, "category"), text(c, "name"),
                                      number(c, "price_minor"), tuple(parts),
                                      _field(c, "active", bool), number(c, "sort"))
    if any(m.price_minor < 0 for m in modifiers.values()):
        raise InvalidInput("a choice's price cannot be negative")
    menu = Menu(text(body, "id"), text(body, "currency"), categories, items, modifiers, combos)
    check_menu(menu)
    return menu

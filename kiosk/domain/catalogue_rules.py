"""What a shared catalogue item must look like, and when a whole catalogue is consistent.

Pure rules over plain dicts (the JSON ``body`` of a ``CINEMA#<cinema>`` item), used twice:
before a manager publishes (``catalogue_problems``: nothing inconsistent may reach the cloud) and
when a device pulls (``item_problem``: an item it cannot read is skipped and its last good copy
kept). Kinds and their sort keys follow the shared key plan: INFO, HALL#<id>, FILM#<id>,
PRICES#<id>, SHOW#<id>, STAFF#<staff_number>, DAY#<business date> (a closed business day, the
Z report: every device then sells on the next day; kiosk.services.day_close).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from kiosk.domain.errors import InvalidInput
from kiosk.domain.layout import HallLayout
from kiosk.domain.schedule_rules import Slot, find_conflicts

KINDS = ("info", "hall", "film", "prices", "show", "staff", "day", "menu", "offers")
SK_PREFIX = {"hall": "HALL#", "film": "FILM#", "prices": "PRICES#", "show": "SHOW#",
             "staff": "STAFF#", "day": "DAY#", "menu": "MENU#", "offers": "OFFERS#"}
KEY_FIELD = {"staff": "staff_number", "day": "business_date"}  # else "id"
APPLY_ORDER = {kind: n for n, kind in enumerate(KINDS)}  # parents before children (foreign keys)
TICKET_TYPES = ("adult", "child", "senior", "student")
SHOW_STATUSES = ("scheduled", "cancelled")
ROLES = ("cashier", "manager")
# A cinema's money limits (None: its currency's default) and late-sale window (issue 11).
CONTROL_FIELDS = ("cashier_refund_limit_minor", "shift_refund_limit_minor",
                  "cash_variance_threshold_minor", "late_sale_minutes")

_REQUIRED: dict[str, dict[str, type | tuple[type, ...]]] = {
    "info": {"id": str, "name": str, "city": str, "timezone": str, "currency": str},
    "hall": {"id": str, "cinema_id": str, "name": str, "layout": dict, "companion_required": bool},
    "film": {"id": str, "title": str, "language": str, "genres": list, "certificate": str,
             "runtime_min": int},
    "prices": {"id": str, "name": str, "currency": str, "tax_rate_bp": int, "prices": list},
    "show": {"id": str, "film_id": str, "hall_id": str, "starts_at": str, "price_list_id": str,
             "status": str},
    "staff": {"staff_number": str, "name": str, "role": str, "active": bool, "pin_hash": str},
    "day": {"cinema_id": str, "business_date": str, "closed_at": str, "closed_by_number": str,
            "closed_by_name": str, "kiosk_id": str, "currency": str, "totals": dict,
            "signature": str},
    # food and drink (issue 12): the whole menu of the cinema, definitions only (no stock)
    "menu": {"id": str, "currency": str, "categories": list, "items": list, "modifiers": list,
             "combos": list},
    # offers on tickets (issue 12 point 4): every automatic offer and promo code of the cinema
    "offers": {"id": str, "offers": list},
}


def sk_for(kind: str, key: str = "") -> str:
    """The sort key of an item: ``INFO`` or ``<PREFIX><key>``."""
    return "INFO" if kind == "info" else SK_PREFIX[kind] + key


def kind_of(sk: str) -> str | None:
    if sk == "INFO":
        return "info"
    for kind, prefix in SK_PREFIX.items():
        if sk.startswith(prefix) and len(sk) > len(prefix):
            return kind
    return None


def canonical(body: Mapping[str, Any]) -> str:
    """One text per record, so "changed since the cloud copy" is a string comparison."""
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _controls_problem(controls: Any) -> str:
    if not isinstance(controls, dict) or set(controls) != set(CONTROL_FIELDS):
        return "the cinema's limits are malformed"
    for name, value in controls.items():
        if value is None and name != "late_sale_minutes":
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return f"{name} must be a whole, non-negative number"
    if controls["late_sale_minutes"] > 240:
        return "late_sale_minutes is at most 240"
    return ""


def item_problem(kind: str, body: Any, sk: str = "") -> str:
    """Why a single item cannot be used (shape, types, a layout that does not parse), or ""."""
    if kind not in _REQUIRED:
        return f"unknown kind {kind!r}"
    if not isinstance(body, dict):
        return "the record is not a JSON object"
    for name, typ in _REQUIRED[kind].items():
        value = body.get(name)
        if value is None:
            return f"missing {name}"
        # bool is an int in Python: an int field must not accept True, a bool field only bools
        if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
            return f"{name} has the wrong type"
    key = body.get(KEY_FIELD.get(kind, "id"))
    if sk and kind != "info" and sk != sk_for(kind, str(key)):
        return f"the record's id {key!r} does not match its key {sk}"
    if kind == "hall":
        try:
            HallLayout.from_spec(body["layout"])
        except InvalidInput as err:
            return f"bad layout: {err}"
    elif kind == "info" and "controls" in body:
        return _controls_problem(body["controls"])
    elif kind == "film" and body["runtime_min"] <= 0:
        return "runtime must be positive"
    elif kind == "prices":
        for line in body["prices"]:
            if not (isinstance(line, dict) and isinstance(line.get("seat_type"), str)
                    and line.get("ticket_type") in TICKET_TYPES
                    and isinstance(line.get("amount_minor"), int)
                    and not isinstance(line.get("amount_minor"), bool)
                    and line["amount_minor"] >= 0):
                return "a price line is malformed"
    elif kind == "show":
        if body["status"] not in SHOW_STATUSES:
            return f"unknown show status {body['status']!r}"
        try:
            moment = datetime.fromisoformat(body["starts_at"])
        except ValueError:
            return "starts_at is not a time"
        if moment.tzinfo is None:
            return "starts_at has no time zone"
    elif kind == "menu":
        from kiosk.domain.menu import menu_from_body

        try:
            menu_from_body(body)
        except InvalidInput as err:
            return f"bad menu: {err}"
    elif kind == "offers":
        from kiosk.domain.offers import OfferBook

        try:
            OfferBook.from_body(body)
        except (InvalidInput, TypeError, AttributeError, ValueError) as err:
            return f"bad offers: {err}"
    elif kind == "staff" and body["role"] not in ROLES:
        return f"unknown role {body['role']!r}"
    elif kind == "day":
        from kiosk.domain.business_day import close_record, signature

        try:
            date.fromisoformat(body["business_date"])
            datetime.fromisoformat(body["closed_at"])
        except ValueError:
            return "the business date or the closing time is not a date"
        record = close_record(**{k: body[k] for k in (
            "cinema_id", "business_date", "closed_at", "closed_by_number", "kiosk_id",
            "currency", "totals")})
        if signature(record) != body["signature"]:
            return "the closed day's totals do not match its signature"
    return ""


def catalogue_problems(items: Mapping[str, Mapping[str, Any]], cleaning_gap_min: int,
                       check: Iterable[str] | None = None) -> list[str]:
    """Every reason the catalogue ``items`` (sk -> body) must not be published, in words a
    manager understands. ``check`` limits the cross-item rules to those sort keys (the items
    about to be published); the whole catalogue is still what they are checked against."""
    problems: list[str] = []
    keys = list(items) if check is None else [k for k in check if k in items]
    for sk in keys:
        kind = kind_of(sk)
        problem = item_problem(kind or "?", items[sk], sk)
        if problem:
            problems.append(f"{sk}: {problem}")
    if problems:
        return problems
    halls = {b["id"]: b for sk, b in items.items() if kind_of(sk) == "hall"}
    films = {b["id"]: b for sk, b in items.items() if kind_of(sk) == "film"}
    plists = {b["id"]: b for sk, b in items.items() if kind_of(sk) == "prices"}
    shows = {b["id"]: b for sk, b in items.items() if kind_of(sk) == "show"}
    info = items.get("INFO")
    hall_types = {h: {str(s.type) for s in HallLayout.from_spec(b["layout"]).seats.values()}
                  for h, b in halls.items()}
    checked = set(keys)
    for hall_id, hall in halls.items():
        if sk_for("hall", hall_id) in checked and info and hall["cinema_id"] != info["id"]:
            problems.append(f"Hall {hall['name']} belongs to cinema {hall['cinema_id']}, "
                            f"not {info['id']}.")
    for show_id, show in shows.items():
        touched = {sk_for("show", show_id), sk_for("hall", show["hall_id"]),
                   sk_for("film", show["film_id"]), sk_for("prices", show["price_list_id"])}
        if not touched & checked:
            continue
        label = f"Show {show_id}"
        for ref, table, what in ((show["film_id"], films, "film"),
                                 (show["hall_id"], halls, "hall"),
                                 (show["price_list_id"], plists, "price list")):
            if ref not in table:
                problems.append(f"{label} refers to an unknown {what} {ref}.")
        if show["status"] != "scheduled" or show["hall_id"] not in halls \
                or show["price_list_id"] not in plists:
            continue
        plist = plists[show["price_list_id"]]
        priced = {(p["seat_type"], p["ticket_type"]) for p in plist["prices"]}
        missing = sorted(t for t in hall_types[show["hall_id"]] if (t, "adult") not in priced)
        if missing:
            problems.append(f"Price list {plist['name']} has no price for {', '.join(missing)} "
                            f"seats, which hall {halls[show['hall_id']]['name']} has ({label}).")
        if info and plist["currency"] != info["currency"]:
            problems.append(f"{label}: price list {plist['name']} is in {plist['currency']}, "
                            f"the cinema sells in {info['currency']}.")
    for sk, menu in items.items():
        if kind_of(sk) != "menu" or sk not in checked or not info:
            continue
        if menu["id"] != info["id"]:
            problems.append(f"The menu belongs to cinema {menu['id']}, not {info['id']}.")
        elif menu["currency"] != info["currency"]:
            problems.append(f"The menu is priced in {menu['currency']}, the cinema sells in "
                            f"{info['currency']}.")
    slots = [Slot(b["id"], b["hall_id"], datetime.fromisoformat(b["starts_at"]),
                  films[b["film_id"]]["runtime_min"], label=films[b["film_id"]]["title"])
             for b in shows.values() if b["status"] == "scheduled" and b["film_id"] in films]
    for a, b in find_conflicts(slots, cleaning_gap_min):
        involved = {sk_for("show", a.show_id), sk_for("show", b.show_id),
                    sk_for("film", shows[a.show_id]["film_id"]),
                    sk_for("film", shows[b.show_id]["film_id"])}
        if check is None or involved & checked:
            problems.append(
                f"Shows overlap in hall {halls.get(a.hall_id, {}).get('name', a.hall_id)}: "
                f"{a.label} ({a.show_id}) and {b.label} ({b.show_id}), counting "
                f"{cleaning_gap_min} min cleaning.")
    return problems


def differences(old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> list[str]:
    """Field-by-field differences between two records, for a conflict message."""
    if old is None or new is None:
        return ["the record is new" if old is None else "the record was removed"]
    out = []
    for name in sorted(set(old) | set(new)):
        if name == "pin_hash":
            if old.get(name) != new.get(name):
                out.append("PIN changed")
            continue
        if old.get(name) != new.get(name):
            out.append(f"{name}: {_short(old.get(name))} -> {_short(new.get(name))}")
    return out


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
    return text if len(text) <= 40 else text[:37] + "..."

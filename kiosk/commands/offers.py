"""``kiosk offers``: a cinema's automatic offers and promo codes; a manager adds, changes and
withdraws them (``--add``/``--withdraw``, signed in with ``--staff``)."""

from __future__ import annotations

import argparse

from kiosk.commands._staff import signed_in
from kiosk.commands.menu import _cinema
from kiosk.config import Config
from kiosk.domain.errors import InvalidInput
from kiosk.domain.money import format_money, parse_money
from kiosk.domain.offers import Offer, describe

NAME = "offers"
HELP = "list a cinema's offers and promo codes; a manager adds or withdraws one"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Examples: kiosk offers --cinema hyd-ameerpet; "
        "kiosk offers --add tuesday --name 'Tuesday saver' --kind price --value 150 "
        "--days tue --staff 9001; "
        "kiosk offers --add welcome --name 'Welcome 10 %' --kind percent --value 10 "
        "--code WELCOME10 --max-uses 500 --until 2026-12-31 --staff 9001")
    parser.add_argument("--cinema", metavar="ID", help="the cinema (default: this kiosk's, or the only one)")
    parser.add_argument("--add", metavar="ID", help="add (or change) the offer with this id")
    parser.add_argument("--withdraw", metavar="ID", help="stop the offer with this id")
    parser.add_argument("--name", help="the offer's name, printed as its discount line")
    parser.add_argument("--kind", choices=("percent", "amount", "price"),
                        help="percent off each ticket, an amount off the tickets, or each ticket "
                             "at a price")
    parser.add_argument("--value", metavar="N", help="the percent, or the amount / price (e.g. 150)")
    parser.add_argument("--code", default="", help="a promo code (without one the offer applies by itself)")
    parser.add_argument("--max-uses", type=int, metavar="N", help="sales that may use the code")
    parser.add_argument("--members-only", action="store_true",
                        help="member prices: only for sales that name a loyalty member")
    parser.add_argument("--from", dest="valid_from", default="", metavar="DATE", help="first sale date")
    parser.add_argument("--until", dest="valid_to", default="", metavar="DATE", help="last sale date")
    parser.add_argument("--films", default="", metavar="ID,..", help="only these films")
    parser.add_argument("--days", default="", metavar="DAY,..", help="only shows on these days (mon..sun)")
    parser.add_argument("--shows-from", default="", metavar="HH:MM", help="only shows starting at or after")
    parser.add_argument("--shows-before", default="", metavar="HH:MM", help="only shows starting before")
    parser.add_argument("--tickets", default="", metavar="TYPE,..", help="only these ticket types")
    parser.add_argument("--staff", metavar="NUMBER",
                        help="your staff number, for --add and --withdraw (PIN from $KIOSK_PIN "
                             "or asked)")


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _value(kind: str, text: str | None) -> int:
    if text is None:
        raise InvalidInput("--add needs --value (a percent, or an amount such as 150).")
    try:
        return int(text) if kind == "percent" else parse_money(text)
    except ValueError:
        raise InvalidInput(f"--value {text!r}: a whole percent, or an amount such as 150 or "
                           "99.50.") from None


def record(args: argparse.Namespace, cinema_id: str) -> dict:
    if not args.name or not args.kind:
        raise InvalidInput("--add needs --name and --kind.")
    return {"id": args.add, "cinema_id": cinema_id, "name": args.name, "kind": args.kind,
            "value": _value(args.kind, args.value), "code": args.code,
            "max_uses": args.max_uses, "valid_from": args.valid_from, "valid_to": args.valid_to,
            "film_ids": _names(args.films), "weekdays": args.days,
            "from_time": args.shows_from, "to_time": args.shows_before,
            "ticket_types": _names(args.tickets), "members_only": args.members_only}


def what_it_takes(offer: Offer, currency: str) -> str:
    if offer.kind == "percent":
        return f"{offer.value} % off"
    if offer.kind == "amount":
        return f"{format_money(offer.value, currency)} off"
    return f"tickets at {format_money(offer.value, currency)}"


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services

    if args.add and args.withdraw:
        raise InvalidInput("Add or withdraw, not both.")
    if (args.add or args.withdraw) and not args.staff:
        raise InvalidInput("Offers are a manager's: add --staff NUMBER.")
    services = open_services(config)
    try:
        conn = services.deps.conn
        cinema_id = _cinema(conn, args.cinema, config)
        currency = conn.execute("SELECT currency FROM cinemas WHERE id = ?",
                                (cinema_id,)).fetchone()[0]
        if args.add or args.withdraw:
            wanted = record(args, cinema_id) if args.add else None  # checked before sign-in
            with signed_in(services, args) as actor:
                if wanted is not None:
                    offer = services.offers.save(actor, wanted)
                    print(f"Saved offer {offer.offer_id}: {offer.name}")
                else:
                    offer = services.offers.withdraw(actor, args.withdraw)
                    print(f"Withdrew offer {offer.offer_id}: {offer.name}")
            return 0
        rows = services.offers.list(cinema_id, with_cloud_counts=True)
        if not rows:
            print(f"{cinema_id} has no offers.")
            return 0
        print(f"Offers at {cinema_id}")
        for row in rows:
            o = row.offer
            window = (f"; sales {o.valid_from or '…'} to {o.valid_to or '…'}"
                      if o.valid_from or o.valid_to else "")
            state = "" if o.active else "  (withdrawn)"
            code = f"code {o.code}" if o.code else "automatic"
            uses = ""
            if o.code:
                used = row.uses_cloud if row.uses_cloud is not None else row.uses_here
                limit = f" of {o.max_uses}" if o.max_uses else ""
                where = "" if row.uses_cloud is not None else " here"
                uses = f", used {used}{limit}{where}"
            print(f"  {o.offer_id:<24} {o.name:<20} {what_it_takes(o, currency):<20} {code}"
                  f"{uses}; {describe(o)}{window}{state}")
        return 0
    finally:
        services.close()

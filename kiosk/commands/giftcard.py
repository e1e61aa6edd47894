"""``kiosk giftcard``: sell a gift card, top one up, read what it holds, block or unblock it.

``issue --amount A --pay ...`` and ``top-up CODE --amount A --pay ...`` take the money as
``kiosk sell`` does (cash, card, UPI or parts of them; never another gift card) and print the
card's code and its QR (the card given to the customer); ``balance CODE`` prints what it holds,
until when, and its history; ``block CODE`` / ``unblock CODE`` are a manager's. Every refusal
exits non-zero with the reason and leaves the database as it was.
"""

from __future__ import annotations

import argparse
import sys
from zoneinfo import ZoneInfo

from kiosk.commands._staff import signed_in
from kiosk.commands.book import _pay_parts, _pay_value, _with_rest, _with_shift, parse_amount
from kiosk.commands.menu import _cinema
from kiosk.commands.sell import add_payment_options
from kiosk.config import Config
from kiosk.domain.errors import InvalidInput, ShiftRequired
from kiosk.domain.giftcards import display_code
from kiosk.domain.money import format_money
from kiosk.domain.tenders import paid_text
from kiosk.services.gift_cards import GiftCard, GiftCardLoad
from kiosk.services.models import Payment

NAME = "giftcard"
HELP = "sell or top up a gift card, see what one holds, block a lost one"

REASONS = {"load": "loaded", "redeem": "spent", "refund": "refunded onto it"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("Examples: kiosk giftcard issue --amount 1000 --pay card:1000:4242 --staff 1001; "
                     "kiosk giftcard balance 'GC 1234 5678 9012'")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, help_text in (("issue", "sell a new gift card loaded with --amount"),
                            ("top-up", "add --amount to a card (renews it for a year)")):
        action = sub.add_parser(name, help=help_text)
        if name == "top-up":
            action.add_argument("code", metavar="CODE", help="the card's code (GC and 12 digits)")
        action.add_argument("--amount", required=True, metavar="AMOUNT",
                            help="what to put on the card, e.g. 1000")
        action.add_argument("--pay", required=True, action="append", metavar="METHOD[:AMOUNT[:REF]]",
                            type=_pay_value,
                            help="cash, card:AMOUNT:NNNN or upi:AMOUNT:UTR, or parts of them; one "
                                 "part may leave out its amount (it pays the rest)")
        add_payment_options(action)
        action.add_argument("--staff", required=True, metavar="NUMBER",
                            help="your staff number (PIN from $KIOSK_PIN or asked)")
    balance = sub.add_parser("balance", help="what a card holds, until when, and its history")
    balance.add_argument("code", metavar="CODE")
    for name in ("block", "unblock"):
        action = sub.add_parser(name, help=f"{name} a card (a manager; the balance stays)")
        action.add_argument("code", metavar="CODE")
        action.add_argument("--staff", required=True, metavar="NUMBER",
                            help="a manager's staff number (PIN from $KIOSK_PIN or asked)")


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services

    if args.action in ("issue", "top-up"):
        amount = parse_amount(args.amount, "The gift card amount")
        if any(p.strip().lower().startswith(("split", "giftcard")) for p in args.pay):
            raise InvalidInput("Pay for a gift card with cash, card or UPI (parts with amounts), "
                               "not split or another gift card.")
        args.tender, args.tendered = [], None  # the shared --pay reader's other options
        parts, rest_kind = _pay_parts(args)
        float_minor = parse_amount(args.float_amount, "The float") or 0
    services = open_services(config)
    try:
        cards = services.gift_cards
        if args.action == "balance":
            card = cards.balance(args.code)
            tz = services.deps.conn.execute("SELECT timezone FROM cinemas WHERE id = ?",
                                            (card.cinema_id,)).fetchone()[0]
            print_card(card, services.deps.clock.now(), ZoneInfo(tz))
            return 0
        with signed_in(services, args) as actor:
            if args.action in ("block", "unblock"):
                card = cards.set_blocked(actor, args.code, args.action == "block")
                print(f"Gift card {card.display_code} is now {card.state}; it holds "
                      f"{format_money(card.balance_minor, card.currency)}.")
                return 0
            if args.action == "issue":
                cinema_id = _cinema(services.deps.conn, args.cinema, config)
                currency = services.deps.conn.execute(
                    "SELECT currency FROM cinemas WHERE id = ?", (cinema_id,)).fetchone()[0]
            else:
                card = cards.balance(args.code)
                cinema_id, currency = card.cinema_id, card.currency
            payment = Payment(tenders=_with_rest(parts, rest_kind, amount or 0, currency))

            def load(who):
                if args.action == "issue":
                    return cards.issue(who, cinema_id, amount, payment)
                return cards.top_up(who, args.code, amount, payment)

            try:
                result = load(actor)
            except ShiftRequired:  # all else was valid: open the drawer only now
                if services.shifts.current(actor) is not None:
                    raise
                result = load(_with_shift(services, actor, float_minor))
        print_load(result)
        return 0
    finally:
        services.close()


def print_load(load: GiftCardLoad, out=None) -> None:
    out = out or sys.stdout
    card, cur = load.card, load.card.currency
    what = "sold" if load.kind == "issue" else "topped up"
    print(f"Gift card {card.display_code} {what}: {format_money(load.amount_minor, cur)} "
          f"({load.reference})", file=out)
    print(f"  Holds {format_money(card.balance_minor, cur)}, valid until "
          f"{card.expires_at:%d %b %Y}", file=out)
    print(f"  Paid {paid_text(load.tenders, cur)}", file=out)
    if load.change_minor:
        print(f"  Change due {format_money(load.change_minor, cur)}", file=out)
    if load.kind == "issue":
        import segno

        print("  Give the customer the card; its code as a QR:", file=out)
        segno.make(card.code, error="m").terminal(out=out, compact=True)


def print_card(card: GiftCard, now, tz: ZoneInfo, out=None) -> None:
    out = out or sys.stdout
    cur = card.currency
    state = ("blocked" if card.state != "active" else
             "expired" if card.expired(now) else "active")
    print(f"Gift card {display_code(card.code)}: {format_money(card.balance_minor, cur)} "
          f"({state}, valid until {card.expires_at:%d %b %Y})", file=out)
    for move in card.moves:
        print(f"  {move.at.astimezone(tz):%Y-%m-%d %H:%M}  {REASONS.get(move.reason, move.reason):<18} "
              f"{format_money(move.delta_minor, cur):>14}  {move.what}", file=out)

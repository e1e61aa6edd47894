"""``kiosk sell``: a food and drink sale without tickets, the counter's snack-only sale.

Prices the items from the cinema's menu, takes the payment (``--pay`` as ``kiosk book`` takes it:
one method for the total, or parts with amounts, one of which may pay the rest) and takes the
stock in the same transaction; prints the reference the stand collects against and the slip.
Every refusal (unknown item, a choice missing, stock gone, short cash, a used UPI reference ...)
exits non-zero and leaves the database as it was. Cash needs an open shift; with none, a cash
sale opens one with ``--float`` (default 0) and says so, as ``kiosk book`` does.
"""

from __future__ import annotations

import argparse
import sys

from kiosk.commands._staff import add_staff_arguments, signed_in
from kiosk.commands.book import (
    _pay_parts,
    _pay_value,
    _with_rest,
    _with_shift,
    add_member_option,
    gift_card_balance,
    parse_amount,
)
from kiosk.commands.menu import _cinema
from kiosk.config import Config
from kiosk.domain.errors import InvalidInput, PaymentError, ShiftRequired
from kiosk.domain.loyalty import masked_phone
from kiosk.domain.money import format_money
from kiosk.domain.tenders import paid_text
from kiosk.services.item_sales import ItemSale, parse_orders
from kiosk.services.models import Payment

NAME = "sell"
HELP = "sell food and drink without tickets (items, pay, stock taken) and print the slip"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("Example: kiosk sell --item popcorn-l=2:salted --item cola-m "
                     "--pay card:500:4242 --pay cash --staff 1001")
    parser.add_argument("--item", action="append", default=[], metavar="ID[=QTY[:CHOICE,..]]",
                        help="an item or combo from `kiosk menu`, with a quantity and the "
                             "choices for one of it, e.g. popcorn-l=2:caramel,butter; repeat")
    parser.add_argument("--pay", action="append", default=[], metavar="METHOD[:AMOUNT[:REF]]",
                        type=_pay_value,
                        help="cash, card or upi for the whole total (none when a voucher's item "
                             "is all there is), or parts with amounts "
                             "(card:300:4242, upi:200:410522339876, cash); giftcard:CODE[:AMOUNT] "
                             "(without an amount it pays what it holds); one part may leave "
                             "out its amount: it pays the rest; points:AMOUNT pays with the "
                             "--member's points; cash gives change")
    add_member_option(parser)
    parser.add_argument("--voucher", default="", metavar="CODE",
                        help="an item voucher (see `kiosk voucher`): its item at no charge")
    add_payment_options(parser)
    add_staff_arguments(parser)


def add_payment_options(parser: argparse.ArgumentParser) -> None:
    """The options beside ``--pay`` of a sale that is not a booking (food, gift cards)."""
    parser.add_argument("--card-last4", metavar="NNNN", help="last 4 digits of the card")
    parser.add_argument("--upi-ref", metavar="REF", help="the UPI payment's 12-digit reference")
    parser.add_argument("--cinema", metavar="ID", help="the cinema (default: this kiosk's)")
    parser.add_argument("--float", dest="float_amount", default="0", metavar="AMOUNT",
                        help="float for a shift this sale has to open (cash, no open shift)")


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services

    orders = parse_orders(args.item)
    if not orders and not args.voucher:
        raise InvalidInput("Name what is sold: --item ID[=QTY[:CHOICE,..]] (repeat), or "
                           "--voucher CODE for a voucher's item.")
    if orders and not args.pay:
        raise PaymentError("Take payment with --pay (cash, card, upi, giftcard:CODE or "
                           "points:AMOUNT).")
    if any(p.strip().lower().startswith("split") for p in args.pay):
        raise PaymentError("kiosk sell takes --pay parts with amounts, not split.")
    args.tender, args.tendered = [], None  # the shared --pay reader's other options
    parts, rest_kind = _pay_parts(args) if args.pay else ([], "")
    float_minor = parse_amount(args.float_amount, "The float") or 0
    services = open_services(config)
    try:
        cinema_id = _cinema(services.deps.conn, args.cinema, config)
        with signed_in(services, args) as actor:
            due = services.items.quote(cinema_id, orders).total_minor if orders else 0
            payment = Payment(tenders=_with_rest(parts, rest_kind, due, config_currency(
                services, cinema_id), gift_card_balance(services)) if parts else ())
            try:
                sale = services.items.sell(actor, cinema_id, orders, payment, args.member,
                                           args.voucher)
            except ShiftRequired:  # all else was valid: open the drawer only now
                if services.shifts.current(actor) is not None:
                    raise
                sale = services.items.sell(_with_shift(services, actor, float_minor), cinema_id,
                                           orders, payment, args.member, args.voucher)
        print_sale(sale, services.items.slip(sale.reference))
        return 0
    finally:
        services.close()


def config_currency(services, cinema_id: str) -> str:
    return services.deps.conn.execute("SELECT currency FROM cinemas WHERE id = ?",
                                      (cinema_id,)).fetchone()[0]


def print_sale(sale: ItemSale, slip: list[str], out=None) -> None:
    out = out or sys.stdout
    cur = sale.currency
    print(f"Food and drink {sale.reference} paid", file=out)
    for line in sale.lines:
        print(f"  {line.qty} x {line.label:<40} {format_money(line.total_minor, cur):>14}",
              file=out)
    print(f"  Total {format_money(sale.total_minor, cur)} "
          f"(includes tax {format_money(sale.tax_minor, cur)})", file=out)
    print(f"  Paid {paid_text(sale.tenders, cur)}" if sale.tenders else "  Nothing to pay",
          file=out)
    change = sum(t.change_minor or 0 for t in sale.tenders)
    if change:
        print(f"  Change due {format_money(change, cur)}", file=out)
    if sale.member_phone:
        print(f"  Member {masked_phone(sale.member_phone)}: earned {sale.points_earned:,} points",
              file=out)
    print("Slip for the stand:", file=out)
    for text in slip:
        print(f"  {text}", file=out)

"""``kiosk book``: sell seats at the counter from a terminal, the same way the app does.

Holds the seats, prices them, takes the payment and confirms in one booking; prints the
reference, the seats, the total with its tax and the change due.

Cash needs an open shift (the cash goes into a drawer that is counted at cash-up). If you have
no shift open on this kiosk, a cash sale opens one for you with the float given by ``--float``
(default 0) and says so; close it with the cash-up in the app as usual. Card sales need no shift.
Every refusal (unknown show or seat, seat taken, past show, short cash, wrong PIN ...) is printed
on stderr, exits non-zero and leaves the database as it was: the hold is released again.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable

from kiosk.commands._staff import add_staff_arguments, signed_in
from kiosk.config import Config
from kiosk.domain.errors import InvalidInput, PaymentError, ShiftRequired
from kiosk.domain.loyalty import masked_phone
from kiosk.domain.money import format_money, parse_money
from kiosk.domain.tenders import paid_text, settle
from kiosk.services.item_sales import parse_orders
from kiosk.services.models import Payment, Tender, TicketType

NAME = "book"
HELP = "sell seats for a show (hold, pay, confirm) and print the booking reference"
TICKET_TYPES = [t.value for t in TicketType]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Cash goes into your shift's drawer: with no shift open on this kiosk, a cash sale opens "
        "one with the --float given (default 0); close it with the cash-up in the app. "
        "Example: kiosk book show-123 F7 F8 F9=child --pay cash --tendered 1000 --staff 1001")
    parser.add_argument("show", metavar="SHOW", help="show id (see `kiosk shows`)")
    parser.add_argument("seats", nargs="*", metavar="SEAT",
                        help="seat codes such as F7 F8; SEAT=TYPE sets that seat's ticket type, "
                             "e.g. F9=child")
    parser.add_argument("--best", type=int, metavar="N",
                        help="instead of naming seats: the best N seats together")
    parser.add_argument("--accessible", action="store_true",
                        help="with --best: include a wheelchair space and its companion seat")
    parser.add_argument("--ticket", default="adult", metavar="TYPE",
                        help=f"ticket type for seats without their own ({', '.join(TICKET_TYPES)}; "
                             "default adult)")
    parser.add_argument("--pay", required=True, action="append", metavar="METHOD[:AMOUNT]",
                        type=_pay_value,
                        help="payment: cash, card or upi for the whole total; repeat it with "
                             "amounts to split, e.g. --pay card:300 --pay cash:500 (one part "
                             "may leave out its amount: it pays the rest; a part may carry its "
                             "reference: card:300:4242, upi:200:410522339876); a gift card is "
                             "giftcard:CODE (it pays what it holds, up to the total) or "
                             "giftcard:CODE:AMOUNT; points:AMOUNT (or points alone: the rest) "
                             "pays with the --member's points; cash gives change")
    parser.add_argument("--tendered", metavar="AMOUNT",
                        help="cash received, e.g. 1000 or 1000.50 (default: the exact total)")
    parser.add_argument("--card-last4", metavar="NNNN", help="last 4 digits of the card (card only)")
    parser.add_argument("--upi-ref", metavar="REF", help="the UPI payment's reference (upi only)")
    parser.add_argument("--tender", action="append", default=[], metavar="KIND:AMOUNT[:REF]",
                        help="with --pay split: one part of the payment, e.g. card:300:4242, "
                             "upi:100:410522339876, cash:500; repeat for each part")
    parser.add_argument("--item", action="append", default=[], metavar="ID[=QTY[:CHOICE,..]]",
                        help="food and drink in the same basket and payment, e.g. "
                             "popcorn-l=2:salted (see `kiosk menu`); repeat for each")
    parser.add_argument("--promo", default="", metavar="CODE",
                        help="a promo code (see `kiosk offers`); the cinema's automatic offers "
                             "apply by themselves")
    add_member_option(parser)
    parser.add_argument("--contact", default="", metavar="EMAIL_OR_PHONE",
                        help="where to send the confirmation (optional)")
    parser.add_argument("--float", dest="float_amount", default="0", metavar="AMOUNT",
                        help="float for a shift this sale has to open (cash, no open shift; default 0)")
    add_staff_arguments(parser)


def add_member_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--member", default="", metavar="PHONE",
                        help="a loyalty member's mobile number (see `kiosk member`): the sale "
                             "earns points, member prices apply, --pay points:AMOUNT redeems")


def _ticket_type(text: str) -> str:
    value = text.strip().lower()
    if value not in TICKET_TYPES:
        raise InvalidInput(f"{text!r} is not a ticket type: use one of {', '.join(TICKET_TYPES)}.")
    return value


def parse_seats(tokens: list[str], default_type: str, max_seats: int) -> dict[str, str]:
    """``["F7", "F8=child"]`` -> ``{"F7": "adult", "F8": "child"}``; refuse absurd requests."""
    default = _ticket_type(default_type)
    if not tokens:
        raise InvalidInput("Name at least one seat, e.g. `kiosk book SHOW F7 F8 ...`.")
    if len(tokens) > max_seats:
        raise InvalidInput(f"At most {max_seats} seats can be booked at once ({len(tokens)} given).")
    chosen: dict[str, str] = {}
    for token in tokens:
        code, sep, kind = token.partition("=")
        code = code.strip().upper()
        if not code:
            raise InvalidInput(f"{token!r} is not a seat code.")
        if code in chosen:
            raise InvalidInput(f"Seat {code} is named twice.")
        chosen[code] = _ticket_type(kind) if sep else default
    return chosen


def parse_amount(text: str | None, what: str) -> int | None:
    if text is None:
        return None
    try:
        return parse_money(text)
    except ValueError:
        raise PaymentError(f"{what} must be a positive amount such as 500 or 500.50, not {text!r}.") from None


def parse_tenders(texts: list[str]) -> tuple[Tender, ...]:
    """``--tender KIND:AMOUNT[:REF]`` parts; the service checks that they add up."""
    if not texts:
        raise PaymentError("Give each part of a split payment with --tender KIND:AMOUNT[:REF].")
    tenders = []
    for text in texts:
        kind, _, rest = str(text).partition(":")
        amount, _, reference = rest.partition(":")
        if not amount:
            raise PaymentError(f"--tender {text!r}: write KIND:AMOUNT[:REF], e.g. card:300:4242.")
        tenders.append(Tender(kind.strip().lower(),
                              parse_amount(amount, f"The {kind} amount") or 0, reference.strip()))
    return tuple(tenders)


PAY_KINDS = ("cash", "card", "upi", "giftcard", "points")
GIFT_CARD = "giftcard"  # --pay giftcard:CODE[:AMOUNT]; recorded as the 'voucher' tender


def _pay_value(text: str) -> str:
    """The parser's check, so an unknown method stops there (exit 2) like any bad option."""
    if text.partition(":")[0].strip().lower() not in (*PAY_KINDS, "split"):
        raise argparse.ArgumentTypeError(
            f"{text!r}: pay by cash, card, upi, points (METHOD or METHOD:AMOUNT) or "
            "giftcard:CODE, or split")
    return text


def _pay_kind(text: str) -> str:
    kind = text.strip().lower()
    if kind not in PAY_KINDS:
        raise PaymentError(f"--pay {text!r}: pay by cash, card, upi, points (METHOD or "
                           "METHOD:AMOUNT) or giftcard:CODE.")
    return kind


def _gift_card_part(text: str) -> Tender:
    """``giftcard:CODE[:AMOUNT]``; without an amount (0 here) the card pays what it holds, up
    to what the other parts leave (``_with_rest``)."""
    code, _, amount_text = text.partition(":")[2].partition(":")
    if not code.strip():
        raise PaymentError("--pay giftcard needs the card's code: giftcard:CODE[:AMOUNT].")
    amount = parse_amount(amount_text, "The gift card amount") if amount_text.strip() else 0
    return Tender("voucher", amount or 0, code.strip())


def _pay_parts(args: argparse.Namespace) -> tuple[list[Tender | None], str]:
    """``--pay`` given several times or with amounts: the parts, one of which (None amount,
    kept as the part's kind in the second value) may pay the rest once the total is known."""
    if args.tender:
        raise PaymentError("--tender is for --pay split; with several --pay, give each part there.")
    if args.tendered:
        raise PaymentError("With --pay METHOD:AMOUNT, give the cash received as cash:AMOUNT, "
                           "not --tendered.")
    parts: list[Tender | None] = []
    rest_kind = ""
    kinds = [_pay_kind(p.partition(":")[0]) for p in args.pay]
    cards, upis = kinds.count("card"), kinds.count("upi")
    if args.card_last4 and cards != 1:
        raise PaymentError("--card-last4 goes with exactly one card part; "
                           "otherwise write card:AMOUNT:NNNN for each.")
    if args.upi_ref and upis != 1:
        raise PaymentError("--upi-ref goes with exactly one upi part; "
                           "otherwise write upi:AMOUNT:UTR for each.")
    for text, kind in zip(args.pay, kinds, strict=True):
        if kind == GIFT_CARD:
            parts.append(_gift_card_part(text))
            continue
        amount_text, _, reference = text.partition(":")[2].partition(":")
        reference = reference.strip()
        if kind == "points":
            if reference:
                raise PaymentError("Points pay for the --member: write points:AMOUNT.")
            reference = _member_phone(args)
        flag = {"card": args.card_last4, "upi": args.upi_ref}.get(kind)
        if reference and flag:
            raise PaymentError(f"The {kind} part carries its own reference ({reference}); "
                               f"leave out --{'card-last4' if kind == 'card' else 'upi-ref'}.")
        if not reference and flag:
            reference = flag
        if not amount_text.strip():
            if rest_kind:
                raise PaymentError("Only one --pay part may leave out its amount (it pays the rest).")
            rest_kind = f"{kind}:{reference}"
            parts.append(None)
            continue
        parts.append(Tender(kind, parse_amount(amount_text, f"The {kind} amount") or 0, reference))
    return parts, rest_kind


def _member_phone(args: argparse.Namespace) -> str:
    member = str(getattr(args, "member", "") or "").strip()
    if not member:
        raise PaymentError("--pay points needs the member: add --member PHONE.")
    return member


def _with_rest(parts: list[Tender | None], rest_kind: str, total_minor: int,
               currency: str, balance_of: Callable[[str], int] | None = None
               ) -> tuple[Tender, ...]:
    """The parts with the one left open paying what the others do not (cash: exactly that).

    A gift card part without an amount pays what the card holds (``balance_of``), at most what
    the parts with amounts leave; the open part then pays the rest."""
    parts = list(parts)
    for n, part in enumerate(parts):
        if part is not None and part.kind == "voucher" and part.amount_minor == 0:
            if balance_of is None:
                raise PaymentError("Give the gift card's amount: giftcard:CODE:AMOUNT.")
            fixed = sum(p.amount_minor for p in parts if p is not None)
            pays = min(balance_of(part.reference), max(0, total_minor - fixed))
            if pays <= 0:
                raise PaymentError(f"Gift card {part.reference} has nothing to pay here: it is "
                                   "empty, or the other payments already cover the total.")
            parts[n] = Tender("voucher", pays, part.reference)
    given = sum(p.amount_minor for p in parts if p is not None)
    if not rest_kind:
        return tuple(p for p in parts if p is not None)
    rest = total_minor - given
    if rest <= 0 and any(p is not None and p.kind == "voucher" for p in parts):
        raise PaymentError(f"The gift card pays the whole {format_money(total_minor, currency)}:"
                           " leave out the part without an amount.")
    if rest <= 0:
        raise PaymentError(f"The other payments already cover the {format_money(total_minor, currency)}"
                           " due: remove the part without an amount.")
    kind, _, reference = rest_kind.partition(":")
    return tuple(p if p is not None else Tender(kind, rest, reference) for p in parts)


def _payment_args(args: argparse.Namespace) -> tuple[int | None, str | None]:
    if args.tender and args.pay != "split":
        raise PaymentError("--tender is for --pay split.")
    if args.pay == "split" and (args.tendered or args.card_last4 or args.upi_ref):
        raise PaymentError("With --pay split, give every part (cash too) with --tender.")
    if args.upi_ref and args.pay != "upi":
        raise PaymentError("--upi-ref is for UPI payments.")
    if args.pay == "points":
        _member_phone(args)
        return None, None
    if args.pay in ("upi", "split"):
        if args.pay == "upi" and not (args.upi_ref or "").strip():
            raise PaymentError("Enter the UPI reference with --upi-ref.")
        return None, None
    tendered = parse_amount(args.tendered, "The cash received")
    if args.pay == "card" and tendered is not None:
        raise PaymentError("--tendered is for cash; a card pays the exact total.")
    if args.pay == "cash" and args.card_last4:
        raise PaymentError("--card-last4 is for card payments.")
    if args.pay == "card" and not args.card_last4:
        raise PaymentError("Enter the last 4 digits of the card with --card-last4.")
    return tendered, args.card_last4


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services

    # Everything that needs no database is checked before anything is written.
    if args.best is not None:
        if args.seats:
            raise InvalidInput("Name the seats or ask for --best N, not both.")
        if not 1 <= args.best <= config.max_seats_per_booking:
            raise InvalidInput(f"--best takes 1 to {config.max_seats_per_booking} seats, not {args.best}.")
        default_type = _ticket_type(args.ticket)
        tickets = {}
    else:
        if args.accessible:
            raise InvalidInput("--accessible goes with --best N.")
        tickets = parse_seats(args.seats, args.ticket, config.max_seats_per_booking)
    pays = [p.strip() for p in args.pay]
    multi = len(pays) > 1 or ":" in pays[0]
    if multi and "split" in (p.lower() for p in pays):
        raise PaymentError("--pay split goes alone, with one --tender per part.")
    open_parts: list[Tender | None] = []
    rest_kind = ""
    if multi:
        open_parts, rest_kind = _pay_parts(args)
        args.pay, tendered, last4, parts = "split", None, None, ()
    else:
        args.pay = pays[0].lower() if pays[0].lower() == "split" else _pay_kind(pays[0])
        tendered, last4 = _payment_args(args)
        parts = parse_tenders(args.tender) if args.pay == "split" else ()
    float_minor = parse_amount(args.float_amount, "The float")
    orders = parse_orders(args.item)
    services = open_services(config)
    try:
        with signed_in(services, args) as actor:
            if args.best is not None:
                hold = services.booking.hold_best(actor, args.show, args.best, args.accessible)
                tickets = dict.fromkeys(hold.seats, default_type)
            else:
                hold = services.booking.hold(actor, args.show, list(tickets))
            try:
                quote = services.booking.quote(hold.hold_id, tickets, args.promo, args.member)
                if orders:  # the basket's total: tickets and food and drink, one payment
                    cinema_id = services.catalogue.show(args.show).summary.cinema_id
                    food = services.items.quote(cinema_id, orders)
                    quote = dataclasses.replace(
                        quote, total_minor=quote.total_minor + food.total_minor,
                        tax_minor=quote.tax_minor + food.tax_minor)
                if args.pay == "cash":
                    if tendered is None:
                        tendered = quote.total_minor
                    if tendered < quote.total_minor:
                        short = quote.total_minor - tendered
                        raise PaymentError(
                            f"Cash is {format_money(short, quote.currency)} short: due "
                            f"{format_money(quote.total_minor, quote.currency)}, received "
                            f"{format_money(tendered, quote.currency)}.")
                if open_parts:
                    parts = _with_rest(open_parts, rest_kind, quote.total_minor, quote.currency,
                                       gift_card_balance(services))
                if args.pay == "split":
                    # Checked here first so that the one refusal left below is the missing
                    # shift (opening one for a split that cannot be paid would change the db).
                    settle(quote.total_minor, parts, quote.currency)
                    payment = Payment(tenders=parts)
                elif args.pay == "upi":
                    payment = Payment("upi", reference=args.upi_ref)
                elif args.pay == "points":
                    payment = Payment("points", reference=args.member)
                else:
                    payment = Payment(args.pay, tendered_minor=tendered, card_last4=last4)
                try:
                    booking = services.booking.confirm(actor, hold.hold_id, tickets, payment,
                                                       args.contact, orders, args.promo,
                                                       args.member)
                except ShiftRequired:
                    # Everything else about the sale was valid (the service checks the drawer
                    # last); open the shift only now, so a refused sale changes nothing.
                    takes_cash = args.pay == "cash" or any(
                        t.kind == "cash" for t in payment.tenders)
                    if not takes_cash or services.shifts.current(actor) is not None:
                        raise
                    actor = _with_shift(services, actor, float_minor or 0)
                    booking = services.booking.confirm(actor, hold.hold_id, tickets, payment,
                                                       args.contact, orders, args.promo,
                                                       args.member)
            except BaseException:
                services.booking.release(hold.hold_id)
                raise
        print_booking(booking)
        sale = services.items.for_booking(booking.booking_id)  # items, or a voucher's item
        if sale is not None:
            from kiosk.commands.sell import print_sale

            print_sale(sale, services.items.slip(sale.reference))
            print(f"Basket total {format_money(booking.total_minor + sale.total_minor, sale.currency)}"
                  " (tickets and food and drink, one payment)")
        return 0
    finally:
        services.close()


def gift_card_balance(services) -> Callable[[str], int]:
    """What a gift card holds, for a ``giftcard:CODE`` part without an amount."""
    return lambda code: services.gift_cards.balance(code).balance_minor


def _with_shift(services, actor, float_minor: int):
    """The actor with an open shift on this kiosk, opening one when there is none."""
    current = services.shifts.current(actor)
    if current is None:
        current = services.shifts.open(actor, float_minor)
        print(f"Opened shift {current.shift_id} for {actor.name} on {actor.kiosk_id} with a float of "
              f"{format_money(float_minor, current.currency)}; close it with the cash-up in the app.",
              file=sys.stderr)
    return dataclasses.replace(actor, shift_id=current.shift_id)


def print_booking(booking, out=None) -> None:
    out = out or sys.stdout
    show = booking.show
    cur = booking.currency
    print(f"Booking {booking.reference} confirmed", file=out)
    print(f"  {show.film_title} ({show.certificate}), {show.cinema_name} {show.hall_name}, "
          f"{show.local_start:%a %d %b %Y %H:%M}", file=out)
    for line in booking.lines:
        print(f"  {line.seat_code:<6} {line.seat_type:<10} {line.ticket_type:<8} "
              f"{format_money(line.price_minor + line.discount_minor, cur):>14}", file=out)
    for discount in booking.discounts:
        label = f"{discount.label} ({discount.code})" if discount.code else discount.label
        print(f"  {label:<26} {format_money(-discount.amount_minor, cur):>14}", file=out)
    print(f"  Total {format_money(booking.total_minor, cur)} "
          f"(includes tax {format_money(booking.tax_minor, cur)})", file=out)
    if not booking.tenders and booking.total_minor == 0:
        print("  Nothing to pay", file=out)
    elif len(booking.tenders) > 1 or booking.payment_method in ("upi", "voucher", "points"):
        print(f"  Paid {paid_text(booking.tenders, cur)}", file=out)
        if booking.change_minor:
            print(f"  Change due {format_money(booking.change_minor, cur)}", file=out)
    elif booking.payment_method == "cash":
        print(f"  Paid cash {format_money(booking.tendered_minor or 0, cur)}, "
              f"change due {format_money(booking.change_minor or 0, cur)}", file=out)
    else:
        print(f"  Paid by card ending {booking.card_last4}", file=out)
    if booking.member_phone:
        print(f"  Member {masked_phone(booking.member_phone)}: earned "
              f"{booking.points_earned:,} points", file=out)
    if booking.customer_contact:
        print(f"  Confirmation goes to {booking.customer_contact}", file=out)

"""``kiosk refund``: refund a whole booking or some of its seats, back to the way it was paid.

A cash refund comes out of your drawer, so like a cash sale it needs an open shift; with none
open on this kiosk (and the refund otherwise valid) one is opened with the ``--float`` given
(default 0) and you are told.
Refunds above the cashier limit are recorded and wait for a manager's approval (the command
says so and exits with a non-zero code, because no money was handed back yet).
"""

from __future__ import annotations

import argparse

from kiosk.commands._staff import add_staff_arguments, signed_in
from kiosk.commands.book import _with_shift, parse_amount
from kiosk.config import Config
from kiosk.domain import refund_reasons
from kiosk.domain.errors import ApprovalRequired, InvalidInput, PaymentError, ShiftRequired
from kiosk.domain.money import format_money
from kiosk.services.item_sales import REFERENCE_PREFIX

NAME = "refund"
HELP = "refund a booking (all seats, or the seats named with --seats)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "The money goes back the way it was paid. A cash refund needs an open shift; with none "
        "open on this kiosk one is opened with the --float given (default 0). Refunds above the "
        "cashier limit wait for a manager's approval in the app.")
    parser.add_argument("reference", metavar="REF",
                        help="booking reference, e.g. K7QX-4M2P, or a food and drink sale's, "
                             "e.g. FD-K7QX-4M2P")
    parser.add_argument("--lines", nargs="+", metavar="LINE=QTY",
                        help="food and drink: refund only these lines and quantities, e.g. 1=2 "
                             "(default: everything not yet refunded); stock goes back to the stand")
    parser.add_argument("--seats", nargs="+", metavar="SEAT",
                        help="refund only these seats (default: every seat still held)")
    parser.add_argument("--reason", default="", metavar="CODE",
                        help="why (required), kept with the refund: "
                             + ", ".join(refund_reasons.CODES))
    parser.add_argument("--note", default="", help="a few words of your own with the reason "
                                                   "(needed with --reason other)")
    parser.add_argument("--float", dest="float_amount", default="0", metavar="AMOUNT",
                        help="float for a shift a cash refund has to open (default 0)")
    add_staff_arguments(parser)


def _seat_list(seats: list[str] | None, max_seats: int) -> list[str] | None:
    if seats is None:
        return None
    codes = [s.strip().upper() for s in seats]
    if any(not c for c in codes):
        raise InvalidInput("A seat code is empty.")
    if len(set(codes)) != len(codes):
        raise InvalidInput("A seat is named twice.")
    if len(codes) > max_seats:
        raise InvalidInput(f"A booking has at most {max_seats} seats.")
    return codes


def _line_quantities(texts: list[str] | None) -> dict[int, int] | None:
    if texts is None:
        return None
    out: dict[int, int] = {}
    for text in texts:
        line, sep, qty = text.partition("=")
        try:
            number, count = int(line), int(qty) if sep else 1
        except ValueError:
            raise InvalidInput(f"--lines {text!r}: write LINE=QTY, e.g. 1=2.") from None
        if number in out:
            raise InvalidInput(f"--lines names line {number} twice: give it once, with the "
                               "quantity to refund.")
        out[number] = count
    return out


def _refund_items(services, args: argparse.Namespace, float_minor: int) -> int:
    """A food and drink refund: by line and quantity, stock back, money to what paid it."""
    quantities = _line_quantities(args.lines)
    if args.seats:
        raise InvalidInput("--seats is for bookings; a food and drink sale takes --lines.")
    with signed_in(services, args) as actor:
        try:
            result = services.items.refund(actor, args.reference, quantities, args.reason)
        except ShiftRequired:  # all else valid: cash back needs a drawer
            if services.shifts.current(actor) is not None:
                raise
            result = services.items.refund(_with_shift(services, actor, float_minor),
                                           args.reference, quantities, args.reason)
    parts = " + ".join(f"{kind} {format_money(amount, result.currency)}"
                       for kind, amount in result.parts)
    print(f"Refunded {format_money(result.amount_minor, result.currency)} on {result.reference}"
          f" ({parts}); back in stock: "
          + (", ".join(f"{n} x {item}" for item, n in sorted(result.returned.items()))
             or "nothing counted"))
    return 0


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services

    seats = _seat_list(args.seats, config.max_seats_per_booking)
    if args.note and not args.reason:
        raise InvalidInput("--note goes with a --reason: e.g. --reason other --note 'seat broken'.")
    if not args.reason.strip():  # the services refuse it too; said here in the command's words
        raise InvalidInput("Say why the money goes back: --reason CODE, one of "
                           + ", ".join(refund_reasons.CODES) + " (--reason other --note '...' "
                           "for anything else).")
    args.reason = refund_reasons.required(f"{args.reason}: {args.note}" if args.note
                                          else args.reason)
    float_minor = parse_amount(args.float_amount, "The float") or 0
    services = open_services(config)
    try:
        if args.reference.strip().upper().startswith(REFERENCE_PREFIX):
            return _refund_items(services, args, float_minor)
        if args.lines:
            raise InvalidInput("--lines is for food and drink sales (FD-...); use --seats.")
        with signed_in(services, args) as actor:
            try:
                result = services.booking.refund(actor, args.reference, seats, args.reason)
            except PaymentError:
                # Cash back needs a drawer: open a shift only once the refund itself is valid
                # and this is the one thing missing, so a refused refund changes nothing.
                booking = services.booking.get(args.reference)
                took_cash = booking.payment_method == "cash" or any(
                    t.kind == "cash" for t in booking.tenders)
                if not took_cash or services.shifts.current(actor) is not None:
                    raise
                actor = _with_shift(services, actor, float_minor)
                result = services.booking.refund(actor, args.reference, seats, args.reason)
        amount = format_money(result.amount_minor, result.currency)
        if result.state == "pending_approval":
            raise ApprovalRequired(
                f"Refund of {amount} for {result.booking_reference} (seats {' '.join(result.seats)}) "
                f"is recorded and waits for a manager's approval. Do not hand out money yet.")
        how = {"cash": "in cash", "card": "to the card", "upi": "to the UPI account",
               "voucher": "back onto the gift card",
               "split": "to the original payments (card, UPI, gift card first; cash last)",
               }.get(result.method, "to the original payment")
        if result.to_pay_out:
            print(f"Refund of {amount} for booking {result.booking_reference} is approved but no "
                  f"open drawer paid it: it is TO PAY OUT from an open shift (refund "
                  f"{result.refund_id}).")
            return 0
        print(f"Refunded {amount} {how} for booking {result.booking_reference}, "
              f"seats {' '.join(result.seats)} (refund {result.refund_id}).")
        return 0
    finally:
        services.close()

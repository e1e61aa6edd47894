"""``kiosk limits``: a cinema's money limits and late-sale window; a manager changes them.

Limits that are money belong to a currency, so they are the cinema's (migration 0012), not
config keys: a refund limit of 1,000 means rupees in Mumbai and dirhams in Dubai otherwise.
Showing needs no sign-in; changing signs a manager in (``$KIOSK_PIN`` or a prompt) and is audited.
"""

from __future__ import annotations

import argparse

from kiosk.commands._staff import signed_in
from kiosk.commands.book import parse_amount
from kiosk.config import Config
from kiosk.domain.errors import InvalidInput
from kiosk.domain.money import format_money
from kiosk.services import money_controls

NAME = "limits"
HELP = "show a cinema's refund limits, cash-up variance threshold and late-sale window " \
       "(a manager can change them)"
DEFAULT = "default"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("Amounts are in the cinema's currency, e.g. 1000 or 1000.50; 'default' "
                     "goes back to the currency's default. Changing needs --staff (a manager).")
    parser.add_argument("--cinema", help="the cinema id (default: this device's cinema)")
    parser.add_argument("--refund-limit", metavar="AMOUNT",
                        help="what a cashier may refund on one booking without a manager")
    parser.add_argument("--shift-refund-limit", metavar="AMOUNT",
                        help="what a cashier may refund in one shift without a manager")
    parser.add_argument("--variance-threshold", metavar="AMOUNT",
                        help="cash-up variance (either way) flagged for a manager")
    parser.add_argument("--late-sale-minutes", type=int, metavar="N",
                        help="keep selling until N minutes after a show starts (0-240)")
    parser.add_argument("--staff", metavar="NUMBER", help="a manager's staff number, to change")


def _amount(text: str | None, what: str) -> tuple[bool, int | None]:
    if text is None:
        return False, None
    if text.strip().lower() == DEFAULT:
        return True, None
    return True, parse_amount(text, what)


def _changes(args: argparse.Namespace) -> dict[str, int | None]:
    changes: dict[str, int | None] = {}
    for key, text, what in (
            ("cashier_refund_limit_minor", args.refund_limit, "The refund limit"),
            ("shift_refund_limit_minor", args.shift_refund_limit, "The shift refund limit"),
            ("cash_variance_threshold_minor", args.variance_threshold, "The variance threshold")):
        given, value = _amount(text, what)
        if given:
            changes[key] = value
    if args.late_sale_minutes is not None:
        changes["late_sale_minutes"] = money_controls.check_late_sale_minutes(args.late_sale_minutes)
    return changes


def describe(c: money_controls.MoneyControls) -> str:
    shift = ("no limit" if c.shift_refund_limit_minor is None
             else format_money(c.shift_refund_limit_minor, c.currency))
    return "\n".join((
        f"Cinema {c.cinema_id} ({c.currency})",
        f"  refund limit per booking:  {format_money(c.cashier_refund_limit_minor, c.currency)}",
        f"  refund limit per shift:    {shift}",
        f"  cash-up variance flagged:  over {format_money(c.cash_variance_threshold_minor, c.currency)}",
        f"  late sales:                {c.late_sale_minutes} minutes after the start",
    ))


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services

    changes = _changes(args)
    if changes and not args.staff:
        raise InvalidInput("Changing limits needs a manager: add --staff NUMBER.")
    services = open_services(config)
    try:
        conn = services.deps.conn
        found = (money_controls.for_cinema(conn, args.cinema) if args.cinema
                 else money_controls.for_device(conn, config.cinema_id))
        if found is None:
            raise InvalidInput("This database has several cinemas (or none): name one with "
                               "--cinema.")
        if changes:
            with signed_in(services, args) as actor:
                found = money_controls.set_controls(services.deps, actor, found.cinema_id,
                                                    changes)
            print("Changed.")
        print(describe(found))
        return 0
    finally:
        services.close()

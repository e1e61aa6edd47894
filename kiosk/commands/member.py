"""``kiosk member``: join a loyalty member, see a member's points and booking history.

``join PHONE [--name NAME]`` makes the mobile number a member (joining again keeps the points);
``show PHONE`` prints the points, what they are worth and the member's last sales (on every
device, with cloud sync on). Both are staff actions, signed in with ``--staff``: a member's
history is personal data. A number without its country code takes the cinema's.
"""

from __future__ import annotations

import argparse
import sys
from zoneinfo import ZoneInfo

from kiosk.commands._staff import add_staff_arguments, signed_in
from kiosk.commands.menu import _cinema
from kiosk.config import Config
from kiosk.domain.money import format_money
from kiosk.services.loyalty import Member, Visit, describe_balance

NAME = "member"
HELP = "join a loyalty member, or show a member's points and booking history"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("Examples: kiosk member join 98765 43210 --name 'Asha Rao' --staff 1001; "
                     "kiosk member show +919876543210 --staff 1001")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    join = sub.add_parser("join", help="make a mobile number a member")
    join.add_argument("phone", metavar="PHONE")
    join.add_argument("--name", default="", help="the member's name (optional)")
    show = sub.add_parser("show", help="a member's points and last sales")
    show.add_argument("phone", metavar="PHONE")
    for action in (join, show):
        action.add_argument("--cinema", metavar="ID",
                            help="the cinema whose country and currency apply (default: this "
                                 "kiosk's)")
        add_staff_arguments(action)


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.services.app import open_services

    services = open_services(config)
    try:
        conn = services.deps.conn
        cinema_id = _cinema(conn, args.cinema, config)
        currency, zone = conn.execute("SELECT currency, timezone FROM cinemas WHERE id = ?",
                                      (cinema_id,)).fetchone()
        loyalty = services.loyalty
        with signed_in(services, args) as actor:
            if args.action == "join":
                member = loyalty.join(actor, args.phone, currency, args.name)
                print(f"Member {member.masked_phone}{_named(member)} joined: "
                      f"{describe_balance(member, currency)}")
                return 0
            member = loyalty.find(args.phone, currency, actor)
            visits = loyalty.history(actor, args.phone, currency)
        print_member(member, visits, currency, ZoneInfo(zone))
        return 0
    finally:
        services.close()


def _named(member: Member) -> str:
    return f" ({member.name})" if member.name else ""


def print_member(member: Member, visits: list[Visit], currency: str, tz: ZoneInfo,
                 out=None) -> None:
    out = out or sys.stdout
    stale = "" if member.current else " (last known here: the cloud cannot be asked now)"
    print(f"Member {member.phone}{_named(member)}: {describe_balance(member, currency)}{stale}",
          file=out)
    print(f"  Joined {member.joined_at.astimezone(tz):%d %b %Y}", file=out)
    if not visits:
        print("  No sales yet.", file=out)
    for v in visits:
        money = format_money(v.amount_minor, v.currency) if v.currency else ""
        state = f" ({v.state.replace('_', ' ')})" if v.state not in ("", "confirmed", "sold") else ""
        print(f"  {v.at.astimezone(tz):%Y-%m-%d %H:%M}  {v.reference:<12} {v.what:<44} "
              f"{money:>14}  +{v.points:,} pts{state}", file=out)

"""``kiosk cloud``: set up and try out the cloud side.

* ``init``: create the DynamoDB table (TTL on hold expiry) and the SNS topic, idempotently.
* ``local``: run a local DynamoDB+SNS endpoint (moto) on 127.0.0.1 for demos, until Ctrl-C.
* ``simulate-web``: play the online channel, buying seats of one show at a given rate.
* ``status``: reachability, pending work, conflicts and dead letters (rows the sync worker gave
  up on, each with its reason) of this kiosk.
* ``dead-letter``: list the dead letters; a manager retries them (``--retry ID``, ``--retry-all``)
  or saves them to a file (``--export FILE``: ``.json``, else CSV). The role is checked, and the
  action audited, by ``kiosk.services.outbox``.
* ``verify``: check that this kiosk's synced sales are still in the cloud; resend what is not
  (the anti-entropy check the sync engine also runs every ``verify_interval_s``).
* ``allocate`` / ``release``: a manager sets seats aside for offline selling, or gives them back.
* ``policy``: print the least-privilege IAM policy of a device role (``kiosk.cloud.policy``).
* ``publish``: a manager publishes the cinema's catalogue and staff (``kiosk.commands.cloud_publish``).
* ``join``: make this device a member of a cinema: an empty database filled from the cloud
  (``kiosk.cloud.join``).
"""

from __future__ import annotations

import argparse
import json
import time

from kiosk.config import Config
from kiosk.domain.errors import InvalidInput, KioskError, NotFound

NAME = "cloud"
HELP = ("cloud set-up and tools: init, local, simulate-web, status, verify, dead-letter, "
        "allocate, release, policy, join, publish")


class CloudCommandError(KioskError):
    """A cloud problem the person running the command must fix (message says how)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="cloud_command", metavar="ACTION", required=True)
    sub.add_parser("init", help="create the table and topic (safe to repeat)")
    local = sub.add_parser("local", help="run a local moto endpoint on 127.0.0.1 until Ctrl-C")
    local.add_argument("--port", type=int, default=None, help="port (default: config local_port)")
    web = sub.add_parser("simulate-web", help="the online channel buying seats of one show")
    web.add_argument("--show", required=True, help="show id")
    web.add_argument("--rate", type=float, default=1.0, help="bookings per second (0 = flat out)")
    web.add_argument("--duration", type=float, default=None, help="stop after this many seconds")
    web.add_argument("--seats", type=int, default=2, help="seats per booking (default 2)")
    sub.add_parser("status", help="is the cloud reachable; what is waiting to be sent")
    sub.add_parser("verify", help="check synced sales are still in the cloud; resend what is not")
    dead = sub.add_parser(
        "dead-letter", help="sales, refunds and messages the sync gave up on: list them; a "
        "manager retries or exports them",
        description="Without options: list the rows the sync worker stopped retrying, with why. "
        "Retrying and exporting need a manager's staff number and PIN. The list exits with "
        "status 1 while any row is stuck.")
    dead.add_argument("--retry", type=int, action="append", metavar="ID", default=[],
                      help="send this row again (repeatable; IDs from the list)")
    dead.add_argument("--retry-all", action="store_true", help="send every dead row again")
    dead.add_argument("--export", metavar="FILE",
                      help="save the dead rows to FILE (.json for JSON, otherwise CSV)")
    dead.add_argument("--staff", metavar="NUMBER",
                      help="manager's staff number (needed for --retry, --retry-all, --export)")
    for name, text in (("allocate", "set seats aside for this kiosk's offline selling"),
                       ("release", "give this kiosk's unsold allocated seats back")):
        p = sub.add_parser(name, help=f"{text} (manager)")
        p.add_argument("--show", required=True, help="show id")
        if name == "allocate":
            p.add_argument("--count", type=int, required=True, help="how many seats")
        from kiosk.commands._staff import add_staff_arguments

        add_staff_arguments(p)
    _add_join_and_policy(sub)
    from kiosk.commands import cloud_publish

    cloud_publish.add_parser(sub)
    from kiosk.commands import cloud_day

    cloud_day.add_parser(sub)


def run(args: argparse.Namespace, config: Config) -> int:
    handlers = {"init": _init, "local": _local, "simulate-web": _simulate_web,
                "status": _status, "verify": _verify, "dead-letter": _dead_letter,
                "allocate": _allocate,
                "release": _release, "policy": _policy, "join": _join,
                "publish": _publish, "pull-day": _pull_day}
    return handlers[args.cloud_command](args, config)


def _clients(config: Config):
    from kiosk.cloud.clients import CloudClients
    from kiosk.cloud.errors import CloudUnavailable

    try:
        return CloudClients(config.cloud)
    except CloudUnavailable as err:
        raise CloudCommandError(str(err)) from None


def _init(args: argparse.Namespace, config: Config) -> int:
    from kiosk.cloud.errors import CloudError, CloudUnavailable
    from kiosk.cloud.table import ensure_table, ensure_topic

    clients = _clients(config)
    where = config.cloud.endpoint_url or f"AWS {config.cloud.region}"
    try:
        created = ensure_table(clients.dynamodb, config.cloud.table)
        arn = ensure_topic(clients.sns, config.cloud.topic_arn, config.cloud.topic_name)
    except (CloudUnavailable, CloudError) as err:
        raise CloudCommandError(f"{where}: {err}") from None
    print(f"table {config.cloud.table}: {'created' if created else 'already there'} ({where})")
    print(f"topic: {arn}")
    if not config.cloud.topic_arn:
        print(f"  (optional) set [cloud] topic_arn = \"{arn}\" in kiosk.toml")
    return 0


def _local(args: argparse.Namespace, config: Config) -> int:
    from kiosk.cloud.clients import CloudClients
    from kiosk.cloud.server import LocalCloud
    from kiosk.cloud.table import ensure_table, ensure_topic

    port = args.port or config.cloud.local_port
    with LocalCloud(port) as cloud:
        from dataclasses import replace

        cloud_config = replace(config.cloud, endpoint_url=cloud.endpoint_url)
        clients = CloudClients(cloud_config)
        ensure_table(clients.dynamodb, cloud_config.table)
        arn = ensure_topic(clients.sns, "", cloud_config.topic_name)
        print(f"Local cloud (moto) on {cloud.endpoint_url}: table {cloud_config.table}, "
              f"topic {arn}")
        print("Point each kiosk at it (fake credentials are fine), e.g. two kiosks:\n"
              f"  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing\n"
              f"  KIOSK_CLOUD_ENABLED=1 KIOSK_CLOUD_ENDPOINT_URL={cloud.endpoint_url} "
              "kiosk --db kiosk1.db --kiosk-id KIOSK-1\n"
              f"  KIOSK_CLOUD_ENABLED=1 KIOSK_CLOUD_ENDPOINT_URL={cloud.endpoint_url} "
              "kiosk --db kiosk2.db --kiosk-id KIOSK-2\n"
              "  (or put endpoint_url under [cloud] in kiosk.toml)\n"
              f"  the web: kiosk cloud simulate-web --show SHOW_ID --rate 1 "
              f"(with KIOSK_CLOUD_ENDPOINT_URL={cloud.endpoint_url})\n"
              "Press Ctrl-C to stop (all cloud data is lost).", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("stopped")
    return 0


def _show_cinema(config: Config, show_id: str) -> str:
    """The show's cinema, for the claims' show check (the configured one if not found here)."""
    from kiosk.cloud.sellers import cinema_of
    from kiosk.store.db import connect

    conn = connect(config.db_path)
    try:
        return cinema_of(conn, show_id) or config.cinema_id
    finally:
        conn.close()


def _show_seats(config: Config, show_id: str) -> tuple[list[str], str]:
    from kiosk.domain.layout import HallLayout
    from kiosk.store.db import open_db

    db = open_db(config.db_path)
    try:
        row = db.conn.execute(
            "SELECT h.layout, c.currency FROM shows s JOIN halls h ON h.id = s.hall_id "
            "JOIN cinemas c ON c.id = h.cinema_id WHERE s.id = ?", (show_id,)).fetchone()
    finally:
        db.conn.close()
    if row is None:
        raise NotFound(f"There is no show {show_id} in {config.db_path} (run `kiosk shows`).")
    return list(HallLayout.from_spec(json.loads(row[0])).seats), row[1]


def _simulate_web(args: argparse.Namespace, config: Config) -> int:
    from kiosk.cloud.channel import CHANNEL_ID, OnlineChannel
    from kiosk.cloud.claims import SeatClaims
    from kiosk.cloud.errors import CloudError, CloudUnavailable

    if args.seats < 1 or args.rate < 0:
        raise InvalidInput("--seats must be at least 1 and --rate not negative.")
    seats, currency = _show_seats(config, args.show)
    clients = _clients(config)
    channel = OnlineChannel(SeatClaims(clients.dynamodb, clients.table, CHANNEL_ID),
                            currency=currency, cinema_id=_show_cinema(config, args.show))
    print(f"online channel selling {args.show} ({len(seats)} seats) at {args.rate}/s; Ctrl-C stops")
    try:
        sales = channel.sell_until_full(
            args.show, seats, batch=args.seats, rate_per_s=args.rate, duration_s=args.duration,
            on_sale=lambda s: print(f"sold {s.reference}: {', '.join(s.seats)}", flush=True),
            on_miss=lambda m: print(f"missed: {m}", flush=True))
    except KeyboardInterrupt:
        return 0
    except (CloudUnavailable, CloudError) as err:
        raise CloudCommandError(str(err)) from None
    print(f"{len(sales)} online bookings, {sum(len(s.seats) for s in sales)} seats")
    return 0


def _status(args: argparse.Namespace, config: Config) -> int:
    from kiosk.cloud.engine import SyncEngine
    from kiosk.services import outbox

    engine = SyncEngine(config)
    try:
        engine.worker._probe()
        status = engine.status()
        status["dead_letter_rows"] = [
            {"id": d.id, "booking_id": d.booking_id, "reference": d.reference, "kind": d.kind,
             "dead_at": d.dead_at.isoformat(), "reason": d.reason}
            for d in outbox.dead_letters(engine.worker.conn)]
    finally:
        engine.close()
    print(json.dumps(status, indent=2))
    return 0 if status["online"] else 1


def _dead_letter(args: argparse.Namespace, config: Config) -> int:
    """List the dead letters; with --retry / --retry-all / --export, a manager acts on them."""
    from kiosk.commands._staff import signed_in
    from kiosk.services import outbox
    from kiosk.services.app import open_services

    if args.retry and args.retry_all:
        raise InvalidInput("Give either --retry ID or --retry-all, not both (nothing was changed).")
    acting = bool(args.retry or args.retry_all or args.export)
    if acting and not args.staff:
        raise InvalidInput("Retrying or exporting needs a manager: add --staff NUMBER (the PIN "
                           "is asked for). Nothing was changed.")
    services = open_services(config)
    try:
        if not acting:
            rows = outbox.dead_letters(services.deps.conn)
            if not rows:
                print("No dead letters: nothing is stuck.")
                return 0
            print(f"{len(rows)} row(s) the sync gave up on (a manager can retry them with "
                  "`kiosk cloud dead-letter --retry ID --staff NUMBER`):")
            for d in rows:
                print(f"  {d.id:>6}  {d.kind:<8} {d.reference or d.booking_id or '-':<12} "
                      f"gave up {d.dead_at:%Y-%m-%d %H:%M} UTC: {d.reason}")
            return 1
        with signed_in(services, args) as actor:
            if args.export:
                count = outbox.export_dead(services.deps, actor, args.export)
                print(f"saved {count} dead row(s) to {args.export}")
            if args.retry or args.retry_all:
                ids = outbox.retry_dead(services.deps, actor, None if args.retry_all else args.retry)
                print(f"{len(ids)} row(s) will be sent again at the next sync"
                      + (f": {', '.join(map(str, ids))}" if ids else "")
                      + " (run `kiosk sync` to send them now)")
    finally:
        services.close()
    return 0


def _verify(args: argparse.Namespace, config: Config) -> int:
    """Anti-entropy now: exit 0 when every synced sale is in the cloud again, 1 when one could not
    be put back (a conflict for the manager, or the cloud stopped answering)."""
    from kiosk.cloud.engine import SyncEngine
    from kiosk.cloud.errors import CloudError, CloudUnavailable

    engine = SyncEngine(config)
    try:
        try:
            result = engine.antientropy.run_once()
        except (CloudUnavailable, CloudError) as err:
            raise CloudCommandError(str(err)) from None
        print(f"checked {result.bookings} synced booking(s), {result.seats} seat(s) of shows to "
              f"come, in {result.reads} read request(s): {len(result.resent)} missing in the cloud")
        conn = engine.worker.conn
        for booking_id in result.resent:
            reference = conn.execute("SELECT reference FROM bookings WHERE id = ?",
                                     (booking_id,)).fetchone()[0]
            seats = ", ".join(result.missing_seats[booking_id]) or "booking record only"
            print(f"  {reference}: missing {seats}; sending again")
        sent, conflicts = 0, []
        while result.resent:
            drain = engine.worker.run_once()
            sent += drain.done
            conflicts += drain.conflicts
            if drain.offline or not drain.done:
                break
        if result.resent:
            print(f"sent {sent}, conflicts {len(conflicts)} (seats sold elsewhere meanwhile: "
                  "see the manager's conflict queue)" if conflicts else f"sent {sent}")
        unsettled = [b for b in result.resent if conn.execute(
            "SELECT sync_state FROM bookings WHERE id = ?", (b,)).fetchone()[0] != "synced"]
    finally:
        engine.close()
    return 1 if unsettled else 0


def _allocate(args: argparse.Namespace, config: Config) -> int:
    return _manager_allocation(args, config, allocate=True)


def _release(args: argparse.Namespace, config: Config) -> int:
    return _manager_allocation(args, config, allocate=False)


def _manager_allocation(args: argparse.Namespace, config: Config, allocate: bool) -> int:
    from kiosk.cloud.allocations import AllocationManager
    from kiosk.cloud.context import CloudContext
    from kiosk.cloud.errors import CloudError, CloudUnavailable
    from kiosk.commands._staff import signed_in
    from kiosk.services.app import open_services

    services = open_services(config)
    manager = AllocationManager(CloudContext(config), config.db_path)
    try:
        with signed_in(services, args) as actor:
            try:
                if allocate:
                    seats = manager.allocate(args.show, args.count, actor=actor)
                    print(f"allocated {len(seats)} seat(s) to {config.kiosk_id}: {', '.join(seats)}")
                else:
                    seats = manager.revoke(actor, args.show)
                    print(f"gave back {len(seats)} seat(s): {', '.join(seats)}")
            except (CloudUnavailable, CloudError) as err:
                raise CloudCommandError(f"{err} (allocations need the cloud)") from None
    finally:
        manager.close()
        services.close()
    return 0


def _add_join_and_policy(sub) -> None:
    policy = sub.add_parser(
        "policy", help="print the IAM policy a kiosk or a manager console needs",
        description="Prints the policy JSON on stdout (for `aws iam create-policy "
        "--policy-document file://...`) and, on stderr, what IAM cannot express and the code "
        "enforces instead. Table, index, topic and region come from the config.")
    policy.add_argument("--role", choices=("kiosk", "manager"), required=True)
    policy.add_argument("--account", default="",
                        help="AWS account id for the ARNs (default: from [cloud] topic_arn, "
                        "else the placeholder ACCOUNT_ID)")
    policy.add_argument("--cinema", default=None,
                        help="narrow the per-cinema items to this cinema (default: cinema_id "
                        "from the config; empty = any cinema)")
    join = sub.add_parser(
        "join", help="make this device a member of a cinema (empty database filled from the cloud)",
        description="Checks the cinema exists in the cloud, writes cinema_id (and --kiosk-id) "
        "into the config file, creates an empty database (no demo data) and pulls the cinema's "
        "catalogue, staff and this kiosk's seat allocations. Over a database that has staff "
        "(the demo, another cinema, an earlier join) a manager of it must sign in: --staff "
        "NUMBER with the PIN in $KIOSK_PIN.")
    join.add_argument("--cinema", required=True, help="the cinema's id, as the manager published it")
    join.add_argument("--kiosk-id", dest="join_kiosk_id", default=None,
                      help="this device's kiosk id (written into the config file too)")
    join.add_argument("--staff", metavar="NUMBER", default=None,
                      help="a manager's staff number (PIN from $KIOSK_PIN or asked for); needed "
                      "when this database already has staff (not on a new, empty device)")


def _policy(args: argparse.Namespace, config: Config) -> int:
    import sys

    from kiosk.cloud import policy

    account = (args.account or policy.account_from_arn(config.cloud.topic_arn)
               or policy.ACCOUNT_PLACEHOLDER)
    if not account.isdigit() and account != policy.ACCOUNT_PLACEHOLDER:
        raise InvalidInput(f"--account must be the 12-digit AWS account id, not {account!r}.")
    cinema = config.cinema_id if args.cinema is None else args.cinema
    res = policy.resources(config.cloud.region, account, config.cloud.table,
                           config.cloud.topic_arn, config.cloud.topic_name)
    print(json.dumps(policy.build_policy(args.role, res, cinema), indent=2))
    for line in policy.describe(args.role):
        print(line, file=sys.stderr)
    if account == policy.ACCOUNT_PLACEHOLDER:
        print(f"Replace {policy.ACCOUNT_PLACEHOLDER} with your account id (or pass --account).",
              file=sys.stderr)
    return 0


def _publish(args: argparse.Namespace, config: Config) -> int:
    from kiosk.commands import cloud_publish

    return cloud_publish.run(args, config)


def _pull_day(args: argparse.Namespace, config: Config) -> int:
    from kiosk.commands import cloud_day

    return cloud_day.run(args, config)


def _join(args: argparse.Namespace, config: Config) -> int:
    from kiosk.cloud.join import JoinError, join_cinema
    from kiosk.commands._staff import sign_in_for_database

    actor = sign_in_for_database(config, args)
    try:
        result = join_cinema(config, args.cinema, kiosk_id=args.join_kiosk_id,
                             config_path=getattr(args, "config", None),
                             progress=lambda text: print(text, flush=True), actor=actor)
    except JoinError as err:
        raise CloudCommandError(str(err)) from None
    print(result.summary())
    return 0

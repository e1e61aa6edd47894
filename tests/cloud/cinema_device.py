"""One device of a shared cinema in its own process, driven by JSON lines on stdin/stdout.

``python -m tests.cloud.cinema_device --role manager|kiosk|web --endpoint URL --table T
--cinema C --kiosk-id K --db PATH`` answers one JSON object per request line:
``{"ok": true, "result": ...}`` or ``{"ok": false, "error": "<KioskError subclass>", "message"}``.

A manager or kiosk runs the app's own services (CloudGate) and the app's own sync loop
(``SyncEngine.tick`` on a background thread, as the GUI's SyncBridge does), on the real clock
(the moto server in the parent dates its answers by the real clock, and the kiosks compare).
A kiosk joins with ``kiosk.cloud.join.join_cinema`` (empty database, nothing seeded) before it
answers its first request. The web plays ``kiosk.cloud.channel.OnlineChannel`` (no database).
``network`` cuts this device's cloud clients (every call fails as if unplugged).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import threading
import time
import traceback
from dataclasses import replace
from pathlib import Path
from typing import Any

from kiosk.config import CloudConfig, Config
from kiosk.domain.clock import Clock
from kiosk.domain.errors import KioskError
from kiosk.services.models import Payment
from tests.cloud.helpers import NetworkSwitch

CARD = Payment("card", card_last4="4242")


def device_config(args: argparse.Namespace) -> Config:
    return Config(db_path=Path(args.db), kiosk_id=args.kiosk_id, cinema_id=args.cinema,
                  bcrypt_rounds=4, ticket_dir=Path(args.db).parent / "tickets",
                  mode="manager" if args.role == "manager" else "counter",
                  cloud=CloudConfig(enabled=True, table=args.table, region="ap-south-1",
                                    endpoint_url=args.endpoint, sync_interval_s=0.3,
                                    pull_interval_s=0.5, catalogue_interval_s=args.interval,
                                    auto_allocate=args.auto_allocate, verify_interval_s=0,
                                    probe_interval_s=2.0))


class Device:
    """A manager console or a counter: services + the sync loop over one database."""

    def __init__(self, args: argparse.Namespace):
        from kiosk.cloud.engine import SyncEngine
        from kiosk.services.app import open_services
        from kiosk.services.remote_decisions import applier_for

        self.config = device_config(args)
        self.clock = Clock()
        self.joined: dict[str, Any] = {}
        if args.role == "kiosk":
            from kiosk.cloud.join import join_cinema

            started = time.monotonic()
            result = join_cinema(self.config, args.cinema, clock=self.clock, write_config=False)
            self.joined = {"seconds": time.monotonic() - started, "counts": result.counts}
        self.svc = open_services(self.config, clock=self.clock)
        context = self.svc.gate.context
        self.engine = SyncEngine(self.config, context=context, clock=self.clock,
                                 decisions=applier_for(self.config, context, self.clock))
        clients = context.clients()
        self.network = NetworkSwitch(clients.dynamodb, clients.sns)
        self.actors: dict[str, Any] = {}
        self._stop = threading.Event()
        self._engine_lock = threading.Lock()
        self._thread = threading.Thread(target=self._loop, name="sync", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(0.05):  # the SyncBridge's cadence: tick, then a short pause
            with self._engine_lock:
                try:
                    self.engine.tick()
                except Exception:  # noqa: BLE001 - a test device logs and keeps going
                    logging.getLogger("device").exception("tick failed")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(10)
        self.engine.close()
        self.svc.close()

    # -------------------------------------------------------------- requests
    def op_joined(self) -> dict[str, Any]:
        return self.joined

    def op_sign_in(self, staff: str, pin: str) -> str:
        actor = self.svc.auth.sign_in(staff, pin)
        self.actors[staff] = actor
        return str(getattr(actor.role, "value", actor.role))

    def op_sell(self, staff: str, show: str, seats: list[str], ticket: str = "adult") -> dict:
        actor = self.actors[staff]
        hold = self.svc.booking.hold(actor, show, seats)
        booking = self.svc.booking.confirm(actor, hold.hold_id, {s: ticket for s in seats}, CARD)
        return {"booking_id": booking.booking_id, "reference": booking.reference,
                "total_minor": booking.total_minor,
                "prices": {line.seat_code: line.price_minor for line in booking.lines}}

    def op_refund(self, staff: str, reference: str, seats: list[str] | None = None) -> dict:
        result = self.svc.booking.refund(self.actors[staff], reference, seats, "customer_request")
        return {"amount_minor": result.amount_minor, "state": result.state}

    def op_publish(self, staff: str) -> int:
        from kiosk.cloud.catalogue_sync import publish

        result = publish(self.svc.gate.context, self.svc.deps.conn, self.config.cinema_id, staff,
                         clock=self.clock, cleaning_gap_min=self.config.cleaning_gap_min)
        return result.version

    def op_add_show(self, staff: str, film: str, hall: str, price_list: str,
                    local_start: str) -> str:
        from datetime import datetime

        show = self.svc.schedule.save_show(self.actors[staff], film_id=film, hall_id=hall,
                                           local_start=datetime.fromisoformat(local_start),
                                           price_list_id=price_list)
        return show.show_id

    def op_set_price(self, staff: str, price_list: str, seat_type: str, ticket_type: str,
                     amount_minor: int) -> None:
        plist = self.svc.schedule.price_list(price_list)
        prices = dict(plist.prices)
        prices[(seat_type, ticket_type)] = amount_minor
        self.svc.schedule.save_price_list(self.actors[staff], name=plist.name,
                                          currency=plist.currency, tax_rate_bp=plist.tax_rate_bp,
                                          prices=prices, price_list_id=price_list)

    def op_cancel_show(self, staff: str, show: str) -> None:
        self.svc.schedule.cancel_show(self.actors[staff], show)

    def op_deactivate(self, staff: str, number: str) -> None:
        row = self.svc.deps.conn.execute("SELECT id FROM staff WHERE staff_number = ?",
                                         (number,)).fetchone()
        self.svc.staff_admin.deactivate(self.actors[staff], row[0])

    def op_catalogue(self) -> dict[str, Any]:
        """What this device's own database says now (its last good copy)."""
        conn = self.svc.deps.conn
        return {
            "shows": {r[0]: r[1] for r in conn.execute("SELECT id, status FROM shows")},
            "prices": {f"{r[0]}/{r[1]}/{r[2]}": r[3] for r in conn.execute(
                "SELECT price_list_id, seat_type, ticket_type, amount_minor FROM prices")},
            "staff": {r[0]: bool(r[1]) for r in conn.execute(
                "SELECT staff_number, active FROM staff")},
        }

    def op_network(self, cut: bool) -> None:
        self.network.cut = cut

    def op_allocated(self, show: str) -> list[str]:
        return sorted(r[0] for r in self.svc.deps.conn.execute(
            "SELECT seat_code FROM allocations WHERE show_id = ? AND kiosk_id = ?",
            (show, self.config.kiosk_id)))

    def op_pending(self) -> int:
        """Outbox rows (sales, refunds, ledger rows) not yet in the cloud."""
        return self.svc.deps.conn.execute(  # ledger_queue: refunds, shifts (kiosk.cloud.ledger_sync)
            "SELECT (SELECT COUNT(*) FROM outbox WHERE done_at IS NULL)"
            " + (SELECT COUNT(*) FROM ledger_queue)").fetchone()[0]

    def op_own_sales(self) -> list[dict[str, Any]]:
        """This device's own bookings, as its own database records them."""
        return [dict(r) for r in self.svc.deps.conn.execute(
            "SELECT id AS booking_id, reference, total_minor, refunded_minor, state, channel, "
            "kiosk_id FROM bookings")]


def _day_report(device: Device, booking_ids: list[str]) -> dict[str, Any]:
    """Pull every business day the given sales fall on from the by_day index
    (``kiosk.cloud.daypull``), then add up the app's own daily sales report of each: the manager
    console's report of the day (a run that straddles the cinema's midnight covers both days)."""
    from datetime import date

    from kiosk.cloud.daypull import DayPuller

    context = device.svc.gate.context
    days: set[str] = set()
    for booking_id in booking_ids:
        item = context.clients().dynamodb.get_item(
            TableName=device.config.cloud.table, ConsistentRead=True,
            Key={"pk": {"S": f"BOOKING#{booking_id}"}, "sk": {"S": "META"}}).get("Item", {})
        if "business_date" not in item:
            raise KioskError(f"booking {booking_id} has no business date in the cloud")
        days.add(item["business_date"]["S"])
    manager = next(a for a in device.actors.values() if a.is_manager)
    totals = {"bookings": 0, "gross_minor": 0, "refunded_minor": 0, "net_minor": 0}
    by_kiosk: dict[str, int] = {}
    pulled = {"bookings": 0, "refunds": 0}
    for day in sorted(days):
        puller = DayPuller(context, device.config.db_path, device.clock)
        try:
            got = puller.pull(device.config.cinema_id, day)
        finally:
            puller.close()
        pulled["bookings"] += got.bookings
        pulled["refunds"] += got.refunds
        report = device.svc.reports.daily_sales(manager, date.fromisoformat(day))
        total = report.total("INR")
        for key, field in (("bookings", "bookings"), ("gross_minor", "gross"),
                           ("refunded_minor", "refunds"), ("net_minor", "net_sales")):
            totals[key] += total[field]
        for row in report.by_kiosk.as_dicts():
            by_kiosk[row["kiosk_id"]] = by_kiosk.get(row["kiosk_id"], 0) + row["gross"]
    return {"business_dates": sorted(days), **totals,
            "by_kiosk": [{"kiosk_id": k, "gross": v} for k, v in by_kiosk.items()],
            "pulled": pulled}


Device.op_day_report = _day_report  # type: ignore[attr-defined]


class Web:
    """The online channel: sells through the cloud with no database of its own."""

    def __init__(self, args: argparse.Namespace):
        from kiosk.cloud.channel import CHANNEL_ID, OnlineChannel
        from kiosk.cloud.context import CloudContext

        config = replace(device_config(args), kiosk_id=CHANNEL_ID)
        self.channel = OnlineChannel.for_context(CloudContext(config), cinema_id=args.cinema)
        self.sales: list[dict[str, Any]] = []
        self.joined: dict[str, Any] = {}

    def op_sell(self, show: str, seats: list[str]) -> dict[str, Any]:
        sale = self.channel.buy(show, seats)
        record = {"booking_id": sale.booking_id, "reference": sale.reference,
                  "total_minor": sale.total_minor, "refunded_minor": 0, "state": "confirmed",
                  "channel": "online", "kiosk_id": "WEB"}
        self.sales.append(record)
        return record

    def op_own_sales(self) -> list[dict[str, Any]]:
        return self.sales

    def close(self) -> None:
        return None


def serve(device, stdin=sys.stdin, stdout=sys.stdout) -> None:
    print(json.dumps({"ok": True, "result": {"ready": True, **device.joined}}), file=stdout,
          flush=True)
    for line in stdin:
        request = json.loads(line)
        op = request.pop("op")
        if op == "quit":
            break
        try:
            result = getattr(device, f"op_{op}")(**request)
            answer = {"ok": True, "result": result}
        except KioskError as err:
            answer = {"ok": False, "error": type(err).__name__, "message": str(err)}
        except Exception as err:  # noqa: BLE001 - reported to the test, which fails on it
            answer = {"ok": False, "error": type(err).__name__, "message": str(err),
                      "trace": traceback.format_exc()}
        print(json.dumps(answer, default=str), file=stdout, flush=True)
    device.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--role", choices=("manager", "kiosk", "web"), required=True)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--table", required=True)
    parser.add_argument("--cinema", required=True)
    parser.add_argument("--kiosk-id", required=True)
    parser.add_argument("--db", default="/nonexistent/web.db")
    parser.add_argument("--interval", type=float, default=1.0)
    parser.add_argument("--auto-allocate", type=int, default=0)
    args = parser.parse_args()
    from kiosk.cloud.server import quiet

    quiet()
    device = Web(args) if args.role == "web" else Device(args)
    serve(device)


if __name__ == "__main__":
    main()

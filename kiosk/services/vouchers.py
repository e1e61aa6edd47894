"""Single-use vouchers: issued by a manager, used once at a sale (migration 0024, rules in
``kiosk.domain.vouchers``).

At the sale a voucher is checked before anything is written (``for_sale``: it exists, is this
cinema's, unused, not expired), taken in the cloud with cloud sync on (``take``: a conditional
write before the local commit, after an outbox intent of kind ``voucher_void`` that gives it
back should the sale never commit), and recorded in the sale's transaction (``record_use``:
without the cloud, a conditional UPDATE that only an unused voucher passes: two counters using
one voucher at once, one sale rolls back and is told). With cloud sync a voucher another device
issued is read from the cloud; offline, vouchers are refused in words (the cloud alone knows
whether another device used it).
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from kiosk.domain import vouchers as rules
from kiosk.domain.clock import local, to_iso
from kiosk.domain.errors import InvalidInput, NotFound
from kiosk.domain.menu import Order
from kiosk.domain.offers import PromoRefused
from kiosk.domain.vouchers import Voucher
from kiosk.services import audit, outbox
from kiosk.services.auth import require_role
from kiosk.services.deps import ServiceDeps
from kiosk.services.models import Actor, Role
from kiosk.store.db import transaction

if TYPE_CHECKING:
    from kiosk.cloud.vouchers import CloudVouchers

OUTBOX_KIND = "voucher_void"
ISSUE_ATTEMPTS = 5

_OFFLINE = ("Vouchers are checked in the cloud (another counter may have used this one), and "
            "this kiosk cannot reach it now. Sell without the voucher or try again when the "
            "connection is back; nothing was charged.")


@dataclass(frozen=True)
class SaleVoucher:
    """A voucher a sale uses, and the cloud's intent to give it back (None: local)."""

    voucher: Voucher
    intent: int | None = None

    def order(self) -> Order | None:
        """An item voucher's free order (None for a ticket voucher)."""
        return parse_item(self.voucher.item) if self.voucher.kind == "item" else None


def parse_item(text: str) -> Order:
    from kiosk.services.item_sales import parse_orders

    return parse_orders([text])[0]


def _row(conn: sqlite3.Connection, code: str) -> Voucher | None:
    row = conn.execute("SELECT * FROM vouchers WHERE code = ?", (code,)).fetchone()
    if row is None:
        return None
    return Voucher(row["code"], row["cinema_id"], row["kind"], row["label"], row["item"],
                   row["valid_to"], row["state"], row["used_by"] or "")


def for_sale(deps: ServiceDeps, raw_code: str, cinema_id: str, sale_date: date,
             sale_key: str) -> Voucher:
    """The voucher a code names, when this sale may use it; PromoRefused says why not."""
    code = rules.normalise_code(raw_code)
    cloud = deps.vouchers_cloud
    if cloud is None:
        voucher = _row(deps.conn, code)
    else:
        from kiosk.cloud.errors import CloudError, CloudUnavailable

        if not cloud.worth_trying():
            raise PromoRefused(_OFFLINE)
        try:
            voucher = cloud.read(cinema_id, code)
        except (CloudUnavailable, CloudError):
            raise PromoRefused(_OFFLINE) from None
    if voucher is None:
        raise PromoRefused(f"Voucher {rules.display_code(code)} is not known here. Check the "
                           "code; a voucher of another cinema cannot be used here.")
    refusal = voucher.refusal(cinema_id, sale_date, sale_key)
    if refusal is not None:
        raise refusal
    return voucher


def take(deps: ServiceDeps, voucher: Voucher, sale_key: str, due_at: datetime,
         now: datetime) -> SaleVoucher:
    """With cloud sync, take the voucher in the cloud before the local commit."""
    cloud = deps.vouchers_cloud
    if cloud is None:
        return SaleVoucher(voucher)
    from kiosk.cloud.errors import CloudError, CloudUnavailable
    from kiosk.cloud.vouchers import VoucherTaken

    conn = deps.conn
    with transaction(conn):
        intent = outbox.enqueue(conn, kind=OUTBOX_KIND, booking_id=None, now=now, payload={
            "cinema_id": voucher.cinema_id, "code": voucher.code, "sale_key": sale_key})
        conn.execute("UPDATE outbox SET next_attempt_at = ? WHERE id = ?", (to_iso(due_at),
                                                                            intent))
    try:
        cloud.use(voucher.cinema_id, voucher.code, sale_key, now)
    except VoucherTaken:
        with transaction(conn):
            outbox.mark_done(conn, intent, now)
        raise PromoRefused(f"Voucher {rules.display_code(voucher.code)} has already been "
                           "used.") from None
    except (CloudUnavailable, CloudError):
        raise PromoRefused(_OFFLINE) from None  # it may be taken: the intent gives it back
    return SaleVoucher(voucher, intent)


def give_back_now(deps: ServiceDeps, used: SaleVoucher | None, sale_key: str) -> None:
    """A sale refused after its voucher was taken in the cloud: give it back at once (best
    effort: offline, the intent does it later)."""
    if used is None or used.intent is None or deps.vouchers_cloud is None:
        return
    from kiosk.cloud.errors import CloudError, CloudUnavailable

    try:
        deps.vouchers_cloud.release(used.voucher.cinema_id, used.voucher.code, sale_key)
    except (CloudUnavailable, CloudError):
        return
    with transaction(deps.conn):
        outbox.mark_done(deps.conn, used.intent, deps.clock.now())


def record_use(conn: sqlite3.Connection, used: SaleVoucher, sale_key: str, now: datetime,
               kiosk_id: str) -> None:
    """Inside the sale's transaction: the voucher is this sale's. Without the cloud this is the
    single-use check itself (PromoRefused rolls the sale back)."""
    v = used.voucher
    if used.intent is not None:  # taken in the cloud: this device's copy follows
        conn.execute(
            "INSERT INTO vouchers (code, cinema_id, kind, label, item, valid_to, state, batch, "
            "issued_at, used_at, used_by, used_kiosk) VALUES (?, ?, ?, ?, ?, ?, 'used', "
            "'cloud', ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET state = 'used', "
            "used_at = excluded.used_at, used_by = excluded.used_by, "
            "used_kiosk = excluded.used_kiosk",
            (v.code, v.cinema_id, v.kind, v.label, v.item, v.valid_to, to_iso(now), to_iso(now),
             sale_key, kiosk_id))
        outbox.mark_done(conn, used.intent, now)
        return
    taken = conn.execute(
        "UPDATE vouchers SET state = 'used', used_at = ?, used_by = ?, used_kiosk = ? "
        "WHERE code = ? AND state = 'issued'",
        (to_iso(now), sale_key, kiosk_id, v.code)).rowcount
    if not taken:
        raise PromoRefused(f"Voucher {rules.display_code(v.code)} has already been used.")


class VoucherService:
    """Issuing, reading and cancelling vouchers (a manager's), for the CLI and the console."""

    def __init__(self, deps: ServiceDeps):
        self.deps = deps

    @property
    def conn(self) -> sqlite3.Connection:
        return self.deps.conn

    def issue(self, actor: Actor, cinema_id: str, kind: str, count: int, item: str = "",
              valid_to: str = "", label: str = "") -> list[Voucher]:
        """A batch of ``count`` vouchers; with cloud sync each is put in the cloud first (so
        every device can take it), which needs the connection."""
        require_role(self.deps, actor, Role.MANAGER, "voucher_issue", cinema_id)
        kind, count = rules.check_batch(kind, count)
        cinema = self.conn.execute("SELECT timezone FROM cinemas WHERE id = ?",
                                   (cinema_id,)).fetchone()
        if cinema is None:
            raise NotFound(f"There is no cinema {cinema_id!r}.")
        label = " ".join(str(label or "").split())[:40]
        if kind == "item":
            if not str(item or "").strip():
                raise InvalidInput("An item voucher names its item: --item ID[:CHOICE,..].")
            from kiosk.services.item_sales import price

            order = parse_item(item)
            if order.qty != 1:
                raise InvalidInput("An item voucher is for one item.")
            line = price(self.conn, cinema_id, [order]).lines[0]  # a real, sellable order
            item, label = _order_text(order), label or f"Free {line.label}"
        else:
            item, label = "", label or "Complimentary ticket"
        if valid_to:
            try:
                valid_to = date.fromisoformat(str(valid_to)).isoformat()
            except ValueError:
                raise InvalidInput(f"--until must be a date like 2026-12-31, not {valid_to!r}.") from None
        now = self.deps.clock.now()
        if valid_to and valid_to < local(now, cinema["timezone"]).date().isoformat():
            raise InvalidInput("The vouchers would expire before they are used: --until is past.")
        batch = uuid.uuid4().hex[:12]
        made = [Voucher(rules.new_code(), cinema_id, kind, label, item, valid_to)
                for _ in range(count)]
        cloud = self.deps.vouchers_cloud
        if cloud is not None:
            made = self._issue_in_cloud(cloud, made, now)
        with transaction(self.conn) as conn:
            conn.executemany(
                "INSERT INTO vouchers (code, cinema_id, kind, label, item, valid_to, batch, "
                "issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(v.code, v.cinema_id, v.kind, v.label, v.item, v.valid_to, batch, to_iso(now),
                  actor.staff_id) for v in made])
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="voucher_issue",
                         staff_id=actor.staff_id, target=cinema_id,
                         detail={"batch": batch, "kind": kind, "count": len(made),
                                 "label": label, "item": item, "valid_to": valid_to})
        return made

    def _issue_in_cloud(self, cloud: CloudVouchers, made: list[Voucher],
                        now: datetime) -> list[Voucher]:
        from kiosk.cloud.errors import CloudError, CloudUnavailable
        from kiosk.cloud.vouchers import VoucherTaken

        if not cloud.worth_trying():
            raise InvalidInput("Vouchers are issued in the cloud, so that every device can "
                               "take them, and this kiosk cannot reach it now. Try again when "
                               "the connection is back.")
        issued = []
        try:
            for voucher in made:
                for _ in range(ISSUE_ATTEMPTS):
                    try:
                        cloud.issue(voucher, self.deps.config.kiosk_id, now)
                    except VoucherTaken:  # that code exists already: draw another
                        voucher = replace(voucher, code=rules.new_code())
                        continue
                    issued.append(voucher)
                    break
        except (CloudUnavailable, CloudError):
            if not issued:
                raise InvalidInput("The cloud could not be reached to issue the vouchers; "
                                   "none were issued. Try again.") from None
        return issued

    def get(self, raw_code: str) -> Voucher:
        code = rules.normalise_code(raw_code)
        voucher = _row(self.conn, code)
        cloud = self.deps.vouchers_cloud
        if cloud is not None and cloud.worth_trying():
            from kiosk.cloud.errors import CloudError, CloudUnavailable

            try:
                voucher = cloud.read(voucher.cinema_id if voucher else self.deps.config.cinema_id,
                                     code) or voucher
            except (CloudUnavailable, CloudError):
                pass
        if voucher is None:
            raise NotFound(f"Voucher {rules.display_code(code)} is not known here.")
        return voucher

    def void(self, actor: Actor, raw_code: str) -> Voucher:
        """A manager cancels an unused voucher (a lost batch, a mistake)."""
        require_role(self.deps, actor, Role.MANAGER, "voucher_void", str(raw_code))
        voucher = self.get(raw_code)
        if voucher.state != "issued":
            raise InvalidInput(f"Voucher {rules.display_code(voucher.code)} is {voucher.state}: "
                               "only an unused voucher can be cancelled.")
        cloud = self.deps.vouchers_cloud
        if cloud is not None:
            from kiosk.cloud.vouchers import VoucherTaken

            try:
                cloud.void(voucher.cinema_id, voucher.code)
            except VoucherTaken:
                raise InvalidInput(f"Voucher {rules.display_code(voucher.code)} was used "
                                   "meanwhile.") from None
        now = self.deps.clock.now()
        with transaction(self.conn) as conn:
            cancelled = conn.execute(
                "UPDATE vouchers SET state = 'void' WHERE code = ? AND state = 'issued'",
                (voucher.code,)).rowcount
            known_here = conn.execute("SELECT 1 FROM vouchers WHERE code = ?",
                                      (voucher.code,)).fetchone()
            if known_here and not cancelled:  # used here between the read and now
                raise InvalidInput(f"Voucher {rules.display_code(voucher.code)} was used "
                                   "meanwhile.")
            audit.record(conn, at=now, kiosk_id=actor.kiosk_id, action="voucher_void",
                         staff_id=actor.staff_id, target=voucher.code)
        return self.get(voucher.code)


def _order_text(order: Order) -> str:
    choices = f":{','.join(order.modifiers)}" if order.modifiers else ""
    return f"{order.sku}=1{choices}"

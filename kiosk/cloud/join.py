"""Join a cinema: a device becomes one of the cinema's counters, kiosks or manager consoles.

``kiosk cloud join --cinema ID`` and the app's first-run screen both call ``join_cinema``:

1. refuse, changing nothing, if this database holds sales, refunds or messages not yet sent to
   the cloud (the guard of ``kiosk init --force``), if it has staff and no manager of it signed
   in (``kiosk.services.db_guard``: a join replaces the staff list, and wipes another cinema's
   data; audited), if the cloud is off or unreachable, or if the cinema has no
   ``CINEMA#<id>``/``VERSION`` item (nobody published it);
2. start from an EMPTY database (migrations only, never the demo data): a database holding
   anything but this cinema's own copy (the demo, another cinema) is backed up, then wiped;
3. pull the cinema's catalogue and staff (the catalogue helper's ``kiosk.cloud.catalogue_sync``),
   then, with ``[cloud] auto_allocate``, this kiosk's offline allocations, and the seat states of
   the shows on sale;
4. only then write ``cinema_id`` (and the kiosk id) into the config file, so a failed join never
   leaves a device that believes it belongs to a cinema it has no copy of.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import Config
from kiosk.domain.clock import Clock
from kiosk.domain.errors import KioskError

if TYPE_CHECKING:
    from kiosk.cloud.clients import CloudClients

if TYPE_CHECKING:
    from kiosk.services.models import Actor

CINEMA_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
KIOSK_ID = CINEMA_ID
_OWN_DATA_TABLES = ("cinemas", "halls", "films", "price_lists", "shows", "staff", "bookings",
                    "shifts")


class JoinError(KioskError):
    """Joining was refused or failed; the message says why and what to do."""


@dataclass
class JoinResult:
    cinema_id: str
    kiosk_id: str
    db_path: Path
    config_path: Path | None
    counts: dict[str, int] = field(default_factory=dict)
    allocated: dict[str, int] = field(default_factory=dict)
    backup: Path | None = None
    seconds: float = 0.0
    env_overrides: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        what = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        lines = [f"Joined cinema {self.cinema_id} as {self.kiosk_id} in {self.seconds:.1f} s: "
                 f"{what or 'nothing'} pulled into {self.db_path}."]
        if self.allocated:
            lines.append(f"Seats set aside for offline selling: {sum(self.allocated.values())} "
                         f"over {len(self.allocated)} show(s).")
        if self.backup:
            lines.append(f"The previous database was saved to {self.backup}.")
        if self.config_path:
            lines.append(f"cinema_id written to {self.config_path}.")
        for why in self.skipped:
            lines.append(f"Not usable, left out: {why}")
        for name in self.env_overrides:
            lines.append(f"Note: {name} is set in the environment and overrides the file.")
        return "\n".join(lines)


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: S608
            for t in ("cinemas", "halls", "films", "shows", "staff")}


def needs_first_run(config: Config, conn: sqlite3.Connection) -> bool:
    """The app shows the first-run screen: the cloud is on and the device has no catalogue of
    its own yet (no cinema joined, or joined but its copy is missing)."""
    if not config.cloud.enabled:
        return False
    has_catalogue = conn.execute("SELECT COUNT(*) FROM cinemas").fetchone()[0] > 0
    return not has_catalogue


def _check_local(conn: sqlite3.Connection) -> None:
    from kiosk.commands.init import _unsent, refusal

    kinds, dead = _unsent(conn)
    if kinds:
        raise JoinError(refusal(kinds, dead).replace("Not erased", "Not joined"))


def _belongs_to(conn: sqlite3.Connection, cinema_id: str) -> bool | None:
    """None: empty database; True: it holds only this cinema's copy; False: anything else."""
    from kiosk.store.demo import DEMO_MARKER

    if not any(conn.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone()  # noqa: S608
               for t in _OWN_DATA_TABLES):
        return None
    demo = conn.execute("SELECT 1 FROM settings WHERE key = ?", (DEMO_MARKER,)).fetchone()
    cinemas = {r[0] for r in conn.execute("SELECT id FROM cinemas")}
    return not demo and cinemas <= {cinema_id}


def check_cinema(config: Config, cinema_id: str) -> CloudClients:
    """The cinema's VERSION item from the cloud (strongly consistent); JoinError if the cloud is
    off, unreachable, or has no such cinema. Returns the clients for the rest of the join."""
    from kiosk.cloud.clients import CloudClients, Timeouts
    from kiosk.cloud.errors import CloudError, CloudUnavailable, translate

    if not config.cloud.enabled:
        raise JoinError("The cloud is off on this device: set [cloud] enabled = true in the "
                        "config file (or KIOSK_CLOUD_ENABLED=1) and try again. Nothing was "
                        "changed.")
    where = config.cloud.endpoint_url or f"AWS {config.cloud.region}"
    try:
        clients = CloudClients(config.cloud, Timeouts(connect_s=2.0, read_s=5.0))
        try:
            item = clients.dynamodb.get_item(
                TableName=clients.table, ConsistentRead=True,
                Key={"pk": {"S": f"CINEMA#{cinema_id}"}, "sk": {"S": "VERSION"}}).get("Item")
        except Exception as exc:  # noqa: BLE001 - translated into words for the person
            raise translate(exc) from exc
    except CloudUnavailable as err:
        raise JoinError(f"Cannot reach the cloud ({where}): {err} Check the network and try "
                        "again. Nothing was changed.") from None
    except CloudError as err:
        raise JoinError(f"The cloud ({where}, table {config.cloud.table}) refused: {err} "
                        "Nothing was changed.") from None
    if item is None:
        raise JoinError(f"There is no cinema {cinema_id!r} in the cloud ({where}, table "
                        f"{config.cloud.table}). Check the id with the manager; a manager "
                        "console publishes the cinema first. Nothing was changed.")
    return clients


def _wipe(config: Config, conn: sqlite3.Connection) -> Path:
    """Back up, then empty, a database holding the demo or another cinema (no unsent work)."""
    from kiosk.commands.init import _wipe_unchanged
    from kiosk.store.backup import backup

    max_id = conn.execute("SELECT COALESCE(MAX(id), 0) FROM outbox").fetchone()[0]
    saved = backup(config.db_path)
    _wipe_unchanged(conn, max_id)
    return saved


def pull_catalogue(config: Config, clock: Clock) -> list[str]:
    """Fill the local catalogue and staff from the cloud (``kiosk.cloud.catalogue_sync``, the
    catalogue helper's puller); returns the items it could not use (their reasons)."""
    from kiosk.cloud.catalogue_sync import CataloguePuller
    from kiosk.cloud.context import CloudContext

    puller = CataloguePuller(CloudContext(config), config.db_path, clock)
    try:
        result = puller.pull(config.cinema_id)
    finally:
        puller.close()
    return [f"{sk}: {why}" for sk, why in result.skipped.items()]


def _allocate_and_pull_seats(config: Config, clock: Clock) -> dict[str, int]:
    from kiosk.cloud.allocations import AllocationManager
    from kiosk.cloud.context import CloudContext
    from kiosk.cloud.pull import Puller, shows_on_sale

    context = CloudContext(config)
    allocated: dict[str, int] = {}
    if config.cloud.auto_allocate > 0:
        manager = AllocationManager(context, config.db_path, clock=clock)
        try:
            allocated = manager.maintain(shows_on_sale(manager.conn, clock.now()))
        finally:
            manager.close()
    puller = Puller(context, config.db_path, clock=clock)
    try:
        puller.pull_on_sale()
    finally:
        puller.close()
    return allocated


def join_cinema(config: Config, cinema_id: str, *, kiosk_id: str | None = None,
                config_path: Path | None = None, clock: Clock | None = None,
                progress: Callable[[str], None] = lambda _text: None,
                write_config: bool = True, actor: Actor | None = None) -> JoinResult:
    """Make this device a member of ``cinema_id`` (see the module docstring for the steps).

    ``actor``: the signed-in manager, needed when the database has staff (none when it has
    none, as on a new device)."""
    from kiosk.config_edit import config_file_path, overridden_by_env, set_top_level_audited
    from kiosk.services.db_guard import require_manager_for_database
    from kiosk.store.db import open_db

    started = time.monotonic()
    clock = clock or Clock()
    cinema_id = cinema_id.strip()
    if not CINEMA_ID.match(cinema_id):
        raise JoinError(f"{cinema_id!r} is not a cinema id (letters, digits, '-', '_' or '.', "
                        "up to 64). Nothing was changed.")
    if kiosk_id is not None and not KIOSK_ID.match(kiosk_id):
        raise JoinError(f"{kiosk_id!r} is not a kiosk id. Nothing was changed.")
    config = config.with_overrides(cinema_id=cinema_id, kiosk_id=kiosk_id)
    if config.db_path.exists():  # read-only checks first: a refusal changes nothing
        progress(f"Checking {config.db_path} ...")
        db = open_db(config.db_path)
        try:
            _check_local(db.conn)
        finally:
            db.conn.close()
        require_manager_for_database(config, actor, "cloud.join", cinema_id, clock,
                                     what=f"join this device to cinema {cinema_id}")
    progress(f"Looking for cinema {cinema_id} in the cloud ...")
    check_cinema(config, cinema_id)
    saved = None
    db = open_db(config.db_path)  # creates an empty, migrated database if there is none
    try:
        _check_local(db.conn)  # again: a sale may have been queued meanwhile
        if _belongs_to(db.conn, cinema_id) is False:
            progress("Saving and emptying the old database (demo or another cinema) ...")
            saved = _wipe(config, db.conn)
    finally:
        db.conn.close()
    progress("Pulling the catalogue and the staff list ...")
    try:
        skipped = pull_catalogue(config, clock)
        progress("Pulling seat states and allocations ...")
        allocated = _allocate_and_pull_seats(config, clock)
    except JoinError:
        raise
    except KioskError as err:
        raise JoinError(f"Joining stopped while pulling from the cloud: {err}"
                        + (f" The previous database is saved in {saved}." if saved else "")
                        + " Run the join again when the cloud answers.") from None
    db = open_db(config.db_path)
    try:
        pulled = counts(db.conn)
    finally:
        db.conn.close()
    if not pulled["cinemas"]:
        raise JoinError(f"The cloud sent no catalogue for cinema {cinema_id}; the manager "
                        "console must publish it first. The config file was not changed.")
    path = None
    if write_config:
        path = config_file_path(config_path)
        values = {"cinema_id": cinema_id}
        if kiosk_id:
            values["kiosk_id"] = kiosk_id
        db = open_db(config.db_path)
        try:
            set_top_level_audited(path, values, db.conn, at=clock.now(), kiosk_id=config.kiosk_id,
                                  reason=f"joined cinema {cinema_id}")
        finally:
            db.conn.close()
    return JoinResult(cinema_id=cinema_id, kiosk_id=config.kiosk_id, db_path=config.db_path,
                      config_path=path, counts=pulled, allocated=allocated, backup=saved,
                      seconds=time.monotonic() - started,
                      env_overrides=overridden_by_env(["cinema_id", "kiosk_id"]),
                      skipped=skipped)

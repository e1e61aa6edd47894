"""``kiosk cloud publish``: a manager publishes this device's whole catalogue and staff directory
of ``cinema_id`` to the shared cinema (the first publish of an existing cinema; later edits
publish themselves from the manager console).

The PIN is asked for (hidden) or read from ``$KIOSK_PIN``; it is never a command-line argument,
where it would stay in the shell history and the process list. The sign-in is the ordinary one
(audited, lockouts count), and ``kiosk.cloud.catalogue_sync.publish`` refuses a non-manager
again, validates everything first and writes nothing when anything is wrong.
"""

from __future__ import annotations

import argparse

from kiosk.config import Config
from kiosk.domain.errors import InvalidInput, PermissionDenied


def add_parser(sub) -> None:
    p = sub.add_parser("publish", help="publish this cinema's catalogue and staff (manager)",
                       description="Publishes the cinemas's halls, films, price lists, shows and "
                       "staff (cinema_id from the config) as one versioned change. The PIN is "
                       "asked for, or read from $KIOSK_PIN.")
    p.add_argument("--staff", required=True, metavar="NUMBER", help="your (manager's) staff number")


def run(args: argparse.Namespace, config: Config) -> int:
    from kiosk.cloud.catalogue_sync import publish
    from kiosk.commands._staff import signed_in
    from kiosk.services.app import open_services

    if not config.cinema_id:
        raise InvalidInput("Set cinema_id (config file or KIOSK_CINEMA_ID) before publishing.")
    if not config.cloud.enabled:
        raise InvalidInput("Cloud sync is off: set [cloud] enabled = true first.")
    services = open_services(config)
    try:
        with signed_in(services, args) as actor:
            if not actor.is_manager:
                raise PermissionDenied("Only a manager can publish the catalogue.")
            context = services.gate.context  # type: ignore[attr-defined]
            result = publish(context, services.deps.conn, config.cinema_id, actor.staff_number,
                             clock=services.deps.clock,
                             cleaning_gap_min=config.cleaning_gap_min, kiosk_id=config.kiosk_id)
    finally:
        services.close()
    if not result.published:
        print(f"Nothing to publish: cinema {config.cinema_id} is at version {result.version}.")
    else:
        print(f"Published {len(result.published)} items of cinema {config.cinema_id} as version "
              f"{result.version} ({result.transactions} transaction(s)).")
    return 0

"""Write catalogue items in the agreed format (DESIGN 4b key plan) straight into the table.

The catalogue helper's publisher writes these for real; the claim-check and lockout tests write
them directly, so they test the claims' conditions alone: ``CINEMA#<cinema>`` / ``VERSION``
(number ``version``), ``SHOW#<id>`` with top-level ``status``, ``STAFF#<number>`` with top-level
``active`` and ``role``; each with ``version``, ``kind``, ``body`` (JSON), ``updated_at``,
``updated_by``.
"""

from __future__ import annotations

import json

from kiosk.cloud.claims import av

STAMP = "2026-11-25T12:00:00Z"


def _put(client, table: str, cinema: str, sk: str, version: int, kind: str,
         body: dict, **top) -> None:
    item = {"pk": f"CINEMA#{cinema}", "sk": sk, "version": version, "kind": kind,
            "body": json.dumps(body, sort_keys=True), "updated_at": STAMP, "updated_by": "M1",
            **top}
    client.put_item(TableName=table, Item={k: av(v) for k, v in item.items()})


def put_version(client, table: str, cinema: str, version: int = 1) -> None:
    client.put_item(TableName=table, Item={"pk": av(f"CINEMA#{cinema}"), "sk": av("VERSION"),
                                           "version": av(version)})


def put_show(client, table: str, cinema: str, show_id: str, status: str = "scheduled",
             version: int = 1) -> None:
    _put(client, table, cinema, f"SHOW#{show_id}", version, "show",
         {"id": show_id, "status": status}, status=status)


def put_staff(client, table: str, cinema: str, number: str, active: bool = True,
              role: str = "cashier", version: int = 1) -> None:
    _put(client, table, cinema, f"STAFF#{number}", version, "staff",
         {"staff_number": number, "active": active, "role": role}, active=active, role=role)


def publish(client, table: str, cinema: str, shows: dict[str, str] | None = None,
            staff: dict[str, bool] | None = None, version: int = 1) -> None:
    """A published cinema: its version item, the shows (id -> status), staff (number -> active)."""
    put_version(client, table, cinema, version)
    for show_id, status in (shows or {}).items():
        put_show(client, table, cinema, show_id, status, version)
    for number, active in (staff or {}).items():
        put_staff(client, table, cinema, number, active, version=version)

"""Set top-level keys of the kiosk's TOML config file, keeping its comments and layout.

``kiosk cloud join`` records the cinema (and kiosk id) here so every later start belongs to the
cinema. A change the app makes goes through ``set_top_level_audited``: one ``config_change`` audit
row (file, each key's old and new value, why) that commits only once the file is written. There is no TOML writer in the standard library, and the file is hand-edited, so this
edits lines: a top-level key is replaced where it stands (before the first ``[table]``), or
added just before the first table. The result is parsed again before it replaces the file, and
the write is atomic (temporary file, then rename), so a crash never leaves half a config.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.config import ENV_PREFIX, default_config_path

_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_TABLE = re.compile(r"^\s*\[")


def config_file_path(explicit: Path | None, env: dict[str, str] | None = None) -> Path:
    """The file ``load_config`` reads: ``--config``, else ``$KIOSK_CONFIG``, else the default."""
    env = dict(os.environ if env is None else env)
    if explicit:
        return Path(explicit)
    return Path(env["KIOSK_CONFIG"]) if env.get("KIOSK_CONFIG") else default_config_path()


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def set_top_level(path: Path, values: dict[str, str]) -> None:
    """Write ``key = "value"`` for each item as a top-level setting of the file at ``path``."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = text.splitlines()
    first_table = next((i for i, line in enumerate(lines) if _TABLE.match(line)), len(lines))
    pending = dict(values)
    for i in range(first_table):
        match = _KEY.match(lines[i])
        if match and match.group(1) in pending:
            key = match.group(1)
            lines[i] = f"{key} = {_toml_string(pending.pop(key))}"
    added = [f"{key} = {_toml_string(value)}" for key, value in pending.items()]
    if added and first_table < len(lines):
        added.append("")
    lines[first_table:first_table] = added
    new_text = "\n".join(lines) + "\n"
    parsed = tomllib.loads(new_text)  # never write a file load_config could not read
    for key, value in values.items():
        if parsed.get(key) != value:
            raise ValueError(f"could not set {key} in {path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(new_text, encoding="utf-8")
    os.replace(tmp, path)


def overridden_by_env(keys: list[str], env: dict[str, str] | None = None) -> list[str]:
    """Environment variables that would override these top-level keys at the next start."""
    env = dict(os.environ if env is None else env)
    return [ENV_PREFIX + k.upper() for k in keys if ENV_PREFIX + k.upper() in env]


def _current(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def set_top_level_audited(path: Path, values: dict[str, str], conn: sqlite3.Connection, *,
                          at: datetime, kiosk_id: str, staff_id: int | None = None,
                          reason: str = "") -> dict[str, list[Any]]:
    """``set_top_level`` with a ``config_change`` audit row in the kiosk database ``conn``.

    The row is written first and committed only after the file has been replaced, so a failed
    write leaves no row and a row always means the file changed. Returns {key: [old, new]} of
    what changed (no row when nothing did).
    """
    from kiosk.services.audit import record
    from kiosk.store.db import transaction

    before = _current(path)
    changes = {k: [before.get(k), v] for k, v in values.items() if before.get(k) != v}
    if not changes:
        set_top_level(path, values)
        return changes
    with transaction(conn):
        record(conn, at=at, kiosk_id=kiosk_id, action="config_change", staff_id=staff_id,
               target=str(path), detail={"changes": changes, "reason": reason})
        set_top_level(path, values)
    return changes
